//! `signpost translate`: the state of a site's translations
//! (`status`), and the XLIFF round trip translation agencies use
//! (`export`, `import`).

pub mod status;
