//! Stage 3, **render**: Markdown to HTML fragments (`markdown`, a chain of
//! small passes), the theme (`theme`, checked by `template_safety`), Tera
//! views and templates (`templates`), booklets (`booklet`), the pages Signpost
//! writes itself (`generated`: A–Z, changes, accessibility), and the
//! minifier (`minify`). Everything it writes is escaped (`text::escape`).

pub mod booklet;
pub mod feed;
pub mod generated;
pub mod i18n;
pub mod markdown;
pub mod minify;
pub mod redirects;
pub mod section_nav;
pub mod template_error;
pub mod template_safety;
pub mod templates;
pub mod theme;
pub mod views;
