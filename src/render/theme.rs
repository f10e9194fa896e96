//! Finds and loads a theme: its Tera templates, its CSS and its static files.
//!
//! A site's own `themes/<name>/` always wins. The default theme is also built
//! into the binary, so a site made with `signpost new` builds without copying
//! it, and picks up fixes to it when Signpost is updated.

use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};
use tera::Tera;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, display_path};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Templates every theme must have.
pub const REQUIRED_TEMPLATES: &[&str] = &[
    "base.html",
    "index.html",
    "section.html",
    "page.html",
    "404.html",
];

/// The stylesheet that is inlined into every page.
const STYLESHEET: &str = "style.css";

pub struct Theme {
    pub tera: Tera,
    /// Template name -> (path shown in messages, source), for error positions.
    pub sources: BTreeMap<String, (String, String)>,
    /// The stylesheet, minified once, inlined by `base.html`.
    pub css: String,
    /// Files under `static/`, by path relative to `static/`.
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// Whether a template lays out `site.nav` itself (rather than using the
    /// ready `site.nav_html`): only then are the entries built for each page.
    pub uses_nav_items: bool,
    /// The theme's words in the site's languages (see [`load_words`]).
    pub words: crate::render::i18n::I18n,
    /// `i18n/LANG.yaml` files under the site's own theme folder, by name.
    pub word_files: BTreeMap<String, String>,
    /// How the theme folder is named in messages.
    pub shown_dir: String,
    /// Minifies this theme's pages, reusing the blocks its templates mark
    /// as the same on many pages.
    pub minifier: crate::render::minify::Minifier,
}

impl Theme {
    pub fn has_template(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// Names of the pictograms under `static/pictograms/`, for `picto:NAME` images.
    pub fn pictograms(&self) -> std::collections::BTreeSet<String> {
        self.static_files
            .keys()
            .filter_map(|path| path.strip_prefix(PICTOGRAM_DIR)?.strip_suffix(".svg"))
            .filter(|name| !name.contains('/'))
            .map(str::to_owned)
            .collect()
    }
}

/// Where a theme keeps its pictograms, under `static/`.
pub const PICTOGRAM_DIR: &str = "pictograms/";

/// Loads the theme `name` for the site at `root`.
/// `config_text` is `site.yaml`, for the line of its `theme:` key.
/// Its static files pass the same active-content check as the site's own
/// attachments, under the site's `raw_html` setting.
pub fn load(
    root: &Path,
    name: &str,
    config_text: &str,
    raw_html: crate::source::config::RawHtml,
) -> Result<Theme, Vec<Diagnostic>> {
    let (templates, static_files, shown_dir) = theme_files(root, name, config_text)?;
    let word_files = disk_word_files(root, name);
    let problems = file_problems(name, &templates, &static_files, &shown_dir, raw_html);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut sources = BTreeMap::new();
    for (template, source) in &templates {
        sources.insert(
            template.clone(),
            (format!("{shown_dir}/templates/{template}"), source.clone()),
        );
    }
    let tera = compile(&templates, &sources)?;
    let css = static_files
        .get(STYLESHEET)
        .map(|bytes| crate::render::minify::css(&String::from_utf8_lossy(bytes)))
        .unwrap_or_default();
    let uses_nav_items = sources.values().any(|(_, source)| {
        source
            .match_indices("site.nav")
            .any(|(at, _)| !source[at + "site.nav".len()..].starts_with("_html"))
    });
    Ok(Theme {
        tera,
        sources,
        css,
        static_files,
        uses_nav_items,
        words: Default::default(),
        word_files,
        shown_dir,
        minifier: Default::default(),
    })
}

/// The i18n files of the site's own theme folder, if it has one.
fn disk_word_files(root: &Path, name: &str) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let Ok(dir) = crate::fsutil::inside(root, &format!("themes/{name}/i18n")) else {
        return files;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.ends_with(".yaml")
            && let Ok(text) = std::fs::read_to_string(entry.path())
        {
            files.insert(file_name, text);
        }
    }
    files
}

