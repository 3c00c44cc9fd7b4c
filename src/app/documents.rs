//! The documents table (title, number and issuer, region, language, date, counts, and the
//! matching items while a search or filter is on), and the labels of a document that other
//! views share: dates, sizes, language, its source page's facts.

use super::url;
use crate::explore::documents::{document_rows, DocRow, DocSort};
use crate::explore::format::group_thousands;
use crate::explore::state::UiLang;
use crate::model::{Bundle, DateSource, Document, ItemKind, Lang};
use leptos::prelude::*;
use std::sync::Arc;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date value alone: "2 Sep 2020", "Mar 2021", "2021" — or 2020年9月2日, 2021年3月.
pub fn date_value_label(value: &str, lang: UiLang) -> String {
    let parts: Vec<&str> = value.split('-').collect();
    if lang == UiLang::Zh {
        return match parts.as_slice() {
            [y, m, d] => format!(
                "{y}年{}月{}日",
                m.trim_start_matches('0'),
                d.trim_start_matches('0')
            ),
            [y, m] => format!("{y}年{}月", m.trim_start_matches('0')),
            _ => format!("{value}年"),
        };
    }
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
            .copied()
            .unwrap_or("?")
    };
    match parts.as_slice() {
        [y, m, d] => format!("{} {} {y}", d.trim_start_matches('0'), month(m)),
        [y, m] => format!("{} {y}", month(m)),
        _ => value.to_string(),
    }
}

/// A document's publication date apart from its date: the one its text states, or its
/// page's (发布日期), unless it is the same day.
fn published(doc: &Document) -> Option<&str> {
    let text = doc.published.as_ref().and_then(|d| d.value.as_deref());
    let page = doc.page.as_ref().and_then(|p| p.published.as_deref());
    text.or(page)
        .filter(|p| Some(*p) != doc.date.value.as_deref())
}

/// A document's dates, each saying which it is: "signed 21 Jan 2021 · published 8 Feb
/// 2021", "published 1 Jun 2022", "2 Sep 2020 (inferred)", "undated" — or 成文 2021年1月21日
/// · 发布 2021年2月8日, 2020年9月2日（推断）.
pub fn date_label(doc: &Document, lang: UiLang) -> String {
    let t = |key| crate::explore::i18n::t(lang, key);
    let Some(value) = doc.date.value.as_deref() else {
        return t("undated").to_string();
    };
    let label = date_value_label(value, lang);
    let date = match doc.date.source {
        DateSource::Inferred => format!("{label} {}", t("inferred_mark")),
        DateSource::Signed | DateSource::Page => format!("{} {label}", t("date_signed")),
        DateSource::Stated => format!("{} {label}", t("date_published")),
        DateSource::None => label,
    };
    match published(doc).filter(|_| doc.date.source != DateSource::Stated) {
        Some(p) => format!(
            "{date} · {} {}",
            t("date_published"),
            date_value_label(p, lang)
        ),
        None => date,
    }
}

/// "68 measures", "6 cases", "9 sections" (those it has), then "11,117 characters" — in
/// the interface language.
pub fn size_labels(doc: &Document, lang: UiLang) -> Vec<String> {
    let t = |key| crate::explore::i18n::t(lang, key);
    let count = |kind| doc.items.iter().filter(|i| i.kind == kind).count();
    let mut out: Vec<String> = [
        (ItemKind::Measure, "measures"),
        (ItemKind::Case, "cases"),
        (ItemKind::Section, "sections"),
    ]
    .into_iter()
    .filter(|&(kind, _)| count(kind) > 0)
    .map(|(kind, name)| format!("{} {}", count(kind), t(name)))
    .collect();
    out.push(format!(
        "{} {}",
        group_thousands(doc.char_len() as u64),
        t("characters")
    ));
    out
}

pub fn lang_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Zh => "中文",
    }
}

pub fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    }
}

