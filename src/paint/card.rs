//! One card: its colour by lane, its title, channel and face, and its moment mark.

use super::{Palette, TEXT_MIN_ZOOM, Transform, face, font, wrapped};
use crate::layout::CardText;
use crate::model::{Action, Card, LaneKind, Map, MomentKind, Priority};
use egui::{
    Align2, Color32, CornerRadius, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2,
};

/// How a card is drawn beyond its content.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CardLook {
    pub selected: bool,
    pub hovered: bool,
    pub faded: bool,
    /// Linked to the action being looked at (its card, or a card it addresses).
    pub linked: bool,
    /// How much of its text the layout made room for.
    pub text: CardText,
    /// Selection and hover drawn strong enough for a room to see.
    pub emphasis: bool,
}

/// What a card showing an action carries: its owner, its stream's colour and its priority.
#[derive(Clone, Debug, PartialEq)]
pub struct Badge {
    pub owner: Option<String>,
    /// The stream's place in the map's list, for its colour.
    pub stream: Option<usize>,
    pub priority: Priority,
}

impl Badge {
    pub fn of(map: &Map, action: &Action) -> Badge {
        Badge {
            owner: action
                .owner
                .and_then(|d| map.department(d))
                .map(|d| d.name.clone()),
            stream: action
                .stream
                .and_then(|s| map.streams.iter().position(|x| x.id == s)),
            priority: action.priority(),
        }
    }
}

/// Paints one card in `rect` (map units). Also used for the card following the pointer.
#[allow(clippy::too_many_arguments)]
pub fn card(
    painter: &Painter,
    tf: &Transform,
    palette: &Palette,
    rect: Rect,
    card: &Card,
    kind: LaneKind,
    look: CardLook,
    badge: Option<&Badge>,
) {
    let r = tf.rect(rect);
    let radius = CornerRadius::same(tf.len(6.0).round().clamp(0.0, 255.0) as u8);
    let alpha = if look.faded { 0.3 } else { 1.0 };
    let fade = |c: Color32| c.gamma_multiply(alpha);
    if !look.faded {
        painter.rect_filled(r.translate(vec2(0.0, tf.len(1.5))), radius, palette.shadow);
    }
    painter.rect_filled(r, radius, fade(palette.card(kind)));
    let moment = card.moment_kind();
    if look.emphasis && (look.selected || look.hovered) {
        // A soft halo around the card being talked about.
        let halo = r.expand(tf.len(5.0).max(4.0));
        let color = if look.selected {
            palette.selection.gamma_multiply(0.35)
        } else {
            palette.selection.gamma_multiply(0.18)
        };
        painter.rect_filled(halo, radius, color);
        painter.rect_filled(r, radius, fade(palette.card(kind)));
    }
    let border = if look.selected && look.emphasis {
        Stroke::new(4.0, palette.selection)
    } else if look.selected {
        Stroke::new(2.5, palette.selection)
    } else if let Some(moment) = moment {
        Stroke::new(tf.len(2.5).max(1.5), fade(palette.moment_color(moment)))
    } else if look.hovered {
        Stroke::new(1.5, palette.accent(kind))
    } else {
        Stroke::new(1.0, fade(palette.card_border(kind)))
    };
    painter.rect_stroke(r, radius, border, StrokeKind::Inside);
    if look.linked {
        let ring = r.expand(tf.len(4.0));
        painter.rect_stroke(
            ring,
            radius,
            Stroke::new(tf.len(2.0).max(1.5), palette.selection),
            StrokeKind::Outside,
        );
    }
    if let Some(stream) = badge.and_then(|b| b.stream) {
        // The action's stream colour, down the card's left edge.
        let bar = Rect::from_min_size(r.min, vec2(tf.len(5.0), r.height()));
        painter.rect_filled(bar, radius, fade(palette.stream(stream)));
    }
    if let Some(moment) = moment {
        let mark_r = tf.len(8.0);
        let center = r.left_top() + vec2(tf.len(1.0), tf.len(1.0));
        moment_mark(painter, palette, center, mark_r, moment, alpha);
    }
    if !card.notes.trim().is_empty() {
        // A folded corner says the card has notes (shown on hover, or in exports that ask).
        let fold = tf.len(9.0);
        let corner = r.right_top();
        painter.add(Shape::convex_polygon(
            vec![
                corner - vec2(fold, 0.0),
                corner + vec2(0.0, fold),
                corner - vec2(fold, -fold),
            ],
            fade(palette.card_border(kind)),
            Stroke::NONE,
        ));
    }
    if tf.zoom < TEXT_MIN_ZOOM {
        return;
    }
    let pad = tf.len(8.0);
    let inner = r.shrink(pad);
    let face_r = tf.len(10.0);
    let has_footer = card.channel.is_some() || card.feeling.is_some();
    let rows = match look.text.title_rows {
        0 if has_footer => 2,
        0 => 3,
        n => usize::from(n),
    };
    let text_left = if moment.is_some() {
        inner.left() + tf.len(6.0)
    } else {
        inner.left()
    };
    let galley = wrapped(
        painter,
        &card.title,
        font(tf, super::CARD_TITLE_SIZE),
        fade(palette.text),
        inner.right() - text_left,
        rows,
    );
    let mut text_bottom = inner.top() + galley.size().y;
    painter.galley(pos2(text_left, inner.top()), galley, fade(palette.text));
    if look.text.notes_rows > 0 {
        let notes = wrapped(
            painter,
            &card.notes,
            font(tf, 11.5),
            fade(palette.muted),
            inner.width(),
            usize::from(look.text.notes_rows),
        );
        let top = text_bottom + tf.len(4.0);
        text_bottom = top + notes.size().y;
        painter.galley(pos2(inner.left(), top), notes, fade(palette.muted));
    }
    if let (Some(moment), true) = (&card.moment, look.text.why_rows > 0) {
        // Why the moment matters, in its colour (exports with the cards' notes).
        let color = fade(palette.moment_color(moment.kind));
        let why = wrapped(
            painter,
            &moment.why,
            font(tf, 11.5),
            color,
            inner.width(),
            usize::from(look.text.why_rows),
        );
        painter.galley(pos2(inner.left(), text_bottom + tf.len(4.0)), why, color);
    }
    if look.text.more {
        // More title than the card shows: three dots under it, centred.
        let y = inner.bottom()
            - if has_footer || badge.is_some() {
                tf.len(20.0)
            } else {
                0.0
            };
        let dot = tf.len(1.8);
        for i in -1..=1 {
            painter.circle_filled(
                pos2(inner.center().x + i as f32 * tf.len(6.0), y - dot),
                dot,
                fade(palette.muted),
            );
        }
    }
    if let Some(badge) = badge {
        // Who owns it, and how it ranks.
        let label = match &badge.owner {
            Some(owner) => format!("{owner} · {}", badge.priority.label()),
            None => badge.priority.label().to_owned(),
        };
        let galley = wrapped(
            painter,
            &label,
            font(tf, super::SMALLEST_TEXT),
            fade(palette.text),
            inner.width(),
            1,
        );
        let pos = pos2(inner.left(), inner.bottom() - galley.size().y);
        let pill = Rect::from_min_size(pos, galley.size()).expand2(vec2(tf.len(3.0), tf.len(1.0)));
        painter.rect_filled(pill, tf.len(3.0), fade(palette.priority(badge.priority)));
        painter.galley(pos, galley, fade(palette.text));
    } else if let Some(channel) = card.channel {
        let pos = pos2(inner.left(), inner.bottom());
        painter.text(
            pos,
            Align2::LEFT_BOTTOM,
            channel.label(),
            font(tf, super::SMALLEST_TEXT),
            fade(palette.muted),
        );
    }
    if let Some(feeling) = card.feeling {
        let center = pos2(
            inner.right() - face_r,
            inner.bottom() - face_r + tf.len(2.0),
        );
        face::paint(painter, center, face_r, feeling, alpha);
    }
}

