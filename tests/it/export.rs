//! Image export: golden images for the rasterizer and the example map, SVG structure, sizes
//! and limits. Goldens live in tests/golden; a mismatch writes the new image and a diff image
//! to target/golden-failures/ for review. `TRAYECTO_BLESS=1 cargo test --test it export::` rewrites
//! the goldens after an intended change (look at them before committing).

use egui::epaint::{CircleShape, ClippedShape, PathStroke, QuadraticBezierShape};
use egui::{Color32, FontId, Pos2, Rect, Shape, Stroke, pos2, vec2};
use std::path::{Path, PathBuf};
use trayecto::export::{
    self, Background, Drawing, ExportError, ExportOptions, ImageFormat, Scene, Subject, raster,
};
use trayecto::{format, sample, templates};

struct Image {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
}

fn decode(bytes: &[u8]) -> Image {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut rgba = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut rgba).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgba);
    rgba.truncate(info.buffer_size());
    Image {
        width: info.width,
        height: info.height,
        rgba,
    }
}

impl Image {
    fn pixel(&self, x: usize, y: usize) -> [u8; 4] {
        let at = (y * self.width as usize + x) * 4;
        self.rgba[at..at + 4].try_into().unwrap()
    }
}

fn encode(image: &Image) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, image.width, image.height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder
        .write_header()
        .unwrap()
        .write_image_data(&image.rgba)
        .unwrap();
    bytes
}

fn png_of(scene: &Scene) -> Vec<u8> {
    let mut bytes = Vec::new();
    scene.write_png(&mut bytes).unwrap();
    bytes
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Checks the subject's PNG at 1× against its golden image, and gives the words of its SVG.
fn golden_and_svg_texts(name: &str, subject: &Subject) -> Vec<String> {
    let options = ExportOptions {
        scale: 1,
        ..ExportOptions::default()
    };
    assert_matches_golden(name, &png_of(&Scene::new(subject, &options)));
    let svg = Scene::new(
        subject,
        &ExportOptions {
            format: ImageFormat::Svg,
            ..options
        },
    )
    .to_svg();
    crate::support::svg_texts(&svg)
}

/// Compares with a small tolerance: at most 0.1 % of pixels may differ by more than 8 levels
/// in a channel (font rasterizers and float rounding may move an edge pixel by a hair).
fn assert_matches_golden(name: &str, actual: &[u8]) {
    let path = golden_dir().join(format!("{name}.png"));
    if std::env::var_os("TRAYECTO_BLESS").is_some() {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden {}; run with TRAYECTO_BLESS=1",
            path.display()
        )
    });
    let (expected, actual_image) = (decode(&expected), decode(actual));
    let failures = Path::new(env!("CARGO_TARGET_TMPDIR")).join("golden-failures");
    let report = |why: String, diff: Option<Image>| {
        std::fs::create_dir_all(&failures).unwrap();
        std::fs::write(failures.join(format!("{name}.new.png")), actual).unwrap();
        if let Some(diff) = diff {
            std::fs::write(failures.join(format!("{name}.diff.png")), encode(&diff)).unwrap();
        }
        panic!(
            "{name}: {why}; new image and diff in {}",
            failures.display()
        );
    };
    if (expected.width, expected.height) != (actual_image.width, actual_image.height) {
        report(
            format!(
                "size {}×{} instead of {}×{}",
                actual_image.width, actual_image.height, expected.width, expected.height
            ),
            None,
        );
    }
    let mut differing = 0usize;
    let mut diff = Image {
        width: expected.width,
        height: expected.height,
        rgba: vec![0; expected.rgba.len()],
    };
    for (i, (a, b)) in expected
        .rgba
        .chunks_exact(4)
        .zip(actual_image.rgba.chunks_exact(4))
        .enumerate()
    {
        let delta = (0..4).map(|c| a[c].abs_diff(b[c])).max().unwrap();
        let gray = a[0] / 4 + 160;
        diff.rgba[i * 4..i * 4 + 4].copy_from_slice(&if delta > 8 {
            [255, 0, 0, 255]
        } else {
            [gray, gray, gray, 255]
        });
        differing += usize::from(delta > 8);
    }
    let total = (expected.width * expected.height) as usize;
    if differing * 1000 > total {
        report(format!("{differing} of {total} pixels differ"), Some(diff));
    }
}

