//! A document whose text travels apart from it: a bundle written in shards (`store`) keeps
//! every document's structure (items, their kinds and links, annotations' agencies,
//! figures' values) in its documents' file, and each text — with the spans of the items,
//! annotations and figures that slice it — in a [`TextFile`] of its own, fetched when a
//! card, the reader, an export or the figures table shows it. Facets, charts and ordering
//! never need a span; what the explorer needs of a text before it arrives — its length, to
//! check the document's own spans (numbers, date evidence), and its section headings, for
//! the heading facet and the outline — stays with the document as a [`DeferredText`].
//!
//! While a text is deferred, the spans of its items, annotations and figures are empty
//! (`Span(0, 0)`); [`Document::item_span_in`] and [`Document::figure_spans_in`] read them
//! from the text file without putting it back.
//!
//! Cost: taking a text out copies its headings and encodes its spans; putting it back, or
//! reading one span, decodes them (one pass over the items, annotations and figures).

use super::wire::{absolute, relative};
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

/// A text file: the text, and the spans of its document's items, annotations and figures.
/// Written as `[text, [span…]]`, the spans flattened in document order — each item as
/// `[gap since the previous item's end, length]` followed by its annotations, then each
/// figure's span and sentence — annotations and figures as `[offset from their item's
/// start, length]` (the documents' file's own encoding, which compresses well).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "(String, Vec<i64>)", into = "(String, Vec<i64>)")]
pub struct TextFile {
    pub text: String,
    spans: Vec<i64>,
}

impl From<(String, Vec<i64>)> for TextFile {
    fn from((text, spans): (String, Vec<i64>)) -> Self {
        TextFile { text, spans }
    }
}

impl From<TextFile> for (String, Vec<i64>) {
    fn from(file: TextFile) -> Self {
        (file.text, file.spans)
    }
}

impl TextFile {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(json: &str) -> Result<TextFile, String> {
        serde_json::from_str(json).map_err(|e| format!("not a text file: {e}"))
    }
}

impl Document {
    /// Whether `text` is the document's text (it is not while the text is deferred).
    pub fn has_text(&self) -> bool {
        self.deferred.is_none()
    }

    /// Takes the text and the spans it carries out, leaving a [`DeferredText`] that names
    /// `file`; returns them as the file's content.
    pub fn defer_text(&mut self, file: String) -> TextFile {
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
        let mut spans = Vec::with_capacity(2 * self.slots());
        let mut previous_end = 0;
        let empty = Span(0, 0);
        for item in &mut self.items {
            spans.extend(relative(item.span, previous_end));
            previous_end = item.span.1;
            for a in &mut item.annotations {
                spans.extend(relative(std::mem::replace(&mut a.span, empty), item.span.0));
            }
        }
        for f in &mut self.figures {
            let base = self.items.get(f.item as usize).map_or(0, |i| i.span.0);
            spans.extend(relative(std::mem::replace(&mut f.span, empty), base));
            spans.extend(relative(std::mem::replace(&mut f.sentence, empty), base));
        }
        for item in &mut self.items {
            item.span = empty;
        }
        TextFile {
            text: std::mem::take(&mut self.text),
            spans,
        }
    }

    /// How many spans a text file carries for this document.
    fn slots(&self) -> usize {
        let items: usize = self.items.iter().map(|it| 1 + it.annotations.len()).sum();
        items + 2 * self.figures.len()
    }

    /// The absolute spans of `file`, in its order; an error if there are not as many as
    /// the document has items, annotations and figures.
    fn decode(&self, file: &TextFile) -> Result<Vec<Span>, String> {
        let slots = self.slots();
        if file.spans.len() != 2 * slots {
            return Err(format!(
                "{} spans, the document {:?} has {slots}",
                file.spans.len() / 2,
                self.id
            ));
        }
        let pair = |i: usize| [file.spans[2 * i], file.spans[2 * i + 1]];
        let mut out = Vec::with_capacity(slots);
        let mut starts = Vec::with_capacity(self.items.len());
        let mut previous_end = 0;
        for item in &self.items {
            let span = absolute(pair(out.len()), previous_end);
            previous_end = span.1;
            starts.push(span.0);
            out.push(span);
            for _ in &item.annotations {
                out.push(absolute(pair(out.len()), span.0));
            }
        }
        for f in &self.figures {
            let base = starts.get(f.item as usize).copied().unwrap_or(0);
            out.push(absolute(pair(out.len()), base));
            out.push(absolute(pair(out.len()), base));
        }
        Ok(out)
    }

    /// Whether `file` holds this document's deferred text: its length as recorded, as many
    /// spans as the document needs, and every span of the document on its char boundaries.
    pub fn check_text(&self, file: &TextFile) -> Result<(), String> {
        let Some(deferred) = &self.deferred else {
            return Ok(());
        };
        let text = &file.text;
        if text.len() != deferred.bytes as usize {
            return Err(format!(
                "{} bytes of text, the document {:?} has {}",
                text.len(),
                self.id,
                deferred.bytes
            ));
        }
        let carried = self.decode(file)?;
        if let Some(span) = self
            .own_spans()
            .chain(carried)
            .find(|s| s.slice(text).is_none())
        {
            return Err(format!(
                "the span {}..{} of the document {:?} does not fit this text",
                span.0, span.1, self.id
            ));
        }
        Ok(())
    }

