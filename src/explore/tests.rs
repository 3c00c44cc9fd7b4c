//! Facet counting and filtering against brute force on the seeds (the scaled corpus is
//! covered in tests/explore_oracle.rs).

use super::facets::{Catalog, Facet};
use super::state::State;
use super::*;
use crate::search::Index;

/// The seeds' bundle with its index and facet catalog.
fn seeds() -> (Bundle, Index, Catalog) {
    let bundle = Bundle::from_json(crate::seed_bundle_json()).unwrap();
    let index = Index::build(&bundle);
    let catalog = Catalog::build(&bundle, &index);
    (bundle, index, catalog)
}

#[test]
fn export_csv_round_trips_through_a_csv_reader() {
    let (bundle, index, catalog) = seeds();
    let ids: Vec<u32> = (0..index.len() as u32).collect();
    let cx = |zh| export::Context {
        bundle: &bundle,
        index: &index,
        catalog: &catalog,
        zh,
        base: "https://example.org/ftz/",
    };
    let csv = export::csv(&cx(false), export::Rows::Items(&ids));
    assert!(csv.starts_with('\u{feff}'));
    let records = export::parse_csv(&csv);
    assert_eq!(records.len(), ids.len() + 1);
    let column = |name: &str| records[0].iter().position(|c| c == name).unwrap();
    let (text, published) = (column("text"), column("published"));
    for (record, &id) in records[1..].iter().zip(&ids) {
        let r = index.item_ref(id);
        let doc = &bundle.documents[r.doc as usize];
        assert_eq!(record[0], doc.id);
        assert_eq!(
            record[text],
            doc.item_text(&doc.items[r.item as usize]),
            "text survives quoting"
        );
        let stated = doc.published.as_ref().and_then(|d| d.value.as_deref());
        assert_eq!(record[published], stated.unwrap_or(""), "{}", doc.id);
    }
    // The Chinese interface's CSV: a Chinese header, and Chinese kinds and languages.
    let zh = export::parse_csv(&export::csv(&cx(true), export::Rows::Items(&ids)));
    assert_eq!(zh[0][..2], ["文件", "文件标题"]);
    let kind = zh[0].iter().position(|c| c == "类型").unwrap();
    let lang = zh[0].iter().position(|c| c == "语言").unwrap();
    for (record, &id) in zh[1..].iter().zip(&ids) {
        let r = index.item_ref(id);
        let item = &bundle.documents[r.doc as usize].items[r.item as usize];
        assert_eq!(
            record[kind],
            facets::kind_label(facets::kind_key(item.kind)).1
        );
        assert!(["中文", "英文"].contains(&record[lang].as_str()));
    }
    // JSON: lists are arrays, numbers are numbers, links are absolute and open the row.
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&export::json(&cx(false), export::Rows::Items(&ids))).unwrap();
    assert_eq!(json.len(), ids.len());
    for (row, &id) in json.iter().zip(&ids) {
        let r = index.item_ref(id);
        let doc = &bundle.documents[r.doc as usize];
        let regions = catalog.values_of(Facet::Region, id);
        assert_eq!(row["regions"].as_array().unwrap().len(), regions.len());
        let number = doc.items[r.item as usize].number;
        assert_eq!(row["number"].as_u64(), number.map(u64::from));
        let link = row["link"].as_str().unwrap();
        let query = link.strip_prefix("https://example.org/ftz/").unwrap();
        let mut state = State::from_query(query);
        state.resolve_item(&bundle);
        assert_eq!(
            (state.doc.as_deref(), state.item),
            (Some(doc.id.as_str()), Some(r.item))
        );
    }
}

