//! Shrinks HTML and CSS with minify-html, with options pinned by tests.
//!
//! Only spec-compliant minification: attribute values stay quoted where the
//! spec needs it and the doctype stays readable, so the Nu HTML Checker
//! accepts every page. The stylesheet is minified once per build and then
//! left alone inside each page, which keeps per-page work small.

use minify_html::Cfg;

fn page_config() -> Cfg {
    Cfg {
        allow_noncompliant_unquoted_attribute_values: false,
        allow_optimal_entities: false,
        allow_removing_spaces_between_attributes: false,
        keep_closing_tags: false,
        keep_comments: false,
        keep_html_and_head_opening_tags: true,
        keep_input_type_text_attr: false,
        keep_ssi_comments: false,
        minify_css: false,
        minify_doctype: false,
        minify_js: false,
        preserve_brace_template_syntax: false,
        preserve_chevron_percent_template_syntax: false,
        remove_bangs: false,
        remove_processing_instructions: false,
    }
}

/// Minifies a whole HTML document.
pub fn html(document: &str) -> Vec<u8> {
    minify_html::minify(document.as_bytes(), &page_config())
}

/// Minifies a stylesheet (by minifying it inside a `<style>` element).
pub fn css(stylesheet: &str) -> String {
    let cfg = Cfg {
        minify_css: true,
        ..page_config()
    };
    let wrapped = format!("<style>{stylesheet}</style>");
    let out = String::from_utf8_lossy(&minify_html::minify(wrapped.as_bytes(), &cfg)).into_owned();
    out.strip_prefix("<style>")
        .and_then(|s| s.strip_suffix("</style>"))
        .map(str::to_owned)
        .unwrap_or(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_validators_and_screen_readers_need() {
        let page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>T</title></head>\n<body>\n  <a href=\"a b.html\">x</a>\n  <p>one</p>\n</body>\n</html>";
        let out = String::from_utf8(html(page)).unwrap();
        assert!(out.starts_with("<!doctype html><html lang=en>"), "{out}");
        assert!(
            out.contains("href=\"a b.html\""),
            "values with spaces stay quoted: {out}"
        );
        assert!(!out.contains("\n  "), "whitespace collapsed: {out}");
    }

    #[test]
    fn minifies_css_once() {
        let out = css("body {\n  color: #000000;\n}\n");
        assert!(out.len() < 20, "{out}");
        assert!(out.contains("body{"), "{out}");
    }

    #[test]
    fn same_input_same_bytes() {
        let page = "<!doctype html><html lang=en><title>x</title><p>a   b</p>";
        assert_eq!(html(page), html(page));
    }
}
