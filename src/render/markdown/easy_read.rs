//! Easy Read layout: a paragraph that starts with a picture becomes a row,
//! picture on the left and words on the right, and each line of the source
//! stays a line on the page.
//!
//! The pass also notes what the easy-read checks need: rows without a
//! picture, and italics (hard to read for many Easy Read readers).

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{PageState, Spanned};
use crate::model::PageKind;

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
        match &event {
            Event::Start(
                Tag::List(_) | Tag::BlockQuote(_) | Tag::Table(_) | Tag::FootnoteDefinition(_),
            ) => nesting += 1,
            Event::End(
                TagEnd::List(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::Table
                | TagEnd::FootnoteDefinition,
            ) => {
                nesting = nesting.saturating_sub(1);
            }
            _ => {}
        }
        match event {
            Event::Start(Tag::Paragraph) if nesting == 0 => {
                words = 0;
                let starts_with_picture =
                    matches!(iter.peek(), Some((Event::Html(html), _)) if html.starts_with("<img"));
                let picture = if starts_with_picture {
                    iter.next()
                } else {
                    None
                };
                if let Some((picture, picture_range)) = picture {
                    facts.rows += 1;
                    open_row = true;
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
                } else {
                    facts.rows_without_picture.push(state.position(&range).0);
                    out.push((Event::Start(Tag::Paragraph), range));
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
