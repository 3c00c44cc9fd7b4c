//! Lines → the document tree: title, meta lines, sections at every level, measures,
//! points, cases with their labelled parts, tables, paragraphs, boilerplate. Every item
//! keeps the exact span of its text; long run-on paragraphs are split at sentence ends so
//! that results and the reader stay legible. Numbering gaps and restarts are reported as
//! warnings, never "fixed".
//!
//! # The tree
//!
//! Numbered lines nest by the order in which their styles first appear (一、 > （一） > 1. >
//! （1） > ① in most documents; 第一编 > 第一章 > 第一节 > 第一条 in regulations): a style
//! already open closes everything opened after it, a new style opens one level deeper.
//! Once the whole document is read, a numbered item with numbered items below it is a
//! section (a group heading), as is one that reads as a heading (no closing punctuation);
//! the rest are the operative provisions, measures — the finest numbered level that carries
//! content — and every article (第X条) is a measure. Measures under a preamble heading
//! (指导思想, 基本原则, 总体要求, 发展目标 …) and the enumerated clauses of an article are
//! points. A measure takes in the unnumbered paragraphs that follow it up to the next
//! numbered line or heading ("（一）统筹建设监管工作平台。" and its body), so that it covers
//! the whole provision and its responsibility annotation. Translations often number their top headings in mixed styles
//! ("1." / "Ii." / "Third,"): in English, a heading that continues an open heading's number
//! is its sibling whatever its style.
//!
//! Cost: two passes over the lines; splitting enumerations and long paragraphs is linear in
//! their length.

use super::boilerplate::is_boilerplate;
use super::document::line_spans;
use super::metadata::{self, is_meta_line};
use super::numbering::{expected_marker, marker, next_ordinal_cue, Marker, Style};
use super::sentences::sentence_ends;
use crate::model::{set_levels, Item, ItemKind, Lang, Span};
use std::collections::BTreeMap;

/// Paragraphs longer than this (in chars) are split at sentence ends …
pub(crate) const LONG_PARAGRAPH: usize = 900;
/// … into chunks of at least this many chars.
const CHUNK: usize = 350;

/// Headings of the parts of a document that state its aims rather than its provisions.
const PREAMBLE_HEADINGS: &[&str] = &[
    "总体要求",
    "指导思想",
    "基本原则",
    "主要目标",
    "工作目标",
    "发展目标",
    "总体目标",
    "总体思路",
    "基本思路",
    "工作原则",
    "guiding ideology",
    "guiding principle",
    "guiding thought",
    "basic principle",
    "general requirement",
    "overall requirement",
    "main objective",
    "main goal",
    "objectives",
    "goals",
];

pub struct Structure {
    pub items: Vec<Item>,
    pub warnings: Vec<String>,
    /// The title as read from the text (lines of a split title joined), if it has one.
    pub title: Option<String>,
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
        level: None,
    }
}

pub(crate) fn ends_with_punctuation(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '’', '\'', ')', '）'])
        .ends_with([
            '.', '。', ';', '；', '!', '?', '！', '？', ':', '：', ',', '，', '、',
        ])
}

