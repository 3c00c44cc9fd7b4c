//! `cargo xtask bench [--factor 200,2000] [--out FILE]`: the performance report, on the
//! seeds and on corpora scaled each `factor` times (default target/bench/REPORT.md):
//!
//! - build: the release site built from each corpus (`xtask dist`), bundle size against the
//!   gzip of the raw text;
//! - payload: wasm sizes and the critical path (what the browser fetched before the first
//!   results, gzip);
//! - natively (a release build of this tool, started by `bench`): ingest, index build time
//!   and memory, search latency;
//! - in headless Chromium (`tests/bench/browser.mjs`): search latency inside the wasm, time
//!   to first results for a query in the URL, filter → results/facets and filter →
//!   facets/charts update times, JS heap and wasm memory;
//! - Pagefind on the same corpora (`pagefind.rs`), measured in the same run: transfer and
//!   time to first results of its Default UI, its JS API's search time, heap; and both on a
//!   throttled link. The report gives ours ÷ Pagefind's for each.
//!
//! Timings are wall-clock on whatever machine runs it: compare runs of one machine only.

use crate::setup::{self, cargo};
use crate::{alloc, root, server, site};
use ftz_explorer::ingest::{self, fs::read_folder, Source};
use ftz_explorer::model::Bundle;
use ftz_explorer::search::Index;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

mod report;

const QUERIES: &str = include_str!("bench_queries.txt");

fn queries() -> Vec<&'static str> {
    QUERIES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * (sorted.len().saturating_sub(1)) as f64).round() as usize;
    sorted.get(rank).copied().unwrap_or(0.0)
}

/// One corpus measured natively, as a JSON object.
fn measure(name: &str, sources: &[Source], reps: usize) -> serde_json::Value {
    let text_bytes: usize = sources.iter().map(|s| s.bytes.len()).sum();
    let text: Vec<u8> = sources
        .iter()
        .flat_map(|s| s.bytes.iter().copied())
        .collect();
    let text_gzip = site::gzip_len(&text);
    let t = Instant::now();
    let mut bundle = ingest::ingest(sources).expect("the corpus ingests");
    let ingest_ms = ms(t);
    let t = Instant::now();
    ftz_explorer::link::link(&mut bundle).expect("the corpus links");
    let link_ms = ms(t);
    let related = bundle.links.related.len();
    let json = bundle.to_json();
    let t = Instant::now();
    let bundle = Bundle::from_json(&json).expect("the bundle reads back");
    let parse_ms = ms(t);
    let before = alloc::live();
    alloc::reset_peak();
    let t = Instant::now();
    let index = Index::build(&bundle);
    let index_ms = ms(t);
    let (live, peak) = (alloc::live() - before, alloc::peak() - before);
    let mut times = Vec::new();
    let mut per_query: Vec<(f64, &str)> = queries().into_iter().map(|q| (0.0, q)).collect();
    for _ in 0..reps {
        for (total, q) in per_query.iter_mut() {
            let t = Instant::now();
            let result = index.search(q, true);
            let took = ms(t);
            times.push(took);
            *total += took;
            std::hint::black_box(result);
        }
    }
    times.sort_by(f64::total_cmp);
    per_query.sort_by(|a, b| b.0.total_cmp(&a.0));
    let slowest: Vec<String> = per_query
        .iter()
        .take(5)
        .map(|(total, q)| format!("`{q}` {:.2} ms", total / reps as f64))
        .collect();
    serde_json::json!({
        "corpus": name, "documents": bundle.documents.len(), "items": index.len(),
        "text_bytes": text_bytes, "text_gzip": text_gzip, "bundle_bytes": json.len(), "bundle_gzip": site::gzip_len(json.as_bytes()),
        "ingest_ms": ingest_ms, "link_ms": link_ms, "related": related, "parse_ms": parse_ms, "index_ms": index_ms,
        "index_live_bytes": live, "index_peak_bytes": peak,
        "queries": times.len(), "p50_ms": percentile(&times, 50.0), "p95_ms": percentile(&times, 95.0),
        "max_ms": times.last().copied().unwrap_or(0.0), "slowest": slowest.join(", "),
    })
}

fn seed_sources() -> crate::Result<Vec<Source>> {
    Ok(read_folder(&root().join("seeds"))
        .map_err(|e| e.to_string())?
        .sources)
}

fn scaled_sources(factor: usize) -> crate::Result<Vec<Source>> {
    Ok(crate::scale::scale(&seed_sources()?, factor)
        .into_iter()
        .map(|(name, text)| Source {
            name,
            bytes: text.into_bytes(),
        })
        .collect())
}

/// The native half, run inside a release build: prints one JSON line per corpus.
pub fn native(factors: &[usize]) -> crate::Result {
    println!("{}", measure("seeds (1×)", &seed_sources()?, 50));
    for &factor in factors {
        let reps = if factor > 500 { 2 } else { 5 };
        println!(
            "{}",
            measure(
                &format!("scaled ({factor}×)"),
                &scaled_sources(factor)?,
                reps
            )
        );
    }
    Ok(())
}

