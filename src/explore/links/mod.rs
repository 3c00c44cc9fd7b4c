//! What the explorer shows of the bundle's links (`model::Links`): an item's "Also in"
//! list with the earliest labelled, its diffusion (the item and its related items by date,
//! one row per region), a document's citations both ways, the citation graph of a set of
//! documents, and the documents filter "cites X" / "cited by X".
//!
//! Cost: an item's rows are a binary search; a document's "cited by" and the graph one
//! pass over the citations.

use crate::model::{Bundle, ItemAt, Lang, Links, Relation};

/// One related item as the reader lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlsoIn {
    pub at: ItemAt,
    pub relation: Relation,
    pub score: u8,
    /// The earliest dated one of the item and its related items.
    pub earliest: bool,
}

/// The date documents are ordered by: `YYYY[-MM[-DD]]`, `None` when unknown.
fn date(bundle: &Bundle, doc: u32) -> Option<&str> {
    bundle.documents.get(doc as usize)?.date.value.as_deref()
}

/// Whether date `a` is before `b`, comparing only what both state (2021 is not before
/// 2021-02; it is before 2022).
fn before(a: &str, b: &str) -> bool {
    let n = a.len().min(b.len());
    a[..n] < b[..n]
}

/// The items related to `item`, as the bundle ranks them, and whether `item` itself is
/// the earliest (then none of them is labelled).
pub fn also_in(bundle: &Bundle, links: &Links, item: ItemAt) -> (Vec<AlsoIn>, bool) {
    let rows = links.related_to(item);
    let mut earliest: Option<(Option<usize>, &str)> = date(bundle, item.doc).map(|d| (None, d));
    for (i, r) in rows.iter().enumerate() {
        if let Some(d) = date(bundle, r.to.doc) {
            if earliest.is_none_or(|(_, e)| before(d, e)) {
                earliest = Some((Some(i), d));
            }
        }
    }
    let first = earliest.and_then(|(i, _)| i);
    let list = rows
        .iter()
        .enumerate()
        .map(|(i, r)| AlsoIn {
            at: r.to,
            relation: r.relation,
            score: r.score,
            earliest: Some(i) == first,
        })
        .collect();
    let own_first = !rows.is_empty() && first.is_none() && earliest.is_some();
    (list, own_first)
}

/// The region a document is placed under in the diffusion view: its FTZ (or FTZ area)
/// if it names one, else its province, else its first region; `None` for a document of
/// no region (a national one).
pub fn region_of(bundle: &Bundle, doc: u32) -> Option<u32> {
    let regions = &bundle.documents.get(doc as usize)?.regions;
    let kind = |r: &u32| {
        bundle
            .regions
            .get(*r as usize)
            .map_or("", |e| e.kind.as_str())
    };
    ["ftz", "area", "province", "city"]
        .iter()
        .find_map(|k| regions.iter().find(|r| kind(r) == *k))
        .or(regions.first())
        .copied()
}

/// One point of a diffusion timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    pub at: ItemAt,
    /// `None` for the item the view is about.
    pub relation: Option<Relation>,
    /// Index into [`Diffusion::rows`].
    pub row: usize,
    pub date: String,
}

/// An item and its related items on a timeline: one row per region (`None`: documents of
/// no region), rows in the order a reform reached them (earliest date first).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diffusion {
    pub rows: Vec<Option<u32>>,
    pub points: Vec<Point>,
    /// Related items whose document has no date: listed, not placed.
    pub undated: Vec<ItemAt>,
}

pub fn diffusion(bundle: &Bundle, links: &Links, item: ItemAt) -> Diffusion {
    let mut all: Vec<(ItemAt, Option<Relation>)> = vec![(item, None)];
    all.extend(
        links
            .related_to(item)
            .iter()
            .map(|r| (r.to, Some(r.relation))),
    );
    let mut dated: Vec<(String, ItemAt, Option<Relation>)> = Vec::new();
    let mut out = Diffusion::default();
    for (at, relation) in all {
        match date(bundle, at.doc) {
            Some(d) => dated.push((d.to_string(), at, relation)),
            None if relation.is_some() => out.undated.push(at),
            None => {}
        }
    }
    dated.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    for (d, at, relation) in dated {
        let region = region_of(bundle, at.doc);
        let row = match out.rows.iter().position(|r| *r == region) {
            Some(row) => row,
            None => {
                out.rows.push(region);
                out.rows.len() - 1
            }
        };
        out.points.push(Point {
            at,
            relation,
            row,
            date: d,
        });
    }
    out
}

