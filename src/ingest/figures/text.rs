//! Small helpers for looking around a byte position without ever panicking: every
//! function accepts any position and treats one that is out of range or not on a char
//! boundary as "nothing there".

/// The char that starts at `pos`.
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The char that ends at `pos`.
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The largest char boundary not after `pos`.
pub fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// The smallest char boundary not before `pos`.
pub fn ceil_boundary(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos += 1;
    }
    pos
}

/// Whether only spaces or tabs stand between the start of the line and `pos`.
pub fn is_line_start(text: &str, pos: usize) -> bool {
    let Some(before) = text.get(..pos) else {
        return false;
    };
    let line = before.rsplit('\n').next().unwrap_or("");
    line.chars()
        .all(|c| matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}'))
}

/// The ASCII word that ends just before `pos`, after skipping the chars in `skip`;
/// lowercased. Empty when there is none.
pub fn word_before(text: &str, pos: usize, skip: &[char]) -> String {
    let Some(before) = text.get(..pos) else {
        return String::new();
    };
    let trimmed = before.trim_end_matches(|c: char| skip.contains(&c));
    let word_start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphabetic())
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    trimmed[word_start..].to_ascii_lowercase()
}

/// The ASCII word that starts at `pos`, after skipping the chars in `skip`; lowercased.
pub fn word_after(text: &str, pos: usize, skip: &[char]) -> String {
    let Some(after) = text.get(pos..) else {
        return String::new();
    };
    let trimmed = after.trim_start_matches(|c: char| skip.contains(&c));
    trimmed
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase()
}
