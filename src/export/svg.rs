//! Writes egui shapes as SVG: rectangles, circles, paths and Bézier curves as SVG elements, and
//! every piece of text as a real `<text>` element, so slide tools can edit the words.

use egui::epaint::{ClippedShape, ColorMode, Mesh, PathStroke, RectShape, TextShape};
use egui::{Color32, Pos2, Rect, Shape, Stroke, StrokeKind, TextureId, Vec2};
use std::collections::HashMap;
use std::fmt::Write as _;

/// Images the shapes draw (persona pictures), by texture.
pub type Images = HashMap<TextureId, image::RgbaImage>;

/// The font family egui's bundled text face belongs to, then common fallbacks.
const FONT_FAMILY: &str = "Ubuntu, 'Segoe UI', 'Helvetica Neue', Arial, sans-serif";

pub fn write(
    shapes: &[ClippedShape],
    size: Vec2,
    background: Option<Color32>,
    images: &Images,
) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = writeln!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">"#,
        w = num(size.x),
        h = num(size.y),
    );
    if background.is_none() {
        out.push_str("<!-- transparent background -->\n");
    }
    for clipped in shapes {
        shape(&mut out, &clipped.shape, images);
    }
    out.push_str("</svg>\n");
    out
}

/// A number with at most two decimals and no trailing zeros: small files, exact enough.
fn num(v: f32) -> String {
    let text = format!("{:.2}", v);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// ` fill="#rrggbb" fill-opacity=".."` (premultiplied egui colour to straight SVG colour).
fn paint(attribute: &str, color: Color32) -> String {
    if color.a() == 0 {
        return format!(r#" {attribute}="none""#);
    }
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    let mut text = format!(r##" {attribute}="#{r:02x}{g:02x}{b:02x}""##);
    if a < 255 {
        let _ = write!(text, r#" {attribute}-opacity="{}""#, num(a as f32 / 255.0));
    }
    text
}

fn stroke_attributes(stroke: Stroke) -> String {
    if stroke.is_empty() {
        return String::new();
    }
    format!(
        r#"{} stroke-width="{}""#,
        paint("stroke", stroke.color),
        num(stroke.width)
    )
}

fn path_stroke(stroke: &PathStroke) -> Stroke {
    match stroke.color {
        ColorMode::Solid(color) => Stroke::new(stroke.width, color),
        // Gradients along a path are not used by the map painter; draw them in their start colour.
        ColorMode::UV(_) => Stroke::new(stroke.width, Color32::GRAY),
    }
}

fn points(list: &[Pos2]) -> String {
    list.iter()
        .map(|p| format!("{},{}", num(p.x), num(p.y)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn shape(out: &mut String, shape: &Shape, images: &Images) {
    match shape {
        Shape::Mesh(mesh) => picture(out, mesh, images),
        Shape::Noop | Shape::Callback(_) | Shape::Band(_) => {}
        Shape::Vec(shapes) => shapes.iter().for_each(|s| self::shape(out, s, images)),
        Shape::Rect(rect) => rectangle(out, rect),
        Shape::Circle(c) => {
            let _ = writeln!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}"{}{}/>"#,
                num(c.center.x),
                num(c.center.y),
                num(c.radius),
                paint("fill", c.fill),
                stroke_attributes(c.stroke)
            );
        }
        Shape::Ellipse(e) => {
            let _ = writeln!(
                out,
                r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}"{}{}/>"#,
                num(e.center.x),
                num(e.center.y),
                num(e.radius.x),
                num(e.radius.y),
                paint("fill", e.fill),
                stroke_attributes(e.stroke)
            );
        }
        Shape::LineSegment {
            points: [a, b],
            stroke,
        } => {
            let _ = writeln!(
                out,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{} stroke-linecap="round"/>"#,
                num(a.x),
                num(a.y),
                num(b.x),
                num(b.y),
                stroke_attributes(*stroke)
            );
        }
        Shape::Path(path) => {
            let element = if path.closed { "polygon" } else { "polyline" };
            let fill = if path.closed {
                paint("fill", path.fill)
            } else {
                r#" fill="none""#.to_owned()
            };
            let _ = writeln!(
                out,
                r#"<{element} points="{}"{fill}{} stroke-linejoin="round"/>"#,
                points(&path.points),
                stroke_attributes(path_stroke(&path.stroke))
            );
        }
        Shape::QuadraticBezier(q) => {
            let [a, c, b] = q.points;
            let d = format!(
                "M{},{} Q{},{} {},{}",
                num(a.x),
                num(a.y),
                num(c.x),
                num(c.y),
                num(b.x),
                num(b.y)
            );
            curve(out, &d, q.closed, q.fill, &q.stroke);
        }
        Shape::CubicBezier(q) => {
            let [a, c1, c2, b] = q.points;
            let d = format!(
                "M{},{} C{},{} {},{} {},{}",
                num(a.x),
                num(a.y),
                num(c1.x),
                num(c1.y),
                num(c2.x),
                num(c2.y),
                num(b.x),
                num(b.y)
            );
            curve(out, &d, q.closed, q.fill, &q.stroke);
        }
        Shape::Text(text) => self::text(out, text),
    }
}

fn curve(out: &mut String, d: &str, closed: bool, fill: Color32, stroke: &PathStroke) {
    let d = if closed {
        format!("{d} Z")
    } else {
        d.to_owned()
    };
    let fill = if closed {
        paint("fill", fill)
    } else {
        r#" fill="none""#.to_owned()
    };
    let _ = writeln!(
        out,
        r#"<path d="{d}"{fill}{} stroke-linecap="round"/>"#,
        stroke_attributes(path_stroke(stroke))
    );
}

/// A textured quad (a persona picture) as an embedded PNG, cropped to the quad's UV range.
fn picture(out: &mut String, mesh: &Mesh, images: &Images) {
    let Some(image) = images.get(&mesh.texture_id) else {
        return;
    };
    let area = Rect::from_points(&mesh.vertices.iter().map(|v| v.pos).collect::<Vec<_>>());
    let uv = Rect::from_points(&mesh.vertices.iter().map(|v| v.uv).collect::<Vec<_>>());
    let mut png = Vec::new();
    if image
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .is_err()
    {
        return;
    }
    use base64::Engine as _;
    let data = base64::engine::general_purpose::STANDARD.encode(&png);
    let (w, h) = (image.width() as f32, image.height() as f32);
    let _ = writeln!(
        out,
        r#"<svg x="{}" y="{}" width="{}" height="{}" viewBox="{} {} {} {}" preserveAspectRatio="none"><image width="{}" height="{}" href="data:image/png;base64,{data}"/></svg>"#,
        num(area.min.x),
        num(area.min.y),
        num(area.width()),
        num(area.height()),
        num(uv.min.x * w),
        num(uv.min.y * h),
        num(uv.width() * w),
        num(uv.height() * h),
        num(w),
        num(h),
    );
}

/// Where the outline of a stroked rectangle goes, and its corner radius: vector strokes
/// straddle the outline, so it moves by half the stroke to sit where egui draws it (inside,
/// on, or outside the rectangle).
pub(super) fn stroked_outline(r: &RectShape) -> (Rect, f32) {
    let inset = match r.stroke_kind {
        StrokeKind::Inside => r.stroke.width / 2.0,
        StrokeKind::Middle => 0.0,
        StrokeKind::Outside => -r.stroke.width / 2.0,
    };
    if r.stroke.is_empty() {
        return (r.rect, r.corner_radius.nw as f32);
    }
    (
        r.rect.shrink(inset),
        (r.corner_radius.nw as f32 - inset).max(0.0),
    )
}

fn rectangle(out: &mut String, r: &RectShape) {
    let (with_stroke, radius) = stroked_outline(r);
    let rx = if radius > 0.0 {
        format!(r#" rx="{}""#, num(radius))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}"{rx}{}{}/>"#,
        num(with_stroke.min.x),
        num(with_stroke.min.y),
        num(with_stroke.width().max(0.0)),
        num(with_stroke.height().max(0.0)),
        paint("fill", r.fill),
        stroke_attributes(r.stroke)
    );
}

fn text(out: &mut String, shape: &TextShape) {
    let galley = &shape.galley;
    let Some(section) = galley.job.sections.first() else {
        return;
    };
    let color = shape.override_text_color.unwrap_or(section.format.color);
    let color = if color == Color32::PLACEHOLDER {
        shape.fallback_color
    } else {
        color
    };
    let color = color.gamma_multiply(shape.opacity_factor);
    let size = section.format.font_id.size;
    for row in &galley.rows {
        let Some(first) = row.row.glyphs.first() else {
            continue;
        };
        let words: String = row.row.glyphs.iter().map(|g| g.chr).collect();
        if words.trim().is_empty() {
            continue;
        }
        let x = shape.pos.x + row.pos.x + first.pos.x;
        let y = shape.pos.y + row.pos.y + first.pos.y;
        let width = row.row.size.x;
        let _ = writeln!(
            out,
            r#"<text x="{}" y="{}" font-size="{}" textLength="{}" lengthAdjust="spacingAndGlyphs"{} xml:space="preserve">{}</text>"#,
            num(x),
            num(y),
            num(size),
            num(width - first.pos.x),
            paint("fill", color),
            escape(&words)
        );
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 cannot hold at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(0.333), "0.33");
        assert_eq!(num(-0.001), "0");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("a < b & \"c\"\u{1}"),
            "a &lt; b &amp; &quot;c&quot;\u{FFFD}"
        );
    }
}
