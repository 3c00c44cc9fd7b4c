//! The browser shell: a leptos (csr) app over the bundle. Thin by design — the state, its
//! URL form, search, facets, ordering and export are `explore` and `search`; components
//! render them and turn clicks into state changes.
//!
//! Cost: start-up fetches the manifest (`data/manifest.json` beside the page unless
//! `?bundle=` names another) and the documents, and builds the facet catalog once; a query
//! fetches the index shards it needs (each once); each state change reruns one search and
//! the facet counts.

pub mod bench;
mod charts;
mod ctx;
mod documents;
mod export;
mod facet_panel;
mod figures;
mod header;
mod landing;
mod links;
mod load;
mod offline;
mod place;
mod reader;
mod results;
mod url;

pub use ctx::Ctx;
pub use documents::DocumentList;
pub use reader::Reader;

use crate::explore::state::View;
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
    // The built-in bundle is a manifest with shards beside the page (fetched while the wasm
    // compiles, see boot.js), so it never weighs on the wasm and is cached file by file.
    let address = url::read()
        .bundle
        .unwrap_or_else(|| BUILT_IN_BUNDLE.to_string());
    // Not leptos::task::spawn_local: its executor starts with the first mount.
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = load::open(&address).await;
        mount(root, loaded);
    });
}

/// Where the built-in bundle's manifest lives, relative to the page (`cargo xtask dist`
/// puts it there).
pub const BUILT_IN_BUNDLE: &str = "data/manifest.json";

/// Replaces the loading indicator with the explorer, or with what went wrong.
fn mount(root: web_sys::HtmlElement, loaded: Result<load::Loaded, String>) {
    root.set_text_content(None);
    root.set_attribute("aria-busy", "false").ok();
    let handle = leptos::mount::mount_to(root, move || match loaded {
        Ok(loaded) => view! { <App loaded=loaded/> }.into_any(),
        Err(message) => view! { <LoadError message=message/> }.into_any(),
    });
    // The app lives as long as the page.
    handle.forget();
}

/// The whole explorer: header, facets, and the current view.
#[component]
pub fn App(loaded: load::Loaded) -> impl IntoView {
    let ctx = Ctx::new(loaded);
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
        // The page's title names the document, the query or the view.
        let title = ctx.state.with(|s| {
            let data = ctx.data();
            let doc = s
                .doc
                .as_deref()
                .and_then(|id| data.bundle.documents.iter().find(|d| d.id == id));
            s.title(doc.map(|d| d.title.as_str()), ctx.lang())
        });
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
        }
        // The page's own skip link is outside the app: it follows the language too.
        if let Some(skip) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(".skip-link").ok().flatten())
        {
            skip.set_text_content(Some(ctx.t("skip_to_content")));
        }
    });

    let drawer = RwSignal::new(false);
    let body = move || {
        let (doc, view) = ctx.state.with(|s| (s.doc.clone(), s.view));
        match (doc, view) {
            (Some(_), _) => view! { <reader::ReaderView/> }.into_any(),
            (None, View::Figures) => view! { <figures::FiguresView/> }.into_any(),
            (None, View::Documents) => {
                view! { <documents::DocumentsView drawer=drawer/> }.into_any()
            }
            (None, View::Charts) => view! { <charts::ChartsView/> }.into_any(),
            (None, View::Results) => view! { <results::ResultsView drawer=drawer/> }.into_any(),
        }
    };
    // One column where the facets do not apply: the reader.
    let reading = move || ctx.state.with(|s| s.doc.is_some());
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
    // Once the first results are whole (their shards and texts in), the page is ready:
    // boot.js then registers the service worker, whose precaching must not compete with them.
    let ready = StoredValue::new(false);
    Effect::new(move |_| {
        let idle = ctx
            .shards
            .with(|s| s.loading.is_empty() && s.texts.is_empty());
        let texts_here = ctx.texts.get() > 0 || ctx.data().source.is_none();
        if idle && texts_here && !ready.get_value() {
            ready.set_value(true);
            if let Some(window) = web_sys::window() {
                if let Ok(event) = web_sys::Event::new("ftz-explorer:ready") {
                    let _ = window.dispatch_event(&event);
                }
            }
        }
    });
    Effect::new(move |_| {
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            let _ = body.class_list().toggle_with_force("embedded", embedded());
        }
    });
    view! {
        <PrintHeader/>
        <header::Header/>
        <div class="layout" class:reading=reading>
            <facet_panel::FacetPanel open=drawer/>
            <main id="main" class="content" tabindex="-1"><ShardNotice/>{body}</main>
        </div>
        <footer class="site-footer">
            {move || embedded().then(|| view! {
                <a class="open-full" href=full() target="_blank" rel="noopener">"Open in the full explorer ↗ · 在完整浏览器中打开"</a>
            })}
            <span class="tagline">{tagline}</span>
            <offline::OfflineControl/>
        </footer>
    }
}

/// Printed only: what produced the page — the view, the query and filters — when, and from
/// which address, so that a printout can be traced and reproduced.
#[component]
fn PrintHeader() -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    move || {
        let data = ctx.data();
        let zh = ctx.zh();
        let (view, query, filters, from, to) = ctx.state.with(|s| {
            (
                s.view,
                s.query.clone(),
                s.filters.clone(),
                s.from.clone(),
                s.to.clone(),
            )
        });
        let mut parts: Vec<String> = Vec::new();
        if !query.trim().is_empty() {
            parts.push(format!("{}: “{}”", ctx.t("print_query"), query.trim()));
        }
        for (facet, values) in &filters {
            let names: Vec<&str> = values
                .iter()
                .map(|v| data.catalog.label(*facet, v, zh).unwrap_or(v))
                .collect();
            parts.push(format!(
                "{}: {}",
                ctx.t(facet_panel::facet_title_key(*facet)),
                names.join(", ")
            ));
        }
        if from.is_some() || to.is_some() {
            parts.push(format!(
                "{}: {} – {}",
                ctx.t("date_range"),
                from.unwrap_or_default(),
                to.unwrap_or_default()
            ));
        }
        let view_name = ctx.t(match view {
            View::Results => "view_results",
            View::Charts => "view_charts",
            View::Figures => "view_figures",
            View::Documents => "view_documents",
        });
        let address = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let day = export::today();
        let what = if parts.is_empty() {
            ctx.t("print_everything").to_string()
        } else {
            parts.join(" · ")
        };
        view! {
            <div class="print-header" aria-hidden="true">
                <p><strong>{ctx.t("app")}</strong>" — "{view_name}": "{what}</p>
                <p>{ctx.t("print_when")}" "{day}" · "{address}</p>
            </div>
        }
    }
}

/// What the index is waiting for, or which of its shards failed (the rest still works).
#[component]
fn ShardNotice() -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    move || {
        ctx.shards.with(|s| {
            if let Some((name, why)) = s.failed.iter().next() {
                let text = format!("{} {name}: {why}", ctx.t("shard_failed"));
                Some(
                    view! { <p class="shard-notice shard-error" role="alert">{text}</p> }
                        .into_any(),
                )
            } else if !s.loading.is_empty() {
                Some(
                    view! { <p class="shard-notice" role="status">{ctx.t("shard_loading")}</p> }
                        .into_any(),
                )
            } else {
                None
            }
        })
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
