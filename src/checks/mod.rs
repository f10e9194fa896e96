//! Checks over the rendered site, shared by `build` and `check`.
//!
//! Each module inspects structure Signpost already has (headings, links,
//! prose blocks, front-matter dates) rather than searching HTML. Every rule
//! has a stable id and a default level; `site.yaml` can change the level of
//! the rules listed in [`RULES`] (`check.rules`), or turn them off.

pub mod contacts;
pub mod easy_read;
pub mod images;
pub mod leftovers;
pub mod links;
pub mod mentions;
pub mod reading;
pub mod review;
pub mod structure;
pub mod suppress;
pub mod translations;
pub mod upstream;
pub mod words;

use crate::diagnostics::{Diagnostic, Report, Severity};
use crate::render::markdown::Rendered;
use crate::site::dates::Date;
use crate::site::model::{PageIdx, Site};
use crate::source::config::{CheckConfig, RuleLevel};

pub use crate::diagnostics::rules::{RULES, Rule, default_severity, finding, is_configurable};

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

/// What the checks of one page found: its reading level, measured once,
/// and its findings.
#[derive(Debug, Clone, Default)]
pub struct PageFindings {
    pub metrics: crate::text::readability::Metrics,
    pub findings: Vec<Diagnostic>,
}

/// Checks that look at one page at a time (run in parallel, and again for
/// just the edited page when `serve` rebuilds one page).
pub fn page_checks(
    site: &Site,
    idx: PageIdx,
    render: &Rendered,
    context: &CheckContext,
) -> PageFindings {
    let page = &site.pages[idx];
    let config = &site.config.check;
    let prose: Vec<&str> = render.prose.iter().map(|b| b.text.as_str()).collect();
    // Split into sentences once, for the reading level and the rules.
    let (split, metrics) = crate::text::readability::split_and_measure(&prose);
    let mut found = structure::check(page, render);
    found.extend(suppress::check(page));
    found.extend(leftovers::check(page, render));
    found.extend(review::check(page, context.today));
    found.extend(reading::check(page, render, &split, &metrics, config));
    found.extend(words::check(page, render, &context.words));
    found.extend(easy_read::check(
        page,
        render,
        &split,
        &config.easy_read,
        &context.hard_terms,
    ));
    if !translations::is_english(&page.lang) {
        found.retain(|d| !translations::ENGLISH_ONLY.contains(&d.rule));
    }
    found.extend(translations::check(site, idx));
    PageFindings {
        metrics,
        findings: found,
    }
}

/// What the checks across pages found: each page's link findings (links
/// depend on the pages they point to), and the site-wide ones (contacts).
#[derive(Debug, Clone, Default)]
pub struct SiteFindings {
    pub links: Vec<Vec<Diagnostic>>,
    pub site_wide: Vec<Diagnostic>,
}

/// Checks across pages: links between them, and the shared contacts.
pub fn site_checks(site: &Site, rendered: &[Rendered], today: Date) -> SiteFindings {
    SiteFindings {
        links: links::check(site, rendered),
        site_wide: {
            let mut found = contacts::check(site, today);
            found.extend(contacts::untranslated(site, rendered));
            found.extend(images::check(site));
            // Local editions: overrides whose base page has moved on.
            found.extend(upstream::check(site));
            found
        },
    }
}

/// Every finding of a rendered site, before `check.rules` levels apply:
/// the early ones (settings, data, files, theme), each page's render and
/// page-check findings, and the cross-page ones.
pub fn collect(
    early: &[Diagnostic],
    rendered: &[Rendered],
    pages: &[PageFindings],
    site: &SiteFindings,
) -> Report {
    let mut report: Report = early.iter().cloned().collect();
    for (render, page) in rendered.iter().zip(pages) {
        report.extend(render.diagnostics.iter().cloned());
        report.extend(page.findings.iter().cloned());
    }
    for links in &site.links {
        report.extend(links.iter().cloned());
    }
    report.extend(site.site_wide.iter().cloned());
    report
}

/// Applies the site's `check.rules` levels (changes severities and drops
/// rules turned off), then each page's own (`signpost-ignore` comments and
/// front-matter `check.rules`, whose silenced findings are kept aside).
pub fn apply_levels(report: Report, site: &Site) -> Report {
    suppress::apply(apply_site_levels(report, &site.config.check), site)
}

/// [`apply_levels`] with the pages' own rules already read (`serve`).
pub fn apply_levels_with(report: Report, site: &Site, rules: &suppress::SuppressRules) -> Report {
    suppress::apply_rules(apply_site_levels(report, &site.config.check), rules)
}

fn apply_site_levels(report: Report, config: &CheckConfig) -> Report {
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
        /// Findings silenced on purpose, each with `by`: listed so that
        /// nothing is hidden for good.
        suppressed: Vec<&'a crate::diagnostics::Suppressed>,
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
        suppressed: report.suppressed(),
    };
    serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".to_owned())
}
