//! Shrinks HTML and CSS with minify-html, with options pinned by tests.
//!
//! Only spec-compliant minification: attribute values stay quoted where the
//! spec needs it and the doctype stays readable, so the Nu HTML Checker
//! accepts every page. The stylesheet is minified once per build and then
//! left alone inside each page, which keeps per-page work small.
//!
//! A theme can mark blocks that are the same on many pages (the stylesheet,
//! the site header, the menu of sections, the footer) with
//! [`SAME_START`] and [`SAME_END`]. [`Minifier::page`] minifies each such
//! block once per build and reuses the result, and gives exactly the bytes
//! that minifying the whole page would: see [`Minifier::page`] for why.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

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

/// Minifies a whole HTML document without reusing anything: what
/// [`Minifier::page`] must equal.
#[cfg(test)]
pub fn html(document: &str) -> Vec<u8> {
    if nesting_depth(document) > MAX_MINIFY_DEPTH {
        return document.as_bytes().to_vec();
    }
    whole(document)
}

fn whole(document: &str) -> Vec<u8> {
    minify_html::minify(document.as_bytes(), &page_config())
}

/// Put by a theme before a block that is the same on many pages. The
/// block between the marks must be one whole element, a child of `<head>`
/// or `<body>` (or of another element that is not `<pre>`), of a kind whose
/// end tag is never left out: see [`REUSABLE_ELEMENTS`]. Like every
/// comment, the marks are not in the minified page.
pub const SAME_START: &str = "<!--signpost:same-->";
/// Put by a theme after a block that starts with [`SAME_START`].
pub const SAME_END: &str = "<!--/signpost:same-->";

/// Elements whose end tag the minifier always keeps, whatever follows
/// them: a marked block must be one of these, so that its minified form
/// does not depend on its neighbours.
const REUSABLE_ELEMENTS: &[&str] = &[
    "nav", "header", "footer", "aside", "div", "section", "main", "article", "style", "ul", "ol",
];

/// The attribute a stand-in for a marked block carries, numbered. A page
/// that already holds this text is minified whole.
const STAND_IN: &str = "data-signpost-same";

/// At most this many bytes of minified blocks are kept in one build's
/// [`Minifier`]. A theme's shared blocks are a few kilobytes in each
/// language and at each folder depth; a marked block that differs on every
/// page stops being kept here, and is minified with its page.
const REUSED_BYTES_LIMIT: usize = 16 * 1024 * 1024;

/// Minifies pages, reusing the minified form of blocks marked as the same
/// on many pages. One per theme and build, shared by the threads.
#[derive(Default)]
pub struct Minifier {
    /// A marked block's source -> its minified bytes.
    reused: RwLock<HashMap<Box<str>, Arc<[u8]>>>,
    kept_bytes: std::sync::atomic::AtomicUsize,
}

impl Minifier {
    /// Minifies a whole HTML document. A document nested deeper than the
    /// minifier can safely walk is returned as it is: larger, but never a
    /// crash.
    ///
    /// Each marked block is replaced by a stand-in element with the same
    /// name and no content, the document is minified, and the block's own
    /// minified form goes where the stand-in came out. The minifier decides
    /// whitespace and left-out end tags from an element's parent, its
    /// neighbours' names and its own children; the stand-in has the same
    /// parent, neighbours and name, and a block's children are minified
    /// the same on their own. Anything unexpected (an unmarked or nested
    /// mark, a stand-in that does not come out once) falls back to
    /// minifying the whole document.
    pub fn page(&self, document: &str) -> Vec<u8> {
        if nesting_depth(document) > MAX_MINIFY_DEPTH {
            return document.as_bytes().to_vec();
        }
        let blocks = marked_blocks(document);
        if blocks.is_empty() || document.contains(STAND_IN) {
            return whole(document);
        }
        let mut stand_in = String::with_capacity(document.len());
        let mut last = 0;
        for (number, block) in blocks.iter().enumerate() {
            stand_in.push_str(&document[last..block.range.start]);
            stand_in.push_str(&format!(
                "<{name} {STAND_IN}=\"{number}\"></{name}>",
                name = block.name
            ));
            last = block.range.end;
        }
        stand_in.push_str(&document[last..]);
        let minified = whole(&stand_in);
        self.splice(document, &blocks, &minified)
            .unwrap_or_else(|| whole(document))
    }

