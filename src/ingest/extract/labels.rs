//! The labels of a policy page's metadata (索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号,
//! 发布日期, 主题词 and the variants provincial sites use), read from a label cell and its
//! value — shared by the HTML reader and the Word reader (Word files converted from web
//! pages keep the table).
//!
//! Cost: a few string comparisons per short cell.

use super::PageMeta;

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The labels of a policy page's metadata, squeezed (spaces, full-width ones too, removed).
pub(super) fn label_field(label: &str) -> Option<Field> {
    Some(match label {
        "索引号" => Field::IndexNo,
        "主题分类" | "主题类别" | "分类" | "组配分类" => Field::Subject,
        "发文机关" | "发布机构" | "发文单位" | "发布机关" | "制发机关" => {
            Field::Issuer
        }
        "成文日期" | "发文日期" | "印发日期" | "签发日期" => Field::Written,
        "发布日期" | "公开日期" | "发布时间" => Field::Published,
        "标题" | "名称" | "文件名称" => Field::Title,
        "发文字号" | "文号" | "文件编号" => Field::Number,
        "主题词" | "关键词" => Field::Keywords,
        "来源" | "信息来源" => Field::Source,
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    IndexNo,
    Subject,
    Issuer,
    Written,
    Published,
    Title,
    Number,
    Keywords,
    Source,
}

pub(super) fn set(meta: &mut PageMeta, field: Field, value: &str) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    let slot = match field {
        Field::IndexNo => &mut meta.index_no,
        Field::Issuer => &mut meta.issuer,
        Field::Written => &mut meta.written,
        Field::Published => &mut meta.published,
        Field::Title => &mut meta.title,
        Field::Number => &mut meta.number,
        Field::Source => &mut meta.source,
        // "城乡建设、环境保护\节能与资源综合利用": a category and its sub-category (the 、
        // is part of the category's name).
        Field::Subject => {
            if meta.subjects.is_empty() {
                meta.subjects = value
                    .split(['\\', '/', '>', '›'])
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
            }
            return;
        }
        Field::Keywords => {
            if meta.keywords.is_empty() {
                meta.keywords = split_list(value);
            }
            return;
        }
    };
    // The page's table is more precise than <meta> (a title without the site name).
    if field == Field::Title || slot.is_none() {
        *slot = Some(value.to_string());
    }
}

/// "城乡建设、环境保护\节能与资源综合利用" → its parts; "a, b; c" too.
pub(super) fn split_list(value: &str) -> Vec<String> {
    value
        .split(['、', '，', ',', '；', ';', '\\', '/', '|'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A label cell's text ("索 引 号：", "发文字号:") as a field, with what follows the colon.
pub(super) fn labelled(text: &str) -> Option<(Field, String)> {
    let cut = text.find(['：', ':'])?;
    let label = squeeze(&text[..cut]);
    let field = label_field(&label)?;
    let rest = text[cut..].trim_start_matches(['：', ':']).trim();
    // A block holding several fields (the cell around gov.cn's whole table) is not one.
    if holds_a_label(rest) {
        return None;
    }
    Some((field, rest.to_string()))
}

/// Some known label followed by a colon inside `text`.
fn holds_a_label(text: &str) -> bool {
    text.match_indices(['：', ':']).any(|(at, _)| {
        let before: Vec<char> = squeeze(&text[..at]).chars().collect();
        (2..=4).any(|n| {
            n <= before.len()
                && label_field(&before[before.len() - n..].iter().collect::<String>()).is_some()
        })
    })
}

/// The fields of one table row: "label：" cells followed by their values, or
/// "label：value" cells. Returns how many fields it read.
pub(super) fn read_row(cells: &[String], meta: &mut PageMeta) -> usize {
    let mut found = 0;
    let mut k = 0;
    while k < cells.len() {
        if let Some((field, rest)) = labelled(&cells[k]) {
            if !rest.is_empty() {
                set(meta, field, &rest);
                found += 1;
            } else if let Some(value) = cells.get(k + 1).filter(|v| labelled(v).is_none()) {
                set(meta, field, value);
                found += 1;
                k += 1;
            }
        }
        k += 1;
    }
    found
}
