//! Every kind of bad input: the exact message an author sees, with file and
//! line, a non-zero exit, no panic, and the previous output left untouched.

use crate::harness::{Run, SiteTest};

/// Builds a good site, applies `break_it`, builds again, and checks that the
/// second build failed with `code` and left the first output exactly as it was.
fn fails_keeping_output(break_it: impl FnOnce(&SiteTest), code: i32) -> Run {
    let site = SiteTest::minimal();
    site.build().assert_code(0);
    let before = site.output_snapshot();
    break_it(&site);
    let run = site.build();
    run.assert_code(code);
    assert_eq!(
        site.output_snapshot(),
        before,
        "the previous output must be untouched"
    );
    run
}

const PLANS: &str = "content/care/plans.md";

#[test]
fn invalid_yaml() {
    let run = fails_keeping_output(
        |s| {
            s.write(
                PLANS,
                "---\ntitle: Plans\n  summary: indented too far\n---\nBody\n",
            )
        },
        1,
    );
    run.assert_stderr("content/care/plans.md:3:10  error  invalid-yaml  this YAML cannot be read: mapping values are not allowed in this context");
    run.assert_stderr("(check the indentation");
}

#[test]
fn unknown_front_matter_key() {
    let run = fails_keeping_output(
        |s| {
            s.write(
                PLANS,
                "---\ntitle: Plans\nreview-due: 2027-01-01\n---\nBody\n",
            )
        },
        1,
    );
    run.assert_stderr("content/care/plans.md:3:1  error  unknown-key  unknown key `review-due`  (did you mean `review_due`? Keys allowed here: title, summary, reviewed, review_due, weight, audience, sources, lang, draft, template, aliases, toc, overrides, translation, check, extra)");
    run.assert_stderr("    3 | review-due: 2027-01-01\n");
}

#[test]
fn missing_title() {
    let run = fails_keeping_output(
        |s| s.write(PLANS, "---\nsummary: No title here\n---\nBody\n"),
        1,
    );
    run.assert_stderr("content/care/plans.md:1:1  error  missing-title  this page has no `title`  (add a line `title: Your page title` between the `---` lines)");
}

#[test]
fn bad_date() {
    let run = fails_keeping_output(
        |s| {
            s.write(
                PLANS,
                "---\ntitle: Plans\nreviewed: 2026-02-30\n---\nBody\n",
            )
        },
        1,
    );
    run.assert_stderr("content/care/plans.md:3:11  error  bad-date  `2026-02-30` is not a real date in the form YYYY-MM-DD for `reviewed`  (write the year, month and day of a day that exists, with dashes: 2026-11-01 is 1 November 2026)");
}

#[test]
fn two_files_with_the_same_url() {
    let run = fails_keeping_output(
        |s| {
            s.write(
                "content/care/plans/_index.md",
                "---\ntitle: Plans again\n---\n",
            )
        },
        1,
    );
    run.assert_stderr("content/care/plans/_index.md:1:1  error  duplicate-url  content/care/plans.md and content/care/plans/_index.md would both be written to care/plans/index.html, so one would replace the other  (rename or remove one of them)");
}

#[test]
fn link_to_a_missing_page() {
    let run = fails_keeping_output(
        |s| {
            s.write(
                PLANS,
                "---\ntitle: Plans\n---\nIntro.\n\nSee [reviews](../reviews/how.md).\n",
            )
        },
        1,
    );
    run.assert_stderr("content/care/plans.md:6:5  error  broken-link  the link `../reviews/how.md` goes to content/reviews/how.md, which does not exist");
}

#[test]
fn link_to_a_missing_heading() {
    let run = fails_keeping_output(
        |s| {
            s.write(
                "content/_index.md",
                "---\ntitle: Home\n---\nSee [what it says](care/plans.md#what-it-said).\n",
            )
        },
        1,
    );
    run.assert_stderr("content/_index.md:4:5  error  broken-anchor  content/care/plans.md has no heading with the id `what-it-said`  (did you mean `#what-it-says`?");
}

#[test]
fn image_without_alt_text() {
    let run = fails_keeping_output(
        |s| {
            s.write(PLANS, "---\ntitle: Plans\n---\n\n![](photo.jpg)\n");
            s.write_bytes("content/care/photo.jpg", &crate::images::jpeg(8, 8));
        },
        1,
    );
    run.assert_stderr("content/care/plans.md:5:1  error  image-alt-missing  the image `photo.jpg` has no alt text");
    run.assert_stderr("if it is only decoration, write ![](file \"decorative\")");
}

#[test]
fn raw_html_while_denied() {
    let run = fails_keeping_output(
        |s| {
            s.write(
                PLANS,
                "---\ntitle: Plans\n---\nText <span style=\"color:red\">red</span>.\n",
            )
        },
        1,
    );
    run.assert_stderr("content/care/plans.md:4:6  error  raw-html  raw HTML is not allowed here: `<span style=\"color:red\">`  (write it in Markdown instead, or set `markdown: {raw_html: sanitize}` in site.yaml)");
}

