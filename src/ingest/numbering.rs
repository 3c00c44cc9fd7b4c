//! Recognising list markers at the start of a line: "12." / "12．" / "12、" / "41加快…" /
//! （一） / 一、 / 第三章 / "Ii." / "First," and turning them into numbers.
//!
//! Cost: constant work per line (markers are short prefixes).

/// The numbering style of a marker; numbering gaps are checked per style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    /// 一、 二、 (Chinese numeral and enumeration comma): sections.
    HanComma,
    /// 第一部分 / 第一编: the largest parts of a long text.
    HanPart,
    /// 第一章: chapters.
    HanChapter,
    /// 第一节: sections of a chapter.
    HanSection,
    /// 第一条: articles of a regulation, its operative provisions.
    HanArticle,
    /// I. II. "Ii." (Roman numerals, any case): sections.
    Roman,
    /// （一） (二): sub-items.
    HanParen,
    /// (1) （2）: sub-items.
    ArabicParen,
    /// ① ②: sub-items.
    Circled,
    /// 12. 12．12、 or digits directly followed by Han text.
    Arabic,
    /// "First," "Second," "The third is" / 一是 二是 / 第一，
    Ordinal,
}

/// A marker at the start of a line: its style, value, the marker text, and where the
/// content after it starts (byte offset into the line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    pub style: Style,
    pub number: u32,
    pub label: String,
    pub content_start: usize,
}

const HAN_DIGITS: &str = "零〇一二三四五六七八九";

fn han_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Parses Chinese numerals up to the thousands: 七 → 7, 十七 → 17, 二十三 → 23, 一百零八 → 108.
pub fn han_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let (mut total, mut digit) = (0u32, None::<u32>);
    for c in s.chars() {
        if let Some(d) = han_digit(c) {
            digit = Some(d);
        } else {
            let unit = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                _ => return None,
            };
            total += digit.unwrap_or(1) * unit;
            digit = None;
        }
    }
    Some(total + digit.unwrap_or(0))
}

fn roman_number(s: &str) -> Option<u32> {
    let value = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let digits: Vec<u32> = s.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > d) {
            total -= d as i64;
        } else {
            total += d as i64;
        }
    }
    (total > 0 && !digits.is_empty()).then_some(total as u32)
}

const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// The value of an English ordinal word ("Third" → 3), case-insensitive.
pub fn ordinal_word(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    let lower = lower.strip_suffix("ly").unwrap_or(&lower);
    ORDINALS
        .iter()
        .position(|o| *o == lower)
        .map(|i| i as u32 + 1)
}

/// Characters that, right after digits, make them a quantity rather than a list number.
const QUANTITY_AFTER: &str =
    "年月日号个项家条元万亿倍天次人名%％‰·多余批届期岁吨台套件座所只米亩户起辆";

fn is_han(c: char) -> bool {
    crate::ingest::document::is_han(c)
}

