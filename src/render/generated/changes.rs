//! "What has changed": the pages of one language reviewed most recently,
//! newest first, as HTML. It is the feed's list for people without a feed
//! reader, chosen by the same code (`feed::recent`), and it is written
//! whether or not the site knows its `base_url`.

use serde::Serialize;

use super::Plan;
use crate::render::i18n::Words;
use crate::render::views::DateView;
use crate::site::assemble::Assembled;
use crate::site::model::Site;

#[derive(Serialize)]
pub struct ChangesView {
    entries: Vec<Change>,
    /// `feed.xml`, when the site has one.
    feed_url: Option<String>,
}

#[derive(Serialize)]
struct Change {
    title: String,
    url: String,
    summary: Option<String>,
    /// The `reviewed` date, in the page's language.
    reviewed: DateView,
}

pub fn view(site: &Site, assembled: &Assembled, plan: &Plan, words: &Words) -> ChangesView {
    let entries = crate::render::feed::recent(site, |idx| site.language_root(idx) == plan.root)
        .into_iter()
        .map(|(idx, reviewed)| Change {
            title: site.pages[idx].title().to_owned(),
            url: assembled.url(site, &plan.dir, idx),
            summary: site.pages[idx].front.summary.clone(),
            reviewed: DateView::new(reviewed, words),
        })
        .collect();
    ChangesView {
        entries,
        feed_url: site
            .config
            .base_url()
            .map(|_| crate::site::urls::relative(&plan.dir, "feed.xml", false)),
    }
}
