//! Figures: the quantitative statements in a text ("1.161 billion yuan", "41.5%",
//! "2.13亿元", "879 trains", "from 11 working days to half a day"), found without I/O and
//! without any dependency beyond std, in English and Chinese.
//!
//! [`extract`] scans the text once, left to right. At every place where a number can start
//! it reads
//!
//! 1. the number ([`numbers`]): ASCII or full-width digits with thousands separators
//!    ("31,559") and a decimal point, Chinese numerals (三十五, 一百零五, 两) or
//!    "half a"/"half an" (0.5);
//! 2. an optional scale ([`units`]): 万, 亿, 万亿, 千万, 百万, thousand, million, billion,
//!    trillion, applied to the value (2.13亿 → 2.13e8);
//! 3. an optional unit (longest match in the [`units`] table, "working days" before
//!    "days"; 米, 毫米, 公斤, 岁, 起, 所, 台 … in Chinese), possibly after 多/余 ("50多年"),
//!    or a currency sign before the number ("US$", "RMB", "¥");
//! 4. a range: a range mark (- – — ― ～ 至 到) and a second number of the same form make
//!    one figure ("5—10年", "10%—15%", "1000万—5000万元", "三到五年", "5-7 days") whose
//!    `value` is the low end and `upper` the high end, each with its scale (the low end
//!    takes the high end's scale and unit when it has none); a range with an end that is
//!    not a figure (a year, a date, a phone number) is skipped whole;
//! 5. whether the number is not a figure at all ([`exclude`]): years and dates
//!    ("2021年1月21日", "二○○四年", "2022-06-01", "September 2", "in 2021"), times
//!    ("10:20:00"), document and registration numbers ("国办发〔2022〕35号", "No. 16", ICP
//!    numbers), phone numbers, zip codes and other digit runs of six or more without a
//!    unit, list numbering at the start of a line or after a colon ("1.", "41加快", "(1)",
//!    "注：1、"), labels ("Case 3:", "No. 3855", 附件1, 图1, "GB 50180"), ordinals (第三批,
//!    "3rd", 十届四次会议), numbers glued to letters or joined into names ("5G", "IPv6",
//!    "1+X", “12·21”, “三项制度”), factors of a formula ("×100%") and 二次 ("secondary").
//!    A Chinese numeral only counts when a unit follows (三十五项), and a lone 一 never
//!    does, so 统一, 一流, 一批 and 一、 stay words. English number words ("five") are not
//!    read;
//! 6. the kind, from the unit: money, percent, duration, quantity or count (also for a bare
//!    number such as "reached 31,559", whose unit is ""). A percentage, or a number of
//!    percentage points, becomes a rate of change when its clause has a direction word or
//!    a comparison ("year-on-year", 同比); percentage points always are one;
//! 7. the direction ([`cues`]): the nearest up word (increase, grew, rose, 增长, 提高, 增加,
//!    上升, 扩大 …) or down word (decrease, fell, reduced, cut, shortened, saving, 下降,
//!    减少, 缩短, 压缩, 降低, 节省 …) before the figure in the same clause (clauses end
//!    at commas and semicolons). It applies to every kind, so in "reduced from 11
//!    working days to half a day" both figures go down, and in "saving 213 million yuan"
//!    the money goes down too (a saving is money not spent);
//! 8. the qualifier and period ([`qualifiers`]): "about", "more than", 以上, 左右, 近 …
//!    next to the figure, and "per day", 日均, 每年, "/天" in its clause.
//!
//! Figures come out in text order and never overlap; every span is a byte range into the
//! text, and every sentence (split at . ? ! 。？！；; and newlines, a '.' between digits
//! excepted, and widened when a unit such as "U.S. dollars" holds a period) contains its
//! figure. No input makes it panic, and values are always finite.
//!
//! Cost: O(n · U) time for a text of n bytes, where U is the (fixed, ~160-entry) unit table
//! consulted at each number; cue look-around is capped at a few hundred bytes per figure
//! and sentences are found by binary search, so extraction is linear in practice. Memory
//! is the output plus one vector of sentence bounds.

mod cues;
mod exclude;
mod numbers;
mod qualifiers;
mod text;
mod units;

#[cfg(test)]
mod tests;

use crate::model::{Direction, FigureKind, Qualifier};
use exclude::{Bound, Reading};
use numbers::{Form, Num};
use units::{Class, Hit};

