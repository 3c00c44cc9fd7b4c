//! Number formats; whole Word files are in tests/formats.rs.

use super::numbering::format_number;
use super::*;

#[test]
fn counters_in_the_formats_word_writes() {
    for (n, format, want) in [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (12, "chineseCountingThousand", "十二"),
        (20, "ideographTraditional", "二十"),
        (35, "chineseCounting", "三十五"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "lowerLetter", "b"),
        (28, "upperLetter", "BB"),
        (14, "upperRoman", "XIV"),
        (4, "lowerRoman", "iv"),
        (7, "decimal", "7"),
        (12, "decimalFullWidth", "１２"),
    ] {
        assert_eq!(format_number(n, format), want, "{n} {format}");
    }
}

#[test]
fn deeper_levels_restart_and_labels_use_their_level_texts() {
    let numbering = Numbering::parse(
        r#"<w:numbering><w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>
        </w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#,
    );
    let mut counters = Counters::default();
    let mut next = |ilvl: u8| {
        let (key, level) = numbering.level("3", ilvl).unwrap();
        counters.next(&key, ilvl, &level, &numbering, "3")
    };
    let got: Vec<String> = [0, 1, 1, 2, 2, 0, 1, 2]
        .into_iter()
        .map(&mut next)
        .collect();
    assert_eq!(
        got,
        [
            "一、",
            "（一）",
            "（二）",
            "一.1",
            "一.2",
            "二、",
            "（一）",
            "二.1"
        ]
    );
}
