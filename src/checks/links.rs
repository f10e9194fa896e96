//! Link checks: headings that do not exist (only knowable once every page is
//! rendered), link text that does not say where it goes, the same text going
//! to different places, and malformed email and phone links.

use std::collections::HashMap;

use super::finding;
use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::render::markdown::{LinkRef, LinkTarget, Rendered};
use crate::site::model::{Page, Site};

/// Link texts that say nothing about where a link goes (compared in lower case,
/// without punctuation).
const VAGUE: &[&str] = &[
    "click here",
    "click",
    "here",
    "read more",
    "more",
    "more info",
    "more information",
    "find out more",
    "learn more",
    "see more",
    "this page",
    "this link",
    "link",
    "this",
    "go",
    "go here",
    "details",
    "continue",
    "info",
    "website",
    "page",
];

/// Every page's link findings, computed in parallel.
pub fn check(site: &Site, rendered: &[Rendered]) -> Vec<Vec<Diagnostic>> {
    use rayon::prelude::*;
    (0..rendered.len())
        .into_par_iter()
        .map(|idx| check_page(site, rendered, idx))
        .collect()
}

/// The link findings of one page. Its anchor findings depend on the pages
/// it links to, so `serve` re-runs this for pages that link to an edited one.
pub fn check_page(site: &Site, rendered: &[Rendered], idx: usize) -> Vec<Diagnostic> {
    let page = &site.pages[idx];
    let page_render = &rendered[idx];
    let mut problems = Vec::new();
    for link in &page_render.links {
        if let Some(d) = broken_anchor(site, rendered, idx, link) {
            problems.push(d);
        }
        problems.extend(vague_text(page, link));
        problems.extend(malformed(page, link));
    }
    problems.extend(duplicate_texts(page, &page_render.links));
    problems
}

/// Pages with a link to a heading of page `target`: their anchor findings
/// change when its headings do.
pub fn pages_linking_to(rendered: &[Rendered], target: usize) -> Vec<usize> {
    rendered
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            r.links.iter().any(|l| matches!(&l.target, LinkTarget::Page { page, fragment: Some(_) } if *page == target))
        })
        .map(|(idx, _)| idx)
        .collect()
}

fn at(page: &Page, link: &LinkRef, d: Diagnostic) -> Diagnostic {
    d.in_file(page.file())
        .at_source(&page.text, link.line, link.column)
}

fn broken_anchor(
    site: &Site,
    rendered: &[Rendered],
    idx: usize,
    link: &LinkRef,
) -> Option<Diagnostic> {
    let (target, fragment) = match &link.target {
        LinkTarget::Page {
            page: target,
            fragment: Some(fragment),
        } => (*target, fragment),
        LinkTarget::SamePage(fragment) => (idx, fragment),
        _ => return None,
    };
    // A text fragment (`#:~:text=…`, or `#id:~:text=…`) asks the browser
    // to find words, not a heading: only the part before it names an id.
    let fragment = fragment.split(":~:").next().unwrap_or_default();
    if fragment.is_empty()
        || rendered[target].headings.iter().any(|h| h.id == *fragment)
        || is_footnote(&rendered[target], fragment)
    {
        return None;
    }
    let near = did_you_mean(
        fragment,
        rendered[target].headings.iter().map(|h| h.id.as_str()),
    )
    .map(|n| format!("did you mean `#{n}`? "))
    .unwrap_or_default();
    Some(at(
        &site.pages[idx],
        link,
        Diagnostic::error(
            "broken-anchor",
            format!(
                "{} has no heading with the id `{fragment}`",
                site.pages[target].file()
            ),
        )
        .help(format!(
            "{near}heading ids are the heading text in lower case with hyphens, like #who-can-help"
        )),
    ))
}

/// pulldown-cmark gives footnote definitions their label as id.
fn is_footnote(rendered: &Rendered, fragment: &str) -> bool {
    rendered.html.contains(&format!("id=\"{fragment}\""))
}

fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Link text in quotes ("click here") is shown as an example of what not
/// to write, not used as a link's words.
fn is_quoted(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(
        (chars.next(), chars.next_back()),
        (Some('"'), Some('"'))
            | (Some('“'), Some('”'))
            | (Some('\''), Some('\''))
            | (Some('‘'), Some('’'))
    )
}

