//! The statistics behind the charts, computed over the current filtered set of items:
//! counts per facet value, top lead agencies with the rest summed, documents and items
//! over time, the agency network, and the region × topic matrix.
//!
//! Cost: one pass over the set per statistic; the network is quadratic in the units of one
//! item (a handful).

use crate::explore::facets::{Catalog, Facet};
use crate::explore::state::State;
use crate::model::{Bundle, DatePrecision, Role};
use crate::search::{bitset::BitSet, Index};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One bar: a facet value, its label in the UI language, its count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bar {
    pub key: String,
    pub label: String,
    pub count: usize,
}

/// Counts of each value of `facet` over `set`, largest first.
pub fn tally(catalog: &Catalog, facet: Facet, set: &BitSet, zh: bool) -> Vec<Bar> {
    catalog
        .counts(facet, &State::default(), set, &BitSet::new(set.capacity()))
        .into_iter()
        .map(|v| Bar {
            label: if zh { v.label_zh } else { v.label_en },
            key: v.value,
            count: v.count,
        })
        .collect()
}

/// The first `n` bars and the sum of the rest.
pub fn top(bars: Vec<Bar>, n: usize) -> (Vec<Bar>, usize) {
    let rest = bars.iter().skip(n).map(|b| b.count).sum();
    (bars.into_iter().take(n).collect(), rest)
}

/// Documents and items of one period: a month where the date says the month, else a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub bucket: String,
    pub documents: usize,
    pub items: usize,
}

/// Periods in date order, plus the number of undated items.
pub fn timeline(bundle: &Bundle, index: &Index, set: &BitSet) -> (Vec<Period>, usize) {
    let mut periods: BTreeMap<String, (std::collections::BTreeSet<u32>, usize)> = BTreeMap::new();
    let mut undated = 0;
    for id in set.iter() {
        let r = index.item_ref(id);
        let date = &bundle.documents[r.doc as usize].date;
        let bucket = match (date.precision, date.value.as_deref()) {
            (DatePrecision::Day | DatePrecision::Month, Some(v)) if v.len() >= 7 => {
                v[..7].to_string()
            }
            (_, Some(v)) if v.len() >= 4 => v[..4].to_string(),
            _ => {
                undated += 1;
                continue;
            }
        };
        let entry = periods.entry(bucket).or_default();
        entry.0.insert(r.doc);
        entry.1 += 1;
    }
    let periods = periods
        .into_iter()
        .map(|(bucket, (docs, items))| Period {
            bucket,
            documents: docs.len(),
            items,
        })
        .collect();
    (periods, undated)
}

/// Agencies as nodes (weight: items they are named in) and edges between units named in
/// the same item (weight: how many items name both).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    pub nodes: Vec<Bar>,
    pub edges: Vec<(usize, usize, usize)>,
}

/// The network of the `max_nodes` most named agencies over `set`.
pub fn network(
    bundle: &Bundle,
    index: &Index,
    set: &BitSet,
    zh: bool,
    max_nodes: usize,
) -> Network {
    let mut weight: BTreeMap<u32, usize> = BTreeMap::new();
    let mut pairs: BTreeMap<(u32, u32), usize> = BTreeMap::new();
    for id in set.iter() {
        let r = index.item_ref(id);
        let item = &bundle.documents[r.doc as usize].items[r.item as usize];
        let mut units = item.units(Role::Lead);
        for s in item.units(Role::Support) {
            if !units.contains(&s) {
                units.push(s);
            }
        }
        units.sort_unstable();
        for (k, &a) in units.iter().enumerate() {
            *weight.entry(a).or_default() += 1;
            for &b in &units[k + 1..] {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(u32, usize)> = weight.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(max_nodes);
    let position: BTreeMap<u32, usize> = ranked
        .iter()
        .enumerate()
        .map(|(i, &(a, _))| (a, i))
        .collect();
    let nodes = ranked
        .iter()
        .map(|&(a, count)| {
            let e = &bundle.agencies[a as usize];
            let lang = if zh {
                crate::model::Lang::Zh
            } else {
                crate::model::Lang::En
            };
            Bar {
                key: e.key(),
                label: e.name(lang).to_string(),
                count,
            }
        })
        .collect();
    let edges = pairs
        .into_iter()
        .filter_map(|((a, b), w)| Some((*position.get(&a)?, *position.get(&b)?, w)))
        .collect();
    Network { nodes, edges }
}

/// Items per (region, topic) over `set`, for the most frequent regions and topics.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matrix {
    pub rows: Vec<Bar>,
    pub columns: Vec<Bar>,
    /// (row, column, count) for every non-zero cell.
    pub cells: Vec<(usize, usize, usize)>,
}

pub fn matrix(
    catalog: &Catalog,
    set: &BitSet,
    zh: bool,
    max_rows: usize,
    max_columns: usize,
) -> Matrix {
    let (rows, _) = top(tally(catalog, Facet::Region, set, zh), max_rows);
    let (columns, _) = top(tally(catalog, Facet::Topic, set, zh), max_columns);
    let mut cells: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for id in set.iter() {
        let regions = catalog.values_of(Facet::Region, id);
        let topics = catalog.values_of(Facet::Topic, id);
        for (r, row) in rows.iter().enumerate() {
            if !regions.contains(&row.key.as_str()) {
                continue;
            }
            for (c, column) in columns.iter().enumerate() {
                if topics.contains(&column.key.as_str()) {
                    *cells.entry((r, c)).or_default() += 1;
                }
            }
        }
    }
    Matrix {
        rows,
        columns,
        cells: cells.into_iter().map(|((r, c), n)| (r, c, n)).collect(),
    }
}
