//! Renders pages through the theme's Tera templates.
//!
//! Templates never see the internal model: they get small serializable
//! *views* (strings already formatted for readers, URLs already relative to
//! the page), so a theme cannot depend on how the pipeline stores things.
//! Template errors are mapped back to the template file and line.

use serde::Serialize;

use super::template_error::template_error;
use super::views::{DateView, glossary_view};

use crate::diagnostics::Diagnostic;
use crate::render::i18n::Words;
use crate::render::markdown::Rendered;
use crate::render::theme::Theme;
use crate::site::assemble::{Assembled, Link};
use crate::site::model::{PageIdx, PageKind, Site};

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    lang: &'a str,
    /// Relative path from the page to the site root (`../../`).
    root: String,
    home_url: String,
    css: &'a str,
    brand: Option<BrandView<'a>>,
    help: Option<HelpView<'a>>,
    /// Navigation entries, for themes that lay the navigation out
    /// themselves (only filled when a template mentions `site.nav`).
    nav: Vec<NavItem>,
    /// The navigation as ready `<li>` items (Home first), for the default theme.
    nav_html: std::sync::Arc<str>,
    /// True on the home page, for `aria-current` on the "Home" link.
    home_current: bool,
    /// `A4` or `A5`, for `@page { size }`.
    paper: &'static str,
    /// The whole-guide booklet, when there is one.
    booklet_url: Option<String>,
    /// The easy-read booklet, when there is one.
    easy_read_booklet_url: Option<String>,
    /// `feed.xml`, when the site has one (it needs `base_url`).
    feed_url: Option<String>,
    /// Whether any page has a worksheet.
    has_worksheets: bool,
    /// `mailto:` the site's `feedback.email`, its subject the site's title,
    /// for the footer; `None` without the setting.
    feedback_url: Option<String>,
    /// The A–Z index, "What has changed" and the accessibility statement
    /// in the page's language, when the site has them (generated or its own).
    a_to_z_url: Option<String>,
    /// True on the A–Z page itself, for `aria-current` on the header's link.
    a_to_z_current: bool,
    changes_url: Option<String>,
    accessibility_url: Option<String>,
}

#[derive(Serialize)]
struct BrandView<'a> {
    name: &'a str,
    logo_url: Option<String>,
    colour: Option<&'a str>,
}

#[derive(Serialize)]
struct HelpView<'a> {
    heading: String,
    text: &'a str,
    links: Vec<Link>,
    /// Set when the page's language has no help text of its own and the
    /// site's is shown instead: its `lang` and `dir`, so screen readers
    /// switch voice and punctuation stays where it belongs on rtl pages.
    fallback: Option<LangDir>,
}

#[derive(Serialize)]
struct LangDir {
    lang: String,
    dir: &'static str,
}

#[derive(Serialize)]
struct NavItem {
    title: String,
    url: String,
    /// `page` when this is the current page, `section` when the page is inside it.
    current: Option<&'static str>,
}

#[derive(Serialize)]
struct PageView<'a> {
    title: &'a str,
    summary: Option<&'a str>,
    content: &'a str,
    kind: &'static str,
    lang: &'a str,
    dir: &'static str,
    reviewed: Option<DateView>,
    review_due: Option<DateView>,
    audience: &'a [String],
    sources: &'a [String],
    extra: &'a serde_json::Map<String, serde_json::Value>,
    /// The source file, for "edit this page" links in custom themes.
    source: String,
    /// True when the page holds a worksheet: it prints as a handout.
    has_worksheet: bool,
    /// The other version of this page: easy read for a standard page, or
    /// standard for an easy-read page.
    alternate: Option<AlternateView>,
    /// Set on a machine translation: the notice links to the source.
    machine_translation: Option<SourceLink>,
    /// The page's large-print edition, for pages with a worksheet.
    large_print_url: Option<String>,
    /// `mailto:` the site's `feedback.email`, with the page's title and
    /// address in the subject; `None` when the site sets no feedback.
    feedback_url: Option<String>,
    /// "On this page": links to the `##` headings, when the page has
    /// enough of them (`toc` in site.yaml and front matter); else empty.
    contents: Vec<ContentsEntry>,
    /// Local editions: the title of the base site an inherited page comes
    /// from (the footer says "Based on …"); `None` for the site's own pages.
    based_on: Option<&'a str>,
}

