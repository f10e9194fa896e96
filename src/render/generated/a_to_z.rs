//! The A–Z index: every listed page of one language and every glossary
//! term, grouped by first letter. It is the way to find a page without
//! a search box, which would need JavaScript or a server.
//!
//! Letters fold accents the way readers look them up: "Ëa" is under E,
//! "Ósgar" under O (Unicode decomposition, keeping the base letter).
//! Letters that do not decompose stay their own (Polish "Ł"). Welsh
//! digraphs are kept simple: "Ll" is under L and "Ch" under C, as most
//! bilingual UK sites file them. Titles starting with a digit share one
//! group, "0–9". The letters A to Z are always shown at the top, those
//! with no entries as plain text; any other initial follows them.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::Plan;
use crate::site::assemble::Assembled;
use crate::site::model::{PageIdx, PageKind, Site};

#[derive(Serialize)]
pub struct AToZView {
    /// Every letter for the list at the top, in order.
    letters: Vec<LetterLink>,
    /// The letters that have entries, each with its entries.
    groups: Vec<Group>,
}

#[derive(Serialize)]
struct LetterLink {
    letter: String,
    /// The group's id, when the letter has entries.
    id: Option<String>,
}

#[derive(Serialize)]
struct Group {
    letter: String,
    id: String,
    entries: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    title: String,
    url: String,
    summary: Option<String>,
    /// An easy-read page listed on its own (it has no standard twin).
    easy_read: bool,
    /// A glossary term, linking to its meaning.
    glossary: bool,
    /// The entry's language, when it is not the page's (glossary terms on
    /// a translated A–Z), for `lang` on the link.
    lang: Option<String>,
    sort_key: String,
}

/// The view for the A–Z page of `plan`'s language.
pub fn view(site: &Site, assembled: &Assembled, plan: &Plan) -> AToZView {
    let mut entries: Vec<Entry> = site
        .pages
        .iter()
        .enumerate()
        .filter(|&(idx, _)| shown(site, idx, plan))
        .map(|(idx, page)| Entry {
            title: page.title().to_owned(),
            url: assembled.url(site, &plan.dir, idx),
            summary: page.front.summary.clone(),
            easy_read: page.kind == PageKind::EasyRead,
            glossary: false,
            lang: (page.lang != plan.lang).then(|| page.lang.clone()),
            sort_key: sort_key(page.title()),
        })
        .collect();
    entries.extend(glossary_entries(site, assembled, plan));
    entries.sort_by(|a, b| {
        a.sort_key
            .cmp(&b.sort_key)
            .then(a.glossary.cmp(&b.glossary))
            .then(a.url.cmp(&b.url))
    });
    let mut by_letter: std::collections::BTreeMap<(u8, String), Group> = Default::default();
    for entry in entries {
        let letter = initial(&entry.title);
        by_letter
            .entry(group_order(&letter))
            .or_insert_with(|| Group {
                id: format!("letter-{}", letter_id(&letter)),
                letter,
                entries: Vec::new(),
            })
            .entries
            .push(entry);
    }
    // Digits, then A–Z, then other scripts' initials in code-point order.
    let groups: Vec<Group> = by_letter.into_values().collect();
    AToZView {
        letters: letters(&groups),
        groups,
    }
}

/// Whether page `idx` belongs in this A–Z: a page of its language that
/// section listings show (an easy-read twin is reached from its standard
/// page), not a draft, not the home page, and not an A–Z page itself.
fn shown(site: &Site, idx: PageIdx, plan: &Plan) -> bool {
    let page = &site.pages[idx];
    page.kind != PageKind::Home
        && !page.front.draft
        && site.is_listed(idx)
        && !page.title().trim().is_empty()
        && page.dir != plan.dir
        && site.language_root(idx) == plan.root
}

