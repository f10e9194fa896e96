//! Left-to-right runs in right-to-left prose, isolated.
//!
//! In Arabic or Urdu text, a phone number written "116 123" shows as
//! "123 116" (the space between two numbers takes the paragraph's
//! direction), and the full stop after "NHS 111." jumps to the wrong end.
//! Each run of Latin letters and digits, with the spaces and punctuation
//! between them ("NHS 111", "0300-123-3393", "jo@samaritans.org",
//! "https://111.nhs.uk/"), is wrapped in `<bdi dir="ltr">`: `bdi` isolates
//! it from the text around it even where a browser's stylesheet does not
//! isolate `[dir]` spans, and `dir="ltr"` says outright which way it runs,
//! which matters for a run of digits and spaces alone, which has no letter
//! for `bdi`'s own guess to go by. Punctuation before and after a run stays
//! outside it, so it takes the sentence's direction. In a run of digits
//! alone the spaces become no-break spaces: a phone number split over two
//! lines of right-to-left text reads as two numbers in the wrong order.
//!
//! Only text events are touched: never code (inline or block), an image's
//! alt text (it becomes an attribute), or a link's address. A lone number
//! ("999") is left alone: it already shows the right way round. Left to
//! right pages are never passed here, so their bytes do not change.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::Spanned;

const OPEN: &str = "<bdi dir=\"ltr\">";
const CLOSE: &str = "</bdi>";

/// The events of a right-to-left page with each left-to-right run of its
/// prose isolated.
pub fn isolate_ltr_runs(events: Vec<Spanned<'_>>) -> Vec<Spanned<'_>> {
    let mut out = Vec::with_capacity(events.len());
    // Depth inside code blocks, images and metadata, whose text is not prose.
    let mut opaque = 0usize;
    for (event, range) in events {
        match &event {
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_)) => {
                opaque += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_)) => {
                opaque = opaque.saturating_sub(1);
            }
            Event::Text(text) if opaque == 0 => {
                let runs = ltr_runs(text);
                if !runs.is_empty() {
                    split(text, &runs, &range, &mut out);
                    continue;
                }
            }
            _ => {}
        }
        out.push((event, range));
    }
    out
}

/// `text` as text events with each run between an opening and a closing
/// `bdi`; pulldown-cmark escapes the text parts as it always does.
fn split<'a>(text: &str, runs: &[Range<usize>], range: &Range<usize>, out: &mut Vec<Spanned<'a>>) {
    let mut at = 0;
    for run in runs {
        if run.start > at {
            out.push((
                Event::Text(text[at..run.start].to_owned().into()),
                range.clone(),
            ));
        }
        out.push((Event::InlineHtml(OPEN.into()), range.clone()));
        out.push((
            Event::Text(unbroken(&text[run.clone()]).into()),
            range.clone(),
        ));
        out.push((Event::InlineHtml(CLOSE.into()), range.clone()));
        at = run.end;
    }
    if at < text.len() {
        out.push((Event::Text(text[at..].to_owned().into()), range.clone()));
    }
}

/// A run of digits alone ("116 123") with no-break spaces, so a phone
/// number is never split over two lines; runs with words wrap as before.
fn unbroken(run: &str) -> String {
    if run.chars().any(char::is_alphabetic) {
        run.to_owned()
    } else {
        run.replace(' ', "\u{00A0}")
    }
}

/// A character that runs left to right: a Latin letter or a European digit.
fn is_ltr(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c.is_alphabetic()
            && matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
            && c != '\u{00D7}'
            && c != '\u{00F7}')
}

/// Punctuation and spaces that join left-to-right characters into one run
/// when another left-to-right character follows.
fn joins(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{00A0}'
            | '-'
            | '\u{2010}'
            | '\u{2013}'
            | '.'
            | ','
            | '/'
            | ':'
            | '@'
            | '+'
            | '('
            | ')'
            | '['
            | ']'
            | '_'
            | '&'
            | '\''
            | '\u{2019}'
            | '%'
            | '#'
            | '='
            | '?'
            | '~'
    )
}

/// Byte ranges of the runs of `text` to isolate: from a left-to-right
/// character to the last one before anything else, through joining
/// punctuation; with a closing bracket the run opened, and a trailing `/`
/// of an address. A run of one number alone is not isolated.
pub fn ltr_runs(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_ltr(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        let mut last = i;
        let mut j = i + 1;
        while j < chars.len() && (is_ltr(chars[j].1) || joins(chars[j].1)) {
            if is_ltr(chars[j].1) {
                last = j;
            }
            j += 1;
        }
        let mut end = last + 1;
        let inside: String = chars[start..end].iter().map(|(_, c)| c).collect();
        let opened = inside.matches('(').count() > inside.matches(')').count();
        if end < chars.len() && (chars[end].1 == '/' || (opened && chars[end].1 == ')')) {
            end += 1;
        }
        let byte_end = chars.get(end).map_or(text.len(), |(b, _)| *b);
        let run = chars[start].0..byte_end;
        if worth_isolating(&text[run.clone()]) {
            runs.push(run);
        }
        i = end;
    }
    runs
}

