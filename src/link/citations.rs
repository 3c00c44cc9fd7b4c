//! Citations between documents: what a document's text cites, and which document of the
//! corpus that is.
//!
//! What counts as a citation:
//! - the document numbers ingest found in the body (`Document::cited_numbers`:
//!   国发〔2018〕38号, "Guofa (2020) No. 7");
//! - titles in 《…》 (the nested 〈…〉 of 《关于印发〈X〉的通知》 kept as text);
//! - English titles: in quotes, or after "the", in title case and headed by a document
//!   word (Notice, Opinions, Measures, Plan, Regulations …) — "the Notice of the State
//!   Council on Issuing the Overall Plan for …".
//!
//! How one resolves: a number to the document whose own number it is (as written, or
//! romanised — `romanise.rs` — across languages); a title to the document whose title it
//! is, folded, without punctuation and spacing, also when the citation leaves out the
//! wrapper of a notice that issues it (《X》 for 关于印发X的通知, "X" for "Notice on Issuing
//! the X"); across languages, a title whose glossary concepts are those of a title of the
//! other language (at least three). A title a document gives to its own attachment
//! resolves to the document itself, and is not listed. Everything else is external
//! (laws, plans, notices the corpus does not hold).
//!
//! Cost: one pass over each text; resolution by hash look-ups, and, across languages, one
//! comparison per document of the other language for each title left unresolved.

use super::concepts::{concept_counts, is_generic};
use super::romanise;
use crate::model::{Bundle, Citation, CiteKind, Document, ItemAt, ItemKind, Lang};
use crate::search::analyze::{fold, is_han};
use std::collections::{HashMap, HashSet};

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

