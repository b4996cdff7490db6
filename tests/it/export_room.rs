//! What exported slides show the room: KPI chips with their names whole and their values, emoji
//! drawn in the PNG and kept as text in the PDF and SVG, and a moment's "why" with the notes.

use egui::Shape;
use trayecto::export::{self, ExportOptions, ImageFormat, Scene, Subject};
use trayecto::model::{Kpi, KpiId, Map};
use trayecto::templates;

/// A text's words, one space between each (a wrapped row keeps the space it broke at).
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn svg_of(map: &Map, options: ExportOptions) -> Vec<String> {
    let options = ExportOptions {
        format: ImageFormat::Svg,
        ..options
    };
    crate::support::svg_texts(&Scene::new(&Subject::of(map), &options).to_svg())
}

#[test]
fn kpi_chips_show_each_name_whole_and_its_values() {
    trayecto::i18n::set(trayecto::i18n::Lang::Es);
    let mut map = templates::load_in("pizza", trayecto::i18n::Lang::Es).unwrap();
    let stage = map.kpis[0].stage;
    let long = "Pedidos entregados a tiempo y completos, sin una llamada a la sucursal";
    map.kpis[0].name = "Pedidos entregados a tiempo".into();
    map.kpis[0].unit = "%".into();
    map.kpis[0].current = Some(70.0);
    map.kpis[0].target = Some(95.0);
    // Two more on the same stage: they stack under it.
    let next = map.kpis.iter().map(|k| k.id.0).max().unwrap() + 1;
    map.kpis.push(Kpi {
        id: KpiId(next),
        stage,
        name: long.into(),
        unit: String::new(),
        current: Some(12.0),
        target: Some(3.0),
    });
    map.kpis.push(Kpi {
        id: KpiId(next + 1),
        stage,
        name: "Valoración en la tienda de apps".into(),
        unit: "★".into(),
        current: None,
        target: Some(4.5),
    });
    let texts = svg_of(&map, ExportOptions::default());
    let all = words(&texts.join(" "));
    for kpi in &map.kpis {
        // The name whole, wrapped over rows of its own, never cut short.
        assert!(all.contains(&kpi.name), "«{}» whole in {texts:?}", kpi.name);
        // The values on their own line: the number the room remembers.
        assert!(texts.contains(&kpi.values()), "«{}»", kpi.values());
    }
    assert!(texts.contains(&"70 → 95 %".to_owned()), "{texts:?}");
    assert!(texts.contains(&"? → 4,5 ★".to_owned()), "{texts:?}");
    let long_rows: Vec<&String> = texts
        .iter()
        .filter(|t| long.contains(t.as_str()) && t.len() > 3)
        .collect();
    assert!(long_rows.len() >= 2, "the long name wraps: {long_rows:?}");
    assert!(
        !texts
            .iter()
            .any(|t| t.ends_with('…') && (t.starts_with("Pedidos") || t.starts_with("Valoración"))),
        "no KPI name is cut: {texts:?}"
    );
    // The row grows to fit the stack: the chips do not run into the first lane.
    let layout = trayecto::layout::compute(
        &map,
        &trayecto::view::View::of(&map),
        &trayecto::layout::Style::default(),
    );
    let chips: Vec<_> = layout
        .kpi_chips()
        .iter()
        .filter(|c| c.column == 2)
        .collect();
    assert_eq!(chips.len(), 3);
    for pair in chips.windows(2) {
        assert!(pair[0].rect.bottom() < pair[1].rect.top());
    }
    assert!(chips[2].rect.bottom() < layout.grid.top());
    assert!(chips[0].bar && chips[1].bar && !chips[2].bar);
    trayecto::i18n::set(trayecto::i18n::Lang::En);
}

/// The words of a card drawn in the scene, and where (in points).
fn text_rect(scene: &Scene, text: &str) -> Option<egui::Rect> {
    fn find(shape: &Shape, text: &str) -> Option<egui::Rect> {
        match shape {
            Shape::Vec(shapes) => shapes.iter().find_map(|s| find(s, text)),
            Shape::Text(t) if t.galley.job.text == text => {
                Some(t.galley.rect.translate(t.pos.to_vec2()))
            }
            _ => None,
        }
    }
    scene.shapes.iter().find_map(|s| find(&s.shape, text))
}

/// The pixels of `rect` (points) in the PNG of `scene`, as RGBA rows.
fn pixels(scene: &Scene, rect: egui::Rect) -> Vec<[u8; 4]> {
    let mut bytes = Vec::new();
    scene.write_png(&mut bytes).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut rgba = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut rgba).unwrap();
    let s = scene.scale;
    let (x0, y0) = ((rect.left() * s) as usize, (rect.top() * s) as usize);
    let (x1, y1) = (
        (rect.right() * s).ceil() as usize,
        (rect.bottom() * s).ceil() as usize,
    );
    let mut out = Vec::new();
    for y in y0..y1.min(info.height as usize) {
        for x in x0..x1.min(info.width as usize) {
            let at = (y * info.width as usize + x) * 4;
            out.push(rgba[at..at + 4].try_into().unwrap());
        }
    }
    out
}

