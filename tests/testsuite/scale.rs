//! What keeps big sites buildable: booklets with a length limit, and pages
//! written out as they are made, with the old output kept when a build
//! fails after some pages were already written.

use crate::harness::{SiteTest, sel};

const DATES: &str = "reviewed: 2026-01-01\nreview_due: 2027-01-01";

/// A site with a section `care/` of `own` pages and a sub-section
/// `care/home/` of two pages.
fn site_with_long_section(own: usize, settings: &str) -> SiteTest {
    let site = SiteTest::minimal();
    site.write("site.yaml", &format!("title: Test site\n{settings}"));
    for n in 1..=own {
        site.write(
            &format!("content/care/page-{n}.md"),
            &format!("---\ntitle: Care page {n}\n{DATES}\n---\nAbout care, part {n}.\n"),
        );
    }
    site.write(
        "content/care/home/_index.md",
        &format!("---\ntitle: Care at home\n{DATES}\n---\nCare in your own home.\n"),
    );
    for n in 1..=2 {
        site.write(
            &format!("content/care/home/visit-{n}.md"),
            &format!("---\ntitle: Home visit {n}\n{DATES}\n---\nA visit, part {n}. See [the plans](../plans.md).\n"),
        );
    }
    site
}

/// The titles of a booklet's chapters, in order.
fn chapter_titles(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    doc.select(&sel(
        "article.chapter > h2:first-child, article.chapter > h3:first-child",
    ))
    .map(|h| h.text().collect::<String>())
    .collect()
}

#[test]
fn a_whole_guide_booklet_over_the_limit_is_not_made_and_check_says_what_to_do() {
    // Home, Care, Care plans, 3 more pages and Care at home with 2 visits:
    // the guide booklet would have 8 chapters.
    let site = site_with_long_section(3, "booklets:\n  max_chapters: 7\n");
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert_eq!(
        run.stdout,
        "site.yaml:3:1  warning  booklet-too-long  the whole-guide booklet at booklet/ would have 8 chapters, more than `booklets.max_chapters` (7), so it is not made  (readers can print each section's booklet instead. To make it anyway, raise `max_chapters` under `booklets:` in site.yaml; to stop this warning, set `booklets: {guide: false}`)\n    3 |   max_chapters: 7\n      | ^\n\n0 errors and 1 warning in 1 file\nwarnings by rule: booklet-too-long 1\n",
    );
    site.build().assert_code(0);
    assert!(!site.root.join("output/booklet/index.html").exists());
    assert!(!site.root.join("output/booklet/large-print").exists());
    assert!(
        !site.output("index.html").contains("href=booklet/"),
        "the home page links to no booklet that is not there"
    );
    // Section booklets stay, with their large print.
    assert!(site.root.join("output/care/booklet/index.html").is_file());
    assert!(
        site.root
            .join("output/care/booklet/large-print/index.html")
            .is_file()
    );
}

#[test]
fn the_default_limit_keeps_small_guides_whole() {
    let site = site_with_long_section(3, "");
    site.run(&["check", "--strict"]).assert_code(0);
    site.build().assert_code(0);
    let guide = site.output("booklet/index.html");
    // The sections are parts; their pages and sub-sections are chapters.
    assert_eq!(chapter_titles(&guide).len(), 7);
}

