//! Writes egui shapes as PDF: rectangles, circles, paths and curves as vector paths, pictures
//! as images, and every piece of text as real text in the faces egui drew it with (embedded and
//! subset), each glyph where egui placed it, so the words can be selected and searched.
//!
//! One page sized to the map, or landscape A4/A3 pages that tile it with the stage and lane
//! headers repeated on each page, like a poster printed in parts.

use super::svg::Images;
use egui::epaint::{ClippedShape, ColorMode, Mesh, PathStroke, RectShape, TextShape};
use egui::{Color32, Pos2, Rect, Shape, Stroke, Vec2, pos2, vec2};
use krilla::geom::{Path, PathBuilder, Point, Size, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use std::collections::HashMap;

/// The largest side of a PDF page most readers accept, in points (200 inches).
const MAX_PAGE_SIDE: f32 = 14_400.0;
/// The blank border of a printed page, in points.
const PAGE_MARGIN: f32 = 24.0;
/// How much smaller than on screen a map is printed when it has to be tiled: cards stay
/// legible (a 13-point title prints at about 10 points).
const TILE_SCALE: f32 = 0.8;
/// A map that fits on one page at this scale or larger is printed on one page.
const SMALLEST_ONE_PAGE_SCALE: f32 = 0.55;

/// The paper a PDF is laid out on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
pub enum PageSize {
    /// One page exactly the size of the map.
    #[default]
    Fit,
    /// A4 landscape pages.
    A4,
    /// A3 landscape pages.
    A3,
}

impl PageSize {
    pub const ALL: [PageSize; 3] = [PageSize::Fit, PageSize::A4, PageSize::A3];

    /// The stable id the command line and preferences use.
    pub fn id(self) -> &'static str {
        match self {
            PageSize::Fit => "fit",
            PageSize::A4 => "a4",
            PageSize::A3 => "a3",
        }
    }

    /// Its name for people, in the current language.
    pub fn label(self) -> &'static str {
        crate::i18n::tr(match self {
            PageSize::Fit => "pdf-page-fit",
            PageSize::A4 => "pdf-page-a4",
            PageSize::A3 => "pdf-page-a3",
        })
    }

    /// Landscape paper size in points, if it is paper.
    fn paper(self) -> Option<Vec2> {
        match self {
            PageSize::Fit => None,
            PageSize::A4 => Some(vec2(841.89, 595.28)),
            PageSize::A3 => Some(vec2(1190.55, 841.89)),
        }
    }
}

/// Where a journey's headers are, so tiled pages can repeat them: the corner above the lane
/// headers, the grid of cells, and where columns and rows end (pages are cut there when they
/// can be).
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub corner: Rect,
    pub grid: Rect,
    pub column_ends: Vec<f32>,
    pub row_ends: Vec<f32>,
}

/// What the document says of itself.
pub struct Meta<'a> {
    pub title: &'a str,
    /// BCP 47 code of the words drawn: "es".
    pub language: &'a str,
}

/// The drawing to write: its shapes in points and the pictures they show.
pub struct Drawing<'a> {
    pub shapes: &'a [ClippedShape],
    pub size: Vec2,
    pub images: &'a Images,
    pub fonts: &'a egui::FontDefinitions,
    /// Journeys have headers to repeat on tiled pages; the roadmap board is tiled plainly.
    pub frame: Option<&'a Frame>,
}

/// A part of the drawing placed on a page: `source` (in the drawing's points) is shown with
/// its top-left corner at `at` (in page points), at `scale`.
struct Placed {
    source: Rect,
    at: Pos2,
    scale: f32,
}

/// The PDF file's bytes.
pub fn write(drawing: &Drawing, meta: &Meta, page: PageSize) -> Result<Vec<u8>, String> {
    let mut document = krilla::Document::new();
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(meta.title.to_owned())
            .language(meta.language.to_owned())
            .creator("Trayecto".to_owned()),
    );
    let mut painter = Painter::new(drawing);
    for (paper, parts) in pages(drawing, page) {
        let settings = krilla::page::PageSettings::from_wh(paper.x, paper.y)
            .ok_or_else(|| "empty page".to_owned())?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for part in &parts {
            painter.place(&mut surface, part);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| format!("{e:?}"))
}

