//! Checks for `*.easy.md` pages, from the UK Easy Read guidance: short
//! sentences with one idea each, a picture beside every idea, no italics or
//! capitals, hard words in bold and explained straight after, numbers as
//! digits, and a printed document of 24 pages at most.

use std::collections::HashSet;

use super::finding;
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::render::markdown::{EasyFacts, ProseBlock, Rendered};
use crate::site::model::{Page, PageKind, Site};
use crate::source::config::EasyReadConfig;
use crate::text::readability::{Sentence, syllables, word_ranges};
use crate::text::text_fold::{Fold, Folded};

/// Numbers written as words; Easy Read uses digits ("3 people").
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
];

/// Words that join two ideas into one sentence.
const JOINING_WORDS: &[&str] = &["and", "but", "or", "so", "because"];
/// Words that almost always start a second idea.
const SECOND_IDEA_WORDS: &[&str] = &["which", "whereas", "although", "unless", "however"];

/// Long words every reader of the guide knows, never flagged as hard.
const FAMILIAR_LONG_WORDS: &[&str] = &[
    "everybody",
    "anybody",
    "information",
    "television",
    "community",
];

/// Phrases that show a sentence explains a word.
const EXPLAINING: &[&str] = &[
    "means",
    "mean ",
    " is ",
    " are ",
    "is when",
    "someone who",
    "people who",
];

/// Millimetres of printable height on an A4 page, and the height of the
/// parts of an easy-read page, for the printed-length estimate.
const A4_PRINTABLE_MM: f64 = 261.0;
const ROW_MIN_MM: f64 = 38.0;
const LINE_MM: f64 = 9.6;
const HEADING_MM: f64 = 16.0;
const WORDS_PER_LINE: f64 = 8.0;

/// Glossary terms and their other forms, in lower case: the hard words.
pub fn hard_terms(site: &Site) -> Vec<String> {
    site.data
        .glossary
        .iter()
        .flat_map(|g| std::iter::once(&g.term).chain(&g.aliases))
        .map(|t| t.to_lowercase())
        .collect()
}

pub fn check(
    page: &Page,
    render: &Rendered,
    split: &[Vec<Sentence>],
    config: &EasyReadConfig,
    hard_terms: &[String],
) -> Vec<Diagnostic> {
    let allowed_capitals: HashSet<&str> =
        config.allowed_capitals.iter().map(String::as_str).collect();
    let mut problems = Vec::new();
    let (PageKind::EasyRead, Some(facts)) = (page.kind, &render.easy) else {
        return problems;
    };
    let mut page_check = PageCheck {
        page,
        lines: LineIndex::new(&page.text),
        problems: &mut problems,
    };
    page_check.layout(facts);
    let all: Vec<(&ProseBlock, Sentence)> = render
        .prose
        .iter()
        .zip(split)
        .flat_map(|(block, sentences)| sentences.iter().map(move |s| (block, *s)))
        .collect();
    let mut explained = HashSet::new();
    for (n, (block, sentence)) in all.iter().enumerate() {
        page_check.sentence_shape(block, sentence, config);
        page_check.word_forms(block, sentence, &allowed_capitals);
        // A heading cannot be followed by its explanation; its words are
        // checked where the body uses them.
        if !block.is_heading {
            let next = all.get(n + 1).map(|(b, s)| &b.text[s.start..s.end]);
            page_check.hard_words_explained(block, sentence, next, hard_terms, &mut explained);
        }
    }
    let estimate = printed_pages(facts, render.headings.len());
    if estimate > config.max_pages {
        page_check.push_line(
            1,
            finding(
                "easy-too-long",
                format!("this page would print on about {estimate:.0} A4 pages; easy read documents should be {} or fewer", config.max_pages),
            )
            .help("split it into two easy-read pages, or cut rows that are not needed"),
        );
    }
    problems
}

struct PageCheck<'a> {
    page: &'a Page,
    lines: LineIndex,
    problems: &'a mut Vec<Diagnostic>,
}

