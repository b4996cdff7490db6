//! The method in the window: switching journeys, creating the target from the current journey,
//! the overlay, the gap panel, KPIs, moments of gain and pain, personas and their pictures.

use crate::support::{type_into, undo};
use crate::ui::{click_at, harness_with, pizza, scroll_sideways};
use egui::{Event, Key, Modifiers, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use trayecto::document::Document;
use trayecto::i18n::strings;
use trayecto::model::{JourneyKind, MomentKind};
use trayecto::templates;
use trayecto::ui::{AppOptions, Selection, TrayectoApp};

fn harness_on(map: trayecto::model::Map) -> Harness<'static, TrayectoApp> {
    harness_with(Document::new(map), AppOptions::default())
}

#[test]
fn switching_journeys_shows_each_journeys_cards() {
    let mut harness = harness_on(pizza());
    let map = pizza();
    let (current, target) = map.current_and_target().unwrap();
    assert_eq!(harness.state().view().journey, current.id);
    harness.get_by_label(&strings::card_label("Receiving the wrong pizza"));
    assert!(
        harness
            .query_by_label(&strings::card_label("Two-tap reorder"))
            .is_none()
    );
    harness.get_by_label("Target journey · Lucía, 29").click();
    harness.run();
    assert_eq!(harness.state().view().journey, target.id);
    harness.get_by_label(&strings::card_label("Two-tap reorder"));
    assert!(
        harness
            .query_by_label(&strings::card_label("Receiving the wrong pizza"))
            .is_none()
    );
    // A card added now belongs to the shown journey. (A moment passes first: egui counts clicks
    // less than 0.3 s apart as one double or triple click, wherever they land.)
    for _ in 0..30 {
        harness.step();
    }
    let empty = harness
        .get_by_label(&strings::stage_label("I'm hungry"))
        .rect();
    let thoughts = harness
        .get_by_label(&strings::lane_label("Thoughts"))
        .rect();
    let spot = pos2(empty.center().x, thoughts.center().y);
    click_at(&mut harness, spot, 2);
    harness.run();
    harness.event(Event::Text("Hungry, but it will be easy".into()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let map = harness.state().document().map();
    let added = map
        .cards
        .iter()
        .find(|c| c.title == "Hungry, but it will be easy")
        .unwrap();
    assert_eq!(added.journey, target.id);
}

#[test]
fn creating_the_target_from_the_current_journey_is_one_step() {
    let mut harness = harness_on(templates::load("five-steps").unwrap());
    let original = harness.state().document().map().clone();
    // The journey bar's "+" menu has it (as has the inspector, with nothing selected).
    harness.get_by_label("+").click();
    harness.run();
    let buttons: Vec<_> = harness
        .get_all_by_label(strings::target_from_current())
        .collect();
    assert_eq!(buttons.len(), 2);
    buttons.last().unwrap().click();
    harness.run();
    let map = harness.state().document().map();
    assert_eq!(map.journeys.len(), 2);
    let target = map.first_of(JourneyKind::Target).unwrap();
    assert_eq!(target.name, strings::target_journey_name());
    assert_eq!(
        harness.state().view().journey,
        target.id,
        "the new journey shows"
    );
    // With a target in the map, a second copy is not offered.
    harness.get_by_label("+").click();
    harness.run();
    let again = harness
        .get_all_by_label(strings::target_from_current())
        .last()
        .unwrap();
    assert!(again.accesskit_node().is_disabled());
    harness.key_press(Key::Escape);
    harness.run();
    undo(&mut harness);
    assert_eq!(harness.state().document().map(), &original);
    assert_eq!(
        harness.state().view().journey,
        original.journeys[0].id,
        "the view follows the undo"
    );
}

#[test]
fn the_overlay_shows_both_curves_and_edits_the_current_one() {
    let mut harness = harness_on(pizza());
    harness.get_by_label(strings::overlay()).click();
    harness.run();
    let view = harness.state().view();
    assert!(view.is_overlay());
    let (current, target) = {
        let map = harness.state().document().map();
        let (c, t) = map.current_and_target().unwrap();
        (c.id, t.id)
    };
    assert_eq!((view.journey, view.compare), (current, Some(target)));
    // The draggable points are the current journey's; the target's curve stays as it is.
    let label = strings::curve_point_label("I'm hungry");
    let from = harness.get_by_label(&label).rect().center();
    let feelings = harness
        .get_by_label(&strings::lane_label("Feelings"))
        .rect();
    let to = pos2(from.x, feelings.bottom() - 2.0);
    harness.drag_at(from);
    harness.run();
    for step in 1..=5 {
        harness.hover_at(from + (to - from) * (step as f32 / 5.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
    let map = harness.state().document().map();
    let stage = map.stages[0].id;
    assert!(map.journey(current).unwrap().curve.contains_key(&stage));
    assert!(!map.journey(target).unwrap().curve.contains_key(&stage));
}

#[test]
fn a_row_of_the_gap_panel_selects_its_stage() {
    let mut harness = harness_on(pizza());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::G);
    harness.run();
    // The largest gap comes first; a click on its row selects the stage on the canvas.
    let cells: Vec<_> = harness.get_all_by_label("Receive and eat").collect();
    assert!(!cells.is_empty(), "the panel lists the stage");
    cells[0].click();
    harness.run();
    let stage = harness
        .state()
        .document()
        .map()
        .stages
        .iter()
        .find(|s| s.name == "Receive and eat")
        .unwrap()
        .id;
    assert_eq!(harness.state().selection(), Selection::Stage(stage));
    harness.get_by_label("+4");
}

#[test]
fn a_kpi_is_edited_in_the_inspector_in_one_step() {
    let mut harness = harness_on(pizza());
    let original = harness.state().document().map().clone();
    harness
        .get_by_label(&strings::stage_label("Wait for delivery"))
        .click();
    harness.run();
    type_into(&mut harness, strings::kpi_current(), 0, "48,5");
    let kpi = |h: &Harness<'_, TrayectoApp>| {
        let map = h.state().document().map();
        map.kpis
            .iter()
            .find(|k| k.name == "Delivery")
            .unwrap()
            .clone()
    };
    assert_eq!(kpi(&harness).current, Some(48.5));
    type_into(&mut harness, strings::kpi_name(), 0, "Delivery time");
    assert_eq!(
        harness.state().document().map().kpis[1].name,
        "Delivery time"
    );
    undo(&mut harness);
    undo(&mut harness);
    assert_eq!(harness.state().document().map(), &original);
    // A KPI added to a stage shows in the KPI row at once.
    harness.get_by_label(strings::add_kpi()).click();
    harness.run();
    let map = harness.state().document().map();
    assert_eq!(map.kpis.len(), original.kpis.len() + 1);
    assert_eq!(map.kpis.last().unwrap().stage, map.stages[3].id);
}

#[test]
fn a_moment_is_of_gain_or_pain_with_a_why() {
    let mut harness = harness_on(pizza());
    harness
        .get_by_label(&strings::card_label("Menu in the app"))
        .click();
    harness.run();
    harness.get_by_label(strings::moment_pain()).click();
    harness.run();
    type_into(&mut harness, strings::moment_why(), 0, "Deals are hidden");
    let card = |h: &Harness<'_, TrayectoApp>| {
        let map = h.state().document().map();
        map.cards
            .iter()
            .find(|c| c.title == "Menu in the app")
            .unwrap()
            .clone()
    };
    let moment = card(&harness).moment.unwrap();
    assert_eq!(
        (moment.kind, moment.why.as_str()),
        (MomentKind::Pain, "Deals are hidden")
    );
    harness.get_by_label(strings::moment_gain()).click();
    harness.run();
    let moment = card(&harness).moment.unwrap();
    assert_eq!(
        (moment.kind, moment.why.as_str()),
        (MomentKind::Gain, "Deals are hidden")
    );
    harness.get_by_label(strings::moment_none()).click();
    harness.run();
    assert_eq!(card(&harness).moment, None);
}

#[test]
fn a_new_persona_is_added_without_taking_the_shown_journey() {
    let mut harness = harness_on(pizza());
    let original = harness.state().document().map().clone();
    let shown = harness.state().view().journey;
    let lucia = original.journey(shown).unwrap().persona;
    harness.get_by_label(strings::new_persona()).click();
    harness.run();
    let map = harness.state().document().map();
    assert_eq!(map.personas.len(), 3);
    assert_eq!(
        map.journey(shown).unwrap().persona,
        lucia,
        "the shown journey is still told for Lucía"
    );
    harness.get_by_label("Current journey · Lucía, 29");
    // The inspector edits the new persona at once, and says how to tell a journey for it.
    harness.get_by_label(strings::fresh_persona_hint());
    type_into(&mut harness, strings::persona_name(), 0, "Rosa, 67");
    let names: Vec<String> = harness
        .state()
        .document()
        .map()
        .personas
        .iter()
        .map(|p| p.name.clone())
        .collect();
    assert_eq!(names, ["Lucía, 29", "Marco, 45", "Rosa, 67"]);
    // Chosen in "Told for", the journey is hers.
    crate::ui_phases::pick(&mut harness, strings::journey_persona(), 0, "Rosa, 67");
    let map = harness.state().document().map();
    assert_eq!(
        map.journey(shown).unwrap().persona,
        Some(map.personas[2].id)
    );
    harness.get_by_label("Current journey · Rosa, 67");
    // Adding, naming and choosing her are a step each.
    for _ in 0..3 {
        undo(&mut harness);
    }
    assert_eq!(harness.state().document().map(), &original);
}

#[test]
fn a_missing_picture_is_a_warning_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pizza.ron");
    let mut map = pizza();
    map.personas[0].picture = Some("lucia.jpg".into());
    trayecto::file::save(&path, &map).unwrap();
    let harness = harness_with(Document::open(&path).unwrap(), AppOptions::default());
    assert!(harness.state().dialog().is_none(), "the map opens");
    let status = harness.state().status();
    assert!(
        status.contains("lucia.jpg") && status.contains("not shown"),
        "{status}"
    );
    harness.get_by_label(&strings::picture_problem("the file is not there"));
}

#[test]
fn a_stage_chosen_in_the_gap_panel_comes_clear_of_the_lane_headers() {
    let mut harness = harness_on(pizza());
    for _ in 0..4 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
        harness.run();
    }
    // Scrolled to the right: the lane headers stay pinned at the left edge.
    scroll_sideways(&mut harness, pos2(600.0, 500.0), -3000.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::G);
    harness.run();
    harness
        .get_all_by_label("I'm hungry")
        .next()
        .unwrap()
        .click();
    harness.run();
    let lanes = harness.get_by_label(&strings::lane_label("Actions")).rect();
    let stage = harness
        .get_by_label(&strings::stage_label("I'm hungry"))
        .rect();
    assert!(stage.left() >= lanes.right(), "{stage:?} {lanes:?}");
}

