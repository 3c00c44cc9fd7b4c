//! Loading the bundle at start-up — the built-in `bundle.json` or another one named by
//! `?bundle=URL` (same origin or CORS-enabled): fetched (boot.js starts the request while
//! the wasm compiles), size-checked, parsed and validated; every failure becomes a sentence
//! for the user.

use crate::model::Bundle;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/app/load.js")]
extern "C" {
    /// The response boot.js already asked for when it was for `url`, else a new fetch.
    #[wasm_bindgen(js_name = takeFetch)]
    fn take_fetch(url: &str) -> js_sys::Promise;
}

/// Larger bundles are refused before they are read.
const MAX_BYTES: u64 = 200 * 1024 * 1024;

fn describe(error: wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

pub async fn fetch_bundle(url: &str) -> Result<Bundle, String> {
    // Only web addresses: a javascript: or data: address is refused here, before the
    // browser would refuse it with a console error.
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match web_sys::Url::new_with_base(url, &base).map(|u| u.protocol()) {
        Ok(p) if p == "http:" || p == "https:" => {}
        _ => return Err(format!("{url} is not a web address (http or https)")),
    }
    let response = JsFuture::from(take_fetch(url))
        .await
        .map_err(|e| format!("{url} could not be fetched ({}). Is the address right, and does the server allow cross-origin requests?", describe(e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "not an HTTP response".to_string())?;
    if !response.ok() {
        return Err(format!(
            "{url} answered HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BYTES) {
        return Err(format!(
            "{url} is larger than the {} MB this explorer reads",
            MAX_BYTES / 1024 / 1024
        ));
    }
    let text = JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(describe)?;
    let text = text.as_string().ok_or("the response is not text")?;
    if text.len() as u64 > MAX_BYTES {
        return Err(format!(
            "{url} is larger than the {} MB this explorer reads",
            MAX_BYTES / 1024 / 1024
        ));
    }
    Bundle::from_json(&text).map_err(|e| format!("{url}: {e}"))
}