/// `--factor 200,2000`: the scaled corpora to measure.
pub fn factors(list: &str) -> crate::Result<Vec<usize>> {
    list.split(',')
        .map(|f| {
            f.trim()
                .parse::<usize>()
                .ok()
                .filter(|&n| n >= 1)
                .ok_or_else(|| format!("--factor {list}: not a list of whole numbers ≥ 1"))
        })
        .collect()
}

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

pub fn run(factors: &[usize], out: Option<PathBuf>) -> crate::Result {
    let out = out.unwrap_or_else(|| root().join("target/bench/REPORT.md"));
    let list: Vec<String> = factors.iter().map(|f| f.to_string()).collect();
    // Native: this tool again, optimised.
    let native = cargo()
        .args([
            "run",
            "--release",
            "--quiet",
            "--package",
            "xtask",
            "--",
            "bench-native",
            "--factor",
        ])
        .arg(list.join(","))
        .current_dir(root())
        .output()
        .map_err(|e| e.to_string())?;
    if !native.status.success() {
        return Err(format!(
            "native bench failed:\n{}",
            String::from_utf8_lossy(&native.stderr)
        ));
    }
    let native = json_lines(&native.stdout);

    // The release site from each corpus (the same command a deploy runs), timed; each
    // scaled site's data is then served beside the seeds' site for the browser runs, and
    // every corpus also as a Pagefind site, indexed by Pagefind's own CLI.
    setup::npm_packages()?;
    setup::chromium()?;
    let dist = root().join("target/bench/site");
    let mut builds = Vec::new();
    let mut scaled = Vec::new();
    for &factor in factors {
        let corpus = root().join(format!("target/bench/scaled-corpus-{factor}"));
        crate::scale::run(&root().join("seeds"), factor, &corpus)?;
        let site_dir = root().join(format!("target/bench/site-scaled-{factor}"));
        let t = Instant::now();
        let built = site::build(Some(&corpus), &site_dir)?;
        builds.push((format!("scaled ({factor}×)"), ms(t) / 1000.0));
        // build.rs writes its bundle to the same place for every corpus: kept now.
        let bundle = root().join(format!("target/bench/bundle-{factor}.json"));
        std::fs::copy(&built, &bundle).map_err(|e| e.to_string())?;
        scaled.push((factor, site_dir, bundle));
    }
    let t = Instant::now();
    let seeds_bundle = site::build(None, &dist)?;
    builds.insert(0, ("seeds (1×)".to_string(), ms(t) / 1000.0));
    // Whole bundles (texts and all) for the wasm's own search timing and for Pagefind.
    std::fs::copy(&seeds_bundle, dist.join("bench-seeds.json")).map_err(|e| e.to_string())?;
    crate::pagefind::site(&seeds_bundle, &dist.join("bench-pagefind-seeds"))?;
    let mut corpora = vec![serde_json::json!({
        "name": "seeds (1×)", "url": "", "json": "bench-seeds.json",
        "pagefind": "bench-pagefind-seeds/", "reps": 50, "loads": 7, "throttled": true,
    })];
    for (factor, site_dir, bundle) in &scaled {
        std::fs::copy(bundle, dist.join(format!("bench-scaled-{factor}.json")))
            .map_err(|e| e.to_string())?;
        copy_tree(
            &site_dir.join(site::DATA),
            &dist.join(format!("bench-scaled-{factor}")),
        )?;
        crate::pagefind::site(bundle, &dist.join(format!("bench-pagefind-{factor}")))?;
        corpora.push(serde_json::json!({
            "name": format!("scaled ({factor}×)"),
            "url": format!("bench-scaled-{factor}/manifest.json"),
            "json": format!("bench-scaled-{factor}.json"),
            "pagefind": format!("bench-pagefind-{factor}/"),
            "reps": if *factor > 500 { 2 } else { 5 },
            "loads": 3,
            "throttled": *factor <= 200,
        }));
    }

    let addr = server::spawn(&dist).map_err(|e| e.to_string())?;
    let queries_file = root().join("xtask/src/bench_queries.txt");
    let browser = Command::new("node")
        .arg(root().join("tests/bench/browser.mjs"))
        .env("FTZ_BASE_URL", format!("http://{addr}/"))
        .env("FTZ_BENCH_QUERIES", &queries_file)
        .env(
            "FTZ_BENCH_CORPORA",
            serde_json::Value::from(corpora).to_string(),
        )
        .current_dir(root())
        .output()
        .map_err(|e| e.to_string())?;
    if !browser.status.success() {
        return Err(format!(
            "browser bench failed:\n{}",
            String::from_utf8_lossy(&browser.stderr)
        ));
    }
    let browser = json_lines(&browser.stdout);
    let report = report::report(factors, &builds, &native, &browser, &dist);
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    std::fs::write(&out, &report).map_err(|e| e.to_string())?;
    print!("{report}");
    println!("\nreport written to {}", out.display());
    Ok(())
}

/// Copies the files of `from` (one level) into `to`.
fn copy_tree(from: &std::path::Path, to: &std::path::Path) -> crate::Result {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        std::fs::copy(entry.path(), to.join(entry.file_name())).map_err(|e| e.to_string())?;
    }
    Ok(())
}
