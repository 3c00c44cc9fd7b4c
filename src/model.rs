//! The bundle model: what `build.rs` writes and the browser reads.
//!
//! A bundle is one JSON object. Every document keeps its full decoded text exactly once;
//! everything else (paragraphs, later sections, measures …) points into that text with
//! [`Span`]s, so no text is stored twice and every item can be sliced back out of its
//! document for the reader and for permalinks.
//!
//! Schema (version [`SCHEMA_VERSION`]):
//!
//! ```text
//! {
//!   "schema": 1,                      // bumped on any incompatible change
//!   "generator": "ftz-explorer 0.1.0",
//!   "documents": [{
//!     "id": "000_aa6e5266d17e9677",   // file name without extension; unique, stable
//!     "file": "000_aa6e5266d17e9677.txt",
//!     "title": "…",
//!     "lang": "en" | "zh",
//!     "encoding": "UTF-8",            // what the source bytes were decoded from
//!     "text": "…",                    // the decoded text, line ends normalised to \n
//!     "paragraphs": [[0, 120], …]     // byte spans into `text`, in document order
//!   }]
//! }
//! ```
//!
//! Cost: validation ([`Bundle::from_json`]) is linear in the number of spans; nothing here
//! allocates beyond what serde needs to hold the bundle.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Version of the bundle format. Readers refuse any other version.
pub const SCHEMA_VERSION: u32 = 1;

/// A half-open byte range `[start, end)` into a document's `text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span(pub u32, pub u32);

impl Span {
    pub fn start(self) -> usize {
        self.0 as usize
    }
    pub fn end(self) -> usize {
        self.1 as usize
    }
    /// The text this span covers, or `None` if it does not fit the text.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.start()..self.end())
    }
}

/// The language a document is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh")]
    Zh,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub file: String,
    pub title: String,
    pub lang: Lang,
    pub encoding: String,
    pub text: String,
    pub paragraphs: Vec<Span>,
}

impl Document {
    /// Paragraph texts in document order.
    pub fn paragraph_texts(&self) -> impl Iterator<Item = &str> {
        self.paragraphs
            .iter()
            .map(|span| span.slice(&self.text).unwrap_or(""))
    }

    /// Length of the text in Unicode scalar values (what a reader would call characters).
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub schema: u32,
    pub generator: String,
    pub documents: Vec<Document>,
}

/// Why a bundle could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleError {
    /// Not JSON, truncated, or JSON of another shape.
    Malformed(String),
    /// A bundle of another schema version.
    Version { found: u32 },
    /// Well-formed JSON whose content contradicts itself.
    Invalid(String),
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::Malformed(why) => write!(f, "not a readable bundle: {why}"),
            BundleError::Version { found } => write!(
                f,
                "bundle schema version {found} is not supported (this explorer reads version {SCHEMA_VERSION})"
            ),
            BundleError::Invalid(why) => write!(f, "invalid bundle: {why}"),
        }
    }
}

impl std::error::Error for BundleError {}

impl Bundle {
    pub fn new(documents: Vec<Document>) -> Bundle {
        Bundle {
            schema: SCHEMA_VERSION,
            generator: concat!("ftz-explorer ", env!("CARGO_PKG_VERSION")).to_string(),
            documents,
        }
    }

    /// The canonical serialisation: compact JSON, fields in declaration order, documents in
    /// the order ingest produced them. The same bundle always gives the same bytes.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a bundle always serialises")
    }

    /// Parses and validates a bundle. Checks the version before the shape, so that a bundle
    /// of another version is reported as such rather than as "malformed".
    pub fn from_json(json: &str) -> Result<Bundle, BundleError> {
        #[derive(Deserialize)]
        struct VersionProbe {
            schema: Option<u32>,
        }
        let probe: VersionProbe =
            serde_json::from_str(json).map_err(|e| BundleError::Malformed(e.to_string()))?;
        match probe.schema {
            None => return Err(BundleError::Malformed("no \"schema\" field".into())),
            Some(v) if v != SCHEMA_VERSION => return Err(BundleError::Version { found: v }),
            Some(_) => {}
        }
        let bundle: Bundle =
            serde_json::from_str(json).map_err(|e| BundleError::Malformed(e.to_string()))?;
        bundle.validate()?;
        Ok(bundle)
    }

    /// Checks what serde cannot: unique ids and spans that slice their text.
    pub fn validate(&self) -> Result<(), BundleError> {
        let mut ids = std::collections::BTreeSet::new();
        for doc in &self.documents {
            if doc.id.is_empty() {
                return Err(BundleError::Invalid("a document has an empty id".into()));
            }
            if !ids.insert(doc.id.as_str()) {
                return Err(BundleError::Invalid(format!(
                    "document id {:?} appears twice",
                    doc.id
                )));
            }
            for span in &doc.paragraphs {
                if span.start() > span.end() || span.slice(&doc.text).is_none() {
                    return Err(BundleError::Invalid(format!(
                        "document {:?}: paragraph span {}..{} does not fit its text",
                        doc.id, span.0, span.1
                    )));
                }
            }
        }
        Ok(())
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}
