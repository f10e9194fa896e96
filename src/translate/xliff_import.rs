//! `signpost translate import FILE`: writes `NAME.LANG.md` for each page in
//! a translated XLIFF file.
//!
//! The page is rebuilt from its source as it is now: each unit whose
//! English is still what was exported takes its translation; a unit with
//! no translation, or whose English has changed, keeps the source text and
//! is reported. The translation's front matter records the source's hash
//! (from the export) and the hash of the body written, so a later import
//! refuses to overwrite a translation edited by hand since (unless
//! `--force`), naming the file.

use std::collections::BTreeMap;
use std::path::Path;

use serde_yaml::{Mapping, Value};

use crate::cli::TranslateImportArgs;
use crate::diagnostics::{Diagnostic, Report, decode_text, display_path, plural};
use crate::site::provenance::body_hash;

use super::rebuild::{collapse, plain_text, rebuild};
use super::site_files::{self, Existing, SourcePage};
use super::units::{Inline, Unit, UnitKind, describe};
use super::xliff_read::{ReadFile, ReadUnit, read};

/// Runs the command; the exit code follows `main`'s (1: problems in the content).
pub fn run(args: &TranslateImportArgs) -> anyhow::Result<u8> {
    let root = args.root.clone().unwrap_or_else(|| ".".into());
    let shown = display_path(&args.file);
    let text = match decode_text(&shown, crate::fsutil::read_bytes(&args.file)?) {
        Ok(text) => text,
        Err(d) => return Ok(fail(Report::from_iter([d]))),
    };
    let files = match read(&text) {
        Ok(files) => files,
        Err(e) => {
            let d = Diagnostic::error("xliff-unreadable", e.message)
                .in_file(&shown)
                .at_source(&text, e.line, e.column)
                .help(e.help);
            return Ok(fail(Report::from_iter([d])));
        }
    };
    let languages = match site_files::languages(&root)? {
        Ok(languages) => languages,
        Err(d) => return Ok(fail(Report::from_iter([d]))),
    };
    let (pages, problems) = site_files::source_pages(&root, &languages, true)?;
    let mut import = Import {
        args,
        root: &root,
        xliff: &shown,
        xliff_text: &text,
        languages: &languages,
        pages: pages.into_iter().map(|p| (p.file.clone(), p)).collect(),
        report: problems.into_iter().collect(),
        written: Vec::new(),
    };
    for file in &files {
        import.file(file)?;
    }
    Ok(import.finish())
}

fn fail(report: Report) -> u8 {
    super::xliff_export::print_report(report);
    1
}

struct Import<'a> {
    args: &'a TranslateImportArgs,
    root: &'a Path,
    xliff: &'a str,
    xliff_text: &'a str,
    languages: &'a [String],
    pages: BTreeMap<String, SourcePage>,
    report: Report,
    /// (translation file, units translated, units in the page)
    written: Vec<(String, usize, usize)>,
}

/// One unit's outcome: the target to use, or why the source text stays.
type Outcome = Result<Vec<Inline>, String>;

