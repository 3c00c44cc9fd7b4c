//! The figures view: every quantitative statement of the current result set as a table —
//! the figure as written, its value with the scale applied (and its qualifier: about, more
//! than …), unit (per period), kind, change, the sentence with the figure marked (clamped,
//! with an expander), and its document, region and date. Filter and order live in the URL
//! (`fkind`, `fsort`); the value, kind and document headers sort; on a phone each row is a
//! card. Exports what it shows.

use super::documents::{date_value_label, html_lang};
use super::export::{Export, ExportButtons};
use super::facet_panel::ActiveFilters;
use super::results::highlighted;
use super::Ctx;

use crate::explore::facets::Facet;
use crate::explore::format::{figure_kind_key, qualifier_key};
use crate::explore::{figures, FigureRef, FigureSort};
use crate::model::{units, Direction, FigureKind};
use crate::search::snippet::Snippet;
use leptos::prelude::*;

/// Rows shown at most; the count says how many there are, and the export holds them all.
const MAX_ROWS: usize = 500;

/// A sentence longer than this (in chars) is clamped, with a button to show it whole.
const LONG_SENTENCE: usize = 140;

pub use crate::explore::format::format_figure;

/// The current figures, as the URL's kind filter and order select them.
fn current(ctx: Ctx) -> Vec<FigureRef> {
    let data = ctx.data();
    let (kind, sort) = ctx.state.with(|s| (s.figure_kind, s.figure_sort));
    ctx.outcome
        .with(|o| figures(&data.bundle, &data.index(), &o.filtered, kind, sort))
}

/// One row of the table (a card on a phone).
fn row(ctx: Ctx, r: FigureRef) -> impl IntoView {
    let data = ctx.data();
    let lang = ctx.lang();
    let doc = &data.bundle.documents[r.doc as usize];
    let f = &doc.figures[r.figure as usize];
    // Until the text is here, the sentence cell says so and the figure is its value.
    let (written, sentence, snippet) = match data.figure_text(r.doc as usize, r.figure as usize) {
        Some(t) => {
            let len = t.written.chars().count();
            let snippet = Snippet {
                start: 0,
                end: t.sentence.chars().count(),
                ranges: vec![(t.at, t.at + len)],
            };
            (t.written, t.sentence, snippet)
        }
        None => {
            let wait = ctx.t("text_loading").to_string();
            let end = wait.chars().count();
            let snippet = Snippet {
                start: 0,
                end,
                ranges: Vec::new(),
            };
            (format_figure(f.value, f.upper), wait, snippet)
        }
    };
    let long = snippet.end > LONG_SENTENCE;
    let open = RwSignal::new(false);
    // Closed, a long sentence shows the stretch around its figure.
    let sentence = move || match (long && !open.get(), snippet.ranges.first()) {
        (true, Some(&(at, end))) => {
            // From a word's start: the first space within a few chars of the cut.
            let mut start = at.saturating_sub(LONG_SENTENCE / 3);
            if let Some(space) = sentence
                .chars()
                .skip(start)
                .take(12.min(at - start))
                .position(char::is_whitespace)
            {
                start += space + 1;
            }
            let window = Snippet {
                start,
                end: (start + LONG_SENTENCE).max(end).min(snippet.end),
                ranges: snippet.ranges.clone(),
            };
            highlighted(&sentence, &window).into_any()
        }
        _ => highlighted(&sentence, &snippet).into_any(),
    };
    let direction = f.direction.map(|d| match d {
        Direction::Up => format!("↑ {}", ctx.t("up")),
        Direction::Down => format!("↓ {}", ctx.t("down")),
    });
    let qualifier = f
        .qualifier
        .map(|q| view! { <span class="qual">{ctx.t(qualifier_key(q))}</span>" " });
    let unit = units::unit_with_period(&f.unit, f.per.as_deref(), ctx.zh());
    // The shortest of the item's region names: the province rather than its FTZ's name.
    let region = data
        .catalog
        .values_of(Facet::Region, r.item_id)
        .iter()
        .filter_map(|v| data.catalog.label(Facet::Region, v, ctx.zh()))
        .min_by_key(|l| l.chars().count())
        .map(str::to_string);
    let date = doc.date.value.as_deref().map(|d| date_value_label(d, lang));
    let meta = [region, date]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let href = ctx.link(&doc.id, Some(f.item));
    let outside = ctx.opens_outside();
    let (doc_id, item) = (StoredValue::new(doc.id.clone()), f.item);
    let text_lang = html_lang(doc.lang);
    let t = move |key| ctx.t(key);
    view! {
        <tr>
            <td class="written" data-label=t("as_written") lang=text_lang>{written}</td>
            <td class="num" data-label=t("value")>{qualifier}<span class="value">{format_figure(f.value, f.upper)}</span></td>
            <td class="unit" data-label=t("unit")>{unit}</td>
            <td class="kind" data-label=t("figure_kind")>{t(figure_kind_key(f.kind))}</td>
            <td class="change" data-label=t("direction")>{direction}</td>
            <td class="sentence" data-label=t("sentence")>
                <span class="clamp" class:open=open lang=text_lang>{sentence}</span>
                {long.then(|| view! {
                    <button type="button" class="more" aria-expanded=move || open.get().to_string()
                        on:click=move |_| open.update(|o| *o = !*o)>
                        {move || t(if open.get() { "text_less" } else { "show_more_text" })}
                    </button>
                })}
            </td>
            <td class="doc" data-label=t("document")>
                <a href=href class="clamp2" target=outside.then_some("_blank") rel=outside.then_some("noopener") on:click=move |ev| {
                    if super::url::is_plain_click(&ev) && !outside {
                        ev.prevent_default();
                        ctx.update(true, |s| {
                            s.doc = Some(doc_id.get_value());
                            s.item = Some(item);
                        });
                    }
                }>{doc.title.clone()}</a>
                <span class="meta">{meta}</span>
            </td>
        </tr>
    }
}

