//! Site-wide structure worked out once per build: the navigation, the help
//! banner's links, the brand logo, breadcrumbs and previous/next links.

use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::site::model::{PageIdx, PageKind, Site};
use crate::site::urls::relative;
use crate::source::config;

/// A link ready for a template: text and a URL relative to the page.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
    pub external: bool,
}

#[derive(Debug, Clone)]
enum HelpTarget {
    Page(PageIdx, Option<String>),
    Raw(String),
}

#[derive(Debug)]
pub struct Assembled {
    /// Top-level sections and pages, in navigation order, for each
    /// language's home folder (`""`, `cy/`).
    pub nav: std::collections::BTreeMap<String, Vec<PageIdx>>,
    /// Output path of the brand logo, if the site has one.
    pub logo: Option<String>,
    /// The help banner's links, by language (the default language's, and
    /// each `translations:` banner's).
    help: std::collections::BTreeMap<String, Vec<(String, HelpTarget)>>,
    pub pretty: bool,
    /// Output folders of the booklets this build makes.
    pub booklets: Vec<String>,
    /// The language folders (`""`, `cy/`) with a page that has a
    /// worksheet, so a home page only offers "the guide with its
    /// worksheets" when its language's booklet has some.
    pub worksheet_roots: std::collections::BTreeSet<String>,
    /// Output folders of the A–Z, "What has changed" and accessibility
    /// pages (generated, or the site's own at those addresses), which the
    /// header and footer link to.
    pub special_pages: std::collections::BTreeSet<String>,
    /// The site navigation as HTML, by page position: every page at the
    /// same depth in the same top-level section gets the same list, so it is
    /// rendered once for all of them instead of once per page.
    pub nav_html: std::sync::Mutex<std::collections::HashMap<NavKey, std::sync::Arc<str>>>,
}

/// What the navigation of a page depends on: its language's home folder,
/// its folder depth, which top-level entry contains it, whether it *is*
/// that entry, and whether it is the home page.
pub type NavKey = (String, usize, Option<usize>, bool, bool);

/// Where the brand logo is copied to.
pub const LOGO_DIR: &str = "brand";

pub fn assemble(site: &Site, config_text: &str) -> (Assembled, Vec<Diagnostic>) {
    let mut problems: Vec<Diagnostic> = unknown_appendix(site, config_text).into_iter().collect();
    let nav = site
        .sections
        .values()
        .filter(|s| site.pages[s.index].kind == PageKind::Home)
        .map(|home| (home.dir.clone(), nav_of(site, home)))
        .collect();

    let mut help = std::collections::BTreeMap::new();
    let banners = site
        .config
        .help
        .iter()
        .map(|b| (site.config.language.clone(), b))
        .chain(
            site.config
                .translations
                .iter()
                .filter_map(|(lang, t)| Some((lang.clone(), t.help.as_ref()?))),
        );
    for (lang, banner) in banners {
        help.insert(lang, banner_links(site, banner, config_text, &mut problems));
    }

    let logo = site
        .config
        .brand
        .as_ref()
        .and_then(|b| b.logo.as_ref())
        .map(|logo| {
            let name = logo.rsplit('/').next().unwrap_or(logo);
            format!("{LOGO_DIR}/{name}")
        });
    (
        Assembled {
            nav,
            logo,
            help,
            pretty: site.config.output.pretty_urls,
            booklets: Vec::new(),
            worksheet_roots: std::collections::BTreeSet::new(),
            special_pages: Default::default(),
            nav_html: Default::default(),
        },
        problems,
    )
}

