//! The facts a reader can check by hand in the seed documents, tested against ingest. The
//! expected counts live here, in the tests, never in the code.

use ftz_explorer::ingest::{self, fs::read_folder};
use ftz_explorer::model::{
    Bundle, DatePrecision, DateSource, Direction, Document, FigureKind, ItemKind, Role,
};
use std::path::Path;
use std::sync::OnceLock;

fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let folder = read_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap();
        ingest::ingest(&folder.sources).unwrap()
    })
}

fn doc(prefix: &str) -> &'static Document {
    bundle()
        .documents
        .iter()
        .find(|d| d.id.starts_with(prefix))
        .unwrap()
}

fn items(doc: &Document, kind: ItemKind) -> Vec<&ftz_explorer::model::Item> {
    doc.items.iter().filter(|i| i.kind == kind).collect()
}

#[test]
fn hubei_notice_has_9_sections_and_68_measures_in_order() {
    let hubei = doc("004");
    let sections: Vec<u32> = items(hubei, ItemKind::Section)
        .iter()
        .filter_map(|i| i.number)
        .collect();
    assert_eq!(sections, (1..=9).collect::<Vec<_>>());
    let measures = items(hubei, ItemKind::Measure);
    let numbers: Vec<u32> = measures.iter().filter_map(|i| i.number).collect();
    assert_eq!(
        numbers,
        (1..=68).collect::<Vec<_>>(),
        "41 and 42 have no period after the number"
    );
    // Each measure's parent is the section before it.
    for m in &measures {
        let parent = &hubei.items[m.parent.expect("a measure under a section") as usize];
        assert_eq!(parent.kind, ItemKind::Section);
    }
    assert!(hubei
        .item_text(measures[40])
        .contains("加快建设武汉东湖科技保险创新示范区"));
}

#[test]
fn every_responsibility_annotation_of_the_hubei_notice_is_parsed() {
    let hubei = doc("004");
    let agencies = &bundle().agencies;
    let lex = ftz_explorer::ingest::lexicon::lexicon();
    // Every name the agency goes by: canonical names are normalised (省发改委 → 省发展和改革委员会).
    let names = |i: u32| -> Vec<&str> {
        let entity = &agencies[i as usize];
        match lex
            .entries
            .iter()
            .find(|e| e.zh == entity.zh && e.en == entity.en)
        {
            Some(entry) => entry.names().collect(),
            None => vec![entity.zh.as_str()],
        }
    };
    // The name as written in this document: the first of its names found in the text.
    let name = |i: u32| -> &str {
        names(i)
            .into_iter()
            .find(|n| hubei.text.contains(n))
            .unwrap_or_else(|| names(i)[0])
    };
    let mut several = 0;
    for m in items(hubei, ItemKind::Measure) {
        let text = hubei.item_text(m);
        // Independent count: each annotation starts with "(牵头单位" in this document.
        assert_eq!(
            m.annotations.len(),
            text.matches("(牵头单位").count(),
            "{}",
            &text[..30]
        );
        several += (m.annotations.len() >= 2) as usize;
        for a in &m.annotations {
            let raw = hubei.slice(a.span);
            assert!(raw.starts_with('(') && raw.ends_with(')'), "{raw}");
            // Every listed unit's name (or its place-name prefix) occurs in the annotation.
            for unit in &a.units {
                let found = names(unit.agency)
                    .iter()
                    .any(|n| raw.contains(n) || raw.contains(n.trim_end_matches("市人民政府")));
                assert!(found, "{:?} not in {raw}", names(unit.agency));
            }
            assert!(a.units.iter().any(|u| u.role == Role::Lead), "{raw}");
        }
    }
    assert!(
        several >= 6,
        "measures 6, 8, 26, 38, 59, 60 carry two or three annotations"
    );
    let first = items(hubei, ItemKind::Measure)[0];
    let leads: Vec<&str> = first.units(Role::Lead).into_iter().map(name).collect();
    assert_eq!(leads, ["省自贸办"]);
    let support: Vec<&str> = first.units(Role::Support).into_iter().map(name).collect();
    assert_eq!(
        support,
        ["省发改委", "省经信厅", "省科技厅", "省卫健委", "省药监局"]
    );
    // "武汉、襄阳、宜昌市人民政府" names three city governments.
    let m23 = items(hubei, ItemKind::Measure)[22];
    let leads: Vec<&str> = m23.units(Role::Lead).into_iter().map(name).collect();
    assert_eq!(
        leads,
        ["武汉市人民政府", "襄阳市人民政府", "宜昌市人民政府"]
    );
}

