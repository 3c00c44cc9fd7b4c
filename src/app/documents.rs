//! The list of documents: title, language, size, linking to the reader.

use super::url;
use crate::model::{Bundle, Lang};
use leptos::prelude::*;
use std::sync::Arc;

/// "31,086" — digits grouped by thousands.
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
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

#[component]
pub fn DocumentList(bundle: Arc<Bundle>, on_open: Callback<Option<String>>) -> impl IntoView {
    let items = bundle
        .documents
        .iter()
        .map(|doc| {
            let id = doc.id.clone();
            let meta = format!(
                "{} characters · {} paragraphs",
                group_thousands(doc.char_len()),
                group_thousands(doc.paragraphs.len())
            );
            view! {
                <li class="doc-card">
                    <a class="doc-title" href=url::doc_href(&doc.id) lang=html_lang(doc.lang)
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
                        <span class="doc-file">{doc.file.clone()}</span>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="documents-heading">
            <h1 id="documents-heading" class="view-title">"Documents"</h1>
            <ul class="doc-list">{items}</ul>
        </section>
    }
}
