//! Building the index: one pass over the searchable items of a bundle, folding and
//! tokenising each once, interning terms, and recording per item its field lengths, its
//! folded text and the sequence of its Latin terms (for phrases).
//!
//! Cost: linear in the text; memory about three times the text at scale (see
//! ARCHITECTURE.md for measured figures).

use super::analyze::{fold, tokens};
use super::{searchable, Index, ItemRef, Posting};
use crate::model::{Bundle, ItemKind};
use std::collections::{BTreeMap, HashMap};

impl Index {
    pub fn build(bundle: &Bundle) -> Index {
        let mut index = Index {
            refs: Vec::new(),
            folded: Vec::new(),
            lens: Vec::new(),
            avg: [0.0; 2],
            term_ids: HashMap::new(),
            postings: Vec::new(),
            sequences: Vec::new(),
            words: BTreeMap::new(),
        };
        let mut counts: Vec<(u32, u16)> = Vec::new();
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
                let toks = tokens(&folded);
                counts.clear();
                let mut sequence = Vec::new();
                for t in toks.iter() {
                    let term = match index.term_ids.get(t.term.as_str()) {
                        Some(&term) => term,
                        None => {
                            let term = index.postings.len() as u32;
                            index.term_ids.insert(t.term.clone(), term);
                            index.postings.push(Vec::new());
                            term
                        }
                    };
                    counts.push((term, 1));
                    if t.word.is_some() {
                        sequence.push(term);
                    }
                    if let Some(word) = &t.word {
                        if !index.words.contains_key(word) {
                            index.words.insert(word.clone(), t.term.clone());
                        }
                    }
                }
                // Term frequencies: sort by term, merge runs.
                counts.sort_unstable_by_key(|&(term, _)| term);
                counts.dedup_by(|next, kept| {
                    let same = next.0 == kept.0;
                    if same {
                        kept.1 = kept.1.saturating_add(1);
                    }
                    same
                });
                let mut len = [0u16; 2];
                len[field] = toks.len().min(u16::MAX as usize) as u16;
                index.lens.push(len);
                for &(term, n) in &counts {
                    let mut tf = [0u16; 2];
                    tf[field] = n;
                    index.postings[term as usize].push(Posting { id, tf });
                }
                index.folded.push(folded);
                sequence.shrink_to_fit();
                index.sequences.push(sequence);
            }
        }
        let n = index.lens.len().max(1) as f32;
        for f in 0..2 {
            index.avg[f] = (index.lens.iter().map(|l| l[f] as f32).sum::<f32>() / n).max(1.0);
        }
        index
    }
}
