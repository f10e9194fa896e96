//! A bound on how deeply a page's Markdown may nest.
//!
//! pulldown-cmark parses any depth without recursion, but the HTML minifier
//! and browsers walk the result recursively: a line of 2,000 `>` once
//! overflowed the stack and aborted the whole build. No real page needs more
//! than a handful of levels (a list inside a quote inside a list), so a page
//! deeper than [`MAX_DEPTH`] is refused with the line where it happens.

use std::ops::Range;

use pulldown_cmark::Event;

use super::Spanned;

/// The most levels of quotes, lists, emphasis and other blocks inside each
/// other that a page may have. Generous: the bundled guide never goes past 6.
pub const MAX_DEPTH: usize = 64;

/// The byte range of the first element that opens a level deeper than
/// [`MAX_DEPTH`], if any.
pub fn first_too_deep(events: &[Spanned]) -> Option<Range<usize>> {
    let mut depth = 0usize;
    for (event, range) in events {
        match event {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(range.clone());
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn events(text: &str) -> Vec<Spanned<'_>> {
        Parser::new_ext(text, super::super::parser_options())
            .into_offset_iter()
            .collect()
    }

    #[test]
    fn ordinary_nesting_passes() {
        assert_eq!(first_too_deep(&events("> - a\n>   - *b **c***\n")), None);
    }

    #[test]
    fn the_first_level_past_the_bound_is_named() {
        let quotes = ">".repeat(MAX_DEPTH + 10) + " x";
        let range = first_too_deep(&events(&quotes)).expect("too deep");
        assert_eq!(
            range.start, MAX_DEPTH,
            "the 65th `>` opens the level past the bound"
        );
    }
}
