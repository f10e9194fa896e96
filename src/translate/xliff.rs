//! Writing XLIFF 1.2: one `<file>` per page, one `<trans-unit>` per unit,
//! inline Markdown as `<g>` (around words) and `<x/>` (standalone) codes.
//!
//! XLIFF 1.2, not 2.0: every tool an agency is likely to use reads it
//! (Trados's own SDLXLIFF is 1.2, memoQ's "XLIFF 1" filter, Phrase,
//! OmegaT's native and Okapi filters, Weblate's long-standing XLIFF
//! support), while XLIFF 2.0 support is newer and uneven (Weblate marks it
//! as still in development). The codes carry no Markdown: import takes the
//! Markdown from the source page, so a tool cannot change a link's address.
//!
//! Signpost's own data (the source's hash and review date) is in
//! attributes of its own namespace on `<file>`, which XLIFF 1.2 allows and
//! tools keep.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::units::{Inline, Unit};

/// The namespace of Signpost's attributes.
pub const SIGNPOST_NS: &str = "urn:signpost:xliff:1";

/// One page to translate.
pub struct PageToTranslate {
    /// The source file, from the site root (`content/care/plans.md`).
    pub original: String,
    pub source_lang: String,
    pub target_lang: String,
    pub source_hash: String,
    pub source_reviewed: Option<String>,
    pub units: Vec<Unit>,
}

/// The XLIFF document for `pages`.
pub fn write(pages: &[PageToTranslate]) -> String {
    let mut w = Writer::new(Vec::new());
    let mut x = Xml { w: &mut w };
    x.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    x.newline(0);
    let root = BytesStart::new("xliff").with_attributes([
        ("version", "1.2"),
        ("xmlns", "urn:oasis:names:tc:xliff:document:1.2"),
        ("xmlns:sp", SIGNPOST_NS),
    ]);
    x.event(Event::Start(root));
    for page in pages {
        x.newline(1);
        write_file(&mut x, page);
    }
    x.newline(0);
    x.event(Event::End(BytesEnd::new("xliff")));
    x.newline(0);
    String::from_utf8(w.into_inner()).unwrap_or_default()
}

fn write_file(x: &mut Xml, page: &PageToTranslate) {
    let mut file = BytesStart::new("file").with_attributes([
        ("original", page.original.as_str()),
        ("source-language", page.source_lang.as_str()),
        ("target-language", page.target_lang.as_str()),
        ("datatype", "x-markdown"),
        ("sp:source-hash", page.source_hash.as_str()),
    ]);
    if let Some(reviewed) = &page.source_reviewed {
        file.push_attribute(("sp:source-reviewed", reviewed.as_str()));
    }
    x.event(Event::Start(file));
    x.newline(2);
    x.event(Event::Start(BytesStart::new("header")));
    x.newline(3);
    let tool = BytesStart::new("tool").with_attributes([
        ("tool-id", "signpost"),
        ("tool-name", "Signpost"),
        ("tool-version", env!("CARGO_PKG_VERSION")),
    ]);
    x.event(Event::Empty(tool));
    x.newline(2);
    x.event(Event::End(BytesEnd::new("header")));
    x.newline(2);
    x.event(Event::Start(BytesStart::new("body")));
    for unit in &page.units {
        x.newline(3);
        write_unit(x, unit, &page.units);
    }
    x.newline(2);
    x.event(Event::End(BytesEnd::new("body")));
    x.newline(1);
    x.event(Event::End(BytesEnd::new("file")));
}

fn write_unit(x: &mut Xml, unit: &Unit, all: &[Unit]) {
    let start = BytesStart::new("trans-unit")
        .with_attributes([("id", unit.id.as_str()), ("restype", unit.kind.restype())]);
    x.event(Event::Start(start));
    x.newline(4);
    x.event(Event::Start(BytesStart::new("source")));
    write_inline(x, unit, &unit.content, all);
    x.event(Event::End(BytesEnd::new("source")));
    if let Some(note) = note(unit) {
        x.newline(4);
        x.event(Event::Start(BytesStart::new("note")));
        x.event(Event::Text(BytesText::new(&note)));
        x.event(Event::End(BytesEnd::new("note")));
    }
    x.newline(3);
    x.event(Event::End(BytesEnd::new("trans-unit")));
}

