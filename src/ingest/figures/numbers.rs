//! Number tokens: ASCII and full-width digits (with thousands separators and a decimal
//! point), Chinese numerals (一 … 九, 两, 十, 百, 千, 零/〇) and "half a"/"half an".
//!
//! A token is only the number as written; the scale (万, billion) and the unit are read by
//! the caller. Malformed tokens ("十四五", "1.2.3") are still returned, with a NaN value,
//! so that the caller can step over them whole. Cost: linear in the token length.

use super::text::{char_at, char_before};

/// How a number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Digits,
    Chinese,
    /// "half a" / "half an" (value 0.5).
    Half,
}

/// A number as written at `[start, end)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Num {
    pub start: usize,
    pub end: usize,
    /// NaN when the token is malformed or too large to be a figure.
    pub value: f64,
    pub form: Form,
    /// Digits before the decimal point (separators not counted).
    pub int_digits: usize,
    /// No thousands separator and no decimal point: "2021", not "2,021" or "20.21".
    pub plain: bool,
    /// Written with a leading zero, like "0431" or "06".
    pub leading_zero: bool,
    /// The token is exactly "一": too idiomatic (一批, 一流, 统一) to be a figure.
    pub lone_one: bool,
}

/// The value of an ASCII or full-width digit.
pub fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn zh_digit(c: char) -> Option<u32> {
    "零一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
        .or(match c {
            // 〇, and ○ (WHITE CIRCLE), often typed for it: 二○○四年
            '〇' | '○' => Some(0),
            '两' => Some(2),
            _ => None,
        })
}

/// Whether `c`, just before a number of `form`, would make that number the tail of a
/// longer one (the 四 of 二○○四, the 5 of 15).
pub fn continues(form: Form, c: char) -> bool {
    match form {
        Form::Digits => digit(c).is_some(),
        Form::Chinese => zh_digit(c).is_some() || zh_multiplier(c).is_some(),
        Form::Half => false,
    }
}

fn zh_multiplier(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

/// The number token starting at `pos`, if one starts there.
pub fn scan(text: &str, pos: usize) -> Option<Num> {
    let c = char_at(text, pos)?;
    if digit(c).is_some() {
        Some(scan_digits(text, pos))
    } else if zh_digit(c).is_some_and(|d| d > 0) || c == '十' {
        Some(scan_chinese(text, pos))
    } else if c == 'h' || c == 'H' {
        scan_half(text, pos)
    } else {
        None
    }
}

/// Whether exactly three digits follow `pos` (and no fourth).
fn three_digits_at(text: &str, pos: usize) -> bool {
    let mut chars = text.get(pos..).unwrap_or("").chars();
    let three = (0..3).all(|_| chars.next().is_some_and(|c| c.is_ascii_digit()));
    three && chars.next().is_none_or(|c| digit(c).is_none())
}

fn scan_digits(text: &str, start: usize) -> Num {
    let mut normal = String::new();
    let (mut pos, mut int_digits, mut group) = (start, 0usize, 0usize);
    let (mut grouped, mut decimal, mut dotted) = (false, false, false);
    while let Some(c) = char_at(text, pos) {
        if let Some(d) = digit(c) {
            normal.push(char::from_digit(d, 10).unwrap_or('0'));
            if !decimal {
                int_digits += 1;
                group += 1;
            }
        } else if c == ','
            && !decimal
            && group <= 3
            && (!grouped || group == 3)
            && three_digits_at(text, pos + 1)
        {
            grouped = true;
            group = 0;
        } else if (c == '.' || c == '．')
            && char_at(text, pos + c.len_utf8()).and_then(digit).is_some()
        {
            dotted |= decimal;
            decimal = true;
            normal.push('.');
        } else {
            break;
        }
        pos += c.len_utf8();
    }
    let value = if dotted {
        f64::NAN
    } else {
        normal.parse().unwrap_or(f64::NAN)
    };
    Num {
        start,
        end: pos,
        value: if value.is_finite() { value } else { f64::NAN },
        form: Form::Digits,
        int_digits,
        plain: !grouped && !decimal,
        leading_zero: normal.starts_with('0') && int_digits > 1,
        lone_one: false,
    }
}

fn scan_chinese(text: &str, start: usize) -> Num {
    let mut pos = start;
    while let Some(c) =
        char_at(text, pos).filter(|&c| zh_digit(c).is_some() || zh_multiplier(c).is_some())
    {
        pos += c.len_utf8();
    }
    let written = text.get(start..pos).unwrap_or("");
    Num {
        start,
        end: pos,
        value: chinese_value(written).unwrap_or(f64::NAN),
        form: Form::Chinese,
        int_digits: written.chars().count(),
        plain: true,
        leading_zero: false,
        lone_one: written == "一",
    }
}

/// The value of a Chinese numeral below 万: positional (三十五 → 35, 一百零五 → 105) or
/// digit by digit (二〇二一 → 2021). `None` when malformed (十四五).
pub fn chinese_value(written: &str) -> Option<f64> {
    if !written.chars().any(|c| zh_multiplier(c).is_some()) {
        return written
            .chars()
            .try_fold(0f64, |acc, c| Some(acc * 10.0 + f64::from(zh_digit(c)?)));
    }
    let (mut total, mut pending, mut last_mult) = (0u32, None::<u32>, u32::MAX);
    for c in written.chars() {
        if let Some(m) = zh_multiplier(c) {
            if m >= last_mult {
                return None;
            }
            total += pending.take().unwrap_or(1) * m;
            last_mult = m;
        } else if let Some(d) = zh_digit(c) {
            if d == 0 {
                continue;
            }
            if pending.replace(d).is_some() {
                return None;
            }
        }
    }
    Some(f64::from(total + pending.unwrap_or(0)))
}

fn scan_half(text: &str, start: usize) -> Option<Num> {
    if char_before(text, start).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let rest = text.get(start..)?;
    let len = ["half an ", "half a "]
        .iter()
        .find(|p| {
            rest.get(..p.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(p))
        })?
        .len();
    Some(Num {
        start,
        end: start + len - 1,
        value: 0.5,
        form: Form::Half,
        int_digits: 0,
        plain: false,
        leading_zero: false,
        lone_one: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_with_separators_and_decimals() {
        assert_eq!(scan("31,559, and", 0).unwrap().value, 31559.0);
        assert_eq!(scan("1,200 powers", 0).unwrap().end, 5);
        assert_eq!(scan("1.161 billion", 0).unwrap().value, 1.161);
        assert_eq!(scan("１２３", 0).unwrap().value, 123.0);
        assert_eq!(scan("12,34", 0).unwrap().end, 2);
        assert!(scan("1.2.3", 0).unwrap().value.is_nan());
        assert!(scan("1.聚焦", 0).unwrap().plain);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_value("三十五"), Some(35.0));
        assert_eq!(chinese_value("二十三"), Some(23.0));
        assert_eq!(chinese_value("十"), Some(10.0));
        assert_eq!(chinese_value("一百零五"), Some(105.0));
        assert_eq!(chinese_value("二〇二一"), Some(2021.0));
        assert_eq!(chinese_value("二○○四"), Some(2004.0));
        assert_eq!(scan("二○○四年", 0).unwrap().int_digits, 4);
        assert_eq!(chinese_value("十四五"), None);
        assert!(scan("一批", 0).unwrap().lone_one);
    }

    #[test]
    fn half() {
        let n = scan("half a day", 0).unwrap();
        assert_eq!((n.value, n.end), (0.5, 6));
        assert!(scan("behalf a day", 2).is_none());
    }
}
