//! The bad-seed matrix: files a user may drop into the seed folder — empty, binary (PNG,
//! ELF, NUL-heavy), UTF-8 cut inside a character, GB18030, UTF-16 in both byte orders with
//! and without a byte-order mark, 10 MB, one 100 000-character line, CRLF and CR line ends,
//! only site chrome — go through the very functions build.rs uses
//! (`ingest::fs::read_folder` + `ingest::ingest`, from a real folder). Each one is either
//! read into the same documents as its UTF-8 original (or the content it holds), or refused
//! with the message build.rs prints after `error: seed file `: the file's name and a reason.
//! Expectations are derived from the real seeds at test time.
//!
//! Cost: about 15 s in a debug build, nearly all of it ingesting the 10 MB
//! file, timed against a 1 MB one so that a step quadratic in the file size fails.
#![cfg(not(target_arch = "wasm32"))]

use ftz_explorer::ingest::boilerplate::is_boilerplate;
use ftz_explorer::ingest::{self, fs::read_folder, IngestError, Source};
use ftz_explorer::model::{Bundle, ItemKind};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The seeds as (file name, text); they are UTF-8 without CR.
fn seeds() -> Vec<(String, String)> {
    let folder = read_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap();
    assert!(!folder.sources.is_empty());
    folder
        .sources
        .into_iter()
        .map(|s| (s.name, String::from_utf8(s.bytes).expect("seeds are UTF-8")))
        .collect()
}

/// Writes `files` into a fresh folder for `case` and reads it as build.rs does.
fn build(case: &str, files: &[(&str, &[u8])]) -> Result<Bundle, IngestError> {
    let dir: PathBuf = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("bad-seeds")
        .join(case);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    read_folder(&dir).and_then(|folder| ingest::ingest(&folder.sources))
}

/// The bundle of one UTF-8 file, straight from memory.
fn original(name: &str, text: &str) -> Bundle {
    ingest::ingest(&[Source {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }])
    .unwrap()
}

/// A folder with a good seed and `bytes` as `name` stops the build with a message that
/// names `name` (not the good file) and contains `reason`.
fn assert_refused(case: &str, name: &str, bytes: &[u8], reason: &str) {
    let (_, good) = &seeds()[0];
    let err = build(case, &[("good.txt", good.as_bytes()), (name, bytes)])
        .expect_err("the build must stop");
    let message = format!("error: seed file {err}");
    assert_eq!(err.file, name, "{message}");
    assert!(
        message.starts_with(&format!("error: seed file {name}: ")) && err.reason.contains(reason),
        "{case}: expected a message naming {name} and saying {reason:?}, got {message:?}"
    );
}

/// `got` holds the same documents, tables and warnings as `expected`, apart from the
/// encoding each document records.
fn assert_same(case: &str, got: &Bundle, expected: &Bundle, encoding: &str) {
    assert_eq!(got.documents.len(), expected.documents.len(), "{case}");
    for (g, e) in got.documents.iter().zip(&expected.documents) {
        assert_eq!(g.encoding, encoding, "{case}: encoding of {}", g.file);
        assert!(g.text == e.text, "{case}: the text of {} differs", g.file);
        let mut g = g.clone();
        g.encoding.clone_from(&e.encoding);
        assert!(g == *e, "{case}: the document {} differs", g.file);
    }
    assert_eq!(
        (&got.agencies, &got.regions, &got.topics),
        (&expected.agencies, &expected.regions, &expected.topics),
        "{case}"
    );
    assert_eq!(got.warnings, expected.warnings, "{case}");
}

#[test]
fn an_empty_file_is_refused() {
    assert_refused("empty", "empty.txt", b"", "the file is empty");
}

/// A small but real PNG: signature, IHDR, zlib-compressed IDAT and IEND, with CRCs.
fn png() -> Vec<u8> {
    use std::io::Write;
    let (w, h) = (16u32, 16u32);
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0);
        for x in 0..w {
            raw.extend_from_slice(&[(x * 16) as u8, (y * 16) as u8, 128]);
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&raw).unwrap();
    let idat = z.finish().unwrap();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(b"IHDR", &ihdr), (b"IDAT", &idat), (b"IEND", &Vec::new())] {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    }
    out
}

#[test]
fn binary_files_are_refused() {
    // A picture that claims to be text.
    assert_refused("png", "picture.txt", &png(), "looks binary");
    // The first 64 KiB of this test's own executable: a real ELF (or PE, Mach-O) file.
    let mut exe = Vec::new();
    let file = std::fs::File::open(std::env::current_exe().unwrap()).unwrap();
    std::io::Read::read_to_end(&mut std::io::Read::take(file, 64 * 1024), &mut exe).unwrap();
    assert_refused("executable", "program.txt", &exe, "looks binary");
    // A seed with a NUL after every eight bytes.
    let (_, text) = &seeds()[0];
    let mut nul_heavy = Vec::new();
    for chunk in text.as_bytes().chunks(8) {
        nul_heavy.extend_from_slice(chunk);
        nul_heavy.push(0);
    }
    assert_refused("nul-heavy", "nul.txt", &nul_heavy, "looks binary");
}

