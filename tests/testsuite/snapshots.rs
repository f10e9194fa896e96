//! Snapshot tests (insta, `.snap` files in `tests/testsuite/snapshots/`):
//! the whole output an author sees for each rule id and each operational
//! error, and the `<main>` of each kind of built page.
//!
//! - `rule__<id>.snap`: a minimal site with one mistake, run through
//!   `signpost build` (stderr) for the rules that stop a build, and through
//!   `signpost check` (stdout) for the rules `check.rules` can configure.
//! - `op__<what>.snap`: errors where Signpost could not run (exit 2).
//! - `page__<kind>.snap`: the `<main>` element of a built page. The HTML is
//!   minified onto one line, so a newline is added before each block-level
//!   tag (and each container's closing tag) to make diffs readable; nothing
//!   else is changed.
//!
//! Update with `cargo insta review`, or `INSTA_UPDATE=always cargo test
//! --test testsuite snapshots` and then read the diff as an author would.

use crate::harness::{Run, SiteTest, main_of};

const PLANS: &str = "content/care/plans.md";
const PAGE: &str = "content/care/page.md";
const EASY: &str = "content/care/plans.easy.md";
const DATES: &str = "reviewed: 2026-01-01\nreview_due: 2027-01-01\n";
/// The first line of an easy-read row: a picture.
const ROW: &str = "![A phone](picto:phone)\n";

/// A page with good front matter: its body starts on line 5.
fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\n{DATES}---\n{body}")
}

/// The minimal site plus content/care/page.md with `body`.
fn with_page(body: &str) -> SiteTest {
    let site = SiteTest::minimal();
    site.write(PAGE, &page("The page", body));
    site
}

/// The minimal site plus an easy-read twin of the care plans page.
fn with_easy(body: &str) -> SiteTest {
    let site = SiteTest::minimal();
    site.write(EASY, &page("Your care plan", body));
    site
}

/// Replaces the temporary folder the site lives in, however it is spelt.
fn redact(site: &SiteTest, text: &str) -> String {
    let mut text = text.to_owned();
    let mut roots = vec![site.root.clone()];
    if let Ok(real) = site.root.canonicalize() {
        roots.push(real);
    }
    for root in roots {
        text = text.replace(&*root.to_string_lossy(), "[SITE]");
        if let Some(tmp) = root.parent() {
            text = text.replace(&*tmp.to_string_lossy(), "[TMP]");
        }
    }
    let tmp = std::env::temp_dir();
    assert!(
        !text.contains(&*tmp.to_string_lossy()),
        "an absolute temporary path is left:\n{text}"
    );
    text
}

