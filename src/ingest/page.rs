//! What a source file says about itself (see `extract::PageMeta`) → the document's fields:
//! the signing date (成文日期) as its date, the publication date, issuer, subject
//! categories, keywords, index number and canonical URL as `PageInfo`, and the number the
//! metadata gives — its own number, even where the body only seems to cite it.
//!
//! Cost: a few short strings per document.

use super::dates::find_dates;
use super::extract::PageMeta;
use super::metadata;
use crate::model::{DatePrecision, DateSource, DocDate, Document, PageInfo};

/// Applies a file's metadata to its document (a text file's empty metadata changes nothing).
pub fn apply(doc: &mut Document, meta: &PageMeta) {
    if meta == &PageMeta::default() {
        return;
    }
    let mut page = PageInfo {
        issuer: meta.issuer.clone(),
        published: meta.published.as_deref().and_then(iso_date).map(|(v, _)| v),
        subjects: meta.subjects.clone(),
        keywords: meta.keywords.clone(),
        index_no: meta.index_no.clone(),
        url: meta.url.clone(),
        number: None,
    };
    if let Some((value, precision)) = meta.written.as_deref().and_then(iso_date) {
        // The metadata's signing date outranks what the text lets us guess; a date the
        // text states with the same value keeps its evidence.
        let same = doc.date.value.as_deref() == Some(value.as_str());
        doc.date = DocDate {
            value: Some(value),
            precision,
            source: if same && doc.date.source == DateSource::Signed {
                DateSource::Signed
            } else {
                DateSource::Page
            },
            evidence: if same { doc.date.evidence } else { None },
            note: None,
        };
    }
    if doc.date.value.is_none() {
        if let Some((value, precision)) = meta.file_date.as_deref().and_then(iso_date) {
            doc.date = DocDate {
                value: Some(value),
                precision,
                source: DateSource::Inferred,
                evidence: None,
                note: Some(
                    "the file's creation date (its properties): the text states none".into(),
                ),
            };
        }
    }
    if let Some(number) = meta.number.as_deref() {
        let normal = metadata::doc_numbers(number)
            .into_iter()
            .next()
            .map_or_else(|| number.trim().to_string(), |n| n.text);
        if !doc.doc_numbers.iter().any(|n| n.text == normal) {
            // The body states it (a page without a number line under the title): it is
            // the document's own, not a citation.
            if let Some(at) = doc.cited_numbers.iter().position(|n| n.text == normal) {
                let own = doc.cited_numbers.remove(at);
                doc.doc_numbers.insert(0, own);
            } else {
                page.number = Some(normal);
            }
        }
    }
    if doc.source.is_none() {
        doc.source = meta.source.clone();
    }
    // A text without a title line: the file's own title beats one made from the first line.
    if let (true, Some(title)) = (doc.title_derived, meta.title.as_ref()) {
        doc.title = title.clone();
        doc.title_derived = false;
    }
    if page != PageInfo::default() {
        doc.page = Some(page);
    }
}

/// "2018年12月29日", "2019-01-21 10:00", "2022/5/10" → ("2019-01-21", Day).
fn iso_date(written: &str) -> Option<(String, DatePrecision)> {
    let found = find_dates(written).into_iter().next()?;
    let year = found.year?;
    Some(match (found.month, found.day) {
        (Some(m), Some(d)) => (format!("{year:04}-{m:02}-{d:02}"), DatePrecision::Day),
        (Some(m), None) => (format!("{year:04}-{m:02}"), DatePrecision::Month),
        _ => (format!("{year:04}"), DatePrecision::Year),
    })
}

#[cfg(test)]
mod tests {
    use super::iso_date;
    use crate::model::DatePrecision;

    #[test]
    fn metadata_dates_in_the_forms_sites_write_them() {
        for (written, want) in [
            ("2018年12月29日", "2018-12-29"),
            ("2019-01-21 10:00", "2019-01-21"),
            ("2019年01月21日", "2019-01-21"),
            ("2022/5/10", "2022-05-10"),
        ] {
            assert_eq!(
                iso_date(written),
                Some((want.to_string(), DatePrecision::Day)),
                "{written}"
            );
        }
        assert_eq!(iso_date("无"), None);
    }
}