/// Files of formats the explorer does not read are skipped, each named in a warning, and
/// the build goes on; with `skip_unreadable`, so is a text file that cannot be read.
#[test]
fn other_formats_are_skipped_with_a_warning_naming_each() {
    let (name, good) = &seeds()[0];
    let bundle = build(
        "other-formats",
        &[
            ("good.txt", good.as_bytes()),
            ("picture.png", &png()),
            ("archive.zip", b"PK\x03\x04\x14\0\0\0"),
            ("table.xlsx", b"PK\x03\x04\x14\0\x06\0"),
        ],
    )
    .expect("the build goes on");
    assert_eq!(bundle.documents.len(), 1);
    assert_eq!(
        bundle.documents,
        original("good.txt", good).documents,
        "{name}"
    );
    let skipped: Vec<&str> = bundle
        .warnings
        .iter()
        .filter(|w| w.message.contains("skipped"))
        .map(|w| w.doc.as_str())
        .collect();
    assert_eq!(skipped, ["archive.zip", "picture.png", "table.xlsx"]);

    let sources = [
        Source {
            name: "good.txt".into(),
            bytes: good.as_bytes().to_vec(),
        },
        Source {
            name: "picture.txt".into(),
            bytes: png(),
        },
    ];
    let options = ingest::Options {
        skip_unreadable: true,
    };
    let bundle = ingest::ingest_with(&sources, options).expect("skipped, not refused");
    assert_eq!(bundle.documents.len(), 1);
    let warning = bundle
        .warnings
        .iter()
        .find(|w| w.doc == "picture.txt")
        .expect("a warning naming the file");
    assert!(warning.message.contains("looks binary"), "{warning:?}");
}

#[test]
fn a_utf8_seed_cut_inside_a_character_loses_that_character_with_a_warning() {
    let mut cut_any = false;
    for (name, text) in seeds() {
        // The multi-byte character nearest the middle, cut after its first byte (and after
        // its second, when it has three or four).
        let Some((at, c)) = text
            .char_indices()
            .filter(|(_, c)| c.len_utf8() > 1)
            .min_by_key(|(i, _)| i.abs_diff(text.len() / 2))
        else {
            continue;
        };
        cut_any = true;
        let prefix = &text[..at];
        let expected = original(&name, prefix);
        for keep in 1..c.len_utf8() {
            let bytes = &text.as_bytes()[..at + keep];
            let case = format!("truncated-{keep}-{name}");
            let got = build(&case, &[(&name, bytes)]).unwrap_or_else(|e| panic!("{case}: {e}"));
            let (noted, rest): (Vec<_>, Vec<_>) = got
                .warnings
                .iter()
                .cloned()
                .partition(|w| w.message.contains("truncated"));
            assert_eq!(noted.len(), 1, "{case}: one warning says so: {noted:?}");
            assert!(
                noted[0].message.contains(&format!("{keep} byte")),
                "{noted:?}"
            );
            let mut got = got.clone();
            got.warnings = rest;
            assert_same(&case, &got, &expected, "UTF-8");
        }
    }
    assert!(cut_any, "some seed has a multi-byte character");
}

#[test]
fn a_gb18030_seed_gives_the_same_documents() {
    for (name, text) in seeds() {
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
        assert!(!unmappable);
        let encoding = if std::str::from_utf8(&bytes).is_ok() {
            "UTF-8" // ASCII only: the very same bytes
        } else {
            "gb18030"
        };
        let case = format!("gb18030-{name}");
        let got = build(&case, &[(&name, &bytes)]).unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_same(&case, &got, &original(&name, &text), encoding);
    }
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    units
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn a_utf16_seed_in_either_byte_order_with_or_without_bom_gives_the_same_documents() {
    for (name, text) in seeds() {
        let expected = original(&name, &text);
        for (big_endian, encoding) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
            for bom in [true, false] {
                let case = format!("{encoding}-bom-{bom}-{name}");
                let bytes = utf16(&text, big_endian, bom);
                let got =
                    build(&case, &[(&name, &bytes)]).unwrap_or_else(|e| panic!("{case}: {e}"));
                assert_same(&case, &got, &expected, encoding);
            }
        }
    }
}

