//! Strict YAML parsing with author-facing errors.
//!
//! `site.yaml`, front matter and the `data/` files all go through
//! [`parse_strict`], so every YAML problem reads the same way: the file, the
//! line *in that file* (front matter starts a few lines down), what is wrong
//! and what to do, with "did you mean" for misspelt keys and values.

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, did_you_mean};

/// Where a YAML text came from, so positions can be given in the real file.
pub struct YamlSource<'a> {
    /// Path relative to the site root, used in messages.
    pub file: &'a str,
    /// The whole file, for the snippet under the message.
    pub whole_file: &'a str,
    /// How many lines of the file come before the YAML text.
    pub line_offset: usize,
}

/// Parses `text` into `T`, whose structs deny unknown fields.
///
/// YAML tags (`!!binary`, `!custom`) are refused first: serde_yaml would
/// quietly decode or drop them, and no Signpost setting needs one.
pub fn parse_strict<T: DeserializeOwned>(text: &str, source: &YamlSource) -> Result<T, Diagnostic> {
    if let Some((line, column, tag)) = first_tag(text) {
        let line = line + source.line_offset;
        return Err(Diagnostic::error(
            "yaml-tag",
            format!("`{tag}` is a YAML tag, and Signpost's files do not use tags"),
        )
        .in_file(source.file)
        .at_source(source.whole_file, line, column)
        .help("remove the tag; if the value really starts with `!`, put it in quotes"));
    }
    serde_yaml::from_str(text).map_err(|error| to_diagnostic(&error, text, source))
}

/// How many unknown keys one file may report before the rest wait for the
/// next run: enough for any real file, and a bound on the retries.
const MAX_UNKNOWN_KEYS: usize = 50;

/// Like [`parse_strict`], but reports every unknown key in one run, not
/// one per run: each unknown key is reported, blanked out (its line and the
/// lines of its value become empty, so every other line keeps its number),
/// and the text parsed again. The first other problem, if any, follows.
pub fn parse_strict_all<T: DeserializeOwned>(
    text: &str,
    source: &YamlSource,
) -> Result<T, Vec<Diagnostic>> {
    let mut text = text.to_owned();
    let mut problems = Vec::new();
    loop {
        let error = match parse_strict::<T>(&text, source) {
            Ok(value) if problems.is_empty() => return Ok(value),
            Ok(_) => return Err(problems),
            Err(error) => error,
        };
        let yaml_line = error.line.saturating_sub(source.line_offset);
        let again = error.rule == "unknown-key"
            && problems.len() < MAX_UNKNOWN_KEYS
            && blank_key(&mut text, yaml_line);
        problems.push(error);
        if !again {
            return Err(problems);
        }
    }
}

/// Blanks the key on 1-based `line` of `text` and the lines of its value
/// (more indented, or a list at the key's own indent). False if there is
/// no such line, so the caller stops retrying.
fn blank_key(text: &mut String, line: usize) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(key_line) = line.checked_sub(1).and_then(|n| lines.get(n)) else {
        return false;
    };
    // Only a block key (`key: value` starting its line) can be blanked
    // without taking other keys with it; a flow mapping (`{title: x,
    // layout: y}`) stops at its first unknown key.
    let trimmed = key_line.trim_start().trim_start_matches("- ");
    if trimmed.is_empty() || trimmed.starts_with(['{', '[']) || !trimmed.contains(':') {
        return false;
    }
    let indent = key_line.len() - key_line.trim_start().len();
    let mut end = line;
    while let Some(next) = lines.get(end) {
        let next_indent = next.len() - next.trim_start().len();
        let continues = next.trim().is_empty()
            || next_indent > indent
            || (next_indent == indent && next.trim_start().starts_with("- "));
        if !continues {
            break;
        }
        end += 1;
    }
    let blanked: Vec<&str> = lines
        .iter()
        .enumerate()
        .map(|(n, l)| if n + 1 >= line && n < end { "" } else { l })
        .collect();
    *text = blanked.join("\n");
    true
}