    /// Puts a deferred text and its spans back, once [`Document::check_text`] accepts them.
    pub fn restore_text(&mut self, file: TextFile) -> Result<(), String> {
        self.check_text(&file)?;
        if self.deferred.take().is_none() {
            return Ok(());
        }
        let mut spans = self.decode(&file)?.into_iter();
        let mut next = || spans.next().unwrap_or(Span(0, 0));
        for item in &mut self.items {
            item.span = next();
            for a in &mut item.annotations {
                a.span = next();
            }
        }
        for f in &mut self.figures {
            f.span = next();
            f.sentence = next();
        }
        self.text = file.text;
        Ok(())
    }

    /// The span of item `item` as `file` (this document's text file) has it.
    pub fn item_span_in(&self, file: &TextFile, item: usize) -> Option<Span> {
        if self.has_text() {
            return self.items.get(item).map(|it| it.span);
        }
        let slot: usize = self
            .items
            .get(..item)?
            .iter()
            .map(|it| 1 + it.annotations.len())
            .sum();
        self.decode(file).ok()?.get(slot).copied()
    }

    /// The span and the sentence of figure `figure` as `file` has them.
    pub fn figure_spans_in(&self, file: &TextFile, figure: usize) -> Option<(Span, Span)> {
        if self.has_text() {
            return self.figures.get(figure).map(|f| (f.span, f.sentence));
        }
        let spans = self.decode(file).ok()?;
        let slot = spans.len().checked_sub(2 * (self.figures.len() - figure))?;
        Some((*spans.get(slot)?, *spans.get(slot + 1)?))
    }

    /// The spans that stay with a document while its text is deferred: its numbers' and
    /// its dates' evidence.
    fn own_spans(&self) -> impl Iterator<Item = Span> + '_ {
        let numbers = self.doc_numbers.iter().chain(&self.cited_numbers);
        let dates = [Some(&self.date), self.published.as_ref()];
        numbers
            .map(|n| n.span)
            .chain(dates.into_iter().flatten().filter_map(|d| d.evidence))
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
    use super::TextFile;
    use crate::model::{Bundle, ItemKind, Span};

    /// The seeds whole, the seeds deferred, and their text files.
    fn deferred() -> (Bundle, Bundle, Vec<TextFile>) {
        let whole = Bundle::from_json(crate::seed_bundle_json()).unwrap();
        let mut parts = whole.clone();
        let files = (parts.documents.iter_mut().enumerate())
            .map(|(i, doc)| doc.defer_text(format!("text.{i}.json")))
            .collect();
        (whole, parts, files)
    }

    fn refused(bundle: &Bundle) -> String {
        Bundle::from_json(&bundle.to_json())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn a_deferred_bundle_reads_back_and_its_texts_fit() {
        let (whole, parts, files) = deferred();
        let read = Bundle::from_json(&parts.to_json()).unwrap();
        assert_eq!(read, parts);
        // Its documents' file carries no item, annotation or figure span.
        assert!(read
            .documents
            .iter()
            .all(|d| d.items.iter().all(|it| it.span == Span(0, 0))));
        for ((mut doc, original), file) in
            read.documents.into_iter().zip(whole.documents).zip(files)
        {
            let file = TextFile::from_json(&file.to_json()).unwrap();
            for i in 0..doc.items.len() {
                if matches!(doc.items[i].kind, ItemKind::Section | ItemKind::Title) {
                    assert_eq!(doc.heading(i, 30), original.heading(i, 30));
                }
                assert_eq!(doc.item_span_in(&file, i), Some(original.items[i].span));
            }
            for (k, f) in original.figures.iter().enumerate() {
                assert_eq!(doc.figure_spans_in(&file, k), Some((f.span, f.sentence)));
            }
            let empty = TextFile::from((String::new(), Vec::new()));
            assert!(doc.check_text(&empty).is_err());
            doc.restore_text(file).unwrap();
            assert_eq!(doc, original);
        }
    }

    #[test]
    fn a_text_file_that_does_not_fit_its_document_is_refused() {
        let (_, parts, files) = deferred();
        let doc = &parts.documents[0];
        let (text, mut spans) = files[0].clone().into();
        spans.pop();
        let short = TextFile::from((text.clone(), spans.clone()));
        assert!(doc.check_text(&short).unwrap_err().contains("spans"));
        spans.push(i64::from(u32::MAX));
        let long = TextFile::from((text, spans));
        assert!(doc.check_text(&long).unwrap_err().contains("does not fit"));
        assert!(TextFile::from_json("\"a bare string\"").is_err());
    }

    #[test]
    fn deferred_documents_that_do_not_add_up_are_refused() {
        let (_, parts, _) = deferred();
        let mut b = parts.clone();
        let bytes = b.documents[0].deferred.as_ref().unwrap().bytes;
        b.documents[0].date.evidence = Some(Span(0, bytes + 1));
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
