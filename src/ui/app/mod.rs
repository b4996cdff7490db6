//! The editor window: menus, panels, dialogs, and the one place where requests become changes.

mod files;

use super::Request;
use super::actions::Action;
use super::canvas::{self, Canvas};
use super::dialogs::{self, Dialog, NativeDialog, PathPurpose, Pending};
use super::inspector::Inspector;
use super::prefs;
use super::recent::Recent;
use crate::document::Document;
use crate::edit::Edit;
use crate::export::{ExportOptions, Scene};
use crate::history::MergeKey;
use crate::model::{ActionId, CardId, LaneId, StageId};
use crate::recovery::Autosave;
use crate::view::View;
use crate::{file, strings, templates};

/// Where the last export choices are kept, in the config folder.
const EXPORT_PREFS: &str = "export.ron";
const LANGUAGE_PREFS: &str = "language.ron";
const UI_PREFS: &str = "ui.ron";

/// How big the window's own words are (menus, inspector), for small laptops and projectors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TextSize {
    Compact,
    #[default]
    Normal,
    Large,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Compact, TextSize::Normal, TextSize::Large];

    pub fn zoom_factor(self) -> f32 {
        match self {
            TextSize::Compact => 0.85,
            TextSize::Normal => 1.0,
            TextSize::Large => 1.3,
        }
    }

    fn label(self) -> &'static str {
        match self {
            TextSize::Compact => strings::text_compact(),
            TextSize::Normal => strings::text_normal(),
            TextSize::Large => strings::text_large(),
        }
    }
}

/// The window's remembered arrangement.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct UiPrefs {
    inspector: bool,
    text_size: TextSize,
}

impl Default for UiPrefs {
    fn default() -> Self {
        Self {
            inspector: true,
            text_size: TextSize::Normal,
        }
    }
}

/// A message over the canvas for a few seconds, maybe with an Undo button.
struct Toast {
    text: String,
    undo: bool,
    /// When it first showed (egui time); `None` until then.
    since: Option<f64>,
}

/// How long a toast stays, in seconds.
const TOAST_SECONDS: f64 = 8.0;
use egui::{RichText, Ui, ViewportCommand};
use std::path::PathBuf;

/// What the inspector edits and Delete / Ctrl+D act on. Not saved with the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    #[default]
    None,
    Card(CardId),
    Stage(StageId),
    Lane(LaneId),
    Action(ActionId),
    Phase(crate::model::PhaseId),
    Fork(crate::model::ForkId),
}

/// What the middle of the window shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    /// The journey canvas (a journey, or the overlay).
    #[default]
    Journey,
    /// Streams × horizons, actions as cards.
    Roadmap,
    /// Every action in a sortable table.
    Actions,
}

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
}

pub struct TrayectoApp {
    doc: Document,
    /// Which journey is shown (and edited), and whether the target's curve is laid over it.
    view: View,
    /// The gap panel under the canvas is open.
    gap_open: bool,
    /// Our fonts and look are installed in the window's context.
    styled: bool,
    screen: Screen,
    board: super::board::BoardView,
    table: super::action_table::ActionTable,
    /// An action whose card and addressed cards are ringed on the journey.
    highlight: Option<ActionId>,
    selection: Selection,
    canvas: Canvas,
    inspector: Inspector,
    dialog: Option<Dialog>,
    native: Option<NativeDialog>,
    native_dialogs: bool,
    /// What to do after the save that the unsaved-changes prompt asked for.
    after_save: Option<Pending>,
    recent: Recent,
    /// The last export choices, remembered across sessions.
    export_options: ExportOptions,
    config_dir: Option<PathBuf>,
    status: String,
    requests: Vec<Request>,
    shown_title: String,
    /// An export or copy running on a worker thread.
    export_job: Option<std::sync::mpsc::Receiver<files::Exported>>,
    /// Closing was confirmed: let the window go.
    closing: bool,
    /// The language the window speaks; each frame starts by speaking it.
    lang: crate::i18n::Lang,
    /// Presentation mode: full screen, canvas only.
    presenting: bool,
    ui_prefs: UiPrefs,
    /// The text size last applied to the window.
    applied_text_size: Option<TextSize>,
    toast: Option<Toast>,
    probe: Option<PathBuf>,
    last_probe: String,
    autosave: Autosave,
    data_dir: Option<PathBuf>,
    watch_files: bool,
    /// Watches `watched` (the open file), when watching is on.
    watcher: Option<crate::recovery::Watcher>,
    watched: Option<PathBuf>,
    /// The open file was found deleted or moved.
    file_missing: bool,
}

