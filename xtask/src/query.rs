//! `cargo xtask query [--bundle FILE | --manifest DIR] "QUERY" [--json] [--limit N]`: the
//! browser's search engine from the terminal. With `--manifest`, the sharded bundle is read
//! as the browser reads it — the manifest, then only the shards the query needs — and the
//! report says which it fetched.

use ftz_explorer::model::Bundle;
use ftz_explorer::search::Index;
use ftz_explorer::store::{self, FileSource, ShardError, ShardSource};
use std::cell::RefCell;
use std::path::PathBuf;

pub enum From {
    Seeds,
    Bundle(PathBuf),
    Manifest(PathBuf),
}

/// A folder source that remembers what it read.
struct Logged {
    files: FileSource,
    read: RefCell<Vec<(String, usize)>>,
}

impl ShardSource for Logged {
    async fn fetch(&self, name: &str) -> Result<String, ShardError> {
        let text = self.files.fetch(name).await?;
        self.read.borrow_mut().push((name.to_string(), text.len()));
        Ok(text)
    }
}

pub fn run(from: From, query: &str, json: bool, limit: usize) -> crate::Result {
    let (bundle, index, result, fetched) = match from {
        From::Manifest(dir) => {
            let source = Logged {
                files: FileSource { dir: dir.clone() },
                read: RefCell::new(Vec::new()),
            };
            let opened = store::block_on(store::open(&source))
                .map_err(|e| format!("{}: {e}", dir.display()))?;
            let mut index = opened.index;
            let opening = source.read.borrow().len();
            let result = store::block_on(store::search(&mut index, &source, query, false))
                .map_err(|e| format!("{}: {e}", dir.display()))?;
            // The texts of the hits shown, as the explorer fetches them for its cards.
            let mut bundle = opened.bundle;
            let shown = result.hits.iter().take(limit);
            let docs: Vec<usize> = shown.map(|h| index.item_ref(h.id).doc as usize).collect();
            store::block_on(store::load_texts(&mut bundle, &source, docs))
                .map_err(|e| format!("{}: {e}", dir.display()))?;
            let fetched = source.read.borrow()[opening..].to_vec();
            (bundle, index, result, Some(fetched))
        }
        From::Bundle(path) => {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let bundle =
                Bundle::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            let index = Index::build(&bundle);
            let result = index.search(query, false);
            (bundle, index, result, None)
        }
        From::Seeds => {
            let bundle =
                Bundle::from_json(ftz_explorer::seed_bundle_json()).map_err(|e| e.to_string())?;
            let index = Index::build(&bundle);
            let result = index.search(query, false);
            (bundle, index, result, None)
        }
    };
    let mut rows = Vec::new();
    for hit in result.hits.iter().take(limit) {
        let r = index.item_ref(hit.id);
        let doc = &bundle.documents[r.doc as usize];
        let item = &doc.items[r.item as usize];
        let text: Vec<char> = doc.item_text(item).chars().collect();
        let snippet =
            ftz_explorer::search::snippet::snippet(doc.item_text(item), &result.highlight, 160);
        let mut marked = String::new();
        let mut at = snippet.start;
        for &(a, b) in &snippet.ranges {
            marked.extend(&text[at..a]);
            marked.push('[');
            marked.extend(&text[a..b]);
            marked.push(']');
            at = b;
        }
        marked.extend(&text[at..snippet.end]);
        rows.push((hit, doc, item, marked.replace('\n', " "), snippet));
    }
    if json {
        let hits: Vec<serde_json::Value> = rows
            .iter()
            .map(|(hit, doc, item, _, snippet)| {
                serde_json::json!({
                    "doc": doc.id, "item": index.item_ref(hit.id).item, "kind": item.kind,
                    "number": item.number, "score": hit.score, "direct": hit.direct,
                    "snippet": { "start": snippet.start, "end": snippet.end, "ranges": snippet.ranges },
                })
            })
            .collect();
        let out = serde_json::json!({
            "query": query, "total": result.hits.len(), "also_matched": result.also_matched, "hits": hits,
            "fetched": fetched.as_ref().map(|f| f.iter().map(|(n, b)| serde_json::json!({"file": n, "bytes": b})).collect::<Vec<_>>()),
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    println!("{} hits for {query:?}", result.hits.len());
    if let Some(fetched) = &fetched {
        let bytes: usize = fetched.iter().map(|f| f.1).sum();
        let names: Vec<&str> = fetched.iter().map(|f| f.0.as_str()).collect();
        println!(
            "fetched {} shards, {bytes} bytes: {}",
            fetched.len(),
            names.join(" ")
        );
    }
    if !result.also_matched.is_empty() {
        println!("also matched: {}", result.also_matched.join(", "));
    }
    for (hit, doc, item, marked, _) in rows {
        let number = item.number.map(|n| format!(" {n}")).unwrap_or_default();
        let via = if hit.direct { "" } else { " (translated)" };
        println!(
            "\n{:.3}{via}  {} · {:?}{number}",
            hit.score, doc.id, item.kind
        );
        println!("  {marked}");
    }
    Ok(())
}
