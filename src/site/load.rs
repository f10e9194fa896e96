//! Reads a site from disk into a [`Site`]: config, data, pages and sections.
//!
//! Files are read and their front matter parsed in parallel. Every problem is
//! collected as a diagnostic so one run reports them all; a page with broken
//! front matter is left out of the site rather than stopping the load.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Report};
use crate::options::BuildOptions;
use crate::site::model::{Page, PageKind, Section, Site};
use crate::site::urls::{is_section_index, page_dir};
use crate::source::config::{self, SiteConfig};
use crate::source::discover::{FileKind, SourceFile, discover};
use crate::source::front_matter::split_and_parse;

/// Loads the site. `Err` is an operational failure (or a `site.yaml` that
/// cannot be read at all); content problems go into `report`.
pub fn load_site(options: &BuildOptions, report: &mut Report) -> anyhow::Result<Option<Site>> {
    let root = &options.root;
    let Some((config, config_text)) = read_config(root, report)? else {
        return Ok(None);
    };
    // Local editions: the sites this one extends, with the settings merged.
    let Some((config, bases)) =
        crate::site::layering::read_bases(root, config, &config_text, report)
    else {
        return Ok(None);
    };
    report.extend(config.validate(&config_text));
    report.extend(logo_escape(root, &config, &config_text));

    let (data, data_problems) = crate::source::data_merge::load(root, &bases)?;
    report.extend(data_problems);

    let content_dir = root.join("content");
    if !content_dir.is_dir() && bases.is_empty() {
        anyhow::bail!(
            "there is no content folder in {}: add one with an _index.md home page",
            root.display()
        );
    }
    let (files, problems) = if content_dir.is_dir() {
        discover(root, &content_dir)
    } else {
        Default::default()
    };
    report.extend(problems);
    let (files, edition) =
        crate::site::layering::lay_over_bases(root, files, &config, &config_text, &bases, report);

    let (markdown, assets): (Vec<SourceFile>, Vec<SourceFile>) = files
        .into_iter()
        .partition(|f| f.kind == FileKind::Markdown);
    let (mut pages, unreadable) = read_pages(&markdown, options.drafts, &config, report);
    report.extend(crate::site::translation::settle_sections(&mut pages));

    report.extend(duplicate_outputs(&pages, &assets));
    report.extend(crate::site::aliases::problems(&pages, &assets));
    report.extend(crate::source::attachments::check(
        &assets,
        config.markdown.raw_html,
    ));
    let sections = build_sections(&pages, &unreadable, report);
    let twins = Site::pair_twins(&pages);
    Ok(Some(Site {
        config,
        pages,
        sections,
        assets,
        data,
        twins,
        unreadable,
        config_text,
        edition,
        images: Default::default(),
    }))
}

/// `site.yaml`, parsed, with its text for the lines of later messages.
/// A missing file is an operational failure (this is not a site); a file
/// outside the site folder, not UTF-8, or not valid settings is reported
/// and gives `None`, since nothing can be built without settings.
fn read_config(
    root: &std::path::Path,
    report: &mut Report,
) -> anyhow::Result<Option<(SiteConfig, String)>> {
    let config_path = match crate::fsutil::inside(root, config::FILE_NAME) {
        Ok(path) => path,
        Err(escape) => {
            report.push(crate::fsutil::path_escape(
                config::FILE_NAME,
                config::FILE_NAME,
                &escape,
            ));
            return Ok(None);
        }
    };
    let Some(config_bytes) = crate::fsutil::read_optional(&config_path)? else {
        let folder = if root == std::path::Path::new(".") {
            "the current folder".to_owned()
        } else {
            format!("the folder {}", root.display())
        };
        anyhow::bail!(
            "there is no {} in {folder}, so it is not the top folder of a Signpost site. Run `signpost new {}` to start a site there, or pass --root FOLDER to name the folder that holds site.yaml",
            config::FILE_NAME,
            root.display()
        );
    };
    let config_text = match crate::diagnostics::decode_text(config::FILE_NAME, config_bytes) {
        Ok(text) => text,
        Err(diagnostic) => {
            report.push(diagnostic);
            return Ok(None);
        }
    };
    match SiteConfig::parse(&config_text) {
        Ok(config) => Ok(Some((config, config_text))),
        Err(diagnostic) => {
            report.push(diagnostic);
            Ok(None)
        }
    }
}

