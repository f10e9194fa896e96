//! The other ways a report is printed: the count by rule that ends the
//! human report, the one line `--quiet` prints, and GitHub Actions
//! workflow commands (`--format github`), so findings show on pull requests.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Diagnostic, Report, Severity, plural};

/// `rule count` pairs, the most frequent first (ties by rule id).
fn counts<'a>(findings: impl Iterator<Item = &'a Diagnostic>) -> Vec<(&'static str, usize)> {
    let mut by_rule: BTreeMap<&'static str, usize> = BTreeMap::new();
    for d in findings {
        *by_rule.entry(d.rule).or_default() += 1;
    }
    let mut counted: Vec<(&'static str, usize)> = by_rule.into_iter().collect();
    counted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counted
}

fn joined(counted: &[(&str, usize)]) -> String {
    counted
        .iter()
        .map(|(rule, n)| format!("{rule} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The count of one severity by rule: `long-sentence 151, plain-words 37`.
pub fn by_rule(report: &Report, severity: Severity) -> String {
    let sorted = report.sorted();
    joined(&counts(
        sorted.into_iter().filter(|d| d.severity == severity),
    ))
}

/// The lines that end the human report: errors by rule, then warnings by
/// rule, then what was silenced on purpose. Empty when there is nothing.
pub fn by_rule_lines(report: &Report) -> String {
    let mut out = String::new();
    for (severity, label) in [
        (Severity::Error, "errors by rule"),
        (Severity::Warning, "warnings by rule"),
    ] {
        let line = by_rule(report, severity);
        if !line.is_empty() {
            let _ = writeln!(out, "{label}: {line}");
        }
    }
    let silenced = report.suppressed();
    if !silenced.is_empty() {
        let counted = counts(silenced.iter().map(|s| &s.finding));
        let _ = writeln!(
            out,
            "silenced on purpose (signpost-ignore or a page's check.rules, listed by `check --json`): {}",
            joined(&counted)
        );
    }
    out
}

/// What `--quiet` prints after the errors: one line counting the rest.
pub fn quiet_line(report: &Report) -> String {
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let mut line = if errors > 0 {
        format!(
            "{} ({})",
            plural(errors, "error"),
            by_rule(report, Severity::Error)
        )
    } else {
        "no errors".to_owned()
    };
    if warnings > 0 {
        let _ = write!(
            line,
            " and {} ({}); `signpost check` lists them",
            plural(warnings, "warning"),
            by_rule(report, Severity::Warning)
        );
    } else {
        line.push_str(" and no warnings");
    }
    line.push('\n');
    line
}

/// The human report of the errors alone, for `--quiet`, then its one line.
pub fn render_quiet(report: &Report) -> String {
    let errors: Report = report
        .sorted()
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    let mut out = errors.render_findings();
    out.push_str(&quiet_line(report));
    out
}

/// The first `n` findings, errors chosen first (then shown by file, as
/// always), then the counts: what `serve`
/// prints on start-up, so a site with hundreds of warnings stays readable.
pub fn render_first(report: &Report, n: usize) -> String {
    let mut sorted = report.sorted();
    sorted.sort_by_key(|d| std::cmp::Reverse(d.severity));
    let shown: Report = sorted.iter().take(n).map(|d| (*d).clone()).collect();
    let mut out = shown.render_findings();
    if sorted.len() > n {
        let _ = writeln!(
            out,
            "… and {} more: run `signpost check` to see them all",
            sorted.len() - n
        );
    }
    out.push_str(&report.summary());
    out.push('\n');
    out.push_str(&by_rule_lines(report));
    out
}

/// One workflow command per finding, then the summary as plain text.
pub fn render_github(report: &Report) -> String {
    let mut out = String::new();
    for d in report.sorted() {
        let mut properties = Vec::new();
        if let Some(file) = &d.file {
            properties.push(format!("file={}", escape_property(file)));
        }
        if d.file.is_some() && d.line > 0 {
            properties.push(format!("line={}", d.line));
            if d.column > 0 {
                properties.push(format!("col={}", d.column));
            }
        }
        properties.push(format!("title={}", escape_property(d.rule)));
        let mut message = d.message.clone();
        if d.file.is_none() {
            message = format!("site: {message}");
        }
        if let Some(help) = &d.help {
            let _ = write!(message, " ({help})");
        }
        let _ = writeln!(
            out,
            "::{} {}::{}",
            d.severity.as_str(),
            properties.join(","),
            escape_data(&message)
        );
    }
    out.push_str(&report.summary());
    out.push('\n');
    out.push_str(&by_rule_lines(report));
    out
}

/// GitHub's escaping of a command's message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping of a property value (`file=`, `title=`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes_data_and_properties() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn serve_shows_the_first_findings_errors_first_then_the_counts() {
        let mut report = Report::default();
        for line in 1..=7 {
            report.push(
                Diagnostic::warning("plain-words", "w")
                    .in_file("a.md")
                    .at(line, 1),
            );
        }
        report.push(
            Diagnostic::error("broken-link", "e")
                .in_file("b.md")
                .at(1, 1),
        );
        let text = render_first(&report, 5);
        assert_eq!(
            text,
            "a.md:1:1  warning  plain-words  w\n\
             a.md:2:1  warning  plain-words  w\n\
             a.md:3:1  warning  plain-words  w\n\
             a.md:4:1  warning  plain-words  w\n\n\
             b.md:1:1  error  broken-link  e\n\n\
             … and 3 more: run `signpost check` to see them all\n\
             1 error and 7 warnings in 2 files\n\
             errors by rule: broken-link 1\n\
             warnings by rule: plain-words 7\n"
        );
    }

    #[test]
    fn counts_put_the_most_frequent_first() {
        let mut report = Report::default();
        for (line, rule) in ["b", "a", "b", "c", "c", "b"].into_iter().enumerate() {
            report.push(
                Diagnostic::warning(rule, rule)
                    .in_file("x.md")
                    .at(line + 1, 1),
            );
        }
        assert_eq!(by_rule(&report, Severity::Warning), "b 3, c 2, a 1");
    }
}
