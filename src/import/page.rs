//! Converts one page: its front matter to Signpost's, its shortcodes, its
//! links, then lists what is left to do in it with its line in DEST.

use serde_json::{Map, Value};

use super::front_matter::{Mapped, Split, alias_path};
use super::links::{self, Target};
use super::report::{FileChanges, Todo};
use super::shortcodes;

/// What the import knows about a page beyond its own text.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// From SOURCE.
    pub source_rel: String,
    /// From DEST (`content/…`).
    pub file: String,
    /// A title from mdBook's `SUMMARY.md` or the file name, used when the
    /// page has none of its own.
    pub fallback_title: String,
    pub summary_weight: Option<i64>,
    /// A date from a dated file name or folder.
    pub dated: Option<String>,
    /// Old addresses that now belong in `aliases`.
    pub old_addresses: Vec<String>,
}

/// A converted page, ready to write.
#[derive(Debug, Clone)]
pub struct Converted {
    pub text: String,
    pub changes: FileChanges,
    pub todo: Vec<Todo>,
    pub raw_html_blocks: usize,
}

pub fn convert(
    split: &Split,
    known: &Known,
    resolve: &dyn Fn(&Target) -> Option<String>,
) -> Converted {
    let mut mapped = super::front_matter::map(&split.keys);
    let mut converted = Vec::new();
    let body = take_title(&split.body, &mut mapped, known, &mut converted);
    let shortcodes = shortcodes::convert(&body);
    converted.extend(shortcodes.notes);
    let mut linked = links::rewrite(&shortcodes.body, resolve);
    // Blank lines left where a heading or `[[toc]]` was go, and the
    // lines of broken links move up with them.
    let blank = linked.body.len() - linked.body.trim_start_matches(['\n', '\r']).len();
    let blank_lines = linked.body[..blank].matches('\n').count();
    linked.body = linked.body[blank..].to_owned();
    for broken in &mut linked.unresolved {
        broken.line = broken.line.saturating_sub(blank_lines);
    }
    finish_keys(&mut mapped, known, shortcodes.toc);
    let header = format!("---\n{}---\n", yaml(&mapped.keys));
    let offset = header.matches('\n').count();
    let text = format!("{header}{}", linked.body);
    let mut todo = Vec::new();
    let at = |line: usize, kind, message: String| Todo {
        file: known.file.clone(),
        line: line + offset,
        kind,
        message,
    };
    for (line, found) in shortcodes::leftovers(&linked.body) {
        todo.push(at(line, "template-syntax", format!(
            "`{found}` is left in the page: Signpost does not run Liquid or shortcodes, so readers would see it as text. Write it in Markdown or remove it"
        )));
    }
    for broken in &linked.unresolved {
        todo.push(at(broken.line, "broken-link", format!(
            "the link `{}` goes to nothing in the imported site: point it at a page's .md file, or remove it",
            broken.target
        )));
    }
    let raw = raw_html(&linked.body);
    for (line, tag) in &raw {
        todo.push(at(*line, "raw-html", format!(
            "raw HTML `{tag}`: `raw_html: sanitize` keeps its safe formatting and drops the rest. Write it in Markdown if you can"
        )));
    }
    if let Err(problems) = crate::source::front_matter::split_and_parse(&known.file, &text) {
        for problem in problems {
            todo.push(Todo {
                file: known.file.clone(),
                line: problem.line,
                kind: "front-matter",
                message: problem.message,
            });
        }
    }
    todo.sort_by_key(|t| t.line);
    Converted {
        text,
        changes: FileChanges {
            file: known.file.clone(),
            from: Some(known.source_rel.clone()),
            front_matter: Some(split.kind),
            mapped: mapped.mapped,
            dropped: mapped.dropped,
            extra: mapped.extra,
            links: linked.rewritten,
            converted,
        },
        todo,
        raw_html_blocks: raw.len(),
    }
}

