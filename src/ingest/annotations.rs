//! Responsibility annotations, in the forms the genre writes them:
//!
//! - labels first: (牵头单位:省自贸办;责任单位:省发改委、省经信厅), with full- or half-width
//!   parentheses and colons, 牵头部门 / 责任单位 / 责任部门 / 负责部门 / 配合单位 / 协办单位 /
//!   参与单位, segments separated by ; or ，, and the English "(Lead: …; Responsible: …)";
//! - units first: （体育总局、北京冬奥组委负责）, （财政部、民政部等有关部门和单位按职责分工负责）,
//!   （生态环境部、国家发展改革委指导）, （生态环境部牵头，国家发展改革委、…参与）;
//! - a scope clause: （负责部门：X，适用范围：上海自贸试验区）;
//! - rules stated once for the document: "列第一位者为牵头单位，下同" / "排在第一位的部门为牵头部门"
//!   ([`states_first_is_lead`]).
//!
//! Units are separated by 、 , ， ; or 及, outside nested parentheses (市交通委（市道运局）);
//! "A、B等有关部门" keeps A and B and records "有关部门" as a collective; a shared suffix is
//! distributed ("武汉、襄阳、宜昌市人民政府" names three city governments).
//!
//! Roles: 牵头 names the lead, 指导 / 参与 / 配合 / 协办 / 责任单位 supporting units. Units that
//! are "responsible" (X、Y负责, 负责部门：X) get their roles from the document: where it says
//! that the first-listed unit leads, the first (non-collective) unit is the lead and the others
//! support; otherwise a sole responsible unit is the lead and several are all supporting. An
//! annotation with only 责任单位 therefore has no lead — nobody is promoted.
//!
//! Cost: one pass over the text, and per parenthesis a scan of its inside.

use crate::model::Role;

/// How a unit is named in an annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Duty {
    Lead,
    Support,
    /// Responsible (负责): lead or support by the document's rule, see the module doc.
    Responsible,
    /// A scope clause (适用范围): not a unit.
    Scope,
}

/// Labels that open a segment, longest first so that prefixes do not shadow them. Latin
/// labels must be followed by a colon.
const LABELS: &[(&str, Duty)] = &[
    ("牵头单位", Duty::Lead),
    ("牵头部门", Duty::Lead),
    ("责任单位", Duty::Support),
    ("责任部门", Duty::Support),
    ("负责部门", Duty::Responsible),
    ("负责单位", Duty::Responsible),
    ("配合单位", Duty::Support),
    ("配合部门", Duty::Support),
    ("协办单位", Duty::Support),
    ("参与单位", Duty::Support),
    ("适用范围", Duty::Scope),
    ("Lead units", Duty::Lead),
    ("Lead unit", Duty::Lead),
    ("Leading units", Duty::Lead),
    ("Leading unit", Duty::Lead),
    ("Lead department", Duty::Lead),
    ("Lead", Duty::Lead),
    ("Responsible units", Duty::Support),
    ("Responsible unit", Duty::Support),
    ("Responsible departments", Duty::Responsible),
    ("Responsible department", Duty::Responsible),
    ("Responsible", Duty::Support),
    ("Cooperating units", Duty::Support),
    ("Co-operating units", Duty::Support),
    ("Supporting units", Duty::Support),
    ("Scope", Duty::Scope),
];

/// Verbs that close a units-first clause, longest first.
const VERBS: &[(&str, Duty)] = &[
    ("按职责分工负责", Duty::Responsible),
    ("按职责分别负责", Duty::Responsible),
    ("按职责负责", Duty::Responsible),
    ("分别负责", Duty::Responsible),
    ("共同负责", Duty::Responsible),
    ("牵头负责", Duty::Lead),
    ("负责落实", Duty::Responsible),
    ("负责", Duty::Responsible),
    ("牵头", Duty::Lead),
    ("指导", Duty::Support),
    ("参与", Duty::Support),
    ("配合", Duty::Support),
    ("协助", Duty::Support),
    ("落实", Duty::Responsible),
];

