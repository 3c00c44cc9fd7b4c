//! The explorer's logic, pure and natively tested: UI state and its URL ([`state`]),
//! facets and their counts ([`facets`]), the ordered result list, the figures table, and
//! export to CSV and JSON ([`export`]). The leptos shell only renders what this computes.
//!
//! Cost: one search (see `search`), one filter pass and one count pass per facet per
//! change; sorting is O(n log n) in the filtered results.

pub mod documents;
pub mod export;
pub mod facets;
pub mod format;
pub mod i18n;
pub mod links;
pub mod state;

use crate::model::{Bundle, Figure, FigureKind};
use crate::search::{bitset::BitSet, Index, SearchResult};
use facets::Catalog;
use state::{Sort, State};

/// Everything the views need for one state.
pub struct Outcome {
    /// The search result (empty query: no hits, everything matches).
    pub search: SearchResult,
    /// Ids the query matched (all ids without a query).
    pub base: BitSet,
    /// Ids that pass the query and every filter.
    pub filtered: BitSet,
    /// `filtered` in display order.
    pub ordered: Vec<u32>,
    /// The saved items this outcome was computed with (for the saved facet).
    pub saved: BitSet,
}

/// Runs the query and the filters of `state` and orders the result.
pub fn explore(
    bundle: &Bundle,
    index: &Index,
    catalog: &Catalog,
    state: &State,
    saved: &BitSet,
) -> Outcome {
    let search = index.search(&state.query, true);
    let searching = !state.query.trim().is_empty();
    let base = if searching {
        search.matched.clone()
    } else {
        BitSet::full(index.len())
    };
    let filtered = catalog.filter(state, &base, saved, None);
    let ordered = order(bundle, index, &search, &filtered, searching, state.sort);
    Outcome {
        search,
        base,
        filtered,
        ordered,
        saved: saved.clone(),
    }
}

fn date_of<'a>(bundle: &'a Bundle, index: &Index, id: u32) -> Option<&'a str> {
    bundle.documents[index.item_ref(id).doc as usize]
        .date
        .value
        .as_deref()
}

/// Without a query, "relevance" browses: measures first, then cases, points, case parts,
/// paragraphs, tables, sections and titles, each in document order.
fn browse_rank(kind: crate::model::ItemKind) -> u8 {
    use crate::model::ItemKind::*;
    match kind {
        Measure => 0,
        Case => 1,
        Point => 2,
        CasePart => 3,
        Paragraph => 4,
        Table => 5,
        Section => 6,
        Title => 7,
        Meta | Boilerplate => 8,
    }
}

/// Relevance (search order; without a query, measures first — [`browse_rank`] — then
/// document order), date (newest first, undated last, then document order) or document
/// order.
pub fn order(
    bundle: &Bundle,
    index: &Index,
    search: &SearchResult,
    filtered: &BitSet,
    searching: bool,
    sort: Sort,
) -> Vec<u32> {
    let mut ids: Vec<u32> = if searching && sort == Sort::Relevance {
        search
            .hits
            .iter()
            .map(|h| h.id)
            .filter(|&id| filtered.contains(id))
            .collect()
    } else {
        filtered.iter().collect()
    };
    if !searching && sort == Sort::Relevance {
        let rank = |id: u32| {
            let r = index.item_ref(id);
            browse_rank(bundle.documents[r.doc as usize].items[r.item as usize].kind)
        };
        ids.sort_by_key(|&id| (rank(id), id));
    }
    if sort == Sort::Date {
        ids.sort_by(|&a, &b| {
            let (da, db) = (date_of(bundle, index, a), date_of(bundle, index, b));
            db.is_some()
                .cmp(&da.is_some())
                .then(db.cmp(&da))
                .then(a.cmp(&b))
        });
    }
    ids
}

/// The results of one document, for the list grouped by document: its first items in
/// result order and how many more it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub doc: u32,
    pub shown: Vec<u32>,
    pub more: usize,
}

/// `ordered` grouped by document, documents in the order of their first result, at most
/// `first` items shown per document.
pub fn group_by_document(index: &Index, ordered: &[u32], first: usize) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut at: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for &id in ordered {
        let doc = index.item_ref(id).doc;
        let g = *at.entry(doc).or_insert_with(|| {
            groups.push(Group {
                doc,
                shown: Vec::new(),
                more: 0,
            });
            groups.len() - 1
        });
        if groups[g].shown.len() < first {
            groups[g].shown.push(id);
        } else {
            groups[g].more += 1;
        }
    }
    groups
}

/// A figure of the current result set: its document, its index in `Document::figures`,
/// and the search id of its item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FigureRef {
    pub doc: u32,
    pub figure: u32,
    pub item_id: u32,
}

/// The order of the figures table (`fsort=` in the URL).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum FigureSort {
    /// Documents in bundle order, figures in text order.
    #[default]
    Document,
    ValueDesc,
    ValueAsc,
    /// By kind, then unit, then value (largest first).
    Kind,
}

impl FigureSort {
    pub const ALL: [FigureSort; 4] = [
        FigureSort::Document,
        FigureSort::ValueDesc,
        FigureSort::ValueAsc,
        FigureSort::Kind,
    ];

    pub fn key(self) -> &'static str {
        match self {
            FigureSort::Document => "document",
            FigureSort::ValueDesc => "value-desc",
            FigureSort::ValueAsc => "value-asc",
            FigureSort::Kind => "kind",
        }
    }

    pub fn parse(key: &str) -> Option<FigureSort> {
        FigureSort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The figures whose item is in `filtered`, optionally of one kind, sorted.
pub fn figures(
    bundle: &Bundle,
    index: &Index,
    filtered: &BitSet,
    kind: Option<FigureKind>,
    sort: FigureSort,
) -> Vec<FigureRef> {
    let mut out = Vec::new();
    for (d, doc) in bundle.documents.iter().enumerate() {
        for (k, f) in doc.figures.iter().enumerate() {
            let Some(item_id) = index.id_of(d as u32, f.item) else {
                continue;
            };
            if filtered.contains(item_id) && kind.is_none_or(|k| k == f.kind) {
                out.push(FigureRef {
                    doc: d as u32,
                    figure: k as u32,
                    item_id,
                });
            }
        }
    }
    let fig =
        |r: &FigureRef| -> &Figure { &bundle.documents[r.doc as usize].figures[r.figure as usize] };
    match sort {
        FigureSort::Document => {}
        FigureSort::ValueDesc => out.sort_by(|a, b| fig(b).value.total_cmp(&fig(a).value)),
        FigureSort::ValueAsc => out.sort_by(|a, b| fig(a).value.total_cmp(&fig(b).value)),
        FigureSort::Kind => out.sort_by(|a, b| {
            fig(a)
                .kind
                .cmp(&fig(b).kind)
                .then(fig(a).unit.cmp(&fig(b).unit))
                .then(fig(b).value.total_cmp(&fig(a).value))
        }),
    }
    out
}

#[cfg(test)]
mod tests;
