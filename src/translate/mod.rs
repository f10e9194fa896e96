//! `signpost translate`: the state of a site's translations (`status`), and
//! the XLIFF round trip translation agencies use (`export`, `import`).
//!
//! `export` turns each page of the default language into translation units
//! ([`units`]: Markdown to units, [`xliff`]: units to XLIFF 1.2);
//! `import` reads the translated file ([`xliff_read`]) and writes each
//! page's `NAME.LANG.md` ([`rebuild`]: the source's Markdown with the
//! translated texts in place), stamped with the source's hash so `check`
//! can tell when the source moves on, and with its own hash so a later
//! import never overwrites hand edits without saying so.

pub(crate) mod rebuild;
#[cfg(test)]
mod round_trip_tests;
pub(crate) mod site_files;
pub mod status;
pub(crate) mod units;
pub(crate) mod worksheet_units;
pub(crate) mod xliff;
pub mod xliff_export;
pub mod xliff_import;
pub mod xliff_read;
