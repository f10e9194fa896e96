//! Reading an XLIFF 1.2 file back: the pages (`<file>`), and for each unit
//! its source and target as [`Inline`]s.
//!
//! Problems with the whole file (it is not XML, not XLIFF 1.2, a `<file>`
//! has no `original`) stop the import with the line and what to do. A
//! problem inside one unit's target (a code Signpost did not write) is
//! kept with the unit, so the rest of the page still imports. No DTD or
//! external entity is ever read: only XML's own five entities and
//! character references are understood.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::units::Inline;

/// A page in the XLIFF file.
#[derive(Debug, Default)]
pub struct ReadFile {
    pub original: Option<String>,
    pub target_lang: Option<String>,
    pub source_hash: Option<String>,
    pub source_reviewed: Option<String>,
    pub line: usize,
    pub units: Vec<ReadUnit>,
}

/// A unit in the XLIFF file.
#[derive(Debug, Default)]
pub struct ReadUnit {
    pub id: String,
    pub line: usize,
    pub source: Vec<Inline>,
    /// `None` when the unit has no `<target>` or an empty one.
    pub target: Option<Vec<Inline>>,
    /// Why the target cannot be used, when it cannot.
    pub problem: Option<String>,
}

/// Why the file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XliffError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: String,
}

type Result<T> = std::result::Result<T, XliffError>;

/// Reads a whole XLIFF document.
pub fn read(text: &str) -> Result<Vec<ReadFile>> {
    let mut r = XmlReader {
        reader: Reader::from_str(text),
        text,
    };
    r.reader.config_mut().check_end_names = true;
    let mut files = Vec::new();
    let mut saw_root = false;
    loop {
        match r.next()? {
            Event::Start(e) | Event::Empty(e) if !saw_root => {
                saw_root = true;
                r.check_root(&e)?;
            }
            Event::Start(e) if local(&e) == "file" => files.push(r.file(&e)?),
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(r.error_here(
            "this file has no XLIFF in it",
            "import the .xlf file your translation tool saved",
        ));
    }
    Ok(files)
}

fn local(e: &BytesStart) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

struct XmlReader<'a> {
    reader: Reader<&'a [u8]>,
    text: &'a str,
}

