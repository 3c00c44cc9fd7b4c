//! The result list's export: one row per item, with its document, date, kind, number, text,
//! facets and link.

use super::{Cell, Column, Context};
use crate::explore::facets::{kind_key, kind_label, Facet};
use crate::model::DateSource;

pub(super) const COLUMNS: [Column; 17] = [
    ("document", "文件"),
    ("document_title", "文件标题"),
    ("date", "日期"),
    ("date_source", "日期来源"),
    ("published", "发布日期"),
    ("kind", "类型"),
    ("number", "编号"),
    ("text", "正文"),
    ("regions", "地区"),
    ("topics", "主题"),
    ("lead_units", "牵头单位"),
    ("supporting_units", "责任单位"),
    ("language", "语言"),
    ("link", "链接"),
    ("also_in", "亦见于"),
    ("document_cites", "文件引用"),
    ("document_cited_by", "文件被引用"),
];

/// How a document's date was found, as a key and in Chinese.
pub(super) fn date_source(source: DateSource) -> Cell {
    let (key, zh) = match source {
        DateSource::Signed => ("signed", "签发"),
        DateSource::Stated => ("stated", "发布"),
        DateSource::Inferred => ("inferred", "推断"),
        DateSource::Page => ("page", "网页成文日期"),
        DateSource::None => ("none", "无"),
    };
    Cell::Coded(key, zh)
}

pub(super) fn language(lang: crate::model::Lang) -> Cell {
    match lang.code() {
        "zh" => Cell::Coded("zh", "中文"),
        _ => Cell::Coded("en", "英文"),
    }
}

/// The names of one facet's values of an item, in the interface language.
pub(super) fn names(cx: &Context, facet: Facet, id: u32) -> Cell {
    Cell::List(
        cx.catalog
            .values_of(facet, id)
            .iter()
            .map(|v| cx.catalog.label(facet, v, cx.zh).unwrap_or(v).to_string())
            .collect(),
    )
}

/// The item's related items (the bundle's links): "relation score link" each, best first.
fn also_in(cx: &Context, at: crate::model::ItemAt) -> Cell {
    Cell::List(
        cx.bundle
            .links
            .related_to(at)
            .iter()
            .map(|r| {
                let other = &cx.bundle.documents[r.to.doc as usize];
                format!(
                    "{} {} {}",
                    r.relation.key(),
                    r.score,
                    cx.link(&other.id, r.to.item)
                )
            })
            .collect(),
    )
}

/// What the item's document cites: each cited number or title as written, with the id of
/// the corpus document it names ("国发〔2019〕5号 → 0001").
fn cites(cx: &Context, doc: u32) -> Cell {
    let mut out: Vec<String> = Vec::new();
    for c in cx.bundle.links.cites(doc) {
        let cell = match c.target {
            Some(t) => format!("{} → {}", c.text, cx.bundle.documents[t as usize].id),
            None => c.text.clone(),
        };
        if !out.contains(&cell) {
            out.push(cell);
        }
    }
    Cell::List(out)
}

fn cited_by(cx: &Context, doc: u32) -> Cell {
    let mut ids: Vec<String> = Vec::new();
    for c in cx.bundle.links.cited_by(doc) {
        let id = &cx.bundle.documents[c.from.doc as usize].id;
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    Cell::List(ids)
}

pub(super) fn row(cx: &Context, id: u32) -> [Cell; 17] {
    let r = cx.index.item_ref(id);
    let doc = &cx.bundle.documents[r.doc as usize];
    let item = &doc.items[r.item as usize];
    let key = kind_key(item.kind);
    [
        Cell::Text(doc.id.clone()),
        Cell::Text(doc.title.clone()),
        Cell::Text(doc.date.value.clone().unwrap_or_default()),
        date_source(doc.date.source),
        Cell::Text(
            doc.published
                .as_ref()
                .and_then(|d| d.value.clone())
                .or_else(|| doc.page.as_ref().and_then(|p| p.published.clone()))
                .unwrap_or_default(),
        ),
        Cell::Coded(key, kind_label(key).1),
        Cell::Number(item.number.map(f64::from)),
        Cell::Text(doc.item_text(item).to_string()),
        names(cx, Facet::Region, id),
        names(cx, Facet::Topic, id),
        names(cx, Facet::Lead, id),
        names(cx, Facet::Support, id),
        language(doc.lang),
        Cell::Text(cx.link(&doc.id, r.item)),
        also_in(
            cx,
            crate::model::ItemAt {
                doc: r.doc,
                item: r.item,
            },
        ),
        cites(cx, r.doc),
        cited_by(cx, r.doc),
    ]
}
