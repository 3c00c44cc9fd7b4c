//! The reader: one document, paragraph by paragraph, as text (never as HTML).

use super::documents::{group_thousands, html_lang, lang_label};
use super::url;
use crate::model::Document;
use leptos::prelude::*;

#[component]
pub fn Reader(doc: Document, on_back: Callback<Option<String>>) -> impl IntoView {
    let paragraphs = doc
        .paragraph_texts()
        .enumerate()
        .map(|(i, text)| {
            view! { <p id=format!("p{}", i + 1)>{text.to_string()}</p> }
        })
        .collect_view();
    let meta = format!(
        "{} · {} characters · {} paragraphs · {}",
        lang_label(doc.lang),
        group_thousands(doc.char_len()),
        group_thousands(doc.paragraphs.len()),
        doc.file
    );
    view! {
        <article class="reader" lang=html_lang(doc.lang)>
            <a class="back" href="?" lang="en" on:click=move |ev| {
                if url::is_plain_click(&ev) {
                    ev.prevent_default();
                    on_back.run(None);
                }
            }>"← All documents"</a>
            <h1 class="reader-title">{doc.title.clone()}</h1>
            <p class="reader-meta" lang="en">{meta}</p>
            <div class="reader-body">{paragraphs}</div>
        </article>
    }
}
