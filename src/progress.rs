//! A progress bar for long builds, shown only on a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// Builds under this many pages finish before a bar would be useful.
const MIN_PAGES: usize = 500;

/// A bar when stdout is a terminal and the job is long; a hidden one otherwise.
pub fn bar(len: usize, quiet: bool, label: &'static str) -> ProgressBar {
    if quiet || len < MIN_PAGES || !std::io::stdout().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) = ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} pages") {
        bar.set_style(style);
    }
    bar.set_message(label);
    bar
}
