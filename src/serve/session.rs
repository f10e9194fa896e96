//! The last good build, kept in memory so one edited page can be rebuilt
//! alone.
//!
//! A Markdown edit that leaves the page's place in the site unchanged (its
//! title, summary, weight, template, language and draft flag) re-renders
//! only that page and re-runs the cross-page link checks; the booklets
//! that contain it are re-rendered next, once the page is served. An edit
//! to the theme's templates, stylesheet or static files alone templates
//! every page again but reuses the Markdown and its checks. Anything else
//! (a new or deleted page, the theme's words, `site.yaml`, data) rebuilds
//! everything, as mdBook and Zola do.

use crate::diagnostics::{Diagnostic, Report};
use crate::options::BuildOptions;
use crate::output::OutputMap;
use crate::pipeline::{
    Built, PageRebuild, TemplateRebuild, build_site, rebuild_booklets, rebuild_page,
    rebuild_templates,
};

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
    /// Booklets that print pages rebuilt alone, not yet made again (places
    /// in the build's booklet plans): see [`Session::finish_booklets`].
    stale_booklets: Vec<usize>,
    /// The last one-page rebuild failed: the kept build holds the page as
    /// it is on disk, errors and all, so no booklet is printed from it.
    page_failed: bool,
}

impl Session {
    pub fn new(options: BuildOptions) -> Self {
        Session {
            options,
            built: None,
            stale_booklets: Vec::new(),
            page_failed: false,
        }
    }

