//! Lines → items: title, meta lines, sections, numbered measures, cases with their labelled
//! parts, paragraphs, boilerplate. Every item keeps the exact span of its text; long
//! run-on paragraphs are split at sentence ends so that results and the reader stay legible.
//! Numbering gaps and restarts are reported as warnings, never "fixed".
//!
//! Cost: one pass over the lines; splitting enumerations and long paragraphs is linear in
//! their length.

use super::boilerplate::is_boilerplate;
use super::document::line_spans;
use super::metadata::is_meta_line;
use super::numbering::{marker, next_ordinal_cue, Marker, Style};
use super::sentences::sentence_ends;
use crate::model::{Item, ItemKind, Lang, Span};
use std::collections::BTreeMap;

/// Paragraphs longer than this (in chars) are split at sentence ends …
pub(crate) const LONG_PARAGRAPH: usize = 900;
/// … into chunks of at least this many chars.
const CHUNK: usize = 350;

pub struct Structure {
    pub items: Vec<Item>,
    pub warnings: Vec<String>,
}

fn item(kind: ItemKind, span: Span, parent: Option<usize>) -> Item {
    Item {
        kind,
        span,
        number: None,
        label: None,
        parent: parent.map(|p| p as u32),
        annotations: Vec::new(),
        agencies: Vec::new(),
        regions: Vec::new(),
        topics: Vec::new(),
    }
}

fn ends_with_punctuation(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '’', '\'', ')', '）'])
        .ends_with([
            '.', '。', ';', '；', '!', '?', '！', '？', ':', '：', ',', '，', '、',
        ])
}

/// A short line without closing punctuation reads as a heading.
fn is_heading_like(line: &str, lang: Lang) -> bool {
    if ends_with_punctuation(line) {
        return false;
    }
    match lang {
        Lang::En => {
            let words = line.split_whitespace().count();
            line.len() <= 80
                && (1..=12).contains(&words)
                && line.starts_with(|c: char| !c.is_lowercase())
        }
        Lang::Zh => line.chars().count() <= 30 && !line.contains(['，', ',', '。']),
    }
}

/// "Case 3: …" / "案例三：…"; returns the number and the label ("Case 3").
fn case_heading(line: &str) -> Option<(u32, String)> {
    let (prefix, rest) = if let Some(rest) = line.strip_prefix("Case ") {
        ("Case", rest)
    } else {
        ("案例", line.strip_prefix("案例")?)
    };
    let end = rest.find([':', '：', ' ', '\u{3000}'])?;
    let token = &rest[..end];
    let number = token
        .parse()
        .ok()
        .or_else(|| super::numbering::han_number(token))?;
    let after = rest[end..].trim_start();
    (after.starts_with([':', '：']) || prefix == "案例")
        .then(|| (number, format!("{prefix} {token}")))
}

/// "Reform approach:" or "改革举措：…" inside a case: the label and where the body starts.
fn part_label(line: &str) -> Option<(String, usize)> {
    let colon = line.find([':', '：'])?;
    let label = line[..colon].trim();
    let short = label.chars().count() <= 24 && label.split_whitespace().count() <= 4;
    (short && !label.is_empty()).then(|| {
        let after = colon + line[colon..].chars().next().map_or(1, char::len_utf8);
        let body = after + (line[after..].len() - line[after..].trim_start().len());
        (label.to_string(), body)
    })
}

/// Numbers are checked per sequence: all section headings form one sequence whatever their
/// style (translated texts mix "1." / "Ii." / "Third,"), cases another, and measures one per
/// marker style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Sequence {
    Sections,
    Cases,
    Measures(Style),
}

struct Builder<'a> {
    text: &'a str,
    lang: Lang,
    items: Vec<Item>,
    warnings: Vec<String>,
    section: Option<usize>,
    case: Option<usize>,
    /// The open case part, whose span grows with each body line.
    part: Option<usize>,
    /// A label line seen, its body not yet.
    pending_label: Option<String>,
    expect_subtitle: bool,
    /// Per numbering sequence: the last number and the section it was seen under.
    last_number: BTreeMap<Sequence, (u32, Option<usize>)>,
    line_no: usize,
}

