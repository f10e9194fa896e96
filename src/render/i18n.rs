//! The theme's own words in each language: one lookup for templates (the
//! `t` map) and for Rust (callouts, worksheets, contacts, booklets).
//!
//! Words come from `themes/<theme>/i18n/LANG.yaml`. Each key is looked up
//! in the site's theme, then the built-in default theme, then English, so a
//! theme can override any string and a half-finished translation still
//! builds. Every key English has and a language lacks is reported once
//! (`untranslated-word`); a translated value whose `{placeholders}` differ
//! from English's is reported and not used, because a template fills them.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::site::dates::Date;

/// The built-in English words: the keys every language has.
const ENGLISH: &str = include_str!("../../themes/default/i18n/en.yaml");

/// One i18n file as read: a shown path and its text.
pub struct WordFile {
    pub shown: String,
    pub text: String,
}

/// The words of every language a site uses.
#[derive(Debug, Clone)]
pub struct I18n {
    by_lang: BTreeMap<String, Arc<Words>>,
    english: Arc<Words>,
}

/// The words of one language, every key filled (English where missing).
#[derive(Debug, Clone)]
pub struct Words {
    /// `group.key` -> text.
    flat: BTreeMap<String, String>,
    /// The same, nested by group, for templates (`t.nav.home`).
    nested: serde_json::Value,
    /// A template context holding only `t`: every page's context starts
    /// as a copy of it. Copying the words is about a third of the cost of
    /// serialising them again for each page (they are some 200 strings).
    context: tera::Context,
}

impl Default for I18n {
    fn default() -> Self {
        let english = Arc::new(Words::build(&english_flat(), &BTreeMap::new()));
        I18n {
            by_lang: BTreeMap::new(),
            english,
        }
    }
}

impl I18n {
    /// The words for `langs`. `files(lang)` gives the layers for a
    /// language, most specific first (the site's theme, then the default
    /// theme); `theme_dir` names the theme in messages. Problems are
    /// warnings: English is shown instead.
    pub fn load(
        langs: &[&str],
        files: &dyn Fn(&str) -> Vec<WordFile>,
        theme_dir: &str,
    ) -> (I18n, Vec<Diagnostic>) {
        let english_keys = english_flat();
        let mut problems = Vec::new();
        let mut by_lang = BTreeMap::new();
        for &lang in langs {
            let layers = files(lang);
            let mut given: BTreeMap<String, String> = BTreeMap::new();
            for layer in layers.iter().rev() {
                match flatten_file(&layer.text, &layer.shown) {
                    Ok(values) => given.extend(values),
                    Err(d) => problems.push(d),
                }
            }
            problems.extend(word_problems(
                lang,
                &layers,
                &english_keys,
                &mut given,
                theme_dir,
            ));
            by_lang.insert(
                lang.to_owned(),
                Arc::new(Words::build(&english_keys, &given)),
            );
        }
        let english = Arc::new(Words::build(&english_keys, &BTreeMap::new()));
        (I18n { by_lang, english }, problems)
    }

    /// The words for a page in `lang` (English for a language not loaded).
    pub fn words(&self, lang: &str) -> Arc<Words> {
        self.by_lang
            .get(lang)
            .cloned()
            .unwrap_or_else(|| self.english.clone())
    }
}

/// The i18n file names to try for a tag: `zh-Hans-CN` -> `zh-Hans-CN`,
/// `zh-Hans`, `zh`.
pub fn file_candidates(lang: &str) -> Vec<String> {
    let parts: Vec<&str> = lang.split('-').collect();
    (1..=parts.len())
        .rev()
        .map(|n| format!("{}.yaml", parts[..n].join("-")))
        .collect()
}

/// What a language's files lack or get wrong, against English; a value
/// with the wrong placeholders is removed from `given`.
fn word_problems(
    lang: &str,
    layers: &[WordFile],
    english: &BTreeMap<String, String>,
    given: &mut BTreeMap<String, String>,
    theme_dir: &str,
) -> Vec<Diagnostic> {
    let shown = layers.first().map_or_else(
        || format!("{theme_dir}/i18n/{lang}.yaml"),
        |l| l.shown.clone(),
    );
    if layers.is_empty() {
        return vec![
            crate::diagnostics::rules::finding(
                "untranslated-word",
                format!("the theme has no words in `{lang}`, so {lang} pages show its English words (\"Contents\", \"Page last reviewed\")"),
            )
            .in_file(&shown)
            .help(format!("translate the theme's i18n/en.yaml into i18n/{lang}.yaml; for the built-in theme, `signpost new --with-theme` gives a copy to start from")),
        ];
    }
    let mut problems = Vec::new();
    for (key, text) in english {
        match given.get(key) {
            None => problems.push(
                crate::diagnostics::rules::finding(
                    "untranslated-word",
                    format!("`{key}` has no {lang} translation, so {lang} pages show \"{text}\""),
                )
                .in_file(&shown)
                .help(format!("add `{key}` to {shown}")),
            ),
            Some(value) if placeholders(value) != placeholders(text) => {
                problems.push(
                    crate::diagnostics::rules::finding(
                        "untranslated-word",
                        format!("`{key}` in {lang} must keep the placeholders of \"{text}\", so the English is shown"),
                    )
                    .in_file(&shown)
                    .help("keep each {name} exactly as in en.yaml, once each"),
                );
                given.remove(key);
            }
            Some(_) => {}
        }
    }
    problems
}

