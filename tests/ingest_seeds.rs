//! Ingest on the real seed documents, and the bundle that build.rs embedded from them.

use ftz_explorer::ingest::{self, fs::read_folder, Source};
use ftz_explorer::model::{Bundle, BundleError, ItemKind, SCHEMA_VERSION};
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
fn every_seed_becomes_a_document_whose_items_cover_its_lines() {
    let sources = seed_sources();
    let bundle = ingest::ingest(&sources).unwrap();
    assert_eq!(bundle.schema, SCHEMA_VERSION);
    assert_eq!(bundle.documents.len(), sources.len());
    for (doc, source) in bundle.documents.iter().zip(&sources) {
        assert_eq!(doc.file, source.name);
        assert!(
            !doc.title.is_empty() && doc.title != doc.id,
            "{}: no title",
            doc.id
        );
        // The kept text is exactly the source text (the seeds are UTF-8 with \n line ends).
        assert_eq!(doc.text.as_bytes(), source.bytes.as_slice());
        // Items are in document order and do not overlap.
        for pair in doc.items.windows(2) {
            assert!(
                pair[0].span.1 <= pair[1].span.0,
                "{}: items overlap or are out of order",
                doc.id
            );
        }
        // Every non-blank line is covered by an item, or is the label of the case part after it.
        let mut offset = 0;
        for line in doc.text.split('\n') {
            let (start, end) = (offset, offset + line.len());
            offset = end + 1;
            let content = line.trim();
            if content.is_empty() {
                continue;
            }
            let covered = doc
                .items
                .iter()
                .any(|i| i.span.start() < end && i.span.end() > start);
            let is_label = doc.items.iter().any(|i| {
                i.kind == ItemKind::CasePart
                    && i.span.start() >= end
                    && i.label
                        .as_deref()
                        .is_some_and(|l| content.trim_end_matches([':', '：']) == l)
            });
            assert!(
                covered || is_label,
                "{}: line not covered: {content:?}",
                doc.id
            );
        }
    }
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
    let half = (0..=good.len() / 2)
        .rev()
        .find(|&i| good.is_char_boundary(i))
        .unwrap();
    let truncated = &good[..half];
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
    let bad_span = good.replacen("\"span\":[", "\"span\":[999999999,999999999],\"x\":[", 1);
    let err = Bundle::from_json(&bad_span).unwrap_err();
    assert!(err.to_string().contains("does not fit"), "{err}");
    // The charts slice dates by byte position: a date that is not one is refused, not a panic.
    let bad_date = good.replacen("\"value\":\"20", "\"value\":\"二〇", 1);
    let err = Bundle::from_json(&bad_date).unwrap_err();
    assert!(err.to_string().contains("二〇"), "{err}");
}
