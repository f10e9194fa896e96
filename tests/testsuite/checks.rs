//! `signpost check`: every rule with a page that triggers it (right file,
//! line, column and severity) and a page that does not.

use serde_json::Value;

use crate::harness::SiteTest;

const DATES: &str = "reviewed: 2026-10-01\nreview_due: 2027-10-01\n";

/// A site with no findings at all, plus `page` at content/care/page.md.
fn site_with_page(body: &str) -> SiteTest {
    let site = SiteTest::with(&[
        ("site.yaml", "title: Test site\n"),
        (
            "content/_index.md",
            &format!("---\ntitle: Home\n{DATES}---\nWelcome to the guide.\n"),
        ),
        (
            "content/care/_index.md",
            &format!("---\ntitle: Care\n{DATES}---\nAbout care.\n"),
        ),
        (
            "content/care/plans.md",
            &format!(
                "---\ntitle: Care plans\n{DATES}---\nA plan says who does what.\n\n## What it says\n\nIt says who helps you.\n"
            ),
        ),
    ]);
    site.write(
        "content/care/page.md",
        &format!("---\ntitle: The page\n{DATES}---\n{body}"),
    );
    site
}

/// (rule, line, column, severity) of every finding `check --json` reports.
fn findings(site: &SiteTest) -> Vec<(String, u64, u64, String)> {
    let run = site.run(&["check", "--json"]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let json: Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The page's body starts on line 6 of content/care/page.md.
const L: u64 = 6;

fn assert_finds(body: &str, rule: &str, line: u64, column: u64, severity: &str) {
    let site = site_with_page(body);
    let found = findings(&site);
    assert!(
        found.contains(&(rule.to_owned(), line, column, severity.to_owned())),
        "expected {rule} at {line}:{column} ({severity}), got {found:?}"
    );
}

fn assert_clean(body: &str, rule: &str) {
    let site = site_with_page(body);
    let found = findings(&site);
    assert!(
        !found.iter().any(|f| f.0 == rule),
        "{rule} should not fire: {found:?}"
    );
}

#[test]
fn base_site_is_clean() {
    let site = site_with_page("Nothing wrong here.\n");
    assert_eq!(findings(&site), Vec::new());
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert_eq!(run.stdout.trim(), "no problems found");
}

#[test]
fn broken_link() {
    assert_finds("See [the plan](plan.md).\n", "broken-link", L, 5, "error");
    assert_clean("See [the plan](plans.md).\n", "broken-link");
}

#[test]
fn broken_anchor() {
    assert_finds(
        "See [what it says](plans.md#what-it-said).\n",
        "broken-anchor",
        L,
        5,
        "error",
    );
    assert_clean(
        "See [what it says](plans.md#what-it-says).\n",
        "broken-anchor",
    );
}

#[test]
fn vague_link_text() {
    assert_finds(
        "Care plans: [click here](plans.md).\n",
        "vague-link-text",
        L,
        13,
        "error",
    );
    assert_finds("Read [more](plans.md).\n", "vague-link-text", L, 6, "error");
    assert_finds(
        "Go to <https://www.nhs.uk>.\n",
        "vague-link-text",
        L,
        7,
        "error",
    );
    assert_clean("Read about [care plans](plans.md).\n", "vague-link-text");
}

#[test]
fn duplicate_link_text() {
    assert_finds(
        "[Care plans](plans.md) and\n[care plans](_index.md).\n",
        "duplicate-link-text",
        L + 1,
        1,
        "warning",
    );
    assert_clean(
        "[Care plans](plans.md) and [care plans](plans.md).\n",
        "duplicate-link-text",
    );
}

#[test]
fn malformed_email_and_phone_links() {
    assert_finds(
        "[Email us](mailto:help.example.org)\n",
        "bad-email-link",
        L,
        1,
        "error",
    );
    assert_finds("[Call us](tel:call-us)\n", "bad-phone-link", L, 1, "error");
    assert_clean(
        "[Email us](mailto:help@example.org) or [call 111](tel:111)\n",
        "bad-email-link",
    );
    assert_clean("[Call 116 123](tel:116123)\n", "bad-phone-link");
}

#[test]
fn image_alt_rules() {
    let with_image = |body: &str| {
        let site = site_with_page(body);
        site.write_bytes("content/care/IMG_0123.jpg", &crate::images::jpeg(8, 8));
        findings(&site)
    };
    assert!(with_image("![](IMG_0123.jpg)\n").contains(&(
        "image-alt-missing".into(),
        L,
        1,
        "error".into()
    )));
    assert!(with_image("![ ](IMG_0123.jpg)\n").contains(&(
        "image-alt-empty".into(),
        L,
        1,
        "error".into()
    )));
    assert!(with_image("![IMG_0123.jpg](IMG_0123.jpg)\n").contains(&(
        "image-alt-filename".into(),
        L,
        1,
        "error".into()
    )));
    assert!(with_image("![IMG 0123](IMG_0123.jpg)\n").contains(&(
        "image-alt-filename".into(),
        L,
        1,
        "error".into()
    )));
    assert_eq!(
        with_image("![A nurse and a patient talking](IMG_0123.jpg)\n"),
        Vec::new()
    );
    assert_eq!(with_image("![](IMG_0123.jpg \"decorative\")\n"), Vec::new());
}

#[test]
fn heading_rules() {
    assert_finds("## One\n\n#### Three\n", "heading-skip", L + 2, 1, "error");
    assert_finds("# Another title\n", "heading-h1", L, 1, "error");
    assert_finds(
        "## One\n\n##\n\nText.\n",
        "heading-empty",
        L + 2,
        1,
        "error",
    );
    assert_clean("## One\n\n### Two\n\n## Three\n", "heading-skip");
    assert_clean("## One\n", "heading-h1");
    assert_clean("## One\n", "heading-empty");
}

#[test]
fn table_without_header() {
    assert_finds(
        "Intro.\n\n|  |  |\n|--|--|\n| a | b |\n",
        "table-no-header",
        L + 2,
        1,
        "error",
    );
    assert_clean("| Need | Who |\n|--|--|\n| a | b |\n", "table-no-header");
}

fn page_with_front(front: &str) -> SiteTest {
    let site = site_with_page("Text.\n");
    site.write(
        "content/care/page.md",
        &format!("---\ntitle: The page\n{front}---\nText.\n"),
    );
    site
}

#[test]
fn review_dates() {
    let overdue = findings(&page_with_front(
        "reviewed: 2025-01-01\nreview_due: 2026-01-01\n",
    ));
    assert!(
        overdue.contains(&("review-overdue".into(), 4, 1, "warning".into())),
        "{overdue:?}"
    );
    let order = findings(&page_with_front(
        "reviewed: 2027-12-01\nreview_due: 2027-01-01\n",
    ));
    assert!(
        order.contains(&("review-order".into(), 3, 1, "error".into())),
        "{order:?}"
    );
    let missing = findings(&page_with_front("reviewed: 2026-10-01\n"));
    assert!(
        missing.contains(&("review-missing".into(), 0, 0, "warning".into())),
        "{missing:?}"
    );
    assert_eq!(findings(&page_with_front(DATES)), Vec::new());
}

#[test]
fn strict_makes_warnings_fail() {
    let site = page_with_front("reviewed: 2025-01-01\nreview_due: 2026-01-01\n");
    site.run(&["check"]).assert_code(0);
    let strict = site.run(&["check", "--strict"]);
    strict.assert_code(1);
    assert!(strict.stdout.contains("content/care/page.md:4:1  error  review-overdue  this page was due for review on 1 January 2026"), "{}", strict.stdout);
}

#[test]
fn stale_contact() {
    let site = site_with_page("Text.\n");
    site.write(
        "data/contacts.yaml",
        "- id: fresh\n  name: Fresh line\n  verified: 2026-06-01\n- id: old\n  name: Old line\n  phone: \"0100\"\n  verified: 2025-10-01\n",
    );
    let found = findings(&site);
    assert_eq!(
        found,
        vec![("contact-stale".to_owned(), 4, 1, "warning".to_owned())]
    );
    site.write(
        "site.yaml",
        "title: Test site\ncheck:\n  contact_max_age_months: 24\n",
    );
    assert_eq!(findings(&site), Vec::new());
}

#[test]
fn rule_levels_can_be_changed_and_turned_off() {
    let site = site_with_page("Read [more](plans.md).\n");
    site.write(
        "site.yaml",
        "title: Test site\ncheck:\n  rules:\n    vague-link-text: warning\n",
    );
    assert_eq!(
        findings(&site),
        vec![("vague-link-text".to_owned(), L, 6, "warning".to_owned())]
    );
    site.write(
        "site.yaml",
        "title: Test site\ncheck:\n  rules:\n    vague-link-text: off\n",
    );
    assert_eq!(findings(&site), Vec::new());
    site.write(
        "site.yaml",
        "title: Test site\ncheck:\n  rules:\n    vague-link-txt: off\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1);
    assert!(run.stdout.contains("site.yaml:4:1  error  unknown-key  `vague-link-txt` is not a rule that can be configured under `check.rules`  (did you mean `vague-link-text`?"), "{}", run.stdout);
}

#[test]
fn build_stops_on_errors_and_prints_warnings() {
    let warned = page_with_front("reviewed: 2025-01-01\nreview_due: 2026-01-01\n");
    let run = warned.build();
    run.assert_code(0);
    run.assert_stderr("warning  review-overdue");
    let broken = site_with_page("[click here](plans.md)\n");
    broken
        .build()
        .assert_code(1)
        .assert_stderr("error  vague-link-text");
    assert!(!broken.root.join("output").exists());
}

#[test]
fn text_report_groups_by_file_and_ends_with_a_summary() {
    let site = site_with_page("[click here](plans.md)\n\n## One\n\n#### Two\n");
    site.write("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n");
    let run = site.run(&["check"]);
    run.assert_code(1);
    let expected_start =
        "content/_index.md  warning  review-missing  this page has no `reviewed` or `review_due`";
    assert!(run.stdout.starts_with(expected_start), "{}", run.stdout);
    let page_block = run
        .stdout
        .find("content/care/page.md:6:1  error  vague-link-text")
        .expect("vague");
    let skip = run
        .stdout
        .find("content/care/page.md:10:1  error  heading-skip")
        .expect("skip");
    assert!(
        page_block < skip,
        "same file's findings together, in line order"
    );
    assert!(
        run.stdout
            .trim_end()
            .ends_with("2 errors and 1 warning in 2 files\nerrors by rule: heading-skip 1, vague-link-text 1\nwarnings by rule: review-missing 1"),
        "{}",
        run.stdout
    );
}

#[test]
fn long_sentence() {
    let long = "You can ask your care co-ordinator to explain every part of the plan to you and to the people who support you.\n";
    assert_finds(long, "long-sentence", L, 1, "warning");
    assert_clean(
        "You can ask your care co-ordinator to explain the plan.\n",
        "long-sentence",
    );
}

#[test]
fn reading_grade_and_smog() {
    let hard = "Comprehensive multidisciplinary assessments necessitate considerable organisational coordination. \
Individualised interventions facilitate therapeutic relationships. \
Consequently, administrative responsibilities proliferate unnecessarily. "
        .repeat(4);
    let easy =
        "You make a plan with your worker. It says who will help you. You get a copy. ".repeat(5);
    assert_finds(&hard, "reading-grade", 0, 0, "warning");
    assert_finds(&hard, "reading-smog", 0, 0, "warning");
    assert_clean(&easy, "reading-grade");
    assert_clean(&easy, "reading-smog");
}

#[test]
fn plain_words_and_respectful_language() {
    assert_finds(
        "We will utilise your plan.\n",
        "plain-words",
        L,
        9,
        "warning",
    );
    assert_finds(
        "Staff should not say a person suffers from depression.\n",
        "respectful-language",
        L,
        31,
        "warning",
    );
    assert_clean("We will use your plan.\n", "plain-words");
    assert_clean(
        "A person who lives with depression.\n",
        "respectful-language",
    );
}

#[test]
fn site_word_lists_extend_the_defaults() {
    let site = site_with_page("Please phone the duty desk.\n");
    site.write(
        "site.yaml",
        "title: Test site\ncheck:\n  plain_words:\n    duty desk: the team's phone line\n",
    );
    assert_eq!(
        findings(&site),
        vec![("plain-words".to_owned(), L, 18, "warning".to_owned())]
    );
}

#[test]
fn json_report_includes_reading_levels() {
    let site = site_with_page("You make a plan with your worker. It says who will help you.\n");
    let run = site.run(&["check", "--json"]);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let page = json["reading"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["file"] == "content/care/page.md")
        .expect("page measured");
    assert_eq!(page["words"], 13);
    assert_eq!(page["sentences"], 2);
    assert_eq!(page["longest_sentence_words"], 7);
    assert!(page["flesch_kincaid_grade"].as_f64().unwrap() < 3.0);
    for key in [
        "flesch_reading_ease",
        "smog",
        "average_sentence_words",
        "polysyllable_share",
    ] {
        assert!(page[key].is_number(), "{key}");
    }
    let table = site.run(&["check", "--reading"]);
    assert!(table.stdout.starts_with(
        "words  sentences  longest  avg  FK grade  SMOG  reading ease  3+ syllables  page\n"
    ));
    assert!(table.stdout.contains("content/care/page.md"));
}
