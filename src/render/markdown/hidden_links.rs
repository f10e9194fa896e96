//! Local editions: a link to a page the edition hides (`hide:` in
//! `site.yaml`) is written as plain text, the words kept and the link
//! gone, and reported as `link-to-hidden` where the link is written (often
//! a base site's page, which the edition can override to reword).

use super::PageState;
use crate::site::layering::HiddenBy;
use crate::site::urls::normalize;

/// The hidden page a link destination names, with what hid it; `None`
/// for any other link (the usual link rules then apply).
pub(super) fn target(dest: &str, state: &PageState) -> Option<(String, HiddenBy)> {
    let hidden = &state.ctx.site.edition.hidden;
    if hidden.is_empty() || dest.starts_with('#') || dest.contains(':') {
        return None;
    }
    let path = dest.split_once('#').map_or(dest, |(path, _)| path);
    let folder = state
        .page
        .rel
        .rsplit_once('/')
        .map_or("", |(folder, _)| folder);
    let target = normalize(folder, path.trim())?;
    let as_folder = target.trim_end_matches('/');
    let candidates = [
        target.clone(),
        format!("{as_folder}/_index.md"),
        format!("{as_folder}/index.md"),
    ];
    candidates
        .into_iter()
        .find_map(|rel| hidden.get(&rel).map(|by| (rel, by.clone())))
}

/// Reports the link to a hidden page at its place in the page.
pub(super) fn report(
    dest: &str,
    rel: &str,
    by: &HiddenBy,
    range: std::ops::Range<usize>,
    state: &mut PageState,
) {
    state.finding(
        "link-to-hidden",
        format!(
            "the link `{dest}` goes to content/{rel}, which this site hides (hidden by {} line {}), so its words are written without the link",
            by.file, by.line
        ),
        range,
        "override this page in your own site to reword the sentence, or remove the page from `hide:`",
    );
}