impl TrayectoApp {
    pub fn new(doc: Document, options: AppOptions) -> Self {
        let mut recent = Recent::load(options.config_dir.as_deref());
        let export_options =
            prefs::load(options.config_dir.as_deref(), EXPORT_PREFS).unwrap_or_default();
        let ui_prefs = prefs::load(options.config_dir.as_deref(), UI_PREFS).unwrap_or_default();
        if let Some(path) = &doc.path {
            recent.add(path);
        }
        let mut canvas = Canvas::default();
        let mut board = super::board::BoardView::default();
        if options.probe.is_some() {
            canvas.enable_probe();
            board.enable_probe();
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
        Self {
            view: View::of(doc.map()),
            gap_open: false,
            styled: false,
            screen: Screen::Journey,
            board,
            table: Default::default(),
            highlight: None,
            doc,
            selection: Selection::None,
            canvas,
            inspector: Inspector::default(),
            dialog,
            native: None,
            native_dialogs: options.native_dialogs,
            after_save: None,
            recent,
            export_options,
            config_dir: options.config_dir,
            status,
            requests: Vec::new(),
            shown_title: String::new(),
            export_job: None,
            closing: false,
            lang: crate::i18n::current(),
            presenting: false,
            ui_prefs,
            applied_text_size: None,
            toast: None,
            probe: options.probe,
            last_probe: String::new(),
            autosave: Autosave::new(options.data_dir.clone()),
            data_dir: options.data_dir,
            watch_files: options.watch_files,
            watcher: None,
            watched: None,
            file_missing: false,
        }
    }

    /// Speaks another language from now on, as the View menu does.
    pub fn set_language(&mut self, lang: crate::i18n::Lang) {
        self.requests.push(Request::Language(lang));
    }

    pub fn language(&self) -> crate::i18n::Lang {
        self.lang
    }

    pub fn is_presenting(&self) -> bool {
        self.presenting
    }

    pub fn inspector_shown(&self) -> bool {
        self.ui_prefs.inspector
    }

    /// The toast on screen, if any (its words).
    pub fn toast(&self) -> Option<&str> {
        self.toast.as_ref().map(|t| t.text.as_str())
    }

    /// Asks for a command, as a menu item or its shortcut does.
    pub fn run_action(&mut self, action: Action) {
        self.requests.push(Request::Action(action));
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn selection(&self) -> Selection {
        self.selection
    }

    pub fn view(&self) -> View {
        self.view
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Shows the journey canvas, the roadmap board or the action table.
    pub fn set_screen(&mut self, screen: Screen) {
        self.requests.push(Request::Screen(screen));
    }

    /// Sorts the action table by a column (again: reversed), as a click on its header does.
    pub fn sort_actions(&mut self, by: super::SortBy) {
        self.table.sort_by(by);
    }

    /// Shows another journey, or the overlay (as the journey bar does).
    pub fn set_view(&mut self, view: View) {
        self.requests.push(Request::View(view));
    }

    /// Queues an edit, applied after the next frame like every other change.
    pub fn queue_edit(&mut self, edit: Edit) {
        self.requests.push(Request::Edit(edit, None));
    }

    /// What an export of what is on screen covers: the journey (or overlay), or the roadmap.
    fn drawing(&self) -> crate::export::Drawing {
        match self.screen {
            Screen::Journey => crate::export::Drawing::Journey(self.view),
            Screen::Roadmap | Screen::Actions => crate::export::Drawing::Roadmap,
        }
    }

    fn subject(&self) -> crate::export::Subject<'_> {
        crate::export::Subject {
            map: self.doc.map(),
            drawing: self.drawing(),
            folder: self.doc.folder(),
        }
    }

    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// Shows an error over the editor (e.g. the file given on the command line was bad).
    pub fn show_error(&mut self, message: String) {
        self.dialog = Some(Dialog::Error(message));
    }

    pub fn status(&self) -> &str {
        &self.status
    }

    /// Draws the whole window and handles its input.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        crate::i18n::set(self.lang);
        if !std::mem::replace(&mut self.styled, true) {
            // Before any text is laid out, so the fonts apply from this very frame.
            super::install_style(&ctx);
        }
        if self.probe.is_some() {
            // A fresh list each frame: the probe file shows this frame's widgets.
            super::probe::enable(&ctx);
        }
        self.handle_window_events(&ctx);
        if self.applied_text_size != Some(self.ui_prefs.text_size) {
            ctx.set_zoom_factor(self.ui_prefs.text_size.zoom_factor());
            self.applied_text_size = Some(self.ui_prefs.text_size);
        }
        if self.presenting
            && self.dialog.is_none()
            && !self.canvas.is_busy()
            && ctx.memory(|m| m.focused().is_none())
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.requests.push(Request::Action(Action::Present));
        }
        if self.dialog.is_none() && !self.canvas.is_busy() {
            for action in Action::from_shortcuts(&ctx) {
                self.requests.push(Request::Action(action));
            }
        } else if self.dialog.is_none() {
            // Saving works even mid-typing.
            for action in Action::from_shortcuts(&ctx) {
                if matches!(action, Action::Save | Action::SaveAs) {
                    self.requests.push(Request::Action(action));
                }
            }
        }
        self.view = self.view.valid(self.doc.map());
        self.validate_selection();

        let mut requests = std::mem::take(&mut self.requests);
        // Presenting, the map has the whole screen.
        if !self.presenting {
            egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut requests));
            egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
            if self.ui_prefs.inspector {
                egui::Panel::right("inspector")
                    .default_size(300.0)
                    .size_range(220.0..=520.0)
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical().show(ui, |ui| {
                            ui.add_space(6.0);
                            self.inspector.show(
                                ui,
                                &self.doc,
                                &self.view,
                                self.selection,
                                &mut requests,
                            );
                        });
                    });
            }
            if self.gap_open {
                egui::Panel::bottom("gap")
                    .resizable(true)
                    .default_size(190.0)
                    .show(ui, |ui| {
                        super::gap::panel(ui, self.doc.map(), self.selection, &mut requests);
                    });
            }
            egui::Panel::top("journeys").show(ui, |ui| {
                super::journeys::bar(
                    ui,
                    self.doc.map(),
                    &self.view,
                    self.screen,
                    self.gap_open,
                    &mut requests,
                );
            });
        }
        // Floating helpers (the feeling bar) stay out of the way of a dialog.
        self.canvas.set_overlays(self.dialog.is_none());
        let pictures =
            super::pictures::portraits(&ctx, self.doc.map(), &self.view, self.doc.folder());
        let highlight = self.highlight;
        egui::CentralPanel::no_frame().show(ui, |ui| match self.screen {
            Screen::Journey => {
                let shown = canvas::Shown {
                    view: &self.view,
                    pictures: &pictures,
                    selection: self.selection,
                    highlight,
                };
                self.canvas.show(ui, &self.doc, &shown, &mut requests);
            }
            Screen::Roadmap => self
                .board
                .show(ui, &self.doc, self.selection, &mut requests),
            Screen::Actions => {
                let fill = ui.visuals().panel_fill;
                ui.painter().rect_filled(ui.max_rect(), 0.0, fill);
                egui::Frame::central_panel(ui.style()).show(ui, |ui| {
                    self.table
                        .show(ui, &self.doc, self.selection, &mut requests)
                });
            }
        });

        self.show_toast(&ctx, &mut requests);

        // Fields, not `self.subject()`: the dialog below borrows `self.dialog` mutably.
        let subject = crate::export::Subject {
            map: self.doc.map(),
            drawing: self.drawing(),
            folder: self.doc.folder(),
        };
        let image_size = |options: &ExportOptions| Scene::pixel_size_of(&subject, options);
        if let Some(dialog) = &mut self.dialog
            && let Some(answer) = dialog.show(&ctx, &image_size)
        {
            self.dialog = None;
            self.answer(&ctx, answer);
        }
        self.poll_native_dialog(&ctx);
        self.poll_export(&ctx);
        for request in requests {
            self.handle(&ctx, request);
        }
        self.watch_disk(&ctx);
        self.keep_journal(&ctx);
        self.update_title(&ctx);
        self.write_probe(&ctx);
    }

    /// The toast at the bottom of the window, until it times out or is answered.
    fn show_toast(&mut self, ctx: &egui::Context, requests: &mut Vec<Request>) {
        let Some(toast) = &mut self.toast else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let since = *toast.since.get_or_insert(now);
        if now - since > TOAST_SECONDS {
            self.toast = None;
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
                        if toast.undo && ui.button(strings::undo()).clicked() {
                            requests.push(Request::Action(Action::Undo));
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
            self.toast = None;
        }
    }

    /// Journals unsaved work in the background and reports trouble with it once.
    fn keep_journal(&mut self, ctx: &egui::Context) {
        if let Some(wait) = self.autosave.tick(&self.doc, std::time::Instant::now()) {
            ctx.request_repaint_after(wait);
        }
        for report in self.autosave.reports() {
            if let crate::recovery::AutosaveReport::Failed { folder, reason } = report {
                self.status = strings::autosave_failed(&folder.display().to_string(), &reason);
            }
        }
    }

    /// Waits for the autosave to finish what it was asked (tests; quitting does it too).
    pub fn flush_autosave(&mut self) {
        self.autosave.flush();
    }

    fn write_probe(&mut self, ctx: &egui::Context) {
        let (Some(path), Some(mut items)) = (&self.probe, self.canvas.take_probe()) else {
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
        if text != self.last_probe {
            let _ = file::write_atomically(path, text.as_bytes());
            self.last_probe = text;
        }
    }

    fn handle_window_events(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.guard(ctx, Pending::OpenPath(path));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.closing && self.doc.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.ask_unsaved(Pending::Quit);
        }
    }

    fn validate_selection(&mut self) {
        let map = self.doc.map();
        let exists = match self.selection {
            Selection::None => true,
            // A card of another journey is not on the canvas.
            Selection::Card(id) => map.card(id).is_some_and(|c| c.journey == self.view.journey),
            Selection::Stage(id) => map.stage(id).is_some(),
            Selection::Lane(id) => map.lane(id).is_some(),
            Selection::Action(id) => map.action(id).is_some(),
            Selection::Phase(id) => map.phase(id).is_some(),
            // A fork of another journey is not on the canvas.
            Selection::Fork(id) => map.fork(id).is_some_and(|f| f.journey == self.view.journey),
        };
        if !exists {
            self.selection = Selection::None;
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui, out: &mut Vec<Request>) {
        let mut pending = None;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(strings::menu_file(), |ui| {
                action_item(ui, Action::New, true, out);
                ui.menu_button(strings::new_from_template(), |ui| {
                    for (name, title) in templates::list() {
                        if ui.button(format!("{title}  ({name})")).clicked() {
                            pending = Some(Pending::New(name));
                        }
                    }
                });
                action_item(ui, Action::Open, true, out);
                if self.data_dir.is_some() && ui.button(strings::recover_menu()).clicked() {
                    self.offer_recovery();
                }
                ui.menu_button(strings::open_recent(), |ui| {
                    if self.recent.paths().is_empty() {
                        ui.label(RichText::new(strings::no_recent()).weak());
                    }
                    for path in self.recent.paths() {
                        if ui.button(path.display().to_string()).clicked() {
                            pending = Some(Pending::OpenPath(path.clone()));
                        }
                    }
                    if !self.recent.paths().is_empty() {
                        ui.separator();
                        if ui.button(strings::clear_recent()).clicked() {
                            self.recent.clear();
                        }
                    }
                });
                ui.separator();
                action_item(ui, Action::Save, true, out);
                action_item(ui, Action::SaveAs, true, out);
                ui.separator();
                action_item(ui, Action::Export, true, out);
                action_item(ui, Action::CopyImage, true, out);
                ui.separator();
                action_item(ui, Action::Quit, true, out);
            });
            ui.menu_button(strings::menu_edit(), |ui| {
                // Undo and redo say what they would take back or do again.
                let history = &self.doc.history;
                for (action, name, enabled) in [
                    (
                        Action::Undo,
                        history.undo_name().map(strings::undo_step),
                        history.can_undo(),
                    ),
                    (
                        Action::Redo,
                        history.redo_name().map(strings::redo_step),
                        history.can_redo(),
                    ),
                ] {
                    let label = name.unwrap_or_else(|| action.label().to_owned());
                    let button = action.button_labelled(ui.ctx(), label);
                    if ui.add_enabled(enabled, button).clicked() {
                        out.push(Request::Action(action));
                    }
                }
                ui.separator();
                let selected = self.selection != Selection::None;
                action_item(ui, Action::Rename, selected, out);
                action_item(ui, Action::Duplicate, selected, out);
                action_item(ui, Action::Delete, selected, out);
            });
            ui.menu_button(strings::menu_insert(), |ui| {
                action_item(ui, Action::AddStage, true, out);
                action_item(ui, Action::AddLane, true, out);
                ui.separator();
                let journey = self.screen == Screen::Journey;
                let stage = match self.selection {
                    Selection::Stage(id) => Some(id),
                    _ => None,
                };
                let phase_room = super::phases::new_phase(self.doc.map(), stage).is_some();
                let mut add_phase =
                    ui.add_enabled(journey && phase_room, Action::AddPhase.button(ui.ctx()));
                if !phase_room {
                    // Say why it is greyed out.
                    add_phase = add_phase.on_disabled_hover_text(strings::no_phase_room());
                }
                if add_phase.clicked() {
                    out.push(Request::Action(Action::AddPhase));
                }
                action_item(ui, Action::AddFork, journey, out);
                ui.separator();
                action_item(ui, Action::NewAction, true, out);
            });
            ui.menu_button(strings::menu_view(), |ui| {
                for action in [
                    Action::FitMap,
                    Action::ZoomIn,
                    Action::ZoomOut,
                    Action::ZoomReset,
                ] {
                    action_item(ui, action, true, out);
                }
                ui.separator();
                let shortcut = Action::ToggleGap
                    .shortcut()
                    .map(|s| super::actions::shortcut_text(ui.ctx(), &s))
                    .unwrap_or_default();
                let item = egui::Button::selectable(self.gap_open, strings::gap_panel());
                if ui.add(item.shortcut_text(shortcut)).clicked() {
                    out.push(Request::Action(Action::ToggleGap));
                }
                let inspector =
                    egui::Button::selectable(self.ui_prefs.inspector, strings::inspector_panel())
                        .shortcut_text(
                            Action::ToggleInspector
                                .shortcut()
                                .map(|s| super::actions::shortcut_text(ui.ctx(), &s))
                                .unwrap_or_default(),
                        );
                if ui.add(inspector).clicked() {
                    out.push(Request::Action(Action::ToggleInspector));
                }
                ui.menu_button(strings::text_size(), |ui| {
                    for size in TextSize::ALL {
                        let item =
                            egui::Button::selectable(self.ui_prefs.text_size == size, size.label());
                        if ui.add(item).clicked() {
                            out.push(Request::TextSize(size));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                action_item(ui, Action::Present, true, out);
                ui.separator();
                ui.menu_button(strings::language(), |ui| {
                    for lang in crate::i18n::Lang::ALL {
                        let item = egui::Button::selectable(self.lang == lang, lang.name());
                        if ui.add(item).clicked() {
                            out.push(Request::Language(lang));
                            ui.close();
                        }
                    }
                });
            });
        });
        if let Some(pending) = pending {
            self.guard(ui.ctx(), pending);
        }
    }

    fn status_bar(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            if self.export_job.is_some() {
                ui.spinner();
            }
            ui.label(&self.status);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                // The zoom of what is shown (the action table has none).
                let zoom = match self.screen {
                    Screen::Journey => Some(self.canvas.zoom()),
                    Screen::Roadmap => Some(self.board.zoom()),
                    Screen::Actions => None,
                };
                if let Some(zoom) = zoom {
                    ui.label(strings::zoom_label(zoom));
                    ui.separator();
                }
                let (s, l, c) = self.doc.map().summary();
                ui.label(strings::counts(s, l, c));
                if let Some(path) = &self.doc.path {
                    ui.separator();
                    ui.label(RichText::new(path.display().to_string()).weak());
                }
            });
        });
    }

    /// Applies an edit; a refused one is explained in the status bar.
    fn handle_edit(&mut self, edit: Edit) {
        if let Err(error) = self.doc.apply(edit, None) {
            self.status = error.to_string();
        }
    }

    fn handle(&mut self, ctx: &egui::Context, request: Request) {
        match request {
            Request::Edit(edit, merge) => match self.doc.apply(edit, merge) {
                // What the status bar said (saved, undone, restored…) is out of date now.
                Ok(()) => self.status.clear(),
                Err(error) => self.status = error.to_string(),
            },
            Request::Seal => self.doc.history.seal(),
            Request::Select(selection) => {
                if selection != self.selection {
                    self.doc.history.seal();
                    self.highlight = None;
                }
                self.selection = selection;
            }
            Request::Screen(screen) => {
                self.screen = screen;
                self.doc.history.seal();
            }
            Request::Action(action) => self.run(ctx, action),
            Request::Notify(message) => self.status = message,
            Request::TextSize(size) => {
                self.ui_prefs.text_size = size;
                prefs::save(self.config_dir.as_deref(), UI_PREFS, &self.ui_prefs);
            }
            Request::Language(lang) => {
                self.lang = lang;
                crate::i18n::set(lang);
                // A message said in the other language would stay until the next one.
                self.status.clear();
                self.toast = None;
                prefs::save(self.config_dir.as_deref(), LANGUAGE_PREFS, &lang);
            }
            Request::View(view) => {
                self.view = view.valid(self.doc.map());
                self.doc.history.seal();
                self.validate_selection();
            }
            Request::Focus(selection) => {
                self.handle(ctx, Request::Select(selection));
                if let Selection::Stage(id) = selection {
                    self.canvas.reveal_stage(&self.doc, &self.view, id);
                }
            }
        }
    }

    fn run(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::New => self.guard(ctx, Pending::New("blank")),
            Action::Open => self.guard(ctx, Pending::Open),
            Action::Save => match self.doc.path.clone() {
                Some(path) => self.save_to(ctx, &path),
                None => self.choose_path(ctx, PathPurpose::SaveAs),
            },
            Action::SaveAs => self.choose_path(ctx, PathPurpose::SaveAs),
            Action::Export => self.dialog = Some(Dialog::Export(self.export_options.clone())),
            Action::CopyImage => self.copy_image(ctx),
            Action::Quit => self.guard(ctx, Pending::Quit),
            Action::Undo => {
                let name = self.doc.history.undo_name().cloned();
                let done = self.doc.undo();
                self.status = match name.filter(|_| done) {
                    Some(name) => strings::undone_step(&name),
                    None => strings::undo_status(done).to_owned(),
                };
                self.toast = None;
                self.validate_selection();
            }
            Action::Redo => {
                let name = self.doc.history.redo_name().cloned();
                let done = self.doc.redo();
                self.status = match name.filter(|_| done) {
                    Some(name) => strings::redone_step(&name),
                    None => strings::redo_status(done).to_owned(),
                };
                self.validate_selection();
            }
            Action::ToggleInspector => {
                self.ui_prefs.inspector = !self.ui_prefs.inspector;
                prefs::save(self.config_dir.as_deref(), UI_PREFS, &self.ui_prefs);
            }
            Action::Present => {
                self.presenting = !self.presenting;
                self.canvas.set_presenting(self.presenting);
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(self.presenting));
                self.toast = self.presenting.then(|| Toast {
                    text: strings::presenting_hint().to_owned(),
                    undo: false,
                    since: None,
                });
            }
            Action::Delete => {
                self.toast = deleted_toast(self.doc.map(), self.selection).map(|text| Toast {
                    text,
                    undo: true,
                    since: None,
                });
                let edit = match self.selection {
                    Selection::None => None,
                    Selection::Card(id) => Some(Edit::RemoveCard(id)),
                    Selection::Stage(id) => Some(Edit::RemoveStage(id)),
                    Selection::Lane(id) => Some(Edit::RemoveLane(id)),
                    Selection::Action(id) => Some(Edit::RemoveAction(id)),
                    Selection::Phase(id) => {
                        let map = self.doc.map();
                        let phases = map.phases.iter().filter(|p| p.id != id).cloned();
                        Some(Edit::SetPhases(phases.collect()))
                    }
                    Selection::Fork(id) => {
                        let map = self.doc.map();
                        let forks = map.forks.iter().filter(|f| f.id != id).cloned();
                        Some(Edit::SetForks(forks.collect()))
                    }
                };
                if let Some(edit) = edit {
                    self.handle(ctx, Request::Edit(edit, None));
                    self.selection = Selection::None;
                }
            }
            Action::Rename => {
                let map = self.doc.map();
                match self.selection {
                    // An action is renamed in the inspector or the table, a decision's
                    // question in the inspector.
                    Selection::None | Selection::Action(_) | Selection::Fork(_) => {}
                    Selection::Phase(id) => {
                        if let Some(phase) = map.phase(id) {
                            self.canvas.rename_phase(id, &phase.name);
                        }
                    }
                    Selection::Card(id) => {
                        if let Some(card) = map.card(id) {
                            self.canvas.rename_card(id, &card.title);
                        }
                    }
                    Selection::Stage(id) => {
                        if let Some(stage) = map.stage(id) {
                            self.canvas.rename_stage(id, &stage.name);
                        }
                    }
                    Selection::Lane(id) => {
                        if let Some(lane) = map.lane(id) {
                            self.canvas.rename_lane(id, &lane.name);
                        }
                    }
                }
            }
            Action::Duplicate => {
                if let Some((edit, copy)) = duplicate(&self.doc, self.selection) {
                    self.handle(ctx, Request::Edit(edit, None));
                    self.selection = copy;
                }
            }
            Action::AddStage => {
                let after = match self.selection {
                    Selection::Stage(id) => Some(id),
                    _ => None,
                };
                let edit = canvas::new_stage(&self.doc, after);
                if let Edit::InsertStage { stage, .. } = &edit {
                    // Added, shown and named in place: one undo step.
                    let (id, name) = (stage.id, stage.name.clone());
                    let key = MergeKey("add stage", id.0);
                    self.doc.history.seal();
                    self.handle(ctx, Request::Edit(edit, Some(key)));
                    self.canvas.reveal_stage(&self.doc, &self.view, id);
                    self.canvas.rename_stage(id, &name);
                    self.canvas.name_new(key);
                    self.selection = Selection::Stage(id);
                }
            }
            Action::AddLane => {
                let after = match self.selection {
                    Selection::Lane(id) => Some(id),
                    _ => None,
                };
                let edit = canvas::new_lane(&self.doc, after);
                if let Edit::InsertLane { lane, .. } = &edit {
                    let (id, name) = (lane.id, lane.name.clone());
                    let key = MergeKey("add lane", id.0);
                    self.doc.history.seal();
                    self.handle(ctx, Request::Edit(edit, Some(key)));
                    self.canvas.reveal_lane(&self.doc, &self.view, id);
                    self.canvas.rename_lane(id, &name);
                    self.canvas.name_new(key);
                    self.selection = Selection::Lane(id);
                }
            }
            Action::AddPhase => {
                let stage = match self.selection {
                    Selection::Stage(id) => Some(id),
                    _ => None,
                };
                if let Some((edit, id)) = super::phases::new_phase(self.doc.map(), stage) {
                    let key = MergeKey("add phase", id.0);
                    self.doc.history.seal();
                    self.handle(ctx, Request::Edit(edit, Some(key)));
                    if let Some(phase) = self.doc.map().phase(id) {
                        self.canvas.rename_phase(id, &phase.name);
                        self.canvas.name_new(key);
                    }
                    self.selection = Selection::Phase(id);
                }
            }
            Action::AddFork => {
                let stage = match self.selection {
                    Selection::Stage(id) => Some(id),
                    _ => None,
                };
                let map = self.doc.map();
                if let Some((edit, id)) = super::phases::new_fork(map, self.view.journey, stage) {
                    self.handle(ctx, Request::Edit(edit, None));
                    self.selection = Selection::Fork(id);
                }
            }
            // Zoom acts on what is shown: the roadmap board, or the journey.
            Action::FitMap if self.screen == Screen::Roadmap => self.board.request_fit(),
            Action::ZoomIn if self.screen == Screen::Roadmap => self.board.zoom_by(1.25),
            Action::ZoomOut if self.screen == Screen::Roadmap => self.board.zoom_by(0.8),
            Action::ZoomReset if self.screen == Screen::Roadmap => self.board.zoom_reset(),
            Action::FitMap => self.canvas.request_fit(),
            Action::ZoomIn => self.canvas.zoom_by(1.25),
            Action::ZoomOut => self.canvas.zoom_by(0.8),
            Action::ZoomReset => self.canvas.zoom_reset(),
            Action::ToggleGap => self.gap_open = !self.gap_open,
            Action::ChoosePicture => self.choose_path(ctx, dialogs::PathPurpose::Picture),
            Action::TurnIntoAction => {
                if let Selection::Card(id) = self.selection
                    && let Some(edit) = super::roadmap::action_from_card(self.doc.map(), id)
                {
                    let Edit::InsertAction { action, .. } = &edit else {
                        unreachable!("an action from a card is an InsertAction")
                    };
                    let id = action.id;
                    self.handle(ctx, Request::Edit(edit, None));
                    self.selection = Selection::Action(id);
                }
            }
            Action::NewAction => {
                let edit = super::roadmap::new_action(self.doc.map(), self.selection);
                if let Edit::InsertAction { action, .. } = &edit {
                    let id = action.id;
                    self.handle(ctx, Request::Edit(edit, None));
                    self.selection = Selection::Action(id);
                }
            }
            Action::ShowOnJourney => {
                if let Selection::Action(id) = self.selection {
                    self.show_on_journey(id);
                }
            }
        }
    }

    /// From an action to the journey: its card selected, the cards it addresses ringed, its
    /// stage in view.
    fn show_on_journey(&mut self, id: ActionId) {
        let map = self.doc.map();
        let Some(action) = map.action(id) else {
            return;
        };
        let card = action.card.and_then(|c| map.card(c));
        let journey = card
            .or_else(|| action.addresses.first().and_then(|c| map.card(*c)))
            .map(|c| c.journey);
        if let Some(journey) = journey {
            self.view = View {
                journey,
                compare: None,
            };
        }
        let stage = card
            .map(|c| c.stage)
            .or_else(|| action.stages.first().copied());
        self.screen = Screen::Journey;
        self.selection = match (card, stage) {
            (Some(card), _) => Selection::Card(card.id),
            (None, Some(stage)) => Selection::Stage(stage),
            (None, None) => Selection::None,
        };
        self.highlight = Some(id);
        if let Some(stage) = stage {
            self.canvas.reveal_stage(&self.doc, &self.view, stage);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = strings::window_title(&self.doc.name(), self.doc.is_dirty());
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }
}

