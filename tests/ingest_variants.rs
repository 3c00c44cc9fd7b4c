//! Small documents written for the variants the seeds do not show: other encodings, other
//! numbering styles, annotation variants, boilerplate-only pages, numbering gaps.

use ftz_explorer::ingest::{self, Source};
use ftz_explorer::model::{Bundle, DateSource, ItemKind, Role};

fn one(name: &str, bytes: Vec<u8>) -> Bundle {
    ingest::ingest(&[Source {
        name: name.into(),
        bytes,
    }])
    .unwrap()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

const PROVINCE_NOTICE: &str = "\
广东省人民政府关于印发进一步深化中国(广东)自由贸易试验区改革开放方案的通知\r\n\
粤府〔2022〕35号\r\n\
各地级以上市人民政府,省政府各部门:\r\n\
现将方案印发给你们,请认真贯彻执行。\r\n\
二〇二二年五月十日\r\n\
一、主要任务\r\n\
（一）深化投资领域改革。全面落实外商投资准入前国民待遇加负面清单管理制度。（牵头单位：省商务厅；配合单位：省发展改革委，海关总署广东分署）\r\n\
（二）提升贸易便利化水平。推进国际贸易“单一窗口”建设，通关时间压缩30%。（责任单位：广州海关、深圳海关）\r\n\
二、保障措施\r\n\
（一）加强组织领导。（牵头单位：省自贸办（省商务厅）；协办单位：各片区管委会）\r\n\
版权所有：广东省人民政府办公厅  粤ICP备05070829号\r\n";

#[test]
fn a_gb18030_notice_with_paren_numbering_and_full_width_annotations() {
    let (bytes, _, _) = encoding_rs::GB18030.encode(PROVINCE_NOTICE);
    let bundle = one("guangdong.txt", bytes.into_owned());
    let doc = &bundle.documents[0];
    assert_eq!(doc.encoding, "gb18030");
    assert!(!doc.text.contains('\r'), "CRLF is normalised");
    let sections: Vec<u32> = doc
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Section)
        .filter_map(|i| i.number)
        .collect();
    assert_eq!(sections, [1, 2]);
    let measures: Vec<u32> = doc
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Measure)
        .filter_map(|i| i.number)
        .collect();
    assert_eq!(
        measures,
        [1, 2, 1],
        "（一） restarts under a new section without a warning"
    );
    assert!(
        bundle
            .warnings
            .iter()
            .all(|w| !w.message.contains("numbering")),
        "{:?}",
        bundle.warnings
    );
    let measure = |n: usize| {
        doc.items
            .iter()
            .filter(|i| i.kind == ItemKind::Measure)
            .nth(n)
            .unwrap()
    };
    let name = |i: u32| bundle.agencies[i as usize].zh.clone();
    assert_eq!(
        measure(0).units(Role::Support).len(),
        2,
        "full-width comma separates units"
    );
    assert!(
        measure(1).units(Role::Lead).is_empty(),
        "责任单位 alone names no lead"
    );
    assert_eq!(measure(1).units(Role::Support).len(), 2);
    let nested: Vec<String> = measure(2).units(Role::Lead).into_iter().map(name).collect();
    assert_eq!(
        nested.len(),
        1,
        "nested parentheses stay inside one unit name: {nested:?}"
    );
    assert_eq!(doc.doc_numbers[0].text, "粤府〔2022〕35号");
    assert_eq!(doc.date.value.as_deref(), Some("2022-05-10"));
    assert_eq!(doc.date.source, DateSource::Signed);
    assert!(doc
        .items
        .iter()
        .any(|i| i.kind == ItemKind::Boilerplate && doc.item_text(i).contains("ICP")));
    // "压缩30%" is a figure; the document number and the date are not.
    let values: Vec<f64> = doc.figures.iter().map(|f| f.value).collect();
    assert!(values.contains(&30.0), "{values:?}");
    assert!(
        !values.contains(&2022.0) && !values.contains(&35.0),
        "{values:?}"
    );
}

#[test]
fn a_utf16_regulation_with_chapters_and_articles() {
    let text = "自由贸易试验区条例\n第一章 总则\n第一条 为了推进自由贸易试验区建设,制定本条例。\n第二条 本条例适用于试验区。\n第二章 投资开放\n第四条 实行负面清单管理。\n";
    let bundle = one("regulation.txt", utf16le_with_bom(text));
    let doc = &bundle.documents[0];
    assert_eq!(doc.encoding, "UTF-16LE");
    assert_eq!(doc.text, text);
    let sections: Vec<&str> = doc
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Section)
        .filter_map(|i| i.label.as_deref())
        .collect();
    assert!(sections.starts_with(&["第一章"]), "{sections:?}");
    // 第三条 is missing: reported, not fixed.
    assert!(
        bundle
            .warnings
            .iter()
            .any(|w| w.message.contains("jumps from 2 to 4")),
        "{:?}",
        bundle.warnings
    );
}

