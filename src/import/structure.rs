//! Where each imported file goes in the new site, the old addresses it
//! answered to, the section pages a folder needs, and mdBook's order.

use std::collections::{BTreeMap, BTreeSet};

use super::detect::{Generator, Layout, RootKind};
use super::walk::Found;
use crate::site::dates::MONTHS;

/// A file's place in the new site.
#[derive(Debug, Clone)]
pub struct Placed {
    /// From DEST's `content/`, `/`-separated.
    pub dest: String,
    /// Old addresses (normalised by [`address_key`]) that led to it.
    pub addresses: Vec<String>,
    /// The date a dated file name or folder gave it (`YYYY-MM-DD` or `YYYY-MM`).
    pub dated: Option<String>,
}

/// Normalises an address or path so `/care/plans/`, `care/plans.html`
/// and `care/plans/index.html` all find the same page.
pub fn address_key(address: &str) -> String {
    let mut key = address
        .trim()
        .trim_start_matches("./")
        .trim_matches('/')
        .to_owned();
    for suffix in [
        "index.html",
        "index.htm",
        "index.md",
        "_index.md",
        "README.md",
        "index",
    ] {
        if key == suffix || key.ends_with(&format!("/{suffix}")) {
            key.truncate(key.len() - suffix.len());
        }
    }
    let mut key = key.trim_matches('/').to_owned();
    for suffix in [".html", ".htm", ".md", ".markdown"] {
        if let Some(stem) = key.strip_suffix(suffix) {
            key = stem.to_owned();
        }
    }
    key
}

fn join(prefix: &str, rest: &str) -> String {
    match (prefix.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_owned(),
        (_, true) => prefix.to_owned(),
        _ => format!("{prefix}/{rest}"),
    }
}

fn split_last(path: &str) -> (&str, &str) {
    path.rsplit_once('/').unwrap_or(("", path))
}

/// Places one file. `home` is the mdBook chapter that becomes the home page
/// when the book has no `README.md`.
pub fn place(file: &Found, layout: &Layout, flatten: bool, home: Option<&str>) -> Placed {
    let root = &layout.roots[file.root];
    let mut rel = file.root_rel.clone();
    let mut dated = None;
    let mut addresses = Vec::new();
    if file.is_page {
        if let Some(stem) = rel.strip_suffix(".markdown") {
            rel = format!("{stem}.md");
        }
        if root.kind == RootKind::Posts {
            if let Some((day, path)) = post_path(&rel) {
                addresses.push(address_key(&format!(
                    "{}/{}",
                    day.replace('-', "/"),
                    path.1
                )));
                dated = Some(day);
                rel = path.0;
            }
        }
        rel = section_name(&rel, layout.generator, home);
    }
    addresses.push(address_key(&join(&root.dest, &file.root_rel)));
    // Jekyll serves a collection at `/:collection/:path` by default.
    let collection = split_last(&root.dir).1.strip_prefix('_');
    if let Some(name) = collection.filter(|_| layout.generator == Generator::Jekyll) {
        addresses.push(address_key(&join(name, &file.root_rel)));
    }
    if let Some(day) = dated_folders(&rel) {
        dated.get_or_insert(day);
    }
    if flatten {
        rel = flatten_dates(&rel);
    }
    Placed {
        dest: join(&root.dest, &rel),
        addresses,
        dated,
    }
}

/// `2025-06-01-clinic-hours.md` → (`2025-06-01`, (`2025/06/clinic-hours.md`, `clinic-hours`)).
fn post_path(rel: &str) -> Option<(String, (String, String))> {
    let (folder, name) = split_last(rel);
    let bytes = name.as_bytes();
    let shaped = bytes.len() > 11
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes[10] == b'-'
        && name[..10].chars().filter(char::is_ascii_digit).count() == 8;
    if !shaped {
        return None;
    }
    let slug = &name[11..];
    let dated = format!("{}/{}/{slug}", &name[..4], &name[5..7]);
    let stem = slug.strip_suffix(".md").unwrap_or(slug).to_owned();
    Some((name[..10].to_owned(), (join(folder, &dated), stem)))
}

/// Section pages are `_index.md`: `index.md` (and mdBook's `README.md`)
/// become that, except Hugo's leaf bundles (`x/index.md` is page `x.md`).
fn section_name(rel: &str, generator: Generator, home: Option<&str>) -> String {
    if home == Some(rel) {
        return "_index.md".into();
    }
    let (folder, name) = split_last(rel);
    let is_index = name == "index.md" || (generator == Generator::Mdbook && name == "README.md");
    if !is_index {
        return rel.to_owned();
    }
    if generator == Generator::Hugo && !folder.is_empty() {
        return format!("{folder}.md");
    }
    join(folder, "_index.md")
}

fn is_year(part: &str) -> bool {
    part.len() == 4 && part.chars().all(|c| c.is_ascii_digit()) && part.starts_with(['1', '2'])
}

fn is_month(part: &str) -> bool {
    part.len() == 2 && matches!(part.parse::<u8>(), Ok(1..=12))
}

