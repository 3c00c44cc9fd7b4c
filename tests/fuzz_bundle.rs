//! Fuzzing bundle loading (`Bundle::from_json`, what `?bundle=URL` and `cargo xtask query
//! --bundle` read) with proptest and fixed seeds. Inputs: the seeds' own bundle JSON with
//! edits to its tree (a node replaced by an edge-case number, a string — multi-byte, a
//! non-date, a wrong enum name —, null, an empty list or object; removed, duplicated or
//! swapped with a sibling; a span nudged; a char inserted into a document's text so that
//! spans fall inside characters), the same JSON with byte-level damage (flips, truncation,
//! deletions, duplications, inserted JSON tokens such as `1e400`, `"\ud800"`, `]`), and
//! arbitrary strings and JSON-token soup.
//!
//! Proves: loading never panics; a refusal says why (one of the three kinds of
//! `BundleError`); an accepted bundle passes `fuzzing::check_loadable` (it validates, every
//! span slices its text, the JSON round trip is exact) and the explorer can use it: index,
//! facets and their counts, a search with snippets, the figures table, the timeline and CSV
//! export all run without a panic.
//!
//! Cost: `FTZ_FUZZ_CASES` inputs (default 500, a few seconds in debug); `cargo xtask fuzz`
//! runs many more in release.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod fuzzing;

use ftz_explorer::charts::stats::timeline;
use ftz_explorer::explore::facets::{Catalog, Facet};
use ftz_explorer::explore::state::State;
use ftz_explorer::explore::{explore, export, figures, FigureSort};
use ftz_explorer::model::Bundle;
use ftz_explorer::search::{bitset::BitSet, Index};
use fuzzing::{check_loadable, ensure, Suite};
use proptest::prelude::*;
use proptest::sample::{select, Index as Pick};
use proptest::test_runner::TestCaseError;
use serde_json::{json, Value};
use std::cell::Cell;

const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "255",
    "65535",
    "4294967295",
    "4294967296",
    "-4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551615",
    "1e300",
    "-0.0",
    "0.5",
    "1e-300",
];

const STRINGS: &[&str] = &[
    "",
    "x",
    "en",
    "zh",
    "measure",
    "boilerplate",
    "lead",
    "day",
    "signed",
    "2022",
    "2022-06",
    "2022-13-45",
    "二〇二二年",
    "2022年6月",
    "20220601",
    "中",
    "é",
    "\u{0}",
    "\u{10ffff}",
    "🙂",
    "\u{301}",
];

const TOKENS: &[&str] = &[
    "null",
    "-1",
    "0",
    "4294967296",
    "1e400",
    "-1e400",
    "\"x\"",
    "[]",
    "{}",
    ",",
    "]",
    "}",
    "[",
    "{",
    ":",
    "\"",
    "\\",
    "\"\\ud800\"",
    "\"\\u0000\"",
    "\"schema\":2",
    "\"schema\":1",
    "9223372036854775808",
    "\"documents\":",
    "\"text\":\"中\"",
    "true",
    " ",
];

