//! Signpost turns a folder of Markdown guidance into an accessible,
//! low-bandwidth website.
//!
//! The pipeline: `discover` walks `content/`; `load` reads each file and its
//! strict front matter (`front_matter`, `config`, `data`); `markdown` renders
//! bodies in parallel with Signpost's extensions; `assemble` works out
//! navigation; `checks` inspect the rendered site; `templates` apply the
//! theme through Tera views; `minify` shrinks each page; and `output` writes
//! the in-memory result atomically. Content problems are collected as
//! `diagnostics` with file and line, never thrown, so one run reports them all.

// A `Diagnostic` is the normal result for bad content, not a rare failure,
// and it is built once per problem: boxing it would only add noise.
#![allow(clippy::result_large_err)]

pub mod checks;
pub mod cli;
pub mod diagnostics;
pub mod fsutil;
pub mod gates;
pub mod new_site;
pub mod options;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod render;
#[cfg(feature = "serve")]
pub mod serve;
pub mod single_page;
pub mod site;
pub mod source;
#[cfg(test)]
pub(crate) mod test_support;
pub mod text;

// Old flat paths, kept while the modules move into their stage folders.
pub use gates::{active_content, safe_url};
pub use pipeline as build;
pub use render::{booklet, markdown, minify, template_safety, templates, theme};
pub use site::{assemble, dates, load, model, slug, urls};
pub use source::{attachments, config, data, discover, front_matter, yaml};
pub use text::{contrast, escape, plain_words, readability, text_fold};
