//! The chart module: a second, small wasm that the page loads with ECharts the first time a
//! chart is shown. It turns a chart [`Spec`](ftz_explorer::charts::Spec) (statistics the
//! page computed) into an ECharts option with charming. Keeping it apart keeps charming's
//! serialisation code — most of the charts' weight — off the search path.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// A spec's JSON → the ECharts option's JSON.
    #[wasm_bindgen(js_name = chartOption)]
    pub fn chart_option(spec_json: &str) -> Result<String, JsError> {
        ftz_explorer::charts::option_json(spec_json).map_err(|e| JsError::new(&e))
    }
}

fn main() {}
