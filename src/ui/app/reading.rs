//! Reading map files on a worker thread, so a slow disk, a large map or a file that never
//! answers cannot freeze the window: opening a file, and looking at the open one when another
//! program changed it. One read at a time; the window picks up its result after a frame.

use super::TrayectoApp;
use crate::document::Document;
use crate::file::{self, FileError, Loaded, Stamp};
use crate::i18n::strings;
use crate::ui::dialogs::Dialog;
use std::path::PathBuf;
use std::sync::mpsc;

/// What a read found.
pub(super) enum Read {
    /// A map file opened to replace the map.
    Opened(PathBuf, Result<Document, FileError>),
    /// The open file, looked at after a change on disk: gone (`None`), its stamp now, and its
    /// map when its content differs from `was`.
    Looked {
        path: PathBuf,
        was: Stamp,
        now: Option<Stamp>,
        map: Option<Result<Loaded, FileError>>,
    },
    /// The open file read again to take its content ("take theirs").
    Reloaded(PathBuf, Result<Loaded, FileError>),
}

/// A read running on its worker thread.
pub(super) struct Reading {
    receiver: mpsc::Receiver<Read>,
    /// The person asked for it (opening a file, taking its content): the status bar says so.
    asked: bool,
    /// Finished, taken from the thread by [`TrayectoApp::finish_reading`].
    done: Option<Read>,
}

impl TrayectoApp {
    /// Starts `read` on a worker thread, unless a read is running (then `false`).
    fn start_reading(
        &mut self,
        ctx: &egui::Context,
        asked: bool,
        read: impl FnOnce() -> Read + Send + 'static,
    ) -> bool {
        if self.reading.is_some() {
            return false;
        }
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        let lang = crate::i18n::current();
        std::thread::spawn(move || {
            // Messages about the file in the window's language.
            crate::i18n::set(lang);
            let _ = sender.send(read());
            ctx.request_repaint();
        });
        self.reading = Some(Reading {
            receiver,
            asked,
            done: None,
        });
        true
    }

    /// Opens a file in the background; on failure the current map stays open and the error
    /// is shown.
    pub(super) fn open(&mut self, ctx: &egui::Context, path: PathBuf) {
        let shown = path.display().to_string();
        let reading = path.clone();
        if self.start_reading(ctx, true, move || {
            let opened = Document::open(&reading);
            Read::Opened(reading, opened)
        }) {
            self.messages.status = strings::opening_status(&shown);
        }
    }

    /// Looks at the open file after a change on disk, in the background.
    pub(super) fn check_disk(&mut self, ctx: &egui::Context) {
        let (Some(path), Some(was)) = (self.doc.path.clone(), self.doc.disk) else {
            return;
        };
        let started = self.start_reading(ctx, false, move || {
            let now = was.changed_on_disk(&path).unwrap_or(Some(was));
            let map = now
                .filter(|now| !now.same_content(&was))
                .map(|_| file::open(&path));
            Read::Looked {
                path,
                was,
                now,
                map,
            }
        });
        if !started {
            // Busy: look again once the running read is done.
            self.disk.look_again = true;
        }
    }