impl Import<'_> {
    fn problem(&mut self, line: usize, message: String, help: &str) {
        let d = Diagnostic::error("xliff-import", message)
            .in_file(self.xliff)
            .at_source(self.xliff_text, line, 1)
            .help(help);
        self.report.push(d);
    }

    fn warn(&mut self, line: usize, message: String, help: &str) {
        let d = Diagnostic::warning("translation-incomplete", message)
            .in_file(self.xliff)
            .at_source(self.xliff_text, line, 1)
            .help(help);
        self.report.push(d);
    }

    fn file(&mut self, file: &ReadFile) -> anyhow::Result<()> {
        // A tool on Windows may write the path with `\`.
        let Some(original) = file.original.as_ref().map(|o| o.replace('\\', "/")) else {
            let help = "keep the `original` attribute Signpost wrote, or export the pages again";
            self.problem(
                file.line,
                "this <file> does not say which page it is (no `original`)".into(),
                help,
            );
            return Ok(());
        };
        let Some(lang) = self.language(file) else {
            return Ok(());
        };
        let Some(page) = self.pages.remove(&original) else {
            let help =
                "export the pages again with `signpost translate export` and translate that file";
            let message = format!("`{original}` is not a page of this site in its own language");
            self.problem(file.line, message, help);
            return Ok(());
        };
        let result = self.page(file, &page, &lang);
        self.pages.insert(original, page);
        result
    }

    /// The site language the `<file>` is in (`cy-GB` is taken as `cy`).
    fn language(&mut self, file: &ReadFile) -> Option<String> {
        let named = file.target_lang.clone().unwrap_or_default();
        let others = &self.languages[1..];
        let primary = named.split(['-', '_']).next().unwrap_or("");
        let found = others
            .iter()
            .find(|l| l.eq_ignore_ascii_case(&named))
            .or_else(|| others.iter().find(|l| l.eq_ignore_ascii_case(primary)));
        if found.is_none() {
            let message = format!(
                "this <file> is in the language `{named}`, which is not one of the site's translations ({})",
                others.join(", ")
            );
            let help = "set the target language in your translation tool, or add it to `languages:` in site.yaml";
            self.problem(file.line, message, help);
        }
        found.cloned()
    }

    fn page(&mut self, file: &ReadFile, page: &SourcePage, lang: &str) -> anyhow::Result<()> {
        let units = super::xliff_export::page_units(page);
        let outcomes = match_units(&units, &file.units);
        let translated = outcomes.iter().filter(|(o, _)| o.is_ok()).count();
        let target_path = page.translation_path(self.root, lang);
        let target_file = format!("content/{}", site_files::translation_rel(&page.rel, lang));
        if translated == 0 {
            let message = format!(
                "{}: no unit has a translation, so {target_file} was not written",
                page.file
            );
            self.warn(
                file.line,
                message,
                "translate the units in your tool, save, and import again",
            );
            return Ok(());
        }
        for ((outcome, line), unit) in outcomes.iter().zip(&units) {
            if let Err(why) = outcome {
                let message = format!(
                    "{} unit {} {why}, so the source text was kept: \"{}\"",
                    page.file,
                    unit.id,
                    short(&describe(&unit.content))
                );
                self.warn(
                    line.unwrap_or(file.line),
                    message,
                    "translate it in your tool and import again",
                );
            }
        }
        let now = body_hash(page.body());
        let stamp_hash = file.source_hash.clone().unwrap_or_else(|| now.clone());
        if stamp_hash != now {
            let message = format!(
                "{} has changed since this file was exported: the translation is marked as made from the older version, so `check` reports it as outdated",
                page.file
            );
            self.warn(
                file.line,
                message,
                "export the page again to translate what changed",
            );
        }
        if crate::fsutil::inside(self.root, &target_file).is_err() {
            let message =
                format!("{target_file} leads outside the site folder, so it was not written");
            self.problem(file.line, message, "remove the symlink");
            return Ok(());
        }
        let existing = site_files::read_existing(&target_path)?;
        if let Some(reason) = existing
            .as_ref()
            .and_then(hand_edited)
            .filter(|_| !self.args.force)
        {
            let d = Diagnostic::error("translation-edited", format!("not overwritten: {reason}"))
                .in_file(&target_file)
                .help("copy those edits into your translation tool and export again, or import with --force to overwrite them");
            self.report.push(d);
            return Ok(());
        }
        let targets: Vec<Option<Vec<Inline>>> = outcomes.into_iter().map(|(o, _)| o.ok()).collect();
        let made = Made {
            hash: stamp_hash,
            // Reviewed again since the export: the translation is of the earlier review.
            reviewed: (file.source_reviewed.clone())
                .or_else(|| page.front.reviewed.map(|d| d.iso())),
        };
        let text = self.compose(page, &units, &targets, existing.as_ref(), &made);
        crate::fsutil::write(&target_path, text.as_bytes())?;
        self.written.push((target_file, translated, units.len()));
        Ok(())
    }

    /// The translation file: front matter with translated title and summary
    /// and the stamp, then the rebuilt body.
    fn compose(
        &self,
        page: &SourcePage,
        units: &[Unit],
        targets: &[Option<Vec<Inline>>],
        existing: Option<&Existing>,
        made: &Made,
    ) -> String {
        let body = rebuild(page.body(), units, targets);
        let front_text = |id: &str| {
            let at = units.iter().position(|u| u.id == id)?;
            targets[at]
                .as_ref()
                .map(|t| collapse(&plain_text(t)).trim().to_owned())
        };
        let mut front = Mapping::new();
        let title = front_text("title").or_else(|| page.front.title.clone());
        front.insert("title".into(), title.unwrap_or_default().into());
        if let Some(summary) = front_text("summary").or_else(|| page.front.summary.clone()) {
            front.insert("summary".into(), summary.into());
        }
        for (key, value) in &page.raw_front {
            let skip = matches!(
                key.as_str(),
                Some("title" | "summary" | "lang" | "aliases" | "translation")
            );
            if !skip {
                front.insert(key.clone(), value.clone());
            }
        }
        if let (Some(reviewed), true) = (&made.reviewed, front.contains_key("reviewed")) {
            front.insert("reviewed".into(), reviewed.as_str().into());
        }
        front.insert(
            "translation".into(),
            Value::Mapping(self.stamp(existing, made, &body)),
        );
        let yaml = serde_yaml::to_string(&Value::Mapping(front)).unwrap_or_default();
        format!("---\n{yaml}---\n{body}")
    }

    fn stamp(&self, existing: Option<&Existing>, made: &Made, body: &str) -> Mapping {
        let before = existing.and_then(Existing::translation);
        let earlier = |key: &str| {
            before
                .and_then(|t| t.get(key))
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        let method = self
            .args
            .method
            .map(|m| m.as_str().to_owned())
            .or_else(|| earlier("method"))
            .unwrap_or_else(|| "human".to_owned());
        let mut stamp = Mapping::new();
        stamp.insert("method".into(), method.into());
        if let Some(translator) = self
            .args
            .translator
            .clone()
            .or_else(|| earlier("translator"))
        {
            stamp.insert("translator".into(), translator.into());
        }
        stamp.insert("source_hash".into(), made.hash.as_str().into());
        if let Some(reviewed) = &made.reviewed {
            stamp.insert("source_reviewed".into(), reviewed.as_str().into());
        }
        stamp.insert("target_hash".into(), body_hash(body).into());
        stamp
    }

    fn finish(self) -> u8 {
        let failed = self.report.has_errors();
        if !self.report.is_empty() {
            super::xliff_export::print_report(self.report);
        }
        for (file, translated, total) in &self.written {
            println!(
                "Wrote {file} ({translated} of {} translated)",
                plural(*total, "unit")
            );
        }
        println!("Imported {}.", plural(self.written.len(), "page"));
        u8::from(failed)
    }
}

