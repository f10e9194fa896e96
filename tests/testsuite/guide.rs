//! The bundled guide in `content/` must always build cleanly.

use std::process::Command;

use crate::harness::BIN;

#[test]
fn bundled_guide_builds_with_no_errors_or_warnings() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let run = Command::new(BIN)
        .args(["build", "--root", env!("CARGO_MANIFEST_DIR"), "--out"])
        .arg(&target)
        .env("SIGNPOST_TODAY", "2026-11-21")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(stderr.is_empty(), "warnings or errors:\n{stderr}");
    for page in [
        "index.html",
        "care-plans/crisis-plans/index.html",
        "glossary/index.html",
        "get-help-now/index.html",
    ] {
        assert!(target.join(page).is_file(), "{page}");
    }
}

/// The guide's Welsh has a home page and one easy-read page: an easy-read
/// booklet of its own, which lists the English easy-read pages not yet in
/// Welsh, and no whole-guide booklet (it would be the home page alone).
#[test]
fn bundled_guide_has_a_welsh_easy_read_booklet_and_no_welsh_guide_booklet() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let run = Command::new(BIN)
        .args(["build", "-q", "--root", env!("CARGO_MANIFEST_DIR"), "--out"])
        .arg(&target)
        .env("SIGNPOST_TODAY", "2026-11-21")
        .output()
        .unwrap();
    assert!(run.status.success());
    let read = |path: &str| std::fs::read_to_string(target.join(path)).unwrap();
    let booklet = crate::harness::compact(&read("cy/booklet/easy-read/index.html"));
    assert!(booklet.starts_with("<!doctype html><html dir=ltr lang=cy>"));
    assert!(
        booklet.contains("<h1>Eich gofal iechyd meddwl: canllaw syml: hawdd ei ddeall</h1>"),
        "{booklet}"
    );
    assert!(
        booklet.contains("<h2 id=ch-get-help-noweasycy>"),
        "{booklet}"
    );
    // Every English easy-read page but "Get help now" is listed as not yet in Welsh.
    assert_eq!(
        booklet.matches("hreflang=en-GB lang=en-GB>").count(),
        27,
        "{booklet}"
    );
    assert!(!target.join("cy/booklet/index.html").exists());
    let home = read("cy/index.html");
    assert!(home.contains("<a href=booklet/easy-read/index.html>yr holl dudalennau hawdd eu deall fel un llyfryn</a>"), "{home}");
    assert!(!home.contains("../booklet/"), "{home}");
}
