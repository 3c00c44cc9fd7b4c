//! Related items across documents: for each measure, case, point and paragraph, the items
//! of *other* documents that state the same reform.
//!
//! - **Passages**: an item is cut into sentences (short ones joined), and two items are as
//!   alike as their closest passages — a reform is usually one sentence of a long
//!   paragraph, and whole-item vectors drown it.
//! - **Same language**: cosine of tf-idf passage vectors (the search analyzer's stems and
//!   Han bigrams; `terms.rs`), idf over the corpus's passages of that language, the genre's
//!   stock phrases weighted a quarter, and at least [`Options::substance`] of the match
//!   carried by other words. A reform's own words (一证多址, 容缺受理, "bonded repair") are
//!   rare in a corpus and carry a match; 进一步深化改革 is everywhere and carries none.
//! - **Copies**: a same-language match whose 5-char shingles (within sentences, so an order
//!   of sentences does not matter) are at least [`Options::copy`] alike.
//! - **Across languages**: cosine of the items' glossary concepts (`concepts.rs`), places
//!   and agencies and stock concepts weighted low, with shared concepts of substance; listed
//!   after every same-language match.
//!
//! An item keeps at most one match per other document (its best), [`Options::same`]
//! same-language and [`Options::across_kept`] cross-language ones. The thresholds are tuned
//! on the labelled pairs of `tests/fixtures/related/` (see `tests/links.rs`).
//!
//! Cost: one analyzer pass per item; candidates come from the posting lists of each
//! passage's [`Options::query_terms`] heaviest terms, lists longer than
//! [`Options::max_postings`] skipped (terms too common to pick a reform out), partial dot
//! products in one reused accumulator, exact cosines for the [`Options::candidates`] best:
//! the work per passage is bounded whatever the corpus size. About 21 s for 1,000
//! documents (35,000 items) in a release build, 2.4× their ingest.

mod units;

use super::concepts::{is_generic, is_named_entity};
use super::terms::{jaccard, shingles};
use crate::model::{Bundle, ItemAt, Lang, Related, Relation};
use std::collections::HashMap;
use units::{build_units, dot, substantive_dot, Unit};

/// The thresholds and caps of the matching; `Default` is what the build ships.
#[derive(Clone, Debug)]
pub struct Options {
    /// Least cosine of a same-language match.
    pub similar: f64,
    /// Least share of a same-language match's cosine carried by terms that are not stock
    /// terms (a copy of a formula is not a reform).
    pub substance: f64,
    /// Least shingle resemblance of a copy.
    pub copy: f64,
    /// Least cosine of a cross-language match.
    pub across: f64,
    /// Least number of shared concepts (not places, agencies or stock concepts) across
    /// languages.
    pub across_shared: usize,
    /// Matches kept per item.
    pub same: usize,
    pub across_kept: usize,
    /// Passages are sentences joined until they have this many terms.
    pub passage_terms: usize,
    /// Items shorter than this many terms are not matched (a line of a few words says too
    /// little to tell one reform from another).
    pub min_terms: usize,
    pub query_terms: usize,
    pub max_postings: usize,
    pub candidates: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            similar: 0.17,
            substance: 0.7,
            copy: 0.80,
            across: 0.45,
            across_shared: 1,
            same: 6,
            across_kept: 3,
            min_terms: 6,
            passage_terms: 6,
            query_terms: 24,
            max_postings: 600,
            candidates: 40,
        }
    }
}

/// A match is kept only at this share of its item's best match of the same kind or more.
const RELATIVE: f64 = 0.5;

/// A candidate match of one unit.
struct Match {
    other: usize,
    score: f64,
    relation: Relation,
}

/// Posting lists: per feature, the passages holding it with their weight.
type Postings = HashMap<u32, Vec<(usize, f64)>>;

/// Partial dot products, reused from one passage to the next: a score per passage and the
/// passages touched (so that clearing costs what was touched, not the corpus).
struct Accumulator {
    scores: Vec<f64>,
    touched: Vec<usize>,
}

impl Accumulator {
    fn new(len: usize) -> Accumulator {
        Accumulator {
            scores: vec![0.0; len],
            touched: Vec::new(),
        }
    }
}

