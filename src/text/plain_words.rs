//! Plainer alternatives to complex words, and respectful alternatives to
//! words that stigmatise people with mental health problems.
//!
//! Guidance only helps if the person reading it understands it and does
//! not feel judged by it. This module owns the two default word lists (in
//! the spirit of the NHS content style guide and the Plain English
//! Campaign's A to Z of alternative words) and the matcher that finds their
//! phrases in text, so a check can point an author at "in order to" or
//! "committed suicide" and say what to write instead. The lists leave out
//! words that guidance about care has to use, such as "assessment",
//! "advocate" and "appointment", so that every suggestion is worth acting on.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::text::data as text_data;
use crate::text::text_fold::{Fold, Folded};

/// A phrase an author should replace, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub phrase: String,
    pub instead: String,
}

/// The default plain-English list: complex word or phrase -> plain
/// alternative, from `src/text/data/plain-words.tsv`. Inflected forms are
/// listed one by one, because matching is on whole words and each form
/// needs its own alternative.
pub static DEFAULT_PLAIN_WORDS: LazyLock<Vec<(&str, &str)>> =
    LazyLock::new(|| text_data::PLAIN_WORDS.pairs());

/// Words that stigmatise people with mental health problems -> respectful
/// alternatives, from `src/text/data/respectful-words.tsv`. Phrases are
/// specific enough not to catch clinical terms used correctly:
/// "psychosis", "manic episode" and "victim of crime" are left alone, while
/// "victim of mental illness" is not.
pub static DEFAULT_RESPECTFUL_WORDS: LazyLock<Vec<(&str, &str)>> =
    LazyLock::new(|| text_data::RESPECTFUL_WORDS.pairs());

/// Finds phrases (case-insensitive, whole words only, longest match first,
/// each occurrence) in `text`.
///
/// Runs of whitespace in the text match a single space in a phrase, so a
/// phrase broken across lines is still found, and a curly apostrophe
/// matches a straight one.
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    suggestions: Vec<Suggestion>,
    /// For each pattern in the automaton, the index of its pair.
    pair_of_pattern: Vec<usize>,
    /// `None` when there are no phrases to look for.
    automaton: Option<AhoCorasick>,
}

impl PhraseMatcher {
    /// Builds a matcher from (phrase, alternative) pairs. Pairs keep their
    /// order, so an index from [`PhraseMatcher::find`] names the pair given.
    /// A pair whose phrase is blank is kept but never matches.
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> PhraseMatcher {
        let suggestions: Vec<Suggestion> = pairs
            .into_iter()
            .map(|(phrase, instead)| Suggestion { phrase, instead })
            .collect();
        let mut patterns = Vec::new();
        let mut pair_of_pattern = Vec::new();
        for (index, suggestion) in suggestions.iter().enumerate() {
            let pattern = Folded::new(&suggestion.phrase, Fold::PHRASES).text;
            let pattern = pattern.trim();
            if !pattern.is_empty() {
                patterns.push(pattern.to_string());
                pair_of_pattern.push(index);
            }
        }
        PhraseMatcher {
            suggestions,
            pair_of_pattern,
            automaton: build_automaton(&patterns),
        }
    }

    /// A matcher for one of the default lists (the tests build them so).
    #[cfg(test)]
    pub fn from_defaults(list: &[(&str, &str)]) -> PhraseMatcher {
        PhraseMatcher::new(
            list.iter()
                .map(|(phrase, instead)| (phrase.to_string(), instead.to_string())),
        )
    }

    /// (byte start, byte end, index of the pair) for every occurrence.
    ///
    /// Where phrases overlap, the leftmost wins, and of those starting at
    /// the same place the longest ("subsequent to" over "subsequent"). A
    /// match needs no letter or digit just before or after it, so "assist"
    /// is not found in "assistant"; hyphens and apostrophes are not
    /// letters, so "utilised" is found in "re-utilised".
    #[cfg(test)]
    pub fn find(&self, text: &str) -> Vec<(usize, usize, usize)> {
        self.find_in(&Self::fold(text))
    }

    /// `text` folded as [`PhraseMatcher::find_in`] reads it: fold a block
    /// once and look in it for every list.
    pub fn fold(text: &str) -> Folded {
        Folded::new(text, Fold::PHRASES)
    }

