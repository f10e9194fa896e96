//! Local editions: `data/contacts.yaml` and `data/glossary.yaml` merged
//! down the chain of sites (`source::layers`).
//!
//! Contacts merge by `id`, glossary entries by `term`; the nearer site's
//! entry wins. An entry of only `id:` (or `term:`) and `remove: true` drops
//! the base's entry. A local contact that replaces a base one but was
//! verified earlier than it is reported: the base may hold the newer number.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::source::data::{CONTACTS_FILE, GLOSSARY_FILE, SiteData, id_line, parse_texts};
use crate::source::layers::Layer;

/// An entry that asks for a base entry to be dropped: its key and line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Removal {
    key: String,
    line: usize,
}

/// One site's data, parsed, with what it removes from its bases.
struct LayerData {
    data: SiteData,
    contacts_file: String,
    contacts_text: String,
    glossary_file: String,
    glossary_text: String,
    remove_contacts: Vec<Removal>,
    remove_terms: Vec<Removal>,
}

/// The data of a site and its `bases` (nearest first), merged.
pub fn load(root: &Path, bases: &[Layer]) -> anyhow::Result<(SiteData, Vec<Diagnostic>)> {
    if bases.is_empty() {
        return crate::source::data::load(root);
    }
    let mut problems = Vec::new();
    let mut layers = Vec::new();
    for base in bases.iter().rev() {
        let read = |rel: &str| base.read(rel);
        layers.push(read_layer(&read, &base.shown, &mut problems)?);
    }
    // A data file that leads outside the site is refused, as without bases.
    for file in [GLOSSARY_FILE, CONTACTS_FILE] {
        if let Err(escape) = crate::fsutil::inside(root, file) {
            problems.push(crate::fsutil::path_escape(file, file, &escape));
        }
    }
    let read_own = |rel: &str| match crate::fsutil::inside(root, rel) {
        Ok(path) => crate::fsutil::read_optional(&path),
        Err(_) => Ok(None),
    };
    layers.push(read_layer(&read_own, "", &mut problems)?);
    let mut merged = SiteData::default();
    for layer in layers {
        problems.extend(lay_over(&mut merged, layer));
    }
    Ok((merged, problems))
}

/// Reads and parses one site's data files, taking out the removals first.
fn read_layer(
    read: &dyn Fn(&str) -> anyhow::Result<Option<Vec<u8>>>,
    shown: &str,
    problems: &mut Vec<Diagnostic>,
) -> anyhow::Result<LayerData> {
    let mut text_of = |rel: &str| -> anyhow::Result<Option<String>> {
        let Some(bytes) = read(rel)? else {
            return Ok(None);
        };
        match crate::diagnostics::decode_text(&format!("{shown}{rel}"), bytes) {
            Ok(text) => Ok(Some(text)),
            Err(d) => {
                problems.push(d);
                Ok(None)
            }
        }
    };
    let glossary = text_of(GLOSSARY_FILE)?;
    let contacts = text_of(CONTACTS_FILE)?;
    let (glossary_kept, remove_terms) = take_removals(glossary.as_deref(), "term");
    let (contacts_kept, remove_contacts) = take_removals(contacts.as_deref(), "id");
    let (data, found) = parse_texts(glossary_kept.as_deref(), contacts_kept.as_deref(), shown);
    problems.extend(found);
    Ok(LayerData {
        data,
        contacts_file: format!("{shown}{CONTACTS_FILE}"),
        contacts_text: contacts.unwrap_or_default(),
        glossary_file: format!("{shown}{GLOSSARY_FILE}"),
        glossary_text: glossary.unwrap_or_default(),
        remove_contacts,
        remove_terms,
    })
}

