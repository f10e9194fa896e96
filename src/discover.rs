//! Finds the files of a site's `content/` folder.
//!
//! Markdown files become pages and sections; everything else is an asset
//! copied beside its page. Hidden files and editor leftovers are skipped so a
//! half-saved file never reaches readers. A symlink may point anywhere inside
//! the site folder, never outside it: a site must not publish files from
//! elsewhere on the author's machine by accident.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, display_path};

/// What a file under `content/` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Markdown,
    Asset,
}

/// One file found under `content/`.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to `content/`, with `/` separators.
    pub rel: String,
    /// Where to read it from.
    pub path: PathBuf,
    pub kind: FileKind,
}

/// Walks `content_dir` in a stable (sorted) order.
pub fn discover(site_root: &Path, content_dir: &Path) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let canonical_root = site_root
        .canonicalize()
        .unwrap_or_else(|_| site_root.to_path_buf());

    let mut walker = WalkDir::new(content_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let shown = error
                    .path()
                    .and_then(|p| p.strip_prefix(site_root).ok())
                    .map_or_else(|| "content".to_owned(), display_path);
                let message = if error.loop_ancestor().is_some() {
                    "this symlink points back into a folder that contains it".to_owned()
                } else {
                    format!("cannot read this file or folder: {error}")
                };
                problems.push(
                    Diagnostic::error("unreadable-file", message)
                        .in_file(shown)
                        .help("check that the file exists and that you can open it"),
                );
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if is_ignored(&name) {
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        let rel_path = entry
            .path()
            .strip_prefix(content_dir)
            .unwrap_or(entry.path());
        let rel = display_path(rel_path);
        if entry.path_is_symlink() && !points_inside(entry.path(), &canonical_root) {
            problems.push(
                Diagnostic::error(
                    "path-escape",
                    "this is a symlink to a file or folder outside the site folder",
                )
                .in_file(format!("content/{rel}"))
                .help("copy the file into the site folder instead of linking to it"),
            );
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let kind = if rel.ends_with(".md") {
            FileKind::Markdown
        } else {
            FileKind::Asset
        };
        files.push(SourceFile {
            rel,
            path: entry.path().to_path_buf(),
            kind,
        });
    }
    (files, problems)
}

/// Hidden files, and files editors leave while saving.
fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || name == "4913"
        || name == "Thumbs.db"
}

fn points_inside(path: &Path, canonical_root: &Path) -> bool {
    path.canonicalize()
        .map(|target| target.starts_with(canonical_root))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_hidden_and_editor_files() {
        for name in [
            ".DS_Store",
            "page.md~",
            "#page.md#",
            ".page.md.swp",
            "4913",
            "x.tmp",
        ] {
            assert!(is_ignored(name), "{name}");
        }
        for name in ["page.md", "photo.jpg", "_index.md"] {
            assert!(!is_ignored(name), "{name}");
        }
    }
}
