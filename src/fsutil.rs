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

/// A path an author named that would lead outside the site folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Escape {
    /// `/etc/passwd`, `C:\…`: absolute paths are never inside the site.
    Absolute,
    /// `../../x`: climbs above the site folder.
    Climbs,
    /// Inside by name, but a symlink on the way leads out.
    Symlink,
}

impl Escape {
    pub fn describe(&self) -> &'static str {
        match self {
            Escape::Absolute => "is an absolute path",
            Escape::Climbs => "climbs out of the site folder with `..`",
            Escape::Symlink => "is a symlink to somewhere outside the site folder",
        }
    }
}

/// The one gate for every path an author names (a logo, a data file, a
/// theme folder): resolves `rel` under `root` and makes sure it stays
/// there, first by its name (no absolute paths, no `..` above the root),
/// then, if it exists, through every symlink on the way.
///
/// A path that does not exist yet passes the name test only; whoever reads
/// it reports it as missing.
pub fn inside(root: &Path, rel: &str) -> Result<std::path::PathBuf, Escape> {
    use std::path::Component;
    let named = Path::new(rel);
    if named.is_absolute() || rel.starts_with(['/', '\\']) || named.has_root() {
        return Err(Escape::Absolute);
    }
    let mut normal = std::path::PathBuf::new();
    for part in rel.split(['/', '\\']) {
        match Path::new(part).components().next() {
            None | Some(Component::CurDir) => {}
            Some(Component::ParentDir) => {
                if !normal.pop() {
                    return Err(Escape::Climbs);
                }
            }
            Some(Component::Normal(_)) => normal.push(part),
            Some(Component::Prefix(_) | Component::RootDir) => return Err(Escape::Absolute),
        }
    }
    let path = root.join(&normal);
    if std::fs::symlink_metadata(&path).is_ok() {
        let canonical_root = root.canonicalize().map_err(|_| Escape::Symlink)?;
        match path.canonicalize() {
            Ok(target) if target.starts_with(&canonical_root) => {}
            _ => return Err(Escape::Symlink),
        }
    }
    Ok(path)
}

/// `path-escape` for a path named in a setting or a data file's place.
pub fn path_escape(file: &str, named: &str, escape: &Escape) -> crate::diagnostics::Diagnostic {
    crate::diagnostics::Diagnostic::error(
        "path-escape",
        format!(
            "`{named}` {}: Signpost reads only files inside the site folder",
            escape.describe()
        ),
    )
    .in_file(file)
    .help("copy the file into the site folder and name it by its path there, like brand/logo.svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_site() {
        let site = tempfile::tempdir().expect("tempdir");
        let root = site.path();
        std::fs::create_dir_all(root.join("brand")).expect("mkdir");
        std::fs::write(root.join("brand/logo.svg"), "<svg/>").expect("write");
        assert_eq!(
            inside(root, "brand/logo.svg"),
            Ok(root.join("brand/logo.svg"))
        );
        assert_eq!(
            inside(root, "./brand/../brand/logo.svg"),
            Ok(root.join("brand/logo.svg"))
        );
        assert_eq!(inside(root, "missing.png"), Ok(root.join("missing.png")));
        assert_eq!(inside(root, "../../../../etc/passwd"), Err(Escape::Climbs));
        assert_eq!(inside(root, "brand/../../x"), Err(Escape::Climbs));
        assert_eq!(inside(root, "/etc/passwd"), Err(Escape::Absolute));
        assert_eq!(inside(root, "\\etc\\passwd"), Err(Escape::Absolute));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_site_are_refused() {
        let site = tempfile::tempdir().expect("tempdir");
        let outside = tempfile::tempdir().expect("tempdir");
        std::fs::write(outside.path().join("secret"), "x").expect("write");
        std::os::unix::fs::symlink(outside.path().join("secret"), site.path().join("logo.png"))
            .expect("symlink");
        std::os::unix::fs::symlink(outside.path(), site.path().join("brand")).expect("symlink");
        assert_eq!(inside(site.path(), "logo.png"), Err(Escape::Symlink));
        assert_eq!(inside(site.path(), "brand/secret"), Err(Escape::Symlink));
    }
}
