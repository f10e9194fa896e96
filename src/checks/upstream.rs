//! `upstream-changed`: a local edition's page that overrides a base page,
//! when the base page has moved on since (reviewed later, or its text
//! changed since the `overrides:` stamp was made). The national guide's
//! corrections must reach the local copy, so the author is told what
//! changed and how much.

use super::finding;
use crate::diagnostics::Diagnostic;
use crate::site::layering::BasePage;
use crate::site::model::{Page, Site};
use crate::site::provenance::{Drift, body_hash, drift};

pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = site
        .edition
        .overridden
        .iter()
        .filter_map(|(rel, base)| {
            let page = &site.pages[site.page_by_rel(rel)?];
            (page.layer == 0).then(|| changed(page, base))?
        })
        .collect();
    found.extend(site.pages.iter().filter_map(|page| orphaned(site, page)));
    found
}

/// A page stamped `overrides:` that overrides nothing: the base page was
/// moved or removed, so the national corrections no longer reach it.
fn orphaned(site: &Site, page: &Page) -> Option<Diagnostic> {
    if page.layer != 0
        || page.front.overrides.is_none()
        || site.edition.overridden.contains_key(&page.rel)
    {
        return None;
    }
    Some(
        finding(
            "upstream-changed",
            format!(
                "this page is stamped `overrides:`, but no site this one extends has content/{} any more: the base page was moved or removed",
                page.rel
            ),
        )
        .in_file(page.file())
        .at_source(&page.text, front_line(&page.text, "overrides").max(1), 1)
        .help("find where the base page went and move this page to the same path, or delete the `overrides:` lines to keep it as a page of this site only"),
    )
}

/// The finding for one override, if its base has moved on.
pub fn changed(page: &Page, base: &BasePage) -> Option<Diagnostic> {
    let drifts = drift(
        page.front.overrides.as_ref(),
        page.front.reviewed,
        base.reviewed,
        &base.body,
    );
    if drifts.is_empty() {
        return None;
    }
    let what: Vec<String> = drifts
        .iter()
        .map(|d| match d {
            Drift::ReviewedLater { source, derived } => format!(
                "was reviewed on {}, after this page ({})",
                source.long(),
                derived.long()
            ),
            Drift::TextChanged { .. } => "has changed since this page was made from it".to_owned(),
        })
        .collect();
    let message = format!(
        "the base page {} {}: {}",
        base.shown,
        what.join(", and its text "),
        diff_summary(page.body(), &base.body)
    );
    let line = ["overrides", "reviewed"]
        .iter()
        .map(|key| front_line(&page.text, key))
        .find(|&line| line > 0)
        .unwrap_or(1);
    let stamp = format!(
        "overrides: {{source_hash: \"{}\", source_reviewed: {}}}",
        body_hash(&base.body),
        base.reviewed
            .map_or_else(|| "…".to_owned(), |d| d.to_string())
    );
    Some(
        finding("upstream-changed", message)
            .in_file(page.file())
            .at_source(&page.text, line, 1)
            .help(format!(
                "compare this page with {} and bring in the changes you want, then set `reviewed:` to today and `{stamp}`",
                base.shown
            )),
    )
}

/// "+12 −3 lines, first difference under ## Who can help": the lines the
/// base has now that this page lacks, the lines this page has that the
/// base lacks, and the heading above the first difference in the base.
pub fn diff_summary(derived: &str, source: &str) -> String {
    let diff = similar::TextDiff::from_lines(derived, source);
    let (mut added, mut removed) = (0, 0);
    for change in diff.iter_all_changes() {
        match change.tag() {
            similar::ChangeTag::Insert => added += 1,
            similar::ChangeTag::Delete => removed += 1,
            similar::ChangeTag::Equal => {}
        }
    }
    if added == 0 && removed == 0 {
        return "its text is the same as this page's".to_owned();
    }
    let first = diff
        .ops()
        .iter()
        .find(|op| op.tag() != similar::DiffTag::Equal)
        .map_or(0, |op| op.new_range().start);
    let heading = source
        .lines()
        .take(first + 1)
        .filter(|l| l.starts_with('#'))
        .last()
        .map_or_else(
            || "first difference before the first heading".to_owned(),
            |h| format!("first difference under {}", h.trim()),
        );
    format!("the base now has +{added} −{removed} lines against this page, {heading}")
}

/// The 1-based line of a top-level front-matter key, or 0.
fn front_line(text: &str, key: &str) -> usize {
    text.lines()
        .skip(1)
        .take_while(|l| l.trim_end() != "---")
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map_or(0, |n| n + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_lines_and_names_the_heading() {
        let ours = "Intro\n\n## Who can help\n\nYour GP.\n";
        let base = "Intro\n\n## Who can help\n\nYour GP.\nA crisis team.\nNHS 111.\n";
        assert_eq!(
            diff_summary(ours, base),
            "the base now has +2 −0 lines against this page, first difference under ## Who can help"
        );
        assert_eq!(
            diff_summary(ours, ours),
            "its text is the same as this page's"
        );
    }

    #[test]
    fn front_matter_lines() {
        let text = "---\ntitle: x\nreviewed: 2026-01-01\n---\nreviewed: no\n";
        assert_eq!(front_line(text, "reviewed"), 3);
        assert_eq!(front_line(text, "overrides"), 0);
    }
}