#[derive(Serialize)]
struct ContentsEntry {
    id: String,
    text: String,
}

#[derive(Serialize)]
struct AlternateView {
    url: String,
    /// "Easy read version" or "Standard version", in the page's language.
    title: String,
}

/// The source page a machine translation links to.
#[derive(Serialize)]
struct SourceLink {
    url: String,
    lang: String,
    /// The source language's own name.
    name: String,
}

/// One entry of the language switcher and of `<link rel="alternate">`.
#[derive(Serialize)]
struct LanguageLink {
    lang: String,
    /// The language's own name ("Cymraeg").
    name: String,
    /// Relative to the page, for the switcher.
    url: String,
    /// Absolute when the site has a `base_url`, for `hreflang` links.
    href: String,
    /// True for the page's own language.
    current: bool,
}

#[derive(Serialize)]
struct ListingView {
    title: String,
    url: String,
    /// This section's printable booklet, when there is one.
    booklet_url: Option<String>,
    pages: Vec<ListedPage>,
    subsections: Vec<ListedPage>,
}

#[derive(Serialize)]
struct ListedPage {
    title: String,
    summary: Option<String>,
    url: String,
    /// The easy-read version of a listed standard page.
    easy_read_url: Option<String>,
    /// True when the listed page is itself an easy-read page with no standard twin.
    is_easy_read: bool,
}

/// The template for easy-read pages, when the theme has one.
pub const EASY_READ_TEMPLATE: &str = "easy-read.html";

/// Renders the full HTML document of one page.
pub fn render_page(
    site: &Site,
    assembled: &Assembled,
    theme: &Theme,
    idx: PageIdx,
    rendered: &Rendered,
) -> Result<String, Diagnostic> {
    let page = &site.pages[idx];
    let template = page_template(site, theme, idx)?;
    let words = theme.words.words(&page.lang);
    let mut context = words.template_context();
    context.insert(
        "site",
        &site_view(site, assembled, theme, &page.dir, Some(idx), &words),
    );
    context.insert("page", &page_view(site, assembled, idx, rendered, &words));
    context.insert("languages", &language_links(site, assembled, idx));
    context.insert("breadcrumbs", &assembled.breadcrumbs(site, idx));
    let (prev, next) = assembled.neighbours(site, idx);
    context.insert("prev", &prev);
    context.insert("next", &next);
    if let Some(nav) = crate::render::section_nav::section_nav(site, assembled, idx) {
        context.insert("section_nav", &nav);
    }
    if let Some(listing) = listing_view(site, assembled, idx) {
        context.insert("section", &listing);
    }
    if template == "glossary.html" {
        context.insert("glossary", &glossary_view(site));
    }
    render_sized(theme, &template, &context, rendered.html.len() + PAGE_FRAME)
}

/// Room for what a theme puts around a page's content (stylesheet, header,
/// menu of sections, footer): about 20 KB in the default theme on a site
/// of 10,000 pages, 30 KB at 100,000.
const PAGE_FRAME: usize = 48 * 1024;

/// Renders `template` into a buffer of `expected` bytes made up front.
/// Tera's own `render` starts at 2 KB, so a 30 KB page was copied five
/// times as it grew, and a booklet of a megabyte ten.
fn render_sized(
    theme: &Theme,
    template: &str,
    context: &tera::Context,
    expected: usize,
) -> Result<String, Diagnostic> {
    let mut buffer = Vec::with_capacity(expected);
    theme
        .tera
        .render_to(template, context, &mut buffer)
        .map_err(|error| template_error(&error, &theme.sources))?;
    // Tera writes only `str`s, so this never copies.
    Ok(String::from_utf8(buffer)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()))
}

