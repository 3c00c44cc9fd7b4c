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
    // As shown: private-use glyphs (a font's numbering dot) are not drawn.
    let expected: Vec<String> = doc
        .items
        .iter()
        .map(|item| {
            let line = doc.item_text(item).lines().next().unwrap().trim();
            ftz_explorer::explore::format::shown_text(line).into_owned()
        })
        .collect();
    let host = host();
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <Reader bundle=bundle doc=doc selected=None on_back=Callback::new(|_| {}) on_select=Callback::new(|_| {})/> }
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

/// In wasm a `usize` is 32 bits: every figure the seeds quote past 2^32 keeps its digits,
/// formatted by the browser build itself.
#[wasm_bindgen_test]
fn figures_past_32_bits_keep_their_digits_in_the_browser_build() {
    use ftz_explorer::explore::format::format_value;
    assert_eq!(format_value(660_760_000_000.0), "660,760,000,000");
    assert_eq!(format_value(4_294_967_296.0), "4,294,967,296");
    let bundle = seeds();
    let large: Vec<f64> = bundle
        .documents
        .iter()
        .flat_map(|d| d.figures.iter().map(|f| f.value))
        .filter(|v| *v > u32::MAX as f64 && v.fract() == 0.0)
        .collect();
    assert!(!large.is_empty(), "the seeds quote amounts past 2^32");
    for v in large {
        let digits: String = format_value(v)
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        assert_eq!(digits, format!("{v:.0}"), "{v}");
    }
}
