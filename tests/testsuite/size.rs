//! Every page, with its CSS, must arrive in the first round trip: at most
//! 14 KB gzip-compressed. This test prints the size of every page.

use std::io::Write as _;
use std::path::Path;

use flate2::Compression;
use flate2::write::GzEncoder;

const BUDGET: usize = 14 * 1024;

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

fn html_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

/// Linked stylesheets (`<link rel=stylesheet href=…>`) count towards the page.
fn linked_css(page: &Path, html: &str) -> usize {
    html.split("<link ")
        .skip(1)
        .filter(|tag| tag.contains("stylesheet"))
        .filter_map(|tag| tag.split("href=").nth(1))
        .map(|href| {
            href.trim_start_matches('"')
                .split(['"', ' ', '>'])
                .next()
                .unwrap_or("")
        })
        .map(|href| {
            std::fs::read(page.parent().unwrap().join(href)).map_or(0, |css| gzip_len(&css))
        })
        .sum()
}

#[test]
fn every_page_of_the_bundled_guide_fits_in_14_kb_gzip() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let status = std::process::Command::new(crate::harness::BIN)
        .args([
            "build",
            "--quiet",
            "--root",
            env!("CARGO_MANIFEST_DIR"),
            "--out",
        ])
        .arg(&target)
        .status()
        .unwrap();
    assert!(status.success());
    let mut pages = Vec::new();
    html_files(&target, &mut pages);
    pages.sort();
    assert!(pages.len() > 10);
    let mut report = String::from("gzip bytes (page + CSS) per page:\n");
    let mut largest = (0, String::new());
    let mut over = Vec::new();
    for page in &pages {
        let html = std::fs::read(page).unwrap();
        // Booklets are whole sections gathered for printing, not pages to
        // browse: they are exempt, and their size is printed for the record.
        let text = String::from_utf8_lossy(&html);
        let body_tag = text
            .find("<body")
            .map(|at| &text[at..at + text[at..].find('>').unwrap_or(0)]);
        let is_booklet = body_tag.is_some_and(|tag| tag.contains("kind-booklet"));
        let size = gzip_len(&html) + linked_css(page, &String::from_utf8_lossy(&html));
        let rel = page.strip_prefix(&target).unwrap().display().to_string();
        let note = if is_booklet {
            "  (booklet, exempt)"
        } else {
            ""
        };
        report.push_str(&format!("{size:>7}  {rel}{note}\n"));
        if size > largest.0 && !is_booklet {
            largest = (size, rel.clone());
        }
        if size > BUDGET && !is_booklet {
            over.push(rel);
        }
    }
    report.push_str(&format!(
        "largest: {} bytes ({}); budget {BUDGET}\n",
        largest.0, largest.1
    ));
    println!("{report}");
    assert!(over.is_empty(), "over budget: {over:?}\n{report}");
}
