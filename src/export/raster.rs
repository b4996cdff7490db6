//! A small CPU rasterizer for egui's tessellated meshes, so images export without a GPU.
//!
//! Triangles are vertex-coloured and textured, in premultiplied sRGB, blended in gamma space
//! the way egui's own renderers do. Vertices snap to a 1/256-pixel grid and coverage uses
//! exact integer edge functions with a top-left rule, so two triangles that share an edge
//! cover each pixel along it exactly once: no hairline gaps, no double blending.
//!
//! The image is produced in horizontal strips of [`STRIP`] rows; triangles are binned per strip
//! once, so memory stays proportional to the strip, not the image.

use egui::epaint::{ClippedPrimitive, ImageData, Primitive, textures::TexturesDelta};
use egui::{Color32, TextureId};
use std::collections::HashMap;

/// Subpixel steps per pixel.
const SUB: i64 = 256;
/// Rows rendered at a time.
pub const STRIP: u32 = 64;

/// A texture on the CPU (premultiplied sRGBA, as egui hands it out).
#[derive(Clone, Debug)]
struct Image {
    width: usize,
    height: usize,
    pixels: Vec<Color32>,
}

/// egui's textures, kept up to date from the deltas each frame hands out.
#[derive(Default)]
pub struct Textures {
    images: HashMap<TextureId, Image>,
}

impl Textures {
    /// Applies and consumes a frame's texture changes (egui insists every delta is handled).
    pub fn apply(&mut self, mut delta: TexturesDelta) {
        let set: Vec<_> = delta.set.drain().collect();
        let free: Vec<_> = delta.free.drain().collect();
        // Each texture may get several deltas in one frame, to apply in order.
        for (id, delta) in set
            .iter()
            .flat_map(|(id, deltas)| deltas.iter().map(move |d| (id, d)))
        {
            let ImageData::Color(patch) = &delta.image;
            let [w, h] = patch.size;
            match delta.pos {
                None => {
                    self.images.insert(
                        *id,
                        Image {
                            width: w,
                            height: h,
                            pixels: patch.pixels.clone(),
                        },
                    );
                }
                Some([x, y]) => {
                    if let Some(image) = self.images.get_mut(id) {
                        for row in 0..h.min(image.height.saturating_sub(y)) {
                            let columns = w.min(image.width.saturating_sub(x));
                            let to = (y + row) * image.width + x;
                            image.pixels[to..to + columns]
                                .copy_from_slice(&patch.pixels[row * w..row * w + columns]);
                        }
                    }
                }
            }
        }
        for id in &free {
            self.images.remove(id);
        }
    }
}

/// Kept small (about 80 bytes): a large map at a high scale has millions of these.
struct Triangle {
    /// Fixed-point vertices, ordered so the signed area is positive.
    v: [[i32; 2]; 3],
    colors: [Color32; 3],
    uvs: [[f32; 2]; 3],
    /// One premultiplied colour for the whole triangle (equal vertex colours, constant texel).
    flat: Option<[u8; 4]>,
    texture: Option<u16>,
    /// Pixel rectangle the triangle may touch: its bounds within the clip rect, exclusive max.
    bounds: [i32; 4],
}

impl Triangle {
    fn vertex(&self, k: usize) -> (i64, i64) {
        (self.v[k][0] as i64, self.v[k][1] as i64)
    }
}

fn cross(a: (i64, i64), b: (i64, i64), c: (i64, i64)) -> i64 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

/// Triangles ready to rasterize, binned by strip.
pub struct Prepared<'t> {
    triangles: Vec<Triangle>,
    images: Vec<&'t Image>,
    strips: Vec<Vec<u32>>,
    pub width: u32,
    pub height: u32,
}

fn premultiplied(c: Color32) -> [f32; 4] {
    [c.r() as f32, c.g() as f32, c.b() as f32, c.a() as f32]
}

