//! Measurement hooks for `cargo xtask bench`: search timed inside the page with
//! `performance.now()`, on a bundle handed in as JSON. The entry point the bench calls,
//! `ftz_bench_search`, is exported by the app binary (`src/main.rs`), so other wasm
//! modules built from this library don't carry it.

use crate::model::Bundle;
use crate::search::Index;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

/// Parses the bundle, builds the index, then
/// runs every query `repetitions` times (typing mode, as the search box does). Returns JSON:
/// `{items, parse_ms, index_ms, queries, p50_ms, p95_ms, max_ms}`.
pub fn search(bundle_json: &str, queries: &[String], repetitions: u32) -> Result<String, String> {
    let start = now();
    let bundle = Bundle::from_json(bundle_json).map_err(|e| e.to_string())?;
    let parsed = now();
    let index = Index::build(&bundle);
    let built = now();
    let mut times = Vec::new();
    let mut hits = 0usize;
    for _ in 0..repetitions.max(1) {
        for q in queries {
            let t0 = now();
            let result = index.search(q, true);
            let t1 = now();
            hits += result.hits.len();
            times.push(t1 - t0);
        }
    }
    times.sort_by(f64::total_cmp);
    Ok(format!(
        "{{\"items\":{},\"parse_ms\":{:.3},\"index_ms\":{:.3},\"queries\":{},\"hits\":{},\"p50_ms\":{:.4},\"p95_ms\":{:.4},\"max_ms\":{:.4}}}",
        index.len(),
        parsed - start,
        built - parsed,
        times.len(),
        hits,
        percentile(&times, 50.0),
        percentile(&times, 95.0),
        times.last().copied().unwrap_or(0.0)
    ))
}