/// Recognises the marker a line starts with, if any.
pub fn marker(line: &str) -> Option<Marker> {
    let mk = |style, number, label: &str, content_start| {
        Some(Marker {
            style,
            number,
            label: label.to_string(),
            content_start,
        })
    };
    let first = line.chars().next()?;
    // （一） (1)
    if first == '(' || first == '（' {
        let inner_start = first.len_utf8();
        let close = line[inner_start..].find([')', '）'])? + inner_start;
        let inner = &line[inner_start..close];
        let after = close + line[close..].chars().next()?.len_utf8();
        if let Some(n) = han_number(inner).filter(|_| inner.chars().count() <= 3) {
            return mk(Style::HanParen, n, inner, after);
        }
        if !inner.is_empty() && inner.len() <= 2 && inner.bytes().all(|b| b.is_ascii_digit()) {
            return mk(Style::ArabicParen, inner.parse().ok()?, inner, after);
        }
        return None;
    }
    // 第三章 / 第二部分 / 第一，
    if let Some(rest) = line.strip_prefix('第') {
        let numeral: String = rest
            .chars()
            .take_while(|c| HAN_DIGITS.contains(*c) || "十百".contains(*c))
            .collect();
        let n = han_number(&numeral)?;
        let after = &rest[numeral.len()..];
        for (unit, style) in [
            ("章", Style::HanChapter),
            ("部分", Style::HanPart),
            ("编", Style::HanPart),
            ("节", Style::HanSection),
            ("条", Style::HanArticle),
        ] {
            if after.starts_with(unit) {
                let end = '第'.len_utf8() + numeral.len() + unit.len();
                return mk(style, n, &line[..end], end);
            }
        }
        if after.starts_with(['，', ',', '、']) {
            let end = '第'.len_utf8() + numeral.len();
            return mk(
                Style::Ordinal,
                n,
                &line[..end],
                end + after.chars().next()?.len_utf8(),
            );
        }
        return None;
    }
    // ① … ⑳
    if ('\u{2460}'..='\u{2473}').contains(&first) {
        let n = first as u32 - 0x2460 + 1;
        let len = first.len_utf8();
        return mk(Style::Circled, n, &line[..len], len);
    }
    // 一、 / 一是
    let numeral: String = line
        .chars()
        .take_while(|c| HAN_DIGITS.contains(*c) || "十百".contains(*c))
        .collect();
    if !numeral.is_empty() && numeral.chars().count() <= 3 {
        let after = &line[numeral.len()..];
        let n = han_number(&numeral)?;
        if after.starts_with(['、', '.', '．']) {
            let sep = after.chars().next()?.len_utf8();
            return mk(Style::HanComma, n, &numeral, numeral.len() + sep);
        }
        if after.starts_with('是') {
            return mk(
                Style::Ordinal,
                n,
                &line[..numeral.len() + 3],
                numeral.len() + 3,
            );
        }
        return None;
    }
    // 12. 12．12、 and "41加快"
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let n: u32 = line[..digits].parse().ok()?;
        let after = &line[digits..];
        let next = after.chars().next()?;
        let sep_len = match next {
            '.' | '．' | '、' => {
                // "1.161 billion" is a number, not a marker (but see `expected_marker`).
                let following = after[next.len_utf8()..].chars().next();
                if following.is_some_and(|c| c.is_ascii_digit()) {
                    return None;
                }
                next.len_utf8()
            }
            // Scraped texts sometimes carry a private-use glyph where the period was.
            c if ('\u{e000}'..='\u{f8ff}').contains(&c) => c.len_utf8(),
            c if is_han(c) && !QUANTITY_AFTER.contains(c) => 0,
            _ => return None,
        };
        let content = digits + sep_len;
        let content = content + (line[content..].len() - line[content..].trim_start().len());
        return mk(Style::Arabic, n, &line[..digits], content);
    }
    // Roman numerals: "Ii. Main contents"
    let word_end = line.find(['.', '．']).unwrap_or(0);
    if (1..=5).contains(&word_end) {
        if let Some(n) = roman_number(&line[..word_end]) {
            let after = &line[word_end..];
            if after[after.chars().next()?.len_utf8()..].starts_with(' ') {
                return mk(
                    Style::Roman,
                    n,
                    &line[..word_end],
                    word_end + after.chars().next()?.len_utf8() + 1,
                );
            }
        }
    }
    // "First, …" / "Firstly, …"
    let word_len = line.find([',', '，']).unwrap_or(0);
    if (1..=9).contains(&word_len) {
        if let Some(n) = ordinal_word(&line[..word_len]) {
            let sep = line[word_len..].chars().next()?.len_utf8();
            let content = word_len + sep;
            let content = content + (line[content..].len() - line[content..].trim_start().len());
            return mk(Style::Ordinal, n, &line[..word_len], content);
        }
    }
    None
}

/// "11.121人才梯队项目。…" right after measure 10: digits, a period, then the item's own text
/// starting with digits. Out of context this reads as the decimal 11.121, so it is taken as
/// a marker only where the numbering expects `expected` next, and the digits after the
/// period do not run into a unit or scale.
pub fn expected_marker(line: &str, expected: u32) -> Option<Marker> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || line[..digits].parse::<u32>().ok()? != expected {
        return None;
    }
    let next = line[digits..].chars().next()?;
    if !matches!(next, '.' | '．' | '、') {
        return None;
    }
    let content = digits + next.len_utf8();
    let rest = &line[content..];
    let decimals = rest.bytes().take_while(u8::is_ascii_digit).count();
    let then = rest[decimals..].chars().next()?;
    (decimals > 0 && is_han(then) && !"万亿%％倍".contains(then)).then(|| Marker {
        style: Style::Arabic,
        number: expected,
        label: line[..digits].to_string(),
        content_start: content,
    })
}

/// Where, inside an enumerating paragraph, the next point (number `n`) begins: "Second, …",
/// "The second is …", "二是…", "第二，…" at a sentence start. Returns the byte offset.
pub fn next_ordinal_cue(text: &str, from: usize, n: u32) -> Option<usize> {
    let word = ORDINALS.get(n as usize - 1)?;
    let han = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"].get(n as usize - 1)?;
    let mut cues: Vec<String> = Vec::new();
    let cap = |w: &str| format!("{}{}", w[..1].to_ascii_uppercase(), &w[1..]);
    for form in [cap(word), format!("{}ly", cap(word))] {
        cues.push(format!("{form},"));
        cues.push(format!("{form}，"));
    }
    cues.push(format!("The {word} is"));
    cues.push(format!("{han}是"));
    cues.push(format!("第{han}，"));
    cues.push(format!("第{han},"));
    let rest = text.get(from..)?;
    cues.iter()
        .filter_map(|cue| {
            rest.match_indices(cue.as_str())
                .map(|(i, _)| from + i)
                .find(|&at| at_sentence_start(text, at))
        })
        .min()
}