/// Phrases that state, once, that the first unit of every annotation leads.
const FIRST_IS_LEAD: &[&str] = &[
    "列第一位者为牵头单位",
    "列第一位的为牵头单位",
    "列第一位者为牵头部门",
    "列第一位的为牵头部门",
    "排在第一位的为牵头单位",
    "排在第一位的部门为牵头部门",
    "排在第一位的为牵头部门",
    "排名第一的为牵头单位",
    "排在首位的为牵头单位",
    "排在首位的部门为牵头部门",
    "第一个为牵头单位",
    "first-listed unit is the lead",
    "first one listed is the lead",
];

/// Where the text states that first-listed units lead, if it does.
pub fn states_first_is_lead(text: &str) -> Option<usize> {
    FIRST_IS_LEAD.iter().filter_map(|p| text.find(p)).min()
}

/// Suffixes that a list of bare place names shares with its last member.
const SHARED_SUFFIXES: &[&str] = &[
    "市人民政府",
    "县人民政府",
    "区人民政府",
    "州人民政府",
    "人民政府",
    "市政府",
];

/// An annotation found in a text: its byte range (parentheses included), its units with
/// how they are named (names exactly as written, trimmed), the collectives it names
/// ("有关部门和单位", "各省级人民政府") and its scope clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawAnnotation {
    pub span: (usize, usize),
    pub units: Vec<(String, Duty)>,
    pub collectives: Vec<String>,
    pub scope: Option<String>,
}

impl RawAnnotation {
    /// The units with their roles, given whether the document makes first-listed units
    /// leads. Collectives follow as supporting units.
    pub fn roles(&self, first_is_lead: bool) -> Vec<(String, Role, bool)> {
        let responsible = self
            .units
            .iter()
            .filter(|(_, d)| *d == Duty::Responsible)
            .count();
        let explicit_lead = self.units.iter().any(|(_, d)| *d == Duty::Lead);
        let mut out = Vec::new();
        let mut first_responsible = true;
        for (name, duty) in &self.units {
            let role = match duty {
                Duty::Lead => Role::Lead,
                Duty::Support => Role::Support,
                Duty::Responsible => {
                    let lead =
                        !explicit_lead && first_responsible && (first_is_lead || responsible == 1);
                    first_responsible = false;
                    if lead {
                        Role::Lead
                    } else {
                        Role::Support
                    }
                }
                Duty::Scope => continue,
            };
            out.push((name.clone(), role, false));
        }
        for name in &self.collectives {
            out.push((name.clone(), Role::Support, true));
        }
        out
    }
}

pub fn find(text: &str) -> Vec<RawAnnotation> {
    let mut found = Vec::new();
    let mut search_from = 0;
    while let Some(rel) = text[search_from..].find(['(', '（']) {
        let open = search_from + rel;
        let inner_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
        let parsed = matching_close(text, open).and_then(|close| {
            let inner = &text[inner_start..close];
            let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
            let annotation = labelled(inner).or_else(|| units_first(inner))?;
            Some((close + close_len, annotation))
        });
        match parsed {
            Some((end, (units, collectives, scope))) => {
                found.push(RawAnnotation {
                    span: (open, end),
                    units,
                    collectives,
                    scope,
                });
                search_from = end;
            }
            None => search_from = inner_start,
        }
    }
    found
}

type Parsed = (Vec<(String, Duty)>, Vec<String>, Option<String>);

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

fn label_at(inner: &str, i: usize) -> Option<(&'static str, Duty)> {
    LABELS.iter().copied().find(|(label, _)| {
        inner[i..].starts_with(label)
            && (!label.is_ascii()
                || inner[i + label.len()..]
                    .trim_start()
                    .starts_with([':', '：']))
    })
}

