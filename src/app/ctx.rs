//! The app's shared context: the bundle with its index and facet catalog, the UI state
//! (mirrored in the URL), the outcome computed from it, the UI language, and the saved
//! items (kept in localStorage). Components read it with `use_context::<Ctx>()`.
//!
//! Texts arrive the same way, when something shows them ([`Ctx::need_texts`]).
//!
//! The index may arrive in shards: when a search lacks some, they are fetched (each once)
//! and the outcome is recomputed when they are in; until then the last complete outcome
//! stays on screen and [`Shards`] says what is awaited. A shard that fails is not asked for
//! again; the outcome then shows what the rest of the index finds, and the failure is said.

use super::load::{Browser, Loaded};
use super::url;
use crate::explore::facets::Catalog;
use crate::explore::state::{State, UiLang};
use crate::explore::{explore, i18n, Outcome};
use crate::model::{Bundle, Document, Span, TextFile};
use crate::search::{bitset::BitSet, Index};
use crate::store::ShardSource;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, RwLock, RwLockReadGuard};

const LANG_KEY: &str = "ftz-explorer.lang";
const SAVED_KEY: &str = "ftz-explorer.saved";

/// What start-up loaded: the bundle, its search index (which grows as shards arrive), its
/// texts (as they arrive) and facet catalog.
/// A figure as its text writes it: the words, the sentence, and where in the sentence
/// (in chars) the words start.
pub struct FigureText {
    pub written: String,
    pub sentence: String,
    pub at: usize,
}

pub struct Data {
    /// Every document, its text deferred (`model::DeferredText`): the texts are in `texts`.
    pub bundle: Arc<Bundle>,
    texts: RwLock<BTreeMap<String, Arc<TextFile>>>,
    index: RwLock<Index>,
    pub catalog: Catalog,
    /// Where the shards are; `None` for a single-file bundle (indexed here, texts at hand).
    pub source: Option<Browser>,
    /// Every file of the manifest (none for a single-file bundle).
    pub files: Vec<String>,
    /// The links loaded so far (`super::links`).
    pub(super) links: RwLock<crate::model::Links>,
    /// The links files read into `links`.
    pub(super) links_read: RwLock<BTreeSet<String>>,
    pub(super) links_manifest: Option<crate::store::LinksManifest>,
}

impl Data {
    pub fn index(&self) -> RwLockReadGuard<'_, Index> {
        self.index.read().unwrap_or_else(|e| e.into_inner())
    }

    /// The text file of document `doc`, once it is here.
    fn file(&self, doc: usize) -> Option<(&Document, Arc<TextFile>)> {
        let document = self.bundle.documents.get(doc)?;
        let texts = self.texts.read().unwrap_or_else(|e| e.into_inner());
        Some((
            document,
            texts.get(&document.deferred.as_ref()?.file)?.clone(),
        ))
    }

    /// Whether the text of document `doc` is here.
    pub fn has_text(&self, doc: usize) -> bool {
        self.file(doc).is_some()
    }

    /// The text of item `item` of document `doc`, once the text is here.
    pub fn item_text(&self, doc: usize, item: usize) -> Option<String> {
        let (document, file) = self.file(doc)?;
        let span = document.item_span_in(&file, item)?;
        span.slice(&file.text).map(str::to_string)
    }

    /// Figure `figure` of document `doc` as written, in its sentence, once the text is here.
    pub fn figure_text(&self, doc: usize, figure: usize) -> Option<FigureText> {
        let (document, file) = self.file(doc)?;
        let (span, sentence) = document.figure_spans_in(&file, figure)?;
        let slice = |span: Span| span.slice(&file.text).unwrap_or("");
        Some(FigureText {
            written: slice(span).to_string(),
            sentence: slice(sentence).to_string(),
            at: slice(Span(sentence.0, span.0)).chars().count(),
        })
    }

    /// Document `doc` with its text, once the text is here.
    pub fn document(&self, doc: usize) -> Option<Document> {
        let (document, file) = self.file(doc)?;
        let mut document = document.clone();
        document.restore_text((*file).clone()).ok()?;
        Some(document)
    }

    /// The bundle with the texts of `docs` in it (what an export reads).
    pub fn with_texts(&self, docs: &[usize]) -> Bundle {
        let mut bundle = (*self.bundle).clone();
        for &d in docs {
            if let Some((_, file)) = self.file(d) {
                let _ = bundle.documents[d].restore_text((*file).clone());
            }
        }
        bundle
    }

    /// The text files of `docs` not here yet.
    fn missing_texts(&self, docs: impl IntoIterator<Item = usize>) -> Vec<String> {
        let texts = self.texts.read().unwrap_or_else(|e| e.into_inner());
        crate::store::text_files(&self.bundle, docs)
            .into_iter()
            .filter(|name| !texts.contains_key(name))
            .collect()
    }
}