/// `all`: the page's units, which a picture's `xid` (its alt text) names.
/// The unit's note, and where its links go: context for the translator
/// (the address itself is not in the text, so it cannot be changed).
fn note(unit: &Unit) -> Option<String> {
    let links: Vec<String> = unit
        .codes
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match &c.kind {
            super::units::CodeKind::Link(url) => Some(format!("{} goes to {url}", i + 1)),
            _ => None,
        })
        .collect();
    let links = (!links.is_empty()).then(|| format!("Links: {}", links.join("; ")));
    match (unit.note.clone(), links) {
        (Some(note), Some(links)) => Some(format!("{note}. {links}")),
        (note, links) => note.or(links),
    }
}

fn write_inline(x: &mut Xml, unit: &Unit, content: &[Inline], all: &[Unit]) {
    for piece in content {
        match piece {
            Inline::Text(text) => x.event(Event::Text(BytesText::new(text))),
            Inline::Standalone(id) => {
                let id_text = id.to_string();
                let mut code = BytesStart::new("x");
                code.push_attribute(("id", id_text.as_str()));
                if let Some(c) = unit.code(*id) {
                    code.push_attribute(("ctype", c.kind.ctype()));
                    // The translator sees what it stands for: `111`, a picture.
                    code.push_attribute(("equiv-text", equiv_text(c).as_str()));
                    if let super::units::CodeKind::Image(Some(alt)) = c.kind
                        && let Some(alt) = all.get(alt)
                    {
                        code.push_attribute(("xid", alt.id.as_str()));
                    }
                }
                x.event(Event::Empty(code));
            }
            Inline::Paired(id, inner) => {
                let id_text = id.to_string();
                let mut code = BytesStart::new("g");
                code.push_attribute(("id", id_text.as_str()));
                if let Some(c) = unit.code(*id) {
                    code.push_attribute(("ctype", c.kind.ctype()));
                }
                x.event(Event::Start(code));
                write_inline(x, unit, inner, all);
                x.event(Event::End(BytesEnd::new("g")));
            }
        }
    }
}

/// What a standalone code shows the translator: `` `111` ``, `![…](picto:help)`.
fn equiv_text(code: &super::units::Code) -> String {
    match code.kind {
        super::units::CodeKind::Break => " ".to_owned(),
        super::units::CodeKind::Image(Some(_)) => format!("{}…{}", code.open, code.close),
        _ => code.open.trim().to_owned(),
    }
}

/// Writes events into memory, where writing cannot fail.
struct Xml<'w> {
    w: &'w mut Writer<Vec<u8>>,
}

impl Xml<'_> {
    fn event(&mut self, event: Event) {
        // Writing to a Vec<u8> has no I/O error to report.
        let _ = self.w.write_event(event);
    }

    fn newline(&mut self, depth: usize) {
        let text = format!("\n{}", "  ".repeat(depth));
        self.event(Event::Text(BytesText::new(&text)));
    }
}

#[cfg(test)]
mod tests {
    use super::super::units::extract;
    use super::*;

    #[test]
    fn escapes_and_codes() {
        let mut units = extract("Call <111> & see [help](a.md) `x`.\n", false);
        units[0].id = "1".into();
        let xml = write(&[PageToTranslate {
            original: "content/a.md".into(),
            source_lang: "en".into(),
            target_lang: "cy".into(),
            source_hash: "sha256:0".into(),
            source_reviewed: None,
            units,
        }]);
        assert!(
            xml.contains(
                "<source>Call &lt;111&gt; &amp; see <g id=\"1\" ctype=\"link\">help</g> <x id=\"2\" ctype=\"x-code\" equiv-text=\"`x`\"/>.</source>"
            ),
            "{xml}"
        );
        assert!(xml.contains("sp:source-hash=\"sha256:0\""));
    }
}