/// A document's citations of corpus documents, each cited document once, in the order
/// of the text; and its external ones (their text), each once.
pub fn cites(links: &Links, doc: u32) -> (Vec<u32>, Vec<String>) {
    let (mut resolved, mut external) = (Vec::new(), Vec::new());
    for c in links.cites(doc) {
        match c.target {
            Some(t) if !resolved.contains(&t) => resolved.push(t),
            Some(_) => {}
            None if !external.contains(&c.text) => external.push(c.text.clone()),
            None => {}
        }
    }
    (resolved, external)
}

/// The documents that cite `doc`, each once, oldest first (undated last).
pub fn cited_by(bundle: &Bundle, links: &Links, doc: u32) -> Vec<u32> {
    let mut out: Vec<u32> = links.cited_by(doc).map(|c| c.from.doc).collect();
    out.sort();
    out.dedup();
    out.sort_by(|a, b| match (date(bundle, *a), date(bundle, *b)) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    out
}

/// The documents filter of the documents view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CiteFilter {
    /// Documents that cite this one.
    Cites(u32),
    /// Documents this one cites.
    CitedBy(u32),
}

/// Whether `doc` passes the filter.
pub fn passes(links: &Links, filter: CiteFilter, doc: u32) -> bool {
    match filter {
        CiteFilter::Cites(x) => doc != x && links.cites(doc).any(|c| c.target == Some(x)),
        CiteFilter::CitedBy(x) => doc != x && links.cites(x).any(|c| c.target == Some(doc)),
    }
}

/// A node of the citation graph: a document, how many of the graph's documents it cites
/// and how many cite it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub doc: u32,
    pub cites: usize,
    pub cited: usize,
}

/// Who cites whom among `docs` (and the documents they cite or are cited by): nodes
/// oldest first (undated last), edges `(citing, cited)` as node indices, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<(usize, usize)>,
}

pub fn citation_graph(bundle: &Bundle, links: &Links, docs: &[u32]) -> Graph {
    let wanted: std::collections::BTreeSet<u32> = docs.iter().copied().collect();
    let mut pairs: Vec<(u32, u32)> = links
        .citations
        .iter()
        .filter_map(|c| Some((c.from.doc, c.target?)))
        .filter(|(a, b)| a != b && (wanted.contains(a) || wanted.contains(b)))
        .collect();
    pairs.sort();
    pairs.dedup();
    let mut members: Vec<u32> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    members.sort();
    members.dedup();
    members.sort_by(|a, b| match (date(bundle, *a), date(bundle, *b)) {
        (Some(x), Some(y)) => x.cmp(y).then(a.cmp(b)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.cmp(b),
    });
    let at = |d: u32| members.iter().position(|m| *m == d).unwrap_or(0);
    let mut nodes: Vec<Node> = members
        .iter()
        .map(|&doc| Node {
            doc,
            cites: 0,
            cited: 0,
        })
        .collect();
    let edges: Vec<(usize, usize)> = pairs.iter().map(|&(a, b)| (at(a), at(b))).collect();
    for &(a, b) in &edges {
        nodes[a].cites += 1;
        nodes[b].cited += 1;
    }
    Graph { nodes, edges }
}

/// The label of a region row in the diffusion view.
pub fn row_label(bundle: &Bundle, row: Option<u32>, lang: Lang, national: &str) -> String {
    row.and_then(|r| bundle.regions.get(r as usize))
        .map_or(national.to_string(), |e| e.name(lang).to_string())
}

#[cfg(test)]
mod tests;
