//! A site in English, Welsh, Arabic and Urdu: translations under `LANG/`,
//! the language switcher, hreflang both ways, the theme's words and dates
//! in each language, right-to-left pages, and translations that have
//! fallen behind their source.

use crate::harness::{SiteTest, compact, main_of};

fn built() -> SiteTest {
    let site = SiteTest::fixture("languages");
    site.build().assert_code(0);
    site
}

#[test]
fn translations_are_built_under_their_language_with_the_source_path() {
    let site = built();
    for path in [
        "index.html",
        "cy/index.html",
        "ar/index.html",
        "ur/index.html",
        "care/plans/index.html",
        "cy/care/plans/index.html",
        "ar/care/plans/index.html",
        "ur/care/plans/index.html",
        "care/other/index.html",
    ] {
        site.output(path);
    }
    assert!(!site.root.join("output/cy/care/other/index.html").exists());
}

#[test]
fn switcher_names_each_language_in_itself_with_lang_and_hreflang() {
    let html = built().output("care/plans/index.html");
    assert!(html.contains("<nav aria-label=\"This page in other languages\" class=\"languages wrap\"><ul><li><a href=../../cy/care/plans/index.html hreflang=cy lang=cy>Cymraeg</a><li><a href=../../ar/care/plans/index.html hreflang=ar lang=ar>العربية</a><li><a href=../../ur/care/plans/index.html hreflang=ur lang=ur>اردو</a></ul></nav>"), "{html}");
    // A page in one language only has no switcher.
    let other = built().output("care/other/index.html");
    assert!(!other.contains("class=\"languages"), "{other}");
}

#[test]
fn hreflang_alternates_go_both_ways_with_x_default() {
    let site = built();
    let alternates = "<link href=https://example.org/guide/care/plans/index.html hreflang=en rel=alternate><link href=https://example.org/guide/cy/care/plans/index.html hreflang=cy rel=alternate><link href=https://example.org/guide/ar/care/plans/index.html hreflang=ar rel=alternate><link href=https://example.org/guide/ur/care/plans/index.html hreflang=ur rel=alternate><link href=https://example.org/guide/care/plans/index.html hreflang=x-default rel=alternate>";
    for path in [
        "care/plans/index.html",
        "cy/care/plans/index.html",
        "ur/care/plans/index.html",
    ] {
        assert!(site.output(path).contains(alternates), "{path}");
    }
    let sitemap = site.output("sitemap.xml");
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    assert!(sitemap.contains("<url><loc>https://example.org/guide/cy/care/plans/</loc><lastmod>2026-11-01</lastmod><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/guide/care/plans/\"/><xhtml:link rel=\"alternate\" hreflang=\"cy\" href=\"https://example.org/guide/cy/care/plans/\"/>"), "{sitemap}");
}

#[test]
fn welsh_pages_have_welsh_words_dates_navigation_and_settings() {
    let html = built().output("cy/care/plans/index.html");
    assert!(html.starts_with("<!doctype html><html dir=ltr lang=cy>"));
    for words in [
        "<title>Cynlluniau gofal | Canllaw prawf ieithoedd</title>",
        "<a class=skip-link href=#main>Neidio i'r prif gynnwys</a>",
        "<strong>Angen help nawr?</strong> Mewn perygl nawr? Ffoniwch 999. <a href=index.html>Cael help</a>",
        "<li><a href=../../index.html>Hafan</a>",
        "<p class=callout-title>Nodyn",
        "<p>Adolygwyd y dudalen ddiwethaf: <time datetime=2026-11-01>1 Tachwedd 2026</time>",
        "<h2 id=site-nav-title>Cynnwys</h2><ul><li><a href=../../index.html>Hafan</a><li><a aria-current=page href=index.html>Cynlluniau gofal</a></ul>",
    ] {
        assert!(html.contains(words), "missing {words}\n{html}");
    }
    for english in [
        "Page last reviewed",
        "November",
        "Skip to main content",
        ">Home<",
    ] {
        assert!(!html.contains(english), "English {english} on a Welsh page");
    }
}

#[test]
fn machine_translations_say_so_and_link_to_the_source() {
    let html = built().output("cy/care/plans/index.html");
    assert!(html.contains("<div class=machine-translation role=note><p>Cafodd y dudalen hon ei chyfieithu gan gyfrifiadur. Nid yw cyfieithydd cymwys wedi'i gwirio eto. <a href=../../../care/plans/index.html hreflang=en>Darllen y dudalen wreiddiol (English).</a></div>"), "{html}");
    // A human translation has no notice.
    assert!(
        !built()
            .output("ur/care/plans/index.html")
            .contains("class=machine-translation")
    );
}

