//! The bilingual glossary behind cross-language search: concepts with their Chinese and
//! English names, from `glossary.tsv` (FTZ vocabulary), the ingest lexicon (provinces,
//! FTZs, areas, cities, agencies) and the topic taxonomy. A query name expands to the
//! concept's other names, in the other language and in its own.
//!
//! Cost: parsed once (a few thousand names); matching a query is one scan of the names,
//! linear in their total length.

use super::analyze::fold;
use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub struct Concept {
    /// Folded Chinese names.
    pub zh: Vec<String>,
    /// Folded English names.
    pub en: Vec<String>,
    /// A place or an agency (from the ingest lexicon): it says where or who, not what.
    pub named_entity: bool,
}

/// A glossary name found in a query: the concept, the folded char range it covers, and
/// whether it was found in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub concept: usize,
    pub start: usize,
    pub end: usize,
    pub chinese: bool,
}

pub fn concepts() -> &'static [Concept] {
    static CONCEPTS: OnceLock<Vec<Concept>> = OnceLock::new();
    CONCEPTS.get_or_init(|| {
        let names = |list: &str| -> Vec<String> {
            list.split('|')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(fold)
                .collect()
        };
        let mut out: Vec<Concept> = include_str!("glossary.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .map(|(zh, en)| Concept {
                zh: names(zh),
                en: names(en),
                named_entity: false,
            })
            .collect();
        for entry in &crate::ingest::lexicon::lexicon().entries {
            out.push(Concept {
                zh: std::iter::once(entry.zh)
                    .chain(entry.zh_aliases.iter().copied())
                    .map(fold)
                    .collect(),
                en: std::iter::once(entry.en)
                    .chain(entry.en_aliases.iter().copied())
                    .map(fold)
                    .collect(),
                named_entity: true,
            });
        }
        for topic in crate::ingest::topics::topics() {
            out.push(Concept {
                zh: vec![fold(topic.zh)],
                en: vec![fold(topic.en)],
                named_entity: false,
            });
        }
        out.retain(|c| !c.zh.is_empty() && !c.en.is_empty());
        out
    })
}

/// Every name of `concept` but `typed` (folded): its names in the other language, and its
/// other names in the same one — except those that contain `typed` ("pilot free trade
/// zone" for "free trade zone"), whose items the typed name finds already.
pub fn other_names(concept: usize, typed: &str) -> impl Iterator<Item = &'static String> + '_ {
    let c = &concepts()[concept];
    c.zh.iter().chain(&c.en).filter(move |n| !n.contains(typed))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !super::analyze::is_han(c)
}

/// Glossary names in a folded query: longest first, not overlapping; English names only
/// as whole words, Chinese names of two or more chars anywhere.
pub fn find(folded_query: &str) -> Vec<Found> {
    let chars: Vec<char> = folded_query.chars().collect();
    let mut candidates: Vec<Found> = Vec::new();
    for (concept, c) in concepts().iter().enumerate() {
        for (names, chinese) in [(&c.zh, true), (&c.en, false)] {
            for name in names.iter() {
                let name_chars: Vec<char> = name.chars().collect();
                let n = name_chars.len();
                if n < 2 || n > chars.len() {
                    continue;
                }
                for start in 0..=chars.len() - n {
                    if chars[start..start + n] != name_chars[..] {
                        continue;
                    }
                    let bounded = chinese
                        || ((start == 0 || !is_word_char(chars[start - 1]))
                            && (start + n == chars.len() || !is_word_char(chars[start + n])));
                    if bounded {
                        candidates.push(Found {
                            concept,
                            start,
                            end: start + n,
                            chinese,
                        });
                    }
                }
            }
        }
    }
    candidates.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
            .then(a.concept.cmp(&b.concept))
    });
    let mut chosen: Vec<Found> = Vec::new();
    for f in candidates {
        if chosen.iter().all(|c| f.end <= c.start || f.start >= c.end) {
            chosen.push(f);
        }
    }
    chosen.sort_by_key(|f| f.start);
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translations(query: &str) -> Vec<Vec<String>> {
        find(&fold(query))
            .into_iter()
            .map(|f| {
                let c = &concepts()[f.concept];
                if f.chinese {
                    c.en.clone()
                } else {
                    c.zh.clone()
                }
            })
            .collect()
    }

    #[test]
    fn english_names_find_chinese_ones_and_back() {
        assert!(translations("customs")[0].contains(&"海关".to_string()));
        assert!(translations("Negative List")[0].contains(&"负面清单".to_string()));
        assert!(translations("区块链")[0].contains(&"blockchain".to_string()));
        assert!(translations("貿易便利化")[0].contains(&"trade facilitation".to_string()));
        let hubei = translations("Hubei FTZ");
        assert!(
            hubei.iter().flatten().any(|n| n.contains("湖北")),
            "{hubei:?}"
        );
    }

    #[test]
    fn english_names_match_whole_words_only() {
        assert!(translations("accustomsed").is_empty());
        assert!(
            translations("customs clearance").len() == 1,
            "the longest name wins"
        );
    }
}
