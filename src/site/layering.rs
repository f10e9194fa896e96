//! Local editions: a site's own pages laid over the pages of the sites it
//! extends (`source::layers`).
//!
//! From the deepest base up, each site first drops the base pages and
//! sections its `hide:` names (with their easy-read twins and their
//! translations), then lays its own files over what is left: a file at the
//! same path replaces the base's, a new path is added. What was hidden and
//! what was overridden are kept, so links to hidden pages can become plain
//! text and overrides can be compared with the base page they replace.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Report};
use crate::site::dates::Date;
use crate::source::config::{FILE_NAME, SiteConfig};
use crate::source::discover::{FileKind, SourceFile};
use crate::source::layers::Layer;

/// What a page or section was hidden by: the `site.yaml` and the line of
/// its `hide` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HiddenBy {
    pub file: String,
    pub line: usize,
}

/// The base page a local page replaces, as it is now.
#[derive(Debug, Clone)]
pub struct BasePage {
    /// Its path as shown in messages (`../national/content/x.md`).
    pub shown: String,
    pub reviewed: Option<Date>,
    pub body: String,
}

/// A base site, as pages and `check` name it.
#[derive(Debug, Clone)]
pub struct BaseSite {
    /// `../national/` or `guide:`.
    pub shown: String,
    pub title: String,
}

/// What a site that extends others keeps of them after merging. Empty for
/// a site that extends nothing.
#[derive(Debug, Clone, Default)]
pub struct Edition {
    /// The bases, nearest first.
    pub bases: Vec<BaseSite>,
    /// Markdown files (paths under content/) hidden from a base.
    pub hidden: BTreeMap<String, HiddenBy>,
    /// Each page of this site that replaces a base page, by path under content/.
    pub overridden: BTreeMap<String, BasePage>,
    /// The base folder whose theme is used, when this site has none of its own.
    pub theme_root: Option<PathBuf>,
}

impl Edition {
    /// The base a page of layer `layer` comes from (`None` for this site's own).
    pub fn base_of(&self, layer: usize) -> Option<&BaseSite> {
        layer.checked_sub(1).and_then(|i| self.bases.get(i))
    }
}

/// The files of a site and its bases merged into one set, with what was
/// hidden and which files replaced base files.
pub struct Merged {
    pub files: Vec<SourceFile>,
    pub hidden: BTreeMap<String, HiddenBy>,
    /// Path under content/ -> the base file a nearer site's file replaced.
    pub replaced: BTreeMap<String, SourceFile>,
    pub problems: Vec<Diagnostic>,
}

/// Merges `own` (this site's files) over each base's files. `layers` are
/// the bases nearest first, with their files; `config`/`config_text` are
/// this site's own, for its `hide` list.
pub fn merge(
    own: Vec<SourceFile>,
    config: &SiteConfig,
    config_text: &str,
    layers: Vec<(&Layer, Vec<SourceFile>)>,
) -> Merged {
    let mut current: BTreeMap<String, SourceFile> = BTreeMap::new();
    let mut hidden = BTreeMap::new();
    let mut replaced = BTreeMap::new();
    let mut problems = Vec::new();
    // Each site's `hide` and files, deepest base first, this site last.
    let mut steps: Vec<(&[String], String, &str, Vec<SourceFile>)> = layers
        .into_iter()
        .map(|(layer, files)| {
            (
                layer.config.hide.as_slice(),
                layer.shown_path(FILE_NAME),
                layer.config_text.as_str(),
                files,
            )
        })
        .collect();
    steps.reverse();
    steps.push((
        config.hide.as_slice(),
        FILE_NAME.to_owned(),
        config_text,
        own,
    ));
    for (hides, file, text, files) in steps {
        for (entry, line) in hides.iter().zip(entry_lines(text, hides)) {
            let by = HiddenBy {
                file: file.clone(),
                line,
            };
            let dropped = hide(&mut current, entry, &by, &mut hidden);
            if dropped == 0 {
                problems.push(unmatched(entry, &by, text));
            }
        }
        for source in files {
            if let Some(base) = current.insert(source.rel.clone(), source) {
                replaced.insert(base.rel.clone(), base);
            }
        }
    }
    Merged {
        files: current.into_values().collect(),
        hidden,
        replaced,
        problems,
    }
}

