//! The facet oracle: the explorer's filtering, counting, ordering and figures table agree
//! with a brute-force computation made straight from the model.
//!
//! - Every searchable item's facet values (`Catalog::values_of`) equal values derived
//!   independently: document, kind, regions closed under their parents (item's and
//!   document's), topics, lead and supporting units, language, year or "undated".
//! - For many deterministic random states (facet selections, some with values that do not
//!   exist, date ranges, queries from the corpus, saved sets), `Catalog::filter` returns
//!   exactly the items of the base that pass every facet (OR within, AND across) and the
//!   date range, and `Catalog::counts` gives, for every facet, exact disjunctive counts:
//!   every value with a count, selected values even at zero, nothing else.
//! - `explore()` orders exactly the filtered ids (search order, document order or newest
//!   first), and `figures()` lists exactly the figures of filtered items.
//!
//! Runs on the seeds, and on the corpus in `$FTZ_SCALED_CORPUS` when set.

mod common;
use common::{scaled, seeds, Rng};
use ftz_explorer::explore::facets::{heading_key, kind_key, Catalog, Facet, SAVED};
use ftz_explorer::explore::state::{Sort, State};
use ftz_explorer::explore::{explore, figures, FigureRef, FigureSort};
use ftz_explorer::model::{Bundle, Entity, ItemKind, Role};
use ftz_explorer::search::analyze::{is_han, tokens};
use ftz_explorer::search::{bitset::BitSet, Index};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Instant;

fn one(key: &str) -> BTreeSet<String> {
    BTreeSet::from([key.to_string()])
}

fn keys(table: &[Entity], ids: impl IntoIterator<Item = u32>) -> BTreeSet<String> {
    ids.into_iter().map(|i| table[i as usize].key()).collect()
}

/// Each item's values per facet and its document's date, computed without `Catalog`.
struct Oracle {
    values: BTreeMap<Facet, Vec<BTreeSet<String>>>,
    dates: Vec<Option<String>>,
    /// Where each item comes when browsing without a query: measures, cases, points, case
    /// parts, paragraphs, tables, sections, titles, the rest.
    browse: Vec<u8>,
}

impl Oracle {
    fn build(bundle: &Bundle, index: &Index) -> Oracle {
        let mut values: BTreeMap<Facet, Vec<BTreeSet<String>>> = BTreeMap::new();
        let mut dates = Vec::new();
        let mut browse = Vec::new();
        for id in 0..index.len() as u32 {
            let r = index.item_ref(id);
            let doc = &bundle.documents[r.doc as usize];
            let item = &doc.items[r.item as usize];
            let mut regions = BTreeSet::new();
            let mut todo: Vec<u32> = item.regions.iter().chain(&doc.regions).copied().collect();
            while let Some(r) = todo.pop() {
                if regions.insert(r) {
                    todo.extend(bundle.regions[r as usize].parent);
                }
            }
            // The sections above the item (and itself), outermost first; the first
            // numbered one, else the outermost.
            let mut chain = Vec::new();
            let mut at = Some(r.item as usize);
            while let Some(i) = at {
                if doc.items[i].level.is_some() {
                    chain.insert(0, i);
                }
                at = doc.items[i].parent.map(|p| p as usize);
            }
            let heading: BTreeSet<String> = chain
                .iter()
                .find(|&&i| doc.items[i].number.is_some())
                .or(chain.first())
                .map(|&i| heading_key(&doc.id, i))
                .into_iter()
                .collect();
            let year = doc.date.year().map_or("undated".into(), |y| y.to_string());
            let per = [
                (Facet::Doc, one(&doc.id)),
                (Facet::Heading, heading),
                (
                    Facet::Subject,
                    doc.page
                        .iter()
                        .flat_map(|p| p.subjects.first().cloned())
                        .collect(),
                ),
                (Facet::Kind, one(kind_key(item.kind))),
                (Facet::Region, keys(&bundle.regions, regions)),
                (
                    Facet::Topic,
                    keys(&bundle.topics, item.topics.iter().copied()),
                ),
                (Facet::Lead, keys(&bundle.agencies, item.units(Role::Lead))),
                (
                    Facet::Support,
                    keys(&bundle.agencies, item.units(Role::Support)),
                ),
                (Facet::Lang, one(doc.lang.code())),
                (Facet::Year, one(&year)),
            ];
            for (f, vs) in per {
                values.entry(f).or_default().push(vs);
            }
            dates.push(doc.date.value.clone());
            browse.push(match item.kind {
                ItemKind::Measure => 0,
                ItemKind::Case => 1,
                ItemKind::Point => 2,
                ItemKind::CasePart => 3,
                ItemKind::Paragraph => 4,
                ItemKind::Table => 5,
                ItemKind::Section => 6,
                ItemKind::Title => 7,
                _ => 8,
            });
        }
        Oracle {
            values,
            dates,
            browse,
        }
    }