/// Candidates from the posting lists of `unit`'s heaviest features (`features` picks the
/// vector), other documents only, best `options.candidates` by partial dot product.
fn candidates(
    units: &[Unit],
    unit: usize,
    postings: &Postings,
    features: impl Fn(&Unit) -> &[(u32, f64)],
    same_language: bool,
    options: &Options,
    acc: &mut Accumulator,
) -> Vec<usize> {
    let mut heaviest: Vec<(u32, f64)> = features(&units[unit]).to_vec();
    heaviest.sort_by(|a, b| b.1.total_cmp(&a.1));
    let me = &units[unit];
    for (f, w) in heaviest.into_iter().take(options.query_terms) {
        let Some(list) = postings.get(&f) else {
            continue;
        };
        if list.len() > options.max_postings {
            continue;
        }
        for &(other, ow) in list {
            let o = &units[other];
            if o.at.doc != me.at.doc && (o.lang == me.lang) == same_language {
                if acc.scores[other] == 0.0 {
                    acc.touched.push(other);
                }
                acc.scores[other] += w * ow;
            }
        }
    }
    let mut ranked: Vec<(usize, f64)> = acc
        .touched
        .drain(..)
        .map(|u| (u, std::mem::take(&mut acc.scores[u])))
        .collect();
    let by_score = |a: &(usize, f64), b: &(usize, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if ranked.len() > options.candidates {
        ranked.select_nth_unstable_by(options.candidates, by_score);
        ranked.truncate(options.candidates);
    }
    ranked.sort_by(by_score);
    ranked.into_iter().map(|(u, _)| u).collect()
}

/// Shared concepts of substance: not places, agencies or stock concepts.
fn shared_substance(a: &Unit, b: &Unit) -> usize {
    a.concepts
        .iter()
        .filter(|(c, _)| !is_generic(*c) && !is_named_entity(*c))
        .filter(|(c, _)| b.concepts.binary_search_by_key(c, |x| x.0).is_ok())
        .count()
}

/// How alike two items are, for diagnostics and tuning (`cargo xtask links`, the tests of
/// the labelled pairs): what [`related`] computes for a pair, whether or not it keeps it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Similarity {
    /// Cosine of the term vectors (same language), or of the concept vectors (across).
    pub cosine: f64,
    /// The share of a same-language cosine carried by terms that are not stock terms.
    pub substance: f64,
    /// Shared concepts of substance (across languages).
    pub shared: usize,
    pub across: bool,
}

/// Every matched item's passages, for [`Scorer::similarity`].
pub struct Scorer {
    units: Vec<Unit>,
    generic: Vec<bool>,
    /// Per matched item (by where it is), its passages' indices.
    passages: HashMap<ItemAt, Vec<usize>>,
}

impl Scorer {
    pub fn new(bundle: &Bundle, options: &Options) -> Scorer {
        let (_, units, generic) = build_units(bundle, options);
        let mut passages: HashMap<ItemAt, Vec<usize>> = HashMap::new();
        for (i, u) in units.iter().enumerate() {
            passages.entry(u.at).or_default().push(i);
        }
        Scorer {
            units,
            generic,
            passages,
        }
    }

    /// That of the two items' closest passages; `None` when either item is not matched
    /// (its kind, or too few terms).
    pub fn similarity(&self, a: ItemAt, b: ItemAt) -> Option<Similarity> {
        let (pa, pb) = (self.passages.get(&a)?, self.passages.get(&b)?);
        let mut best = Similarity::default();
        for &x in pa {
            for &y in pb {
                let (x, y) = (&self.units[x], &self.units[y]);
                let sim = if x.lang == y.lang {
                    let (cosine, substance) = same_language(x, y, &self.generic);
                    Similarity {
                        cosine,
                        substance,
                        shared: 0,
                        across: false,
                    }
                } else {
                    Similarity {
                        cosine: across_languages(x, y),
                        substance: 0.0,
                        shared: shared_substance(x, y),
                        across: true,
                    }
                };
                if sim.cosine > best.cosine || (sim.across && sim.shared > best.shared) {
                    best = sim;
                }
            }
        }
        Some(best)
    }
}

/// Cosine of two passages of one language, and the share of it carried by terms that are
/// not stock terms.
fn same_language(a: &Unit, b: &Unit, generic: &[bool]) -> (f64, f64) {
    let norms = a.norm * b.norm;
    if norms == 0.0 {
        return (0.0, 0.0);
    }
    let cosine = dot(&a.terms, &b.terms) / norms;
    let substance = substantive_dot(&a.terms, &b.terms, generic) / norms;
    (
        cosine,
        if cosine > 0.0 {
            substance / cosine
        } else {
            0.0
        },
    )
}

fn across_languages(a: &Unit, b: &Unit) -> f64 {
    let norms = a.concept_norm * b.concept_norm;
    if norms == 0.0 {
        0.0
    } else {
        dot(&a.concepts, &b.concepts) / norms
    }
}

