//! The results view: count, "also matched", sort, export, active filters, and a page of
//! result cards with highlighted snippets (text spans, never HTML), stars and permalinks.
//! A card's text comes with its document's text file, fetched when the page shows it.
//! Arrow keys move between cards, Enter opens one in its document.

use super::export::{Export, ExportButtons};
use super::facet_panel::ActiveFilters;
use super::Ctx;
use crate::explore::facets::Facet;
use crate::explore::format::is_private_use;
use crate::explore::state::{page_window, Sort, PAGE_SIZES};
use crate::explore::{group_by_document, Group};
use crate::search::snippet::Snippet;
use leptos::prelude::*;

mod card;
use card::Card;

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
