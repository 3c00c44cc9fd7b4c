//! `cargo xtask bundle DIR --out FILE`: the same ingest as build.rs, on any folder, with a
//! one-screen summary of what was extracted.

use ftz_explorer::ingest::{self, fs::read_folder};
use ftz_explorer::model::{Bundle, ItemKind};
use std::collections::BTreeMap;
use std::path::Path;

pub fn run(dir: &Path, out: Option<&Path>) -> crate::Result {
    let folder = read_folder(dir).map_err(|e| e.to_string())?;
    for name in &folder.skipped {
        eprintln!("note: skipped {name} (hidden file or folder)");
    }
    let bundle = ingest::ingest(&folder.sources).map_err(|e| e.to_string())?;
    let json = bundle.to_json();
    let source_bytes: usize = folder.sources.iter().map(|s| s.bytes.len()).sum();
    print!("{}", summary(&bundle, dir, source_bytes, json.len()));
    if let Some(out) = out {
        if let Some(parent) = out.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(out, &json).map_err(|e| format!("{}: {e}", out.display()))?;
        println!("written to {}", out.display());
    }
    Ok(())
}

fn summary(bundle: &Bundle, dir: &Path, source_bytes: usize, json_bytes: usize) -> String {
    let mut s = format!(
        "bundle of {} (schema {}): {} documents, {} bytes of text → {} bytes of JSON\n",
        dir.display(),
        bundle.schema,
        bundle.documents.len(),
        source_bytes,
        json_bytes
    );
    for doc in &bundle.documents {
        let mut kinds: BTreeMap<ItemKind, usize> = BTreeMap::new();
        for item in &doc.items {
            *kinds.entry(item.kind).or_default() += 1;
        }
        let kinds: Vec<String> = kinds
            .iter()
            .map(|(k, n)| format!("{n} {k:?}").to_lowercase())
            .collect();
        let annotations: usize = doc.items.iter().map(|i| i.annotations.len()).sum();
        s +=
            &format!(
            "  {} [{} {}] {}\n    date {} ({:?}, {:?}); {}; {} annotations, {} figures\n    {}\n",
            doc.file,
            doc.lang.code(),
            doc.encoding,
            doc.title.chars().take(70).collect::<String>(),
            doc.date.value.as_deref().unwrap_or("-"),
            doc.date.precision,
            doc.date.source,
            kinds.join(", "),
            annotations,
            doc.figures.len(),
            doc.doc_numbers.iter().map(|n| n.text.as_str()).collect::<Vec<_>>().join("; "),
        );
    }
    s += &format!(
        "  {} agencies, {} regions, {} topics; {} warnings\n",
        bundle.agencies.len(),
        bundle.regions.len(),
        bundle.topics.len(),
        bundle.warnings.len()
    );
    for w in &bundle.warnings {
        s += &format!("  warning: {}: {}\n", w.doc, w.message);
    }
    s
}