/// The map with its first card titled `title`, painted for a PNG.
fn with_title(title: &str) -> (Map, Scene) {
    let mut map = templates::load("pizza").unwrap();
    map.cards[0].title = title.into();
    let options = ExportOptions {
        scale: 1,
        ..ExportOptions::default()
    };
    let scene = Scene::new(&Subject::of(&map), &options);
    (map, scene)
}

#[test]
fn an_emoji_in_a_card_is_drawn_in_the_png_not_a_box() {
    let (_, grin) = with_title("😀");
    let (_, cry) = with_title("😢");
    // A character no face has: what a missing glyph looks like.
    let (_, missing) = with_title("\u{F0000}");
    let rect = text_rect(&grin, "😀").expect("the card's title is drawn");
    assert!(rect.width() > 4.0 && rect.height() > 4.0, "{rect:?}");
    let grin_px = pixels(&grin, rect);
    let ink = grin_px
        .iter()
        .filter(|p| p[3] > 0 && (p[0] as u32 + p[1] as u32 + p[2] as u32) < 3 * 160)
        .count();
    assert!(ink > 10, "the emoji has ink: {ink} dark pixels");
    assert_ne!(grin_px, pixels(&cry, rect), "two emoji, two glyphs");
    assert_ne!(grin_px, pixels(&missing, rect), "not the missing-glyph box");
    // The SVG keeps the character itself.
    let (map, _) = with_title("😀");
    assert!(svg_of(&map, ExportOptions::default()).contains(&"😀".to_owned()));
}

fn poppler(tool: &str, path: &std::path::Path) -> String {
    let output = std::process::Command::new(tool)
        .arg(path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for the PDF tests (poppler-utils): {e}"));
    assert!(output.status.success(), "{tool}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn an_emoji_in_a_card_is_real_text_in_the_pdf_with_its_face_embedded() {
    let mut map = templates::load("pizza").unwrap();
    map.cards[0].title = "Pizza ad on Instagram 😀".into();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pizza.pdf");
    let options = ExportOptions {
        format: ImageFormat::Pdf,
        ..ExportOptions::default()
    };
    export::to_file(&Subject::of(&map), &options, &path).unwrap();
    let text = poppler("pdftotext", &path);
    assert!(text.contains('😀'), "{text}");
    let fonts = poppler("pdffonts", &path);
    assert!(
        fonts.lines().any(|l| l.contains("Emoji")),
        "the emoji face is embedded: {fonts}"
    );
}

#[test]
fn with_the_cards_notes_an_export_says_why_each_moment_matters() {
    let map = templates::load("pizza").unwrap();
    let why = "Dinner is ruined and nobody checks";
    let plain = svg_of(&map, ExportOptions::default());
    assert!(
        !plain.iter().any(|t| t.contains("Dinner is ruined")),
        "{plain:?}"
    );
    let notes = svg_of(
        &map,
        ExportOptions {
            notes: true,
            ..ExportOptions::default()
        },
    );
    assert!(words(&notes.join(" ")).contains(why), "{notes:?}");
    // The card grows to hold it, under its notes.
    let card = map
        .cards
        .iter()
        .find(|c| c.title == "Receiving the wrong pizza")
        .unwrap();
    let style = |show_notes| trayecto::layout::Style {
        show_notes,
        ..trayecto::layout::Style::default()
    };
    let view = trayecto::view::View::of(&map);
    let short = trayecto::layout::compute(&map, &view, &style(false));
    let tall = trayecto::layout::compute(&map, &view, &style(true));
    let (a, b) = (
        short.card_rect(card.id).unwrap(),
        tall.card_rect(card.id).unwrap(),
    );
    assert!(b.height() > a.height() + 2.0 * 13.0, "{a:?} {b:?}");
}

/// A title with emoji gets the rows it needs: the layout never counts fewer than the painter
/// wraps it into, so the words stay inside the card.
#[test]
fn titles_with_emoji_get_the_rows_they_need() {
    let ctx = egui::Context::default();
    trayecto::paint::install_style(&ctx);
    // A first frame makes the fonts; its font atlas is not needed here.
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    let texts = [
        "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
        "Great pizza 😀 but the driver got lost 😢 twice 🍕🍕",
        "🙂 🙃 😡 👍 🎉 ❤️ 🚀 📱 💬 ⏰",
    ];
    for width in [120.0, 178.0] {
        for text in texts {
            let (estimated, _) = trayecto::layout::text::rows(text, 13.0, width, 50);
            let painted = ctx.fonts_mut(|f| {
                f.layout(
                    text.to_owned(),
                    egui::FontId::proportional(13.0),
                    egui::Color32::BLACK,
                    width,
                )
                .rows
                .len()
            });
            assert!(
                estimated >= painted && estimated <= painted + 2,
                "{text:?} at {width}: estimated {estimated} rows, painted {painted}"
            );
        }
    }
}