/// A figure found in a piece of text; all spans are byte ranges into that text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The figure as written, e.g. "1.161 billion yuan", "41.5%", "2.13亿元", "879 trains".
    pub span: (usize, usize),
    /// The sentence containing it.
    pub sentence: (usize, usize),
    /// The value with its scale applied: 1.161 billion → 1.161e9; 2.13亿 → 2.13e8. For a
    /// range ("5—10年"), its low end.
    pub value: f64,
    /// The high end of a range, with its scale applied: "1000万—5000万元" → 5e7.
    pub upper: Option<f64>,
    /// Canonical unit code ("yuan", "usd", "%", "pp", "enterprise", "day", …) or "".
    pub unit: String,
    /// The scale word as written: "亿", "万", "billion", …
    pub scale: Option<String>,
    pub kind: FigureKind,
    pub direction: Option<Direction>,
    /// "about", "more than", 以上 … ([`qualifiers`]).
    pub qualifier: Option<Qualifier>,
    /// The period a rate is given per, as a unit code ("day" for 日均, "per day").
    pub per: Option<&'static str>,
}

/// All figures in `text`, in text order, non-overlapping.
pub fn extract(text: &str) -> Vec<Found> {
    let bounds = cues::sentence_bounds(text);
    let mut found: Vec<Found> = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let last_end = found.last().map_or(0, |f| f.span.1);
        match read_at(text, pos, last_end) {
            Step::Figure(reading) => {
                pos = reading.span.1.max(pos + 1);
                found.push(finish(text, &bounds, reading));
            }
            Step::Skip(end) => pos = end.max(pos + 1),
            Step::Nothing => pos += text::char_at(text, pos).map_or(1, char::len_utf8),
        }
        pos = text::ceil_boundary(text, pos);
    }
    found
}

/// A figure before its sentence and cues are known.
struct Raw {
    span: (usize, usize),
    value: f64,
    upper: Option<f64>,
    unit: &'static str,
    scale: Option<(usize, usize)>,
}

enum Step {
    Figure(Raw),
    /// A number that is not a figure: continue after it.
    Skip(usize),
    Nothing,
}

/// One number as written with its scale and unit, if any.
struct Part {
    num: Num,
    scale: Option<Hit>,
    unit: Option<Hit>,
}

impl Part {
    fn end(&self) -> usize {
        self.unit.or(self.scale).map_or(self.num.end, |h| h.end)
    }
}

/// 多 / 余 between a number and its scale or unit: "50多年", "1000余万元", "20余项".
fn after_approximation(text: &str, pos: usize) -> Option<usize> {
    text::char_at(text, pos)
        .filter(|c| matches!(c, '多' | '余'))
        .map(|c| pos + c.len_utf8())
}

/// The number starting at `pos` with its scale and unit.
fn part_at(text: &str, pos: usize) -> Option<Part> {
    let num = numbers::scan(text, pos)?;
    if num.form == Form::Half {
        let unit = units::unit_at(text, num.end);
        return Some(Part {
            num,
            scale: None,
            unit,
        });
    }
    let approx = after_approximation(text, num.end);
    let scale =
        units::scale_at(text, num.end).or_else(|| approx.and_then(|at| units::scale_at(text, at)));
    let after = scale.map_or(num.end, |s| s.end);
    let unit = units::unit_at(text, after).or_else(|| {
        let at =
            after_approximation(text, after).filter(|_| scale.is_some() || approx.is_some())?;
        units::unit_at(text, at).filter(|u| !u.code.is_empty())
    });
    Some(Part { num, scale, unit })
}

/// Marks between the two ends of a range: "5-10", "5—10年", "3～5", "3至5年", "三到五年".
const RANGE_MARKS: &str = "-–—―－~～〜至到";

/// The high end of a range whose low end is `low`, if a number of the same form follows
/// a range mark directly.
fn range_high(text: &str, low: &Part) -> Option<Part> {
    if low.num.form == Form::Half || low.num.lone_one {
        return None;
    }
    let mark = text::char_at(text, low.end()).filter(|c| RANGE_MARKS.contains(*c))?;
    let high = part_at(text, low.end() + mark.len_utf8())?;
    (high.num.form == low.num.form).then_some(high)
}

/// Reads the number starting at `pos` with its scale and unit, if it is a figure; with the
/// high end when it starts a range.
fn read_at(text: &str, pos: usize, last_end: usize) -> Step {
    let before = text::char_before(text, pos);
    let Some(low) =
        part_at(text, pos).filter(|p| before.is_none_or(|c| !numbers::continues(p.num.form, c)))
    else {
        return Step::Nothing;
    };
    let prefix = units::prefix_before(text, low.num.start).filter(|p| p.start >= last_end);
    if let Some(high) = range_high(text, &low) {
        if let Some(step) = read_range(text, &low, &high, prefix) {
            return step;
        }
    }
    let code = low.unit.or(prefix).map(|u| u.code);
    let reading = Reading {
        num: &low.num,
        unit: code,
        has_scale: low.scale.is_some(),
        bound: Bound::Single,
    };
    if exclude::excluded(text, &reading) {
        return Step::Skip(low.num.end);
    }
    match build(&low, None, prefix) {
        Some(raw) => Step::Figure(raw),
        None => Step::Skip(low.num.end),
    }
}

