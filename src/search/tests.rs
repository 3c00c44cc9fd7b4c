//! Search on the seed bundle: query-language features, cross-language expansion,
//! Traditional input, snippets.

use super::*;
use crate::model::Bundle;
use std::sync::OnceLock;

fn seeds() -> &'static (Bundle, Index) {
    static SEEDS: OnceLock<(Bundle, Index)> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let bundle = Bundle::from_json(crate::seed_bundle_json()).unwrap();
        let index = Index::build(&bundle);
        (bundle, index)
    })
}

fn text_of(id: u32) -> String {
    let (bundle, index) = seeds();
    let r = index.item_ref(id);
    let doc = &bundle.documents[r.doc as usize];
    doc.item_text(&doc.items[r.item as usize]).to_string()
}

fn texts(query: &str) -> Vec<String> {
    seeds()
        .1
        .search(query, false)
        .hits
        .iter()
        .filter(|h| h.direct)
        .map(|h| text_of(h.id))
        .collect()
}

#[test]
fn words_are_anded_and_stemmed() {
    let hits = texts("closure registration");
    assert!(!hits.is_empty());
    for t in &hits {
        let t = t.to_lowercase();
        assert!(t.contains("closure") && t.contains("registration"), "{t}");
    }
    // "measures" finds "measure" too.
    assert!(texts("measures")
        .iter()
        .any(|t| t.contains("measure ") || t.contains("measure,")));
}

#[test]
fn or_phrase_and_exclusion() {
    let either = texts("blockchain OR 区块链");
    assert!(
        either.iter().any(|t| t.contains("blockchain"))
            && either.iter().any(|t| t.contains("区块链"))
    );
    let phrase = texts("\"warehouse receipt\"");
    assert!(
        !phrase.is_empty()
            && phrase
                .iter()
                .all(|t| t.to_lowercase().contains("warehouse receipt"))
    );
    let without = texts("blockchain -Qianhai");
    assert!(!without.is_empty() && without.iter().all(|t| !t.contains("Qianhai")));
}

#[test]
fn prefix_while_typing_and_typos() {
    let (_, index) = seeds();
    let typing = index.search("blockch", true);
    assert!(!typing.hits.is_empty(), "prefix of the last word");
    assert!(
        index
            .search("blockch", false)
            .hits
            .iter()
            .all(|h| !h.direct),
        "no prefix once typed"
    );
    let typo = texts("blokchain");
    assert!(
        typo.iter().any(|t| t.contains("blockchain")),
        "one edit away"
    );
    let far = texts("instituitonal");
    assert!(
        far.iter()
            .any(|t| t.to_lowercase().contains("institutional")),
        "two edits in a long word"
    );
    assert!(texts("blokc").is_empty(), "short words need to be exact");
    // A rare variant ("trace") never outranks the word itself.
    let trade = texts("trade");
    assert!(trade[0].to_lowercase().contains("trade"), "{}", trade[0]);
}

#[test]
fn chinese_substrings_and_traditional_input() {
    let simplified = texts("跨境电子商务");
    assert!(!simplified.is_empty());
    assert!(simplified.iter().all(|t| t.contains("跨境电子商务")));
    assert_eq!(
        texts("跨境電子商務"),
        simplified,
        "Traditional input finds Simplified text"
    );
    let one_char = texts("鄂");
    assert!(one_char.iter().all(|t| t.contains('鄂')) && !one_char.is_empty());
}

#[test]
fn english_finds_chinese_and_back_ranked_below_direct_matches() {
    let (_, index) = seeds();
    let customs = index.search("customs", false);
    let first_translated = customs
        .hits
        .iter()
        .position(|h| !h.direct)
        .expect("translated hits");
    assert!(customs.hits[..first_translated].iter().all(|h| h.direct));
    assert!(customs.hits[first_translated..].iter().all(|h| !h.direct));
    assert!(
        customs.also_matched.contains(&"海关".to_string()),
        "{:?}",
        customs.also_matched
    );
    assert!(customs.hits.iter().any(|h| text_of(h.id).contains("海关")));
    let back = index.search("区块链", false);
    assert!(back
        .hits
        .iter()
        .any(|h| !h.direct && text_of(h.id).to_lowercase().contains("blockchain")));
}

#[test]
fn nonsense_and_operators_alone_do_not_fail() {
    let (_, index) = seeds();
    for q in [
        "", "   ", "\"", "-", "OR", "OR OR", "-\"\"", "((", "*", "%%%", "\u{0}",
    ] {
        let r = index.search(q, true);
        assert_eq!(r.hits.len(), r.matched.count(), "{q:?}");
    }
}

#[test]
fn snippets_slice_the_item_text_exactly() {
    let (_, index) = seeds();
    for q in [
        "customs clearance",
        "海关",
        "1.161 billion",
        "\"reform approach\"",
        "blockch",
    ] {
        let r = index.search(q, true);
        for hit in r.hits.iter().take(10) {
            let text: Vec<char> = text_of(hit.id).chars().collect();
            let s = snippet::snippet(&text.iter().collect::<String>(), &r.highlight, 160);
            assert!(s.start <= s.end && s.end <= text.len());
            for &(a, b) in &s.ranges {
                assert!(
                    s.start <= a && a < b && b <= s.end,
                    "{q}: {a}..{b} outside {}..{}",
                    s.start,
                    s.end
                );
                let marked: String = text[a..b].iter().collect();
                assert!(!marked.trim().is_empty(), "{q}: empty highlight");
            }
            if hit.direct {
                assert!(
                    !s.ranges.is_empty(),
                    "{q}: a direct hit has something to highlight"
                );
            }
        }
    }
}
