//! Chart statistics against brute force on the seeds, and chart specs as JSON.

use super::specs;
use super::stats::{self, Bar};
use super::Spec;
use crate::explore::explore;
use crate::explore::facets::{Catalog, Facet};
use crate::explore::state::State;
use crate::model::{Bundle, Role};
use crate::search::{bitset::BitSet, Index};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

fn seeds() -> (Bundle, Index, Catalog) {
    let bundle = Bundle::from_json(crate::seed_bundle_json()).unwrap();
    let index = Index::build(&bundle);
    let catalog = Catalog::build(&bundle, &index);
    (bundle, index, catalog)
}

/// A few result sets: everything, a query, a facet selection.
fn sets(bundle: &Bundle, index: &Index, catalog: &Catalog) -> Vec<BitSet> {
    [
        "",
        "?q=trade",
        "?kind=measure",
        "?q=%E6%B5%B7%E5%85%B3&region=hubei",
    ]
    .iter()
    .map(|q| {
        explore(
            bundle,
            index,
            catalog,
            &State::from_query(q),
            &BitSet::new(index.len()),
        )
        .filtered
    })
    .collect()
}

#[test]
fn tallies_and_matrix_match_brute_force() {
    let (bundle, index, catalog) = seeds();
    for set in sets(&bundle, &index, &catalog) {
        for facet in [
            Facet::Kind,
            Facet::Region,
            Facet::Topic,
            Facet::Lead,
            Facet::Year,
        ] {
            let mut expected: BTreeMap<String, usize> = BTreeMap::new();
            for id in set.iter() {
                for v in catalog.values_of(facet, id) {
                    *expected.entry(v.to_string()).or_default() += 1;
                }
            }
            let got: BTreeMap<String, usize> = stats::tally(&catalog, facet, &set, false)
                .into_iter()
                .map(|b| (b.key, b.count))
                .collect();
            assert_eq!(got, expected, "{facet:?}");
        }
        let m = stats::matrix(&catalog, &set, false, 6, 5);
        for &(r, c, n) in &m.cells {
            let brute = set
                .iter()
                .filter(|&id| {
                    catalog
                        .values_of(Facet::Region, id)
                        .contains(&m.rows[r].key.as_str())
                        && catalog
                            .values_of(Facet::Topic, id)
                            .contains(&m.columns[c].key.as_str())
                })
                .count();
            assert_eq!(n, brute);
        }
    }
}

#[test]
fn top_sums_the_rest() {
    let bars: Vec<Bar> = (1..=5)
        .map(|n| Bar {
            key: n.to_string(),
            label: n.to_string(),
            count: n,
        })
        .collect();
    let (shown, rest) = stats::top(bars, 2);
    assert_eq!((shown.len(), rest), (2, 3 + 4 + 5));
}

#[test]
fn timeline_and_network_match_brute_force() {
    let (bundle, index, catalog) = seeds();
    for set in sets(&bundle, &index, &catalog) {
        let (periods, undated) = stats::timeline(&bundle, &index, &set);
        assert_eq!(
            periods.iter().map(|p| p.items).sum::<usize>() + undated,
            set.count()
        );
        for p in &periods {
            let docs: BTreeSet<u32> = set
                .iter()
                .map(|id| index.item_ref(id).doc)
                .filter(|&d| {
                    bundle.documents[d as usize]
                        .date
                        .value
                        .as_deref()
                        .is_some_and(|v| v.starts_with(&p.bucket))
                })
                .collect();
            assert_eq!(p.documents, docs.len(), "{}", p.bucket);
        }
        let net = stats::network(&bundle, &index, &set, true, 1000);
        let units = |id: u32| -> BTreeSet<String> {
            let r = index.item_ref(id);
            let item = &bundle.documents[r.doc as usize].items[r.item as usize];
            item.units(Role::Lead)
                .into_iter()
                .chain(item.units(Role::Support))
                .map(|a| bundle.agencies[a as usize].key())
                .collect()
        };
        for node in &net.nodes {
            assert_eq!(
                node.count,
                set.iter()
                    .filter(|&id| units(id).contains(&node.key))
                    .count()
            );
        }
        for &(a, b, w) in &net.edges {
            let (ka, kb) = (&net.nodes[a].key, &net.nodes[b].key);
            assert_eq!(
                w,
                set.iter()
                    .filter(|&id| units(id).contains(ka) && units(id).contains(kb))
                    .count()
            );
        }
    }
}

