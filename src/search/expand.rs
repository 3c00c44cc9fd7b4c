//! The glossary's part in a query: the hits its names find under the concepts' other names
//! (in the other language and in their own), scored below direct hits, and exclusions that
//! leave out those other names too.
//!
//! Cost: one phrase search per other name of each glossary name in the query.

use super::analyze::fold;
use super::bitset::BitSet;
use super::glossary;
use super::query::{Query, Term};
use super::scoring::{intersect_sum, Accumulator, Scored};
use super::{Hit, Index, SearchResult, Trace};

impl Index {
    /// Items matching any excluded clause, or another name of an excluded glossary name
    /// (their matches are not highlighted).
    pub(super) fn excluded(&self, q: &Query, trace: &mut Trace) -> BitSet {
        let mut quiet = Trace::default();
        let mut excluded = BitSet::new(self.len());
        for clause in &q.excluded {
            for (id, _) in self.clause_scores(clause, &mut quiet) {
                excluded.insert(id);
            }
            // An excluded glossary name excludes the concept's other names too, as an
            // included one finds them (`customs -Hubei` leaves out the 湖北 items).
            for term in clause {
                let (Term::Word { text, .. } | Term::Phrase(text)) = term;
                let typed = fold(text);
                let whole = glossary::find(&typed)
                    .into_iter()
                    .find(|f| f.start == 0 && f.end == typed.chars().count());
                for name in whole
                    .iter()
                    .flat_map(|f| glossary::other_names(f.concept, &typed))
                {
                    for (id, _) in self.phrase_scores(name, &mut quiet) {
                        excluded.insert(id);
                    }
                }
            }
        }
        trace.missing.append(&mut quiet.missing);
        excluded
    }

    /// The query with its glossary names replaced by the concepts' other names, in the
    /// other language and in its own (跨境电商 → cross-border e-commerce, 跨境电子商务):
    /// hits that the direct query did not find, scored at half weight.
    pub(super) fn translated(
        &self,
        q: &Query,
        direct: &BitSet,
        excluded: &BitSet,
        result: &mut SearchResult,
        trace: &mut Trace,
    ) -> Vec<Hit> {
        let text: Vec<String> = q
            .required
            .iter()
            .flatten()
            .map(|t| match t {
                Term::Word { text, .. } | Term::Phrase(text) => text.clone(),
            })
            .collect();
        let folded = fold(&text.join(" "));
        let found = glossary::find(&folded);
        if found.is_empty() {
            return Vec::new();
        }
        let mut total: Option<Scored> = None;
        for f in &found {
            let typed: String = folded.chars().skip(f.start).take(f.end - f.start).collect();
            let mut acc = Accumulator::new(self.len());
            for name in glossary::other_names(f.concept, &typed) {
                let scores = self.phrase_scores(name, trace);
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
}