/// The template a page is rendered with: the one its front matter names,
/// else the theme's template for its kind. A template the theme does not
/// have is the author's problem, so it is a diagnostic at the
/// `template:` line, not a Tera error.
fn page_template(site: &Site, theme: &Theme, idx: PageIdx) -> Result<String, Diagnostic> {
    let page = &site.pages[idx];
    let template = page
        .front
        .template
        .as_deref()
        .map(|t| format!("{t}.html"))
        .unwrap_or_else(|| {
            match page.kind {
                PageKind::Home => "index.html",
                PageKind::Section => "section.html",
                PageKind::EasyRead if theme.has_template(EASY_READ_TEMPLATE) => EASY_READ_TEMPLATE,
                PageKind::Page | PageKind::EasyRead => "page.html",
            }
            .to_owned()
        });
    if !theme.has_template(&template) {
        let line = crate::source::config::line_of_key(&page.text, "template");
        return Err(Diagnostic::error(
            "missing-template",
            format!("this page asks for the template `{template}`, which the theme does not have"),
        )
        .in_file(page.file())
        .at_source(&page.text, line, 1)
        .help("remove the `template:` line, or add the template to the theme"));
    }
    Ok(template)
}

/// What templates see as `page`: the front matter formatted for readers,
/// the rendered body, and the link to the page's other version.
fn page_view<'a>(
    site: &'a Site,
    assembled: &Assembled,
    idx: PageIdx,
    rendered: &'a Rendered,
    words: &Words,
) -> PageView<'a> {
    let page = &site.pages[idx];
    let lang = page.lang.as_str();
    PageView {
        title: page.title(),
        summary: page.front.summary.as_deref(),
        content: &rendered.html,
        kind: match page.kind {
            PageKind::Home => "home",
            PageKind::Section => "section",
            PageKind::Page => "page",
            PageKind::EasyRead => "easy-read",
        },
        lang,
        dir: text_direction(lang),
        reviewed: page.front.reviewed.map(|d| DateView::new(d, words)),
        review_due: page.front.review_due.map(|d| DateView::new(d, words)),
        audience: &page.front.audience,
        sources: &page.front.sources,
        extra: &page.front.extra,
        source: page.file(),
        has_worksheet: rendered.worksheets > 0,
        alternate: site.twin(idx).map(|twin| AlternateView {
            url: assembled.url(site, &page.dir, twin),
            title: words
                .get(if page.kind == PageKind::EasyRead {
                    "page.standard_version"
                } else {
                    "page.easy_read_version"
                })
                .to_owned(),
        }),
        large_print_url: crate::render::booklet::url_for(
            assembled,
            &page.dir,
            &format!("{}{}", page.dir, crate::render::booklet::LARGE_PRINT),
        ),
        contents: page_contents(site, idx, rendered),
        feedback_url: feedback_url(site, idx),
        based_on: site.edition.base_of(page.layer).map(|b| b.title.as_str()),
        machine_translation: machine_notice(site, assembled, idx),
    }
}

/// "Tell us if this page could be better": a mail to the site's feedback
/// address whose subject names the page, so the team knows which page a
/// reader means without a form, a server or a script.
fn feedback_url(site: &Site, idx: PageIdx) -> Option<String> {
    let email = &site.config.feedback.as_ref()?.email;
    let page = &site.pages[idx];
    let address = match site.config.base_url() {
        Some(base) => format!("{base}{}", page.dir),
        None => format!("/{}", page.dir),
    };
    let subject = format!("{} ({address})", page.title());
    Some(format!(
        "mailto:{email}?subject={}",
        mailto_encode(&subject)
    ))
}

/// Percent-encodes everything but RFC 3986's unreserved characters, as a
/// `mailto:` header value needs (RFC 6068).
fn mailto_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The `##` headings listed under "On this page". A page lists them when
/// it has at least `toc.min_headings` (3 by default); front matter `toc`
/// turns the list on or off for one page. Easy-read pages list none unless
/// asked: a block of links before the first picture row is one more thing
/// to get past.
fn page_contents(site: &Site, idx: PageIdx, rendered: &Rendered) -> Vec<ContentsEntry> {
    let page = &site.pages[idx];
    let headings: Vec<ContentsEntry> = rendered
        .headings
        .iter()
        .filter(|h| h.level == 2)
        .map(|h| ContentsEntry {
            id: h.id.clone(),
            text: h.text.clone(),
        })
        .collect();
    let wanted = match page.front.toc {
        Some(choice) => choice,
        None => page.kind != PageKind::EasyRead && headings.len() >= site.config.toc.min_headings,
    };
    if wanted && !headings.is_empty() {
        headings
    } else {
        Vec::new()
    }
}

