//! Images of a whole map for slides: PNG (rasterized on the CPU) and SVG (vector, real text).
//!
//! Both start from the same shapes the canvas draws: the map is laid out for export (no "+"
//! strips, optional title, persona and legend), painted by [`crate::paint::map`] with no
//! selection or hover marks, and then either tessellated and rasterized, or written as SVG.

pub mod pdf;
pub mod raster;
pub mod svg;

pub use pdf::PageSize;

use crate::layout::{self, Style};
use crate::model::Map;
use crate::paint::{self, Marks, Palette, Pictures, Portrait, Sheet, Transform};
use crate::view::View;
use egui::epaint::ClippedShape;
use egui::{Color32, Pos2, RawInput, Rect, Vec2, ViewportId};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// Largest scale factor offered (and accepted by `trayecto export`).
pub const MAX_SCALE: u32 = 8;
/// Largest PNG, in pixels (for example 20,000 × 20,000). Rendering streams in strips, so this
/// bounds the time and the file size rather than memory.
pub const MAX_PIXELS: u64 = 400_000_000;
/// Largest SVG, in square points (a 10,000-card map is about 170 million): its size grows
/// with the shapes drawn, and a slide tool cannot open one much larger.
pub const MAX_SVG_AREA: u64 = 400_000_000;

/// Rows of the image tessellated at a time: a multiple of the rasterizer's strip.
const BAND: u32 = 16 * raster::STRIP;

/// Largest image put on the clipboard, which has to hold it whole in memory.
pub const MAX_CLIPBOARD_PIXELS: u64 = 64_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageFormat {
    Png,
    Svg,
    Pdf,
}

/// What the table says of one drawn format.
struct FormatRow {
    format: ImageFormat,
    extension: &'static str,
    /// Message key of its short name, for the export dialog: "PNG".
    short_key: &'static str,
    /// Message key of its name in file dialogs: "PNG image".
    name_key: &'static str,
    /// Made of pixels: has a scale and a pixel limit (SVG is resolution-free).
    raster: bool,
}

/// Every drawn format, in the order dialogs offer them: the one table the export dialog, the
/// file dialogs and the command line are built from.
const TABLE: [FormatRow; 3] = [
    FormatRow {
        format: ImageFormat::Png,
        extension: "png",
        short_key: "format-png",
        name_key: "png-image",
        raster: true,
    },
    FormatRow {
        format: ImageFormat::Svg,
        extension: "svg",
        short_key: "format-svg",
        name_key: "svg-image",
        raster: false,
    },
    FormatRow {
        format: ImageFormat::Pdf,
        extension: "pdf",
        short_key: "format-pdf",
        name_key: "pdf-document",
        raster: false,
    },
];

impl ImageFormat {
    /// Every drawn format, in the order dialogs offer them.
    pub const ALL: [ImageFormat; 3] = [TABLE[0].format, TABLE[1].format, TABLE[2].format];

    fn row(self) -> &'static FormatRow {
        TABLE
            .iter()
            .find(|row| row.format == self)
            .expect("every image format has its row")
    }

    /// Its short name, for the export dialog: "PNG".
    pub fn short_name(self) -> &'static str {
        crate::i18n::tr(self.row().short_key)
    }

    /// Its name in file dialogs: "PNG image".
    pub fn name(self) -> &'static str {
        crate::i18n::tr(self.row().name_key)
    }

    pub fn extension(self) -> &'static str {
        self.row().extension
    }

    /// Made of pixels: it has a scale and a size limit.
    pub fn is_raster(self) -> bool {
        self.row().raster
    }

    /// From a file name's extension, case-insensitively.
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?;
        TABLE
            .iter()
            .find(|row| row.extension.eq_ignore_ascii_case(extension))
            .map(|row| row.format)
    }

    /// Every extension, for messages: ".png or .svg".
    pub fn extensions() -> String {
        let dotted: Vec<String> = TABLE.iter().map(|r| format!(".{}", r.extension)).collect();
        crate::i18n::strings::one_of(&dotted)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Background {
    White,
    Transparent,
    /// The canvas' own background colour.
    Theme,
}

/// What to export; the editor remembers the last choices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportOptions {
    pub format: ImageFormat,
    /// Pixels per point, 1..=[`MAX_SCALE`]; PNG only (SVG is resolution-free).
    pub scale: u32,
    pub background: Background,
    pub title: bool,
    pub persona: bool,
    pub legend: bool,
    /// Cards show their notes under the title.
    pub notes: bool,
    /// The paper of a PDF.
    pub page: PageSize,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            format: ImageFormat::Png,
            scale: 2,
            background: Background::White,
            title: true,
            persona: true,
            legend: true,
            notes: false,
            page: PageSize::Fit,
        }
    }
}

