//! Writes the built site to disk, all or nothing.
//!
//! Nothing is written while the site has errors. Pages then go, as each is
//! finished, to a staging folder beside the output ([`Staging`]), which is
//! swapped in by renaming once the whole build has succeeded: a build that
//! fails on the way, or a failed write, leaves the previous `output/` as it
//! was. Files whose bytes did not change are hard-linked from the old
//! output instead of rewritten, so their timestamps stay put and sync tools
//! upload only what changed. Signpost only ever replaces a folder that holds
//! its marker file: it never deletes a folder it did not create.

pub mod precompress;
pub mod sink;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The file that marks a folder as Signpost's to replace.
pub const MARKER: &str = ".signpost-output";
const MARKER_TEXT: &str =
    "This folder was made by Signpost. Each build replaces it: do not edit files here.\n";

/// Built files by path relative to the output folder (`a/b/index.html`).
pub type OutputMap = BTreeMap<String, Vec<u8>>;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WriteSummary {
    pub written: usize,
    pub unchanged: usize,
}

/// Checks that `out` may be written to, before any work is done.
pub fn check_target(out: &Path) -> anyhow::Result<()> {
    if out.is_file() {
        bail!(
            "the output path {} is a file, not a folder: choose another --out, or move the file",
            out.display()
        );
    }
    if out.is_dir() && !is_ours(out) && !is_empty_dir(out)? {
        bail!(
            "refusing to write into {}: it is not empty and was not made by Signpost (it has no {MARKER} file). \
             Choose another --out folder, or empty this one yourself",
            out.display()
        );
    }
    Ok(())
}

/// Writes `files` as the new contents of `out`.
#[cfg(test)]
pub fn write_site(out: &Path, files: &OutputMap) -> anyhow::Result<WriteSummary> {
    use rayon::prelude::*;
    let staging = Staging::begin(out)?;
    files
        .par_iter()
        .try_for_each(|(rel, bytes)| staging.put(rel, bytes))?;
    staging.commit()
}

/// A new output being written in a folder beside the old one, file by
/// file and from any thread, then swapped in whole by [`Staging::commit`].
/// Dropped without a commit, it removes itself: the old output stays as
/// it was.
pub struct Staging {
    out: PathBuf,
    staging: PathBuf,
    retired: PathBuf,
    old_exists: bool,
    written: AtomicUsize,
    unchanged: AtomicUsize,
    committed: bool,
}

impl Staging {
    /// Makes the staging folder for `out`, after checking that `out` may
    /// be replaced, and clears what an interrupted build left there.
    pub fn begin(out: &Path) -> anyhow::Result<Staging> {
        let out = std::path::absolute(out)
            .with_context(|| format!("cannot resolve {}", out.display()))?;
        check_target(&out)?;
        let parent = out
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".to_owned());
        let staging = parent.join(format!(".{name}.signpost-new"));
        let retired = parent.join(format!(".{name}.signpost-old"));
        for leftover in [&staging, &retired] {
            remove_if_ours(leftover)?;
        }
        crate::fsutil::create_dir_all(&staging)?;
        crate::fsutil::write(&staging.join(MARKER), MARKER_TEXT.as_bytes())?;
        Ok(Staging {
            old_exists: out.is_dir(),
            out,
            staging,
            retired,
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            committed: false,
        })
    }

    /// The output folder this replaces.
    pub fn out_dir(&self) -> &Path {
        &self.out
    }

    /// Puts one file into the staging folder: hard-linked from the old
    /// output when its bytes are the same, so its timestamp stays put.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let target = self.staging.join(rel);
        if let Some(dir) = target.parent() {
            crate::fsutil::create_dir_all(dir)?;
        }
        if self.old_exists {
            let old = self.out.join(rel);
            if same_bytes(&old, bytes) && std::fs::hard_link(&old, &target).is_ok() {
                self.unchanged.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
        }
        crate::fsutil::write(&target, bytes)?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Swaps the staging folder in for the old output.
    pub fn commit(mut self) -> anyhow::Result<WriteSummary> {
        self.committed = true;
        let (out, staging, retired) = (&self.out, &self.staging, &self.retired);
        if self.old_exists {
            std::fs::rename(out, retired)
                .with_context(|| format!("cannot move the old output {} aside", out.display()))?;
            if let Err(error) = std::fs::rename(staging, out) {
                // Put the old site back so the reader-facing folder is never missing.
                let _ = std::fs::rename(retired, out);
                let _ = std::fs::remove_dir_all(staging);
                return Err(error)
                    .with_context(|| format!("cannot move the new site into {}", out.display()));
            }
            std::fs::remove_dir_all(retired)
                .with_context(|| format!("cannot remove the old output {}", retired.display()))?;
        } else if let Err(error) = std::fs::rename(staging, out) {
            let _ = std::fs::remove_dir_all(staging);
            return Err(error).with_context(|| format!("cannot create {}", out.display()));
        }
        Ok(WriteSummary {
            written: self.written.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            std::fs::read(path).is_ok_and(|old| old == bytes)
        }
        _ => false,
    }
}

/// A folder is Signpost's when it holds the marker as a real file. A
/// marker that is a symlink proves nothing: anyone could point one at a
/// file of that name elsewhere and have a folder they care about replaced.
fn is_ours(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.file_type().is_file())
}

fn is_empty_dir(dir: &Path) -> anyhow::Result<bool> {
    Ok(std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?
        .next()
        .is_none())
}

/// Removes a leftover staging folder from an interrupted build, but only if
/// Signpost made it.
fn remove_if_ours(dir: &Path) -> anyhow::Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    if dir.is_dir() && (is_ours(dir) || is_empty_dir(dir)?) {
        return std::fs::remove_dir_all(dir)
            .with_context(|| format!("cannot remove {}", dir.display()));
    }
    bail!(
        "{} is in the way and was not made by Signpost: move or delete it, then build again",
        dir.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pairs: &[(&str, &str)]) -> OutputMap {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn writes_then_only_rewrites_changed_files() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        let first =
            write_site(&out, &files(&[("index.html", "a"), ("x/index.html", "b")])).unwrap();
        assert_eq!(
            first,
            WriteSummary {
                written: 2,
                unchanged: 0
            }
        );
        let second =
            write_site(&out, &files(&[("index.html", "a"), ("x/index.html", "c")])).unwrap();
        assert_eq!(
            second,
            WriteSummary {
                written: 1,
                unchanged: 1
            }
        );
        assert_eq!(
            std::fs::read_to_string(out.join("x/index.html")).unwrap(),
            "c"
        );
        assert!(out.join(MARKER).is_file());
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no staging folders left behind");
    }

    #[test]
    fn removes_files_that_are_no_longer_built() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        write_site(&out, &files(&[("old/index.html", "a")])).unwrap();
        write_site(&out, &files(&[("index.html", "b")])).unwrap();
        assert!(!out.join("old").exists());
    }

    #[test]
    fn refuses_a_folder_it_did_not_make() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("mine");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("thesis.docx"), "precious").unwrap();
        let error = write_site(&out, &files(&[("index.html", "a")])).unwrap_err();
        assert!(
            error.to_string().contains("not made by Signpost"),
            "{error}"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("thesis.docx")).unwrap(),
            "precious"
        );
    }
}
