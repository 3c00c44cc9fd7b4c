//! Shared by the fuzz suites (`tests/fuzz_*.rs`): how many inputs to run, a proptest runner
//! with a fixed seed that counts them, the seeds as bytes, and the checks every bundle that
//! ingest or `Bundle::from_json` accepts must pass.
//!
//! `FTZ_FUZZ_CASES` sets the inputs per suite, split over its generators; without it each
//! suite runs [`DEFAULT_CASES`], a few seconds in debug, so that every `cargo test` fuzzes
//! a little. `cargo xtask fuzz` runs the suites in release with many more. A failure (a
//! panic or a broken property) panics with proptest's minimal failing input.
#![allow(dead_code)]

use ftz_explorer::ingest::{fs::read_folder, Source};
use ftz_explorer::model::Bundle;
use proptest::strategy::Strategy;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestError, TestRunner};
use std::cell::Cell;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

pub const DEFAULT_CASES: u32 = 500;

/// Inputs per suite: `FTZ_FUZZ_CASES`, else [`DEFAULT_CASES`].
pub fn cases() -> u32 {
    match std::env::var("FTZ_FUZZ_CASES") {
        Ok(v) => v
            .trim()
            .parse()
            .ok()
            .filter(|&n| n >= 1)
            .unwrap_or_else(|| panic!("FTZ_FUZZ_CASES={v:?}: not a whole number ≥ 1")),
        Err(_) => DEFAULT_CASES,
    }
}

/// The seeds as sources, in name order.
pub fn seed_sources() -> Vec<Source> {
    read_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
        .unwrap()
        .sources
}

