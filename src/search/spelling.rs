//! Words the index does not have as typed: a compound written as one word ("ecommerce" for
//! the indexed "e-commerce"), a misspelt part of a hyphenated word ("e-comerce"), and a
//! "did you mean" for a query that finds nothing.
//!
//! All three read the word list (the Latin words as written, sorted), never the texts.
//!
//! Cost: a split is one binary search in the word list per split point; a correction or a
//! suggestion is one scan of the word list per unknown word (as typo matching already is).

use super::analyze::{fold, tokens};
use super::query::{self, Term};
use super::scoring::within_distance;
use super::{Index, Trace};

/// Words of fewer letters are never corrected: too many words are one edit from them.
const MIN_CORRECTED: usize = 4;

fn known(words: &[String], word: &str) -> bool {
    words.binary_search_by(|w| w.as_str().cmp(word)).is_ok()
}

/// The edits allowed for a word of `letters` letters (as typo matching allows, and one for
/// four letters in suggestions).
fn max_edits(letters: usize) -> usize {
    match letters {
        0..MIN_CORRECTED => 0,
        4..=8 => 1,
        _ => 2,
    }
}

/// The word of `words` nearest to `word` within its allowed edits (the fewest edits, then
/// the first in order); `None` when it is known or nothing is near.
pub(super) fn nearest<'w>(words: &'w [String], word: &str) -> Option<&'w str> {
    let letters = word.chars().count();
    let max = max_edits(letters);
    if max == 0 || known(words, word) || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    (1..=max).find_map(|edits| {
        words
            .iter()
            .find(|w| {
                w.chars().count().abs_diff(letters) <= edits && within_distance(w, word, edits)
            })
            .map(String::as_str)
    })
}

impl Index {
    /// A word the index lacks that is two indexed words run together, as the phrase of the
    /// two ("ecommerce" → "e commerce"): its items, scored as the phrase.
    pub(super) fn compound_scores(
        &self,
        word: &str,
        words: &[String],
        trace: &mut Trace,
    ) -> Vec<(u32, f32)> {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() < MIN_CORRECTED || !word.chars().all(char::is_alphabetic) {
            return Vec::new();
        }
        let mut best = Vec::new();
        for &(at, _) in &chars[1..] {
            let (left, right) = word.split_at(at);
            if known(words, left) && known(words, right) {
                let scores = self.phrase_scores(&format!("{left} {right}"), trace);
                if scores.len() > best.len() {
                    best = scores;
                }
            }
        }
        best
    }

    /// A word of several tokens ("e-comerce") whose phrase finds nothing, with each unknown
    /// part replaced by its nearest known word: the corrected phrase's items.
    pub(super) fn corrected_phrase_scores(
        &self,
        folded: &str,
        words: &[String],
        trace: &mut Trace,
    ) -> Vec<(u32, f32)> {
        let mut changed = false;
        let mut parts = Vec::new();
        for t in tokens(folded) {
            let Some(word) = t.word else {
                return Vec::new();
            };
            match nearest(words, &word) {
                Some(near) => {
                    changed = true;
                    parts.push(near.to_string());
                }
                None => parts.push(word),
            }
        }
        if !changed {
            return Vec::new();
        }
        self.phrase_scores(&parts.join(" "), trace)
    }

    /// The query with every word the index lacks replaced by its nearest known word, if
    /// any was (for "did you mean"); `None` while the word list is not loaded.
    pub fn suggestion(&self, input: &str) -> Option<String> {
        let words = self.words.as_deref()?;
        let q = query::parse(input, false);
        let mut out = input.to_string();
        let mut changed = false;
        for term in q.required.iter().flatten() {
            let Term::Word { text, .. } = term else {
                continue;
            };
            for t in tokens(&fold(text)) {
                let Some(word) = t.word else { continue };
                if let Some(near) = nearest(words, &word) {
                    // The typed word is replaced where it stands, in the case it was typed.
                    let typed: String = text
                        .chars()
                        .skip(t.start as usize)
                        .take((t.end - t.start) as usize)
                        .collect();
                    out = out.replacen(&typed, near, 1);
                    changed = true;
                }
            }
        }
        changed.then_some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<String> {
        let mut w: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        w.sort();
        w
    }

    #[test]
    fn the_nearest_word_within_the_allowed_edits() {
        let w = words(&["commerce", "customs", "e", "trade", "zone"]);
        assert_eq!(nearest(&w, "comerce"), Some("commerce"));
        assert_eq!(nearest(&w, "custms"), Some("customs"));
        assert_eq!(nearest(&w, "trad"), Some("trade"));
        assert_eq!(nearest(&w, "commerce"), None, "known");
        assert_eq!(nearest(&w, "xyz"), None, "too short");
        assert_eq!(nearest(&w, "banking"), None, "nothing near");
    }
}
