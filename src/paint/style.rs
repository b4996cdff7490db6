//! The look shared by the window, every export, the UI tests and the benchmarks: fonts and
//! spacing.

/// The fonts every drawing uses: the bundled face plus a small fallback with the symbols it
/// lacks (see assets/fonts). The PDF export embeds the same faces.
pub fn font_definitions() -> egui::FontDefinitions {
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
    fonts
}

fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
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
