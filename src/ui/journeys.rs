//! The journey bar above the canvas: one tab per journey, the overlay of the current and the
//! target journey, new journeys, and the gap panel's switch.

use super::{Command, Screen};
use crate::edit::{self, Edit};
use crate::i18n::strings;
use crate::model::{Journey, JourneyKind, Map};
use crate::view::View;
use egui::{RichText, Ui};

/// What the bar shows: the map, the view, the screen, and whether the gap panel is open.
pub fn bar(
    ui: &mut Ui,
    map: &Map,
    view: &View,
    screen: Screen,
    gap_open: bool,
    out: &mut Vec<Command>,
) {
    let on_journey = screen == Screen::Journey;
    // Wraps onto a second row in a narrow window rather than drawing tabs over each other.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(strings::journey_bar()).weak());
        for journey in &map.journeys {
            let shown = on_journey && view.journey == journey.id && !view.is_overlay();
            let tab = ui
                .selectable_label(shown, tab_label(map, journey))
                .on_hover_text(journey.kind.label());
            super::probe::note(&tab, &strings::journey_tab_label(&journey.name));
            if tab.clicked() && !shown {
                out.push(Command::Screen(Screen::Journey));
                out.push(Command::View(View {
                    journey: journey.id,
                    compare: None,
                }));
            }
        }
        let overlay = View::overlay(map);
        let tab = ui
            .add_enabled(
                overlay.is_some(),
                egui::Button::selectable(on_journey && view.is_overlay(), strings::overlay()),
            )
            .on_hover_text(strings::overlay_hint())
            .on_disabled_hover_text(strings::overlay_needs_target());
        if tab.clicked()
            && let Some(overlay) = overlay
        {
            out.push(Command::Screen(Screen::Journey));
            out.push(Command::View(overlay));
        }
        ui.menu_button("+", |ui| {
            if let Some(current) = map.first_of(JourneyKind::Current)
                && target_button(ui, map).clicked()
            {
                out.extend(target_from_current(map, current));
            }
            if ui.button(strings::new_journey()).clicked() {
                out.extend(new_journey(map, view));
            }
        })
        .response
        .on_hover_text(strings::add_journey());
        ui.separator();
        for (target, label) in [
            (Screen::Roadmap, strings::roadmap()),
            (Screen::Actions, strings::actions()),
        ] {
            let tab = ui.selectable_label(screen == target, label);
            super::probe::note(&tab, label);
            if tab.clicked() && screen != target {
                out.push(Command::Screen(target));
            }
        }
        ui.separator();
        let gap = ui.add(egui::Button::selectable(gap_open, strings::gap_panel()));
        if gap.clicked() {
            out.push(Command::ToggleGap);
        }
    });
}

fn tab_label(map: &Map, journey: &Journey) -> String {
    match journey.persona.and_then(|p| map.persona(p)) {
        Some(persona) => format!("{} · {}", journey.name, persona.name),
        None => journey.name.clone(),
    }
}

/// "Create target from current": once the map has a target journey, greyed out and saying
/// where it is (a second copy would only be told apart by its tab's place).
pub fn target_button(ui: &mut Ui, map: &Map) -> egui::Response {
    let exists = map.first_of(JourneyKind::Target).is_some();
    ui.add_enabled(!exists, egui::Button::new(strings::target_from_current()))
        .on_disabled_hover_text(strings::target_exists())
}

/// The requests that copy the current journey as a target journey and show it: one undo step.
pub fn target_from_current(map: &Map, current: &Journey) -> Vec<Command> {
    let name = strings::target_journey_name().to_owned();
    let Some(edit) = edit::copy_journey(map, current.id, JourneyKind::Target, name) else {
        return Vec::new();
    };
    show_after(edit)
}

/// An empty journey for the shown persona, shown at once.
pub fn new_journey(map: &Map, view: &View) -> Vec<Command> {
    let journey = Journey {
        id: map.new_journey_id(),
        name: strings::new_journey_name().to_owned(),
        kind: if map.first_of(JourneyKind::Current).is_some() {
            JourneyKind::Other
        } else {
            JourneyKind::Current
        },
        persona: map.journey(view.journey).and_then(|j| j.persona),
        curve: Default::default(),
    };
    show_after(Edit::InsertJourney {
        index: map.journeys.len(),
        journey,
        cards: Vec::new(),
    })
}

fn show_after(edit: Edit) -> Vec<Command> {
    let Edit::InsertJourney { journey, .. } = &edit else {
        return vec![Command::Edit(edit, None)];
    };
    let view = View {
        journey: journey.id,
        compare: None,
    };
    vec![Command::Edit(edit, None), Command::View(view)]
}
