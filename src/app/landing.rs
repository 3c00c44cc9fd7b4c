//! The start page: with no query and no filter, above the results (measures first), what
//! the corpus holds — documents, measures, cases, regions, years — and one-click ways in:
//! its largest topics and regions as filters, its most named lead units as searches. All
//! counted from the bundle, so any corpus gets its own.
//!
//! Cost: four facet tallies over every item, once per language change.

use super::Ctx;
use crate::charts::stats;
use crate::explore::facets::Facet;
use crate::search::bitset::BitSet;
use leptos::prelude::*;

/// Shortcuts shown per facet.
const SHORTCUTS: usize = 6;

#[component]
pub fn Landing() -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    move || {
        let data = ctx.data();
        let zh = ctx.zh();
        let t = move |key| ctx.t(key);
        let all = BitSet::full(data.index().len());
        let tally = |facet| stats::tally(&data.catalog, facet, &all, zh);
        let kinds = tally(Facet::Kind);
        let of_kind = |key: &str| kinds.iter().find(|b| b.key == key).map_or(0, |b| b.count);
        let regions = tally(Facet::Region);
        // Years only ("undated" is a value of the year facet too).
        let mut years: Vec<String> = tally(Facet::Year)
            .into_iter()
            .map(|b| b.key)
            .filter(|k| k.len() == 4 && k.bytes().all(|b| b.is_ascii_digit()))
            .collect();
        years.sort();
        let span = match (years.first(), years.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.clone(),
            _ => String::new(),
        };
        let facts = [
            (data.bundle.documents.len(), "documents"),
            (of_kind("measure"), "measures"),
            (of_kind("case"), "cases"),
            (regions.len(), "regions_count"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, key)| view! { <li><strong>{crate::explore::format::group_thousands(n as u64)}</strong>" "{t(key)}</li> })
        .collect_view();
        let filters = |facet: Facet, bars: Vec<stats::Bar>| {
            bars.into_iter()
                .take(SHORTCUTS)
                .map(|b| {
                    let key = b.key.clone();
                    view! {
                        <button type="button" class="shortcut" on:click=move |_| {
                            let key = key.clone();
                            ctx.update(true, |s| s.toggle(facet, &key));
                        }>{b.label}" "<span class="count">{b.count}</span></button>
                    }
                })
                .collect_view()
        };
        let searches = tally(Facet::Lead)
            .into_iter()
            .take(3)
            .map(|b| {
                let query = b.label.clone();
                view! {
                    <button type="button" class="shortcut" on:click=move |_| {
                        let query = query.clone();
                        ctx.update(true, |s| {
                            s.query = query;
                            s.page = 0;
                        });
                    }>"“"{b.label}"”"</button>
                }
            })
            .collect_view();
        view! {
            <section class="landing" aria-labelledby="landing-title">
                <h2 id="landing-title">{t("landing_title")}</h2>
                <ul class="landing-facts">{facts}{(!span.is_empty()).then(|| view! { <li><strong>{span}</strong></li> })}</ul>
                <p class="landing-row"><span class="landing-label">{t("facet_topic")}</span>{filters(Facet::Topic, tally(Facet::Topic))}</p>
                <p class="landing-row"><span class="landing-label">{t("facet_region")}</span>{filters(Facet::Region, regions)}</p>
                <p class="landing-row"><span class="landing-label">{t("landing_try")}</span>{searches}</p>
                <p class="hint">{t("landing_hint")}</p>
            </section>
        }
    }
}
