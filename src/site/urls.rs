//! Where each source file goes in the output, and relative links between them.
//!
//! Every link Signpost writes is relative, so a site works from any folder on
//! any host and when opened straight from disk (`file://`). Browsers do not
//! open `folder/` from disk, so links name `folder/index.html` unless the site
//! sets `output.pretty_urls`.

/// The output folder of a Markdown file under `content/`, with a trailing
/// `/` (or empty for the home page).
///
/// `_index.md` and `index.md` are the page of their folder (a section);
/// `name.md` gets a folder of its own; `name.easy.md` is the easy-read
/// variant, at `name/easy-read/`.
pub fn page_dir(rel: &str) -> String {
    let (folder, file) = match rel.rsplit_once('/') {
        Some((folder, file)) => (format!("{folder}/"), file),
        None => (String::new(), rel),
    };
    let stem = file.strip_suffix(".md").unwrap_or(file);
    if stem == "_index" || stem == "index" {
        return folder;
    }
    if let Some(twin) = stem.strip_suffix(".easy") {
        return format!("{folder}{twin}/easy-read/");
    }
    format!("{folder}{stem}/")
}

/// The folder of the language a page folder is in: `cy/` for
/// `cy/care-plans/`, `""` for the default language's pages. `codes` is the
/// site's languages, default first.
pub fn language_root(dir: &str, codes: &[&str]) -> String {
    let first = dir.split('/').next().unwrap_or_default();
    if dir.contains('/') && codes.iter().skip(1).any(|c| *c == first) {
        format!("{first}/")
    } else {
        String::new()
    }
}

/// True for `_index.md` and `index.md`: the page that introduces a folder.
pub fn is_section_index(rel: &str) -> bool {
    let file = rel.rsplit('/').next().unwrap_or(rel);
    file == "_index.md" || file == "index.md"
}

/// A relative URL from the page whose folder is `from_dir` to `to`, which is
/// either a folder (ending in `/`, or empty for the site root) or a file.
pub fn relative(from_dir: &str, to: &str, pretty: bool) -> String {
    let from: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    // Never count the last part of a file path as a shared folder.
    let common = common.min(to_parts.len().saturating_sub(1));
    let mut url = "../".repeat(from.len() - common);
    url.push_str(&to_parts[common..].join("/"));
    let is_folder = to.is_empty() || to.ends_with('/');
    if is_folder {
        if pretty {
            if url.is_empty() {
                url.push_str("./");
            }
        } else {
            url.push_str("index.html");
        }
    }
    url
}

/// The path to the site root from a page folder: `""`, `"../"`, `"../../"`...
pub fn root_prefix(from_dir: &str) -> String {
    "../".repeat(from_dir.split('/').filter(|s| !s.is_empty()).count())
}

/// Normalises `base/../rel` style paths with `/` separators. `None` when the
/// path climbs above the root.
pub fn normalize(base_dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = if rel.starts_with('/') {
        Vec::new()
    } else {
        base_dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let mut joined = parts.join("/");
    if rel.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_files_map_to_folders() {
        assert_eq!(page_dir("_index.md"), "");
        assert_eq!(page_dir("care/_index.md"), "care/");
        assert_eq!(page_dir("care/index.md"), "care/");
        assert_eq!(page_dir("care/plans.md"), "care/plans/");
        assert_eq!(page_dir("about.md"), "about/");
        assert_eq!(page_dir("care/plans.easy.md"), "care/plans/easy-read/");
    }

    #[test]
    fn relative_links_between_folders() {
        assert_eq!(
            relative("care/plans/", "reviews/how/", false),
            "../../reviews/how/index.html"
        );
        assert_eq!(relative("care/plans/", "care/", false), "../index.html");
        assert_eq!(relative("care/plans/", "care/plans/", false), "index.html");
        assert_eq!(relative("", "", false), "index.html");
        assert_eq!(relative("", "", true), "./");
        assert_eq!(relative("care/plans/", "care/pic.png", false), "../pic.png");
        assert_eq!(relative("care/", "care/pic.png", false), "pic.png");
        assert_eq!(relative("a/", "a", false), "../a");
        assert_eq!(
            relative("care/plans/", "reviews/how/", true),
            "../../reviews/how/"
        );
    }

    #[test]
    fn normalize_refuses_to_climb_out() {
        assert_eq!(
            normalize("care", "../reviews/a.md").as_deref(),
            Some("reviews/a.md")
        );
        assert_eq!(normalize("care", "./a.md").as_deref(), Some("care/a.md"));
        assert_eq!(normalize("care", "/a.md").as_deref(), Some("a.md"));
        assert_eq!(normalize("care", "../../a.md"), None);
        assert_eq!(normalize("", "reviews/").as_deref(), Some("reviews/"));
    }
}
