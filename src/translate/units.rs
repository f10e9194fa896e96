//! A page's Markdown body as translation units: one per block of prose
//! (paragraph, heading, list item, table cell, callout text, image alt text,
//! worksheet question or option), each with its inline Markdown turned into
//! codes a translator moves but cannot break.
//!
//! Each unit remembers the byte range of its text in the body, and each
//! code the exact Markdown it stands for (taken from the source, never from
//! the XLIFF). Rebuilding a translation ([`super::rebuild`]) replaces those
//! ranges and nothing else, so list markers, `>` prefixes, callout markers,
//! table pipes, worksheet markers, URLs and code are the source's own bytes.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Parser, Tag, TagEnd};

/// What kind of block a unit is, for the translator's context (`restype`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Title,
    Summary,
    Paragraph,
    Heading,
    ListItem,
    TableCell,
    Callout,
    AltText,
    WorksheetHeading,
    WorksheetInstruction,
    WorksheetQuestion,
    WorksheetOption,
    /// An option written inside `[choose: A / B]`.
    WorksheetChoice,
    WorksheetColumn,
}

impl UnitKind {
    /// The XLIFF 1.2 `restype` (custom values start `x-`).
    pub fn restype(self) -> &'static str {
        match self {
            UnitKind::Title => "x-title",
            UnitKind::Summary => "x-summary",
            UnitKind::Paragraph => "x-paragraph",
            UnitKind::Heading => "x-heading",
            UnitKind::ListItem => "x-list-item",
            UnitKind::TableCell => "x-table-cell",
            UnitKind::Callout => "x-callout",
            UnitKind::AltText => "x-alt-text",
            UnitKind::WorksheetHeading => "x-worksheet-heading",
            UnitKind::WorksheetInstruction => "x-worksheet-instruction",
            UnitKind::WorksheetQuestion => "x-worksheet-question",
            UnitKind::WorksheetOption | UnitKind::WorksheetChoice => "x-worksheet-option",
            UnitKind::WorksheetColumn => "x-worksheet-column",
        }
    }

    /// Worksheet text and front matter are plain text, not Markdown.
    pub fn is_plain(self) -> bool {
        !matches!(
            self,
            UnitKind::Paragraph
                | UnitKind::Heading
                | UnitKind::ListItem
                | UnitKind::TableCell
                | UnitKind::Callout
                | UnitKind::AltText
        )
    }
}

/// A piece of a unit's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    /// A code with nothing to translate inside (`<x/>`): inline code, a
    /// line break, a picture, a footnote mark, a bare web address.
    Standalone(usize),
    /// A code around translatable text (`<g>`): emphasis, strong,
    /// strikethrough, a link.
    Paired(usize, Vec<Inline>),
}

/// What a code stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeKind {
    Emphasis,
    Strong,
    Strikethrough,
    Link(String),
    Code,
    Break,
    /// A picture; its alt text is the unit at this index of the page's units.
    Image(Option<usize>),
    Other,
}

impl CodeKind {
    /// The XLIFF 1.2 `ctype`.
    pub fn ctype(&self) -> &'static str {
        match self {
            CodeKind::Emphasis => "italic",
            CodeKind::Strong => "bold",
            CodeKind::Strikethrough => "x-strikethrough",
            CodeKind::Link(_) => "link",
            CodeKind::Code => "x-code",
            CodeKind::Break => "lb",
            CodeKind::Image(_) => "image",
            CodeKind::Other => "x-markdown",
        }
    }

    /// A translation that drops this code loses something a reader needs
    /// (a link, a picture, a phone number in code), so it is refused.
    pub fn must_keep(&self) -> bool {
        !matches!(
            self,
            CodeKind::Emphasis | CodeKind::Strong | CodeKind::Strikethrough | CodeKind::Break
        )
    }
}

/// One code of a unit: the Markdown before and after its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub kind: CodeKind,
    /// The Markdown that opens the code (all of it, for a standalone code).
    pub open: String,
    pub close: String,
}