/// A short line without closing punctuation reads as a heading.
pub(crate) fn is_heading_like(line: &str, lang: Lang) -> bool {
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

/// A heading, or one short sentence that names a provision ("（一）统筹建设监管工作平台。"):
/// a numbered line of this kind heads the paragraphs that follow it.
fn is_heading_style(line: &str, lang: Lang) -> bool {
    if is_heading_like(line, lang) {
        return true;
    }
    let limit = match lang {
        Lang::Zh => 40,
        Lang::En => 100,
    };
    line.chars().count() <= limit
        && line.trim_end().ends_with(['。', '.', '！', '!'])
        && sentence_ends(line).is_empty()
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

/// Rank of the regulation styles: a part holds chapters, a chapter sections, a section
/// articles.
fn regulation_rank(style: Style) -> Option<u8> {
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
struct Open {
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
struct Extra {
    numbered: bool,
    style: Option<Style>,
    heading_like: bool,
    /// A piece of a one-line enumeration ("First, … Second, …").
    enumerated: bool,
}

/// Numbers are checked per sequence: cases form one, and numbered items one per style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Sequence {
    Cases,
    Numbered(Style),
}

struct Builder<'a> {
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
    line_no: usize,
}

impl Builder<'_> {
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

    fn line(&mut self, span: Span) {
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

    fn table(&mut self, span: Span) {
        let parent = self.container();
        self.expect_subtitle = false;
        self.push(item(ItemKind::Table, span, parent), Extra::default());
    }

    /// Chrome, meta and title lines: outside the tree, and nothing grows over them.
    fn plain(&mut self, kind: ItemKind, span: Span) {
        self.expect_subtitle = false;
        self.push(item(kind, span, None), Extra::default());
    }
}

/// How the first pass sees a line before the tree is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineClass {
    Boilerplate,
    Title,
    Meta,
    Content,
}

/// Builds the items of a document.
pub fn structure(text: &str, lang: Lang) -> Structure {
    let lines = line_spans(text);
    let strs: Vec<&str> = lines.iter().map(|s| &text[s.start()..s.end()]).collect();
    let block = title_block(&strs, lang);
    let title_text = block.clone().map(|range| join_title(&strs[range], lang));
    // A run-on first line (a whole page without line breaks) still names the document, but
    // is split into paragraphs like any long line rather than kept whole as a title item.
    let title = block
        .filter(|r| r.clone().map(|i| strs[i].chars().count()).sum::<usize>() <= LONG_PARAGRAPH);
    let mut class: Vec<LineClass> = (0..strs.len())
        .map(|i| {
            if is_boilerplate(strs[i]) {
                LineClass::Boilerplate
            } else if title.as_ref().is_some_and(|r| r.contains(&i)) {
                LineClass::Title
            } else if is_meta_line(strs[i])
                || metadata::is_number_line(strs[i])
                || metadata::is_note_line(strs[i])
                || (title.is_some()
                    && title_text
                        .as_deref()
                        .is_some_and(|t| repeats_title(strs[i], t)))
            {
                LineClass::Meta
            } else {
                LineClass::Content
            }
        })
        .collect();
    // Signatures: a short organ name (or "总理 李克强") right above a date line.
    for i in 0..strs.len() {
        if class[i] == LineClass::Content
            && metadata::is_signature(strs[i], strs.get(i + 1).copied())
        {
            class[i] = LineClass::Meta;
        }
    }
    let tables = table_runs(&strs, &class, lang);

    let mut builder = Builder {
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
    };
    // Line numbers (for warnings) counted as we go: counting from the start for every line
    // made large files quadratic.
    let (mut line_no, mut counted) = (1, 0);
    let mut i = 0;
    while i < lines.len() {
        let span = lines[i];
        line_no += text[counted..span.start()].matches('\n').count();
        counted = span.start();
        builder.line_no = line_no;
        if let Some(run) = tables.iter().find(|r| r.start == i) {
            builder.table(Span(span.0, lines[run.end - 1].1));
            i = run.end;
            continue;
        }
        match class[i] {
            LineClass::Boilerplate => builder.plain(ItemKind::Boilerplate, span),
            LineClass::Meta => builder.plain(ItemKind::Meta, span),
            LineClass::Title => {
                let last = title.as_ref().map_or(i, |r| r.end - 1);
                builder.plain(ItemKind::Title, Span(span.0, lines[last].1));
                i = last + 1;
                continue;
            }
            LineClass::Content => builder.line(span),
        }
        i += 1;
    }
    let Builder {
        mut items,
        extra,
        warnings,
        ..
    } = builder;
    classify(&mut items, &extra, text);
    let mut items = take_in_bodies(items, &extra, text, lang);
    set_levels(&mut items);
    Structure {
        items,
        warnings,
        title: title_text,
    }
}

/// Decides, with the whole tree known, which numbered items are sections, measures and
/// points (see the module doc).
fn classify(items: &mut [Item], extra: &[Extra], text: &str) {
    let mut has_numbered_child = vec![false; items.len()];
    for (i, item) in items.iter().enumerate() {
        if let Some(p) = item.parent {
            if extra[i].numbered {
                has_numbered_child[p as usize] = true;
            }
        }
    }
    let in_article = |items: &[Item], i: usize| {
        let mut at = items[i].parent;
        while let Some(p) = at.map(|p| p as usize) {
            if extra[p].style == Some(Style::HanArticle) {
                return true;
            }
            at = items[p].parent;
        }
        false
    };
    for i in 0..items.len() {
        let e = extra[i];
        if !e.numbered {
            continue;
        }
        let style = e.style.expect("numbered items have a style");
        if style != Style::HanArticle && in_article(items, i) {
            // Everything numbered inside an article is one of its clauses.
            items[i].kind = ItemKind::Point;
            continue;
        }
        items[i].kind = match style {
            Style::HanPart | Style::HanChapter | Style::HanSection => ItemKind::Section,
            Style::HanArticle => ItemKind::Measure,
            _ if e.enumerated => ItemKind::Measure,
            _ if has_numbered_child[i] || e.heading_like => ItemKind::Section,
            _ => ItemKind::Measure,
        };
    }
    // Points: provisions under a preamble heading, and the clauses of an article.
    for i in 0..items.len() {
        if items[i].kind != ItemKind::Measure || extra[i].style == Some(Style::HanArticle) {
            continue;
        }
        let mut at = items[i].parent;
        while let Some(p) = at.map(|p| p as usize) {
            let in_article = extra[p].style == Some(Style::HanArticle);
            let preamble = items[p].kind == ItemKind::Section
                && is_preamble_heading(&text[items[p].span.start()..items[p].span.end()]);
            if in_article || preamble {
                items[i].kind = ItemKind::Point;
                break;
            }
            at = items[p].parent;
        }
        // "（一）指导思想。以…": the point names its preamble part itself.
        if items[i].kind == ItemKind::Measure {
            let line = &text[items[i].span.start()..items[i].span.end()];
            let content = marker(line).map_or(line, |m| &line[m.content_start..]);
            let first_sentence = content.split(['。', '.', '：', ':']).next().unwrap_or("");
            if first_sentence.chars().count() <= 8 && is_preamble_heading(first_sentence) {
                items[i].kind = ItemKind::Point;
            }
        }
    }
}

fn is_preamble_heading(heading: &str) -> bool {
    let content = marker(heading).map_or(heading, |m| &heading[m.content_start..]);
    let folded = content.trim().to_lowercase();
    folded.chars().count() <= 24 && PREAMBLE_HEADINGS.iter().any(|h| folded.contains(h))
}

/// Extends each measure or point over the paragraphs that follow it as its children (the
/// rest of the provision: its body, its sub-points, its annotation), and drops those
/// paragraph items; parents are renumbered.
fn take_in_bodies(items: Vec<Item>, extra: &[Extra], text: &str, _lang: Lang) -> Vec<Item> {
    let mut absorbed_into: Vec<Option<usize>> = vec![None; items.len()];
    let mut i = 0;
    while i < items.len() {
        let owner = &items[i];
        let absorbs =
            matches!(owner.kind, ItemKind::Measure | ItemKind::Point) && !extra[i].enumerated;
        if !absorbs {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < items.len()
            && items[j].kind == ItemKind::Paragraph
            && items[j].parent == Some(i as u32)
        {
            absorbed_into[j] = Some(i);
            j += 1;
        }
        i = j;
    }
    let mut new_index = vec![0u32; items.len()];
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    for (old, item) in items.into_iter().enumerate() {
        if let Some(owner) = absorbed_into[old] {
            let owner = new_index[owner] as usize;
            out[owner].span.1 = item.span.1;
            new_index[old] = owner as u32;
            continue;
        }
        new_index[old] = out.len() as u32;
        let mut item = item;
        item.parent = item.parent.map(|p| new_index[p as usize]);
        out.push(item);
    }
    debug_assert!(out
        .iter()
        .all(|i| text.get(i.span.start()..i.span.end()).is_some()));
    out
}

/// Words a Chinese title ends with: the kind of document it is.
const TITLE_ENDINGS: &[&str] = &[
    "通知", "意见", "决定", "批复", "复函", "函", "办法", "规定", "条例", "方案", "规划", "答复",
    "通报", "报告", "决议", "细则", "规则", "公告", "纲要", "措施", "指引", "清单", "命令", "令",
];

/// The lines of the title: the first line near the top that reads like a heading (not
/// chrome, a dateline or a list item), plus the lines a long Chinese title was broken
/// into. `None` when the text starts with its content.
fn title_block(lines: &[&str], lang: Lang) -> Option<std::ops::Range<usize>> {
    // Chrome, datelines, document numbers and lines without words ("2021 - 2022") come
    // before a title; the first other line is the title or the start of the content.
    let first = (0..lines.len().min(8)).find(|&i| {
        let line = lines[i];
        !is_boilerplate(line)
            && !is_meta_line(line)
            && !metadata::is_number_line(line)
            && line.chars().filter(|c| c.is_alphabetic()).count() >= 3
    })?;
    let line = lines[first];
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let digits = line.chars().filter(|c| c.is_ascii_digit()).count();
    if letters < 6 || letters <= digits || marker(line).is_some() {
        return None;
    }
    if lang == Lang::Zh {
        // A sentence is content, not a title.
        if line
            .trim_end()
            .ends_with(['。', '；', ';', '：', ':', '，'])
        {
            return None;
        }
        let mut end = first + 1;
        let mut joined = line.to_string();
        while end < lines.len() && end < first + 3 {
            let next = lines[end];
            let complete = TITLE_ENDINGS.iter().any(|w| joined.ends_with(w));
            let continues = next.chars().count() <= 40
                && !ends_with_punctuation(next)
                && marker(next).is_none()
                && !is_meta_line(next)
                && !metadata::is_number_line(next)
                && !is_boilerplate(next);
            if complete || !continues {
                break;
            }
            // Only join when the pieces together end like a title.
            let candidate = format!("{joined}{next}");
            let ends_like_title = TITLE_ENDINGS.iter().any(|w| candidate.ends_with(w))
                || (end + 1 < lines.len()
                    && TITLE_ENDINGS
                        .iter()
                        .any(|w| format!("{candidate}{}", lines[end + 1]).ends_with(w)));
            if !ends_like_title {
                break;
            }
            joined = candidate;
            end += 1;
        }
        return Some(first..end);
    }
    Some(first..first + 1)
}

fn join_title(lines: &[&str], lang: Lang) -> String {
    match lang {
        Lang::Zh => lines.concat(),
        Lang::En => lines.join(" "),
    }
}

/// A line that repeats the title (the title again above the attached text of a regulation),
/// spaces ignored: "国 务 院 工 作 规 则" is not the title, but "中华人民共和国个人所得税法实施条例"
/// printed a second time is.
fn repeats_title(line: &str, title: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let line = squeeze(line);
    line.chars().count() >= 6 && line == squeeze(title)
}

/// Runs of content lines that are the cells of a table: at least three short lines in a
/// row without sentence ends start a run, which goes on while at least two of every eight
/// lines are cells (short, or a very short "label：value。"); a run must be six lines or more,
/// and a line that continues the text's own numbering ends it.
fn table_runs(lines: &[&str], class: &[LineClass], lang: Lang) -> Vec<std::ops::Range<usize>> {
    let short = |i: usize| {
        let line = lines[i];
        class[i] == LineClass::Content
            && !ends_with_punctuation(line)
            && case_heading(line).is_none()
            && match lang {
                Lang::Zh => line.chars().count() <= 24,
                Lang::En => line.split_whitespace().count() <= 3 && line.len() <= 24,
            }
    };
    // A cell may be a short "label：value。" ("指标来源：医院填报。").
    let cell = |i: usize| {
        short(i)
            || (class[i] == LineClass::Content
                && lang == Lang::Zh
                && lines[i].chars().count() <= 12
                && case_heading(lines[i]).is_none())
    };
    let unnumbered_short = |i: usize| short(i) && marker(lines[i]).is_none();
    // The last number of each style outside tables: a line that continues the text's own
    // outermost numbering ("二、" after "一、") ends a table; numbering inside a table
    // restarts, or goes on at deeper levels.
    let mut last: BTreeMap<Style, u32> = BTreeMap::new();
    let mut outermost: Option<Style> = None;
    let continues_text = |last: &BTreeMap<Style, u32>, outermost: Option<Style>, i: usize| {
        marker(lines[i]).is_some_and(|m| {
            Some(m.style) == outermost && last.get(&m.style).is_some_and(|&n| m.number == n + 1)
        })
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let starts = i + 2 < lines.len()
            && unnumbered_short(i)
            && unnumbered_short(i + 1)
            && unnumbered_short(i + 2);
        if !starts {
            if let Some(m) = marker(lines[i]).filter(|_| class[i] == LineClass::Content) {
                outermost.get_or_insert(m.style);
                last.insert(m.style, m.number);
            }
            i += 1;
            continue;
        }
        let mut end = i + 3;
        while end < lines.len()
            && class[end] == LineClass::Content
            && !continues_text(&last, outermost, end)
        {
            let window = end.saturating_sub(7)..=end;
            let shorts = window.filter(|&k| cell(k)).count();
            if shorts < 2 {
                break;
            }
            end += 1;
        }
        // Trailing long lines belong to the text after the table.
        while end > i && !cell(end - 1) {
            end -= 1;
        }
        if end - i >= 6 {
            runs.push(i..end);
            i = end;
        } else {
            if let Some(m) = marker(lines[i]).filter(|_| class[i] == LineClass::Content) {
                outermost.get_or_insert(m.style);
                last.insert(m.style, m.number);
            }
            i += 1;
        }
    }
    runs
}

#[cfg(test)]
mod tests;
