//! Modal dialogs and file pickers.

use super::Command;
use crate::export::{Background, Drawing, ExportOptions, ImageFormat};
use crate::i18n::strings;
use crate::recovery::Entry;
use egui::{Id, Modal, TextEdit};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    /// An image of what the export dialog chose to draw.
    Export(ImageFormat, Drawing),
    /// A file for the map in another tool's format (by the format's id).
    ExportMap(&'static str),
    /// A picture for the shown persona.
    Picture,
}

impl PathPurpose {
    /// What to do with the path the person chose.
    pub fn command(self, path: PathBuf) -> Command {
        match self {
            // Unsaved changes were asked about before the file was chosen.
            PathPurpose::Open => Command::Unguarded(Box::new(Command::OpenFile(path))),
            PathPurpose::SaveAs => Command::SaveTo(path),
            PathPurpose::Export(_, drawing) => Command::ExportTo(path, drawing),
            PathPurpose::ExportMap(id) => {
                // A name without the format's extension gets it.
                let mut path = path;
                if let Some(format) = crate::format::by_id(id)
                    && crate::format::of_path(&path).is_none_or(|f| f.id != id)
                {
                    path.set_extension(format.extension());
                }
                Command::ExportMapTo(path)
            }
            PathPurpose::Picture => Command::SetPicture(path),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// The map has unsaved changes and `then` would replace or close it.
    Unsaved {
        name: String,
        then: Box<Command>,
    },
    /// Notes from the workshop room wait in the inbox and `then` would replace or close the
    /// map they belong to.
    NotesWaiting {
        count: usize,
        then: Box<Command>,
    },
    Error(String),
    /// A typed path, when no native file dialog is available.
    Path {
        purpose: PathPurpose,
        text: String,
    },
    /// The export dialog: the choices, and what they will draw.
    Export(ExportOptions, ExportPick),
    /// Maps with unsaved work from an editor that did not close cleanly.
    Recover(Vec<Entry>),
    /// The open map's file changed on disk while the map has unsaved edits.
    Conflict {
        name: String,
    },
    /// What an import or an export to another tool's format could not carry whole.
    Report {
        title: String,
        lead: String,
        notes: Vec<String>,
    },
}

impl Dialog {
    /// Shows the dialog; `Some` command once it is answered (and should close). `image_size`
    /// gives the exported image's size in pixels for a choice of options.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        image_size: &dyn Fn(&ExportOptions, Drawing) -> (u64, u64),
    ) -> Option<Command> {
        let mut answer = None;
        // A popup's frame with room around its contents, so nothing sits on its edge.
        let frame = egui::Frame::popup(&ctx.global_style()).inner_margin(16);
        let modal = Modal::new(Id::unique("trayecto dialog"))
            .frame(frame)
            .show(ctx, |ui| {
                ui.set_max_width(420.0);
                match self {
                    Dialog::Unsaved { name, then } => {
                        ui.heading(strings::unsaved_title());
                        ui.label(strings::unsaved_question(name));
                        ui.add_space(8.0);
                        ui.horizontal(|ui| {
                            if button(ui, strings::save_button()).clicked() {
                                answer = Some(Command::SaveThen(then.clone()));
                            }
                            if button(ui, strings::discard_button()).clicked() {
                                answer = Some(Command::Unguarded(then.clone()));
                            }
                            if ui.button(strings::cancel_button()).clicked() {
                                answer = Some(Command::Cancel);
                            }
                        });
                    }
                    Dialog::NotesWaiting { count, then } => {
                        ui.heading(crate::i18n::tr("room-notes-waiting-title"));
                        ui.label(crate::i18n::fmt(
                            "room-notes-waiting-question",
                            &[("count", (*count).into())],
                        ));
                        ui.add_space(8.0);
                        ui.horizontal(|ui| {
                            let add = crate::i18n::tr("room-notes-waiting-add");
                            if button(ui, add).clicked() {
                                answer = Some(Command::AcceptAllNotesThen(then.clone()));
                            }
                            let drop = crate::i18n::tr("room-notes-waiting-drop");
                            if button(ui, drop).clicked() {
                                answer = Some(Command::DropAllNotesThen(then.clone()));
                            }
                            if ui.button(strings::cancel_button()).clicked() {
                                answer = Some(Command::Cancel);
                            }
                        });
                    }
                    Dialog::Error(message) => {
                        ui.heading(strings::error_title());
                        ui.label(message.as_str());
                        ui.add_space(8.0);
                        if ui.button(strings::ok_button()).clicked() {
                            answer = Some(Command::Cancel);
                        }
                    }
                    Dialog::Export(options, pick) => {
                        answer = export_options(ui, options, pick, image_size)
                    }
                    Dialog::Report { title, lead, notes } => {
                        ui.heading(title.as_str());
                        ui.label(lead.as_str());
                        ui.add_space(4.0);
                        egui::ScrollArea::vertical()
                            .max_height(280.0)
                            .show(ui, |ui| {
                                for note in notes.iter() {
                                    ui.label(format!("• {note}"));
                                }
                            });
                        ui.add_space(8.0);
                        if ui.button(strings::ok_button()).clicked() {
                            answer = Some(Command::Cancel);
                        }
                    }
                    Dialog::Recover(entries) => answer = recover(ui, entries),
                    Dialog::Conflict { name } => {
                        ui.heading(strings::conflict_title());
                        ui.label(strings::conflict_question(name));
                        ui.add_space(8.0);
                        ui.horizontal_wrapped(|ui| {
                            if button(ui, strings::keep_mine()).clicked() {
                                answer = Some(Command::KeepMine);
                            }
                            if button(ui, strings::take_theirs()).clicked() {
                                answer = Some(Command::TakeTheirs);
                            }
                            if button(ui, strings::save_copy()).clicked() {
                                answer = Some(Command::SaveAs);
                            }
                            if ui.button(strings::cancel_button()).clicked() {
                                answer = Some(Command::Cancel);
                            }
                        });
                    }
                    Dialog::Path { purpose, text } => {
                        ui.heading(match purpose {
                            PathPurpose::Open => strings::open(),
                            PathPurpose::SaveAs => strings::save_as(),
                            PathPurpose::Export(..) => strings::export_image(),
                            PathPurpose::ExportMap(_) => crate::i18n::tr("export-map-menu"),
                            PathPurpose::Picture => strings::choose_picture(),
                        });
                        ui.label(strings::no_native_dialog());
                        let label = ui.label(strings::path_label());
                        let field = ui
                            .add(TextEdit::singleline(text).desired_width(400.0))
                            .labelled_by(label.id);
                        // Ready to type (or to press Enter on the suggested path) at once.
                        if ui.memory(|m| m.focused().is_none()) && !field.lost_focus() {
                            field.request_focus();
                        }
                        let entered =
                            field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        ui.horizontal(|ui| {
                            let ok = match purpose {
                                PathPurpose::Open | PathPurpose::Picture => strings::open_button(),
                                PathPurpose::SaveAs
                                | PathPurpose::Export(..)
                                | PathPurpose::ExportMap(_) => strings::save_as_button(),
                            };
                            if (ui
                                .add_enabled(!text.trim().is_empty(), egui::Button::new(ok))
                                .clicked()
                                || entered)
                                && !text.trim().is_empty()
                            {
                                answer = Some(purpose.command(PathBuf::from(text.trim())));
                            }
                            if ui.button(strings::cancel_button()).clicked() {
                                answer = Some(Command::Cancel);
                            }
                        });
                    }
                }
            });
        // The offer of unsaved work is not dismissed by a stray click beside it: only by its
        // buttons or Esc.
        let stray_click =
            matches!(self, Dialog::Recover(_)) && !ctx.input(|i| i.key_pressed(egui::Key::Escape));
        if answer.is_none() && modal.should_close() && !stray_click {
            answer = Some(Command::Cancel);
        }
        answer
    }
}

/// A button the automation probe can find. Not while the dialog is only being measured (its
/// first frame, drawn nowhere): a click there would land outside it and close it.
fn button(ui: &mut egui::Ui, label: &str) -> egui::Response {
    let response = ui.button(label);
    if !ui.is_sizing_pass() {
        super::probe::note(&response, label);
    }
    response
}

/// The recovery dialog's body: one row per map with unsaved work.
fn recover(ui: &mut egui::Ui, entries: &[Entry]) -> Option<Command> {
    let mut answer = None;
    ui.heading(strings::recover_title());
    ui.label(strings::recover_explained());
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            for entry in entries {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    let header = &entry.header;
                    let title = if header.title.trim().is_empty() {
                        strings::untitled()
                    } else {
                        header.title.as_str()
                    };
                    ui.label(egui::RichText::new(title).strong());
                    let place = header.path.as_deref().map_or_else(
                        || strings::never_saved().to_owned(),
                        |p| p.display().to_string(),
                    );
                    ui.label(egui::RichText::new(place).weak());
                    ui.label(strings::recovery_details(
                        header.steps(),
                        header.cards,
                        crate::recovery::age(entry.time()),
                    ));
                    if !header.inbox.is_empty() {
                        ui.label(crate::i18n::fmt(
                            "recovery-room-notes",
                            &[("count", header.inbox.len().into())],
                        ));
                    }
                    ui.horizontal(|ui| {
                        if button(ui, strings::restore_button()).clicked() {
                            answer = Some(Command::Restore(Box::new(entry.clone())));
                        }
                        if button(ui, strings::discard_recovery_button()).clicked() {
                            answer = Some(Command::DiscardJournal(Box::new(entry.clone())));
                        }
                    });
                });
            }
        });
    ui.add_space(6.0);
    if button(ui, strings::keep_for_later()).clicked() {
        answer = Some(Command::Cancel);
    }
    answer
}

