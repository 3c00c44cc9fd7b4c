//! Properties of ingest on generated input: it never panics, and every span it produces
//! slices the document text exactly (items in order and disjoint, annotations inside their
//! item, figures inside their sentence).
#![cfg(not(target_arch = "wasm32"))]

use ftz_explorer::ingest::{self, Source};
use ftz_explorer::model::Bundle;
use proptest::prelude::*;

/// Pieces of the genre, so that generated text exercises the structure rules and not only
/// the "not text" error path.
const PIECES: &[&str] = &[
    "1.",
    "12．",
    "41",
    "\u{e010}",
    "（一）",
    "(3)",
    "一、",
    "第七章",
    "Ii. ",
    "First, ",
    "The second is ",
    "Case 2: ",
    "Reform approach:",
    "(牵头单位:",
    "责任单位：",
    "省商务厅",
    "、",
    ";",
    ")",
    "）",
    "(",
    "湖北自贸试验区",
    "Hubei FTZ",
    "海关",
    "customs",
    "1.161 billion yuan",
    "41.5%",
    "2.13亿元",
    "三十五项",
    "2021年1月21日",
    "September 2",
    "国办发〔2022〕35号",
    "Ji Zhengfa (2021) No. 16",
    "ICP备",
    "Tel:",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\u{3000}",
    "。",
    ".",
    "x",
    "支持",
    "measures",
    "0",
    "9",
    "万",
    "亿",
];

fn check(bundle: &Bundle) {
    bundle.validate().expect("ingest produces a valid bundle");
    for doc in &bundle.documents {
        for pair in doc.items.windows(2) {
            assert!(pair[0].span.1 <= pair[1].span.0, "items overlap");
        }
        for item in &doc.items {
            assert!(!doc.item_text(item).is_empty(), "empty item");
            for a in &item.annotations {
                assert!(
                    item.span.0 <= a.span.0 && a.span.1 <= item.span.1,
                    "annotation outside its item"
                );
            }
        }
        for f in &doc.figures {
            let item = &doc.items[f.item as usize];
            assert!(
                item.span.0 <= f.span.0 && f.span.1 <= item.span.1,
                "figure outside its item"
            );
            assert!(
                f.sentence.0 <= f.span.0 && f.span.1 <= f.sentence.1,
                "figure outside its sentence"
            );
        }
    }
    // The bundle survives its own reader.
    let json = bundle.to_json();
    assert_eq!(Bundle::from_json(&json).unwrap().to_json(), json);
}

proptest! {
    // A fixed seed keeps CI deterministic; for a longer campaign, raise `cases` and change
    // the seed by hand.
    #![proptest_config(ProptestConfig {
        cases: 600,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x00f7_2e5e_ed00_0001),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        match ingest::ingest(&[Source { name: "fuzz.txt".into(), bytes }]) {
            Ok(bundle) => check(&bundle),
            Err(err) => prop_assert_eq!(err.file, "fuzz.txt"),
        }
    }

    #[test]
    fn genre_shaped_text_gives_exact_spans(pieces in proptest::collection::vec(0..PIECES.len(), 1..120)) {
        let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
        match ingest::ingest(&[Source { name: "doc.txt".into(), bytes: text.into_bytes() }]) {
            Ok(bundle) => check(&bundle),
            Err(err) => prop_assert_eq!(err.file, "doc.txt"),
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        if let Ok(bundle) = ingest::ingest(&[Source { name: "u.txt".into(), bytes: text.into_bytes() }]) {
            check(&bundle);
        }
    }
}
