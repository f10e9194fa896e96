//! The pipeline from a site folder to its output files.
//!
//! `build_site_to` runs every stage: load, render Markdown in parallel,
//! check links, apply templates, minify. `build`, `check` and `serve` share
//! it. Nothing is templated while there are errors; from then on each
//! finished file goes to a [`Sink`]: held in memory for `serve`, dropped
//! for `check`, and for `build` written at once into a staging folder that
//! replaces the output only when the whole build succeeds.

use std::time::{Duration, Instant};

use anyhow::Context as _;
use rayon::prelude::*;

use crate::checks::{PageFindings, SiteFindings};
use crate::diagnostics::{Diagnostic, Report};
use crate::options::BuildOptions;
use crate::output::OutputMap;
pub use crate::output::sink::Destination;
use crate::output::sink::Sink;
use crate::render::markdown::{self, RenderContext, Rendered};
use crate::render::theme::{self, Theme};
use crate::site::assemble::{Assembled, LOGO_DIR, assemble};
use crate::site::dates::Date;
use crate::site::model::{PageIdx, Site};

mod rebuild;
pub use rebuild::{
    PageRebuild, TemplateRebuild, rebuild_booklets, rebuild_page, rebuild_templates,
};

/// What one in-memory build produced.
pub struct Built {
    pub site: Option<Site>,
    pub rendered: Vec<Rendered>,
    /// Problems found before rendering (config, data, files, theme), kept
    /// apart so `serve` can rebuild one page and reassemble the report.
    pub early: Vec<Diagnostic>,
    /// What the page checks found, page by page (beside `rendered`).
    pub pages: Vec<PageFindings>,
    /// The findings of the stages after the checks (a page's h1s, booklets
    /// too long to make), kept so that `serve` can report them again.
    output_findings: Vec<Diagnostic>,
    /// Every page's `signpost-ignore` comments and `check.rules`, read on
    /// `serve`'s first one-page rebuild and kept up to date by it.
    suppress: Option<crate::checks::suppress::SuppressRules>,
    /// What the page checks read (word lists made into automata), kept so
    /// that `serve` does not make it again for each edited page.
    checks: Option<crate::checks::CheckContext>,
    /// What the checks across pages found (links, contacts), kept for the
    /// same reason as `early`.
    pub found: SiteFindings,
    pub theme: Option<Theme>,
    /// Whether the theme loaded without a problem: only then can a
    /// template edit be rebuilt without the Markdown (see
    /// [`rebuild_templates`]).
    theme_was_clean: bool,
    pub assembled: Option<Assembled>,
    pub plans: Vec<crate::render::booklet::Plan>,
    /// The files held in memory (only for [`Destination::Memory`]).
    pub files: OutputMap,
    /// Where the files went; `build` commits it, or drops it to leave the
    /// old output as it was.
    pub sink: Option<Sink>,
    pub report: Report,
    pub elapsed: Duration,
    /// Time spent in each stage, and the peak memory so far (KiB, where
    /// the system says), for `SIGNPOST_TIMINGS=1` and the benchmark.
    pub timings: Vec<(&'static str, Duration, Option<u64>)>,
    started: Instant,
    stage_started: Instant,
}

impl Built {
    fn new() -> Built {
        Built {
            site: None,
            rendered: Vec::new(),
            early: Vec::new(),
            pages: Vec::new(),
            checks: None,
            output_findings: Vec::new(),
            suppress: None,
            found: SiteFindings::default(),
            theme: None,
            theme_was_clean: false,
            assembled: None,
            plans: Vec::new(),
            files: OutputMap::new(),
            sink: None,
            report: Report::default(),
            elapsed: Duration::ZERO,
            timings: Vec::new(),
            started: Instant::now(),
            stage_started: Instant::now(),
        }
    }

    /// Records how long the stage that just ended took.
    fn lap(&mut self, stage: &'static str) {
        self.timings
            .push((stage, self.stage_started.elapsed(), peak_memory_kib()));
        self.stage_started = Instant::now();
    }