/// What the source page says about itself: issuer, publication date, subject, keywords,
/// index number, a number the text does not state, and a link to the original page (http
/// and https addresses only).
pub fn page_facts(page: &crate::model::PageInfo, ui: UiLang) -> impl IntoView {
    let t = |key| crate::explore::i18n::t(ui, key);
    let published = page.published.as_deref().map(|v| date_value_label(v, ui));
    let rows: Vec<(&str, String)> = [
        ("page_issuer", page.issuer.clone()),
        ("page_published", published),
        ("page_number", page.number.clone()),
        (
            "page_subject",
            (!page.subjects.is_empty()).then(|| page.subjects.join(" › ")),
        ),
        (
            "page_keywords",
            (!page.keywords.is_empty()).then(|| page.keywords.join("、")),
        ),
        ("page_index", page.index_no.clone()),
    ]
    .into_iter()
    .filter_map(|(key, value)| value.map(|v| (t(key), v)))
    .collect();
    let link = page
        .url
        .clone()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .map(|url| {
            let href = url.clone();
            view! {
                <dt>{t("page_url")}</dt>
                <dd><a href=href rel="noopener noreferrer nofollow" target="_blank">{url}</a></dd>
            }
        });
    let rows = rows
        .into_iter()
        .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
        .collect_view();
    view! { <dl class="reader-page">{rows}{link}</dl> }
}

/// The documents per page of the table.
const DOCS_PER_PAGE: usize = 50;

