//! Local editions: the chain of sites a site extends (`extends:` in
//! `site.yaml`), and the settings merged down it.
//!
//! A base is a folder (relative to the site that names it, or absolute) or
//! `guide`, the bundled guide built into the binary, so that upgrading
//! Signpost brings the national corrections. A base may extend another; a
//! loop, or a base that is not there, is an error at the `extends:` line.
//! Settings merge key by key, the nearer site winning; `extends` and `hide`
//! belong to the site that writes them and are never inherited.

use std::path::{Path, PathBuf};

use serde_yaml::{Mapping, Value};

use crate::diagnostics::Diagnostic;
use crate::source::bundled::{GUIDE, GUIDE_CONTENT, guide_file};
use crate::source::config::{FILE_NAME, SiteConfig, line_of_key};
use crate::source::discover::{FileKind, Origin, SourceFile, discover};
use crate::source::yaml::{YamlSource, parse_strict};

/// How long a chain of bases may be: far more than any real edition needs,
/// and a bound should a loop escape the check (a folder renamed mid-run).
const MAX_DEPTH: usize = 8;

/// Where a base site's files are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LayerRoot {
    Disk(PathBuf),
    /// The bundled guide, read from memory.
    Guide,
}

/// One site this site is built on.
#[derive(Debug, Clone)]
pub struct Layer {
    pub root: LayerRoot,
    /// What goes before a path in this site in messages: `../national/`
    /// for a folder, `guide:` for the bundled guide.
    pub shown: String,
    /// 1 for the site this one extends, 2 for that one's base, and so on.
    pub depth: usize,
    /// Its `site.yaml`, for the lines of its settings in messages.
    pub config_text: String,
    pub config: SiteConfig,
}

impl Layer {
    /// The path shown in messages for a path in this base's folder.
    pub fn shown_path(&self, rel: &str) -> String {
        format!("{}{rel}", self.shown)
    }

    /// A file of this base by its path in the base's folder; `None` when
    /// it does not exist.
    pub fn read(&self, rel: &str) -> anyhow::Result<Option<Vec<u8>>> {
        match &self.root {
            LayerRoot::Guide => Ok(guide_file(rel).map(<[u8]>::to_vec)),
            LayerRoot::Disk(dir) => match crate::fsutil::inside(dir, rel) {
                Ok(path) => crate::fsutil::read_optional(&path),
                Err(_) => Ok(None),
            },
        }
    }

    /// The files of this base's `content/` folder, named as they are shown.
    pub fn content_files(&self) -> (Vec<SourceFile>, Vec<Diagnostic>) {
        let (mut files, mut problems) = match &self.root {
            LayerRoot::Disk(dir) => discover(dir, &dir.join("content")),
            LayerRoot::Guide => (guide_files(), Vec::new()),
        };
        for file in &mut files {
            file.shown = self.shown_path(&format!("content/{}", file.rel));
            file.layer = self.depth;
        }
        for problem in &mut problems {
            if let Some(file) = problem.file.take() {
                problem.file = Some(self.shown_path(&file));
            }
        }
        (files, problems)
    }

    /// The folder of the theme `name` in this base, if it has one.
    pub fn theme_dir(&self, name: &str) -> Option<PathBuf> {
        match &self.root {
            LayerRoot::Disk(dir) => crate::fsutil::inside(dir, &format!("themes/{name}"))
                .ok()
                .filter(|p| p.is_dir()),
            LayerRoot::Guide => None,
        }
    }

    /// The folder of this base on disk, for `serve` to watch.
    pub fn disk_root(&self) -> Option<&Path> {
        match &self.root {
            LayerRoot::Disk(dir) => Some(dir),
            LayerRoot::Guide => None,
        }
    }
}

/// The bundled guide's `content/` files, read from memory.
fn guide_files() -> Vec<SourceFile> {
    let mut found = Vec::new();
    crate::source::bundled::collect(&GUIDE_CONTENT, "", &mut found);
    let mut files: Vec<SourceFile> = found
        .into_iter()
        .map(|(rel, bytes)| {
            let kind = if rel.ends_with(".md") {
                FileKind::Markdown
            } else {
                FileKind::Asset
            };
            SourceFile {
                shown: String::new(),
                rel,
                origin: Origin::Bundled(bytes),
                kind,
                layer: 0,
            }
        })
        .collect();
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    files
}

