//! Export of what a view shows, generated in the browser: the result list
//! ([`items`]) or the figures table ([`figures`]), as CSV (UTF-8 with a byte-order mark, so
//! that spreadsheet apps open Chinese correctly; RFC 4180 quoting) or JSON.
//!
//! - Entity names are given in the chosen UI language. In the Chinese interface the CSV's
//!   header and its coded values (kinds, languages, date sources, qualifiers) are Chinese too
//!   (a spreadsheet is read by people), while JSON keeps its keys and values stable for
//!   programs.
//! - Lists (regions, topics, units) are arrays in JSON and "A; B" in CSV; numbers are JSON
//!   numbers; links are absolute, made from the explorer's own address, so a row still
//!   opens its item once the file has left the browser.
//! - [`file_name`] names a file by its view, query and day, so two exports do not overwrite
//!   each other.
//!
//! Cost: linear in the rows and their text.

mod figures;
mod items;

use super::facets::Catalog;
use super::FigureRef;
use crate::model::Bundle;
use crate::search::Index;

/// What an export reads from.
pub struct Context<'a> {
    pub bundle: &'a Bundle,
    pub index: &'a Index,
    pub catalog: &'a Catalog,
    /// The Chinese interface.
    pub zh: bool,
    /// The explorer's address without its query ("https://example.org/ftz/"); a row's link
    /// is this with the row's query appended. Empty gives relative links.
    pub base: &'a str,
}

impl Context<'_> {
    /// The absolute link to one item of a document, by its number where it has one.
    fn link(&self, doc: &str, item: u32) -> String {
        let mut state = super::state::State {
            doc: Some(doc.to_string()),
            item: Some(item),
            ..Default::default()
        };
        state.resolve_item(self.bundle);
        format!("{}{}", self.base, state.to_query())
    }
}

/// The rows of an export: the items of the result list, or the figures of the table.
#[derive(Clone, Copy)]
pub enum Rows<'a> {
    Items(&'a [u32]),
    Figures(&'a [FigureRef]),
}

/// One exported value.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Text(String),
    /// A value from a fixed set, with its Chinese for the Chinese CSV.
    Coded(&'static str, &'static str),
    List(Vec<String>),
    Number(Option<f64>),
}

impl Cell {
    fn csv(&self, zh: bool) -> String {
        match self {
            Cell::Text(s) => csv_field(s),
            Cell::Coded(key, chinese) => csv_field(if zh { chinese } else { key }),
            Cell::List(list) => csv_field(&list.join("; ")),
            Cell::Number(n) => n.map(super::format::plain_number).unwrap_or_default(),
        }
    }

    /// The cell as JSON text. Written by hand rather than through `serde_json::Value`: a
    /// float there goes through serde_json's float printer, kilobytes of wasm for a column.
    fn json(&self, out: &mut String) {
        let string = |out: &mut String, s: &str| {
            out.push_str(&serde_json::to_string(s).expect("a string always serialises"));
        };
        match self {
            Cell::Text(s) => string(out, s),
            Cell::Coded(key, _) => string(out, key),
            Cell::List(list) => {
                out.push('[');
                for (i, s) in list.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    string(out, s);
                }
                out.push(']');
            }
            Cell::Number(Some(n)) if n.is_finite() => {
                out.push_str(&super::format::plain_number(*n))
            }
            Cell::Number(_) => out.push_str("null"),
        }
    }
}

/// A column: its JSON key and English header, and its Chinese header.
type Column = (&'static str, &'static str);

fn table(cx: &Context, rows: Rows) -> (&'static [Column], Vec<Vec<Cell>>) {
    match rows {
        Rows::Items(ids) => (
            &items::COLUMNS,
            ids.iter().map(|&id| items::row(cx, id).to_vec()).collect(),
        ),
        Rows::Figures(refs) => (
            &figures::COLUMNS,
            refs.iter().map(|r| figures::row(cx, r).to_vec()).collect(),
        ),
    }
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// CSV of the rows, with a BOM and a header line; CRLF line ends as RFC 4180 asks.
pub fn csv(cx: &Context, rows: Rows) -> String {
    let (columns, rows) = table(cx, rows);
    let mut out = String::from("\u{feff}");
    let header: Vec<&str> = columns
        .iter()
        .map(|&(en, zh)| if cx.zh { zh } else { en })
        .collect();
    out += &header.join(",");
    out += "\r\n";
    for row in rows {
        let fields: Vec<String> = row.iter().map(|c| c.csv(cx.zh)).collect();
        out += &fields.join(",");
        out += "\r\n";
    }
    out
}

/// A JSON array of objects keyed by the English column names, one object per line.
pub fn json(cx: &Context, rows: Rows) -> String {
    let (columns, rows) = table(cx, rows);
    let mut out = String::from("[");
    for (i, row) in rows.iter().enumerate() {
        out.push_str(if i == 0 { "\n  {" } else { ",\n  {" });
        for (k, (&(key, _), cell)) in columns.iter().zip(row).enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            out.push('"');
            out.push_str(key);
            out.push_str("\": ");
            cell.json(&mut out);
        }
        out.push('}');
    }
    out.push_str("\n]\n");
    out
}

/// `ftz-figures-customs-2026-12-01.csv`: the view, the query's words (ASCII letters and
/// digits, lowercased, and CJK characters, at most 40 chars; others become '-'), the day
/// (`YYYY-MM-DD`). ASCII and CJK ranges only: Unicode's case and class tables would cost
/// the wasm kilobytes for a file name.
pub fn file_name(view: &str, query: &str, day: &str, ext: &str) -> String {
    let mut words = String::new();
    for c in query.trim().chars() {
        if c.is_ascii_alphanumeric() || ('\u{3400}'..='\u{9fff}').contains(&c) {
            words.push(c.to_ascii_lowercase());
        } else if !words.ends_with('-') && !words.is_empty() {
            words.push('-');
        }
        if words.chars().count() >= 40 {
            break;
        }
    }
    let words = words.trim_end_matches('-');
    let mut name = format!("ftz-{view}");
    for part in [words, day] {
        if !part.is_empty() {
            name.push('-');
            name.push_str(part);
        }
    }
    format!("{name}.{ext}")
}

/// Splits CSV text into records of fields (for tests and for reading exports back).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_view_query_and_day() {
        let day = "2026-12-01";
        assert_eq!(
            file_name("results", "", day, "csv"),
            "ftz-results-2026-12-01.csv"
        );
        assert_eq!(
            file_name("figures", " Customs \"negative list\" -上海", day, "json"),
            "ftz-figures-customs-negative-list-上海-2026-12-01.json"
        );
        assert_eq!(
            file_name("results", "../../etc", "", "csv"),
            "ftz-results-etc.csv"
        );
    }
}
