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
pub mod glossary;
pub mod query;
pub mod snippet;

use crate::model::{Bundle, ItemKind};
use analyze::{fold, stem, tokens};
use bitset::BitSet;
use query::{Query, Term};
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
    postings: HashMap<String, Vec<Posting>>,
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
    pub fn build(bundle: &Bundle) -> Index {
        let mut index = Index {
            refs: Vec::new(),
            folded: Vec::new(),
            lens: Vec::new(),
            avg: [0.0; 2],
            postings: HashMap::new(),
            words: BTreeMap::new(),
        };
        for (d, doc) in bundle.documents.iter().enumerate() {
            for (i, item) in doc.items.iter().enumerate() {
                if !searchable(item.kind) {
                    continue;
                }
                let id = index.refs.len() as u32;
                index.refs.push(ItemRef {
                    doc: d as u32,
                    item: i as u32,
                });
                let field = usize::from(matches!(
                    item.kind,
                    ItemKind::Title | ItemKind::Section | ItemKind::Case
                ));
                let folded = fold(doc.item_text(item));
                let mut counts: BTreeMap<String, u16> = BTreeMap::new();
                let toks = tokens(&folded);
                for t in &toks {
                    *counts.entry(t.term.clone()).or_default() += 1;
                    if let Some(word) = &t.word {
                        if !index.words.contains_key(word) {
                            index.words.insert(word.clone(), t.term.clone());
                        }
                    }
                }
                let mut len = [0u16; 2];
                len[field] = toks.len().min(u16::MAX as usize) as u16;
                index.lens.push(len);
                for (term, n) in counts {
                    let mut tf = [0u16; 2];
                    tf[field] = n;
                    index
                        .postings
                        .entry(term)
                        .or_default()
                        .push(Posting { id, tf });
                }
                index.folded.push(folded);
            }
        }
        let n = index.lens.len().max(1) as f32;
        for f in 0..2 {
            index.avg[f] = (index.lens.iter().map(|l| l[f] as f32).sum::<f32>() / n).max(1.0);
        }
        index
    }

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
        self.refs
            .iter()
            .position(|r| r.doc == doc && r.item == item)
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
        let Some(list) = self.postings.get(term) else {
            return false;
        };
        let idf = self.idf(list.len());
        out.extend(list.iter().map(|p| (p.id, weight * self.bm25(p, idf))));
        true
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
        let mut candidates: Option<BTreeMap<u32, f32>> = None;
        let distinct: BTreeSet<&str> = toks.iter().map(|t| t.term.as_str()).collect();
        for term in distinct {
            let mut scores = Vec::new();
            if !self.term_scores(term, 1.0, &mut scores) {
                return Vec::new();
            }
            let next: BTreeMap<u32, f32> = match candidates {
                None => scores.into_iter().collect(),
                Some(prev) => scores
                    .into_iter()
                    .filter_map(|(id, s)| prev.get(&id).map(|p| (id, p + s)))
                    .collect(),
            };
            candidates = Some(next);
        }
        let whole_words = !phrase.chars().any(analyze::is_han);
        candidates
            .unwrap_or_default()
            .into_iter()
            .filter(|&(id, _)| {
                // Stemmed words match their forms ("measures" for "measure"): for Latin
                // phrases the terms must be adjacent tokens, not the exact string.
                let text = &self.folded[id as usize];
                if whole_words {
                    adjacent_terms(text, &toks)
                } else {
                    text.contains(phrase)
                }
            })
            .collect()
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
        seen.insert(term);
        if prefix {
            for (w, t) in self
                .words
                .range(word.clone()..)
                .take_while(|(w, _)| w.starts_with(&word))
                .take(MAX_PREFIX_WORDS)
            {
                let _ = w;
                if seen.insert(t.clone()) && self.term_scores(t, PREFIX_WEIGHT, &mut out) {
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
                    && self.term_scores(t, TYPO_WEIGHT, &mut out)
                {
                    highlight.terms.insert(t.clone());
                }
            }
        }
        out
    }

    fn clause_scores(&self, clause: &[Term], highlight: &mut Highlight) -> HashMap<u32, f32> {
        let mut best: HashMap<u32, f32> = HashMap::new();
        for term in clause {
            let scores = match term {
                Term::Word { text, prefix } => self.word_scores(text, *prefix, highlight),
                Term::Phrase(text) => self.phrase_scores(&fold(text), highlight),
            };
            for (id, s) in scores {
                let e = best.entry(id).or_insert(0.0);
                // Several forms of one word (exact, prefix, typo) add up, capped by the best two.
                *e = e.max(s) + s.min(*e) * 0.25;
            }
        }
        best
    }

    /// Items matching every clause and no excluded one, with summed scores.
    fn evaluate(&self, q: &Query, highlight: &mut Highlight) -> Vec<(u32, f32)> {
        let mut total: Option<HashMap<u32, f32>> = None;
        for clause in &q.required {
            let scores = self.clause_scores(clause, highlight);
            total = Some(match total {
                None => scores,
                Some(prev) => prev
                    .into_iter()
                    .filter_map(|(id, s)| scores.get(&id).map(|t| (id, s + t)))
                    .collect(),
            });
        }
        let mut ignored = Highlight::default();
        let mut excluded = BTreeSet::new();
        for clause in &q.excluded {
            excluded.extend(self.clause_scores(clause, &mut ignored).into_keys());
        }
        total
            .unwrap_or_default()
            .into_iter()
            .filter(|(id, _)| !excluded.contains(id))
            .collect()
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
        let direct_ids: BTreeSet<u32> = direct.iter().map(|&(id, _)| id).collect();
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
    fn translated(&self, q: &Query, direct: &BTreeSet<u32>, result: &mut SearchResult) -> Vec<Hit> {
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
        let mut total: Option<HashMap<u32, f32>> = None;
        for f in &found {
            let concept = &glossary::concepts()[f.concept];
            let names = if f.chinese { &concept.en } else { &concept.zh };
            let mut best: HashMap<u32, f32> = HashMap::new();
            for name in names {
                let scores = self.phrase_scores(name, &mut result.highlight);
                if scores.iter().any(|(id, _)| !direct.contains(id))
                    && !result.also_matched.contains(name)
                {
                    result.also_matched.push(name.clone());
                }
                for (id, s) in scores {
                    let e = best.entry(id).or_insert(0.0);
                    *e = e.max(s);
                }
            }
            total = Some(match total {
                None => best,
                Some(prev) => prev
                    .into_iter()
                    .filter_map(|(id, s)| best.get(&id).map(|t| (id, s + t)))
                    .collect(),
            });
        }
        let mut ignored = Highlight::default();
        let mut excluded = BTreeSet::new();
        for clause in &q.excluded {
            excluded.extend(self.clause_scores(clause, &mut ignored).into_keys());
        }
        total
            .unwrap_or_default()
            .into_iter()
            .filter(|(id, _)| !direct.contains(id) && !excluded.contains(id))
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

/// Whether the phrase's tokens occur one after another in `text` (already folded).
fn adjacent_terms(text: &str, phrase: &[analyze::Token]) -> bool {
    let toks = tokens(text);
    toks.windows(phrase.len())
        .any(|w| w.iter().zip(phrase).all(|(a, b)| a.term == b.term))
}

/// Levenshtein distance of `a` and `b` is at most `max` (small `max`, short words).
fn within_distance(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            row[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(row[j] + 1);
        }
        if row.iter().min().is_some_and(|&m| m > max) {
            return false;
        }
        prev = row;
    }
    prev[b.len()] <= max
}

#[cfg(test)]
mod tests;