#[derive(Debug)]
pub enum ExportError {
    /// The image would have more pixels than allowed.
    TooLarge {
        width: u64,
        height: u64,
        limit: u64,
    },
    /// The SVG would be larger than allowed (its size in points, for its many shapes).
    SvgTooLarge {
        width: u64,
        height: u64,
        limit: u64,
    },
    BadScale(u32),
    Io(std::io::Error),
    File(crate::file::FileError),
}

impl std::error::Error for ExportError {}

impl std::fmt::Display for ExportError {
    /// Never names the output file: callers put it in front once.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::TooLarge {
                width,
                height,
                limit,
            } => f.write_str(&crate::i18n::fmt(
                "export-too-large",
                &[
                    ("width", (*width).into()),
                    ("height", (*height).into()),
                    ("millions", (limit / 1_000_000).into()),
                ],
            )),
            ExportError::SvgTooLarge {
                width,
                height,
                limit,
            } => f.write_str(&crate::i18n::fmt(
                "export-svg-too-large",
                &[
                    ("width", (*width).into()),
                    ("height", (*height).into()),
                    ("millions", (limit / 1_000_000).into()),
                ],
            )),
            ExportError::BadScale(scale) => f.write_str(&crate::i18n::fmt(
                "export-bad-scale",
                &[("scale", (*scale).into()), ("most", MAX_SCALE.into())],
            )),
            ExportError::Io(error) => f.write_str(&crate::file::io_words(error)),
            ExportError::File(error) => f.write_str(&error.message()),
        }
    }
}

impl From<std::io::Error> for ExportError {
    fn from(error: std::io::Error) -> Self {
        ExportError::Io(error)
    }
}

/// What to draw of a map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drawing {
    /// A journey, or the overlay of two.
    Journey(View),
    /// The roadmap board of actions.
    Roadmap,
    /// The gap analysis as a slide: stages by gap, with moments, pain points and KPIs.
    Gap,
    /// The action table as a slide.
    Actions,
}

/// Which of the export options a drawing has a use for; the export dialog shows only those.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Applies {
    pub title: bool,
    pub persona: bool,
    /// A key to the feeling faces, marks and curves.
    pub feelings_legend: bool,
    /// A key to the priorities (the roadmap board's).
    pub priorities_legend: bool,
    pub notes: bool,
}

impl Drawing {
    pub fn applies(self) -> Applies {
        let journey = matches!(self, Drawing::Journey(_));
        Applies {
            title: true,
            persona: journey,
            feelings_legend: journey,
            priorities_legend: self == Drawing::Roadmap,
            notes: journey,
        }
    }

    /// What a file of it is called after the map's: "" for the current journey (the map's
    /// own image), "target", "journey" (another one), "overlay", "roadmap", "gap" or
    /// "actions" otherwise. These are file names, not words for people: they stay as they are
    /// in every language, as the command line's English values do.
    pub fn file_suffix(self, map: &Map) -> &'static str {
        match self {
            Drawing::Journey(view) if view.compare.is_some() => "overlay",
            Drawing::Journey(view) => match map.journey(view.journey).map(|j| j.kind) {
                Some(crate::model::JourneyKind::Target) => "target",
                Some(crate::model::JourneyKind::Other) => "journey",
                _ => "",
            },
            Drawing::Roadmap => "roadmap",
            Drawing::Gap => "gap",
            Drawing::Actions => "actions",
        }
    }
}

