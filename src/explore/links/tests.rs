use super::*;
use crate::model::{Citation, CiteKind, Related};

fn seeds() -> Bundle {
    let mut bundle = Bundle::from_json(crate::seed_bundle_json()).unwrap();
    crate::link::link(&mut bundle).unwrap();
    bundle
}

fn at(doc: u32, item: u32) -> ItemAt {
    ItemAt { doc, item }
}

/// The first content item of the first document: what the made-up rows relate.
fn source(bundle: &Bundle) -> ItemAt {
    let item = bundle.documents[0]
        .items
        .iter()
        .position(|i| i.kind.is_content())
        .unwrap();
    at(0, item as u32)
}

/// Related rows and citations made up over the seeds' documents, whose dates are known:
/// every function is checked against what these rows say.
fn made_up(bundle: &Bundle) -> Links {
    let n = bundle.documents.len() as u32;
    let mut related = Vec::new();
    for other in 1..n {
        related.push(Related {
            from: source(bundle),
            to: at(other, 1),
            score: 50 + other as u8,
            relation: if other == 1 {
                Relation::Copy
            } else {
                Relation::Similar
            },
        });
    }
    let cite = |from: u32, target: Option<u32>, text: &str| Citation {
        from: at(from, 0),
        kind: CiteKind::Number,
        text: text.into(),
        target,
        across: false,
    };
    Links {
        related,
        citations: vec![
            cite(0, Some(4), "a"),
            cite(0, Some(4), "b"),
            cite(0, None, "law"),
            cite(1, Some(4), "a"),
            cite(2, Some(0), "c"),
            cite(3, None, "law"),
            cite(3, None, "law"),
        ],
    }
}

#[test]
fn the_earliest_of_an_item_and_its_related_items_is_labelled() {
    let bundle = seeds();
    let links = made_up(&bundle);
    let (list, own_first) = also_in(&bundle, &links, source(&bundle));
    assert_eq!(list.len(), bundle.documents.len() - 1);
    let dates: Vec<Option<&str>> = std::iter::once(0)
        .chain(list.iter().map(|a| a.at.doc))
        .map(|d| bundle.documents[d as usize].date.value.as_deref())
        .collect();
    // Brute force: the least date of all.
    let least = dates.iter().flatten().min_by(|a, b| {
        if before(a, b) {
            std::cmp::Ordering::Less
        } else if before(b, a) {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    });
    let labelled: Vec<&AlsoIn> = list.iter().filter(|a| a.earliest).collect();
    assert!(labelled.len() <= 1);
    match labelled.first() {
        Some(a) => {
            assert!(!own_first);
            assert_eq!(
                bundle.documents[a.at.doc as usize].date.value.as_deref(),
                least.copied()
            );
        }
        None => assert!(own_first && dates[0] == least.copied()),
    }
    assert_eq!(
        also_in(&bundle, &links, at(0, source(&bundle).item + 1)),
        (vec![], false)
    );
}

#[test]
fn a_diffusion_has_every_dated_item_once_and_one_row_per_region() {
    let bundle = seeds();
    let links = made_up(&bundle);
    let d = diffusion(&bundle, &links, source(&bundle));
    assert_eq!(d.points.len() + d.undated.len(), bundle.documents.len());
    assert_eq!(d.points.iter().filter(|p| p.relation.is_none()).count(), 1);
    for p in &d.points {
        assert_eq!(d.rows[p.row], region_of(&bundle, p.at.doc));
    }
    let mut rows = d.rows.clone();
    rows.dedup();
    assert_eq!(rows.len(), d.rows.len());
    assert!(d.points.windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn citations_both_ways_and_the_filter_agree_with_the_rows() {
    let bundle = seeds();
    let links = made_up(&bundle);
    assert_eq!(cites(&links, 0), (vec![4], vec!["law".to_string()]));
    assert_eq!(cites(&links, 3), (vec![], vec!["law".to_string()]));
    let mut by = cited_by(&bundle, &links, 4);
    by.sort();
    assert_eq!(by, vec![0, 1]);
    let n = bundle.documents.len() as u32;
    for x in 0..n {
        for d in 0..n {
            let brute_cites = d != x
                && links
                    .citations
                    .iter()
                    .any(|c| c.from.doc == d && c.target == Some(x));
            assert_eq!(passes(&links, CiteFilter::Cites(x), d), brute_cites);
            let brute_cited = d != x
                && links
                    .citations
                    .iter()
                    .any(|c| c.from.doc == x && c.target == Some(d));
            assert_eq!(passes(&links, CiteFilter::CitedBy(x), d), brute_cited);
        }
    }
    let g = citation_graph(&bundle, &links, &[4]);
    let docs: Vec<u32> = g.nodes.iter().map(|n| n.doc).collect();
    assert_eq!(docs.len(), 3, "{g:?}");
    assert!(docs.contains(&0) && docs.contains(&1) && docs.contains(&4));
    assert_eq!(g.edges.len(), 2);
    for &(a, b) in &g.edges {
        assert_eq!(g.nodes[b].doc, 4);
        assert!(links
            .citations
            .iter()
            .any(|c| c.from.doc == g.nodes[a].doc && c.target == Some(4)));
    }
    assert_eq!(
        citation_graph(&bundle, &links, &[0, 1, 2, 3, 4])
            .edges
            .len(),
        3
    );
}

#[test]
fn exports_carry_each_items_related_items_and_its_documents_citations() {
    use crate::explore::export;
    let mut bundle = seeds();
    bundle.links = made_up(&bundle);
    let index = crate::search::Index::build(&bundle);
    let catalog = crate::explore::facets::Catalog::build(&bundle, &index);
    let cx = export::Context {
        bundle: &bundle,
        index: &index,
        catalog: &catalog,
        zh: false,
        base: "https://example.org/",
    };
    let ids: Vec<u32> = (0..index.len() as u32).collect();
    let records = export::parse_csv(&export::csv(&cx, export::Rows::Items(&ids)));
    let column = |name: &str| records[0].iter().position(|c| c == name).unwrap();
    let (also, cites_col, by) = (
        column("also_in"),
        column("document_cites"),
        column("document_cited_by"),
    );
    for (record, &id) in records[1..].iter().zip(&ids) {
        let r = index.item_ref(id);
        let related = bundle.links.related_to(at(r.doc, r.item));
        let listed: Vec<&str> = record[also].split("; ").filter(|s| !s.is_empty()).collect();
        assert_eq!(listed.len(), related.len());
        for (cell, row) in listed.iter().zip(related) {
            assert!(
                cell.starts_with(&format!(
                    "{} {} https://example.org/?doc=",
                    row.relation.key(),
                    row.score
                )),
                "{cell}"
            );
        }
        match r.doc {
            0 => assert_eq!(
                record[cites_col],
                format!("a → {0}; b → {0}; law", bundle.documents[4].id)
            ),
            4 => assert_eq!(
                record[by],
                format!("{}; {}", bundle.documents[0].id, bundle.documents[1].id)
            ),
            _ => {}
        }
    }
    assert!(records.iter().any(|r| r[also].starts_with("copy 51 ")));
    let json = export::json(&cx, export::Rows::Items(&ids));
    assert_eq!(json.matches("\"also_in\": [").count(), ids.len());
    assert_eq!(json.matches("\"document_cited_by\": [").count(), ids.len());
}