impl<'a> XmlReader<'a> {
    fn next(&mut self) -> Result<Event<'a>> {
        self.reader.read_event().map_err(|e| {
            let at = self.reader.error_position() as usize;
            self.error_at(
                at,
                &format!("this is not well-formed XML: {e}"),
                "the file may have been cut short or edited by hand: save or export it again from your translation tool, then import that",
            )
        })
    }

    fn line_col(&self, at: usize) -> (usize, usize) {
        let at = at.min(self.text.len());
        let before = self.text.get(..at).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }

    fn line(&self) -> usize {
        self.line_col(self.reader.buffer_position() as usize).0
    }

    fn error_at(&self, at: usize, message: &str, help: &str) -> XliffError {
        let (line, column) = self.line_col(at);
        XliffError {
            line,
            column,
            message: message.to_owned(),
            help: help.to_owned(),
        }
    }

    fn error_here(&self, message: &str, help: &str) -> XliffError {
        self.error_at(self.reader.buffer_position() as usize, message, help)
    }

    fn attr(&self, e: &BytesStart, name: &str) -> Result<Option<String>> {
        for attr in e.attributes() {
            let attr = attr.map_err(|err| {
                self.error_here(
                    &format!("an attribute cannot be read: {err}"),
                    "save or export the file again from your translation tool",
                )
            })?;
            if attr.key.local_name().as_ref() == name.as_bytes() {
                let value = attr
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|err| {
                        self.error_here(
                            &format!("the `{name}` attribute cannot be read: {err}"),
                            "save or export the file again from your translation tool",
                        )
                    })?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    fn check_root(&self, e: &BytesStart) -> Result<()> {
        if local(e) != "xliff" {
            return Err(self.error_here(
                &format!("this is a <{}> file, not XLIFF", local(e)),
                "import the .xlf file your translation tool saved",
            ));
        }
        let version = self.attr(e, "version")?.unwrap_or_default();
        if version != "1.2" {
            return Err(self.error_here(
                &format!("this is XLIFF version `{version}`; Signpost reads XLIFF 1.2, the version it exports"),
                "in your translation tool, save the translation as XLIFF 1.2 (the file type Signpost gave you)",
            ));
        }
        Ok(())
    }

    fn file(&mut self, e: &BytesStart) -> Result<ReadFile> {
        let mut file = ReadFile {
            original: self.attr(e, "original")?,
            target_lang: self.attr(e, "target-language")?,
            source_hash: self.attr(e, "source-hash")?,
            source_reviewed: self.attr(e, "source-reviewed")?,
            line: self.line(),
            units: Vec::new(),
        };
        loop {
            match self.next()? {
                Event::Start(e) if local(&e) == "trans-unit" => {
                    let unit = self.unit(&e)?;
                    file.units.push(unit);
                }
                Event::Start(e) if local(&e) == "header" => self.skip(&e)?,
                Event::End(e) if e.local_name().as_ref() == b"file" => return Ok(file),
                Event::Eof => return Err(self.cut_short("file")),
                _ => {}
            }
        }
    }

    fn cut_short(&self, inside: &str) -> XliffError {
        self.error_here(
            &format!("the file ends inside a <{inside}>"),
            "the file was cut short: save or export it again from your translation tool",
        )
    }

    fn skip(&mut self, e: &BytesStart) -> Result<()> {
        let end = e.to_end().into_owned();
        self.reader.read_to_end(end.name()).map(|_| ()).map_err(|err| {
            self.error_at(
                self.reader.error_position() as usize,
                &format!("this is not well-formed XML: {err}"),
                "the file may have been cut short or edited by hand: save or export it again from your translation tool",
            )
        })
    }

    fn unit(&mut self, e: &BytesStart) -> Result<ReadUnit> {
        let mut unit = ReadUnit {
            id: self.attr(e, "id")?.unwrap_or_default(),
            line: self.line(),
            ..ReadUnit::default()
        };
        loop {
            match self.next()? {
                Event::Start(e) if local(&e) == "source" => {
                    unit.source = self.inline("source", &mut None)?;
                }
                Event::Start(e) if local(&e) == "target" => {
                    let mut problem = None;
                    let target = self.inline("target", &mut problem)?;
                    unit.problem = problem;
                    if !super::rebuild::plain_text(&target).trim().is_empty() {
                        unit.target = Some(target);
                    }
                }
                Event::Start(e) => self.skip(&e)?,
                Event::End(e) if e.local_name().as_ref() == b"trans-unit" => return Ok(unit),
                Event::Eof => return Err(self.cut_short("trans-unit")),
                _ => {}
            }
        }
    }

    /// The content of `<source>`, `<target>`, `<g>` or `<mrk>`, up to its end tag.
    fn inline(&mut self, element: &str, problem: &mut Option<String>) -> Result<Vec<Inline>> {
        let mut out: Vec<Inline> = Vec::new();
        loop {
            let event = self.next()?;
            match event {
                Event::Text(t) => push_text(&mut out, &String::from_utf8_lossy(&t)),
                Event::CData(t) => push_text(&mut out, &String::from_utf8_lossy(&t)),
                Event::GeneralRef(r) => {
                    let c = self.entity(&r)?;
                    push_text(&mut out, c.encode_utf8(&mut [0; 4]));
                }
                Event::Start(e) => match local(&e).as_str() {
                    "g" => {
                        let id = self.code_id(&e, problem)?;
                        let inner = self.inline("g", problem)?;
                        out.push(Inline::Paired(id, inner));
                    }
                    // Segment marks a tool adds: their text is the unit's text.
                    "mrk" => out.extend(self.inline("mrk", problem)?),
                    other => {
                        note(
                            problem,
                            format!("it has a <{other}> code, which Signpost did not write"),
                        );
                        self.skip(&e)?;
                    }
                },
                Event::Empty(e) => match local(&e).as_str() {
                    "x" => out.push(Inline::Standalone(self.code_id(&e, problem)?)),
                    "g" => out.push(Inline::Paired(self.code_id(&e, problem)?, Vec::new())),
                    "mrk" => {}
                    other => note(
                        problem,
                        format!("it has a <{other}/> code, which Signpost did not write"),
                    ),
                },
                Event::End(e) if e.local_name().as_ref() == element.as_bytes() => return Ok(out),
                Event::Eof => return Err(self.cut_short(element)),
                _ => {}
            }
        }
    }

    fn code_id(&self, e: &BytesStart, problem: &mut Option<String>) -> Result<usize> {
        let id = self.attr(e, "id")?.unwrap_or_default();
        Ok(id.parse().unwrap_or_else(|_| {
            note(
                problem,
                format!("it has a code with the id `{id}`, which Signpost did not write"),
            );
            0
        }))
    }

    fn entity(&self, r: &quick_xml::events::BytesRef) -> Result<char> {
        let fail = || {
            self.error_here(
                &format!(
                    "`&{};` is not a character XML knows",
                    String::from_utf8_lossy(r)
                ),
                "write the character itself, or one of &amp; &lt; &gt; &quot; &apos;",
            )
        };
        if let Ok(Some(c)) = r.resolve_char_ref() {
            return Ok(c);
        }
        let name: &[u8] = r.as_ref();
        match name {
            b"amp" => Ok('&'),
            b"lt" => Ok('<'),
            b"gt" => Ok('>'),
            b"quot" => Ok('"'),
            b"apos" => Ok('\''),
            _ => Err(fail()),
        }
    }
}

fn note(problem: &mut Option<String>, message: String) {
    problem.get_or_insert(message);
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if let Some(Inline::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Inline::Text(text.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::super::units::describe;
    use super::*;

    const DOC: &str = "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" xmlns:sp=\"urn:signpost:xliff:1\">\n<file original=\"content/a.md\" target-language=\"cy\" sp:source-hash=\"sha256:1\"><header/><body>\n<trans-unit id=\"1\"><source>See <g id=\"1\">help</g> &amp; <x id=\"2\"/></source><target><mrk mtype=\"seg\">Gweler <g id=\"1\">help</g> &#38; <x id=\"2\"/></mrk></target></trans-unit>\n<trans-unit id=\"2\"><source>Two</source><target><ph id=\"1\">x</ph>Dau</target></trans-unit>\n</body></file></xliff>\n";

    #[test]
    fn reads_files_units_and_codes() {
        let files = read(DOC).unwrap();
        assert_eq!(files.len(), 1);
        let file = &files[0];
        assert_eq!(file.original.as_deref(), Some("content/a.md"));
        assert_eq!(file.source_hash.as_deref(), Some("sha256:1"));
        assert_eq!(describe(&file.units[0].source), "See {1}help{/1} & {2}");
        assert_eq!(
            describe(file.units[0].target.as_ref().unwrap()),
            "Gweler {1}help{/1} & {2}"
        );
        assert!(file.units[1].problem.as_ref().unwrap().contains("<ph>"));
        assert_eq!(file.units[1].line, 5);
    }

    #[test]
    fn malformed_files_say_where() {
        let cut = &DOC[..DOC.find("</body>").unwrap()];
        let e = read(cut).unwrap_err();
        assert_eq!(e.message, "the file ends inside a <file>");
        let e = read(&DOC[..DOC.len() - 30]).unwrap_err();
        assert!(e.message.contains("not well-formed"), "{e:?}");
        assert_eq!(e.line, 5);
        let bad = DOC.replace("</g> &amp;", "</x> &amp;");
        let e = read(&bad).unwrap_err();
        assert_eq!(e.line, 4, "{e:?}");
        assert!(e.message.contains("not well-formed"));
        let e = read(&DOC.replace("&amp;", "&nbsp;")).unwrap_err();
        assert!(e.message.contains("&nbsp;"), "{e:?}");
        let e = read(&DOC.replace("version=\"1.2\"", "version=\"2.0\"")).unwrap_err();
        assert!(e.message.contains("XLIFF version `2.0`"), "{e:?}");
        assert!(read("").is_err());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, failure_persistence: None, ..Default::default() })]

        /// Any text, and any cut or splice of a good file, is read or
        /// refused with a line inside the file: never a panic.
        #[test]
        fn never_panics(junk in "[<>&;#x/=\"a-z0-9 \n!?\\[\\]-]{0,40}", at in 0usize..2000) {
            let at = at.min(DOC.len());
            let at = (0..=at).rev().find(|i| DOC.is_char_boundary(*i)).unwrap_or(0);
            for text in [junk.clone(), format!("{}{junk}{}", &DOC[..at], &DOC[at..]), DOC[..at].to_owned()] {
                if let Err(e) = read(&text) {
                    proptest::prop_assert!(e.line >= 1 && e.line <= text.lines().count().max(1) + 1, "{e:?}");
                }
            }
        }
    }
}
