//! One page's bytes through every stage, in memory: the entry point for
//! the fuzz target (`fuzz/`), which must not touch the disk per run.
//!
//! The page is placed at `content/care/page.md` in a site with a home page
//! and a section page, the built-in theme, and a small glossary, then
//! loaded, rendered, checked, templated, minified and passed through the
//! active-content gate exactly as `build` does.

use std::path::Path;

pub use crate::source::config::RawHtml;

use crate::diagnostics::Diagnostic;
use crate::site::model::Site;
use crate::source::discover::{FileKind, SourceFile};

const HOME: &str = "---\ntitle: Home\n---\nSee [the page](care/page.md).\n";
const SECTION: &str = "---\ntitle: Care\n---\nCare.\n";
const GLOSSARY: &str = "- term: care plan\n  aliases: [care plans]\n  meaning: A written plan.\n- term: éé\n  meaning: A word.\n";

/// What happened to one page: every finding, and the page as published
/// (`None` when it was refused).
pub struct PageResult {
    pub diagnostics: Vec<Diagnostic>,
    pub html: Option<Vec<u8>>,
}

/// Builds `bytes` as one page of a small site, entirely in memory.
pub fn build_page(bytes: &[u8], raw_html: crate::source::config::RawHtml) -> PageResult {
    let mut diagnostics = Vec::new();
    let mut config = match crate::source::config::SiteConfig::parse("title: Fuzz\n") {
        Ok(config) => config,
        Err(d) => {
            return PageResult {
                diagnostics: vec![d],
                html: None,
            };
        }
    };
    config.markdown.raw_html = raw_html;
    let (pages, problems) = load_pages(bytes);
    diagnostics.extend(problems);
    let mut report = crate::diagnostics::Report::default();
    let sections = crate::site::load::build_sections(&pages, &Default::default(), &mut report);
    diagnostics.extend(report.into_vec());
    let glossary = serde_yaml::from_str(GLOSSARY).unwrap_or_default();
    let site = Site {
        config,
        twins: Site::pair_twins(&pages),
        pages,
        sections,
        assets: Vec::new(),
        data: crate::source::data::SiteData {
            glossary,
            ..Default::default()
        },
        unreadable: Default::default(),
        config_text: "title: Fuzz\n".to_owned(),
        edition: Default::default(),
        images: Default::default(),
    };
    let Some(idx) = site.page_by_rel("care/page.md").filter(|_| site.has_home()) else {
        return PageResult {
            diagnostics,
            html: None,
        };
    };
    let (assembled, problems) = crate::site::assemble::assemble(&site, "title: Fuzz\n");
    diagnostics.extend(problems);
    let Some(theme) = builtin_theme() else {
        return PageResult {
            diagnostics,
            html: None,
        };
    };
    let context = crate::pipeline::render_context(&site, Some(theme));
    let checks = check_context(&site);
    let (rendered, found) = crate::pipeline::render_and_check(&site, idx, &context, checks);
    let findings: Vec<Diagnostic> = rendered
        .diagnostics
        .iter()
        .chain(&found.findings)
        .cloned()
        .collect();
    let has_errors = findings
        .iter()
        .any(|d| d.severity == crate::diagnostics::Severity::Error);
    diagnostics.extend(findings);
    if has_errors {
        return PageResult {
            diagnostics,
            html: None,
        };
    }
    match crate::pipeline::page_output(&site, &assembled, theme, idx, &rendered) {
        Ok(html) => PageResult {
            diagnostics,
            html: Some(html),
        },
        Err(d) => {
            diagnostics.push(d);
            PageResult {
                diagnostics,
                html: None,
            }
        }
    }
}

/// The built-in theme, loaded once: parsing its templates and minifying
/// its CSS would otherwise be most of every run.
fn builtin_theme() -> Option<&'static crate::render::theme::Theme> {
    static THEME: std::sync::OnceLock<Option<crate::render::theme::Theme>> =
        std::sync::OnceLock::new();
    THEME
        .get_or_init(|| {
            crate::render::theme::load(
                Path::new("/nonexistent-site"),
                "default",
                "",
                crate::source::config::RawHtml::Deny,
            )
            .ok()
        })
        .as_ref()
}

/// The word lists and glossary terms, built once: they depend only on the
/// fixed settings and glossary, never on the page.
fn check_context(site: &Site) -> &'static crate::checks::CheckContext {
    static CHECKS: std::sync::OnceLock<crate::checks::CheckContext> = std::sync::OnceLock::new();
    CHECKS.get_or_init(|| crate::checks::CheckContext::new(site, crate::site::dates::Date::today()))
}

/// The home page, the section page and the fuzzed page, each decoded and
/// parsed as `source` does; the ones that fail are reported instead.
fn load_pages(bytes: &[u8]) -> (Vec<crate::site::model::Page>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut pages = Vec::new();
    for (rel, text) in [
        ("_index.md", HOME.as_bytes()),
        ("care/_index.md", SECTION.as_bytes()),
        ("care/page.md", bytes),
    ] {
        let shown = format!("content/{rel}");
        let text = match crate::diagnostics::decode_text(&shown, text.to_vec()) {
            Ok(text) => text,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        match page_from_text(rel, text) {
            Ok(page) => pages.extend(page),
            Err(problems) => diagnostics.extend(problems),
        }
    }
    (pages, diagnostics)
}

/// Drafts are included, so a page that parses is always `Some`.
fn page_from_text(
    rel: &str,
    text: String,
) -> Result<Option<crate::site::model::Page>, Vec<Diagnostic>> {
    let file = SourceFile::local(
        rel.to_owned(),
        Path::new("/nonexistent-site/content").join(rel),
        FileKind::Markdown,
    );
    crate::site::load::page_from_text(&file, text, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::config::RawHtml;

    #[test]
    fn a_good_page_is_published() {
        let result = build_page(b"---\ntitle: A page\n---\nHello.\n", RawHtml::Deny);
        let html = String::from_utf8(result.html.expect("published")).expect("utf-8");
        assert!(html.contains("Hello."), "{html}");
    }

    #[test]
    fn a_deep_page_is_refused_not_crashed() {
        let page = format!("---\ntitle: Deep\n---\n{}x\n", ">".repeat(50_000));
        let result = build_page(page.as_bytes(), RawHtml::Allow);
        assert!(result.html.is_none());
        assert!(
            result
                .diagnostics
                .iter()
                .any(|d| d.rule == "too-deeply-nested")
        );
    }
}
