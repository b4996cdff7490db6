//! Small widgets of our own.

use super::Command;
use crate::edit::Edit;
use crate::history::MergeKey;
use crate::model::Feeling;
use crate::paint::face;
use egui::{Response, RichText, Role, Sense, Stroke, TextEdit, Ui, WidgetInfo, vec2};

/// A round button showing a face (or an empty slot for "no feeling"), ringed when `selected`.
/// `label` is what screen readers and UI tests find it by.
pub fn face_button(
    ui: &mut Ui,
    feeling: Option<Feeling>,
    selected: bool,
    size: f32,
    label: &str,
) -> Response {
    let (rect, response) = ui.allocate_exact_size(vec2(size, size), Sense::click());
    response.widget_info(|| WidgetInfo::selected(Role::RadioButton, true, selected, label));
    let response = response.on_hover_text(label);
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let radius = size * 0.38;
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() {
            painter.circle(
                rect.center(),
                size * 0.5,
                visuals.bg_fill,
                Stroke::new(
                    2.0,
                    if selected {
                        ui.visuals().selection.stroke.color
                    } else {
                        visuals.bg_stroke.color
                    },
                ),
            );
        }
        match feeling {
            Some(feeling) => face::paint(painter, rect.center(), radius, feeling, 1.0),
            None => face::paint_empty(
                painter,
                rect.center(),
                radius,
                ui.visuals().weak_text_color(),
            ),
        }
    }
    response
}

/// The row of six face buttons (none + five faces); returns the picked value, if any.
pub fn feeling_picker(
    ui: &mut Ui,
    current: Option<Feeling>,
    size: f32,
    label: impl Fn(Option<Feeling>) -> String,
) -> Option<Option<Feeling>> {
    ui.horizontal(|ui| face_buttons(ui, current, size, true, label))
        .inner
}

/// The five face buttons alone, in a row; returns the picked face, if any.
pub fn face_picker(
    ui: &mut Ui,
    current: Option<Feeling>,
    size: f32,
    label: impl Fn(Option<Feeling>) -> String,
) -> Option<Feeling> {
    ui.horizontal(|ui| face_buttons(ui, current, size, false, label))
        .inner
        .flatten()
}

/// The six face buttons in a column, as the emotion curve runs: the best feeling on top, the
/// worst at the bottom, then "no feeling"; returns the picked value, if any.
pub fn feeling_column(
    ui: &mut Ui,
    current: Option<Feeling>,
    size: f32,
    label: impl Fn(Option<Feeling>) -> String,
) -> Option<Option<Feeling>> {
    let mut picked = None;
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing = vec2(2.0, 2.0);
        let choices = Feeling::ALL.into_iter().rev().map(Some).chain([None]);
        for choice in choices {
            if face_button(ui, choice, current == choice, size, &label(choice)).clicked() {
                picked = Some(choice);
            }
        }
    });
    picked
}

/// The face buttons (after an empty one for "no feeling" when `none`), in the layout of `ui`.
fn face_buttons(
    ui: &mut Ui,
    current: Option<Feeling>,
    size: f32,
    none: bool,
    label: impl Fn(Option<Feeling>) -> String,
) -> Option<Option<Feeling>> {
    let mut picked = None;
    {
        ui.spacing_mut().item_spacing = vec2(2.0, 2.0);
        let none = none.then_some(None);
        let choices = none.into_iter().chain(Feeling::ALL.map(Some));
        for choice in choices {
            if face_button(ui, choice, current == choice, size, &label(choice)).clicked() {
                picked = Some(choice);
            }
        }
    }
    picked
}

/// A section's heading in the inspector.
pub(super) fn heading(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).strong().size(16.0));
}

/// A labelled text field that sends `make(new text)` on every change, merged per `key`.
pub(super) fn text_field(
    ui: &mut Ui,
    label: &str,
    value: &str,
    multiline: bool,
    key: MergeKey,
    out: &mut Vec<Command>,
    make: impl Fn(String) -> Edit,
) {
    let label = ui.label(label);
    let mut text = value.to_owned();
    let edit = if multiline {
        TextEdit::multiline(&mut text).desired_rows(4)
    } else {
        TextEdit::singleline(&mut text)
    };
    let response = ui
        .add(edit.desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if response.changed() {
        out.push(Command::Edit(make(text), Some(key)));
    }
    if response.lost_focus() {
        out.push(Command::Seal);
    }
}
