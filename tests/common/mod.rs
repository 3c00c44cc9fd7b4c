//! Shared by the oracle tests: a deterministic random source and corpus loading.
#![allow(dead_code)]

use ftz_explorer::ingest::{self, fs::read_folder};
use ftz_explorer::model::Bundle;
use std::path::Path;

/// splitmix64: deterministic, no dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// True with probability `p` percent.
    pub fn chance(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

pub fn bundle_of(dir: &Path) -> Bundle {
    let folder = read_folder(dir).unwrap();
    ingest::ingest(&folder.sources).unwrap()
}

pub fn seeds() -> Bundle {
    bundle_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
}

/// The scaled corpus in `$FTZ_SCALED_CORPUS` (`cargo xtask test` sets it), if any.
pub fn scaled() -> Option<Bundle> {
    let Some(dir) = std::env::var_os("FTZ_SCALED_CORPUS") else {
        eprintln!("FTZ_SCALED_CORPUS not set: `cargo xtask test` runs this on a scaled corpus");
        return None;
    };
    Some(bundle_of(Path::new(&dir)))
}

/// Every searchable item's folded text, by index id.
pub fn folded_texts(bundle: &Bundle, index: &ftz_explorer::search::Index) -> Vec<String> {
    (0..index.len() as u32)
        .map(|id| {
            let r = index.item_ref(id);
            let doc = &bundle.documents[r.doc as usize];
            ftz_explorer::search::analyze::fold(doc.item_text(&doc.items[r.item as usize]))
        })
        .collect()
}

/// `bundle` written as manifest + shards into a fresh folder `name` under the tests'
/// scratch folder, and that folder as a source.
pub fn sharded(bundle: &Bundle, name: &str, shard_bytes: usize) -> ftz_explorer::store::FileSource {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    ftz_explorer::store::write::write_dir(bundle, &dir, shard_bytes).unwrap();
    ftz_explorer::store::FileSource { dir }
}

/// A sharded bundle opened with nothing but the manifest and documents loaded.
pub fn open(source: &ftz_explorer::store::FileSource) -> ftz_explorer::store::Opened {
    ftz_explorer::store::block_on(ftz_explorer::store::open(source)).unwrap()
}
