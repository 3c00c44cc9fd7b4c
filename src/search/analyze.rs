//! The one analyzer for index and query, so that the two never disagree.
//!
//! Folding maps every char to exactly one char — full-width forms to ASCII, case to lower,
//! Traditional to Simplified Chinese (`fast2s`, a char-level OpenCC table) — so char offsets
//! of folded text are char offsets of the original, and highlights land exactly.
//!
//! Tokens: Latin and digit words by Unicode word boundaries (UAX #29 via
//! `unicode-segmentation`; "41.5" and "1,200" stay one word), stemmed with Snowball English
//! (`rust-stemmers`) unless they contain a digit; Han text as overlapping character bigrams
//! (a run of one Han char is that char). Bigrams find any Chinese substring of two or more
//! chars once candidates are verified against the folded text; single-char queries are
//! answered by scanning.
//!
//! Cost: linear in the text; one stemmer call per Latin word.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

pub fn is_han(c: char) -> bool {
    crate::ingest::document::is_han(c)
}

fn fold_char(c: char) -> char {
    let c = match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' | '\u{a0}' => ' ',
        _ => c,
    };
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Width-, case- and script-folded text with exactly as many chars as `text`.
pub fn fold(text: &str) -> String {
    let folded: String = text.chars().map(fold_char).collect();
    if folded.chars().any(|c| c.len_utf8() == 3) {
        // fast2s maps each 3-byte char to one 3-byte char and leaves the rest alone.
        fast2s::convert(&folded)
    } else {
        folded
    }
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Words kept whole because their stem would join them to unrelated words of this domain:
/// customs (海关) ≠ customers, goods (货物) ≠ good, securities (证券) ≠ security. Like
/// Lucene's stemmer override. Safe to extend: the index is built when a bundle is loaded.
const UNSTEMMED: &[&str] = &["customs", "goods", "securities"];

/// The index term of a folded Latin or digit word: words of letters are stemmed, a
/// possessive `'s` taken off first; numbers, abbreviations ("u.s"), codes ("3c") and
/// [`UNSTEMMED`] words are kept as they are.
pub fn stem(word: &str) -> String {
    // A possessive is its word: "the People's Government" is found by "people".
    let word = ["'s", "\u{2019}s"]
        .iter()
        .find_map(|s| word.strip_suffix(s).filter(|w| !w.is_empty()))
        .unwrap_or(word);
    if !word.chars().all(char::is_alphabetic) || UNSTEMMED.contains(&word) {
        word.to_string()
    } else {
        stemmer().stem(word).into_owned()
    }
}

/// A token of folded text: its term, the word as written (folded; for Latin words), and
/// its char range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    pub word: Option<String>,
    pub start: u32,
    pub end: u32,
}

/// Tokens of already folded text, in order.
pub fn tokens(folded: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut han_run: Vec<(u32, char)> = Vec::new();
    let mut char_pos = 0u32;
    let flush = |run: &mut Vec<(u32, char)>, out: &mut Vec<Token>| {
        if run.len() == 1 {
            let (at, c) = run[0];
            out.push(Token {
                term: c.to_string(),
                word: None,
                start: at,
                end: at + 1,
            });
        }
        for pair in run.windows(2) {
            let term: String = [pair[0].1, pair[1].1].iter().collect();
            out.push(Token {
                term,
                word: None,
                start: pair[0].0,
                end: pair[0].0 + 2,
            });
        }
        run.clear();
    };
    for segment in folded.split_word_bounds() {
        let len = segment.chars().count() as u32;
        let mut chars = segment.chars();
        let first = chars.next();
        if let (Some(c), None) = (first, chars.next()) {
            if is_han(c) {
                han_run.push((char_pos, c));
                char_pos += 1;
                continue;
            }
        }
        flush(&mut han_run, &mut out);
        if segment.chars().any(char::is_alphanumeric) && !segment.chars().any(is_han) {
            out.push(Token {
                term: stem(segment),
                word: Some(segment.to_string()),
                start: char_pos,
                end: char_pos + len,
            });
        } else if segment.chars().any(is_han) {
            // A segment mixing Han with other chars (rare): index its Han chars as a run.
            for (i, c) in segment.chars().enumerate() {
                if is_han(c) {
                    han_run.push((char_pos + i as u32, c));
                } else {
                    flush(&mut han_run, &mut out);
                }
            }
        }
        char_pos += len;
    }
    flush(&mut han_run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        tokens(&fold(text)).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn folding_keeps_char_positions() {
        for text in [
            "ＡＢＣ　１２３",
            "貿易便利化",
            "İstanbul Ωmega",
            "Customs 海关 (牵头单位：省商务厅)",
        ] {
            assert_eq!(fold(text).chars().count(), text.chars().count(), "{text}");
        }
        assert_eq!(fold("ＦＴＺ　貿易"), "ftz 贸易");
    }

    #[test]
    fn latin_words_are_stemmed_numbers_kept() {
        assert_eq!(
            terms("Measures promoted 41.5% and 1,200 enterprises"),
            ["measur", "promot", "41.5", "and", "1,200", "enterpris"]
        );
        assert_eq!(terms("U.S. FTZ"), ["u.s", "ftz"]);
    }

    #[test]
    fn some_words_keep_apart_from_their_stem_mates() {
        assert_eq!(
            terms("Customs customers custom goods good securities security"),
            [
                "customs",
                "custom",
                "custom",
                "goods",
                "good",
                "securities",
                "secur"
            ]
        );
    }

    #[test]
    fn han_runs_become_bigrams() {
        assert_eq!(terms("自贸区"), ["自贸", "贸区"]);
        assert_eq!(terms("海,关"), ["海", "关"]);
        assert_eq!(terms("2023年底前"), ["2023", "年底", "底前"]);
        let t = tokens(&fold("a 自贸区"));
        assert_eq!((t[1].start, t[1].end), (2, 4));
    }
}
