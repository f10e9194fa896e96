//! `signpost serve`: build, serve on localhost, rebuild on change, reload
//! the browser.
//!
//! The site is served from memory, so `output/` is never touched. A rebuild
//! that fails keeps the last good site served and shows the errors in the
//! page as an alert. One edited Markdown page is rebuilt on its own
//! (`session`); anything else rebuilds everything.

mod http;
mod session;
mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context as _;

use crate::diagnostics::{Report, plural};
use crate::options::BuildOptions;
use http::Shared;
use session::{Changes, Outcome, Session};

pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: IpAddr,
    /// First port to try; 0 lets the system choose.
    pub port: u16,
    /// Poll for changes instead of using native notifications.
    pub poll: bool,
}

/// How many ports above the asked one to try when it is taken.
const PORT_TRIES: u16 = 20;

pub fn serve(options: ServeOptions) -> anyhow::Result<()> {
    let shared = Shared::new();
    let mut session = Session::new(options.build.clone());
    let started = Instant::now();
    match session.full_build()? {
        Outcome::Built {
            changes,
            report,
            pages_rebuilt,
        } => {
            print_warnings(&report);
            apply(&shared, changes, Some(Vec::new()));
            println!(
                "Built {} in {:.2} s",
                plural(pages_rebuilt, "page"),
                started.elapsed().as_secs_f64()
            );
        }
        Outcome::Failed(report) => {
            eprint!("{}", crate::diagnostics::format::render_quiet(&report));
            eprintln!(
                "The site does not build yet: fix the errors above; the page shows them too."
            );
            set_errors(&shared, &report);
        }
    }

    let listener = bind(options.bind, options.port)?;
    let address = listener.local_addr()?;
    let _ = shared
        .hosts
        .set(http::allowed_hosts(options.bind, address.port()));
    let (watching, changes, polling) = watch::start(&options.build.root, options.poll)?;
    println!(
        "Serving {} at http://{address}/ (watching for changes{}). Press Ctrl+C to stop.",
        options.build.root.display(),
        if polling { " by polling" } else { "" }
    );

    let rebuild_shared = Arc::clone(&shared);
    std::thread::spawn(move || {
        let _watching = watching;
        rebuild_on_change(&mut session, &rebuild_shared, &changes);
    });

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the web server")?;
    runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, http::router(shared)).await?;
        Ok::<(), anyhow::Error>(())
    })
}

/// Rebuilds after each batch of changes, until the watcher stops. The
/// booklets that print an edited page are made after the page is served,
/// and only when no other change is waiting (they are made after it).
fn rebuild_on_change(
    session: &mut Session,
    shared: &Shared,
    changes: &std::sync::mpsc::Receiver<Vec<String>>,
) {
    let mut version = 0u64;
    let mut waiting: Option<Vec<String>> = None;
    loop {
        let mut batch = match waiting.take() {
            Some(batch) => batch,
            None => match changes.recv() {
                Ok(batch) => batch,
                Err(_) => return,
            },
        };
        // Gather anything that arrived while the last rebuild ran.
        while let Ok(more) = changes.try_recv() {
            batch.extend(more);
        }
        batch.sort();
        batch.dedup();
        if rebuild(session, shared, &batch) {
            version += 1;
            if session.has_stale_booklets() {
                shared.notify_pages(version);
            } else {
                shared.notify(version);
            }
        }
        match changes.try_recv() {
            Ok(more) => waiting = Some(more),
            Err(_) => {
                if reprint_booklets(session, shared) {
                    version += 1;
                    shared.notify_booklets(version);
                }
            }
        }
    }
}

/// Makes the booklets left stale by one-page rebuilds; returns whether
/// any changed.
fn reprint_booklets(session: &mut Session, shared: &Shared) -> bool {
    let started = Instant::now();
    match session.finish_booklets() {
        None => false,
        Some(Outcome::Built { changes, .. }) => {
            let count = match &changes {
                Changes::Some(files) => files.len(),
                Changes::Everything(files) => files.len(),
            };
            apply(shared, changes, None);
            println!(
                "Reprinted {} in {} ms",
                plural(count, "booklet"),
                started.elapsed().as_millis()
            );
            true
        }
        Some(Outcome::Failed(report)) => {
            eprint!("{}", crate::diagnostics::format::render_quiet(&report));
            eprintln!("The booklets stay as they were last made.");
            set_errors(shared, &report);
            true
        }
    }
}

/// Rebuilds after a change; returns whether open pages should reload.
fn rebuild(session: &mut Session, shared: &Shared, changed: &[String]) -> bool {
    let started = Instant::now();
    match session.rebuild(changed) {
        Ok(Outcome::Built {
            pages_rebuilt: 0, ..
        }) => return false,
        Ok(Outcome::Built {
            changes,
            report,
            pages_rebuilt,
        }) => {
            apply(shared, changes, Some(Vec::new()));
            // The full list was printed after the first build; after a
            // rebuild the count is enough (`signpost check` lists them).
            println!(
                "Rebuilt {} in {} ms after a change to {} ({})",
                plural(pages_rebuilt, "page"),
                started.elapsed().as_millis(),
                changed.join(", "),
                report.summary()
            );
        }
        Ok(Outcome::Failed(report)) => {
            eprint!("{}", crate::diagnostics::format::render_quiet(&report));
            eprintln!("Still serving the last version that built.");
            set_errors(shared, &report);
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            let report: Report = std::iter::once(crate::diagnostics::Diagnostic::error(
                "serve",
                format!("{error:#}"),
            ))
            .collect();
            set_errors(shared, &report);
        }
    }
    true
}

/// New files, and the errors to show (`None` keeps those shown).
fn apply(shared: &Shared, changes: Changes, errors: Option<Vec<(String, String, Option<String>)>>) {
    let mut snapshot = match shared.snapshot.write() {
        Ok(snapshot) => snapshot,
        Err(poisoned) => poisoned.into_inner(),
    };
    match changes {
        Changes::Everything(files) => snapshot.files = files,
        Changes::Some(files) => snapshot.files.extend(files),
    }
    if let Some(errors) = errors {
        snapshot.errors = errors;
    }
}

fn set_errors(shared: &Shared, report: &Report) {
    let errors = session::errors(report)
        .into_iter()
        .map(|d| (d.location(), d.message.clone(), d.help.clone()))
        .collect();
    let mut snapshot = match shared.snapshot.write() {
        Ok(snapshot) => snapshot,
        Err(poisoned) => poisoned.into_inner(),
    };
    snapshot.errors = errors;
}

/// How many findings `serve` shows on start-up; `signpost check` lists all.
const FIRST_FINDINGS: usize = 5;

fn print_warnings(report: &Report) {
    if !report.is_empty() {
        eprint!(
            "{}",
            crate::diagnostics::format::render_first(report, FIRST_FINDINGS)
        );
    }
}

/// Binds the asked port, or the next free one above it.
fn bind(address: IpAddr, port: u16) -> anyhow::Result<TcpListener> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(PORT_TRIES)
    };
    let mut tried = port;
    loop {
        match TcpListener::bind(SocketAddr::new(address, tried)) {
            Ok(listener) => return Ok(listener),
            Err(error) if tried >= last => {
                return Err(error)
                    .with_context(|| format!("no free port from {port} to {last} on {address}"));
            }
            Err(_) => tried += 1,
        }
    }
}
