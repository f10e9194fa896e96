//! Files copied from `content/` as they are: refused when they carry active
//! content.
//!
//! A picture or a PDF is safe to publish. An SVG is a document that can
//! hold scripts, and browsers run them when the file is opened on its own
//! (a reader following a link to it, or a search engine's preview). HTML
//! and XML files are whole documents that can do anything a page can. So
//! SVGs are read and refused if they hold anything active, and other
//! document types are refused unless the site trusts raw HTML.

use crate::diagnostics::{Diagnostic, LineIndex};
use crate::source::config::RawHtml;
use crate::source::discover::SourceFile;

/// Extensions of documents a browser runs scripts in when opened directly.
const ACTIVE_DOCUMENTS: &[&str] = &[
    "html", "htm", "shtml", "xhtml", "xht", "xml", "xsl", "xslt", "mht", "mhtml", "svgz", "hta",
];

/// `unsafe-file` for every attachment that would publish active content.
pub fn check(assets: &[SourceFile], raw_html: RawHtml) -> Vec<Diagnostic> {
    assets
        .iter()
        .filter_map(|asset| check_one(asset, raw_html))
        .collect()
}

fn check_one(asset: &SourceFile, raw_html: RawHtml) -> Option<Diagnostic> {
    let shown = asset.shown.clone();
    if !is_svg(&asset.rel) {
        return check_bytes(&shown, &asset.rel, &[], raw_html);
    }
    match asset.read() {
        Ok(bytes) => check_bytes(&shown, &asset.rel, &bytes, raw_html),
        Err(error) => Some(
            Diagnostic::error("unreadable-file", format!("cannot read this file: {error}"))
                .in_file(shown),
        ),
    }
}

fn extension(rel: &str) -> String {
    rel.rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether a file is an SVG, whose bytes [`check_bytes`] must see.
pub fn is_svg(rel: &str) -> bool {
    extension(rel) == "svg"
}

/// Checks one file to be copied as it is. `bytes` matter only for SVGs;
/// `shown` is the path in messages. Used for content and theme files alike.
pub fn check_bytes(shown: &str, rel: &str, bytes: &[u8], raw_html: RawHtml) -> Option<Diagnostic> {
    let extension = extension(rel);
    if ACTIVE_DOCUMENTS.contains(&extension.as_str()) {
        if raw_html == RawHtml::Allow {
            return None;
        }
        return Some(
            Diagnostic::error(
                "unsafe-file",
                format!("a .{extension} file is a web page of its own and can run scripts, so it is not copied"),
            )
            .in_file(shown)
            .help("write it as a Markdown page instead, or, if every author of this site is trusted, set `markdown: {raw_html: allow}` in site.yaml"),
        );
    }
    if extension != "svg" {
        return None;
    }
    let text = String::from_utf8_lossy(bytes);
    let first = crate::gates::active_content::in_svg(&text)
        .into_iter()
        .next()?;
    let (line, column) = LineIndex::new(&text).position(&text, first.offset);
    Some(
        Diagnostic::error(
            "unsafe-file",
            format!("this SVG contains {}, which could run code or track readers when the picture is opened", first.what),
        )
        .in_file(shown)
        .at_source(&text, line, column)
        .help("save the picture again without scripts, links or embedded content (for example with \"Export as plain SVG\"), or use a PNG"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asset(dir: &std::path::Path, name: &str, body: &str) -> SourceFile {
        let path = dir.join(name);
        std::fs::write(&path, body).expect("write");
        SourceFile::local(
            format!("care/{name}"),
            path,
            crate::source::discover::FileKind::Asset,
        )
    }

    #[test]
    fn svg_with_a_script_is_refused_at_its_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let bad = asset(
            dir.path(),
            "x.svg",
            "<svg>\n  <circle onload=\"alert(1)\"/>\n</svg>",
        );
        let found = check(&[bad], RawHtml::Deny);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].column), (2, 3));
        assert_eq!(
            found[0].message,
            "this SVG contains an event handler (onload=…) on <circle>, which could run code or track readers when the picture is opened"
        );
    }

    #[test]
    fn html_files_need_raw_html_allow() {
        let dir = tempfile::tempdir().expect("tempdir");
        let page = asset(dir.path(), "old.HTML", "<p>hi</p>");
        assert_eq!(check(std::slice::from_ref(&page), RawHtml::Deny).len(), 1);
        assert_eq!(
            check(std::slice::from_ref(&page), RawHtml::Sanitize).len(),
            1
        );
        assert!(check(&[page], RawHtml::Allow).is_empty());
        let clean = asset(
            dir.path(),
            "ok.svg",
            "<svg viewBox=\"0 0 1 1\"><rect/></svg>",
        );
        assert!(check(&[clean], RawHtml::Deny).is_empty());
    }
}
