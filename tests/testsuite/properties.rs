//! Property tests: whatever an author writes, nothing panics, every finding
//! points inside its file, and no page the default theme builds can run a
//! script.
//!
//! The cases are few by default so `cargo test` stays quick. For a long
//! campaign: `PROPTEST_CASES=5000 cargo test --release --test testsuite properties`.
//! A failing case is shrunk and saved under `proptest-regressions/`.

use proptest::prelude::*;
use signpost::options::BuildOptions;
use signpost::pipeline::build_site;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(24);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// URLs as an attacker or a careless author writes them.
fn url() -> impl Strategy<Value = String> {
    let scheme = prop_oneof![
        Just("javascript:"),
        Just("JaVaScRiPt:"),
        Just(" java\tscript:"),
        Just("\u{1}javascript:"),
        Just("vbscript:"),
        Just("data:text/html,"),
        Just("https://example.org/"),
        Just("mailto:a@b.c?x="),
        Just("tel:"),
        Just("../"),
        Just("#"),
        Just(""),
        Just("//evil.example/"),
        Just("file:///etc/"),
    ];
    (scheme, "[a-zA-Z0-9().:/#?&%'\" <>=-]{0,16}").prop_map(|(s, rest)| format!("{s}{rest}"))
}

/// One line of Markdown: every block marker, fence, inline syntax and
/// Signpost extension, with Unicode in any case.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z İıßẞéÉ’'!?.,;:*_`~\\[\\]()#>|-]{0,40}",
        (1usize..400).prop_map(|n| ">".repeat(n) + " deep"),
        (1usize..300).prop_map(|n| "- ".repeat(n) + "item"),
        (1usize..300).prop_map(|n| "*a ".repeat(n) + "b" + &" c*".repeat(n)),
        (1usize..7).prop_map(|n| format!("{} Heading", "#".repeat(n))),
        url().prop_map(|u| format!("[link text]({u})")),
        url().prop_map(|u| format!("[text](<{u}>)")),
        url().prop_map(|u| format!("![a picture]({u})")),
        url().prop_map(|u| format!("<{u}>")),
        Just(
            "```worksheet\nQuestion? [lines 3]\nPick [choose: A / B]\nA | B [table 2]\n```"
                .to_owned()
        ),
        Just("```contacts\nnobody\n```".to_owned()),
        Just("```\ncode\n```".to_owned()),
        Just("> [!WARNING]\n> Careful".to_owned()),
        Just("| a | b |\n|---|---|\n| 1 | 2 |".to_owned()),
        Just("Term\n: Definition".to_owned()),
        Just("[^1]\n\n[^1]: A note.".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("<a href=\"javascript:alert(1)\">x</a>".to_owned()),
        Just("<!-- a comment -->".to_owned()),
        Just("![A phone](picto:phone)".to_owned()),
        (1usize..3000).prop_map(|n| "long ".repeat(n)),
    ]
}

/// Front matter: good, broken and hostile.
fn front_matter() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---\ntitle: A page\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\n".to_owned()),
        Just("---\ntitle: Tagged !x\n---\n".to_owned()),
        Just("---\ntitle: !!binary aGk=\n---\n".to_owned()),
        Just("---\ntitle: [unclosed\n---\n".to_owned()),
        Just("---\ntitle: A\nlayout: home\n---\n".to_owned()),
        Just("---\ntitle: A\nreviewed: 2026-13-45\n---\n".to_owned()),
        Just("---\ntitle: A\n".to_owned()),
        Just(String::new()),
        "[a-zA-Zİ ]{1,20}".prop_map(|t| format!("---\ntitle: \"{t}\"\n---\n")),
        url().prop_map(|u| format!("---\ntitle: X\nextra:\n  url: {u:?}\n---\n")),
    ]
}

fn page() -> impl Strategy<Value = String> {
    (front_matter(), prop::collection::vec(line(), 0..8))
        .prop_map(|(front, lines)| front + &lines.join("\n\n") + "\n")
}

/// File and folder names, odd ones included.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,8}",
        Just("Case".to_owned()),
        Just("case".to_owned()),
        Just("cymraeg-ŵyn".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        Just("with space".to_owned()),
        Just("what?#%".to_owned()),
        Just("İstanbul".to_owned()),
    ]
}

/// A site: pages at paths made of names, some sections missing their page.
fn site_tree() -> impl Strategy<Value = Vec<(String, String)>> {
    let path = prop::collection::vec(name(), 1..4).prop_map(|parts| parts.join("/"));
    prop::collection::vec((path, prop::bool::ANY, prop::bool::ANY, page()), 1..6).prop_map(
        |entries| {
            let mut files = vec![(
                "content/_index.md".to_owned(),
                "---\ntitle: Home\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nHome.\n"
                    .to_owned(),
            )];
            for (path, section_page, easy, text) in entries {
                if section_page {
                    let folder = path.rsplit_once('/').map_or("", |(f, _)| f);
                    let index = if folder.is_empty() {
                        "_index.md".to_owned()
                    } else {
                        format!("{folder}/_index.md")
                    };
                    files.push((
                        format!("content/{index}"),
                        "---\ntitle: Section\n---\nA section.\n".to_owned(),
                    ));
                }
                let suffix = if easy { ".easy.md" } else { ".md" };
                files.push((format!("content/{path}{suffix}"), text));
            }
            files
        },
    )
}

