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
    fn parse(data: &'static str) -> Result<Lexicon, String> {
        let mut lex = Lexicon {
            entries: Vec::new(),
            by_id: HashMap::new(),
            edges: HashMap::new(),
            terminals: vec![None],
            agencies: HashMap::new(),
            province_prefixes: Vec::new(),
        };
        let mut stops: Vec<&'static str> = Vec::new();
        for (n, line) in data.lines().enumerate() {
            let line_no = n + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let cols: Vec<&'static str> = line
                .split('\t')
                .map(str::trim)
                .take_while(|c| !c.starts_with('#'))
                .collect();
            if cols.len() != 5 {
                return Err(format!(
                    "line {line_no}: expected 5 columns, found {}",
                    cols.len()
                ));
            }
            if cols[0] == "stop" {
                stops.extend(split_names(cols[3]));
                stops.extend(split_names(cols[4]));
                continue;
            }
            let kind = EntryKind::parse(cols[0])
                .ok_or_else(|| format!("line {line_no}: unknown kind {:?}", cols[0]))?;
            let id = cols[1];
            if id.is_empty() || id == "-" {
                return Err(format!("line {line_no}: missing id"));
            }
            if lex.by_id.insert(id, lex.entries.len()).is_some() {
                return Err(format!("line {line_no}: duplicate id {id}"));
            }
            let parent = (cols[2] != "-").then_some(cols[2]);
            let zh = split_names(cols[3]);
            let en = split_names(cols[4]);
            if zh.is_empty() || en.is_empty() {
                return Err(format!(
                    "line {line_no}: {id} needs a Chinese and an English name"
                ));
            }
            lex.entries.push(Entry {
                kind,
                id,
                parent,
                zh: zh[0],
                en: en[0],
                zh_aliases: zh[1..].to_vec(),
                en_aliases: en[1..].to_vec(),
            });
        }
        for entry in &lex.entries {
            if let Some(p) = entry.parent {
                if !lex.by_id.contains_key(p) {
                    return Err(format!("{}: parent {p} does not exist", entry.id));
                }
            }
        }
        // Index every name.
        let mut names: Vec<(&'static str, Target)> = Vec::new();
        for (i, entry) in lex.entries.iter().enumerate() {
            for name in entry.names() {
                names.push((name, Target::Entry(i as u32)));
            }
        }
        names.extend(stops.iter().map(|&s| (s, Target::Stop)));
        for (name, target) in names {
            lex.insert(name, target)?;
        }
        for (i, entry) in lex.entries.iter().enumerate() {
            match entry.kind {
                EntryKind::Agency => {
                    for name in entry.names() {
                        lex.agencies.insert(fold_str(name), i);
                    }
                }
                EntryKind::Province => {
                    lex.province_prefixes.extend(entry.names().map(fold_str));
                }
                _ => {}
            }
        }
        lex.province_prefixes
            .sort_by_key(|p| std::cmp::Reverse(p.len()));
        Ok(lex)
    }

    fn insert(&mut self, alias: &'static str, target: Target) -> Result<(), String> {
        let folded = fold_str(alias);
        let (Some(first), Some(last)) = (folded.chars().next(), folded.chars().last()) else {
            return Err(format!("empty alias for {target:?}"));
        };
        let mut node = 0u32;
        for c in folded.chars() {
            node = match self.edges.get(&(node, c)) {
                Some(&next) => next,
                None => {
                    let next = self.terminals.len() as u32;
                    self.terminals.push(None);
                    self.edges.insert((node, c), next);
                    next
                }
            };
        }
        let exact = is_acronym(alias).then_some(alias);
        let slot = &mut self.terminals[node as usize];
        if let Some(existing) = slot {
            if existing.target != target && existing.exact.is_none() && exact.is_none() {
                let describe = |t: Target| match t {
                    Target::Entry(i) => self.entries[i as usize].id,
                    Target::Stop => "stop",
                };
                return Err(format!(
                    "alias {alias:?} names both {} and {}",
                    describe(existing.target),
                    describe(target)
                ));
            }
            // Same entry twice (e.g. a name that folds like another): keep the first.
            return Ok(());
        }
        *slot = Some(Terminal {
            target,
            start_word: is_word_char(first),
            end_word: is_word_char(last),
            exact,
        });
        Ok(())
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<&'static str> {
        let lex = lexicon();
        lex.mentions(text)
            .iter()
            .map(|m| lex.entries[m.entry].id)
            .collect()
    }

    fn spans(text: &str) -> Vec<&str> {
        lexicon()
            .mentions(text)
            .iter()
            .map(|m| &text[m.span.0..m.span.1])
            .collect()
    }

    #[test]
    fn data_file_parses_with_unique_ids_existing_parents_and_both_names() {
        let lex = lexicon();
        let mut seen = std::collections::HashSet::new();
        for e in &lex.entries {
            assert!(seen.insert(e.id), "duplicate id {}", e.id);
            assert!(
                !e.zh.is_empty() && !e.en.is_empty(),
                "{} lacks a name",
                e.id
            );
            assert!(
                !e.zh.is_ascii(),
                "{}: zh name {:?} is not Chinese",
                e.id,
                e.zh
            );
            assert!(
                e.en.is_ascii(),
                "{}: en name {:?} is not English",
                e.id,
                e.en
            );
            if let Some(p) = e.parent {
                assert!(lex.get(p).is_some(), "{}: parent {p} missing", e.id);
            }
            assert_eq!(lex.get(e.id).map(|i| lex.entries[i].id), Some(e.id));
        }
    }

    #[test]
    fn kinds_have_the_expected_counts_and_parents() {
        let lex = lexicon();
        let count = |k| lex.entries.iter().filter(|e| e.kind == k).count();
        assert_eq!(count(EntryKind::Province), 33);
        assert_eq!(count(EntryKind::Ftz), 22);
        assert!(count(EntryKind::Area) >= 60);
        assert!(count(EntryKind::City) >= 50);
        assert!(count(EntryKind::Agency) >= 100);
        let kind_of = |id: &str| lex.entries[lex.get(id).unwrap()].kind;
        for e in &lex.entries {
            let parent_kind = e.parent.map(kind_of);
            match e.kind {
                EntryKind::Area => assert_eq!(parent_kind, Some(EntryKind::Ftz), "{}", e.id),
                EntryKind::Ftz | EntryKind::City => {
                    assert_eq!(parent_kind, Some(EntryKind::Province), "{}", e.id)
                }
                EntryKind::Province => assert_eq!(parent_kind, None, "{}", e.id),
                EntryKind::Agency => {}
            }
        }
        let hubei = &lex.entries[lex.get("ftz-hubei").unwrap()];
        assert_eq!(hubei.zh, "中国(湖北)自由贸易试验区");
        assert_eq!(hubei.en, "China (Hubei) Pilot Free Trade Zone");
        assert!(hubei.zh_aliases.contains(&"湖北自贸区"));
        assert!(hubei.en_aliases.contains(&"Hubei FTZ"));
    }

    #[test]
    fn chinese_mentions_are_leftmost_longest() {
        assert_eq!(
            ids("支持自贸试验区武汉片区与襄阳片区联动发展"),
            ["area-hubei-wuhan", "area-hubei-xiangyang"]
        );
        assert_eq!(
            ids("进一步深化中国(湖北)自由贸易试验区改革创新,武汉海关牵头"),
            ["ftz-hubei", "agency-customs-wuhan"]
        );
        assert_eq!(
            ids("湖北省商务厅"),
            ["province-hubei", "agency-prov-commerce"]
        );
        assert_eq!(ids("推动武汉创建国际消费中心城市"), ["city-wuhan"]);
        // A stop phrase hides the alias it contains.
        assert_eq!(
            ids("各级商务部门要加强协调,商务部负责指导"),
            ["agency-mofcom"]
        );
    }

    #[test]
    fn english_mentions_are_leftmost_longest() {
        let text = "the Lingang New Area of Shanghai Pilot Free Trade Zone";
        assert_eq!(ids(text), ["area-shanghai-lingang", "ftz-shanghai"]);
        assert_eq!(
            spans(text),
            ["Lingang New Area", "Shanghai Pilot Free Trade Zone"]
        );
        assert_eq!(
            ids("A new batch from Hubei Free Trade Zone was promoted"),
            ["ftz-hubei"]
        );
        assert_eq!(
            ids("At a press conference held by the Ministry of Commerce, the State Council said"),
            ["agency-mofcom", "agency-state-council"]
        );
        assert_eq!(
            ids("Wuhan area carried out reforms; Xiangyang Area innovated; Yichang Area"),
            [
                "area-hubei-wuhan",
                "area-hubei-xiangyang",
                "area-hubei-yichang"
            ]
        );
        assert_eq!(
            ids("the Hebei Xiong’an area"),
            ["province-hebei", "area-hebei-xiongan"]
        );
    }

    #[test]
    fn latin_aliases_are_case_insensitive_at_word_boundaries() {
        assert_eq!(
            ids("in HUBEI and hubei province"),
            ["province-hubei", "province-hubei"]
        );
        assert_eq!(spans("in hubei province."), ["hubei province"]);
        assert!(ids("xHubeix Hubeis 2Hubei").is_empty());
        assert_eq!(ids("(Hubei)"), ["province-hubei"]);
        assert_eq!(ids("在Hubei省"), ["province-hubei"]);
        // Whitespace runs match a single space.
        assert_eq!(ids("Hubei  Free\nTrade Zone"), ["ftz-hubei"]);
        // Acronyms only in capitals: "safe" is a word, SAFE an agency.
        assert!(ids("it is safe to say").is_empty());
        assert_eq!(ids("approved by SAFE."), ["agency-safe"]);
    }

    #[test]
    fn full_width_parentheses_fold_and_spans_are_bytes_of_the_original() {
        let text = "关于中国（湖北）自由贸易试验区的通知";
        let m = lexicon().mentions(text);
        assert_eq!(ids(text), ["ftz-hubei"]);
        assert_eq!(
            &text[m[0].span.0..m[0].span.1],
            "中国（湖北）自由贸易试验区"
        );
        assert_eq!(ids("China（Hubei）Pilot Free Trade Zone"), ["ftz-hubei"]);
        assert_eq!(ids("ＨＵＢＥＩ"), ["province-hubei"]);
    }

    #[test]
    fn agency_resolves_names_after_trimming_and_folding() {
        let lex = lexicon();
        let id = |name: &str| lex.agency(name).map(|i| lex.entries[i].id);
        assert_eq!(id("省商务厅"), Some("agency-prov-commerce"));
        assert_eq!(id(" 省自贸办 "), Some("agency-prov-ftz-office"));
        assert_eq!(id("武汉海关"), Some("agency-customs-wuhan"));
        assert_eq!(id("湖北省发改委"), Some("agency-prov-drc"));
        assert_eq!(
            id("Hubei Provincial Department of Commerce"),
            Some("agency-prov-commerce")
        );
        assert_eq!(id("ministry of commerce"), Some("agency-mofcom"));
        assert_eq!(id("省商务厅;"), Some("agency-prov-commerce"));
        assert_eq!(id("湖北"), None);
        assert_eq!(id("省不存在厅"), None);
        assert_eq!(id(""), None);
    }

    /// Every unit named in the 004 seed's annotations resolves. Crude parse: the text inside
    /// (牵头单位:…), split on ;、,， and 及, with the elided suffix of "武汉、宜昌市人民政府"
    /// restored.
    #[test]
    fn every_unit_in_the_hubei_annotations_resolves() {
        let text = include_str!("../../seeds/004_dac77278a024235c.txt");
        let lex = lexicon();
        let mut units = Vec::new();
        for (start, _) in text.match_indices("(牵头单位") {
            let inner = &text[start + 1..];
            let inner = &inner[..inner.find(')').unwrap()];
            let inner = inner.replace("牵头单位:", "、").replace("责任单位:", "、");
            for group in inner.split([';', ',', '，', '；']) {
                let parts: Vec<&str> = group
                    .split(['、', '及'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                let shared_suffix = parts.last().is_some_and(|l| l.ends_with("市人民政府"));
                for p in parts {
                    // "武汉、襄阳、宜昌市人民政府": 武汉 and 襄阳 share the suffix.
                    if shared_suffix && !p.contains("人民政府") && p.chars().count() <= 3 {
                        units.push(format!("{p}市人民政府"));
                    } else {
                        units.push(p.to_string());
                    }
                }
            }
        }
        assert!(units.len() > 150, "parsed only {} units", units.len());
        let unknown: Vec<&String> = units.iter().filter(|u| lex.agency(u).is_none()).collect();
        assert!(unknown.is_empty(), "unresolved units: {unknown:?}");
        for u in [
            "武汉市人民政府",
            "襄阳市人民政府",
            "宜昌市人民政府",
            "其他省直部门",
            "相关市州人民政府",
        ] {
            assert!(units.iter().any(|x| x == u), "{u} not parsed");
        }
    }

    #[test]
    fn seeds_mention_their_zones() {
        let zh = include_str!("../../seeds/004_dac77278a024235c.txt");
        let found = ids(zh);
        for id in [
            "ftz-hubei",
            "area-hubei-wuhan",
            "area-hubei-yichang",
            "agency-state-council",
        ] {
            assert!(found.contains(&id), "{id} not found in 004");
        }
        let en = include_str!("../../seeds/001_e92ff3f780d3b4b6.txt");
        let found = ids(en);
        for id in [
            "ftz-shandong",
            "ftz-guangxi",
            "area-shanghai-lingang",
            "agency-mofcom",
            "area-shandong-qingdao",
        ] {
            assert!(found.contains(&id), "{id} not found in 001");
        }
    }
}
