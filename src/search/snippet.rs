//! Snippets: the passage of a hit that holds the most matches, and the char ranges to
//! highlight in it. Offsets are chars of the item text (folding keeps char positions), so
//! the UI slices the original text and never builds HTML from it.
//!
//! Cost: one tokenisation of the item text plus a pass over its matches.

use super::analyze::{fold, tokens};
use super::Highlight;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The passage: chars `start..end` of the item text.
    pub start: usize,
    pub end: usize,
    /// Matches inside the passage, as char ranges of the item text, sorted, disjoint.
    pub ranges: Vec<(usize, usize)>,
}

/// Every match of the highlight in folded text, as sorted, merged char ranges.
pub fn match_ranges(folded: &str, highlight: &Highlight) -> Vec<(usize, usize)> {
    let toks = tokens(folded);
    let mut ranges: Vec<(usize, usize)> = toks
        .iter()
        .filter(|t| highlight.terms.contains(&t.term))
        .map(|t| (t.start as usize, t.end as usize))
        .collect();
    for phrase in &highlight.phrases {
        let phrase_toks = tokens(phrase);
        if phrase.chars().any(super::analyze::is_han) {
            let n = phrase.chars().count();
            for (byte, _) in folded.match_indices(phrase.as_str()) {
                let start = folded[..byte].chars().count();
                ranges.push((start, start + n));
            }
        } else if !phrase_toks.is_empty() {
            for w in toks.windows(phrase_toks.len()) {
                if w.iter().zip(&phrase_toks).all(|(a, b)| a.term == b.term) {
                    ranges.push((w[0].start as usize, w[w.len() - 1].end as usize));
                }
            }
        }
    }
    ranges.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.0 <= last.1 => last.1 = last.1.max(r.1),
            _ => merged.push(r),
        }
    }
    merged
}

/// The best passage of at most `width` chars of an item's `text` for this highlight.
pub fn snippet(text: &str, highlight: &Highlight, width: usize) -> Snippet {
    let folded = fold(text);
    let len = folded.chars().count();
    let ranges = match_ranges(&folded, highlight);
    if len <= width {
        return Snippet {
            start: 0,
            end: len,
            ranges,
        };
    }
    // The window that starts a little before a match and holds the most matches.
    let lead = width / 8;
    let mut best = (0usize, 0usize);
    for r in &ranges {
        let start = r.0.saturating_sub(lead).min(len - width);
        let count = ranges
            .iter()
            .filter(|m| m.0 >= start && m.1 <= start + width)
            .count();
        if count > best.1 {
            best = (start, count);
        }
    }
    let start = best.0;
    let end = (start + width).min(len);
    let ranges = ranges
        .into_iter()
        .filter(|m| m.0 >= start && m.1 <= end)
        .collect();
    Snippet { start, end, ranges }
}
