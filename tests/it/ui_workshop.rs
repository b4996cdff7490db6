//! The editor in a workshop: capture at the speed of the room, deletes you can see and undo,
//! presentation mode, the inspector out of the way, and no card text hidden.

use crate::ui::{click_at, harness_with, pizza};
use egui::{Event, Key, Modifiers, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use trayecto::document::Document;
use trayecto::i18n::strings;
use trayecto::layout::{self, Style};
use trayecto::model::LaneKind;
use trayecto::templates;
use trayecto::ui::{AppOptions, Command, Selection, TrayectoApp};
use trayecto::view::View;

fn blank() -> Harness<'static, TrayectoApp> {
    harness_with(
        Document::new(templates::load("blank").unwrap()),
        AppOptions::default(),
    )
}

fn type_text(harness: &mut Harness<'_, TrayectoApp>, text: &str) {
    harness.event(Event::Text(text.into()));
    harness.run();
}

fn press(harness: &mut Harness<'_, TrayectoApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// The centre of the cell of `stage` × `lane`, on screen.
fn cell(harness: &Harness<'_, TrayectoApp>, stage: &str, lane: &str) -> egui::Pos2 {
    let stage = harness.get_by_label(&strings::stage_label(stage)).rect();
    let lane = harness.get_by_label(&strings::lane_label(lane)).rect();
    pos2(stage.center().x, lane.center().y)
}

#[test]
fn tab_and_enter_capture_cards_along_a_lane_and_down_a_cell() {
    let mut harness = blank();
    let start = cell(&harness, "Stage 1", "Touchpoints");
    click_at(&mut harness, start, 2);
    harness.run();
    type_text(&mut harness, "Pizza ad");
    press(&mut harness, Key::Tab);
    type_text(&mut harness, "Menu in the app");
    press(&mut harness, Key::Tab);
    type_text(&mut harness, "Calling the branch");
    press(&mut harness, Key::Enter);
    type_text(&mut harness, "Text: on the way");
    press(&mut harness, Key::Enter);
    // Enter on an empty card closes the box without adding anything.
    press(&mut harness, Key::Enter);
    let map = harness.state().document().map();
    let touchpoints = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Touchpoints)
        .unwrap()
        .id;
    let at = |title: &str| {
        let card = map.cards.iter().find(|c| c.title == title).unwrap();
        assert_eq!(card.lane, touchpoints, "{title}");
        map.stage_index(card.stage).unwrap()
    };
    assert_eq!(map.cards.len(), 4);
    assert_eq!(at("Pizza ad"), 0);
    assert_eq!(at("Menu in the app"), 1);
    assert_eq!(at("Calling the branch"), 2);
    assert_eq!(at("Text: on the way"), 2);
    // In that order inside the cell.
    let third: Vec<_> = map
        .cards
        .iter()
        .filter(|c| c.stage == map.stages[2].id)
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(third, ["Calling the branch", "Text: on the way"]);
    // Shift+Tab goes back a stage.
    let back = cell(&harness, "Stage 2", "Pain points");
    click_at(&mut harness, back, 2);
    harness.run();
    type_text(&mut harness, "Offers are hidden");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    harness.run();
    type_text(&mut harness, "Nothing in the fridge");
    press(&mut harness, Key::Enter);
    press(&mut harness, Key::Escape);
    let map = harness.state().document().map();
    let card = map
        .cards
        .iter()
        .find(|c| c.title == "Nothing in the fridge")
        .unwrap();
    assert_eq!(card.stage, map.stages[0].id);
}

#[test]
fn typing_into_a_picked_empty_cell_starts_a_card() {
    let mut harness = blank();
    // A moment passes between clicks, so this is one click, not part of a double click.
    for _ in 0..30 {
        harness.step();
    }
    let spot = cell(&harness, "Stage 2", "Actions");
    click_at(&mut harness, spot, 1);
    harness.run();
    type_text(&mut harness, "Browses");
    type_text(&mut harness, " the menu");
    press(&mut harness, Key::Enter);
    press(&mut harness, Key::Escape);
    let map = harness.state().document().map();
    assert_eq!(map.cards.len(), 1);
    assert_eq!(map.cards[0].title, "Browses the menu");
    assert_eq!(map.cards[0].stage, map.stages[1].id);
    // Esc puts a picked cell down: typing then adds nothing.
    for _ in 0..30 {
        harness.step();
    }
    let other = cell(&harness, "Stage 3", "Actions");
    click_at(&mut harness, other, 1);
    harness.run();
    press(&mut harness, Key::Escape);
    type_text(&mut harness, "Stray words");
    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().document().map().cards.len(), 1);
}

