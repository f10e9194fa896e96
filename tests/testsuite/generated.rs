//! The pages Signpost writes itself: the A–Z index, "What has changed" and
//! the accessibility statement, one per language, and the
//! `accessibility-contact-missing` warning.

use std::path::Path;

use crate::harness::{BIN, MINIMAL, SiteTest, main_of, sel};

/// The generated pages of the languages fixture (en, cy, ar, ur).
const LANGUAGE_PAGES: &[&str] = &[
    "a-z/index.html",
    "changes/index.html",
    "accessibility/index.html",
    "cy/a-z/index.html",
    "cy/changes/index.html",
    "cy/accessibility/index.html",
    "ar/a-z/index.html",
    "ur/accessibility/index.html",
];

/// Every `href` of `file` that is not another website, a mail or a phone
/// link, resolved against the output folder: the file must exist, and a
/// `#fragment` must be an id in it.
fn assert_links_resolve(out: &Path, file: &str) {
    let html = std::fs::read_to_string(out.join(file)).expect("built page");
    let doc = scraper::Html::parse_document(&html);
    let dir = Path::new(file).parent().unwrap_or(Path::new(""));
    let mut checked = 0;
    for link in doc.select(&sel("a[href], link[href]")) {
        let href = link.value().attr("href").unwrap_or_default();
        if href.contains(':') {
            continue;
        }
        let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
        let target = if path.is_empty() {
            out.join(file)
        } else {
            out.join(dir).join(path)
        };
        assert!(target.is_file(), "{file}: {href} leads nowhere");
        if !fragment.is_empty() {
            let text = std::fs::read_to_string(&target).expect("target");
            let target_doc = scraper::Html::parse_document(&text);
            let id = format!("[id=\"{fragment}\"]");
            assert!(
                target_doc.select(&sel(&id)).next().is_some(),
                "{file}: {href} has no #{fragment}"
            );
        }
        checked += 1;
    }
    assert!(checked > 10, "{file}: only {checked} links checked");
}

#[test]
fn each_page_is_made_per_language_and_its_links_resolve() {
    let site = SiteTest::fixture("languages");
    site.build().assert_code(0);
    let out = site.root.join("output");
    for file in LANGUAGE_PAGES {
        assert_links_resolve(&out, file);
    }
    let welsh = site.output("cy/a-z/index.html");
    let doc = scraper::Html::parse_document(&welsh);
    let html = doc.select(&sel("html")).next().expect("html");
    assert_eq!(html.value().attr("lang"), Some("cy"));
    assert_eq!(
        doc.select(&sel("h1")).next().map(|h| h.inner_html()),
        Some("A i Y".to_owned())
    );
    // The switcher offers the other languages' A–Z, hreflang the absolute addresses.
    let switcher: Vec<_> = doc
        .select(&sel("nav.languages a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        switcher,
        [
            "../../a-z/index.html",
            "../../ar/a-z/index.html",
            "../../ur/a-z/index.html"
        ]
    );
    assert!(welsh.contains(
        "<link href=https://example.org/guide/cy/a-z/index.html hreflang=cy rel=alternate>"
    ));
    let arabic = site.output("ar/accessibility/index.html");
    assert!(arabic.contains("dir=rtl"), "Arabic reads right to left");
    // Each page is in the sitemap, with its other languages.
    let sitemap = site.output("sitemap.xml");
    for dir in ["a-z/", "cy/changes/", "ur/accessibility/"] {
        assert!(
            sitemap.contains(&format!("<loc>https://example.org/guide/{dir}</loc>")),
            "{dir} in the sitemap"
        );
    }
    assert!(sitemap.contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"cy\" href=\"https://example.org/guide/cy/a-z/\"/>"
    ));
}

