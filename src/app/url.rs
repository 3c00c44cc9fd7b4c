//! The browser side of URL state: read `location.search` into a [`State`], write a state
//! back with `pushState` (a new history entry) or `replaceState` (typing refines the
//! current entry). The format itself is `explore::state`.

use crate::explore::state::State;
use web_sys::MouseEvent;

pub fn read() -> State {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    State::from_query(&search)
}

/// Writes `state` to the address bar. A relative URL keeps the page's path (sub-paths work).
pub fn write(state: &State, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let query = state.to_query();
    let current = window.location().search().unwrap_or_default();
    if query == current {
        return;
    }
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}{query}");
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// A click the app should handle itself: primary button, no modifier (those open tabs).
pub fn is_plain_click(ev: &MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}
