//! Links to headings: only checkable once every page has been rendered and
//! its heading ids are known.

use std::collections::HashSet;

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::markdown::{LinkTarget, Rendered};
use crate::model::Site;

pub fn check(site: &Site, rendered: &[Rendered]) -> Vec<Diagnostic> {
    let ids: Vec<HashSet<&str>> = rendered
        .iter()
        .map(|r| r.headings.iter().map(|h| h.id.as_str()).collect())
        .collect();
    let mut problems = Vec::new();
    for (idx, page_render) in rendered.iter().enumerate() {
        let page = &site.pages[idx];
        for link in &page_render.links {
            let (target, fragment) = match &link.target {
                LinkTarget::Page {
                    page: target,
                    fragment: Some(fragment),
                } => (*target, fragment),
                LinkTarget::SamePage(fragment) => (idx, fragment),
                _ => continue,
            };
            if fragment.is_empty()
                || ids[target].contains(fragment.as_str())
                || is_footnote(&rendered[target], fragment)
            {
                continue;
            }
            let near = did_you_mean(fragment, ids[target].iter().copied())
                .map(|n| format!("did you mean `#{n}`? "))
                .unwrap_or_default();
            let target_page = &site.pages[target];
            problems.push(
                Diagnostic::error(
                    "broken-anchor",
                    format!("{} has no heading with the id `{fragment}`", target_page.file()),
                )
                .in_file(page.file())
                .at_source(&page.text, link.line, link.column)
                .help(format!(
                    "{near}heading ids are the heading text in lower case with hyphens, like #who-can-help"
                )),
            );
        }
    }
    problems
}

/// pulldown-cmark gives footnote definitions their label as id.
fn is_footnote(rendered: &Rendered, fragment: &str) -> bool {
    rendered.html.contains(&format!("id=\"{fragment}\""))
}
