//! Page structure a screen reader depends on: one h1, heading levels that
//! do not skip, headings with words, and tables with a header row.

use super::finding;
use crate::diagnostics::Diagnostic;
use crate::render::markdown::Rendered;
use crate::site::model::Page;

pub fn check(page: &Page, render: &Rendered) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    // The page title is the h1, so the body starts below it.
    let mut previous = 1u8;
    for heading in &render.headings {
        let at = |d: Diagnostic| {
            d.in_file(page.file())
                .at_source(&page.text, heading.line, 1)
        };
        if heading.level == 1 {
            problems.push(at(finding(
                "heading-h1",
                "this is a top-level heading (#), but the page title is already the page's top-level heading",
            )
            .help("start the parts of the page with ##, and smaller parts within them with ###")));
        } else if heading.level > previous + 1 {
            problems.push(at(finding(
                "heading-skip",
                format!(
                    "this {} heading comes under a {} heading and skips a level; screen-reader users move through a page by these levels",
                    "#".repeat(usize::from(heading.level)),
                    "#".repeat(usize::from(previous)),
                ),
            )
            .help(format!(
                "make it {} or add a {} heading above it",
                "#".repeat(usize::from(previous) + 1),
                "#".repeat(usize::from(previous) + 1),
            ))));
        }
        if heading.text.trim().is_empty() {
            problems.push(at(finding("heading-empty", "this heading has no words")
                .help("write what the part below is about, or remove the heading")));
        }
        previous = heading.level;
    }
    for line in &render.headerless_tables {
        problems.push(
            finding(
                "table-no-header",
                "this table's header row is empty, so its columns have no names",
            )
            .in_file(page.file())
            .at_source(&page.text, *line, 1)
            .help("put a name for each column in the first row of the table"),
        );
    }
    problems
}

/// Counts `<h1` in each built page: the template, not only the Markdown,
/// decides how many the reader gets.
pub fn check_output(page: &Page, html: &[u8]) -> Option<Diagnostic> {
    // From each `<` (found by memchr), not at every byte: this reads every
    // page of the site.
    let count = memchr::memchr_iter(b'<', html)
        .filter(|&at| {
            html.get(at + 1..at + 3)
                .is_some_and(|name| name.eq_ignore_ascii_case(b"h1"))
        })
        .count();
    if count == 1 {
        return None;
    }
    let message = if count == 0 {
        "the built page has no top-level heading (`<h1>`)".to_owned()
    } else {
        format!("the built page has {count} top-level headings (`<h1>`); it should have one")
    };
    // About the whole built page, so no line of the `.md` file is named.
    Some(
        finding("heading-h1", message)
            .in_file(page.file())
            .help("the theme shows the page title as the one `<h1>`: check the theme's templates, and start headings in the page at ##"),
    )
}
