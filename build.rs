//! Glue only: read the seed folder, run the library's `ingest`, write `bundle.json` to
//! OUT_DIR for `include_str!`. All logic lives in `src/ingest` (compiled here through
//! `#[path]`, so build.rs and the library run the very same code).
//!
//! The folder is `seeds/` unless `FTZ_SEEDS_DIR` names another one. A file that cannot be
//! read stops the build with a message naming it (or, with `FTZ_SKIP_UNREADABLE=1`, is
//! skipped with a warning); ingest warnings (skipped formats, numbering gaps, unknown
//! agencies) are passed on as cargo warnings.

#[allow(dead_code, unused_imports)]
#[path = "src/model/mod.rs"]
mod model;

#[allow(dead_code, unused_imports)]
#[path = "src/ingest/mod.rs"]
mod ingest;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=FTZ_SEEDS_DIR");
    println!("cargo:rerun-if-env-changed=FTZ_SKIP_UNREADABLE");
    // FTZ_SKIP_UNREADABLE=1: a file that cannot be read is a warning, not a stop.
    let options = ingest::Options {
        skip_unreadable: std::env::var("FTZ_SKIP_UNREADABLE")
            .is_ok_and(|v| !v.is_empty() && v != "0"),
    };
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/model");
    println!("cargo:rerun-if-changed=src/ingest");
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let seeds = match std::env::var_os("FTZ_SEEDS_DIR") {
        Some(dir) => manifest_dir.join(dir),
        None => manifest_dir.join("seeds"),
    };
    println!("cargo:rerun-if-changed={}", seeds.display());

    let bundle = ingest::fs::read_folder(&seeds)
        .and_then(|folder| {
            for name in &folder.skipped {
                println!("cargo:warning=seed folder: skipped {name} (hidden file or folder)");
            }
            ingest::ingest_with(&folder.sources, options)
        })
        .unwrap_or_else(|err| {
            eprintln!("error: cannot build the bundle from {}", seeds.display());
            eprintln!("error: seed file {err}");
            std::process::exit(1);
        });
    // Numbering gaps, unknown agencies …: reported, never "fixed".
    for warning in bundle.warnings.iter().take(10) {
        println!("cargo:warning={}: {}", warning.doc, warning.message);
    }
    if bundle.warnings.len() > 10 {
        println!(
            "cargo:warning={} more ingest warnings: `cargo xtask bundle <folder>` lists them all",
            bundle.warnings.len() - 10
        );
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("bundle.json");
    std::fs::write(&out, bundle.to_json()).unwrap_or_else(|err| {
        eprintln!("error: cannot write {}: {err}", out.display());
        std::process::exit(1);
    });
}