/// For a machine translation, the link to its source page for the notice.
fn machine_notice(site: &Site, assembled: &Assembled, idx: PageIdx) -> Option<SourceLink> {
    let page = &site.pages[idx];
    let machine = page
        .front
        .translation
        .as_ref()
        .is_some_and(|t| t.method == crate::source::front_matter::TranslationMethod::Machine);
    let source = site.source_of(idx).filter(|_| machine)?;
    Some(SourceLink {
        url: assembled.url(site, &page.dir, source),
        lang: site.pages[source].lang.clone(),
        name: site.config.language_name(&site.pages[source].lang),
    })
}

/// Each version of page `idx` in another language (and the page itself,
/// marked `current`), in the order of `languages:`; empty when it has none.
fn language_links(site: &Site, assembled: &Assembled, idx: PageIdx) -> Vec<LanguageLink> {
    let from = &site.pages[idx].dir;
    site.versions(idx)
        .into_iter()
        .map(|v| {
            let page = &site.pages[v];
            language_link(site, assembled.pretty, from, &page.lang, &page.dir)
        })
        .collect()
}

/// The link from `from_dir` to the version of a page in `lang` at `dir`:
/// relative for the switcher, absolute (with `base_url`) for `hreflang`.
fn language_link(site: &Site, pretty: bool, from_dir: &str, lang: &str, dir: &str) -> LanguageLink {
    let url = crate::site::urls::relative(from_dir, dir, pretty);
    LanguageLink {
        lang: lang.to_owned(),
        name: site.config.language_name(lang),
        href: site.config.base_url().map_or_else(
            || url.clone(),
            |b| format!("{b}{}", crate::site::urls::relative("", dir, pretty)),
        ),
        url,
        current: dir == from_dir,
    }
}

/// What the home page and section pages see as `section`: their listed
/// pages and subsections, with URLs relative to the page. `None` for other
/// pages, which list nothing.
fn listing_view(site: &Site, assembled: &Assembled, idx: PageIdx) -> Option<ListingView> {
    let page = &site.pages[idx];
    let section = site
        .sections
        .get(&page.dir)
        .filter(|_| matches!(page.kind, PageKind::Home | PageKind::Section))?;
    let listed = |i: &PageIdx| ListedPage {
        title: site.pages[*i].title().to_owned(),
        summary: site.pages[*i].front.summary.clone(),
        url: assembled.url(site, &page.dir, *i),
        easy_read_url: site
            .twin(*i)
            .filter(|_| site.pages[*i].kind != PageKind::EasyRead)
            .map(|twin| assembled.url(site, &page.dir, twin)),
        is_easy_read: site.pages[*i].kind == PageKind::EasyRead,
    };
    Some(ListingView {
        title: page.title().to_owned(),
        url: assembled.url(site, &page.dir, idx),
        booklet_url: crate::render::booklet::url_for(
            assembled,
            &page.dir,
            &format!("{}booklet/", page.dir),
        ),
        pages: section
            .pages
            .iter()
            .filter(|&&i| site.is_listed(i))
            .map(listed)
            .collect(),
        subsections: section
            .subsections
            .iter()
            .map(|dir| listed(&site.sections[dir].index))
            .collect(),
    })
}

/// A page Signpost writes itself (`render::generated`), as the shared
/// templates need it.
pub struct GeneratedPage<'a> {
    pub template: &'a str,
    /// Its output folder (`a-z/`, `cy/a-z/`).
    pub dir: &'a str,
    /// Its language's root folder (`""`, `cy/`), for the breadcrumb home.
    pub root: &'a str,
    pub lang: &'a str,
    pub title: String,
    /// `(lang, dir)` of the same page in each language, for the switcher.
    pub versions: Vec<(String, String)>,
}

