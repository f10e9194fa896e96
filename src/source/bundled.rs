//! The files built into the binary: the small skeleton `signpost new`
//! starts from, and the bundled Care Programme Approach guide, which
//! `signpost new --from-guide` copies and a local edition can extend with
//! `extends: guide` (so upgrading Signpost brings the national corrections).

use include_dir::{Dir, include_dir};

use crate::diagnostics::display_path;

pub static SKELETON: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/skeleton");
pub static GUIDE_CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");
pub static GUIDE_DATA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");
pub const GUIDE_CONFIG: &str = include_str!("../../site.yaml");

/// The name a site gives in `extends:` for the bundled guide.
pub const GUIDE: &str = "guide";

/// Every file of `dir`, with its path under `prefix` (`/` separators), in
/// the order `include_dir` holds them.
pub fn collect(dir: &'static Dir<'static>, prefix: &str, files: &mut Vec<(String, &'static [u8])>) {
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

/// A file of the bundled guide by its path in the guide's folder
/// (`site.yaml`, `content/get-help-now.md`, `data/contacts.yaml`).
pub fn guide_file(path: &str) -> Option<&'static [u8]> {
    if path == crate::source::config::FILE_NAME {
        return Some(GUIDE_CONFIG.as_bytes());
    }
    if let Some(rel) = path.strip_prefix("content/") {
        return GUIDE_CONTENT.get_file(rel).map(|f| f.contents());
    }
    if let Some(rel) = path.strip_prefix("data/") {
        return GUIDE_DATA.get_file(rel).map(|f| f.contents());
    }
    None
}
