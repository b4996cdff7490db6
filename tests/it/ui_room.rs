//! What the room sees on a 1024 × 768 projector: the fitted map with its words, presentation
//! mode with every word at 12 pixels or more, its hint in a corner once a session, the title
//! view before the first stage, Home back to the top-left, and why a moment matters.

use crate::ui::{click_at, harness_sized, pizza};
use egui::epaint::{ClippedShape, Shape};
use egui::{Key, Modifiers, Pos2, Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use trayecto::document::Document;
use trayecto::i18n::{Lang, strings};
use trayecto::model::Map;
use trayecto::templates;
use trayecto::ui::{AppOptions, Command, Selection, TextSize, TrayectoApp};
use trayecto::view::View;

/// A word drawn this frame: its text, its size in physical pixels, and where it is.
#[derive(Debug)]
struct Drawn {
    text: String,
    px: f32,
    rect: Rect,
}

fn collect(shape: &Shape, ppp: f32, out: &mut Vec<Drawn>) {
    match shape {
        Shape::Vec(shapes) => {
            for shape in shapes {
                collect(shape, ppp, out);
            }
        }
        Shape::Text(text) => {
            let galley = &text.galley;
            if galley.rows.iter().all(|r| r.row.glyphs.is_empty()) {
                return;
            }
            let px = galley
                .job
                .sections
                .iter()
                .map(|s| s.format.font_id.size)
                .fold(f32::INFINITY, f32::min)
                * ppp;
            out.push(Drawn {
                text: galley.job.text.clone(),
                px,
                rect: galley.rect.translate(text.pos.to_vec2()),
            });
        }
        _ => {}
    }
}

/// Every piece of text the last frame drew on screen (shapes clipped away are left out).
fn drawn(harness: &Harness<'_, TrayectoApp>) -> Vec<Drawn> {
    let output = harness.output();
    let screen = Rect::from_min_size(Pos2::ZERO, Vec2::new(1024.0, 768.0));
    let mut out = Vec::new();
    for ClippedShape {
        clip_rect,
        shape,
        transform_after_tessellation: transform,
    } in &output.shapes
    {
        let mut here = Vec::new();
        collect(
            shape,
            output.pixels_per_point * transform.scaling,
            &mut here,
        );
        out.extend(
            here.into_iter()
                .map(|d| Drawn {
                    rect: *transform * d.rect,
                    ..d
                })
                .filter(|d| d.rect.intersects(clip_rect.intersect(screen))),
        );
    }
    out
}

fn projector(map: Map) -> Harness<'static, TrayectoApp> {
    harness_sized(
        Document::new(map),
        AppOptions::default(),
        Vec2::new(1024.0, 768.0),
    )
}

