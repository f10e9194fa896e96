//! `signpost import`: turns a Jekyll, Hugo, Eleventy or mdBook site into a
//! new Signpost site, and reports what it changed and what a person must
//! still do. It reads SOURCE only, and writes only into an empty DEST.
//!
//! The steps, one module each: `detect` reads the generator's settings,
//! `walk` finds the files, `structure` places them, `front_matter`,
//! `shortcodes` and `links` convert each page (`page` runs them in order),
//! and `report` says what happened.

mod detect;
mod front_matter;
mod links;
mod page;
mod prose;
mod report;
mod shortcodes;
mod structure;
mod walk;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

pub use detect::Generator;
pub use report::Report;

use detect::Layout;
use links::Target;
use structure::{Placed, address_key};
use walk::{Found, Skipped};

/// What `signpost import` was asked to do.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub source: PathBuf,
    pub dest: PathBuf,
    pub from: Option<Generator>,
    pub flatten_dates: bool,
}

/// An image or document, and where it goes.
type Attachment = (Found, Placed);

/// A page read from the source, placed in the new site.
struct Page {
    found: Found,
    placed: Placed,
    split: front_matter::Split,
}

/// Imports the site, writes DEST and returns the report.
pub fn import(options: &ImportOptions) -> anyhow::Result<Report> {
    let source = &options.source;
    if !source.is_dir() {
        bail!(
            "{} is not a folder: give the folder of the site to import",
            source.display()
        );
    }
    refuse_unless_empty(&options.dest)?;
    let layout = detect::detect(source, options.from)?;
    let (found, mut skipped) = walk::walk(source, &layout, &options.dest);
    let chapters = summary(source, &layout);
    for (title, _) in chapters.iter().filter(|(_, path)| path.is_none()) {
        skipped.push(Skipped {
            file: "SUMMARY.md".into(),
            reason: format!("the draft chapter \"{title}\" has no file yet, so it has no page"),
        });
    }
    let home = mdbook_home(&layout, &found, &chapters);
    let (pages, files) = place_all(
        found,
        &layout,
        options.flatten_dates,
        home.as_deref(),
        &mut skipped,
    )?;
    let resolver = Resolver::new(&pages, &files);
    let weights = structure::summary_weights(&chapters);
    let mut out = Output::default();
    for (index, page) in pages.iter().enumerate() {
        let known = known(page, &weights, &chapters, &layout);
        let converted = page::convert(&page.split, &known, &|t| resolver.resolve(index, t));
        out.raw_html += converted.raw_html_blocks;
        out.todo.extend(converted.todo);
        out.changes.push(converted.changes);
        out.write(&known.file, converted.text.into_bytes());
    }
    made_up_sections(&pages, &layout, &mut out);
    for (found, placed) in &files {
        let bytes = crate::fsutil::read_bytes(&found.abs)?;
        out.write(&format!("content/{}", placed.dest), bytes);
    }
    let setting = if out.raw_html > 0 { "sanitize" } else { "deny" };
    out.write(
        "site.yaml",
        site_yaml(&layout, setting, source).into_bytes(),
    );
    for (path, bytes) in &out.files {
        crate::fsutil::write(&options.dest.join(path), bytes)?;
    }
    out.changes.sort_by(|a, b| a.file.cmp(&b.file));
    out.todo
        .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Ok(Report {
        version: 1,
        generator: layout.generator,
        settings: layout.config_file.clone(),
        pages: pages.len(),
        files: files.len(),
        raw_html: report::RawHtmlNeed {
            blocks: out.raw_html,
            setting,
        },
        changes: out.changes,
        skipped,
        todo: out.todo,
    })
}

/// DEST must be absent or an empty folder: an import never mixes with,
/// or replaces, anything already there.
fn refuse_unless_empty(dest: &Path) -> anyhow::Result<()> {
    match std::fs::read_dir(dest) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                bail!(
                    "{} is not empty: signpost import writes a new site only into an empty or new folder. Choose another folder, or empty this one",
                    dest.display()
                );
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(_) if dest.exists() => bail!(
            "{} is a file, not a folder: choose a new folder for the imported site",
            dest.display()
        ),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", dest.display())),
    }
}

