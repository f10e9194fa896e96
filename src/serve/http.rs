//! The preview server: the site from memory, a live-reload channel, and an
//! accessible alert when the latest edit does not build.
//!
//! Files are looked up in the in-memory output, never on disk, so no request
//! can reach a file outside the site; paths with `..`, backslashes or NUL
//! are refused outright anyway. The reload script is added here, to the
//! response only: built output never contains it.

use std::convert::Infallible;
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;
use tokio_stream::StreamExt as _;
use tokio_stream::wrappers::BroadcastStream;

use crate::output::OutputMap;
use crate::text::escape::escape_html;

/// Where the browser listens for "the site changed".
pub const EVENTS_PATH: &str = "/__signpost/events";

/// What the server shows: the last good site, and the latest errors if the
/// latest edit failed.
#[derive(Default)]
pub struct Snapshot {
    pub files: OutputMap,
    /// `(location, message, help)` of each error, when the last rebuild failed.
    pub errors: Vec<(String, String, Option<String>)>,
}

pub struct Shared {
    pub snapshot: RwLock<Snapshot>,
    pub reload: broadcast::Sender<String>,
    /// `Host` header values this server answers to, set once it is bound.
    pub hosts: std::sync::OnceLock<Vec<String>>,
}

impl Shared {
    pub fn new() -> Arc<Self> {
        let (reload, _) = broadcast::channel(16);
        Arc::new(Shared {
            snapshot: RwLock::new(Snapshot::default()),
            reload,
            hosts: std::sync::OnceLock::new(),
        })
    }

    /// Tells every open page to reload.
    pub fn notify(&self, version: u64) {
        let _ = self.reload.send(version.to_string());
    }

    /// Tells open pages but booklets to reload: the booklets are not made
    /// yet, and [`Shared::notify_booklets`] follows when they are.
    pub fn notify_pages(&self, version: u64) {
        let _ = self.reload.send(format!("{PAGES_ONLY}{version}"));
    }

    /// Tells open booklets to reload: only they changed.
    pub fn notify_booklets(&self, version: u64) {
        let _ = self.reload.send(format!("{BOOKLETS_ONLY}{version}"));
    }
}

pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(events))
        .fallback(get(file))
        .with_state(shared)
}

/// The `Host` values a preview server on `bind:port` answers to: the
/// loopback names and the bound address, each with the port (and also
/// without it when the port is 80, as browsers send it then).
///
/// Anything else is refused. A page on another website can make a browser
/// send requests to 127.0.0.1 under a name it controls (DNS rebinding);
/// checking the name the browser used keeps such pages from reading the
/// preview, which may hold unpublished drafts.
pub fn allowed_hosts(bind: std::net::IpAddr, port: u16) -> Vec<String> {
    let bound = match bind {
        std::net::IpAddr::V6(v6) => format!("[{v6}]"),
        std::net::IpAddr::V4(v4) => v4.to_string(),
    };
    let mut names = vec![
        "localhost".to_owned(),
        "127.0.0.1".to_owned(),
        "[::1]".to_owned(),
    ];
    if !names.contains(&bound) {
        names.push(bound);
    }
    let mut hosts: Vec<String> = names.iter().map(|n| format!("{n}:{port}")).collect();
    if port == 80 {
        hosts.extend(names);
    }
    hosts
}

/// With `--bind 0.0.0.0` (or `::`) the preview is meant for other devices
/// too, which reach it by the machine's IP address: any IP address with the
/// right port is then accepted. A bare IP address cannot be rebound, so
/// this keeps the protection against names.
fn any_address_allowed(allowed: &[String], host: &str) -> bool {
    let unspecified = allowed.iter().find_map(|h| {
        h.strip_prefix("0.0.0.0:")
            .or_else(|| h.strip_prefix("[::]:"))
    });
    let Some(port) = unspecified else {
        return false;
    };
    host.parse::<std::net::SocketAddr>()
        .is_ok_and(|address| address.port().to_string() == port)
}

/// Whether a request named this server, or `Some(response)` refusing it.
fn refuse_foreign_host(shared: &Shared, headers: &axum::http::HeaderMap) -> Option<Response> {
    let allowed = shared.hosts.get()?;
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_ascii_lowercase);
    if host
        .as_ref()
        .is_some_and(|h| allowed.contains(h) || any_address_allowed(allowed, h))
    {
        return None;
    }
    Some(
        (
            StatusCode::MISDIRECTED_REQUEST,
            "This preview answers only to localhost. Open the address signpost serve printed.",
        )
            .into_response(),
    )
}

async fn events(State(shared): State<Arc<Shared>>, headers: axum::http::HeaderMap) -> Response {
    if let Some(refused) = refuse_foreign_host(&shared, &headers) {
        return refused;
    }
    event_stream(&shared).into_response()
}

