//! Finding dates in text: 2021-02-08, 2021年1月21日 (also in full-width digits,
//! ２０１９年１月２７日), 二〇二一年一月二十一日 and 一九九六年三月四日 (with 〇, ○ or 零 for
//! zero; month and year precision too: 一九九七年二月, 二〇〇四年), 2021年3月,
//! "2022 - Dec -06", "September 2, 2020", "2 September 2020", "March 2021", and the
//! year-less "September 2".
//!
//! Cost: one pass over the text; work at each digit or capital letter is constant.

use super::numbering::han_number;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub span: (usize, usize),
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a name or abbreviation stands for: "September", "Sep", "sept" → 9.
pub fn month_name(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    if lower == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == lower || (lower.len() == 3 && m.starts_with(&lower)))
        .map(|i| i as u32 + 1)
}

fn plausible(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> bool {
    year.is_none_or(|y| (1949..=2100).contains(&y))
        && month.is_none_or(|m| (1..=12).contains(&m))
        && day.is_none_or(|d| (1..=31).contains(&d))
}

/// The value of an ASCII or full-width digit.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A run of 1 to 4 ASCII or full-width digits at `at`: its value, its length in bytes
/// (what spans add up) and its number of digits.
fn digit_run(text: &str, at: usize) -> Option<(u32, usize, usize)> {
    let (mut value, mut bytes, mut count) = (0u32, 0usize, 0usize);
    for c in text[at..].chars() {
        let Some(d) = digit(c) else { break };
        count += 1;
        if count > 4 {
            return None;
        }
        value = value * 10 + d;
        bytes += c.len_utf8();
    }
    (count > 0).then_some((value, bytes, count))
}

/// A run of 1 to 4 digits at `at`: its value and its number of digits, when they are
/// ASCII (one byte each) — the English forms.
fn digits_at(text: &str, at: usize) -> Option<(u32, usize)> {
    digit_run(text, at)
        .filter(|&(_, bytes, count)| bytes == count)
        .map(|(v, _, count)| (v, count))
}

/// Skips spaces (ASCII and ideographic) from `at`.
fn skip_spaces(text: &str, at: usize) -> usize {
    at + (text[at..].len()
        - text[at..]
            .trim_start_matches([' ', '\u{3000}', '\u{a0}'])
            .len())
}

fn numeric_date(text: &str, at: usize) -> Option<FoundDate> {
    let (year, ylen, _) = digit_run(text, at).filter(|&(_, _, n)| n == 4)?;
    let mut pos = at + ylen;
    // 2021年1月21日 / 2021年3月 / ２０１９年１月２７日
    if text[pos..].starts_with('年') {
        pos += '年'.len_utf8();
        let (month, mlen, _) = digit_run(text, pos)?;
        pos += mlen;
        if !text[pos..].starts_with('月') {
            return None;
        }
        pos += '月'.len_utf8();
        if let Some((day, dlen, _)) = digit_run(text, pos) {
            if text[pos + dlen..].starts_with(['日', '号']) {
                let end = pos + dlen + '日'.len_utf8();
                return Some(FoundDate {
                    span: (at, end),
                    year: Some(year as i32),
                    month: Some(month),
                    day: Some(day),
                });
            }
        }
        return Some(FoundDate {
            span: (at, pos),
            year: Some(year as i32),
            month: Some(month),
            day: None,
        });
    }
    // 2021-02-08, 2021/2/8, 2021.2.8, "2022 - Dec -06" (ASCII digits only)
    if ylen != 4 {
        return None;
    }
    let sep_at = skip_spaces(text, pos);
    let sep = text[sep_at..]
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '/' | '.'))?;
    pos = skip_spaces(text, sep_at + 1);
    let (month, mlen) = match digits_at(text, pos) {
        Some((m, l)) if l <= 2 => (m, l),
        _ => {
            let word: String = text[pos..]
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            (month_name(&word)?, word.len())
        }
    };
    pos = skip_spaces(text, pos + mlen);
    if !text[pos..].starts_with(sep) {
        return None;
    }
    pos = skip_spaces(text, pos + 1);
    let (day, dlen) = digits_at(text, pos).filter(|&(_, l)| l <= 2)?;
    Some(FoundDate {
        span: (at, pos + dlen),
        year: Some(year as i32),
        month: Some(month),
        day: Some(day),
    })
}

/// The value of a Chinese digit as written in years: 〇 一 … 九, and ○ (WHITE CIRCLE) or 零
/// for zero.
fn han_digit(c: char) -> Option<usize> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .or(matches!(c, '○' | '零').then_some(0))
}

