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
            Pending::Quit => {
                self.closing = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    pub(super) fn replace(&mut self, doc: Document) {
        self.doc = doc;
        self.selection = Selection::None;
        self.canvas.reset();
        self.inspector = Inspector::default();
    }

    /// Opens a file; on failure the current map stays open and the error is shown.
    pub(super) fn open(&mut self, path: &Path) {
        match Document::open(path) {
            Ok(doc) => {
                self.recent.add(path);
                self.status = strings::opened_status(&path.display().to_string());
                self.replace(doc);
            }
            Err(error) => {
                if matches!(&error.kind, file::FileErrorKind::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
                {
                    self.recent.remove(path);
                }
                self.dialog = Some(Dialog::Error(error.to_string()));
            }
        }
    }

    pub(super) fn save_to(&mut self, ctx: &egui::Context, path: &Path) {
        match self.doc.save_as(path) {
            Ok(()) => {
                self.recent.add(path);
                self.status = strings::saved_status(&path.display().to_string());
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
                || self.doc.map().title.clone(),
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
            PathPurpose::Open => String::new(),
            PathPurpose::SaveAs => self
                .doc
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
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
            Answer::Closed => self.after_save = None,
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
        let (map, path) = (self.doc.map().clone(), path.to_path_buf());
        self.start_export(ctx, move || match export::to_file(&map, &options, &path) {
            Ok(()) => Exported::File(path),
            Err(error) => Exported::Failed(format!("{}: {error}", path.display())),
        });
    }

    /// The whole map as a bitmap on the clipboard, with the last export choices.
    pub(super) fn copy_image(&mut self, ctx: &egui::Context) {
        let mut options = self.export_options.clone();
        options.format = ImageFormat::Png;
        let map = self.doc.map().clone();
        self.start_export(ctx, move || match Scene::new(&map, &options).to_image() {
            Ok(image) => Exported::Image(image),
            Err(error) => Exported::Failed(error.to_string()),
        });
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
        std::thread::spawn(move || {
            let _ = sender.send(work());
            ctx.request_repaint();
        });
        self.export_job = Some(receiver);
        self.status = strings::EXPORTING.to_owned();
    }

    /// Picks up a finished export.
    pub(super) fn poll_export(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.export_job else { return };
        let result = match job.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => {
                Exported::Failed(strings::EXPORT_CRASHED.to_owned())
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
