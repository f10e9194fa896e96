//! The site's shared data: `data/glossary.yaml` and `data/contacts.yaml`.
//!
//! Both files are optional. They are parsed as strictly as front matter,
//! because a misspelt `verified:` key would silently hide a stale phone number.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::site::dates::Date;
use crate::site::slug::slugify;
use crate::source::yaml::{YamlSource, parse_strict};

pub const GLOSSARY_FILE: &str = "data/glossary.yaml";
pub const CONTACTS_FILE: &str = "data/contacts.yaml";

/// A hard word and its plain meaning.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub term: String,
    /// Other forms of the word that should link to the same meaning.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub meaning: String,
}

impl GlossaryEntry {
    /// The id of the term on the glossary page.
    pub fn anchor(&self) -> String {
        slugify(&self.term)
    }
}

/// A helpline or service.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Used in ```` ```contacts ```` blocks to pick this entry.
    pub id: String,
    pub name: String,
    pub phone: Option<String>,
    pub text: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub hours: Option<String>,
    pub description: Option<String>,
    pub area: Option<String>,
    /// When someone last checked the details were right.
    pub verified: Date,
    /// The contact's words in other languages (`translations: {cy: {name:
    /// …}}`), shown on pages in that language. Numbers, addresses and the
    /// `verified` date are shared by every language.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub translations: std::collections::BTreeMap<String, ContactText>,
}

/// The words of a contact in one language; a field left out shows the
/// site's language's, marked as such.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContactText {
    pub name: Option<String>,
    pub description: Option<String>,
    pub hours: Option<String>,
    pub area: Option<String>,
    /// How to text the service ("Text SHOUT to 85258"), which is words too.
    pub text: Option<String>,
}

/// Glossary and contacts, each with the file text kept for positions.
#[derive(Debug, Default, Clone)]
pub struct SiteData {
    pub glossary: Vec<GlossaryEntry>,
    pub contacts: Vec<Contact>,
    pub contacts_text: String,
    /// Contacts that come from a base site's `data/contacts.yaml`: id ->
    /// (that file as shown, its text), so findings name the real file.
    /// Empty for a site that extends nothing.
    pub contact_files: std::collections::BTreeMap<String, (String, String)>,
}

impl SiteData {
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    /// Where a contact is written: its file as shown, that file's text,
    /// and the line of its `id:`.
    pub fn contact_place(&self, id: &str) -> (&str, &str, usize) {
        let (file, text) = self
            .contact_files
            .get(id)
            .map_or((CONTACTS_FILE, self.contacts_text.as_str()), |(f, t)| {
                (f.as_str(), t.as_str())
            });
        (file, text, id_line(text, id))
    }

    /// 1-based line of a contact's `id:` in `data/contacts.yaml`.
    pub fn contact_line(&self, id: &str) -> usize {
        id_line(&self.contacts_text, id)
    }
}

/// 1-based line of `id: ID` in a contacts file's text, or 1.
pub fn id_line(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start().trim_start_matches("- ").trim_start();
            l.strip_prefix("id:")
                .is_some_and(|v| v.trim().trim_matches(['"', '\'']) == id)
        })
        .map_or(1, |i| i + 1)
}

/// Reads the data files that exist. I/O errors on a file that exists are
/// operational failures; content errors are diagnostics.
pub fn load(root: &Path) -> anyhow::Result<(SiteData, Vec<Diagnostic>)> {
    let mut problems = Vec::new();
    let glossary = read_text(root, GLOSSARY_FILE, &mut problems)?;
    let contacts = read_text(root, CONTACTS_FILE, &mut problems)?;
    let (data, found) = parse_texts(glossary.as_deref(), contacts.as_deref(), "");
    problems.extend(found);
    Ok((data, problems))
}

/// Parses the data files' texts (`None` for a file that is not there).
/// `shown` goes before their paths in messages: empty for this site's own,
/// `../national/` or `guide:` for a base's (see `source::data_merge`).
pub fn parse_texts(
    glossary: Option<&str>,
    contacts: Option<&str>,
    shown: &str,
) -> (SiteData, Vec<Diagnostic>) {
    let mut data = SiteData::default();
    let mut problems = Vec::new();
    if let Some(text) = glossary {
        let file = format!("{shown}{GLOSSARY_FILE}");
        match parse_list::<GlossaryEntry>(&file, text) {
            Ok(entries) => data.glossary = entries,
            Err(d) => problems.push(d),
        }
        problems.extend(duplicates(
            &file,
            text,
            data.glossary.iter().map(|g| g.anchor()),
            "term",
        ));
        problems.extend(blank_terms(&data.glossary, text, &file));
    }
    if let Some(text) = contacts {
        let file = format!("{shown}{CONTACTS_FILE}");
        match parse_list::<Contact>(&file, text) {
            Ok(entries) => data.contacts = entries,
            Err(d) => problems.push(d),
        }
        problems.extend(duplicates(
            &file,
            text,
            data.contacts.iter().map(|c| c.id.clone()),
            "id",
        ));
        data.contacts_text = text.to_owned();
        problems.extend(unsafe_websites(&data, &file));
    }
    (data, problems)
}

