//! Stage 1, **source**: everything read from the site folder, and nothing
//! else. Finds the files (`discover`), reads and decodes them, splits and
//! parses front matter (`front_matter`, `yaml`), reads `site.yaml`
//! (`config`) and `data/` (`data`), and refuses attachments that carry active
//! content (`attachments`). `site::load` puts the parts together into a
//! `site::Site`; later stages never read the disk for content again.

pub mod attachments;
pub mod bundled;
pub mod config;
pub mod data;
pub mod data_merge;
pub mod discover;
pub mod foreign_keys;
pub mod front_matter;
pub mod layers;
pub mod yaml;
