//! Named commands. Menus and keyboard shortcuts both produce an [`Action`], so they never drift
//! apart, and the menu shows each action's shortcut.

use crate::strings;
use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    New,
    Open,
    Export,
    CopyImage,
    Save,
    SaveAs,
    Quit,
    Undo,
    Redo,
    Delete,
    Duplicate,
    Rename,
    AddStage,
    AddLane,
    /// A phase over the selected stage.
    AddPhase,
    /// A decision at the selected stage of the shown journey.
    AddFork,
    FitMap,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    /// Show or hide the gap panel.
    ToggleGap,
    /// Show or hide the inspector.
    ToggleInspector,
    /// Enter or leave presentation mode.
    Present,
    /// Pick a picture for the shown persona.
    ChoosePicture,
    /// Make the selected opportunity card an action.
    TurnIntoAction,
    /// An action with no card yet (from the roadmap or the table).
    NewAction,
    /// Go from the selected action to its card and stage on the journey.
    ShowOnJourney,
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// Every shortcut; those with more modifiers come first, because egui also matches
/// Ctrl+Shift+Z against a Ctrl+Z pattern.
const SHORTCUTS: &[(Modifiers, Key, Action)] = &[
    (CMD_SHIFT, Key::S, Action::SaveAs),
    (CMD_SHIFT, Key::C, Action::CopyImage),
    (CMD_SHIFT, Key::Z, Action::Redo),
    (CMD, Key::N, Action::New),
    (CMD, Key::O, Action::Open),
    (CMD, Key::E, Action::Export),
    (CMD, Key::S, Action::Save),
    (CMD, Key::Q, Action::Quit),
    (CMD, Key::Z, Action::Undo),
    (CMD, Key::Y, Action::Redo),
    (CMD, Key::D, Action::Duplicate),
    (CMD, Key::Num0, Action::FitMap),
    (CMD, Key::Num1, Action::ZoomReset),
    (CMD, Key::G, Action::ToggleGap),
    (CMD, Key::I, Action::ToggleInspector),
    (Modifiers::NONE, Key::F5, Action::Present),
    (CMD, Key::Plus, Action::ZoomIn),
    (CMD, Key::Equals, Action::ZoomIn),
    (CMD, Key::Minus, Action::ZoomOut),
    (Modifiers::NONE, Key::F2, Action::Rename),
    (Modifiers::NONE, Key::Delete, Action::Delete),
    (Modifiers::NONE, Key::Backspace, Action::Delete),
];

impl Action {
    pub fn label(self) -> &'static str {
        match self {
            Action::New => strings::new_blank(),
            Action::Open => strings::open(),
            Action::Export => strings::export_menu(),
            Action::CopyImage => strings::copy_image(),
            Action::Save => strings::save(),
            Action::SaveAs => strings::save_as(),
            Action::Quit => strings::quit(),
            Action::Undo => strings::undo(),
            Action::Redo => strings::redo(),
            Action::Delete => strings::delete(),
            Action::Duplicate => strings::duplicate(),
            Action::Rename => strings::rename(),
            Action::AddStage => strings::add_stage(),
            Action::AddLane => strings::add_lane(),
            Action::AddPhase => strings::add_phase(),
            Action::AddFork => strings::add_fork(),
            Action::FitMap => strings::fit_map(),
            Action::ZoomIn => strings::zoom_in(),
            Action::ZoomOut => strings::zoom_out(),
            Action::ZoomReset => strings::zoom_reset(),
            Action::ToggleGap => strings::gap_panel(),
            Action::ToggleInspector => strings::inspector_panel(),
            Action::Present => strings::present(),
            Action::ChoosePicture => strings::choose_picture(),
            Action::TurnIntoAction => strings::turn_into_action(),
            Action::NewAction => strings::new_action(),
            Action::ShowOnJourney => strings::show_on_journey(),
        }
    }

    /// The first shortcut of an action, for menus.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        SHORTCUTS
            .iter()
            .find(|(_, _, a)| *a == self)
            .map(|&(m, k, _)| KeyboardShortcut::new(m, k))
    }

    /// A button for the action with its shortcut as a hint, unless the hint would only repeat
    /// the label (Delete: "Delete").
    pub fn button(self, ctx: &egui::Context) -> egui::Button<'static> {
        let button = egui::Button::new(self.label());
        match self.shortcut().map(|s| shortcut_text(ctx, &s)) {
            Some(hint) if hint != self.label() => button.shortcut_text(hint),
            _ => button,
        }
    }

    /// A button for the action under another label (e.g. "Undo move card …"), with its
    /// shortcut.
    pub fn button_labelled(self, ctx: &egui::Context, label: String) -> egui::Button<'static> {
        let button = egui::Button::new(label);
        match self.shortcut().map(|s| shortcut_text(ctx, &s)) {
            Some(hint) => button.shortcut_text(hint),
            None => button,
        }
    }

    /// Actions whose keys a focused text field needs for itself (its own undo, Delete…).
    fn yields_to_text_fields(self) -> bool {
        matches!(
            self,
            Action::Undo | Action::Redo | Action::Delete | Action::Duplicate | Action::Rename
        )
    }

    /// Takes the shortcuts pressed this frame out of the input and returns their actions.
    pub fn from_shortcuts(ctx: &egui::Context) -> Vec<Action> {
        let typing = ctx.egui_wants_keyboard_input();
        let mut actions = Vec::new();
        ctx.input_mut(|input| {
            for &(modifiers, key, action) in SHORTCUTS {
                if typing && action.yields_to_text_fields() {
                    continue;
                }
                if input.consume_shortcut(&KeyboardShortcut::new(modifiers, key)) {
                    actions.push(action);
                }
            }
        });
        actions
    }
}

/// A shortcut as the keyboard says it, in the current language: "Ctrl+Mayús+S", "Supr". A Mac
/// shows its symbols, which need no words.
pub fn shortcut_text(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    if ctx.os().is_mac() {
        return ctx.format_shortcut(shortcut);
    }
    let m = shortcut.modifiers;
    let mut parts: Vec<&str> = Vec::with_capacity(4);
    if m.ctrl || m.command {
        parts.push(strings::key_ctrl());
    }
    if m.alt {
        parts.push(strings::key_alt());
    }
    if m.shift {
        parts.push(strings::key_shift());
    }
    parts.push(match shortcut.logical_key {
        Key::Delete => strings::key_delete(),
        Key::Backspace => strings::key_backspace(),
        Key::Enter => strings::key_enter(),
        Key::Escape => strings::key_escape(),
        other => other.symbol_or_name(),
    });
    parts.join("+")
}
