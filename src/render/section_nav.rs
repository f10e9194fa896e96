//! The list of the current section's pages that the default theme shows
//! beside the content on wide screens, and after it on narrow ones.
//!
//! A reader who arrived from a search engine lands in the middle of a
//! section; this list shows where they are and what else is there without
//! a trip back to the section page. Home and section pages get none: the
//! home page's "section" is the whole site (the site navigation lists it),
//! and a section page already lists its pages in its body.

use serde::Serialize;

use crate::site::assemble::Assembled;
use crate::site::model::{PageIdx, PageKind, Site};

#[derive(Serialize)]
pub struct SectionNavView {
    /// The section's title, the list's heading and its accessible name.
    title: String,
    /// The section page itself.
    url: String,
    items: Vec<SectionNavItem>,
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
    let items: Vec<SectionNavItem> = pages
        .chain(subsections)
        .map(|i| SectionNavItem {
            title: site.pages[i].title().to_owned(),
            url: assembled.url(site, &page.dir, i),
            current: is_current(i),
        })
        .collect();
    if items.len() < 2 {
        return None;
    }
    Some(SectionNavView {
        title: site.pages[section.index].title().to_owned(),
        url: assembled.url(site, &page.dir, section.index),
        items,
    })
}
