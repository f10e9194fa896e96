//! `serve`'s rebuilds that reuse the last good build: one edited page, or
//! the theme's templates. Each runs the same stages and checks as a full
//! build over what changed, and gives the same files.

use std::time::Instant;

use super::{Built, output_stages, page_output, render_booklets, render_context, render_pages};
use crate::diagnostics::{Diagnostic, Report};
use crate::options::BuildOptions;
use crate::output::sink::{Destination, Sink};
use crate::render::markdown::Rendered;
use crate::render::theme::Theme;
use crate::site::assemble::Assembled;
use crate::site::model::{PageIdx, Site};

/// What rebuilding one edited page gave.
pub enum PageRebuild {
    /// The edit changes the page's place in the site (its title, summary,
    /// weight, template, language or draft flag), or the page is new:
    /// only a full build gets navigation and listings right.
    NeedsFullBuild,
    /// The edit has errors; the last good build is kept as it was.
    Failed(Report),
    /// The page's file and the whole report, and the booklets that print
    /// the page (as places in `built.plans`). They are left for
    /// [`rebuild_booklets`], so that the page can be served first: a
    /// section's booklet reprints every page of the section, and took
    /// longer than the page itself.
    Built {
        changed: Vec<(String, Vec<u8>)>,
        report: Report,
        booklets: Vec<usize>,
    },
}

/// The same stages as [`super::build_site`], given one edited page of a
/// finished build: decode and parse it (`source`), render and check it,
/// recheck the links that can change, template and minify it with the
/// built-page checks. The booklets that hold it are redone by
/// [`rebuild_booklets`].
pub fn rebuild_page(built: &mut Built, rel: &str, bytes: Vec<u8>) -> PageRebuild {
    let (Some(site), Some(theme)) = (built.site.as_mut(), &built.theme) else {
        return PageRebuild::NeedsFullBuild;
    };
    let Some(idx) = site.page_by_rel(rel) else {
        return PageRebuild::NeedsFullBuild;
    };
    let page = match edited_page(rel, bytes, &site.config) {
        Ok(Some(page)) => page,
        Ok(None) => return PageRebuild::NeedsFullBuild,
        Err(problems) => return PageRebuild::Failed(problems.into_iter().collect()),
    };
    if !same_place(&site.pages[idx].front, &page.front) {
        return PageRebuild::NeedsFullBuild;
    }
    site.pages[idx] = page;

    let timer = Instant::now();
    let lap = |what: &str| {
        if std::env::var_os("SIGNPOST_TIMINGS").is_some() {
            eprintln!("{:>7.1} ms  {what}", timer.elapsed().as_secs_f64() * 1000.0);
        }
    };
    let context = render_context(site, Some(theme));
    let today = crate::site::dates::Date::today();
    // A day may have passed since the build (review dates are checked).
    if built.checks.as_ref().is_none_or(|c| c.today != today) {
        built.checks = Some(crate::checks::CheckContext::new(site, today));
    }
    let Some(checks) = built.checks.as_ref() else {
        return PageRebuild::NeedsFullBuild;
    };
    let (mut rendered, mut pages) = render_pages(site, &context, checks, &[idx], true);
    built.rendered[idx] = rendered.remove(0);
    built.pages[idx] = pages.remove(0);
    lap("render and page checks");
    let mut report = site_report(built, idx);
    lap("site checks and report");
    if report.has_errors() {
        return PageRebuild::Failed(report);
    }
    let (Some(site), Some(theme), Some(assembled)) = (&built.site, &built.theme, &built.assembled)
    else {
        return PageRebuild::NeedsFullBuild;
    };
    let Some(changed) = page_file(
        site,
        assembled,
        theme,
        idx,
        &built.rendered[idx],
        &mut report,
        &mut built.output_findings,
    ) else {
        return PageRebuild::Failed(report);
    };
    built.report = report.clone();
    let booklets = (0..built.plans.len())
        .filter(|&plan| built.plans[plan].contains(idx))
        .collect();
    PageRebuild::Built {
        changed,
        report,
        booklets,
    }
}