/// What to export: a map, what to draw of it, and the map's folder (for persona pictures, which
/// are paths relative to it).
#[derive(Clone, Copy)]
pub struct Subject<'a> {
    pub map: &'a Map,
    pub drawing: Drawing,
    pub folder: Option<&'a Path>,
}

impl<'a> Subject<'a> {
    /// The map's first current journey, with no pictures.
    pub fn of(map: &'a Map) -> Self {
        Subject {
            map,
            drawing: Drawing::Journey(View::of(map)),
            folder: None,
        }
    }

    /// The laid-out size, in points.
    fn size(&self, options: &ExportOptions) -> Vec2 {
        match self.drawing {
            Drawing::Journey(view) => layout::compute(self.map, &view, &export_style(options)).size,
            Drawing::Roadmap => layout::board::compute(self.map, &board_style(options)).size,
            Drawing::Gap | Drawing::Actions => self.slide(options).size,
        }
    }

    /// The slide it draws: the action table for [`Drawing::Actions`], else the gap analysis.
    fn slide(&self, options: &ExportOptions) -> layout::slides::Slide {
        let style = slide_style(options);
        match self.drawing {
            Drawing::Actions => layout::slides::actions(self.map, &style),
            _ => layout::slides::gap(self.map, &style),
        }
    }
}

/// The painted map, as egui shapes in points, ready to tessellate or write as SVG.
pub struct Scene {
    /// Keeps the fonts the shapes' text was laid out with.
    ctx: egui::Context,
    pub shapes: Vec<ClippedShape>,
    /// The font atlas and any other textures the shapes use.
    textures: raster::Textures,
    /// Persona pictures by texture, for SVG (which embeds them), and their handles, which keep
    /// the textures alive.
    pictures: HashMap<egui::TextureId, image::RgbaImage>,
    _handles: Vec<egui::TextureHandle>,
    /// In points.
    pub size: Vec2,
    pub scale: f32,
    pub background: Option<Color32>,
    /// Where a journey's headers are, for PDF pages that repeat them.
    frame: Option<pdf::Frame>,
    /// The map's title, for the PDF's own title.
    title: String,
}

