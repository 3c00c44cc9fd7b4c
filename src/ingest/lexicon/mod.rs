//! The bilingual lexicon of places and agencies: provinces, the 22 pilot free trade zones,
//! their areas (片区), major cities and agencies, each with a canonical Chinese and English
//! name plus aliases in both languages.
//!
//! What it is for: tagging items with the regions and agencies they mention
//! ([`Lexicon::mentions`]), resolving the unit names of annotations such as
//! `(牵头单位:省自贸办;责任单位:省发改委、武汉海关)` ([`Lexicon::agency`]), and, later, the
//! cross-language search glossary (every entry pairs Chinese and English names).
//!
//! # Data file
//!
//! `lexicon.tsv` (compiled in with `include_str!`, parsed once on first use): one entry per
//! line, TAB-separated `kind  id  parent  zh-names  en-names [# note]`; names are separated by
//! `|`, the first one being canonical; `parent` is an id or `-`; `#` starts a comment line.
//! Kinds: `province`, `ftz`, `area`, `city`, `agency`, and `stop` (phrases that contain an
//! alias but are not a mention, e.g. 商务部门; they win leftmost-longest matches and are
//! dropped). The header of the file documents the conventions. A malformed file panics on
//! first use with the line number; the tests parse it, so that cannot ship.
//!
//! # Matching
//!
//! Text and aliases are folded char by char: full-width ASCII forms (（）, Ａ, ：) and the
//! ideographic space become their ASCII counterparts, curly quotes straight ones, dashes `-`,
//! Latin letters lower case, and a run of whitespace matches one space in an alias.
//! Latin aliases (those starting/ending with a letter or digit) must start/end at a word
//! boundary; Chinese aliases match anywhere. Aliases written in capitals only (SAFE, MOST)
//! are acronyms and must appear in capitals. Matches are leftmost-longest, non-overlapping.
//!
//! # Cost
//!
//! Building: one pass over the data file into a trie of folded aliases (a few thousand
//! nodes), once per process. [`Lexicon::mentions`]: one pass over the text; at each start
//! position the trie is walked only as long as some alias continues (usually 0–3 steps,
//! bounded by the longest alias), and positions inside a Latin word are skipped, so a 30k
//! char document takes well under a millisecond. [`Lexicon::agency`]: a hash lookup.

use std::collections::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("lexicon.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryKind {
    Province,
    Ftz,
    Area,
    City,
    Agency,
}

impl EntryKind {
    fn parse(s: &str) -> Option<EntryKind> {
        Some(match s {
            "province" => EntryKind::Province,
            "ftz" => EntryKind::Ftz,
            "area" => EntryKind::Area,
            "city" => EntryKind::City,
            "agency" => EntryKind::Agency,
            _ => return None,
        })
    }
}

/// One canonical entity. `zh`/`en` are the canonical names; `zh_aliases`/`en_aliases` are
/// the *other* names (the canonical one is not repeated there). All of them are matched.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: EntryKind,
    pub id: &'static str,
    pub parent: Option<&'static str>,
    pub zh: &'static str,
    pub en: &'static str,
    pub zh_aliases: Vec<&'static str>,
    pub en_aliases: Vec<&'static str>,
}

impl Entry {
    /// Every name of the entry: canonical Chinese, Chinese aliases, canonical English,
    /// English aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.zh)
            .chain(self.zh_aliases.iter().copied())
            .chain(std::iter::once(self.en))
            .chain(self.en_aliases.iter().copied())
    }
}

/// A mention of `entries[entry]` at the byte range `span` of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub entry: usize,
    pub span: (usize, usize),
}

/// What an alias resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Entry(u32),
    Stop,
}

#[derive(Debug, Clone, Copy)]
struct Terminal {
    target: Target,
    /// The alias starts with a word char: the match must start at a word boundary.
    start_word: bool,
    /// The alias ends with a word char: the match must end at a word boundary.
    end_word: bool,
    /// An acronym that must appear exactly as written.
    exact: Option<&'static str>,
}

pub struct Lexicon {
    pub entries: Vec<Entry>,
    by_id: HashMap<&'static str, usize>,
    /// Trie edges: (node, folded char) → node. Node 0 is the root.
    edges: HashMap<(u32, char), u32>,
    terminals: Vec<Option<Terminal>>,
    /// Folded agency names (whitespace collapsed) → entry.
    agencies: HashMap<String, usize>,
    /// Folded province names, longest first, for stripping a province prefix in `agency`.
    province_prefixes: Vec<String>,
}

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(DATA).unwrap_or_else(|e| panic!("lexicon.tsv: {e}")))
}

/// Folds one char for matching (see the module doc).
pub(crate) fn fold(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(c as u32 - 0xFEE0).map_or(c, |a| a.to_ascii_lowercase())
        }
        '\u{2018}' | '\u{2019}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        '\u{2010}'..='\u{2015}' => '-',
        c if c.is_whitespace() => ' ',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c if c.is_alphabetic() => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
        c => c,
    }
}

/// A char that is part of a Latin word: ASCII letters and digits and other alphabetic chars
/// outside the CJK ranges. Chinese characters are not word chars, so "在Hubei省" has
/// boundaries around Hubei.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (c.is_alphanumeric() && (c as u32) < 0x2E80)
}

