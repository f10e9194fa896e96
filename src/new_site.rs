//! `signpost new`: starts a site from a small skeleton or the bundled guide.
//!
//! Both are built into the binary, so `signpost new` works wherever the
//! binary is copied. It writes only into an empty or new folder, so it can
//! never overwrite someone's work.

use std::path::Path;

use anyhow::bail;

use crate::source::bundled::{GUIDE_CONFIG, GUIDE_CONTENT, GUIDE_DATA, SKELETON, collect};

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
