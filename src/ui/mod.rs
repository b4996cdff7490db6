//! The editor window: a thin layer that turns input into [`crate::edit::Edit`]s and commands.

mod action_table;
mod actions;
mod app;
mod board;
mod canvas;
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
mod widgets;

pub use action_table::SortBy;
pub use actions::Action;
pub use app::remembered_language;
pub use app::{AppOptions, Screen, Selection, TextSize, TrayectoApp};
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
    /// Show another journey, or the overlay.
    View(crate::view::View),
    /// Select something and bring it into view on the canvas.
    Focus(Selection),
    /// Show the journey canvas, the roadmap board or the action table.
    Screen(Screen),
    /// Speak another language from now on (and remember it).
    Language(crate::i18n::Lang),
    /// Show the window's words smaller or larger (and remember it).
    TextSize(app::TextSize),
}

/// The bundled face plus a small fallback with the symbols it lacks (see assets/fonts).
fn install_fonts(ctx: &egui::Context) {
    const SYMBOLS: &[u8] = include_bytes!("../../assets/fonts/symbols.ttf");
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "trayecto-symbols".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(SYMBOLS)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("trayecto-symbols".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Look and feel shared by the window, the UI tests and the benchmarks.
pub fn install_style(ctx: &egui::Context) {
    egui_extras::install_image_loaders(ctx);
    install_fonts(ctx);
    ctx.set_theme(egui::Theme::Light);
    ctx.global_style_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.interaction.tooltip_delay = 0.4;
    });
}
