//! Drives the real editor UI headlessly with egui_kittest: pointer and keys in, model out.

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Vec2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use trayecto::document::Document;
use trayecto::i18n::strings;
use trayecto::model::{Feeling, Map, StageId};
use trayecto::templates;
use trayecto::ui::{AppOptions, Dialog, Selection, TrayectoApp};

pub(crate) fn pizza() -> Map {
    templates::load("pizza").unwrap()
}

fn harness_for(doc: Document) -> Harness<'static, TrayectoApp> {
    harness_with(doc, AppOptions::default())
}

/// The real app in a 1600 × 1000 window, run until it settles.
pub(crate) fn harness_with(doc: Document, options: AppOptions) -> Harness<'static, TrayectoApp> {
    harness_sized(doc, options, Vec2::new(1600.0, 1000.0))
}

/// The editor in a window of `size` (e.g. a 1024 × 768 projector).
pub(crate) fn harness_sized(
    doc: Document,
    options: AppOptions,
    size: Vec2,
) -> Harness<'static, TrayectoApp> {
    let app = TrayectoApp::new(doc, options);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .with_context_setup(trayecto::ui::install_style)
        .build_ui_state(|ui, app: &mut TrayectoApp| app.show(ui), app);
    harness.run();
    harness
}

/// Scrolls sideways by `dx` points with the pointer at `at`, as a wheel does (smoothly, over
/// some frames).
pub(crate) fn scroll_sideways(harness: &mut Harness<'_, TrayectoApp>, at: Pos2, dx: f32) {
    harness.hover_at(at);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(dx, 0.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    for _ in 0..60 {
        harness.step();
    }
}

fn harness() -> Harness<'static, TrayectoApp> {
    harness_for(Document::new(pizza()))
}

fn center_of(harness: &Harness<'_, TrayectoApp>, label: &str) -> Pos2 {
    harness.get_by_label(label).rect().center()
}

