//! The export buttons (CSV and JSON) a view puts in its toolbar, and the download. A view
//! gives the rows it shows; the buttons fetch the texts those rows need, build the file
//! in `explore::export` with absolute links from the page's own address, and name it by
//! view, query and day.

use super::Ctx;
use crate::explore::export::{self, Rows};
use crate::explore::FigureRef;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What a view exports: the result list's item ids or the figures table's rows.
#[derive(Clone)]
pub enum Export {
    Items(Vec<u32>),
    Figures(Vec<FigureRef>),
}

/// Triggers a download of generated text (a Blob URL, revoked afterwards).
fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The page's address without its query or fragment: the base of exported links.
pub(super) fn page_base() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// Today as `YYYY-MM-DD` in the visitor's time zone.
pub(super) fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// CSV and JSON buttons for the rows `rows` gives (asked when a button is pressed);
/// disabled while `empty`. `view` names the file; the buttons' ids are `{id_prefix}-csv`
/// and `{id_prefix}-json`.
#[component]
pub fn ExportButtons(
    view: &'static str,
    rows: Callback<(), Export>,
    #[prop(into)] empty: Signal<bool>,
    id_prefix: &'static str,
) -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    let exporting = RwSignal::new(false);
    let run = move |json: bool| {
        if exporting.get_untracked() {
            return;
        }
        let rows = rows.run(());
        let data = ctx.data();
        // The rows' documents, each once (a mask, not a set: smaller in wasm).
        let docs: Vec<usize> = {
            let index = data.index();
            let mut used = vec![false; data.bundle.documents.len()];
            match &rows {
                Export::Items(ids) => {
                    for &id in ids {
                        used[index.item_ref(id).doc as usize] = true;
                    }
                }
                Export::Figures(refs) => {
                    for r in refs {
                        used[r.doc as usize] = true;
                    }
                }
            }
            (0..used.len()).filter(|&d| used[d]).collect()
        };
        exporting.set(true);
        leptos::task::spawn_local(async move {
            // A text that failed is named by the shard notice; its rows export without text.
            ctx.texts_of(&docs).await;
            ctx.links_of(&docs).await;
            let mut bundle = data.with_texts(&docs);
            bundle.links = data.with_links(Clone::clone);
            let index = data.index();
            let base = page_base();
            let cx = export::Context {
                bundle: &bundle,
                index: &index,
                catalog: &data.catalog,
                zh: ctx.zh(),
                base: &base,
            };
            let which = match &rows {
                Export::Items(ids) => Rows::Items(ids),
                Export::Figures(refs) => Rows::Figures(refs),
            };
            let query = ctx.state.with_untracked(|s| s.query.clone());
            let (ext, mime, text) = if json {
                ("json", "application/json", export::json(&cx, which))
            } else {
                ("csv", "text/csv;charset=utf-8", export::csv(&cx, which))
            };
            download(&export::file_name(view, &query, &today(), ext), mime, &text);
            drop(index);
            exporting.try_set(false);
        });
    };
    let (csv_id, json_id) = (format!("{id_prefix}-csv"), format!("{id_prefix}-json"));
    view! {
        <button type="button" class="switch" id=csv_id aria-busy=move || exporting.get().to_string() disabled=empty on:click=move |_| run(false)>{move || ctx.t("export_csv")}</button>
        <button type="button" class="switch" id=json_id aria-busy=move || exporting.get().to_string() disabled=empty on:click=move |_| run(true)>{move || ctx.t("export_json")}</button>
    }
}
