//! Units of a ```` ```worksheet ```` block: headings, instructions,
//! questions, options and table column names are translated; the
//! `[marker]` at the end of a line, the `- ` before an option and the `|`
//! between columns are not (see `render::markdown::worksheet` for the syntax).
//!
//! Worksheet text is plain text (the renderer escapes it), so a unit here
//! has no codes. What a translation may not contain, because it would
//! change the worksheet's structure, is checked by [`problem`].

use std::ops::Range;

use super::units::{Unit, UnitKind};

/// Adds the units of a worksheet's lines (`Text` events with their ranges
/// in `body`) to `units`.
pub fn extract(body: &str, lines: &[(String, Range<usize>)], units: &mut Vec<Unit>) {
    for (text, range) in lines {
        // Only text that is the source's bytes can be replaced in place.
        if body.get(range.clone()) != Some(text.as_str()) {
            continue;
        }
        let mut offset = range.start;
        for line in text.split_inclusive('\n') {
            line_units(line, offset, units);
            offset += line.len();
        }
    }
}

/// The byte range in the body of `part`, a slice of `line` (which starts at `start`).
fn place(line: &str, start: usize, part: &str) -> Range<usize> {
    let at = start + (part.as_ptr() as usize - line.as_ptr() as usize);
    at..at + part.len()
}

fn line_units(raw: &str, start: usize, units: &mut Vec<Unit>) {
    let line = raw.trim();
    if line.is_empty() {
        return;
    }
    let mut add = |kind: UnitKind, part: &str, note: Option<String>| {
        if part.chars().any(char::is_alphanumeric) {
            let mut unit = Unit::plain(kind, part, place(raw, start, part));
            unit.note = note;
            units.push(unit);
        }
    };
    if let Some(option) = line.strip_prefix("- ") {
        add(UnitKind::WorksheetOption, option.trim(), None);
        return;
    }
    let hashes = line.chars().take_while(|c| *c == '#').count();
    if (2..=4).contains(&hashes)
        && let Some(text) = line[hashes..].strip_prefix(' ')
    {
        add(UnitKind::WorksheetHeading, text.trim(), None);
        return;
    }
    let Some((text, marker)) = split_marker(line) else {
        add(UnitKind::WorksheetInstruction, line, None);
        return;
    };
    let name = marker.trim().to_ascii_lowercase();
    if name.starts_with("table") {
        for column in text.split('|') {
            let note = Some("Column of a table to fill in".to_owned());
            add(UnitKind::WorksheetColumn, column.trim(), note);
        }
        return;
    }
    let note = Some(format!(
        "Worksheet question; the answer space [{}] is not translated",
        marker.trim()
    ));
    add(UnitKind::WorksheetQuestion, text.trim(), note);
    if name.starts_with("choose")
        && let Some((_, list)) = marker.split_once(':')
    {
        for option in list.split('/') {
            add(UnitKind::WorksheetChoice, option.trim(), None);
        }
    }
}

/// `"Question? [lines 3]"` -> `("Question? ", "lines 3")`, as the renderer splits it.
fn split_marker(line: &str) -> Option<(&str, &str)> {
    let body = line.strip_suffix(']')?;
    let open = body.rfind('[')?;
    Some((&body[..open], &body[open + 1..]))
}

/// Why a translated worksheet text cannot go in place of `kind`'s source
/// text, or `None` when it can.
pub fn problem(kind: UnitKind, text: &str) -> Option<&'static str> {
    if text.trim().is_empty() {
        return Some("it is empty");
    }
    if text.contains("```") {
        return Some("it contains ``` which would end the worksheet");
    }
    match kind {
        UnitKind::WorksheetColumn if text.contains('|') => {
            Some("it contains |, which separates the table's columns")
        }
        UnitKind::WorksheetChoice if text.contains(['/', '[', ']']) => {
            Some("it contains / [ or ], which would change the options of a [choose: …] question")
        }
        UnitKind::WorksheetInstruction | UnitKind::WorksheetHeading
            if text.trim_end().ends_with(']') =>
        {
            Some("it ends with ], which would make it a question with an answer space")
        }
        UnitKind::WorksheetInstruction if text.starts_with("- ") || text.starts_with('#') => {
            Some("it starts with - or #, which would make it an option or a heading")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::units::{describe, extract as units_of};
    use super::*;

    #[test]
    fn markers_stay_out_of_the_units() {
        let body = "```worksheet\n## Before\nThink first.\nWhere? [lines 3]\nHow? [choose: In person / By phone]\nWhich? [tick]\n- An advocate\nNeed | Who [table 2]\nDate [date]\n```\n";
        let found: Vec<(UnitKind, String, String)> = units_of(body, false)
            .into_iter()
            .map(|u| {
                let text = describe(&u.content);
                (u.kind, text, body[u.range].to_owned())
            })
            .collect();
        let expect = [
            (UnitKind::WorksheetHeading, "Before"),
            (UnitKind::WorksheetInstruction, "Think first."),
            (UnitKind::WorksheetQuestion, "Where?"),
            (UnitKind::WorksheetQuestion, "How?"),
            (UnitKind::WorksheetChoice, "In person"),
            (UnitKind::WorksheetChoice, "By phone"),
            (UnitKind::WorksheetQuestion, "Which?"),
            (UnitKind::WorksheetOption, "An advocate"),
            (UnitKind::WorksheetColumn, "Need"),
            (UnitKind::WorksheetColumn, "Who"),
            (UnitKind::WorksheetQuestion, "Date"),
        ];
        assert_eq!(found.len(), expect.len(), "{found:?}");
        for ((kind, text, source), (want_kind, want)) in found.iter().zip(expect) {
            assert_eq!(
                (kind, text.as_str(), source.as_str()),
                (&want_kind, want, want)
            );
        }
    }

    #[test]
    fn structure_breaking_translations_are_refused() {
        assert!(problem(UnitKind::WorksheetColumn, "A | B").is_some());
        assert!(problem(UnitKind::WorksheetChoice, "and/or").is_some());
        assert!(problem(UnitKind::WorksheetOption, "and/or").is_none());
        assert!(problem(UnitKind::WorksheetInstruction, "Note [x]").is_some());
        assert!(problem(UnitKind::WorksheetQuestion, "Ble? ").is_none());
    }
}