/// Renders a generated page through `base.html` like any page: a full
/// `page` view (title, language, direction; no Markdown body), breadcrumbs
/// Home > the page, and the language switcher; `view` goes in as `name`.
pub fn render_generated(
    site: &Site,
    assembled: &Assembled,
    theme: &Theme,
    page: &GeneratedPage,
    name: &str,
    view: &impl Serialize,
) -> Result<String, Diagnostic> {
    let words = theme.words.words(page.lang);
    let extra = serde_json::Map::new();
    let page_view = PageView {
        title: &page.title,
        summary: None,
        content: "",
        kind: "generated",
        lang: page.lang,
        dir: text_direction(page.lang),
        reviewed: None,
        review_due: None,
        audience: &[],
        sources: &[],
        extra: &extra,
        source: String::new(),
        has_worksheet: false,
        alternate: None,
        machine_translation: None,
        large_print_url: None,
        feedback_url: None,
        contents: Vec::new(),
        based_on: None,
    };
    let pretty = assembled.pretty;
    let crumb = |title: &str, to: &str| Link {
        title: title.to_owned(),
        url: crate::site::urls::relative(page.dir, to, pretty),
        external: false,
    };
    let breadcrumbs = vec![
        crumb(words.get("nav.home"), page.root),
        crumb(&page.title, page.dir),
    ];
    let languages: Vec<LanguageLink> = page
        .versions
        .iter()
        .map(|(lang, dir)| language_link(site, pretty, page.dir, lang, dir))
        .collect();
    let mut context = words.template_context();
    context.insert(
        "site",
        &site_view(site, assembled, theme, page.dir, None, &words),
    );
    context.insert("page", &page_view);
    context.insert("languages", &languages);
    context.insert("breadcrumbs", &breadcrumbs);
    context.insert("prev", &None::<Link>);
    context.insert("next", &None::<Link>);
    context.insert(name, view);
    theme
        .tera
        .render(page.template, &context)
        .map_err(|error| template_error(&error, &theme.sources))
}

/// Renders `404.html`. It is served at any depth, so it carries a `<base>`
/// pointing at the site root (`base_url`, else `/`) and links from there.
/// `lang` is the site's language for `404.html`, or another of its
/// languages for `LANG/404.html`, whose `<base>` is that language's folder.
pub fn render_not_found(
    site: &Site,
    assembled: &Assembled,
    theme: &Theme,
    lang: &str,
) -> Result<String, Diagnostic> {
    let words = theme.words.words(lang);
    let root = if lang == site.config.language {
        String::new()
    } else {
        format!("{lang}/")
    };
    let mut context = words.template_context();
    context.insert(
        "site",
        &site_view(site, assembled, theme, &root, None, &words),
    );
    context.insert("languages", &Vec::<LanguageLink>::new());
    context.insert(
        "base_href",
        &format!(
            "{}{root}",
            site.config.base_url().unwrap_or_else(|| "/".to_owned())
        ),
    );
    context.insert("lang", lang);
    context.insert("dir", text_direction(lang));
    theme
        .tera
        .render("404.html", &context)
        .map_err(|error| template_error(&error, &theme.sources))
}

