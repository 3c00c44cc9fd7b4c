//! ftz-explorer: a bilingual explorer of documents about China's pilot free trade zones.
//!
//! The crate is a pure core plus a thin browser shell:
//!
//! - [`model`]: the bundle format (documents with spans into their text), versioned.
//! - [`ingest`]: source files → bundle; shared with `build.rs` and `cargo xtask`.
//! - `app` (wasm32 only): the leptos single-page app over the bundle.
//!
//! The core modules have no web types and are tested natively.

pub mod charts;
pub mod explore;
pub mod ingest;
pub mod link;
pub mod model;
pub mod search;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod app;

/// The bundle that `build.rs` built from the seed folder, as JSON.
pub fn seed_bundle_json() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/bundle.json"))
}
