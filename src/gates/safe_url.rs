//! The one gate for every URL Signpost writes into a page.
//!
//! Links and images in Markdown, contact websites, help-banner links, the
//! brand logo and whatever a theme writes all pass [`check`] (the last
//! through `active_content`, over the finished page). Only `https:`,
//! `http:`, `mailto:`, `tel:` and relative references get through.
//!
//! The scheme is read the way a browser reads it (the WHATWG URL rules, as
//! ammonia's `url_schemes` does): leading and trailing control characters
//! and spaces are dropped, tabs and line breaks anywhere are removed, and the
//! scheme is matched without regard to case. So `  JaVa\tScRiPt:alert(1)`
//! is seen for what it is, a `javascript:` URL.

/// What kind of address a URL is, once it has passed the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// `https:`, `http:` or a network path (`//host/…`): another website.
    Web,
    Mail,
    Phone,
    /// A path inside the site, or a `#fragment`.
    Relative,
}

/// A URL the gate refused, with the scheme that made it unsafe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsafeUrl {
    pub scheme: String,
}

impl UnsafeUrl {
    /// The message authors read: what was refused, in their words.
    pub fn message(&self, url: &str) -> String {
        format!(
            "the address `{}` starts with `{}:`, which Signpost never writes into a page",
            shown(url),
            self.scheme
        )
    }
}

/// The help that goes with every refused URL.
pub const HELP: &str = "use an https:// web address, mailto:, tel:, or a path to a file inside the site; other kinds of address (javascript:, data:, file: …) can run code or reach outside the site";

/// Checks one URL as a browser would read it.
pub fn check(url: &str) -> Result<UrlKind, UnsafeUrl> {
    let normal = normalise(url);
    match scheme_of(&normal) {
        None if normal.starts_with("//") || normal.starts_with("\\\\") => Ok(UrlKind::Web),
        None => Ok(UrlKind::Relative),
        Some(scheme)
            if ["https", "http"]
                .iter()
                .any(|s| scheme.eq_ignore_ascii_case(s)) =>
        {
            Ok(UrlKind::Web)
        }
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto") => Ok(UrlKind::Mail),
        Some(scheme) if scheme.eq_ignore_ascii_case("tel") => Ok(UrlKind::Phone),
        Some(scheme) => Err(UnsafeUrl {
            scheme: scheme.to_ascii_lowercase(),
        }),
    }
}

/// The URL as a browser parses it: no leading or trailing C0 controls or
/// spaces, and no tabs or line breaks anywhere. Borrowed when it is
/// already so, as nearly every URL is: this runs on every link of every
/// page.
pub fn normalise(url: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    if trimmed.contains(['\t', '\n', '\r']) {
        trimmed
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect::<String>()
            .into()
    } else {
        trimmed.into()
    }
}

/// The scheme, as written, if the URL starts with one: a letter, then
/// letters, digits, `+`, `-` or `.`, then `:`.
fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(candidate)
}

/// The URL as shown in a message: control characters made visible, and
/// long ones shortened.
pub fn shown(url: &str) -> String {
    let visible: String = url
        .chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if visible.chars().count() > 60 {
        let cut: String = visible.chars().take(57).collect();
        format!("{cut}…")
    } else {
        visible
    }
}

/// A plausible email address for a `mailto:` link: one `@`, a dotted
/// domain, and nothing that would split it into several addresses.
pub fn is_email(address: &str) -> bool {
    let address = address.split('?').next().unwrap_or_default();
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !address
            .chars()
            .any(|c| c.is_whitespace() || c == ',' || c == ';')
        && !domain.contains('@')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_kinds() {
        assert_eq!(check("https://www.nhs.uk"), Ok(UrlKind::Web));
        assert_eq!(check("HTTP://example.org"), Ok(UrlKind::Web));
        assert_eq!(check("//example.org/x"), Ok(UrlKind::Web));
        assert_eq!(check("mailto:jo@example.org"), Ok(UrlKind::Mail));
        assert_eq!(check("tel:116123"), Ok(UrlKind::Phone));
        assert_eq!(check("../care/plans.md#who"), Ok(UrlKind::Relative));
        assert_eq!(check("#top"), Ok(UrlKind::Relative));
        assert_eq!(check("page.md?x=a:b"), Ok(UrlKind::Relative));
        assert_eq!(
            check("1:2"),
            Ok(UrlKind::Relative),
            "a scheme starts with a letter"
        );
    }

    #[test]
    fn every_spelling_of_a_script_url_is_refused() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "jav\rascript:alert(1)",
            "javascript\t:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:image/svg+xml;base64,PHN2Zz4=",
            "file:///etc/passwd",
            "javascript:alert(1)/index.html",
        ] {
            assert!(check(url).is_err(), "{url:?} must be refused");
        }
        assert_eq!(check("java\tscript:x").unwrap_err().scheme, "javascript");
    }

    #[test]
    fn messages_show_control_characters() {
        let message = check("\u{1}data:x").unwrap_err().message("\u{1}data:x");
        assert_eq!(
            message,
            "the address `\u{fffd}data:x` starts with `data:`, which Signpost never writes into a page"
        );
    }
}
