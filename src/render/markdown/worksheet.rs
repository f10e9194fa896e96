//! ```` ```worksheet ```` blocks: questions that become labelled form fields
//! on screen and ruled answer space on paper.
//!
//! The syntax is one line per item, readable as plain text in any editor:
//!
//! ```text
//! ## Before your review                          a heading
//! Think about these before the meeting.          instructions
//! Where would you like to meet? [lines 3]        answer space of 3 lines
//! Do you have a copy of your plan? [yes/no/not sure]
//! How would you like to take part? [choose: In person / By phone / Online]
//! What would help? [tick]                         tick boxes, options below
//! - An advocate
//! - A friend with me
//! Need | What would help | Who | By when [table 4]
//! Your name [text]
//! Date [date]
//! Signed [signature]
//! ```
//!
//! Nothing a reader types leaves the browser: there is no `<form>`, so
//! nothing can be submitted, and nothing is stored. Every control has a
//! label; groups are fieldsets with legends.

use crate::render::i18n::Words;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::{PageState, ProseBlock, Spanned};
use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::text::escape::escape_html;

const MARKERS: &[&str] = &[
    "lines",
    "yes/no",
    "yes/no/not sure",
    "choose",
    "tick",
    "table",
    "text",
    "date",
    "signature",
];
const MAX_LINES: usize = 20;
const MAX_ROWS: usize = 20;

/// One item of a worksheet, parsed.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Heading {
        level: u8,
        text: String,
    },
    Instruction(String),
    Lines {
        question: String,
        lines: usize,
    },
    Choice {
        question: String,
        options: Vec<String>,
        multiple: bool,
    },
    Table {
        columns: Vec<String>,
        rows: usize,
    },
    Text(String),
    Date(String),
    Signature(String),
}

/// A parsed item with the line it came from (0-based within the block).
type Located = (Item, usize);

pub fn expand<'a>(events: Vec<Spanned<'a>>, state: &mut PageState) -> Vec<Spanned<'a>> {
    let mut count = 0;
    super::expand_fenced(events, "worksheet", state, |body, range, state, out| {
        count += 1;
        state.worksheets = count;
        // The block's text starts on the line after the opening fence.
        let body_line = state.position(&range).0 + 1;
        match parse(body) {
            Ok(mut items) => {
                localize(&mut items, &state.words);
                render(&items, count, body_line, &range, state, out)
            }
            Err(problems) => {
                for (line, message, help) in problems {
                    let d = Diagnostic::error("worksheet-syntax", message)
                        .in_file(state.page.file())
                        .at_source(&state.page.text, body_line + line, 1)
                        .help(help);
                    state.diagnostics.push(d);
                }
            }
        }
    })
}

type Problem = (usize, String, String);

/// The labels Signpost itself supplies ("Yes", "No", "Not sure", "Date",
/// "Signed"), in the page's language.
fn localize(items: &mut [Located], words: &Words) {
    let english = ["Yes", "No", "Not sure"];
    for (item, _) in items.iter_mut() {
        match item {
            Item::Choice { options, .. }
                if (2..=3).contains(&options.len())
                    && options.iter().zip(english).all(|(o, e)| o == e) =>
            {
                let keys = ["worksheet.yes", "worksheet.no", "worksheet.not_sure"];
                for (option, key) in options.iter_mut().zip(keys) {
                    *option = words.get(key).to_owned();
                }
            }
            Item::Date(label) if label == "Date" => *label = words.get("worksheet.date").to_owned(),
            Item::Signature(label) if label == "Signed" => {
                *label = words.get("worksheet.signed").to_owned();
            }
            _ => {}
        }
    }
}

