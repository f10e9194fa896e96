//! Silencing findings in one place: `<!-- signpost-ignore RULE, RULE -->`
//! before a block, and `check: {rules: {RULE: off|warning|error}}` in a
//! page's front matter. Silenced findings are kept in the report (and listed
//! by `check --json`), so nothing is hidden for good; only the rules a site
//! may configure (`check.rules`) can be silenced, never a broken build.

use std::collections::HashMap;

use crate::diagnostics::rules::{RULES, is_configurable};
use crate::diagnostics::{Diagnostic, Report, Severity, did_you_mean};
use crate::site::model::{Page, Site};
use crate::source::config::RuleLevel;

const MARK: &str = "signpost-ignore";

/// One `signpost-ignore` comment: the rules it names, and the lines of the
/// block after it (1-based, inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Ignore {
    comment_line: usize,
    rules: Vec<String>,
    first: usize,
    last: usize,
}

/// The `signpost-ignore` comments of a page's body. The block after a
/// comment runs from the next line with text to the line before the next
/// blank line. Comments inside fenced code are examples, not comments.
fn ignores(page: &Page) -> Vec<Ignore> {
    // Most pages have no such comment: one search instead of a walk
    // through every line.
    if !page.text.contains(MARK) {
        return Vec::new();
    }
    let lines: Vec<&str> = page.text.lines().collect();
    let first_body_line = page.text[..page.body_start].lines().count();
    let mut found = Vec::new();
    let mut fence: Option<&str> = None;
    for (n, line) in lines.iter().enumerate().skip(first_body_line) {
        let trimmed = line.trim();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            continue;
        }
        let Some(rules) = trimmed
            .strip_prefix("<!--")
            .and_then(|rest| rest.strip_suffix("-->"))
            .map(str::trim)
            .and_then(|inner| inner.strip_prefix(MARK))
        else {
            continue;
        };
        let start = (n + 1..lines.len()).find(|&i| !lines[i].trim().is_empty());
        let (first, last) = match start {
            Some(start) => {
                let end = (start..lines.len())
                    .find(|&i| lines[i].trim().is_empty())
                    .unwrap_or(lines.len());
                (start + 1, end)
            }
            None => (0, 0),
        };
        found.push(Ignore {
            comment_line: n + 1,
            rules: rules
                .split([',', ' '])
                .filter(|r| !r.is_empty())
                .map(str::to_owned)
                .collect(),
            first,
            last,
        });
    }
    found
}

/// The help for a rule name that is not one that can be silenced.
fn unknown_rule_help(rule: &str) -> String {
    let near = did_you_mean(rule, RULES.iter().map(|r| r.id))
        .map(|n| format!("did you mean `{n}`? "))
        .unwrap_or_default();
    format!(
        "{near}only the rules listed under `check.rules` in the README can be silenced or given another level"
    )
}

/// Rule names in a page's `signpost-ignore` comments and front-matter
/// `check.rules` that are not rules that can be configured.
pub fn check(page: &Page) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for ignore in ignores(page) {
        if ignore.rules.is_empty() {
            problems.push(
                Diagnostic::error("unknown-rule", "this `signpost-ignore` comment names no rule")
                    .in_file(page.file())
                    .at_source(&page.text, ignore.comment_line, 1)
                    .help("name the rules to silence, for example `<!-- signpost-ignore plain-words, long-sentence -->`"),
            );
        }
        for rule in ignore.rules.iter().filter(|r| !is_configurable(r)) {
            problems.push(
                Diagnostic::error("unknown-rule", format!("`{rule}` in this `signpost-ignore` comment is not a rule that can be silenced"))
                    .in_file(page.file())
                    .at_source(&page.text, ignore.comment_line, 1)
                    .help(unknown_rule_help(rule)),
            );
        }
    }
    for rule in page_levels(page).keys().filter(|r| !is_configurable(r)) {
        let (line, column) = front_matter_line(page, rule);
        problems.push(
            Diagnostic::error(
                "unknown-rule",
                format!("`{rule}` under `check.rules` is not a rule that can be given a level"),
            )
            .in_file(page.file())
            .at_source(&page.text, line, column)
            .help(unknown_rule_help(rule)),
        );
    }
    problems
}

fn page_levels(page: &Page) -> std::collections::BTreeMap<String, RuleLevel> {
    page.front
        .check
        .as_ref()
        .map(|c| c.rules.clone())
        .unwrap_or_default()
}