/// One translation unit of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Unique within the page: `title`, `summary`, or a number.
    pub id: String,
    pub kind: UnitKind,
    pub content: Vec<Inline>,
    /// Codes by id: `Standalone(n)` and `Paired(n, _)` refer to `codes[n - 1]`.
    pub codes: Vec<Code>,
    /// Where the unit's text is in the body (empty for front matter).
    pub range: Range<usize>,
    /// Alt text inside a paragraph that is itself a unit: it is rebuilt as
    /// part of that paragraph.
    pub nested: bool,
    /// Something the translator should know (a heading's level, a worksheet marker).
    pub note: Option<String>,
    /// A heading's id on the source page. A translated heading keeps it
    /// (`{#id}`), so links to `page.md#id` still land on it.
    pub anchor: Option<String>,
}

impl Unit {
    pub fn code(&self, id: usize) -> Option<&Code> {
        id.checked_sub(1).and_then(|i| self.codes.get(i))
    }

    /// A plain-text unit with no codes.
    pub fn plain(kind: UnitKind, text: &str, range: Range<usize>) -> Unit {
        Unit {
            id: String::new(),
            kind,
            content: vec![Inline::Text(text.to_owned())],
            codes: Vec::new(),
            range,
            nested: false,
            note: None,
            anchor: None,
        }
    }
}

type Spanned<'a> = (Event<'a>, Range<usize>);

/// The body's units in reading order, numbered from 1. `easy` keeps line
/// breaks inside paragraphs as codes: on easy-read pages each line is shown
/// on its own line.
pub fn extract(body: &str, easy: bool) -> Vec<Unit> {
    let events: Vec<Spanned> = // The renderer's dialect, so units split where blocks do.
    Parser::new_ext(body, crate::render::markdown::parser_options())
        .into_offset_iter()
        .collect();
    let mut walk = Walk {
        body,
        easy,
        units: Vec::new(),
        blocks: Vec::new(),
        anchors: crate::render::markdown::HeadingIds::default(),
        anchor: None,
    };
    walk.run(&events);
    let mut units = walk.units;
    units.sort_by_key(|u| (u.range.start, std::cmp::Reverse(u.range.end)));
    renumber(&mut units);
    units
}

/// Gives units their ids in reading order and points pictures at their
/// alt text unit's place in the list (linked by the alt text's start until now).
fn renumber(units: &mut [Unit]) {
    let starts: Vec<(usize, UnitKind)> = units.iter().map(|u| (u.range.start, u.kind)).collect();
    for (n, unit) in units.iter_mut().enumerate() {
        unit.id = (n + 1).to_string();
        for code in &mut unit.codes {
            if let CodeKind::Image(Some(alt)) = &mut code.kind {
                let at = *alt;
                *alt = starts
                    .iter()
                    .position(|&(start, kind)| start == at && kind == UnitKind::AltText)
                    .unwrap_or(usize::MAX);
            }
        }
    }
}

struct Walk<'b> {
    body: &'b str,
    easy: bool,
    units: Vec<Unit>,
    /// The open block tags, innermost last, to name a unit's kind.
    blocks: Vec<Tag<'b>>,
    /// Heading ids as the renderer hands them out, so a translated
    /// heading keeps its English heading's id.
    anchors: crate::render::markdown::HeadingIds,
    /// The id of the heading being read.
    anchor: Option<String>,
}

