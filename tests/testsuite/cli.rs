//! The command line as a user meets it: help text, `new`, and `check`.

use crate::harness::{BIN, SiteTest};

#[test]
fn help_lists_the_commands() {
    let out = std::process::Command::new(BIN)
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    // Columns line up with the longest command name, so compare words.
    let words = help.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in [
        "build Build the site into a folder (output/ by default)",
        "check Build in memory and report every problem, writing nothing",
        "new Start a new site in an empty folder",
        "translate Translations: which pages are translated, missing or outdated; XLIFF out to translators and back",
        "import Turn a Jekyll, Hugo, Eleventy or mdBook site into a new Signpost site",
        "override Local editions: copy a base page here to change it, or list overrides (--status)",
    ] {
        assert!(words.contains(line), "{line} in\n{help}");
    }
}

#[test]
fn build_help_documents_every_flag() {
    let out = std::process::Command::new(BIN)
        .args(["build", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for flag in ["--root <DIR>", "--out <DIR>", "--drafts", "--quiet"] {
        assert!(help.contains(flag), "{flag} missing:\n{help}");
    }
}

#[test]
fn unknown_command_is_a_usage_error() {
    let out = std::process::Command::new(BIN)
        .arg("bild")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("similar"),
        "clap suggests `build`"
    );
}

#[test]
fn new_skeleton_builds_straight_away() {
    let tmp = SiteTest::empty();
    let run = tmp.run(&["new", "my-site"]);
    run.assert_code(0);
    let site = tmp.root.join("my-site");
    assert!(site.join("site.yaml").is_file());
    assert!(site.join("content/_index.md").is_file());
    let build = tmp.run(&["build", "--root", "my-site"]);
    build.assert_code(0);
    // The one warning: the skeleton's `accessibility:` block is still to fill in.
    assert!(
        build.stderr.ends_with(
            "0 errors and 1 warning in 1 file\nwarnings by rule: accessibility-contact-missing 1\n"
        ),
        "only the missing contact: {}",
        build.stderr
    );
    assert!(
        site.join("output/getting-started/first-page/index.html")
            .is_file()
    );
}

#[test]
fn new_from_guide_copies_the_bundled_guide() {
    let tmp = SiteTest::empty();
    tmp.run(&["new", "guide", "--from-guide", "--with-theme"])
        .assert_code(0);
    let site = tmp.root.join("guide");
    assert!(site.join("content/care-plans/crisis-plans.md").is_file());
    assert!(site.join("data/contacts.yaml").is_file());
    assert!(site.join("themes/default/templates/base.html").is_file());
    tmp.run(&["build", "--root", "guide"]).assert_code(0);
    assert!(
        site.join("output/care-plans/crisis-plans/index.html")
            .is_file()
    );
}

#[test]
fn new_with_github_pages_writes_a_workflow_that_checks_then_publishes() {
    let tmp = SiteTest::empty();
    let run = tmp.run(&["new", "my-site", "--github-pages"]);
    run.assert_code(0);
    assert!(
        run.stdout.contains("To publish it on GitHub Pages, read the steps at the top of my-site/.github/workflows/publish.yml"),
        "{}",
        run.stdout
    );
    let site = tmp.root.join("my-site");
    let text = std::fs::read_to_string(site.join(".github/workflows/publish.yml")).unwrap();
    let workflow: serde_yaml::Value = serde_yaml::from_str(&text).expect("the workflow is YAML");
    let steps = workflow["jobs"]["build"]["steps"].as_sequence().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    let check = runs
        .iter()
        .position(|r| r.starts_with("signpost check --format github"));
    let build = runs.iter().position(|r| r.starts_with("signpost build"));
    assert!(
        check.is_some() && check < build,
        "check runs before build: {runs:?}"
    );
    // What is uploaded is the folder `signpost build` writes.
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-pages-artifact"))
        })
        .expect("an upload step");
    assert_eq!(upload["with"]["path"].as_str(), Some("output"));
    assert_eq!(
        workflow["jobs"]["publish"]["needs"].as_str(),
        Some("build"),
        "nothing is published unless the check and build pass"
    );
    assert_eq!(
        workflow["jobs"]["publish"]["permissions"]["pages"].as_str(),
        Some("write")
    );
    let ignore = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "output/"), "{ignore}");
    tmp.run(&["build", "--root", "my-site"]).assert_code(0);
    assert!(!site.join("output/.github").exists());

    // A local edition gets the same workflow.
    tmp.run(&["new", "edition", "--extends", "guide", "--github-pages"])
        .assert_code(0);
    assert_eq!(
        std::fs::read_to_string(tmp.root.join("edition/.github/workflows/publish.yml")).unwrap(),
        text
    );
}

#[test]
fn new_refuses_a_folder_with_files() {
    let tmp = SiteTest::empty();
    tmp.write("busy/notes.txt", "mine");
    let run = tmp.run(&["new", "busy"]);
    run.assert_code(2);
    run.assert_stderr(
        "busy is not empty: Signpost only starts new sites in an empty or new folder",
    );
    assert_eq!(
        std::fs::read_to_string(tmp.root.join("busy/notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn check_writes_nothing_and_reports_errors() {
    let site = SiteTest::minimal();
    site.write(
        "content/care/plans.md",
        "---\ntitle: Plans\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\n[x](gone.md)\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1);
    assert!(
        run.stdout
            .contains("content/care/plans.md:6:1  error  broken-link"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .trim_end()
            .ends_with("1 error and 0 warnings in 1 file\nerrors by rule: broken-link 1"),
        "{}",
        run.stdout
    );
    assert!(!site.root.join("output").exists(), "check writes nothing");
}

#[test]
fn check_json_has_the_documented_shape() {
    let site = SiteTest::minimal();
    site.write(
        "content/care/plans.md",
        "---\ntitle: Plans\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\n[x](gone.md)\n",
    );
    let run = site.run(&["check", "--json"]);
    run.assert_code(1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["version"], 1);
    assert_eq!(json["summary"]["errors"], 1);
    assert_eq!(json["summary"]["warnings"], 0);
    assert_eq!(json["summary"]["pages"], 3);
    let finding = &json["findings"][0];
    assert_eq!(finding["file"], "content/care/plans.md");
    assert_eq!(finding["line"], 6);
    assert_eq!(finding["column"], 1);
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["rule"], "broken-link");
    assert!(finding["message"].as_str().unwrap().contains("gone.md"));
    assert!(finding["help"].is_string());
}
