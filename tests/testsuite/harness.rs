//! `SiteTest`: a site in a temporary folder, and the `signpost` binary run on it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const BIN: &str = env!("CARGO_BIN_EXE_signpost");

/// A minimal valid site: config, home page and one section with a page.
pub const MINIMAL: &[(&str, &str)] = &[
    ("site.yaml", "title: Test site\n"),
    (
        "content/_index.md",
        "---\ntitle: Home\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nWelcome.\n",
    ),
    (
        "content/care/_index.md",
        "---\ntitle: Care\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nAbout care.\n",
    ),
    (
        "content/care/plans.md",
        "---\ntitle: Care plans\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nA plan.\n\n## What it says\n\nText.\n",
    ),
];

/// The accessibility contact every test site's `site.yaml` gets unless it
/// sets its own (example.org is reserved for examples).
pub const TEST_CONTACT: &str = "accessibility: {contact_email: accessibility@example.org}\n";

pub struct SiteTest {
    _tmp: tempfile::TempDir,
    pub root: PathBuf,
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        self
    }

    /// Asserts the whole of stderr, so an extra, repeated or reworded
    /// message fails. `SIGNPOST_RECORD=1` prints what was seen instead of
    /// failing, for writing a new expectation (then read it as an author
    /// would before pasting it in).
    pub fn assert_stderr_is(&self, expected: &str) -> &Self {
        if std::env::var_os("SIGNPOST_RECORD").is_some() && self.stderr != expected {
            eprintln!("---- recorded stderr ----\n{}---- end ----", self.stderr);
            return self;
        }
        assert_eq!(self.stderr, expected, "whole stderr");
        self
    }

    /// Asserts stderr contains `needle`.
    pub fn assert_stderr(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }
}

impl SiteTest {
    /// An empty folder.
    pub fn empty() -> Self {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().join("site");
        std::fs::create_dir_all(&root).expect("site dir");
        SiteTest { _tmp: tmp, root }
    }

    /// A site made of `files` (path relative to the site root, text).
    pub fn with(files: &[(&str, &str)]) -> Self {
        let test = Self::empty();
        for (path, text) in files {
            test.write(path, text);
        }
        test
    }

    pub fn minimal() -> Self {
        Self::with(MINIMAL)
    }

    /// A copy of `tests/testsuite/sites/<name>`.
    pub fn fixture(name: &str) -> Self {
        let test = Self::empty();
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/testsuite/sites")
            .join(name);
        copy_dir(&source, &test.root);
        test
    }

    /// Switches the site to a theme `mine` whose templates other than
    /// `page.html` just show the title, and whose `page.html` is `page`.
    pub fn use_theme_with_page(&self, page: &str) {
        self.write("site.yaml", "title: Test site\ntheme: mine\n");
        for t in ["base.html", "index.html", "section.html", "404.html"] {
            self.write(
                &format!("themes/mine/templates/{t}"),
                "<h1>{{ site.title }}</h1>",
            );
        }
        self.write("themes/mine/templates/page.html", page);
    }

    /// Writes a file. A `site.yaml` without `accessibility:` gets
    /// [`TEST_CONTACT`], so a test's site is one that names its contact, as
    /// a published site must; `write_exact` writes one without.
    pub fn write(&self, path: &str, text: &str) {
        let is_settings = path == "site.yaml" || path.ends_with("/site.yaml");
        if is_settings && !text.contains("accessibility:") {
            let mut text = text.to_owned();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(TEST_CONTACT);
            self.write_bytes(path, text.as_bytes());
        } else {
            self.write_bytes(path, text.as_bytes());
        }
    }

    /// Writes a file exactly as given.
    pub fn write_exact(&self, path: &str, text: &str) {
        self.write_bytes(path, text.as_bytes());
    }

    pub fn write_bytes(&self, path: &str, bytes: &[u8]) {
        let full = self.root.join(path);
        std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        std::fs::write(full, bytes).expect("write");
    }

    /// Runs `signpost ARGS` with the site as the working directory.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(BIN)
            .args(args)
            .current_dir(&self.root)
            .env("SIGNPOST_TODAY", "2026-11-21")
            .env("NO_COLOR", "1")
            .output()
            .expect("run signpost");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// A built output file as text.
    pub fn output(&self, path: &str) -> String {
        let full = self.root.join("output").join(path);
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
    }

    /// Every file under `output/` with its bytes and modification time.
    pub fn output_snapshot(&self) -> BTreeMap<String, (Vec<u8>, std::time::SystemTime)> {
        let out = self.root.join("output");
        walkdir(&out)
            .into_iter()
            .map(|p| {
                let rel = p
                    .strip_prefix(&out)
                    .expect("prefix")
                    .to_string_lossy()
                    .into_owned();
                let bytes = std::fs::read(&p).expect("read");
                let modified = std::fs::metadata(&p)
                    .and_then(|m| m.modified())
                    .expect("mtime");
                (rel, (bytes, modified))
            })
            .collect()
    }
}

/// The contents of `<main …>…</main>`.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("has <main>");
    let end = html.find("</main>").map_or(html.len(), |e| e + 7);
    &html[start..end]
}

/// Every file under `dir`, sorted.
pub fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Copies every file under `from` to the same place under `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for file in walkdir(from) {
        let rel = file.strip_prefix(from).expect("prefix");
        let target = to.join(rel);
        std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&file, &target).expect("copy");
    }
}

/// A CSS selector, for tests that read the built HTML with `scraper`.
pub fn sel(selector: &str) -> scraper::Selector {
    scraper::Selector::parse(selector).expect("valid selector")
}

/// A booklet in the compact form pages ship in. Booklets ship as their
/// template wrote them (they are print documents, and minifying them cost
/// more than it saved); tests that name exact markup compare this form,
/// which differs only in whitespace, quotes and optional end tags.
pub fn compact(html: &str) -> String {
    let cfg = minify_html::Cfg {
        keep_html_and_head_opening_tags: true,
        ..minify_html::Cfg::default()
    };
    String::from_utf8(minify_html::minify(html.as_bytes(), &cfg)).expect("UTF-8")
}
