//! The bench's report: the JSON lines of the native and browser runs as Markdown tables,
//! with ours ÷ Pagefind's where both were measured.

use super::queries;
use crate::site;
use std::path::Path;

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

pub fn report(
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
          | corpus | docs | items | ingest | link (related rows) | index build | index memory (live / peak) | p50 | p95 | max |\n\
          |---|---|---|---|---|---|---|---|---|---|\n";
    for n in native {
        s += &format!(
            "| {} | {} | {} | {} ms | {} ms ({}) | {} ms | {} / {} | {} ms | {} ms | {} ms |\n",
            f(n, "corpus"),
            f(n, "documents"),
            f(n, "items"),
            f(n, "ingest_ms"),
            f(n, "link_ms"),
            f(n, "related"),
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