impl eframe::App for TrayectoApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

fn action_item(ui: &mut Ui, action: Action, enabled: bool, out: &mut Vec<Request>) {
    if ui.add_enabled(enabled, action.button(ui.ctx())).clicked() {
        out.push(Request::Action(action));
    }
}

/// The edit that duplicates the selection, and what to select afterwards.
fn duplicate(doc: &Document, selection: Selection) -> Option<(Edit, Selection)> {
    let map = doc.map();
    // Copies of the cards that `keep` picks, with fresh ids, moved by `restage`, appended.
    let copy_cards = |keep: &dyn Fn(&crate::model::Card) -> bool,
                      restage: &dyn Fn(&mut crate::model::Card)| {
        let copies: Vec<_> = map.cards.iter().filter(|c| keep(c)).cloned().collect();
        let ids = map.new_card_ids(copies.len());
        copies
            .into_iter()
            .zip(ids)
            .enumerate()
            .map(|(i, (mut card, id))| {
                card.id = id;
                restage(&mut card);
                (map.cards.len() + i, card)
            })
            .collect::<Vec<_>>()
    };
    match selection {
        // A phase is regrouped rather than copied; a decision is added afresh.
        Selection::None | Selection::Phase(_) | Selection::Fork(_) => None,
        Selection::Action(id) => {
            let index = map.action_index(id)?;
            let mut action = map.actions[index].clone();
            action.id = map.new_action_id();
            // The copy is its own action: the card stays with the original.
            action.card = None;
            let copy = action.id;
            Some((
                Edit::InsertAction {
                    index: index + 1,
                    action,
                },
                Selection::Action(copy),
            ))
        }
        Selection::Card(id) => {
            let position = map.card_index(id)?;
            let mut card = map.cards[position].clone();
            card.id = map.new_card_id();
            let copy = card.id;
            Some((
                Edit::InsertCard {
                    position: position + 1,
                    card,
                },
                Selection::Card(copy),
            ))
        }
        Selection::Stage(id) => {
            let index = map.stage_index(id)?;
            let mut stage = map.stages[index].clone();
            stage.id = map.new_stage_id();
            let new_id = stage.id;
            // The copy takes the cards of every journey and their curve points; KPIs measure
            // one stage and stay with it.
            let cards = copy_cards(&|c| c.stage == id, &|c| c.stage = new_id);
            let curve = map
                .journeys
                .iter()
                .filter_map(|j| Some((j.id, *j.curve.get(&id)?)))
                .collect();
            Some((
                Edit::InsertStage {
                    index: index + 1,
                    stage,
                    cards,
                    kpis: Vec::new(),
                    curve,
                },
                Selection::Stage(new_id),
            ))
        }
        Selection::Lane(id) => {
            let index = map.lane_index(id)?;
            let mut lane = map.lanes[index].clone();
            lane.id = map.new_lane_id();
            let new_id = lane.id;
            let cards = copy_cards(&|c| c.lane == id, &|c| c.lane = new_id);
            Some((
                Edit::InsertLane {
                    index: index + 1,
                    lane,
                    cards,
                },
                Selection::Lane(new_id),
            ))
        }
    }
}

/// The language last chosen in the View menu, if any.
pub fn remembered_language(config_dir: Option<&std::path::Path>) -> Option<crate::i18n::Lang> {
    prefs::load(config_dir, LANGUAGE_PREFS)
}

/// What the toast says after deleting the selection: what went, with how many cards.
fn deleted_toast(map: &crate::model::Map, selection: Selection) -> Option<String> {
    let (key, name, cards) = match selection {
        Selection::None => return None,
        Selection::Card(id) => ("deleted-card", map.card(id)?.title.clone(), 0),
        Selection::Stage(id) => (
            "deleted-stage",
            map.stage(id)?.name.clone(),
            map.cards.iter().filter(|c| c.stage == id).count(),
        ),
        Selection::Lane(id) => (
            "deleted-lane",
            map.lane(id)?.name.clone(),
            map.cards.iter().filter(|c| c.lane == id).count(),
        ),
        Selection::Action(id) => ("deleted-action", map.action(id)?.title.clone(), 0),
        Selection::Phase(id) => ("deleted-phase", map.phase(id)?.name.clone(), 0),
        Selection::Fork(id) => ("deleted-decision", map.fork(id)?.question.clone(), 0),
    };
    Some(strings::deleted_toast(key, &name, cards))
}
