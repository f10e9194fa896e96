//! The accessibility statement, in the order of the UK government's model
//! statement for public sector websites: what the site is and who runs it,
//! how accessible it is, how to report a problem, the enforcement
//! procedure, and the technical statement against WCAG 2.2 AA.
//!
//! It says only what Signpost knows or the publisher wrote in `site.yaml`
//! (`accessibility:`): which checks ran when the site was built, whether
//! raw HTML (and so scripts) could reach a page, which easy-read and
//! large-print versions exist, and the build date. The compliance sentence
//! comes only from the publisher's `compliance:`, because Signpost runs no
//! browser audit; without it the statement says the site is untested.

use serde::Serialize;

use super::Plan;
use crate::diagnostics::Diagnostic;
#[cfg(test)]
use crate::diagnostics::rules::RULES;
use crate::diagnostics::rules::finding;
use crate::render::i18n::Words;
use crate::render::views::DateView;
use crate::site::assemble::Assembled;
use crate::site::dates::Date;
use crate::site::model::{PageKind, Site};
use crate::source::config::{AccessibilityConfig, Compliance, RawHtml, RuleLevel};

/// The rule for a statement that gives readers no way to report a problem.
pub const CONTACT_RULE: &str = "accessibility-contact-missing";

/// The page budget the default theme is designed to, as readers read it.
const PAGE_BUDGET: &str = "14 KB";

/// Where the enforcement section sends readers.
const EASS_URL: &str = "https://www.equalityadvisoryservice.com/";
const ECNI_URL: &str = "https://www.equalityni.org/";

#[derive(Serialize)]
pub struct StatementView {
    /// The site's address in this language, when `base_url` is set.
    address: Option<String>,
    /// Who runs the site, when `site.yaml` says (`accessibility.organisation`,
    /// else the brand's name).
    organisation: Option<String>,
    /// The same, or "The publisher of this site" in the page's language.
    publisher: String,
    /// True unless `markdown.raw_html: allow` lets pages carry scripts.
    no_javascript: bool,
    page_budget: &'static str,
    has_easy_read: bool,
    has_large_print: bool,
    known_issues: Vec<String>,
    email: Option<String>,
    /// The number as written, and as a `tel:` link.
    phone: Option<(String, String)>,
    contact_url: Option<String>,
    has_contact: bool,
    /// `full`, `partial` or `not`, only from `site.yaml`.
    compliance: Option<&'static str>,
    last_tested: Option<DateView>,
    tested_by: Option<String>,
    /// The ids of the configurable checks that were on for this language.
    /// What the build checks made sure of, in the page's language.
    checks: Vec<String>,
    /// The build date (`SIGNPOST_TODAY`, `SOURCE_DATE_EPOCH`, else today).
    prepared: DateView,
    eass_url: &'static str,
    ecni_url: &'static str,
}

pub fn view(site: &Site, assembled: &Assembled, plan: &Plan, words: &Words) -> StatementView {
    let empty = AccessibilityConfig::default();
    let given = site.config.accessibility.as_ref().unwrap_or(&empty);
    let codes = site.config.language_codes();
    let in_root = |dir: &str| crate::site::urls::language_root(dir, &codes) == plan.root;
    let has_easy_read = (0..site.pages.len()).any(|idx| {
        site.pages[idx].kind == PageKind::EasyRead && site.language_root(idx) == plan.root
    });
    StatementView {
        address: site.config.base_url().map(|b| format!("{b}{}", plan.root)),
        organisation: organisation(site),
        publisher: organisation(site)
            .unwrap_or_else(|| words.get("accessibility.publisher").to_owned()),
        no_javascript: site.config.markdown.raw_html != RawHtml::Allow,
        page_budget: PAGE_BUDGET,
        has_easy_read,
        has_large_print: assembled
            .booklets
            .iter()
            .any(|dir| dir.ends_with(crate::render::booklet::LARGE_PRINT) && in_root(dir)),
        known_issues: given.known_issues.clone(),
        email: given.contact_email.clone(),
        phone: given
            .contact_phone
            .as_ref()
            .map(|p| (p.clone(), crate::render::markdown::tel_digits(p))),
        contact_url: given.contact_url.clone(),
        has_contact: given.has_contact(),
        compliance: given.compliance.map(|c| match c {
            Compliance::Full => "full",
            Compliance::Partial => "partial",
            Compliance::Not => "not",
        }),
        last_tested: given.last_tested.map(|d| DateView::new(d, words)),
        tested_by: given.tested_by.clone(),
        checks: checks_on(site, &plan.lang, has_easy_read, words),
        prepared: DateView::new(Date::build_date(), words),
        eass_url: EASS_URL,
        ecni_url: ECNI_URL,
    }
}

