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
//!    "days"), or a currency sign before the number ("US$", "RMB", "¥"). The low end of a
//!    range ("5-7 days", "1至2亿元") takes the unit and scale factor of the high end, but
//!    its span is the number alone and its `scale` stays `None` (nothing is written there);
//! 4. whether the number is not a figure at all ([`exclude`]): years and dates
//!    ("2021年1月21日", "2022-06-01", "September 2", "in 2021"), times ("10:20:00"),
//!    document and registration numbers ("国办发〔2022〕35号", "No. 16", ICP numbers),
//!    phone numbers, zip codes and other digit runs of six or more without a unit, list
//!    numbering at the start of a line ("1.", "41加快", "(1)"), labels ("Case 3:",
//!    "No. 3855"), ordinals (第三批, "3rd") and numbers glued to letters ("5G", "IPv6").
//!    A Chinese numeral only counts when a unit follows (三十五项), and a lone 一 never
//!    does, so 统一, 一流, 一批 and 一、 stay words. English number words ("five") are not
//!    read;
//! 5. the kind, from the unit: money, percent, duration, quantity or count (also for a bare
//!    number such as "reached 31,559", whose unit is ""). A percentage, or a number of
//!    percentage points, becomes a rate of change when its clause has a direction word or
//!    a comparison ("year-on-year", 同比); percentage points always are one;
//! 6. the direction ([`cues`]): the nearest up word (increase, grew, rose, 增长, 提高, 增加,
//!    上升, 扩大 …) or down word (decrease, fell, reduced, cut, shortened, saving, 下降,
//!    减少, 缩短, 压缩, 降低, 节省 …) before the figure in the same clause (clauses end
//!    at commas and semicolons). It applies to every kind, so in "reduced from 11
//!    working days to half a day" both figures go down, and in "saving 213 million yuan"
//!    the money goes down too (a saving is money not spent).
//!
//! Figures come out in text order and never overlap; every span is a byte range into the
//! text, and every sentence (split at . ? ! 。？！；; and newlines, a '.' between digits
//! excepted, and widened when a unit such as "U.S. dollars" holds a period) contains its
//! figure. No input makes it panic, and values are always finite.
//!
//! Cost: O(n · U) time for a text of n bytes, where U is the (fixed, ~130-entry) unit table
//! consulted at each number; cue look-around is capped at a few hundred bytes per figure
//! and sentences are found by binary search, so extraction is linear in practice. Memory
//! is the output plus one vector of sentence bounds.

mod cues;
mod exclude;
mod numbers;
mod text;
mod units;

#[cfg(test)]
mod tests;

use crate::model::{Direction, FigureKind};
use exclude::Reading;
use numbers::{Form, Num};
use units::{Class, Hit};

/// A figure found in a piece of text; all spans are byte ranges into that text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The figure as written, e.g. "1.161 billion yuan", "41.5%", "2.13亿元", "879 trains".
    pub span: (usize, usize),
    /// The sentence containing it.
    pub sentence: (usize, usize),
    /// The value with its scale applied: 1.161 billion → 1.161e9; 2.13亿 → 2.13e8.
    pub value: f64,
    /// Canonical unit code ("yuan", "usd", "%", "pp", "enterprise", "day", …) or "".
    pub unit: String,
    /// The scale word as written: "亿", "万", "billion", …
    pub scale: Option<String>,
    pub kind: FigureKind,
    pub direction: Option<Direction>,
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
    unit: &'static str,
    scale: Option<(usize, usize)>,
}

enum Step {
    Figure(Raw),
    /// A number that is not a figure: continue after it.
    Skip(usize),
    Nothing,
}

/// Reads the number starting at `pos` with its scale and unit, if it is a figure.
fn read_at(text: &str, pos: usize, last_end: usize) -> Step {
    let starts_run = text::char_before(text, pos)
        .and_then(numbers::digit)
        .is_none();
    let Some(num) = numbers::scan(text, pos).filter(|_| starts_run) else {
        return Step::Nothing;
    };
    let scale = match num.form {
        Form::Half => None,
        _ => units::scale_at(text, num.end),
    };
    let mut unit = units::unit_at(text, scale.map_or(num.end, |s| s.end));
    let mut factor = scale.map(|s| s.factor);
    if num.form == Form::Digits && scale.is_none() && unit.is_none() {
        if let Some((range_scale, range_unit)) = range_end(text, num.end) {
            (unit, factor) = (
                range_unit.map(|u| Hit {
                    start: num.end,
                    end: num.end,
                    ..u
                }),
                range_scale,
            );
        }
    }
    let prefix = units::prefix_before(text, num.start).filter(|p| p.start >= last_end);
    let code = unit.or(prefix).map(|u| u.code);
    let reading = Reading {
        num: &num,
        unit: code,
        has_scale: scale.is_some(),
    };
    if exclude::excluded(text, &reading) {
        return Step::Skip(num.end);
    }
    match build(&num, scale, factor, unit, prefix) {
        Some(raw) => Step::Figure(raw),
        None => Step::Skip(num.end),
    }
}

/// For the low end of a range ("5-7 days", "1至2亿元"): the scale factor and unit of the
/// high end, which the low end shares. Its span stays the number alone.
fn range_end(text: &str, end: usize) -> Option<(Option<f64>, Option<Hit>)> {
    let dash = text::char_at(text, end).filter(|c| "-–~～至到".contains(*c))?;
    let high = numbers::scan(text, end + dash.len_utf8()).filter(|n| n.form == Form::Digits)?;
    let scale = units::scale_at(text, high.end);
    let unit = units::unit_at(text, scale.map_or(high.end, |s| s.end));
    (scale.is_some() || unit.is_some()).then_some((scale.map(|s| s.factor), unit))
}

/// Puts the pieces together; `None` when the value would not be finite.
fn build(
    num: &Num,
    scale: Option<Hit>,
    factor: Option<f64>,
    unit: Option<Hit>,
    prefix: Option<Hit>,
) -> Option<Raw> {
    let value = num.value * factor.unwrap_or(1.0);
    if !value.is_finite() {
        return None;
    }
    let named = unit.filter(|u| !u.code.is_empty());
    let start = prefix.map_or(num.start, |p| p.start);
    let end = unit.or(scale).map_or(num.end, |h| h.end);
    Some(Raw {
        span: (start, end),
        value,
        unit: named.or(prefix).map_or("", |u| u.code),
        scale: scale.map(|s| (s.start, s.end)),
    })
}

/// Adds the sentence, kind and direction.
fn finish(text: &str, bounds: &[(usize, usize)], raw: Raw) -> Found {
    let sentence = cues::sentence_of(text, bounds, raw.span);
    let cues = cues::cues(text, sentence, raw.span);
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
        unit: raw.unit.to_string(),
        scale: raw
            .scale
            .and_then(|(s, e)| text.get(s..e))
            .map(str::to_string),
        kind,
        direction: cues.direction,
    }
}
