//! Provenance of derived pages: a translation (`NAME.LANG.md`) or a local
//! edition's override of a base page records which version of its source it
//! was made from, so `check` can say when the source has moved on.
//!
//! Both kinds of derived page carry the same stamp in their front matter
//! (`translation:` or `overrides:`): the hash of the source body and the
//! source's `reviewed` date at the time the derived page was made. A page
//! written by hand, without a stamp, is compared by date only. One
//! implementation serves both, so the two warnings (`translation-outdated`,
//! `upstream-changed`) always agree on what "changed" means.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::site::dates::Date;

/// What a derived page records of its source when it is made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct SourceStamp {
    /// `body_hash` of the source's Markdown body when the derived page was made.
    pub source_hash: Option<String>,
    /// The source's `reviewed` date when the derived page was made.
    pub source_reviewed: Option<Date>,
}

/// The hash recorded in a stamp: `sha256:` and the first 16 hex digits of
/// the SHA-256 of the body, with line endings made `\n` and trailing
/// whitespace trimmed from each line and from the end, so that an editor
/// saving CRLF or stripping spaces does not count as a change of text.
/// 64 bits is ample to notice an edit; a short value keeps front matter
/// readable.
pub fn body_hash(body: &str) -> String {
    let mut hasher = Sha256::new();
    let normalised = normalise(body);
    hasher.update(normalised.as_bytes());
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(7 + 16);
    hex.push_str("sha256:");
    for byte in &digest[..8] {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

fn normalise(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// How the source has moved on since the derived page was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    /// The source was reviewed after the derived page's own `reviewed` date
    /// (or after the date in the stamp, when the derived page has none).
    ReviewedLater { source: Date, derived: Date },
    /// The source body no longer has the hash in the stamp.
    TextChanged { recorded: String, now: String },
}

/// Compares a derived page with its source as it is now. `derived_reviewed`
/// is the derived page's own `reviewed` date. Returns nothing when the
/// derived page is in step.
pub fn drift(
    stamp: Option<&SourceStamp>,
    derived_reviewed: Option<Date>,
    source_reviewed: Option<Date>,
    source_body: &str,
) -> Vec<Drift> {
    let mut found = Vec::new();
    let derived_date = derived_reviewed.or_else(|| stamp.and_then(|s| s.source_reviewed));
    if let (Some(source), Some(derived)) = (source_reviewed, derived_date) {
        if source > derived {
            found.push(Drift::ReviewedLater { source, derived });
        }
    }
    if let Some(recorded) = stamp.and_then(|s| s.source_hash.as_deref()) {
        let now = body_hash(source_body);
        if now != recorded {
            found.push(Drift::TextChanged {
                recorded: recorded.to_string(),
                now,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn hash_ignores_line_endings_and_trailing_space() {
        assert_eq!(body_hash("a\nb\n"), body_hash("a  \r\nb\r\n\r\n"));
        assert_ne!(body_hash("a\nb\n"), body_hash("a\nc\n"));
        assert!(body_hash("x").starts_with("sha256:"));
        assert_eq!(body_hash("x").len(), 7 + 16);
    }

    #[test]
    fn drift_by_date_and_by_hash() {
        let stamp = SourceStamp {
            source_hash: Some(body_hash("old text")),
            source_reviewed: Some(date("2026-01-01")),
        };
        assert!(
            drift(
                Some(&stamp),
                Some(date("2026-02-01")),
                Some(date("2026-01-01")),
                "old text"
            )
            .is_empty()
        );
        assert_eq!(
            drift(
                None,
                Some(date("2026-02-01")),
                Some(date("2026-03-01")),
                "x"
            ),
            vec![Drift::ReviewedLater {
                source: date("2026-03-01"),
                derived: date("2026-02-01")
            }]
        );
        let changed = drift(
            Some(&stamp),
            Some(date("2026-02-01")),
            Some(date("2026-01-01")),
            "new text",
        );
        assert!(matches!(changed.as_slice(), [Drift::TextChanged { .. }]));
        // A hand-written page with no date and no stamp cannot be compared.
        assert!(drift(None, None, Some(date("2026-03-01")), "x").is_empty());
    }
}
