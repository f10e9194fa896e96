//! Review dates: readers are told when a page was last checked, so a page
//! past its review date, or with dates that contradict each other, is
//! reported. Missing dates are a warning: every page should have them.

use super::finding;
use crate::diagnostics::Diagnostic;
use crate::site::dates::Date;
use crate::site::model::{Page, PageKind};

pub fn check(page: &Page, today: Date) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let line = |key: &str| crate::source::config::line_of_key(&page.text[..page.body_start], key);
    let at = |d: Diagnostic, key: &str| d.in_file(page.file()).at_source(&page.text, line(key), 1);
    let front = &page.front;
    match (front.reviewed, front.review_due) {
        (Some(reviewed), Some(due)) if reviewed > due => problems.push(at(
            finding(
                "review-order",
                format!("`reviewed` ({reviewed}) is after `review_due` ({due})"),
            )
            .help("check both dates; review_due is when the next review should happen"),
            "reviewed",
        )),
        _ => {}
    }
    if let Some(due) = front.review_due
        && due < today
    {
        problems.push(at(
            finding(
                "review-overdue",
                format!("this page was due for review on {}", due.long()),
            )
            .help("check the page is still right, then update `reviewed` and `review_due`"),
            "review_due",
        ));
    }
    let missing: Vec<&str> = [
        ("reviewed", front.reviewed.is_none()),
        ("review_due", front.review_due.is_none()),
    ]
    .into_iter()
    .filter_map(|(key, is_missing)| is_missing.then_some(key))
    .collect();
    if !missing.is_empty() && page.kind != PageKind::EasyRead {
        problems.push(
            finding(
                "review-missing",
                format!("this page has no `{}`", missing.join("` or `")),
            )
            .in_file(page.file())
            .help("add `reviewed: YYYY-MM-DD` (when someone last checked the page) and `review_due: YYYY-MM-DD` (when it must be checked again) to the front matter"),
        );
    }
    problems
}