    /// A build that stopped early: `report` says why.
    fn stopped(mut self, site: Option<Site>, report: Report) -> Built {
        self.site = site;
        self.report = report;
        self.elapsed = self.started.elapsed();
        self
    }

    pub fn page_count(&self) -> usize {
        self.site.as_ref().map_or(0, |s| s.pages.len())
    }

    pub fn section_count(&self) -> usize {
        self.site
            .as_ref()
            .map_or(0, |s| s.sections.len().saturating_sub(1))
    }
}

/// The process's peak resident memory so far, in KiB (Linux only).
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Builds the site, holding every file in memory, and reports every
/// problem found.
pub fn build_site(options: &BuildOptions) -> anyhow::Result<Built> {
    build_site_to(options, &Destination::Memory)
}

/// Builds the site into `destination` and reports every problem found.
/// Reads as the list of stages; `build`, `check` and `serve` all come
/// through here.
pub fn build_site_to(options: &BuildOptions, destination: &Destination) -> anyhow::Result<Built> {
    let mut built = Built::new();
    let mut report = Report::default();

    let Some(mut site) = crate::site::load::load_site(options, &mut report)? else {
        return Ok(built.stopped(None, report));
    };
    built.lap("discover and load (files, YAML)");
    let (images, problems) =
        crate::images::prepare(&site.assets, &site.config.images, &options.out);
    site.images = std::sync::Arc::new(images);
    report.extend(problems);
    built.lap("images (sizes, resizing)");
    if !site.has_home() {
        // The home page's own problem is already reported, with its line;
        // there is no site to assemble without it.
        let report = crate::checks::apply_levels(report, &site);
        return Ok(built.stopped(Some(site), report));
    }

    let (mut assembled, problems) = assemble(&site, &site.config_text);
    report.extend(problems);
    let (theme, problems) = load_theme(&site, options);
    built.theme_was_clean = problems.is_empty();
    report.extend(problems);
    let generated = generated_plans(&site, theme.as_ref(), &mut assembled, &mut report);
    let context = render_context(&site, theme.as_ref());
    built.lap("assemble and theme");

    let all: Vec<PageIdx> = (0..site.pages.len()).collect();
    let checks = crate::checks::CheckContext::new(&site, Date::today());
    let (mut rendered, pages) = render_pages(&site, &context, &checks, &all, options.quiet);
    built.checks = Some(checks);
    built.lap("Markdown and page checks");

    built.early = report.into_vec();
    built.found = crate::checks::site_checks(&site, &rendered, Date::today());
    let mut report = crate::checks::apply_levels(
        crate::checks::collect(&built.early, &rendered, &pages, &built.found),
        &site,
    );
    built.lap("site checks (links, contacts)");

    if let (false, Some(theme)) = (report.has_errors(), &theme) {
        report.merge(output_stages(
            &site,
            &mut assembled,
            theme,
            &context,
            &mut rendered,
            &generated,
            options,
            destination,
            &mut built,
        )?);
    }
    drop(context);
    built.site = Some(site);
    built.rendered = rendered;
    built.pages = pages;
    built.theme = theme;
    built.assembled = Some(assembled);
    built.report = report;
    built.elapsed = built.started.elapsed();
    Ok(built)
}

/// The pages Signpost writes itself (A–Z, changes, accessibility), with
/// their problems, and where the header links to them.
fn generated_plans(
    site: &Site,
    theme: Option<&Theme>,
    assembled: &mut Assembled,
    report: &mut Report,
) -> Vec<crate::render::generated::Plan> {
    let generated = theme.map_or_else(Vec::new, |t| crate::render::generated::plans(site, t));
    report.extend(crate::render::generated::problems(site, &generated));
    assembled.special_pages = crate::render::generated::link_targets(site, &generated);
    generated
}

/// Tells the templates which booklets exist, and which languages have
/// worksheets, so pages link only to what is made.
fn link_booklets(
    site: &Site,
    plans: &[crate::render::booklet::Plan],
    rendered: &[Rendered],
    assembled: &mut Assembled,
) {
    assembled.booklets = plans.iter().map(|p| p.dir.clone()).collect();
    assembled.worksheet_roots = (0..site.pages.len())
        .filter(|&idx| rendered[idx].worksheets > 0)
        .map(|idx| site.language_root(idx))
        .collect();
}

/// The theme (needed before rendering: `picto:` images name its
/// pictograms), with its words in the site's languages, and its problems.
fn load_theme(site: &Site, options: &BuildOptions) -> (Option<Theme>, Vec<Diagnostic>) {
    match theme::load(
        site.edition.theme_root.as_deref().unwrap_or(&options.root),
        &site.config.theme,
        &site.config_text,
        site.config.markdown.raw_html,
    ) {
        Ok(mut theme) => {
            let problems = theme::load_words(&mut theme, &site.config.language_codes());
            (Some(theme), problems)
        }
        Err(problems) => (None, problems),
    }
}

/// The stages after the checks, into a new sink for `destination`: which
/// booklets are made, every page and file through its template, then the
/// booklets. Their findings are returned at their levels, and also kept in
/// `built` with the plans, the sink and (in memory) the files.
#[allow(clippy::too_many_arguments)]
fn output_stages(
    site: &Site,
    assembled: &mut Assembled,
    theme: &Theme,
    context: &RenderContext,
    rendered: &mut [Rendered],
    generated: &[crate::render::generated::Plan],
    options: &BuildOptions,
    destination: &Destination,
    built: &mut Built,
) -> anyhow::Result<Report> {
    let (plans, too_long) = booklet_plans(site, theme, rendered);
    built.plans = plans;
    link_booklets(site, &built.plans, rendered, assembled);
    let mut sink = Sink::new(destination, site.config.output.precompress)?;
    let mut problems = render_output(
        site, assembled, theme, rendered, generated, options, &mut sink,
    )?;
    problems.extend(too_long);
    built.lap("templates and minify");
    problems.extend(render_booklets(
        site,
        assembled,
        theme,
        context,
        &built.plans,
        &mut sink,
    )?);
    built.lap("booklets");
    built.files = sink.take_held();
    built.sink = Some(sink);
    let found = crate::checks::apply_levels(problems.into_iter().collect(), site);
    built.output_findings = found.clone().into_vec();
    Ok(found)
}

/// Renders and checks the pages `which`, in parallel, in order.
pub fn render_pages(
    site: &Site,
    context: &RenderContext,
    checks: &crate::checks::CheckContext,
    which: &[PageIdx],
    quiet: bool,
) -> (Vec<Rendered>, Vec<PageFindings>) {
    let progress = crate::progress::bar(which.len(), quiet, "Rendering");
    let rendered: Vec<(Rendered, PageFindings)> = which
        .par_iter()
        .map(|&idx| {
            let out = render_and_check(site, idx, context, checks);
            progress.inc(1);
            out
        })
        .collect();
    progress.finish_and_clear();
    rendered.into_iter().unzip()
}

/// The booklets the theme can print (none if it has no booklet template),
/// and a warning for each one too long to make.
fn booklet_plans(
    site: &Site,
    theme: &Theme,
    rendered: &[Rendered],
) -> (Vec<crate::render::booklet::Plan>, Vec<Diagnostic>) {
    if theme.has_template(crate::render::booklet::TEMPLATE) {
        crate::render::booklet::plans(site, &|lang| theme.words.words(lang), |idx| {
            rendered[idx].worksheets > 0
        })
    } else {
        (Vec::new(), Vec::new())
    }
}

/// The rendering context for a site and its theme's pictograms.
pub fn render_context<'a>(site: &'a Site, theme: Option<&Theme>) -> RenderContext<'a> {
    let mut context = RenderContext::new(site);
    context.pictograms = theme.map(Theme::pictograms);
    if let Some(theme) = theme {
        context.words = theme.words.clone();
    }
    context
}