fn snapshot(name: &str, description: &str, text: &str) {
    insta::with_settings!({
        snapshot_path => "snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
        description => description,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

/// The rule ids of every finding line (`FILE[:LINE:COL]  LEVEL  RULE  …`).
fn rules_in(output: &str) -> Vec<&str> {
    output
        .lines()
        .filter(|line| !line.starts_with(' '))
        .filter_map(|line| {
            let mut fields = line.split("  ");
            let _file = fields.next()?;
            let level = fields.next()?;
            matches!(level, "error" | "warning")
                .then(|| fields.next())
                .flatten()
        })
        .collect()
}

/// Snapshots the output of `run` (the one stream that has any) for `rule`,
/// after checking that `rule` is the only rule found.
fn rule_snapshot(rule: &str, site: &SiteTest, command: &str, run: &Run, code: i32) {
    run.assert_code(code);
    let (shown, other) = if command == "check" {
        (&run.stdout, &run.stderr)
    } else {
        (&run.stderr, &run.stdout)
    };
    assert_eq!(other, "", "signpost {command}: the other stream is empty");
    let rules = rules_in(shown);
    assert!(
        !rules.is_empty() && rules.iter().all(|r| *r == rule),
        "only `{rule}` is found, got {rules:?}:\n{shown}"
    );
    snapshot(
        &format!("rule__{rule}"),
        &format!("signpost {command}, exit {code}"),
        &redact(site, shown),
    );
}

/// A rule that stops `signpost build` (exit 1): its stderr.
fn build_fails(rule: &str, site: &SiteTest) {
    let run = site.build();
    rule_snapshot(rule, site, "build", &run, 1);
    assert!(
        !site.root.join("output").exists(),
        "a failed build writes nothing"
    );
}

/// A configurable rule: the stdout of `signpost check`.
fn check_finds(rule: &str, site: &SiteTest) {
    let run = site.run(&["check"]);
    let code = i32::from(run.stdout.contains("  error  "));
    rule_snapshot(rule, site, "check", &run, code);
}

/// An operational error (exit 2): stderr of `signpost ARGS`.
fn cannot_run(name: &str, site: &SiteTest, args: &[&str]) {
    let run = site.run(args);
    run.assert_code(2);
    assert_eq!(run.stdout, "");
    snapshot(
        &format!("op__{name}"),
        &format!("signpost {}, exit 2", args.join(" ")),
        &redact(site, &run.stderr),
    );
}

#[test]
fn the_minimal_site_is_clean() {
    let run = SiteTest::minimal().run(&["check"]);
    run.assert_code(0);
    assert_eq!(run.stdout, "no problems found\n");
}

// ---- Rules that stop a build ------------------------------------------------

#[test]
fn invalid_yaml() {
    let site = SiteTest::minimal();
    site.write(
        PLANS,
        &format!("---\ntitle: Care plans\n  summary: indented too far\n{DATES}---\nA plan.\n"),
    );
    build_fails("invalid-yaml", &site);
}

#[test]
fn unknown_key() {
    let site = SiteTest::minimal();
    site.write(
        PLANS,
        &format!("---\ntitle: Care plans\nsumary: What a plan is.\n{DATES}---\nA plan.\n"),
    );
    build_fails("unknown-key", &site);
}

#[test]
fn bad_value() {
    let site = SiteTest::minimal();
    site.write(
        PLANS,
        &format!("---\ntitle: Care plans\nweight: first\n{DATES}---\nA plan.\n"),
    );
    build_fails("bad-value", &site);
}

#[test]
fn bad_date() {
    let site = SiteTest::minimal();
    site.write(
        PLANS,
        "---\ntitle: Care plans\nreviewed: 2026-02-30\nreview_due: 2027-01-01\n---\nA plan.\n",
    );
    build_fails("bad-date", &site);
}

#[test]
fn duplicate_key() {
    let site = SiteTest::minimal();
    site.write(
        PLANS,
        &format!("---\ntitle: Care plans\n{DATES}title: Plans\n---\nA plan.\n"),
    );
    build_fails("duplicate-key", &site);
}

#[test]
fn front_matter_missing() {
    let site = SiteTest::minimal();
    site.write(PLANS, "A plan says who does what.\n");
    build_fails("front-matter-missing", &site);
}

#[test]
fn front_matter_unclosed() {
    let site = SiteTest::minimal();
    site.write(PLANS, &format!("---\ntitle: Care plans\n{DATES}A plan.\n"));
    build_fails("front-matter-unclosed", &site);
}

#[test]
fn missing_title() {
    let site = SiteTest::minimal();
    site.write(
        PLANS,
        &format!("---\nsummary: What a plan is.\n{DATES}---\nA plan.\n"),
    );
    build_fails("missing-title", &site);
}

#[test]
fn not_utf8() {
    let site = SiteTest::minimal();
    let mut bytes = page("Care plans", "Caf").into_bytes();
    bytes.extend_from_slice(b"\xe9 au lait.\n");
    site.write_bytes(PLANS, &bytes);
    build_fails("not-utf8", &site);
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    let site = SiteTest::minimal();
    std::os::unix::fs::symlink("..", site.root.join("content/care/loop")).expect("symlink");
    build_fails("unreadable-file", &site);
}

#[test]
fn path_escape() {
    let site = SiteTest::minimal();
    site.write(
        PLANS,
        &page(
            "Care plans",
            "A plan.\n\nSee [the passwords](../../../etc/passwd).\n",
        ),
    );
    build_fails("path-escape", &site);
}

#[test]
fn bad_file_name() {
    let site = SiteTest::minimal();
    site.write("content/care/Leaflet 2026.pdf", "%PDF");
    build_fails("bad-file-name", &site);
}

#[test]
fn duplicate_url() {
    let site = SiteTest::minimal();
    site.write(
        "content/care/plans/_index.md",
        &page("Plans again", "More about plans.\n"),
    );
    build_fails("duplicate-url", &site);
}

#[test]
fn too_deeply_nested() {
    let site = SiteTest::minimal();
    site.write(
        PLANS,
        &page("Care plans", &format!("{} A plan.\n", ">".repeat(70))),
    );
    build_fails("too-deeply-nested", &site);
}

#[test]
fn yaml_tag() {
    let site = SiteTest::minimal();
    site.write(
        PLANS,
        &format!("---\ntitle: !!binary aGk=\n{DATES}---\nA plan.\n"),
    );
    build_fails("yaml-tag", &site);
}

#[test]
fn blank_term() {
    let site = SiteTest::minimal();
    site.write(
        "data/glossary.yaml",
        "- term: advocate\n  meaning: Someone on your side.\n- term: ''\n  meaning: Nothing.\n",
    );
    build_fails("blank-term", &site);
}

#[test]
fn unsafe_file() {
    let site = SiteTest::minimal();
    site.write(
        "content/care/picture.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>alert(1)</script>\n</svg>\n",
    );
    build_fails("unsafe-file", &site);
}

#[test]
fn unsafe_output() {
    let site = SiteTest::minimal();
    site.use_theme_with_page("<main>{{ page.content | safe }}</main><script>alert(1)</script>");
    build_fails("unsafe-output", &site);
}

#[test]
fn missing_home() {
    let site = SiteTest::with(
        &crate::harness::MINIMAL
            .iter()
            .copied()
            .filter(|(path, _)| *path != "content/_index.md")
            .collect::<Vec<_>>(),
    );
    build_fails("missing-home", &site);
}

#[test]
fn missing_section_index() {
    let site = SiteTest::minimal();
    site.write(
        "content/rights/advocates.md",
        &page("Advocates", "An advocate is on your side.\n"),
    );
    build_fails("missing-section-index", &site);
}

#[test]
fn broken_link() {
    let site = SiteTest::minimal();
    site.write(
        PLANS,
        &page(
            "Care plans",
            "A plan.\n\nSee [your review](../reviews/how.md).\n",
        ),
    );
    build_fails("broken-link", &site);
}

#[test]
fn broken_anchor() {
    let site = SiteTest::minimal();
    site.write(
        "content/_index.md",
        &page(
            "Home",
            "See [what a plan says](care/plans.md#what-it-said).\n",
        ),
    );
    build_fails("broken-anchor", &site);
}

#[test]
fn unsafe_link() {
    let site = SiteTest::minimal();
    site.write(
        PLANS,
        &page(
            "Care plans",
            "A plan.\n\nFill in [the form](javascript:alert(1)).\n",
        ),
    );
    build_fails("unsafe-link", &site);
}

#[test]
fn image_alt_missing() {
    let site = SiteTest::minimal();
    site.write(PLANS, &page("Care plans", "A plan.\n\n![](photo.jpg)\n"));
    site.write_bytes("content/care/photo.jpg", &crate::images::jpeg(8, 8));
    build_fails("image-alt-missing", &site);
}

#[test]
fn external_image() {
    let site = SiteTest::minimal();
    site.write(
        PLANS,
        &page(
            "Care plans",
            "A plan.\n\n![A nurse and a patient talking](https://example.org/nurse.jpg)\n",
        ),
    );
    build_fails("external-image", &site);
}

#[test]
fn raw_html() {
    let site = SiteTest::minimal();
    site.write(
        PLANS,
        &page("Care plans", "A <span style=\"color:red\">plan</span>.\n"),
    );
    build_fails("raw-html", &site);
}

#[test]
fn unknown_contact() {
    let site = SiteTest::minimal();
    site.write(
        "data/contacts.yaml",
        "- id: samaritans\n  name: Samaritans\n  phone: \"116 123\"\n  verified: 2026-11-01\n",
    );
    site.write(
        PLANS,
        &page("Care plans", "A plan.\n\n```contacts\nsamaritan\n```\n"),
    );
    build_fails("unknown-contact", &site);
}

#[test]
fn duplicate_entry() {
    let site = SiteTest::minimal();
    site.write(
        "data/glossary.yaml",
        "- term: advocate\n  meaning: Someone on your side.\n- term: Advocate\n  meaning: Someone who helps you.\n",
    );
    build_fails("duplicate-entry", &site);
}

#[test]
fn missing_theme() {
    let site = SiteTest::minimal();
    site.write("site.yaml", "title: Test site\ntheme: fancy\n");
    build_fails("missing-theme", &site);
}

#[test]
fn missing_template() {
    let site = SiteTest::minimal();
    site.write("site.yaml", "title: Test site\ntheme: mine\n");
    for t in ["base.html", "index.html", "section.html", "404.html"] {
        site.write(
            &format!("themes/mine/templates/{t}"),
            "<main>{{ page.title }}</main>",
        );
    }
    build_fails("missing-template", &site);
}

#[test]
fn template_error() {
    let site = SiteTest::minimal();
    site.use_theme_with_page(
        "<main>\n<h1>{{ page.title }}</h1>\n<p>{{ page.subtitle }}</p>\n</main>\n",
    );
    build_fails("template-error", &site);
}

#[test]
fn brand_contrast() {
    let site = SiteTest::minimal();
    site.write(
        "site.yaml",
        "title: Test site\nbrand:\n  name: Example Trust\n  colour: \"#88bbee\"\n",
    );
    build_fails("brand-contrast", &site);
}

#[test]
fn worksheet_syntax() {
    let site = SiteTest::minimal();
    site.write(
        PLANS,
        &page(
            "Care plans",
            "A plan.\n\n```worksheet\nWhat matters to you? [lines 3]\nWhat else? [lnes 2]\n```\n",
        ),
    );
    build_fails("worksheet-syntax", &site);
}

#[test]
fn unknown_pictogram() {
    let site = with_easy("![A phone](picto:phon)\nYou can phone for help.\n");
    build_fails("unknown-pictogram", &site);
}

#[test]
fn missing_file() {
    let site = SiteTest::minimal();
    site.write(
        "site.yaml",
        "title: Test site\nbrand:\n  name: Example Trust\n  logo: brand/logo.svg\n",
    );
    build_fails("missing-file", &site);
}

// ---- Rules that `check.rules` can configure --------------------------------

#[test]
fn vague_link_text() {
    check_finds(
        "vague-link-text",
        &with_page("Care plans: [click here](plans.md).\n"),
    );
}

#[test]
fn duplicate_link_text() {
    check_finds(
        "duplicate-link-text",
        &with_page("[Care plans](plans.md) and\n[care plans](_index.md).\n"),
    );
}

#[test]
fn bad_email_link() {
    check_finds(
        "bad-email-link",
        &with_page("[Email the team](mailto:team.example.org)\n"),
    );
}

#[test]
fn bad_phone_link() {
    check_finds(
        "bad-phone-link",
        &with_page("[Call the team](tel:call-us)\n"),
    );
}

#[test]
fn image_alt_empty() {
    let site = with_page("![ ](nurse.jpg)\n");
    site.write_bytes("content/care/nurse.jpg", &crate::images::jpeg(8, 8));
    check_finds("image-alt-empty", &site);
}

#[test]
fn image_alt_filename() {
    let site = with_page("![IMG_0123.jpg](IMG_0123.jpg)\n");
    site.write_bytes("content/care/IMG_0123.jpg", &crate::images::jpeg(8, 8));
    check_finds("image-alt-filename", &site);
}

#[test]
fn heading_skip() {
    check_finds(
        "heading-skip",
        &with_page("## What a plan is\n\nText.\n\n#### Who writes it\n\nText.\n"),
    );
}

#[test]
fn heading_h1() {
    check_finds("heading-h1", &with_page("# Another title\n\nText.\n"));
}

#[test]
fn heading_empty() {
    check_finds(
        "heading-empty",
        &with_page("## What a plan is\n\nText.\n\n##\n\nText.\n"),
    );
}

#[test]
fn table_no_header() {
    check_finds(
        "table-no-header",
        &with_page("Who does what.\n\n|  |  |\n|--|--|\n| Nurse | Visits |\n"),
    );
}

#[test]
fn review_overdue() {
    let site = SiteTest::minimal();
    site.write(
        PAGE,
        "---\ntitle: The page\nreviewed: 2025-01-01\nreview_due: 2026-01-01\n---\nText.\n",
    );
    check_finds("review-overdue", &site);
}

#[test]
fn review_order() {
    let site = SiteTest::minimal();
    site.write(
        PAGE,
        "---\ntitle: The page\nreviewed: 2027-12-01\nreview_due: 2027-01-01\n---\nText.\n",
    );
    check_finds("review-order", &site);
}

#[test]
fn review_missing() {
    let site = SiteTest::minimal();
    site.write(PAGE, "---\ntitle: The page\n---\nText.\n");
    check_finds("review-missing", &site);
}

#[test]
fn contact_stale() {
    let site = SiteTest::minimal();
    site.write(
        "data/contacts.yaml",
        "- id: fresh\n  name: Fresh line\n  phone: \"0100\"\n  verified: 2026-06-01\n- id: old\n  name: Old line\n  phone: \"0101\"\n  verified: 2025-10-01\n",
    );
    check_finds("contact-stale", &site);
}

#[test]
fn long_sentence() {
    check_finds(
        "long-sentence",
        &with_page(
            "You can ask your care co-ordinator to explain every part of the plan to you and to the people who support you.\n",
        ),
    );
}

const HARD: &str = "Comprehensive multidisciplinary assessments necessitate considerable organisational coordination. \
Individualised interventions facilitate therapeutic relationships. \
Consequently, administrative responsibilities proliferate unnecessarily. ";

/// HARD four times, with every rule but `keep` among those it trips turned off.
fn hard_page(keep: &str) -> SiteTest {
    let site = with_page(&HARD.repeat(4));
    let off: String = ["reading-grade", "reading-smog", "plain-words"]
        .iter()
        .filter(|r| **r != keep)
        .map(|r| format!("    {r}: off\n"))
        .collect();
    site.write(
        "site.yaml",
        &format!("title: Test site\ncheck:\n  rules:\n{off}"),
    );
    site
}

#[test]
fn reading_grade() {
    check_finds("reading-grade", &hard_page("reading-grade"));
}

#[test]
fn reading_smog() {
    check_finds("reading-smog", &hard_page("reading-smog"));
}

#[test]
fn plain_words() {
    check_finds("plain-words", &with_page("We will utilise your plan.\n"));
}

#[test]
fn respectful_language() {
    check_finds(
        "respectful-language",
        &with_page("Staff should not say a person suffers from depression.\n"),
    );
}

#[test]
fn easy_long_sentence() {
    check_finds(
        "easy-long-sentence",
        &with_easy(&format!(
            "{ROW}You can phone the team at any time of the day or night if you need some help now.\n"
        )),
    );
}

#[test]
fn easy_one_idea() {
    check_finds(
        "easy-one-idea",
        &with_easy(&format!(
            "{ROW}You can phone the team, and they will call you back.\n"
        )),
    );
}

#[test]
fn easy_row_without_picture() {
    check_finds(
        "easy-row-without-picture",
        &with_easy(&format!(
            "{ROW}You can phone.\n\nThis row has no picture.\n"
        )),
    );
}

#[test]
fn easy_picture_alt() {
    check_finds(
        "easy-picture-alt",
        &with_easy("![](picto:phone)\nYou can phone.\n"),
    );
}

#[test]
fn easy_emphasis() {
    check_finds(
        "easy-emphasis",
        &with_easy(&format!("{ROW}You can *always* phone.\n")),
    );
}

#[test]
fn easy_capitals() {
    check_finds(
        "easy-capitals",
        &with_easy(&format!("{ROW}You can phone at ANY time.\n")),
    );
}

#[test]
fn easy_hard_word() {
    check_finds(
        "easy-hard-word",
        &with_easy(&format!(
            "{ROW}Ask about **confidentiality**.\nYou can phone.\n"
        )),
    );
}

#[test]
fn easy_number_words() {
    check_finds(
        "easy-number-words",
        &with_easy(&format!("{ROW}You can ask three people.\n")),
    );
}

#[test]
fn easy_too_long() {
    let rows: String = (0..300)
        .map(|i| format!("{ROW}This is row {i}.\n\n"))
        .collect();
    check_finds("easy-too-long", &with_easy(&rows));
}

#[test]
fn easy_reading_grade() {
    let body: String = "Professionals coordinate individualised interventions. Organisations collaborate considerately. "
        .repeat(8)
        .split(". ")
        .filter(|s| !s.trim().is_empty())
        .map(|s| format!("{ROW}{}.\n\n", s.trim().trim_end_matches('.')))
        .collect();
    let site = with_easy(&body);
    site.write(
        "site.yaml",
        "title: Test site\ncheck:\n  rules:\n    easy-hard-word: off\n    plain-words: off\n",
    );
    check_finds("easy-reading-grade", &site);
}

// ---- Signpost could not run (exit 2) -----------------------------------------

#[test]
fn out_is_a_file() {
    let site = SiteTest::minimal();
    site.write("public", "I am a file");
    cannot_run("out-is-a-file", &site, &["build", "--out", "public"]);
}

#[test]
fn out_not_made_by_signpost() {
    let site = SiteTest::minimal();
    site.write("output/thesis.docx", "precious");
    cannot_run("out-not-made-by-signpost", &site, &["build"]);
}

#[test]
fn out_inside_content() {
    let site = SiteTest::minimal();
    cannot_run(
        "out-inside-content",
        &site,
        &["build", "--out", "content/site"],
    );
}

#[test]
fn missing_site_yaml() {
    let site = SiteTest::with(&[("content/_index.md", &page("Home", "Welcome.\n"))]);
    cannot_run("missing-site-yaml", &site, &["build"]);
}

#[test]
fn unknown_argument() {
    let site = SiteTest::minimal();
    cannot_run("unknown-argument", &site, &["build", "--outt", "public"]);
}

// ---- The <main> of each kind of page -----------------------------------------

/// Tags that start a new line in a page snapshot.
const BLOCKS: &[&str] = &[
    "main",
    "section",
    "article",
    "aside",
    "nav",
    "header",
    "footer",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "fieldset",
    "legend",
    "blockquote",
    "figure",
    "pre",
    "hr",
    "details",
    "summary",
    "label",
];

/// Of those, the ones whose closing tag also starts a new line: the
/// containers (a heading or paragraph closes on its own line).
const CONTAINERS: &[&str] = &[
    "main",
    "section",
    "article",
    "aside",
    "nav",
    "header",
    "footer",
    "div",
    "ul",
    "ol",
    "dl",
    "table",
    "fieldset",
    "blockquote",
    "figure",
    "details",
];

/// `html` with a newline before each block-level opening tag and each
/// container's closing tag, so that a snapshot diff shows the block that
/// changed. Taking one newline away before each of those tags gives back
/// `html` exactly.
fn lines_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let closing = after.starts_with('/');
        let name: String = after
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let breaks = if closing { CONTAINERS } else { BLOCKS };
        if !out.is_empty() && breaks.contains(&name.as_str()) {
            out.push('\n');
        }
        out.push('<');
        rest = after;
    }
    out.push_str(rest);
    out.push('\n');
    out
}

fn page_snapshot(kind: &str, site: &SiteTest, file: &str) {
    let html = site.output(file);
    snapshot(
        &format!("page__{kind}"),
        &format!("<main> of output/{file}"),
        &redact(site, &lines_of(main_of(&html))),
    );
}

fn built(fixture: &str) -> SiteTest {
    let site = SiteTest::fixture(fixture);
    site.build().assert_code(0);
    site
}

#[test]
fn basic_site_pages() {
    let site = built("basic");
    page_snapshot("home", &site, "index.html");
    page_snapshot("section", &site, "care/index.html");
    page_snapshot("page", &site, "care/plans/index.html");
    page_snapshot("glossary", &site, "glossary/index.html");
    page_snapshot("404", &site, "404.html");
    page_snapshot("guide-booklet", &site, "booklet/index.html");
}

#[test]
fn easy_read_pages() {
    let site = built("easy-read");
    page_snapshot("easy-read", &site, "care/plans/easy-read/index.html");
    page_snapshot("easy-read-booklet", &site, "booklet/easy-read/index.html");
}

#[test]
fn worksheet_and_section_booklet_pages() {
    let site = built("worksheets");
    page_snapshot("worksheet", &site, "sheets/review/index.html");
    page_snapshot("section-booklet", &site, "sheets/booklet/index.html");
}

#[test]
fn accessibility_contact_missing() {
    let site = SiteTest::minimal();
    site.write_exact("site.yaml", "title: Test site\n");
    check_finds("accessibility-contact-missing", &site);
}

/// A small statement: a named publisher with every kind of contact, a
/// partial compliance result from its own test, and one known problem.
#[test]
fn accessibility_statement_page() {
    let site = SiteTest::minimal();
    site.write_exact(
        "site.yaml",
        "title: Test site\nbase_url: https://example.org/guide\naccessibility:\n  organisation: Test trust\n  contact_email: accessibility@example.org\n  contact_phone: \"0300 123 4567\"\n  contact_url: https://example.org/contact\n  compliance: partial\n  last_tested: 2026-10-01\n  tested_by: an outside auditor\n  known_issues:\n    - Some PDF leaflets cannot be read by screen readers.\ncheck:\n  rules: {plain-words: off, long-sentence: off}\n",
    );
    site.build().assert_code(0);
    page_snapshot("accessibility", &site, "accessibility/index.html");
}
