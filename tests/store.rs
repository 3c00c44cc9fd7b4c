//! The sharded bundle: written as manifest + content-named shards, opened with nothing but
//! the manifest and the documents, it answers every query exactly as the index built in
//! memory does (hits, scores, order, highlights, translations), fetching only the shards a
//! query needs; a missing or damaged shard is an error naming it, and the rest still works.

mod common;
use common::{folded_texts, open, seeds, sharded, Rng};
use ftz_explorer::model::{Lang, TextFile};
use ftz_explorer::search::analyze::{is_han, tokens};
use ftz_explorer::search::{Index, SearchResult};
use ftz_explorer::store::{self, block_on, Manifest, ShardSource};
use std::collections::BTreeSet;

/// Fixed queries for every feature of the query language, plus words and Chinese runs
/// drawn from the corpus (1–4 chars, so one-char queries too).
fn queries(texts: &[String], count: usize) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = [
        "海关",
        "海",
        "区",
        "customs",
        "customs clearance",
        "\"warehouse receipt\"",
        "blockch",
        "e-commerce",
        "ecommerce",
        "e-comerce",
        "registraton",
        "trade -hubei",
        "blockchain OR 区块链",
        "跨境电商",
        "自贸区",
        "贸易便利化",
        "貿易",
        "2023年底前",
        "1.161 billion",
        "-",
        "\"\"",
        "OR",
        "measures promoted",
        "湖北 customs",
        "投资 -自由",
        "promot",
        "zz",
        "\"自贸 区\"",
    ]
    .iter()
    .flat_map(|q| [(q.to_string(), false), (q.to_string(), true)])
    .collect();
    let mut rng = Rng(0x5ad);
    let mut seen = BTreeSet::new();
    while seen.len() < count {
        let text: Vec<char> = texts[rng.below(texts.len())].chars().collect();
        if text.is_empty() {
            continue;
        }
        let at = rng.below(text.len());
        let q: String = if is_han(text[at]) {
            text[at..].iter().take(1 + rng.below(4)).collect()
        } else {
            let words: Vec<String> = tokens(&text.iter().collect::<String>())
                .into_iter()
                .filter_map(|t| t.word)
                .collect();
            if words.is_empty() {
                continue;
            }
            let w = rng.pick(&words);
            // Cut some words short (prefixes), and misspell some (typos).
            match rng.below(3) {
                0 => w.chars().take(3.max(w.chars().count() / 2)).collect(),
                1 if w.len() > 5 => format!("{}{}", &w[..2], &w[3..]),
                _ => w.clone(),
            }
        };
        if seen.insert(q.clone()) {
            out.push((q, rng.chance(50)));
        }
    }
    out
}

fn same(a: &SearchResult, b: &SearchResult, q: &str) {
    assert_eq!(a.hits, b.hits, "hits of {q:?}");
    assert_eq!(a.also_matched, b.also_matched, "also matched of {q:?}");
    assert_eq!(a.highlight, b.highlight, "highlight of {q:?}");
    assert_eq!(a.matched.count(), b.matched.count(), "{q:?}");
}

fn check_equal(bundle: &ftz_explorer::model::Bundle, name: &str, shard_bytes: usize, count: usize) {
    let whole = Index::build(bundle);
    let source = sharded(bundle, name, shard_bytes);
    let texts = folded_texts(bundle, &whole);
    for (q, typing) in queries(&texts, count) {
        // A fresh index per query: each query fetches its own shards from nothing.
        let mut index = open(&source).index;
        let got = block_on(store::search(&mut index, &source, &q, typing)).unwrap();
        assert!(got.missing.is_empty());
        same(&got, &whole.search(&q, typing), &q);
    }
}

#[test]
fn the_sharded_seeds_answer_exactly_as_the_whole_index() {
    check_equal(&seeds(), "equal-seeds", store::write::SHARD_BYTES, 300);
}

#[test]
fn tiny_shards_answer_the_same() {
    // Shards of ~1 KB: most queries span several, one-char queries a range of them.
    check_equal(&seeds(), "equal-tiny", 1024, 150);
}