/// Renders one page's Markdown and runs the checks that look at that page
/// alone. The render and the findings stay apart.
pub fn render_and_check(
    site: &Site,
    idx: usize,
    context: &RenderContext,
    checks: &crate::checks::CheckContext,
) -> (Rendered, PageFindings) {
    let mut rendered = markdown::render(&site.pages[idx], idx, context);
    let found = crate::checks::page_checks(site, idx, &rendered, checks);
    // Only the page checks read the text; on a big site it is a quarter of
    // what the renders hold.
    rendered.prose = Vec::new();
    (rendered, found)
}

/// Templates and minifies every output file but the booklets, into `files`.
fn render_output(
    site: &Site,
    assembled: &Assembled,
    theme: &Theme,
    rendered: &mut [Rendered],
    generated: &[crate::render::generated::Plan],
    options: &BuildOptions,
    files: &mut Sink,
) -> anyhow::Result<Vec<Diagnostic>> {
    // The A–Z page of a big site is megabytes, minified on one thread:
    // made beside the pages, it no longer waits for them all to finish.
    let (mut problems, made) = template_pages(site, assembled, theme, rendered, files, || {
        generated_pages(site, assembled, theme, generated)
    })?;
    for (path, result) in made {
        match result {
            Ok(bytes) => files.insert(path, bytes)?,
            Err(diagnostic) => problems.push(diagnostic),
        }
    }
    // One 404 page per language with a home page: `404.html`, `cy/404.html`.
    for lang in site.config.language_codes() {
        let root =
            crate::site::urls::language_root(&format!("{lang}/"), &site.config.language_codes());
        if !site.sections.contains_key(&root) {
            continue;
        }
        let path = format!("{root}404.html");
        match crate::render::templates::render_not_found(site, assembled, theme, lang)
            .map(|html| theme.minifier.page(&html))
            .and_then(|bytes| refuse_active_content(site, &path, bytes))
        {
            Ok(bytes) => files.insert(path, bytes)?,
            Err(diagnostic) => problems.push(diagnostic),
        }
    }
    files.insert("robots.txt".to_owned(), robots(site).into_bytes())?;
    if let Some(sitemap) = sitemap(site, generated) {
        files.insert("sitemap.xml".to_owned(), sitemap.into_bytes())?;
    }
    if let Some(feed) = crate::render::feed::atom(site) {
        files.insert("feed.xml".to_owned(), feed.into_bytes())?;
    }
    for (rel, bytes) in &theme.static_files {
        files.insert(format!("static/{rel}"), bytes.clone())?;
    }
    for asset in &site.assets {
        if site
            .images
            .get(&asset.rel)
            .is_none_or(|i| i.resized.is_none())
        {
            files.insert(asset.rel.clone(), read_asset(asset)?)?;
        }
    }
    // Resized pictures at their source's path, their WebP twins, and the
    // record that lets the next build reuse them.
    for (rel, bytes) in site.images.output_files() {
        files.insert(rel, bytes)?;
    }
    problems.extend(redirect_pages(site, theme, files)?);
    problems.extend(copy_logo(site, assembled, options, files)?);
    Ok(problems)
}

