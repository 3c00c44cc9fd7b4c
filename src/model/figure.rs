//! Figures: the quantitative statements of a document — their kind, direction, qualifier
//! and period — as the bundle holds them.

use super::Span;
use serde::{Deserialize, Serialize};

/// What a figure measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    Money,
    /// A share or level in percent ("accounting for 40%").
    Percent,
    /// A change, in percent or percentage points ("an increase of 41.5%").
    RateOfChange,
    Count,
    Duration,
    /// Other measured quantities: area, weight, containers, …
    Quantity,
}

impl FigureKind {
    pub const ALL: [FigureKind; 6] = [
        FigureKind::Money,
        FigureKind::Percent,
        FigureKind::RateOfChange,
        FigureKind::Count,
        FigureKind::Duration,
        FigureKind::Quantity,
    ];

    /// The kind's name in the bundle and in URLs.
    pub fn key(self) -> &'static str {
        match self {
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::RateOfChange => "rate_of_change",
            FigureKind::Count => "count",
            FigureKind::Duration => "duration",
            FigureKind::Quantity => "quantity",
        }
    }

    pub fn parse(key: &str) -> Option<FigureKind> {
        FigureKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

/// How a figure is bounded when it is not exact ("about", "more than", 以上 …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 约, 左右, "about", "around".
    About,
    /// 近, 接近, "nearly", "close to".
    Nearly,
    /// 超过, 逾, 余, "more than", "over".
    Over,
    /// 以上, 不少于, "at least", "or more".
    AtLeast,
    /// 不足, 不到, "less than", "under".
    Under,
    /// 以内, 以下, 不超过, "up to", "within".
    AtMost,
}

impl Qualifier {
    /// The qualifier's name in the bundle and in exports.
    pub fn key(self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::Over => "over",
            Qualifier::AtLeast => "at_least",
            Qualifier::Under => "under",
            Qualifier::AtMost => "at_most",
        }
    }
}

/// A quantitative statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Index of the item it occurs in (in `Document::items`).
    pub item: u32,
    /// The figure as written, e.g. "1.161 billion yuan" (a span of the document text).
    pub span: Span,
    /// The sentence it came from.
    pub sentence: Span,
    /// The value with its scale applied: "1.161 billion" → 1.161e9, "2.13亿" → 2.13e8. For a
    /// range ("5—10年", "1000万—5000万元"), its low end.
    pub value: f64,
    /// The high end of a range, with its scale applied ("1000万—5000万元" → 5e7); at least
    /// `value` (checked on load).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// Canonical unit code: "yuan", "usd", "%", "pp", "enterprise", "day", "train", "" …
    pub unit: String,
    /// The scale word as written, if any: "亿", "万", "billion", "million", "thousand".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    pub kind: FigureKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// The period a rate is given per, as a unit code: "day" for 日均 or "per day".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
}
