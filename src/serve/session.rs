//! The last good build, kept in memory so one edited page can be rebuilt
//! alone.
//!
//! A Markdown edit that leaves the page's place in the site unchanged (its
//! title, summary, weight, template, language and draft flag) re-renders
//! only that page, re-runs the cross-page link checks, and re-renders the
//! booklets that contain it. Anything else (a new or deleted file, a
//! template, `site.yaml`, data) rebuilds everything, as mdBook and Zola do.

use crate::build::{
    Built, build_site, page_output, render_and_check, render_booklets, render_context,
};
use crate::checks::links::{self, pages_linking_to};
use crate::checks::{CheckContext, apply_levels, collect};
use crate::dates::Date;
use crate::diagnostics::{Diagnostic, Report};
use crate::front_matter::{FrontMatter, split_and_parse};
use crate::options::BuildOptions;
use crate::output::OutputMap;

/// What a rebuild did, for the console and the browser.
pub enum Outcome {
    /// The site changed; the report may hold warnings.
    Built {
        changes: Changes,
        report: Report,
        pages_rebuilt: usize,
    },
    /// The edit has errors: the last good site stays served.
    Failed(Report),
}

/// New output: a whole site, or a few files that replace their old versions.
/// Only the changed files travel, so a one-page edit on a big site does not
/// copy the whole site in memory.
pub enum Changes {
    Everything(OutputMap),
    Some(Vec<(String, Vec<u8>)>),
}

pub struct Session {
    options: BuildOptions,
    built: Option<Built>,
}

impl Session {
    pub fn new(options: BuildOptions) -> Self {
        Session {
            options,
            built: None,
        }
    }

    /// Builds everything from disk.
    pub fn full_build(&mut self) -> anyhow::Result<Outcome> {
        let mut built = build_site(&self.options)?;
        if built.report.has_errors() || built.site.is_none() {
            return Ok(Outcome::Failed(built.report));
        }
        let outcome = Outcome::Built {
            changes: Changes::Everything(std::mem::take(&mut built.files)),
            report: built.report.clone(),
            pages_rebuilt: built.page_count(),
        };
        self.built = Some(built);
        Ok(outcome)
    }

    /// Rebuilds after `changed` paths (relative to the site root) changed on
    /// disk: one page when it can, everything when it must.
    pub fn rebuild(&mut self, changed: &[String]) -> anyhow::Result<Outcome> {
        // Editors and tools write temporary files that are gone by now; a
        // path that no longer exists matters only if it was part of the site.
        let changed: Vec<&String> = changed
            .iter()
            .filter(|path| self.options.root.join(path).exists() || self.was_in_site(path))
            .collect();
        if changed.is_empty() {
            return Ok(Outcome::Built {
                changes: Changes::Some(Vec::new()),
                report: self.report(),
                pages_rebuilt: 0,
            });
        }
        if let [one] = changed[..]
            && let Some(outcome) = self.try_one_page(one)?
        {
            return Ok(outcome);
        }
        self.full_build()
    }

    fn was_in_site(&self, path: &str) -> bool {
        let Some(site) = self.built.as_ref().and_then(|b| b.site.as_ref()) else {
            return true;
        };
        match path.strip_prefix("content/") {
            Some(rel) => {
                site.page_by_rel(rel).is_some() || site.assets.iter().any(|a| a.rel == rel)
            }
            None => true,
        }
    }

    fn report(&self) -> Report {
        self.built
            .as_ref()
            .map(|b| b.report.clone())
            .unwrap_or_default()
    }

    /// `None` when the change needs a full rebuild.
    fn try_one_page(&mut self, changed: &str) -> anyhow::Result<Option<Outcome>> {
        let Some(rel) = changed
            .strip_prefix("content/")
            .filter(|r| r.ends_with(".md"))
        else {
            return Ok(None);
        };
        let Some(built) = self.built.as_mut() else {
            return Ok(None);
        };
        let (Some(site), Some(theme), Some(assembled)) =
            (built.site.as_mut(), &built.theme, &built.assembled)
        else {
            return Ok(None);
        };
        let Some(idx) = site.page_by_rel(rel) else {
            return Ok(None);
        };
        let file = format!("content/{rel}");
        let Ok(bytes) = std::fs::read(self.options.root.join(&file)) else {
            return Ok(None);
        };
        let Ok(text) = String::from_utf8(bytes) else {
            return Ok(None);
        };
        let text = text
            .strip_prefix('\u{feff}')
            .map(str::to_owned)
            .unwrap_or(text);
        let split = match split_and_parse(&file, &text) {
            Ok(split) => split,
            Err(diagnostic) => {
                return Ok(Some(Outcome::Failed(std::iter::once(diagnostic).collect())));
            }
        };
        if !same_place(&site.pages[idx].front, &split.front) {
            return Ok(None);
        }
        let page = &mut site.pages[idx];
        page.front = split.front;
        page.text = text;
        page.body_start = split.body_start;

        let timer = std::time::Instant::now();
        let lap = |what: &str| {
            if std::env::var_os("SIGNPOST_TIMINGS").is_some() {
                eprintln!("{:>7.1} ms  {what}", timer.elapsed().as_secs_f64() * 1000.0);
            }
        };
        let today = Date::today();
        let context = render_context(site, Some(theme));
        let checks = CheckContext::new(site, today);
        lap("contexts");
        built.rendered[idx] = render_and_check(site, idx, &context, &checks);
        lap("render and page checks");
        // Link findings change for this page, and for pages that link to
        // its headings; every other page's findings stay as they were.
        for page in std::iter::once(idx).chain(pages_linking_to(&built.rendered, idx)) {
            built.rendered[page].link_diagnostics = links::check_page(site, &built.rendered, page);
        }
        let report = collect(&built.early, &built.rendered, built.site_wide.clone());
        let mut report = apply_levels(report, &site.config.check);
        lap("site checks and report");
        if report.has_errors() {
            return Ok(Some(Outcome::Failed(report)));
        }

        let path = format!("{}index.html", site.pages[idx].dir);
        let mut changed = OutputMap::new();
        match page_output(site, assembled, theme, idx, &built.rendered[idx]) {
            Ok(bytes) => {
                changed.insert(path, bytes);
            }
            Err(diagnostic) => {
                report.push(diagnostic);
                return Ok(Some(Outcome::Failed(report)));
            }
        }
        // Booklets that hold the page are printed copies of it: redo them too.
        let stale: Vec<_> = built
            .plans
            .iter()
            .filter(|plan| plan.contains(idx))
            .cloned()
            .collect();
        report.extend(render_booklets(
            site,
            assembled,
            theme,
            &context,
            &stale,
            &mut changed,
        ));
        drop(context);
        built.report = report.clone();
        Ok(Some(Outcome::Built {
            changes: Changes::Some(changed.into_iter().collect()),
            report,
            pages_rebuilt: 1,
        }))
    }
}

/// True when an edit leaves the page where it was: same title and summary
/// (shown in listings and navigation), weight (order), template, language
/// and draft flag.
fn same_place(old: &FrontMatter, new: &FrontMatter) -> bool {
    old.title == new.title
        && old.summary == new.summary
        && old.weight == new.weight
        && old.template == new.template
        && old.lang == new.lang
        && old.draft == new.draft
}

/// The first few errors, for the browser.
pub fn errors(report: &Report) -> Vec<&Diagnostic> {
    report
        .sorted()
        .into_iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Error)
        .take(20)
        .collect()
}
