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

pub mod active_content;
pub mod assemble;
pub mod attachments;
pub mod booklet;
pub mod build;
pub mod checks;
pub mod cli;
pub mod config;
pub mod contrast;
pub mod data;
pub mod dates;
pub mod diagnostics;
pub mod discover;
pub mod escape;
pub mod front_matter;
pub mod fsutil;
pub mod load;
pub mod markdown;
pub mod minify;
pub mod model;
pub mod new_site;
pub mod options;
pub mod output;
pub mod plain_words;
pub mod progress;
pub mod readability;
pub mod safe_url;
#[cfg(feature = "serve")]
pub mod serve;
pub mod single_page;
pub mod slug;
pub mod template_safety;
pub mod templates;
#[cfg(test)]
pub(crate) mod test_support;
pub(crate) mod text_data;
pub mod text_fold;
pub mod theme;
pub mod urls;
pub mod yaml;