/// One suite: its generators run one after another, each with its share of the inputs
/// and its own fixed seed; [`Suite::finish`] prints the tally.
pub struct Suite {
    name: &'static str,
    total: u32,
    started: Instant,
    ran: Vec<(&'static str, usize, f64)>,
    notes: Vec<String>,
}

impl Suite {
    pub fn new(name: &'static str) -> Suite {
        Suite {
            name,
            total: cases(),
            started: Instant::now(),
            ran: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Adds a remark to the tally line ("N accepted").
    pub fn note(&mut self, note: String) {
        self.notes.push(note);
    }

    /// Runs `test` on `percent` % of the suite's inputs (at least one), drawn from `strategy`.
    pub fn run<S: Strategy>(
        &mut self,
        label: &'static str,
        percent: u32,
        seed: u64,
        strategy: S,
        test: impl Fn(S::Value) -> Result<(), TestCaseError>,
    ) {
        let cases = (u64::from(self.total) * u64::from(percent) / 100).max(1);
        let mut runner = TestRunner::new(Config {
            cases: cases as u32,
            rng_seed: RngSeed::Fixed(seed),
            failure_persistence: None,
            max_shrink_iters: 2048,
            ..Config::default()
        });
        let count = Cell::new(0usize);
        let started = Instant::now();
        let result = runner.run(&strategy, |value| {
            count.set(count.get() + 1);
            test(value)
        });
        match result {
            Ok(()) => self
                .ran
                .push((label, count.get(), started.elapsed().as_secs_f64())),
            Err(TestError::Fail(why, input)) => panic!(
                "fuzz {} / {label}: {why}\nminimal failing input: {input:?}",
                self.name
            ),
            Err(TestError::Abort(why)) => panic!("fuzz {} / {label}: aborted: {why}", self.name),
        }
    }

    /// Prints `fuzz NAME: N inputs (…), 0 panics, T s` straight to stderr, so that it shows
    /// even when the test harness captures output.
    pub fn finish(self) {
        let total: usize = self.ran.iter().map(|(_, n, _)| n).sum();
        let parts: Vec<String> = self
            .ran
            .iter()
            .map(|(l, n, t)| format!("{n} {l} in {t:.1} s"))
            .chain(self.notes.iter().cloned())
            .collect();
        let _ = writeln!(
            std::io::stderr(),
            "fuzz {}: {total} inputs ({}), 0 panics, {:.1} s",
            self.name,
            parts.join(", "),
            self.started.elapsed().as_secs_f64()
        );
    }
}

/// Fails the case with `why` unless `ok`.
pub fn ensure(ok: bool, why: impl FnOnce() -> String) -> Result<(), TestCaseError> {
    if ok {
        Ok(())
    } else {
        Err(TestCaseError::fail(why()))
    }
}

/// What every accepted bundle guarantees: it validates (every span slices its text at char
/// boundaries, every index is in range), and it survives its own writer and reader.
pub fn check_loadable(bundle: &Bundle) -> Result<(), TestCaseError> {
    bundle
        .validate()
        .map_err(|e| TestCaseError::fail(format!("accepted but invalid: {e}")))?;
    for doc in &bundle.documents {
        for item in &doc.items {
            ensure(item.span.slice(&doc.text).is_some(), || {
                format!("{}: item span {:?} does not slice", doc.id, item.span)
            })?;
        }
    }
    let json = bundle.to_json();
    let again = Bundle::from_json(&json)
        .map_err(|e| TestCaseError::fail(format!("its own JSON is refused: {e}")))?;
    ensure(again.to_json() == json, || {
        "the JSON round trip changes it".into()
    })?;
    ensure(again == *bundle, || first_difference(bundle, &again))
}

/// Where a reread bundle first differs from the original, for the failure message.
fn first_difference(a: &Bundle, b: &Bundle) -> String {
    for (x, y) in a.documents.iter().zip(&b.documents) {
        if let Some((i, (p, q))) = x
            .items
            .iter()
            .zip(&y.items)
            .enumerate()
            .find(|(_, (p, q))| p != q)
        {
            return format!(
                "the reread bundle differs in {} item {i}:
{p:?}
vs
{q:?}",
                x.id
            );
        }
        if let Some((p, q)) = x.figures.iter().zip(&y.figures).find(|(p, q)| p != q) {
            return format!(
                "the reread bundle differs in a figure of {}:
{p:?}
vs
{q:?}",
                x.id
            );
        }
        if x != y {
            return format!("the reread bundle differs in document {}", x.id);
        }
    }
    "the reread bundle differs outside the documents".into()
}

/// What ingest guarantees beyond that: items in order and disjoint and never empty,
/// annotations inside their item, figures inside their item and their sentence, and
/// warnings about documents that exist.
pub fn check_ingested(bundle: &Bundle) -> Result<(), TestCaseError> {
    check_loadable(bundle)?;
    for doc in &bundle.documents {
        for pair in doc.items.windows(2) {
            ensure(pair[0].span.1 <= pair[1].span.0, || {
                format!(
                    "{}: items {:?} and {:?} overlap",
                    doc.id, pair[0].span, pair[1].span
                )
            })?;
        }
        for item in &doc.items {
            ensure(!doc.item_text(item).trim().is_empty(), || {
                format!("{}: blank item {:?}", doc.id, item.span)
            })?;
            for a in &item.annotations {
                ensure(item.span.0 <= a.span.0 && a.span.1 <= item.span.1, || {
                    format!(
                        "{}: annotation {:?} outside {:?}",
                        doc.id, a.span, item.span
                    )
                })?;
            }
        }
        for f in &doc.figures {
            let item = &doc.items[f.item as usize];
            ensure(
                item.span.0 <= f.span.0
                    && f.span.1 <= item.span.1
                    && f.sentence.0 <= f.span.0
                    && f.span.1 <= f.sentence.1,
                || {
                    format!(
                        "{}: figure {:?} outside its item or sentence",
                        doc.id, f.span
                    )
                },
            )?;
        }
    }
    for w in &bundle.warnings {
        ensure(bundle.document(&w.doc).is_some(), || {
            format!("a warning about no document: {w:?}")
        })?;
    }
    Ok(())
}
