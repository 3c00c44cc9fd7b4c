//! The charts view: the current result set as pictures (statistics and specs from
//! `crate::charts`), rendered by ECharts, which is loaded the first time a chart is shown.
//! Charts are filters: clicking a bar, node or cell applies that facet value. Each chart has
//! a title, a description for screen readers, and a "show data" table.

use super::facet_panel::ActiveFilters;
use super::Ctx;
use crate::explore::facets::Facet;
use crate::explore::state::date_bound;
use crate::model::FigureKind;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

mod draw;
mod links;
use draw::*;
use links::*;

#[wasm_bindgen(module = "/src/app/charts.js")]
extern "C" {
    /// Loads ECharts and the chart module (once); resolves when both are ready.
    #[wasm_bindgen(js_name = loadCharts)]
    fn load_charts() -> js_sys::Promise;
    /// Draws a [`Spec`] (as JSON) into `element`; throws if the module rejects the spec.
    #[wasm_bindgen(js_name = renderChart, catch)]
    fn render_chart(
        element: &web_sys::Element,
        spec: &str,
        dark: bool,
        on_click: &JsValue,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = disposeChart)]
    fn dispose_chart(element: &web_sys::Element);
}

type ClickHandler = Closure<dyn FnMut(String, i32, String, String)>;

thread_local! {
    /// Element ids are unique even if the app is mounted twice on one page.
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    /// Click handlers live as long as their chart element.
    static HANDLERS: RefCell<HashMap<String, ClickHandler>> = RefCell::new(HashMap::new());
}

fn dark_theme() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let chosen = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-theme"))
        .unwrap_or_default();
    match chosen.as_str() {
        "dark" => true,
        "light" => false,
        _ => window
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// What choosing a row of a chart's data table does: the same as clicking its bar, cell,
/// node or period, so that every drill-down works from the keyboard too.
#[derive(Clone, Debug, PartialEq)]
enum Action {
    Toggle(Facet, String),
    Open(String, u32),
    Period(String),
    Cell(String, String),
    /// The documents view on the documents that cite this one.
    Cites(String),
}

impl Action {
    fn run(&self, ctx: &Ctx) {
        match self.clone() {
            Action::Toggle(facet, key) => ctx.update(true, |s| s.toggle(facet, &key)),
            Action::Open(doc, item) => ctx.update(true, |s| {
                s.doc = Some(doc);
                s.item = Some(item);
            }),
            Action::Period(bucket) => {
                let (from, to) = (date_bound(&bucket), date_bound(&bucket));
                ctx.update(true, |s| {
                    s.from = from;
                    s.to = to;
                    s.page = 0;
                });
            }
            Action::Cell(region, topic) => ctx.update(true, |s| {
                s.toggle(Facet::Region, &region);
                s.toggle(Facet::Topic, &topic);
            }),
            Action::Cites(doc) => ctx.update(true, |s| {
                s.view = crate::explore::state::View::Documents;
                s.cites = Some(doc);
                s.cited_by = None;
                s.doc = None;
                s.item = None;
                s.page = 0;
            }),
        }
    }
}

/// One row of a chart's data table.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    label: String,
    value: String,
    action: Option<Action>,
}

/// What one chart shows: its spec (as JSON, for the chart module), its data as table rows
/// under two column headers (interface-text keys), and a note on what it leaves out.
struct Drawn {
    spec: String,
    rows: Vec<Row>,
    columns: (&'static str, &'static str),
    note: Option<String>,
}

/// Whether charts are drawn for a phone (shorter labels).
fn narrow() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < 640.0)
}