/// Every page: its size and what it shows.
fn pages(drawing: &Drawing, page: PageSize) -> Vec<(Vec2, Vec<Placed>)> {
    let size = drawing.size;
    let whole = Rect::from_min_size(Pos2::ZERO, size);
    let Some(paper) = page.paper() else {
        let scale = (MAX_PAGE_SIDE / size.x.max(size.y)).min(1.0);
        let part = Placed {
            source: whole,
            at: Pos2::ZERO,
            scale,
        };
        return vec![(size * scale, vec![part])];
    };
    let room = paper - Vec2::splat(2.0 * PAGE_MARGIN);
    let margin = pos2(PAGE_MARGIN, PAGE_MARGIN);
    let fits = (room.x / size.x).min(room.y / size.y).min(1.0);
    if fits >= SMALLEST_ONE_PAGE_SCALE {
        let part = Placed {
            source: whole,
            at: margin,
            scale: fits,
        };
        return vec![(paper, vec![part])];
    }
    let room = room / TILE_SCALE;
    let tiles = drawing
        .frame
        .and_then(|frame| framed_tiles(frame, size, room))
        .unwrap_or_else(|| plain_tiles(size, room));
    tiles
        .into_iter()
        .map(|parts| {
            let placed = parts
                .into_iter()
                .map(|(source, at)| Placed {
                    source,
                    at: margin + at.to_vec2() * TILE_SCALE,
                    scale: TILE_SCALE,
                })
                .collect();
            (paper, placed)
        })
        .collect()
}

/// The drawing cut in page-sized pieces, left to right, then top to bottom.
fn plain_tiles(size: Vec2, room: Vec2) -> Vec<Vec<(Rect, Pos2)>> {
    let mut pages = Vec::new();
    for y in cuts(0.0, size.y, room.y, &[]) {
        for x in cuts(0.0, size.x, room.x, &[]) {
            let source = Rect::from_x_y_ranges(x.0..=x.1, y.0..=y.1);
            pages.push(vec![(source, Pos2::ZERO)]);
        }
    }
    pages
}

/// Pages that each show the corner, the stage headers over their columns, the lane headers
/// beside their rows and the cells; the first page also shows what is above the headers (the
/// title and persona). `None` when the headers leave no room for cells.
fn framed_tiles(frame: &Frame, size: Vec2, room: Vec2) -> Option<Vec<Vec<(Rect, Pos2)>>> {
    let top = frame.corner.top();
    let header_height = frame.grid.top() - top;
    let header_width = frame.grid.left() - frame.corner.left();
    let left = frame.corner.left();
    let width = room.x - header_width;
    let first_height = room.y - top - header_height;
    let height = room.y - header_height;
    if width < 60.0 || first_height < 60.0 {
        return None;
    }
    let columns = cuts(frame.grid.left(), size.x, width, &frame.column_ends);
    let mut rows = Vec::new();
    let mut y = frame.grid.top();
    while y < size.y - 0.5 {
        let room = if rows.is_empty() {
            first_height
        } else {
            height
        };
        let (from, to) = next_cut(y, size.y, room, &frame.row_ends);
        rows.push((from, to));
        y = to;
    }
    let mut pages = Vec::new();
    for (r, (y0, y1)) in rows.iter().copied().enumerate() {
        let below = if r == 0 { top } else { 0.0 };
        for (c, (x0, x1)) in columns.iter().copied().enumerate() {
            let mut parts = Vec::new();
            if r == 0 && c == 0 {
                let source = Rect::from_x_y_ranges(0.0..=room.x, 0.0..=top);
                parts.push((source, Pos2::ZERO));
            }
            let at = |x: f32, y: f32| pos2(x, y);
            let corner = Rect::from_x_y_ranges(left..=frame.grid.left(), top..=frame.grid.top());
            parts.push((corner, at(0.0, below)));
            let stages = Rect::from_x_y_ranges(x0..=x1, top..=frame.grid.top());
            parts.push((stages, at(header_width, below)));
            let lanes = Rect::from_x_y_ranges(left..=frame.grid.left(), y0..=y1);
            parts.push((lanes, at(0.0, below + header_height)));
            let cells = Rect::from_x_y_ranges(x0..=x1, y0..=y1);
            parts.push((cells, at(header_width, below + header_height)));
            pages.push(parts);
        }
    }
    Some(pages)
}

/// Pieces of at most `room` from `start` to `end`, cut at one of `ends` where one falls in
/// the second half of a piece.
fn cuts(start: f32, end: f32, room: f32, ends: &[f32]) -> Vec<(f32, f32)> {
    let mut pieces = Vec::new();
    let mut at = start;
    while at < end - 0.5 {
        let piece = next_cut(at, end, room, ends);
        at = piece.1;
        pieces.push(piece);
    }
    pieces
}

