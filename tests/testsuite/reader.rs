//! Issue 15's reading and publishing features that imported sites rely on:
//! "On this page" contents and redirect pages at old addresses (`aliases`).

use crate::harness::{SiteTest, main_of, sel};

const FRONT: &str = "reviewed: 2026-01-01\nreview_due: 2027-01-01";

fn page_with(front_extra: &str, headings: usize) -> String {
    let mut body = String::from("Intro.\n");
    for n in 1..=headings {
        body.push_str(&format!("\n## Part {n}\n\nText {n}.\n"));
    }
    format!("---\ntitle: Long page\n{FRONT}\n{front_extra}---\n{body}")
}

fn contents_links(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    doc.select(&sel("nav.page-contents a"))
        .map(|a| a.value().attr("href").unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_page_with_three_sections_lists_them_and_every_link_resolves() {
    let site = SiteTest::minimal();
    site.write("content/care/long.md", &page_with("", 3));
    site.build().assert_code(0);
    let html = site.output("care/long/index.html");
    let links = contents_links(&html);
    assert_eq!(links, ["#part-1", "#part-2", "#part-3"]);
    let doc = scraper::Html::parse_document(&html);
    let nav = doc.select(&sel("nav.page-contents")).next().unwrap();
    assert_eq!(nav.value().attr("aria-label"), Some("On this page"));
    for link in links {
        let id = &link[1..];
        assert_eq!(doc.select(&sel(&format!("h2#{id}"))).count(), 1, "{id}");
    }
    // Two sections are not enough by default.
    assert!(contents_links(&site.output("care/plans/index.html")).is_empty());
    assert!(main_of(&html).contains("page-contents"));
}

#[test]
fn the_threshold_is_a_site_setting_and_front_matter_overrides_it() {
    let site = SiteTest::minimal();
    site.write("site.yaml", "title: Test site\ntoc:\n  min_headings: 2\n");
    site.write("content/care/two.md", &page_with("", 2));
    site.write("content/care/off.md", &page_with("toc: false\n", 5));
    site.write("content/care/on.md", &page_with("toc: true\n", 1));
    site.build().assert_code(0);
    assert_eq!(contents_links(&site.output("care/two/index.html")).len(), 2);
    assert!(contents_links(&site.output("care/off/index.html")).is_empty());
    assert_eq!(
        contents_links(&site.output("care/on/index.html")),
        ["#part-1"]
    );
}

#[test]
fn booklets_keep_their_own_contents_and_no_page_list() {
    let site = SiteTest::minimal();
    site.write("content/care/long.md", &page_with("", 4));
    site.build().assert_code(0);
    let booklet = site.output("care/booklet/index.html");
    assert!(
        contents_links(&booklet).is_empty(),
        "chapters carry no page contents"
    );
    let doc = scraper::Html::parse_document(&booklet);
    assert_eq!(doc.select(&sel("nav.booklet-toc")).count(), 1);
}

#[test]
fn aliases_write_redirect_pages_that_work_from_disk() {
    let site = SiteTest::minimal();
    site.write(
        "content/care/plans.md",
        &format!("---\ntitle: Care plans\n{FRONT}\naliases:\n  - old/care-plan.html\n  - /leaflets/plans/\n---\nA plan.\n"),
    );
    site.build().assert_code(0);
    let file = site.output("old/care-plan.html");
    assert!(
        file.contains("<meta http-equiv=\"refresh\" content=\"0; url=../care/plans/index.html\">"),
        "{file}"
    );
    assert!(file.contains("<link rel=\"canonical\" href=\"../care/plans/index.html\">"));
    assert!(
        file.contains("<a href=\"../care/plans/index.html\">Go to the new page: Care plans</a>"),
        "{file}"
    );
    assert!(file.contains("<html lang=\"en\" dir=\"ltr\">"));
    let folder = site.output("leaflets/plans/index.html");
    assert!(
        folder.contains("url=../../care/plans/index.html"),
        "{folder}"
    );
    assert!(
        !site.root.join("output/_redirects").exists(),
        "no _redirects unless asked"
    );
}

#[test]
fn with_a_base_url_the_canonical_is_absolute_and_netlify_gets_redirects() {
    let site = SiteTest::minimal();
    site.write(
        "site.yaml",
        "title: Test site\nbase_url: https://example.nhs.uk/guide\noutput:\n  redirects: netlify\n",
    );
    site.write(
        "content/care/plans.md",
        &format!("---\ntitle: Care plans\n{FRONT}\naliases: [old/care-plan.html, leaflets/plans]\n---\nA plan.\n"),
    );
    site.build().assert_code(0);
    assert!(
        site.output("old/care-plan.html")
            .contains("<link rel=\"canonical\" href=\"https://example.nhs.uk/guide/care/plans/\">")
    );
    assert_eq!(
        site.output("_redirects"),
        "/guide/old/care-plan.html /guide/care/plans/ 301\n/guide/leaflets/plans/ /guide/care/plans/ 301\n"
    );
}

#[test]
fn an_alias_on_a_page_or_another_alias_is_a_duplicate_url_at_its_line() {
    let site = SiteTest::minimal();
    site.write(
        "content/care/plans.md",
        &format!(
            "---\ntitle: Care plans\n{FRONT}\naliases:\n  - care\n  - leaflets/x\n---\nA plan.\n"
        ),
    );
    site.write(
        "content/care/other.md",
        &format!("---\ntitle: Other\n{FRONT}\naliases: [leaflets/x/]\n---\nText.\n"),
    );
    let run = site.build();
    run.assert_code(1);
    // Pages are taken in path order, so other.md's alias claims the address first.
    run.assert_stderr_is("content/care/plans.md:6:1  error  duplicate-url  the alias `care` would be written to care/index.html, which is already the address of content/care/_index.md  (remove this alias, or change it to the old address readers really used)\n    6 |   - care\n      | ^\ncontent/care/plans.md:7:1  error  duplicate-url  the alias `leaflets/x` would be written to leaflets/x/index.html, which is already the address of an alias in content/care/other.md  (remove this alias, or change it to the old address readers really used)\n    7 |   - leaflets/x\n      | ^\n\n2 errors and 0 warnings in 1 file\nerrors by rule: duplicate-url 2\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
}

#[test]
fn an_alias_that_leaves_the_site_is_refused() {
    let site = SiteTest::minimal();
    site.write(
        "content/care/plans.md",
        &format!("---\ntitle: Care plans\n{FRONT}\naliases: [\"../../etc/x\"]\n---\nA plan.\n"),
    );
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_is("content/care/plans.md:5:1  error  invalid-alias  the alias `../../etc/x` has an empty, `.` or `..` part: it must name a place inside the site  (write the old address as a path from the site root, like `leaflets/crisis` or `old/crisis-plan.html`)\n    5 | aliases: [\"../../etc/x\"]\n      | ^\n\n1 error and 0 warnings in 1 file\nerrors by rule: invalid-alias 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
    assert!(!site.root.join("etc").exists());
}

#[test]
fn an_alias_over_a_file_signpost_writes_is_refused() {
    let site = SiteTest::minimal();
    site.write(
        "content/care/plans.md",
        &format!("---\ntitle: Care plans\n{FRONT}\naliases: [404.html]\n---\nA plan.\n"),
    );
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr("the alias `404.html` would be written to 404.html, where Signpost writes a file of its own");
}

#[test]
fn a_captioned_image_alone_in_its_paragraph_is_a_figure() {
    let site = SiteTest::minimal();
    site.write_bytes("content/care/garden.jpg", &crate::images::jpeg(8, 8));
    site.write(
        "content/care/plans.md",
        &format!("---\ntitle: Care plans\n{FRONT}\n---\n![Two people on a bench](garden.jpg \"The garden at Oak House\")\n\nText with ![a bench](garden.jpg \"A bench\") inline.\n\n![A path](garden.jpg)\n"),
    );
    site.build().assert_code(0);
    let html = site.output("care/plans/index.html");
    let doc = scraper::Html::parse_document(&html);
    let figures: Vec<_> = doc.select(&sel("main figure")).collect();
    assert_eq!(figures.len(), 1, "{html}");
    let figure = figures[0];
    assert_eq!(
        figure
            .select(&sel("img"))
            .next()
            .unwrap()
            .value()
            .attr("alt"),
        Some("Two people on a bench")
    );
    assert_eq!(
        figure
            .select(&sel("figcaption"))
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
        "The garden at Oak House"
    );
    assert_eq!(
        doc.select(&sel("p figure, p > img[alt='A path']")).count(),
        1,
        "the uncaptioned image stays in its paragraph"
    );
    assert_eq!(
        doc.select(&sel("p > img[title='A bench']")).count(),
        1,
        "an inline image keeps its title"
    );
}

#[test]
fn a_caption_that_repeats_the_alt_text_is_a_warning_at_its_line() {
    let site = SiteTest::minimal();
    site.write_bytes("content/care/garden.jpg", &crate::images::jpeg(8, 8));
    site.write(
        "content/care/plans.md",
        &format!("---\ntitle: Care plans\n{FRONT}\n---\nIntro.\n\n![The garden](garden.jpg \"The garden.\")\n"),
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert!(
        run.stdout.contains("content/care/plans.md:8:1  warning  caption-repeats-alt  the caption of `garden.jpg` repeats its alt text: \"The garden.\"  (let the alt text say what the picture shows and the caption add something (who, where, when); or leave the caption out)\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_image_over_the_budget_is_reported_at_the_file_with_its_size() {
    let site = SiteTest::minimal();
    // A real JPEG header, padded to the weight of a phone photo.
    let mut heavy = crate::images::jpeg(8, 8);
    heavy.resize(3 * 1024 * 1024 + 300 * 1024, 0);
    site.write_bytes("content/care/photo.JPG", &heavy);
    site.write_bytes(
        "content/care/small.png",
        &crate::images::png_drawing(40, 40),
    );
    site.write_bytes("content/care/leaflet.pdf", &vec![0u8; 400 * 1024]);
    let run = site.run(&["check"]);
    run.assert_code(0);
    // With image support built in, the help points to `images: {resize: true}`.
    let help = if cfg!(feature = "images") {
        "set `images: {resize: true}` in site.yaml and Signpost ships a copy 1200 pixels wide; or make it smaller before adding it: saving a photo as JPEG at 75% quality usually brings it under 100 KB"
    } else {
        "make it smaller before adding it: about 1200 pixels wide is enough for any screen, and saving a photo as JPEG at 75% quality, or a drawing as PNG or SVG, usually brings it under 100 KB"
    };
    assert!(run.stdout.contains(&format!("content/care/photo.JPG  warning  image-too-heavy  this image is 3.3 MB, over the 100 KB budget for one image  ({help})\n")), "{}", run.stdout);
    assert_eq!(
        run.stdout.matches("  warning  image-too-heavy  ").count(),
        1,
        "{}",
        run.stdout
    );
    site.write(
        "site.yaml",
        "title: Test site\ncheck:\n  max_image_kb: 4000\n",
    );
    assert!(!site.run(&["check"]).stdout.contains("image-too-heavy"));
}

fn reviewed_page(title: &str, reviewed: &str, summary: &str) -> String {
    format!(
        "---\ntitle: {title}\nsummary: {summary}\nreviewed: {reviewed}\nreview_due: 2027-12-01\n---\nText.\n"
    )
}

#[test]
fn the_atom_feed_lists_recently_reviewed_pages_newest_first_and_is_valid_xml() {
    let site = SiteTest::minimal();
    site.write(
        "site.yaml",
        "title: Test & site\ndescription: Guidance <for> everyone\nbase_url: https://example.nhs.uk/guide\n",
    );
    site.write(
        "content/care/new.md",
        &reviewed_page(
            "Newest \"page\"",
            "2026-11-02",
            "\"Fresh \\x01words & more\"",
        ),
    );
    site.write(
        "content/care/mid.md",
        &reviewed_page("Middle", "2026-06-01", "Half way"),
    );
    site.build().assert_code(0);
    let feed = site.output("feed.xml");
    let doc = roxmltree::Document::parse(&feed).unwrap_or_else(|e| panic!("{e}\n{feed}"));
    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let child = |node: roxmltree::Node, name: &str| {
        node.children()
            .find(|c| c.has_tag_name(name))
            .and_then(|c| c.text())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(child(root, "title"), "Test & site");
    assert_eq!(child(root, "subtitle"), "Guidance <for> everyone");
    assert_eq!(child(root, "updated"), "2026-11-02T00:00:00Z");
    let entries: Vec<_> = root
        .children()
        .filter(|c| c.has_tag_name("entry"))
        .collect();
    let titles: Vec<String> = entries.iter().map(|e| child(*e, "title")).collect();
    assert_eq!(titles[..2], ["Newest \"page\"", "Middle"]);
    assert_eq!(
        child(entries[0], "id"),
        "https://example.nhs.uk/guide/care/new/"
    );
    assert_eq!(child(entries[0], "summary"), "Fresh words & more");
    // Pages reviewed on the same day keep path order: the same input gives the same bytes.
    assert_eq!(entries.len(), 5);
    site.build().assert_code(0);
    assert_eq!(site.output("feed.xml"), feed);
}

#[test]
fn no_feed_without_a_base_url() {
    let site = SiteTest::minimal();
    site.build().assert_code(0);
    assert!(!site.root.join("output/feed.xml").exists());
}

#[test]
fn pages_point_feed_readers_at_the_feed() {
    let site = SiteTest::minimal();
    site.write(
        "site.yaml",
        "title: Test site\nbase_url: https://example.nhs.uk/\n",
    );
    site.build().assert_code(0);
    let doc = scraper::Html::parse_document(&site.output("care/plans/index.html"));
    let link = doc
        .select(&sel("link[type='application/atom+xml']"))
        .next()
        .expect("feed link");
    assert_eq!(link.value().attr("href"), Some("../../feed.xml"));
}

#[test]
fn precompress_writes_gzip_and_brotli_beside_text_files_only() {
    use std::io::Read as _;
    let site = SiteTest::minimal();
    site.write(
        "site.yaml",
        "title: Test site\noutput:\n  precompress: true\n",
    );
    site.write_bytes("content/care/photo.jpg", &crate::images::jpeg(8, 8));
    site.build().assert_code(0);
    let out = site.root.join("output");
    let html = std::fs::read(out.join("care/plans/index.html")).unwrap();
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&std::fs::read(out.join("care/plans/index.html.gz")).unwrap()[..])
        .read_to_end(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, html);
    assert!(out.join("care/plans/index.html.br").is_file());
    assert!(out.join("404.html.gz").is_file() && out.join("robots.txt.br").is_file());
    assert!(
        !out.join("care/photo.jpg.gz").exists(),
        "images are not compressed again"
    );
    let plain = SiteTest::minimal();
    plain.build().assert_code(0);
    assert!(!plain.root.join("output/care/plans/index.html.gz").exists());
}

fn worksheet_site() -> SiteTest {
    let site = SiteTest::minimal();
    site.write(
        "content/care/my-plan.md",
        &format!("---\ntitle: My plan\n{FRONT}\n---\nFill it in. See [care plans](plans.md).\n\n```worksheet\nWhat matters to me? [lines 3]\n```\n"),
    );
    site
}

#[test]
fn every_booklet_and_worksheet_has_a_large_print_edition_linked_both_ways() {
    let site = worksheet_site();
    site.build().assert_code(0);
    let link_of = |html: &str, text: &str| {
        let doc = scraper::Html::parse_document(html);
        doc.select(&sel("p.alternate-version a"))
            .find(|a| a.text().collect::<String>().starts_with(text))
            .and_then(|a| a.value().attr("href").map(str::to_owned))
    };
    let sheet = site.output("care/my-plan/index.html");
    assert_eq!(
        link_of(&sheet, "Large print version").as_deref(),
        Some("large-print/index.html")
    );
    let large = site.output("care/my-plan/large-print/index.html");
    let doc = scraper::Html::parse_document(&large);
    let body = doc.select(&sel("body")).next().unwrap();
    let classes: Vec<&str> = body.value().classes().collect();
    assert!(
        classes.contains(&"large-print") && classes.contains(&"has-worksheet"),
        "{classes:?}"
    );
    assert_eq!(
        doc.select(&sel("main h1"))
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
        "My plan"
    );
    assert_eq!(
        doc.select(&sel("main section.worksheet textarea")).count(),
        1
    );
    assert_eq!(
        link_of(&large, "Standard print version").as_deref(),
        Some("../index.html")
    );
    // Links in the large-print copy are relative to its own folder.
    assert_eq!(
        doc.select(&sel("main p a"))
            .filter(|a| a.value().attr("href") == Some("../../plans/index.html"))
            .count(),
        1,
        "{large}"
    );

    let booklet = site.output("care/booklet/index.html");
    assert_eq!(
        link_of(&booklet, "Large print version").as_deref(),
        Some("large-print/index.html")
    );
    let large_booklet = site.output("care/booklet/large-print/index.html");
    let lb = scraper::Html::parse_document(&large_booklet);
    let lb_classes: Vec<&str> = lb
        .select(&sel("body"))
        .next()
        .unwrap()
        .value()
        .classes()
        .collect();
    assert!(
        lb_classes.contains(&"large-print") && !lb_classes.contains(&"has-worksheet"),
        "{lb_classes:?}"
    );
    assert_eq!(
        link_of(&large_booklet, "Standard print version").as_deref(),
        Some("../index.html")
    );
    assert!(
        site.root
            .join("output/booklet/large-print/index.html")
            .is_file()
    );
    // A page without a worksheet has no large-print edition of its own.
    assert!(!site.root.join("output/care/plans/large-print").exists());
    assert_eq!(
        link_of(&site.output("care/plans/index.html"), "Large print version"),
        None
    );
}

#[test]
fn large_print_can_be_turned_off() {
    let site = worksheet_site();
    site.write(
        "site.yaml",
        "title: Test site\nbooklets:\n  large_print: false\n",
    );
    site.build().assert_code(0);
    assert!(!site.root.join("output/care/my-plan/large-print").exists());
    assert!(!site.root.join("output/care/booklet/large-print").exists());
    assert!(
        !site
            .output("care/my-plan/index.html")
            .contains("Large print")
    );
    assert!(
        !site
            .output("care/booklet/index.html")
            .contains("Large print")
    );
}

#[test]
fn feedback_is_a_mail_naming_the_page_and_only_when_the_site_asks() {
    let site = SiteTest::minimal();
    site.write(
        "site.yaml",
        "title: Test site\nbase_url: https://example.nhs.uk/guide/\nfeedback:\n  email: patient.info@example.nhs.uk\n",
    );
    site.build().assert_code(0);
    let doc = scraper::Html::parse_document(&site.output("care/plans/index.html"));
    let link = doc
        .select(&sel("p.feedback a"))
        .next()
        .expect("feedback link");
    assert_eq!(
        link.text().collect::<String>(),
        "Tell us if this page could be better"
    );
    assert_eq!(
        link.value().attr("href"),
        Some(
            "mailto:patient.info@example.nhs.uk?subject=Care%20plans%20%28https%3A%2F%2Fexample.nhs.uk%2Fguide%2Fcare%2Fplans%2F%29"
        )
    );
    // The footer carries a link for feedback about the whole site.
    let footer = doc
        .select(&sel("footer.site-footer a[href^='mailto:']"))
        .next()
        .expect("footer feedback link");
    assert_eq!(
        footer.text().collect::<String>(),
        "Send us feedback about this site"
    );
    assert_eq!(
        footer.value().attr("href"),
        Some("mailto:patient.info@example.nhs.uk?subject=Test%20site")
    );
    let plain = SiteTest::minimal();
    plain.build().assert_code(0);
    assert!(!plain.output("care/plans/index.html").contains("mailto:"));
}

#[test]
fn a_feedback_address_that_is_not_one_is_refused_at_its_line() {
    let site = SiteTest::minimal();
    site.write(
        "site.yaml",
        "title: Test site\nfeedback:\n  email: the web team\n",
    );
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_is("site.yaml:3:1  error  bad-email-link  `the web team` is not an email address, for `feedback.email`  (write one address, like feedback@example.nhs.uk)\n    3 |   email: the web team\n      | ^\n\n1 error and 0 warnings in 1 file\nerrors by rule: bad-email-link 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
}

/// The links of the section list beside (or after) the content, with the
/// one marked as the current page.
fn section_nav(html: &str) -> Option<(String, Vec<String>, Vec<String>)> {
    let doc = scraper::Html::parse_document(html);
    let nav = doc.select(&sel("nav.section-nav")).next()?;
    let heading_id = nav.value().attr("aria-labelledby").unwrap_or_default();
    let heading = doc
        .select(&sel(&format!("#{heading_id}")))
        .next()
        .map(|h| h.text().collect::<String>())
        .unwrap_or_default();
    let links = |query: &str| -> Vec<String> {
        nav.select(&sel(query))
            .map(|a| a.value().attr("href").unwrap_or_default().to_owned())
            .collect()
    };
    Some((heading, links("li a"), links("a[aria-current=page]")))
}

#[test]
fn a_page_in_a_section_lists_the_sections_pages_and_marks_itself() {
    let site = SiteTest::minimal();
    let page = |title: &str, weight: u8| {
        format!("---\ntitle: {title}\nweight: {weight}\n{FRONT}\n---\nText.\n")
    };
    site.write("content/care/crisis.md", &page("Crisis plans", 2));
    site.write(
        "content/care/crisis.easy.md",
        &page("Crisis plans (easy read)", 2),
    );
    site.write("content/care/review/_index.md", &page("Reviews", 3));
    site.write("content/alone/_index.md", &page("Alone", 4));
    site.write("content/alone/only.md", &page("The only page", 1));
    site.write("content/top.md", &page("A top page", 5));
    site.build().assert_code(0);

    let (heading, links, current) =
        section_nav(&site.output("care/crisis/index.html")).expect("a section list");
    assert_eq!(heading, "Care");
    // Listed pages in listing order (weight first: "Care plans" has none),
    // then subsections; the easy-read twin is not listed.
    assert_eq!(
        links,
        ["index.html", "../plans/index.html", "../review/index.html"]
    );
    assert_eq!(current, ["index.html"]);
    assert!(
        !site
            .output("care/crisis/index.html")
            .contains("class=section-all")
    );
    // The easy-read page marks its standard twin as the page being read.
    let (_, _, current) =
        section_nav(&site.output("care/crisis/easy-read/index.html")).expect("easy read");
    assert_eq!(current, ["../index.html"]);

    // Every link resolves to a page that was built.
    for link in links {
        let path = std::path::Path::new("care/crisis").join(&link);
        assert!(site.root.join("output").join(&path).exists(), "{link}");
    }
    // None on the home page, a section page, a top-level page, or a section
    // with nothing else in it; and never in print.
    for path in [
        "index.html",
        "care/index.html",
        "top/index.html",
        "alone/only/index.html",
    ] {
        assert!(section_nav(&site.output(path)).is_none(), "{path}");
    }
    let css = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/style.css"),
    )
    .unwrap();
    assert!(css.contains(".site-nav, .section-nav, .breadcrumbs"));
}

#[test]
fn a_long_sections_list_shows_the_pages_around_this_one_and_links_to_the_rest() {
    let site = SiteTest::minimal();
    for n in 1..=30 {
        site.write(
            &format!("content/care/p{n:02}.md"),
            &format!("---\ntitle: Page {n}\nweight: {n}\n{FRONT}\n---\nText.\n"),
        );
    }
    site.build().assert_code(0);
    let html = site.output("care/p15/index.html");
    let (_, links, current) = section_nav(&html).expect("a section list");
    // 12 entries around this one (Care plans, with no weight, comes last
    // and is out of the window), then the link to the section page.
    let expected: Vec<String> = (9..=20)
        .map(|n| match n {
            15 => "index.html".to_owned(),
            _ => format!("../p{n:02}/index.html"),
        })
        .chain(["../index.html".to_owned()])
        .collect();
    assert_eq!(links, expected);
    assert_eq!(current, ["index.html"]);
    assert!(
        html.contains("<li class=section-all><a href=../index.html>All pages in this section</a>"),
        "{html}"
    );
    // The first page's window starts at the top; a short section is never shortened.
    let (_, first, _) = section_nav(&site.output("care/p01/index.html")).unwrap();
    assert_eq!(first[0], "index.html");
    assert_eq!(first.len(), 13);
}
