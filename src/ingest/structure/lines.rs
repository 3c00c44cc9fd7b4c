//! Line-level helpers shared by the passes: what a line looks like (a heading, a case
//! heading, a part label), how the first pass classes it, and the item constructor.

use crate::ingest::sentences::sentence_ends;
use crate::model::{Item, ItemKind, Lang, Span};

/// Paragraphs longer than this (in chars) are split at sentence ends …
pub(crate) const LONG_PARAGRAPH: usize = 900;
/// … into chunks of at least this many chars.
pub(crate) const CHUNK: usize = 350;

pub(crate) fn item(kind: ItemKind, span: Span, parent: Option<usize>) -> Item {
    Item {
        kind,
        span,
        number: None,
        label: None,
        parent: parent.map(|p| p as u32),
        annotations: Vec::new(),
        agencies: Vec::new(),
        regions: Vec::new(),
        topics: Vec::new(),
        level: None,
    }
}

pub(crate) fn ends_with_punctuation(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '’', '\'', ')', '）'])
        .ends_with([
            '.', '。', ';', '；', '!', '?', '！', '？', ':', '：', ',', '，', '、',
        ])
}

/// A short line without closing punctuation reads as a heading.
pub(crate) fn is_heading_like(line: &str, lang: Lang) -> bool {
    if ends_with_punctuation(line) {
        return false;
    }
    match lang {
        Lang::En => {
            let words = line.split_whitespace().count();
            line.len() <= 80
                && (1..=12).contains(&words)
                && line.starts_with(|c: char| !c.is_lowercase())
        }
        Lang::Zh => line.chars().count() <= 30 && !line.contains(['，', ',', '。']),
    }
}

/// A heading, or one short sentence that names a provision ("（一）统筹建设监管工作平台。"):
/// a numbered line of this kind heads the paragraphs that follow it.
pub(crate) fn is_heading_style(line: &str, lang: Lang) -> bool {
    if is_heading_like(line, lang) {
        return true;
    }
    let limit = match lang {
        Lang::Zh => 40,
        Lang::En => 100,
    };
    line.chars().count() <= limit
        && line.trim_end().ends_with(['。', '.', '！', '!'])
        && sentence_ends(line).is_empty()
}

/// "Case 3: …" / "案例三：…"; returns the number and the label ("Case 3").
pub(crate) fn case_heading(line: &str) -> Option<(u32, String)> {
    let (prefix, rest) = if let Some(rest) = line.strip_prefix("Case ") {
        ("Case", rest)
    } else {
        ("案例", line.strip_prefix("案例")?)
    };
    let end = rest.find([':', '：', ' ', '\u{3000}'])?;
    let token = &rest[..end];
    let number = token
        .parse()
        .ok()
        .or_else(|| crate::ingest::numbering::han_number(token))?;
    let after = rest[end..].trim_start();
    (after.starts_with([':', '：']) || prefix == "案例")
        .then(|| (number, format!("{prefix} {token}")))
}

/// "Reform approach:" or "改革举措：…" inside a case: the label and where the body starts.
pub(crate) fn part_label(line: &str) -> Option<(String, usize)> {
    let colon = line.find([':', '：'])?;
    let label = line[..colon].trim();
    let short = label.chars().count() <= 24 && label.split_whitespace().count() <= 4;
    (short && !label.is_empty()).then(|| {
        let after = colon + line[colon..].chars().next().map_or(1, char::len_utf8);
        let body = after + (line[after..].len() - line[after..].trim_start().len());
        (label.to_string(), body)
    })
}

/// How the first pass sees a line before the tree is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineClass {
    Boilerplate,
    Title,
    Meta,
    Content,
}