/// A column header that sorts: `sorts` are the orders it cycles through.
fn sort_header(ctx: Ctx, label: &'static str, sorts: &'static [FigureSort]) -> impl IntoView {
    let current = move || ctx.state.with(|s| s.figure_sort);
    let aria = move || match current() {
        s if !sorts.contains(&s) => "none",
        FigureSort::ValueDesc => "descending",
        _ => "ascending",
    };
    let arrow = move || match aria() {
        "ascending" => " ↑",
        "descending" => " ↓",
        _ => "",
    };
    let next = move || {
        let now = current();
        match sorts.iter().position(|&s| s == now) {
            Some(i) => sorts[(i + 1) % sorts.len()],
            None => sorts[0],
        }
    };
    view! {
        <th scope="col" aria-sort=aria>
            <button type="button" class="sort-head" on:click=move |_| {
                let sort = next();
                ctx.update(true, |s| s.figure_sort = sort);
            }>{move || ctx.t(label)}{arrow}</button>
        </th>
    }
}

#[component]
pub fn FiguresView() -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    let list = Memo::new(move |_| current(ctx));
    let table = move || {
        let total = list.with(Vec::len);
        let shown: Vec<FigureRef> = list.with(|l| l.iter().take(MAX_ROWS).copied().collect());
        // The rows' sentences come with their documents' texts.
        ctx.need_texts(shown.iter().map(|r| r.doc as usize));
        ctx.texts.track();
        ctx.state.with(|s| s.lang);
        let rows = shown.into_iter().map(|r| row(ctx, r)).collect_view();
        let t = move |key| ctx.t(key);
        let count = if total > MAX_ROWS {
            format!(
                "{total} {} · {} {MAX_ROWS}",
                t("view_figures"),
                t("showing_first")
            )
        } else {
            format!("{total} {}", t("view_figures"))
        };
        view! {
            <p class="count" role="status">{count}</p>
            <p class="hint">{t("value_hint")}</p>
            <div class="table-wrap">
                <table class="figures">
                    <thead><tr>
                        <th scope="col">{t("as_written")}</th>
                        {sort_header(ctx, "value", &[FigureSort::ValueDesc, FigureSort::ValueAsc])}
                        <th scope="col">{t("unit")}</th>
                        {sort_header(ctx, "figure_kind", &[FigureSort::Kind])}
                        <th scope="col">{t("direction")}</th>
                        <th scope="col">{t("sentence")}</th>
                        {sort_header(ctx, "document", &[FigureSort::Document])}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };
    let kind_options = move || {
        let selected = ctx.state.with(|s| s.figure_kind);
        FigureKind::ALL
            .into_iter()
            .map(|k| {
                view! { <option value=k.key() selected=selected == Some(k)>{ctx.t(figure_kind_key(k))}</option> }
            })
            .collect_view()
    };
    let sort_options = move || {
        let selected = ctx.state.with(|s| s.figure_sort);
        let label = |s: FigureSort| match s {
            FigureSort::Document => ctx.t("sort_document"),
            FigureSort::ValueDesc => ctx.t("sort_value_desc"),
            FigureSort::ValueAsc => ctx.t("sort_value_asc"),
            FigureSort::Kind => ctx.t("figure_kind"),
        };
        FigureSort::ALL
            .into_iter()
            .map(|s| view! { <option value=s.key() selected=selected == s>{label(s)}</option> })
            .collect_view()
    };
    let empty = Signal::derive(move || list.with(Vec::is_empty));
    let rows = Callback::new(move |()| Export::Figures(list.get_untracked()));
    view! {
        <section class="figures-view" aria-labelledby="figures-heading">
            <h2 id="figures-heading" class="visually-hidden">{move || ctx.t("view_figures")}</h2>
            <div class="toolbar">
                <label>
                    <span>{move || ctx.t("figure_kind")}</span>
                    <select id="figure-kind" on:change=move |ev| {
                        let kind = FigureKind::parse(&event_target_value(&ev));
                        ctx.update(true, |s| s.figure_kind = kind);
                    }>
                        <option value="" selected=move || ctx.state.with(|s| s.figure_kind.is_none())>{move || ctx.t("all_kinds")}</option>
                        {kind_options}
                    </select>
                </label>
                <label>
                    <span>{move || ctx.t("sort")}</span>
                    <select id="figure-sort" on:change=move |ev| {
                        let sort = FigureSort::parse(&event_target_value(&ev)).unwrap_or_default();
                        ctx.update(true, |s| s.figure_sort = sort);
                    }>{sort_options}</select>
                </label>
                <ExportButtons view="figures" rows=rows empty=empty id_prefix="figures-export"/>
            </div>
            <ActiveFilters/>
            {table}
        </section>
    }
}
