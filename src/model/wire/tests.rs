use crate::ingest::{ingest, Source};
use crate::model::{Bundle, BundleError};
use serde_json::Value;

fn bundle(text: &str) -> Bundle {
    let source = Source {
        name: "a.txt".into(),
        bytes: text.as_bytes().to_vec(),
    };
    ingest(&[source]).expect("ingests")
}

fn figure_rows(json: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(json).unwrap();
    v["documents"][0]["figures"].as_array().unwrap().clone()
}

/// A range's upper bound is the 11th field, after `scale`; other rows keep their length.
#[test]
fn upper_bounds_are_appended_and_read_back() {
    let b = bundle("关于试点的通知\n\n力争三到五年时间内完成，投资1000万—5000万元，共3天。\n");
    let json = b.to_json();
    let rows = figure_rows(&json);
    let lens: Vec<usize> = rows.iter().map(|r| r.as_array().unwrap().len()).collect();
    assert_eq!(lens, [11, 11, 8], "{rows:?}");
    assert_eq!(rows[0][9], Value::Null);
    assert_eq!(rows[0][10].as_f64(), Some(5.0));
    assert_eq!(
        (rows[1][9].as_str(), rows[1][10].as_f64()),
        (Some("万"), Some(5e7))
    );
    let back = Bundle::from_json(&json).expect("valid");
    assert_eq!(back, b);
    let uppers: Vec<Option<f64>> = back.documents[0].figures.iter().map(|f| f.upper).collect();
    assert_eq!(uppers, [Some(5.0), Some(5e7), None]);
}

#[test]
fn an_upper_bound_below_the_value_is_refused() {
    let mut b = bundle("关于试点的通知\n\n力争三到五年时间内完成。\n");
    b.documents[0].figures[0].upper = Some(2.0);
    assert!(matches!(
        Bundle::from_json(&b.to_json()),
        Err(BundleError::Invalid(_))
    ));
}
