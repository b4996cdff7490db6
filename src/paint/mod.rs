//! Draws a laid-out map as egui shapes. The canvas and the image export both call [`map`], so
//! what is exported is what is on screen.

mod bands;
pub mod board;
mod card;
mod cover;
mod curve;
pub mod face;
pub mod palette;
pub mod slides;
mod strips;
mod style;

pub use card::{Badge, CardLook, card};
pub use cover::cover;
pub use curve::extremes;
pub use palette::Palette;
pub use style::{font_definitions, install_style};

use crate::layout::Layout;
use crate::model::{CardId, LaneId, LaneKind, Map, PersonaId, StageId};
use crate::view::View;
use egui::text::{LayoutJob, TextWrapping};
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rangef, Rect, Stroke, StrokeKind,
    TextureId, Vec2, pos2, vec2,
};
use std::collections::HashMap;

/// Maps map units to screen points: `screen = origin + map * zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transform {
    pub origin: Pos2,
    pub zoom: f32,
}

impl Default for Transform {
    fn default() -> Self {
        Self {
            origin: Pos2::ZERO,
            zoom: 1.0,
        }
    }
}

impl Transform {
    pub fn pos(&self, p: Pos2) -> Pos2 {
        self.origin + p.to_vec2() * self.zoom
    }

    pub fn rect(&self, r: Rect) -> Rect {
        Rect::from_min_max(self.pos(r.min), self.pos(r.max))
    }

    pub fn len(&self, l: f32) -> f32 {
        l * self.zoom
    }

    /// Screen point back to map units.
    pub fn to_map(&self, p: Pos2) -> Pos2 {
        ((p - self.origin) / self.zoom).to_pos2()
    }

    pub fn to_map_rect(&self, r: Rect) -> Rect {
        Rect::from_min_max(self.to_map(r.min), self.to_map(r.max))
    }
}

/// Editor-only marks drawn over the map. The export passes the default: no marks at all.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Marks {
    pub selected_card: Option<CardId>,
    pub selected_stage: Option<StageId>,
    pub selected_lane: Option<LaneId>,
    pub hovered_card: Option<CardId>,
    /// A card being dragged: drawn faded in its old place.
    pub lifted_card: Option<CardId>,
    /// An action whose card and the cards it addresses are ringed (coming from the roadmap).
    pub highlighted_action: Option<crate::model::ActionId>,
    pub selected_phase: Option<crate::model::PhaseId>,
    pub selected_fork: Option<crate::model::ForkId>,
    /// Stronger highlights for a room to see (presentation mode).
    pub emphasis: bool,
}

/// A persona's picture, ready to draw (loaded by whoever paints: the window or an export).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Portrait {
    Shown {
        texture: TextureId,
        size: Vec2,
    },
    /// Missing or unreadable: a placeholder is drawn.
    Missing,
}

/// The portraits of the personas that have a picture.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pictures(pub HashMap<PersonaId, Portrait>);

/// Everything one painting of a map needs.
pub struct Sheet<'a> {
    pub map: &'a Map,
    pub view: &'a View,
    pub layout: &'a Layout,
    pub tf: &'a Transform,
    pub palette: &'a Palette,
    pub marks: &'a Marks,
    pub pictures: &'a Pictures,
    /// Sticky headers: how far the stage headers are moved down and the lane headers right to
    /// stay in sight (see [`Layout::pins`]); zero in exports.
    pub pins: Vec2,
}

/// Below this zoom, header text is unreadable anyway and is left out.
const TEXT_MIN_ZOOM: f32 = 0.3;

/// The least height on screen, in physical pixels, at which a card's title is still read
/// (on a projector, from the room, about 6 pixels): above it cards are drawn in full, words
/// and all; below it as blocks with a bar for each row of title (level of detail), which is
/// also what keeps a whole large map fast to draw.
pub const LEGIBLE_PX: f32 = 5.5;

/// The size of a card's title, in map units.
pub const CARD_TITLE_SIZE: f32 = 13.0;

/// The smallest text the map draws (channel names, priority chips), in map units.
pub const SMALLEST_TEXT: f32 = 11.0;

