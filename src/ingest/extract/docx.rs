//! Word files (`.docx`, Office Open XML) → one line per paragraph and per table row, and the
//! file's core properties.
//!
//! - **Paragraphs** (`w:p`): the text of their runs (`w:t`), a line break (`w:br`) ends a
//!   line, a tab is a space. Deleted text (`w:del`) and field codes (`w:instrText`) are left
//!   out.
//! - **Automatic numbering** (`w:numPr`, on the paragraph or its style): Word lists often
//!   carry 一、/（一）/1. only as numbering. Each paragraph gets the number it displays, built
//!   from `numbering.xml` (the level's `w:lvlText` such as "（%1）" and `w:numFmt` — decimal,
//!   Chinese counting, circled, letters, Roman — counted per list, deeper levels restarting),
//!   so the document tree sees what the reader sees.
//! - **Tables** (`w:tbl`): a data table as one line per row, cells separated by tabs; a
//!   layout table (one with tables inside, or one cell per row) as the lines of its cells; a
//!   metadata table (索引号：…, 发文字号：…) into the metadata, as for web pages.
//! - **Properties** (`docProps/core.xml`): the title, and the creation date as the last
//!   resort for the document's date.
//!
//! Cost: one unzip and one pass over each XML part.

use super::{labels, Extracted, PageMeta};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::Read;

mod numbering;

use numbering::{Counters, Numbering, Styles};

pub fn extract(bytes: &[u8]) -> Result<Extracted, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a Word file (.docx is a zip archive): {e}"))?;
    let mut part = |name: &str| -> Option<String> {
        let mut file = archive.by_name(name).ok()?;
        let mut text = String::new();
        file.read_to_string(&mut text).ok()?;
        Some(text)
    };
    let document =
        part("word/document.xml").ok_or("not a Word document: it has no word/document.xml")?;
    let numbering =
        part("word/numbering.xml").map_or_else(Numbering::default, |x| Numbering::parse(&x));
    let styles = part("word/styles.xml").map_or_else(Styles::default, |x| Styles::parse(&x));
    let core = part("docProps/core.xml").unwrap_or_default();
    let mut meta = PageMeta::default();
    let mut lines = body_lines(&document, &numbering, &styles, &mut meta)?;
    lines.retain(|l| !l.trim().is_empty());
    if lines.is_empty() {
        return Err("the Word file has no text".into());
    }
    if meta.title.is_none() {
        meta.title = core_field(&core, "dc:title").filter(|t| t.chars().count() >= 4);
    }
    meta.file_date = core_field(&core, "dcterms:created");
    Ok(Extracted {
        text: lines.join("\n"),
        encoding: "UTF-8",
        truncated: 0,
        meta,
    })
}

/// The text of one element of docProps/core.xml.
fn core_field(xml: &str, name: &str) -> Option<String> {
    let start = xml.find(&format!("<{name}"))?;
    let open_end = start + xml[start..].find('>')? + 1;
    if xml[..open_end].ends_with("/>") {
        return None;
    }
    let close = open_end + xml[open_end..].find(&format!("</{name}>"))?;
    let value = quick_xml::escape::unescape(xml[open_end..close].trim()).ok()?;
    (!value.is_empty()).then(|| value.into_owned())
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// A table being read: rows of cells, each cell its lines.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Vec<String>>>,
    nested: bool,
}

impl Table {
    /// The cell being read.
    fn cell(&mut self) -> Option<&mut Vec<String>> {
        self.rows.last_mut()?.last_mut()
    }

    /// A data table (no table inside, two or more rows of two or more filled cells) as one
    /// line per row, cells separated by tabs; a layout table (the page frame Word files
    /// converted from web pages keep) as the lines of its cells, in order.
    fn lines(self, meta: &mut PageMeta) -> Vec<String> {
        // A metadata table (every row starts with a label: 索引号：, 发文字号： …) is read into
        // the metadata, not the text.
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.join(" ").trim().to_string()).collect())
            .filter(|r: &Vec<String>| r.iter().any(|c| !c.is_empty()))
            .collect();
        let labelled_row = |r: &Vec<String>| {
            r.iter()
                .find(|c| !c.is_empty())
                .is_some_and(|c| labels::labelled(c).is_some())
        };
        if !self.nested && !cells.is_empty() && cells.iter().all(labelled_row) {
            for row in &cells {
                labels::read_row(row, meta);
            }
            return Vec::new();
        }
        let filled = |row: &Vec<Vec<String>>| {
            row.iter()
                .filter(|c| c.iter().any(|l| !l.is_empty()))
                .count()
        };
        let wide = self.rows.iter().filter(|r| filled(r) >= 2).count();
        if self.nested || wide < 2 {
            return self.rows.into_iter().flatten().flatten().collect();
        }
        self.rows
            .into_iter()
            .filter(|r| filled(r) > 0)
            .map(|r| {
                r.into_iter()
                    .map(|c| c.join(" ").replace('\t', " ").trim().to_string())
                    .collect::<Vec<_>>()
                    .join("\t")
            })
            .collect()
    }
}

