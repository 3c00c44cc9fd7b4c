//! The results view: count, "also matched", sort, export, active filters, and a page of
//! result cards with highlighted snippets (text spans, never HTML), stars and permalinks.
//! A card's text comes with its document's text file, fetched when the page shows it.
//! Arrow keys move between cards, Enter opens one in its document.

use super::export::{Export, ExportButtons};
use super::facet_panel::ActiveFilters;
use super::Ctx;
use crate::explore::facets::{kind_label, Facet};
use crate::explore::format::is_private_use;
use crate::explore::state::{page_window, Sort, PAGE_SIZES};
use crate::explore::{group_by_document, Group};
use crate::search::snippet::Snippet;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const SNIPPET: usize = 220;
/// Results shown per document when the list is grouped by document.
const GROUP_FIRST: usize = 3;

/// Text split into (text, highlighted) runs by char ranges; private-use glyphs are left out
/// of the runs (after the ranges are applied, so that they still line up).
pub fn segments(text: &str, snippet: &Snippet) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let chars: Vec<char> = chars
        .into_iter()
        .map(|c| if is_private_use(c) { '\u{0}' } else { c })
        .collect();
    let end = snippet.end.min(chars.len());
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut at = snippet.start.min(end);
    for &(a, b) in &snippet.ranges {
        let (a, b) = (a.clamp(at, end), b.clamp(at, end));
        if a > at {
            out.push((chars[at..a].iter().collect(), false));
        }
        if b > a {
            out.push((chars[a..b].iter().collect(), true));
        }
        at = b;
    }
    if end > at {
        out.push((chars[at..end].iter().collect(), false));
    }
    for (run, _) in &mut out {
        run.retain(|c| c != '\u{0}');
    }
    out
}