    /// Builds everything from disk.
    pub fn full_build(&mut self) -> anyhow::Result<Outcome> {
        self.stale_booklets.clear();
        self.page_failed = false;
        let mut built = build_site(&self.options)?;
        if built.report.has_errors() || built.site.is_none() {
            // What is served stays as it was, but what it was built from
            // is no longer on disk: the next change builds everything, and
            // reports these errors again until they are mended.
            self.built = None;
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
        if self.only_theme_output(&changed)
            && let Some(outcome) = self.try_templates()?
        {
            return Ok(outcome);
        }
        self.full_build()
    }

    /// True when every changed path is a template or static file (the
    /// stylesheet among them) of the site's own theme.
    fn only_theme_output(&self, changed: &[&String]) -> bool {
        let Some(site) = self.built.as_ref().and_then(|b| b.site.as_ref()) else {
            return false;
        };
        // A theme taken from a site this one extends is not under its root.
        if site.edition.theme_root.is_some() {
            return false;
        }
        let theme = format!("themes/{}/", site.config.theme);
        changed.iter().all(|path| {
            path.strip_prefix(&theme)
                .is_some_and(|rest| rest.starts_with("templates/") || rest.starts_with("static/"))
        })
    }

    /// `None` when the template edit needs a full rebuild.
    fn try_templates(&mut self) -> anyhow::Result<Option<Outcome>> {
        let Some(built) = self.built.as_mut() else {
            return Ok(None);
        };
        self.stale_booklets.clear();
        Ok(match rebuild_templates(built, &self.options)? {
            TemplateRebuild::NeedsFullBuild => None,
            TemplateRebuild::Failed(report) => {
                self.built = None;
                Some(Outcome::Failed(report))
            }
            TemplateRebuild::Built(report) => Some(Outcome::Built {
                changes: Changes::Everything(std::mem::take(&mut built.files)),
                report,
                pages_rebuilt: built.page_count(),
            }),
        })
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

    /// `None` when the change needs a full rebuild. The page goes through
    /// the pipeline's own one-page rebuild: the same stages and checks as
    /// a full build.
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
        let Ok(path) = crate::fsutil::inside(&self.options.root, changed) else {
            return Ok(None);
        };
        let Ok(bytes) = std::fs::read(path) else {
            return Ok(None);
        };
        Ok(match rebuild_page(built, rel, bytes) {
            PageRebuild::NeedsFullBuild => None,
            PageRebuild::Failed(report) => {
                self.page_failed = true;
                Some(Outcome::Failed(report))
            }
            PageRebuild::Built {
                changed,
                report,
                booklets,
            } => {
                self.page_failed = false;
                self.stale_booklets.extend(booklets);
                self.stale_booklets.sort_unstable();
                self.stale_booklets.dedup();
                Some(Outcome::Built {
                    changes: Changes::Some(changed),
                    report,
                    pages_rebuilt: 1,
                })
            }
        })
    }

    /// Whether booklets wait for [`Session::finish_booklets`].
    pub fn has_stale_booklets(&self) -> bool {
        !self.stale_booklets.is_empty() && !self.page_failed
    }

    /// Makes again the booklets that print pages rebuilt alone since they
    /// were last made; `None` when there are none. `serve` calls it once the
    /// edited page is served and no other edit is waiting, so an edit shows
    /// without waiting for a section's booklet to be reprinted.
    pub fn finish_booklets(&mut self) -> Option<Outcome> {
        // Left for when the page is mended.
        if self.stale_booklets.is_empty() || self.page_failed {
            return None;
        }
        let which = std::mem::take(&mut self.stale_booklets);
        let built = self.built.as_ref()?;
        Some(match rebuild_booklets(built, &which) {
            Ok(files) => Outcome::Built {
                pages_rebuilt: 0,
                changes: Changes::Some(files),
                report: built.report.clone(),
            },
            Err(report) => Outcome::Failed(report),
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `text` at `path` under `root`, making its folders.
    fn write_file(root: &std::path::Path, path: &str, text: &str) {
        let full = root.join(path);
        std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        std::fs::write(full, text).expect("write");
    }

    /// Issue 11: a page rebuilt alone by `serve` is byte for byte the page
    /// `build` makes from the same files.
    #[test]
    fn a_one_page_rebuild_matches_a_full_build() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let write = |path: &str, text: &str| write_file(root, path, text);
        write("site.yaml", "title: Test\n");
        write(
            "content/_index.md",
            "---\ntitle: Home\n---\nSee [plans](care/plans.md#what).\n",
        );
        write("content/care/_index.md", "---\ntitle: Care\n---\nCare.\n");
        write(
            "content/care/plans.md",
            "---\ntitle: Plans\n---\n## What\n\nOld words.\n",
        );
        let options = BuildOptions::new(root);
        let mut session = Session::new(options.clone());
        assert!(matches!(
            session.full_build().expect("build"),
            Outcome::Built { .. }
        ));
        write(
            "content/care/plans.md",
            "---\ntitle: Plans\n---\n## What\n\nNew words, and [the home page](../_index.md).\n",
        );
        let outcome = session
            .rebuild(&["content/care/plans.md".to_owned()])
            .expect("rebuild");
        let changed = match outcome {
            Outcome::Built {
                changes: Changes::Some(changed),
                pages_rebuilt: 1,
                ..
            } => changed,
            Outcome::Failed(report) => panic!("failed: {}", report.render_text()),
            Outcome::Built { pages_rebuilt, .. } => panic!("rebuilt {pages_rebuilt} pages"),
        };
        assert_eq!(
            changed.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(),
            ["care/plans/index.html"],
            "the page comes first, alone"
        );
        let booklets = match session.finish_booklets() {
            Some(Outcome::Built {
                changes: Changes::Some(files),
                ..
            }) => files,
            Some(Outcome::Failed(report)) => panic!("failed: {}", report.render_text()),
            _ => panic!("the booklets that print the page were not made again"),
        };
        assert!(
            booklets.iter().any(|(p, _)| p == "care/booklet/index.html"),
            "{:?}",
            booklets.iter().map(|(p, _)| p).collect::<Vec<_>>()
        );
        assert!(session.finish_booklets().is_none(), "made once");
        let full = build_site(&options).expect("full build");
        for (path, bytes) in changed.iter().chain(&booklets) {
            assert_eq!(
                Some(bytes),
                full.files.get(path),
                "{path} differs from a full build"
            );
        }
    }

    /// A site in a temporary folder with its own copy of the default
    /// theme, so that tests can edit its templates.
    fn site_with_own_theme() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let theme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        for entry in walkdir::WalkDir::new(&theme) {
            let entry = entry.expect("walk the theme");
            let rel = entry.path().strip_prefix(&theme).expect("inside the theme");
            let to = root.join("themes/default").join(rel);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).expect("mkdir");
            } else {
                std::fs::copy(entry.path(), &to).expect("copy");
            }
        }
        for (path, text) in [
            ("site.yaml", "title: Test\n"),
            (
                "content/_index.md",
                "---\ntitle: Home\n---\nSee [plans](care/plans.md).\n",
            ),
            ("content/care/_index.md", "---\ntitle: Care\n---\nCare.\n"),
            (
                "content/care/plans.md",
                "---\ntitle: Plans\n---\n## What\n\nWords.\n",
            ),
        ] {
            write_file(root, path, text);
        }
        dir
    }

    /// Appends `text` to the file at `rel` under `root`; gives `rel`.
    fn append(root: &std::path::Path, rel: &str, text: &str) -> String {
        let path = root.join(rel);
        let mut before = std::fs::read_to_string(&path).expect("read");
        before.push_str(text);
        std::fs::write(&path, before).expect("write");
        rel.to_owned()
    }