/// The A–Z, "What has changed" and accessibility pages of each language,
/// templated and minified like every page, in parallel, each with its path.
fn generated_pages(
    site: &Site,
    assembled: &Assembled,
    theme: &Theme,
    plans: &[crate::render::generated::Plan],
) -> Vec<(String, Result<Vec<u8>, Diagnostic>)> {
    plans
        .par_iter()
        .map(|plan| {
            let path = format!("{}index.html", plan.dir);
            let html = crate::render::generated::render(site, assembled, theme, plan, plans)
                .map(|html| theme.minifier.page(&html))
                .and_then(|bytes| refuse_active_content(site, &path, bytes));
            (path, html)
        })
        .collect()
}

/// The pages at old addresses (front matter `aliases`). They go in last,
/// so an alias that lands on a file Signpost writes itself (`404.html`,
/// `sitemap.xml`, a theme file) is refused instead of replacing it.
fn redirect_pages(site: &Site, theme: &Theme, files: &mut Sink) -> anyhow::Result<Vec<Diagnostic>> {
    let aliases = crate::site::aliases::resolve(&site.pages);
    let mut problems = Vec::new();
    for (path, bytes) in crate::render::redirects::files(site, &aliases, &theme.words) {
        if !files.contains(&path) {
            files.insert(path, bytes)?;
            continue;
        }
        let diagnostic = match aliases.iter().find(|a| a.output == path) {
            Some(alias) => Diagnostic::error(
                "duplicate-url",
                format!("the alias `{}` would be written to {path}, where Signpost writes a file of its own", alias.written),
            )
            .in_file(site.pages[alias.page].file())
            .help("change or remove this alias"),
            None => Diagnostic::error(
                "duplicate-url",
                format!("`output: {{redirects: netlify}}` would write {path}, but the site already has a file there"),
            )
            .in_file("site.yaml")
            .at_source(&site.config_text, crate::source::config::line_of_key(&site.config_text, "redirects"), 1)
            .help("remove content/_redirects, or the `redirects` setting"),
        };
        problems.push(diagnostic);
    }
    Ok(problems)
}