/// What templates see as `site`, in the language of `words`: the title,
/// description and help banner from `translations:` when given, and the
/// navigation of that language's pages.
fn site_view<'a>(
    site: &'a Site,
    assembled: &Assembled,
    theme: &'a Theme,
    from_dir: &str,
    current: Option<PageIdx>,
    words: &Words,
) -> SiteView<'a> {
    let config = &site.config;
    let lang = words_lang(site, from_dir);
    let root = crate::site::urls::language_root(from_dir, &config.language_codes());
    let translated = config.translations.get(lang);
    let nav_html = nav_html(site, assembled, from_dir, current, &root, words);
    let nav = if !theme.uses_nav_items {
        Vec::new()
    } else {
        nav_items(site, assembled, from_dir, current, &root)
    };
    SiteView {
        title: translated
            .and_then(|t| t.title.as_deref())
            .unwrap_or(&config.title),
        description: translated
            .and_then(|t| t.description.as_deref())
            .unwrap_or(&config.description),
        lang,
        root: crate::site::urls::root_prefix(from_dir),
        home_url: crate::site::urls::relative(from_dir, &root, config.output.pretty_urls),
        css: &theme.css,
        brand: config.brand.as_ref().map(|brand| BrandView {
            name: &brand.name,
            logo_url: assembled
                .logo
                .as_ref()
                .map(|logo| crate::site::urls::relative(from_dir, logo, false)),
            colour: brand.colour.as_deref(),
        }),
        help: help_view(site, assembled, from_dir, lang, words),
        nav,
        nav_html,
        home_current: current.is_some_and(|c| site.pages[c].kind == PageKind::Home),
        paper: config.print.paper.css(),
        // Each language's own booklets: a language without one links to none.
        booklet_url: crate::render::booklet::url_for(
            assembled,
            from_dir,
            &format!("{root}{}", crate::render::booklet::GUIDE_DIR),
        ),
        easy_read_booklet_url: crate::render::booklet::url_for(
            assembled,
            from_dir,
            &format!("{root}{}", crate::render::booklet::EASY_READ_DIR),
        ),
        feed_url: config
            .base_url()
            .map(|_| crate::site::urls::relative(from_dir, "feed.xml", false)),
        has_worksheets: assembled.worksheet_roots.contains(&root),
        feedback_url: config.feedback.as_ref().map(|f| {
            format!(
                "mailto:{}?subject={}",
                f.email,
                mailto_encode(&config.title)
            )
        }),
        a_to_z_url: special_url(assembled, from_dir, &root, "a-z/"),
        a_to_z_current: from_dir == format!("{root}a-z/"),
        changes_url: special_url(assembled, from_dir, &root, "changes/"),
        accessibility_url: special_url(assembled, from_dir, &root, "accessibility/"),
    }
}

/// The help banner in `lang`: its own text from `translations:`, else the
/// site's, marked with the site's language so it is read and laid out as
/// that language.
fn help_view<'a>(
    site: &'a Site,
    assembled: &Assembled,
    from_dir: &str,
    lang: &str,
    words: &Words,
) -> Option<HelpView<'a>> {
    let config = &site.config;
    let own_help = config.translations.get(lang).and_then(|t| t.help.as_ref());
    let help = own_help.or(config.help.as_ref())?;
    let fallback = (own_help.is_none() && lang != config.language).then(|| LangDir {
        lang: config.language.clone(),
        dir: text_direction(&config.language),
    });
    Some(HelpView {
        heading: if help.heading == crate::source::config::DEFAULT_HELP_HEADING {
            words.get("header.help_heading").to_owned()
        } else {
            help.heading.clone()
        },
        text: &help.text,
        links: assembled.help_links(site, from_dir, lang),
        fallback,
    })
}

/// The link from `from_dir` to one of the pages the header and footer
/// offer (`a-z/` under the language's `root`), when the site has it.
fn special_url(assembled: &Assembled, from_dir: &str, root: &str, slug: &str) -> Option<String> {
    let dir = format!("{root}{slug}");
    assembled
        .special_pages
        .contains(&dir)
        .then(|| crate::site::urls::relative(from_dir, &dir, assembled.pretty))
}

/// `current`'s state in the navigation entry `idx`: the page itself, or a
/// page inside that section.
fn nav_state(site: &Site, idx: PageIdx, current: Option<PageIdx>) -> Option<&'static str> {
    let target = &site.pages[idx];
    match current {
        Some(c) if c == idx => Some("page"),
        Some(c)
            if site.pages[c].kind != PageKind::Home
                && !target.dir.is_empty()
                && site.pages[c].dir.starts_with(&target.dir) =>
        {
            Some("section")
        }
        _ => None,
    }
}

