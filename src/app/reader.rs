//! The reader: one document as its structure — sections, numbered measures with their
//! responsibility annotations, cases with their parts, paragraphs — all as text (never as
//! HTML), with the query's matches marked. Every item has `id="i<N>"`; `?doc=…&number=3.31`
//! (or an older `item=N`) opens the document with that item highlighted, scrolled into
//! view, and its details right below it: which item they describe, units, regions, topics,
//! figures, the previous and next item of its kind, its link and "copy link". The text is
//! fetched when the document opens.

use super::documents::{date_label, html_lang, lang_label, page_facts, size_labels};
use super::Ctx;
use crate::explore::state::UiLang;
use crate::model::{Bundle, Document, Item, ItemKind, Lang, Role};
use crate::search::analyze::fold;
use crate::search::snippet::{match_ranges, Snippet};
use crate::search::Highlight;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

mod details;
mod links;
use details::details;

/// Entity names in the interface language, listed as that language lists them ("、" in
/// Chinese, ", " in English). In English an agency or place also gives its Chinese name,
/// which is what the document says: "Wuhan Customs (武汉海关)".
fn names(ids: &[u32], table: &[crate::model::Entity], ui: UiLang) -> String {
    let zh = ui == UiLang::Zh;
    ids.iter()
        .filter_map(|&i| table.get(i as usize))
        .map(|e| {
            let (en, chinese) = (e.name(Lang::En), e.name(Lang::Zh));
            if zh {
                chinese.to_string()
            } else if en == chinese || chinese.is_empty() {
                en.to_string()
            } else {
                format!("{en} ({chinese})")
            }
        })
        .collect::<Vec<_>>()
        .join(if zh { "、" } else { ", " })
}

/// "牵头单位：省自贸办 · 责任单位：省发改委、省经信厅" — or "Lead: Provincial Free Trade
/// Office (省自贸办) · Support: …" — for one item.
fn responsibility(bundle: &Bundle, item: &Item, ui: UiLang) -> Option<String> {
    let t = |key| crate::explore::i18n::t(ui, key);
    let colon = if ui == UiLang::Zh { "：" } else { ": " };
    let parts: Vec<String> = [(Role::Lead, "facet_lead"), (Role::Support, "facet_support")]
        .into_iter()
        .map(|(role, label)| (item.units(role), label))
        .filter(|(units, _)| !units.is_empty())
        .map(|(units, label)| format!("{}{colon}{}", t(label), names(&units, &bundle.agencies, ui)))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A line of text with the query's matches marked (text runs and `<mark>`, never HTML).
fn marked(line: String, highlight: Option<&Highlight>) -> AnyView {
    let ranges = highlight
        .map(|h| match_ranges(&fold(&line), h))
        .unwrap_or_default();
    if ranges.is_empty() {
        return crate::explore::format::shown_text(&line)
            .into_owned()
            .into_any();
    }
    let snippet = Snippet {
        start: 0,
        end: line.chars().count(),
        ranges,
    };
    super::results::highlighted(&line, &snippet).into_any()
}

/// Per item: how many measures and points lie below it in the outline.
fn provision_counts(doc: &Document) -> Vec<(usize, usize)> {
    let mut counts = vec![(0usize, 0usize); doc.items.len()];
    for item in &doc.items {
        let measure = item.kind == ItemKind::Measure;
        if !measure && item.kind != ItemKind::Point {
            continue;
        }
        let mut at = item.parent;
        while let Some(p) = at.map(|p| p as usize).filter(|&p| p < counts.len()) {
            if measure {
                counts[p].0 += 1;
            } else {
                counts[p].1 += 1;
            }
            at = doc.items[p].parent;
        }
    }
    counts
}

/// "12 measures · 3 points" under a heading of the outline.
fn count_label(counts: (usize, usize), ui: UiLang) -> String {
    let mut parts = Vec::new();
    let t = |key| crate::explore::i18n::t(ui, key);
    if counts.0 > 0 {
        parts.push(format!("{} {}", counts.0, t("measures_count")));
    }
    if counts.1 > 0 {
        parts.push(format!("{} {}", counts.1, t("points_count")));
    }
    parts.join(" · ")
}

struct Outline<'a> {
    bundle: &'a Bundle,
    doc: &'a Document,
    children: Vec<Vec<usize>>,
    counts: Vec<(usize, usize)>,
    selected: Option<u32>,
    ui: UiLang,
    highlight: Option<&'a Highlight>,
    /// The selected item's details, placed right after it.
    details: Option<AnyView>,
}