impl Builder<'_> {
    fn push(&mut self, it: Item) -> usize {
        // Any other item closes the open case part: parts only grow over adjacent lines.
        if it.kind != ItemKind::CasePart {
            self.part = None;
        }
        self.items.push(it);
        self.items.len() - 1
    }

    fn check_numbering(&mut self, sequence: Sequence, number: u32, label: &str) {
        let nested = matches!(sequence, Sequence::Measures(_));
        let previous = self.last_number.insert(sequence, (number, self.section));
        let where_ = format!("line {}", self.line_no);
        let message = match previous {
            None if number != 1 => Some(format!("numbering {label} starts at {number} ({where_})")),
            Some((last, _)) if number == last + 1 => None,
            Some((_, section)) if number == 1 && nested && section != self.section => None,
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
            None => None,
        };
        self.warnings.extend(message);
    }

    fn end_case(&mut self) {
        self.case = None;
        self.part = None;
        self.pending_label = None;
        self.expect_subtitle = false;
    }

    fn numbered(&mut self, kind: ItemKind, span: Span, m: &Marker) -> usize {
        let sequence = match kind {
            ItemKind::Section => Sequence::Sections,
            _ => Sequence::Measures(m.style),
        };
        self.check_numbering(sequence, m.number, &m.label);
        let parent = if kind == ItemKind::Section {
            None
        } else {
            self.section
        };
        let mut it = item(kind, span, parent);
        it.number = Some(m.number);
        it.label = Some(m.label.clone());
        self.push(it)
    }

    fn line(&mut self, span: Span, title: Option<Span>) {
        let line = &self.text[span.start()..span.end()];
        // Only the line right after a case heading can be its subtitle.
        let subtitle_expected = std::mem::take(&mut self.expect_subtitle);
        if is_boilerplate(line) {
            self.part = None;
            self.push(item(ItemKind::Boilerplate, span, None));
            return;
        }
        // The title line, and lines that repeat part of it (a title broken over two lines).
        let in_title = title.is_some_and(|t| {
            t == span || (line.chars().count() >= 6 && self.text[t.start()..t.end()].contains(line))
        });
        if in_title {
            self.push(item(ItemKind::Title, span, None));
            return;
        }
        if is_meta_line(line) {
            self.push(item(ItemKind::Meta, span, None));
            return;
        }
        if let Some((number, label)) = case_heading(line) {
            self.end_case();
            self.check_numbering(Sequence::Cases, number, &label);
            let mut it = item(ItemKind::Case, span, self.section);
            it.number = Some(number);
            it.label = Some(label);
            self.case = Some(self.push(it));
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
                    self.part = Some(self.push(it));
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
                self.part = Some(self.push(it));
                return;
            }
            if let Some(part) = self.part {
                self.items[part].span.1 = span.1;
                return;
            }
        }
        let m = marker(line);
        let heading = is_heading_like(line, self.lang);
        match &m {
            Some(m)
                if matches!(m.style, Style::HanComma | Style::HanChapter | Style::Roman)
                    || (heading && matches!(m.style, Style::Arabic | Style::Ordinal)) =>
            {
                self.end_case();
                self.section = Some(self.numbered(ItemKind::Section, span, m));
            }
            Some(m) if m.style == Style::Ordinal => self.enumeration(span),
            Some(m) => {
                self.numbered(ItemKind::Measure, span, m);
            }
            None if heading => {
                self.end_case();
                self.section = Some(self.push(item(ItemKind::Section, span, None)));
            }
            None => self.paragraph(span),
        }
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
                self.section,
            );
            it.number = Some(k as u32 + 1);
            it.label = Some(label);
            self.push(it);
        }
    }

    fn paragraph(&mut self, span: Span) {
        let parent = self.case.or(self.section);
        let line = &self.text[span.start()..span.end()];
        if line.chars().count() <= LONG_PARAGRAPH {
            self.push(item(ItemKind::Paragraph, span, parent));
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
                self.push(item(
                    ItemKind::Paragraph,
                    Span(span.0 + start as u32, span.0 + (start + piece.len()) as u32),
                    parent,
                ));
                start = end + (line[end..].len() - line[end..].trim_start().len());
                chars_since = 0;
            }
        }
        self.push(item(
            ItemKind::Paragraph,
            Span(span.0 + start as u32, span.1),
            parent,
        ));
    }
}

/// Builds the items of a document. `title` is the span of the line chosen as its title.
pub fn structure(text: &str, lang: Lang, title: Option<Span>) -> Structure {
    let mut builder = Builder {
        text,
        lang,
        items: Vec::new(),
        warnings: Vec::new(),
        section: None,
        case: None,
        part: None,
        pending_label: None,
        expect_subtitle: false,
        last_number: BTreeMap::new(),
        line_no: 0,
    };
    // Line numbers (for warnings) counted as we go: counting from the start for every line
    // made large files quadratic.
    let (mut line_no, mut counted) = (1, 0);
    for span in line_spans(text) {
        line_no += text[counted..span.start()].matches('\n').count();
        counted = span.start();
        builder.line_no = line_no;
        builder.line(span, title);
    }
    Structure {
        items: builder.items,
        warnings: builder.warnings,
    }
}
