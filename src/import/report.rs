//! The import report: what was imported, what changed in each file and
//! what a person must still do, as text for a volunteer or as JSON.

use serde::Serialize;

use super::links::Rewritten;
use super::walk::Skipped;

/// Everything `signpost import` did. The JSON shape is in the README.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: u32,
    pub generator: super::detect::Generator,
    /// The generator's settings file the layout was read from.
    pub settings: String,
    pub pages: usize,
    /// Attachments (images, PDFs) copied beside the pages.
    pub files: usize,
    pub raw_html: RawHtmlNeed,
    pub changes: Vec<FileChanges>,
    pub skipped: Vec<Skipped>,
    pub todo: Vec<Todo>,
}

/// How many raw-HTML blocks the pages hold, and the `markdown.raw_html`
/// setting the new site was given for them (`deny` or `sanitize`).
#[derive(Debug, Clone, Serialize)]
pub struct RawHtmlNeed {
    pub blocks: usize,
    pub setting: &'static str,
}

/// What changed in one written page.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FileChanges {
    /// From DEST.
    pub file: String,
    /// From SOURCE; `null` for a page the import made.
    pub from: Option<String>,
    pub front_matter: Option<super::front_matter::Kind>,
    pub mapped: Vec<String>,
    pub dropped: Vec<String>,
    pub extra: Vec<String>,
    pub links: Vec<Rewritten>,
    pub converted: Vec<String>,
}

/// One thing a person must still do, at a line of a file in DEST.
#[derive(Debug, Clone, Serialize)]
pub struct Todo {
    pub file: String,
    pub line: usize,
    pub kind: &'static str,
    pub message: String,
}

impl Report {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The report a volunteer reads: a summary line, the changes file by
    /// file, files left behind, then the to-do list with `file:line`.
    pub fn render_text(&self, dest: &str) -> String {
        use crate::diagnostics::plural;
        let mut out = format!(
            "Imported {} ({}) into {dest}: {} and {}.\n",
            self.generator.a_site(),
            if self.settings.is_empty() {
                "no settings file"
            } else {
                &self.settings
            },
            plural(self.pages, "page"),
            plural(self.files, "other file"),
        );
        out.push_str("\nWhat changed, file by file:\n");
        for change in &self.changes {
            render_change(&mut out, change);
        }
        if !self.skipped.is_empty() {
            out.push_str("\nLeft behind:\n");
            for skipped in &self.skipped {
                out.push_str(&format!("  {}  {}\n", skipped.file, skipped.reason));
            }
        }
        if self.raw_html.blocks > 0 {
            out.push_str(&format!(
                "\nRaw HTML: {} in the pages, so site.yaml sets `markdown: {{raw_html: {}}}`.\n",
                plural(self.raw_html.blocks, "block"),
                self.raw_html.setting
            ));
        }
        if self.todo.is_empty() {
            out.push_str("\nNothing left to do by hand.\n");
        } else {
            out.push_str(&format!("\nTo do ({}):\n", self.todo.len()));
            for todo in &self.todo {
                out.push_str(&format!(
                    "  {}:{}  {}  {}\n",
                    todo.file, todo.line, todo.kind, todo.message
                ));
            }
        }
        out.push_str(&format!(
            "\nNext: signpost check --root {dest}, then signpost build --root {dest}\n"
        ));
        out
    }
}

fn render_change(out: &mut String, change: &FileChanges) {
    match &change.from {
        Some(from) => out.push_str(&format!("  {} (from {from})\n", change.file)),
        None => out.push_str(&format!("  {} (made by the import)\n", change.file)),
    }
    let kind = match change.front_matter {
        Some(super::front_matter::Kind::Toml) => Some("TOML front matter → YAML"),
        Some(super::front_matter::Kind::Json) => Some("JSON front matter → YAML"),
        Some(super::front_matter::Kind::None) if change.from.is_some() => {
            Some("no front matter: added")
        }
        _ => None,
    };
    let mut mapped: Vec<String> = kind.into_iter().map(str::to_owned).collect();
    mapped.extend(change.mapped.iter().cloned());
    let links: Vec<String> = change
        .links
        .iter()
        .map(|l| format!("{} → {}", l.from, l.to))
        .collect();
    for (label, items) in [
        ("front matter", &mapped),
        ("dropped", &change.dropped),
        ("kept under extra", &change.extra),
        ("links", &links),
        ("converted", &change.converted),
    ] {
        if !items.is_empty() {
            out.push_str(&format!("    {label}: {}\n", items.join("; ")));
        }
    }
}