/// The room's dots on a card, once the facilitator reveals them: a round sticker on the
/// card's top-right corner with the count in it.
pub fn dots(painter: &Painter, tf: &Transform, palette: &Palette, rect: Rect, count: usize) {
    let r = tf.rect(rect);
    // Readable at a fitted zoom, and stuck on the corner, half off the card, so it covers
    // little of the title.
    let radius = tf.len(11.0).max(9.0);
    let center = r.right_top() + vec2(-radius * 0.15, -radius * 0.05);
    painter.circle(
        center,
        radius,
        palette.dot,
        Stroke::new(tf.len(1.5).max(1.0), Color32::WHITE),
    );
    painter.text(
        center,
        Align2::CENTER_CENTER,
        count.to_string(),
        egui::FontId::proportional((radius * 1.1).round()),
        Color32::WHITE,
    );
}

/// The mark of a moment that matters: a green disc with an arrow up for a moment of gain, a
/// red one with an arrow down for a moment of pain. Shapes, not glyphs, so they look the same
/// in every export.
pub fn moment_mark(
    painter: &Painter,
    palette: &Palette,
    center: Pos2,
    radius: f32,
    kind: MomentKind,
    alpha: f32,
) {
    let color = palette.moment_color(kind).gamma_multiply(alpha);
    painter.circle_filled(center, radius, color);
    let w = radius * 0.5;
    let h = radius * 0.3;
    let sign = match kind {
        MomentKind::Gain => 1.0,
        MomentKind::Pain => -1.0,
    };
    let points = vec![
        pos2(center.x - w, center.y + sign * h),
        pos2(center.x, center.y - sign * h),
        pos2(center.x + w, center.y + sign * h),
    ];
    let stroke = Stroke::new(
        (radius * 0.28).max(1.0),
        Color32::WHITE.gamma_multiply(alpha),
    );
    painter.add(Shape::line(points, stroke));
}

