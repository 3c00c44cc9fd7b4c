//! Writing a bundle as a manifest plus content-named shards (the last stage of the build,
//! after ingest and indexing). Pure: it returns the files; the caller writes them.
//!
//! The documents' file holds every document without its text (see `model::DeferredText`);
//! each text is a file of its own with the spans that slice it (`model::TextFile`), shared
//! by the documents whose text and spans are the same.
//!
//! Cost: one index build and one encoding of every posting list; the files together are
//! about the bundle plus its index.

use super::{Manifest, FORMAT, MANIFEST, VERSION};
use crate::model::Bundle;
use crate::search::sharded::SearchManifest;
use crate::search::Index;

/// Term shards are cut at about this many bytes (a larger posting list is a shard alone).
pub const SHARD_BYTES: usize = 16 * 1024;

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
    let manifest = Manifest {
        format: FORMAT.to_string(),
        version: VERSION,
        documents: documents.name.clone(),
        search: SearchManifest {
            refs: split.refs,
            words: words.name.clone(),
            terms,
        },
    };
    let manifest = File {
        name: MANIFEST.to_string(),
        text: serde_json::to_string(&manifest).unwrap_or_default(),
    };
    let mut all = vec![manifest, documents, words];
    all.append(&mut files);
    all
}

/// Whether `name` is a shard this module writes (`KIND.HASH.json`).
fn is_shard(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    matches!(parts[..], [kind, hash, "json"]
        if ["documents", "text", "words", "terms"].contains(&kind)
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
