//! The link stage of the build, after ingest and before the bundle is written: what
//! connects documents to each other.
//!
//! - `related`: for every measure, case, point and paragraph, the most similar items of
//!   *other* documents — the same reform restated in another province's notice, adopted
//!   from a State Council list, translated, or copied — with a score and whether the match
//!   is a copy, a rewording in the same language, or a match across languages through the
//!   glossary's concepts.
//! - `citations`: the document numbers and titles a document cites, resolved to the
//!   corpus's documents by number and by normalised title (across languages where a
//!   number romanises or a title's concepts agree); the rest listed as external.
//!
//! Pure: a bundle with its texts in, `Bundle::links` out. Native and build-time only in
//! practice (the explorer reads the result); nothing here touches files.
//!
//! Cost: see the two modules; on the seeds well under a second, growing about linearly with
//! the number of items (candidate lists are capped).

pub mod citations;
mod concepts;
pub mod related;
mod romanise;
mod terms;

use crate::model::{Bundle, Links};

/// Fills `bundle.links` from its documents' texts. A bundle whose texts are deferred (read
/// back from shards without them) cannot be linked: that is an error naming the document.
pub fn link(bundle: &mut Bundle) -> Result<(), String> {
    if let Some(doc) = bundle.documents.iter().find(|d| d.deferred.is_some()) {
        return Err(format!(
            "document {:?}: its text is not loaded, so it cannot be linked",
            doc.id
        ));
    }
    bundle.links = Links {
        related: related::related(bundle, &related::Options::default()),
        citations: citations::citations(bundle),
    };
    Ok(())
}
