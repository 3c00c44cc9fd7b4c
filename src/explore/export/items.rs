//! The result list's export: one row per item, with its document, date, kind, number, text,
//! facets and link.

use super::{Cell, Column, Context};
use crate::explore::facets::{kind_key, kind_label, Facet};
use crate::model::DateSource;

pub(super) const COLUMNS: [Column; 14] = [
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

pub(super) fn row(cx: &Context, id: u32) -> [Cell; 14] {
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
    ]
}
