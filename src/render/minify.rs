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

use std::fmt::Write as _;
use std::sync::{Arc, RwLock};

use minify_html::Cfg;

use crate::text::substring::{contains, find, replace};
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
    guarded(document)
}

/// [`whole`], unless `document` is nested deeper than the minifier can
/// safely walk: then it is returned as it is, larger but never a crash.
fn guarded(document: &str) -> Vec<u8> {
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

/// At most this many bytes of blocks (source and minified) are kept in one
/// build's [`Minifier`]. A theme's shared blocks are a few kilobytes in
/// each language, section and folder depth, but the menu of sections grows
/// with the site: on the 100,000-page benchmark it lists 158 sections, about
/// 10 KB, in hundreds of forms. Once the store is full, a page with a block not
/// kept is minified whole, once.
const REUSED_BYTES_LIMIT: usize = 64 * 1024 * 1024;

/// A block's minified bytes, shared by every page that has the block.
type Form = Arc<[u8]>;

/// Minifies pages, reusing the minified form of blocks marked as the same
/// on many pages. One per theme and build, shared by the threads.
#[derive(Default)]
pub struct Minifier {
    /// A marked block's source -> its minified bytes, or `None` for a block
    /// that did not come out the same on its own (one not well formed, say).
    /// FxHash: every page hashes its blocks (the stylesheet alone is 12 KB),
    /// and the keys are the site's own theme output.
    reused: RwLock<rustc_hash::FxHashMap<Box<str>, Option<Form>>>,
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
    /// parent, neighbours and name, and a well-formed block's children are
    /// minified the same on their own.
    ///
    /// That is checked, not assumed: the first page with a block not seen
    /// before is also minified whole, and the block is reused only if both
    /// ways gave the same bytes. Anything else unexpected (an unended or
    /// nested mark, a stand-in that does not come out once) falls back to
    /// minifying the whole document.
    pub fn page(&self, document: &str) -> Vec<u8> {
        let blocks = marked_blocks(document);
        if blocks.is_empty() || contains(document, STAND_IN) {
            return guarded(document);
        }
        let Some((forms, fresh)) = self.forms(document, &blocks) else {
            return guarded(document);
        };
        let mut stand_in = String::with_capacity(document.len());
        let mut last = 0;
        for (number, block) in blocks.iter().enumerate() {
            stand_in.push_str(&document[last..block.range.start]);
            // Writing to a String cannot fail.
            let _ = write!(
                stand_in,
                "<{name} {STAND_IN}=\"{number}\"></{name}>",
                name = block.name
            );
            last = block.range.end;
        }
        stand_in.push_str(&document[last..]);
        // The nesting guard reads each part the minifier is given: the
        // page around the blocks here, each block when it is first met.
        if nesting_depth(&stand_in) > MAX_MINIFY_DEPTH {
            return document.as_bytes().to_vec();
        }
        let spliced = splice(&blocks, &whole(&stand_in), &forms);
        if fresh.is_empty() {
            return spliced.unwrap_or_else(|| guarded(document));
        }
        let expected = guarded(document);
        let same = spliced.as_deref() == Some(expected.as_slice());
        self.keep(document, &blocks, &fresh, same.then_some(forms.as_slice()));
        expected
    }

    /// The minified form of each block, from the store or made now, with
    /// the numbers of the blocks made now; `None` when a block is known not
    /// to be reusable, is nested too deep to minify, or is new while the
    /// store is full.
    fn forms(&self, document: &str, blocks: &[Block]) -> Option<(Vec<Form>, Vec<usize>)> {
        let mut forms = Vec::with_capacity(blocks.len());
        let mut fresh = Vec::new();
        {
            let reused = self.reused.read().ok()?;
            for (number, block) in blocks.iter().enumerate() {
                match reused.get(&document[block.range.clone()]) {
                    Some(Some(form)) => forms.push(form.clone()),
                    Some(None) => return None,
                    None => {
                        fresh.push(number);
                        forms.push(Arc::from(&[][..]));
                    }
                }
            }
        }
        // Nothing more can be kept: minifying the new blocks apart, and the
        // page again whole to check them, would be wasted work.
        if !fresh.is_empty() && self.is_full() {
            return None;
        }
        for &number in &fresh {
            let source = &document[blocks[number].range.clone()];
            if whole_element(source).is_none() {
                // Never reusable: stored so, and not walked again.
                self.keep(document, blocks, &[number], None);
                return None;
            }
            if nesting_depth(source) > MAX_MINIFY_DEPTH {
                return None;
            }
            forms[number] = whole(source).into();
        }
        Some((forms, fresh))
    }

    fn is_full(&self) -> bool {
        self.kept_bytes.load(std::sync::atomic::Ordering::Relaxed) >= REUSED_BYTES_LIMIT
    }

    /// Stores the blocks first met on this page: their minified forms when
    /// splicing gave the page's bytes, else the mark that they are not
    /// reusable.
    fn keep(&self, document: &str, blocks: &[Block], fresh: &[usize], forms: Option<&[Arc<[u8]>]>) {
        use std::sync::atomic::Ordering;
        if self.is_full() {
            return;
        }
        let Ok(mut reused) = self.reused.write() else {
            return;
        };
        for &number in fresh {
            let source = &document[blocks[number].range.clone()];
            let form = forms.map(|forms| forms[number].clone());
            self.kept_bytes.fetch_add(
                source.len() + form.as_ref().map_or(0, |f| f.len()),
                Ordering::Relaxed,
            );
            reused.insert(source.into(), form);
        }
    }
}

/// The minified page with each stand-in replaced by its block's minified
/// form; `None` when the stand-ins did not come out once each, in order.
fn splice(blocks: &[Block], minified: &[u8], forms: &[Arc<[u8]>]) -> Option<Vec<u8>> {
    if memchr::memmem::find_iter(minified, STAND_IN.as_bytes()).count() != blocks.len() {
        return None;
    }
    let extra: usize = forms.iter().map(|f| f.len()).sum();
    let mut out = Vec::with_capacity(minified.len() + extra);
    let mut at = 0;
    for (number, (block, form)) in blocks.iter().zip(forms).enumerate() {
        let stand_in = format!("<{name} {STAND_IN}={number}></{name}>", name = block.name);
        let found = at + memchr::memmem::find(&minified[at..], stand_in.as_bytes())?;
        out.extend_from_slice(&minified[at..found]);
        out.extend_from_slice(form);
        at = found + stand_in.len();
    }
    out.extend_from_slice(&minified[at..]);
    Some(out)
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
    while let Some(offset) = find(&document[at..], SAME_START) {
        let inner_start = at + offset + SAME_START.len();
        let Some(length) = find(&document[inner_start..], SAME_END) else {
            return Vec::new();
        };
        let inner = &document[inner_start..inner_start + length];
        if contains(inner, SAME_START) {
            return Vec::new();
        }
        let trimmed = inner.trim();
        let start = inner_start + (inner.len() - inner.trim_start().len());
        let Some(name) = root_name(trimmed) else {
            return Vec::new();
        };
        blocks.push(Block {
            range: start..start + trimmed.len(),
            name,
        });
        at = inner_start + length + SAME_END.len();
    }
    if contains(&document[at..], SAME_END) {
        return Vec::new();
    }
    blocks
}

/// The name of the element `block` starts with, when it is of a
/// [`REUSABLE_ELEMENTS`] kind written in lower case and the block ends with
/// its end tag. Whether it is one whole element is checked once, when the
/// block is first met ([`whole_element`]).
fn root_name(block: &str) -> Option<String> {
    let name: String = block
        .strip_prefix('<')?
        .bytes()
        .take_while(u8::is_ascii_lowercase)
        .map(char::from)
        .collect();
    (REUSABLE_ELEMENTS.contains(&name.as_str()) && block.ends_with(&format!("</{name}>")))
        .then_some(name)
}

/// The name of the element that `block` is, when it is exactly one whole,
/// well-formed element of a [`REUSABLE_ELEMENTS`] kind, written in lower
/// case. Well formed: every element inside it (but the void ones, such as
/// `<br>`) has its own end tag, even those HTML lets a page leave out
/// (`</p>`, `</li>`). A block that is not could be read differently by the
/// minifier in another page (a stray `</div>` of the page's own would close
/// it), and its minified form on its own is not what the page gets.
fn whole_element(block: &str) -> Option<String> {
    let name = root_name(block)?;
    let bytes = block.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &block[start..];
        if rest.starts_with("<!--") {
            at = start + rest.find("-->")? + 3;
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = start + if closing { 2 } else { 1 };
        let tag_name: String = block[name_start..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
        if tag_name.is_empty() || !tag_name.as_bytes()[0].is_ascii_alphabetic() {
            // A `<` in text: the minifier writes it as text too.
            at = start + 1;
            continue;
        }
        let end = tag_end(bytes, name_start + tag_name.len())?;
        at = end;
        if closing {
            if open.pop()? != tag_name {
                return None;
            }
            if open.is_empty() {
                return (end == block.len()).then_some(name);
            }
        } else if !VOID_ELEMENTS.contains(&tag_name.as_str()) {
            if bytes[..end].ends_with(b"/>") {
                return None;
            }
            if ["script", "style", "textarea", "title"].contains(&tag_name.as_str()) {
                let close = format!("</{tag_name}");
                at = end + find_ascii_ignore_case(&block[end..], &close)?;
            }
            open.push(tag_name);
        }
    }
    None
}

/// Just after the `>` that ends the tag whose attributes start at `from`,
/// reading quoted values whole.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (offset, &byte) in bytes[from..].iter().enumerate() {
        match (quote, byte) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(byte),
            (None, b'>') => return Some(from + offset + 1),
            (None, _) => {}
        }
    }
    None
}

