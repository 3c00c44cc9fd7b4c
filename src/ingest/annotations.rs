//! Responsibility annotations: (牵头单位:省自贸办;责任单位:省发改委、省经信厅) and its
//! variants — full- or half-width parentheses and colons, 牵头部门 / 责任单位 / 责任部门 /
//! 配合单位 / 协办单位 / 参与单位, segments separated by ; or ，, units separated by 、 , ，
//! or 及, parentheses nested inside unit names, and several annotations in one item.
//!
//! Roles: 牵头单位/牵头部门 name the lead; every other label names supporting units (an
//! annotation with only 责任单位 therefore has no lead — we do not promote anyone).
//! A shared suffix is distributed: "武汉、襄阳、宜昌市人民政府" names three city governments.
//!
//! Cost: one pass over the text per opening parenthesis that starts with a role label.

use crate::model::Role;

/// Labels that open an annotation, longest first so that prefixes do not shadow them.
const LABELS: &[(&str, Role)] = &[
    ("牵头单位", Role::Lead),
    ("牵头部门", Role::Lead),
    ("责任单位", Role::Support),
    ("责任部门", Role::Support),
    ("配合单位", Role::Support),
    ("配合部门", Role::Support),
    ("协办单位", Role::Support),
    ("参与单位", Role::Support),
];

/// Suffixes that a list of bare place names shares with its last member.
const SHARED_SUFFIXES: &[&str] = &[
    "市人民政府",
    "县人民政府",
    "区人民政府",
    "州人民政府",
    "人民政府",
    "市政府",
];

/// An annotation found in a text: its byte range (parentheses included) and its units with
/// their roles, names exactly as written (trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawAnnotation {
    pub span: (usize, usize),
    pub units: Vec<(String, Role)>,
}

pub fn find(text: &str) -> Vec<RawAnnotation> {
    let mut found = Vec::new();
    let mut search_from = 0;
    while let Some(rel) = text[search_from..].find(['(', '（']) {
        let open = search_from + rel;
        let inner_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
        let inner = text[inner_start..].trim_start();
        let starts_with_label = LABELS.iter().any(|(label, _)| inner.starts_with(label));
        match (starts_with_label, matching_close(text, open)) {
            (true, Some(close)) => {
                let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
                found.push(RawAnnotation {
                    span: (open, close + close_len),
                    units: parse_inner(&text[inner_start..close]),
                });
                search_from = close + close_len;
            }
            _ => search_from = inner_start,
        }
    }
    found
}

