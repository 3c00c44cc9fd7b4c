//! The first stage of ingest: a source file → its text (one line per block) and what the
//! file says about itself, by format. The rest of ingest reads only text, so every format
//! goes through the same document tree.
//!
//! - `.txt` / `.text` (and files without an extension): decoded as text (`decode`).
//! - `.md` / `.markdown`: Markdown as structured text (`markdown`).
//! - `.html` / `.htm` / `.xhtml` / `.shtml`: the page's main content and metadata (`html`).
//! - `.docx`: paragraphs with the numbers Word displays, tables, core properties (`docx`).
//! - `.pdf` with a text layer: paragraphs in reading order without page furniture (`pdf`).
//! - Anything else (images, archives, spreadsheets, office and PDF files not yet read):
//!   skipped with a warning naming the file; never read as text.
//!
//! Cost: one pass over the bytes per file, plus an HTML parse for pages.

#[cfg(not(target_arch = "wasm32"))]
mod docx;
#[cfg(not(target_arch = "wasm32"))]
mod html;
#[cfg(not(target_arch = "wasm32"))]
mod labels;
mod markdown;
#[cfg(not(target_arch = "wasm32"))]
mod pdf;

use super::decode::{self, DecodeError};

/// What a file says about itself (an HTML page's metadata table and `<meta>` tags), as
/// written; empty for plain text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub number: Option<String>,
    pub issuer: Option<String>,
    /// The date it was written or signed (成文日期), as written.
    pub written: Option<String>,
    /// The date it was published (发布日期), as written.
    pub published: Option<String>,
    pub subjects: Vec<String>,
    pub keywords: Vec<String>,
    pub index_no: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// When the file was made (a Word file's creation date): the document's date only when
    /// nothing else dates it.
    pub file_date: Option<String>,
}

#[derive(Debug)]
pub struct Extracted {
    pub text: String,
    pub encoding: &'static str,
    /// Bytes of an incomplete UTF-8 character dropped at the end of a text file.
    pub truncated: usize,
    pub meta: PageMeta,
}

/// How a file is read, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Word,
    Pdf,
    /// Not a document format this build reads: the file is skipped with a warning.
    Unsupported,
}

impl Format {
    pub fn of(name: &str) -> Format {
        let ext = match name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
            _ => return Format::Text,
        };
        match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "docx" => Format::Word,
            "pdf" => Format::Pdf,
            _ => Format::Unsupported,
        }
    }
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtractError {
    /// The file's text could not be decoded (or it is not text at all).
    Decode(DecodeError),
    /// A format this build does not read.
    Unsupported { extension: String },
    /// The file has the format its name says but cannot be read (a damaged archive).
    Unreadable(String),
}

impl std::fmt::Display for ExtractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExtractError::Decode(e) => e.fmt(f),
            ExtractError::Unsupported { extension } if extension == "doc" => write!(
                f,
                "a Word 97-2003 file (.doc), which the explorer does not read; skipped (save it as .docx)"
            ),
            ExtractError::Unsupported { extension } => write!(
                f,
                "not a document format the explorer reads (.{extension}); skipped"
            ),
            ExtractError::Unreadable(why) => f.write_str(why),
        }
    }
}

/// Reads one file by its format.
pub fn extract(name: &str, bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let plain = |bytes: &[u8]| decode::decode(bytes).map_err(ExtractError::Decode);
    match Format::of(name) {
        Format::Text => {
            let d = plain(bytes)?;
            Ok(Extracted {
                text: d.text,
                encoding: d.encoding,
                truncated: d.truncated,
                meta: PageMeta::default(),
            })
        }
        Format::Markdown => {
            let d = plain(bytes)?;
            Ok(Extracted {
                text: markdown::to_text(&d.text),
                encoding: d.encoding,
                truncated: d.truncated,
                meta: PageMeta::default(),
            })
        }
        #[cfg(not(target_arch = "wasm32"))]
        Format::Html => html::extract(bytes).map_err(ExtractError::Decode),
        #[cfg(not(target_arch = "wasm32"))]
        Format::Word => docx::extract(bytes).map_err(ExtractError::Unreadable),
        #[cfg(not(target_arch = "wasm32"))]
        Format::Pdf => pdf::extract(bytes).map_err(ExtractError::Unreadable),
        #[cfg(target_arch = "wasm32")]
        Format::Html | Format::Word | Format::Pdf => Err(ExtractError::Unsupported {
            extension: name
                .rsplit_once('.')
                .map_or("", |(_, e)| e)
                .to_ascii_lowercase(),
        }),
        Format::Unsupported => Err(ExtractError::Unsupported {
            extension: name
                .rsplit_once('.')
                .map_or("", |(_, e)| e)
                .to_ascii_lowercase(),
        }),
    }
}
