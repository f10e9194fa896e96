//! Splits a Markdown file into its YAML front matter and body, and parses the
//! front matter strictly.
//!
//! Positions matter here: the YAML parser counts lines from the first line of
//! YAML, but authors need the line in the `.md` file, so every error is
//! shifted by the opening `---` line. The body keeps its byte offset so that
//! Markdown positions can be mapped back to file lines too.

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::site::dates::Date;
use crate::source::yaml::{YamlSource, parse_strict_all};

/// The keys a page may set. Anything else is an error.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub reviewed: Option<Date>,
    pub review_due: Option<Date>,
    pub weight: Option<i64>,
    #[serde(default)]
    pub audience: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub lang: Option<String>,
    #[serde(default)]
    pub draft: bool,
    pub template: Option<String>,
    /// Old addresses of this page, from the site root (`old/path.html`,
    /// `leaflets/crisis`): each gets a small page that sends readers here.
    /// Hugo's name for this; unrelated to glossary aliases.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// "On this page" contents: `true` or `false` overrides the site's
    /// `toc: {min_headings}` threshold for this page.
    pub toc: Option<bool>,
    /// Local editions: the base page this page overrides, as it was when
    /// the override was made (`signpost override` writes it).
    pub overrides: Option<crate::site::provenance::SourceStamp>,
    /// How a translation (`NAME.LANG.md`) was made, and what of its
    /// source it was made from.
    pub translation: Option<TranslationFront>,
    /// This page's own rule levels (`check: {rules: {plain-words: off}}`),
    /// over the site's `check.rules`.
    pub check: Option<PageCheck>,
    /// Free-form values for themes.
    #[serde(default)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// `translation:` in a translation's front matter.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationFront {
    /// `machine` pages show readers a notice; `human` pages do not.
    #[serde(default)]
    pub method: TranslationMethod,
    /// Who translated it (a person, an agency, a tool).
    pub translator: Option<String>,
    /// The source body's hash when it was translated (see `site::provenance`).
    pub source_hash: Option<String>,
    /// The source's `reviewed` date when it was translated.
    pub source_reviewed: Option<Date>,
    /// The hash of the body `signpost translate import` wrote, so a later
    /// import can tell a hand edit from its own text.
    pub target_hash: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TranslationMethod {
    #[default]
    Human,
    Machine,
}

/// The `check:` key of a page.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PageCheck {
    /// Per-rule level for this page only: `error`, `warning` or `off`.
    #[serde(default)]
    pub rules: std::collections::BTreeMap<String, crate::source::config::RuleLevel>,
}

/// A parsed front matter block and where the Markdown body starts.
#[derive(Debug, Clone)]
pub struct Split {
    pub front: FrontMatter,
    /// Byte offset of the body in the file.
    pub body_start: usize,
}

/// Splits and parses one file. `file` is the path shown in messages.
/// Every unknown key is reported at once (`parse_strict_all`).
pub fn split_and_parse(file: &str, text: &str) -> Result<Split, Vec<Diagnostic>> {
    let Some(after_open) = strip_delimiter_line(text) else {
        return Err(vec![missing_front_matter(file, text)]);
    };
    let yaml_start = text.len() - after_open.len();
    let Some((yaml_len, body_start)) = find_closing(after_open) else {
        return Err(vec![
            Diagnostic::error(
                "front-matter-unclosed",
                "the front matter starts with `---` but has no closing `---` line",
            )
            .in_file(file)
            .at_source(text, 1, 1)
            .help("add a line with just `---` after the last front-matter key"),
        ]);
    };
    let yaml = &after_open[..yaml_len];
    let source = YamlSource {
        file,
        whole_file: text,
        line_offset: 1,
    };
    let front: FrontMatter = if yaml.trim().is_empty() {
        FrontMatter::default()
    } else {
        parse_strict_all(yaml, &source).map_err(explain_foreign_keys)?
    };
    if front.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Err(vec![
            Diagnostic::error("missing-title", "this page has no `title`")
                .in_file(file)
                .at_source(text, 1, 1)
                .help("add a line `title: Your page title` between the `---` lines"),
        ]);
    }
    Ok(Split {
        front,
        body_start: yaml_start + body_start,
    })
}

