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

mod found;

use super::concepts::{concept_counts, is_generic};
use super::romanise;
use crate::model::{Bundle, Citation, CiteKind, Document, ItemAt, ItemKind, Lang};
use crate::search::analyze::{fold, is_han};
use found::{bracketed, english_titles, issued_here, more_numbers};
use std::collections::{HashMap, HashSet};

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
mod tests;
