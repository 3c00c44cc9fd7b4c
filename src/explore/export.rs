//! Export of the current result set, generated in the browser: CSV (UTF-8 with a byte-order
//! mark, so that spreadsheet apps open Chinese correctly; RFC 4180 quoting) and JSON.
//! Entity names are given in the chosen UI language; in the Chinese interface the CSV's
//! header and its kind, language and date-source values are Chinese too (a spreadsheet is
//! read by people), while JSON keeps its keys and values stable for programs.
//!
//! Cost: linear in the rows and their text.

use super::facets::{kind_key, Catalog, Facet};
use crate::model::Bundle;
use crate::search::Index;

const COLUMNS: [&str; 14] = [
    "document",
    "document_title",
    "date",
    "date_source",
    "published",
    "kind",
    "number",
    "text",
    "regions",
    "topics",
    "lead_units",
    "supporting_units",
    "language",
    "link",
];

/// The CSV header in the Chinese interface, column by column.
const COLUMNS_ZH: [&str; 14] = [
    "文件",
    "文件标题",
    "日期",
    "日期来源",
    "发布日期",
    "类型",
    "编号",
    "正文",
    "地区",
    "主题",
    "牵头单位",
    "责任单位",
    "语言",
    "链接",
];

/// Column positions of the values a Chinese CSV writes in Chinese.
const DATE_SOURCE: usize = 3;
const KIND: usize = 5;
const LANGUAGE: usize = 12;

/// A machine value of `column` as the Chinese CSV writes it.
fn in_chinese(column: usize, value: &str) -> Option<&'static str> {
    Some(match (column, value) {
        (KIND, key) => super::facets::kind_label(key).1,
        (LANGUAGE, "zh") => "中文",
        (LANGUAGE, "en") => "英文",
        (DATE_SOURCE, "signed") => "签发",
        (DATE_SOURCE, "stated") => "发布",
        (DATE_SOURCE, "inferred") => "推断",
        (DATE_SOURCE, "page") => "网页成文日期",
        (DATE_SOURCE, "none") => "无",
        _ => return None,
    })
}

/// One exported row, column by column.
fn row(bundle: &Bundle, index: &Index, catalog: &Catalog, id: u32, zh: bool) -> [String; 14] {
    let r = index.item_ref(id);
    let doc = &bundle.documents[r.doc as usize];
    let item = &doc.items[r.item as usize];
    let names = |facet: Facet| -> String {
        catalog
            .values_of(facet, id)
            .iter()
            .map(|v| catalog.label(facet, v, zh).unwrap_or(v).to_string())
            .collect::<Vec<_>>()
            .join("; ")
    };
    [
        doc.id.clone(),
        doc.title.clone(),
        doc.date.value.clone().unwrap_or_default(),
        // signed, stated (a publication date), inferred, page (the page's 成文日期), none.
        serde_json::to_value(doc.date.source)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        doc.published
            .as_ref()
            .and_then(|d| d.value.clone())
            .or_else(|| doc.page.as_ref().and_then(|p| p.published.clone()))
            .unwrap_or_default(),
        kind_key(item.kind).to_string(),
        item.number.map(|n| n.to_string()).unwrap_or_default(),
        doc.item_text(item).to_string(),
        names(Facet::Region),
        names(Facet::Topic),
        names(Facet::Lead),
        names(Facet::Support),
        doc.lang.code().to_string(),
        format!("?doc={}&item={}", super::state::encode(&doc.id), r.item),
    ]
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// CSV of the rows, with a BOM and a header line; CRLF line ends as RFC 4180 asks.
pub fn csv(bundle: &Bundle, index: &Index, catalog: &Catalog, ids: &[u32], zh: bool) -> String {
    let mut out = String::from("\u{feff}");
    out += &(if zh { COLUMNS_ZH } else { COLUMNS }).join(",");
    out += "\r\n";
    for &id in ids {
        let fields: Vec<String> = row(bundle, index, catalog, id, zh)
            .iter()
            .enumerate()
            .map(|(column, f)| match in_chinese(column, f).filter(|_| zh) {
                Some(label) => label.to_string(),
                None => csv_field(f),
            })
            .collect();
        out += &fields.join(",");
        out += "\r\n";
    }
    out
}

/// A JSON array of objects with the CSV's columns.
pub fn json(bundle: &Bundle, index: &Index, catalog: &Catalog, ids: &[u32], zh: bool) -> String {
    let rows: Vec<serde_json::Map<String, serde_json::Value>> = ids
        .iter()
        .map(|&id| {
            COLUMNS
                .iter()
                .zip(row(bundle, index, catalog, id, zh))
                .map(|(k, v)| (k.to_string(), serde_json::Value::String(v)))
                .collect()
        })
        .collect();
    serde_json::to_string_pretty(&rows).expect("strings always serialise")
}

/// Splits CSV text into records of fields (for tests and for reading exports back).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}
