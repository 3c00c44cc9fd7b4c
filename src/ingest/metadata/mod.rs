//! Document metadata: meta lines (datelines, sources, addressees), the document date with
//! its precision and provenance, document numbers, and the stated source or publisher.
//!
//! Date rules, in order: a full date on a meta line before the body is the stated
//! (publication) date; a meta line that is only a date is the signature date; failing both,
//! a year-less date in the lead ("on September 2") gets its year inferred from an
//! anniversary phrase ("have been in operation for one year") and the unveiling dates of
//! the zones named with it (`ftz_established.tsv`). Nothing is guessed beyond that.
//!
//! The date rules live in `date.rs`; this file has the line tests, numbers and source.
//!
//! Cost: a few passes over the meta lines and the first paragraphs; document numbers need
//! one pass over the text.

use super::dates::find_dates;
use crate::model::{DocNumber, Item, ItemKind, Span};

mod date;

pub use date::document_date;

const META_LABELS: &[&str] = &[
    "信息来源",
    "来源:",
    "来源:",
    "发布时间",
    "发布日期",
    "日期:",
    "日期:",
    "Article Source",
    "Source:",
    "Release time",
    "Released:",
    "Published:",
    "Author:",
    "作者:",
    "浏览次数",
    "reporter",
    "记者",
    "责任编辑",
    "编辑:",
];

/// A dateline, source line or addressee line ("各市、州、县人民政府,省政府各部门:").
pub fn is_meta_line(line: &str) -> bool {
    // "第三十二条　本办法自2019年1月1日起施行。" is content, however short.
    if super::numbering::marker(line).is_some() {
        return false;
    }
    let chars = line.chars().count();
    if chars <= 120 && META_LABELS.iter().any(|l| line.contains(l)) {
        return true;
    }
    let dates = find_dates(line);
    if chars <= 40 && dates.iter().any(|d| d.year.is_some() && d.month.is_some()) {
        let rest: usize = chars
            - dates
                .iter()
                .map(|d| line[d.span.0..d.span.1].chars().count())
                .sum::<usize>();
        return rest <= 20;
    }
    is_addressee(line)
}

/// "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：" — whom the document is sent to.
fn is_addressee(line: &str) -> bool {
    line.chars().count() <= 80
        && line.trim_end().ends_with([':', '：'])
        && [
            "人民政府",
            "各部门",
            "各部委",
            "各有关单位",
            "各单位",
            "各直属机构",
            "各委员会",
            "办公厅",
            "各地区",
            "有关部门",
        ]
        .iter()
        .any(|w| line.contains(w))
}

/// A line that is only a document number ("国发〔2019〕5号", "国办函〔2004〕57号 签发人：…"),
/// or the header of a State Council decree ("中华人民共和国国务院令", "第707号").
pub fn is_number_line(line: &str) -> bool {
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if squeezed.ends_with("国务院令") && squeezed.chars().count() <= 12 {
        return true;
    }
    if let Some(n) = decree_number(&squeezed) {
        return n.len() == squeezed.len();
    }
    let numbers = doc_numbers(line);
    if numbers.is_empty() || line.chars().count() > 60 {
        return false;
    }
    let mut rest = String::new();
    let mut at = 0;
    for n in &numbers {
        rest.push_str(&line[at..n.span.start()]);
        at = n.span.end();
    }
    rest.push_str(&line[at..]);
    let rest = rest
        .chars()
        .filter(|c| !c.is_whitespace() && !"，,、；;".contains(*c))
        .count();
    rest == 0 || (rest <= 10 && line.contains("签发人"))
}

/// "第707号" / "国令第707号" at the start of `s`: the decree number as written.
fn decree_number(s: &str) -> Option<&str> {
    let start = if s.starts_with("国令第") {
        "国令".len()
    } else {
        0
    };
    let rest = s[start..].strip_prefix('第')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && rest[digits..].starts_with('号'))
        .then(|| &s[..start + '第'.len_utf8() + digits + '号'.len_utf8()])
}

/// （此件公开发布） / （本文有删减） / a regulation's history ("（1994年1月28日中华人民共和国
/// 国务院令第142号发布　根据…修订）"): notes about the document, not its content.
pub fn is_note_line(line: &str) -> bool {
    let line = line.trim();
    let inner = line
        .strip_prefix(['（', '('])
        .and_then(|l| l.strip_suffix(['）', ')']));
    let Some(inner) = inner else {
        return false;
    };
    let chars = inner.chars().count();
    let publication = [
        "此件",
        "本文有删减",
        "有删减",
        "公开发布",
        "不予公开",
        "发至",
    ];
    if chars <= 30 && publication.iter().any(|w| inner.contains(w)) {
        return true;
    }
    let history = ["发布", "公布", "通过", "修订", "修正", "施行"];
    chars <= 300
        && find_dates(inner).iter().any(|d| d.year.is_some())
        && history.iter().any(|w| inner.contains(w))
        && !inner.contains('。')
}

