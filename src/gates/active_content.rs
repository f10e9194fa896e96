//! Finds active content in finished HTML and in SVG files: the last gate
//! before anything is published.
//!
//! Every earlier gate works on what authors write (the raw-HTML policy, the
//! URL allow-list, escaping in templates). This one reads what actually
//! ships, so a theme template, a `| safe` filter or a future bug cannot put
//! a script into a page while `raw_html` is `deny` or `sanitize`. It reads
//! tags and attributes the way a browser's tokenizer does (quoted and
//! unquoted values, character references), without building a tree, so it
//! is linear in the size of the page and cannot recurse.

use std::borrow::Cow;

use crate::gates::safe_url::{self, UrlKind};
use crate::text::text_fold::find_ascii_ignore_case as find_ignore_case;

/// One piece of active content, described for a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte offset of the tag in the scanned text.
    pub offset: usize,
    pub what: String,
}

/// Elements that run code or embed another document.
const ACTIVE_ELEMENTS: &[&str] = &[
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "portal",
];
/// SVG elements that embed HTML or change attributes after loading.
const SVG_ACTIVE_ELEMENTS: &[&str] = &["foreignobject", "handler", "listener"];
/// SVG animation elements, dangerous when they target a link.
const SVG_ANIMATIONS: &[&str] = &["set", "animate"];
/// SVG elements whose `href` makes the browser fetch a file.
const SVG_FETCHING: &[&str] = &["image", "use", "feimage", "script", "style"];
/// Attributes whose value is a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "cite",
    "background",
    "data",
    "ping",
    "manifest",
    "codebase",
    "lowsrc",
    "dynsrc",
];

/// Active content in an HTML page: script elements, event handlers, and
/// URLs outside the allow-list.
pub fn in_html(html: &str) -> Vec<Finding> {
    scan(html, false)
}

/// Active content in an SVG file, which browsers run when it is opened on
/// its own: scripts, event handlers, script URLs, embedded HTML, entity
/// declarations, and files fetched from other websites.
pub fn in_svg(svg: &str) -> Vec<Finding> {
    let mut found = scan(svg, true);
    if let Some(offset) = find_ignore_case(svg, "<!entity") {
        found.push(Finding {
            offset,
            what: "an entity declaration (<!ENTITY>)".to_owned(),
        });
    }
    found.sort_by_key(|f| f.offset);
    found
}

fn scan(text: &str, svg: bool) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut at = 0;
    // One list of attributes for every tag, emptied for each.
    let mut attributes = Vec::new();
    while let Some(offset) = memchr::memchr(b'<', &text.as_bytes()[at..]) {
        let start = at + offset;
        let rest = &text[start..];
        if rest.starts_with("<!--") {
            at = memchr::memmem::find(rest.as_bytes(), b"-->")
                .map_or(text.len(), |end| start + end + 3);
            continue;
        }
        let Some(tag) = read_tag(text, start, std::mem::take(&mut attributes)) else {
            at = start + 1;
            continue;
        };
        at = tag.end;
        check_tag(&tag, start, svg, &mut found);
        let Tag {
            name,
            attributes: used,
            ..
        } = tag;
        // Raw text: nothing inside these is a tag (their content is text).
        attributes = used;
        if !svg && ["style", "textarea", "title", "xmp", "noscript"].contains(&name.as_ref()) {
            let close = format!("</{name}");
            at = find_ignore_case(&text[at..], &close).map_or(text.len(), |end| at + end);
        }
    }
    found
}

fn check_tag(tag: &Tag, offset: usize, svg: bool, found: &mut Vec<Finding>) {
    let mut push = |what: String| found.push(Finding { offset, what });
    if ACTIVE_ELEMENTS.contains(&tag.name.as_ref())
        || (svg && SVG_ACTIVE_ELEMENTS.contains(&tag.name.as_ref()))
    {
        push(format!("a <{}> element", tag.name));
    }
    for (name, value) in &tag.attributes {
        let name = name.as_ref();
        if name.starts_with("on") && name.len() > 2 {
            push(format!("an event handler ({name}=…) on <{}>", tag.name));
            continue;
        }
        let animation = svg && SVG_ANIMATIONS.contains(&tag.name.as_ref());
        let decoded = decode_references(value);
        let decoded = decoded.as_ref();
        let targets_link = animation
            && tag
                .attributes
                .iter()
                .any(|(n, v)| n == "attributename" && v.to_ascii_lowercase().ends_with("href"));
        if URL_ATTRIBUTES.contains(&name)
            || (targets_link && matches!(name, "to" | "values" | "from" | "by"))
        {
            for url in decoded
                .split(';')
                .filter(|_| targets_link)
                .chain(std::iter::once(decoded).filter(|_| !targets_link))
            {
                match safe_url::check(url) {
                    Err(refused) => push(format!(
                        "a `{}:` address in {name}= on <{}>",
                        refused.scheme, tag.name
                    )),
                    Ok(UrlKind::Web) if svg && SVG_FETCHING.contains(&tag.name.as_ref()) => {
                        push(format!(
                            "a file fetched from another website by <{}>",
                            tag.name
                        ));
                    }
                    Ok(_) => {}
                }
            }
        }
        if name == "srcset" {
            for candidate in decoded.split(',') {
                let url = candidate.split_whitespace().next().unwrap_or("");
                if let Err(refused) = safe_url::check(url) {
                    push(format!(
                        "a `{}:` address in srcset= on <{}>",
                        refused.scheme, tag.name
                    ));
                }
            }
        }
        if name == "style" {
            let lower = safe_url::normalise(decoded).to_ascii_lowercase();
            if lower.contains("javascript:") || lower.contains("expression(") {
                push(format!("script in a style= attribute on <{}>", tag.name));
            }
        }
        if tag.name == "meta" && name == "content" && decoded.to_ascii_lowercase().contains("url=")
        {
            let url = decoded[decoded.to_ascii_lowercase().find("url=").unwrap_or(0) + 4..]
                .trim_matches(['\'', '"', ' ']);
            if let Err(refused) = safe_url::check(url) {
                push(format!(
                    "a `{}:` address in a <meta> refresh",
                    refused.scheme
                ));
            }
        }
    }
    if svg && tag.name == "style" {
        push("a <style> element (it can load files from other websites)".to_owned());
    }
}

