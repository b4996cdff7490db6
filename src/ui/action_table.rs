//! The action table: every action in one sortable table, edited in place. Rows are virtual
//! (only those on screen are built), so ten thousand actions scroll smoothly.
//!
//! The columns of fixed choices (priority, impact, effort, horizon, status) start as wide as
//! their longest word in the language spoken, so "Planificada" or "Más adelante" are never
//! cut; every column can be resized, and a word cut by a narrow column shows whole on hover.

use super::{Command, Selection};
use crate::document::Document;
use crate::edit::Edit;
use crate::history::MergeKey;
use crate::i18n::strings;
use crate::model::{Action, Horizon, Level, Map, Priority, Status};
use egui::{ComboBox, Response, RichText, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

/// The columns the table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    Priority,
    Title,
    Stage,
    Owner,
    Stream,
    Impact,
    Effort,
    Horizon,
    Status,
}

/// What a row order was computed from: the document's revision and the sort.
type OrderKey = ((u64, u64), Option<(SortBy, bool)>, crate::i18n::Lang);

/// What the columns' first widths were measured for: the document's revision and the language.
type WidthsKey = ((u64, u64), crate::i18n::Lang);

#[derive(Default)]
pub struct ActionTable {
    sort: Option<(SortBy, bool)>,
    /// Row order for the document revision and sort it was computed for.
    order: Option<(OrderKey, Vec<usize>)>,
    /// The columns' first widths, for the document revision and language they were measured
    /// in: priority, impact, effort, horizon, status, KPI.
    widths: Option<(WidthsKey, [f32; 6])>,
}

impl ActionTable {
    /// Sorts by `by`, or reverses the order when it already sorts by it.
    pub fn sort_by(&mut self, by: SortBy) {
        self.sort = match self.sort {
            Some((current, ascending)) if current == by => Some((by, !ascending)),
            _ => Some((by, true)),
        };
    }

    fn order(&mut self, doc: &Document) -> &[usize] {
        let key = (doc.layout_revision(), self.sort, crate::i18n::current());
        if self.order.as_ref().is_none_or(|(k, _)| *k != key) {
            self.order = Some((key, sorted(doc.map(), self.sort)));
        }
        &self.order.as_ref().expect("just computed").1
    }

    /// The first widths of the columns of choices: as wide as their longest word (and their
    /// header, with its sort arrow), a combo box's arrow included; and of the KPI column, as
    /// its longest name up to a point (longer ones show whole on hover).
    fn widths(&mut self, ui: &Ui, doc: &Document) -> [f32; 6] {
        let key = (doc.layout_revision(), crate::i18n::current());
        if let Some((measured, widths)) = self.widths
            && measured == key
        {
            return widths;
        }
        let map = doc.map();
        let spacing = ui.spacing();
        let combo = spacing.icon_width + spacing.icon_spacing + 2.0 * spacing.button_padding.x;
        let fit = |header: &str, words: &[&str], extra: f32| {
            let arrow = text_width(ui, " ▼");
            words
                .iter()
                .map(|w| text_width(ui, w) + extra)
                .fold(text_width(ui, header) + arrow, f32::max)
                .ceil()
                + 6.0
        };
        let priority = fit(
            strings::col_priority(),
            &Priority::ALL.map(Priority::label),
            0.0,
        );
        let levels = Level::ALL.map(Level::label);
        let impact = fit(strings::col_impact(), &levels, combo);
        let effort = fit(strings::col_effort(), &levels, combo);
        let horizon = fit(
            strings::col_horizon(),
            &Horizon::ALL.map(Horizon::label),
            combo,
        );
        let status = fit(
            strings::col_status(),
            &Status::ALL.map(Status::label),
            combo,
        );
        let kpi = map
            .kpis
            .iter()
            .map(|k| text_width(ui, &k.name))
            .fold(text_width(ui, strings::col_kpi()), f32::max)
            .clamp(80.0, 220.0)
            .ceil()
            + 6.0;
        let widths = [priority, impact, effort, horizon, status, kpi];
        self.widths = Some((key, widths));
        widths
    }