pub fn highlighted(text: &str, snippet: &Snippet) -> impl IntoView {
    let lead = (snippet.start > 0).then_some("…");
    let tail = (snippet.end < text.chars().count()).then_some("…");
    let runs = segments(text, snippet)
        .into_iter()
        .map(|(t, hit)| {
            if hit {
                view! { <mark>{t}</mark> }.into_any()
            } else {
                t.into_any()
            }
        })
        .collect_view();
    view! { {lead}{runs}{tail} }
}

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
fn Card(id: u32) -> impl IntoView {
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
    let date = super::documents::date_label(doc, ctx.lang());
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
        ctx.return_to.set_value(Some(super::place::ReturnTo {
            scroll_y: super::place::scroll_y(),
            card: id,
        }));
        ctx.update(true, |s| {
            s.doc = Some(doc_id.get_value());
            s.item = Some(item_index);
        })
    };
    let saved = move || ctx.is_saved(&doc_id.get_value(), item_index);
    let text_lang = super::documents::html_lang(doc.lang);
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
                    if super::url::is_plain_click(&ev) && !outside {
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

#[component]
pub fn ResultsView(drawer: RwSignal<bool>) -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    let count = move || {
        let n = ctx.outcome.with(|o| o.ordered.len());
        format!("{n} {}", ctx.t(if n == 1 { "result" } else { "results" }))
    };
    let also = move || {
        let names = ctx.outcome.with(|o| o.search.also_matched.clone());
        (!names.is_empty()).then(|| {
            view! {
                <span class="also">{ctx.t("also_matched")}": "{names.join(", ")}</span>
            }
        })
    };
    let sort_options = move || {
        let current = ctx.state.with(|s| s.sort);
        Sort::ALL
            .into_iter()
            .map(|s| {
                let key = match s {
                    Sort::Relevance => "sort_relevance",
                    Sort::Date => "sort_date",
                    Sort::Document => "sort_document",
                };
                view! { <option value=s.key() selected=s == current>{ctx.t(key)}</option> }
            })
            .collect_view()
    };
    // Nothing to export: the buttons say so by being disabled.
    let nothing = Signal::derive(move || ctx.outcome.with(|o| o.ordered.is_empty()));
    let rows =
        Callback::new(move |()| Export::Items(ctx.outcome.with_untracked(|o| o.ordered.clone())));
    // Another page starts at its top, with focus on the results' heading (the cards are
    // rendered again as their texts arrive, so focus on one would be lost).
    let turn = move |page: usize| {
        ctx.update(true, |s| s.page = page);
        super::place::after_render(|| {
            super::place::scroll_to_top_of(".results");
            super::place::focus("#results-heading");
        });
    };
    let list = move || {
        let total = ctx.outcome.with(|o| o.ordered.len());
        if total == 0 {
            // Nothing found is only "nothing matches" when the whole index was asked.
            let partial = ctx.outcome.with(|o| !o.search.missing.is_empty());
            let filtered = ctx.state.with(|s| s.has_filters());
            let why = ctx.t(if partial {
                "no_results_partial"
            } else if filtered {
                "no_results_filtered"
            } else {
                "no_results"
            });
            // With filters: what the query finds without them, one click away.
            let unfiltered = ctx.outcome.with(|o| o.search.hits.len());
            let unfiltered = if ctx.state.with(|s| s.query.trim().is_empty()) {
                ctx.data().index().len()
            } else {
                unfiltered
            };
            let widen = (filtered && unfiltered > 0).then(|| {
                let label = format!(
                    "{} ({} {})",
                    ctx.t("without_filters"),
                    crate::explore::format::group_thousands(unfiltered as u64),
                    ctx.t("results")
                );
                view! {
                    " "
                    <button type="button" class="link-button without-filters"
                        on:click=move |_| ctx.update(true, |s| s.clear_filters())>{label}</button>
                }
            });
            // A word the corpus lacks: the nearest words it has, one click away.
            let query = ctx.state.with(|s| s.query.clone());
            let suggestion = (!partial)
                .then(|| ctx.data().index().suggestion(&query))
                .flatten();
            let suggest = suggestion.map(|better| {
                let label = better.clone();
                let apply = move |_| {
                    let better = better.clone();
                    ctx.update(true, move |s| {
                        s.query = better;
                        s.page = 0;
                    })
                };
                view! {
                    " "{ctx.t("did_you_mean")}" "
                    <button type="button" class="link-button suggestion" on:click=apply>{label}</button>
                    "?"
                }
            });
            return view! { <p class="notice" role="status">{why}{suggest}{widen}</p> }.into_any();
        }
        let per = ctx.state.with(|s| s.per).max(1);
        // Grouped by document, a page holds half as many documents as it would hold items,
        // each with its first results and "+N more from this document".
        // "+N more" filters the list to that document, which then shows all its results.
        let grouped = ctx
            .state
            .with(|s| s.group && !s.filters.contains_key(&Facet::Doc));
        let groups = grouped.then(|| {
            let data = ctx.data();
            let index = data.index();
            ctx.outcome
                .with(|o| group_by_document(&index, &o.ordered, GROUP_FIRST))
        });
        let units = groups.as_ref().map_or(total, Vec::len);
        let per_page = if grouped { (per / 2).max(1) } else { per };
        let pages = units.div_ceil(per_page);
        // A page beyond the last (an old or edited URL) shows the last one.
        let page = ctx.state.with(|s| s.page).min(pages - 1);
        let groups: Option<Vec<Group>> =
            groups.map(|g| g.into_iter().skip(page * per_page).take(per_page).collect());
        let ids: Vec<u32> = match &groups {
            Some(groups) => groups
                .iter()
                .flat_map(|g| g.shown.iter().copied())
                .collect(),
            None => ctx.outcome.with(|o| {
                o.ordered
                    .iter()
                    .skip(page * per)
                    .take(per)
                    .copied()
                    .collect::<Vec<_>>()
            }),
        };
        {
            let data = ctx.data();
            let index = data.index();
            let docs: Vec<usize> = ids
                .iter()
                .map(|&id| index.item_ref(id).doc as usize)
                .collect();
            drop(index);
            // The cards follow their texts' arrival themselves (see `Card`).
            ctx.need_texts(docs);
        }
        let list = match groups {
            Some(groups) => {
                let data = ctx.data();
                groups
                    .into_iter()
                    .map(|g| {
                        let doc = &data.bundle.documents[g.doc as usize];
                        let key = doc.id.clone();
                        let more = (g.more > 0).then(|| {
                            let label = format!("+{} {}", g.more, ctx.t("more_from_document"));
                            view! {
                                <button type="button" class="link-button more-from" on:click=move |_| {
                                    let key = key.clone();
                                    ctx.update(true, |s| s.toggle(Facet::Doc, &key));
                                }>{label}</button>
                            }
                        });
                        view! {
                            <section class="group" aria-label=doc.title.clone()>
                                <h3 class="group-title" lang=super::documents::html_lang(doc.lang)>{doc.title.clone()}</h3>
                                <div class="cards" role="list">{g.shown.into_iter().map(|id| view! { <Card id=id/> }).collect_view()}</div>
                                {more}
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            }
            None => view! { <div class="cards" role="list">{ids.into_iter().map(|id| view! { <Card id=id/> }).collect_view()}</div> }.into_any(),
        };
        view! {
            {list}
            {(pages > 1 || total > PAGE_SIZES[0]).then(|| {
                let numbers = page_window(page, pages)
                    .into_iter()
                    .map(|p| match p {
                        Some(p) => view! {
                            <li><button type="button" class="page-number" aria-current=(p == page).then_some("page")
                                aria-label=format!("{} {}", ctx.t("page"), p + 1) on:click=move |_| turn(p)>{p + 1}</button></li>
                        }.into_any(),
                        None => view! { <li class="gap" aria-hidden="true">"…"</li> }.into_any(),
                    })
                    .collect_view();
                let sizes = PAGE_SIZES
                    .iter()
                    .map(|&n| view! { <option value=n.to_string() selected=n == per>{n}</option> })
                    .collect_view();
                view! {
                    <nav class="pager" aria-label=move || ctx.t("pages")>
                        <button type="button" disabled=page == 0 on:click=move |_| turn(page.saturating_sub(1))>
                            {ctx.t("previous")}
                        </button>
                        <span class="page-status">{format!("{} / {}", page + 1, pages)}</span>
                        <ol class="page-numbers">{numbers}</ol>
                        // In braces: a bare `>=` would end the tag and turn the rest into text.
                        <button type="button" disabled={page + 1 >= pages} on:click=move |_| turn(page + 1)>
                            {ctx.t("next")}
                        </button>
                        <label class="per-page">
                            {ctx.t("per_page")}
                            <select id="per-page" on:change=move |ev| {
                                let n: usize = event_target_value(&ev).parse().unwrap_or(PAGE_SIZES[0]);
                                // The first item shown stays on the page shown.
                                ctx.update(true, |s| {
                                    s.page = s.page * s.per / n.max(1);
                                    s.per = n;
                                });
                            }>{sizes}</select>
                        </label>
                    </nav>
                }
            })}
        }
        .into_any()
    };
    view! {
        // While a new query's shards load, the results shown are the last query's.
        <section class="results" aria-labelledby="results-heading"
            aria-busy=move || ctx.shards.with(|s| (!s.loading.is_empty()).to_string())>
            <h2 id="results-heading" class="visually-hidden" tabindex="-1">{move || ctx.t("view_results")}</h2>
            <div class="toolbar">
                <button type="button" class="switch filters-button" aria-haspopup="dialog" aria-expanded=move || drawer.get().to_string() on:click=move |_| drawer.set(true)>{move || ctx.t("filters")}</button>
                <p class="count" role="status" aria-live="polite">{count} " " {also}</p>
                <label class="sort">
                    <span>{move || ctx.t("sort")}</span>
                    <select id="sort" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let sort = Sort::ALL.into_iter().find(|s| s.key() == value).unwrap_or_default();
                        ctx.update(true, |s| {
                            s.sort = sort;
                            s.page = 0;
                        });
                    }>{sort_options}</select>
                </label>
                <label class="group-toggle">
                    <input type="checkbox" id="group-by-doc" prop:checked=move || ctx.state.with(|s| s.group)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ctx.update(true, |s| {
                                s.group = on;
                                s.page = 0;
                            });
                        }/>
                    {move || ctx.t("group_by_document")}
                </label>
                <ExportButtons view="results" rows=rows empty=nothing id_prefix="export"/>
            </div>
            <ActiveFilters/>
            {move || ctx.state.with(|s| s.query.trim().is_empty() && !s.has_filters() && s.page == 0 && !s.embed)
                .then(|| view! { <super::landing::Landing/> })}
            {list}
        </section>
    }
}
