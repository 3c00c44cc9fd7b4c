//! An item's number path: the numbers of the item and its numbered ancestors, outermost
//! first — "30" for measure 30 of a flat list, "2.3" for point (三) under section 二 — the
//! address links use (`?doc=…&number=2.3`), because it is what the document itself prints
//! and it survives a rebuild that shifts items' indices. A path that two items of a document
//! share is no address: such items are linked by index.
//!
//! Cost: one walk up the outline per item compared; only items with the same last number are
//! compared, so a look-up is linear in the document's items.

use super::Document;

impl Document {
    /// The numbers from the outermost numbered ancestor down to `index`; `None` for an item
    /// without a number.
    fn raw_path(&self, index: usize) -> Option<String> {
        let item = self.items.get(index)?;
        let mut numbers = vec![item.number?];
        let mut at = item.parent.map(|p| p as usize);
        // Parents are always earlier items (checked on load), so this ends.
        while let Some(p) = at.filter(|&p| p < index) {
            let parent = &self.items[p];
            numbers.extend(parent.number);
            at = parent.parent.map(|q| q as usize).filter(|&q| q < p);
        }
        let parts: Vec<String> = numbers.iter().rev().map(u32::to_string).collect();
        Some(parts.join("."))
    }

    /// The item's number path, if it has one that no other item of the document shares.
    pub fn item_path(&self, index: usize) -> Option<String> {
        let path = self.raw_path(index)?;
        let number = self.items[index].number;
        // Only an item with the same number can share the path.
        let shared = (0..self.items.len())
            .filter(|&i| i != index && self.items[i].number == number)
            .any(|i| self.raw_path(i).as_deref() == Some(path.as_str()));
        (!shared).then_some(path)
    }

    /// The one item whose number path is `path`.
    pub fn item_at_path(&self, path: &str) -> Option<u32> {
        let last: u32 = path.rsplit('.').next()?.parse().ok()?;
        let mut found = (0..self.items.len()).filter(|&i| {
            self.items[i].number == Some(last) && self.raw_path(i).as_deref() == Some(path)
        });
        let first = found.next()?;
        found.next().is_none().then_some(first as u32)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Bundle;

    #[test]
    fn every_unique_path_leads_back_to_its_item() {
        let bundle = Bundle::from_json(crate::seed_bundle_json()).unwrap();
        let mut addressed = 0;
        for doc in &bundle.documents {
            for (i, item) in doc.items.iter().enumerate() {
                match doc.item_path(i) {
                    Some(path) => {
                        addressed += 1;
                        assert_eq!(doc.item_at_path(&path), Some(i as u32), "{} {path}", doc.id);
                        assert!(path.ends_with(&item.number.unwrap().to_string()));
                    }
                    None if item.number.is_some() => {
                        let raw = doc.raw_path(i).unwrap();
                        assert_eq!(
                            doc.item_at_path(&raw),
                            None,
                            "a shared path addresses nothing"
                        );
                    }
                    None => {}
                }
            }
        }
        assert!(
            addressed > 50,
            "the seeds' measures have numbers: {addressed}"
        );
        assert_eq!(bundle.documents[0].item_at_path("no.such"), None);
    }
}