/// The position of the parenthesis closing the one at `open`, counting both widths.
fn matching_close(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text[open..].char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

fn parse_inner(inner: &str) -> Vec<(String, Role)> {
    let mut units = Vec::new();
    for (role, list) in segments(inner) {
        let names = split_units(list);
        for name in distribute_suffix(names) {
            units.push((name, role));
        }
    }
    units
}

/// Splits "牵头单位:A;责任单位:B、C" into (Lead, "A"), (Support, "B、C"). A segment starts at
/// each label, whatever separates it from the previous one.
fn segments(inner: &str) -> Vec<(Role, &str)> {
    let mut starts: Vec<(usize, &str, Role)> = Vec::new();
    let mut i = 0;
    while i < inner.len() {
        if let Some((label, role)) = LABELS.iter().find(|(l, _)| inner[i..].starts_with(l)) {
            starts.push((i, label, *role));
            i += label.len();
        } else {
            i += inner[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    let mut out = Vec::new();
    for (k, &(start, label, role)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(inner.len(), |next| next.0);
        let list = inner[start + label.len()..end]
            .trim_start_matches([':', '：', ' ', '\u{3000}'])
            .trim_end_matches([';', '；', ',', '，', '、', ' ', '。']);
        out.push((role, list));
    }
    out
}

/// Splits a unit list on 、 , ， ; and 及, outside nested parentheses.
fn split_units(list: &str) -> Vec<String> {
    let mut names = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    let push = |names: &mut Vec<String>, s: &str| {
        let name = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        if !name.is_empty() {
            names.push(name.to_string());
        }
    };
    for (i, c) in list.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            '、' | ',' | '，' | ';' | '；' | '及' if depth == 0 => {
                push(&mut names, &list[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    push(&mut names, &list[start..]);
    names
}

/// "武汉", "襄阳", "宜昌市人民政府" → each bare name gets the suffix of the next full name.
fn distribute_suffix(names: Vec<String>) -> Vec<String> {
    let mut out = names.clone();
    for i in 0..names.len() {
        let bare = names[i].chars().count() <= 4
            && !SHARED_SUFFIXES.iter().any(|s| names[i].ends_with(s))
            && !names[i].ends_with(['厅', '局', '委', '办', '部', '会', '院', '行', '关', '所']);
        if !bare {
            continue;
        }
        let suffix = names[i + 1..].iter().find_map(|later| {
            SHARED_SUFFIXES
                .iter()
                .find(|s| later.ends_with(*s) && later.chars().count() > s.chars().count())
        });
        if let Some(suffix) = suffix {
            out[i] = format!("{}{}", names[i], suffix);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::{Lead, Support};

    fn units(text: &str) -> Vec<Vec<(String, Role)>> {
        find(text).into_iter().map(|a| a.units).collect()
    }

    fn own(list: &[(&str, Role)]) -> Vec<(String, Role)> {
        list.iter().map(|(n, r)| (n.to_string(), *r)).collect()
    }

    #[test]
    fn the_common_form() {
        let text = "措施。(牵头单位:省自贸办;责任单位:省发改委、省经信厅)";
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].span.0..found[0].span.1],
            "(牵头单位:省自贸办;责任单位:省发改委、省经信厅)"
        );
        assert_eq!(
            found[0].units,
            own(&[
                ("省自贸办", Lead),
                ("省发改委", Support),
                ("省经信厅", Support)
            ])
        );
    }

    #[test]
    fn full_width_variants_and_other_labels() {
        assert_eq!(
            units("（牵头单位：省商务厅；配合单位：武汉海关，省税务局）"),
            vec![own(&[
                ("省商务厅", Lead),
                ("武汉海关", Support),
                ("省税务局", Support)
            ])]
        );
        assert_eq!(
            units("(牵头部门:省科技厅,协办单位:省教育厅)"),
            vec![own(&[("省科技厅", Lead), ("省教育厅", Support)])]
        );
        assert_eq!(
            units("(责任部门:省司法厅)"),
            vec![own(&[("省司法厅", Support)])]
        );
    }

    #[test]
    fn nested_parentheses_inside_a_unit_name() {
        let text = "(牵头单位:中国(湖北)自由贸易试验区工作办公室;责任单位:省政府(办公厅))后文";
        let found = find(text);
        assert_eq!(
            found[0].units,
            own(&[
                ("中国(湖北)自由贸易试验区工作办公室", Lead),
                ("省政府(办公厅)", Support)
            ])
        );
        assert!(text[found[0].span.1..].starts_with("后文"));
    }

    #[test]
    fn several_annotations_in_one_item_and_ordinary_parentheses_ignored() {
        let text = "推动(入股)改革。(牵头单位:省发改委)支持用地。(牵头单位:省自然资源厅)建设(C2M)基地。(牵头单位:省发改委)";
        let all = units(text);
        assert_eq!(all.len(), 3);
        assert_eq!(all[1], own(&[("省自然资源厅", Lead)]));
    }

    #[test]
    fn shared_suffixes_and_conjunctions() {
        assert_eq!(
            units("(牵头单位:武汉、襄阳、宜昌市人民政府,省市场监管局;责任单位:武汉海关及其他省直部门)"),
            vec![own(&[
                ("武汉市人民政府", Lead),
                ("襄阳市人民政府", Lead),
                ("宜昌市人民政府", Lead),
                ("省市场监管局", Lead),
                ("武汉海关", Support),
                ("其他省直部门", Support),
            ])]
        );
    }

    #[test]
    fn unclosed_annotations_are_not_invented() {
        assert_eq!(find("(牵头单位:省自贸办;责任单位:省发改委"), vec![]);
        assert_eq!(find("（说明）"), vec![]);
    }
}