impl<'b> Walk<'b> {
    fn run(&mut self, events: &[Spanned<'b>]) {
        let mut i = 0;
        let mut run_start: Option<usize> = None;
        while i < events.len() {
            let (event, _) = &events[i];
            if is_inline(event) {
                run_start.get_or_insert(i);
                i += 1;
                continue;
            }
            if let Some(start) = run_start.take() {
                self.segment(&events[start..i]);
            }
            match event {
                Event::Start(Tag::CodeBlock(kind)) => {
                    let end = matching_end(events, i);
                    if matches!(kind, CodeBlockKind::Fenced(info) if info.trim() == "worksheet") {
                        let lines: Vec<(String, Range<usize>)> = events[i + 1..end]
                            .iter()
                            .filter_map(|(e, r)| match e {
                                Event::Text(t) => Some((t.to_string(), r.clone())),
                                _ => None,
                            })
                            .collect();
                        super::worksheet_units::extract(self.body, &lines, &mut self.units);
                    }
                    i = end + 1;
                    continue;
                }
                Event::Start(tag) => {
                    if let Tag::Heading { id, .. } = tag {
                        let end = matching_end(events, i);
                        let text = crate::render::markdown::plain_text(&events[i + 1..end]);
                        let unique = self.anchors.next(id.as_deref(), &text);
                        self.anchor = id.is_none().then_some(unique);
                    }
                    self.blocks.push(tag.clone());
                }
                Event::End(_) => {
                    self.blocks.pop();
                }
                _ => {}
            }
            i += 1;
        }
        if let Some(start) = run_start {
            self.segment(&events[start..]);
        }
    }

    /// The kind of a run of inline events, from the blocks around it.
    fn kind(&self) -> UnitKind {
        let mut kind = UnitKind::Paragraph;
        for tag in &self.blocks {
            match tag {
                Tag::Heading { .. } => kind = UnitKind::Heading,
                Tag::TableCell => kind = UnitKind::TableCell,
                Tag::Item => kind = UnitKind::ListItem,
                Tag::BlockQuote(Some(_)) => kind = UnitKind::Callout,
                _ => {}
            }
        }
        kind
    }

    fn note(&self) -> Option<String> {
        self.blocks.iter().rev().find_map(|tag| match tag {
            Tag::Heading { level, .. } => Some(format!("Heading, level {}", *level as u8)),
            Tag::BlockQuote(Some(kind)) => Some(format!("Callout: {kind:?}")),
            _ => None,
        })
    }

    /// Makes a unit of a run of inline events, if it has words in it.
    fn segment(&mut self, run: &[Spanned<'b>]) {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            return;
        };
        let mut builder = Builder {
            body: self.body,
            easy: self.easy,
            codes: Vec::new(),
            alts: Vec::new(),
        };
        let content = builder.build(run);
        let has_words = has_words(&content);
        let mut alts = builder.alts;
        for alt in &mut alts {
            alt.nested = has_words;
        }
        self.units.append(&mut alts);
        if has_words {
            self.units.push(Unit {
                id: String::new(),
                kind: self.kind(),
                content,
                codes: builder.codes,
                range: with_escape(self.body, first.1.start)..last.1.end,
                nested: false,
                note: self.note(),
                anchor: match self.kind() {
                    UnitKind::Heading => self.anchor.take(),
                    _ => None,
                },
            });
        }
    }
}

/// Moves a unit's start back over the `\\` of an escaped first character
/// (`\\# not a heading`): pulldown-cmark starts the text after it.
fn with_escape(body: &str, start: usize) -> usize {
    let escaped = body[..start].ends_with('\\')
        && body[start..].starts_with(|c: char| c.is_ascii_punctuation());
    if escaped { start - 1 } else { start }
}

fn has_words(content: &[Inline]) -> bool {
    content.iter().any(|piece| match piece {
        Inline::Text(t) => t.chars().any(char::is_alphanumeric),
        Inline::Paired(_, inner) => has_words(inner),
        Inline::Standalone(_) => false,
    })
}

fn is_inline(event: &Event) -> bool {
    match event {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::FootnoteReference(_)
        | Event::InlineMath(_) => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Superscript
                | Tag::Subscript
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
                | TagEnd::Superscript
                | TagEnd::Subscript
        ),
        _ => false,
    }
}

/// The index of the `End` that closes the `Start` at `start`.
fn matching_end(events: &[Spanned], start: usize) -> usize {
    let mut depth = 0usize;
    for (i, (event, _)) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    events.len().saturating_sub(1)
}

