//! `signpost new`: starts a site from a small skeleton or the bundled guide.
//!
//! Both are built into the binary, so `signpost new` works wherever the
//! binary is copied. It writes only into an empty or new folder, so it can
//! never overwrite someone's work.

use std::path::Path;

use anyhow::bail;
use include_dir::{Dir, include_dir};

use crate::diagnostics::display_path;

static SKELETON: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/skeleton");
static GUIDE_CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");
static GUIDE_DATA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");
const GUIDE_CONFIG: &str = include_str!("../site.yaml");

/// Writes a new site into `dir`; returns how many files were written.
pub fn create(dir: &Path, from_guide: bool, with_theme: bool) -> anyhow::Result<usize> {
    if dir.is_file() {
        bail!("{} is a file: give the name of a new folder", dir.display());
    }
    if dir.is_dir() && std::fs::read_dir(dir)?.next().is_some() {
        bail!(
            "{} is not empty: Signpost only starts new sites in an empty or new folder, so it never overwrites your work",
            dir.display()
        );
    }
    let mut files: Vec<(String, &'static [u8])> = Vec::new();
    if from_guide {
        files.push(("site.yaml".to_owned(), GUIDE_CONFIG.as_bytes()));
        collect(&GUIDE_CONTENT, "content", &mut files);
        collect(&GUIDE_DATA, "data", &mut files);
    } else {
        collect(&SKELETON, "", &mut files);
    }
    if with_theme {
        for (rel, bytes) in crate::render::theme::builtin_files() {
            files.push((format!("themes/default/{rel}"), bytes));
        }
    }
    for (rel, bytes) in &files {
        crate::fsutil::write(&dir.join(rel), bytes)?;
    }
    Ok(files.len())
}

fn collect(dir: &'static Dir<'static>, prefix: &str, files: &mut Vec<(String, &'static [u8])>) {
    for file in dir.files() {
        let rel = display_path(file.path());
        let path = if prefix.is_empty() {
            rel
        } else {
            format!("{prefix}/{rel}")
        };
        files.push((path, file.contents()));
    }
    for sub in dir.dirs() {
        collect(sub, prefix, files);
    }
}
