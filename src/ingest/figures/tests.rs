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
        // gov.cn 国发〔2004〕18号: ○ for 〇 — not "四年" (four years)
        "（二○○四年六月十六日国务院第五十四次常务会议通过）",
        "一九九六年六月二十九日",
        "２０１９年１月２７日",
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
fn a_range_is_one_figure_with_two_bounds() {
    let text = "reduced from the past 5-7 days to 2 days";
    assert_eq!(spans(text), ["5-7 days", "2 days"]);
    let found = extract(text);
    assert_eq!((found[0].value, found[0].upper), (5.0, Some(7.0)));
    assert!(found
        .iter()
        .all(|f| f.unit == "day" && f.direction == Some(Direction::Down)));
    assert_eq!(found[1].upper, None);
    let f = one("投资1至2亿元");
    assert!(close(f.value, 1e8) && close(f.upper.unwrap(), 2e8) && f.unit == "yuan");
    assert_eq!(f.scale.as_deref(), Some("亿"));
    let f = one("building 1-2 leading clusters");
    assert_eq!((f.value, f.upper, f.unit.as_str()), (1.0, Some(2.0), ""));
}

/// Ranges as the State Council writes them: em dash, tilde, 至, 到, percentages and
/// scales on both ends.
#[test]
fn chinese_ranges() {
    fn range(text: &str) -> (&str, f64, Option<f64>, String, FigureKind) {
        let f = one(text);
        (&text[f.span.0..f.span.1], f.value, f.upper, f.unit, f.kind)
    }
    // gov.cn 国发〔2019〕4号 (国家职业教育改革实施方案)
    assert_eq!(
        range("经过5—10年左右时间，职业教育基本完成由政府举办为主向政府统筹管理"),
        (
            "5—10年",
            5.0,
            Some(10.0),
            "year".into(),
            FigureKind::Duration
        )
    );
    // gov.cn 国发〔2019〕5号
    assert_eq!(
        range("力争三到五年时间内，市场监管领域新型监管机制更加完善"),
        (
            "三到五年",
            3.0,
            Some(5.0),
            "year".into(),
            FigureKind::Duration
        )
    );
    // gov.cn 国办发〔2019〕2号
    assert_eq!(
        range("按照试点地区所有公立医疗机构年度药品总用量的60%—70%估算采购总量"),
        ("60%—70%", 60.0, Some(70.0), "%".into(), FigureKind::Percent)
    );
    // gov.cn 国发〔2018〕39号
    assert_eq!(
        range("组织失业青年参加3—12个月的就业见习"),
        (
            "3—12个月",
            3.0,
            Some(12.0),
            "month".into(),
            FigureKind::Duration
        )
    );
    assert_eq!(range("由离校未就业高校毕业生扩展至16—24岁失业青年").1, 16.0);
    // gov.cn 国办函〔2004〕80号: a hyphen between plain numbers, with a unit after them
    let text =
        "位于长江南岸海拔高程480-560米左右的岩溶山区，距江边水平距离700-800米，东距巴东县城18公里";
    assert_eq!(spans(text), ["480-560米", "700-800米", "18公里"]);
    assert_eq!(extract(text)[0].upper, Some(560.0));
    assert_eq!(range("延伸长度一般为0.5-2米。").2, Some(2.0));
    // our own
    assert_eq!(range("期限为3至5年").2, Some(5.0));
    assert_eq!(range("3～5个工作日").3, "working_day");
    assert_eq!(range("税率为10%—15%").2, Some(15.0));
    let f = one("补助1000万—5000万元");
    assert!(close(f.value, 1e7) && close(f.upper.unwrap(), 5e7), "{f:?}");
    assert_eq!((f.unit.as_str(), f.scale.as_deref()), ("yuan", Some("万")));
}