    pub fn show(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        selection: Selection,
        out: &mut Vec<Command>,
    ) {
        let map = doc.map();
        if map.actions.is_empty() {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| ui.label(RichText::new(strings::no_actions_hint()).weak()));
            return;
        }
        let order = self.order(doc).to_vec();
        let mut clicked_header = None;
        let columns = [
            (SortBy::Priority, strings::col_priority()),
            (SortBy::Title, strings::col_action()),
            (SortBy::Stage, strings::col_stages()),
            (SortBy::Owner, strings::col_owner()),
            (SortBy::Stream, strings::col_stream()),
            (SortBy::Impact, strings::col_impact()),
            (SortBy::Effort, strings::col_effort()),
            (SortBy::Horizon, strings::col_horizon()),
            (SortBy::Status, strings::col_status()),
        ];
        let sort = self.sort;
        let [priority, impact, effort, horizon, status, kpi] = self.widths(ui, doc);
        // Ten columns need more than a 1024-pixel projector gives: the table scrolls sideways
        // rather than hiding the last ones.
        egui::ScrollArea::horizontal()
            .auto_shrink(false)
            .show(ui, |ui| {
                TableBuilder::new(ui)
                    // Widths start again from the words of another language.
                    .id_salt(("action table", crate::i18n::current()))
                    .striped(true)
                    .resizable(true)
                    .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                    .column(Column::initial(priority).at_least(70.0).clip(true))
                    .column(Column::initial(280.0).at_least(140.0).clip(true))
                    .column(Column::initial(120.0).at_least(60.0).clip(true))
                    .columns(Column::initial(140.0).at_least(80.0).clip(true), 2)
                    .column(Column::initial(impact).at_least(60.0).clip(true))
                    .column(Column::initial(effort).at_least(60.0).clip(true))
                    .column(Column::initial(horizon).at_least(60.0).clip(true))
                    .column(Column::initial(status).at_least(60.0).clip(true))
                    .column(Column::remainder().at_least(kpi).clip(true))
                    .header(24.0, |mut header| {
                        for (by, title) in columns {
                            header.col(|ui| {
                                let arrow = match sort {
                                    Some((current, true)) if current == by => " ▲",
                                    Some((current, false)) if current == by => " ▼",
                                    _ => "",
                                };
                                let button = egui::Button::new(
                                    RichText::new(format!("{title}{arrow}")).strong(),
                                )
                                .frame(false);
                                let response = ui.add(button).on_hover_text(strings::sort_hint());
                                super::probe::note(&response, title);
                                if response.clicked() {
                                    clicked_header = Some(by);
                                }
                            });
                        }
                        header.col(|ui| {
                            ui.strong(strings::col_kpi());
                        });
                    })
                    .body(|body| {
                        body.rows(26.0, order.len(), |mut row| {
                            let action = &map.actions[order[row.index()]];
                            row.set_selected(selection == Selection::Action(action.id));
                            cells(&mut row, map, action, out);
                            if row.response().clicked() {
                                out.push(Command::Select(Selection::Action(action.id)));
                            }
                        });
                    });
            });
        if let Some(by) = clicked_header {
            self.sort_by(by);
        }
    }
}

/// How wide `text` is in the table's words, unwrapped.
fn text_width(ui: &Ui, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.ctx().fonts_mut(|fonts| {
        fonts
            .layout_no_wrap(text.to_owned(), font, egui::Color32::PLACEHOLDER)
            .size()
            .x
    })
}

/// The whole of `text` on hover, when it is wider than `room` and so cut in its cell.
fn whole_on_hover(ui: &Ui, response: Response, text: &str, room: f32) -> Response {
    if text_width(ui, text) > room {
        response.on_hover_text(text)
    } else {
        response
    }
}

/// Room for a combo box's words in a cell: its width less the arrow.
fn combo_room(ui: &Ui) -> f32 {
    let spacing = ui.spacing();
    ui.available_width()
        - spacing.icon_width
        - spacing.icon_spacing
        - 2.0 * spacing.button_padding.x
}

