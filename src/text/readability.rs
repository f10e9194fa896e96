//! Reading-level measurement of English text: syllables, sentences, words
//! and the Flesch, Flesch–Kincaid and SMOG scores built from them.
//!
//! Signpost's readers may be unwell, tired or reading in a second language,
//! so authors need an honest number for how hard a page is to read. Every
//! score here rests on three counts, and a score is only as good as those
//! counts: a sentence splitter that breaks after "e.g." or "Dr." makes text
//! look easier than it is, and a syllable counter that calls "people" three
//! syllables makes it look harder. So this module owns the counting as well
//! as the formulas, tuned on real guidance text rather than on toy examples:
//! a careful spelling heuristic for syllables, backed by a table of common
//! words the heuristic gets wrong, and a sentence splitter that knows the
//! abbreviations, numbers and quotations that guidance is full of.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Serialize;

use crate::text::data as text_data;

// ---------------------------------------------------------------------------
// Syllables
// ---------------------------------------------------------------------------

/// Syllables in one English word (letters, apostrophes, hyphens allowed;
/// hyphenated words are the sum of their parts).
///
/// Words in capitals of two to five letters are read as initials ("NHS" is
/// three syllables, "GP" two), except a short list read as words ("NICE",
/// "PALS"). Numbers are counted roughly, one syllable per digit ("999" is
/// "nine nine nine", three), with 7 counting two: reading "2024" aloud as
/// "twenty twenty-four" differs, but a rough count keeps long numbers from
/// looking free while staying predictable. An empty word has no syllables;
/// any other word has at least one.
pub fn syllables(word: &str) -> usize {
    // A site uses a few thousand distinct words many times over, so each
    // thread remembers the words it has counted (bounded, in case a site is
    // one long list of names).
    thread_local! {
        static SEEN: std::cell::RefCell<rustc_hash::FxHashMap<String, usize>> =
            std::cell::RefCell::new(rustc_hash::FxHashMap::default());
    }
    const MAX_REMEMBERED: usize = 200_000;
    SEEN.with(|seen| {
        if let Some(&n) = seen.borrow().get(word) {
            return n;
        }
        let n = word.split(is_hyphen).map(part_syllables).sum();
        let mut seen = seen.borrow_mut();
        if seen.len() >= MAX_REMEMBERED {
            seen.clear();
        }
        seen.insert(word.to_owned(), n);
        n
    })
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// One hyphen-free part: a run of letters, or a number that may carry a
/// unit or ending ("9.30am", "1st").
fn part_syllables(part: &str) -> usize {
    if part.is_empty() {
        return 0;
    }
    if part.chars().any(|c| c.is_ascii_digit()) {
        return number_syllables(part);
    }
    if is_dotted_initialism(part) {
        return part
            .chars()
            .filter(|c| c.is_alphabetic())
            .map(letter_name_syllables)
            .sum();
    }
    let plain: String = part
        .chars()
        .filter(|&c| !is_apostrophe(c) && c != '.')
        .collect();
    if let Some(n) = acronym_syllables(&plain) {
        return n;
    }
    let extra = contraction_extra(part);
    folded_syllables(&plain) + extra
}

/// "e.g", "i.e", "U.K" and "a.m" are read letter by letter.
fn is_dotted_initialism(part: &str) -> bool {
    part.contains('.') && part.split('.').all(|piece| piece.chars().count() == 1)
}

/// How many syllables the name of a letter has when an initialism is read out:
/// "W" is "double-u"; every other letter is one.
fn letter_name_syllables(c: char) -> usize {
    if c.eq_ignore_ascii_case(&'w') { 3 } else { 1 }
}

/// Acronyms of capitals read as words rather than letter by letter, and
/// common words set in capitals for emphasis ("Do NOT stop"), from
/// `src/text/data/read-as-words.tsv`.
static READ_AS_WORDS: LazyLock<HashMap<&str, usize>> =
    LazyLock::new(|| text_data::READ_AS_WORDS.counts().into_iter().collect());

/// Syllables of a word in capitals of 2 to 5 letters, optionally with a
/// plural "s" ("GPs"): `None` when the word is not such an acronym.
fn acronym_syllables(word: &str) -> Option<usize> {
    let caps = |s: &str| (2..=5).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase());
    let stem = if caps(word) {
        word
    } else {
        word.strip_suffix('s').filter(|s| caps(s))?
    };
    if let Some(&n) = READ_AS_WORDS.get(word).or_else(|| READ_AS_WORDS.get(stem)) {
        return Some(n);
    }
    Some(stem.chars().map(letter_name_syllables).sum())
}

/// "didn't" and "isn't" gain a syllable from "n't" after a consonant, which
/// the vowel groups miss; "don't" and "can't" do not, and "haven't" is
/// already counted as two because its "e" is no longer final.
fn contraction_extra(part: &str) -> usize {
    let lower = part.to_lowercase().replace('\u{2019}', "'");
    let Some(stem) = lower.strip_suffix("n't") else {
        return 0;
    };
    match stem.chars().last() {
        Some(c) if c.is_ascii_alphabetic() && !is_vowel_letter(c as u8) && c != 'y' => 1,
        _ => 0,
    }
}

/// Syllables of a number with any letters attached: one per digit (seven
/// counts two), "am"/"pm" two, ordinal endings ("st", "nd", "rd", "th") and
/// a plural "s" none, other letters as a word.
fn number_syllables(part: &str) -> usize {
    let mut total = 0;
    let mut letters = String::new();
    let mut after_digit = false;
    for c in part.chars() {
        if c.is_ascii_digit() {
            total += letters_after_number(&letters, after_digit);
            letters.clear();
            total += if c == '7' { 2 } else { 1 };
            after_digit = true;
        } else if c.is_alphabetic() {
            letters.push(c);
        } else {
            total += letters_after_number(&letters, after_digit);
            letters.clear();
        }
    }
    total + letters_after_number(&letters, after_digit)
}

fn letters_after_number(letters: &str, after_digit: bool) -> usize {
    if letters.is_empty() {
        return 0;
    }
    let lower = letters.to_lowercase();
    match lower.as_str() {
        "st" | "nd" | "rd" | "th" | "s" if after_digit => 0,
        "am" | "pm" if after_digit => 2,
        _ => folded_syllables(letters),
    }
}

