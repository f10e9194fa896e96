//! Issue 10: no crash, no script, no escape, whatever an author or a theme
//! writes. Each case is run through the binary as an author runs it, with
//! its whole message and exit code, and the previous output left as it was.

use crate::harness::{Run, SiteTest};

/// Builds the minimal site, breaks it with `break_it`, builds again: the
/// second build must fail with exit 1 and leave `output/` byte for byte.
fn breaks(break_it: impl FnOnce(&SiteTest)) -> (SiteTest, Run) {
    let site = SiteTest::minimal();
    site.build().assert_code(0);
    let before = site.output_snapshot();
    break_it(&site);
    let run = site.build();
    run.assert_code(1);
    assert_eq!(
        site.output_snapshot(),
        before,
        "the previous output must be untouched"
    );
    (site, run)
}

const HOME: &str = "content/_index.md";
const PAGE: &str = "content/care/plans.md";

// ---- Crashes: the home page's front matter ---------------------------------

#[test]
fn home_page_unknown_key_is_a_diagnostic_not_a_panic() {
    let (_, run) = breaks(|s| s.write(HOME, "---\ntitle: Home\nlayout: home\n---\nHi\n"));
    run.assert_stderr_is("content/_index.md:3:1  error  unknown-key  unknown key `layout`  (`layout` is not needed: templates come from the page kind; use `template:` to pick another)\n    3 | layout: home\n      | ^\n\n1 error and 0 warnings in 1 file\nerrors by rule: unknown-key 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
}

#[test]
fn home_page_bad_date_unclosed_missing_and_empty_front_matter() {
    for (text, expected) in [
        (
            "---\ntitle: Home\nreviewed: 2026-13-01\n---\nHi\n",
            "content/_index.md:3:11",
        ),
        (
            "---\ntitle: Home\n",
            "content/_index.md:1:1  error  front-matter-unclosed",
        ),
        (
            "Just text.\n",
            "content/_index.md:1:1  error  front-matter-missing",
        ),
        ("", "content/_index.md:1:1  error  front-matter-missing"),
    ] {
        let (_, run) = breaks(|s| s.write(HOME, text));
        assert!(
            run.stderr.starts_with(expected),
            "{text:?}:\n{}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains("\n1 error and 0 warnings in 1 file\nerrors by rule: "),
            "one finding only for {text:?}:\n{}",
            run.stderr
        );
    }
}

#[test]
fn an_empty_section_page_is_reported_once_without_follow_on_errors() {
    let (_, run) = breaks(|s| {
        s.write("content/care/_index.md", "");
        s.write(HOME, "---\ntitle: Home\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nSee [care](care/_index.md).\n");
    });
    run.assert_stderr_is("content/care/_index.md:1:1  error  front-matter-missing  this page has no front matter  (start the file with a line `---`, then `title: Your page title`, then another line `---`)\n\n1 error and 0 warnings in 1 file\nerrors by rule: front-matter-missing 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
}

// ---- Crashes: nesting far beyond any real page -------------------------------

fn deep_page(body: &str) -> String {
    format!("---\ntitle: Deep\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\n{body}\n")
}

#[test]
fn deep_nesting_is_refused_with_its_line_in_build_and_check() {
    // Ten times the depths that once aborted the process.
    let cases = [
        (">".repeat(20_000) + " x", 65),
        ("- ".repeat(10_000) + "x", 65),
        ("*a ".repeat(50_000) + "b" + &" c*".repeat(50_000), 190),
    ];
    for (body, column) in cases {
        let (site, run) = breaks(|s| s.write(PAGE, &deep_page(&body)));
        let location = format!(
            "content/care/plans.md:6:{column}  error  too-deeply-nested  this line puts quotes, lists, emphasis or HTML more than 64 levels inside each other  (no page needs this many levels: take out the extra `>`, list markers, `*` or HTML tags)\n"
        );
        assert!(
            run.stderr.starts_with(&location),
            "{}",
            &run.stderr[..run.stderr.len().min(600)]
        );
        assert!(run.stderr.ends_with("1 error and 0 warnings in 1 file\nerrors by rule: too-deeply-nested 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n"));
        assert!(
            run.stderr
                .lines()
                .filter(|l| l.starts_with("    "))
                .all(|l| l.chars().count() < 120),
            "snippets stay one screen wide"
        );
        let check = site.run(&["check"]);
        check.assert_code(1);
        assert!(check.stdout.starts_with(&location), "{}", check.stdout);
    }
}

#[test]
fn deep_raw_html_with_raw_html_allow_is_refused_too() {
    let (_, run) = breaks(|s| {
        s.write(
            "site.yaml",
            "title: Test site\nmarkdown:\n  raw_html: allow\n",
        );
        s.write(PAGE, &deep_page(&"<div>".repeat(20_000)));
    });
    run.assert_stderr("content/care/plans.md:6:1  error  too-deeply-nested");
}

// ---- Crashes: themes that loop ------------------------------------------------

#[test]
fn a_template_that_includes_itself_is_a_template_error() {
    let (_, run) = breaks(|s| {
        s.use_theme_with_page(
            "<main>{{ page.content | safe }}</main>\n{% include \"page.html\" %}",
        );
    });
    run.assert_stderr_is("themes/mine/templates/page.html:2:1  error  template-error  the template could not be used: page.html uses itself, so rendering would never end  (remove the include or macro call that leads back to where it started)\n\n1 error and 0 warnings in 1 file\nerrors by rule: template-error 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
}

#[test]
fn a_macro_that_calls_itself_is_a_template_error() {
    let (_, run) = breaks(|s| {
        s.use_theme_with_page("{% import \"macros.html\" as m %}<main>{{ m::down(n=1) }}</main>");
        s.write(
            "themes/mine/templates/macros.html",
            "{% macro down(n) %}\n{{ self::down(n=n) }}\n{% endmacro down %}",
        );
    });
    run.assert_stderr_is("themes/mine/templates/macros.html:2:1  error  template-error  the template could not be used: macros.html (macro `down`) uses itself, so rendering would never end  (remove the include or macro call that leads back to where it started)\n\n1 error and 0 warnings in 1 file\nerrors by rule: template-error 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
}

#[test]
fn templates_nested_too_deeply_to_parse_are_refused() {
    let (_, run) = breaks(|s| {
        s.use_theme_with_page(&("<main>".to_owned() + &"{% if true %}".repeat(5_000)));
    });
    run.assert_stderr("themes/mine/templates/page.html:1:1  error  template-error  the template page.html nests tags or brackets more than 64 levels deep");
}

// ---- Crashes: Unicode case folding ---------------------------------------------

#[test]
fn case_folding_that_changes_length_points_at_the_right_words() {
    let site = SiteTest::minimal();
    site.write(
        "data/glossary.yaml",
        "- term: éé\n  meaning: A test word.\n- term: care plan\n  meaning: A plan of care.\n",
    );
    site.write(
        "content/care/plans.easy.md",
        "---\ntitle: Plans\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\n![A phone](picto:phone)\nİİ İéé  x\n\n![A phone](picto:phone)\nİ care plan here.\n",
    );
    let run = site.run(&["check", "--json"]);
    run.assert_code(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let hard: Vec<(u64, u64, String)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|d| d["rule"] == "easy-hard-word")
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        hard,
        [
            (
                7,
                5,
                "the hard word \"éé\" is not in bold or explained in the next sentence".to_owned()
            ),
            (
                10,
                3,
                "the hard word \"care plan\" is not in bold or explained in the next sentence"
                    .to_owned()
            ),
        ]
    );
}

// ---- Holes: URLs from data and settings ----------------------------------------

#[test]
fn contact_websites_pass_the_url_allow_list() {
    let (_, run) = breaks(|s| {
        s.write(
            "data/contacts.yaml",
            "- id: a\n  name: A\n  website: \"javascript:alert(1)\"\n  verified: 2026-11-01\n\
             - id: b\n  name: B\n  website: \"JaVaScRiPt:alert(1)\"\n  verified: 2026-11-01\n\
             - id: c\n  name: C\n  website: \"vbscript:msgbox(1)\"\n  verified: 2026-11-01\n\
             - id: d\n  name: D\n  website: \"data:text/html,x\"\n  verified: 2026-11-01\n\
             - id: e\n  name: E\n  website: \" \\tjava\\u0001script:alert(1)\"\n  verified: 2026-11-01\n\
             - id: f\n  name: F\n  website: \"\\u0001javascript:alert(1)\"\n  verified: 2026-11-01\n\
             - id: g\n  name: G\n  website: \"https://www.samaritans.org\"\n  verified: 2026-11-01\n",
        );
    });
    let found: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("  error  "))
        .collect();
    assert_eq!(
        found,
        [
            "data/contacts.yaml:3:1  error  unsafe-link  the address `javascript:alert(1)` starts with `javascript:`, which Signpost never writes into a page  (write the organisation's website as https://…)",
            "data/contacts.yaml:7:1  error  unsafe-link  the address `JaVaScRiPt:alert(1)` starts with `javascript:`, which Signpost never writes into a page  (write the organisation's website as https://…)",
            "data/contacts.yaml:11:1  error  unsafe-link  the address `vbscript:msgbox(1)` starts with `vbscript:`, which Signpost never writes into a page  (write the organisation's website as https://…)",
            "data/contacts.yaml:15:1  error  unsafe-link  the address `data:text/html,x` starts with `data:`, which Signpost never writes into a page  (write the organisation's website as https://…)",
            "data/contacts.yaml:19:1  error  unsafe-link  the website of `e` is ` \u{fffd}java\u{fffd}script:alert(1)`, which is not a web address  (write the organisation's website as https://…)",
            "data/contacts.yaml:23:1  error  unsafe-link  the address `\u{fffd}javascript:alert(1)` starts with `javascript:`, which Signpost never writes into a page  (write the organisation's website as https://…)",
        ]
    );
}

#[test]
fn markdown_links_with_hidden_schemes_are_refused() {
    let (_, run) = breaks(|s| {
        s.write(PAGE, "---\ntitle: Plans\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\n[a](<java\tscript:alert(1)>) [b](JAVASCRIPT:x) [c](data:text/html,x)\n");
    });
    assert_eq!(
        run.stderr.matches("error  unsafe-link").count(),
        3,
        "{}",
        run.stderr
    );
    run.assert_stderr("content/care/plans.md:6:1  error  unsafe-link  the address `java\u{fffd}script:alert(1)` starts with `javascript:`");
}

#[test]
fn help_banner_links_pass_the_url_allow_list() {
    let (_, run) = breaks(|s| {
        s.write("site.yaml", "title: Test site\nhelp:\n  text: Help\n  links:\n    - text: Bad\n      link: \" javascript:alert(1)\"\n");
    });
    run.assert_stderr_is("site.yaml:6:1  error  unsafe-link  the address ` javascript:alert(1)` starts with `javascript:`, which Signpost never writes into a page  (use an https:// web address, mailto:, tel:, or a path to a file inside the site; other kinds of address (javascript:, data:, file: …) can run code or reach outside the site)\n    6 |       link: \" javascript:alert(1)\"\n      | ^\n\n1 error and 0 warnings in 1 file\nerrors by rule: unsafe-link 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
}

// ---- Holes: file names ------------------------------------------------------------

#[test]
fn file_names_that_cannot_be_addresses_are_refused_with_a_slug() {
    let (_, run) = breaks(|s| {
        s.write(
            "content/care/javascript:alert(1).md",
            "---\ntitle: J\n---\nHi\n",
        );
        s.write("content/care/Leaflet 2026.pdf", "%PDF");
        s.write("content/care/what?#.md", "---\ntitle: W\n---\nHi\n");
    });
    run.assert_stderr_is("content/care/Leaflet 2026.pdf  error  bad-file-name  this file name has spaces, which cannot be part of a web address  (rename it to leaflet-2026.pdf: use lower-case letters, digits and hyphens, and update links to it)\n\ncontent/care/javascript:alert(1).md  error  bad-file-name  this file name has `:`, which cannot be part of a web address  (rename it to javascriptalert1.md: use lower-case letters, digits and hyphens, and update links to it)\n\ncontent/care/what?#.md  error  bad-file-name  this file name has `#`, `?`, which cannot be part of a web address  (rename it to what.md: use lower-case letters, digits and hyphens, and update links to it)\n\n3 errors and 0 warnings in 3 files\nerrors by rule: bad-file-name 3\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
}

#[test]
fn names_differing_only_in_case_are_duplicate_urls() {
    let (_, run) = breaks(|s| {
        s.write(
            "content/care/Plans.md",
            "---\ntitle: Plans again\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nHi\n",
        );
    });
    run.assert_stderr_is("content/care/plans.md:1:1  error  duplicate-url  content/care/Plans.md and content/care/plans.md differ only in capital letters: on Windows and macOS they are one file, and one page would replace the other  (rename one of them; lower-case names are safest)\n\n1 error and 0 warnings in 1 file\nerrors by rule: duplicate-url 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
}

// ---- Holes: attachments --------------------------------------------------------------

#[test]
fn svg_attachments_with_active_content_are_refused() {
    for (svg, what) in [
        (
            "<svg onload=\"alert(1)\"></svg>",
            "an event handler (onload=…) on <svg>",
        ),
        ("<svg><script>alert(1)</script></svg>", "a <script> element"),
        (
            "<svg><a href=\"javascript:alert(1)\"><rect/></a></svg>",
            "a `javascript:` address in href= on <a>",
        ),
        (
            "<svg><foreignObject><p>x</p></foreignObject></svg>",
            "a <foreignobject> element",
        ),
    ] {
        let (_, run) = breaks(|s| s.write("content/care/picture.svg", svg));
        run.assert_stderr("content/care/picture.svg:1:");
        run.assert_stderr(&format!("error  unsafe-file  this SVG contains {what}, which could run code or track readers when the picture is opened"));
    }
}

#[test]
fn html_attachments_need_raw_html_allow() {
    let (site, run) = breaks(|s| s.write("content/care/old.html", "<script>alert(1)</script>"));
    run.assert_stderr_is("content/care/old.html  error  unsafe-file  a .html file is a web page of its own and can run scripts, so it is not copied  (write it as a Markdown page instead, or, if every author of this site is trusted, set `markdown: {raw_html: allow}` in site.yaml)\n\n1 error and 0 warnings in 1 file\nerrors by rule: unsafe-file 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
    site.write(
        "site.yaml",
        "title: Test site\nmarkdown:\n  raw_html: allow\n",
    );
    site.build().assert_code(0);
    assert!(site.root.join("output/care/old.html").is_file());
}

// ---- Holes: paths outside the site ----------------------------------------------

#[test]
fn a_logo_outside_the_site_is_a_path_escape() {
    for logo in ["../../../../etc/passwd", "/etc/passwd"] {
        let (site, run) = breaks(|s| {
            s.write(
                "site.yaml",
                &format!("title: Test site\nbrand:\n  name: Trust\n  logo: {logo}\n"),
            );
        });
        run.assert_stderr(&format!("site.yaml:4:1  error  path-escape  `{logo}` "));
        assert!(!site.root.join("output/brand").exists());
    }
}

#[cfg(unix)]
#[test]
fn data_and_settings_symlinked_outside_the_site_are_not_read() {
    let outside = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        outside.path().join("contacts.yaml"),
        "- id: x\n  name: X\n  verified: 2026-01-01\n",
    )
    .expect("write");
    std::fs::write(outside.path().join("site.yaml"), "title: Elsewhere\n").expect("write");
    let (site, run) = breaks(|s| {
        std::fs::create_dir_all(s.root.join("data")).expect("mkdir");
        std::os::unix::fs::symlink(
            outside.path().join("contacts.yaml"),
            s.root.join("data/contacts.yaml"),
        )
        .expect("symlink");
    });
    run.assert_stderr_is("data/contacts.yaml  error  path-escape  `data/contacts.yaml` is a symlink to somewhere outside the site folder: Signpost reads only files inside the site folder  (copy the file into the site folder and name it by its path there, like brand/logo.svg)\n\n1 error and 0 warnings in 1 file\nerrors by rule: path-escape 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
    std::fs::remove_file(site.root.join("data/contacts.yaml")).expect("rm");
    std::fs::remove_file(site.root.join("site.yaml")).expect("rm");
    std::os::unix::fs::symlink(
        outside.path().join("site.yaml"),
        site.root.join("site.yaml"),
    )
    .expect("symlink");
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr("site.yaml  error  path-escape  `site.yaml` is a symlink to somewhere outside the site folder");
}

#[test]
fn out_through_dot_dot_into_content_is_refused() {
    let site = SiteTest::minimal();
    std::fs::create_dir_all(site.root.join("content/emptydir")).expect("mkdir");
    let sneaky = site.root.join("no-such-folder/../content/emptydir");
    let run = site.run(&["build", "--out", sneaky.to_str().expect("utf-8 path")]);
    run.assert_code(2);
    run.assert_stderr("refusing to write the site to ");
    run.assert_stderr(": it would overwrite the site's own files.");
    assert_eq!(
        std::fs::read_dir(site.root.join("content/emptydir"))
            .expect("dir")
            .count(),
        0
    );
}

#[cfg(unix)]
#[test]
fn a_marker_that_is_a_symlink_is_not_a_marker() {
    let site = SiteTest::minimal();
    let precious = site.root.join("precious");
    std::fs::create_dir_all(&precious).expect("mkdir");
    std::fs::write(precious.join("thesis.txt"), "years of work").expect("write");
    site.build().assert_code(0);
    std::os::unix::fs::symlink(
        site.root.join("output/.signpost-output"),
        precious.join(".signpost-output"),
    )
    .expect("symlink");
    let run = site.run(&["build", "--out", "precious"]);
    run.assert_code(2);
    run.assert_stderr(
        "refusing to write into precious: it is not empty and was not made by Signpost",
    );
    assert_eq!(
        std::fs::read_to_string(precious.join("thesis.txt")).expect("kept"),
        "years of work"
    );
}

// ---- Silently accepted before -----------------------------------------------------

#[test]
fn an_unknown_booklet_appendix_is_an_error() {
    let (_, run) = breaks(|s| {
        s.write(
            "site.yaml",
            "title: Test site\nbooklets:\n  appendix: nosuch\n",
        )
    });
    run.assert_stderr_is("site.yaml:3:1  error  bad-value  `booklets.appendix` is `nosuch`, but there is no section content/nosuch/  (name a folder directly inside content/ (it needs an _index.md), or write `appendix: \"\"` for none)\n    3 |   appendix: nosuch\n      | ^\n\n1 error and 0 warnings in 1 file\nerrors by rule: bad-value 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
}

#[test]
fn a_blank_glossary_term_is_an_error() {
    let (_, run) = breaks(|s| {
        s.write(
            "data/glossary.yaml",
            "- term: advocate\n  meaning: Someone on your side.\n- term: ''\n  meaning: Nothing.\n",
        )
    });
    run.assert_stderr_is("data/glossary.yaml:3:1  error  blank-term  this glossary entry has a blank term  (write the word or phrase the entry explains, or delete the entry)\n    3 | - term: ''\n      | ^\n\n1 error and 0 warnings in 1 file\nerrors by rule: blank-term 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
}

#[test]
fn yaml_tags_are_refused_in_front_matter_settings_and_data() {
    let (_, run) = breaks(|s| s.write(PAGE, "---\ntitle: !!binary aGk=\n---\nHi\n"));
    run.assert_stderr_is("content/care/plans.md:2:8  error  yaml-tag  `!!binary` is a YAML tag, and Signpost's files do not use tags  (remove the tag; if the value really starts with `!`, put it in quotes)\n    2 | title: !!binary aGk=\n      |        ^\n\n1 error and 0 warnings in 1 file\nerrors by rule: yaml-tag 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
    let (_, run) = breaks(|s| s.write("site.yaml", "title: !custom Test site\n"));
    run.assert_stderr("site.yaml:1:8  error  yaml-tag  `!custom` is a YAML tag");
    let (_, run) = breaks(|s| s.write("data/glossary.yaml", "- term: x\n  meaning: !secret y\n"));
    run.assert_stderr("data/glossary.yaml:2:12  error  yaml-tag  `!secret` is a YAML tag");
}

// ---- Themes cannot put scripts into pages ------------------------------------------

#[test]
fn a_theme_that_writes_a_script_is_refused_while_raw_html_is_deny() {
    let (_, run) = breaks(|s| {
        s.use_theme_with_page("<main>{{ page.content | safe }}</main><script>alert(1)</script>")
    });
    run.assert_stderr_is("content/care/plans.md  error  unsafe-output  the built page for this file contains a <script> element, put there by the theme's templates  (remove it from the templates in themes/mine/templates: while markdown.raw_html is deny or sanitize, no page may run scripts)\n\n1 error and 0 warnings in 1 file\nerrors by rule: unsafe-output 1\nThe site was not built: fix the errors above. The previous output was left as it was.\n");
}

#[test]
fn a_theme_that_writes_an_author_value_into_an_href_cannot_make_a_script_url() {
    let (_, run) = breaks(|s| {
        s.use_theme_with_page("<main><a href=\"{{ page.extra.url }}\">more</a></main>");
        s.write(PAGE, "---\ntitle: Plans\nreviewed: 2026-01-01\nreview_due: 2027-01-01\nextra:\n  url: \"javascript:alert(1)\"\n---\nHi\n");
    });
    run.assert_stderr("content/care/plans.md  error  unsafe-output  the built page for this file contains a `javascript:` address in href= on <a>");
}

// ---- Found while reviewing the page snapshots -------------------------------------

#[test]
fn footnotes_in_two_booklet_chapters_keep_their_own_ids() {
    let site = SiteTest::minimal();
    let note = |title: &str| {
        format!(
            "---\ntitle: {title}\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nA fact.[^1]\n\n[^1]: Where it comes from.\n"
        )
    };
    site.write("content/care/plans.md", &note("Plans"));
    site.write("content/care/reviews.md", &note("Reviews"));
    site.build().assert_code(0);
    let booklet = site.output("booklet/index.html");
    let mut ids: Vec<&str> = booklet
        .split(" id=")
        .skip(1)
        .map(|rest| {
            rest.trim_start_matches('"')
                .split(['"', ' ', '>'])
                .next()
                .unwrap_or("")
        })
        .collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "every id in the booklet is unique: {ids:?}");
    let definitions = booklet.matches("<div class=footnote-definition").count()
        + booklet
            .matches("<div class=\"footnote-definition\"")
            .count();
    assert_eq!(definitions, 2, "both footnotes are printed");
}
