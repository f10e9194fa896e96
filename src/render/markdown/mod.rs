//! Markdown to HTML, with Signpost's extensions, as a chain of small passes.
//!
//! pulldown-cmark parses the body into events with byte ranges. Each pass
//! takes the event list and returns a new one, doing one job: the raw HTML
//! policy, contacts blocks, heading ids, glossary links, link and image
//! rewriting, then presentation (callouts, tables, task lists). Passes report
//! problems with the line in the `.md` file, not in the body.

mod bidi;
mod blocks;
mod contacts;
/// A phone number as a `tel:` link wants it (also for the accessibility statement).
pub(crate) use contacts::tel_digits;
mod easy_read;
mod glossary;
mod headings;
mod hidden_links;
mod html_policy;
mod images;
mod links;
mod nesting;
mod prose;
mod worksheet;

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser};

use crate::diagnostics::{Diagnostic, LineIndex};
use crate::site::model::{Page, PageIdx, Site};
use crate::source::config::RawHtml;

pub use easy_read::EasyFacts;
pub use glossary::GlossaryMatcher;
pub(crate) use headings::HeadingIds;
pub use prose::ProseBlock;

/// An event with its byte range in the page body.
type Spanned<'a> = (Event<'a>, Range<usize>);

/// What rendering one page produces.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The body as an HTML fragment (no `<html>`, no template).
    pub html: String,
    pub headings: Vec<Heading>,
    pub links: Vec<LinkRef>,
    /// The readable text, for reading-level and wording checks. The
    /// pipeline lets it go once the page checks have read it; `has_prose`
    /// stays.
    pub prose: Vec<ProseBlock>,
    /// Whether the page had any readable text.
    pub has_prose: bool,
    /// What the easy-read checks need, on easy-read pages only.
    pub easy: Option<EasyFacts>,
    /// How many worksheets the page has (its print layout changes when it has one).
    pub worksheets: usize,
    /// The ids of the contacts the page shows, for the check that each
    /// has words in the page's language.
    pub contacts: Vec<String>,
    /// Line of each table whose header row has no words.
    pub headerless_tables: Vec<usize>,
    /// Problems found while rendering (broken links, alt text, syntax).
    /// The checks keep their findings apart (`checks::PageFindings`), so
    /// nothing writes into a page's render after it is made.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub id: String,
    pub line: usize,
}

/// A link as the author wrote it, kept for checks that need every page rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    pub target: LinkTarget,
    pub text: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// Another page (or this one), maybe at a heading.
    Page {
        page: PageIdx,
        fragment: Option<String>,
    },
    /// `#heading` on the same page.
    SamePage(String),
    /// A file under `content/` (its path there).
    Asset(String),
    External(String),
    Mail(String),
    Phone(String),
    /// Could not be resolved; already reported.
    Broken,
}

/// Everything a page needs from the rest of the site while rendering.
pub struct RenderContext<'a> {
    pub site: &'a Site,
    pub raw_html: RawHtml,
    pub glossary: Option<GlossaryMatcher>,
    pub pretty_urls: bool,
    /// Set when pages are rendered as chapters of one printable booklet.
    pub booklet: Option<BookletMode>,
    /// The theme's pictogram names; `None` when the theme could not be loaded.
    pub pictograms: Option<std::collections::BTreeSet<String>>,
    /// The theme's words in each of the site's languages.
    pub words: crate::render::i18n::I18n,
}

/// How a page renders inside a booklet: links to other chapters become
/// links inside the document, ids get the chapter's prefix so they stay
/// unique, and headings move down to sit under the chapter title.
#[derive(Debug, Clone, Default)]
pub struct BookletMode {
    /// Output folder of the booklet page.
    pub dir: String,
    /// Chapter id of every page in the booklet, and how many levels its
    /// headings move down to sit under the chapter's own heading.
    pub chapters: std::collections::HashMap<PageIdx, (String, u8)>,
    /// The glossary is printed in the booklet, at `#glossary--TERM`.
    pub glossary_inside: bool,
    /// Put before every relative URL. Empty, except when one rendering
    /// serves two editions at different depths (a booklet and its large
    /// print): then a marker that each edition replaces with its own path.
    pub url_prefix: &'static str,
}

impl<'a> RenderContext<'a> {
    pub fn new(site: &'a Site) -> Self {
        RenderContext {
            site,
            raw_html: site.config.markdown.raw_html,
            glossary: GlossaryMatcher::new(site),
            pretty_urls: site.config.output.pretty_urls,
            booklet: None,
            pictograms: None,
            words: Default::default(),
        }
    }

