//! Decoded text → one [`Document`]: its lines as paragraph spans, its language and title.
//!
//! Cost: a constant number of passes over the text; no regexes.

use super::extract::PageMeta;
use super::structure::{structure, Structure};
use super::tables::Tables;
use super::{annotations, metadata, page};
use crate::model::{Annotation, Document, Item, ItemKind, Lang, Span, UnitRef};

/// Longest title kept before cutting at a sentence or word boundary (in chars).
const MAX_TITLE_CHARS: usize = 160;

/// Builds the document model from decoded text: structure, annotations, metadata, and the
/// entity tags that `tables` interns. Returns the warnings noticed on the way.
pub fn build_document(
    id: &str,
    file: &str,
    encoding: &str,
    text: String,
    meta: &PageMeta,
    tables: &mut Tables,
) -> (Document, Vec<String>) {
    let lang = detect_lang(&text);
    let Structure {
        mut items,
        mut warnings,
        title,
    } = structure(&text, lang);
    let title_derived = title.is_none();
    let title = match title {
        Some(title) => shorten_title(&title),
        None => derived_title(&text, &items).unwrap_or_else(|| id.to_string()),
    };
    let first_is_lead_from = annotations::states_first_is_lead(&text);
    let mut scopes: Vec<(usize, String)> = Vec::new();
    for (index, item) in items.iter_mut().enumerate() {
        if !item.kind.is_content() {
            continue;
        }
        let item_text = &text[item.span.start()..item.span.end()];
        for raw in annotations::find(item_text) {
            let start = item.span.start() + raw.span.0;
            let first_is_lead =
                first_is_lead_from.is_some_and(|at| at < start + raw.span.1 - raw.span.0);
            let mut units: Vec<UnitRef> = raw
                .roles(first_is_lead)
                .into_iter()
                .map(|(name, role, collective)| UnitRef {
                    agency: if collective {
                        tables.collective(&name)
                    } else {
                        tables.agency(&name, &mut warnings)
                    },
                    role,
                })
                .collect();
            // Leads first, as the bundle's JSON stores them ("配合单位：…；牵头单位：…"
            // would otherwise read back in another order than ingest produced it).
            units.sort_by_key(|u| u.role);
            let span = Span(start as u32, (item.span.start() + raw.span.1) as u32);
            item.annotations.push(Annotation { span, units });
            scopes.extend(raw.scope.map(|scope| (index, scope)));
        }
    }
    inherit_scopes(&mut scopes, &items, &text);
    let (doc_numbers, cited_numbers) = metadata::own_and_cited_numbers(&text, &items);
    let (date, published) = metadata::document_date(&text, &items, &doc_numbers);
    let source = metadata::source(&text, &items);
    let mut document = Document {
        id: id.to_string(),
        file: file.to_string(),
        title,
        lang,
        encoding: encoding.to_string(),
        date,
        published,
        source,
        doc_numbers,
        cited_numbers,
        title_derived,
        regions: Vec::new(),
        page: None,
        text,
        deferred: None,
        items,
        figures: Vec::new(),
    };
    page::apply(&mut document, meta);
    tables.tag(&mut document, &scopes);
    if !document.items.iter().any(|i| i.kind.is_content()) {
        warnings.push(
            "no content: every line is site chrome (navigation, footers), the title or a dateline"
                .into(),
        );
    }
    (document, warnings)
}

/// A title for a text without a title line: the start of its first content item, cut at
/// its first sentence or after a few words (marked as derived by the caller).
fn derived_title(text: &str, items: &[Item]) -> Option<String> {
    let first = items.iter().find(|i| i.kind.is_content())?;
    let line = text[first.span.start()..first.span.end()].lines().next()?;
    if line.chars().filter(|c| c.is_alphabetic()).count() < 6 {
        return None;
    }
    let sentence_end = line
        .char_indices()
        .find(|&(_, c)| matches!(c, '。' | '；' | '！' | '？'))
        .map_or(line.len(), |(i, _)| i);
    let head = &line[..sentence_end];
    let limit = DERIVED_TITLE_CHARS;
    if head.chars().count() <= limit {
        return Some(head.trim_end_matches(['，', ',', '：', ':']).to_string());
    }
    let cut = head
        .char_indices()
        .nth(limit)
        .map_or(head.len(), |(i, _)| i);
    let cut = head[..cut].rfind(' ').filter(|&i| i > 20).unwrap_or(cut);
    Some(format!(
        "{}…",
        head[..cut].trim_end_matches(['，', ',', ' '])
    ))
}

/// Longest derived title (in chars).
const DERIVED_TITLE_CHARS: usize = 40;

/// Whitespace that surrounds content in scraped texts: ASCII, no-break and ideographic.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Every non-blank line, trimmed, as a byte span into `text`.
pub fn line_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut offset = 0usize;
    for line in text.split('\n') {
        let start_trim = line.len() - line.trim_start_matches(is_space).len();
        let trimmed = line.trim_matches(is_space);
        if !trimmed.is_empty() {
            let start = offset + start_trim;
            spans.push(Span(start as u32, (start + trimmed.len()) as u32));
        }
        offset += line.len() + 1;
    }
    spans
}