/// Shards being fetched — index shards and texts — and those that failed (name → why).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shards {
    pub loading: BTreeSet<String>,
    pub texts: BTreeSet<String>,
    pub failed: BTreeMap<String, String>,
}

/// Copyable handles: closures capture the context by copy.
#[derive(Clone, Copy)]
pub struct Ctx {
    data: StoredValue<Arc<Data>>,
    pub state: RwSignal<State>,
    pub outcome: RwSignal<Arc<Outcome>>,
    /// Saved items as "doc-id#item-index".
    pub saved: RwSignal<BTreeSet<String>>,
    pub shards: RwSignal<Shards>,
    /// How many texts have arrived, notified whenever texts arrive or fail: what shows a
    /// text tracks this.
    pub texts: RwSignal<usize>,
    /// How many links files have arrived: what shows links tracks this.
    pub links: RwSignal<usize>,
    /// Text and links files asked for (loading, here or failed): each is fetched once.
    pub(super) asked: StoredValue<BTreeSet<String>>,
    /// Where the results were when a card opened its document: the way back returns there.
    pub return_to: StoredValue<Option<super::place::ReturnTo>>,
}

/// The language preference when the URL does not say: stored choice, then the browser's.
fn preferred_lang() -> UiLang {
    if let Ok(stored) = LocalStorage::get::<String>(LANG_KEY) {
        if let Some(lang) = UiLang::parse(&stored) {
            return lang;
        }
    }
    let browser = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    if browser.starts_with("zh") {
        UiLang::Zh
    } else {
        UiLang::En
    }
}

/// A URL's facet values by their keys (a label in either language or a key in other letter
/// case is rewritten) and its item by its number (an older `item=` index link gets its
/// `number=`); the address bar follows, without a new history entry.
fn canonical_state(bundle: &Bundle, catalog: &Catalog, mut state: State) -> State {
    let before = state.clone();
    catalog.canonicalize(&mut state);
    state.resolve_item(bundle);
    if state != before {
        url::write(&state, false);
    }
    state
}

pub fn saved_key(doc: &str, item: u32) -> String {
    format!("{doc}#{item}")
}

impl Ctx {
    pub fn new(loaded: Loaded) -> Ctx {
        let Loaded {
            bundle,
            texts,
            index,
            source,
            files,
            links,
            links_manifest,
        } = loaded;
        let catalog = Catalog::build(&bundle, &index);
        let saved: BTreeSet<String> = LocalStorage::get(SAVED_KEY).unwrap_or_default();
        let state = canonical_state(&bundle, &catalog, url::read());
        let saved_ids = saved_set(&bundle, &index, &saved);
        let outcome = Arc::new(explore(&bundle, &index, &catalog, &state, &saved_ids));
        let missing = outcome.search.missing.clone();
        let ctx = Ctx {
            data: StoredValue::new(Arc::new(Data {
                bundle: Arc::new(bundle),
                texts: RwLock::new(texts),
                index: RwLock::new(index),
                catalog,
                source,
                files,
                links: RwLock::new(links),
                links_read: RwLock::new(BTreeSet::new()),
                links_manifest,
            })),
            state: RwSignal::new(state),
            outcome: RwSignal::new(outcome),
            saved: RwSignal::new(saved),
            shards: RwSignal::new(Shards::default()),
            texts: RwSignal::new(0),
            links: RwSignal::new(0),
            asked: StoredValue::new(BTreeSet::new()),
            return_to: StoredValue::new(None),
        };
        ctx.fetch(missing);
        ctx
    }

    pub fn data(&self) -> Arc<Data> {
        self.data.get_value()
    }

    /// The UI language: the URL's, else the stored or browser preference.
    pub fn lang(&self) -> UiLang {
        self.state.with(|s| s.lang).unwrap_or_else(preferred_lang)
    }

