//! Image exports and copies, painted on a worker thread so the window stays responsive.

use super::TrayectoApp;
use crate::export::{self, Drawing, ImageFormat, Scene};
use crate::i18n::strings;
use crate::ui::dialogs::Dialog;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

impl TrayectoApp {
    /// Writes an image of `drawing`; the file's extension, if it names a format, wins over the
    /// dialog's choice.
    pub(super) fn export_to(&mut self, ctx: &egui::Context, path: &Path, drawing: Drawing) {
        let mut options = self.prefs.export.clone();
        options.format = ImageFormat::from_path(path).unwrap_or(options.format);
        if let Err(error) = export::check_size(&self.subject(drawing), &options, export::MAX_PIXELS)
        {
            self.dialogs.open = Some(Dialog::Error(format!("{}: {error}", path.display())));
            return;
        }
        let (map, folder) = self.owned_map();
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

    /// An image of `drawing` on the clipboard, with the last export choices.
    pub(super) fn copy_image(&mut self, ctx: &egui::Context, drawing: Drawing) {
        let mut options = self.prefs.export.clone();
        options.format = ImageFormat::Png;
        // Refuse a map too large before painting anything.
        if let Err(error) = export::check_size(
            &self.subject(drawing),
            &options,
            export::MAX_CLIPBOARD_PIXELS,
        ) {
            self.dialogs.open = Some(Dialog::Error(error.to_string()));
            return;
        }
        let (map, folder) = self.owned_map();
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

    /// What an export needs, owned, to take to a worker thread: the map and its folder.
    fn owned_map(&self) -> (crate::model::Map, Option<PathBuf>) {
        let folder = self.doc.folder().map(Path::to_path_buf);
        (self.doc.map().clone(), folder)
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
        self.messages.status = strings::exporting().to_owned();
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
                self.messages.status = strings::exported_status(&path.display().to_string())
            }
            Exported::Image(image) => {
                self.messages.status = strings::copied_status(image.size[0], image.size[1]);
                ctx.copy_image(image);
            }
            Exported::Failed(message) => {
                self.messages.status.clear();
                self.dialogs.open = Some(Dialog::Error(message));
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