#[derive(Debug, Clone)]
enum Edit {
    Number(&'static str),
    Text(&'static str),
    Null,
    EmptyList,
    EmptyObject,
    Remove,
    Duplicate,
    Swap(Pick),
    Nudge(i64),
    InsertChar(Pick, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => select(NUMBERS).prop_map(Edit::Number),
        2 => select(&NUMBERS[6..12]).prop_map(Edit::Number),
        2 => select(STRINGS).prop_map(Edit::Text),
        1 => Just(Edit::Null),
        1 => Just(Edit::EmptyList),
        1 => Just(Edit::EmptyObject),
        2 => Just(Edit::Remove),
        1 => Just(Edit::Duplicate),
        1 => any::<Pick>().prop_map(Edit::Swap),
        3 => prop_oneof![-3..=3i64, Just(1000), Just(-1000), Just(i64::MAX), Just(i64::MIN)]
            .prop_map(Edit::Nudge),
        2 => (any::<Pick>(), select(&["中", "é", "x", "\n", "🙂"][..]))
            .prop_map(|(at, s)| Edit::InsertChar(at, s)),
    ]
}

/// A step down the tree: a child of a list or object by position, or a field by name.
#[derive(Debug, Clone)]
enum Step {
    Any(Pick),
    Key(&'static str),
    /// A position in a row (item, annotation and figure rows are lists).
    Field(usize),
}

/// Paths anywhere, and paths to where the offsets and indices live (item, annotation and
/// figure rows, document numbers, dates, texts), which random walks seldom reach.
fn path() -> impl Strategy<Value = Vec<Step>> {
    let walk =
        |n: std::ops::Range<usize>| proptest::collection::vec(any::<Pick>().prop_map(Step::Any), n);
    let doc = |rest: &'static [&'static str]| {
        (any::<Pick>(), walk(1..4)).prop_map(move |(d, tail)| {
            let mut p = vec![Step::Key("documents"), Step::Any(d)];
            p.extend(rest.iter().map(|k| Step::Key(k)));
            p.extend(tail);
            p
        })
    };
    prop_oneof![
        3 => walk(1..9),
        3 => doc(&["items"]),
        1 => doc(&["figures"]),
        1 => doc(&["doc_numbers"]),
        1 => doc(&["date"]),
        1 => doc(&["text"]),
        1 => doc(&[]),
    ]
}

/// Walks `path` down the tree and edits the node where it ends (or where the walk stops:
/// at a leaf, or at a name the node lacks); removal, duplication and swapping act on the
/// last step's parent.
fn apply(v: &mut Value, path: &[Step], edit: &Edit) {
    let Some((step, rest)) = path.split_first() else {
        return edit_node(v, edit);
    };
    let len = match v {
        Value::Array(a) => a.len(),
        Value::Object(o) => o.len(),
        _ => 0,
    };
    let key = match (step, &*v) {
        (Step::Key(k), Value::Object(o)) if o.contains_key(*k) => k.to_string(),
        (Step::Any(p), Value::Object(o)) if len > 0 => o.keys().nth(p.index(len)).unwrap().clone(),
        (Step::Any(_) | Step::Field(_), Value::Array(_)) if len > 0 => {
            let k = match step {
                Step::Field(f) => (*f).min(len - 1),
                Step::Any(p) => p.index(len),
                Step::Key(_) => unreachable!(),
            };
            let Value::Array(a) = v else { unreachable!() };
            match (rest.is_empty(), edit) {
                (true, Edit::Remove) => drop(a.remove(k)),
                (true, Edit::Duplicate) => a.insert(k, a[k].clone()),
                (true, Edit::Swap(other)) => a.swap(k, other.index(len)),
                _ => apply(&mut a[k], rest, edit),
            }
            return;
        }
        _ => return edit_node(v, edit),
    };
    let Value::Object(o) = v else { unreachable!() };
    if rest.is_empty() && matches!(edit, Edit::Remove) {
        o.remove(&key);
    } else {
        apply(o.get_mut(&key).unwrap(), rest, edit);
    }
}

fn edit_node(v: &mut Value, edit: &Edit) {
    match edit {
        Edit::Number(n) => *v = serde_json::from_str(n).unwrap(),
        Edit::Text(s) => *v = json!(s),
        Edit::Null => *v = Value::Null,
        Edit::EmptyList => *v = json!([]),
        Edit::EmptyObject => *v = json!({}),
        Edit::Nudge(d) => {
            if let Some(n) = v.as_i64() {
                *v = json!(n.saturating_add(*d));
            }
        }
        Edit::InsertChar(at, s) => {
            if let Value::String(text) = v {
                let chars = text.chars().count();
                let i = text
                    .char_indices()
                    .nth(at.index(chars + 1))
                    .map_or(text.len(), |c| c.0);
                text.insert_str(i, s);
            }
        }
        Edit::Remove | Edit::Duplicate | Edit::Swap(_) => {}
    }
}

#[derive(Debug, Clone)]
enum Damage {
    Flip(Pick, u8),
    Truncate(Pick),
    Delete(Pick, usize),
    Duplicate(Pick, usize),
    Insert(Pick, &'static str),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<Pick>(), 1..=255u8).prop_map(|(at, m)| Damage::Flip(at, m)),
        any::<Pick>().prop_map(Damage::Truncate),
        (any::<Pick>(), 1..200usize).prop_map(|(at, n)| Damage::Delete(at, n)),
        (any::<Pick>(), 1..200usize).prop_map(|(at, n)| Damage::Duplicate(at, n)),
        (any::<Pick>(), select(TOKENS)).prop_map(|(at, t)| Damage::Insert(at, t)),
    ]
}

fn damaged(json: &str, damage: &[Damage]) -> String {
    let mut b = json.as_bytes().to_vec();
    for d in damage {
        let at = |p: &Pick, len: usize| p.index(len + 1);
        match d {
            Damage::Flip(p, mask) => {
                if !b.is_empty() {
                    let i = p.index(b.len());
                    b[i] ^= mask;
                }
            }
            Damage::Truncate(p) => b.truncate(at(p, b.len())),
            Damage::Delete(p, n) => {
                let s = at(p, b.len());
                b.drain(s..(s + n).min(b.len()));
            }
            Damage::Duplicate(p, n) => {
                let s = at(p, b.len());
                let copy = b[s..(s + n).min(b.len())].to_vec();
                b.splice(s..s, copy);
            }
            Damage::Insert(p, t) => {
                let s = at(p, b.len());
                b.splice(s..s, t.bytes());
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// What the explorer does with a bundle it loaded.
fn use_bundle(bundle: &Bundle) -> Result<(), TestCaseError> {
    let index = Index::build(bundle);
    let catalog = Catalog::build(bundle, &index);
    let saved = BitSet::new(index.len());
    let state = State::from_query("?q=trade&sort=date");
    let outcome = explore(bundle, &index, &catalog, &state, &saved);
    for facet in Facet::ALL {
        catalog.counts(facet, &state, &outcome.base, &saved);
    }
    for hit in outcome.search.hits.iter().take(3) {
        let r = index.item_ref(hit.id);
        let doc = &bundle.documents[r.doc as usize];
        let text = doc.item_text(&doc.items[r.item as usize]);
        let s = ftz_explorer::search::snippet::snippet(text, &outcome.search.highlight, 160);
        ensure(s.end <= text.chars().count(), || {
            format!("snippet {s:?} past its item")
        })?;
    }
    let all = BitSet::full(index.len());
    let refs = figures(bundle, &index, &all, None, FigureSort::ValueDesc);
    timeline(bundle, &index, &all);
    let ids: Vec<u32> = all.iter().take(20).collect();
    let cx = export::Context {
        bundle,
        index: &index,
        catalog: &catalog,
        zh: true,
        base: "",
    };
    export::csv(&cx, export::Rows::Items(&ids));
    export::json(&cx, export::Rows::Figures(&refs[..refs.len().min(20)]));
    Ok(())
}

/// Loading either refuses with a reason or gives a bundle the explorer can use.
fn check(json: &str, accepted: &Cell<usize>) -> Result<(), TestCaseError> {
    match Bundle::from_json(json) {
        Ok(bundle) => {
            accepted.set(accepted.get() + 1);
            check_loadable(&bundle)?;
            use_bundle(&bundle)
        }
        Err(e) => {
            let message = e.to_string();
            let kinds = [
                "not a readable bundle: ",
                "bundle schema version ",
                "invalid bundle: ",
            ];
            ensure(
                kinds.iter().any(|k| message.starts_with(k)) && message.len() > 20,
                || format!("a refusal without a reason: {message:?}"),
            )
        }
    }
}

#[test]
fn fuzz_bundle() {
    let json = common::seeds().to_json();
    let tree: Value = serde_json::from_str(&json).unwrap();
    let accepted = Cell::new(0);
    let mut suite = Suite::new("bundle");

    let edits = proptest::collection::vec((path(), edit()), 1..4);
    suite.run("edited bundles", 55, 0x00f7_fb0d_0001, edits, |edits| {
        let mut v = tree.clone();
        for (path, e) in &edits {
            apply(&mut v, path, e);
        }
        check(&v.to_string(), &accepted)
    });
    let damages = proptest::collection::vec(damage(), 1..4);
    suite.run("damaged JSON", 30, 0x00f7_fb0d_0002, damages, |d| {
        check(&damaged(&json, &d), &accepted)
    });
    let strings = prop_oneof![
        "(?s).{0,200}".boxed(),
        proptest::collection::vec(select(TOKENS), 0..40)
            .prop_map(|t| t.concat())
            .boxed(),
    ];
    suite.run("arbitrary strings", 15, 0x00f7_fb0d_0003, strings, |s| {
        check(&s, &accepted)
    });
    suite.note(format!("{} accepted", accepted.get()));
    suite.finish();
}

/// The case the fuzzer found: an offset near `i64::MAX` overflowed while the relative spans
/// of the wire format were made absolute. Every offset field of the first item, annotation
/// and figure, set to each extreme, is refused with a reason.
#[test]
fn extreme_offsets_are_refused_not_overflowed() {
    let tree: Value = serde_json::from_str(&common::seeds().to_json()).unwrap();
    let first = |k: &'static str| vec![Step::Key("documents"), Step::Field(0), Step::Key(k)];
    let mut targets = Vec::new();
    for field in [1, 2] {
        let mut p = first("items");
        p.extend([Step::Field(0), Step::Field(field)]);
        targets.push(p);
    }
    for field in 1..=4 {
        let mut p = first("figures");
        p.extend([Step::Field(0), Step::Field(field)]);
        targets.push(p);
    }
    for n in ["9223372036854775807", "-9223372036854775808", "4294967296"] {
        for path in &targets {
            let mut v = tree.clone();
            apply(&mut v, path, &Edit::Number(n));
            assert!(v != tree, "{path:?} reaches nothing");
            let why = Bundle::from_json(&v.to_string())
                .err()
                .map(|e| e.to_string());
            let why = why.unwrap_or_default();
            assert!(why.contains("does not fit"), "{path:?} = {n}: {why:?}");
        }
    }
}