/// Every page through its template, in parallel, with the pages that fail
/// as diagnostics. Each finished page goes to `files` at once, and unless
/// `files` holds pages in memory (for `serve`, whose one-page rebuilds
/// read other pages' HTML), so does its rendered body. The
/// template decides how many h1s a reader gets, so the h1 check runs here,
/// on what ships; its findings come first.
///
/// `beside` runs on one thread while the last quarter of the pages are
/// made: by then most pages' HTML is written and dropped, so what it holds
/// comes on top of less (the A–Z page of 10,000 pages held 45 MiB).
fn template_pages<R: Send>(
    site: &Site,
    assembled: &Assembled,
    theme: &Theme,
    rendered: &mut [Rendered],
    files: &mut Sink,
    beside: impl FnOnce() -> R + Send,
) -> anyhow::Result<(Vec<Diagnostic>, R)> {
    type Templated = (
        Option<Diagnostic>,
        Result<crate::output::sink::Passed, Diagnostic>,
    );
    let sink = &*files;
    let template = |idx: usize, render: &mut Rendered| -> anyhow::Result<Templated> {
        let page = &site.pages[idx];
        let html = page_output(site, assembled, theme, idx, render);
        if !sink.holds_files() {
            render.html = String::new();
        }
        let finding = html
            .as_ref()
            .ok()
            .and_then(|h| crate::checks::structure::check_output(page, h));
        let stored = match html {
            Ok(bytes) => Ok(sink.pass(&format!("{}index.html", page.dir), bytes)?),
            Err(diagnostic) => Err(diagnostic),
        };
        Ok((finding, stored))
    };
    let split = rendered.len() - rendered.len() / 4;
    let (first, last) = rendered.split_at_mut(split);
    let mut results: Vec<anyhow::Result<Templated>> = first
        .par_iter_mut()
        .enumerate()
        .map(|(idx, render)| template(idx, render))
        .collect();
    let (rest, made) = rayon::join(
        || {
            last.par_iter_mut()
                .enumerate()
                .map(|(n, render)| template(split + n, render))
                .collect::<Vec<_>>()
        },
        beside,
    );
    results.extend(rest);
    let mut problems = Vec::new();
    let mut failed = Vec::new();
    for result in results {
        let (finding, stored) = result?;
        problems.extend(finding);
        match stored {
            Ok(passed) => files.record(passed),
            Err(diagnostic) => failed.push(diagnostic),
        }
    }
    problems.extend(failed);
    Ok((problems, made))
}

