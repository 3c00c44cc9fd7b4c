//! The bundle model: what `build.rs` writes and the browser reads.
//!
//! A bundle is one JSON object. Every document keeps its full decoded text exactly once;
//! everything else (items such as sections, measures, cases; figures) points into that text with
//! [`Span`]s, so no text is stored twice and every item can be sliced back out of its
//! document for the reader and for permalinks.
//!
//! Schema (version [`SCHEMA_VERSION`]): see the field docs below; in short
//!
//! ```text
//! { schema, generator,
//!   agencies: [Entity], regions: [Entity], topics: [Entity],   // referenced by index
//!   documents: [{ id, file, title, lang, encoding, date, source, doc_numbers,
//!                 cited_numbers, title_derived, regions,
//!                 page?: { issuer, published, subjects, keywords, index_no, url, number },
//!                 text,                                     // the decoded text, LF line ends
//!                 items: [{ kind, span, number?, label?, parent?, annotations?,
//!                           agencies?, regions?, topics? }],
//!                 figures: [{ item, span, sentence, value, unit, scale?, kind, direction? }] }],
//!   links?: { related: [row], citations: [row] },           // see `links`
//!   warnings: [{ doc, message }] }
//! ```
//!
//! Empty lists and absent options are omitted from the JSON; readers default them.
//!
//! Cost: validation ([`Bundle::from_json`]) is linear in the number of spans; nothing here
//! allocates beyond what serde needs to hold the bundle.

mod deferred;
mod figure;
pub mod links;
mod path;
pub mod units;
mod validate;
mod wire;

pub use deferred::{is_file_name, DeferredText, TextFile};
pub use figure::{Direction, Figure, FigureKind, Qualifier};
pub use links::{Citation, CiteKind, ItemAt, Links, Related, Relation};
pub use validate::BundleError;

use serde::{Deserialize, Serialize};

/// Version of the bundle format. Readers refuse any other version.
pub const SCHEMA_VERSION: u32 = 4;

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

/// How precisely a document's date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
    Unknown,
}

/// Where a document's date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// A dateline or "日期:" field near the top (publication date).
    Stated,
    /// The date under which the document was signed (e.g. "2021年1月21日" after the body).
    Signed,
    /// Completed from context, e.g. "September 2" with the year taken from the text.
    Inferred,
    /// From the source file's own metadata (a web page's 成文日期).
    Page,
    /// No date found.
    None,
}

/// A document date: `value` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY` according to `precision`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocDate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub precision: DatePrecision,
    pub source: DateSource,
    /// The text the date was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Span>,
    /// How the date was inferred, when it was (e.g. "year from \"In the first seven months of this year\"…").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl DocDate {
    pub fn unknown() -> DocDate {
        DocDate {
            value: None,
            precision: DatePrecision::Unknown,
            source: DateSource::None,
            evidence: None,
            note: None,
        }
    }
    /// The year, when known.
    pub fn year(&self) -> Option<i32> {
        self.value.as_deref()?.get(..4)?.parse().ok()
    }
}

/// A document number such as 国办发〔2022〕35号 or "Ji Zhengfa (2021) No. 16".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocNumber {
    /// Normalised form: brackets and spacing unified (〔2022〕, "(2021) No. 16").
    pub text: String,
    pub span: Span,
}

/// What an item is. Items partition a document's content lines (and split long lines).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// The document's own title line.
    Title,
    /// Datelines, source lines, signatures, addressees: about the document, not content.
    Meta,
    /// A heading at any depth (its `level`: 1 outermost): 一、… / （一）… with items below it /
    /// 第一章 / "I." / a short unpunctuated line.
    Section,
    /// An operative provision: the finest numbered level that carries content ("12." /
    /// （一） / "First, …"), or a regulation's article (第X条). A heading-style measure
    /// ("（一）统筹建设监管工作平台。") covers the paragraphs that follow it.
    Measure,
    /// An enumerated point that is not a provision of its own: the points of preamble parts
    /// (指导思想, 基本原则, 总体要求, 发展目标; guiding principles, objectives) and the
    /// enumerated clauses of an article.
    Point,
    /// "Case N: title" plus its subtitle line.
    Case,
    /// A labelled part of a case ("Reform approach:" / "Reform highlights:"); its `label`
    /// names the part and its span covers the part's body.
    CasePart,
    Paragraph,
    /// Lines that are the cells of a table (many short lines without sentence ends), as one
    /// item; its text keeps one cell per line.
    Table,
    /// Site chrome (navigation, footers): kept, but not content.
    Boilerplate,
}

