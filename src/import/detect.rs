//! Which generator made a site, and where its pages and files are, read
//! from that generator's own settings file.
//!
//! Jekyll's `_config.yml`, Hugo's `hugo.toml`/`config.toml`/`hugo.yaml`
//! and mdBook's `book.toml` are parsed as data. Eleventy's settings are
//! JavaScript, which Signpost does not run: `dir.input` and string
//! `addPassthroughCopy("…")` calls are found with a regular expression,
//! which covers the usual shapes of `.eleventy.js`/`eleventy.config.js`.

use std::path::Path;

use anyhow::{Context as _, bail};

/// The generators `signpost import` understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Generator {
    Jekyll,
    Hugo,
    Eleventy,
    Mdbook,
}

impl Generator {
    pub fn name(self) -> &'static str {
        match self {
            Generator::Jekyll => "Jekyll",
            Generator::Hugo => "Hugo",
            Generator::Eleventy => "Eleventy",
            Generator::Mdbook => "mdBook",
        }
    }

    /// "a Jekyll site", "an Eleventy site".
    pub fn a_site(self) -> String {
        let article = if self == Generator::Eleventy {
            "an"
        } else {
            "a"
        };
        format!("{article} {} site", self.name())
    }
}

/// What a folder of the source holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RootKind {
    /// Pages and the files beside them.
    Pages,
    /// Jekyll `_posts`: `YYYY-MM-DD-slug.md` files.
    Posts,
    /// Files only (Hugo `static/`, Eleventy passthrough copies).
    Files,
}

/// One folder of the source to import.
#[derive(Debug, Clone)]
pub struct Root {
    /// Relative to SOURCE, `/`-separated; `""` is SOURCE itself.
    pub dir: String,
    /// Where its files go under `content/` (`""` for the top).
    pub dest: String,
    pub kind: RootKind,
}

/// Everything read from the generator's settings.
#[derive(Debug, Clone)]
pub struct Layout {
    pub generator: Generator,
    /// The settings file it was read from, for the report.
    pub config_file: String,
    pub title: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub base_url: Option<String>,
    pub roots: Vec<Root>,
    /// Folders (relative to SOURCE) that are never content: layouts,
    /// includes, data, the generator's own output.
    pub skip: Vec<String>,
}

const JEKYLL: &[&str] = &["_config.yml", "_config.yaml"];
const HUGO: &[&str] = &[
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
];
const ELEVENTY: &[&str] = &[
    ".eleventy.js",
    "eleventy.config.js",
    "eleventy.config.mjs",
    "eleventy.config.cjs",
];
const MDBOOK: &[&str] = &["book.toml", "src/SUMMARY.md"];

/// Detects the generator (unless `from` names it) and reads its layout.
pub fn detect(source: &Path, from: Option<Generator>) -> anyhow::Result<Layout> {
    let generator = match from {
        Some(g) => g,
        None => guess(source)?,
    };
    let config = config_file(source, generator);
    let text = match &config {
        Some(name) => std::fs::read_to_string(source.join(name))
            .with_context(|| format!("cannot read {}", source.join(name).display()))?,
        None => String::new(),
    };
    let config_file = config.unwrap_or_default();
    match generator {
        Generator::Jekyll => jekyll(&text, config_file),
        Generator::Hugo => hugo(&text, config_file),
        Generator::Eleventy => Ok(eleventy(source, &text, config_file)),
        Generator::Mdbook => mdbook(&text, config_file),
    }
}

fn guess(source: &Path) -> anyhow::Result<Generator> {
    let found = |names: &[&str]| names.iter().any(|n| source.join(n).is_file());
    for (generator, names) in [
        (Generator::Mdbook, MDBOOK),
        (Generator::Hugo, HUGO),
        (Generator::Eleventy, ELEVENTY),
        (Generator::Jekyll, JEKYLL),
    ] {
        if found(names) {
            return Ok(generator);
        }
    }
    bail!(
        "cannot tell which generator made {}: it has no _config.yml (Jekyll), hugo.toml or config.toml (Hugo), .eleventy.js or eleventy.config.js (Eleventy), or book.toml (mdBook). Name it with --from jekyll, hugo, eleventy or mdbook",
        source.display()
    )
}

fn config_file(source: &Path, generator: Generator) -> Option<String> {
    let names = match generator {
        Generator::Jekyll => JEKYLL,
        Generator::Hugo => HUGO,
        Generator::Eleventy => ELEVENTY,
        Generator::Mdbook => &MDBOOK[..1],
    };
    names
        .iter()
        .find(|n| source.join(n).is_file())
        .map(|n| (*n).to_owned())
}

fn empty(generator: Generator, config_file: String) -> Layout {
    Layout {
        generator,
        config_file,
        title: None,
        description: None,
        language: None,
        base_url: None,
        roots: Vec::new(),
        skip: Vec::new(),
    }
}

