//! What a new user tried and found inconsistent, as oracles over the seeds (in the sharded
//! form the explorer reads): a synonym of the glossary in the same language, a shorter
//! query finding less than a longer one, a compound typed as one word, a misspelt
//! hyphenated word, an exclusion that ignored the other language, and possessives.

mod common;
use common::{folded_texts, open, seeds, sharded};
use ftz_explorer::search::{Index, SearchResult};
use ftz_explorer::store::{self, block_on, FileSource};
use std::collections::BTreeSet;

struct Seeds {
    source: FileSource,
    index: Index,
    texts: Vec<String>,
}

/// The seeds in shards, in a folder of the test's own (tests run in parallel).
fn setup(name: &str) -> Seeds {
    let bundle = seeds();
    let source = sharded(
        &bundle,
        &format!("consistency-{name}"),
        store::write::SHARD_BYTES,
    );
    let opened = open(&source);
    let texts = folded_texts(&bundle, &Index::build(&bundle));
    Seeds {
        source,
        index: opened.index,
        texts,
    }
}

impl Seeds {
    fn search(&mut self, query: &str) -> SearchResult {
        block_on(store::search(&mut self.index, &self.source, query, false)).unwrap()
    }

    fn ids(&mut self, query: &str) -> BTreeSet<u32> {
        self.search(query).hits.iter().map(|h| h.id).collect()
    }

    /// Items whose folded text contains any of `needles`.
    fn containing(&self, needles: &[&str]) -> BTreeSet<u32> {
        (0..self.texts.len() as u32)
            .filter(|&id| needles.iter().any(|n| self.texts[id as usize].contains(n)))
            .collect()
    }
}

#[test]
fn a_glossary_synonym_in_the_same_language_finds_the_same_items() {
    let mut s = setup("synonym");
    let both = s.containing(&["跨境电商", "跨境电子商务"]);
    assert!(
        !s.containing(&["跨境电子商务"]).is_empty(),
        "the seeds write 跨境电子商务"
    );
    for query in ["跨境电商", "跨境电子商务"] {
        let found = s.ids(query);
        assert!(
            both.is_subset(&found),
            "{query}: {} of {} items",
            both.intersection(&found).count(),
            both.len()
        );
    }
}

#[test]
fn a_shorter_query_finds_at_least_what_a_longer_one_does() {
    let mut s = setup("shorter");
    let long = s.ids("cross-border e-commerce");
    let short = s.ids("e-commerce");
    assert!(!long.is_empty());
    assert!(
        long.is_subset(&short),
        "{} found by the longer query are missing",
        long.difference(&short).count()
    );
}

#[test]
fn a_compound_typed_as_one_word_ranks_its_items_first() {
    let mut s = setup("compound");
    let written = s.containing(&["e-commerce"]);
    let result = s.search("ecommerce");
    let first = result.hits.first().expect("ecommerce finds something").id;
    assert!(
        written.contains(&first),
        "the first hit does not say e-commerce: {}",
        s.texts[first as usize]
    );
    let direct: BTreeSet<u32> = (result.hits.iter())
        .filter(|h| h.direct)
        .map(|h| h.id)
        .collect();
    assert!(written.is_subset(&direct));
}

#[test]
fn a_misspelt_hyphenated_word_is_found_and_a_query_that_finds_nothing_gets_a_suggestion() {
    let mut s = setup("misspelt");
    let written = s.containing(&["e-commerce"]);
    let found = s.ids("e-comerce");
    assert!(written.is_subset(&found), "e-comerce");
    // A four-letter slip is not matched (too many words are one edit from it), so the
    // query finds nothing; the suggestion corrects both words.
    assert!(s.ids("Custms trde").is_empty());
    assert_eq!(
        s.index.suggestion("Custms trde").as_deref(),
        Some("customs trade")
    );
    assert_eq!(s.index.suggestion("customs"), None, "every word is known");
}

#[test]
fn an_exclusion_leaves_out_the_other_languages_name_too() {
    let mut s = setup("exclusion");
    let customs = s.ids("customs");
    let hubei = s.containing(&["hubei", "湖北"]);
    assert!(!customs.is_disjoint(&hubei), "customs finds Hubei items");
    let without = s.ids("customs -Hubei");
    assert!(!without.is_empty());
    assert!(
        without.is_disjoint(&hubei),
        "{} Hubei items left",
        without.intersection(&hubei).count()
    );
    // Only those: what is neither Hubei nor 湖北 stays.
    assert_eq!(without, &customs - &hubei);
}

#[test]
fn a_possessive_is_found_by_its_word() {
    let mut s = setup("possessive");
    for (query, written) in [
        ("people", "people's"),
        ("province", "province's"),
        ("wipo", "wipo's"),
    ] {
        let having = s.containing(&[written]);
        assert!(!having.is_empty(), "the seeds write {written}");
        let found = s.ids(query);
        assert!(having.is_subset(&found), "{query} misses {written}");
    }
}
