//! The unit and scale tables: which words may follow (or, for currencies, precede) a
//! number, and what they mean.
//!
//! English entries are matched case-insensitively and must end at a word boundary;
//! Chinese entries are matched exactly. Among the entries that match, the longest wins
//! ("working days" over "days", "个百分点" over "个"). Cost: one pass over the table per
//! number, i.e. constant per figure.

use super::text::{char_at, char_before};

/// What a unit measures; decides the figure kind (percent may still become a change).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Money,
    Percent,
    Duration,
    Quantity,
    Count,
}

/// The class of a canonical unit code.
pub fn class_of(code: &str) -> Class {
    match code {
        "yuan" | "usd" | "eur" | "hkd" | "fen" => Class::Money,
        "%" | "pp" => Class::Percent,
        "day" | "working_day" | "hour" | "minute" | "week" | "month" | "year" => Class::Duration,
        "teu" | "ton" | "kg" | "km2" | "km" | "m" | "cm" | "mm" | "m2" | "m3" | "hectare"
        | "mu" | "kw" | "kwh" | "age" => Class::Quantity,
        _ => Class::Count,
    }
}

/// Surface form → canonical code. Written forms that follow a number (after its scale).
const UNITS: &[(&str, &str)] = &[
    // money
    ("yuan", "yuan"),
    ("rmb", "yuan"),
    ("us dollars", "usd"),
    ("u.s. dollars", "usd"),
    ("dollars", "usd"),
    ("usd", "usd"),
    ("euros", "eur"),
    ("元", "yuan"),
    ("元人民币", "yuan"),
    ("人民币", "yuan"),
    ("美元", "usd"),
    ("欧元", "eur"),
    ("港元", "hkd"),
    // 分 alone is also minutes or points; 分钱 is always money (a hundredth of a yuan).
    ("分钱", "fen"),
    // percent
    ("%", "%"),
    ("％", "%"),
    ("percent", "%"),
    ("per cent", "%"),
    ("percentage points", "pp"),
    ("percentage point", "pp"),
    ("个百分点", "pp"),
    ("百分点", "pp"),
    // durations
    ("working days", "working_day"),
    ("working day", "working_day"),
    ("business days", "working_day"),
    ("days", "day"),
    ("day", "day"),
    ("hours", "hour"),
    ("hour", "hour"),
    ("minutes", "minute"),
    ("weeks", "week"),
    ("months", "month"),
    ("month", "month"),
    ("years", "year"),
    ("year", "year"),
    ("个工作日", "working_day"),
    ("工作日", "working_day"),
    ("天", "day"),
    ("个小时", "hour"),
    ("小时", "hour"),
    ("分钟", "minute"),
    ("周", "week"),
    ("个月", "month"),
    ("年", "year"),
    // ages ("年满60岁", "16—24岁"): a quantity, not a duration
    ("years old", "age"),
    ("周岁", "age"),
    ("岁", "age"),
    // quantities
    ("teus", "teu"),
    ("teu", "teu"),
    ("标箱", "teu"),
    ("tons", "ton"),
    ("tonnes", "ton"),
    ("吨", "ton"),
    ("kilograms", "kg"),
    ("kg", "kg"),
    ("公斤", "kg"),
    ("千克", "kg"),
    ("square kilometers", "km2"),
    ("square kilometres", "km2"),
    ("sq km", "km2"),
    ("km2", "km2"),
    ("km²", "km2"),
    ("平方公里", "km2"),
    ("平方千米", "km2"),
    ("kilometers", "km"),
    ("kilometres", "km"),
    ("km", "km"),
    ("公里", "km"),
    ("千米", "km"),
    ("square meters", "m2"),
    ("square metres", "m2"),
    ("平方米", "m2"),
    ("cubic meters", "m3"),
    ("cubic metres", "m3"),
    ("立方米", "m3"),
    ("meters", "m"),
    ("metres", "m"),
    ("米", "m"),
    ("centimeters", "cm"),
    ("centimetres", "cm"),
    ("厘米", "cm"),
    ("millimeters", "mm"),
    ("millimetres", "mm"),
    ("毫米", "mm"),
    ("kilowatt-hours", "kwh"),
    ("kwh", "kwh"),
    ("千瓦时", "kwh"),
    ("kilowatts", "kw"),
    ("kw", "kw"),
    ("千瓦", "kw"),
    ("hectares", "hectare"),
    ("公顷", "hectare"),
    ("亩", "mu"),
    // counts
    ("enterprises", "enterprise"),
    ("companies", "enterprise"),
    ("firms", "enterprise"),
    ("家企业", "enterprise"),
    ("家", "enterprise"),
    ("户", "enterprise"),
    ("个城市", "city"),
    ("个直辖市", "city"),
    ("个省", "province"),
    ("个部门", "department"),
    ("个指标", "indicator"),
    ("个方面", "aspect"),
    ("items", "item"),
    ("项", "item"),
    ("条", "item"),
    ("projects", "project"),
    ("个项目", "project"),
    ("项目", "project"),
    ("cases", "case"),
    ("个案例", "case"),
    ("案例", "case"),
    ("件", "case"),
    // accidents and incidents: "四起特大煤矿瓦斯爆炸事故"
    ("起", "incident"),
    ("trains", "train"),
    ("列", "train"),
    ("policies", "policy"),
    ("项政策", "policy"),
    ("条政策", "policy"),
    ("measures", "measure"),
    ("项措施", "measure"),
    ("条措施", "measure"),
    ("tasks", "task"),
    ("项任务", "task"),
    ("experiences", "experience"),
    ("achievements", "achievement"),
    ("results", "result"),
    ("项成果", "result"),
    ("kinds", "kind"),
    ("types", "type"),
    ("counties", "county"),
    ("provinces", "province"),
    ("cities", "city"),
    ("places", "place"),
    ("处", "place"),
    ("teams", "team"),
    ("institutions", "institution"),
    ("所", "institution"),
    ("services", "service"),
    ("aspects", "aspect"),
    ("countries", "country"),
    ("people", "person"),
    ("persons", "person"),
    ("人次", "person_time"),
    ("人", "person"),
    ("名", "person"),
    ("次", "time"),
    ("批", "batch"),
    ("批次", "batch"),
    ("vehicles", "vehicle"),
    ("辆", "vehicle"),
    ("架次", "flight"),
    // machines and pieces: "产大型柴油机94台", "年产130根大型船用柴油机曲轴"
    ("台", "machine"),
    ("套", "set"),
    ("根", "piece"),
    // a bare classifier: the number is a count of something unnamed
    ("个", ""),
];

