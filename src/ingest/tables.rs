//! The bundle's entity tables (agencies, regions, topics) and the tagging of items with
//! them: agencies named in annotations (canonical through the lexicon, unknown names kept
//! as written), regions and agencies mentioned in the text, topics by the keyword rules,
//! and figures. Entities are interned: each appears once in its table, in order of first
//! use (documents are ingested in name order, so the order is deterministic), and items
//! refer to them by index. Only entities that are used enter the bundle.
//!
//! Cost: per content item, one lexicon scan, one topic scan and one figure scan, each
//! linear in the item's length.

use super::lexicon::{lexicon, EntryKind};
use super::{figures, topics};
use crate::model::{Document, Entity, Figure, Span};
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

fn kind_name(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Province => "province",
        EntryKind::Ftz => "ftz",
        EntryKind::Area => "area",
        EntryKind::City => "city",
        EntryKind::Agency => "agency",
    }
}

impl Tables {
    /// Interns lexicon entry `index` (and its parents of the same table first).
    fn entry(&mut self, index: usize) -> u32 {
        let lex = lexicon();
        let entry = &lex.entries[index];
        let is_agency = entry.kind == EntryKind::Agency;
        let parent = entry
            .parent
            .and_then(|p| lex.get(p))
            .filter(|&p| (lex.entries[p].kind == EntryKind::Agency) == is_agency)
            .map(|p| self.entry(p));
        let entity = Entity {
            id: entry.id.to_string(),
            kind: kind_name(entry.kind).to_string(),
            zh: entry.zh.to_string(),
            en: entry.en.to_string(),
            parent,
        };
        let table = if is_agency {
            &mut self.agencies
        } else {
            &mut self.regions
        };
        table.intern(entity)
    }

    /// The agency a unit name in an annotation stands for. Names the lexicon does not
    /// know are kept under their own name (and reported once).
    pub fn agency(&mut self, name: &str, warnings: &mut Vec<String>) -> u32 {
        if let Some(entry) = lexicon().agency(name) {
            return self.entry(entry);
        }
        let id = format!("unknown:{name}");
        if !self.agencies.index.contains_key(&id) {
            warnings.push(format!(
                "agency not in the lexicon, kept as written: {name}"
            ));
        }
        self.agencies.intern(Entity {
            id,
            kind: "agency".into(),
            zh: name.to_string(),
            en: String::new(),
            parent: None,
        })
    }

    fn topic(&mut self, index: usize) -> u32 {
        let topic = &topics::topics()[index];
        self.topics.intern(Entity {
            id: topic.id.to_string(),
            kind: "topic".into(),
            zh: topic.zh.to_string(),
            en: topic.en.to_string(),
            parent: None,
        })
    }

    /// Tags the content items of a document with the regions, agencies and topics they
    /// mention, extracts their figures, and sets the document's main regions.
    pub fn tag(&mut self, doc: &mut Document) {
        let mut region_counts: BTreeMap<u32, usize> = BTreeMap::new();
        let mut figures_found = Vec::new();
        for (index, item) in doc.items.iter_mut().enumerate() {
            if !item.kind.is_content() {
                continue;
            }
            let text = &doc.text[item.span.start()..item.span.end()];
            // Annotations name who is responsible; they are not what the item is about.
            let prose = without_annotations(text, item.span.start(), &item.annotations);
            for mention in lexicon().mentions(&prose) {
                let is_agency = lexicon().entries[mention.entry].kind == EntryKind::Agency;
                let id = self.entry(mention.entry);
                let list = if is_agency {
                    &mut item.agencies
                } else {
                    &mut item.regions
                };
                if !list.contains(&id) {
                    list.push(id);
                }
            }
            for &r in &item.regions {
                *region_counts.entry(r).or_default() += 1;
            }
            for (topic, _keyword) in topics::assign(&prose) {
                let id = self.topic(topic);
                item.topics.push(id);
            }
            let base = item.span.start();
            for found in figures::extract(text) {
                let inside_annotation = item.annotations.iter().any(|a| {
                    a.span.start() <= base + found.span.0 && base + found.span.1 <= a.span.end()
                });
                if inside_annotation {
                    continue;
                }
                figures_found.push(Figure {
                    item: index as u32,
                    span: Span((base + found.span.0) as u32, (base + found.span.1) as u32),
                    sentence: Span(
                        (base + found.sentence.0) as u32,
                        (base + found.sentence.1) as u32,
                    ),
                    value: found.value,
                    unit: found.unit,
                    scale: found.scale,
                    kind: found.kind,
                    direction: found.direction,
                });
            }
        }
        doc.figures = figures_found;
        doc.regions = main_regions(&region_counts);
    }
}

/// The item text with its annotations blanked out (same length, so offsets still hold).
fn without_annotations(
    text: &str,
    base: usize,
    annotations: &[crate::model::Annotation],
) -> String {
    let mut out = text.to_string();
    for a in annotations {
        let (start, end) = (a.span.start() - base, a.span.end() - base);
        if let Some(slice) = text.get(start..end) {
            out.replace_range(start..end, &" ".repeat(slice.len()));
        }
    }
    out
}

/// The regions a document is about: those mentioned in at least a fifth as many items as
/// the most mentioned one (at most eight), in table order.
fn main_regions(counts: &BTreeMap<u32, usize>) -> Vec<u32> {
    let top = counts.values().copied().max().unwrap_or(0);
    let mut ranked: Vec<(u32, usize)> = counts
        .iter()
        .filter(|(_, &n)| n * 5 >= top)
        .map(|(&r, &n)| (r, n))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(8);
    let mut regions: Vec<u32> = ranked.into_iter().map(|(r, _)| r).collect();
    regions.sort();
    regions
}