/// A range "5—10年", "10%—15%", "1000万—5000万元", "三到五年": one figure whose value is
/// the low end and whose upper bound is the high end, both with their scale applied (the
/// low end takes the high end's scale and unit when it has none of its own). `None` when
/// the two ends do not make a range (different units, or not increasing): the low end is
/// then read alone. A range with an end that is not a figure (a year, a date, a code) is
/// skipped whole.
fn read_range(text: &str, low: &Part, high: &Part, prefix: Option<Hit>) -> Option<Step> {
    let unit = high.unit;
    if low
        .unit
        .is_some_and(|l| unit.is_none_or(|h| h.code != l.code))
    {
        return None;
    }
    let code = unit.or(prefix).map(|u| u.code);
    // A unit or scale makes "480-560米" a range rather than a code like "0431-8567".
    let joined = unit.is_some() || high.scale.is_some();
    let low_reading = Reading {
        num: &low.num,
        unit: code,
        has_scale: low.scale.or(high.scale).is_some(),
        bound: if joined { Bound::Low } else { Bound::Single },
    };
    let high_reading = Reading {
        num: &high.num,
        unit: code,
        has_scale: high.scale.is_some(),
        bound: if joined { Bound::High } else { Bound::Single },
    };
    if exclude::excluded(text, &low_reading) || exclude::excluded(text, &high_reading) {
        return Some(Step::Skip(high.num.end));
    }
    let raw = build(high, Some(low), prefix)?;
    (raw.upper.is_some_and(|u| u > raw.value)).then_some(Step::Figure(raw))
}

/// Puts the pieces together; `None` when a value would not be finite. With `low`, `part`
/// is the high end of a range starting at `low`.
fn build(part: &Part, low: Option<&Part>, prefix: Option<Hit>) -> Option<Raw> {
    let factor = |p: &Part, other: Option<&Part>| {
        p.scale
            .or(other.and_then(|o| o.scale))
            .map_or(1.0, |s| s.factor)
    };
    let (value, upper) = match low {
        Some(low) => (
            low.num.value * factor(low, Some(part)),
            Some(part.num.value * factor(part, Some(low))),
        ),
        None => (part.num.value * factor(part, None), None),
    };
    if !value.is_finite() || upper.is_some_and(|u| !u.is_finite()) {
        return None;
    }
    let named = part.unit.filter(|u| !u.code.is_empty());
    let first = low.unwrap_or(part);
    let start = prefix.map_or(first.num.start, |p| p.start);
    let scale = part.scale.or(low.and_then(|l| l.scale));
    Some(Raw {
        span: (start, part.end()),
        value,
        upper,
        unit: named.or(prefix).map_or("", |u| u.code),
        scale: scale.map(|s| (s.start, s.end)),
    })
}

/// Adds the sentence, kind and direction.
fn finish(text: &str, bounds: &[(usize, usize)], raw: Raw) -> Found {
    let sentence = cues::sentence_of(text, bounds, raw.span);
    let cues = cues::cues(text, sentence, raw.span);
    let before = cues::clause_before(text, sentence.0, raw.span.0);
    let after = cues::clause_after(text, raw.span.1, sentence.1);
    let written = text.get(raw.span.0..raw.span.1).unwrap_or("");
    let kind = match units::class_of(raw.unit) {
        Class::Money => FigureKind::Money,
        Class::Percent if raw.unit == "pp" || cues.change => FigureKind::RateOfChange,
        Class::Percent => FigureKind::Percent,
        Class::Duration => FigureKind::Duration,
        Class::Quantity => FigureKind::Quantity,
        Class::Count => FigureKind::Count,
    };
    Found {
        span: raw.span,
        sentence,
        value: raw.value,
        upper: raw.upper,
        unit: raw.unit.to_string(),
        scale: raw
            .scale
            .and_then(|(s, e)| text.get(s..e))
            .map(str::to_string),
        qualifier: qualifiers::qualifier(&before, written, &after, kind == FigureKind::Duration),
        per: qualifiers::per(&before, &after, raw.unit),
        kind,
        direction: cues.direction,
    }
}
