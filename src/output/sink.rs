//! Where the built files go as they are made.
//!
//! `serve` keeps every file in memory to answer requests from. `build`
//! writes each page into the staging folder the moment it is finished, so
//! a 100,000-page site never has all its HTML in memory at once; `check`
//! keeps nothing. All three see the same files, made by the same code.

use std::collections::BTreeSet;

use anyhow::Context as _;

use crate::output::{OutputMap, Staging, WriteSummary};

/// What becomes of the files a build makes.
pub enum Destination {
    /// Held in [`Sink::held`] (`serve`, and tests that look at the files).
    Memory,
    /// Written into a staging folder beside this output folder, swapped in
    /// by [`Sink::commit`] (`build`).
    Folder(std::path::PathBuf),
    /// Checked, then dropped (`check`).
    Nowhere,
}

/// The built files: held, staged or dropped as the destination says, with
/// every path kept so a later file cannot silently take a path already used.
pub struct Sink {
    held: OutputMap,
    staging: Option<Staging>,
    keep: bool,
    precompress: bool,
    paths: BTreeSet<String>,
}

/// One file after [`Sink::pass`]: its paths (with its compressed twins),
/// and its bytes when they are to be held.
pub struct Passed(Vec<(String, Vec<u8>)>);

impl Passed {
    /// A file that was not stored.
    pub fn nothing() -> Passed {
        Passed(Vec::new())
    }
}

impl Sink {
    /// A sink for `destination`. A folder's staging folder is made now.
    /// With `precompress`, every text file gets its `.gz` and `.br` twins.
    pub fn new(destination: &Destination, precompress: bool) -> anyhow::Result<Sink> {
        let staging = match destination {
            Destination::Folder(out) => Some(
                Staging::begin(out)
                    .with_context(|| format!("could not write the site to {}", out.display()))?,
            ),
            Destination::Memory | Destination::Nowhere => None,
        };
        Ok(Sink {
            held: OutputMap::new(),
            staging,
            keep: matches!(destination, Destination::Memory),
            // Nothing is kept from `check`: compressing would be wasted.
            precompress: precompress && !matches!(destination, Destination::Nowhere),
            paths: BTreeSet::new(),
        })
    }

    /// A sink that holds everything, without precompression (for tests).
    pub fn memory() -> Sink {
        Sink {
            held: OutputMap::new(),
            staging: None,
            keep: true,
            precompress: false,
            paths: BTreeSet::new(),
        }
    }

    /// The part of storing a file that may run on any thread: compressing
    /// it and writing it to the staging folder. Hand the result to
    /// [`Sink::record`] from the thread that owns the sink.
    pub fn pass(&self, path: &str, bytes: Vec<u8>) -> anyhow::Result<Passed> {
        let mut files = Vec::with_capacity(3);
        if self.precompress && crate::output::precompress::is_compressible(path) {
            files.push((
                format!("{path}.gz"),
                crate::output::precompress::gzip(&bytes),
            ));
            files.push((
                format!("{path}.br"),
                crate::output::precompress::brotli(&bytes),
            ));
        }
        files.push((path.to_owned(), bytes));
        if let Some(staging) = &self.staging {
            for (rel, bytes) in &files {
                staging.put(rel, bytes).with_context(|| {
                    format!(
                        "could not write the site to {}",
                        staging.out_dir().display()
                    )
                })?;
            }
        }
        if !self.keep {
            for (_, bytes) in &mut files {
                *bytes = Vec::new();
            }
        }
        Ok(Passed(files))
    }

    /// Notes the paths of a passed file, and holds its bytes in memory mode.
    pub fn record(&mut self, passed: Passed) {
        for (path, bytes) in passed.0 {
            if self.keep {
                self.held.insert(path.clone(), bytes);
            }
            self.paths.insert(path);
        }
    }

    /// Stores one file from the thread that owns the sink.
    pub fn insert(&mut self, path: String, bytes: Vec<u8>) -> anyhow::Result<()> {
        let passed = self.pass(&path, bytes)?;
        self.record(passed);
        Ok(())
    }

    /// Whether the files are held in memory, for `serve`.
    pub fn holds_files(&self) -> bool {
        self.keep
    }

    /// Whether a file is already at `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.paths.contains(path)
    }

    /// Takes the held files out.
    pub fn take_held(&mut self) -> OutputMap {
        std::mem::take(&mut self.held)
    }

    /// Swaps the staged output in, when there is one.
    pub fn commit(self) -> anyhow::Result<Option<WriteSummary>> {
        self.staging.map(Staging::commit).transpose()
    }
}
