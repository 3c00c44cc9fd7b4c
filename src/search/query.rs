//! The query language: words (all must match), `"quoted phrases"`, `-exclusions`
//! (`-word` or `-"a phrase"`), and `OR` between two terms. A query that parses badly
//! (unbalanced quotes, a dangling `OR` or `-`) still means something sensible: stray marks
//! are taken literally or dropped, never an error.
//!
//! A clause typed twice counts once ("trade trade" is "trade"), so a long pasted or repeated
//! text costs its distinct words only.
//!
//! Cost: linear in the query.

/// One alternative of a clause.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Term {
    /// A word as typed (not folded). `prefix` when it is the last word and the user may
    /// still be typing it.
    Word { text: String, prefix: bool },
    /// Quoted text: its words in this order, adjacent.
    Phrase(String),
}

/// A clause matches when any of its alternatives does (`a OR b`).
pub type Clause = Vec<Term>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// All must match.
    pub required: Vec<Clause>,
    /// None may match.
    pub excluded: Vec<Clause>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.required.is_empty()
    }
}

#[derive(Debug, PartialEq)]
enum Raw {
    Word(String),
    Phrase(String),
    Or,
}

fn lex(input: &str) -> Vec<(bool, Raw)> {
    let mut out = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let negated = c == '-' && input[i + 1..].starts_with(|n: char| !n.is_whitespace());
        if negated {
            chars.next();
        }
        let Some(&(start, c)) = chars.peek() else {
            break;
        };
        if c == '"' || c == '“' || c == '”' {
            chars.next();
            let body_start = start + c.len_utf8();
            let mut end = input.len();
            for (j, d) in chars.by_ref() {
                if d == '"' || d == '”' || d == '“' {
                    end = j;
                    break;
                }
            }
            let phrase = input[body_start..end].trim();
            if !phrase.is_empty() {
                out.push((negated, Raw::Phrase(phrase.to_string())));
            }
            continue;
        }
        let mut end = input.len();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_whitespace() || d == '"' || d == '“' {
                end = j;
                break;
            }
            chars.next();
        }
        let word = &input[start..end];
        if word == "OR" && !negated {
            out.push((false, Raw::Or));
        } else if !word.is_empty() {
            out.push((negated, Raw::Word(word.to_string())));
        }
    }
    out
}

/// Parses a query. `typing` says the user may still be typing the last word (prefix match).
pub fn parse(input: &str, typing: bool) -> Query {
    let raw = lex(input);
    let ends_in_space = input.ends_with(char::is_whitespace);
    let last_word = raw
        .iter()
        .rposition(|(neg, r)| !neg && matches!(r, Raw::Word(_)));
    let mut query = Query::default();
    let mut join_next = false;
    for (k, (negated, token)) in raw.into_iter().enumerate() {
        let term = match token {
            Raw::Or => {
                join_next = !query.required.is_empty();
                continue;
            }
            Raw::Word(text) => {
                let prefix = typing && !ends_in_space && Some(k) == last_word;
                Term::Word { text, prefix }
            }
            Raw::Phrase(text) => Term::Phrase(text),
        };
        if negated {
            query.excluded.push(vec![term]);
        } else if std::mem::take(&mut join_next) {
            query
                .required
                .last_mut()
                .expect("joined to a clause")
                .push(term);
        } else {
            query.required.push(vec![term]);
        }
    }
    for clauses in [&mut query.required, &mut query.excluded] {
        let mut seen = std::collections::HashSet::new();
        clauses.retain(|c| seen.insert(c.clone()));
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, prefix: bool) -> Term {
        Term::Word {
            text: text.into(),
            prefix,
        }
    }

    #[test]
    fn repeated_clauses_count_once() {
        let q = parse("trade customs trade -x -x \"a b\" \"a b\" trade", false);
        assert_eq!(
            q.required,
            vec![
                vec![word("trade", false)],
                vec![word("customs", false)],
                vec![Term::Phrase("a b".into())],
            ]
        );
        assert_eq!(q.excluded, vec![vec![word("x", false)]]);
        // The last word while typing is a prefix, a different clause from the whole word.
        assert_eq!(parse("trade trade", true).required.len(), 2);
        assert_eq!(parse(&"customs ".repeat(5000), true).required.len(), 1);
    }

    #[test]
    fn words_phrases_exclusions_and_or() {
        let q = parse(
            r#"customs "negative list" -Shanghai trade OR 贸易 -"pilot zone""#,
            false,
        );
        assert_eq!(
            q.required,
            vec![
                vec![word("customs", false)],
                vec![Term::Phrase("negative list".into())],
                vec![word("trade", false), word("贸易", false)],
            ]
        );
        assert_eq!(
            q.excluded,
            vec![
                vec![word("Shanghai", false)],
                vec![Term::Phrase("pilot zone".into())]
            ]
        );
    }

    #[test]
    fn the_last_word_is_a_prefix_while_typing() {
        assert_eq!(
            parse("hubei custo", true).required[1],
            vec![word("custo", true)]
        );
        assert_eq!(
            parse("hubei custo ", true).required[1],
            vec![word("custo", false)]
        );
        assert_eq!(
            parse("custo -x", true).required[0],
            vec![word("custo", true)]
        );
    }

    #[test]
    fn bad_syntax_degrades_gracefully() {
        assert_eq!(
            parse(r#""unclosed phrase"#, false).required,
            vec![vec![Term::Phrase("unclosed phrase".into())]]
        );
        assert_eq!(
            parse("OR trade OR", false).required,
            vec![vec![word("trade", false)]]
        );
        assert_eq!(
            parse("- trade", false).required,
            vec![vec![word("-", false)], vec![word("trade", false)]]
        );
        assert_eq!(
            parse("\"\" -", false),
            Query {
                required: vec![vec![word("-", false)]],
                excluded: vec![]
            }
        );
        assert!(parse("   ", true).is_empty());
    }
}
