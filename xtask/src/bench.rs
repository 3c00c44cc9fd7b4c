//! `cargo xtask bench [--factor 200] [--out FILE]`: the performance report, on the seeds and
//! on a corpus scaled `factor` times (default target/bench/REPORT.md):
//!
//! - build: the release site built from each corpus (`xtask dist`), bundle size against the
//!   gzip of the raw text;
//! - payload: wasm sizes and the critical path (what the browser fetched before the first
//!   results, gzip);
//! - natively (a release build of this tool, started by `bench`): ingest, index build time
//!   and memory, search latency;
//! - in headless Chromium (`tests/bench/browser.mjs`): search latency inside the wasm, time
//!   to first results for a query in the URL, filter → results/facets and filter →
//!   facets/charts update times, JS heap and wasm memory.
//!
//! Timings are wall-clock on whatever machine runs it: compare runs of one machine only.

use crate::setup::{self, cargo};
use crate::{alloc, root, server, site};
use ftz_explorer::ingest::{self, fs::read_folder, Source};
use ftz_explorer::model::Bundle;
use ftz_explorer::search::Index;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

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
    let bundle = ingest::ingest(sources).expect("the corpus ingests");
    let ingest_ms = ms(t);
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
        "ingest_ms": ingest_ms, "parse_ms": parse_ms, "index_ms": index_ms,
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
pub fn native(factor: usize) -> crate::Result {
    println!("{}", measure("seeds (1×)", &seed_sources()?, 50));
    println!(
        "{}",
        measure(&format!("scaled ({factor}×)"), &scaled_sources(factor)?, 5)
    );
    Ok(())
}

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

pub fn run(factor: usize, out: Option<PathBuf>) -> crate::Result {
    let out = out.unwrap_or_else(|| root().join("target/bench/REPORT.md"));
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
        .arg(factor.to_string())
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

    // The release site from each corpus (the same command a deploy runs), timed; the
    // scaled site's bundle is then served beside the seeds' site for the browser runs.
    setup::npm_packages()?;
    setup::chromium()?;
    let scaled_dir = root().join("target/bench/scaled-corpus");
    crate::scale::run(&root().join("seeds"), factor, &scaled_dir)?;
    let dist = root().join("target/bench/site");
    let scaled_site = root().join("target/bench/site-scaled");
    let t = Instant::now();
    site::build(Some(&scaled_dir), &scaled_site)?;
    let build_scaled_s = ms(t) / 1000.0;
    let t = Instant::now();
    site::build(None, &dist)?;
    let build_seeds_s = ms(t) / 1000.0;
    // Single-file bundles for the wasm's own search timing; the scaled manifest + shards
    // for the page, as a visitor would open them.
    for (site_dir, name) in [
        (&dist, "bench-seeds.json"),
        (&scaled_site, "bench-scaled.json"),
    ] {
        std::fs::copy(site::documents_file(site_dir)?, dist.join(name))
            .map_err(|e| e.to_string())?;
    }
    copy_tree(&scaled_site.join(site::DATA), &dist.join("bench-scaled"))?;
    let builds = [("seeds (1×)", build_seeds_s), ("scaled", build_scaled_s)];

    let addr = server::spawn(&dist).map_err(|e| e.to_string())?;
    let corpora = serde_json::json!([
        {"name": "seeds (1×)", "url": "", "json": "bench-seeds.json", "reps": 50, "loads": 7},
        {"name": format!("scaled ({factor}×)"), "url": "bench-scaled/manifest.json", "json": "bench-scaled.json", "reps": 5, "loads": 3},
    ]);
    let queries_file = root().join("xtask/src/bench_queries.txt");
    let browser = Command::new("node")
        .arg(root().join("tests/bench/browser.mjs"))
        .env("FTZ_BASE_URL", format!("http://{addr}/"))
        .env("FTZ_BENCH_QUERIES", &queries_file)
        .env("FTZ_BENCH_CORPORA", corpora.to_string())
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
    let report = report(factor, &builds, &native, &browser, &dist);
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    std::fs::write(&out, &report).map_err(|e| e.to_string())?;
    print!("{report}");
    println!("\nreport written to {}", out.display());
    Ok(())
}

fn f(v: &serde_json::Value, key: &str) -> String {
    match v.get(key) {
        Some(serde_json::Value::Number(n)) if n.is_f64() => {
            format!("{:.3}", n.as_f64().unwrap_or(0.0))
        }
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(serde_json::Value::String(s)) => s.clone(),
        _ => "–".into(),
    }
}

fn mib(v: &serde_json::Value, key: &str) -> String {
    v.get(key)
        .and_then(|n| n.as_f64())
        .map_or("–".into(), |b| format!("{:.1} MiB", b / 1048576.0))
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

/// Raw and gzip bytes of a file of the site.
fn sizes(dist: &Path, file: &str) -> (usize, usize) {
    let bytes = std::fs::read(dist.join(file)).unwrap_or_default();
    (bytes.len(), site::gzip_len(&bytes))
}

fn of_kind<'a>(lines: &'a [serde_json::Value], kind: &str) -> Vec<&'a serde_json::Value> {
    lines.iter().filter(|l| l["kind"] == kind).collect()
}

