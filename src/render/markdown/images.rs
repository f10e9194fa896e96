//! The `<img>` Signpost writes for a picture of the site.
//!
//! Every picture gets its `width` and `height` (read from the file, see
//! `crate::images`), so the browser keeps its room while it loads and the
//! words below do not jump. A picture with a smaller WebP twin is wrapped
//! in `<picture>`, so browsers that read WebP fetch that one.
//!
//! Lazy loading: the first picture of a page, and the pictograms of its
//! first four easy-read rows, load at once, because they are on or near
//! the first screen; every later one has `loading="lazy"`, so a reader who
//! stops early does not pay for it. Pictures (not the tiny pictograms)
//! also get `decoding="async"`, so a large photo does not hold up the
//! words. A booklet is for printing and loads everything at once.

use super::PageState;
use crate::text::escape::escape_html;

/// How many pictures and pictograms the page has shown so far.
#[derive(Debug, Default)]
pub struct ImagesSeen {
    pictures: usize,
    pictograms: usize,
}

/// Pictograms of the first easy-read rows that load at once: a 64-pixel
/// row and its words are about 100 pixels, and four of them, under the
/// header and help banner, fill a phone's first screen.
const EAGER_PICTOGRAMS: usize = 4;

/// One image's markup, made once and written inline or in a `<figure>`.
pub struct Img {
    src: String,
    alt: String,
    /// Everything after `title`: size, class, loading.
    attrs: String,
    /// The `srcset` of a smaller WebP twin.
    webp: Option<String>,
}

impl Img {
    /// `asset` is the file under `content/` the image shows, if it is one.
    pub fn new(
        src: &str,
        alt: &str,
        pictogram: bool,
        asset: Option<&str>,
        state: &mut PageState,
    ) -> Img {
        let in_booklet = state.ctx.booklet.is_some();
        let mut attrs = String::new();
        let mut webp = None;
        let lazy = if pictogram {
            attrs.push_str(" width=\"64\" height=\"64\" class=\"pictogram\"");
            state.images_seen.pictograms += 1;
            state.images_seen.pictograms > EAGER_PICTOGRAMS
        } else {
            let facts = asset.and_then(|rel| state.ctx.site.images.get(rel));
            if let Some(facts) = facts {
                attrs.push_str(&format!(
                    " width=\"{}\" height=\"{}\"",
                    facts.width, facts.height
                ));
                webp = facts
                    .resized
                    .as_ref()
                    .and_then(|r| r.webp.as_ref())
                    .map(|(rel, _)| state.relative_url(rel, false));
            }
            state.images_seen.pictures += 1;
            state.images_seen.pictures > 1
        };
        if lazy && !in_booklet {
            attrs.push_str(" loading=\"lazy\"");
        }
        if !pictogram {
            attrs.push_str(" decoding=\"async\"");
        }
        Img {
            src: src.to_owned(),
            alt: alt.to_owned(),
            attrs,
            webp,
        }
    }

    /// The markup, with `title_attr` (` title="…"` or nothing).
    pub fn html(&self, title_attr: &str) -> String {
        let img = format!(
            "<img src=\"{}\" alt=\"{}\"{title_attr}{}>",
            escape_html(&self.src),
            escape_html(&self.alt),
            self.attrs
        );
        match &self.webp {
            Some(srcset) => format!(
                "<picture><source type=\"image/webp\" srcset=\"{}\">{img}</picture>",
                escape_html(srcset)
            ),
            None => img,
        }
    }
}