    /// Every value of a facet that some item has.
    fn universe(&self, facet: Facet) -> Vec<String> {
        let all: BTreeSet<&String> = self.values[&facet].iter().flatten().collect();
        all.into_iter().cloned().collect()
    }

    fn in_range(&self, id: u32, state: &State) -> bool {
        let (from, to) = (state.from.as_deref(), state.to.as_deref());
        match self.dates[id as usize].as_deref() {
            _ if from.is_none() && to.is_none() => true,
            None => false,
            Some(d) => {
                from.is_none_or(|f| d >= f || d.starts_with(f))
                    && to.is_none_or(|t| d <= t || d.starts_with(t))
            }
        }
    }

    fn passes(&self, facet: Facet, id: u32, wanted: &BTreeSet<String>, saved: &BitSet) -> bool {
        match facet {
            Facet::Saved => saved.contains(id),
            _ => wanted
                .iter()
                .any(|w| self.values[&facet][id as usize].contains(w)),
        }
    }
}

/// One random state (and its saved set) from values, dates and text of the corpus.
fn random_state(
    rng: &mut Rng,
    oracle: &Oracle,
    index: &Index,
    texts: &[String],
    dates: &[String],
) -> (State, BitSet) {
    let mut state = State::default();
    let mut saved = BitSet::new(index.len());
    if rng.chance(40) {
        let density = 1 + rng.below(30);
        for id in (0..index.len() as u32).filter(|_| rng.chance(density)) {
            saved.insert(id);
        }
    }
    for _ in 0..rng.below(4) {
        let facet = *rng.pick(&Facet::ALL);
        let values = state.filters.entry(facet).or_default();
        if facet == Facet::Saved {
            values.insert(SAVED.to_string());
            continue;
        }
        let universe = oracle.universe(facet);
        for _ in 0..1 + rng.below(3) {
            if rng.chance(8) || universe.is_empty() {
                values.insert("no-such-value".to_string());
            } else {
                values.insert(rng.pick(&universe).clone());
            }
        }
    }
    if rng.chance(35) && !dates.is_empty() {
        let bound = |rng: &mut Rng| {
            let d = rng.pick(dates).clone();
            match rng.below(3) {
                0 => d[..4.min(d.len())].to_string(),
                1 => d[..7.min(d.len())].to_string(),
                _ => d,
            }
        };
        if rng.chance(70) {
            state.from = Some(bound(rng));
        }
        if rng.chance(70) {
            state.to = Some(bound(rng));
        }
    }
    if rng.chance(40) {
        state.query = random_query(rng, texts);
    }
    state.sort = *rng.pick(&Sort::ALL);
    (state, saved)
}

/// A word or a two-character Chinese substring of a random item's folded text.
fn random_query(rng: &mut Rng, texts: &[String]) -> String {
    for _ in 0..50 {
        let text: Vec<char> = texts[rng.below(texts.len())].chars().collect();
        let at = rng.below(text.len().max(2) - 1);
        if text.len() >= 2 && is_han(text[at]) && is_han(text[at + 1]) {
            return text[at..at + 2].iter().collect();
        }
        let words: Vec<String> = tokens(&text.iter().collect::<String>())
            .into_iter()
            .filter_map(|t| t.word)
            .filter(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
            .collect();
        if !words.is_empty() {
            return rng.pick(&words).clone();
        }
    }
    String::new()
}

/// One corpus with its index, catalog, oracle and (document, item) → id table.
struct Corpus<'a> {
    bundle: &'a Bundle,
    index: Index,
    catalog: Catalog,
    oracle: Oracle,
    ids_of: HashMap<(u32, u32), u32>,
}

