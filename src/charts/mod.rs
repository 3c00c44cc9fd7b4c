//! Charts of the current result set: statistics ([`stats`]) and their ECharts options as
//! `charming` values ([`specs`]). Pure and natively tested; the browser shell renders the
//! JSON and turns clicks back into filters.
//!
//! The page computes the statistics and sends them, as a [`Spec`], to a second, small wasm
//! module (`src/bin/ftz-charts.rs`) that turns them into ECharts options with charming.
//! That module is loaded together with ECharts the first time a chart is shown, so neither
//! charming nor ECharts weighs on the search path.

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
    },
}

impl Spec {
    pub fn chart(&self) -> charming::Chart {
        match self {
            Spec::Bars {
                title,
                bars,
                horizontal,
            } => specs::bars(title, bars, *horizontal),
            Spec::Timeline {
                title,
                periods,
                documents,
                items,
            } => specs::timeline(title, periods, documents, items),
            Spec::Network { title, network } => specs::network(title, network),
            Spec::Heatmap { title, matrix } => specs::heatmap(title, matrix),
        }
    }
}

/// A spec's JSON → its ECharts option's JSON: all the chart module does.
pub fn option_json(spec_json: &str) -> Result<String, String> {
    let spec: Spec =
        serde_json::from_str(spec_json).map_err(|e| format!("not a chart spec: {e}"))?;
    serde_json::to_string(&spec.chart()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;