fn next_cut(from: f32, end: f32, room: f32, ends: &[f32]) -> (f32, f32) {
    let limit = (from + room.max(1.0)).min(end);
    if limit >= end {
        return (from, end);
    }
    let snapped = ends
        .iter()
        .copied()
        .filter(|e| *e > from + room / 2.0 && *e <= limit)
        .fold(None, |best: Option<f32>, e| {
            Some(best.map_or(e, |b| b.max(e)))
        });
    (from, snapped.unwrap_or(limit))
}

/// One face egui draws text with, as the PDF embeds it.
struct Face {
    font: Font,
    data: egui::epaint::text::FontData,
}

/// Draws shapes on PDF surfaces; keeps the faces and pictures it has made, so each is
/// embedded once however many pages show it.
struct Painter<'a> {
    drawing: &'a Drawing<'a>,
    /// Where each shape is drawn, for skipping those a page does not show.
    bounds: Vec<Rect>,
    faces: Vec<Face>,
    /// The face, glyph and advance (in ems) of each character drawn so far.
    glyphs: HashMap<char, (usize, u32, f32)>,
    pictures: HashMap<egui::TextureId, Option<krilla::image::Image>>,
}

impl<'a> Painter<'a> {
    fn new(drawing: &'a Drawing<'a>) -> Self {
        let names = drawing
            .fonts
            .families
            .get(&egui::FontFamily::Proportional)
            .cloned()
            .unwrap_or_default();
        let faces = names
            .iter()
            .filter_map(|name| drawing.fonts.font_data.get(name))
            .filter_map(|data| {
                let font = Font::new(data.font.clone().into(), data.index)?;
                Some(Face {
                    font,
                    data: (**data).clone(),
                })
            })
            .collect();
        let bounds = drawing
            .shapes
            .iter()
            .map(|s| s.clip_rect.intersect(s.shape.visual_bounding_rect()))
            .collect();
        Painter {
            drawing,
            bounds,
            faces,
            glyphs: HashMap::new(),
            pictures: HashMap::new(),
        }
    }

    /// Draws the shapes that reach `part.source`, clipped to it, where the part goes.
    fn place(&mut self, surface: &mut Surface, part: &Placed) {
        let Placed { source, at, scale } = *part;
        surface.push_transform(&Transform::from_row(
            scale,
            0.0,
            0.0,
            scale,
            at.x - source.min.x * scale,
            at.y - source.min.y * scale,
        ));
        if let Some(clip) = rect_path(source, 0.0) {
            surface.push_clip_path(&clip, &FillRule::NonZero);
        }
        let drawing = self.drawing;
        for (shape, bounds) in drawing.shapes.iter().zip(self.bounds.clone()) {
            if bounds.intersects(source) {
                self.shape(surface, &shape.shape);
            }
        }
        surface.pop();
        surface.pop();
    }

    fn shape(&mut self, surface: &mut Surface, shape: &Shape) {
        match shape {
            Shape::Noop | Shape::Callback(_) | Shape::Band(_) => {}
            Shape::Vec(shapes) => shapes.iter().for_each(|s| self.shape(surface, s)),
            Shape::Mesh(mesh) => self.picture(surface, mesh),
            Shape::Rect(rect) => rectangle(surface, rect),
            Shape::Circle(c) => {
                let radius = Vec2::splat(c.radius);
                draw(surface, ellipse(c.center, radius), c.fill, c.stroke);
            }
            Shape::Ellipse(e) => draw(surface, ellipse(e.center, e.radius), e.fill, e.stroke),
            Shape::LineSegment { points, stroke } => {
                let mut path = PathBuilder::new();
                path.move_to(points[0].x, points[0].y);
                path.line_to(points[1].x, points[1].y);
                draw(surface, path.finish(), Color32::TRANSPARENT, *stroke);
            }
            Shape::Path(p) => {
                let (first, rest) = p.points.split_first().unwrap_or((&Pos2::ZERO, &[]));
                outline(surface, *first, p.closed, p.fill, &p.stroke, |path| {
                    rest.iter().for_each(|point| path.line_to(point.x, point.y));
                });
            }
            Shape::QuadraticBezier(q) => {
                let [a, c, b] = q.points;
                outline(surface, a, q.closed, q.fill, &q.stroke, |path| {
                    path.quad_to(c.x, c.y, b.x, b.y);
                });
            }
            Shape::CubicBezier(q) => {
                let [a, c1, c2, b] = q.points;
                outline(surface, a, q.closed, q.fill, &q.stroke, |path| {
                    path.cubic_to(c1.x, c1.y, c2.x, c2.y, b.x, b.y);
                });
            }
            Shape::Text(text) => self.text(surface, text),
        }
    }

