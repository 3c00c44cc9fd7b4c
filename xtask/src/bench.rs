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
    let report = report(factors, &builds, &native, &browser, &dist);
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

/// The site's files of a request path (URL paths; a folder is its index.html).
fn path_files(path: &serde_json::Value) -> Vec<String> {
    path.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| p.as_str())
                .map(|p| {
                    let p = p.trim_start_matches('/');
                    if p.is_empty() || p.ends_with('/') {
                        format!("{p}index.html")
                    } else {
                        p.to_string()
                    }
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The gzip bytes of the files of a request path (as served from `dist`).
fn path_gzip(dist: &Path, path: &serde_json::Value) -> usize {
    path_files(path).iter().map(|p| sizes(dist, p).1).sum()
}

fn num(v: &serde_json::Value, key: &str) -> Option<f64> {
    v.get(key).and_then(|n| n.as_f64())
}

fn ratio(ours: Option<f64>, theirs: Option<f64>) -> String {
    match (ours, theirs) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}×", a / b),
        _ => "–".into(),
    }
}

/// The side-by-side table against Pagefind, and the throttled row.
fn against_pagefind(browser: &[serde_json::Value], dist: &Path) -> String {
    let mut s = String::from(
        "\n## Against Pagefind (same corpus as HTML pages, same query `trade`, same run)\n\n\
         Pagefind 1.6.0 (the npm package's CLI, `--force-language zh` so that one index holds both \
         languages) with its Default UI searching `?q=trade` on load; first results: a result \
         excerpt in the DOM. Ours: a result card with its text. Transfer: gzip -9 of every file \
         requested before the first results. Heap: JS heap after a GC (ours also counts the wasm's \
         linear memory; Pagefind's wasm memory is not visible to the page and not counted). Search: \
         ours inside the wasm, Pagefind's JS API `search()` with its chunks loaded. Ratio: ours ÷ \
         Pagefind's (below 1 is better).\n\n\
         | corpus | transfer, ours | Pagefind | ratio | first results, ours | Pagefind | ratio | heap, ours | Pagefind | search p95, ours | Pagefind | ratio |\n\
         |---|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    let pages = of_kind(browser, "page");
    let searches = of_kind(browser, "search");
    for pf in of_kind(browser, "pagefind") {
        let corpus = &pf["corpus"];
        let Some(ours) = pages.iter().find(|p| &p["corpus"] == corpus) else {
            continue;
        };
        let search = searches.iter().find(|p| &p["corpus"] == corpus);
        let (ours_bytes, their_bytes) =
            (path_gzip(dist, &ours["path"]), path_gzip(dist, &pf["path"]));
        let heap =
            num(ours, "js_heap_bytes").map(|j| j + num(ours, "wasm_memory_bytes").unwrap_or(0.0));
        let ours_p95 = search.and_then(|s| num(s, "p95_ms"));
        s += &format!(
            "| {} | {} | {} | {} | {} ms | {} ms | {} | {} | {} | {} ms | {} ms | {} |\n",
            f(pf, "corpus"),
            kb(ours_bytes),
            kb(their_bytes),
            ratio(Some(ours_bytes as f64), Some(their_bytes as f64)),
            f(ours, "first_results_ms"),
            f(pf, "first_results_ms"),
            ratio(num(ours, "first_results_ms"), num(pf, "first_results_ms")),
            heap.map_or("–".into(), |b| format!("{:.1} MiB", b / 1048576.0)),
            mib(pf, "js_heap_bytes"),
            ours_p95.map_or("–".into(), |v| format!("{v:.3}")),
            f(pf, "p95_ms"),
            ratio(ours_p95, num(pf, "p95_ms")),
        );
    }
    let throttled = of_kind(browser, "throttled");
    if !throttled.is_empty() {
        s += "\nThrottled (Chromium's network emulation: 1.6 Mbit/s down, 150 ms round trip; median of 2 \
              fresh loads), navigation → first results:\n\n\
              | corpus | ours | Pagefind Default UI | ratio |\n|---|---|---|---|\n";
        for t in throttled {
            s += &format!(
                "| {} | {} ms | {} ms | {} |\n",
                f(t, "corpus"),
                f(t, "explorer_ms"),
                f(t, "pagefind_ms"),
                ratio(num(t, "explorer_ms"), num(t, "pagefind_ms"))
            );
        }
    }
    s
}

fn report(
    factors: &[usize],
    builds: &[(String, f64)],
    native: &[serde_json::Value],
    browser: &[serde_json::Value],
    dist: &Path,
) -> String {
    let scaled: Vec<String> = factors.iter().map(|f| format!("{f}×")).collect();
    let mut s = format!(
        "# ftz-explorer benchmark\n\nCorpora: the seeds, and {} the seeds (`cargo xtask scale`: \
         recombined seed lines). {} fixed queries (half Chinese, half English, with prefixes and \
         typos; `xtask/src/bench_queries.txt`), run in typing mode. Wall-clock times of one \
         machine: compare runs of the same machine only.\n\n## Build\n\n\
         | corpus | release site build (`xtask dist`, incremental) | text | text gzip | bundle | bundle gzip | bundle gzip ÷ text gzip |\n\
         |---|---|---|---|---|---|---|\n",
        scaled.join(", "),
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
        let path = path_files(&seeds["path"]);
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
    s += &against_pagefind(browser, dist);
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