    /// [`PhraseMatcher::find`], in text already folded by [`PhraseMatcher::fold`].
    pub fn find_in(&self, normal: &Folded) -> Vec<(usize, usize, usize)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let Ok(matches) = automaton.try_find_overlapping_iter(normal.text.as_str()) else {
            return Vec::new();
        };
        let mut candidates: Vec<(usize, usize, usize)> = matches
            .filter(|m| normal.is_whole_word(m.start(), m.end()))
            .map(|m| {
                (
                    m.start(),
                    m.end(),
                    self.pair_of_pattern[m.pattern().as_usize()],
                )
            })
            .collect();
        candidates.sort_by_key(|&(start, end, index)| (start, std::cmp::Reverse(end), index));
        let mut found = Vec::new();
        let mut taken_until = 0;
        for (start, end, index) in candidates {
            if start >= taken_until {
                let original = normal.original(start..end);
                found.push((original.start, original.end, index));
                taken_until = end;
            }
        }
        found
    }

    /// The pair at `index`, as returned by [`PhraseMatcher::find`].
    ///
    /// # Panics
    ///
    /// If `index` is not the index of a pair given to [`PhraseMatcher::new`].
    pub fn suggestion(&self, index: usize) -> &Suggestion {
        &self.suggestions[index]
    }
}