impl Scene {
    /// Paints the subject for export at `scale` pixels per point (text is laid out for that
    /// scale).
    pub fn new(subject: &Subject, options: &ExportOptions) -> Self {
        let Subject {
            map,
            drawing,
            folder,
        } = *subject;
        let palette = Palette::default();
        let size = subject.size(options);
        let background = match options.background {
            Background::White => Some(Color32::WHITE),
            Background::Transparent => None,
            Background::Theme => Some(palette.background),
        };
        let scale = options.scale.clamp(1, MAX_SCALE) as f32;
        let ctx = egui::Context::default();
        crate::paint::install_style(&ctx);
        let mut input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
            // Large glyphs at high scales need a large font atlas.
            max_texture_side: Some(16_384),
            ..RawInput::default()
        };
        input
            .viewports
            .entry(ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(scale);
        // The shown persona's picture, decoded here (the window uses egui's loaders instead).
        let mut portraits = Pictures::default();
        let mut pictures = HashMap::new();
        let mut handles = Vec::new();
        let journey = match drawing {
            Drawing::Journey(view) => {
                Some((view, layout::compute(map, &view, &export_style(options))))
            }
            Drawing::Roadmap | Drawing::Gap | Drawing::Actions => None,
        };
        let slide =
            matches!(drawing, Drawing::Gap | Drawing::Actions).then(|| subject.slide(options));
        if let Some((view, layout)) = &journey
            && layout.persona.is_some()
            && let Some(persona) = view.persona(map)
            && let Some(picture) = persona.picture.as_deref()
        {
            // `decode` checks the file itself: locating it is all that is needed first.
            let decoded = crate::pictures::locate(folder, picture)
                .and_then(|path| crate::pictures::decode(&path))
                .ok();
            let portrait = match decoded {
                Some(rgba) => {
                    let size = [rgba.width() as usize, rgba.height() as usize];
                    let image = egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw());
                    let handle = ctx.load_texture("persona", image, egui::TextureOptions::LINEAR);
                    let texture = handle.id();
                    let size = Vec2::new(size[0] as f32, size[1] as f32);
                    pictures.insert(texture, rgba);
                    handles.push(handle);
                    Portrait::Shown { texture, size }
                }
                None => Portrait::Missing,
            };
            portraits.0.insert(persona.id, portrait);
        }
        let output = ctx.run_ui(input, |ui| {
            let painter = ui.painter().clone();
            if let Some(color) = background {
                painter.rect_filled(Rect::from_min_size(Pos2::ZERO, size), 0.0, color);
            }
            match (&journey, &slide) {
                (Some((view, layout)), _) => {
                    let sheet = Sheet {
                        map,
                        view,
                        layout,
                        tf: &Transform::default(),
                        palette: &palette,
                        marks: &Marks::default(),
                        pictures: &portraits,
                        pins: egui::Vec2::ZERO,
                    };
                    paint::map(&painter, &sheet);
                }
                (None, Some(slide)) => paint::slides::slide(
                    &painter,
                    slide,
                    &slide_style(options),
                    &Transform::default(),
                    &palette,
                ),
                (None, None) => {
                    let board = layout::board::compute(map, &board_style(options));
                    paint::board::board(
                        &painter,
                        map,
                        &board,
                        &Transform::default(),
                        &palette,
                        &Default::default(),
                    );
                }
            }
        });
        let mut textures = raster::Textures::default();
        textures.apply(output.textures_delta);
        let frame = journey.as_ref().map(|(_, layout)| pdf::Frame {
            // Phase bands sit over the stage headers: they are repeated with them.
            corner: layout.phases.iter().fold(layout.corner, |corner, phase| {
                let mut corner = corner;
                corner.min.y = corner.min.y.min(phase.rect.top());
                corner
            }),
            grid: layout.grid,
            column_ends: layout.columns.iter().map(|c| c.x.max).collect(),
            row_ends: layout.rows.iter().map(|r| r.y.max).collect(),
        });
        // A slide's pages repeat its column headers and its first column.
        let frame = frame.or_else(|| {
            slide
                .as_ref()
                .filter(|slide| !slide.rows.is_empty())
                .map(|slide| pdf::Frame {
                    corner: slide.corner(),
                    grid: slide.grid(),
                    column_ends: slide.columns.iter().map(|c| c.x.max).collect(),
                    row_ends: slide.rows.iter().map(|r| r.y.max).collect(),
                })
        });
        Scene {
            ctx,
            shapes: output.shapes,
            textures,
            pictures,
            _handles: handles,
            size,
            scale: output.pixels_per_point,
            background,
            frame,
            title: map.title.clone(),
        }
    }

    /// Size of the image `options` would give, without painting it: pixels for PNG, points for SVG.
    pub fn pixel_size_of(subject: &Subject, options: &ExportOptions) -> (u64, u64) {
        let size = subject.size(options);
        let scale = match options.format {
            ImageFormat::Png => options.scale.clamp(1, MAX_SCALE) as f32,
            ImageFormat::Svg | ImageFormat::Pdf => 1.0,
        };
        (
            (size.x * scale).ceil() as u64,
            (size.y * scale).ceil() as u64,
        )
    }

    /// Size of the PNG in pixels.
    pub fn pixel_size(&self) -> (u64, u64) {
        let size = self.size * self.scale;
        (size.x.ceil() as u64, size.y.ceil() as u64)
    }

    fn check_size(&self, limit: u64) -> Result<(u32, u32), ExportError> {
        check_pixels(self.pixel_size(), limit)
    }

    /// Rasterizes the scene strip by strip, handing each strip's straight-alpha RGBA rows to `sink`.
    fn rasterize(
        &self,
        limit: u64,
        mut sink: impl FnMut(&[u8]) -> std::io::Result<()>,
    ) -> Result<(u32, u32), ExportError> {
        let (width, height) = self.check_size(limit)?;
        let stride = width as usize * 4;
        let mut buffer = vec![0u8; stride * raster::STRIP as usize];
        // Band by band: only the shapes that reach a band are tessellated for it, so memory
        // follows the band, not the whole map (a shape across two bands is tessellated twice).
        // Where each shape is drawn, top to bottom, in points:
        let spans: Vec<(f32, f32)> = self
            .shapes
            .iter()
            .map(|s| {
                let drawn = s.clip_rect.intersect(s.shape.visual_bounding_rect());
                (drawn.min.y, drawn.max.y)
            })
            .collect();
        for top in (0..height).step_by(BAND as usize) {
            let band = (height - top).min(BAND);
            // A point of margin: anti-aliasing feathers edges by half a pixel.
            let from = top as f32 / self.scale - 1.0;
            let to = (top + band) as f32 / self.scale + 1.0;
            let shapes: Vec<ClippedShape> = self
                .shapes
                .iter()
                .zip(&spans)
                .filter(|(_, (min, max))| *min <= to && *max >= from)
                .map(|(shape, _)| shape.clone())
                .collect();
            let primitives = self.ctx.tessellate(shapes, self.scale);
            let prepared =
                raster::prepare_band(primitives, &self.textures, self.scale, width, top, band);
            for strip in 0..prepared.strip_count() {
                let rows = (band - strip as u32 * raster::STRIP).min(raster::STRIP) as usize;
                let rows_buffer = &mut buffer[..rows * stride];
                // Every pixel starts as the background; the scene paints its own background
                // rect, so a transparent start is right for all three choices.
                rows_buffer.fill(0);
                prepared.render_strip(strip, rows_buffer);
                raster::unpremultiply(rows_buffer);
                sink(rows_buffer)?;
            }
        }
        Ok((width, height))
    }

    /// Writes the scene as PNG.
    pub fn write_png(&self, writer: impl Write) -> Result<(), ExportError> {
        let (width, height) = self.check_size(MAX_PIXELS)?;
        let mut encoder = png::Encoder::new(writer, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let mut header = encoder.write_header().map_err(png_error)?;
        let mut stream = header.stream_writer().map_err(png_error)?;
        self.rasterize(MAX_PIXELS, |rows| stream.write_all(rows))?;
        stream.finish().map_err(png_error)?;
        Ok(())
    }

    /// The scene as one image in memory (for the clipboard).
    pub fn to_image(&self) -> Result<egui::ColorImage, ExportError> {
        let mut rgba = Vec::new();
        let (width, height) = self.rasterize(MAX_CLIPBOARD_PIXELS, |rows| {
            rgba.extend_from_slice(rows);
            Ok(())
        })?;
        Ok(egui::ColorImage::from_rgba_unmultiplied(
            [width as usize, height as usize],
            &rgba,
        ))
    }

    pub fn to_svg(&self) -> String {
        svg::write(&self.shapes, self.size, self.background, &self.pictures)
    }

    /// The scene as a PDF document on `page` paper, its words as real text.
    pub fn to_pdf(&self, page: PageSize) -> Result<Vec<u8>, ExportError> {
        let fonts = crate::paint::font_definitions();
        let drawing = pdf::Drawing {
            shapes: &self.shapes,
            size: self.size,
            images: &self.pictures,
            fonts: &fonts,
            frame: self.frame.as_ref(),
        };
        let meta = pdf::Meta {
            title: &self.title,
            language: crate::i18n::current().code(),
        };
        pdf::write(&drawing, &meta, page).map_err(|e| ExportError::Io(std::io::Error::other(e)))
    }
}

