//! Problems found in an author's content, collected rather than thrown.
//!
//! Operational failures (a disk that cannot be written) stop a build through
//! `anyhow`. Everything an *author* can get wrong becomes a [`Diagnostic`]
//! instead: the build keeps going so that one run reports every problem, and
//! the exit code is chosen at the end from the worst severity seen. The type is
//! ours (not a diagnostics crate's) so that `check --json` stays stable.

pub mod format;
pub mod rules;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

/// How serious a finding is. `Error` fails `build` and `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One finding about one place in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable, kebab-case rule id (for example `unknown-key`), documented in the README.
    pub rule: &'static str,
    /// Path relative to the site root, with `/` separators.
    pub file: Option<String>,
    /// 1-based line in `file`; 0 when the finding is about the whole file.
    pub line: usize,
    /// 1-based column (in characters); 0 when unknown.
    pub column: usize,
    pub message: String,
    /// What the author should do about it.
    pub help: Option<String>,
    /// The source line the finding points at, for the snippet under the message.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(rule: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, rule, message)
    }

    pub fn warning(rule: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, rule, message)
    }

    fn new(severity: Severity, rule: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            rule,
            file: None,
            line: 0,
            column: 0,
            message: message.into(),
            help: None,
            source_line: None,
        }
    }

    /// Points the finding at a file (relative to the site root).
    pub fn in_file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(display_path(file.as_ref()));
        self
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    /// Points at a position and keeps the source line for the snippet.
    pub fn at_source(mut self, source: &str, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self.source_line = line
            .checked_sub(1)
            .and_then(|n| source.lines().nth(n))
            .map(str::to_owned);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `path:line:column`, leaving out the parts that are unknown.
    pub fn location(&self) -> String {
        let mut out = self.file.clone().unwrap_or_else(|| "site".to_owned());
        if self.line > 0 {
            let _ = write!(out, ":{}", self.line);
            if self.column > 0 {
                let _ = write!(out, ":{}", self.column);
            }
        }
        out
    }
}

/// Displays a path with `/` separators on every platform, so that messages and
/// snapshots are the same everywhere.
pub fn display_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

impl FromIterator<Diagnostic> for Report {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Report {
            diagnostics: iter.into_iter().collect(),
            suppressed: Vec::new(),
        }
    }
}

/// A finding an author silenced on purpose: kept (and listed by `check
/// --json`) so that nothing is hidden for good.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppressed {
    #[serde(flatten)]
    pub finding: Diagnostic,
    /// What silenced it, for example `signpost-ignore comment on line 12`.
    pub by: String,
}

/// All findings of one run, kept in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Report {
    diagnostics: Vec<Diagnostic>,
    suppressed: Vec<Suppressed>,
}

impl Report {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub fn extend(&mut self, more: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(more);
    }

    /// Adds every finding of `other`, silenced ones included.
    pub fn merge(&mut self, mut other: Report) {
        self.keep_suppressed_of(&mut other);
        self.diagnostics.extend(other.diagnostics);
    }

    /// Keeps a finding aside as silenced by `by` (it no longer counts).
    pub fn suppress(&mut self, finding: Diagnostic, by: String) {
        self.suppressed.push(Suppressed { finding, by });
    }

    /// Takes over the findings `other` silenced.
    pub fn keep_suppressed_of(&mut self, other: &mut Report) {
        self.suppressed.append(&mut other.suppressed);
    }

