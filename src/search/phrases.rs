//! Phrases and Chinese substrings: a query's tokens found at consecutive positions of an
//! item, and one-char Han queries answered from the terms that start with the char.
//!
//! Cost: the posting lists of the phrase's terms, plus a binary search in the positions
//! of each candidate; a one-char query reads every term of its char.

use super::analyze::{is_han, tokens};
use super::postings::PostingList;
use super::scoring::{intersect_sum, Scored};
use super::{Index, Trace};
use std::collections::BTreeSet;

/// Whether item `id` has the lists' terms at consecutive positions (the lists in the
/// order of the phrase's tokens).
fn consecutive(id: u32, lists: &[&PostingList]) -> bool {
    let Some(found) = lists
        .iter()
        .map(|l| l.find(id).map(|i| l.positions(i)))
        .collect::<Option<Vec<&[u32]>>>()
    else {
        return false;
    };
    found[0].iter().any(|&p| {
        found[1..]
            .iter()
            .enumerate()
            .all(|(j, pos)| pos.binary_search(&(p + 1 + j as u32)).is_ok())
    })
}

impl Index {
    /// Items containing the Han char `c`, scored by its count n as n / (1 + n): every
    /// occurrence starts exactly one term (see `build`), so the terms starting with `c`
    /// count them all.
    fn han_char_scores(&self, c: char, trace: &mut Trace) -> Vec<(u32, f32)> {
        let prefix = c.to_string();
        if let Some(shards) = &self.shards {
            shards.note_prefix(&prefix, &mut trace.missing);
        }
        let mut counts: Vec<(u32, u32)> = Vec::new();
        for (_, list) in self
            .terms
            .range(prefix.clone()..)
            .take_while(|(t, _)| t.starts_with(&prefix))
        {
            for (i, &id) in list.ids().iter().enumerate() {
                counts.push((id, list.positions(i).len() as u32));
            }
        }
        counts.sort_unstable();
        counts
            .chunk_by(|a, b| a.0 == b.0)
            .map(|run| {
                let n = run.iter().map(|r| r.1).sum::<u32>() as f32;
                (run[0].0, n / (1.0 + n))
            })
            .collect()
    }

    /// Items whose text has `phrase`'s tokens (folded) at consecutive positions, scored by
    /// its terms.
    pub(super) fn phrase_scores(&self, phrase: &str, trace: &mut Trace) -> Vec<(u32, f32)> {
        let toks = tokens(phrase);
        if toks.is_empty() {
            return Vec::new();
        }
        trace.highlight.phrases.push(phrase.to_string());
        if toks.len() == 1 && toks[0].term.chars().count() == 1 {
            if let Some(c) = toks[0].term.chars().next().filter(|&c| is_han(c)) {
                return self.han_char_scores(c, trace);
            }
        }
        // Every list first, so that one pass notes every missing shard.
        let lists: Vec<Option<&PostingList>> =
            toks.iter().map(|t| self.list(&t.term, trace)).collect();
        let Some(lists) = lists.into_iter().collect::<Option<Vec<&PostingList>>>() else {
            return Vec::new();
        };
        let mut candidates: Option<Scored> = None;
        let distinct: BTreeSet<&str> = toks.iter().map(|t| t.term.as_str()).collect();
        for term in distinct {
            let mut scores = Vec::new();
            self.term_scores(term, 1.0, &mut scores, trace);
            candidates = Some(match candidates {
                None => scores,
                Some(prev) => intersect_sum(&prev, &scores),
            });
        }
        let mut candidates = candidates.unwrap_or_default();
        if lists.len() > 1 {
            candidates.retain(|&(id, _)| consecutive(id, &lists));
        }
        candidates
    }
}