/// A label that shows its whole text on hover when the cell cuts it.
fn cut_label(ui: &mut Ui, text: &str) -> Response {
    let room = ui.available_width();
    let response = ui.label(text);
    whole_on_hover(ui, response, text, room)
}

/// Gives a cell's widget a name for screen readers (and tests): the column and the action.
fn name(response: &egui::Response, column: &str, action: &Action) {
    let label = strings::cell_label(column, &action.title);
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(label));
}

/// One row's cells: most of them edit the action in place.
fn cells(
    row: &mut egui_extras::TableRow<'_, '_>,
    map: &Map,
    action: &Action,
    out: &mut Vec<Command>,
) {
    let id = action.id;
    let set = |change: &dyn Fn(&mut Action)| {
        let mut changed = action.clone();
        change(&mut changed);
        Command::Edit(Edit::SetAction(changed), None)
    };
    row.col(|ui| {
        cut_label(ui, action.priority().label());
    });
    row.col(|ui| {
        let mut title = action.title.clone();
        let room = ui.available_width();
        let response = ui.add(
            TextEdit::singleline(&mut title)
                .frame(egui::Frame::NONE)
                // On the row's middle line, as the other cells' words.
                .margin(egui::Margin::symmetric(0, 0))
                .align(egui::Align2::LEFT_CENTER)
                .desired_width(f32::INFINITY),
        );
        let response = if response.has_focus() {
            response
        } else {
            whole_on_hover(ui, response, &action.title, room)
        };
        let label = strings::action_label(&action.title);
        super::probe::note(&response, &label);
        name(&response, strings::col_action(), action);
        if response.changed() {
            let mut changed = action.clone();
            changed.title = title;
            out.push(Command::Edit(
                Edit::SetAction(changed),
                Some(MergeKey("action title", id.0)),
            ));
        }
        if response.lost_focus() {
            out.push(Command::Seal);
        }
    });
    row.col(|ui| {
        let names: Vec<&str> = action
            .stages
            .iter()
            .filter_map(|s| map.stage(*s))
            .map(|s| s.name.as_str())
            .collect();
        cut_label(ui, &names.join(", "));
    });
    row.col(|ui| {
        let current = action
            .owner
            .and_then(|d| map.department(d))
            .map(|d| d.name.as_str());
        let room = combo_room(ui);
        let combo = ComboBox::from_id_salt(("owner", id.0))
            .selected_text(current.unwrap_or(strings::nobody()))
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                let choices =
                    std::iter::once(None).chain(map.departments.iter().map(|d| Some(d.id)));
                for choice in choices {
                    let name = choice
                        .and_then(|d| map.department(d))
                        .map_or(strings::nobody(), |d| d.name.as_str());
                    if ui.selectable_label(action.owner == choice, name).clicked()
                        && action.owner != choice
                    {
                        out.push(set(&|a| a.owner = choice));
                    }
                }
            });
        let shown = current.unwrap_or(strings::nobody());
        let response = whole_on_hover(ui, combo.response, shown, room);
        name(&response, strings::col_owner(), action);
    });
    row.col(|ui| {
        let current = action
            .stream
            .and_then(|s| map.stream(s))
            .map(|s| s.name.as_str());
        let room = combo_room(ui);
        let combo = ComboBox::from_id_salt(("stream", id.0))
            .selected_text(current.unwrap_or(strings::no_stream()))
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                let choices = std::iter::once(None).chain(map.streams.iter().map(|s| Some(s.id)));
                for choice in choices {
                    let name = choice
                        .and_then(|s| map.stream(s))
                        .map_or(strings::no_stream(), |s| s.name.as_str());
                    if ui.selectable_label(action.stream == choice, name).clicked()
                        && action.stream != choice
                    {
                        out.push(set(&|a| a.stream = choice));
                    }
                }
            });
        let shown = current.unwrap_or(strings::no_stream());
        let response = whole_on_hover(ui, combo.response, shown, room);
        name(&response, strings::col_stream(), action);
    });
    row.col(|ui| {
        let column = (strings::col_impact(), action);
        if let Some(level) = pick(
            ui,
            column,
            action.impact,
            &Level::ALL,
            crate::model::Level::label,
        ) {
            out.push(set(&|a| a.impact = level));
        }
    });
    row.col(|ui| {
        let column = (strings::col_effort(), action);
        if let Some(level) = pick(
            ui,
            column,
            action.effort,
            &Level::ALL,
            crate::model::Level::label,
        ) {
            out.push(set(&|a| a.effort = level));
        }
    });
    row.col(|ui| {
        let column = (strings::col_horizon(), action);
        if let Some(horizon) = pick(
            ui,
            column,
            action.horizon,
            &Horizon::ALL,
            crate::model::Horizon::label,
        ) {
            out.push(set(&|a| a.horizon = horizon));
        }
    });
    row.col(|ui| {
        let column = (strings::col_status(), action);
        if let Some(status) = pick(
            ui,
            column,
            action.status,
            &Status::ALL,
            crate::model::Status::label,
        ) {
            out.push(set(&|a| a.status = status));
        }
    });
    row.col(|ui| {
        if let Some(kpi) = action.kpi.and_then(|k| map.kpi(k)) {
            cut_label(ui, &kpi.name);
        }
    });
}

