//! `cargo xtask links DIR`: the same ingest and link stage as the build, on any folder, with
//! every related pair and every citation written out — for checking what the link stage
//! found against the documents.

use ftz_explorer::ingest::{self, fs::read_folder};
use ftz_explorer::model::{Bundle, ItemAt};
use std::path::Path;

pub fn run(dir: &Path, options: ingest::Options) -> crate::Result {
    let folder = read_folder(dir).map_err(|e| e.to_string())?;
    let mut bundle = ingest::ingest_with(&folder.sources, options).map_err(|e| e.to_string())?;
    ftz_explorer::link::link(&mut bundle)?;
    print!("{}", report(&bundle));
    println!("{}", crate::bundle::links_summary(&bundle));
    Ok(())
}

/// An item as one line: its document's file, its number path and the start of its text.
fn line(bundle: &Bundle, at: ItemAt) -> String {
    let doc = &bundle.documents[at.doc as usize];
    let item = &doc.items[at.item as usize];
    let text: String = doc
        .item_text(item)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(90)
        .collect();
    format!("{} #{} {text}", doc.file, at.item)
}

fn report(bundle: &Bundle) -> String {
    let mut s = String::new();
    for r in &bundle.links.related {
        // Each pair once: from the lower item when both directions are kept.
        let back = bundle.links.related_to(r.to).iter().any(|b| b.to == r.from);
        if back && r.to < r.from {
            continue;
        }
        s += &format!(
            "{} {:3}  {}\n          {}\n",
            r.relation.key(),
            r.score,
            line(bundle, r.from),
            line(bundle, r.to)
        );
    }
    for c in &bundle.links.citations {
        let target = c.target.map_or("external".to_string(), |t| {
            format!("→ {}", bundle.documents[t as usize].file)
        });
        s += &format!(
            "cites {:?} {:?} {target}{}  ({})\n",
            c.kind,
            c.text,
            if c.across { " (across languages)" } else { "" },
            bundle.documents[c.from.doc as usize].file
        );
    }
    s
}