/// A signature: a short organ name ("国务院", "国务院办公厅", "国务院办公厅  中央军委办公厅") or
/// "总理　李克强", on the line right above the date it was signed.
pub fn is_signature(line: &str, next: Option<&str>) -> bool {
    if !is_organ_line(line) {
        return false;
    }
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if (squeezed.starts_with("总理") || squeezed.starts_with("国务院总理"))
        && squeezed.chars().count() <= 12
    {
        return true;
    }
    next.is_some_and(is_date_line)
}

/// A short line of Han characters only (spaces and 、 allowed): how signatures look.
pub fn is_organ_line(line: &str) -> bool {
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let chars = squeezed.chars().count();
    (1..=40).contains(&chars)
        && squeezed
            .chars()
            .all(|c| super::document::is_han(c) || "、·".contains(c))
}

/// A line that is a date and nothing else ("2019年1月27日", "二〇〇四年六月二十六日").
pub fn is_date_line(line: &str) -> bool {
    let dates = find_dates(line);
    let Some(d) = dates.first() else {
        return false;
    };
    d.year.is_some()
        && d.month.is_some()
        && line[..d.span.0].trim().is_empty()
        && line[d.span.1..].trim().is_empty()
}

/// 国办发〔2022〕35号 / 鄂政发[2021]5号 / "Ji Zhengfa (2021) No. 16" / "Guofa (2020) No. 7".
pub fn doc_numbers(text: &str) -> Vec<DocNumber> {
    let mut found = Vec::new();
    for (open, _) in text.match_indices(['〔', '[', '［', '(', '（']) {
        let close_at = open + text[open..].chars().next().map_or(1, char::len_utf8);
        let year_len = text[close_at..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if year_len != 4 {
            continue;
        }
        let year = &text[close_at..close_at + year_len];
        let after_year = close_at + year_len;
        let Some(close) = text[after_year..]
            .chars()
            .next()
            .filter(|c| "〕]］)）".contains(*c))
        else {
            continue;
        };
        let after = after_year + close.len_utf8();
        // Chinese form: issuer characters before, digits + 号 after.
        let issuer = chinese_issuer(&text[..open]);
        let num_len = text[after..].bytes().take_while(u8::is_ascii_digit).count();
        if !issuer.is_empty() && num_len > 0 && text[after + num_len..].starts_with('号') {
            let start = open - issuer.len();
            let end = after + num_len + '号'.len_utf8();
            let text_norm = format!("{issuer}〔{year}〕{}号", &text[after..after + num_len]);
            found.push(DocNumber {
                text: text_norm,
                span: Span(start as u32, end as u32),
            });
            continue;
        }
        // English form: "Ji Zhengfa (2021) No. 16".
        let rest = text[after..].trim_start();
        let Some(num) = rest.strip_prefix("No.").map(str::trim_start) else {
            continue;
        };
        let num_len = num.bytes().take_while(u8::is_ascii_digit).count();
        if num_len == 0 {
            continue;
        }
        let end = text.len() - num.len() + num_len;
        // Up to two capitalised words, not reaching back past an opening bracket or quote.
        let mut issuer: Vec<&str> = Vec::new();
        for word in text[..open].trim_end().rsplit(' ').take(2) {
            let bare = word.trim_start_matches(['(', '（', '"', '“']);
            if !(bare.chars().next().is_some_and(char::is_uppercase)
                && bare.chars().all(char::is_alphabetic))
            {
                break;
            }
            issuer.push(bare);
            if bare.len() != word.len() {
                break;
            }
        }
        if issuer.is_empty() {
            continue;
        }
        let issuer: Vec<&str> = issuer.into_iter().rev().collect();
        let start = text[..open].trim_end().len() - issuer.join(" ").len();
        let norm = format!("{} ({year}) No. {}", issuer.join(" "), &num[..num_len]);
        found.push(DocNumber {
            text: norm,
            span: Span(start as u32, end as u32),
        });
    }
    found
}

/// The document's own numbers — those on its number lines ("国发〔2019〕5号" under the title,
/// "中华人民共和国国务院令 / 第707号") — and the numbers its other lines cite, each cited
/// number once, in order of first appearance.
pub fn own_and_cited_numbers(text: &str, items: &[Item]) -> (Vec<DocNumber>, Vec<DocNumber>) {
    let mut own: Vec<DocNumber> = Vec::new();
    let mut cited: Vec<DocNumber> = Vec::new();
    let mut decree_header = false;
    for item in items {
        let line = &text[item.span.start()..item.span.end()];
        let number_line = item.kind == ItemKind::Meta && is_number_line(line);
        if number_line {
            let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
            if squeezed.ends_with("国务院令") {
                decree_header = true;
                continue;
            }
            if let Some(n) = decree_number(&squeezed) {
                let digits: String = n.chars().filter(char::is_ascii_digit).collect();
                let issuer = if decree_header || n.starts_with("国令") {
                    "国务院令"
                } else {
                    ""
                };
                let start = item.span.start() + line.len() - line.trim_start().len();
                own.push(DocNumber {
                    text: format!("{issuer}第{digits}号"),
                    span: Span(start as u32, item.span.1),
                });
                continue;
            }
        }
        for number in doc_numbers(line) {
            let number = DocNumber {
                text: number.text,
                span: shift((number.span.start(), number.span.end()), item.span.start()),
            };
            let list = if number_line { &mut own } else { &mut cited };
            if !list.iter().any(|n| n.text == number.text) {
                list.push(number);
            }
        }
    }
    cited.retain(|c| !own.iter().any(|o| o.text == c.text));
    (own, cited)
}

/// The issuing organ's abbreviation right before 〔year〕: Han characters, at most eight,
/// after the last word that cannot be part of it ("依据国办发" → "国办发").
fn chinese_issuer(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| super::document::is_han(c))
        .take(8)
        .last()
        .map_or(before.len(), |(i, _)| i);
    let run = &before[start..];
    [
        "依据", "根据", "按照", "印发", "和", "及", "与", "号", "的", "见",
    ]
    .iter()
    .filter_map(|w| run.rfind(w).map(|i| i + w.len()))
    .max()
    .map_or(run, |cut| &run[cut..])
}

