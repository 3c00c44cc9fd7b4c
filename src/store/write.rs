//! Writing a bundle as a manifest plus content-named shards (the last stage of the build,
//! after ingest and indexing). Pure: it returns the files; the caller writes them.
//!
//! The documents' file holds every document without its text (see `model::DeferredText`);
//! each text is a file of its own with the spans that slice it (`model::TextFile`), shared
//! by the documents whose text and spans are the same.
//!
//! Cost: one index build and one encoding of every posting list; the files together are
//! about the bundle plus its index.

use super::{LinksManifest, Manifest, FORMAT, MANIFEST, VERSION};
use crate::model::{Bundle, Links};
use crate::search::sharded::SearchManifest;
use crate::search::Index;

/// Term shards are cut at about this many bytes (a larger posting list is a shard alone).
pub const SHARD_BYTES: usize = 16 * 1024;
/// Related-items files are cut at about this many bytes, between documents.
pub const RELATED_BYTES: usize = 32 * 1024;

pub struct File {
    pub name: String,
    pub text: String,
}

/// FNV-1a, 64 bits: a content name, not a security measure.
fn hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn named(kind: &str, text: String) -> File {
    File {
        name: format!("{kind}.{}.json", hash(&text)),
        text,
    }
}

/// The manifest (first) and every shard of `bundle`, term shards cut at `shard_bytes`.
pub fn write(bundle: &Bundle, shard_bytes: usize) -> Vec<File> {
    let index = Index::build(bundle);
    let split = index.split(bundle.documents.len(), shard_bytes);
    // Each text in a file of its own; documents with the same text share it.
    let mut skeleton = bundle.clone();
    // The links travel in files of their own, read when something shows them.
    let links = std::mem::take(&mut skeleton.links);
    let mut texts = std::collections::BTreeMap::new();
    for doc in &mut skeleton.documents {
        // Named by its content, which is only known once it is taken out.
        let content = doc.defer_text(String::new()).to_json();
        let file = named("text", content);
        if let Some(deferred) = &mut doc.deferred {
            deferred.file = file.name.clone();
        }
        texts.insert(file.name.clone(), file);
    }
    let documents = named("documents", skeleton.to_json());
    let words = named("words", split.words);
    let mut files: Vec<File> = texts.into_values().collect();
    let mut terms = Vec::new();
    for (first, text) in split.terms {
        let file = named("terms", text);
        terms.push((first, file.name.clone()));
        files.push(file);
    }
    let links = (!links.is_empty()).then(|| {
        let (manifest, link_files) = links_files(links);
        files.extend(link_files);
        manifest
    });
    let manifest = Manifest {
        format: FORMAT.to_string(),
        version: VERSION,
        documents: documents.name.clone(),
        search: SearchManifest {
            refs: split.refs,
            words: words.name.clone(),
            terms,
        },
        links,
    };
    let manifest = File {
        name: MANIFEST.to_string(),
        text: serde_json::to_string(&manifest).unwrap_or_default(),
    };
    let mut all = vec![manifest, documents, words];
    all.append(&mut files);
    all
}

/// The links' files: the related items cut between documents at about [`RELATED_BYTES`],
/// the citations in one file.
fn links_files(links: Links) -> (LinksManifest, Vec<File>) {
    let mut manifest = LinksManifest::default();
    let mut files = Vec::new();
    let mut flush = |rows: &mut Vec<crate::model::Related>, manifest: &mut LinksManifest| {
        if let Some(first) = rows.first().map(|r| r.from.doc) {
            let chunk = Links {
                related: std::mem::take(rows),
                citations: Vec::new(),
            };
            let file = named("related", serde_json::to_string(&chunk).unwrap_or_default());
            manifest.related.push((first, file.name.clone()));
            files.push(file);
        }
    };
    let mut rows = Vec::new();
    let mut bytes = 0;
    for r in links.related {
        if bytes >= RELATED_BYTES
            && rows
                .last()
                .is_some_and(|l: &crate::model::Related| l.from.doc != r.from.doc)
        {
            flush(&mut rows, &mut manifest);
            bytes = 0;
        }
        // About the row's length in JSON.
        bytes += 24;
        rows.push(r);
    }
    flush(&mut rows, &mut manifest);
    if !links.citations.is_empty() {
        let cites = Links {
            related: Vec::new(),
            citations: links.citations,
        };
        let file = named("cites", serde_json::to_string(&cites).unwrap_or_default());
        manifest.citations = Some(file.name.clone());
        files.push(file);
    }
    (manifest, files)
}

/// Whether `name` is a shard this module writes (`KIND.HASH.json`).
fn is_shard(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    matches!(parts[..], [kind, hash, "json"]
        if ["documents", "text", "words", "terms", "related", "cites"].contains(&kind)
            && hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Writes the files of [`write`] into `dir` (created if needed), and removes the shards of
/// an earlier bundle there.
pub fn write_dir(
    bundle: &Bundle,
    dir: &std::path::Path,
    shard_bytes: usize,
) -> std::io::Result<Vec<File>> {
    std::fs::create_dir_all(dir)?;
    let files = write(bundle, shard_bytes);
    let keep: std::collections::BTreeSet<&str> = files.iter().map(|f| f.name.as_str()).collect();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if is_shard(&name) && !keep.contains(name.as_str()) {
            std::fs::remove_file(dir.join(&name))?;
        }
    }
    for f in &files {
        std::fs::write(dir.join(&f.name), &f.text)?;
    }
    Ok(files)
}
