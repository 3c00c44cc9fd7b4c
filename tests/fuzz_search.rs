//! Fuzzing the query parser (`search::query`) and full searches over the seeds' index with
//! proptest and fixed seeds. Inputs: query soup (words of the index's vocabulary, Chinese
//! runs from the seeds, quotes “” and ", lone and doubled `-`, `OR` chains, control chars,
//! mixed scripts, full-width and Traditional forms, combining marks, emoji); arbitrary
//! strings including control chars; and huge inputs (a few pieces repeated to 1–8 k
//! chars; they cost the most, as every repeated word is searched again).
//!
//! Proves: parsing and searching never panic; the parse is well formed (no empty terms, no
//! whitespace inside words, one prefix word at most and only while typing) and reads back
//! the same from its own rendering; folding keeps the char count; every hit is a
//! searchable item of the bundle, once, in the promised order, `matched` holds exactly the
//! hits, scores are finite, and snippets stay inside their item's text.
//!
//! Cost: `FTZ_FUZZ_CASES` inputs (default 500, a few seconds in debug) after one index
//! build; `cargo xtask fuzz` runs many more in release.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod fuzzing;

use ftz_explorer::model::Bundle;
use ftz_explorer::search::analyze::fold;
use ftz_explorer::search::query::{parse, Query, Term};
use ftz_explorer::search::Index;
use fuzzing::{ensure, Suite};
use proptest::prelude::*;
use proptest::sample::{select, Index as Pick};
use proptest::test_runner::TestCaseError;

/// Query syntax and the characters that have broken text handling elsewhere.
const MARKS: &[&str] = &[
    "\"",
    "“",
    "”",
    "-",
    "--",
    "- ",
    "-\"",
    "OR",
    " OR ",
    "OR OR",
    "or",
    " ",
    "  ",
    "\t",
    "\n",
    "\u{3000}",
    "\u{a0}",
    "\0",
    "\u{7f}",
    "\u{1b}",
    "\u{200b}",
    "\u{202e}",
    "\u{feff}",
    "\u{301}",
    "e\u{301}",
    "İ",
    "ß",
    "ﬁ",
    "Σ",
    "ς",
    "ǅ",
    "ｃｕｓｔｏｍｓ",
    "貿易",
    "海關",
    "區塊鏈",
    "مرحبا",
    "привет",
    "한국",
    "日本語",
    "🙂",
    "👩‍👩‍👧",
    "\u{10ffff}",
    "41.5%",
    "1,200",
    "2021年",
    "u.s.",
    "*",
    "(",
    ")",
    "\\",
    "'",
    ":",
    "。",
    "，",
];

#[derive(Debug, Clone)]
enum Piece {
    Word(Pick),
    Han(Pick, Pick, usize),
    Mark(&'static str),
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        3 => any::<Pick>().prop_map(Piece::Word),
        2 => (any::<Pick>(), any::<Pick>(), 1..6usize).prop_map(|(i, at, n)| Piece::Han(i, at, n)),
        3 => select(MARKS).prop_map(Piece::Mark),
    ]
}

struct Corpus {
    bundle: Bundle,
    index: Index,
    words: Vec<String>,
    /// Item texts as chars, for Chinese runs.
    texts: Vec<Vec<char>>,
}

impl Corpus {
    fn render(&self, pieces: &[(Piece, bool)]) -> String {
        let mut out = String::new();
        for (piece, space) in pieces {
            match piece {
                Piece::Word(i) => out.push_str(&self.words[i.index(self.words.len())]),
                Piece::Han(i, at, n) => {
                    let text = &self.texts[i.index(self.texts.len())];
                    let at = at.index(text.len().max(1)).min(text.len());
                    out.extend(&text[at..(at + n).min(text.len())]);
                }
                Piece::Mark(m) => out.push_str(m),
            }
            if *space {
                out.push(' ');
            }
        }
        out
    }
}

/// The query written back in the query language.
fn render_query(q: &Query) -> String {
    let term = |t: &Term| match t {
        Term::Word { text, .. } => text.clone(),
        Term::Phrase(p) => format!("\"{p}\""),
    };
    let required = q
        .required
        .iter()
        .map(|c| c.iter().map(term).collect::<Vec<_>>().join(" OR "));
    let excluded = q.excluded.iter().map(|c| format!("-{}", term(&c[0])));
    required.chain(excluded).collect::<Vec<_>>().join(" ")
}

/// `q` as parsed without typing: no prefix words, and so a prefix word that repeats an
/// earlier whole word is the same clause, counted once.
fn without_prefix(q: &Query) -> Query {
    let mut q = q.clone();
    for t in q.required.iter_mut().flatten() {
        if let Term::Word { prefix, .. } = t {
            *prefix = false;
        }
    }
    let mut seen = Vec::new();
    q.required.retain(|c| {
        let new = !seen.contains(c);
        seen.push(c.clone());
        new
    });
    q
}

