//! Small documents for every form of the tree; the real documents are in tests/.

use super::*;

fn kinds(text: &str) -> Vec<(ItemKind, Option<u8>, Option<u32>, String)> {
    let lang = crate::ingest::document::detect_lang(text);
    let s = structure(text, lang);
    s.items
        .iter()
        .map(|i| {
            let t = &text[i.span.start()..i.span.end()];
            (i.kind, i.level, i.parent, t.chars().take(6).collect())
        })
        .collect()
}

#[test]
fn four_levels_nest_and_the_finest_numbered_level_is_the_measure() {
    let text = "国务院关于推进改革的意见\n一、重点任务\n（一）完善体制。\n1.推进甲。\n2.推进乙。\n（二）加强监管。\n3.推进丙。\n（1）细化。\n（2）落实。\n二、保障措施\n加强组织领导。";
    let k = kinds(text);
    use ItemKind::*;
    let expect = [
        (Title, None, None, "国务院关于推"),
        (Section, Some(1), None, "一、重点任务"),
        (Section, Some(2), Some(1), "（一）完善体"),
        (Measure, None, Some(2), "1.推进甲。"),
        (Measure, None, Some(2), "2.推进乙。"),
        (Section, Some(2), Some(1), "（二）加强监"),
        (Section, Some(3), Some(5), "3.推进丙。"),
        (Measure, None, Some(6), "（1）细化。"),
        (Measure, None, Some(6), "（2）落实。"),
        (Section, Some(1), None, "二、保障措施"),
        (Paragraph, None, Some(9), "加强组织领导"),
    ];
    let got: Vec<_> = k
        .iter()
        .map(|(a, b, c, d)| (*a, *b, *c, d.as_str()))
        .collect();
    assert_eq!(got, expect);
}

#[test]
fn a_heading_style_measure_keeps_its_paragraphs() {
    let text = "关于监管的意见\n三、重点任务\n（一）统筹建设监管工作平台。\n各省要建设平台。\n部门信息互联互通。\n（二）实行清单管理。\n各部门要建立清单。（市场监管总局负责）";
    let s = structure(text, Lang::Zh);
    let measures: Vec<&str> = s
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Measure)
        .map(|i| &text[i.span.start()..i.span.end()])
        .collect();
    assert_eq!(
        measures,
        [
            "（一）统筹建设监管工作平台。\n各省要建设平台。\n部门信息互联互通。",
            "（二）实行清单管理。\n各部门要建立清单。（市场监管总局负责）"
        ]
    );
    assert!(s.items.iter().all(|i| i.kind != ItemKind::Paragraph));
}

#[test]
fn an_inline_measure_keeps_the_paragraphs_after_it_too() {
    let text = "关于就业的意见\n一、稳定就业\n（一）加大稳岗支持力度。对不裁员的企业，返还失业保险费。\n开展培训，提升技能。（人力资源社会保障部负责）\n二、保障措施\n加强组织领导，抓好落实。";
    let s = structure(text, Lang::Zh);
    let kinds: Vec<ItemKind> = s.items.iter().map(|i| i.kind).collect();
    use ItemKind::*;
    assert_eq!(kinds, [Title, Section, Measure, Section, Paragraph]);
    assert!(text[s.items[2].span.start()..s.items[2].span.end()].ends_with("负责）"));
}

#[test]
fn regulations_chapters_hold_articles_and_articles_their_clauses() {
    let text = "中华人民共和国某某法实施条例\n第一章　总则\n第一条　为了规范管理，制定本条例。\n第二条　下列所得应当纳税：\n（一）工资；\n（二）劳务报酬。\n第二章　附则\n第三条　本条例自公布之日起施行。";
    let s = structure(text, Lang::Zh);
    let got: Vec<(ItemKind, Option<u8>, Option<u32>)> = s
        .items
        .iter()
        .map(|i| (i.kind, i.level, i.parent))
        .collect();
    use ItemKind::*;
    assert_eq!(
        got,
        [
            (Title, None, None),
            (Section, Some(1), None),
            (Measure, None, Some(1)),
            (Measure, None, Some(1)),
            (Point, None, Some(3)),
            (Point, None, Some(3)),
            (Section, Some(1), None),
            (Measure, None, Some(6)),
        ]
    );
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
}

