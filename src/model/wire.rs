//! The JSON form of documents, made compact for transfer: items, annotations and figures
//! are positional arrays (layouts on the types below) rather than objects; item spans are
//! written as `[gap since the previous item's end, length]`, annotation and figure spans as
//! `[offset from their item's start, length]`, annotation units as lead / support lists,
//! and a label is omitted when it only repeats the number. A section's level is not written:
//! it is one more than the number of sections above it, recomputed on reading. Small
//! numbers compress far better than absolute offsets; in memory every span stays absolute.
//!
//! A document whose text is deferred carries no item, annotation or figure spans here (they
//! travel with its text, `model::TextFile`): its rows are the same layouts with the span
//! fields left out.
//!
//! Cost: one pass over the items and figures each way.

use super::{
    Annotation, DeferredText, Direction, DocDate, DocNumber, Document, Figure, FigureKind, Item,
    ItemKind, Lang, PageInfo, Qualifier, Role, Span, UnitRef,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{json, Value};

/// `[offset in item, length, [lead…], [support…]]`
struct WireAnnotationFields {
    span: [i64; 2],
    lead: Vec<u32>,
    support: Vec<u32>,
}

/// `[kind, gap, length, number, parent, label, annotations, agencies, regions, topics]`,
/// trailing nulls and empty lists left out.
struct WireItem {
    kind: ItemKind,
    span: [i64; 2],
    number: Option<u32>,
    label: Option<String>,
    parent: Option<u32>,
    annotations: Vec<WireAnnotationFields>,
    agencies: Vec<u32>,
    regions: Vec<u32>,
    topics: Vec<u32>,
}

/// `[item, offset, length, sentence offset, sentence length, value, unit, kind, direction,
/// scale, upper, qualifier, per]`, trailing nulls left out; offsets from the item's start.
/// Fields added later (`upper`, the high end of a range; `qualifier`; `per`) come last, so
/// rows written before them still read the same.
struct WireFigure {
    item: u32,
    span: [i64; 2],
    sentence: [i64; 2],
    value: f64,
    unit: String,
    scale: Option<String>,
    kind: FigureKind,
    direction: Option<Direction>,
    upper: Option<f64>,
    qualifier: Option<Qualifier>,
    per: Option<String>,
}

mod rows;
use rows::{field, full_row, row, ANNOTATION_SPANS, FIGURE_SPANS, ITEM_SPANS};

impl WireItem {
    fn to_row(&self, spans: bool) -> Value {
        let annotations: Vec<Value> = self
            .annotations
            .iter()
            .map(|a| match spans {
                true => json!([a.span[0], a.span[1], a.lead, a.support]),
                false => json!([a.lead, a.support]),
            })
            .collect();
        row(
            vec![
                json!(self.kind),
                json!(self.span[0]),
                json!(self.span[1]),
                json!(self.number),
                json!(self.parent),
                json!(self.label),
                json!(annotations),
                json!(self.agencies),
                json!(self.regions),
                json!(self.topics),
            ],
            &ITEM_SPANS,
            spans,
        )
    }

    fn from_row(value: &Value, spans: bool) -> Result<WireItem, String> {
        let parse = || -> Result<WireItem, String> {
            let row = full_row(value, &ITEM_SPANS, spans)?;
            let annotations: Vec<Value> = field::<Option<_>>(&row, 6)?.unwrap_or_default();
            let annotations = annotations
                .iter()
                .map(|a| {
                    let a = full_row(a, &ANNOTATION_SPANS, spans)?;
                    Ok(WireAnnotationFields {
                        span: [field(&a, 0)?, field(&a, 1)?],
                        lead: field::<Option<_>>(&a, 2)?.unwrap_or_default(),
                        support: field::<Option<_>>(&a, 3)?.unwrap_or_default(),
                    })
                })
                .collect::<Result<_, String>>()?;
            Ok(WireItem {
                kind: field(&row, 0)?,
                span: [field(&row, 1)?, field(&row, 2)?],
                number: field(&row, 3)?,
                parent: field(&row, 4)?,
                label: field(&row, 5)?,
                annotations,
                agencies: field::<Option<_>>(&row, 7)?.unwrap_or_default(),
                regions: field::<Option<_>>(&row, 8)?.unwrap_or_default(),
                topics: field::<Option<_>>(&row, 9)?.unwrap_or_default(),
            })
        };
        parse().map_err(|e| format!("item: {e}"))
    }
}

impl WireFigure {
    fn to_row(&self, spans: bool) -> Value {
        row(
            vec![
                json!(self.item),
                json!(self.span[0]),
                json!(self.span[1]),
                json!(self.sentence[0]),
                json!(self.sentence[1]),
                json!(self.value),
                json!(self.unit),
                json!(self.kind),
                json!(self.direction),
                json!(self.scale),
                json!(self.upper),
                json!(self.qualifier),
                json!(self.per),
            ],
            &FIGURE_SPANS,
            spans,
        )
    }

    fn from_row(value: &Value, spans: bool) -> Result<WireFigure, String> {
        let parse = || -> Result<WireFigure, String> {
            let row = full_row(value, &FIGURE_SPANS, spans)?;
            Ok(WireFigure {
                item: field(&row, 0)?,
                span: [field(&row, 1)?, field(&row, 2)?],
                sentence: [field(&row, 3)?, field(&row, 4)?],
                value: field(&row, 5)?,
                unit: field(&row, 6)?,
                kind: field(&row, 7)?,
                direction: field(&row, 8)?,
                scale: field(&row, 9)?,
                upper: field(&row, 10)?,
                qualifier: field(&row, 11)?,
                per: field(&row, 12)?,
            })
        };
        parse().map_err(|e| format!("figure: {e}"))
    }
}

#[derive(Serialize, Deserialize)]
struct WireDocument {
    id: String,
    file: String,
    title: String,
    lang: Lang,
    encoding: String,
    date: DocDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published: Option<DocDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    doc_numbers: Vec<DocNumber>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    cited_numbers: Vec<DocNumber>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    title_derived: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    regions: Vec<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    page: Option<PageInfo>,
    #[serde(default)]
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    deferred: Option<DeferredText>,
    /// [`WireItem`] rows.
    items: Vec<Value>,
    /// [`WireFigure`] rows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    figures: Vec<Value>,
}

pub(super) fn relative(span: Span, base: u32) -> [i64; 2] {
    [span.0 as i64 - base as i64, span.1 as i64 - span.0 as i64]
}

/// Back to an absolute span; offsets out of range become an empty span past the end of
/// any text, which validation then reports.
pub(super) fn absolute(wire: [i64; 2], base: u32) -> Span {
    let start = (base as i64).saturating_add(wire[0]);
    let end = start.saturating_add(wire[1]);
    let clamp = |v: i64| {
        if (0..=u32::MAX as i64).contains(&v) {
            v as u32
        } else {
            u32::MAX
        }
    };
    Span(clamp(start), clamp(end))
}

fn to_wire(doc: &Document) -> WireDocument {
    let spans = doc.has_text();
    let mut previous_end = 0;
    let items = doc
        .items
        .iter()
        .map(|item| {
            let span = relative(item.span, previous_end);
            previous_end = item.span.1;
            WireItem {
                kind: item.kind,
                span,
                number: item.number,
                label: item
                    .label
                    .clone()
                    .filter(|l| item.number.is_none_or(|n| *l != n.to_string())),
                parent: item.parent,
                annotations: item
                    .annotations
                    .iter()
                    .map(|a| WireAnnotationFields {
                        span: relative(a.span, item.span.0),
                        lead: ids_of(a, Role::Lead),
                        support: ids_of(a, Role::Support),
                    })
                    .collect(),
                agencies: item.agencies.clone(),
                regions: item.regions.clone(),
                topics: item.topics.clone(),
            }
            .to_row(spans)
        })
        .collect();
    let figures = doc
        .figures
        .iter()
        .map(|f| {
            let base = doc.items.get(f.item as usize).map_or(0, |i| i.span.0);
            WireFigure {
                item: f.item,
                span: relative(f.span, base),
                sentence: relative(f.sentence, base),
                value: f.value,
                unit: f.unit.clone(),
                scale: f.scale.clone(),
                kind: f.kind,
                direction: f.direction,
                upper: f.upper,
                qualifier: f.qualifier,
                per: f.per.clone(),
            }
            .to_row(spans)
        })
        .collect();
    WireDocument {
        id: doc.id.clone(),
        file: doc.file.clone(),
        title: doc.title.clone(),
        lang: doc.lang,
        encoding: doc.encoding.clone(),
        date: doc.date.clone(),
        published: doc.published.clone(),
        source: doc.source.clone(),
        doc_numbers: doc.doc_numbers.clone(),
        cited_numbers: doc.cited_numbers.clone(),
        title_derived: doc.title_derived,
        regions: doc.regions.clone(),
        page: doc.page.clone(),
        text: doc.text.clone(),
        deferred: doc.deferred.clone(),
        items,
        figures,
    }
}

fn ids_of(a: &Annotation, role: Role) -> Vec<u32> {
    a.units
        .iter()
        .filter(|u| u.role == role)
        .map(|u| u.agency)
        .collect()
}

fn from_wire(wire: WireDocument) -> Result<Document, String> {
    let spans = wire.deferred.is_none();
    let mut previous_end = 0;
    let items: Vec<Item> = wire
        .items
        .iter()
        .map(|row| WireItem::from_row(row, spans))
        .collect::<Result<Vec<_>, String>>()?
        .into_iter()
        .map(|w| {
            let span = absolute(w.span, previous_end);
            previous_end = span.1;
            let label = w.label.or_else(|| w.number.map(|n| n.to_string()));
            Item {
                kind: w.kind,
                span,
                number: w.number,
                label,
                parent: w.parent,
                annotations: w
                    .annotations
                    .into_iter()
                    .map(|a| Annotation {
                        span: absolute(a.span, span.0),
                        units: a
                            .lead
                            .iter()
                            .map(|&agency| UnitRef {
                                agency,
                                role: Role::Lead,
                            })
                            .chain(a.support.iter().map(|&agency| UnitRef {
                                agency,
                                role: Role::Support,
                            }))
                            .collect(),
                    })
                    .collect(),
                agencies: w.agencies,
                regions: w.regions,
                topics: w.topics,
                level: None,
            }
        })
        .collect();
    let mut items = items;
    super::set_levels(&mut items);
    let figures = wire
        .figures
        .iter()
        .map(|row| WireFigure::from_row(row, spans))
        .collect::<Result<Vec<_>, String>>()?
        .into_iter()
        .map(|f| {
            let base = items.get(f.item as usize).map_or(0, |i| i.span.0);
            Figure {
                item: f.item,
                span: absolute(f.span, base),
                sentence: absolute(f.sentence, base),
                value: f.value,
                upper: f.upper,
                unit: f.unit,
                scale: f.scale,
                kind: f.kind,
                direction: f.direction,
                qualifier: f.qualifier,
                per: f.per,
            }
        })
        .collect();
    Ok(Document {
        id: wire.id,
        file: wire.file,
        title: wire.title,
        lang: wire.lang,
        encoding: wire.encoding,
        date: wire.date,
        published: wire.published,
        source: wire.source,
        doc_numbers: wire.doc_numbers,
        cited_numbers: wire.cited_numbers,
        title_derived: wire.title_derived,
        regions: wire.regions,
        page: wire.page,
        text: wire.text,
        deferred: wire.deferred,
        items,
        figures,
    })
}

pub fn serialize<S: Serializer>(documents: &[Document], serializer: S) -> Result<S::Ok, S::Error> {
    let wire: Vec<WireDocument> = documents.iter().map(to_wire).collect();
    wire.serialize(serializer)
}

/// Reads the documents one at a time: each document's rows are parsed and converted
/// before the next is read, so that the parsed rows of the whole corpus (`Value` trees, several
/// times the size of the documents) are never in memory at once.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Document>, D::Error> {
    struct Documents;
    impl<'de> serde::de::Visitor<'de> for Documents {
        type Value = Vec<Document>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of documents")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(wire) = seq.next_element::<WireDocument>()? {
                let id = wire.id.clone();
                let doc = from_wire(wire)
                    .map_err(|e| serde::de::Error::custom(format!("document {id:?}: {e}")))?;
                out.push(doc);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_seq(Documents)
}

#[cfg(test)]
mod tests;
