//! Loading the explorer's data — the built-in `data/manifest.json`, or another manifest (or
//! a single-file bundle) named by `?bundle=URL` (same origin or CORS-enabled). boot.js
//! starts the manifest's request, and the documents' once the manifest names them, while
//! the wasm compiles. Then the index shards a query needs are fetched as it asks, and the
//! texts as cards, the reader and exports show them ([`Browser`] is the
//! `store::ShardSource` over `fetch`). Every failure becomes a sentence
//! naming the file.

use crate::model::{Bundle, TextFile};
use crate::search::Index;
use crate::store::{self, ShardError, ShardSource, MANIFEST};
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/app/load.js")]
extern "C" {
    /// The response boot.js already asked for when it was for `url`, else a new fetch.
    #[wasm_bindgen(js_name = takeFetch)]
    fn take_fetch(url: &str) -> js_sys::Promise;

    /// How many of `urls` the data cache holds.
    #[wasm_bindgen(js_name = countStored)]
    pub fn count_stored(urls: js_sys::Array) -> js_sys::Promise;

    /// Stores the `urls` the data cache lacks, calling `progress(stored, total, bytes)`;
    /// resolves to how many could not be stored.
    #[wasm_bindgen(js_name = storeOffline)]
    pub fn store_offline(urls: js_sys::Array, progress: &js_sys::Function) -> js_sys::Promise;

    /// Drops the cached files under `base` that `keep` does not list.
    #[wasm_bindgen(js_name = pruneStored)]
    pub fn prune_stored(base: &str, keep: js_sys::Array) -> js_sys::Promise;
}

/// Larger files are refused before they are read.
const MAX_BYTES: u64 = 200 * 1024 * 1024;

fn describe(error: wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// The text of a response, or why there is none.
async fn text_of(response: js_sys::Promise) -> Result<String, String> {
    let too_large = || {
        format!(
            "larger than the {} MB this explorer reads",
            MAX_BYTES / 1024 / 1024
        )
    };
    let response = JsFuture::from(response).await.map_err(|e| {
        format!("could not be fetched ({}). Is the address right, and does the server allow cross-origin requests?", describe(e))
    })?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "not an HTTP response".to_string())?;
    if !response.ok() {
        return Err(format!(
            "answered HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BYTES) {
        return Err(too_large());
    }
    let text = JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(describe)?;
    let text = text.as_string().ok_or("the response is not text")?;
    if text.len() as u64 > MAX_BYTES {
        return Err(too_large());
    }
    Ok(text)
}

/// The files beside a manifest, fetched by the browser.
#[derive(Clone)]
pub struct Browser {
    /// The manifest's address as given (boot.js prefetched it under this string).
    manifest: String,
    /// The manifest's absolute address, which shard names are relative to.
    base: String,
}

impl Browser {
    /// The address to fetch the file `name` at: the manifest's as given (boot.js
    /// prefetched it under that string), the others beside it.
    fn url(&self, name: &str) -> String {
        if name == MANIFEST {
            return self.manifest.clone();
        }
        self.absolute(name)
    }

    /// The absolute address of the file `name` (the manifest's own too).
    pub fn absolute(&self, name: &str) -> String {
        if name == MANIFEST {
            return self.base.clone();
        }
        web_sys::Url::new_with_base(name, &self.base)
            .map(|u| u.href())
            .unwrap_or_else(|_| name.to_string())
    }
}

impl ShardSource for Browser {
    async fn fetch(&self, name: &str) -> Result<String, ShardError> {
        let url = self.url(name);
        text_of(take_fetch(&url))
            .await
            .map_err(|reason| ShardError {
                name: name.to_string(),
                reason,
            })
    }

    /// Every request is sent before the first answer is awaited.
    fn fetch_all(&self, names: &[String]) -> impl Future<Output = Vec<Result<String, ShardError>>> {
        let pending: Vec<(String, js_sys::Promise)> = names
            .iter()
            .map(|n| (n.clone(), take_fetch(&self.url(n))))
            .collect();
        async move {
            let mut out = Vec::with_capacity(pending.len());
            for (name, promise) in pending {
                out.push(
                    text_of(promise)
                        .await
                        .map_err(|reason| ShardError { name, reason }),
                );
            }
            out
        }
    }
}

/// What start-up loaded: the documents, the index (only the manifest's part for a sharded
/// bundle), and where its shards are.
pub struct Loaded {
    /// Every document with its text deferred.
    pub bundle: Bundle,
    /// The texts at hand, by file name: all of a single-file bundle's, none of a manifest's.
    pub texts: BTreeMap<String, Arc<TextFile>>,
    pub index: Index,
    pub source: Option<Browser>,
    /// Every file of the manifest (none for a single-file bundle).
    pub files: Vec<String>,
    /// The links at hand: all of a single-file bundle's, none of a manifest's …
    pub links: crate::model::Links,
    /// … whose files its manifest names.
    pub links_manifest: Option<store::LinksManifest>,
}

/// Opens the manifest (or single-file bundle) at `url`.
pub async fn open(url: &str) -> Result<Loaded, String> {
    // Only web addresses: a javascript: or data: address is refused here, before the
    // browser would refuse it with a console error.
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = match web_sys::Url::new_with_base(url, &page) {
        Ok(u) if u.protocol() == "http:" || u.protocol() == "https:" => u.href(),
        _ => return Err(format!("{url} is not a web address (http or https)")),
    };
    let source = Browser {
        manifest: url.to_string(),
        base,
    };
    let text = source
        .fetch(MANIFEST)
        .await
        .map_err(|e| format!("{url} {}", e.reason))?;
    // The manifest names its format; a single-file bundle never holds that word.
    if !text.contains(store::FORMAT) {
        // A single-file bundle: its index is built here.
        let mut bundle = Bundle::from_json(&text).map_err(|e| format!("{url}: {e}"))?;
        let index = Index::build(&bundle);
        let links = std::mem::take(&mut bundle.links);
        // Its texts are set apart as a manifest's would be, so that one code path reads both.
        let mut texts = BTreeMap::new();
        for (i, doc) in bundle.documents.iter_mut().enumerate() {
            let name = format!("text-{i}");
            let text = doc.defer_text(name.clone());
            texts.insert(name, Arc::from(text));
        }
        return Ok(Loaded {
            bundle,
            texts,
            index,
            source: None,
            files: Vec::new(),
            links,
            links_manifest: None,
        });
    }
    let mut opened = store::open_from(&text, &source)
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    // The shards of the address's own query come before the first paint, so that the
    // first results are whole. A shard that fails here is tried again, and reported, by
    // the explorer.
    let query = super::url::read().query;
    let _ = store::search(&mut opened.index, &source, &query, true).await;
    let files = store::files(&opened.manifest, &opened.bundle);
    Ok(Loaded {
        bundle: opened.bundle,
        texts: BTreeMap::new(),
        index: opened.index,
        source: Some(source),
        files,
        links: crate::model::Links::default(),
        links_manifest: opened.manifest.links,
    })
}
