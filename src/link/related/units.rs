//! The vectors the matching compares: the matched items (a case with its parts' text), cut
//! into passages, each with its weighted terms and concepts.
//!
//! Cost: one analyzer pass and one concept pass per item; the weights are one pass over the
//! passages' terms.

use super::Options;
use crate::link::concepts::{concept_counts, is_generic, is_named_entity};
use crate::link::terms::Vocabulary;
use crate::model::{Bundle, ItemAt, ItemKind, Lang};
use std::collections::HashMap;

/// Weights of stock terms and concepts, and of places and agencies across languages.
const GENERIC_WEIGHT: f64 = 0.25;
const ENTITY_WEIGHT: f64 = 0.3;

/// The kinds of items that are matched.
fn is_matched(kind: ItemKind) -> bool {
    matches!(
        kind,
        ItemKind::Measure | ItemKind::Case | ItemKind::Point | ItemKind::Paragraph
    )
}

/// A passage of a matched item (a sentence, or a few short ones): what is compared. An
/// item's similarity to another is that of their closest passages, so that a reform
/// restated in one sentence of a long paragraph is found.
pub(super) struct Unit {
    /// The item it is a passage of (index into the matched items) and that item.
    pub owner: usize,
    pub at: ItemAt,
    pub lang: Lang,
    /// `(term, weight)` by term, and the vector's length.
    pub terms: Vec<(u32, f64)>,
    pub norm: f64,
    pub concepts: Vec<(u32, f64)>,
    pub concept_norm: f64,
}

/// The text each matched item is compared by: its own, and a case's parts after it.
fn units_of(bundle: &Bundle) -> Vec<(ItemAt, Lang, String)> {
    let mut out = Vec::new();
    for (d, doc) in bundle.documents.iter().enumerate() {
        for (i, item) in doc.items.iter().enumerate() {
            if !is_matched(item.kind) {
                continue;
            }
            let mut text = doc.item_text(item).to_string();
            if item.kind == ItemKind::Case {
                for part in doc.items[i + 1..]
                    .iter()
                    .take_while(|p| p.kind == ItemKind::CasePart && p.parent == Some(i as u32))
                {
                    text.push('\n');
                    text.push_str(doc.item_text(part));
                }
            }
            let at = ItemAt {
                doc: d as u32,
                item: i as u32,
            };
            out.push((at, doc.lang, text));
        }
    }
    out
}

fn idf(n: usize, df: usize) -> f64 {
    (1.0 + n as f64 / df.max(1) as f64).ln()
}

fn weigh(counts: &[(u32, u32)], idf: impl Fn(u32) -> f64) -> (Vec<(u32, f64)>, f64) {
    let v: Vec<(u32, f64)> = counts
        .iter()
        .map(|&(t, n)| (t, (1.0 + (n as f64).ln()) * idf(t)))
        .collect();
    let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    (v, norm)
}

pub(super) fn dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// A text cut into passages: sentences (。！？；, ". ", line ends), short ones joined to the
/// next until a passage has `min_terms` terms.
fn passages(text: &str, vocabulary: &mut Vocabulary, min_terms: usize) -> Vec<Vec<(u32, u32)>> {
    let mut out: Vec<Vec<(u32, u32)>> = Vec::new();
    let mut pending = String::new();
    let pieces = text
        .split_inclusive(['。', '！', '？', '；', '!', '?', ';', '\n'])
        .flat_map(|s| s.split_inclusive(". "));
    for piece in pieces {
        pending.push_str(piece);
        let counts = vocabulary.counts(&pending);
        if counts.len() >= min_terms {
            out.push(counts);
            pending.clear();
        }
    }
    if !pending.trim().is_empty() {
        let counts = vocabulary.counts(&pending);
        match out.last_mut() {
            // A short tail belongs to the passage before it.
            Some(last) if counts.len() < min_terms => {
                for (t, n) in counts {
                    match last.binary_search_by_key(&t, |x| x.0) {
                        Ok(i) => last[i].1 += n,
                        Err(i) => last.insert(i, (t, n)),
                    }
                }
            }
            _ => out.push(counts),
        }
    }
    out
}

/// The matched items (where, language, text), their passages, and per term id whether it
/// is a stock term.
pub(super) fn build_units(
    bundle: &Bundle,
    options: &Options,
) -> (Vec<(ItemAt, Lang, String)>, Vec<Unit>, Vec<bool>) {
    let items = units_of(bundle);
    let mut vocabulary = Vocabulary::default();
    // (owner, terms, concepts) of every passage.
    let mut raw: Vec<(usize, Vec<(u32, u32)>, Vec<(u32, u32)>)> = Vec::new();
    for (owner, (_, _, text)) in items.iter().enumerate() {
        if vocabulary.counts(text).len() < options.min_terms {
            continue;
        }
        for terms in passages(text, &mut vocabulary, options.passage_terms) {
            raw.push((owner, terms, Vec::new()));
        }
        // Concepts are few per item: an item's are compared whole.
        if let Some(last) = raw.last_mut().filter(|r| r.0 == owner) {
            last.2 = concept_counts(text);
        }
    }
    // Document frequencies: of terms per language (over passages), of concepts over all.
    let mut df: HashMap<(Lang, u32), usize> = HashMap::new();
    let mut per_lang: HashMap<Lang, usize> = HashMap::new();
    let mut concept_df: HashMap<u32, usize> = HashMap::new();
    for (owner, terms, cs) in &raw {
        let lang = items[*owner].1;
        *per_lang.entry(lang).or_default() += 1;
        for &(t, _) in terms {
            *df.entry((lang, t)).or_default() += 1;
        }
        for &(c, _) in cs {
            *concept_df.entry(c).or_default() += 1;
        }
    }
    let with_concepts = raw.iter().filter(|r| !r.2.is_empty()).count().max(1);
    let mut units = Vec::with_capacity(raw.len());
    for (owner, terms, cs) in raw {
        let (at, lang, _) = items[owner];
        let n = per_lang[&lang];
        let (terms, norm) = weigh(&terms, |t| {
            let w = idf(n, df[&(lang, t)]);
            if vocabulary.generic[t as usize] {
                w * GENERIC_WEIGHT
            } else {
                w
            }
        });
        let (concepts, concept_norm) = weigh(&cs, |c| {
            let w = idf(with_concepts, concept_df[&c]);
            if is_generic(c) {
                w * GENERIC_WEIGHT
            } else if is_named_entity(c) {
                w * ENTITY_WEIGHT
            } else {
                w
            }
        });
        units.push(Unit {
            owner,
            at,
            lang,
            terms,
            norm,
            concepts,
            concept_norm,
        });
    }
    (items, units, vocabulary.generic)
}

/// The part of two vectors' dot product carried by terms that are not stock terms.
pub(super) fn substantive_dot(a: &[(u32, f64)], b: &[(u32, f64)], generic: &[bool]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if !generic[a[i].0 as usize] {
                    sum += a[i].1 * b[j].1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    sum
}
