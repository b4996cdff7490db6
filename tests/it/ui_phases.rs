//! Speaking Spanish, grouping stages into phases and mapping decisions, in the window.

use crate::support::{type_into, undo};
use crate::ui::harness_with;
use egui::accesskit::Role;
use egui::{Event, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use trayecto::document::Document;
use trayecto::i18n::strings;
use trayecto::i18n::{self, Lang};
use trayecto::templates;
use trayecto::ui::{AppOptions, Selection, TrayectoApp};

fn five_steps() -> Harness<'static, TrayectoApp> {
    harness_with(
        Document::new(templates::load("five-steps").unwrap()),
        AppOptions::default(),
    )
}

/// Opens the combo box labelled `label` (the `nth` of them) and picks `item`.
pub(crate) fn pick(harness: &mut Harness<'_, TrayectoApp>, label: &str, nth: usize, item: &str) {
    harness
        .get_all_by_label(label)
        .filter(|n| n.accesskit_node().role() == Role::ComboBox)
        .nth(nth)
        .unwrap_or_else(|| panic!("no combo box {label} #{nth}"))
        .click();
    harness.run();
    harness
        .get_all_by_label(item)
        .last()
        .unwrap_or_else(|| panic!("no item {item}"))
        .click();
    harness.run();
}

#[test]
fn the_view_menu_switches_the_language_and_remembers_it() {
    let config = tempfile::tempdir().unwrap();
    let mut harness = harness_with(
        Document::new(templates::load("pizza").unwrap()),
        AppOptions {
            config_dir: Some(config.path().to_owned()),
            ..AppOptions::default()
        },
    );
    assert_eq!(harness.state().language(), Lang::En);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Language").click();
    harness.run();
    harness.get_by_label("Español").click();
    harness.run();
    assert_eq!(harness.state().language(), Lang::Es);
    // Menus, row headers and the journey bar speak Spanish; the map's words stay as written.
    harness.get_by_label("Archivo");
    harness.get_by_label("Ver");
    assert!(harness.query_by_label("File").is_none());
    harness.get_by_label("Etapa: I'm hungry");
    harness.get_by_label("Decisión: Order from us or from another pizzeria?");
    assert_eq!(
        trayecto::ui::remembered_language(Some(config.path())),
        Some(Lang::Es)
    );
    // And back.
    harness.get_by_label("Ver").click();
    harness.run();
    harness.get_by_label("Idioma").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("File");
    assert_eq!(
        trayecto::ui::remembered_language(Some(config.path())),
        Some(Lang::En)
    );
    i18n::set(Lang::En);
}

#[test]
fn a_phase_is_added_and_named_in_one_step_and_regrouped_in_another() {
    let mut harness = five_steps();
    harness
        .get_by_label(&strings::stage_label("Purchase"))
        .click();
    harness.run();
    harness.get_by_label(strings::add_phase_here()).click();
    harness.run();
    // The new phase is named at once, on the canvas.
    harness.event(Event::Text("Buying".into()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let map = harness.state().document().map();
    let purchase = map.stages[2].id;
    assert_eq!(map.phases.len(), 1);
    assert_eq!(map.phases[0].name, "Buying");
    assert_eq!(map.phases[0].stages, [purchase]);
    let phase = map.phases[0].id;
    assert_eq!(harness.state().selection(), Selection::Phase(phase));
    harness.get_by_label(&strings::phase_label("Buying"));

    // The inspector regroups it: up to "Retention".
    pick(&mut harness, strings::phase_to(), 0, "Retention");
    let map = harness.state().document().map();
    assert_eq!(map.phases[0].stages, [purchase, map.stages[3].id]);

    undo(&mut harness);
    assert_eq!(
        harness.state().document().map().phases[0].stages,
        [purchase]
    );
    // Adding it and naming it were one step.
    undo(&mut harness);
    assert!(harness.state().document().map().phases.is_empty());
}

#[test]
fn a_decision_is_added_and_edited_in_the_inspector_each_in_one_step() {
    let mut harness = five_steps();
    harness
        .get_by_label(&strings::stage_label("Consideration"))
        .click();
    harness.run();
    harness.get_by_label(strings::add_fork_here()).click();
    harness.run();
    let map = harness.state().document().map().clone();
    assert_eq!(map.forks.len(), 1);
    let fork = map.forks[0].clone();
    assert_eq!(fork.stage, map.stages[1].id);
    assert_eq!(fork.branches[0].to, Some(map.stages[2].id));
    assert_eq!(fork.branches[1].to, None);
    assert_eq!(harness.state().selection(), Selection::Fork(fork.id));

    type_into(
        &mut harness,
        strings::question(),
        0,
        "Buy here or elsewhere?",
    );
    type_into(&mut harness, strings::branch_label(), 1, "Elsewhere");
    pick(&mut harness, strings::leads_to(), 0, "Retention");
    let map = harness.state().document().map().clone();
    let edited = &map.forks[0];
    assert_eq!(edited.question, "Buy here or elsewhere?");
    assert_eq!(edited.branches[1].label, "Elsewhere");
    assert_eq!(edited.branches[0].to, Some(map.stages[3].id));
    // Drawn on the canvas, where a click selects it.
    harness.get_by_label(&strings::fork_label("Buy here or elsewhere?"));

    undo(&mut harness);
    assert_eq!(
        harness.state().document().map().forks[0].branches[0].to,
        Some(map.stages[2].id)
    );
    undo(&mut harness);
    undo(&mut harness);
    assert_eq!(harness.state().document().map().forks[0], fork);
    undo(&mut harness);
    assert!(harness.state().document().map().forks.is_empty());
}

#[test]
fn tab_renames_the_phases_in_turn() {
    let mut harness = harness_with(
        Document::new(templates::load("before-during-after").unwrap()),
        AppOptions::default(),
    );
    harness
        .get_by_label(&strings::phase_label("Before the purchase"))
        .click();
    harness.run();
    harness.state_mut().run(trayecto::ui::Command::Rename);
    harness.run();
    harness.run();
    for name in ["Discover", "Buy"] {
        harness.event(Event::Text(name.into()));
        harness.run();
        harness.key_press(Key::Tab);
        harness.run();
        harness.run();
    }
    // The last phase: Tab past it adds nothing (phases group stages; there is none left).
    harness.event(Event::Text("Use".into()));
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    let map = harness.state().document().map();
    let names: Vec<_> = map.phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Discover", "Buy", "Use"]);
}
