//! Builds a [`Site`] from in-memory files for unit tests.

use crate::site::model::{Page, PageKind, Site};
use crate::source::config::SiteConfig;
use crate::source::discover::{FileKind, SourceFile};

/// `files` are (path under content/, text). Non-`.md` files become assets.
pub fn site_from(files: &[(&str, &str)]) -> Site {
    let mut pages = Vec::new();
    let mut assets = Vec::new();
    for (rel, text) in files {
        if !rel.ends_with(".md") {
            assets.push(SourceFile::local(
                (*rel).to_owned(),
                (*rel).into(),
                FileKind::Asset,
            ));
            continue;
        }
        let split =
            crate::source::front_matter::split_and_parse(rel, text).expect("valid front matter");
        let kind = if *rel == "_index.md" {
            PageKind::Home
        } else if crate::site::urls::is_section_index(rel) {
            PageKind::Section
        } else if rel.ends_with(".easy.md") {
            PageKind::EasyRead
        } else {
            PageKind::Page
        };
        let folder = rel.rsplit_once('/').map_or("", |(f, _)| f);
        let section_dir = match kind {
            PageKind::Home => String::new(),
            PageKind::Section => folder
                .rsplit_once('/')
                .map_or(String::new(), |(p, _)| format!("{p}/")),
            _ if folder.is_empty() => String::new(),
            _ => format!("{folder}/"),
        };
        pages.push(Page {
            rel: (*rel).to_owned(),
            kind,
            front: split.front,
            text: (*text).to_owned(),
            body_start: split.body_start,
            dir: crate::site::urls::page_dir(rel),
            section_dir,
            shown: format!("content/{rel}"),
            layer: 0,
            lang: "en".to_owned(),
            translation_of: None,
        });
    }
    pages.sort_by(|a, b| a.rel.cmp(&b.rel));
    Site {
        config: SiteConfig::parse("title: Test\n").expect("config"),
        pages,
        sections: Default::default(),
        assets,
        data: Default::default(),
        twins: Default::default(),
        unreadable: Default::default(),
        config_text: "title: Test\n".to_owned(),
        edition: Default::default(),
        images: Default::default(),
    }
}
