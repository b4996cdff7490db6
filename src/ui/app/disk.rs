//! The open map's life on disk besides opening and saving: the autosave journal, and changes
//! other programs make to its file.

use super::TrayectoApp;
use crate::i18n::strings;

impl TrayectoApp {
    /// Journals unsaved work in the background and reports trouble with it once.
    pub(super) fn keep_journal(&mut self, ctx: &egui::Context) {
        let shown = crate::recovery::Shown::from(self.shown.view);
        self.disk.autosave.show(shown);
        // The room's notes waiting in the inbox are journaled with the map: in no file yet.
        let workshop = &self.workshop;
        self.disk
            .autosave
            .room_notes(workshop.notes_mark(), || workshop.journal_notes());
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
            self.check_disk(ctx);
        }
    }
}
