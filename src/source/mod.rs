//! Stage 1, **source**: everything read from the site folder, and nothing
//! else. Finds the files (`discover`), reads and decodes them, splits and
//! parses front matter (`front_matter`, `yaml`), reads `site.yaml`
//! (`config`) and `data/` (`data`), refuses attachments that carry active
//! content (`attachments`), and puts it all into a `site::Site` (`load`).
//! Later stages never read the disk for content again.

pub mod attachments;
pub mod config;
pub mod data;
pub mod discover;
pub mod front_matter;
pub mod load;
pub mod yaml;
