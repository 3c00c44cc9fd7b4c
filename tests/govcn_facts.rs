//! Real documents: 50 State Council pages from gov.cn (a public crawl of www.gov.cn made
//! on 2019-02-17, stored as a MySQL dump in the public GitHub repository ZhouYNF/platform-1;
//! `tests/fixtures/govcn-2019/NNNN.txt` is each page's text, `index.tsv` its metadata table).
//!
//! Facts counted by hand in 15 of them (`facts.tsv`: title, own number, signing date,
//! numbered sections by level, measures, points, annotations, tables; `measures.tsv`: every
//! measure and point in order; `annotations.tsv`: every responsibility annotation with the
//! path of the item it closes and its lead and supporting units as written). The rules the
//! counts follow are in `tests/fixtures/govcn-2019/README.md`.
#![cfg(not(target_arch = "wasm32"))]

use ftz_explorer::ingest::{self, annotations, metadata, Source};
use ftz_explorer::model::{Bundle, Document, Item, ItemKind};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/govcn-2019");

fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let mut sources = Vec::new();
        for entry in std::fs::read_dir(DIR).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                sources.push(Source {
                    name: path.file_name().unwrap().to_string_lossy().into_owned(),
                    bytes: std::fs::read(&path).unwrap(),
                });
            }
        }
        assert_eq!(sources.len(), 50);
        ingest::ingest(&sources).unwrap()
    })
}

fn doc(id: &str) -> &'static Document {
    bundle()
        .document(id)
        .unwrap_or_else(|| panic!("no document {id}"))
}

/// Rows of a TSV fixture as header → value maps.
fn rows(file: &str) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(format!("{DIR}/{file}")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            header
                .iter()
                .zip(l.split('\t'))
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// Numbered clauses inside articles, counted by hand (the notes column of facts.tsv):
/// 国发〔2018〕41号 has 14, 国令第707号 26 （X） items and 4 Arabic ones under 第六条（五）.
const ARTICLE_CLAUSES: &[(&str, usize)] = &[("0032", 14), ("0033", 30)];

fn n(row: &BTreeMap<String, String>, key: &str) -> usize {
    row[key]
        .parse()
        .unwrap_or_else(|_| panic!("{key}: {:?}", row[key]))
}

fn text<'a>(d: &'a Document, item: &Item) -> &'a str {
    d.item_text(item)
}

/// The numbers of an item's numbered ancestors and its own, as the labels write them:
/// "3.2" for 三、 > （二）, "art12" for an article (and "art12.1" for its first clause).
fn path(d: &Document, index: usize) -> String {
    let mut parts = Vec::new();
    let mut at = Some(index);
    while let Some(i) = at {
        let item = &d.items[i];
        if let Some(number) = item.number {
            let article = item.label.as_deref().is_some_and(|l| l.ends_with('条'));
            if article {
                // Articles are numbered through the whole regulation.
                parts.push(format!("art{number}"));
                break;
            }
            parts.push(number.to_string());
        }
        at = item.parent.map(|p| p as usize);
    }
    parts.reverse();
    parts.join(".")
}

/// A numbered section's level among numbered sections (unnumbered headings such as 附件 or
/// the title of an attached plan are not counted, as in the labels).
fn numbered_level(d: &Document, item: &Item) -> usize {
    let mut level = 1;
    let mut at = item.parent;
    while let Some(p) = at.map(|p| p as usize) {
        let parent = &d.items[p];
        if parent.kind == ItemKind::Section && parent.number.is_some() {
            level += 1;
        }
        at = parent.parent;
    }
    level
}