/// Copies the brand logo to where the assembled site links it, if there is
/// one. A logo that cannot be read is the author's problem: a diagnostic at
/// the `logo:` line of `site.yaml`.
fn copy_logo(
    site: &Site,
    assembled: &Assembled,
    options: &BuildOptions,
    files: &mut Sink,
) -> anyhow::Result<Option<Diagnostic>> {
    let (Some(logo), Some(source)) = (
        assembled.logo.as_ref(),
        site.config.brand.as_ref().and_then(|b| b.logo.as_ref()),
    ) else {
        return Ok(None);
    };
    // `load` reported a logo outside the site; never read one.
    let Ok(path) = crate::fsutil::inside(&options.root, source) else {
        return Ok(None);
    };
    match std::fs::read(&path) {
        Ok(bytes) => {
            files.insert(logo.clone(), bytes)?;
            Ok(None)
        }
        Err(_) => {
            let config_text = &site.config_text;
            let line = crate::source::config::line_of_key(config_text, "logo");
            Ok(Some(
                Diagnostic::error("missing-file", format!("the brand logo `{source}` does not exist"))
                    .in_file(crate::source::config::FILE_NAME)
                    .at_source(config_text, line, 1)
                    .help(format!(
                        "put the logo file at {source} inside the site folder ({LOGO_DIR}/ is where it is published)"
                    )),
            ))
        }
    }
}

/// One page through its template and the minifier.
pub fn page_output(
    site: &Site,
    assembled: &Assembled,
    theme: &Theme,
    idx: usize,
    rendered: &Rendered,
) -> Result<Vec<u8>, Diagnostic> {
    crate::render::templates::render_page(site, assembled, theme, idx, rendered)
        .map(|h| theme.minifier.page(&h))
        .and_then(|bytes| refuse_active_content(site, &site.pages[idx].file(), bytes))
}

/// The last gate: a finished page that holds a script, an event handler or
/// a script URL is not published while `raw_html` is `deny` or `sanitize`.
/// Authors' Markdown cannot produce one, so it came from the theme.
pub fn refuse_active_content(
    site: &Site,
    file: &str,
    bytes: Vec<u8>,
) -> Result<Vec<u8>, Diagnostic> {
    if site.config.markdown.raw_html == crate::source::config::RawHtml::Allow {
        return Ok(bytes);
    }
    // Minified pages are UTF-8; checking that is much faster than the
    // lossy conversion, which stays for anything else.
    let html = match std::str::from_utf8(&bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(&bytes),
    };
    let Some(first) = crate::gates::active_content::in_html(&html)
        .into_iter()
        .next()
    else {
        return Ok(bytes);
    };
    Err(Diagnostic::error(
        "unsafe-output",
        format!(
            "the built page for this file contains {}, put there by the theme's templates",
            first.what
        ),
    )
    .in_file(file)
    .help(format!(
        "remove it from the templates in themes/{}/templates: while markdown.raw_html is deny or sanitize, no page may run scripts",
        site.config.theme
    )))
}