fn report(
    factor: usize,
    builds: &[(&str, f64)],
    native: &[serde_json::Value],
    browser: &[serde_json::Value],
    dist: &Path,
) -> String {
    let mut s = format!(
        "# ftz-explorer benchmark\n\nCorpora: the seeds, and {factor}× the seeds (`cargo xtask scale`: \
         recombined seed lines). {} fixed queries (half Chinese, half English, with prefixes and \
         typos; `xtask/src/bench_queries.txt`), run in typing mode. Wall-clock times of one \
         machine: compare runs of the same machine only.\n\n## Build\n\n\
         | corpus | release site build (`xtask dist`, incremental) | text | text gzip | bundle | bundle gzip | bundle gzip ÷ text gzip |\n\
         |---|---|---|---|---|---|---|\n",
        queries().len()
    );
    for (n, (_, build_s)) in native.iter().zip(builds) {
        let ratio =
            n["bundle_gzip"].as_f64().unwrap_or(0.0) / n["text_gzip"].as_f64().unwrap_or(1.0);
        s += &format!(
            "| {} | {build_s:.1} s | {} B | {} B | {} B | {} B | {ratio:.3}× |\n",
            f(n, "corpus"),
            f(n, "text_bytes"),
            f(n, "text_gzip"),
            f(n, "bundle_bytes"),
            f(n, "bundle_gzip")
        );
    }

    s += "\n## Payload (gzip -9)\n\n| file | bytes | gzip | loaded |\n|---|---|---|---|\n";
    for (file, when) in [
        ("ftz_explorer_bg.wasm", "at start"),
        ("ftz_charts_bg.wasm", "with the first chart"),
        ("echarts.js", "with the first chart"),
    ] {
        let (raw, gz) = sizes(dist, file);
        s += &format!("| {file} | {raw} | {gz} | {when} |\n");
    }
    let pages = of_kind(browser, "page");
    if let Some(seeds) = pages.first() {
        let path: Vec<String> = seeds["path"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|p| p.as_str())
                    .map(|p| {
                        let p = p.trim_start_matches('/');
                        if p.is_empty() {
                            "index.html".to_string()
                        } else {
                            p.to_string()
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let total: usize = path.iter().map(|p| sizes(dist, p).1).sum();
        s += &format!(
            "\nCritical path (every file the browser fetched before the first results of `?q=trade`, \
             seeds): **{}** gzip in {} files: {}.\n",
            kb(total),
            path.len(),
            path.iter().map(|p| format!("{p} {}", kb(sizes(dist, p).1))).collect::<Vec<_>>().join(", ")
        );
    }

    s += "\n## Native search (release)\n\n\
          | corpus | docs | items | ingest | index build | index memory (live / peak) | p50 | p95 | max |\n\
          |---|---|---|---|---|---|---|---|---|\n";
    for n in native {
        s += &format!(
            "| {} | {} | {} | {} ms | {} ms | {} / {} | {} ms | {} ms | {} ms |\n",
            f(n, "corpus"),
            f(n, "documents"),
            f(n, "items"),
            f(n, "ingest_ms"),
            f(n, "index_ms"),
            mib(n, "index_live_bytes"),
            mib(n, "index_peak_bytes"),
            f(n, "p50_ms"),
            f(n, "p95_ms"),
            f(n, "max_ms")
        );
    }
    for n in native {
        s += &format!(
            "\nSlowest queries, {} (mean): {}\n",
            f(n, "corpus"),
            f(n, "slowest")
        );
    }

    s += "\n## Search in headless Chromium (inside the wasm, `performance.now()` around each search)\n\n\
          | corpus | items | bundle parse | index build | searches | p50 | p95 | max |\n\
          |---|---|---|---|---|---|---|---|\n";
    for b in of_kind(browser, "search") {
        s += &format!(
            "| {} | {} | {} ms | {} ms | {} | {} ms | {} ms | {} ms |\n",
            f(b, "corpus"),
            f(b, "items"),
            f(b, "parse_ms"),
            f(b, "index_ms"),
            f(b, "queries"),
            f(b, "p50_ms"),
            f(b, "p95_ms"),
            f(b, "max_ms")
        );
    }

    s += "\n## The page in headless Chromium (fresh loads, no cache, localhost)\n\n\
          First results: navigation start → the first result card of `?q=trade` in the DOM (median / max \
          of the loads). Filter updates: a click on a facet value → every effect has run (results and \
          facet counts; or facet counts and all ten charts redrawn with `setOption`), median / max of 10 \
          clicks, an upper bound (it includes one task's scheduling delay). Memory: after a GC, with the \
          results of `?q=trade` shown.\n\n\
          | corpus | loads | first results | filter → results + facets | filter → facets + charts | JS heap | wasm memory |\n\
          |---|---|---|---|---|---|---|\n";
    for p in &pages {
        s += &format!(
            "| {} | {} | {} / {} ms | {} / {} ms | {} / {} ms | {} | {} |\n",
            f(p, "corpus"),
            f(p, "loads"),
            f(p, "first_results_ms"),
            f(p, "first_results_max_ms"),
            f(p, "filter_results_ms"),
            f(p, "filter_results_max_ms"),
            f(p, "filter_charts_ms"),
            f(p, "filter_charts_max_ms"),
            mib(p, "js_heap_bytes"),
            mib(p, "wasm_memory_bytes")
        );
    }
    s
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