#[test]
fn the_hand_counted_facts_hold() {
    let mut failures = Vec::new();
    for row in rows("facts.tsv") {
        let d = doc(&row["doc"]);
        let mut check = |what: &str, got: String, want: String| {
            if got != want {
                failures.push(format!("{} {what}: got {got}, counted {want}", d.id));
            }
        };
        check("title", d.title.clone(), row["title"].clone());
        let own: Vec<String> = d
            .doc_numbers
            .iter()
            .map(|n| n.text.replace("国务院令第", "国令第"))
            .collect();
        check("number", own.join(";"), row["number"].clone());
        check(
            "date",
            d.date.value.clone().unwrap_or_default(),
            row["date"].clone(),
        );
        let count = |kind: ItemKind| d.items.iter().filter(|i| i.kind == kind).count();
        check(
            "measures",
            count(ItemKind::Measure).to_string(),
            row["measures"].clone(),
        );
        // The labels count an article's clauses apart (below), not as points.
        let (clauses, points): (Vec<usize>, Vec<usize>) = (0..d.items.len())
            .filter(|&k| d.items[k].kind == ItemKind::Point)
            .partition(|&k| path(d, k).starts_with("art"));
        check("points", points.len().to_string(), row["points"].clone());
        let counted_clauses = ARTICLE_CLAUSES
            .iter()
            .find(|(id, _)| *id == d.id)
            .map_or(0, |c| c.1);
        check(
            "article clauses",
            clauses.len().to_string(),
            counted_clauses.to_string(),
        );
        check(
            "tables",
            count(ItemKind::Table).to_string(),
            row["tables"].clone(),
        );
        let annotations: usize = d.items.iter().map(|i| i.annotations.len()).sum();
        check(
            "annotations",
            annotations.to_string(),
            row["annotations"].clone(),
        );
        for level in 1..=4 {
            let got = d
                .items
                .iter()
                .filter(|i| i.kind == ItemKind::Section && i.number.is_some())
                .filter(|i| numbered_level(d, i) == level)
                .count();
            let key = format!("sections_l{level}");
            check(&key, got.to_string(), n(&row, &key).to_string());
        }
        assert_eq!(
            d.items.iter().filter(|i| i.kind == ItemKind::Title).count(),
            1,
            "{}: one title item",
            d.id
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_measure_and_point_in_order() {
    let mut expected: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    for row in rows("measures.tsv") {
        expected.entry(row["doc"].clone()).or_default().push((
            row["path"].clone(),
            row["kind"].clone(),
            row["first12"].clone(),
        ));
    }
    for (id, want) in expected {
        let d = doc(&id);
        let got: Vec<(String, String, String)> = d
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(i.kind, ItemKind::Measure | ItemKind::Point))
            .filter(|&(k, i)| i.kind == ItemKind::Measure || !path(d, k).starts_with("art"))
            .map(|(k, i)| {
                let kind = if i.kind == ItemKind::Measure {
                    "measure"
                } else {
                    "point"
                };
                let first_line = text(d, i).lines().next().unwrap_or("");
                let start: String = first_line.chars().take(12).collect();
                (path(d, k), kind.to_string(), start)
            })
            .collect();
        let differ: Vec<String> = want
            .iter()
            .zip(&got)
            .filter(|(w, g)| w != g)
            .map(|(w, g)| format!("counted {w:?}, got {g:?}"))
            .collect();
        assert!(
            differ.is_empty() && want.len() == got.len(),
            "{id}: {} counted, {} found\n{}",
            want.len(),
            got.len(),
            differ.join("\n")
        );
    }
}

#[test]
fn every_annotation_on_the_item_it_closes_with_its_units() {
    let mut expected: BTreeMap<String, Vec<BTreeMap<String, String>>> = BTreeMap::new();
    for row in rows("annotations.tsv") {
        expected.entry(row["doc"].clone()).or_default().push(row);
    }
    for (id, want) in expected {
        let d = doc(&id);
        let rule = annotations::states_first_is_lead(&d.text);
        let mut got = Vec::new();
        for (k, item) in d.items.iter().enumerate() {
            for a in &item.annotations {
                let written = d.slice(a.span);
                let raw = annotations::find(written).remove(0);
                let roles = raw.roles(rule.is_some_and(|at| at < a.span.end()));
                let names = |lead: bool| {
                    roles
                        .iter()
                        .filter(|(_, r, collective)| {
                            !collective && (*r == ftz_explorer::model::Role::Lead) == lead
                        })
                        .map(|(n, _, _)| n.as_str())
                        .collect::<Vec<_>>()
                        .join("、")
                };
                assert!(
                    matches!(item.kind, ItemKind::Measure | ItemKind::Point),
                    "{id}: {written} is on a {:?}",
                    item.kind
                );
                got.push((path(d, k), written.to_string(), names(true), names(false)));
            }
        }
        let want: Vec<(String, String, String, String)> = want
            .iter()
            .map(|r| {
                let cell = |k: &str| r.get(k).cloned().unwrap_or_default();
                (cell("path"), cell("text"), cell("lead"), cell("support"))
            })
            .collect();
        assert_eq!(got, want, "{id}");
    }
}

#[test]
fn metadata_lines_are_meta_on_every_page() {
    for d in &bundle().documents {
        for item in &d.items {
            let line = text(d, item);
            if metadata::is_number_line(line) {
                assert_eq!(item.kind, ItemKind::Meta, "{}: {line}", d.id);
            }
            if line.ends_with("（此件公开发布）") {
                assert_eq!(item.kind, ItemKind::Meta, "{}: {line}", d.id);
            }
        }
        assert_eq!(
            d.items.iter().filter(|i| i.kind == ItemKind::Title).count(),
            1,
            "{}: exactly one title item",
            d.id
        );
    }
}

/// Every page's own number is the one in index.tsv (its metadata table), and no page is
/// labelled with a number it only cites.
#[test]
fn own_numbers_match_the_metadata_table() {
    let index = rows("index.tsv");
    let mut wrong = Vec::new();
    for row in &index {
        let d = doc(&row["NNNN"]);
        let own: Vec<String> = d
            .doc_numbers
            .iter()
            .map(|n| n.text.replace("国务院令第", "国令第"))
            .collect();
        if own != [row["发文字号"].clone()] {
            wrong.push(format!("{}: {own:?} ≠ {}", d.id, row["发文字号"]));
        }
        assert!(
            d.cited_numbers.iter().all(|c| c.text != row["发文字号"]),
            "{}",
            d.id
        );
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// National documents are not "in" every region they name: a State Council notice on
/// employment has no region, and one about Hubei is about Hubei.
#[test]
fn documents_have_the_regions_of_their_title_and_issuer() {
    let b = bundle();
    let names = |d: &Document| -> Vec<String> {
        d.regions
            .iter()
            .map(|&r| b.regions[r as usize].en.clone())
            .collect()
    };
    assert_eq!(names(doc("0039")), Vec::<String>::new());
    assert_eq!(names(doc("0001")), Vec::<String>::new());
    assert!(
        names(doc("0048")).iter().any(|r| r.contains("Hubei")),
        "{:?}",
        names(doc("0048"))
    );
    let with_regions = b.documents.iter().filter(|d| !d.regions.is_empty()).count();
    assert!(
        with_regions < 25,
        "{with_regions} of 50 documents have regions"
    );
}

/// Parenthesised clauses of a text (outermost pairs of （）), as byte spans.
fn clauses(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '（' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            '）' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push((start, i + c.len_utf8()));
                }
            }
            _ => {}
        }
    }
    out
}