/// An ASCII case-insensitive automaton reporting every match, overlaps
/// included, so that [`PhraseMatcher::find`] can choose among them after
/// checking word boundaries: a leftmost-longest search would hide a whole
/// word behind a longer match that fails the boundary check.
fn build_automaton(patterns: &[String]) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    // Patterns and text are both folded to lower case, so the automaton
    // need not ignore case; a DFA is the fastest to run over every block.
    // (A list too big for a DFA gets the kind the crate picks.)
    let mut builder = AhoCorasick::builder();
    builder.match_kind(MatchKind::Standard);
    builder
        .clone()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(patterns)
        .or_else(|_| builder.build(patterns))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(pairs: &[(&str, &str)]) -> PhraseMatcher {
        PhraseMatcher::from_defaults(pairs)
    }

    fn found<'t>(m: &PhraseMatcher, text: &'t str) -> Vec<(&'t str, String)> {
        m.find(text)
            .into_iter()
            .map(|(start, end, index)| (&text[start..end], m.suggestion(index).phrase.clone()))
            .collect()
    }

    #[test]
    fn matching_ignores_case() {
        let m = matcher(&[("in order to", "to"), ("utilise", "use")]);
        assert_eq!(
            found(&m, "In order to help, UTILISE this. IN ORDER TO"),
            [
                ("In order to", "in order to".to_string()),
                ("UTILISE", "utilise".to_string()),
                ("IN ORDER TO", "in order to".to_string()),
            ]
        );
    }

    #[test]
    fn matching_is_whole_word_only() {
        let m = matcher(&[("utilised", "used"), ("assist", "help"), ("thus", "so")]);
        assert!(
            m.find("It was reutilised by the assistant, enthusiastically.")
                .is_empty()
        );
        assert!(m.find("utilised2 and 3assist").is_empty());
        assert_eq!(m.find("We utilised it.").len(), 1);
        // Hyphens and apostrophes are not letters: these are whole words.
        assert_eq!(found(&m, "re-utilised")[0].0, "utilised");
        assert_eq!(found(&m, "'assist'")[0].0, "assist");
    }

    #[test]
    fn a_failed_boundary_does_not_hide_a_later_whole_word() {
        let m = matcher(&[("in order to", "to"), ("order to", "to")]);
        assert_eq!(
            found(&m, "Within order to"),
            [("order to", "order to".to_string())]
        );
    }

    #[test]
    fn longest_match_wins() {
        let m = matcher(&[
            ("subsequent", "later"),
            ("subsequent to", "after"),
            ("lunatic", "x"),
            ("lunatic asylum", "psychiatric hospital"),
        ]);
        assert_eq!(
            found(
                &m,
                "Subsequent to that, a subsequent visit to the lunatic asylum."
            ),
            [
                ("Subsequent to", "subsequent to".to_string()),
                ("subsequent", "subsequent".to_string()),
                ("lunatic asylum", "lunatic asylum".to_string()),
            ]
        );
    }

    #[test]
    fn every_occurrence_is_found_with_byte_ranges() {
        let m = matcher(&[("whilst", "while")]);
        let text = "Café whilst waiting, whilst resting; Whilst.";
        let ranges = m.find(text);
        assert_eq!(ranges.len(), 3);
        assert_eq!(ranges[0], (6, 12, 0));
        for (start, end, _) in ranges {
            assert!(text[start..end].eq_ignore_ascii_case("whilst"));
        }
    }

    #[test]
    fn phrases_match_across_line_breaks_and_curly_apostrophes() {
        let m = matcher(&[("in order\tto", "to"), ("don't know", "x")]);
        let text = "We did this in  order\n  to help. I don’t know.";
        assert_eq!(
            found(&m, text),
            [
                ("in  order\n  to", "in order\tto".to_string()),
                ("don’t know", "don't know".to_string()),
            ]
        );
    }

    #[test]
    fn blank_phrases_never_match_and_keep_indexes() {
        let m = PhraseMatcher::new(vec![
            (" ".to_string(), "nothing".to_string()),
            ("obtain".to_string(), "get".to_string()),
        ]);
        assert_eq!(m.find("obtain it"), [(0, 6, 1)]);
        assert_eq!(m.suggestion(1).instead, "get");
        assert!(PhraseMatcher::new(Vec::new()).find("anything").is_empty());
    }

    fn check_list(list: &[(&str, &str)], minimum: usize) {
        assert!(list.len() >= minimum, "{} entries", list.len());
        let mut phrases: Vec<String> = Vec::new();
        for (phrase, instead) in list {
            assert!(!phrase.trim().is_empty(), "empty phrase for {instead:?}");
            assert!(
                !instead.trim().is_empty(),
                "empty alternative for {phrase:?}"
            );
            assert_eq!(phrase.trim(), *phrase);
            phrases.push(phrase.to_lowercase());
        }
        let count = phrases.len();
        phrases.sort();
        phrases.dedup();
        assert_eq!(phrases.len(), count, "duplicate phrase");
    }

    #[test]
    fn default_lists_are_complete_and_unique() {
        check_list(&DEFAULT_PLAIN_WORDS, 80);
        check_list(&DEFAULT_RESPECTFUL_WORDS, 15);
        let both: Vec<(&str, &str)> = DEFAULT_PLAIN_WORDS
            .iter()
            .chain(DEFAULT_RESPECTFUL_WORDS.iter())
            .copied()
            .collect();
        check_list(&both, 95);
    }

    #[test]
    fn words_guidance_needs_are_not_flagged() {
        let m = PhraseMatcher::from_defaults(&DEFAULT_PLAIN_WORDS);
        let text = "Your advocate can provide information about the assessment, the \
                    service and your appointment. However, an Independent Mental Health \
                    Advocate supports each individual, therefore ask.";
        assert_eq!(found(&m, text), []);
    }

    #[test]
    fn defaults_find_the_usual_suspects() {
        let m = PhraseMatcher::from_defaults(&DEFAULT_PLAIN_WORDS);
        let text = "Prior to the meeting, staff will endeavour to facilitate a review in order to \
                    ascertain needs, whilst utilising approximately 10 minutes.";
        let phrases: Vec<String> = found(&m, text).into_iter().map(|(_, p)| p).collect();
        assert_eq!(
            phrases,
            [
                "prior to",
                "endeavour",
                "facilitate",
                "in order to",
                "ascertain",
                "whilst",
                "utilising",
                "approximately"
            ]
        );
    }

    #[test]
    fn respectful_list_leaves_clinical_terms_alone() {
        let m = PhraseMatcher::from_defaults(&DEFAULT_RESPECTFUL_WORDS);
        let clinical = "Psychosis can cause a psychotic episode. Schizophrenia and a manic \
                        episode are treatable. She was the victim of a crime. Disabled people \
                        have rights. Mental health hospitals and psychiatrists help. \
                        Self-harm is not attention.";
        assert_eq!(found(&m, clinical), []);
        let stigmatising = "He committed suicide. The mentally ill suffer from stigma. \
                            She is wheelchair-bound and called a psycho.";
        let phrases: Vec<String> = found(&m, stigmatising)
            .into_iter()
            .map(|(_, p)| p)
            .collect();
        assert_eq!(
            phrases,
            [
                "committed suicide",
                "the mentally ill",
                "suffer from",
                "wheelchair-bound",
                "psycho"
            ]
        );
    }
}
