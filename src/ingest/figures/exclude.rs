//! Numbers that are not figures: dates and years, times, document and registration
//! numbers, phone numbers, list numbering, labels ("Case 3:", "No. 3855"), ordinals
//! (第三批, "3rd") and numbers glued into codes ("5G", "IPv6", "COVID-19").
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

/// Chinese numerals need a real unit (三十五项, not 四、 or 一流), and skip 第 and a lone 一.
fn chinese_excluded(text: &str, r: &Reading) -> bool {
    (r.num.lone_one && !r.has_scale)
        || r.unit.is_none_or(str::is_empty)
        || char_before(text, r.num.start) == Some('第')
        || is_year(r)
}

fn digits_excluded(text: &str, r: &Reading) -> bool {
    is_code(text, r)
        || is_year(r)
        || is_date_or_time(text, r)
        || is_label(text, r)
        || is_list_marker(text, r)
        || (r.num.value == 0.0 && r.unit.is_none())
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

/// Glued to letters or symbols, leading zeros, long digit runs, or hyphenated codes.
fn is_code(text: &str, r: &Reading) -> bool {
    let n = r.num;
    let before = char_before(text, n.start);
    let after = char_at(text, n.end);
    let glued_before = before.is_some_and(|c| c.is_ascii_alphabetic() || "@_/#.&=".contains(c));
    let glued_after =
        r.unit.is_none() && after.is_some_and(|c| c.is_ascii_alphabetic() || c == '@' || c == '_');
    let ordinal = before == Some('第');
    let long_run = n.plain && n.int_digits >= 6 && r.unit.is_none() && !r.has_scale;
    glued_before || glued_after || ordinal || n.leading_zero || long_run || hyphen_code(text, n)
}

/// "0431-85677437", "2021-02-08", "号-2", "COVID-19", "05001602 -1"; but not the range "1-2".
fn hyphen_code(text: &str, n: &Num) -> bool {
    let is_dash = |c: char| c == '-' || c == '–';
    if let Some(dash) = char_before(text, n.start).filter(|&c| is_dash(c)) {
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
    if let Some(dash) = char_at(text, n.end).filter(|&c| is_dash(c)) {
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
];

/// "No. 3855", "Case 3:", "Tel: 0431", and any number directly followed by a colon.
fn is_label(text: &str, r: &Reading) -> bool {
    let word = word_before(text, r.num.start, &[' ', '.', ':', '：', '#']);
    let colon = r.unit.is_none() && char_at(text, r.num.end).is_some_and(|c| c == ':' || c == '：');
    LABELS.contains(&word.as_str()) || colon
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
    is_line_start(text, n.start) && (marker_after || r.unit.is_none())
}
