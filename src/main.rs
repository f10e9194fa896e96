//! The `signpost` binary: parse the command line, run the library, print
//! what happened, choose the exit code.
//!
//! Exit codes: 0 success (warnings allowed), 1 problems in the content,
//! 2 Signpost could not run (bad arguments, unreadable files, disk errors).

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser;

/// Building a site allocates many small strings on both cores at once;
/// mimalloc handles that with less contention than the system allocator
/// (measured: see the benchmark notes in bench/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use signpost::cli::{Cli, Command, Format, TranslateCommand};
use signpost::diagnostics::{format, plural};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error}");
            for cause in error.chain().skip(1) {
                eprintln!("  because: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build(args) => build(&args.options(), args.format),
        Command::Check(args) => check(&args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => {
            let mut build = args.site.options();
            build.quiet = true;
            signpost::serve::serve(signpost::serve::ServeOptions {
                build,
                bind: args.bind,
                port: args.port,
                poll: args.poll,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Translate(command) => {
            let code = match command {
                TranslateCommand::Export(args) => signpost::translate::xliff_export::run(&args)?,
                TranslateCommand::Import(args) => signpost::translate::xliff_import::run(&args)?,
                TranslateCommand::Status(args) => return translate_status(&args),
            };
            Ok(ExitCode::from(code))
        }
        Command::Import(args) => {
            let report = signpost::import::import(&args.options())?;
            let text = if args.json {
                format!("{}\n", report.to_json())
            } else {
                report.render_text(&args.dest.display().to_string())
            };
            let _ = std::io::stdout().write_all(text.as_bytes());
            Ok(ExitCode::SUCCESS)
        }
        Command::Override(args) => override_command(&args),
        Command::New(args) => {
            let mut written = match &args.extends {
                Some(base) => signpost::new_site::create_edition(&args.dir, base)?,
                None => signpost::new_site::create(&args.dir, args.from_guide, args.with_theme)?,
            };
            if args.github_pages {
                written += signpost::github_pages::write(&args.dir)?;
            }
            println!(
                "Created a new site in {} ({}). Build it with: signpost build --root {}",
                args.dir.display(),
                plural(written, "file"),
                args.dir.display()
            );
            if args.github_pages {
                println!(
                    "To publish it on GitHub Pages, read the steps at the top of {}",
                    args.dir
                        .join(signpost::github_pages::WORKFLOW_PATH)
                        .display()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `signpost override PATH` and `signpost override --status [--json]`.
fn override_command(args: &signpost::cli::OverrideArgs) -> anyhow::Result<ExitCode> {
    let root = args.root.clone().unwrap_or_else(|| ".".into());
    if args.status {
        let rows = signpost::editions::status(&root)?;
        if args.json {
            println!("{}", serde_json::to_string_pretty(&rows)?);
        } else {
            print!("{}", signpost::editions::status_text(&rows));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let path = args.path.as_deref().unwrap_or_default();
    let written = signpost::editions::override_page(&root, path)?;
    println!(
        "Copied the base page to {written} and stamped it with the version it was made from: edit it there. `signpost check` says when the base page moves on."
    );
    Ok(ExitCode::SUCCESS)
}

/// `signpost build`: build, report, write only when there are no errors.
fn build(options: &signpost::options::BuildOptions, format: Format) -> anyhow::Result<ExitCode> {
    let outcome = signpost::pipeline::build(options)?;
    let built = &outcome.built;
    print_build_report(built, format, options.quiet);
    print_timings(built);
    let Some(written) = outcome.written else {
        eprintln!(
            "The site was not built: fix the errors above. The previous output was left as it was."
        );
        return Ok(ExitCode::from(1));
    };
    if !options.quiet {
        let line = format!(
            "Built {} ({}) in {:.2} s into {} ({} written, {} unchanged)",
            plural(built.page_count(), "page"),
            plural(built.section_count(), "section"),
            built.elapsed.as_secs_f64(),
            options.out.display(),
            written.written,
            written.unchanged
        );
        // stdout holds only the JSON report when JSON was asked for.
        if format == Format::Json {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `signpost check`: build in memory, write nothing, report every problem.
fn check(args: &signpost::cli::CheckArgs) -> anyhow::Result<ExitCode> {
    let options = args.site.options();
    let mut built =
        signpost::pipeline::build_site_to(&options, &signpost::pipeline::Destination::Nowhere)?;
    if args.strict {
        built.report.make_warnings_errors();
    }
    let readings = match &built.site {
        Some(site) => signpost::checks::reading::measure_pages(site, &built.rendered, &built.pages),
        None => Vec::new(),
    };
    let text = match args.format() {
        Format::Json => {
            signpost::checks::json_report(&built.report, built.page_count(), &readings) + "\n"
        }
        Format::Github => format::render_github(&built.report),
        Format::Human if args.quiet => format::render_quiet(&built.report),
        Format::Human => {
            let mut text = String::new();
            if args.reading {
                text.push_str(&signpost::checks::reading::table(&readings));
                text.push('\n');
            }
            text.push_str(&built.report.render_text());
            text
        }
    };
    let _ = std::io::stdout().write_all(text.as_bytes());
    Ok(if built.report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn translate_status(args: &signpost::cli::TranslateStatusArgs) -> anyhow::Result<ExitCode> {
    match signpost::translate::status::run(&args.site.options())? {
        Ok(statuses) => {
            let text = if args.json {
                format!("{}\n", serde_json::to_string_pretty(&statuses)?)
            } else {
                signpost::translate::status::text(&statuses)
            };
            let _ = std::io::stdout().write_all(text.as_bytes());
            Ok(ExitCode::SUCCESS)
        }
        Err(report) => {
            eprint!("{}", report.render_text());
            Ok(ExitCode::from(1))
        }
    }
}

/// `SIGNPOST_TIMINGS=1` prints how long each stage took, to stderr.
fn print_timings(built: &signpost::pipeline::Built) {
    if std::env::var_os("SIGNPOST_TIMINGS").is_none() {
        return;
    }
    for (stage, time, peak) in &built.timings {
        let peak = peak.map_or_else(String::new, |kib| format!("  (peak {} MiB)", kib / 1024));
        eprintln!("{:>9.1} ms  {stage}{peak}", time.as_secs_f64() * 1000.0);
    }
}

/// Human problems go to stderr, grouped by file (with `--quiet`, the errors
/// and one line); JSON and GitHub commands go to stdout, where tools read them.
fn print_build_report(built: &signpost::pipeline::Built, format: Format, quiet: bool) {
    let report = &built.report;
    let (text, to_stdout) = match format {
        Format::Json => (
            signpost::checks::json_report(report, built.page_count(), &[]) + "\n",
            true,
        ),
        Format::Github => (format::render_github(report), true),
        Format::Human if report.is_empty() && report.suppressed().is_empty() => return,
        Format::Human if quiet => (format::render_quiet(report), false),
        Format::Human => (report.render_text(), false),
    };
    let _ = if to_stdout {
        std::io::stdout().write_all(text.as_bytes())
    } else {
        std::io::stderr().write_all(text.as_bytes())
    };
}