/// Checks one state against the oracle; returns the number of filtered items. Selected
/// values missing from their facet's counts go to `unlisted`.
fn check_state(
    c: &Corpus,
    state: &State,
    saved: &BitSet,
    label: &str,
    unlisted: &mut Vec<String>,
) -> usize {
    let (bundle, index, catalog, oracle) = (c.bundle, &c.index, &c.catalog, &c.oracle);
    let out = explore(bundle, index, catalog, state, saved);
    let searching = !state.query.trim().is_empty();
    let base = if searching {
        index.search(&state.query, true).matched
    } else {
        BitSet::full(index.len())
    };
    assert_eq!(out.base, base, "{label}: base");
    // Which active facets each base item fails (bit per facet), and the date range.
    let active: Vec<_> = state.filters.iter().filter(|f| !f.1.is_empty()).collect();
    let fails: Vec<(u32, u32)> = base
        .iter()
        .filter(|&id| oracle.in_range(id, state))
        .map(|id| {
            let mask = active
                .iter()
                .filter(|(f, vs)| !oracle.passes(**f, id, vs, saved))
                .fold(0u32, |m, (f, _)| m | 1 << **f as u32);
            (id, mask)
        })
        .collect();
    let expected: Vec<u32> = fails.iter().filter(|(_, m)| *m == 0).map(|p| p.0).collect();
    let filtered = catalog.filter(state, &base, saved, None);
    let got: Vec<u32> = filtered.iter().collect();
    assert_eq!(got, expected, "{label}: filter");
    assert_eq!(out.filtered, filtered, "{label}: explore's filtered set");

    for facet in Facet::ALL {
        let mut want: BTreeMap<String, (usize, bool)> = BTreeMap::new();
        for &(id, mask) in &fails {
            if mask & !(1 << facet as u32) != 0 {
                continue;
            }
            let vs = match facet {
                Facet::Saved if saved.contains(id) => one(SAVED),
                Facet::Saved => BTreeSet::new(),
                _ => oracle.values[&facet][id as usize].clone(),
            };
            for v in vs {
                want.entry(v).or_default().0 += 1;
            }
        }
        for v in state.filters.get(&facet).into_iter().flatten() {
            want.entry(v.clone()).or_default().1 = true;
        }
        let got = catalog.counts(facet, state, &base, saved);
        let got_map: BTreeMap<String, (usize, bool)> = got
            .iter()
            .map(|v| (v.value.clone(), (v.count, v.selected)))
            .collect();
        // A selected value listed nowhere is reported after all states ran (see
        // `unlisted`), so that one known bug does not hide the rest of the oracle.
        want.retain(|v, &mut (count, selected)| {
            let missing = count == 0 && selected && !got_map.contains_key(v);
            if missing {
                unlisted.push(format!("{label}: {facet:?} value {v:?}"));
            }
            !missing
        });
        assert_eq!(got_map, want, "{label}: counts of {facet:?}");
        let sorted = match facet {
            Facet::Doc | Facet::Heading => true,
            Facet::Year => got.windows(2).all(|w| w[0].value >= w[1].value),
            _ => got.windows(2).all(|w| w[0].count >= w[1].count),
        };
        assert!(sorted, "{label}: order of the {facet:?} counts: {got:?}");
    }

    // Ordering: exactly the filtered ids (`expected` is increasing), in the sort's order.
    let mut sorted = out.ordered.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted, expected,
        "{label}: ordered holds exactly the filtered ids"
    );
    let date = |id: u32| oracle.dates[id as usize].as_deref();
    // Dated first, newest first, ties in document order: strictly increasing keys.
    let key = |id: u32| (date(id).is_none(), Reverse(date(id)), id);
    match state.sort {
        Sort::Relevance if searching => {
            let hits = out.search.hits.iter().map(|h| h.id);
            let want: Vec<u32> = hits.filter(|&id| filtered.contains(id)).collect();
            assert_eq!(out.ordered, want, "{label}: relevance follows the hits");
        }
        Sort::Relevance => {
            let mut want = expected.clone();
            want.sort_by_key(|&id| (oracle.browse[id as usize], id));
            assert_eq!(
                out.ordered, want,
                "{label}: without a query, measures first"
            );
        }
        Sort::Document => assert_eq!(out.ordered, expected, "{label}: order"),
        Sort::Date => assert!(
            out.ordered.windows(2).all(|w| key(w[0]) < key(w[1])),
            "{label}: date order: {:?}",
            out.ordered.iter().map(|&id| date(id)).collect::<Vec<_>>()
        ),
    }

    // Figures of the filtered items, in document order.
    let mut want = Vec::new();
    for (d, doc) in bundle.documents.iter().enumerate() {
        for (k, f) in doc.figures.iter().enumerate() {
            if let Some(&item_id) = c.ids_of.get(&(d as u32, f.item)) {
                if filtered.contains(item_id) {
                    let (doc, figure) = (d as u32, k as u32);
                    want.push(FigureRef {
                        doc,
                        figure,
                        item_id,
                    });
                }
            }
        }
    }
    let got = figures(bundle, index, &filtered, None, FigureSort::Document);
    assert_eq!(got, want, "{label}: figures");
    expected.len()
}