    pub fn t(&self, key: &'static str) -> &'static str {
        i18n::t(self.lang(), key)
    }

    pub fn zh(&self) -> bool {
        self.lang() == UiLang::Zh
    }

    pub fn saved_ids(&self) -> BitSet {
        let data = self.data();
        self.saved
            .with(|s| saved_set(&data.bundle, &data.index(), s))
    }

    /// Recomputes the outcome after the state or the saved items changed. While shards it
    /// needs are on their way, the last outcome stays.
    pub fn refresh(&self) {
        let saved = self.saved_ids();
        let data = self.data();
        let outcome = self
            .state
            .with(|s| explore(&data.bundle, &data.index(), &data.catalog, s, &saved));
        let awaited = self.fetch(outcome.search.missing.clone());
        if !awaited {
            self.outcome.set(Arc::new(outcome));
        }
    }

    /// Fetches the index shards `names` that are neither loading nor failed, then
    /// refreshes; whether any of `names` is (still) on its way.
    fn fetch(&self, names: Vec<String>) -> bool {
        let (new, awaited) = self.shards.with_untracked(|s| {
            let new: Vec<String> = names
                .iter()
                .filter(|n| !s.loading.contains(*n) && !s.failed.contains_key(*n))
                .cloned()
                .collect();
            let awaited = names.iter().any(|n| !s.failed.contains_key(n));
            (new, awaited)
        });
        if self.data().source.is_none() {
            return false;
        }
        if !new.is_empty() {
            self.shards
                .update(|s| s.loading.extend(new.iter().cloned()));
            self.spawn_fetch(new, Vec::new(), Vec::new());
        }
        awaited
    }

    /// Fetches the texts of `docs` that are neither here nor asked for. Safe to call while
    /// rendering: nothing reactive changes before the fetch starts.
    pub fn need_texts(&self, docs: impl IntoIterator<Item = usize>) {
        let missing = self.data().missing_texts(docs);
        let new: Vec<String> = self
            .asked
            .try_update_value(|asked| {
                missing
                    .iter()
                    .filter(|n| asked.insert((*n).clone()))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        if !new.is_empty() {
            self.spawn_fetch(Vec::new(), new, Vec::new());
        }
    }

    /// The one loader: fetches index shards, text files and links files together, puts
    /// each where it belongs, records failures by name, then says what changed (a new
    /// outcome when index shards arrived, `texts` or `links` when those did).
    pub(super) fn spawn_fetch(&self, shards: Vec<String>, texts: Vec<String>, links: Vec<String>) {
        let data = self.data();
        let Some(source) = data.source.clone() else {
            return;
        };
        let ctx = *self;
        leptos::task::spawn_local(async move {
            if !texts.is_empty() {
                ctx.shards.update(|s| s.texts.extend(texts.iter().cloned()));
            }
            if !links.is_empty() {
                ctx.shards.update(|s| s.texts.extend(links.iter().cloned()));
            }
            let names: Vec<String> = shards.iter().chain(&texts).chain(&links).cloned().collect();
            let files = source.fetch_all(&names).await;
            let mut failed = Vec::new();
            let mut arrived = 0;
            for (i, (name, file)) in names.iter().zip(files).enumerate() {
                let stored = file.and_then(|file| {
                    if i < shards.len() {
                        let mut index = data.index.write().unwrap_or_else(|e| e.into_inner());
                        index
                            .load(name, &file)
                            .map_err(|reason| crate::store::ShardError {
                                name: name.clone(),
                                reason,
                            })
                    } else if i >= shards.len() + texts.len() {
                        let read = crate::store::read_links(&data.bundle, name, &file)?;
                        let mut here = data.links.write().unwrap_or_else(|e| e.into_inner());
                        crate::store::merge_links(&mut here, read);
                        let mut read = data.links_read.write().unwrap_or_else(|e| e.into_inner());
                        read.insert(name.clone());
                        Ok(())
                    } else {
                        let text = crate::store::read_text(&data.bundle, name, &file)?;
                        let mut here = data.texts.write().unwrap_or_else(|e| e.into_inner());
                        here.insert(name.clone(), Arc::from(text));
                        arrived += 1;
                        Ok(())
                    }
                });
                if let Err(e) = stored {
                    failed.push((e.name, e.reason));
                }
            }
            ctx.shards.update(|s| {
                for name in &names {
                    s.loading.remove(name);
                    s.texts.remove(name);
                }
                s.failed.extend(failed);
            });
            if !texts.is_empty() {
                ctx.texts.update(|n| *n += arrived);
            }
            if !links.is_empty() {
                // Arrived or failed: what waits for them looks again.
                ctx.links.update(|n| *n += 1);
            }
            if !shards.is_empty() {
                ctx.refresh();
            }
        });
    }

    /// Fetches the texts of `docs` and waits until each has arrived or failed (for an
    /// export); whether they all arrived.
    pub async fn texts_of(&self, docs: &[usize]) -> bool {
        self.need_texts(docs.iter().copied());
        let data = self.data();
        loop {
            let missing = data.missing_texts(docs.iter().copied());
            let (waiting, failed) = self.shards.with_untracked(|s| {
                (
                    missing.iter().any(|n| !s.failed.contains_key(n)),
                    missing.iter().any(|n| s.failed.contains_key(n)),
                )
            });
            if !waiting {
                return !failed;
            }
            gloo_timers::future::TimeoutFuture::new(30).await;
        }
    }

    /// Changes the state, records it in the URL (`push`: a new history entry), recomputes.
    pub fn update(&self, push: bool, change: impl FnOnce(&mut State)) {
        let data = self.data();
        self.state.update(|s| {
            let before = (s.doc.clone(), s.item);
            change(s);
            // A newly chosen item is addressed by its own number.
            if (&s.doc, s.item) != (&before.0, before.1) {
                s.item_number = None;
            }
            s.resolve_item(&data.bundle);
        });
        self.state.with_untracked(|s| url::write(s, push));
        self.refresh();
    }

    /// Back/forward: the URL is the truth.
    pub fn restore_from_url(&self) {
        let data = self.data();
        let state = canonical_state(&data.bundle, &data.catalog, url::read());
        let left_reader = self.state.with_untracked(|s| s.doc.is_some()) && state.doc.is_none();
        self.state.set(state);
        self.refresh();
        // Back from a document: the card that opened it gets focus again.
        if let Some(to) = self.return_to.get_value().filter(|_| left_reader) {
            super::place::restore(to);
        }
    }

    pub fn toggle_lang(&self) {
        let next = if self.zh() { UiLang::En } else { UiLang::Zh };
        let _ = LocalStorage::set(LANG_KEY, next.key());
        self.update(false, |s| s.lang = Some(next));
    }

    pub fn toggle_saved(&self, doc: &str, item: u32) {
        let key = saved_key(doc, item);
        self.saved.update(|s| {
            if !s.remove(&key) {
                s.insert(key);
            }
        });
        self.saved.with_untracked(|s| {
            let _ = LocalStorage::set(SAVED_KEY, s);
        });
        self.refresh();
    }

    /// Whether documents open outside the page (in the full explorer, in a new tab): in an
    /// embed, where a whole document would not fit the frame.
    pub fn opens_outside(&self) -> bool {
        self.state.with_untracked(|s| s.embed)
    }

    /// A link to a document (and item) that keeps the language and bundle. From an embed it
    /// leads to the full explorer.
    pub fn link(&self, doc: &str, item: Option<u32>) -> String {
        self.state.with_untracked(|s| {
            let mut link = State {
                doc: Some(doc.to_string()),
                item,
                lang: s.lang,
                bundle: s.bundle.clone(),
                ..State::default()
            };
            link.resolve_item(&self.data().bundle);
            link.to_query()
        })
    }

    pub fn is_saved(&self, doc: &str, item: u32) -> bool {
        self.saved.with(|s| s.contains(&saved_key(doc, item)))
    }
}

fn saved_set(bundle: &Bundle, index: &Index, saved: &BTreeSet<String>) -> BitSet {
    let mut set = BitSet::new(index.len());
    for key in saved {
        let Some((doc, item)) = key.rsplit_once('#') else {
            continue;
        };
        let Some(d) = bundle.documents.iter().position(|x| x.id == doc) else {
            continue;
        };
        if let Some(id) = item.parse().ok().and_then(|i| index.id_of(d as u32, i)) {
            set.insert(id);
        }
    }
    set
}