/// Press at `from`, move in steps to `to`, release there: a real drag.
fn drag(harness: &mut Harness<'_, TrayectoApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=5 {
        harness.hover_at(from + (to - from) * (step as f32 / 5.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

pub(crate) fn click_at(harness: &mut Harness<'_, TrayectoApp>, pos: Pos2, times: usize) {
    harness.hover_at(pos);
    harness.run();
    // One click per frame, frames 1/60 s apart: well inside egui's double-click window.
    for _ in 0..times {
        for pressed in [true, false] {
            harness.event(Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        harness.step();
    }
    harness.run();
}

/// Selects "Opens the box" and deletes it: an unsaved change.
fn delete_a_card(harness: &mut Harness<'_, TrayectoApp>) {
    harness
        .get_by_label(&strings::card_label("Opens the box"))
        .click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
}

fn card_stage(harness: &Harness<'_, TrayectoApp>, title: &str) -> StageId {
    let map = harness.state().document().map();
    map.cards.iter().find(|c| c.title == title).unwrap().stage
}

#[test]
fn dragging_a_card_to_another_cell_moves_it_and_undo_moves_it_back() {
    let mut harness = harness();
    let original = harness.state().document().map().clone();
    let from = center_of(
        &harness,
        &strings::card_label("Finds nothing in the fridge"),
    );
    let order = harness.get_by_label(&strings::stage_label("Order")).rect();
    let below = harness
        .get_by_label(&strings::card_label("Calls the branch"))
        .rect();
    let to = pos2(order.center().x, below.bottom() + 10.0);
    drag(&mut harness, from, to);

    let map = harness.state().document().map();
    let order_id = map.stages.iter().find(|s| s.name == "Order").unwrap().id;
    assert_eq!(
        card_stage(&harness, "Finds nothing in the fridge"),
        order_id
    );
    let in_cell: Vec<_> = map
        .cards_in(map.journeys[0].id, order_id, map.lanes[0].id)
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(in_cell, ["Calls the branch", "Finds nothing in the fridge"]);
    assert!(harness.state().document().is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().map(), &original);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn escape_cancels_a_card_drag() {
    let mut harness = harness();
    let original = harness.state().document().map().clone();
    let from = center_of(&harness, &strings::card_label("Opens the box"));
    let to = center_of(&harness, &strings::stage_label("I'm hungry")) + Vec2::new(0.0, 120.0);
    harness.drag_at(from);
    harness.run();
    for step in 1..=4 {
        harness.hover_at(from + (to - from) * (step as f32 / 4.0));
        harness.run();
    }
    harness.key_press(Key::Escape);
    harness.run();
    harness.drop_at(to);
    harness.run();
    assert_eq!(harness.state().document().map(), &original);
}

#[test]
fn dragging_a_stage_header_reorders_stages() {
    let mut harness = harness();
    let from = center_of(&harness, &strings::stage_label("I'm hungry"));
    let order = harness.get_by_label(&strings::stage_label("Order")).rect();
    drag(
        &mut harness,
        from,
        pos2(order.right() - 10.0, order.center().y),
    );
    let names: Vec<_> = harness
        .state()
        .document()
        .map()
        .stages
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(names[..3], ["Choose a pizza", "Order", "I'm hungry"]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().document().map().stages[0].name,
        "I'm hungry"
    );
}

#[test]
fn dragging_a_lane_header_reorders_lanes() {
    let mut harness = harness();
    let from = center_of(&harness, &strings::lane_label("Backstage"));
    let to = center_of(&harness, &strings::lane_label("Actions")) - Vec2::new(0.0, 20.0);
    drag(&mut harness, from, to);
    let map = harness.state().document().map();
    assert_eq!(map.lanes[0].name, "Backstage");
    assert_eq!(map.lanes[1].name, "Actions");
}

#[test]
fn picking_a_face_sets_the_feeling() {
    let mut harness = harness();
    harness
        .get_by_label(&strings::card_label("Menu in the app"))
        .click();
    harness.run();
    let id = harness
        .state()
        .document()
        .map()
        .cards
        .iter()
        .find(|c| c.title == "Menu in the app")
        .unwrap()
        .id;
    assert_eq!(harness.state().selection(), Selection::Card(id));

    // One click on the face bar under the selected card…
    harness
        .get_by_label(&format!(
            "{}: {}",
            strings::set_feeling(),
            Feeling::Delighted.label()
        ))
        .click();
    harness.run();
    assert_eq!(
        harness.state().document().map().card(id).unwrap().feeling,
        Some(Feeling::Delighted)
    );

    // …or in the inspector, where "no feeling" is a choice too.
    harness.get_by_label(strings::no_feeling()).click();
    harness.run();
    assert_eq!(
        harness.state().document().map().card(id).unwrap().feeling,
        None
    );
}

#[test]
fn dragging_a_curve_point_sets_the_stage_feeling_in_one_step() {
    let mut harness = harness();
    let label = strings::curve_point_label("I'm hungry");
    let from = center_of(&harness, &label);
    let feelings = harness
        .get_by_label(&strings::lane_label("Feelings"))
        .rect();
    drag(&mut harness, from, pos2(from.x, feelings.bottom() - 2.0));
    let point = |harness: &Harness<'_, TrayectoApp>| {
        let map = harness.state().document().map();
        map.journeys[0].curve.get(&map.stages[0].id).copied()
    };
    assert_eq!(point(&harness), Some(Feeling::Angry));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(point(&harness), None, "the whole drag is one undo step");
}

#[test]
fn double_clicking_an_empty_cell_adds_a_card_with_the_typed_title() {
    let mut harness = harness();
    let hungry = harness
        .get_by_label(&strings::stage_label("I'm hungry"))
        .rect();
    let pains = harness
        .get_by_label(&strings::lane_label("Pain points"))
        .rect();
    click_at(&mut harness, pos2(hungry.center().x, pains.center().y), 2);
    harness.run();
    harness.event(Event::Text("Fridge is empty".into()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let map = harness.state().document().map();
    let card = map
        .cards
        .iter()
        .find(|c| c.title == "Fridge is empty")
        .expect("card added");
    assert_eq!(card.stage, map.stages[0].id);
    assert_eq!(map.lane(card.lane).unwrap().name, "Pain points");
}

#[test]
fn delete_and_duplicate_act_on_the_selected_card() {
    let mut harness = harness();
    let count = harness.state().document().map().cards.len();
    harness
        .get_by_label(&strings::card_label("Opens the box"))
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    let map = harness.state().document().map();
    assert_eq!(map.cards.len(), count + 1);
    assert_eq!(
        map.cards
            .iter()
            .filter(|c| c.title == "Opens the box")
            .count(),
        2
    );
    harness.key_press(Key::Delete);
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(
        harness.state().document().map().cards.len(),
        count,
        "only the selection is deleted"
    );
}

#[test]
fn ctrl_s_saves_to_the_file_and_ctrl_z_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    trayecto::file::save(&path, &pizza()).unwrap();
    let mut harness = harness_for(Document::open(&path).unwrap());
    harness
        .get_by_label(&strings::card_label("Rating email"))
        .click();
    harness.run();
    harness.get_by_label(Feeling::Happy.label()).click();
    harness.run();
    assert!(harness.state().document().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().document().is_dirty());
    let saved = trayecto::file::load(&path).unwrap();
    let card = saved
        .cards
        .iter()
        .find(|c| c.title == "Rating email")
        .unwrap();
    assert_eq!(card.feeling, Some(Feeling::Happy));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let map = harness.state().document().map();
    assert_eq!(
        map.cards
            .iter()
            .find(|c| c.title == "Rating email")
            .unwrap()
            .feeling,
        Some(Feeling::Sad)
    );
    assert!(harness.state().document().is_dirty());
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let mut harness = harness();
    delete_a_card(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Unsaved { .. })
    ));
    harness.get_by_label(strings::unsaved_title());
    assert_eq!(
        harness.state().document().map().title,
        "Ordering a pizza",
        "nothing thrown away yet"
    );

    harness.get_by_label(strings::cancel_button()).click();
    harness.run();
    assert!(harness.state().dialog().is_none());
    assert_eq!(harness.state().document().map().title, "Ordering a pizza");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label(strings::discard_button()).click();
    harness.run();
    assert_eq!(
        harness.state().document().map(),
        &templates::load("blank").unwrap()
    );
}

#[test]
fn opening_a_bad_file_shows_an_error_and_keeps_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format: 1, map: (title: \"x\",, ))").unwrap();
    let mut harness = harness();
    // Dropping a file on the window opens it.
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(bad.clone())));
    // One frame takes the drop and starts reading the file on a worker thread (the status
    // bar's spinner turns meanwhile); the test waits for the read as a person would.
    harness.step();
    harness.state_mut().finish_reading();
    harness.run();
    match harness.state().dialog() {
        Some(Dialog::Error(message)) => {
            assert!(message.contains("bad.ron:1:"), "{message}");
        }
        other => panic!("expected an error dialog, got {other:?}"),
    }
    assert_eq!(harness.state().document().map(), &pizza());
}

#[derive(Debug)]
struct DroppedPath(std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut harness = harness();
    delete_a_card(&mut harness);
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Unsaved { .. })
    ));
    assert_eq!(
        harness.state().document().map().cards.len(),
        pizza().cards.len() - 1,
        "nothing lost"
    );
}

