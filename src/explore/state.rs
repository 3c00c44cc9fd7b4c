//! The whole UI state — query, facet selections, date range, sort, view, open document and
//! item, UI language, page — and its home in the URL query string, so that reload,
//! back/forward and shared links restore a view exactly. Pure: strings in, strings out.
//!
//! Cost: linear in the length of the query string.

use super::facets::Facet;
use super::FigureSort;
use crate::model::FigureKind;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sort {
    #[default]
    Relevance,
    Date,
    Document,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::Date, Sort::Document];
    pub fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Date => "date",
            Sort::Document => "document",
        }
    }
    fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|v| v.key() == s)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum View {
    #[default]
    Results,
    Charts,
    Figures,
    Documents,
}

impl View {
    pub const ALL: [View; 4] = [View::Results, View::Charts, View::Figures, View::Documents];
    pub fn key(self) -> &'static str {
        match self {
            View::Results => "results",
            View::Charts => "charts",
            View::Figures => "figures",
            View::Documents => "documents",
        }
    }
    fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == s)
    }
}

/// The UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum UiLang {
    #[default]
    En,
    Zh,
}

impl UiLang {
    pub fn key(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Zh => "zh",
        }
    }
    pub fn parse(s: &str) -> Option<UiLang> {
        match s {
            "en" => Some(UiLang::En),
            "zh" => Some(UiLang::Zh),
            _ => None,
        }
    }
}

/// The page sizes offered; the first is the default.
pub const PAGE_SIZES: [usize; 3] = [20, 50, 100];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub query: String,
    /// Selected values per facet (OR within a facet, AND across facets).
    pub filters: BTreeMap<Facet, BTreeSet<String>>,
    /// Inclusive date bounds, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
    pub sort: Sort,
    pub view: View,
    /// The open document (reader) and, within it, the selected item index.
    pub doc: Option<String>,
    pub item: Option<u32>,
    /// The selected item's number path in the URL (`number=2.3`, see `model::path`): written
    /// instead of `item=` when the item has one; [`State::resolve_item`] keeps the two in step.
    pub item_number: Option<String>,
    /// `None`: not in the URL (the stored or browser preference applies).
    pub lang: Option<UiLang>,
    /// Zero-based page of results.
    pub page: usize,
    /// Results per page (`per=50`): one of [`PAGE_SIZES`], the first by default.
    pub per: usize,
    /// Another bundle to explore instead of the built-in one (`?bundle=URL`).
    pub bundle: Option<String>,
    /// Compact mode for embedding in other pages (`?embed=1`).
    pub embed: bool,
    /// Only this chart in the charts view (`chart=topics`, an embed of one chart).
    pub chart: Option<String>,
    /// The view tabs hidden (`tabs=0`, an embed that shows one view).
    pub hide_tabs: bool,
    /// Results grouped by document (`group=doc`).
    pub group: bool,
    /// The documents table's order (`dsort=`).
    pub doc_sort: super::documents::DocSort,
    /// The figures table's kind filter (`fkind=`) and order (`fsort=`).
    pub figure_kind: Option<FigureKind>,
    pub figure_sort: FigureSort,
    /// The reader shows the selected item's diffusion: its related items on a timeline
    /// (`spread=1`).
    pub spread: bool,
    /// The documents view lists only the documents that cite this one (`cites=ID`) …
    pub cites: Option<String>,
    /// … or only those this one cites (`citedby=ID`).
    pub cited_by: Option<String>,
}

impl Default for State {
    fn default() -> State {
        State {
            query: String::new(),
            filters: BTreeMap::new(),
            from: None,
            to: None,
            sort: Sort::default(),
            view: View::default(),
            doc: None,
            item: None,
            item_number: None,
            lang: None,
            page: 0,
            per: PAGE_SIZES[0],
            bundle: None,
            embed: false,
            figure_kind: None,
            figure_sort: FigureSort::default(),
            chart: None,
            hide_tabs: false,
            group: false,
            doc_sort: Default::default(),
            spread: false,
            cites: None,
            cited_by: None,
        }
    }
}