    /// Appends `text` to the footer partial of the site's theme.
    fn edit_footer(root: &std::path::Path, text: &str) -> String {
        append(root, "themes/default/templates/partials/footer.html", text)
    }

    /// Builds a site with its own theme, appends `text` to the theme's file
    /// `rel`, and rebuilds: the rebuild must template every page without
    /// rendering the Markdown, and give every file as a full build does.
    /// Gives the rebuilt page `care/plans/`.
    fn theme_edit_rebuilt_as_a_full_build(rel: &str, text: &str) -> String {
        let dir = site_with_own_theme();
        let options = BuildOptions::new(dir.path());
        let mut session = Session::new(options.clone());
        assert!(matches!(
            session.full_build().expect("build"),
            Outcome::Built { .. }
        ));
        let changed = append(dir.path(), rel, text);
        let files = match session.rebuild(&[changed]).expect("rebuild") {
            Outcome::Built {
                changes: Changes::Everything(files),
                ..
            } => files,
            Outcome::Failed(report) => panic!("failed: {}", report.render_text()),
            Outcome::Built { .. } => panic!("only some files were rebuilt"),
        };
        assert_eq!(stages(&session), ["templates and minify", "booklets"]);
        let full = build_site(&options).expect("full build");
        assert_eq!(
            files.keys().collect::<Vec<_>>(),
            full.files.keys().collect::<Vec<_>>()
        );
        for (path, bytes) in &full.files {
            assert_eq!(
                Some(bytes),
                files.get(path),
                "{path} differs from a full build"
            );
        }
        String::from_utf8_lossy(&files["care/plans/index.html"]).into_owned()
    }

