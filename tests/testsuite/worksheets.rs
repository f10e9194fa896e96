//! Worksheets and booklets, checked on the built HTML with a real HTML parser.

use std::collections::HashSet;

use scraper::{ElementRef, Html};

use crate::harness::{SiteTest, sel};

fn built() -> SiteTest {
    let site = SiteTest::fixture("worksheets");
    let run = site.build();
    run.assert_code(0);
    assert!(run.stderr.is_empty(), "no warnings: {}", run.stderr);
    site
}

/// The accessible name a screen reader would announce for a form control.
fn accessible_name(doc: &Html, control: ElementRef) -> Option<String> {
    if let Some(label) = control.value().attr("aria-label") {
        return Some(label.to_owned());
    }
    let id = control.value().attr("id")?;
    doc.select(&sel("label"))
        .find(|l| l.value().attr("for") == Some(id))
        .map(|l| l.text().collect::<String>().trim().to_owned())
        .filter(|t| !t.is_empty())
}

#[test]
fn every_control_has_an_accessible_name_and_groups_have_legends() {
    let site = built();
    let doc = Html::parse_document(&site.output("sheets/review/index.html"));
    let controls: Vec<ElementRef> = doc.select(&sel("input, textarea, select")).collect();
    assert_eq!(
        controls.len(),
        3 + 3 + 3 + 1 + 12 + 3,
        "every item became a control"
    );
    for control in &controls {
        let name = accessible_name(&doc, *control);
        assert!(name.is_some(), "no accessible name: {}", control.html());
    }
    for radio in doc.select(&sel("input[type=radio], input[type=checkbox]")) {
        let fieldset = radio
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|a| a.value().name() == "fieldset");
        let legend = fieldset.and_then(|f| f.select(&sel("legend")).next());
        assert!(
            legend.is_some_and(|l| !l.text().collect::<String>().trim().is_empty()),
            "group without legend: {}",
            radio.html()
        );
    }
    let ids: Vec<&str> = doc
        .select(&sel("[id]"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    assert_eq!(
        ids.len(),
        ids.iter().collect::<HashSet<_>>().len(),
        "ids are unique"
    );
}

#[test]
fn nothing_can_be_sent_or_fetched() {
    let site = built();
    for page in [
        "sheets/review/index.html",
        "sheets/one-question/index.html",
        "sheets/booklet/index.html",
        "booklet/index.html",
    ] {
        let html = site.output(page);
        let doc = Html::parse_document(&html);
        assert_eq!(
            doc.select(&sel("form")).count(),
            0,
            "{page}: no form, so nothing can be submitted"
        );
        assert_eq!(
            doc.select(&sel("[action], [formaction]")).count(),
            0,
            "{page}"
        );
        assert_eq!(
            doc.select(&sel("script, link[rel=stylesheet], iframe"))
                .count(),
            0,
            "{page}"
        );
        for element in doc.select(&sel("[src]")) {
            let src = element.value().attr("src").unwrap();
            assert!(
                !src.contains("//"),
                "{page}: {src} would be a network request to another site"
            );
        }
    }
    let html = site.output("sheets/review/index.html");
    assert!(html.contains(
        "What you type here stays on this device. It is not sent anywhere and it is not saved."
    ));
}

#[test]
fn printout_carries_title_source_and_date() {
    let site = built();
    let doc = Html::parse_document(&site.output("sheets/review/index.html"));
    let meta: String = doc
        .select(&sel(".print-meta"))
        .next()
        .expect("print header")
        .text()
        .collect();
    assert_eq!(
        meta,
        "Worksheet test site. Source: Making the CPA work for you (2008). Page reviewed 1 October 2026."
    );
    assert!(
        doc.select(&sel("body.has-worksheet")).next().is_some(),
        "print layout for worksheets"
    );
    assert!(
        site.output("sheets/review/index.html")
            .contains("@media print{@page{size:A4}}")
    );
}

#[test]
fn a5_paper_can_be_chosen() {
    let site = SiteTest::fixture("worksheets");
    site.write(
        "site.yaml",
        "title: Worksheet test site\nprint:\n  paper: a5\n",
    );
    site.build().assert_code(0);
    assert!(
        site.output("sheets/review/index.html")
            .contains("@page{size:A5}")
    );
}

#[test]
fn worksheet_syntax_errors_name_the_line() {
    let site = SiteTest::fixture("worksheets");
    site.write(
        "content/sheets/one-question.md",
        "---\ntitle: One question\nreviewed: 2026-10-01\nreview_due: 2027-10-01\n---\nIntro.\n\n```worksheet\nWhat matters? [lines 3]\nWhat else? [lnes 2]\nPick some [tick]\n```\n",
    );
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr("content/sheets/one-question.md:10:1  error  worksheet-syntax  [lnes 2] is not a kind of answer  (did you mean [lines]?");
    run.assert_stderr("content/sheets/one-question.md:11:1  error  worksheet-syntax  the question \"Pick some\" has no options");
}

#[test]
fn section_and_guide_booklets_hold_every_page_with_working_links() {
    let site = built();
    let section = site.output("sheets/booklet/index.html");
    let doc = Html::parse_document(&section);
    let chapters: Vec<String> = doc
        .select(&sel("article.chapter > h2"))
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(
        chapters,
        ["Planning my review", "One question"],
        "pages in section order"
    );
    let ids: HashSet<&str> = doc
        .select(&sel("[id]"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    for link in doc.select(&sel("main a[href^='#']")) {
        let target = &link.value().attr("href").unwrap()[1..];
        assert!(
            ids.contains(target),
            "in-document link to missing #{target}"
        );
    }
    let toc: Vec<&str> = doc
        .select(&sel(".booklet-toc a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(toc, ["#ch-sheets-review", "#ch-sheets-one-question"]);
    // The link between two chapters stays inside the document.
    assert!(doc.select(&sel("#ch-sheets-review ~ p a[href='#ch-sheets-one-question'], article a[href='#ch-sheets-one-question']")).next().is_some());

    let guide = Html::parse_document(&site.output("booklet/index.html"));
    let parts: Vec<String> = guide
        .select(&sel("section.booklet-part > h2"))
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(parts, ["Sheets"]);
    assert!(
        site.output("index.html")
            .contains("href=booklet/index.html>the guide as one booklet"),
        "home links the guide booklet"
    );
    assert!(
        site.output("sheets/index.html")
            .contains("href=booklet/index.html>all of “Sheets” as one booklet"),
        "section links its booklet"
    );
}

#[test]
fn worksheets_section_is_the_guide_booklet_appendix() {
    let site = SiteTest::fixture("worksheets");
    site.write(
        "site.yaml",
        "title: Worksheet test site\nbooklets:\n  appendix: sheets\n",
    );
    site.build().assert_code(0);
    let guide = Html::parse_document(&site.output("booklet/index.html"));
    let appendix: String = guide
        .select(&sel(".booklet-appendix > h2"))
        .next()
        .expect("appendix")
        .text()
        .collect();
    assert_eq!(appendix, "Appendix: Sheets");
    let chapters = guide.select(&sel(".booklet-appendix article")).count();
    assert_eq!(chapters, 2);
}

#[test]
fn booklets_can_be_turned_off() {
    let site = SiteTest::fixture("worksheets");
    site.write(
        "site.yaml",
        "title: Worksheet test site\nbooklets:\n  guide: false\n  sections: false\n",
    );
    site.build().assert_code(0);
    assert!(!site.root.join("output/booklet").exists());
    assert!(!site.root.join("output/sheets/booklet").exists());
    assert!(
        !site.output("index.html").contains("href=booklet/"),
        "no link to a booklet that is not there"
    );
}