/// Everything to write, with what the report says about it.
#[derive(Default)]
struct Output {
    files: Vec<(String, Vec<u8>)>,
    changes: Vec<report::FileChanges>,
    todo: Vec<report::Todo>,
    raw_html: usize,
}

impl Output {
    fn write(&mut self, path: &str, bytes: Vec<u8>) {
        self.files.push((path.to_owned(), bytes));
    }
}

fn summary(source: &Path, layout: &Layout) -> Vec<(String, Option<String>)> {
    if layout.generator != Generator::Mdbook {
        return Vec::new();
    }
    let dir = layout
        .roots
        .first()
        .map(|r| r.dir.as_str())
        .unwrap_or("src");
    std::fs::read_to_string(source.join(dir).join("SUMMARY.md"))
        .map(|text| structure::summary_chapters(&text))
        .unwrap_or_default()
}

/// A book without `README.md` opens at its first chapter.
fn mdbook_home(
    layout: &Layout,
    found: &[Found],
    chapters: &[(String, Option<String>)],
) -> Option<String> {
    let has_readme = found
        .iter()
        .any(|f| f.root_rel == "README.md" || f.root_rel == "index.md");
    if layout.generator != Generator::Mdbook || has_readme {
        return None;
    }
    chapters.iter().find_map(|(_, path)| path.clone())
}

/// Reads and places every file; pages that cannot be read are left behind.
fn place_all(
    found: Vec<Found>,
    layout: &Layout,
    flatten: bool,
    home: Option<&str>,
    skipped: &mut Vec<Skipped>,
) -> anyhow::Result<(Vec<Page>, Vec<Attachment>)> {
    let mut pages = Vec::new();
    let mut files = Vec::new();
    let mut taken: HashMap<String, String> = HashMap::new();
    for file in found {
        let mut placed = structure::place(&file, layout, flatten, home);
        if taken.contains_key(&placed.dest) {
            placed = structure::place(&file, layout, false, home);
        }
        if let Some(first) = taken.get(&placed.dest) {
            skipped.push(Skipped {
                reason: format!(
                    "it would go to content/{}, as {first} does: rename one and import again",
                    placed.dest
                ),
                file: file.source_rel,
            });
            continue;
        }
        if !file.is_page {
            taken.insert(placed.dest.clone(), file.source_rel.clone());
            files.push((file, placed));
            continue;
        }
        let bytes = crate::fsutil::read_bytes(&file.abs)?;
        let Ok(text) = String::from_utf8(bytes) else {
            skipped.push(Skipped {
                file: file.source_rel,
                reason: "not UTF-8 text: save it as UTF-8 and import again".into(),
            });
            continue;
        };
        let split = match front_matter::split(&text) {
            Ok(split) => split,
            Err(why) => {
                skipped.push(Skipped {
                    file: file.source_rel,
                    reason: format!("{why}: fix it and import again"),
                });
                continue;
            }
        };
        if layout.generator == Generator::Jekyll && split.kind == front_matter::Kind::None {
            skipped.push(Skipped {
                file: file.source_rel,
                reason: "no front matter, so Jekyll did not publish it as a page".into(),
            });
            continue;
        }
        for key in ["permalink", "aliases", "redirect_from"] {
            let listed = match split.keys.get(key) {
                Some(serde_json::Value::String(s)) => vec![s.clone()],
                Some(serde_json::Value::Array(a)) => a
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
                _ => Vec::new(),
            };
            placed
                .addresses
                .extend(listed.iter().map(|a| address_key(a)));
        }
        taken.insert(placed.dest.clone(), file.source_rel.clone());
        pages.push(Page {
            found: file,
            placed,
            split,
        });
    }
    Ok((pages, files))
}

