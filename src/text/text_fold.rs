//! Case-insensitive matching on author text, with offsets that lead back to
//! the original.
//!
//! Lower-casing can change a text's length: `İ` becomes `i̇` (two
//! characters, three bytes), `ẞ` becomes `ß`. A byte offset found in the
//! lower-cased copy is therefore not an offset in the original, and slicing
//! the original with it either panics or points at the wrong words. Every
//! case-insensitive search over author text goes through [`Folded`], which
//! remembers for each of its bytes which original character it came from.

use std::ops::Range;

/// How to fold: each step can be turned on on its own.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fold {
    /// Full Unicode lower case (`str::to_lowercase` per character).
    pub lowercase: bool,
    /// Each run of whitespace (line breaks included) becomes one space.
    pub collapse_whitespace: bool,
    /// A curly apostrophe (’) becomes a straight one (').
    pub straight_apostrophes: bool,
}

impl Fold {
    /// Lower case only.
    pub const LOWERCASE: Fold = Fold {
        lowercase: true,
        collapse_whitespace: false,
        straight_apostrophes: false,
    };
    /// Everything: for phrase lists, where a phrase may break across lines.
    pub const PHRASES: Fold = Fold {
        lowercase: true,
        collapse_whitespace: true,
        straight_apostrophes: true,
    };
}

/// A folded copy of a text and the way back to the original.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    /// Original byte offset where the character of each folded byte starts.
    starts: Vec<usize>,
    /// Original byte offset where the character of each folded byte ends.
    ends: Vec<usize>,
    original_len: usize,
}

impl Folded {
    pub fn new(original: &str, fold: Fold) -> Folded {
        let mut folded = Folded {
            text: String::with_capacity(original.len()),
            starts: Vec::with_capacity(original.len()),
            ends: Vec::with_capacity(original.len()),
            original_len: original.len(),
        };
        let mut chars = original.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            let mut end = start + c.len_utf8();
            // Most text is ASCII: one byte in, one byte out, no tables.
            if c.is_ascii() && !(fold.collapse_whitespace && c.is_whitespace()) {
                let c = if fold.lowercase {
                    c.to_ascii_lowercase()
                } else {
                    c
                };
                folded.text.push(c);
                folded.starts.push(start);
                folded.ends.push(end);
                continue;
            }
            if fold.collapse_whitespace && c.is_whitespace() {
                while let Some((next, d)) = chars.next_if(|&(_, d)| d.is_whitespace()) {
                    end = next + d.len_utf8();
                }
                folded.push(' ', start, end);
            } else if fold.straight_apostrophes && c == '\u{2019}' {
                folded.push('\'', start, end);
            } else if fold.lowercase {
                for lower in c.to_lowercase() {
                    folded.push(lower, start, end);
                }
            } else {
                folded.push(c, start, end);
            }
        }
        folded
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.starts.push(start);
            self.ends.push(end);
        }
    }

    /// The original byte range behind `start..end` of the folded text. Always
    /// on character boundaries of the original, whatever the offsets.
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        if range.start >= range.end || range.start >= self.starts.len() {
            let at = self
                .starts
                .get(range.start)
                .copied()
                .unwrap_or(self.original_len);
            return at..at;
        }
        let end = range.end.min(self.ends.len());
        self.starts[range.start]..self.ends[end - 1]
    }

    /// Whether `start..end` of the folded text is a whole word: no letter or
    /// digit just before or after it.
    pub fn is_whole_word(&self, start: usize, end: usize) -> bool {
        let before = self.text.get(..start).and_then(|s| s.chars().next_back());
        let after = self.text.get(end..).and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    }
}

/// Where `needle` (ASCII, such as a tag name) first occurs in `haystack`,
/// ignoring ASCII case, without lower-casing a copy of the haystack.
///
/// It jumps from one occurrence of the needle's first byte to the next
/// (a fast search when that byte is not a letter, as with `</style`), and
/// compares only there: the gates run it over every page's stylesheet.
pub fn find_ascii_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    debug_assert!(needle.is_ascii(), "the needle is ASCII");
    let (bytes, wanted) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = wanted.first() else {
        return Some(0);
    };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut at = 0;
    while at + wanted.len() <= bytes.len() {
        let next = if lower == upper {
            haystack.get(at..)?.find(first as char)
        } else {
            bytes[at..].iter().position(|&b| b == lower || b == upper)
        };
        let start = at + next?;
        if bytes
            .get(start..start + wanted.len())?
            .eq_ignore_ascii_case(wanted)
        {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_lead_back_across_characters_that_grow() {
        let text = "İİ İéé  x";
        let folded = Folded::new(text, Fold::LOWERCASE);
        let at = folded.text.find("éé").expect("found in the folded text");
        let range = folded.original(at..at + "éé".len());
        assert_eq!(&text[range], "éé");
    }

    #[test]
    fn a_match_after_dotted_capital_i_names_the_right_words() {
        let text = "İ care plan here";
        let folded = Folded::new(text, Fold::LOWERCASE);
        let at = folded.text.find("care plan").expect("found");
        assert_eq!(&text[folded.original(at..at + 9)], "care plan");
    }

    #[test]
    fn half_a_folded_character_still_maps_to_whole_characters() {
        let text = "İx";
        let folded = Folded::new(text, Fold::LOWERCASE);
        // "i̇" is 3 bytes; byte 1 is inside the folded combining dot.
        let range = folded.original(1..2);
        assert_eq!(&text[range], "İ");
        assert_eq!(folded.original(10..12), 3..3);
    }

    #[test]
    fn ascii_search_ignores_case_and_keeps_offsets() {
        assert_eq!(find_ascii_ignore_case("é<p></STYLE>", "</style"), Some(5));
        assert_eq!(find_ascii_ignore_case("abc", "</style"), None);
        assert_eq!(find_ascii_ignore_case("</sty</STYLE", "</style"), Some(5));
        assert_eq!(find_ascii_ignore_case("a</styl", "</style"), None);
        assert_eq!(find_ascii_ignore_case("xx<!ENTITY", "<!entity"), Some(2));
        assert_eq!(find_ascii_ignore_case("ab Style", "style"), Some(3));
        assert_eq!(find_ascii_ignore_case("", ""), Some(0));
    }

    #[test]
    fn phrases_fold_whitespace_and_apostrophes() {
        let text = "Don’t\n  WORRY";
        let folded = Folded::new(text, Fold::PHRASES);
        assert_eq!(folded.text, "don't worry");
        assert_eq!(&text[folded.original(6..11)], "WORRY");
    }
}