/// Refuses an image of more than `limit` pixels.
fn check_pixels((width, height): (u64, u64), limit: u64) -> Result<(u32, u32), ExportError> {
    if width.saturating_mul(height) > limit || width > u32::MAX as u64 || height > u32::MAX as u64 {
        return Err(ExportError::TooLarge {
            width,
            height,
            limit,
        });
    }
    Ok((width as u32, height as u32))
}

/// Checks the size of the PNG `options` would give, from the layout alone: a map too large is
/// refused before anything is painted.
pub fn check_size(
    subject: &Subject,
    options: &ExportOptions,
    limit: u64,
) -> Result<(), ExportError> {
    let (width, height) = Scene::pixel_size_of(subject, options);
    if options.format.is_raster() {
        check_pixels((width, height), limit)?;
    } else if width.saturating_mul(height) > MAX_SVG_AREA {
        return Err(ExportError::SvgTooLarge {
            width,
            height,
            limit: MAX_SVG_AREA,
        });
    }
    Ok(())
}

/// The canvas' style without its editing aids, with the parts the options ask for.
fn export_style(options: &ExportOptions) -> Style {
    Style {
        show_title: options.title,
        show_persona: options.persona,
        show_legend: options.legend,
        show_add_buttons: false,
        show_notes: options.notes,
        ..Style::default()
    }
}

