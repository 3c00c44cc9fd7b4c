//! The bundle as it travels: a small manifest plus content-named shards, and the reader
//! that opens it and fetches shards as queries need them.
//!
//! - [`write`] (native): bundle → manifest + shards, each shard named `KIND.HASH.json` by
//!   its content, so a shard never changes under its name and caches forever.
//! - [`Manifest`]: what the explorer reads first (format, version, the documents' file, and
//!   the index's [`SearchManifest`]).
//! - [`ShardSource`]: where shards come from — [`FileSource`] over a folder natively (tests,
//!   `cargo xtask query`), `fetch` in the browser. Loading is asynchronous; [`search`] runs
//!   a query, loads what it lacked, and runs it again until nothing is missing.
//!
//! Shard names are relative to the manifest. A shard that cannot be fetched or decoded is an
//! error naming the shard; what was loaded before stays usable.
//!
//! Cost: opening reads the manifest and the documents' file (every document without its
//! text and without the spans that slice it); a search then reads the word list once (for Latin words) and the term shards of
//! its terms, each once; a text is read when something shows it ([`load_texts`]).

#[cfg(not(target_arch = "wasm32"))]
pub mod write;

use crate::model::{Bundle, TextFile};
use crate::search::sharded::SearchManifest;
use crate::search::{Index, SearchResult};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::future::Future;

/// What a manifest says it is.
pub const FORMAT: &str = "ftz-explorer-manifest";
/// The manifest version this explorer reads.
pub const VERSION: u32 = 2;
/// The manifest's own file name; shards are named by their content.
pub const MANIFEST: &str = "manifest.json";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    /// The documents' file: a bundle without its index, each text deferred to a file of its own.
    pub documents: String,
    pub search: SearchManifest,
    /// The files of the bundle's links, when it has any (manifests written before links
    /// existed have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<LinksManifest>,
}

/// Where a bundle's links travel: the related items in files by document range (`[first
/// document, file]`, in order: a file holds the rows of its documents up to the next
/// file's first), the citations in one file (the citation graph and "cited by" need all).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinksManifest {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<(u32, String)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citations: Option<String>,
}

impl LinksManifest {
    /// The related-items file holding document `doc`'s rows.
    pub fn related_file(&self, doc: u32) -> Option<&str> {
        let at = self.related.partition_point(|(first, _)| *first <= doc);
        at.checked_sub(1).map(|i| self.related[i].1.as_str())
    }

    fn names(&self) -> impl Iterator<Item = &String> {
        self.related.iter().map(|(_, n)| n).chain(&self.citations)
    }
}

/// A shard that could not be had, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardError {
    pub name: String,
    pub reason: String,
}

impl fmt::Display for ShardError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.reason)
    }
}

impl std::error::Error for ShardError {}

fn error(name: &str, reason: impl Into<String>) -> ShardError {
    ShardError {
        name: name.to_string(),
        reason: reason.into(),
    }
}

/// Where the files of a manifest come from.
pub trait ShardSource {
    /// The text of the file `name` (relative to the manifest).
    fn fetch(&self, name: &str) -> impl Future<Output = Result<String, ShardError>>;

    /// Several files; a source that can fetch in parallel does.
    fn fetch_all(&self, names: &[String]) -> impl Future<Output = Vec<Result<String, ShardError>>> {
        async move {
            let mut out = Vec::with_capacity(names.len());
            for name in names {
                out.push(self.fetch(name).await);
            }
            out
        }
    }
}

/// Whether a shard name stays inside the manifest's folder: one plain file name.
pub fn safe_name(name: &str) -> bool {
    crate::model::is_file_name(name)
}

