//! `cargo xtask query --bundle FILE "QUERY" [--json] [--limit N]`: the browser's search
//! engine from the terminal.

use ftz_explorer::model::Bundle;
use ftz_explorer::search::Index;
use std::path::Path;

pub fn run(bundle: Option<&Path>, query: &str, json: bool, limit: usize) -> crate::Result {
    let bundle = match bundle {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Bundle::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => Bundle::from_json(ftz_explorer::seed_bundle_json()).map_err(|e| e.to_string())?,
    };
    let index = Index::build(&bundle);
    let result = index.search(query, false);
    let mut rows = Vec::new();
    for hit in result.hits.iter().take(limit) {
        let r = index.item_ref(hit.id);
        let doc = &bundle.documents[r.doc as usize];
        let item = &doc.items[r.item as usize];
        let text: Vec<char> = doc.item_text(item).chars().collect();
        let snippet = index.snippet(hit.id, &result.highlight, 160);
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
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    println!("{} hits for {query:?}", result.hits.len());
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
