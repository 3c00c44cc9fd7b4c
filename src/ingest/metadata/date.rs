//! The document's date from its meta lines and text: a stated or signed date line, a
//! dateline ("新华社北京6月1日电") with the year found elsewhere, the year of its own number,
//! or, last, a year inferred from an anniversary or an FTZ's founding
//! (`ftz_established.tsv`) — each with its precision and provenance.
//!
//! Cost: one pass over the meta lines, then over the first paragraph at most.

use super::*;
use crate::ingest::dates::{find_dates, FoundDate};
use crate::model::{DatePrecision, DateSource, DocDate};

fn date_value(d: &FoundDate) -> Option<(String, DatePrecision)> {
    let y = d.year?;
    Some(match (d.month, d.day) {
        (Some(m), Some(day)) => (format!("{y:04}-{m:02}-{day:02}"), DatePrecision::Day),
        (Some(m), None) => (format!("{y:04}-{m:02}"), DatePrecision::Month),
        _ => (format!("{y:04}"), DatePrecision::Year),
    })
}

/// The document date, from its items (see the module doc for the rules), and the
/// publication date when the text states one apart from the date it was signed: a notice
/// posted with "日期:2021-02-08" under its title and signed "2021年1月21日" below its body
/// is dated by its signature (as gov.cn's 成文日期), published on the 8th.
pub fn document_date(
    text: &str,
    items: &[Item],
    own_numbers: &[DocNumber],
) -> (DocDate, Option<DocDate>) {
    let (stated, signed, later) = meta_dates(text, items);
    match (stated, signed.or(later)) {
        (Some(stated), Some(signed))
            if signed.source == DateSource::Signed && stated.value != signed.value =>
        {
            (signed, Some(stated))
        }
        (Some(date), _) | (None, Some(date)) => (date, None),
        (None, None) => (
            Some(infer_from_lead(text, items))
                .filter(|d| d.value.is_some())
                .or_else(|| dateline(text, items, own_numbers))
                .or_else(|| number_year(own_numbers))
                .unwrap_or_else(|| infer_from_lead(text, items)),
            None,
        ),
    }
}

/// From the meta lines: the first date stated above the body (or on the first meta line),
/// the first date standing alone on a later one (a signature's date), and the first other
/// date of a later one.
fn meta_dates(text: &str, items: &[Item]) -> (Option<DocDate>, Option<DocDate>, Option<DocDate>) {
    let body_start = items
        .iter()
        .position(|i| i.kind.is_content())
        .unwrap_or(items.len());
    let meta = items.iter().filter(|i| i.kind == ItemKind::Meta);
    let (mut stated, mut signed, mut later) = (None, None, None);
    for (k, item) in meta.enumerate() {
        let line = &text[item.span.start()..item.span.end()];
        for d in find_dates(line) {
            let Some((value, precision)) = date_value(&d) else {
                continue;
            };
            let only_date = line.trim().len() == d.span.1 - d.span.0;
            let before_body = items
                .iter()
                .position(|i| i == item)
                .is_some_and(|p| p < body_start);
            let date = DocDate {
                value: Some(value),
                precision,
                source: if only_date && k > 0 {
                    DateSource::Signed
                } else {
                    DateSource::Stated
                },
                evidence: Some(shift(d.span, item.span.start())),
                note: None,
            };
            match date.source {
                DateSource::Stated if before_body || k == 0 => {
                    stated = stated.or(Some(date));
                }
                DateSource::Signed => signed = signed.or(Some(date)),
                _ => later = later.or(Some(date)),
            }
        }
    }
    (stated, signed, later)
}

/// "新华社北京6月1日电" / "本报讯 6月1日": a month and day at the head of the text, the year
/// taken from the document's own number or, failing that, the latest full date in the text.
fn dateline(text: &str, items: &[Item], own_numbers: &[DocNumber]) -> Option<DocDate> {
    let lead = items.iter().filter(|i| i.kind.is_content()).take(2);
    for item in lead {
        let para = &text[item.span.start()..item.span.end()];
        let Some(at) = para.find("日电").or_else(|| para.find("日讯")) else {
            continue;
        };
        // Walk back over "6月1" to its start.
        let head = &para[..at];
        let month_at = head.rfind('月')?;
        let day: u32 = head[month_at + '月'.len_utf8()..].parse().ok()?;
        let digits = head[..month_at]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count();
        let start = month_at - digits;
        let month: u32 = head[start..month_at].parse().ok()?;
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let (year, why) = match own_numbers.first().and_then(number_year_of) {
            Some(y) => (y, format!("the year of its number {}", own_numbers[0].text)),
            None => {
                let latest = find_dates(text)
                    .into_iter()
                    .filter(|d| d.month.is_some())
                    .filter_map(|d| d.year)
                    .max()?;
                (latest, "the latest full date in the text".to_string())
            }
        };
        let end = at + "日".len();
        return Some(DocDate {
            value: Some(format!("{year:04}-{month:02}-{day:02}")),
            precision: DatePrecision::Day,
            source: DateSource::Inferred,
            evidence: Some(shift((start, end), item.span.start())),
            note: Some(format!(
                "the dateline \"{}\" has no year; year from {why}",
                &para[start..end]
            )),
        });
    }
    None
}