    /// The minified page with each stand-in replaced by its block's
    /// minified form; `None` when the stand-ins did not come out once each,
    /// in order.
    fn splice(&self, document: &str, blocks: &[Block], minified: &[u8]) -> Option<Vec<u8>> {
        if memchr::memmem::find_iter(minified, STAND_IN.as_bytes()).count() != blocks.len() {
            return None;
        }
        let mut out = Vec::with_capacity(minified.len() + blocks.len() * 4096);
        let mut at = 0;
        for (number, block) in blocks.iter().enumerate() {
            let stand_in = format!("<{name} {STAND_IN}={number}></{name}>", name = block.name);
            let found = at + memchr::memmem::find(&minified[at..], stand_in.as_bytes())?;
            out.extend_from_slice(&minified[at..found]);
            out.extend_from_slice(&self.block(&document[block.range.clone()]));
            at = found + stand_in.len();
        }
        out.extend_from_slice(&minified[at..]);
        Some(out)
    }

    /// The minified form of one marked block, from this build's store when
    /// an earlier page had the same block.
    fn block(&self, source: &str) -> Arc<[u8]> {
        if let Some(found) = self
            .reused
            .read()
            .ok()
            .and_then(|reused| reused.get(source).cloned())
        {
            return found;
        }
        let minified: Arc<[u8]> = whole(source).into();
        use std::sync::atomic::Ordering;
        if self.kept_bytes.load(Ordering::Relaxed) < REUSED_BYTES_LIMIT
            && let Ok(mut reused) = self.reused.write()
        {
            self.kept_bytes
                .fetch_add(source.len() + minified.len(), Ordering::Relaxed);
            reused.insert(source.into(), minified.clone());
        }
        minified
    }
}

/// One marked block: where its element is in the document, and its name.
struct Block {
    range: std::ops::Range<usize>,
    name: String,
}

/// The marked blocks of a document, in order; empty when any mark is not
/// as [`SAME_START`] describes, so that the page is minified whole.
fn marked_blocks(document: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut at = 0;
    while let Some(offset) = document[at..].find(SAME_START) {
        let inner_start = at + offset + SAME_START.len();
        let Some(length) = document[inner_start..].find(SAME_END) else {
            return Vec::new();
        };
        let inner = &document[inner_start..inner_start + length];
        if inner.contains(SAME_START) {
            return Vec::new();
        }
        let trimmed = inner.trim();
        let start = inner_start + (inner.len() - inner.trim_start().len());
        let Some(name) = whole_element(trimmed) else {
            return Vec::new();
        };
        blocks.push(Block {
            range: start..start + trimmed.len(),
            name,
        });
        at = inner_start + length + SAME_END.len();
    }
    if document[at..].contains(SAME_END) {
        return Vec::new();
    }
    blocks
}

/// The name of the element that `block` is, when it is exactly one whole
/// element of a [`REUSABLE_ELEMENTS`] kind, written in lower case.
fn whole_element(block: &str) -> Option<String> {
    let name: String = block
        .strip_prefix('<')?
        .bytes()
        .take_while(u8::is_ascii_lowercase)
        .map(char::from)
        .collect();
    if !REUSABLE_ELEMENTS.contains(&name.as_str()) {
        return None;
    }
    let close = format!("</{name}>");
    if !block.ends_with(&close) {
        return None;
    }
    // The first element must end where the block does: count the element's
    // own kind opening and closing inside it.
    let open = format!("<{name}");
    let mut depth = 0usize;
    for at in memchr::memchr_iter(b'<', block.as_bytes()) {
        let rest = &block[at..];
        if rest.starts_with(&close) {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return (at + close.len() == block.len()).then_some(name);
            }
        } else if rest.starts_with(&open)
            && rest[open.len()..].starts_with([' ', '>', '\n', '\t', '/'])
        {
            depth += 1;
        }
    }
    None
}