/// A small scene of every kind of shape the map painter uses, painted by egui at 1×.
fn shapes_scene() -> (Vec<ClippedShape>, egui::TexturesDelta, egui::Context) {
    let ctx = egui::Context::default();
    let input = egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(160.0, 120.0))),
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| {
        let p = ui.painter();
        p.rect_filled(
            Rect::from_min_size(Pos2::ZERO, vec2(160.0, 120.0)),
            0.0,
            Color32::WHITE,
        );
        p.rect(
            Rect::from_min_size(pos2(8.0, 8.0), vec2(70.0, 40.0)),
            6.0,
            Color32::from_rgb(0xE3, 0xF2, 0xFD),
            Stroke::new(2.0, Color32::from_rgb(0x1E, 0x88, 0xE5)),
            egui::StrokeKind::Inside,
        );
        p.add(CircleShape {
            center: pos2(115.0, 30.0),
            radius: 20.0,
            fill: Color32::from_rgb(0xFD, 0xD8, 0x35),
            stroke: Stroke::new(1.5, Color32::BLACK),
        });
        p.add(Shape::convex_polygon(
            vec![pos2(10.0, 110.0), pos2(40.0, 60.0), pos2(70.0, 110.0)],
            Color32::from_rgba_unmultiplied(229, 57, 53, 160),
            Stroke::NONE,
        ));
        p.add(QuadraticBezierShape::from_points_stroke(
            [pos2(80.0, 100.0), pos2(115.0, 50.0), pos2(150.0, 100.0)],
            false,
            Color32::TRANSPARENT,
            PathStroke::new(3.0, Color32::DARK_GRAY),
        ));
        p.text(
            pos2(12.0, 28.0),
            egui::Align2::LEFT_CENTER,
            "Añade",
            FontId::proportional(14.0),
            Color32::BLACK,
        );
        p.line_segment(
            [pos2(0.0, 119.5), pos2(160.0, 119.5)],
            Stroke::new(1.0, Color32::GRAY),
        );
    });
    (output.shapes, output.textures_delta, ctx)
}

#[test]
fn rasterizer_matches_its_golden_image() {
    let (shapes, textures_delta, ctx) = shapes_scene();
    let primitives = ctx.tessellate(shapes, 1.0);
    let mut textures = raster::Textures::default();
    textures.apply(textures_delta);
    let prepared = raster::prepare(primitives, &textures, 1.0, 160, 120);
    let mut rgba = Vec::new();
    for strip in 0..prepared.strip_count() {
        let rows = (120 - strip as u32 * raster::STRIP).min(raster::STRIP) as usize;
        let mut buffer = vec![0; rows * 160 * 4];
        prepared.render_strip(strip, &mut buffer);
        raster::unpremultiply(&mut buffer);
        rgba.extend(buffer);
    }
    assert_matches_golden(
        "raster_shapes",
        &encode(&Image {
            width: 160,
            height: 120,
            rgba,
        }),
    );
}

#[test]
fn the_example_map_at_1x_matches_its_golden_image() {
    let map = templates::load("pizza").unwrap();
    let options = ExportOptions {
        scale: 1,
        ..ExportOptions::default()
    };
    assert_matches_golden(
        "pizza_1x",
        &png_of(&Scene::new(&Subject::of(&map), &options)),
    );
}

