//! Full-text search over the items of a bundle, in pure Rust, the same natively and in wasm.
//!
//! - [`analyze`]: the single analyzer (folding, UAX #29 words, stemming, Han bigrams).
//! - [`query`]: the query language (AND, `OR`, `"phrases"`, `-exclusion`, prefix while typing).
//! - [`glossary`]: cross-language expansion (海关 ⇄ customs), ranked below direct matches;
//!   `expand` applies it to a query (translated hits, excluded names).
//! - [`snippet`]: the best passage of a hit with char ranges to highlight.
//! - [`bitset`]: result sets that facets intersect cheaply.
//! - [`postings`] (+ [`pack`]): posting lists with weights and positions, and their text form.
//! - `phrases`: phrases and Chinese substrings verified on positions; one-char Han queries.
//! - `spelling`: compounds typed as one word, misspelt parts of hyphenated words, and
//!   "did you mean" for a query that finds nothing.
//! - [`sharded`]: an index that arrives in shards (term ranges and the word list), loaded as
//!   queries need them.
//!
//! Ranking is BM25F over two fields (headings — titles, sections, cases — weigh twice the
//! body), ties broken by item order; the weights are computed when the index is built.
//! Words match exactly (stem), by prefix (the last word while typing, weight 0.8) and with
//! typos (edit distance 1 for 5+ letters, 2 for 9+, weight 0.6). Han text is matched by
//! bigrams at consecutive positions, so a Chinese query finds exactly the items that contain
//! it; a one-char query reads the terms that start with its char.
//!
//! An index need not be complete: a search that wanted a shard not loaded yet returns it in
//! [`SearchResult::missing`]; the caller loads it and searches again (see `store`).
//!
//! Cost: building is linear in the text (one position per token); a query costs its posting
//! lists, plus one scan of the word list for typos.

pub mod analyze;
pub mod bitset;
mod build;
mod expand;
pub mod glossary;
pub mod pack;
mod phrases;
pub mod postings;
pub mod query;
mod scoring;
pub mod sharded;
pub mod snippet;
mod spelling;

use crate::model::ItemKind;
use analyze::{fold, stem, tokens};
use bitset::BitSet;
use postings::PostingList;
use query::{Query, Term};
use scoring::{intersect_sum, within_distance, Accumulator, Scored};
use std::collections::{BTreeMap, BTreeSet};

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

/// The search index of one bundle, whole (built in memory) or in the part loaded so far.
pub struct Index {
    refs: Vec<ItemRef>,
    /// Term → its posting list: every term, or those of the shards loaded so far.
    terms: BTreeMap<String, PostingList>,
    /// The Latin words as written (folded), sorted: for prefixes and typos. A word's term is
    /// `stem(word)`. `None` while the word list is not loaded.
    words: Option<Vec<String>>,
    /// Where the rest is, for an index that arrives in shards.
    shards: Option<sharded::Shards>,
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
    /// Shards the query needs that are not loaded: while not empty, the result is partial.
    pub missing: Vec<String>,
}

/// What a query's evaluation leaves behind besides scores.
#[derive(Default)]
struct Trace {
    highlight: Highlight,
    missing: BTreeSet<String>,
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