/// `news/2025/06/clinic.md` → `2025-06`.
fn dated_folders(rel: &str) -> Option<String> {
    let parts: Vec<&str> = rel.split('/').collect();
    parts
        .windows(2)
        .find_map(|w| (is_year(w[0]) && is_month(w[1])).then(|| format!("{}-{}", w[0], w[1])))
}

/// Whether a folder is a year or a month of dated pages (`news/2025/06`).
pub fn is_date_folder(folder: &str) -> bool {
    let (parent, name) = split_last(folder);
    is_year(name) || (is_month(name) && is_year(split_last(parent).1))
}

/// Removes `YYYY/MM` (and a day folder) from a path.
pub fn flatten_dates(rel: &str) -> String {
    let parts: Vec<&str> = rel.split('/').collect();
    let mut kept = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        if i + 2 < parts.len() && is_year(parts[i]) && is_month(parts[i + 1]) {
            i += 2;
            if i + 1 < parts.len()
                && parts[i].len() == 2
                && parts[i].chars().all(|c| c.is_ascii_digit())
            {
                i += 1;
            }
            continue;
        }
        kept.push(parts[i]);
        i += 1;
    }
    kept.join("/")
}

/// The address a page will have in the new site, as [`address_key`] gives it.
pub fn new_address(dest: &str) -> String {
    address_key(dest)
}

/// Folders that hold pages but have no section page: each needs one made.
pub fn missing_sections(pages: &[&str]) -> Vec<String> {
    let present: BTreeSet<&str> = pages.iter().copied().collect();
    let mut needed = BTreeSet::new();
    for page in pages {
        let mut folder = split_last(page).0;
        loop {
            needed.insert(folder.to_owned());
            if folder.is_empty() {
                break;
            }
            folder = split_last(folder).0;
        }
    }
    needed
        .into_iter()
        .map(|f| join(&f, "_index.md"))
        .filter(|p| !present.contains(p.as_str()))
        .collect()
}

/// A title made from a folder's name: `getting-help` → "Getting help",
/// `2025/06` → "June 2025".
pub fn folder_title(folder: &str) -> String {
    let (parent, name) = split_last(folder);
    if is_month(name) && is_year(split_last(parent).1) {
        let month: usize = name.parse().unwrap_or(1);
        return format!("{} {}", MONTHS[month - 1], split_last(parent).1);
    }
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// mdBook's `SUMMARY.md`: each chapter's path (from `src`) with its title,
/// in reading order. Draft chapters (no path) are listed with `None`.
pub fn summary_chapters(text: &str) -> Vec<(String, Option<String>)> {
    let Ok(re) = regex::Regex::new(r"^\s*(?:[-*]\s+)?\[([^\]]*)\]\(([^)]*)\)\s*$") else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|line| re.captures(line))
        .map(|c| {
            let path = c[2].trim().trim_start_matches("./");
            (c[1].to_owned(), (!path.is_empty()).then(|| path.to_owned()))
        })
        .collect()
}

/// Weights from the order of the chapters: 10, 20, 30…
pub fn summary_weights(chapters: &[(String, Option<String>)]) -> BTreeMap<String, i64> {
    chapters
        .iter()
        .filter_map(|(_, path)| path.clone())
        .enumerate()
        .map(|(i, path)| (path, (i as i64 + 1) * 10))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_meet() {
        for a in [
            "/care/plans/",
            "care/plans.html",
            "care/plans/index.html",
            "care/plans.md",
        ] {
            assert_eq!(address_key(a), "care/plans", "{a}");
        }
        assert_eq!(address_key("/"), "");
        assert_eq!(address_key("care/_index.md"), "care");
    }

    #[test]
    fn dates_and_sections() {
        assert_eq!(flatten_dates("news/2025/06/clinic.md"), "news/clinic.md");
        assert_eq!(flatten_dates("news/2025/06/01/clinic.md"), "news/clinic.md");
        assert_eq!(
            dated_folders("news/2025/06/clinic.md").as_deref(),
            Some("2025-06")
        );
        assert_eq!(
            post_path("2025-06-01-clinic.md").map(|p| p.1.0),
            Some("2025/06/clinic.md".to_owned())
        );
        assert_eq!(
            missing_sections(&["_index.md", "news/2025/06/a.md"]),
            [
                "news/_index.md",
                "news/2025/_index.md",
                "news/2025/06/_index.md"
            ]
        );
        assert_eq!(folder_title("news/2025/06"), "June 2025");
        assert_eq!(folder_title("getting-help"), "Getting help");
    }

    #[test]
    fn reads_summary() {
        let text = "# Summary\n\n[Introduction](README.md)\n\n- [Care](care/README.md)\n  - [Plans](care/plans.md)\n- [Later]()\n";
        let chapters = summary_chapters(text);
        assert_eq!(chapters.len(), 4);
        assert_eq!(summary_weights(&chapters)["care/plans.md"], 30);
        assert_eq!(chapters[3].1, None);
    }
}
