//! Liquid tags and Hugo/Eleventy shortcodes: the simple ones become
//! Signpost Markdown (callouts, the page-contents option, a plain video
//! link), and every other one is found with its line for a person to fix.

use std::sync::LazyLock;

use regex::Regex;

use super::prose::{Prose, without_code_spans};

/// A body with its simple shortcodes converted.
#[derive(Debug, Default)]
pub struct Converted {
    pub body: String,
    /// "note include → callout", one per conversion.
    pub notes: Vec<String>,
    /// `[[toc]]` was found: the page wants its contents list.
    pub toc: bool,
}

static TOC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\[\[_?toc_?\]\]|\{\{<\s*toc\s*>\}\}|\{%-?\s*toc\s*-?%\})\s*$")
        .expect("pattern")
});
static NOTE_INCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\s*\{%-?\s*include\s+(note|tip|warning|important|caution|danger|info|callout)\.html\s+content=["'](.*?)["']\s*-?%\}\s*$"#)
        .expect("pattern")
});
static NOTICE_OPEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\s*\{\{[<%]\s*(notice|alert|hint|callout|admonition)\s*(?:type=)?["']?(\w*)["']?[^>%]*[>%]\}\}(.*)$"#)
        .expect("pattern")
});
static NOTICE_CLOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{\{[<%]\s*/\s*(?:notice|alert|hint|callout|admonition)\s*[>%]\}\}"#)
        .expect("pattern")
});
static YOUTUBE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{\{<\s*youtube\s+(?:id=)?["']?([\w-]+)["']?(?:\s+title=["']([^"']*)["'])?[^>]*>\}\}|\{%-?\s*youtube\s+["']?([\w-]+)["']?\s*-?%\}"#)
        .expect("pattern")
});
/// Any Liquid tag or output, Hugo or Eleventy shortcode on one line, or a
/// kramdown attribute list (`{: .note}`, `{:toc}`).
static LEFTOVER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{%.*?%\}|\{\{.*?\}\}|^\s*\{:.*\}\s*$").expect("pattern"));

/// The GitHub-style callout kind for another generator's name.
fn callout_kind(name: &str) -> &'static str {
    match name.to_ascii_lowercase().as_str() {
        "tip" | "hint" | "success" => "TIP",
        "warning" | "warn" => "WARNING",
        "important" | "info" => "IMPORTANT",
        "caution" | "danger" | "error" => "CAUTION",
        _ => "NOTE",
    }
}

/// Converts the simple cases. Lines keep their count where they can, so the
/// report's line numbers stay close to the source's.
pub fn convert(body: &str) -> Converted {
    let mut out = Converted::default();
    let mut prose = Prose::default();
    let mut in_notice = false;
    for line in body.split_inclusive('\n') {
        if !prose.is_prose(line) {
            out.body.push_str(line);
            continue;
        }
        let bare = line.trim_end_matches(['\n', '\r']);
        if in_notice {
            if let Some(close) = NOTICE_CLOSE.find(bare) {
                in_notice = false;
                let before = bare[..close.start()].trim();
                if !before.is_empty() {
                    out.body.push_str(&format!("> {before}\n"));
                }
                out.body.push('\n');
            } else if bare.trim().is_empty() {
                out.body.push_str(">\n");
            } else {
                out.body.push_str(&format!("> {bare}\n"));
            }
            continue;
        }
        if TOC.is_match(bare) {
            out.toc = true;
            out.notes.push("[[toc]] → toc: true".into());
            out.body.push('\n');
        } else if let Some(c) = NOTE_INCLUDE.captures(bare) {
            out.notes.push(format!("{}.html include → callout", &c[1]));
            out.body
                .push_str(&format!("> [!{}]\n> {}\n\n", callout_kind(&c[1]), &c[2]));
        } else if let Some(c) = NOTICE_OPEN.captures(bare) {
            out.notes
                .push(format!("{} {} → callout", &c[1], &c[2]).replace("  ", " "));
            out.body
                .push_str(&format!("> [!{}]\n", callout_kind(&c[2])));
            let rest = c[3].to_owned();
            match NOTICE_CLOSE.find(&rest) {
                Some(close) => out
                    .body
                    .push_str(&format!("> {}\n", rest[..close.start()].trim())),
                None => {
                    in_notice = true;
                    if !rest.trim().is_empty() {
                        out.body.push_str(&format!("> {}\n", rest.trim()));
                    }
                }
            }
        } else if YOUTUBE.is_match(bare) {
            out.body.push_str(&youtube_links(line, &mut out.notes));
        } else {
            out.body.push_str(line);
        }
    }
    out
}

/// Each YouTube shortcode becomes a plain link: no embed, no request to
/// another website until the reader chooses to go there.
fn youtube_links(line: &str, notes: &mut Vec<String>) -> String {
    YOUTUBE
        .replace_all(line, |c: &regex::Captures| {
            let id = c.get(1).or_else(|| c.get(3)).map_or("", |m| m.as_str());
            let title = c
                .get(2)
                .map_or("Watch the video on YouTube", |m| m.as_str());
            notes.push(format!("youtube {id} → link"));
            format!("[{title}](https://www.youtube.com/watch?v={id})")
        })
        .into_owned()
}

/// Templating left in a body: (1-based line, the text found).
pub fn leftovers(body: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut prose = Prose::default();
    for (index, line) in body.split_inclusive('\n').enumerate() {
        if !prose.is_prose(line) {
            continue;
        }
        let visible = without_code_spans(line.trim_end_matches(['\n', '\r']));
        for m in LEFTOVER.find_iter(&visible) {
            found.push((index + 1, m.as_str().trim().to_owned()));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_the_simple_cases() {
        let body = "[[toc]]\n{% include note.html content=\"Bring your letter.\" %}\n{{< notice warning >}}\nCall 999.\n{{< /notice >}}\n{{< youtube abc-12 >}}\n";
        let out = convert(body);
        assert!(out.toc);
        assert_eq!(
            out.body,
            "\n> [!NOTE]\n> Bring your letter.\n\n> [!WARNING]\n> Call 999.\n\n[Watch the video on YouTube](https://www.youtube.com/watch?v=abc-12)\n"
        );
    }

    #[test]
    fn finds_leftovers_outside_code() {
        let body = "a {% include form.html %}\n`{{ x }}`\n```\n{{ y }}\n```\n{{< figure src=\"a\" >}}\n{: .note}\n";
        let found = leftovers(body);
        let lines: Vec<usize> = found.iter().map(|f| f.0).collect();
        assert_eq!(lines, [1, 6, 7]);
        assert_eq!(found[0].1, "{% include form.html %}");
    }
}
