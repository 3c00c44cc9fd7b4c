//! Components mounted in a real browser (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use ftz_explorer::app::{DocumentList, Reader};
use ftz_explorer::model::{Bundle, ItemKind, Lang, Span};
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
fn reader_renders_every_item_as_text() {
    let bundle = seeds();
    let mut doc = bundle
        .documents
        .iter()
        .find(|d| d.lang == Lang::Zh)
        .unwrap()
        .clone();
    // Markup in document text must stay text.
    let hostile = "<img src=x onerror=alert(1)>";
    doc.text.push_str(&format!("\n{hostile}"));
    let len = doc.text.len() as u32;
    let mut paragraph = doc.items.last().unwrap().clone();
    paragraph.kind = ItemKind::Paragraph;
    paragraph.span = Span(len - hostile.len() as u32, len);
    paragraph.annotations.clear();
    doc.items.push(paragraph);
    let expected: Vec<String> = doc
        .items
        .iter()
        .map(|item| {
            doc.item_text(item)
                .lines()
                .next()
                .unwrap()
                .trim()
                .to_string()
        })
        .collect();
    let host = host();
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <Reader bundle=bundle doc=doc selected=None on_back=Callback::new(|_| {})/> }
    });
    for (i, first_line) in expected.iter().enumerate() {
        let element = host
            .query_selector(&format!("#i{i}"))
            .unwrap()
            .expect("an element per item");
        let shown = element.text_content().unwrap();
        assert!(
            shown.contains(first_line.as_str()),
            "item {i}: {shown:?} lacks {first_line:?}"
        );
    }
    assert!(host.query_selector(".reader-body img").unwrap().is_none());
    // Measures show their lead units.
    assert!(host.query_selector(".it-duty").unwrap().is_some());
}
