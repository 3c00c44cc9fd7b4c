//! What each chart draws: the statistics of the current result set as a [`Spec`] for the
//! chart module, the rows of its data table (each with the filter it applies), and what a
//! click on a bar, cell or node selects.

use super::{narrow, Action, Drawn, Row};
use crate::app::Ctx;
use crate::charts::{stats, Spec};
use crate::explore::facets::Facet;
use crate::explore::format::format_figure;
use crate::explore::FigureSort;
use crate::model::FigureKind;
use leptos::prelude::*;

pub(super) fn spec_json(spec: &Spec) -> String {
    serde_json::to_string(spec).unwrap_or_default()
}

pub(super) fn bar_rows(bars: &[stats::Bar], facet: Option<Facet>) -> Vec<Row> {
    bars.iter()
        .map(|b| Row {
            label: b.label.clone(),
            value: b.count.to_string(),
            action: facet
                .filter(|_| !b.key.is_empty())
                .map(|f| Action::Toggle(f, b.key.clone())),
        })
        .collect()
}

/// The `max` largest values of a facet over the result set, and the items of the rest.
pub(super) fn bars_with_rest(ctx: &Ctx, facet: Facet, max: usize) -> (Vec<stats::Bar>, usize) {
    let data = ctx.data();
    let zh = ctx.zh();
    let mut all = ctx
        .outcome
        .with(|o| stats::tally(&data.catalog, facet, &o.filtered, zh));
    // Headings come in document order, an outline of one document; when there are more
    // than fit (several documents), the largest are shown.
    if facet == Facet::Heading && all.len() > max {
        all.sort_by(|a, b| b.count.cmp(&a.count));
    }
    stats::top(all, max)
}

/// Bars of a facet's largest values. What they leave out is a note, not a bar: an "Other"
/// bar summing the rest dwarfed the bars it summarised.
pub(super) fn facet_bars(
    ctx: &Ctx,
    facet: Facet,
    title: &'static str,
    max: usize,
    horizontal: bool,
) -> Drawn {
    let (shown, rest) = bars_with_rest(ctx, facet, max);
    let mut rows = bar_rows(&shown, Some(facet));
    let note =
        (rest > 0).then(|| format!("{}: {rest} {}", ctx.t("other_values"), ctx.t("items_lower")));
    if rest > 0 {
        rows.push(Row {
            label: ctx.t("other_values").to_string(),
            value: rest.to_string(),
            action: None,
        });
    }
    let spec = Spec::Bars {
        title: ctx.t(title).to_string(),
        bars: shown,
        horizontal,
        axis: ctx.t("items").to_string(),
        narrow: narrow(),
    };
    Drawn {
        spec: spec_json(&spec),
        rows,
        columns: (facet_column(facet), "items"),
        note,
    }
}

/// The data table's first column header for a facet's bars.
pub(super) fn facet_column(facet: Facet) -> &'static str {
    match facet {
        Facet::Topic => "facet_topic",
        Facet::Region => "facet_region",
        Facet::Lead => "facet_lead",
        Facet::Kind => "facet_kind",
        _ => "chart_value",
    }
}

/// The facet value of the clicked bar (bars are drawn largest first; horizontal charts
/// list them bottom-up).
pub(super) fn click_bar(ctx: &Ctx, facet: Facet, max: usize, horizontal: bool, index: i32) {
    let bars = untrack(|| bars_with_rest(ctx, facet, max).0);
    let Ok(index) = usize::try_from(index) else {
        return;
    };
    let index = if horizontal {
        bars.len().checked_sub(index + 1)
    } else {
        Some(index)
    };
    if let Some(bar) = index
        .and_then(|i| bars.get(i))
        .filter(|b| !b.key.is_empty())
    {
        let key = bar.key.clone();
        ctx.update(true, |s| s.toggle(facet, &key));
    }
}

/// The largest figures of one kind (and unit) in the result set: each bar is one figure,
/// labelled as written; clicking it opens its sentence in the reader.
pub(super) fn largest_figures(
    ctx: &Ctx,
    kind: FigureKind,
    unit: Option<&str>,
) -> Vec<(String, f64, String, u32, String)> {
    let data = ctx.data();
    let refs = ctx.outcome.with(|o| {
        crate::explore::figures(
            &data.bundle,
            &data.index(),
            &o.filtered,
            Some(kind),
            FigureSort::ValueDesc,
        )
    });
    let refs: Vec<_> = refs
        .into_iter()
        .filter(|r| {
            unit.is_none_or(|u| {
                data.bundle.documents[r.doc as usize].figures[r.figure as usize].unit == u
            })
        })
        .take(12)
        .collect();
    // A figure is labelled as written once its text is here, by its value until then.
    ctx.need_texts(refs.iter().map(|r| r.doc as usize));
    ctx.texts.track();
    refs.into_iter()
        .map(|r| {
            let doc = &data.bundle.documents[r.doc as usize];
            let f = &doc.figures[r.figure as usize];
            let text = data.figure_text(r.doc as usize, r.figure as usize);
            let (written, sentence) = match text {
                Some(t) => (t.written, t.sentence),
                None => (format_figure(f.value, f.upper), String::new()),
            };
            (written, f.value, doc.id.clone(), f.item, sentence)
        })
        .collect()
}

