//! The editor window. Each frame draws the menus, panels and dialogs, which push
//! [`Command`]s into one queue; after the frame, [`TrayectoApp::apply`] carries them out in
//! order — the one place where the window changes the map, the view or the files.
//!
//! - `state`: the parts the window's state is made of;
//! - `commands`: applying commands;
//! - `menus`: the menu bar, status bar and toast;
//! - `files`: opening, saving, the unsaved-changes guard and file dialogs;
//! - `exports`: image exports and copies on a worker thread;
//! - `disk`: the autosave journal and the watch on the open file;
//! - `reading`: map files read on a worker thread (opening, changes made by other programs).

mod commands;
mod disk;
mod exports;
mod files;
mod menus;
mod reading;
mod state;

pub use state::{Screen, Selection, TextSize};

use super::Command;
use super::canvas;
use super::dialogs::Dialog;
use crate::document::Document;
use crate::edit::Edit;
use crate::export::{ExportOptions, Scene};
use crate::i18n::strings;
use crate::view::View;
use egui::{Ui, ViewportCommand};
use state::{Dialogs, Disk, Messages, Panels, Prefs, Probe, Shown, Toast};
use std::path::PathBuf;

/// How long a toast stays, in seconds.
const TOAST_SECONDS: f64 = 8.0;

/// How the app meets the outside world; tests turn these off.
#[derive(Clone, Debug, Default)]
pub struct AppOptions {
    /// Where the recent-files list lives; `None` remembers nothing.
    pub config_dir: Option<PathBuf>,
    /// Try native file dialogs before asking for a typed path.
    pub native_dialogs: bool,
    /// Automation probe: after each frame that changes them, write the labelled canvas widgets
    /// and their rects (window pixels) to this file, one `x0 y0 x1 y1<TAB>label` line each.
    /// End-to-end tests use it to find cards on screen.
    pub probe: Option<PathBuf>,
    /// Where the autosave journal lives; `None` switches autosave and crash recovery off.
    pub data_dir: Option<PathBuf>,
    /// Watch the open file for changes made by other programs.
    pub watch_files: bool,
    /// Open the workshop room as the window opens, listening here.
    pub room: Option<crate::room::Options>,
}

pub struct TrayectoApp {
    doc: Document,
    shown: Shown,
    panels: Panels,
    dialogs: Dialogs,
    prefs: Prefs,
    disk: Disk,
    messages: Messages,
    /// Commands pushed this frame (and by commands themselves), applied after it.
    queue: Vec<Command>,
    /// An export or copy running on a worker thread.
    export_job: Option<std::sync::mpsc::Receiver<exports::Exported>>,
    /// A map file being read on a worker thread.
    reading: Option<reading::Reading>,
    /// Our fonts and look are installed in the window's context.
    styled: bool,
    /// Closing was confirmed: let the window go.
    closing: bool,
    probe: Probe,
    /// The workshop room, when open, and its inbox.
    workshop: super::room::Workshop,
    /// Where to open the room at the first frame (from the command line).
    open_room: Option<crate::room::Options>,
}

impl TrayectoApp {
    pub fn new(doc: Document, options: AppOptions) -> Self {
        let mut prefs = Prefs::load(options.config_dir);
        if let Some(path) = &doc.path {
            prefs.recent.add(path);
        }
        let mut panels = Panels::default();
        if options.probe.is_some() {
            panels.canvas.enable_probe();
            panels.board.enable_probe();
        }
        let mut dialog = None;
        let mut status = String::new();
        if let Some(data_dir) = &options.data_dir {
            let (entries, damaged) = crate::recovery::list(data_dir, false);
            if let Some(bad) = damaged.first() {
                status = strings::damaged_journal(&bad.file.display().to_string(), &bad.reason);
            }
            if !entries.is_empty() {
                dialog = Some(Dialog::Recover(entries));
            }
        }
        let status = match crate::pictures::warnings(doc.map(), doc.folder()).first() {
            Some(warning) if status.is_empty() => warning.to_string(),
            _ => status,
        };
        let mut app = Self {
            shown: Shown::new(View::of(doc.map())),
            doc,
            panels,
            dialogs: Dialogs {
                open: dialog,
                native: None,
                native_available: options.native_dialogs,
                after_save: None,
            },
            prefs,
            disk: Disk::new(options.data_dir, options.watch_files),
            messages: Messages {
                status,
                ..Messages::default()
            },
            queue: Vec::new(),
            export_job: None,
            reading: None,
            styled: false,
            closing: false,
            probe: Probe {
                path: options.probe,
                last: String::new(),
            },
            workshop: super::room::Workshop::default(),
            open_room: options.room,
        };
        // An imported map says what could not come across (after any offer of lost work).
        if app.dialogs.open.is_none() {
            app.offer_import_report();
        }
        app
    }

