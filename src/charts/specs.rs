//! Chart specs: statistics → `charming::Chart`, plain data that serialises to an ECharts
//! option. Tested natively by comparing JSON; the page only hands the JSON to ECharts.
//! Every chart carries its title; the page adds the accessible description and a data table.
//!
//! Cost: linear in the data shown.

use super::stats::{Bar as BarStat, Matrix, Network, Period};
use charming::component::{Axis, Grid, Legend, Title, VisualMap};
use charming::element::{
    AxisLabel, AxisType, Label, LabelPosition, NameLocation, Orient, Tooltip, Trigger,
};
use charming::series::{
    Bar, Graph, GraphData, GraphLayout, GraphLayoutCircular, GraphLink, GraphNode, GraphNodeLabel,
    Heatmap, Line,
};
use charming::Chart;

fn base(title: &str) -> Chart {
    Chart::new()
        .title(Title::new().text(title).left("left"))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
}

fn grid() -> Grid {
    Grid::new()
        .left("3%")
        .right("10%")
        .bottom("3%")
        .top(48)
        .contain_label(true)
}

/// A value axis with its name (what the values count) and few ticks, so that long numbers
/// do not run into each other.
fn value_axis(name: &str) -> Axis {
    Axis::new()
        .type_(AxisType::Value)
        .min_interval(1)
        .split_number(3)
        .name(name)
        .name_location(NameLocation::End)
}

/// A category axis that labels every category (long ones are cut with "…" by the width
/// the page sets, see `super::Spec::option`; the tooltip has the whole name).
fn category_axis(labels: Vec<String>) -> Axis {
    Axis::new()
        .type_(AxisType::Category)
        .data(labels)
        .axis_label(AxisLabel::new().interval(0))
}

/// Bars of counts, horizontal (labels on the y axis, largest on top) for long labels, each
/// with its value written at its end; `axis` names the values.
pub fn bars(title: &str, bars: &[BarStat], horizontal: bool, axis: &str) -> Chart {
    let labels: Vec<String> = bars.iter().map(|b| b.label.clone()).collect();
    let values: Vec<i64> = bars.iter().map(|b| b.count as i64).collect();
    // Room under the bars for the values' name.
    let chart = base(title).grid(grid().bottom(if horizontal { 30 } else { 8 }));
    let series = |values: Vec<i64>, at: LabelPosition| {
        Bar::new()
            .data(values)
            .label(Label::new().show(true).position(at))
    };
    if horizontal {
        let (mut labels, mut values) = (labels, values);
        labels.reverse();
        values.reverse();
        // The values' name under their axis: at its end it ran out of the box.
        chart
            .x_axis(
                value_axis(axis)
                    .name_location(NameLocation::Middle)
                    .name_gap(24),
            )
            .y_axis(category_axis(labels))
            .series(series(values, LabelPosition::Right))
    } else {
        chart
            .x_axis(category_axis(labels))
            .y_axis(value_axis(axis))
            .series(series(values, LabelPosition::Top))
    }
}

/// Items per period as bars on the left axis, documents as a line on an axis of their own
/// on the right (on the items' scale the documents' line lay flat).
pub fn timeline(title: &str, periods: &[Period], documents: &str, items: &str) -> Chart {
    let buckets: Vec<String> = periods.iter().map(|p| p.bucket.clone()).collect();
    base(title)
        .legend(Legend::new().bottom(0))
        .grid(grid().top(56).bottom(28))
        .x_axis(Axis::new().type_(AxisType::Category).data(buckets))
        // Names along the axes, turned: above them they were cut by the box.
        .y_axis(
            value_axis(items)
                .name_location(NameLocation::Middle)
                .name_gap(32),
        )
        .y_axis(
            value_axis(documents)
                .position("right")
                .name_location(NameLocation::Middle)
                .name_gap(28),
        )
        .series(
            Bar::new()
                .name(items)
                .data(periods.iter().map(|p| p.items as i64).collect::<Vec<_>>()),
        )
        .series(
            Line::new().name(documents).y_axis_index(1).data(
                periods
                    .iter()
                    .map(|p| p.documents as i64)
                    .collect::<Vec<_>>(),
            ),
        )
}

/// Cuts a label to `max` chars with "…" (the whole name stays in the tooltip).
pub fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_string();
    }
    let mut out: String = label.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// How many of a network's nodes are labelled (the largest); the others are named on hover.
const LABELLED_NODES: usize = 12;

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
    // Nodes come largest first: the first few carry a short label.
    let nodes = network
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| GraphNode {
            id: n.key.clone(),
            name: n.label.clone(),
            x: 0.0,
            y: 0.0,
            value: n.count as f64,
            category: 0,
            symbol_size: 10.0 + 30.0 * n.count as f64 / max,
            label: Some(match i < LABELLED_NODES {
                true => GraphNodeLabel::new()
                    .show(true)
                    .formatter(shorten(&n.label, 14)),
                false => GraphNodeLabel::new().show(false),
            }),
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
                        .position(LabelPosition::Right)
                        .font_size(10),
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
            category_axis(matrix.columns.iter().map(|c| c.label.clone()).collect())
                .axis_label(AxisLabel::new().interval(0).rotate(35)),
        )
        .y_axis(category_axis(
            matrix.rows.iter().map(|r| r.label.clone()).collect(),
        ))
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
