//! Opening and saving maps, the file dialogs they go through, and recovering unsaved work.

use super::{Selection, TrayectoApp};
use crate::document::Document;
use crate::i18n::strings;
use crate::ui::Command;
use crate::ui::dialogs::{Dialog, NativeDialog, NativeResult, PathPurpose};
use crate::ui::inspector::Inspector;
use egui::ViewportCommand;
use std::path::Path;

impl TrayectoApp {
    /// Saves where the map was opened from, or asks where when it has no file yet.
    pub(super) fn save(&mut self, ctx: &egui::Context) {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path),
            None => self.choose_path(ctx, PathPurpose::SaveAs),
        }
    }

    /// The file changed on disk, and the person keeps this map: overwrite the file.
    pub(super) fn keep_mine(&mut self) {
        if let Some(path) = self.doc.path.clone() {
            self.write_to(&path);
        }
    }

    /// Closes the window. The map was saved or given up on purpose: nothing is left to recover.
    pub(super) fn quit(&mut self, ctx: &egui::Context) {
        self.workshop.close(&mut self.doc);
        self.disk.autosave.discard();
        self.disk.autosave.flush();
        self.closing = true;
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }

    /// Gives the shown persona the picture at `path`: kept as a path relative to the map's
    /// folder, after copying it there when it is elsewhere.
    pub(super) fn set_picture(&mut self, path: &Path) {
        let Some(persona) = self.shown.view.persona(self.doc.map()).cloned() else {
            return;
        };
        let Some(folder) = self.doc.folder().map(Path::to_path_buf) else {
            self.messages.status = strings::picture_needs_saved_map().to_owned();
            return;
        };
        match crate::pictures::adopt(path, &folder) {
            Ok((relative, copied)) => {
                if copied {
                    self.messages.status = strings::picture_copied(&relative);
                }
                let mut changed = persona;
                changed.picture = Some(relative);
                // Applied now, so the status bar keeps saying where the copy went.
                if let Err(error) = self.doc.apply(crate::edit::Edit::SetPersona(changed), None) {
                    self.messages.status = error.to_string();
                }
            }
            Err(error) => {
                let words = crate::file::io_words(&error);
                let message = format!("{}: {words}", path.display());
                self.dialogs.open = Some(Dialog::Error(message));
            }
        }
    }

    /// Throws a journal away, and offers the others (if any are left).
    pub(super) fn discard_journal(&mut self, entry: &crate::recovery::Entry) {
        let _ = std::fs::remove_file(&entry.file);
        self.offer_recovery();
        if !matches!(self.dialogs.open, Some(Dialog::Recover(_))) {
            self.messages.status.clear();
        }
    }

    /// Puts `doc` in the window. The map it replaces was saved or thrown away on purpose (the
    /// unsaved-changes guard ran first), so its journal goes.
    pub(super) fn replace(&mut self, doc: Document) {
        // The room was open on the map that goes: its phones' connections end with it, and
        // the notes waiting for it go too (closing asked first while there were any).
        self.workshop.close(&mut self.doc);
        self.workshop.inbox.clear();
        self.disk.autosave.discard();
        self.disk.autosave.new_document();
        self.shown.view = crate::view::View::of(doc.map());
        if let Some(warning) = crate::pictures::warnings(doc.map(), doc.folder()).first() {
            self.messages.status = warning.to_string();
        }
        self.doc = doc;
        self.shown.selection = Selection::None;
        // Its Undo would act on the new map.
        self.messages.toast = None;
        self.panels.canvas.reset();
        self.panels.inspector = Inspector::default();
        self.disk.file_missing = false;
    }

    /// Shows the recovery dialog with the journals of maps not open anywhere.
    pub(super) fn offer_recovery(&mut self) {
        let Some(data_dir) = &self.disk.data_dir else {
            return;
        };
        let own = self.disk.autosave.file();
        let (entries, _) = crate::recovery::list(data_dir, false);
        let entries: Vec<_> = entries
            .into_iter()
            .filter(|e| Some(&e.file) != own.as_ref())
            .collect();
        if entries.is_empty() {
            self.messages.status = strings::nothing_to_recover().to_owned();
        } else {
            self.dialogs.open = Some(Dialog::Recover(entries));
        }
    }

    /// Opens a map from its journal, unsaved, on the journey that was shown. The journal file
    /// becomes this document's own, so the work stays recoverable until it is saved.
    pub(super) fn restore(&mut self, entry: &crate::recovery::Entry) {
        match entry.read_map() {
            Ok(map) => {
                let mut doc = Document::recovered(map, entry.header.path.clone());
                let steps = entry.header.steps().unwrap_or(0);
                doc.history = crate::history::History::unsaved_after(steps);
                self.replace(doc);
                if let Some(shown) = entry.header.shown {
                    self.shown.view = shown.view(self.doc.map());
                }
                // The room's notes that waited in the inbox wait there again.
                self.workshop
                    .restore_notes(&entry.header.inbox, self.doc.map());
                self.disk.autosave.adopt(&entry.file, self.doc.revision());
                self.messages.status = strings::restored_status(&self.doc.name());
            }
            Err(error) => self.dialogs.open = Some(Dialog::Error(error.to_string())),
        }
    }

    pub(super) fn save_to(&mut self, path: &Path) {
        if self.changed_by_others(path) {
            self.dialogs.open = Some(Dialog::Conflict {
                name: self.doc.name(),
            });
            return;
        }
        self.write_to(path);
    }

    /// Writes the map to `path` in the other tool's format its extension names (the shown
    /// journey, for formats that hold one), and says what the format could not hold. The map
    /// keeps its own file, and the file it was imported from is never written over.
    pub(super) fn export_map_to(&mut self, path: &Path) {
        let shown = path.display().to_string();
        let source = self.doc.imported.as_ref().map(|i| i.source.as_path());
        if source.is_some_and(|s| crate::document::absolute(path) == s) {
            self.dialogs.open = Some(Dialog::Error(crate::i18n::fmt(
                "export-over-source",
                &[("name", shown.as_str().into())],
            )));
            return;
        }
        let journey = self.shown.view.journey;
        match crate::file::write_as(path, self.doc.map(), journey) {
            Ok(notes) => {
                self.messages.status = crate::i18n::fmt(
                    "exported-map-status",
                    &[
                        ("name", shown.as_str().into()),
                        ("count", notes.len().into()),
                    ],
                );
                if !notes.is_empty() {
                    self.dialogs.open = Some(Dialog::Report {
                        title: crate::i18n::tr("export-report-title").to_owned(),
                        lead: crate::i18n::fmt(
                            "export-report-lead",
                            &[("name", shown.as_str().into())],
                        ),
                        notes: notes.iter().map(ToString::to_string).collect(),
                    });
                }
            }
            Err(error) => self.dialogs.open = Some(Dialog::Error(error.to_string())),
        }
    }

    /// Whether `path` is the open file and someone else changed it since we last read or wrote it.
    fn changed_by_others(&self, path: &Path) -> bool {
        let (Some(own), Some(stamp)) = (&self.doc.path, &self.doc.disk) else {
            return false;
        };
        if own != path {
            return false;
        }
        matches!(stamp.changed_on_disk(path), Ok(Some(now)) if !now.same_content(stamp))
    }

    /// Saves without asking about changes on disk.
    fn write_to(&mut self, path: &Path) {
        let upgrading = self.doc.migrated_from.is_some() && self.doc.path.as_deref() == Some(path);
        match self.doc.save_as(path) {
            Ok(saved) => {
                self.prefs.recent.add(path);
                self.disk.file_missing = false;
                let shown = path.display().to_string();
                self.messages.status = if upgrading {
                    strings::saved_upgraded_status(&shown, crate::format::FORMAT_VERSION)
                } else if saved.placement.in_place {
                    strings::saved_in_place_status(&shown, saved.placement.without_backup)
                } else {
                    strings::saved_status(&shown)
                };
                if let Some(then) = self.dialogs.after_save.take() {
                    self.run(Command::Unguarded(Box::new(then)));
                }
            }
            Err(error) => {
                self.dialogs.after_save = None;
                self.dialogs.open = Some(Dialog::Error(error.to_string()));
            }
        }
    }

    pub(super) fn choose_path(&mut self, ctx: &egui::Context, purpose: PathPurpose) {
        if self.dialogs.native.is_some() {
            return;
        }
        if !self.dialogs.native_available {
            self.ask_path(purpose);
            return;
        }
        let folder = self.doc.folder().map(Path::to_path_buf);
        let name = self.suggested_file_name(purpose);
        self.dialogs.native = Some(NativeDialog::spawn(ctx, purpose, folder, name));
    }

    /// "pizza.ron" for saving, "pizza.png" for exporting the current journey and
    /// "pizza-overlay.png", "pizza-roadmap.png"… for the other drawings, so that one never
    /// replaces another: from the file, else the map title.
    pub(super) fn suggested_file_name(&self, purpose: PathPurpose) -> String {
        let mut stem = self
            .doc
            .file_or_source()
            .and_then(Path::file_stem)
            .map_or_else(
                || file_stem_of(&self.doc.map().title),
                |s| s.to_string_lossy().into_owned(),
            );
        if let PathPurpose::Export(_, drawing) = purpose {
            let suffix = drawing.file_suffix(self.doc.map());
            if !suffix.is_empty() {
                stem = format!("{stem}-{suffix}");
            }
        }
        let extension = match purpose {
            PathPurpose::Export(format, _) => format.extension(),
            PathPurpose::ExportMap(id) => {
                crate::format::by_id(id).map_or("ron", crate::format::MapFormat::extension)
            }
            _ => crate::format::NATIVE.extension(),
        };
        format!("{stem}.{extension}")
    }

    pub(super) fn ask_path(&mut self, purpose: PathPurpose) {
        let text = match purpose {
            PathPurpose::Open | PathPurpose::Picture => String::new(),
            PathPurpose::SaveAs => self.doc.path.as_ref().map_or_else(
                // Never saved: a name from the map's title.
                || self.suggested_file_name(PathPurpose::SaveAs),
                |p| p.display().to_string(),
            ),
            PathPurpose::Export(..) | PathPurpose::ExportMap(_) => {
                let folder = self.doc.folder().unwrap_or(Path::new("."));
                folder
                    .join(self.suggested_file_name(purpose))
                    .display()
                    .to_string()
            }
        };
        self.dialogs.open = Some(Dialog::Path { purpose, text });
    }

    pub(super) fn poll_native_dialog(&mut self) {
        let Some(native) = &self.dialogs.native else {
            return;
        };
        let purpose = native.purpose;
        match native.poll() {
            NativeResult::Waiting => return,
            NativeResult::Picked(path) => self.run(purpose.command(path)),
            NativeResult::Cancelled => self.dialogs.after_save = None,
            NativeResult::Unavailable => {
                self.dialogs.native_available = false;
                self.ask_path(purpose);
            }
        }
        self.dialogs.native = None;
    }
}

/// A file name from a map title: the title's words, without the characters file systems
/// refuse, not too long; "journey" for a title with nothing usable.
pub(super) fn file_stem_of(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let mut stem = String::new();
    for word in words {
        if stem.chars().count() + word.chars().count() > 60 {
            break;
        }
        if !stem.is_empty() {
            stem.push(' ');
        }
        stem.push_str(word);
    }
    let stem = stem.trim_matches('.').to_owned();
    if stem.is_empty() {
        strings::untitled().to_lowercase()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem_of;

    #[test]
    fn titles_make_safe_file_names() {
        assert_eq!(file_stem_of("Ordering a pizza"), "Ordering a pizza");
        assert_eq!(file_stem_of("Q3: in/out?"), "Q3 in out");
        assert_eq!(file_stem_of("  ..  "), "untitled");
        assert_eq!(file_stem_of("a\nb\tc"), "a b c");
        assert!(file_stem_of(&"word ".repeat(40)).chars().count() <= 60);
    }
}
