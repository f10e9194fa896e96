//! What happens to HTML typed into Markdown (`markdown.raw_html`).
//!
//! Denied by default: hand-written HTML is where accessibility and safety
//! break first, and authors of patient information rarely need it. HTML
//! comments are always allowed and dropped, since authors use them for notes.
//! `sanitize` keeps harmless formatting through ammonia.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{PageState, Spanned};
use crate::source::config::RawHtml;

pub fn apply<'a>(events: Vec<Spanned<'a>>, state: &mut PageState) -> Vec<Spanned<'a>> {
    let policy = state.ctx.raw_html;
    let mut out = Vec::with_capacity(events.len());
    let mut block: Option<(String, std::ops::Range<usize>)> = None;
    for (event, range) in events {
        match event {
            Event::Start(Tag::HtmlBlock) => block = Some((String::new(), range)),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((html, range)) = block.take() {
                    if let Some(kept) = decide(&html, range.clone(), policy, true, state) {
                        out.push((Event::Html(kept.into()), range));
                    }
                }
            }
            Event::Html(html) if block.is_some() => {
                if let Some((text, _)) = block.as_mut() {
                    text.push_str(&html);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(kept) = decide(&html, range.clone(), policy, false, state) {
                    out.push((Event::InlineHtml(kept.into()), range));
                }
            }
            other => out.push((other, range)),
        }
    }
    out
}

/// Returns the HTML to keep, or `None` to drop it.
fn decide(
    html: &str,
    range: std::ops::Range<usize>,
    policy: RawHtml,
    is_block: bool,
    state: &mut PageState,
) -> Option<String> {
    if is_comment(html) {
        return None;
    }
    match policy {
        RawHtml::Allow => Some(html.to_owned()),
        RawHtml::Deny => {
            let shown: String = html.trim().chars().take(40).collect();
            state.error(
                "raw-html",
                format!("raw HTML is not allowed here: `{shown}`"),
                range,
                "write it in Markdown instead, or set `markdown: {raw_html: sanitize}` in site.yaml",
            );
            None
        }
        #[cfg(feature = "sanitize")]
        RawHtml::Sanitize if is_block => Some(ammonia::clean(html)),
        #[cfg(feature = "sanitize")]
        RawHtml::Sanitize => sanitize_inline_tag(html),
        // Built without the sanitizer: refuse, as `deny` does, and say why.
        #[cfg(not(feature = "sanitize"))]
        RawHtml::Sanitize => {
            let _ = is_block;
            state.error(
                "raw-html",
                "raw HTML cannot be cleaned: this Signpost was built without the `sanitize` feature".to_owned(),
                range,
                "write it in Markdown instead, or use a Signpost built with default features",
            );
            None
        }
    }
}

fn is_comment(html: &str) -> bool {
    let t = html.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

/// Inline HTML arrives one tag at a time (`<kbd>`, text, `</kbd>`), so each
/// tag is cleaned on its own: an opening tag is cleaned as an empty element
/// and its opening half kept; a closing tag is kept if ammonia keeps the tag.
#[cfg(feature = "sanitize")]
fn sanitize_inline_tag(tag: &str) -> Option<String> {
    let t = tag.trim();
    if let Some(name) = t.strip_prefix("</") {
        let name = name.trim_end_matches('>').trim().to_ascii_lowercase();
        let probe = ammonia::clean(&format!("<{name}>x</{name}>"));
        return probe
            .ends_with(&format!("</{name}>"))
            .then(|| format!("</{name}>"));
    }
    let name: String = t
        .trim_start_matches('<')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    let self_closing = t.ends_with("/>") || matches!(name.as_str(), "br" | "wbr");
    let cleaned = if self_closing {
        ammonia::clean(t)
    } else {
        ammonia::clean(&format!("{t}</{name}>"))
    };
    let opening = cleaned
        .strip_suffix(&format!("</{name}>"))
        .unwrap_or(&cleaned);
    opening
        .starts_with(&format!("<{name}"))
        .then(|| opening.to_owned())
}

#[cfg(test)]
mod tests {
    use super::sanitize_inline_tag;

    #[test]
    fn inline_tags_are_cleaned_one_by_one() {
        assert_eq!(sanitize_inline_tag("<kbd>").as_deref(), Some("<kbd>"));
        assert_eq!(sanitize_inline_tag("</kbd>").as_deref(), Some("</kbd>"));
        assert_eq!(sanitize_inline_tag("<br>").as_deref(), Some("<br>"));
        assert_eq!(sanitize_inline_tag("<script>"), None);
        assert_eq!(sanitize_inline_tag("</script>"), None);
        assert_eq!(
            sanitize_inline_tag("<abbr title=\"x\" onclick=\"evil()\">").as_deref(),
            Some("<abbr title=\"x\">")
        );
    }
}