#[test]
fn the_scaled_corpus_answers_the_same() {
    let Some(bundle) = common::scaled() else {
        return;
    };
    check_equal(&bundle, "equal-scaled", store::write::SHARD_BYTES, 100);
}

/// A source that counts what it was asked for.
struct Counting<'a> {
    inner: &'a store::FileSource,
    asked: std::cell::RefCell<Vec<String>>,
}

impl ShardSource for Counting<'_> {
    async fn fetch(&self, name: &str) -> Result<String, store::ShardError> {
        self.asked.borrow_mut().push(name.to_string());
        self.inner.fetch(name).await
    }
}

#[test]
fn a_query_fetches_few_shards_each_once() {
    let bundle = seeds();
    let source = sharded(&bundle, "few", 2048);
    let manifest =
        Manifest::from_json(&std::fs::read_to_string(source.dir.join(store::MANIFEST)).unwrap())
            .unwrap();
    let shards = manifest.search.terms.len();
    assert!(shards > 20, "{shards} term shards of ~2 KB");
    for q in [
        "海关",
        "自由贸易试验区",
        "customs clearance",
        "blockchain OR 区块链",
    ] {
        let counting = Counting {
            inner: &source,
            asked: Default::default(),
        };
        let mut opened = block_on(store::open(&counting)).unwrap();
        counting.asked.borrow_mut().clear();
        let result = block_on(store::search(&mut opened.index, &counting, q, false)).unwrap();
        assert!(!result.hits.is_empty(), "{q:?}");
        let asked = counting.asked.borrow().clone();
        let distinct: BTreeSet<&String> = asked.iter().collect();
        assert_eq!(
            distinct.len(),
            asked.len(),
            "{q:?} fetched a file twice: {asked:?}"
        );
        // Its terms, the glossary's other names (自由贸易试验区: 自贸试验区, 自贸区, 自由贸易区
        // and the English ones), and the word list for Latin words.
        assert!(
            asked.len() <= 16 && asked.len() * 3 < shards,
            "{q:?} fetched {} of {shards}",
            asked.len()
        );
        // Asked again, it needs nothing more.
        counting.asked.borrow_mut().clear();
        block_on(store::search(&mut opened.index, &counting, q, true)).unwrap();
        let again = counting.asked.borrow().clone();
        assert!(again.len() <= 1, "{q:?} again (typing) fetched {again:?}");
    }
}

#[test]
fn a_missing_or_damaged_shard_is_named_and_the_rest_still_works() {
    let bundle = seeds();
    let source = sharded(&bundle, "damaged", 2048);
    let manifest =
        Manifest::from_json(&std::fs::read_to_string(source.dir.join(store::MANIFEST)).unwrap())
            .unwrap();
    let mut opened = open(&source);
    // The shard holding 海关's postings, found through a search that lacks it.
    let wanted = opened.index.search("海关", false).missing;
    let name = wanted
        .iter()
        .find(|n| {
            std::fs::read_to_string(source.dir.join(n))
                .unwrap()
                .contains("[\"海关\",")
        })
        .unwrap()
        .clone();
    assert!(manifest.search.terms.iter().any(|t| t.1 == name));
    let path = source.dir.join(&name);
    let good = std::fs::read_to_string(&path).unwrap();
    for (damage, expect) in [
        (
            "{\"terms\":[[\"海关\",\"!!\"]]}".to_string(),
            "in packed numbers",
        ),
        (good[..good.len() / 2].to_string(), "EOF"),
        (
            "{\"terms\":[[\"\",\"1\"]]}".to_string(),
            "does not belong in this shard",
        ),
    ] {
        std::fs::write(&path, &damage).unwrap();
        let err = block_on(store::search(&mut opened.index, &source, "海关", false)).unwrap_err();
        assert_eq!(err.name, name);
        assert!(err.reason.contains(expect), "{err}");
        assert!(!opened.index.is_loaded(&name));
    }
    std::fs::remove_file(&path).unwrap();
    let err = block_on(store::search(&mut opened.index, &source, "海关", false)).unwrap_err();
    assert_eq!(err.name, name);
    // Queries whose shards are there still work.
    let other = block_on(store::search(&mut opened.index, &source, "1.161", false)).unwrap();
    assert!(!other.hits.is_empty());
    std::fs::write(&path, good).unwrap();
    assert!(
        !block_on(store::search(&mut opened.index, &source, "海关", false))
            .unwrap()
            .hits
            .is_empty()
    );
}

