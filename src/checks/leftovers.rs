//! Templating left in a page from another generator: Liquid (`{% … %}`,
//! `{{ … }}`) and Hugo or Eleventy shortcodes (`{{< … >}}`, `{{% … %}}`).
//! Signpost does not run them, so readers would see them as text. Only the
//! words a reader reads are searched, so examples in code are left alone.

use super::finding;
use crate::diagnostics::{Diagnostic, LazyLineIndex};
use crate::render::markdown::Rendered;
use crate::site::model::Page;

/// Longest piece of the leftover quoted in the message.
const SHOWN: usize = 40;

pub fn check(page: &Page, render: &Rendered) -> Vec<Diagnostic> {
    let lines = LazyLineIndex::new(&page.text);
    let mut problems = Vec::new();
    for block in &render.prose {
        for (start, _) in block
            .text
            .match_indices("{%")
            .chain(block.text.match_indices("{{"))
        {
            let rest = &block.text[start..];
            let shortcode = rest.starts_with("{{<") || rest.starts_with("{{%");
            let close = if rest.starts_with("{%") { "%}" } else { "}}" };
            let end = rest.find(close).map_or(rest.len(), |i| i + close.len());
            let mut shown: String = rest[..end].chars().take(SHOWN).collect();
            if rest[..end].chars().count() > SHOWN {
                shown.push('…');
            }
            let what = if shortcode {
                "a shortcode from Hugo or Eleventy"
            } else {
                "Liquid template code from another generator"
            };
            let (line, column) = lines.position(block.file_offset(start));
            problems.push(
                finding(
                    "template-syntax",
                    format!("`{shown}` is {what}; Signpost does not run it, so readers would see it as text"),
                )
                .in_file(page.file())
                .at_source(&page.text, line, column)
                .help("write it as Markdown instead (a link to the page's .md file, a callout or plain text), or delete it"),
            );
        }
    }
    problems.sort_by_key(|d| (d.line, d.column));
    problems
}
