//! Fuzzing ingest (decode + document building) with proptest and fixed seeds. Inputs:
//! arbitrary bytes (bare or behind a byte-order mark), and the real seeds — a window of
//! lines or the whole file, lines of other seeds spliced in, re-encoded (UTF-8 with or
//! without BOM, CRLF, CR, GB18030, UTF-16 LE/BE with or without BOM), then mutated at the
//! byte level (flips, truncation at any offset, deletions, duplications, inserted NULs,
//! BOMs, invalid or incomplete UTF-8) — one to three files at a time, with ids that may
//! collide.
//!
//! Proves: ingest never panics; an error names one of the files and gives a reason; an
//! accepted bundle passes `fuzzing::check_ingested` (exact spans, items in order, the JSON
//! round trip). Where the right answer is known it is checked too: unmutated text in an
//! unambiguous encoding comes back exactly, and UTF-8 cut at any byte keeps everything
//! before the cut character.
//!
//! Cost: `FTZ_FUZZ_CASES` inputs (default 500, a few seconds in debug); `cargo xtask fuzz`
//! runs many more in release.
#![cfg(not(target_arch = "wasm32"))]

mod fuzzing;

use ftz_explorer::ingest::{self, Source};
use fuzzing::{check_ingested, ensure, seed_sources, Suite};
use proptest::prelude::*;
use proptest::sample::Index;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Encoding {
    Utf8,
    Utf8Bom,
    Crlf,
    Cr,
    Gb18030,
    Utf16 { big_endian: bool, bom: bool },
}

impl Encoding {
    fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Encoding::Utf8 => text.as_bytes().to_vec(),
            Encoding::Utf8Bom => [b"\xEF\xBB\xBF", text.as_bytes()].concat(),
            Encoding::Crlf => text.replace('\n', "\r\n").into_bytes(),
            Encoding::Cr => text.replace('\n', "\r").into_bytes(),
            Encoding::Gb18030 => encoding_rs::GB18030.encode(text).0.into_owned(),
            Encoding::Utf16 { big_endian, bom } => bom
                .then_some(0xFEFF)
                .into_iter()
                .chain(text.encode_utf16())
                .flat_map(|u| {
                    if big_endian {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    }
                })
                .collect(),
        }
    }

    /// Whether decoding must give the text back exactly. GB18030 and UTF-16 without a BOM
    /// are guessed, and a short guess may be wrong (mostly-Latin text in GB18030 reads
    /// equally well as other legacy encodings).
    fn unambiguous(self) -> bool {
        !matches!(self, Encoding::Gb18030 | Encoding::Utf16 { bom: false, .. })
    }
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop_oneof![
        3 => Just(Encoding::Utf8),
        1 => Just(Encoding::Utf8Bom),
        1 => Just(Encoding::Crlf),
        1 => Just(Encoding::Cr),
        1 => Just(Encoding::Gb18030),
        2 => (any::<bool>(), any::<bool>())
            .prop_map(|(big_endian, bom)| Encoding::Utf16 { big_endian, bom }),
    ]
}

/// Byte strings that decoders trip over.
const NASTY: &[&[u8]] = &[
    b"\0",
    b"\0\0",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\xFF",
    b"\x80",
    b"\xC0\x80",
    b"\xED\xA0\x80",
    b"\xF4\x90\x80\x80",
    b"\xE4\xB8",
    b"\xF0\x9F",
    b"\r",
    b"\r\n",
    b"\x0b\x0c",
    "\u{3000}".as_bytes(),
    "\u{feff}".as_bytes(),
    "\u{202e}".as_bytes(),
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip(Index, u8),
    Truncate(Index),
    Delete(Index, usize),
    Duplicate(Index, usize),
    Insert(Index, Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), 1..=255u8).prop_map(|(at, m)| Mutation::Flip(at, m)),
        any::<Index>().prop_map(Mutation::Truncate),
        (any::<Index>(), 1..64usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<Index>(), 1..256usize).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
        (any::<Index>(), proptest::sample::select(NASTY))
            .prop_map(|(at, b)| Mutation::Insert(at, b.to_vec())),
        (any::<Index>(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, b)| Mutation::Insert(at, b)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len + 1) };
    match m {
        Mutation::Flip(i, mask) if !bytes.is_empty() => {
            let i = i.index(bytes.len());
            bytes[i] ^= mask;
        }
        Mutation::Flip(..) => {}
        Mutation::Truncate(i) => bytes.truncate(at(i, bytes.len())),
        Mutation::Delete(i, n) => {
            let start = at(i, bytes.len());
            bytes.drain(start..(start + n).min(bytes.len()));
        }
        Mutation::Duplicate(i, n) => {
            let start = at(i, bytes.len());
            let copy = bytes[start..(start + n).min(bytes.len())].to_vec();
            bytes.splice(start..start, copy);
        }
        Mutation::Insert(i, b) => {
            let start = at(i, bytes.len());
            bytes.splice(start..start, b.iter().copied());
        }
    }
}

/// One file made from the seeds.
#[derive(Debug, Clone)]
struct Recipe {
    seed: Index,
    /// A run of lines (start, count) instead of the whole seed; keeps inputs small.
    window: Option<(Index, usize)>,
    /// Lines of any seed inserted before a line: (seed, line, where).
    splices: Vec<(Index, Index, Index)>,
    encoding: Encoding,
    mutations: Vec<Mutation>,
}

