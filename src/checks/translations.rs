//! Checks for pages in more than one language: a translation whose source
//! has moved on (`translation-outdated`), and which checks only make sense
//! in English.
//!
//! The reading-level formulas (Flesch–Kincaid, SMOG) were fitted to
//! English text, and the plain-words, respectful-language and easy-read
//! word lists are English lists, so on a page in another language they
//! would report nonsense. Sentence length, headings, links, alt text,
//! pictures, emphasis and review dates mean the same in every language and
//! run everywhere.

use crate::diagnostics::Diagnostic;
use crate::site::model::{PageIdx, Site};
use crate::site::provenance::{Drift, SourceStamp, drift};

/// Rules whose findings are kept only on English pages.
pub const ENGLISH_ONLY: &[&str] = &[
    "reading-grade",
    "reading-smog",
    "plain-words",
    "respectful-language",
    "easy-one-idea",
    "easy-hard-word",
    "easy-number-words",
    "easy-reading-grade",
    "easy-capitals",
];

/// `en`, `en-GB`, `en-US`…
pub fn is_english(lang: &str) -> bool {
    lang.split(['-', '_'])
        .next()
        .is_some_and(|p| p.eq_ignore_ascii_case("en"))
}

/// The stamp a translation's front matter keeps of its source.
pub fn stamp(site: &Site, idx: PageIdx) -> Option<SourceStamp> {
    let t = site.pages[idx].front.translation.as_ref()?;
    Some(SourceStamp {
        source_hash: t.source_hash.clone(),
        source_reviewed: t.source_reviewed,
    })
}

/// How a translation's source has moved on since it was translated; empty
/// for a page in step, or one that is not a translation of an existing page.
pub fn drifts(site: &Site, idx: PageIdx) -> Vec<Drift> {
    let Some(source) = site.source_of(idx) else {
        return Vec::new();
    };
    let page = &site.pages[idx];
    let source = &site.pages[source];
    drift(
        stamp(site, idx).as_ref(),
        page.front.reviewed,
        source.front.reviewed,
        source.body(),
    )
}

/// `translation-outdated` for each way the source has moved on, at the
/// `translation:` line (or the first line).
pub fn check(site: &Site, idx: PageIdx) -> Vec<Diagnostic> {
    let page = &site.pages[idx];
    let Some(source_rel) = page.translation_of.as_deref() else {
        return Vec::new();
    };
    let line = match crate::source::config::line_of_key(&page.text, "translation") {
        1 => crate::source::config::line_of_key(&page.text, "reviewed"),
        line => line,
    };
    drifts(site, idx)
        .into_iter()
        .map(|d| {
            let (message, help) = match d {
                Drift::ReviewedLater { source, derived } => (
                    format!("content/{source_rel} was reviewed on {}, after this translation ({})", source.iso(), derived.iso()),
                    "check the translation against the source, update it, then set its `reviewed:` date".to_owned(),
                ),
                Drift::TextChanged { recorded, now } => (
                    format!("the text of content/{source_rel} has changed since this page was translated from it ({recorded}, now {now})"),
                    format!("update the translation, then set `source_hash: \"{now}\"` under `translation:`"),
                ),
            };
            crate::diagnostics::rules::finding("translation-outdated", message)
                .in_file(page.file())
                .at_source(&page.text, line, 1)
                .help(help)
        })
        .collect()
}
