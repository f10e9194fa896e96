//! Reads another generator's front matter (YAML `---`, TOML `+++` or JSON
//! `{…}`) and maps its keys to Signpost's, saying what it did with each.

use serde_json::{Map, Value};

/// Which kind of front matter a file had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Yaml,
    Toml,
    Json,
    None,
}

/// A file split into its front matter (as data) and its Markdown body.
#[derive(Debug, Clone)]
pub struct Split {
    pub kind: Kind,
    pub keys: Map<String, Value>,
    pub body: String,
}

/// Splits `text`. An error says why the front matter cannot be read.
pub fn split(text: &str) -> Result<Split, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((inside, body)) = fenced(text, "---") {
        let keys = if inside.trim().is_empty() {
            Map::new()
        } else {
            let value: Value = serde_yaml::from_str(inside)
                .map_err(|e| format!("its YAML front matter cannot be read: {e}"))?;
            as_map(value)?
        };
        return Ok(Split {
            kind: Kind::Yaml,
            keys,
            body: body.to_owned(),
        });
    }
    if let Some((inside, body)) = fenced(text, "+++") {
        let value: toml::Value = toml::from_str(inside)
            .map_err(|e| format!("its TOML front matter cannot be read: {e}"))?;
        let value = plain_dates(serde_json::to_value(value).map_err(|e| e.to_string())?);
        return Ok(Split {
            kind: Kind::Toml,
            keys: as_map(value)?,
            body: body.to_owned(),
        });
    }
    if text.starts_with('{') {
        let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
        if let Some(Ok(value)) = stream.next() {
            let rest = &text[stream.byte_offset()..];
            let body = rest
                .strip_prefix("\r\n")
                .or_else(|| rest.strip_prefix('\n'));
            return Ok(Split {
                kind: Kind::Json,
                keys: as_map(value)?,
                body: body.unwrap_or(rest).to_owned(),
            });
        }
    }
    Ok(Split {
        kind: Kind::None,
        keys: Map::new(),
        body: text.to_owned(),
    })
}

/// TOML dates arrive as `{"$__toml_private_datetime": "…"}`: each becomes
/// its text, so `extra` holds `2025-06-01`, not that wrapper.
pub fn plain_dates(value: Value) -> Value {
    match value {
        Value::Object(map) if map.len() == 1 && map.contains_key("$__toml_private_datetime") => {
            map.into_iter().next().map_or(Value::Null, |(_, v)| v)
        }
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, plain_dates(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(plain_dates).collect()),
        other => other,
    }
}

fn as_map(value: Value) -> Result<Map<String, Value>, String> {
    match value {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        _ => Err("its front matter is not a list of `key: value` lines".to_owned()),
    }
}

