//! Facets: which values each searchable item has for each facet, filtering by selected
//! values (OR within a facet, AND across facets, plus the date range), and counts that
//! reflect every other active filter — the disjunctive faceting users know from Algolia.
//!
//! The subject facet is the category a web page's metadata gives its document (主题分类).
//! The heading facet counts by the top-level heading each item is under (a document's
//! 一、 / 第一章 parts), in document order.
//!
//! Regions are closed under their parents (an item on the Wuhan Area also counts for the
//! Hubei FTZ and Hubei), and an item also carries its document's main regions.
//!
//! Cost: building is linear in the tags; filtering is one pass over the items per active
//! facet; counting is one pass over the candidates per facet. Memory: each facet's values
//! are one packed column (8 bytes an item and 4 a value), and dates one index an item —
//! a list per item and facet cost about 40 bytes (at 10,000 documents, 350,000 items,
//! that was most of the explorer's heap).

mod column;
mod kinds;

use super::state::State;
use crate::model::{Bundle, Entity, Lang, Role};
use crate::search::{bitset::BitSet, Index};
use column::Column;
pub use kinds::{kind_key, kind_label};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Doc,
    Heading,
    Kind,
    Region,
    Topic,
    Subject,
    Lead,
    Support,
    Lang,
    Year,
    Saved,
}

impl Facet {
    pub const ALL: [Facet; 11] = [
        Facet::Kind,
        Facet::Region,
        Facet::Topic,
        Facet::Subject,
        Facet::Lead,
        Facet::Support,
        Facet::Doc,
        Facet::Heading,
        Facet::Lang,
        Facet::Year,
        Facet::Saved,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Facet::Doc => "doc_id",
            Facet::Heading => "heading",
            Facet::Kind => "kind",
            Facet::Region => "region",
            Facet::Topic => "topic",
            Facet::Subject => "subject",
            Facet::Lead => "lead",
            Facet::Support => "support",
            Facet::Lang => "language",
            Facet::Year => "year",
            Facet::Saved => "saved",
        }
    }

    pub fn parse(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Longest heading label in the heading facet (chars).
const HEADING_LABEL: usize = 40;

/// The value key of a top-level heading: its document and item index ("doc~12").
pub fn heading_key(doc_id: &str, item: usize) -> String {
    format!("{doc_id}~{item}")
}

/// The value of the saved facet: an item the user starred.
pub const SAVED: &str = "saved";

/// One value of a facet with its count under the current filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueCount {
    pub value: String,
    pub label_en: String,
    pub label_zh: String,
    pub count: usize,
    pub selected: bool,
}

/// Per facet: the value table and each item's values (ids into the table).
pub struct Catalog {
    values: Vec<Vec<(String, String, String)>>,
    item_values: Vec<Column>,
    /// Per item: its document's date, an index into `date_values` (`UNDATED` if none).
    dates: Vec<u32>,
    date_values: Vec<String>,
}

const UNDATED: u32 = u32::MAX;

struct Builder {
    values: Vec<Vec<(String, String, String)>>,
    index: Vec<BTreeMap<String, u32>>,
}

impl Builder {
    fn id(&mut self, facet: Facet, key: &str, en: &str, zh: &str) -> u32 {
        let f = facet.index();
        if let Some(&id) = self.index[f].get(key) {
            return id;
        }
        let id = self.values[f].len() as u32;
        self.values[f].push((key.to_string(), en.to_string(), zh.to_string()));
        self.index[f].insert(key.to_string(), id);
        id
    }

    /// Like [`Builder::id`], with labels made only for a key not seen yet.
    fn id_with(
        &mut self,
        facet: Facet,
        key: &str,
        labels: impl FnOnce() -> (String, String),
    ) -> u32 {
        if let Some(&id) = self.index[facet.index()].get(key) {
            return id;
        }
        let (en, zh) = labels();
        self.id(facet, key, &en, &zh)
    }

    fn entity(&mut self, facet: Facet, e: &Entity) -> u32 {
        self.id(facet, &e.key(), e.name(Lang::En), e.name(Lang::Zh))
    }
}

