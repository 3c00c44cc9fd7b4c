//! Score sets and their operations: dense accumulation, sorted intersection, and the
//! bounded edit distance behind typo tolerance.
//!
//! Cost: accumulation is O(items touched) plus one allocation of the item count; an
//! intersection is linear in both lists; an edit distance is O(len²) with early exit.

/// Scores by item id, sorted by id, one entry per id.
pub(super) type Scored = Vec<(u32, f32)>;

/// Dense score accumulation over all item ids; `finish` lists the touched ones in order.
pub(super) struct Accumulator {
    scores: Vec<f32>,
    touched: Vec<u32>,
}

impl Accumulator {
    pub(super) fn new(len: usize) -> Accumulator {
        Accumulator {
            scores: vec![f32::NAN; len],
            touched: Vec::new(),
        }
    }

    pub(super) fn add(&mut self, id: u32, score: f32, combine: impl Fn(f32, f32) -> f32) {
        let slot = &mut self.scores[id as usize];
        if slot.is_nan() {
            *slot = score;
            self.touched.push(id);
        } else {
            *slot = combine(*slot, score);
        }
    }

    pub(super) fn finish(mut self) -> Scored {
        self.touched.sort_unstable();
        self.touched
            .iter()
            .map(|&id| (id, self.scores[id as usize]))
            .collect()
    }
}

/// The ids in both lists, with their scores summed (both sorted by id).
pub(super) fn intersect_sum(a: &[(u32, f32)], b: &[(u32, f32)]) -> Scored {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Levenshtein distance of `a` and `b` is at most `max` (small `max`, short words).
pub(super) fn within_distance(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            row[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(row[j] + 1);
        }
        if row.iter().min().is_some_and(|&m| m > max) {
            return false;
        }
        prev = row;
    }
    prev[b.len()] <= max
}
