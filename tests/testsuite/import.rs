//! `signpost import`: each fixture site (written in its generator's own
//! conventions) imports, the result builds, the report names every
//! leftover with its line, and SOURCE is never changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::harness::{Run, SiteTest};

const GENERATORS: [&str; 4] = ["jekyll", "hugo", "eleventy", "mdbook"];

/// The fixture copied to `site/`, imported into `../dest`.
fn import(generator: &str, extra: &[&str]) -> (SiteTest, Run) {
    let site = SiteTest::fixture(&format!("import/{generator}"));
    let mut args = vec!["import", ".", "../dest"];
    args.extend(extra);
    let run = site.run(&args);
    (site, run)
}

fn dest(site: &SiteTest) -> PathBuf {
    site.root.parent().expect("parent").join("dest")
}

fn json_report(generator: &str, extra: &[&str]) -> (SiteTest, serde_json::Value) {
    let mut args = vec!["--json"];
    args.extend(extra);
    let (site, run) = import(generator, &args);
    run.assert_code(0);
    let report = serde_json::from_str(&run.stdout).expect("the report is JSON");
    (site, report)
}

/// Every file under `dir` with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

fn todo_of<'a>(report: &'a serde_json::Value, kind: &str) -> Vec<(&'a str, u64)> {
    report["todo"]
        .as_array()
        .expect("todo")
        .iter()
        .filter(|t| t["kind"] == kind)
        .map(|t| {
            (
                t["file"].as_str().expect("file"),
                t["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

#[test]
fn each_fixture_imports_and_builds() {
    for generator in GENERATORS {
        let (site, run) = import(generator, &[]);
        run.assert_code(0);
        let build = site.run(&["build", "--root", "../dest"]);
        let errors: Vec<&str> = build
            .stderr
            .lines()
            .filter(|l| l.contains("  error  "))
            .collect();
        if generator == "jekyll" {
            // The one broken link planted on purpose: a page that never existed.
            build.assert_code(1);
            assert_eq!(
                errors,
                [
                    "content/rights/_index.md:9:3  error  broken-link  the link `/rights/advocates/` goes to content/rights/advocates/, which does not exist  (link to pages by their .md file, and put other files inside content/)"
                ],
                "{generator}"
            );
        } else {
            build.assert_code(0);
            assert!(errors.is_empty(), "{generator}: {errors:?}");
        }
    }
}

#[test]
fn the_jekyll_report_reads_well() {
    let (_site, run) = import("jekyll", &[]);
    run.assert_code(0);
    insta::assert_snapshot!("import_jekyll_report", run.stdout);
}

#[test]
fn the_json_report_has_the_same_facts() {
    let (site, report) = json_report("hugo", &[]);
    assert_eq!(report["version"], 1);
    assert_eq!(report["generator"], "hugo");
    assert_eq!(report["settings"], "hugo.toml");
    assert_eq!(report["pages"], 7);
    assert_eq!(report["files"], 2);
    assert_eq!(report["raw_html"]["setting"], "deny");
    let assessment = report["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .find(|c| c["file"] == "content/carers/assessment.md")
        .expect("assessment.md changed");
    assert_eq!(assessment["from"], "content/carers/assessment.md");
    assert_eq!(assessment["front_matter"], "toml");
    assert_eq!(assessment["dropped"], serde_json::json!(["date", "tags"]));
    assert_eq!(
        assessment["converted"],
        serde_json::json!(["notice tip → callout", "youtube dQw4w9WgXcQ → link"])
    );
    assert_eq!(
        todo_of(&report, "template-syntax"),
        [("content/carers/groups.md", 10)]
    );
    assert_eq!(
        todo_of(&report, "write-section-page"),
        [
            ("content/news/2025/06/_index.md", 2),
            ("content/news/2025/_index.md", 2)
        ]
    );
    let page =
        std::fs::read_to_string(dest(&site).join("content/carers/assessment.md")).expect("page");
    assert!(
        page.contains("[Watch the video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)"),
        "{page}"
    );
    assert!(
        page.contains("> [!TIP]\n> Write down what you do"),
        "{page}"
    );
    assert!(page.contains("[support groups](groups.md)"), "{page}");
}

/// Every leftover is named at the line of DEST's file where it now is.
#[test]
fn every_leftover_is_named_at_its_line() {
    let expected: [(&str, &[(&str, u64)]); 4] = [
        (
            "jekyll",
            &[
                ("content/care/care-plan.md", 26),
                ("content/rights/complaints.md", 11),
            ],
        ),
        ("hugo", &[("content/carers/groups.md", 10)]),
        ("eleventy", &[("content/appointments/cancelling.md", 11)]),
        ("mdbook", &[]),
    ];
    for (generator, leftovers) in expected {
        let (site, report) = json_report(generator, &[]);
        assert_eq!(
            todo_of(&report, "template-syntax"),
            leftovers,
            "{generator}"
        );
        for todo in report["todo"].as_array().expect("todo") {
            let file = dest(&site).join(todo["file"].as_str().expect("file"));
            let text = std::fs::read_to_string(&file).expect("to-do file exists");
            let line = text
                .lines()
                .nth(todo["line"].as_u64().expect("line") as usize - 1)
                .expect("line exists");
            let message = todo["message"].as_str().expect("message");
            if let Some(found) = message
                .split('`')
                .nth(1)
                .filter(|_| todo["kind"] != "write-section-page")
            {
                assert!(
                    line.contains(found),
                    "{generator}: {file:?} line {line:?} lacks {found:?}"
                );
            }
        }
    }
}

#[test]
fn source_is_never_changed() {
    for generator in GENERATORS {
        let site = SiteTest::fixture(&format!("import/{generator}"));
        let before = tree(&site.root);
        site.run(&["import", ".", "../dest", "--flatten-dates"])
            .assert_code(0);
        assert_eq!(tree(&site.root), before, "{generator}");
    }
}

#[test]
fn a_dest_that_is_not_empty_is_refused() {
    let site = SiteTest::fixture("import/mdbook");
    std::fs::create_dir_all(dest(&site)).expect("mkdir");
    std::fs::write(dest(&site).join("notes.txt"), "keep me").expect("write");
    site.run(&["import", ".", "../dest"])
        .assert_code(2)
        .assert_stderr_is("error: ../dest is not empty: signpost import writes a new site only into an empty or new folder. Choose another folder, or empty this one\n");
    assert_eq!(
        std::fs::read_to_string(dest(&site).join("notes.txt")).expect("kept"),
        "keep me"
    );
}

#[test]
fn the_generator_is_found_without_from() {
    for (generator, name) in [
        ("jekyll", "a Jekyll"),
        ("hugo", "a Hugo"),
        ("eleventy", "an Eleventy"),
        ("mdbook", "a mdBook"),
    ] {
        let (_site, run) = import(generator, &[]);
        assert!(
            run.stdout.starts_with(&format!("Imported {name} site")),
            "{generator}: {}",
            run.stdout
        );
    }
    let (_site, run) = import("hugo", &["--from", "hugo"]);
    run.assert_code(0);
    assert!(run.stdout.starts_with("Imported a Hugo site (hugo.toml)"));
}

#[test]
fn a_site_of_no_known_generator_is_refused() {
    let site = SiteTest::with(&[("notes.md", "# Notes\n")]);
    site.run(&["import", ".", "../dest"])
        .assert_code(2)
        .assert_stderr_is("error: cannot tell which generator made .: it has no _config.yml (Jekyll), hugo.toml or config.toml (Hugo), .eleventy.js or eleventy.config.js (Eleventy), or book.toml (mdBook). Name it with --from jekyll, hugo, eleventy or mdbook\n");
    assert!(!dest(&site).exists());
}

#[test]
fn a_bad_from_value_is_refused() {
    let (_site, run) = import("jekyll", &["--from", "wordpress"]);
    run.assert_code(2);
    run.assert_stderr("invalid value 'wordpress' for '--from <FROM>'");
    run.assert_stderr("[possible values: jekyll, hugo, eleventy, mdbook]");
}

#[test]
fn dated_folders_are_kept_or_flattened() {
    let (site, report) = json_report("hugo", &["--flatten-dates"]);
    assert!(todo_of(&report, "write-section-page").is_empty());
    let page = std::fs::read_to_string(dest(&site).join("content/news/week-of-carers.md"))
        .expect("flattened");
    assert!(
        page.contains("aliases:\n- news/2025/06/week-of-carers\n"),
        "{page}"
    );
    let cafe = std::fs::read_to_string(dest(&site).join("content/news/carers-cafe.md"))
        .expect("flattened");
    assert!(
        cafe.contains("![Tables and chairs in the café](carers-cafe/cafe.jpg)"),
        "{cafe}"
    );
    assert!(
        dest(&site)
            .join("content/news/carers-cafe/cafe.jpg")
            .is_file()
    );
    site.run(&["build", "--root", "../dest"]).assert_code(0);
    let (kept, _) = json_report("hugo", &[]);
    assert!(
        dest(&kept)
            .join("content/news/2025/06/week-of-carers.md")
            .is_file()
    );
}

#[test]
fn mdbook_order_becomes_weight() {
    let (site, report) = json_report("mdbook", &[]);
    let weight = |file: &str| {
        let text = std::fs::read_to_string(dest(&site).join(file)).expect("page");
        text.lines()
            .find_map(|l| l.strip_prefix("weight: ").map(str::to_owned))
            .expect("weight")
    };
    assert_eq!(weight("content/getting-started/first-day.md"), "30");
    assert_eq!(weight("content/meals.md"), "50");
    assert_eq!(weight("content/going-home.md"), "60");
    assert_eq!(
        report["skipped"][0]["reason"],
        "the draft chapter \"Feedback\" has no file yet, so it has no page"
    );
    let first = std::fs::read_to_string(dest(&site).join("content/getting-started/first-day.md"))
        .expect("page");
    assert!(first.starts_with("---\ntitle: Your first day\n"), "{first}");
    assert!(
        first.contains("[meals and drinks](../meals.md#lunch)"),
        "{first}"
    );
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_source_are_not_followed() {
    let site = SiteTest::fixture("import/mdbook");
    let outside = tempfile::tempdir().expect("tempdir");
    std::fs::write(outside.path().join("secret.png"), "secret").expect("write");
    std::os::unix::fs::symlink(
        outside.path().join("secret.png"),
        site.root.join("src/images/secret.png"),
    )
    .expect("symlink");
    let run = site.run(&["import", ".", "../dest", "--json"]);
    run.assert_code(0);
    assert!(!dest(&site).join("content/images/secret.png").exists());
    assert!(
        run.stdout.contains("\"file\": \"src/images/secret.png\""),
        "{}",
        run.stdout
    );
}

#[test]
fn raw_html_is_counted_and_never_allowed_silently() {
    let (site, report) = json_report("jekyll", &[]);
    assert_eq!(
        report["raw_html"],
        serde_json::json!({"blocks": 1, "setting": "sanitize"})
    );
    assert_eq!(
        todo_of(&report, "raw-html"),
        [("content/care/medicines.md", 11)]
    );
    let config = std::fs::read_to_string(dest(&site).join("site.yaml")).expect("site.yaml");
    assert!(
        config.contains("markdown:\n  raw_html: sanitize\n"),
        "{config}"
    );
    assert!(!config.contains("allow"), "{config}");
    let (plain, _) = json_report("mdbook", &[]);
    let config = std::fs::read_to_string(dest(&plain).join("site.yaml")).expect("site.yaml");
    assert!(!config.contains("raw_html"), "{config}");
}

#[test]
fn two_files_for_one_place_are_never_overwritten() {
    let site = SiteTest::with(&[
        (
            "_config.yml",
            "title: Guide\ncollections:\n  pages:\n    output: true\n",
        ),
        ("index.md", "---\ntitle: Home\n---\nHello.\n"),
        ("care.md", "---\ntitle: Care (old)\n---\nOld.\n"),
        ("_pages/care.md", "---\ntitle: Care\n---\nNew.\n"),
    ]);
    let run = site.run(&["import", ".", "../dest", "--json"]);
    run.assert_code(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(
        report["skipped"],
        serde_json::json!([{"file": "_pages/care.md", "reason": "it would go to content/care.md, as care.md does: rename one and import again"}])
    );
    let page = std::fs::read_to_string(dest(&site).join("content/care.md")).expect("page");
    assert!(page.contains("Old."), "{page}");
}

#[test]
fn dest_may_be_inside_the_source_when_run_at_the_root() {
    let site = SiteTest::fixture("import/mdbook");
    let run = site.run(&["import", ".", "guide"]);
    run.assert_code(0);
    assert!(
        run.stdout.contains("into guide: 6 pages and 1 other file."),
        "{}",
        run.stdout
    );
    site.run(&["build", "--root", "guide"]).assert_code(0);
}

#[test]
fn a_dest_that_is_a_file_is_refused() {
    let site = SiteTest::fixture("import/mdbook");
    std::fs::write(dest(&site), "x").expect("write");
    site.run(&["import", ".", "../dest"])
        .assert_code(2)
        .assert_stderr_is(
            "error: ../dest is a file, not a folder: choose a new folder for the imported site\n",
        );
}

#[test]
fn a_page_that_cannot_be_read_is_left_behind_with_the_reason() {
    let site = SiteTest::with(&[
        ("hugo.toml", "title = \"Guide\"\n"),
        ("content/_index.md", "---\ntitle: Home\n---\nHello.\n"),
        ("content/broken.md", "+++\ntitle = \"Unclosed\n+++\nText.\n"),
    ]);
    site.write_bytes("content/latin1.md", b"---\ntitle: Caf\xe9\n---\n");
    let run = site.run(&["import", ".", "../dest", "--json"]);
    run.assert_code(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let skipped = report["skipped"].as_array().expect("skipped");
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert_eq!(skipped[0]["file"], "content/broken.md");
    assert!(
        skipped[0]["reason"]
            .as_str()
            .expect("reason")
            .starts_with("its TOML front matter cannot be read: "),
        "{skipped:?}"
    );
    assert_eq!(
        skipped[1],
        serde_json::json!({"file": "content/latin1.md", "reason": "not UTF-8 text: save it as UTF-8 and import again"})
    );
    assert_eq!(report["pages"], 1);
}
