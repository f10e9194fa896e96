//! Watches the site's sources and hands batches of changed files to the
//! rebuild loop, debounced so that one save (which editors often do as
//! several writes, or a rename) triggers one rebuild.
//!
//! Only changes count, not reads: another program reading the files (a
//! backup, a search index, `signpost build`) must not trigger rebuilds.
//! Native change notifications are used when they work; `--poll`, or a
//! failure to start them (some network drives and containers), falls back to
//! polling, as mdBook does.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

/// Quiet time that ends a batch: long enough to gather the writes of one
/// save, short enough that an edit reaches the browser within a blink.
const QUIET: Duration = Duration::from_millis(20);
/// Quiet time that ends a batch whose last event says a save is finished
/// (a file closed after writing, or renamed into place as editors' safe
/// saves do): only long enough to gather another file saved with it.
const SETTLE: Duration = Duration::from_millis(3);
/// A batch never waits longer than this, even if changes keep coming.
const MAX_WAIT: Duration = Duration::from_millis(250);
const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// Keeps the watcher alive; dropping it stops watching. Never read: it
/// only has to live.
#[allow(dead_code)]
pub enum Watching {
    Native(RecommendedWatcher),
    Polling(PollWatcher),
}

/// The folders and files whose changes rebuild the site: its own, and
/// those of every base folder it extends (a local edition).
fn sources(root: &Path) -> Vec<(PathBuf, RecursiveMode)> {
    let mut sources = site_sources(root);
    for (base, _) in base_folders(root) {
        sources.extend(site_sources(&base));
    }
    sources
}

/// The base folders a local edition extends (`extends:`), with the prefix
/// their paths get in a batch (`../national/`). The bundled guide is in the
/// binary and never changes; a site whose bases cannot be read has none
/// to watch (the build reports why).
fn base_folders(root: &Path) -> Vec<(PathBuf, String)> {
    let Ok(text) = std::fs::read_to_string(root.join(crate::source::config::FILE_NAME)) else {
        return Vec::new();
    };
    let Ok(config) = crate::source::config::SiteConfig::parse(&text) else {
        return Vec::new();
    };
    crate::source::layers::bases(root, &config, &text)
        .unwrap_or_default()
        .iter()
        .filter_map(|layer| {
            let dir = layer.disk_root()?;
            let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
            Some((canonical, layer.shown.clone()))
        })
        .collect()
}

/// One site folder's sources.
fn site_sources(root: &Path) -> Vec<(PathBuf, RecursiveMode)> {
    let mut sources = vec![(
        root.join(crate::source::config::FILE_NAME),
        RecursiveMode::NonRecursive,
    )];
    // A local edition may have no content/ of its own yet.
    for folder in ["content", "data", "themes"] {
        if root.join(folder).is_dir() {
            sources.push((root.join(folder), RecursiveMode::Recursive));
        }
    }
    sources
}

/// Starts watching. Each batch of changed files (relative to the root, with
/// `/`) arrives on the returned channel. The flag says whether it polls.
pub fn start(
    root: &Path,
    poll: bool,
) -> anyhow::Result<(Watching, mpsc::Receiver<Vec<String>>, bool)> {
    let (raw_sender, raw) = mpsc::channel::<notify::Result<Event>>();
    let (batches, receiver) = mpsc::channel();
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut roots = vec![(canonical_root, String::new())];
    roots.extend(base_folders(root));
    std::thread::spawn(move || debounce(&raw, &batches, &roots));

    let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
    if !poll
        && let Ok(mut native) = RecommendedWatcher::new(raw_sender.clone(), config)
        && watch_all(&mut native, root).is_ok()
    {
        return Ok((Watching::Native(native), receiver, false));
    }
    let mut polling =
        PollWatcher::new(raw_sender, config).context("cannot start watching the site's files")?;
    watch_all(&mut polling, root)?;
    Ok((Watching::Polling(polling), receiver, true))
}

