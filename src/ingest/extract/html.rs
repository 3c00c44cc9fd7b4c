//! Saved web pages (whole pages or fragments) → the text of their main content, one line per
//! block, and the page's own metadata.
//!
//! - **Encoding**: a BOM, else the `<meta charset>` / `http-equiv` declaration in the first
//!   bytes, else the text sniffing of `.txt` files. GBK and GB2312 are decoded as GB18030.
//! - **Content**: found by structure, not by site. Chrome is dropped first (scripts, styles,
//!   comments, hidden elements, `nav`/`footer`/`aside`/forms/buttons, and blocks whose class
//!   or id names them navigation, breadcrumbs, share or print tools, QR codes, related links
//!   or footers when they hold little text or mostly links); the content is then the deepest
//!   element that still holds most of the page's non-link text.
//! - **Lines**: block elements and `<br>` end lines; a data table (rows of several cells, no
//!   nested table) becomes one line per row with its cells separated by tabs, which the
//!   document tree reads as a table; layout tables are read as blocks.
//! - **Metadata**: gov.cn's label/value table (索引号, 主题分类, 发文机关, 成文日期, 标题,
//!   发文字号, 发布日期, 主题词) and the same labels in any element pair or `label：value`
//!   line; `<title>`; `<meta name>` (ArticleTitle, PubDate, ContentSource, keywords …),
//!   `og:*` and the canonical URL. Metadata blocks are not repeated in the text.
//!
//! Cost: one parse (html5ever via `scraper`) and two walks of the tree.

use super::{Extracted, PageMeta};
use crate::ingest::decode::{self, DecodeError};
use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};
use std::collections::HashSet;

mod meta;

use meta::{read_head, read_labelled};

/// How much of the page's text the content element must hold.
const CONTENT_SHARE: f64 = 0.75;

pub fn extract(bytes: &[u8]) -> Result<Extracted, DecodeError> {
    let (source, encoding) = decode_page(bytes)?;
    let page = Html::parse_document(&source);
    let root = page.root_element();
    let mut meta = PageMeta::default();
    read_head(root, &mut meta);
    let mut skip = HashSet::new();
    read_labelled(root, &mut meta, &mut skip);
    mark_chrome(root, &mut skip);
    let body = root
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .unwrap_or(root);
    let content = content_root(body, &skip);
    let mut lines = Lines::default();
    walk(*content, &skip, &mut lines);
    lines.end();
    let mut text = lines.out.join("\n");
    // A page whose content block lacks the title (it sits in an <h1> or the metadata
    // above, or only a sentence names it): the title is put first, once.
    if let Some(title) = meta.title.clone() {
        if !starts_with_title(&text, &title) {
            text = format!("{title}\n{text}");
        }
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Blank);
    }
    Ok(Extracted {
        text,
        encoding,
        truncated: 0,
        meta,
    })
}

/// The title is the first line, or the first two or three joined (gov.cn breaks long titles
/// over paragraphs). A decree's page starts with the decree and names the title further down;
/// that title gets a line of its own at the top.
fn starts_with_title(text: &str, title: &str) -> bool {
    let want = squeeze(title);
    let head: Vec<String> = text.lines().take(3).map(squeeze).collect();
    (0..head.len()).any(|i| (1..=3).any(|n| i + n <= head.len() && head[i..i + n].concat() == want))
}

/// Decodes the page's bytes: BOM, declared charset, or sniffed.
fn decode_page(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if encoding_rs::Encoding::for_bom(bytes).is_none() {
        if let Some(declared) = declared_charset(bytes) {
            let encoding = if declared == encoding_rs::GBK {
                encoding_rs::GB18030
            } else {
                declared
            };
            let (text, _, malformed) = encoding.decode(bytes);
            if !malformed {
                return Ok((text.replace("\r\n", "\n"), encoding.name()));
            }
        }
    }
    let decoded = decode::decode(bytes)?;
    Ok((decoded.text, decoded.encoding))
}

/// The charset a page declares in its first 4 KB (`<meta charset="gbk">`,
/// `content="text/html; charset=gb2312"`), if encoding_rs knows it.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head: Vec<u8> = bytes
        .iter()
        .take(4096)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let at = head.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = head[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .copied()
        .collect();
    encoding_rs::Encoding::for_label(&label)
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Text of an element, whitespace collapsed.
fn text_of(e: ElementRef) -> String {
    let mut out = String::new();
    for t in e.text() {
        out.push_str(t);
    }
    collapse(&out).trim().to_string()
}

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        // ASCII whitespace and NBSP collapse; the ideographic space (indentation) too.
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Elements never read: not text, hidden, or page chrome.
fn mark_chrome(root: ElementRef, skip: &mut HashSet<ego_tree::NodeId>) {
    const NEVER: &[&str] = &[
        "script", "style", "noscript", "template", "iframe", "svg", "object", "embed", "canvas",
        "head", "nav", "footer", "aside", "form", "button", "select", "textarea", "input", "map",
    ];
    const CHROME: &[&str] = &[
        "nav",
        "menu",
        "breadcrumb",
        "crumb",
        "share",
        "footer",
        "foot",
        "print",
        "qrcode",
        "erweima",
        "related",
        "relate",
        "sidebar",
        "toolbar",
        "copyright",
        "position",
        "location",
        "pager",
        "pagination",
    ];
    for e in root.descendants().filter_map(ElementRef::wrap) {
        let el = e.value();
        let style = el
            .attr("style")
            .unwrap_or("")
            .to_ascii_lowercase()
            .replace(' ', "");
        let hidden = el.attr("hidden").is_some()
            || el.attr("aria-hidden") == Some("true")
            || style.contains("display:none")
            || style.contains("visibility:hidden");
        if NEVER.contains(&el.name()) || hidden {
            skip.insert(e.id());
            continue;
        }
        let names = format!(
            "{} {}",
            el.attr("class").unwrap_or(""),
            el.attr("id").unwrap_or("")
        )
        .to_ascii_lowercase();
        let chrome_name = names
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|token| {
                CHROME
                    .iter()
                    .any(|c| token.starts_with(c) || token.ends_with(c))
            });
        if chrome_name {
            let (text, links) = weights(e);
            if text < 300 || links * 2 > text {
                skip.insert(e.id());
            }
        }
    }
}

