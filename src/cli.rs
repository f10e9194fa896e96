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
    /// Turn a Jekyll, Hugo, Eleventy or mdBook site into a new Signpost site
    Import(ImportArgs),
    /// Local editions: copy a base page here to change it, or list overrides (--status)
    Override(OverrideArgs),
    /// Build, serve on 127.0.0.1, rebuild on every change and reload the browser
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
    /// Translations: which pages are translated, missing or outdated; XLIFF out to translators and back
    #[command(subcommand)]
    Translate(TranslateCommand),
}

#[derive(Debug, Subcommand)]
pub enum TranslateCommand {
    /// Print, for each language, which pages are translated, missing or outdated
    Status(TranslateStatusArgs),
    /// Write the site's pages as one XLIFF 1.2 file for translation into LANG
    Export(TranslateExportArgs),
    /// Write or update the NAME.LANG.md translations from a translated XLIFF file
    Import(TranslateImportArgs),
}

#[derive(Debug, Args)]
pub struct TranslateExportArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The language to translate into: one of `languages:` in site.yaml, not the first
    #[arg(long, value_name = "LANG")]
    pub lang: String,
    /// The XLIFF file to write (for example translations-cy.xlf)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Only pages that have no translation into LANG yet
    #[arg(long, conflicts_with = "outdated_only")]
    pub missing_only: bool,
    /// Only pages whose translation is behind its source (changed or reviewed since)
    #[arg(long)]
    pub outdated_only: bool,
}

#[derive(Debug, Args)]
pub struct TranslateImportArgs {
    /// The site folder, holding site.yaml and content/ [default: the current folder]
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// The translated XLIFF file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Overwrite translations even if they were edited by hand since Signpost wrote them
    #[arg(long)]
    pub force: bool,
    /// How the translation was made [default: as the existing translation says, else human]
    #[arg(long, value_enum)]
    pub method: Option<TranslationMethod>,
    /// Who translated it (a person or an agency), recorded in the translation
    #[arg(long, value_name = "NAME")]
    pub translator: Option<String>,
}

/// `translation: {method}` in a translation's front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TranslationMethod {
    /// By a person: no notice is shown
    Human,
    /// By a machine: the page says it has not yet been checked by a qualified translator
    Machine,
}

impl TranslationMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            TranslationMethod::Human => "human",
            TranslationMethod::Machine => "machine",
        }
    }
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
pub struct TranslateStatusArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Print the status as JSON
    #[arg(long)]
    pub json: bool,
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
    /// Start a local edition built on a base site instead (`guide`: the bundled guide)
    #[arg(long, value_name = "BASE", conflicts_with_all = ["from_guide", "with_theme"])]
    pub extends: Option<String>,
    /// Also write .github/workflows/publish.yml, which checks the site and publishes it to GitHub Pages
    #[arg(long)]
    pub github_pages: bool,
}

#[derive(Debug, Args)]
pub struct OverrideArgs {
    /// The base page to copy, under content/, with or without .md (get-help-now)
    #[arg(
        value_name = "PATH",
        required_unless_present = "status",
        conflicts_with = "status"
    )]
    pub path: Option<String>,
    /// List every override and whether its base page has moved on
    #[arg(long)]
    pub status: bool,
    /// With --status: print the list as JSON
    #[arg(long, requires = "status")]
    pub json: bool,
    /// The site folder [default: the current folder]
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The site to import (it is only read, never changed)
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
    /// The folder for the new Signpost site (it must be empty or not exist)
    #[arg(value_name = "DEST")]
    pub dest: PathBuf,
    /// Which generator made SOURCE [default: found from its settings file]
    #[arg(long, value_enum)]
    pub from: Option<crate::import::Generator>,
    /// Move dated pages (news/2025/06/clinic.md) up out of their date folders (news/clinic.md)
    #[arg(long)]
    pub flatten_dates: bool,
    /// Print the report as JSON (see the README for the format)
    #[arg(long)]
    pub json: bool,
}

impl ImportArgs {
    pub fn options(&self) -> crate::import::ImportOptions {
        crate::import::ImportOptions {
            source: self.source.clone(),
            dest: self.dest.clone(),
            from: self.from,
            flatten_dates: self.flatten_dates,
        }
    }
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
