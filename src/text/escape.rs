//! HTML escaping for the few places Signpost writes markup by hand.
//!
//! Escapes only what HTML requires (`&`, `<`, `>`, `"`), so URLs stay
//! readable in the output (Tera's `escape_html` also escapes `/`).

pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_but_not_slashes() {
        assert_eq!(
            super::escape_html("a/b?x=1&y=\"<2>\""),
            "a/b?x=1&amp;y=&quot;&lt;2&gt;&quot;"
        );
    }
}
