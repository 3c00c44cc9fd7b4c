//! The URL query string as the home of UI state (`?doc=ID`), so reload, back/forward and
//! shared links restore the view. Other parameters are preserved untouched.

use web_sys::{MouseEvent, Url};

fn current_url() -> Option<Url> {
    let href = web_sys::window()?.location().href().ok()?;
    Url::new(&href).ok()
}

/// The id of the open document, if the URL names one.
pub fn read_doc() -> Option<String> {
    current_url()?
        .search_params()
        .get("doc")
        .filter(|id| !id.is_empty())
}

/// A relative link (`?doc=ID`) that opens a document; works from any sub-path.
pub fn doc_href(id: &str) -> String {
    let params = web_sys::UrlSearchParams::new().expect("URLSearchParams");
    params.set("doc", id);
    format!("?{}", String::from(params.to_string()))
}

/// Records a navigation in the history so back/forward can undo it.
pub fn push_doc(id: Option<&str>) {
    let Some(url) = current_url() else { return };
    match id {
        Some(id) => url.search_params().set("doc", id),
        None => url.search_params().delete("doc"),
    }
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}

/// A click the app should handle itself: primary button, no modifier (those open tabs).
pub fn is_plain_click(ev: &MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}