/// Folds accents away and counts. A diaeresis marks a vowel sounded on its
/// own ("naïve", "Zoë"), so the word is split before it; a final "é" is
/// sounded ("café"), so it becomes a vowel the silent-e rule leaves alone.
fn folded_syllables(word: &str) -> usize {
    let mut pieces: Vec<String> = vec![String::new()];
    let mut had_letter = false;
    let count = word.chars().count();
    for (i, c) in word.chars().enumerate() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        had_letter |= c.is_alphabetic();
        match lower {
            'ä' | 'ë' | 'ï' | 'ö' | 'ü' => {
                pieces.push(String::new());
                push_piece(&mut pieces, fold_accent(lower));
            }
            'é' if i + 1 == count => push_piece(&mut pieces, 'a'),
            _ => push_piece(&mut pieces, fold_accent(lower)),
        }
    }
    let total: usize = pieces
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| count_word(p).max(1))
        .sum();
    if total == 0 && had_letter { 1 } else { total }
}

fn push_piece(pieces: &mut [String], c: char) {
    match pieces.last_mut() {
        Some(last) if c.is_ascii_lowercase() => last.push(c),
        _ => {}
    }
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// Common words the spelling rules below get wrong, lowercase with
/// apostrophes removed, from `src/text/data/syllable-exceptions.tsv`. Each
/// entry is here because a rule would otherwise miscount it; plurals are
/// listed when the plural rule cannot recover them from the singular.
static EXCEPTIONS: LazyLock<HashMap<&str, usize>> = LazyLock::new(|| {
    text_data::SYLLABLE_EXCEPTIONS
        .counts()
        .into_iter()
        .collect()
});

fn exception(word: &str) -> Option<usize> {
    EXCEPTIONS.get(word).copied()
}

/// Syllables of a lowercase ASCII word. Rules are tried from the most
/// specific to the most general: the exceptions table, compounds, prefixes
/// before a vowel, inflections, silent-e suffixes, then plain vowel groups.
fn count_word(w: &str) -> usize {
    count_with(w, Endings::All)
}

/// Which inflections may still be stripped. A stem left by "-ed" or "-ing"
/// is not stripped again, so "preceded" does not lose a second "ed".
#[derive(Clone, Copy, PartialEq)]
enum Endings {
    All,
    VerbsOnly,
    Nothing,
}

fn count_with(w: &str, endings: Endings) -> usize {
    if w.is_empty() {
        return 0;
    }
    let plural_ok = endings == Endings::All;
    let verb_ok = endings != Endings::Nothing;
    exception(w)
        .or_else(|| compound(w))
        .or_else(|| prefix_before_vowel(w))
        .or_else(|| plural_ok.then(|| plural(w)).flatten())
        .or_else(|| verb_ok.then(|| past_tense(w)).flatten())
        .or_else(|| verb_ok.then(|| present_participle(w)).flatten())
        .or_else(|| silent_e_suffix(w))
        .unwrap_or_else(|| vowel_groups(w.as_bytes()).max(1))
}

/// Syllables of what is left after "-ed" or "-ing" comes off.
fn count_stem(w: &str) -> usize {
    count_with(w, Endings::Nothing)
}

fn is_vowel_letter(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn has_vowel(w: &str) -> bool {
    w.bytes().any(|b| is_vowel_letter(b) || b == b'y')
}

/// First halves of compounds that the vowel groups miscount inside a
/// longer word: mostly words ending in a silent "e" ("homeless",
/// "sometimes", "guidelines"), whose inner "e" would be counted as a
/// syllable, and "every"/"any" ("everyone"). From
/// `src/text/data/compound-heads.tsv`, in file order.
static COMPOUND_HEADS: LazyLock<Vec<&str>> = LazyLock::new(|| text_data::COMPOUND_HEADS.words());

fn compound(w: &str) -> Option<usize> {
    COMPOUND_HEADS.iter().find_map(|head| {
        let rest = w.strip_prefix(head)?;
        let joins = starts_with_onset(rest) || (*head != "there" && starts_with_one(rest));
        (joins && has_vowel(rest)).then(|| count_word(head) + count_word(rest))
    })
}

/// "everyone", "someone", "anyone": the second half starts with a vowel but
/// is a word of its own.
fn starts_with_one(rest: &str) -> bool {
    matches!(rest, "one" | "ones")
}

/// Whether `rest` begins with consonants that can start an English
/// syllable, followed by a vowel: the mark of a second word in a compound.
fn starts_with_onset(rest: &str) -> bool {
    const CLUSTERS: &[&str] = &[
        "scr", "spl", "spr", "str", "thr", "shr", "squ", "bl", "br", "ch", "cl", "cr", "dr", "fl",
        "fr", "gl", "gr", "kn", "ph", "pl", "pr", "qu", "sc", "sh", "sk", "sl", "sm", "sn", "sp",
        "st", "sw", "th", "tr", "tw", "wh", "wr",
    ];
    let bytes = rest.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    if is_vowel_letter(first) {
        return false;
    }
    let onset = CLUSTERS
        .iter()
        .find(|c| rest.starts_with(*c))
        .map_or(1, |c| c.len());
    bytes
        .get(onset)
        .is_some_and(|&b| is_vowel_letter(b) || b == b'y')
}

/// Prefixes sounded apart from a following vowel ("co-ordinate", "re-open",
/// "pre-existing"), each with the starts of the words it is used with, so
/// that "coat", "read" and "preach" are left alone. From
/// `src/text/data/vowel-prefixes.tsv`, prefixes in the order they first
/// appear there.
static VOWEL_PREFIXES: LazyLock<Vec<(&str, Vec<&str>)>> = LazyLock::new(|| {
    let mut prefixes: Vec<(&str, Vec<&str>)> = Vec::new();
    for (prefix, start) in text_data::VOWEL_PREFIXES.pairs() {
        match prefixes.iter_mut().find(|(p, _)| *p == prefix) {
            Some((_, starts)) => starts.push(start),
            None => prefixes.push((prefix, vec![start])),
        }
    }
    prefixes
});

fn prefix_before_vowel(w: &str) -> Option<usize> {
    VOWEL_PREFIXES.iter().find_map(|(prefix, starts)| {
        let rest = w.strip_prefix(prefix)?;
        let fits = starts.iter().any(|s| rest.starts_with(s)) && rest.len() >= 3;
        fits.then(|| 1 + count_word(rest))
    })
}

/// Plurals and third-person "-s": "boxes" and "nurses" gain a syllable
/// after a hissing sound; "makes" and "tables" do not.
fn plural(w: &str) -> Option<usize> {
    if w.len() < 4
        || !w.ends_with('s')
        || w.ends_with("ss")
        || w.ends_with("us")
        || w.ends_with("is")
    {
        return None;
    }
    let base = &w[..w.len() - 1];
    let count_base = |b: &str| count_with(b, Endings::VerbsOnly);
    if !base.ends_with('e') {
        return Some(count_base(base));
    }
    let stem = &base[..base.len() - 1];
    let hissing = ["s", "x", "z", "ch", "sh", "c", "g"]
        .iter()
        .any(|end| stem.ends_with(end));
    Some(count_base(base) + usize::from(hissing))
}

/// Past tenses: "-ed" is a syllable after "t" or "d" ("needed", "wanted")
/// and silent otherwise ("planned", "named"), except where the stem needs
/// its "e" back to keep a syllable ("struggled", "centred", "hundred").
fn past_tense(w: &str) -> Option<usize> {
    let stem = w.strip_suffix("ed")?;
    if w.len() < 4 || !has_vowel(stem) {
        return None;
    }
    let before = stem.as_bytes()[stem.len() - 1];
    if stem.ends_with('e') || matches!(before, b'i' | b'u' | b'o') {
        return Some(count_stem(&w[..w.len() - 1]));
    }
    if before == b'y' {
        return Some(count_stem(stem));
    }
    if matches!(before, b't' | b'd') {
        return Some(count_stem(stem) + 1);
    }
    if ends_with_consonant_then(stem, b'l', LE_CONSONANTS)
        || ends_with_consonant_then(stem, b'r', RE_CONSONANTS)
    {
        return Some(count_stem(&w[..w.len() - 1]));
    }
    Some(count_stem(stem))
}

/// "-ing" is always its own syllable ("being", "going", "trying").
fn present_participle(w: &str) -> Option<usize> {
    let stem = w.strip_suffix("ing")?;
    (w.len() >= 5 && has_vowel(stem)).then(|| count_stem(stem) + 1)
}

/// Suffixes after a silent "e" ("lonely", "statement", "awareness",
/// "careful"): the stem keeps its silent "e" and the suffix adds its own
/// syllables.
const AFTER_SILENT_E: &[(&str, usize)] = &[
    ("lessly", 2),
    ("liness", 2),
    ("fully", 2),
    ("liest", 2),
    ("lier", 2),
    ("ments", 1),
    ("ment", 1),
    ("ness", 1),
    ("less", 1),
    ("some", 1),
    ("ful", 1),
    ("ly", 1),
    ("ty", 1),
];

fn silent_e_suffix(w: &str) -> Option<usize> {
    AFTER_SILENT_E.iter().find_map(|(suffix, n)| {
        let stem = w.strip_suffix(suffix)?;
        let bytes = stem.as_bytes();
        let len = bytes.len();
        let silent = len >= 3
            && bytes[len - 1] == b'e'
            && !is_vowel_letter(bytes[len - 2])
            && bytes[len - 2] != b'y'
            && has_vowel(&stem[..len - 2]);
        silent.then(|| count_word(stem) + n)
    })
}

/// Consonants before which a final "-le" is a syllable ("table", "little").
const LE_CONSONANTS: &[u8] = b"bcdfgkpstvz";
/// Consonants before which a final "-re" is a syllable ("centre", "acre").
const RE_CONSONANTS: &[u8] = b"bcdgkptv";

fn ends_with_consonant_then(stem: &str, last: u8, consonants: &[u8]) -> bool {
    let b = stem.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == last && consonants.contains(&b[b.len() - 2])
}

/// Which letters of the word sound as vowels: "y" does except at the start,
/// between vowels ("yes", "player") or starting the second word of a
/// compound ("backyard"); "u" does not after "q", nor in "gu"
/// before a vowel at the start or after "n" ("guide", "language").
fn vowel_mask(w: &[u8]) -> Vec<bool> {
    let mut mask = vec![false; w.len()];
    for i in 0..w.len() {
        let next_vowel = w.get(i + 1).is_some_and(|&b| is_vowel_letter(b));
        mask[i] = match w[i] {
            b'y' => {
                let prev_vowelish =
                    i > 0 && (mask[i - 1] || (w[i - 1] == b'w' && i > 1 && mask[i - 2]));
                let final_e = i + 2 == w.len() && w[i + 1] == b'e';
                let starts_word = i > 0 && b"bdgkmpt".contains(&w[i - 1]) && !final_e;
                i > 0 && !((prev_vowelish || starts_word) && next_vowel)
            }
            b'u' if i > 0 && w[i - 1] == b'q' => false,
            b'u' if i > 0 && w[i - 1] == b'g' && next_vowel => {
                !(i == 1 || (i > 1 && w[i - 2] == b'n'))
            }
            b => is_vowel_letter(b),
        };
    }
    mask
}

/// Counts vowel groups, splitting groups where two vowels are sounded
/// apart, then applies the word-final rules: silent "e", sounded "-le" and
/// "-re" after a consonant, silent "-gue", and the extra syllable of "-ism"
/// and "rhythm".
fn vowel_groups(word: &[u8]) -> usize {
    let gue = word.len() >= 4
        && word.ends_with(b"gue")
        && (is_vowel_letter(word[word.len() - 4]) || word[word.len() - 4] == b'n');
    let w = if gue { &word[..word.len() - 2] } else { word };
    let mask = vowel_mask(w);
    let mut count = 0;
    let mut i = 0;
    while i < w.len() {
        if mask[i] {
            count += 1;
            let mut j = i + 1;
            while j < w.len() && mask[j] && !hiatus(w, j) {
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    if !gue && count > 1 && silent_final_e(w, &mask) {
        count -= 1;
    }
    if w.ends_with(b"sm") || w.ends_with(b"thm") {
        count += 1;
    }
    count
}

fn silent_final_e(w: &[u8], mask: &[bool]) -> bool {
    let n = w.len();
    if n < 2 || w[n - 1] != b'e' {
        return false;
    }
    if w[n - 2] == b'y' {
        return true;
    }
    if mask[n - 2] {
        return false;
    }
    let sounded_le = w[n - 2] == b'l' && n >= 3 && LE_CONSONANTS.contains(&w[n - 3]);
    let sounded_re = w[n - 2] == b'r' && n >= 3 && RE_CONSONANTS.contains(&w[n - 3]);
    !(sounded_le || sounded_re)
}

/// Whether the vowels at `j - 1` and `j` are sounded apart (two syllables,
/// as in "qui-et", "di-agnosis", "vid-e-o") rather than together ("piece",
/// "mention", "people").
fn hiatus(w: &[u8], j: usize) -> bool {
    let (a, b) = (w[j - 1], w[j]);
    let before = if j >= 2 { Some(w[j - 2]) } else { None };
    let after = &w[j + 1..];
    let vowel_before = |end: usize| w[..end].iter().any(|&c| is_vowel_letter(c) || c == b'y');
    match (a, b) {
        (b'y', _) => true,
        (b'i', b'a') => hiatus_ia(w, j, before, after),
        (b'i', b'o') => hiatus_io(w, j, before, after),
        (b'i', b'u') | (b'u', b'o') | (b'u', b'a') => true,
        (b'i', b'e') => hiatus_ie(w, j, before, after, vowel_before(j - 1)),
        (b'e', b'a') => hiatus_ea(w, j, after, vowel_before(j - 1)),
        (b'e', b'o') => !(before == Some(b'g') && j >= 3 || w[..j - 1].ends_with(b"ch")),
        (b'e', b'u') => after == b"m",
        (b'u', b'e') => matches!(after.first(), Some(b'l' | b'n' | b't')),
        (b'u', b'i') => {
            matches!(after.first(), Some(b'd' | b'n'))
                || after.starts_with(b"ci")
                || after.starts_with(b"ty")
                || after.starts_with(b"ti")
        }
        (b'o', b'e') => matches!(after.first(), Some(b'm' | b't' | b'v')),
        (b'a', b'i') => after == b"c",
        (b'a', b'o') => after.first() != Some(&b'r'),
        _ => false,
    }
}

/// "di-agnosis", "medi-a", "appreci-ate" against "special", "physician",
/// "dementia" and "marriage".
fn hiatus_ia(w: &[u8], j: usize, before: Option<u8>, after: &[u8]) -> bool {
    if after.starts_with(b"ge") {
        return false;
    }
    let soft = matches!(before, Some(b'c' | b't' | b's' | b'g')) || w[..j - 1].ends_with(b"ll");
    if !soft {
        return true;
    }
    match after.first() {
        None | Some(b'n') => false,
        Some(b'l') => after.starts_with(b"lit"),
        _ => !after.starts_with(b"tiv"),
    }
}

/// "cur-i-ous", "ra-di-o", "war-ri-or" against "nation", "anxious",
/// "opinion", "million", "fashion" and "senior".
fn hiatus_io(w: &[u8], j: usize, before: Option<u8>, after: &[u8]) -> bool {
    let head = &w[..j - 1];
    let ion = after.first() == Some(&b'n');
    if ion || after.starts_with(b"us") {
        let soft =
            matches!(before, Some(b't' | b's' | b'c' | b'x' | b'g')) || head.ends_with(b"sh");
        let liquid = ion && (before == Some(b'n') || head.ends_with(b"ll"));
        return !(soft || liquid);
    }
    if after.first() == Some(&b'r') {
        return before != Some(b'n');
    }
    true
}

/// "qui-et", "soci-ety", "cli-ent", "sci-ence", "happi-er" against "piece",
/// "patient", "ancient" and "field".
fn hiatus_ie(w: &[u8], j: usize, before: Option<u8>, after: &[u8], vowel_before: bool) -> bool {
    match after {
        [b't', ..] => true,
        b"st" | b"r" | b"rs" => vowel_before,
        b"n" | b"ns" => vowel_before,
        [b'n', b't' | b'c', ..] => {
            let science = j == 3 && w.starts_with(b"sci");
            science || !matches!(before, Some(b't' | b'c'))
        }
        _ => false,
    }
}

/// "cre-ate", "i-de-a", "re-al-ity", "ar-e-a" against "real", "great",
/// "ocean" and "plea".
fn hiatus_ea(w: &[u8], j: usize, after: &[u8], vowel_before: bool) -> bool {
    let head = &w[..j - 1];
    let create =
        head.ends_with(b"cr") && after.first() == Some(&b't') && after.get(1) != Some(&b'u');
    let idea = j == 3 && w.starts_with(b"ide");
    let reality = head.ends_with(b"r") && after.starts_with(b"li");
    let final_ea = after.is_empty() && vowel_before;
    create || idea || reality || final_ea
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

/// Byte ranges of the words in a text (runs of letters/digits, with inner
/// apostrophes, hyphens and dots in numbers like 1.5 kept inside the word).
///
/// Commas and colons between digits are kept too ("1,000", "9:30"), and so
/// are the dots of initialisms written with stops ("e.g.", "U.K."), so that
/// each of those is one word.
pub fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut ranges = Vec::new();
    each_word(&chars, text.len(), |start, end| ranges.push((start, end)));
    ranges
}

/// [`word_ranges`] over a text already split into characters (with their
/// byte offsets), which ends at byte `end`: each word's range goes to
/// `found`. The sentence splitter and the reading-level tally walk the
/// characters of a block they already have, instead of collecting them
/// again for every sentence (most of their time on a big site).
fn each_word(chars: &[(usize, char)], end: usize, mut found: impl FnMut(usize, usize)) {
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut segment_start = i;
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_alphanumeric() {
                j += 1;
            } else if joins_word(chars, j, segment_start) {
                segment_start = j + 1;
                j += 1;
            } else {
                break;
            }
        }
        found(start, chars.get(j).map_or(end, |&(b, _)| b));
        i = j;
    }
}

/// The characters of `chars` (a whole block's) from byte `start` to byte
/// `end`: exactly the characters of that stretch of the block's text.
fn chars_between(chars: &[(usize, char)], start: usize, end: usize) -> &[(usize, char)] {
    let first = chars.partition_point(|&(b, _)| b < start);
    let last = chars.partition_point(|&(b, _)| b < end);
    &chars[first..last]
}

/// Whether the punctuation at `j` sits inside a word: an apostrophe between
/// letters, a hyphen between letters or digits, a dot, comma or colon
/// between digits, or the dot of a one-letter initial followed by another.
fn joins_word(chars: &[(usize, char)], j: usize, segment_start: usize) -> bool {
    let prev = chars[j - 1].1;
    let Some(&(_, next)) = chars.get(j + 1) else {
        return false;
    };
    let c = chars[j].1;
    if is_apostrophe(c) {
        return prev.is_alphabetic() && next.is_alphabetic();
    }
    if is_hyphen(c) {
        return prev.is_alphanumeric() && next.is_alphanumeric();
    }
    match c {
        '.' | ',' | ':' if prev.is_ascii_digit() && next.is_ascii_digit() => true,
        '.' => {
            let one_letter = j - segment_start == 1 && prev.is_alphabetic();
            let next_is_initial =
                next.is_alphabetic() && chars.get(j + 2).is_some_and(|&(_, c)| c == '.');
            one_letter && next_is_initial
        }
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------

/// A sentence inside one block of text: byte range in that text, and its
/// word count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub words: usize,
}

/// Abbreviations that never end a sentence, because a name, number or
/// example always follows them ("Dr. Patel", "e.g. NHS 111", "approx. 30").
/// Lowercase, stops removed; from `src/text/data/abbreviations.tsv`.
static NEVER_END: LazyLock<HashSet<&str>> = LazyLock::new(|| abbreviations("always"));

/// Abbreviations that do not end a sentence when a number follows
/// ("No. 10", "p. 4", "Tel. 0800"), but may end one otherwise ("No.").
static BEFORE_NUMBER: LazyLock<HashSet<&str>> = LazyLock::new(|| abbreviations("before-a-number"));

/// The abbreviations of one kind in `src/text/data/abbreviations.tsv`.
fn abbreviations(kind: &str) -> HashSet<&'static str> {
    text_data::ABBREVIATIONS
        .pairs()
        .into_iter()
        .filter(|&(_, k)| k == kind)
        .map(|(abbreviation, _)| abbreviation)
        .collect()
}

/// [`sentences_of`] a block on its own.
#[cfg(test)]
pub fn sentences(text: &str) -> Vec<Sentence> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    sentences_of(text, &chars)
}

/// Splits one block (a paragraph, list item, heading or table cell:
/// sentences never span blocks) into sentences.
///
/// A sentence ends at ".", "?", "!" or "…" followed by whitespace or the end
/// of the block; closing quotes and brackets after the mark stay with the
/// sentence. A mark followed by a lowercase word does not end a sentence:
/// it is an abbreviation or a question quoted mid-sentence. Known
/// abbreviations and initials ("J. Smith") do not end one either, and
/// numbers such as "1.5" and "9.30am" never contain a break because no
/// space follows the dot. Stretches with no words are dropped.
///
/// `chars` are the block's characters with their byte offsets.
fn sentences_of(text: &str, chars: &[(usize, char)]) -> Vec<Sentence> {
    let mut found = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if !is_end_mark(chars[i].1) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && is_end_mark(chars[j].1) {
            j += 1;
        }
        while j < chars.len() && is_closer(chars[j].1) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        if j == chars.len() || (chars[j].1.is_whitespace() && ends_sentence(chars, i, j)) {
            push_sentence(text, chars, start, end, &mut found);
            start = end;
        }
        i = j;
    }
    push_sentence(text, chars, start, text.len(), &mut found);
    found
}

fn is_end_mark(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…')
}

/// Closing quotes and brackets, and Markdown emphasis left in the text
/// ("**Plan.** Then"), which belong to the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '’' | '”' | ')' | ']' | '}' | '»' | '›' | '*' | '_'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '‘' | '“' | '(' | '[' | '{' | '«' | '‹' | '—' | '–' | '-' | '*'
    )
}