/// A title reduced for comparison: folded, only letters, digits and Han; English words
/// lower case and without "the", "a", "an".
fn title_key(title: &str) -> String {
    let folded = fold(title);
    if folded.chars().any(is_han) {
        // 的 comes and goes between a title and its citations (若干措施 / 的若干措施).
        return folded
            .chars()
            .filter(|c| c.is_alphanumeric() && *c != '的')
            .collect();
    }
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !["the", "a", "an"].contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The titles a document answers to: its own, without its issuer (关于…), and what a notice
/// that issues or forwards a text issues ("关于印发X的通知" → X; "Notice … on Issuing the X"
/// → X).
fn own_titles(doc: &Document) -> Vec<String> {
    // The title line in full (`Document::title` may be cut short).
    let full = doc
        .items
        .iter()
        .position(|i| i.kind == ItemKind::Title)
        .map(|i| doc.heading(i, usize::MAX));
    let title = full.as_deref().unwrap_or(&doc.title).trim();
    let mut out = vec![title.to_string()];
    // "国务院印发关于X的通知": what it issues follows 印发 (or 转发).
    for verb in ["印发", "转发"] {
        if let Some(at) = title.find(verb) {
            let rest = &title[at + verb.len()..];
            let inner = rest.strip_suffix("的通知").unwrap_or(rest);
            out.push(inner.trim_matches(['《', '》']).to_string());
        }
    }
    if let Some(at) = title.find("关于") {
        out.push(title[at..].to_string());
        let about = &title[at + "关于".len()..];
        for verb in ["印发", "转发", "发布", "公布", "印送"] {
            if let Some(rest) = about.strip_prefix(verb) {
                let inner = rest
                    .strip_suffix("的通知")
                    .or(rest.strip_suffix("的通告"))
                    .unwrap_or(rest);
                out.push(inner.trim_matches(['《', '》']).to_string());
            }
        }
    }
    // "Notice … on (Printing and) Issuing (of) the X", "… Distributing the X".
    for verb in ["Issuing ", "Distributing "] {
        if let Some(at) = title.rfind(verb) {
            let mut rest = title[at + verb.len()..].trim_start();
            for small in ["of ", "the "] {
                rest = rest.strip_prefix(small).unwrap_or(rest);
            }
            out.push(rest.trim_matches(['"', '“', '”']).to_string());
        }
    }
    out
}

/// Whether the 《title》 at byte `at` of `line` is what the document itself issues, forwards
/// or publishes — not a citation: what its title issues (国务院关于印发《X》的通知; not
/// 暂时调整实施《X》有关规定的决定), the subject of a title made from a first line
/// (《X（草案）》已经…), in the sentence that hands it out
/// (现将《X》印发给你们, 《X》已经国务院同意，现转发给你们), or marked as attached (《X》（见附件）).
fn issued_here(doc: &Document, kind: ItemKind, line: &str, at: usize, title: &str) -> bool {
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
fn bracketed(line: &str) -> Vec<(usize, &str)> {
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
fn english_titles(line: &str) -> Vec<(usize, String)> {
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
fn more_numbers(doc: &Document) -> Vec<(usize, String)> {
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

/// The item of `doc` whose span holds byte `at` (the last item starting at or before it).
fn item_at(doc: &Document, at: usize) -> u32 {
    let i = doc.items.partition_point(|it| it.span.start() <= at);
    i.saturating_sub(1) as u32
}

/// Substantial concepts of a title (not stock ones), as a set.
fn title_concepts(title: &str) -> Vec<u32> {
    concept_counts(title)
        .into_iter()
        .map(|(c, _)| c)
        .filter(|&c| !is_generic(c))
        .collect()
}

/// Every citation of every document, resolved where the corpus allows, sorted by where it
/// is cited.
pub fn citations(bundle: &Bundle) -> Vec<Citation> {
    // What each document answers to.
    let mut by_number: HashMap<String, u32> = HashMap::new();
    let mut by_number_key: HashMap<String, u32> = HashMap::new();
    let mut by_title: HashMap<String, u32> = HashMap::new();
    let mut concepts_of: Vec<(u32, Lang, Vec<u32>)> = Vec::new();
    for (d, doc) in bundle.documents.iter().enumerate() {
        let d = d as u32;
        let own = doc
            .doc_numbers
            .iter()
            .map(|n| n.text.clone())
            .chain(doc.page.as_ref().and_then(|p| p.number.clone()));
        for number in own {
            if let Some(key) = romanise::key(&number) {
                by_number_key.entry(key).or_insert(d);
            }
            by_number.entry(number).or_insert(d);
        }
        for title in own_titles(doc) {
            let key = title_key(&title);
            if key.chars().count() >= 4 {
                by_title.entry(key).or_insert(d);
            }
            let concepts = title_concepts(&title);
            if concepts.len() >= 3 {
                concepts_of.push((d, doc.lang, concepts));
            }
        }
    }
    let mut out = Vec::new();
    for (d, doc) in bundle.documents.iter().enumerate() {
        let d = d as u32;
        let mut seen: HashSet<(CiteKind, String)> = HashSet::new();
        let mut push = |kind: CiteKind, at: usize, text: String, target: Option<(u32, bool)>| {
            let key = match kind {
                CiteKind::Number => text.clone(),
                CiteKind::Title => title_key(&text),
            };
            if target.is_some_and(|(t, _)| t == d) || !seen.insert((kind, key)) {
                return;
            }
            out.push(Citation {
                from: ItemAt {
                    doc: d,
                    item: item_at(doc, at),
                },
                kind,
                text,
                target: target.map(|(t, _)| t),
                across: target.is_some_and(|(_, across)| across),
            });
        };
        let mut numbers: Vec<(usize, String)> = doc
            .cited_numbers
            .iter()
            .map(|n| (n.span.start(), n.text.clone()))
            .collect();
        numbers.extend(more_numbers(doc));
        for (at, number) in numbers {
            let target = by_number.get(&number).map(|&t| (t, false)).or_else(|| {
                let key = romanise::key(&number)?;
                by_number_key
                    .get(&key)
                    .map(|&t| (t, bundle.documents[t as usize].lang != doc.lang))
            });
            push(CiteKind::Number, at, number, target);
        }
        let resolve_title = |title: &str| -> Option<(u32, bool)> {
            if let Some(&t) = by_title.get(&title_key(title)) {
                return Some((t, bundle.documents[t as usize].lang != doc.lang));
            }
            let mine = title_concepts(title);
            if mine.len() < 3 {
                return None;
            }
            concepts_of
                .iter()
                .find(|(t, lang, cs)| *lang != doc.lang && *cs == mine && *t != d)
                .map(|(t, _, _)| (*t, true))
        };
        for item in &doc.items {
            if item.kind == ItemKind::Boilerplate {
                continue;
            }
            let line = doc.item_text(item);
            let start = item.span.start();
            let mut titles: Vec<(usize, String)> = bracketed(line)
                .into_iter()
                .filter(|&(at, t)| !issued_here(doc, item.kind, line, at, t))
                .map(|(at, t)| (at, t.replace(['〈', '〉'], "")))
                .collect();
            if doc.lang == Lang::En {
                titles.extend(english_titles(line));
            }
            titles.sort();
            for (at, title) in titles {
                let target = resolve_title(&title);
                push(CiteKind::Title, start + at, title, target);
            }
        }
    }
    out.sort_by_key(|c| c.from);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_in_brackets_and_in_english() {
        assert_eq!(
            bracketed("根据《中华人民共和国外商投资法》和《关于印发〈X〉的通知》"),
            vec![(6, "中华人民共和国外商投资法"), (51, "关于印发〈X〉的通知")]
        );
        let line = "According to the Notice of the State Council on Issuing the Overall Plan for the China (Hubei) Pilot Free Trade Zone, the province will";
        let found = english_titles(line);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1,
            "Notice of the State Council on Issuing the Overall Plan for the China (Hubei) Pilot Free Trade Zone"
        );
        let quoted = "The relevant policies of the \"Implementation Opinions on Accelerating the Promotion of High-quality Development\" are (the \"Implementation Opinions\")";
        let found = english_titles(quoted);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0]
            .1
            .starts_with("Implementation Opinions on Accelerating"));
        assert!(english_titles("the notice on the plan of the province").is_empty());
    }

    #[test]
    fn a_notice_answers_to_what_it_issues() {
        let mut doc = crate::model::Document {
            id: "d".into(),
            file: "d.txt".into(),
            title: "国务院关于印发《国务院工作规则》的通知".into(),
            lang: Lang::Zh,
            encoding: "utf-8".into(),
            date: crate::model::DocDate::unknown(),
            published: None,
            source: None,
            doc_numbers: vec![],
            cited_numbers: vec![],
            title_derived: false,
            regions: vec![],
            page: None,
            text: String::new(),
            deferred: None,
            items: vec![],
            figures: vec![],
        };
        let keys: Vec<String> = own_titles(&doc).iter().map(|t| title_key(t)).collect();
        assert!(keys.contains(&title_key("国务院工作规则")), "{keys:?}");
        assert!(
            keys.contains(&title_key("关于印发《国务院工作规则》的通知")),
            "{keys:?}"
        );
        doc.title = "Notice of the State Council on Issuing the Overall Plan for the China (Hubei) Pilot Free Trade Zone".into();
        let keys: Vec<String> = own_titles(&doc).iter().map(|t| title_key(t)).collect();
        assert!(keys.contains(&title_key(
            "the Overall Plan for the China (Hubei) Pilot Free Trade Zone"
        )));
    }
}
