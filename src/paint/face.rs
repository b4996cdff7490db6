//! The five feeling faces, drawn with shapes rather than emoji glyphs: every machine shows the
//! same colour faces, they stay crisp at any zoom, and they export to SVG as vectors.

use crate::model::Feeling;
use egui::epaint::{PathStroke, QuadraticBezierShape};
use egui::{Color32, Painter, Pos2, Shape, Stroke, pos2, vec2};

/// Red for angry through yellow for neutral to green for delighted.
pub fn color(feeling: Feeling) -> Color32 {
    match feeling {
        Feeling::Angry => Color32::from_rgb(0xE5, 0x39, 0x35),
        Feeling::Sad => Color32::from_rgb(0xFB, 0x8C, 0x00),
        Feeling::Neutral => Color32::from_rgb(0xFD, 0xD8, 0x35),
        Feeling::Happy => Color32::from_rgb(0x9C, 0xCC, 0x65),
        Feeling::Delighted => Color32::from_rgb(0x43, 0xA0, 0x47),
    }
}

/// The colour of a score between faces (a stage's mean feeling), blended between neighbours.
pub fn color_of_score(score: f32) -> Color32 {
    let s = score.clamp(-2.0, 2.0) + 2.0;
    let lower = (s.floor() as usize).min(3);
    let t = s - lower as f32;
    let a = color(Feeling::ALL[lower]);
    let b = color(Feeling::ALL[lower + 1]);
    a.lerp_to_gamma(b, t)
}

const INK: Color32 = Color32::from_rgb(0x3E, 0x27, 0x23);

/// Paints a face of `radius` points centred at `center`; `alpha` fades it (1 = opaque).
pub fn paint(painter: &Painter, center: Pos2, radius: f32, feeling: Feeling, alpha: f32) {
    paint_with_fill(painter, center, radius, feeling, color(feeling), alpha);
}

/// A face for a score between faces: the nearest face's expression, the blended colour.
pub fn paint_score(painter: &Painter, center: Pos2, radius: f32, score: f32, alpha: f32) {
    paint_with_fill(
        painter,
        center,
        radius,
        Feeling::nearest(score),
        color_of_score(score),
        alpha,
    );
}

fn paint_with_fill(
    painter: &Painter,
    center: Pos2,
    r: f32,
    feeling: Feeling,
    fill: Color32,
    alpha: f32,
) {
    let ink = INK.gamma_multiply(alpha);
    let p = |x: f32, y: f32| center + vec2(x * r, y * r);
    let line = Stroke::new((r * 0.13).max(0.8), ink);
    painter.circle(
        center,
        r,
        fill.gamma_multiply(alpha),
        Stroke::new((r * 0.08).max(0.6), ink),
    );

    let eye_y = if feeling == Feeling::Angry {
        -0.15
    } else {
        -0.22
    };
    for x in [-0.33, 0.33] {
        painter.circle_filled(p(x, eye_y), r * 0.11, ink);
    }
    let curve = |a: Pos2, control: Pos2, b: Pos2| {
        let shape = QuadraticBezierShape::from_points_stroke(
            [a, control, b],
            false,
            Color32::TRANSPARENT,
            PathStroke::from(line),
        );
        painter.add(shape);
    };
    match feeling {
        Feeling::Angry => {
            painter.line_segment([p(-0.58, -0.52), p(-0.14, -0.3)], line);
            painter.line_segment([p(0.58, -0.52), p(0.14, -0.3)], line);
            curve(p(-0.4, 0.52), p(0.0, 0.08), p(0.4, 0.52));
        }
        Feeling::Sad => curve(p(-0.36, 0.5), p(0.0, 0.18), p(0.36, 0.5)),
        Feeling::Neutral => {
            painter.line_segment([p(-0.34, 0.35), p(0.34, 0.35)], line);
        }
        Feeling::Happy => curve(p(-0.4, 0.2), p(0.0, 0.62), p(0.4, 0.2)),
        Feeling::Delighted => {
            // An open, laughing mouth: a filled half-moon.
            let steps = 10;
            let mut mouth: Vec<Pos2> = (0..=steps)
                .map(|i| {
                    let t = std::f32::consts::PI * i as f32 / steps as f32;
                    pos2(
                        center.x + r * 0.48 * t.cos(),
                        center.y + r * 0.12 + r * 0.46 * t.sin(),
                    )
                })
                .collect();
            mouth.dedup();
            painter.add(Shape::convex_polygon(mouth, ink, Stroke::NONE));
        }
    }
}

/// An empty face slot: where a feeling could go.
pub fn paint_empty(painter: &Painter, center: Pos2, radius: f32, color: Color32) {
    let dash = (radius * 0.5).max(2.0);
    let points: Vec<Pos2> = (0..=24)
        .map(|i| center + radius * egui::Vec2::angled(i as f32 * std::f32::consts::TAU / 24.0))
        .collect();
    painter.add(Shape::dashed_line(
        &points,
        Stroke::new(1.2, color),
        dash,
        dash * 0.8,
    ));
}
