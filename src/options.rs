//! What the library is asked to do, already validated: the CLI converts its
//! arguments into these at once, so clap types never reach the library.

use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holds `site.yaml` and `content/`).
    pub root: PathBuf,
    /// Where `build` writes the site.
    pub out: PathBuf,
    /// Include pages marked `draft: true`.
    pub drafts: bool,
    /// Print nothing but problems.
    pub quiet: bool,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root: PathBuf = root.into();
        // `output` reads better than `./output` in messages.
        let out = if root == std::path::Path::new(".") {
            PathBuf::from("output")
        } else {
            root.join("output")
        };
        BuildOptions {
            out,
            root,
            drafts: false,
            quiet: false,
        }
    }
}