/// Folds a whole string and collapses whitespace runs to one space, trimmed.
pub(crate) fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(fold) {
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    // "China (Hubei)" = "China（Hubei）": no spaces next to parentheses.
    if out.contains(['(', ')']) {
        let chars: Vec<char> = out.chars().collect();
        out = chars
            .iter()
            .enumerate()
            .filter(|&(k, &c)| {
                c != ' '
                    || !(is_paren(chars[k.saturating_sub(1)])
                        || chars.get(k + 1).is_some_and(|&n| is_paren(n)))
            })
            .map(|(_, &c)| c)
            .collect();
    }
    out
}

fn is_paren(c: char) -> bool {
    c == '(' || c == ')'
}

fn is_acronym(alias: &str) -> bool {
    alias.len() >= 2 && alias.chars().all(|c| c.is_ascii_uppercase())
}

fn split_names(field: &'static str) -> Vec<&'static str> {
    if field == "-" {
        return Vec::new();
    }
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

impl Lexicon {
    /// The index of the entry with this id.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Leftmost-longest, non-overlapping mentions of any alias; Latin aliases match
    /// case-insensitively and only at word boundaries; Chinese aliases match as substrings;
    /// full-width/half-width parentheses treated alike (中国(湖北) = 中国（湖北）).
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let folded: Vec<char> = chars.iter().map(|&(_, c)| fold(c)).collect();
        let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
        let word_at = |i: usize| folded.get(i).is_some_and(|&c| is_word_char(c));
        let n = chars.len();
        // The longest alias starting at char i that satisfies its boundary and case rules.
        let longest_at = |i: usize| -> Option<(Target, usize)> {
            let mut node = 0u32;
            let mut j = i;
            let mut best = None;
            while j < n {
                let c = folded[j];
                if c == ' ' && j > i {
                    // A whitespace run matches one space; none next to parentheses.
                    let k = (j..n).find(|&k| folded[k] != ' ').unwrap_or(n);
                    if is_paren(folded[j - 1]) || folded.get(k).is_some_and(|&c| is_paren(c)) {
                        j = k;
                        continue;
                    }
                    if folded[j - 1] == ' ' {
                        j += 1;
                        continue;
                    }
                }
                let Some(&next) = self.edges.get(&(node, c)) else {
                    break;
                };
                node = next;
                j += 1;
                if let Some(t) = self.terminals[node as usize] {
                    let start_ok = !t.start_word || i == 0 || !word_at(i - 1);
                    let end_ok = !t.end_word || !word_at(j);
                    let case_ok = t.exact.is_none_or(|a| &text[byte_at(i)..byte_at(j)] == a);
                    if start_ok && end_ok && case_ok {
                        best = Some((t.target, j));
                    }
                }
            }
            best
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            // Inside a Latin word no alias can start (they would need a boundary here).
            if folded[i] == ' ' || (word_at(i) && i > 0 && word_at(i - 1)) {
                i += 1;
                continue;
            }
            let Some((target, mut end)) = longest_at(i) else {
                i += 1;
                continue;
            };
            if let Target::Entry(e) = target {
                // 湖北省商务厅: the province gives its 省 back to the generic agency 省商务厅.
                if self.entries[e as usize].kind == EntryKind::Province
                    && end - i > 1
                    && folded[end - 1] == '省'
                {
                    if let Some((Target::Entry(a), _)) = longest_at(end - 1) {
                        if self.entries[a as usize].kind == EntryKind::Agency {
                            end -= 1;
                        }
                    }
                }
                out.push(Mention {
                    entry: e as usize,
                    span: (byte_at(i), byte_at(end)),
                });
            }
            i = end;
        }
        out
    }

    /// Canonical agency for a unit name from an annotation ("省商务厅", "武汉海关",
    /// " 省自贸办 "), after trimming and width-folding; None when unknown.
    ///
    /// Surrounding punctuation is ignored, and a leading province name is tried without it
    /// ("湖北省商务厅" → 省商务厅, "Hubei Provincial Department of Commerce" → Provincial
    /// Department of Commerce). Names sharing an elided suffix ("武汉、宜昌市人民政府") must
    /// be expanded by the caller.
    pub fn agency(&self, name: &str) -> Option<usize> {
        let folded = fold_str(name);
        let key = folded.trim_matches(|c: char| {
            c == ' '
                || (c.is_ascii_punctuation() && c != '\'' && c != '(' && c != ')')
                || matches!(c, '、' | '。' | '；' | '，' | '：')
        });
        if key.is_empty() {
            return None;
        }
        if let Some(&i) = self.agencies.get(key) {
            return Some(i);
        }
        for prefix in &self.province_prefixes {
            if let Some(rest) = key.strip_prefix(prefix.as_str()) {
                let rest = rest.trim_start();
                if let Some(&i) = self.agencies.get(rest) {
                    return Some(i);
                }
                // 湖北省商务厅: the prefix 湖北省 took the 省 of 省商务厅.
                if prefix.ends_with('省') {
                    if let Some(&i) = self.agencies.get(&format!("省{rest}")) {
                        return Some(i);
                    }
                }
            }
        }
        None
    }
}

mod parse;

#[cfg(test)]
mod tests;
