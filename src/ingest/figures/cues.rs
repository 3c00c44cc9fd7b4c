//! Context around a figure: its sentence, its clause, and the words in that clause that
//! say whether it is a change (增长, "an increase of", 同比, "year-on-year") and which way.
//!
//! Sentence bounds are computed once for the whole text (linear); the clause look-back and
//! look-ahead are capped at a fixed number of bytes, so cue search is constant per figure.

use super::numbers::digit;
use super::text::{ceil_boundary, char_at, char_before, floor_boundary};
use crate::model::Direction;

/// How far back (bytes) the clause of a figure may reach when looking for cues.
const LOOK_BACK: usize = 240;
/// How far ahead (bytes) to look for "year-on-year" / 同比.
const LOOK_AHEAD: usize = 48;

/// English stems match at the start of a word; Chinese ones anywhere.
const UP: &[&str] = &[
    "increas", "grew", "grow", "rose", "rise", "rising", "higher", "raise", "raising", "expand",
    "boost", "up by", "增长", "提高", "增加", "上升", "扩大", "提升", "增至", "增幅",
];
const DOWN: &[&str] = &[
    "decreas", "declin", "fell", "fall", "drop", "reduc", "cut ", "cuts ", "cutting ", "shorten",
    "saving", "save", "lower", "compress", "down by", "下降", "减少", "缩短", "压缩", "降低",
    "节省", "节约", "降幅", "减轻", "下调", "降至",
];
/// Words that make a percentage a change even without a direction.
const CHANGE: &[&str] = &[
    "year-on-year",
    "year on year",
    "month-on-month",
    "同比",
    "环比",
];

/// Sentence ends: `(end of this sentence, start of the next)`. Splits at . ? ! 。？！；;
/// and newlines; a '.' between two digits is a decimal point, not an end.
pub fn sentence_bounds(text: &str) -> Vec<(usize, usize)> {
    let mut bounds = Vec::new();
    for (i, c) in text.char_indices() {
        let next = i + c.len_utf8();
        let ends = match c {
            '\n' => Some(i),
            '?' | '!' | '。' | '？' | '！' | '；' | ';' => Some(next),
            '.' => {
                let decimal = char_before(text, i).and_then(digit).is_some()
                    && char_at(text, next).and_then(digit).is_some();
                (!decimal).then_some(next)
            }
            _ => None,
        };
        if let Some(end) = ends {
            bounds.push((end, next));
        }
    }
    bounds
}

/// The sentence containing `span`: from the last sentence start at or before it (leading
/// whitespace skipped) to the first sentence end at or after it. Always contains `span`.
pub fn sentence_of(text: &str, bounds: &[(usize, usize)], span: (usize, usize)) -> (usize, usize) {
    let before = bounds.partition_point(|&(_, next)| next <= span.0);
    let mut start = if before == 0 { 0 } else { bounds[before - 1].1 };
    while start < span.0 && char_at(text, start).is_some_and(char::is_whitespace) {
        start += char_at(text, start).map_or(1, char::len_utf8);
    }
    let after = bounds.partition_point(|&(end, _)| end < span.1);
    let end = bounds.get(after).map_or(text.len(), |&(end, _)| end);
    (start.min(span.0), end.max(span.1))
}

/// Whether the char at `i` separates clauses (a comma that is not a thousands separator,
/// or a semicolon).
fn is_clause_mark(text: &str, i: usize, c: char) -> bool {
    match c {
        '，' | '；' | ';' => true,
        ',' => {
            let digit_before = char_before(text, i).and_then(digit).is_some();
            let digit_after = char_at(text, i + 1).and_then(digit).is_some();
            !(digit_before && digit_after)
        }
        _ => false,
    }
}

/// The clause text before the figure: from the last clause mark (or the sentence start,
/// or the look-back cap) up to `start`, ASCII-lowercased.
pub fn clause_before(text: &str, sentence_start: usize, start: usize) -> String {
    let from = ceil_boundary(text, start.saturating_sub(LOOK_BACK).max(sentence_start));
    let window = text.get(from..start).unwrap_or("");
    let cut = window
        .char_indices()
        .rev()
        .find(|&(i, c)| is_clause_mark(text, from + i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    window[cut..].to_ascii_lowercase()
}

/// The clause text right after the figure, up to a clause mark or the look-ahead cap.
pub fn clause_after(text: &str, end: usize, sentence_end: usize) -> String {
    let to = floor_boundary(text, (end + LOOK_AHEAD).min(sentence_end));
    let window = text.get(end..to).unwrap_or("");
    let cut = window
        .char_indices()
        .find(|&(i, c)| is_clause_mark(text, end + i, c))
        .map_or(window.len(), |(i, _)| i);
    window[..cut].to_ascii_lowercase()
}

/// The last position in `hay` where one of `cues` occurs (English cues at a word start).
fn last_cue(hay: &str, cues: &[&str]) -> Option<usize> {
    cues.iter()
        .filter_map(|cue| {
            let latin = cue.starts_with(|c: char| c.is_ascii_alphabetic());
            hay.match_indices(cue)
                .map(|(i, _)| i)
                .filter(|&i| {
                    !latin || !char_before(hay, i).is_some_and(|c| c.is_ascii_alphabetic())
                })
                .last()
        })
        .max()
}

/// What the words around a figure say about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cues {
    pub direction: Option<Direction>,
    /// A direction or a comparison word (同比, "year-on-year") is present.
    pub change: bool,
}

/// Reads the cues of the figure at `span` within `sentence`: the direction comes from the
/// nearest up or down word before the figure in the same clause.
pub fn cues(text: &str, sentence: (usize, usize), span: (usize, usize)) -> Cues {
    let before = clause_before(text, sentence.0, span.0);
    let after = clause_after(text, span.1, sentence.1);
    let direction = match (last_cue(&before, UP), last_cue(&before, DOWN)) {
        (Some(up), Some(down)) if down > up => Some(Direction::Down),
        (Some(_), _) => Some(Direction::Up),
        (None, Some(_)) => Some(Direction::Down),
        (None, None) => None,
    };
    let compared = CHANGE
        .iter()
        .any(|w| before.contains(w) || after.contains(w));
    Cues {
        direction,
        change: direction.is_some() || compared,
    }
}