/// The stated source ("信息来源:湖北省政府网", "Article Source: …"), else the organiser
/// named in the site footer ("Organizer: Jilin Provincial Department of Commerce").
pub fn source(text: &str, items: &[Item]) -> Option<String> {
    let field = |kind: ItemKind, labels: &[&str]| {
        items.iter().filter(|i| i.kind == kind).find_map(|i| {
            let line = &text[i.span.start()..i.span.end()];
            labels.iter().find_map(|label| field_value(line, label))
        })
    };
    field(
        ItemKind::Meta,
        &["信息来源", "来源", "Article Source", "Source"],
    )
    .or_else(|| field(ItemKind::Boilerplate, &["Organizer", "主办单位"]))
}

/// The value after `label:` on a line, up to the next field or the end of the line.
fn field_value(line: &str, label: &str) -> Option<String> {
    let value = line[line.find(label)? + label.len()..].trim_start_matches([':', '：', ' ']);
    let end = ["Tel", "电话", "日期", "地址", "Add:", "|", "  "]
        .iter()
        .filter_map(|stop| value.find(stop))
        .min()
        .unwrap_or(value.len());
    let value = value[..end].trim();
    (!value.is_empty()).then(|| value.to_string())
}

fn shift(span: (usize, usize), by: usize) -> Span {
    Span((span.0 + by) as u32, (span.1 + by) as u32)
}

#[cfg(test)]
mod tests {
    use super::date::anniversary_year;
    use super::*;

    #[test]
    fn meta_lines() {
        for line in [
            "信息来源:湖北省政府网 日期:2021-02-08",
            "2021年1月21日",
            "2022-06-01 0 By",
            "2022 - Dec -06 10:20:00 Article Source:",
            "各市、州、县人民政府,省政府各部门:",
        ] {
            assert!(is_meta_line(line), "{line}");
        }
        for line in ["In July 2020, The State Council issued Several Opinions on Promoting the High-quality Development", "1.聚焦自贸试验区"] {
            assert!(!is_meta_line(line), "{line}");
        }
    }

    #[test]
    fn document_numbers_in_both_languages() {
        let text = "依据国办发〔2022〕35号和鄂政发[2021]5号。\"Opinions\" Ji Zhengfa (2021) No. 16 and (Guofa (2020) No. 7), in (2020) No. 8.";
        let found: Vec<(String, &str)> = doc_numbers(text)
            .into_iter()
            .map(|n| (n.text.clone(), &text[n.span.start()..n.span.end()]))
            .collect();
        assert_eq!(
            found,
            [
                ("国办发〔2022〕35号".to_string(), "国办发〔2022〕35号"),
                ("鄂政发〔2021〕5号".to_string(), "鄂政发[2021]5号"),
                (
                    "Ji Zhengfa (2021) No. 16".to_string(),
                    "Ji Zhengfa (2021) No. 16"
                ),
                ("Guofa (2020) No. 7".to_string(), "Guofa (2020) No. 7"),
            ]
        );
    }

    #[test]
    fn field_values_stop_at_the_next_field() {
        assert_eq!(
            field_value("信息来源:湖北省政府网 日期:2021-02-08", "信息来源").as_deref(),
            Some("湖北省政府网")
        );
        assert_eq!(
            field_value(
                "Organizer: Jilin Provincial Department of Commerce Tel: 0431",
                "Organizer"
            )
            .as_deref(),
            Some("Jilin Provincial Department of Commerce")
        );
        assert_eq!(
            field_value("2022 - Dec -06 10:20:00 Article Source:", "Article Source"),
            None
        );
    }

    #[test]
    fn anniversary_inference_uses_the_newest_zone_named() {
        let lead = "six pilot free trade zones in Shandong, Jiangsu and the Lingang New Area of Shanghai Pilot Free Trade Zone have been in operation for one year.";
        let (year, why) = anniversary_year(lead).unwrap();
        assert_eq!(year, 2020);
        assert!(why.contains("2019-08"), "{why}");
    }
}
