//! The loaded site: pages as parsed input, sections, assets and data.
//!
//! A [`Page`] is only what was read from disk (path, front matter, Markdown).
//! What rendering produces lives in `markdown::Rendered`, so no code can read
//! a page's HTML before it exists. Pages are kept sorted by source path and
//! addressed by index, so every walk over the site is deterministic.

use std::collections::BTreeMap;

use crate::source::config::SiteConfig;
use crate::source::data::SiteData;
use crate::source::discover::SourceFile;
use crate::source::front_matter::FrontMatter;

/// Index of a page in [`Site::pages`].
pub type PageIdx = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `content/_index.md`.
    Home,
    /// `_index.md` of a sub-folder.
    Section,
    Page,
    /// `name.easy.md`, the easy-read variant of `name.md`.
    EasyRead,
}

#[derive(Debug, Clone)]
pub struct Page {
    /// Path under `content/` (`care-plans/crisis-plans.md`).
    pub rel: String,
    pub kind: PageKind,
    pub front: FrontMatter,
    /// The whole file, for positions and snippets.
    pub text: String,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
    /// Output folder (`care-plans/crisis-plans/`, or `""` for home).
    pub dir: String,
    /// Folder of the section this page is listed in (`""` for the home page's).
    pub section_dir: String,
    /// Where the page was read from, as shown in messages
    /// (`content/x.md`, or a base site's `../national/content/x.md`).
    pub shown: String,
    /// 0 for this site's own page, 1 for its base's, and so on.
    pub layer: usize,
    /// The page's language: the file's suffix (`NAME.cy.md`), else its
    /// `lang:`, else the site's language.
    pub lang: String,
    /// For a translation (`NAME.LANG.md`), the path of its source
    /// (`NAME.md`), which may not exist.
    pub translation_of: Option<String>,
}

impl Page {
    /// Path relative to the site root, as shown in messages.
    pub fn file(&self) -> String {
        self.shown.clone()
    }

    pub fn title(&self) -> &str {
        self.front.title.as_deref().unwrap_or_default()
    }

    /// The path its translations share: its own, or its source's.
    pub fn source_rel(&self) -> &str {
        self.translation_of.as_deref().unwrap_or(&self.rel)
    }

    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// Weight first, then title: the documented listing order.
    pub fn order_key(&self) -> (i64, String, String) {
        (
            self.front.weight.unwrap_or(i64::MAX),
            self.title().to_lowercase(),
            self.rel.clone(),
        )
    }
}

/// A folder with an `_index.md`: its own page, its pages and its sub-sections.
#[derive(Debug, Clone, Default)]
pub struct Section {
    pub dir: String,
    pub index: PageIdx,
    /// Pages in listing order.
    pub pages: Vec<PageIdx>,
    /// Sub-section folders in listing order.
    pub subsections: Vec<String>,
    /// Parent section folder; `None` for home.
    pub parent: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    pub pages: Vec<Page>,
    /// Section folder -> section; `""` is the home section.
    pub sections: BTreeMap<String, Section>,
    pub assets: Vec<SourceFile>,
    pub data: SiteData,
    /// Each page with an easy-read twin, and each easy-read page with its
    /// standard twin (both directions).
    pub twins: BTreeMap<PageIdx, PageIdx>,
    /// Markdown files (paths under `content/`) left out because their front
    /// matter could not be read. They are reported once, where the problem
    /// is; links to them are not reported again as broken.
    pub unreadable: std::collections::BTreeSet<String>,
    /// `site.yaml` as read, for the lines of its settings in messages: no
    /// later stage reads the file again.
    pub config_text: String,
    /// What this site keeps of the sites it extends (`extends:`): hidden
    /// pages, overridden base pages. Empty for a site that extends none.
    pub edition: crate::site::layering::Edition,
    /// The size of each picture, and its resized copy (`crate::images`):
    /// filled by the pipeline before pages are rendered.
    pub images: std::sync::Arc<crate::images::ImageTable>,
}

