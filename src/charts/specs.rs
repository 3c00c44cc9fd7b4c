//! Chart specs: statistics → `charming::Chart`, plain data that serialises to an ECharts
//! option. Tested natively by comparing JSON; the page only hands the JSON to ECharts.
//! Every chart carries its title; the page adds the accessible description and a data table.
//!
//! Cost: linear in the data shown.

use super::stats::{Bar as BarStat, Matrix, Network, Period};
use charming::component::{Axis, Grid, Title, VisualMap};
use charming::element::{AxisType, Label, Orient, Tooltip, Trigger};
use charming::series::{
    Bar, Graph, GraphData, GraphLayout, GraphLayoutCircular, GraphLink, GraphNode, Heatmap, Line,
};
use charming::Chart;

fn base(title: &str) -> Chart {
    Chart::new()
        .title(Title::new().text(title).left("left"))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
}

/// Bars of counts, horizontal (labels on the y axis, largest on top) for long labels.
pub fn bars(title: &str, bars: &[BarStat], horizontal: bool) -> Chart {
    let labels: Vec<String> = bars.iter().map(|b| b.label.clone()).collect();
    let values: Vec<i64> = bars.iter().map(|b| b.count as i64).collect();
    let chart = base(title).grid(
        Grid::new()
            .left("3%")
            .right("4%")
            .bottom("3%")
            .contain_label(true),
    );
    if horizontal {
        let (mut labels, mut values) = (labels, values);
        labels.reverse();
        values.reverse();
        chart
            .x_axis(Axis::new().type_(AxisType::Value).min_interval(1))
            .y_axis(Axis::new().type_(AxisType::Category).data(labels))
            .series(Bar::new().data(values))
    } else {
        chart
            .x_axis(Axis::new().type_(AxisType::Category).data(labels))
            .y_axis(Axis::new().type_(AxisType::Value).min_interval(1))
            .series(Bar::new().data(values))
    }
}

/// Documents and items per period.
pub fn timeline(title: &str, periods: &[Period], documents: &str, items: &str) -> Chart {
    let buckets: Vec<String> = periods.iter().map(|p| p.bucket.clone()).collect();
    base(title)
        .grid(
            Grid::new()
                .left("3%")
                .right("4%")
                .bottom("3%")
                .contain_label(true),
        )
        .x_axis(Axis::new().type_(AxisType::Category).data(buckets))
        .y_axis(Axis::new().type_(AxisType::Value).min_interval(1))
        .series(
            Bar::new()
                .name(items)
                .data(periods.iter().map(|p| p.items as i64).collect::<Vec<_>>()),
        )
        .series(
            Line::new().name(documents).data(
                periods
                    .iter()
                    .map(|p| p.documents as i64)
                    .collect::<Vec<_>>(),
            ),
        )
}

/// Lead and supporting units on a circle (deterministic, drawn at once); edges weigh how
/// often two are named together.
pub fn network(title: &str, network: &Network) -> Chart {
    let max = network
        .nodes
        .iter()
        .map(|n| n.count)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let nodes = network
        .nodes
        .iter()
        .map(|n| GraphNode {
            id: n.key.clone(),
            name: n.label.clone(),
            x: 0.0,
            y: 0.0,
            value: n.count as f64,
            category: 0,
            symbol_size: 10.0 + 30.0 * n.count as f64 / max,
            label: None,
        })
        .collect();
    let links = network
        .edges
        .iter()
        .map(|&(a, b, w)| GraphLink {
            source: network.nodes[a].key.clone(),
            target: network.nodes[b].key.clone(),
            value: Some(w as f64),
        })
        .collect();
    Chart::new()
        .title(Title::new().text(title).left("left"))
        .tooltip(Tooltip::new())
        .series(
            Graph::new()
                .layout(GraphLayout::Circular)
                .circular(GraphLayoutCircular::new().rotate_label(true))
                .roam(true)
                .label(
                    Label::new()
                        .show(true)
                        .position(charming::element::LabelPosition::Right),
                )
                .data(GraphData {
                    nodes,
                    links,
                    categories: vec![],
                }),
        )
}

/// Region × topic counts as a heatmap.
pub fn heatmap(title: &str, matrix: &Matrix) -> Chart {
    let max = matrix.cells.iter().map(|c| c.2).max().unwrap_or(1) as f64;
    let data: Vec<charming::datatype::DataFrame> = matrix
        .cells
        .iter()
        .map(|&(r, c, n)| charming::df![c as i64, r as i64, n as i64])
        .collect();
    base(title)
        .tooltip(Tooltip::new())
        .grid(
            Grid::new()
                .left("3%")
                .right("4%")
                .bottom("18%")
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(matrix.columns.iter().map(|c| c.label.clone()).collect()),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(matrix.rows.iter().map(|r| r.label.clone()).collect()),
        )
        .visual_map(
            VisualMap::new()
                .min(0)
                .max(max)
                .calculable(true)
                .orient(Orient::Horizontal)
                .left("center")
                .bottom("2%"),
        )
        .series(Heatmap::new().label(Label::new().show(true)).data(data))
}
