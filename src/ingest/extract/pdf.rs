//! PDF files with a text layer → paragraphs in reading order, and the document information.
//!
//! - **Glyphs** come from `pdf-extract` (over `lopdf`), which decodes simple and CID fonts
//!   through their ToUnicode maps; each carries its position and size.
//! - **Lines**: glyphs on one baseline, left to right; lines top to bottom, page by page (one
//!   column, the layout of government documents).
//! - **Page furniture**: page numbers ("- 3 -", "第3页 共9页", "3") and running heads that
//!   repeat at the top or bottom of most pages are left out.
//! - **Paragraphs**: a PDF breaks lines wherever the page ends; lines are joined again unless
//!   the next one is indented, starts with a list marker (一、 / （一） / 1. / 第X条), follows a
//!   short line or a wider gap. English words broken with a hyphen are rejoined.
//! - **Refusals**: an encrypted file (that does not open with an empty password) and a file
//!   without a text layer (a scan) are errors naming the reason.
//! - **Information**: /Title, and /CreationDate as the last resort for the date.
//!
//! Cost: one parse of the file and one pass over its glyphs.

use super::{Extracted, PageMeta};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

mod layout;

use layout::{lines, paragraphs, without_furniture, Line};

/// Below this many characters per page the file is taken for a scan.
const MIN_CHARS_PER_PAGE: usize = 10;

pub fn extract(bytes: &[u8]) -> Result<Extracted, String> {
    let mut doc =
        lopdf::Document::load_mem(bytes).map_err(|e| format!("not a readable PDF file: {e}"))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err("the PDF is encrypted (it needs a password); cannot read its text".into());
    }
    let mut glyphs = Glyphs::default();
    // pdf-extract panics on some malformed files; such a file is unreadable, not a crash.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pdf_extract::output_doc(&doc, &mut glyphs)
    }));
    match result {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(format!("cannot read the PDF's text: {e}")),
        Err(_) => return Err("cannot read the PDF's text: the file is malformed".into()),
    }
    let pages = glyphs.pages.len().max(1);
    let chars: usize = glyphs
        .pages
        .iter()
        .flatten()
        .map(|g| g.text.chars().count())
        .sum();
    if chars < MIN_CHARS_PER_PAGE * pages {
        return Err(format!(
            "no text layer (scanned?): {chars} characters of text on {pages} page(s)"
        ));
    }
    let meta = PageMeta {
        title: info(&doc, b"Title").filter(|t| t.chars().count() >= 4),
        file_date: info(&doc, b"CreationDate").and_then(|d| pdf_date(&d)),
        ..PageMeta::default()
    };
    let pages: Vec<Vec<Line>> = glyphs.pages.into_iter().map(lines).collect();
    let text = paragraphs(&without_furniture(pages));
    Ok(Extracted {
        text,
        encoding: "UTF-8",
        truncated: 0,
        meta,
    })
}

/// A string of the document information dictionary (PDFDocEncoding or UTF-16BE).
fn info(doc: &lopdf::Document, key: &[u8]) -> Option<String> {
    let dict = match doc.trailer.get(b"Info").ok()? {
        lopdf::Object::Reference(id) => doc.get_object(*id).ok()?.as_dict().ok()?,
        lopdf::Object::Dictionary(d) => d,
        _ => return None,
    };
    let bytes = dict.get(key).ok()?.as_str().ok()?;
    let text = if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    };
    let text = text.trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// "D:20181229093000+08'00'" → "2018-12-29".
fn pdf_date(value: &str) -> Option<String> {
    let digits: String = value
        .trim_start_matches("D:")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() >= 8).then(|| format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]))
}

#[derive(Clone, Debug)]
struct Glyph {
    x: f64,
    y: f64,
    size: f64,
    end: f64,
    text: String,
}

/// Collects positioned glyphs, page by page.
#[derive(Default)]
struct Glyphs {
    pages: Vec<Vec<Glyph>>,
}

impl OutputDev for Glyphs {
    fn begin_page(
        &mut self,
        _: u32,
        _: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.pages.push(Vec::new());
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The font size as drawn: the side of the square with the area of the transformed
        // size vector.
        let vx = font_size * trm.m11 + font_size * trm.m21;
        let vy = font_size * trm.m12 + font_size * trm.m22;
        let size = (vx * vy).abs().sqrt().max(0.1);
        let (x, y) = (trm.m31, trm.m32);
        if let Some(page) = self.pages.last_mut() {
            page.push(Glyph {
                x,
                y,
                size,
                end: x + width * size,
                text: text.to_string(),
            });
        }
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates() {
        assert_eq!(
            pdf_date("D:20181229093000+08'00'").as_deref(),
            Some("2018-12-29")
        );
        assert_eq!(pdf_date("garbage"), None);
    }
}
