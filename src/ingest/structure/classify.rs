//! The second pass, with the whole tree known: sections, measures and points; measures
//! take in the paragraphs of their provision.

use super::builder::Extra;
use crate::ingest::numbering::{marker, Style};
use crate::model::{Item, ItemKind, Lang};

/// Headings of the parts of a document that state its aims rather than its provisions.
pub(super) const PREAMBLE_HEADINGS: &[&str] = &[
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

/// Decides, with the whole tree known, which numbered items are sections, measures and
/// points (see the module doc).
pub(super) fn classify(items: &mut [Item], extra: &[Extra], text: &str) {
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

pub(super) fn is_preamble_heading(heading: &str) -> bool {
    let content = marker(heading).map_or(heading, |m| &heading[m.content_start..]);
    let folded = content.trim().to_lowercase();
    folded.chars().count() <= 24 && PREAMBLE_HEADINGS.iter().any(|h| folded.contains(h))
}

/// Extends each measure or point over the paragraphs that follow it as its children (the
/// rest of the provision: its body, its sub-points, its annotation), and drops those
/// paragraph items; parents are renumbered.
pub(super) fn take_in_bodies(
    items: Vec<Item>,
    extra: &[Extra],
    text: &str,
    _lang: Lang,
) -> Vec<Item> {
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
