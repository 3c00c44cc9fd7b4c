//! A document whose text travels apart from it: a bundle written in shards (`store`) keeps
//! every document's structure (items, spans, figures) in its documents' file and each text
//! in a file of its own, fetched when a card, the reader, an export or the figures table
//! shows it. What the explorer needs of a text before it arrives — its length, to check
//! spans, and its section headings, for the heading facet and the outline — stays with the
//! document as a [`DeferredText`].
//!
//! Cost: taking a text out copies its headings; putting it back checks every span of the
//! document against it (one pass over items, annotations and figures).

use super::{Document, ItemKind, Span};
use serde::{Deserialize, Serialize};

/// What stays of a text that travels in its own file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeferredText {
    /// The text's file, beside the manifest.
    pub file: String,
    /// Its length in bytes (spans are byte ranges) and in chars (what a reader counts).
    pub bytes: u32,
    pub chars: u32,
    /// `[item, text]` for every section and title: the headings [`Document::heading`] reads.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<(u32, String)>,
}

impl Document {
    /// Whether `text` is the document's text (it is not while the text is deferred).
    pub fn has_text(&self) -> bool {
        self.deferred.is_none()
    }

    /// Takes the text out, leaving a [`DeferredText`] that names `file`; returns the text.
    pub fn defer_text(&mut self, file: String) -> String {
        let headings = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, it)| matches!(it.kind, ItemKind::Section | ItemKind::Title))
            .map(|(i, it)| (i as u32, self.item_text(it).to_string()))
            .collect();
        self.deferred = Some(DeferredText {
            file,
            bytes: self.text.len() as u32,
            chars: self.text.chars().count() as u32,
            headings,
        });
        std::mem::take(&mut self.text)
    }

    /// Whether `text` is this document's deferred text: its length as recorded, and every
    /// span of the document on its char boundaries.
    pub fn check_text(&self, text: &str) -> Result<(), String> {
        let Some(deferred) = &self.deferred else {
            return Ok(());
        };
        if text.len() != deferred.bytes as usize {
            return Err(format!(
                "{} bytes of text, the document {:?} has {}",
                text.len(),
                self.id,
                deferred.bytes
            ));
        }
        if let Some(span) = self.spans().find(|s| s.slice(text).is_none()) {
            return Err(format!(
                "the span {}..{} of the document {:?} does not fit this text",
                span.0, span.1, self.id
            ));
        }
        Ok(())
    }

    /// Puts a deferred text back, once [`Document::check_text`] accepts it.
    pub fn restore_text(&mut self, text: String) -> Result<(), String> {
        self.check_text(&text)?;
        if self.deferred.take().is_some() {
            self.text = text;
        }
        Ok(())
    }

    /// Every span the document holds: numbers, date evidence, items, annotations, figures.
    pub(super) fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        let numbers = self.doc_numbers.iter().chain(&self.cited_numbers);
        numbers
            .map(|n| n.span)
            .chain(self.date.evidence)
            .chain(self.items.iter().flat_map(|it| {
                std::iter::once(it.span).chain(it.annotations.iter().map(|a| a.span))
            }))
            .chain(self.figures.iter().flat_map(|f| [f.span, f.sentence]))
    }

    /// A section's heading text while the text is deferred.
    pub(super) fn deferred_heading(&self, item: usize) -> Option<&str> {
        let headings = &self.deferred.as_ref()?.headings;
        let at = headings
            .binary_search_by_key(&(item as u32), |h| h.0)
            .ok()?;
        Some(&headings[at].1)
    }
}

/// Whether `name` is one plain file name, which stays inside the manifest's folder.
pub fn is_file_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', ':', '?', '#'])
}

#[cfg(test)]
mod tests {
    use crate::model::{Bundle, ItemKind, Span};

    fn deferred() -> (Bundle, Bundle) {
        let whole = Bundle::from_json(crate::seed_bundle_json()).unwrap();
        let mut parts = whole.clone();
        for (i, doc) in parts.documents.iter_mut().enumerate() {
            doc.defer_text(format!("text.{i}.json"));
        }
        (whole, parts)
    }

    fn refused(bundle: &Bundle) -> String {
        Bundle::from_json(&bundle.to_json())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn a_deferred_bundle_reads_back_and_its_texts_fit() {
        let (whole, parts) = deferred();
        let read = Bundle::from_json(&parts.to_json()).unwrap();
        assert_eq!(read, parts);
        for (mut doc, original) in read.documents.into_iter().zip(whole.documents) {
            for i in 0..doc.items.len() {
                if matches!(doc.items[i].kind, ItemKind::Section | ItemKind::Title) {
                    assert_eq!(doc.heading(i, 30), original.heading(i, 30));
                }
            }
            assert!(doc.check_text("").is_err());
            doc.restore_text(original.text.clone()).unwrap();
            assert_eq!(doc, original);
        }
    }

    #[test]
    fn deferred_documents_that_do_not_add_up_are_refused() {
        let (_, parts) = deferred();
        let mut b = parts.clone();
        let bytes = b.documents[0].deferred.as_ref().unwrap().bytes;
        b.documents[0].items[0].span = Span(0, bytes + 1);
        assert!(refused(&b).contains("does not fit"), "{}", refused(&b));
        let mut b = parts.clone();
        b.documents[0].deferred.as_mut().unwrap().file = "../secret.json".into();
        assert!(refused(&b).contains("not a file name"));
        let mut b = parts.clone();
        b.documents[0].text = "here after all".into();
        assert!(refused(&b).contains("both here and deferred"));
        let mut b = parts.clone();
        let headings = &mut b.documents[0].deferred.as_mut().unwrap().headings;
        headings.push((u32::MAX, "no such item".into()));
        assert!(refused(&b).contains("out of range"));
    }
}
