//! The parts the window's state is made of, each with one concern: what is shown, the open
//! dialogs, the remembered preferences, the open file on disk, and what the window tells the
//! person. None of it is saved in the map.

use super::super::Command;
use super::super::action_table::ActionTable;
use super::super::board::BoardView;
use super::super::canvas::Canvas;
use super::super::dialogs::{Dialog, NativeDialog};
use super::super::inspector::Inspector;
use super::super::prefs;
use super::super::recent::Recent;
use crate::export::ExportOptions;
use crate::i18n::{Lang, strings};
use crate::model::{ActionId, CardId, LaneId, StageId};
use crate::recovery::Autosave;
use crate::view::View;
use crate::watch::Watcher;
use std::path::{Path, PathBuf};

/// Where the last export choices are kept, in the config folder.
pub(super) const EXPORT_PREFS: &str = "export.ron";
pub(super) const LANGUAGE_PREFS: &str = "language.ron";
pub(super) const UI_PREFS: &str = "ui.ron";

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

    pub(super) fn label(self) -> &'static str {
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
pub(super) struct UiPrefs {
    pub inspector: bool,
    pub text_size: TextSize,
}

impl Default for UiPrefs {
    fn default() -> Self {
        Self {
            inspector: true,
            text_size: TextSize::Normal,
        }
    }
}

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

/// What is shown of the map and what is picked in it.
pub(super) struct Shown {
    /// Which journey is shown (and edited), and whether the target's curve is laid over it.
    pub view: View,
    pub screen: Screen,
    pub selection: Selection,
    /// An action whose card and addressed cards are ringed on the journey.
    pub highlight: Option<ActionId>,
    /// The gap panel under the canvas is open.
    pub gap_open: bool,
    /// The gap panel ranks stages by the room's dots rather than by the gap.
    pub gap_by_votes: bool,
    /// Presentation mode: full screen, canvas only.
    pub presenting: bool,
}

impl Shown {
    pub fn new(view: View) -> Self {
        Self {
            view,
            screen: Screen::Journey,
            selection: Selection::None,
            highlight: None,
            gap_open: false,
            gap_by_votes: false,
            presenting: false,
        }
    }
}

/// The panels that draw the map and keep their own view state (zoom, scroll, sort order).
#[derive(Default)]
pub(super) struct Panels {
    pub canvas: Canvas,
    pub board: BoardView,
    pub table: ActionTable,
    pub inspector: Inspector,
}

/// The modal dialog, a native file picker, and what waits on a save.
pub(super) struct Dialogs {
    pub open: Option<Dialog>,
    pub native: Option<NativeDialog>,
    /// Try native file dialogs before asking for a typed path.
    pub native_available: bool,
    /// What to do after the save that the unsaved-changes prompt asked for.
    pub after_save: Option<Command>,
}

/// What the window remembers between sessions, and where.
pub(super) struct Prefs {
    pub config_dir: Option<PathBuf>,
    pub recent: Recent,
    /// The last export choices.
    pub export: ExportOptions,
    pub ui: UiPrefs,
    /// The language the window speaks; each frame starts by speaking it.
    pub lang: Lang,
    /// The text size last applied to the window.
    pub applied_text_size: Option<TextSize>,
}

impl Prefs {
    pub fn load(config_dir: Option<PathBuf>) -> Self {
        Self {
            recent: Recent::load(config_dir.as_deref()),
            export: prefs::load(config_dir.as_deref(), EXPORT_PREFS).unwrap_or_default(),
            ui: prefs::load(config_dir.as_deref(), UI_PREFS).unwrap_or_default(),
            lang: crate::i18n::current(),
            applied_text_size: None,
            config_dir,
        }
    }

    pub fn save_ui(&self) {
        prefs::save(self.config_dir.as_deref(), UI_PREFS, &self.ui);
    }

    pub fn save_export(&mut self, options: ExportOptions) {
        prefs::save(self.config_dir.as_deref(), EXPORT_PREFS, &options);
        self.export = options;
    }

    pub fn save_language(&mut self, lang: Lang) {
        self.lang = lang;
        prefs::save(self.config_dir.as_deref(), LANGUAGE_PREFS, &lang);
    }
}

/// The open map's life on disk: its autosave journal, and the watch on its file.
pub(super) struct Disk {
    pub autosave: Autosave,
    /// Where journals live; `None` switches autosave and crash recovery off.
    pub data_dir: Option<PathBuf>,
    pub watch_files: bool,
    /// Watches `watched` (the open file), when watching is on.
    pub watcher: Option<Watcher>,
    pub watched: Option<PathBuf>,
    /// The open file was found deleted or moved.
    pub file_missing: bool,
    /// The file changed while it was being read: look at it again after.
    pub look_again: bool,
}

impl Disk {
    pub fn new(data_dir: Option<PathBuf>, watch_files: bool) -> Self {
        Self {
            autosave: Autosave::new(data_dir.clone()),
            data_dir,
            watch_files,
            watcher: None,
            watched: None,
            file_missing: false,
            look_again: false,
        }
    }
}

/// A message over the canvas for a few seconds, maybe with an Undo button.
pub(super) struct Toast {
    pub text: String,
    /// What its Undo button does, when it has one: the history's undo, or another way back.
    pub undo: Option<Command>,
    /// When it first showed (egui time); `None` until then.
    pub since: Option<f64>,
}

impl Toast {
    pub fn new(text: String, undo: bool) -> Self {
        Self::undone_by(text, undo.then_some(Command::Undo))
    }

    /// A toast whose Undo button runs `undo`.
    pub fn undone_by(text: String, undo: Option<Command>) -> Self {
        Self {
            text,
            undo,
            since: None,
        }
    }
}

/// What the window tells the person: the status bar, a toast, the window's title.
#[derive(Default)]
pub(super) struct Messages {
    pub status: String,
    pub toast: Option<Toast>,
    /// The title last sent to the window.
    pub shown_title: String,
}

/// The automation probe: after each frame that changes them, the labelled canvas widgets and
/// their rects (window pixels) go to this file, one `x0 y0 x1 y1<TAB>label` line each.
#[derive(Default)]
pub(super) struct Probe {
    pub path: Option<PathBuf>,
    pub last: String,
}

impl Probe {
    pub fn file(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}
