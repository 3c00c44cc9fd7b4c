//! The details of the reader's selected item, placed right below it: which item they
//! describe, its units, regions, topics and figures, the previous and next item of its
//! kind, its link and "copy link".

use super::{names, ui_html_lang};
use crate::explore::facets::{kind_key, kind_label};
use crate::explore::state::UiLang;
use crate::model::{Bundle, Document, Item, Role};
use leptos::prelude::*;

/// The items of the same kind as `index` just before and after it in the document.
fn neighbours(doc: &Document, index: usize) -> (Option<u32>, Option<u32>) {
    let kind = doc.items[index].kind;
    let prev = (0..index).rev().find(|&i| doc.items[i].kind == kind);
    let next = (index + 1..doc.items.len()).find(|&i| doc.items[i].kind == kind);
    (prev.map(|i| i as u32), next.map(|i| i as u32))
}

/// "Measure 30", "措施 30", "Case 3", "Paragraph": what the details describe.
pub(super) fn item_name(item: &Item, ui: UiLang) -> String {
    let (en, zh) = kind_label(kind_key(item.kind));
    let kind = if ui == UiLang::Zh { zh } else { en };
    match item
        .label
        .clone()
        .or_else(|| item.number.map(|n| n.to_string()))
    {
        Some(label) => format!("{kind} {}", label.trim()),
        None => kind.to_string(),
    }
}

/// Copies `text` to the clipboard; whether the browser took it.
async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// What ingest found in one item, right below it: its name, units, regions, topics and
/// figures, the previous and next item of its kind, its link and a button that copies it.
pub(super) fn details(
    bundle: &Bundle,
    doc: &Document,
    index: u32,
    ui: UiLang,
    link: String,
    on_select: Callback<u32>,
) -> AnyView {
    let item = &doc.items[index as usize];
    let position = bundle.documents.iter().position(|d| d.id == doc.id);
    let t = move |key| crate::explore::i18n::t(ui, key);
    let row = |label: &'static str, value: String| {
        (!value.is_empty()).then(|| view! { <dt>{t(label)}</dt><dd>{value}</dd> })
    };
    let figures: Vec<String> = doc
        .figures
        .iter()
        .filter(|f| f.item == index)
        .map(|f| {
            let unit =
                crate::model::units::unit_with_period(&f.unit, f.per.as_deref(), ui == UiLang::Zh);
            format!(
                "{} ({} {unit})",
                doc.slice(f.span),
                crate::explore::format::format_figure(f.value, f.upper),
            )
        })
        .collect();
    let (prev, next) = neighbours(doc, index as usize);
    let step = move |to: Option<u32>, label: &'static str, class: &'static str| {
        view! {
            <button type="button" class=class disabled=to.is_none()
                on:click=move |_| { if let Some(to) = to { on_select.run(to) } }>{t(label)}</button>
        }
    };
    let copied = RwSignal::new(None::<bool>);
    let absolute = format!("{}{link}", crate::app::export::page_base());
    let copy = move |_| {
        let absolute = absolute.clone();
        leptos::task::spawn_local(async move {
            let ok = copy_text(&absolute).await;
            copied.try_set(Some(ok));
        });
    };
    view! {
        <aside class="item-details" aria-labelledby="item-details-title" lang=ui_html_lang(ui)>
            <h2 id="item-details-title" class="item-details-title">{item_name(item, ui)}</h2>
            <dl>
                {row("lead", names(&item.units(Role::Lead), &bundle.agencies, ui))}
                {row("support", names(&item.units(Role::Support), &bundle.agencies, ui))}
                {row("regions", names(&item.regions, &bundle.regions, ui))}
                {row("topics", names(&item.topics, &bundle.topics, ui))}
                {row("figures_here", figures.join(" · "))}
            </dl>
            <div class="item-actions">
                {step(prev, "previous_item", "prev-item")}
                {step(next, "next_item", "next-item")}
                <a class="permalink" href=link>{t("permalink")}</a>
                <button type="button" class="copy-link" on:click=copy>{t("copy_link")}</button>
                <span class="copied" role="status">{move || copied.get().map(|ok| t(if ok { "link_copied" } else { "link_not_copied" }))}</span>
            </div>
            {position.map(|doc| view! { <super::links::AlsoIn doc=doc item=index ui=ui/> })}
        </aside>
    }
    .into_any()
}