#[test]
fn qianhai_cases_each_have_an_approach_and_highlights() {
    let qianhai = doc("003");
    let cases = items(qianhai, ItemKind::Case);
    assert_eq!(
        cases.iter().filter_map(|c| c.number).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
    for case in cases {
        let index = qianhai
            .items
            .iter()
            .position(|i| std::ptr::eq(i, case))
            .unwrap() as u32;
        let labels: Vec<&str> = qianhai
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::CasePart && i.parent == Some(index))
            .filter_map(|i| i.label.as_deref())
            .collect();
        assert_eq!(labels, ["Reform approach", "Reform highlights"]);
        // The case item covers its heading and its subtitle line.
        assert_eq!(
            qianhai.item_text(case).lines().count(),
            2,
            "{}",
            qianhai.item_text(case)
        );
    }
}

#[test]
fn jilin_interpretation_cites_two_numbers_and_has_six_aspects() {
    let jilin = doc("002");
    // An interpretation of the Opinions: it has no number of its own and cites theirs.
    assert!(jilin.doc_numbers.is_empty(), "{:?}", jilin.doc_numbers);
    let numbers: Vec<&str> = jilin
        .cited_numbers
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(numbers, ["Ji Zhengfa (2021) No. 16", "Guofa (2020) No. 7"]);
    let aspects_section = jilin
        .items
        .iter()
        .position(|i| i.kind == ItemKind::Section && jilin.item_text(i).contains("Main contents"))
        .unwrap() as u32;
    let aspects: Vec<u32> = jilin
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Measure && i.parent == Some(aspects_section))
        .filter_map(|i| i.number)
        .collect();
    assert_eq!(aspects, [1, 2, 3, 4, 5, 6], "23 measures in 6 aspects");
    assert_eq!(jilin.date.value.as_deref(), Some("2022-12-06"));
    assert_eq!(
        jilin.source.as_deref(),
        Some("Jilin Provincial Department of Commerce")
    );
    let chrome = items(jilin, ItemKind::Boilerplate);
    assert!(chrome
        .iter()
        .any(|i| jilin.item_text(i).starts_with("ICP No.")));
}

#[test]
fn dates_with_precision_and_provenance() {
    let mofcom = doc("001");
    assert_eq!(mofcom.date.value.as_deref(), Some("2020-09-02"));
    assert_eq!(mofcom.date.precision, DatePrecision::Day);
    assert_eq!(mofcom.date.source, DateSource::Inferred);
    assert!(mofcom.slice(mofcom.date.evidence.unwrap()) == "September 2");
    assert_eq!(doc("000").date.value.as_deref(), Some("2022-06-01"));
    // The Hubei notice: posted "日期:2021-02-08" under its title, signed "2021年1月21日"
    // below its covering paragraph — dated by its signature, with its publication kept.
    let hubei = doc("004");
    assert_eq!(hubei.date.value.as_deref(), Some("2021-01-21"));
    assert_eq!(hubei.date.source, DateSource::Signed);
    assert_eq!(hubei.slice(hubei.date.evidence.unwrap()), "2021年1月21日");
    let published = hubei.published.as_ref().expect("a publication date");
    assert_eq!(published.value.as_deref(), Some("2021-02-08"));
    assert_eq!(hubei.slice(published.evidence.unwrap()), "2021-02-08");
    // One date stated, no other: no second date.
    assert!(doc("000").published.is_none() && mofcom.published.is_none());
    assert_eq!(doc("004").source.as_deref(), Some("湖北省政府网"));
    assert_eq!(doc("003").date.precision, DatePrecision::Unknown);
}

