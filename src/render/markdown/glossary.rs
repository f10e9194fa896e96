//! Links the first use of each glossary term on a page to its plain meaning.
//!
//! Only the first use is linked, so a page is not a sea of links, and never
//! inside headings, links, images or code. Longer terms win over shorter
//! ones they contain ("Enhanced CPA" before "CPA").

use aho_corasick::{AhoCorasick, MatchKind};
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::{PageState, Spanned};
use crate::site::model::Site;

/// Finds glossary terms in text. Built once per build.
#[derive(Clone)]
pub struct GlossaryMatcher {
    automaton: AhoCorasick,
    /// Pattern index -> (entry index, anchor id).
    patterns: Vec<(usize, String)>,
    /// Output folder of the glossary page.
    page_dir: String,
    page_idx: usize,
}

impl GlossaryMatcher {
    /// `None` when the site has no glossary page (`template: glossary`) or no terms.
    pub fn new(site: &Site) -> Option<Self> {
        let page_idx = site.page_with_template("glossary")?;
        let mut words = Vec::new();
        let mut patterns = Vec::new();
        for (n, entry) in site.data.glossary.iter().enumerate() {
            for word in std::iter::once(&entry.term).chain(&entry.aliases) {
                if !word.trim().is_empty() {
                    words.push(word.trim().to_owned());
                    patterns.push((n, entry.anchor()));
                }
            }
        }
        if words.is_empty() {
            return None;
        }
        // A DFA, the fastest to run over every page's text, unless the
        // glossary is too big for one.
        let mut builder = AhoCorasick::builder();
        builder
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest);
        let automaton = builder
            .clone()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&words)
            .or_else(|_| builder.build(&words))
            .ok()?;
        Some(GlossaryMatcher {
            automaton,
            patterns,
            page_dir: site.pages[page_idx].dir.clone(),
            page_idx,
        })
    }
}

pub fn link_first_uses<'a>(events: Vec<Spanned<'a>>, state: &mut PageState) -> Vec<Spanned<'a>> {
    let Some(matcher) = state.ctx.glossary.as_ref() else {
        return events;
    };
    if state.idx == matcher.page_idx {
        return events;
    }
    let base = match &state.ctx.booklet {
        Some(booklet) if booklet.glossary_inside => "#glossary".to_owned(),
        _ => state.relative_url(&matcher.page_dir, state.ctx.pretty_urls),
    };
    let mut linked = vec![false; state.ctx.site.data.glossary.len()];
    let mut blocked_depth = 0usize;
    let mut out = Vec::with_capacity(events.len());
    // Text events in a row, joined: a term can span them ("care" "plan").
    let mut pending: Option<(CowStr<'a>, std::ops::Range<usize>)> = None;

    for (event, range) in events {
        if let Event::Text(text) = event {
            if blocked_depth > 0 {
                out.push((Event::Text(text), range));
                continue;
            }
            pending = Some(match pending.take() {
                Some((joined, r)) => (CowStr::from(format!("{joined}{text}")), r.start..range.end),
                None => (text, range),
            });
            continue;
        }
        if let Some((text, r)) = pending.take() {
            split_text(text, r, matcher, &base, &mut linked, &mut out);
        }
        match &event {
            Event::Start(
                Tag::Link { .. } | Tag::Image { .. } | Tag::Heading { .. } | Tag::CodeBlock(_),
            ) => {
                blocked_depth += 1;
            }
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::Heading(_) | TagEnd::CodeBlock) => {
                blocked_depth = blocked_depth.saturating_sub(1);
            }
            _ => {}
        }
        out.push((event, range));
    }
    if let Some((text, r)) = pending.take() {
        split_text(text, r, matcher, &base, &mut linked, &mut out);
    }
    out
}

/// Pushes `text` with its first uses of terms made links. Text with no
/// term to link goes out as it came (most text: nothing is copied); a
/// piece of Markdown's own text is borrowed, not copied.
fn split_text<'a>(
    text: CowStr<'a>,
    range: std::ops::Range<usize>,
    matcher: &GlossaryMatcher,
    base: &str,
    linked: &mut [bool],
    out: &mut Vec<Spanned<'a>>,
) {
    let uses: Vec<(usize, usize, &str)> = matcher
        .automaton
        .find_iter(text.as_ref())
        .filter_map(|found| {
            let (entry, anchor) = &matcher.patterns[found.pattern().as_usize()];
            if linked[*entry] || !at_word_boundaries(&text, found.start(), found.end()) {
                return None;
            }
            linked[*entry] = true;
            Some((found.start(), found.end(), anchor.as_str()))
        })
        .collect();
    if uses.is_empty() {
        out.push((Event::Text(text), range));
        return;
    }
    let piece = |from: usize, to: usize| -> CowStr<'a> {
        match &text {
            CowStr::Borrowed(borrowed) => CowStr::Borrowed(&borrowed[from..to]),
            other => CowStr::from(other[from..to].to_owned()),
        }
    };
    let mut cursor = 0;
    for (start, end, anchor) in uses {
        if start > cursor {
            out.push((Event::Text(piece(cursor, start)), range.clone()));
        }
        out.push((
            Event::Html(
                format!(
                    "<a class=\"glossary-link\" href=\"{base}{sep}{anchor}\">",
                    sep = if base.starts_with('#') { "--" } else { "#" }
                )
                .into(),
            ),
            range.clone(),
        ));
        out.push((Event::Text(piece(start, end)), range.clone()));
        out.push((Event::Html("</a>".into()), range.clone()));
        cursor = end;
    }
    if cursor < text.len() {
        out.push((Event::Text(piece(cursor, text.len())), range));
    }
}

fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}
