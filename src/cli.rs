//! The command line, parsed with clap and turned into library options at once.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::options::BuildOptions;

/// Signpost builds accessible, low-bandwidth health and care guidance sites
/// from Markdown.
#[derive(Debug, Parser)]
#[command(name = "signpost", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into a folder (output/ by default)
    Build(BuildArgs),
    /// Build in memory and report every problem, writing nothing
    Check(CheckArgs),
    /// Start a new site in an empty folder
    New(NewArgs),
    /// Build, serve on 127.0.0.1, rebuild on every change and reload the browser
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
}

#[cfg(feature = "serve")]
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Port to serve on; the next free one is used if it is taken (0: any free port)
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Address to listen on. Only loopback by default, so nobody else on the network can see drafts
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Poll files for changes instead of using the system's change notifications
    #[arg(long)]
    pub poll: bool,
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site folder, holding site.yaml and content/ [default: the current folder]
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Include pages marked `draft: true`
    #[arg(long)]
    pub drafts: bool,
}

/// How `check` and `build` print findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Grouped by file, with the source line, then counts by rule
    #[default]
    Human,
    /// The `check --json` report (see the README)
    Json,
    /// GitHub Actions workflow commands, so findings show on pull requests
    Github,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site [default: ROOT/output]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Print only errors and one line counting the warnings; no progress
    #[arg(long, short)]
    pub quiet: bool,
    /// How to print the findings
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Print the findings as JSON (see the README for the format); the same as `--format json`
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// How to print the findings
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Print only errors and one line counting the warnings
    #[arg(long, short)]
    pub quiet: bool,
    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
    /// Also print each page's reading level (words, sentences, grades)
    #[arg(long)]
    pub reading: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The folder to create (it must be empty or not exist)
    #[arg(value_name = "SITE_DIR")]
    pub dir: PathBuf,
    /// Copy the bundled Care Programme Approach guide instead of a small skeleton
    #[arg(long)]
    pub from_guide: bool,
    /// Also copy the default theme into themes/default, to customise it
    #[arg(long)]
    pub with_theme: bool,
}

impl SiteArgs {
    pub fn options(&self) -> BuildOptions {
        let mut options =
            BuildOptions::new(self.root.clone().unwrap_or_else(|| PathBuf::from(".")));
        options.drafts = self.drafts;
        options
    }
}

impl CheckArgs {
    /// `--json` is kept as a short name for `--format json`.
    pub fn format(&self) -> Format {
        if self.json { Format::Json } else { self.format }
    }
}

impl BuildArgs {
    pub fn options(&self) -> BuildOptions {
        let mut options = self.site.options();
        if let Some(out) = &self.out {
            options.out = out.clone();
        }
        options.quiet = self.quiet;
        options
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
