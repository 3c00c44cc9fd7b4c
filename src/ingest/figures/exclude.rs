//! Numbers that are not figures: dates and years, times, document and registration
//! numbers, phone numbers, list numbering, labels ("Case 3:", "No. 3855", 附件1, 图1),
//! ordinals (第三批, "3rd", 十届四次会议), numbers glued into codes ("5G", "IPv6",
//! "COVID-19", "1+X", “12·21”), formulas (×100) and names in quotes (“三项制度”,
//! “513模式”).
//!
//! Each rule looks only at a few chars or one word around the number, so the cost is
//! constant per number.

use super::numbers::{digit, Form, Num};
use super::text::{char_at, char_before, is_line_start, word_after, word_before};
use crate::ingest::dates::month_name;

/// What the caller found after the number.
pub struct Reading<'a> {
    pub num: &'a Num,
    /// The unit code, if a unit (or currency sign) was found.
    pub unit: Option<&'a str>,
    pub has_scale: bool,
    /// Whether the number is one end of a range with a unit ("480-560米"), whose dash is
    /// then not a code's hyphen.
    pub bound: Bound,
}

/// Which end of a range a number is, if it is read as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Single,
    Low,
    High,
}

/// Whether the number must not become a figure.
pub fn excluded(text: &str, r: &Reading) -> bool {
    if !r.num.value.is_finite() || r.num.start >= r.num.end {
        return true;
    }
    match r.num.form {
        Form::Half => r.unit.is_none_or(str::is_empty) || r.has_scale,
        Form::Chinese => chinese_excluded(text, r),
        Form::Digits => digits_excluded(text, r),
    }
}

/// Chinese numerals need a real unit (三十五项, not 四、 or 一流), and skip 第, a lone 一,
/// names in quotes (“三项制度”), 二次 ("secondary"), sessions (十届四次会议) and place
/// names (九台区).
fn chinese_excluded(text: &str, r: &Reading) -> bool {
    let n = r.num;
    let written = text.get(n.start..n.end).unwrap_or("");
    let after = text.get(n.end..).unwrap_or("");
    let session = after.starts_with("次会议")
        && text
            .get(..n.start)
            .unwrap_or("")
            .chars()
            .rev()
            .take(6)
            .any(|c| c == '届');
    (n.lone_one && !r.has_scale)
        || r.unit.is_none_or(str::is_empty)
        || char_before(text, n.start) == Some('第')
        || opens_quote(text, n.start)
        || (written == "二" && after.starts_with('次'))
        || session
        || r.unit == Some("machine")
        || is_year(r)
}

/// Right after an opening quote or title mark: the start of a name (“三项制度”, “513模式”).
fn opens_quote(text: &str, start: usize) -> bool {
    char_before(text, start).is_some_and(|c| "“‘「『《〈\"".contains(c))
}

fn digits_excluded(text: &str, r: &Reading) -> bool {
    is_code(text, r)
        || is_year(r)
        || is_date_or_time(text, r)
        || is_label(text, r)
        || is_zh_label(text, r)
        || is_list_marker(text, r)
        || (r.unit.is_none() && (r.num.value == 0.0 || opens_quote(text, r.num.start)))
}

/// A plain 4-digit number between 1900 and 2100 without a unit other than 年/years.
fn is_year(r: &Reading) -> bool {
    let n = r.num;
    let digits_ok = match n.form {
        Form::Digits => n.plain && n.int_digits == 4,
        Form::Chinese => n.int_digits == 4,
        Form::Half => false,
    };
    digits_ok
        && (1900.0..=2100.0).contains(&n.value)
        && !r.has_scale
        && r.unit.is_none_or(|u| u == "year")
}

/// Glued to letters or symbols, leading zeros, long digit runs, hyphenated codes, event
/// names (“12·21”), schemes ("1+X", "1+N") and factors of a formula ("×100").
fn is_code(text: &str, r: &Reading) -> bool {
    let n = r.num;
    let before = char_before(text, n.start);
    let after = char_at(text, n.end);
    let glued_before = before.is_some_and(|c| c.is_ascii_alphabetic() || "@_/#.&=".contains(c));
    let glued_after =
        r.unit.is_none() && after.is_some_and(|c| c.is_ascii_alphabetic() || c == '@' || c == '_');
    let dotted = before.is_some_and(is_middle_dot) || after.is_some_and(is_middle_dot);
    let plus = r.unit.is_none() && (before.is_some_and(is_plus) || after.is_some_and(is_plus));
    // "…/同期出院患者总人次数×100%" is a formula; "480毫米×140毫米" a size.
    let factor = r.unit.is_none_or(|u| u == "%") && before.is_some_and(|c| "×÷*".contains(c));
    let ordinal = before == Some('第');
    let long_run = n.plain && n.int_digits >= 6 && r.unit.is_none() && !r.has_scale;
    glued_before
        || glued_after
        || dotted
        || plus
        || factor
        || ordinal
        || n.leading_zero
        || long_run
        || hyphen_code(text, n, r.bound)
}

fn is_middle_dot(c: char) -> bool {
    matches!(c, '·' | '・' | '•' | '‧')
}

fn is_plus(c: char) -> bool {
    matches!(c, '+' | '＋')
}

