//! Building the index: one pass over the searchable items of a bundle, folding and
//! tokenising each once, collecting per term the items and token positions, then weighing
//! every posting with BM25F once the average field lengths are known.
//!
//! Besides the tokens' own terms, each Han run of two or more chars also posts its last
//! char under the term `char + "$"` (a "run end"): with those, every occurrence of a char
//! starts exactly one term (a bigram, a run end, or a one-char run), so a one-char query
//! reads the terms that start with that char and needs no text (see `han_char_scores`).
//!
//! Cost: linear in the text; the postings hold one position per token.

use super::analyze::{fold, tokens, Token};
use super::postings::PostingList;
use super::{searchable, Index, ItemRef, B, K1, WEIGHTS};
use crate::model::{Bundle, ItemKind};
use std::collections::{BTreeMap, HashMap};

/// The suffix of a run-end term.
pub(super) const RUN_END: char = '$';

/// Whether `t` is a bigram that ends its Han run (the next token does not continue it).
fn ends_run(t: &Token, next: Option<&Token>) -> bool {
    t.word.is_none()
        && t.end - t.start == 2
        && !next.is_some_and(|n| n.word.is_none() && n.start == t.start + 1)
}

impl Index {
    pub fn build(bundle: &Bundle) -> Index {
        let mut refs = Vec::new();
        // Per item: its field (0 body, 1 heading) and its length in tokens.
        let mut lens: Vec<(usize, u32)> = Vec::new();
        let mut term_ids: HashMap<String, usize> = HashMap::new();
        // Per term: (item id, positions) in item order.
        let mut raw: Vec<Vec<(u32, Vec<u32>)>> = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let mut occurrences: Vec<(usize, u32)> = Vec::new();
        for (d, doc) in bundle.documents.iter().enumerate() {
            for (i, item) in doc.items.iter().enumerate() {
                if !searchable(item.kind) {
                    continue;
                }
                let id = refs.len() as u32;
                refs.push(ItemRef {
                    doc: d as u32,
                    item: i as u32,
                });
                let field = usize::from(matches!(
                    item.kind,
                    ItemKind::Title | ItemKind::Section | ItemKind::Case
                ));
                let toks = tokens(&fold(doc.item_text(item)));
                lens.push((field, toks.len() as u32));
                occurrences.clear();
                let mut intern = |term: String| -> usize {
                    let next = raw.len();
                    *term_ids.entry(term).or_insert_with(|| {
                        raw.push(Vec::new());
                        next
                    })
                };
                for (p, t) in toks.iter().enumerate() {
                    occurrences.push((intern(t.term.clone()), p as u32));
                    if let Some(word) = &t.word {
                        words.push(word.clone());
                    }
                    if ends_run(t, toks.get(p + 1)) {
                        let last = t.term.chars().nth(1).unwrap_or(RUN_END);
                        occurrences.push((intern(format!("{last}{RUN_END}")), p as u32));
                    }
                }
                occurrences.sort_unstable();
                for run in occurrences.chunk_by(|a, b| a.0 == b.0) {
                    raw[run[0].0].push((id, run.iter().map(|&(_, p)| p).collect()));
                }
            }
        }
        let n = lens.len().max(1) as f32;
        let mut avg = [0.0f32; 2];
        for (f, slot) in avg.iter_mut().enumerate() {
            let total: u32 = lens.iter().filter(|l| l.0 == f).map(|l| l.1).sum();
            *slot = (total as f32 / n).max(1.0);
        }
        let weight = |id: u32, tf: usize| -> f32 {
            let (field, len) = lens[id as usize];
            let tf = WEIGHTS[field] * tf as f32 / (1.0 - B + B * len as f32 / avg[field]);
            tf / (K1 + tf)
        };
        let mut terms = BTreeMap::new();
        for (term, t) in term_ids {
            let mut list = PostingList::default();
            for (id, positions) in &raw[t] {
                list.push(*id, weight(*id, positions.len()), positions);
            }
            terms.insert(term, list);
        }
        words.sort_unstable();
        words.dedup();
        Index {
            refs,
            terms,
            words: Some(words),
            shards: None,
        }
    }
}