impl Catalog {
    pub fn build(bundle: &Bundle, index: &Index) -> Catalog {
        let n = Facet::ALL.len();
        let mut b = Builder {
            values: vec![Vec::new(); n],
            index: vec![BTreeMap::new(); n],
        };
        let mut item_values: Vec<Column> =
            (0..n).map(|_| Column::with_capacity(index.len())).collect();
        let mut dates = Vec::with_capacity(index.len());
        let mut date_values: Vec<String> = Vec::new();
        let mut date_ids: BTreeMap<String, u32> = BTreeMap::new();
        // One list per facet, reused from item to item.
        let mut per: Vec<Vec<u32>> = vec![Vec::new(); n];
        for id in 0..index.len() as u32 {
            let r = index.item_ref(id);
            let doc = &bundle.documents[r.doc as usize];
            let item = &doc.items[r.item as usize];
            per[Facet::Doc.index()].push(b.id(Facet::Doc, &doc.id, &doc.title, &doc.title));
            if let Some(top) = doc.top_section(r.item as usize) {
                let key = heading_key(&doc.id, top);
                let heading = b.id_with(Facet::Heading, &key, || {
                    let heading = doc.heading(top, HEADING_LABEL);
                    (heading.clone(), heading)
                });
                per[Facet::Heading.index()].push(heading);
            }
            // The site's own subject category (gov.cn's 主题分类), for pages that state one.
            if let Some(subject) = doc.page.as_ref().and_then(|p| p.subjects.first()) {
                per[Facet::Subject.index()].push(b.id(Facet::Subject, subject, subject, subject));
            }
            let (en, zh) = kind_label(kind_key(item.kind));
            per[Facet::Kind.index()].push(b.id(Facet::Kind, kind_key(item.kind), en, zh));
            let mut regions: Vec<u32> = item.regions.iter().chain(&doc.regions).copied().collect();
            let mut k = 0;
            while k < regions.len() {
                if let Some(p) = bundle
                    .regions
                    .get(regions[k] as usize)
                    .and_then(|e| e.parent)
                {
                    if !regions.contains(&p) {
                        regions.push(p);
                    }
                }
                k += 1;
            }
            for r in regions {
                if let Some(e) = bundle.regions.get(r as usize) {
                    let v = b.entity(Facet::Region, e);
                    per[Facet::Region.index()].push(v);
                }
            }
            for &t in &item.topics {
                if let Some(e) = bundle.topics.get(t as usize) {
                    let v = b.entity(Facet::Topic, e);
                    per[Facet::Topic.index()].push(v);
                }
            }
            for (facet, role) in [(Facet::Lead, Role::Lead), (Facet::Support, Role::Support)] {
                for a in item.units(role) {
                    if let Some(e) = bundle.agencies.get(a as usize) {
                        let v = b.entity(facet, e);
                        per[facet.index()].push(v);
                    }
                }
            }
            let lang = match doc.lang {
                Lang::En => b.id(Facet::Lang, "en", "English", "英文"),
                Lang::Zh => b.id(Facet::Lang, "zh", "Chinese", "中文"),
            };
            per[Facet::Lang.index()].push(lang);
            let year = match doc.date.year() {
                Some(y) => b.id(
                    Facet::Year,
                    &y.to_string(),
                    &y.to_string(),
                    &format!("{y}年"),
                ),
                None => b.id(Facet::Year, "undated", "Undated", "无日期"),
            };
            per[Facet::Year.index()].push(year);
            for (column, values) in item_values.iter_mut().zip(&mut per) {
                column.push(values);
            }
            dates.push(doc.date.value.as_deref().map_or(UNDATED, |date| {
                if let Some(&id) = date_ids.get(date) {
                    return id;
                }
                date_values.push(date.to_string());
                date_ids.insert(date.to_string(), date_ids.len() as u32);
                date_ids.len() as u32 - 1
            }));
        }
        b.id(Facet::Saved, SAVED, "Saved", "已收藏");
        Catalog {
            values: b.values,
            item_values,
            dates,
            date_values,
        }
    }

    pub fn len(&self) -> usize {
        self.dates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }

    /// The value keys of item `id` for a facet (not for `Saved`, which the caller knows).
    pub fn values_of(&self, facet: Facet, id: u32) -> Vec<&str> {
        self.item_values[facet.index()]
            .of(id)
            .iter()
            .map(|&v| self.values[facet.index()][v as usize].0.as_str())
            .collect()
    }

    /// The key a URL value stands for: the key itself, a key in other letter case, or a
    /// label in either language ("Hubei", "hubei", "湖北省"; "Trade facilitation"; "措施").
    /// `None` when the corpus has no such value.
    pub fn canonical(&self, facet: Facet, value: &str) -> Option<&str> {
        // Keys and English labels differ only in ASCII case (no Unicode case tables in
        // the wasm for this); Chinese has no case.
        let values = &self.values[facet.index()];
        let value = value.trim();
        values
            .iter()
            .find(|(k, _, _)| k == value)
            .or_else(|| {
                values.iter().find(|(k, en, zh)| {
                    k.eq_ignore_ascii_case(value) || en.eq_ignore_ascii_case(value) || zh == value
                })
            })
            .map(|(k, _, _)| k.as_str())
    }