/// Text between a first line `fence` and the next line `fence`, and the rest.
fn fenced<'a>(text: &'a str, fence: &str) -> Option<(&'a str, &'a str)> {
    let rest = text.strip_prefix(fence)?;
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == fence {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

/// Signpost front matter made from another generator's, and what changed.
#[derive(Debug, Clone, Default)]
pub struct Mapped {
    /// Signpost keys in the order they are written.
    pub keys: Map<String, Value>,
    /// "description → summary", one per mapped key.
    pub mapped: Vec<String>,
    pub dropped: Vec<String>,
    pub extra: Vec<String>,
    /// `permalink`, kept so the old address can become an alias.
    pub permalink: Option<String>,
}

/// Keys with no meaning in Signpost: layouts, addresses, navigation and
/// taxonomy settings of Jekyll, Hugo, Eleventy and their common themes.
const DROPPED: &[&str] = &[
    "layout",
    "permalink",
    "sidenav",
    "tags",
    "categories",
    "category",
    "parent",
    "grand_parent",
    "has_children",
    "has_toc",
    "nav_exclude",
    "search_exclude",
    "sitemap",
    "excerpt_separator",
    "render_with_liquid",
    "comments",
    "share",
    "author_profile",
    "classes",
    "toc_label",
    "toc_icon",
    "toc_sticky",
    "sidebar",
    "type",
    "url",
    "slug",
    "menu",
    "menus",
    "outputs",
    "build",
    "cascade",
    "headless",
    "publishDate",
    "expiryDate",
    "series",
    "eleventyNavigation",
    "eleventyExcludeFromCollections",
    "eleventyComputed",
    "pagination",
    "templateEngineOverride",
    "tocLevels",
    "showToc",
];

const SUMMARY: &[&str] = &["summary", "description", "excerpt"];
const WEIGHT: &[&str] = &["weight", "nav_order", "order"];
const REVIEWED: &[&str] = &["last_modified_at", "lastmod", "date"];
const ALIASES: &[&str] = &["aliases", "redirect_from"];

/// Maps every key of `keys`. `title` is the title to use when the front
/// matter has none (from the first heading or the file name).
pub fn map(keys: &Map<String, Value>) -> Mapped {
    let mut out = Mapped::default();
    let mut used: Vec<&str> = Vec::new();
    if let Some(title) = keys.get("title").and_then(scalar_text) {
        out.keys.insert("title".into(), Value::String(title));
        used.push("title");
    }
    if let Some((key, text)) = first(keys, SUMMARY, scalar_text) {
        note_rename(&mut out, key, "summary");
        out.keys.insert("summary".into(), Value::String(text));
        used.push(key);
    }
    map_reviewed(keys, &mut out, &mut used);
    let navigation_order = keys.get("eleventyNavigation").and_then(|n| n.get("order"));
    let weight = first(keys, WEIGHT, as_weight).or_else(|| {
        navigation_order
            .and_then(as_weight)
            .map(|w| ("eleventyNavigation.order", w))
    });
    if let Some((key, weight)) = weight {
        note_rename(&mut out, key, "weight");
        out.keys.insert("weight".into(), Value::from(weight));
        used.push(key);
    }
    map_aliases(keys, &mut out, &mut used);
    map_flags(keys, &mut out, &mut used);
    for (key, value) in keys {
        if used.contains(&key.as_str()) || value.is_null() {
            continue;
        }
        if key == "permalink" {
            out.permalink = value.as_str().map(str::to_owned);
        }
        if DROPPED.contains(&key.as_str())
            || SUMMARY.contains(&key.as_str())
            || WEIGHT.contains(&key.as_str())
            || REVIEWED.contains(&key.as_str())
        {
            out.dropped.push(key.clone());
        } else {
            out.extra.push(key.clone());
        }
    }
    if !out.extra.is_empty() {
        let extra: Map<String, Value> = out
            .extra
            .iter()
            .filter_map(|k| keys.get(k).map(|v| (k.clone(), v.clone())))
            .collect();
        out.keys.insert("extra".into(), Value::Object(extra));
    }
    out
}

fn note_rename(out: &mut Mapped, from: &str, to: &str) {
    if from != to {
        out.mapped.push(format!("{from} → {to}"));
    }
}

fn first<'a, T>(
    keys: &Map<String, Value>,
    names: &[&'a str],
    read: impl Fn(&Value) -> Option<T>,
) -> Option<(&'a str, T)> {
    names
        .iter()
        .find_map(|name| keys.get(*name).and_then(&read).map(|v| (*name, v)))
}

fn scalar_text(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

fn as_weight(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f.round() as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The date part of a date or date-and-time, if it is a real date.
pub fn date_part(value: &Value) -> Option<String> {
    let text = value.as_str()?;
    let day = text.trim().get(..10)?;
    crate::site::dates::Date::parse(day).map(|_| day.to_owned())
}

fn map_reviewed<'a>(keys: &'a Map<String, Value>, out: &mut Mapped, used: &mut Vec<&'a str>) {
    let Some((key, day)) = first(keys, REVIEWED, date_part) else {
        return;
    };
    let others: Vec<&str> = REVIEWED
        .iter()
        .copied()
        .filter(|k| *k != key && keys.contains_key(*k))
        .collect();
    let mut note = format!("{key} → reviewed ({day})");
    if !others.is_empty() {
        note.push_str(&format!(", not {}", others.join(" or ")));
    }
    out.mapped.push(note);
    out.keys.insert("reviewed".into(), Value::String(day));
    used.push(key);
}

fn map_aliases<'a>(keys: &'a Map<String, Value>, out: &mut Mapped, used: &mut Vec<&'a str>) {
    let mut aliases: Vec<Value> = Vec::new();
    for name in ALIASES {
        let list = match keys.get(*name) {
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(items)) => items.iter().filter_map(scalar_text).collect(),
            _ => continue,
        };
        note_rename(out, name, "aliases");
        used.push(name);
        aliases.extend(list.iter().map(|a| Value::String(alias_path(a))));
    }
    if !aliases.is_empty() {
        out.keys.insert("aliases".into(), Value::Array(aliases));
    }
}

/// An old address as Signpost's `aliases` takes it: from the site root,
/// without the leading or trailing `/`.
pub fn alias_path(address: &str) -> String {
    address.trim().trim_matches('/').to_owned()
}

fn map_flags<'a>(keys: &'a Map<String, Value>, out: &mut Mapped, used: &mut Vec<&'a str>) {
    let is_true = |v: &Value| v.as_bool().or_else(|| v.as_str().map(|s| s == "true"));
    let draft = keys.get("draft").and_then(is_true).unwrap_or(false);
    let unpublished = keys.get("published").and_then(is_true) == Some(false);
    let no_output = keys.get("permalink").and_then(Value::as_bool) == Some(false);
    if keys.contains_key("draft") {
        used.push("draft");
    }
    if unpublished {
        out.mapped.push("published: false → draft: true".into());
        used.push("published");
    }
    if no_output {
        out.mapped.push("permalink: false → draft: true".into());
        used.push("permalink");
    }
    if draft || unpublished || no_output {
        out.keys.insert("draft".into(), Value::Bool(true));
    }
    if let Some(lang) = keys.get("lang").and_then(scalar_text) {
        out.keys.insert("lang".into(), Value::String(lang));
        used.push("lang");
    }
    if let Some(toc) = keys.get("toc").and_then(Value::as_bool) {
        out.keys.insert("toc".into(), Value::Bool(toc));
        used.push("toc");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_kind() {
        let yaml = split("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!((yaml.kind, yaml.body.as_str()), (Kind::Yaml, "Body\n"));
        let toml = split("+++\ntitle = \"A\"\ndate = 2025-06-01T10:00:00Z\n[params]\nshown = 2025-07-01\n+++\nBody\n").unwrap();
        assert_eq!(toml.kind, Kind::Toml);
        assert_eq!(toml.keys["params"]["shown"], "2025-07-01");
        assert_eq!(date_part(&toml.keys["date"]).as_deref(), Some("2025-06-01"));
        let json = split("{\n  \"title\": \"A\"\n}\nBody\n").unwrap();
        assert_eq!((json.kind, json.body.as_str()), (Kind::Json, "Body\n"));
        assert_eq!(split("Just text\n").unwrap().kind, Kind::None);
    }

    #[test]
    fn maps_keys_and_says_so() {
        let keys = split(
            "---\ntitle: A\ndescription: S\nnav_order: 3\nlast_modified_at: 2025-06-01 10:00:00 +0100\ndate: 2024-01-01\nlayout: page\nauthor: Ann\npublished: false\nredirect_from: [/old/]\n---\n",
        )
        .unwrap()
        .keys;
        let m = map(&keys);
        assert_eq!(m.keys["summary"], "S");
        assert_eq!(m.keys["weight"], 3);
        assert_eq!(m.keys["reviewed"], "2025-06-01");
        assert_eq!(m.keys["draft"], true);
        assert_eq!(m.keys["aliases"][0], "old");
        assert_eq!(m.keys["extra"]["author"], "Ann");
        assert_eq!(m.dropped, vec!["date", "layout"]);
        assert!(
            m.mapped
                .contains(&"last_modified_at → reviewed (2025-06-01), not date".to_owned())
        );
    }
}