#[test]
fn a_stage_added_and_named_is_one_undo_step() {
    let mut harness = blank();
    harness.state_mut().run(Command::AddStage);
    harness.run();
    // Named in place at once: what is typed replaces the placeholder.
    type_text(&mut harness, "Pay");
    press(&mut harness, Key::Enter);
    let map = harness.state().document().map();
    assert_eq!(map.stages.len(), 4);
    assert_eq!(map.stages[3].name, "Pay");
    // In view: its header is on screen.
    let header = harness.get_by_label(&strings::stage_label("Pay")).rect();
    assert!(header.right() <= 1600.0 && header.left() >= 0.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().map().stages.len(), 3);
    assert!(
        harness
            .state()
            .status()
            .contains(&strings::step_name("step-add-stage", Some("Pay"))),
        "{}",
        harness.state().status()
    );
}

#[test]
fn tab_renames_the_stages_in_turn_and_adds_one_past_the_last() {
    let mut harness = blank();
    harness
        .get_by_label(&strings::stage_label("Stage 1"))
        .click();
    harness.run();
    harness.state_mut().run(Command::Rename);
    harness.run();
    harness.run();
    for name in ["Hungry", "Order", "Wait"] {
        type_text(&mut harness, name);
        press(&mut harness, Key::Tab);
        harness.run();
    }
    // Past the last stage, Tab added a fourth, named in place.
    type_text(&mut harness, "Eat");
    press(&mut harness, Key::Enter);
    let names = |harness: &Harness<'_, TrayectoApp>| -> Vec<String> {
        let map = harness.state().document().map();
        map.stages.iter().map(|s| s.name.clone()).collect()
    };
    assert_eq!(names(&harness), ["Hungry", "Order", "Wait", "Eat"]);
    // Added and named: one undo step, which leaves the renames alone.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(names(&harness), ["Hungry", "Order", "Wait"]);
    // Shift+Tab goes back without adding anything.
    harness.get_by_label(&strings::stage_label("Order")).click();
    harness.run();
    harness.state_mut().run(Command::Rename);
    harness.run();
    harness.run();
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    harness.run();
    type_text(&mut harness, "Craving");
    press(&mut harness, Key::Enter);
    assert_eq!(names(&harness), ["Craving", "Order", "Wait"]);
    // Esc while naming a stage that Tab added takes it away: nobody asked for it.
    harness.get_by_label(&strings::stage_label("Wait")).click();
    harness.run();
    harness.state_mut().run(Command::Rename);
    harness.run();
    harness.run();
    press(&mut harness, Key::Tab);
    harness.run();
    assert_eq!(names(&harness).len(), 4);
    press(&mut harness, Key::Escape);
    harness.run();
    assert_eq!(names(&harness), ["Craving", "Order", "Wait"]);
}

#[test]
fn esc_keeps_the_card_being_typed() {
    let mut harness = blank();
    let start = cell(&harness, "Stage 2", "Pain points");
    click_at(&mut harness, start, 2);
    harness.run();
    type_text(&mut harness, "The pizza arrives cold");
    press(&mut harness, Key::Escape);
    harness.run();
    let map = harness.state().document().map();
    assert_eq!(map.cards.len(), 1);
    assert_eq!(map.cards[0].title, "The pizza arrives cold");
    assert_eq!(map.cards[0].stage, map.stages[1].id);
    // Added like any card: one undo step takes it away.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().document().map().cards.is_empty());
}

#[test]
fn tab_renames_the_lanes_in_turn_and_adds_one_past_the_last() {
    let mut harness = blank();
    harness
        .get_by_label(&strings::lane_label("Feelings"))
        .click();
    harness.run();
    harness.state_mut().run(Command::Rename);
    harness.run();
    harness.run();
    for name in ["Emotions", "Problems"] {
        type_text(&mut harness, name);
        press(&mut harness, Key::Tab);
        harness.run();
    }
    type_text(&mut harness, "Ideas");
    press(&mut harness, Key::Enter);
    let map = harness.state().document().map();
    let names: Vec<_> = map.lanes.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["Actions", "Touchpoints", "Emotions", "Problems", "Ideas"]
    );
}

