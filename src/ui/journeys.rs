//! The journey bar above the canvas: one tab per journey, the overlay of the current and the
//! target journey, new journeys, the roadmap and action table, and the gap panel's switch.
//!
//! The bar is always one row, whatever the window's width: what does not fit goes into a
//! "More…" menu, so the tabs never jump to a second row (and under the pointer) when the
//! inspector is shown or hidden.

use super::{Command, Screen};
use crate::edit::{self, Edit};
use crate::i18n::strings;
use crate::model::{Journey, JourneyId, JourneyKind, Map};
use crate::view::View;
use egui::{Id, RichText, Ui};

/// One thing in the bar, in the order they stand.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Item {
    Label,
    /// The tab of the journey at this index.
    Journey(usize),
    /// The menu of what does not fit.
    More,
    Overlay,
    /// The "+" menu: new journeys.
    Add,
    /// A separator (the first or the second).
    Separator(u8),
    Screen(Screen),
    GapPanel,
}

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
    let tabs: Vec<String> = map.journeys.iter().map(|j| tab_label(map, j)).collect();
    let text_of = |item: Item| -> String {
        match item {
            Item::Label => strings::journey_bar().to_owned(),
            Item::Journey(i) => tabs[i].clone(),
            Item::More => strings::journey_bar_more().to_owned(),
            Item::Overlay => strings::overlay().to_owned(),
            Item::Add => "+".to_owned(),
            Item::Separator(_) => String::new(),
            Item::Screen(Screen::Roadmap) => strings::roadmap().to_owned(),
            Item::Screen(_) => strings::actions().to_owned(),
            Item::GapPanel => strings::gap_panel().to_owned(),
        }
    };
    let shown_tab = map
        .journeys
        .iter()
        .position(|j| on_journey && !view.is_overlay() && j.id == view.journey);
    let mut items = vec![Item::Label];
    items.extend((0..tabs.len()).map(Item::Journey));
    items.extend([
        Item::More,
        Item::Overlay,
        Item::Add,
        Item::Separator(0),
        Item::Screen(Screen::Roadmap),
        Item::Screen(Screen::Actions),
        Item::Separator(1),
        Item::GapPanel,
    ]);
    // What gives way first when the row is too narrow: the label, the gap switch (Ctrl+G and
    // the View menu have it too), the other journeys from the last one on, the plan's tabs,
    // the overlay. The shown journey, "+" and the "More…" menu always stay.
    let mut yield_order = vec![Item::Label, Item::GapPanel];
    yield_order.extend(
        (0..tabs.len())
            .rev()
            .filter(|i| Some(*i) != shown_tab)
            .map(Item::Journey),
    );
    yield_order.extend([Item::Screen(Screen::Actions), Item::Screen(Screen::Roadmap)]);
    if !(on_journey && view.is_overlay()) {
        yield_order.push(Item::Overlay);
    }
    let spacing = ui.spacing().item_spacing.x;
    let width = |ui: &Ui, item: Item| -> f32 {
        match item {
            // egui's separator takes this much room across the row.
            Item::Separator(_) => 6.0,
            _ => item_width(ui, &text_of(item)),
        }
    };
    let available = ui.available_width();
    let mut hidden: Vec<Item> = Vec::new();
    // Whether an item shows in the row when `hidden` are in the menu: a separator stands only
    // before what shows, "More…" only when something is in it.
    let shows = |item: Item, hidden: &[Item]| -> bool {
        let out = |i: &Item| hidden.contains(i);
        match item {
            Item::Separator(0) => {
                !out(&Item::Screen(Screen::Roadmap)) || !out(&Item::Screen(Screen::Actions))
            }
            Item::Separator(_) => !out(&Item::GapPanel),
            Item::More => hidden.iter().any(|i| *i != Item::Label),
            item => !out(&item),
        }
    };
    let total = |hidden: &[Item]| -> f32 {
        items
            .iter()
            .filter(|i| shows(**i, hidden))
            .map(|i| width(ui, *i) + spacing)
            .sum()
    };
    for item in yield_order {
        if total(&hidden) <= available {
            break;
        }
        hidden.push(item);
    }
    // Room left by a wide item that gave way may still hold a smaller one that went before it.
    for item in hidden.clone().into_iter().rev() {
        let without: Vec<Item> = hidden.iter().copied().filter(|i| *i != item).collect();
        if total(&without) <= available {
            hidden = without;
        }
    }
    let overflow: Vec<Item> = items
        .iter()
        .copied()
        .filter(|i| hidden.contains(i) && *i != Item::Label)
        .collect();

    ui.horizontal(|ui| {
        for item in &items {
            let item = *item;
            if !shows(item, &hidden) {
                continue;
            }
            let response = match item {
                Item::Label => ui.label(RichText::new(text_of(item)).weak()),
                Item::Journey(i) => journey_tab(ui, map, view, screen, i, out),
                Item::More => ui
                    .menu_button(text_of(item), |ui| {
                        for item in &overflow {
                            match *item {
                                Item::Journey(i) => {
                                    journey_tab(ui, map, view, screen, i, out);
                                }
                                Item::Overlay => {
                                    overlay_tab(ui, map, view, screen, out);
                                }
                                Item::Screen(target) => {
                                    screen_tab(ui, screen, target, &text_of(*item), out);
                                }
                                Item::GapPanel => {
                                    gap_switch(ui, gap_open, out);
                                }
                                _ => {}
                            }
                        }
                    })
                    .response
                    .on_hover_text(strings::journey_bar_more_hint()),
                Item::Overlay => overlay_tab(ui, map, view, screen, out),
                Item::Add => add_menu(ui, map, view, out),
                Item::Separator(_) => ui.separator(),
                Item::Screen(target) => screen_tab(ui, screen, target, &text_of(item), out),
                Item::GapPanel => gap_switch(ui, gap_open, out),
            };
            if item == Item::More {
                super::probe::note(&response, strings::journey_bar_more());
            }
            remember_width(ui, &text_of(item), item, response.rect.width());
        }
    });
}