#[test]
fn redo_with_both_shortcuts() {
    let mut harness = harness();
    delete_a_card(&mut harness);
    let deleted = harness.state().document().map().clone();
    for redo in [Modifiers::COMMAND | Modifiers::SHIFT, Modifiers::COMMAND] {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
        assert_ne!(harness.state().document().map(), &deleted);
        let key = if redo.shift { Key::Z } else { Key::Y };
        harness.key_press_modifiers(redo, key);
        harness.run();
        assert_eq!(harness.state().document().map(), &deleted);
    }
}

#[test]
fn typing_in_a_field_is_one_undo_step() {
    let mut harness = harness();
    harness
        .get_by_label(&strings::card_label("Opens the box"))
        .click();
    harness.run();
    let field = harness.get_by_label(strings::title());
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    for text in ["Un", "boxes", " it"] {
        harness.event(Event::Text(text.into()));
        harness.run();
    }
    assert!(
        harness
            .state()
            .document()
            .map()
            .cards
            .iter()
            .any(|c| c.title == "Unboxes it")
    );
    // Leave the field, then one undo restores the whole title.
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().map(), &pizza());
}

#[test]
fn ctrl_scroll_zooms_around_the_pointer() {
    let mut harness = harness();
    let card = harness
        .get_by_label(&strings::card_label("Calls the branch"))
        .rect();
    let before = card.size();
    harness.hover_at(card.center());
    harness.run();
    harness.event(Event::Zoom(1.5));
    harness.run();
    let after = harness
        .get_by_label(&strings::card_label("Calls the branch"))
        .rect();
    assert!(
        (after.width() / before.x - 1.5).abs() < 0.01,
        "{before:?} → {:?}",
        after.size()
    );
    assert!(
        after.contains(card.center()),
        "the point under the pointer stays under it"
    );
}

