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
