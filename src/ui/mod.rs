//! The editor window: a thin layer that turns input into [`crate::edit::Edit`]s and commands.

mod actions;
mod app;
mod canvas;
mod dialogs;
mod inspector;
mod prefs;
mod probe;
mod recent;
mod widgets;

pub use actions::Action;
pub use app::{AppOptions, Selection, TrayectoApp};
pub use dialogs::{Dialog, native_dialogs_likely};

/// A change the UI asks for; the app applies them after the frame, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    Edit(crate::edit::Edit, Option<crate::history::MergeKey>),
    /// The current gesture (typing in one field, one drag) is over: next edit is a new step.
    Seal,
    Select(Selection),
    Action(Action),
    /// A message for the status bar.
    Notify(String),
}

/// Look and feel shared by the window, the UI tests and the benchmarks.
pub fn install_style(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.global_style_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.interaction.tooltip_delay = 0.4;
    });
}
