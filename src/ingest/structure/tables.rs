//! Tables: rows written as lines of tab-separated cells (how the HTML, Word and Markdown
//! readers write a real table), and runs of cell lines (an indicator table whose cells
//! became lines in a text copy). Each is one table item.

use super::lines::{case_heading, ends_with_punctuation, LineClass};
use crate::ingest::numbering::{marker, Style};
use crate::model::Lang;
use std::collections::BTreeMap;

/// Lines of tab-separated cells, one run per table; and runs of content lines that are the
/// cells of a table: at least three short lines in a
/// row without sentence ends start a run, which goes on while at least two of every eight
/// lines are cells (short, or a very short "label：value。"); a run must be six lines or more,
/// and a line that continues the text's own numbering ends it.
pub(super) fn table_runs(
    lines: &[&str],
    class: &[LineClass],
    lang: Lang,
) -> Vec<std::ops::Range<usize>> {
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
    let row = |k: usize| class[k] == LineClass::Content && lines[k].contains('\t');
    while i < lines.len() {
        if row(i) {
            let end = (i..lines.len()).find(|&k| !row(k)).unwrap_or(lines.len());
            runs.push(i..end);
            i = end;
            continue;
        }
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
