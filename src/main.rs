//! Entry point of the browser app. wasm-bindgen runs `main` when the module starts.

#[cfg(target_arch = "wasm32")]
fn main() {
    ftz_explorer::app::start();
}

/// For `cargo xtask bench`: search timed inside the page (see `app::bench`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn ftz_bench_search(
    bundle_json: String,
    queries: Vec<String>,
    repetitions: u32,
) -> Result<String, wasm_bindgen::JsError> {
    ftz_explorer::app::bench::search(&bundle_json, &queries, repetitions)
        .map_err(|e| wasm_bindgen::JsError::new(&e))
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ftz-explorer runs in the browser: use `cargo xtask serve` to build and open it.");
    eprintln!("Command-line tools live in xtask: `cargo xtask --help`.");
}