/// Whether card titles are legible at this zoom on a screen of `pixels_per_point` physical
/// pixels per point: they are drawn as text, not as blocks.
pub fn cards_legible(zoom: f32, pixels_per_point: f32) -> bool {
    CARD_TITLE_SIZE * zoom * pixels_per_point >= LEGIBLE_PX
}

/// Paints the parts of the map inside the painter's clip rect.
pub fn map(painter: &Painter, sheet: &Sheet) {
    let Sheet {
        map,
        layout,
        tf,
        palette,
        marks,
        ..
    } = *sheet;
    let visible = tf.to_map_rect(painter.clip_rect());
    let (cols, rows) = layout.visible(visible);

    if let Some(rect) = layout.title.filter(|r| r.intersects(visible)) {
        strips::title(painter, sheet, rect);
    }
    if let Some(rect) = layout.persona.filter(|r| r.intersects(visible)) {
        strips::persona(painter, sheet, rect);
    }

    // Cells: alternating bands per lane, then grid lines.
    for r in rows.clone() {
        let row = &layout.rows[r];
        let band = layout.grid.x_range();
        let rect = tf.rect(Rect::from_x_y_ranges(band, row.y));
        let fill = if row.kind == LaneKind::Feelings {
            palette.feelings_band
        } else if r % 2 == 0 {
            palette.cell
        } else {
            palette.cell_alt
        };
        painter.rect_filled(rect, 0.0, fill);
        let line = Stroke::new(1.0, palette.grid_line);
        painter.hline(rect.x_range(), rect.bottom(), line);
    }
    for c in cols.clone() {
        let x = tf.pos(pos2(layout.columns[c].x.max, 0.0)).x;
        let y = tf.rect(layout.grid).y_range();
        painter.vline(x, y, Stroke::new(1.0, palette.grid_line));
    }

    for curve in &layout.curves {
        if rows.contains(&curve.row) {
            curve::emotion_curve(painter, sheet, curve);
        }
    }

    let highlighted = marks.highlighted_action.and_then(|id| map.action(id));
    let legible = cards_legible(tf.zoom, painter.pixels_per_point());
    if !legible {
        // Cards too small to read: a block each with a bar per row of title, all in one mesh.
        let mut mesh = egui::Mesh::default();
        for r in rows.clone() {
            let kind = layout.rows[r].kind;
            for c in cols.clone() {
                for slot in layout.cell(c, r) {
                    let card = &map.cards[slot.index];
                    card::block(&mut mesh, tf, palette, slot, card, kind, marks);
                }
            }
        }
        painter.add(egui::Shape::mesh(mesh));
    }
    for r in rows.clone() {
        if !legible {
            break;
        }
        for c in cols.clone() {
            for slot in layout.cell(c, r) {
                let card = &map.cards[slot.index];
                let look = CardLook {
                    text: slot.text,
                    selected: marks.selected_card == Some(card.id),
                    hovered: marks.hovered_card == Some(card.id),
                    faded: marks.lifted_card == Some(card.id),
                    linked: highlighted
                        .is_some_and(|a| a.card == Some(card.id) || a.addresses.contains(&card.id)),
                    emphasis: marks.emphasis,
                };
                let badge = slot.action.map(|i| Badge::of(map, &map.actions[i]));
                card::card(
                    painter,
                    tf,
                    palette,
                    slot.rect,
                    card,
                    layout.rows[r].kind,
                    look,
                    badge.as_ref(),
                );
            }
        }
    }

    if legible && map.room.revealed && !map.votes.is_empty() {
        // The room's dots, once revealed, over every card that has some.
        let tally = map.tally();
        for r in rows.clone() {
            for c in cols.clone() {
                for slot in layout.cell(c, r) {
                    let card = &map.cards[slot.index];
                    if let Some(t) = tally.get(&card.id) {
                        card::dots(painter, tf, palette, slot.rect, t.votes);
                    }
                }
            }
        }
    }

    for band in &layout.bands {
        if band.y.intersects(visible.y_range()) {
            bands::band(painter, sheet, band, cols.clone());
        }
    }
    // Lane headers, then stage headers over them: either may be pinned to the edge of the
    // screen while the map is scrolled past them, on a backing of the canvas colour.
    let pins = sheet.pins;
    if pins.x > 0.0 {
        let strip = Rect::from_x_y_ranges(layout.corner.x_range(), visible.y_range());
        painter.rect_filled(
            tf.rect(strip.translate(vec2(pins.x, 0.0))),
            0.0,
            palette.background,
        );
    }
    for r in rows {
        let row = &layout.rows[r];
        let lane = &map.lanes[r];
        strips::lane_header(
            painter,
            tf,
            palette,
            row.header.translate(vec2(pins.x, 0.0)),
            &lane.name,
            row.kind,
            marks.selected_lane == Some(row.id),
        );
    }
    for band in &layout.bands {
        if band.y.intersects(visible.y_range()) {
            bands::band_header(painter, sheet, band);
        }
    }
    if pins.y > 0.0 {
        let y = Rangef::new(layout.headers_top(), layout.corner.bottom());
        let strip = Rect::from_x_y_ranges(visible.x_range(), y);
        painter.rect_filled(
            tf.rect(strip.translate(vec2(0.0, pins.y))),
            0.0,
            palette.background,
        );
    }
    bands::phases(painter, sheet);
    for c in cols {
        let column = &layout.columns[c];
        let name = &map.stages[c].name;
        strips::stage_header(
            painter,
            tf,
            palette,
            column.header.translate(vec2(0.0, pins.y)),
            name,
            marks.selected_stage == Some(column.id),
        );
    }
    // The corner above the lane headers: stage headers scrolled past it go under it.
    if pins.x > 0.0 {
        let corner = Rect::from_x_y_ranges(
            layout.corner.x_range(),
            Rangef::new(layout.headers_top(), layout.corner.bottom()),
        );
        painter.rect_filled(tf.rect(corner.translate(pins)), 0.0, palette.background);
    }

    if let Some(legend) = layout
        .legend
        .as_ref()
        .filter(|l| l.rect.intersects(visible))
    {
        strips::legend(painter, sheet, legend);
    }
    if let Some(rect) = layout.add_stage {
        add_button(painter, tf, palette, rect);
    }
    if let Some(rect) = layout.add_lane {
        add_button(painter, tf, palette, rect);
    }
    if marks.emphasis {
        // In front of a room, the card being talked about says why its moment matters.
        let talked_about = marks.selected_card.or(marks.hovered_card);
        if let Some(card) = talked_about.and_then(|id| map.card(id))
            && let Some(moment) = &card.moment
            && let Some(rect) = layout.card_rect(card.id)
        {
            card::why_callout(painter, tf, palette, rect, moment);
        }
    }
}