#[test]
fn figures_export_holds_every_figure_with_its_words_and_value() {
    let (bundle, index, catalog) = seeds();
    let all = BitSet::full(index.len());
    let refs = figures(&bundle, &index, &all, None, FigureSort::ValueDesc);
    let brute: usize = bundle.documents.iter().map(|d| d.figures.len()).sum();
    assert_eq!(refs.len(), brute, "every figure of every item");
    let cx = |zh| export::Context {
        bundle: &bundle,
        index: &index,
        catalog: &catalog,
        zh,
        base: "",
    };
    let records = export::parse_csv(&export::csv(&cx(false), export::Rows::Figures(&refs)));
    assert_eq!(records.len(), refs.len() + 1);
    let column = |name: &str| records[0].iter().position(|c| c == name).unwrap();
    let (written, value, unit_name) = (column("written"), column("value"), column("unit_name"));
    for (record, r) in records[1..].iter().zip(&refs) {
        let doc = &bundle.documents[r.doc as usize];
        let f = &doc.figures[r.figure as usize];
        assert_eq!(record[written], doc.slice(f.span));
        let read: f64 = record[value].parse().unwrap();
        assert!(
            (read - f.value).abs() <= f.value.abs() * 1e-9,
            "{read} vs {}",
            f.value
        );
        assert!(
            !record[unit_name].contains('_'),
            "a unit key shown as a name: {record:?}"
        );
    }
    let zh = export::parse_csv(&export::csv(&cx(true), export::Rows::Figures(&refs)));
    assert_eq!(zh[0][5], "原文");
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&export::json(&cx(true), export::Rows::Figures(&refs))).unwrap();
    assert!(json
        .iter()
        .all(|row| row["value"].is_number() && row["kind"].is_string()));
    assert!(
        json.iter().any(|row| row["qualifier"] == "about"),
        "the seeds say “about 1,200”"
    );
}

#[test]
fn without_a_query_measures_come_first_then_document_order() {
    let (bundle, index, catalog) = seeds();
    let out = explore(
        &bundle,
        &index,
        &catalog,
        &State::default(),
        &BitSet::new(index.len()),
    );
    let kind = |id: u32| {
        let r = index.item_ref(id);
        bundle.documents[r.doc as usize].items[r.item as usize].kind
    };
    let measures = (0..index.len() as u32)
        .filter(|&id| kind(id) == crate::model::ItemKind::Measure)
        .count();
    assert!(measures > 20);
    assert!(out.ordered[..measures]
        .iter()
        .all(|&id| kind(id) == crate::model::ItemKind::Measure));
    assert!(
        out.ordered[..measures].windows(2).all(|w| w[0] < w[1]),
        "in document order"
    );
    assert_eq!(out.ordered.len(), index.len(), "every item, once");
}

#[test]
fn grouping_by_document_keeps_every_result_once_in_order() {
    let (bundle, index, catalog) = seeds();
    let out = explore(
        &bundle,
        &index,
        &catalog,
        &State::from_query("?q=trade"),
        &BitSet::new(index.len()),
    );
    let groups = group_by_document(&index, &out.ordered, 3);
    let total: usize = groups.iter().map(|g| g.shown.len() + g.more).sum();
    assert_eq!(total, out.ordered.len());
    let docs: std::collections::BTreeSet<u32> = groups.iter().map(|g| g.doc).collect();
    assert_eq!(docs.len(), groups.len(), "one group per document");
    for g in &groups {
        assert!(g.shown.len() <= 3 && (g.more == 0 || g.shown.len() == 3));
        assert!(g.shown.iter().all(|&id| index.item_ref(id).doc == g.doc));
        // The items shown are the document's first results, in result order.
        let own: Vec<u32> = out
            .ordered
            .iter()
            .copied()
            .filter(|&id| index.item_ref(id).doc == g.doc)
            .collect();
        assert_eq!(g.shown, own[..g.shown.len()]);
    }
}

