//! Stage 2, **site**: the site put together from its sources (`load`), as a model (`model`: pages,
//! sections, twins), where each page goes (`urls`, `slug`), dates
//! (`dates`), and what is worked out across pages before rendering:
//! navigation, breadcrumbs, the help banner (`assemble`), and the stamp a
//! derived page (translation or local override) keeps of its source (`provenance`), and which language each page is in (`translation`).

pub mod aliases;
pub mod assemble;
pub mod dates;
pub mod layering;
pub mod load;
pub mod model;
pub mod provenance;
pub mod slug;
pub mod translation;
pub mod urls;