fn known(
    page: &Page,
    weights: &std::collections::BTreeMap<String, i64>,
    chapters: &[(String, Option<String>)],
    layout: &Layout,
) -> page::Known {
    let root_rel = page.found.root_rel.as_str();
    let summary_title = chapters
        .iter()
        .find(|(_, p)| p.as_deref() == Some(root_rel))
        .map(|(t, _)| t.clone());
    let name = root_rel.rsplit('/').next().unwrap_or(root_rel);
    let stem = name.split('.').next().unwrap_or(name);
    let folder = root_rel.rsplit_once('/').map_or("", |(f, _)| f);
    let is_section = matches!(stem, "index" | "_index" | "README");
    let fallback_title = summary_title.unwrap_or_else(|| match (is_section, folder) {
        (true, "") => layout.title.clone().unwrap_or_else(|| "Home".into()),
        (true, f) => structure::folder_title(f),
        _ => structure::folder_title(stem),
    });
    let moved = page.placed.dest != structure::place(&page.found, layout, false, None).dest
        || layout.roots[page.found.root].kind == detect::RootKind::Posts;
    let old_addresses = if moved && page.placed.dated.is_some() {
        page.placed.addresses.first().cloned().into_iter().collect()
    } else {
        Vec::new()
    };
    page::Known {
        source_rel: page.found.source_rel.clone(),
        file: format!("content/{}", page.placed.dest),
        fallback_title,
        summary_weight: weights.get(root_rel).copied(),
        dated: page.placed.dated.clone(),
        old_addresses,
    }
}

/// Every folder of pages needs a section page: one is made, with a title
/// from the folder's name, for a person to write.
fn made_up_sections(pages: &[Page], layout: &Layout, out: &mut Output) {
    let dests: Vec<&str> = pages.iter().map(|p| p.placed.dest.as_str()).collect();
    for missing in structure::missing_sections(&dests) {
        let folder = missing
            .strip_suffix("_index.md")
            .unwrap_or("")
            .trim_end_matches('/');
        let title = if folder.is_empty() {
            layout.title.clone().unwrap_or_else(|| "Home".into())
        } else {
            structure::folder_title(folder)
        };
        let file = format!("content/{missing}");
        let mut front = serde_yaml::Mapping::new();
        front.insert("title".into(), title.clone().into());
        let text = format!(
            "---\n{}---\n<!-- Made by signpost import: write a short introduction to this section here. -->\n",
            serde_yaml::to_string(&front).unwrap_or_default()
        );
        out.todo.push(report::Todo {
            file: file.clone(),
            line: 2,
            kind: "write-section-page",
            message: format!(
                "the folder `{}` had no section page, so one was made with the title \"{title}\": check the title and write its introduction{}",
                if folder.is_empty() { "content" } else { folder },
                if structure::is_date_folder(folder) {
                    " (or import again with --flatten-dates to move dated pages out of their date folders)"
                } else {
                    ""
                }
            ),
        });
        out.changes.push(report::FileChanges {
            file: file.clone(),
            ..Default::default()
        });
        out.write(&file, text.into_bytes());
    }
}

/// `site.yaml` from the generator's settings. `raw_html` is `sanitize`
/// only when pages hold raw HTML (never `allow`: that would run it).
fn site_yaml(layout: &Layout, raw_html: &str, source: &Path) -> String {
    let folder_name = source
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "Our guide".into());
    let mut map = serde_yaml::Mapping::new();
    map.insert(
        "title".into(),
        layout.title.clone().unwrap_or(folder_name).into(),
    );
    if let Some(description) = &layout.description {
        map.insert("description".into(), description.clone().into());
    }
    let language = layout.language.as_deref().map(|l| l.replace('_', "-"));
    if let Some(language) = language.filter(|l| {
        l.split('-')
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()))
    }) {
        map.insert("language".into(), language.into());
    }
    if let Some(base) = &layout.base_url {
        map.insert("base_url".into(), base.clone().into());
    }
    let mut text = format!(
        "# Made by `signpost import` from {}. Every key is explained in Signpost's README.\n{}",
        layout.generator.a_site(),
        serde_yaml::to_string(&map).unwrap_or_default()
    );
    if raw_html == "sanitize" {
        text.push_str("# The pages hold raw HTML (see the import report): sanitize keeps its safe\n# formatting and drops scripts. Rewrite it in Markdown, then remove this.\nmarkdown:\n  raw_html: sanitize\n");
    }
    text
}

/// Finds what a link names among the imported pages and files.
struct Resolver<'a> {
    /// Every page's and file's `(source_rel key, content-root key, dest)`.
    by_source: HashMap<String, &'a str>,
    by_content: HashMap<(usize, String), &'a str>,
    by_address: HashMap<String, &'a str>,
    pages: Vec<(&'a Found, &'a Placed)>,
}