/// Who runs the site: `accessibility.organisation`, else the brand's name.
fn organisation(site: &Site) -> Option<String> {
    let config = &site.config;
    config
        .accessibility
        .as_ref()
        .and_then(|a| a.organisation.clone())
        .or_else(|| config.brand.as_ref().map(|b| b.name.clone()))
}

/// The build checks a reader can understand, grouped by what they make
/// sure of, each with the rules behind it. A rule not listed (leftover
/// template syntax, settings that match nothing) is about the author's
/// files, not about what a reader meets.
const CHECK_GROUPS: &[(&str, &[&str])] = &[
    (
        "accessibility.check_links",
        &[
            "vague-link-text",
            "duplicate-link-text",
            "bad-email-link",
            "bad-phone-link",
        ],
    ),
    (
        "accessibility.check_images",
        &[
            "image-alt-empty",
            "image-alt-filename",
            "caption-repeats-alt",
            "image-too-heavy",
        ],
    ),
    (
        "accessibility.check_headings",
        &[
            "heading-skip",
            "heading-h1",
            "heading-empty",
            "table-no-header",
        ],
    ),
    (
        "accessibility.check_words",
        &[
            "long-sentence",
            "reading-grade",
            "reading-smog",
            "plain-words",
            "respectful-language",
        ],
    ),
    (
        "accessibility.check_easy_read",
        &[
            "easy-long-sentence",
            "easy-one-idea",
            "easy-row-without-picture",
            "easy-picture-alt",
            "easy-too-long",
        ],
    ),
    (
        "accessibility.check_review",
        &[
            "review-overdue",
            "review-order",
            "review-missing",
            "contact-stale",
        ],
    ),
    (
        "accessibility.check_translations",
        &[
            "translation-outdated",
            "untranslated-setting",
            "untranslated-word",
            "untranslated-contact",
        ],
    ),
];

/// What the build checks made sure of on this language's pages, in plain
/// words: each group with at least one of its rules on. The word lists and
/// reading scores skip pages in other languages than English, the
/// easy-read group needs easy-read pages, and the translation group a
/// second language.
fn checks_on(site: &Site, lang: &str, has_easy_read: bool, words: &Words) -> Vec<String> {
    let english = crate::checks::translations::is_english(lang);
    let on = |id: &&str| {
        site.config.check.rules.get(*id) != Some(&RuleLevel::Off)
            && (english || !crate::checks::translations::ENGLISH_ONLY.contains(id))
    };
    CHECK_GROUPS
        .iter()
        .filter(|(key, _)| has_easy_read || *key != "accessibility.check_easy_read")
        .filter(|(key, _)| {
            site.config.languages.len() > 1 || *key != "accessibility.check_translations"
        })
        .filter(|(_, rules)| rules.iter().any(on))
        .map(|(key, _)| words.get(key).to_owned())
        .collect()
}

/// `accessibility-contact-missing` at `site.yaml`, when the generated
/// statement would give readers no way to report a problem.
pub fn contact_problem(site: &Site) -> Option<Diagnostic> {
    if site
        .config
        .accessibility
        .as_ref()
        .is_some_and(AccessibilityConfig::has_contact)
    {
        return None;
    }
    let text = &site.config_text;
    let line = crate::source::config::line_of_key(text, "accessibility");
    Some(
        finding(
            CONTACT_RULE,
            "the accessibility statement gives readers no way to report a problem: site.yaml has no accessibility contact",
        )
        .in_file(crate::source::config::FILE_NAME)
        .at_source(text, line, 1)
        .help("add `accessibility:` with `organisation:` and at least one of `contact_email:`, `contact_phone:` or `contact_url:`; the accessibility regulations require a way to report a problem"),
    )
}

#[cfg(test)]
mod check_group_tests {
    use super::{CHECK_GROUPS, RULES};

    #[test]
    fn every_grouped_rule_is_a_real_rule() {
        for (_, rules) in CHECK_GROUPS {
            for id in *rules {
                assert!(RULES.iter().any(|r| r.id == *id), "{id} is not in RULES");
            }
        }
    }
}
