//! The parts of a site that `translate export` and `import` read: the
//! `languages:` list in `site.yaml`, the source pages in the default
//! language, and the translation beside each (`NAME.LANG.md`).
//!
//! Both read the site's own typed settings and front matter
//! (`SiteConfig::languages`, `FrontMatter::translation`), so they agree
//! with `build` and `check` on what a language or a stamp is.

use std::path::{Path, PathBuf};

use serde_yaml::{Mapping, Value};

use crate::diagnostics::{Diagnostic, decode_text};
use crate::site::dates::Date;
use crate::site::provenance::SourceStamp;
use crate::source::config::SiteConfig;
use crate::source::front_matter::{FrontMatter, split_and_parse};

/// The site's languages, the default (source) language first, from
/// `site.yaml` read as `build` reads it; an error when it lists fewer
/// than two (there is nothing to translate into).
pub fn languages(root: &Path) -> anyhow::Result<Result<Vec<String>, Diagnostic>> {
    let path = root.join("site.yaml");
    let Some(bytes) = crate::fsutil::read_optional(&path)? else {
        return Ok(Err(Diagnostic::error(
            "no-site-config",
            "there is no site.yaml here",
        )
        .in_file("site.yaml")
        .help("run this in the site's folder, or name it with --root")));
    };
    let text = match decode_text("site.yaml", bytes) {
        Ok(text) => text,
        Err(d) => return Ok(Err(d)),
    };
    let config = match SiteConfig::parse(&text) {
        Ok(config) => config,
        Err(d) => return Ok(Err(d)),
    };
    if let Some(problem) = config
        .validate(&text)
        .into_iter()
        .find(|d| d.severity == crate::diagnostics::Severity::Error)
    {
        return Ok(Err(problem));
    }
    if config.languages.len() < 2 {
        let mut problem = Diagnostic::error("no-languages", "site.yaml has no `languages:` list, so there is nothing to translate into")
            .in_file("site.yaml")
            .help("add a line like `languages: [en, cy]`: the site's own language first, then the languages of its translations");
        if !config.languages.is_empty() {
            problem = problem.at_source(
                &text,
                crate::source::config::line_of_key(&text, "languages"),
                1,
            );
        }
        return Ok(Err(problem));
    }
    Ok(Ok(config
        .language_codes()
        .into_iter()
        .map(str::to_owned)
        .collect()))
}

/// `care/plans.md` -> `care/plans.cy.md`; `plans.easy.md` -> `plans.easy.cy.md`.
pub fn translation_rel(rel: &str, lang: &str) -> String {
    let stem = rel.strip_suffix(".md").unwrap_or(rel);
    format!("{stem}.{lang}.md")
}

/// True for `NAME.LANG.md` where LANG is one of the site's other languages.
pub fn is_translation(rel: &str, languages: &[String]) -> bool {
    let stem = rel.strip_suffix(".md").unwrap_or(rel);
    let name = stem.rsplit('/').next().unwrap_or(stem);
    name.rsplit_once('.')
        .is_some_and(|(_, suffix)| languages.iter().skip(1).any(|l| l == suffix))
}

/// A page in the default language.
pub struct SourcePage {
    /// Path under `content/`.
    pub rel: String,
    /// Path from the site root, as messages and XLIFF name it.
    pub file: String,
    pub text: String,
    pub body_start: usize,
    pub front: FrontMatter,
    /// The front matter as written, to copy into a translation.
    pub raw_front: Mapping,
}

impl SourcePage {
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    pub fn is_easy(&self) -> bool {
        self.rel.ends_with(".easy.md")
    }

    /// Where its translation into `lang` is.
    pub fn translation_path(&self, root: &Path, lang: &str) -> PathBuf {
        root.join("content").join(translation_rel(&self.rel, lang))
    }
}