fn watch_all(watcher: &mut dyn Watcher, root: &Path) -> anyhow::Result<()> {
    for (path, mode) in sources(root) {
        watcher
            .watch(&path, mode)
            .with_context(|| format!("cannot watch {}", path.display()))?;
    }
    Ok(())
}

/// Gathers events into batches: a batch ends after `QUIET` without a new
/// change (`SETTLE` when the last change finished a save), or at
/// `MAX_WAIT`.
fn debounce(
    raw: &mpsc::Receiver<notify::Result<Event>>,
    batches: &mpsc::Sender<Vec<String>>,
    roots: &[(PathBuf, String)],
) {
    let mut batch: Vec<String> = Vec::new();
    let mut first: Option<Instant> = None;
    let mut saved = false;
    loop {
        let quiet = if saved { SETTLE } else { QUIET };
        let timeout = match first {
            None => Duration::from_secs(3600),
            Some(start) => quiet.min(MAX_WAIT.saturating_sub(start.elapsed())),
        };
        match raw.recv_timeout(timeout) {
            Ok(Ok(event)) if is_change(&event.kind) => {
                let paths = event
                    .paths
                    .iter()
                    .filter_map(|p| relative(roots, p))
                    .filter(|rel| !is_ignored(rel));
                let before = batch.len();
                batch.extend(paths);
                if batch.len() > before {
                    first.get_or_insert_with(Instant::now);
                    saved = finishes_a_save(&event.kind);
                }
            }
            Ok(_) => {}
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if !batch.is_empty() {
                    batch.sort();
                    batch.dedup();
                    if batches.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                }
                first = None;
                saved = false;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Whether the file is complete after this event: closed by the program
/// that wrote it, or renamed into place (an editor's safe save writes a
/// copy and renames it over the file).
fn finishes_a_save(kind: &EventKind) -> bool {
    use notify::event::RenameMode;
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
    )
}

/// Writes, creations, removals and renames; not reads or metadata.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        _ => false,
    }
}

/// A changed path relative to the site root: under the site itself, or
/// under a base folder with its prefix (`../national/content/x.md`, which
/// rebuilds everything).
fn relative(roots: &[(PathBuf, String)], path: &Path) -> Option<String> {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    // Folders change when their files do; the files tell us more.
    if path.is_dir() {
        return None;
    }
    roots.iter().find_map(|(root, prefix)| {
        let rel = path.strip_prefix(root).ok()?;
        Some(format!("{prefix}{}", crate::diagnostics::display_path(rel)))
    })
}

/// Editor swap files and hidden files never trigger a rebuild.
fn is_ignored(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name == "4913"
        || name.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{DataChange, RenameMode};

    #[test]
    fn a_closed_or_renamed_file_is_a_finished_save_and_a_write_is_not() {
        assert!(finishes_a_save(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(finishes_a_save(&EventKind::Modify(ModifyKind::Name(
            RenameMode::To
        ))));
        assert!(!finishes_a_save(&EventKind::Modify(ModifyKind::Data(
            DataChange::Content
        ))));
        assert!(!finishes_a_save(&EventKind::Modify(ModifyKind::Name(
            RenameMode::From
        ))));
    }

    #[test]
    fn the_writes_and_close_of_one_save_make_one_batch() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path().canonicalize().unwrap();
        let file = root.join("content/page.md");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, "x").unwrap();
        let (raw_sender, raw) = mpsc::channel();
        let (batch_sender, batches) = mpsc::channel();
        let roots = vec![(root.clone(), String::new())];
        let event = |kind| Ok(Event::new(kind).add_path(file.clone()));
        raw_sender
            .send(event(EventKind::Modify(ModifyKind::Data(
                DataChange::Content,
            ))))
            .unwrap();
        raw_sender
            .send(event(EventKind::Access(AccessKind::Close(
                AccessMode::Write,
            ))))
            .unwrap();
        let gathering = std::thread::spawn(move || debounce(&raw, &batch_sender, &roots));
        let batch = batches.recv_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(batch, vec!["content/page.md".to_owned()]);
        drop(raw_sender);
        gathering.join().unwrap();
    }
}
