//! Page layout: positioned glyphs → lines → paragraphs. Lines are glyphs on one baseline;
//! page numbers and running heads are left out; a paragraph goes on over a line break
//! unless the layout says it ends (see `paragraphs`); words broken with a hyphen are
//! settled once the whole text is known.
//!
//! Cost: a sort of each page's glyphs, then linear passes.

use super::Glyph;
use crate::ingest::numbering::marker;

/// One line of a page: where it starts and ends, its baseline and size, its text.
#[derive(Clone, Debug)]
pub(super) struct Line {
    x: f64,
    end: f64,
    y: f64,
    size: f64,
    text: String,
}

/// Glyphs → lines: same baseline (within a third of the size), left to right; top first.
pub(super) fn lines(mut glyphs: Vec<Glyph>) -> Vec<Line> {
    glyphs.retain(|g| !g.text.trim().is_empty() || g.text == " ");
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if (row[0].y - g.y).abs() <= row[0].size.max(g.size) / 3.0 => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    rows.into_iter()
        .filter_map(|mut row| {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            // The line's size is its usual glyph's: a digit or bracket from another font
            // does not change it.
            let mut sizes: Vec<f64> = row.iter().map(|g| g.size).collect();
            sizes.sort_by(f64::total_cmp);
            let size = sizes[sizes.len() / 2];
            let mut text = String::new();
            let mut last_end: Option<f64> = None;
            for g in &row {
                if let Some(end) = last_end {
                    let gap = g.x - end;
                    let wide = |s: &str| s.chars().next().is_some_and(is_wide);
                    let joins_han = text.chars().last().is_some_and(is_wide) && wide(&g.text);
                    if gap > size * 0.2 && !joins_han && !text.ends_with(' ') && g.text != " " {
                        text.push(' ');
                    }
                }
                text.push_str(&g.text);
                last_end = Some(g.end);
            }
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let text = squeeze_han_spaces(&text);
            (!text.is_empty()).then(|| Line {
                x: row[0].x,
                end: row.last().map_or(row[0].end, |g| g.end),
                y: row[0].y,
                size,
                text,
            })
        })
        .collect()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// In a Chinese line, a space next to a Chinese character is a gap in the layout (digits
/// and Latin letters are set in another font, a little apart), not a word break:
/// "2020 年" is "2020年". English lines keep their spaces.
fn squeeze_han_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let han = chars.iter().filter(|&&c| is_wide(c)).count();
    let latin = chars.iter().filter(|c| c.is_ascii_alphabetic()).count();
    if han == 0 || han < latin {
        return text.to_string();
    }
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            !(c == ' '
                && i > 0
                && i + 1 < chars.len()
                && (is_wide(chars[i - 1]) || is_wide(chars[i + 1])))
        })
        .map(|(_, &c)| c)
        .collect()
}

/// A page number line: "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 9 页", "Page 3 of 9".
fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(['-', '—', '–', '·', '－']);
    let digits = t.chars().filter(char::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return false;
    }
    let rest: String = t.chars().filter(|c| !c.is_ascii_digit()).collect();
    rest.is_empty()
        || ["第页", "第页共页", "页", "共页第页", "/"].contains(&rest.as_str())
        || rest.eq_ignore_ascii_case("page")
        || rest.eq_ignore_ascii_case("pageof")
}

