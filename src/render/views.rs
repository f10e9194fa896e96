//! Serializable views shared by the page templates and the booklets: the
//! shapes a theme sees for a date and for a glossary entry.

use serde::Serialize;

use crate::site::dates::Date;
use crate::site::model::Site;

#[derive(Serialize, Clone)]
pub struct DateView {
    iso: String,
    long: String,
}

impl DateView {
    /// The date for readers in the words' language ("21 Tachwedd 2026").
    pub fn new(date: Date, words: &crate::render::i18n::Words) -> Self {
        DateView {
            iso: date.iso(),
            long: words.date(date),
        }
    }
}

#[derive(Serialize)]
pub struct GlossaryView {
    term: String,
    anchor: String,
    meaning: String,
    aliases: Vec<String>,
}

/// Glossary entries in alphabetical order, each with its anchor id.
pub fn glossary_view(site: &Site) -> Vec<GlossaryView> {
    let mut entries: Vec<GlossaryView> = site
        .data
        .glossary
        .iter()
        .map(|e| GlossaryView {
            term: e.term.clone(),
            anchor: e.anchor(),
            meaning: e.meaning.clone(),
            aliases: e.aliases.clone(),
        })
        .collect();
    entries.sort_by_key(|e| e.term.to_lowercase());
    entries
}
