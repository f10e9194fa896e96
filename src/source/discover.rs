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

/// One file found under `content/`, of this site or of a site it extends.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to `content/`, with `/` separators.
    pub rel: String,
    /// Where to read it from.
    pub origin: Origin,
    pub kind: FileKind,
    /// The path shown in messages: `content/{rel}` for this site's own
    /// files, `../national/content/{rel}` or `guide:content/{rel}` for a
    /// base site's (see `source::layers`).
    pub shown: String,
    /// Which site it comes from: 0 for this one, 1 for the site it
    /// extends, 2 for that site's base, and so on.
    pub layer: usize,
}

/// Where a source file's bytes are: on disk, or built into the binary (the
/// bundled guide, when a site has `extends: guide`).
#[derive(Debug, Clone)]
pub enum Origin {
    Disk(PathBuf),
    Bundled(&'static [u8]),
}

impl SourceFile {
    /// A file of this site's own `content/` folder.
    pub fn local(rel: String, path: PathBuf, kind: FileKind) -> SourceFile {
        let shown = format!("content/{rel}");
        SourceFile {
            rel,
            origin: Origin::Disk(path),
            kind,
            shown,
            layer: 0,
        }
    }

    /// The file's bytes, wherever they are: every reader goes through here.
    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        match &self.origin {
            Origin::Disk(path) => std::fs::read(path),
            Origin::Bundled(bytes) => Ok(bytes.to_vec()),
        }
    }

    /// The file's size in bytes, without reading a file on disk.
    pub fn len(&self) -> std::io::Result<u64> {
        match &self.origin {
            Origin::Disk(path) => std::fs::metadata(path).map(|m| m.len()),
            Origin::Bundled(bytes) => Ok(bytes.len() as u64),
        }
    }

    /// The path on disk, for a file that has one.
    pub fn disk_path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::Disk(path) => Some(path),
            Origin::Bundled(_) => None,
        }
    }
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
                problems.push(walk_error(&error, site_root));
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
        if let Some(problem) = refused(&entry, &name, &rel, &canonical_root) {
            problems.push(problem);
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
        files.push(SourceFile::local(rel, entry.path().to_path_buf(), kind));
    }
    (files, problems)
}

/// `unreadable-file` for an entry the walk could not read, named by its
/// path in the site, with the symlink loop told apart from other errors.
fn walk_error(error: &walkdir::Error, site_root: &Path) -> Diagnostic {
    let shown = error
        .path()
        .and_then(|p| p.strip_prefix(site_root).ok())
        .map_or_else(|| "content".to_owned(), display_path);
    let (message, help) = if error.loop_ancestor().is_some() {
        (
            "this symlink points back into a folder that contains it".to_owned(),
            "remove the symlink, or point it at a folder that does not contain it",
        )
    } else {
        (
            format!("cannot read this file or folder: {error}"),
            "check that the file exists and that you can open it",
        )
    };
    Diagnostic::error("unreadable-file", message)
        .in_file(shown)
        .help(help)
}

/// Why a file or folder is left out of the site, if it is: a name that
/// cannot be part of a web address, too many folders deep, or a symlink
/// out of the site folder. A refused folder is skipped with all it holds.
fn refused(
    entry: &walkdir::DirEntry,
    name: &str,
    rel: &str,
    canonical_root: &Path,
) -> Option<Diagnostic> {
    if let Some(problem) = bad_name(name, rel, entry.file_type().is_dir()) {
        return Some(problem);
    }
    if entry.depth() > MAX_FOLDER_DEPTH {
        return Some(
            Diagnostic::error(
                "too-deeply-nested",
                format!("this is more than {MAX_FOLDER_DEPTH} folders deep inside content/"),
            )
            .in_file(format!("content/{rel}"))
            .help("move it up: readers find pages more easily a few folders down"),
        );
    }
    if entry.path_is_symlink() && !points_inside(entry.path(), canonical_root) {
        return Some(
            Diagnostic::error(
                "path-escape",
                "this is a symlink to a file or folder outside the site folder",
            )
            .in_file(format!("content/{rel}"))
            .help("copy the file into the site folder instead of linking to it"),
        );
    }
    None
}

/// How many folders deep a file may sit under `content/`. Sections nest
/// as folders, and a handful is plenty for readers.
pub const MAX_FOLDER_DEPTH: usize = 16;

/// Characters that break a web address made from a file name: they end the
/// path (`#`, `?`), start an escape (`%`), read as a scheme (`:`), are not
/// allowed in URLs at all, or differ between systems (`\`).
fn breaks_addresses(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            ':' | '#'
                | '?'
                | '%'
                | '\\'
                | '"'
                | '<'
                | '>'
                | '|'
                | '*'
                | '^'
                | '`'
                | '['
                | ']'
                | '{'
                | '}'
        )
}

/// `bad-file-name` for a file or folder whose name cannot be part of a web
/// address, with a name that can.
fn bad_name(name: &str, rel: &str, is_dir: bool) -> Option<Diagnostic> {
    let bad: Vec<char> = name.chars().filter(|&c| breaks_addresses(c)).collect();
    if bad.is_empty() {
        return None;
    }
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, ext)) if !is_dir && !stem.is_empty() => (stem, format!(".{ext}")),
        _ => (name, String::new()),
    };
    let (stem, extension) = match stem.strip_suffix(".easy") {
        Some(twin) if extension == ".md" => (twin, ".easy.md".to_owned()),
        _ => (stem, extension),
    };
    let slug = crate::site::slug::slugify(stem);
    let suggestion = if slug.is_empty() {
        String::new()
    } else {
        format!("rename it to {slug}{extension}: ")
    };
    let shown: Vec<String> = bad
        .iter()
        .map(|c| match c {
            ' ' => "spaces".to_owned(),
            c if c.is_whitespace() || c.is_control() => format!("U+{:04X}", *c as u32),
            c => format!("`{c}`"),
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let what = if is_dir { "folder" } else { "file" };
    Some(
        Diagnostic::error(
            "bad-file-name",
            format!(
                "this {what} name has {}, which cannot be part of a web address",
                shown.join(", ")
            ),
        )
        .in_file(format!("content/{rel}"))
        .help(format!(
            "{suggestion}use lower-case letters, digits and hyphens, and update links to it"
        )),
    )
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
    fn names_that_break_addresses_get_a_slug() {
        let help = |name: &str| bad_name(name, name, false).and_then(|d| d.help);
        assert_eq!(
            help("javascript:alert(1).md").as_deref(),
            Some(
                "rename it to javascriptalert1.md: use lower-case letters, digits and hyphens, and update links to it"
            )
        );
        assert_eq!(
            help("Care plan leaflet.pdf").as_deref(),
            Some(
                "rename it to care-plan-leaflet.pdf: use lower-case letters, digits and hyphens, and update links to it"
            )
        );
        assert_eq!(
            help("My Plan.easy.md").as_deref(),
            Some(
                "rename it to my-plan.easy.md: use lower-case letters, digits and hyphens, and update links to it"
            )
        );
        let message = bad_name("a b#c?.md", "x/a b#c?.md", false).map(|d| d.message);
        assert_eq!(
            message.as_deref(),
            Some("this file name has `#`, `?`, spaces, which cannot be part of a web address")
        );
        for fine in [
            "crisis-plans.md",
            "_index.md",
            "gofal-cymraeg.cy.md",
            "ŵyn.md",
            "IMG_0123.JPG",
        ] {
            assert!(bad_name(fine, fine, false).is_none(), "{fine}");
        }
    }

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