#[test]
fn a_delete_toast_goes_with_the_map_it_was_about() {
    let mut harness = harness_with(Document::new(pizza()), AppOptions::default());
    harness
        .get_by_label(&strings::stage_label("Wait for delivery"))
        .click();
    harness.run();
    press(&mut harness, Key::Delete);
    assert!(harness.state().toast().is_some());
    // A new map, its changes given up on purpose: an Undo there would act on the new map.
    harness
        .state_mut()
        .run(Command::Unguarded(Box::new(Command::NEW)));
    harness.run();
    assert_eq!(harness.state().document().map().cards.len(), 0);
    assert!(harness.state().toast().is_none());
}

#[test]
fn deleting_a_stage_says_what_went_and_its_undo_brings_it_back() {
    let mut harness = harness_with(Document::new(pizza()), AppOptions::default());
    let original = harness.state().document().map().clone();
    harness
        .get_by_label(&strings::stage_label("Wait for delivery"))
        .click();
    harness.run();
    press(&mut harness, Key::Delete);
    let cards = original
        .cards
        .iter()
        .filter(|c| c.stage == original.stages[3].id)
        .count();
    assert!(cards > 1);
    let toast = harness.state().toast().unwrap().to_owned();
    assert_eq!(
        toast,
        format!("Deleted stage “Wait for delivery” and its {cards} cards")
    );
    harness.get_by_label(&toast);
    // The Edit menu names the step to undo.
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Undo delete stage “Wait for delivery”");
    press(&mut harness, Key::Escape);
    harness.get_by_label(strings::undo()).click();
    harness.run();
    assert_eq!(harness.state().document().map(), &original);
    assert!(harness.state().toast().is_none());
    assert_eq!(
        harness.state().status(),
        "Undone: delete stage “Wait for delivery”"
    );
    // The next edit makes that old news: the status bar lets it go.
    harness
        .state_mut()
        .queue_edit(trayecto::edit::Edit::SetTitle("Pizza night".into()));
    harness.run();
    assert_eq!(harness.state().status(), "");
    // One card: "1 card", and a card's own words.
    let single = original
        .cards
        .iter()
        .find(|c| c.title == "Opens the box")
        .unwrap();
    harness
        .state_mut()
        .queue_edit(trayecto::edit::Edit::RemoveCard(single.id));
    harness.run();
    assert!(strings::card_count(1).starts_with("1 card"));
}