/// One chart box. `draw` computes the chart from the context; `click` receives
/// (name, data index, id) of what was clicked.
#[component]
fn ChartBox(
    title: &'static str,
    draw: fn(&Ctx) -> Drawn,
    click: fn(&Ctx, &str, i32, &str),
    /// Let the user brush a range along the x axis (reported to `click` with index -2).
    #[prop(optional)]
    brush: bool,
) -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    let id = NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        format!("chart-{}", n.get())
    });
    let node: NodeRef<leptos::html::Div> = NodeRef::new();
    let error = RwSignal::new(None::<String>);
    let rows = RwSignal::new(Vec::<Row>::new());
    let columns = RwSignal::new(("", ""));
    let note = RwSignal::new(None::<String>);
    let handler: ClickHandler = Closure::new(
        move |name: String, index: i32, key: String, _series: String| {
            click(&ctx, &name, index, &key);
        },
    );
    HANDLERS.with(|h| h.borrow_mut().insert(id.clone(), handler));

    // `?chart=topics` (an embed of one chart) shows only that one; the others draw nothing.
    let key = title.trim_start_matches("chart_");
    let shown = Memo::new(move |_| {
        ctx.state
            .with(|s| s.chart.as_deref().is_none_or(|c| c == key))
    });
    let effect_id = id.clone();
    Effect::new(move |_| {
        if !shown.get() {
            return;
        }
        let drawn = draw(&ctx);
        rows.set(drawn.rows);
        columns.set(drawn.columns);
        note.set(drawn.note);
        let Some(element) = node.get() else { return };
        let element: web_sys::Element = element.into();
        let spec = drawn.spec;
        let id = effect_id.clone();
        leptos::task::spawn_local(async move {
            let drawn = match wasm_bindgen_futures::JsFuture::from(load_charts()).await {
                Ok(_) => HANDLERS.with(|h| match h.borrow().get(&id) {
                    Some(handler) => render_chart(&element, &spec, dark_theme(), handler.as_ref()),
                    None => Ok(()),
                }),
                Err(e) => Err(e),
            };
            if let Err(e) = drawn {
                let message = e
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .or_else(|| e.as_string())
                    .unwrap_or_else(|| "unknown error".into());
                error.set(Some(message));
            }
        });
    });
    let cleanup_id = id.clone();
    on_cleanup(move || {
        if let Some(element) = node.get_untracked() {
            dispose_chart(&element.into());
        }
        HANDLERS.with(|h| h.borrow_mut().remove(&cleanup_id));
    });

    let heading = format!("{id}-title");
    view! {
        <figure class="chart-box" data-chart=title aria-labelledby=heading.clone() class:hidden=move || !shown.get()>
            <figcaption id=heading.clone()>{move || ctx.t(title)}</figcaption>
            // Nothing to draw: a sentence instead of empty axes.
            <p class="chart-empty" hidden=move || rows.with(|r| !r.is_empty())>{move || ctx.t("chart_empty")}</p>
            <div class="chart" id=id node_ref=node role="img" data-brush=brush.then_some("x")
                class:hidden=move || rows.with(Vec::is_empty)
                aria-label=move || {
                    let described: Vec<String> = rows.get().iter().take(8).map(|r| format!("{}: {}", r.label, r.value)).collect();
                    format!("{}. {}", ctx.t(title), described.join("; "))
                }></div>
            {move || note.get().map(|n| view! { <p class="chart-note">{n}</p> })}
            {move || error.get().map(|e| view! { <p class="notice" role="alert">{ctx.t("chart_error")} " " {e}</p> })}
            <details hidden=move || rows.with(Vec::is_empty)>
                <summary>{move || ctx.t("show_data")}</summary>
                <table class="chart-data">
                    <thead><tr>
                        <th scope="col">{move || ctx.t(columns.get().0)}</th>
                        <th scope="col">{move || ctx.t(columns.get().1)}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| {
                            let label = match r.action {
                                Some(action) => view! {
                                    <button type="button" class="link-button" on:click=move |_| action.run(&ctx)>{r.label}</button>
                                }.into_any(),
                                None => r.label.into_any(),
                            };
                            view! { <tr><th scope="row">{label}</th><td>{r.value}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

/// The selected item's diffusion, for the reader: its related items by date and region.
#[component]
pub fn DiffusionChart() -> impl IntoView {
    view! {
        <div class="chart-grid chart-single">
            <ChartBox title="chart_diffusion" draw=draw_diffusion click=|c, _, _, id| click_diffusion(c, id)/>
        </div>
    }
}

#[component]
pub fn ChartsView() -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    view! {
        <section class="charts-view" aria-labelledby="charts-heading">
            <h2 id="charts-heading" class="visually-hidden">{move || ctx.t("view_charts")}</h2>
            <p class="hint">{move || ctx.t("chart_hint")}</p>
            <ActiveFilters/>
            <div class="chart-grid">
                <ChartBox title="chart_topics"
                    draw=|c| facet_bars(c, Facet::Topic, "chart_topics", 12, true)
                    click=|c, _, i, _| click_bar(c, Facet::Topic, 12, true, i)/>
                <ChartBox title="chart_regions"
                    draw=|c| facet_bars(c, Facet::Region, "chart_regions", 12, true)
                    click=|c, _, i, _| click_bar(c, Facet::Region, 12, true, i)/>
                <ChartBox title="chart_leads"
                    draw=|c| facet_bars(c, Facet::Lead, "chart_leads", 10, true)
                    click=|c, _, i, _| click_bar(c, Facet::Lead, 10, true, i)/>
                <ChartBox title="chart_kinds"
                    draw=|c| facet_bars(c, Facet::Kind, "chart_kinds", 8, true)
                    click=|c, _, i, _| click_bar(c, Facet::Kind, 8, true, i)/>
                <ChartBox title="chart_headings"
                    draw=|c| facet_bars(c, Facet::Heading, "chart_headings", 12, true)
                    click=|c, _, i, _| click_bar(c, Facet::Heading, 12, true, i)/>
                <ChartBox title="chart_timeline" draw=draw_timeline brush=true
                    click=|c, name, _, _| {
                        // A click selects one period; a brush ("first|last") a range of them.
                        let (first, last) = name.split_once('|').unwrap_or((name, name));
                        let (from, to) = (date_bound(first), date_bound(last));
                        c.update(true, |s| {
                            s.from = from;
                            s.to = to;
                            s.page = 0;
                        });
                    }/>
                <ChartBox title="chart_matrix" draw=draw_matrix click=|c, _, i, _| click_matrix(c, i)/>
                <ChartBox title="chart_money"
                    draw=|c| draw_figures(c, FigureKind::Money, Some("yuan"), "chart_money", 1e6, "million_yuan")
                    click=|c, _, i, _| click_figure(c, FigureKind::Money, Some("yuan"), i)/>
                <ChartBox title="chart_percent"
                    draw=|c| draw_figures(c, FigureKind::Percent, None, "chart_percent", 1.0, "percent_axis")
                    click=|c, _, i, _| click_figure(c, FigureKind::Percent, None, i)/>
                <ChartBox title="chart_counts"
                    draw=|c| draw_figures(c, FigureKind::Count, None, "chart_counts", 1.0, "count_axis")
                    click=|c, _, i, _| click_figure(c, FigureKind::Count, None, i)/>
                <ChartBox title="chart_citations" draw=draw_citations
                    click=|c, _, _, id| click_citation(c, id)/>
                <ChartBox title="chart_network" draw=draw_network
                    click=|c, _, _, key| {
                        let key = key.to_string();
                        if !key.is_empty() {
                            c.update(true, |s| s.toggle(Facet::Lead, &key));
                        }
                    }/>
            </div>
        </section>
    }
}
