//! The roadmap in the window: an opportunity becomes an action, the board moves actions between
//! horizons and streams, the table sorts and edits them, and an action leads back to its stage.

use crate::support::undo;
use crate::ui::{click_at, harness_sized, harness_with, pizza, scroll_sideways};
use egui::{Event, Key, Modifiers, Pos2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use trayecto::document::Document;
use trayecto::i18n::strings;
use trayecto::model::{Horizon, Level};
use trayecto::ui::{AppOptions, Screen, Selection, TrayectoApp};

fn harness() -> Harness<'static, TrayectoApp> {
    harness_with(Document::new(pizza()), AppOptions::default())
}

/// The pizza on a 1024 × 768 projector.
fn projector() -> Harness<'static, TrayectoApp> {
    harness_sized(
        Document::new(pizza()),
        AppOptions::default(),
        egui::Vec2::new(1024.0, 768.0),
    )
}

fn action_named<'a>(
    harness: &'a Harness<'_, TrayectoApp>,
    start: &str,
) -> &'a trayecto::model::Action {
    let map = harness.state().document().map();
    map.actions
        .iter()
        .find(|a| a.title.starts_with(start))
        .unwrap()
}

#[test]
fn an_opportunity_card_becomes_an_action_in_one_step() {
    let mut harness = harness();
    let original = harness.state().document().map().clone();
    // A new opportunity in an empty cell, typed on the canvas.
    let stage = harness
        .get_by_label(&strings::stage_label("I'm hungry"))
        .rect();
    let lane = harness
        .get_by_label(&strings::lane_label("Opportunities"))
        .rect();
    click_at(&mut harness, pos2(stage.center().x, lane.center().y), 2);
    harness.run();
    harness.event(Event::Text("Coupon for the next pizza".into()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let with_card = harness.state().document().map().clone();
    harness
        .get_by_label(&strings::card_label("Coupon for the next pizza"))
        .click_secondary();
    harness.run();
    harness.get_by_label(strings::turn_into_action()).click();
    harness.run();
    let map = harness.state().document().map();
    assert_eq!(map.actions.len(), original.actions.len() + 1);
    let action = map.actions.last().unwrap();
    let card = map
        .cards
        .iter()
        .find(|c| c.title == "Coupon for the next pizza")
        .unwrap();
    assert_eq!(
        (action.title.as_str(), action.card),
        ("Coupon for the next pizza", Some(card.id))
    );
    assert_eq!(action.stages, [card.stage]);
    assert_eq!(harness.state().selection(), Selection::Action(action.id));
    // The inspector edits it; one undo takes the action away, the card stays.
    // Impact comes before effort, both Low / Medium / High.
    harness
        .get_all_by_label(Level::High.label())
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .document()
            .map()
            .actions
            .last()
            .unwrap()
            .impact,
        Level::High
    );
    undo(&mut harness);
    undo(&mut harness);
    assert_eq!(harness.state().document().map(), &with_card);
}

#[test]
fn a_pain_point_gets_a_new_action_that_addresses_it() {
    let mut harness = harness();
    let title = "No way to report it at the door";
    harness
        .get_by_label(&strings::card_label(title))
        .click_secondary();
    harness.run();
    harness.get_by_label(strings::action_for_pain()).click();
    harness.run();
    let map = harness.state().document().map();
    let pain = map.cards.iter().find(|c| c.title == title).unwrap();
    let action = map.actions.last().unwrap();
    assert_eq!(action.title, strings::new_action_title());
    assert_eq!(action.addresses, [pain.id]);
    assert_eq!(action.stages, [pain.stage]);
    assert_eq!(action.card, None);
    assert_eq!(harness.state().selection(), Selection::Action(action.id));
    // The inspector lists it, ticked, and names its journey: the target journey may hold a
    // card of the same title.
    let journey = &map.journey(pain.journey).unwrap().name;
    harness.get_by_label(&format!("{title} · {journey}"));
}

/// Press, move in steps, release: a real drag.
fn drag(harness: &mut Harness<'_, TrayectoApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=6 {
        harness.hover_at(from + (to - from) * (step as f32 / 6.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

#[test]
fn dragging_an_action_on_the_board_moves_it_to_a_horizon_and_stream() {
    let mut harness = harness();
    let original = harness.state().document().map().clone();
    harness.get_by_label(strings::roadmap()).click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Roadmap);
    let moving = strings::action_label(&action_named(&harness, "Train branch staff").title);
    let target = strings::action_label(&action_named(&harness, "Show today's deals").title);
    let from = harness.get_by_label(&moving).rect().center();
    // The "Now" column of the first stream: left of the deals action, in its row.
    let deals = harness.get_by_label(&target).rect();
    let to = pos2(deals.center().x - 300.0, deals.center().y);
    drag(&mut harness, from, to);
    let action = action_named(&harness, "Train branch staff");
    assert_eq!(action.horizon, Horizon::Now);
    assert_eq!(action.stream, Some(original.streams[0].id));
    undo(&mut harness);
    assert_eq!(harness.state().document().map(), &original, "one undo step");
}

#[test]
fn the_action_table_sorts_by_any_column_and_edits_in_place() {
    let mut harness = harness();
    harness.get_by_label(strings::actions()).click();
    harness.run();
    let titles: Vec<String> = harness
        .state()
        .document()
        .map()
        .actions
        .iter()
        .map(|a| a.title.clone())
        .collect();
    let order = |harness: &Harness<'_, TrayectoApp>| {
        let mut rows: Vec<(f32, String)> = titles
            .iter()
            .map(|t| {
                // The text field, and its text run inside: the same place.
                let field = harness.get_all_by_value(t).next().unwrap();
                (field.rect().center().y, t.clone())
            })
            .collect();
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        rows.into_iter().map(|(_, t)| t).collect::<Vec<_>>()
    };
    assert_eq!(order(&harness), titles, "map order at first");
    harness.get_by_label(strings::col_priority()).click();
    harness.run();
    let sorted = order(&harness);
    let priorities: Vec<_> = sorted
        .iter()
        .map(|t| action_named(&harness, t).priority())
        .collect();
    assert!(
        priorities.windows(2).all(|w| w[0] <= w[1]),
        "{priorities:?}"
    );
    assert!(sorted[0].starts_with("Train branch staff") || sorted[0].starts_with("Driver checks"));
    harness
        .get_by_label(&format!("{} ▲", strings::col_priority()))
        .click();
    harness.run();
    let reversed = order(&harness);
    assert_eq!(
        reversed
            .iter()
            .map(|t| action_named(&harness, t).priority())
            .collect::<Vec<_>>(),
        priorities.iter().rev().copied().collect::<Vec<_>>()
    );
    // Typing in a title cell renames the action, as one undo step.
    let title = "Live tracker fed by the kitchen screen and the driver's phone";
    harness
        .get_by_label(&strings::cell_label(strings::col_action(), title))
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(Event::Text("Live tracker".into()));
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .state()
            .document()
            .map()
            .actions
            .iter()
            .any(|a| a.title == "Live tracker")
    );
    undo(&mut harness);
    assert!(
        !harness
            .state()
            .document()
            .map()
            .actions
            .iter()
            .any(|a| a.title == "Live tracker")
    );
}

#[test]
fn an_action_leads_back_to_its_stage_on_the_journey() {
    let mut harness = harness();
    harness.get_by_label(strings::roadmap()).click();
    harness.run();
    let action = action_named(&harness, "Driver checks").clone();
    let label = strings::action_label(&action.title);
    let at = harness.get_by_label(&label).rect().center();
    // A moment after the tab's click, so the two clicks count as one double click.
    for _ in 0..30 {
        harness.step();
    }
    click_at(&mut harness, at, 2);
    assert_eq!(harness.state().screen(), Screen::Journey);
    assert_eq!(
        harness.state().selection(),
        Selection::Card(action.card.unwrap())
    );
    // The card and the pain points it addresses are on screen.
    harness.get_by_label(&strings::card_label(
        "Driver checks the order with the customer",
    ));
    harness.get_by_label(&strings::card_label("No way to report it at the door"));
}

#[test]
fn the_action_table_scrolls_sideways_on_a_small_screen() {
    let mut harness = projector();
    harness.get_by_label(strings::actions()).click();
    harness.run();
    let kpi = harness.get_by_label(strings::col_kpi()).rect();
    // Anywhere over the table's panel, even below its last row.
    scroll_sideways(&mut harness, pos2(300.0, 600.0), -2000.0);
    let after = harness.get_by_label(strings::col_kpi()).rect();
    assert!(kpi.right() > 700.0, "{kpi:?}");
    assert!(after.right() < 700.0, "{after:?}");
}

#[test]
fn the_board_zooms_and_fits_the_window() {
    let mut harness = projector();
    harness.get_by_label(strings::roadmap()).click();
    harness.run();
    let later = strings::action_label(&action_named(&harness, "Live tracker").title);
    let before = harness.get_by_label(&later).rect();
    // At 100 % the "later" column is past the inspector's edge.
    let inspector = harness.get_by_label(strings::title()).rect().left();
    assert!(before.right() > inspector, "{before:?}");
    assert!(harness.query_by_label("100 %").is_some());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    let fitted = harness.get_by_label(&later).rect();
    assert!(fitted.right() < inspector, "{fitted:?} {inspector}");
    assert!(fitted.width() < before.width());
    assert!(harness.query_by_label("100 %").is_none());
    // Zooming in makes the cards bigger again.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert!(harness.get_by_label(&later).rect().width() > fitted.width());
}

#[test]
fn the_inspector_keeps_its_width_whatever_it_shows() {
    let mut harness = projector();
    // The left edge of the inspector's heading: the map's, then the action's.
    let edge = |harness: &Harness<'_, TrayectoApp>, heading: &str| {
        harness
            .get_all_by_label(heading)
            .last()
            .unwrap()
            .rect()
            .left()
    };
    let start = edge(&harness, strings::map());
    assert!(start > 600.0, "{start}");
    // An action with long words: priority explained, pain cards with their journeys.
    let title = "No way to report it at the door";
    harness
        .get_by_label(&strings::card_label(title))
        .click_secondary();
    harness.run();
    harness.get_by_label(strings::action_for_pain()).click();
    harness.run();
    harness.run();
    assert_eq!(edge(&harness, strings::action()), start);
}

#[test]
fn departments_are_renamed_removed_and_added_in_the_inspector() {
    let mut harness = harness();
    let original = harness.state().document().map().clone();
    harness.get_by_label(strings::departments()).click();
    harness.run();
    // Renamed in place: the typing is one undo step.
    harness
        .get_by_label(&strings::item_label(strings::departments(), "Marketing"))
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(Event::Text("Brand".into()));
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    let names = |h: &Harness<'_, TrayectoApp>| -> Vec<String> {
        let map = h.state().document().map();
        map.departments.iter().map(|d| d.name.clone()).collect()
    };
    assert_eq!(names(&harness)[0], "Brand");
    // Removed with its ×: the second row's.
    harness
        .get_all_by_label("×")
        .nth(1)
        .expect("a remove button per department")
        .click();
    harness.run();
    assert!(!names(&harness).contains(&"Sales".to_owned()));
    // Added at the end (from the keyboard: the button may be below the inspector's fold).
    harness.get_by_label(strings::add_department()).focus();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        names(&harness).last().map(String::as_str),
        Some(strings::new_department())
    );
    for _ in 0..3 {
        undo(&mut harness);
    }
    assert_eq!(harness.state().document().map(), &original);
}