/// Turns a run of inline events into [`Inline`]s and codes.
struct Builder<'b> {
    body: &'b str,
    easy: bool,
    codes: Vec<Code>,
    alts: Vec<Unit>,
}

impl Builder<'_> {
    fn add(&mut self, kind: CodeKind, open: &str, close: &str) -> usize {
        self.codes.push(Code {
            kind,
            open: open.to_owned(),
            close: close.to_owned(),
        });
        self.codes.len()
    }

    fn slice(&self, range: Range<usize>) -> &str {
        self.body.get(range).unwrap_or("")
    }

    fn build(&mut self, run: &[Spanned]) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        let mut i = 0;
        while i < run.len() {
            let (event, range) = &run[i];
            // A break keeps the next line's prefix (`> `, indent), not what follows.
            let to_next = {
                let next = run.get(i + 1).map_or(range.end, |(_, r)| r.start);
                let gap = self.body.get(range.end..next).unwrap_or("");
                let text = gap.trim_start_matches([' ', '\t', '>']);
                range.start..range.end + (gap.len() - text.len())
            };
            match event {
                Event::Text(t) => push_text(&mut out, t),
                Event::SoftBreak if !self.easy => push_text(&mut out, " "),
                Event::SoftBreak | Event::HardBreak => {
                    let open = self.slice(to_next).to_owned();
                    out.push(Inline::Standalone(self.add(CodeKind::Break, &open, "")));
                }
                Event::Code(_) => {
                    let open = self.slice(range.clone()).to_owned();
                    out.push(Inline::Standalone(self.add(CodeKind::Code, &open, "")));
                }
                Event::Start(tag) => {
                    let end = matching_end(run, i);
                    out.push(self.tagged(tag, &run[i..=end]));
                    i = end + 1;
                    continue;
                }
                _ => {
                    let open = self.slice(range.clone()).to_owned();
                    out.push(Inline::Standalone(self.add(CodeKind::Other, &open, "")));
                }
            }
            i += 1;
        }
        out
    }

    /// An inline tag with its events, `Start` first and `End` last.
    fn tagged(&mut self, tag: &Tag, events: &[Spanned]) -> Inline {
        let whole = events[0].1.clone();
        let inner = &events[1..events.len() - 1];
        let (Some(first), Some(last)) = (inner.first(), inner.last()) else {
            let open = self.slice(whole).to_owned();
            return Inline::Standalone(self.add(CodeKind::Other, &open, ""));
        };
        let inner_range = with_escape(self.body, first.1.start)..last.1.end;
        let open = self.slice(whole.start..inner_range.start).to_owned();
        let close = self.slice(inner_range.end..whole.end).to_owned();
        let kind = match tag {
            Tag::Emphasis => CodeKind::Emphasis,
            Tag::Strong => CodeKind::Strong,
            Tag::Strikethrough => CodeKind::Strikethrough,
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                if matches!(link_type, LinkType::Autolink | LinkType::Email)
                    || inner_is_url(inner, dest_url)
                {
                    // A bare address: nothing in it to translate.
                    let open = self.slice(whole).to_owned();
                    return Inline::Standalone(self.add(CodeKind::Code, &open, ""));
                }
                CodeKind::Link(dest_url.to_string())
            }
            Tag::Image { .. } => return self.image(inner, whole),
            _ => CodeKind::Other,
        };
        let id = self.add(kind, &open, &close);
        Inline::Paired(id, self.build(inner))
    }

    /// A picture: a standalone code, and its alt text a unit of its own.
    fn image(&mut self, inner: &[Spanned], whole: Range<usize>) -> Inline {
        let alt: String = inner
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                Event::SoftBreak | Event::HardBreak => Some(" "),
                _ => None,
            })
            .collect();
        let range = with_escape(self.body, inner[0].1.start)..inner[inner.len() - 1].1.end;
        let open = &self.slice(whole.start..range.start).to_owned();
        let close = &self.slice(range.end..whole.end).to_owned();
        if alt.trim().is_empty() {
            let whole = format!("{open}{}{close}", self.slice(range));
            return Inline::Standalone(self.add(CodeKind::Image(None), &whole, ""));
        }
        let mut unit = Unit::plain(UnitKind::AltText, alt.trim(), range.clone());
        unit.note = Some("Alt text: what the picture shows, for people who cannot see it".into());
        self.alts.push(unit);
        // Linked by the alt text's start until the units are numbered.
        let id = self.add(CodeKind::Image(Some(range.start)), open, close);
        Inline::Standalone(id)
    }
}

