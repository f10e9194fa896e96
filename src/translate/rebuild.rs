//! A translation's Markdown body: the source body with each translated
//! unit's text put in place of the source's, and nothing else changed.
//!
//! A translator's text is text, never Markdown: characters Markdown would
//! read as syntax (`*`, `[`, `|`, `#` …) are escaped, and whitespace is
//! made single spaces, so a translation cannot add a link, a heading or a
//! table column. Codes come back as the source's own Markdown.

use super::units::{CodeKind, Inline, Unit};

/// Rebuilds `body` with `targets[i]` (already checked against `units[i]`'s
/// codes) in place of each unit's text; a unit without a target keeps the
/// source's bytes.
pub fn rebuild(body: &str, units: &[Unit], targets: &[Option<Vec<Inline>>]) -> String {
    let mut parent = vec![None; units.len()];
    for (j, unit) in units.iter().enumerate() {
        for code in &unit.codes {
            if let CodeKind::Image(Some(alt)) = code.kind
                && alt < parent.len()
            {
                parent[alt] = Some(j);
            }
        }
    }
    let mut replacements: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        if targets.get(i).is_none_or(Option::is_none) || unit.range.is_empty() {
            continue;
        }
        // Alt text inside a translated paragraph goes in with the paragraph.
        if parent[i].is_some_and(|p| targets.get(p).is_some_and(Option::is_some)) {
            continue;
        }
        let context = Context {
            body,
            units,
            targets,
        };
        replacements.push((unit.range.clone(), context.unit_text(i)));
    }
    replacements.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(body.len() + body.len() / 4);
    let mut at = 0;
    for (range, text) in replacements {
        if range.start < at || range.end > body.len() {
            continue;
        }
        out.push_str(&body[at..range.start]);
        out.push_str(&text);
        at = range.end;
    }
    out.push_str(&body[at..]);
    out
}

struct Context<'a> {
    body: &'a str,
    units: &'a [Unit],
    targets: &'a [Option<Vec<Inline>>],
}

impl Context<'_> {
    /// The Markdown for unit `i`: its target, or the source's bytes.
    fn unit_text(&self, i: usize) -> String {
        let unit = &self.units[i];
        let Some(Some(target)) = self.targets.get(i) else {
            return self.body.get(unit.range.clone()).unwrap_or("").to_owned();
        };
        if unit.kind.is_plain() {
            return collapse(&plain_text(target)).trim().to_owned();
        }
        let mut out = String::new();
        self.inline(unit, target, &mut out, &mut true);
        let mut out = out.trim().to_owned();
        if let Some(anchor) = &unit.anchor {
            out.push_str(&format!(" {{#{anchor}}}"));
        }
        out
    }

    /// Appends `content`. `line_start` is true at the start of the unit and
    /// after a line break, where leading spaces go and block markers are escaped.
    fn inline(&self, unit: &Unit, content: &[Inline], out: &mut String, line_start: &mut bool) {
        for piece in content {
            match piece {
                Inline::Text(text) => {
                    let text = collapse(text);
                    let text = if *line_start {
                        text.trim_start()
                    } else {
                        &text
                    };
                    if !text.is_empty() {
                        out.push_str(&escape(text, *line_start));
                        *line_start = false;
                    }
                }
                Inline::Standalone(id) => {
                    let Some(code) = unit.code(*id) else { continue };
                    out.push_str(&code.open);
                    if let CodeKind::Image(Some(alt)) = code.kind {
                        out.push_str(&self.unit_text(alt));
                    }
                    out.push_str(&code.close);
                    *line_start = code.kind == CodeKind::Break;
                }
                Inline::Paired(id, inner) => {
                    let Some(code) = unit.code(*id) else { continue };
                    let mut text = String::new();
                    self.inline(unit, inner, &mut text, line_start);
                    paired(&code.kind, &code.open, &code.close, &text, out);
                }
            }
        }
    }
}

