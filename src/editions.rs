//! `signpost override` and `signpost override --status`: the commands of
//! a local edition (a site with `extends:` in `site.yaml`).
//!
//! `override PATH` copies a base page into the local site and stamps it
//! with what it was made from (`overrides: {source_hash, source_reviewed}`),
//! so `check` can later say when the base page has moved on. It never
//! overwrites a local file. `--status` lists every override and whether its
//! base has moved on, as text or JSON.

use std::path::Path;

use anyhow::{Context, bail};
use serde::Serialize;

use crate::diagnostics::Report;
use crate::options::BuildOptions;
use crate::site::provenance::body_hash;
use crate::source::config::{FILE_NAME, SiteConfig};
use crate::source::discover::FileKind;
use crate::source::layers::{Layer, bases};

/// One override and whether its base has moved on.
#[derive(Debug, Clone, Serialize)]
pub struct OverrideStatus {
    /// The local page, as shown in messages (`content/get-help-now.md`).
    pub page: String,
    /// The base page it replaces (`guide:content/get-help-now.md`).
    pub base: String,
    /// Whether the base page was reviewed later, or its text changed.
    pub moved_on: bool,
    /// What changed, in the words `check` uses; empty when in step.
    pub changes: String,
}

/// The bases of the site at `root`; an error naming the problem when the
/// site extends nothing or a base cannot be read.
fn site_bases(root: &Path) -> anyhow::Result<Vec<Layer>> {
    let text = std::fs::read_to_string(root.join(FILE_NAME))
        .with_context(|| format!("cannot read {}", root.join(FILE_NAME).display()))?;
    let config = SiteConfig::parse(&text).map_err(one_problem)?;
    if config.extends.is_none() {
        bail!(
            "{} has no `extends:`, so this site is not a local edition: add `extends: guide` (or the folder of the national site) first",
            root.join(FILE_NAME).display()
        );
    }
    bases(root, &config, &text).map_err(one_problem)
}

fn one_problem(diagnostic: crate::diagnostics::Diagnostic) -> anyhow::Error {
    let report: Report = std::iter::once(diagnostic).collect();
    anyhow::anyhow!("{}", report.render_text().trim_end())
}

/// `content/x`, `x.md` or `/x` -> `x.md`.
fn page_rel(path: &str) -> String {
    let path = path.trim().trim_start_matches('/');
    let path = path.strip_prefix("content/").unwrap_or(path);
    if path.ends_with(".md") {
        path.to_owned()
    } else {
        format!("{path}.md")
    }
}

/// Copies the base page `path` (under content/, with or without `.md`)
/// into the site at `root`, stamped. Returns the path written, as shown.
pub fn override_page(root: &Path, path: &str) -> anyhow::Result<String> {
    let rel = page_rel(path);
    let bases = site_bases(root)?;
    let Some(file) = bases.iter().find_map(|base| {
        let (files, _) = base.content_files();
        files
            .into_iter()
            .find(|f| f.rel == rel && f.kind == FileKind::Markdown)
    }) else {
        bail!(
            "no site this one extends has content/{rel}: give the path of a base page under content/, for example get-help-now or care-plans/crisis-plans"
        );
    };
    let local = root.join("content").join(&rel);
    if local.exists() {
        bail!(
            "content/{rel} already exists in this site, so it already overrides the base page: Signpost never overwrites it (run `signpost override --status` to see whether its base has moved on)"
        );
    }
    let text = String::from_utf8(file.read()?)
        .with_context(|| format!("{} is not UTF-8 text", file.shown))?;
    let stamped = stamped_copy(&file.shown, &text)?;
    crate::fsutil::write(&local, stamped.as_bytes())?;
    Ok(format!("content/{rel}"))
}

/// The text of a base page with `overrides:` recording it, put at the end
/// of its front matter (replacing the base's own stamp, if it has one).
pub fn stamped_copy(shown: &str, text: &str) -> anyhow::Result<String> {
    let split = crate::source::front_matter::split_and_parse(shown, text)
        .map_err(|problems| one_problem(problems.into_iter().next().expect("a problem")))?;
    let body = &text[split.body_start..];
    let front_end = text[..split.body_start]
        .trim_end()
        .rfind('\n')
        .map_or(0, |n| n + 1);
    let mut front = String::new();
    let mut in_stamp = false;
    for line in text[..front_end].lines() {
        if line.starts_with("overrides:") {
            in_stamp = true;
            continue;
        }
        if in_stamp && line.starts_with([' ', '\t']) {
            continue;
        }
        in_stamp = false;
        front.push_str(line);
        front.push('\n');
    }
    front.push_str(&format!(
        "overrides:\n  source_hash: \"{}\"\n",
        body_hash(body)
    ));
    if let Some(reviewed) = split.front.reviewed {
        front.push_str(&format!("  source_reviewed: {reviewed}\n"));
    }
    Ok(format!("{front}---\n{body}"))
}

/// Every override of the site at `root`, and whether its base moved on.
pub fn status(root: &Path) -> anyhow::Result<Vec<OverrideStatus>> {
    site_bases(root)?;
    let mut report = Report::default();
    let options = BuildOptions::new(root.to_path_buf());
    let Some(site) = crate::site::load::load_site(&options, &mut report)? else {
        bail!(
            "the site could not be read: run `signpost check` to see why\n{}",
            report.render_text().trim_end()
        );
    };
    Ok(site
        .edition
        .overridden
        .iter()
        .filter_map(|(rel, base)| {
            let page = &site.pages[site.page_by_rel(rel)?];
            let finding = crate::checks::upstream::changed(page, base);
            Some(OverrideStatus {
                page: page.file(),
                base: base.shown.clone(),
                moved_on: finding.is_some(),
                changes: finding.map(|d| d.message).unwrap_or_default(),
            })
        })
        .collect())
}

/// `override --status` as text: one line per override, then a summary.
pub fn status_text(rows: &[OverrideStatus]) -> String {
    let mut out = String::new();
    for row in rows {
        if row.moved_on {
            out.push_str(&format!("{}  base moved on: {}\n", row.page, row.changes));
        } else {
            out.push_str(&format!("{}  in step with {}\n", row.page, row.base));
        }
    }
    let moved = rows.iter().filter(|r| r.moved_on).count();
    out.push_str(&format!(
        "{}, {moved} whose base has moved on\n",
        crate::diagnostics::plural(rows.len(), "override")
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_taken_with_or_without_md() {
        assert_eq!(page_rel("get-help-now"), "get-help-now.md");
        assert_eq!(page_rel("content/care/x.md"), "care/x.md");
    }

    #[test]
    fn a_copy_is_stamped_and_an_old_stamp_replaced() {
        let text =
            "---\ntitle: A\nreviewed: 2026-01-02\noverrides:\n  source_hash: \"old\"\n---\nBody.\n";
        let copy = stamped_copy("x.md", text).unwrap();
        assert_eq!(
            copy,
            format!(
                "---\ntitle: A\nreviewed: 2026-01-02\noverrides:\n  source_hash: \"{}\"\n  source_reviewed: 2026-01-02\n---\nBody.\n",
                body_hash("Body.\n")
            )
        );
    }
}
