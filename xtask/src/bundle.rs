//! `cargo xtask bundle DIR [--out FILE] [--shards DIR]`: the same ingest as build.rs, on any
//! folder, with a one-screen summary of what was extracted, written as one bundle file
//! and/or as manifest + shards; `cargo xtask audit DIR`: the same ingest, with
//! a longer per-document report for checking what was read against the documents.

use ftz_explorer::ingest::{self, fs::read_folder};
use ftz_explorer::model::{Bundle, Document, ItemKind, Role};
use std::collections::BTreeMap;
use std::path::Path;

pub fn run(
    dir: &Path,
    out: Option<&Path>,
    shards: Option<&Path>,
    options: ingest::Options,
) -> crate::Result {
    let folder = read_folder(dir).map_err(|e| e.to_string())?;
    for name in &folder.skipped {
        eprintln!("note: skipped {name} (hidden file or folder)");
    }
    let mut bundle = ingest::ingest_with(&folder.sources, options).map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    ftz_explorer::link::link(&mut bundle)?;
    let link_time = started.elapsed();
    let json = bundle.to_json();
    let source_bytes: usize = folder.sources.iter().map(|s| s.bytes.len()).sum();
    print!("{}", summary(&bundle, dir, source_bytes, json.len()));
    println!(
        "{} (linked in {:.1} s)",
        links_summary(&bundle),
        link_time.as_secs_f64()
    );
    if let Some(out) = out {
        if let Some(parent) = out.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(out, &json).map_err(|e| format!("{}: {e}", out.display()))?;
        println!("written to {}", out.display());
    }
    if let Some(shards) = shards {
        let files = ftz_explorer::store::write::write_dir(
            &bundle,
            shards,
            ftz_explorer::store::write::SHARD_BYTES,
        )
        .map_err(|e| format!("{}: {e}", shards.display()))?;
        let bytes: usize = files.iter().map(|f| f.text.len()).sum();
        println!(
            "written to {}: {} and {} shards, {bytes} bytes",
            shards.display(),
            ftz_explorer::store::MANIFEST,
            files.len() - 1
        );
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

/// One line on the links: related items by relation, citations resolved and external.
pub fn links_summary(bundle: &Bundle) -> String {
    use ftz_explorer::model::Relation;
    let related = &bundle.links.related;
    let count = |r: Relation| related.iter().filter(|x| x.relation == r).count();
    let citations = &bundle.links.citations;
    let resolved = citations.iter().filter(|c| c.target.is_some()).count();
    format!(
        "links: {} related items ({} copies, {} same language, {} across languages); {} citations ({} resolved, {} external)",
        related.len(),
        count(Relation::Copy),
        count(Relation::Similar),
        count(Relation::AcrossLanguages),
        citations.len(),
        resolved,
        citations.len() - resolved
    )
}

/// The audit report of a folder: per document what ingest read, then the totals.
pub fn audit(dir: &Path, options: ingest::Options) -> crate::Result {
    let folder = read_folder(dir).map_err(|e| e.to_string())?;
    let bundle = ingest::ingest_with(&folder.sources, options).map_err(|e| e.to_string())?;
    print!("{}", audit_report(&bundle));
    Ok(())
}

fn audit_report(bundle: &Bundle) -> String {
    let mut s = String::new();
    let (mut measures, mut with_unit, mut with_lead) = (0usize, 0usize, 0usize);
    for doc in &bundle.documents {
        s += &format!("{}  {}\n", doc.file, doc.title);
        let derived = if doc.title_derived {
            " (title derived)"
        } else {
            ""
        };
        let numbers = |list: &[ftz_explorer::model::DocNumber]| {
            list.iter()
                .map(|n| n.text.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        };
        s += &format!(
            "  {}{derived}; number: {}; cites: {}\n  date {} ({:?}, {:?}){}\n",
            doc.lang.code(),
            or_dash(&numbers(&doc.doc_numbers)),
            or_dash(&numbers(&doc.cited_numbers)),
            doc.date.value.as_deref().unwrap_or("-"),
            doc.date.precision,
            doc.date.source,
            doc.date
                .note
                .as_deref()
                .map(|n| format!(": {n}"))
                .unwrap_or_default(),
        );
        s += &format!("  {}\n", kinds_by_level(doc));
        let annotations: usize = doc.items.iter().map(|i| i.annotations.len()).sum();
        let doc_measures: Vec<_> = doc
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::Measure)
            .collect();
        let units = doc_measures
            .iter()
            .filter(|i| !i.annotations.is_empty())
            .count();
        let leads = doc_measures
            .iter()
            .filter(|i| !i.units(Role::Lead).is_empty())
            .count();
        measures += doc_measures.len();
        with_unit += units;
        with_lead += leads;
        s += &format!(
            "  {annotations} annotations; measures with a responsible unit {units}/{}, with a lead {leads}/{}\n",
            doc_measures.len(),
            doc_measures.len()
        );
        let regions: Vec<&str> = doc
            .regions
            .iter()
            .filter_map(|&r| bundle.regions.get(r as usize))
            .map(|e| e.name(ftz_explorer::model::Lang::En))
            .collect();
        s += &format!("  own regions: {}\n", or_dash(&regions.join(", ")));
        for w in bundle.warnings.iter().filter(|w| w.doc == doc.id) {
            s += &format!("  warning: {}\n", w.message);
        }
    }
    s += &format!(
        "{} documents; {measures} measures, {with_unit} with a responsible unit ({} without), {with_lead} with a lead unit; {} warnings\n",
        bundle.documents.len(),
        measures - with_unit,
        bundle.warnings.len()
    );
    s
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "-"
    } else {
        s
    }
}

/// "1 title, 3 meta, sections 4/7 (by level), 20 measure, 3 point, 5 paragraph".
fn kinds_by_level(doc: &Document) -> String {
    let mut kinds: BTreeMap<ItemKind, usize> = BTreeMap::new();
    let mut levels: BTreeMap<u8, usize> = BTreeMap::new();
    for item in &doc.items {
        *kinds.entry(item.kind).or_default() += 1;
        if let Some(level) = item.level {
            *levels.entry(level).or_default() += 1;
        }
    }
    kinds
        .iter()
        .map(|(k, n)| {
            if *k == ItemKind::Section {
                let by_level: Vec<String> =
                    levels.iter().map(|(l, n)| format!("L{l} {n}")).collect();
                format!("{n} section ({})", by_level.join(", "))
            } else {
                format!("{n} {k:?}").to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
