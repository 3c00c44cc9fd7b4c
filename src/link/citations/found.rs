//! What a document's text cites, before anything is resolved: 《titles》 (less what the
//! document issues itself and short names), English titles, and the numbers ingest does
//! not read as cited numbers.
//!
//! Cost: one pass over each line.

use crate::model::{Document, ItemKind};

/// The words that head an English document title.
const HEADS: &[&str] = &[
    "Notice",
    "Circular",
    "Opinions",
    "Opinion",
    "Measures",
    "Plan",
    "Programme",
    "Program",
    "Regulations",
    "Provisions",
    "Rules",
    "Decision",
    "Guidelines",
    "Guideline",
    "Scheme",
    "Law",
    "Catalogue",
    "List",
    "Outline",
    "Strategy",
    "Reply",
    "Announcement",
];
/// Small words a title-case English title may contain.
const SMALL: &[&str] = &[
    "of", "on", "for", "the", "and", "in", "to", "a", "an", "with", "by", "at", "from",
];

/// Whether the 《title》 at byte `at` of `line` is what the document itself issues, forwards
/// or publishes — not a citation: what its title issues (国务院关于印发《X》的通知; not
/// 暂时调整实施《X》有关规定的决定), the subject of a title made from a first line
/// (《X（草案）》已经…), in the sentence that hands it out
/// (现将《X》印发给你们, 《X》已经国务院同意，现转发给你们), or marked as attached (《X》（见附件）).
pub(super) fn issued_here(
    doc: &Document,
    kind: ItemKind,
    line: &str,
    at: usize,
    title: &str,
) -> bool {
    let bracketed = format!("《{title}》");
    let issues = ["印发", "转发", "发布", "公布"]
        .iter()
        .any(|v| line[..at].ends_with(v));
    if (kind == ItemKind::Title && issues)
        || (doc.title_derived && line[..at].trim().is_empty() && doc.title.starts_with(&bracketed))
    {
        return true;
    }
    let after = &line[at..];
    let close = after
        .find('》')
        .map_or(after.len(), |i| i + '》'.len_utf8());
    if ["（见附件）", "(见附件)", "（附件", "(附件"]
        .iter()
        .any(|m| after[close..].trim_start().starts_with(m))
    {
        return true;
    }
    let ends = ['。', '；', '！', '？'];
    let start = line[..at].rfind(ends).map_or(0, |i| i + '。'.len_utf8());
    let end = after[close..]
        .find(ends)
        .map_or(line.len(), |i| at + close + i);
    let sentence = &line[start..end];
    [
        "印发给你们",
        "转发给你们",
        "现予印发",
        "现予发布",
        "现予公布",
        "印发给你",
    ]
    .iter()
    .any(|m| sentence.contains(m))
}

/// 《…》 titles of a line: `(start, text)`, the text without the brackets.
pub(super) fn bracketed(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = line[at..].find('《').map(|i| i + at) {
        let inner_start = open + '《'.len_utf8();
        // The matching 》: nested 《 are rare and written 〈〉; the first 》 closes.
        let Some(close) = line[inner_start..].find('》').map(|i| i + inner_start) else {
            break;
        };
        let inner = line[inner_start..close].trim();
        // 以下简称《办法》: a short name for a title cited before it, not a citation.
        let short_name = line[..open].trim_end().ends_with("简称")
            || line[..open].trim_end().ends_with("简称为")
            || inner.chars().count() <= 4;
        if !short_name && inner.chars().count() <= 120 && !inner.contains('《') {
            out.push((open, inner));
        }
        at = close + '》'.len_utf8();
    }
    out
}

fn is_title_word(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    !bare.is_empty()
        && (bare
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || SMALL.contains(&bare)
            || bare.contains('-') && bare.chars().next().is_some_and(char::is_uppercase))
}

