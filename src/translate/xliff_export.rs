//! `signpost translate export --lang LANG FILE`: the site's pages in its
//! default language as one XLIFF 1.2 file for a translator, optionally only
//! those with no translation yet (`--missing-only`) or whose translation is
//! behind its source (`--outdated-only`).

use std::path::Path;

use crate::cli::TranslateExportArgs;
use crate::diagnostics::{Diagnostic, Report, plural};
use crate::site::provenance::{body_hash, drift};

use super::site_files::{self, SourcePage};
use super::units::{CodeKind, Inline, Unit, UnitKind, extract};
use super::xliff::{PageToTranslate, write};

/// Runs the command; the exit code follows `main`'s (1: problems in the content).
pub fn run(args: &TranslateExportArgs) -> anyhow::Result<u8> {
    let root = args.site.root.clone().unwrap_or_else(|| ".".into());
    let languages = match site_files::languages(&root)? {
        Ok(languages) => languages,
        Err(d) => return Ok(fail(d)),
    };
    if let Err(d) = check_target(&args.lang, &languages) {
        return Ok(fail(d));
    }
    if inside_content(&root, &args.file) {
        let d = Diagnostic::error(
            "xliff-in-content",
            format!(
                "{} is inside content/, so it would be published with the site",
                args.file.display()
            ),
        )
        .help("write the XLIFF file somewhere else, for example beside site.yaml");
        return Ok(fail(d));
    }
    let (pages, problems) = site_files::source_pages(&root, &languages, args.site.drafts)?;
    if problems
        .iter()
        .any(|d| d.severity == crate::diagnostics::Severity::Error)
    {
        print_report(problems.into_iter().collect());
        eprintln!("Nothing was exported: fix the problems above first.");
        return Ok(1);
    }
    let mut chosen = Vec::new();
    for page in &pages {
        if wanted(args, &root, page)? {
            chosen.push(to_translate(page, &languages[0], &args.lang));
        }
    }
    if chosen.is_empty() {
        println!(
            "No pages need translating into {}{}: nothing was written.",
            args.lang,
            which(args)
        );
        return Ok(0);
    }
    crate::fsutil::write(&args.file, write(&chosen).as_bytes())?;
    let units: usize = chosen.iter().map(|p| p.units.len()).sum();
    let words: usize = chosen.iter().flat_map(|p| &p.units).map(word_count).sum();
    println!(
        "Wrote {} for translation into {}{}: {}, {}, {}.",
        args.file.display(),
        args.lang,
        which(args),
        plural(chosen.len(), "page"),
        plural(units, "unit"),
        plural(words, "word")
    );
    Ok(0)
}

/// Everything under `content/` is copied to the output, an XLIFF file too.
fn inside_content(root: &Path, file: &Path) -> bool {
    let (Ok(content), Ok(file)) = (
        std::path::absolute(root.join("content")),
        std::path::absolute(file),
    ) else {
        return false;
    };
    let clean = |p: &Path| {
        let mut out = std::path::PathBuf::new();
        for part in p.components() {
            match part {
                std::path::Component::ParentDir => {
                    out.pop();
                }
                std::path::Component::CurDir => {}
                other => out.push(other),
            }
        }
        out
    };
    clean(&file).starts_with(clean(&content))
}

fn which(args: &TranslateExportArgs) -> &'static str {
    if args.missing_only {
        " (pages with no translation)"
    } else if args.outdated_only {
        " (translations behind their source)"
    } else {
        ""
    }
}

/// `LANG` must be one of the site's languages other than the first.
pub fn check_target(lang: &str, languages: &[String]) -> Result<(), Diagnostic> {
    if languages.first().is_some_and(|l| l == lang) {
        return Err(Diagnostic::error(
            "bad-language",
            format!("`{lang}` is the site's own language, so there is nothing to translate"),
        )
        .in_file("site.yaml")
        .help(format!("choose one of: {}", languages[1..].join(", "))));
    }
    if !languages.iter().any(|l| l == lang) {
        return Err(Diagnostic::error(
            "bad-language",
            format!("`{lang}` is not in the site's `languages:` list"),
        )
        .in_file("site.yaml")
        .help(format!(
            "add it to `languages:` in site.yaml, or choose one of: {}",
            languages[1..].join(", ")
        )));
    }
    Ok(())
}

/// Whether `--missing-only` / `--outdated-only` keep this page.
fn wanted(args: &TranslateExportArgs, root: &Path, page: &SourcePage) -> anyhow::Result<bool> {
    if !args.missing_only && !args.outdated_only {
        return Ok(true);
    }
    let existing = site_files::read_existing(&page.translation_path(root, &args.lang))?;
    Ok(match existing {
        None => args.missing_only,
        Some(existing) => {
            args.outdated_only
                && !drift(
                    existing.stamp.as_ref(),
                    existing.reviewed,
                    page.front.reviewed,
                    page.body(),
                )
                .is_empty()
        }
    })
}

/// The units of a page: title, summary, then the body's.
pub fn page_units(page: &SourcePage) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut front = |kind: UnitKind, id: &str, text: &Option<String>| {
        if let Some(text) = text.as_deref().filter(|t| !t.trim().is_empty()) {
            let mut unit = Unit::plain(kind, text.trim(), 0..0);
            unit.id = id.to_owned();
            units.push(unit);
        }
    };
    front(UnitKind::Title, "title", &page.front.title);
    front(UnitKind::Summary, "summary", &page.front.summary);
    // Pictures name their alt text unit by its place in the list.
    let before = units.len();
    for mut unit in extract(page.body(), page.is_easy()) {
        for code in &mut unit.codes {
            if let CodeKind::Image(Some(alt)) = &mut code.kind {
                *alt += before;
            }
        }
        units.push(unit);
    }
    units
}

fn to_translate(page: &SourcePage, source_lang: &str, target_lang: &str) -> PageToTranslate {
    PageToTranslate {
        original: page.file.clone(),
        source_lang: source_lang.to_owned(),
        target_lang: target_lang.to_owned(),
        source_hash: body_hash(page.body()),
        source_reviewed: page.front.reviewed.map(|d| d.iso()),
        units: page_units(page),
    }
}

fn word_count(unit: &Unit) -> usize {
    fn count(content: &[Inline]) -> usize {
        content
            .iter()
            .map(|p| match p {
                Inline::Text(t) => t.split_whitespace().count(),
                Inline::Paired(_, inner) => count(inner),
                Inline::Standalone(_) => 0,
            })
            .sum()
    }
    count(&unit.content)
}

fn fail(d: Diagnostic) -> u8 {
    print_report(std::iter::once(d).collect());
    1
}

pub fn print_report(report: Report) {
    use std::io::Write as _;
    let _ = std::io::stderr().write_all(report.render_text().as_bytes());
}
