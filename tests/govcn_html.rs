//! The same 50 State Council pages as `govcn_facts.rs`, read from the saved gov.cn pages
//! (`tests/fixtures/govcn-2019/html/`: the page body with gov.cn's metadata table, from the
//! same public crawl) instead of their text copies. Oracles: the page's metadata table as
//! `index.tsv` records it, and the document tree read from the text copy of the same page.
#![cfg(not(target_arch = "wasm32"))]

use ftz_explorer::ingest::{self, Source};
use ftz_explorer::model::{Bundle, DateSource, Document, ItemKind};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/govcn-2019");

fn read(sub: &str, ext: &str) -> Bundle {
    let mut sources = Vec::new();
    for entry in std::fs::read_dir(format!("{DIR}/{sub}")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == ext) {
            sources.push(Source {
                name: path.file_name().unwrap().to_string_lossy().into_owned(),
                bytes: std::fs::read(&path).unwrap(),
            });
        }
    }
    assert_eq!(sources.len(), 50, "{sub}");
    ingest::ingest(&sources).unwrap()
}

fn pages() -> &'static Bundle {
    static B: OnceLock<Bundle> = OnceLock::new();
    B.get_or_init(|| read("html", "html"))
}

fn texts() -> &'static Bundle {
    static B: OnceLock<Bundle> = OnceLock::new();
    B.get_or_init(|| read(".", "txt"))
}

fn index() -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(format!("{DIR}/index.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .map(|l| {
            header
                .iter()
                .zip(l.split('\t'))
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn page(id: &str) -> &'static Document {
    pages().document(id).unwrap()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// "2018年12月29日" → "2018-12-29".
fn iso(written: &str) -> String {
    let digits: Vec<&str> = written
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    format!("{}-{}-{}", digits[0], digits[1], digits[2])
}

#[test]
fn the_metadata_table_of_every_page_is_read() {
    let mut wrong = Vec::new();
    for row in index() {
        let d = page(&row["NNNN"]);
        let info = d.page.as_ref().expect("page metadata");
        let mut check = |what: &str, got: String, want: String| {
            if got != want {
                wrong.push(format!("{} {what}: {got:?} ≠ {want:?}", d.id));
            }
        };
        let number = d
            .doc_numbers
            .first()
            .map(|n| n.text.clone())
            .or(info.number.clone())
            .unwrap_or_default()
            .replace("国务院令第", "国令第");
        check("number", number, row["发文字号"].clone());
        check(
            "signed",
            d.date.value.clone().unwrap_or_default(),
            iso(&row["成文日期"]),
        );
        assert!(
            matches!(d.date.source, DateSource::Page | DateSource::Signed),
            "{}",
            d.id
        );
        check(
            "published",
            info.published.clone().unwrap_or_default(),
            iso(&row["发布日期"]),
        );
        let subjects: Vec<String> = row["主题分类"].split('\\').map(String::from).collect();
        check("subjects", info.subjects.join("|"), subjects.join("|"));
        check("title", squeeze(&d.title), squeeze(&row["title"]));
        assert!(!d.title_derived, "{}", d.id);
        assert!(
            info.issuer
                .as_deref()
                .is_some_and(|i| i.starts_with("国务院")),
            "{}",
            d.id
        );
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The page and its text copy give the same measures and points, in the same order, and
/// the same responsibility annotations.
#[test]
fn a_page_reads_into_the_same_tree_as_its_text_copy() {
    let provisions = |d: &Document| -> Vec<(ItemKind, String)> {
        d.items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Measure | ItemKind::Point))
            .map(|i| (i.kind, squeeze(d.item_text(i)).chars().take(12).collect()))
            .collect()
    };
    let annotations = |d: &Document| -> Vec<String> {
        d.items
            .iter()
            .flat_map(|i| i.annotations.iter().map(|a| squeeze(d.slice(a.span))))
            .collect()
    };
    let mut measures = 0;
    for text in &texts().documents {
        let html = page(&text.id);
        assert_eq!(provisions(html), provisions(text), "{}", text.id);
        assert_eq!(annotations(html), annotations(text), "{}", text.id);
        measures += provisions(html).len();
        let titles = html
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::Title)
            .count();
        assert_eq!(titles, 1, "{}: one title item", html.id);
    }
    assert!(measures > 600, "{measures}");
}

/// Nothing of the markup reaches the text: no tags, attributes or entities, and no figure
/// read from an attribute (width="70").
#[test]
fn no_markup_in_any_text() {
    for d in &pages().documents {
        for bad in [
            "<td", "<p", "<span", "<div", "width=", "style=", "&nbsp;", "&gt;", "UCAP",
        ] {
            assert!(!d.text.contains(bad), "{}: {bad}", d.id);
        }
    }
    let figures = |b: &Bundle| b.documents.iter().map(|d| d.figures.len()).sum::<usize>();
    let (html, text) = (figures(pages()), figures(texts()));
    assert!(
        html <= text + text / 50,
        "{html} figures from the pages, {text} from the texts"
    );
}

/// The subject facet counts every searchable item of the pages of each category, as
/// counted straight from the metadata.
#[test]
fn the_subject_facet_counts_the_items_of_each_category() {
    use ftz_explorer::explore::facets::{Catalog, Facet};
    use ftz_explorer::explore::state::State;
    use ftz_explorer::search::{bitset::BitSet, Index};
    let bundle = pages();
    let search = Index::build(bundle);
    let catalog = Catalog::build(bundle, &search);
    let all = BitSet::full(search.len());
    let got: BTreeMap<String, usize> = catalog
        .counts(
            Facet::Subject,
            &State::default(),
            &all,
            &BitSet::new(search.len()),
        )
        .into_iter()
        .map(|v| (v.value, v.count))
        .collect();
    let mut want: BTreeMap<String, usize> = BTreeMap::new();
    for id in 0..search.len() as u32 {
        let r = search.item_ref(id);
        let d = &bundle.documents[r.doc as usize];
        if let Some(subject) = d.page.as_ref().and_then(|p| p.subjects.first()) {
            *want.entry(subject.clone()).or_default() += 1;
        }
    }
    let categories: std::collections::BTreeSet<String> = index()
        .iter()
        .map(|r| r["主题分类"].split('\\').next().unwrap().to_string())
        .collect();
    assert_eq!(got, want);
    assert_eq!(
        got.keys()
            .cloned()
            .collect::<std::collections::BTreeSet<_>>(),
        categories
    );
}
