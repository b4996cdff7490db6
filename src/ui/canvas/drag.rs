//! Following a drag on the canvas: feedback while it lasts, one edit when it ends.

use super::{Canvas, Drag};
use crate::document::Document;
use crate::edit::Edit;
use crate::history::MergeKey;
use crate::layout::{self, Layout};
use crate::model::{CardId, Feeling, LaneId, LaneKind, Map, StageId};
use crate::paint::{self, CardLook, Transform};
use crate::ui::Command;
use egui::{CursorIcon, Key, Order, Pos2, Rect, Response, Ui, Vec2, pos2, vec2};

/// What every kind of drag needs this frame: where to draw feedback, and where the pointer is.
struct DragFrame<'a> {
    painter: &'a egui::Painter,
    tf: &'a Transform,
    /// The pointer, in map units.
    at: Pos2,
    /// The button is still down (released: the drag ends this frame).
    down: bool,
}

impl Canvas {
    /// Follows a drag in progress, draws its feedback and turns its end into one edit.
    pub(super) fn handle_drag(
        &mut self,
        ui: &Ui,
        doc: &Document,
        layout: &Layout,
        tf: &Transform,
        background: &Response,
        out: &mut Vec<Command>,
    ) {
        if self.drag == Drag::Idle {
            if background.drag_started() {
                self.drag = Drag::Pan;
            }
            return;
        }
        let (pointer, down, escape) = ui.input(|i| {
            (
                i.pointer.interact_pos(),
                i.pointer.any_down(),
                i.key_pressed(Key::Escape),
            )
        });
        if escape && self.drag != Drag::Pan {
            if let Drag::CurvePoint { changed: true, .. } = self.drag {
                // The point moved live; put it back by undoing the gesture's one step.
                out.push(Command::Seal);
                out.push(Command::Undo);
            }
            self.drag = Drag::Cancelled;
        }
        if !down && matches!(self.drag, Drag::CurvePoint { .. }) {
            out.push(Command::Seal);
        }
        // The pointer can leave the window as the button is released: keep its last position.
        if let Some(pointer) = pointer {
            self.drag_pointer = tf.to_map(pointer);
        }
        let at = self.drag_pointer;
        let map = doc.map();
        let painter = ui.ctx().layer_painter(egui::LayerId::new(
            Order::Foreground,
            ui.scope_id().with("drag"),
        ));
        let painter = painter.with_clip_rect(self.camera.rect);
        ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
        if matches!(
            self.drag,
            Drag::Card { .. } | Drag::Stage { .. } | Drag::Lane { .. }
        ) && let Some(pointer) = pointer
        {
            self.scroll_near_edges(ui, pointer);
        }
        let frame = DragFrame {
            painter: &painter,
            tf,
            at,
            down,
        };
        match self.drag {
            Drag::Card { id, grab } => self.drag_card(map, layout, &frame, id, grab, out),
            Drag::Stage { id } => self.drag_stage(map, layout, &frame, id, out),
            Drag::Lane { id } => self.drag_lane(map, layout, &frame, id, out),
            Drag::CurvePoint { stage, row, .. } => {
                self.drag_curve_point(map, layout, &frame, stage, row, out)
            }
            Drag::Pan | Drag::Cancelled | Drag::Idle => {}
        }
        if !down {
            self.drag = Drag::Idle;
        }
    }

    fn drag_card(
        &mut self,
        map: &Map,
        layout: &Layout,
        frame: &DragFrame,
        id: CardId,
        grab: Vec2,
        out: &mut Vec<Command>,
    ) {
        let (painter, tf, at, down) = (frame.painter, frame.tf, frame.at, frame.down);
        let target = layout.drop_target(at, Some(id));
        if let Some(target) = target {
            let x = layout.columns[target.column].x;
            let pad = self.style.cell_padding;
            paint::insertion_marker(
                painter,
                tf,
                &self.palette,
                pos2(x.min + pad, target.marker_y),
                pos2(x.max - pad, target.marker_y),
            );
        }
        if let Some(card) = map.card(id) {
            let badge = map.action_of_card(id).map(|a| paint::Badge::of(map, a));
            let (height, text) = crate::layout::card_text(card, badge.is_some(), &self.style);
            let size = vec2(
                self.style.stage_width - 2.0 * self.style.cell_padding,
                height,
            );
            let rect = Rect::from_min_size(at - grab, size);
            let kind = map.lane(card.lane).map_or(LaneKind::Notes, |l| l.kind);
            paint::card(
                painter,
                tf,
                &self.palette,
                rect,
                card,
                kind,
                CardLook {
                    selected: true,
                    text,
                    ..CardLook::default()
                },
                badge.as_ref(),
            );
        }
        if !down && let Some(target) = target {
            let stage = layout.columns[target.column].id;
            let lane = layout.rows[target.row].id;
            let cell = crate::model::Cell {
                journey: self.view.journey,
                stage,
                lane,
            };
            let position = map.position_in_cell(cell, target.index, Some(id));
            let unchanged = map.card_index(id) == Some(position)
                && map
                    .card(id)
                    .is_some_and(|c| c.stage == stage && c.lane == lane);
            if !unchanged {
                out.push(Command::Edit(
                    Edit::MoveCard {
                        id,
                        stage,
                        lane,
                        position,
                    },
                    None,
                ));
            }
        }
    }