/// The page numbers a pager shows for page `current` of `pages` (both zero-based): the
/// first, the last, and two on each side of the current one; `None` where pages are left
/// out ("…").
pub fn page_window(current: usize, pages: usize) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = Vec::new();
    for p in 0..pages {
        let near = p.abs_diff(current) <= 2;
        if p == 0 || p + 1 == pages || near {
            out.push(Some(p));
        } else if out.last() != Some(&None) {
            out.push(None);
        }
    }
    out
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

/// Percent-encodes everything but unreserved ASCII (UTF-8 bytes otherwise).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if is_unreserved(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+` (as space); invalid escapes are kept literally, invalid UTF-8 is
/// replaced — a hand-edited URL never fails.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 3 <= bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A date bound (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real month and day: not 2021-13 or
/// 2021-02-29), or `None` for anything else.
pub fn date_bound(s: &str) -> Option<String> {
    let number = |part: &str| -> Option<u32> {
        (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let parts: Vec<&str> = s.split('-').collect();
    let ok = match parts.as_slice() {
        [y] => y.len() == 4 && number(y).is_some(),
        [y, m] => {
            y.len() == 4
                && m.len() == 2
                && number(y).is_some()
                && number(m).is_some_and(|m| (1..=12).contains(&m))
        }
        [y, m, d] => match (number(y), number(m), number(d)) {
            (Some(y), Some(m), Some(d))
                if parts[0].len() == 4 && parts[1].len() == 2 && parts[2].len() == 2 =>
            {
                (1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)
            }
            _ => false,
        },
        _ => false,
    };
    ok.then(|| s.to_string())
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl State {
    /// The page's title for this state, so that tabs, history and bookmarks tell views and
    /// documents apart: "Notice on … · FTZ Explorer" with a document open, "“customs” ·
    /// Results · FTZ Explorer" for a query, "Charts · FTZ Explorer" for a view.
    pub fn title(&self, doc_title: Option<&str>, lang: UiLang) -> String {
        let t = |key| super::i18n::t(lang, key);
        let app = t("app_name");
        if let Some(title) = doc_title.filter(|_| self.doc.is_some()) {
            return format!("{title} · {app}");
        }
        let view = t(match self.view {
            View::Results => "view_results",
            View::Charts => "view_charts",
            View::Figures => "view_figures",
            View::Documents => "view_documents",
        });
        let query = self.query.trim();
        if query.is_empty() {
            format!("{view} · {app}")
        } else {
            format!("“{query}” · {view} · {app}")
        }
    }

    /// Reads a query string (with or without the leading `?`). Unknown keys and malformed
    /// values are ignored.
    pub fn from_query(query: &str) -> State {
        let mut state = State::default();
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (k, v) = (decode(k), decode(v));
            match k.as_str() {
                "q" => state.query = v,
                "from" => state.from = date_bound(&v),
                "to" => state.to = date_bound(&v),
                "sort" => state.sort = Sort::parse(&v).unwrap_or_default(),
                "view" => state.view = View::parse(&v).unwrap_or_default(),
                "doc" if !v.is_empty() => state.doc = Some(v),
                "item" => state.item = v.parse().ok(),
                "number" if !v.is_empty() => state.item_number = Some(v),
                "lang" => state.lang = UiLang::parse(&v),
                "page" => state.page = v.parse::<usize>().map_or(0, |p| p.saturating_sub(1)),
                "per" => {
                    state.per = v
                        .parse()
                        .ok()
                        .filter(|n| PAGE_SIZES.contains(n))
                        .unwrap_or(PAGE_SIZES[0])
                }
                "bundle" if !v.is_empty() => state.bundle = Some(v),
                "embed" => state.embed = v == "1" || v == "true",
                "chart"
                    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') =>
                {
                    state.chart = Some(v)
                }
                "tabs" => state.hide_tabs = v == "0" || v == "false",
                "group" => state.group = v == "doc",
                "dsort" => {
                    state.doc_sort = super::documents::DocSort::parse(&v).unwrap_or_default()
                }
                "fkind" => state.figure_kind = FigureKind::parse(&v),
                "fsort" => state.figure_sort = FigureSort::parse(&v).unwrap_or_default(),
                "spread" => state.spread = v == "1" || v == "true",
                "cites" if !v.is_empty() => state.cites = Some(v),
                "citedby" if !v.is_empty() => state.cited_by = Some(v),
                key => {
                    if let Some(facet) = Facet::parse(key).filter(|_| !v.is_empty()) {
                        state.filters.entry(facet).or_default().insert(v);
                    }
                }
            }
        }
        state
    }

    /// The canonical query string (leading `?`, or empty): defaults are left out, facets in
    /// a fixed order, values sorted — the same state always gives the same URL.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut push = |k: &str, v: &str| parts.push(format!("{}={}", encode(k), encode(v)));
        if !self.query.is_empty() {
            push("q", &self.query);
        }
        for (facet, values) in &self.filters {
            for v in values {
                push(facet.key(), v);
            }
        }
        if let Some(from) = &self.from {
            push("from", from);
        }
        if let Some(to) = &self.to {
            push("to", to);
        }
        if self.sort != Sort::default() {
            push("sort", self.sort.key());
        }
        if self.view != View::default() {
            push("view", self.view.key());
        }
        if let Some(kind) = self.figure_kind {
            push("fkind", kind.key());
        }
        if self.figure_sort != FigureSort::default() {
            push("fsort", self.figure_sort.key());
        }
        if let Some(doc) = &self.doc {
            push("doc", doc);
        }
        if let Some(number) = &self.item_number {
            push("number", number);
        } else if let Some(item) = self.item {
            push("item", &item.to_string());
        }
        if self.spread {
            push("spread", "1");
        }
        if let Some(doc) = &self.cites {
            push("cites", doc);
        }
        if let Some(doc) = &self.cited_by {
            push("citedby", doc);
        }
        if let Some(lang) = self.lang {
            push("lang", lang.key());
        }
        if self.page > 0 {
            push("page", &(self.page + 1).to_string());
        }
        if self.per != PAGE_SIZES[0] {
            push("per", &self.per.to_string());
        }
        if let Some(bundle) = &self.bundle {
            push("bundle", bundle);
        }
        if self.embed {
            push("embed", "1");
        }
        if let Some(chart) = &self.chart {
            push("chart", chart);
        }
        if self.hide_tabs {
            push("tabs", "0");
        }
        if self.group {
            push("group", "doc");
        }
        if self.doc_sort != Default::default() {
            push("dsort", self.doc_sort.key());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// Brings the selected item's index and number path into step for the open document:
    /// a path from the URL selects its item; an index (an older link, or a click) gets its
    /// path. A path that names no item of the document leaves no item selected.
    pub fn resolve_item(&mut self, bundle: &crate::model::Bundle) {
        let doc = self.doc.as_deref().and_then(|id| bundle.document(id));
        let Some(doc) = doc else {
            self.item_number = None;
            return;
        };
        match &self.item_number {
            Some(path) => self.item = doc.item_at_path(path),
            None => {
                self.item_number = self
                    .item
                    .filter(|&i| (i as usize) < doc.items.len())
                    .and_then(|i| doc.item_path(i as usize));
            }
        }
    }

    pub fn has_filters(&self) -> bool {
        self.filters.values().any(|v| !v.is_empty()) || self.from.is_some() || self.to.is_some()
    }

    /// Adds or removes one facet value; any change of the result set goes back to page one.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let values = self.filters.entry(facet).or_default();
        if !values.remove(value) {
            values.insert(value.to_string());
        }
        if values.is_empty() {
            self.filters.remove(&facet);
        }
        self.page = 0;
    }

    pub fn clear_filters(&mut self) {
        self.filters.clear();
        self.from = None;
        self.to = None;
        self.page = 0;
    }
}

#[cfg(test)]
mod tests;