/// Each glossary term, linking to its entry on the glossary page in this
/// language (or the default language's, when it has not been translated).
fn glossary_entries(site: &Site, assembled: &Assembled, plan: &Plan) -> Vec<Entry> {
    let Some(glossary) = site.page_with_template("glossary") else {
        return Vec::new();
    };
    let glossary = site.in_language(glossary, &plan.lang);
    let page_lang = &site.pages[glossary].lang;
    let url = assembled.url(site, &plan.dir, glossary);
    site.data
        .glossary
        .iter()
        .filter(|entry| !entry.term.trim().is_empty())
        .map(|entry| Entry {
            title: entry.term.clone(),
            url: format!("{url}#{}", entry.anchor()),
            summary: None,
            easy_read: false,
            glossary: true,
            lang: (*page_lang != plan.lang).then(|| page_lang.clone()),
            sort_key: sort_key(&entry.term),
        })
        .collect()
}

/// The letter a title is filed under: its first letter or digit, without
/// accents, in capitals; `0–9` for a digit.
fn initial(title: &str) -> String {
    let Some(first) = title.chars().find(|c| c.is_alphanumeric()) else {
        return "#".to_owned();
    };
    if first.is_ascii_digit() {
        return "0–9".to_owned();
    }
    let base = std::iter::once(first)
        .nfd()
        .next()
        .filter(|c| c.is_alphanumeric())
        .unwrap_or(first);
    base.to_uppercase().collect()
}

/// How a title sorts: without accents, in lower case, from its first
/// letter or digit ("“Care”" sorts as "care"), with numbers in number
/// order ("Point 3" before "Point 10").
fn sort_key(title: &str) -> String {
    let start = title
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(0, |(at, _)| at);
    let folded: String = title[start..]
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    let mut key = String::with_capacity(folded.len() + 8);
    let mut digits = String::new();
    for c in folded.chars().chain(std::iter::once('\0')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            // Shorter numbers first, so 3 (and 03) sorts before 10.
            let number = digits.trim_start_matches('0');
            let number = if number.is_empty() { "0" } else { number };
            key.push_str(&format!("{:08}{number}", number.len()));
            digits.clear();
        }
        if c != '\0' {
            key.push(c);
        }
    }
    key
}

/// Where a group goes: `0–9` first, then A–Z, then any other initial.
fn group_order(letter: &str) -> (u8, String) {
    match letter {
        "#" => (0, String::new()),
        "0–9" => (1, String::new()),
        l if l.len() == 1 && l.as_bytes()[0].is_ascii_uppercase() => (2, l.to_owned()),
        l => (3, l.to_owned()),
    }
}

/// An id for a letter's heading: `a` for A, the letter itself for other
/// scripts (HTML ids may hold any character but spaces), `0-9` for digits.
fn letter_id(letter: &str) -> String {
    match letter {
        "0–9" => "0-9".to_owned(),
        "#" => "other".to_owned(),
        l => l.to_lowercase(),
    }
}

/// A to Z, each linked when it has entries, with any other group's
/// initial in its place: digits before A, other letters after Z.
fn letters(groups: &[Group]) -> Vec<LetterLink> {
    let id_of = |letter: &str| {
        groups
            .iter()
            .find(|g| g.letter == letter)
            .map(|g| g.id.clone())
    };
    let mut all: Vec<String> = groups.iter().map(|g| g.letter.clone()).collect();
    all.extend(('A'..='Z').map(String::from));
    all.sort_by_key(|l| group_order(l));
    all.dedup();
    all.into_iter()
        .map(|letter| LetterLink {
            id: id_of(&letter),
            letter,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_fold_to_their_letter() {
        assert_eq!(initial("Ëa"), "E");
        assert_eq!(initial("éclair"), "E");
        assert_eq!(initial("“Quoted”"), "Q");
        assert_eq!(initial("Łódź"), "Ł");
        assert_eq!(initial("Llais"), "L");
        assert_eq!(initial("111 option 2"), "0–9");
        assert_eq!(initial("..."), "#");
        assert_eq!(sort_key("“Émile”"), "emile”");
        assert!(sort_key("Point 3: a") < sort_key("Point 10: b"));
    }

    #[test]
    fn groups_go_digits_then_latin_then_others() {
        let mut letters = vec!["Ł", "B", "0–9", "A"];
        letters.sort_by_key(|l| group_order(l));
        assert_eq!(letters, ["0–9", "A", "B", "Ł"]);
    }
}
