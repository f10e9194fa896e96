//! Collects the words a reader reads, block by block, with their positions.
//!
//! Reading-level and plain-words checks work on rendered text, not Markdown
//! syntax: link targets, emphasis marks and code are not words a reader
//! reads. Each block (paragraph, heading, list item, table cell, definition)
//! keeps a map from its text back to byte offsets in the `.md` file, so a
//! long sentence is reported on its own line.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{PageState, Spanned};

/// One block of readable text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProseBlock {
    pub text: String,
    /// Byte ranges of `text` in bold: Easy Read marks hard words this way.
    pub strong: Vec<(usize, usize)>,
    /// Byte ranges of `text` in italics: in guidance these mark a word
    /// being talked about ("use _buy_, not _purchase_").
    pub emphasis: Vec<(usize, usize)>,
    /// Offsets in `text` where a link's text starts (a new phrase, like
    /// the start of a sentence).
    pub link_starts: Vec<usize>,
    /// True for a heading: its words are read, but it cannot explain a word.
    pub is_heading: bool,
    /// (offset in `text`, byte offset in the file) at the start of each piece.
    map: Vec<(usize, usize)>,
}

impl ProseBlock {
    /// A block of one piece of text starting at `file_offset`.
    pub fn single(text: &str, file_offset: usize) -> Self {
        ProseBlock {
            text: text.to_owned(),
            strong: Vec::new(),
            emphasis: Vec::new(),
            link_starts: Vec::new(),
            is_heading: false,
            map: vec![(0, file_offset)],
        }
    }

    /// Byte offset in the file of byte `offset` of `text`.
    pub fn file_offset(&self, offset: usize) -> usize {
        let i = self
            .map
            .partition_point(|(text_offset, _)| *text_offset <= offset);
        match i.checked_sub(1).and_then(|i| self.map.get(i)) {
            Some((text_offset, file_offset)) => file_offset + (offset - text_offset),
            None => self.map.first().map_or(0, |(_, f)| *f),
        }
    }
}

/// Reads the blocks out of the events without changing them.
pub fn collect(events: &[Spanned], state: &PageState) -> Vec<ProseBlock> {
    let mut blocks = Vec::new();
    let mut current = ProseBlock::default();
    let mut in_code_block = false;
    let mut strong_start = None;
    let mut emphasis_start = None;
    // Alt text is read by screen readers, not seen as a sentence of the page.
    let mut in_image = 0usize;
    let flush = |current: &mut ProseBlock, blocks: &mut Vec<ProseBlock>| {
        if !current.text.trim().is_empty() {
            blocks.push(std::mem::take(current));
        } else {
            *current = ProseBlock::default();
        }
    };
    for (event, range) in events {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut current, &mut blocks);
                current.is_heading = true;
            }
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::TableCell
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ) => flush(&mut current, &mut blocks),
            // Markup written by Signpost's own blocks ends any sentence.
            Event::Html(_) => flush(&mut current, &mut blocks),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(text) if !in_code_block && in_image == 0 => {
                current
                    .map
                    .push((current.text.len(), state.page.body_start + range.start));
                current.text.push_str(text);
            }
            Event::SoftBreak | Event::HardBreak => current.text.push(' '),
            Event::Start(Tag::Emphasis) => emphasis_start = Some(current.text.len()),
            Event::End(TagEnd::Emphasis) => {
                if let Some(start) = emphasis_start.take() {
                    current.emphasis.push((start, current.text.len()));
                }
            }
            Event::Start(Tag::Link { .. }) => current.link_starts.push(current.text.len()),
            Event::Start(Tag::Strong) => strong_start = Some(current.text.len()),
            Event::End(TagEnd::Strong) => {
                if let Some(start) = strong_start.take() {
                    current.strong.push((start, current.text.len()));
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    blocks
}
