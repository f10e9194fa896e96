//! Which word-list matches are words *mentioned* rather than used, or part
//! of a name, so `plain-words` and `respectful-language` leave them alone.
//!
//! Guidance about writing talks about words: "use _buy_ instead of
//! _purchase_", "do not say “committed suicide”". Italics, quotes and code
//! mark such a word (code is never in the prose text at all). A capitalised
//! word inside a sentence is part of a name ("NHS Notify", "the Assist
//! Line"), and a site can list other names in `check.names`.

use crate::render::markdown::ProseBlock;

/// True when the match `start..end` of `block.text` should not be reported.
pub fn is_mention(block: &ProseBlock, start: usize, end: usize, names: &[String]) -> bool {
    let inside = |(from, to): &(usize, usize)| *from <= start && end <= *to;
    block.emphasis.iter().any(inside)
        || quoted_spans(&block.text).iter().any(inside)
        || in_a_name(&block.text, start, end, names)
        || is_capitalised_inside_sentence(block, start)
}

/// Byte ranges inside quotation marks: "…", “…” and ‘…’ (a ’ followed by
/// a letter is an apostrophe, not a closing quote).
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(char, usize)> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let next_is_letter = chars.get(i + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        match (open, c) {
            (None, '"' | '“' | '‘') => open = Some((c, at + c.len_utf8())),
            (Some(('"', from)), '"') | (Some(('“', from)), '”') => {
                spans.push((from, at));
                open = None;
            }
            (Some(('‘', from)), '’') if !next_is_letter => {
                spans.push((from, at));
                open = None;
            }
            _ => {}
        }
    }
    spans
}

/// True when the match lies inside one of the site's `check.names`.
fn in_a_name(text: &str, start: usize, end: usize, names: &[String]) -> bool {
    names.iter().filter(|n| !n.trim().is_empty()).any(|name| {
        text.match_indices(name.as_str())
            .any(|(at, found)| at <= start && end <= at + found.len())
    })
}

/// A match that starts with a capital letter and does not start a sentence,
/// the block (heading, list item, table cell) or a link's text.
fn is_capitalised_inside_sentence(block: &ProseBlock, start: usize) -> bool {
    let starts_upper = block.text[start..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    if !starts_upper || block.link_starts.contains(&start) {
        return false;
    }
    let before =
        block.text[..start].trim_end_matches(|c: char| c.is_whitespace() || "\"“‘'([".contains(c));
    !(before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '•', '-', '–', '—']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> ProseBlock {
        ProseBlock::single(text, 0)
    }

    fn mention(text: &str, word: &str) -> bool {
        let start = text.find(word).unwrap();
        is_mention(
            &block(text),
            start,
            start + word.len(),
            &["Purchase Ledger".to_owned()],
        )
    }

    #[test]
    fn quoted_words_are_mentions() {
        assert!(mention("Do not write \"purchase\" here.", "purchase"));
        assert!(mention(
            "Say “died by suicide”, not “committed suicide”.",
            "committed suicide"
        ));
        assert!(mention("Avoid ‘purchase’ in letters.", "purchase"));
        assert!(!mention(
            "We purchase what the carer’s group needs.",
            "purchase"
        ));
    }

    #[test]
    fn names_are_not_words_to_replace() {
        assert!(mention("Texts come from NHS Notify each week.", "Notify"));
        assert!(!mention("Notify your GP. Then wait.", "Notify"));
        assert!(!mention("Then: Notify your GP.", "Notify"));
        assert!(mention("Ask the Purchase Ledger team.", "Purchase"));
        assert!(!mention("Please notify us.", "notify"));
    }
}
