//! The link stage on real documents: related items against a labelled set of pairs from
//! the seeds, the gov.cn pages and real FTZ documents (`tests/fixtures/related/`),
//! copies against the scaled corpus's known copies, citations against every number and
//! title cited in those documents, and the links' own files in a sharded bundle.

mod common;
use ftz_explorer::ingest::{self, fs::read_folder};
use ftz_explorer::model::{Bundle, ItemAt, Links, Relation};
use ftz_explorer::store::{self, block_on, ShardSource};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seeds, the gov.cn pages' text copies and the related-items fixtures, ingested
/// together and linked.
fn corpus() -> Bundle {
    let mut sources = Vec::new();
    for dir in [
        "seeds",
        "tests/fixtures/govcn-2019",
        "tests/fixtures/related/docs",
    ] {
        let path = root().join(dir);
        if path.exists() {
            sources.extend(read_folder(&path).unwrap().sources);
        }
    }
    let mut bundle = ingest::ingest(&sources).unwrap();
    ftz_explorer::link::link(&mut bundle).unwrap();
    bundle
}

#[test]
fn links_travel_in_files_of_their_own_and_read_back_the_same() {
    let bundle = corpus();
    assert!(!bundle.links.related.is_empty() && !bundle.links.citations.is_empty());
    let source = common::sharded(&bundle, "links-shards", store::write::SHARD_BYTES);
    let opened = block_on(store::open(&source)).unwrap();
    // The documents' file does not carry them.
    assert!(opened.bundle.links.is_empty());
    let manifest = opened
        .manifest
        .links
        .clone()
        .expect("the manifest names the links' files");
    let mut links = Links::default();
    for name in manifest
        .related
        .iter()
        .map(|(_, n)| n)
        .chain(&manifest.citations)
    {
        let text = block_on(source.fetch(name)).unwrap();
        let read = store::read_links(&opened.bundle, name, &text).unwrap();
        store::merge_links(&mut links, read.clone());
        // Read twice, nothing changes.
        store::merge_links(&mut links, read);
    }
    assert_eq!(links, bundle.links);
    // Each document's rows are in the file the manifest names for it.
    for r in &bundle.links.related {
        let name = manifest.related_file(r.from.doc).unwrap();
        let text = block_on(source.fetch(name)).unwrap();
        let read = store::read_links(&opened.bundle, name, &text).unwrap();
        assert!(read.related_to(r.from).contains(r), "{r:?} not in {name}");
    }
    // A links file of another corpus is refused, naming it.
    let mut small = bundle.clone();
    small.documents.truncate(2);
    let name = &manifest.related[manifest.related.len() - 1].1;
    let text = block_on(source.fetch(name)).unwrap();
    let err = store::read_links(&small, name, &text).unwrap_err();
    assert_eq!(&err.name, name);
}

#[test]
fn related_rows_are_in_order_between_documents_and_scored() {
    let bundle = corpus();
    for r in &bundle.links.related {
        assert_ne!(r.from.doc, r.to.doc);
        assert!((1..=100).contains(&r.score));
    }
    // Each item: at most one match per other document; copies, then same language, then
    // across languages.
    let mut items: Vec<ItemAt> = bundle.links.related.iter().map(|r| r.from).collect();
    items.dedup();
    for item in items {
        let rows = bundle.links.related_to(item);
        let mut docs: Vec<u32> = rows.iter().map(|r| r.to.doc).collect();
        docs.sort();
        docs.dedup();
        assert_eq!(docs.len(), rows.len(), "{rows:?}");
        let rank = |r: Relation| match r {
            Relation::Copy => 0,
            Relation::Similar => 1,
            Relation::AcrossLanguages => 2,
        };
        assert!(rows
            .windows(2)
            .all(|w| rank(w[0].relation) <= rank(w[1].relation)));
        for r in rows {
            let (a, b) = (
                &bundle.documents[r.from.doc as usize],
                &bundle.documents[r.to.doc as usize],
            );
            assert_eq!(
                r.relation == Relation::AcrossLanguages,
                a.lang != b.lang,
                "{r:?}"
            );
        }
    }
}