#[test]
fn bar_specs_are_the_expected_echarts_options() {
    let bars = vec![
        Bar {
            key: "trade".into(),
            label: "Trade facilitation".into(),
            count: 14,
        },
        Bar {
            key: "talent".into(),
            label: "Talent".into(),
            count: 1,
        },
    ];
    let vertical =
        serde_json::to_value(specs::bars("Items by topic", &bars, false, "Items")).unwrap();
    assert_eq!(vertical["title"][0]["text"], "Items by topic");
    assert_eq!(
        vertical["xAxis"]["data"],
        json!(["Trade facilitation", "Talent"])
    );
    assert_eq!(
        vertical["xAxis"]["axisLabel"]["interval"],
        json!(0.0),
        "every bar labelled"
    );
    assert_eq!(
        vertical["yAxis"]["name"], "Items",
        "the values' axis says what they count"
    );
    assert_eq!(vertical["series"][0]["data"], json!([14, 1]));
    assert_eq!(
        vertical["series"][0]["label"]["show"], true,
        "values written on the bars"
    );
    let horizontal = serde_json::to_value(specs::bars("Lead units", &bars, true, "Items")).unwrap();
    assert_eq!(
        horizontal["yAxis"]["data"],
        json!(["Talent", "Trade facilitation"]),
        "largest on top"
    );
    assert_eq!(horizontal["series"][0]["data"], json!([1, 14]));
}

#[test]
fn network_and_heatmap_specs_carry_the_statistics() {
    let net = stats::Network {
        nodes: vec![
            Bar {
                key: "a".into(),
                label: "省商务厅".into(),
                count: 4,
            },
            Bar {
                key: "b".into(),
                label: "武汉海关".into(),
                count: 2,
            },
        ],
        edges: vec![(0, 1, 2)],
    };
    let graph = serde_json::to_value(specs::network("Agencies", &net)).unwrap();
    let series = &graph["series"][0];
    assert_eq!(series["type"], "graph");
    assert_eq!(series["data"].as_array().unwrap().len(), 2);
    assert_eq!(series["data"][0]["name"], "省商务厅");
    assert_eq!(
        series["links"][0],
        json!({ "source": "a", "target": "b", "value": 2.0 })
    );
    let matrix = stats::Matrix {
        rows: vec![Bar {
            key: "hubei".into(),
            label: "Hubei".into(),
            count: 3,
        }],
        columns: vec![Bar {
            key: "trade".into(),
            label: "Trade".into(),
            count: 3,
        }],
        cells: vec![(0, 0, 3)],
    };
    let heat = serde_json::to_value(specs::heatmap("Regions × topics", &matrix)).unwrap();
    assert_eq!(heat["series"][0]["data"], json!([[0, 0, 3]]));
    let visual_map = if heat["visualMap"].is_array() {
        &heat["visualMap"][0]
    } else {
        &heat["visualMap"]
    };
    assert_eq!(visual_map["max"], json!(3.0));
}

/// The chart module's entry point gives exactly the option the spec functions give, for
/// real statistics of every kind, after the spec has crossed as JSON; bad input is an
/// error, never a panic.
#[test]
fn specs_cross_as_json_to_the_same_options() {
    use super::{option_json, Spec};
    let (bundle, index, catalog) = seeds();
    let all = BitSet::full(index.len());
    let bars = stats::top(stats::tally(&catalog, Facet::Topic, &all, false), 5).0;
    let (periods, _) = stats::timeline(&bundle, &index, &all);
    let network = stats::network(&bundle, &index, &all, true, 10);
    let matrix = stats::matrix(&catalog, &all, false, 5, 4);
    assert!(!bars.is_empty() && !periods.is_empty() && !network.nodes.is_empty());
    let cases = [
        (
            Spec::Bars {
                title: "Topics".into(),
                bars: bars.clone(),
                horizontal: true,
                axis: "Items".into(),
                narrow: false,
            },
            specs::bars("Topics", &bars, true, "Items"),
        ),
        (
            Spec::Timeline {
                title: "Time".into(),
                periods: periods.clone(),
                documents: "Documents".into(),
                items: "Items".into(),
            },
            specs::timeline("Time", &periods, "Documents", "Items"),
        ),
        (
            Spec::Network {
                title: "Units".into(),
                network: network.clone(),
            },
            specs::network("Units", &network),
        ),
        (
            Spec::Heatmap {
                title: "Matrix".into(),
                matrix: matrix.clone(),
                narrow: true,
            },
            specs::heatmap("Matrix", &matrix),
        ),
    ];
    for (spec, chart) in cases {
        let json = serde_json::to_string(&spec).unwrap();
        let option: serde_json::Value = serde_json::from_str(&option_json(&json).unwrap()).unwrap();
        assert_eq!(option, spec.option());
        // The option is the chart's, plus only the keys charming has no setter for.
        let mut plain = option.clone();
        for axis in ["xAxis", "yAxis"] {
            let strip = |a: &mut serde_json::Value| {
                if let Some(label) = a.get_mut("axisLabel").and_then(|l| l.as_object_mut()) {
                    label.remove("width");
                    label.remove("overflow");
                    if label.is_empty() {
                        a.as_object_mut().unwrap().remove("axisLabel");
                    }
                }
            };
            match plain.get_mut(axis) {
                Some(serde_json::Value::Array(list)) => list.iter_mut().for_each(strip),
                Some(one @ serde_json::Value::Object(_)) => strip(one),
                _ => {}
            }
        }
        if let Some(series) = plain["series"][0].as_object_mut() {
            if series["type"] == "graph" {
                series.remove("zoom");
            }
        }
        assert_eq!(plain, serde_json::to_value(&chart).unwrap());
    }
    // Long category labels are cut to a width, narrower on a phone.
    assert_eq!(heat_label_widths(&matrix), (56, 80));
    for bad in [
        "",
        "{",
        "[]",
        r#"{"chart":"pie"}"#,
        r#"{"chart":"bars","title":1}"#,
    ] {
        let error = option_json(bad).unwrap_err();
        assert!(error.starts_with("not a chart spec"), "{bad}: {error}");
    }
}