/// The sites `config` builds on, nearest first; empty when it extends
/// none. `root` is the site's folder and `config_text` its `site.yaml`.
pub fn bases(
    root: &Path,
    config: &SiteConfig,
    config_text: &str,
) -> Result<Vec<Layer>, Diagnostic> {
    let mut chain: Vec<Layer> = Vec::new();
    let mut seen = vec![identity(&LayerRoot::Disk(root.to_path_buf()))];
    let mut names = vec![FILE_NAME.to_owned()];
    let mut from = (LayerRoot::Disk(root.to_path_buf()), String::new());
    let mut from_text = config_text.to_owned();
    let mut extends = config.extends.clone();
    while let Some(name) = extends {
        let at_extends = |d: Diagnostic| {
            d.in_file(format!("{}{FILE_NAME}", from.1)).at_source(
                &from_text,
                line_of_key(&from_text, "extends"),
                1,
            )
        };
        let (layer_root, shown) = locate(&name, &from).map_err(at_extends)?;
        let id = identity(&layer_root);
        names.push(format!("{shown}{FILE_NAME}"));
        if seen.contains(&id) || chain.len() >= MAX_DEPTH {
            return Err(at_extends(Diagnostic::error(
                "extends-loop",
                format!(
                    "`extends: {name}` makes a loop: {}",
                    names.join(" extends ")
                ),
            ))
            .help("a site cannot be built on itself: point `extends:` at the national site, which must not extend this one"));
        }
        seen.push(id);
        let depth = chain.len() + 1;
        let layer = read_layer(layer_root, shown, depth).map_err(at_extends)?;
        extends = layer.config.extends.clone();
        from = (layer.root.clone(), layer.shown.clone());
        from_text = layer.config_text.clone();
        chain.push(layer);
    }
    Ok(chain)
}

/// Where `extends: name` points, seen from the site `from` (its root and
/// shown prefix).
fn locate(name: &str, from: &(LayerRoot, String)) -> Result<(LayerRoot, String), Diagnostic> {
    if name.trim() == GUIDE {
        return Ok((LayerRoot::Guide, "guide:".to_owned()));
    }
    let LayerRoot::Disk(from_dir) = &from.0 else {
        return Err(Diagnostic::error(
            "missing-base",
            format!("the bundled guide cannot extend the folder `{name}`"),
        ));
    };
    let written = Path::new(name.trim());
    let (dir, shown) = if written.is_absolute() {
        (
            written.to_path_buf(),
            format!("{}/", name.trim().trim_end_matches('/')),
        )
    } else {
        (
            from_dir.join(written),
            tidy(&format!("{}{}/", from.1, name.trim().trim_end_matches('/'))),
        )
    };
    if !dir.join(FILE_NAME).is_file() {
        let what = if dir.is_dir() {
            format!(
                "the folder {} has no site.yaml, so it is not a Signpost site",
                shown.trim_end_matches('/')
            )
        } else {
            format!("there is no folder {}", shown.trim_end_matches('/'))
        };
        return Err(Diagnostic::error(
            "missing-base",
            format!("the base site `{name}` was not found: {what}"),
        )
        .help("write the path of the site this one extends, relative to this site.yaml (for example ../national-guide), or `extends: guide` for the bundled guide"));
    }
    Ok((LayerRoot::Disk(dir), shown))
}

/// A path with each `folder/..` taken out, as an author would write it:
/// `../b/../a/` -> `../a/`. Only for showing; the disk is read as written.
fn tidy(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            ".." if parts.last().is_some_and(|p| !p.is_empty() && *p != "..") => {
                parts.pop();
            }
            "." => {}
            _ => parts.push(part),
        }
    }
    parts.join("/")
}

/// What tells two bases apart, whatever path names them.
fn identity(root: &LayerRoot) -> String {
    match root {
        LayerRoot::Guide => GUIDE.to_owned(),
        LayerRoot::Disk(dir) => dir
            .canonicalize()
            .unwrap_or_else(|_| dir.clone())
            .display()
            .to_string(),
    }
}