/// Chars that, right after a Chinese unit, make it the start of a word instead: 根据
/// ("according to"), 处理, 所有, 起草, 台湾 …
const NOT_BEFORE: &[(&str, &str)] = &[
    ("根", "据本源治"),
    ("处", "理置罚分于在长级室"),
    ("所", "有以在属得需谓述"),
    ("起", "草步点来到诉始止见"),
    ("台", "湾账阶"),
    ("套", "餐"),
];

/// Scale words and their factors.
const SCALES: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
    ("万亿", 1e12),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
];

/// Currency signs written before the number.
const PREFIXES: &[(&str, &str)] = &[
    ("US$", "usd"),
    ("US $", "usd"),
    ("HK$", "hkd"),
    ("USD", "usd"),
    ("RMB", "yuan"),
    ("CNY", "yuan"),
    ("人民币", "yuan"),
    ("$", "usd"),
    ("¥", "yuan"),
    ("￥", "yuan"),
];

/// A table entry found in the text: `[start, end)` and what it stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub code: &'static str,
    pub factor: f64,
}

/// Whether `pattern` is written at `pos` (ASCII case-insensitively) and, if it ends in a
/// letter or digit, is not followed by one. Returns the end of the match.
fn matches_at(text: &str, pos: usize, pattern: &str) -> Option<usize> {
    let end = pos.checked_add(pattern.len())?;
    let written = text.get(pos..end)?;
    if !written.eq_ignore_ascii_case(pattern) {
        return None;
    }
    let last_is_word = pattern
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let next_is_word = char_at(text, end).is_some_and(|c| c.is_ascii_alphanumeric());
    (!(last_is_word && next_is_word)).then_some(end)
}