/// Converts meshes (in points) to pixel triangles at `scale` pixels per point.
/// Consumes the meshes as it goes, so they and the triangles are not both held in full.
pub fn prepare<'t>(
    primitives: Vec<ClippedPrimitive>,
    textures: &'t Textures,
    scale: f32,
    width: u32,
    height: u32,
) -> Prepared<'t> {
    prepare_band(primitives, textures, scale, width, 0, height)
}

/// Like [`prepare`], for the band of the image `rows` tall from row `top`: row `top` of the
/// image is row 0 of the band. Pixels come out exactly as when the whole image is prepared.
pub fn prepare_band<'t>(
    primitives: Vec<ClippedPrimitive>,
    textures: &'t Textures,
    scale: f32,
    width: u32,
    top: u32,
    rows: u32,
) -> Prepared<'t> {
    let height = rows;
    // Moved up in whole pixels (exact on the subpixel grid), after scaling and snapping.
    let shift = i64::from(top) * SUB;
    let mut images: Vec<&Image> = Vec::new();
    let mut image_index: HashMap<TextureId, usize> = HashMap::new();
    let mut triangles = Vec::new();
    for primitive in primitives {
        let Primitive::Mesh(mesh) = primitive.primitive else {
            continue;
        };
        let clip = primitive.clip_rect * scale;
        let clip = [
            clip.min.x.floor().max(0.0) as i32,
            (clip.min.y.floor() - top as f32).max(0.0) as i32,
            clip.max.x.ceil().min(width as f32) as i32,
            (clip.max.y.ceil() - top as f32).min(height as f32) as i32,
        ];
        if clip[0] >= clip[2] || clip[1] >= clip[3] {
            continue;
        }
        let texture = textures.images.get(&mesh.texture_id).map(|image| {
            *image_index.entry(mesh.texture_id).or_insert_with(|| {
                images.push(image);
                images.len() - 1
            })
        });
        for indices in mesh.indices.chunks_exact(3) {
            let vs = [0, 1, 2].map(|k| &mesh.vertices[indices[k] as usize]);
            // Clamped to ±4 million pixels (far past any allowed image) so i32 holds them.
            let fixed = vs.map(|v| {
                let limit = (1i64 << 30) as f32;
                let x = (v.pos.x * scale * SUB as f32).round().clamp(-limit, limit) as i64;
                let y = (v.pos.y * scale * SUB as f32).round().clamp(-limit, limit) as i64;
                (x, y - shift)
            });
            let area = cross(fixed[0], fixed[1], fixed[2]);
            if area == 0 {
                continue;
            }
            let order = if area < 0 { [0, 2, 1] } else { [0, 1, 2] };
            let v = order.map(|k| [fixed[k].0 as i32, fixed[k].1 as i32]);
            let colors = order.map(|k| vs[k].color);
            let uvs = order.map(|k| [vs[k].uv.x, vs[k].uv.y]);
            if colors.iter().all(|c| c.a() == 0) {
                continue; // fully transparent: nothing to blend
            }
            let same_uv = uvs[0] == uvs[1] && uvs[1] == uvs[2];
            let flat = (colors[0] == colors[1] && colors[1] == colors[2] && same_uv).then(|| {
                let texel = texture.map_or([255.0; 4], |t| sample(images[t], uvs[0]));
                modulate(premultiplied(colors[0]), texel).map(|c| c.round().clamp(0.0, 255.0) as u8)
            });
            let (min_x, max_x) = (
                fixed.iter().map(|p| p.0).min().unwrap(),
                fixed.iter().map(|p| p.0).max().unwrap(),
            );
            let (min_y, max_y) = (
                fixed.iter().map(|p| p.1).min().unwrap(),
                fixed.iter().map(|p| p.1).max().unwrap(),
            );
            let bounds = [
                ((min_x / SUB) as i32).max(clip[0]),
                ((min_y / SUB) as i32).max(clip[1]),
                (((max_x + SUB - 1) / SUB) as i32 + 1).min(clip[2]),
                (((max_y + SUB - 1) / SUB) as i32 + 1).min(clip[3]),
            ];
            if bounds[0] >= bounds[2] || bounds[1] >= bounds[3] {
                continue;
            }
            triangles.push(Triangle {
                v,
                colors,
                uvs,
                flat,
                texture: if flat.is_some() {
                    None
                } else {
                    texture.map(|t| t as u16)
                },
                bounds,
            });
        }
    }
    let strip_count = height.div_ceil(STRIP) as usize;
    let mut strips = vec![Vec::new(); strip_count];
    for (i, t) in triangles.iter().enumerate() {
        let first = (t.bounds[1] as u32 / STRIP) as usize;
        let last = ((t.bounds[3] as u32 - 1) / STRIP) as usize;
        for strip in &mut strips[first..=last.min(strip_count - 1)] {
            strip.push(i as u32);
        }
    }
    Prepared {
        triangles,
        images,
        strips,
        width,
        height,
    }
}