#[test]
fn a_long_section_booklet_prints_its_own_pages_and_points_to_its_sub_sections_booklets() {
    // care/ has Care plans and 4 pages of its own, and 3 in care/home/:
    // 8 chapters in all, over a limit of 6.
    let site = site_with_long_section(4, "booklets:\n  guide: false\n  max_chapters: 6\n");
    site.run(&["check", "--strict"]).assert_code(0);
    site.build().assert_code(0);

    let care = site.output("care/booklet/index.html");
    let titles = chapter_titles(&care);
    assert_eq!(
        titles,
        [
            "Care page 1",
            "Care page 2",
            "Care page 3",
            "Care page 4",
            "Care plans"
        ],
        "only the section's own pages"
    );
    let doc = scraper::Html::parse_document(&care);
    let apart: Vec<(String, String)> = doc
        .select(&sel("#printed-apart ~ ul a"))
        .map(|a| {
            (
                a.text().collect(),
                a.value().attr("href").unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        apart,
        [(
            "Care at home".to_owned(),
            "../home/booklet/index.html".to_owned()
        )]
    );
    assert!(
        doc.select(&sel(".booklet-toc a[href=\"#printed-apart\"]"))
            .next()
            .is_some(),
        "the contents list the printed-apart booklets too"
    );

    // The large print points to the large print.
    let large = site.output("care/booklet/large-print/index.html");
    let doc = scraper::Html::parse_document(&large);
    let href = doc
        .select(&sel("#printed-apart ~ ul a"))
        .next()
        .and_then(|a| a.value().attr("href"))
        .map(str::to_owned);
    assert_eq!(
        href.as_deref(),
        Some("../../home/booklet/large-print/index.html")
    );

    // The sub-section's own booklet is there, and its link to a page of
    // the parent section, outside the booklet, works from both editions.
    let home = crate::harness::compact(&site.output("care/home/booklet/index.html"));
    assert_eq!(chapter_titles(&home), ["Home visit 1", "Home visit 2"]);
    assert!(
        home.contains("href=../../plans/index.html"),
        "{}",
        crate::harness::main_of(&home)
    );
    let home_large =
        crate::harness::compact(&site.output("care/home/booklet/large-print/index.html"));
    assert!(home_large.contains("href=../../../plans/index.html"));
}

#[test]
fn a_printed_split_booklet_gives_the_address_of_each_booklet_printed_apart() {
    let site = site_with_long_section(
        4,
        "base_url: https://example.org/guide/\nbooklets:\n  guide: false\n  max_chapters: 6\n",
    );
    site.build().assert_code(0);
    let doc = scraper::Html::parse_document(&site.output("care/booklet/index.html"));
    let item: Vec<String> = doc
        .select(&sel("#printed-apart ~ ul li"))
        .map(|li| li.text().collect())
        .collect();
    assert_eq!(
        item,
        ["Care at home https://example.org/guide/care/home/booklet/"]
    );
    let large = scraper::Html::parse_document(&site.output("care/booklet/large-print/index.html"));
    let item: Vec<String> = large
        .select(&sel("#printed-apart ~ ul bdi"))
        .map(|b| b.text().collect())
        .collect();
    assert_eq!(
        item,
        ["https://example.org/guide/care/home/booklet/large-print/"]
    );
}

#[test]
fn a_section_whose_own_pages_pass_the_limit_gets_no_booklet_and_a_warning_at_its_index() {
    let site = site_with_long_section(6, "booklets:\n  guide: false\n  max_chapters: 6\n");
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert_eq!(
        run.stdout,
        "content/care/_index.md:1:1  warning  booklet-too-long  this section's booklet would have 7 pages of its own, more than `booklets.max_chapters` (6), so it is not made  (move some of its pages into sub-sections (folders with an _index.md), which get booklets of their own; or raise `max_chapters` under `booklets:` in site.yaml)\n\n0 errors and 1 warning in 1 file\nwarnings by rule: booklet-too-long 1\n",
    );
    site.build().assert_code(0);
    assert!(!site.root.join("output/care/booklet").exists());
    assert!(
        site.root
            .join("output/care/home/booklet/index.html")
            .is_file()
    );
    assert!(
        !site.output("care/index.html").contains("booklet/"),
        "the section page links to no booklet of its own"
    );
}

#[test]
fn zero_chapters_is_refused_at_its_line() {
    let site = SiteTest::minimal();
    site.write(
        "site.yaml",
        "title: Test site\nbooklets:\n  max_chapters: 0\n",
    );
    site.build().assert_code(1).assert_stderr_is(
        "site.yaml:3:1  error  bad-value  `booklets.max_chapters` is 0, so no booklet could be made  (remove the line to use the default (150), or turn booklets off with `guide: false` and `sections: false`)\n    3 |   max_chapters: 0\n      | ^\n\n1 error and 0 warnings in 1 file\nerrors by rule: bad-value 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n",
    );
}

#[test]
fn a_build_that_fails_after_its_pages_were_written_keeps_the_old_output() {
    let site = SiteTest::minimal();
    site.build().assert_code(0);
    let before = site.output_snapshot();
    // A page at care/booklet/ takes the address of the section's booklet:
    // found only when booklets are made, after every page was written out.
    site.write(
        "content/care/booklet.md",
        &format!("---\ntitle: Booklet\n{DATES}\n---\nA page called booklet.\n"),
    );
    site.write(
        "content/care/plans.md",
        &format!("---\ntitle: Care plans\n{DATES}\n---\nChanged text.\n"),
    );
    let run = site.build();
    run.assert_code(1)
        .assert_stderr("error  duplicate-url  a page is already at care/booklet/index.html");
    assert_eq!(
        site.output_snapshot(),
        before,
        "the previous output must be untouched"
    );
    let parent = site.root.clone();
    let leftovers: Vec<String> = std::fs::read_dir(&parent)
        .expect("site folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("signpost-new") || name.contains("signpost-old"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no staging folder left: {leftovers:?}"
    );
}

#[test]
fn check_writes_nothing_at_all() {
    let site = SiteTest::minimal();
    site.run(&["check"]).assert_code(0);
    let names: Vec<String> = std::fs::read_dir(&site.root)
        .expect("site folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, ["content", "site.yaml"]);
}