/// Lays one site's data over the merged data of its bases.
fn lay_over(merged: &mut SiteData, mut layer: LayerData) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let contacts = std::mem::take(&mut layer.data.contacts);
    for removal in &layer.remove_contacts {
        let before = merged.contacts.len();
        merged.contacts.retain(|c| c.id != removal.key);
        merged.contact_files.remove(&removal.key);
        if merged.contacts.len() == before {
            problems.push(remove_unmatched(
                "contact",
                "id",
                removal,
                &layer.contacts_file,
                &layer.contacts_text,
            ));
        }
    }
    for removal in &layer.remove_terms {
        let before = merged.glossary.len();
        let key = crate::site::slug::slugify(&removal.key);
        merged.glossary.retain(|g| g.anchor() != key);
        if merged.glossary.len() == before {
            problems.push(remove_unmatched(
                "glossary entry",
                "term",
                removal,
                &layer.glossary_file,
                &layer.glossary_text,
            ));
        }
    }
    for contact in contacts {
        if let Some(base) = merged.contacts.iter_mut().find(|c| c.id == contact.id) {
            if contact.verified < base.verified {
                let (base_file, _, _) = merged_place(&merged.contact_files, &base.id);
                problems.push(older_override(&contact, base.verified, &base_file, &layer));
            }
            *base = contact.clone();
        } else {
            merged.contacts.push(contact.clone());
        }
        merged.contact_files.insert(
            contact.id.clone(),
            (layer.contacts_file.clone(), layer.contacts_text.clone()),
        );
    }
    for entry in layer.data.glossary {
        match merged
            .glossary
            .iter_mut()
            .find(|g| g.anchor() == entry.anchor())
        {
            Some(base) => *base = entry,
            None => merged.glossary.push(entry),
        }
    }
    // This site's own contacts are found through `contacts_text`.
    if layer.contacts_file == CONTACTS_FILE {
        merged.contacts_text = layer.contacts_text;
        merged
            .contact_files
            .retain(|_, (file, _)| file.as_str() != CONTACTS_FILE);
    }
    problems
}

fn merged_place(files: &BTreeMap<String, (String, String)>, id: &str) -> (String, String, usize) {
    files
        .get(id)
        .map(|(f, t)| (f.clone(), t.clone(), id_line(t, id)))
        .unwrap_or_default()
}

/// `contact-override-older`: a local contact replacing a base one that
/// was checked more recently.
fn older_override(
    contact: &crate::source::data::Contact,
    base_verified: crate::site::dates::Date,
    base_file: &str,
    layer: &LayerData,
) -> Diagnostic {
    crate::diagnostics::rules::finding(
        "contact-override-older",
        format!(
            "`{}` replaces the contact in {base_file}, which was checked more recently ({}, this one {})",
            contact.id,
            base_verified.long(),
            contact.verified.long()
        ),
    )
    .in_file(&layer.contacts_file)
    .at_source(&layer.contacts_text, id_line(&layer.contacts_text, &contact.id), 1)
    .help("compare the two: the base may have a newer number or hours; check yours with the organisation, then update `verified`, or delete this entry to use the base's")
}

fn remove_unmatched(
    what: &str,
    key: &str,
    removal: &Removal,
    file: &str,
    text: &str,
) -> Diagnostic {
    crate::diagnostics::rules::finding(
        "remove-unmatched",
        format!(
            "`remove: true` for the {what} `{}`, but no site this one extends has it",
            removal.key
        ),
    )
    .in_file(file)
    .at_source(text, removal.line, 1)
    .help(format!(
        "check the `{key}:` against the base site's file, or delete this entry"
    ))
}

/// Takes the entries that are only a key and `remove: true` out of a data
/// file's text, blanking their lines so every other line keeps its number.
fn take_removals(text: Option<&str>, key: &str) -> (Option<String>, Vec<Removal>) {
    let Some(text) = text else {
        return (None, Vec::new());
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&n| lines[n].starts_with('-'))
        .collect();
    let mut kept: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    let mut removals = Vec::new();
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(lines.len());
        let entry = lines[start..end].join("\n");
        let Ok(serde_yaml::Value::Sequence(items)) = serde_yaml::from_str(&entry) else {
            continue;
        };
        let Some(map) = items.first().and_then(|v| v.as_mapping()) else {
            continue;
        };
        let removes = map.get("remove").and_then(serde_yaml::Value::as_bool) == Some(true);
        let name = map.get(key).and_then(serde_yaml::Value::as_str);
        if let (true, Some(name)) = (removes, name) {
            removals.push(Removal {
                key: name.to_owned(),
                line: start + 1,
            });
            for line in &mut kept[start..end] {
                line.clear();
            }
        }
    }
    let kept = kept.join("\n");
    // A file of only removals is an empty list, not a blank document.
    (Some(kept), removals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removals_are_taken_out_keeping_lines() {
        let text = "- id: a\n  name: A\n- id: b\n  remove: true\n- id: c\n  name: C\n";
        let (kept, removals) = take_removals(Some(text), "id");
        assert_eq!(
            removals,
            vec![Removal {
                key: "b".into(),
                line: 3
            }]
        );
        assert_eq!(
            kept.unwrap(),
            "- id: a\n  name: A\n\n\n- id: c\n  name: C\n"
        );
    }
}
