//! A packed column of facet values: every item's value ids in one list, with offsets —
//! about 8 bytes an item and 4 a value, where a list per item cost about 40.
//!
//! Cost: appending is amortised O(values); reading an item's values is two lookups.

/// One facet's values for every item, packed: item `id`'s values (sorted, distinct) are
/// `values[offsets[id]..offsets[id + 1]]`.
pub(super) struct Column {
    offsets: Vec<u32>,
    values: Vec<u32>,
}

impl Column {
    pub(super) fn with_capacity(items: usize) -> Column {
        let mut offsets = Vec::with_capacity(items + 1);
        offsets.push(0);
        Column {
            offsets,
            values: Vec::with_capacity(items),
        }
    }

    /// Appends the next item's values (sorted and deduplicated here; `values` is emptied).
    pub(super) fn push(&mut self, values: &mut Vec<u32>) {
        values.sort_unstable();
        values.dedup();
        self.values.append(values);
        self.offsets.push(self.values.len() as u32);
    }

    pub(super) fn of(&self, id: u32) -> &[u32] {
        let id = id as usize;
        match (self.offsets.get(id), self.offsets.get(id + 1)) {
            (Some(&a), Some(&b)) => &self.values[a as usize..b as usize],
            _ => &[],
        }
    }
}