/// 二〇二一年一月二十一日, 一九九六年三月四日, 二○○四年十二月十七日 (years written digit by
/// digit); 一九九七年二月 (month precision) and 二〇〇四年 (year precision).
fn han_date(text: &str, at: usize) -> Option<FoundDate> {
    let digit = han_digit;
    let year_chars: Vec<char> = text[at..].chars().take(4).collect();
    if year_chars.len() < 4 {
        return None;
    }
    let year = year_chars
        .iter()
        .try_fold(0i32, |acc, &c| Some(acc * 10 + digit(c)? as i32))?;
    let mut pos = at + year_chars.iter().map(|c| c.len_utf8()).sum::<usize>();
    pos += text[pos..].starts_with('年').then_some('年'.len_utf8())?;
    let numeral = |from: usize| -> String {
        text[from..]
            .chars()
            .take_while(|c| "〇一二三四五六七八九十".contains(*c))
            .collect()
    };
    let m = numeral(pos);
    let month = han_number(&m).filter(|_| text[pos + m.len()..].starts_with('月'));
    let Some(month) = month else {
        return Some(FoundDate {
            span: (at, pos),
            year: Some(year),
            month: None,
            day: None,
        });
    };
    pos += m.len() + '月'.len_utf8();
    let d = numeral(pos);
    let day = han_number(&d);
    let end = if day.is_some() && text[pos + d.len()..].starts_with('日') {
        pos + d.len() + '日'.len_utf8()
    } else {
        pos
    };
    Some(FoundDate {
        span: (at, end),
        year: Some(year),
        month: Some(month),
        day: if end > pos { day } else { None },
    })
}

/// "September 2, 2020" / "September 2" / "March 2021" starting at a month name.
fn english_month_first(text: &str, at: usize) -> Option<FoundDate> {
    let word: String = text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let month = month_name(&word)
        .filter(|_| word.len() >= 3 && word.chars().next().is_some_and(|c| c.is_uppercase()))?;
    // "May" is also a verb: accept it only with a number after it.
    let pos = skip_spaces(text, at + word.len());
    let (n, len) = digits_at(text, pos)?;
    if len == 4 {
        return Some(FoundDate {
            span: (at, pos + 4),
            year: Some(n as i32),
            month: Some(month),
            day: None,
        });
    }
    if len > 2 {
        return None;
    }
    let day_end = pos + len;
    let after = text[day_end..]
        .strip_prefix(',')
        .map_or(day_end, |_| day_end + 1);
    let ypos = skip_spaces(text, after);
    if let Some((year, 4)) = digits_at(text, ypos) {
        return Some(FoundDate {
            span: (at, ypos + 4),
            year: Some(year as i32),
            month: Some(month),
            day: Some(n),
        });
    }
    Some(FoundDate {
        span: (at, day_end),
        year: None,
        month: Some(month),
        day: Some(n),
    })
}

/// "2 September 2020" starting at the day.
fn english_day_first(text: &str, at: usize) -> Option<FoundDate> {
    let (day, len) = digits_at(text, at).filter(|&(_, l)| l <= 2)?;
    let pos = skip_spaces(text, at + len);
    if pos == at + len {
        return None;
    }
    let word: String = text[pos..]
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let month = month_name(&word).filter(|_| word.len() >= 3)?;
    let ypos = skip_spaces(text, pos + word.len());
    let (year, 4) = digits_at(text, ypos)? else {
        return None;
    };
    Some(FoundDate {
        span: (at, ypos + 4),
        year: Some(year as i32),
        month: Some(month),
        day: Some(day),
    })
}

