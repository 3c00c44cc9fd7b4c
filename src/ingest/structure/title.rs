//! The title block: the first lines that name the document, joined when gov.cn splits a
//! long title over lines.

use super::lines::ends_with_punctuation;
use crate::ingest::boilerplate::is_boilerplate;
use crate::ingest::metadata::{self, is_meta_line};
use crate::ingest::numbering::marker;
use crate::model::Lang;

/// Words a Chinese title ends with: the kind of document it is.
pub(super) const TITLE_ENDINGS: &[&str] = &[
    "通知", "意见", "决定", "批复", "复函", "函", "办法", "规定", "条例", "方案", "规划", "答复",
    "通报", "报告", "决议", "细则", "规则", "公告", "纲要", "措施", "指引", "清单", "命令", "令",
];

/// The lines of the title: the first line near the top that reads like a heading (not
/// chrome, a dateline or a list item), plus the lines a long Chinese title was broken
/// into. `None` when the text starts with its content.
pub(super) fn title_block(lines: &[&str], lang: Lang) -> Option<std::ops::Range<usize>> {
    // Chrome, datelines, document numbers and lines without words ("2021 - 2022") come
    // before a title; the first other line is the title or the start of the content.
    let first = (0..lines.len().min(8)).find(|&i| {
        let line = lines[i];
        !is_boilerplate(line)
            && !is_meta_line(line)
            && !metadata::is_number_line(line)
            && line.chars().filter(|c| c.is_alphabetic()).count() >= 3
    })?;
    let line = lines[first];
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let digits = line.chars().filter(|c| c.is_ascii_digit()).count();
    if letters < 6 || letters <= digits || marker(line).is_some() {
        return None;
    }
    if lang == Lang::Zh {
        // A sentence is content, not a title.
        if line
            .trim_end()
            .ends_with(['。', '；', ';', '：', ':', '，'])
        {
            return None;
        }
        let mut end = first + 1;
        let mut joined = line.to_string();
        while end < lines.len() && end < first + 3 {
            let next = lines[end];
            let complete = ends_like_title(&joined);
            let continues = next.chars().count() <= 40
                && !ends_with_punctuation(next)
                && marker(next).is_none()
                && !is_meta_line(next)
                && !metadata::is_number_line(next)
                && !is_boilerplate(next);
            if complete || !continues {
                break;
            }
            // Only join when the pieces together end like a title.
            let candidate = format!("{joined}{next}");
            let ends_like = ends_like_title(&candidate)
                || (end + 1 < lines.len()
                    && ends_like_title(&format!("{candidate}{}", lines[end + 1])));
            if !ends_like {
                break;
            }
            joined = candidate;
            end += 1;
        }
        return Some(first..end);
    }
    Some(first..first + 1)
}

/// A heading line that completes the heading above it: gov.cn breaks the title of an
/// attached text the way it breaks the page title ("支持中国(湖北)自由贸易试验区" /
/// "深化改革创新若干措施"). Chinese only: the first piece does not end like a title and the
/// pieces together do.
pub(super) fn completes_heading(above: &str, line: &str, lang: Lang) -> bool {
    lang == Lang::Zh
        && marker(above).is_none()
        && !ends_like_title(above)
        && above.chars().count() + line.chars().count() <= 80
        && ends_like_title(&format!("{}{}", above.trim_end(), line.trim_start()))
}

/// The text ends with a kind of document, spaces ignored ("…的批 复" as gov.cn spaces short
/// titles).
fn ends_like_title(text: &str) -> bool {
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    TITLE_ENDINGS.iter().any(|w| squeezed.ends_with(w))
}

/// The lines of a title as one: Chinese pieces joined and the spaces gov.cn puts between
/// the characters of short titles ("国 家 粮 食 应 急 预 案") removed; English pieces joined
/// with a space.
pub(super) fn join_title(lines: &[&str], lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            let joined = lines.concat();
            let chars: Vec<char> = joined.chars().collect();
            let han = |c: Option<&char>| c.is_some_and(|c| ('\u{3400}'..='\u{9fff}').contains(c));
            (0..chars.len())
                .filter(|&i| {
                    !(chars[i].is_whitespace()
                        && han(chars[..i].iter().rev().find(|c| !c.is_whitespace()))
                        && han(chars[i + 1..].iter().find(|c| !c.is_whitespace())))
                })
                .map(|i| chars[i])
                .collect()
        }
        Lang::En => lines.join(" "),
    }
}

/// A line that repeats the title (the title again above the attached text of a regulation),
/// spaces ignored: "国 务 院 工 作 规 则" is not the title, but "中华人民共和国个人所得税法实施条例"
/// printed a second time is.
pub(super) fn repeats_title(line: &str, title: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let line = squeeze(line);
    line.chars().count() >= 6 && line == squeeze(title)
}
