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