/// The whole report after page `idx` was rendered and checked again: its
/// links and the links to its headings checked again, every page's
/// findings with the suppressions read from the pages, and the later
/// stages' findings but this page's h1 check, which is made again.
fn site_report(built: &mut Built, idx: PageIdx) -> Report {
    let Some(site) = built.site.as_ref() else {
        return Report::default();
    };
    // Link findings change for this page, and for pages that link to its
    // headings; every other page's findings stay as they were.
    let affected =
        std::iter::once(idx).chain(crate::checks::links::pages_linking_to(&built.rendered, idx));
    for page in affected.collect::<Vec<_>>() {
        built.found.links[page] = crate::checks::links::check_page(site, &built.rendered, page);
    }
    let rules = built
        .suppress
        .get_or_insert_with(|| crate::checks::suppress::SuppressRules::of_site(site));
    rules.update(&site.pages[idx]);
    let mut report = crate::checks::apply_levels_with(
        crate::checks::collect(&built.early, &built.rendered, &built.pages, &built.found),
        site,
        rules,
    );
    let file = site.pages[idx].file();
    built
        .output_findings
        .retain(|d| !(d.rule == H1_RULE && d.file.as_deref() == Some(file.as_str())));
    report.extend(built.output_findings.iter().cloned());
    report
}

/// The booklets `which` (places in `built.plans`) made again after
/// one-page rebuilds, with the same checks as in a full build. `Err` holds
/// the report with their problems; the last good booklets stay served.
pub fn rebuild_booklets(built: &Built, which: &[usize]) -> Result<Vec<(String, Vec<u8>)>, Report> {
    let (Some(site), Some(theme), Some(assembled)) = (&built.site, &built.theme, &built.assembled)
    else {
        return Ok(Vec::new());
    };
    let plans: Vec<_> = which
        .iter()
        .filter_map(|&plan| built.plans.get(plan))
        .cloned()
        .collect();
    let context = render_context(site, Some(theme));
    let mut files = Sink::memory();
    // A sink in memory cannot fail to store.
    let problems =
        render_booklets(site, assembled, theme, &context, &plans, &mut files).unwrap_or_default();
    if !problems.is_empty() {
        let mut report = built.report.clone();
        report.extend(problems);
        return Err(report);
    }
    Ok(files.take_held().into_iter().collect())
}

/// The rule of the h1 check run on each finished page.
const H1_RULE: &str = "heading-h1";

/// What re-templating a finished build gave.
pub enum TemplateRebuild {
    /// The edit reaches past what only the templates read (the theme's
    /// words, a pictogram or template added or removed, a template that no
    /// longer loads), or the theme had problems: only a full build reports
    /// everything right.
    NeedsFullBuild,
    /// Templating failed: the last good build is kept as it was.
    Failed(Report),
    /// Every file, templated again, is in `built.files`.
    Built(Report),
}

/// The stages after the checks, run again over the last good build with
/// the theme read again from disk: for an edit to the theme's templates,
/// stylesheet or other static files.
///
/// The Markdown and its checks (half a full build) are reused because
/// nothing they read has changed: the pages, and of the theme only its
/// words and pictograms, which this checks are the same. A template that
/// fails to load, or any theme problem at all, goes to a full build, which
/// reports it as a build does.
pub fn rebuild_templates(
    built: &mut Built,
    options: &BuildOptions,
) -> anyhow::Result<TemplateRebuild> {
    let (Some(site), Some(old)) = (built.site.as_ref(), built.theme.as_ref()) else {
        return Ok(TemplateRebuild::NeedsFullBuild);
    };
    let (theme, problems) = super::load_theme(site, options);
    let theme = match theme {
        Some(theme) if problems.is_empty() && built.theme_was_clean && same_inputs(old, &theme) => {
            theme
        }
        _ => return Ok(TemplateRebuild::NeedsFullBuild),
    };
    let (Some(site), Some(mut assembled)) = (built.site.take(), built.assembled.take()) else {
        return Ok(TemplateRebuild::NeedsFullBuild);
    };
    built.timings.clear();
    built.stage_started = Instant::now();
    let generated = crate::render::generated::plans(&site, &theme);
    let context = render_context(&site, Some(&theme));
    let mut rendered = std::mem::take(&mut built.rendered);
    let output = output_stages(
        &site,
        &mut assembled,
        &theme,
        &context,
        &mut rendered,
        &generated,
        options,
        &Destination::Memory,
        built,
    );
    drop(context);
    built.rendered = rendered;
    let report = output.map(|found| {
        let mut report = crate::checks::apply_levels(
            crate::checks::collect(&built.early, &built.rendered, &built.pages, &built.found),
            &site,
        );
        report.merge(found);
        report
    });
    built.site = Some(site);
    built.assembled = Some(assembled);
    let report = report?;
    if report.has_errors() {
        return Ok(TemplateRebuild::Failed(report));
    }
    built.theme = Some(theme);
    built.report = report.clone();
    Ok(TemplateRebuild::Built(report))
}