fn at_sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    before.is_empty() || before.ends_with(['.', '。', ';', '；', '!', '?', '！', '？', ':', '：'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(line: &str) -> Option<(Style, u32, String, String)> {
        marker(line).map(|m| {
            (
                m.style,
                m.number,
                m.label,
                line[m.content_start..].to_string(),
            )
        })
    }

    #[test]
    fn arabic_markers_in_all_their_forms() {
        for line in ["12.加快", "12．加快", "12、加快", "12. 加快", "12加快"] {
            assert_eq!(
                m(line),
                Some((Style::Arabic, 12, "12".into(), "加快".into())),
                "{line}"
            );
        }
        assert_eq!(m("41加快建设").unwrap().1, 41);
        // An item whose text starts with digits (a real measure: "121人才梯队项目").
        assert_eq!(m("11.121人才梯队项目。"), None);
        assert_eq!(
            expected_marker("11.121人才梯队项目。", 11).map(|m| (m.number, m.content_start)),
            Some((11, 3))
        );
        assert_eq!(expected_marker("1.161 billion", 1), None);
        assert_eq!(expected_marker("12.5亿元", 12), None);
        assert_eq!(m("2.5亿元"), None);
        assert_eq!(m("①加强监管").unwrap().1, 1);
        assert_eq!(m("第二节 监督").unwrap().0, Style::HanSection);
        assert_eq!(m("第三条　本条例").unwrap().0, Style::HanArticle);
        assert_eq!(
            m("41\u{e010}加快建设").unwrap(),
            (Style::Arabic, 41, "41".into(), "加快建设".into())
        );
        for not_marker in [
            "1.161 billion yuan",
            "2021年1月21日",
            "15%的税率",
            "3C免办",
            "2022-06-01",
        ] {
            assert_eq!(m(not_marker), None, "{not_marker}");
        }
    }

    #[test]
    fn chinese_markers() {
        assert_eq!(m("一、进一步发展").unwrap().0, Style::HanComma);
        assert_eq!(m("九、进一步").unwrap().1, 9);
        assert_eq!(
            m("（十七）完善").unwrap(),
            (Style::HanParen, 17, "十七".into(), "完善".into())
        );
        assert_eq!(m("(3)支持").unwrap().1, 3);
        assert_eq!(
            m("第七章 附则").unwrap(),
            (Style::HanChapter, 7, "第七章".into(), " 附则".into())
        );
        assert_eq!(m("第二十三条 本办法").unwrap().1, 23);
        assert_eq!(
            m("二是加强").unwrap(),
            (Style::Ordinal, 2, "二是".into(), "加强".into())
        );
        assert_eq!(m("统一标准"), None);
        assert_eq!(m("一流营商环境"), None);
    }

    #[test]
    fn latin_markers() {
        assert_eq!(
            m("Ii. Main contents").unwrap(),
            (Style::Roman, 2, "Ii".into(), "Main contents".into())
        );
        assert_eq!(m("IV. Outlook").unwrap().1, 4);
        assert_eq!(m("Third, features and highlights").unwrap().1, 3);
        assert_eq!(m("Secondly, we will").unwrap().1, 2);
        assert_eq!(m("In July 2020"), None);
        assert_eq!(m("It is. Not"), None);
    }

    #[test]
    fn han_numbers() {
        for (s, n) in [
            ("七", 7),
            ("十", 10),
            ("十七", 17),
            ("二十三", 23),
            ("一百零八", 108),
            ("六十八", 68),
        ] {
            assert_eq!(han_number(s), Some(n), "{s}");
        }
    }

    #[test]
    fn ordinal_cues_inside_a_paragraph() {
        let text = "First, optimise. The second is to deepen reform. Third, upgrade.";
        let second = next_ordinal_cue(text, 0, 2).unwrap();
        assert!(text[second..].starts_with("The second is"));
        let third = next_ordinal_cue(text, second, 3).unwrap();
        assert!(text[third..].starts_with("Third,"));
        assert_eq!(next_ordinal_cue(text, third, 4), None);
        assert_eq!(next_ordinal_cue("a second, look", 0, 2), None);
        let zh = "一是优化环境;二是深化改革。";
        assert!(zh[next_ordinal_cue(zh, 0, 2).unwrap()..].starts_with("二是"));
    }
}
