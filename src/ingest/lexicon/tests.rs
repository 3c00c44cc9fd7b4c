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
    let text = include_str!("../../../seeds/004_dac77278a024235c.txt");
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
    let zh = include_str!("../../../seeds/004_dac77278a024235c.txt");
    let found = ids(zh);
    for id in [
        "ftz-hubei",
        "area-hubei-wuhan",
        "area-hubei-yichang",
        "agency-state-council",
    ] {
        assert!(found.contains(&id), "{id} not found in 004");
    }
    let en = include_str!("../../../seeds/001_e92ff3f780d3b4b6.txt");
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
