//! A fixed-size set of item ids, one bit each: how search results and facet filters are
//! intersected cheaply.
//!
//! Cost: n/8 bytes; set operations are linear in n/64 words.

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct BitSet {
    words: Vec<u64>,
    len: usize,
}

impl BitSet {
    pub fn new(len: usize) -> BitSet {
        BitSet {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    pub fn full(len: usize) -> BitSet {
        let mut set = BitSet {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        if len % 64 != 0 {
            if let Some(last) = set.words.last_mut() {
                *last = (1u64 << (len % 64)) - 1;
            }
        }
        set
    }

    /// The number of ids the set can hold.
    pub fn capacity(&self) -> usize {
        self.len
    }

    pub fn insert(&mut self, id: u32) {
        let id = id as usize;
        if id < self.len {
            self.words[id / 64] |= 1 << (id % 64);
        }
    }

    pub fn contains(&self, id: u32) -> bool {
        let id = id as usize;
        id < self.len && self.words[id / 64] & (1 << (id % 64)) != 0
    }

    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn intersect_with(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    pub fn union_with(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// The ids in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &word)| {
            let mut w = word;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros();
                w &= w - 1;
                Some(i as u32 * 64 + bit)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::BitSet;

    #[test]
    fn set_operations_agree_with_a_vec() {
        let mut a = BitSet::new(200);
        let mut b = BitSet::full(200);
        for id in [0, 3, 64, 127, 199, 250] {
            a.insert(id);
        }
        assert_eq!(a.iter().collect::<Vec<_>>(), [0, 3, 64, 127, 199]);
        assert_eq!(b.count(), 200);
        b.intersect_with(&a);
        assert_eq!(b, a);
        let mut c = BitSet::new(200);
        c.insert(5);
        c.union_with(&a);
        assert_eq!(c.count(), 6);
        assert!(c.contains(5) && !c.contains(6) && !c.contains(999));
    }
}
