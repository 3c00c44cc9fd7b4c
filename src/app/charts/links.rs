//! The charts of the links: the selected item's diffusion (in the reader) and the
//! citation graph of the result set's documents (in the charts view). Each point or node
//! is a link: a diffusion point opens its item, a document of the graph opens the
//! documents view on the documents that cite it.

use super::{spec_json, Action, Drawn, Row};
use crate::app::links::Arrival;
use crate::app::Ctx;
use crate::charts::links::{CiteNode, DiffusionPoint};
use crate::charts::Spec;
use crate::explore::links::{citation_graph, diffusion, row_label};
use crate::model::{ItemAt, Relation};
use leptos::prelude::*;

/// The series of a diffusion, in the order of `Spec::Diffusion::series`.
fn series_of(relation: Option<Relation>) -> usize {
    match relation {
        None => 0,
        Some(Relation::Copy) => 1,
        Some(Relation::Similar) => 2,
        Some(Relation::AcrossLanguages) => 3,
    }
}

/// A point's id: the document's id and the item's index.
fn point_id(ctx: &Ctx, at: ItemAt) -> String {
    let data = ctx.data();
    format!("{}#{}", data.bundle.documents[at.doc as usize].id, at.item)
}

/// A short name of a document for a chart: its title cut to `max` chars.
fn short_title(ctx: &Ctx, doc: u32, max: usize) -> String {
    crate::charts::specs::shorten(&ctx.data().bundle.documents[doc as usize].title, max)
}

/// A note for a chart whose links are not here (yet).
fn arrival_note(ctx: &Ctx, arrival: &Arrival) -> Option<String> {
    match arrival {
        Arrival::Here => None,
        Arrival::Waiting => Some(ctx.t("links_loading").to_string()),
        Arrival::Failed(why) => Some(format!("{} {why}", ctx.t("links_failed"))),
    }
}

pub(crate) fn draw_diffusion(ctx: &Ctx) -> Drawn {
    let data = ctx.data();
    let (doc, item) = ctx.state.with(|s| {
        let doc = s
            .doc
            .as_deref()
            .and_then(|id| data.bundle.documents.iter().position(|d| d.id == id));
        (doc, s.item)
    });
    let (Some(doc), Some(item)) = (doc, item) else {
        return Drawn {
            spec: String::new(),
            rows: Vec::new(),
            columns: ("col_document", "date_axis"),
            note: None,
        };
    };
    let arrival = ctx.need_related(doc);
    let at = ItemAt {
        doc: doc as u32,
        item,
    };
    let lang = if ctx.zh() {
        crate::model::Lang::Zh
    } else {
        crate::model::Lang::En
    };
    let d = data.with_links(|links| diffusion(&data.bundle, links, at));
    let rows: Vec<String> = d
        .rows
        .iter()
        .map(|r| row_label(&data.bundle, *r, lang, ctx.t("no_region")))
        .collect();
    let points: Vec<DiffusionPoint> = d
        .points
        .iter()
        .map(|p| DiffusionPoint {
            row: p.row,
            date: p.date.clone(),
            label: short_title(ctx, p.at.doc, 40),
            id: point_id(ctx, p.at),
            series: series_of(p.relation),
        })
        .collect();
    // Only the item itself: nothing travelled (yet).
    let table: Vec<Row> = if d.points.len() + d.undated.len() <= 1 {
        Vec::new()
    } else {
        d.points
            .iter()
            .map(|p| Row {
                label: format!("{} · {}", rows[p.row], short_title(ctx, p.at.doc, 60)),
                value: p.date.clone(),
                action: Some(Action::Open(
                    data.bundle.documents[p.at.doc as usize].id.clone(),
                    p.at.item,
                )),
            })
            .chain(d.undated.iter().map(|at| Row {
                label: short_title(ctx, at.doc, 60),
                value: ctx.t("undated").to_string(),
                action: Some(Action::Open(
                    data.bundle.documents[at.doc as usize].id.clone(),
                    at.item,
                )),
            }))
            .collect()
    };
    let series = [
        "diffusion_this",
        "relation_copy",
        "relation_similar",
        "relation_other_language",
    ]
    .iter()
    .map(|k| ctx.t(k).to_string())
    .collect();
    let spec = Spec::Diffusion {
        title: ctx.t("chart_diffusion").to_string(),
        rows,
        series,
        points,
        axis: ctx.t("date_axis").to_string(),
    };
    Drawn {
        spec: spec_json(&spec),
        rows: table,
        columns: ("col_document", "date_axis"),
        note: arrival_note(ctx, &arrival),
    }
}

/// A click on a diffusion point opens its item ("doc-id#item").
pub(crate) fn click_diffusion(ctx: &Ctx, id: &str) {
    let Some((doc, item)) = id.rsplit_once('#') else {
        return;
    };
    let (doc, Ok(item)) = (doc.to_string(), item.parse::<u32>()) else {
        return;
    };
    ctx.update(true, |s| {
        s.doc = Some(doc);
        s.item = Some(item);
    });
}

pub(crate) fn draw_citations(ctx: &Ctx) -> Drawn {
    let data = ctx.data();
    let arrival = ctx.need_citations();
    let docs: Vec<u32> = ctx.outcome.with(|o| {
        let index = data.index();
        let mut docs: Vec<u32> = o.filtered.iter().map(|id| index.item_ref(id).doc).collect();
        docs.dedup();
        docs
    });
    let graph = data.with_links(|links| citation_graph(&data.bundle, links, &docs));
    let dated: Vec<usize> = (0..graph.nodes.len())
        .filter(|&i| {
            data.bundle.documents[graph.nodes[i].doc as usize]
                .date
                .value
                .is_some()
        })
        .collect();
    let nodes: Vec<CiteNode> = dated
        .iter()
        .map(|&i| {
            let n = &graph.nodes[i];
            let doc = &data.bundle.documents[n.doc as usize];
            CiteNode {
                id: doc.id.clone(),
                label: short_title(ctx, n.doc, 40),
                date: doc.date.value.clone().unwrap_or_default(),
                cited: n.cited,
            }
        })
        .collect();
    let at = |i: usize| dated.iter().position(|&d| d == i);
    let edges = graph
        .edges
        .iter()
        .filter_map(|&(a, b)| Some((at(a)?, at(b)?)))
        .collect();
    let rows = graph
        .nodes
        .iter()
        .map(|n| Row {
            label: short_title(ctx, n.doc, 60),
            value: format!("{} · {}", n.cites, n.cited),
            action: Some(Action::Cites(
                data.bundle.documents[n.doc as usize].id.clone(),
            )),
        })
        .collect();
    let spec = Spec::Citations {
        title: ctx.t("chart_citations").to_string(),
        nodes,
        edges,
        axis: ctx.t("date_axis").to_string(),
    };
    Drawn {
        spec: spec_json(&spec),
        rows,
        columns: ("col_document", "col_citations"),
        note: arrival_note(ctx, &arrival),
    }
}

/// A click on a document of the graph: the documents that cite it.
pub(crate) fn click_citation(ctx: &Ctx, id: &str) {
    if !id.is_empty() {
        Action::Cites(id.to_string()).run(ctx);
    }
}