impl Manifest {
    pub fn from_json(text: &str) -> Result<Manifest, ShardError> {
        let m: Manifest = serde_json::from_str(text)
            .map_err(|e| error(MANIFEST, format!("not a manifest: {e}")))?;
        if m.format != FORMAT {
            return Err(error(
                MANIFEST,
                format!("its format is {:?}, not {FORMAT:?}", m.format),
            ));
        }
        if m.version != VERSION {
            return Err(error(
                MANIFEST,
                format!(
                    "manifest version {} is not supported (this explorer reads version {VERSION})",
                    m.version
                ),
            ));
        }
        let names = std::iter::once(&m.documents)
            .chain(std::iter::once(&m.search.words))
            .chain(m.search.terms.iter().map(|t| &t.1))
            .chain(m.links.iter().flat_map(LinksManifest::names));
        if let Some(bad) = names.into_iter().find(|n| !safe_name(n)) {
            return Err(error(
                MANIFEST,
                format!("{bad:?} is not a file name beside the manifest"),
            ));
        }
        Ok(m)
    }
}

/// A manifest opened: its documents, and the index with nothing loaded yet.
pub struct Opened {
    pub manifest: Manifest,
    pub bundle: Bundle,
    pub index: Index,
}

/// Reads the manifest and the documents.
pub async fn open(source: &impl ShardSource) -> Result<Opened, ShardError> {
    open_from(&source.fetch(MANIFEST).await?, source).await
}

/// Like [`open`], with the manifest's text already read.
pub async fn open_from(manifest: &str, source: &impl ShardSource) -> Result<Opened, ShardError> {
    let manifest = Manifest::from_json(manifest)?;
    let index = Index::from_manifest(&manifest.search).map_err(|e| error(MANIFEST, e))?;
    let text = source.fetch(&manifest.documents).await?;
    let bundle = Bundle::from_json(&text).map_err(|e| error(&manifest.documents, e.to_string()))?;
    if bundle.documents.len() != manifest.search.refs.len() {
        return Err(error(
            &manifest.documents,
            format!(
                "{} documents, the manifest's index has {}",
                bundle.documents.len(),
                manifest.search.refs.len()
            ),
        ));
    }
    Ok(Opened {
        manifest,
        bundle,
        index,
    })
}

/// Every file of a manifest, itself first: what "available offline" means.
pub fn files(manifest: &Manifest, bundle: &Bundle) -> Vec<String> {
    let mut out = vec![
        MANIFEST.to_string(),
        manifest.documents.clone(),
        manifest.search.words.clone(),
    ];
    out.extend(manifest.search.terms.iter().map(|t| t.1.clone()));
    out.extend(text_files(bundle, 0..bundle.documents.len()));
    out.extend(
        manifest
            .links
            .iter()
            .flat_map(LinksManifest::names)
            .cloned(),
    );
    out
}

/// A links file (`name`, content `file`) read and checked against `bundle`'s documents.
pub fn read_links(
    bundle: &Bundle,
    name: &str,
    file: &str,
) -> Result<crate::model::Links, ShardError> {
    let links: crate::model::Links =
        serde_json::from_str(file).map_err(|e| error(name, format!("not a links file: {e}")))?;
    let items: Vec<usize> = bundle.documents.iter().map(|d| d.items.len()).collect();
    links.validate(&items).map_err(|e| error(name, e))?;
    Ok(links)
}

/// Adds the rows of a links file to `into`, keeping both lists in order. A file holds
/// all the rows of its documents (and the citations' file all citations), so rows of a
/// document already there are not added again: reading a file twice changes nothing.
pub fn merge_links(into: &mut crate::model::Links, more: crate::model::Links) {
    let had: std::collections::BTreeSet<u32> = into.related.iter().map(|r| r.from.doc).collect();
    let before = into.related.len();
    into.related.extend(
        more.related
            .into_iter()
            .filter(|r| !had.contains(&r.from.doc)),
    );
    if into.related.len() > before {
        // Stable: each item's rows stay best first.
        into.related.sort_by_key(|r| r.from);
    }
    if into.citations.is_empty() {
        into.citations = more.citations;
    }
}

