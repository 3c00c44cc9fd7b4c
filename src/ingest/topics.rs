//! The bilingual taxonomy of FTZ reform fields (investment, trade, finance, government
//! functions, innovation and IP, talent, industry, logistics, digital economy, rule of law,
//! regional cooperation, green development) and the keyword rule that assigns them to items.
//!
//! # Data file
//!
//! `topics.tsv` (compiled in with `include_str!`, parsed once on first use): one topic per
//! line, TAB-separated `id  zh-name  en-name  keywords`, keywords (Chinese and English mixed)
//! separated by `|`; `#` starts a comment line. File order is taxonomy order.
//!
//! # Rule
//!
//! Deliberately transparent: a topic applies when at least one of its keywords occurs.
//! Text and keywords are folded like the lexicon's (full-width forms to ASCII, Latin lower
//! case, whitespace runs to one space). Chinese keywords match as substrings; Latin keywords
//! (those starting/ending with a letter or digit) at word boundaries, with simple plural
//! tolerance: `talent` also matches `talents`, `tax` `taxes`, `policy` `policies`.
//! [`assign`] reports, per topic, the first keyword *in the topic's list* that occurs, so an
//! assignment can be explained.
//!
//! Annotation unit names contain keywords (武汉海关 → 海关), so callers should pass the
//! measure text without its `(牵头单位:…)` annotation.
//!
//! # Cost
//!
//! One fold of the text, then one substring search per keyword (a few hundred in all) until
//! a topic's first hit: O(keywords × text length) worst case, fine for items (sentences,
//! measures); for whole 30k-char documents it is still a few milliseconds.

use super::lexicon::{fold_str, is_word_char};
use std::sync::OnceLock;

const DATA: &str = include_str!("topics.tsv");

#[derive(Debug, Clone)]
pub struct Topic {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub keywords: Vec<&'static str>,
}

/// A keyword prepared for matching.
struct Matcher {
    /// Folded keyword, or its stem without the final `y` when it ends in `y`.
    stem: String,
    /// Endings allowed after the stem (empty when the keyword is not Latin at its end).
    suffixes: &'static [&'static str],
    start_word: bool,
    end_word: bool,
}

struct Taxonomy {
    topics: Vec<Topic>,
    matchers: Vec<Vec<Matcher>>,
}

fn taxonomy() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(|| parse(DATA).unwrap_or_else(|e| panic!("topics.tsv: {e}")))
}

fn parse(data: &'static str) -> Result<Taxonomy, String> {
    let mut topics: Vec<Topic> = Vec::new();
    for (n, line) in data.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let cols: Vec<&'static str> = line.split('\t').map(str::trim).collect();
        let [id, zh, en, keywords] = cols[..] else {
            return Err(format!(
                "line {}: expected 4 columns, found {}",
                n + 1,
                cols.len()
            ));
        };
        if topics.iter().any(|t| t.id == id) {
            return Err(format!("line {}: duplicate id {id}", n + 1));
        }
        let keywords: Vec<&'static str> = keywords
            .split('|')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .collect();
        if id.is_empty() || zh.is_empty() || en.is_empty() || keywords.is_empty() {
            return Err(format!("line {}: {id} needs names and keywords", n + 1));
        }
        topics.push(Topic {
            id,
            zh,
            en,
            keywords,
        });
    }
    let matchers = topics
        .iter()
        .map(|t| t.keywords.iter().map(|k| matcher(k)).collect())
        .collect();
    Ok(Taxonomy { topics, matchers })
}

fn matcher(keyword: &str) -> Matcher {
    let folded = fold_str(keyword);
    let start_word = folded.chars().next().is_some_and(is_word_char);
    let last = folded.chars().last();
    let end_word = last.is_some_and(is_word_char);
    let latin_end = last.is_some_and(|c| c.is_ascii_alphabetic());
    let (stem, suffixes): (String, &'static [&'static str]) = if !latin_end {
        (folded, &[""])
    } else if folded.ends_with('y') && folded.len() > 2 {
        (folded[..folded.len() - 1].to_string(), &["y", "ys", "ies"])
    } else {
        (folded, &["", "s", "es"])
    };
    Matcher {
        stem,
        suffixes,
        start_word,
        end_word,
    }
}

