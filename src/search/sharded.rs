//! The index in shards: the form a bundle's index travels in, so that a query fetches only
//! the few files its terms need.
//!
//! - the word list (every Latin word as written, sorted; prefixes and typos read it);
//! - term shards: the posting lists of a contiguous range of terms (in `str` order), about
//!   `target` bytes each; a list larger than that is a shard of its own. Han bigrams and
//!   words share the one term order, so a Han char's terms (a one-char query) are one range;
//! - in the manifest, [`SearchManifest`]: the searchable items of each document, and the
//!   first term and file of each term shard.
//!
//! [`Index::split`] writes these parts (names are the caller's: `store` hashes them);
//! [`Index::from_manifest`] opens an index with nothing loaded and [`Index::load`] adds a
//! shard. A search notes the shards it lacked in [`SearchResult::missing`](super::SearchResult).
//!
//! Cost: the manifest holds a few chars per document and per shard; a shard decodes in
//! time linear in its size.

use super::postings::PostingList;
use super::{Index, ItemRef};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The index's part of a manifest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchManifest {
    /// Per document, its searchable items as ranges of item indices ("0,4-80").
    pub refs: Vec<String>,
    /// The word list's file.
    pub words: String,
    /// Per term shard, in term order: its first term (the first shard's is "") and its file.
    pub terms: Vec<(String, String)>,
}

/// A term shard's file.
#[derive(Serialize, Deserialize)]
struct TermFile {
    terms: Vec<(String, String)>,
}

/// The word list's file.
#[derive(Serialize, Deserialize)]
struct WordFile {
    words: Vec<String>,
}

/// What is where, and what is loaded.
pub(super) struct Shards {
    pub(super) words: String,
    firsts: Vec<String>,
    names: Vec<String>,
    loaded: Vec<bool>,
}

impl Shards {
    fn shard_of(&self, term: &str) -> usize {
        self.firsts
            .partition_point(|f| f.as_str() <= term)
            .saturating_sub(1)
    }

    /// Notes the shard of `term` as missing unless it is loaded.
    pub(super) fn note_term(&self, term: &str, missing: &mut BTreeSet<String>) {
        let i = self.shard_of(term);
        if !self.loaded[i] {
            missing.insert(self.names[i].clone());
        }
    }

    /// Notes every unloaded shard that may hold a term starting with `prefix`.
    pub(super) fn note_prefix(&self, prefix: &str, missing: &mut BTreeSet<String>) {
        let from = self.shard_of(prefix);
        for i in from..self.firsts.len() {
            if i > from && !self.firsts[i].starts_with(prefix) {
                break;
            }
            if !self.loaded[i] {
                missing.insert(self.names[i].clone());
            }
        }
    }
}

/// The parts of a split index, before they are named.
pub struct Split {
    pub refs: Vec<String>,
    /// The word list's file.
    pub words: String,
    /// Per term shard: its first term and its file.
    pub terms: Vec<(String, String)>,
}

fn ranges_text(items: &[u32]) -> String {
    let mut out = Vec::new();
    for run in items.chunk_by(|a, b| a + 1 == *b) {
        let (a, b) = (run[0], run[run.len() - 1]);
        out.push(if a == b {
            a.to_string()
        } else {
            format!("{a}-{b}")
        });
    }
    out.join(",")
}

fn parse_ranges(text: &str) -> Result<Vec<u32>, String> {
    let mut out = Vec::new();
    for part in text.split(',').filter(|p| !p.is_empty()) {
        let number = |s: &str| {
            s.parse::<u32>()
                .map_err(|_| format!("{part:?} is no item range"))
        };
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (number(a)?, number(b)?),
            None => (number(part)?, number(part)?),
        };
        if b < a || out.last().is_some_and(|&l| l >= a) || b - a > 1_000_000 {
            return Err(format!("{part:?} is no item range after {:?}", out.last()));
        }
        out.extend(a..=b);
    }
    Ok(out)
}