#[test]
fn an_english_list_of_experiences_with_roman_sections_and_ordinal_points() {
    let text = "State Council notice on replicable experiences of pilot free trade zones\n\
        Released: 2019-04-30\n\
        I. Investment facilitation\n\
        First, the negative list was shortened. Second, approval time fell by 50%. Third, 1,200 enterprises registered online.\n\
        II. Trade facilitation\n\
        Customs clearance time was reduced from 11 working days to half a day.\n";
    let bundle = one("experiences.txt", text.as_bytes().to_vec());
    let doc = &bundle.documents[0];
    assert_eq!(doc.date.value.as_deref(), Some("2019-04-30"));
    let points: Vec<(u32, &str)> = doc
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Measure)
        .map(|i| (i.number.unwrap(), doc.item_text(i)))
        .collect();
    assert_eq!(points.len(), 3, "{points:?}");
    assert!(points[1].1.starts_with("Second,") && points[1].1.ends_with("50%."));
    let sections: Vec<u32> = doc
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Section)
        .filter_map(|i| i.number)
        .collect();
    assert_eq!(sections, [1, 2]);
    let topics: Vec<&str> = doc.items[points_index(doc)]
        .topics
        .iter()
        .map(|&t| bundle.topics[t as usize].en.as_str())
        .collect();
    assert!(!topics.is_empty());
}

fn points_index(doc: &ftz_explorer::model::Document) -> usize {
    doc.items
        .iter()
        .position(|i| i.kind == ItemKind::Measure)
        .unwrap()
}

#[test]
fn a_page_of_only_site_chrome_keeps_every_line_marked() {
    let text = "首页 | 政务公开 | 政策解读 | 互动交流\n当前位置:首页 > 政策解读\n版权所有:某某省人民政府\n";
    let bundle = one("chrome.txt", text.as_bytes().to_vec());
    let doc = &bundle.documents[0];
    assert_eq!(doc.items.len(), 3);
    assert!(doc.items.iter().all(|i| i.kind == ItemKind::Boilerplate));
}

#[test]
fn unreadable_files_stop_ingest_naming_the_file() {
    for (bytes, why) in [
        (vec![], "empty"),
        (vec![0u8, 159, 146, 150, 0, 1, 2, 3], "binary"),
        (b" \n ".to_vec(), "whitespace"),
    ] {
        let err = ingest::ingest(&[Source {
            name: "bad.txt".into(),
            bytes,
        }])
        .unwrap_err();
        assert_eq!(err.file, "bad.txt");
        assert!(
            err.reason.contains(why) || err.reason.contains("not valid"),
            "{}",
            err.reason
        );
    }
}

/// A municipal plan in the style of the provincial and city sites: a scope stated once for
/// the whole document, one on a heading, units the lexicon does not list (named by their
/// level), and a measure with a scope of its own.
const CITY_PLAN: &str = "\
十堰市进一步优化营商环境若干措施\n\
适用范围：中国（湖北）自由贸易试验区武汉片区\n\
一、政务服务\n\
（一）推行“一网通办”。实现企业开办全程网上办理。（牵头单位：十堰市行政审批局；配合单位：市大数据局、郧阳区人民政府）\n\
（二）压缩审批时限。审批时限压缩至5个工作日。（牵头单位：省自然资源厅；适用范围：中国（湖北）自由贸易试验区襄阳片区）\n\
二、跨境贸易（适用范围：中国（湖北）自由贸易试验区宜昌片区）\n\
（一）提升通关效率。推行“提前申报”。（牵头单位：宜昌片区管委会）\n";

#[test]
fn scopes_stated_once_and_units_named_by_their_level() {
    let bundle = one("shiyan.txt", CITY_PLAN.as_bytes().to_vec());
    let doc = &bundle.documents[0];
    let measures: Vec<_> = doc
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Measure)
        .collect();
    assert_eq!(measures.len(), 3);
    let regions = |item: &ftz_explorer::model::Item| -> Vec<String> {
        item.regions
            .iter()
            .map(|&r| bundle.regions[r as usize].zh.clone())
            .collect()
    };
    let has = |item, area: &str| regions(item).iter().any(|r| r.contains(area));
    // The document's scope, the measure's own, the heading's.
    assert!(has(measures[0], "武汉"), "{:?}", regions(measures[0]));
    assert!(has(measures[1], "襄阳") && !has(measures[1], "武汉"));
    assert!(has(measures[2], "宜昌") && !has(measures[2], "武汉"));
    let kind_of = |zh: &str| {
        bundle
            .agencies
            .iter()
            .find(|a| a.zh == zh)
            .map(|a| a.kind.as_str())
            .unwrap_or_else(|| panic!("{zh} not among {:?}", bundle.agencies))
    };
    assert_eq!(kind_of("十堰市行政审批局"), "municipal");
    assert_eq!(kind_of("市大数据局"), "municipal");
    assert_eq!(kind_of("郧阳区人民政府"), "county");
    assert_eq!(kind_of("宜昌片区管委会"), "ftz");
    // One warning per unlisted unit, saying its level.
    let warned: Vec<&str> = bundle
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .filter(|m| m.contains("not in the lexicon"))
        .collect();
    assert!(
        warned
            .iter()
            .any(|m| m.starts_with("municipal agency") && m.ends_with("市大数据局")),
        "{warned:?}"
    );
}