/// True when a link's text is its own address (`https://nhs.uk` written bare).
fn inner_is_url(inner: &[Spanned], url: &str) -> bool {
    matches!(inner, [(Event::Text(t), _)] if t.as_ref() == url)
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if let Some(Inline::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Inline::Text(text.to_owned()));
    }
}

/// The unit's text with codes shown as `{n}…{/n}`, for tests and messages.
pub fn describe(content: &[Inline]) -> String {
    let mut out = String::new();
    for piece in content {
        match piece {
            Inline::Text(t) => out.push_str(t),
            Inline::Standalone(n) => out.push_str(&format!("{{{n}}}")),
            Inline::Paired(n, inner) => {
                out.push_str(&format!("{{{n}}}{}{{/{n}}}", describe(inner)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<(UnitKind, String)> {
        extract(body, false)
            .into_iter()
            .map(|u| (u.kind, describe(&u.content)))
            .collect()
    }

    #[test]
    fn blocks_become_units_and_inline_markdown_codes() {
        let body = "# Crisis plans\n\nSee [help](../help.md) and *call* `111`.\n\n- One **item**\n- Two\n\n> [!NOTE]\n> A note\n> on two lines.\n\n| Need | Who |\n|---|---|\n| Food | Me |\n";
        assert_eq!(
            texts(body),
            [
                (UnitKind::Heading, "Crisis plans".to_owned()),
                (
                    UnitKind::Paragraph,
                    "See {1}help{/1} and {2}call{/2} {3}.".to_owned()
                ),
                (UnitKind::ListItem, "One {1}item{/1}".to_owned()),
                (UnitKind::ListItem, "Two".to_owned()),
                (UnitKind::Callout, "A note on two lines.".to_owned()),
                (UnitKind::TableCell, "Need".to_owned()),
                (UnitKind::TableCell, "Who".to_owned()),
                (UnitKind::TableCell, "Food".to_owned()),
                (UnitKind::TableCell, "Me".to_owned()),
            ]
        );
    }

    #[test]
    fn codes_keep_the_sources_markdown() {
        let units = extract("See [help](../help.md \"Help\") now.\n", false);
        let link = &units[0].codes[0];
        assert_eq!(link.open, "[");
        assert_eq!(link.close, "](../help.md \"Help\")");
        assert_eq!(link.kind, CodeKind::Link("../help.md".into()));
    }

    #[test]
    fn pictures_have_their_alt_text_as_a_unit() {
        let units = extract("![A phone](picto:phone)\nCall us.\n", true);
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].kind, UnitKind::Paragraph);
        assert_eq!(describe(&units[0].content), "{1}{2}Call us.");
        assert_eq!(units[1].kind, UnitKind::AltText);
        assert!(units[1].nested);
        assert_eq!(units[0].codes[0].kind, CodeKind::Image(Some(1)));
        // A picture alone in its paragraph: only its alt text is translated.
        let alone = extract("![A nurse](nurse.jpg)\n", false);
        assert_eq!(alone.len(), 1);
        assert!(!alone[0].nested);
    }

    #[test]
    fn bare_addresses_and_code_blocks_are_not_translated() {
        assert_eq!(
            texts("Go to <https://nhs.uk> now.\n\n```\nnot this\n```\n"),
            [(UnitKind::Paragraph, "Go to {1} now.".to_owned())]
        );
    }
}