/// `scale` divides the values (money is shown in millions); `axis` names them.
pub(super) fn draw_figures(
    ctx: &Ctx,
    kind: FigureKind,
    unit: Option<&str>,
    title: &'static str,
    scale: f64,
    axis: &'static str,
) -> Drawn {
    let figures = largest_figures(ctx, kind, unit);
    let bars: Vec<stats::Bar> = figures
        .iter()
        .map(|(written, value, _, _, _)| stats::Bar {
            key: String::new(),
            label: written.clone(),
            count: (*value / scale).round() as usize,
        })
        .collect();
    let spec = Spec::Bars {
        title: ctx.t(title).to_string(),
        bars,
        horizontal: true,
        axis: ctx.t(axis).to_string(),
        narrow: narrow(),
    };
    let rows = figures
        .into_iter()
        .map(|(written, _, doc, item, sentence)| Row {
            label: written,
            value: sentence,
            action: Some(Action::Open(doc, item)),
        })
        .collect();
    Drawn {
        spec: spec_json(&spec),
        rows,
        columns: ("figure", "sentence"),
        note: None,
    }
}

pub(super) fn click_figure(ctx: &Ctx, kind: FigureKind, unit: Option<&str>, index: i32) {
    let figures = untrack(|| largest_figures(ctx, kind, unit));
    // Horizontal bars are listed bottom-up.
    let Some(i) = usize::try_from(index)
        .ok()
        .and_then(|i| figures.len().checked_sub(i + 1))
    else {
        return;
    };
    if let Some((_, _, doc, item, _)) = figures.get(i) {
        let (doc, item) = (doc.clone(), *item);
        ctx.update(true, |s| {
            s.doc = Some(doc);
            s.item = Some(item);
        });
    }
}

pub(super) fn draw_timeline(ctx: &Ctx) -> Drawn {
    let data = ctx.data();
    let (periods, _) = ctx
        .outcome
        .with(|o| stats::timeline(&data.bundle, &data.index(), &o.filtered));
    let rows = periods
        .iter()
        .map(|p| Row {
            label: p.bucket.clone(),
            value: format!("{} / {}", p.documents, p.items),
            action: Some(Action::Period(p.bucket.clone())),
        })
        .collect();
    let spec = Spec::Timeline {
        title: ctx.t("chart_timeline").to_string(),
        periods,
        documents: ctx.t("documents_upper").to_string(),
        items: ctx.t("items").to_string(),
    };
    Drawn {
        spec: spec_json(&spec),
        rows,
        columns: ("period", "documents_items"),
        note: None,
    }
}

pub(super) fn draw_network(ctx: &Ctx) -> Drawn {
    let data = ctx.data();
    let net = ctx
        .outcome
        .with(|o| stats::network(&data.bundle, &data.index(), &o.filtered, ctx.zh(), 30));
    let rows = bar_rows(&net.nodes, Some(Facet::Lead));
    let spec = Spec::Network {
        title: ctx.t("chart_network").to_string(),
        network: net,
    };
    Drawn {
        spec: spec_json(&spec),
        rows,
        columns: ("facet_lead", "items"),
        note: None,
    }
}

pub(super) fn draw_matrix(ctx: &Ctx) -> Drawn {
    let data = ctx.data();
    let m = ctx
        .outcome
        .with(|o| stats::matrix(&data.catalog, &o.filtered, ctx.zh(), 10, 8));
    let rows = m
        .cells
        .iter()
        .map(|&(r, c, n)| Row {
            label: format!("{} × {}", m.rows[r].label, m.columns[c].label),
            value: n.to_string(),
            action: Some(Action::Cell(
                m.rows[r].key.clone(),
                m.columns[c].key.clone(),
            )),
        })
        .collect();
    let spec = Spec::Heatmap {
        title: ctx.t("chart_matrix").to_string(),
        matrix: m,
        narrow: narrow(),
    };
    Drawn {
        spec: spec_json(&spec),
        rows,
        columns: ("chart_cell", "items"),
        note: None,
    }
}

pub(super) fn click_matrix(ctx: &Ctx, index: i32) {
    let data = ctx.data();
    let m = ctx
        .outcome
        .with_untracked(|o| stats::matrix(&data.catalog, &o.filtered, ctx.zh(), 10, 8));
    if let Some(&(r, c, _)) = usize::try_from(index).ok().and_then(|i| m.cells.get(i)) {
        let (region, topic) = (m.rows[r].key.clone(), m.columns[c].key.clone());
        ctx.update(true, |s| {
            s.toggle(Facet::Region, &region);
            s.toggle(Facet::Topic, &topic);
        });
    }
}