/// The pizza map without its target journey, and the current journey's point at "Receive and
/// eat" (where the wrong pizza arrives: an angry card) set to Sad by hand.
fn current_with_a_point_by_hand() -> trayecto::model::Map {
    use trayecto::edit::Edit;
    use trayecto::model::Feeling;
    let mut map = pizza();
    let (current, target) = map.current_and_target().unwrap();
    let (current, target) = (current.id, target.id);
    Edit::RemoveJourney(target).apply(&mut map).unwrap();
    let stage = map.stages[4].id;
    Edit::SetStageFeeling {
        journey: current,
        stage,
        feeling: Some(Feeling::Sad),
    }
    .apply(&mut map)
    .unwrap();
    map
}

#[test]
fn the_target_made_from_the_current_follows_its_own_cards() {
    use trayecto::model::Feeling;
    let mut harness = harness_on(current_with_a_point_by_hand());
    let point = strings::curve_point_label("Receive and eat");
    let feelings = |harness: &Harness<'_, TrayectoApp>| {
        harness
            .get_by_label(&strings::lane_label("Feelings"))
            .rect()
    };
    // Today the point sits on the sad half of the feelings lane.
    let today = harness.get_by_label(&point).rect().center().y;
    assert!(today > feelings(&harness).center().y);

    // With nothing selected, the inspector makes the target.
    harness.get_by_label(strings::target_from_current()).click();
    harness.run();
    let (current, target) = {
        let map = harness.state().document().map();
        let (c, t) = map.current_and_target().unwrap();
        (c.id, t.id)
    };
    assert_eq!(harness.state().view().journey, target);
    // The redesign: the wrong pizza becomes a happy delivery.
    harness
        .get_by_label(&strings::card_label("Receiving the wrong pizza"))
        .click();
    harness.run();
    harness
        .get_by_label(&format!(
            "{}: {}",
            strings::set_feeling(),
            Feeling::Happy.label()
        ))
        .click();
    harness.run();
    let redesigned = harness.get_by_label(&point).rect().center().y;
    assert!(
        redesigned < feelings(&harness).center().y,
        "the target's point follows its happy card to the happy half"
    );
    let map = harness.state().document().map();
    let stage = map.stages[4].id;
    let copy = map
        .cards_of(target)
        .find(|c| c.title == "Receiving the wrong pizza")
        .unwrap();
    assert_eq!(copy.moment, None, "the moment of pain stays with today");
    assert!(map.journey(target).unwrap().curve.is_empty());
    assert_eq!(
        map.journey(current).unwrap().curve.get(&stage),
        Some(&Feeling::Sad)
    );

    // The stage's inspector says the target's point follows its cards…
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label(&point).click();
    harness.run();
    harness.get_by_label(&strings::follows_cards_note(Some(Feeling::Happy.label())));
    assert!(
        harness
            .query_by_label(strings::stage_feeling_average())
            .is_none(),
        "nothing to release on a point that follows its cards"
    );
    // …and the current one's, set by hand, can follow its cards again, in one step.
    harness.get_by_label("Current journey · Lucía, 29").click();
    harness.run();
    harness.get_by_label(&strings::by_hand_note(Some(Feeling::Angry.label())));
    let before = harness.state().document().map().clone();
    harness
        .get_by_label(strings::stage_feeling_average())
        .click();
    harness.run();
    let map = harness.state().document().map();
    assert!(map.journey(current).unwrap().curve.is_empty());
    undo(&mut harness);
    assert_eq!(harness.state().document().map(), &before);
}