fn font(tf: &Transform, size: f32) -> FontId {
    FontId::proportional(size * tf.zoom)
}

/// Lays out text wrapped to `width` screen points, at most `rows` rows, eliding the rest.
fn wrapped(
    painter: &Painter,
    text: &str,
    font: FontId,
    color: Color32,
    width: f32,
    rows: usize,
) -> std::sync::Arc<egui::Galley> {
    let mut job = LayoutJob::simple(text.to_owned(), font, color, width.max(1.0));
    job.wrap = TextWrapping {
        max_width: width.max(1.0),
        max_rows: rows,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    painter.layout_job(job)
}

fn add_button(painter: &Painter, tf: &Transform, palette: &Palette, rect: Rect) {
    let r = tf.rect(rect.shrink(4.0));
    let radius = CornerRadius::same(tf.len(6.0).round() as u8);
    painter.rect(
        r,
        radius,
        palette.add_fill,
        Stroke::new(1.0, palette.grid_line),
        StrokeKind::Inside,
    );
    painter.text(
        r.center(),
        Align2::CENTER_CENTER,
        "+",
        font(tf, 20.0),
        palette.muted,
    );
}

/// The insertion marker shown while dragging: a thick line with round ends.
pub fn insertion_marker(
    painter: &Painter,
    tf: &Transform,
    palette: &Palette,
    from: Pos2,
    to: Pos2,
) {
    let stroke = Stroke::new(3.0, palette.selection);
    painter.line_segment([tf.pos(from), tf.pos(to)], stroke);
    painter.circle_filled(tf.pos(from), 4.0, palette.selection);
    painter.circle_filled(tf.pos(to), 4.0, palette.selection);
}
