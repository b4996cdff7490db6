//! The canvas in front of a room: presentation mode (readable zoom, a pointer the back row can
//! follow), paging through the map with the keyboard, and a cell picked for typing into.

use super::{Canvas, Inline};
use crate::document::Document;
use crate::i18n::strings;
use crate::layout::Layout;
use crate::model::{LaneId, StageId};
use crate::paint::{CARD_TITLE_SIZE, SMALLEST_TEXT, Transform};
use egui::{Color32, Event, Key, Pos2, Stroke, Ui, pos2, vec2};

/// The least size, in physical pixels, of any word the room sees; card titles get 14.
pub const LEAST_TEXT_PX: f32 = 12.0;

/// The least zoom in presentation mode on a screen of one pixel per point: card titles at 14
/// pixels or more, and the smallest text of the map at [`LEAST_TEXT_PX`].
pub const READABLE_ZOOM: f32 = (14.0 / CARD_TITLE_SIZE).max(LEAST_TEXT_PX / SMALLEST_TEXT);

/// How long the keys' hint stays, in seconds (a key pressed sends it away sooner).
const HINT_SECONDS: f64 = 8.0;

impl Canvas {
    /// Enters or leaves presentation mode. Entering zooms so the map's text is readable from
    /// the back of the room and shows the map from its first stage, with the keys' hint the
    /// first time; leaving restores the view.
    pub fn set_presenting(&mut self, on: bool) {
        if on == self.presentation.presenting {
            return;
        }
        self.presentation.presenting = on;
        self.presentation.cover = false;
        self.presentation.hint_since = None;
        self.presentation.hint_pending = on && !self.presentation.hinted;
        if on {
            self.presentation.hinted = true;
            self.presentation.before_presenting = Some((self.camera.pan, self.camera.zoom));
            self.presentation.present_pending = true;
        } else if let Some((pan, zoom)) = self.presentation.before_presenting.take() {
            self.camera.pan = pan;
            self.camera.zoom = zoom;
        }
    }

    /// The zoom and scroll of presentation mode, once the canvas has its size: the whole map
    /// when it is readable so, else readable from the top-left corner of the headers. Readable
    /// in physical pixels: a screen with fewer pixels than points (a small text size) gets a
    /// larger zoom.
    pub(super) fn place_for_presenting(&mut self, layout: &Layout, pixels_per_point: f32) {
        if !std::mem::take(&mut self.presentation.present_pending) {
            return;
        }
        let room = self.camera.rect.size() - egui::Vec2::splat(16.0);
        let fit = (room.x / layout.size.x).min(room.y / layout.size.y);
        let least = READABLE_ZOOM / pixels_per_point.clamp(0.1, 1.0);
        self.camera.zoom = fit.clamp(least, super::MAX_ZOOM.max(least));
        self.go_home(layout);
    }

    /// Scrolls back to the top-left corner, at this zoom: of the headers (the map's first
    /// stage) in front of a room, whose title and persona are on the title view; of the whole
    /// map, title and all, while editing.
    fn go_home(&mut self, layout: &Layout) {
        let corner = if self.presentation.presenting {
            pos2(layout.corner.left(), layout.headers_top())
        } else {
            Pos2::ZERO
        };
        self.camera.pan = vec2(8.0, 8.0) - corner.to_vec2() * self.camera.zoom;
    }

    /// Arrow keys scroll, Page Up / Page Down go a stage back or on, Home back to the top-left
    /// corner: when no text field has the keyboard. Presenting, Page Up from the first stage
    /// shows the title view, and Page Down (or Home, or an arrow on) leaves it.
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
        if self.presentation.cover {
            if next || right || down || home {
                self.presentation.cover = false;
            }
            return;
        }
        if home {
            self.go_home(layout);
            return;
        }
        if up {
            self.camera.pan.y += step;
        }
        if down {
            self.camera.pan.y -= step;
        }
        if !(left || right || next || back) || layout.columns.is_empty() {
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
        let at_first =
            first_shown == 0 && tf.pos(pos2(layout.columns[0].x.min, 0.0)).x >= edge - 1.0;
        if back && at_first && self.presentation.presenting {
            // Before the first stage: the title view, to open (or close) the session with.
            // Leaving it comes back to the top-left corner.
            self.presentation.cover = true;
            self.go_home(layout);
            return;
        }
        let target = if right || next {
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

    /// The keys' hint, the first time the room sees the map this session: in the top-left
    /// corner, over the empty corner above the lane headers (never over the emotion curve),
    /// until it times out or a key is pressed.
    pub(super) fn paint_hint(&mut self, ui: &Ui, painter: &egui::Painter, layout: &Layout) {
        if !self.presentation.presenting {
            return;
        }
        let now = ui.input(|i| i.time);
        if std::mem::take(&mut self.presentation.hint_pending) {
            self.presentation.hint_since = Some(now);
        }
        let Some(since) = self.presentation.hint_since else {
            return;
        };
        let key = ui.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, Event::Key { pressed: true, .. }))
        });
        if now - since > HINT_SECONDS || (key && now > since) {
            self.presentation.hint_since = None;
            return;
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(250));
        let ppp = ui.ctx().pixels_per_point();
        let size = (LEAST_TEXT_PX + 1.0) / ppp.clamp(0.1, 1.0);
        let width = (layout.corner.width() * self.camera.zoom - 12.0).max(120.0);
        let galley = painter.layout(
            strings::presenting_hint().to_owned(),
            egui::FontId::proportional(size),
            self.palette.text,
            width,
        );
        let pad = 8.0;
        let at = self.camera.rect.left_top() + vec2(6.0, 6.0);
        let frame = egui::Rect::from_min_size(at, galley.size() + vec2(2.0 * pad, 2.0 * pad));
        painter.rect(
            frame,
            8.0,
            Color32::WHITE,
            Stroke::new(1.0, self.palette.grid_line),
            egui::StrokeKind::Inside,
        );
        painter.galley(at + vec2(pad, pad), galley, self.palette.text);
    }
}