#[test]
fn the_spanish_example_with_phases_and_a_decision_matches_its_golden_image() {
    // Every word the painter adds (legend, row headers, "sale del trayecto") in Spanish, the
    // map's own words as written.
    trayecto::i18n::set(trayecto::i18n::Lang::Es);
    let map = templates::load("pizza").unwrap();
    assert_eq!(map.title, "Pedir una pizza");
    assert!(!map.phases.is_empty() && !map.forks.is_empty());
    let options = ExportOptions {
        scale: 1,
        ..ExportOptions::default()
    };
    let subject = Subject::of(&map);
    assert_matches_golden("pizza_es_1x", &png_of(&Scene::new(&subject, &options)));
    let svg = Scene::new(
        &subject,
        &ExportOptions {
            format: trayecto::export::ImageFormat::Svg,
            ..options
        },
    );
    let svg = svg.to_svg();
    for words in [
        "Antes de la compra",
        "En esta",
        "En otra pizzería",
        "sale del trayecto",
        "Decisiones",
        "Momento de dolor",
    ] {
        assert!(svg.contains(&format!(">{words}</text>")), "{words} as text");
    }
    trayecto::i18n::set(trayecto::i18n::Lang::En);
}

#[test]
fn the_overlay_of_current_and_target_matches_its_golden_image() {
    let map = templates::load("pizza").unwrap();
    let subject = Subject {
        drawing: Drawing::Journey(trayecto::view::View::overlay(&map).unwrap()),
        ..Subject::of(&map)
    };
    // The SVG names both curves in its legend, as text, and draws the target's dashed.
    let texts = golden_and_svg_texts("pizza_overlay_1x", &subject);
    for name in [
        "Current journey",
        "Target journey",
        "+4",
        "Delivery",
        "55 → 30 min",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(name)),
            "no <text> for {name}"
        );
    }
}

/// A 40 × 40 picture: red on the left half, blue on the right.
fn write_picture(path: &Path) {
    let image = image::RgbaImage::from_fn(40, 40, |x, _| {
        if x < 20 {
            image::Rgba([220, 30, 30, 255])
        } else {
            image::Rgba([30, 30, 220, 255])
        }
    });
    image.save(path).unwrap();
}

#[test]
fn persona_pictures_are_drawn_and_missing_ones_are_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    write_picture(&dir.path().join("lucia.png"));
    let mut map = templates::load("pizza").unwrap();
    map.personas[0].picture = Some("lucia.png".into());
    let options = ExportOptions {
        scale: 1,
        ..ExportOptions::default()
    };
    let subject = Subject {
        folder: Some(dir.path()),
        ..Subject::of(&map)
    };
    let scene = Scene::new(&subject, &options);
    let image = decode(&png_of(&scene));
    // The picture fills the square at the left of the persona strip: red, then blue.
    let persona = trayecto::layout::compute(
        &map,
        &trayecto::view::View::of(&map),
        &trayecto::layout::Style {
            show_add_buttons: false,
            show_legend: true,
            ..Default::default()
        },
    )
    .persona
    .unwrap();
    let y = persona.center().y as usize;
    let left = persona.left() as usize + 12;
    assert_eq!(&image.pixel(left + 10, y)[..3], &[220, 30, 30]);
    assert_eq!(&image.pixel(left + 50, y)[..3], &[30, 30, 220]);
    assert!(scene.to_svg().contains("<image "), "the SVG embeds it");
    assert!(trayecto::pictures::warnings(&map, Some(dir.path())).is_empty());

    // A picture that is not there, or not in the map's folder: a grey placeholder, a warning.
    for picture in ["gone.png", "../lucia.png"] {
        map.personas[0].picture = Some(picture.into());
        let subject = Subject {
            folder: Some(dir.path()),
            ..Subject::of(&map)
        };
        let image = decode(&png_of(&Scene::new(&subject, &options)));
        let corner = image.pixel(left + 2, persona.top() as usize + 14);
        assert_eq!(
            &corner[..3],
            &[0xE0, 0xE3, 0xE8],
            "placeholder for {picture}"
        );
        let warnings = trayecto::pictures::warnings(&map, Some(dir.path()));
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].to_string().contains(picture), "{}", warnings[0]);
    }
}