/// The related items of every matched item of `bundle`, sorted by item, each item's best
/// first: copies, then same-language matches, then matches across languages.
pub fn related(bundle: &Bundle, options: &Options) -> Vec<Related> {
    let (items, units, generic) = build_units(bundle, options);
    let mut term_postings: Postings = HashMap::new();
    let mut concept_postings: Postings = HashMap::new();
    let mut passages_of: Vec<Vec<usize>> = vec![Vec::new(); items.len()];
    for (u, unit) in units.iter().enumerate() {
        passages_of[unit.owner].push(u);
        for &(t, w) in &unit.terms {
            term_postings.entry(t).or_default().push((u, w));
        }
        for &(c, w) in &unit.concepts {
            concept_postings.entry(c).or_default().push((u, w));
        }
    }
    let mut acc = Accumulator::new(units.len());
    let mut shingle_cache: HashMap<usize, Vec<u64>> = HashMap::new();
    let mut out = Vec::new();
    for (owner, passages) in passages_of.iter().enumerate() {
        // Per other item: its closest passage's score.
        let mut same: HashMap<usize, f64> = HashMap::new();
        let mut across: HashMap<usize, f64> = HashMap::new();
        for &u in passages {
            let unit = &units[u];
            for other in candidates(
                &units,
                u,
                &term_postings,
                |x| &x.terms,
                true,
                options,
                &mut acc,
            ) {
                let o = &units[other];
                let (cosine, substance) = same_language(unit, o, &generic);
                // Most of the match must be the reform's own words, not stock phrases.
                if cosine >= options.similar && substance >= options.substance {
                    let best = same.entry(o.owner).or_default();
                    *best = best.max(cosine);
                }
            }
            if unit.concept_norm > 0.0 {
                for other in candidates(
                    &units,
                    u,
                    &concept_postings,
                    |x| &x.concepts,
                    false,
                    options,
                    &mut acc,
                ) {
                    let o = &units[other];
                    let cosine = across_languages(unit, o);
                    if cosine >= options.across
                        && shared_substance(unit, o) >= options.across_shared
                    {
                        let best = across.entry(o.owner).or_default();
                        *best = best.max(cosine);
                    }
                }
            }
        }
        let mut matches: Vec<Match> = Vec::new();
        for (other, cosine) in same {
            let mut relation = Relation::Similar;
            let mut score = cosine;
            if cosine >= 0.5 {
                let mine = shingle_cache
                    .entry(owner)
                    .or_insert_with(|| shingles(&items[owner].2))
                    .clone();
                let theirs = shingle_cache
                    .entry(other)
                    .or_insert_with(|| shingles(&items[other].2));
                let resemblance = jaccard(&mine, theirs);
                if resemblance >= options.copy {
                    relation = Relation::Copy;
                    score = score.max(resemblance);
                }
            }
            matches.push(Match {
                other,
                score,
                relation,
            });
        }
        let across: Vec<Match> = across
            .into_iter()
            .map(|(other, score)| Match {
                other,
                score,
                relation: Relation::AcrossLanguages,
            })
            .collect();
        out.extend(best(&items, owner, matches, options.same));
        out.extend(best(&items, owner, across, options.across_kept));
    }
    out.sort_by_key(|r| (r.from, rank(r.relation), std::cmp::Reverse(r.score), r.to));
    out
}

fn rank(relation: Relation) -> u8 {
    match relation {
        Relation::Copy => 0,
        Relation::Similar => 1,
        Relation::AcrossLanguages => 2,
    }
}

/// The best match per other document, the best `keep` of those.
fn best(
    items: &[(ItemAt, Lang, String)],
    u: usize,
    mut matches: Vec<Match>,
    keep: usize,
) -> Vec<Related> {
    matches.sort_by(|a, b| {
        rank(a.relation)
            .cmp(&rank(b.relation))
            .then(b.score.total_cmp(&a.score))
            .then(a.other.cmp(&b.other))
    });
    let mut seen_docs = Vec::new();
    let mut out = Vec::new();
    // Beside a close match, a distant one is noise: it must reach a share of the best.
    let top = matches.first().map_or(0.0, |m| m.score);
    for m in matches {
        let to = items[m.other].0;
        if seen_docs.contains(&to.doc) || m.score < RELATIVE * top {
            continue;
        }
        seen_docs.push(to.doc);
        out.push(Related {
            from: items[u].0,
            to,
            score: ((m.score * 100.0).round() as u8).clamp(1, 100),
            relation: m.relation,
        });
        if out.len() == keep {
            break;
        }
    }
    out
}
