//! The emotion curve of a feelings lane: the shown journey's as a solid line with faces, and in
//! an overlay the compared journey's as a dashed line, with the gap between them shaded stage
//! by stage.

use super::{Sheet, face, font};
use crate::layout::{Curve, CurvePoint};
use egui::epaint::{CubicBezierShape, PathStroke};
use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

pub(super) fn emotion_curve(painter: &Painter, sheet: &Sheet, curve: &Curve) {
    let Sheet {
        layout,
        tf,
        palette,
        ..
    } = *sheet;
    let band = tf.rect(Rect::from_x_y_ranges(
        layout.grid.x_range(),
        layout.rows[curve.row].y,
    ));
    let mid = tf.pos(pos2(0.0, curve.mid_y)).y;
    let top = tf.pos(pos2(0.0, curve.y_of(2.0))).y;
    let bottom = tf.pos(pos2(0.0, curve.y_of(-2.0))).y;
    painter.rect_filled(
        Rect::from_x_y_ranges(band.x_range(), top..=mid),
        0.0,
        palette.positive_band,
    );
    painter.rect_filled(
        Rect::from_x_y_ranges(band.x_range(), mid..=bottom),
        0.0,
        palette.negative_band,
    );
    let dash = tf.len(6.0).max(2.0);
    painter.add(Shape::dashed_line(
        &[pos2(band.left(), mid), pos2(band.right(), mid)],
        Stroke::new(1.0, palette.muted),
        dash,
        dash,
    ));

    // The gap first, so both curves stay on top of it.
    for gap in curve.gaps() {
        if gap.size() == 0.0 {
            continue;
        }
        let x = layout.columns[gap.column].x.center();
        let (a, b) = (
            tf.pos(pos2(x, curve.y_of(gap.from))),
            tf.pos(pos2(x, curve.y_of(gap.to))),
        );
        let color = if gap.size() > 0.0 {
            palette.gain
        } else {
            palette.pain
        };
        let half = tf.len(15.0);
        let shade = Rect::from_x_y_ranges(a.x - half..=a.x + half, a.y.min(b.y)..=a.y.max(b.y));
        painter.rect_filled(shade, 0.0, color.gamma_multiply(0.22));
        // The size of the gap, on a white pill so it reads over the curves.
        let galley = painter.layout_no_wrap(
            crate::i18n::strings::signed(gap.size()),
            font(tf, 12.5),
            color,
        );
        let at = pos2(
            a.x + half + tf.len(4.0),
            (a.y + b.y) / 2.0 - galley.size().y / 2.0,
        );
        let pill = Rect::from_min_size(at, galley.size()).expand2(vec2(tf.len(3.0), tf.len(1.0)));
        painter.rect_filled(pill, tf.len(4.0), Color32::WHITE);
        painter.galley(at, galley, color);
    }

    if !curve.compared.is_empty() {
        let stroke = Stroke::new(tf.len(2.5).max(1.2), palette.target_curve);
        for path in smooth_paths(&curve.compared, tf) {
            let points = path.flatten(Some(0.5));
            let dash = tf.len(8.0).max(3.0);
            painter.add(Shape::dashed_line(&points, stroke, dash, dash * 0.7));
        }
        let radius = tf.len(9.0);
        // Room the shown journey's face (with its ring) and this one need to stand apart.
        let apart = tf.len(13.0 + 6.0) + radius + tf.len(2.0);
        for point in &curve.compared {
            let mut center = tf.pos(point.pos);
            // Where the two journeys feel nearly alike, the faces would cover each other: this
            // one steps aside, to the left (the gap's size is written on the right), and the
            // dashed line still passes through its true place.
            let near = curve
                .points
                .iter()
                .find(|p| p.column == point.column)
                .is_some_and(|p| (tf.pos(p.pos).y - center.y).abs() < apart);
            if near {
                center.x -= apart;
            }
            painter.circle(
                center,
                radius + tf.len(2.0),
                Color32::WHITE,
                Stroke::new(tf.len(2.0), palette.target_curve),
            );
            face::paint_score(painter, center, radius, point.score, 1.0);
            if point.manual {
                by_hand_mark(painter, tf, center, radius, palette.target_curve);
            }
        }
    }

    let stroke = Stroke::new(tf.len(3.0).max(1.5), palette.curve);
    for path in smooth_paths(&curve.points, tf) {
        painter.add(CubicBezierShape {
            stroke: PathStroke::from(stroke),
            ..path
        });
    }
    let marked = extremes(curve);
    let radius = tf.len(13.0);
    for (i, point) in curve.points.iter().enumerate() {
        let center = tf.pos(point.pos);
        if marked[i] {
            painter.circle_stroke(
                center,
                radius + tf.len(4.0),
                Stroke::new(tf.len(2.5), palette.moment),
            );
        }
        painter.circle_filled(center, radius + tf.len(2.0), Color32::WHITE);
        face::paint_score(painter, center, radius, point.score, 1.0);
        if point.manual {
            by_hand_mark(painter, tf, center, radius, palette.curve);
        }
    }
}