#[test]
fn what_is_not_a_range() {
    // Plan names with years (gov.cn 国办发〔2018〕118号) and years on both ends.
    assert_eq!(
        extract("和《法治政府建设实施纲要（2015—2020年）》对全面推行行政执法公示制度"),
        vec![]
    );
    // A magnitude range ending in a rank word (gov.cn 国办发〔1997〕2号): 级 is no unit.
    assert_eq!(extract("近几年发生多次5―6级或6级以上地震"), vec![]);
    // Different units, or not increasing: the low end alone.
    assert_eq!(spans("3天至5%"), ["3天", "5%"]);
    assert_eq!(spans("由5%至3%"), ["5%", "3%"]);
    assert!(extract("3天至5%").iter().all(|f| f.upper.is_none()));
    // Phone numbers and dates stay codes.
    assert_eq!(extract("联系电话:027-53080000"), vec![]);
    assert_eq!(extract("日期:2021-02-08"), vec![]);
    assert_eq!(extract("1至3月"), vec![]);
}

#[test]
fn chinese_units_of_measure_and_counts() {
    let unit = |text: &str, written: &str| {
        let f = one(text);
        assert_eq!(&text[f.span.0..f.span.1], written, "{text}");
        (f.unit, f.kind)
    };
    let q = |code: &str| (code.to_string(), FigureKind::Quantity);
    let c = |code: &str| (code.to_string(), FigureKind::Count);
    // gov.cn 国办发〔2004〕7号
    assert_eq!(
        unit("山西、安徽省四起特大煤矿瓦斯爆炸事故调查处理情况", "四起"),
        c("incident")
    );
    assert_eq!(
        unit(
            "8月11日至18日，山西省连续发生3起特大煤矿瓦斯爆炸事故",
            "3起"
        ),
        c("incident")
    );
    // gov.cn 国发〔2019〕4号
    assert_eq!(unit("建设50所高水平高等职业学校", "50所"), c("institution"));
    // gov.cn 国办发〔2018〕128号
    assert_eq!(unit("使用厚度低于0.01毫米的地膜", "0.01毫米"), q("mm"));
    // gov.cn 国办函〔2004〕80号
    assert_eq!(unit("其与三峡水库135米水位蓄水的时间", "135米"), q("m"));
    // gov.cn 国办函〔2005〕57号
    assert_eq!(unit("储备粮数量在5亿公斤以下的", "5亿公斤"), q("kg"));
    // gov.cn 国发〔2018〕41号
    assert_eq!(unit("赡养人是指年满60岁的父母", "60岁"), q("age"));
    // gov.cn 国办函〔2004〕57号
    assert_eq!(
        unit("对非居民用电每千瓦时加价2分钱", "2分钱"),
        ("fen".to_string(), FigureKind::Money)
    );
    assert_eq!(unit("2004年预计国产大型柴油机94台", "94台"), c("machine"));
    assert_eq!(unit("年设计制造能力为40根", "40根"), c("piece"));
    // gov.cn 国办发〔1996〕25号: 多 between the number and its unit
    assert_eq!(
        unit("抗日战争胜利50多年来", "50多年"),
        ("year".into(), FigureKind::Duration)
    );
    // gov.cn 国办函〔2004〕25号
    assert_eq!(unit("成功预警16处滑坡", "16处"), c("place"));
    // gov.cn 国办发〔2019〕2号
    assert_eq!(
        unit(
            "北京、天津、上海、重庆和沈阳、大连、厦门、广州、深圳、成都、西安11个城市",
            "11个城市"
        ),
        c("city")
    );
    // gov.cn 国办发〔2019〕4号
    assert_eq!(unit("其中15个指标自动生成", "15个指标"), c("indicator"));
    // our own
    assert_eq!(unit("新增装机10万千瓦", "10万千瓦"), q("kw"));
    assert_eq!(unit("年发电量3亿千瓦时", "3亿千瓦时"), q("kwh"));
    assert_eq!(unit("面积2.5平方千米", "2.5平方千米"), q("km2"));
    assert_eq!(unit("库容300立方米", "300立方米"), q("m3"));
    assert_eq!(unit("宽20厘米", "20厘米"), q("cm"));
    assert_eq!(unit("全长12千米", "12千米"), q("km"));
    assert_eq!(unit("接待游客200万人次", "200万人次"), c("person_time"));
    assert_eq!(unit("更新公交车500辆", "500辆"), c("vehicle"));
    assert_eq!(unit("保障航班120架次", "120架次"), c("flight"));
    assert_eq!(unit("抽检3批次", "3批次"), c("batch"));
    assert_eq!(unit("a 2.5 kg bag", "2.5 kg"), q("kg"));
    assert_eq!(unit("children 3 years old", "3 years old"), q("age"));
}

