//! Signpost turns a folder of Markdown guidance into an accessible,
//! low-bandwidth website.
//!
//! The pipeline ([`pipeline::build_site`]) runs the stages in order, each a
//! folder with one job:
//!
//! 1. `source` reads the site folder: finds the files, decodes them, parses
//!    front matter, `site.yaml` and `data/`, and refuses attachments that
//!    carry active content;
//! 2. `site` puts them together into the model (pages, sections, easy-read
//!    twins) and assembles navigation and the help banner;
//!    `images` then reads each picture's size from its header (and, with
//!    `images: {resize: true}`, makes the smaller copies that ship);
//! 3. `render` turns each page's Markdown into HTML in parallel, with
//!    Signpost's extensions, then applies the theme's templates and minifies;
//! 4. [`checks`] inspect the rendered site: links, headings, reading level,
//!    words, easy read, review dates, contacts;
//! 5. `output` writes the result atomically, keeping unchanged files.
//!
//! `text` (reading level, word lists, case folding), [`gates`] (the URL
//! allow-list and the active-content scan) and [`diagnostics`] are leaves
//! every stage may use. Content problems are collected as diagnostics with
//! file and line, never thrown, so one run reports them all. `build`,
//! `check` and [`serve`] all go through the same pipeline.

// A `Diagnostic` is the normal result for bad content, not a rare failure,
// and it is built once per problem: boxing it would only add noise.
#![allow(clippy::result_large_err)]

// What the binary, the tests and the fuzz target use.
pub mod checks;
pub mod cli;
pub mod diagnostics;
pub mod editions;
pub mod gates;
pub mod github_pages;
pub mod import;
pub mod new_site;
pub mod options;
pub mod pipeline;
#[cfg(feature = "serve")]
pub mod serve;
pub mod single_page;
pub mod translate;

// The stages and leaves, used only inside the library.
pub(crate) mod fsutil;
pub(crate) mod images;
pub(crate) mod output;
pub(crate) mod progress;
pub(crate) mod render;
pub(crate) mod site;
pub(crate) mod source;
#[cfg(test)]
pub(crate) mod test_support;
pub(crate) mod text;