/// What the export dialog may draw, and which of those it will: the screen's own drawing, and
/// beside the journey the gap analysis while its panel is open.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportPick {
    pub offered: Vec<Drawing>,
    pub chosen: Drawing,
}

impl ExportPick {
    pub fn new(offered: Vec<Drawing>) -> Self {
        let chosen = offered[0];
        Self { offered, chosen }
    }
}

/// A drawing's name in the export dialog.
fn drawing_name(drawing: Drawing) -> &'static str {
    match drawing {
        Drawing::Journey(view) if view.compare.is_some() => crate::i18n::tr("export-draw-overlay"),
        Drawing::Journey(_) => crate::i18n::tr("export-draw-journey"),
        Drawing::Roadmap => crate::i18n::tr("export-draw-roadmap"),
        Drawing::Gap => strings::gap_panel(),
        Drawing::Actions => crate::i18n::tr("export-draw-actions"),
    }
}

/// The export dialog's body: what to draw (when there is a choice), format, scale (PNG), paper
/// (PDF), background and what to include, each only where it applies.
fn export_options(
    ui: &mut egui::Ui,
    options: &mut ExportOptions,
    pick: &mut ExportPick,
    image_size: &dyn Fn(&ExportOptions, Drawing) -> (u64, u64),
) -> Option<Command> {
    ui.heading(strings::export_image());
    let mut answer = None;
    egui::Grid::new("export options")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            if pick.offered.len() > 1 {
                ui.label(crate::i18n::tr("export-draw"));
                ui.horizontal_wrapped(|ui| {
                    for drawing in pick.offered.clone() {
                        ui.radio_value(&mut pick.chosen, drawing, drawing_name(drawing));
                    }
                });
                ui.end_row();
            }
            ui.label(strings::export_format());
            ui.horizontal(|ui| {
                for format in ImageFormat::ALL {
                    ui.radio_value(&mut options.format, format, format.short_name());
                }
            });
            ui.end_row();
            // Pixels are a PNG's choice only, paper a PDF's.
            if options.format.is_raster() {
                ui.label(strings::export_scale());
                ui.horizontal(|ui| {
                    for scale in 1..=4 {
                        ui.selectable_value(&mut options.scale, scale, strings::scale_label(scale));
                    }
                });
                ui.end_row();
            }
            if options.format == ImageFormat::Pdf {
                ui.label(crate::i18n::tr("pdf-page"));
                ui.horizontal(|ui| {
                    for page in crate::export::PageSize::ALL {
                        ui.radio_value(&mut options.page, page, page.label());
                    }
                });
                ui.end_row();
            }
            ui.label(strings::export_background());
            ui.horizontal(|ui| {
                ui.radio_value(
                    &mut options.background,
                    Background::White,
                    strings::background_white(),
                );
                ui.radio_value(
                    &mut options.background,
                    Background::Transparent,
                    strings::background_transparent(),
                );
                ui.radio_value(
                    &mut options.background,
                    Background::Theme,
                    strings::background_theme(),
                );
            });
            ui.end_row();
            // The persona, the feelings and the cards' notes belong to a journey; the roadmap
            // has its key to the priorities; a slide of the plan has its title only.
            let applies = pick.chosen.applies();
            ui.label(strings::export_include());
            ui.vertical(|ui| {
                ui.checkbox(&mut options.title, strings::export_title());
                if applies.persona {
                    ui.checkbox(&mut options.persona, strings::export_persona());
                }
                if applies.feelings_legend {
                    ui.checkbox(&mut options.legend, strings::export_legend());
                }
                if applies.priorities_legend {
                    ui.checkbox(
                        &mut options.legend,
                        crate::i18n::tr("export-legend-priorities"),
                    );
                }
                if applies.notes {
                    ui.checkbox(&mut options.notes, strings::export_notes());
                }
            });
            ui.end_row();
        });
    let (width, height) = image_size(options, pick.chosen);
    let raster = options.format.is_raster();
    let limit = if raster {
        crate::export::MAX_PIXELS
    } else {
        crate::export::MAX_SVG_AREA
    };
    let fits = width * height <= limit;
    let size = if raster {
        strings::png_size(width, height)
    } else {
        strings::svg_size(width, height)
    };
    ui.label(egui::RichText::new(size).weak());
    if !fits {
        ui.colored_label(ui.visuals().error_fg_color, strings::too_large_hint());
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(fits, egui::Button::new(strings::export_button()))
            .clicked()
        {
            answer = Some(Command::ExportWith(options.clone(), pick.chosen));
        }
        let copy_fits = width * height <= crate::export::MAX_CLIPBOARD_PIXELS;
        if ui
            .add_enabled(copy_fits, egui::Button::new(strings::copy_image()))
            .clicked()
        {
            answer = Some(Command::CopyImageWith(options.clone(), pick.chosen));
        }
        if ui.button(strings::cancel_button()).clicked() {
            answer = Some(Command::Cancel);
        }
    });
    answer
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
        let lang = crate::i18n::current();
        std::thread::spawn(move || {
            crate::i18n::set(lang);
            let filters: Vec<(&str, Vec<&str>)> = match purpose {
                PathPurpose::Export(format, _) => {
                    vec![(format.name(), vec![format.extension()])]
                }
                PathPurpose::SaveAs => {
                    let native = crate::format::NATIVE;
                    vec![(native.name(), native.extensions.to_vec())]
                }
                // Every format a map can be read from, together first, then one by one.
                PathPurpose::Open => std::iter::once((
                    crate::i18n::tr("readable-files"),
                    crate::format::extensions(),
                ))
                .chain(
                    crate::format::FORMATS
                        .iter()
                        .map(|f| (f.name(), f.extensions.to_vec())),
                )
                .collect(),
                PathPurpose::ExportMap(id) => crate::format::by_id(id)
                    .map(|f| vec![(f.name(), f.extensions[..1].to_vec())])
                    .unwrap_or_default(),
                PathPurpose::Picture => {
                    vec![(strings::picture_filter(), vec!["png", "jpg", "jpeg"])]
                }
            };
            let title = match purpose {
                PathPurpose::Open => strings::open(),
                PathPurpose::SaveAs => strings::save_as(),
                PathPurpose::Export(..) => strings::export_image(),
                PathPurpose::ExportMap(_) => crate::i18n::tr("export-map-menu"),
                PathPurpose::Picture => strings::choose_picture(),
            };
            let mut dialog = rfd::FileDialog::new().set_title(title.trim_end_matches('…'));
            for (name, extensions) in &filters {
                dialog = dialog.add_filter(*name, extensions);
            }
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            let picked = match purpose {
                PathPurpose::Open | PathPurpose::Picture => dialog.pick_file(),
                PathPurpose::SaveAs | PathPurpose::Export(..) | PathPurpose::ExportMap(_) => {
                    dialog.set_file_name(file_name).save_file()
                }
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
