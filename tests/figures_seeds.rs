//! Figure extraction on the real seed documents: named figures that must be found, and an
//! oracle over every seed (spans valid, ordered, inside their sentences; no year read from
//! a date as a figure).
//!
//! Set FIGURES_DUMP=1 to print every figure found (`-- --nocapture`).

use ftz_explorer::ingest::decode::decode;
use ftz_explorer::ingest::figures::{extract, Found};
use ftz_explorer::model::{Direction, FigureKind};
use std::path::Path;

/// (file name, decoded text) of every seed, in name order.
fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("seeds/ is readable")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(dir.join(&name)).expect("seed is readable");
            let text = decode(&bytes).expect("seed decodes").text;
            (name, text)
        })
        .collect()
}

fn seed(prefix: &str) -> String {
    seeds()
        .into_iter()
        .find(|(name, _)| name.starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}*"))
        .1
}

/// The figure written exactly as `written` (the first one).
fn figure<'a>(text: &str, found: &'a [Found], written: &str) -> &'a Found {
    found
        .iter()
        .find(|f| &text[f.span.0..f.span.1] == written)
        .unwrap_or_else(|| panic!("no figure {written:?}"))
}

fn sentence<'a>(text: &'a str, f: &Found) -> &'a str {
    &text[f.sentence.0..f.sentence.1]
}

#[test]
fn hubei_loans_of_1_161_billion_yuan() {
    let text = seed("000_");
    let found = extract(&text);
    let f = figure(&text, &found, "1.161 billion yuan");
    assert!((f.value - 1.161e9).abs() < 1.0, "{f:?}");
    assert_eq!((f.unit.as_str(), f.kind), ("yuan", FigureKind::Money));
    assert_eq!(f.scale.as_deref(), Some("billion"));
    assert!(
        sentence(&text, f).contains("496 enterprises"),
        "{}",
        sentence(&text, f)
    );
    let f = figure(&text, &found, "496 enterprises");
    assert_eq!(
        (f.value, f.unit.as_str(), f.kind),
        (496.0, "enterprise", FigureKind::Count)
    );
}

#[test]
fn hubei_savings_and_shorter_procedures() {
    let text = seed("000_");
    let found = extract(&text);
    let f = figure(&text, &found, "213 million yuan");
    assert!((f.value - 2.13e8).abs() < 1.0, "{f:?}");
    assert_eq!(f.kind, FigureKind::Money);
    // A saving is money not spent: documented as Down.
    assert_eq!(f.direction, Some(Direction::Down));
    let from = figure(&text, &found, "11 working days");
    let to = figure(&text, &found, "half a day");
    assert_eq!((from.value, from.unit.as_str()), (11.0, "working_day"));
    assert_eq!((to.value, to.unit.as_str()), (0.5, "day"));
    for f in [from, to] {
        assert_eq!(
            (f.kind, f.direction),
            (FigureKind::Duration, Some(Direction::Down))
        );
    }
    let f = figure(&text, &found, "100%");
    assert_eq!((f.kind, f.direction), (FigureKind::Percent, None));
}

#[test]
fn qilu_trains_grew_41_5_percent() {
    let text = seed("001_");
    let found = extract(&text);
    let f = figure(&text, &found, "41.5%");
    assert_eq!((f.value, f.unit.as_str()), (41.5, "%"));
    assert_eq!(
        (f.kind, f.direction),
        (FigureKind::RateOfChange, Some(Direction::Up))
    );
    assert!(sentence(&text, f).contains("879 trains"));
    let f = figure(&text, &found, "879 trains");
    assert_eq!(
        (f.value, f.unit.as_str(), f.kind),
        (879.0, "train", FigureKind::Count)
    );
    let f = figure(&text, &found, "80%");
    assert_eq!(f.kind, FigureKind::Percent, "close to 80% is a level");
}

#[test]
fn yunnan_market_entities_31_559() {
    let text = seed("001_");
    let found = extract(&text);
    let f = figure(&text, &found, "31,559");
    assert_eq!(
        (f.value, f.unit.as_str(), f.kind),
        (31559.0, "", FigureKind::Count)
    );
    assert!(sentence(&text, f).contains("Yunnan"));
}

#[test]
fn chinese_notice_keeps_only_real_figures() {
    let text = seed("004_");
    let found = extract(&text);
    let written: Vec<&str> = found.iter().map(|f| &text[f.span.0..f.span.1]).collect();
    assert_eq!(written, ["5年", "15%"], "{found:#?}");
}

/// Four-digit years written as dates or years in a sentence: "in 2021", "2021年",
/// "(2020)", "2022-06-01", "July 2020", "August 13, 2021".
fn date_years(sentence: &str) -> Vec<f64> {
    let bytes = sentence.as_bytes();
    let mut years = Vec::new();
    for i in 0..bytes.len().saturating_sub(3) {
        let run = &bytes[i..i + 4];
        let isolated = (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        if run.iter().all(u8::is_ascii_digit) && isolated {
            let year: f64 = std::str::from_utf8(run).unwrap().parse().unwrap();
            if (1900.0..=2100.0).contains(&year) {
                years.push(year);
            }
        }
    }
    years
}

#[test]
fn oracle_over_all_seeds() {
    let dump = std::env::var_os("FIGURES_DUMP").is_some();
    for (name, text) in seeds() {
        let found = extract(&text);
        assert!(!found.is_empty(), "{name}: no figures");
        let mut last_end = 0;
        for f in &found {
            let written = text.get(f.span.0..f.span.1).expect("span slices the text");
            let sent = text
                .get(f.sentence.0..f.sentence.1)
                .expect("sentence slices the text");
            if dump {
                println!(
                    "{name} {written:?} = {} {:?} {:?} {:?} {:?}",
                    f.value, f.unit, f.scale, f.kind, f.direction
                );
            }
            assert!(
                f.span.0 >= last_end && f.span.0 < f.span.1,
                "{name}: {f:?} out of order"
            );
            assert!(
                f.sentence.0 <= f.span.0 && f.span.1 <= f.sentence.1,
                "{name}: {f:?}"
            );
            assert!(f.value.is_finite());
            assert!(
                !date_years(sent).contains(&f.value)
                    || !written.chars().all(|c| c.is_ascii_digit()),
                "{name}: {written:?} is a year in {sent:?}"
            );
            last_end = f.span.1;
        }
    }
}

/// Cutting the seeds at arbitrary char boundaries (mid-number, mid-unit, mid-date) must
/// never panic and must keep every span and sentence inside the piece.
#[test]
fn arbitrary_pieces_of_the_seeds_stay_consistent() {
    for (name, text) in seeds() {
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(37).collect();
        for &start in &cuts {
            let end = (start + 90..text.len())
                .find(|&e| text.is_char_boundary(e))
                .unwrap_or(text.len());
            let piece = &text[start..end];
            for f in extract(piece) {
                assert!(
                    piece.get(f.span.0..f.span.1).is_some(),
                    "{name}@{start}: {f:?}"
                );
                assert!(
                    f.sentence.0 <= f.span.0
                        && f.span.1 <= f.sentence.1
                        && f.sentence.1 <= piece.len()
                );
                assert!(f.value.is_finite());
            }
        }
    }
}
