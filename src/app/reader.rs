//! The reader: one document as its structure — sections, numbered measures with their
//! responsibility annotations, cases with their labelled parts, paragraphs — all as text
//! (never as HTML). Every item carries `id="i<N>"` so that it can be linked to.

use super::documents::{date_label, group_thousands, html_lang, lang_label};
use super::url;
use crate::model::{Bundle, Document, Item, ItemKind, Role};
use leptos::prelude::*;
use std::sync::Arc;

/// "牵头 Lead: 省自贸办 · 责任 Support: 省发改委, 省经信厅" for one item.
fn responsibility(bundle: &Bundle, item: &Item) -> Option<String> {
    let names = |role| {
        item.units(role)
            .into_iter()
            .map(|a| {
                bundle.agencies[a as usize]
                    .name(crate::model::Lang::Zh)
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("、")
    };
    let (lead, support) = (names(Role::Lead), names(Role::Support));
    let mut parts = Vec::new();
    if !lead.is_empty() {
        parts.push(format!("Lead 牵头: {lead}"));
    }
    if !support.is_empty() {
        parts.push(format!("Support 责任: {support}"));
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

fn render_item(bundle: &Bundle, doc: &Document, index: usize, item: &Item) -> AnyView {
    let id = format!("i{index}");
    let text = doc.item_text(item).to_string();
    let kind = format!("{:?}", item.kind).to_lowercase();
    match item.kind {
        ItemKind::Section => {
            view! { <h2 id=id class="it it-section" data-kind=kind>{text}</h2> }.into_any()
        }
        ItemKind::Case => {
            let mut parts = lines(&text).into_iter();
            let heading = parts.next().unwrap_or_default();
            let subtitle = parts.collect::<Vec<_>>().join(" ");
            view! {
                <header id=id class="it it-case" data-kind=kind>
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
            view! {
                <section id=id class="it it-part" data-kind=kind>
                    <h3>{label}</h3>
                    {body}
                </section>
            }
            .into_any()
        }
        ItemKind::Measure => {
            let number = item
                .number
                .map(|n| view! { <span class="it-number" aria-hidden="true">{n}</span> });
            let duty = responsibility(bundle, item)
                .map(|d| view! { <p class="it-duty" lang="zh-CN">{d}</p> });
            view! {
                <div id=id class="it it-measure" data-kind=kind>
                    {number}
                    <div class="it-body"><p>{text}</p>{duty}</div>
                </div>
            }
            .into_any()
        }
        ItemKind::Title | ItemKind::Meta | ItemKind::Boilerplate | ItemKind::Paragraph => {
            view! { <p id=id class=format!("it it-{kind}") data-kind=kind>{text}</p> }.into_any()
        }
    }
}

#[component]
pub fn Reader(
    bundle: Arc<Bundle>,
    doc: Document,
    on_back: Callback<Option<String>>,
) -> impl IntoView {
    let body = doc
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| render_item(&bundle, &doc, i, item))
        .collect_view();
    let count = |kind| doc.items.iter().filter(|i| i.kind == kind).count();
    let mut meta = vec![lang_label(doc.lang).to_string(), date_label(&doc.date)];
    if let Some(source) = &doc.source {
        meta.push(source.clone());
    }
    for (kind, name) in [
        (ItemKind::Section, "sections"),
        (ItemKind::Measure, "measures"),
        (ItemKind::Case, "cases"),
    ] {
        if count(kind) > 0 {
            meta.push(format!("{} {name}", count(kind)));
        }
    }
    meta.push(format!("{} characters", group_thousands(doc.char_len())));
    let numbers = doc
        .doc_numbers
        .iter()
        .map(|n| n.text.clone())
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <article class="reader" lang=html_lang(doc.lang)>
            <a class="back" href="?" lang="en" on:click=move |ev| {
                if url::is_plain_click(&ev) {
                    ev.prevent_default();
                    on_back.run(None);
                }
            }>"← All documents"</a>
            <h1 class="reader-title">{doc.title.clone()}</h1>
            <p class="reader-meta" lang="en">{meta.join(" · ")}</p>
            {(!numbers.is_empty()).then(|| view! { <p class="reader-meta">{numbers}</p> })}
            <div class="reader-body">{body}</div>
        </article>
    }
}