/// A slide's style for export: the title as the options ask.
fn slide_style(options: &ExportOptions) -> layout::slides::SlideStyle {
    layout::slides::SlideStyle {
        show_title: options.title,
        ..Default::default()
    }
}

/// The board's style for export: title and legend as the options ask.
fn board_style(options: &ExportOptions) -> layout::board::BoardStyle {
    layout::board::BoardStyle {
        show_title: options.title,
        show_legend: options.legend,
        ..Default::default()
    }
}

fn png_error(error: png::EncodingError) -> ExportError {
    match error {
        png::EncodingError::IoError(error) => ExportError::Io(error),
        other => ExportError::Io(std::io::Error::other(other.to_string())),
    }
}

/// Exports the subject to `path` (PNG or SVG by `options.format`). The file is written whole or
/// not at all: an existing file is only replaced once the new image is complete.
pub fn to_file(subject: &Subject, options: &ExportOptions, path: &Path) -> Result<(), ExportError> {
    if !(1..=MAX_SCALE).contains(&options.scale) {
        return Err(ExportError::BadScale(options.scale));
    }
    // Refuse before painting anything or creating any file.
    check_size(subject, options, MAX_PIXELS)?;
    let scene = Scene::new(subject, options);
    let mut failure = None;
    crate::file::write_atomically_with(path, crate::file::Rules::IMAGE, |file| {
        let result = match options.format {
            ImageFormat::Png => {
                // Flushed here, not on drop, where a full disk would go unnoticed.
                let mut buffered = std::io::BufWriter::new(file);
                scene
                    .write_png(&mut buffered)
                    .and_then(|()| buffered.flush().map_err(ExportError::Io))
            }
            ImageFormat::Svg => file
                .write_all(scene.to_svg().as_bytes())
                .map_err(ExportError::Io),
            ImageFormat::Pdf => scene
                .to_pdf(options.page)
                .and_then(|bytes| file.write_all(&bytes).map_err(ExportError::Io)),
        };
        result.map_err(|error| {
            let io = std::io::Error::other("export failed");
            failure = Some(error);
            io
        })
    })
    .map(|_| ())
    .map_err(|error| failure.take().unwrap_or(ExportError::File(error)))
}
