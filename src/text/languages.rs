//! The languages of a site: which file is in which language, what each
//! language is called in itself, and which way its script runs.
//!
//! A translation is `NAME.LANG.md` beside `NAME.md`; it is built under
//! `LANG/` with its source's path. Only a site that lists `languages:` in
//! `site.yaml` reads file suffixes as languages, so a site in one language
//! builds exactly as it did before.

/// Languages written right to left, by primary subtag.
const RTL: &[&str] = &["ar", "fa", "ur", "he", "ps", "sd", "ckb", "dv", "yi", "ug"];

/// Each shipped language's name in itself, for the language switcher: a
/// reader looks for their own language in their own script.
const AUTONYMS: &[(&str, &str)] = &[
    ("en", "English"),
    ("cy", "Cymraeg"),
    ("pl", "Polski"),
    ("ur", "اردو"),
    ("bn", "বাংলা"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("ar", "العربية"),
    ("ro", "Română"),
    ("pt", "Português"),
    ("es", "Español"),
    ("so", "Soomaali"),
    ("gu", "ગુજરાતી"),
    ("zh-Hans", "简体中文"),
    ("fa", "فارسی"),
    ("ps", "پښتو"),
    ("ti", "ትግርኛ"),
    ("ku", "Kurdî"),
    ("ckb", "کوردی"),
    ("tr", "Türkçe"),
    ("fr", "Français"),
    ("it", "Italiano"),
    ("lt", "Lietuvių"),
    ("bg", "Български"),
    ("ta", "தமிழ்"),
    ("hi", "हिन्दी"),
    ("gd", "Gàidhlig"),
    ("ga", "Gaeilge"),
];

/// `rtl` for scripts written right to left, else `ltr`.
pub fn direction(lang: &str) -> &'static str {
    let primary = primary_subtag(lang);
    if RTL.contains(&primary.as_str()) {
        "rtl"
    } else {
        "ltr"
    }
}

fn primary_subtag(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or(lang)
        .to_ascii_lowercase()
}

/// The language's own name: the built-in one for the tag, else for its
/// primary subtag (`en-GB` is "English"), else the tag itself.
pub fn autonym(lang: &str) -> String {
    let find = |tag: &str| {
        AUTONYMS
            .iter()
            .find(|(code, _)| code.eq_ignore_ascii_case(tag))
            .map(|(_, name)| (*name).to_owned())
    };
    find(lang)
        .or_else(|| find(&primary_subtag(lang)))
        .unwrap_or_else(|| lang.to_owned())
}

/// A BCP 47 tag in the shape Signpost accepts: a primary subtag of two or
/// three letters, then subtags of letters or digits (`cy`, `en-GB`,
/// `zh-Hans`, `es-419`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Splits `NAME.LANG.md` into `NAME.md` and `LANG` when the part before
/// `.md` reads as a language tag. `easy` is the easy-read marker, never a
/// language.
pub fn split_suffix(rel: &str) -> Option<(String, &str)> {
    let stem = rel.strip_suffix(".md")?;
    let (name, lang) = stem.rsplit_once('.')?;
    let file_name = name.rsplit('/').next().unwrap_or(name);
    if file_name.is_empty() || lang == "easy" || !is_language_tag(lang) {
        return None;
    }
    Some((format!("{name}.md"), lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_are_languages_but_easy_is_not() {
        assert_eq!(
            split_suffix("care/crisis-plans.easy.cy.md"),
            Some(("care/crisis-plans.easy.md".to_owned(), "cy"))
        );
        assert_eq!(
            split_suffix("_index.zh-Hans.md"),
            Some(("_index.md".to_owned(), "zh-Hans"))
        );
        assert_eq!(split_suffix("crisis-plans.easy.md"), None);
        assert_eq!(split_suffix("plain.md"), None);
        assert_eq!(split_suffix("notes.v2.md"), None);
    }

    #[test]
    fn names_and_directions() {
        assert_eq!(autonym("cy"), "Cymraeg");
        assert_eq!(autonym("en-GB"), "English");
        assert_eq!(autonym("zh-hans"), "简体中文");
        assert_eq!(autonym("xx"), "xx");
        assert_eq!(direction("ur"), "rtl");
        assert_eq!(direction("ar-EG"), "rtl");
        assert_eq!(direction("cy"), "ltr");
    }
}