/// Reads YAML, TOML or JSON settings into one JSON value to look things up in.
fn settings(text: &str, file: &str) -> anyhow::Result<serde_json::Value> {
    if text.trim().is_empty() {
        return Ok(serde_json::Value::Null);
    }
    let value = if file.ends_with(".toml") {
        let parsed: toml::Value =
            toml::from_str(text).with_context(|| format!("cannot read {file} as TOML"))?;
        super::front_matter::plain_dates(serde_json::to_value(parsed)?)
    } else if file.ends_with(".json") {
        serde_json::from_str(text).with_context(|| format!("cannot read {file} as JSON"))?
    } else {
        serde_yaml::from_str(text).with_context(|| format!("cannot read {file} as YAML"))?
    };
    Ok(value)
}

fn text_at(value: &serde_json::Value, path: &[&str]) -> Option<String> {
    let mut at = value;
    for key in path {
        at = at.get(key)?;
    }
    at.as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn https_only(url: Option<String>) -> Option<String> {
    url.filter(|u| u.starts_with("https://") || u.starts_with("http://"))
}

fn jekyll(text: &str, config_file: String) -> anyhow::Result<Layout> {
    let config = settings(text, &config_file)?;
    let mut layout = empty(Generator::Jekyll, config_file);
    layout.title = text_at(&config, &["title"]);
    layout.description = text_at(&config, &["description"]);
    layout.language = text_at(&config, &["lang"]).or_else(|| text_at(&config, &["locale"]));
    let base = text_at(&config, &["url"]).map(|u| {
        let path = text_at(&config, &["baseurl"]).unwrap_or_default();
        format!("{}{}", u.trim_end_matches('/'), path)
    });
    layout.base_url = https_only(base);
    let collections_dir = text_at(&config, &["collections_dir"]).unwrap_or_default();
    let in_collections = |name: &str| {
        if collections_dir.is_empty() {
            name.to_owned()
        } else {
            format!("{}/{name}", collections_dir.trim_matches('/'))
        }
    };
    layout.roots.push(Root {
        dir: String::new(),
        dest: String::new(),
        kind: RootKind::Pages,
    });
    for name in collection_names(&config) {
        // `_pages` holds ordinary pages; other collections get a section.
        let dest = if name == "pages" { "" } else { name.as_str() };
        layout.roots.push(Root {
            dir: in_collections(&format!("_{name}")),
            dest: dest.to_owned(),
            kind: RootKind::Pages,
        });
    }
    layout.roots.push(Root {
        dir: in_collections("_posts"),
        dest: "posts".to_owned(),
        kind: RootKind::Posts,
    });
    for name in ["_site", "vendor", "node_modules", ".jekyll-cache"] {
        layout.skip.push(name.to_owned());
    }
    // Jekyll's own `exclude:` list: files and folders it never published.
    if let Some(serde_json::Value::Array(excluded)) = config.get("exclude") {
        let names = excluded.iter().filter_map(serde_json::Value::as_str);
        layout
            .skip
            .extend(names.map(|n| n.trim_matches('/').to_owned()));
    }
    Ok(layout)
}

/// Collections listed as a sequence or a mapping; `posts` is handled apart.
fn collection_names(config: &serde_json::Value) -> Vec<String> {
    let names: Vec<String> = match config.get("collections") {
        Some(serde_json::Value::Array(list)) => list
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        Some(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    };
    names.into_iter().filter(|n| n != "posts").collect()
}

fn hugo(text: &str, config_file: String) -> anyhow::Result<Layout> {
    let config = settings(text, &config_file)?;
    let mut layout = empty(Generator::Hugo, config_file);
    layout.title = text_at(&config, &["title"]);
    layout.description = text_at(&config, &["params", "description"]);
    layout.language = text_at(&config, &["languageCode"])
        .or_else(|| text_at(&config, &["defaultContentLanguage"]));
    layout.base_url = https_only(text_at(&config, &["baseURL"]));
    let content = text_at(&config, &["contentDir"]).unwrap_or_else(|| "content".to_owned());
    let stat = text_at(&config, &["staticDir"]).unwrap_or_else(|| "static".to_owned());
    layout.roots.push(Root {
        dir: content.trim_matches('/').to_owned(),
        dest: String::new(),
        kind: RootKind::Pages,
    });
    layout.roots.push(Root {
        dir: stat.trim_matches('/').to_owned(),
        dest: String::new(),
        kind: RootKind::Files,
    });
    Ok(layout)
}

fn eleventy(source: &Path, text: &str, config_file: String) -> Layout {
    let mut layout = empty(Generator::Eleventy, config_file);
    let find = |pattern: &str| {
        regex::Regex::new(pattern)
            .ok()
            .and_then(|re| re.captures(text).map(|c| c[1].to_owned()))
    };
    let input = find(r#"(?s)dir\s*:\s*\{[^}]*?\binput\s*:\s*["'`]([^"'`]+)["'`]"#)
        .unwrap_or_else(|| ".".to_owned());
    let input = input.trim_start_matches("./").trim_matches('/');
    let input = if input == "." { "" } else { input }.to_owned();
    let sub = |name: &str| {
        if input.is_empty() {
            name.to_owned()
        } else {
            format!("{input}/{name}")
        }
    };
    let includes = find(r#"(?s)dir\s*:\s*\{[^}]*?\bincludes\s*:\s*["'`]([^"'`]+)["'`]"#)
        .unwrap_or_else(|| "_includes".to_owned());
    let data = find(r#"(?s)dir\s*:\s*\{[^}]*?\bdata\s*:\s*["'`]([^"'`]+)["'`]"#)
        .unwrap_or_else(|| "_data".to_owned());
    layout.skip = vec![
        sub(&includes),
        sub(&data),
        sub("_layouts"),
        "_site".to_owned(),
        "node_modules".to_owned(),
    ];
    let metadata = eleventy_metadata(&source.join(sub(&data)));
    layout.title = text_at(&metadata, &["title"]);
    layout.language = text_at(&metadata, &["language"]);
    layout.roots.push(Root {
        dir: input.clone(),
        dest: String::new(),
        kind: RootKind::Pages,
    });
    if let Ok(re) = regex::Regex::new(r#"addPassthroughCopy\(\s*["'`]([^"'`]+)["'`]\s*\)"#) {
        for capture in re.captures_iter(text) {
            let dir = capture[1]
                .trim_start_matches("./")
                .trim_matches('/')
                .to_owned();
            let inside_input = input.is_empty() || dir.starts_with(&format!("{input}/"));
            if !inside_input && source.join(&dir).is_dir() {
                layout.roots.push(Root {
                    dest: dir.clone(),
                    dir,
                    kind: RootKind::Files,
                });
            }
        }
    }
    layout
}

/// Eleventy sites usually keep their name and language in
/// `_data/metadata.json` or `_data/site.json`.
fn eleventy_metadata(data: &Path) -> serde_json::Value {
    ["metadata.json", "site.json"]
        .iter()
        .find_map(|name| {
            let text = std::fs::read_to_string(data.join(name)).ok()?;
            serde_json::from_str(&text).ok()
        })
        .unwrap_or(serde_json::Value::Null)
}

fn mdbook(text: &str, config_file: String) -> anyhow::Result<Layout> {
    let config = settings(text, &config_file)?;
    let mut layout = empty(Generator::Mdbook, config_file);
    layout.title = text_at(&config, &["book", "title"]);
    layout.description = text_at(&config, &["book", "description"]);
    layout.language = text_at(&config, &["book", "language"]);
    let src = text_at(&config, &["book", "src"]).unwrap_or_else(|| "src".to_owned());
    layout.roots.push(Root {
        dir: src.trim_matches('/').to_owned(),
        dest: String::new(),
        kind: RootKind::Pages,
    });
    layout.skip.push("book".to_owned());
    Ok(layout)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        for (path, text) in files {
            let full = dir.path().join(path);
            std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
            std::fs::write(full, text).expect("write");
        }
        dir
    }

    fn dirs(layout: &Layout) -> Vec<(&str, &str)> {
        layout
            .roots
            .iter()
            .map(|r| (r.dir.as_str(), r.dest.as_str()))
            .collect()
    }

    #[test]
    fn hugo_reads_content_dir_from_any_settings_file() {
        let dir = site(&[(
            "config.yaml",
            "title: Carers\ncontentDir: pages\nstaticDir: files\n",
        )]);
        let layout = detect(dir.path(), None).expect("detected");
        assert_eq!(layout.generator, Generator::Hugo);
        assert_eq!(layout.config_file, "config.yaml");
        assert_eq!(dirs(&layout), [("pages", ""), ("files", "")]);
        assert_eq!(layout.title.as_deref(), Some("Carers"));
    }

    #[test]
    fn jekyll_reads_collections_and_exclude() {
        let dir = site(&[(
            "_config.yml",
            "title: Guide\ncollections_dir: my\ncollections:\n  pages: {output: true}\n  leaflets: {output: true}\nexclude: [docs/, Gemfile]\n",
        )]);
        let layout = detect(dir.path(), None).expect("detected");
        assert_eq!(layout.generator, Generator::Jekyll);
        assert_eq!(
            dirs(&layout),
            [
                ("", ""),
                ("my/_leaflets", "leaflets"),
                ("my/_pages", ""),
                ("my/_posts", "posts")
            ]
        );
        assert!(layout.skip.contains(&"docs".to_owned()));
    }

    #[test]
    fn eleventy_reads_the_input_folder_from_javascript() {
        let dir = site(&[
            (
                ".eleventy.js",
                "module.exports = c => { c.addPassthroughCopy('img'); return { dir: { input: 'site', output: '_site' } }; };",
            ),
            ("img/a.png", "x"),
        ]);
        let layout = detect(dir.path(), None).expect("detected");
        assert_eq!(layout.generator, Generator::Eleventy);
        assert_eq!(dirs(&layout), [("site", ""), ("img", "img")]);
    }

    #[test]
    fn mdbook_reads_src() {
        let dir = site(&[(
            "book.toml",
            "[book]\ntitle = \"Handbook\"\nsrc = \"chapters\"\n",
        )]);
        let layout = detect(dir.path(), None).expect("detected");
        assert_eq!(dirs(&layout), [("chapters", "")]);
        assert_eq!(layout.title.as_deref(), Some("Handbook"));
    }
}
