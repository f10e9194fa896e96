//! Gives every heading a stable, unique id and records the outline.
//!
//! Ids come from the heading text (`## Who can help?` -> `who-can-help`), or
//! from `{#custom-id}` when the author wants an address that survives a
//! reworded heading. Repeats get `-1`, `-2`. Ids the theme uses for its own
//! landmarks are never handed out, so a heading cannot hijack the skip link.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::{Heading, PageState, Spanned, plain_text};
use crate::site::slug::slugify;

/// Ids used by the default theme's templates.
pub const RESERVED_IDS: &[&str] = &["main", "site-nav", "help-now", "page-info", "top"];

/// Hands out heading ids the way pages get them: from `{#custom}` or the
/// heading's text, never a theme landmark's id, repeats numbered `-1`,
/// `-2`. `translate` uses it too, so a translated heading keeps the id its
/// English heading has on the page.
pub struct HeadingIds {
    used: HashSet<String>,
    /// The last suffix tried for each base id. Every suffix below it is
    /// already taken (ids are never freed), so the search for a free one
    /// resumes there: 6,000 identical headings cost no more than 6,000
    /// different ones, and each gets the id a search from 1 would find.
    last_suffix: HashMap<String, usize>,
}

impl Default for HeadingIds {
    fn default() -> Self {
        HeadingIds {
            used: RESERVED_IDS.iter().map(|s| (*s).to_owned()).collect(),
            last_suffix: HashMap::new(),
        }
    }
}

impl HeadingIds {
    /// The id of the next heading, whose `{#id}` is `custom` and whose
    /// plain text is `text`.
    pub fn next(&mut self, custom: Option<&str>, text: &str) -> String {
        let wanted = match custom {
            Some(custom) => custom.to_owned(),
            None => slugify(text.trim()),
        };
        let base = if wanted.is_empty() {
            "section".to_owned()
        } else {
            wanted
        };
        let mut unique = base.clone();
        let n = self.last_suffix.entry(base.clone()).or_insert(0);
        while !self.used.insert(unique.clone()) {
            *n += 1;
            unique = format!("{base}-{n}");
        }
        unique
    }
}

pub fn assign_ids<'a>(
    mut events: Vec<Spanned<'a>>,
    state: &mut PageState,
) -> (Vec<Spanned<'a>>, Vec<Heading>) {
    let mut ids = HeadingIds::default();
    let mut headings = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let (Event::Start(Tag::Heading { level, id, .. }), range) = &events[i] {
            let end = events[i..]
                .iter()
                .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))
                .map_or(events.len(), |p| i + p);
            let text = plain_text(&events[i + 1..end]).trim().to_owned();
            let unique = ids.next(id.as_deref(), &text);
            let (line, _) = state.position(range);
            headings.push(Heading {
                level: *level as u8,
                text,
                id: unique.clone(),
                line,
            });
            let chapter = state
                .ctx
                .booklet
                .as_ref()
                .and_then(|b| b.chapters.get(&state.idx));
            let (shown_id, shift) = match chapter {
                Some((chapter, shift)) => (format!("{chapter}--{unique}"), *shift),
                None => (unique, 0),
            };
            if let (Event::Start(Tag::Heading { id, level, .. }), _) = &mut events[i] {
                *id = Some(shown_id.into());
                *level = shifted(*level, shift);
            }
            if let Some((Event::End(TagEnd::Heading(level)), _)) = events.get_mut(end) {
                *level = shifted(*level, shift);
            }
            i = end;
        }
        i += 1;
    }
    (events, headings)
}

/// Moves a heading down `by` levels, stopping at h6.
fn shifted(level: HeadingLevel, by: u8) -> HeadingLevel {
    HeadingLevel::try_from((level as usize + usize::from(by)).min(6)).unwrap_or(HeadingLevel::H6)
}
