//! The look shared by the window, every export, the UI tests and the benchmarks: fonts and
//! spacing.

/// The fonts every drawing uses: the bundled face, a small fallback with the symbols it lacks,
/// then egui's monochrome emoji faces, so a 😀 typed into a card is drawn rather than a box
/// (see assets/fonts). The PDF export embeds the same faces.
pub fn font_definitions() -> egui::FontDefinitions {
    const SYMBOLS: &[u8] = include_bytes!("../../assets/fonts/symbols.ttf");
    const EMOJI: &str = "NotoEmoji-Regular";
    let mut fonts = egui::FontDefinitions::default();
    debug_assert!(fonts.font_data.contains_key(EMOJI), "egui's emoji faces");
    fonts.font_data.insert(
        "trayecto-symbols".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(SYMBOLS)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let faces = fonts.families.entry(family).or_default();
        // Before the emoji faces: an arrow or a check mark keeps its plain, text-like shape.
        let at = faces.iter().position(|f| f == EMOJI).unwrap_or(faces.len());
        faces.insert(at, "trayecto-symbols".to_owned());
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