#[test]
fn date_sort_puts_newest_first_and_undated_last() {
    let (bundle, index, catalog) = seeds();
    let state = State {
        sort: state::Sort::Date,
        ..State::default()
    };
    let out = explore(&bundle, &index, &catalog, &state, &BitSet::new(index.len()));
    let dates: Vec<Option<&str>> = out
        .ordered
        .iter()
        .map(|&id| date_of(&bundle, &index, id))
        .collect();
    let first_undated = dates
        .iter()
        .position(Option::is_none)
        .unwrap_or(dates.len());
    assert!(dates[first_undated..].iter().all(Option::is_none));
    assert!(dates[..first_undated].windows(2).all(|w| w[0] >= w[1]));
    let _ = Facet::ALL;
}

#[test]
fn url_values_may_be_labels_in_either_language_or_keys_in_any_case() {
    let bundle = crate::model::Bundle::from_json(crate::seed_bundle_json()).unwrap();
    let index = Index::build(&bundle);
    let catalog = Catalog::build(&bundle, &index);
    let mut checked = 0;
    for facet in [Facet::Region, Facet::Topic, Facet::Lead, Facet::Kind] {
        for (key, en, zh) in catalog.values(facet).to_vec() {
            for written in [
                key.to_uppercase(),
                en.clone(),
                en.to_lowercase(),
                zh.clone(),
            ] {
                if written.is_empty() {
                    continue;
                }
                assert_eq!(
                    catalog.canonical(facet, &written),
                    Some(key.as_str()),
                    "{facet:?} {written}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
    assert_eq!(catalog.canonical(Facet::Topic, "finance"), None);
    // A state from a hand-written URL: labels become keys, unknown values stay and show.
    let (key, en, _) = catalog.values(Facet::Region)[0].clone();
    let mut state = State::from_query(&format!("?region={}&topic=finance", en.replace(' ', "+")));
    assert!(catalog.canonicalize(&mut state));
    assert!(state.filters[&Facet::Region].contains(&key));
    assert!(state.filters[&Facet::Topic].contains("finance"));
    assert!(!catalog.canonicalize(&mut state), "canonical already");
}

#[test]
fn date_bounds_must_be_real_dates() {
    use super::state::date_bound;
    for ok in [
        "2021",
        "2021-02",
        "2021-12",
        "2020-02-29",
        "2021-04-30",
        "2000-02-29",
    ] {
        assert_eq!(date_bound(ok).as_deref(), Some(ok), "{ok}");
    }
    for bad in [
        "2021-13",
        "2021-00",
        "2021-02-29",
        "1900-02-29",
        "2021-04-31",
        "2021-1",
        "21",
        "2021-02-3x",
        "",
        "2021--02",
    ] {
        assert_eq!(date_bound(bad), None, "{bad}");
    }
}

#[test]
fn document_rows_count_what_brute_force_counts() {
    let (bundle, index, catalog) = seeds();
    let out = explore(
        &bundle,
        &index,
        &catalog,
        &State::from_query("?q=trade"),
        &BitSet::new(index.len()),
    );
    let rows = documents::document_rows(
        &bundle,
        &index,
        &out.filtered,
        true,
        documents::DocSort::Matched,
    );
    let brute = |d: u32| {
        out.filtered
            .iter()
            .filter(|&id| index.item_ref(id).doc == d)
            .count()
    };
    assert!(!rows.is_empty());
    for r in &rows {
        assert_eq!(r.matched, brute(r.doc));
        assert!(r.matched > 0);
    }
    let missing = (0..bundle.documents.len() as u32)
        .filter(|&d| brute(d) > 0)
        .count();
    assert_eq!(rows.len(), missing, "every document with a result, once");
    assert!(rows.windows(2).all(|w| w[0].matched >= w[1].matched));
    let all = documents::document_rows(
        &bundle,
        &index,
        &BitSet::full(index.len()),
        false,
        documents::DocSort::Date,
    );
    assert_eq!(all.len(), bundle.documents.len());
    let dates: Vec<_> = all
        .iter()
        .map(|r| bundle.documents[r.doc as usize].date.value.clone())
        .collect();
    let dated: Vec<_> = dates.iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "newest first");
}