/// Renders every booklet into `files`; a booklet whose address is already
/// taken by a page is an error rather than a silent overwrite. A booklet
/// and its large print are rendered together, their chapters once.
pub fn render_booklets(
    site: &Site,
    assembled: &Assembled,
    theme: &Theme,
    context: &RenderContext,
    plans: &[crate::render::booklet::Plan],
    files: &mut Sink,
) -> anyhow::Result<Vec<Diagnostic>> {
    type Booklet = (String, Result<crate::output::sink::Passed, Diagnostic>);
    let sink = &*files;
    let taken = |path: &str| sink.contains(path);
    let groups = editions(plans);
    // The longest first, taken one at a time as threads come free, so no
    // long booklet is left to be made alone at the end; then put back in
    // order.
    let mut longest_first: Vec<usize> = (0..groups.len()).collect();
    longest_first.sort_by_key(|&g| {
        std::cmp::Reverse(crate::render::booklet::chapter_count(groups[g][0]) * groups[g].len())
    });
    let mut made: Vec<(usize, Vec<anyhow::Result<Booklet>>)> = longest_first
        .into_iter()
        .par_bridge()
        .map(|g| {
            let editions = &groups[g];
            let views = crate::render::booklet::views(site, context, editions);
            let booklets = editions.iter().zip(views).map(|(plan, view)| {
                let path = format!("{}index.html", plan.dir);
                let cover = site.pages[plan.cover].file();
                let html = crate::render::templates::render_booklet(
                    site, assembled, theme, &plan.dir, &view,
                )
                .map(|h| booklet_bytes(theme, plan, h))
                .and_then(|bytes| refuse_active_content(site, &cover, bytes));
                // A taken address is reported below; never write over it.
                let stored = match html {
                    Ok(_) if taken(&path) => Ok(crate::output::sink::Passed::nothing()),
                    Ok(bytes) => Ok(sink.pass(&path, bytes)?),
                    Err(diagnostic) => Err(diagnostic),
                };
                Ok((path, stored))
            });
            (g, booklets.collect())
        })
        .collect();
    made.sort_by_key(|(g, _)| *g);
    let rendered = made.into_iter().flat_map(|(_, booklets)| booklets);
    let mut problems = Vec::new();
    for (result, plan) in rendered.zip(plans) {
        let (path, stored) = result?;
        match stored {
            Ok(_) if files.contains(&path) => problems.push(
                Diagnostic::error("duplicate-url", format!("a page is already at {path}, where the booklet of this section goes"))
                    .in_file(site.pages[plan.cover].file())
                    .at(1, 1)
                    .help("rename the page called booklet, or turn section booklets off with `booklets: {sections: false}` in site.yaml"),
            ),
            Ok(passed) => files.record(passed),
            Err(diagnostic) => problems.push(diagnostic),
        }
    }
    Ok(problems)
}

/// A booklet as it ships. A worksheet's large print is a page like any
/// other, minified. A booklet of chapters is a print document, often a
/// megabyte: minifying it took two thirds of the booklet stage and saved
/// about 5% of its bytes (measured on the 10,000-page benchmark), so it
/// ships as the template wrote it, less the marks of shared blocks.
fn booklet_bytes(theme: &Theme, plan: &crate::render::booklet::Plan, html: String) -> Vec<u8> {
    if plan.kind == crate::render::booklet::BookletKind::Worksheet {
        theme.minifier.page(&html)
    } else {
        crate::render::minify::without_marks(html).into_bytes()
    }
}

/// The plans in order, each standard booklet with the large-print
/// edition that follows it.
fn editions(plans: &[crate::render::booklet::Plan]) -> Vec<Vec<&crate::render::booklet::Plan>> {
    let mut groups: Vec<Vec<&crate::render::booklet::Plan>> = Vec::new();
    for plan in plans {
        match groups.last_mut() {
            Some(group)
                if crate::render::booklet::standard_dir(plan) == Some(group[0].dir.as_str()) =>
            {
                group.push(plan);
            }
            _ => groups.push(vec![plan]),
        }
    }
    groups
}

fn robots(site: &Site) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = site.config.base_url() {
        text.push_str(&format!("Sitemap: {base}sitemap.xml\n"));
    }
    text
}