/// Every date in the text, in order, non-overlapping.
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let c = text[at..].chars().next().unwrap();
        let before = text[..at].chars().next_back();
        let boundary = before.is_none_or(|p| !p.is_ascii_alphanumeric() && digit(p).is_none());
        let date = if !boundary {
            None
        } else if c.is_ascii_digit() {
            numeric_date(text, at).or_else(|| english_day_first(text, at))
        } else if digit(c).is_some() {
            numeric_date(text, at)
        } else if c.is_ascii_uppercase() {
            english_month_first(text, at)
        } else if "〇○零一二".contains(c)
            && before.is_none_or(|p| han_digit(p).is_none() && !"十百千两".contains(p))
        {
            han_date(text, at)
        } else {
            None
        };
        match date.filter(|d| plausible(d.year, d.month, d.day)) {
            Some(d) => {
                at = d.span.1;
                found.push(d);
            }
            None => at += c.len_utf8(),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    type Ymd<'a> = (Option<i32>, Option<u32>, Option<u32>, &'a str);

    fn ymd(text: &str) -> Vec<Ymd<'_>> {
        find_dates(text)
            .into_iter()
            .map(|d| (d.year, d.month, d.day, &text[d.span.0..d.span.1]))
            .collect()
    }

    #[test]
    fn numeric_and_chinese_forms() {
        assert_eq!(
            ymd("日期:2021-02-08"),
            [(Some(2021), Some(2), Some(8), "2021-02-08")]
        );
        assert_eq!(
            ymd("2021年1月21日"),
            [(Some(2021), Some(1), Some(21), "2021年1月21日")]
        );
        assert_eq!(
            ymd("于2021年3月印发"),
            [(Some(2021), Some(3), None, "2021年3月")]
        );
        assert_eq!(
            ymd("二〇二一年一月二十一日"),
            [(Some(2021), Some(1), Some(21), "二〇二一年一月二十一日")]
        );
        assert_eq!(
            ymd("2022 - Dec -06 10:20:00"),
            [(Some(2022), Some(12), Some(6), "2022 - Dec -06")]
        );
        assert_eq!(
            ymd("2021/2/8"),
            [(Some(2021), Some(2), Some(8), "2021/2/8")]
        );
    }

    #[test]
    fn english_forms() {
        assert_eq!(
            ymd("on September 2, Tang"),
            [(None, Some(9), Some(2), "September 2")]
        );
        assert_eq!(
            ymd("on September 2, 2020."),
            [(Some(2020), Some(9), Some(2), "September 2, 2020")]
        );
        assert_eq!(
            ymd("In March 2021, it"),
            [(Some(2021), Some(3), None, "March 2021")]
        );
        assert_eq!(
            ymd("on 2 September 2020"),
            [(Some(2020), Some(9), Some(2), "2 September 2020")]
        );
    }

    /// Years written digit by digit in Chinese numerals, 19xx and 20xx, with 〇, ○ or 零.
    #[test]
    fn chinese_numeral_dates_of_both_centuries() {
        // gov.cn 国办发〔1996〕25号 (signed)
        let text = "中央军委办公厅\n一九九六年六月二十九日 \u{a0} \u{a0}";
        assert_eq!(
            ymd(text),
            [(Some(1996), Some(6), Some(29), "一九九六年六月二十九日")]
        );
        // gov.cn 国发〔1981〕88号
        assert_eq!(
            ymd("一九八一年五月二十三日"),
            [(Some(1981), Some(5), Some(23), "一九八一年五月二十三日")]
        );
        // gov.cn 国发〔2004〕18号: ○ (U+25CB WHITE CIRCLE) for 〇
        assert_eq!(
            ymd("（二○○四年六月十六日国务院第五十四次常务会议通过）"),
            [(Some(2004), Some(6), Some(16), "二○○四年六月十六日")]
        );
        assert_eq!(
            ymd("二○○四年十二月十七日"),
            [(Some(2004), Some(12), Some(17), "二○○四年十二月十七日")]
        );
        assert_eq!(
            ymd("二零零四年十月十日"),
            [(Some(2004), Some(10), Some(10), "二零零四年十月十日")]
        );
        assert_eq!(
            ymd("一九九六年三月四日"),
            [(Some(1996), Some(3), Some(4), "一九九六年三月四日")]
        );
        // Month and year precision.
        assert_eq!(
            ymd("一九九七年二月印发"),
            [(Some(1997), Some(2), None, "一九九七年二月")]
        );
        assert_eq!(
            ymd("自二〇〇四年起施行"),
            [(Some(2004), None, None, "二〇〇四年")]
        );
        assert_eq!(
            ymd("一九八〇年九月一日"),
            [(Some(1980), Some(9), Some(1), "一九八〇年九月一日")]
        );
    }

    #[test]
    fn chinese_numerals_that_are_not_dates() {
        for text in [
            "一二三四五",
            "一二三四年",
            "二三四五年",
            "一九三七年七月七日",
            "十一九九六年",
            "第二〇二一年",
            "一九九六",
            "二〇〇四",
            "一九九六年十三月",
        ] {
            let found = ymd(text);
            assert!(
                found
                    .iter()
                    .all(|d| d.0 != Some(1996) && d.0 != Some(2004) && d.1 != Some(13)),
                "{text}: {found:?}"
            );
        }
        assert!(ymd("一二三四五").is_empty());
        assert!(
            ymd("一九三七年七月七日").is_empty(),
            "before 1949: not plausible"
        );
        assert!(ymd("十一九九六年").is_empty());
    }

    /// Full-width digits: the span stays an exact byte range of the text.
    #[test]
    fn full_width_digits() {
        let text = "成文日期：２０１９年１月２７日。";
        let found = find_dates(text);
        assert_eq!(
            ymd(text),
            [(Some(2019), Some(1), Some(27), "２０１９年１月２７日")]
        );
        assert_eq!(found[0].span, (15, 15 + 3 * 4 + 3 + 3 + 3 + 3 * 2 + 3));
        assert_eq!(
            ymd("于２０２１年３月印发"),
            [(Some(2021), Some(3), None, "２０２１年３月")]
        );
        assert!(ymd("１２３４５年１月").is_empty());
        assert!(ymd("１３月４５日").is_empty());
    }

    #[test]
    fn numbers_that_are_not_dates() {
        assert!(ymd("1.161 billion yuan, 41.5%, 879 trains, No. 3855, 0431-85677437").is_empty());
        assert!(ymd("It may be 12 more. The Marchers").is_empty());
        assert!(ymd("13月45日").is_empty());
    }
}
