//! The roadmap board in the window: the painted board in a scroll area, with actions to click
//! (select), double-click (find on the journey) and drag between horizons and streams.

use super::{Command, Selection};
use crate::document::Document;
use crate::edit::Edit;
use crate::i18n::strings;
use crate::layout::board::{self, Board, BoardStyle};
use crate::model::{Action, ActionId};
use crate::paint::board::{ActionLook, BoardMarks, action_card};
use crate::paint::{self, Palette, Transform};
use egui::{CursorIcon, Pos2, Role, Sense, Ui, Vec2, WidgetInfo};

/// What the board was computed from: the document's revision and the language of its words.
type BoardKey = ((u64, u64), crate::i18n::Lang);

pub struct BoardView {
    style: BoardStyle,
    palette: Palette,
    board: Option<(BoardKey, Board)>,
    /// The action being dragged, and where it was grabbed (pointer minus its corner).
    drag: Option<(ActionId, Vec2)>,
    /// Labelled widgets for the automation probe, when it is on.
    probe: bool,
    zoom: f32,
    /// Zoom so the whole board shows, on the next frame (when its room is known).
    fit_pending: bool,
}

impl Default for BoardView {
    fn default() -> Self {
        Self {
            style: BoardStyle::default(),
            palette: Palette::default(),
            board: None,
            drag: None,
            probe: false,
            zoom: 1.0,
            fit_pending: false,
        }
    }
}

/// How far the board zooms out and in.
const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.3..=3.0;

impl BoardView {
    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    pub fn zoom_by(&mut self, factor: f32) {
        self.zoom = (self.zoom * factor).clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
    }

    pub fn zoom_reset(&mut self) {
        self.zoom = 1.0;
    }

    /// Zooms so the whole board shows in the window (Ctrl+0, as on the journey).
    pub fn request_fit(&mut self) {
        self.fit_pending = true;
    }

    pub fn enable_probe(&mut self) {
        self.probe = true;
    }

    fn board(&mut self, doc: &Document) -> &Board {
        let revision = (doc.layout_revision(), crate::i18n::current());
        if self.board.as_ref().is_none_or(|(r, _)| *r != revision) {
            let style = BoardStyle {
                show_title: false,
                show_legend: true,
                ..self.style.clone()
            };
            self.board = Some((revision, board::compute(doc.map(), &style)));
        }
        &self.board.as_ref().expect("just computed").1
    }

    pub fn show(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        selection: Selection,
        out: &mut Vec<Command>,
    ) {
        self.board(doc);
        let (revision, board) = self.board.take().expect("computed above");
        let map = doc.map();
        // The same calm background as the journey canvas.
        ui.painter()
            .rect_filled(ui.max_rect(), 0.0, self.palette.background);
        if map.actions.is_empty() {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                ui.label(egui::RichText::new(strings::no_actions_hint()).weak());
            });
        }
        // Ctrl + wheel (or a pinch) zooms, as on the journey.
        let pinch = ui.input(|i| i.zoom_delta());
        if pinch != 1.0 && ui.rect_contains_pointer(ui.max_rect()) {
            self.zoom_by(pinch);
        }
        if std::mem::take(&mut self.fit_pending) {
            let room = ui.available_size() - Vec2::splat(8.0);
            let fit = (room.x / board.size.x).min(room.y / board.size.y);
            self.zoom = fit.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
        }
        let zoom = self.zoom;
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let (rect, background) = ui.allocate_exact_size(board.size * zoom, Sense::click());
                let tf = Transform {
                    origin: rect.min,
                    zoom,
                };
                let mut marks = BoardMarks {
                    selected: match selection {
                        Selection::Action(id) => Some(id),
                        _ => None,
                    },
                    lifted: self.drag.map(|(id, _)| id),
                    ..BoardMarks::default()
                };
                if background.clicked() {
                    out.push(Command::Select(Selection::None));
                }
                for slot in board.slots() {
                    let action = &map.actions[slot.index];
                    let response = ui.interact(
                        tf.rect(slot.rect),
                        ui.scope_id().with(("action", action.id.0)),
                        Sense::click_and_drag(),
                    );
                    let label = strings::action_label(&action.title);
                    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
                    if self.probe {
                        super::probe::note(&response, &label);
                    }
                    if response.hovered() {
                        marks.hovered = Some(action.id);
                        ui.ctx().set_cursor_icon(CursorIcon::Grab);
                    }
                    if response.clicked() || response.drag_started() {
                        out.push(Command::Select(Selection::Action(action.id)));
                    }
                    if response.double_clicked() {
                        out.push(Command::ShowOnJourney);
                    }
                    if response.drag_started() {
                        let grab = response
                            .interact_pointer_pos()
                            .map_or(Vec2::ZERO, |p| p - tf.pos(slot.rect.min));
                        self.drag = Some((action.id, grab));
                    }
                }
                let painter = ui.painter_at(rect);
                paint::board::board(&painter, map, &board, &tf, &self.palette, &marks);
                self.follow_drag(ui, map, &board, &tf, out);
            });
        self.board = Some((revision, board));
    }

    /// Draws the dragged action under the pointer and moves it where it is dropped.
    fn follow_drag(
        &mut self,
        ui: &Ui,
        map: &crate::model::Map,
        board: &Board,
        tf: &Transform,
        out: &mut Vec<Command>,
    ) {
        let Some((id, grab)) = self.drag else { return };
        let (pointer, down, escape) = ui.input(|i| {
            (
                i.pointer.interact_pos(),
                i.pointer.any_down(),
                i.key_pressed(egui::Key::Escape),
            )
        });
        let Some(index) = map.action_index(id) else {
            self.drag = None;
            return;
        };
        if escape {
            self.drag = None;
            return;
        }
        let Some(pointer) = pointer else { return };
        ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
        let at = tf.to_map(pointer);
        let target = board.drop_target(at);
        let painter = ui.ctx().layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            ui.scope_id().with("board drag"),
        ));
        if let Some(target) = target {
            let cell = tf.rect(board.cell_rect(target.column, target.row));
            painter.rect_stroke(
                cell.shrink(3.0),
                6.0,
                egui::Stroke::new(2.0, self.palette.selection),
                egui::StrokeKind::Inside,
            );
        }
        let size = egui::vec2(
            self.style.column_width - 2.0 * self.style.cell_padding,
            self.style.card_height,
        );
        let rect = egui::Rect::from_min_size(Pos2::ZERO + (at.to_vec2() - grab / tf.zoom), size);
        let stream = map.actions[index]
            .stream
            .and_then(|s| map.streams.iter().position(|x| x.id == s));
        let look = ActionLook {
            selected: true,
            ..ActionLook::default()
        };
        action_card(&painter, map, tf, &self.palette, rect, index, stream, look);
        if !down {
            self.drag = None;
            if let Some(target) = target {
                let action = &map.actions[index];
                let moved = Action {
                    horizon: board.columns[target.column].horizon,
                    stream: board.rows[target.row].stream,
                    ..action.clone()
                };
                if moved != *action {
                    out.push(Command::Edit(Edit::SetAction(moved), None));
                }
            }
        }
    }
}
