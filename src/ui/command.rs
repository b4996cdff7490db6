//! The command queue's one type. Menus and keyboard shortcuts name the same [`Command`], so
//! they never drift apart, and the menu shows each command's shortcut.

use super::{Screen, Selection, TextSize};
use crate::edit::Edit;
use crate::export::ExportOptions;
use crate::history::MergeKey;
use crate::i18n::{Lang, strings};
use crate::recovery::Entry;
use crate::view::View;
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// Everything the window can be asked to do. Menus, shortcuts, panels, the canvas and dialogs
/// push commands; the app applies them after the frame, in order, in one place
/// (`TrayectoApp::apply`). The named ones at the top have a label (and maybe a shortcut) for
/// menus and buttons.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A new map from a built-in template ([`Command::NEW`] is the blank one).
    NewFrom(&'static str),
    /// Pick a map file to open.
    Open,
    /// Open this map file.
    OpenFile(PathBuf),
    /// Offer the maps that a crashed editor left unsaved.
    OfferRecovery,
    ClearRecent,
    Export,
    CopyImage,
    /// Pick a file to write the map to in another tool's format (by the format's id).
    ExportMap(&'static str),
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
    /// Open the workshop room on the local network.
    OpenRoom,
    /// Close the workshop room: every phone's connection ends.
    CloseRoom,
    /// Show or hide the room's panel.
    ToggleRoomPanel,
    /// Take every dot off the cards (one undo step).
    ClearVotes,
    /// The room shows the journey on screen from now on.
    RoomShowsThisJourney,

    /// Change the map, merged into the last undo step when the key matches.
    Edit(Edit, Option<MergeKey>),
    /// The current gesture (typing in one field, one drag) is over: next edit is a new step.
    Seal,
    Select(Selection),
    /// Select something and bring it into view on the canvas.
    Focus(Selection),
    /// A message for the status bar.
    Notify(String),
    /// Show another journey, or the overlay.
    View(View),
    /// Show the journey canvas, the roadmap board or the action table.
    Screen(Screen),
    /// Speak another language from now on (and remember it).
    Language(Lang),
    /// Show the window's words smaller or larger (and remember it).
    TextSize(TextSize),

    /// Save the map where it is (or where the person says), then carry on with the command:
    /// the unsaved-changes prompt's "Save".
    SaveThen(Box<Command>),
    /// Carry out a command that would ask about unsaved changes, without asking: they were
    /// saved or given up on purpose.
    Unguarded(Box<Command>),
    /// A dialog went away unanswered: what waited on it is off.
    Cancel,
    /// Save the map to this file.
    SaveTo(PathBuf),
    /// Export an image of this drawing to this file.
    ExportTo(PathBuf, crate::export::Drawing),
    /// Write the map to this file in the format its extension names.
    ExportMapTo(PathBuf),
    /// Give the shown persona this picture.
    SetPicture(PathBuf),
    /// Remember these export choices, then ask where to export this drawing.
    ExportWith(ExportOptions, crate::export::Drawing),
    /// Remember these export choices, then copy an image of this drawing.
    CopyImageWith(ExportOptions, crate::export::Drawing),
    /// Bring back a map from its autosave journal.
    Restore(Box<Entry>),
    /// Throw this journal away; the others stay offered.
    DiscardJournal(Box<Entry>),
    /// The file changed on disk: overwrite it with this map.
    KeepMine,
    /// The file changed on disk: take its content (this map's edits stay undoable).
    TakeTheirs,
    /// Rank the gap panel's stages by the room's dots (or by the gap).
    GapByVotes(bool),
    /// Put a note from the room's inbox on the map as a card.
    AcceptNote(u64),
    /// Drop a note from the room's inbox.
    DropNote(u64),
    /// Put a dropped note back in the inbox (the Undo of dropping it).
    BringBackNote(Box<super::room::Waiting>),
    /// Put every note of the inbox on the map (one undo step), then carry on with the command
    /// (which asks about the unsaved map).
    AcceptAllNotesThen(Box<Command>),
    /// Drop every note of the inbox, then carry on with the command.
    DropAllNotesThen(Box<Command>),
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// Every shortcut; those with more modifiers come first, because egui also matches
/// Ctrl+Shift+Z against a Ctrl+Z pattern.
const SHORTCUTS: &[(Modifiers, Key, Command)] = &[
    (CMD_SHIFT, Key::S, Command::SaveAs),
    (CMD_SHIFT, Key::C, Command::CopyImage),
    (CMD_SHIFT, Key::Z, Command::Redo),
    (CMD, Key::N, Command::NEW),
    (CMD, Key::O, Command::Open),
    (CMD, Key::E, Command::Export),
    (CMD, Key::S, Command::Save),
    (CMD, Key::Q, Command::Quit),
    (CMD, Key::Z, Command::Undo),
    (CMD, Key::Y, Command::Redo),
    (CMD, Key::D, Command::Duplicate),
    (CMD, Key::Num0, Command::FitMap),
    (CMD, Key::Num1, Command::ZoomReset),
    (CMD, Key::G, Command::ToggleGap),
    (CMD, Key::I, Command::ToggleInspector),
    (Modifiers::NONE, Key::F5, Command::Present),
    (CMD, Key::Plus, Command::ZoomIn),
    (CMD, Key::Equals, Command::ZoomIn),
    (CMD, Key::Minus, Command::ZoomOut),
    (Modifiers::NONE, Key::F2, Command::Rename),
    (Modifiers::NONE, Key::Delete, Command::Delete),
    (Modifiers::NONE, Key::Backspace, Command::Delete),
];

impl Command {
    /// A new blank map.
    pub const NEW: Command = Command::NewFrom(crate::templates::BLANK);

    /// Whether the command would replace or close the map, so unsaved changes are asked
    /// about first.
    pub fn needs_saved_map(&self) -> bool {
        matches!(
            self,
            Command::NewFrom(_)
                | Command::Open
                | Command::OpenFile(_)
                | Command::Quit
                | Command::Restore(_)
        )
    }

    /// The command's name in menus and on buttons; `None` for those that have none (they are
    /// pushed by panels and dialogs, not chosen from a menu).
    pub fn name(&self) -> Option<&'static str> {
        Some(match self {
            Command::NewFrom(_) => strings::new_blank(),
            Command::Open => strings::open(),
            Command::OfferRecovery => strings::recover_menu(),
            Command::ClearRecent => strings::clear_recent(),
            Command::Export => strings::export_menu(),
            Command::CopyImage => strings::copy_image(),
            Command::ExportMap(id) => {
                crate::format::by_id(id).map_or("", |f| crate::i18n::tr(f.export_key))
            }
            Command::Save => strings::save(),
            Command::SaveAs => strings::save_as(),
            Command::Quit => strings::quit(),
            Command::Undo => strings::undo(),
            Command::Redo => strings::redo(),
            Command::Delete => strings::delete(),
            Command::Duplicate => strings::duplicate(),
            Command::Rename => strings::rename(),
            Command::AddStage => strings::add_stage(),
            Command::AddLane => strings::add_lane(),
            Command::AddPhase => strings::add_phase(),
            Command::AddFork => strings::add_fork(),
            Command::FitMap => strings::fit_map(),
            Command::ZoomIn => strings::zoom_in(),
            Command::ZoomOut => strings::zoom_out(),
            Command::ZoomReset => strings::zoom_reset(),
            Command::ToggleGap => strings::gap_panel(),
            Command::ToggleInspector => strings::inspector_panel(),
            Command::Present => strings::present(),
            Command::ChoosePicture => strings::choose_picture(),
            Command::TurnIntoAction => strings::turn_into_action(),
            Command::NewAction => strings::new_action(),
            Command::ShowOnJourney => strings::show_on_journey(),
            Command::OpenRoom => crate::i18n::tr("room-open"),
            Command::CloseRoom => crate::i18n::tr("room-close"),
            Command::ToggleRoomPanel => crate::i18n::tr("room-panel-menu"),
            Command::ClearVotes => crate::i18n::tr("room-clear-votes"),
            Command::RoomShowsThisJourney => crate::i18n::tr("room-show-this-journey"),
            _ => return None,
        })
    }

    /// The command's name; panics for a command without one (a programming error: only named
    /// commands go into menus).
    pub fn label(&self) -> &'static str {
        self.name().expect("a command in a menu has a name")
    }

    /// The first shortcut of a command, for menus.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        SHORTCUTS
            .iter()
            .find(|(_, _, c)| c == self)
            .map(|&(m, k, _)| KeyboardShortcut::new(m, k))
    }

    /// A button for the command with its shortcut as a hint, unless the hint would only repeat
    /// the label (Delete: "Delete").
    pub fn button(&self, ctx: &egui::Context) -> egui::Button<'static> {
        let button = egui::Button::new(self.label());
        match self.shortcut().map(|s| shortcut_text(ctx, &s)) {
            Some(hint) if hint != self.label() => button.shortcut_text(hint),
            _ => button,
        }
    }

    /// A button for the command under another label (e.g. "Undo move card …"), with its
    /// shortcut.
    pub fn button_labelled(&self, ctx: &egui::Context, label: String) -> egui::Button<'static> {
        let button = egui::Button::new(label);
        match self.shortcut().map(|s| shortcut_text(ctx, &s)) {
            Some(hint) => button.shortcut_text(hint),
            None => button,
        }
    }

    /// Commands whose keys a focused text field needs for itself (its own undo, Delete…).
    fn yields_to_text_fields(&self) -> bool {
        matches!(
            self,
            Command::Undo | Command::Redo | Command::Delete | Command::Duplicate | Command::Rename
        )
    }

    /// Takes the shortcuts pressed this frame out of the input and returns their commands.
    pub fn from_shortcuts(ctx: &egui::Context) -> Vec<Command> {
        let typing = ctx.egui_wants_keyboard_input();
        let mut commands = Vec::new();
        ctx.input_mut(|input| {
            for (modifiers, key, command) in SHORTCUTS {
                if typing && command.yields_to_text_fields() {
                    continue;
                }
                if input.consume_shortcut(&KeyboardShortcut::new(*modifiers, *key)) {
                    commands.push(command.clone());
                }
            }
        });
        commands
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
