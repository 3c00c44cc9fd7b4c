//! Real documents in the formats they reach people in, read into the same tree as their text
//! copies. `tests/fixtures/word/NNNN.docx` are gov.cn pages 0007 and 0060 (from
//! `tests/fixtures/govcn-2019/`) as Word files whose 一、 / （一） / 1. are Word's automatic
//! numbering, not text (how the fixtures were made: `tests/fixtures/word/README.md`).
#![cfg(not(target_arch = "wasm32"))]

use ftz_explorer::ingest::{self, Source};
use ftz_explorer::model::{Bundle, Document, ItemKind};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn one(path: &str) -> Bundle {
    let name = path.rsplit('/').next().unwrap().to_string();
    let bytes = std::fs::read(format!("{FIXTURES}/{path}")).unwrap();
    ingest::ingest(&[Source { name, bytes }]).unwrap()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Measures and points with the numbers they display and their first words, and sections
/// by level.
fn tree(d: &Document) -> Vec<(ItemKind, Option<u8>, String)> {
    d.items
        .iter()
        .filter(|i| {
            matches!(
                i.kind,
                ItemKind::Measure | ItemKind::Point | ItemKind::Section
            )
        })
        .map(|i| {
            (
                i.kind,
                i.level,
                squeeze(d.item_text(i)).chars().take(10).collect(),
            )
        })
        .collect()
}

#[test]
fn word_files_with_automatic_numbering_read_like_their_text_copies() {
    for id in ["0007", "0060"] {
        let word = one(&format!("word/{id}.docx"));
        let text = one(&format!("govcn-2019/{id}.txt"));
        let (w, t) = (&word.documents[0], &text.documents[0]);
        assert_eq!(tree(w), tree(t), "{id}");
        assert_eq!(w.title, t.title, "{id}");
        let numbers = |d: &Document| {
            d.doc_numbers
                .iter()
                .map(|n| n.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(numbers(w), numbers(t), "{id}");
        assert_eq!(w.date.value, t.date.value, "{id}");
        assert!(tree(w).len() > 10, "{id}");
    }
}

/// A page with data tables inside gov.cn's layout tables, converted to Word (pandoc, from
/// the saved page `govcn-2019/html/0044.html`, images removed): the layout tables are read
/// as text, the coordinate tables as tables with the same rows as the page's.
#[test]
fn a_word_file_keeps_data_tables_and_reads_layout_tables_as_text() {
    let word = one("word/0044.docx");
    let page = one("govcn-2019/html/0044.html");
    let (w, p) = (&word.documents[0], &page.documents[0]);
    let tables = |d: &Document| -> Vec<Vec<String>> {
        d.items
            .iter()
            .filter(|i| i.kind == ItemKind::Table)
            .map(|i| d.item_text(i).lines().map(squeeze).collect())
            .collect()
    };
    assert!(!tables(p).is_empty());
    assert_eq!(tables(w), tables(p));
    assert_eq!(tree(w), tree(p));
}

#[test]
fn damaged_and_old_word_files_are_named() {
    let err = ingest::ingest(&[Source {
        name: "broken.docx".into(),
        bytes: b"PK\x03\x04 not really a zip".to_vec(),
    }])
    .unwrap_err();
    assert_eq!(err.file, "broken.docx");
    assert!(err.reason.contains("not a Word file"), "{}", err.reason);
    let bundle = ingest::ingest(&[
        Source {
            name: "old.doc".into(),
            bytes: vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
        },
        Source {
            name: "good.txt".into(),
            bytes: "关于某事的通知\n一、总体要求。".as_bytes().to_vec(),
        },
    ])
    .unwrap();
    let warning = bundle.warnings.iter().find(|w| w.doc == "old.doc").unwrap();
    assert!(warning.message.contains(".docx"), "{}", warning.message);
}

/// The Word files above printed to PDF by LibreOffice (CID fonts with ToUnicode maps, lines
/// broken wherever the page is full): the same tree as the text copies.
#[test]
fn pdf_files_read_like_their_text_copies() {
    for id in ["0007", "0060"] {
        let pdf = one(&format!("pdf/{id}.pdf"));
        let text = one(&format!("govcn-2019/{id}.txt"));
        let (p, t) = (&pdf.documents[0], &text.documents[0]);
        assert_eq!(tree(p), tree(t), "{id}");
        assert_eq!(p.title, t.title, "{id}");
        assert_eq!(
            squeeze(&p.text),
            squeeze(&t.text),
            "{id}: every character, in order"
        );
    }
}

/// A PDF without a text layer (a page that is only a picture, as a scan is) and one that
/// needs a password stop the build with the reason, naming the file.
#[test]
fn scanned_and_encrypted_pdfs_are_refused_with_the_reason() {
    for (file, reason) in [
        ("scan.pdf", "no text layer (scanned?)"),
        ("encrypted.pdf", "encrypted"),
    ] {
        let bytes = std::fs::read(format!("{FIXTURES}/pdf/{file}")).unwrap();
        let err = ingest::ingest(&[Source {
            name: file.into(),
            bytes,
        }])
        .unwrap_err();
        assert_eq!(err.file, file);
        assert!(err.reason.contains(reason), "{file}: {}", err.reason);
    }
}

/// An English seed printed on small pages (LibreOffice, hyphenation on, a running head and
/// "- N -" page numbers; `pdf/make_fodt.py`): every character of the seed comes back in
/// order, without the page furniture, words broken at line ends whole again, one paragraph
/// per paragraph of the seed.
#[test]
fn an_english_pdf_loses_its_page_furniture_and_its_line_breaks() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/003_ee1f3b3f0bbad878.txt"
    ))
    .unwrap();
    let pdf = one("pdf/guangdong-cases.pdf");
    let d = &pdf.documents[0];
    assert!(
        !d.text
            .contains("Guangdong Pilot Free Trade Zone: best cases"),
        "running head"
    );
    assert!(
        !d.text
            .lines()
            .any(|l| l.trim().starts_with("- ") && l.trim().ends_with(" -")),
        "page numbers"
    );
    let words = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
    assert_eq!(words(&d.text), words(&seed));
    let paragraphs = |s: &str| s.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(paragraphs(&d.text), paragraphs(&seed));
}