/// The body's paragraphs and table rows as lines.
fn body_lines(
    xml: &str,
    numbering: &Numbering,
    styles: &Styles,
    meta: &mut PageMeta,
) -> Result<Vec<String>, String> {
    let mut reader = Reader::from_str(xml);
    let mut lines = Vec::new();
    let mut counters = Counters::default();
    // The paragraph being read: its text and numbering.
    let mut text = String::new();
    let (mut num_id, mut ilvl, mut style) = (None::<String>, 0u8, None::<String>);
    let mut in_text = false;
    let mut skip = 0usize; // inside w:del / w:instrText
    let mut tables: Vec<Table> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("word/document.xml is not well-formed XML: {e}"))?;
        match event {
            Event::Start(e) => match e.name().as_ref() {
                b"w:p" => {
                    text.clear();
                    num_id = None;
                    ilvl = 0;
                    style = None;
                }
                b"w:t" => in_text = true,
                b"w:del" | b"w:instrText" | b"w:delText" => skip += 1,
                b"w:tbl" => {
                    if let Some(outer) = tables.last_mut() {
                        outer.nested = true;
                    }
                    tables.push(Table::default());
                }
                b"w:tr" => {
                    if let Some(t) = tables.last_mut() {
                        t.rows.push(Vec::new());
                    }
                }
                b"w:tc" => {
                    if let Some(row) = tables.last_mut().and_then(|t| t.rows.last_mut()) {
                        row.push(Vec::new());
                    }
                }
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                b"w:pStyle" => style = attr(&e, b"w:val"),
                b"w:numId" => num_id = attr(&e, b"w:val"),
                b"w:ilvl" => ilvl = attr(&e, b"w:val").and_then(|v| v.parse().ok()).unwrap_or(0),
                b"w:tab" if skip == 0 => text.push(' '),
                b"w:br" | b"w:cr" if skip == 0 => text.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text && skip == 0 => {
                text.push_str(&t.unescape().map_err(|e| e.to_string())?);
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:del" | b"w:instrText" | b"w:delText" => skip = skip.saturating_sub(1),
                b"w:p" => {
                    // The paragraph's own numbering, else its style's ("0" switches it off).
                    let numbered = num_id
                        .clone()
                        .map(|id| (id, ilvl))
                        .or_else(|| {
                            style
                                .as_ref()
                                .and_then(|s| styles.numbering.get(s).cloned())
                        })
                        .filter(|(id, _)| id != "0");
                    let label = numbered.and_then(|(id, lvl)| {
                        let (list, level) = numbering.level(&id, lvl)?;
                        Some(counters.next(&list, lvl, &level, numbering, &id))
                    });
                    let body = text.trim().to_string();
                    let line = match label {
                        Some(label) if !label.is_empty() && !body.is_empty() => {
                            // "1." and "1)" take a space before Latin text, not before Han.
                            let spaced = label.ends_with(['.', ')'])
                                && body.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
                            if spaced {
                                format!("{label} {body}")
                            } else {
                                format!("{label}{body}")
                            }
                        }
                        _ => body,
                    };
                    let out = line.split('\n').map(|l| l.trim().to_string());
                    match tables.last_mut().and_then(Table::cell) {
                        Some(cell) => cell.extend(out),
                        None => lines.extend(out),
                    }
                    text.clear();
                }
                b"w:tbl" => {
                    let Some(table) = tables.pop() else { continue };
                    let out = table.lines(meta);
                    match tables.last_mut().and_then(Table::cell) {
                        Some(cell) => cell.extend(out),
                        None => lines.extend(out),
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(lines)
}

#[cfg(test)]
mod tests;