fn modulate(color: [f32; 4], texel: [f32; 4]) -> [f32; 4] {
    [0, 1, 2, 3].map(|i| color[i] * texel[i] / 255.0)
}

/// Bilinear sample with clamp-to-edge, `uv` in 0..1.
fn sample(image: &Image, uv: [f32; 2]) -> [f32; 4] {
    let x = uv[0] * image.width as f32 - 0.5;
    let y = uv[1] * image.height as f32 - 0.5;
    let (x0, y0) = (x.floor(), y.floor());
    let (fx, fy) = (x - x0, y - y0);
    let at = |x: f32, y: f32| {
        let x = (x.max(0.0) as usize).min(image.width - 1);
        let y = (y.max(0.0) as usize).min(image.height - 1);
        premultiplied(image.pixels[y * image.width + x])
    };
    let (a, b, c, d) = (
        at(x0, y0),
        at(x0 + 1.0, y0),
        at(x0, y0 + 1.0),
        at(x0 + 1.0, y0 + 1.0),
    );
    [0, 1, 2, 3].map(|i| {
        let top = a[i] + (b[i] - a[i]) * fx;
        let bottom = c[i] + (d[i] - c[i]) * fx;
        top + (bottom - top) * fy
    })
}

/// Whether an edge from `p` to `q` owns the pixels exactly on it (the top-left rule): of two
/// triangles sharing an edge, exactly one does.
fn owns_edge(p: (i64, i64), q: (i64, i64)) -> bool {
    let (dx, dy) = (q.0 - p.0, q.1 - p.1);
    dy > 0 || (dy == 0 && dx < 0)
}

