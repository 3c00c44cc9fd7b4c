//! The browser shell: a leptos (csr) app over the bundle. Thin by design — the state, its
//! URL form, search, facets, ordering and export are `explore` and `search`; components
//! render them and turn clicks into state changes.
//!
//! Cost: start-up fetches and parses the bundle (`bundle.json` beside the page unless
//! `?bundle=` names another) and builds the search index and facet
//! catalog once; each state change reruns one search and the facet counts.

pub mod bench;
mod charts;
mod ctx;
mod documents;
mod facet_panel;
mod figures;
mod header;
mod load;
mod reader;
mod results;
mod url;

pub use ctx::Ctx;
pub use documents::DocumentList;
pub use reader::Reader;

use crate::explore::state::View;
use crate::model::Bundle;
use leptos::prelude::*;
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
    header::apply_stored_theme();
    // The built-in bundle is a file beside the page (fetched while the wasm compiles, see
    // boot.js), so it never weighs on the wasm and can be cached and replaced on its own.
    let address = url::read()
        .bundle
        .unwrap_or_else(|| BUILT_IN_BUNDLE.to_string());
    // Not leptos::task::spawn_local: its executor starts with the first mount.
    wasm_bindgen_futures::spawn_local(async move {
        let bundle = load::fetch_bundle(&address).await;
        mount(root, bundle);
    });
}

/// Where the built-in bundle lives, relative to the page (`cargo xtask dist` puts it there).
pub const BUILT_IN_BUNDLE: &str = "bundle.json";

/// Replaces the loading indicator with the explorer, or with what went wrong.
fn mount(root: web_sys::HtmlElement, bundle: Result<Bundle, String>) {
    root.set_text_content(None);
    root.set_attribute("aria-busy", "false").ok();
    let handle = leptos::mount::mount_to(root, move || match bundle {
        Ok(bundle) => view! { <App bundle=bundle/> }.into_any(),
        Err(message) => view! { <LoadError message=message/> }.into_any(),
    });
    // The app lives as long as the page.
    handle.forget();
}

/// The whole explorer: header, facets, and the current view.
#[component]
pub fn App(bundle: Bundle) -> impl IntoView {
    let ctx = Ctx::new(bundle);
    provide_context(ctx);

    let pop = window_event_listener(leptos::ev::popstate, move |_| ctx.restore_from_url());
    // "/" focuses the search box unless the user is typing somewhere.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
        if ev.key() == "/" && !typing {
            if let Some(input) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("search"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || {
        pop.remove();
        keys.remove();
    });

    Effect::new(move |_| {
        let lang = if ctx.zh() { "zh-CN" } else { "en" };
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", lang);
        }
    });

    let drawer = RwSignal::new(false);
    let body = move || {
        let (doc, view) = ctx.state.with(|s| (s.doc.clone(), s.view));
        match (doc, view) {
            (Some(_), _) => view! { <reader::ReaderView/> }.into_any(),
            (None, View::Figures) => view! { <figures::FiguresView/> }.into_any(),
            (None, View::Documents) => view! { <documents::DocumentsView/> }.into_any(),
            (None, View::Charts) => view! { <charts::ChartsView/> }.into_any(),
            (None, View::Results) => view! { <results::ResultsView drawer=drawer/> }.into_any(),
        }
    };
    // One column where the facets do not apply: the reader and the documents list.
    let reading = move || {
        ctx.state
            .with(|s| s.doc.is_some() || s.view == View::Documents)
    };
    let tagline = move || ctx.t("tagline");
    let embedded = move || ctx.state.with(|s| s.embed);
    let full = move || {
        ctx.state.with(|s| {
            crate::explore::state::State {
                embed: false,
                ..s.clone()
            }
            .to_query()
        })
    };
    Effect::new(move |_| {
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            let _ = body.class_list().toggle_with_force("embedded", embedded());
        }
    });
    view! {
        <header::Header/>
        <div class="layout" class:reading=reading>
            <facet_panel::FacetPanel open=drawer/>
            <main id="main" class="content" tabindex="-1">{body}</main>
        </div>
        <footer class="site-footer">
            {move || embedded().then(|| view! {
                <a class="open-full" href=full() target="_blank" rel="noopener">"Open in the full explorer ↗ · 在完整浏览器中打开"</a>
            })}
            <span class="tagline">{tagline}</span>
        </footer>
    }
}

/// Shown instead of the explorer when the bundle cannot be used.
#[component]
pub fn LoadError(message: String) -> impl IntoView {
    view! {
        <div class="load-error" role="alert">
            <h1>"The document bundle could not be loaded · 无法加载数据包"</h1>
            <p class="load-error-reason">{message}</p>
            <p><a href="./">"Open the built-in documents instead · 打开内置文件"</a></p>
        </div>
    }
}