impl Index {
    /// The index as files: the word list and term shards of about `target` bytes.
    pub fn split(&self, documents: usize, target: usize) -> Split {
        let mut per_doc: Vec<Vec<u32>> = vec![Vec::new(); documents];
        for r in &self.refs {
            per_doc[r.doc as usize].push(r.item);
        }
        let words = WordFile {
            words: self.words.clone().unwrap_or_default(),
        };
        let mut terms = Vec::new();
        let mut current: Vec<(String, String)> = Vec::new();
        let mut size = 0;
        let flush = |current: &mut Vec<(String, String)>, terms: &mut Vec<(String, String)>| {
            if current.is_empty() {
                return;
            }
            let first = if terms.is_empty() {
                String::new()
            } else {
                current[0].0.clone()
            };
            let file = TermFile {
                terms: std::mem::take(current),
            };
            terms.push((first, serde_json::to_string(&file).unwrap_or_default()));
        };
        for (term, list) in &self.terms {
            let packed = list.encode();
            let cost = term.len() + packed.len() + 6;
            if size + cost > target && !current.is_empty() {
                flush(&mut current, &mut terms);
                size = 0;
            }
            size += cost;
            current.push((term.clone(), packed));
        }
        flush(&mut current, &mut terms);
        Split {
            refs: per_doc.iter().map(|items| ranges_text(items)).collect(),
            words: serde_json::to_string(&words).unwrap_or_default(),
            terms,
        }
    }

    /// An index of which only the manifest is known: every search notes the shards it needs.
    pub fn from_manifest(m: &SearchManifest) -> Result<Index, String> {
        let mut refs = Vec::new();
        for (d, text) in m.refs.iter().enumerate() {
            for item in parse_ranges(text).map_err(|e| format!("document {d}: {e}"))? {
                refs.push(ItemRef {
                    doc: d as u32,
                    item,
                });
            }
        }
        if m.terms.first().is_none_or(|t| !t.0.is_empty())
            || m.terms.windows(2).any(|w| w[0].0 >= w[1].0)
        {
            return Err("the term shards are not in term order from \"\"".into());
        }
        Ok(Index {
            refs,
            terms: Default::default(),
            words: None,
            shards: Some(Shards {
                words: m.words.clone(),
                firsts: m.terms.iter().map(|t| t.0.clone()).collect(),
                names: m.terms.iter().map(|t| t.1.clone()).collect(),
                loaded: vec![false; m.terms.len()],
            }),
        })
    }

    /// Whether the shard `name` is loaded (always, for an index built in memory).
    pub fn is_loaded(&self, name: &str) -> bool {
        match &self.shards {
            None => true,
            Some(s) if s.words == name => self.words.is_some(),
            Some(s) => s
                .names
                .iter()
                .position(|n| n == name)
                .is_some_and(|i| s.loaded[i]),
        }
    }

    /// Adds the shard `name`, read from `text`; a file that does not decode, or holds terms
    /// outside its range, is an error and changes nothing.
    pub fn load(&mut self, name: &str, text: &str) -> Result<(), String> {
        let items = self.refs.len() as u32;
        let Some(shards) = &mut self.shards else {
            return Ok(());
        };
        if shards.words == name {
            let file: WordFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
            if file.words.windows(2).any(|w| w[0] >= w[1]) {
                return Err("the word list is not sorted".into());
            }
            self.words = Some(file.words);
            return Ok(());
        }
        let Some(i) = shards.names.iter().position(|n| n == name) else {
            return Err("not a file of this index".into());
        };
        let file: TermFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let next = shards.firsts.get(i + 1);
        let mut lists = Vec::with_capacity(file.terms.len());
        for (term, packed) in file.terms {
            if term < shards.firsts[i] || next.is_some_and(|n| &term >= n) {
                return Err(format!("the term {term:?} does not belong in this shard"));
            }
            let list = PostingList::decode(&packed, items).map_err(|e| format!("{term:?}: {e}"))?;
            lists.push((term, list));
        }
        self.terms.extend(lists);
        shards.loaded[i] = true;
        Ok(())
    }
}
