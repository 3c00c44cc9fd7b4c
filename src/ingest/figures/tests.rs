use super::*;

fn one(text: &str) -> Found {
    let found = extract(text);
    assert_eq!(found.len(), 1, "{text:?} → {found:#?}");
    found.into_iter().next().unwrap()
}

fn spans(text: &str) -> Vec<&str> {
    extract(text)
        .iter()
        .map(|f| &text[f.span.0..f.span.1])
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn chinese_money_with_scale() {
    let f = one("节省资金2.13亿元。");
    assert!(close(f.value, 2.13e8), "{f:?}");
    assert_eq!((f.unit.as_str(), f.scale.as_deref()), ("yuan", Some("亿")));
    assert_eq!(f.kind, FigureKind::Money);
    assert_eq!(f.direction, Some(Direction::Down));
}

#[test]
fn chinese_count_with_wan() {
    let text = "吸引1.5万家企业入驻";
    let f = one(text);
    assert_eq!((f.value, f.unit.as_str()), (15000.0, "enterprise"));
    assert_eq!(&text[f.span.0..f.span.1], "1.5万家企业");
    assert_eq!(f.kind, FigureKind::Count);
}

#[test]
fn chinese_change_words() {
    let f = one("进出口总额同比增长12.3%，");
    assert_eq!(
        (f.kind, f.direction, f.unit.as_str()),
        (FigureKind::RateOfChange, Some(Direction::Up), "%")
    );
    let f = one("占比提高2个百分点");
    assert_eq!((f.value, f.unit.as_str()), (2.0, "pp"));
    assert_eq!(
        (f.kind, f.direction),
        (FigureKind::RateOfChange, Some(Direction::Up))
    );
    let f = one("办理时限缩短至3个工作日");
    assert_eq!(
        (f.value, f.unit.as_str(), f.kind),
        (3.0, "working_day", FigureKind::Duration)
    );
    assert_eq!(f.direction, Some(Direction::Down));
    let f = one("税率下降5%");
    assert_eq!(
        (f.kind, f.direction),
        (FigureKind::RateOfChange, Some(Direction::Down))
    );
}

#[test]
fn chinese_counts_and_numerals() {
    let f = one("制定68条措施");
    assert_eq!(
        (f.value, f.unit.as_str(), f.kind),
        (68.0, "measure", FigureKind::Count)
    );
    let f = one("形成三十五项制度创新成果");
    assert_eq!((f.value, f.unit.as_str()), (35.0, "item"));
    let f = one("二十三家企业");
    assert_eq!((f.value, f.unit.as_str()), (23.0, "enterprise"));
    let found = extract("自获利年度起5年内减按15%的税率");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!((found[0].value, found[0].unit.as_str()), (5.0, "year"));
    assert_eq!(found[0].kind, FigureKind::Duration);
    assert_eq!(
        (found[1].kind, found[1].direction),
        (FigureKind::Percent, None)
    );
}

#[test]
fn chinese_words_that_are_not_figures() {
    for text in [
        "建立权威、统一、可查询的市场主体信用记录",
        "推广一批示范效应好的应用场景",
        "打造一流营商环境",
        "推动武汉申报第二批国家特色服务出口基地",
        "第三批自贸试验区",
        "一、进一步发展高端产业",
        "（一）总体要求",
        "“十四五”规划",
        "一事一议、一企一评",
    ] {
        assert_eq!(extract(text), vec![], "{text}");
    }
}

#[test]
fn dates_document_numbers_and_markers_are_not_figures() {
    for text in [
        "2021年1月21日",
        "日期:2021-02-08",
        "国办发〔2022〕35号",
        "鄂政办发〔2021〕5号",
        "(牵头单位:省自贸办)",
        "1.聚焦自贸试验区新一代信息技术",
        "41加快建设武汉东湖科技保险创新示范区",
        "推动各项措施于2023年年底前完成",
        "Case 3: \"Qianhai Warehouse Receipt\" Mode",
        "2022 - Dec -06 10:20:00 Article Source:",
        "Ji Zhengfa (2021) No. 16 (hereinafter referred to as",
        "Guofa (2020) No. 7",
        "In July 2020, The State Council issued",
        "At a press conference on September 2, he said",
        "On August 13, 2021, the opinions were adopted",
        "the free trade area of hubei province in 2021",
        "Add: No. 3855 Renmin Street, Changchun, Jilin Province Zip Code: 130021",
        "Tel: 0431-85677437 |sitemap",
        "ICP No. 05001602 -1",
        "联系电话:027-53080000 电子邮箱:gdgwh126@126.com",
        "备案号:鄂ICP备2022014517号-2   鄂公网安备 42070302000097号",
        "支持5G通信、IPv6规模部署和3C免办",
        "the 3rd batch and the sixth batch",
        "1. Drafting background and process",
        "2022-06-01 0 By",
    ] {
        assert_eq!(spans(text), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn english_money_and_scales() {
    let f = one("to obtain loans of 1.161 billion yuan.");
    assert!(close(f.value, 1.161e9));
    assert_eq!(
        (f.unit.as_str(), f.scale.as_deref(), f.kind),
        ("yuan", Some("billion"), FigureKind::Money)
    );
    let text = "raised US$2.5 billion in";
    let f = one(text);
    assert_eq!(&text[f.span.0..f.span.1], "US$2.5 billion");
    assert_eq!((f.unit.as_str(), f.kind), ("usd", FigureKind::Money));
    assert!(close(f.value, 2.5e9));
    let f = one("worth 2.5 billion US dollars");
    assert_eq!((f.unit.as_str(), f.kind), ("usd", FigureKind::Money));
    let f = one("worth 2.5 billion U.S. dollars. Next");
    assert_eq!(f.unit, "usd");
}

#[test]
fn english_changes_and_shares() {
    let text = "opened 879 trains, an increase of 41.5% year-on-year, with 7.2 billion yuan.";
    let found = extract(text);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!(
        (found[0].value, found[0].unit.as_str(), found[0].kind),
        (879.0, "train", FigureKind::Count)
    );
    assert_eq!(found[0].direction, None);
    assert_eq!(
        (found[1].kind, found[1].direction),
        (FigureKind::RateOfChange, Some(Direction::Up))
    );
    let f = one("accounting for only 40% of the total");
    assert_eq!((f.kind, f.direction), (FigureKind::Percent, None));
    let f = one("shortening customs clearance time by 80%");
    assert_eq!(
        (f.kind, f.direction),
        (FigureKind::RateOfChange, Some(Direction::Down))
    );
    let f = one("rose by 2 percentage points");
    assert_eq!((f.unit.as_str(), f.kind), ("pp", FigureKind::RateOfChange));
}

#[test]
fn english_durations() {
    let text = "has been reduced from 11 working days to half a day;";
    let found = extract(text);
    assert_eq!(spans(text), ["11 working days", "half a day"]);
    assert_eq!(
        (found[0].value, found[0].unit.as_str()),
        (11.0, "working_day")
    );
    assert_eq!((found[1].value, found[1].unit.as_str()), (0.5, "day"));
    assert!(found
        .iter()
        .all(|f| f.direction == Some(Direction::Down) && f.kind == FigureKind::Duration));
    let f = one("tested for at least half a year");
    assert_eq!((f.value, f.unit.as_str()), (0.5, "year"));
    let f = one("a 144-hour visa-free transit policy");
    assert_eq!((f.value, f.unit.as_str()), (144.0, "hour"));
}

#[test]
fn bare_counts_and_separators() {
    let f = one("the number of entities reached 31,559, and more");
    assert_eq!(
        (f.value, f.unit.as_str(), f.kind),
        (31559.0, "", FigureKind::Count)
    );
    let f = one("a total of about 1,200 powers");
    assert_eq!(f.value, 1200.0);
}

#[test]
fn sentences_split_without_spaces() {
    let text = "It was promoted in the province.On February 13, 18 experiences were approved.";
    let f = one(text);
    assert_eq!(
        &text[f.sentence.0..f.sentence.1],
        "On February 13, 18 experiences were approved."
    );
}

#[test]
fn odd_inputs_never_panic() {
    let long = "9".repeat(500);
    let long_scaled = format!("{long}万亿元");
    let odd = [
        "",
        "1",
        "1.",
        "，，",
        "亿",
        "万亿元",
        "half",
        "half a",
        "US$",
        "$",
        "1,",
        "1,2",
        ".5",
        "第",
        "一",
        "十四五",
        "0",
        "１２３４５６７８９０",
        "1e400",
        "9.9.9",
        "-",
        "–1",
        "：1",
        long.as_str(),
        long_scaled.as_str(),
        "1 billion billion",
        "\u{3000}1\n2\n",
        "a1b2",
    ];
    for text in odd {
        for f in extract(text) {
            assert!(f.value.is_finite(), "{text:?}: {f:?}");
            assert!(text.get(f.span.0..f.span.1).is_some());
            assert!(text.get(f.sentence.0..f.sentence.1).is_some());
        }
    }
}

#[test]
fn low_end_of_a_range_shares_the_unit() {
    let text = "reduced from the past 5-7 days to 2 days";
    assert_eq!(spans(text), ["5", "7 days", "2 days"]);
    let found = extract(text);
    assert!(found
        .iter()
        .all(|f| f.unit == "day" && f.direction == Some(Direction::Down)));
    let found = extract("投资1至2亿元");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(close(found[0].value, 1e8) && found[0].unit == "yuan");
    assert!(extract("building 1-2 leading clusters")
        .iter()
        .all(|f| f.unit.is_empty()));
}

#[test]
fn currency_signs_and_full_width_digits() {
    let f = one("a fund of RMB 3 billion");
    assert_eq!((f.unit.as_str(), f.kind), ("yuan", FigureKind::Money));
    assert!(close(f.value, 3e9));
    let f = one("投资１２０万元");
    assert!(close(f.value, 1.2e6) && f.unit == "yuan");
    let f = one("吞吐量达到3.5万标箱");
    assert_eq!((f.unit.as_str(), f.kind), ("teu", FigureKind::Quantity));
    let f = one("面积119.99平方公里");
    assert_eq!((f.value, f.unit.as_str()), (119.99, "km2"));
}