    fn stages(session: &Session) -> Vec<&'static str> {
        let built = session.built.as_ref().expect("a good build is kept");
        built.timings.iter().map(|(stage, ..)| *stage).collect()
    }

    /// Issue 17: a template edit templates every page again without
    /// rendering the Markdown, and gives what a full build gives.
    #[test]
    fn a_template_edit_reuses_the_markdown_and_matches_a_full_build() {
        let page = theme_edit_rebuilt_as_a_full_build(
            "themes/default/templates/partials/footer.html",
            "<p>Printed by the trust.</p>\n",
        );
        assert!(page.contains("Printed by the trust."), "{page}");
    }

    /// A template that no longer parses fails the rebuild with the
    /// template's problem; mending it builds again.
    #[test]
    fn a_broken_template_edit_fails_then_builds_once_mended() {
        let dir = site_with_own_theme();
        let mut session = Session::new(BuildOptions::new(dir.path()));
        assert!(matches!(
            session.full_build().expect("build"),
            Outcome::Built { .. }
        ));
        let changed = edit_footer(dir.path(), "{% if %}\n");
        match session
            .rebuild(std::slice::from_ref(&changed))
            .expect("rebuild")
        {
            Outcome::Failed(report) => {
                let text = report.render_text();
                assert!(text.contains("footer.html"), "{text}");
            }
            Outcome::Built { .. } => panic!("a broken template built"),
        }
        assert!(session.built.is_none(), "the next change builds everything");
        let path = dir.path().join(&changed);
        let footer = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, footer.replace("{% if %}\n", "")).expect("write");
        assert!(matches!(
            session.rebuild(&[changed]).expect("rebuild"),
            Outcome::Built { .. }
        ));
    }

    /// The theme's words change what the Markdown renders (worksheet
    /// labels, for one): an edit to them builds everything.
    #[test]
    fn an_edit_beside_the_templates_builds_everything() {
        let dir = site_with_own_theme();
        let mut session = Session::new(BuildOptions::new(dir.path()));
        assert!(matches!(
            session.full_build().expect("build"),
            Outcome::Built { .. }
        ));
        let changed = edit_footer(dir.path(), "<p>More.</p>\n");
        let words = append(dir.path(), "themes/default/i18n/en.yaml", "\n");
        assert!(matches!(
            session.rebuild(&[changed, words]).expect("rebuild"),
            Outcome::Built { .. }
        ));
        assert!(stages(&session).contains(&"Markdown and page checks"));
    }

    /// After a one-page rebuild, the report is the one a full build of the
    /// same files gives: the later stages' findings (a booklet too long to
    /// make) are kept, and `signpost-ignore` comments still apply, the
    /// edited page's own among them.
    #[test]
    fn a_one_page_rebuild_reports_what_a_full_build_reports() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let long = "This sentence goes on and on with many more words than a reader would like to read in one go today.";
        for (path, text) in [
            (
                "site.yaml",
                "title: Test\nbooklets: {max_chapters: 1}\n".to_owned(),
            ),
            (
                "content/_index.md",
                "---\ntitle: Home\n---\nHome.\n".to_owned(),
            ),
            (
                "content/care/_index.md",
                "---\ntitle: Care\n---\nCare.\n".to_owned(),
            ),
            ("content/care/a.md", format!("---\ntitle: A\n---\n{long}\n")),
            (
                "content/care/b.md",
                format!("---\ntitle: B\n---\n<!-- signpost-ignore long-sentence -->\n{long}\n"),
            ),
        ] {
            write_file(root, path, &text);
        }
        let options = BuildOptions::new(root);
        let mut session = Session::new(options.clone());
        assert!(matches!(
            session.full_build().expect("build"),
            Outcome::Built { .. }
        ));
        // The ignore comment moves to the other page.
        std::fs::write(
            root.join("content/care/a.md"),
            format!("---\ntitle: A\n---\n<!-- signpost-ignore long-sentence -->\n{long}\n"),
        )
        .expect("write");
        let report = match session
            .rebuild(&["content/care/a.md".to_owned()])
            .expect("rebuild")
        {
            Outcome::Built {
                report,
                pages_rebuilt: 1,
                ..
            } => report,
            _ => panic!("not rebuilt alone"),
        };
        let full = build_site(&options).expect("full build").report;
        assert_eq!(report.summary(), full.summary());
        assert_eq!(report.render_text(), full.render_text());
        let text = report.render_text();
        assert!(text.contains("booklet-too-long"), "{text}");
        assert!(!text.contains("warning  long-sentence"), "{text}");
    }

    /// A page edit that fails leaves the booklets as they were: none is
    /// printed from a page with errors, and those left by an earlier edit
    /// are printed once the page is mended.
    #[test]
    fn no_booklet_is_printed_while_an_edit_fails() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let write = |path: &str, text: &str| write_file(root, path, text);
        write("site.yaml", "title: Test\n");
        write("content/_index.md", "---\ntitle: Home\n---\nHome.\n");
        write("content/care/_index.md", "---\ntitle: Care\n---\nCare.\n");
        write("content/care/a.md", "---\ntitle: A\n---\nOne.\n");
        write("content/care/b.md", "---\ntitle: B\n---\nTwo.\n");
        let mut session = Session::new(BuildOptions::new(root));
        assert!(matches!(
            session.full_build().expect("build"),
            Outcome::Built { .. }
        ));
        write("content/care/a.md", "---\ntitle: A\n---\nOne, edited.\n");
        let rebuilt = session
            .rebuild(&["content/care/a.md".to_owned()])
            .expect("rebuild");
        assert!(matches!(
            rebuilt,
            Outcome::Built {
                pages_rebuilt: 1,
                ..
            }
        ));
        assert!(session.has_stale_booklets());
        write(
            "content/care/b.md",
            "---\ntitle: B\n---\nSee [nothing](missing.md).\n",
        );
        let failed = session
            .rebuild(&["content/care/b.md".to_owned()])
            .expect("rebuild");
        assert!(matches!(failed, Outcome::Failed(_)));
        assert!(!session.has_stale_booklets());
        assert!(
            session.finish_booklets().is_none(),
            "printed from a page with errors"
        );
        write("content/care/b.md", "---\ntitle: B\n---\nTwo, mended.\n");
        let mended = session
            .rebuild(&["content/care/b.md".to_owned()])
            .expect("rebuild");
        assert!(matches!(
            mended,
            Outcome::Built {
                pages_rebuilt: 1,
                ..
            }
        ));
        let booklet = match session.finish_booklets() {
            Some(Outcome::Built {
                changes: Changes::Some(files),
                ..
            }) => files
                .into_iter()
                .find(|(path, _)| path == "care/booklet/index.html")
                .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
                .expect("the section's booklet"),
            _ => panic!("the booklets were not printed once the page was mended"),
        };
        assert!(
            booklet.contains("One, edited.") && booklet.contains("Two, mended."),
            "{booklet}"
        );
    }

    /// Issue 17: so does an edit to the theme's stylesheet, which only the
    /// templates read (it is inlined into every page).
    #[test]
    fn a_stylesheet_edit_reuses_the_markdown_and_matches_a_full_build() {
        let page = theme_edit_rebuilt_as_a_full_build(
            "themes/default/static/style.css",
            "\n.trust-banner { border-top: 4px solid #005eb8; }\n",
        );
        assert!(page.contains(".trust-banner"), "the new rule is inlined");
    }
}
