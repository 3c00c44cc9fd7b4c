//! Posting lists: per term, the items that carry it, each with its BM25 term weight
//! (computed at build time, quantized) and the token positions where the term stands.
//!
//! Positions make the index self-sufficient: phrases and Chinese substrings are verified
//! on positions (the query's tokens at consecutive positions), so no item text is needed to
//! answer a query, and a sharded index answers exactly what an in-memory one does.
//!
//! The weight stored per posting is the saturated, length-normalised term frequency
//! `tf' / (K1 + tf')` of BM25F, in steps of 1/[`SCALE`]; the query multiplies it by the
//! term's idf (from the list's length). The weight does not depend on the query, so the
//! field lengths never travel.
//!
//! Cost: one id, one weight and tf positions per posting; encoded, about 2 + 1.5·tf chars.

use super::pack::{push, Unpack};

/// Weights are stored as `round(weight × SCALE)`, at least 1.
pub const SCALE: f32 = 1023.0;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PostingList {
    /// Item ids, increasing.
    ids: Vec<u32>,
    /// Per posting, the quantized BM25 weight.
    weights: Vec<u16>,
    /// Per posting, where its positions start in `positions`; one more entry at the end.
    starts: Vec<u32>,
    /// Token positions, increasing within each posting.
    positions: Vec<u32>,
}

impl PostingList {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// The BM25 weight of posting `i`, in (0, 1].
    pub fn weight(&self, i: usize) -> f32 {
        self.weights[i] as f32 / SCALE
    }

    /// Token positions of posting `i`; their count is the term frequency.
    pub fn positions(&self, i: usize) -> &[u32] {
        &self.positions[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// The posting of item `id`, if it has one.
    pub fn find(&self, id: u32) -> Option<usize> {
        self.ids.binary_search(&id).ok()
    }

    /// Appends a posting; ids must come in increasing order.
    pub fn push(&mut self, id: u32, weight: f32, positions: &[u32]) {
        debug_assert!(self.ids.last().is_none_or(|&last| last < id));
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.ids.push(id);
        self.weights
            .push((weight * SCALE).round().clamp(1.0, SCALE) as u16);
        self.positions.extend_from_slice(positions);
        self.starts.push(self.positions.len() as u32);
    }

    /// The packed form: per posting the id gap, the weight, the position count, and the
    /// positions as gaps (the first from 0).
    pub fn encode(&self) -> String {
        let mut out = String::with_capacity(self.ids.len() * 4 + self.positions.len() * 2);
        let mut last_id = 0;
        for (i, &id) in self.ids.iter().enumerate() {
            push(&mut out, id - last_id);
            last_id = id;
            push(&mut out, self.weights[i] as u32);
            let positions = self.positions(i);
            push(&mut out, positions.len() as u32);
            let mut last = 0;
            for &p in positions {
                push(&mut out, p - last);
                last = p;
            }
        }
        out
    }

    /// Reads [`encode`](Self::encode)'s form back; ids must stay below `items`.
    pub fn decode(text: &str, items: u32) -> Result<PostingList, String> {
        let mut r = Unpack::new(text);
        let mut list = PostingList::default();
        let mut id: u64 = 0;
        let mut first = true;
        while !r.is_done() {
            let gap = r.number()? as u64;
            if gap == 0 && !first {
                return Err("a posting list repeats an item".into());
            }
            first = false;
            id += gap;
            if id >= items as u64 {
                return Err(format!("a posting names item {id} of {items}"));
            }
            let weight = r.number()?;
            if weight == 0 || weight > SCALE as u32 {
                return Err(format!("a posting weight of {weight}"));
            }
            let count = r.number()? as usize;
            if list.starts.is_empty() {
                list.starts.push(0);
            }
            let mut at: u64 = 0;
            for _ in 0..count {
                at += r.number()? as u64;
                list.positions
                    .push(u32::try_from(at).map_err(|_| "a position beyond u32")?);
            }
            list.ids.push(id as u32);
            list.weights.push(weight as u16);
            list.starts.push(list.positions.len() as u32);
        }
        Ok(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip() {
        let mut list = PostingList::default();
        list.push(3, 0.5, &[0, 7, 40]);
        list.push(4, 1.0, &[2]);
        list.push(900, 0.0001, &[1000, 1001]);
        let text = list.encode();
        let back = PostingList::decode(&text, 901).unwrap();
        assert_eq!(back, list);
        assert_eq!(back.positions(0), [0, 7, 40]);
        assert_eq!(
            back.weight(2),
            1.0 / SCALE,
            "the smallest weight is one step"
        );
        assert_eq!(back.find(4), Some(1));
        assert!(PostingList::decode(&text, 900).is_err(), "item 900 of 900");
        assert!(PostingList::decode(&text[..text.len() - 1], 901).is_err());
    }
}
