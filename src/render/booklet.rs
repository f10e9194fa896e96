//! Printable booklets: a whole section, or the whole guide, as one page.
//!
//! People print guidance to take to a review or hand out in a group. A
//! booklet has a title page, a table of contents and each page as a chapter
//! starting on a new sheet. Chapters are rendered again from Markdown in
//! booklet mode, so links between chapters jump inside the document and ids
//! stay unique. The whole-guide booklet puts the worksheets section in an
//! appendix and prints the glossary at the end.

use crate::diagnostics::Diagnostic;
use crate::diagnostics::rules::finding;
use crate::render::i18n::Words;
use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use super::views::DateView;
use crate::render::markdown::{self, BookletMode, RenderContext};
use crate::site::assemble::Assembled;
use crate::site::model::{PageIdx, PageKind, Site};
use crate::site::slug::slugify;

/// The warning for a booklet too long to make.
pub const TOO_LONG_RULE: &str = "booklet-too-long";

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
    /// In a section booklet split for its length, the sub-sections (their
    /// folders) that are printed in booklets of their own.
    pub printed_apart: Vec<String>,
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
///
/// A booklet over `booklets.max_chapters` is not made, with a
/// `booklet-too-long` warning in the returned problems; a section booklet
/// over it is split first (see [`section_plans`]).
pub fn plans(
    site: &Site,
    words_for: &dyn Fn(&str) -> Arc<Words>,
    has_worksheet: impl Fn(PageIdx) -> bool,
) -> (Vec<Plan>, Vec<Diagnostic>) {
    let config = &site.config.booklets;
    let roots = language_roots(site);
    let default_words = words_for(&site.config.language);
    let mut standard = Vec::new();
    if config.guide {
        standard.push(guide_plan(site, "", &default_words));
    }
    let mut problems = Vec::new();
    if config.sections {
        let (sections, too_long) = section_plans(site, &roots);
        standard.extend(sections);
        problems.extend(too_long);
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
    let (standard, too_long) = within_limit(site, standard);
    problems.extend(too_long);
    if !config.large_print {
        return (standard, problems);
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
                printed_apart: Vec::new(),
            }),
    );
    (plans, problems)
}

/// How many chapters a plan prints: every page in it but its cover.
pub fn chapter_count(plan: &Plan) -> usize {
    pages_of(plan).filter(|&i| i != plan.cover).count()
}

/// The plans within `booklets.max_chapters`, and a warning for each
/// whole-guide or easy-read booklet left out (section booklets were
/// already split or left out by [`section_plans`]).
fn within_limit(site: &Site, plans: Vec<Plan>) -> (Vec<Plan>, Vec<Diagnostic>) {
    let max = site.config.booklets.max_chapters;
    let (kept, over): (Vec<Plan>, Vec<Plan>) =
        plans.into_iter().partition(|p| chapter_count(p) <= max);
    let problems = over
        .iter()
        .map(|plan| {
            let (what, instead, off) = match plan.kind {
                BookletKind::EasyRead => (
                    "easy-read booklet",
                    "readers can still print each easy-read page",
                    "easy_read: false",
                ),
                _ => (
                    "whole-guide booklet",
                    "readers can print each section's booklet instead",
                    "guide: false",
                ),
            };
            let text = &site.config_text;
            let key = if text.lines().any(|l| l.trim_start().starts_with("max_chapters:")) {
                "max_chapters"
            } else {
                "booklets"
            };
            finding(
                TOO_LONG_RULE,
                format!(
                    "the {what} at {} would have {} chapters, more than `booklets.max_chapters` ({max}), so it is not made",
                    plan.dir,
                    chapter_count(plan)
                ),
            )
            .in_file(crate::source::config::FILE_NAME)
            .at_source(text, crate::source::config::line_of_key(text, key), 1)
            .help(format!(
                "{instead}. To make it anyway, raise `max_chapters` under `booklets:` in site.yaml; to stop this warning, set `booklets: {{{off}}}`"
            ))
        })
        .collect();
    (kept, problems)
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
        printed_apart: Vec::new(),
    }
}

