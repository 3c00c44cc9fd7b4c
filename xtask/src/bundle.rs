//! `cargo xtask bundle DIR --out FILE`: the same ingest as build.rs, on any folder.

use ftz_explorer::ingest::{self, fs::read_folder};
use std::path::Path;

pub fn run(dir: &Path, out: Option<&Path>) -> crate::Result {
    let folder = read_folder(dir).map_err(|e| e.to_string())?;
    for name in &folder.skipped {
        eprintln!("note: skipped {name} (hidden file or folder)");
    }
    let bundle = ingest::ingest(&folder.sources).map_err(|e| e.to_string())?;
    let json = bundle.to_json();
    let source_bytes: usize = folder.sources.iter().map(|s| s.bytes.len()).sum();
    println!("bundle of {} (schema {})", dir.display(), bundle.schema);
    println!(
        "  {} documents, {} bytes of source text → {} bytes of JSON",
        bundle.documents.len(),
        source_bytes,
        json.len()
    );
    for doc in &bundle.documents {
        println!(
            "  {:<28} {} {:>9} {:>4} paragraphs  {}",
            doc.file,
            doc.lang.code(),
            doc.encoding,
            doc.paragraphs.len(),
            doc.title.chars().take(60).collect::<String>()
        );
    }
    if let Some(out) = out {
        if let Some(parent) = out.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(out, &json).map_err(|e| format!("{}: {e}", out.display()))?;
        println!("  written to {}", out.display());
    }
    Ok(())
}
