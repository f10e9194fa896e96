//! Renders pages through the theme's Tera templates.
//!
//! Templates never see the internal model: they get small serializable
//! *views* (strings already formatted for readers, URLs already relative to
//! the page), so a theme cannot depend on how the pipeline stores things.
//! Template errors are mapped back to the template file and line.

use serde::Serialize;

use super::template_error::template_error;
use super::views::{DateView, glossary_view};
use tera::Context;

use crate::diagnostics::Diagnostic;
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
    /// Whether any page has a worksheet.
    has_worksheets: bool,
}

#[derive(Serialize)]
struct BrandView<'a> {
    name: &'a str,
    logo_url: Option<String>,
    colour: Option<&'a str>,
}

#[derive(Serialize)]
struct HelpView<'a> {
    heading: &'a str,
    text: &'a str,
    links: Vec<Link>,
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
}

#[derive(Serialize)]
struct AlternateView {
    url: String,
    /// "Easy read version" or "Standard version".
    title: &'static str,
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
    let mut context = Context::new();
    context.insert(
        "site",
        &site_view(site, assembled, theme, &page.dir, Some(idx)),
    );
    context.insert("page", &page_view(site, assembled, idx, rendered));
    context.insert("breadcrumbs", &assembled.breadcrumbs(site, idx));
    let (prev, next) = assembled.neighbours(site, idx);
    context.insert("prev", &prev);
    context.insert("next", &next);
    if let Some(listing) = listing_view(site, assembled, idx) {
        context.insert("section", &listing);
    }
    if template == "glossary.html" {
        context.insert("glossary", &glossary_view(site));
    }
    theme
        .tera
        .render(&template, &context)
        .map_err(|error| template_error(&error, &theme.sources))
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
) -> PageView<'a> {
    let page = &site.pages[idx];
    let lang = page.front.lang.as_deref().unwrap_or(&site.config.language);
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
        reviewed: page.front.reviewed.map(DateView::from),
        review_due: page.front.review_due.map(DateView::from),
        audience: &page.front.audience,
        sources: &page.front.sources,
        extra: &page.front.extra,
        source: page.file(),
        has_worksheet: rendered.worksheets > 0,
        alternate: site.twin(idx).map(|twin| AlternateView {
            url: assembled.url(site, &page.dir, twin),
            title: if page.kind == PageKind::EasyRead {
                "Standard version"
            } else {
                "Easy read version"
            },
        }),
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

/// Renders `404.html`. It is served at any depth, so it carries a `<base>`
/// pointing at the site root (`base_url`, else `/`) and links from there.
pub fn render_not_found(
    site: &Site,
    assembled: &Assembled,
    theme: &Theme,
) -> Result<String, Diagnostic> {
    let mut context = Context::new();
    context.insert("site", &site_view(site, assembled, theme, "", None));
    context.insert(
        "base_href",
        &site.config.base_url().unwrap_or_else(|| "/".to_owned()),
    );
    context.insert("lang", &site.config.language);
    context.insert("dir", text_direction(&site.config.language));
    theme
        .tera
        .render("404.html", &context)
        .map_err(|error| template_error(&error, &theme.sources))
}

fn site_view<'a>(
    site: &'a Site,
    assembled: &Assembled,
    theme: &'a Theme,
    from_dir: &str,
    current: Option<PageIdx>,
) -> SiteView<'a> {
    let config = &site.config;
    let nav_html = nav_html(site, assembled, from_dir, current);
    let nav = if !theme.uses_nav_items {
        Vec::new()
    } else {
        nav_items(site, assembled, from_dir, current)
    };
    SiteView {
        title: &config.title,
        description: &config.description,
        lang: &config.language,
        root: crate::site::urls::root_prefix(from_dir),
        home_url: crate::site::urls::relative(from_dir, "", config.output.pretty_urls),
        css: &theme.css,
        brand: config.brand.as_ref().map(|brand| BrandView {
            name: &brand.name,
            logo_url: assembled
                .logo
                .as_ref()
                .map(|logo| crate::site::urls::relative(from_dir, logo, false)),
            colour: brand.colour.as_deref(),
        }),
        help: config.help.as_ref().map(|help| HelpView {
            heading: &help.heading,
            text: &help.text,
            links: assembled.help_links(site, from_dir),
        }),
        nav,
        nav_html,
        home_current: current.is_some_and(|c| site.pages[c].kind == PageKind::Home),
        paper: config.print.paper.css(),
        booklet_url: crate::render::booklet::url_for(
            assembled,
            from_dir,
            crate::render::booklet::GUIDE_DIR,
        ),
        easy_read_booklet_url: crate::render::booklet::url_for(
            assembled,
            from_dir,
            crate::render::booklet::EASY_READ_DIR,
        ),
        has_worksheets: assembled.has_worksheets,
    }
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
) -> std::sync::Arc<str> {
    let depth = from_dir.split('/').filter(|s| !s.is_empty()).count();
    let inside = assembled.nav.iter().position(|&idx| {
        let dir = &site.pages[idx].dir;
        !dir.is_empty() && from_dir.starts_with(dir.as_str())
    });
    let is_entry = inside.is_some_and(|i| current == Some(assembled.nav[i]));
    let home = current.is_some_and(|c| site.pages[c].kind == PageKind::Home);
    let key = (depth, inside, is_entry, home);
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
        "<li><a href=\"{}\"{}>Home</a></li>",
        escape(&crate::site::urls::relative(
            from_dir,
            "",
            site.config.output.pretty_urls
        )),
        if home { " aria-current=\"page\"" } else { "" }
    );
    for item in nav_items(site, assembled, from_dir, current) {
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
) -> Vec<NavItem> {
    assembled
        .nav
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
    let mut context = Context::new();
    context.insert("site", &site_view(site, assembled, theme, dir, None));
    context.insert("booklet", booklet);
    context.insert("lang", &site.config.language);
    context.insert("dir", text_direction(&site.config.language));
    theme
        .tera
        .render(crate::render::booklet::TEMPLATE, &context)
        .map_err(|error| template_error(&error, &theme.sources))
}

/// `rtl` for scripts written right to left.
pub fn text_direction(lang: &str) -> &'static str {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or(lang)
        .to_ascii_lowercase();
    match primary.as_str() {
        "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "ckb" | "dv" => "rtl",
        _ => "ltr",
    }
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
