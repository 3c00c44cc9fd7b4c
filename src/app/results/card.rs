//! A result card: kind and number, document, date, star, the snippet with its matches, and
//! tags. Its text follows the arrival of the document's text file by itself, so the card —
//! and keyboard focus on it — stays. Arrow keys move between cards, Enter opens one.

use super::{highlighted, SNIPPET};
use crate::app::Ctx;
use crate::explore::facets::{kind_label, Facet};
use crate::search::snippet::Snippet;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn move_focus(ev: &leptos::ev::KeyboardEvent, forward: bool) {
    let Some(card) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let next = if forward {
        card.next_element_sibling()
    } else {
        card.previous_element_sibling()
    };
    if let Some(next) = next.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        ev.prevent_default();
        let _ = next.focus();
    }
}

#[component]
pub(super) fn Card(id: u32) -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    let data = ctx.data();
    let r = data.index().item_ref(id);
    let doc = &data.bundle.documents[r.doc as usize];
    let item = &doc.items[r.item as usize];
    let outcome = ctx.outcome.get_untracked();
    let browsing = ctx.state.with_untracked(|s| s.query.trim().is_empty());
    let translated = outcome.search.hits.iter().any(|h| h.id == id && !h.direct);
    // The text comes with the document's text file; until then a placeholder. Only the
    // snippet and the star's label follow the texts' arrival: the card itself stays, and
    // with it the keyboard focus.
    let doc_index = r.doc as usize;
    let item_index_in_doc = r.item as usize;
    let text_now = move || {
        ctx.texts.track();
        let data = ctx.data();
        let text = data.item_text(doc_index, item_index_in_doc);
        let pending = text.is_none();
        let text = text.unwrap_or_else(|| {
            let failed = ctx.shards.with_untracked(|s| {
                let doc = &data.bundle.documents[doc_index];
                let file = doc.deferred.as_ref().map(|d| d.file.as_str());
                file.is_some_and(|f| s.failed.contains_key(f))
            });
            ctx.t(if failed {
                "text_failed_short"
            } else {
                "text_loading"
            })
            .to_string()
        });
        (text, pending)
    };
    let highlight = outcome.search.highlight.clone();
    let snippet_of = move |text: &str, pending: bool| {
        if browsing || pending {
            Snippet {
                start: 0,
                end: text.chars().count().min(SNIPPET),
                ranges: Vec::new(),
            }
        } else {
            crate::search::snippet::snippet(text, &highlight, SNIPPET)
        }
    };
    let zh = ctx.zh();
    let kind_key = crate::explore::facets::kind_key(item.kind);
    let (kind_en, kind_zh) = kind_label(kind_key);
    let kind = match (item.number, &item.label) {
        (Some(n), _) => format!("{} {n}", if zh { kind_zh } else { kind_en }),
        // A case part is best named by its label ("Reform highlights").
        (None, Some(label)) if item.kind == crate::model::ItemKind::CasePart => label.clone(),
        _ => (if zh { kind_zh } else { kind_en }).to_string(),
    };
    // Each star says what it saves: "Save: Paragraph · “As of August this year, six…”", or
    // its document's title while the text is on its way.
    let title = doc.title.clone();
    let star_kind = kind.clone();
    let star_label = move || {
        let (text, pending) = text_now();
        if pending {
            format!("{}: {star_kind} · {title}", ctx.t("save"))
        } else {
            let start: String = text.chars().take(48).collect();
            format!("{}: {star_kind} · “{}…”", ctx.t("save"), start.trim())
        }
    };
    let names = |facet: Facet| -> Vec<String> {
        data.catalog
            .values_of(facet, id)
            .iter()
            .map(|v| data.catalog.label(facet, v, zh).unwrap_or(v).to_string())
            .collect()
    };
    let (regions, leads, topics) = (
        names(Facet::Region),
        names(Facet::Lead),
        names(Facet::Topic),
    );
    let date = crate::app::documents::date_label(doc, ctx.lang());
    let href = ctx.link(&doc.id, Some(r.item));
    let item_index = r.item;
    let doc_id = StoredValue::new(doc.id.clone());
    let outside = ctx.opens_outside();
    let full_href = StoredValue::new(href.clone());
    let open = move || {
        // In an embed the document opens in the full explorer, in a new tab.
        if outside {
            if let Some(w) = web_sys::window() {
                let _ = w.open_with_url_and_target(&full_href.get_value(), "_blank");
            }
            return;
        }
        ctx.return_to.set_value(Some(crate::app::place::ReturnTo {
            scroll_y: crate::app::place::scroll_y(),
            card: id,
        }));
        ctx.update(true, |s| {
            s.doc = Some(doc_id.get_value());
            s.item = Some(item_index);
        })
    };
    let saved = move || ctx.is_saved(&doc_id.get_value(), item_index);
    let text_lang = crate::app::documents::html_lang(doc.lang);
    view! {
        <article class="card" tabindex="0" role="listitem" data-id=id aria-labelledby=format!("card-{id}")
            on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                "ArrowDown" => move_focus(&ev, true),
                "ArrowUp" => move_focus(&ev, false),
                "Enter" if ev.target() == ev.current_target() => open(),
                _ => {}
            }>
            <div class="card-head">
                <span class="badge" data-kind=kind_key>{kind}</span>
                {translated.then(|| view! { <span class="badge translated" title=ctx.t("through_glossary")>"⇄"</span> })}
                <a id=format!("card-{id}") class="card-doc" href=href lang=text_lang
                    target=outside.then_some("_blank") rel=outside.then_some("noopener") on:click=move |ev| {
                    if crate::app::url::is_plain_click(&ev) && !outside {
                        ev.prevent_default();
                        open();
                    }
                }>{doc.title.clone()}</a>
                <span class="card-date">{date}</span>
                <button type="button" class="star" aria-pressed=move || saved().to_string()
                    aria-label=star_label
                    on:click=move |_| ctx.toggle_saved(&doc_id.get_value(), item_index)>
                    {move || if saved() { "★" } else { "☆" }}
                </button>
            </div>
            {move || {
                let (text, pending) = text_now();
                let snippet = snippet_of(&text, pending);
                view! { <p class=if pending { "snippet pending" } else { "snippet" } lang=text_lang>{highlighted(&text, &snippet)}</p> }
            }}
            <p class="card-tags">
                {regions.into_iter().take(4).map(|r| view! { <span class="tag region">{r}</span> }).collect_view()}
                {leads.into_iter().take(3).map(|l| view! { <span class="tag lead">{l}</span> }).collect_view()}
                {topics.into_iter().map(|t| view! { <span class="tag topic">{t}</span> }).collect_view()}
            </p>
        </article>
    }
}
