//! Easy-read variants: pairing, layout, pictograms and every easy-read rule.

use scraper::Html;
use serde_json::Value;

use crate::harness::{SiteTest, sel};

fn built() -> SiteTest {
    let site = SiteTest::fixture("easy-read");
    let run = site.build();
    run.assert_code(0);
    assert!(
        run.stderr.is_empty(),
        "the fixture is clean: {}",
        run.stderr
    );
    site
}

#[test]
fn twins_link_to_each_other_near_the_top() {
    let site = built();
    let standard = Html::parse_document(&site.output("care/plans/index.html"));
    let easy = Html::parse_document(&site.output("care/plans/easy-read/index.html"));
    let first_link = |doc: &Html| {
        doc.select(&sel("main > p.alternate-version a"))
            .next()
            .map(|a| {
                (
                    a.value().attr("href").unwrap().to_owned(),
                    a.text().collect::<String>(),
                )
            })
    };
    assert_eq!(
        first_link(&standard),
        Some((
            "easy-read/index.html".to_owned(),
            "Easy read version of this page".to_owned()
        ))
    );
    assert_eq!(
        first_link(&easy),
        Some((
            "../index.html".to_owned(),
            "Standard version of this page".to_owned()
        ))
    );
    let alternate = |doc: &Html| {
        doc.select(&sel("head link[rel=alternate]"))
            .next()
            .map(|l| {
                (
                    l.value().attr("href").unwrap().to_owned(),
                    l.value().attr("title").unwrap().to_owned(),
                )
            })
    };
    assert_eq!(
        alternate(&standard),
        Some(("easy-read/index.html".into(), "Easy read version".into()))
    );
    assert_eq!(
        alternate(&easy),
        Some(("../index.html".into(), "Standard version".into()))
    );
}

#[test]
fn section_listing_shows_easy_read_versions_and_lone_easy_pages() {
    let site = built();
    let doc = Html::parse_document(&site.output("care/index.html"));
    let items: Vec<String> = doc
        .select(&sel(".listing > li"))
        .map(|li| li.text().collect::<String>())
        .collect();
    assert_eq!(items.len(), 2, "the twin is not listed twice: {items:?}");
    assert!(items[0].starts_with("Care plans"));
    assert!(items[0].contains("Easy read version of Care plans"));
    assert!(items[1].starts_with("Getting help Easy read"), "{items:?}");
    assert!(
        site.root
            .join("output/care/help/easy-read/index.html")
            .is_file()
    );
}

