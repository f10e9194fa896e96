//! Local editions: a local site built on a national one (`extends:`),
//! over the fixture base in `sites/editions/base` and over the bundled
//! guide, with overrides, additions, hiding, merged data and settings,
//! and the warnings that keep the local copy in step.

use std::path::Path;

use crate::harness::{Run, SiteTest};

/// The fixture: `base/` (a national site) and `local/` (its edition).
fn editions() -> SiteTest {
    SiteTest::fixture("editions")
}

fn read(site: &SiteTest, path: &str) -> String {
    let full = site.root.join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn built(site: &SiteTest) -> Run {
    site.run(&["build", "--root", "local"])
}

const FIXTURE_FINDINGS: &str = "../base/content/_index.md:10:3  warning  link-to-hidden  the link `stories/` goes to content/stories/_index.md, which this site hides (hidden by site.yaml line 5), so its words are written without the link  (override this page in your own site to reword the sentence, or remove the page from `hide:`)
    10 | - [Stories from people](stories/)
       |   ^

content/care/crisis-plans.md:5:1  warning  upstream-changed  the base page ../base/content/care/crisis-plans.md has changed since this page was made from it: the base now has +1 −0 lines against this page, first difference under ## Who can help  (compare this page with ../base/content/care/crisis-plans.md and bring in the changes you want, then set `reviewed:` to today and `overrides: {source_hash: \"sha256:cda6b729eb3225ad\", source_reviewed: 2026-05-01}`)
    5 | overrides:
      | ^
content/care/crisis-plans.md:17:24  warning  link-to-hidden  the link `direct-payments.md` goes to content/care/direct-payments.md, which this site hides (hidden by site.yaml line 4), so its words are written without the link  (override this page in your own site to reword the sentence, or remove the page from `hide:`)
    17 | You may be able to get [direct payments](direct-payments.md) for some support.
       |                        ^

content/care/get-help.md:3:1  warning  upstream-changed  the base page ../base/content/care/get-help.md was reviewed on 1 May 2026, after this page (1 February 2026): the base now has +4 −5 lines against this page, first difference before the first heading  (compare this page with ../base/content/care/get-help.md and bring in the changes you want, then set `reviewed:` to today and `overrides: {source_hash: \"sha256:864e7a0913cbac94\", source_reviewed: 2026-05-01}`)
    3 | reviewed: 2026-02-01
      | ^

data/contacts.yaml:1:1  warning  contact-override-older  `crisis-team` replaces the contact in ../base/data/contacts.yaml, which was checked more recently (1 June 2026, this one 1 March 2026)  (compare the two: the base may have a newer number or hours; check yours with the organisation, then update `verified`, or delete this entry to use the base's)
    1 | - id: crisis-team
      | ^

site.yaml:6:5  warning  hide-unmatched  `hide: care/nothing-here` matches no page or section of the sites this one extends  (write the path under content/ without .md, as the base site has it (for example care-plans/direct-payments), or remove the entry)
    6 |   - care/nothing-here
      |     ^

0 errors and 6 warnings in 5 files
warnings by rule: link-to-hidden 2, upstream-changed 2, contact-override-older 1, hide-unmatched 1
";

#[test]
fn an_edition_builds_over_its_base_with_every_finding_at_the_real_file() {
    let site = editions();
    built(&site)
        .assert_code(0)
        .assert_stderr_is(FIXTURE_FINDINGS);
}

#[test]
fn local_pages_override_and_add_and_base_pages_are_inherited() {
    let site = editions();
    built(&site).assert_code(0);
    let crisis = read(&site, "local/output/care/crisis-plans/index.html");
    assert!(crisis.contains("Your care team can help you write it."));
    assert!(
        !crisis.contains("You can also ask a friend."),
        "the local override replaces the base page"
    );
    let added = read(&site, "local/output/care/local-services/index.html");
    assert!(added.contains("drop-in cafe"));
    let section = read(&site, "local/output/care/index.html");
    assert!(section.contains("Local services"), "the addition is listed");
    // The base's home page, not overridden, is inherited.
    let home = read(&site, "local/output/index.html");
    assert!(home.contains("This guide is about care plans."));
    // Inherited pages say where they come from; the site's own do not.
    assert!(home.contains(
        "<p>Based on National guide, reviewed <time datetime=2026-05-01>1 May 2026</time>"
    ));
    assert!(!added.contains("Based on National guide"));
    assert!(!crisis.contains("Based on National guide"));
}

#[test]
fn hidden_pages_and_sections_are_left_out_and_links_to_them_become_text() {
    let site = editions();
    built(&site).assert_code(0);
    for gone in [
        "care/direct-payments/index.html",
        "care/direct-payments/easy-read/index.html",
        "stories/index.html",
        "stories/sam/index.html",
    ] {
        assert!(
            !site.root.join("local/output").join(gone).exists(),
            "{gone} is hidden"
        );
    }
    let home = read(&site, "local/output/index.html");
    assert!(home.contains("<li>Stories from people"), "words kept");
    assert!(!home.contains("href=stories"), "link gone");
    assert!(!home.contains("stories/index.html"), "not in navigation");
    let crisis = read(&site, "local/output/care/crisis-plans/index.html");
    assert!(crisis.contains("get direct payments for some support"));
    assert!(!crisis.contains("direct-payments/"));
    let section = read(&site, "local/output/care/index.html");
    assert!(!section.contains("Direct payments"), "not listed");
}

#[test]
fn contacts_and_glossary_merge_by_key_with_removal() {
    let site = editions();
    built(&site).assert_code(0);
    let help = read(&site, "local/output/care/get-help/index.html");
    assert!(help.contains("Northshire crisis team"), "local entry wins");
    assert!(!help.contains("National crisis team"));
    assert!(help.contains("Northshire crisis line"), "local entry added");
    let glossary = read(&site, "local/output/glossary/index.html");
    assert!(glossary.contains("The plan you make with the Northshire care team."));
    assert!(!glossary.contains("A written plan of the care you get."));
    assert!(
        !glossary.contains("Someone who speaks up for you."),
        "removed"
    );
}

#[test]
fn a_removal_that_matches_nothing_is_reported_at_its_line() {
    let site = editions();
    site.write(
        "local/data/glossary.yaml",
        "- term: care plan\n  meaning: The plan.\n- term: advocat\n  remove: true\n",
    );
    let run = site.run(&["check", "--root", "local"]);
    assert!(run.stdout.contains("data/glossary.yaml:3:1  warning  remove-unmatched  `remove: true` for the glossary entry `advocat`, but no site this one extends has it  (check the `term:` against the base site's file, or delete this entry)\n"), "{}", run.stdout);
}

#[test]
fn settings_merge_key_by_key_and_the_local_site_wins() {
    let site = editions();
    built(&site).assert_code(0);
    let home = read(&site, "local/output/index.html");
    assert!(home.contains("<html dir=ltr lang=en-GB>"), "base language");
    assert!(
        home.contains("In danger now? Call 999."),
        "base help banner"
    );
    assert!(home.contains("Northshire guide"), "own title");
    assert!(home.contains("<title>Northshire guide</title>"));
    assert!(!home.contains("<title>National guide"));
    // The local `check:` sets only max_grade: the base's
    // max_sentence_words (12, not the default 20) still applies.
    site.write(
        "local/content/care/local-services.md",
        "---\ntitle: Local services\nreviewed: 2026-05-01\nreview_due: 2027-05-01\n---\nNorthshire has a drop-in cafe on Fridays where you can talk to people who know the area well.\n",
    );
    let run = site.run(&["check", "--root", "local"]);
    assert!(run.stdout.contains("content/care/local-services.md:6:1  warning  long-sentence  this sentence has 18 words; keep sentences to 12 or fewer  (split it into two sentences, or cut words that do not help the reader)\n"), "{}", run.stdout);
}

#[test]
fn upstream_changed_by_hash_goes_when_the_stamp_matches() {
    let site = editions();
    let page = read(&site, "local/content/care/crisis-plans.md")
        .replace("sha256:0000000000000000", "sha256:cda6b729eb3225ad");
    site.write("local/content/care/crisis-plans.md", &page);
    let run = site.run(&["check", "--root", "local"]);
    assert!(
        !run.stdout
            .contains("crisis-plans.md:5:1  warning  upstream-changed")
    );
    assert!(
        run.stdout
            .contains("get-help.md:3:1  warning  upstream-changed")
    );
}

#[test]
fn a_loop_of_bases_is_an_error_at_the_extends_line() {
    let site = SiteTest::with(&[
        ("a/site.yaml", "title: A\nextends: ../b\n"),
        ("b/site.yaml", "title: B\nextends: ../a\n"),
    ]);
    site.run(&["build", "--root", "a"])
        .assert_code(1)
        .assert_stderr_is("../b/site.yaml:2:1  error  extends-loop  `extends: ../a` makes a loop: site.yaml extends ../b/site.yaml extends ../a/site.yaml  (a site cannot be built on itself: point `extends:` at the national site, which must not extend this one)
    2 | extends: ../a
      | ^

1 error and 0 warnings in 1 file
errors by rule: extends-loop 1
The site was not built: fix the errors above. The previous output was left as it was.
");
}

#[test]
fn a_missing_base_is_an_error_at_the_extends_line() {
    let site = SiteTest::with(&[("a/site.yaml", "title: A\nextends: ../national\n")]);
    site.run(&["build", "--root", "a"])
        .assert_code(1)
        .assert_stderr_is("site.yaml:2:1  error  missing-base  the base site `../national` was not found: there is no folder ../national  (write the path of the site this one extends, relative to this site.yaml (for example ../national-guide), or `extends: guide` for the bundled guide)
    2 | extends: ../national
      | ^

1 error and 0 warnings in 1 file
errors by rule: missing-base 1
The site was not built: fix the errors above. The previous output was left as it was.
");
}

#[test]
fn an_edition_of_the_bundled_guide_builds() {
    let site = SiteTest::with(&[
        (
            "site.yaml",
            "title: Northshire guide\nextends: guide\nhide:\n  - what-people-said\n",
        ),
        (
            "content/local.md",
            "---\ntitle: Northshire services\nreviewed: 2026-11-01\nreview_due: 2027-11-01\n---\nOur drop-in cafe is open on Fridays.\n",
        ),
    ]);
    let run = site.run(&["check"]);
    run.assert_code(0);
    // Links from the guide's own pages to the hidden section are named at
    // the guide's file, read from the binary.
    assert_eq!(run.stdout, "guide:content/_index.cy.md:56:3  warning  link-to-hidden  the link `what-people-said/_index.md` goes to content/what-people-said/_index.md, which this site hides (hidden by site.yaml line 4), so its words are written without the link  (override this page in your own site to reword the sentence, or remove the page from `hide:`)
    56 | - [Beth ddywedodd pobl](what-people-said/_index.md): beth ddywedodd pobl sy'n defnyddio gwasanaethau…
       |   ^

guide:content/_index.md:48:3  warning  link-to-hidden  the link `what-people-said/_index.md` goes to content/what-people-said/_index.md, which this site hides (hidden by site.yaml line 4), so its words are written without the link  (override this page in your own site to reword the sentence, or remove the page from `hide:`)
    48 | - [What people said](what-people-said/_index.md): what people who use services told a study.
       |   ^

guide:content/recovery/what-recovery-means.md:43:249  warning  link-to-hidden  the link `../what-people-said/findings.md` goes to content/what-people-said/findings.md, which this site hides (hidden by site.yaml line 4), so its words are written without the link  (override this page in your own site to reword the sentence, or remove the page from `hide:`)
    43 | …vices to respect their own idea of recovery. Read [what the study found](../what-people-said/finding…
       |                                                    ^

0 errors and 3 warnings in 3 files
warnings by rule: link-to-hidden 3
");
    let build = site.build();
    build.assert_code(0);
    assert!(
        site.output("local/index.html")
            .contains("Northshire services")
    );
    assert!(
        site.output("get-help-now/index.html")
            .contains("Samaritans")
    );
    assert!(!site.root.join("output/what-people-said").exists());
    assert!(site.output("index.html").contains("Northshire guide"));
}

#[test]
fn override_copies_a_base_page_stamped_and_never_overwrites() {
    let site = editions();
    let run = site.run(&["override", "--root", "local", "care/_index"]);
    run.assert_code(0);
    assert_eq!(
        run.stdout,
        "Copied the base page to content/care/_index.md and stamped it with the version it was made from: edit it there. `signpost check` says when the base page moves on.\n"
    );
    let copy = read(&site, "local/content/care/_index.md");
    assert!(copy.starts_with("---\ntitle: Care\nreviewed: 2026-05-01\nreview_due: 2027-05-01\noverrides:\n  source_hash: \"sha256:"));
    assert!(copy.ends_with("  source_reviewed: 2026-05-01\n---\nPages about your care.\n"));
    let again = site.run(&["override", "--root", "local", "care/_index.md"]);
    again.assert_code(2).assert_stderr_is("error: content/care/_index.md already exists in this site, so it already overrides the base page: Signpost never overwrites it (run `signpost override --status` to see whether its base has moved on)\n");
    let missing = site.run(&["override", "--root", "local", "care/nope"]);
    missing.assert_code(2).assert_stderr_is("error: no site this one extends has content/care/nope.md: give the path of a base page under content/, for example get-help-now or care-plans/crisis-plans\n");
}

#[test]
fn override_status_lists_every_override() {
    let site = editions();
    site.run(&["override", "--root", "local", "care/_index"])
        .assert_code(0);
    let run = site.run(&["override", "--status", "--root", "local"]);
    run.assert_code(0);
    assert_eq!(
        run.stdout,
        "content/care/_index.md  in step with ../base/content/care/_index.md
content/care/crisis-plans.md  base moved on: the base page ../base/content/care/crisis-plans.md has changed since this page was made from it: the base now has +1 −0 lines against this page, first difference under ## Who can help
content/care/get-help.md  base moved on: the base page ../base/content/care/get-help.md was reviewed on 1 May 2026, after this page (1 February 2026): the base now has +4 −5 lines against this page, first difference before the first heading
3 overrides, 2 whose base has moved on
"
    );
    let json = site.run(&["override", "--status", "--json", "--root", "local"]);
    let rows: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(rows.as_array().map(Vec::len), Some(3));
    assert_eq!(rows[1]["page"], "content/care/crisis-plans.md");
    assert_eq!(rows[1]["moved_on"], true);
    assert_eq!(rows[0]["moved_on"], false);
}

#[test]
fn new_extends_guide_starts_an_edition_that_builds() {
    let site = SiteTest::empty();
    let run = site.run(&["new", "mine", "--extends", "guide"]);
    run.assert_code(0);
    let root = site.root.join("mine");
    let config = std::fs::read_to_string(root.join("site.yaml")).expect("site.yaml");
    assert!(config.contains("\nextends: guide\n"));
    let page = std::fs::read_to_string(root.join("content/get-help-now.md")).expect("page");
    assert!(page.contains("\noverrides:\n  source_hash: \"sha256:"));
    assert!(page.contains("```contacts\nlocal-crisis-line\n```"));
    let contacts = std::fs::read_to_string(root.join("data/contacts.yaml")).expect("contacts");
    assert!(contacts.contains("phone: \"01632 960000\""));
    assert!(contacts.contains("EXAMPLE ONLY"));
    // Clean but for the accessibility contact, which the guide's publisher
    // cannot give for the edition's; once it is filled in, nothing is left.
    let check = site.run(&["check", "--strict", "--root", "mine"]);
    check.assert_code(1);
    assert!(
        check.stdout.ends_with(
            "1 error and 0 warnings in 1 file\nerrors by rule: accessibility-contact-missing 1\n"
        ),
        "{}",
        check.stdout
    );
    let filled = config.replace(
        "# accessibility:\n#   organisation: Our organisation\n#   contact_email:",
        "accessibility:\n  organisation: Our organisation\n  contact_email:",
    );
    assert_ne!(filled, config, "the block is there to fill in");
    std::fs::write(root.join("site.yaml"), filled).expect("write");
    let check = site.run(&["check", "--strict", "--root", "mine"]);
    check.assert_code(0);
    assert_eq!(check.stdout, "no problems found\n");
    site.run(&["build", "--root", "mine"]).assert_code(0);
    let help = std::fs::read_to_string(root.join("output/get-help-now/index.html")).expect("built");
    assert!(help.contains("Example local crisis line (replace this)"));
    assert!(Path::new(&root.join("output/index.html")).exists());
}

#[test]
fn the_theme_is_the_base_folders_when_the_edition_has_none() {
    let mut files: Vec<(String, String)> = crate::harness::MINIMAL
        .iter()
        .map(|(path, text)| (format!("national/{path}"), (*text).to_owned()))
        .collect();
    files.push((
        "national/site.yaml".to_owned(),
        "title: National\ntheme: ours\n".to_owned(),
    ));
    for t in [
        "base.html",
        "index.html",
        "section.html",
        "page.html",
        "404.html",
    ] {
        files.push((
            format!("national/themes/ours/templates/{t}"),
            "<h1>{{ site.title }}, in the national theme</h1>".to_owned(),
        ));
    }
    files.push((
        "local/site.yaml".to_owned(),
        "title: Local\nextends: ../national\n".to_owned(),
    ));
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let site = SiteTest::with(&files);
    built(&site).assert_code(0);
    let home = read(&site, "local/output/index.html");
    assert!(home.contains("Local, in the national theme"), "{home}");
}

#[test]
fn the_bundled_guide_builds_unchanged_as_a_base() {
    let site = SiteTest::empty();
    site.run(&["new", "copy", "--from-guide"]).assert_code(0);
    site.run(&["build", "--root", "copy"]).assert_code(0);
    // The same title, so booklet covers match too.
    // Exactly as given: like the copy, it names no accessibility contact.
    site.write_exact(
        "edition/site.yaml",
        "title: \"Your mental health care: a plain guide\"\nextends: guide\n",
    );
    site.run(&["build", "--root", "edition"]).assert_code(0);
    let copy_out = site.root.join("copy/output");
    let mut compared = 0;
    for entry in crate::harness::walkdir(&copy_out) {
        let rel = entry.strip_prefix(&copy_out).expect("prefix");
        if rel.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let own = std::fs::read_to_string(&entry).expect("guide page");
        let inherited = std::fs::read_to_string(site.root.join("edition/output").join(rel))
            .expect("edition page");
        if !own.contains("<main") {
            continue;
        }
        // The one difference inside <main>: the footer line naming the base.
        let inherited = strip_based_on(crate::harness::main_of(&inherited));
        assert_eq!(
            crate::harness::main_of(&own),
            inherited,
            "{}",
            rel.display()
        );
        compared += 1;
    }
    assert!(compared > 50, "only {compared} pages compared");
}

/// Removes `<p>Based on …</time>` (the inherited-page footer line).
fn strip_based_on(main: &str) -> String {
    let mut out = main.to_owned();
    // The line is in the page's language: English and Welsh here.
    while let Some(start) = out
        .find("<p>Based on Your mental health care")
        .or_else(|| out.find("<p>Yn seiliedig ar Your mental health care"))
    {
        let end = out[start..]
            .find("</time>")
            .map_or(out.len(), |e| start + e + 7);
        out.replace_range(start..end, "");
    }
    out
}

#[test]
fn a_help_banner_link_to_a_hidden_page_is_an_error_at_the_hide_line() {
    let mut files: Vec<(String, String)> = crate::harness::MINIMAL
        .iter()
        .map(|(path, text)| (format!("national/{path}"), (*text).to_owned()))
        .collect();
    files.push((
        "national/site.yaml".to_owned(),
        "title: National\nhelp:\n  text: Need to talk?\n  links:\n    - text: Care plans\n      link: care/plans.md\n".to_owned(),
    ));
    files.push((
        "local/site.yaml".to_owned(),
        "title: Local\nextends: ../national\nhide: [care/plans]\n".to_owned(),
    ));
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let site = SiteTest::with(&files);
    built(&site).assert_code(1).assert_stderr_is("site.yaml:3:1  error  broken-link  the help banner links to `care/plans.md`, which this site hides (hidden by site.yaml line 3)  (give `help:` its own links in this site.yaml, or remove the page from `hide:`)
    3 | hide: [care/plans]
      | ^

1 error and 0 warnings in 1 file
errors by rule: broken-link 1
The site was not built: fix the errors above. The previous output was left as it was.
");
}

#[test]
fn an_override_whose_base_page_went_away_is_reported() {
    let site = editions();
    std::fs::remove_file(site.root.join("base/content/care/crisis-plans.md")).expect("remove");
    let run = site.run(&["check", "--root", "local"]);
    assert!(run.stdout.contains("content/care/crisis-plans.md:5:1  warning  upstream-changed  this page is stamped `overrides:`, but no site this one extends has content/care/crisis-plans.md any more: the base page was moved or removed  (find where the base page went and move this page to the same path, or delete the `overrides:` lines to keep it as a page of this site only)\n"), "{}", run.stdout);
}

/// A local contact replaces the base's whole entry, its translations too:
/// the base's Welsh words would describe the base's number.
#[test]
fn a_local_contact_replaces_the_base_one_with_its_translations() {
    let base_contacts = "- id: line\n  name: National line\n  phone: \"0100 000 0000\"\n  verified: 2026-11-01\n  translations:\n    cy: {name: Llinell genedlaethol}\n- id: kept\n  name: Kept line\n  phone: \"0300 000 0000\"\n  verified: 2026-11-01\n  translations:\n    cy: {name: Llinell a gadwyd}\n";
    let page = "```contacts\nline\nkept\n```\n";
    let site = SiteTest::with(&[
        (
            "national/site.yaml",
            "title: National\nlanguages: [en, cy]\ntranslations:\n  cy: {title: Cenedlaethol, description: Canllaw.}\n",
        ),
        ("national/data/contacts.yaml", base_contacts),
        (
            "national/content/_index.md",
            &format!("---\ntitle: Home\nreviewed: 2026-11-01\n---\n{page}"),
        ),
        (
            "national/content/_index.cy.md",
            &format!("---\ntitle: Hafan\nreviewed: 2026-11-01\n---\n{page}"),
        ),
        ("local/site.yaml", "title: Local\nextends: ../national\n"),
        (
            "local/data/contacts.yaml",
            "- id: line\n  name: Local line\n  phone: \"0200 000 0000\"\n  verified: 2026-11-02\n  translations:\n    cy: {name: Llinell leol}\n",
        ),
    ]);
    site.run(&["build", "--root", "local"]).assert_code(0);
    let welsh = std::fs::read_to_string(site.root.join("local/output/cy/index.html")).unwrap();
    assert!(
        welsh
            .contains("<p class=contact-name>Llinell leol<dl><dt>Ffôn<dd><a href=tel:02000000000>"),
        "{welsh}"
    );
    assert!(
        welsh.contains("<p class=contact-name>Llinell a gadwyd<dl>"),
        "{welsh}"
    );
    assert!(!welsh.contains("genedlaethol"), "{welsh}");
}