/// Reads and parses every Markdown file in parallel, then collects the
/// pages in path order. Drafts are left out unless `include_drafts`. A file
/// that cannot be read or whose front matter is broken is reported and
/// listed in the returned set, so links to it and a section it would index
/// are not reported again.
fn read_pages(
    markdown: &[SourceFile],
    include_drafts: bool,
    config: &SiteConfig,
    report: &mut Report,
) -> (Vec<Page>, std::collections::BTreeSet<String>) {
    let loaded: Vec<Result<Option<Page>, Vec<Diagnostic>>> = markdown
        .par_iter()
        .map(|file| read_page(file, include_drafts, config))
        .collect();
    let mut pages = Vec::with_capacity(loaded.len());
    let mut unreadable = std::collections::BTreeSet::new();
    for (file, result) in markdown.iter().zip(loaded) {
        match result {
            Ok(Some(page)) => pages.push(page),
            Ok(None) => {}
            Err(problems) => {
                unreadable.insert(file.rel.clone());
                report.extend(problems);
            }
        }
    }
    pages.sort_by(|a, b| a.rel.cmp(&b.rel));
    (pages, unreadable)
}

/// The brand logo must be a file inside the site folder.
fn logo_escape(root: &std::path::Path, config: &SiteConfig, text: &str) -> Option<Diagnostic> {
    let logo = config.brand.as_ref()?.logo.as_ref()?;
    let escape = crate::fsutil::inside(root, logo).err()?;
    let line = config::line_of_key(text, "logo");
    Some(crate::fsutil::path_escape(config::FILE_NAME, logo, &escape).at_source(text, line, 1))
}

fn read_page(
    file: &SourceFile,
    include_drafts: bool,
    config: &SiteConfig,
) -> Result<Option<Page>, Vec<Diagnostic>> {
    let shown = file.shown.clone();
    let bytes = file.read().map_err(|e| {
        vec![
            Diagnostic::error("unreadable-file", format!("cannot read this file: {e}"))
                .in_file(&shown),
        ]
    })?;
    let text = crate::diagnostics::decode_text(&shown, bytes).map_err(|d| vec![d])?;
    page_in_site(file, text, include_drafts, config)
}

/// A page from its decoded text, outside any site (no `languages:`);
/// `None` for a draft left out.
pub(crate) fn page_from_text(
    file: &SourceFile,
    text: String,
    include_drafts: bool,
) -> Result<Option<Page>, Vec<Diagnostic>> {
    page_in_site(
        file,
        text,
        include_drafts,
        &SiteConfig::parse("title: x\n").map_err(|d| vec![d])?,
    )
}

/// A page from its decoded text, in the language its file name and the
/// site's `languages:` give it; `None` for a draft left out.
pub(crate) fn page_in_site(
    file: &SourceFile,
    text: String,
    include_drafts: bool,
    config: &SiteConfig,
) -> Result<Option<Page>, Vec<Diagnostic>> {
    let shown = file.shown.clone();
    let split = split_and_parse(&shown, &text)?;
    if split.front.draft && !include_drafts {
        return Ok(None);
    }
    let language = crate::site::translation::file_language(&file.rel, &split.front, &text, config)
        .map_err(|d| vec![d.in_file(&shown)])?;
    let rel = language.source.as_deref().unwrap_or(&file.rel);
    let kind = if rel == "_index.md" || rel == "index.md" {
        PageKind::Home
    } else if is_section_index(rel) {
        PageKind::Section
    } else if rel.ends_with(".easy.md") {
        PageKind::EasyRead
    } else {
        PageKind::Page
    };
    let root = language.root();
    let dir = format!("{root}{}", page_dir(rel));
    let folder = rel.rsplit_once('/').map_or("", |(folder, _)| folder);
    let section_dir = match kind {
        PageKind::Home => root.clone(),
        // A section is listed in its parent folder's section.
        PageKind::Section => format!("{root}{}", parent_dir(folder)),
        _ => format!("{root}{}", dir_with_slash(folder)),
    };
    Ok(Some(Page {
        rel: file.rel.clone(),
        kind,
        front: split.front,
        text,
        body_start: split.body_start,
        dir,
        section_dir,
        shown: file.shown.clone(),
        layer: file.layer,
        lang: language.lang,
        translation_of: language.source,
    }))
}

fn dir_with_slash(folder: &str) -> String {
    if folder.is_empty() {
        String::new()
    } else {
        format!("{folder}/")
    }
}

/// `a/b` -> `a/`; `a` -> ``.
fn parent_dir(folder: &str) -> String {
    folder
        .rsplit_once('/')
        .map_or(String::new(), |(parent, _)| format!("{parent}/"))
}

