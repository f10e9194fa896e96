//! Checks over the rendered site, shared by `build` and `check`.
//!
//! Each module inspects structure Signpost already has (headings, links,
//! prose blocks, front-matter dates) rather than searching HTML. Every rule
//! has a stable id and a default level; `site.yaml` can change the level of
//! the rules listed in [`RULES`] (`check.rules`), or turn them off.

pub mod contacts;
pub mod easy_read;
pub mod links;
pub mod reading;
pub mod review;
pub mod structure;
pub mod words;

use crate::config::{CheckConfig, RuleLevel};
use crate::dates::Date;
use crate::diagnostics::{Diagnostic, Report, Severity};
use crate::markdown::Rendered;
use crate::model::{PageIdx, Site};

/// A rule whose level a site may change.
pub struct Rule {
    pub id: &'static str,
    pub default: Severity,
    pub what: &'static str,
}

/// Every configurable rule, in the order the README lists them.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    rule("vague-link-text", Severity::Error, "link text that does not say where it goes (\"click here\", a bare web address)"),
    rule("duplicate-link-text", Severity::Warning, "two links on a page with the same text going to different places"),
    rule("bad-email-link", Severity::Error, "a mailto: link that is not an email address"),
    rule("bad-phone-link", Severity::Error, "a tel: link that is not a phone number"),
    rule("image-alt-empty", Severity::Error, "alt text of only spaces on an image not marked decorative"),
    rule("image-alt-filename", Severity::Error, "alt text that repeats the file name (\"IMG_0123.jpg\")"),
    rule("heading-skip", Severity::Error, "a heading level that skips one (## then ####)"),
    rule("heading-h1", Severity::Error, "a page with more than one h1, or none"),
    rule("heading-empty", Severity::Error, "a heading with no words"),
    rule("table-no-header", Severity::Error, "a table whose header row is empty"),
    rule("review-overdue", Severity::Warning, "a page whose review_due date has passed"),
    rule("review-order", Severity::Error, "a page reviewed after its review_due date"),
    rule("review-missing", Severity::Warning, "a page without reviewed or review_due"),
    rule("contact-stale", Severity::Warning, "a contact not verified within check.contact_max_age_months"),
    rule("long-sentence", Severity::Warning, "a sentence longer than check.max_sentence_words"),
    rule("reading-grade", Severity::Warning, "a page above check.max_grade (Flesch–Kincaid)"),
    rule("reading-smog", Severity::Warning, "a page above check.max_smog (SMOG)"),
    rule("plain-words", Severity::Warning, "a word with a plainer alternative"),
    rule("respectful-language", Severity::Warning, "a term that stigmatises people, with a respectful alternative"),
    rule("easy-long-sentence", Severity::Warning, "easy read: a sentence longer than check.easy_read.max_sentence_words"),
    rule("easy-one-idea", Severity::Warning, "easy read: a sentence that seems to hold more than one idea"),
    rule("easy-row-without-picture", Severity::Warning, "easy read: a paragraph that does not start with a picture"),
    rule("easy-picture-alt", Severity::Error, "easy read: a picture without alt text"),
    rule("easy-emphasis", Severity::Warning, "easy read: italic or underlined text"),
    rule("easy-capitals", Severity::Warning, "easy read: a word in BLOCK CAPITALS"),
    rule("easy-hard-word", Severity::Warning, "easy read: a hard word not in bold, or not explained in the next sentence"),
    rule("easy-number-words", Severity::Warning, "easy read: a number written as a word"),
    rule("easy-too-long", Severity::Warning, "easy read: more than check.easy_read.max_pages printed A4 pages (estimated)"),
    rule("easy-reading-grade", Severity::Warning, "easy read: above check.easy_read.max_grade or max_smog"),
];

const fn rule(id: &'static str, default: Severity, what: &'static str) -> Rule {
    Rule { id, default, what }
}

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
    debug_assert!(is_configurable(id), "rule `{id}` must be listed in RULES");
    match default_severity(id) {
        Severity::Error => Diagnostic::error(id, message),
        Severity::Warning => Diagnostic::warning(id, message),
    }
}

/// What the checks need that is built once per build, not once per page.
pub struct CheckContext {
    pub today: Date,
    words: words::Lists,
    hard_terms: Vec<String>,
}

impl CheckContext {
    pub fn new(site: &Site, today: Date) -> Self {
        CheckContext {
            today,
            words: words::Lists::new(&site.config.check),
            hard_terms: easy_read::hard_terms(site),
        }
    }
}

/// Checks that look at one page at a time (run in parallel, and again for
/// just the edited page when `serve` rebuilds one page).
pub fn page_checks(
    site: &Site,
    idx: PageIdx,
    render: &Rendered,
    context: &CheckContext,
) -> Vec<Diagnostic> {
    let page = &site.pages[idx];
    let config = &site.config.check;
    let mut found = structure::check(page, render);
    found.extend(review::check(page, context.today));
    found.extend(reading::check(page, render, config));
    found.extend(words::check(page, render, &context.words));
    found.extend(easy_read::check(
        page,
        render,
        &config.easy_read,
        &context.hard_terms,
    ));
    found
}

/// Checks across pages: links between them, and the shared contacts.
/// Fills each page's `link_diagnostics` and returns the site-wide findings.
pub fn site_checks(site: &Site, rendered: &mut [Rendered], today: Date) -> Vec<Diagnostic> {
    let per_page = links::check(site, rendered);
    for (page, found) in rendered.iter_mut().zip(per_page) {
        page.link_diagnostics = found;
    }
    contacts::check(site, today)
}

/// Every finding of a rendered site, before `check.rules` levels apply.
pub fn collect(early: &[Diagnostic], rendered: &[Rendered], site_wide: Vec<Diagnostic>) -> Report {
    let mut report: Report = early.iter().cloned().collect();
    for page in rendered {
        report.extend(page.diagnostics.iter().cloned());
        report.extend(page.link_diagnostics.iter().cloned());
    }
    report.extend(site_wide);
    report
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

/// The `check --json` report. Its shape is documented in the README and
/// pinned by a test: fields may be added, never renamed or removed.
pub fn json_report(report: &Report, pages: usize, readings: &[reading::PageReading]) -> String {
    #[derive(serde::Serialize)]
    struct Summary {
        errors: usize,
        warnings: usize,
        pages: usize,
    }
    #[derive(serde::Serialize)]
    struct Json<'a> {
        version: u32,
        summary: Summary,
        findings: Vec<&'a Diagnostic>,
        reading: &'a [reading::PageReading],
    }
    let json = Json {
        version: 1,
        summary: Summary {
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            pages,
        },
        findings: report.sorted(),
        reading: readings,
    };
    serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".to_owned())
}