/// A card too small to read, for the whole-map view: a plain block in its colour with an edge
/// (a moment's colour for a moment, the selection colour when selected), and a bar for each
/// row of its title. Added to `mesh` so thousands cost one shape.
pub fn block(
    mesh: &mut egui::Mesh,
    tf: &Transform,
    palette: &Palette,
    slot: &crate::layout::CardSlot,
    card: &Card,
    kind: LaneKind,
    marks: &super::Marks,
) {
    let alpha = if marks.lifted_card == Some(card.id) {
        0.3
    } else {
        1.0
    };
    let r = tf.rect(slot.rect);
    let (edge, width) = if marks.selected_card == Some(card.id) {
        (palette.selection, tf.len(3.0).max(1.5))
    } else if let Some(moment) = card.moment_kind() {
        (palette.moment_color(moment), tf.len(3.0).max(1.5))
    } else {
        (palette.card_border(kind), 1.0)
    };
    mesh.add_colored_rect(r, edge.gamma_multiply(alpha));
    mesh.add_colored_rect(r.shrink(width), palette.card(kind).gamma_multiply(alpha));
    let inner = r.shrink(tf.len(8.0));
    let rows = usize::from(slot.text.title_rows.max(1));
    let row = tf.len(15.0);
    let bar = (row * 0.45).max(1.0);
    if inner.width() < 4.0 || row < 2.0 {
        return;
    }
    let ink = palette.muted.gamma_multiply(0.45 * alpha);
    for i in 0..rows {
        let width = if i + 1 == rows {
            inner.width() * 0.6
        } else {
            inner.width()
        };
        let top = inner.top() + i as f32 * row + (row - bar) / 2.0;
        mesh.add_colored_rect(
            Rect::from_min_size(pos2(inner.left(), top), vec2(width, bar)),
            ink,
        );
    }
}

/// Why a moment matters, beside its card's halo in front of a room: a callout in the moment's
/// colour, to the right of the card (or to its left, or under it, where the screen ends).
pub fn why_callout(
    painter: &Painter,
    tf: &Transform,
    palette: &Palette,
    card: Rect,
    moment: &crate::model::Moment,
) {
    if moment.why.trim().is_empty() || tf.zoom < TEXT_MIN_ZOOM {
        return;
    }
    let r = tf.rect(card);
    let clip = painter.clip_rect();
    let color = palette.moment_color(moment.kind);
    let (pad, gap, width) = (tf.len(10.0), tf.len(14.0), tf.len(230.0));
    let heading = wrapped(
        painter,
        moment.kind.label(),
        font(tf, 12.0),
        color,
        width - 2.0 * pad,
        1,
    );
    let why = wrapped(
        painter,
        &moment.why,
        font(tf, super::CARD_TITLE_SIZE),
        palette.text,
        width - 2.0 * pad,
        8,
    );
    let height = heading.size().y + tf.len(4.0) + why.size().y + 2.0 * pad;
    let size = vec2(width, height);
    let right = pos2(r.right() + gap, r.top());
    let left = pos2(r.left() - gap - width, r.top());
    let (min, pointer) = if right.x + width <= clip.right() {
        (
            right,
            [
                pos2(right.x, r.top() + gap),
                pos2(r.right() + 2.0, r.top() + gap),
            ],
        )
    } else if left.x >= clip.left() {
        let tip = pos2(r.left() - 2.0, r.top() + gap);
        (left, [pos2(left.x + width, r.top() + gap), tip])
    } else {
        let below = pos2(r.left(), r.bottom() + gap);
        (
            below,
            [
                below + vec2(gap, 0.0),
                pos2(r.left() + gap, r.bottom() + 2.0),
            ],
        )
    };
    let bubble = Rect::from_min_size(min, size);
    let radius = CornerRadius::same(tf.len(8.0).round().clamp(0.0, 255.0) as u8);
    painter.line_segment(pointer, Stroke::new(tf.len(2.5).max(1.5), color));
    painter.rect_filled(
        bubble.translate(vec2(0.0, tf.len(2.0))),
        radius,
        palette.shadow,
    );
    painter.rect(
        bubble,
        radius,
        Color32::WHITE,
        Stroke::new(tf.len(2.5).max(1.5), color),
        StrokeKind::Inside,
    );
    let top = bubble.top() + pad;
    let text_top = top + heading.size().y + tf.len(4.0);
    painter.galley(pos2(bubble.left() + pad, top), heading, color);
    painter.galley(pos2(bubble.left() + pad, text_top), why, palette.text);
}
