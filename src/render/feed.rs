//! `feed.xml`: an Atom feed of the most recently reviewed pages, for people
//! and services that follow a guide's changes (a GP practice's newsletter,
//! a charity's "what's new" page, a feed reader).
//!
//! Atom needs absolute addresses, so the feed is written only when
//! `base_url` is set. Pages are ordered by `reviewed`, newest first, then
//! by path, so the same site always gives the same bytes.

use crate::site::dates::Date;
use crate::site::model::{PageIdx, Site};
use crate::text::escape::escape_html;

/// How many pages the feed lists.
pub const ENTRIES: usize = 20;

/// The most recently reviewed pages among those `keep` accepts, newest
/// first. The feed keeps every page; the "What has changed" page keeps its
/// language's, so both show the same choice in the same order.
pub fn recent(site: &Site, keep: impl Fn(PageIdx) -> bool) -> Vec<(PageIdx, Date)> {
    let mut pages: Vec<(PageIdx, Date)> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(idx, _)| keep(*idx))
        .filter_map(|(idx, page)| page.front.reviewed.map(|date| (idx, date)))
        .collect();
    pages.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    pages.truncate(ENTRIES);
    pages
}

/// The feed, or `None` when the site has no `base_url` or no reviewed page.
pub fn atom(site: &Site) -> Option<String> {
    let base = site.config.base_url()?;
    let recent = recent(site, |_| true);
    let newest = recent.first()?.1;
    let e = xml_text;
    let author = site
        .config
        .brand
        .as_ref()
        .map_or(site.config.title.as_str(), |b| b.name.as_str());
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         <title>{title}</title>\n",
        lang = e(&site.config.language),
        title = e(&site.config.title),
    );
    if !site.config.description.is_empty() {
        xml.push_str(&format!(
            "<subtitle>{}</subtitle>\n",
            e(&site.config.description)
        ));
    }
    xml.push_str(&format!(
        "<link href=\"{base}feed.xml\" rel=\"self\" type=\"application/atom+xml\"/>\n\
         <link href=\"{base}\" rel=\"alternate\" type=\"text/html\"/>\n<id>{base}</id>\n\
         <updated>{}T00:00:00Z</updated>\n<author><name>{}</name></author>\n",
        newest.iso(),
        e(author),
        base = e(&base),
    ));
    for (idx, reviewed) in recent {
        let page = &site.pages[idx];
        let url = e(&format!("{base}{}", page.dir));
        xml.push_str(&format!(
            "<entry>\n<title>{}</title>\n<link href=\"{url}\" rel=\"alternate\" type=\"text/html\"/>\n\
             <id>{url}</id>\n<updated>{}T00:00:00Z</updated>\n",
            e(page.title()),
            reviewed.iso(),
        ));
        if let Some(summary) = &page.front.summary {
            xml.push_str(&format!("<summary>{}</summary>\n", e(summary)));
        }
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    Some(xml)
}

/// Text made safe for XML 1.0: escaped, and without the control characters
/// XML forbids (YAML can hold them as escapes; one would make the whole
/// feed unreadable to every reader app).
fn xml_text(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    escape_html(&allowed)
}
