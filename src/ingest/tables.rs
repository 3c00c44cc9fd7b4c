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
use crate::model::{Document, Entity, Figure, ItemKind, Span};
use std::collections::BTreeMap;

/// One table of entities plus the index from id to position.
#[derive(Default)]
pub struct Interner {
    pub entities: Vec<Entity>,
    index: BTreeMap<String, u32>,
}

impl Interner {
    /// The index of the entity known as `id` (a lexicon id, or "unknown:<name>"), adding it
    /// if it is new.
    pub fn intern(&mut self, id: &str, entity: impl FnOnce() -> Entity) -> u32 {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let i = self.entities.len() as u32;
        self.index.insert(id.to_string(), i);
        self.entities.push(entity());
        i
    }

    /// Drops the entities no one refers to and returns the old → new index map.
    fn retain(&mut self, used: &std::collections::BTreeSet<u32>) -> Vec<Option<u32>> {
        let mut map = vec![None; self.entities.len()];
        let mut kept = Vec::new();
        for (old, entity) in std::mem::take(&mut self.entities).into_iter().enumerate() {
            if used.contains(&(old as u32)) {
                map[old] = Some(kept.len() as u32);
                kept.push(entity);
            }
        }
        for entity in &mut kept {
            entity.parent = entity.parent.and_then(|p| map[p as usize]);
        }
        self.entities = kept;
        self.index.retain(|_, i| map[*i as usize].is_some());
        for i in self.index.values_mut() {
            *i = map[*i as usize].expect("retained");
        }
        map
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
        EntryKind::Agency => "",
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
        let entity = || Entity {
            kind: if is_agency {
                String::new()
            } else {
                kind_name(entry.kind).to_string()
            },
            zh: entry.zh.to_string(),
            en: entry.en.to_string(),
            parent,
        };
        let table = if is_agency {
            &mut self.agencies
        } else {
            &mut self.regions
        };
        table.intern(entry.id, entity)
    }

    /// The agency a unit name in an annotation stands for. Names the lexicon does not
    /// know are kept under their own name, with the level their name states as `kind`
    /// (provincial, municipal … see `units`), and reported once.
    pub fn agency(&mut self, name: &str, warnings: &mut Vec<String>) -> u32 {
        if let Some(entry) = lexicon().agency(name) {
            return self.entry(entry);
        }
        let id = format!("unknown:{name}");
        let level = super::units::level(name);
        if !self.agencies.index.contains_key(&id) {
            warnings.push(match level {
                Some(level) => {
                    format!("{level} agency not in the lexicon, kept as written: {name}")
                }
                None => format!("agency not in the lexicon, kept as written: {name}"),
            });
        }
        self.agencies.intern(&id, || Entity {
            kind: level.unwrap_or_default().to_string(),
            zh: name.to_string(),
            en: String::new(),
            parent: None,
        })
    }

    /// A collective named as a responsible unit ("各省级人民政府", "有关部门和单位"): kept
    /// under its own name with the kind `collective`, so that it is never taken for one
    /// agency; no warning, since collectives are not meant to be in the lexicon.
    pub fn collective(&mut self, name: &str) -> u32 {
        if let Some(entry) = lexicon().agency(name) {
            let id = self.entry(entry);
            self.agencies.entities[id as usize].kind = "collective".into();
            return id;
        }
        self.agencies
            .intern(&format!("collective:{name}"), || Entity {
                kind: "collective".into(),
                zh: name.to_string(),
                en: String::new(),
                parent: None,
            })
    }

    fn topic(&mut self, index: usize) -> u32 {
        let topic = &topics::topics()[index];
        self.topics.intern(topic.id, || Entity {
            kind: String::new(),
            zh: topic.zh.to_string(),
            en: topic.en.to_string(),
            parent: None,
        })
    }

