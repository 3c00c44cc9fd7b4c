//! The figures view: every quantitative statement of the current result set as a table —
//! value as written and normalised, unit, kind, direction, the sentence with the figure
//! marked, and its document — filterable by kind, sortable by value.

use super::facet_panel::ActiveFilters;
use super::results::highlighted;
use super::Ctx;

use crate::explore::{figures, FigureSort};
use crate::model::{Direction, FigureKind};
use crate::search::snippet::Snippet;
use leptos::prelude::*;

/// Rows shown at most; the count says how many there are.
const MAX_ROWS: usize = 500;

const KINDS: [(FigureKind, &str, &str); 6] = [
    (FigureKind::Money, "money", "figure_money"),
    (FigureKind::Percent, "percent", "figure_percent"),
    (
        FigureKind::RateOfChange,
        "rate_of_change",
        "figure_rate_of_change",
    ),
    (FigureKind::Count, "count", "figure_count"),
    (FigureKind::Duration, "duration", "figure_duration"),
    (FigureKind::Quantity, "quantity", "figure_quantity"),
];

pub use crate::explore::format::format_figure;

#[component]
pub fn FiguresView() -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    let kind = RwSignal::new(None::<FigureKind>);
    let sort = RwSignal::new(FigureSort::Document);
    let table = move || {
        let data = ctx.data();
        let list = ctx.outcome.with(|o| {
            figures(
                &data.bundle,
                &data.index(),
                &o.filtered,
                kind.get(),
                sort.get(),
            )
        });
        let total = list.len();
        // The rows' sentences come with their documents' texts.
        ctx.need_texts(list.iter().take(MAX_ROWS).map(|r| r.doc as usize));
        ctx.texts.track();
        let rows = list
            .into_iter()
            .take(MAX_ROWS)
            .map(|r| {
                let doc = &data.bundle.documents[r.doc as usize];
                let f = &doc.figures[r.figure as usize];
                // Until the text is here, the sentence cell says so and the figure is its value.
                let (written, sentence, snippet) =
                    match data.figure_text(r.doc as usize, r.figure as usize) {
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
                let sentence = highlighted(&sentence, &snippet);
                let kind_label = KINDS
                    .iter()
                    .find(|k| k.0 == f.kind)
                    .map_or("", |k| ctx.t(k.2));
                let direction = f.direction.map(|d| match d {
                    Direction::Up => format!("↑ {}", ctx.t("up")),
                    Direction::Down => format!("↓ {}", ctx.t("down")),
                });
                let href = ctx.link(&doc.id, Some(f.item));
                let (doc_id, item) = (StoredValue::new(doc.id.clone()), f.item);
                let text_lang = super::documents::html_lang(doc.lang);
                view! {
                    <tr>
                        <td class="num" lang=text_lang>{written}</td>
                        <td class="num">{format_figure(f.value, f.upper)}</td>
                        <td>{f.unit.clone()}</td>
                        <td>{kind_label}</td>
                        <td>{direction}</td>
                        <td class="sentence" lang=text_lang>{sentence}</td>
                        <td><a href=href on:click=move |ev| {
                            if super::url::is_plain_click(&ev) {
                                ev.prevent_default();
                                ctx.update(true, |s| {
                                    s.doc = Some(doc_id.get_value());
                                    s.item = Some(item);
                                });
                            }
                        }>{doc.title.clone()}</a></td>
                    </tr>
                }
            })
            .collect_view();
        let t = |key| ctx.t(key);
        view! {
            <p class="count" role="status">{format!("{total} {}", t("view_figures"))}</p>
            <div class="table-wrap">
                <table class="figures">
                    <thead><tr>
                        <th scope="col">{t("value")}</th><th scope="col">"#"</th><th scope="col">{t("unit")}</th>
                        <th scope="col">{t("kind")}</th><th scope="col">{t("direction")}</th>
                        <th scope="col">{t("sentence")}</th><th scope="col">{t("document")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };
    view! {
        <section class="figures-view" aria-label=move || ctx.t("view_figures")>
            <div class="toolbar">
                <label>
                    <span>{move || ctx.t("kind")}</span>
                    <select id="figure-kind" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        kind.set(KINDS.iter().find(|k| k.1 == v).map(|k| k.0));
                    }>
                        <option value="">{move || ctx.t("all_kinds")}</option>
                        {KINDS.iter().map(|&(_, key, label)| {
                            view! { <option value=key>{move || ctx.t(label)}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || ctx.t("sort")}</span>
                    <select id="figure-sort" on:change=move |ev| {
                        sort.set(match event_target_value(&ev).as_str() {
                            "desc" => FigureSort::ValueDesc,
                            "asc" => FigureSort::ValueAsc,
                            "kind" => FigureSort::Kind,
                            _ => FigureSort::Document,
                        });
                    }>
                        <option value="document">{move || ctx.t("sort_document")}</option>
                        <option value="desc">"↓ #"</option>
                        <option value="asc">"↑ #"</option>
                        <option value="kind">{move || ctx.t("kind")}</option>
                    </select>
                </label>
            </div>
            <ActiveFilters/>
            {table}
        </section>
    }
}
