//! The list of the current section's pages that the default theme shows
//! beside the content on wide screens, and after it on narrow ones.
//!
//! A reader who arrived from a search engine lands in the middle of a
//! section; this list shows where they are and what else is there without
//! a trip back to the section page. Home and section pages get none: the
//! home page's "section" is the whole site (the site navigation lists it),
//! and a section page already lists its pages in its body.
//!
//! A long section would make the list longer than the page (a section of
//! 200 pages is 15 KB of links on every one of them), so past
//! [`MAX_ITEMS`] entries it shows the ones around the current page and
//! ends with a link to the section page, which lists them all.

use serde::Serialize;

use crate::site::assemble::Assembled;
use crate::site::model::{PageIdx, PageKind, Site};

/// The most entries the list shows before it is shortened.
pub const MAX_ITEMS: usize = 12;

#[derive(Serialize)]
pub struct SectionNavView {
    /// The section's title, the list's heading and its accessible name.
    title: String,
    /// The section page itself.
    url: String,
    items: Vec<SectionNavItem>,
    /// True when `items` is a window of a longer list: the theme ends the
    /// list with a link to the section page ("All pages in this section").
    shortened: bool,
}

#[derive(Serialize)]
struct SectionNavItem {
    title: String,
    url: String,
    /// The page being read (or its easy-read or standard twin), marked
    /// `aria-current="page"`.
    current: bool,
}

/// The section list for page `idx`, or `None` when it should have none: a
/// home or section page, a page at the top of its language, or a section
/// with nothing else in it.
pub fn section_nav(site: &Site, assembled: &Assembled, idx: PageIdx) -> Option<SectionNavView> {
    let page = &site.pages[idx];
    if !matches!(page.kind, PageKind::Page | PageKind::EasyRead)
        || page.section_dir == site.language_root(idx)
    {
        return None;
    }
    let section = site.sections.get(&page.section_dir)?;
    let is_current = |i: PageIdx| i == idx || site.twin(i) == Some(idx);
    let pages = section.pages.iter().copied().filter(|&i| site.is_listed(i));
    let subsections = section
        .subsections
        .iter()
        .filter_map(|dir| site.sections.get(dir).map(|s| s.index));
    let entries: Vec<PageIdx> = pages.chain(subsections).collect();
    if entries.len() < 2 {
        return None;
    }
    let current = entries.iter().position(|&i| is_current(i)).unwrap_or(0);
    let shown = window(entries.len(), current, MAX_ITEMS);
    Some(SectionNavView {
        title: site.pages[section.index].title().to_owned(),
        url: assembled.url(site, &page.dir, section.index),
        shortened: shown.len() < entries.len(),
        items: entries[shown]
            .iter()
            .map(|&i| SectionNavItem {
                title: site.pages[i].title().to_owned(),
                url: assembled.url(site, &page.dir, i),
                current: is_current(i),
            })
            .collect(),
    })
}

/// The range of at most `max` of `len` entries centred on `current`,
/// moved inwards at either end so it is always `max` long when it can be.
fn window(len: usize, current: usize, max: usize) -> std::ops::Range<usize> {
    if len <= max {
        return 0..len;
    }
    let start = current.saturating_sub(max / 2).min(len - max);
    start..start + max
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn the_window_centres_on_the_current_entry_and_stays_full_at_the_ends() {
        assert_eq!(window(5, 2, 12), 0..5);
        assert_eq!(window(100, 0, 12), 0..12);
        assert_eq!(window(100, 50, 12), 44..56);
        assert_eq!(window(100, 99, 12), 88..100);
        assert_eq!(window(13, 12, 12), 1..13);
        for current in 0..30 {
            let shown = window(30, current, 12);
            assert_eq!(shown.len(), 12);
            assert!(shown.contains(&current), "{current}: {shown:?}");
        }
    }
}