/// Emphasis must touch its words (`** word**` is not bold): spaces at the
/// edges go outside. `_` delimiters become `*`, which also work inside a
/// word, as a translation may need.
fn paired(kind: &CodeKind, open: &str, close: &str, text: &str, out: &mut String) {
    let is_emphasis = matches!(
        kind,
        CodeKind::Emphasis | CodeKind::Strong | CodeKind::Strikethrough
    );
    if !is_emphasis {
        out.push_str(open);
        out.push_str(text);
        out.push_str(close);
        return;
    }
    let words = text.trim_matches(' ');
    if words.is_empty() {
        out.push_str(text);
        return;
    }
    let star = |d: &str| {
        if !d.is_empty() && d.chars().all(|c| c == '_') {
            "*".repeat(d.len())
        } else {
            d.to_owned()
        }
    };
    let lead = &text[..text.len() - text.trim_start_matches(' ').len()];
    let trail = &text[text.trim_end_matches(' ').len()..];
    out.push_str(lead);
    out.push_str(&star(open));
    out.push_str(words);
    out.push_str(&star(close));
    out.push_str(trail);
}

/// Runs of whitespace (including line ends a tool wrapped) become one space.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// The words of a target, codes left out (worksheet text has none).
pub fn plain_text(content: &[Inline]) -> String {
    let mut out = String::new();
    for piece in content {
        match piece {
            Inline::Text(t) => out.push_str(t),
            Inline::Paired(_, inner) => out.push_str(&plain_text(inner)),
            Inline::Standalone(_) => {}
        }
    }
    out
}

/// Escapes what Markdown would read as syntax. `line_start`: the text
/// begins a line, where `-`, `+`, `=`, `:` and `1.` start blocks.
pub fn escape(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    let first_word = line_start;
    for (i, &c) in chars.iter().enumerate() {
        let at_start = first_word && i == 0;
        let special = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '{' | '}' => true,
            '-' | '+' | '=' | ':' => at_start,
            '.' | ')' => first_word && i > 0 && chars[..i].iter().all(char::is_ascii_digit),
            '&' => looks_like_entity(&chars[i + 1..]),
            '!' => chars.get(i + 1) == Some(&'['),
            _ => false,
        };
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `&amp;`, `&#42;`: an HTML character reference Markdown would decode.
fn looks_like_entity(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::super::units::{describe, extract};
    use super::*;

    /// Replaces each unit's text with `f(text)`, keeping the codes.
    fn translate(body: &str, f: impl Fn(&str) -> String) -> String {
        let units = extract(body, false);
        let targets: Vec<Option<Vec<Inline>>> = units
            .iter()
            .map(|u| Some(map_text(&u.content, &f)))
            .collect();
        rebuild(body, &units, &targets)
    }

    fn map_text(content: &[Inline], f: &impl Fn(&str) -> String) -> Vec<Inline> {
        content
            .iter()
            .map(|p| match p {
                Inline::Text(t) => Inline::Text(f(t)),
                Inline::Paired(n, inner) => Inline::Paired(*n, map_text(inner, f)),
                other => other.clone(),
            })
            .collect()
    }

    #[test]
    fn structure_stays_and_text_changes() {
        let body = "## Help now\n\nSee [help](../help.md) and *call* `111`.\n\n- One\n- Two\n\n> [!NOTE]\n> A note\n\n| A | B |\n|---|---|\n| c | d |\n";
        let out = translate(body, |t| t.to_uppercase());
        assert_eq!(
            out,
            "## HELP NOW {#help-now-1}\n\nSEE [HELP](../help.md) AND *CALL* `111`.\n\n- ONE\n- TWO\n\n> [!NOTE]\n> A NOTE\n\n| A | B |\n|---|---|\n| C | D |\n"
        );
    }

    #[test]
    fn a_translators_markdown_is_only_text() {
        let out = translate("Some text.\n", |_| "*no* [link](x) | # 1. &amp;".to_owned());
        assert_eq!(out, "\\*no\\* \\[link\\](x) \\| \\# 1. \\&amp;\n");
        let units = extract(&out, false);
        assert_eq!(describe(&units[0].content), "*no* [link](x) | # 1. &amp;");
        let list = translate("Text.\n", |_| "1. not a list".to_owned());
        assert_eq!(list, "1\\. not a list\n");
    }

    #[test]
    fn emphasis_keeps_its_spaces_outside() {
        let body = "A _word_ here.\n";
        let units = extract(body, false);
        let target = vec![
            Inline::Text("Gair".into()),
            Inline::Paired(1, vec![Inline::Text(" pwysig ".into())]),
            Inline::Text("yma.".into()),
        ];
        assert_eq!(
            rebuild(body, &units, &[Some(target)]),
            "Gair *pwysig* yma.\n"
        );
    }
}
