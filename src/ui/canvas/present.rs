//! The canvas in front of a room: presentation mode (readable zoom, a pointer the back row can
//! follow), paging through the map with the keyboard, and a cell picked for typing into.

use super::{Canvas, Inline};
use crate::document::Document;
use crate::layout::Layout;
use crate::model::{LaneId, StageId};
use crate::paint::Transform;
use egui::{Color32, Event, Key, Pos2, Stroke, Ui, pos2, vec2};

/// The least zoom in presentation mode: card titles (13 pt) at 14 pixels or more.
pub const READABLE_ZOOM: f32 = 14.0 / 13.0;

impl Canvas {
    /// Enters or leaves presentation mode. Entering zooms so the map's text is readable from
    /// the back of the room and shows the map from its first stage; leaving restores the view.
    pub fn set_presenting(&mut self, on: bool) {
        if on == self.presentation.presenting {
            return;
        }
        self.presentation.presenting = on;
        if on {
            self.presentation.before_presenting = Some((self.camera.pan, self.camera.zoom));
            self.presentation.present_pending = true;
        } else if let Some((pan, zoom)) = self.presentation.before_presenting.take() {
            self.camera.pan = pan;
            self.camera.zoom = zoom;
        }
    }

    /// The zoom and scroll of presentation mode, once the canvas has its size: the whole map
    /// when it is readable so, else readable from the top-left corner of the headers.
    pub(super) fn place_for_presenting(&mut self, layout: &Layout) {
        if !std::mem::take(&mut self.presentation.present_pending) {
            return;
        }
        let room = self.camera.rect.size() - egui::Vec2::splat(16.0);
        let fit = (room.x / layout.size.x).min(room.y / layout.size.y);
        self.camera.zoom = fit.clamp(READABLE_ZOOM, super::MAX_ZOOM);
        let corner = pos2(layout.corner.left(), layout.headers_top());
        self.camera.pan = vec2(8.0, 8.0) - corner.to_vec2() * self.camera.zoom;
    }

    /// Arrow keys scroll, Page Up / Page Down go a stage back or on, Home to the first stage:
    /// when no text field has the keyboard.
    pub(super) fn page_with_keys(&mut self, ui: &Ui, layout: &Layout) {
        if ui.ctx().memory(|m| m.focused().is_some()) || self.typing.inline.is_some() {
            return;
        }
        let step = 120.0;
        let (left, right, up, down, next, back, home) = ui.input(|i| {
            (
                i.key_pressed(Key::ArrowLeft),
                i.key_pressed(Key::ArrowRight),
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::PageDown),
                i.key_pressed(Key::PageUp),
                i.key_pressed(Key::Home),
            )
        });
        if up {
            self.camera.pan.y += step;
        }
        if down {
            self.camera.pan.y -= step;
        }
        if !(left || right || next || back || home) || layout.columns.is_empty() {
            return;
        }
        // The stage whose column starts at (or just right of) the lane headers' right edge.
        let tf = self.transform();
        let edge = self.camera.rect.left() + layout.corner.width() * self.camera.zoom + 8.0;
        let first_shown = layout
            .columns
            .iter()
            .position(|c| tf.pos(pos2(c.x.max, 0.0)).x > edge + 1.0)
            .unwrap_or(0);
        let target = if home {
            0
        } else if right || next {
            (first_shown + 1).min(layout.columns.len() - 1)
        } else {
            first_shown.saturating_sub(1)
        };
        let x = tf.pos(pos2(layout.columns[target].x.min, 0.0)).x;
        self.camera.pan.x += edge - x;
        // Never past the map's right edge: the last stage ends at the screen's edge rather
        // than standing alone before an empty screen.
        let last = layout.columns[layout.columns.len() - 1].x.max;
        let right = self.camera.rect.left() + self.camera.pan.x + last * self.camera.zoom;
        if right < self.camera.rect.right() - 8.0 {
            self.camera.pan.x += self.camera.rect.right() - 8.0 - right;
        }
        // Nor past its left edge (which wins on a map narrower than the screen).
        self.camera.pan.x = self.camera.pan.x.min(8.0);
    }

    /// A click on an empty spot of a card cell picks the cell: typing then starts a card in
    /// it, Enter an empty one.
    pub(super) fn arm(&mut self, cell: Option<(StageId, LaneId)>) {
        self.typing.armed = cell;
    }

    /// Typing into the picked cell.
    pub(super) fn type_into_armed_cell(&mut self, ui: &Ui, doc: &Document) {
        let Some((stage, lane)) = self.typing.armed else {
            return;
        };
        if self.typing.inline.is_some() || ui.ctx().memory(|m| m.focused().is_some()) {
            return;
        }
        let map = doc.map();
        let escape = ui.input(|i| i.key_pressed(Key::Escape));
        if escape
            || map.stage(stage).is_none()
            || map.lane(lane).is_none_or(|l| !l.kind.holds_cards())
        {
            self.typing.armed = None;
            return;
        }
        let (text, enter) = ui.input_mut(|i| {
            let mut text = String::new();
            i.events.retain(|e| match e {
                Event::Text(t) => {
                    text.push_str(t);
                    false
                }
                _ => true,
            });
            (text, i.consume_key(egui::Modifiers::NONE, Key::Enter))
        });
        if text.is_empty() && !enter {
            return;
        }
        let index = map.cards_in(self.view.journey, stage, lane).count();
        self.typing.armed = None;
        self.start_inline(Inline::NewCard {
            stage,
            lane,
            index,
            text,
        });
        // The typed letters are the card's start: keep the cursor after them.
        self.typing.keep_typed = true;
    }

    /// The picked cell's outline.
    pub(super) fn paint_armed(&self, painter: &egui::Painter, doc: &Document, layout: &Layout) {
        let Some((stage, lane)) = self.typing.armed else {
            return;
        };
        let map = doc.map();
        let (Some(c), Some(r)) = (map.stage_index(stage), map.lane_index(lane)) else {
            return;
        };
        let tf = self.transform();
        let cell = tf.rect(layout.cell_rect(c, r).shrink(3.0));
        painter.rect_stroke(
            cell,
            6.0,
            Stroke::new(2.0, self.palette.selection.gamma_multiply(0.7)),
            egui::StrokeKind::Inside,
        );
    }

    /// In presentation mode, a large soft dot follows the pointer so the room can see what
    /// is being pointed at.
    pub(super) fn paint_pointer(
        &self,
        painter: &egui::Painter,
        pointer: Option<Pos2>,
        tf: &Transform,
    ) {
        let Some(pointer) = pointer.filter(|p| self.camera.rect.contains(*p)) else {
            return;
        };
        if !self.presentation.presenting {
            return;
        }
        let radius = (18.0 * tf.zoom).clamp(12.0, 28.0);
        painter.circle(
            pointer,
            radius,
            Color32::from_rgba_unmultiplied(0xE5, 0x39, 0x35, 60),
            Stroke::new(2.0, Color32::from_rgba_unmultiplied(0xE5, 0x39, 0x35, 180)),
        );
    }
}