/// A start tag: lower-cased name, attributes with raw values, and the
/// offset just after its `>`.
struct Tag<'t> {
    name: Cow<'t, str>,
    attributes: Vec<(Cow<'t, str>, &'t str)>,
    end: usize,
}

/// `text` in lower case, borrowed when it already is (tag and attribute
/// names nearly always are: this runs on every tag of every page).
fn lower(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// Reads the start tag at `start` (which holds `<`), its attributes into
/// `attributes` (emptied first). End tags, doctypes and stray `<` give `None`.
fn read_tag<'t>(
    text: &'t str,
    start: usize,
    mut attributes: Vec<(Cow<'t, str>, &'t str)>,
) -> Option<Tag<'t>> {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    if !bytes.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    let name_start = i;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let name = lower(&text[name_start..i]);
    attributes.clear();
    loop {
        while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' {
            break;
        }
        let attr_start = i;
        i += 1; // An attribute name may start with `=`.
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attr = lower(&text[attr_start..i]);
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let value_start = i + 1;
                    let close = memchr::memchr(quote, &bytes[value_start..])
                        .map_or(text.len(), |end| value_start + end);
                    value = &text[value_start..close];
                    i = (close + 1).min(text.len());
                }
                _ => {
                    let value_start = i;
                    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = &text[value_start..i];
                }
            }
        }
        attributes.push((attr, value));
    }
    Some(Tag {
        name,
        attributes,
        end: (i + 1).min(text.len()),
    })
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Decodes the character references a browser decodes in attribute values:
/// numeric ones (`&#58;`, `&#x3A;`) and the named ones that can hide a
/// scheme (`&colon;`, `&Tab;`, `&NewLine;`, `&amp;`…).
fn decode_references(value: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', value.as_bytes()).is_none() {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let body_end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map_or(rest.len(), |e| e + 1);
        let body = &rest[1..body_end];
        let decoded = if let Some(number) = body.strip_prefix('#') {
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => number.parse().ok(),
            };
            code.and_then(char::from_u32)
        } else {
            match body {
                "colon" => Some(':'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                "amp" | "AMP" => Some('&'),
                "sol" => Some('/'),
                "lpar" => Some('('),
                "rpar" => Some(')'),
                "quot" | "QUOT" => Some('"'),
                "apos" => Some('\''),
                "lt" | "LT" => Some('<'),
                "gt" | "GT" => Some('>'),
                _ => None,
            }
        };
        match decoded {
            Some(c) if body_end > 1 => {
                out.push(c);
                rest = &rest[body_end..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whats(found: Vec<Finding>) -> Vec<String> {
        found.into_iter().map(|f| f.what).collect()
    }

    #[test]
    fn a_plain_page_has_nothing() {
        let page = "<!doctype html><html lang=en><title>a<script></title><style>p{}</style>\
                    <a href=../x/index.html>x</a><a href=\"https://nhs.uk\">y</a>\
                    <a href=tel:111>z</a><img src=pic.png alt=\"\"><base href=/>";
        assert!(in_html(page).is_empty(), "{:?}", in_html(page));
    }

    #[test]
    fn scripts_handlers_and_script_urls_are_found_however_written() {
        assert_eq!(
            whats(in_html(
                "<p><SCRIPT>x</SCRIPT><img src=x OnError=alert(1)><a href=\" java&#x09;script&colon;alert(1)\">a</a>\
                 <a href=vbscript:x>b</a><iframe src=a></iframe><form action=javascript:x></form>\
                 <img srcset=\"a.png 1x, data:text/html,x 2x\"><meta http-equiv=refresh content=\"0;url=javascript:x\">"
            )),
            [
                "a <script> element",
                "an event handler (onerror=…) on <img>",
                "a `javascript:` address in href= on <a>",
                "a `vbscript:` address in href= on <a>",
                "a <iframe> element",
                "a `javascript:` address in action= on <form>",
                "a `data:` address in srcset= on <img>",
                "a `javascript:` address in a <meta> refresh",
            ]
        );
    }

    #[test]
    fn svg_active_content_is_found() {
        let svg = "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg onload=\"x()\"><script>x</script>\
                   <foreignObject><p>x</p></foreignObject><a xlink:href=\"javascript:x\">a</a>\
                   <set attributeName=\"href\" to=\"javascript:x\"/><image href=\"https://tracker.example/p.png\"/></svg>";
        assert_eq!(
            whats(in_svg(svg)),
            [
                "an entity declaration (<!ENTITY>)",
                "an event handler (onload=…) on <svg>",
                "a <script> element",
                "a <foreignobject> element",
                "a `javascript:` address in xlink:href= on <a>",
                "a `javascript:` address in to= on <set>",
                "a file fetched from another website by <image>",
            ]
        );
    }

    #[test]
    fn the_default_pictograms_are_clean() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"><rect width=\"64\" rx=\"8\" fill=\"#fff\"/></svg>";
        assert!(in_svg(svg).is_empty());
    }
}