/// A small combo box over a list of choices, in a column of an action's row; the new choice
/// when one is picked.
fn pick<T: Copy + PartialEq>(
    ui: &mut Ui,
    (column, action): (&str, &Action),
    current: T,
    all: &[T],
    words: fn(T) -> &'static str,
) -> Option<T> {
    let mut picked = None;
    let room = combo_room(ui);
    let combo = ComboBox::from_id_salt((column, action.id.0))
        .selected_text(words(current))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for &choice in all {
                if ui
                    .selectable_label(current == choice, words(choice))
                    .clicked()
                    && current != choice
                {
                    picked = Some(choice);
                }
            }
        });
    let response = whole_on_hover(ui, combo.response, words(current), room);
    name(&response, column, action);
    picked
}

/// Row order: map order, or sorted by a column (ties keep map order).
pub fn sorted(map: &Map, sort: Option<(SortBy, bool)>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..map.actions.len()).collect();
    let Some((by, ascending)) = sort else {
        return order;
    };
    let owner = |a: &Action| {
        a.owner
            .and_then(|d| map.department(d))
            .map(|d| d.name.to_lowercase())
    };
    let stream = |a: &Action| {
        a.stream
            .and_then(|s| map.streams.iter().position(|x| x.id == s))
    };
    let stage = |a: &Action| a.stages.iter().filter_map(|s| map.stage_index(*s)).min();
    // Keys are computed once per action, not per comparison.
    match by {
        SortBy::Priority => order.sort_by_key(|&i| map.actions[i].priority()),
        SortBy::Title => {
            let keys: Vec<String> = map.actions.iter().map(|a| a.title.to_lowercase()).collect();
            order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        }
        SortBy::Stage => order.sort_by_key(|&i| stage(&map.actions[i]).unwrap_or(usize::MAX)),
        SortBy::Owner => {
            let keys: Vec<Option<String>> = map.actions.iter().map(owner).collect();
            order.sort_by(|&a, &b| {
                keys[a]
                    .is_none()
                    .cmp(&keys[b].is_none())
                    .then(keys[a].cmp(&keys[b]))
            });
        }
        SortBy::Stream => order.sort_by_key(|&i| stream(&map.actions[i]).unwrap_or(usize::MAX)),
        SortBy::Impact => order.sort_by_key(|&i| std::cmp::Reverse(map.actions[i].impact)),
        SortBy::Effort => order.sort_by_key(|&i| map.actions[i].effort),
        SortBy::Horizon => order.sort_by_key(|&i| map.actions[i].horizon),
        SortBy::Status => order.sort_by_key(|&i| map.actions[i].status),
    }
    if !ascending {
        order.reverse();
    }
    order
}
