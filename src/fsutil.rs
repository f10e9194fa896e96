//! File-system helpers that name the path in every error, so an I/O failure
//! reads "cannot read content/a.md: permission denied", never just the cause.

use std::io;
use std::path::Path;

use anyhow::Context as _;

/// Reads a file that may be missing: `Ok(None)` when it is not there.
/// Returns bytes: decoding (and its `not-utf8` finding with a line) is
/// `diagnostics::decode_text`'s job.
pub fn read_optional(path: &Path) -> anyhow::Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

pub fn read_bytes(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

pub fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

pub fn create_dir_all(path: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(path)
        .with_context(|| format!("cannot create the folder {}", path.display()))
}