#[test]
fn preamble_points_are_not_measures() {
    let text = "关于发展产业的指导意见\n一、总体要求\n（一）指导思想。以新思想为指导。\n（二）基本原则。\n坚持问题导向。\n（三）发展目标。到2025年，总规模达到2万亿元。\n二、主要任务\n（四）大力发展职业赛事。着力发展足球。";
    let s = structure(text, Lang::Zh);
    let kinds: Vec<ItemKind> = s.items.iter().map(|i| i.kind).collect();
    use ItemKind::*;
    assert_eq!(
        kinds,
        [Title, Section, Point, Point, Point, Section, Measure]
    );
}

#[test]
fn metadata_lines_are_meta() {
    let text = "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见\n国发〔2019〕5号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n在市场监管领域全面推行监管，是重大决策部署。\n一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n国务院\n2019年1月27日\n（此件公开发布）";
    let k = kinds(text);
    let got: Vec<ItemKind> = k.iter().map(|k| k.0).collect();
    use ItemKind::*;
    assert_eq!(
        got,
        [Title, Meta, Meta, Paragraph, Section, Paragraph, Meta, Meta, Meta]
    );
}

#[test]
fn a_title_split_over_lines_is_one_title() {
    let text = "国务院办公厅关于加强\n三级公立医院绩效考核工作的意见\n国办发〔2019〕4号\n各省、自治区、直辖市人民政府：\n正文。";
    let s = structure(text, Lang::Zh);
    assert_eq!(
        s.title.as_deref(),
        Some("国务院办公厅关于加强三级公立医院绩效考核工作的意见")
    );
    assert_eq!(
        s.items.iter().filter(|i| i.kind == ItemKind::Title).count(),
        1
    );
}

#[test]
fn a_text_that_starts_with_content_has_no_title_line() {
    let text = "一、同意设立中国（湖北）自由贸易试验区。\n二、实施方案由湖北省人民政府组织实施。";
    let s = structure(text, Lang::Zh);
    assert_eq!(s.title, None);
    assert_eq!(s.items[0].kind, ItemKind::Measure);
}

#[test]
fn a_measure_whose_text_starts_with_digits() {
    let text = "关于人才的措施\n10.引进人才。\n11.121人才梯队项目。加快建设。\n12.完善服务。";
    let s = structure(text, Lang::Zh);
    let numbers: Vec<Option<u32>> = s
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Measure)
        .map(|i| i.number)
        .collect();
    assert_eq!(numbers, [Some(10), Some(11), Some(12)]);
    assert_eq!(s.warnings.len(), 1, "{:?}", s.warnings); // starts at 10
}

#[test]
fn table_cells_become_one_table() {
    let text = "关于考核的意见\n一、考核指标\n考核采用指标体系。\n一级指标\n二级指标\n三级指标\n指标性质\n医疗质量\n功能定位\n定量\n质量安全\n定性\n二、组织实施\n各地要加强领导。";
    let s = structure(text, Lang::Zh);
    let kinds: Vec<ItemKind> = s.items.iter().map(|i| i.kind).collect();
    use ItemKind::*;
    assert_eq!(
        kinds,
        [Title, Section, Paragraph, Table, Section, Paragraph]
    );
}

#[test]
fn mixed_styles_of_top_headings_in_a_translation() {
    let text = "Policy interpretation of the Opinions\n1. Drafting background and process\nThe Opinions were drafted.\nIi. Main contents\nFirst, we will optimise. Second, we will deepen.\nThird, features and highlights\nThey are many.";
    let s = structure(text, Lang::En);
    let sections: Vec<(Option<u8>, Option<u32>)> = s
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Section)
        .map(|i| (i.level, i.number))
        .collect();
    assert_eq!(
        sections,
        [(Some(1), Some(1)), (Some(1), Some(2)), (Some(1), Some(3))]
    );
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
}

#[test]
fn the_title_of_an_attached_text_broken_over_two_lines_is_one_heading() {
    let text = "省人民政府办公厅关于印发若干措施的通知\n现将《若干措施》印发给你们。\n2021年1月21日\n支持中国(湖北)自由贸易试验区\n深化改革创新若干措施\n一、发展高端产业\n1.建设平台。\n2.培育企业。";
    let s = structure(text, Lang::Zh);
    let sections: Vec<&str> = s
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Section)
        .map(|i| &text[i.span.start()..i.span.end()])
        .collect();
    assert_eq!(
        sections,
        [
            "支持中国(湖北)自由贸易试验区\n深化改革创新若干措施",
            "一、发展高端产业"
        ]
    );
    // A heading that is complete on its own keeps the next heading apart.
    let s = structure(
        "关于某事的通知\n正文一句。\n保障措施\n组织领导\n1.加强。",
        Lang::Zh,
    );
    let headings = s
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Section)
        .count();
    assert_eq!(headings, 2);
}
