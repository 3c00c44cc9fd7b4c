//! Links between documents, made at build time after ingest (`crate::link`): items of one
//! document related to items of others (the same reform restated, translated or copied),
//! and the documents a document cites (by number or by title), resolved against the
//! corpus where it holds them.
//!
//! Both are lists of positional rows, so that a corpus of thousands of documents keeps
//! them small:
//!
//! ```text
//! related:   [from doc, from item, to doc, to item, score (1–100), relation (0 similar,
//!             1 across languages, 2 copy)]
//! citations: [doc, item, kind (0 number, 1 title), cited text, target doc?, across?]
//! ```
//!
//! Indices are into `Bundle::documents` and their `items`. A bundle in shards carries
//! them in files of their own (`store::write`), loaded when something shows them.
//!
//! Cost: nothing beyond the rows; lookups are linear scans or binary searches by
//! document (rows are sorted by their first two fields).

use serde::{Deserialize, Serialize};

/// An item of a document: indices into `Bundle::documents` and its `items`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemAt {
    pub doc: u32,
    pub item: u32,
}

/// How two related items are related.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    /// The same reform in other words, in the same language.
    Similar,
    /// The same reform in the other language, through the glossary's concepts; scored
    /// below every same-language match.
    AcrossLanguages,
    /// The same text, copied (near-duplicate: at most small edits or sentences reordered).
    Copy,
}

impl Relation {
    pub fn code(self) -> u8 {
        match self {
            Relation::Similar => 0,
            Relation::AcrossLanguages => 1,
            Relation::Copy => 2,
        }
    }
    pub fn from_code(code: u8) -> Option<Relation> {
        Some(match code {
            0 => Relation::Similar,
            1 => Relation::AcrossLanguages,
            2 => Relation::Copy,
            _ => return None,
        })
    }
    /// The stable name used in exports and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Relation::Similar => "similar",
            Relation::AcrossLanguages => "other-language",
            Relation::Copy => "copy",
        }
    }
}

/// `from` is related to `to`, with a score from 1 to 100 (higher is closer; copies score
/// highest, matches across languages lowest).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "RelatedRow", try_from = "RelatedRow")]
pub struct Related {
    pub from: ItemAt,
    pub to: ItemAt,
    pub score: u8,
    pub relation: Relation,
}

type RelatedRow = (u32, u32, u32, u32, u8, u8);

impl From<Related> for RelatedRow {
    fn from(r: Related) -> RelatedRow {
        (
            r.from.doc,
            r.from.item,
            r.to.doc,
            r.to.item,
            r.score,
            r.relation.code(),
        )
    }
}

impl TryFrom<RelatedRow> for Related {
    type Error = String;
    fn try_from(row: RelatedRow) -> Result<Related, String> {
        let relation =
            Relation::from_code(row.5).ok_or_else(|| format!("unknown relation {}", row.5))?;
        Ok(Related {
            from: ItemAt {
                doc: row.0,
                item: row.1,
            },
            to: ItemAt {
                doc: row.2,
                item: row.3,
            },
            score: row.4,
            relation,
        })
    }
}

/// What a citation names its document by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CiteKind {
    /// A document number: 国发〔2018〕38号, "Guofa (2020) No. 7".
    Number,
    /// A title: 《…》, or an English title ("the Notice on …").
    Title,
}

/// A document citing another: where (`from`), how (`kind`, `text` as normalised: a
/// number in its normal form, a title as written without its brackets or quotes), and
/// the corpus document it names (`target`), if the corpus holds it; `across` when the
/// two are in different languages (a number romanised, a title through the glossary).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "CitationRow", try_from = "CitationRow")]
pub struct Citation {
    pub from: ItemAt,
    pub kind: CiteKind,
    pub text: String,
    pub target: Option<u32>,
    pub across: bool,
}

type CitationRow = (u32, u32, u8, String, Option<u32>, Option<u8>);

impl From<Citation> for CitationRow {
    fn from(c: Citation) -> CitationRow {
        (
            c.from.doc,
            c.from.item,
            match c.kind {
                CiteKind::Number => 0,
                CiteKind::Title => 1,
            },
            c.text,
            c.target,
            c.across.then_some(1),
        )
    }
}

impl TryFrom<CitationRow> for Citation {
    type Error = String;
    fn try_from(row: CitationRow) -> Result<Citation, String> {
        let kind = match row.2 {
            0 => CiteKind::Number,
            1 => CiteKind::Title,
            k => return Err(format!("unknown citation kind {k}")),
        };
        Ok(Citation {
            from: ItemAt {
                doc: row.0,
                item: row.1,
            },
            kind,
            text: row.3,
            target: row.4,
            across: row.5.is_some_and(|a| a != 0),
        })
    }
}

/// The links of a bundle. Rows are sorted by their `from` (document, then item).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Links {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

impl Links {
    pub fn is_empty(&self) -> bool {
        self.related.is_empty() && self.citations.is_empty()
    }

    /// The items related to `item`, best first.
    pub fn related_to(&self, item: ItemAt) -> &[Related] {
        let start = self.related.partition_point(|r| r.from < item);
        let end = start + self.related[start..].partition_point(|r| r.from == item);
        &self.related[start..end]
    }

    /// What document `doc` cites, in the order of its text.
    pub fn cites(&self, doc: u32) -> impl Iterator<Item = &Citation> {
        let start = self.citations.partition_point(|c| c.from.doc < doc);
        self.citations[start..]
            .iter()
            .take_while(move |c| c.from.doc == doc)
    }

    /// The citations of document `doc` by other documents of the corpus.
    pub fn cited_by(&self, doc: u32) -> impl Iterator<Item = &Citation> {
        self.citations
            .iter()
            .filter(move |c| c.target == Some(doc) && c.from.doc != doc)
    }

    /// Checks indices against the documents' item counts (`items[doc]`) and the rows'
    /// order.
    pub fn validate(&self, items: &[usize]) -> Result<(), String> {
        let at = |what: &str, i: ItemAt| match items.get(i.doc as usize) {
            Some(&n) if (i.item as usize) < n => Ok(()),
            _ => Err(format!(
                "{what}: document {} item {} is out of range",
                i.doc, i.item
            )),
        };
        for (i, r) in self.related.iter().enumerate() {
            at("related item", r.from)?;
            at("related item", r.to)?;
            if r.from.doc == r.to.doc {
                return Err(format!("related items in one document ({})", r.from.doc));
            }
            if !(1..=100).contains(&r.score) {
                return Err(format!("related score {} is not 1 to 100", r.score));
            }
            if i > 0 && self.related[i - 1].from > r.from {
                return Err("related rows out of order".into());
            }
        }
        for (i, c) in self.citations.iter().enumerate() {
            at("citation", c.from)?;
            if c.target.is_some_and(|t| t as usize >= items.len()) {
                return Err(format!(
                    "citation target {} is out of range",
                    c.target.unwrap_or(0)
                ));
            }
            if i > 0 && self.citations[i - 1].from > c.from {
                return Err("citation rows out of order".into());
            }
        }
        Ok(())
    }
}