    /// Asks for a command, as a menu item, its shortcut or a panel does; it is carried out
    /// after the next frame like every other.
    pub fn run(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// Speaks another language from now on, as the View menu does.
    pub fn set_language(&mut self, lang: crate::i18n::Lang) {
        self.run(Command::Language(lang));
    }

    /// Shows the journey canvas, the roadmap board or the action table.
    pub fn set_screen(&mut self, screen: Screen) {
        self.run(Command::Screen(screen));
    }

    /// Shows another journey, or the overlay (as the journey bar does).
    pub fn set_view(&mut self, view: View) {
        self.run(Command::View(view));
    }

    /// Queues an edit, applied after the next frame like every other change.
    pub fn queue_edit(&mut self, edit: Edit) {
        self.run(Command::Edit(edit, None));
    }

    /// Sorts the action table by a column (again: reversed), as a click on its header does.
    pub fn sort_actions(&mut self, by: super::SortBy) {
        self.panels.table.sort_by(by);
    }

    pub fn language(&self) -> crate::i18n::Lang {
        self.prefs.lang
    }

    pub fn is_presenting(&self) -> bool {
        self.shown.presenting
    }

    pub fn inspector_shown(&self) -> bool {
        self.prefs.ui.inspector
    }

    /// The toast on screen, if any (its words).
    pub fn toast(&self) -> Option<&str> {
        self.messages.toast.as_ref().map(|t| t.text.as_str())
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn selection(&self) -> Selection {
        self.shown.selection
    }

    pub fn view(&self) -> View {
        self.shown.view
    }

    pub fn screen(&self) -> Screen {
        self.shown.screen
    }

    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialogs.open.as_ref()
    }

    /// Shows an error over the editor (e.g. the file given on the command line was bad).
    pub fn show_error(&mut self, message: String) {
        self.dialogs.open = Some(Dialog::Error(message));
    }

    /// Whether closing the map would lose something: unsaved changes, or notes from the room
    /// still waiting in the inbox (they are not part of the map until accepted).
    pub fn has_unsaved_work(&self) -> bool {
        self.doc.is_dirty() || !self.workshop.inbox.is_empty()
    }

    /// The workshop room's address while it is open.
    pub fn room_address(&self) -> Option<&str> {
        self.workshop.address()
    }

    /// What the room counts (as the status bar shows it).
    pub fn room_counts(&self) -> crate::room::Counts {
        self.workshop.counts()
    }

    /// The notes from the room waiting in the inbox.
    pub fn inbox(&self) -> &[super::room::Waiting] {
        &self.workshop.inbox
    }

    pub fn status(&self) -> &str {
        &self.messages.status
    }

    /// Waits for the autosave to finish what it was asked (tests; quitting does it too).
    pub fn flush_autosave(&mut self) {
        self.disk.autosave.flush();
    }

    /// What an export of what is on screen covers: the journey (or overlay), the roadmap
    /// board, or the action table.
    fn drawing(&self) -> crate::export::Drawing {
        match self.shown.screen {
            Screen::Journey => crate::export::Drawing::Journey(self.shown.view),
            Screen::Roadmap => crate::export::Drawing::Roadmap,
            Screen::Actions => crate::export::Drawing::Actions,
        }
    }

    /// What the export dialog offers to draw: what is on screen, and the gap analysis while
    /// its panel is open under the journey (and has a target to compare).
    fn drawings(&self) -> Vec<crate::export::Drawing> {
        let mut offered = vec![self.drawing()];
        if self.shown.screen == Screen::Journey
            && self.shown.gap_open
            && crate::report::gap::analyse(self.doc.map()).is_ok()
        {
            offered.push(crate::export::Drawing::Gap);
        }
        offered
    }

    fn subject(&self, drawing: crate::export::Drawing) -> crate::export::Subject<'_> {
        crate::export::Subject {
            map: self.doc.map(),
            drawing,
            folder: self.doc.folder(),
        }
    }

