//! The parts around the cells: title, persona, stage and lane headers, the legend.

use super::{Palette, Portrait, Sheet, TEXT_MIN_ZOOM, Transform, card, face, font, wrapped};
use crate::i18n::strings;
use crate::layout::legend::{LINE_LENGTH, Legend, MARK_RADIUS, Sample, TEXT_SIZE};
use crate::model::LaneKind;
use egui::{Align2, Color32, CornerRadius, Painter, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

pub(super) fn title(painter: &Painter, sheet: &Sheet, rect: Rect) {
    let Sheet {
        map,
        view,
        tf,
        palette,
        ..
    } = *sheet;
    let rect = tf.rect(rect);
    let caption = view.caption(map);
    let galley = wrapped(
        painter,
        &caption,
        font(tf, 24.0),
        palette.text,
        rect.width(),
        1,
    );
    let pos = pos2(rect.left(), rect.center().y - galley.size().y / 2.0);
    painter.galley(pos, galley, palette.text);
}

/// The persona strip: picture (or initial), name and description, goals, frustrations and needs.
pub(super) fn persona(painter: &Painter, sheet: &Sheet, rect: Rect) {
    let Sheet {
        map,
        view,
        tf,
        palette,
        pictures,
        ..
    } = *sheet;
    let Some(persona) = view.persona(map) else {
        return;
    };
    let screen = tf.rect(rect);
    let radius = CornerRadius::same(tf.len(8.0).round() as u8);
    painter.rect(
        screen,
        radius,
        palette.persona,
        Stroke::new(1.0, palette.grid_line),
        StrokeKind::Inside,
    );
    let pad = tf.len(12.0);
    let side = tf.len(60.0).min(screen.height() - 2.0 * pad);
    let avatar = Rect::from_min_size(
        pos2(screen.left() + pad, screen.center().y - side / 2.0),
        vec2(side, side),
    );
    self::avatar(painter, palette, pictures, persona, avatar);

    let text_left = avatar.right() + pad;
    let lists_left = screen.left() + screen.width() * 0.42;
    let needs_left = screen.left() + screen.width() * 0.71;
    let text = |pos, text: &str, size, color, width, rows| {
        let galley = wrapped(painter, text, font(tf, size), color, width, rows);
        let height = galley.size().y;
        painter.galley(pos, galley, color);
        height
    };
    let mut y = screen.top() + pad;
    let width = lists_left - text_left - pad;
    y += text(
        pos2(text_left, y),
        &persona.name,
        17.0,
        palette.text,
        width,
        1,
    );
    y += tf.len(2.0);
    let rows = ((screen.bottom() - pad - y) / tf.len(16.0))
        .floor()
        .max(1.0) as usize;
    text(
        pos2(text_left, y),
        &persona.description,
        13.0,
        palette.muted,
        width,
        rows,
    );

    let list = |left: f32, right: f32, heading: &str, items: &[String]| {
        if items.is_empty() {
            return;
        }
        let width = right - left - pad;
        let mut y = screen.top() + pad;
        y += text(pos2(left, y), heading, 12.0, palette.muted, width, 1);
        y += tf.len(2.0);
        let line_height = tf.len(16.0);
        for item in items {
            if y + line_height > screen.bottom() - tf.len(4.0) {
                break;
            }
            y += text(
                pos2(left, y),
                &format!("• {item}"),
                13.0,
                palette.text,
                width,
                1,
            );
        }
    };
    list(lists_left, needs_left, strings::goals(), &persona.goals);
    list(needs_left, screen.right(), strings::needs(), &persona.needs);
}

pub(super) fn stage_header(
    painter: &Painter,
    tf: &Transform,
    palette: &Palette,
    rect: Rect,
    name: &str,
    selected: bool,
) {
    let r = tf.rect(rect.shrink2(vec2(3.0, 5.0)));
    let tip = tf.len(12.0).min(r.width() / 4.0);
    // An arrow pointing to the next stage.
    let points = vec![
        r.left_top(),
        pos2(r.right() - tip, r.top()),
        pos2(r.right(), r.center().y),
        pos2(r.right() - tip, r.bottom()),
        r.left_bottom(),
    ];
    let stroke = if selected {
        Stroke::new(3.0, palette.selection)
    } else {
        Stroke::NONE
    };
    painter.add(Shape::convex_polygon(points, palette.stage_header, stroke));
    if tf.zoom >= TEXT_MIN_ZOOM {
        let text_rect = r
            .shrink2(vec2(tf.len(8.0), 0.0))
            .with_max_x(r.right() - tip);
        let galley = wrapped(
            painter,
            name,
            font(tf, 14.5),
            palette.stage_text,
            text_rect.width(),
            3,
        );
        let pos = text_rect.center() - galley.size() / 2.0;
        painter.galley(pos, galley, palette.stage_text);
    }
}

pub(super) fn lane_header(
    painter: &Painter,
    tf: &Transform,
    palette: &Palette,
    rect: Rect,
    name: &str,
    kind: LaneKind,
    selected: bool,
) {
    let r = tf.rect(rect.shrink2(vec2(0.0, 3.0)));
    let radius = CornerRadius::same(tf.len(6.0).round() as u8);
    painter.rect_filled(r, radius, palette.lane_header(kind));
    let accent = Rect::from_min_size(r.min, vec2(tf.len(5.0), r.height()));
    painter.rect_filled(accent, radius, palette.accent(kind));
    if selected {
        painter.rect_stroke(
            r,
            radius,
            Stroke::new(3.0, palette.selection),
            StrokeKind::Inside,
        );
    }
    if tf.zoom >= TEXT_MIN_ZOOM {
        let pad = tf.len(12.0);
        // A long name wraps onto as many rows as the lane is tall.
        let rows = ((r.height() - tf.len(8.0)) / tf.len(16.5)).floor().max(1.0) as usize;
        let galley = wrapped(
            painter,
            name,
            font(tf, 14.0),
            palette.text,
            r.width() - 1.5 * pad,
            rows,
        );
        let pos = pos2(r.left() + pad, r.center().y - galley.size().y / 2.0);
        painter.galley(pos, galley, palette.text);
    }
}

/// The key to the faces, the moment marks and the curve's rings, and in an overlay to both
/// curves and the gap: drawn where the layout put each item.
pub(super) fn legend(painter: &Painter, sheet: &Sheet, legend: &Legend) {
    let Sheet { tf, palette, .. } = *sheet;
    let radius = tf.len(MARK_RADIUS);
    for item in &legend.items {
        let at = tf.pos(item.at);
        let (x, y) = (at.x, at.y);
        match item.sample {
            Sample::Heading => {}
            Sample::Face(feeling) => {
                face::paint(painter, pos2(x + radius, y), radius, feeling, 1.0)
            }
            Sample::Moment(kind) => {
                card::moment_mark(painter, palette, pos2(x + radius, y), radius, kind, 1.0);
            }
            Sample::Extremes => {
                // As on the curve: a ring in the moment colour around a white face.
                let center = pos2(x + radius, y);
                painter.circle_filled(center, radius * 0.75, Color32::WHITE);
                painter.circle_stroke(
                    center,
                    radius * 0.75,
                    Stroke::new(tf.len(1.0), palette.muted),
                );
                painter.circle_stroke(center, radius, Stroke::new(tf.len(2.5), palette.moment));
            }
            Sample::ByHand => {
                // A white face on the curve, with its pin.
                let center = pos2(x + radius, y);
                painter.circle_filled(center, radius * 0.75, Color32::WHITE);
                painter.circle_stroke(
                    center,
                    radius * 0.75,
                    Stroke::new(tf.len(1.0), palette.muted),
                );
                super::curve::by_hand_mark(painter, tf, center, radius * 0.75, palette.curve);
            }
            Sample::Curve => {
                painter.line_segment(
                    [pos2(x, y), pos2(x + tf.len(LINE_LENGTH), y)],
                    Stroke::new(tf.len(3.0).max(1.5), palette.curve),
                );
            }
            Sample::ComparedCurve => {
                let dash = tf.len(8.0).max(3.0);
                painter.add(Shape::dashed_line(
                    &[pos2(x, y), pos2(x + tf.len(LINE_LENGTH), y)],
                    Stroke::new(tf.len(2.5).max(1.2), palette.target_curve),
                    dash,
                    dash * 0.7,
                ));
            }
            Sample::GapUp | Sample::GapDown => {
                let color = if item.sample == Sample::GapUp {
                    palette.gain
                } else {
                    palette.pain
                };
                let shade = Rect::from_min_size(
                    pos2(x, y - tf.len(10.0)),
                    vec2(tf.len(16.0), tf.len(20.0)),
                );
                painter.rect_filled(shade, 0.0, color.gamma_multiply(0.22));
            }
        }
        let galley = wrapped(
            painter,
            &item.text,
            font(tf, TEXT_SIZE),
            palette.muted,
            f32::INFINITY,
            1,
        );
        let pos = pos2(tf.pos(pos2(item.text_x, 0.0)).x, y - galley.size().y / 2.0);
        painter.galley(pos, galley, palette.muted);
    }
}

/// A persona's picture in the square `avatar` (screen points): the picture, cropped to a
/// square; a silhouette when it cannot be shown; else the first letter of the name.
pub(super) fn avatar(
    painter: &Painter,
    palette: &Palette,
    pictures: &super::Pictures,
    persona: &crate::model::Persona,
    avatar: Rect,
) {
    let side = avatar.width();
    match pictures.0.get(&persona.id) {
        Some(Portrait::Shown { texture, size }) => {
            // Fill the square, cropping the longer side around its middle.
            let (w, h) = (size.x.max(1.0), size.y.max(1.0));
            let uv = if w > h {
                let cut = (1.0 - h / w) / 2.0;
                Rect::from_min_max(pos2(cut, 0.0), pos2(1.0 - cut, 1.0))
            } else {
                let cut = (1.0 - w / h) / 2.0;
                Rect::from_min_max(pos2(0.0, cut), pos2(1.0, 1.0 - cut))
            };
            painter.image(*texture, avatar, uv, Color32::WHITE);
        }
        Some(Portrait::Missing) => {
            // A neutral silhouette: the picture is named in the map but cannot be shown.
            let r = CornerRadius::same((side * 0.1).round() as u8);
            painter.rect_filled(avatar, r, palette.placeholder);
            let head = avatar.center() - vec2(0.0, side * 0.12);
            painter.circle_filled(head, side * 0.17, palette.placeholder_figure);
            let body = Rect::from_center_size(
                avatar.center() + vec2(0.0, side * 0.3),
                vec2(side * 0.6, side * 0.34),
            );
            painter.rect_filled(
                body,
                CornerRadius::same((side * 0.17).round() as u8),
                palette.placeholder_figure,
            );
        }
        None => {
            let center = avatar.center();
            painter.circle_filled(center, side / 2.0, palette.avatar);
            let initial: String = persona
                .name
                .chars()
                .next()
                .map(|c| c.to_uppercase().collect())
                .unwrap_or_else(|| "?".into());
            painter.text(
                center,
                Align2::CENTER_CENTER,
                initial,
                egui::FontId::proportional(side * 26.0 / 60.0),
                Color32::WHITE,
            );
        }
    }
}