/// The front-matter line and column that name `rule` (1:1 if none does).
fn front_matter_line(page: &Page, rule: &str) -> (usize, usize) {
    page.text[..page.body_start]
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with(rule))
        .map_or((1, 1), |(n, l)| (n + 1, l.len() - l.trim_start().len() + 1))
}

/// What silences or changes findings in one page.
struct PageRules {
    levels: std::collections::BTreeMap<String, RuleLevel>,
    ignores: Vec<Ignore>,
}

/// What silences or changes findings, by file, for each page that has
/// any `signpost-ignore` comment or `check.rules`.
#[derive(Default)]
pub struct SuppressRules(HashMap<String, PageRules>);

impl SuppressRules {
    /// Every page's rules, read once: `serve` applies them after each edit,
    /// and reads again only the edited page's.
    pub fn of_site(site: &Site) -> SuppressRules {
        SuppressRules(site.pages.iter().filter_map(page_rules).collect())
    }

    /// The rules again after `page` was edited.
    pub fn update(&mut self, page: &Page) {
        self.0.remove(&page.file());
        self.0.extend(page_rules(page));
    }
}

/// A page's rules, when it has any.
fn page_rules(page: &Page) -> Option<(String, PageRules)> {
    let rules = PageRules {
        levels: page_levels(page),
        ignores: ignores(page),
    };
    (!rules.levels.is_empty() || !rules.ignores.is_empty()).then(|| (page.file(), rules))
}

/// Applies every page's `signpost-ignore` comments and `check.rules`:
/// changes severities, and moves silenced findings aside in the report.
pub fn apply(report: Report, site: &Site) -> Report {
    // Only pages with findings can have one silenced: on a big site most
    // have none.
    let with_findings = report.files();
    let rules = SuppressRules(
        site.pages
            .iter()
            .filter(|page| with_findings.contains(page.shown.as_str()))
            .filter_map(page_rules)
            .collect(),
    );
    apply_rules(report, &rules)
}

/// [`apply`] with rules already read.
pub fn apply_rules(report: Report, rules: &SuppressRules) -> Report {
    let rules = &rules.0;
    if rules.is_empty() {
        return report;
    }
    let mut out = Report::default();
    let mut report = report;
    out.keep_suppressed_of(&mut report);
    for mut d in report.into_vec() {
        let Some(page) = d.file.as_ref().and_then(|f| rules.get(f)) else {
            out.push(d);
            continue;
        };
        if !is_configurable(d.rule) {
            out.push(d);
            continue;
        }
        if let Some(ignore) = page
            .ignores
            .iter()
            .find(|i| d.line >= i.first && d.line <= i.last && i.rules.iter().any(|r| r == d.rule))
        {
            let by = format!("signpost-ignore comment on line {}", ignore.comment_line);
            out.suppress(d, by);
            continue;
        }
        match page.levels.get(d.rule) {
            Some(RuleLevel::Off) => {
                out.suppress(d, "check.rules in the page's front matter".to_owned());
                continue;
            }
            Some(RuleLevel::Error) => d.severity = Severity::Error,
            Some(RuleLevel::Warning) => d.severity = Severity::Warning,
            None => {}
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Page {
        let split = crate::source::front_matter::split_and_parse("a.md", text).unwrap();
        Page {
            rel: "a.md".to_owned(),
            kind: crate::site::model::PageKind::Page,
            front: split.front,
            text: text.to_owned(),
            body_start: split.body_start,
            dir: String::new(),
            section_dir: String::new(),
            shown: "content/a.md".to_owned(),
            layer: 0,
            lang: "en".to_owned(),
            translation_of: None,
        }
    }

    #[test]
    fn an_ignore_covers_the_next_block_only() {
        let p = page(
            "---\ntitle: A\n---\n<!-- signpost-ignore plain-words, long-sentence -->\n\nOne\ntwo\n\nThree\n",
        );
        assert_eq!(
            ignores(&p),
            [Ignore {
                comment_line: 4,
                rules: vec!["plain-words".to_owned(), "long-sentence".to_owned()],
                first: 6,
                last: 7,
            }]
        );
    }

    #[test]
    fn an_ignore_in_fenced_code_is_an_example() {
        let p = page("---\ntitle: A\n---\n```\n<!-- signpost-ignore plain-words -->\n```\nText\n");
        assert!(ignores(&p).is_empty());
    }
}
