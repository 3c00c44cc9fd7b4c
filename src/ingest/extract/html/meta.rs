//! A page's own metadata: `<title>`, `<meta>` tags and the canonical link, and the label/value
//! pairs of a policy page's metadata table (gov.cn's, or a provincial site's list), whose
//! blocks are then left out of the text.
//!
//! Cost: one walk of the tree for the head, one for the label cells.

use super::{collapse, squeeze, text_of};
use crate::ingest::extract::labels::{labelled, set, split_list};
use crate::ingest::extract::PageMeta;
use scraper::ElementRef;
use std::collections::HashSet;

/// `<title>`, `<meta>` and `<link rel=canonical>`.
pub(super) fn read_head(root: ElementRef, meta: &mut PageMeta) {
    let mut page_title = None;
    for e in root.descendants().filter_map(ElementRef::wrap) {
        let el = e.value();
        match el.name() {
            "title" if page_title.is_none() => page_title = Some(text_of(e)),
            "meta" => {
                let key = el
                    .attr("name")
                    .or_else(|| el.attr("property"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(content) = el.attr("content").map(|c| collapse(c).trim().to_string())
                else {
                    continue;
                };
                if content.is_empty() {
                    continue;
                }
                let slot = match key.as_str() {
                    "articletitle" | "og:title" | "dc.title" => &mut meta.title,
                    "pubdate"
                    | "publishdate"
                    | "firstpublishedtime"
                    | "dc.date"
                    | "article:published_time" => &mut meta.published,
                    "contentsource" | "source" => &mut meta.source,
                    "og:url" => &mut meta.url,
                    "keywords" => {
                        if meta.keywords.is_empty() {
                            meta.keywords = split_list(&content);
                        }
                        continue;
                    }
                    _ => continue,
                };
                slot.get_or_insert(content);
            }
            "link" => {
                let canonical = el
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
                if let (true, Some(href)) = (canonical, el.attr("href")) {
                    meta.url = Some(href.trim().to_string());
                }
            }
            _ => {}
        }
    }
    // The <title> often carries the site name after a separator: "标题_中国政府网".
    if meta.title.is_none() {
        meta.title = page_title
            .map(|t| {
                let cut = ["_", "|", " - ", " – ", " — ", "－", "--"]
                    .iter()
                    .filter_map(|sep| t.find(sep))
                    .min()
                    .unwrap_or(t.len());
                t[..cut].trim().to_string()
            })
            .filter(|t| t.chars().count() >= 4);
    }
}

/// Label/value pairs anywhere on the page: a cell or element whose text is a label, with its
/// value in the same element or the next one. The blocks they form (the table, the list) are
/// marked so that the text does not repeat them.
pub(super) fn read_labelled(
    root: ElementRef,
    meta: &mut PageMeta,
    skip: &mut HashSet<ego_tree::NodeId>,
) {
    const PAIRS: &[&str] = &[
        "td", "th", "li", "p", "span", "div", "dt", "dd", "b", "strong", "label",
    ];
    let mut found = 0;
    let mut blocks = Vec::new();
    for e in root.descendants().filter_map(ElementRef::wrap) {
        if !PAIRS.contains(&e.value().name()) {
            continue;
        }
        let text = text_of(e);
        if text.chars().count() > 160 {
            continue;
        }
        let Some((field, rest)) = labelled(&text) else {
            continue;
        };
        // A label in bold inside its cell: the cell is the unit.
        let unit = match e.value().name() {
            "b" | "strong" | "label" | "span" => e
                .parent()
                .and_then(ElementRef::wrap)
                .filter(|p| squeeze(&text_of(*p)) == squeeze(&text))
                .unwrap_or(e),
            _ => e,
        };
        let value = if rest.is_empty() {
            match next_element(unit) {
                Some(next) if labelled(&text_of(next)).is_none() => text_of(next),
                _ => continue,
            }
        } else {
            rest
        };
        set(meta, field, &value);
        found += 1;
        blocks.push(unit);
    }
    // Two or more fields make a metadata block: its table or list is left out of the text.
    if found >= 2 {
        for unit in blocks {
            let block = unit
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| matches!(a.value().name(), "table" | "ul" | "ol" | "dl"))
                .filter(|a| text_of(*a).chars().count() <= 600);
            skip.insert(block.map_or(unit.id(), |b| b.id()));
        }
    }
}

fn next_element(e: ElementRef) -> Option<ElementRef> {
    e.next_siblings().find_map(ElementRef::wrap)
}