#[test]
fn export_dialog_writes_the_chosen_format_and_remembers_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let app = TrayectoApp::new(
        Document::new(pizza()),
        AppOptions {
            config_dir: Some(config.clone()),
            ..AppOptions::default()
        },
    );
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1600.0, 1000.0))
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut TrayectoApp| app.show(ui), app);
    harness.run();
    // A selection must not leak into the image.
    harness
        .get_by_label(&strings::card_label("Opens the box"))
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(matches!(harness.state().dialog(), Some(Dialog::Export(..))));
    harness
        .get_by_label(trayecto::export::ImageFormat::Svg.short_name())
        .click();
    harness.run();
    harness.get_by_label(strings::export_legend()).click();
    harness.run();
    harness.get_by_label(strings::export_button()).click();
    harness.run();
    // No native dialog in tests: the path field, pre-filled and focused.
    let path = dir.path().join("workshop.svg");
    let field = harness.get_by_label(strings::path_label());
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(Event::Text(path.display().to_string()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.step();
    // The export runs on a worker thread (a spinner shows); the status bar says when it is done.
    let start = std::time::Instant::now();
    while !harness.state().status().contains("workshop.svg") {
        assert!(
            start.elapsed().as_secs() < 20,
            "export did not finish: {}",
            harness.state().status()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    let svg = std::fs::read_to_string(&path).expect("the SVG was written");
    assert!(svg.contains("<text") && svg.contains("Ordering a pizza"));
    assert!(
        !svg.contains(strings::legend_feelings()),
        "legend was switched off"
    );

    // The next session opens the dialog with the same choices.
    let remembered = std::fs::read_to_string(config.join("export.ron")).unwrap();
    assert!(
        remembered.contains("Svg") && remembered.contains("legend: false"),
        "{remembered}"
    );
    let again = TrayectoApp::new(
        Document::new(pizza()),
        AppOptions {
            config_dir: Some(config),
            ..AppOptions::default()
        },
    );
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut TrayectoApp| app.show(ui), again);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    match harness.state().dialog() {
        Some(Dialog::Export(options, _)) => {
            assert_eq!(options.format, trayecto::export::ImageFormat::Svg);
            assert!(!options.legend);
        }
        other => panic!("expected the export dialog, got {other:?}"),
    }
}

#[test]
fn f2_renames_the_selected_stage_in_place() {
    let mut harness = harness();
    harness.get_by_label(&strings::stage_label("Order")).click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    // The old name is selected, so typing replaces it.
    harness.event(Event::Text("Place the order".into()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let names: Vec<_> = harness
        .state()
        .document()
        .map()
        .stages
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names[2], "Place the order");
}

#[test]
fn right_click_menu_on_a_card() {
    let mut harness = harness();
    let count = harness.state().document().map().cards.len();
    harness
        .get_by_label(&strings::card_label("Opens the box"))
        .click_secondary();
    harness.run();
    harness
        .get_by_label(trayecto::model::MomentKind::Pain.label())
        .click();
    harness.run();
    let map = harness.state().document().map();
    assert_eq!(
        map.cards
            .iter()
            .find(|c| c.title == "Opens the box")
            .unwrap()
            .moment_kind(),
        Some(trayecto::model::MomentKind::Pain)
    );
    harness
        .get_by_label(&strings::card_label("Opens the box"))
        .click_secondary();
    harness.run();
    harness.get_by_label(strings::delete()).click();
    harness.run();
    assert_eq!(harness.state().document().map().cards.len(), count - 1);
}

#[test]
fn dragging_to_the_canvas_edge_scrolls_the_map() {
    let mut harness = harness_for(Document::new(trayecto::sample::generated(30, 6, 60)));
    let card = center_of(
        &harness,
        &strings::card_label("Card 1 with a title long enough to wrap onto a second line"),
    );
    let header = harness
        .get_by_label(&strings::stage_label("Stage 8"))
        .rect();
    harness.drag_at(card);
    harness.run();
    // Hold the card at the right edge of the canvas (left of the 290-point inspector) a while.
    let edge = pos2(1600.0 - 300.0, card.y);
    for _ in 0..20 {
        harness.hover_at(edge);
        harness.step();
    }
    let moved = harness
        .get_by_label(&strings::stage_label("Stage 8"))
        .rect();
    assert!(
        moved.left() < header.left() - 100.0,
        "the map scrolled left: {header:?} → {moved:?}"
    );
    harness.key_press(Key::Escape);
    harness.drop_at(edge);
    harness.run();
}

/// Opens the export dialog on what is shown and answers it; the file name the typed-path
/// dialog then suggests (tests have no native dialog).
fn suggested_export_name(harness: &mut Harness<'_, TrayectoApp>) -> String {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label(strings::export_button()).click();
    harness.run();
    let name = match harness.state().dialog() {
        Some(Dialog::Path { text, .. }) => std::path::Path::new(text)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned(),
        other => panic!("expected the path dialog, got {other:?}"),
    };
    harness.key_press(Key::Escape);
    harness.run();
    name
}

#[test]
fn each_view_exports_under_its_own_name_with_the_options_that_apply_to_it() {
    use egui::accesskit::Role;
    use trayecto::ui::Screen;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pizza.ron");
    trayecto::file::save(&path, &pizza()).unwrap();
    let mut harness = harness_for(Document::open(&path).unwrap());
    let map = harness.state().document().map().clone();
    assert_eq!(suggested_export_name(&mut harness), "pizza.png");
    let target = trayecto::view::View::choose(&map, trayecto::view::JourneyChoice::Target);
    harness.state_mut().set_view(target.unwrap());
    harness.run();
    assert_eq!(suggested_export_name(&mut harness), "pizza-target.png");
    harness
        .state_mut()
        .set_view(trayecto::view::View::overlay(&map).unwrap());
    harness.run();
    assert_eq!(suggested_export_name(&mut harness), "pizza-overlay.png");

    // The journey offers its persona, feelings and notes; the roadmap its priorities only.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    let offered = |harness: &Harness<'_, TrayectoApp>, option: &str| {
        harness
            .query_by_role_and_label(Role::CheckBox, option)
            .is_some()
    };
    for option in [
        strings::export_persona(),
        strings::export_legend(),
        strings::export_notes(),
    ] {
        assert!(offered(&harness, option), "{option}");
    }
    // Scale is a PNG's choice: gone for SVG.
    assert!(harness.query_by_label(strings::export_scale()).is_some());
    harness
        .get_by_label(trayecto::export::ImageFormat::Svg.short_name())
        .click();
    harness.run();
    assert!(harness.query_by_label(strings::export_scale()).is_none());
    harness
        .get_by_label(trayecto::export::ImageFormat::Png.short_name())
        .click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    harness.state_mut().set_screen(Screen::Roadmap);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(!offered(&harness, strings::export_persona()));
    assert!(!offered(&harness, strings::export_legend()));
    assert!(!offered(&harness, strings::export_notes()));
    assert!(offered(
        &harness,
        trayecto::i18n::tr("export-legend-priorities")
    ));
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(suggested_export_name(&mut harness), "pizza-roadmap.png");
    harness.state_mut().set_screen(Screen::Actions);
    harness.run();
    assert_eq!(suggested_export_name(&mut harness), "pizza-actions.png");

    // With the gap panel open, the dialog offers the gap analysis beside the journey.
    harness.state_mut().set_screen(Screen::Journey);
    harness.state_mut().set_view(trayecto::view::View::of(&map));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::G);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness
        .get_by_role_and_label(Role::RadioButton, strings::gap_panel())
        .click();
    harness.run();
    assert!(!offered(&harness, strings::export_persona()));
    assert!(offered(&harness, strings::export_title()));
    harness.get_by_label(strings::export_button()).click();
    harness.run();
    let gap = dir.path().join("pizza-gap.svg");
    match harness.state().dialog() {
        Some(Dialog::Path { text, .. }) => assert!(text.ends_with("pizza-gap.png"), "{text}"),
        other => panic!("expected the path dialog, got {other:?}"),
    }
    let field = harness.get_by_label(strings::path_label());
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(Event::Text(gap.display().to_string()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.step();
    let start = std::time::Instant::now();
    while !harness.state().status().contains("pizza-gap.svg") {
        assert!(
            start.elapsed().as_secs() < 20,
            "{}",
            harness.state().status()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    let texts = crate::support::svg_texts(&std::fs::read_to_string(&gap).unwrap());
    assert!(
        texts.iter().any(|t| t == "Ordering a pizza · Gap analysis"),
        "{texts:?}"
    );
}

#[test]
fn the_gap_panel_and_the_action_table_show_their_words_whole_on_a_1024_pixel_projector() {
    use egui::accesskit::Role;
    use trayecto::i18n::{self, Lang};
    i18n::set(Lang::Es);
    let map = templates::load_in("pizza", Lang::Es).unwrap();
    let mut harness = harness_sized(
        Document::new(map.clone()),
        AppOptions::default(),
        Vec2::new(1024.0, 768.0),
    );
    assert!(harness.state().inspector_shown());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::G);
    harness.run();
    // Every list of the rows on screen stays left of the inspector, wrapped in its column.
    let inspector = harness.get_by_label(strings::map()).rect().left();
    let analysis = trayecto::report::gap::analyse(&map).unwrap();
    let line = harness.get_by_label(strings::col_stage()).rect().height();
    for row in &analysis.rows[..2] {
        for item in row.pains.iter().chain(&row.pain_points).chain(&row.kpis) {
            let rect = harness.get_by_label(&format!("• {item}")).rect();
            assert!(rect.right() <= inspector, "{item} runs under the inspector");
        }
    }
    // "NPS: −10 → 30" is too long for its column: it wraps rather than being cut.
    let kpi = format!("• {}", analysis.rows[1].kpis[0]);
    let kpi = harness.get_by_label(&kpi).rect();
    assert!(kpi.height() > 1.5 * line, "{kpi:?}");

    // The action table: each choice's column as wide as its longest word and the arrow.
    harness
        .state_mut()
        .set_screen(trayecto::ui::Screen::Actions);
    harness.run();
    // Ten columns are wider than the window: the last ones are scrolled to.
    scroll_sideways(&mut harness, pos2(300.0, 150.0), -2000.0);
    let body = egui::TextStyle::Body.resolve(&harness.ctx.global_style());
    let width = |text: &str| {
        harness.ctx.fonts_mut(|fonts| {
            fonts
                .layout_no_wrap(text.to_owned(), body.clone(), egui::Color32::BLACK)
                .size()
                .x
        })
    };
    let arrow = 14.0;
    let action = &map.actions[0].title;
    for (column, longest) in [
        (strings::col_horizon(), "Más adelante"),
        (strings::col_status(), "Planificada"),
    ] {
        let combo = harness
            .get_by_role_and_label(Role::ComboBox, &strings::cell_label(column, action))
            .rect();
        assert!(
            combo.width() >= width(longest) + arrow,
            "{column}: {combo:?} for «{longest}»"
        );
    }
    i18n::set(Lang::En);
}
