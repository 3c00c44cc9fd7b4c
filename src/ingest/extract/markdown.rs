//! Markdown → the plain lines the document tree reads: one line per heading, list item,
//! table row (cells separated by tabs) and paragraph (soft-wrapped lines joined); markup
//! (`#`, `**`, links, images, fences, quotes) removed, numbering kept ("1." and "一、" are
//! part of the text).
//!
//! Cost: one pass over the lines.

pub fn to_text(source: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let mut fence = false;
    let flush = |paragraph: &mut Vec<String>, out: &mut Vec<String>| {
        if !paragraph.is_empty() {
            out.push(join_wrapped(paragraph));
            paragraph.clear();
        }
    };
    for raw in source.lines() {
        let line = raw.trim();
        if line.starts_with("```") || line.starts_with("~~~") {
            flush(&mut paragraph, &mut out);
            fence = !fence;
            continue;
        }
        if fence {
            if !line.is_empty() {
                out.push(line.to_string());
            }
            continue;
        }
        let line = line.trim_start_matches('>').trim();
        if line.is_empty() || is_rule(line) {
            flush(&mut paragraph, &mut out);
            continue;
        }
        if line.starts_with('|') {
            flush(&mut paragraph, &mut out);
            if !is_table_separator(line) {
                let cells: Vec<String> = line
                    .trim_matches('|')
                    .split('|')
                    .map(|c| inline(c.trim()))
                    .collect();
                out.push(cells.join("\t"));
            }
            continue;
        }
        if let Some(heading) = heading(line) {
            flush(&mut paragraph, &mut out);
            out.push(inline(heading));
            continue;
        }
        if let Some(item) = bullet(line) {
            flush(&mut paragraph, &mut out);
            paragraph.push(inline(item));
            continue;
        }
        if starts_numbered(line) {
            flush(&mut paragraph, &mut out);
        }
        paragraph.push(inline(line));
    }
    flush(&mut paragraph, &mut out);
    out.retain(|l| !l.trim().is_empty());
    out.join("\n")
}

fn heading(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        Some(line[hashes..].trim().trim_end_matches('#').trim())
    } else {
        None
    }
}

fn bullet(line: &str) -> Option<&str> {
    ["- ", "* ", "+ "]
        .iter()
        .find_map(|b| line.strip_prefix(b))
        .map(str::trim)
}

/// A line that starts a numbered item ("1. ", "2) ", "一、", "（一）"): a new paragraph.
fn starts_numbered(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let han = line
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    (digits > 0 && line[digits..].starts_with(['.', ')', '、']))
        || (han > 0 && line.chars().nth(han) == Some('、'))
        || line.starts_with(['（', '(', '①'])
}

fn is_rule(line: &str) -> bool {
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.len() >= 3
        && (squeezed.chars().all(|c| c == '-')
            || squeezed.chars().all(|c| c == '*')
            || squeezed.chars().all(|c| c == '_'))
}

fn is_table_separator(line: &str) -> bool {
    line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Soft-wrapped lines of one paragraph: joined without a space between Han characters.
fn join_wrapped(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let han_join =
            out.chars().last().is_some_and(is_wide) || line.chars().next().is_some_and(is_wide);
        if !out.is_empty() && !han_join {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Inline markup removed: images, links (their text kept), emphasis, code ticks.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c == '!' && chars.get(i + 1) == Some(&'[')) || c == '[' {
            let open = if c == '!' { i + 1 } else { i };
            if let Some((label, end)) = link(&chars, open) {
                if c == '[' {
                    out.push_str(&label);
                }
                i = end;
                continue;
            }
        }
        if (c == '*' || c == '_') && chars.get(i + 1) == Some(&c) {
            i += 2;
            continue;
        }
        if c == '`' {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out.trim().to_string()
}

/// `[label](target)` starting at `open`: the label and the index after `)`.
fn link(chars: &[char], open: usize) -> Option<(String, usize)> {
    let close = open + chars[open..].iter().position(|&c| c == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = close + 1 + chars[close + 1..].iter().position(|&c| c == ')')?;
    Some((chars[open + 1..close].iter().collect(), end + 1))
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn headings_lists_tables_and_wrapped_paragraphs() {
        let md = "# 关于推进改革的通知\n\n各有关单位：\n\n## 一、重点任务\n\n1. 推进**投资**便利化，\n   压缩审批时限。（牵头单位：[省商务厅](http://x)）\n2. 提升通关效率。\n\n| 指标 | 目标 |\n|---|---|\n| 通关时间 | 压缩30% |\n\n- First, open the market\n  to foreign banks.\n\n![图](a.png)\n";
        assert_eq!(
            to_text(md),
            "关于推进改革的通知\n各有关单位：\n一、重点任务\n1. 推进投资便利化，压缩审批时限。（牵头单位：省商务厅）\n2. 提升通关效率。\n指标\t目标\n通关时间\t压缩30%\nFirst, open the market to foreign banks."
        );
    }
}
