//! The glossary's concepts in a text: what an item is about in terms both languages share
//! (通关 and "customs clearance" are one concept), for matching across languages.
//!
//! Cost: the names are put in a table by their first char once; a text is one pass, at
//! each char trying only the names that start with it.

use crate::search::analyze::{fold, is_han};
use crate::search::glossary::concepts;
use std::collections::HashMap;
use std::sync::OnceLock;

struct Name {
    chars: Vec<char>,
    concept: u32,
    latin: bool,
}

fn by_first_char() -> &'static HashMap<char, Vec<Name>> {
    static TABLE: OnceLock<HashMap<char, Vec<Name>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<char, Vec<Name>> = HashMap::new();
        for (concept, c) in concepts().iter().enumerate() {
            for (name, latin) in
                c.zh.iter()
                    .map(|n| (n, false))
                    .chain(c.en.iter().map(|n| (n, true)))
            {
                let chars: Vec<char> = name.chars().collect();
                if chars.len() < 2 {
                    continue;
                }
                table.entry(chars[0]).or_default().push(Name {
                    chars,
                    concept: concept as u32,
                    latin,
                });
            }
        }
        for names in table.values_mut() {
            names.sort_by(|a, b| b.chars.len().cmp(&a.chars.len()));
        }
        table
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

/// `(concept, count)` of the concepts named in `text`, longest names first and not
/// overlapping; English names as whole words only. Sorted by concept.
pub(super) fn concept_counts(text: &str) -> Vec<(u32, u32)> {
    let chars: Vec<char> = fold(text).chars().collect();
    let table = by_first_char();
    let mut counts: HashMap<u32, u32> = HashMap::new();
    let mut at = 0;
    while at < chars.len() {
        let found = table.get(&chars[at]).and_then(|names| {
            names.iter().find(|n| {
                let end = at + n.chars.len();
                end <= chars.len()
                    && chars[at..end] == n.chars[..]
                    && (!n.latin
                        || ((at == 0 || !is_word_char(chars[at - 1]))
                            && (end == chars.len() || !is_word_char(chars[end]))))
            })
        });
        match found {
            Some(name) => {
                *counts.entry(name.concept).or_default() += 1;
                at += name.chars.len();
            }
            None => at += 1,
        }
    }
    let mut out: Vec<(u32, u32)> = counts.into_iter().collect();
    out.sort_unstable();
    out
}

/// Whether a concept is a place or an agency (where or who, not what).
pub(super) fn is_named_entity(concept: u32) -> bool {
    concepts()
        .get(concept as usize)
        .is_some_and(|c| c.named_entity)
}

/// Whether one of the concept's Chinese names is a stock phrase of the genre (自由贸易试验区,
/// 改革试点经验, 措施 …).
pub(super) fn is_generic(concept: u32) -> bool {
    static GENERIC: OnceLock<Vec<bool>> = OnceLock::new();
    let flags = GENERIC.get_or_init(|| {
        let phrases: Vec<String> = include_str!("generic.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| fold(l.trim()))
            .collect();
        concepts()
            .iter()
            .map(|c| c.zh.iter().chain(&c.en).any(|n| phrases.contains(n)))
            .collect()
    });
    flags.get(concept as usize).copied().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_concepts_in_both_languages() {
        let zh = concept_counts("优化海关通关流程，推行国际贸易单一窗口");
        let en = concept_counts("Optimise the customs clearance process through the single window");
        let shared: Vec<u32> = zh
            .iter()
            .filter(|(c, _)| en.iter().any(|(e, _)| e == c))
            .map(|(c, _)| *c)
            .collect();
        assert!(shared.len() >= 2, "zh {zh:?} en {en:?}");
        // "clearance" inside "customs clearance" is not counted twice.
        assert!(en.iter().all(|&(_, n)| n == 1), "{en:?}");
    }
}
