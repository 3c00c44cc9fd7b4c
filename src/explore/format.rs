//! Numbers as the views show them: digit groups, figure values and ranges. Pure, so that the
//! native tests and the browser build check the same code (values are `f64` and counts
//! `u64` all the way: a `usize` is 32 bits in wasm, and 660.76 billion yuan must not become
//! 4,294,967,295).
//!
//! Cost: one short string per number.

use crate::model::{FigureKind, Qualifier};

/// 1234567 → "1,234,567".
pub fn group_thousands(n: u64) -> String {
    group_digits(&n.to_string())
}

fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// 1.161e9 → "1,161,000,000"; 41.5 → "41.5". Whole numbers keep every digit at any size
/// (fixed-point formatting: the shortest-form float printer would cost the wasm kilobytes).
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.is_finite() {
        let digits = group_digits(&format!("{:.0}", v.abs()));
        if v < 0.0 {
            format!("-{digits}")
        } else {
            digits
        }
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A value, or a range's two ends: 5 → "5"; 5 to 10 → "5–10".
pub fn format_figure(value: f64, upper: Option<f64>) -> String {
    match upper {
        Some(upper) => format!("{}–{}", format_value(value), format_value(upper)),
        None => format_value(value),
    }
}

/// A number as a spreadsheet or a JSON reader reads it: no digit groups, every digit of a
/// whole number, up to six decimals otherwise.
pub fn plain_number(v: f64) -> String {
    if v.fract() == 0.0 {
        format_value(v).replace(',', "")
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Whether `c` is a private-use character: a glyph of the font a source document was typed
/// in (a numbering dot, a seal), drawn as an empty box by every other font.
pub fn is_private_use(c: char) -> bool {
    matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{ffffd}' | '\u{100000}'..='\u{10fffd}')
}

/// Text as it is shown: private-use characters are left out of the display (the bundle and
/// exports keep them, as the document has them).
pub fn shown_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(is_private_use) {
        text.chars()
            .filter(|&c| !is_private_use(c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// The interface-text key of a figure kind's name.
pub fn figure_kind_key(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Money => "figure_money",
        FigureKind::Percent => "figure_percent",
        FigureKind::RateOfChange => "figure_rate_of_change",
        FigureKind::Count => "figure_count",
        FigureKind::Duration => "figure_duration",
        FigureKind::Quantity => "figure_quantity",
    }
}

/// The interface-text key of a qualifier's word ("about", 约 …).
pub fn qualifier_key(q: Qualifier) -> &'static str {
    match q {
        Qualifier::About => "q_about",
        Qualifier::Nearly => "q_nearly",
        Qualifier::Over => "q_over",
        Qualifier::AtLeast => "q_at_least",
        Qualifier::Under => "q_under",
        Qualifier::AtMost => "q_at_most",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_use_glyphs_are_not_shown() {
        // Measure 41 of the Hubei notice is numbered "41" and a private-use dot.
        assert_eq!(shown_text("41\u{e010}加快建设"), "41加快建设");
        assert!(matches!(shown_text("plain"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn values_past_32_bits_keep_every_digit() {
        assert_eq!(format_value(660_760_000_000.0), "660,760,000,000");
        assert_eq!(format_value(4_294_967_296.0), "4,294,967,296");
        assert_eq!(format_value(-57_710_000_000.0), "-57,710,000,000");
        assert_eq!(format_value(41.5), "41.5");
        assert_eq!(format_value(0.25), "0.25");
        assert_eq!(format_figure(5.0, Some(10.0)), "5–10");
        assert_eq!(group_thousands(u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(format_value(1e20), "100,000,000,000,000,000,000");
    }
}
