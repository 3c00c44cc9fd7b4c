//! The recall oracle: for a large generated set of queries — random 2–4 character Chinese
//! substrings and random English words taken from the corpus — every item whose folded text
//! contains the query (the Chinese substring anywhere; the English word as a whole word)
//! is returned. Runs on the seeds, and on the corpus in `$FTZ_SCALED_CORPUS` when set
//! (`cargo xtask test` sets it to a scaled corpus), each in the form the explorer reads:
//! written as manifest + shards, opened with nothing loaded, shards fetched as queries ask.

mod common;
use common::{folded_texts, open, scaled, seeds, sharded, Rng};
use ftz_explorer::model::Bundle;
use ftz_explorer::search::analyze::{fold, is_han, tokens};
use ftz_explorer::store::{self, block_on};
use std::collections::BTreeSet;

fn queries(texts: &[String], rng: &mut Rng, count: usize) -> Vec<String> {
    let mut out = BTreeSet::new();
    let mut attempts = 0;
    while out.len() < count && attempts < count * 50 {
        attempts += 1;
        let text: Vec<char> = texts[rng.below(texts.len())].chars().collect();
        if text.is_empty() {
            continue;
        }
        let at = rng.below(text.len());
        if is_han(text[at]) {
            let len = 2 + rng.below(3);
            let run: String = text[at..]
                .iter()
                .take(len)
                .take_while(|c| is_han(**c))
                .collect();
            if run.chars().count() >= 2 {
                out.insert(run);
            }
        } else {
            let words: Vec<String> = tokens(&text.iter().collect::<String>())
                .into_iter()
                .filter_map(|t| t.word)
                .filter(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
                .collect();
            if !words.is_empty() {
                out.insert(words[rng.below(words.len())].clone());
            }
        }
    }
    out.into_iter().collect()
}

/// The oracle, by brute force: items whose folded text contains the Chinese query, or
/// has the English query as one of its words.
fn expected(texts: &[String], words: &[BTreeSet<String>], query: &str) -> Vec<u32> {
    let folded = fold(query);
    (0..texts.len() as u32)
        .filter(|&id| {
            if folded.chars().any(is_han) {
                texts[id as usize].contains(&folded)
            } else {
                words[id as usize].contains(&folded)
            }
        })
        .collect()
}

fn check_recall(bundle: &Bundle, name: &str, count: usize) {
    let source = sharded(bundle, name, store::write::SHARD_BYTES);
    let mut index = open(&source).index;
    let texts = folded_texts(bundle, &index);
    let mut rng = Rng(0x5eed);
    let qs = queries(&texts, &mut rng, count);
    let han = qs.iter().filter(|q| q.chars().any(is_han)).count();
    assert!(
        han * 4 >= qs.len() && han * 4 <= qs.len() * 3,
        "a mix of Chinese ({han}) and English queries"
    );
    let words: Vec<BTreeSet<String>> = texts
        .iter()
        .map(|text| tokens(text).into_iter().filter_map(|t| t.word).collect())
        .collect();
    let mut checked = 0;
    for q in &qs {
        let found: BTreeSet<u32> = block_on(store::search(&mut index, &source, q, false))
            .unwrap()
            .hits
            .iter()
            .filter(|h| h.direct)
            .map(|h| h.id)
            .collect();
        for id in expected(&texts, &words, q) {
            assert!(
                found.contains(&id),
                "query {q:?} missed item {id}: {:?}",
                texts[id as usize]
            );
            checked += 1;
        }
    }
    assert!(
        checked > qs.len(),
        "the oracle checked {checked} (query, item) pairs"
    );
}

#[test]
fn every_item_containing_the_query_is_found_on_the_seeds() {
    check_recall(&seeds(), "recall-seeds", 600);
}

#[test]
fn every_item_containing_the_query_is_found_on_the_scaled_corpus() {
    let Some(bundle) = scaled() else { return };
    check_recall(&bundle, "recall-scaled", 300);
}
