//! The editor window: a thin layer that turns input into [`crate::edit::Edit`]s and commands.

mod action_table;
mod app;
mod board;
mod canvas;
mod command;
mod dialogs;
mod gap;
mod inspector;
mod journeys;
mod phases;
mod pictures;
mod prefs;
mod probe;
mod recent;
mod roadmap;
mod room;
mod widgets;

pub use crate::paint::install_style;
pub use action_table::SortBy;
pub use app::remembered_language;
pub use app::{AppOptions, Screen, Selection, TextSize, TrayectoApp};
pub use command::Command;
pub use dialogs::{Dialog, native_dialogs_likely};
pub use room::Waiting;
