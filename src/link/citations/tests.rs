use super::found::{bracketed, english_titles};
use super::*;

#[test]
fn titles_in_brackets_and_in_english() {
    assert_eq!(
        bracketed("根据《中华人民共和国外商投资法》和《关于印发〈X〉的通知》"),
        vec![(6, "中华人民共和国外商投资法"), (51, "关于印发〈X〉的通知")]
    );
    let line = "According to the Notice of the State Council on Issuing the Overall Plan for the China (Hubei) Pilot Free Trade Zone, the province will";
    let found = english_titles(line);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].1,
        "Notice of the State Council on Issuing the Overall Plan for the China (Hubei) Pilot Free Trade Zone"
    );
    let quoted = "The relevant policies of the \"Implementation Opinions on Accelerating the Promotion of High-quality Development\" are (the \"Implementation Opinions\")";
    let found = english_titles(quoted);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0]
        .1
        .starts_with("Implementation Opinions on Accelerating"));
    assert!(english_titles("the notice on the plan of the province").is_empty());
}

#[test]
fn a_notice_answers_to_what_it_issues() {
    let mut doc = crate::model::Document {
        id: "d".into(),
        file: "d.txt".into(),
        title: "国务院关于印发《国务院工作规则》的通知".into(),
        lang: Lang::Zh,
        encoding: "utf-8".into(),
        date: crate::model::DocDate::unknown(),
        published: None,
        source: None,
        doc_numbers: vec![],
        cited_numbers: vec![],
        title_derived: false,
        regions: vec![],
        page: None,
        text: String::new(),
        deferred: None,
        items: vec![],
        figures: vec![],
    };
    let keys: Vec<String> = own_titles(&doc).iter().map(|t| title_key(t)).collect();
    assert!(keys.contains(&title_key("国务院工作规则")), "{keys:?}");
    assert!(
        keys.contains(&title_key("关于印发《国务院工作规则》的通知")),
        "{keys:?}"
    );
    doc.title = "Notice of the State Council on Issuing the Overall Plan for the China (Hubei) Pilot Free Trade Zone".into();
    let keys: Vec<String> = own_titles(&doc).iter().map(|t| title_key(t)).collect();
    assert!(keys.contains(&title_key(
        "the Overall Plan for the China (Hubei) Pilot Free Trade Zone"
    )));
}
