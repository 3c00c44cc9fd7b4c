//! The reader: one document as its structure — sections, numbered measures with their
//! responsibility annotations, cases with their parts, paragraphs — all as text (never as
//! HTML). Every item has `id="i<N>"`; `?doc=…&item=N` opens the document with item N
//! highlighted, scrolled into view, and its details (units, regions, agencies, topics,
//! figures) listed beside it.

use super::documents::{date_label, html_lang, lang_label, size_labels};
use super::Ctx;
use crate::explore::state::UiLang;
use crate::model::{Bundle, Document, Item, ItemKind, Lang, Role};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

fn names(ids: &[u32], table: &[crate::model::Entity], lang: Lang) -> String {
    ids.iter()
        .filter_map(|&i| table.get(i as usize))
        .map(|e| e.name(lang).to_string())
        .collect::<Vec<_>>()
        .join("、")
}

/// "Lead 牵头: 省自贸办 · Support 责任: 省发改委、省经信厅" for one item.
fn responsibility(bundle: &Bundle, item: &Item) -> Option<String> {
    let (lead, support) = (item.units(Role::Lead), item.units(Role::Support));
    let mut parts = Vec::new();
    if !lead.is_empty() {
        parts.push(format!(
            "Lead 牵头: {}",
            names(&lead, &bundle.agencies, Lang::Zh)
        ));
    }
    if !support.is_empty() {
        parts.push(format!(
            "Support 责任: {}",
            names(&support, &bundle.agencies, Lang::Zh)
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn render_item(
    bundle: &Bundle,
    doc: &Document,
    index: usize,
    item: &Item,
    selected: bool,
) -> AnyView {
    let id = format!("i{index}");
    let text = doc.item_text(item).to_string();
    let kind = format!("{:?}", item.kind).to_lowercase();
    let class = if selected { "it selected" } else { "it" };
    match item.kind {
        ItemKind::Section => {
            view! { <h2 id=id class=format!("{class} it-section") data-kind=kind>{text}</h2> }
                .into_any()
        }
        ItemKind::Case => {
            let mut parts = lines(&text).into_iter();
            let heading = parts.next().unwrap_or_default();
            let subtitle = parts.collect::<Vec<_>>().join(" ");
            view! {
                <header id=id class=format!("{class} it-case") data-kind=kind>
                    <h2>{heading}</h2>
                    <p class="it-subtitle">{subtitle}</p>
                </header>
            }
            .into_any()
        }
        ItemKind::CasePart => {
            let label = item.label.clone().unwrap_or_default();
            let body = lines(&text)
                .into_iter()
                .map(|l| view! { <p>{l}</p> })
                .collect_view();
            view! { <section id=id class=format!("{class} it-part") data-kind=kind><h3>{label}</h3>{body}</section> }.into_any()
        }
        ItemKind::Measure => {
            let number = item
                .number
                .map(|n| view! { <span class="it-number" aria-hidden="true">{n}</span> });
            let duty = responsibility(bundle, item)
                .map(|d| view! { <p class="it-duty" lang="zh-CN">{d}</p> });
            view! {
                <div id=id class=format!("{class} it-measure") data-kind=kind>
                    {number}
                    <div class="it-body"><p>{text}</p>{duty}</div>
                </div>
            }
            .into_any()
        }
        ItemKind::Title | ItemKind::Meta | ItemKind::Boilerplate | ItemKind::Paragraph => {
            view! { <p id=id class=format!("{class} it-{kind}") data-kind=kind>{text}</p> }
                .into_any()
        }
    }
}

/// What ingest found in one item, listed beside the reader.
fn details(bundle: &Bundle, doc: &Document, index: u32, ui: UiLang) -> impl IntoView {
    let item = &doc.items[index as usize];
    let lang = if ui == UiLang::Zh { Lang::Zh } else { Lang::En };
    let t = |key| crate::explore::i18n::t(ui, key);
    let row = |label: &'static str, value: String| {
        (!value.is_empty()).then(|| view! { <dt>{t(label)}</dt><dd>{value}</dd> })
    };
    let figures: Vec<String> = doc
        .figures
        .iter()
        .filter(|f| f.item == index)
        .map(|f| {
            format!(
                "{} ({} {})",
                doc.slice(f.span),
                super::figures::format_figure(f.value, f.upper),
                f.unit
            )
        })
        .collect();
    let link = format!(
        "?doc={}&item={index}",
        crate::explore::state::encode(&doc.id)
    );
    view! {
        <aside class="item-details" aria-label="Item details">
            <dl>
                {row("lead", names(&item.units(Role::Lead), &bundle.agencies, lang))}
                {row("support", names(&item.units(Role::Support), &bundle.agencies, lang))}
                {row("regions", names(&item.regions, &bundle.regions, lang))}
                {row("topics", names(&item.topics, &bundle.topics, lang))}
                {row("figures_here", figures.join(" · "))}
            </dl>
            <a class="permalink" href=link>{t("permalink")}</a>
        </aside>
    }
}

#[component]
pub fn Reader(
    bundle: Arc<Bundle>,
    doc: Document,
    selected: Option<u32>,
    #[prop(default = UiLang::En)] ui_lang: UiLang,
    on_back: Callback<Option<String>>,
) -> impl IntoView {
    let body = doc
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| render_item(&bundle, &doc, i, item, selected == Some(i as u32)))
        .collect_view();
    let t = |key| crate::explore::i18n::t(ui_lang, key);
    let mut meta = vec![
        lang_label(doc.lang).to_string(),
        date_label(&doc.date, ui_lang),
    ];
    if let Some(source) = &doc.source {
        meta.push(source.clone());
    }
    meta.extend(size_labels(&doc, ui_lang));
    let back = format!("← {}", t("back"));
    let numbers = doc
        .doc_numbers
        .iter()
        .map(|n| n.text.clone())
        .collect::<Vec<_>>()
        .join(" · ");
    let details = selected
        .filter(|&i| (i as usize) < doc.items.len())
        .map(|i| details(&bundle, &doc, i, ui_lang));
    view! {
        <article class="reader" lang=html_lang(doc.lang)>
            <a class="back" href="?" on:click=move |ev| {
                if super::url::is_plain_click(&ev) {
                    ev.prevent_default();
                    on_back.run(None);
                }
            }>{back}</a>
            <h1 class="reader-title">{doc.title.clone()}</h1>
            <p class="reader-meta">{meta.join(" · ")}</p>
            {(!numbers.is_empty()).then(|| view! { <p class="reader-meta">{numbers}</p> })}
            {details}
            <div class="reader-body">{body}</div>
        </article>
    }
}

/// The reader for the document and item in the URL.
#[component]
pub fn ReaderView() -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    let on_back = Callback::new(move |_: Option<String>| {
        ctx.update(true, |s| {
            s.doc = None;
            s.item = None;
        });
    });
    move || {
        let (id, item) = ctx
            .state
            .with(|s| (s.doc.clone().unwrap_or_default(), s.item));
        let data = ctx.data();
        let Some(doc) = data.bundle.document(&id).cloned() else {
            return view! {
                <p class="notice" role="status">{ctx.t("no_document")} " " <code>{id}</code></p>
            }
            .into_any();
        };
        if let Some(item) = item {
            // After this render: bring the selected item into view.
            gloo_timers::callback::Timeout::new(0, move || {
                let element = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&format!("i{item}")))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(element) = element {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    element.scroll_into_view_with_scroll_into_view_options(&options);
                }
            })
            .forget();
        } else if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        view! { <Reader bundle=data.bundle.clone() doc=doc selected=item ui_lang=ctx.lang() on_back=on_back/> }.into_any()
    }
}
