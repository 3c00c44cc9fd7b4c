//! Qualifiers: the words that say a figure is not exact — "about", "more than", "at least",
//! "nearly", "less than", "up to" (约, 超过, 以上, 近, 不足, 以内 …) — and the period a rate is
//! given per ("per day", 日均, 每年, "/天").
//!
//! A qualifier is read from the words right before the figure (only spaces between) or right
//! after it (以上, 左右, "or more"), and from 多/余 inside the written figure ("100余家").
//! The period is read from the figure's clause: 日均/每天/"daily" before it, "per day"/
//! "a year"/"/天" right after it.
//!
//! Cost: a few fixed-size look-ups around each figure.

use super::text::char_before;
use crate::model::Qualifier;

/// Words that end right before a figure, longest first where one ends another.
const BEFORE: &[(&str, Qualifier)] = &[
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("不少于", Qualifier::AtLeast),
    ("不低于", Qualifier::AtLeast),
    ("至少", Qualifier::AtLeast),
    ("no more than", Qualifier::AtMost),
    ("not more than", Qualifier::AtMost),
    ("not exceeding", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("within", Qualifier::AtMost),
    ("不超过", Qualifier::AtMost),
    ("不高于", Qualifier::AtMost),
    ("不多于", Qualifier::AtMost),
    ("最多", Qualifier::AtMost),
    ("more than", Qualifier::Over),
    ("over", Qualifier::Over),
    ("exceeding", Qualifier::Over),
    ("above", Qualifier::Over),
    ("超过", Qualifier::Over),
    ("多达", Qualifier::Over),
    ("逾", Qualifier::Over),
    ("approximately", Qualifier::About),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("roughly", Qualifier::About),
    ("some", Qualifier::About),
    ("大约", Qualifier::About),
    ("约", Qualifier::About),
    ("close to", Qualifier::Nearly),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("将近", Qualifier::Nearly),
    ("接近", Qualifier::Nearly),
    ("近", Qualifier::Nearly),
    ("less than", Qualifier::Under),
    ("fewer than", Qualifier::Under),
    ("under", Qualifier::Under),
    ("below", Qualifier::Under),
    ("不足", Qualifier::Under),
    ("不到", Qualifier::Under),
    ("低于", Qualifier::Under),
    ("少于", Qualifier::Under),
];

/// Words that start right after a figure.
const AFTER: &[(&str, Qualifier)] = &[
    ("or more", Qualifier::AtLeast),
    ("or above", Qualifier::AtLeast),
    ("and above", Qualifier::AtLeast),
    ("or over", Qualifier::AtLeast),
    ("以上", Qualifier::AtLeast),
    ("or less", Qualifier::AtMost),
    ("or below", Qualifier::AtMost),
    ("or fewer", Qualifier::AtMost),
    ("以下", Qualifier::AtMost),
    ("以内", Qualifier::AtMost),
    ("之内", Qualifier::AtMost),
    ("左右", Qualifier::About),
    ("or so", Qualifier::About),
];

/// Period words in the clause before a figure: (word, period unit code).
const PER_BEFORE: &[(&str, &str)] = &[
    ("日均", "day"),
    ("每天", "day"),
    ("每日", "day"),
    ("平均每天", "day"),
    ("daily", "day"),
    ("每周", "week"),
    ("weekly", "week"),
    ("月均", "month"),
    ("每月", "month"),
    ("monthly", "month"),
    ("年均", "year"),
    ("每年", "year"),
    ("annual", "year"),
    ("annually", "year"),
    ("每小时", "hour"),
    ("hourly", "hour"),
];

/// Period words right after a figure.
const PER_AFTER: &[(&str, &str)] = &[
    ("per day", "day"),
    ("a day", "day"),
    ("each day", "day"),
    ("every day", "day"),
    ("/天", "day"),
    ("/日", "day"),
    ("每天", "day"),
    ("per week", "week"),
    ("a week", "week"),
    ("/周", "week"),
    ("per month", "month"),
    ("a month", "month"),
    ("/月", "month"),
    ("per year", "year"),
    ("a year", "year"),
    ("each year", "year"),
    ("every year", "year"),
    ("per annum", "year"),
    ("annually", "year"),
    ("/年", "year"),
    ("per hour", "hour"),
    ("an hour", "hour"),
    ("/小时", "hour"),
];

fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// The qualifier of the figure `written` (its text as written), with `before` the clause
/// text up to it and `after` the clause text from its end, both ASCII-lowercased.
/// `duration` figures never take 近, which before a span of time means "the last" (近三年,
/// "the last three years").
pub fn qualifier(before: &str, written: &str, after: &str, duration: bool) -> Option<Qualifier> {
    let before = before.trim_end_matches([' ', '\u{a0}', '\u{3000}']);
    let found = BEFORE.iter().find(|(word, _)| {
        before.ends_with(word)
            && !(word.starts_with(is_latin)
                && char_before(before, before.len() - word.len()).is_some_and(is_latin))
            && !(duration && *word == "近")
            && !(*word == "近" && before.ends_with("最近"))
    });
    if let Some(&(word, q)) = found {
        // 不得超过 is at most, 不得低于 at least: a negation turns a strict bound around.
        let rest = &before[..before.len() - word.len()];
        let negated = ["不", "不得", "不能", "不应", "不宜", "未", "没有"]
            .iter()
            .any(|n| rest.ends_with(n));
        return Some(match (negated, q) {
            (true, Qualifier::Over) => Qualifier::AtMost,
            (true, Qualifier::Under) => Qualifier::AtLeast,
            _ => q,
        });
    }
    let after_trimmed = after.trim_start_matches([' ', '\u{a0}']);
    let found = AFTER.iter().find(|(word, _)| {
        after_trimmed.starts_with(word)
            && !(word.starts_with(is_latin) && after_trimmed[word.len()..].starts_with(is_latin))
    });
    if let Some(&(_, q)) = found {
        return Some(q);
    }
    // "100余家", "50多年": the reader kept 多/余 inside the figure, between number and unit.
    let inner = written.char_indices().skip(1).any(|(i, c)| {
        matches!(c, '余' | '多')
            && char_before(written, i)
                .is_some_and(|p| p.is_ascii_digit() || "十百千万亿".contains(p))
    });
    inner.then_some(Qualifier::Over)
}

/// The period a rate is given per: a unit code ("day", "year" …), unless it is the figure's
/// own unit (a duration of days is not "per day").
pub fn per(before: &str, after: &str, unit: &str) -> Option<&'static str> {
    let after_trimmed = after.trim_start_matches([' ', '\u{a0}']);
    let right = PER_AFTER.iter().find(|(word, _)| {
        let rest = after_trimmed.get(word.len()..).unwrap_or("");
        after_trimmed.starts_with(word)
            && !(word.starts_with(is_latin) && rest.starts_with(is_latin))
            // "a year ago", "a month earlier": a time, not a period.
            && !["ago", "earlier", "before", "later"]
                .iter()
                .any(|w| rest.trim_start().starts_with(w))
    });
    let left = || {
        PER_BEFORE
            .iter()
            .filter_map(|&(word, code)| {
                let at = before.rfind(word)?;
                let latin = word.starts_with(is_latin);
                let bounded = !latin
                    || (!char_before(before, at).is_some_and(is_latin)
                        && !before[at + word.len()..].starts_with(is_latin));
                bounded.then_some((at, code))
            })
            .max_by_key(|&(at, _)| at)
    };
    let code = match right {
        Some(&(_, code)) => code,
        None => left()?.1,
    };
    (code != unit && !(unit == "working_day" && code == "day")).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_before_and_after() {
        let q = |b: &str, w: &str, a: &str| qualifier(b, w, a, false);
        assert_eq!(
            q("累计实现进出口", "近500亿元", ""),
            None,
            "近 is inside no figure"
        );
        assert_eq!(
            q("累计实现进出口近", "500亿元", ""),
            Some(Qualifier::Nearly)
        );
        assert_eq!(
            q("with more than ", "1,000 enterprises", ""),
            Some(Qualifier::Over)
        );
        assert_eq!(q("moreover ", "1,000", ""), None);
        assert_eq!(q("a turnover ", "12", ""), None, "over inside a word");
        assert_eq!(q("", "3年", "以上工作经验"), Some(Qualifier::AtLeast));
        assert_eq!(q("", "5000万元", "以下的项目"), Some(Qualifier::AtMost));
        assert_eq!(q("", "20%", "左右"), Some(Qualifier::About));
        assert_eq!(q("", "100余家", "企业"), Some(Qualifier::Over));
        assert_eq!(
            q("", "500 enterprises", " or more"),
            Some(Qualifier::AtLeast)
        );
        assert_eq!(q("", "500", " ordinary"), None);
        assert_eq!(
            q("shortened to within ", "3 working days", ""),
            Some(Qualifier::AtMost)
        );
        assert_eq!(
            qualifier("近", "3年", "来", true),
            None,
            "近三年: the last three years"
        );
        assert_eq!(q("最近", "30天", ""), None);
        assert_eq!(q("期限不能超过", "48个月", ""), Some(Qualifier::AtMost));
        assert_eq!(q("比例不得低于", "80%", ""), Some(Qualifier::AtLeast));
    }

    #[test]
    fn periods() {
        assert_eq!(per("日均新设企业", "", "enterprise"), Some("day"));
        assert_eq!(per("", " per day", "train"), Some("day"));
        assert_eq!(per("", "/天", "yuan"), Some("day"));
        assert_eq!(per("年均增长", "", "%"), Some("year"));
        assert_eq!(
            per("the daily", "", "day"),
            None,
            "a duration in days is not per day"
        );
        assert_eq!(per("", " a year ago", "%"), None);
        assert_eq!(per("", " a year", "ton"), Some("year"));
        assert_eq!(per("", " ahead", "%"), None);
        assert_eq!(per("annualized", "", "%"), None);
    }
}