/// True when `new` gives every page the same Markdown rendering and checks
/// as `old`: the same templates by name (which booklets and generated pages
/// exist), pictograms by name (what `picto:` may name) and words. The
/// stylesheet and the files under `static/` may differ: only the templates
/// and the output read them.
fn same_inputs(old: &Theme, new: &Theme) -> bool {
    old.sources.keys().eq(new.sources.keys())
        && old.pictograms() == new.pictograms()
        && old.word_files == new.word_files
        && old.shown_dir == new.shown_dir
}

/// The edited file read the way `source` reads every page: the same
/// decoding (UTF-8, a byte-order mark dropped) and the same front matter.
fn edited_page(
    rel: &str,
    bytes: Vec<u8>,
    config: &crate::source::config::SiteConfig,
) -> Result<Option<crate::site::model::Page>, Vec<Diagnostic>> {
    let file = crate::source::discover::SourceFile::local(
        rel.to_owned(),
        std::path::PathBuf::new(),
        crate::source::discover::FileKind::Markdown,
    );
    crate::diagnostics::decode_text(&format!("content/{rel}"), bytes)
        .map_err(|d| vec![d])
        .and_then(|text| crate::site::load::page_in_site(&file, text, true, config))
}

/// The rebuilt page, with the built-page check `render_output` runs on it
/// (its finding also kept in `output_findings`). `None` when an error
/// stops it; the problems are in `report`.
fn page_file(
    site: &Site,
    assembled: &Assembled,
    theme: &Theme,
    idx: PageIdx,
    rendered: &Rendered,
    report: &mut Report,
    output_findings: &mut Vec<Diagnostic>,
) -> Option<Vec<(String, Vec<u8>)>> {
    let output = page_output(site, assembled, theme, idx, rendered);
    if let Some(problem) = output
        .as_ref()
        .ok()
        .and_then(|html| crate::checks::structure::check_output(&site.pages[idx], html))
    {
        let found = crate::checks::apply_levels(std::iter::once(problem).collect(), site);
        output_findings.extend(found.clone().into_vec());
        report.merge(found);
    }
    match output {
        Ok(bytes) if !report.has_errors() => {
            Some(vec![(format!("{}index.html", site.pages[idx].dir), bytes)])
        }
        Ok(_) => None,
        Err(diagnostic) => {
            report.push(diagnostic);
            None
        }
    }
}

/// True when an edit leaves the page where it was: same title and summary
/// (shown in listings and navigation), weight (order), template, language
/// and draft flag, old addresses (each has a redirect page naming the title),
/// and review date ("What has changed" lists pages by it).
fn same_place(
    old: &crate::source::front_matter::FrontMatter,
    new: &crate::source::front_matter::FrontMatter,
) -> bool {
    old.title == new.title
        && old.summary == new.summary
        && old.weight == new.weight
        && old.template == new.template
        && old.lang == new.lang
        && old.translation == new.translation
        && old.draft == new.draft
        && old.aliases == new.aliases
        && old.reviewed == new.reviewed
}