/// The version of the source a translation was made from: the one exported.
struct Made {
    hash: String,
    reviewed: Option<String>,
}

/// Why an existing translation must not be overwritten, if it must not.
fn hand_edited(existing: &Existing) -> Option<String> {
    match &existing.target_hash {
        None => Some("it was not written by `signpost translate import` (it has no `target_hash`), so it may hold work done by hand".to_owned()),
        Some(hash) if *hash != body_hash(&existing.body) => {
            Some("it was edited by hand since Signpost wrote it (its text no longer matches its `target_hash`)".to_owned())
        }
        Some(_) => None,
    }
}

fn short(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// For each unit of the page as it is now, its target from the XLIFF and
/// the XLIFF line it came from. A unit is found by its id when its source
/// text is unchanged, otherwise by its source text anywhere in the page
/// (units move when a paragraph is added above them).
fn match_units(units: &[Unit], read: &[ReadUnit]) -> Vec<(Outcome, Option<usize>)> {
    let key = |content: &[Inline]| collapse(&describe(content)).trim().to_owned();
    let mut used = vec![false; read.len()];
    units
        .iter()
        .map(|unit| {
            let wanted = key(&unit.content);
            let same = |r: &ReadUnit| key(&r.source) == wanted;
            let found = read
                .iter()
                .position(|r| r.id == unit.id && same(r))
                .or_else(|| (0..read.len()).find(|&i| !used[i] && same(&read[i])));
            let Some(i) = found else {
                return (
                    Err("is new or has changed since the export".to_owned()),
                    None,
                );
            };
            used[i] = true;
            let r = &read[i];
            let outcome = match (&r.problem, &r.target) {
                (Some(problem), _) => Err(format!("cannot be used: {problem}")),
                (None, None) => Err("has no translation".to_owned()),
                (None, Some(target)) => check_target(unit, target),
            };
            (outcome, Some(r.line))
        })
        .collect()
}

/// A target may move codes but not invent, reshape or (for links,
/// pictures and code) drop them; worksheet text may not break the worksheet.
fn check_target(unit: &Unit, target: &[Inline]) -> Outcome {
    if unit.kind.is_plain() {
        let text = collapse(&plain_text(target));
        if let Some(why) = super::worksheet_units::problem(unit.kind, &text) {
            return Err(format!("cannot be used: {why}"));
        }
        if matches!(unit.kind, UnitKind::Title) && text.trim().is_empty() {
            return Err("has an empty translation".to_owned());
        }
        return Ok(vec![Inline::Text(text.trim().to_owned())]);
    }
    let mut source_shape = BTreeMap::new();
    shapes(&unit.content, &mut source_shape);
    let mut target_shape = BTreeMap::new();
    shapes(target, &mut target_shape);
    for (id, paired) in &target_shape {
        if source_shape.get(id) != Some(paired) {
            return Err(format!(
                "cannot be used: it has a code {id} that is not in the source"
            ));
        }
    }
    for (id, _) in source_shape
        .iter()
        .filter(|(id, _)| !target_shape.contains_key(*id))
    {
        if unit.code(*id).is_some_and(|c| c.kind.must_keep()) {
            return Err(format!(
                "cannot be used: it leaves out code {id} (a link, picture or code)"
            ));
        }
    }
    Ok(target.to_vec())
}

/// Each code id in `content`, and whether it is paired.
fn shapes(content: &[Inline], out: &mut BTreeMap<usize, bool>) {
    for piece in content {
        match piece {
            Inline::Text(_) => {}
            Inline::Standalone(id) => {
                out.insert(*id, false);
            }
            Inline::Paired(id, inner) => {
                out.insert(*id, true);
                shapes(inner, out);
            }
        }
    }
}