/// "0431-85677437", "2021-02-08", "号-2", "COVID-19", "05001602 -1"; but not the range "1-2".
fn hyphen_code(text: &str, n: &Num, bound: Bound) -> bool {
    let is_dash = |c: char| c == '-' || c == '–';
    if let Some(dash) = char_before(text, n.start).filter(|&c| is_dash(c) && bound != Bound::High) {
        let dash_start = n.start - dash.len_utf8();
        let before_dash = char_before(text, dash_start);
        if before_dash.is_some_and(|c| !c.is_whitespace() && digit(c).is_none()) {
            return true;
        }
        let left = digits_before(text, dash_start);
        if left >= 3 || (left > 0 && n.int_digits >= 3) {
            return true;
        }
    }
    if let Some(dash) = char_at(text, n.end).filter(|&c| is_dash(c) && bound != Bound::Low) {
        let right = digits_after(text, n.end + dash.len_utf8());
        if right >= 3 || (right > 0 && n.int_digits >= 3) {
            return true;
        }
    }
    false
}

/// Digits ending at `pos` (after skipping spaces).
fn digits_before(text: &str, pos: usize) -> usize {
    let head = text.get(..pos).unwrap_or("").trim_end_matches(' ');
    head.chars()
        .rev()
        .take_while(|&c| digit(c).is_some())
        .count()
}

/// Digits starting at `pos`.
fn digits_after(text: &str, pos: usize) -> usize {
    text.get(pos..)
        .unwrap_or("")
        .chars()
        .take_while(|&c| digit(c).is_some())
        .count()
}

/// Chars that, right after a number without a unit, make it a date, time, address or rank.
const DATE_SUFFIXES: &str = "月日号號时時点分秒强届期版级楼层栋室路街后代";

/// Month names around a day number, times ("10:20:00"), slashed dates, 1月21日, 35号.
fn is_date_or_time(text: &str, r: &Reading) -> bool {
    let n = r.num;
    let small = n.plain && n.value <= 31.0;
    let is_month = |word: String| month_name(&word).is_some();
    let month_near = is_month(word_before(text, n.start, &[' ', '-', ',']))
        || is_month(word_after(text, n.end, &[' ', '-']));
    let joined = |c: Option<char>| c.is_some_and(|c| matches!(c, ':' | '：' | '/'));
    let time_after = char_at(text, n.end)
        .filter(|&c| joined(Some(c)))
        .is_some_and(|c| {
            char_at(text, n.end + c.len_utf8())
                .and_then(digit)
                .is_some()
        });
    let time_before = char_before(text, n.start)
        .filter(|&c| joined(Some(c)))
        .is_some_and(|c| digits_before(text, n.start - c.len_utf8()) > 0);
    let suffix =
        r.unit.is_none() && char_at(text, n.end).is_some_and(|c| DATE_SUFFIXES.contains(c));
    (small && month_near) || time_after || time_before || suffix
}

/// Words that make the following number a label or identifier.
const LABELS: &[&str] = &[
    "no",
    "nos",
    "number",
    "case",
    "article",
    "chapter",
    "section",
    "part",
    "phase",
    "annex",
    "item",
    "step",
    "room",
    "tel",
    "fax",
    "phone",
    "code",
    "id",
    "icp",
    "figure",
    "table",
    "version",
    "batch",
    "page",
    "vol",
    "issue",
    "paragraph",
    "clause",
    "level",
    "grade",
    "top",
    "fortune",
    "rule",
    "gb",
];

/// "No. 3855", "Case 3:", "Tel: 0431", and any number directly followed by a colon.
fn is_label(text: &str, r: &Reading) -> bool {
    let word = word_before(text, r.num.start, &[' ', '.', ':', '：', '#']);
    let colon = r.unit.is_none() && char_at(text, r.num.end).is_some_and(|c| c == ':' || c == '：');
    LABELS.contains(&word.as_str()) || colon
}

/// Chinese words that make the following number (with no unit) a label: 附件1, 图1, 表2,
/// 与红线交点1, 序号3.
const ZH_LABELS: &[&str] = &["附件", "附表", "附图", "图", "表", "交点", "序号", "编号"];

/// 附件1 / 附件：1. / 图1 / 表2 (spaces and a colon may stand between).
fn is_zh_label(text: &str, r: &Reading) -> bool {
    let before = text.get(..r.num.start).unwrap_or("");
    let trimmed = before.trim_end_matches([' ', '\u{3000}', '\u{a0}', ':', '：']);
    r.unit.is_none() && ZH_LABELS.iter().any(|l| trimmed.ends_with(l))
}

/// "1." / "12、" / "41加快" at the start of a line, "(1)" / "（2）" / "〔2022〕" anywhere.
fn is_list_marker(text: &str, r: &Reading) -> bool {
    let n = r.num;
    let after = char_at(text, n.end);
    let opening = char_before(text, n.start).is_some_and(|c| "(（〔[【".contains(c));
    let closing = after.is_some_and(|c| ")）〕]】".contains(c));
    if r.unit.is_none() && opening && closing {
        return true;
    }
    let marker_after = after.is_some_and(|c| ".．、)）:：".contains(c));
    // "注：1、坐标系统为…", "附件：1.国土资源部…": a list after a colon.
    let after_colon = text
        .get(..n.start)
        .unwrap_or("")
        .trim_end_matches([' ', '\u{a0}'])
        .ends_with([':', '：']);
    let list_after = after.is_some_and(|c| ".．、".contains(c));
    (after_colon && r.unit.is_none() && list_after)
        || (is_line_start(text, n.start) && (marker_after || r.unit.is_none()))
}