fn parse(body: &str) -> Result<Vec<Located>, Vec<Problem>> {
    let mut items: Vec<Located> = Vec::new();
    let mut problems = Vec::new();
    for (n, raw) in body.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(option) = line.strip_prefix("- ") {
            match items.last_mut() {
                Some((Item::Choice { options, .. }, _)) => options.push(option.trim().to_owned()),
                _ => problems.push((
                    n,
                    "this option is not under a question".to_owned(),
                    "put options straight after a question that ends with [tick] or [choose]"
                        .to_owned(),
                )),
            }
            continue;
        }
        if let Some(heading) = parse_heading(line) {
            items.push((heading, n));
            continue;
        }
        match split_marker(line) {
            None => items.push((Item::Instruction(line.to_owned()), n)),
            Some((text, marker)) => match parse_item(text, marker) {
                Ok(item) => items.push((item, n)),
                Err((message, help)) => problems.push((n, message, help)),
            },
        }
    }
    for (item, n) in &items {
        if let Item::Choice {
            options, question, ..
        } = item
            && options.is_empty()
        {
            problems.push((
                *n,
                format!("the question \"{question}\" has no options"),
                "list the options under it, one a line, each starting with `- `".to_owned(),
            ));
        }
    }
    if items.is_empty() {
        problems.push((
            0,
            "this worksheet is empty".to_owned(),
            "write at least one question".to_owned(),
        ));
    }
    if problems.is_empty() {
        Ok(items)
    } else {
        Err(problems)
    }
}

fn parse_heading(line: &str) -> Option<Item> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    let text = line[hashes..].strip_prefix(' ')?;
    (2..=4).contains(&hashes).then(|| Item::Heading {
        level: hashes as u8,
        text: text.trim().to_owned(),
    })
}

/// `"Question? [lines 3]"` -> `("Question?", "lines 3")`.
fn split_marker(line: &str) -> Option<(&str, &str)> {
    let body = line.strip_suffix(']')?;
    let open = body.rfind('[')?;
    Some((body[..open].trim(), body[open + 1..].trim()))
}

fn parse_item(text: &str, marker: &str) -> Result<Item, (String, String)> {
    let question = text.to_owned();
    let need_text = |what: &str| {
        if text.is_empty() {
            Err((
                format!("the [{what}] has no question before it"),
                format!("write the question or label before [{what}]"),
            ))
        } else {
            Ok(())
        }
    };
    let lower = marker.to_ascii_lowercase();
    let (name, argument) = match lower.split_once([' ', ':']) {
        Some((name, arg)) => (name.trim(), arg.trim()),
        None => (lower.as_str(), ""),
    };
    match name {
        "lines" => {
            need_text("lines")?;
            let lines = count_or_three(argument, "lines", MAX_LINES)?;
            Ok(Item::Lines { question, lines })
        }
        "yes/no" | "yes/no/not" if argument.is_empty() || argument == "sure" => {
            need_text(marker)?;
            let mut options = vec!["Yes".to_owned(), "No".to_owned()];
            if lower == "yes/no/not sure" {
                options.push("Not sure".to_owned());
            }
            Ok(Item::Choice {
                question,
                options,
                multiple: false,
            })
        }
        "choose" => {
            need_text("choose")?;
            // Options may also follow as `- ` lines.
            Ok(Item::Choice {
                question,
                options: inline_options(marker),
                multiple: false,
            })
        }
        "tick" => {
            need_text("tick")?;
            Ok(Item::Choice {
                question,
                options: Vec::new(),
                multiple: true,
            })
        }
        "table" => parse_table(text, argument),
        "text" => need_text("text").map(|()| Item::Text(question)),
        "date" => Ok(Item::Date(if text.is_empty() {
            "Date".to_owned()
        } else {
            question
        })),
        "signature" => Ok(Item::Signature(if text.is_empty() {
            "Signed".to_owned()
        } else {
            question
        })),
        _ => Err(unknown_marker(name, marker)),
    }
}

