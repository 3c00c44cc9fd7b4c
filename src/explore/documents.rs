//! The documents table: one row per document with its counts, the documents that have a
//! result when a search or filter is on (with how many of their items match), and the
//! orders the table sorts by (`dsort=` in the URL).
//!
//! Cost: one pass over the result set and the items; sorting is O(d log d) in documents.

use crate::model::{Bundle, ItemKind};
use crate::search::{bitset::BitSet, Index};

/// One document of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocRow {
    pub doc: u32,
    /// Its items, and its measures.
    pub items: usize,
    pub measures: usize,
    /// Its items in the result set.
    pub matched: usize,
}

/// The orders of the documents table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum DocSort {
    /// As the corpus lists them.
    #[default]
    Corpus,
    /// Newest first, undated last.
    Date,
    Title,
    /// Most items first.
    Items,
    /// Most matching items first.
    Matched,
}

impl DocSort {
    pub const ALL: [DocSort; 5] = [
        DocSort::Corpus,
        DocSort::Date,
        DocSort::Title,
        DocSort::Items,
        DocSort::Matched,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DocSort::Corpus => "corpus",
            DocSort::Date => "date",
            DocSort::Title => "title",
            DocSort::Items => "items",
            DocSort::Matched => "matched",
        }
    }

    pub fn parse(key: &str) -> Option<DocSort> {
        DocSort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The table's rows: every document, or — `filtering` (a search or filter is on) — those
/// with an item in `filtered`; in the order `sort` says.
pub fn document_rows(
    bundle: &Bundle,
    index: &Index,
    filtered: &BitSet,
    filtering: bool,
    sort: DocSort,
) -> Vec<DocRow> {
    let mut rows: Vec<DocRow> = bundle
        .documents
        .iter()
        .enumerate()
        .map(|(d, doc)| DocRow {
            doc: d as u32,
            items: doc.items.iter().filter(|i| i.kind.is_content()).count(),
            measures: doc
                .items
                .iter()
                .filter(|i| i.kind == ItemKind::Measure)
                .count(),
            matched: 0,
        })
        .collect();
    for id in filtered.iter() {
        rows[index.item_ref(id).doc as usize].matched += 1;
    }
    if filtering {
        rows.retain(|r| r.matched > 0);
    }
    let date = |r: &DocRow| bundle.documents[r.doc as usize].date.value.clone();
    match sort {
        DocSort::Corpus => {}
        DocSort::Date => rows.sort_by(|a, b| {
            let (da, db) = (date(a), date(b));
            db.is_some()
                .cmp(&da.is_some())
                .then(db.cmp(&da))
                .then(a.doc.cmp(&b.doc))
        }),
        DocSort::Title => rows.sort_by(|a, b| {
            let title = |r: &DocRow| bundle.documents[r.doc as usize].title.to_lowercase();
            title(a).cmp(&title(b)).then(a.doc.cmp(&b.doc))
        }),
        DocSort::Items => rows.sort_by(|a, b| b.items.cmp(&a.items).then(a.doc.cmp(&b.doc))),
        DocSort::Matched => rows.sort_by(|a, b| b.matched.cmp(&a.matched).then(a.doc.cmp(&b.doc))),
    }
    rows
}