fn event_stream(
    shared: &Shared,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>> + use<>> {
    let stream = BroadcastStream::new(shared.reload.subscribe())
        .filter_map(|version| version.ok())
        .map(|version| Ok(Event::default().data(version)));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn file(
    State(shared): State<Arc<Shared>>,
    headers: axum::http::HeaderMap,
    uri: Uri,
) -> Response {
    if let Some(refused) = refuse_foreign_host(&shared, &headers) {
        return refused;
    }
    let Some(key) = site_path(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "This address is not allowed.").into_response();
    };
    let snapshot = match shared.snapshot.read() {
        Ok(snapshot) => snapshot,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(bytes) = snapshot.files.get(&key) {
        return respond(StatusCode::OK, &key, bytes, &snapshot);
    }
    // `/section` should go to `/section/`, as a web server would send it.
    let folder = format!("{key}/index.html");
    if !key.is_empty() && snapshot.files.contains_key(&folder) {
        let location = format!("{}/", uri.path());
        return (
            StatusCode::MOVED_PERMANENTLY,
            [(header::LOCATION, location)],
        )
            .into_response();
    }
    match snapshot.files.get("404.html") {
        Some(bytes) => respond(StatusCode::NOT_FOUND, "404.html", bytes, &snapshot),
        None => (StatusCode::NOT_FOUND, "Not found").into_response(),
    }
}

/// The output key for a request path, or `None` if the path tries to leave
/// the site (`..`, `%2e%2e`, backslashes, NUL).
pub fn site_path(path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let mut parts = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" => {}
            "." | ".." => return None,
            other => parts.push(other),
        }
    }
    let mut key = parts.join("/");
    if decoded.ends_with('/') || key.is_empty() {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

fn respond(status: StatusCode, key: &str, bytes: &[u8], snapshot: &Snapshot) -> Response {
    let mime = mime_guess::from_path(key).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let body = if is_html {
        Body::from(with_live_reload(bytes, &snapshot.errors))
    } else {
        Body::from(bytes.to_vec())
    };
    let content_type = if is_html || mime.type_() == "text" || mime.essence_str() == "image/svg+xml"
    {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_owned()
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// The reload script, added to every HTML response by `serve` only.
/// A message that starts with [`PAGES_ONLY`] reloads every page but the
/// booklets, and one that starts with [`BOOKLETS_ONLY`] only the booklets:
/// an edited page is served before the booklets that print it, and neither
/// reloads twice (a booklet reloaded early could miss the second message).
const RELOAD_SCRIPT: &str = "<script>new EventSource(\"/__signpost/events\").onmessage=function(e){var d=e.data[0],b=location.pathname.indexOf(\"/booklet/\")>=0;if(d==\"p\"?!b:d==\"b\"?b:1)location.reload()}</script>";

/// Starts a reload message for every page but the booklets.
const PAGES_ONLY: &str = "p";
/// Starts a reload message for the booklets alone.
const BOOKLETS_ONLY: &str = "b";

/// Adds the reload script, and the error alert when the last edit failed.
pub fn with_live_reload(html: &[u8], errors: &[(String, String, Option<String>)]) -> Vec<u8> {
    let mut page = String::from_utf8_lossy(html).into_owned();
    if !errors.is_empty() {
        let alert = error_alert(errors);
        let at = page
            .find("<body")
            .and_then(|start| page[start..].find('>').map(|end| start + end + 1))
            .unwrap_or(0);
        page.insert_str(at, &alert);
    }
    page.push_str(RELOAD_SCRIPT);
    page.into_bytes()
}

/// An alert region screen readers announce, listing each error with its
/// file and line.
fn error_alert(errors: &[(String, String, Option<String>)]) -> String {
    let mut html = String::from(
        "<div role=\"alert\" style=\"border:4px solid #b00020;background:#fff;color:#000;padding:1rem;margin:0;font:1rem/1.5 system-ui,sans-serif\"><h2 style=\"margin:0 0 .5rem\">Your last change could not be built</h2><p>You are seeing the last version that built. Fix these problems and save again:</p><ul>",
    );
    for (location, message, help) in errors {
        html.push_str(&format!(
            "<li><strong>{}</strong>: {}",
            escape_html(location),
            escape_html(message)
        ));
        if let Some(help) = help {
            html.push_str(&format!(" ({})", escape_html(help)));
        }
        html.push_str("</li>");
    }
    html.push_str("</ul></div>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_names_with_the_right_port_are_allowed() {
        let hosts = allowed_hosts("127.0.0.1".parse().unwrap(), 4000);
        assert_eq!(hosts, ["localhost:4000", "127.0.0.1:4000", "[::1]:4000"]);
        let lan = allowed_hosts("0.0.0.0".parse().unwrap(), 4000);
        assert!(any_address_allowed(&lan, "192.168.1.20:4000"));
        assert!(!any_address_allowed(&lan, "192.168.1.20:4001"));
        assert!(!any_address_allowed(&lan, "evil.example:4000"));
        assert!(!any_address_allowed(&hosts, "192.168.1.20:4000"));
        assert_eq!(allowed_hosts("127.0.0.1".parse().unwrap(), 80).len(), 6);
    }

    #[test]
    fn request_paths_map_to_output_files() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(site_path("/care/").as_deref(), Some("care/index.html"));
        assert_eq!(
            site_path("/care/index.html").as_deref(),
            Some("care/index.html")
        );
        assert_eq!(
            site_path("/static/style.css").as_deref(),
            Some("static/style.css")
        );
        assert_eq!(site_path("/my%20file.pdf").as_deref(), Some("my file.pdf"));
    }

    #[test]
    fn paths_that_climb_out_are_refused() {
        for bad in [
            "/../site.yaml",
            "/%2e%2e/site.yaml",
            "/care/%2E%2E/%2e%2e/etc/passwd",
            "/a\\..\\b",
            "/%00",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
        // An absolute path inside the URL is just a path in the site.
        assert_eq!(site_path("//etc/passwd").as_deref(), Some("etc/passwd"));
    }

    #[test]
    fn reload_script_and_alert_are_added_to_the_response_only() {
        let page = b"<!doctype html><html><body class=x><main>Hi</main>";
        let out = String::from_utf8(with_live_reload(page, &[])).unwrap();
        assert!(out.ends_with(RELOAD_SCRIPT));
        let errors = vec![("content/a.md:3:1".to_owned(), "bad <date>".to_owned(), None)];
        let out = String::from_utf8(with_live_reload(page, &errors)).unwrap();
        assert!(out.contains("<body class=x><div role=\"alert\""));
        assert!(out.contains("<strong>content/a.md:3:1</strong>: bad &lt;date&gt;"));
    }
}