#[test]
fn raw_html_sanitized_when_asked() {
    let site = SiteTest::minimal();
    site.write(
        "site.yaml",
        "title: Test site\nmarkdown:\n  raw_html: sanitize\n",
    );
    site.write(PLANS, "---\ntitle: Plans\n---\nPress <kbd onclick=\"x()\">Enter</kbd>.\n\n<script>alert(1)</script>\n");
    site.build().assert_code(0);
    let html = site.output("care/plans/index.html");
    assert!(html.contains("Press <kbd>Enter</kbd>."), "{html}");
    assert!(!html.contains("alert"), "{html}");
}

#[test]
fn file_that_is_not_utf8() {
    let run = fails_keeping_output(
        |s| s.write_bytes(PLANS, b"---\ntitle: Plans\n---\nCaf\xe9 au lait\n"),
        1,
    );
    run.assert_stderr("content/care/plans.md:4:4  error  not-utf8  this file is not UTF-8 text  (open it in your editor and save it with the UTF-8 encoding)");
}

#[cfg(unix)]
#[test]
fn symlink_escaping_the_site() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: Secret\n---\n",
    )
    .unwrap();
    let target = outside.path().join("secret.md");
    let run = fails_keeping_output(
        move |s| {
            std::os::unix::fs::symlink(&target, s.root.join("content/care/secret.md")).unwrap()
        },
        1,
    );
    run.assert_stderr("content/care/secret.md  error  path-escape  this is a symlink to a file or folder outside the site folder  (copy the file into the site folder instead of linking to it)");
}

#[test]
fn link_escaping_the_site() {
    let run = fails_keeping_output(
        |s| {
            s.write(
                PLANS,
                "---\ntitle: Plans\n---\n[passwords](../../../etc/passwd)\n",
            )
        },
        1,
    );
    run.assert_stderr("content/care/plans.md:4:1  error  path-escape  the link `../../../etc/passwd` points outside the content folder");
}

#[test]
fn missing_theme() {
    let run = fails_keeping_output(
        |s| s.write("site.yaml", "title: Test site\ntheme: fancy\n"),
        1,
    );
    run.assert_stderr("site.yaml:2:1  error  missing-theme  the theme `fancy` was not found: there is no folder themes/fancy");
}

#[test]
fn missing_template() {
    let run = fails_keeping_output(
        |s| {
            s.write("site.yaml", "title: Test site\ntheme: mine\n");
            for t in ["base.html", "index.html", "section.html", "404.html"] {
                s.write(
                    &format!("themes/mine/templates/{t}"),
                    "<p>{{ page.title }}</p>",
                );
            }
        },
        1,
    );
    run.assert_stderr("themes/mine/templates/page.html  error  missing-template  the theme `mine` has no page.html template");
}

#[test]
fn template_syntax_error() {
    let run = fails_keeping_output(
        |s| s.use_theme_with_page("<h1>{{ page.title }}</h1>\n<p>{% if page.summary %}</p>\n"),
        1,
    );
    run.assert_stderr("themes/mine/templates/page.html:");
    run.assert_stderr(
        "error  template-error  the template could not be used: Failed to parse 'page.html'",
    );
}

#[test]
fn template_naming_a_missing_variable() {
    let run = fails_keeping_output(
        |s| s.use_theme_with_page("<h1>{{ page.title }}</h1>\n<p>{{ page.subtitle }}</p>\n"),
        1,
    );
    run.assert_stderr("themes/mine/templates/page.html:2:7  error  template-error");
    run.assert_stderr("page.subtitle");
}

#[test]
fn output_path_that_is_a_file() {
    let site = SiteTest::minimal();
    site.write("public", "I am a file");
    let run = site.run(&["build", "--out", "public"]);
    run.assert_code(2);
    run.assert_stderr("the output path public is a file, not a folder");
    assert_eq!(
        std::fs::read_to_string(site.root.join("public")).unwrap(),
        "I am a file"
    );
}

#[test]
fn output_folder_not_made_by_signpost() {
    let site = SiteTest::minimal();
    site.write("output/thesis.docx", "precious");
    let run = site.build();
    run.assert_code(2);
    run.assert_stderr(
        "refusing to write into output: it is not empty and was not made by Signpost",
    );
    assert_eq!(
        std::fs::read_to_string(site.root.join("output/thesis.docx")).unwrap(),
        "precious"
    );
}

#[test]
fn output_inside_the_content_folder_is_refused() {
    let site = SiteTest::minimal();
    let run = site.run(&["build", "--out", "content/site"]);
    run.assert_code(2);
    run.assert_stderr("it would overwrite the site's own files");
}