#[test]
fn header_footer_and_404_link_the_pages() {
    let site = SiteTest::fixture("languages");
    site.build().assert_code(0);
    let page = site.output("cy/care/plans/index.html");
    let doc = scraper::Html::parse_document(&page);
    let href = |selector: &str| {
        doc.select(&sel(selector))
            .map(|a| a.value().attr("href").unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(href(".site-header a.az-link"), ["../../a-z/index.html"]);
    assert_eq!(
        href(".site-footer a"),
        ["../../accessibility/index.html", "../../changes/index.html"]
    );
    assert!(page.contains("<a class=\"menu-link az-link\" href=../../a-z/index.html>"));
    // On the A–Z itself, its header link says it is the current page.
    let a_to_z = site.output("cy/a-z/index.html");
    assert!(
        a_to_z.contains("<a class=\"menu-link az-link\" aria-current=page href=index.html>"),
        "{a_to_z}"
    );
    let not_found = site.output("cy/404.html");
    assert!(
        not_found.contains("<a href=a-z/index.html>rhestr A i Y o'r holl dudalennau</a>"),
        "{not_found}"
    );
}

#[test]
fn a_to_z_groups_pages_and_terms_by_letter() {
    let site = SiteTest::minimal();
    site.write(
        "content/care/eating.md",
        "---\ntitle: Ëating well\nsummary: Food and mood.\n---\nText.\n",
    );
    site.write(
        "content/care/plans.easy.md",
        "---\ntitle: Your care plan\n---\n![A phone](picto:phone)\nText.\n",
    );
    site.write(
        "content/care/alone.easy.md",
        "---\ntitle: Zoo visit\n---\n![A phone](picto:phone)\nText.\n",
    );
    site.write(
        "content/care/later.md",
        "---\ntitle: Kept back\ndraft: true\n---\nText.\n",
    );
    site.write(
        "content/glossary.md",
        "---\ntitle: Glossary\ntemplate: glossary\n---\nWords.\n",
    );
    site.write(
        "data/glossary.yaml",
        "- term: Advocate\n  meaning: Someone on your side.\n",
    );
    site.run(&["build", "--drafts"]).assert_code(0);
    let html = site.output("a-z/index.html");
    let main = main_of(&html);
    let doc = scraper::Html::parse_fragment(main);
    let letters: Vec<String> = doc
        .select(&sel("nav.az-letters li"))
        .map(|li| li.inner_html())
        .collect();
    assert_eq!(letters.len(), 26);
    assert_eq!(letters[0], "<a href=\"#letter-a\">A</a>");
    assert_eq!(letters[1], "<span>B</span>", "B has no entries: plain text");
    assert_eq!(letters[4], "<a href=\"#letter-e\">E</a>", "Ë is under E");
    let headings: Vec<String> = doc.select(&sel("h2")).map(|h| h.inner_html()).collect();
    assert_eq!(headings, ["A", "C", "E", "G", "Z"]);
    assert!(main.contains(
        "<a href=../glossary/index.html#advocate>Advocate</a> <span class=tag>Glossary</span>"
    ));
    assert!(main.contains("<a href=../care/eating/index.html>Ëating well</a><p>Food and mood."));
    assert!(
        main.contains("<a href=../care/alone/easy-read/index.html>Zoo visit</a> <span class=tag>Easy read</span>"),
        "a lone easy-read page is marked: {main}"
    );
    assert!(
        !main.contains("Your care plan"),
        "an easy-read twin is reached from its page"
    );
    assert!(!main.contains("Kept back"), "drafts are left out");
    assert!(!main.contains(">Home<"), "the home page is not listed");
}

#[test]
fn changes_lists_the_newest_reviews_first_without_a_base_url() {
    let site = SiteTest::minimal();
    site.write(
        "content/care/new.md",
        "---\ntitle: Newest page\nsummary: Just checked.\nreviewed: 2026-11-20\n---\nText.\n",
    );
    site.build().assert_code(0);
    let html = site.output("changes/index.html");
    let main = main_of(&html);
    let titles: Vec<String> = scraper::Html::parse_fragment(main)
        .select(&sel("ul.listing > li > a"))
        .map(|a| a.inner_html())
        .collect();
    assert_eq!(titles, ["Newest page", "Home", "Care", "Care plans"]);
    assert!(main.contains(
        "<a href=../care/new/index.html>Newest page</a><p>Reviewed <time datetime=2026-11-20>20 November 2026</time><p>Just checked."
    ));
    assert!(!main.contains("feed.xml"), "no feed without base_url");
    assert!(!site.root.join("output/feed.xml").exists());
}

#[test]
fn the_sites_own_page_wins_untouched() {
    let site = SiteTest::minimal();
    site.write(
        "content/accessibility.md",
        "---\ntitle: Our accessibility statement\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nWritten by us.\n",
    );
    site.write(
        "content/a-z/_index.md",
        "---\ntitle: Our index\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nOur own list.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert_eq!(
        run.stderr, "",
        "no duplicate-url, no missing-contact warning"
    );
    let statement = site.output("accessibility/index.html");
    assert!(statement.contains("<h1>Our accessibility statement</h1>"));
    assert!(!statement.contains("Enforcement procedure"));
    assert!(site.output("a-z/index.html").contains("Our own list."));
    // The header and footer link the site's own pages.
    let page = site.output("care/plans/index.html");
    assert!(page.contains("<a class=\"menu-link az-link\" href=../../a-z/index.html>A to Z</a>"));
    assert!(page.contains("<a href=../../accessibility/index.html>Accessibility statement</a>"));
}

#[test]
fn a_theme_without_the_templates_gets_no_such_pages() {
    let site = SiteTest::minimal();
    site.use_theme_with_page("<h1>{{ page.title }}</h1>");
    site.build().assert_code(0);
    for dir in ["a-z", "changes", "accessibility"] {
        assert!(!site.root.join("output").join(dir).exists(), "{dir}/");
    }
}

/// The minimal site with `site_yaml` written exactly (no test contact).
fn minimal_with_settings(site_yaml: &str) -> SiteTest {
    let site = SiteTest::minimal();
    site.write_exact("site.yaml", site_yaml);
    site
}

#[test]
fn a_site_with_no_contact_is_warned() {
    let site = minimal_with_settings("title: Test site\n");
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert_eq!(
        run.stdout,
        "site.yaml:1:1  warning  accessibility-contact-missing  the accessibility statement gives readers no way to report a problem: site.yaml has no accessibility contact  (add `accessibility:` with `organisation:` and at least one of `contact_email:`, `contact_phone:` or `contact_url:`; the accessibility regulations require a way to report a problem)\n    1 | title: Test site\n      | ^\n\n0 errors and 1 warning in 1 file\nwarnings by rule: accessibility-contact-missing 1\n"
    );
    site.run(&["check", "--strict"]).assert_code(1);
    // An `accessibility:` block without a contact is pointed at.
    let site =
        minimal_with_settings("title: Test site\naccessibility:\n  organisation: Test trust\n");
    let run = site.run(&["check"]);
    assert!(
        run.stdout
            .starts_with("site.yaml:2:1  warning  accessibility-contact-missing"),
        "{}",
        run.stdout
    );
    // The statement says so, and names the organisation.
    site.build().assert_code(0);
    let html = site.output("accessibility/index.html");
    assert!(
        html.contains("Test trust has not yet given a way to contact them about accessibility.")
    );
    // The rule can be turned off like any other.
    let site = minimal_with_settings(
        "title: Test site\ncheck:\n  rules: {accessibility-contact-missing: off}\n",
    );
    let run = site.run(&["check", "--strict"]);
    run.assert_code(0);
    assert_eq!(run.stdout, "no problems found\n");
}

#[test]
fn a_contact_readers_cannot_use_is_an_error_at_its_line() {
    let site = minimal_with_settings(
        "title: Test site\naccessibility:\n  contact_email: not an address\n  contact_url: ftp://example.org\n",
    );
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_is(
        "site.yaml:3:1  error  bad-email-link  `not an address` is not an email address, for `accessibility.contact_email`  (write one address, like accessibility@example.nhs.uk)\n    3 |   contact_email: not an address\n      | ^\nsite.yaml:4:1  error  bad-value  `accessibility.contact_url` must be a full web address, found `ftp://example.org`  (write it like https://example.nhs.uk/contact-us)\n    4 |   contact_url: ftp://example.org\n      | ^\n\n2 errors and 0 warnings in 1 file\nerrors by rule: bad-email-link 1, bad-value 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n",
    );
}

#[test]
fn compliance_comes_only_from_site_yaml() {
    let site = SiteTest::minimal();
    site.build().assert_code(0);
    let untested = site.output("accessibility/index.html");
    assert!(untested.contains("This site has not yet been tested against the Web Content Accessibility Guidelines (WCAG) version 2.2, level AA, so we do not say whether it meets it."));
    assert!(
        !untested.contains("compliant"),
        "no compliance claim of its own"
    );
    let site = minimal_with_settings(
        "title: Test site\naccessibility:\n  organisation: Test trust\n  contact_phone: \"0300 123 4567\"\n  compliance: partial\n  last_tested: 2026-10-01\n  tested_by: an outside auditor\n  known_issues:\n    - Some PDF leaflets cannot be read by screen readers.\n",
    );
    site.build().assert_code(0);
    let tested = site.output("accessibility/index.html");
    for text in [
        "Test trust runs this site.",
        "<li>Some PDF leaflets cannot be read by screen readers.</ul>",
        "<a href=tel:03001234567>0300 123 4567</a>",
        "This site is partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2, level AA, because of the problems listed above.",
        "The site was last tested on <time datetime=2026-10-01>1 October 2026</time> by an outside auditor.",
    ] {
        assert!(tested.contains(text), "{text}");
    }
    let site = minimal_with_settings(
        "title: Test site\naccessibility:\n  contact_email: a@example.org\n  compliance: full\n",
    );
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr("site.yaml:4:1  error  bad-value  `accessibility.compliance` is set, but not when the site was tested");
}

#[test]
fn the_statement_says_what_the_build_checked() {
    let site = minimal_with_settings(
        "title: Test site\naccessibility: {contact_email: a@example.org}\ncheck:\n  rules: {heading-skip: off, heading-h1: off, heading-empty: off, table-no-header: off}\n",
    );
    site.build().assert_code(0);
    let html = site.output("accessibility/index.html");
    // What the checks make sure of, in plain words, not rule ids: the
    // headings group is off, and the site has no easy read and one language.
    assert!(
        html.contains("<ul class=checks-on><li>Every link says where it goes, and email and phone links work.<li>Every picture has text that describes it, and no picture is too large to load.<li>Sentences are short, and words are plain and respectful.<li>Pages, phone numbers and other contacts are reviewed on time.</ul>"),
        "{html}"
    );
    // With one heading rule back on, the headings line is back.
    site.write_exact(
        "site.yaml",
        "title: Test site\naccessibility: {contact_email: a@example.org}\ncheck:\n  rules: {heading-skip: off, heading-h1: off, heading-empty: off}\n",
    );
    site.build().assert_code(0);
    assert!(
        site.output("accessibility/index.html")
            .contains("<li>Headings are in order, and every table has a header row.")
    );
    site.write_exact(
        "site.yaml",
        "title: Test site\naccessibility: {contact_email: a@example.org}\n",
    );
    site.build().assert_code(0);
    assert!(html.contains("No page needs JavaScript, and the site sets no cookies."));
    assert!(html.contains(
        "This statement was last updated on <time datetime=2026-11-21>21 November 2026</time>, when the site was built."
    ));
    // With raw HTML allowed, a page could carry a script: no such claim.
    site.write_exact(
        "site.yaml",
        "title: Test site\naccessibility: {contact_email: a@example.org}\nmarkdown: {raw_html: allow}\n",
    );
    site.build().assert_code(0);
    assert!(
        !site
            .output("accessibility/index.html")
            .contains("JavaScript")
    );
}

#[test]
fn the_build_date_honours_source_date_epoch() {
    let site = SiteTest::minimal();
    let output = std::process::Command::new(BIN)
        .arg("build")
        .current_dir(&site.root)
        .env_remove("SIGNPOST_TODAY")
        .env("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01T00:00:00Z
        .output()
        .expect("run signpost");
    assert!(output.status.success(), "{output:?}");
    assert!(
        site.output("accessibility/index.html")
            .contains("<time datetime=2026-01-01>1 January 2026</time>, when the site was built.")
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let site = SiteTest::fixture("languages");
    site.run(&["build", "--out", "one"]).assert_code(0);
    site.run(&["build", "--out", "two"]).assert_code(0);
    for file in LANGUAGE_PAGES.iter().chain(&["sitemap.xml"]) {
        let one = std::fs::read(site.root.join("one").join(file)).expect("one");
        let two = std::fs::read(site.root.join("two").join(file)).expect("two");
        assert!(one == two, "{file} differs between builds");
    }
}

#[test]
fn new_sites_and_editions_are_warned_until_they_name_a_contact() {
    for args in [
        &["new", "site-a"][..],
        &["new", "site-b", "--from-guide"],
        &["new", "site-c", "--extends", "guide"],
    ] {
        let home = SiteTest::empty();
        home.run(args).assert_code(0);
        let dir = home.root.join(args[1]);
        let settings = std::fs::read_to_string(dir.join("site.yaml")).expect("site.yaml");
        assert!(
            settings.contains("# accessibility:\n#   organisation:"),
            "{settings}"
        );
        let run = std::process::Command::new(BIN)
            .args(["check", "--root"])
            .arg(&dir)
            .env("SIGNPOST_TODAY", "2026-11-21")
            .output()
            .expect("run");
        let stdout = String::from_utf8_lossy(&run.stdout);
        assert!(
            stdout.contains("warnings by rule: accessibility-contact-missing 1"),
            "{args:?}: {stdout}"
        );
    }
}

#[test]
fn an_edition_does_not_inherit_its_bases_contact() {
    let site = SiteTest::empty();
    for (path, text) in MINIMAL {
        site.write(&format!("national/{path}"), text);
    }
    site.write_exact("site.yaml", "title: Local\nextends: national\n");
    let run = site.run(&["check"]);
    assert!(
        run.stdout
            .contains("warning  accessibility-contact-missing"),
        "{}",
        run.stdout
    );
}
