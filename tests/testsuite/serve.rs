//! `signpost serve`, run as an author runs it, spoken to over real HTTP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{BIN, SiteTest};

/// A running `signpost serve`, stopped when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    fn start(site: &SiteTest) -> Server {
        let mut child = Command::new(BIN)
            .args(["serve", "--port", "0"])
            .current_dir(&site.root)
            .env("SIGNPOST_TODAY", "2026-11-21")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let address = loop {
            let line = lines
                .next()
                .expect("serve printed its address")
                .expect("line");
            if let Some(rest) = line.split("http://").nth(1) {
                break rest.split('/').next().expect("address").to_owned();
            }
        };
        // Keep reading stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, address }
    }

    /// A raw GET, so paths reach the server exactly as written.
    fn get(&self, path: &str) -> (u16, String, String) {
        let port = self.address.rsplit(':').next().expect("port");
        self.get_as(&format!("localhost:{port}"), path)
    }

    /// A raw GET naming `host` in its `Host` header.
    fn get_as(&self, host: &str, path: &str) -> (u16, String, String) {
        let mut stream = TcpStream::connect(&self.address).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let text = String::from_utf8_lossy(&response).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, head.to_lowercase(), body.to_owned())
    }

    /// Waits until the page at `path` satisfies `ready`.
    fn wait_for(&self, path: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let (_, _, body) = self.get(path);
            if ready(&body) {
                return body;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {path}; last body:\n{body}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serves_pages_with_content_types_and_the_reload_script() {
    let site = SiteTest::minimal();
    let server = Server::start(&site);
    let (status, head, body) = server.get("/care/plans/");
    assert_eq!(status, 200);
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(body.contains("<h1>Care plans</h1>"));
    assert!(
        body.contains("new EventSource(\"/__signpost/events\")"),
        "serve adds live reload"
    );
    let (status, head, _) = server.get("/static/style.css");
    assert_eq!(status, 200);
    assert!(
        head.contains("content-type: text/css; charset=utf-8"),
        "{head}"
    );
    let (status, head, _) = server.get("/care");
    assert_eq!(status, 301);
    assert!(head.contains("location: /care/"), "{head}");
    let (status, _, body) = server.get("/no-such-page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"));
}

#[test]
fn never_serves_files_outside_the_site() {
    let site = SiteTest::minimal();
    site.write("secret.txt", "do not serve me");
    let server = Server::start(&site);
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/care/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/%5c..%5csecret.txt",
    ] {
        let (status, _, body) = server.get(path);
        assert_eq!(status, 400, "{path}");
        assert!(!body.contains("do not serve me"), "{path}");
    }
    for path in [
        "//etc/passwd",
        "/site.yaml",
        "/secret.txt",
        "/content/_index.md",
    ] {
        let (status, _, body) = server.get(path);
        assert_eq!(status, 404, "{path}: only built files are served");
        assert!(
            !body.contains("do not serve me") && !body.contains("title: Test site"),
            "{path}"
        );
    }
}

#[test]
fn an_edit_is_rebuilt_and_served() {
    let site = SiteTest::minimal();
    let server = Server::start(&site);
    server.wait_for("/care/plans/", |b| b.contains("A plan."));
    site.write(
        "content/care/plans.md",
        "---\ntitle: Care plans\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nA plan, now edited.\n",
    );
    server.wait_for("/care/plans/", |b| b.contains("A plan, now edited."));
    // A new page means a full rebuild: it appears in its section's listing.
    site.write(
        "content/care/new.md",
        "---\ntitle: A new page\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nNew.\n",
    );
    server.wait_for("/care/", |b| b.contains(">A new page</a>"));
}

#[test]
fn a_broken_edit_shows_an_alert_and_keeps_the_last_good_site() {
    let site = SiteTest::minimal();
    let server = Server::start(&site);
    server.wait_for("/care/plans/", |b| b.contains("A plan."));
    site.write(
        "content/care/plans.md",
        "---\ntitle: Care plans\nreviewd: 2026-01-01\n---\nBroken edit.\n",
    );
    let body = server.wait_for("/care/plans/", |b| b.contains("role=\"alert\""));
    assert!(
        body.contains("Your last change could not be built"),
        "{body}"
    );
    assert!(
        body.contains("<strong>content/care/plans.md:3:1</strong>: unknown key `reviewd`"),
        "{body}"
    );
    assert!(
        body.contains("A plan."),
        "the last good page is still served"
    );
    assert!(!body.contains("Broken edit."));
    site.write(
        "content/care/plans.md",
        "---\ntitle: Care plans\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nFixed.\n",
    );
    let body = server.wait_for("/care/plans/", |b| b.contains("Fixed."));
    assert!(
        !body.contains("role=\"alert\""),
        "the alert goes once the site builds"
    );
}

#[test]
fn built_output_never_contains_the_reload_script() {
    let site = SiteTest::fixture("basic");
    site.build().assert_code(0);
    let snapshot = site.output_snapshot();
    let html: Vec<_> = snapshot
        .iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .collect();
    assert!(html.len() > 5);
    for (path, (bytes, _)) in html {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("EventSource") && !text.contains("<script"),
            "{path} has a script"
        );
    }
}