/// The navigation as `<li>` items, rendered once per [`NavKey`].
fn nav_html(
    site: &Site,
    assembled: &Assembled,
    from_dir: &str,
    current: Option<PageIdx>,
    root: &str,
    words: &Words,
) -> std::sync::Arc<str> {
    let depth = from_dir.split('/').filter(|s| !s.is_empty()).count();
    let entries = assembled.nav_for(root);
    let inside = entries.iter().position(|&idx| {
        let dir = &site.pages[idx].dir;
        !dir.is_empty() && from_dir.starts_with(dir.as_str())
    });
    let is_entry = inside.is_some_and(|i| current == Some(entries[i]));
    let home = current.is_some_and(|c| site.pages[c].kind == PageKind::Home);
    let key = (root.to_owned(), depth, inside, is_entry, home);
    if let Some(html) = assembled
        .nav_html
        .lock()
        .ok()
        .and_then(|cache| cache.get(&key).cloned())
    {
        return html;
    }
    let escape = crate::text::escape::escape_html;
    let mut html = format!(
        "<li><a href=\"{}\"{}>{}</a></li>",
        escape(&crate::site::urls::relative(
            from_dir,
            root,
            site.config.output.pretty_urls
        )),
        if home { " aria-current=\"page\"" } else { "" },
        escape(words.get("nav.home"))
    );
    for item in nav_items(site, assembled, from_dir, current, root) {
        let marker = match item.current {
            Some("page") => " aria-current=\"page\"",
            Some(_) => " class=\"current-section\"",
            None => "",
        };
        html.push_str(&format!(
            "<li><a href=\"{}\"{marker}>{}</a></li>",
            escape(&item.url),
            escape(&item.title)
        ));
    }
    let html: std::sync::Arc<str> = html.into();
    if let Ok(mut cache) = assembled.nav_html.lock() {
        cache.insert(key, html.clone());
    }
    html
}

fn nav_items(
    site: &Site,
    assembled: &Assembled,
    from_dir: &str,
    current: Option<PageIdx>,
    root: &str,
) -> Vec<NavItem> {
    assembled
        .nav_for(root)
        .iter()
        .map(|&idx| NavItem {
            title: site.pages[idx].title().to_owned(),
            url: assembled.url(site, from_dir, idx),
            current: nav_state(site, idx, current),
        })
        .collect()
}

/// Renders one booklet page.
pub fn render_booklet(
    site: &Site,
    assembled: &Assembled,
    theme: &Theme,
    dir: &str,
    booklet: &crate::render::booklet::BookletView,
) -> Result<String, Diagnostic> {
    let words = theme.words.words(&booklet.lang);
    let mut context = words.template_context();
    context.insert(
        "site",
        &site_view(site, assembled, theme, dir, None, &words),
    );
    context.insert("booklet", booklet);
    context.insert("languages", &Vec::<LanguageLink>::new());
    context.insert("lang", &booklet.lang);
    context.insert("dir", text_direction(&booklet.lang));
    render_sized(
        theme,
        crate::render::booklet::TEMPLATE,
        &context,
        booklet.content_len() + PAGE_FRAME,
    )
}

/// The language of the pages under `from_dir`: the one whose folder it is
/// in (`cy/…`), else the site's.
fn words_lang<'a>(site: &'a Site, from_dir: &str) -> &'a str {
    let root = crate::site::urls::language_root(from_dir, &site.config.language_codes());
    site.config
        .language_codes()
        .into_iter()
        .find(|c| format!("{c}/") == root)
        .unwrap_or(&site.config.language)
}

/// `rtl` for scripts written right to left.
pub fn text_direction(lang: &str) -> &'static str {
    crate::text::languages::direction(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_error_names_template_and_line() {
        let source = "<p>\n{{ page.title \n</p>";
        let mut tera = tera::Tera::default();
        let error = tera.add_raw_template("page.html", source).unwrap_err();
        let mut sources = std::collections::BTreeMap::new();
        sources.insert(
            "page.html".to_owned(),
            ("themes/t/templates/page.html".to_owned(), source.to_owned()),
        );
        let d = template_error(&error, &sources);
        assert_eq!(d.file.as_deref(), Some("themes/t/templates/page.html"));
        assert!(d.line >= 2, "{d:?}");
    }

    #[test]
    fn direction_follows_language() {
        assert_eq!(text_direction("ar"), "rtl");
        assert_eq!(text_direction("ur-PK"), "rtl");
        assert_eq!(text_direction("en-GB"), "ltr");
        assert_eq!(text_direction("cy"), "ltr");
    }
}