/// Two source files that would be written to the same output path.
fn duplicate_outputs(pages: &[Page], assets: &[SourceFile]) -> Vec<Diagnostic> {
    let mut owners: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for page in pages {
        owners
            .entry(format!("{}index.html", page.dir))
            .or_default()
            .push(page.file());
    }
    for asset in assets {
        owners
            .entry(asset.rel.clone())
            .or_default()
            .push(asset.shown.clone());
    }
    // Addresses that differ only in case are one file on Windows and macOS.
    let mut by_folded: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for (output, files) in &owners {
        by_folded
            .entry(output.to_lowercase())
            .or_default()
            .push((output.clone(), files[0].clone()));
    }
    let case_clashes = by_folded
        .into_values()
        .filter(|outputs| outputs.len() > 1)
        .flat_map(|outputs| {
            let all = outputs
                .iter()
                .map(|(_, file)| file.as_str())
                .collect::<Vec<_>>()
                .join(" and ");
            outputs.into_iter().skip(1).map(move |(_, file)| {
                Diagnostic::error(
                    "duplicate-url",
                    format!("{all} differ only in capital letters: on Windows and macOS they are one file, and one page would replace the other"),
                )
                .in_file(file)
                .at(1, 1)
                .help("rename one of them; lower-case names are safest")
            })
        })
        .collect::<Vec<_>>();
    owners
        .into_iter()
        .filter(|(_, files)| files.len() > 1)
        .flat_map(|(output, files)| {
            let both = if files.len() == 2 { "both" } else { "all" };
            let all = files.join(" and ");
            files.into_iter().skip(1).map(move |file| {
                Diagnostic::error(
                    "duplicate-url",
                    format!(
                        "{all} would {both} be written to {output}, so one would replace the other"
                    ),
                )
                .in_file(file)
                .at(1, 1)
                .help("rename or remove one of them")
            })
        })
        .chain(case_clashes)
        .collect()
}

/// Groups pages into sections by folder and orders everything.
///
/// `unreadable` holds the pages whose front matter failed: they are already
/// reported, so a section whose `_index.md` is among them is not reported
/// again as missing.
pub(crate) fn build_sections(
    pages: &[Page],
    unreadable: &std::collections::BTreeSet<String>,
    report: &mut Report,
) -> BTreeMap<String, Section> {
    let mut sections = empty_sections(pages);
    let already_reported = |dir: &str| {
        ["_index.md", "index.md"]
            .iter()
            .any(|name| unreadable.contains(&format!("{dir}{name}")))
    };
    if !sections.contains_key("") {
        if already_reported("") {
            return sections;
        }
        report.push(
            Diagnostic::error("missing-home", "the site has no home page")
                .in_file("content/_index.md")
                .help("create content/_index.md with front matter `title: ...` and a short introduction"),
        );
        return sections;
    }
    let missing = fill_sections(pages, &mut sections);
    for (dir, file) in missing {
        if already_reported(&dir) {
            continue;
        }
        report.push(
            Diagnostic::error(
                "missing-section-index",
                format!(
                    "the folder content/{dir} has pages but no _index.md, so it has no section page"
                ),
            )
            .in_file(file)
            .help(format!(
                "create content/{dir}_index.md with a `title:` for the section"
            )),
        );
    }
    let order = |idx: &usize| pages[*idx].order_key();
    let keys: BTreeMap<String, _> = sections
        .iter()
        .map(|(dir, s)| (dir.clone(), pages[s.index].order_key()))
        .collect();
    for section in sections.values_mut() {
        section.pages.sort_by_key(order);
        section.subsections.sort_by_key(|dir| keys[dir].clone());
    }
    sections
}

/// A section, still empty, for the home page and each section page, keyed
/// by its folder; the first page for a folder wins.
fn empty_sections(pages: &[Page]) -> BTreeMap<String, Section> {
    let mut sections: BTreeMap<String, Section> = BTreeMap::new();
    for (idx, page) in pages.iter().enumerate() {
        if matches!(page.kind, PageKind::Home | PageKind::Section) {
            let parent = (page.kind == PageKind::Section).then(|| page.section_dir.clone());
            sections.entry(page.dir.clone()).or_insert(Section {
                dir: page.dir.clone(),
                index: idx,
                pages: Vec::new(),
                subsections: Vec::new(),
                parent,
            });
        }
    }
    sections
}

/// Puts each page and section page into the section of its folder, in
/// path order. Returns the folders that have pages but no section, each
/// with the first file found in it, for `missing-section-index`.
fn fill_sections(
    pages: &[Page],
    sections: &mut BTreeMap<String, Section>,
) -> BTreeMap<String, String> {
    let mut missing: BTreeMap<String, String> = BTreeMap::new();
    for (idx, page) in pages.iter().enumerate() {
        match page.kind {
            PageKind::Home => {}
            PageKind::Section => {
                if let Some(parent) = sections.get_mut(&page.section_dir) {
                    parent.subsections.push(page.dir.clone());
                } else {
                    missing
                        .entry(page.section_dir.clone())
                        .or_insert_with(|| page.file());
                }
            }
            PageKind::Page | PageKind::EasyRead => {
                if let Some(section) = sections.get_mut(&page.section_dir) {
                    section.pages.push(idx);
                } else {
                    missing
                        .entry(page.section_dir.clone())
                        .or_insert_with(|| page.file());
                }
            }
        }
    }
    missing
}