impl Prepared<'_> {
    /// Renders strip `index` (rows `index * STRIP ..`) into `rows`: premultiplied RGBA8,
    /// `width * 4` bytes per row, pre-filled by the caller with the background.
    pub fn render_strip(&self, index: usize, rows: &mut [u8]) {
        let y_start = index as i32 * STRIP as i32;
        let y_end = (y_start + STRIP as i32).min(self.height as i32);
        let stride = self.width as usize * 4;
        for &t in &self.strips[index] {
            let t = &self.triangles[t as usize];
            let x0 = t.bounds[0];
            let x1 = t.bounds[2];
            let y0 = t.bounds[1].max(y_start);
            let y1 = t.bounds[3].min(y_end);
            // Edge k is opposite vertex k, so its function is vertex k's barycentric weight.
            let (a, b, c) = (t.vertex(0), t.vertex(1), t.vertex(2));
            let edges = [(b, c), (c, a), (a, b)];
            let setup = edges.map(|(p, q)| {
                let a = -(q.1 - p.1);
                let b = q.0 - p.0;
                let cx = x0 as i64 * SUB + SUB / 2;
                let cy = y0 as i64 * SUB + SUB / 2;
                let start = a * (cx - p.0) + b * (cy - p.1) + i64::from(owns_edge(p, q));
                (a * SUB, b * SUB, start)
            });
            let inv_area = 1.0 / cross(a, b, c) as f32;
            let flat = t.flat;
            let mut row_start = setup.map(|(_, _, s)| s);
            for y in y0..y1 {
                let (left, right) = span(&setup, row_start, x0, x1);
                if left < right {
                    let row = &mut rows[(y - y_start) as usize * stride..][..stride];
                    let pixels = &mut row[left as usize * 4..right as usize * 4];
                    match flat {
                        // Most of a map is opaque flat colour: copy it straight in.
                        Some(color) if color[3] == 255 => {
                            for px in pixels.chunks_exact_mut(4) {
                                px.copy_from_slice(&color);
                            }
                        }
                        Some(color) => {
                            for px in pixels.chunks_exact_mut(4) {
                                blend_u8(px, color);
                            }
                        }
                        None => {
                            let skip = (left - x0) as i64;
                            let mut w = [0, 1, 2].map(|k| row_start[k] + setup[k].0 * skip);
                            for px in pixels.chunks_exact_mut(4) {
                                let l = w.map(|v| v as f32 * inv_area);
                                blend(px, self.shade(t, l));
                                for k in 0..3 {
                                    w[k] += setup[k].0;
                                }
                            }
                        }
                    }
                }
                for k in 0..3 {
                    row_start[k] += setup[k].1;
                }
            }
        }
    }

    fn shade(&self, t: &Triangle, l: [f32; 3]) -> [f32; 4] {
        let mix = |values: &[[f32; 4]; 3]| {
            [0, 1, 2, 3].map(|i| values[0][i] * l[0] + values[1][i] * l[1] + values[2][i] * l[2])
        };
        let color = mix(&t.colors.map(premultiplied));
        match t.texture {
            None => color,
            Some(image) => {
                let u = t.uvs[0][0] * l[0] + t.uvs[1][0] * l[1] + t.uvs[2][0] * l[2];
                let v = t.uvs[0][1] * l[0] + t.uvs[1][1] * l[1] + t.uvs[2][1] * l[2];
                modulate(color, sample(self.images[image as usize], [u, v]))
            }
        }
    }

    pub fn strip_count(&self) -> usize {
        self.strips.len()
    }
}

/// The pixels `left..right` of a row where all three edge functions are positive, found
/// exactly from the integer functions: `start[k]` is edge k at pixel `x0`, `setup[k].0` its step.
fn span(setup: &[(i64, i64, i64); 3], start: [i64; 3], x0: i32, x1: i32) -> (i32, i32) {
    let (mut left, mut right) = (x0 as i64, x1 as i64);
    for k in 0..3 {
        let (step, value) = (setup[k].0, start[k]);
        if step > 0 {
            // value + step·n > 0  ⇔  n > −value / step
            left = left.max(x0 as i64 + (-value).div_euclid(step) + 1);
        } else if step < 0 {
            // value + step·n > 0  ⇔  n < value / −step
            right = right.min(x0 as i64 - (-value).div_euclid(-step));
        } else if value <= 0 {
            return (0, 0);
        }
    }
    (left as i32, right.max(left) as i32)
}

/// "Over" for a premultiplied 8-bit colour, in integers.
fn blend_u8(dst: &mut [u8], src: [u8; 4]) {
    let keep = 255 - src[3] as u32;
    for i in 0..4 {
        dst[i] = (src[i] as u32 + (dst[i] as u32 * keep + 127) / 255).min(255) as u8;
    }
}

/// Premultiplied "over": dst = src + dst × (1 − src.a).
fn blend(dst: &mut [u8], src: [f32; 4]) {
    let keep = 1.0 - src[3] / 255.0;
    for i in 0..4 {
        dst[i] = (src[i] + dst[i] as f32 * keep).round().clamp(0.0, 255.0) as u8;
    }
}