    /// Replaces the map with the file's content, as one undoable step (read in the
    /// background).
    pub(super) fn take_theirs(&mut self, ctx: &egui::Context) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        self.start_reading(ctx, true, move || {
            let loaded = file::open(&path);
            Read::Reloaded(path, loaded)
        });
    }

    /// Whether a file the person asked for is being read.
    pub(super) fn is_reading(&self) -> bool {
        self.reading.as_ref().is_some_and(|r| r.asked)
    }

    /// Waits for the file being read, if any; its result is applied after the next frame.
    /// For tests, which cannot wait as a person does.
    pub fn finish_reading(&mut self) {
        if let Some(reading) = &mut self.reading
            && reading.done.is_none()
        {
            reading.done = reading.receiver.recv().ok();
        }
    }

    /// Applies a finished read.
    pub(super) fn poll_reading(&mut self, ctx: &egui::Context) {
        let Some(reading) = &mut self.reading else {
            return;
        };
        let read = match reading.done.take() {
            Some(read) => read,
            None => match reading.receiver.try_recv() {
                Ok(read) => read,
                Err(mpsc::TryRecvError::Empty) => return,
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.reading = None;
                    return;
                }
            },
        };
        self.reading = None;
        match read {
            Read::Opened(path, opened) => self.opened(&path, opened),
            Read::Looked {
                path,
                was,
                now,
                map,
            } => self.looked(&path, was, now, map),
            Read::Reloaded(path, loaded) => self.reloaded(&path, loaded),
        }
        if std::mem::take(&mut self.disk.look_again) {
            self.check_disk(ctx);
        }
    }

    fn opened(&mut self, path: &std::path::Path, opened: Result<Document, FileError>) {
        match opened {
            Ok(doc) => {
                self.prefs.recent.add(path);
                let shown = path.display().to_string();
                self.messages.status = match (&doc.imported, doc.migrated_from) {
                    (Some(imported), _) => crate::i18n::fmt(
                        "imported-status",
                        &[
                            ("name", shown.as_str().into()),
                            ("count", imported.notes.len().into()),
                        ],
                    ),
                    (None, Some(version)) => {
                        strings::opened_old_format(&shown, version, crate::format::FORMAT_VERSION)
                    }
                    (None, None) => strings::opened_status(&shown),
                };
                self.replace(doc);
                self.offer_import_report();
            }
            Err(error) => {
                if error.is_not_found() {
                    self.prefs.recent.remove(path);
                }
                self.messages.status.clear();
                self.dialogs.open = Some(Dialog::Error(error.to_string()));
            }
        }
    }

    /// Lists what an imported map could not bring across, if anything.
    pub(super) fn offer_import_report(&mut self) {
        let Some(imported) = self.doc.imported.as_ref().filter(|i| !i.notes.is_empty()) else {
            return;
        };
        let shown = imported.source.display().to_string();
        self.dialogs.open = Some(Dialog::Report {
            title: crate::i18n::tr("import-report-title").to_owned(),
            lead: crate::i18n::fmt("import-report-lead", &[("name", shown.as_str().into())]),
            notes: imported.notes.iter().map(ToString::to_string).collect(),
        });
    }

    /// What a look at the open file found, if the file is still the one open.
    fn looked(
        &mut self,
        path: &std::path::Path,
        was: Stamp,
        now: Option<Stamp>,
        map: Option<Result<Loaded, FileError>>,
    ) {
        if self.doc.path.as_deref() != Some(path) || self.doc.disk != Some(was) {
            // Another map, or saved since: what was seen no longer applies.
            return;
        }
        let Some(now) = now else {
            if !self.disk.file_missing {
                self.disk.file_missing = true;
                self.doc.history.mark_unsaved();
                self.messages.status = strings::vanished_status(&self.doc.name());
            }
            return;
        };
        self.disk.file_missing = false;
        match map {
            // Touched, or our own save: remember the new time so the next look is cheap.
            None => self.doc.disk = Some(now),
            Some(_) if self.doc.is_dirty() => {
                if !matches!(self.dialogs.open, Some(Dialog::Conflict { .. })) {
                    self.dialogs.open = Some(Dialog::Conflict {
                        name: self.doc.name(),
                    });
                }
            }
            Some(loaded) => self.reloaded(path, loaded),
        }
    }

    fn reloaded(&mut self, path: &std::path::Path, loaded: Result<Loaded, FileError>) {
        if self.doc.path.as_deref() != Some(path) {
            return;
        }
        match loaded {
            Ok(loaded) => {
                self.doc.reload(loaded.map, loaded.stamp);
                self.messages.status = strings::reloaded_status(&self.doc.name());
            }
            Err(error) => {
                // Perhaps half-written: keep ours, and look again at the next change.
                self.doc.history.mark_unsaved();
                self.messages.status =
                    strings::unreadable_change_status(&self.doc.name(), &error.message());
            }
        }
    }
}
