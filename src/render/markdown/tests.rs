//! Rendering tests: Markdown in, HTML fragment and diagnostics out.

use super::*;
use crate::test_support::site_from;

fn render_one(files: &[(&str, &str)], rel: &str) -> Rendered {
    let site = site_from(files);
    let ctx = RenderContext::new(&site);
    let idx = site.page_by_rel(rel).expect("page exists");
    render(&site.pages[idx], idx, &ctx)
}

const HOME: (&str, &str) = ("_index.md", "---\ntitle: Home\n---\nHi\n");

#[test]
fn links_to_md_files_become_relative_urls() {
    let r = render_one(
        &[
            HOME,
            ("care/_index.md", "---\ntitle: Care\n---\n"),
            (
                "care/plans.md",
                "---\ntitle: Plans\n---\n[reviews](../reviews/how.md#when) and [care](_index.md) and [home](../_index.md)\n",
            ),
            ("reviews/_index.md", "---\ntitle: Reviews\n---\n"),
            ("reviews/how.md", "---\ntitle: How\n---\n## When\n"),
        ],
        "care/plans.md",
    );
    assert!(
        r.html
            .contains("href=\"../../reviews/how/index.html#when\""),
        "{}",
        r.html
    );
    assert!(r.html.contains("href=\"../index.html\""), "{}", r.html);
    assert!(r.html.contains("href=\"../../index.html\""), "{}", r.html);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}

#[test]
fn broken_link_is_an_error_with_its_line_and_a_suggestion() {
    let r = render_one(
        &[
            HOME,
            ("a.md", "---\ntitle: A\n---\n\nSee [b](bee.md).\n"),
            ("be.md", "---\ntitle: B\n---\n"),
        ],
        "a.md",
    );
    assert_eq!(r.diagnostics.len(), 1);
    let d = &r.diagnostics[0];
    assert_eq!((d.rule, d.line, d.column), ("broken-link", 5, 5));
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `be.md`?"),
        "{d:?}"
    );
}

#[test]
fn headings_get_unique_ids() {
    let r = render_one(
        &[
            HOME,
            (
                "a.md",
                "---\ntitle: A\n---\n## Help\n## Help\n## Main\n## Own {#mine}\n",
            ),
        ],
        "a.md",
    );
    let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["help", "help-1", "main-1", "mine"]);
    assert_eq!(r.headings[0].line, 4);
}

#[test]
fn external_links_are_announced() {
    let r = render_one(
        &[
            HOME,
            ("a.md", "---\ntitle: A\n---\n[NHS](https://www.nhs.uk)\n"),
        ],
        "a.md",
    );
    assert!(
        r.html.contains("<a class=\"external\" href=\"https://www.nhs.uk\">NHS<span class=\"visually-hidden\"> (external website)</span></a>"),
        "{}",
        r.html
    );
}

#[test]
fn images_need_alt_text_unless_marked_decorative() {
    let files = [
        HOME,
        (
            "a.md",
            "---\ntitle: A\n---\n![](pic.png)\n\n![](pic.png \"decorative\")\n\n![A nurse](pic.png)\n",
        ),
        ("pic.png", "png"),
    ];
    let r = render_one(&files, "a.md");
    assert_eq!(r.diagnostics.len(), 1, "{:?}", r.diagnostics);
    assert_eq!(
        (r.diagnostics[0].rule, r.diagnostics[0].line),
        ("image-alt-missing", 4)
    );
    assert!(
        r.html
            .contains("<img src=\"../pic.png\" alt=\"\" loading=\"lazy\" decoding=\"async\">"),
        "{}",
        r.html
    );
    assert!(r.html.contains("alt=\"A nurse\""), "{}", r.html);
}

#[test]
fn raw_html_is_refused_by_default() {
    let r = render_one(
        &[
            HOME,
            (
                "a.md",
                "---\ntitle: A\n---\nText\n\n<div>x</div>\n\nA <b>bold</b> word. <!-- a note -->\n",
            ),
        ],
        "a.md",
    );
    let lines: Vec<(&str, usize)> = r.diagnostics.iter().map(|d| (d.rule, d.line)).collect();
    assert_eq!(lines, [("raw-html", 6), ("raw-html", 8), ("raw-html", 8)]);
    assert!(!r.html.contains("<div>x"), "{}", r.html);
    assert!(
        !r.html.contains("a note"),
        "comments are dropped: {}",
        r.html
    );
}

#[test]
fn alerts_become_labelled_callouts() {
    let r = render_one(
        &[
            HOME,
            ("a.md", "---\ntitle: A\n---\n> [!WARNING]\n> Careful.\n"),
        ],
        "a.md",
    );
    assert!(
        r.html.contains("<div class=\"callout callout-warning\" role=\"note\" aria-label=\"Warning\"><p class=\"callout-title\">Warning</p>"),
        "{}",
        r.html
    );
}

#[test]
fn glossary_links_first_use_only_and_prefers_longer_terms() {
    let site = site_from(&[
        HOME,
        (
            "glossary.md",
            "---\ntitle: Glossary\ntemplate: glossary\n---\n",
        ),
        (
            "a.md",
            "---\ntitle: A\n---\nYour CPA and Enhanced CPA. CPA again.\n\n## CPA heading\n",
        ),
    ]);
    let mut site = site;
    site.data.glossary =
        serde_yaml::from_str("- term: CPA\n  meaning: m\n- term: Enhanced CPA\n  meaning: n\n")
            .unwrap();
    let ctx = RenderContext::new(&site);
    let idx = site.page_by_rel("a.md").unwrap();
    let r = render(&site.pages[idx], idx, &ctx);
    assert_eq!(r.html.matches("glossary-link").count(), 2, "{}", r.html);
    assert!(
        r.html
            .contains("href=\"../glossary/index.html#enhanced-cpa\">Enhanced CPA</a>"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<h2 id=\"cpa-heading\">CPA heading</h2>"),
        "{}",
        r.html
    );
}

#[test]
fn unknown_contact_id_is_an_error_on_its_line() {
    let mut site = site_from(&[
        HOME,
        (
            "a.md",
            "---\ntitle: A\n---\n```contacts\nsamaritans\nsamaritan\n```\n",
        ),
    ]);
    site.data.contacts = serde_yaml::from_str(
        "- id: samaritans\n  name: Samaritans\n  phone: \"116 123\"\n  verified: 2026-11-01\n",
    )
    .unwrap();
    let ctx = RenderContext::new(&site);
    let idx = site.page_by_rel("a.md").unwrap();
    let r = render(&site.pages[idx], idx, &ctx);
    assert!(
        r.html.contains("<a href=\"tel:116123\">116 123</a>"),
        "{}",
        r.html
    );
    assert!(
        r.html
            .contains("<time datetime=\"2026-11-01\">1 November 2026</time>"),
        "{}",
        r.html
    );
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!(
        (r.diagnostics[0].rule, r.diagnostics[0].line),
        ("unknown-contact", 6)
    );
    assert!(
        r.diagnostics[0]
            .help
            .as_deref()
            .unwrap()
            .contains("`samaritans`")
    );
}

#[test]
fn links_may_not_climb_out_of_content() {
    let r = render_one(
        &[
            HOME,
            ("a.md", "---\ntitle: A\n---\n[x](../../etc/passwd)\n"),
        ],
        "a.md",
    );
    assert_eq!(r.diagnostics[0].rule, "path-escape");
}
