//! The browser shell: a leptos (csr) app over the bundle. Thin by design — it holds the UI
//! state (which document is open), mirrors it in the URL, and renders what the core
//! computes. No parsing or counting logic lives here.
//!
//! Cost: parsing the embedded bundle once at start-up; views are rebuilt only for the part
//! whose signal changed.

pub mod bench;
mod documents;
mod reader;
mod url;

pub use documents::DocumentList;
pub use reader::Reader;

use crate::model::Bundle;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Mounts the app into `#app`, replacing the loading indicator that index.html shows.
pub fn start() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
    let root = document
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body())
        .expect("an #app element or a body");
    root.set_text_content(None);
    root.set_attribute("aria-busy", "false").ok();
    let bundle = Bundle::from_json(crate::seed_bundle_json());
    let handle = leptos::mount::mount_to(root, move || match bundle {
        Ok(bundle) => view! { <App bundle=Arc::new(bundle)/> }.into_any(),
        Err(err) => view! { <LoadError message=err.to_string()/> }.into_any(),
    });
    // The app lives as long as the page.
    handle.forget();
}

/// The whole explorer: header, then either the document list or one document.
#[component]
pub fn App(bundle: Arc<Bundle>) -> impl IntoView {
    let open_doc = RwSignal::new(url::read_doc());
    // Back/forward restore the document that was open.
    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        open_doc.set(url::read_doc());
    });
    on_cleanup(move || listener.remove());

    let open = Callback::new(move |id: Option<String>| {
        url::push_doc(id.as_deref());
        open_doc.set(id);
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    let count = bundle.documents.len();
    let body = move || {
        let id = open_doc.get();
        match id.as_deref().and_then(|id| bundle.document(id)) {
            Some(doc) => {
                view! { <Reader bundle=bundle.clone() doc=doc.clone() on_back=open/> }.into_any()
            }
            None => {
                let missing = id.map(|id| {
                    view! { <p class="notice" role="status">"No document with id " <code>{id}</code> " in this bundle."</p> }
                });
                view! { {missing} <DocumentList bundle=bundle.clone() on_open=open/> }.into_any()
            }
        }
    };
    view! {
        <header class="site-header">
            <a class="brand" href="?" on:click=move |ev| {
                if url::is_plain_click(&ev) {
                    ev.prevent_default();
                    open.run(None);
                }
            }>
                <span class="brand-en">"FTZ Explorer"</span>
                <span class="brand-zh" lang="zh-CN">"自贸试验区政策浏览"</span>
            </a>
            <span class="site-meta">{format!("{count} documents")}</span>
        </header>
        <main id="main" class="content">{body}</main>
        <footer class="site-footer">
            "Documents on China's pilot free trade zones · searchable offline in your browser"
        </footer>
    }
}

/// Shown instead of the explorer when the bundle cannot be used.
#[component]
pub fn LoadError(message: String) -> impl IntoView {
    view! {
        <div class="load-error" role="alert">
            <h1>"The document bundle could not be loaded"</h1>
            <p>{message}</p>
        </div>
    }
}