/// Chinese when Han characters make up a real share of the letters. One Han character
/// carries about as much as a short English word, hence the weighting.
pub fn detect_lang(text: &str) -> Lang {
    let (mut han, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if han * 4 >= latin {
        Lang::Zh
    } else {
        Lang::En
    }
}

pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Long first lines (news leads) are cut at their first sentence.
fn shorten_title(line: &str) -> String {
    if line.chars().count() <= MAX_TITLE_CHARS {
        return line.to_string();
    }
    // Cut after the first sentence end within the limit, else at the last space.
    let limit = line
        .char_indices()
        .nth(MAX_TITLE_CHARS)
        .map_or(line.len(), |(i, _)| i);
    let head = &line[..limit];
    let sentence_end = head
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '\u{3002}' | '\u{ff1f}' | '\u{ff01}' | '?' | '!')
                || (c == '.' && head[i + 1..].starts_with(' '))
        })
        .map(|(i, c)| i + c.len_utf8());
    if let Some(end) = sentence_end.filter(|&end| end > 20) {
        return line[..end].to_string();
    }
    let cut = head.rfind(' ').filter(|&i| i > 20).unwrap_or(limit);
    format!("{}…", head[..cut].trim_end_matches([',', '\u{ff0c}', ' ']))
}

/// A scope stated once holds for more than one item: on a heading (一、投资便利化（适用范围：
/// 全部片区）) for everything under it, and in a line of its own before the first measure
/// (适用范围：本省自贸试验区各片区) for the whole document. Content items without a scope of
/// their own get the nearest one.
fn inherit_scopes(scopes: &mut Vec<(usize, String)>, items: &[Item], text: &str) {
    let default = items
        .iter()
        .take_while(|i| i.kind != ItemKind::Measure)
        .filter(|i| i.kind.is_content() || i.kind == ItemKind::Meta)
        .find_map(|i| standalone_scope(&text[i.span.start()..i.span.end()]));
    let own = |scopes: &[(usize, String)], at: usize| {
        scopes
            .iter()
            .find(|(i, _)| *i == at)
            .map(|(_, s)| s.clone())
    };
    let mut inherited = Vec::new();
    for (index, item) in items.iter().enumerate() {
        if !item.kind.is_content() || own(scopes, index).is_some() {
            continue;
        }
        let mut at = item.parent.map(|p| p as usize).filter(|&p| p < index);
        let mut scope = None;
        while let Some(p) = at {
            if let Some(s) = own(scopes, p) {
                scope = Some(s);
                break;
            }
            at = items[p].parent.map(|q| q as usize).filter(|&q| q < p);
        }
        if let Some(scope) = scope.or_else(|| default.clone()) {
            inherited.push((index, scope));
        }
    }
    scopes.extend(inherited);
}

/// "适用范围：X" / "（适用范围：X）" / "Scope of application: X" as a line of its own.
fn standalone_scope(line: &str) -> Option<String> {
    let line = line
        .trim()
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')', '。', '.', '；', ';']);
    let rest = ["适用范围", "Scope of application", "Scope"]
        .iter()
        .find_map(|label| line.strip_prefix(label))?;
    let rest = rest.strip_prefix(['：', ':'])?.trim();
    (!rest.is_empty() && rest.chars().count() <= 60).then(|| rest.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_trimmed_lines_that_slice_the_text() {
        let text = "  Title \n\n\u{3000}\u{3000}正文第一段。\r\nlast";
        let spans = line_spans(text);
        let lines: Vec<&str> = spans.iter().map(|s| s.slice(text).unwrap()).collect();
        assert_eq!(lines, ["Title", "正文第一段。", "last"]);
    }

    #[test]
    fn language_follows_the_script() {
        assert_eq!(
            detect_lang("支持中国(湖北)自由贸易试验区深化改革创新若干措施"),
            Lang::Zh
        );
        assert_eq!(
            detect_lang("Hubei Free Trade Zone (湖北自贸区) promoted 18 results"),
            Lang::En
        );
    }

    #[test]
    fn title_skips_chrome_and_datelines() {
        let text = "English | Chinese | is accessible\n2022-12-06 10:20\nPolicy interpretation of the Opinions\nBody.";
        let (doc, _) = build_document(
            "x",
            "x.txt",
            "UTF-8",
            text.to_string(),
            &PageMeta::default(),
            &mut Tables::default(),
        );
        assert_eq!(doc.title, "Policy interpretation of the Opinions");
    }

    #[test]
    fn long_leads_are_cut_at_the_first_sentence() {
        let lead = format!(
            "{}. {}",
            "A press conference was held".repeat(3),
            "x ".repeat(200)
        );
        let title = shorten_title(&lead);
        assert!(title.ends_with("held."), "{title}");
        let no_stop = "word ".repeat(100);
        let title = shorten_title(&no_stop);
        assert!(title.ends_with('…') && title.chars().count() <= MAX_TITLE_CHARS + 1);
    }

    #[test]
    fn annotation_units_list_leads_first() {
        let text =
            "关于深化改革创新的若干措施\n1.推进改革。（配合单位：省财政厅；牵头单位：省商务厅）";
        let (doc, _) = build_document(
            "x",
            "x.txt",
            "UTF-8",
            text.into(),
            &PageMeta::default(),
            &mut Tables::default(),
        );
        let roles: Vec<crate::model::Role> = doc
            .items
            .iter()
            .flat_map(|i| &i.annotations)
            .flat_map(|a| &a.units)
            .map(|u| u.role)
            .collect();
        use crate::model::Role::{Lead, Support};
        assert_eq!(roles, [Lead, Support]);
    }

    #[test]
    fn a_document_without_any_heading_is_titled_by_its_id() {
        let (doc, _) = build_document(
            "notes",
            "notes.txt",
            "UTF-8",
            "2021 - 2022\n12345".into(),
            &PageMeta::default(),
            &mut Tables::default(),
        );
        assert_eq!(doc.title, "notes");
    }
}
