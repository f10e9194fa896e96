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
    /// Where each stretch of the folded text comes from, in order. Most
    /// text is ASCII copied byte for byte, so a whole run of it is one
    /// piece: a page's text has a few pieces, not two offsets per byte
    /// (which were most of the cost of the word-list checks).
    pieces: Vec<Piece>,
    original_len: usize,
}

/// A stretch of folded text and where it came from.
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Where the stretch starts in the folded text.
    folded: usize,
    /// Where it starts in the original.
    start: usize,
    /// `None` for ASCII copied byte for byte (each byte is its own
    /// character); otherwise the end in the original of the one character,
    /// or run of whitespace, that every byte of the stretch comes from.
    end: Option<usize>,
}

impl Folded {
    pub fn new(original: &str, fold: Fold) -> Folded {
        let mut folded = Folded {
            text: String::with_capacity(original.len()),
            pieces: Vec::new(),
            original_len: original.len(),
        };
        let mut at = 0;
        while at < original.len() {
            // Most text is ASCII: one byte in, one byte out, no tables, so
            // it is copied a run at a time.
            let run = plain_ascii_run(original, at, fold);
            if run > 0 {
                folded.copied(at);
                let from = folded.text.len();
                folded.text.push_str(&original[at..at + run]);
                if fold.lowercase {
                    folded.text[from..].make_ascii_lowercase();
                }
                at += run;
                continue;
            }
            let Some(c) = original[at..].chars().next() else {
                break;
            };
            let (start, mut end) = (at, at + c.len_utf8());
            if fold.collapse_whitespace && c.is_whitespace() {
                end += whitespace_len(&original[end..]);
                if c.is_ascii() && end == start + 1 {
                    // A lone line break or tab: a space, byte for byte.
                    folded.copied(start);
                    folded.text.push(' ');
                } else {
                    folded.push(' ', start, end);
                }
            } else if fold.straight_apostrophes && c == '\u{2019}' {
                folded.push('\'', start, end);
            } else if fold.lowercase {
                for lower in c.to_lowercase() {
                    folded.push(lower, start, end);
                }
            } else {
                folded.push(c, start, end);
            }
            at = end;
        }
        folded
    }

    /// Notes that the next folded byte is the original's byte at `start`.
    fn copied(&mut self, start: usize) {
        let at = self.text.len();
        let follows = self
            .pieces
            .last()
            .is_some_and(|p| p.end.is_none() && p.start + (at - p.folded) == start);
        if !follows {
            self.pieces.push(Piece {
                folded: at,
                start,
                end: None,
            });
        }
    }

    /// Pushes `c`, which comes from the original's `start..end`.
    fn push(&mut self, c: char, start: usize, end: usize) {
        let at = self.text.len();
        let same = self
            .pieces
            .last()
            .is_some_and(|p| p.end == Some(end) && p.start == start);
        if !same {
            self.pieces.push(Piece {
                folded: at,
                start,
                end: Some(end),
            });
        }
        self.text.push(c);
    }

    /// The original character behind byte `at` of the folded text.
    fn source(&self, at: usize) -> Range<usize> {
        let index = self.pieces.partition_point(|p| p.folded <= at) - 1;
        let piece = self.pieces[index];
        match piece.end {
            None => {
                let start = piece.start + (at - piece.folded);
                start..start + 1
            }
            Some(end) => piece.start..end,
        }
    }

    /// The original byte range behind `start..end` of the folded text. Always
    /// on character boundaries of the original, whatever the offsets.
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        if range.start >= range.end || range.start >= self.text.len() {
            let at = if range.start < self.text.len() {
                self.source(range.start).start
            } else {
                self.original_len
            };
            return at..at;
        }
        let end = range.end.min(self.text.len());
        self.source(range.start).start..self.source(end - 1).end
    }

    /// Whether `start..end` of the folded text is a whole word: no letter or
    /// digit just before or after it.
    pub fn is_whole_word(&self, start: usize, end: usize) -> bool {
        let before = self.text.get(..start).and_then(|s| s.chars().next_back());
        let after = self.text.get(end..).and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    }
}

/// How many bytes from `at` fold to themselves, or to their ASCII lower
/// case: ASCII, and when whitespace is collapsed, no whitespace but single
/// spaces.
fn plain_ascii_run(text: &str, at: usize, fold: Fold) -> usize {
    let bytes = text.as_bytes();
    let mut end = at;
    while let Some(&b) = bytes.get(end) {
        let plain = b.is_ascii()
            && (!fold.collapse_whitespace
                || !(b as char).is_whitespace()
                || (b == b' ' && whitespace_len(&text[end + 1..]) == 0));
        if !plain {
            break;
        }
        end += 1;
    }
    end - at
}

/// The length of the whitespace `text` starts with.
fn whitespace_len(text: &str) -> usize {
    text.len() - text.trim_start_matches(char::is_whitespace).len()
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
    use proptest::prelude::*;

    /// The first way of folding, which kept both offsets for every byte:
    /// the oracle for the pieces.
    fn per_byte(original: &str, fold: Fold) -> (String, Vec<usize>, Vec<usize>) {
        let (mut text, mut starts, mut ends) = (String::new(), Vec::new(), Vec::new());
        let mut push = |c: char, start: usize, end: usize, text: &mut String| {
            text.push(c);
            for _ in 0..c.len_utf8() {
                starts.push(start);
                ends.push(end);
            }
        };
        let mut chars = original.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            let mut end = start + c.len_utf8();
            if fold.collapse_whitespace && c.is_whitespace() {
                while let Some((next, d)) = chars.next_if(|&(_, d)| d.is_whitespace()) {
                    end = next + d.len_utf8();
                }
                push(' ', start, end, &mut text);
            } else if fold.straight_apostrophes && c == '\u{2019}' {
                push('\'', start, end, &mut text);
            } else if fold.lowercase {
                for lower in c.to_lowercase() {
                    push(lower, start, end, &mut text);
                }
            } else {
                push(c, start, end, &mut text);
            }
        }
        (text, starts, ends)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn pieces_lead_back_as_every_byte_did(
            text in "([a-zA-Z ’'\n\t]|İ|ẞ|é|\u{00A0}|\u{3000}|Σ){0,40}",
            lowercase: bool,
            collapse_whitespace: bool,
            straight_apostrophes: bool,
        ) {
            let fold = Fold { lowercase, collapse_whitespace, straight_apostrophes };
            let folded = Folded::new(&text, fold);
            let (expected, starts, ends) = per_byte(&text, fold);
            prop_assert_eq!(&folded.text, &expected);
            for from in 0..=expected.len() + 1 {
                for to in from..=expected.len() + 1 {
                    let want = if from >= to || from >= starts.len() {
                        let at = starts.get(from).copied().unwrap_or(text.len());
                        at..at
                    } else {
                        starts[from]..ends[to.min(ends.len()) - 1]
                    };
                    prop_assert_eq!(folded.original(from..to), want, "{}..{}", from, to);
                }
            }
        }
    }

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
