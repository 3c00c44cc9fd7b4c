//! The facet panel: every facet with its values and counts under the other active filters
//! (multi-select checkboxes, "show more"), and the date range. On narrow screens it is a
//! drawer. Also the active-filter chips with "clear all".

use super::Ctx;
use crate::explore::facets::Facet;
use leptos::prelude::*;

/// Values shown before "show more".
const FIRST: usize = 8;

pub(super) fn facet_title_key(facet: Facet) -> &'static str {
    match facet {
        Facet::Doc => "facet_doc_id",
        Facet::Heading => "facet_heading",
        Facet::Kind => "facet_kind",
        Facet::Region => "facet_region",
        Facet::Topic => "facet_topic",
        Facet::Subject => "facet_subject",
        Facet::Lead => "facet_lead",
        Facet::Support => "facet_support",
        Facet::Lang => "facet_language",
        Facet::Year => "facet_year",
        Facet::Saved => "facet_saved",
    }
}

/// A facet with more values than this gets a search box.
const SEARCHABLE: usize = 12;

#[component]
fn FacetGroup(facet: Facet) -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    let expanded = RwSignal::new(false);
    let id = format!("facet-{}", facet.key());
    // Computed once per change, read by the list and by the visibility.
    let values = Memo::new(move |_| {
        let outcome = ctx.outcome.get();
        let data = ctx.data();
        ctx.state
            .with(|s| data.catalog.counts(facet, s, &outcome.base, &outcome.saved))
    });
    // A long list can be searched: what is typed keeps the values whose name (in either
    // language) or key holds it, all of them, selected ones always.
    let needle = RwSignal::new(String::new());
    let rows = move || {
        let all = values.get();
        let total = all.len();
        let typed = needle.with(|n| n.trim().to_lowercase());
        let shown: Vec<_> = if !typed.is_empty() {
            all.into_iter()
                .filter(|v| {
                    v.selected
                        || v.label_en.to_lowercase().contains(&typed)
                        || v.label_zh.contains(&typed)
                        || v.value.contains(&typed)
                })
                .collect()
        } else if expanded.get() {
            all
        } else {
            all.into_iter().take(FIRST).collect()
        };
        let matched = shown.len();
        let zh = ctx.zh();
        let largest = shown.iter().map(|v| v.count).max().unwrap_or(1).max(1);
        let items = shown
            .into_iter()
            .map(|v| {
                // A small bar beside each value: its share of the largest count.
                let share = format!("{}%", 100 * v.count / largest);
                let value = v.value.clone();
                let label = if zh {
                    v.label_zh.clone()
                } else {
                    v.label_en.clone()
                };
                let input_id = format!("f-{}-{}", facet.key(), v.value);
                view! {
                    <li>
                        <input type="checkbox" id=input_id.clone() prop:checked=v.selected
                            on:change=move |_| ctx.update(true, |s| s.toggle(facet, &value))/>
                        <label for=input_id>
                            <span class="facet-label">{label}<span class="facet-bar" aria-hidden="true" style:width=share></span></span>
                            <span class="count">{v.count}</span>
                        </label>
                    </li>
                }
            })
            .collect_view();
        let none = (!typed.is_empty() && matched == 0)
            .then(|| view! { <p class="hint">{ctx.t("facet_no_match")}</p> });
        let more = (total > FIRST && typed.is_empty()).then(|| {
            view! {
                <button type="button" class="link-button" aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || if expanded.get() { ctx.t("show_less").to_string() } else { format!("{} ({})", ctx.t("show_more"), total - FIRST) }}
                </button>
            }
        });
        view! { <ul class="facet-values">{items}</ul> {none} {more} }
    };
    let long = move || values.with(|v| v.len() > SEARCHABLE);
    view! {
        <section class="facet" aria-labelledby=id.clone() data-facet=facet.key() class:hidden=move || values.with(Vec::is_empty)>
            <h3 id=id.clone()>{move || ctx.t(facet_title_key(facet))}</h3>
            {move || long().then(|| view! {
                <input type="search" class="facet-search" aria-label=move || format!("{} {}", ctx.t("facet_search"), ctx.t(facet_title_key(facet)))
                    placeholder=move || ctx.t("facet_search") prop:value=move || needle.get()
                    on:input=move |ev| needle.set(event_target_value(&ev))/>
            })}
            {rows}
        </section>
    }
}