#[test]
fn presentation_mode_hides_everything_but_the_map_and_keeps_headers_in_sight() {
    let mut harness = harness_with(Document::new(pizza()), AppOptions::default());
    // Wider than the screen, so there is somewhere to page to.
    for name in ["Reorder", "Recommend", "Forget"] {
        harness.state_mut().run(Command::AddStage);
        // The name box takes the keyboard a frame after it shows.
        harness.run();
        harness.run();
        type_text(&mut harness, name);
        press(&mut harness, Key::Enter);
    }
    harness.get_by_label(strings::roadmap());
    // The inspector shows the stage just added.
    harness.get_by_label(strings::name());
    press(&mut harness, Key::F5);
    assert!(harness.state().is_presenting());
    // No menus, no inspector, no journey bar.
    assert!(harness.query_by_label("File").is_none());
    assert!(harness.query_by_label(strings::name()).is_none());
    assert!(harness.query_by_label(strings::roadmap()).is_none());
    // Nor the "+" strips after the last stage and lane.
    assert!(harness.query_by_label(strings::add_stage()).is_none());
    assert!(harness.query_by_label(strings::add_lane()).is_none());
    // The text is readable: a card title at 14 px or more.
    let card = harness
        .get_by_label(&strings::card_label("Pizza ad on Instagram"))
        .rect();
    assert!(card.width() >= 194.0 * 14.0 / 13.0 - 1.0, "{card:?}");
    // Scrolled down past the headers, the stage headers stay at the top, the lane headers
    // at the left.
    let before = harness.get_by_label(&strings::stage_label("Order")).rect();
    for _ in 0..6 {
        press(&mut harness, Key::ArrowDown);
    }
    let after = harness.get_by_label(&strings::stage_label("Order")).rect();
    assert!(
        after.top() >= 0.0 && after.top() <= before.top(),
        "{before:?} {after:?}"
    );
    let backstage = harness
        .get_by_label(&strings::lane_label("Backstage"))
        .rect();
    assert!(backstage.top() < 1000.0, "scrolled down: {backstage:?}");
    assert!(backstage.left() < 30.0, "{backstage:?}");
    // Page Down goes on a stage; the lane headers stay.
    let first = harness
        .get_by_label(&strings::stage_label("I'm hungry"))
        .rect();
    press(&mut harness, Key::PageDown);
    let moved = harness
        .get_by_label(&strings::stage_label("Choose a pizza"))
        .rect();
    assert!(moved.left() < first.right(), "{first:?} {moved:?}");
    let backstage = harness
        .get_by_label(&strings::lane_label("Backstage"))
        .rect();
    assert!(backstage.left() < 30.0, "still in sight: {backstage:?}");
    // Paging stops when the last stage reaches the screen's right edge.
    let last = harness
        .state()
        .document()
        .map()
        .stages
        .last()
        .unwrap()
        .name
        .clone();
    for _ in 0..12 {
        press(&mut harness, Key::PageDown);
    }
    let end = harness.get_by_label(&strings::stage_label(&last)).rect();
    assert!(
        end.right() > 1600.0 - 40.0 && end.right() <= 1600.0,
        "{end:?}"
    );
    // Esc leaves, and everything is back.
    press(&mut harness, Key::Escape);
    assert!(!harness.state().is_presenting());
    harness.get_by_label("File");
    harness.get_by_label(strings::roadmap());
}

#[test]
fn the_inspector_can_be_hidden_and_it_is_remembered() {
    let config = tempfile::tempdir().unwrap();
    let options = AppOptions {
        config_dir: Some(config.path().to_owned()),
        ..AppOptions::default()
    };
    let mut harness = harness_with(Document::new(pizza()), options.clone());
    harness.get_by_label(strings::title());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    assert!(!harness.state().inspector_shown());
    assert!(harness.query_by_label(strings::title()).is_none());
    // A new window remembers.
    let harness = harness_with(Document::new(pizza()), options);
    assert!(!harness.state().inspector_shown());
    assert_eq!(harness.state().selection(), Selection::None);
}

#[test]
fn long_titles_are_laid_out_whole_up_to_a_limit() {
    let mut map = pizza();
    let long = "The driver could not find the door, called twice, nobody answered because the \
                bell is broken, and the pizza went back to the branch cold";
    map.cards[0].title = long.into();
    map.cards[1].title = "word ".repeat(200);
    let layout = layout::compute(&map, &View::of(&map), &Style::default());
    let whole = layout
        .card_rect(map.cards[0].id)
        .expect("the card is laid out");
    let slot = |i: usize| {
        let c = map.stage_index(map.cards[i].stage).unwrap();
        let r = map.lane_index(map.cards[i].lane).unwrap();
        *layout
            .cell(c, r)
            .iter()
            .find(|s| s.id == map.cards[i].id)
            .unwrap()
    };
    let first = slot(0);
    assert!(first.text.title_rows > 3, "{:?}", first.text);
    assert!(!first.text.more);
    assert!(whole.height() > Style::default().card_height);
    let limited = slot(1);
    assert_eq!(
        usize::from(limited.text.title_rows),
        Style::default().max_title_rows
    );
    assert!(limited.text.more);
    // And the canvas draws it: the label carries the whole title.
    let harness = harness_with(Document::new(map), AppOptions::default());
    harness.get_by_label(&strings::card_label(long));
}

/// The pizza with two more journeys: more tabs than a 1024-pixel journey bar holds beside the
/// inspector.
fn four_journeys_at_1024() -> Harness<'static, TrayectoApp> {
    use trayecto::model::{Journey, JourneyId, JourneyKind};
    let mut map = pizza();
    for (id, name) in [(3, "Saturday family order"), (4, "Ordering for the office")] {
        map.journeys.push(Journey {
            id: JourneyId(id),
            name: name.into(),
            kind: JourneyKind::Other,
            persona: Some(map.personas[1].id),
            curve: Default::default(),
        });
    }
    crate::ui::harness_sized(
        Document::new(map),
        AppOptions::default(),
        egui::Vec2::new(1024.0, 768.0),
    )
}

