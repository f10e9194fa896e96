//! Plain words and respectful language, each hit reported at its line with
//! the suggested alternative.

use super::finding;
use crate::diagnostics::{Diagnostic, LazyLineIndex};
use crate::render::markdown::Rendered;
use crate::site::model::Page;
use crate::source::config::CheckConfig;
use crate::text::plain_words::{DEFAULT_PLAIN_WORDS, DEFAULT_RESPECTFUL_WORDS, PhraseMatcher};

/// The two word lists a site uses, built once per check.
pub struct Lists {
    plain: PhraseMatcher,
    respectful: PhraseMatcher,
    /// `check.names`: names the lists leave alone.
    names: Vec<String>,
}

impl Lists {
    pub fn new(config: &CheckConfig) -> Lists {
        lists(config)
    }
}

fn lists(config: &CheckConfig) -> Lists {
    let combine = |defaults: &[(&str, &str)],
                   use_defaults: bool,
                   extra: &std::collections::BTreeMap<String, String>| {
        let mut pairs: Vec<(String, String)> = Vec::new();
        if use_defaults {
            pairs.extend(
                defaults
                    .iter()
                    .map(|(a, b)| ((*a).to_owned(), (*b).to_owned())),
            );
        }
        pairs.extend(extra.iter().map(|(a, b)| (a.clone(), b.clone())));
        PhraseMatcher::new(pairs)
    };
    Lists {
        plain: combine(
            &DEFAULT_PLAIN_WORDS,
            config.default_plain_words,
            &config.plain_words,
        ),
        respectful: combine(
            &DEFAULT_RESPECTFUL_WORDS,
            config.default_respectful_words,
            &config.respectful_words,
        ),
        names: config.names.clone(),
    }
}

pub fn check(page: &Page, render: &Rendered, lists: &Lists) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let lines = LazyLineIndex::new(&page.text);
    for block in &render.prose {
        // Folded once for both lists.
        let folded = crate::text::plain_words::PhraseMatcher::fold(&block.text);
        for (matcher, rule, verb) in [
            (&lists.plain, "plain-words", "has a plainer alternative"),
            (
                &lists.respectful,
                "respectful-language",
                "can hurt or stigmatise readers",
            ),
        ] {
            for (start, end, index) in matcher.find_in(&folded) {
                if super::mentions::is_mention(block, start, end, &lists.names) {
                    continue;
                }
                let suggestion = matcher.suggestion(index);
                let (line, column) = lines.position(block.file_offset(start));
                problems.push(
                    finding(rule, format!("\"{}\" {verb}", &block.text[start..end]))
                        .in_file(page.file())
                        .at_source(&page.text, line, column)
                        .help(instead(&suggestion.instead)),
                );
            }
        }
    }
    problems
}
/// The help for a word with alternatives. The lists write a second
/// choice as `A, or 'B'`; readers see `write "A" or "B" instead`.
fn instead(alternatives: &str) -> String {
    let choices: Vec<String> = alternatives
        .split(", or ")
        .map(|choice| format!("\"{}\"", choice.trim().trim_matches('\'')))
        .collect();
    format!("write {} instead", choices.join(" or "))
}

#[cfg(test)]
mod tests {
    use super::instead;

    #[test]
    fn second_choices_read_as_choices() {
        assert_eq!(
            instead("lives with, or 'has'"),
            "write \"lives with\" or \"has\" instead"
        );
        assert_eq!(instead("use"), "write \"use\" instead");
    }
}