/// The options written inside the marker, keeping the author's case:
/// `[choose: In person / By phone]` -> `["In person", "By phone"]`.
fn inline_options(marker: &str) -> Vec<String> {
    marker
        .split_once(':')
        .map(|(_, list)| {
            list.split('/')
                .map(|o| o.trim().to_owned())
                .filter(|o| !o.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// `Need | Who | By when [table 4]`: the column names come from the text
/// before the marker, which for other markers is the question.
fn parse_table(text: &str, argument: &str) -> Result<Item, (String, String)> {
    let columns: Vec<String> = text
        .split('|')
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
        .collect();
    if columns.len() < 2 {
        return Err((
            "a [table] needs at least two column names before it, separated by |".to_owned(),
            "write it like: Need | Who will help | By when [table 4]".to_owned(),
        ));
    }
    let rows = count_or_three(argument, "table", MAX_ROWS)?;
    Ok(Item::Table { columns, rows })
}

/// The count after `[lines N]` or `[table N]`; three when none is given.
fn count_or_three(argument: &str, what: &str, max: usize) -> Result<usize, (String, String)> {
    if argument.is_empty() {
        Ok(3)
    } else {
        parse_count(argument, what, max)
    }
}

/// The error for a marker that is not a kind of answer, with the nearest
/// kind when one is close and the whole list, so a typo is easy to fix.
fn unknown_marker(name: &str, marker: &str) -> (String, String) {
    let near = did_you_mean(name, MARKERS.iter().copied())
        .map(|n| format!("did you mean [{n}]? "))
        .unwrap_or_default();
    (
        format!("[{marker}] is not a kind of answer"),
        format!(
            "{near}use one of: [lines N], [yes/no], [yes/no/not sure], [choose: A / B], [tick], [table N], [text], [date], [signature]"
        ),
    )
}

fn parse_count(text: &str, what: &str, max: usize) -> Result<usize, (String, String)> {
    match text.parse::<usize>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err((
            format!("[{what} {text}] needs a whole number from 1 to {max}"),
            format!("write it like [{what} 3]"),
        )),
    }
}

fn render<'a>(
    items: &[Located],
    number: usize,
    body_line: usize,
    range: &std::ops::Range<usize>,
    state: &mut PageState,
    out: &mut Vec<Spanned<'a>>,
) {
    let page = state.page;
    out.push((
        Event::Html(CowStr::from(opening_html(
            page.title(),
            number,
            &state.words,
        ))),
        range.clone(),
    ));
    let mut labels: Vec<ProseBlock> = Vec::new();
    let mut tables = TableNames {
        heading: None,
        used: Vec::new(),
        words: state.words.clone(),
    };
    for (q, (item, line)) in items.iter().enumerate() {
        tables.note(item);
        let id = match state.chapter() {
            Some(chapter) => format!("{chapter}--ws{number}-q{}", q + 1),
            None => format!("ws{number}-q{}", q + 1),
        };
        let text_offset = line_offset(&page.text, body_line + line);
        for text in label_texts(item) {
            labels.push(ProseBlock::single(
                text,
                text_offset + text_start(&page.text, text_offset, text),
            ));
        }
        let here = line_range(text_offset, page.body_start);
        render_item(item, &id, here, range, &mut tables, out);
    }
    out.push((Event::Html(CowStr::from("</section>")), range.clone()));
    state.extra_prose.extend(labels);
}

/// The `<section>` that opens worksheet `number` of the page titled
/// `title`. A page may split its worksheet into several blocks (easy read
/// puts a picture row before each group): the privacy note is said once,
/// in the first, and each block's landmark gets a name of its own.
fn opening_html(title: &str, number: usize, words: &Words) -> String {
    let (label, note) = if number == 1 {
        (
            words.fill("worksheet.label", &[("title", title)]),
            format!(
                "<p class=\"ws-privacy\">{}</p>",
                escape_html(words.get("worksheet.privacy"))
            ),
        )
    } else {
        (
            words.fill(
                "worksheet.label_part",
                &[("title", title), ("number", &number.to_string())],
            ),
            String::new(),
        )
    };
    format!(
        "<section class=\"worksheet\" aria-label=\"{}\">{note}",
        escape_html(&label),
    )
}

/// The texts of an item that readers see as labels: they are prose like
/// any other, so the page's word and reading checks look at them too.
/// Headings and instructions become prose through their own events; date
/// and signature labels are not checked (they default to "Date" and
/// "Signed").
fn label_texts(item: &Item) -> Vec<&str> {
    match item {
        Item::Lines { question, .. } | Item::Choice { question, .. } => vec![question.as_str()],
        Item::Table { columns, .. } => columns.iter().map(String::as_str).collect(),
        Item::Text(label) => vec![label.as_str()],
        Item::Heading { .. } | Item::Instruction(_) | Item::Date(_) | Item::Signature(_) => {
            Vec::new()
        }
    }
}

/// One item as events: headings and instructions as ordinary Markdown
/// events at their own line (`here`), so heading ids, the outline and the
/// checks treat them like the rest of the page; answer spaces as HTML at
/// the block (`range`), with `id` naming the field.
fn render_item<'a>(
    item: &Item,
    id: &str,
    here: std::ops::Range<usize>,
    range: &std::ops::Range<usize>,
    tables: &mut TableNames,
    out: &mut Vec<Spanned<'a>>,
) {
    let html = |s: String| (Event::Html(CowStr::from(s)), range.clone());
    match item {
        Item::Heading { level, text } => {
            let level = HeadingLevel::try_from(usize::from(*level)).unwrap_or(HeadingLevel::H2);
            out.push((
                Event::Start(Tag::Heading {
                    level,
                    id: None,
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }),
                here.clone(),
            ));
            out.push((Event::Text(CowStr::from(text.clone())), here.clone()));
            out.push((Event::End(TagEnd::Heading(level)), here));
        }
        Item::Instruction(text) => {
            out.push((Event::Start(Tag::Paragraph), here.clone()));
            out.push((Event::Text(CowStr::from(text.clone())), here.clone()));
            out.push((Event::End(TagEnd::Paragraph), here));
        }
        Item::Lines { question, lines } => out.push(html(lines_html(id, question, *lines))),
        Item::Choice {
            question,
            options,
            multiple,
        } => out.push(html(choice_html(id, question, options, *multiple))),
        Item::Table { columns, rows } => {
            let region = tables.name(columns);
            let words = tables.words.clone();
            out.push(html(table_html(id, &region, columns, *rows, &words)));
        }
        Item::Text(label) => out.push(html(single_input(id, label, "text", "ws-text"))),
        // A text field rather than `type=date`: it prints blank when
        // empty (a date field prints the browser's "mm/dd/yyyy"), and
        // takes a date in the reader's own way of writing it.
        Item::Date(label) => out.push(html(single_input(id, label, "text", "ws-date"))),
        Item::Signature(label) => out.push(html(single_input(id, label, "text", "ws-signature"))),
    }
}

/// A question with ruled answer space: a textarea over printed rules.
fn lines_html(id: &str, question: &str, lines: usize) -> String {
    // The rules are borders, not a background, so they print.
    let rules = "<span class=\"ws-rule\"></span>".repeat(lines);
    format!(
        "<div class=\"ws-q ws-lines\"><label for=\"{id}\">{q}</label><div class=\"ws-ruled\"><span class=\"ws-rules\" aria-hidden=\"true\">{rules}</span><textarea id=\"{id}\" name=\"{id}\" rows=\"{lines}\" autocomplete=\"off\"></textarea></div></div>",
        q = escape_html(question)
    )
}

/// A question with options: a fieldset whose legend is the question, with
/// radio buttons (one answer) or tick boxes (`multiple`).
fn choice_html(id: &str, question: &str, options: &[String], multiple: bool) -> String {
    let kind = if multiple { "checkbox" } else { "radio" };
    let mut s = format!(
        "<fieldset class=\"ws-q ws-choice\"><legend>{}</legend>",
        escape_html(question)
    );
    for (o, option) in options.iter().enumerate() {
        s.push_str(&format!(
            "<div class=\"ws-option\"><input type=\"{kind}\" id=\"{id}-{n}\" name=\"{id}\" value=\"{v}\"><label for=\"{id}-{n}\">{v}</label></div>",
            n = o + 1,
            v = escape_html(option)
        ));
    }
    s.push_str("</fieldset>");
    s
}

/// A table to fill in: a named, scrollable region with a header row and
/// `rows` rows of cells, each cell labelled with its column and row.
/// Names for a worksheet's tables, each a labelled region. A name carries
/// the heading above the table, so three tables with the same columns
/// under "Early", "Middle" and "Late" are three different landmarks to a
/// screen reader; a name used twice anyway gets a number.
struct TableNames {
    heading: Option<String>,
    used: Vec<String>,
    words: std::sync::Arc<Words>,
}

impl TableNames {
    /// Remembers the latest heading.
    fn note(&mut self, item: &Item) {
        if let Item::Heading { text, .. } = item {
            self.heading = Some(text.clone());
        }
    }

    /// The escaped region name for a table with `columns`.
    fn name(&mut self, columns: &[String]) -> String {
        let names = columns.join(", ");
        let name = escape_html(&match &self.heading {
            Some(heading) => self.words.fill(
                "worksheet.table_heading",
                &[("heading", heading), ("columns", &names)],
            ),
            None => self.words.fill("worksheet.table", &[("columns", &names)]),
        });
        let repeats = self.used.iter().filter(|n| **n == name).count();
        self.used.push(name.clone());
        if repeats > 0 {
            format!("{name} ({})", repeats + 1)
        } else {
            name
        }
    }
}

fn table_html(id: &str, region: &str, columns: &[String], rows: usize, words: &Words) -> String {
    let names = columns.iter().map(|c| escape_html(c)).collect::<Vec<_>>();
    let mut s = format!(
        "<div class=\"ws-q ws-table-wrap table-wrap\" role=\"region\" aria-label=\"{region}\" tabindex=\"0\"><table class=\"ws-table\"><thead><tr>"
    );
    for name in &names {
        s.push_str(&format!("<th scope=\"col\">{name}</th>"));
    }
    s.push_str("</tr></thead><tbody>");
    for row in 1..=rows {
        s.push_str("<tr>");
        for (c, column) in columns.iter().enumerate() {
            let label = escape_html(&words.fill(
                "worksheet.cell",
                &[("column", column), ("row", &row.to_string())],
            ));
            s.push_str(&format!(
                "<td><textarea id=\"{id}-r{row}c{col}\" name=\"{id}-r{row}c{col}\" rows=\"2\" aria-label=\"{label}\" autocomplete=\"off\"></textarea></td>",
                col = c + 1
            ));
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table></div>");
    s
}

fn single_input(id: &str, label: &str, kind: &str, class: &str) -> String {
    format!(
        "<div class=\"ws-q {class}\"><label for=\"{id}\">{}</label><input type=\"{kind}\" id=\"{id}\" name=\"{id}\" autocomplete=\"off\"></div>",
        escape_html(label)
    )
}

/// Byte offset in `text` where 1-based `line` starts.
fn line_offset(text: &str, line: usize) -> usize {
    text.split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum()
}

/// Where `needle` starts within the line at `offset` (0 if not found).
fn text_start(text: &str, offset: usize, needle: &str) -> usize {
    let line_end = text[offset..].find('\n').map_or(text.len(), |e| offset + e);
    text[offset..line_end].find(needle).unwrap_or(0)
}

/// A body-relative range pointing at the start of the line at file `offset`,
/// so headings and instructions from a worksheet report their own line.
fn line_range(offset: usize, body_start: usize) -> std::ops::Range<usize> {
    let start = offset.saturating_sub(body_start);
    start..start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_item() {
        let items = parse(
            "## Before\nThink first.\nWhere? [lines 2]\nCopy? [yes/no/not sure]\nHow? [choose: In person / By phone]\nHelp? [tick]\n- An advocate\n- A friend\nNeed | Who [table 2]\nName [text]\n[date]\n[signature]\n",
        )
        .unwrap();
        let kinds: Vec<&Item> = items.iter().map(|(i, _)| i).collect();
        assert_eq!(
            kinds[0],
            &Item::Heading {
                level: 2,
                text: "Before".into()
            }
        );
        assert_eq!(kinds[1], &Item::Instruction("Think first.".into()));
        assert_eq!(
            kinds[2],
            &Item::Lines {
                question: "Where?".into(),
                lines: 2
            }
        );
        assert_eq!(
            kinds[3],
            &Item::Choice {
                question: "Copy?".into(),
                options: vec!["Yes".into(), "No".into(), "Not sure".into()],
                multiple: false
            }
        );
        assert_eq!(
            kinds[4],
            &Item::Choice {
                question: "How?".into(),
                options: vec!["In person".into(), "By phone".into()],
                multiple: false
            }
        );
        assert_eq!(
            kinds[5],
            &Item::Choice {
                question: "Help?".into(),
                options: vec!["An advocate".into(), "A friend".into()],
                multiple: true
            }
        );
        assert_eq!(
            kinds[6],
            &Item::Table {
                columns: vec!["Need".into(), "Who".into()],
                rows: 2
            }
        );
        assert_eq!(kinds[7], &Item::Text("Name".into()));
        assert_eq!(kinds[8], &Item::Date("Date".into()));
        assert_eq!(kinds[9], &Item::Signature("Signed".into()));
    }

    #[test]
    fn errors_name_the_line_and_the_fix() {
        let problems =
            parse("Fine [lines 2]\nOops [lnes 3]\nHelp? [tick]\n- stray?\n").unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].0, 1);
        assert_eq!(problems[0].1, "[lnes 3] is not a kind of answer");
        assert!(problems[0].2.starts_with("did you mean [lines]?"));
        let problems =
            parse("- orphan option\nEmpty? [tick]\nMany [lines 99]\nA [table]\n").unwrap_err();
        let lines: Vec<usize> = problems.iter().map(|p| p.0).collect();
        assert_eq!(lines, [0, 2, 3, 1]);
    }
}