/// Drops the files `entry` names from `current`; returns how many.
fn hide(
    current: &mut BTreeMap<String, SourceFile>,
    entry: &str,
    by: &HiddenBy,
    hidden: &mut BTreeMap<String, HiddenBy>,
) -> usize {
    let entry = normalise_entry(entry);
    let matching: Vec<String> = current
        .values()
        .filter(|f| hides(&entry, f))
        .map(|f| f.rel.clone())
        .collect();
    for rel in &matching {
        if let Some(file) = current.remove(rel)
            && file.kind == FileKind::Markdown
        {
            hidden.insert(file.rel, by.clone());
        }
    }
    matching.len()
}

/// `care-plans/direct-payments.md`, `/care-plans/direct-payments/` ->
/// `care-plans/direct-payments`.
fn normalise_entry(entry: &str) -> String {
    let entry = entry.trim().trim_matches('/');
    entry.strip_suffix(".md").unwrap_or(entry).to_owned()
}

/// Whether the hide entry (normalised) takes this file: the page itself,
/// its easy-read twin and translations, or anything in the section folder.
fn hides(entry: &str, file: &SourceFile) -> bool {
    if entry.is_empty() {
        return false;
    }
    if file.rel.starts_with(&format!("{entry}/")) {
        return true;
    }
    file.kind == FileKind::Markdown && page_stem(&file.rel) == entry
}

/// The page a Markdown file is a version of: `x.md`, `x.easy.md`,
/// `x.cy.md` and `x.easy.cy.md` are all `x`.
fn page_stem(rel: &str) -> &str {
    let mut stem = rel.strip_suffix(".md").unwrap_or(rel);
    for _ in 0..2 {
        if let Some(twin) = stem.strip_suffix(".easy") {
            stem = twin;
        } else if let Some((before, tag)) = stem.rsplit_once('.')
            && is_language_tag(tag)
            && !before.ends_with('/')
        {
            stem = before;
        }
    }
    stem
}

/// A BCP 47 tag as a translation's file name carries it (`cy`, `zh-Hans`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The 1-based line of each `hide` entry in `text`: the first line after
/// `hide:` that holds it, or the `hide:` line (a flow list on one line).
fn entry_lines(text: &str, entries: &[String]) -> Vec<usize> {
    let hide_line = crate::source::config::line_of_key(text, "hide");
    let lines: Vec<&str> = text.lines().collect();
    entries
        .iter()
        .map(|entry| {
            lines
                .iter()
                .enumerate()
                .skip(hide_line)
                .take_while(|(_, l)| {
                    l.starts_with(' ') || l.starts_with('-') || l.trim().is_empty()
                })
                .find(|(_, l)| {
                    let item = l.trim_start().trim_start_matches('-').trim();
                    item.trim_matches(['"', '\'']) == entry.as_str()
                })
                .map_or(hide_line, |(n, _)| n + 1)
        })
        .collect()
}

/// The 1-based column of `entry` on `line` of `text`, or 1.
fn entry_column(text: &str, line: usize, entry: &str) -> usize {
    text.lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.find(entry).map(|at| l[..at].chars().count() + 1))
        .unwrap_or(1)
}

fn unmatched(entry: &str, by: &HiddenBy, text: &str) -> Diagnostic {
    crate::diagnostics::rules::finding(
        "hide-unmatched",
        format!("`hide: {entry}` matches no page or section of the sites this one extends"),
    )
    .in_file(&by.file)
    .at_source(text, by.line, entry_column(text, by.line, entry))
    .help("write the path under content/ without .md, as the base site has it (for example care-plans/direct-payments), or remove the entry")
}

/// The base pages that this site's own pages replace, read as they are now.
/// A base page that cannot be read is left out: the override stands alone.
pub fn base_pages(
    replaced: &BTreeMap<String, SourceFile>,
    own: &[String],
) -> BTreeMap<String, BasePage> {
    replaced
        .iter()
        .filter(|(rel, f)| f.kind == FileKind::Markdown && own.contains(rel))
        .filter_map(|(rel, file)| {
            let bytes = file.read().ok()?;
            let text = String::from_utf8(bytes).ok()?;
            let split = crate::source::front_matter::split_and_parse(&file.shown, &text).ok()?;
            Some((
                rel.clone(),
                BasePage {
                    shown: file.shown.clone(),
                    reviewed: split.front.reviewed,
                    body: text[split.body_start..].to_owned(),
                },
            ))
        })
        .collect()
}