#[test]
fn chinese_units_that_start_words() {
    for text in [
        // gov.cn 国办发〔2018〕108号: place names
        "29.吉林省长春市九台区全力打造全国秸秆综合利用新样板",
        "34.黑龙江省七台河市构建新型“碳”产业",
        // our own: 根据, 处理, 所有, 起草
        "41根据有关规定",
        "（3）处理意见",
    ] {
        assert_eq!(extract(text), vec![], "{text}");
    }
    assert_eq!(spans("对3所有关高校"), ["3"]);
    assert_eq!(spans("印发5起草说明"), ["5"]);
}

#[test]
fn names_labels_and_formulas_are_not_figures() {
    for text in [
        // gov.cn 国发〔2019〕4号: a scheme name
        "启动1+X证书制度试点工作",
        // gov.cn 国办发〔2018〕108号
        "陕西省西安市建立完善“1+N”社会救助体系",
        "推行压缩企业开办时间“513模式”，全面优化营商环境",
        "全面推行“三项制度”，对促进严格规范公正文明执法具有基础性作用",
        "探索“三项试点”，统筹",
        // gov.cn 国办发〔2004〕7号: event names
        "又相继发生了广东连州市“12·21”特大道路交通事故、中石油川东北气矿“12·23”特大井喷事故",
        // gov.cn 国办发〔2018〕114号
        "如“京·12345应急”表示车辆",
        "图1\u{3000}汽车号牌编码规则",
        // gov.cn 国函〔2006〕132号
        "总用地面积为（具体以界址点坐标控制，详见附件1）。",
        "附件1.深圳湾口岸港方口岸区的查验区界址点坐标",
        "\u{3000}\u{3000}注：1、坐标系统为深圳独立坐标系统",
        " 与红线交点1  A2",
        // gov.cn 国办函〔2004〕80号
        "附件：1.国土资源部关于湖北省巴东县地质灾害险情的报告\n\u{a0}\u{a0}\u{a0}\u{a0}2.湖北省巴东县",
        // gov.cn 国办发〔2019〕4号: formulas
        "计算方法：医院药师总人数/医院实际开放床位数×100",
        "计算方法：门诊收入/医疗收入×100%",
        "计算方法：年总能耗支出/年总收入×10000",
        // gov.cn 国办发〔2019〕3号: a standard
        "《城市居住区规划设计标准》（GB 50180）",
        // gov.cn 国办发〔2018〕128号: 二次 is "secondary"
        "预防二次污染，防控环境风险",
        // gov.cn (政协提案答复): sessions
        "国务院办公厅对全国政协十届四次会议第4626号提案的答复",
        "对十届全国人大四次会议第7246号建议的答复",
        "在第二十四届冬奥会期间",
        "依照本条例第3条和第十二条的规定",
        "表2 各地区指标",
        "支持4G、5G网络建设",
    ] {
        assert_eq!(spans(text), Vec::<&str>::new(), "{text}");
    }
    // A size is not a formula (gov.cn 国办发〔2018〕114号).
    assert_eq!(
        spans("汽车号牌规格为480毫米×140毫米"),
        ["480毫米", "140毫米"]
    );
    // Counts of sessions and representatives stay figures.
    assert_eq!(spans("每年召开两次会议"), ["两次"]);
    assert_eq!(spans("选出代表3人"), ["3人"]);
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
