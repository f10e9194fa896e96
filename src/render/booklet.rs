//! Printable booklets: a whole section, or the whole guide, as one page.
//!
//! People print guidance to take to a review or hand out in a group. A
//! booklet has a title page, a table of contents and each page as a chapter
//! starting on a new sheet. Chapters are rendered again from Markdown in
//! booklet mode, so links between chapters jump inside the document and ids
//! stay unique. The whole-guide booklet puts the worksheets section in an
//! appendix and prints the glossary at the end.

use crate::render::i18n::Words;
use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use super::views::DateView;
use crate::render::markdown::{self, BookletMode, RenderContext};
use crate::site::assemble::Assembled;
use crate::site::model::{PageIdx, PageKind, Site};
use crate::site::slug::slugify;

/// The template that lays out booklets; a theme without it gets none.
pub const TEMPLATE: &str = "booklet.html";

/// Output folder of the whole-guide booklet.
pub const GUIDE_DIR: &str = "booklet/";

/// What goes into one booklet.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Output folder (`booklet/` or `care-plans/booklet/`).
    pub dir: String,
    pub kind: BookletKind,
    /// Title and summary when they are not the cover page's (the easy-read booklet).
    pub title: Option<(String, String)>,
    /// The page whose title and summary the booklet takes.
    pub cover: PageIdx,
    pub parts: Vec<PartPlan>,
    pub appendix: Option<PartPlan>,
    pub glossary: bool,
    /// The large-print edition, at `DIR/large-print/` of the standard one.
    pub large_print: bool,
    /// In a translation's booklet, the default language's booklet pages
    /// that have no version in its language, listed at the end with links
    /// to them ("Not yet in Cymraeg").
    pub untranslated: Vec<PageIdx>,
}