/// Glossary entries whose term (or one of whose aliases) is blank: they
/// would match nothing, or everything, and give an empty anchor.
fn blank_terms(glossary: &[GlossaryEntry], text: &str, file: &str) -> Vec<Diagnostic> {
    let term_lines: Vec<usize> = lines_of_key(text, "term");
    glossary
        .iter()
        .enumerate()
        .filter(|(_, g)| g.term.trim().is_empty() || g.aliases.iter().any(|a| a.trim().is_empty()))
        .map(|(n, g)| {
            let line = term_lines.get(n).copied().unwrap_or(1);
            let what = if g.term.trim().is_empty() {
                "term"
            } else {
                "alias"
            };
            Diagnostic::error(
                "blank-term",
                format!("this glossary entry has a blank {what}"),
            )
            .in_file(file)
            .at_source(text, line, 1)
            .help("write the word or phrase the entry explains, or delete the entry")
        })
        .collect()
}

/// Contact websites that are not `https:` or `http:` addresses. They are
/// written into `href`s, so they pass the same gate as every other link.
fn unsafe_websites(data: &SiteData, file: &str) -> Vec<Diagnostic> {
    let text = &data.contacts_text;
    data.contacts
        .iter()
        .filter_map(|contact| {
            let website = contact.website.as_deref()?;
            let message = match crate::gates::safe_url::check(website) {
                Ok(crate::gates::safe_url::UrlKind::Web) => return None,
                Ok(_) => format!(
                    "the website of `{}` is `{}`, which is not a web address",
                    contact.id,
                    crate::gates::safe_url::shown(website)
                ),
                Err(refused) => refused.message(website),
            };
            let from = data.contact_line(&contact.id);
            let line = text
                .lines()
                .enumerate()
                .skip(from.saturating_sub(1))
                .find(|(_, l)| {
                    l.trim_start()
                        .trim_start_matches("- ")
                        .starts_with("website:")
                })
                .map_or(from, |(n, _)| n + 1);
            Some(
                Diagnostic::error("unsafe-link", message)
                    .in_file(file)
                    .at_source(text, line, 1)
                    .help("write the organisation's website as https://…"),
            )
        })
        .collect()
}

/// 1-based lines where `key:` starts an entry or a field, in order.
fn lines_of_key(text: &str, key: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            l.trim_start()
                .trim_start_matches("- ")
                .trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|(n, _)| n + 1)
        .collect()
}

/// A data file's text; `None` when it is missing or not UTF-8 (reported).
fn read_text(
    root: &Path,
    file: &str,
    problems: &mut Vec<Diagnostic>,
) -> anyhow::Result<Option<String>> {
    let path = match crate::fsutil::inside(root, file) {
        Ok(path) => path,
        Err(escape) => {
            problems.push(crate::fsutil::path_escape(file, file, &escape));
            return Ok(None);
        }
    };
    let Some(bytes) = crate::fsutil::read_optional(&path)? else {
        return Ok(None);
    };
    match crate::diagnostics::decode_text(file, bytes) {
        Ok(text) => Ok(Some(text)),
        Err(diagnostic) => {
            problems.push(diagnostic);
            Ok(None)
        }
    }
}

fn parse_list<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
) -> Result<Vec<T>, Diagnostic> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let source = YamlSource {
        file,
        whole_file: text,
        line_offset: 0,
    };
    parse_strict(text, &source)
}

fn duplicates(
    file: &str,
    text: &str,
    keys: impl Iterator<Item = String>,
    what: &str,
) -> Vec<Diagnostic> {
    let mut seen = std::collections::BTreeSet::new();
    keys.filter(|k| !seen.insert(k.clone()))
        .map(|k| {
            Diagnostic::error(
                "duplicate-entry",
                format!("the {what} `{k}` is listed twice"),
            )
            .in_file(file)
            .at_source(text, crate::source::config::line_of_key(text, what), 1)
            .help("keep one entry and delete the other")
        })
        .collect()
}