fn check_parse(input: &str, typing: bool) -> Result<(), TestCaseError> {
    let q = parse(input, typing);
    let mut prefixes = 0;
    for t in q
        .required
        .iter()
        .flatten()
        .chain(q.excluded.iter().flatten())
    {
        match t {
            Term::Word { text, prefix } => {
                ensure(
                    !text.is_empty() && !text.contains(char::is_whitespace),
                    || format!("bad word {text:?}"),
                )?;
                prefixes += usize::from(*prefix);
            }
            Term::Phrase(p) => ensure(!p.is_empty() && p.trim() == p, || format!("{p:?}"))?,
        }
    }
    ensure(q.excluded.iter().all(|c| c.len() == 1), || {
        "OR in an exclusion".into()
    })?;
    ensure(prefixes <= usize::from(typing), || {
        format!("{prefixes} prefix words")
    })?;
    let again = parse(&render_query(&q), false);
    ensure(again == without_prefix(&q), || {
        format!(
            "{q:?} renders as {:?}, which parses as {again:?}",
            render_query(&q)
        )
    })?;
    let folded = fold(input);
    ensure(folded.chars().count() == input.chars().count(), || {
        format!("folding changes the char count: {folded:?}")
    })
}

fn check_search(c: &Corpus, input: &str, typing: bool) -> Result<(), TestCaseError> {
    let result = c.index.search(input, typing);
    let n = c.index.len();
    let mut seen = vec![false; n];
    for pair in result.hits.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let ordered = a.direct && !b.direct
            || a.direct == b.direct && (a.score > b.score || a.score == b.score && a.id < b.id);
        ensure(ordered, || format!("hits out of order: {a:?} before {b:?}"))?;
    }
    for hit in &result.hits {
        ensure((hit.id as usize) < n && !seen[hit.id as usize], || {
            format!("hit {} out of range or repeated", hit.id)
        })?;
        seen[hit.id as usize] = true;
        ensure(hit.score.is_finite() && hit.score >= 0.0, || {
            format!("{hit:?}")
        })?;
        ensure(result.matched.contains(hit.id), || {
            "a hit not in matched".into()
        })?;
        let r = c.index.item_ref(hit.id);
        let doc = c.bundle.documents.get(r.doc as usize);
        let item = doc.and_then(|d| d.items.get(r.item as usize));
        ensure(
            item.is_some_and(|i| {
                i.kind.is_content() || i.kind == ftz_explorer::model::ItemKind::Title
            }),
            || format!("hit {} is no searchable item: {r:?}", hit.id),
        )?;
    }
    ensure(result.matched.count() == result.hits.len(), || {
        "matched holds more than the hits".into()
    })?;
    for hit in result.hits.iter().take(3) {
        let text: String = c.texts[hit.id as usize].iter().collect();
        let len = c.texts[hit.id as usize].len();
        let s = ftz_explorer::search::snippet::snippet(&text, &result.highlight, 160);
        ensure(
            s.start <= s.end && s.end <= len && s.end - s.start <= 160,
            || format!("snippet {s:?} outside an item of {len} chars"),
        )?;
        let inside = s.ranges.windows(2).all(|w| w[0].1 <= w[1].0)
            && s.ranges
                .iter()
                .all(|r| s.start <= r.0 && r.0 < r.1 && r.1 <= s.end);
        ensure(inside, || {
            format!("snippet ranges {:?} in {}..{}", s.ranges, s.start, s.end)
        })?;
    }
    Ok(())
}

#[test]
fn fuzz_search() {
    let bundle = common::seeds();
    let index = Index::build(&bundle);
    let words: Vec<String> = index.vocabulary().map(str::to_string).collect();
    let texts = common::folded_texts(&bundle, &index)
        .iter()
        .map(|t| t.chars().collect())
        .collect();
    let corpus = Corpus {
        bundle,
        index,
        words,
        texts,
    };
    let mut suite = Suite::new("search");
    let check = |input: &str, typing: bool| {
        check_parse(input, typing)?;
        check_search(&corpus, input, typing)
    };

    let soup = proptest::collection::vec((piece(), proptest::bool::weighted(0.6)), 0..24);
    suite.run(
        "query soups",
        60,
        0x00f7_f5ea_0001,
        (soup, any::<bool>()),
        |(p, typing)| check(&corpus.render(&p), typing),
    );
    let strings = prop_oneof!["(?s).{0,80}", "[ \\-\"“”ORr\\x00-\\x1f]{0,40}"];
    suite.run(
        "arbitrary strings",
        36,
        0x00f7_f5ea_0002,
        (strings, any::<bool>()),
        |(s, typing)| check(&s, typing),
    );
    let huge = (
        proptest::collection::vec((piece(), proptest::bool::weighted(0.8)), 1..6),
        1_000..8_000usize,
        any::<bool>(),
    );
    suite.run(
        "huge inputs",
        4,
        0x00f7_f5ea_0003,
        huge,
        |(p, chars, typing)| {
            let unit = corpus.render(&p) + " ";
            let input: String = unit.chars().cycle().take(chars).collect();
            check(&input, typing)
        },
    );
    suite.finish();
}