impl Site {
    /// Pairs `name.easy.md` with `name.md` in the same folder (and
    /// `name.easy.cy.md` with `name.cy.md`).
    pub fn pair_twins(pages: &[Page]) -> BTreeMap<PageIdx, PageIdx> {
        let mut twins = BTreeMap::new();
        for (easy, page) in pages.iter().enumerate() {
            if page.kind != PageKind::EasyRead {
                continue;
            }
            let standard_rel = match &page.translation_of {
                Some(source) => {
                    let suffix = &page.rel[source.len() - 3..];
                    source.replace(".easy.md", suffix)
                }
                None => page.rel.replace(".easy.md", ".md"),
            };
            if let Ok(standard) = pages.binary_search_by(|p| p.rel.as_str().cmp(&standard_rel)) {
                twins.insert(easy, standard);
                twins.insert(standard, easy);
            }
        }
        twins
    }

    /// The easy-read version of a standard page, or the standard version of an easy-read page.
    pub fn twin(&self, idx: PageIdx) -> Option<PageIdx> {
        self.twins.get(&idx).copied()
    }

    /// Whether a page appears in its section's listing: easy-read pages are
    /// listed only when they have no standard twin to be listed with.
    pub fn is_listed(&self, idx: PageIdx) -> bool {
        self.pages[idx].kind != PageKind::EasyRead || self.twin(idx).is_none()
    }

    /// The page in every language that shares `idx`'s source, in the
    /// order of `languages:` (the page itself among them). Empty for a
    /// page with no translations.
    pub fn versions(&self, idx: PageIdx) -> Vec<PageIdx> {
        if self.config.languages.is_empty() {
            return Vec::new();
        }
        let source = self.pages[idx].source_rel();
        let mut found: Vec<PageIdx> = self
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.source_rel() == source)
            .map(|(i, _)| i)
            .collect();
        if found.len() < 2 {
            return Vec::new();
        }
        let codes = self.config.language_codes();
        found.sort_by_key(|&i| {
            codes
                .iter()
                .position(|c| *c == self.pages[i].lang)
                .unwrap_or(usize::MAX)
        });
        found
    }

    /// The version of page `idx` in `lang`, or `idx` itself when it has none.
    pub fn in_language(&self, idx: PageIdx, lang: &str) -> PageIdx {
        self.versions(idx)
            .into_iter()
            .find(|&i| self.pages[i].lang == lang)
            .unwrap_or(idx)
    }

    /// The page in the default language a translation was made from.
    pub fn source_of(&self, idx: PageIdx) -> Option<PageIdx> {
        self.page_by_rel(self.pages[idx].translation_of.as_deref()?)
    }

    /// The folder a page's language is built under: `""` or `cy/`.
    pub fn language_root(&self, idx: PageIdx) -> String {
        let page = &self.pages[idx];
        match page.translation_of {
            Some(_) => format!("{}/", page.lang),
            None => String::new(),
        }
    }

    /// The home section of a language root (`""` or `cy/`), falling back
    /// to the site's home.
    pub fn home_of(&self, root: &str) -> &Section {
        self.sections.get(root).unwrap_or_else(|| self.home())
    }

    /// The home section. Every site that reaches assembly has one: the
    /// pipeline stops after loading when `content/_index.md` is missing or
    /// unreadable (see [`Site::has_home`]).
    pub fn home(&self) -> &Section {
        &self.sections[""]
    }

    /// Whether the home page loaded; without it nothing can be assembled.
    pub fn has_home(&self) -> bool {
        self.sections.contains_key("")
    }

    /// The page of a source path under `content/`.
    pub fn page_by_rel(&self, rel: &str) -> Option<PageIdx> {
        self.pages
            .binary_search_by(|p| p.rel.as_str().cmp(rel))
            .ok()
    }

    /// The page whose front matter asks for `template`.
    pub fn page_with_template(&self, template: &str) -> Option<PageIdx> {
        self.pages
            .iter()
            .position(|p| p.front.template.as_deref() == Some(template))
    }

    /// Sections from the home section down to (and including) `dir`.
    pub fn section_chain(&self, dir: &str) -> Vec<&Section> {
        let mut chain = Vec::new();
        let mut current = self.sections.get(dir);
        while let Some(section) = current {
            chain.push(section);
            current = section.parent.as_ref().and_then(|p| self.sections.get(p));
        }
        chain.reverse();
        chain
    }
}