/// The text file `name` (its content `file`), checked against every document of `bundle`
/// that defers its text to that file.
pub fn read_text(bundle: &Bundle, name: &str, file: &str) -> Result<TextFile, ShardError> {
    let text = TextFile::from_json(file).map_err(|e| error(name, e))?;
    let mut found = false;
    for doc in &bundle.documents {
        if doc.deferred.as_ref().is_some_and(|d| d.file == name) {
            doc.check_text(&text).map_err(|e| error(name, e))?;
            found = true;
        }
    }
    if found {
        Ok(text)
    } else {
        Err(error(name, "no document's text is in this file"))
    }
}

/// Puts the text file `name` (its content `file`) into every document of `bundle` that
/// defers its text to it.
pub fn restore_text(bundle: &mut Bundle, name: &str, file: &str) -> Result<(), ShardError> {
    let text = read_text(bundle, name, file)?;
    for doc in &mut bundle.documents {
        if doc.deferred.as_ref().is_some_and(|d| d.file == name) {
            doc.restore_text(text.clone()).map_err(|e| error(name, e))?;
        }
    }
    Ok(())
}

/// The text files the documents `docs` (indices) still wait for, each once.
pub fn text_files(bundle: &Bundle, docs: impl IntoIterator<Item = usize>) -> Vec<String> {
    let mut names = std::collections::BTreeSet::new();
    for d in docs {
        if let Some(deferred) = bundle
            .documents
            .get(d)
            .and_then(|doc| doc.deferred.as_ref())
        {
            names.insert(deferred.file.clone());
        }
    }
    names.into_iter().collect()
}

/// Loads the texts of the documents `docs`, all fetched before any is decoded; the first
/// failure is returned, the texts that did load stay loaded.
pub async fn load_texts(
    bundle: &mut Bundle,
    source: &impl ShardSource,
    docs: impl IntoIterator<Item = usize>,
) -> Result<(), ShardError> {
    let names = text_files(bundle, docs);
    let texts = source.fetch_all(&names).await;
    let mut first_error = None;
    for (name, text) in names.iter().zip(texts) {
        if let Err(e) = text.and_then(|t| restore_text(bundle, name, &t)) {
            first_error.get_or_insert(e);
        }
    }
    first_error.map_or(Ok(()), Err)
}

/// Loads the shards `names` into `index`, all fetched before any is decoded; the first
/// failure is returned, the shards that did load stay loaded.
pub async fn load(
    index: &mut Index,
    source: &impl ShardSource,
    names: &[String],
) -> Result<(), ShardError> {
    let texts = source.fetch_all(names).await;
    let mut first_error = None;
    for (name, text) in names.iter().zip(texts) {
        let outcome = text.and_then(|t| index.load(name, &t).map_err(|e| error(name, e)));
        if let Err(e) = outcome {
            first_error.get_or_insert(e);
        }
    }
    first_error.map_or(Ok(()), Err)
}

/// Runs a query, loading the shards it needs until its result is complete.
pub async fn search(
    index: &mut Index,
    source: &impl ShardSource,
    query: &str,
    typing: bool,
) -> Result<SearchResult, ShardError> {
    loop {
        let result = index.search(query, typing);
        if result.missing.is_empty() {
            return Ok(result);
        }
        load(index, source, &result.missing).await?;
        if let Some(name) = result.missing.iter().find(|n| !index.is_loaded(n)) {
            return Err(error(name, "loaded, but still missing"));
        }
    }
}

/// The files of a folder, natively.
#[cfg(not(target_arch = "wasm32"))]
pub struct FileSource {
    pub dir: std::path::PathBuf,
}

#[cfg(not(target_arch = "wasm32"))]
impl ShardSource for FileSource {
    async fn fetch(&self, name: &str) -> Result<String, ShardError> {
        if !safe_name(name) {
            return Err(error(name, "not a file name beside the manifest"));
        }
        std::fs::read_to_string(self.dir.join(name)).map_err(|e| error(name, e.to_string()))
    }
}

/// Runs a future that never waits (a [`FileSource`]'s) to its end, for native callers.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
        std::thread::yield_now();
    }
}
