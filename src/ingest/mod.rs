//! Ingest: source files → [`Bundle`]. The one place where document bytes become the model.
//!
//! Pure except for [`fs`], the single helper that lists and reads a folder; `build.rs` and
//! `cargo xtask bundle` both go through [`ingest`], so the browser and the command line
//! always see the same model.
//!
//! Pipeline per file: [`extract`] (by format: text through [`decode`] — encoding
//! detection, line ends, refusal of non-text —, Markdown, HTML pages with their metadata;
//! other formats skipped with a warning) → [`document::build_document`] (the document tree,
//! annotations, numbers, dates, tags; [`boilerplate`] lines are recognised but kept) →
//! [`page::apply`] (what the file says about itself). Files are processed in name order,
//! so the output is deterministic.
//!
//! Cost: linear in the total size of the sources; the whole corpus is held in memory once.

pub mod annotations;
pub mod boilerplate;
pub mod dates;
pub mod decode;
pub mod document;
pub mod extract;
pub mod figures;
pub mod fs;
pub mod lexicon;
pub mod metadata;
pub mod numbering;
pub mod page;
pub mod sentences;
pub mod structure;
pub mod tables;
pub mod topics;
pub mod units;

use crate::model::{Bundle, Warning};
use std::fmt;

/// One input file: its name (used for the document id and in error messages) and bytes.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Why ingest stopped. Always names the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    pub file: String,
    pub reason: String,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.reason)
    }
}

impl std::error::Error for IngestError {}

/// The document id for a file name: the name without its last extension.
pub fn document_id(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    }
}

/// How ingest treats files it cannot read.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// A file that cannot be read becomes a warning instead of stopping the build.
    pub skip_unreadable: bool,
}

/// Turns sources into a bundle. Fails on the first file that cannot be read as text, or
/// when two files would get the same id. Files of formats it does not read are skipped,
/// each with a warning.
pub fn ingest(sources: &[Source]) -> Result<Bundle, IngestError> {
    ingest_with(sources, Options::default())
}

/// [`ingest`] with options.
pub fn ingest_with(sources: &[Source], options: Options) -> Result<Bundle, IngestError> {
    let mut sorted: Vec<&Source> = sources.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    let mut documents = Vec::with_capacity(sorted.len());
    let mut tables = tables::Tables::default();
    let mut warnings = Vec::new();
    for source in sorted {
        let extracted = match extract::extract(&source.name, &source.bytes) {
            Ok(extracted) => extracted,
            Err(e) => {
                let skip = matches!(e, extract::ExtractError::Unsupported { .. })
                    || options.skip_unreadable;
                if !skip {
                    return Err(IngestError {
                        file: source.name.clone(),
                        reason: e.to_string(),
                    });
                }
                warnings.push(Warning {
                    doc: source.name.clone(),
                    message: match e {
                        extract::ExtractError::Unsupported { .. } => e.to_string(),
                        _ => format!("skipped, cannot be read: {e}"),
                    },
                });
                continue;
            }
        };
        let id = document_id(&source.name);
        if let Some(previous) = documents
            .iter()
            .find(|d: &&crate::model::Document| d.id == id)
        {
            return Err(IngestError {
                file: source.name.clone(),
                reason: format!("its id {id:?} is already taken by {}", previous.file),
            });
        }
        if extracted.truncated > 0 {
            warnings.push(Warning {
                doc: id.to_string(),
                message: format!(
                    "the file looks truncated: it ends inside a UTF-8 character, whose {} byte(s) were dropped",
                    extracted.truncated
                ),
            });
        }
        let (document, noticed) = document::build_document(
            id,
            &source.name,
            extracted.encoding,
            extracted.text,
            &extracted.meta,
            &mut tables,
        );
        warnings.extend(noticed.into_iter().map(|message| Warning {
            doc: document.id.clone(),
            message,
        }));
        documents.push(document);
    }
    if documents.is_empty() {
        return Err(IngestError {
            file: "(corpus)".into(),
            reason: "no documents: the folder holds no readable files".into(),
        });
    }
    tables.prune(&mut documents);
    let mut bundle = Bundle::empty();
    bundle.documents = documents;
    bundle.agencies = tables.agencies.entities;
    bundle.regions = tables.regions.entities;
    bundle.topics = tables.topics.entities;
    bundle.warnings = warnings;
    Ok(bundle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(name: &str, text: &str) -> Source {
        Source {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn documents_come_out_in_name_order_with_ids_from_file_names() {
        let bundle =
            ingest(&[source("b.txt", "Second doc"), source("a.txt", "First doc")]).unwrap();
        let ids: Vec<&str> = bundle.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn errors_name_the_file() {
        let err = ingest(&[source("ok.txt", "Fine text"), source("bad.txt", "")]).unwrap_err();
        assert_eq!(err.file, "bad.txt");
        assert!(err.to_string().starts_with("bad.txt: "), "{err}");
        let err = ingest(&[source("a.txt", "one"), source("a.md", "two")]).unwrap_err();
        assert!(err.reason.contains("already taken"), "{err}");
    }

    #[test]
    fn ids_drop_only_the_last_extension() {
        assert_eq!(document_id("000_abc.txt"), "000_abc");
        assert_eq!(document_id("notice.2021.txt"), "notice.2021");
        assert_eq!(document_id(".hidden"), ".hidden");
        assert_eq!(document_id("README"), "README");
    }
}