/// The first YAML tag in `text`: (line, column, tag), 1-based. A tag is a
/// `!` where a value or a key starts (not inside quotes, comments or block
/// scalars such as `text: |`).
fn first_tag(text: &str) -> Option<(usize, usize, String)> {
    let mut block_indent: Option<usize> = None;
    for (n, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        if let Some(parent) = block_indent {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block_indent = None;
        }
        let mut quote: Option<char> = None;
        let mut previous = ' ';
        let mut previous_significant = ' ';
        for (at, c) in line.char_indices() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    '"' | '\'' if previous == ' ' || "[{,:-".contains(previous_significant) => {
                        quote = Some(c);
                    }
                    '#' if previous == ' ' || at == 0 => break,
                    '!' if at == indent
                        || (previous == ' '
                            && matches!(previous_significant, ':' | '-' | '?' | ','))
                        || matches!(previous, '[' | '{' | ',') =>
                    {
                        let tag: String = line[at..]
                            .chars()
                            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
                            .collect();
                        return Some((n + 1, line[..at].chars().count() + 1, tag));
                    }
                    _ => {}
                },
            }
            if !c.is_whitespace() {
                previous_significant = c;
            }
            previous = c;
        }
        let value = line.split(" #").next().unwrap_or(line).trim_end();
        if value.ends_with(['|', '>'])
            || value
                .rsplit_once(": ")
                .is_some_and(|(_, v)| v.starts_with(['|', '>']) && v.len() <= 3)
        {
            block_indent = Some(indent);
        }
    }
    None
}

fn to_diagnostic(error: &serde_yaml::Error, text: &str, source: &YamlSource) -> Diagnostic {
    let full = error.to_string();
    // serde_yaml appends " at line L column C"; we report the position ourselves.
    let message = match full.find(" at line ") {
        Some(cut) => &full[..cut],
        None => full.as_str(),
    };
    let (path, detail) = split_path(message);
    let (mut line, mut column) = error.location().map_or((1, 1), |l| (l.line(), l.column()));

    let diagnostic = if let Some((key, expected)) = parse_unknown(detail, "unknown field `") {
        let mut help = String::new();
        if let Some(near) = did_you_mean(&key, expected.iter().map(String::as_str)) {
            help.push_str(&format!("did you mean `{near}`? "));
        }
        help.push_str(&format!("Keys allowed here: {}", expected.join(", ")));
        Diagnostic::error(
            "unknown-key",
            format!("unknown key `{key}`{}", in_path(path)),
        )
        .help(help)
    } else if let Some((value, expected)) = parse_unknown(detail, "unknown variant `") {
        let mut help = String::new();
        if let Some(near) = did_you_mean(&value, expected.iter().map(String::as_str)) {
            help.push_str(&format!("did you mean `{near}`? "));
        }
        help.push_str(&format!("Use one of: {}", expected.join(", ")));
        Diagnostic::error(
            "bad-value",
            format!("`{value}` is not a valid value{}", for_path(path)),
        )
        .help(help)
    } else if let Some(rest) = detail.strip_prefix("duplicate field `") {
        let key = rest.trim_end_matches('`');
        if let Some(found) = second_occurrence(text, key) {
            line = found;
            column = 1;
        }
        Diagnostic::error(
            "duplicate-key",
            format!("the key `{key}` is given twice{}", in_path(path)),
        )
        .help("keep one of them and delete the other")
    } else if let Some(rest) = detail.strip_prefix(crate::site::dates::NOT_A_DATE) {
        Diagnostic::error("bad-date", format!("{}{}", rest.trim(), for_path(path)))
            .help("write the year, month and day of a day that exists, with dashes: 2026-11-01 is 1 November 2026")
    } else if detail.starts_with("invalid type") || detail.starts_with("invalid value") {
        Diagnostic::error("bad-value", format!("{}{}", tidy_invalid_type(detail), for_path(path)))
            .help("check the value after the colon; put text that contains `:` or starts with `[`, `{` or `*` in quotes")
    } else {
        Diagnostic::error("invalid-yaml", format!("this YAML cannot be read: {detail}"))
            .help("check the indentation, that every key ends with `:`, and put text containing `: ` or `#` in quotes")
    };
    diagnostic
        .in_file(source.file)
        .at_source(source.whole_file, line + source.line_offset, column)
}

/// serde_yaml puts the key path before a colon: `help.links[0]: unknown field`.
fn split_path(message: &str) -> (Option<&str>, &str) {
    match message.split_once(": ") {
        Some((path, detail))
            if !path.contains(' ') && !path.is_empty() && !path.starts_with('`') =>
        {
            (Some(path), detail)
        }
        _ => (None, message),
    }
}

fn in_path(path: Option<&str>) -> String {
    path.map(|p| format!(" in `{p}`")).unwrap_or_default()
}

fn for_path(path: Option<&str>) -> String {
    path.map(|p| format!(" for `{p}`")).unwrap_or_default()
}

