//! An item's terms for matching: the search analyzer's terms (stems of English words, Han
//! bigrams) without numbers and function words, with the genre's stock phrases
//! (`generic.tsv`: 进一步, 深化改革, "strengthen", "mechanism" …) marked, so that they weigh
//! little.
//!
//! Cost: one analyzer pass over the text; the stock phrases are analysed once.

use crate::search::analyze::{fold, tokens};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// English words that carry no subject (after folding; matched before stemming).
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "by", "as", "at", "from",
    "into", "is", "are", "be", "been", "was", "were", "will", "shall", "should", "can", "may",
    "has", "have", "had", "it", "its", "this", "that", "these", "those", "which", "who", "whose",
    "their", "they", "we", "our", "not", "no", "all", "also", "such", "than", "more", "other",
    "so", "up", "out", "about", "per", "each", "etc", "i", "ii", "iii",
];

/// The terms of the genre's stock phrases.
pub(super) fn generic() -> &'static HashSet<String> {
    static GENERIC: OnceLock<HashSet<String>> = OnceLock::new();
    GENERIC.get_or_init(|| {
        include_str!("generic.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .flat_map(|phrase| tokens(&fold(phrase.trim())))
            .map(|t| t.term)
            .collect()
    })
}

/// Term ids, interned across the whole corpus.
#[derive(Default)]
pub(super) struct Vocabulary {
    ids: HashMap<String, u32>,
    /// Per id: whether the term belongs to a stock phrase.
    pub generic: Vec<bool>,
}

impl Vocabulary {
    fn id(&mut self, term: String) -> u32 {
        if let Some(&id) = self.ids.get(&term) {
            return id;
        }
        let id = self.generic.len() as u32;
        self.generic.push(generic().contains(&term));
        self.ids.insert(term, id);
        id
    }

    /// `(term id, count)` of a text's terms, by id.
    pub fn counts(&mut self, text: &str) -> Vec<(u32, u32)> {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for token in tokens(&fold(text)) {
            if token.term.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            if let Some(word) = &token.word {
                if word.chars().count() < 2 || FUNCTION_WORDS.contains(&word.as_str()) {
                    continue;
                }
            }
            *counts.entry(self.id(token.term)).or_default() += 1;
        }
        let mut out: Vec<(u32, u32)> = counts.into_iter().collect();
        out.sort_unstable();
        out
    }
}

/// The hashed 5-char shingles two texts are compared by for copies (sorted, unique):
/// folded letters, digits and Han without spacing or punctuation, within each sentence,
/// so that sentences in another order give the same set.
pub(super) fn shingles(text: &str) -> Vec<u64> {
    const N: usize = 5;
    let mut out = Vec::new();
    for sentence in fold(text).split(['。', '！', '？', '；', '!', '?', ';', '\n']) {
        let sentence = sentence.replace(". ", "\u{0}");
        for part in sentence.split('\u{0}') {
            let chars: Vec<char> = part.chars().filter(|c| c.is_alphanumeric()).collect();
            if chars.is_empty() {
                continue;
            }
            for w in chars.windows(N.min(chars.len())) {
                let mut h: u64 = 0xcbf2_9ce4_8422_2325;
                for &c in w {
                    h ^= c as u64;
                    h = h.wrapping_mul(0x0100_0000_01b3);
                }
                out.push(h);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// |a ∩ b| / |a ∪ b| of two sorted sets.
pub(super) fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_phrases_are_marked_and_numbers_and_function_words_dropped() {
        let mut v = Vocabulary::default();
        let counts = v.counts("进一步深化改革，推广一证多址 of the 18 measures");
        let terms: Vec<(String, bool)> = v
            .ids
            .iter()
            .filter(|(_, id)| counts.iter().any(|(c, _)| c == *id))
            .map(|(t, id)| (t.clone(), v.generic[*id as usize]))
            .collect();
        assert!(terms.contains(&("深化".to_string(), true)), "{terms:?}");
        assert!(terms.contains(&("多址".to_string(), false)), "{terms:?}");
        assert!(terms.contains(&("measur".to_string(), true)), "{terms:?}");
        assert!(
            !terms.iter().any(|(t, _)| t == "the" || t == "18"),
            "{terms:?}"
        );
    }

    #[test]
    fn reordered_sentences_have_the_same_shingles() {
        let a = shingles("推行企业登记一证多址。简化住所登记手续。");
        let b = shingles("简化住所登记手续。推行企业登记一证多址。");
        let c = shingles("开展跨境贸易投资高水平开放试点。");
        assert_eq!(jaccard(&a, &b), 1.0);
        assert!(jaccard(&a, &c) < 0.1);
    }
}
