//! Which language each page is in, and where its translations go.
//!
//! With `languages:` in `site.yaml`, `NAME.LANG.md` is the LANG
//! translation of `NAME.md`, built at `LANG/` plus the source's path. The
//! suffix decides the language: a `lang:` that disagrees with it, or a
//! suffix the site does not list, is an error at the file. A translated
//! page whose section has no translation of its own is listed in the
//! nearest translated section above it, so one translated page is enough
//! to show in that language.

use std::collections::BTreeSet;

use crate::diagnostics::Diagnostic;
use crate::site::model::{Page, PageKind};
use crate::source::config::SiteConfig;
use crate::source::front_matter::FrontMatter;
use crate::text::languages::split_suffix;

/// A file's language, from its name and front matter.
pub struct FileLanguage {
    pub lang: String,
    /// The source path of a translation (`NAME.md` for `NAME.cy.md`).
    pub source: Option<String>,
}

impl FileLanguage {
    /// The output folder the language's pages go under.
    pub fn root(&self) -> String {
        match self.source {
            Some(_) => format!("{}/", self.lang),
            None => String::new(),
        }
    }
}

/// The language of the file at `rel` (under `content/`). The `Err` has no
/// file yet: the caller names it.
pub fn file_language(
    rel: &str,
    front: &FrontMatter,
    text: &str,
    config: &SiteConfig,
) -> Result<FileLanguage, Diagnostic> {
    let default = config.language.as_str();
    if config.languages.is_empty() {
        return Ok(FileLanguage {
            lang: front.lang.clone().unwrap_or_else(|| default.to_owned()),
            source: None,
        });
    }
    let codes = config.language_codes();
    let lang_line = || crate::source::config::line_of_key(text, "lang");
    let Some((source, suffix)) = split_suffix(rel) else {
        if let Some(lang) = front.lang.as_deref().filter(|l| *l != default) {
            return Err(Diagnostic::error(
                "lang-mismatch",
                format!("this page says `lang: {lang}`, but its file name has no language, so it is in the site's default language, {default}"),
            )
            .at_source(text, lang_line(), 1)
            .help(format!("name a translation NAME.{lang}.md beside NAME.md, or remove the `lang:` line")));
        }
        return Ok(FileLanguage {
            lang: default.to_owned(),
            source: None,
        });
    };
    if !codes[1..].contains(&suffix) {
        let why = if suffix == default {
            format!(
                "`{suffix}` is the site's default language, whose pages have no language in their name"
            )
        } else {
            format!(
                "the file name says this page is in `{suffix}`, which is not one of the site's languages ({})",
                codes.join(", ")
            )
        };
        let help = if suffix == default {
            format!(
                "rename it to {}",
                source.rsplit('/').next().unwrap_or(&source)
            )
        } else {
            format!("add {suffix} to `languages:` in site.yaml, or rename the file")
        };
        return Err(Diagnostic::error("unknown-language", why)
            .at_source(text, 1, 1)
            .help(help));
    }
    if let Some(lang) = front.lang.as_deref().filter(|l| *l != suffix) {
        return Err(Diagnostic::error(
            "lang-mismatch",
            format!("this page says `lang: {lang}`, but its file name says it is in `{suffix}`"),
        )
        .at_source(text, lang_line(), 1)
        .help("the file name decides the language: remove the `lang:` line, or rename the file"));
    }
    Ok(FileLanguage {
        lang: suffix.to_owned(),
        source: Some(source),
    })
}

/// Lists each translated page whose own section has no translation in the
/// nearest translated section above it. A language with pages but no
/// translated home page (`_index.LANG.md`) is an error: its pages would
/// have nowhere to be listed or to lead back to.
pub fn settle_sections(pages: &mut Vec<Page>) -> Vec<Diagnostic> {
    let sections: BTreeSet<String> = pages
        .iter()
        .filter(|p| matches!(p.kind, PageKind::Home | PageKind::Section))
        .map(|p| p.dir.clone())
        .collect();
    let mut problems = Vec::new();
    let mut homeless = BTreeSet::new();
    for page in pages.iter_mut().filter(|p| p.translation_of.is_some()) {
        let root = format!("{}/", page.lang);
        if !sections.contains(&root) {
            if homeless.insert(page.lang.clone()) {
                problems.push(
                    Diagnostic::error(
                        "missing-home",
                        format!("there are pages in `{}` but no home page in it", page.lang),
                    )
                    .in_file(page.file())
                    .help(format!(
                        "create content/_index.{}.md, the home page in that language",
                        page.lang
                    )),
                );
            }
            continue;
        }
        while !sections.contains(&page.section_dir) {
            page.section_dir = parent(&page.section_dir);
        }
    }
    pages.retain(|p| p.translation_of.is_none() || !homeless.contains(&p.lang));
    problems
}

/// `cy/a/b/` -> `cy/a/`.
fn parent(dir: &str) -> String {
    let trimmed = dir.trim_end_matches('/');
    trimmed
        .rsplit_once('/')
        .map_or(String::new(), |(p, _)| format!("{p}/"))
}