/// A booklet for every section below a home page with at least one
/// chapter (a page in it or in its subsections), the section page as its
/// cover. A language's home (`cy/`) gets the whole-guide booklet instead.
///
/// A section whose booklet would pass `booklets.max_chapters` is split by
/// sub-section: its booklet prints its own pages and lists the booklets its
/// sub-sections have of their own. When its own pages alone are too many,
/// it gets no booklet and a `booklet-too-long` warning at its `_index.md`.
fn section_plans(site: &Site, roots: &[(String, String)]) -> (Vec<Plan>, Vec<Diagnostic>) {
    let max = site.config.booklets.max_chapters;
    let mut plans = Vec::new();
    let mut problems = Vec::new();
    for (dir, section) in &site.sections {
        if roots.iter().any(|(root, _)| root == dir) {
            continue;
        }
        let all = chapters_of(site, dir);
        let (chapters, printed_apart) = if all.len() <= max {
            (all, Vec::new())
        } else {
            (own_chapters(site, dir), section.subsections.clone())
        };
        if chapters.is_empty() {
            continue;
        }
        if chapters.len() > max {
            problems.push(section_too_long(site, section.index, chapters.len(), max));
            continue;
        }
        plans.push(Plan {
            dir: format!("{dir}booklet/"),
            kind: BookletKind::Section,
            title: None,
            cover: section.index,
            parts: vec![PartPlan {
                chapters,
                ..section_part(site, dir)
            }],
            appendix: None,
            glossary: false,
            large_print: false,
            untranslated: Vec::new(),
            printed_apart,
        });
    }
    // A sub-section listed as printed apart must have a booklet to point to.
    let made: std::collections::HashSet<String> = plans.iter().map(|p| p.dir.clone()).collect();
    for plan in &mut plans {
        plan.printed_apart
            .retain(|sub| made.contains(&format!("{sub}booklet/")));
    }
    (plans, problems)
}

/// `booklet-too-long` for a section whose own pages pass the limit.
fn section_too_long(site: &Site, index: PageIdx, count: usize, max: usize) -> Diagnostic {
    finding(
        TOO_LONG_RULE,
        format!(
            "this section's booklet would have {count} pages of its own, more than `booklets.max_chapters` ({max}), so it is not made"
        ),
    )
    .in_file(site.pages[index].file())
    .at(1, 1)
    .help("move some of its pages into sub-sections (folders with an _index.md), which get booklets of their own; or raise `max_chapters` under `booklets:` in site.yaml")
}

