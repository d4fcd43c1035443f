//! How a document is laid out for reading: blocks (paragraphs and subheadings) and, inside
//! each block, segments of text covered by the same annotations.
//!
//! [`blocks`] splits the text at line breaks (`\n`, `\r\n`, `\r`); line terminators belong to no
//! block. [`segments`] sweeps the annotations once in text order, so its cost grows with the
//! number of annotations and boundaries, not with text length times annotations.

use std::rc::Rc;

use super::annotation::{AnnotationId, LabelId};
use super::boundaries::{fits_width, is_sentence_end};
use super::text::Text;
use super::workspace::Workspace;

/// A line of the document longer than this, or ending in sentence punctuation, is a paragraph.
const HEADING_MAX_CHARS: usize = 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
}

/// A non-empty line of the document, `[start, end)` in code points, terminator excluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
}

/// The non-blank lines of `text` as blocks.
pub fn blocks(text: &Text) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut line_start = 0;
    let mut index = 0;
    let mut chars = text.as_str().chars().peekable();
    let mut push = |start: usize, end: usize| {
        let line = text.slice(start, end);
        if line.trim().is_empty() {
            return;
        }
        blocks.push(Block {
            start,
            end,
            kind: block_kind(line),
        });
    };
    while let Some(c) = chars.next() {
        let terminator = match c {
            '\n' => 1,
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                2
            }
            '\r' => 1,
            _ => 0,
        };
        if terminator > 0 {
            push(line_start, index);
            line_start = index + terminator;
        }
        index += if terminator > 0 { terminator } else { 1 };
    }
    push(line_start, index);
    // A text of one line is a paragraph, however short.
    if let [only] = blocks.as_mut_slice() {
        only.kind = BlockKind::Paragraph;
    }
    blocks
}

/// A short line (at most [`HEADING_MAX_CHARS`] narrow characters; a CJK character counts two)
/// without closing punctuation in any script reads as a subheading.
fn block_kind(line: &str) -> BlockKind {
    let line = line.trim();
    let closing = |c: char| {
        is_sentence_end(c)
            || matches!(
                c,
                ':' | ';'
                    | ','
                    | '"'
                    | '”'
                    | '’'
                    | ')'
                    | '»'
                    | '」'
                    | '』'
                    | '）'
                    | '、'
                    | '，'
                    | '：'
                    | '；'
                    | '،'
                    | '؛'
            )
    };
    let ends_sentence = line.chars().next_back().is_some_and(closing);
    if !ends_sentence && fits_width(line, HEADING_MAX_CHARS) {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

/// One annotation covering a segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layer {
    pub id: AnnotationId,
    pub label: LabelId,
    /// The attributed source's name, for tooltips and screen readers.
    pub source: Option<String>,
    /// True on the segment where the annotation begins (it carries the label badge).
    pub starts_here: bool,
}

/// A run of text inside one block covered by the same annotations, outermost layer first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub layers: Vec<Layer>,
}

/// The segments of every block, in block order. Blocks without annotations get one plain
/// segment. Segments are shared (`Rc`) so that unchanged blocks compare equal cheaply.
pub fn segments(workspace: &Workspace, blocks: &[Block]) -> Vec<Rc<[Segment]>> {
    segments_of(workspace, blocks, 0..blocks.len())
}

/// The segments of the blocks in `range` only (the ones on screen), found without sweeping
/// the whole document: annotations are in text order, so those that can touch the range start
/// at most the longest annotation's length before it.
pub fn segments_of(
    workspace: &Workspace,
    blocks: &[Block],
    range: std::ops::Range<usize>,
) -> Vec<Rc<[Segment]>> {
    let annotations = workspace.annotations();
    let range = range.start.min(blocks.len())..range.end.min(blocks.len());
    let Some(first) = blocks.get(range.start) else {
        return Vec::new();
    };
    let longest = annotations.iter().map(|a| a.span.len()).max().unwrap_or(0);
    let gap_start = range.start.checked_sub(1).map_or(0, |i| blocks[i].end);
    let reach = gap_start.min(first.start).saturating_sub(longest);
    let mut next = annotations.partition_point(|a| a.span.start() < reach);
    // Annotations that started before the current position and have not ended.
    let mut open: Vec<usize> = Vec::new();
    let mut result = Vec::with_capacity(range.len());
    let mut gap_start = gap_start;
    for block in &blocks[range] {
        open.retain(|&i| annotations[i].span.end() > block.start);
        while next < annotations.len() && annotations[next].span.start() < block.end {
            if annotations[next].span.end() > block.start {
                open.push(next);
            }
            next += 1;
        }
        result.push(block_segments(workspace, block, gap_start, &open).into());
        gap_start = block.end;
    }
    result
}

/// Splits one block at every boundary of the annotations in `open`. `gap_start` is where the
/// line break before the block begins: an annotation starting in that gap shows its badge at
/// the block's start.
fn block_segments(
    workspace: &Workspace,
    block: &Block,
    gap_start: usize,
    open: &[usize],
) -> Vec<Segment> {
    let annotations = workspace.annotations();
    let mut cuts: Vec<usize> = vec![block.start, block.end];
    for &i in open {
        let span = annotations[i].span;
        cuts.extend(
            [span.start(), span.end()]
                .into_iter()
                .filter(|&c| c > block.start && c < block.end),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut segments = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let layers = open
            .iter()
            .map(|&i| &annotations[i])
            .filter(|a| a.span.intersects_range(start, end))
            .map(|a| Layer {
                id: a.id.clone(),
                label: a.label.clone(),
                source: a.source().map(str::to_string),
                starts_here: a.span.start() == start
                    || (start == block.start
                        && a.span.start() >= gap_start
                        && a.span.start() < start),
            })
            .collect();
        segments.push(Segment { start, end, layers });
    }
    segments
}
