//! "Make available offline": the footer control that stores every file of the manifest in
//! the data cache the service worker serves from, with a progress bar, and says when the
//! whole corpus is stored. What the explorer fetched while in use is stored anyway (see
//! `load.js`); this fetches the rest. It also drops cached files of an earlier build.
//!
//! Cost: one cache lookup per file on start-up (to say whether all is stored); storing
//! fetches each missing file once, six at a time.

use super::load::{count_stored, prune_stored, store_offline};
use super::Ctx;
use crate::explore::format::group_thousands;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Stored {
    /// Not known yet, or this page cannot keep files (no cache: not https or localhost).
    Unknown,
    Partly(usize),
    Storing(usize),
    All,
    /// Storing ended with this many files missing.
    Failed(usize),
}

fn addresses(ctx: &Ctx) -> Option<(String, js_sys::Array)> {
    let data = ctx.data();
    let source = data.source.as_ref()?;
    let urls: js_sys::Array = data
        .files
        .iter()
        .map(|f| JsValue::from(source.absolute(f)))
        .collect();
    let base = source.absolute(".");
    Some((base, urls))
}

#[component]
pub fn OfflineControl() -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    let total = ctx.data().files.len();
    let stored = RwSignal::new(Stored::Unknown);
    // Counted at the start (after dropping an earlier build's files) and again as texts
    // arrive, which the explorer stores as it uses them.
    let pruned = StoredValue::new(false);
    Effect::new(move |_| {
        ctx.texts.track();
        let Some((base, urls)) = addresses(&ctx) else {
            return;
        };
        if matches!(stored.get_untracked(), Stored::Storing(_) | Stored::All) {
            return;
        }
        let prune = !pruned.get_value();
        pruned.set_value(true);
        leptos::task::spawn_local(async move {
            if prune {
                let _ = JsFuture::from(prune_stored(&base, urls.clone())).await;
            }
            if let Ok(n) = JsFuture::from(count_stored(urls)).await {
                let n = n.as_f64().unwrap_or(0.0) as usize;
                // (The control may be gone by now: `try_`, not a panic.)
                if !matches!(stored.try_get_untracked(), Some(Stored::Storing(_))) {
                    stored.try_set(if n >= total {
                        Stored::All
                    } else {
                        Stored::Partly(n)
                    });
                }
            }
        });
    });
    let store = move |_| {
        let Some((_, urls)) = addresses(&ctx) else {
            return;
        };
        stored.set(Stored::Storing(0));
        let progress =
            Closure::<dyn FnMut(f64, f64, f64)>::new(move |done: f64, _: f64, _: f64| {
                stored.try_set(Stored::Storing(done as usize));
            });
        leptos::task::spawn_local(async move {
            let outcome =
                JsFuture::from(store_offline(urls, progress.as_ref().unchecked_ref())).await;
            drop(progress);
            stored.try_set(match outcome.map(|v| v.as_f64().unwrap_or(0.0) as usize) {
                Ok(0) => Stored::All,
                Ok(missing) => Stored::Failed(missing),
                Err(_) => Stored::Failed(total),
            });
        });
    };
    // One button that says where things stand, and a bar of what is stored: one view for
    // every state (a view per state costs more wasm).
    let label = move || {
        let files = |n: usize| {
            format!(
                "{} / {} {}",
                group_thousands(n as u64),
                group_thousands(total as u64),
                ctx.t("offline_files")
            )
        };
        match stored.get() {
            Stored::Unknown => String::new(),
            Stored::Partly(n) => format!("{} · {}", ctx.t("offline_make"), files(n)),
            Stored::Storing(n) => format!("{} {}", ctx.t("offline_storing"), files(n)),
            Stored::All => ctx.t("offline_done").to_string(),
            Stored::Failed(missing) => format!(
                "{} · {} {}",
                ctx.t("offline_make"),
                ctx.t("offline_failed"),
                group_thousands(missing as u64)
            ),
        }
    };
    let state = move || match stored.get() {
        Stored::Unknown => (true, 0),
        Stored::Partly(n) | Stored::Storing(n) => (false, n),
        Stored::All => (true, total),
        Stored::Failed(missing) => (false, total - missing.min(total)),
    };
    view! {
        // Hidden until the count is known (or on a page that cannot keep files): a button
        // with nothing to say has no accessible name.
        <p class="offline" role="status" hidden=move || stored.get() == Stored::Unknown>
            <button type="button" class="switch" id="offline" on:click=store
                disabled=move || state().0 || matches!(stored.get(), Stored::Storing(_))>
                {label}
            </button>
            <progress max=total value=move || state().1></progress>
        </p>
    }
}