    /// The same context, rendering into a booklet.
    pub fn for_booklet(&self, mode: BookletMode) -> RenderContext<'a> {
        RenderContext {
            site: self.site,
            raw_html: self.raw_html,
            glossary: self.glossary.clone(),
            pretty_urls: self.pretty_urls,
            booklet: Some(mode),
            pictograms: self.pictograms.clone(),
            words: self.words.clone(),
        }
    }
}

/// Per-page state shared by the passes: positions and collected problems.
struct PageState<'p, 'c> {
    page: &'p Page,
    idx: PageIdx,
    ctx: &'c RenderContext<'c>,
    /// Made when a problem is first reported: most pages have none.
    lines: std::cell::OnceCell<LineIndex>,
    diagnostics: Vec<Diagnostic>,
    /// Readable text that does not come from Markdown text events (worksheet labels).
    extra_prose: Vec<ProseBlock>,
    worksheets: usize,
    /// Ids of the contacts shown, in order.
    contacts: Vec<String>,
    /// The theme's words in the page's language.
    words: std::sync::Arc<crate::render::i18n::Words>,
    /// Pictures and pictograms written so far, for `loading="lazy"`.
    images_seen: images::ImagesSeen,
}

impl PageState<'_, '_> {
    /// The URL of the site file or folder `to`, relative to the folder
    /// links start from: the page's own, or the booklet's (after the
    /// booklet's `url_prefix`).
    fn relative_url(&self, to: &str, pretty: bool) -> String {
        match &self.ctx.booklet {
            None => crate::site::urls::relative(&self.page.dir, to, pretty),
            Some(booklet) => format!(
                "{}{}",
                booklet.url_prefix,
                crate::site::urls::relative(&booklet.dir, to, pretty)
            ),
        }
    }

    /// The id prefix of this page's chapter in a booklet.
    fn chapter(&self) -> Option<&str> {
        self.ctx
            .booklet
            .as_ref()
            .and_then(|b| b.chapters.get(&self.idx))
            .map(|(id, _)| id.as_str())
    }

    /// (line, column) in the `.md` file of a byte range in the body.
    fn position(&self, range: &Range<usize>) -> (usize, usize) {
        self.lines
            .get_or_init(|| LineIndex::new(&self.page.text))
            .position(&self.page.text, self.page.body_start + range.start)
    }

    fn error(&mut self, rule: &'static str, message: String, range: Range<usize>, help: &str) {
        self.report(Diagnostic::error(rule, message), range, help);
    }

    /// Reports a configurable rule at its default level.
    fn finding(&mut self, rule: &'static str, message: String, range: Range<usize>, help: &str) {
        self.report(
            crate::diagnostics::rules::finding(rule, message),
            range,
            help,
        );
    }

    fn report(&mut self, diagnostic: Diagnostic, range: Range<usize>, help: &str) {
        let (line, column) = self.position(&range);
        self.diagnostics.push(
            diagnostic
                .in_file(self.page.file())
                .at_source(&self.page.text, line, column)
                .help(help),
        );
    }
}

/// The Markdown dialect: CommonMark plus the extensions in DESIGN.md.
/// `translate` splits pages into units with the same one.
pub(crate) fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_GFM
}