    fn drag_stage(
        &mut self,
        map: &Map,
        layout: &Layout,
        frame: &DragFrame,
        id: StageId,
        out: &mut Vec<Command>,
    ) {
        let (painter, tf, at, down) = (frame.painter, frame.tf, frame.at, frame.down);
        let gap = layout.stage_gap(at.x);
        let x = layout
            .columns
            .get(gap)
            .map_or(layout.grid.right(), |c| c.x.min);
        paint::insertion_marker(
            painter,
            tf,
            &self.palette,
            pos2(x, layout.corner.top()),
            pos2(x, layout.grid.bottom()),
        );
        let to = map
            .stage_index(id)
            .and_then(|from| layout::moved_index(from, gap));
        if !down && let Some(to) = to {
            out.push(Command::Edit(Edit::MoveStage { id, to }, None));
        }
    }

    fn drag_lane(
        &mut self,
        map: &Map,
        layout: &Layout,
        frame: &DragFrame,
        id: LaneId,
        out: &mut Vec<Command>,
    ) {
        let (painter, tf, at, down) = (frame.painter, frame.tf, frame.at, frame.down);
        let gap = layout.lane_gap(at.y);
        let y = layout
            .rows
            .get(gap)
            .map_or(layout.grid.bottom(), |r| r.y.min);
        paint::insertion_marker(
            painter,
            tf,
            &self.palette,
            pos2(layout.corner.left(), y),
            pos2(layout.grid.right(), y),
        );
        let to = map
            .lane_index(id)
            .and_then(|from| layout::moved_index(from, gap));
        if !down && let Some(to) = to {
            out.push(Command::Edit(Edit::MoveLane { id, to }, None));
        }
    }

    fn drag_curve_point(
        &mut self,
        map: &Map,
        layout: &Layout,
        frame: &DragFrame,
        stage: StageId,
        row: usize,
        out: &mut Vec<Command>,
    ) {
        let at = frame.at;
        let journey = map.journey(self.view.journey);
        if let (Some(curve), Some(journey)) = (layout.curve_for_row(row), journey) {
            let feeling = Feeling::nearest(curve.score_at(at.y));
            if journey.curve.get(&stage) != Some(&feeling) {
                let edit = Edit::SetStageFeeling {
                    journey: journey.id,
                    stage,
                    feeling: Some(feeling),
                };
                out.push(Command::Edit(edit, Some(MergeKey("curve", stage.0))));
                self.drag = Drag::CurvePoint {
                    stage,
                    row,
                    changed: true,
                };
            }
        }
    }

    /// While dragging near an edge of the canvas, scroll that way, so a card can travel
    /// across a map larger than the window.
    fn scroll_near_edges(&mut self, ui: &Ui, pointer: Pos2) {
        const MARGIN: f32 = 36.0;
        const SPEED: f32 = 14.0;
        let inner = self.camera.rect.shrink(MARGIN);
        let step = |p: f32, low: f32, high: f32| {
            if p < low {
                SPEED
            } else if p > high {
                -SPEED
            } else {
                0.0
            }
        };
        let delta = vec2(
            step(pointer.x, inner.left(), inner.right()),
            step(pointer.y, inner.top(), inner.bottom()),
        );
        if delta != Vec2::ZERO {
            self.camera.pan += delta;
            ui.ctx().request_repaint();
        }
    }
}
