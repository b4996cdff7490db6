//! The open map's life on disk besides opening and saving: the autosave journal, and changes
//! other programs make to its file.

use super::TrayectoApp;
use crate::file;
use crate::i18n::strings;
use crate::ui::dialogs::Dialog;

impl TrayectoApp {
    /// Journals unsaved work in the background and reports trouble with it once.
    pub(super) fn keep_journal(&mut self, ctx: &egui::Context) {
        if let Some(wait) = self
            .disk
            .autosave
            .tick(&self.doc, std::time::Instant::now())
        {
            ctx.request_repaint_after(wait);
        }
        for report in self.disk.autosave.reports() {
            if let crate::recovery::AutosaveReport::Failed { folder, reason } = report {
                self.messages.status =
                    strings::autosave_failed(&folder.display().to_string(), &reason);
            }
        }
    }

    /// Follows the open file on disk: reloads it when others change it and the map has no
    /// unsaved edits, asks when it has, and says so when the file vanishes.
    pub(super) fn watch_disk(&mut self, ctx: &egui::Context) {
        if !self.disk.watch_files {
            return;
        }
        if self.disk.watched != self.doc.path {
            self.disk.watched = self.doc.path.clone();
            self.disk.watcher = self.disk.watched.as_deref().and_then(|path| {
                let ctx = ctx.clone();
                crate::watch::Watcher::new(path, move || ctx.request_repaint()).ok()
            });
        }
        if self.disk.watcher.as_ref().is_some_and(|w| w.take_event()) {
            self.check_disk();
        }
    }

    /// Compares the open file with what we last read or wrote.
    pub(super) fn check_disk(&mut self) {
        let (Some(path), Some(stamp)) = (self.doc.path.clone(), self.doc.disk) else {
            return;
        };
        match stamp.changed_on_disk(&path) {
            Ok(None) => {
                if !self.disk.file_missing {
                    self.disk.file_missing = true;
                    self.doc.history.mark_unsaved();
                    self.messages.status = strings::vanished_status(&self.doc.name());
                }
            }
            Ok(Some(now)) if now.same_content(&stamp) => {
                // Touched, or our own save: remember the new time so the next look is cheap.
                self.doc.disk = Some(now);
                self.disk.file_missing = false;
            }
            Ok(Some(_)) => {
                self.disk.file_missing = false;
                if self.doc.is_dirty() {
                    if !matches!(self.dialogs.open, Some(Dialog::Conflict { .. })) {
                        self.dialogs.open = Some(Dialog::Conflict {
                            name: self.doc.name(),
                        });
                    }
                } else {
                    self.take_theirs();
                }
            }
            Err(_) => {}
        }
    }

    /// Replaces the map with the file's content, as one undoable step.
    pub(super) fn take_theirs(&mut self) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        match file::open(&path) {
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