/// The tabs of every journey, as the bar labels them ("Name · Persona").
fn journey_tabs(harness: &Harness<'_, TrayectoApp>) -> Vec<(trayecto::model::JourneyId, String)> {
    let map = harness.state().document().map();
    map.journeys
        .iter()
        .map(|j| {
            let persona = j.persona.and_then(|p| map.persona(p)).unwrap();
            (j.id, format!("{} · {}", j.name, persona.name))
        })
        .collect()
}

/// The rectangles of the journey bar's items on show.
fn bar_items(harness: &Harness<'_, TrayectoApp>) -> Vec<(String, egui::Rect)> {
    let mut labels: Vec<String> = journey_tabs(harness).into_iter().map(|t| t.1).collect();
    labels.extend(
        [
            strings::overlay(),
            "+",
            strings::journey_bar_more(),
            strings::roadmap(),
            strings::actions(),
            strings::gap_panel(),
        ]
        .map(str::to_owned),
    );
    labels
        .into_iter()
        .filter_map(|label| {
            let rect = harness.query_by_label(&label)?.rect();
            Some((label, rect))
        })
        .collect()
}

#[test]
fn the_journey_bar_stays_one_row_and_reaches_every_journey() {
    let mut harness = four_journeys_at_1024();
    let mut overflowed = false;
    for inspector in [true, false, true] {
        if harness.state().inspector_shown() != inspector {
            harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
            harness.run();
        }
        assert_eq!(harness.state().inspector_shown(), inspector);
        for (journey, tab) in journey_tabs(&harness) {
            let items = bar_items(&harness);
            let row = items[0].1.center().y;
            for (label, rect) in &items {
                assert!(
                    (rect.center().y - row).abs() < 1.0,
                    "{label} is on another row (inspector shown: {inspector})"
                );
            }
            // Nothing is cut off by the inspector or the window's edge.
            let right = match harness.query_by_label(strings::map()) {
                Some(heading) => heading.rect().left(),
                None => 1024.0,
            };
            assert!(items.iter().all(|(_, rect)| rect.right() <= right));
            // Each journey is a tab on show, or in the "More…" menu.
            if harness.query_by_label(&tab).is_none() {
                overflowed = true;
                harness.get_by_label(strings::journey_bar_more()).click();
                harness.run();
            }
            harness.get_by_label(&tab).click();
            harness.run();
            assert_eq!(harness.state().view().journey, journey);
            assert!(
                bar_items(&harness).iter().any(|(label, _)| *label == tab),
                "the shown journey has its tab in the bar"
            );
        }
    }
    assert!(
        overflowed,
        "beside the inspector, some journey needed the menu"
    );
}

/// The six faces of the picker beside the selected card, as one rectangle.
fn face_picker(harness: &Harness<'_, TrayectoApp>) -> egui::Rect {
    use trayecto::model::Feeling;
    std::iter::once(None)
        .chain(Feeling::ALL.map(Some))
        .map(|f| {
            let label = format!("{}: {}", strings::set_feeling(), Feeling::label_of(f));
            harness.get_by_label(&label).rect()
        })
        .reduce(|a, b| a.union(b))
        .unwrap()
}