#[test]
fn unknown_site_yaml_key() {
    let run = fails_keeping_output(
        |s| s.write("site.yaml", "title: Test site\nlanguge: en\n"),
        1,
    );
    run.assert_stderr(
        "site.yaml:2:1  error  unknown-key  unknown key `languge`  (did you mean `language`?",
    );
}

#[test]
fn brand_colour_too_pale() {
    let run = fails_keeping_output(
        |s| {
            s.write(
                "site.yaml",
                "title: Test site\nbrand:\n  name: Trust\n  colour: \"#88bbee\"\n",
            )
        },
        1,
    );
    run.assert_stderr(
        "site.yaml:4:1  error  brand-contrast  `brand.colour` #88bbee has a contrast of",
    );
}

#[test]
fn missing_site_yaml() {
    let site = SiteTest::with(&[("content/_index.md", "---\ntitle: Home\n---\n")]);
    let run = site.build();
    run.assert_code(2);
    run.assert_stderr_is("error: there is no site.yaml in the current folder, so it is not the top folder of a Signpost site. Run `signpost new .` to start a site there, or pass --root FOLDER to name the folder that holds site.yaml\n");
}

#[test]
fn all_problems_are_reported_in_one_run() {
    let run = fails_keeping_output(
        |s| {
            s.write(PLANS, "---\ntitle: Plans\ntitel: x\n---\n");
            s.write(
                "content/care/other.md",
                "---\ntitle: Other\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\n[x](nowhere.md)\n",
            );
        },
        1,
    );
    run.assert_stderr("unknown-key");
    run.assert_stderr("broken-link");
    run.assert_stderr("2 errors and 0 warnings in 2 files");
}

#[test]
fn missing_brand_logo() {
    let run = fails_keeping_output(
        |s| {
            s.write(
                "site.yaml",
                "title: Test site\nbrand:\n  name: Trust\n  logo: brand/logo.svg\n",
            )
        },
        1,
    );
    run.assert_stderr(
        "site.yaml:4:1  error  missing-file  the brand logo `brand/logo.svg` does not exist",
    );
}

#[test]
fn brand_logo_is_published() {
    let site = SiteTest::minimal();
    site.write(
        "site.yaml",
        "title: Test site\nbrand:\n  name: Example Trust\n  logo: art/logo.svg\n",
    );
    site.write(
        "art/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.build().assert_code(0);
    assert!(site.root.join("output/brand/logo.svg").is_file());
    let html = site.output("care/plans/index.html");
    assert!(
        html.contains("<img alt=\"Example Trust\" class=logo height=40 src=../../brand/logo.svg>"),
        "{html}"
    );
}

#[test]
fn site_yaml_and_data_that_are_not_utf8() {
    let run = fails_keeping_output(
        |s| s.write_bytes("site.yaml", b"title: Test site\ndescription: Caf\xe9\n"),
        1,
    );
    run.assert_stderr("site.yaml:2:17  error  not-utf8  this file is not UTF-8 text");
    let run = fails_keeping_output(
        |s| s.write_bytes("data/glossary.yaml", b"- term: caf\xe9\n  meaning: x\n"),
        1,
    );
    run.assert_stderr("data/glossary.yaml:1:12  error  not-utf8  this file is not UTF-8 text");
}

/// A page brought from another generator: every unknown key is reported in
/// the same run, not one per run.
#[test]
fn every_unknown_front_matter_key_in_one_run() {
    let run = fails_keeping_output(
        |s| {
            s.write(
                PLANS,
                "---\ntitle: Plans\nlayout: post\npermalink: /plans/\ncategories:\n  - care\n  - plans\nreviewed: 2026-01-01\n---\nBody\n",
            )
        },
        1,
    );
    let layout = "(`layout` is not needed: templates come from the page kind; use `template:` to pick another)";
    let permalink = "(addresses come from file paths here; keep old addresses working with `aliases:` (a list))";
    let categories = "(Signpost has no tags or categories: pages are grouped by their folder; delete this key, or move it under `extra:` for a theme)";
    assert_eq!(
        run.stderr,
        format!(
            "content/care/plans.md:3:1  error  unknown-key  unknown key `layout`  {layout}\n    3 | layout: post\n      | ^\n\
             content/care/plans.md:4:1  error  unknown-key  unknown key `permalink`  {permalink}\n    4 | permalink: /plans/\n      | ^\n\
             content/care/plans.md:5:1  error  unknown-key  unknown key `categories`  {categories}\n    5 | categories:\n      | ^\n\n\
             3 errors and 0 warnings in 1 file\n\
             errors by rule: unknown-key 3\n\
             The site was not built: fix the errors above. The previous output was left as it was.\n"
        )
    );
}