/// Whether the end marks at `mark..after` (followed by whitespace) end a
/// sentence, judged by the word before them and the word after.
fn ends_sentence(chars: &[(usize, char)], mark: usize, after: usize) -> bool {
    let next = chars[after..]
        .iter()
        .map(|&(_, c)| c)
        .find(|&c| !c.is_whitespace() && !is_opener(c));
    let Some(next) = next else {
        return true;
    };
    if next.is_lowercase() {
        return false;
    }
    let single_stop = chars[mark].1 == '.' && chars.get(mark + 1).is_none_or(|&(_, c)| c != '.');
    if !single_stop {
        return true;
    }
    let word = word_before(chars, mark);
    let key: String = word
        .chars()
        .filter(|&c| c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    if NEVER_END.contains(key.as_str()) {
        return false;
    }
    if next.is_ascii_digit() && BEFORE_NUMBER.contains(key.as_str()) {
        return false;
    }
    !is_initial(chars, mark, &word, next)
}

/// The run of letters, digits and inner stops just before `mark`.
fn word_before(chars: &[(usize, char)], mark: usize) -> String {
    let mut k = mark;
    while k > 0 && (chars[k - 1].1.is_alphanumeric() || chars[k - 1].1 == '.') {
        k -= 1;
    }
    chars[k..mark].iter().map(|&(_, c)| c).collect()
}

/// A single capital before the stop, with a capitalised word after, is an
/// initial ("J. Smith") unless the word before it is lowercase, which marks
/// the letter as a label ("option A. Then").
fn is_initial(chars: &[(usize, char)], mark: usize, word: &str, next: char) -> bool {
    let mut letters = word.chars();
    let (Some(letter), None) = (letters.next(), letters.next()) else {
        return false;
    };
    if !letter.is_uppercase() || !next.is_uppercase() {
        return false;
    }
    let mut k = mark - 1;
    while k > 0 && chars[k - 1].1.is_whitespace() {
        k -= 1;
    }
    let previous = word_before(chars, k);
    !previous.chars().next().is_some_and(char::is_lowercase)
}

/// Trims the stretch `start..end` and keeps it if it has any words.
fn push_sentence(
    text: &str,
    chars: &[(usize, char)],
    start: usize,
    end: usize,
    found: &mut Vec<Sentence>,
) {
    let slice = &text[start..end];
    let trimmed_start = start + (slice.len() - slice.trim_start().len());
    let trimmed_end = start + slice.trim_end().len();
    if trimmed_start >= trimmed_end {
        return;
    }
    let mut words = 0;
    each_word(
        chars_between(chars, trimmed_start, trimmed_end),
        trimmed_end,
        |_, _| words += 1,
    );
    if words > 0 {
        found.push(Sentence {
            start: trimmed_start,
            end: trimmed_end,
            words,
        });
    }
}

// ---------------------------------------------------------------------------
// Scores
// ---------------------------------------------------------------------------

/// The counts behind a page's reading level and the scores built on them.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Metrics {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Words of three or more syllables.
    pub polysyllables: usize,
    pub flesch_reading_ease: f64,
    pub flesch_kincaid_grade: f64,
    pub smog: f64,
    pub average_sentence_words: f64,
    pub longest_sentence_words: usize,
    /// polysyllables / words, 0..1.
    pub polysyllable_share: f64,
}

