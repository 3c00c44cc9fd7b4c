//! Item kinds as facet values: the URL key of each kind, and its label in both languages.

use crate::model::ItemKind;

pub fn kind_key(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Title => "title",
        ItemKind::Meta => "meta",
        ItemKind::Section => "section",
        ItemKind::Measure => "measure",
        ItemKind::Point => "point",
        ItemKind::Table => "table",
        ItemKind::Case => "case",
        ItemKind::CasePart => "case_part",
        ItemKind::Paragraph => "paragraph",
        ItemKind::Boilerplate => "boilerplate",
    }
}

pub fn kind_label(kind_key: &str) -> (&'static str, &'static str) {
    match kind_key {
        "title" => ("Title", "标题"),
        "section" => ("Section", "章节"),
        "measure" => ("Measure", "措施"),
        "point" => ("Point", "要点"),
        "table" => ("Table", "表格"),
        "case" => ("Case", "案例"),
        "case_part" => ("Case part", "案例要点"),
        "paragraph" => ("Paragraph", "段落"),
        "meta" => ("Meta", "元信息"),
        _ => ("Site text", "网站信息"),
    }
}