#[component]
fn DateRange() -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    // What was typed and is not a date: said, and not used as a filter.
    let invalid = RwSignal::new(None::<String>);
    let bound = move |to: bool| {
        view! {
            <input type="text" inputmode="numeric" placeholder=if to { "2023-12-31" } else { "2020" } size="10"
                id=if to { "date-to" } else { "date-from" }
                aria-label=move || ctx.t(if to { "to" } else { "from" })
                aria-describedby="date-hint"
                prop:value=move || ctx.state.with(|s| if to { s.to.clone() } else { s.from.clone() }.unwrap_or_default())
                on:change=move |ev| {
                    let typed = event_target_value(&ev).trim().to_string();
                    let value = crate::explore::state::date_bound(&typed);
                    if value.is_none() && !typed.is_empty() {
                        invalid.set(Some(typed));
                        return;
                    }
                    invalid.set(None);
                    ctx.update(true, |s| {
                        if to { s.to = value } else { s.from = value }
                        s.page = 0;
                    });
                }/>
        }
    };
    view! {
        <section class="facet" aria-labelledby="facet-date">
            <h3 id="facet-date">{move || ctx.t("date_range")}</h3>
            <div class="date-range">
                {bound(false)}
                <span aria-hidden="true">"–"</span>
                {bound(true)}
            </div>
            <p class="hint" id="date-hint">{move || ctx.t("date_hint")}</p>
            <p class="date-error" role="alert">{move || invalid.get().map(|typed| format!("“{typed}” {}", ctx.t("not_a_date")))}</p>
        </section>
    }
}

#[component]
pub fn FacetPanel(open: RwSignal<bool>) -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    let shown = move || ctx.state.with(|s| s.doc.is_none());
    // Open (on a narrow screen), the panel is a modal dialog: it takes focus, keeps Tab
    // inside, and closes on Escape or a click beside it, giving focus back to "Filters".
    let close = move || {
        open.set(false);
        super::place::after_render(|| {
            super::place::focus(".filters-button");
        });
    };
    Effect::new(move |_| {
        if open.get() {
            super::place::after_render(|| {
                super::place::focus(".drawer-head button");
            });
        }
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if !open.get_untracked() {
            return;
        }
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                close();
            }
            "Tab" => keep_focus_inside(&ev),
            _ => {}
        }
    };
    view! {
        <div class="drawer-backdrop" class:open=move || open.get() aria-hidden="true" on:click=move |_| close()></div>
        <aside class="facets" class:open=move || open.get() class:hidden=move || !shown()
            role=move || open.get().then_some("dialog") aria-modal=move || open.get().then_some("true")
            aria-labelledby="filters-title" on:keydown=on_keydown>
            <div class="drawer-head">
                <h2 id="filters-title">{move || ctx.t("filters")}</h2>
                <button type="button" class="switch" on:click=move |_| close()>{move || ctx.t("close")}</button>
            </div>
            {Facet::ALL.into_iter().map(|facet| view! { <FacetGroup facet=facet/> }).collect_view()}
            <DateRange/>
        </aside>
    }
}

/// Tab from the dialog's last control goes to its first, Shift+Tab from its first to its last.
fn keep_focus_inside(ev: &leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let Some(panel) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(list) = panel.query_selector_all("button, input, select, a[href], summary") else {
        return;
    };
    let focusable: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.offset_parent().is_some())
        .collect();
    let (Some(first), Some(last)) = (focusable.first(), focusable.last()) else {
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let at =
        |e: &web_sys::HtmlElement| active.as_ref() == Some(e.unchecked_ref::<web_sys::Element>());
    let wrap_to = match (ev.shift_key(), at(first), at(last)) {
        (true, true, _) => Some(last),
        (false, _, true) => Some(first),
        _ => None,
    };
    if let Some(target) = wrap_to {
        ev.prevent_default();
        let _ = target.focus();
    }
}

/// The active filters as removable chips, and "clear all".
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    move || {
        let state = ctx.state.get();
        if !state.has_filters() {
            return None;
        }
        let zh = ctx.zh();
        let data = ctx.data();
        let mut chips = Vec::new();
        for (facet, values) in &state.filters {
            for value in values {
                let known = data.catalog.label(*facet, value, zh).map(str::to_string);
                let (facet, value) = (*facet, value.clone());
                let title = ctx.t(facet_title_key(facet));
                // A value the corpus does not have (a typo, a link from another corpus)
                // says so, instead of looking like a filter that matches nothing.
                let (class, label, hint) = match known {
                    Some(label) => ("chip", label, ""),
                    None => (
                        "chip chip-unknown",
                        format!("“{value}” · {}", ctx.t("unknown_value")),
                        ctx.t("unknown_value_hint"),
                    ),
                };
                let aria = format!("{title}: {label} ×");
                chips.push(view! {
                    <button type="button" class=class title=hint aria-label=aria on:click=move |_| ctx.update(true, |s| s.toggle(facet, &value))>
                        <span class="chip-facet">{title}</span>{label}<span aria-hidden="true">" ×"</span>
                    </button>
                }.into_any());
            }
        }
        for (to, bound) in [(false, state.from.clone()), (true, state.to.clone())] {
            if let Some(bound) = bound {
                let title = ctx.t(if to { "to" } else { "from" });
                chips.push(view! {
                    <button type="button" class="chip" on:click=move |_| ctx.update(true, |s| if to { s.to = None } else { s.from = None })>
                        <span class="chip-facet">{title}</span>{bound}<span aria-hidden="true">" ×"</span>
                    </button>
                }.into_any());
            }
        }
        Some(view! {
            <div class="chips" aria-label=move || ctx.t("active_filters")>
                {chips}
                <button type="button" class="link-button" id="clear-all" on:click=move |_| ctx.update(true, |s| s.clear_filters())>
                    {ctx.t("clear_all")}
                </button>
            </div>
        })
    }
}