/// "牵头单位:A;责任单位:B、C" → (Lead, "A"), (Support, "B"), (Support, "C").
fn labelled(inner: &str) -> Option<Parsed> {
    let inner = inner.trim_start();
    label_at(inner, 0)?;
    let mut starts: Vec<(usize, &str, Duty)> = Vec::new();
    let mut i = 0;
    while i < inner.len() {
        if let Some((label, duty)) = label_at(inner, i) {
            starts.push((i, label, duty));
            i += label.len();
        } else {
            i += inner[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    let (mut units, mut collectives, mut scope) = (Vec::new(), Vec::new(), None);
    for (k, &(start, label, duty)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(inner.len(), |next| next.0);
        let list = inner[start + label.len()..end]
            .trim_start_matches([':', '：', ' ', '\u{3000}'])
            .trim_end_matches([';', '；', ',', '，', '、', ' ', '。']);
        if duty == Duty::Scope {
            scope = Some(list.to_string());
            continue;
        }
        let (names, collective) = split_units(list);
        units.extend(distribute_suffix(names).into_iter().map(|n| (n, duty)));
        collectives.extend(collective);
    }
    Some((units, collectives, scope))
}

/// "X、Y负责" / "X牵头，Y、Z参与" / "X、Y等有关部门按职责分工负责。列第一位者为牵头单位，下同":
/// every clause of the first sentence is a list of units closed by a verb.
fn units_first(inner: &str) -> Option<Parsed> {
    let first = inner.split(['。', '.']).next()?.trim();
    if first.is_empty() || first.chars().count() > 200 {
        return None;
    }
    let (mut units, mut collectives) = (Vec::new(), Vec::new());
    // A clause without a verb continues into the next one: "A、B，各省级人民政府按职责分工负责".
    let mut pending: Vec<&str> = Vec::new();
    for clause in split_outside_parens(first, &['，', ',', '；', ';']) {
        let clause = clause.trim();
        let Some((verb, duty)) = VERBS.iter().copied().find(|(v, _)| clause.ends_with(v)) else {
            pending.push(clause);
            continue;
        };
        pending.push(&clause[..clause.len() - verb.len()]);
        for list in pending.drain(..) {
            let (names, collective) = split_units(list);
            if names.is_empty() && collective.is_empty() {
                return None;
            }
            if !names.iter().all(|n| looks_like_unit(n)) {
                return None;
            }
            units.extend(distribute_suffix(names).into_iter().map(|n| (n, duty)));
            collectives.extend(collective);
        }
    }
    if !pending.is_empty() {
        return None;
    }
    Some((units, collectives, None))
}

/// Organs end in a handful of characters and words; a clause like "技工院校内由人力资源社会
/// 保障行政部门负责" (an explanation, not an annotation) does not read as a list of them.
fn looks_like_unit(name: &str) -> bool {
    const NOT_IN_NAMES: &[char] = &[
        '由', '对', '在', '将', '把', '的', '是', '按', '从', '向', '予', '被',
    ];
    let chars = name.chars().count();
    if chars == 0 || chars > 30 || name.contains(NOT_IN_NAMES) {
        return false;
    }
    let base = name.split(['（', '(']).next().unwrap_or(name);
    super::units::ends_like_organ(base) || crate::ingest::lexicon::lexicon().agency(name).is_some()
}

/// A name that stands for many units: 各省级人民政府, 有关部门, 地方各级人民政府, 各区、县级市.
pub fn is_collective(name: &str) -> bool {
    const STARTS: &[&str] = &[
        "各",
        "有关",
        "相关",
        "地方各级",
        "其他",
        "其它",
        "所在地",
        "试点",
    ];
    const ENDS: &[&str] = &[
        "有关部门",
        "有关单位",
        "相关部门",
        "各部门",
        "等部门",
        "等单位",
    ];
    STARTS.iter().any(|s| name.starts_with(s)) || ENDS.iter().any(|s| name.ends_with(s))
}

fn split_outside_parens<'a>(text: &'a str, separators: &[char]) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            c if depth == 0 && separators.contains(&c) => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Splits a unit list on 、 , ， ; and 及, outside nested parentheses, into unit names and
/// collectives ("A、B等有关部门和单位" → [A, B], [有关部门和单位]).
fn split_units(list: &str) -> (Vec<String>, Vec<String>) {
    let (mut names, mut collectives) = (Vec::new(), Vec::new());
    for part in split_outside_parens(list, &['、', ',', '，', ';', '；', '及']) {
        let mut name = part.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        // "民政部等有关部门和单位": a unit, then a collective.
        if let Some(at) = name.find('等').filter(|&at| at > 0) {
            let rest = name[at + '等'.len_utf8()..].trim();
            if !rest.is_empty() {
                collectives.push(rest.to_string());
            }
            name = &name[..at];
        }
        if name.is_empty() {
            continue;
        }
        if is_collective(name) {
            collectives.push(name.to_string());
        } else {
            names.push(name.to_string());
        }
    }
    (names, collectives)
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

    /// Per annotation: its units (collectives included, last) with their roles.
    fn units(text: &str) -> Vec<Vec<(String, Role)>> {
        let rule = states_first_is_lead(text).is_some();
        find(text)
            .into_iter()
            .map(|a| a.roles(rule).into_iter().map(|(n, r, _)| (n, r)).collect())
            .collect()
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
            units(text),
            vec![own(&[
                ("省自贸办", Lead),
                ("省发改委", Support),
                ("省经信厅", Support)
            ])]
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
            units(text),
            vec![own(&[
                ("中国(湖北)自由贸易试验区工作办公室", Lead),
                ("省政府(办公厅)", Support)
            ])]
        );
        assert!(text[found[0].span.1..].starts_with("后文"));
        assert_eq!(
            units("（市交通委（市道运局）、市公安局负责）"),
            vec![own(&[
                ("市交通委（市道运局）", Support),
                ("市公安局", Support)
            ])]
        );
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

    // The units-first forms below are quoted from State Council documents on gov.cn
    // (国办发〔2018〕121号, 国办发〔2018〕128号, 国发〔2018〕39号, 国办发〔2018〕129号).

    #[test]
    fn units_first_a_sole_responsible_unit_leads_several_support() {
        assert_eq!(units("（体育总局负责）"), vec![own(&[("体育总局", Lead)])]);
        assert_eq!(
            units("（体育总局、北京冬奥组委负责）"),
            vec![own(&[("体育总局", Support), ("北京冬奥组委", Support)])]
        );
    }

    #[test]
    fn units_first_with_a_collective_and_the_duty_clause() {
        let found = find("（财政部、人力资源社会保障部、民政部等有关部门和单位按职责分工负责）");
        assert_eq!(found.len(), 1);
        let names: Vec<&str> = found[0].units.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["财政部", "人力资源社会保障部", "民政部"]);
        assert_eq!(found[0].collectives, ["有关部门和单位"]);
    }

    #[test]
    fn the_first_listed_unit_leads_where_the_document_says_so() {
        let text = "（一）稳岗。（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）（二）援企。（财政部、税务总局负责）";
        assert_eq!(
            units(text),
            vec![
                own(&[("人力资源社会保障部", Lead), ("财政部", Support)]),
                own(&[("财政部", Lead), ("税务总局", Support)]),
            ]
        );
    }

    #[test]
    fn lead_and_participants_and_guidance() {
        assert_eq!(
            units("（生态环境部牵头，国家发展改革委、工业和信息化部参与）"),
            vec![own(&[
                ("生态环境部", Lead),
                ("国家发展改革委", Support),
                ("工业和信息化部", Support)
            ])]
        );
        assert_eq!(
            units("（生态环境部、国家发展改革委指导）"),
            vec![own(&[("生态环境部", Support), ("国家发展改革委", Support)])]
        );
        assert_eq!(
            units("（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）"),
            vec![own(&[("生态环境部", Support), ("试点城市政府", Support)])]
        );
    }

    #[test]
    fn responsible_departments_with_a_scope() {
        let found = find("（负责部门：商务部、海关总署，适用范围：上海自贸试验区）");
        assert_eq!(found[0].scope.as_deref(), Some("上海自贸试验区"));
        assert_eq!(
            units("（负责部门：商务部，适用范围：上海自贸试验区）"),
            vec![own(&[("商务部", Lead)])]
        );
    }

    #[test]
    fn collectives_are_not_units() {
        let found = find("（各省级人民政府负责）");
        assert!(found[0].units.is_empty());
        assert_eq!(found[0].collectives, ["各省级人民政府"]);
    }

    #[test]
    fn explanations_in_parentheses_are_not_annotations() {
        for text in [
            "（技工院校内由人力资源社会保障行政部门负责）",
            "（以下简称联席会议）",
            "（试点）",
            "（PPP）",
        ] {
            assert_eq!(find(text), vec![], "{text}");
        }
    }

    #[test]
    fn english_labels() {
        assert_eq!(
            units("(Lead: Provincial Department of Commerce; Responsible: Wuhan Customs)"),
            vec![own(&[
                ("Provincial Department of Commerce", Lead),
                ("Wuhan Customs", Support)
            ])]
        );
        assert_eq!(find("(Leadership matters)"), vec![]);
    }
}
