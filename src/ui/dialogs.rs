//! Modal dialogs and file pickers.

use crate::strings;
use egui::{Id, Modal, TextEdit};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New(&'static str),
    Open,
    OpenPath(PathBuf),
    Quit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    Unsaved {
        name: String,
        then: Pending,
    },
    Error(String),
    /// A typed path, when no native file dialog is available.
    Path {
        purpose: PathPurpose,
        text: String,
    },
}

/// What the person answered.
pub enum Answer {
    Save(Pending),
    Discard(Pending),
    Path(PathPurpose, PathBuf),
    Closed,
}

impl Dialog {
    /// Shows the dialog; `Some` once it is answered (and should close).
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Answer> {
        let mut answer = None;
        let modal = Modal::new(Id::unique("trayecto dialog")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            match self {
                Dialog::Unsaved { name, then } => {
                    ui.heading(strings::UNSAVED_TITLE);
                    ui.label(strings::unsaved_question(name));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(strings::SAVE_BUTTON).clicked() {
                            answer = Some(Answer::Save(then.clone()));
                        }
                        if ui.button(strings::DISCARD_BUTTON).clicked() {
                            answer = Some(Answer::Discard(then.clone()));
                        }
                        if ui.button(strings::CANCEL_BUTTON).clicked() {
                            answer = Some(Answer::Closed);
                        }
                    });
                }
                Dialog::Error(message) => {
                    ui.heading(strings::ERROR_TITLE);
                    ui.label(message.as_str());
                    ui.add_space(8.0);
                    if ui.button(strings::OK_BUTTON).clicked() {
                        answer = Some(Answer::Closed);
                    }
                }
                Dialog::Path { purpose, text } => {
                    ui.heading(match purpose {
                        PathPurpose::Open => strings::OPEN,
                        PathPurpose::SaveAs => strings::SAVE_AS,
                    });
                    ui.label(strings::NO_NATIVE_DIALOG);
                    let label = ui.label(strings::PATH_LABEL);
                    let field = ui
                        .add(TextEdit::singleline(text).desired_width(400.0))
                        .labelled_by(label.id);
                    if !field.has_focus() && text.is_empty() {
                        field.request_focus();
                    }
                    let entered =
                        field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.horizontal(|ui| {
                        let ok = match purpose {
                            PathPurpose::Open => strings::OPEN_BUTTON,
                            PathPurpose::SaveAs => strings::SAVE_AS_BUTTON,
                        };
                        if (ui
                            .add_enabled(!text.trim().is_empty(), egui::Button::new(ok))
                            .clicked()
                            || entered)
                            && !text.trim().is_empty()
                        {
                            answer = Some(Answer::Path(*purpose, PathBuf::from(text.trim())));
                        }
                        if ui.button(strings::CANCEL_BUTTON).clicked() {
                            answer = Some(Answer::Closed);
                        }
                    });
                }
            }
        });
        if answer.is_none() && modal.should_close() {
            answer = Some(Answer::Closed);
        }
        answer
    }
}

/// A native file dialog running on its own thread, so the window keeps painting.
pub struct NativeDialog {
    pub purpose: PathPurpose,
    receiver: mpsc::Receiver<Option<PathBuf>>,
    started: Instant,
}

/// An answer faster than this cannot have come from a person: the dialog never showed.
const TOO_FAST: Duration = Duration::from_millis(250);

pub enum NativeResult {
    Waiting,
    Picked(PathBuf),
    Cancelled,
    /// The dialog could not be shown; ask for a typed path instead.
    Unavailable,
}

impl NativeDialog {
    pub fn spawn(
        ctx: &egui::Context,
        purpose: PathPurpose,
        folder: Option<PathBuf>,
        file_name: String,
    ) -> Self {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let mut dialog =
                rfd::FileDialog::new().add_filter(strings::FILE_FILTER, &[crate::file::EXTENSION]);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            let picked = match purpose {
                PathPurpose::Open => dialog.pick_file(),
                PathPurpose::SaveAs => dialog.set_file_name(file_name).save_file(),
            };
            let _ = sender.send(picked);
            ctx.request_repaint();
        });
        Self {
            purpose,
            receiver,
            started: Instant::now(),
        }
    }

    pub fn poll(&self) -> NativeResult {
        match self.receiver.try_recv() {
            Err(mpsc::TryRecvError::Empty) => NativeResult::Waiting,
            Err(mpsc::TryRecvError::Disconnected) => NativeResult::Unavailable,
            Ok(Some(path)) => NativeResult::Picked(path),
            Ok(None) if self.started.elapsed() < TOO_FAST => NativeResult::Unavailable,
            Ok(None) => NativeResult::Cancelled,
        }
    }
}

/// Whether this system is likely to show a native file dialog at all: on Linux that needs the
/// desktop portal (over the session bus) or zenity.
pub fn native_dialogs_likely() -> bool {
    if cfg!(target_os = "linux") {
        let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
        let zenity = std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|p| p.join("zenity").is_file()));
        bus || zenity
    } else {
        true
    }
}
