//! The figures table's export: one row per figure, with the figure as written, its value
//! (and a range's high end), unit, qualifier, period, kind, change, sentence, document and
//! link.

use super::items::names;
use super::{Cell, Column, Context};
use crate::explore::facets::Facet;
use crate::explore::format::{figure_kind_key, qualifier_key};
use crate::explore::i18n::t;
use crate::explore::state::UiLang;
use crate::explore::FigureRef;
use crate::model::{units, Direction};

pub(super) const COLUMNS: [Column; 16] = [
    ("document", "文件"),
    ("document_title", "文件标题"),
    ("date", "日期"),
    ("regions", "地区"),
    ("item_number", "条目编号"),
    ("written", "原文"),
    ("value", "数值"),
    ("upper", "上限"),
    ("unit", "单位代码"),
    ("unit_name", "单位"),
    ("qualifier", "限定"),
    ("per", "每"),
    ("kind", "类型"),
    ("direction", "变化"),
    ("sentence", "原句"),
    ("link", "链接"),
];

pub(super) fn row(cx: &Context, r: &FigureRef) -> [Cell; 16] {
    let doc = &cx.bundle.documents[r.doc as usize];
    let f = &doc.figures[r.figure as usize];
    let item = &doc.items[f.item as usize];
    let coded = |key: &'static str, label: &'static str| Cell::Coded(key, t(UiLang::Zh, label));
    [
        Cell::Text(doc.id.clone()),
        Cell::Text(doc.title.clone()),
        Cell::Text(doc.date.value.clone().unwrap_or_default()),
        names(cx, Facet::Region, r.item_id),
        Cell::Number(item.number.map(f64::from)),
        Cell::Text(doc.slice(f.span).to_string()),
        Cell::Number(Some(f.value)),
        Cell::Number(f.upper),
        Cell::Text(f.unit.clone()),
        Cell::Text(units::unit_with_period(&f.unit, f.per.as_deref(), cx.zh)),
        f.qualifier
            .map_or(Cell::Coded("", ""), |q| coded(q.key(), qualifier_key(q))),
        Cell::Text(f.per.clone().unwrap_or_default()),
        coded(f.kind.key(), figure_kind_key(f.kind)),
        match f.direction {
            Some(Direction::Up) => coded("up", "up"),
            Some(Direction::Down) => coded("down", "down"),
            None => Cell::Coded("", ""),
        },
        Cell::Text(doc.slice(f.sentence).to_string()),
        Cell::Text(cx.link(&doc.id, f.item)),
    ]
}
