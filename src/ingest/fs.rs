//! The only I/O of ingest: read every regular file of one folder (not recursively) into
//! [`Source`]s, in name order. Hidden files (a leading `.`) and sub-folders are skipped and
//! reported, so that the caller can say so; a file that cannot be read is an error naming it.
//!
//! Cost: reads each file once into memory.

use super::{IngestError, Source};
use std::path::Path;

/// The files of a folder, plus the names of entries that were deliberately not read.
#[derive(Debug, Default)]
pub struct Folder {
    pub sources: Vec<Source>,
    pub skipped: Vec<String>,
}

pub fn read_folder(dir: &Path) -> Result<Folder, IngestError> {
    let fail = |file: String, e: std::io::Error| IngestError {
        file,
        reason: e.to_string(),
    };
    let entries = std::fs::read_dir(dir).map_err(|e| fail(dir.display().to_string(), e))?;
    let mut folder = Folder::default();
    for entry in entries {
        let entry = entry.map_err(|e| fail(dir.display().to_string(), e))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || path.is_dir() {
            folder.skipped.push(name);
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| fail(path.display().to_string(), e))?;
        folder.sources.push(Source { name, bytes });
    }
    folder.sources.sort_by(|a, b| a.name.cmp(&b.name));
    folder.skipped.sort();
    Ok(folder)
}
