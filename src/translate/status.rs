//! `signpost translate status`: for each of the site's other languages,
//! which pages are translated, which are missing and which are outdated
//! (their source was reviewed later, or its text changed, since the
//! translation was made: the same test as `translation-outdated`).

use serde::Serialize;

use crate::diagnostics::Report;
use crate::options::BuildOptions;
use crate::site::model::Site;
use crate::site::provenance::Drift;

/// The state of one language's translations.
#[derive(Debug, Serialize)]
pub struct LanguageStatus {
    pub lang: String,
    pub name: String,
    pub translated: usize,
    pub missing: usize,
    pub outdated: usize,
    pub pages: Vec<PageStatus>,
}

/// One source page in one language.
#[derive(Debug, Serialize)]
pub struct PageStatus {
    /// The page in the default language, `content/…`.
    pub source: String,
    /// The translation, when there is one.
    pub translation: Option<String>,
    /// `translated`, `missing` or `outdated`.
    pub status: &'static str,
    /// Why an outdated page is outdated.
    pub reasons: Vec<String>,
}

/// Loads the site (no rendering) and works out every language's status.
/// `Err` carries the problems that stopped the site loading.
pub fn run(options: &BuildOptions) -> anyhow::Result<Result<Vec<LanguageStatus>, Report>> {
    let mut report = Report::default();
    let Some(site) = crate::site::load::load_site(options, &mut report)? else {
        return Ok(Err(report));
    };
    if report.has_errors() {
        return Ok(Err(report));
    }
    Ok(Ok(statuses(&site)))
}

/// Every non-default language's status, in the order of `languages:`.
pub fn statuses(site: &Site) -> Vec<LanguageStatus> {
    let codes = site.config.language_codes();
    codes
        .iter()
        .skip(1)
        .map(|&lang| {
            let pages: Vec<PageStatus> = site
                .pages
                .iter()
                .enumerate()
                .filter(|(_, p)| p.translation_of.is_none())
                .map(|(idx, source)| {
                    let version = site.in_language(idx, lang);
                    if version == idx {
                        return PageStatus {
                            source: source.file(),
                            translation: None,
                            status: "missing",
                            reasons: Vec::new(),
                        };
                    }
                    let reasons: Vec<String> = crate::checks::translations::drifts(site, version)
                        .into_iter()
                        .map(|d| match d {
                            Drift::ReviewedLater { source, derived } => format!(
                                "source reviewed {} after the translation ({})",
                                source.iso(),
                                derived.iso()
                            ),
                            Drift::TextChanged { .. } => "source text changed".to_owned(),
                        })
                        .collect();
                    PageStatus {
                        source: source.file(),
                        translation: Some(site.pages[version].file()),
                        status: if reasons.is_empty() {
                            "translated"
                        } else {
                            "outdated"
                        },
                        reasons,
                    }
                })
                .collect();
            let count = |s: &str| pages.iter().filter(|p| p.status == s).count();
            LanguageStatus {
                lang: lang.to_owned(),
                name: site.config.language_name(lang),
                translated: count("translated"),
                missing: count("missing"),
                outdated: count("outdated"),
                pages,
            }
        })
        .collect()
}

/// The status as text for a person: one block per language.
pub fn text(statuses: &[LanguageStatus]) -> String {
    if statuses.is_empty() {
        return "This site has one language: list others under `languages:` in site.yaml to translate it.\n".to_owned();
    }
    let mut out = String::new();
    for language in statuses {
        out.push_str(&format!(
            "{} ({}): {} translated, {} outdated, {} missing\n",
            language.lang, language.name, language.translated, language.outdated, language.missing
        ));
        for page in &language.pages {
            let shown = page.translation.as_deref().unwrap_or(&page.source);
            out.push_str(&format!("  {:<10}  {shown}", page.status));
            if !page.reasons.is_empty() {
                out.push_str(&format!("  ({})", page.reasons.join("; ")));
            }
            out.push('\n');
        }
    }
    out
}