#[test]
fn renaming_a_heading_other_pages_link_to_is_caught_on_a_one_page_rebuild() {
    let site = SiteTest::minimal();
    site.write(
        "content/_index.md",
        "---\ntitle: Home\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nSee [what it says](care/plans.md#what-it-says).\n",
    );
    let server = Server::start(&site);
    server.wait_for("/", |b| b.contains("what-it-says"));
    site.write(
        "content/care/plans.md",
        "---\ntitle: Care plans\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nA plan.\n\n## What it covers\n\nText.\n",
    );
    let body = server.wait_for("/care/plans/", |b| b.contains("role=\"alert\""));
    assert!(
        body.contains("<strong>content/_index.md:6:5</strong>: content/care/plans.md has no heading with the id `what-it-says`"),
        "{body}"
    );
}

/// Issue 10: a page on another website must not read the preview through a
/// name it controls (DNS rebinding), so only local names are answered.
#[test]
fn only_local_host_names_with_the_right_port_are_answered() {
    let site = SiteTest::minimal();
    let server = Server::start(&site);
    server.wait_for("/care/plans/", |b| b.contains("A plan."));
    let port = server.address.rsplit(':').next().expect("port").to_owned();
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("LOCALHOST:{port}"),
    ] {
        assert_eq!(server.get_as(&host, "/care/plans/").0, 200, "{host}");
    }
    for host in [
        "evil.example".to_owned(),
        format!("evil.example:{port}"),
        "localhost".to_owned(),
        "localhost:1".to_owned(),
        format!("localhost.evil.example:{port}"),
    ] {
        let (status, _, body) = server.get_as(&host, "/care/plans/");
        assert_eq!(status, 421, "{host}");
        assert!(!body.contains("A plan."), "{host}");
        assert_eq!(
            server.get_as(&host, "/__signpost/events").0,
            421,
            "{host}: events"
        );
    }
}

/// Issue 10: edits that once crashed the whole server now show an alert.
#[test]
fn a_home_page_error_and_a_deep_page_show_alerts_and_serve_stays_up() {
    let site = SiteTest::minimal();
    let server = Server::start(&site);
    server.wait_for("/care/plans/", |b| b.contains("A plan."));
    site.write(
        "content/_index.md",
        "---\ntitle: Home\nlayout: home\n---\nHi\n",
    );
    let body = server.wait_for("/care/plans/", |b| b.contains("role=\"alert\""));
    assert!(
        body.contains("<strong>content/_index.md:3:1</strong>: unknown key `layout`"),
        "{body}"
    );
    site.write(
        "content/_index.md",
        "---\ntitle: Home\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nWelcome.\n",
    );
    server.wait_for("/care/plans/", |b| !b.contains("role=\"alert\""));
    site.write(
        "content/care/plans.md",
        &format!(
            "---\ntitle: Care plans\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\n{} x\n",
            ">".repeat(20_000)
        ),
    );
    let body = server.wait_for("/care/plans/", |b| {
        b.contains("too-deeply-nested") || b.contains("more than 64 levels")
    });
    assert!(
        body.contains("A plan."),
        "the last good page is still served"
    );
}

#[test]
fn an_edit_to_the_base_of_a_local_edition_is_rebuilt_and_served() {
    let mut files: Vec<(String, &str)> = crate::harness::MINIMAL
        .iter()
        .map(|(path, text)| (format!("national/{path}"), *text))
        .collect();
    files.push(("site.yaml".to_owned(), "title: Local\nextends: national\n"));
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let site = SiteTest::with(&files);
    let server = Server::start(&site);
    server.wait_for("/care/plans/", |b| b.contains("A plan."));
    site.write(
        "national/content/care/plans.md",
        "---\ntitle: Care plans\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\nA national correction.\n",
    );
    server.wait_for("/care/plans/", |b| b.contains("A national correction."));
}

#[test]
fn the_first_build_prints_the_first_five_findings_and_the_counts() {
    let site = SiteTest::minimal();
    let body: String = [
        "utilise",
        "utilise",
        "utilise",
        "commence",
        "commence",
        "endeavour",
        "endeavour",
    ]
    .iter()
    .map(|word| format!("We {word} it.\n\n"))
    .collect();
    site.write(
        "content/care/words.md",
        &format!("---\ntitle: Words\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\n{body}"),
    );
    let mut child = Command::new(BIN)
        .args(["serve", "--port", "0"])
        .current_dir(&site.root)
        .env("SIGNPOST_TODAY", "2026-11-21")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start serve");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let built = stdout.next().expect("a line").expect("text");
    assert!(built.starts_with("Built 4 pages in "), "{built}");
    let serving = stdout.next().expect("a line").expect("text");
    assert!(
        serving.starts_with("Serving . at http://127.0.0.1:"),
        "{serving}"
    );
    // The summary is printed before the address, so it is all there now.
    let _ = child.kill();
    let _ = child.wait();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .unwrap();
    let finding = |line: usize, word: &str, plain: &str| {
        let pad = " ".repeat(line.to_string().len());
        format!(
            "content/care/words.md:{line}:4  warning  plain-words  \"{word}\" has a plainer alternative  (write \"{plain}\" instead)\n    {line} | We {word} it.\n    {pad} |    ^\n"
        )
    };
    let expected = [
        finding(6, "utilise", "use"),
        finding(8, "utilise", "use"),
        finding(10, "utilise", "use"),
        finding(12, "commence", "start"),
        finding(14, "commence", "start"),
    ]
    .concat()
        + "\n… and 2 more: run `signpost check` to see them all\n0 errors and 7 warnings in 1 file\nwarnings by rule: plain-words 7\n";
    assert_eq!(stderr, expected);
}