fn number_year_of(number: &DocNumber) -> Option<i32> {
    let digits: String = number
        .text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .ok()
        .filter(|y| (1949..=2100).contains(y) && digits.len() == 4)
}

/// Nothing else dates the text: the year of its own number (国办发〔2022〕35号 → 2022).
fn number_year(own_numbers: &[DocNumber]) -> Option<DocDate> {
    let number = own_numbers.first()?;
    let year = number_year_of(number)?;
    Some(DocDate {
        value: Some(format!("{year:04}")),
        precision: DatePrecision::Year,
        source: DateSource::Inferred,
        evidence: Some(number.span),
        note: Some(format!("year of its document number {}", number.text)),
    })
}

fn infer_from_lead(text: &str, items: &[Item]) -> DocDate {
    let lead: Vec<&Item> = items
        .iter()
        .filter(|i| i.kind.is_content())
        .take(3)
        .collect();
    for item in &lead {
        let para = &text[item.span.start()..item.span.end()];
        for d in find_dates(para) {
            if let Some((value, precision)) = date_value(&d) {
                if precision == DatePrecision::Day {
                    return DocDate {
                        value: Some(value),
                        precision,
                        source: DateSource::Stated,
                        evidence: Some(shift(d.span, item.span.start())),
                        note: None,
                    };
                }
                continue;
            }
            let (Some(month), Some(day)) = (d.month, d.day) else {
                continue;
            };
            let evidence = Some(shift(d.span, item.span.start()));
            // The lead: everything up to the end of the third content item, title included.
            let lead_text = &text[..lead.last().map_or(0, |i| i.span.end())];
            return match anniversary_year(lead_text) {
                Some((year, why)) => DocDate {
                    value: Some(format!("{year:04}-{month:02}-{day:02}")),
                    precision: DatePrecision::Day,
                    source: DateSource::Inferred,
                    evidence,
                    note: Some(why),
                },
                None => DocDate {
                    note: Some(format!(
                        "{} is stated without a year",
                        &para[d.span.0..d.span.1]
                    )),
                    evidence,
                    ..DocDate::unknown()
                },
            };
        }
    }
    DocDate::unknown()
}

const ANNIVERSARY: &[(&str, i32)] = &[
    ("for one year", 1),
    ("for two years", 2),
    ("for three years", 3),
    ("for five years", 5),
    ("first anniversary", 1),
    ("成立一周年", 1),
    ("挂牌一周年", 1),
    ("运行一年", 1),
    ("两周年", 2),
    ("三周年", 3),
    ("五周年", 5),
];

/// "six pilot free trade zones in Shandong, … have been in operation for one year": the
/// newest zone named in that sentence plus the years.
pub(super) fn anniversary_year(lead: &str) -> Option<(i32, String)> {
    let (phrase, years) = ANNIVERSARY.iter().find(|(p, _)| lead.contains(p))?;
    let at = lead.find(phrase)?;
    let sentence_start = lead[..at].rfind(['\n', '。']).map_or(0, |i| i + 1);
    let sentence = &lead[sentence_start..at];
    let (date, name) = established()
        .filter(|(_, names)| names.iter().any(|n| sentence.contains(n)))
        .map(|(date, names)| (date, names[0]))
        .max_by_key(|(date, _)| *date)?;
    let year: i32 = date.get(..4)?.parse().ok()?;
    Some((
        year + years,
        format!(
            "year inferred: {name} was unveiled in {}, and the text says \"{phrase}\"",
            &date[..7]
        ),
    ))
}

fn established() -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    include_str!("../ftz_established.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(date, names)| (date, names.split('|').collect()))
}
