//! Presentation of block elements that plain pulldown-cmark HTML gets wrong
//! for screen readers or small screens.
//!
//! - GFM alerts (`> [!NOTE]`) become callouts with a visible, spoken title.
//! - Tables sit in a focusable, labelled scroll box, so a wide table scrolls
//!   on its own at 320 px instead of making the whole page scroll sideways.
//! - Task-list boxes become text ("Done", "Not done") instead of disabled,
//!   unlabelled checkboxes.

use pulldown_cmark::{BlockQuoteKind, Event, Tag, TagEnd};

use super::{PageState, Spanned, plain_text};
use crate::render::i18n::Words;
use crate::text::escape::escape_html;

pub fn present<'a>(events: Vec<Spanned<'a>>, words: &Words) -> Vec<Spanned<'a>> {
    let mut out = Vec::with_capacity(events.len());
    for (event, range) in events {
        let replacement = match &event {
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (class, key) = callout(*kind);
                let title = escape_html(words.get(key));
                Some(format!(
                    "<div class=\"callout callout-{class}\" role=\"note\" aria-label=\"{title}\"><p class=\"callout-title\">{title}</p>"
                ))
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => Some("</div>".to_owned()),
            Event::Start(Tag::Table(_)) => {
                out.push((
                    Event::Html(format!("<div class=\"table-wrap\" role=\"region\" aria-label=\"{}\" tabindex=\"0\">", escape_html(words.get("page.table"))).into()),
                    range.clone(),
                ));
                None
            }
            Event::End(TagEnd::Table) => {
                out.push((event, range.clone()));
                out.push((Event::Html("</div>".into()), range));
                continue;
            }
            Event::TaskListMarker(done) => Some(if *done {
                format!(
                    "<span class=\"task task-done\" aria-hidden=\"true\">&#x2611;</span><span class=\"visually-hidden\">{}: </span>",
                    escape_html(words.get("task.done"))
                )
            } else {
                format!(
                    "<span class=\"task\" aria-hidden=\"true\">&#x2610;</span><span class=\"visually-hidden\">{}: </span>",
                    escape_html(words.get("task.not_done"))
                )
            }),
            _ => None,
        };
        match replacement {
            Some(html) => out.push((Event::Html(html.into()), range)),
            None => out.push((event, range)),
        }
    }
    out
}

fn callout(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "callout.note"),
        BlockQuoteKind::Tip => ("tip", "callout.tip"),
        BlockQuoteKind::Important => ("important", "callout.important"),
        BlockQuoteKind::Warning => ("warning", "callout.warning"),
        BlockQuoteKind::Caution => ("caution", "callout.caution"),
    }
}

/// Lines of tables whose header row is empty: screen readers then have no
/// column names to announce for each cell.
pub fn headerless_tables(events: &[Spanned], state: &PageState) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut table_start = None;
    for (i, (event, range)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Table(_)) => table_start = Some(range.clone()),
            Event::Start(Tag::TableHead) => {
                let end = events[i..]
                    .iter()
                    .position(|(e, _)| matches!(e, Event::End(TagEnd::TableHead)))
                    .map_or(events.len(), |p| i + p);
                if plain_text(&events[i..end]).trim().is_empty()
                    && let Some(range) = &table_start
                {
                    lines.push(state.position(range).0);
                }
            }
            _ => {}
        }
    }
    lines
}
