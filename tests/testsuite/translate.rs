//! `signpost translate export` and `import`: XLIFF 1.2 out to a translator
//! and back into `NAME.LANG.md` files, on the `translate` fixture (English
//! and Welsh; links, emphasis, lists, tables, a callout, easy read and a
//! worksheet).
//!
//! Most round-trip tests build each translated page in place of its
//! source, to compare it with the English page's HTML; one builds the
//! translations where they are, with their stamps.

use proptest::prelude::*;

use crate::harness::{Run, SiteTest, main_of};

const XLF: &str = "cy.xlf";

fn site() -> SiteTest {
    SiteTest::fixture("translate")
}

fn read(site: &SiteTest, path: &str) -> String {
    std::fs::read_to_string(site.root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn export(site: &SiteTest, extra: &[&str]) -> Run {
    let mut args = vec!["translate", "export", "--lang", "cy", XLF];
    args.extend_from_slice(extra);
    site.run(&args)
}

/// Gives every unit a target: `f` of the source's content (XML as written).
fn fill(xliff: &str, f: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut rest = xliff;
    while let Some(start) = rest.find("<source>") {
        let end = rest[start..].find("</source>").expect("closed") + start;
        let inner = &rest[start + 8..end];
        out.push_str(&rest[..end + 9]);
        if let Some(target) = f(inner) {
            out.push_str(&format!("<target>{target}</target>"));
        }
        rest = &rest[end + 9..];
    }
    out.push_str(rest);
    out
}

/// "Welsh" for the tests: the source's text with a Welsh ending.
fn welsh(inner: &str) -> Option<String> {
    Some(format!("{inner} yn Gymraeg"))
}

/// Exports everything, translates every unit and imports it.
fn translated() -> SiteTest {
    let site = site();
    export(&site, &[]).assert_code(0);
    site.write(XLF, &fill(&read(&site, XLF), welsh));
    site.run(&["translate", "import", XLF]).assert_code(0);
    site
}

#[test]
fn export_writes_a_file_per_page_and_a_unit_per_block() {
    let site = site();
    let run = export(&site, &[]);
    run.assert_code(0).assert_stderr_is("");
    assert_eq!(
        run.stdout,
        "Wrote cy.xlf for translation into cy: 6 pages, 50 units, 245 words.\n"
    );
    let xliff = read(&site, XLF);
    assert_eq!(xliff.matches("<file ").count(), 6);
    let home = &xliff[xliff.find("<file original=\"content/_index.md\"").unwrap()..];
    let home = &home[..home.find("</file>").unwrap()];
    let expected = r#"<file original="content/_index.md" source-language="en" target-language="cy" datatype="x-markdown" sp:source-hash="sha256:9ab994f67a8f9b19" sp:source-reviewed="2026-10-01">
    <header>
      <tool tool-id="signpost" tool-name="Signpost" tool-version="0.1.0"/>
    </header>
    <body>
      <trans-unit id="title" restype="x-title">
        <source>Help with your care</source>
      </trans-unit>
      <trans-unit id="summary" restype="x-summary">
        <source>What this guide covers, and where to start.</source>
      </trans-unit>
      <trans-unit id="1" restype="x-paragraph">
        <source>This guide explains <g id="1" ctype="bold">your care plan</g> and <g id="2" ctype="italic">your rights</g>. Start with <g id="3" ctype="link">crisis plans</g>.</source>
        <note>Links: 3 goes to care/crisis-plans.md</note>
      </trans-unit>
      <trans-unit id="2" restype="x-heading">
        <source>Where to start</source>
        <note>Heading, level 2</note>
      </trans-unit>
      <trans-unit id="3" restype="x-list-item">
        <source>Read about <g id="1" ctype="link">your care plan</g></source>
        <note>Links: 1 goes to care/crisis-plans.md#what-it-says</note>
      </trans-unit>
      <trans-unit id="4" restype="x-list-item">
        <source>Fill in <g id="1" ctype="link">a worksheet</g></source>
        <note>Links: 1 goes to worksheets/my-plan.md</note>
      </trans-unit>
      <trans-unit id="5" restype="x-list-item">
        <source>Call <x id="1" ctype="x-code" equiv-text="`111`"/> and choose option 2, or see <g id="2" ctype="link">the NHS website</g></source>
        <note>Links: 2 goes to https://www.nhs.uk</note>
      </trans-unit>
      <trans-unit id="6" restype="x-alt-text">
        <source>A nurse and a patient talking</source>
        <note>Alt text: what the picture shows, for people who cannot see it</note>
      </trans-unit>
    </body>
  "#;
    assert_eq!(home, expected);
    // Addresses and worksheet markers are never text to translate.
    for source in xliff.split("<source>").skip(1) {
        let source = text_of(&source[..source.find("</source>").unwrap()]);
        for never in [
            "crisis-plans.md",
            "https://",
            "picto:",
            "[lines",
            "[table",
            "[tick]",
            "|",
        ] {
            assert!(!source.contains(never), "{never} in {source}");
        }
    }
    // A picture's alt text is its own unit, named by the picture's `xid`.
    assert!(
        xliff.contains("<x id=\"1\" ctype=\"image\" equiv-text=\"![…](picto:help)\" xid=\"2\"/>")
    );
    assert!(xliff.contains("<trans-unit id=\"2\" restype=\"x-alt-text\">\n        <source>A person raising a hand</source>"));
    assert!(xliff.contains("<source>How would you like to take part?</source>"));
    assert!(xliff.contains("<source>In person</source>"));
}

/// The text of some XML, tags left out.
fn text_of(xml: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn import_rebuilds_the_source_with_the_translated_texts() {
    let site = translated();
    assert_eq!(
        read(&site, "content/care/crisis-plans.cy.md"),
        r#"---
title: Crisis plans yn Gymraeg
summary: What a crisis plan is and who writes it. yn Gymraeg
reviewed: 2026-10-01
review_due: 2027-10-01
weight: 2
audience:
- service-users
- carers
sources:
- Making the CPA work for you (2008)
translation:
  method: human
  source_hash: sha256:2e525391433acecb
  source_reviewed: 2026-10-01
  target_hash: sha256:d9f071bbcce61f37
---
A crisis plan says what you would like to happen if you become very unwell. It is written *with* you, not ~~for~~ about you. yn Gymraeg

## What it says yn Gymraeg {#what-it-says}

| What yn Gymraeg | Who writes it yn Gymraeg |
|---|---|
| Warning signs yn Gymraeg | **You** and your team yn Gymraeg |
| Who to call yn Gymraeg | Your care co-ordinator yn Gymraeg |

> [!WARNING]
> If a life is in danger, call 999.\
> Or go to A&E. yn Gymraeg

1. Talk to your team. yn Gymraeg
2. Agree the plan together. yn Gymraeg
"#
    );
    let sheet = read(&site, "content/worksheets/my-plan.cy.md");
    assert!(sheet.contains("How would you like to take part? yn Gymraeg [choose: In person yn Gymraeg / By phone yn Gymraeg]\n"), "{sheet}");
    assert!(
        sheet.contains(
            "Need yn Gymraeg | Who will help yn Gymraeg | By when yn Gymraeg [table 2]\n"
        )
    );
    assert!(sheet.contains("- An advocate yn Gymraeg\n"));
    let easy = read(&site, "content/care/crisis-plans.easy.cy.md");
    assert!(easy.ends_with("---\n![A person raising a hand yn Gymraeg](picto:help)\nA **crisis plan** says what help you want.\nYou write it when you feel well. yn Gymraeg\n\n![A phone yn Gymraeg](picto:phone)\nIf a life is in danger, call 999. yn Gymraeg\n"), "{easy}");
}

/// The translation as a page the current model builds: its front matter
/// without `translation:`, in place of its source.
fn as_plain_page(translation: &str) -> String {
    let start = translation.find("translation:\n").expect("stamped");
    let end = translation[start..].find("---\n").unwrap() + start;
    format!("{}{}", &translation[..start], &translation[end..])
}

#[test]
fn imported_pages_build_with_their_links_emphasis_tables_callouts_and_worksheets() {
    let site = translated();
    site.write("site.yaml", "title: Translation test site\n");
    for page in [
        "_index",
        "care/crisis-plans",
        "care/crisis-plans.easy",
        "worksheets/my-plan",
    ] {
        let translation = read(&site, &format!("content/{page}.cy.md"));
        std::fs::remove_file(site.root.join(format!("content/{page}.cy.md"))).unwrap();
        site.write(&format!("content/{page}.md"), &as_plain_page(&translation));
    }
    for page in ["care/_index", "worksheets/_index"] {
        std::fs::remove_file(site.root.join(format!("content/{page}.cy.md"))).unwrap();
    }
    site.build().assert_code(0);
    let plans = site.output("care/crisis-plans/index.html");
    let main = main_of(&plans);
    for needle in [
        "<h1>Crisis plans yn Gymraeg</h1>",
        "<em>with</em>",
        "<del>for</del>",
        "<strong>You</strong>",
        "<h2 id=what-it-says>What it says yn Gymraeg</h2>",
        "<td>Who to call yn Gymraeg<td>",
        "class=\"callout callout-warning\"",
        "If a life is in danger, call 999.<br> Or go to A&E. yn Gymraeg",
        "<li>Agree the plan together. yn Gymraeg</ol>",
    ] {
        assert!(main.contains(needle), "{needle} in {main}");
    }
    let home = main_of(&site.output("index.html")).to_owned();
    assert!(
        home.contains("care/crisis-plans/index.html#what-it-says>your care plan</a>"),
        "{home}"
    );
    assert!(home.contains("<code>111</code>"));
    assert!(home.contains("alt=\"A nurse and a patient talking yn Gymraeg\""));
    let easy = main_of(&site.output("care/crisis-plans/easy-read/index.html")).to_owned();
    assert!(
        easy.contains("alt=\"A person raising a hand yn Gymraeg\""),
        "{easy}"
    );
    assert!(
        easy.contains("You write it when you feel well. yn Gymraeg"),
        "{easy}"
    );
    let sheet = main_of(&site.output("worksheets/my-plan/index.html")).to_owned();
    assert!(sheet.contains("By phone yn Gymraeg"), "{sheet}");
    assert!(sheet.contains("Where would you like to meet? yn Gymraeg"));
}

#[test]
fn missing_only_and_outdated_only_choose_pages() {
    let site = site();
    let run = export(&site, &["--outdated-only"]);
    run.assert_code(0);
    assert_eq!(
        run.stdout,
        "No pages need translating into cy (translations behind their source): nothing was written.\n"
    );
    let site = translated();
    std::fs::remove_file(site.root.join("content/care/_index.cy.md")).unwrap();
    // The text of one source changes; another is reviewed again.
    let plans = read(&site, "content/care/crisis-plans.md").replace("very unwell", "very ill");
    site.write("content/care/crisis-plans.md", &plans);
    let sheet = read(&site, "content/worksheets/my-plan.md")
        .replace("reviewed: 2026-10-01", "reviewed: 2026-11-15");
    site.write("content/worksheets/my-plan.md", &sheet);
    export(&site, &["--missing-only"]).assert_code(0);
    let missing = read(&site, XLF);
    assert_eq!(originals(&missing), ["content/care/_index.md"]);
    export(&site, &["--outdated-only"]).assert_code(0);
    let outdated = read(&site, XLF);
    assert_eq!(
        originals(&outdated),
        [
            "content/care/crisis-plans.md",
            "content/worksheets/my-plan.md"
        ]
    );
    site.run(&[
        "translate",
        "export",
        "--lang",
        "cy",
        XLF,
        "--missing-only",
        "--outdated-only",
    ])
    .assert_code(2)
    .assert_stderr("cannot be used with");
}

fn originals(xliff: &str) -> Vec<&str> {
    xliff
        .split("<file original=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect()
}

#[test]
fn a_translation_edited_by_hand_is_not_overwritten_without_force() {
    let site = translated();
    let path = "content/care/crisis-plans.cy.md";
    let edited = read(&site, path).replace("Talk to your team. yn Gymraeg", "Siaradwch â'ch tîm.");
    site.write(path, &edited);
    let run = site.run(&["translate", "import", XLF]);
    run.assert_code(1).assert_stderr_is(
        "content/care/crisis-plans.cy.md  error  translation-edited  not overwritten: it was edited by hand since Signpost wrote it (its text no longer matches its `target_hash`)  (copy those edits into your translation tool and export again, or import with --force to overwrite them)\n\n1 error and 0 warnings in 1 file\nerrors by rule: translation-edited 1\n",
    );
    assert_eq!(
        read(&site, path),
        edited,
        "left as the translator edited it"
    );
    assert!(
        run.stdout.contains("Wrote content/_index.cy.md"),
        "the other pages still import"
    );
    site.run(&["translate", "import", XLF, "--force"])
        .assert_code(0);
    assert!(read(&site, path).contains("Talk to your team. yn Gymraeg"));
    // A translation written by hand, with no stamp at all, is kept too.
    site.write(
        path,
        "---\ntitle: Cynlluniau argyfwng\n---\nWedi'i ysgrifennu â llaw.\n",
    );
    site.run(&["translate", "import", XLF])
        .assert_code(1)
        .assert_stderr(
            "it was not written by `signpost translate import` (it has no `target_hash`)",
        );
    assert!(read(&site, path).contains("â llaw"));
}

#[test]
fn units_left_untranslated_keep_the_source_text_and_are_reported() {
    let site = site();
    export(&site, &[]).assert_code(0);
    let xliff = read(&site, XLF);
    let only = &xliff[xliff
        .find("<file original=\"content/care/_index.md\"")
        .unwrap()..];
    let only = &only[..only.find("</file>").unwrap() + 7];
    let one_page = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" xmlns:sp=\"urn:signpost:xliff:1\">\n  {only}\n</xliff>\n"
    );
    site.write(
        XLF,
        &fill(&one_page, |s| (s == "Care").then(|| "Gofal".to_owned())),
    );
    let run = site.run(&["translate", "import", XLF]);
    run.assert_code(0).assert_stderr_is(
        "cy.xlf:11:1  warning  translation-incomplete  content/care/_index.md unit 1 has no translation, so the source text was kept: \"Pages about planning your care.\"  (translate it in your tool and import again)\n    11 |       <trans-unit id=\"1\" restype=\"x-paragraph\">\n       | ^\n\n0 errors and 1 warning in 1 file\nwarnings by rule: translation-incomplete 1\n",
    );
    assert_eq!(
        run.stdout,
        "Wrote content/care/_index.cy.md (1 of 2 units translated)\nImported 1 page.\n"
    );
    let written = read(&site, "content/care/_index.cy.md");
    assert!(written.starts_with("---\ntitle: Gofal\n"), "{written}");
    assert!(
        written.ends_with("---\nPages about planning your care.\n"),
        "{written}"
    );
}

#[test]
fn a_source_changed_since_the_export_keeps_its_new_text_and_stays_outdated() {
    let site = site();
    export(&site, &[]).assert_code(0);
    site.write(XLF, &fill(&read(&site, XLF), welsh));
    let plans = read(&site, "content/care/crisis-plans.md")
        .replace("1. Talk to your team.", "1. Talk to your care team.")
        .replace("reviewed: 2026-10-01", "reviewed: 2026-11-15");
    site.write("content/care/crisis-plans.md", &plans);
    let run = site.run(&["translate", "import", XLF]);
    run.assert_code(0);
    run.assert_stderr("content/care/crisis-plans.md unit 10 is new or has changed since the export, so the source text was kept: \"Talk to your care team.\"");
    run.assert_stderr("content/care/crisis-plans.md has changed since this file was exported: the translation is marked as made from the older version");
    let written = read(&site, "content/care/crisis-plans.cy.md");
    assert!(
        written.contains("1. Talk to your care team.\n2. Agree the plan together. yn Gymraeg\n"),
        "{written}"
    );
    assert!(
        written.contains("source_hash: sha256:2e525391433acecb\n"),
        "the export's hash: {written}"
    );
    // Reviewed again since the export: the translation is of the earlier review.
    assert!(written.contains("\nreviewed: 2026-10-01\n"), "{written}");
    assert!(
        written.contains("source_reviewed: 2026-10-01\n"),
        "{written}"
    );
    export(&site, &["--outdated-only"]).assert_code(0);
    assert!(originals(&read(&site, XLF)).contains(&"content/care/crisis-plans.md"));
}

#[test]
fn a_translator_cannot_add_markdown_or_drop_a_link() {
    let site = site();
    export(&site, &[]).assert_code(0);
    let xliff = fill(&read(&site, XLF), |inner| {
        Some(match inner {
            "Pages about planning your care." => {
                "Tudalennau *nid italig* [nid dolen](https://evil.example) | # 1.".to_owned()
            }
            s if s.starts_with("Read about") => "Darllenwch am eich cynllun".to_owned(),
            s => s.to_owned(),
        })
    });
    site.write(XLF, &xliff);
    let run = site.run(&["translate", "import", XLF]);
    run.assert_code(0);
    run.assert_stderr("content/_index.md unit 3 cannot be used: it leaves out code 1 (a link, picture or code), so the source text was kept: \"Read about {1}your care plan{/1}\"");
    assert!(read(&site, "content/care/_index.cy.md").ends_with(
        "---\nTudalennau \\*nid italig\\* \\[nid dolen\\](https://evil.example) \\| \\# 1.\n"
    ));
    assert!(
        read(&site, "content/_index.cy.md")
            .contains("- Read about [your care plan](care/crisis-plans.md#what-it-says)\n")
    );
}

#[test]
fn malformed_xliff_gets_its_line_and_what_to_do() {
    let site = site();
    export(&site, &[]).assert_code(0);
    let broken = read(&site, XLF).replacen("</source>", "</target>", 1);
    site.write(XLF, &broken);
    site.run(&["translate", "import", XLF]).assert_code(1).assert_stderr_is(
        "cy.xlf:9:36  error  xliff-unreadable  this is not well-formed XML: ill-formed document: expected `</source>`, but `</target>` was found  (the file may have been cut short or edited by hand: save or export it again from your translation tool, then import that)\n    9 |         <source>Help with your care</target>\n      |                                    ^\n\n1 error and 0 warnings in 1 file\nerrors by rule: xliff-unreadable 1\n",
    );
    site.write(XLF, "<?xml version=\"1.0\"?>\n<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"></xliff>\n");
    site.run(&["translate", "import", XLF])
        .assert_code(1)
        .assert_stderr(
            "this is XLIFF version `2.0`; Signpost reads XLIFF 1.2, the version it exports",
        );
    assert!(!site.root.join("content/_index.cy.md").exists());
}

#[test]
fn an_xliff_cannot_name_a_file_outside_the_sites_pages() {
    let site = site();
    site.write(
        XLF,
        "<xliff version=\"1.2\"><file original=\"content/../../outside.md\" target-language=\"cy\"><body><trans-unit id=\"1\"><source>x</source><target>y</target></trans-unit></body></file></xliff>\n",
    );
    site.run(&["translate", "import", XLF])
        .assert_code(1)
        .assert_stderr("`content/../../outside.md` is not a page of this site in its own language");
    assert!(!site.root.join("../outside.cy.md").exists());
}

#[test]
fn the_language_must_be_one_of_the_sites_translations() {
    let site = site();
    export(&site, &[]).assert_code(0);
    let run = site.run(&["translate", "export", "--lang", "fr", XLF]);
    run.assert_code(1).assert_stderr_is(
        "site.yaml  error  bad-language  `fr` is not in the site's `languages:` list  (add it to `languages:` in site.yaml, or choose one of: cy)\n\n1 error and 0 warnings in 1 file\nerrors by rule: bad-language 1\n",
    );
    site.run(&["translate", "export", "--lang", "en", XLF])
        .assert_code(1)
        .assert_stderr("`en` is the site's own language, so there is nothing to translate");
    site.run(&["translate", "export", "--lang", "cy", "content/cy.xlf"])
        .assert_code(1)
        .assert_stderr("content/cy.xlf is inside content/, so it would be published with the site");
    site.write("site.yaml", "title: One language\n");
    site.run(&["translate", "export", "--lang", "cy", XLF])
        .assert_code(1)
        .assert_stderr("site.yaml has no `languages:` list");
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(16);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// A damaged XLIFF file (cut short, spliced, with stray characters)
    /// never panics the import: it imports or says what is wrong.
    #[test]
    fn damaged_xliff_never_panics(cut in 0.0..1.0f64, at in 0.0..1.0f64, junk in "[<>&;/=\"a-z !\\]\\[]{0,12}") {
        let site = site();
        export(&site, &[]).assert_code(0);
        let good = fill(&read(&site, XLF), welsh);
        let chars: Vec<char> = good.chars().collect();
        let cut = (cut * chars.len() as f64) as usize;
        let at = (at * cut as f64) as usize;
        let damaged: String = chars[..at].iter().chain(junk.chars().collect::<Vec<_>>().iter()).chain(&chars[at..cut]).collect();
        site.write(XLF, &damaged);
        let run = site.run(&["translate", "import", XLF]);
        prop_assert!(run.code == 0 || run.code == 1, "code {}: {}", run.code, run.stderr);
        prop_assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

/// Every page of the bundled guide (lists, tables, callouts, easy read,
/// worksheets, contacts blocks, footnotes) goes out and back, and the
/// translated pages build with no error: no broken link, heading anchor,
/// picture or worksheet.
#[test]
fn the_whole_bundled_guide_round_trips_and_builds() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = SiteTest::empty();
    crate::harness::copy_dir(&repo.join("content"), &site.root.join("content"));
    crate::harness::copy_dir(&repo.join("data"), &site.root.join("data"));
    // The guide lists `cy` already; its two Welsh pages are left out, so
    // every page goes out and comes back through XLIFF.
    let config = std::fs::read_to_string(repo.join("site.yaml")).unwrap();
    site.write("site.yaml", &config);
    for welsh in ["content/_index.cy.md", "content/get-help-now.easy.cy.md"] {
        std::fs::remove_file(site.root.join(welsh)).unwrap();
    }
    export(&site, &[]).assert_code(0);
    site.write(XLF, &fill(&read(&site, XLF), welsh));
    let run = site.run(&["translate", "import", XLF]);
    run.assert_code(0).assert_stderr_is("");
    let mut translated = 0;
    let mut stack = vec![site.root.join("content")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.to_string_lossy().into_owned();
            if path.is_dir() {
                stack.push(path);
            } else if let Some(source) = name.strip_suffix(".cy.md") {
                let page = std::fs::read_to_string(&path).unwrap();
                std::fs::write(format!("{source}.md"), as_plain_page(&page)).unwrap();
                std::fs::remove_file(&path).unwrap();
                translated += 1;
            }
        }
    }
    assert!(translated > 100, "{translated} pages");
    site.write("site.yaml", &config);
    let check = site.run(&["check"]);
    check.assert_code(0);
    assert!(!check.stdout.contains(" error "), "{}", check.stdout);
}

/// What `import` writes is a translation `build` reads as it is, stamp
/// and all (`target_hash` included), and `check` finds it up to date.
#[test]
fn imported_translations_build_in_place_with_their_stamps() {
    let site = translated();
    site.write(
        "site.yaml",
        "title: Translation test site\nlanguages: [en, {code: cy, name: Cymraeg}]\ntranslations:\n  cy: {title: Safle prawf cyfieithu, description: Safle prawf.}\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert!(!run.stdout.contains("unknown-key"), "{}", run.stdout);
    assert!(
        !run.stdout.contains("translation-outdated"),
        "{}",
        run.stdout
    );
    site.build().assert_code(0);
    let welsh = site.output("cy/care/crisis-plans/index.html");
    assert!(
        welsh.starts_with("<!doctype html><html dir=ltr lang=cy>"),
        "{welsh}"
    );
}