#[test]
fn figures_carry_value_unit_kind_and_their_sentence() {
    let find = |prefix: &str, written: &str| {
        let d = doc(prefix);
        let f = d
            .figures
            .iter()
            .find(|f| d.slice(f.span) == written)
            .unwrap_or_else(|| panic!("no figure {written:?} in {prefix}"));
        (d, f)
    };
    let (d, loans) = find("000", "1.161 billion yuan");
    assert_eq!(
        (loans.value, loans.unit.as_str(), loans.kind),
        (1.161e9, "yuan", FigureKind::Money)
    );
    assert!(d.slice(loans.sentence).contains("496 enterprises"));
    let (d, growth) = find("001", "41.5%");
    assert_eq!(
        (growth.kind, growth.direction),
        (FigureKind::RateOfChange, Some(Direction::Up))
    );
    assert!(d.slice(growth.sentence).contains("879 trains"));
    let (_, trains) = find("001", "879 trains");
    assert_eq!((trains.value, trains.unit.as_str()), (879.0, "train"));
    let (d, entities) = find("001", "31,559");
    assert_eq!(entities.value, 31559.0);
    assert!(d.slice(entities.sentence).contains("Yunnan"));
    let (_, measures) = find("002", "23 specific measures");
    assert_eq!((measures.value, measures.unit.as_str()), (23.0, "measure"));
    let (_, aspects) = find("002", "6 aspects");
    assert_eq!(aspects.value, 6.0);
    // No figures from dates, document numbers or list numbering.
    for d in &bundle().documents {
        for f in &d.figures {
            let written = d.slice(f.span);
            assert!(
                !(1990.0..=2030.0).contains(&f.value) || !f.unit.is_empty(),
                "{written} looks like a year"
            );
            assert!(
                d.doc_numbers
                    .iter()
                    .chain(&d.cited_numbers)
                    .all(|n| f.span.1 <= n.span.0 || f.span.0 >= n.span.1),
                "{written} is in a document number"
            );
            let item = &d.items[f.item as usize];
            assert!(
                item.number.is_none() || f.span.0 > item.span.0,
                "{written} is the item's list number"
            );
        }
    }
}

#[test]
fn items_are_tagged_with_regions_agencies_and_topics() {
    let hubei = doc("004");
    let names = |ids: &[u32], table: &[ftz_explorer::model::Entity]| -> Vec<String> {
        ids.iter().map(|&i| table[i as usize].en.clone()).collect()
    };
    let b = bundle();
    let doc_regions = names(&hubei.regions, &b.regions);
    assert!(
        doc_regions.iter().any(|r| r.contains("Hubei")),
        "{doc_regions:?}"
    );
    // Measure 9 is about the Xiangyang area of the Hubei FTZ.
    let m9 = hubei
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Measure && i.number == Some(9))
        .unwrap();
    let regions = names(&m9.regions, &b.regions);
    assert!(
        regions.iter().any(|r| r.contains("Xiangyang")),
        "{regions:?}"
    );
    // Every measure that mentions 区块链 is tagged with the digital economy.
    let digital = b.topics.iter().position(|t| t.zh.contains("数字")).unwrap() as u32;
    for m in hubei.items.iter().filter(|i| i.kind == ItemKind::Measure) {
        if hubei.item_text(m).contains("区块链") {
            assert!(m.topics.contains(&digital), "{}", &hubei.item_text(m)[..40]);
        }
    }
    // Unit names in annotations are not mistaken for what a measure mentions.
    let m1 = hubei
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Measure && i.number == Some(1))
        .unwrap();
    let mentioned = names(&m1.agencies, &b.agencies);
    assert!(
        !mentioned.iter().any(|a| a.contains("Medical Products")),
        "{mentioned:?}"
    );
}
