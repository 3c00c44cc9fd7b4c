//! The first pass: lines in order → items with their parents, numbering checked per
//! sequence.

use super::lines::{
    case_heading, is_heading_like, is_heading_style, item, part_label, CHUNK, LONG_PARAGRAPH,
};
use super::title::completes_heading;
use crate::ingest::numbering::{expected_marker, marker, next_ordinal_cue, Marker, Style};
use crate::ingest::sentences::sentence_ends;
use crate::model::{Item, ItemKind, Lang, Span};
use std::collections::BTreeMap;

/// Rank of the regulation styles: a part holds chapters, a chapter sections, a section
/// articles.
pub(super) fn regulation_rank(style: Style) -> Option<u8> {
    match style {
        Style::HanPart => Some(0),
        Style::HanChapter => Some(1),
        Style::HanSection => Some(2),
        Style::HanArticle => Some(3),
        _ => None,
    }
}

/// One numbered item still open for children.
#[derive(Clone, Copy, Debug)]
pub(super) struct Open {
    style: Style,
    /// The numbering sequence it belongs to (its own style, or that of the sibling it
    /// continues in a mixed-style translation).
    sequence: Style,
    number: u32,
    item: usize,
    heading_style: bool,
}

/// What the first pass knows about an item beyond the model.
#[derive(Clone, Copy, Default)]
pub(super) struct Extra {
    pub(super) numbered: bool,
    pub(super) style: Option<Style>,
    pub(super) heading_like: bool,
    /// A piece of a one-line enumeration ("First, … Second, …").
    pub(super) enumerated: bool,
}

/// Numbers are checked per sequence: cases form one, and numbered items one per style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Sequence {
    Cases,
    Numbered(Style),
}

pub(super) struct Builder<'a> {
    text: &'a str,
    lang: Lang,
    items: Vec<Item>,
    extra: Vec<Extra>,
    warnings: Vec<String>,
    stack: Vec<Open>,
    /// The open unnumbered heading, parent of what follows until the next heading.
    heading: Option<usize>,
    case: Option<usize>,
    /// The open case part, whose span grows with each body line.
    part: Option<usize>,
    /// A label line seen, its body not yet.
    pending_label: Option<String>,
    expect_subtitle: bool,
    /// Per numbering sequence: the last number and the parent it was seen under.
    last_number: BTreeMap<Sequence, (u32, Option<usize>)>,
    pub(super) line_no: usize,
}

