//! Size budget (bytes, deterministic): the seed bundle, gzipped, is at most 1.31× the gzip
//! of the raw seed text — the structure, entities, figures and dates cost at most 31 % on
//! top (1.30× until documents signed and published on different days kept both dates:
//! 1.301× measured).
#![cfg(not(target_arch = "wasm32"))]

use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::Path;

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

#[test]
fn seed_bundle_gzips_within_1_31_times_the_raw_text() {
    let folder =
        ftz_explorer::ingest::fs::read_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
            .unwrap();
    let raw: Vec<u8> = folder
        .sources
        .iter()
        .flat_map(|s| s.bytes.iter().copied())
        .collect();
    let bundle = ftz_explorer::ingest::ingest(&folder.sources)
        .unwrap()
        .to_json();
    let (raw_gz, bundle_gz) = (gzip_len(&raw), gzip_len(bundle.as_bytes()));
    let ratio = bundle_gz as f64 / raw_gz as f64;
    println!("raw text {raw_gz} B gzip, bundle {bundle_gz} B gzip: {ratio:.3}×");
    assert!(
        ratio <= 1.31,
        "bundle {bundle_gz} B gzip is {ratio:.3}× the raw text's {raw_gz} B"
    );
}