#[test]
fn arabic_and_urdu_pages_run_right_to_left_with_numbers_isolated() {
    let site = built();
    for (path, lang) in [("ar/care/plans/index.html", "ar"), ("ur/index.html", "ur")] {
        let html = site.output(path);
        assert!(
            html.starts_with(&format!("<!doctype html><html dir=rtl lang={lang}>")),
            "{path}"
        );
    }
    let main_html = site.output("ar/care/plans/index.html");
    let main = main_of(&main_html);
    assert!(
        main.contains("<a dir=ltr href=tel:01000000000>0100 000 0000</a>"),
        "{main}"
    );
    // The contact data is in the site's language, and says so.
    assert!(
        main.contains("<p class=contact-name lang=en>Test helpline"),
        "{main}"
    );
    // The English page's contact card is as before.
    let english = site.output("care/plans/index.html");
    assert!(main_of(&english).contains("<a href=tel:01000000000>0100 000 0000</a>"));
    assert!(main_of(&english).contains("<p class=contact-name>Test helpline"));
}

#[test]
fn outdated_translations_are_reported_by_date_and_by_hash() {
    let site = SiteTest::fixture("languages");
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert!(run.stdout.contains("content/care/plans.ar.md:6:1  warning  translation-outdated  content/care/plans.md was reviewed on 2026-11-01, after this translation (2026-10-01)  (check the translation against the source, update it, then set its `reviewed:` date)"), "{}", run.stdout);
    assert!(run.stdout.contains("content/care/plans.ur.md:6:1  warning  translation-outdated  the text of content/care/plans.md has changed since this page was translated from it (sha256:0000000000000000, now sha256:07a584e092878321)  (update the translation, then set `source_hash: \"sha256:07a584e092878321\"` under `translation:`)"), "{}", run.stdout);
    assert!(run.stdout.contains("site.yaml:19:1  warning  untranslated-setting  ar pages show the site's description, help in en  (add them under `translations: {ar: {...}}` in site.yaml)"), "{}", run.stdout);
    // The Welsh page's stamp matches its source: nothing to say.
    assert!(!run.stdout.contains("plans.cy.md"), "{}", run.stdout);
}

#[test]
fn help_text_shown_in_the_sites_language_is_marked_as_that_language() {
    let site = built();
    // Arabic has no help text of its own: the English one is marked, so a
    // screen reader reads it in an English voice and its punctuation stays put.
    let arabic = site.output("ar/care/plans/index.html");
    assert!(
        arabic.contains("<strong>هل تحتاج إلى مساعدة الآن؟</strong> <span dir=ltr lang=en>In danger now? Call 999."),
        "{arabic}"
    );
    // Welsh has its own, so nothing is marked; nor is the English page's.
    let welsh = site.output("cy/care/plans/index.html");
    let english = site.output("care/plans/index.html");
    for html in [welsh, english] {
        let banner = &html[html.find("class=help-now").unwrap()..];
        let banner = &banner[..banner.find("</aside>").unwrap()];
        assert!(!banner.contains("<span"), "{banner}");
    }
}

#[test]
fn a_lang_that_disagrees_with_the_file_name_is_an_error() {
    let site = SiteTest::fixture("languages");
    site.write(
        "content/care/other.cy.md",
        "---\ntitle: Help arall\nlang: ar\n---\nTestun.\n",
    );
    site.build().assert_code(1).assert_stderr("content/care/other.cy.md:3:1  error  lang-mismatch  this page says `lang: ar`, but its file name says it is in `cy`  (the file name decides the language: remove the `lang:` line, or rename the file)");
}

#[test]
fn a_language_the_site_does_not_list_is_an_error() {
    let site = SiteTest::fixture("languages");
    site.write(
        "content/care/other.pl.md",
        "---\ntitle: Inna pomoc\n---\nTekst.\n",
    );
    site.build().assert_code(1).assert_stderr("content/care/other.pl.md:1:1  error  unknown-language  the file name says this page is in `pl`, which is not one of the site's languages (en, cy, ar, ur)  (add pl to `languages:` in site.yaml, or rename the file)");
}

#[test]
fn language_must_match_the_first_of_languages() {
    let site = SiteTest::fixture("languages");
    site.write("site.yaml", "title: x\nlanguage: cy\nlanguages: [en, cy]\n");
    site.build().assert_code(1).assert_stderr(
        "site.yaml:2:1  error  bad-value  `language` is `cy`, but the first of `languages` is `en`",
    );
}

