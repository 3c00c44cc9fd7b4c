//! The reader's links: under the selected item, "Also in" — the same reform in other
//! documents, each with its document, region and date, the earliest labelled — and the
//! way to its diffusion chart; under the title, what the document cites (corpus
//! documents as links, the rest as external) and which documents cite it.
//!
//! Both need the context (a reader rendered alone, as in a test mount, shows neither) and
//! the bundle's links, fetched when first shown.

use super::ui_html_lang;
use crate::app::documents::date_value_label;
use crate::app::links::Arrival;
use crate::app::Ctx;
use crate::explore::i18n;
use crate::explore::links::{also_in, cited_by, cites, region_of, row_label};
use crate::explore::state::UiLang;
use crate::model::{ItemAt, Lang, Relation};
use leptos::prelude::*;

fn model_lang(ui: UiLang) -> Lang {
    if ui == UiLang::Zh {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// A status line for links that are not here.
fn waiting(ui: UiLang, arrival: Arrival) -> Option<AnyView> {
    let t = move |key| i18n::t(ui, key);
    match arrival {
        Arrival::Here => None,
        Arrival::Waiting => Some(
            view! { <p class="links-status" role="status">{t("links_loading")}</p> }.into_any(),
        ),
        Arrival::Failed(why) => Some(
            view! { <p class="notice links-status" role="alert">{t("links_failed")} " " {why}</p> }
                .into_any(),
        ),
    }
}

/// A link that opens document `doc` (at `item`) in the reader.
fn open_link(ctx: Ctx, doc: usize, item: Option<u32>, text: String) -> impl IntoView {
    let id = ctx.data().bundle.documents[doc].id.clone();
    let href = ctx.link(&id, item);
    view! {
        <a href=href on:click=move |ev| {
            if crate::app::url::is_plain_click(&ev) && !ctx.opens_outside() {
                ev.prevent_default();
                let id = id.clone();
                ctx.update(true, |s| {
                    s.doc = Some(id);
                    s.item = item;
                });
            }
        }>{text}</a>
    }
}

/// "Also in" for item `item` of document `doc`, with the diffusion toggle and chart.
#[component]
pub(super) fn AlsoIn(doc: usize, item: u32, ui: UiLang) -> impl IntoView {
    let Some(ctx) = use_context::<Ctx>() else {
        return ().into_any();
    };
    let t = move |key| i18n::t(ui, key);
    let at = ItemAt {
        doc: doc as u32,
        item,
    };
    let list = move || {
        let arrival = ctx.need_related(doc);
        if arrival != Arrival::Here {
            return waiting(ui, arrival);
        }
        let data = ctx.data();
        let bundle = &data.bundle;
        let (rows, own_first) = data.with_links(|links| also_in(bundle, links, at));
        if rows.is_empty() {
            return Some(view! { <p class="also-none">{t("also_in_none")}</p> }.into_any());
        }
        let items = rows
            .into_iter()
            .map(|a| {
                let other = &bundle.documents[a.at.doc as usize];
                let region = row_label(bundle, region_of(bundle, a.at.doc), model_lang(ui), t("no_region"));
                let date = other
                    .date
                    .value
                    .as_deref()
                    .map_or(t("undated").to_string(), |d| date_value_label(d, ui));
                let relation = match a.relation {
                    Relation::Copy => "relation_copy",
                    Relation::Similar => "relation_similar",
                    Relation::AcrossLanguages => "relation_other_language",
                };
                let title = other.title.clone();
                let name = super::details::item_name(&other.items[a.at.item as usize], ui);
                view! {
                    <li class="also-row" data-relation=a.relation.key()>
                        {open_link(ctx, a.at.doc as usize, Some(a.at.item), title)}
                        " " <span class="also-item">{name}</span>
                        <span class="also-facts">
                            <span class="also-region">{region}</span>
                            " · " <span class="also-date">{date}</span>
                            " · " <span class="badge">{t(relation)}</span>
                            {a.earliest.then(|| view! { " " <span class="badge badge-earliest">{t("earliest")}</span> })}
                        </span>
                    </li>
                }
            })
            .collect_view();
        Some(
            view! {
                <ul class="also-list">{items}</ul>
                {own_first.then(|| view! { <p class="also-own-first">{t("earliest_here")}</p> })}
            }
            .into_any(),
        )
    };
    let spread = move || ctx.state.with(|s| s.spread);
    let toggle = move |_| ctx.update(true, |s| s.spread = !s.spread);
    view! {
        <section class="also-in" aria-labelledby="also-in-title" lang=ui_html_lang(ui)>
            <h3 id="also-in-title">{t("also_in")}</h3>
            {list}
            <button type="button" class="switch diffusion-toggle" aria-expanded=move || spread().to_string() on:click=toggle>
                {move || t(if spread() { "diffusion_hide" } else { "diffusion_show" })}
            </button>
            {move || spread().then(|| view! { <crate::app::charts::DiffusionChart/> })}
        </section>
    }
    .into_any()
}

/// "Cites" and "Cited by" of document `doc`. Without the bundle's links (an older bundle),
/// the numbers the document cites, as text.
#[component]
pub(super) fn Citations(doc: usize, ui: UiLang, numbers: String) -> impl IntoView {
    let t = move |key| i18n::t(ui, key);
    let plain = move || {
        (!numbers.is_empty()).then(
            || view! { <p class="reader-meta reader-cited">{t("cites")} " " {numbers.clone()}</p> },
        )
    };
    let Some(ctx) = use_context::<Ctx>() else {
        return plain().into_any();
    };
    let body = move || {
        let arrival = ctx.need_citations();
        if arrival != Arrival::Here {
            return waiting(ui, arrival);
        }
        let data = ctx.data();
        let (resolved, external, by) = data.with_links(|links| {
            let (resolved, external) = cites(links, doc as u32);
            (
                resolved,
                external,
                cited_by(&data.bundle, links, doc as u32),
            )
        });
        if resolved.is_empty() && external.is_empty() && by.is_empty() {
            return plain().map(IntoAny::into_any);
        }
        let id = data.bundle.documents[doc].id.clone();
        let docs = |list: Vec<u32>| {
            list.into_iter()
                .map(|d| {
                    let title = data.bundle.documents[d as usize].title.clone();
                    view! { <li>{open_link(ctx, d as usize, None, title)}</li> }
                })
                .collect_view()
        };
        let filter = move |cites: bool, label: &'static str| {
            let id = id.clone();
            let mut state = ctx.state.get_untracked();
            state.view = crate::explore::state::View::Documents;
            state.doc = None;
            state.item = None;
            state.item_number = None;
            state.page = 0;
            state.cites = cites.then(|| id.clone());
            state.cited_by = (!cites).then(|| id.clone());
            let href = state.to_query();
            view! {
                <a class="cite-filter" href=href on:click=move |ev| {
                    if crate::app::url::is_plain_click(&ev) {
                        ev.prevent_default();
                        let id = id.clone();
                        ctx.update(true, |s| {
                            s.view = crate::explore::state::View::Documents;
                            s.doc = None;
                            s.item = None;
                            s.page = 0;
                            s.cites = cites.then(|| id.clone());
                            s.cited_by = (!cites).then(|| id.clone());
                        });
                    }
                }>{t(label)}</a>
            }
        };
        let cites_block = (!resolved.is_empty() || !external.is_empty()).then(|| {
            let external: Vec<_> = external
                .into_iter()
                .map(|e| view! { <li class="cite-external">{e}</li> })
                .collect();
            let count = resolved.len();
            let any_external = !external.is_empty();
            view! {
                <div class="cites">
                    <h3>{t("cites")}</h3>
                    <ul class="cite-list">{docs(resolved)}</ul>
                    {(count > 0).then(|| filter(false, "docs_cited"))}
                    {any_external.then(|| view! {
                        <p class="cite-external-title">{t("cites_external")}</p>
                        <ul class="cite-list">{external}</ul>
                    })}
                </div>
            }
        });
        let by_block = (!by.is_empty()).then(|| {
            view! {
                <div class="cited-by">
                    <h3>{t("cited_by")}</h3>
                    <ul class="cite-list">{docs(by)}</ul>
                    {filter(true, "docs_citing")}
                </div>
            }
        });
        Some(view! { <div class="reader-citations">{cites_block}{by_block}</div> }.into_any())
    };
    view! { <div lang=ui_html_lang(ui)>{body}</div> }.into_any()
}