    /// The silenced findings, in the order of every report.
    pub fn suppressed(&self) -> Vec<&Suppressed> {
        let mut all: Vec<&Suppressed> = self.suppressed.iter().collect();
        all.sort_by(|a, b| {
            let (a, b) = (&a.finding, &b.finding);
            (&a.file, a.line, a.column, a.rule).cmp(&(&b.file, b.line, b.column, b.rule))
        });
        all.dedup();
        all
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// Findings sorted by file, then position, then rule: the order of every report.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut all: Vec<&Diagnostic> = self.diagnostics.iter().collect();
        all.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.rule, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.rule, &b.message))
        });
        all.dedup();
        all
    }

    /// Turns every warning into an error (`check --strict`).
    pub fn make_warnings_errors(&mut self) {
        for d in &mut self.diagnostics {
            d.severity = Severity::Error;
        }
    }

    /// The human report: findings grouped by file, each with its source line,
    /// then one summary line.
    pub fn render_text(&self) -> String {
        let mut out = self.render_findings();
        out.push_str(&self.summary());
        out.push('\n');
        out.push_str(&format::by_rule_lines(self));
        out
    }

    /// The findings grouped by file, each group ending with a blank line.
    pub fn render_findings(&self) -> String {
        let mut out = String::new();
        let mut by_file: BTreeMap<Option<&String>, Vec<&Diagnostic>> = BTreeMap::new();
        for d in self.sorted() {
            by_file.entry(d.file.as_ref()).or_default().push(d);
        }
        for findings in by_file.values() {
            for d in findings {
                let _ = write!(
                    out,
                    "{}  {}  {}  {}",
                    d.location(),
                    d.severity.as_str(),
                    d.rule,
                    d.message
                );
                if let Some(help) = &d.help {
                    let _ = write!(out, "  ({help})");
                }
                out.push('\n');
                if let Some(source) = &d.source_line {
                    render_snippet(&mut out, d, source);
                }
            }
            out.push('\n');
        }
        out
    }

    /// For example `2 errors and 1 warning in 2 files`.
    pub fn summary(&self) -> String {
        let errors = self.count(Severity::Error);
        let warnings = self.count(Severity::Warning);
        let files = self
            .diagnostics
            .iter()
            .map(|d| &d.file)
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        if errors == 0 && warnings == 0 {
            return "no problems found".to_owned();
        }
        format!(
            "{} and {} in {}",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(files, "file")
        )
    }

    /// The findings; silenced ones are dropped (take them first with
    /// [`Report::keep_suppressed_of`] where they must be kept).
    /// The files that have findings (not counting suppressed ones).
    pub fn files(&self) -> std::collections::HashSet<&str> {
        self.diagnostics
            .iter()
            .filter_map(|d| d.file.as_deref())
            .collect()
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

/// Lines longer than this are shown as a window around the caret, so a
/// finding on one enormous line stays one screen of output.
const SNIPPET_WIDTH: usize = 100;

fn render_snippet(out: &mut String, d: &Diagnostic, source: &str) {
    let number = d.line.to_string();
    let pad = " ".repeat(number.len());
    let chars: Vec<char> = source.chars().collect();
    let caret = d.column.saturating_sub(1).min(chars.len());
    let (from, to) = if chars.len() <= SNIPPET_WIDTH {
        (0, chars.len())
    } else {
        let from = caret.saturating_sub(SNIPPET_WIDTH / 2);
        (from, (from + SNIPPET_WIDTH).min(chars.len()))
    };
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < chars.len() { "…" } else { "" };
    let shown: String = chars[from..to].iter().collect();
    let _ = writeln!(out, "    {number} | {lead}{shown}{tail}");
    if d.column > 0 {
        let before: String = chars[from..caret.max(from)]
            .iter()
            .map(|&c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let lead_pad = if from > 0 { " " } else { "" };
        let _ = writeln!(out, "    {pad} | {lead_pad}{before}^");
    }
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A [`LineIndex`] of `text` made when a position is first asked for: a
/// page check that finds nothing, as most do on most pages, never reads
/// the whole file for its lines.
pub struct LazyLineIndex<'t> {
    text: &'t str,
    index: std::cell::OnceCell<LineIndex>,
}

impl<'t> LazyLineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        LazyLineIndex {
            text,
            index: std::cell::OnceCell::new(),
        }
    }

    /// 1-based (line, column) of a byte offset in the text.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.index
            .get_or_init(|| LineIndex::new(self.text))
            .position(self.text, offset)
    }
}

/// Maps byte offsets in a file to 1-based line and column numbers.
///
/// pulldown-cmark and the YAML parser both report byte positions; authors
/// need lines. Built once per file, each lookup is a binary search.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// 1-based (line, column); the column counts characters, not bytes.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        let column = text
            .get(start..offset)
            .map_or(1, |prefix| prefix.chars().count() + 1);
        (line + 1, column)
    }
}

/// Turns a file's bytes into text, or a `not-utf8` finding with the line
/// and column of the first bad byte. A leading byte-order mark is dropped.
/// Every file an author writes (pages, `site.yaml`, data, templates) is read
/// through here, so they all report the problem the same way.
pub fn decode_text(file: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        }),
        Err(error) => {
            let valid_up_to = error.utf8_error().valid_up_to();
            let before = &error.as_bytes()[..valid_up_to];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1;
            Err(Diagnostic::error("not-utf8", "this file is not UTF-8 text")
                .in_file(file)
                .at(line, column)
                .help("open it in your editor and save it with the UTF-8 encoding"))
        }
    }
}

/// The closest candidate to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(distance, c)| *distance <= (c.len().max(word.len()) / 3).max(2))
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_finds_lines_and_character_columns() {
        let text = "ab\nçd\n\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        assert_eq!(index.position(text, 3), (2, 1));
        assert_eq!(
            index.position(text, 5),
            (2, 2),
            "ç is two bytes, one column"
        );
        assert_eq!(index.position(text, 7), (3, 1));
        assert_eq!(index.position(text, 8), (4, 1));
    }

    #[test]
    fn did_you_mean_suggests_near_keys_only() {
        let keys = ["title", "summary", "reviewed", "review_due"];
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("review-due", keys), Some("review_due"));
        assert_eq!(did_you_mean("colour", keys), None);
    }

    #[test]
    fn report_summary_counts_files_once() {
        let mut report = Report::default();
        report.push(Diagnostic::error("a", "x").in_file("one.md"));
        report.push(Diagnostic::warning("b", "y").in_file("one.md"));
        report.push(Diagnostic::error("c", "z").in_file("two.md"));
        assert_eq!(report.summary(), "2 errors and 1 warning in 2 files");
    }
}