#[test]
fn the_roadmap_board_matches_its_golden_image() {
    let map = templates::load("pizza").unwrap();
    let subject = Subject {
        drawing: Drawing::Roadmap,
        ..Subject::of(&map)
    };
    let texts = golden_and_svg_texts("pizza_roadmap_1x", &subject);
    // Stream names wrap over lines, one <text> each: every word is there.
    let all_text = texts.join(" ");
    for stream in &map.streams {
        for word in stream.name.split(' ') {
            assert!(
                all_text.contains(word),
                "no <text> for {word} of {}",
                stream.name
            );
        }
    }
    for word in ["Now", "Next", "Later", "Logistics", "Quick win"] {
        assert!(texts.iter().any(|t| t == word), "no <text> for {word}");
    }
}

#[test]
fn export_is_the_same_after_save_and_load() {
    let map = templates::load("pizza").unwrap();
    let reloaded = format::parse(&format::to_text(&map)).unwrap();
    let options = ExportOptions {
        scale: 1,
        ..ExportOptions::default()
    };
    assert_eq!(
        png_of(&Scene::new(&Subject::of(&map), &options)),
        png_of(&Scene::new(&Subject::of(&reloaded), &options))
    );
    let svg = ExportOptions {
        format: ImageFormat::Svg,
        ..options
    };
    assert_eq!(
        Scene::new(&Subject::of(&map), &svg).to_svg(),
        Scene::new(&Subject::of(&reloaded), &svg).to_svg()
    );
}

#[test]
fn scale_multiplies_the_pixels_and_backgrounds_apply() {
    let map = templates::load("pizza").unwrap();
    let one = decode(&png_of(&Scene::new(
        &Subject::of(&map),
        &ExportOptions {
            scale: 1,
            ..Default::default()
        },
    )));
    let three = decode(&png_of(&Scene::new(
        &Subject::of(&map),
        &ExportOptions {
            scale: 3,
            ..Default::default()
        },
    )));
    assert_eq!((three.width, three.height), (one.width * 3, one.height * 3));
    assert_eq!(&one.rgba[..4], &[255, 255, 255, 255], "white background");

    let clear = ExportOptions {
        scale: 1,
        background: Background::Transparent,
        ..Default::default()
    };
    let clear = decode(&png_of(&Scene::new(&Subject::of(&map), &clear)));
    assert_eq!(clear.rgba[3], 0, "transparent corner");
    let theme = ExportOptions {
        scale: 1,
        background: Background::Theme,
        ..Default::default()
    };
    let theme = decode(&png_of(&Scene::new(&Subject::of(&map), &theme)));
    let bg = trayecto::paint::Palette::default().background;
    assert_eq!(&theme.rgba[..4], &[bg.r(), bg.g(), bg.b(), 255]);

    let bare = ExportOptions {
        scale: 1,
        title: false,
        persona: false,
        legend: false,
        ..Default::default()
    };
    let bare = decode(&png_of(&Scene::new(&Subject::of(&map), &bare)));
    assert_eq!(bare.width, one.width);
    assert!(
        bare.height + 150 < one.height,
        "no title, persona or legend: {} vs {}",
        bare.height,
        one.height
    );
}

#[test]
fn svg_is_well_formed_with_real_text() {
    let map = templates::load("pizza").unwrap();
    let options = ExportOptions {
        format: ImageFormat::Svg,
        ..Default::default()
    };
    let svg = Scene::new(&Subject::of(&map), &options).to_svg();
    let document = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let texts: Vec<String> = root
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect();
    let all_text = texts.join("\n");
    for word in map
        .stages
        .iter()
        .map(|s| &s.name)
        .chain(map.lanes.iter().map(|l| &l.name))
    {
        assert!(texts.iter().any(|t| t == word), "no <text> for {word}");
    }
    // The current journey is exported; its cards' words are all there as text.
    let current = trayecto::view::View::of(&map).journey;
    for card in map.cards_of(current) {
        let first_word = card.title.split(' ').next().unwrap();
        assert!(
            all_text.contains(first_word),
            "card title {:?} is not text",
            card.title
        );
    }
    assert!(
        root.descendants().any(|n| n.has_tag_name("circle")),
        "faces are vector circles"
    );
    assert!(
        root.descendants().any(|n| n.has_tag_name("path")),
        "curves are paths"
    );
    assert!(!svg.contains("<image"), "no embedded bitmaps");
}