/// Every page of the default language, in path order, and the problems
/// with those that cannot be read.
pub fn source_pages(
    root: &Path,
    languages: &[String],
    drafts: bool,
) -> anyhow::Result<(Vec<SourcePage>, Vec<Diagnostic>)> {
    let (found, mut problems) = crate::source::discover::discover(root, &root.join("content"));
    let mut pages = Vec::new();
    for file in found {
        if file.kind != crate::source::discover::FileKind::Markdown
            || is_translation(&file.rel, languages)
        {
            continue;
        }
        let shown = format!("content/{}", file.rel);
        let text = match decode_text(
            &shown,
            anyhow::Context::with_context(file.read(), || format!("cannot read {shown}"))?,
        ) {
            Ok(text) => text,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        let split = match split_and_parse(&shown, &text) {
            Ok(split) => split,
            Err(mut found) => {
                problems.append(&mut found);
                continue;
            }
        };
        if split.front.draft && !drafts {
            continue;
        }
        let raw_front = split_raw(&text)
            .and_then(|(yaml, _)| serde_yaml::from_str(yaml).ok())
            .unwrap_or_default();
        pages.push(SourcePage {
            rel: file.rel,
            file: shown,
            text,
            body_start: split.body_start,
            front: split.front,
            raw_front,
        });
    }
    Ok((pages, problems))
}

/// The YAML between the `---` lines and the offset of the body, without
/// checking the keys (a translation's `translation:` is not yet a page key).
pub fn split_raw(text: &str) -> Option<(&str, usize)> {
    let rest = text.strip_prefix("---")?;
    let rest = rest.trim_start_matches([' ', '\t']);
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let yaml_start = text.len() - rest.len();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r', ' ', '\t']);
        if bare == "---" || bare == "..." {
            return Some((&rest[..offset], yaml_start + offset + line.len()));
        }
        offset += line.len();
    }
    None
}

/// A translation file as it is now.
pub struct Existing {
    pub body: String,
    pub front: Mapping,
    pub stamp: Option<SourceStamp>,
    /// The hash of the body Signpost last wrote, if it wrote this file.
    pub target_hash: Option<String>,
    pub reviewed: Option<Date>,
}

impl Existing {
    /// The `translation:` map, if the file has one.
    pub fn translation(&self) -> Option<&Mapping> {
        self.front.get("translation").and_then(Value::as_mapping)
    }
}

/// Reads `path` if it exists. A file whose front matter cannot be read is
/// still an existing translation (with no stamp): it must not be
/// overwritten quietly. The stamp and dates are the typed
/// `FrontMatter` fields; the raw map is kept to copy what it holds.
pub fn read_existing(path: &Path) -> anyhow::Result<Option<Existing>> {
    let Some(bytes) = crate::fsutil::read_optional(path)? else {
        return Ok(None);
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (front, body) = match split_raw(&text) {
        Some((yaml, start)) => (
            serde_yaml::from_str::<Mapping>(yaml).unwrap_or_default(),
            text[start..].to_owned(),
        ),
        None => (Mapping::new(), text.clone()),
    };
    let typed = split_and_parse(&path.to_string_lossy(), &text)
        .ok()
        .map(|split| split.front);
    let translation = typed.as_ref().and_then(|f| f.translation.as_ref());
    let stamp = translation.map(|t| SourceStamp {
        source_hash: t.source_hash.clone(),
        source_reviewed: t.source_reviewed,
    });
    Ok(Some(Existing {
        body,
        target_hash: translation.and_then(|t| t.target_hash.clone()),
        reviewed: typed.as_ref().and_then(|f| f.reviewed),
        front,
        stamp,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_names() {
        assert_eq!(translation_rel("care/plans.md", "cy"), "care/plans.cy.md");
        assert_eq!(translation_rel("plans.easy.md", "cy"), "plans.easy.cy.md");
        assert_eq!(translation_rel("_index.md", "cy"), "_index.cy.md");
        let langs = vec!["en".to_owned(), "cy".to_owned()];
        assert!(is_translation("care/plans.cy.md", &langs));
        assert!(is_translation("plans.easy.cy.md", &langs));
        assert!(!is_translation("plans.easy.md", &langs));
        assert!(!is_translation("cy/plans.md", &langs));
    }

    #[test]
    fn raw_split_keeps_unknown_keys() {
        let text = "---\ntitle: A\ntranslation: {method: machine}\n---\nBody\n";
        let (yaml, start) = split_raw(text).unwrap();
        assert_eq!(yaml, "title: A\ntranslation: {method: machine}\n");
        assert_eq!(&text[start..], "Body\n");
    }
}