/// Running totals while a page is measured.
#[derive(Debug, Default)]
struct Tally {
    words: usize,
    sentences: usize,
    syllables: usize,
    polysyllables: usize,
    longest: usize,
}

impl Tally {
    /// Adds one block's sentences, given the block's characters.
    fn add_block(&mut self, text: &str, chars: &[(usize, char)], sentences: &[Sentence]) {
        for sentence in sentences {
            let in_sentence = chars_between(chars, sentence.start, sentence.end);
            each_word(in_sentence, sentence.end, |start, end| {
                let n = syllables(&text[start..end]);
                self.syllables += n;
                self.polysyllables += usize::from(n >= 3);
            });
            self.words += sentence.words;
            self.sentences += 1;
            self.longest = self.longest.max(sentence.words);
        }
    }

    /// The scores; all zeros when there is nothing to measure, so an empty
    /// page never produces NaN.
    fn metrics(&self) -> Metrics {
        if self.words == 0 || self.sentences == 0 {
            return Metrics::default();
        }
        let words = self.words as f64;
        let sentences = self.sentences as f64;
        let per_sentence = words / sentences;
        let per_word = self.syllables as f64 / words;
        Metrics {
            words: self.words,
            sentences: self.sentences,
            syllables: self.syllables,
            polysyllables: self.polysyllables,
            flesch_reading_ease: 206.835 - 1.015 * per_sentence - 84.6 * per_word,
            flesch_kincaid_grade: 0.39 * per_sentence + 11.8 * per_word - 15.59,
            smog: 1.0430 * (self.polysyllables as f64 * 30.0 / sentences).sqrt() + 3.1291,
            average_sentence_words: per_sentence,
            longest_sentence_words: self.longest,
            polysyllable_share: self.polysyllables as f64 / words,
        }
    }
}

