//! Ingest on the real seed documents, and the bundle that build.rs embedded from them.

use ftz_explorer::ingest::{self, fs::read_folder, Source};
use ftz_explorer::model::{Bundle, BundleError, Lang, SCHEMA_VERSION};
use std::path::Path;

fn seed_sources() -> Vec<Source> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let folder = read_folder(&dir).expect("seeds/ is readable");
    assert!(
        folder.skipped.is_empty(),
        "unexpected entries: {:?}",
        folder.skipped
    );
    folder.sources
}

#[test]
fn every_seed_becomes_a_document_with_a_title_language_and_paragraphs() {
    let sources = seed_sources();
    let bundle = ingest::ingest(&sources).unwrap();
    assert_eq!(bundle.schema, SCHEMA_VERSION);
    assert_eq!(bundle.documents.len(), sources.len());
    for (doc, source) in bundle.documents.iter().zip(&sources) {
        assert_eq!(doc.file, source.name);
        assert!(source.name.starts_with(&doc.id));
        assert!(
            !doc.title.is_empty() && doc.title != doc.id,
            "{}: no title",
            doc.id
        );
        assert!(
            doc.paragraphs.len() >= 3,
            "{}: {} paragraphs",
            doc.id,
            doc.paragraphs.len()
        );
        // The kept text is exactly the source text (the seeds are UTF-8 with \n line ends).
        assert_eq!(doc.text.as_bytes(), source.bytes.as_slice());
        // Paragraphs cover every non-blank line of the text, in order, and nothing else.
        let expected: Vec<&str> = doc
            .text
            .lines()
            .map(|l| l.trim_matches(ingest::document::is_space))
            .filter(|l| !l.is_empty())
            .collect();
        let got: Vec<&str> = doc.paragraph_texts().collect();
        assert_eq!(got, expected, "{}", doc.id);
    }
}

#[test]
fn languages_and_titles_of_the_seeds() {
    let bundle = ingest::ingest(&seed_sources()).unwrap();
    let by_prefix = |prefix: &str| {
        bundle
            .documents
            .iter()
            .find(|d| d.id.starts_with(prefix))
            .unwrap_or_else(|| panic!("no document {prefix}_…"))
    };
    for prefix in ["000", "001", "002", "003"] {
        assert_eq!(by_prefix(prefix).lang, Lang::En, "{prefix}");
    }
    let hubei = by_prefix("004");
    assert_eq!(hubei.lang, Lang::Zh);
    assert!(hubei.title.contains("自由贸易试验区"), "{}", hubei.title);
    // 002 opens with site navigation and a breadcrumb; the title is the heading after them.
    let jilin = by_prefix("002");
    assert!(
        jilin.title.starts_with("Policy interpretation"),
        "{}",
        jilin.title
    );
}

#[test]
fn the_same_seeds_give_byte_identical_bundles() {
    let first = ingest::ingest(&seed_sources()).unwrap().to_json();
    let mut reversed = seed_sources();
    reversed.reverse();
    let second = ingest::ingest(&reversed).unwrap().to_json();
    assert_eq!(first, second);
}

#[test]
fn build_rs_embedded_exactly_what_ingest_produces() {
    // Holds unless the build was pointed at another folder with FTZ_SEEDS_DIR.
    if std::env::var_os("FTZ_SEEDS_DIR").is_some() {
        return;
    }
    let embedded = ftz_explorer::seed_bundle_json();
    assert_eq!(embedded, ingest::ingest(&seed_sources()).unwrap().to_json());
    let parsed = Bundle::from_json(embedded).unwrap();
    assert_eq!(
        parsed.to_json(),
        embedded,
        "parse → serialise is the identity"
    );
}

#[test]
fn bundles_of_other_versions_or_shapes_are_refused_with_a_reason() {
    let good = ftz_explorer::seed_bundle_json();
    let truncated = &good[..good.len() / 2];
    assert!(matches!(
        Bundle::from_json(truncated),
        Err(BundleError::Malformed(_))
    ));
    assert!(matches!(
        Bundle::from_json(r#"{"type":"FeatureCollection","features":[]}"#),
        Err(BundleError::Malformed(_))
    ));
    let future = good.replacen(&format!("\"schema\":{SCHEMA_VERSION}"), "\"schema\":999", 1);
    assert_eq!(
        Bundle::from_json(&future),
        Err(BundleError::Version { found: 999 })
    );
    let bad_span = good.replacen(
        "\"paragraphs\":[[",
        "\"paragraphs\":[[999999999,999999999],[",
        1,
    );
    let err = Bundle::from_json(&bad_span).unwrap_err();
    assert!(err.to_string().contains("does not fit"), "{err}");
}