/// On every one of the 50 pages, every clause that closes with 负责 / 牵头 / 参与 / 指导 or
/// opens with 负责部门 / 牵头单位 / 责任单位 lies in an annotation of the measure or point it
/// closes — except the clauses listed in `not_annotations.tsv`, each judged by hand to be an
/// explanation rather than a list of units (with the reason).
#[test]
fn every_responsibility_clause_on_every_page_is_an_annotation() {
    let exceptions: Vec<(String, String)> = rows("not_annotations.tsv")
        .into_iter()
        .map(|r| (r["doc"].clone(), r["text"].clone()))
        .collect();
    let mut missed = Vec::new();
    let mut found = 0;
    for d in &bundle().documents {
        for (start, end) in clauses(&d.text) {
            let clause = &d.text[start..end];
            let inner = &clause[3..clause.len() - 3];
            let closes = ["负责", "牵头", "参与", "指导"]
                .iter()
                .any(|v| inner.ends_with(v) || inner.contains(&format!("{v}。")));
            let opens = ["负责部门", "牵头单位", "责任单位", "牵头部门"]
                .iter()
                .any(|l| inner.starts_with(l));
            if !(closes || opens) {
                continue;
            }
            let on = d.items.iter().find(|item| {
                item.annotations
                    .iter()
                    .any(|a| a.span.start() <= start && end <= a.span.end())
            });
            match on {
                Some(item) if matches!(item.kind, ItemKind::Measure | ItemKind::Point) => {
                    found += 1
                }
                _ if exceptions.contains(&(d.id.clone(), clause.to_string())) => {}
                other => missed.push(format!(
                    "{}: {clause} (on {:?})",
                    d.id,
                    other.map(|i| i.kind)
                )),
            }
        }
    }
    assert!(
        missed.is_empty(),
        "{} found, missed:\n{}",
        found,
        missed.join("\n")
    );
    assert!(found >= 80, "only {found} clauses");
}