impl PageCheck<'_> {
    fn push(&mut self, file_offset: usize, diagnostic: Diagnostic) {
        let (line, column) = self.lines.position(&self.page.text, file_offset);
        self.problems
            .push(
                diagnostic
                    .in_file(self.page.file())
                    .at_source(&self.page.text, line, column),
            );
    }

    fn push_line(&mut self, line: usize, diagnostic: Diagnostic) {
        self.problems
            .push(
                diagnostic
                    .in_file(self.page.file())
                    .at_source(&self.page.text, line, 1),
            );
    }

    fn layout(&mut self, facts: &EasyFacts) {
        for &line in &facts.rows_without_picture {
            self.push_line(
                line,
                finding("easy-row-without-picture", "this paragraph has no picture").help(
                    "start it with a picture, like ![A meeting](picto:meeting), on its own line",
                ),
            );
        }
        for &(line, column) in &facts.emphasis {
            self.problems.push(
                finding("easy-emphasis", "italic text is hard to read in easy read")
                    .in_file(self.page.file())
                    .at_source(&self.page.text, line, column)
                    .help("use bold for words that matter, and no italics or underlining"),
            );
        }
    }

    /// Whole-sentence rules: at most `max_sentence_words` words, and one
    /// idea. Both are reported at the sentence's start.
    fn sentence_shape(&mut self, block: &ProseBlock, sentence: &Sentence, config: &EasyReadConfig) {
        let text = &block.text[sentence.start..sentence.end];
        let at = block.file_offset(sentence.start);
        if sentence.words > config.max_sentence_words {
            self.push(
                at,
                finding(
                    "easy-long-sentence",
                    format!(
                        "this sentence has {} words; easy read needs {} or fewer",
                        sentence.words, config.max_sentence_words
                    ),
                )
                .help("split it into short sentences, one idea each"),
            );
        }
        if let Some(reason) = more_than_one_idea(text) {
            self.push(
                at,
                finding(
                    "easy-one-idea",
                    format!("this sentence may hold more than one idea ({reason})"),
                )
                .help("put each idea in its own sentence, with its own picture if it needs one"),
            );
        }
    }

    /// How each word of a sentence is written: no block capitals (except
    /// the site's allowed abbreviations) and numbers as digits. Each word is
    /// reported where it is.
    fn word_forms(
        &mut self,
        block: &ProseBlock,
        sentence: &Sentence,
        allowed_capitals: &HashSet<&str>,
    ) {
        let text = &block.text[sentence.start..sentence.end];
        let at = |start: usize| block.file_offset(sentence.start + start);
        for (start, end) in word_ranges(text) {
            let word = &text[start..end];
            if is_block_capitals(word) && !allowed_capitals.contains(word) {
                self.push(
                    at(start),
                    finding("easy-capitals", format!("\"{word}\" is in block capitals"))
                        .help("write it in normal letters: capitals are harder to read. If it is an abbreviation like NHS, add it to check.easy_read.allowed_capitals in site.yaml"),
                );
            }
            if NUMBER_WORDS.contains(&word.to_lowercase().as_str()) {
                self.push(
                    at(start),
                    finding(
                        "easy-number-words",
                        format!("\"{word}\" is a number written as a word"),
                    )
                    .help("write numbers as digits, for example 3 instead of three"),
                );
            }
        }
    }

    /// Hard words (glossary terms and long words) must be in bold and
    /// explained by the `next` sentence, the first time the page uses them:
    /// `explained` holds the words already seen, in lower case.
    fn hard_words_explained(
        &mut self,
        block: &ProseBlock,
        sentence: &Sentence,
        next: Option<&str>,
        hard_terms: &[String],
        explained: &mut HashSet<String>,
    ) {
        let text = &block.text[sentence.start..sentence.end];
        for (start, end, word) in hard_words(text, hard_terms) {
            if !explained.insert(word.to_lowercase()) {
                continue;
            }
            let in_bold = block
                .strong
                .iter()
                .any(|(s, e)| *s <= sentence.start + start && sentence.start + end <= *e);
            let explains = next.is_some_and(|next| {
                let lower = format!(" {} ", next.to_lowercase());
                EXPLAINING.iter().any(|p| lower.contains(p))
            });
            let problem = match (in_bold, explains) {
                (true, true) => continue,
                (false, true) => "is not in bold",
                (true, false) => "is not explained in the next sentence",
                (false, false) => "is not in bold or explained in the next sentence",
            };
            self.push(
                block.file_offset(sentence.start + start),
                finding("easy-hard-word", format!("the hard word \"{word}\" {problem}"))
                    .help("make the word bold, then say what it means in the next sentence: \"A **care plan** is ...\" then \"It says ...\""),
            );
        }
    }
}