/// The table of documents: title (a link to the reader), number and issuer, region,
/// language, date, items and measures — and, while a search or filter is on, how many of
/// each document's items match. With `on_sort`, the title, date, items and matching
/// headers sort; on a phone each row is a card.
#[component]
pub fn DocumentList(
    bundle: Arc<Bundle>,
    on_open: Callback<Option<String>>,
    /// The `?bundle=` in force, kept in the links.
    #[prop(default = None)]
    bundle_url: Option<String>,
    /// The interface language.
    #[prop(default = UiLang::En)]
    lang: UiLang,
    /// The rows and their order (every document in corpus order if not given).
    #[prop(optional)]
    rows: Option<Vec<DocRow>>,
    /// The order shown, and what a sortable header asks for.
    #[prop(optional)]
    sort: DocSort,
    #[prop(optional)] on_sort: Option<Callback<DocSort>>,
    /// A search or filter is on: the matching column shows.
    #[prop(optional)]
    filtering: bool,
) -> impl IntoView {
    let t = move |key| crate::explore::i18n::t(lang, key);
    let rows = rows.unwrap_or_else(|| {
        (0..bundle.documents.len() as u32)
            .map(|doc| {
                let d = &bundle.documents[doc as usize];
                DocRow {
                    doc,
                    items: d.items.iter().filter(|i| i.kind.is_content()).count(),
                    measures: d
                        .items
                        .iter()
                        .filter(|i| i.kind == ItemKind::Measure)
                        .count(),
                    matched: 0,
                }
            })
            .collect()
    });
    let zh = lang == UiLang::Zh;
    let body = rows
        .into_iter()
        .map(|r| {
            let doc = &bundle.documents[r.doc as usize];
            let id = doc.id.clone();
            // What identifies the document to its readers: its number and issuer (not the
            // name of the file it was read from).
            let numbers: Vec<&str> = doc.doc_numbers.iter().map(|n| n.text.as_str()).collect();
            let issuer = doc.page.as_ref().and_then(|p| p.issuer.clone());
            let about = numbers
                .iter()
                .map(|n| n.to_string())
                .chain(issuer)
                .collect::<Vec<_>>()
                .join(" · ");
            let region = doc
                .regions
                .iter()
                .filter_map(|&i| bundle.regions.get(i as usize))
                .map(|e| e.name(if zh { Lang::Zh } else { Lang::En }).to_string())
                .take(2)
                .collect::<Vec<_>>()
                .join(", ");
            let href = crate::explore::state::State {
                doc: Some(doc.id.clone()),
                bundle: bundle_url.clone(),
                ..Default::default()
            }
            .to_query();
            view! {
                <tr class="doc-card">
                    <td class="doc-cell-title">
                        <a class="doc-title" href=href lang=html_lang(doc.lang)
                            on:click=move |ev| {
                                if url::is_plain_click(&ev) {
                                    ev.prevent_default();
                                    on_open.run(Some(id.clone()));
                                }
                            }>
                            {doc.title.clone()}
                        </a>
                        {(!about.is_empty()).then(|| view! { <span class="doc-number" lang=html_lang(doc.lang)>{about}</span> })}
                    </td>
                    <td data-label=t("regions")>{region}</td>
                    <td data-label=t("facet_language")><span class="badge" data-lang=doc.lang.code()>{lang_label(doc.lang)}</span></td>
                    <td class="doc-date" data-label=t("date_range")>{date_label(doc, lang)}</td>
                    <td class="num" data-label=t("items")>{group_thousands(r.items as u64)}</td>
                    <td class="num" data-label=t("measures_header")>{group_thousands(r.measures as u64)}</td>
                    {filtering.then(|| view! { <td class="num matched" data-label=t("matching")>{group_thousands(r.matched as u64)}</td> })}
                </tr>
            }
        })
        .collect_view();
    let head = move |label: &'static str, by: Option<DocSort>| {
        let aria = by.map(|b| {
            if b != sort {
                "none"
            } else if matches!(b, DocSort::Title | DocSort::Corpus) {
                "ascending"
            } else {
                "descending"
            }
        });
        match (by, on_sort) {
            (Some(by), Some(on_sort)) => view! {
                <th scope="col" aria-sort=aria>
                    <button type="button" class="sort-head" on:click=move |_| on_sort.run(if sort == by { DocSort::Corpus } else { by })>{t(label)}</button>
                </th>
            }
            .into_any(),
            _ => view! { <th scope="col">{t(label)}</th> }.into_any(),
        }
    };
    view! {
        <div class="table-wrap">
            <table class="documents">
                <thead><tr>
                    {head("document", Some(DocSort::Title))}
                    {head("regions", None)}
                    {head("facet_language", None)}
                    {head("date_range", Some(DocSort::Date))}
                    {head("items", Some(DocSort::Items))}
                    {head("measures_header", None)}
                    {filtering.then(|| head("matching", Some(DocSort::Matched)))}
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// The documents filter of the URL (`cites=` / `citedby=`) with the named document's
/// title, once the citations are here; or a line saying they are on their way or failed.
fn cite_filter(
    ctx: super::Ctx,
) -> (
    Option<(crate::explore::links::CiteFilter, String)>,
    Option<AnyView>,
) {
    use crate::explore::links::CiteFilter;
    let (cites, cited_by) = ctx.state.with(|s| (s.cites.clone(), s.cited_by.clone()));
    let data = ctx.data();
    let find = |id: &Option<String>| {
        let id = id.as_deref()?;
        data.bundle.documents.iter().position(|d| d.id == id)
    };
    let filter = match (find(&cites), find(&cited_by)) {
        (Some(d), _) => CiteFilter::Cites(d as u32),
        (None, Some(d)) => CiteFilter::CitedBy(d as u32),
        (None, None) => return (None, None),
    };
    let doc = match filter {
        CiteFilter::Cites(d) | CiteFilter::CitedBy(d) => d as usize,
    };
    let title = data.bundle.documents[doc].title.clone();
    let t = move |key| crate::explore::i18n::t(ctx.lang(), key);
    let status = match ctx.need_citations() {
        super::links::Arrival::Here => None,
        super::links::Arrival::Waiting => Some(
            view! { <p class="links-status" role="status">{t("links_loading")}</p> }.into_any(),
        ),
        super::links::Arrival::Failed(why) => Some(
            view! { <p class="notice" role="alert">{t("links_failed")} " " {why}</p> }.into_any(),
        ),
    };
    (Some((filter, title)), status)
}

/// The documents view: the table of the documents the current search and filters reach,
/// sorted and paged, each opening in the reader.
#[component]
pub fn DocumentsView(drawer: RwSignal<bool>) -> impl IntoView {
    let ctx = use_context::<super::Ctx>().expect("context");
    let on_open = Callback::new(move |id: Option<String>| {
        ctx.update(true, |s| {
            s.doc = id.clone();
            s.item = None;
        });
    });
    let on_sort = Callback::new(move |sort: DocSort| {
        ctx.update(true, |s| {
            s.doc_sort = sort;
            s.page = 0;
        });
    });
    let bundle_url = ctx.state.with_untracked(|s| s.bundle.clone());
    let turn = move |page: usize| {
        ctx.update(true, |s| s.page = page);
        super::place::after_render(|| {
            super::place::scroll_to_top_of(".documents-view");
            super::place::focus("#documents-heading");
        });
    };
    // Rebuilt when the language, the results or the order change.
    move || {
        let data = ctx.data();
        let (sort, filtering, page) = ctx.state.with(|s| {
            (
                s.doc_sort,
                !s.query.trim().is_empty() || s.has_filters(),
                s.page,
            )
        });
        let mut all = ctx
            .outcome
            .with(|o| document_rows(&data.bundle, &data.index(), &o.filtered, filtering, sort));
        let (citing, status) = cite_filter(ctx);
        if let Some((filter, _)) = &citing {
            all.retain(|r| data.with_links(|l| crate::explore::links::passes(l, *filter, r.doc)));
        }
        let chip = citing.map(|(filter, title)| {
            let label = match filter {
                crate::explore::links::CiteFilter::Cites(_) => "filter_cites",
                crate::explore::links::CiteFilter::CitedBy(_) => "filter_cited_by",
            };
            let remove = move |_| ctx.update(true, |s| {
                s.cites = None;
                s.cited_by = None;
                s.page = 0;
            });
            let t = move |key| crate::explore::i18n::t(ctx.lang(), key);
            view! {
                <div class="chips cite-chips" aria-label=t("active_filters")>
                    <button type="button" class="chip cite-chip" on:click=remove>
                        <span class="chip-facet">{t(label)}</span>{title.clone()}<span aria-hidden="true">" ×"</span>
                    </button>
                </div>
            }
        });
        let total = all.len();
        let pages = total.div_ceil(DOCS_PER_PAGE).max(1);
        let page = page.min(pages - 1);
        let rows: Vec<DocRow> = all
            .into_iter()
            .skip(page * DOCS_PER_PAGE)
            .take(DOCS_PER_PAGE)
            .collect();
        let lang = ctx.lang();
        let t = move |key| crate::explore::i18n::t(lang, key);
        let count = format!("{} {}", group_thousands(total as u64), t("documents"));
        let pager = (pages > 1).then(|| {
            let numbers = crate::explore::state::page_window(page, pages)
                .into_iter()
                .map(|p| match p {
                    Some(p) => view! {
                        <li><button type="button" class="page-number" aria-current=(p == page).then_some("page") on:click=move |_| turn(p)>{p + 1}</button></li>
                    }.into_any(),
                    None => view! { <li class="gap" aria-hidden="true">"…"</li> }.into_any(),
                })
                .collect_view();
            view! { <nav class="pager" aria-label=t("pages")><ol class="page-numbers">{numbers}</ol></nav> }
        });
        view! {
            <section class="documents-view" aria-labelledby="documents-heading">
                <h1 id="documents-heading" class="view-title" tabindex="-1">{t("view_documents")}</h1>
                <div class="toolbar">
                    <button type="button" class="switch filters-button" aria-haspopup="dialog" aria-expanded=move || drawer.get().to_string() on:click=move |_| drawer.set(true)>{t("filters")}</button>
                    <p class="count" role="status">{count}</p>
                </div>
                <super::facet_panel::ActiveFilters/>
                {chip}
                {status}
                <DocumentList bundle=data.bundle.clone() on_open=on_open bundle_url=bundle_url.clone()
                    lang=lang rows=rows sort=sort on_sort=on_sort filtering=filtering/>
                {pager}
            </section>
        }
    }
}