impl ItemKind {
    /// Content items are the ones search, facets and statistics count.
    pub fn is_content(self) -> bool {
        !matches!(
            self,
            ItemKind::Boilerplate | ItemKind::Meta | ItemKind::Title
        )
    }
}

/// A unit's role in a responsibility annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 牵头单位 (lead unit).
    Lead,
    /// 责任单位 / 配合单位 / 协办单位 / 责任部门 (responsible or co-operating units).
    Support,
}

/// One unit named in an annotation: an index into `Bundle::agencies` and its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    pub agency: u32,
    pub role: Role,
}

/// A responsibility annotation such as (牵头单位:省自贸办;责任单位:省发改委、省经信厅).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Covers the annotation including its parentheses.
    pub span: Span,
    pub units: Vec<UnitRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub kind: ItemKind,
    pub span: Span,
    /// The item's number as written, as a value: 12 for "12." / "（十二）" / "Twelfth,".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The marker or label as written: "一", "Case 3", "Reform approach", "First".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Index (in `Document::items`) of the enclosing section, case or measure (a
    /// measure's clauses); always an earlier item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Annotation>,
    /// Agencies mentioned in the text (indices into `Bundle::agencies`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<u32>,
    /// Regions mentioned (indices into `Bundle::regions`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<u32>,
    /// Topics assigned by the rules in `src/ingest/topics.tsv` (indices into `Bundle::topics`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<u32>,
    /// A section's depth in the document's outline: 1 for the outermost headings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
}

impl Item {
    /// Agencies with the given role in any of this item's annotations, in order, deduplicated.
    pub fn units(&self, role: Role) -> Vec<u32> {
        let mut out = Vec::new();
        for unit in self.annotations.iter().flat_map(|a| &a.units) {
            if unit.role == role && !out.contains(&unit.agency) {
                out.push(unit.agency);
            }
        }
        out
    }
}

/// A canonical name with both languages where known (agency, region or topic).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Region tables: province, ftz, area or city. Agencies: `collective` for a name that
    /// stands for many units (各有关部门), or, for a unit the lexicon does not list, the level
    /// its name states (national, provincial, municipal, county, ftz); empty otherwise.
    /// Topics: empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub zh: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
    /// Index of the enclosing entity in the same table (an FTZ area's FTZ, an FTZ's province).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<u32>,
}

impl Entity {
    /// The stable key of the entity, unique within its table (checked on load): a slug of
    /// the English name ("provincial-department-of-commerce"), or the Chinese name when
    /// there is no English one (an agency the lexicon does not know). Used in URLs.
    pub fn key(&self) -> String {
        if self.en.is_empty() {
            return self.zh.clone();
        }
        let mut key = String::with_capacity(self.en.len());
        for c in self.en.chars() {
            if c.is_alphanumeric() {
                key.extend(c.to_lowercase());
            } else if !key.is_empty() && !key.ends_with('-') {
                key.push('-');
            }
        }
        key.trim_end_matches('-').to_string()
    }

    /// The name in the preferred language, falling back to the other one.
    pub fn name(&self, lang: Lang) -> &str {
        match (lang, self.zh.is_empty(), self.en.is_empty()) {
            (Lang::Zh, false, _) | (Lang::En, false, true) => &self.zh,
            _ => &self.en,
        }
    }
}

/// Something ingest noticed and did not "fix": numbering gaps, restarts, unknown agencies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub doc: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub file: String,
    pub title: String,
    pub lang: Lang,
    pub encoding: String,
    /// The document's date: the signing date where the text states one, else the date it
    /// was published or one inferred (see `DocDate::source`).
    pub date: DocDate,
    /// The publication date the text states (a "日期:" line under the title) when `date`
    /// is the signing date below the body: a notice signed on one day and posted on another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DocDate>,
    /// Publisher or source as stated ("信息来源:湖北省政府网"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The document's own number(s), from its header or page metadata.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doc_numbers: Vec<DocNumber>,
    /// Numbers of other documents that its body cites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cited_numbers: Vec<DocNumber>,
    /// The title was made up (from the first line) because the text has no title line.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub title_derived: bool,
    /// Regions the document is about: its issuer's and its subject's (indices into `Bundle::regions`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<u32>,
    /// What the source file says about itself (a web page's metadata), if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<PageInfo>,
    /// The text every span slices; empty while it is `deferred`.
    pub text: String,
    /// Set while the text travels in a file of its own (a bundle in shards).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferred: Option<DeferredText>,
    pub items: Vec<Item>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
}