#[test]
fn translate_status_lists_translated_missing_and_outdated_pages() {
    let site = SiteTest::fixture("languages");
    let run = site.run(&["translate", "status"]);
    run.assert_code(0);
    assert!(run.stdout.starts_with("cy (Cymraeg): 2 translated, 0 outdated, 2 missing\n  translated  content/_index.cy.md\n  missing     content/care/_index.md\n  missing     content/care/other.md\n  translated  content/care/plans.cy.md\n"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("ar (العربية): 1 translated, 1 outdated, 2 missing\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("  outdated    content/care/plans.ar.md  (source reviewed 2026-11-01 after the translation (2026-10-01))\n"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("  outdated    content/care/plans.ur.md  (source text changed)\n"),
        "{}",
        run.stdout
    );
    let json = site.run(&["translate", "status", "--json"]);
    json.assert_code(0);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(value[0]["lang"], "cy");
    assert_eq!(value[2]["pages"][3]["status"], "outdated");
    assert_eq!(
        value[2]["pages"][3]["translation"],
        "content/care/plans.ur.md"
    );
}

#[test]
fn each_language_has_its_own_not_found_page() {
    let site = built();
    let welsh = site.output("cy/404.html");
    assert!(
        welsh.contains("<base href=https://example.org/guide/cy/>"),
        "{welsh}"
    );
    assert!(
        welsh.contains("<h1>Heb ddod o hyd i'r dudalen</h1>"),
        "{welsh}"
    );
    assert!(welsh.contains("<p>Gallwch fynd i'r <a href=index.html>hafan</a> neu ddewis adran o'r cynnwys isod.</p>") || welsh.contains("<p>Gallwch fynd i'r <a href=index.html>hafan</a> neu ddewis adran o'r cynnwys isod."), "{welsh}");
    let english = site.output("404.html");
    assert!(english.contains("<h1>Page not found</h1>"), "{english}");
    assert!(
        english.contains("<base href=https://example.org/guide/>"),
        "{english}"
    );
}

#[test]
fn a_language_without_theme_words_is_reported_once_and_shows_english() {
    let site = SiteTest::with(&[
        (
            "site.yaml",
            "title: Test\nlanguages: [en, fr]\ntranslations:\n  fr: {title: Essai}\n",
        ),
        ("content/_index.md", "---\ntitle: Home\n---\nHello.\n"),
        (
            "content/_index.fr.md",
            "---\ntitle: Accueil\n---\nBonjour.\n",
        ),
    ]);
    let run = site.build();
    run.assert_code(0);
    assert_eq!(
        run.stderr.matches("  warning  untranslated-word  ").count()
            + run.stdout.matches("  warning  untranslated-word  ").count(),
        1,
        "{}{}",
        run.stdout,
        run.stderr
    );
    assert!(format!("{}{}", run.stdout, run.stderr).contains("(built-in default theme)/i18n/fr.yaml  warning  untranslated-word  the theme has no words in `fr`, so fr pages show its English words (\"Contents\", \"Page last reviewed\")"));
    let html = site.output("fr/index.html");
    assert!(
        html.starts_with("<!doctype html><html dir=ltr lang=fr>"),
        "{html}"
    );
    assert!(
        html.contains("<h2 id=site-nav-title>Contents</h2>"),
        "{html}"
    );
}

#[test]
fn each_language_has_its_own_whole_guide_booklet_ending_with_what_is_not_translated() {
    let site = built();
    let welsh = compact(&site.output("cy/booklet/index.html"));
    assert!(
        welsh.starts_with("<!doctype html><html dir=ltr lang=cy>"),
        "{welsh}"
    );
    for words in [
        "<title>Canllaw prawf ieithoedd: llyfryn i'w argraffu | Canllaw prawf ieithoedd</title>",
        "<h2 id=booklet-toc-title>Yn y llyfryn hwn</h2><ol><li><a href=#part-rhagor-am-y-canllaw-hwn>Rhagor am y canllaw hwn</a><ol><li><a href=#ch-care-planscy>Cynlluniau gofal</a></ol><li><a href=#not-yet>Heb eu cyfieithu eto</a></ol>",
        "<h3 id=ch-care-planscy>Cynlluniau gofal</h3><p>Mae cynllun gofal yn dweud pwy sy'n gwneud beth.",
        "<section aria-labelledby=not-yet class=booklet-part><h2 id=not-yet>Heb eu cyfieithu eto</h2><p>Nid yw'r tudalennau hyn o'r canllaw wedi'u cyfieithu eto. Gallwch eu darllen ar y wefan:<ul><li><a dir=ltr href=../../care/index.html hreflang=en lang=en>Care</a> <bdi>https://example.org/guide/care/</bdi><li><a dir=ltr href=../../care/other/index.html hreflang=en lang=en>Other help</a> <bdi>https://example.org/guide/care/other/</bdi></ul></section>",
        "<p class=alternate-version><a href=large-print/index.html>Fersiwn print bras</a>",
    ] {
        assert!(welsh.contains(words), "missing {words}\n{welsh}");
    }
    // Only Welsh pages are chapters: the English plans page is not in it.
    assert!(!welsh.contains("A care plan says"), "{welsh}");
    let large = compact(&site.output("cy/booklet/large-print/index.html"));
    assert!(
        large.contains("<body class=\"kind-booklet large-print\">"),
        "{large}"
    );
    assert!(large.contains("<h2 id=not-yet>Heb eu cyfieithu eto</h2>"));
    // The Welsh home page links the Welsh booklet, not the English one.
    let home = site.output("cy/index.html");
    assert!(home.contains("<p class=booklet-link>Argraffu'r canllaw cyfan: <a href=booklet/index.html>y canllaw fel un llyfryn</a>."), "{home}");
    // The English booklet is as it was: no list of untranslated pages.
    let english = compact(&site.output("booklet/index.html"));
    assert!(english.starts_with("<!doctype html><html dir=ltr lang=en>"));
    assert!(!english.contains("not-yet"), "{english}");
    assert!(!english.contains("Cynlluniau"), "{english}");
}

#[test]
fn a_right_to_left_booklet_keeps_its_english_links_left_to_right() {
    let arabic = compact(&built().output("ar/booklet/index.html"));
    assert!(
        arabic.starts_with("<!doctype html><html dir=rtl lang=ar>"),
        "{arabic}"
    );
    assert!(
        arabic.contains("<h2 id=not-yet>لم تُترجم بعد</h2>"),
        "{arabic}"
    );
    assert!(arabic.contains("<li><a dir=ltr href=../../care/other/index.html hreflang=en lang=en>Other help</a> <bdi>https://example.org/guide/care/other/</bdi>"), "{arabic}");
}

#[test]
fn a_language_with_only_its_home_page_gets_no_booklet_and_links_to_none() {
    let site = SiteTest::fixture("languages");
    for page in ["cy", "ar", "ur"] {
        std::fs::remove_file(site.root.join(format!("content/care/plans.{page}.md"))).unwrap();
    }
    site.build().assert_code(0);
    assert!(!site.root.join("output/cy/booklet").exists());
    let home = site.output("cy/index.html");
    assert!(!home.contains("booklet-link>"), "{home}");
    assert!(site.root.join("output/booklet/index.html").exists());
}

const TWO_LANGUAGE_SITE: &str = "title: Test\nlanguages: [en, cy, ar]\ntranslations:\n  cy: {title: Prawf, description: Safle prawf., help: {text: Help.}}\n  ar: {title: اختبار, description: اختبار., help: {text: مساعدة.}}\n";
const CONTACTS: &str = "- id: line\n  name: Test line\n  phone: \"0100 000 0000\"\n  hours: Every day\n  description: A test line.\n  verified: 2026-11-01\n  translations:\n    cy:\n      name: Llinell brawf\n      hours: Bob dydd\n      description: Llinell brawf.\n- id: other\n  name: Other line\n  phone: \"0200 000 0000\"\n  hours: Weekdays\n  verified: 2026-11-01\n";

fn contact_site() -> SiteTest {
    SiteTest::with(&[
        ("site.yaml", TWO_LANGUAGE_SITE),
        ("data/contacts.yaml", CONTACTS),
        (
            "content/_index.md",
            "---\ntitle: Home\nreviewed: 2026-11-01\n---\n```contacts\nline\n```\n",
        ),
        (
            "content/_index.cy.md",
            "---\ntitle: Hafan\nreviewed: 2026-11-01\n---\n```contacts\nline\nother\n```\n",
        ),
        (
            "content/_index.ar.md",
            "---\ntitle: الرئيسية\nreviewed: 2026-11-01\n---\n```contacts\nline\n```\n",
        ),
        (
            "content/help.ar.md",
            "---\ntitle: مساعدة\nreviewed: 2026-11-01\n---\n```contacts\nline\nother\n```\n",
        ),
    ])
}

#[test]
fn a_contact_shows_its_words_in_the_page_language_when_it_has_them() {
    let site = contact_site();
    site.build().assert_code(0);
    let welsh = site.output("cy/index.html");
    let main = main_of(&welsh);
    assert!(main.contains("<li class=contact><p class=contact-name>Llinell brawf<p>Llinell brawf.<dl><dt>Ffôn<dd><a href=tel:01000000000>0100 000 0000</a><dt>Ar agor<dd>Bob dydd<dt>"), "{main}");
    // A contact without Welsh words shows the English ones, marked as English.
    assert!(main.contains("<li class=contact><p class=contact-name lang=en>Other line<dl><dt>Ffôn<dd><a href=tel:02000000000>0200 000 0000</a><dt>Ar agor<dd><span lang=en>Weekdays</span>"), "{main}");
    // English pages are as they were.
    let english = site.output("index.html");
    assert!(
        main_of(&english).contains("<p class=contact-name>Test line<p>A test line.<dl>"),
        "{english}"
    );
}

#[test]
fn a_contact_without_words_in_a_page_language_is_reported_once_per_language() {
    let run = contact_site().run(&["check"]);
    run.assert_code(0);
    let findings: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains("untranslated-contact  "))
        .collect();
    assert_eq!(
        findings,
        [
            "data/contacts.yaml:1:1  warning  untranslated-contact  `line` has no ar name, description, hours, so content/_index.ar.md shows them in English  (add `translations: {ar: {name: …, description: …, hours: …}}` to this contact; numbers and addresses are shared)",
            "data/contacts.yaml:12:1  warning  untranslated-contact  `other` has no ar name, hours, so content/help.ar.md shows them in English  (add `translations: {ar: {name: …, hours: …}}` to this contact; numbers and addresses are shared)",
            "data/contacts.yaml:12:1  warning  untranslated-contact  `other` has no cy name, hours, so content/_index.cy.md shows them in English  (add `translations: {cy: {name: …, hours: …}}` to this contact; numbers and addresses are shared)",
        ],
        "{}",
        run.stdout
    );
}

#[test]
fn a_misspelt_field_in_a_contact_translation_is_an_error_at_its_line() {
    let site = contact_site();
    site.write(
        "data/contacts.yaml",
        &CONTACTS.replace("      hours: Bob dydd", "      phone: \"0300\""),
    );
    let run = site.build();
    run.assert_code(1);
    assert!(
        run.stderr.contains("data/contacts.yaml:10:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("phone"), "{}", run.stderr);
}

#[test]
fn left_to_right_runs_in_right_to_left_prose_are_isolated_but_not_code_or_addresses() {
    let site = built();
    let html = site.output("ar/care/plans/index.html");
    let main = main_of(&html);
    assert!(main.contains("<p>للمساعدة العاجلة اتصل بـ <bdi dir=ltr>NHS 111 (option 2)</bdi> أو بالسامريين على <bdi dir=ltr>116\u{a0}123</bdi>. راسلوهم على <bdi dir=ltr>jo@samaritans.org</bdi>، أو اكتب <code>NHS 111</code> في <a class=external href=https://111.nhs.uk/>موقع <bdi dir=ltr>NHS 111</bdi><span class=visually-hidden> (موقع خارجي)</span></a>."), "{main}");
    // Left-to-right pages have none.
    for path in ["care/plans/index.html", "cy/care/plans/index.html"] {
        assert!(!site.output(path).contains("<bdi"), "{path}");
    }
}

#[test]
fn a_translated_home_offers_worksheets_only_when_its_booklet_has_them() {
    let page = |title: &str, body: &str| {
        format!("---\ntitle: {title}\nreviewed: 2026-11-01\nreview_due: 2027-11-01\n---\n{body}")
    };
    let site = SiteTest::with(&[
        ("site.yaml", TWO_LANGUAGE_SITE),
        ("content/_index.md", &page("Home", "Hello.\n")),
        ("content/_index.cy.md", &page("Hafan", "Helo.\n")),
        (
            "content/sheet.md",
            &page(
                "Sheet",
                "```worksheet\nWhat matters to you? [lines 3]\n```\n",
            ),
        ),
        ("content/plans.md", &page("Plans", "A plan.\n")),
        ("content/plans.cy.md", &page("Cynlluniau", "Cynllun.\n")),
    ]);
    site.build().assert_code(0);
    assert!(
        site.output("index.html").contains(
            "<a href=booklet/index.html>the guide as one booklet, with its worksheets</a>"
        )
    );
    let welsh = site.output("cy/index.html");
    assert!(
        welsh.contains("<a href=booklet/index.html>y canllaw fel un llyfryn</a>"),
        "{welsh}"
    );
}