impl Plan {
    /// Whether page `idx` is printed in this booklet.
    pub fn contains(&self, idx: PageIdx) -> bool {
        self.cover == idx
            || self
                .parts
                .iter()
                .chain(&self.appendix)
                .any(|p| p.intro == Some(idx) || p.chapters.contains(&idx))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BookletKind {
    Guide,
    Section,
    /// Every easy-read page, in the guide's order.
    #[serde(rename = "easy-read")]
    EasyRead,
    /// One page with a worksheet, on its own: its large-print edition.
    Worksheet,
}

/// The folder, under a booklet's or a worksheet page's own, of its
/// large-print edition.
pub const LARGE_PRINT: &str = "large-print/";

/// Output folder of the easy-read booklet.
pub const EASY_READ_DIR: &str = "booklet/easy-read/";

#[derive(Debug, Clone)]
pub struct PartPlan {
    /// The section page introducing the part.
    pub intro: Option<PageIdx>,
    pub title: String,
    pub chapters: Vec<PageIdx>,
}

/// The booklets this site gets, from `booklets:` in `site.yaml`, each
/// followed by its large-print edition; then the large-print edition of
/// each page for which `has_worksheet` is true.
///
/// Every language with a home page gets its own whole-guide and easy-read
/// booklets under its folder (`cy/booklet/`), made of its own pages and
/// titled in its words (`words_for(lang)`), when it has at least one
/// chapter of that kind: a booklet of a translated home page alone is not
/// worth printing. Each ends with the default language's booklet pages it
/// has no translation of, as links.
pub fn plans(
    site: &Site,
    words_for: &dyn Fn(&str) -> Arc<Words>,
    has_worksheet: impl Fn(PageIdx) -> bool,
) -> Vec<Plan> {
    let config = &site.config.booklets;
    let roots = language_roots(site);
    let default_words = words_for(&site.config.language);
    let mut standard = Vec::new();
    if config.guide {
        standard.push(guide_plan(site, "", &default_words));
    }
    if config.sections {
        standard.extend(section_plans(site, &roots));
    }
    if config.easy_read {
        standard.extend(easy_read_plan(site, "", &default_words));
    }
    for (root, lang) in roots.iter().skip(1) {
        let words = words_for(lang);
        if config.guide {
            let plan = guide_plan(site, root, &words);
            standard.extend(translated(site, lang, &default_words, plan));
        }
        if config.easy_read {
            let plan = easy_read_plan(site, root, &words);
            standard.extend(plan.and_then(|p| translated(site, lang, &default_words, p)));
        }
    }
    if !config.large_print {
        return standard;
    }
    let mut plans = Vec::with_capacity(standard.len() * 2);
    for plan in standard {
        let large = large_print_of(&plan);
        plans.push(plan);
        plans.push(large);
    }
    plans.extend(
        (0..site.pages.len())
            .filter(|&idx| has_worksheet(idx))
            .map(|idx| Plan {
                dir: format!("{}{LARGE_PRINT}", site.pages[idx].dir),
                kind: BookletKind::Worksheet,
                title: None,
                cover: idx,
                parts: Vec::new(),
                appendix: None,
                glossary: false,
                large_print: true,
                untranslated: Vec::new(),
            }),
    );
    plans
}

/// Each language's output folder (`""`, `cy/`) and code, the default
/// first, for the languages that have a home page.
fn language_roots(site: &Site) -> Vec<(String, String)> {
    let codes = site.config.language_codes();
    let default = site.config.language.clone();
    std::iter::once((String::new(), default))
        .chain(
            codes
                .iter()
                .skip(1)
                .map(|code| (format!("{code}/"), (*code).to_owned()))
                .filter(|(root, _)| site.sections.contains_key(root)),
        )
        .collect()
}

/// A translation's booklet, with the pages of the default language's
/// booklet of the same kind it has no version of; `None` when it has no
/// chapter of its own.
fn translated(site: &Site, lang: &str, default_words: &Words, mut plan: Plan) -> Option<Plan> {
    let own = plan
        .parts
        .iter()
        .chain(&plan.appendix)
        .any(|p| !p.chapters.is_empty() || p.intro.is_some_and(|i| i != plan.cover));
    if !own {
        return None;
    }
    let source_pages = match plan.kind {
        BookletKind::EasyRead => easy_read_pages(site, ""),
        _ => {
            let source = guide_plan(site, "", default_words);
            pages_of(&source).filter(|&i| i != source.cover).collect()
        }
    };
    plan.untranslated = source_pages
        .into_iter()
        .filter(|&i| site.in_language(i, lang) == i)
        .collect();
    Some(plan)
}

/// Every page printed in a plan: its parts' section pages and chapters.
fn pages_of(plan: &Plan) -> impl Iterator<Item = PageIdx> + '_ {
    plan.parts
        .iter()
        .chain(&plan.appendix)
        .flat_map(|p| p.intro.into_iter().chain(p.chapters.iter().copied()))
}

/// The same booklet, in large print, one folder down.
fn large_print_of(plan: &Plan) -> Plan {
    Plan {
        dir: format!("{}{LARGE_PRINT}", plan.dir),
        large_print: true,
        ..plan.clone()
    }
}

/// The folder of the standard edition of a large-print plan.
pub fn standard_dir(plan: &Plan) -> Option<&str> {
    plan.large_print
        .then(|| plan.dir.strip_suffix(LARGE_PRINT))
        .flatten()
}

/// The whole guide: a part for each top-level section, in the guide's
/// order, except the one named as the appendix (`booklets.appendix`),
/// which becomes the appendix; then the standard pages listed on the home page as
/// "More about this guide", leaving out a glossary page because the
/// booklet prints the glossary at the end.
fn guide_plan(site: &Site, root: &str, words: &Words) -> Plan {
    let appendix_dir = format!("{root}{}/", site.config.booklets.appendix.trim_matches('/'));
    let home = site.home_of(root);
    let mut parts = Vec::new();
    let mut appendix = None;
    for dir in &home.subsections {
        let part = section_part(site, dir);
        if *dir == appendix_dir {
            appendix = Some(PartPlan {
                title: words.fill("booklet.appendix", &[("title", &part.title)]),
                ..part
            });
        } else {
            parts.push(part);
        }
    }
    let more: Vec<PageIdx> = home
        .pages
        .iter()
        .copied()
        .filter(|&i| {
            site.pages[i].kind == PageKind::Page
                && site.pages[i].front.template.as_deref() != Some("glossary")
        })
        .collect();
    if !more.is_empty() {
        parts.push(PartPlan {
            intro: None,
            title: words.get("booklet.more_about").to_owned(),
            chapters: more,
        });
    }
    Plan {
        dir: format!("{root}{GUIDE_DIR}"),
        kind: BookletKind::Guide,
        title: None,
        cover: home.index,
        parts,
        appendix,
        // The glossary (data/glossary.yaml) is in the default language only.
        glossary: root.is_empty() && !site.data.glossary.is_empty(),
        large_print: false,
        untranslated: Vec::new(),
    }
}

/// A booklet for every section below a home page with at least one
/// chapter (a page in it or in its subsections), the section page as its
/// cover. A language's home (`cy/`) gets the whole-guide booklet instead.
fn section_plans(site: &Site, roots: &[(String, String)]) -> Vec<Plan> {
    site.sections
        .iter()
        .filter(|(dir, _)| !roots.iter().any(|(root, _)| root == *dir))
        .filter(|(dir, _)| !chapters_of(site, dir).is_empty())
        .map(|(dir, section)| Plan {
            dir: format!("{dir}booklet/"),
            kind: BookletKind::Section,
            title: None,
            cover: section.index,
            parts: vec![section_part(site, dir)],
            appendix: None,
            glossary: false,
            large_print: false,
            untranslated: Vec::new(),
        })
        .collect()
}

/// Every easy-read page as one booklet with a title of its own; `None`
/// when the guide has no easy-read pages.
fn easy_read_plan(site: &Site, root: &str, words: &Words) -> Option<Plan> {
    let home = site.home_of(root);
    let chapters = easy_read_pages(site, root);
    if chapters.is_empty() {
        return None;
    }
    Some(Plan {
        dir: format!("{root}{EASY_READ_DIR}"),
        kind: BookletKind::EasyRead,
        title: Some((
            words.fill(
                "booklet_languages.easy_read_booklet_title",
                &[("title", site.pages[home.index].title())],
            ),
            words.get("booklet.easy_read_summary").to_owned(),
        )),
        cover: home.index,
        parts: vec![PartPlan {
            intro: None,
            title: words.get("booklet.easy_read_title").to_owned(),
            chapters,
        }],
        appendix: None,
        glossary: false,
        large_print: false,
        untranslated: Vec::new(),
    })
}

/// Easy-read pages in the order of the guide: each beside where its
/// standard twin (or, without one, itself) is listed, from the home
/// section of the language at `root`.
fn easy_read_pages(site: &Site, root: &str) -> Vec<PageIdx> {
    fn walk(site: &Site, dir: &str, out: &mut Vec<PageIdx>) {
        let section = &site.sections[dir];
        for &page in &section.pages {
            match site.pages[page].kind {
                // Twinless easy-read pages stand in their own place...
                PageKind::EasyRead if site.twin(page).is_none() => out.push(page),
                // ...the others stand where their standard twin does.
                PageKind::EasyRead => {}
                _ => out.extend(site.twin(page)),
            }
        }
        for sub in &section.subsections {
            walk(site, sub, out);
        }
    }
    let mut pages = Vec::new();
    walk(site, &site.home_of(root).dir, &mut pages);
    pages
}

/// A section's pages, then its sub-sections' pages, in listing order.
fn chapters_of(site: &Site, dir: &str) -> Vec<PageIdx> {
    let section = &site.sections[dir];
    let mut chapters: Vec<PageIdx> = section
        .pages
        .iter()
        .copied()
        .filter(|&i| site.pages[i].kind == PageKind::Page)
        .collect();
    for sub in &section.subsections {
        chapters.push(site.sections[sub].index);
        chapters.extend(chapters_of(site, sub));
    }
    chapters
}

fn section_part(site: &Site, dir: &str) -> PartPlan {
    let section = &site.sections[dir];
    PartPlan {
        intro: Some(section.index),
        title: site.pages[section.index].title().to_owned(),
        chapters: chapters_of(site, dir),
    }
}

/// Chapter ids and heading shifts for every page of a plan.
fn mode(site: &Site, plan: &Plan) -> BookletMode {
    let mut chapters = HashMap::new();
    let (intro_shift, chapter_shift) = match plan.kind {
        // Guide: h1 booklet, h2 part, h3 chapter, so chapter headings move down 2.
        BookletKind::Guide => (1, 2),
        // Section and easy read: h1 booklet, h2 chapter. A worksheet on
        // its own is only its cover page, whose headings stay as they are.
        BookletKind::Section | BookletKind::EasyRead | BookletKind::Worksheet => (0, 1),
    };
    chapters.insert(plan.cover, ("cover".to_owned(), 0));
    for part in plan.parts.iter().chain(&plan.appendix) {
        if let Some(intro) = part.intro
            && intro != plan.cover
        {
            chapters.insert(intro, (chapter_id(site, intro), intro_shift));
        }
        for &page in &part.chapters {
            chapters.insert(page, (chapter_id(site, page), chapter_shift));
        }
    }
    BookletMode {
        dir: plan.dir.clone(),
        chapters,
        glossary_inside: plan.glossary,
    }
}

fn chapter_id(site: &Site, idx: PageIdx) -> String {
    let rel = site.pages[idx].rel.trim_end_matches(".md");
    format!("ch-{}", slugify(&rel.replace('/', " ")))
}

#[derive(Serialize)]
pub struct BookletView {
    /// The language of the booklet's cover page, for `<html lang>`.
    pub lang: String,
    kind: BookletKind,
    title: String,
    summary: Option<String>,
    intro: String,
    reviewed: Option<DateView>,
    parts: Vec<PartView>,
    appendix: Option<PartView>,
    glossary: Vec<super::views::GlossaryView>,
    /// True for a large-print edition.
    large_print: bool,
    /// From a standard edition, its large-print edition (and back), when
    /// there is one: a link relative to this booklet.
    other_edition_url: Option<String>,
    /// A translation's booklet: the pages it has no translation of.
    not_yet: Option<NotYetView>,
}

/// The closing list of a translation's booklet: the default language's
/// pages not yet translated, each a link to the page on the website.
#[derive(Serialize)]
struct NotYetView {
    /// The default language's code, for the links' `lang` and `hreflang`.
    lang: String,
    /// `ltr` or `rtl`, of the default language.
    dir: &'static str,
    pages: Vec<NotYetPage>,
}

#[derive(Serialize)]
struct NotYetPage {
    title: String,
    url: String,
    /// The full web address when the site has a `base_url`, printed
    /// beside the title so a paper copy still says where to find it.
    address: Option<String>,
}

#[derive(Serialize)]
struct PartView {
    id: String,
    title: String,
    intro: String,
    chapters: Vec<ChapterView>,
}

#[derive(Serialize)]
struct ChapterView {
    id: String,
    title: String,
    summary: Option<String>,
    content: String,
    reviewed: Option<DateView>,
    review_due: Option<DateView>,
    sources: Vec<String>,
}

/// Renders the chapters of a plan and returns the view for the template.
pub fn view(site: &Site, context: &RenderContext, plan: &Plan) -> BookletView {
    let booklet_context = context.for_booklet(mode(site, plan));
    let lang = site.pages[plan.cover].lang.clone();
    let words = context.words.words(&lang);
    let render = |idx: PageIdx| markdown::render(&site.pages[idx], idx, &booklet_context).html;
    let chapter = |idx: PageIdx| {
        let page = &site.pages[idx];
        ChapterView {
            id: chapter_id(site, idx),
            title: page.title().to_owned(),
            summary: page.front.summary.clone(),
            content: render(idx),
            reviewed: page.front.reviewed.map(|d| DateView::new(d, &words)),
            review_due: page.front.review_due.map(|d| DateView::new(d, &words)),
            sources: page.front.sources.clone(),
        }
    };
    let part = |p: &PartPlan| PartView {
        id: p.intro.filter(|&i| i != plan.cover).map_or_else(
            || format!("part-{}", slugify(&p.title)),
            |i| chapter_id(site, i),
        ),
        title: p.title.clone(),
        intro: p
            .intro
            .filter(|&i| i != plan.cover)
            .map(render)
            .unwrap_or_default(),
        chapters: p.chapters.iter().map(|&i| chapter(i)).collect(),
    };
    let cover = &site.pages[plan.cover];
    let (title, summary) = match &plan.title {
        Some((title, summary)) => (title.clone(), Some(summary.clone())),
        None => (cover.title().to_owned(), cover.front.summary.clone()),
    };
    BookletView {
        kind: plan.kind,
        title,
        summary,
        // The easy-read booklet's cover page is in standard English: leave it out.
        intro: if plan.kind == BookletKind::EasyRead {
            String::new()
        } else {
            render(plan.cover)
        },
        reviewed: newest_review(site, plan).map(|d| DateView::new(d, &words)),
        lang,
        parts: plan.parts.iter().map(part).collect(),
        appendix: plan.appendix.as_ref().map(part),
        glossary: if plan.glossary {
            super::views::glossary_view(site)
        } else {
            Vec::new()
        },
        large_print: plan.large_print,
        other_edition_url: other_edition_url(site, plan),
        not_yet: not_yet_view(site, plan),
    }
}

/// The "Not yet in LANG" list, when a translation's booklet has one.
fn not_yet_view(site: &Site, plan: &Plan) -> Option<NotYetView> {
    if plan.untranslated.is_empty() {
        return None;
    }
    let pretty = site.config.output.pretty_urls;
    let base = site.config.base_url();
    let lang = site.config.language.clone();
    Some(NotYetView {
        dir: crate::text::languages::direction(&lang),
        lang,
        pages: plan
            .untranslated
            .iter()
            .map(|&idx| {
                let page = &site.pages[idx];
                NotYetPage {
                    title: page.title().to_owned(),
                    url: crate::site::urls::relative(&plan.dir, &page.dir, pretty),
                    address: base.as_ref().map(|b| format!("{b}{}", page.dir)),
                }
            })
            .collect(),
    })
}

/// Large print links to the standard edition, and a standard booklet to
/// its large print (which exists whenever `booklets.large_print` is on).
fn other_edition_url(site: &Site, plan: &Plan) -> Option<String> {
    let pretty = site.config.output.pretty_urls;
    match standard_dir(plan) {
        Some(standard) => Some(crate::site::urls::relative(&plan.dir, standard, pretty)),
        None => site.config.booklets.large_print.then(|| {
            crate::site::urls::relative(&plan.dir, &format!("{}{LARGE_PRINT}", plan.dir), pretty)
        }),
    }
}

/// The latest `reviewed` date of any page in the booklet.
fn newest_review(site: &Site, plan: &Plan) -> Option<crate::site::dates::Date> {
    plan.parts
        .iter()
        .chain(&plan.appendix)
        .flat_map(|p| p.intro.into_iter().chain(p.chapters.iter().copied()))
        .chain(std::iter::once(plan.cover))
        .filter_map(|i| site.pages[i].front.reviewed)
        .max()
}

/// The booklet link a listing page shows, if that page has a booklet.
pub fn url_for(assembled: &Assembled, from_dir: &str, booklet_dir: &str) -> Option<String> {
    assembled
        .booklets
        .iter()
        .any(|d| d == booklet_dir)
        .then(|| crate::site::urls::relative(from_dir, booklet_dir, assembled.pretty))
}
