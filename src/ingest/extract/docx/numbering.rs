//! Word's automatic numbering: `numbering.xml` (lists, their levels' formats and texts,
//! restart overrides), the numbering paragraph styles carry (`styles.xml`), and the counters
//! that give each paragraph the label Word displays.
//!
//! Cost: one pass over each XML part; a counter update per numbered paragraph.

use super::attr;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

/// One level of a list: its format and text ("%1、", "（%1）"), and where it starts.
#[derive(Clone, Debug)]
pub(super) struct Level {
    format: String,
    text: String,
    start: u32,
}

/// `numbering.xml`: lists (`w:num`) → their abstract definitions' levels.
#[derive(Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// numId → (abstractNumId, start overrides per level)
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
}

impl Numbering {
    pub(super) fn parse(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let (mut abstract_id, mut level, mut num_id, mut override_level) = (
            None::<String>,
            None::<(u8, Level)>,
            None::<String>,
            None::<u8>,
        );
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.name().as_ref() {
                    b"w:abstractNum" => abstract_id = attr(&e, b"w:abstractNumId"),
                    b"w:lvl" if abstract_id.is_some() => {
                        let ilvl = attr(&e, b"w:ilvl")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0);
                        level = Some((
                            ilvl,
                            Level {
                                format: "decimal".into(),
                                text: String::new(),
                                start: 1,
                            },
                        ));
                    }
                    b"w:start" => {
                        let v = attr(&e, b"w:val").and_then(|v| v.parse().ok()).unwrap_or(1);
                        if let Some((_, l)) = level.as_mut() {
                            l.start = v;
                        }
                    }
                    b"w:numFmt" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, b"w:val")) {
                            l.format = v;
                        }
                    }
                    b"w:lvlText" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, b"w:val")) {
                            l.text = v;
                        }
                    }
                    b"w:num" => num_id = attr(&e, b"w:numId"),
                    b"w:abstractNumId" => {
                        if let (Some(id), Some(v)) = (num_id.clone(), attr(&e, b"w:val")) {
                            n.nums.insert(id, (v, HashMap::new()));
                        }
                    }
                    b"w:lvlOverride" => {
                        override_level = attr(&e, b"w:ilvl").and_then(|v| v.parse().ok())
                    }
                    b"w:startOverride" => {
                        let v = attr(&e, b"w:val").and_then(|v| v.parse().ok());
                        if let (Some(id), Some(l), Some(v)) = (num_id.as_ref(), override_level, v) {
                            if let Some((_, o)) = n.nums.get_mut(id) {
                                o.insert(l, v);
                            }
                        }
                    }
                    _ => {}
                },
                Ok(Event::End(e)) => match e.name().as_ref() {
                    b"w:lvl" => {
                        if let (Some(a), Some((i, l))) = (abstract_id.as_ref(), level.take()) {
                            n.abstracts.entry(a.clone()).or_default().insert(i, l);
                        }
                    }
                    b"w:abstractNum" => abstract_id = None,
                    b"w:num" => num_id = None,
                    _ => {}
                },
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        n
    }

    /// The level a paragraph of list `num_id` is at, and the key of the counters it
    /// advances: lists sharing a definition continue each other, unless one restarts
    /// (`w:startOverride`, how Word and pandoc begin a new list), which counts on its own.
    pub(super) fn level(&self, num_id: &str, ilvl: u8) -> Option<(String, Level)> {
        let (abstract_id, overrides) = self.nums.get(num_id)?;
        let mut level = self.abstracts.get(abstract_id)?.get(&ilvl)?.clone();
        if let Some(&start) = overrides.get(&ilvl) {
            level.start = start;
        }
        let key = if overrides.is_empty() {
            format!("abstract:{abstract_id}")
        } else {
            format!("num:{num_id}")
        };
        Some((key, level))
    }
}

/// `styles.xml`: the numbering a paragraph style carries (Word's "List Number", or a
/// heading style numbered 一、).
#[derive(Default)]
pub(super) struct Styles {
    pub(super) numbering: HashMap<String, (String, u8)>,
}

impl Styles {
    pub(super) fn parse(xml: &str) -> Styles {
        let mut s = Styles::default();
        let mut reader = Reader::from_str(xml);
        let (mut style, mut num_id, mut ilvl) = (None::<String>, None::<String>, 0u8);
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.name().as_ref() {
                    b"w:style" => {
                        style = attr(&e, b"w:styleId");
                        num_id = None;
                        ilvl = 0;
                    }
                    b"w:numId" if style.is_some() => num_id = attr(&e, b"w:val"),
                    b"w:ilvl" if style.is_some() => {
                        ilvl = attr(&e, b"w:val").and_then(|v| v.parse().ok()).unwrap_or(0)
                    }
                    _ => {}
                },
                Ok(Event::End(e)) if e.name().as_ref() == b"w:style" => {
                    if let (Some(st), Some(id)) = (style.take(), num_id.take()) {
                        s.numbering.insert(st, (id, ilvl));
                    }
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        s
    }
}

/// Counters per list (abstract definition) and level, as Word keeps them.
#[derive(Default)]
pub(super) struct Counters {
    counts: HashMap<String, Vec<u32>>,
}

impl Counters {
    /// The label the next paragraph of `level` in list `list` displays.
    pub(super) fn next(
        &mut self,
        list: &str,
        ilvl: u8,
        level: &Level,
        numbering: &Numbering,
        num_id: &str,
    ) -> String {
        let counts = self.counts.entry(list.to_string()).or_default();
        let i = ilvl as usize;
        if counts.len() <= i {
            counts.resize(i + 1, 0);
        }
        counts[i] = if counts[i] == 0 {
            level.start
        } else {
            counts[i] + 1
        };
        // Deeper levels restart.
        counts.truncate(i + 1);
        let mut label = level.text.clone();
        for (k, &count) in counts.iter().enumerate() {
            let format = if k == i {
                level.format.clone()
            } else {
                numbering
                    .level(num_id, k as u8)
                    .map_or("decimal".into(), |(_, l)| l.format)
            };
            label = label.replace(&format!("%{}", k + 1), &format_number(count, &format));
        }
        if level.format == "bullet" || level.format == "none" {
            return String::new();
        }
        label
    }
}

/// A counter in one of Word's number formats.
pub(super) fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographTraditional"
        | "japaneseCounting"
        | "taiwaneseCounting" => han(n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or(n.to_string(), String::from)
        }
        "lowerLetter" => letters(n, b'a'),
        "upperLetter" => letters(n, b'A'),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c))
            .collect(),
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    }
}

fn han(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n % 10 == 0 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

fn letters(n: u32, base: u8) -> String {
    let k = (n.max(1) - 1) % 26;
    let repeat = (n.max(1) - 1) / 26 + 1;
    std::iter::repeat_n((base + k as u8) as char, repeat as usize).collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}
