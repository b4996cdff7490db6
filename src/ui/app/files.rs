//! How the app meets files: the unsaved-changes guard, opening, saving, exporting, and the
//! native or typed-path dialogs they go through.

use super::{EXPORT_PREFS, TrayectoApp};
use crate::document::Document;
use crate::export::{self, ExportOptions, ImageFormat, Scene};
use crate::ui::dialogs::{Answer, Dialog, NativeDialog, NativeResult, PathPurpose, Pending};
use crate::ui::inspector::Inspector;
use crate::ui::{Action, Selection, prefs};
use crate::{file, strings, templates};
use egui::ViewportCommand;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

impl TrayectoApp {
    /// Runs `then` now, or first asks what to do with unsaved changes.
    pub(super) fn guard(&mut self, ctx: &egui::Context, then: Pending) {
        if self.doc.is_dirty() {
            self.ask_unsaved(then);
        } else {
            self.proceed(ctx, then);
        }
    }

    pub(super) fn ask_unsaved(&mut self, then: Pending) {
        self.dialog = Some(Dialog::Unsaved {
            name: self.doc.name(),
            then,
        });
    }

    pub(super) fn proceed(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::New(name) => {
                if let Some(map) = templates::load(name) {
                    self.replace(Document::new(map));
                }
            }
            Pending::Open => self.choose_path(ctx, PathPurpose::Open),
            Pending::OpenPath(path) => self.open(&path),
            Pending::Restore(entry) => self.restore(&entry),
            Pending::Quit => {
                // Saved or thrown away on purpose: nothing is left to recover.
                self.autosave.discard();
                self.autosave.flush();
                self.closing = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    /// Puts `doc` in the window. The map it replaces was saved or thrown away on purpose (the
    /// unsaved-changes guard ran first), so its journal goes.
    pub(super) fn replace(&mut self, doc: Document) {
        self.autosave.discard();
        self.autosave.new_document();
        self.view = crate::view::View::of(doc.map());
        if let Some(warning) = crate::pictures::warnings(doc.map(), doc.folder()).first() {
            self.status = warning.to_string();
        }
        self.doc = doc;
        self.selection = Selection::None;
        self.canvas.reset();
        self.inspector = Inspector::default();
        self.file_missing = false;
    }

    /// Gives the shown persona the picture at `path`: kept as a path relative to the map's
    /// folder, after copying it there when it is elsewhere.
    pub(super) fn set_picture(&mut self, path: &Path) {
        let Some(persona) = self.view.persona(self.doc.map()).cloned() else {
            return;
        };
        let Some(folder) = self.doc.folder().map(Path::to_path_buf) else {
            self.status = strings::picture_needs_saved_map().to_owned();
            return;
        };
        let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let relative = match canonical(path).strip_prefix(canonical(&folder)) {
            Ok(inside) => inside.to_path_buf(),
            Err(_) => {
                let name = path.file_name().map(PathBuf::from).unwrap_or_default();
                let mut target = folder.join(&name);
                let mut n = 2;
                while target.exists() {
                    let stem = name.file_stem().unwrap_or_default().to_string_lossy();
                    let extension = name.extension().unwrap_or_default().to_string_lossy();
                    target = folder.join(format!("{stem}-{n}.{extension}"));
                    n += 1;
                }
                if let Err(error) = std::fs::copy(path, &target) {
                    self.dialog = Some(Dialog::Error(format!(
                        "{}: {}",
                        path.display(),
                        file::io_words(&error)
                    )));
                    return;
                }
                let copied = target
                    .strip_prefix(&folder)
                    .unwrap_or(&target)
                    .to_path_buf();
                self.status = strings::picture_copied(&copied.display().to_string());
                copied
            }
        };
        let mut changed = persona;
        changed.picture = Some(relative.to_string_lossy().replace('\\', "/"));
        self.handle_edit(crate::edit::Edit::SetPersona(changed));
    }

    /// Shows the recovery dialog with the journals of maps not open anywhere.
    pub(super) fn offer_recovery(&mut self) {
        let Some(data_dir) = &self.data_dir else {
            return;
        };
        let own = self.autosave.file();
        let (entries, _) = crate::recovery::list(data_dir, false);
        let entries: Vec<_> = entries
            .into_iter()
            .filter(|e| Some(&e.file) != own.as_ref())
            .collect();
        if entries.is_empty() {
            self.status = strings::nothing_to_recover().to_owned();
        } else {
            self.dialog = Some(Dialog::Recover(entries));
        }
    }

    /// Opens a map from its journal, unsaved. The journal file becomes this document's own, so
    /// the work stays recoverable until it is saved.
    fn restore(&mut self, entry: &crate::recovery::Entry) {
        match entry.read_map() {
            Ok(map) => {
                let doc = Document::recovered(map, entry.header.path.clone());
                self.replace(doc);
                self.autosave.adopt(&entry.file, self.doc.revision());
                self.status = strings::restored_status(&self.doc.name());
            }
            Err(error) => self.dialog = Some(Dialog::Error(error.to_string())),
        }
    }

    /// Opens a file; on failure the current map stays open and the error is shown.
    pub(super) fn open(&mut self, path: &Path) {
        match Document::open(path) {
            Ok(doc) => {
                self.recent.add(path);
                let shown = path.display().to_string();
                self.status = match doc.migrated_from {
                    Some(version) => strings::opened_old_format(&shown, version),
                    None => strings::opened_status(&shown),
                };
                self.replace(doc);
            }
            Err(error) => {
                if error.is_not_found() {
                    self.recent.remove(path);
                }
                self.dialog = Some(Dialog::Error(error.to_string()));
            }
        }
    }

    pub(super) fn save_to(&mut self, ctx: &egui::Context, path: &Path) {
        if self.changed_by_others(path) {
            self.dialog = Some(Dialog::Conflict {
                name: self.doc.name(),
            });
            return;
        }
        self.write_to(ctx, path);
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
    fn write_to(&mut self, ctx: &egui::Context, path: &Path) {
        let upgrading = self.doc.migrated_from.is_some() && self.doc.path.as_deref() == Some(path);
        match self.doc.save_as(path) {
            Ok(saved) => {
                self.recent.add(path);
                self.file_missing = false;
                let shown = path.display().to_string();
                self.status = if upgrading {
                    strings::saved_upgraded_status(&shown)
                } else if saved.placement.in_place {
                    strings::saved_in_place_status(&shown, saved.placement.without_backup)
                } else {
                    strings::saved_status(&shown)
                };
                if let Some(then) = self.after_save.take() {
                    self.proceed(ctx, then);
                }
            }
            Err(error) => {
                self.after_save = None;
                self.dialog = Some(Dialog::Error(error.to_string()));
            }
        }
    }

    pub(super) fn choose_path(&mut self, ctx: &egui::Context, purpose: PathPurpose) {
        if self.native.is_some() {
            return;
        }
        if !self.native_dialogs {
            self.ask_path(purpose);
            return;
        }
        let folder = self
            .doc
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let name = self.suggested_file_name(purpose);
        self.native = Some(NativeDialog::spawn(ctx, purpose, folder, name));
    }

    /// "pizza.ron" for saving, "pizza.png" for exporting: from the file, else the map title.
    pub(super) fn suggested_file_name(&self, purpose: PathPurpose) -> String {
        let stem = self
            .doc
            .path
            .as_deref()
            .and_then(Path::file_stem)
            .map_or_else(
                || file_stem_of(&self.doc.map().title),
                |s| s.to_string_lossy().into_owned(),
            );
        let extension = match purpose {
            PathPurpose::Export(format) => format.extension(),
            _ => file::EXTENSION,
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
            PathPurpose::Export(_) => {
                let folder = self
                    .doc
                    .path
                    .as_deref()
                    .and_then(Path::parent)
                    .unwrap_or(Path::new("."));
                folder
                    .join(self.suggested_file_name(purpose))
                    .display()
                    .to_string()
            }
        };
        self.dialog = Some(Dialog::Path { purpose, text });
    }

    pub(super) fn poll_native_dialog(&mut self, ctx: &egui::Context) {
        let Some(native) = &self.native else { return };
        let purpose = native.purpose;
        match native.poll() {
            NativeResult::Waiting => return,
            NativeResult::Picked(path) => self.answer(ctx, Answer::Path(purpose, path)),
            NativeResult::Cancelled => self.after_save = None,
            NativeResult::Unavailable => {
                self.native_dialogs = false;
                self.ask_path(purpose);
            }
        }
        self.native = None;
    }

    pub(super) fn answer(&mut self, ctx: &egui::Context, answer: Answer) {
        match answer {
            Answer::Save(then) => {
                self.after_save = Some(then);
                self.run(ctx, Action::Save);
            }
            Answer::Discard(then) => self.proceed(ctx, then),
            Answer::Path(PathPurpose::Open, path) => self.open(&path),
            Answer::Path(PathPurpose::Picture, path) => self.set_picture(&path),
            Answer::Path(PathPurpose::SaveAs, mut path) => {
                if path.extension().is_none() {
                    path.set_extension(file::EXTENSION);
                }
                self.save_to(ctx, &path);
            }
            Answer::Path(PathPurpose::Export(format), mut path) => {
                if ImageFormat::from_path(&path).is_none() {
                    path.set_extension(format.extension());
                }
                self.export_to(ctx, &path);
            }
            Answer::Export(options) => {
                self.remember_export(options);
                self.choose_path(ctx, PathPurpose::Export(self.export_options.format));
            }
            Answer::CopyImage(options) => {
                self.remember_export(options);
                self.copy_image(ctx);
            }
            Answer::Restore(entry) => self.guard(ctx, Pending::Restore(Box::new(entry))),
            Answer::DiscardRecovery(entry) => {
                let _ = std::fs::remove_file(&entry.file);
                self.offer_recovery();
                if matches!(self.dialog, Some(Dialog::Recover(_))) {
                    return;
                }
                self.status.clear();
            }
            Answer::KeepMine => {
                if let Some(path) = self.doc.path.clone() {
                    self.write_to(ctx, &path);
                }
            }
            Answer::TakeTheirs => {
                self.after_save = None;
                self.take_theirs();
            }
            Answer::SaveCopy => self.choose_path(ctx, PathPurpose::SaveAs),
            Answer::Closed => self.after_save = None,
        }
    }

    /// Follows the open file on disk: reloads it when others change it and the map has no
    /// unsaved edits, asks when it has, and says so when the file vanishes.
    pub(super) fn watch_disk(&mut self, ctx: &egui::Context) {
        if !self.watch_files {
            return;
        }
        if self.watched != self.doc.path {
            self.watched = self.doc.path.clone();
            self.watcher = self.watched.as_deref().and_then(|path| {
                let ctx = ctx.clone();
                crate::recovery::Watcher::new(path, move || ctx.request_repaint()).ok()
            });
        }
        if self.watcher.as_ref().is_some_and(|w| w.take_event()) {
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
                if !self.file_missing {
                    self.file_missing = true;
                    self.doc.history.mark_unsaved();
                    self.status = strings::vanished_status(&self.doc.name());
                }
            }
            Ok(Some(now)) if now.same_content(&stamp) => {
                // Touched, or our own save: remember the new time so the next look is cheap.
                self.doc.disk = Some(now);
                self.file_missing = false;
            }
            Ok(Some(_)) => {
                self.file_missing = false;
                if self.doc.is_dirty() {
                    if !matches!(self.dialog, Some(Dialog::Conflict { .. })) {
                        self.dialog = Some(Dialog::Conflict {
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
    fn take_theirs(&mut self) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        match file::open(&path) {
            Ok(loaded) => {
                self.doc.reload(loaded.map, loaded.stamp);
                self.status = strings::reloaded_status(&self.doc.name());
            }
            Err(error) => {
                // Perhaps half-written: keep ours, and look again at the next change.
                self.doc.history.mark_unsaved();
                self.status = strings::unreadable_change_status(&self.doc.name(), &error.message());
            }
        }
    }

    pub(super) fn remember_export(&mut self, options: ExportOptions) {
        prefs::save(self.config_dir.as_deref(), EXPORT_PREFS, &options);
        self.export_options = options;
    }

    /// Writes the image; the file's extension, if it names a format, wins over the dialog's choice.
    pub(super) fn export_to(&mut self, ctx: &egui::Context, path: &Path) {
        let mut options = self.export_options.clone();
        options.format = ImageFormat::from_path(path).unwrap_or(options.format);
        if let Err(error) = export::check_size(&self.subject(), &options, export::MAX_PIXELS) {
            self.dialog = Some(Dialog::Error(format!("{}: {error}", path.display())));
            return;
        }
        let (map, drawing, folder) = self.owned_subject();
        let path = path.to_path_buf();
        self.start_export(ctx, move || {
            let subject = export::Subject {
                map: &map,
                drawing,
                folder: folder.as_deref(),
            };
            match export::to_file(&subject, &options, &path) {
                Ok(()) => Exported::File(path),
                Err(error) => Exported::Failed(format!("{}: {error}", path.display())),
            }
        });
    }

    /// The whole map as a bitmap on the clipboard, with the last export choices.
    pub(super) fn copy_image(&mut self, ctx: &egui::Context) {
        let mut options = self.export_options.clone();
        options.format = ImageFormat::Png;
        // Refuse a map too large before painting anything.
        if let Err(error) =
            export::check_size(&self.subject(), &options, export::MAX_CLIPBOARD_PIXELS)
        {
            self.dialog = Some(Dialog::Error(error.to_string()));
            return;
        }
        let (map, drawing, folder) = self.owned_subject();
        self.start_export(ctx, move || {
            let subject = export::Subject {
                map: &map,
                drawing,
                folder: folder.as_deref(),
            };
            match Scene::new(&subject, &options).to_image() {
                Ok(image) => Exported::Image(image),
                Err(error) => Exported::Failed(error.to_string()),
            }
        });
    }

    /// What an export needs, owned, to take to a worker thread.
    fn owned_subject(&self) -> (crate::model::Map, export::Drawing, Option<PathBuf>) {
        let folder = self.doc.folder().map(Path::to_path_buf);
        (self.doc.map().clone(), self.drawing(), folder)
    }

    /// Exports on a worker thread (a big map can take seconds), so the window stays responsive.
    /// The export paints with its own egui context, independent of the window's.
    fn start_export(
        &mut self,
        ctx: &egui::Context,
        work: impl FnOnce() -> Exported + Send + 'static,
    ) {
        if self.export_job.is_some() {
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        // The image's words (legend, headings) in the window's language.
        let lang = crate::i18n::current();
        std::thread::spawn(move || {
            crate::i18n::set(lang);
            let _ = sender.send(work());
            ctx.request_repaint();
        });
        self.export_job = Some(receiver);
        self.status = strings::exporting().to_owned();
    }

    /// Picks up a finished export.
    pub(super) fn poll_export(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.export_job else { return };
        let result = match job.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => {
                Exported::Failed(strings::export_crashed().to_owned())
            }
        };
        self.export_job = None;
        match result {
            Exported::File(path) => {
                self.status = strings::exported_status(&path.display().to_string())
            }
            Exported::Image(image) => {
                self.status = strings::copied_status(image.size[0], image.size[1]);
                ctx.copy_image(image);
            }
            Exported::Failed(message) => {
                self.status.clear();
                self.dialog = Some(Dialog::Error(message));
            }
        }
    }
}

/// What an export job hands back to the window.
pub(super) enum Exported {
    File(PathBuf),
    Image(egui::ColorImage),
    Failed(String),
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
        crate::strings::untitled().to_lowercase()
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