/// Page numbers, and the lines at the top or bottom of a page that repeat (digits aside) on
/// at least half of the pages, are dropped.
pub(super) fn without_furniture(pages: Vec<Vec<Line>>) -> Vec<Vec<Line>> {
    let shape = |l: &Line| -> String {
        l.text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut edges: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for page in &pages {
        let mut seen = std::collections::HashSet::new();
        for l in page.iter().take(2).chain(page.iter().rev().take(2)) {
            if seen.insert(shape(l)) {
                *edges.entry(shape(l)).or_default() += 1;
            }
        }
    }
    let count = pages.len();
    let repeated = |l: &Line| count >= 3 && edges.get(&shape(l)).is_some_and(|&n| n * 2 >= count);
    pages
        .into_iter()
        .map(|page| {
            let n = page.len();
            page.into_iter()
                .enumerate()
                .filter(|(i, l)| {
                    let edge = *i < 2 || i + 2 >= n;
                    !(edge && (is_page_number(&l.text) || repeated(l)))
                })
                .map(|(_, l)| l)
                .collect()
        })
        .collect()
}

/// Lines → paragraphs, across page breaks.
pub(super) fn paragraphs(pages: &[Vec<Line>]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut previous: Option<(&Line, f64, f64)> = None; // line, its page's left and right edges
    let mut continuation: Option<f64> = None; // where the current paragraph's later lines start
    for page in pages {
        let left = page.iter().map(|l| l.x).fold(f64::INFINITY, f64::min);
        let right = page.iter().map(|l| l.end).fold(f64::NEG_INFINITY, f64::max);
        // The page's usual distance from one line to the next: more is a paragraph break.
        let mut pitches: Vec<f64> = page
            .windows(2)
            .map(|w| w[0].y - w[1].y)
            .filter(|g| *g > 0.0)
            .collect();
        pitches.sort_by(f64::total_cmp);
        let pitch = pitches.get(pitches.len() / 2).copied();
        for (k, line) in page.iter().enumerate() {
            let starts_new = match previous {
                None => true,
                Some((prev, prev_left, prev_right)) => {
                    let size = line.size.max(prev.size);
                    let gap = prev.y - line.y;
                    // A paragraph's last line stops short of the right edge; a justified
                    // line that reaches it goes on below.
                    // (Two characters and a half: Chinese line breaking moves a character
                    // before closing punctuation down, leaving a justified line a little short.)
                    let prev_short = prev.end < prev_right - size * 2.5;
                    let wider_gap = k > 0 && pitch.map_or(gap > size * 2.2, |p| gap > p * 1.3);
                    let size_change = (line.size - prev.size).abs() > size * 0.15;
                    // Once a paragraph has shown where its lines start, a line further right
                    // is the first line of the next one (a first-line indent).
                    let indented = continuation.is_some_and(|x| line.x > x + size * 1.2);
                    // A right-aligned or centred line (a signature, a date) stands alone.
                    let aligned = line.x > prev_left + (prev_right - prev_left) * 0.25;
                    prev_short
                        || aligned
                        || wider_gap
                        || size_change
                        || indented
                        || marker(&line.text).is_some()
                }
            };
            if starts_new {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
                current.push_str(&line.text);
                continuation = None;
            } else {
                join(&mut current, &line.text);
                continuation.get_or_insert(line.x);
            }
            previous = Some((line, left, right));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    settle_hyphens(&out.join("\n"))
}

const SOFT_HYPHEN: char = '\u{AD}';

/// A word broken with a hyphen at a line end is one word ("facili-" "tation" →
/// "facilitation"), unless the text writes it with a hyphen elsewhere ("cross-border").
fn settle_hyphens(text: &str) -> String {
    if !text.contains(SOFT_HYPHEN) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (i, piece) in text.split(SOFT_HYPHEN).enumerate() {
        if i > 0 {
            let before: String = out
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let after: String = piece.chars().take_while(|c| c.is_alphanumeric()).collect();
            if text.contains(&format!("{before}-{after}")) {
                out.push('-');
            }
        }
        out.push_str(piece);
    }
    out
}

/// Joins a broken line: Chinese directly, English with a space, or without the hyphen of a
/// word broken across lines ("facili-" + "tation").
fn join(paragraph: &mut String, next: &str) {
    let last = paragraph.chars().last();
    let first = next.chars().next();
    if last == Some('-')
        && paragraph
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| c.is_ascii_lowercase())
        && first.is_some_and(|c| c.is_ascii_lowercase())
    {
        // Marked, and settled once the whole text is known (see `settle_hyphens`).
        paragraph.pop();
        paragraph.push(SOFT_HYPHEN);
        paragraph.push_str(next);
    } else if last.is_some_and(is_wide) || first.is_some_and(is_wide) {
        paragraph.push_str(next);
    } else {
        paragraph.push(' ');
        paragraph.push_str(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_in_the_usual_forms() {
        for yes in [
            "3",
            "- 3 -",
            "— 12 —",
            "第3页",
            "第 3 页 共 9 页",
            "Page 3",
            "3/9",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["2021年", "一、总体要求", "30%", "12345", "第3条"] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn broken_lines_are_joined_by_language() {
        let mut p = String::from("to improve trade facili-");
        join(&mut p, "tation in the zone");
        assert_eq!(
            settle_hyphens(&p),
            "to improve trade facilitation in the zone"
        );
        let mut p = String::from("a cross-border pilot; the cross-");
        join(&mut p, "border trade");
        assert_eq!(
            settle_hyphens(&p),
            "a cross-border pilot; the cross-border trade"
        );
        let mut p = String::from("推进国际贸易");
        join(&mut p, "“单一窗口”建设");
        assert_eq!(p, "推进国际贸易“单一窗口”建设");
        let mut p = String::from("the cross-border");
        join(&mut p, "e-commerce pilot");
        assert_eq!(p, "the cross-border e-commerce pilot");
    }
}
