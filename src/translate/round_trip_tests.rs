//! The round trip on which import rests: for a page built from every kind
//! of block, any translated texts put in by [`rebuild`] are exactly the
//! texts [`extract`] finds again, in units of the same kinds with the same
//! codes (links, code, pictures, breaks, worksheet markers unchanged).

use proptest::prelude::*;

use super::rebuild::{collapse, rebuild};
use super::units::{Inline, describe, extract};

const BLOCKS: &[&str] = &[
    "## Getting help now",
    "A paragraph with [a link](../help.md#now \"Help\"), *emphasis*, **strong** and `111`.",
    "- First item with **bold**\n- Second item\n  - Nested item",
    "1. Step one\n2. Step two",
    "| Need | Who |\n|---|---|\n| Food | [Me](me.md) |",
    "> [!WARNING]\n> Call 999.\\\n> Or go to A&E.",
    "> A plain quote\n> on two lines.",
    "![A phone](picto:phone)\nCall us.\nWe can help.",
    "![A nurse](nurse.jpg)",
    "Term\n: A definition of it.",
    "Text with a note.[^1]\n\n[^1]: The note says more.",
    "```worksheet\n## Before\nThink first.\nWhere? [lines 3]\nHow? [choose: In person / By phone]\nWhich? [tick]\n- An advocate\nNeed | Who [table 2]\nDate [date]\n```",
    "```\nnot translated\n```",
];

/// A translated text: any characters Markdown might read as syntax, but
/// starting and ending with a letter (emphasis must touch a word: see the
/// README's note on translating emphasis).
fn words() -> impl Strategy<Value = String> {
    "[a-zA-ZâŵŷÂ][a-zA-Z0-9 âŵŷ*_`\\[\\]<>|#&;!:.~{}()=+-]{0,24}[a-zA-Zŵ]"
}

fn first_words() -> impl Strategy<Value = String> {
    prop_oneof![
        words(),
        words().prop_map(|w| format!("1. {w}")),
        words().prop_map(|w| format!("- {w}")),
        words().prop_map(|w| format!("# {w}")),
        words().prop_map(|w| format!("> {w}")),
        words().prop_map(|w| format!("&amp; {w}")),
    ]
}

/// The unit's content with its first text replaced by `first` and each
/// other by the next of `texts`.
fn fill(
    content: &[Inline],
    first: &mut Option<String>,
    texts: &mut impl Iterator<Item = String>,
) -> Vec<Inline> {
    content
        .iter()
        .map(|piece| match piece {
            Inline::Text(_) => Inline::Text(
                first
                    .take()
                    .or_else(|| texts.next())
                    .unwrap_or_else(|| "gair".into()),
            ),
            Inline::Paired(n, inner) => Inline::Paired(*n, fill(inner, first, texts)),
            other => other.clone(),
        })
        .collect()
}

fn normal(content: &[Inline]) -> String {
    collapse(&describe(content)).trim().to_owned()
}

fn config() -> ProptestConfig {
    // `PROPTEST_CASES=5000` for a long campaign, as in tests/testsuite/properties.rs.
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(48);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn translated_texts_come_back_as_they_were_put_in(
        picks in proptest::collection::vec(0..BLOCKS.len(), 1..8),
        easy in any::<bool>(),
        firsts in proptest::collection::vec(first_words(), 64),
        rest in proptest::collection::vec(words(), 64),
    ) {
        let body: String = picks.iter().map(|&i| format!("{}\n\n", BLOCKS[i])).collect();
        let units = extract(&body, easy);
        let mut firsts = firsts.into_iter();
        let mut texts = rest.into_iter().cycle();
        let targets: Vec<Option<Vec<Inline>>> = units
            .iter()
            .map(|u| {
                let mut target = fill(&u.content, &mut firsts.next(), &mut texts);
                if u.kind.is_plain() {
                    // Worksheet text: only what import lets through.
                    let plain = format!("q {}", super::rebuild::plain_text(&target));
                    if super::worksheet_units::problem(u.kind, &collapse(&plain)).is_some() {
                        return None;
                    }
                    target = vec![Inline::Text(plain)];
                }
                Some(target)
            })
            .collect();
        let out = rebuild(&body, &units, &targets);
        let again = extract(&out, easy);
        prop_assert_eq!(again.len(), units.len(), "units of\n{}", out);
        for ((before, after), target) in units.iter().zip(&again).zip(&targets) {
            prop_assert_eq!(before.kind, after.kind, "in\n{}", out);
            prop_assert_eq!(&before.codes, &after.codes, "in\n{}", out);
            let target = target.as_ref().unwrap_or(&before.content);
            prop_assert_eq!(normal(target), normal(&after.content), "in\n{}", out);
        }
    }
}