impl<'a> Resolver<'a> {
    fn new(pages: &'a [Page], files: &'a [Attachment]) -> Self {
        let all: Vec<(&Found, &Placed)> = pages
            .iter()
            .map(|p| (&p.found, &p.placed))
            .chain(files.iter().map(|(f, p)| (f, p)))
            .collect();
        let mut resolver = Resolver {
            by_source: HashMap::new(),
            by_content: HashMap::new(),
            by_address: HashMap::new(),
            pages: Vec::new(),
        };
        for (found, placed) in &all {
            let dest = placed.dest.as_str();
            resolver
                .by_source
                .entry(address_key(&found.source_rel))
                .or_insert(dest);
            resolver
                .by_content
                .entry((found.root, address_key(&found.root_rel)))
                .or_insert(dest);
            for address in &placed.addresses {
                resolver.by_address.entry(address.clone()).or_insert(dest);
            }
        }
        resolver.pages = pages.iter().map(|p| (&p.found, &p.placed)).collect();
        resolver
    }

    /// The new relative link (with its `#fragment`) for a target, if found.
    fn resolve(&self, page: usize, target: &Target) -> Option<String> {
        let (found, placed) = self.pages[page];
        let (path, fragment) = match target {
            Target::Address(p)
            | Target::FromSource(p)
            | Target::FromContent(p)
            | Target::Relative(p) => p
                .split_once('#')
                .map_or((p.as_str(), None), |(a, f)| (a, Some(f))),
        };
        let path = path.split('?').next().unwrap_or(path);
        let dest = match target {
            Target::Address(_) => self.by_address.get(&address_key(path)).copied(),
            Target::FromSource(_) => self.by_source.get(&address_key(path)).copied(),
            Target::FromContent(_) => self
                .by_content
                .get(&(found.root, address_key(path)))
                .copied(),
            Target::Relative(_) if path.is_empty() => Some(placed.dest.as_str()),
            // Hugo's `ref "x"` also looks from the content folder.
            Target::Relative(_) => self.relative(found, placed, path).or_else(|| {
                self.by_content
                    .get(&(found.root, address_key(path)))
                    .copied()
            }),
        }?;
        let mut link = relative_path(&placed.dest, dest);
        if let Some(fragment) = fragment {
            link.push('#');
            link.push_str(fragment);
        }
        Some(link)
    }

    /// A relative link: from the file's folder (mdBook, Markdown editors),
    /// then from the page's old address (Jekyll, Hugo, Eleventy).
    fn relative(&self, found: &Found, placed: &Placed, path: &str) -> Option<&'a str> {
        let folder = found.source_rel.rsplit_once('/').map_or("", |(f, _)| f);
        if let Some(dest) = normalise(&format!("{folder}/{path}"))
            .and_then(|p| self.by_source.get(&address_key(&p)))
        {
            return Some(dest);
        }
        for address in &placed.addresses {
            let parent = address.rsplit_once('/').map_or("", |(f, _)| f);
            for base in [address.as_str(), parent] {
                let Some(joined) = normalise(&format!("{base}/{path}")) else {
                    continue;
                };
                if let Some(dest) = self.by_address.get(&address_key(&joined)) {
                    return Some(dest);
                }
            }
        }
        None
    }
}

/// Resolves `.` and `..`; `None` when the path climbs above the top.
fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            _ => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// The relative path from the file `from` to the file `to`, both from `content/`.
fn relative_path(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = from
        .split('/')
        .collect::<Vec<_>>()
        .split_last()
        .map_or(Vec::new(), |(_, d)| d.to_vec());
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<&str> = vec![".."; from_dir.len() - common];
    parts.extend(&to_parts[common..]);
    parts.join("/")
}

#[cfg(test)]
mod tests {
    #[test]
    fn relative_paths() {
        assert_eq!(
            super::relative_path("care/plans.md", "care/help.md"),
            "help.md"
        );
        assert_eq!(
            super::relative_path("care/plans.md", "rights/_index.md"),
            "../rights/_index.md"
        );
        assert_eq!(
            super::relative_path("_index.md", "images/a.png"),
            "images/a.png"
        );
        assert_eq!(super::normalise("a/../b/./c"), Some("b/c".to_owned()));
        assert_eq!(super::normalise("../x"), None);
    }
}