impl Document {
    /// The text of a span of this document ("" if the span does not fit, which a validated
    /// bundle rules out).
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text).unwrap_or("")
    }

    pub fn item_text(&self, item: &Item) -> &str {
        self.slice(item.span)
    }

    /// The top-level heading an item is under: its outermost enclosing *numbered* section
    /// (一、, 第一章 …; the item itself when it is one), or, where no numbered section
    /// encloses it, its outermost section. So the title of an attached text, which holds
    /// every numbered part, is not the only heading. `None` outside every section (title,
    /// meta, preamble paragraphs).
    pub fn top_section(&self, item: usize) -> Option<usize> {
        let (mut numbered, mut outermost) = (None, None);
        let mut at = Some(item);
        while let Some(i) = at.filter(|&i| i < self.items.len()) {
            if self.items[i].kind == ItemKind::Section {
                outermost = Some(i);
                if self.items[i].number.is_some() {
                    numbered = Some(i);
                }
            }
            at = self.items[i].parent.map(|p| p as usize).filter(|&p| p < i);
        }
        numbered.or(outermost)
    }

    /// The heading of a section (or a title) on one line — a heading broken over lines
    /// joined — trimmed to `max` chars with an ellipsis.
    pub fn heading(&self, item: usize, max: usize) -> String {
        let text = match self.deferred_heading(item) {
            Some(heading) => heading,
            None => self.items.get(item).map_or("", |it| self.item_text(it)),
        };
        let separator = if self.lang == Lang::Zh { "" } else { " " };
        let joined = text
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(separator);
        let line = joined.as_str();
        if line.chars().count() <= max {
            return line.to_string();
        }
        let mut out: String = line.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }

    /// Length of the text in Unicode scalar values (what a reader would call characters).
    pub fn char_len(&self) -> usize {
        match &self.deferred {
            Some(d) => d.chars as usize,
            None => self.text.chars().count(),
        }
    }
}

/// What a source file says about itself — a policy page's metadata table (发文机关, 发布日期,
/// 主题分类 …), its `<meta>` tags and canonical URL — beside what the text says. The
/// signing date (成文日期) goes into `Document::date`, the title and number are checked
/// against the text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageInfo {
    /// The issuing organ (发文机关).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The date it was published (发布日期): `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The site's subject category (主题分类) and its sub-categories, most general first
    /// ("城乡建设、环境保护", "节能与资源综合利用").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// The site's index number (索引号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_no: Option<String>,
    /// The canonical address of the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The document number the metadata gives when the text does not state it (a number
    /// the text states is in `Document::doc_numbers`, with its place).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
}

/// Sets every section's `level` from its parents: one more than the number of sections
/// above it (parents are earlier items; a parent out of range ends the chain, which
/// validation reports). Ingest and the bundle reader both call it, so a level is never
/// stored twice.
pub fn set_levels(items: &mut [Item]) {
    for i in 0..items.len() {
        if items[i].kind != ItemKind::Section {
            items[i].level = None;
            continue;
        }
        let mut level = 1u8;
        let mut at = items[i].parent;
        while let Some(p) = at.map(|p| p as usize).filter(|&p| p < i) {
            if items[p].kind == ItemKind::Section {
                level = items[p].level.unwrap_or(1).saturating_add(1);
                break;
            }
            at = items[p].parent;
        }
        items[i].level = Some(level);
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub schema: u32,
    pub generator: String,
    #[serde(default)]
    pub agencies: Vec<Entity>,
    #[serde(default)]
    pub regions: Vec<Entity>,
    #[serde(default)]
    pub topics: Vec<Entity>,
    /// Written in the compact form of [`wire`]; absolute spans in memory.
    #[serde(with = "wire")]
    pub documents: Vec<Document>,
    /// Related items and citations across documents (`crate::link`); empty until that
    /// stage has run.
    #[serde(default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

impl Bundle {
    /// A bundle of the current schema, stamped with this crate's version.
    pub fn empty() -> Bundle {
        Bundle {
            schema: SCHEMA_VERSION,
            generator: concat!("ftz-explorer ", env!("CARGO_PKG_VERSION")).to_string(),
            agencies: Vec::new(),
            regions: Vec::new(),
            topics: Vec::new(),
            documents: Vec::new(),
            links: Links::default(),
            warnings: Vec::new(),
        }
    }

    /// The canonical serialisation: compact JSON, fields in declaration order, documents in
    /// the order ingest produced them. The same bundle always gives the same bytes.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a bundle always serialises")
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}