/// Seed texts one after another, repeated until the result reaches `bytes`.
fn repeated(separator: &str, bytes: usize) -> String {
    let texts: Vec<String> = seeds().into_iter().map(|(_, t)| t).collect();
    let mut out = String::new();
    for text in texts.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(text);
        out.push_str(separator);
    }
    out
}

/// Reads one big file, checks that all of its text arrived and the bundle is valid, and
/// returns it with the time ingest took.
fn read_big(case: &str, text: &str) -> (Bundle, Duration) {
    let started = Instant::now();
    let bundle = build(case, &[("big.txt", text.as_bytes())]).unwrap();
    let took = started.elapsed();
    eprintln!("{case}: {} bytes ingested in {took:.2?}", text.len());
    bundle.validate().unwrap();
    let doc = &bundle.documents[0];
    assert!(doc.text == text, "{case}: the text arrives whole");
    // Nothing is dropped: every non-blank char lies inside some item, except on the lines
    // that only label a case part ("Reform approach:"), kept as that part's label.
    let mut covered = vec![false; text.len()];
    for item in &doc.items {
        covered[item.span.start()..item.span.end()].fill(true);
    }
    let labels: BTreeSet<&str> = doc
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::CasePart)
        .filter_map(|i| i.label.as_deref())
        .collect();
    let mut offset = 0;
    for line in text.split('\n') {
        let lost = line
            .char_indices()
            .any(|(i, c)| !c.is_whitespace() && !covered[offset + i]);
        let label = line.trim().trim_end_matches([':', '：']);
        assert!(
            !lost || labels.contains(label),
            "{case}: a line outside every item: {line:?}"
        );
        offset += line.len() + 1;
    }
    (bundle, took)
}

/// Debug builds are slow, but linear work on 10 MB stays far below this.
const BIG_FILE_BUDGET: Duration = Duration::from_secs(120);

#[test]
fn a_10_mb_file_is_read_whole_in_linear_time() {
    let (_, one_mb) = read_big("1mb", &repeated("\n", 1 << 20));
    let text = repeated("\n", 10 << 20);
    let (bundle, took) = read_big("10mb", &text);
    assert!(took < BIG_FILE_BUDGET, "{took:?}");
    // Ten times the text takes about ten times as long; a step quadratic in the size of
    // the file (line numbers once counted from the start for every line) made it ~30.
    let ratio = took.as_secs_f64() / one_mb.as_secs_f64();
    assert!(ratio < 20.0, "10 MB took {ratio:.1}× as long as 1 MB");
    // Many items, as many per copy of a seed as in the seed itself, give or take.
    let one_pass: usize = seeds()
        .iter()
        .map(|(n, t)| original(n, t).documents[0].items.len())
        .sum();
    let items = bundle.documents[0].items.len();
    assert!(items > one_pass * 100, "{items} items");
}

#[test]
fn a_single_line_of_100k_chars_is_read_whole() {
    let mut line: String = repeated(" ", 400_000)
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .take(100_000)
        .collect();
    line.push('\n');
    let (bundle, took) = read_big("long-line", &line);
    assert!(took < BIG_FILE_BUDGET, "{took:?}");
    assert!(bundle.documents[0].items.len() > 1, "long lines are split");
}

#[test]
fn crlf_and_cr_line_ends_give_the_same_bundle_as_lf() {
    let seeds = seeds();
    let lf: Vec<(&str, &[u8])> = seeds
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_bytes()))
        .collect();
    let expected = build("lf", &lf).unwrap().to_json();
    for (case, end) in [("crlf", "\r\n"), ("cr", "\r")] {
        let texts: Vec<(&str, String)> = seeds
            .iter()
            .map(|(n, t)| (n.as_str(), t.replace('\n', end)))
            .collect();
        let files: Vec<(&str, &[u8])> = texts.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
        let got = build(case, &files).unwrap().to_json();
        assert!(got == expected, "{case}: the bundle differs from LF's");
    }
}

#[test]
fn a_file_of_only_site_chrome_is_kept_marked_and_reported() {
    let chrome: Vec<String> = seeds()
        .iter()
        .flat_map(|(_, t)| t.lines().map(str::trim).filter(|l| is_boilerplate(l)))
        .map(str::to_string)
        .collect();
    assert!(!chrome.is_empty(), "the seeds carry some site chrome");
    let text = chrome.join("\n") + "\n";
    let bundle = build("chrome", &[("chrome.txt", text.as_bytes())]).unwrap();
    let doc = &bundle.documents[0];
    assert_eq!(doc.items.len(), chrome.len(), "every line is kept");
    assert!(doc.items.iter().all(|i| i.kind == ItemKind::Boilerplate));
    assert!(
        bundle
            .warnings
            .iter()
            .any(|w| w.doc == doc.id && w.message.contains("no content")),
        "the build says that the file holds no content: {:?}",
        bundle.warnings
    );
}
