//! Checks over the rendered site, shared by `build` and `check`.
//!
//! Each module inspects structure Signpost already has (headings, links,
//! prose blocks, front-matter dates) rather than searching HTML. Every rule
//! has a stable id and a default level; `site.yaml` can change the level of
//! the rules listed in [`RULES`] (`check.rules`), or turn them off.

pub mod contacts;
pub mod links;
pub mod reading;
pub mod review;
pub mod structure;
pub mod words;

use crate::config::{CheckConfig, RuleLevel};
use crate::dates::Date;
use crate::diagnostics::{Diagnostic, Report, Severity};
use crate::markdown::Rendered;
use crate::model::Site;

/// A rule whose level a site may change.
pub struct Rule {
    pub id: &'static str,
    pub default: Severity,
    pub what: &'static str,
}

/// Every configurable rule, in the order the README lists them.
pub const RULES: &[Rule] = &[
    Rule {
        id: "vague-link-text",
        default: Severity::Error,
        what: "link text that does not say where it goes (\"click here\", a bare web address)",
    },
    Rule {
        id: "duplicate-link-text",
        default: Severity::Warning,
        what: "two links on a page with the same text going to different places",
    },
    Rule {
        id: "bad-email-link",
        default: Severity::Error,
        what: "a mailto: link that is not an email address",
    },
    Rule {
        id: "bad-phone-link",
        default: Severity::Error,
        what: "a tel: link that is not a phone number",
    },
    Rule {
        id: "image-alt-empty",
        default: Severity::Error,
        what: "alt text of only spaces on an image not marked decorative",
    },
    Rule {
        id: "image-alt-filename",
        default: Severity::Error,
        what: "alt text that repeats the file name (\"IMG_0123.jpg\")",
    },
    Rule {
        id: "heading-skip",
        default: Severity::Error,
        what: "a heading level that skips one (## then ####)",
    },
    Rule {
        id: "heading-h1",
        default: Severity::Error,
        what: "a page with more than one h1, or none",
    },
    Rule {
        id: "heading-empty",
        default: Severity::Error,
        what: "a heading with no words",
    },
    Rule {
        id: "table-no-header",
        default: Severity::Error,
        what: "a table whose header row is empty",
    },
    Rule {
        id: "review-overdue",
        default: Severity::Warning,
        what: "a page whose review_due date has passed",
    },
    Rule {
        id: "review-order",
        default: Severity::Error,
        what: "a page reviewed after its review_due date",
    },
    Rule {
        id: "review-missing",
        default: Severity::Warning,
        what: "a page without reviewed or review_due",
    },
    Rule {
        id: "contact-stale",
        default: Severity::Warning,
        what: "a contact not verified within check.contact_max_age_months",
    },
    Rule {
        id: "long-sentence",
        default: Severity::Warning,
        what: "a sentence longer than check.max_sentence_words",
    },
    Rule {
        id: "reading-grade",
        default: Severity::Warning,
        what: "a page above check.max_grade (Flesch–Kincaid)",
    },
    Rule {
        id: "reading-smog",
        default: Severity::Warning,
        what: "a page above check.max_smog (SMOG)",
    },
    Rule {
        id: "plain-words",
        default: Severity::Warning,
        what: "a word with a plainer alternative",
    },
    Rule {
        id: "respectful-language",
        default: Severity::Warning,
        what: "a term that stigmatises people, with a respectful alternative",
    },
];

pub fn is_configurable(id: &str) -> bool {
    RULES.iter().any(|r| r.id == id)
}

/// The level a rule has by default.
pub fn default_severity(id: &str) -> Severity {
    RULES
        .iter()
        .find(|r| r.id == id)
        .map_or(Severity::Error, |r| r.default)
}

/// A diagnostic for a configurable rule at its default level.
pub fn finding(id: &'static str, message: impl Into<String>) -> Diagnostic {
    match default_severity(id) {
        Severity::Error => Diagnostic::error(id, message),
        Severity::Warning => Diagnostic::warning(id, message),
    }
}

/// Runs every check that needs the rendered pages.
pub fn run(site: &Site, rendered: &[Rendered], today: Date) -> Vec<Diagnostic> {
    let config = &site.config.check;
    let mut found = links::check(site, rendered);
    found.extend(structure::check(site, rendered));
    found.extend(review::check(site, today));
    found.extend(contacts::check(site, today));
    found.extend(reading::check(site, rendered, config));
    found.extend(words::check(site, rendered, config));
    found
}

/// Applies `check.rules` levels: changes severities and drops rules turned off.
pub fn apply_levels(report: Report, config: &CheckConfig) -> Report {
    if config.rules.is_empty() {
        return report;
    }
    let mut out = Report::default();
    for mut d in report.into_vec() {
        match config.rules.get(d.rule) {
            Some(RuleLevel::Off) => continue,
            Some(RuleLevel::Error) => d.severity = Severity::Error,
            Some(RuleLevel::Warning) => d.severity = Severity::Warning,
            None => {}
        }
        out.push(d);
    }
    out
}