/// `sitemap.xml`, only when the site knows its address: every page, then
/// every page Signpost wrote itself.
fn sitemap(site: &Site, generated: &[crate::render::generated::Plan]) -> Option<String> {
    let base = site.config.base_url()?;
    let escape = crate::text::escape::escape_html;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
    );
    if !site.config.languages.is_empty() {
        xml.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    xml.push_str(">\n");
    for (idx, page) in site.pages.iter().enumerate() {
        xml.push_str(&format!(
            "  <url><loc>{}</loc>",
            escape(&format!("{base}{}", page.dir))
        ));
        if let Some(reviewed) = page.front.reviewed {
            xml.push_str(&format!("<lastmod>{}</lastmod>", reviewed.iso()));
        }
        // Every version in every language, itself included, as search
        // engines ask.
        for version in site.versions(idx) {
            let other = &site.pages[version];
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                escape(&other.lang),
                escape(&format!("{base}{}", other.dir))
            ));
        }
        xml.push_str("</url>\n");
    }
    for plan in generated {
        xml.push_str(&format!(
            "  <url><loc>{}</loc>",
            escape(&format!("{base}{}", plan.dir))
        ));
        for (lang, dir) in crate::render::generated::versions(generated, plan) {
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                escape(&lang),
                escape(&format!("{base}{dir}"))
            ));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}

/// How a `build` run ended.
pub struct BuildOutcome {
    pub built: Built,
    pub written: Option<crate::output::WriteSummary>,
}

/// Builds and, when there are no errors, writes the site to `options.out`.
pub fn build(options: &BuildOptions) -> anyhow::Result<BuildOutcome> {
    guard_output_location(options)?;
    crate::output::check_target(&options.out)?;
    let mut built = build_site_to(options, &Destination::Folder(options.out.clone()))?;
    let sink = built.sink.take();
    if built.report.has_errors() || built.site.is_none() {
        // Dropping the sink removes its staging folder: the old output stays.
        drop(sink);
        return Ok(BuildOutcome {
            built,
            written: None,
        });
    }
    let started = Instant::now();
    let summary = sink
        .map(Sink::commit)
        .transpose()
        .with_context(|| format!("could not write the site to {}", options.out.display()))?
        .flatten()
        .unwrap_or_default();
    built
        .timings
        .push(("write", started.elapsed(), peak_memory_kib()));
    Ok(BuildOutcome {
        built,
        written: Some(summary),
    })
}

/// Refuses output folders that would overwrite the site's own sources.
///
/// Both paths are resolved the way the file system will resolve them:
/// `..` is taken away by name (`/x/missing/../site/content` is
/// `/x/site/content`, because the folders are created on the way), and the
/// deepest part that exists is followed through its symlinks.
fn guard_output_location(options: &BuildOptions) -> anyhow::Result<()> {
    let root = resolved(&options.root)?;
    let out = resolved(&options.out)?;
    let protected = ["content", "themes", "data"].map(|d| root.join(d));
    if out == root || root.starts_with(&out) || protected.iter().any(|p| out.starts_with(p)) {
        anyhow::bail!(
            "refusing to write the site to {}: it would overwrite the site's own files. Use a folder such as {}",
            options.out.display(),
            options.root.join("output").display()
        );
    }
    Ok(())
}

/// `path` made absolute, with `.` and `..` taken away by name, and its
/// deepest existing ancestor replaced by that ancestor's real location.
fn resolved(path: &std::path::Path) -> anyhow::Result<std::path::PathBuf> {
    use std::path::{Component, PathBuf};
    let absolute = std::path::absolute(path)?;
    let mut lexical = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::ParentDir => {
                lexical.pop();
            }
            Component::CurDir => {}
            other => lexical.push(other),
        }
    }
    let mut existing = lexical.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        let Some(parent) = existing.parent() else {
            return Ok(lexical);
        };
        rest.push(
            existing
                .file_name()
                .map(ToOwned::to_owned)
                .unwrap_or_default(),
        );
        existing = parent;
    }
    let mut real = existing.canonicalize()?;
    real.extend(rest.into_iter().rev());
    Ok(real)
}

/// An asset's bytes, from disk or from the bundled guide.
fn read_asset(asset: &crate::source::discover::SourceFile) -> anyhow::Result<Vec<u8>> {
    match asset.disk_path() {
        Some(path) => crate::fsutil::read_bytes(path),
        None => Ok(asset.read()?),
    }
}