    fn idf(&self, df: usize) -> f32 {
        let n = self.refs.len() as f32;
        (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln()
    }

    /// The posting list of `term`; `None` when no item has it, or when its shard is not
    /// loaded (then the shard is noted as missing).
    fn list(&self, term: &str, trace: &mut Trace) -> Option<&PostingList> {
        let list = self.terms.get(term);
        if list.is_none() {
            if let Some(shards) = &self.shards {
                shards.note_term(term, &mut trace.missing);
            }
        }
        list
    }

    /// The word list, or `None` (noted as missing) while it is not loaded.
    fn words(&self, trace: &mut Trace) -> Option<&[String]> {
        if self.words.is_none() {
            if let Some(shards) = &self.shards {
                trace.missing.insert(shards.words.clone());
            }
        }
        self.words.as_deref()
    }

    /// Scores of every item carrying `term`, times `weight`, into `out`.
    fn term_scores(
        &self,
        term: &str,
        weight: f32,
        out: &mut Vec<(u32, f32)>,
        trace: &mut Trace,
    ) -> bool {
        self.term_scores_capped(term, weight, f32::INFINITY, out, trace)
    }

    /// Like `term_scores`, with the term's idf capped: a prefix completion or typo variant
    /// must not outrank the word itself just because the variant is rarer.
    fn term_scores_capped(
        &self,
        term: &str,
        weight: f32,
        idf_cap: f32,
        out: &mut Vec<(u32, f32)>,
        trace: &mut Trace,
    ) -> bool {
        let Some(list) = self.list(term, trace) else {
            return false;
        };
        let idf = self.idf(list.len()).min(idf_cap);
        out.extend(
            list.ids()
                .iter()
                .enumerate()
                .map(|(i, &id)| (id, weight * idf * list.weight(i))),
        );
        true
    }

    fn term_idf(&self, term: &str, trace: &mut Trace) -> Option<f32> {
        self.list(term, trace).map(|l| self.idf(l.len()))
    }

    /// One word as typed: exact term, prefix expansions, typo variants.
    fn word_scores(&self, text: &str, prefix: bool, trace: &mut Trace) -> Vec<(u32, f32)> {
        let folded = fold(text);
        let toks = tokens(&folded);
        if toks.len() != 1 || toks[0].word.is_none() {
            // Han text or several words typed together: a phrase; a hyphenated word with a
            // misspelt part ("e-comerce") as typos are.
            let found = self.phrase_scores(&folded, trace);
            if !found.is_empty() || toks.iter().any(|t| t.word.is_none()) {
                return found;
            }
            let Some(words) = self.words(trace) else {
                return found;
            };
            let corrected = self.corrected_phrase_scores(&folded, words, trace);
            return corrected
                .into_iter()
                .map(|(id, s)| (id, s * TYPO_WEIGHT))
                .collect();
        }
        let word = toks[0].word.clone().unwrap_or_default();
        let term = toks[0].term.clone();
        let mut out = Vec::new();
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let exact = self.term_scores(&term, 1.0, &mut out, trace);
        if exact {
            trace.highlight.terms.insert(term.clone());
        }
        // Variants score at most as the word itself would (when the word occurs at all).
        let cap = self.term_idf(&term, trace).unwrap_or(f32::INFINITY);
        seen.insert(term);
        let letters = word.chars().count();
        let typos = letters >= 5 && word.chars().all(char::is_alphabetic);
        if !prefix && !typos && (exact || letters < 4) {
            return out;
        }
        let Some(words) = self.words(trace) else {
            return out;
        };
        // Two indexed words run together ("ecommerce" for "e-commerce") count as the word.
        if !exact {
            out.extend(self.compound_scores(&word, words, trace));
        }
        let mut variants: Vec<(String, f32)> = Vec::new();
        if prefix {
            let from = words.partition_point(|w| w.as_str() < word.as_str());
            for w in words[from..]
                .iter()
                .take_while(|w| w.starts_with(&word))
                .take(MAX_PREFIX_WORDS)
            {
                variants.push((stem(w), PREFIX_WEIGHT));
            }
        }
        if typos {
            let max = if letters >= 9 { 2 } else { 1 };
            for w in words {
                if w.chars().count().abs_diff(letters) <= max && within_distance(w, &word, max) {
                    variants.push((stem(w), TYPO_WEIGHT));
                }
            }
        }
        for (t, weight) in variants {
            if !seen.contains(&t) && self.term_scores_capped(&t, weight, cap, &mut out, trace) {
                trace.highlight.terms.insert(t.clone());
            }
            seen.insert(t);
        }
        out
    }

    fn clause_scores(&self, clause: &[Term], trace: &mut Trace) -> Scored {
        let mut acc = Accumulator::new(self.len());
        for term in clause {
            let scores = match term {
                Term::Word { text, prefix } => self.word_scores(text, *prefix, trace),
                Term::Phrase(text) => self.phrase_scores(&fold(text), trace),
            };
            for (id, s) in scores {
                // Several forms of a word (exact, prefix, typo) add up, the best counting most.
                acc.add(id, s, |old, new| old.max(new) + old.min(new) * 0.25);
            }
        }
        acc.finish()
    }

    /// Items matching every clause and none of `excluded`, with summed scores.
    fn evaluate(&self, q: &Query, excluded: &BitSet, trace: &mut Trace) -> Scored {
        let mut total: Option<Scored> = None;
        for clause in &q.required {
            let scores = self.clause_scores(clause, trace);
            total = Some(match total {
                None => scores,
                Some(prev) => intersect_sum(&prev, &scores),
            });
            // Nothing can match any more — unless a shard was missing.
            if total.as_ref().is_some_and(Vec::is_empty) && trace.missing.is_empty() {
                break;
            }
        }
        let mut total = total.unwrap_or_default();
        total.retain(|(id, _)| !excluded.contains(*id));
        total
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
        let mut trace = Trace::default();
        // Computed once: direct and translated hits leave out the same items.
        let excluded = self.excluded(&q, &mut trace);
        let direct = self.evaluate(&q, &excluded, &mut trace);
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
        for hit in self.translated(&q, &direct_ids, &excluded, &mut result, &mut trace) {
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
        result.highlight = trace.highlight;
        result.missing = trace.missing.into_iter().collect();
        result
    }

    /// The Latin words of the vocabulary as written (for tests and tools); empty while the
    /// word list is not loaded.
    pub fn vocabulary(&self) -> impl Iterator<Item = &str> {
        self.words.iter().flatten().map(String::as_str)
    }

    /// Stemmed form of a word, as the index sees it.
    pub fn term_of(word: &str) -> String {
        stem(&fold(word))
    }
}

#[cfg(test)]
mod tests;