impl Outline<'_> {
    /// Item `index` and, for a section or case, everything below it: a section is a
    /// collapsible `<details>` whose summary is its heading and its counts.
    fn render(&mut self, index: usize) -> AnyView {
        let item = &self.doc.items[index];
        let selected = self.selected == Some(index as u32);
        let mut own = render_item(
            self.bundle,
            self.doc,
            index,
            item,
            selected,
            self.ui,
            self.highlight,
        );
        if selected {
            if let Some(details) = self.details.take() {
                own = view! { {own}{details} }.into_any();
            }
        }
        if self.children[index].is_empty() {
            return own;
        }
        let below = self.children[index]
            .clone()
            .into_iter()
            .map(|c| self.render(c))
            .collect_view();
        if item.kind != ItemKind::Section {
            return view! { {own}<div class="it-children">{below}</div> }.into_any();
        }
        let level = item.level.unwrap_or(1).min(4);
        let counts = count_label(self.counts[index], self.ui);
        view! {
            <details class=format!("outline outline-{level}") open=true>
                <summary>{own}{(!counts.is_empty()).then(|| view! { <span class="outline-count">{counts}</span> })}</summary>
                {below}
            </details>
        }
        .into_any()
    }
}

/// The `lang` of what the interface writes (labels, names it lists).
fn ui_html_lang(ui: UiLang) -> &'static str {
    if ui == UiLang::Zh {
        "zh-CN"
    } else {
        "en"
    }
}