/// Takes the marks of [`SAME_START`] out of a document that ships
/// unminified (a booklet), so that it is as the theme wrote it otherwise.
pub fn without_marks(document: String) -> String {
    if !contains(&document, SAME_START) && !contains(&document, SAME_END) {
        return document;
    }
    let cut = replace(&document, SAME_START, "");
    replace(&cut, SAME_END, "").into_owned()
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
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            at = memchr::memmem::find(rest.as_bytes(), b"-->")
                .map_or(bytes.len(), |end| start + end + 3);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = start + if closing { 2 } else { 1 };
        let name_len = html[name_start..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
            .count();
        let tag_end =
            memchr::memchr(b'>', &bytes[start..]).map_or(bytes.len(), |end| start + end + 1);
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

    use proptest::prelude::*;

    /// Pieces of markup that pages and themes are made of, including the
    /// awkward ones: unclosed paragraphs and items, inline neighbours,
    /// whitespace, entities, a `<pre>` kept as written.
    fn piece() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "<p>Some  text",
            "</p>",
            "<li>item",
            "<ul>",
            "</ul>",
            " ",
            "\n  ",
            "<b>bold</b>",
            "text &amp; more",
            "<a href=\"x y.html\">link</a>",
            "<div class=\"wrap\">",
            "</div>",
            "<pre>  kept\n  as is</pre>",
            "<br>",
            "<!-- note -->",
            "<h2 id=\"a\">Heading</h2>",
        ])
        .prop_map(str::to_owned)
    }

    fn block() -> impl Strategy<Value = String> {
        (
            prop::sample::select(vec!["nav", "header", "footer", "aside", "div", "ul"]),
            prop::collection::vec(piece(), 0..6),
        )
            .prop_map(|(name, inner)| format!("<{name} class=\"b\">{}</{name}>", inner.concat()))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Whatever surrounds a marked block, reusing it gives the bytes of
        /// minifying the whole page.
        #[test]
        fn reuse_never_changes_a_byte(
            parts in prop::collection::vec(
                prop_oneof![piece(), block().prop_map(|b| format!("{SAME_START}{b}{SAME_END}"))],
                0..12,
            )
        ) {
            let page = format!("<!doctype html><html><body>{}</body></html>", parts.concat());
            let minifier = Minifier::default();
            // Twice: the second time every block comes from the store.
            prop_assert_eq!(minifier.page(&page), html(&page));
            prop_assert_eq!(minifier.page(&page), html(&page));
        }

        /// Any text at all, with marks anywhere, never panics, and on a
        /// build's first page gives the bytes of minifying it whole.
        #[test]
        fn marks_in_any_text_never_panic(
            parts in prop::collection::vec(
                prop_oneof![
                    "\\PC{0,12}",
                    Just(SAME_START.to_owned()),
                    Just(SAME_END.to_owned()),
                    block(),
                ],
                0..10,
            )
        ) {
            let page = parts.concat();
            prop_assert_eq!(Minifier::default().page(&page), html(&page));
        }

        /// A block checked on one page is reused on pages around it that
        /// differ, and still gives their bytes.
        #[test]
        fn a_block_checked_on_one_page_is_right_on_another(
            blocks in prop::collection::vec(block(), 1..3),
            surroundings in prop::collection::vec(
                (prop::collection::vec(piece(), 0..5), prop::collection::vec(piece(), 0..5)),
                2..4,
            )
        ) {
            let minifier = Minifier::default();
            for (before, after) in surroundings {
                let marked: Vec<String> =
                    blocks.iter().map(|b| format!("{SAME_START}{b}{SAME_END}")).collect();
                let page = format!(
                    "<!doctype html><html><body>{}{}{}</body></html>",
                    before.concat(),
                    marked.join(&after.concat()),
                    after.concat()
                );
                prop_assert_eq!(minifier.page(&page), html(&page));
            }
        }
    }

    #[test]
    fn too_deep_pages_and_blocks_are_left_unminified_not_crashed() {
        let deep = "<div>".repeat(20_000);
        let deep_block = format!(
            "<body>{SAME_START}<nav>{deep}</nav>{SAME_END}<p>x</p></body>",
            deep = "<div>".repeat(20_000) + &"</div>".repeat(20_000)
        );
        let deep_page = format!("<body>{SAME_START}<nav>x</nav>{SAME_END}{deep}</body>");
        let minifier = Minifier::default();
        assert_eq!(minifier.page(&deep_block), deep_block.as_bytes());
        assert_eq!(minifier.page(&deep_page), deep_page.as_bytes());
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
        let reused = minifier.reused.read().unwrap();
        assert_eq!(
            reused.len(),
            4,
            "header, footer and two menus, each minified once"
        );
        assert!(reused.values().all(Option::is_some), "all are reusable");
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
            assert!(
                minifier
                    .reused
                    .read()
                    .unwrap()
                    .values()
                    .all(Option::is_none),
                "{broken}"
            );
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
