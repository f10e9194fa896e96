//! Easy Read layout: a paragraph that starts with a picture becomes a row,
//! picture on the left and words on the right, and each line of the source
//! stays a line on the page.
//!
//! The pass also notes what the easy-read checks need: rows without a
//! picture, and italics (hard to read for many Easy Read readers).

use std::iter::Peekable;
use std::ops::Range;
use std::vec::IntoIter;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{PageState, Spanned};
use crate::site::model::PageKind;

/// Facts about an easy-read page for its checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EasyFacts {
    /// Rows (paragraphs with a picture).
    pub rows: usize,
    /// Line of each top-level paragraph that does not start with a picture.
    pub rows_without_picture: Vec<usize>,
    /// (line, column) of each italic or underlined span.
    pub emphasis: Vec<(usize, usize)>,
    /// (is a row with a picture, words) for each top-level paragraph, to
    /// estimate the printed length.
    pub blocks: Vec<(bool, usize)>,
}

pub fn layout<'a>(
    events: Vec<Spanned<'a>>,
    state: &mut PageState,
) -> (Vec<Spanned<'a>>, Option<EasyFacts>) {
    if state.page.kind != PageKind::EasyRead {
        return (events, None);
    }
    let mut facts = EasyFacts::default();
    let mut out = Vec::with_capacity(events.len() + 8);
    // Depth of containers (lists, quotes, tables) a paragraph may sit in.
    let mut nesting = 0usize;
    let mut open_row = false;
    let mut words = 0usize;
    let mut iter = events.into_iter().peekable();
    while let Some((event, range)) = iter.next() {
        nesting = nesting_after(&event, nesting);
        match event {
            Event::Start(Tag::Paragraph) if nesting == 0 => {
                words = 0;
                open_row = open_paragraph(&mut iter, range.clone(), &mut out);
                if open_row {
                    facts.rows += 1;
                } else {
                    facts.rows_without_picture.push(state.position(&range).0);
                }
            }
            Event::End(TagEnd::Paragraph) if nesting == 0 => {
                facts.blocks.push((open_row, words));
                out.push((Event::End(TagEnd::Paragraph), range.clone()));
                if open_row {
                    out.push((Event::Html("</div></div>".into()), range));
                    open_row = false;
                }
            }
            Event::SoftBreak => out.push((Event::HardBreak, range)),
            Event::Start(Tag::Emphasis) => {
                facts.emphasis.push(state.position(&range));
                out.push((Event::Start(Tag::Emphasis), range));
            }
            Event::Text(text) => {
                words += text.split_whitespace().count();
                out.push((Event::Text(text), range));
            }
            other => out.push((other, range)),
        }
    }
    (out, Some(facts))
}

/// The depth of containers (lists, quotes, tables, footnotes) after
/// `event`: only paragraphs at depth 0 become rows.
fn nesting_after(event: &Event, nesting: usize) -> usize {
    match event {
        Event::Start(
            Tag::List(_) | Tag::BlockQuote(_) | Tag::Table(_) | Tag::FootnoteDefinition(_),
        ) => nesting + 1,
        Event::End(
            TagEnd::List(_) | TagEnd::BlockQuote(_) | TagEnd::Table | TagEnd::FootnoteDefinition,
        ) => nesting.saturating_sub(1),
        _ => nesting,
    }
}

/// Opens a top-level paragraph at `range`. One that starts with a picture
/// becomes a row: the picture in its own column, the words in the other,
/// without the line break after the picture. Returns whether it is a row,
/// so the caller closes the row's columns after the paragraph.
fn open_paragraph<'a>(
    iter: &mut Peekable<IntoIter<Spanned<'a>>>,
    range: Range<usize>,
    out: &mut Vec<Spanned<'a>>,
) -> bool {
    let starts_with_picture = matches!(iter.peek(), Some((Event::Html(html), _)) if html.starts_with("<img") || html.starts_with("<picture"));
    let picture = if starts_with_picture {
        iter.next()
    } else {
        None
    };
    let Some((picture, picture_range)) = picture else {
        out.push((Event::Start(Tag::Paragraph), range));
        return false;
    };
    out.push((
        Event::Html("<div class=\"er-row\"><div class=\"er-picture\">".into()),
        range.clone(),
    ));
    out.push((picture, picture_range));
    out.push((
        Event::Html("</div><div class=\"er-text\">".into()),
        range.clone(),
    ));
    out.push((Event::Start(Tag::Paragraph), range));
    // The line break after the picture is not part of the words.
    while matches!(iter.peek(), Some((Event::SoftBreak | Event::HardBreak, _))) {
        iter.next();
    }
    true
}