/// Reads and parses a base's `site.yaml` as strictly as this site's own.
fn read_layer(root: LayerRoot, shown: String, depth: usize) -> Result<Layer, Diagnostic> {
    let shown_file = format!("{shown}{FILE_NAME}");
    let bytes = match &root {
        LayerRoot::Guide => crate::source::bundled::GUIDE_CONFIG.as_bytes().to_vec(),
        LayerRoot::Disk(dir) => std::fs::read(dir.join(FILE_NAME)).map_err(|e| {
            Diagnostic::error("missing-base", format!("cannot read {shown_file}: {e}"))
        })?,
    };
    let config_text = crate::diagnostics::decode_text(&shown_file, bytes)?;
    let source = YamlSource {
        file: &shown_file,
        whole_file: &config_text,
        line_offset: 0,
    };
    let config: SiteConfig = parse_strict(&config_text, &source)?;
    Ok(Layer {
        root,
        shown,
        depth,
        config_text,
        config,
    })
}

/// The settings of a site with bases: each base's `site.yaml` under the
/// next, key by key, the site's own on top. Lists are replaced whole, not
/// joined. `extends` and `hide` are the site's own.
pub fn merged_config(config_text: &str, bases: &[Layer]) -> Result<SiteConfig, Diagnostic> {
    let mut merged = Value::Mapping(Mapping::new());
    for base in bases.iter().rev() {
        let mut value: Value = serde_yaml::from_str(&base.config_text).unwrap_or(Value::Null);
        if let Value::Mapping(map) = &mut value {
            map.remove("extends");
            map.remove("hide");
            drop_publisher_settings(map);
        }
        deep_merge(&mut merged, value);
    }
    let own: Value = serde_yaml::from_str(config_text).unwrap_or(Value::Null);
    deep_merge(&mut merged, own);
    serde_yaml::from_value(merged).map_err(|error| {
        Diagnostic::error(
            "bad-value",
            format!(
                "the settings of this site and the sites it extends do not fit together: {error}"
            ),
        )
        .in_file(FILE_NAME)
        .help("set the value in this site's site.yaml to override the base's")
    })
}

/// The accessibility statement names the site's publisher and how to reach
/// them: a base's contact, or a base's choice to go without one
/// (`check.rules: {accessibility-contact-missing: off}`), is not this
/// site's, so neither is inherited.
fn drop_publisher_settings(map: &mut Mapping) {
    map.remove("accessibility");
    if let Some(Value::Mapping(check)) = map.get_mut("check")
        && let Some(Value::Mapping(rules)) = check.get_mut("rules")
    {
        rules.remove("accessibility-contact-missing");
    }
}

/// Puts `over` on top of `under`: mappings key by key, anything else replaced.
fn deep_merge(under: &mut Value, over: Value) {
    match (under, over) {
        (Value::Mapping(under), Value::Mapping(over)) => {
            for (key, value) in over {
                match under.get_mut(&key) {
                    Some(existing) => deep_merge(existing, value),
                    None => {
                        under.insert(key, value);
                    }
                }
            }
        }
        (_, Value::Null) => {}
        (under, over) => *under = over,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_merge_key_by_key() {
        let mut under: Value =
            serde_yaml::from_str("title: N\ncheck:\n  max_grade: 8\n  max_smog: 10\n").unwrap();
        let over: Value = serde_yaml::from_str("title: L\ncheck:\n  max_grade: 6\n").unwrap();
        deep_merge(&mut under, over);
        let expected: Value =
            serde_yaml::from_str("title: L\ncheck:\n  max_grade: 6\n  max_smog: 10\n").unwrap();
        assert_eq!(under, expected);
    }

    #[test]
    fn shown_paths_are_tidied() {
        assert_eq!(tidy("../b/../a/"), "../a/");
        assert_eq!(tidy("../../x/"), "../../x/");
        assert_eq!(tidy("/srv/sites/./n/"), "/srv/sites/n/");
    }

    #[test]
    fn the_guide_is_found_by_name() {
        let from = (LayerRoot::Disk(PathBuf::from("/x")), String::new());
        assert_eq!(
            locate("guide", &from).unwrap(),
            (LayerRoot::Guide, "guide:".to_owned())
        );
        assert_eq!(
            locate("no-such-folder", &from).unwrap_err().rule,
            "missing-base"
        );
    }
}