fn press(harness: &mut Harness<'_, TrayectoApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

#[test]
fn the_fitted_map_on_a_projector_shows_the_words_of_its_cards() {
    for lang in Lang::ALL {
        let map = templates::load_in("pizza", lang).unwrap();
        let mut harness = projector(map.clone());
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
        harness.run();
        // Fitted under half size: where cards used to be grey bars.
        let card = map.cards_of(map.journeys[0].id).next().unwrap();
        let width = harness
            .get_by_label(&strings::card_label(&card.title))
            .rect()
            .width();
        let zoom = width / 194.0;
        assert!(zoom < 0.5, "{lang:?}: fitted at {zoom}");
        let words = drawn(&harness);
        for card in map.cards_of(map.journeys[0].id) {
            let title = words.iter().find(|d| d.text == card.title);
            let title = title.unwrap_or_else(|| panic!("{lang:?}: no words for «{}»", card.title));
            // At the size the zoom gives them: small, but there to read.
            assert!((title.px - 13.0 * zoom).abs() < 0.5, "{title:?}");
        }
    }
}

/// The smallest text of the frame, and what it says.
fn smallest(harness: &Harness<'_, TrayectoApp>) -> (f32, String) {
    drawn(harness).into_iter().map(|d| (d.px, d.text)).fold(
        (f32::INFINITY, String::new()),
        |a, b| {
            if b.0 < a.0 { b } else { a }
        },
    )
}

#[test]
fn presenting_every_word_is_at_least_12_pixels_whatever_the_text_size() {
    for size in [TextSize::Normal, TextSize::Compact] {
        let map = pizza();
        let mut harness = projector(map.clone());
        harness.state_mut().run(Command::TextSize(size));
        // The overlay: gap sizes on the curve; a moment of pain selected: its why beside it.
        harness
            .state_mut()
            .set_view(View::overlay(&map).expect("current and target"));
        let wrong = map
            .cards
            .iter()
            .find(|c| c.title == "Receiving the wrong pizza")
            .unwrap();
        harness
            .state_mut()
            .run(Command::Select(Selection::Card(wrong.id)));
        harness.run();
        press(&mut harness, Key::F5);
        assert!(harness.state().is_presenting());
        // Each screen on the way along to the moment of pain, then down to the curve.
        let mut words = drawn(&harness);
        for key in [Key::PageDown; 3].into_iter().chain([Key::ArrowDown; 3]) {
            press(&mut harness, key);
            words.extend(drawn(&harness));
        }
        for expected in [
            "Delivery",
            "55 → 30 min",
            "leaves the journey",
            "Phone",
            "App",
            "+4",
            "Dinner is ruined and nobody checks",
        ] {
            assert!(
                words.iter().any(|d| d.text == expected),
                "{size:?}: «{expected}» on screen"
            );
        }
        let small = words
            .iter()
            .min_by(|a, b| a.px.total_cmp(&b.px))
            .expect("words");
        assert!(small.px >= 12.0, "{size:?}: {small:?}");
        // Card titles, and the why beside the halo, at 14 or more.
        for title in [
            "Calling the branch to order",
            "Dinner is ruined and nobody checks",
        ] {
            let drawn = words.iter().find(|d| d.text == title).unwrap();
            assert!(drawn.px >= 14.0 - 0.01, "{size:?}: {drawn:?}");
        }
    }
}

#[test]
fn the_presenting_hint_is_in_a_corner_and_shown_once_a_session() {
    let mut harness = projector(pizza());
    press(&mut harness, Key::F5);
    let hint = drawn(&harness)
        .into_iter()
        .find(|d| d.text == strings::presenting_hint())
        .expect("the hint on the first F5");
    assert!(hint.px >= 12.0, "{hint:?}");
    // Top-left, clear of the emotion curve's lane.
    assert!(
        hint.rect.left() < 30.0 && hint.rect.top() < 30.0,
        "{hint:?}"
    );
    let feelings = harness
        .get_by_label(&strings::lane_label("Feelings"))
        .rect();
    assert!(hint.rect.bottom() < feelings.top(), "{hint:?} {feelings:?}");
    assert!(harness.state().toast().is_none(), "no toast over the map");
    // Leaving and presenting again: no hint the second time.
    press(&mut harness, Key::Escape);
    assert!(!harness.state().is_presenting());
    press(&mut harness, Key::F5);
    assert!(harness.state().is_presenting());
    assert!(
        !drawn(&harness)
            .iter()
            .any(|d| d.text == strings::presenting_hint()),
        "shown once a session"
    );
}

#[test]
fn page_up_from_the_first_stage_shows_the_title_view_and_home_goes_back_to_the_top_left() {
    let map = pizza();
    let mut harness = projector(map.clone());
    press(&mut harness, Key::F5);
    let hungry = strings::stage_label("I'm hungry");
    let start = harness.get_by_label(&hungry).rect();
    let card = strings::card_label("Pizza ad on Instagram");
    harness.get_by_label(&card);

    // Page Up from the first stage: the title and the persona, large; the map is gone.
    press(&mut harness, Key::PageUp);
    assert!(
        harness.query_by_label(&card).is_none(),
        "the map is not shown"
    );
    let words = drawn(&harness);
    let title = words.iter().find(|d| d.text == map.title).expect("title");
    assert!(title.px >= 36.0, "{title:?}");
    let persona = &map.personas[0];
    let name = words.iter().find(|d| d.text == persona.name).expect("name");
    assert!(name.px >= 24.0, "{name:?}");
    for goal in &persona.goals {
        assert!(
            words.iter().any(|d| d.text.contains(goal.as_str())),
            "goal «{goal}»"
        );
    }
    let (px, text) = smallest(&harness);
    assert!(px >= 12.0, "«{text}» at {px} px");
    // Page Down leaves it, back on the first stage where it was.
    press(&mut harness, Key::PageDown);
    harness.get_by_label(&card);
    assert_eq!(harness.get_by_label(&hungry).rect(), start);

    // Along and down, then Home: back to the top-left.
    press(&mut harness, Key::PageDown);
    press(&mut harness, Key::PageDown);
    for _ in 0..3 {
        press(&mut harness, Key::ArrowDown);
    }
    let moved = harness.query_by_label(&hungry).map(|n| n.rect());
    assert_ne!(moved, Some(start), "paged away");
    let lane = strings::lane_label("Touchpoints");
    let scrolled = harness.get_by_label(&lane).rect();
    press(&mut harness, Key::Home);
    assert_eq!(harness.get_by_label(&hungry).rect(), start);
    assert!(harness.get_by_label(&lane).rect().top() > scrolled.top());
}

#[test]
fn hovering_a_moment_tells_why_it_matters() {
    let map = pizza();
    let mut harness = harness_sized(
        Document::new(map),
        AppOptions::default(),
        Vec2::new(1600.0, 1000.0),
    );
    let card = harness
        .get_by_label(&strings::card_label("Receiving the wrong pizza"))
        .rect();
    harness.hover_at(card.center());
    for _ in 0..40 {
        harness.step();
    }
    harness.run();
    harness.get_by_label("Dinner is ruined and nobody checks");
    harness.get_by_label(trayecto::model::MomentKind::Pain.label());
    // A card without a moment says none.
    let other = harness
        .get_by_label(&strings::card_label("Pizza ad on Instagram"))
        .rect();
    click_at(&mut harness, other.center(), 0);
    for _ in 0..40 {
        harness.step();
    }
    harness.run();
    assert!(
        harness
            .query_by_label("Dinner is ruined and nobody checks")
            .is_none()
    );
}