/// Why a sentence seems to hold two ideas, if it does.
fn more_than_one_idea(sentence: &str) -> Option<String> {
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(word) = words.iter().find(|w| SECOND_IDEA_WORDS.contains(w)) {
        return Some(format!("\"{word}\""));
    }
    for joiner in JOINING_WORDS {
        if lower.contains(&format!(", {joiner} ")) {
            return Some(format!("\", {joiner}\""));
        }
    }
    let joins = words.iter().filter(|w| JOINING_WORDS.contains(w)).count();
    (joins >= 2).then(|| format!("{joins} joining words"))
}

fn is_block_capitals(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| !c.is_lowercase())
}

/// Glossary terms and long, unusual words in a sentence: (start, end, word).
fn hard_words<'t>(text: &'t str, terms: &[String]) -> Vec<(usize, usize, &'t str)> {
    let folded = Folded::new(text, Fold::LOWERCASE);
    let mut found = Vec::new();
    for term in terms.iter().filter(|t| !t.is_empty()) {
        let mut from = 0;
        while let Some(pos) = folded.text[from..].find(term.as_str()) {
            let start = from + pos;
            let end = start + term.len();
            if folded.is_whole_word(start, end) {
                let original = folded.original(start..end);
                found.push((original.start, original.end, &text[original]));
                break;
            }
            from = end;
        }
    }
    for (start, end) in word_ranges(text) {
        let word = &text[start..end];
        let is_long = !word.chars().any(|c| c.is_ascii_digit())
            && syllables(word) >= 4
            && !FAMILIAR_LONG_WORDS.contains(&word.to_lowercase().as_str());
        if is_long && !found.iter().any(|(s, e, _)| *s <= start && end <= *e) {
            found.push((start, end, word));
        }
    }
    found.sort();
    found
}

/// Estimated printed A4 pages: each row is at least a picture high, each
/// line of large type about 10 mm.
pub fn printed_pages(facts: &EasyFacts, headings: usize) -> f64 {
    let text_mm = |words: usize| (words as f64 / WORDS_PER_LINE).ceil().max(1.0) * LINE_MM;
    let body: f64 = facts
        .blocks
        .iter()
        .map(|&(is_row, words)| if is_row { text_mm(words).max(ROW_MIN_MM) } else { text_mm(words) } + 5.0)
        .sum();
    // Title, "Standard version" link and footer on the first page.
    let total = body + headings as f64 * HEADING_MM + 60.0;
    total / A4_PRINTABLE_MM
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_idea_heuristic() {
        assert!(more_than_one_idea("You can ask for a copy.").is_none());
        assert!(more_than_one_idea("You can bring a friend and a carer.").is_none());
        assert!(more_than_one_idea("You have a plan, and it says what help you get.").is_some());
        assert!(more_than_one_idea("Your worker, who knows you, will help.").is_none());
        assert!(more_than_one_idea("This is the plan which you agreed.").is_some());
        assert!(more_than_one_idea("You can phone and ask, or you can write.").is_some());
    }

    #[test]
    fn capitals_and_numbers() {
        assert!(is_block_capitals("IMPORTANT"));
        assert!(is_block_capitals("NHS"));
        assert!(!is_block_capitals("Important"));
        assert!(!is_block_capitals("I"));
        assert!(!is_block_capitals("999"));
    }

    #[test]
    fn printed_length_grows_with_rows() {
        let short = EasyFacts {
            rows: 2,
            blocks: vec![(true, 10), (true, 12)],
            ..Default::default()
        };
        assert!(printed_pages(&short, 0) < 1.0);
        let long = EasyFacts {
            rows: 200,
            blocks: vec![(true, 10); 200],
            ..Default::default()
        };
        assert!(printed_pages(&long, 0) > 24.0);
    }
}