#[test]
fn the_face_picker_covers_neither_its_card_nor_the_cards_under_it_nor_the_inspector() {
    let mut harness = crate::ui::harness_sized(
        Document::new(pizza()),
        AppOptions::default(),
        egui::Vec2::new(1024.0, 768.0),
    );
    let map = pizza();
    let current = map.journeys[0].id;
    // The inspector starts where its heading does; the status bar is under the window's last
    // 40 points.
    let inspector = harness.get_by_label(strings::map()).rect().left();
    let canvas = egui::Rect::from_min_max(pos2(0.0, 0.0), pos2(inspector - 8.0, 768.0 - 40.0));
    let mut cards: Vec<(String, trayecto::model::StageId)> = map
        .cards_of(current)
        .map(|c| (c.title.clone(), c.stage))
        .collect();
    // "Menu in the app", brought right up to the inspector: its faces go on its left.
    let menu = harness
        .get_by_label(&strings::card_label("Menu in the app"))
        .rect();
    scroll_sideways_to(
        &mut harness,
        menu.center(),
        canvas.right() - 10.0 - menu.right(),
    );
    let menu = harness
        .get_by_label(&strings::card_label("Menu in the app"))
        .rect();
    assert!(
        canvas.right() - menu.right() < 30.0,
        "{menu:?} by {canvas:?}"
    );
    cards.sort_by_key(|(title, _)| title != "Menu in the app");
    let mut checked = 0;
    let mut on_the_left = 0;
    for (title, stage) in &cards {
        let label = strings::card_label(title);
        let Some(card) = harness.query_by_label(&label).map(|n| n.rect()) else {
            continue;
        };
        if !canvas.contains_rect(card) {
            continue;
        }
        harness.get_by_label(&label).click();
        harness.run();
        let faces = face_picker(&harness);
        assert!(!faces.intersects(card), "the faces cover “{title}”");
        for (other, _) in cards.iter().filter(|(t, s)| s == stage && t != title) {
            let label = strings::card_label(other);
            if let Some(rect) = harness.query_by_label(&label).map(|n| n.rect()) {
                assert!(
                    !faces.intersects(rect),
                    "the faces of “{title}” cover “{other}” in its stage"
                );
            }
        }
        assert!(
            faces.right() <= inspector,
            "the faces of “{title}” cover the inspector"
        );
        if faces.right() <= card.left() {
            on_the_left += 1;
        }
        harness.key_press(Key::Escape);
        harness.run();
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} cards were in sight");
    assert!(
        on_the_left >= 1,
        "a card by the inspector has its faces on its left"
    );
}

/// Scrolls the canvas sideways so that what is at `at` moves `dx` points (right when positive).
fn scroll_sideways_to(harness: &mut Harness<'_, TrayectoApp>, at: egui::Pos2, dx: f32) {
    crate::ui::scroll_sideways(harness, at, dx);
}

#[test]
fn the_status_bar_never_lays_its_message_over_the_file_path() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir
        .path()
        .join("Workshops 2026")
        .join("Late deliveries, B2B customers in Madrid")
        .join("Second session with the sponsors");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("pizza journey for the steering committee.ron");
    trayecto::file::save(&path, &pizza()).unwrap();
    let mut harness = crate::ui::harness_sized(
        Document::open(&path).unwrap(),
        AppOptions::default(),
        egui::Vec2::new(1024.0, 768.0),
    );
    let message = "Deleted stage “Wait for the driver to call back” and its 14 cards, with the \
                   KPIs and decisions that were on it; Undo brings everything back";
    harness.state_mut().run(Command::Notify(message.into()));
    // Said after the frame was drawn: it shows from the next one.
    harness.run();
    harness.step();
    let file = "pizza journey for the steering committee.ron";
    let first = |harness: &Harness<'_, TrayectoApp>, text: &str| {
        let node = harness.get_all_by_label_contains(text).next();
        node.unwrap_or_else(|| panic!("no “{text}”")).rect()
    };
    let said = first(&harness, "Deleted stage");
    let place = first(&harness, file);
    let map = harness.state().document().map();
    let (s, l, c) = map.summary();
    let counts = first(&harness, &strings::counts(s, l, c));
    assert!(said.right() <= place.left(), "{said:?} runs into {place:?}");
    assert!(
        place.right() <= counts.left(),
        "{place:?} runs into {counts:?}"
    );
    assert!((said.center().y - place.center().y).abs() < 1.0, "one row");
    // Both were cut short, and hovering shows them whole.
    let full = path.display().to_string();
    assert!(harness.query_by_label(&full).is_none());
    let hover = |harness: &mut Harness<'_, TrayectoApp>, at: egui::Pos2| {
        harness.hover_at(at);
        // Tooltips wait a moment before they show.
        for _ in 0..60 {
            harness.step();
        }
    };
    hover(&mut harness, place.center());
    assert!(harness.query_all_by_label(&full).next().is_some());
    // (The message's own label names it whole for screen readers; the tooltip is one more.)
    let before = harness.query_all_by_label(message).count();
    hover(&mut harness, said.center());
    assert!(
        harness.query_all_by_label(message).count() > before,
        "the whole message shows on hover"
    );
}
