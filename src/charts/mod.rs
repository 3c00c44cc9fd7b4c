//! Charts of the current result set: statistics ([`stats`]) and their ECharts options as
//! `charming` values ([`specs`]). Pure and natively tested; the browser shell renders the
//! JSON and turns clicks back into filters.
//!
//! The page computes the statistics and sends them, as a [`Spec`], to a second, small wasm
//! module (`src/bin/ftz-charts.rs`) that turns them into ECharts options with charming.
//! That module is loaded together with ECharts the first time a chart is shown, so neither
//! charming nor ECharts weighs on the search path.

pub mod links;
pub mod specs;
pub mod stats;

use serde::{Deserialize, Serialize};

/// What one chart shows: the statistics and the words it needs, as data that crosses from
/// the page to the chart module as JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "chart", rename_all = "snake_case")]
pub enum Spec {
    Bars {
        title: String,
        bars: Vec<stats::Bar>,
        horizontal: bool,
        /// What the values count ("Items", "million yuan").
        #[serde(default)]
        axis: String,
        /// Drawn in a narrow box (a phone): shorter labels.
        #[serde(default)]
        narrow: bool,
    },
    Timeline {
        title: String,
        periods: Vec<stats::Period>,
        documents: String,
        items: String,
    },
    Network {
        title: String,
        network: stats::Network,
    },
    Heatmap {
        title: String,
        matrix: stats::Matrix,
        #[serde(default)]
        narrow: bool,
    },
    /// An item and its related items by date, one row per region; `series` names the
    /// item itself, copies, the same reform and matches across languages.
    Diffusion {
        title: String,
        rows: Vec<String>,
        series: Vec<String>,
        points: Vec<links::DiffusionPoint>,
        axis: String,
    },
    /// Who cites whom, by date.
    Citations {
        title: String,
        nodes: Vec<links::CiteNode>,
        edges: Vec<(usize, usize)>,
        axis: String,
    },
}

impl Spec {
    pub fn chart(&self) -> charming::Chart {
        match self {
            Spec::Bars {
                title,
                bars,
                horizontal,
                axis,
                ..
            } => specs::bars(title, bars, *horizontal, axis),
            Spec::Timeline {
                title,
                periods,
                documents,
                items,
            } => specs::timeline(title, periods, documents, items),
            Spec::Network { title, network } => specs::network(title, network),
            Spec::Heatmap { title, matrix, .. } => specs::heatmap(title, matrix),
            Spec::Diffusion {
                title,
                rows,
                series,
                axis,
                ..
            } => links::diffusion(title, rows, series, axis),
            Spec::Citations { title, axis, .. } => links::citations(title, axis),
        }
    }

    /// The ECharts option: [`Spec::chart`] with what charming has no setter for — category
    /// labels cut to a width with "…" (`axisLabel.width`, `overflow`) and the network's
    /// circle drawn smaller (`zoom`), so that its labels are not cut by the box.
    pub fn option(&self) -> serde_json::Value {
        let mut option = serde_json::to_value(self.chart()).unwrap_or_default();
        let cut = |axis: &mut serde_json::Value, width: u32| {
            // charming writes one axis as an object and several as an array.
            let first = match axis {
                serde_json::Value::Array(list) => list.first_mut(),
                other => Some(other),
            };
            if let Some(label) = first.and_then(|a| a.as_object_mut()) {
                let label = label
                    .entry("axisLabel")
                    .or_insert_with(|| serde_json::json!({}));
                label["width"] = width.into();
                label["overflow"] = "truncate".into();
            }
        };
        match self {
            Spec::Bars {
                horizontal, narrow, ..
            } => {
                let (axis, width) = match (*horizontal, *narrow) {
                    (true, false) => ("yAxis", 170),
                    (true, true) => ("yAxis", 96),
                    (false, _) => ("xAxis", 64),
                };
                cut(&mut option[axis], width);
            }
            Spec::Heatmap { narrow, .. } => {
                cut(&mut option["xAxis"], if *narrow { 56 } else { 90 });
                cut(&mut option["yAxis"], if *narrow { 80 } else { 150 });
            }
            Spec::Network { .. } => {
                // A smaller circle: its labels then fit in the box.
                if let Some(series) = option["series"][0].as_object_mut() {
                    series.insert("zoom".into(), 0.62.into());
                }
            }
            Spec::Timeline { .. } => {}
            // Data points as objects with ids, which charming does not write.
            Spec::Diffusion { series, points, .. } => {
                cut(&mut option["yAxis"], 120);
                if let Some((min, max)) =
                    links::padded_range(points.iter().map(|p| p.date.as_str()))
                {
                    option["xAxis"]["min"] = min.into();
                    option["xAxis"]["max"] = max.into();
                }
                for (i, data) in links::diffusion_data(points, series.len())
                    .into_iter()
                    .enumerate()
                {
                    option["series"][i]["data"] = data;
                }
            }
            Spec::Citations { nodes, edges, .. } => {
                if let Some((min, max)) = links::padded_range(nodes.iter().map(|n| n.date.as_str()))
                {
                    option["xAxis"]["min"] = min.into();
                    option["xAxis"]["max"] = max.into();
                }
                let (data, links) = links::citation_data(nodes, edges);
                option["series"][0]["data"] = data;
                option["series"][0]["links"] = links;
                option["series"][0]["label"] = serde_json::json!({"show": false});
            }
        }
        option
    }
}

/// A spec's JSON → its ECharts option's JSON: all the chart module does.
pub fn option_json(spec_json: &str) -> Result<String, String> {
    let spec: Spec =
        serde_json::from_str(spec_json).map_err(|e| format!("not a chart spec: {e}"))?;
    serde_json::to_string(&spec.option()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;