/// The links of one help banner; unsafe and broken ones are reported at
/// their line of `site.yaml` and left out.
fn banner_links(
    site: &Site,
    banner: &config::HelpBanner,
    config_text: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(String, HelpTarget)> {
    let mut help = Vec::new();
    for link in &banner.links {
        if let Err(refused) = crate::gates::safe_url::check(&link.link) {
            problems.push(
                Diagnostic::error("unsafe-link", refused.message(&link.link))
                    .in_file(config::FILE_NAME)
                    .at_source(config_text, line_of_value(config_text, &link.link), 1)
                    .help(crate::gates::safe_url::HELP),
            );
            continue;
        }
        match resolve_help_link(site, &link.link) {
            Some(target) => help.push((link.text.clone(), target)),
            // Local editions: a page the site hides.
            None if site.edition.hidden.contains_key(link.link.trim_start_matches('/')) => {
                problems.extend(crate::site::layering::hidden_help_link(
                    &site.edition,
                    config_text,
                    &link.link,
                ));
            }
            None => problems.push(
                Diagnostic::error(
                    "broken-link",
                    format!("the help banner links to `{}`, which is not a page in content/", link.link),
                )
                .in_file(config::FILE_NAME)
                .at_source(config_text, line_of_value(config_text, &link.link), 1)
                .help("write the page's path inside content/, like get-help-now.md, or a full https:// or tel: link"),
            ),
        }
    }
    help
}

/// A home page's navigation: its sections, then its pages, in order.
fn nav_of(site: &Site, home: &crate::site::model::Section) -> Vec<PageIdx> {
    let mut nav: Vec<PageIdx> = home
        .subsections
        .iter()
        .map(|dir| site.sections[dir].index)
        .chain(
            home.pages
                .iter()
                .copied()
                .filter(|&i| site.pages[i].kind == PageKind::Page),
        )
        .collect();
    nav.sort_by_key(|&i| site.pages[i].order_key());
    nav
}

/// `booklets.appendix`, when set in `site.yaml`, must name a top-level
/// section: otherwise the guide booklet silently has no appendix.
fn unknown_appendix(site: &Site, config_text: &str) -> Option<Diagnostic> {
    let wanted = site.config.booklets.appendix.trim_matches('/');
    let written = config_text
        .lines()
        .any(|l| l.trim_start().starts_with("appendix:"));
    if wanted.is_empty() || !written {
        return None;
    }
    let top_level: Vec<&str> = site
        .home()
        .subsections
        .iter()
        .map(|dir| dir.trim_end_matches('/'))
        .collect();
    if top_level.contains(&wanted) {
        return None;
    }
    let near = crate::diagnostics::did_you_mean(wanted, top_level.iter().copied())
        .map(|n| format!("did you mean `{n}`? "))
        .unwrap_or_default();
    Some(
        Diagnostic::error(
            "bad-value",
            format!("`booklets.appendix` is `{wanted}`, but there is no section content/{wanted}/"),
        )
        .in_file(config::FILE_NAME)
        .at_source(config_text, config::line_of_key(config_text, "appendix"), 1)
        .help(format!(
            "{near}name a folder directly inside content/ (it needs an _index.md), or write `appendix: \"\"` for none"
        )),
    )
}

fn resolve_help_link(site: &Site, link: &str) -> Option<HelpTarget> {
    match crate::gates::safe_url::check(link) {
        Ok(crate::gates::safe_url::UrlKind::Relative) => {}
        Ok(_) => return Some(HelpTarget::Raw(link.to_owned())),
        // Reported as unsafe where the banner is assembled, not as broken.
        Err(_) => return None,
    }
    let (path, fragment) = match link.split_once('#') {
        Some((p, f)) => (p, Some(f.to_owned())),
        None => (link, None),
    };
    let path = path.trim_start_matches("content/").trim_start_matches('/');
    site.page_by_rel(path)
        .map(|idx| HelpTarget::Page(idx, fragment))
}

fn line_of_value(text: &str, value: &str) -> usize {
    text.lines()
        .position(|l| l.contains(value))
        .map_or(1, |i| i + 1)
}

impl Assembled {
    /// The navigation of the language whose home folder is `root`.
    pub fn nav_for(&self, root: &str) -> &[PageIdx] {
        self.nav
            .get(root)
            .or_else(|| self.nav.get(""))
            .map_or(&[], Vec::as_slice)
    }

    /// URL of page `idx` from a page whose folder is `from_dir`.
    pub fn url(&self, site: &Site, from_dir: &str, idx: PageIdx) -> String {
        relative(from_dir, &site.pages[idx].dir, self.pretty)
    }

    fn link(&self, site: &Site, from_dir: &str, idx: PageIdx) -> Link {
        Link {
            title: site.pages[idx].title().to_owned(),
            url: self.url(site, from_dir, idx),
            external: false,
        }
    }

    /// The help banner's links for a page in `lang`: its own banner's, or
    /// the default language's. A link to a page goes to its translation
    /// in `lang` when there is one.
    pub fn help_links(&self, site: &Site, from_dir: &str, lang: &str) -> Vec<Link> {
        let links = self
            .help
            .get(lang)
            .or_else(|| self.help.get(&site.config.language))
            .map_or(&[][..], Vec::as_slice);
        links
            .iter()
            .map(|(text, target)| match target {
                HelpTarget::Page(idx, fragment) => {
                    let idx = &site.in_language(*idx, lang);
                    let mut url = self.url(site, from_dir, *idx);
                    if let Some(f) = fragment {
                        url.push('#');
                        url.push_str(f);
                    }
                    Link {
                        title: text.clone(),
                        url,
                        external: false,
                    }
                }
                HelpTarget::Raw(url) => Link {
                    title: text.clone(),
                    url: url.clone(),
                    external: url.starts_with("http"),
                },
            })
            .collect()
    }

    /// Home, then each enclosing section, then the page itself.
    pub fn breadcrumbs(&self, site: &Site, idx: PageIdx) -> Vec<Link> {
        let page = &site.pages[idx];
        if page.kind == PageKind::Home {
            return Vec::new();
        }
        let mut crumbs: Vec<Link> = site
            .section_chain(&page.section_dir)
            .iter()
            .map(|section| self.link(site, &page.dir, section.index))
            .collect();
        crumbs.push(self.link(site, &page.dir, idx));
        crumbs
    }

    /// The pages before and after this one in its section's order.
    pub fn neighbours(&self, site: &Site, idx: PageIdx) -> (Option<Link>, Option<Link>) {
        let page = &site.pages[idx];
        if !matches!(page.kind, PageKind::Page) {
            return (None, None);
        }
        let Some(section) = site.sections.get(&page.section_dir) else {
            return (None, None);
        };
        let siblings: Vec<PageIdx> = section
            .pages
            .iter()
            .copied()
            .filter(|&i| site.pages[i].kind == PageKind::Page)
            .collect();
        let Some(position) = siblings.iter().position(|&i| i == idx) else {
            return (None, None);
        };
        let prev = position
            .checked_sub(1)
            .map(|p| self.link(site, &page.dir, siblings[p]));
        let next = siblings
            .get(position + 1)
            .map(|&n| self.link(site, &page.dir, n));
        (prev, next)
    }
}