fn render_item(
    bundle: &Bundle,
    doc: &Document,
    index: usize,
    item: &Item,
    selected: bool,
    ui: UiLang,
    highlight: Option<&Highlight>,
) -> AnyView {
    let id = format!("i{index}");
    let text = doc.item_text(item).to_string();
    let kind = format!("{:?}", item.kind).to_lowercase();
    let class = if selected { "it selected" } else { "it" };
    // The selected item takes focus when the reader opens at it.
    let tabindex = selected.then_some("-1");
    match item.kind {
        ItemKind::Section => {
            let level = item.level.unwrap_or(1).min(4);
            // A heading broken over lines reads as one.
            let text = doc.heading(index, usize::MAX);
            view! { <span id=id tabindex=tabindex class=format!("{class} it-section it-level-{level}") data-kind=kind>{text}</span> }
                .into_any()
        }
        ItemKind::Case => {
            let mut parts = lines(&text).into_iter();
            let heading = parts.next().unwrap_or_default();
            let subtitle = parts.collect::<Vec<_>>().join(" ");
            view! {
                <header id=id tabindex=tabindex class=format!("{class} it-case") data-kind=kind>
                    <h2>{heading}</h2>
                    <p class="it-subtitle">{subtitle}</p>
                </header>
            }
            .into_any()
        }
        ItemKind::CasePart => {
            let label = item.label.clone().unwrap_or_default();
            let body = lines(&text)
                .into_iter()
                .map(|l| view! { <p>{marked(l, highlight)}</p> })
                .collect_view();
            view! { <section id=id tabindex=tabindex class=format!("{class} it-part") data-kind=kind><h3>{label}</h3>{body}</section> }.into_any()
        }
        ItemKind::Measure | ItemKind::Point => {
            let number = item
                .number
                .map(|n| view! { <span class="it-number" aria-hidden="true">{n}</span> });
            let duty = responsibility(bundle, item, ui)
                .map(|d| view! { <p class="it-duty" lang=ui_html_lang(ui)>{d}</p> });
            let body = lines(&text)
                .into_iter()
                .map(|l| view! { <p>{marked(l, highlight)}</p> })
                .collect_view();
            view! {
                <div id=id tabindex=tabindex class=format!("{class} it-{kind}") data-kind=kind>
                    {number}
                    <div class="it-body">{body}{duty}</div>
                </div>
            }
            .into_any()
        }
        // Rows of tab-separated cells (a table read from a page or a Word file): a table,
        // scrollable on a phone. Cell lines from a text copy: a grid of cells.
        ItemKind::Table if text.contains('\t') => {
            let rows = text
                .split('\n')
                .filter(|r| !r.trim().is_empty())
                .map(|r| {
                    let cells = r
                        .split('\t')
                        .map(|c| view! { <td>{c.trim().to_string()}</td> })
                        .collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view();
            view! {
                <div id=id tabindex=tabindex class=format!("{class} it-grid") data-kind=kind>
                    <table><tbody>{rows}</tbody></table>
                </div>
            }
            .into_any()
        }
        ItemKind::Table => {
            let cells = lines(&text)
                .into_iter()
                .map(|l| view! { <li>{l}</li> })
                .collect_view();
            view! { <ul id=id tabindex=tabindex class=format!("{class} it-table") data-kind=kind>{cells}</ul> }
                .into_any()
        }
        // A title broken over lines (as gov.cn prints long ones) reads as one line.
        ItemKind::Title => {
            let text = doc.heading(index, usize::MAX);
            view! { <p id=id tabindex=tabindex class=format!("{class} it-{kind}") data-kind=kind>{text}</p> }
                .into_any()
        }
        ItemKind::Meta | ItemKind::Boilerplate | ItemKind::Paragraph => {
            view! { <p id=id tabindex=tabindex class=format!("{class} it-{kind}") data-kind=kind>{marked(text, highlight)}</p> }
                .into_any()
        }
    }
}

#[component]
pub fn Reader(
    bundle: Arc<Bundle>,
    doc: Document,
    selected: Option<u32>,
    #[prop(default = UiLang::En)] ui_lang: UiLang,
    on_back: Callback<Option<String>>,
    /// The query's matches, marked in the text.
    #[prop(optional)]
    highlight: Option<Highlight>,
    /// The selected item's link (a query string).
    #[prop(optional)]
    link: String,
    /// Selects another item of the document (previous / next).
    on_select: Callback<u32>,
) -> impl IntoView {
    let mut children = vec![Vec::new(); doc.items.len()];
    let mut roots = Vec::new();
    for (i, item) in doc.items.iter().enumerate() {
        match item.parent.map(|p| p as usize).filter(|&p| p < i) {
            Some(p) => children[p].push(i),
            None => roots.push(i),
        }
    }
    let details = selected
        .filter(|&i| (i as usize) < doc.items.len())
        .map(|i| details(&bundle, &doc, i, ui_lang, link, on_select));
    let mut outline = Outline {
        bundle: &bundle,
        doc: &doc,
        children,
        counts: provision_counts(&doc),
        selected,
        ui: ui_lang,
        highlight: highlight
            .as_ref()
            .filter(|h| !h.terms.is_empty() || !h.phrases.is_empty()),
        details,
    };
    let body = roots.iter().map(|&i| outline.render(i)).collect_view();
    let t = |key| crate::explore::i18n::t(ui_lang, key);
    let mut meta = vec![lang_label(doc.lang).to_string(), date_label(&doc, ui_lang)];
    if let Some(source) = &doc.source {
        meta.push(source.clone());
    }
    meta.extend(size_labels(&doc, ui_lang));
    let back = format!("← {}", t("back"));
    let joined = |numbers: &[crate::model::DocNumber]| {
        numbers
            .iter()
            .map(|n| n.text.as_str())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let numbers = joined(&doc.doc_numbers);
    let cited = joined(&doc.cited_numbers);
    let position = bundle.documents.iter().position(|d| d.id == doc.id);
    let page = doc.page.as_ref().map(|p| page_facts(p, ui_lang));
    view! {
        <article class="reader" lang=html_lang(doc.lang)>
            <a class="back" href="?" on:click=move |ev| {
                if super::url::is_plain_click(&ev) {
                    ev.prevent_default();
                    on_back.run(None);
                }
            }>{back}</a>
            <h1 class="reader-title" tabindex="-1">{doc.title.clone()}</h1>
            <p class="reader-meta">{meta.join(" · ")}</p>
            {date_reason(&doc, ui_lang)}
            {(!numbers.is_empty()).then(|| view! { <p class="reader-meta reader-number">{numbers}</p> })}
            <p class="reader-meta reader-file" lang=ui_html_lang(ui_lang)>{t("source_file")} " " <code>{doc.file.clone()}</code></p>
            {position.map(|at| view! { <links::Citations doc=at ui=ui_lang numbers=cited/> })}
            {page}
            <div class="reader-body">{body}</div>
        </article>
    }
}

/// How an inferred date was found — the ingest's reasoning and the words it read — under a
/// disclosure, so that "(inferred)" can be checked.
fn date_reason(doc: &Document, ui: UiLang) -> Option<impl IntoView> {
    if doc.date.source != crate::model::DateSource::Inferred {
        return None;
    }
    let t = |key| crate::explore::i18n::t(ui, key);
    let note = doc.date.note.clone();
    let evidence = doc
        .date
        .evidence
        .map(|span| doc.slice(span).to_string())
        .filter(|e| !e.is_empty())
        .map(|e| format!("{}: “{e}”", t("date_read_from")));
    Some(view! {
        <details class="reader-meta date-why">
            <summary>{t("date_why")}</summary>
            {note.map(|n| view! { <p>{n}</p> })}
            {evidence.map(|e| view! { <p lang=html_lang(doc.lang)>{e}</p> })}
        </details>
    })
}

/// The reader for the document and item in the URL.
#[component]
pub fn ReaderView() -> impl IntoView {
    let ctx = use_context::<Ctx>().expect("context");
    let on_back = Callback::new(move |_: Option<String>| {
        ctx.update(true, |s| {
            s.doc = None;
            s.item = None;
        });
        // Back where the visitor was, with the card that opened the document focused.
        if let Some(to) = ctx.return_to.get_value() {
            super::place::restore(to);
        }
    });
    let on_select = Callback::new(move |item: u32| {
        ctx.update(true, |s| s.item = Some(item));
    });
    let position = Memo::new(move |_| {
        let id = ctx.state.with(|s| s.doc.clone().unwrap_or_default());
        ctx.data().bundle.documents.iter().position(|d| d.id == id)
    });
    // Whether the open document's text is here: only its arrival renders the reader again.
    let arrived = Memo::new(move |_| {
        ctx.texts.track();
        position.get().is_some_and(|p| ctx.data().has_text(p))
    });
    move || {
        let (id, item) = ctx
            .state
            .with(|s| (s.doc.clone().unwrap_or_default(), s.item));
        let data = ctx.data();
        let opened = position
            .get()
            .map(|at| (at, arrived.get().then(|| data.document(at)).flatten()));
        let Some((_, Some(doc))) = opened else {
            // No such document, or its text is on its way (or could not be had).
            let (key, name) = match opened {
                Some((at, _)) => {
                    ctx.need_texts([at]);
                    let doc = &data.bundle.documents[at];
                    let file = doc
                        .deferred
                        .as_ref()
                        .map(|d| d.file.as_str())
                        .unwrap_or_default();
                    let failed = ctx.shards.with(|s| s.failed.contains_key(file));
                    (
                        if failed {
                            "text_failed_short"
                        } else {
                            "text_loading"
                        },
                        doc.title.clone(),
                    )
                }
                None => ("no_document", id),
            };
            return view! {
                <p class="notice" role="status">{ctx.t(key)} " " <code>{name}</code></p>
            }
            .into_any();
        };
        if let Some(item) = item {
            // After this render: bring the selected item into view.
            gloo_timers::callback::Timeout::new(0, move || {
                let element = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&format!("i{item}")))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(element) = element {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    element.scroll_into_view_with_scroll_into_view_options(&options);
                    // Focus follows: the next Tab starts from the item, not the page's top.
                    super::place::focus(".it.selected");
                }
            })
            .forget();
        } else if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
            gloo_timers::callback::Timeout::new(0, || {
                super::place::focus(".reader-title");
            })
            .forget();
        }
        let highlight = ctx.outcome.with_untracked(|o| o.search.highlight.clone());
        let link = ctx.link(&id, item);
        view! { <Reader bundle=data.bundle.clone() doc=doc selected=item ui_lang=ctx.lang() on_back=on_back highlight=highlight link=link on_select=on_select/> }.into_any()
    }
}