fn heat_label_widths(matrix: &stats::Matrix) -> (u64, u64) {
    let option = super::Spec::Heatmap {
        title: "M".into(),
        matrix: matrix.clone(),
        narrow: true,
    }
    .option();
    let width = |axis: &str| option[axis]["axisLabel"]["width"].as_u64().unwrap_or(0);
    (width("xAxis"), width("yAxis"))
}

#[test]
fn a_diffusion_places_each_point_by_date_and_region_with_its_id() {
    use super::links::DiffusionPoint;
    let point = |row, date: &str, id: &str, series| DiffusionPoint {
        row,
        date: date.into(),
        label: format!("doc {id}"),
        id: id.into(),
        series,
    };
    let spec = Spec::Diffusion {
        title: "Where it went".into(),
        rows: vec!["Hubei".into(), "Guangdong".into()],
        series: vec![
            "This item".into(),
            "Copy".into(),
            "Same reform".into(),
            "Other language".into(),
        ],
        points: vec![
            point(0, "2021-01-21", "a#3", 0),
            point(1, "2022-06-01", "b#7", 2),
            point(1, "2022-07", "c#1", 2),
        ],
        axis: "Date".into(),
    };
    let option = spec.option();
    assert_eq!(option["xAxis"]["type"], "time");
    assert_eq!(
        option["yAxis"]["data"],
        serde_json::json!(["Hubei", "Guangdong"])
    );
    let series = option["series"].as_array().unwrap();
    assert_eq!(series.len(), 4);
    assert!(series.iter().all(|s| s["type"] == "scatter"));
    assert_eq!(
        series[0]["data"],
        serde_json::json!([{"value": ["2021-01-21", 0], "name": "doc a#3", "id": "a#3"}])
    );
    assert_eq!(series[2]["data"].as_array().unwrap().len(), 2);
    assert_eq!(series[1]["data"], serde_json::json!([]));
    assert_eq!(series[0]["name"], "This item");
}

#[test]
fn the_citation_graph_draws_documents_by_date_with_arrows() {
    use super::links::CiteNode;
    let node = |id: &str, date: &str, cited| CiteNode {
        id: id.into(),
        label: format!("title {id}"),
        date: date.into(),
        cited,
    };
    let spec = Spec::Citations {
        title: "Citations".into(),
        nodes: vec![
            node("a", "2018-01-01", 2),
            node("b", "2019-05", 0),
            node("c", "2020", 0),
        ],
        edges: vec![(1, 0), (2, 0), (7, 0)],
        axis: "Date".into(),
    };
    let option = spec.option();
    let graph = &option["series"][0];
    assert_eq!(graph["type"], "graph");
    assert_eq!(graph["coordinateSystem"], "cartesian2d");
    assert_eq!(graph["edgeSymbol"], serde_json::json!(["none", "arrow"]));
    assert_eq!(graph["data"][0]["id"], "a");
    assert_eq!(graph["data"][0]["value"][0], "2018-01-01");
    assert!(graph["data"][0]["symbolSize"].as_f64() > graph["data"][1]["symbolSize"].as_f64());
    // An edge to a node that is not there is left out.
    assert_eq!(
        graph["links"],
        serde_json::json!([{"source": "b", "target": "a"}, {"source": "c", "target": "a"}])
    );
    assert_eq!(option["xAxis"]["type"], "time");
}