fn check_corpus(bundle: &Bundle, states: usize, seed: u64) {
    let started = Instant::now();
    let index = Index::build(bundle);
    let ids_of = (0..index.len() as u32)
        .map(|id| ((index.item_ref(id).doc, index.item_ref(id).item), id))
        .collect();
    let c = Corpus {
        bundle,
        catalog: Catalog::build(bundle, &index),
        oracle: Oracle::build(bundle, &index),
        index,
        ids_of,
    };
    // 1. Values per item and facet.
    for id in 0..c.index.len() as u32 {
        for (facet, values) in &c.oracle.values {
            let got: BTreeSet<String> = c
                .catalog
                .values_of(*facet, id)
                .into_iter()
                .map(str::to_string)
                .collect();
            assert_eq!(got, values[id as usize], "values of {facet:?} of item {id}");
        }
        assert!(c.catalog.values_of(Facet::Saved, id).is_empty());
    }
    let dates: Vec<String> = bundle
        .documents
        .iter()
        .filter_map(|d| d.date.value.clone())
        .collect();
    // 2–4. Random states.
    let texts = common::folded_texts(bundle, &c.index);
    let mut rng = Rng(seed);
    let (mut nonempty, mut queries, mut ranges) = (0, 0, 0);
    let mut unlisted = Vec::new();
    for n in 0..states {
        let (state, saved) = random_state(&mut rng, &c.oracle, &c.index, &texts, &dates);
        let label = format!("state {n} {:?}", state.to_query());
        let found = check_state(&c, &state, &saved, &label, &mut unlisted);
        nonempty += usize::from(found > 0);
        queries += usize::from(!state.query.is_empty());
        ranges += usize::from(state.from.is_some() || state.to.is_some());
    }
    eprintln!(
        "{states} states on {} items ({nonempty} with results, {queries} queries, {ranges} \
         date ranges) in {:.1?}",
        c.index.len(),
        started.elapsed()
    );
    assert!(
        nonempty * 3 >= states && queries * 5 >= states && ranges * 5 >= states,
        "the states exercise the oracle"
    );
    assert!(
        unlisted.is_empty(),
        "{} selected values missing from their facet's counts (a selected value must be \
         listed, with count 0, so the user can see and clear it), first: {:?}",
        unlisted.len(),
        &unlisted[..unlisted.len().min(5)]
    );
}

#[test]
fn facets_filters_counts_and_order_match_brute_force_on_the_seeds() {
    check_corpus(&seeds(), 300, 0xface7);
}

#[test]
fn facets_filters_counts_and_order_match_brute_force_on_the_scaled_corpus() {
    let Some(bundle) = scaled() else { return };
    check_corpus(&bundle, 100, 0x5ca1ed);
}

/// The minimal case of the rule above: a URL may select a value the corpus lacks (a typo,
/// a stale link); the result is empty, and the facet must still list the value, selected,
/// with count 0, or the user has no way to see why nothing matches or to clear it.
#[test]
fn a_selected_value_the_corpus_lacks_is_listed_with_count_zero() {
    let bundle = seeds();
    let index = Index::build(&bundle);
    let catalog = Catalog::build(&bundle, &index);
    let state = State::from_query("?region=no-such-region");
    let (base, saved) = (BitSet::full(index.len()), BitSet::new(index.len()));
    assert_eq!(catalog.filter(&state, &base, &saved, None).count(), 0);
    let counts = catalog.counts(Facet::Region, &state, &base, &saved);
    let listed = counts.iter().find(|v| v.value == "no-such-region");
    assert!(
        listed.is_some_and(|v| v.selected && v.count == 0),
        "Catalog::counts(Region) for ?region=no-such-region does not list the selected \
         value: {listed:?}"
    );
}
