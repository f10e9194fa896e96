//! Shrinks HTML and CSS with minify-html, with options pinned by tests.
//!
//! Only spec-compliant minification: attribute values stay quoted where the
//! spec needs it and the doctype stays readable, so the Nu HTML Checker
//! accepts every page. The stylesheet is minified once per build and then
//! left alone inside each page, which keeps per-page work small.

use minify_html::Cfg;

use crate::text::text_fold::find_ascii_ignore_case;

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

/// How deep minify-html may be asked to go. Its parser and minifier recurse
/// once per element level, and a few thousand levels overflow a thread's
/// stack. Markdown is already bounded at 64 levels (`markdown::nesting`), so
/// only a theme's own markup could come near this.
const MAX_MINIFY_DEPTH: usize = 256;

/// Minifies a whole HTML document. A document nested deeper than the
/// minifier can safely walk is returned as it is: larger, but never a crash.
pub fn html(document: &str) -> Vec<u8> {
    if nesting_depth(document) > MAX_MINIFY_DEPTH {
        return document.as_bytes().to_vec();
    }
    minify_html::minify(document.as_bytes(), &page_config())
}

/// Elements that never have an end tag.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The deepest element nesting in `html`, counted from its tags without
/// building a tree (so without recursion). Unclosed elements such as `<p>`
/// count as open, so the figure is an upper bound, which is what a guard
/// needs. Comments and the text of `<script>`/`<style>` are skipped.
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    while let Some(offset) = html[at..].find('<') {
        let start = at + offset;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(bytes.len(), |end| start + end + 3);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = start + if closing { 2 } else { 1 };
        let name_len = html[name_start..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
            .count();
        let tag_end = html[start..]
            .find('>')
            .map_or(bytes.len(), |end| start + end + 1);
        at = tag_end.max(start + 1);
        if name_len == 0 {
            continue;
        }
        // Compared without lower-casing a copy: this runs on every tag of
        // every page.
        let name = &html[name_start..name_start + name_len];
        let is = |other: &str| name.eq_ignore_ascii_case(other);
        if closing {
            depth = depth.saturating_sub(1);
        } else if !VOID_ELEMENTS.iter().any(|v| is(v)) && !html[..at].ends_with("/>") {
            depth += 1;
            deepest = deepest.max(depth);
            let close = if is("script") {
                Some("</script")
            } else if is("style") {
                Some("</style")
            } else {
                None
            };
            if let Some(close) = close {
                at = find_ascii_ignore_case(&html[at..], close).map_or(bytes.len(), |end| at + end);
            }
        }
    }
    deepest
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
    fn nesting_depth_counts_open_elements() {
        assert_eq!(nesting_depth("<p>a</p><div><p>b<br>c</p></div>"), 2);
        assert_eq!(nesting_depth("<!-- <div><div> --><p>x</p>"), 1);
        assert_eq!(nesting_depth("<script>if (a<b) {}</script><p>x</p>"), 1);
        assert_eq!(nesting_depth(&"<div>".repeat(5000)), 5000);
    }

    #[test]
    fn too_deep_documents_are_left_unminified_not_crashed() {
        let page = format!("<!doctype html><title>x</title>{}", "<div>".repeat(20_000));
        assert_eq!(html(&page), page.as_bytes());
    }

    #[test]
    fn same_input_same_bytes() {
        let page = "<!doctype html><html lang=en><title>x</title><p>a   b</p>";
        assert_eq!(html(page), html(page));
    }
}
