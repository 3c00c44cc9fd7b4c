//! Components mounted in a real browser (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use ftz_explorer::app::{DocumentList, Reader};
use ftz_explorer::model::Bundle;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn seeds() -> Arc<Bundle> {
    Arc::new(Bundle::from_json(ftz_explorer::seed_bundle_json()).expect("seed bundle"))
}

fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.dyn_into().unwrap()
}

#[wasm_bindgen_test]
fn document_list_shows_every_title_as_a_link() {
    let bundle = seeds();
    let host = host();
    let list_bundle = bundle.clone();
    let on_open = Callback::new(|_: Option<String>| {});
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <DocumentList bundle=list_bundle on_open=on_open/> }
    });
    let links = host.query_selector_all("a.doc-title").unwrap();
    assert_eq!(links.length() as usize, bundle.documents.len());
    for (i, doc) in bundle.documents.iter().enumerate() {
        let link = links.item(i as u32).unwrap();
        assert_eq!(link.text_content().unwrap(), doc.title);
        let href = link
            .unchecked_ref::<web_sys::Element>()
            .get_attribute("href")
            .unwrap();
        assert_eq!(href, format!("?doc={}", doc.id));
    }
}

#[wasm_bindgen_test]
fn reader_renders_paragraphs_as_text() {
    let mut doc = seeds().documents[4].clone();
    // Markup in document text must stay text.
    let hostile = "<img src=x onerror=alert(1)>";
    doc.text.push_str(&format!("\n{hostile}"));
    let len = doc.text.len() as u32;
    doc.paragraphs
        .push(ftz_explorer::model::Span(len - hostile.len() as u32, len));
    let expected: Vec<String> = doc.paragraph_texts().map(str::to_string).collect();
    let host = host();
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <Reader doc=doc on_back=Callback::new(|_| {})/> }
    });
    let paragraphs = host.query_selector_all(".reader-body p").unwrap();
    assert_eq!(paragraphs.length() as usize, expected.len());
    for (i, text) in expected.iter().enumerate() {
        assert_eq!(
            &paragraphs.item(i as u32).unwrap().text_content().unwrap(),
            text
        );
    }
    assert!(host.query_selector(".reader-body img").unwrap().is_none());
}