/// A run with a Latin letter, or digits with anything between them
/// ("116 123", "9:30"); not a number on its own, which shows as written.
fn worth_isolating(run: &str) -> bool {
    run.chars().any(|c| c.is_alphabetic()) || !run.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::{isolate_ltr_runs, ltr_runs};

    /// `markdown` rendered with the runs isolated.
    fn html(markdown: &str) -> String {
        let events = pulldown_cmark::Parser::new(markdown)
            .into_offset_iter()
            .collect();
        let mut out = String::new();
        pulldown_cmark::html::push_html(
            &mut out,
            isolate_ltr_runs(events).into_iter().map(|(e, _)| e),
        );
        out
    }

    #[test]
    fn code_alt_text_and_link_addresses_are_never_touched() {
        assert_eq!(
            html(
                "![NHS 111 logo](a.png) اتصل بـ `NHS 111` أو [NHS 111](https://111.nhs.uk/)\n\n```\nNHS 111\n```\n"
            ),
            "<p><img src=\"a.png\" alt=\"NHS 111 logo\" /> اتصل بـ <code>NHS 111</code> أو <a href=\"https://111.nhs.uk/\"><bdi dir=\"ltr\">NHS 111</bdi></a></p>\n<pre><code>NHS 111\n</code></pre>\n"
        );
    }

    #[test]
    fn a_phone_number_does_not_break_over_two_lines_but_words_do() {
        assert_eq!(
            html("اتصل على 116 123 أو NHS 111"),
            "<p>اتصل على <bdi dir=\"ltr\">116\u{a0}123</bdi> أو <bdi dir=\"ltr\">NHS 111</bdi></p>\n"
        );
    }

    #[test]
    fn text_around_a_run_is_still_escaped() {
        assert_eq!(
            html("أ < NHS 111 & ب"),
            "<p>أ &lt; <bdi dir=\"ltr\">NHS 111</bdi> &amp; ب</p>\n"
        );
    }

    /// The isolated parts of `text`.
    fn runs(text: &str) -> Vec<&str> {
        ltr_runs(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn a_spaced_phone_number_before_an_urdu_full_stop_is_isolated_without_it() {
        assert_eq!(runs("سماریٹنز کو 116 123 پر کال کریں۔"), ["116 123"]);
        assert_eq!(runs("اتصل بالرقم 116 123."), ["116 123"]);
    }

    #[test]
    fn a_lone_number_is_left_as_it_is() {
        assert!(runs("اتصل بالرقم 999.").is_empty());
        assert!(runs("خلال 24 ساعة").is_empty());
    }

    #[test]
    fn words_and_numbers_join_through_spaces_hyphens_and_brackets() {
        assert_eq!(runs("اتصل بـ NHS 111 الآن"), ["NHS 111"]);
        assert_eq!(runs("الرقم 0300-123-3393، كل يوم"), ["0300-123-3393"]);
        // The bracket opened inside the run closes inside it.
        assert_eq!(
            runs("اتصل بـ NHS 111 (option 2) الآن"),
            ["NHS 111 (option 2)"]
        );
        // Brackets around the run stay outside: they mirror with the sentence.
        assert_eq!(runs("الخط (NHS 111) مجاني"), ["NHS 111"]);
    }

    #[test]
    fn addresses_keep_their_dots_at_signs_and_trailing_slash() {
        assert_eq!(
            runs("راسلوا jo@samaritans.org أو https://111.nhs.uk/ اليوم."),
            ["jo@samaritans.org", "https://111.nhs.uk/"]
        );
        // The full stop ending the sentence is not part of the address.
        assert_eq!(runs("زوروا www.nhs.uk."), ["www.nhs.uk"]);
    }

    #[test]
    fn arabic_indic_digits_are_not_left_to_right() {
        assert!(runs("اتصل بالرقم ١١٦ ١٢٣.").is_empty());
        // European digits beside them are a run of their own.
        assert_eq!(runs("١١٦ ١٢٣ أو 116 123"), ["116 123"]);
    }

    #[test]
    fn latin_words_with_accents_are_one_run() {
        assert_eq!(runs("كتاب Café Zoë الجديد"), ["Café Zoë"]);
        assert_eq!(runs("9am to 5pm فقط"), ["9am to 5pm"]);
    }

    #[test]
    fn text_with_nothing_left_to_right_is_untouched() {
        assert!(runs("مرحبا، كيف حالك؟").is_empty());
        assert!(runs("").is_empty());
        assert!(runs("، . - ( )").is_empty());
    }
}