/// Skips ASCII spaces (at most a few) after a number.
fn skip_spaces(text: &str, mut pos: usize) -> usize {
    let limit = pos + 3;
    while pos < limit && char_at(text, pos) == Some(' ') {
        pos += 1;
    }
    pos
}

/// A scale word at `pos` (after optional spaces).
pub fn scale_at(text: &str, pos: usize) -> Option<Hit> {
    let start = skip_spaces(text, pos);
    SCALES.iter().find_map(|&(word, factor)| {
        let end = matches_at(text, start, word)?;
        Some(Hit {
            start,
            end,
            code: "",
            factor,
        })
    })
}

/// Words that end a noun phrase: a counted noun is never found past them.
const PHRASE_BREAKS: &[&str] = &[
    "of", "to", "and", "or", "in", "on", "at", "for", "from", "by", "with", "than", "more", "less",
    "were", "was", "are", "is", "have", "has", "had", "will", "the", "a", "an", "per", "this",
    "that",
];

/// The unit at `pos`, or a counted noun after at most two modifiers ("23 specific
/// measures", "87 high-level innovation teams"). Only count units are reached that way:
/// money, percentages and durations follow their number directly.
pub fn unit_at(text: &str, pos: usize) -> Option<Hit> {
    unit_right_at(text, pos).or_else(|| {
        let mut at = skip_spaces(text, pos);
        for _ in 0..2 {
            let word_len = text
                .get(at..)?
                .bytes()
                .take_while(|b| b.is_ascii_lowercase() || *b == b'-')
                .count();
            let word = &text[at..at + word_len];
            if word_len < 3
                || PHRASE_BREAKS.contains(&word)
                || char_at(text, at + word_len) != Some(' ')
            {
                return None;
            }
            at += word_len;
            if let Some(hit) = unit_right_at(text, at).filter(|h| class_of(h.code) == Class::Count)
            {
                return Some(hit);
            }
        }
        None
    })
}

/// The longest unit at `pos`, after optional spaces or one hyphen ("144-hour").
fn unit_right_at(text: &str, pos: usize) -> Option<Hit> {
    let hyphen = char_at(text, pos) == Some('-')
        && char_at(text, pos + 1).is_some_and(|c| c.is_ascii_alphabetic());
    let start = if hyphen {
        pos + 1
    } else {
        skip_spaces(text, pos)
    };
    UNITS
        .iter()
        .filter_map(|&(form, code)| {
            let end = matches_at(text, start, form)?;
            let next = char_at(text, end);
            let word = NOT_BEFORE
                .iter()
                .any(|&(f, chars)| f == form && next.is_some_and(|c| chars.contains(c)));
            if word {
                return None;
            }
            Some(Hit {
                start,
                end,
                code,
                factor: 1.0,
            })
        })
        .max_by_key(|hit| hit.end)
}

/// A currency sign just before `start` (optionally separated by one space).
pub fn prefix_before(text: &str, start: usize) -> Option<Hit> {
    let before = text.get(..start)?;
    let trimmed = before.strip_suffix(' ').unwrap_or(before);
    PREFIXES.iter().find_map(|&(sign, code)| {
        let head = trimmed.strip_suffix(sign)?;
        let glued = sign.starts_with(|c: char| c.is_ascii_alphabetic())
            && char_before(text, head.len()).is_some_and(|c| c.is_ascii_alphabetic());
        (!glued).then_some(Hit {
            start: head.len(),
            end: start,
            code,
            factor: 1.0,
        })
    })
}

#[cfg(test)]
mod names {
    /// Every code a figure can carry has a name in both interface languages.
    #[test]
    fn every_code_has_a_name() {
        let codes = super::UNITS.iter().chain(super::PREFIXES).map(|u| u.1);
        for code in codes {
            for zh in [false, true] {
                assert!(
                    crate::model::units::known_unit_name(code, zh).is_some(),
                    "unit code {code:?} has no name (zh: {zh}) in model::units"
                );
            }
        }
    }
}
