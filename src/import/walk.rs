//! Finds the files to import under each folder of the source, safely:
//! symlinks that lead out of the source are never followed, and the
//! generator's own layouts, includes, output and DEST itself are skipped.

use std::path::{Path, PathBuf};

use super::detect::{Generator, Layout, RootKind};

/// Files a Signpost site can publish beside its pages.
const ATTACHMENTS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "pdf", "doc", "docx", "odt", "rtf",
    "xls", "xlsx", "ods", "ppt", "pptx", "odp", "csv", "txt", "mp3", "m4a", "ogg", "mp4", "webm",
    "epub",
];
/// Templates and code: part of the old generator, not content.
const TEMPLATES: &[&str] = &[
    "html", "htm", "njk", "liquid", "hbs", "ejs", "pug", "11ty.js", "webc",
];

/// One file found in the source.
#[derive(Debug, Clone)]
pub struct Found {
    pub abs: PathBuf,
    /// From SOURCE, `/`-separated.
    pub source_rel: String,
    /// From its folder of the source (`Root::dir`).
    pub root_rel: String,
    pub root: usize,
    pub is_page: bool,
}

/// A file left behind, and why.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

/// Every page and attachment under the layout's folders.
pub fn walk(source: &Path, layout: &Layout, dest: &Path) -> (Vec<Found>, Vec<Skipped>) {
    let dest = dest.canonicalize().ok();
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for (index, root) in layout.roots.iter().enumerate() {
        let top = source.join(&root.dir);
        if !top.is_dir() {
            continue;
        }
        let other_roots: Vec<PathBuf> = layout
            .roots
            .iter()
            .filter(|r| r.dir != root.dir && r.dir.starts_with(&root.dir))
            .map(|r| source.join(&r.dir))
            .collect();
        let skip: Vec<PathBuf> = layout.skip.iter().map(|s| source.join(s)).collect();
        let entries = walkdir::WalkDir::new(&top)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let name = e.file_name().to_string_lossy();
                let at_top = e.depth() == 0;
                let hidden = name.starts_with('.') && !at_top;
                let underscored = layout.generator == Generator::Jekyll
                    && root.dir.is_empty()
                    && name.starts_with('_')
                    && !at_top;
                let excluded = skip.iter().chain(&other_roots).any(|s| e.path() == s)
                    || dest
                        .as_deref()
                        .is_some_and(|d| e.path().canonicalize().ok().as_deref() == Some(d));
                !(hidden || underscored || excluded)
            });
        for entry in entries.flatten() {
            let Ok(rel) = entry.path().strip_prefix(source) else {
                continue;
            };
            let source_rel = rel.to_string_lossy().replace('\\', "/");
            let root_rel = entry
                .path()
                .strip_prefix(&top)
                .map(|r| r.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            if entry.path_is_symlink() && crate::fsutil::inside(source, &source_rel).is_err() {
                skipped.push(Skipped {
                    file: source_rel,
                    reason: "a symlink to somewhere outside the source folder: not followed".into(),
                });
                continue;
            }
            if !entry.path().is_file() {
                continue;
            }
            let Some(is_page) = classify(layout.generator, root.kind, &source_rel, &root_rel)
            else {
                if is_template(&source_rel) && root.kind != RootKind::Files {
                    skipped.push(Skipped {
                        file: source_rel,
                        reason: "a template of the old generator: Signpost's theme does this job"
                            .into(),
                    });
                }
                continue;
            };
            found.push(Found {
                abs: entry.path().to_path_buf(),
                source_rel,
                root_rel,
                root: index,
                is_page,
            });
        }
    }
    (found, skipped)
}

fn extension(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name.ends_with(".11ty.js") {
        return "11ty.js".into();
    }
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

fn is_template(path: &str) -> bool {
    TEMPLATES.contains(&extension(path).as_str())
}

/// `Some(true)` for a page, `Some(false)` for an attachment, `None` to leave it.
fn classify(
    generator: Generator,
    kind: RootKind,
    source_rel: &str,
    root_rel: &str,
) -> Option<bool> {
    let ext = extension(source_rel);
    let markdown = ext == "md" || ext == "markdown";
    if markdown && kind != RootKind::Files {
        let name = root_rel.rsplit('/').next().unwrap_or(root_rel);
        let project_file = ["README.md", "LICENSE.md", "CHANGELOG.md", "CONTRIBUTING.md"]
            .contains(&name)
            && source_rel == name
            && generator != Generator::Mdbook;
        if project_file || (generator == Generator::Mdbook && root_rel == "SUMMARY.md") {
            return None;
        }
        return Some(true);
    }
    ATTACHMENTS.contains(&ext.as_str()).then_some(false)
}