    /// The face that has a glyph for `c` (the first in egui's order), and the glyph; a
    /// character no face has is drawn as the first face's empty box, and still reads as
    /// itself when copied.
    fn glyph(&mut self, c: char) -> (usize, u32, f32) {
        if let Some(found) = self.glyphs.get(&c) {
            return *found;
        }
        use skrifa::MetadataProvider as _;
        let found = self
            .faces
            .iter()
            .enumerate()
            .find_map(|(i, face)| {
                let font = skrifa::FontRef::from_index((*face.data.font).as_ref(), face.data.index)
                    .ok()?;
                let glyph = font.charmap().map(c)?;
                let metrics = font.glyph_metrics(
                    skrifa::instance::Size::new(1.0),
                    skrifa::instance::LocationRef::default(),
                );
                let advance = metrics.advance_width(glyph).unwrap_or(0.0);
                Some((i, glyph.to_u32(), advance))
            })
            .unwrap_or((0, 0, 0.0));
        self.glyphs.insert(c, found);
        found
    }

    fn text(&mut self, surface: &mut Surface, shape: &TextShape) {
        let galley = &shape.galley;
        let Some(section) = galley.job.sections.first() else {
            return;
        };
        if self.faces.is_empty() {
            return;
        }
        let color = shape.override_text_color.unwrap_or(section.format.color);
        let color = if color == Color32::PLACEHOLDER {
            shape.fallback_color
        } else {
            color
        };
        let color = color.gamma_multiply(shape.opacity_factor);
        let Some(fill) = fill_of(color) else {
            return;
        };
        surface.set_fill(Some(fill));
        surface.set_stroke(None);
        let size = section.format.font_id.size;
        for row in &galley.rows {
            let glyphs = &row.row.glyphs;
            let origin = shape.pos + row.pos.to_vec2();
            let mut start = 0;
            while start < glyphs.len() {
                let (face, _, _) = self.glyph(glyphs[start].chr);
                let mut end = start + 1;
                while end < glyphs.len() && self.glyph(glyphs[end].chr).0 == face {
                    end += 1;
                }
                self.run(surface, &glyphs[start..end], face, origin, size);
                start = end;
            }
        }
    }

    /// Glyphs of one face, each where egui put it.
    fn run(
        &mut self,
        surface: &mut Surface,
        glyphs: &[egui::epaint::text::Glyph],
        face: usize,
        origin: Pos2,
        size: f32,
    ) {
        let tweak = &self.faces[face].data.tweak;
        let (scale, y_offset, y_offset_factor) =
            (tweak.scale, tweak.y_offset, tweak.y_offset_factor);
        let size = size * scale;
        if size <= 0.0 {
            return;
        }
        // Where each character starts. egui draws ligatures ("ff", "fl") as one glyph on the
        // first character and none on the others; here each character is its own glyph, so
        // the others follow the first by the face's own advances.
        let mut starts = Vec::with_capacity(glyphs.len() + 1);
        for (i, glyph) in glyphs.iter().enumerate() {
            let start = match i.checked_sub(1) {
                Some(before) if glyph.advance_width == 0.0 => {
                    starts[before] + self.glyph(glyphs[before].chr).2 * size
                }
                _ => glyph.pos.x,
            };
            starts.push(start);
        }
        let last = &glyphs[glyphs.len() - 1];
        starts.push(last.pos.x.max(starts[glyphs.len() - 1]) + last.advance_width);
        let mut text = String::new();
        let mut placed = Vec::with_capacity(glyphs.len());
        for (i, glyph) in glyphs.iter().enumerate() {
            let from = text.len();
            text.push(glyph.chr);
            placed.push(KrillaGlyph {
                glyph_id: GlyphId::new(self.glyph(glyph.chr).1),
                text_range: from..text.len(),
                x_advance: (starts[i + 1] - starts[i]).max(0.0) / size,
                x_offset: 0.0,
                y_offset: 0.0,
                y_advance: 0.0,
                location: None,
            });
        }
        let first = pos2(starts[0], glyphs[0].pos.y);
        let shift = y_offset + y_offset_factor * size;
        let start = Point::from_xy(origin.x + first.x, origin.y + first.y + shift);
        let font = self.faces[face].font.clone();
        surface.draw_glyphs(start, &placed, font, &text, size, false);
    }

