//! The charts of the bundle's links: an item's diffusion (the item and its related items
//! on a time axis, one row per region) and the citation graph (documents by date, an
//! arrow from each citing document to the document it cites).
//!
//! Both are `charming` charts for their frame — title, tooltip, legend, axes, series and
//! their kinds — whose data points are written by [`super::Spec::option`] as objects
//! carrying an id, which is what a click reports back (charming writes data points as
//! bare values).
//!
//! Cost: linear in the points and edges.

use charming::component::{Axis, Grid, Legend, Title};
use charming::element::{AxisLabel, AxisType, CoordinateSystem, NameLocation, Symbol, Tooltip};
use charming::series::{Graph, GraphLayout, Scatter};
use charming::Chart;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// One point of a diffusion chart: where (row), when, what (shown on hover) and its id
/// (reported on a click); `series` is the index into the spec's series names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiffusionPoint {
    pub row: usize,
    pub date: String,
    pub label: String,
    pub id: String,
    pub series: usize,
}

/// A document of the citation graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CiteNode {
    pub id: String,
    pub label: String,
    pub date: String,
    /// How many documents of the graph cite it: its size.
    pub cited: usize,
}

/// The symbols of the diffusion's series: the item itself, copies, the same reform,
/// across languages.
const SYMBOLS: [Symbol; 4] = [
    Symbol::Diamond,
    Symbol::Rect,
    Symbol::Circle,
    Symbol::Triangle,
];

/// A chart by date: its title, a tooltip, a grid and a time axis named `axis`.
fn by_date(title: &str, axis: &str) -> Chart {
    Chart::new()
        .title(Title::new().text(title).left("left"))
        .tooltip(Tooltip::new())
        .grid(
            Grid::new()
                .left("3%")
                .right("6%")
                .top(48)
                .bottom(40)
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Time)
                .name(axis)
                .name_location(NameLocation::Middle)
                .name_gap(26),
        )
}

pub fn diffusion(title: &str, rows: &[String], series: &[String], axis: &str) -> Chart {
    let mut chart = by_date(title, axis).legend(Legend::new().bottom(0)).y_axis(
        Axis::new()
            .type_(AxisType::Category)
            .data(rows.to_vec())
            .axis_label(AxisLabel::new().interval(0)),
    );
    for (i, name) in series.iter().enumerate() {
        chart = chart.series(
            Scatter::new()
                .name(name.as_str())
                .symbol(SYMBOLS[i.min(SYMBOLS.len() - 1)].clone())
                .symbol_size(if i == 0 { 18 } else { 12 }),
        );
    }
    chart
}

/// The data of each diffusion series: `{value: [date, row], name, id}`.
pub fn diffusion_data(points: &[DiffusionPoint], series: usize) -> Vec<Value> {
    (0..series)
        .map(|s| {
            Value::Array(
                points
                    .iter()
                    .filter(|p| p.series == s)
                    .map(|p| json!({"value": [p.date, p.row], "name": p.label, "id": p.id}))
                    .collect(),
            )
        })
        .collect()
}

pub fn citations(title: &str, axis: &str) -> Chart {
    by_date(title, axis)
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .show(false)
                .min(-1)
                .max(LANES as i64),
        )
        .series(
            Graph::new()
                .coordinate_system(CoordinateSystem::Cartesian2d)
                .layout(GraphLayout::None)
                .edge_symbol(Some(("none".into(), "arrow".into()))),
        )
}

/// Documents are spread over this many lanes, so that those of one month do not cover
/// each other.
const LANES: usize = 5;

/// The graph's nodes (`{value: [date, lane], name, id, symbolSize}`) and links.
pub fn citation_data(nodes: &[CiteNode], edges: &[(usize, usize)]) -> (Value, Value) {
    let max = nodes.iter().map(|n| n.cited).max().unwrap_or(0).max(1) as f64;
    let data = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            json!({
                "value": [n.date, i % LANES],
                "name": n.label,
                "id": n.id,
                "symbolSize": 10.0 + 20.0 * n.cited as f64 / max,
            })
        })
        .collect();
    let links = edges
        .iter()
        .filter(|(a, b)| *a < nodes.len() && *b < nodes.len())
        .map(|&(a, b)| json!({"source": nodes[a].id, "target": nodes[b].id}))
        .collect();
    (Value::Array(data), Value::Array(links))
}

/// Days since 1970-01-01 of a `YYYY[-MM[-DD]]` date (the first of the month or year when
/// those are not given); Howard Hinnant's `days_from_civil`.
fn days(date: &str) -> Option<i64> {
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let y = parts.next()??;
    let m = parts.next().flatten().unwrap_or(1);
    let d = parts.next().flatten().unwrap_or(1);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// `YYYY-MM-DD` of a day count (`civil_from_days`).
fn date_of(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The time axis's ends: the dates' range widened by a tenth (at least a month) on each
/// side, so that no point sits on an axis.
pub fn padded_range<'a>(dates: impl Iterator<Item = &'a str>) -> Option<(String, String)> {
    let all: Vec<i64> = dates.filter_map(days).collect();
    let (min, max) = (*all.iter().min()?, *all.iter().max()?);
    let pad = ((max - min) / 10).max(31);
    Some((date_of(min - pad), date_of(max + pad)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_and_day_counts_round_trip() {
        assert_eq!(super::days("1970-01-01"), Some(0));
        assert_eq!(
            super::date_of(super::days("2021-02-28").unwrap() + 1),
            "2021-03-01"
        );
        assert_eq!(
            super::date_of(super::days("2020-02-28").unwrap() + 1),
            "2020-02-29"
        );
        assert_eq!(super::days("2021"), super::days("2021-01-01"));
        assert_eq!(
            super::padded_range(["2021-01-21", "2022-06-01"].into_iter()),
            Some(("2020-12-03".into(), "2022-07-20".into()))
        );
    }
}
