//! The list of documents: title, language, size, linking to the reader.

use super::url;
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
) -> impl IntoView {
    let t = move |key| crate::explore::i18n::t(lang, key);
    let items = bundle
        .documents
        .iter()
        .map(|doc| {
            let id = doc.id.clone();
            let mut parts = vec![date_label(doc, lang)];
            parts.extend(size_labels(doc, lang));
            let meta = parts.join(" · ");
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
            view! {
                <li class="doc-card">
                    <a class="doc-title" href=crate::explore::state::State { doc: Some(doc.id.clone()), bundle: bundle_url.clone(), ..Default::default() }.to_query() lang=html_lang(doc.lang)
                        on:click=move |ev| {
                            if url::is_plain_click(&ev) {
                                ev.prevent_default();
                                on_open.run(Some(id.clone()));
                            }
                        }>
                        {doc.title.clone()}
                    </a>
                    <div class="doc-meta">
                        <span class="badge" data-lang=doc.lang.code()>{lang_label(doc.lang)}</span>
                        <span>{meta}</span>
                        {(!about.is_empty()).then(|| view! { <span class="doc-number" lang=html_lang(doc.lang)>{about}</span> })}
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="documents-heading">
            <h1 id="documents-heading" class="view-title">{t("view_documents")}</h1>
            <ul class="doc-list">{items}</ul>
        </section>
    }
}

/// The documents view: the list, opening a document in the reader.
#[component]
pub fn DocumentsView() -> impl IntoView {
    let ctx = use_context::<super::Ctx>().expect("context");
    let on_open = Callback::new(move |id: Option<String>| {
        ctx.update(true, |s| {
            s.doc = id.clone();
            s.item = None;
        });
    });
    let bundle_url = ctx.state.with_untracked(|s| s.bundle.clone());
    // Rebuilt when the interface language changes.
    move || {
        view! {
            <DocumentList bundle=ctx.data().bundle.clone() on_open=on_open
                bundle_url=bundle_url.clone() lang=ctx.lang()/>
        }
    }
}
