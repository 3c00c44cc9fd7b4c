//! `cargo xtask fuzz [--cases N]`: the fuzz suites (`tests/fuzz_ingest.rs`,
//! `tests/fuzz_search.rs`, `tests/fuzz_bundle.rs`: proptest with fixed seeds) with N inputs
//! per suite (default 100 000, each suite splitting them over its generators) — longer runs
//! than the 500 per suite of every `cargo test`.
//!
//! Built optimised, but with overflow checks and debug assertions on (they are what turns
//! many a bug into a panic) and unwinding (proptest catches panics to shrink the input),
//! in a target directory of its own (`target/fuzz`), so that it neither waits for nor
//! invalidates other builds. Prints each suite's tally and the total; a failure shows
//! proptest's minimal failing input and fails the command.
//!
//! Cost: one optimised build of the library and the three suites (a minute or two cold),
//! then about 7 minutes on one core at the default 100 000 inputs per suite (ingest and
//! bundle loading some 2½ minutes each, search under 2).

use crate::root;
use crate::setup::{cargo, describe};
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Instant;

pub const DEFAULT_CASES: u32 = 100_000;
const SUITES: [&str; 3] = ["fuzz_ingest", "fuzz_search", "fuzz_bundle"];

pub fn run(cases: u32) -> crate::Result {
    let mut cmd = cargo();
    cmd.args(["test", "--release", "--package", "ftz-explorer"]);
    for suite in SUITES {
        cmd.args(["--test", suite]);
    }
    cmd.env("FTZ_FUZZ_CASES", cases.to_string())
        .env("CARGO_TARGET_DIR", root().join("target/fuzz"))
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "3")
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_PANIC", "unwind")
        .env("CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS", "true")
        .env("CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS", "true")
        .current_dir(root())
        .stderr(Stdio::piped());
    eprintln!("$ FTZ_FUZZ_CASES={cases} {}", describe(&cmd));
    let started = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", describe(&cmd)))?;
    // The suites print their tallies to stderr; pass everything on and keep those.
    let mut tallies = Vec::new();
    let stderr = child.stderr.take().expect("piped stderr");
    for line in BufReader::new(stderr).lines().map_while(Result::ok) {
        eprintln!("{line}");
        if line.starts_with("fuzz ") {
            tallies.push(line);
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    println!();
    let mut total = 0u64;
    for tally in &tallies {
        println!("{tally}");
        total += inputs_of(tally).unwrap_or(0);
    }
    println!(
        "{total} inputs in {} suites, {:.0} s in all",
        tallies.len(),
        started.elapsed().as_secs_f64()
    );
    if !status.success() {
        return Err("a fuzz suite failed: its minimal failing input is above".into());
    }
    if tallies.len() != SUITES.len() {
        return Err(format!(
            "expected a tally from each of {} suites, got {}",
            SUITES.len(),
            tallies.len()
        ));
    }
    Ok(())
}

/// `fuzz ingest: 500 inputs (…)` → 500.
fn inputs_of(tally: &str) -> Option<u64> {
    let (_, rest) = tally.split_once(": ")?;
    rest.split_whitespace().next()?.parse().ok()
}