#[test]
fn svg_escapes_what_people_type() {
    let mut map = templates::load("blank").unwrap();
    map.title = "Q&A <live> \"now\"".into();
    let svg = Scene::new(
        &Subject::of(&map),
        &ExportOptions {
            format: ImageFormat::Svg,
            ..Default::default()
        },
    )
    .to_svg();
    let document = roxmltree::Document::parse(&svg).expect("well-formed XML");
    assert!(
        document
            .descendants()
            .any(|n| n.text() == Some("Q&A <live> \"now\""))
    );
}

#[test]
fn maps_wider_than_16384_pixels_render_whole() {
    let map = sample::generated(80, 2, 80);
    let options = ExportOptions {
        scale: 1,
        ..Default::default()
    };
    let image = decode(&png_of(&Scene::new(&Subject::of(&map), &options)));
    assert!(image.width > 16_384, "width {}", image.width);
    // The last stage's header, at the far right, is painted (dark slate, not background white).
    let y = (image.height / 2) as usize;
    let row = &image.rgba[y * image.width as usize * 4..(y + 1) * image.width as usize * 4];
    let right_half_painted = row[row.len() / 2..]
        .chunks_exact(4)
        .any(|px| px != [255, 255, 255, 255]);
    assert!(right_half_painted);
}

