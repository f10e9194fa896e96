//! Checks that need the whole rendered site, run by both `build` and `check`.

pub mod links;