/// Measures a page given as its blocks of text.
#[cfg(test)]
pub fn measure<S: AsRef<str>>(blocks: &[S]) -> Metrics {
    split_and_measure(blocks).1
}

/// Each block's sentences, and the page's reading level: the page
/// checks split a page's text once and share it between the reading level
/// and the long-sentence and easy-read rules. Each block's characters are
/// collected once, into one buffer for the whole page, for both.
pub fn split_and_measure<S: AsRef<str>>(blocks: &[S]) -> (Vec<Vec<Sentence>>, Metrics) {
    let mut tally = Tally::default();
    let mut chars: Vec<(usize, char)> = Vec::new();
    let split = blocks
        .iter()
        .map(|block| {
            let text = block.as_ref();
            chars.clear();
            chars.extend(text.char_indices());
            let sentences = sentences_of(text, &chars);
            tally.add_block(text, &chars, &sentences);
            sentences
        })
        .collect();
    (split, tally.metrics())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The syllable test tables, with their sources, are in
    /// `src/text/data/syllables-*.tsv`.
    fn dictionary() -> Vec<(&'static str, usize)> {
        text_data::SYLLABLES_DICTIONARY.counts()
    }

    fn held_out() -> Vec<(&'static str, usize)> {
        text_data::SYLLABLES_HELD_OUT.counts()
    }

    fn core() -> Vec<(&'static str, usize)> {
        text_data::SYLLABLES_CORE.counts()
    }

    fn misses(table: &[(&str, usize)]) -> Vec<String> {
        table
            .iter()
            .filter(|(word, want)| syllables(word) != *want)
            .map(|(word, want)| format!("{word}: want {want}, got {}", syllables(word)))
            .collect()
    }

    #[test]
    fn syllables_match_the_dictionary_on_at_least_95_percent_of_words() {
        let all: Vec<(&str, usize)> = dictionary().into_iter().chain(held_out()).collect();
        let missed = misses(&all);
        for miss in &missed {
            eprintln!("syllable miss: {miss}");
        }
        let exact = all.len() - missed.len();
        eprintln!("syllables exact: {exact} of {} words", all.len());
        assert!(all.len() >= 200);
        assert!(
            exact * 100 >= all.len() * 95,
            "only {exact} of {} exact: {missed:#?}",
            all.len()
        );
    }

    #[test]
    fn syllables_of_core_guidance_words_are_exact() {
        assert!(core().len() >= 60);
        assert_eq!(misses(&core()), Vec::<String>::new());
    }

    #[test]
    fn word_tables_have_no_duplicates() {
        let mut words: Vec<&str> = dictionary()
            .into_iter()
            .chain(held_out())
            .map(|(w, _)| w)
            .collect();
        words.sort_unstable();
        let before = words.len();
        words.dedup();
        assert_eq!(before, words.len());
    }

    #[test]
    fn exceptions_are_sorted_lowercase_and_unique() {
        let exceptions = text_data::SYLLABLE_EXCEPTIONS.counts();
        for pair in exceptions.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{:?} before {:?}", pair[0], pair[1]);
        }
        for (word, n) in &exceptions {
            assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word}");
            assert!(*n > 0, "{word}");
        }
        assert_eq!(EXCEPTIONS.len(), exceptions.len());
    }

    /// `acronym_syllables` only looks up words of 2 to 5 capitals: any
    /// other entry in read-as-words.tsv would never be found.
    #[test]
    fn words_read_as_words_are_short_capitals() {
        for (word, n) in text_data::READ_AS_WORDS.counts() {
            let caps = word.bytes().all(|b| b.is_ascii_uppercase());
            assert!(caps && (2..=5).contains(&word.len()), "{word}");
            assert!(n > 0, "{word}");
        }
    }

    /// A misspelt kind in abbreviations.tsv would drop the abbreviation
    /// without a word.
    #[test]
    fn abbreviations_have_a_known_kind() {
        for (abbreviation, kind) in text_data::ABBREVIATIONS.pairs() {
            assert!(
                matches!(kind, "always" | "before-a-number"),
                "{abbreviation}: {kind}"
            );
            assert!(
                abbreviation.bytes().all(|b| b.is_ascii_lowercase()),
                "{abbreviation}"
            );
        }
        assert_eq!(
            NEVER_END.len() + BEFORE_NUMBER.len(),
            text_data::ABBREVIATIONS.pairs().len()
        );
    }

    #[test]
    fn capitals_are_read_as_initials_unless_spoken_as_words() {
        assert_eq!(syllables("NHS"), 3);
        assert_eq!(syllables("GP"), 2);
        assert_eq!(syllables("GPs"), 2);
        assert_eq!(syllables("GP's"), 2);
        assert_eq!(syllables("CPA"), 3);
        assert_eq!(syllables("IMHA"), 4);
        assert_eq!(syllables("DWP"), 5, "W is double-u");
        assert_eq!(syllables("PALS"), 1);
        assert_eq!(syllables("NICE"), 1);
        assert_eq!(syllables("NOT"), 1);
        assert_eq!(syllables("Nice"), 1, "only capitals are initials");
        assert_eq!(syllables("I"), 1);
        assert_eq!(syllables("e.g"), 2);
        assert_eq!(syllables("U.K"), 2);
    }

    #[test]
    fn numbers_count_one_syllable_a_digit() {
        assert_eq!(syllables("999"), 3);
        assert_eq!(syllables("111"), 3);
        assert_eq!(syllables("7"), 2);
        assert_eq!(syllables("1.5"), 2);
        assert_eq!(syllables("1st"), 1);
        assert_eq!(syllables("9.30am"), 5);
        assert_eq!(syllables("COVID-19"), 4);
    }

    #[test]
    fn odd_words_do_not_panic_or_vanish() {
        assert_eq!(syllables(""), 0);
        assert_eq!(syllables("-"), 0);
        assert_eq!(syllables("hmm"), 1);
        assert_eq!(syllables("Wellbeing"), 3);
        assert_eq!(syllables("PEOPLE"), 2);
        assert_eq!(syllables("don’t"), 1);
        assert_eq!(syllables("café"), 2);
        assert_eq!(syllables("naïve"), 2);
        assert_eq!(syllables("Zoë"), 2);
        assert_eq!(syllables("日本"), 1);
        assert_eq!(syllables("self-help"), 2);
        assert_eq!(syllables("re-open"), 3);
    }

    fn words_of(text: &str) -> Vec<&str> {
        word_ranges(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_number_dots() {
        assert_eq!(
            words_of("It's your co-ordinator's job, isn’t it?"),
            ["It's", "your", "co-ordinator's", "job", "isn’t", "it"]
        );
        assert_eq!(
            words_of("Take 1.5 tablets at 9.30am, or 1,000 mg at 9:30."),
            [
                "Take", "1.5", "tablets", "at", "9.30am", "or", "1,000", "mg", "at", "9:30"
            ]
        );
        assert_eq!(
            words_of("Bring ID, e.g. a passport."),
            ["Bring", "ID", "e.g", "a", "passport"]
        );
        assert_eq!(
            words_of("'Quoted' - and—dashed -5"),
            ["Quoted", "and", "dashed", "5"]
        );
        assert_eq!(words_of("www.nhs.uk"), ["www", "nhs", "uk"]);
        assert_eq!(words_of("Café au lait"), ["Café", "au", "lait"]);
        assert!(words_of("  ... !? ").is_empty());
    }

    fn sentences_of(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn sentences_split_after_stops_questions_and_exclamations() {
        assert_eq!(
            sentences_of("What is an advocate? An advocate helps you speak up! They are free."),
            [
                "What is an advocate?",
                "An advocate helps you speak up!",
                "They are free."
            ]
        );
        assert_eq!(
            sentences(" Call us. Now "),
            [
                Sentence {
                    start: 1,
                    end: 9,
                    words: 2
                },
                Sentence {
                    start: 10,
                    end: 13,
                    words: 1
                },
            ]
        );
    }

    #[test]
    fn sentences_do_not_split_after_abbreviations() {
        assert_eq!(
            sentences_of("Bring a letter, e.g. from your GP. Dr. Patel or Mrs. Khan will see you."),
            [
                "Bring a letter, e.g. from your GP.",
                "Dr. Patel or Mrs. Khan will see you."
            ]
        );
        assert_eq!(
            sentences_of(
                "Take approx. 2 tablets i.e. One each. See No. 10 for more. No. It is not."
            ),
            [
                "Take approx. 2 tablets i.e. One each.",
                "See No. 10 for more.",
                "No.",
                "It is not."
            ]
        );
        assert_eq!(
            sentences_of("Bring bills, letters, etc. and your ID. Bring bills etc. Then wait."),
            [
                "Bring bills, letters, etc. and your ID.",
                "Bring bills etc.",
                "Then wait."
            ]
        );
        assert_eq!(
            sentences_of(
                "Mr. Jones vs. St. Helens went to court. It was in the U.K. Then it ended."
            ),
            [
                "Mr. Jones vs. St. Helens went to court.",
                "It was in the U.K.",
                "Then it ended."
            ]
        );
        assert_eq!(
            sentences_of("Police can use s. 136 of the Act. It lasts 24 hours."),
            ["Police can use s. 136 of the Act.", "It lasts 24 hours."]
        );
    }

    #[test]
    fn sentences_handle_initials_and_labels() {
        assert_eq!(
            sentences_of("J. R. Smith wrote this guide."),
            ["J. R. Smith wrote this guide."]
        );
        assert_eq!(
            sentences_of("You can pick option A. Your nurse will explain."),
            ["You can pick option A.", "Your nurse will explain."]
        );
    }

    #[test]
    fn sentences_do_not_split_inside_numbers_or_times() {
        assert_eq!(
            sentences_of("Take 1.5 tablets at 9.30am. It costs £1,000.50 a year. Call 999."),
            [
                "Take 1.5 tablets at 9.30am.",
                "It costs £1,000.50 a year.",
                "Call 999."
            ]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            sentences_of("She said, \"I feel fine.\" Then she left."),
            ["She said, \"I feel fine.\"", "Then she left."]
        );
        assert_eq!(
            sentences_of("(See the next page.) Then come back. Ask ‘Why?’ Staff must answer."),
            [
                "(See the next page.)",
                "Then come back.",
                "Ask ‘Why?’",
                "Staff must answer."
            ]
        );
        assert_eq!(
            sentences_of("If someone asks \"Are you safe?\" you can say no."),
            ["If someone asks \"Are you safe?\" you can say no."]
        );
    }

    #[test]
    fn sentences_handle_ellipses_and_missing_stops() {
        assert_eq!(
            sentences_of("I felt… lost. Then it passed… Wait... Then call us"),
            [
                "I felt… lost.",
                "Then it passed…",
                "Wait...",
                "Then call us"
            ]
        );
        assert_eq!(sentences_of("What happens next"), ["What happens next"]);
        assert_eq!(sentences_of("Is this right?!"), ["Is this right?!"]);
    }

    #[test]
    fn stretches_without_words_are_dropped() {
        assert!(sentences("").is_empty());
        assert!(sentences("   ").is_empty());
        assert!(sentences("... !! ?").is_empty());
        assert_eq!(sentences_of("Yes. ... No."), ["Yes.", "No."]);
    }

    #[test]
    fn sentence_ranges_are_byte_ranges_in_unicode_text() {
        let text = "Café first. Naïve second.";
        assert_eq!(sentences_of(text), ["Café first.", "Naïve second."]);
        assert_eq!(sentences(text)[1].words, 2);
    }

    /// "Your care plan should be reviewed." 6 words, 7 syllables
    /// (your 1, care 1, plan 1, should 1, be 1, re-viewed 2);
    /// "Ask your care coordinator for a copy." 7 words, 12 syllables
    /// (co-or-di-na-tor 5, co-py 2, five words of 1);
    /// "You have the right to an advocate" 7 words, 9 syllables
    /// (ad-vo-cate 3, six words of 1), in its own block with no stop.
    /// Totals: 20 words, 3 sentences, 28 syllables, 2 polysyllables.
    #[test]
    fn measure_matches_a_hand_worked_passage() {
        let metrics = measure(&[
            "Your care plan should be reviewed. Ask your care coordinator for a copy.",
            "You have the right to an advocate",
        ]);
        assert_eq!(metrics.words, 20);
        assert_eq!(metrics.sentences, 3);
        assert_eq!(metrics.syllables, 28);
        assert_eq!(metrics.polysyllables, 2);
        assert_eq!(metrics.longest_sentence_words, 7);
        let close = |got: f64, want: f64| assert!((got - want).abs() < 0.01, "{got} vs {want}");
        // 20 / 3 = 6.6667 words a sentence; 28 / 20 = 1.4 syllables a word.
        close(metrics.average_sentence_words, 6.6667);
        // 206.835 - 1.015 * 6.6667 - 84.6 * 1.4 = 206.835 - 6.7667 - 118.44
        close(metrics.flesch_reading_ease, 81.6283);
        // 0.39 * 6.6667 + 11.8 * 1.4 - 15.59 = 2.6 + 16.52 - 15.59
        close(metrics.flesch_kincaid_grade, 3.53);
        // 1.0430 * sqrt(2 * 30 / 3) + 3.1291 = 1.0430 * 4.4721 + 3.1291
        close(metrics.smog, 7.7935);
        close(metrics.polysyllable_share, 0.1);
    }

    #[test]
    fn empty_pages_measure_as_zeros_without_nan() {
        let none: [&str; 0] = [];
        assert_eq!(measure(&none), Metrics::default());
        let blank = measure(&["", "   ", "... !!"]);
        assert_eq!(blank, Metrics::default());
        assert_eq!(blank.flesch_reading_ease, 0.0);
        assert!(!blank.smog.is_nan());
        let owned = vec![String::from("Help is here.")];
        assert_eq!(measure(&owned).words, 3);
    }

    #[test]
    fn sentences_never_span_blocks() {
        let joined = measure(&["Call us Ask for help"]);
        let split = measure(&["Call us", "Ask for help"]);
        assert_eq!(joined.sentences, 1);
        assert_eq!(split.sentences, 2);
        assert_eq!(split.longest_sentence_words, 3);
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// The sentence splitter and the tally walk a block's characters
        /// once; they must count what [`word_ranges`] finds in each
        /// sentence on its own.
        #[test]
        fn sentences_and_the_tally_count_the_words_word_ranges_finds(
            text in "[a-zA-Zé0-9 .,:'’!?\"\u{2010}-]{0,80}",
        ) {
            let split = sentences(&text);
            let (mut syllable_total, mut polysyllables) = (0, 0);
            for sentence in &split {
                let body = &text[sentence.start..sentence.end];
                let words = word_ranges(body);
                prop_assert_eq!(sentence.words, words.len());
                for (start, end) in words {
                    let n = syllables(&body[start..end]);
                    syllable_total += n;
                    polysyllables += usize::from(n >= 3);
                }
            }
            let metrics = measure(&[&text]);
            prop_assert_eq!(metrics.syllables, syllable_total);
            prop_assert_eq!(metrics.polysyllables, polysyllables);
        }
    }
}