    /// A textured quad (a persona picture), cropped to the quad's UV range.
    fn picture(&mut self, surface: &mut Surface, mesh: &Mesh) {
        let images = self.drawing.images;
        let image = self
            .pictures
            .entry(mesh.texture_id)
            .or_insert_with(|| {
                let rgba = images.get(&mesh.texture_id)?;
                let uv: Vec<Pos2> = mesh.vertices.iter().map(|v| v.uv).collect();
                let uv = Rect::from_points(&uv);
                let (w, h) = (rgba.width() as f32, rgba.height() as f32);
                let x = (uv.min.x * w).round().clamp(0.0, w - 1.0) as u32;
                let y = (uv.min.y * h).round().clamp(0.0, h - 1.0) as u32;
                let cw = ((uv.width() * w).round() as u32).clamp(1, rgba.width() - x);
                let ch = ((uv.height() * h).round() as u32).clamp(1, rgba.height() - y);
                let cropped = image::imageops::crop_imm(rgba, x, y, cw, ch).to_image();
                Some(krilla::image::Image::from_rgba8(cropped.into_raw(), cw, ch))
            })
            .clone();
        let Some(image) = image else {
            return;
        };
        let area: Vec<Pos2> = mesh.vertices.iter().map(|v| v.pos).collect();
        let area = Rect::from_points(&area);
        let Some(size) = Size::from_wh(area.width(), area.height()) else {
            return;
        };
        surface.push_transform(&Transform::from_translate(area.min.x, area.min.y));
        surface.draw_image(image, size);
        surface.pop();
    }
}

fn fill_of(color: Color32) -> Option<Fill> {
    if color.a() == 0 {
        return None;
    }
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    Some(Fill {
        paint: krilla::color::rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::new(a as f32 / 255.0).unwrap_or(NormalizedF32::ONE),
        rule: FillRule::NonZero,
    })
}

fn stroke_of(stroke: Stroke) -> Option<krilla::paint::Stroke> {
    if stroke.is_empty() {
        return None;
    }
    let [r, g, b, a] = stroke.color.to_srgba_unmultiplied();
    Some(krilla::paint::Stroke {
        paint: krilla::color::rgb::Color::new(r, g, b).into(),
        width: stroke.width,
        opacity: NormalizedF32::new(a as f32 / 255.0).unwrap_or(NormalizedF32::ONE),
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        ..Default::default()
    })
}

fn path_stroke(stroke: &PathStroke) -> Stroke {
    match stroke.color {
        ColorMode::Solid(color) => Stroke::new(stroke.width, color),
        // The map painter draws no gradients along paths; draw one in a neutral colour.
        ColorMode::UV(_) => Stroke::new(stroke.width, Color32::GRAY),
    }
}

/// A path from `start` drawn by `segments`, filled only when closed.
fn outline(
    surface: &mut Surface,
    start: Pos2,
    closed: bool,
    fill: Color32,
    stroke: &PathStroke,
    segments: impl FnOnce(&mut PathBuilder),
) {
    let mut path = PathBuilder::new();
    path.move_to(start.x, start.y);
    segments(&mut path);
    let fill = if closed {
        path.close();
        fill
    } else {
        Color32::TRANSPARENT
    };
    draw(surface, path.finish(), fill, path_stroke(stroke));
}

fn draw(surface: &mut Surface, path: Option<Path>, fill: Color32, stroke: Stroke) {
    let Some(path) = path else {
        return;
    };
    let fill = fill_of(fill);
    let stroke = stroke_of(stroke);
    if fill.is_none() && stroke.is_none() {
        return;
    }
    surface.set_fill(fill);
    surface.set_stroke(stroke);
    surface.draw_path(&path);
}

fn rectangle(surface: &mut Surface, r: &RectShape) {
    let (rect, radius) = super::svg::stroked_outline(r);
    draw(surface, rect_path(rect, radius), r.fill, r.stroke);
}