/// The page's `# heading` is its title in Signpost (the theme prints it):
/// a first `# …` line becomes the title when there is none, and is removed
/// when it repeats the title, so the page has one `<h1>`.
fn take_title(body: &str, mapped: &mut Mapped, known: &Known, notes: &mut Vec<String>) -> String {
    let first = body.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let heading = first
        .strip_prefix("# ")
        .map(|h| h.trim().trim_end_matches('#').trim().to_owned());
    let title = mapped
        .keys
        .get("title")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let remove = match (&title, &heading) {
        (None, Some(h)) => {
            mapped.keys.insert("title".into(), Value::String(h.clone()));
            notes.push("first heading → title".into());
            true
        }
        (Some(t), Some(h)) if t.eq_ignore_ascii_case(h) => {
            notes.push("removed the first heading, which repeated the title".into());
            true
        }
        (None, None) => {
            mapped
                .keys
                .insert("title".into(), Value::String(known.fallback_title.clone()));
            notes.push(format!(
                "title made from {}",
                if known.summary_weight.is_some() {
                    "SUMMARY.md"
                } else {
                    "the file name"
                }
            ));
            false
        }
        _ => false,
    };
    if !remove {
        return body.to_owned();
    }
    let start = body.find(first).unwrap_or(0);
    let after = &body[start + first.len()..];
    let after = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .unwrap_or(after);
    format!(
        "{}{}",
        &body[..start],
        after.trim_start_matches(['\n', '\r'])
    )
}

fn finish_keys(mapped: &mut Mapped, known: &Known, toc: bool) {
    let keys = &mut mapped.keys;
    if !keys.contains_key("weight") {
        if let Some(weight) = known.summary_weight {
            keys.insert("weight".into(), Value::from(weight));
            mapped
                .mapped
                .push(format!("SUMMARY.md order → weight ({weight})"));
        }
    }
    if !keys.contains_key("reviewed") {
        if let Some(day) = known.dated.as_deref().filter(|d| d.len() == 10) {
            keys.insert("reviewed".into(), Value::String(day.to_owned()));
            mapped
                .mapped
                .push(format!("date in the file name → reviewed ({day})"));
        }
    }
    if toc {
        keys.insert("toc".into(), Value::Bool(true));
    }
    let mut aliases: Vec<String> = keys
        .get("aliases")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let new_address = super::structure::new_address(known.file.trim_start_matches("content/"));
    if let Some(permalink) = mapped.permalink.take() {
        let old = alias_path(&permalink);
        if super::structure::address_key(&old) != new_address && !old.is_empty() {
            mapped.dropped.retain(|k| k != "permalink");
            mapped.mapped.push(format!("permalink → aliases ({old})"));
            aliases.push(old);
        }
    }
    for old in &known.old_addresses {
        if super::structure::address_key(old) != new_address {
            mapped
                .mapped
                .push(format!("old dated address → aliases ({old})"));
            aliases.push(old.clone());
        }
    }
    aliases.dedup();
    if !aliases.is_empty() {
        keys.insert("aliases".into(), Value::from(aliases));
    }
}

/// Signpost's keys in the order its README lists them.
const ORDER: &[&str] = &[
    "title", "summary", "reviewed", "weight", "lang", "draft", "toc", "aliases", "extra",
];

fn yaml(keys: &Map<String, Value>) -> String {
    let mut mapping = serde_yaml::Mapping::new();
    for key in ORDER {
        if let Some(value) = keys.get(*key) {
            if let Ok(value) = serde_yaml::to_value(value) {
                mapping.insert(serde_yaml::Value::String((*key).to_owned()), value);
            }
        }
    }
    serde_yaml::to_string(&mapping).unwrap_or_default()
}

/// Raw-HTML blocks and opening inline tags (not comments), with their line
/// and the tag's first characters.
fn raw_html(body: &str) -> Vec<(usize, String)> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut found = Vec::new();
    for (event, range) in Parser::new_ext(body, Options::all()).into_offset_iter() {
        let html = match &event {
            Event::Start(Tag::HtmlBlock) => body[range.clone()].lines().next().unwrap_or(""),
            Event::InlineHtml(html) if !html.starts_with("</") => html.as_ref(),
            _ => continue,
        };
        let html = html.trim();
        if html.starts_with("<!--") || html.is_empty() {
            continue;
        }
        let line = body[..range.start].matches('\n').count() + 1;
        let shown: String = html.chars().take(30).collect();
        found.push((line, shown));
    }
    found
}
