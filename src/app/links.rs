//! The bundle's links as the app has them: the related-items file of an open document and
//! the citations' file are fetched when something shows them (through the context's one
//! loader), each once; a single-file bundle has them all from the start.

use super::ctx::{Ctx, Data};
use crate::model::Links;
use leptos::prelude::*;

/// Where a links file is: not needed (the bundle has none, or has it all), on its way,
/// here, or failed (with the file's name and why).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    Here,
    Waiting,
    Failed(String),
}

impl Data {
    /// Reads the links loaded so far.
    pub fn with_links<R>(&self, read: impl FnOnce(&Links) -> R) -> R {
        let links = self.links.read().unwrap_or_else(|e| e.into_inner());
        read(&links)
    }

    fn related_file(&self, doc: usize) -> Option<String> {
        self.links_manifest
            .as_ref()?
            .related_file(doc as u32)
            .map(str::to_string)
    }

    fn citations_file(&self) -> Option<String> {
        self.links_manifest.as_ref()?.citations.clone()
    }

    fn is_read(&self, name: &str) -> bool {
        self.links_read
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .contains(name)
    }
}

impl Ctx {
    fn need_links_file(&self, name: Option<String>) -> Arrival {
        let Some(name) = name else {
            return Arrival::Here;
        };
        let data = self.data();
        if data.is_read(&name) {
            return Arrival::Here;
        }
        if let Some(why) = self.shards.with_untracked(|s| s.failed.get(&name).cloned()) {
            return Arrival::Failed(format!("{name}: {why}"));
        }
        let new = self
            .asked
            .try_update_value(|asked| asked.insert(name.clone()))
            .unwrap_or(false);
        if new {
            self.spawn_fetch(Vec::new(), Vec::new(), vec![name]);
        }
        Arrival::Waiting
    }

    /// The related items of document `doc`: fetched if need be. Tracks their arrival.
    pub fn need_related(&self, doc: usize) -> Arrival {
        self.links.track();
        let name = self.data().related_file(doc);
        self.need_links_file(name)
    }

    /// Every citation: fetched if need be. Tracks their arrival.
    pub fn need_citations(&self) -> Arrival {
        self.links.track();
        let name = self.data().citations_file();
        self.need_links_file(name)
    }

    /// Fetches the related items of `docs` and the citations, and waits until each file
    /// has arrived or failed (for an export).
    pub async fn links_of(&self, docs: &[usize]) {
        loop {
            let waiting = untrack(|| {
                let mut waiting = self.need_citations() == Arrival::Waiting;
                for &d in docs {
                    waiting |= self.need_related(d) == Arrival::Waiting;
                }
                waiting
            });
            if !waiting {
                return;
            }
            gloo_timers::future::TimeoutFuture::new(30).await;
        }
    }
}
