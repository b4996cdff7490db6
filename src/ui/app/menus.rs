//! The menu bar, the status bar and the toast: what they show, and the commands they push.

use super::{Screen, Selection, TOAST_SECONDS, TextSize, TrayectoApp};
use crate::i18n::strings;
use crate::templates;
use crate::ui::Command;
use egui::{RichText, Ui};

impl TrayectoApp {
    pub(super) fn menu_bar(&self, ui: &mut Ui, out: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(strings::menu_file(), |ui| {
                item(ui, Command::NEW, true, out);
                ui.menu_button(strings::new_from_template(), |ui| {
                    for (name, title) in templates::list() {
                        if ui.button(format!("{title}  ({name})")).clicked() {
                            out.push(Command::NewFrom(name));
                        }
                    }
                });
                item(ui, Command::Open, true, out);
                if self.disk.data_dir.is_some() {
                    item(ui, Command::OfferRecovery, true, out);
                }
                ui.menu_button(strings::open_recent(), |ui| {
                    if self.prefs.recent.paths().is_empty() {
                        ui.label(RichText::new(strings::no_recent()).weak());
                    }
                    for path in self.prefs.recent.paths() {
                        if ui.button(path.display().to_string()).clicked() {
                            out.push(Command::OpenFile(path.clone()));
                        }
                    }
                    if !self.prefs.recent.paths().is_empty() {
                        ui.separator();
                        item(ui, Command::ClearRecent, true, out);
                    }
                });
                ui.separator();
                item(ui, Command::Save, true, out);
                item(ui, Command::SaveAs, true, out);
                ui.separator();
                item(ui, Command::Export, true, out);
                item(ui, Command::CopyImage, true, out);
                ui.menu_button(crate::i18n::tr("export-map-menu"), |ui| {
                    for format in crate::format::FORMATS.iter().filter(|f| !f.is_native()) {
                        item(ui, Command::ExportMap(format.id), true, out);
                    }
                });
                ui.separator();
                item(ui, Command::Quit, true, out);
            });
            ui.menu_button(strings::menu_edit(), |ui| {
                // Undo and redo say what they would take back or do again.
                let history = &self.doc.history;
                for (action, name, enabled) in [
                    (
                        Command::Undo,
                        history
                            .undo_name()
                            .map(|n| strings::undo_step(n.key, n.subject.as_deref())),
                        history.can_undo(),
                    ),
                    (
                        Command::Redo,
                        history
                            .redo_name()
                            .map(|n| strings::redo_step(n.key, n.subject.as_deref())),
                        history.can_redo(),
                    ),
                ] {
                    let label = name.unwrap_or_else(|| action.label().to_owned());
                    let button = action.button_labelled(ui.ctx(), label);
                    if ui.add_enabled(enabled, button).clicked() {
                        out.push(action);
                    }
                }
                ui.separator();
                let selected = self.shown.selection != Selection::None;
                item(ui, Command::Rename, selected, out);
                item(ui, Command::Duplicate, selected, out);
                item(ui, Command::Delete, selected, out);
            });
            ui.menu_button(strings::menu_insert(), |ui| {
                item(ui, Command::AddStage, true, out);
                item(ui, Command::AddLane, true, out);
                ui.separator();
                let journey = self.shown.screen == Screen::Journey;
                let stage = match self.shown.selection {
                    Selection::Stage(id) => Some(id),
                    _ => None,
                };
                let phase_room = super::super::phases::new_phase(self.doc.map(), stage).is_some();
                let mut add_phase =
                    ui.add_enabled(journey && phase_room, Command::AddPhase.button(ui.ctx()));
                if !phase_room {
                    // Say why it is greyed out.
                    add_phase = add_phase.on_disabled_hover_text(strings::no_phase_room());
                }
                if add_phase.clicked() {
                    out.push(Command::AddPhase);
                }
                item(ui, Command::AddFork, journey, out);
                ui.separator();
                item(ui, Command::NewAction, true, out);
            });
            ui.menu_button(strings::menu_view(), |ui| {
                for action in [
                    Command::FitMap,
                    Command::ZoomIn,
                    Command::ZoomOut,
                    Command::ZoomReset,
                ] {
                    item(ui, action, true, out);
                }
                ui.separator();
                let shortcut = Command::ToggleGap
                    .shortcut()
                    .map(|s| super::super::command::shortcut_text(ui.ctx(), &s))
                    .unwrap_or_default();
                let gap = egui::Button::selectable(self.shown.gap_open, strings::gap_panel());
                if ui.add(gap.shortcut_text(shortcut)).clicked() {
                    out.push(Command::ToggleGap);
                }
                let inspector =
                    egui::Button::selectable(self.prefs.ui.inspector, strings::inspector_panel())
                        .shortcut_text(
                            Command::ToggleInspector
                                .shortcut()
                                .map(|s| super::super::command::shortcut_text(ui.ctx(), &s))
                                .unwrap_or_default(),
                        );
                if ui.add(inspector).clicked() {
                    out.push(Command::ToggleInspector);
                }
                ui.menu_button(strings::text_size(), |ui| {
                    for size in TextSize::ALL {
                        let choice =
                            egui::Button::selectable(self.prefs.ui.text_size == size, size.label());
                        if ui.add(choice).clicked() {
                            out.push(Command::TextSize(size));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                item(ui, Command::Present, true, out);
                ui.separator();
                ui.menu_button(strings::language(), |ui| {
                    for lang in crate::i18n::Lang::ALL {
                        let choice = egui::Button::selectable(self.prefs.lang == lang, lang.name());
                        if ui.add(choice).clicked() {
                            out.push(Command::Language(lang));
                            ui.close();
                        }
                    }
                });
            });
            ui.menu_button(crate::i18n::tr("menu-workshop"), |ui| {
                self.workshop_menu(ui, out)
            });
        });
    }

    /// The Workshop menu: the room, and voting.
    fn workshop_menu(&self, ui: &mut Ui, out: &mut Vec<Command>) {
        use crate::i18n::tr;
        let open = self.workshop.is_open();
        if open {
            item(ui, Command::CloseRoom, true, out);
        } else {
            item(ui, Command::OpenRoom, true, out);
        }
        let panel = egui::Button::selectable(self.workshop.panel, tr("room-panel-menu"));
        if ui.add(panel).clicked() {
            out.push(Command::ToggleRoomPanel);
        }
        let elsewhere = open && self.workshop.journey(self.doc.map()) != self.shown.view.journey;
        item(ui, Command::RoomShowsThisJourney, elsewhere, out);
        ui.separator();
        super::super::room::voting_controls(ui, self.doc.map(), out);
    }

    /// The message on the left, the zoom, the counts and the map's file on the right. They
    /// never overlap: a long file path is shortened from its start (the file's name stays),
    /// and the message takes the room that is left, cut short with "…"; hovering either shows
    /// it whole.
    pub(super) fn status_bar(&self, ui: &mut Ui, out: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let whole = ui.available_width();
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                // The zoom of what is shown (the action table has none).
                let zoom = match self.shown.screen {
                    Screen::Journey => Some(self.panels.canvas.zoom()),
                    Screen::Roadmap => Some(self.panels.board.zoom()),
                    Screen::Actions => None,
                };
                if let Some(zoom) = zoom {
                    ui.label(strings::zoom_label(zoom));
                    ui.separator();
                }
                let (s, l, c) = self.doc.map().summary();
                ui.label(strings::counts(s, l, c));
                if self.workshop.is_open() || !self.workshop.inbox.is_empty() {
                    ui.separator();
                    let counts = self.workshop.counts();
                    let text = crate::i18n::fmt(
                        "room-counts-short",
                        &[
                            ("joined", counts.joined.into()),
                            ("dots", counts.dots.into()),
                            ("notes", self.workshop.inbox.len().into()),
                        ],
                    );
                    let room = ui.add(egui::Button::new(text).frame(false));
                    if room
                        .on_hover_text(crate::i18n::tr("room-panel-menu"))
                        .clicked()
                    {
                        out.push(Command::ToggleRoomPanel);
                    }
                }
                if let Some(path) = &self.doc.path {
                    ui.separator();
                    let full = path.display().to_string();
                    let shown = short_path(ui, path, whole * 0.4);
                    let label = ui.add(egui::Label::new(RichText::new(&shown).weak()).truncate());
                    if shown != full {
                        label.on_hover_text(full);
                    }
                }
                // The message, from the left, in what room is left.
                let room = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
                let left = egui::Layout::left_to_right(egui::Align::Center);
                ui.allocate_ui_with_layout(room, left, |ui| {
                    if self.export_job.is_some() || self.is_reading() {
                        ui.spinner();
                    }
                    ui.add(egui::Label::new(&self.messages.status).truncate());
                });
            });
        });
    }

    /// The toast at the bottom of the window, until it times out or is answered.
    pub(super) fn show_toast(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let Some(toast) = &mut self.messages.toast else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let since = *toast.since.get_or_insert(now);
        if now - since > TOAST_SECONDS {
            self.messages.toast = None;
            return;
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(250));
        let mut close = false;
        egui::Area::new(egui::Id::unique("toast"))
            .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -48.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(&toast.text);
                        if let Some(undo) = &toast.undo
                            && ui.button(strings::undo()).clicked()
                        {
                            out.push(undo.clone());
                            close = true;
                        }
                        if ui
                            .small_button("×")
                            .on_hover_text(strings::close())
                            .clicked()
                        {
                            close = true;
                        }
                    });
                });
            });
        if close {
            self.messages.toast = None;
        }
    }
}

/// A menu item for a named command, with its shortcut.
fn item(ui: &mut Ui, command: Command, enabled: bool, out: &mut Vec<Command>) {
    if ui.add_enabled(enabled, command.button(ui.ctx())).clicked() {
        out.push(command);
    }
}

/// The map's file as the status bar shows it within `room` points: the whole path, else
/// "…/folder/name.ron", else "…/name.ron" (cut further by the label if even that is too long).
fn short_path(ui: &Ui, path: &std::path::Path, room: f32) -> String {
    let width = |text: &str| {
        egui::WidgetText::from(RichText::new(text).weak())
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            )
            .size()
            .x
    };
    let full = path.display().to_string();
    if width(&full) <= room {
        return full;
    }
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let tail = |n: usize| {
        let from = parts.len().saturating_sub(n);
        let sep = std::path::MAIN_SEPARATOR.to_string();
        format!("…{sep}{}", parts[from..].join(&sep))
    };
    let two = tail(2);
    if parts.len() > 2 && width(&two) <= room {
        return two;
    }
    tail(1)
}