#[test]
fn texts_travel_apart_and_come_back_whole() {
    let bundle = seeds();
    let source = sharded(&bundle, "texts", store::write::SHARD_BYTES);
    let mut opened = open(&source);
    let skeleton = opened.bundle.clone();
    for (doc, original) in skeleton.documents.iter().zip(&bundle.documents) {
        assert!(!doc.has_text() && doc.text.is_empty(), "{}", doc.id);
        // What facets and the document list need is there without the text.
        assert_eq!(doc.char_len(), original.char_len());
        for i in 0..doc.items.len() {
            if let Some(top) = doc.top_section(i) {
                assert_eq!(
                    doc.heading(top, 40),
                    original.heading(top, 40),
                    "{} {i}",
                    doc.id
                );
            }
        }
    }
    // The documents' file is the structure, not the text.
    let documents = std::fs::read_to_string(source.dir.join(&opened.manifest.documents)).unwrap();
    let texts: usize = bundle.documents.iter().map(|d| d.text.len()).sum();
    assert!(
        documents.len() < texts / 2,
        "{} bytes of documents for {texts} of text",
        documents.len()
    );
    // One document's text: only its file is read.
    let counting = Counting {
        inner: &source,
        asked: Default::default(),
    };
    block_on(store::load_texts(&mut opened.bundle, &counting, [2])).unwrap();
    assert_eq!(counting.asked.borrow().len(), 1);
    assert_eq!(opened.bundle.documents[2], bundle.documents[2]);
    assert!(!opened.bundle.documents[1].has_text());
    // All of them: the bundle as it was written.
    let all = 0..bundle.documents.len();
    block_on(store::load_texts(&mut opened.bundle, &source, all.clone())).unwrap();
    assert_eq!(opened.bundle, bundle);
    assert!(store::text_files(&opened.bundle, all).is_empty());
}

#[test]
fn a_text_that_is_not_its_documents_is_refused_by_name() {
    let bundle = seeds();
    let source = sharded(&bundle, "bad-texts", store::write::SHARD_BYTES);
    let opened = open(&source);
    let zh = bundle
        .documents
        .iter()
        .position(|d| d.lang == Lang::Zh)
        .unwrap();
    let name = store::text_files(&opened.bundle, [zh]).remove(0);
    let good = std::fs::read_to_string(source.dir.join(&name)).unwrap();
    let (text, spans): (String, Vec<i64>) = TextFile::from_json(&good).unwrap().into();
    let file = |text: String, spans: Vec<i64>| TextFile::from((text, spans)).to_json();
    // One byte added in front and one ASCII char taken out near the end: the same length,
    // but the Chinese text's spans now cut through its chars.
    let last = text.rfind(|c: char| c.is_ascii()).unwrap();
    let shifted = format!("x{}{}", &text[..last], &text[last + 1..]);
    for (damage, expect) in [
        ("{\"text\": 1}".to_string(), "not a text file"),
        (serde_json::to_string(&text).unwrap(), "not a text file"),
        (file(format!("{text}!"), spans.clone()), "bytes of text"),
        (file(shifted, spans.clone()), "does not fit"),
        (file(text.clone(), spans[2..].to_vec()), "spans"),
    ] {
        std::fs::write(source.dir.join(&name), &damage).unwrap();
        let mut fresh = opened.bundle.clone();
        let err = block_on(store::load_texts(&mut fresh, &source, [zh])).unwrap_err();
        assert_eq!(err.name, name);
        assert!(err.reason.contains(expect), "{err}");
        assert!(!fresh.documents[zh].has_text());
    }
    std::fs::remove_file(source.dir.join(&name)).unwrap();
    let other = (zh + 1) % bundle.documents.len();
    let mut fresh = opened.bundle.clone();
    let err = block_on(store::load_texts(&mut fresh, &source, [zh, other])).unwrap_err();
    assert_eq!(err.name, name);
    // The other document's text did load.
    assert!(fresh.documents[other].has_text());
}