/// The `{names}` in a text, sorted.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .match_indices('{')
        .filter_map(|(at, _)| {
            let rest = &text[at + 1..];
            let end = rest.find('}')?;
            let name = &rest[..end];
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_')
                .then_some(name)
        })
        .collect();
    found.sort_unstable();
    found
}

fn english_flat() -> BTreeMap<String, String> {
    flatten_file(ENGLISH, "themes/default/i18n/en.yaml").unwrap_or_default()
}

/// `group: {key: text}` -> `group.key` -> text. `meta` keeps only `name`
/// and `dir`; other non-text values are skipped.
fn flatten_file(text: &str, shown: &str) -> Result<BTreeMap<String, String>, Diagnostic> {
    let source = crate::source::yaml::YamlSource {
        file: shown,
        whole_file: text,
        line_offset: 0,
    };
    let value: BTreeMap<String, serde_yaml::Value> =
        crate::source::yaml::parse_strict(text, &source)?;
    let mut flat = BTreeMap::new();
    for (group, inner) in value {
        match inner {
            serde_yaml::Value::Mapping(map) => {
                for (key, value) in map {
                    let (Some(key), Some(value)) = (key.as_str(), value.as_str()) else {
                        continue;
                    };
                    if group == "meta" && !matches!(key, "name" | "dir") {
                        continue;
                    }
                    flat.insert(format!("{group}.{key}"), value.to_owned());
                }
            }
            serde_yaml::Value::String(value) => {
                flat.insert(group, value);
            }
            _ => {}
        }
    }
    Ok(flat)
}

impl Words {
    fn build(english: &BTreeMap<String, String>, given: &BTreeMap<String, String>) -> Words {
        let mut flat = english.clone();
        for (key, value) in given {
            if english.contains_key(key) {
                flat.insert(key.clone(), value.clone());
            }
        }
        let mut nested = serde_json::Map::new();
        for (key, value) in &flat {
            let (group, name) = key.split_once('.').unwrap_or(("", key));
            let entry = nested
                .entry(group.to_owned())
                .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
            if let serde_json::Value::Object(map) = entry {
                map.insert(name.to_owned(), serde_json::Value::String(value.clone()));
            }
        }
        let nested = serde_json::Value::Object(nested);
        let mut context = tera::Context::new();
        context.insert("t", &nested);
        Words {
            flat,
            nested,
            context,
        }
    }

    /// The text of `key` (`callout.note`). Keys come from Signpost's own
    /// code and en.yaml; an unknown one gives itself, visibly wrong.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        debug_assert!(self.flat.contains_key(key), "no i18n key `{key}`");
        self.flat.get(key).map_or(key, String::as_str)
    }

    /// `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = self.get(key).to_owned();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// "21 November 2026", "21 Tachwedd 2026".
    pub fn date(&self, date: Date) -> String {
        const MONTHS: [&str; 12] = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        let (year, month, day) = date.parts();
        let month = self
            .get(&format!("date.{}", MONTHS[(month - 1) as usize]))
            .to_owned();
        self.fill(
            "date.format",
            &[
                ("day", &day.to_string()),
                ("month", &month),
                ("year", &year.to_string()),
            ],
        )
    }

    /// Every word nested by group, for templates: `{{ t.nav.home }}`.
    pub fn nested(&self) -> &serde_json::Value {
        &self.nested
    }

    /// A new template context with these words in it as `t`.
    pub fn template_context(&self) -> tera::Context {
        self.context.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Vec<WordFile> {
        vec![WordFile {
            shown: "themes/default/i18n/cy.yaml".into(),
            text: text.into(),
        }]
    }

    #[test]
    fn missing_words_fall_back_to_english_and_are_reported_once() {
        let (i18n, problems) = I18n::load(
            &["cy"],
            &|_| file("meta: {name: Cymraeg}\nnav:\n  home: Hafan\ndate:\n  november: Tachwedd\n"),
            "themes/default",
        );
        let words = i18n.words("cy");
        assert_eq!(words.get("nav.home"), "Hafan");
        assert_eq!(words.get("nav.contents"), "Contents");
        assert_eq!(
            words.date(Date::parse("2026-11-21").unwrap()),
            "21 Tachwedd 2026"
        );
        let missing = problems
            .iter()
            .filter(|d| d.message.starts_with("`nav.contents`"))
            .count();
        assert_eq!(missing, 1);
        assert!(problems.iter().all(|d| d.rule == "untranslated-word"));
    }

    #[test]
    fn wrong_placeholders_are_not_used() {
        let (i18n, problems) = I18n::load(
            &["cy"],
            &|_| file("worksheet:\n  label: \"Taflen waith: {teitl}\"\n"),
            "themes/default",
        );
        assert_eq!(
            i18n.words("cy").get("worksheet.label"),
            "Worksheet: {title}"
        );
        assert!(problems.iter().any(|d| d.message.contains("placeholders")));
    }

    #[test]
    fn candidates_fall_back_to_the_primary_tag() {
        assert_eq!(file_candidates("en-GB"), ["en-GB.yaml", "en.yaml"]);
        assert_eq!(file_candidates("cy"), ["cy.yaml"]);
    }
}