fn vague_text(page: &Page, link: &LinkRef) -> Option<Diagnostic> {
    let text = link.text.trim();
    if is_quoted(text) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let bare_url =
        lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.");
    if !bare_url && !VAGUE.contains(&normalise(text).as_str()) {
        return None;
    }
    let what = if bare_url {
        "a bare web address".to_owned()
    } else {
        format!("\"{text}\"")
    };
    Some(at(
        page,
        link,
        finding(
            "vague-link-text",
            format!("the link text {what} does not say where the link goes"),
        )
        .help("use words that make sense on their own, like [how to ask for a review](review.md)"),
    ))
}

fn malformed(page: &Page, link: &LinkRef) -> Option<Diagnostic> {
    match &link.target {
        LinkTarget::Mail(address) if !crate::gates::safe_url::is_email(address) => Some(at(
            page,
            link,
            finding("bad-email-link", format!("`mailto:{address}` is not an email address"))
                .help("write it like mailto:name@example.org, with no spaces"),
        )),
        LinkTarget::Phone(number) if !is_phone(number) => Some(at(
            page,
            link,
            finding("bad-phone-link", format!("`tel:{number}` is not a phone number"))
                .help("write it like tel:+441234567890 or tel:111: digits, with an optional + at the start"),
        )),
        _ => None,
    }
}

fn is_phone(number: &str) -> bool {
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let allowed = number.chars().enumerate().all(|(i, c)| {
        c.is_ascii_digit() || (i == 0 && c == '+') || matches!(c, ' ' | '-' | '(' | ')' | '.')
    });
    allowed && (3..=15).contains(&digits)
}

/// The same words should always go to the same place (WCAG 3.2.4).
fn duplicate_texts(page: &Page, links: &[LinkRef]) -> Vec<Diagnostic> {
    let mut first: HashMap<String, &LinkRef> = HashMap::new();
    let mut problems = Vec::new();
    for link in links {
        let key = normalise(&link.text);
        if key.is_empty() || matches!(link.target, LinkTarget::Broken) {
            continue;
        }
        match first.get(&key) {
            None => {
                first.insert(key, link);
            }
            Some(earlier) if !same_place(&earlier.target, &link.target) => problems.push(at(
                page,
                link,
                finding(
                    "duplicate-link-text",
                    format!(
                        "the link text \"{}\" is also used on line {} for a different place",
                        link.text, earlier.line
                    ),
                )
                .help("give links to different places different words"),
            )),
            Some(_) => {}
        }
    }
    problems
}

fn same_place(a: &LinkTarget, b: &LinkTarget) -> bool {
    match (a, b) {
        (
            LinkTarget::Page {
                page: x,
                fragment: fx,
            },
            LinkTarget::Page {
                page: y,
                fragment: fy,
            },
        ) => x == y && fx == fy,
        (LinkTarget::Asset(x), LinkTarget::Asset(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_email_addresses() {
        assert!(crate::gates::safe_url::is_email("jo@samaritans.org"));
        assert!(crate::gates::safe_url::is_email(
            "help@example.org?subject=Hello"
        ));
        assert!(!crate::gates::safe_url::is_email("jo at samaritans.org"));
        assert!(!crate::gates::safe_url::is_email("jo@samaritans"));
        assert!(!crate::gates::safe_url::is_email("@example.org"));
        assert!(!crate::gates::safe_url::is_email("a b@example.org"));
    }

    #[test]
    fn recognises_phone_numbers() {
        for ok in [
            "111",
            "999",
            "116 123",
            "+44 20 7946 0000",
            "0300-123-3393",
            "(0121) 496 0000",
        ] {
            assert!(is_phone(ok), "{ok}");
        }
        for bad in [
            "12",
            "call us",
            "0800 CALL NOW",
            "+44+20",
            "1234567890123456",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn vague_texts_are_compared_without_punctuation() {
        assert_eq!(normalise(" Click  HERE! "), "click here");
        assert!(VAGUE.contains(&normalise("Read more…").as_str()));
    }
}