impl<'a> Builder<'a> {
    pub(super) fn new(text: &'a str, lang: Lang) -> Builder<'a> {
        Builder {
            text,
            lang,
            items: Vec::new(),
            extra: Vec::new(),
            warnings: Vec::new(),
            stack: Vec::new(),
            heading: None,
            case: None,
            part: None,
            pending_label: None,
            expect_subtitle: false,
            last_number: BTreeMap::new(),
            line_no: 0,
        }
    }

    /// The items, what the first pass knows about each, and the numbering warnings.
    pub(super) fn finish(self) -> (Vec<Item>, Vec<Extra>, Vec<String>) {
        (self.items, self.extra, self.warnings)
    }

    fn push(&mut self, it: Item, extra: Extra) -> usize {
        // Any other item closes the open case part: parts only grow over adjacent lines.
        if it.kind != ItemKind::CasePart {
            self.part = None;
        }
        self.items.push(it);
        self.extra.push(extra);
        self.items.len() - 1
    }

    /// The innermost open container: numbered item, case or unnumbered heading.
    fn container(&self) -> Option<usize> {
        let numbered = self.stack.last().map(|o| o.item);
        [numbered, self.case, self.heading]
            .into_iter()
            .flatten()
            .max()
    }

    fn check_numbering(
        &mut self,
        sequence: Sequence,
        number: u32,
        label: &str,
        parent: Option<usize>,
    ) {
        let previous = self.last_number.insert(sequence, (number, parent));
        let where_ = format!("line {}", self.line_no);
        let message = match previous {
            None if number != 1 => Some(format!("numbering {label} starts at {number} ({where_})")),
            None => None,
            Some((last, _)) if number == last + 1 => None,
            Some((_, before)) if number == 1 && before != parent => None,
            Some((last, _)) if number == 1 => Some(format!(
                "numbering restarts at {label} after {last} ({where_})"
            )),
            Some((last, _)) if number > last + 1 => {
                let missing = if number == last + 2 {
                    format!("{} missing", last + 1)
                } else {
                    format!("{}–{} missing", last + 1, number - 1)
                };
                Some(format!(
                    "numbering jumps from {last} to {number} ({where_}): {missing}"
                ))
            }
            Some((last, _)) => Some(format!(
                "numbering goes back from {last} to {number} ({where_})"
            )),
        };
        self.warnings.extend(message);
    }

    fn end_case(&mut self) {
        self.case = None;
        self.part = None;
        self.pending_label = None;
        self.expect_subtitle = false;
    }

    /// The marker a line starts with, including digits that begin the item's own text
    /// where the numbering expects that number next ("11.121人才…" after 10).
    fn marker_of(&self, line: &str) -> Option<Marker> {
        marker(line).or_else(|| {
            let open = self.stack.iter().rev().find(|o| o.style == Style::Arabic)?;
            expected_marker(line, open.number + 1)
        })
    }

    /// Places a numbered line in the tree.
    fn numbered(&mut self, span: Span, m: &Marker) {
        let line = &self.text[span.start()..span.end()];
        let heading_like = is_heading_like(line, self.lang);
        // An article owns the paragraphs (款) that follow it, however long its first one.
        let heading_style = is_heading_style(line, self.lang) || m.style == Style::HanArticle;
        let mut sequence = m.style;
        if let Some(rank) = regulation_rank(m.style) {
            // A chapter closes the articles and sections of the one before.
            if let Some(p) = self
                .stack
                .iter()
                .position(|o| regulation_rank(o.style).is_some_and(|r| r >= rank))
            {
                self.stack.truncate(p);
            }
        } else if let Some(p) = self.stack.iter().rposition(|o| o.style == m.style) {
            self.stack.truncate(p);
        } else if self.lang == Lang::En && heading_like {
            // "1. Background" … "Ii. Main contents": siblings in a translation's mixed styles.
            if let Some(p) = self
                .stack
                .iter()
                .rposition(|o| o.heading_style && o.number + 1 == m.number)
            {
                sequence = self.stack[p].sequence;
                self.stack.truncate(p);
            }
        }
        if self.stack.is_empty() && heading_like {
            self.end_case();
        }
        let parent = self.container();
        self.check_numbering(Sequence::Numbered(sequence), m.number, &m.label, parent);
        let mut it = item(ItemKind::Measure, span, parent);
        it.number = Some(m.number);
        it.label = Some(m.label.clone());
        let index = self.push(
            it,
            Extra {
                numbered: true,
                style: Some(m.style),
                heading_like,
                enumerated: false,
            },
        );
        self.stack.push(Open {
            style: m.style,
            sequence,
            number: m.number,
            item: index,
            heading_style,
        });
    }

    pub(super) fn line(&mut self, span: Span) {
        let line = &self.text[span.start()..span.end()];
        // Only the line right after a case heading can be its subtitle.
        let subtitle_expected = std::mem::take(&mut self.expect_subtitle);
        if let Some((number, label)) = case_heading(line) {
            self.end_case();
            let parent = self.container();
            self.check_numbering(Sequence::Cases, number, &label, None);
            let mut it = item(ItemKind::Case, span, parent);
            it.number = Some(number);
            it.label = Some(label);
            self.case = Some(self.push(it, Extra::default()));
            self.expect_subtitle = true;
            return;
        }
        if let Some(case) = self.case {
            if let Some((label, body)) = part_label(line) {
                self.part = None;
                if body < line.len() {
                    let s = Span(span.0 + body as u32, span.1);
                    let mut it = item(ItemKind::CasePart, s, Some(case));
                    it.label = Some(label);
                    self.part = Some(self.push(it, Extra::default()));
                } else {
                    self.pending_label = Some(label);
                }
                return;
            }
            if subtitle_expected && line.chars().count() <= 200 {
                self.items[case].span.1 = span.1;
                return;
            }
            if let Some(label) = self.pending_label.take() {
                let mut it = item(ItemKind::CasePart, span, Some(case));
                it.label = Some(label);
                self.part = Some(self.push(it, Extra::default()));
                return;
            }
            if let Some(part) = self.part {
                self.items[part].span.1 = span.1;
                return;
            }
        }
        let heading = is_heading_like(line, self.lang);
        match self.marker_of(line) {
            Some(m) if m.style == Style::Ordinal && !heading => self.enumeration(span),
            Some(m) => self.numbered(span, &m),
            None if heading && self.completes_last_heading(line) => {
                let last = self.items.len() - 1;
                self.items[last].span.1 = span.1;
            }
            None if heading => {
                self.end_case();
                self.stack.clear();
                let it = item(ItemKind::Section, span, None);
                self.heading = Some(self.push(
                    it,
                    Extra {
                        heading_like: true,
                        ..Extra::default()
                    },
                ));
            }
            None => self.paragraph(span),
        }
    }

    /// The line continues the unnumbered heading just pushed (see `completes_heading`).
    fn completes_last_heading(&self, line: &str) -> bool {
        let Some(last) = self.heading.filter(|&h| h + 1 == self.items.len()) else {
            return false;
        };
        let above = &self.text[self.items[last].span.start()..self.items[last].span.end()];
        !above.contains('\n') && completes_heading(above, line, self.lang)
    }

    /// "First, … The second is … Third, …" in one line: one measure per point.
    fn enumeration(&mut self, span: Span) {
        let line = &self.text[span.start()..span.end()];
        let mut starts = vec![0usize];
        while let Some(next) =
            next_ordinal_cue(line, *starts.last().unwrap() + 1, starts.len() as u32 + 1)
        {
            starts.push(next);
        }
        let parent = self.container();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(line.len());
            let piece = &line[start..end];
            let trimmed = piece.trim_end();
            let label = marker(piece).map(|m| m.label).unwrap_or_else(|| {
                piece
                    .split([',', '，', ' '])
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            let mut it = item(
                ItemKind::Measure,
                Span(
                    span.0 + start as u32,
                    span.0 + (start + trimmed.len()) as u32,
                ),
                parent,
            );
            it.number = Some(k as u32 + 1);
            it.label = Some(label);
            self.push(
                it,
                Extra {
                    numbered: true,
                    style: Some(Style::Ordinal),
                    enumerated: true,
                    ..Extra::default()
                },
            );
        }
    }

    /// A paragraph belongs to the innermost open item: a measure takes it in later.
    fn paragraph(&mut self, span: Span) {
        let parent = self.container();
        let line = &self.text[span.start()..span.end()];
        if line.chars().count() <= LONG_PARAGRAPH {
            self.push(item(ItemKind::Paragraph, span, parent), Extra::default());
            return;
        }
        let mut start = 0;
        let mut chars_since = 0;
        let mut last = 0;
        for end in sentence_ends(line) {
            chars_since += line[last..end].chars().count();
            last = end;
            if chars_since >= CHUNK && line[end..].chars().count() >= CHUNK / 2 {
                let piece = line[start..end].trim_end();
                self.push(
                    item(
                        ItemKind::Paragraph,
                        Span(span.0 + start as u32, span.0 + (start + piece.len()) as u32),
                        parent,
                    ),
                    Extra::default(),
                );
                start = end + (line[end..].len() - line[end..].trim_start().len());
                chars_since = 0;
            }
        }
        self.push(
            item(
                ItemKind::Paragraph,
                Span(span.0 + start as u32, span.1),
                parent,
            ),
            Extra::default(),
        );
    }

    pub(super) fn table(&mut self, span: Span) {
        let parent = self.container();
        self.expect_subtitle = false;
        self.push(item(ItemKind::Table, span, parent), Extra::default());
    }

    /// Chrome, meta and title lines: outside the tree, and nothing grows over them.
    pub(super) fn plain(&mut self, kind: ItemKind, span: Span) {
        self.expect_subtitle = false;
        self.push(item(kind, span, None), Extra::default());
    }
}
