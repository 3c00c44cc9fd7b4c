//! URL state: round trips, hostile input, item addresses, page sizes.
use super::*;

#[test]
fn the_title_names_the_document_the_query_or_the_view() {
    let mut state = State::from_query("q=customs&view=charts");
    assert_eq!(
        state.title(None, UiLang::En),
        "“customs” · Charts · FTZ Explorer"
    );
    state.query.clear();
    assert_eq!(state.title(None, UiLang::Zh), "图表 · 自贸试验区政策浏览");
    state.doc = Some("004".into());
    assert_eq!(
        state.title(Some("湖北通知"), UiLang::En),
        "湖北通知 · FTZ Explorer"
    );
    // An unknown document falls back to the view.
    assert_eq!(state.title(None, UiLang::En), "Charts · FTZ Explorer");
}

#[test]
fn round_trips_every_field() {
    let mut state = State {
        query: "customs \"negative list\" -上海 & 100%".into(),
        from: Some("2020".into()),
        to: Some("2022-12-31".into()),
        sort: Sort::Date,
        view: View::Figures,
        doc: Some("004_dac77278a024235c".into()),
        item_number: Some("2.3".into()),
        lang: Some(UiLang::Zh),
        page: 3,
        per: 50,
        bundle: Some("https://example.org/b.json?x=1&y=2".into()),
        embed: true,
        figure_kind: Some(FigureKind::RateOfChange),
        chart: Some("topics".into()),
        hide_tabs: true,
        group: true,
        doc_sort: crate::explore::documents::DocSort::Items,
        figure_sort: FigureSort::ValueDesc,
        spread: true,
        cites: Some("0001".into()),
        cited_by: Some("gh 2020/96".into()),
        ..State::default()
    };
    state.toggle(Facet::Region, "hubei");
    state.toggle(Facet::Region, "shanghai");
    state.toggle(Facet::Lead, "省商务厅");
    state.page = 3;
    let url = state.to_query();
    assert_eq!(State::from_query(&url), state);
    assert_eq!(State::from_query(&url).to_query(), url, "canonical");
}

#[test]
fn an_item_is_linked_by_its_number_and_old_index_links_still_open_it() {
    let bundle = crate::model::Bundle::from_json(crate::seed_bundle_json()).unwrap();
    let (doc, index) = bundle
        .documents
        .iter()
        .find_map(|d| (0..d.items.len()).find_map(|i| d.item_path(i).map(|_| (d, i))))
        .expect("a numbered item");
    let path = doc.item_path(index).unwrap();
    let mut old = State::from_query(&format!("?doc={}&item={index}", doc.id));
    old.resolve_item(&bundle);
    assert_eq!(old.item_number.as_deref(), Some(path.as_str()));
    assert_eq!(old.to_query(), format!("?doc={}&number={}", doc.id, path));
    let mut new = State::from_query(&old.to_query());
    new.resolve_item(&bundle);
    assert_eq!(new.item, Some(index as u32));
    let mut wrong = State::from_query(&format!("?doc={}&number=999.999", doc.id));
    wrong.resolve_item(&bundle);
    assert_eq!(wrong.item, None);
}

#[test]
fn hostile_or_broken_urls_are_read_safely() {
    let s = State::from_query("?q=%E6%B5%B7%E5%85%B3+x&sort=nonsense&from=20x1&page=-3&region=&kind=measure&%zz=1&item=abc");
    assert_eq!(s.query, "海关 x");
    assert_eq!(s.sort, Sort::Relevance);
    assert_eq!((s.from, s.page, s.item), (None, 0, None));
    assert_eq!(s.filters.len(), 1);
    assert_eq!(State::from_query("?q=%").query, "%");
    let s = State::from_query("?fkind=weight&fsort=sideways");
    assert_eq!((s.figure_kind, s.figure_sort), (None, FigureSort::Document));
    assert_eq!(State::from_query("").to_query(), "");
}

#[test]
fn page_sizes_and_the_pager_window() {
    assert_eq!(State::from_query("?per=100").per, 100);
    assert_eq!(
        State::from_query("?per=7").per,
        20,
        "only the offered sizes"
    );
    assert_eq!(
        State::from_query("?per=20").to_query(),
        "",
        "the default is left out"
    );
    let w = page_window(5, 12);
    assert_eq!(
        w,
        vec![
            Some(0),
            None,
            Some(3),
            Some(4),
            Some(5),
            Some(6),
            Some(7),
            None,
            Some(11)
        ]
    );
    assert_eq!(page_window(0, 3), vec![Some(0), Some(1), Some(2)]);
    assert_eq!(page_window(0, 1), vec![Some(0)]);
}

#[test]
fn toggling_resets_the_page_and_removes_empty_facets() {
    let mut s = State {
        page: 4,
        ..State::default()
    };
    s.toggle(Facet::Topic, "talent");
    assert_eq!(s.page, 0);
    s.toggle(Facet::Topic, "talent");
    assert!(s.filters.is_empty() && !s.has_filters());
}