    /// Rewrites every filter value of `state` that names a value by a label or in other
    /// letter case to its key. Values the corpus does not have stay as they are (the view
    /// shows them as unknown). Returns whether anything changed.
    pub fn canonicalize(&self, state: &mut State) -> bool {
        let mut renamed = Vec::new();
        for (&facet, values) in &state.filters {
            for value in values {
                if let Some(key) = self.canonical(facet, value).filter(|k| k != value) {
                    renamed.push((facet, value.clone(), key.to_string()));
                }
            }
        }
        for (facet, from, to) in &renamed {
            if let Some(values) = state.filters.get_mut(facet) {
                values.remove(from);
                values.insert(to.clone());
            }
        }
        !renamed.is_empty()
    }

    /// Every value of a facet: key, English and Chinese label (for `cargo xtask keys`).
    pub fn values(&self, facet: Facet) -> &[(String, String, String)] {
        &self.values[facet.index()]
    }

    /// A value's label in the UI language.
    pub fn label(&self, facet: Facet, value: &str, zh: bool) -> Option<&str> {
        self.values[facet.index()]
            .iter()
            .find(|(k, _, _)| k == value)
            .map(|(_, en, z)| if zh { z.as_str() } else { en.as_str() })
    }

    fn in_range(&self, id: u32, state: &State) -> bool {
        if state.from.is_none() && state.to.is_none() {
            return true;
        }
        let Some(date) = self.date_values.get(self.dates[id as usize] as usize) else {
            return false;
        };
        let date = date.as_str();
        let from_ok = state
            .from
            .as_deref()
            .is_none_or(|f| date >= f || date.starts_with(f));
        let to_ok = state
            .to
            .as_deref()
            .is_none_or(|t| date <= t || date.starts_with(t));
        from_ok && to_ok
    }

    fn matches(&self, facet: Facet, id: u32, wanted: &[u32], saved: &BitSet) -> bool {
        if facet == Facet::Saved {
            return saved.contains(id);
        }
        self.item_values[facet.index()]
            .of(id)
            .iter()
            .any(|v| wanted.contains(v))
    }

    /// The ids of `base` that pass every selection (except `except`'s) and the date range.
    pub fn filter(
        &self,
        state: &State,
        base: &BitSet,
        saved: &BitSet,
        except: Option<Facet>,
    ) -> BitSet {
        let active: Vec<(Facet, Vec<u32>)> = state
            .filters
            .iter()
            .filter(|(f, vs)| Some(**f) != except && !vs.is_empty())
            .map(|(&f, vs)| {
                let ids = vs
                    .iter()
                    .filter_map(|v| self.values[f.index()].iter().position(|(k, _, _)| k == v))
                    .map(|p| p as u32)
                    .collect();
                (f, ids)
            })
            .collect();
        let mut out = BitSet::new(self.len());
        for id in base.iter() {
            if self.in_range(id, state)
                && active
                    .iter()
                    .all(|(f, wanted)| self.matches(*f, id, wanted, saved))
            {
                out.insert(id);
            }
        }
        out
    }

    /// Counts per value of `facet` over `base` filtered by every other facet. Values with a
    /// count of zero are left out unless selected.
    pub fn counts(
        &self,
        facet: Facet,
        state: &State,
        base: &BitSet,
        saved: &BitSet,
    ) -> Vec<ValueCount> {
        let candidates = self.filter(state, base, saved, Some(facet));
        let f = facet.index();
        let mut counts = vec![0usize; self.values[f].len()];
        for id in candidates.iter() {
            if facet == Facet::Saved {
                if saved.contains(id) {
                    counts[0] += 1;
                }
            } else {
                for &v in self.item_values[f].of(id) {
                    counts[v as usize] += 1;
                }
            }
        }
        let selected = state.filters.get(&facet);
        let mut out: Vec<ValueCount> = self.values[f]
            .iter()
            .zip(counts)
            .map(|((key, en, zh), count)| ValueCount {
                selected: selected.is_some_and(|s| s.contains(key)),
                value: key.clone(),
                label_en: en.clone(),
                label_zh: zh.clone(),
                count,
            })
            .filter(|v| v.count > 0 || v.selected)
            .collect();
        // A selected value the corpus lacks (a stale or edited URL) is listed too, with 0,
        // so that the user sees why nothing matches and can clear it.
        for value in selected.into_iter().flatten() {
            if !out.iter().any(|v| &v.value == value) {
                out.push(ValueCount {
                    value: value.clone(),
                    label_en: value.clone(),
                    label_zh: value.clone(),
                    count: 0,
                    selected: true,
                });
            }
        }
        match facet {
            // Documents and headings in bundle order, years newest first; the rest by count.
            Facet::Doc | Facet::Heading => {}
            Facet::Year => out.sort_by(|a, b| b.value.cmp(&a.value)),
            _ => out.sort_by(|a, b| b.count.cmp(&a.count).then(a.label_en.cmp(&b.label_en))),
        }
        out
    }
}