    /// The regions named in a text (lexicon mentions that are places), in order, once.
    fn regions_in(&mut self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        for mention in lexicon().mentions(text) {
            if lexicon().entries[mention.entry].kind == EntryKind::Agency {
                continue;
            }
            let id = self.entry(mention.entry);
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }

    /// Tags the content items of a document with the regions, agencies and topics they
    /// mention, extracts their figures, and sets the document's own regions: those of its
    /// title and of its issuer (source and signature lines), not every place it names. An
    /// annotation's scope clause (适用范围：上海自贸试验区) tags its item with that zone.
    pub fn tag(&mut self, doc: &mut Document, scopes: &[(usize, String)]) {
        let mut own_regions = self.regions_in(&doc.title);
        for item in doc.items.iter().filter(|i| i.kind == ItemKind::Meta) {
            let line = &doc.text[item.span.start()..item.span.end()];
            let issuer = super::metadata::is_organ_line(line)
                || ["来源", "Source", "发文机关", "发布机构"]
                    .iter()
                    .any(|l| line.contains(l));
            if issuer {
                for r in self.regions_in(line) {
                    if !own_regions.contains(&r) {
                        own_regions.push(r);
                    }
                }
            }
        }
        own_regions.sort();
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
            for (_, scope) in scopes.iter().filter(|(i, _)| *i == index) {
                for r in self.regions_in(scope) {
                    if !item.regions.contains(&r) {
                        item.regions.push(r);
                    }
                }
            }
            for (topic, _keyword) in topics::assign(&prose) {
                let id = self.topic(topic);
                item.topics.push(id);
            }
            // A table's figures are read cell by cell, as a text copy's cell lines are: a
            // row of coordinates is not a sentence of quantities.
            let cells: Vec<(usize, &str)> = if item.kind == ItemKind::Table {
                cells(text)
            } else {
                vec![(0, text)]
            };
            let found_in = cells.into_iter().flat_map(|(offset, cell)| {
                figures::extract(cell).into_iter().map(move |mut f| {
                    f.span = (f.span.0 + offset, f.span.1 + offset);
                    f.sentence = (f.sentence.0 + offset, f.sentence.1 + offset);
                    f
                })
            });
            let base = item.span.start();
            for found in found_in.collect::<Vec<_>>() {
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
                    upper: found.upper,
                    unit: found.unit,
                    scale: found.scale,
                    kind: found.kind,
                    direction: found.direction,
                    qualifier: found.qualifier,
                    per: found.per.map(str::to_string),
                });
            }
        }
        doc.figures = figures_found;
        doc.regions = own_regions;
    }
}

impl Tables {
    /// Keeps only the agencies and regions that documents refer to (parents interned on
    /// the way but never referred to are dropped) and renumbers the references.
    pub fn prune(&mut self, documents: &mut [Document]) {
        let mut agencies = std::collections::BTreeSet::new();
        let mut regions = std::collections::BTreeSet::new();
        for doc in documents.iter() {
            regions.extend(doc.regions.iter().copied());
            for item in &doc.items {
                agencies.extend(item.agencies.iter().copied());
                agencies.extend(
                    item.annotations
                        .iter()
                        .flat_map(|a| a.units.iter().map(|u| u.agency)),
                );
                regions.extend(item.regions.iter().copied());
            }
        }
        let agency_map = self.agencies.retain(&agencies);
        let region_map = self.regions.retain(&regions);
        let remap = |ids: &mut Vec<u32>, map: &[Option<u32>]| {
            for id in ids.iter_mut() {
                *id = map[*id as usize].expect("referenced entities are kept");
            }
        };
        for doc in documents.iter_mut() {
            remap(&mut doc.regions, &region_map);
            for item in &mut doc.items {
                remap(&mut item.agencies, &agency_map);
                remap(&mut item.regions, &region_map);
                for unit in item.annotations.iter_mut().flat_map(|a| a.units.iter_mut()) {
                    unit.agency =
                        agency_map[unit.agency as usize].expect("referenced entities are kept");
                }
            }
        }
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

/// The cells of a table item's text (tab-separated cells on lines, or one cell per line),
/// each with its byte offset in the text.
fn cells(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\t' || c == '\n' {
            out.push((start, &text[start..i]));
            start = i + 1;
        }
    }
    out.push((start, &text[start..]));
    out.retain(|(_, cell)| !cell.trim().is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Entity keys (slugs of English names) are what URLs use: every lexicon entry must
    /// get a distinct one within its table, whichever subset a corpus uses.
    #[test]
    fn every_lexicon_entry_has_a_unique_key_in_its_table() {
        let mut tables = Tables::default();
        for index in 0..lexicon().entries.len() {
            tables.entry(index);
        }
        for table in [&tables.agencies, &tables.regions] {
            let keys: BTreeSet<String> = table.entities.iter().map(Entity::key).collect();
            assert_eq!(keys.len(), table.entities.len());
        }
        let topics: BTreeSet<&str> = topics::topics().iter().map(|t| t.en).collect();
        assert_eq!(topics.len(), topics::topics().len());
    }
}