#[test]
fn manifests_that_are_not_ours_are_refused_with_a_reason() {
    let bundle = seeds();
    let source = sharded(&bundle, "manifest", store::write::SHARD_BYTES);
    let text = std::fs::read_to_string(source.dir.join(store::MANIFEST)).unwrap();
    let good = Manifest::from_json(&text).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["version"] = 99.into();
    assert!(Manifest::from_json(&v.to_string())
        .unwrap_err()
        .reason
        .contains("version 99"));
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["documents"] = "../secrets.json".into();
    assert!(Manifest::from_json(&v.to_string())
        .unwrap_err()
        .reason
        .contains("not a file name"));
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["format"] = "pagefind".into();
    assert!(Manifest::from_json(&v.to_string()).is_err());
    assert!(Manifest::from_json("[]")
        .unwrap_err()
        .reason
        .contains("not a manifest"));
    assert_eq!(
        good.documents.split('.').count(),
        3,
        "KIND.HASH.json: {}",
        good.documents
    );
    // Writing the same bundle twice gives the same names (content hashes), and a
    // different bundle leaves no stale shard behind.
    let again = sharded(&bundle, "manifest", store::write::SHARD_BYTES);
    assert_eq!(
        std::fs::read_to_string(again.dir.join(store::MANIFEST)).unwrap(),
        text
    );
    let mut smaller = bundle.clone();
    smaller.documents.truncate(2);
    let files = store::write::write_dir(&smaller, &source.dir, store::write::SHARD_BYTES).unwrap();
    let on_disk = std::fs::read_dir(&source.dir).unwrap().count();
    assert_eq!(on_disk, files.len(), "stale shards were removed");
}

fn gzip(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

/// The data every first screen loads whatever the query: the manifest, the documents'
/// file (every document without its text) and the word list, gzip -9.
fn first_screen_data(source: &store::FileSource) -> [usize; 3] {
    let read = |name: &str| std::fs::read(source.dir.join(name)).unwrap();
    let manifest = Manifest::from_json(&String::from_utf8(read(store::MANIFEST)).unwrap()).unwrap();
    [
        gzip(&read(store::MANIFEST)),
        gzip(&read(&manifest.documents)),
        gzip(&read(&manifest.search.words)),
    ]
}

/// Byte budgets, deterministic: a ratchet at today's sizes plus a little. The texts and
/// the term shards are not here: a query loads those of its own results.
#[test]
fn the_first_screens_data_stays_within_its_byte_budget() {
    // The seeds: 0.4 + 6.9 + 4.7 KB measured (the documents' file without the spans that
    // travel with the texts; 8.3 KB with them).
    let [manifest, documents, words] = first_screen_data(&sharded(
        &seeds(),
        "budget-seeds",
        store::write::SHARD_BYTES,
    ));
    assert!(manifest <= 500, "manifest {manifest} B gzip");
    assert!(documents <= 7_000, "documents {documents} B gzip");
    assert!(words <= 5_000, "words {words} B gzip");
    // The scaled corpus, per document: what grows with the corpus. At 20× (100 documents)
    // 21 B of manifest and 279 B of documents per document were measured, at 200× 17 and
    // 219 B (the budget for 200× is 1,000 × these).
    let Some(bundle) = common::scaled() else {
        return;
    };
    let n = bundle.documents.len();
    let [manifest, documents, words] = first_screen_data(&sharded(
        &bundle,
        "budget-scaled",
        store::write::SHARD_BYTES,
    ));
    assert!(
        manifest <= n * 25,
        "manifest {manifest} B gzip for {n} documents"
    );
    assert!(
        documents <= n * 300,
        "documents {documents} B gzip for {n} documents"
    );
    // The vocabulary of the seeds' own lines: it grows with the language, not the corpus.
    assert!(words <= 6_000, "words {words} B gzip");
}