/// The sites `config` extends and the settings merged down them; `None`
/// (reported) when a base is missing, makes a loop or does not parse.
pub fn read_bases(
    root: &Path,
    config: SiteConfig,
    config_text: &str,
    report: &mut Report,
) -> Option<(SiteConfig, Vec<Layer>)> {
    if config.extends.is_none() {
        return Some((config, Vec::new()));
    }
    let merged = crate::source::layers::bases(root, &config, config_text).and_then(|bases| {
        crate::source::layers::merged_config(config_text, &bases).map(|c| (c, bases))
    });
    match merged {
        Ok(found) => Some(found),
        Err(problem) => {
            report.push(problem);
            None
        }
    }
}

/// This site's own files (`own`) laid over its bases' files, and what the
/// site keeps of its bases.
pub fn lay_over_bases(
    root: &Path,
    own: Vec<SourceFile>,
    config: &SiteConfig,
    config_text: &str,
    bases: &[Layer],
    report: &mut Report,
) -> (Vec<SourceFile>, Edition) {
    if bases.is_empty() {
        return (own, Edition::default());
    }
    let mut layers = Vec::new();
    for base in bases {
        let (files, problems) = base.content_files();
        report.extend(problems);
        layers.push((base, files));
    }
    let merged = merge(own, config, config_text, layers);
    report.extend(merged.problems);
    let own_rels: Vec<String> = merged
        .files
        .iter()
        .filter(|f| f.layer == 0)
        .map(|f| f.rel.clone())
        .collect();
    let theme = format!("themes/{}", config.theme);
    let theme_root = if root.join(&theme).is_dir() {
        None
    } else {
        bases
            .iter()
            .find(|b| b.theme_dir(&config.theme).is_some())
            .and_then(|b| b.disk_root().map(Path::to_path_buf))
    };
    let edition = Edition {
        bases: bases
            .iter()
            .map(|b| BaseSite {
                shown: b.shown.clone(),
                title: b.config.title.clone(),
            })
            .collect(),
        hidden: merged.hidden,
        overridden: base_pages(&merged.replaced, &own_rels),
        theme_root,
    };
    (merged.files, edition)
}

/// `broken-link` for a help-banner link to a page the site hides: the
/// banner is for people in crisis, so its link is never quietly dropped.
/// Reported at the `hide` entry, since the banner may be the base's.
pub fn hidden_help_link(edition: &Edition, config_text: &str, link: &str) -> Option<Diagnostic> {
    let by = edition.hidden.get(link.trim_start_matches('/'))?;
    let text = if by.file == FILE_NAME {
        config_text
    } else {
        ""
    };
    Some(
        Diagnostic::error(
            "broken-link",
            format!(
                "the help banner links to `{link}`, which this site hides (hidden by {} line {})",
                by.file, by.line
            ),
        )
        .in_file(&by.file)
        .at_source(text, by.line, 1)
        .help("give `help:` its own links in this site.yaml, or remove the page from `hide:`"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_of_a_page_share_its_stem() {
        for rel in [
            "care/plan.md",
            "care/plan.easy.md",
            "care/plan.cy.md",
            "care/plan.easy.cy.md",
            "care/plan.zh-Hans.md",
        ] {
            assert_eq!(page_stem(rel), "care/plan", "{rel}");
        }
        assert_eq!(page_stem("care/_index.md"), "care/_index");
        assert_eq!(page_stem("care/crisis-plans.md"), "care/crisis-plans");
    }

    #[test]
    fn hide_lines_are_found() {
        let text = "title: x\nhide:\n  - a/b\n  - \"c\"\nhelp: y\n";
        assert_eq!(entry_lines(text, &["a/b".into(), "c".into()]), vec![3, 4]);
        let flow = "title: x\nhide: [a, b]\n";
        assert_eq!(entry_lines(flow, &["a".into()]), vec![2]);
    }
}