#[test]
fn rows_put_the_picture_beside_the_words() {
    let site = built();
    let doc = Html::parse_document(&site.output("care/plans/easy-read/index.html"));
    assert!(doc.select(&sel("body.kind-easy-read")).next().is_some());
    let rows: Vec<_> = doc.select(&sel(".er-row")).collect();
    assert_eq!(rows.len(), 2);
    let img = rows[0].select(&sel(".er-picture img")).next().unwrap();
    assert_eq!(
        img.value().attr("src"),
        Some("../../../static/pictograms/plan.svg")
    );
    assert_eq!(img.value().attr("alt"), Some("A plan on a clipboard"));
    let text: String = rows[0]
        .select(&sel(".er-text"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(
        text,
        "You have a care plan. A care plan says what help you will get."
    );
    assert!(
        site.root
            .join("output/static/pictograms/plan.svg")
            .is_file()
    );
}

#[test]
fn unknown_pictogram_is_an_error_with_its_line() {
    let site = SiteTest::fixture("easy-read");
    site.write(
        "content/care/help.easy.md",
        "---\ntitle: Getting help\nreviewed: 2026-10-01\nreview_due: 2027-10-01\n---\n![A phone](picto:phon)\nYou can phone for help.\n",
    );
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr("content/care/help.easy.md:6:1  error  unknown-pictogram  there is no pictogram called `phon` in the theme  (did you mean `picto:phone`?");
}

/// Findings of `check --json` for an easy-read page with `body`.
fn easy_findings(body: &str) -> Vec<(String, u64)> {
    let site = SiteTest::fixture("easy-read");
    site.write(
        "content/care/help.easy.md",
        &format!(
            "---\ntitle: Getting help\nreviewed: 2026-10-01\nreview_due: 2027-10-01\n---\n{body}"
        ),
    );
    site.write(
        "data/glossary.yaml",
        "- term: care plan\n  meaning: A list of the help you get.\n",
    );
    site.write("content/glossary.md", "---\ntitle: Glossary\ntemplate: glossary\nreviewed: 2026-10-01\nreview_due: 2027-10-01\n---\nWords.\n");
    let run = site.run(&["check", "--json"]);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"] == "content/care/help.easy.md")
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The body starts on line 6.
const ROW: &str = "![A phone](picto:phone)\n";

fn assert_rule(body: &str, rule: &str, line: u64) {
    let found = easy_findings(body);
    assert!(
        found.contains(&(rule.to_owned(), line)),
        "expected {rule} at line {line}: {found:?}"
    );
}

fn assert_no_rule(body: &str, rule: &str) {
    let found = easy_findings(body);
    assert!(
        !found.iter().any(|(r, _)| r == rule),
        "{rule} should not fire: {found:?}"
    );
}

#[test]
fn clean_easy_read_page_has_no_findings() {
    assert_eq!(
        easy_findings(&format!(
            "{ROW}You can phone for help.\nYou can phone at any time.\n"
        )),
        Vec::new()
    );
}

#[test]
fn easy_long_sentence() {
    assert_rule(
        &format!(
            "{ROW}You can phone the team at any time of the day or night if you need some help now.\n"
        ),
        "easy-long-sentence",
        7,
    );
    assert_no_rule(
        &format!("{ROW}You can phone the team at any time.\n"),
        "easy-long-sentence",
    );
}

#[test]
fn easy_one_idea() {
    assert_rule(
        &format!("{ROW}You can phone the team, and they will call you back.\n"),
        "easy-one-idea",
        7,
    );
    assert_rule(
        &format!("{ROW}Phone the team which helps you.\n"),
        "easy-one-idea",
        7,
    );
    assert_no_rule(
        &format!("{ROW}You can phone the team.\nThey will call you back.\n"),
        "easy-one-idea",
    );
}

#[test]
fn easy_row_without_picture() {
    assert_rule(
        &format!("{ROW}You can phone.\n\nThis row has no picture.\n"),
        "easy-row-without-picture",
        9,
    );
    assert_no_rule(
        &format!("{ROW}You can phone.\n\n{ROW}This row has a picture.\n"),
        "easy-row-without-picture",
    );
}

#[test]
fn easy_picture_alt() {
    assert_rule("![](picto:phone)\nYou can phone.\n", "easy-picture-alt", 6);
    assert_no_rule(&format!("{ROW}You can phone.\n"), "easy-picture-alt");
}

#[test]
fn easy_emphasis() {
    assert_rule(
        &format!("{ROW}You can *always* phone.\n"),
        "easy-emphasis",
        7,
    );
    assert_no_rule(
        &format!("{ROW}You can **always** phone.\n"),
        "easy-emphasis",
    );
}

#[test]
fn easy_capitals() {
    assert_rule(
        &format!("{ROW}You can phone at ANY time.\n"),
        "easy-capitals",
        7,
    );
    assert_no_rule(
        &format!("{ROW}You can phone the NHS at any time.\n"),
        "easy-capitals",
    );
}

#[test]
fn easy_hard_word() {
    assert_rule(
        &format!("{ROW}You have a care plan.\nYou can phone.\n"),
        "easy-hard-word",
        7,
    );
    assert_rule(
        &format!("{ROW}You have a **care plan**.\nYou can phone.\n"),
        "easy-hard-word",
        7,
    );
    assert_rule(
        &format!("{ROW}Ask about **confidentiality**.\nYou can phone.\n"),
        "easy-hard-word",
        7,
    );
    assert_no_rule(
        &format!("{ROW}You have a **care plan**.\nA care plan is a list of the help you get.\n"),
        "easy-hard-word",
    );
}

#[test]
fn easy_number_words() {
    assert_rule(
        &format!("{ROW}You can ask three people.\n"),
        "easy-number-words",
        7,
    );
    assert_no_rule(
        &format!("{ROW}You can ask 3 people.\n"),
        "easy-number-words",
    );
}

#[test]
fn easy_too_long() {
    let long: String = (0..300)
        .map(|i| format!("{ROW}This is row {i}.\n\n"))
        .collect();
    assert_rule(&long, "easy-too-long", 1);
    assert_no_rule(&format!("{ROW}A short page.\n"), "easy-too-long");
}

#[test]
fn easy_reading_grade_is_stricter() {
    let words = "Professionals coordinate individualised interventions. Organisations collaborate considerately. ".repeat(8);
    let body = words
        .split(". ")
        .filter(|s| !s.trim().is_empty())
        .map(|s| format!("{ROW}{}.\n\n", s.trim().trim_end_matches('.')))
        .collect::<String>();
    assert_rule(&body, "easy-reading-grade", 0);
    assert_no_rule(
        &format!(
            "{ROW}{}\n",
            "You can phone us. We can help you. ".repeat(10)
        ),
        "easy-reading-grade",
    );
}

#[test]
fn easy_read_pages_make_one_booklet_in_guide_order() {
    let site = built();
    let doc = Html::parse_document(&site.output("booklet/easy-read/index.html"));
    assert!(
        doc.select(&sel("body.kind-booklet.kind-easy-read"))
            .next()
            .is_some()
    );
    let chapters: Vec<String> = doc
        .select(&sel("article.chapter > h2"))
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(
        chapters,
        ["Your care plan", "Getting help"],
        "each page once, in listing order"
    );
    assert_eq!(doc.select(&sel(".er-row")).count(), 3);
    assert!(
        site.output("index.html")
            .contains("href=booklet/easy-read/index.html>all the easy read pages as one booklet")
    );
}
