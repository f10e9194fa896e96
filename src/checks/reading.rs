//! Reading level of each page, from the words a reader reads.
//!
//! Measured on rendered prose (code, contacts and navigation are not part of
//! it): Flesch Reading Ease, Flesch–Kincaid grade, SMOG (used by the NHS),
//! sentence lengths and the share of long words. Long sentences are reported
//! one by one at their own line, because that is where an author can act.

use serde::Serialize;

use super::finding;
use crate::diagnostics::{Diagnostic, LazyLineIndex};
use crate::render::markdown::Rendered;
use crate::site::model::{Page, Site};
use crate::source::config::CheckConfig;
use crate::text::readability::{Metrics, Sentence};

/// One page's measurements, for `check --reading` and `check --json`.
#[derive(Debug, Clone, Serialize)]
pub struct PageReading {
    pub file: String,
    #[serde(flatten)]
    pub metrics: Metrics,
}

/// Measures every page that has prose.
pub fn measure_pages(
    site: &Site,
    rendered: &[Rendered],
    pages: &[super::PageFindings],
) -> Vec<PageReading> {
    site.pages
        .iter()
        .zip(rendered.iter().zip(pages))
        .filter(|(_, (r, _))| r.has_prose)
        .map(|(page, (_, found))| PageReading {
            file: page.file(),
            metrics: found.metrics,
        })
        .collect()
}

pub fn check(
    page: &Page,
    render: &Rendered,
    split: &[Vec<Sentence>],
    metrics: &Metrics,
    config: &CheckConfig,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if render.prose.is_empty() {
        return problems;
    }
    let easy = page.kind == crate::site::model::PageKind::EasyRead;
    let lines = LazyLineIndex::new(&page.text);
    // Easy-read pages have their own, stricter sentence rule.
    for (block, sentences) in render.prose.iter().zip(split).filter(|_| !easy) {
        for sentence in sentences {
            if sentence.words > config.max_sentence_words {
                let (line, column) = lines.position(block.file_offset(sentence.start));
                problems.push(
                    finding(
                        "long-sentence",
                        format!(
                            "this sentence has {} words; keep sentences to {} or fewer",
                            sentence.words, config.max_sentence_words
                        ),
                    )
                    .in_file(page.file())
                    .at_source(&page.text, line, column)
                    .help("split it into two sentences, or cut words that do not help the reader"),
                );
            }
        }
    }
    problems.extend(if easy {
        easy_page_level(page, metrics, &config.easy_read)
    } else {
        page_level(page, metrics, config)
    });
    problems
}

/// Grades of very short pages (a section's two-line introduction) swing
/// wildly on one long word, so pages are graded from this many words up.
pub const MIN_WORDS_FOR_GRADE: usize = 50;

fn page_level(page: &Page, m: &Metrics, config: &CheckConfig) -> Vec<Diagnostic> {
    if m.words < MIN_WORDS_FOR_GRADE {
        return Vec::new();
    }
    // About the whole page: no line is named (line 1 is only `---`).
    let at = |d: Diagnostic| d.in_file(page.file());
    let mut problems = Vec::new();
    if m.flesch_kincaid_grade > config.max_grade {
        problems.push(at(finding(
            "reading-grade",
            format!(
                "this page reads at Flesch–Kincaid grade {:.1}; the target is {} or below",
                m.flesch_kincaid_grade, config.max_grade
            ),
        )
        .help(format!(
            "use shorter sentences (now {:.1} words on average) and shorter words ({:.0}% have three or more syllables)",
            m.average_sentence_words,
            m.polysyllable_share * 100.0
        ))));
    }
    if m.smog > config.max_smog {
        problems.push(at(finding(
            "reading-smog",
            format!(
                "this page has a SMOG grade of {:.1}; the target is {} or below",
                m.smog, config.max_smog
            ),
        )
        .help(
            "replace words of three or more syllables with shorter ones where you can",
        )));
    }
    problems
}

fn easy_page_level(
    page: &Page,
    m: &Metrics,
    config: &crate::source::config::EasyReadConfig,
) -> Vec<Diagnostic> {
    if m.words < MIN_WORDS_FOR_GRADE {
        return Vec::new();
    }
    let over_grade = m.flesch_kincaid_grade > config.max_grade;
    let over_smog = m.smog > config.max_smog;
    if !over_grade && !over_smog {
        return Vec::new();
    }
    vec![
        finding(
            "easy-reading-grade",
            format!(
                "this easy-read page reads at Flesch–Kincaid grade {:.1} and SMOG {:.1}; the targets are {} and {}",
                m.flesch_kincaid_grade, m.smog, config.max_grade, config.max_smog
            ),
        )
        .in_file(page.file())
        .help("use shorter words and shorter sentences"),
    ]
}

/// The `check --reading` table: one row a page, then the whole site.
pub fn table(readings: &[PageReading]) -> String {
    let mut out = String::from(
        "words  sentences  longest  avg  FK grade  SMOG  reading ease  3+ syllables  page\n",
    );
    for r in readings {
        let m = &r.metrics;
        out.push_str(&format!(
            "{:>5}  {:>9}  {:>7}  {:>4.1}  {:>8.1}  {:>4.1}  {:>12.1}  {:>11.0}%  {}\n",
            m.words,
            m.sentences,
            m.longest_sentence_words,
            m.average_sentence_words,
            m.flesch_kincaid_grade,
            m.smog,
            m.flesch_reading_ease,
            m.polysyllable_share * 100.0,
            r.file
        ));
    }
    out
}