#[test]
fn too_large_images_are_refused_without_writing() {
    let map = sample::generated(1_000, 20, 0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.png");
    std::fs::write(&path, "keep me").unwrap();
    let options = ExportOptions {
        scale: 8,
        ..Default::default()
    };
    match export::to_file(&Subject::of(&map), &options, &path) {
        Err(ExportError::TooLarge { width, height, .. }) => {
            assert!(width * height > export::MAX_PIXELS)
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["huge.png"], "no temporary file left behind");
}

#[test]
fn to_file_writes_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let map = templates::load("pizza").unwrap();
    let png_path = dir.path().join("map.png");
    export::to_file(&Subject::of(&map), &ExportOptions::default(), &png_path).unwrap();
    let image = decode(&std::fs::read(&png_path).unwrap());
    assert_eq!(image.width % 2, 0);
    let svg_path = dir.path().join("map.svg");
    export::to_file(
        &Subject::of(&map),
        &ExportOptions {
            format: ImageFormat::Svg,
            ..Default::default()
        },
        &svg_path,
    )
    .unwrap();
    assert!(
        std::fs::read_to_string(&svg_path)
            .unwrap()
            .starts_with("<?xml")
    );
}

/// The layout's table of character widths agrees with the face the painter uses: for texts of
/// every kind, it never counts fewer rows than egui wraps them into, and rarely more.
#[test]
fn the_layouts_text_widths_match_the_painted_face() {
    let harness = crate::ui::harness_with(
        trayecto::document::Document::new(templates::load("blank").unwrap()),
        Default::default(),
    );
    let texts = [
        "Menu in the app",
        "Calling the branch to order",
        "Tracker stuck on \"baking\" for 20 minutes while the driver waits outside the door",
        "No me dieron la pizza que pedí y nadie contestó al teléfono durante media hora",
        "Escribo mis comentarios en redes sociales: «¿alguien lee esto?»",
        "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
        "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii",
        "Ärger über Öffnungszeiten — ŁÓDŹ, Çà et là, Ñandú",
        "short\nlines\nhere",
        "Seguimiento en vivo con datos de la cocina y del repartidor",
        "Formar al personal de la sucursal en la pantalla de la cocina",
    ];
    let mut exact = 0;
    for width in [120.0, 178.0, 260.0] {
        for text in texts {
            let (estimated, _) = trayecto::layout::text::rows(text, 13.0, width, 50);
            let painted = harness.ctx.fonts_mut(|f| {
                f.layout(
                    text.to_owned(),
                    egui::FontId::proportional(13.0),
                    Color32::BLACK,
                    width,
                )
                .rows
                .len()
            });
            assert!(
                estimated >= painted && estimated <= painted + 1,
                "{text:?} at {width}: estimated {estimated} rows, painted {painted}"
            );
            exact += usize::from(estimated == painted);
        }
    }
    assert!(exact * 10 >= texts.len() * 3 * 8, "mostly exact: {exact}");
}

/// The words of an SVG's texts, one space between each (a cell's words wrap over several).
fn svg_words(subject: &Subject) -> (Vec<String>, String) {
    let options = ExportOptions {
        format: ImageFormat::Svg,
        ..ExportOptions::default()
    };
    let texts = crate::support::svg_texts(&Scene::new(subject, &options).to_svg());
    let words = texts
        .iter()
        .flat_map(|t| t.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ");
    (texts, words)
}

fn joined(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_gap_slide_holds_every_stage_with_its_signed_gap_moments_and_kpis() {
    for lang in [trayecto::i18n::Lang::En, trayecto::i18n::Lang::Es] {
        trayecto::i18n::set(lang);
        let map = templates::load_in("pizza", lang).unwrap();
        let subject = Subject {
            drawing: Drawing::Gap,
            ..Subject::of(&map)
        };
        let (texts, words) = svg_words(&subject);
        let analysis = trayecto::report::gap::analyse(&map).unwrap();
        // Ranked as the report ranks them: the stage names come in its order.
        let mut from = 0;
        for row in &analysis.rows {
            let at = words[from..]
                .find(&joined(&row.stage_name))
                .unwrap_or_else(|| panic!("{lang:?}: {} not in order", row.stage_name));
            from += at;
            for item in row.pains.iter().chain(&row.pain_points).chain(&row.kpis) {
                assert!(words.contains(&joined(item)), "{lang:?}: {item}");
            }
        }
        // The differences carry their sign, as in the editor; the column headers are there.
        let signed = trayecto::i18n::strings::signed;
        for expected in [signed(4.0), signed(2.5), signed(-2.0), signed(-1.5)] {
            assert!(texts.contains(&expected), "{lang:?}: {expected}");
        }
        assert!(texts.contains(&"+2,5".to_owned()) == (lang == trayecto::i18n::Lang::Es));
        for header in [
            trayecto::i18n::strings::col_gap(),
            trayecto::i18n::strings::col_pain_points(),
            trayecto::i18n::strings::col_kpis(),
        ] {
            assert!(texts.iter().any(|t| t == header), "{lang:?}: {header}");
        }
        assert!(words.contains(&format!("{} ·", map.title)), "{words}");
    }
    trayecto::i18n::set(trayecto::i18n::Lang::En);
}

#[test]
fn the_action_slide_holds_every_action_with_its_priority_and_horizon() {
    for lang in [trayecto::i18n::Lang::En, trayecto::i18n::Lang::Es] {
        trayecto::i18n::set(lang);
        let map = templates::load_in("pizza", lang).unwrap();
        let subject = Subject {
            drawing: Drawing::Actions,
            ..Subject::of(&map)
        };
        let (texts, words) = svg_words(&subject);
        for action in &map.actions {
            assert!(words.contains(&joined(&action.title)), "{}", action.title);
            for value in [action.priority().label(), action.horizon.label()] {
                assert!(
                    texts.iter().any(|t| joined(t) == value),
                    "{lang:?}: {value}"
                );
            }
        }
        let stream = &map.streams[0].name;
        assert!(words.contains(&joined(stream)), "{stream}");
    }
    // The title follows the option, as on every other drawing.
    trayecto::i18n::set(trayecto::i18n::Lang::En);
    let map = templates::load("pizza").unwrap();
    let subject = Subject {
        drawing: Drawing::Actions,
        ..Subject::of(&map)
    };
    let options = ExportOptions {
        format: ImageFormat::Svg,
        title: false,
        ..ExportOptions::default()
    };
    let svg = Scene::new(&subject, &options).to_svg();
    assert!(!svg.contains("Ordering a pizza · Actions"));
    assert!(svg_words(&subject).1.contains("Ordering a pizza · Actions"));
}