impl Matcher {
    fn occurs_in(&self, text: &str) -> bool {
        let mut from = 0;
        while let Some(pos) = text[from..].find(&self.stem) {
            let start = from + pos;
            let end = start + self.stem.len();
            let start_ok =
                !self.start_word || !text[..start].chars().next_back().is_some_and(is_word_char);
            if start_ok {
                let rest = &text[end..];
                let ok = self.suffixes.iter().any(|s| {
                    rest.starts_with(s)
                        && (!self.end_word
                            || !rest[s.len()..].chars().next().is_some_and(is_word_char))
                });
                if ok {
                    return true;
                }
            }
            from = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        false
    }
}

/// The taxonomy, in order.
pub fn topics() -> &'static [Topic] {
    &taxonomy().topics
}

/// Topics that apply to the text, in taxonomy order, each with the first keyword that matched (for explaining the assignment).
pub fn assign(text: &str) -> Vec<(usize, &'static str)> {
    let tax = taxonomy();
    let folded = fold_str(text);
    let mut out = Vec::new();
    for (i, (topic, matchers)) in tax.topics.iter().zip(&tax.matchers).enumerate() {
        if let Some(k) = matchers.iter().position(|m| m.occurs_in(&folded)) {
            out.push((i, topic.keywords[k]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<&'static str> {
        assign(text)
            .into_iter()
            .map(|(i, _)| topics()[i].id)
            .collect()
    }

    fn index(id: &str) -> usize {
        topics().iter().position(|t| t.id == id).unwrap()
    }

    #[test]
    fn data_file_parses_with_unique_ids_and_keywords_in_both_languages() {
        let t = topics();
        assert!(t.len() >= 11, "{} topics", t.len());
        for topic in t {
            assert!(
                topic.keywords.iter().any(|k| !k.is_ascii()),
                "{}: no Chinese keyword",
                topic.id
            );
            assert!(
                topic.keywords.iter().any(|k| k.is_ascii()),
                "{}: no English keyword",
                topic.id
            );
            let mut seen = std::collections::HashSet::new();
            for k in &topic.keywords {
                assert!(
                    seen.insert(fold_str(k)),
                    "{}: duplicate keyword {k}",
                    topic.id
                );
            }
            // Generic words must not be keywords.
            for generic in [
                "创新",
                "改革",
                "开放",
                "产业",
                "港",
                "innovation",
                "reform",
                "development",
            ] {
                assert!(
                    !topic.keywords.contains(&generic),
                    "{}: generic keyword {generic}",
                    topic.id
                );
            }
        }
    }

    #[test]
    fn each_topic_fires_on_a_chinese_and_an_english_example() {
        let examples = [
            (
                "investment",
                "推动跨境服务贸易实行负面清单管理模式",
                "Shorten the negative list for foreign investment",
            ),
            (
                "trade",
                "不断优化跨境电子商务通关流程",
                "shortening customs clearance time by 80%",
            ),
            (
                "finance",
                "推动跨境人民币结算业务便利化",
                "banks launch smart loan products",
            ),
            (
                "government",
                "不断优化自贸试验区营商环境",
                "to create a first-class business environment",
            ),
            (
                "innovation",
                "完善知识产权质押融资机制",
                "cultivate market-oriented high-value patents",
            ),
            (
                "talent",
                "建立外籍人才职称评审绿色通道",
                "attract international talents for entrepreneurship",
            ),
            (
                "industry",
                "提高产业链供应链稳定性",
                "advantages of the biomedicine industry",
            ),
            (
                "logistics",
                "在襄阳片区建设中欧班列集运中心",
                "promote multimodal transport and shipping",
            ),
            (
                "digital",
                "加快区块链、大数据技术的应用",
                "based on the blockchain technology",
            ),
            (
                "law",
                "制定湖北自贸试验区仲裁规则",
                "international commercial arbitration and mediation",
            ),
            (
                "regional",
                "加快打造长江经济带世界级产业集群",
                "deepening cooperation with ASEAN",
            ),
            (
                "green",
                "积极创新绿色金融产品和服务",
                "low-carbon and energy saving measures",
            ),
        ];
        assert_eq!(
            examples.len(),
            topics().len(),
            "add an example for every topic"
        );
        for (id, zh, en) in examples {
            assert!(
                ids(zh).contains(&id),
                "{id} not assigned to {zh:?}: {:?}",
                assign(zh)
            );
            assert!(
                ids(en).contains(&id),
                "{id} not assigned to {en:?}: {:?}",
                assign(en)
            );
        }
    }

    #[test]
    fn unrelated_sentences_get_no_topic() {
        assert!(ids("今天天气很好,我们去公园散步。").is_empty());
        assert!(ids("The weather was pleasant and we walked in the park.").is_empty());
        // Generic reform vocabulary alone is not a topic.
        assert!(
            ids("深化改革创新,建设新时代改革开放新高地").is_empty(),
            "{:?}",
            assign("深化改革创新,建设新时代改革开放新高地")
        );
        assert!(ids("Institutional innovation and reform achieved remarkable results.").is_empty());
    }

    #[test]
    fn latin_keywords_respect_word_boundaries_and_plurals() {
        assert_eq!(assign("two talents joined"), [(index("talent"), "talent")]);
        assert_eq!(assign("Talent is scarce"), [(index("talent"), "talent")]);
        assert!(ids("we support the plan").is_empty(), "port inside support");
        assert!(ids("the bankruptcy court").contains(&"law"));
        assert!(
            !ids("the bankruptcy court").contains(&"finance"),
            "bank inside bankruptcy"
        );
        assert!(ids("several ports and airports").contains(&"logistics"));
        assert!(ids("R&D centres").contains(&"innovation"));
        assert!(ids("推进５Ｇ应用").contains(&"digital"), "full-width 5G");
    }

    #[test]
    fn the_first_keyword_in_list_order_explains_the_assignment() {
        let got = assign("加快区块链、大数据技术在生产制造中的应用");
        let digital = got.iter().find(|(i, _)| *i == index("digital")).unwrap();
        assert_eq!(digital.1, "区块链");
        // Taxonomy order.
        let order: Vec<usize> = got.iter().map(|(i, _)| *i).collect();
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(order, sorted);
    }

    /// The 004 seed's measures: the one about 区块链 gets the digital economy, the one about
    /// 通关 trade facilitation (annotations stripped, as callers should).
    #[test]
    fn hubei_measures_get_their_topics() {
        let text = include_str!("../../seeds/004_dac77278a024235c.txt");
        let measure = |start: &str| {
            let mut line = text
                .lines()
                .find(|l| l.starts_with(start))
                .unwrap()
                .to_string();
            while let Some(open) = line.find("(牵头单位") {
                let close = open + line[open..].find(')').unwrap();
                line.replace_range(open..=close, "");
            }
            line
        };
        let blockchain = measure("28.");
        assert!(blockchain.contains("区块链"));
        let got = ids(&blockchain);
        assert!(
            got.contains(&"digital") && got.contains(&"trade"),
            "{got:?}"
        );
        let customs = measure("30.");
        assert!(customs.contains("通关"));
        assert!(ids(&customs).contains(&"trade"));
        assert!(ids(&measure("8.")).contains(&"digital"));
        assert!(ids(&measure("27.")).contains(&"law"));
        assert!(ids(&measure("37.")).contains(&"finance"));
        assert!(ids(&measure("56.")).contains(&"talent"));
        assert!(ids(&measure("60.")).contains(&"logistics"));
        assert!(ids(&measure("43.")).contains(&"green"));
    }
}