/// A rectangle with round corners of `radius` (none when 0).
fn rect_path(rect: Rect, radius: f32) -> Option<Path> {
    if !(rect.width() > 0.0 && rect.height() > 0.0) {
        return None;
    }
    let r = radius.min(rect.width() / 2.0).min(rect.height() / 2.0);
    let mut path = PathBuilder::new();
    if r <= 0.0 {
        path.push_rect(krilla::geom::Rect::from_xywh(
            rect.min.x,
            rect.min.y,
            rect.width(),
            rect.height(),
        )?);
        return path.finish();
    }
    // Quarter circles as cubic curves: control points at this fraction of the radius.
    let k = r * 0.552_284_8;
    let (l, t, rt, b) = (rect.min.x, rect.min.y, rect.max.x, rect.max.y);
    path.move_to(l + r, t);
    path.line_to(rt - r, t);
    path.cubic_to(rt - r + k, t, rt, t + r - k, rt, t + r);
    path.line_to(rt, b - r);
    path.cubic_to(rt, b - r + k, rt - r + k, b, rt - r, b);
    path.line_to(l + r, b);
    path.cubic_to(l + r - k, b, l, b - r + k, l, b - r);
    path.line_to(l, t + r);
    path.cubic_to(l, t + r - k, l + r - k, t, l + r, t);
    path.close();
    path.finish()
}

fn ellipse(center: Pos2, radius: Vec2) -> Option<Path> {
    if !(radius.x > 0.0 && radius.y > 0.0) {
        return None;
    }
    let (kx, ky) = (radius.x * 0.552_284_8, radius.y * 0.552_284_8);
    let (cx, cy, rx, ry) = (center.x, center.y, radius.x, radius.y);
    let mut path = PathBuilder::new();
    path.move_to(cx + rx, cy);
    path.cubic_to(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry);
    path.cubic_to(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy);
    path.cubic_to(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry);
    path.cubic_to(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy);
    path.close();
    path.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_cut_at_column_ends_when_one_is_near() {
        let pieces = cuts(
            0.0,
            1000.0,
            400.0,
            &[150.0, 300.0, 450.0, 600.0, 750.0, 900.0],
        );
        // The last piece fits whole: no cut needed.
        assert_eq!(pieces, vec![(0.0, 300.0), (300.0, 600.0), (600.0, 1000.0)]);
        // No end in the second half of a piece: cut where the page ends.
        assert_eq!(
            cuts(0.0, 500.0, 200.0, &[]),
            vec![(0.0, 200.0), (200.0, 400.0), (400.0, 500.0)]
        );
    }

    #[test]
    fn a_small_map_is_one_page_and_a_large_one_is_tiled_with_its_headers() {
        let fonts = egui::FontDefinitions::default();
        let images = Images::new();
        let small = Drawing {
            shapes: &[],
            size: vec2(600.0, 400.0),
            images: &images,
            fonts: &fonts,
            frame: None,
        };
        assert_eq!(pages(&small, PageSize::A4).len(), 1);
        assert_eq!(pages(&small, PageSize::Fit)[0].0, vec2(600.0, 400.0));
        let frame = Frame {
            corner: Rect::from_min_max(pos2(20.0, 80.0), pos2(180.0, 140.0)),
            grid: Rect::from_min_max(pos2(180.0, 140.0), pos2(4180.0, 1140.0)),
            column_ends: (1..=20).map(|i| 180.0 + 200.0 * i as f32).collect(),
            row_ends: (1..=10).map(|i| 140.0 + 100.0 * i as f32).collect(),
        };
        let large = Drawing {
            size: vec2(4200.0, 1160.0),
            frame: Some(&frame),
            ..small
        };
        let pages = pages(&large, PageSize::A4);
        assert!(pages.len() > 4, "{} pages", pages.len());
        for (paper, parts) in &pages {
            assert_eq!(*paper, PageSize::A4.paper().unwrap());
            // Corner, stage headers, lane headers and cells on every page.
            let corner = parts
                .iter()
                .filter(|p| p.source == Rect::from_min_max(pos2(20.0, 80.0), pos2(180.0, 140.0)));
            assert_eq!(corner.count(), 1);
            for part in parts {
                let drawn = part.source.size() * part.scale;
                assert!(part.at.x + drawn.x <= paper.x - PAGE_MARGIN + 0.5);
                assert!(part.at.y + drawn.y <= paper.y - PAGE_MARGIN + 0.5);
            }
        }
        // Every cell is on some page.
        let covered: f32 = pages
            .iter()
            .flat_map(|(_, parts)| parts.last())
            .map(|p| p.source.width() * p.source.height())
            .sum();
        let body = (4200.0 - 180.0) * (1160.0 - 140.0);
        assert!((covered - body).abs() < 1.0, "{covered} of {body}");
    }
}
