//! Signpost's integration tests: fixture sites built by the real binary.
//!
//! One test binary (see matklad's "Delete Cargo Integration Tests"): each
//! module covers one area, and `harness` copies fixture sites into temporary
//! folders and runs `signpost` on them as an author would.

mod build;
mod checks;
mod cli;
mod easy_read;
mod editions;
mod errors;
mod findings;
mod generated;
mod guide;
mod hardening;
mod harness;
mod images;
mod import;
mod languages;
mod properties;
mod reader;
mod scale;
#[cfg(feature = "serve")]
mod serve;
mod size;
mod snapshots;
mod translate;
mod worksheets;