/// Parses "unknown field `x`, expected one of `a`, `b`" (or "expected `a`",
/// or "there are no fields") into the name and the allowed names.
fn parse_unknown(detail: &str, prefix: &str) -> Option<(String, Vec<String>)> {
    let rest = detail.strip_prefix(prefix)?;
    let (name, expected) = rest.split_once('`')?;
    let allowed = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    Some((name.to_owned(), allowed))
}

fn second_occurrence(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let trimmed = l.trim_start();
            trimmed
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .nth(1)
        .map(|(i, _)| i + 1)
}

/// "invalid type: string \"ten\", expected i32" reads better as
/// "expected a whole number, found the text \"ten\"".
fn tidy_invalid_type(detail: &str) -> String {
    let Some((found, expected)) = detail.split_once(", expected ") else {
        return detail.to_owned();
    };
    let found = found
        .trim_start_matches("invalid type: ")
        .trim_start_matches("invalid value: ")
        .replace("string ", "the text ")
        .replace("sequence", "a list")
        .replace("map", "a set of keys");
    let expected = match expected {
        "i32" | "i64" | "u32" | "u64" | "usize" => "a whole number",
        "f64" | "f32" => "a number",
        "a boolean" => "true or false",
        "a sequence" => "a list (lines starting with `- `, or [a, b])",
        "a string" => "text",
        other => other,
    };
    format!("expected {expected}, found {found}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_in_a_flow_mapping_stop_at_the_first() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Page {
            title: String,
        }
        let source = YamlSource {
            file: "a.md",
            whole_file: "{title: Hi, layout: x, tags: y}\n",
            line_offset: 0,
        };
        let found =
            parse_strict_all::<Page>("{title: Hi, layout: x, tags: y}\n", &source).unwrap_err();
        let rules: Vec<&str> = found.iter().map(|d| d.rule).collect();
        assert_eq!(
            rules,
            ["unknown-key"],
            "no follow-on `missing field title`: {found:?}"
        );
    }

    #[test]
    fn tags_are_found_where_values_start() {
        assert_eq!(
            first_tag("title: !!binary aGk=\n"),
            Some((1, 8, "!!binary".to_owned()))
        );
        assert_eq!(
            first_tag("a: x\nextra:\n  k: !custom v\n"),
            Some((3, 6, "!custom".to_owned()))
        );
        assert_eq!(first_tag("- !thing\n"), Some((1, 3, "!thing".to_owned())));
        assert_eq!(
            first_tag("list: [a, !t b]\n"),
            Some((1, 11, "!t".to_owned()))
        );
        for fine in [
            "title: Help now!\n",
            "title: \"!important\"\n",
            "title: '!x'\n",
            "title: a # !not a tag\n",
            "text: |\n  !not a tag either\n  Wow! \nnext: 1\n",
            "summary: Yes! You can.\n",
        ] {
            assert_eq!(first_tag(fine), None, "{fine:?}");
        }
    }
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: Option<String>,
        weight: Option<i32>,
    }

    fn error_for(text: &str) -> Diagnostic {
        let source = YamlSource {
            file: "a.md",
            whole_file: text,
            line_offset: 1,
        };
        parse_strict::<Sample>(text, &source).unwrap_err()
    }

    #[test]
    fn unknown_key_suggests_the_nearest_and_shifts_the_line() {
        let d = error_for("title: a\ntitel: b\n");
        assert_eq!(d.rule, "unknown-key");
        assert_eq!(d.message, "unknown key `titel`");
        assert_eq!((d.line, d.column), (3, 1));
        assert_eq!(
            d.help.as_deref(),
            Some("did you mean `title`? Keys allowed here: title, weight")
        );
    }

    #[test]
    fn wrong_type_says_what_was_expected() {
        let d = error_for("weight: ten\n");
        assert_eq!(d.rule, "bad-value");
        assert_eq!(
            d.message,
            "expected a whole number, found the text \"ten\" for `weight`"
        );
        assert_eq!(d.line, 2);
    }

    #[test]
    fn duplicate_key_points_at_the_second_one() {
        let d = error_for("title: a\nweight: 1\ntitle: b\n");
        assert_eq!(d.rule, "duplicate-key");
        assert_eq!(d.line, 4);
    }

    #[test]
    fn broken_yaml_is_invalid_yaml() {
        let d = error_for("title: \"a\nweight: 1\n");
        assert_eq!(d.rule, "invalid-yaml", "{d:?}");
    }
}