fn recipe() -> impl Strategy<Value = Recipe> {
    (
        any::<Index>(),
        proptest::option::weighted(0.85, (any::<Index>(), 1..40usize)),
        proptest::collection::vec(any::<(Index, Index, Index)>(), 0..4),
        encoding(),
        prop_oneof![
            2 => Just(Vec::new()),
            3 => proptest::collection::vec(mutation(), 1..5),
        ],
    )
        .prop_map(|(seed, window, splices, encoding, mutations)| Recipe {
            seed,
            window,
            splices,
            encoding,
            mutations,
        })
}

/// The text a recipe starts from (before encoding and byte mutations).
fn text_of(r: &Recipe, seeds: &[Vec<&str>]) -> String {
    let mut lines = seeds[r.seed.index(seeds.len())].clone();
    if let Some((start, count)) = &r.window {
        let start = start.index(lines.len());
        lines = lines[start..(start + count).min(lines.len())].to_vec();
    }
    for (seed, line, at) in &r.splices {
        let other = &seeds[seed.index(seeds.len())];
        lines.insert(at.index(lines.len() + 1), other[line.index(other.len())]);
    }
    lines.join("\n")
}

/// Decoded text as ingest keeps it: without a BOM, line ends as `\n`.
fn normalised(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

const NAMES: [&str; 3] = ["a.txt", "b.txt", "a.md"];

#[test]
fn fuzz_ingest() {
    let sources = seed_sources();
    let texts: Vec<String> = sources
        .iter()
        .map(|s| String::from_utf8(s.bytes.clone()).expect("seeds are UTF-8"))
        .collect();
    let seeds: Vec<Vec<&str>> = texts.iter().map(|t| t.split('\n').collect()).collect();
    let mut suite = Suite::new("ingest");
    let exact = std::cell::Cell::new(0);

    let bom = proptest::sample::select(vec![&b""[..], b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"]);
    let bytes = (bom, proptest::collection::vec(any::<u8>(), 0..1024));
    suite.run(
        "arbitrary bytes",
        20,
        0x00f7_f022_0001,
        bytes,
        |(bom, body)| {
            let bytes = [bom, &body[..]].concat();
            match ingest::ingest(&[Source {
                name: "fuzz.txt".into(),
                bytes,
            }]) {
                Ok(bundle) => check_ingested(&bundle),
                Err(e) => ensure(e.file == "fuzz.txt" && !e.reason.is_empty(), || {
                    format!("{e:?}")
                }),
            }
        },
    );

    let files = prop_oneof![
        6 => proptest::collection::vec(recipe(), 1..=1),
        2 => proptest::collection::vec(recipe(), 2..=2),
        1 => proptest::collection::vec(recipe(), 3..=3),
    ];
    suite.run("mutated seeds", 80, 0x00f7_f022_0002, files, |recipes| {
        let inputs: Vec<(String, Vec<u8>)> = recipes
            .iter()
            .map(|r| {
                let text = text_of(r, &seeds);
                let mut bytes = r.encoding.encode(&text);
                for m in &r.mutations {
                    apply(&mut bytes, m);
                }
                (text, bytes)
            })
            .collect();
        let sources: Vec<Source> = inputs
            .iter()
            .zip(NAMES)
            .map(|((_, bytes), name)| Source {
                name: name.into(),
                bytes: bytes.clone(),
            })
            .collect();
        let result = ingest::ingest(&sources);
        if let Ok(bundle) = &result {
            check_ingested(bundle)?;
        }
        if let Err(e) = &result {
            ensure(
                NAMES.contains(&e.file.as_str()) && !e.reason.is_empty(),
                || format!("the error names no file: {e:?}"),
            )?;
        }
        // Where the answer is known, the text comes back exactly.
        for ((r, (text, bytes)), name) in recipes.iter().zip(&inputs).zip(NAMES) {
            let expected = match r.mutations.as_slice() {
                [] if r.encoding.unambiguous() => normalised(text),
                // UTF-8 cut anywhere: everything before the cut character survives.
                [Mutation::Truncate(_)] if r.encoding == Encoding::Utf8 => {
                    let valid = match std::str::from_utf8(bytes) {
                        Ok(all) => all,
                        Err(e) => &text[..e.valid_up_to()],
                    };
                    if valid.is_empty() {
                        continue;
                    }
                    valid.to_string()
                }
                _ => continue,
            };
            if expected.trim().is_empty() || sources.len() > 1 && result.is_err() {
                continue; // refused as blank, or the whole folder refused for another file
            }
            let bundle = result
                .as_ref()
                .map_err(|e| TestCaseError::fail(format!("{name} refused: {e}")))?;
            let doc = bundle.documents.iter().find(|d| d.file == name).unwrap();
            exact.set(exact.get() + 1);
            ensure(doc.text == expected, || {
                format!("{name}: the text is not the input's ({:?})", r.encoding)
            })?;
        }
        Ok(())
    });
    suite.note(format!(
        "{} files checked for their exact text",
        exact.get()
    ));
    suite.finish();
}
