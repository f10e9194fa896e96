//! A fixture site built end to end: the HTML readers get.

use crate::harness::{SiteTest, main_of};

fn built_basic() -> SiteTest {
    let site = SiteTest::fixture("basic");
    site.build().assert_code(0);
    site
}

#[test]
fn pages_have_lang_landmarks_skip_link_and_one_h1() {
    let site = built_basic();
    let html = site.output("care/plans/index.html");
    assert!(
        html.starts_with("<!doctype html><html dir=ltr lang=en-GB>"),
        "{}",
        &html[..80]
    );
    assert!(
        html.contains("<a class=skip-link href=#main>Skip to main content</a>"),
        "skip link"
    );
    for landmark in [
        "<header class=site-header>",
        "<div class=\"layout wrap\"><main id=main>",
        "<nav aria-labelledby=site-nav-title class=site-nav id=site-nav>",
        "<footer class=site-footer>",
    ] {
        assert!(html.contains(landmark), "missing {landmark}");
    }
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.contains("<h1>Care plans</h1>"));
    assert!(html.contains("<title>Care plans | Basic test guide</title>"));
    assert!(html.contains("<meta content=\"What a care plan is.\" name=description>"));
    assert!(!html.contains("<script"), "no JavaScript");
}

#[test]
fn images_keep_alt_text_and_decorative_images_are_empty() {
    let html = built_basic().output("care/plans/index.html");
    let main = main_of(&html);
    assert!(
        main.contains("<img alt=\"A person writing a plan\" decoding=async height=80 src=../plan.png width=120>"),
        "{main}"
    );
    assert!(
        main.contains("<img alt decoding=async height=8 loading=lazy src=../border.png width=200>"),
        "{main}"
    );
}

#[test]
fn links_are_rewritten_relative_and_external_links_marked() {
    let site = built_basic();
    let main_html = site.output("care/plans/index.html");
    let main = main_of(&main_html);
    assert!(
        main.contains("href=../../rights/help/index.html#who-can-help"),
        "{main}"
    );
    assert!(
        main.contains("<a class=external href=https://www.nhs.uk>the NHS website<span class=visually-hidden> (external website)</span></a>"),
        "{main}"
    );
    assert!(main.contains("href=../leaflet.pdf"), "{main}");
    let home = site.output("index.html");
    assert!(
        main_of(&home).contains("href=care/plans/index.html"),
        "{home}"
    );
    // Assets are copied beside their pages.
    assert_eq!(
        std::fs::read(site.root.join("output/care/leaflet.pdf")).unwrap(),
        b"%PDF-1.4 test"
    );
}

#[test]
fn sections_list_pages_by_weight_then_title_and_skip_drafts() {
    let site = built_basic();
    let html = site.output("care/index.html");
    let main = main_of(&html);
    let order: Vec<usize> = ["Assessment", "Care plans", "A last page"]
        .iter()
        .map(|t| {
            main.find(&format!(">{t}</a>"))
                .unwrap_or_else(|| panic!("{t} listed: {main}"))
        })
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "weight order: {order:?}"
    );
    assert!(!html.contains("Not ready"), "drafts are left out");
    assert!(!site.root.join("output/care/draft").exists());
    assert!(
        !site.root.join("output/care/.hidden").exists(),
        "hidden files are ignored"
    );
}

#[test]
fn drafts_are_built_when_asked() {
    let site = SiteTest::fixture("basic");
    site.run(&["build", "--drafts"]).assert_code(0);
    assert!(site.output("care/draft/index.html").contains("Not ready"));
}

#[test]
fn site_nav_follows_section_weight_and_marks_the_current_section() {
    let html = built_basic().output("care/plans/index.html");
    let nav = &html[html.find("id=site-nav").unwrap()..];
    let rights = nav.find(">Your rights</a>").expect("rights in nav");
    let care = nav.find(">Care</a>").expect("care in nav");
    assert!(rights < care, "weight 10 before weight 20");
    assert!(
        nav.contains("<a class=current-section href=../index.html>Care</a>"),
        "{nav}"
    );
}

#[test]
fn breadcrumbs_and_previous_next_links() {
    let html = built_basic().output("care/plans/index.html");
    assert!(
        html.contains("<nav class=\"breadcrumbs wrap\" aria-label=Breadcrumb><ol><li><a href=../../index.html>Home</a><li><a href=../index.html>Care</a></ol></nav>"),
        "{html}"
    );
    assert!(
        html.contains("href=../assessment/index.html rel=prev"),
        "previous"
    );
    assert!(html.contains("href=../zebra/index.html rel=next"), "next");
}

#[test]
fn review_dates_are_shown_in_the_page_footer() {
    let html = built_basic().output("care/plans/index.html");
    assert!(
        html.contains("Page last reviewed: <time datetime=2026-09-15>15 September 2026</time>"),
        "{html}"
    );
    assert!(
        html.contains("Next review due: <time datetime=2027-09-15>15 September 2027</time>"),
        "{html}"
    );
}