/// Why a page has no YAML front matter: another generator's TOML (`+++`)
/// or JSON (`{`) front matter gets its own message, not "no front matter".
fn missing_front_matter(file: &str, text: &str) -> Diagnostic {
    let first = text.lines().next().unwrap_or("").trim_end();
    let (message, help) = if first == "+++" {
        (
            "this is TOML front matter; Signpost reads YAML between `---` lines",
            "write the keys as `key: value` between two `---` lines (run `signpost import` to convert a whole site)",
        )
    } else if first.starts_with('{') {
        (
            "this is JSON front matter; Signpost reads YAML between `---` lines",
            "write the keys as `key: value` between two `---` lines (run `signpost import` to convert a whole site)",
        )
    } else {
        (
            "this page has no front matter",
            "start the file with a line `---`, then `title: Your page title`, then another line `---`",
        )
    };
    Diagnostic::error("front-matter-missing", message)
        .in_file(file)
        .at_source(text, 1, 1)
        .help(help)
}

/// Gives keys that other generators use their own help (what Signpost
/// calls them, or why they are not needed) instead of the list of keys.
fn explain_foreign_keys(problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems
        .into_iter()
        .map(|mut d| {
            let key = d
                .message
                .strip_prefix("unknown key `")
                .and_then(|rest| rest.strip_suffix('`'));
            if let Some(help) = key.and_then(crate::source::foreign_keys::help_for) {
                d.help = Some(help.to_owned());
            }
            d
        })
        .collect()
}

/// Returns the text after a first line of exactly `---`.
fn strip_delimiter_line(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---")?;
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
}

/// Finds the closing `---` (or `...`) line: returns the YAML length and the
/// offset just after the closing line, both relative to `text`.
fn find_closing(text: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r', ' ', '\t']);
        if bare == "---" || bare == "..." {
            return Some((offset, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_from_body() {
        let text = "---\ntitle: Hello\nweight: 2\n---\n# Body\n";
        let split = split_and_parse("a.md", text).unwrap();
        assert_eq!(split.front.title.as_deref(), Some("Hello"));
        assert_eq!(&text[split.body_start..], "# Body\n");
    }

    #[test]
    fn error_lines_are_file_lines() {
        let text = "---\ntitle: Hello\nsumary: x\n---\n";
        let d = split_and_parse("a.md", text).unwrap_err().remove(0);
        assert_eq!(d.rule, "unknown-key");
        assert_eq!(d.line, 3, "line 2 of the YAML is line 3 of the file");
        assert!(d.help.unwrap().contains("`summary`"));
    }

    #[test]
    fn bad_date_has_its_own_rule_and_line() {
        let text = "---\ntitle: Hello\nreviewed: 1 Nov 2026\n---\n";
        let d = split_and_parse("a.md", text).unwrap_err().remove(0);
        assert_eq!(d.rule, "bad-date");
        assert_eq!(d.line, 3);
        assert_eq!(
            d.message,
            "`1 Nov 2026` is not a real date in the form YYYY-MM-DD for `reviewed`"
        );
    }

    #[test]
    fn every_unknown_key_is_reported_in_one_run() {
        let text = "---\ntitle: Hi\nlayout: page\npermalink: /hi/\ntags:\n  - a\n  - b\nreviewed: 2026-13-01\n---\nBody\n";
        let found: Vec<(&str, usize, String)> = split_and_parse("a.md", text)
            .unwrap_err()
            .into_iter()
            .map(|d| (d.rule, d.line, d.message))
            .collect();
        assert_eq!(
            found,
            [
                ("unknown-key", 3, "unknown key `layout`".to_owned()),
                ("unknown-key", 4, "unknown key `permalink`".to_owned()),
                ("unknown-key", 5, "unknown key `tags`".to_owned()),
                (
                    "bad-date",
                    8,
                    "`2026-13-01` is not a real date in the form YYYY-MM-DD for `reviewed`"
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn missing_title_and_missing_block_are_errors() {
        assert_eq!(
            split_and_parse("a.md", "---\nweight: 1\n---\n").unwrap_err()[0].rule,
            "missing-title"
        );
        assert_eq!(
            split_and_parse("a.md", "# Hi\n").unwrap_err()[0].rule,
            "front-matter-missing"
        );
        assert_eq!(
            split_and_parse("a.md", "---\ntitle: x\n").unwrap_err()[0].rule,
            "front-matter-unclosed"
        );
    }

    #[test]
    fn windows_line_endings_work() {
        let text = "---\r\ntitle: Hello\r\n---\r\nBody\r\n";
        let split = split_and_parse("a.md", text).unwrap();
        assert_eq!(&text[split.body_start..], "Body\r\n");
    }
}