/// Builds a site in memory and checks every property; returns the reason
/// for a failure.
fn check_site(files: &[(String, String)], symlink_out: bool) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("site");
    std::fs::create_dir_all(root.join("content")).expect("mkdir");
    std::fs::write(root.join("site.yaml"), "title: Property site\n").expect("write");
    std::fs::create_dir_all(root.join("data")).expect("mkdir");
    std::fs::write(
        root.join("data/glossary.yaml"),
        "- term: éé\n  meaning: A word.\n- term: care plan\n  meaning: A plan.\n",
    )
    .expect("write");
    for (path, text) in files {
        let full = root.join(path);
        if std::fs::create_dir_all(full.parent().expect("parent")).is_err() {
            continue; // A name that is a file and a folder at once.
        }
        let _ = std::fs::write(&full, text);
    }
    #[cfg(unix)]
    if symlink_out {
        let _ = std::os::unix::fs::symlink("/etc", root.join("content/elsewhere"));
    }
    let _ = symlink_out;
    let built = build_site(&BuildOptions::new(&root))
        .map_err(|e| TestCaseError::fail(format!("operational error: {e:#}")))?;
    for diagnostic in built.report.sorted() {
        let Some(file) = &diagnostic.file else {
            return Err(TestCaseError::fail(format!("no file: {diagnostic:?}")));
        };
        if diagnostic.line > 0
            && let Ok(text) = std::fs::read_to_string(root.join(file))
        {
            let lines = text.lines().count().max(1);
            prop_assert!(
                diagnostic.line <= lines + 1,
                "line {} of {lines} in {file}: {diagnostic:?}",
                diagnostic.line
            );
        }
        prop_assert!(
            diagnostic.rule != "unsafe-output",
            "Markdown made the default theme write active content: {diagnostic:?}"
        );
    }
    for (path, bytes) in &built.files {
        if path.ends_with(".html") {
            no_active_content(path, &String::from_utf8_lossy(bytes))?;
        }
    }
    Ok(())
}

/// Reads a built page with a browser's parser (html5ever, through
/// scraper), independently of Signpost's own gate.
fn no_active_content(path: &str, html: &str) -> Result<(), TestCaseError> {
    let document = scraper::Html::parse_document(html);
    for element in document
        .tree
        .nodes()
        .filter_map(|n| n.value().as_element().map(|e| (n, e)))
    {
        let (_, element) = element;
        prop_assert!(element.name() != "script", "{path}: <script>");
        for (attribute, value) in element.attrs() {
            prop_assert!(
                !attribute.starts_with("on"),
                "{path}: {attribute}= on <{}>",
                element.name()
            );
            if matches!(
                attribute,
                "href" | "src" | "action" | "formaction" | "srcset" | "poster"
            ) {
                let normal: String = value
                    .trim_matches(|c: char| c <= ' ')
                    .chars()
                    .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                    .collect::<String>()
                    .to_ascii_lowercase();
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    prop_assert!(!normal.starts_with(scheme), "{path}: {attribute}={value:?}");
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_page_builds_or_is_reported_without_a_script(text in page()) {
        let files = vec![
            ("content/_index.md".to_owned(), "---\ntitle: Home\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nSee [the page](care/page.md).\n".to_owned()),
            ("content/care/_index.md".to_owned(), "---\ntitle: Care\n---\nCare.\n".to_owned()),
            ("content/care/page.md".to_owned(), text.clone()),
            ("content/care/page.easy.md".to_owned(), text),
        ];
        check_site(&files, false)?;
    }

    #[test]
    fn any_site_tree_builds_or_is_reported(files in site_tree(), symlink_out in prop::bool::ANY) {
        check_site(&files, symlink_out)?;
    }

    #[test]
    fn any_home_page_is_reported_not_a_panic(text in page()) {
        let files = vec![("content/_index.md".to_owned(), text)];
        check_site(&files, false)?;
    }
}

#[test]
fn the_property_checker_sees_a_script() {
    // A test that could never fail would prove nothing: the browser-side
    // check must catch what it is looking for.
    assert!(no_active_content("x.html", "<p><img src=x onerror=alert(1)></p>").is_err());
    assert!(no_active_content("x.html", "<a href=\" JAVA\tSCRIPT:x\">a</a>").is_err());
    assert!(no_active_content("x.html", "<a href=\"../a/index.html\">a</a>").is_ok());
}