/// Renders one page's Markdown body.
pub fn render(page: &Page, idx: PageIdx, ctx: &RenderContext) -> Rendered {
    let body = page.body();
    let mut state = PageState {
        page,
        idx,
        ctx,
        lines: std::cell::OnceCell::new(),
        diagnostics: Vec::new(),
        extra_prose: Vec::new(),
        worksheets: 0,
        contacts: Vec::new(),
        words: ctx.words.words(&page.lang),
        images_seen: Default::default(),
    };
    let events: Vec<Spanned> = Parser::new_ext(body, parser_options())
        .into_offset_iter()
        .collect();
    if let Some(range) = nesting::first_too_deep(&events) {
        return too_deeply_nested(state, range);
    }
    // Only the author's own raw HTML can nest without Markdown seeing it;
    // what the passes below write is a few levels deep at most.
    let first_html = events
        .iter()
        .find(|(event, _)| matches!(event, Event::Html(_) | Event::InlineHtml(_)))
        .map(|(_, range)| range.clone());
    let events = html_policy::apply(events, &mut state);
    let events = contacts::expand(events, &mut state);
    let events = worksheet::expand(events, &mut state);
    // A booklet chapter was checked as a page: its text is not read again.
    let mut prose = if ctx.booklet.is_none() {
        prose::collect(&events, &state)
    } else {
        Vec::new()
    };
    prose.append(&mut state.extra_prose);
    let headerless_tables = blocks::headerless_tables(&events, &state);
    let (events, headings) = headings::assign_ids(events, &mut state);
    let events = glossary::link_first_uses(events, &mut state);
    let (events, links) = links::rewrite(events, &mut state);
    let events = chapter_footnotes(events, &state);
    let (events, easy) = easy_read::layout(events, &mut state);
    let events = blocks::present(events, &state.words);
    let events = if crate::text::languages::direction(&page.lang) == "rtl" {
        bidi::isolate_ltr_runs(events)
    } else {
        events
    };
    let mut html = String::with_capacity(body.len() + body.len() / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(event, _)| event));
    // Every page's HTML is held until it is templated: the room left over
    // from growing it was about 40 MiB of a 10,000-page build's 290 MiB
    // peak.
    html.shrink_to_fit();
    // Raw HTML (with `raw_html: allow`) can nest without Markdown seeing it.
    if let Some(range) = first_html
        && crate::render::minify::nesting_depth(&html) > nesting::MAX_DEPTH
    {
        return too_deeply_nested(state, range);
    }
    Rendered {
        html,
        headings,
        links,
        has_prose: !prose.is_empty(),
        prose,
        worksheets: state.worksheets,
        contacts: state.contacts,
        easy,
        headerless_tables,
        diagnostics: state.diagnostics,
    }
}

/// In a booklet, footnote labels get the chapter's prefix, as heading ids
/// do: two chapters that both have a footnote `1` must not share an id.
fn chapter_footnotes<'a>(events: Vec<Spanned<'a>>, state: &PageState) -> Vec<Spanned<'a>> {
    use pulldown_cmark::{CowStr, Tag};
    let Some(chapter) = state.chapter() else {
        return events;
    };
    let prefixed = |label: &str| CowStr::from(format!("{chapter}--{label}"));
    events
        .into_iter()
        .map(|(event, range)| match event {
            Event::FootnoteReference(label) => (Event::FootnoteReference(prefixed(&label)), range),
            Event::Start(Tag::FootnoteDefinition(label)) => (
                Event::Start(Tag::FootnoteDefinition(prefixed(&label))),
                range,
            ),
            other => (other, range),
        })
        .collect()
}

/// The result for a page that nests past [`nesting::MAX_DEPTH`]: one error
/// at the line where it happens, and no HTML.
fn too_deeply_nested(mut state: PageState, range: Range<usize>) -> Rendered {
    state.error(
        "too-deeply-nested",
        format!(
            "this line puts quotes, lists, emphasis or HTML more than {} levels inside each other",
            nesting::MAX_DEPTH
        ),
        range,
        "no page needs this many levels: take out the extra `>`, list markers, `*` or HTML tags",
    );
    Rendered {
        diagnostics: state.diagnostics,
        ..Rendered::default()
    }
}

/// Replaces every fenced code block whose info string is `info` (for
/// example ```` ```contacts ````) with what `expand` pushes for its text. The
/// blocks are Signpost's own syntax; every other event passes through.
fn expand_fenced<'a>(
    events: Vec<Spanned<'a>>,
    info: &str,
    state: &mut PageState,
    mut expand: impl FnMut(&str, Range<usize>, &mut PageState, &mut Vec<Spanned<'a>>),
) -> Vec<Spanned<'a>> {
    use pulldown_cmark::{CodeBlockKind, Tag, TagEnd};
    let is_block = |event: &Event| matches!(event, Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(kind))) if kind.trim() == info);
    // Most pages have no such block: keep their events where they are.
    if !events.iter().any(|(event, _)| is_block(event)) {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut block: Option<(String, Range<usize>)> = None;
    for (event, range) in events {
        match (&event, block.as_mut()) {
            (Event::Start(_), None) if is_block(&event) => {
                block = Some((String::new(), range));
            }
            (Event::Text(text), Some((body, _))) => body.push_str(text),
            (Event::End(TagEnd::CodeBlock), Some(_)) => {
                if let Some((body, range)) = block.take() {
                    expand(&body, range, state, &mut out);
                }
            }
            _ => out.push((event, range)),
        }
    }
    out
}

/// Concatenated text of the events in a slice: the words a reader hears.
/// The text of inline events, as a heading's id and outline read it.
pub(crate) fn plain_text(events: &[Spanned]) -> String {
    let mut text = String::new();
    for (event, _) in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests;