    /// Draws the whole window, gathers the commands its input gives, and applies them.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        crate::i18n::set(self.prefs.lang);
        if !std::mem::replace(&mut self.styled, true) {
            // Before any text is laid out, so the fonts apply from this very frame.
            super::install_style(&ctx);
        }
        if self.probe.path.is_some() {
            // A fresh list each frame: the probe file shows this frame's widgets.
            super::probe::enable(&ctx);
        }
        if self.prefs.applied_text_size != Some(self.prefs.ui.text_size) {
            ctx.set_zoom_factor(self.prefs.ui.text_size.zoom_factor());
            self.prefs.applied_text_size = Some(self.prefs.ui.text_size);
        }
        self.window_events(&ctx);
        if let Some(options) = self.open_room.take() {
            self.open_room_at(&ctx, options);
        }
        self.workshop.sync(&mut self.doc);
        self.shortcuts(&ctx);
        self.shown.view = self.shown.view.valid(self.doc.map());
        self.validate_selection();

        let mut out = std::mem::take(&mut self.queue);
        // Presenting, the map has the whole screen.
        if !self.shown.presenting {
            self.side_panels(ui, &mut out);
        }
        self.central_panel(ui, &mut out);
        if self.shown.presenting && self.workshop.is_open() {
            super::room::presentation_code(&ctx, &self.workshop);
        }
        self.show_toast(&ctx, &mut out);
        self.show_dialog(&ctx, &mut out);
        self.queue = out;
        self.poll_native_dialog();
        self.poll_export(&ctx);
        self.poll_reading(&ctx);
        self.apply_queued(&ctx);
        let lang = self.prefs.lang;
        self.workshop.publish(&ctx, &self.doc, lang);
        self.watch_disk(&ctx);
        self.keep_journal(&ctx);
        self.update_title(&ctx);
        self.write_probe(&ctx);
    }

    /// Files dropped on the window, and the window's close button.
    fn window_events(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
        if let Some(path) = dropped {
            self.run(Command::OpenFile(path));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.closing && self.has_unsaved_work()
        {
            // Ask first; quitting closes the window once the changes are dealt with.
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.run(Command::Quit);
        }
    }

    /// The commands of the keys pressed this frame.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        let free = self.dialogs.open.is_none() && !self.panels.canvas.is_busy();
        if self.shown.presenting
            && free
            && ctx.memory(|m| m.focused().is_none())
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.run(Command::Present);
        }
        if self.shown.presenting
            && free
            && self.workshop.is_open()
            && ctx.memory(|m| m.focused().is_none())
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Q))
        {
            // The room's code on the projector: Q shows or hides it.
            self.workshop.code_in_presentation = !self.workshop.code_in_presentation;
        }
        if self.dialogs.open.is_some() {
            return;
        }
        for command in Command::from_shortcuts(ctx) {
            // Mid-typing, only saving works.
            if free || matches!(command, Command::Save | Command::SaveAs) {
                self.run(command);
            }
        }
    }

    /// The menu bar, status bar, inspector, gap panel and journey bar.
    fn side_panels(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, out));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui, out));
        if self.workshop.panel {
            egui::Panel::left("room")
                .default_size(260.0)
                .size_range(220.0..=420.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        ui.add_space(6.0);
                        super::room::panel(ui, &mut self.workshop, &self.doc, out);
                    });
                });
        }
        if self.prefs.ui.inspector {
            egui::Panel::right("inspector")
                .default_size(300.0)
                .size_range(220.0..=520.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        ui.add_space(6.0);
                        self.panels.inspector.show(
                            ui,
                            &self.doc,
                            &self.shown.view,
                            self.shown.selection,
                            out,
                        );
                    });
                });
        }
        if self.shown.gap_open {
            egui::Panel::bottom("gap")
                .resizable(true)
                .default_size(190.0)
                .show(ui, |ui| {
                    let by_votes = self.shown.gap_by_votes;
                    super::gap::panel(ui, self.doc.map(), self.shown.selection, by_votes, out);
                });
        }
        egui::Panel::top("journeys").show(ui, |ui| {
            super::journeys::bar(
                ui,
                self.doc.map(),
                &self.shown.view,
                self.shown.screen,
                self.shown.gap_open,
                out,
            );
        });
    }

    /// The journey canvas, the roadmap board or the action table.
    fn central_panel(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        // Floating helpers (the feeling bar) stay out of the way of a dialog.
        let panels = &mut self.panels;
        panels.canvas.set_overlays(self.dialogs.open.is_none());
        let pictures = super::pictures::portraits(
            ui.ctx(),
            self.doc.map(),
            &self.shown.view,
            self.doc.folder(),
        );
        let shown = &self.shown;
        let doc = &self.doc;
        egui::CentralPanel::no_frame().show(ui, |ui| match shown.screen {
            Screen::Journey => {
                let on_canvas = canvas::Shown {
                    view: &shown.view,
                    pictures: &pictures,
                    selection: shown.selection,
                    highlight: shown.highlight,
                };
                panels.canvas.show(ui, doc, &on_canvas, out);
            }
            Screen::Roadmap => panels.board.show(ui, doc, shown.selection, out),
            Screen::Actions => {
                let fill = ui.visuals().panel_fill;
                ui.painter().rect_filled(ui.max_rect(), 0.0, fill);
                egui::Frame::central_panel(ui.style())
                    .show(ui, |ui| panels.table.show(ui, doc, shown.selection, out));
            }
        });
    }

    /// The modal dialog, if one is open; its answer joins the queue.
    fn show_dialog(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        // Fields, not `self.subject()`: the dialog is borrowed mutably below.
        let (map, folder) = (self.doc.map(), self.doc.folder());
        let image_size = |options: &ExportOptions, drawing| {
            let subject = crate::export::Subject {
                map,
                drawing,
                folder,
            };
            Scene::pixel_size_of(&subject, options)
        };
        if let Some(dialog) = &mut self.dialogs.open
            && let Some(answer) = dialog.show(ctx, &image_size)
        {
            self.dialogs.open = None;
            out.push(answer);
        }
    }

    /// Applies the queued commands in order, and those they queue in turn.
    fn apply_queued(&mut self, ctx: &egui::Context) {
        loop {
            let batch = std::mem::take(&mut self.queue);
            if batch.is_empty() {
                break;
            }
            // What the commands changed (a toast, a panel, the map) is drawn by the next
            // frame: have one now, not at the next mouse move.
            ctx.request_repaint();
            for command in batch {
                self.apply(ctx, command);
            }
        }
    }

    fn validate_selection(&mut self) {
        let map = self.doc.map();
        let journey = self.shown.view.journey;
        let exists = match self.shown.selection {
            Selection::None => true,
            // A card of another journey is not on the canvas.
            Selection::Card(id) => map.card(id).is_some_and(|c| c.journey == journey),
            Selection::Stage(id) => map.stage(id).is_some(),
            Selection::Lane(id) => map.lane(id).is_some(),
            Selection::Action(id) => map.action(id).is_some(),
            Selection::Phase(id) => map.phase(id).is_some(),
            // A fork of another journey is not on the canvas.
            Selection::Fork(id) => map.fork(id).is_some_and(|f| f.journey == journey),
        };
        if !exists {
            self.shown.selection = Selection::None;
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = strings::window_title(&self.doc.name(), self.doc.is_dirty());
        if title != self.messages.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.messages.shown_title = title;
        }
    }

    fn write_probe(&mut self, ctx: &egui::Context) {
        let (Some(path), Some(mut items)) = (self.probe.file(), self.panels.canvas.take_probe())
        else {
            return;
        };
        items.extend(super::probe::take(ctx));
        let scale = ctx.pixels_per_point();
        let mut text = String::new();
        for (label, rect) in items {
            let r = rect * scale;
            text.push_str(&format!(
                "{:.0} {:.0} {:.0} {:.0}\t{label}\n",
                r.min.x, r.min.y, r.max.x, r.max.y
            ));
        }
        if text != self.probe.last {
            let _ = crate::file::write_atomically(path, text.as_bytes(), crate::file::Rules::MAP);
            self.probe.last = text;
        }
    }
}

impl eframe::App for TrayectoApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

/// The language last chosen in the View menu, if any.
pub fn remembered_language(config_dir: Option<&std::path::Path>) -> Option<crate::i18n::Lang> {
    super::prefs::load(config_dir, state::LANGUAGE_PREFS)
}
