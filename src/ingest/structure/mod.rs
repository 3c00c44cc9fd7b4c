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
//! # The passes
//!
//! `title` finds the title block and `tables` the runs of table cells; `builder` reads the
//! lines in order into items with their parents (numbering checked per sequence);
//! `classify` then decides sections, measures and points and lets measures take in their
//! bodies. `lines` holds the line-level helpers they share.
//!
//! Cost: two passes over the lines; splitting enumerations and long paragraphs is linear in
//! their length.

use super::boilerplate::is_boilerplate;
use super::document::line_spans;
use super::metadata::{self, is_meta_line};
use crate::model::{set_levels, Item, ItemKind, Lang, Span};

mod builder;
mod classify;
mod lines;
mod tables;
mod title;

use builder::Builder;
use classify::{classify, take_in_bodies};
use lines::{LineClass, LONG_PARAGRAPH};
use tables::table_runs;
use title::{join_title, repeats_title, title_block};

pub struct Structure {
    pub items: Vec<Item>,
    pub warnings: Vec<String>,
    /// The title as read from the text (lines of a split title joined), if it has one.
    pub title: Option<String>,
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

    let mut builder = Builder::new(text, lang);
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
    let (mut items, extra, warnings) = builder.finish();
    classify(&mut items, &extra, text);
    let mut items = take_in_bodies(items, &extra, text, lang);
    set_levels(&mut items);
    Structure {
        items,
        warnings,
        title: title_text,
    }
}

#[cfg(test)]
mod tests;