#[test]
fn help_banner_and_brand_are_on_every_page() {
    let site = built_basic();
    for page in [
        "index.html",
        "care/index.html",
        "care/plans/index.html",
        "404.html",
    ] {
        let html = site.output(page);
        assert!(
            html.contains("<strong>Need help now?</strong> In danger now? Call 999."),
            "{page}"
        );
        assert!(html.contains("href=tel:111>Call 111</a>"), "{page}");
        assert!(html.contains(":root{--brand:#005eb8}"), "{page}");
    }
    assert!(
        site.output("care/plans/index.html")
            .contains("href=../../rights/help/index.html>Help and contacts</a>")
    );
}

#[test]
fn robots_sitemap_404_and_static_files() {
    let site = built_basic();
    assert_eq!(
        site.output("robots.txt"),
        "User-agent: *\nAllow: /\nSitemap: https://example.org/guide/sitemap.xml\n"
    );
    let sitemap = site.output("sitemap.xml");
    assert!(
        sitemap.contains(
            "<loc>https://example.org/guide/care/plans/</loc><lastmod>2026-09-15</lastmod>"
        ),
        "{sitemap}"
    );
    let not_found = site.output("404.html");
    assert!(
        not_found.contains("<base href=https://example.org/guide/>"),
        "{not_found}"
    );
    assert!(site.root.join("output/static/style.css").is_file());
    assert!(
        site.root.join("output/.signpost-output").is_file(),
        "marker"
    );
}

#[test]
fn no_sitemap_without_base_url() {
    let site = SiteTest::minimal();
    site.build().assert_code(0);
    assert!(!site.root.join("output/sitemap.xml").exists());
    assert_eq!(site.output("robots.txt"), "User-agent: *\nAllow: /\n");
}

#[test]
fn two_builds_give_identical_bytes() {
    let first = built_basic();
    let a = first.output_snapshot();
    let second = built_basic();
    let b = second.output_snapshot();
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, (bytes, _)) in &a {
        assert!(bytes == &b[path].0, "{path} differs between builds");
    }
}

#[test]
fn unchanged_files_are_not_rewritten() {
    let site = built_basic();
    let before = site.output_snapshot();
    std::thread::sleep(std::time::Duration::from_millis(20));
    site.write(
        "content/care/zebra.md",
        "---\ntitle: A last page\nweight: 30\n---\nChanged words.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(run.stdout.contains("unchanged"), "{}", run.stdout);
    let after = site.output_snapshot();
    assert_eq!(
        before["care/plans/index.html"].1, after["care/plans/index.html"].1,
        "untouched page keeps its time"
    );
    assert_ne!(
        before["care/zebra/index.html"].0, after["care/zebra/index.html"].0,
        "edited page changes"
    );
}

#[test]
fn pretty_urls_link_to_folders() {
    let site = SiteTest::with(crate::harness::MINIMAL);
    site.write(
        "site.yaml",
        "title: Test site\noutput:\n  pretty_urls: true\n",
    );
    site.write(
        "content/_index.md",
        "---\ntitle: Home\n---\nSee [plans](care/plans.md).\n",
    );
    site.build().assert_code(0);
    assert!(main_of(&site.output("index.html")).contains("href=care/plans/>"));
}

#[test]
fn out_flag_writes_elsewhere() {
    let site = SiteTest::minimal();
    let out = site.root.join("public");
    site.run(&["build", "--out", out.to_str().unwrap()])
        .assert_code(0);
    assert!(out.join("care/plans/index.html").is_file());
    assert!(!site.root.join("output").exists());
}

#[test]
fn root_flag_builds_another_folder() {
    let site = SiteTest::minimal();
    let run = std::process::Command::new(crate::harness::BIN)
        .args(["build", "--quiet", "--root"])
        .arg(&site.root)
        .output()
        .unwrap();
    assert!(run.status.success());
    assert!(run.stdout.is_empty(), "--quiet prints nothing");
    assert!(site.root.join("output/index.html").is_file());
}

#[test]
fn summary_line_counts_pages_and_sections() {
    let site = SiteTest::minimal();
    let run = site.build();
    run.assert_code(0);
    assert!(
        run.stdout.starts_with("Built 3 pages (1 section) in "),
        "{}",
        run.stdout
    );
}

#[test]
fn symlinks_inside_the_site_are_followed() {
    let site = SiteTest::minimal();
    site.write("shared/leaflet.pdf", "pdf");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        site.root.join("shared/leaflet.pdf"),
        site.root.join("content/care/leaflet.pdf"),
    )
    .unwrap();
    site.build().assert_code(0);
    #[cfg(unix)]
    assert!(site.root.join("output/care/leaflet.pdf").is_file());
}

#[test]
fn themes_can_lay_out_the_navigation_themselves() {
    let site = SiteTest::minimal();
    site.use_theme_with_page(
        "<h1>{{ page.title }}</h1><ol>{% for item in site.nav %}<li data-current=\"{{ item.current }}\">{{ item.title }} {{ item.url }}</li>{% endfor %}</ol>",
    );
    site.build().assert_code(0);
    let html = site.output("care/plans/index.html");
    assert!(
        html.contains("<li data-current=section>Care ../index.html"),
        "{html}"
    );
}