/// The mark of a point set by hand (it stays where it was put, whatever its stage's cards
/// say): a pin stuck into the face's upper right, in the colour of its curve.
pub(super) fn by_hand_mark(
    painter: &Painter,
    tf: &super::Transform,
    center: Pos2,
    radius: f32,
    color: Color32,
) {
    let toward = vec2(1.0, -1.0) * std::f32::consts::FRAC_1_SQRT_2;
    let head = (radius * 0.36).max(tf.len(2.5));
    let at = center + toward * (radius + head + tf.len(1.0));
    painter.line_segment(
        [center + toward * (radius * 0.6), at],
        Stroke::new(tf.len(1.5).max(1.0), color),
    );
    painter.circle(
        at,
        head,
        color,
        Stroke::new(tf.len(1.2).max(0.8), Color32::WHITE),
    );
}

/// A smooth line through consecutive stages, as Bézier pieces; a stage with no feeling leaves
/// a gap.
fn smooth_paths(points: &[CurvePoint], tf: &super::Transform) -> Vec<CubicBezierShape> {
    let screen: Vec<Pos2> = points.iter().map(|p| tf.pos(p.pos)).collect();
    let mut paths = Vec::new();
    for (i, pair) in points.windows(2).enumerate() {
        if pair[1].column != pair[0].column + 1 {
            continue;
        }
        let (a, b) = (screen[i], screen[i + 1]);
        let before = if i > 0 && points[i - 1].column + 1 == pair[0].column {
            screen[i - 1]
        } else {
            a
        };
        let after = screen
            .get(i + 2)
            .filter(|_| points[i + 2].column == pair[1].column + 1)
            .copied()
            .unwrap_or(b);
        let c1 = a + (b - before) / 6.0;
        let c2 = b - (after - a) / 6.0;
        paths.push(CubicBezierShape::from_points_stroke(
            [a, c1, c2, b],
            false,
            Color32::TRANSPARENT,
            PathStroke::NONE,
        ));
    }
    paths
}

/// Whether each point is the curve's lowest or highest (every one of them, when several
/// tie): its moments that matter. None on a flat curve.
pub fn extremes(curve: &Curve) -> Vec<bool> {
    let scores = curve.points.iter().map(|p| p.score);
    let low = scores.clone().fold(f32::INFINITY, f32::min);
    let high = scores.fold(f32::NEG_INFINITY, f32::max);
    curve
        .points
        .iter()
        .map(|p| low < high && (p.score == low || p.score == high))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::extremes;
    use crate::layout::{Style, compute};
    use crate::templates;
    use crate::view::View;

    #[test]
    fn every_highest_and_lowest_point_is_marked_and_a_flat_curve_has_none() {
        let map = templates::load("pizza").unwrap();
        let layout = compute(&map, &View::of(&map), &Style::default());
        let curve = &layout.curves[0];
        let marked: Vec<f32> = curve
            .points
            .iter()
            .zip(extremes(curve))
            .filter(|(_, m)| *m)
            .map(|(p, _)| p.score)
            .collect();
        // Happy at "I'm hungry" and at "Order", angry on receiving the wrong pizza.
        assert_eq!(marked, [1.0, 1.0, -2.0]);
        let mut flat = curve.clone();
        for point in &mut flat.points {
            point.score = 0.5;
        }
        assert!(!extremes(&flat).contains(&true));
    }
}
