//! Finds the targets of Markdown links and images, unwraps the templated
//! forms other generators use, and rewrites each to a relative `.md` path
//! when the page or file it names was imported.

use std::sync::LazyLock;

use regex::Regex;

use super::prose::Prose;

/// What a link target names, once its templating is unwrapped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An address from the site root: `/care/plans/`, `{{ site.baseurl }}/x`.
    Address(String),
    /// A path from the source folder: Jekyll `{% link _pages/x.md %}`.
    FromSource(String),
    /// A path from the content folder: Hugo `ref`, Zola `@/x.md`.
    FromContent(String),
    /// A path from this page: `plans.md`, `../rights/`, `page.html`.
    Relative(String),
}

/// One link that was rewritten.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Rewritten {
    pub from: String,
    pub to: String,
}

/// A link whose target was not imported, at its line in the body.
#[derive(Debug, Clone)]
pub struct Unresolved {
    pub line: usize,
    pub target: String,
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub body: String,
    pub rewritten: Vec<Rewritten>,
    pub unresolved: Vec<Unresolved>,
}

/// `](target "title")` and `[label]: target` with templated targets,
/// whose `{{ … }}` and `{% … %}` parts may hold spaces and quotes.
static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\]\(\s*((?:\{\{.*?\}\}|\{%.*?%\}|<[^>\s]*>|[^)\s])+)"#).expect("pattern")
});
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^ {0,3}\[[^\]]+\]:\s*((?:\{\{.*?\}\}|\{%.*?%\}|\S)+)"#).expect("pattern")
});
static BASEURL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?:\{\{-?\s*site\.url\s*-?\}\})?\{\{-?\s*site\.baseurl\s*-?\}\}"#)
        .expect("pattern")
});
static FILTERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\{\{-?\s*["']([^"']*)["']\s*\|\s*(?:relative_url|absolute_url|url|htmlBaseUrl)\s*-?\}\}(.*)$"#)
        .expect("pattern")
});
static LINK_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^\{%-?\s*link\s+(\S+?)\s*-?%\}(.*)$"#).expect("pattern"));
static POST_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^\{%-?\s*post_url\s+(\S+?)\s*-?%\}(.*)$"#).expect("pattern"));
static HUGO_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\{\{[<%]\s*(?:ref|relref)\s+"([^"]*)"\s*[>%]\}\}(.*)$"#).expect("pattern")
});

/// Unwraps a link target. `None` for addresses left alone: other
/// websites, `mailto:`, `#heading` on the same page.
pub fn classify(raw: &str) -> Option<Target> {
    let raw = raw.trim_start_matches('<').trim_end_matches('>');
    if let Some(found) = BASEURL.find(raw) {
        let rest = &raw[found.end()..];
        return Some(Target::Address(if rest.is_empty() {
            "/".into()
        } else {
            rest.into()
        }));
    }
    if let Some(c) = FILTERED.captures(raw) {
        return Some(Target::Address(format!("{}{}", &c[1], &c[2])));
    }
    if let Some(c) = LINK_TAG.captures(raw) {
        return Some(Target::FromSource(format!("{}{}", &c[1], &c[2])));
    }
    if let Some(c) = POST_URL.captures(raw) {
        return Some(Target::FromSource(format!("_posts/{}.md{}", &c[1], &c[2])));
    }
    if let Some(c) = HUGO_REF.captures(raw) {
        let path = &c[1];
        return Some(if path.starts_with('/') {
            Target::FromContent(format!("{}{}", path.trim_start_matches('/'), &c[2]))
        } else {
            Target::Relative(format!("{path}{}", &c[2]))
        });
    }
    if let Some(path) = raw.strip_prefix("@/") {
        return Some(Target::FromContent(path.to_owned()));
    }
    let external = raw.starts_with("//")
        || raw.starts_with('#')
        || raw.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
    if external || raw.is_empty() || raw.contains("{{") || raw.contains("{%") {
        return None;
    }
    Some(if raw.starts_with('/') {
        Target::Address(raw.to_owned())
    } else {
        Target::Relative(raw.to_owned())
    })
}

