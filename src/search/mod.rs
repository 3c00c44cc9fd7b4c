//! Full-text search over the items of a bundle, in pure Rust, the same natively and in wasm.
//!
//! - [`analyze`]: the single analyzer (folding, UAX #29 words, stemming, Han bigrams).
//! - [`query`]: the query language (AND, `OR`, `"phrases"`, `-exclusion`, prefix while typing).
//! - [`glossary`]: cross-language expansion (海关 ⇄ customs), ranked below direct matches.
//! - [`snippet`]: the best passage of a hit with char ranges to highlight.
//! - [`bitset`]: result sets that facets intersect cheaply.
//!
//! Ranking is BM25F over two fields (headings — titles, sections, cases — weigh twice the
//! body), ties broken by item order. Words match exactly (stem), by prefix (the last word
//! while typing, weight 0.8) and with typos (edit distance 1 for 5+ letters, 2 for 9+,
//! weight 0.6). Han text is matched by bigrams, then verified as a contiguous substring of
//! the folded text, so a Chinese query finds exactly the items that contain it.
//!
//! Cost: building is linear in the text (one posting per distinct term per item); a query
//! costs its posting lists, plus one scan of the vocabulary for typos and one scan of the
//! texts for one-character Chinese queries.

pub mod analyze;
pub mod bitset;
mod build;
pub mod glossary;
pub mod query;
mod scoring;
pub mod snippet;

use crate::model::ItemKind;
use analyze::{fold, stem, tokens};
use bitset::BitSet;
use query::{Query, Term};
use scoring::{intersect_sum, within_distance, Accumulator, Scored};
use std::collections::{BTreeMap, BTreeSet, HashMap};

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Field weights: body, heading.
const WEIGHTS: [f32; 2] = [1.0, 2.0];
const PREFIX_WEIGHT: f32 = 0.8;
const TYPO_WEIGHT: f32 = 0.6;
/// Prefixes expand to at most this many words.
const MAX_PREFIX_WORDS: usize = 64;

/// Where a searchable item lives in the bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemRef {
    pub doc: u32,
    pub item: u32,
}

#[derive(Clone, Copy, Debug)]
struct Posting {
    id: u32,
    tf: [u16; 2],
}

/// The search index of one bundle.
pub struct Index {
    refs: Vec<ItemRef>,
    /// Folded text per item (for phrase verification, one-char queries and snippets).
    folded: Vec<String>,
    lens: Vec<[u16; 2]>,
    avg: [f32; 2],
    /// Term → its posting list (ids in increasing order).
    term_ids: HashMap<String, u32>,
    postings: Vec<Vec<Posting>>,
    /// Per item, the term ids of its Latin words in order: phrases are checked on these.
    sequences: Vec<Vec<u32>>,
    /// Folded Latin words as written → their term; for prefixes and typos.
    words: BTreeMap<String, String>,
}

/// One hit: an item id (see [`Index::item_ref`]), its score, and whether the query itself
/// matched (`direct`) or only its translation.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub id: u32,
    pub score: f32,
    pub direct: bool,
}

/// What matched, for highlighting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlight {
    pub terms: BTreeSet<String>,
    pub phrases: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct SearchResult {
    /// Direct hits first, then translated ones; each by score, then item order.
    pub hits: Vec<Hit>,
    /// The same ids as a set, for intersecting with filters.
    pub matched: BitSet,
    /// Names in the other language that found something ("also matched: 海关").
    pub also_matched: Vec<String>,
    pub highlight: Highlight,
}

/// Items that search returns: content items and document titles, not site chrome.
fn searchable(kind: ItemKind) -> bool {
    kind.is_content() || kind == ItemKind::Title
}

impl Index {
    pub fn len(&self) -> usize {
        self.refs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.refs.is_empty()
    }

    pub fn item_ref(&self, id: u32) -> ItemRef {
        self.refs[id as usize]
    }

    /// The id of an item, if it is searchable.
    pub fn id_of(&self, doc: u32, item: u32) -> Option<u32> {
        // Items are indexed in document order, so the refs are sorted.
        self.refs
            .binary_search_by_key(&(doc, item), |r| (r.doc, r.item))
            .ok()
            .map(|p| p as u32)
    }

    pub fn folded_text(&self, id: u32) -> &str {
        &self.folded[id as usize]
    }