/// Premultiplied RGBA8 back to straight alpha, in place (what PNG and clipboards expect).
pub fn unpremultiply(rgba: &mut [u8]) {
    for px in rgba.chunks_exact_mut(4) {
        let a = px[3];
        if a != 0 && a != 255 {
            for c in &mut px[..3] {
                *c = ((*c as u32 * 255 + a as u32 / 2) / a as u32).min(255) as u8;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::{Mesh, Vertex};
    use egui::{Rect, pos2};

    fn render(meshes: Vec<Mesh>, width: u32, height: u32) -> Vec<u8> {
        let textures = Textures::default();
        let primitives: Vec<_> = meshes
            .into_iter()
            .map(|mesh| ClippedPrimitive {
                clip_rect: Rect::EVERYTHING,
                primitive: Primitive::Mesh(mesh),
            })
            .collect();
        let prepared = prepare(primitives, &textures, 1.0, width, height);
        let mut out = Vec::new();
        for strip in 0..prepared.strip_count() {
            let rows = (height - strip as u32 * STRIP).min(STRIP) as usize;
            let mut buffer = vec![0u8; rows * width as usize * 4];
            prepared.render_strip(strip, &mut buffer);
            out.extend(buffer);
        }
        out
    }

    fn quad(rect: Rect, color: Color32) -> Mesh {
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(rect, color);
        mesh
    }

    #[test]
    fn shared_edges_are_covered_exactly_once() {
        // A half-transparent quad (two triangles sharing a diagonal) over nothing: every pixel
        // must get exactly one layer of alpha — a double hit would show as 191, a gap as 0.
        let color = Color32::from_rgba_premultiplied(64, 0, 0, 128);
        let out = render(
            vec![quad(
                Rect::from_min_max(pos2(0.3, 0.7), pos2(63.3, 40.2)),
                color,
            )],
            70,
            45,
        );
        for y in 1..40 {
            for x in 1..63 {
                let a = out[(y * 70 + x) * 4 + 3];
                assert_eq!(a, 128, "pixel ({x}, {y})");
            }
        }
        // Fan of triangles around a centre: the same for edges at every angle.
        let mut mesh = Mesh::default();
        let centre = pos2(32.0, 32.0);
        mesh.colored_vertex(centre, color);
        for i in 0..=24 {
            let angle = i as f32 / 24.0 * std::f32::consts::TAU;
            mesh.colored_vertex(centre + 30.0 * egui::Vec2::angled(angle), color);
        }
        for i in 0..24 {
            mesh.add_triangle(0, i + 1, i + 2);
        }
        let out = render(vec![mesh], 64, 64);
        for y in 12..52 {
            for x in 12..52 {
                assert_eq!(out[(y * 64 + x) * 4 + 3], 128, "pixel ({x}, {y})");
            }
        }
    }

    #[test]
    fn colours_interpolate_and_blend_premultiplied() {
        let mut mesh = Mesh::default();
        mesh.vertices.push(Vertex {
            pos: pos2(0.0, 0.0),
            uv: egui::epaint::WHITE_UV,
            color: Color32::RED,
        });
        mesh.vertices.push(Vertex {
            pos: pos2(100.0, 0.0),
            uv: egui::epaint::WHITE_UV,
            color: Color32::BLUE,
        });
        mesh.vertices.push(Vertex {
            pos: pos2(0.0, 100.0),
            uv: egui::epaint::WHITE_UV,
            color: Color32::RED,
        });
        mesh.add_triangle(0, 1, 2);
        let out = render(vec![mesh], 100, 4);
        let px = |x: usize| &out[(x + 100) * 4..(x + 100) * 4 + 4];
        assert!(px(1)[0] > 240 && px(1)[2] < 15, "{:?}", px(1));
        assert!(
            px(49)[0] > 120 && px(49)[0] < 135 && px(49)[2] > 120 && px(49)[2] < 135,
            "{:?}",
            px(49)
        );
        // Half-transparent white over opaque black gives mid grey.
        let black = quad(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(4.0, 4.0)),
            Color32::BLACK,
        );
        let white = quad(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(4.0, 4.0)),
            Color32::from_white_alpha(128),
        );
        let out = render(vec![black, white], 4, 4);
        assert_eq!(&out[20..24], &[128, 128, 128, 255]);
    }

    #[test]
    fn unpremultiply_restores_straight_alpha() {
        let mut px = [64, 32, 0, 128, 10, 10, 10, 0, 200, 100, 50, 255];
        unpremultiply(&mut px);
        assert_eq!(px, [128, 64, 0, 128, 10, 10, 10, 0, 200, 100, 50, 255]);
    }
}