/// Loads the theme's words for `langs` into it: for each language, the
/// site's theme file (when the theme is on disk) over the built-in default
/// theme's. Returns the warnings.
pub fn load_words(theme: &mut Theme, langs: &[&str]) -> Vec<Diagnostic> {
    let files = |lang: &str| {
        let mut layers = Vec::new();
        let candidates = crate::render::i18n::file_candidates(lang);
        if let Some((name, text)) = candidates
            .iter()
            .find_map(|c| theme.word_files.get_key_value(c))
        {
            layers.push(crate::render::i18n::WordFile {
                shown: format!("{}/i18n/{name}", theme.shown_dir),
                text: text.clone(),
            });
        }
        if let Some((name, file)) = candidates.iter().find_map(|c| {
            DEFAULT_THEME
                .get_file(format!("i18n/{c}"))
                .map(|f| (c.clone(), f))
        }) {
            layers.push(crate::render::i18n::WordFile {
                shown: format!("(built-in default theme)/i18n/{name}"),
                text: String::from_utf8_lossy(file.contents()).into_owned(),
            });
        }
        layers
    };
    let (words, problems) = crate::render::i18n::I18n::load(langs, &files, &theme.shown_dir);
    theme.words = words;
    problems
}

/// Finds the theme and reads its files: the site's `themes/<name>/` if it
/// has one, else the built-in default. A name that is not a plain folder
/// name, or a theme that is in neither place, is reported at the `theme:`
/// line of `site.yaml`.
fn theme_files(root: &Path, name: &str, config_text: &str) -> Result<ThemeFiles, Vec<Diagnostic>> {
    let at_theme_key = |d: Diagnostic| {
        d.in_file(crate::source::config::FILE_NAME).at_source(
            config_text,
            crate::source::config::line_of_key(config_text, "theme"),
            1,
        )
    };
    let on_disk = match crate::fsutil::inside(root, &format!("themes/{name}")) {
        Ok(path) if !name.contains(['/', '\\']) && name != ".." => path,
        _ => {
            return Err(vec![at_theme_key(Diagnostic::error(
                "path-escape",
                format!("the theme `{name}` is not a folder inside themes/"),
            ))
            .help("name a folder in themes/ (just its name, like `theme: ours`), or `theme: default`")]);
        }
    };
    if on_disk.is_dir() {
        read_disk_theme(&on_disk).map_err(|d| vec![d])
    } else if name == "default" {
        Ok(read_builtin_theme())
    } else {
        Err(vec![
            at_theme_key(Diagnostic::error(
                "missing-theme",
                format!("the theme `{name}` was not found: there is no folder themes/{name}"),
            ))
            .help(
                "set `theme: default`, or create themes/NAME/templates with the theme's templates",
            ),
        ])
    }
}

/// Problems with the theme's files before any template is parsed: static
/// files with active content (the same gate as the site's attachments) and
/// missing required templates, all reported at once.
fn file_problems(
    name: &str,
    templates: &BTreeMap<String, String>,
    static_files: &BTreeMap<String, Vec<u8>>,
    shown_dir: &str,
    raw_html: crate::source::config::RawHtml,
) -> Vec<Diagnostic> {
    let mut problems: Vec<Diagnostic> = static_files
        .iter()
        .filter_map(|(rel, bytes)| {
            let shown = format!("{shown_dir}/static/{rel}");
            crate::source::attachments::check_bytes(&shown, rel, bytes, raw_html)
        })
        .collect();
    for required in REQUIRED_TEMPLATES {
        if !templates.contains_key(*required) {
            problems.push(
                Diagnostic::error(
                    "missing-template",
                    format!("the theme `{name}` has no {required} template"),
                )
                .in_file(format!("{shown_dir}/templates/{required}"))
                .help(
                    "every theme needs base.html, index.html, section.html, page.html and 404.html",
                ),
            );
        }
    }
    problems
}