/// A section's own pages, without its sub-sections'.
fn own_chapters(site: &Site, dir: &str) -> Vec<PageIdx> {
    site.sections[dir]
        .pages
        .iter()
        .copied()
        .filter(|&i| site.pages[i].kind == PageKind::Page)
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
        printed_apart: Vec::new(),
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
    let mut chapters = own_chapters(site, dir);
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

/// Chapter ids and heading shifts for every page of a plan, its relative
/// URLs starting with `url_prefix`.
fn mode(site: &Site, plan: &Plan, url_prefix: &'static str) -> BookletMode {
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
        url_prefix,
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
    /// A section booklet split for its length: its sub-sections' own
    /// booklets, as links relative to this booklet.
    printed_apart: Vec<PrintedApartView>,
}

impl BookletView {
    /// The bytes of rendered Markdown in the booklet, from which the size
    /// of the page it makes is guessed.
    pub fn content_len(&self) -> usize {
        let part = |p: &PartView| {
            p.intro.len() + p.chapters.iter().map(|c| c.content.len()).sum::<usize>()
        };
        self.intro.len()
            + self.parts.iter().map(part).sum::<usize>()
            + self.appendix.as_ref().map_or(0, part)
    }
}

#[derive(Serialize)]
struct PrintedApartView {
    title: String,
    url: String,
    /// The booklet's full web address when the site has a `base_url`,
    /// printed beside the title so a paper copy says where to find it.
    address: Option<String>,
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

#[derive(Serialize, Clone)]
struct PartView {
    id: String,
    title: String,
    intro: String,
    chapters: Vec<ChapterView>,
}

#[derive(Serialize, Clone)]
struct ChapterView {
    id: String,
    title: String,
    summary: Option<String>,
    content: String,
    reviewed: Option<DateView>,
    review_due: Option<DateView>,
    sources: Vec<String>,
}

/// Stands for the path from a large-print edition up to its standard
/// edition's folder, in chapters rendered once for both editions. Only
/// letters, `-`, `~` and `/`, so no escaping changes it; a page whose own
/// text holds it is rendered apart for each edition instead.
const EDITION_MARK: &str = "~signpost-edition~/";

/// What the printed pages of a booklet say: the cover page's text, and the
/// parts with their chapters.
#[derive(Clone)]
struct Contents {
    intro: String,
    parts: Vec<PartView>,
    appendix: Option<PartView>,
}

impl Contents {
    /// The same contents, with [`EDITION_MARK`] replaced by `path`.
    fn placed(&self, path: &str) -> Contents {
        let place =
            |html: &str| crate::text::substring::replace(html, EDITION_MARK, path).into_owned();
        let part = |p: &PartView| PartView {
            id: p.id.clone(),
            title: p.title.clone(),
            intro: place(&p.intro),
            chapters: p
                .chapters
                .iter()
                .map(|c| ChapterView {
                    content: place(&c.content),
                    ..c.clone()
                })
                .collect(),
        };
        Contents {
            intro: place(&self.intro),
            parts: self.parts.iter().map(part).collect(),
            appendix: self.appendix.as_ref().map(part),
        }
    }
}

/// The views of `editions`, one plan and the editions that print the same
/// pages one folder down (its large print), in order. The Markdown of each
/// chapter is rendered once for all of them: that is most of a booklet's cost.
pub fn views(site: &Site, context: &RenderContext, editions: &[&Plan]) -> Vec<BookletView> {
    let Some((first, others)) = editions.split_first() else {
        return Vec::new();
    };
    let shareable = others
        .iter()
        .all(|p| standard_dir(p) == Some(first.dir.as_str()))
        && !pages_of(first)
            .chain(std::iter::once(first.cover))
            .any(|i| crate::text::substring::contains(&site.pages[i].text, EDITION_MARK));
    if !shareable {
        return editions.iter().map(|p| view(site, context, p)).collect();
    }
    let marked = contents(site, context, first, EDITION_MARK);
    let mut views = vec![view_of(site, context, first, marked.placed(""))];
    views.extend(
        others
            .iter()
            .map(|p| view_of(site, context, p, marked.placed("../"))),
    );
    views
}

/// Renders the chapters of a plan and returns the view for the template.
pub fn view(site: &Site, context: &RenderContext, plan: &Plan) -> BookletView {
    view_of(site, context, plan, contents(site, context, plan, ""))
}

/// Renders the cover page's text and every chapter of a plan in booklet
/// mode, relative URLs starting with `url_prefix`.
fn contents(
    site: &Site,
    context: &RenderContext,
    plan: &Plan,
    url_prefix: &'static str,
) -> Contents {
    let booklet_context = context.for_booklet(mode(site, plan, url_prefix));
    let lang = &site.pages[plan.cover].lang;
    let words = context.words.words(lang);
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
    Contents {
        // The easy-read booklet's cover page is in standard English: leave it out.
        intro: if plan.kind == BookletKind::EasyRead {
            String::new()
        } else {
            render(plan.cover)
        },
        parts: plan.parts.iter().map(part).collect(),
        appendix: plan.appendix.as_ref().map(part),
    }
}

/// The view of a plan around its rendered contents.
fn view_of(site: &Site, context: &RenderContext, plan: &Plan, contents: Contents) -> BookletView {
    let lang = site.pages[plan.cover].lang.clone();
    let words = context.words.words(&lang);
    let cover = &site.pages[plan.cover];
    let (title, summary) = match &plan.title {
        Some((title, summary)) => (title.clone(), Some(summary.clone())),
        None => (cover.title().to_owned(), cover.front.summary.clone()),
    };
    BookletView {
        kind: plan.kind,
        title,
        summary,
        intro: contents.intro,
        reviewed: newest_review(site, plan).map(|d| DateView::new(d, &words)),
        lang,
        parts: contents.parts,
        appendix: contents.appendix,
        glossary: if plan.glossary {
            super::views::glossary_view(site)
        } else {
            Vec::new()
        },
        large_print: plan.large_print,
        other_edition_url: other_edition_url(site, plan),
        not_yet: not_yet_view(site, plan),
        printed_apart: printed_apart_view(site, plan),
    }
}

/// The sub-sections' own booklets, in a section booklet split for length.
fn printed_apart_view(site: &Site, plan: &Plan) -> Vec<PrintedApartView> {
    let base = site.config.base_url();
    plan.printed_apart
        .iter()
        .map(|sub| {
            // Large print points to large print.
            let dir = format!(
                "{sub}booklet/{}",
                if plan.large_print { LARGE_PRINT } else { "" }
            );
            PrintedApartView {
                title: site.pages[site.sections[sub].index].title().to_owned(),
                url: crate::site::urls::relative(&plan.dir, &dir, site.config.output.pretty_urls),
                address: base.as_ref().map(|b| format!("{b}{dir}")),
            }
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A section whose pages link to each other, to a page outside the
    /// booklet, to a file and to a pictogram: every kind of URL a chapter
    /// has.
    fn site() -> Site {
        let mut site = files();
        let mut report = crate::diagnostics::Report::default();
        site.sections =
            crate::site::load::build_sections(&site.pages, &Default::default(), &mut report);
        site
    }

    fn files() -> Site {
        let dates = "reviewed: 2026-01-01\nreview_due: 2027-01-01";
        let page = |title: &str, body: &str| format!("---\ntitle: {title}\n{dates}\n---\n{body}\n");
        crate::test_support::site_from(&[
            ("_index.md", &page("Home", "Welcome.")),
            (
                "care/_index.md",
                &page("Care", "About care. See [rights](../rights/_index.md)."),
            ),
            (
                "care/plans.md",
                &page(
                    "Plans",
                    "A [visit](visit.md), [rights](../rights/_index.md), [a form](form.pdf) and ![](picto:meeting).\n\n## Steps\n\nText.",
                ),
            ),
            (
                "care/visit.md",
                &page("Visit", "Back to [plans](plans.md#steps)."),
            ),
            ("care/form.pdf", "%PDF"),
            ("rights/_index.md", &page("Rights", "Your rights.")),
        ])
    }

    #[test]
    fn one_rendering_for_both_editions_gives_what_rendering_each_gives() {
        let site = site();
        let context = RenderContext::new(&site);
        let i18n = crate::render::i18n::I18n::default();
        let words = |lang: &str| i18n.words(lang);
        let (plans, _) = plans(&site, &words, |_| false);
        let standard = plans
            .iter()
            .find(|p| p.dir == "care/booklet/")
            .expect("plan");
        let large = plans
            .iter()
            .find(|p| p.dir == "care/booklet/large-print/")
            .expect("large print");
        let json = |v: &BookletView| serde_json::to_string(v).expect("json");
        let shared: Vec<String> = views(&site, &context, &[standard, large])
            .iter()
            .map(json)
            .collect();
        let apart = [
            json(&view(&site, &context, standard)),
            json(&view(&site, &context, large)),
        ];
        assert_eq!(shared, apart);
        assert!(
            shared[1].contains("../../../rights/index.html"),
            "{}",
            shared[1]
        );
        assert!(!shared.concat().contains(EDITION_MARK));
    }

    #[test]
    fn a_page_whose_text_holds_the_mark_is_rendered_for_each_edition() {
        let mut site = site();
        let idx = site.page_by_rel("care/visit.md").expect("page");
        site.pages[idx]
            .text
            .push_str(&format!("\nA path like `{EDITION_MARK}x`.\n"));
        let context = RenderContext::new(&site);
        let i18n = crate::render::i18n::I18n::default();
        let words = |lang: &str| i18n.words(lang);
        let (plans, _) = plans(&site, &words, |_| false);
        let group: Vec<&Plan> = plans
            .iter()
            .filter(|p| p.dir.starts_with("care/booklet/"))
            .collect();
        let shared = views(&site, &context, &group);
        let text = serde_json::to_string(&shared[1]).expect("json");
        assert!(
            text.contains(EDITION_MARK),
            "the author's text is left as written"
        );
    }
}
