//! Draws the roadmap board: horizons across, streams down, actions as cards coloured by their
//! stream with owner and priority badges. Used by the roadmap view and its export.

use super::{Palette, TEXT_MIN_ZOOM, Transform, font, wrapped};
use crate::i18n::strings;
use crate::layout::board::Board;
use crate::model::{ActionId, Map, Priority};
use egui::{Color32, CornerRadius, Painter, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

/// Editor-only marks on the board.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BoardMarks {
    pub selected: Option<ActionId>,
    pub hovered: Option<ActionId>,
    /// Being dragged: drawn faded in its old place.
    pub lifted: Option<ActionId>,
}

pub fn board(
    painter: &Painter,
    map: &Map,
    board: &Board,
    tf: &Transform,
    palette: &Palette,
    marks: &BoardMarks,
) {
    let visible = tf.to_map_rect(painter.clip_rect());
    if let Some(rect) = board.title.filter(|r| r.intersects(visible)) {
        let r = tf.rect(rect);
        let text = strings::roadmap_caption(&map.title);
        let galley = wrapped(painter, &text, font(tf, 24.0), palette.text, r.width(), 1);
        painter.galley(
            pos2(r.left(), r.center().y - galley.size().y / 2.0),
            galley,
            palette.text,
        );
    }
    // Rows: a light band of each stream's colour; grid lines.
    for (r, row) in board.rows.iter().enumerate() {
        let band = tf.rect(Rect::from_x_y_ranges(board.grid.x_range(), row.y));
        let fill = match row.index {
            Some(i) => Color32::WHITE.lerp_to_gamma(palette.stream(i), 0.05),
            None if r % 2 == 0 => palette.cell,
            None => palette.cell_alt,
        };
        painter.rect_filled(band, 0.0, fill);
        painter.hline(
            band.x_range(),
            band.bottom(),
            Stroke::new(1.0, palette.grid_line),
        );
    }
    for column in &board.columns {
        let x = tf.pos(pos2(column.x.max, 0.0)).x;
        painter.vline(
            x,
            tf.rect(board.grid).y_range(),
            Stroke::new(1.0, palette.grid_line),
        );
    }
    for slot in board.slots() {
        if !slot.rect.intersects(visible) {
            continue;
        }
        let action = &map.actions[slot.index];
        let stream = action
            .stream
            .and_then(|s| map.streams.iter().position(|x| x.id == s));
        let look = ActionLook {
            selected: marks.selected == Some(action.id),
            hovered: marks.hovered == Some(action.id),
            faded: marks.lifted == Some(action.id),
        };
        action_card(
            painter, map, tf, palette, slot.rect, slot.index, stream, look,
        );
    }
    // Headers after the cards: scrolled past, they stay at the edge of the view (sticky), on
    // a backing of the page colour.
    let pins = board.pins(visible);
    if pins.x > 0.0 {
        let strip = Rect::from_x_y_ranges(board.corner.x_range(), visible.y_range());
        painter.rect_filled(
            tf.rect(strip.translate(vec2(pins.x, 0.0))),
            0.0,
            palette.background,
        );
    }
    for row in &board.rows {
        let r = tf.rect(
            row.header
                .translate(vec2(pins.x, 0.0))
                .shrink2(vec2(0.0, 3.0)),
        );
        let radius = CornerRadius::same(tf.len(6.0).round() as u8);
        let accent = row.index.map_or(palette.muted, |i| palette.stream(i));
        painter.rect_filled(r, radius, Color32::WHITE.lerp_to_gamma(accent, 0.18));
        painter.rect_filled(
            Rect::from_min_size(r.min, vec2(tf.len(5.0), r.height())),
            radius,
            accent,
        );
        if tf.zoom >= TEXT_MIN_ZOOM {
            let name = row
                .stream
                .and_then(|s| map.stream(s))
                .map_or(strings::no_stream(), |s| s.name.as_str());
            let pad = tf.len(12.0);
            let galley = wrapped(
                painter,
                name,
                font(tf, 14.0),
                palette.text,
                r.width() - 1.5 * pad,
                3,
            );
            painter.galley(
                pos2(r.left() + pad, r.center().y - galley.size().y / 2.0),
                galley,
                palette.text,
            );
        }
    }
    if pins.y > 0.0 {
        let strip = Rect::from_x_y_ranges(visible.x_range(), board.corner.y_range());
        painter.rect_filled(
            tf.rect(strip.translate(vec2(0.0, pins.y))),
            0.0,
            palette.background,
        );
    }
    for column in &board.columns {
        let r = tf.rect(
            column
                .header
                .translate(vec2(0.0, pins.y))
                .shrink2(vec2(3.0, 5.0)),
        );
        let tip = tf.len(12.0).min(r.width() / 4.0);
        let points = vec![
            r.left_top(),
            pos2(r.right() - tip, r.top()),
            pos2(r.right(), r.center().y),
            pos2(r.right() - tip, r.bottom()),
            r.left_bottom(),
        ];
        painter.add(Shape::convex_polygon(
            points,
            palette.stage_header,
            Stroke::NONE,
        ));
        if tf.zoom >= TEXT_MIN_ZOOM {
            let galley = wrapped(
                painter,
                column.horizon.label(),
                font(tf, 15.0),
                palette.stage_text,
                r.width(),
                1,
            );
            painter.galley(r.center() - galley.size() / 2.0, galley, palette.stage_text);
        }
    }
    if pins.x > 0.0 || pins.y > 0.0 {
        painter.rect_filled(
            tf.rect(board.corner.translate(pins)),
            0.0,
            palette.background,
        );
    }
    if let Some(rect) = board.legend.filter(|r| r.intersects(visible)) {
        legend(painter, tf, palette, rect);
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ActionLook {
    pub selected: bool,
    pub hovered: bool,
    pub faded: bool,
}

/// One action on the board (also the one following the pointer in a drag).
#[allow(clippy::too_many_arguments)]
pub fn action_card(
    painter: &Painter,
    map: &Map,
    tf: &Transform,
    palette: &Palette,
    rect: Rect,
    index: usize,
    stream: Option<usize>,
    look: ActionLook,
) {
    let action = &map.actions[index];
    let r = tf.rect(rect);
    let radius = CornerRadius::same(tf.len(6.0).round().clamp(0.0, 255.0) as u8);
    let alpha = if look.faded { 0.3 } else { 1.0 };
    let fade = |c: Color32| c.gamma_multiply(alpha);
    let accent = stream.map_or(palette.muted, |i| palette.stream(i));
    if !look.faded {
        painter.rect_filled(r.translate(vec2(0.0, tf.len(1.5))), radius, palette.shadow);
    }
    painter.rect_filled(r, radius, fade(Color32::WHITE.lerp_to_gamma(accent, 0.10)));
    let border = if look.selected {
        Stroke::new(2.5, palette.selection)
    } else if look.hovered {
        Stroke::new(1.5, accent)
    } else {
        Stroke::new(1.0, fade(Color32::WHITE.lerp_to_gamma(accent, 0.45)))
    };
    painter.rect_stroke(r, radius, border, StrokeKind::Inside);
    painter.rect_filled(
        Rect::from_min_size(r.min, vec2(tf.len(5.0), r.height())),
        radius,
        fade(accent),
    );
    if tf.zoom < TEXT_MIN_ZOOM {
        return;
    }
    let inner = r.shrink(tf.len(8.0));
    let inner = inner.with_min_x(inner.left() + tf.len(4.0));
    let title = wrapped(
        painter,
        &action.title,
        font(tf, 13.0),
        fade(palette.text),
        inner.width(),
        2,
    );
    painter.galley(inner.left_top(), title, fade(palette.text));
    // Footer: owner on the left, priority on the right, as pills.
    let mut right = inner.right();
    let pill = |text: &str, fill: Color32, right: &mut f32| {
        let galley = wrapped(
            painter,
            text,
            font(tf, 11.0),
            fade(palette.text),
            inner.width() / 2.0,
            1,
        );
        let size = galley.size();
        let pos = pos2(*right - size.x, inner.bottom() - size.y);
        let back = Rect::from_min_size(pos, size).expand2(vec2(tf.len(4.0), tf.len(1.5)));
        painter.rect_filled(back, tf.len(4.0), fade(fill));
        painter.galley(pos, galley, fade(palette.text));
        *right = back.left() - tf.len(6.0);
    };
    pill(
        action.priority().label(),
        palette.priority(action.priority()),
        &mut right,
    );
    if let Some(owner) = action.owner.and_then(|d| map.department(d)) {
        pill(&owner.name, palette.kpi_header, &mut right);
    }
    if action.status == crate::model::Status::Done {
        let galley = wrapped(
            painter,
            action.status.label(),
            font(tf, 11.0),
            fade(palette.gain),
            inner.width() / 3.0,
            1,
        );
        let pos = pos2(inner.left(), inner.bottom() - galley.size().y);
        painter.galley(pos, galley, fade(palette.gain));
    }
}

/// The key to the priorities: after its heading, two rows of two (the explanations are too
/// long for one row on a board of three horizons).
fn legend(painter: &Painter, tf: &Transform, palette: &Palette, rect: Rect) {
    let r = tf.rect(rect);
    let label = |x: f32, y: f32, text: &str| {
        let galley = wrapped(
            painter,
            text,
            font(tf, 13.0),
            palette.muted,
            f32::INFINITY,
            1,
        );
        let width = galley.size().x;
        painter.galley(pos2(x, y - galley.size().y / 2.0), galley, palette.muted);
        x + width + tf.len(16.0)
    };
    let rows = [r.top() + r.height() / 4.0, r.top() + r.height() * 0.75];
    let left = label(r.left(), rows[0], strings::legend_priorities());
    let column = (r.right() - left) / 2.0;
    for (i, priority) in Priority::ALL.into_iter().enumerate() {
        let (x, y) = (left + (i % 2) as f32 * column, rows[i / 2]);
        let sample =
            Rect::from_center_size(pos2(x + tf.len(9.0), y), vec2(tf.len(18.0), tf.len(14.0)));
        painter.rect_filled(sample, tf.len(3.0), palette.priority(priority));
        label(x + tf.len(24.0), y, priority.explained());
    }
}
