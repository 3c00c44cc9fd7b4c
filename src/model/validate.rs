//! Reading a bundle from outside: parse, check the version, then check what serde cannot
//! (spans that fit, indices in range, unique ids). A bundle that passes can be indexed and
//! sliced without further checks.
//!
//! Cost: linear in the number of spans and indices.

use super::{Bundle, Span, SCHEMA_VERSION};
use serde::Deserialize;
use std::fmt;

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

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, ASCII digits.
fn is_date(value: &str) -> bool {
    let b = value.as_bytes();
    matches!(b.len(), 4 | 7 | 10)
        && b.iter().enumerate().all(|(i, &c)| {
            if i == 4 || i == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

impl Bundle {
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

    /// Checks what serde cannot: unique ids, spans that slice their text, indices that
    /// point into their tables.
    pub fn validate(&self) -> Result<(), BundleError> {
        let invalid = |msg: String| Err(BundleError::Invalid(msg));
        for (name, table) in [
            ("agencies", &self.agencies),
            ("regions", &self.regions),
            ("topics", &self.topics),
        ] {
            let mut keys = std::collections::BTreeSet::new();
            for entity in table.iter() {
                let key = entity.key();
                if entity.parent.is_some_and(|p| p as usize >= table.len()) {
                    return invalid(format!("{name}: {key:?} has a parent out of range"));
                }
                if key.is_empty() || !keys.insert(key.clone()) {
                    return invalid(format!("{name}: the key {key:?} is empty or not unique"));
                }
            }
        }
        let mut ids = std::collections::BTreeSet::new();
        for doc in &self.documents {
            if doc.id.is_empty() {
                return invalid("a document has an empty id".into());
            }
            if !ids.insert(doc.id.as_str()) {
                return invalid(format!("document id {:?} appears twice", doc.id));
            }
            // A deferred text is checked for its char boundaries when it arrives.
            let fits = |span: Span| match &doc.deferred {
                Some(d) => span.start() <= span.end() && span.end() <= d.bytes as usize,
                None => span.slice(&doc.text).is_some(),
            };
            let check_span = |what: &str, span: Span| {
                if fits(span) {
                    Ok(())
                } else {
                    invalid(format!(
                        "document {:?}: {what} span {}..{} does not fit its text",
                        doc.id, span.0, span.1
                    ))
                }
            };
            let in_range = |what: &str, index: u32, len: usize| {
                if (index as usize) < len {
                    Ok(())
                } else {
                    invalid(format!(
                        "document {:?}: {what} index {index} is out of range",
                        doc.id
                    ))
                }
            };
            for &r in &doc.regions {
                in_range("region", r, self.regions.len())?;
            }
            if let Some(deferred) = &doc.deferred {
                if !doc.text.is_empty() {
                    return invalid(format!(
                        "document {:?}: a text both here and deferred",
                        doc.id
                    ));
                }
                if !super::deferred::is_file_name(&deferred.file) {
                    return invalid(format!(
                        "document {:?}: the text's file {:?} is not a file name",
                        doc.id, deferred.file
                    ));
                }
                let mut previous = None;
                for (item, _) in &deferred.headings {
                    in_range("heading item", *item, doc.items.len())?;
                    if previous.is_some_and(|p| p >= *item) {
                        return invalid(format!("document {:?}: headings out of order", doc.id));
                    }
                    previous = Some(*item);
                }
            }
            for number in doc.doc_numbers.iter().chain(&doc.cited_numbers) {
                check_span("document number", number.span)?;
            }
            // Charts slice dates by byte position: only the ingest's shapes are accepted.
            for date in std::iter::once(&doc.date).chain(&doc.published) {
                if let Some(span) = date.evidence {
                    check_span("date", span)?;
                }
                if let Some(value) = date.value.as_deref().filter(|v| !is_date(v)) {
                    return invalid(format!(
                        "document {:?}: the date {value:?} is not YYYY, YYYY-MM or YYYY-MM-DD",
                        doc.id
                    ));
                }
            }
            for (index, item) in doc.items.iter().enumerate() {
                check_span("item", item.span)?;
                // Parents come before their children: the outline is a tree, never a cycle.
                if let Some(parent) = item.parent {
                    in_range("parent item", parent, index)?;
                }
                for annotation in &item.annotations {
                    check_span("annotation", annotation.span)?;
                    for unit in &annotation.units {
                        in_range("agency", unit.agency, self.agencies.len())?;
                    }
                }
                for &a in &item.agencies {
                    in_range("agency", a, self.agencies.len())?;
                }
                for &r in &item.regions {
                    in_range("region", r, self.regions.len())?;
                }
                for &t in &item.topics {
                    in_range("topic", t, self.topics.len())?;
                }
            }
            for figure in &doc.figures {
                check_span("figure", figure.span)?;
                check_span("figure sentence", figure.sentence)?;
                in_range("figure item", figure.item, doc.items.len())?;
                if !figure.value.is_finite() {
                    return invalid(format!(
                        "document {:?}: a figure value is not finite",
                        doc.id
                    ));
                }
                if figure
                    .upper
                    .is_some_and(|u| !u.is_finite() || u < figure.value)
                {
                    return invalid(format!(
                        "document {:?}: a figure's upper bound is not finite or below its value",
                        doc.id
                    ));
                }
            }
        }
        let items: Vec<usize> = self.documents.iter().map(|d| d.items.len()).collect();
        self.links
            .validate(&items)
            .map_err(|why| BundleError::Invalid(format!("links: {why}")))
    }
}
