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

/// Everything the explorer draws from a document, in order: items (kind, number, level,
/// first characters), annotations with their units, figures (value, unit, kind), own numbers
/// and the date.
#[allow(clippy::type_complexity)]
fn everything(
    b: &Bundle,
) -> (
    Vec<(ItemKind, Option<u32>, Option<u8>, String)>,
    Vec<(String, Vec<String>)>,
    Vec<(String, String, String)>,
    Vec<String>,
    Option<String>,
) {
    let d = &b.documents[0];
    let items = d
        .items
        .iter()
        .filter(|i| i.kind.is_content())
        .map(|i| {
            (
                i.kind,
                i.number,
                i.level,
                squeeze(d.item_text(i)).chars().take(10).collect(),
            )
        })
        .collect();
    let annotations = d
        .items
        .iter()
        .flat_map(|i| &i.annotations)
        .map(|a| {
            let units = a
                .units
                .iter()
                .map(|u| format!("{:?}:{}", u.role, b.agencies[u.agency as usize].zh))
                .collect();
            (squeeze(d.slice(a.span)), units)
        })
        .collect();
    let figures = d
        .figures
        .iter()
        .map(|f| (f.value.to_string(), f.unit.clone(), format!("{:?}", f.kind)))
        .collect();
    let numbers = d.doc_numbers.iter().map(|n| n.text.clone()).collect();
    (items, annotations, figures, numbers, d.date.value.clone())
}

/// One document as the text copy, the saved page, a Word file and a PDF: the same items,
/// annotations, figures, number and date.
#[test]
fn the_same_document_in_four_formats_gives_the_same_explorer() {
    for id in ["0007", "0060"] {
        let text = everything(&one(&format!("govcn-2019/{id}.txt")));
        assert!(!text.0.is_empty() && !text.2.is_empty(), "{id}");
        for path in [
            format!("govcn-2019/html/{id}.html"),
            format!("word/{id}.docx"),
            format!("pdf/{id}.pdf"),
        ] {
            let got = everything(&one(&path));
            assert_eq!(got.0, text.0, "{path}: items");
            assert_eq!(got.1, text.1, "{path}: annotations");
            assert_eq!(got.2, text.2, "{path}: figures");
            assert_eq!(got.3, text.3, "{path}: numbers");
            assert_eq!(got.4, text.4, "{path}: date");
        }
    }
}

/// A real gov.cn page saved in GBK with its charset declared reads as the UTF-8 page does.
#[test]
fn a_govcn_page_in_gbk_reads_as_in_utf8() {
    let utf8 = std::fs::read_to_string(format!("{FIXTURES}/govcn-2019/html/0007.html")).unwrap();
    let declared =
        format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">\n{utf8}");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&declared);
    assert!(!unmappable);
    let page = ingest::ingest(&[Source {
        name: "0007.html".into(),
        bytes: gbk.into_owned(),
    }])
    .unwrap();
    assert_eq!(page.documents[0].encoding, "gb18030");
    assert_eq!(
        everything(&page),
        everything(&one("govcn-2019/html/0007.html"))
    );
    assert_eq!(
        page.documents[0].page,
        one("govcn-2019/html/0007.html").documents[0].page
    );
}

/// A folder as users have them: text, Markdown, web pages, Word and PDF files, a picture
/// and an archive. Every document is read; the picture and the archive are skipped, each
/// named in a warning.
#[test]
fn a_folder_of_every_format_with_a_picture_and_an_archive() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("mixed-folder");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (from, to) in [
        ("govcn-2019/0001.txt", "0001.txt"),
        ("govcn-2019/html/0002.html", "0002.html"),
        ("word/0007.docx", "0007.docx"),
        ("pdf/0060.pdf", "0060.pdf"),
        ("pdf/guangdong-cases.pdf", "guangdong.pdf"),
    ] {
        std::fs::copy(format!("{FIXTURES}/{from}"), dir.join(to)).unwrap();
    }
    std::fs::write(
        dir.join("notes.md"),
        "# 关于某事的通知\n\n一、总体要求。\n\n二、主要任务。\n",
    )
    .unwrap();
    std::fs::write(dir.join("photo.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(dir.join("pages.zip"), b"PK\x03\x04\x14\0\0\0\x08\0").unwrap();
    let folder = ingest::fs::read_folder(&dir).unwrap();
    let bundle = ingest::ingest(&folder.sources).unwrap();
    let ids: Vec<&str> = bundle.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["0001", "0002", "0007", "0060", "guangdong", "notes"]);
    for d in &bundle.documents {
        assert!(
            d.items.iter().any(|i| i.kind == ItemKind::Title),
            "{}",
            d.id
        );
    }
    let skipped: Vec<&str> = bundle
        .warnings
        .iter()
        .filter(|w| w.message.contains("skipped"))
        .map(|w| w.doc.as_str())
        .collect();
    assert_eq!(skipped, ["pages.zip", "photo.png"]);
}
