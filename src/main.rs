//! Entry point of the browser app. wasm-bindgen runs `main` when the module starts.

#[cfg(target_arch = "wasm32")]
fn main() {
    ftz_explorer::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ftz-explorer runs in the browser: use `cargo xtask serve` to build and open it.");
    eprintln!("Command-line tools live in xtask: `cargo xtask --help`.");
}
