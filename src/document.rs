//! An open map: the map, its undo history, where it lives on disk and what the file looked like
//! when last read or written.

use crate::edit::{Edit, EditError};
use crate::file::{self, FileError, Saved, Stamp};
use crate::history::{History, MergeKey};
use crate::i18n::strings;
use crate::model::Map;
use std::path::{Path, PathBuf};

pub struct Document {
    /// Unique per opened document, so caches never mix two documents' revisions.
    serial: u64,
    map: Map,
    pub history: History,
    pub path: Option<PathBuf>,
    /// The file as last read or written; `None` until the map has a file.
    pub disk: Option<Stamp>,
    /// The file was in this older format: its first save keeps the original as `NAME.ron.bak`.
    pub migrated_from: Option<u32>,
    /// Read from another tool's file: where from, and the import report.
    pub imported: Option<Imported>,
}

/// Where an imported map came from, and what could not come across. The source is never
/// written to: the map has no file until it is saved as a map.
#[derive(Clone, Debug)]
pub struct Imported {
    pub source: PathBuf,
    pub notes: Vec<crate::format::Note>,
}

impl Document {
    /// A document with no file yet (from a template).
    pub fn new(map: Map) -> Self {
        Self {
            serial: next_serial(),
            map,
            history: History::new(),
            path: None,
            disk: None,
            migrated_from: None,
            imported: None,
        }
    }

    /// Opens a map file; another tool's file (a spreadsheet, a Mermaid diagram…) opens as a
    /// new, unsaved map that remembers where it came from.
    pub fn open(path: &Path) -> Result<Self, FileError> {
        let loaded = file::open(path)?;
        if loaded.is_import() {
            return Ok(Self {
                serial: next_serial(),
                map: loaded.map,
                history: History::unsaved(),
                path: None,
                disk: None,
                migrated_from: None,
                imported: Some(Imported {
                    source: absolute(path),
                    notes: loaded.notes,
                }),
            });
        }
        Ok(Self {
            serial: next_serial(),
            map: loaded.map,
            history: History::new(),
            path: Some(absolute(path)),
            disk: Some(loaded.stamp),
            migrated_from: (loaded.version < crate::format::FORMAT_VERSION)
                .then_some(loaded.version),
            imported: None,
        })
    }

    /// A map brought back from the autosave journal: it belongs to `path` (if it had a file) but
    /// is not saved there, so it starts unsaved.
    pub fn recovered(map: Map, path: Option<PathBuf>) -> Self {
        let disk = path.as_deref().and_then(|p| Stamp::read(p).ok().flatten());
        Self {
            serial: next_serial(),
            map,
            history: History::unsaved(),
            path,
            disk,
            migrated_from: None,
            imported: None,
        }
    }

    /// Read-only: every change goes through [`Self::apply`].
    pub fn map(&self) -> &Map {
        &self.map
    }

    /// Changes whenever the map does, and differs between documents.
    pub fn revision(&self) -> (u64, u64) {
        (self.serial, self.history.revision())
    }

    /// Changes when the map changes in a way that moves or resizes what is drawn: every change
    /// but the room's dots. Layout caches key off it.
    pub fn layout_revision(&self) -> (u64, u64) {
        (self.serial, self.history.layout_revision())
    }

    pub fn apply(&mut self, edit: Edit, merge: Option<MergeKey>) -> Result<(), EditError> {
        self.history.apply(&mut self.map, edit, merge)
    }

    /// Applies a change others made (the room's dots), beside the undo steps: see
    /// [`History::apply_beside`].
    pub fn apply_beside(&mut self, edit: Edit) -> Result<(), EditError> {
        self.history.apply_beside(&mut self.map, edit)
    }

    pub fn undo(&mut self) -> bool {
        self.history.undo(&mut self.map)
    }

    pub fn redo(&mut self) -> bool {
        self.history.redo(&mut self.map)
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Saves to `path` and makes it the document's file. On failure nothing changes: the map
    /// stays open and unsaved.
    pub fn save_as(&mut self, path: &Path) -> Result<Saved, FileError> {
        let path = &absolute(path);
        if self.migrated_from.is_some() && self.path.as_deref() == Some(path) {
            file::keep_backup(path)?;
        }
        let saved = file::save(path, &self.map)?;
        self.migrated_from = None;
        self.imported = None;
        self.path = Some(path.to_path_buf());
        self.disk = Some(saved.stamp);
        self.history.mark_saved();
        Ok(saved)
    }

    /// Takes in the file's new content (changed on disk by someone else) as one undoable step;
    /// the map then matches the file again.
    pub fn reload(&mut self, map: Map, stamp: Stamp) {
        if self.apply(Edit::Replace(Box::new(map)), None).is_ok() {
            self.disk = Some(stamp);
            self.history.mark_saved();
        }
    }

    /// The folder of the map's file: persona pictures are paths relative to it.
    pub fn folder(&self) -> Option<&Path> {
        let parent = self.file_or_source()?.parent()?;
        Some(if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        })
    }

    /// The map's file, or the file it was imported from.
    pub fn file_or_source(&self) -> Option<&Path> {
        self.path
            .as_deref()
            .or(self.imported.as_ref().map(|i| i.source.as_path()))
    }

    /// The name shown in the window title: the file name, "pizza.csv (imported)", or
    /// "Untitled".
    pub fn name(&self) -> String {
        let file_name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
        if let Some(name) = self.path.as_deref().and_then(file_name) {
            return name;
        }
        match self.imported.as_ref().and_then(|i| file_name(&i.source)) {
            Some(name) => crate::i18n::fmt("imported-name", &[("name", name.as_str().into())]),
            None => strings::untitled().to_owned(),
        }
    }
}

fn next_serial() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The map's file as a whole path, whatever folder the program was started in: the autosave
/// journal records it, and a later session started elsewhere must find (and save to) the same
/// file.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
