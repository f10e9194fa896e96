//! Pages Signpost writes itself, from what it knows about the site rather
//! than from a Markdown file: the A–Z index (`a-z/`), "What has changed"
//! (`changes/`) and the accessibility statement (`accessibility/`).
//!
//! They share one mechanism. Each [`Kind`] has a folder and a template;
//! [`plans`] gives one page per language of `languages:` (`a-z/`,
//! `cy/a-z/`) for each kind whose template the theme has, unless the
//! site has its own page at that address, which then wins untouched. Each
//! page is rendered through `base.html` like any other page (title,
//! breadcrumbs, language switcher) with its own view beside `page`.

pub mod a_to_z;
pub mod accessibility;
pub mod changes;

use crate::diagnostics::Diagnostic;
use crate::render::templates::{GeneratedPage, render_generated};
use crate::render::theme::Theme;
use crate::site::assemble::Assembled;
use crate::site::model::Site;

/// The pages Signpost can write itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    AToZ,
    Changes,
    Accessibility,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::AToZ, Kind::Changes, Kind::Accessibility];

    /// The folder under a language's root. `changes/` rather than
    /// `whats-new/`: it lists pages that were reviewed, which are not
    /// always new, and one plain word works in any language's address.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::AToZ => "a-z/",
            Kind::Changes => "changes/",
            Kind::Accessibility => "accessibility/",
        }
    }

    /// The theme template; a theme without it gets no such page.
    pub fn template(self) -> &'static str {
        match self {
            Kind::AToZ => "a-z.html",
            Kind::Changes => "changes.html",
            Kind::Accessibility => "accessibility.html",
        }
    }

    /// The key of the page's title in the theme's words.
    fn title_key(self) -> &'static str {
        match self {
            Kind::AToZ => "a_to_z.title",
            Kind::Changes => "changes.title",
            Kind::Accessibility => "accessibility.title",
        }
    }
}

/// One page to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub kind: Kind,
    pub lang: String,
    /// The language's root folder: `""` or `cy/`.
    pub root: String,
    /// The output folder: `a-z/`, `cy/a-z/`.
    pub dir: String,
}

/// Where each kind of page goes in each language that has a home page,
/// whether Signpost writes it or the site has its own: `(kind, lang,
/// root, dir)`, in a fixed order.
fn addresses(site: &Site) -> Vec<Plan> {
    let codes = site.config.language_codes();
    let mut found = Vec::new();
    for kind in Kind::ALL {
        for lang in &codes {
            let root = crate::site::urls::language_root(&format!("{lang}/"), &codes);
            if site.sections.contains_key(&root) {
                found.push(Plan {
                    kind,
                    lang: (*lang).to_owned(),
                    dir: format!("{root}{}", kind.slug()),
                    root,
                });
            }
        }
    }
    found
}

/// The pages Signpost writes: every address whose template the theme has
/// and where the site has no page of its own.
pub fn plans(site: &Site, theme: &Theme) -> Vec<Plan> {
    addresses(site)
        .into_iter()
        .filter(|plan| theme.has_template(plan.kind.template()))
        .filter(|plan| !site.pages.iter().any(|p| p.dir == plan.dir))
        .collect()
}

/// The folders the header and footer may link to: the generated pages and
/// the site's own pages at those addresses.
pub fn link_targets(site: &Site, plans: &[Plan]) -> std::collections::BTreeSet<String> {
    addresses(site)
        .into_iter()
        .filter(|a| plans.contains(a) || site.pages.iter().any(|p| p.dir == a.dir))
        .map(|a| a.dir)
        .collect()
}

/// Problems known before anything is rendered: a generated statement with
/// no way for readers to report a problem.
pub fn problems(site: &Site, plans: &[Plan]) -> Vec<Diagnostic> {
    if plans.iter().any(|p| p.kind == Kind::Accessibility) {
        accessibility::contact_problem(site).into_iter().collect()
    } else {
        Vec::new()
    }
}

/// Renders one generated page to HTML (not yet minified).
pub fn render(
    site: &Site,
    assembled: &Assembled,
    theme: &Theme,
    plan: &Plan,
    all: &[Plan],
) -> Result<String, Diagnostic> {
    let words = theme.words.words(&plan.lang);
    let page = GeneratedPage {
        template: plan.kind.template(),
        dir: &plan.dir,
        root: &plan.root,
        lang: &plan.lang,
        title: words.get(plan.kind.title_key()).to_owned(),
        versions: versions(all, plan),
    };
    match plan.kind {
        Kind::AToZ => {
            let view = a_to_z::view(site, assembled, plan);
            render_generated(site, assembled, theme, &page, "a_to_z", &view)
        }
        Kind::Changes => {
            let view = changes::view(site, assembled, plan, &words);
            render_generated(site, assembled, theme, &page, "changes", &view)
        }
        Kind::Accessibility => {
            let view = accessibility::view(site, assembled, plan, &words);
            render_generated(site, assembled, theme, &page, "statement", &view)
        }
    }
}

/// The same kind of page in every language that has it, `(lang, dir)` in
/// the order of `languages:`; empty when there is only one.
pub fn versions(all: &[Plan], plan: &Plan) -> Vec<(String, String)> {
    let same: Vec<(String, String)> = all
        .iter()
        .filter(|p| p.kind == plan.kind)
        .map(|p| (p.lang.clone(), p.dir.clone()))
        .collect();
    if same.len() < 2 { Vec::new() } else { same }
}