    fn idf(&self, df: usize) -> f32 {
        let n = self.refs.len() as f32;
        (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln()
    }

    fn bm25(&self, p: &Posting, idf: f32) -> f32 {
        let lens = self.lens[p.id as usize];
        let tf: f32 = (0..2)
            .map(|f| WEIGHTS[f] * p.tf[f] as f32 / (1.0 - B + B * lens[f] as f32 / self.avg[f]))
            .sum();
        idf * tf / (K1 + tf)
    }

    /// Scores of every item carrying `term`, times `weight`, into `out`.
    fn term_scores(&self, term: &str, weight: f32, out: &mut Vec<(u32, f32)>) -> bool {
        self.term_scores_capped(term, weight, f32::INFINITY, out)
    }

    /// Like `term_scores`, with the term's idf capped: a prefix completion or typo variant
    /// must not outrank the word itself just because the variant is rarer.
    fn term_scores_capped(
        &self,
        term: &str,
        weight: f32,
        idf_cap: f32,
        out: &mut Vec<(u32, f32)>,
    ) -> bool {
        let Some(&term) = self.term_ids.get(term) else {
            return false;
        };
        let list = &self.postings[term as usize];
        let idf = self.idf(list.len()).min(idf_cap);
        out.extend(list.iter().map(|p| (p.id, weight * self.bm25(p, idf))));
        true
    }

    fn term_idf(&self, term: &str) -> Option<f32> {
        self.term_ids
            .get(term)
            .map(|&t| self.idf(self.postings[t as usize].len()))
    }

    /// Items whose folded text contains `phrase` (folded), scored by its terms.
    fn phrase_scores(&self, phrase: &str, highlight: &mut Highlight) -> Vec<(u32, f32)> {
        let toks = tokens(phrase);
        let mut out = Vec::new();
        if toks.is_empty() {
            return out;
        }
        highlight.phrases.push(phrase.to_string());
        if toks.len() == 1
            && toks[0].term.chars().count() == 1
            && analyze::is_han(toks[0].term.chars().next().unwrap_or(' '))
        {
            // One Han char: no bigram to look up; scan the texts.
            for (id, text) in self.folded.iter().enumerate() {
                let n = text.matches(phrase).count();
                if n > 0 {
                    out.push((id as u32, n as f32 / (1.0 + n as f32)));
                }
            }
            return out;
        }
        let mut candidates: Option<Scored> = None;
        let distinct: BTreeSet<&str> = toks.iter().map(|t| t.term.as_str()).collect();
        for term in distinct {
            let mut scores = Vec::new();
            if !self.term_scores(term, 1.0, &mut scores) {
                return Vec::new();
            }
            candidates = Some(match candidates {
                None => scores,
                Some(prev) => intersect_sum(&prev, &scores),
            });
        }
        let whole_words = !phrase.chars().any(analyze::is_han);
        let term_ids: Vec<u32> = toks
            .iter()
            .filter_map(|t| self.term_ids.get(t.term.as_str()).copied())
            .collect();
        candidates
            .unwrap_or_default()
            .into_iter()
            .filter(|&(id, _)| {
                let text = &self.folded[id as usize];
                // Stemmed words match their forms ("measures" for "measure"): for Latin
                // phrases the terms must be adjacent tokens, not only the exact string.
                text.contains(phrase) || (whole_words && self.adjacent(id, &term_ids))
            })
            .collect()
    }

    /// Whether item `id` has these Latin terms one after another.
    fn adjacent(&self, id: u32, terms: &[u32]) -> bool {
        !terms.is_empty()
            && self.sequences[id as usize]
                .windows(terms.len())
                .any(|w| w == terms)
    }

    /// One word as typed: exact term, prefix expansions, typo variants.
    fn word_scores(&self, text: &str, prefix: bool, highlight: &mut Highlight) -> Vec<(u32, f32)> {
        let folded = fold(text);
        let toks = tokens(&folded);
        if toks.len() != 1 || toks[0].word.is_none() {
            // Han text or several words typed together: a phrase.
            return self.phrase_scores(&folded, highlight);
        }
        let word = toks[0].word.clone().unwrap_or_default();
        let term = toks[0].term.clone();
        let mut out = Vec::new();
        let mut seen: BTreeSet<String> = BTreeSet::new();
        if self.term_scores(&term, 1.0, &mut out) {
            highlight.terms.insert(term.clone());
        }
        // Variants score at most as the word itself would (when the word occurs at all).
        let cap = self.term_idf(&term).unwrap_or(f32::INFINITY);
        seen.insert(term);
        if prefix {
            for (w, t) in self
                .words
                .range(word.clone()..)
                .take_while(|(w, _)| w.starts_with(&word))
                .take(MAX_PREFIX_WORDS)
            {
                let _ = w;
                if seen.insert(t.clone())
                    && self.term_scores_capped(t, PREFIX_WEIGHT, cap, &mut out)
                {
                    highlight.terms.insert(t.clone());
                }
            }
        }
        let letters = word.chars().count();
        if letters >= 5 && word.chars().all(char::is_alphabetic) {
            let max = if letters >= 9 { 2 } else { 1 };
            for (w, t) in &self.words {
                if seen.contains(t) || w.chars().count().abs_diff(letters) > max {
                    continue;
                }
                if within_distance(w, &word, max)
                    && seen.insert(t.clone())
                    && self.term_scores_capped(t, TYPO_WEIGHT, cap, &mut out)
                {
                    highlight.terms.insert(t.clone());
                }
            }
        }
        out
    }

    fn clause_scores(&self, clause: &[Term], highlight: &mut Highlight) -> Scored {
        let mut acc = Accumulator::new(self.len());
        for term in clause {
            let scores = match term {
                Term::Word { text, prefix } => self.word_scores(text, *prefix, highlight),
                Term::Phrase(text) => self.phrase_scores(&fold(text), highlight),
            };
            for (id, s) in scores {
                // Several forms of a word (exact, prefix, typo) add up, the best counting most.
                acc.add(id, s, |old, new| old.max(new) + old.min(new) * 0.25);
            }
        }
        acc.finish()
    }

    /// Items matching every clause and no excluded one, with summed scores.
    fn evaluate(&self, q: &Query, highlight: &mut Highlight) -> Scored {
        let mut total: Option<Scored> = None;
        for clause in &q.required {
            let scores = self.clause_scores(clause, highlight);
            total = Some(match total {
                None => scores,
                Some(prev) => intersect_sum(&prev, &scores),
            });
            if total.as_ref().is_some_and(Vec::is_empty) {
                break;
            }
        }
        let excluded = self.excluded(q);
        let mut total = total.unwrap_or_default();
        total.retain(|(id, _)| !excluded.contains(*id));
        total
    }

    fn excluded(&self, q: &Query) -> BitSet {
        let mut ignored = Highlight::default();
        let mut excluded = BitSet::new(self.len());
        for clause in &q.excluded {
            for (id, _) in self.clause_scores(clause, &mut ignored) {
                excluded.insert(id);
            }
        }
        excluded
    }

    /// Runs a query. `typing`: the last word may be incomplete (prefix match).
    pub fn search(&self, input: &str, typing: bool) -> SearchResult {
        let q = query::parse(input, typing);
        let mut result = SearchResult {
            matched: BitSet::new(self.len()),
            ..SearchResult::default()
        };
        if q.is_empty() {
            return result;
        }
        let direct = self.evaluate(&q, &mut result.highlight);
        let mut direct_ids = BitSet::new(self.len());
        for &(id, _) in &direct {
            direct_ids.insert(id);
        }
        let mut hits: Vec<Hit> = direct
            .into_iter()
            .map(|(id, score)| Hit {
                id,
                score,
                direct: true,
            })
            .collect();
        for hit in self.translated(&q, &direct_ids, &mut result) {
            hits.push(hit);
        }
        hits.sort_by(|a, b| {
            b.direct
                .cmp(&a.direct)
                .then(b.score.total_cmp(&a.score))
                .then(a.id.cmp(&b.id))
        });
        for h in &hits {
            result.matched.insert(h.id);
        }
        result.hits = hits;
        result
    }

    /// The query with its glossary names replaced by their names in the other language:
    /// hits that the direct query did not find, scored at half weight.
    fn translated(&self, q: &Query, direct: &BitSet, result: &mut SearchResult) -> Vec<Hit> {
        let text: Vec<String> = q
            .required
            .iter()
            .flatten()
            .map(|t| match t {
                Term::Word { text, .. } | Term::Phrase(text) => text.clone(),
            })
            .collect();
        let found = glossary::find(&fold(&text.join(" ")));
        if found.is_empty() {
            return Vec::new();
        }
        let mut total: Option<Scored> = None;
        for f in &found {
            let concept = &glossary::concepts()[f.concept];
            let names = if f.chinese { &concept.en } else { &concept.zh };
            let mut acc = Accumulator::new(self.len());
            for name in names {
                let scores = self.phrase_scores(name, &mut result.highlight);
                if scores.iter().any(|(id, _)| !direct.contains(*id))
                    && !result.also_matched.contains(name)
                {
                    result.also_matched.push(name.clone());
                }
                for (id, s) in scores {
                    acc.add(id, s, f32::max);
                }
            }
            total = Some(match total {
                None => acc.finish(),
                Some(prev) => intersect_sum(&prev, &acc.finish()),
            });
        }
        let excluded = self.excluded(q);
        total
            .unwrap_or_default()
            .into_iter()
            .filter(|&(id, _)| !direct.contains(id) && !excluded.contains(id))
            .map(|(id, score)| Hit {
                id,
                score: score * 0.5,
                direct: false,
            })
            .collect()
    }

    /// The terms of the vocabulary (for tests and tools).
    pub fn vocabulary(&self) -> impl Iterator<Item = &str> {
        self.words.keys().map(String::as_str)
    }

    /// Stemmed form of a word, as the index sees it.
    pub fn term_of(word: &str) -> String {
        stem(&fold(word))
    }
}

#[cfg(test)]
mod tests;