/// How wide an item with `text` was when last drawn, else an estimate from its text.
fn item_width(ui: &Ui, text: &str) -> f32 {
    if let Some(width) = ui.data(|d| d.get_temp::<f32>(width_id(text))) {
        return width;
    }
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Button,
    );
    galley.size().x + 2.0 * ui.spacing().button_padding.x + 2.0
}

fn remember_width(ui: &Ui, text: &str, item: Item, width: f32) {
    if !matches!(item, Item::Separator(_)) {
        ui.data_mut(|d| d.insert_temp(width_id(text), width));
    }
}

fn width_id(text: &str) -> Id {
    Id::unique(("journey bar item", text))
}

/// The tab of the journey at `index`.
fn journey_tab(
    ui: &mut Ui,
    map: &Map,
    view: &View,
    screen: Screen,
    index: usize,
    out: &mut Vec<Command>,
) -> egui::Response {
    let journey = &map.journeys[index];
    let shown = screen == Screen::Journey && view.journey == journey.id && !view.is_overlay();
    let tab = ui
        .selectable_label(shown, tab_label(map, journey))
        .on_hover_text(journey.kind.label());
    super::probe::note(&tab, &strings::journey_tab_label(&journey.name));
    if tab.clicked() && !shown {
        show(journey.id, out);
    }
    tab
}

fn show(journey: JourneyId, out: &mut Vec<Command>) {
    out.push(Command::Screen(Screen::Journey));
    out.push(Command::View(View {
        journey,
        compare: None,
    }));
}

/// The overlay's tab: the current journey with the target's curve over it.
fn overlay_tab(
    ui: &mut Ui,
    map: &Map,
    view: &View,
    screen: Screen,
    out: &mut Vec<Command>,
) -> egui::Response {
    let overlay = View::overlay(map);
    let tab = ui
        .add_enabled(
            overlay.is_some(),
            egui::Button::selectable(
                screen == Screen::Journey && view.is_overlay(),
                strings::overlay(),
            ),
        )
        .on_hover_text(strings::overlay_hint())
        .on_disabled_hover_text(strings::overlay_needs_target());
    if tab.clicked()
        && let Some(overlay) = overlay
    {
        out.push(Command::Screen(Screen::Journey));
        out.push(Command::View(overlay));
    }
    tab
}

/// "+": the target from the current journey, or a new journey.
fn add_menu(ui: &mut Ui, map: &Map, view: &View, out: &mut Vec<Command>) -> egui::Response {
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
    .on_hover_text(strings::add_journey())
}

/// The tab of the roadmap or the action table.
fn screen_tab(
    ui: &mut Ui,
    screen: Screen,
    target: Screen,
    label: &str,
    out: &mut Vec<Command>,
) -> egui::Response {
    let tab = ui.selectable_label(screen == target, label);
    super::probe::note(&tab, label);
    if tab.clicked() && screen != target {
        out.push(Command::Screen(target));
    }
    tab
}

/// The gap panel's switch.
fn gap_switch(ui: &mut Ui, gap_open: bool, out: &mut Vec<Command>) -> egui::Response {
    let gap = ui.add(egui::Button::selectable(gap_open, strings::gap_panel()));
    if gap.clicked() {
        out.push(Command::ToggleGap);
    }
    gap
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

/// The requests that make a journey and show it (a copy with decisions comes in a batch).
fn show_after(edit: Edit) -> Vec<Command> {
    let inserted = |edit: &Edit| match edit {
        Edit::InsertJourney { journey, .. } => Some(journey.id),
        _ => None,
    };
    let journey = match &edit {
        Edit::Batch(edits) => edits.iter().find_map(inserted),
        edit => inserted(edit),
    };
    let Some(journey) = journey else {
        return vec![Command::Edit(edit, None)];
    };
    let view = View {
        journey,
        compare: None,
    };
    vec![Command::Edit(edit, None), Command::View(view)]
}