/// Takes the marks of [`SAME_START`] out of a document that ships
/// unminified (a booklet), so that it is as the theme wrote it otherwise.
pub fn without_marks(document: String) -> String {
    if !document.contains(SAME_START) && !document.contains(SAME_END) {
        return document;
    }
    document.replace(SAME_START, "").replace(SAME_END, "")
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

    /// A page with marked blocks in the places a theme puts them.
    fn marked_page(nav: &str, before_nav: &str) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>T</title>\n<style>p {{ color: red }}</style></head>\n<body>\n\
             {SAME_START}<header class=\"site-header\">\n<a href=\"a b.html\">Home</a>\n</header>{SAME_END}\n\
             <main>\n<p>One   two</p>\n{before_nav}\n</main>\n\
             {SAME_START}\n<nav id=\"site-nav\">\n<ul>\n{nav}\n</ul>\n</nav>\n{SAME_END}\n\
             {SAME_START}<footer>\n<p>Footer</p>\n</footer>{SAME_END}\n</body>\n</html>"
        )
    }

    #[test]
    fn reusing_marked_blocks_gives_the_bytes_of_minifying_the_whole_page() {
        let minifier = Minifier::default();
        let pages = [
            marked_page("<li><a href=\"x.html\">X</a></li>", "<p>Last"),
            marked_page("<li><a href=\"x.html\">X</a></li>", "<ul><li>Open item"),
            marked_page("<li><a href=\"y.html\" class=\"current\">Y</a></li>", ""),
            marked_page("<li><a href=\"x.html\">X</a></li>", "text at the end"),
        ];
        for page in pages.iter().chain(&pages) {
            let expected = String::from_utf8(html(page)).unwrap();
            let reused = String::from_utf8(minifier.page(page)).unwrap();
            assert_eq!(reused, expected);
            assert!(!reused.contains(STAND_IN), "{reused}");
        }
        let kept = minifier.reused.read().unwrap().len();
        assert_eq!(kept, 4, "header, footer and two menus, each minified once");
    }

    #[test]
    fn a_block_beside_inline_neighbours_keeps_their_spacing() {
        let page = format!(
            "<body><p>Text {SAME_START}<div>block</div>{SAME_END} more <b>bold</b>\n{SAME_START}<ul><li>a</li></ul>{SAME_END}\nend</p></body>"
        );
        let minifier = Minifier::default();
        assert_eq!(minifier.page(&page), html(&page));
    }

    #[test]
    fn marks_that_are_not_one_whole_element_are_minified_with_the_page() {
        for broken in [
            format!("<body>{SAME_START}<nav>a</nav><nav>b</nav>{SAME_END}</body>"),
            format!("<body>{SAME_START}<p>a paragraph</p>{SAME_END}</body>"),
            format!("<body>{SAME_START}<nav>never closed{SAME_END}</body>"),
            format!("<body>{SAME_START}<nav>unended mark</nav></body>"),
            format!("<body><nav>stray end mark</nav>{SAME_END}</body>"),
            format!(
                "<body>{SAME_START}<div>{SAME_START}<div>x</div>{SAME_END}</div>{SAME_END}</body>"
            ),
            format!(
                "<body>{SAME_START}<nav>x</nav>{SAME_END}<p {STAND_IN}=0>author's own</p></body>"
            ),
        ] {
            let minifier = Minifier::default();
            assert_eq!(
                String::from_utf8(minifier.page(&broken)).unwrap(),
                String::from_utf8(html(&broken)).unwrap(),
                "{broken}"
            );
            assert!(minifier.reused.read().unwrap().is_empty(), "{broken}");
        }
    }

    #[test]
    fn nested_elements_of_the_same_kind_are_one_block() {
        assert_eq!(
            whole_element("<div class=a><div>x</div><divider></divider></div>").as_deref(),
            Some("div")
        );
        assert_eq!(whole_element("<div>a</div> <div>b</div>"), None);
        assert_eq!(whole_element("<span>a</span>"), None);
    }

    #[test]
    fn booklets_lose_the_marks_and_nothing_else() {
        let page = marked_page("<li>x</li>", "");
        let plain = without_marks(page.clone());
        assert!(!plain.contains("signpost:same"), "{plain}");
        assert_eq!(
            plain.len(),
            page.len() - 3 * (SAME_START.len() + SAME_END.len())
        );
    }

    #[test]
    fn same_input_same_bytes() {
        let page = "<!doctype html><html lang=en><title>x</title><p>a   b</p>";
        assert_eq!(html(page), html(page));
    }
}
