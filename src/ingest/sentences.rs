//! Sentence boundaries in English and Chinese policy text, tolerant of the missing spaces
//! that scraped translations have ("province.On February 13").
//!
//! Cost: one pass over the text.

/// Byte offsets just after each sentence end (the end of the text is not included).
pub fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let next = chars.peek().map(|&(_, n)| n);
        let is_end = match c {
            '。' | '！' | '？' | '；' | '!' | '?' | ';' => true,
            '.' => is_full_stop(text, i, prev, next),
            _ => false,
        };
        if is_end && end < text.len() {
            // Keep closing quotes and brackets with the sentence they close.
            let mut end = end;
            while let Some(&(j, q)) = chars.peek() {
                if matches!(q, '"' | '”' | '’' | '」' | '）' | ')') {
                    end = j + q.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if end < text.len() {
                ends.push(end);
            }
        }
        prev = Some(c);
    }
    ends
}

/// A period ends a sentence unless it is a decimal point, an abbreviation ("No. 7",
/// "U.S."), or followed by a lowercase word.
fn is_full_stop(text: &str, at: usize, prev: Option<char>, next: Option<char>) -> bool {
    let Some(next) = next else { return false };
    if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_ascii_digit() {
        return false;
    }
    let word_before = text[..at]
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if matches!(
        word_before,
        "No" | "no" | "Mr" | "Ms" | "Dr" | "etc" | "e.g" | "i.e" | "Art" | "Vol"
    ) || (word_before.len() == 1 && word_before.chars().all(|c| c.is_ascii_uppercase()))
    {
        return false;
    }
    match next {
        ' ' | '\n' | '\u{3000}' => {
            let after = text[at + 1..].trim_start().chars().next();
            after.is_none_or(|c| !c.is_lowercase())
        }
        c => c.is_uppercase() || c == '"' || c == '“' || crate::ingest::document::is_han(c),
    }
}

#[cfg(test)]
mod tests {
    use super::sentence_ends;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = 0;
        for end in sentence_ends(text) {
            out.push(text[start..end].trim());
            start = end;
        }
        out.push(text[start..].trim());
        out
    }

    #[test]
    fn english_with_and_without_spaces() {
        assert_eq!(
            split("It grew 41.5% in hubei province.On February 13, it rose. Guofa (2020) No. 7 applies. U.S. firms came."),
            ["It grew 41.5% in hubei province.", "On February 13, it rose.", "Guofa (2020) No. 7 applies.", "U.S. firms came."]
        );
    }

    #[test]
    fn chinese_and_closing_quotes() {
        assert_eq!(
            split("推动改革。“加快建设。”支持发展;完善"),
            ["推动改革。", "“加快建设。”", "支持发展;", "完善"]
        );
    }
}