/// English titles of a line: quoted title-case phrases with a heading word, and "the
/// Notice/Opinions/… on|of|for …" in title case.
pub(super) fn english_titles(line: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    // Quoted.
    for (open, close) in [('“', '”'), ('"', '"')] {
        let mut at = 0;
        while let Some(start) = line[at..].find(open).map(|i| i + at + open.len_utf8()) {
            let Some(end) = line[start..].find(close).map(|i| i + start) else {
                break;
            };
            let inner = line[start..end].trim().trim_start_matches("the ").trim();
            let words: Vec<&str> = inner.split_whitespace().collect();
            if (3..=40).contains(&words.len())
                && !inner.contains(['“', '”', '"'])
                && words[0].chars().next().is_some_and(char::is_uppercase)
                && words
                    .iter()
                    .any(|w| HEADS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
            {
                out.push((start, inner.to_string()));
            }
            at = end + close.len_utf8();
        }
    }
    // "the Notice … on …" unquoted.
    let words: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .collect();
    let mut i = 0;
    while i + 1 < words.len() {
        let head = words[i + 1].1.trim_matches(|c: char| !c.is_alphanumeric());
        // A quoted title is the quoted pattern's.
        let quoted = words[i + 1].1.starts_with(['"', '“']);
        if words[i].1.eq_ignore_ascii_case("the") && HEADS.contains(&head) && !quoted {
            let mut j = i + 1;
            while j + 1 < words.len()
                && is_title_word(words[j + 1].1)
                && !words[j].1.ends_with([',', '.', ';', ':', '"', '”'])
            {
                j += 1;
            }
            // Trailing small words are not part of the title.
            while j > i + 1
                && SMALL.contains(&words[j].1.trim_matches(|c: char| !c.is_alphanumeric()))
            {
                j -= 1;
            }
            let span: Vec<&str> = words[i + 1..=j].iter().map(|(_, w)| *w).collect();
            let has_link = span.iter().skip(1).any(|w| ["on", "of", "for"].contains(w));
            if span.len() >= 4 && has_link {
                let start = words[i + 1].0;
                let text = span.join(" ");
                let text = text
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .to_string();
                if !out.iter().any(|(s, _)| *s <= start && start < *s + 400) {
                    out.push((start, text));
                }
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out.sort();
    out
}

/// Numbers ingest does not read as cited numbers: decrees (中华人民共和国国务院令第142号 →
/// 国务院令第142号) and English numbers run together ("GF2017No. 20" → "GF (2017) No. 20").
pub(super) fn more_numbers(doc: &Document) -> Vec<(usize, String)> {
    let own: Vec<&str> = doc.doc_numbers.iter().map(|n| n.text.as_str()).collect();
    let mut out = Vec::new();
    for item in &doc.items {
        if matches!(item.kind, ItemKind::Boilerplate | ItemKind::Title) {
            continue;
        }
        let line = doc.item_text(item);
        let base = item.span.start();
        for (at, _) in line.match_indices("国务院令第") {
            let rest = &line[at + "国务院令第".len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if !digits.is_empty() && rest[digits.len()..].starts_with('号') {
                let number = format!("国务院令第{digits}号");
                if !own.contains(&number.as_str()) {
                    out.push((base + at, number));
                }
            }
        }
        for (at, _) in line.match_indices("No.") {
            let before = &line[..at];
            let year_end = before.trim_end_matches([' ', ']', ')', '）', '〕']);
            let year_start = year_end.len().saturating_sub(4);
            let year = &year_end[year_start..];
            if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let letters_end = year_end[..year_start].trim_end_matches([' ', '[', '(', '（', '〔']);
            let letters: String = letters_end
                .chars()
                .rev()
                .take_while(char::is_ascii_uppercase)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            // Only the run-together form: "GF2017No. 20" (spaced forms are ingest's).
            let glued = letters_end.len() == year_start && before.ends_with(year);
            let num: String = line[at + 3..]
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if glued && !letters.is_empty() && !num.is_empty() {
                let start = letters_end.len() - letters.len();
                out.push((base + start, format!("{letters} ({year}) No. {num}")));
            }
        }
    }
    out
}
