//! Old addresses that keep working: front matter `aliases` (Hugo's name;
//! Jekyll calls it `redirect_from`).
//!
//! A trust that moves its leaflets to Signpost has old addresses printed on
//! paper and saved in bookmarks. Each alias gets a small page at the old
//! address that sends the reader on. An alias is a path from the site root:
//! one ending in `.html` is that file, any other is a folder whose
//! `index.html` is written. Checking happens at load, with the line of the
//! alias in the front matter, so a clash is reported before anything is
//! built.

use std::collections::BTreeMap;

use crate::diagnostics::Diagnostic;
use crate::site::model::{Page, PageIdx};
use crate::source::discover::SourceFile;

/// One old address of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub page: PageIdx,
    /// The old address as the author wrote it.
    pub written: String,
    /// The file written there, relative to the output folder
    /// (`old/path.html`, `leaflets/crisis/index.html`).
    pub output: String,
    /// The folder that file is in, for relative links from it.
    pub output_dir: String,
}

/// Every valid alias of every page, in page order.
pub fn resolve(pages: &[Page]) -> Vec<Alias> {
    pages
        .iter()
        .enumerate()
        .flat_map(|(idx, page)| {
            page.front.aliases.iter().filter_map(move |written| {
                output_of(written).ok().map(|output| Alias {
                    page: idx,
                    written: written.clone(),
                    output_dir: output
                        .rsplit_once('/')
                        .map_or(String::new(), |(dir, _)| format!("{dir}/")),
                    output,
                })
            })
        })
        .collect()
}

/// Aliases that are not usable paths, or that land on a page, a file or
/// another alias.
pub fn problems(pages: &[Page], assets: &[SourceFile]) -> Vec<Diagnostic> {
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    for page in pages {
        taken.insert(format!("{}index.html", page.dir), page.file());
    }
    for asset in assets {
        taken.insert(asset.rel.clone(), asset.shown.clone());
    }
    let mut found = Vec::new();
    for page in pages {
        for written in &page.front.aliases {
            let line = line_of_alias(page, written);
            let at = |d: Diagnostic| d.in_file(page.file()).at_source(&page.text, line, 1);
            match output_of(written) {
                Err(why) => found.push(at(Diagnostic::error(
                    "invalid-alias",
                    format!("the alias `{written}` {why}"),
                )
                .help("write the old address as a path from the site root, like `leaflets/crisis` or `old/crisis-plan.html`"))),
                Ok(output) => {
                    if let Some(owner) = taken.get(&output) {
                        let whose = if *owner == page.file() {
                            "this page's own address".to_owned()
                        } else {
                            format!("the address of {owner}")
                        };
                        found.push(at(Diagnostic::error(
                            "duplicate-url",
                            format!("the alias `{written}` would be written to {output}, which is already {whose}"),
                        )
                        .help("remove this alias, or change it to the old address readers really used")));
                    } else {
                        taken.insert(output, format!("an alias in {}", page.file()));
                    }
                }
            }
        }
    }
    found
}

/// Where an alias is written, or why it cannot be.
fn output_of(written: &str) -> Result<String, &'static str> {
    let trimmed = written.trim();
    let path = trimmed.trim_start_matches('/');
    if trimmed.contains("://") || trimmed.starts_with("//") || trimmed.starts_with("mailto:") {
        return Err("is a full web address; an alias is an old address on this site");
    }
    if path.is_empty() {
        return Err("is empty or the site root, which is the home page's own address");
    }
    if path
        .chars()
        .any(|c| c.is_control() || matches!(c, '?' | '#' | '\\' | '"' | '<' | '>'))
    {
        return Err(
            "has a character that cannot be part of a file path (? # \\ \" < > or a control character)",
        );
    }
    let path = path.trim_end_matches('/');
    if path
        .split('/')
        .any(|part| part.is_empty() || part == "." || part == "..")
    {
        return Err("has an empty, `.` or `..` part: it must name a place inside the site");
    }
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        Ok(path.to_owned())
    } else {
        Ok(format!("{path}/index.html"))
    }
}

/// The front-matter line that holds `written`, or the `aliases:` line.
fn line_of_alias(page: &Page, written: &str) -> usize {
    let front = &page.text[..page.body_start];
    let key_line = crate::source::config::line_of_key(front, "aliases");
    front
        .lines()
        .enumerate()
        .skip(key_line - 1)
        .find(|(_, line)| line.contains(written))
        .map_or(key_line, |(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::output_of;

    #[test]
    fn html_names_are_files_and_others_are_folders() {
        assert_eq!(output_of("old/path.html").unwrap(), "old/path.html");
        assert_eq!(
            output_of("/leaflets/crisis/").unwrap(),
            "leaflets/crisis/index.html"
        );
        assert_eq!(output_of("Old.HTM").unwrap(), "Old.HTM");
    }

    #[test]
    fn paths_that_leave_the_site_or_are_not_paths_are_refused() {
        for bad in [
            "../x",
            "a/../../x",
            "https://example.org/x",
            "//evil",
            "/",
            "",
            "a?b",
            "a#b",
            "a//b",
        ] {
            assert!(output_of(bad).is_err(), "{bad}");
        }
    }
}