/// Parses the templates into Tera, in three gates that each stop the load:
/// nesting too deep for Tera's recursive parser (checked first, so it never
/// runs on such a template), Tera's own errors, then Signpost's template
/// safety rules.
fn compile(
    templates: &BTreeMap<String, String>,
    sources: &BTreeMap<String, (String, String)>,
) -> Result<Tera, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    for (template, (shown, source)) in sources {
        if let Some(line) = crate::render::template_safety::too_deep(source) {
            problems.push(
                Diagnostic::error(
                    "template-error",
                    format!(
                        "the template {template} nests tags or brackets more than {} levels deep",
                        crate::render::template_safety::MAX_TEMPLATE_DEPTH
                    ),
                )
                .in_file(shown)
                .at_source(source, line, 1)
                .help("split the template into smaller ones with {% include %}"),
            );
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html"]);
    if let Err(error) =
        tera.add_raw_templates(templates.iter().map(|(n, s)| (n.as_str(), s.as_str())))
    {
        problems.push(super::template_error::template_error(&error, sources));
    }
    problems.extend(crate::render::template_safety::check(&tera, sources));
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(tera)
}

type ThemeFiles = (BTreeMap<String, String>, BTreeMap<String, Vec<u8>>, String);

fn read_disk_theme(dir: &Path) -> Result<ThemeFiles, Diagnostic> {
    let shown = format!(
        "themes/{}",
        dir.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    );
    let mut templates = BTreeMap::new();
    let mut statics = BTreeMap::new();
    for (sub, is_template) in [("templates", true), ("static", false)] {
        let base = dir.join(sub);
        if !base.is_dir() {
            continue;
        }
        for entry in WalkDir::new(&base)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.')
            {
                continue;
            }
            let rel = display_path(entry.path().strip_prefix(&base).unwrap_or(entry.path()));
            let bytes = std::fs::read(entry.path()).map_err(|e| {
                Diagnostic::error("unreadable-file", format!("cannot read this file: {e}"))
                    .in_file(format!("{shown}/{sub}/{rel}"))
            })?;
            if is_template {
                let text = crate::diagnostics::decode_text(&format!("{shown}/{sub}/{rel}"), bytes)?;
                templates.insert(rel, text);
            } else {
                statics.insert(rel, bytes);
            }
        }
    }
    Ok((templates, statics, shown))
}

fn read_builtin_theme() -> ThemeFiles {
    let mut templates = BTreeMap::new();
    let mut statics = BTreeMap::new();
    collect_builtin(&DEFAULT_THEME, &mut |path, contents| {
        if let Some(rel) = path.strip_prefix("templates/") {
            templates.insert(
                rel.to_owned(),
                String::from_utf8_lossy(contents).into_owned(),
            );
        } else if let Some(rel) = path.strip_prefix("static/") {
            statics.insert(rel.to_owned(), contents.to_vec());
        }
    });
    (templates, statics, "(built-in default theme)".to_owned())
}

fn collect_builtin(dir: &Dir, visit: &mut dyn FnMut(&str, &[u8])) {
    for file in dir.files() {
        visit(&display_path(file.path()), file.contents());
    }
    for sub in dir.dirs() {
        collect_builtin(sub, visit);
    }
}

/// The default theme's files, for `signpost new --with-theme`.
pub fn builtin_files() -> Vec<(String, &'static [u8])> {
    let mut files = Vec::new();
    fn walk(dir: &'static Dir<'static>, files: &mut Vec<(String, &'static [u8])>) {
        for file in dir.files() {
            files.push((display_path(file.path()), file.contents()));
        }
        for sub in dir.dirs() {
            walk(sub, files);
        }
    }
    walk(&DEFAULT_THEME, &mut files);
    files.sort();
    files
}
