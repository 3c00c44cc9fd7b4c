//! The header: product name, the search box (debounced, "/" to focus), view tabs, and the
//! language and theme switches.

use super::url;
use super::Ctx;
use crate::explore::state::{State, View};
use gloo_storage::{LocalStorage, Storage};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::cell::RefCell;

const THEME_KEY: &str = "ftz-explorer.theme";
/// Typing pauses this long before the search runs.
const DEBOUNCE_MS: u32 = 120;

thread_local! {
    static PENDING: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

fn set_theme_attribute(theme: &str) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        if theme.is_empty() {
            let _ = html.remove_attribute("data-theme");
        } else {
            let _ = html.set_attribute("data-theme", theme);
        }
    }
}

/// Applies the stored theme ("light", "dark", or nothing: follow the system).
pub fn apply_stored_theme() {
    set_theme_attribute(&LocalStorage::get::<String>(THEME_KEY).unwrap_or_default());
}

#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    let draft = RwSignal::new(ctx.state.with_untracked(|s| s.query.clone()));
    // Back/forward or a chip may change the query: show it.
    Effect::new(move |_| draft.set(ctx.state.with(|s| s.query.clone())));

    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        draft.set(value.clone());
        let timeout = Timeout::new(DEBOUNCE_MS, move || {
            // A new search (from no query, or from a document) is a new history entry, so
            // that Back returns to where it started; refining it replaces that entry.
            let new_search = ctx
                .state
                .with_untracked(|s| s.query.trim().is_empty() || s.doc.is_some());
            ctx.update(new_search, |s| {
                s.query = value;
                s.page = 0;
                s.doc = None;
                s.item = None;
                if s.view == View::Documents {
                    s.view = View::Results;
                }
            });
        });
        PENDING.with(|p| *p.borrow_mut() = Some(timeout));
    };

    let theme = RwSignal::new(LocalStorage::get::<String>(THEME_KEY).unwrap_or_default());
    let cycle_theme = move |_| {
        let next = match theme.get_untracked().as_str() {
            "" => "light",
            "light" => "dark",
            _ => "",
        };
        let _ = LocalStorage::set(THEME_KEY, next);
        set_theme_attribute(next);
        theme.set(next.to_string());
    };
    let theme_name = move || {
        ctx.t(match theme.get().as_str() {
            "light" => "theme_light",
            "dark" => "theme_dark",
            _ => "theme_system",
        })
    };

    let tab = move |view: View, key: &'static str| {
        let href = move || {
            let q = ctx.state.with(|s| {
                State {
                    view,
                    doc: None,
                    item: None,
                    page: 0,
                    ..s.clone()
                }
                .to_query()
            });
            if q.is_empty() {
                "?".to_string()
            } else {
                q
            }
        };
        view! {
            <a class="tab" href=href
                aria-current=move || ctx.state.with(|s| s.doc.is_none() && s.view == view).then_some("page")
                on:click=move |ev| {
                    if url::is_plain_click(&ev) {
                        ev.prevent_default();
                        ctx.update(true, |s| {
                            s.view = view;
                            s.doc = None;
                            s.item = None;
                            s.page = 0;
                        });
                    }
                }>
                {move || ctx.t(key)}
            </a>
        }
    };

    view! {
        <header class="site-header">
            <a class="brand" href="?" on:click=move |ev| {
                if url::is_plain_click(&ev) {
                    ev.prevent_default();
                    ctx.update(true, |s| {
                        *s = State { lang: s.lang, bundle: s.bundle.take(), embed: s.embed, ..State::default() };
                    });
                }
            }>
                <span class="brand-en">"FTZ Explorer"</span>
                <span class="brand-zh" lang="zh-CN">"自贸试验区政策浏览"</span>
            </a>
            <div class="search" role="search">
                <label class="visually-hidden" for="search">{move || ctx.t("search_label")}</label>
                <input id="search" type="search" autocomplete="off" spellcheck="false"
                    placeholder=move || ctx.t("search") prop:value=move || draft.get()
                    on:input=on_input aria-keyshortcuts="/"/>
                <kbd class="search-hint" aria-hidden="true">"/"</kbd>
            </div>
            <nav class="tabs" aria-label=move || ctx.t("views") class:hidden=move || ctx.state.with(|s| s.hide_tabs)>
                {tab(View::Results, "view_results")}
                {tab(View::Charts, "view_charts")}
                {tab(View::Figures, "view_figures")}
                {tab(View::Documents, "view_documents")}
            </nav>
            <div class="switches">
                <button type="button" class="switch" id="lang-toggle"
                    aria-label=move || format!("{} · {}", ctx.t("language_toggle"), ctx.t("language_toggle_label"))
                    on:click=move |_| ctx.toggle_lang()>
                    {move || ctx.t("language_toggle")}
                </button>
                <button type="button" class="switch" id="theme-toggle" on:click=cycle_theme
                    title=theme_name aria-label=move || format!("{}: {}", ctx.t("theme"), theme_name())>
                    {move || match theme.get().as_str() { "light" => "☀", "dark" => "☾", _ => "◐" }}
                </button>
            </div>
        </header>
    }
}
