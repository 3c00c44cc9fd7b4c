//! Keeping the visitor's place when the view changes: where the page scrolls and where
//! focus goes after a page of results, an opened document, or the way back to the results.
//! Each runs after the next frame is drawn, when the view it looks for exists — and aims at
//! elements that stay while texts arrive (a heading, a card the results already showed),
//! not at ones that are rendered again.
//!
//! Cost: one animation-frame callback per change of place.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Where the visitor was in the results when a card opened its document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReturnTo {
    pub scroll_y: f64,
    /// The card's search id (`data-id`).
    pub card: u32,
}

/// Runs `f` after the next frame is drawn (two animation frames: the first lands before
/// the pending render, the second after it).
pub fn after_render(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let outer = Closure::once_into_js(move || {
        let inner = Closure::once_into_js(f);
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(inner.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(outer.unchecked_ref());
}

fn element(selector: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Focuses the first element matching `selector` without scrolling to it.
pub fn focus(selector: &str) -> bool {
    let Some(el) = element(selector) else {
        return false;
    };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    el.focus_with_options(&options).is_ok()
}

/// Scrolls so that the top of the first element matching `selector` is at the top of the
/// window (when it is above it).
pub fn scroll_to_top_of(selector: &str) {
    let (Some(el), Some(window)) = (element(selector), web_sys::window()) else {
        return;
    };
    let top = el.get_bounding_client_rect().top();
    if top < 0.0 {
        let y = window.scroll_y().unwrap_or(0.0) + top;
        window.scroll_to_with_x_and_y(0.0, y.max(0.0));
    }
}

/// The window's vertical scroll now.
pub fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

/// Back in the results: the scroll position and the card that was opened, focused.
pub fn restore(to: ReturnTo) {
    after_render(move || {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, to.scroll_y);
        }
        focus(&format!(".card[data-id=\"{}\"]", to.card));
    });
}