/// Chars of text under an element and how many of them are link text.
fn weights(e: ElementRef) -> (usize, usize) {
    let mut text = 0;
    let mut links = 0;
    for node in e.descendants() {
        if let Node::Text(t) = node.value() {
            let n = t.chars().filter(|c| !c.is_whitespace()).count();
            text += n;
            if node
                .ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != e.id())
                .any(|a| a.value().name() == "a")
            {
                links += n;
            }
        }
    }
    (text, links)
}

/// Non-link text chars under a node, skipped elements left out.
fn readable(node: NodeRef<Node>, skip: &HashSet<ego_tree::NodeId>) -> usize {
    if skip.contains(&node.id()) {
        return 0;
    }
    match node.value() {
        Node::Text(t) => t.chars().filter(|c| !c.is_whitespace()).count(),
        Node::Element(el) if el.name() == "a" => 0,
        Node::Element(_) | Node::Document | Node::Fragment => {
            node.children().map(|c| readable(c, skip)).sum()
        }
        _ => 0,
    }
}

/// The deepest element that still holds most of the readable text of `body`.
fn content_root<'a>(body: ElementRef<'a>, skip: &HashSet<ego_tree::NodeId>) -> ElementRef<'a> {
    let total = readable(*body, skip).max(1) as f64;
    let mut at = body;
    loop {
        let best = at
            .children()
            .filter_map(ElementRef::wrap)
            .map(|c| (readable(*c, skip), c))
            .max_by_key(|(n, _)| *n);
        match best {
            Some((n, child)) if n as f64 >= CONTENT_SHARE * total => at = child,
            _ => return at,
        }
    }
}

/// Lines being built: inline text accumulates, blocks end the line.
#[derive(Default)]
struct Lines {
    out: Vec<String>,
    line: String,
}

impl Lines {
    fn inline(&mut self, text: &str) {
        self.line.push_str(&collapse(text));
    }

    fn end(&mut self) {
        let line = self.line.trim();
        if !line.is_empty() {
            self.out.push(line.to_string());
        }
        self.line.clear();
    }
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "center",
    "tr",
    "td",
    "th",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "figure",
    "figcaption",
    "address",
    "hr",
];

fn walk(node: NodeRef<Node>, skip: &HashSet<ego_tree::NodeId>, lines: &mut Lines) {
    if skip.contains(&node.id()) {
        return;
    }
    match node.value() {
        Node::Text(t) => lines.inline(t),
        Node::Element(el) => {
            let name = el.name();
            if name == "br" {
                lines.end();
                return;
            }
            if name == "table" {
                if let Some(rows) = data_table(node, skip) {
                    lines.end();
                    for row in rows {
                        lines.out.push(row.join("\t"));
                    }
                    return;
                }
            }
            let block = BLOCKS.contains(&name);
            if block {
                lines.end();
            }
            for child in node.children() {
                walk(child, skip, lines);
            }
            if block {
                lines.end();
            }
        }
        Node::Document | Node::Fragment => {
            for child in node.children() {
                walk(child, skip, lines);
            }
        }
        _ => {}
    }
}

/// The rows of a data table (cells as one line each), or `None` for a layout table: one
/// with a table inside, or without two rows of two or more non-empty cells.
fn data_table(table: NodeRef<Node>, skip: &HashSet<ego_tree::NodeId>) -> Option<Vec<Vec<String>>> {
    let nested = table
        .descendants()
        .skip(1)
        .any(|n| matches!(n.value(), Node::Element(el) if el.name() == "table"));
    if nested {
        return None;
    }
    let mut rows = Vec::new();
    for tr in table
        .descendants()
        .filter(|n| matches!(n.value(), Node::Element(el) if el.name() == "tr"))
    {
        let cells: Vec<String> = tr
            .children()
            .filter(|n| matches!(n.value(), Node::Element(el) if el.name() == "td" || el.name() == "th"))
            .map(|cell| {
                let mut inner = Lines::default();
                walk(cell, skip, &mut inner);
                inner.end();
                inner.out.join(" ").replace('\t', " ")
            })
            .collect();
        if cells.iter().any(|c| !c.is_empty()) {
            rows.push(cells);
        }
    }
    let wide = rows
        .iter()
        .filter(|r| r.iter().filter(|c| !c.is_empty()).count() >= 2)
        .count();
    let long = rows.iter().flatten().any(|c| c.chars().count() > 300);
    (wide >= 2 && !long).then_some(rows)
}

#[cfg(test)]
mod tests;