/// Whether a raw target was written with templating (reported as leftover
/// templating rather than as a broken link when it cannot be resolved).
fn templated(raw: &str) -> bool {
    raw.contains("{{") || raw.contains("{%")
}

/// Rewrites every link target in `body`; `resolve` gives the new relative
/// path (with any `#fragment`) for a target that was imported.
pub fn rewrite(body: &str, resolve: &dyn Fn(&Target) -> Option<String>) -> Outcome {
    let mut outcome = Outcome::default();
    let mut prose = Prose::default();
    for (index, line) in body.split_inclusive('\n').enumerate() {
        if !prose.is_prose(line) {
            outcome.body.push_str(line);
            continue;
        }
        let mut spans: Vec<(usize, usize)> = INLINE
            .captures_iter(line)
            .filter_map(|c| c.get(1).map(|m| (m.start(), m.end())))
            .collect();
        if let Some(m) = DEFINITION.captures(line).and_then(|c| c.get(1)) {
            spans.push((m.start(), m.end()));
        }
        let mut new_line = String::new();
        let mut at = 0;
        for (start, end) in spans {
            let raw = &line[start..end];
            new_line.push_str(&line[at..start]);
            at = end;
            match classify(raw).and_then(|t| resolve(&t).map(|to| (t, to))) {
                Some((_, to)) if to != raw => {
                    outcome.rewritten.push(Rewritten {
                        from: raw.to_owned(),
                        to: to.clone(),
                    });
                    new_line.push_str(&to);
                }
                Some(_) => new_line.push_str(raw),
                None => {
                    // A templated target that stays is reported by the
                    // leftover-templating scan; only plain ones are broken links.
                    if classify(raw).is_some() && !templated(raw) {
                        outcome.unresolved.push(Unresolved {
                            line: index + 1,
                            target: raw.to_owned(),
                        });
                    }
                    new_line.push_str(raw);
                }
            }
        }
        new_line.push_str(&line[at..]);
        outcome.body.push_str(&new_line);
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unwraps_each_form() {
        let address = |s: &str| Some(Target::Address(s.to_owned()));
        assert_eq!(classify("{{ site.baseurl }}/care/"), address("/care/"));
        assert_eq!(
            classify("{{ \"/care/\" | relative_url }}"),
            address("/care/")
        );
        assert_eq!(classify("{{ '/care/' | url }}#x"), address("/care/#x"));
        assert_eq!(
            classify("{% link _pages/a.md %}"),
            Some(Target::FromSource("_pages/a.md".into()))
        );
        assert_eq!(
            classify("{{< ref \"/care/a.md\" >}}"),
            Some(Target::FromContent("care/a.md".into()))
        );
        assert_eq!(
            classify("{{< relref \"a\" >}}"),
            Some(Target::Relative("a".into()))
        );
        assert_eq!(
            classify("@/care/a.md"),
            Some(Target::FromContent("care/a.md".into()))
        );
        assert_eq!(
            classify("page.html"),
            Some(Target::Relative("page.html".into()))
        );
        assert_eq!(classify("https://nhs.uk"), None);
        assert_eq!(classify("mailto:a@b.org"), None);
        assert_eq!(classify("#top"), None);
    }

    #[test]
    fn rewrites_and_reports() {
        let body = "See [a]({{ site.baseurl }}/a/) and [b](/b/).\n```\n[c](/c/)\n```\n[d]: /a/\n";
        let out = rewrite(body, &|t| match t {
            Target::Address(a) if a.starts_with("/a/") => Some("a.md".to_owned()),
            _ => None,
        });
        assert_eq!(
            out.body,
            "See [a](a.md) and [b](/b/).\n```\n[c](/c/)\n```\n[d]: a.md\n"
        );
        assert_eq!(out.unresolved.len(), 1);
        assert_eq!(
            (out.unresolved[0].line, out.unresolved[0].target.as_str()),
            (1, "/b/")
        );
    }
}
