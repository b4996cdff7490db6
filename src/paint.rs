//! Draws a laid-out map as egui shapes. The canvas and the image export both call [`map`], so
//! what is exported is what is on screen.

pub mod face;
pub mod palette;

use crate::layout::{Curve, Layout};
use crate::model::{Card, CardId, Feeling, LaneId, LaneKind, Map, StageId};
use crate::strings;
use egui::epaint::{CubicBezierShape, PathStroke};
use egui::text::{LayoutJob, TextWrapping};
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2,
    pos2, vec2,
};
pub use palette::Palette;

/// Maps map units to screen points: `screen = origin + map * zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub origin: Pos2,
    pub zoom: f32,
}

impl Default for View {
    fn default() -> Self {
        Self {
            origin: Pos2::ZERO,
            zoom: 1.0,
        }
    }
}

impl View {
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
}

/// Below this zoom, card text is unreadable anyway: cards become plain blocks.
const TEXT_MIN_ZOOM: f32 = 0.3;

/// Paints the parts of the map inside the painter's clip rect.
pub fn map(
    painter: &Painter,
    map: &Map,
    layout: &Layout,
    view: &View,
    palette: &Palette,
    marks: &Marks,
) {
    let visible = view.to_map_rect(painter.clip_rect());
    let (cols, rows) = layout.visible(visible);

    if let Some(rect) = layout.title.filter(|r| r.intersects(visible)) {
        title(painter, view, palette, rect, &map.title);
    }
    if let Some(rect) = layout.persona.filter(|r| r.intersects(visible)) {
        persona(painter, view, palette, rect, map);
    }

    // Cells: alternating bands per lane, then grid lines.
    for r in rows.clone() {
        let row = &layout.rows[r];
        let band = layout.grid.x_range();
        let rect = view.rect(Rect::from_x_y_ranges(band, row.y));
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
        let x = view.pos(pos2(layout.columns[c].x.max, 0.0)).x;
        let y = view.rect(layout.grid).y_range();
        painter.vline(x, y, Stroke::new(1.0, palette.grid_line));
    }

    for curve in &layout.curves {
        if rows.contains(&curve.row) {
            emotion_curve(painter, view, palette, layout, curve);
        }
    }

    for r in rows.clone() {
        for c in cols.clone() {
            for slot in layout.cell(c, r) {
                let card = &map.cards[slot.index];
                let look = CardLook {
                    selected: marks.selected_card == Some(card.id),
                    hovered: marks.hovered_card == Some(card.id),
                    faded: marks.lifted_card == Some(card.id),
                };
                self::card(
                    painter,
                    view,
                    palette,
                    slot.rect,
                    card,
                    layout.rows[r].kind,
                    look,
                );
            }
        }
    }

    for c in cols {
        let column = &layout.columns[c];
        let name = &map.stages[c].name;
        stage_header(
            painter,
            view,
            palette,
            column.header,
            name,
            marks.selected_stage == Some(column.id),
        );
    }
    for r in rows {
        let row = &layout.rows[r];
        let lane = &map.lanes[r];
        lane_header(
            painter,
            view,
            palette,
            row.header,
            &lane.name,
            row.kind,
            marks.selected_lane == Some(row.id),
        );
    }

    if let Some(rect) = layout.legend.filter(|r| r.intersects(visible)) {
        legend(painter, view, palette, rect);
    }
    if let Some(rect) = layout.add_stage {
        add_button(painter, view, palette, rect);
    }
    if let Some(rect) = layout.add_lane {
        add_button(painter, view, palette, rect);
    }
}

fn font(view: &View, size: f32) -> FontId {
    FontId::proportional(size * view.zoom)
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

fn title(painter: &Painter, view: &View, palette: &Palette, rect: Rect, text: &str) {
    let rect = view.rect(rect);
    let galley = wrapped(
        painter,
        text,
        font(view, 24.0),
        palette.text,
        rect.width(),
        1,
    );
    let pos = pos2(rect.left(), rect.center().y - galley.size().y / 2.0);
    painter.galley(pos, galley, palette.text);
}

fn persona(painter: &Painter, view: &View, palette: &Palette, rect: Rect, map: &Map) {
    let persona = &map.persona;
    let screen = view.rect(rect);
    let radius = CornerRadius::same(view.len(8.0).round() as u8);
    painter.rect(
        screen,
        radius,
        palette.persona,
        Stroke::new(1.0, palette.grid_line),
        StrokeKind::Inside,
    );
    let pad = view.len(12.0);
    let avatar_r = view.len(26.0);
    let avatar = pos2(screen.left() + pad + avatar_r, screen.center().y);
    painter.circle_filled(avatar, avatar_r, palette.avatar);
    let initial: String = persona
        .name
        .chars()
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_else(|| "?".into());
    painter.text(
        avatar,
        Align2::CENTER_CENTER,
        initial,
        font(view, 24.0),
        Color32::WHITE,
    );

    let text_left = avatar.x + avatar_r + pad;
    let goals_left = screen.left() + screen.width() * 0.58;
    let text_width = goals_left - text_left - pad;
    let mut y = screen.top() + pad;
    let text = |pos, text: &str, size, color, width, rows| {
        let galley = wrapped(painter, text, font(view, size), color, width, rows);
        let height = galley.size().y;
        painter.galley(pos, galley, color);
        height
    };
    y += text(
        pos2(text_left, y),
        &persona.name,
        17.0,
        palette.text,
        text_width,
        1,
    );
    y += view.len(2.0);
    let rows = ((screen.bottom() - pad - y) / view.len(16.0))
        .floor()
        .max(1.0) as usize;
    text(
        pos2(text_left, y),
        &persona.description,
        13.0,
        palette.muted,
        text_width,
        rows,
    );

    if !persona.goals.is_empty() {
        let mut y = screen.top() + pad;
        y += text(
            pos2(goals_left, y),
            strings::GOALS,
            12.0,
            palette.muted,
            text_width,
            1,
        );
        y += view.len(2.0);
        let width = screen.right() - goals_left - pad;
        let line_height = view.len(16.0);
        for goal in &persona.goals {
            if y + line_height > screen.bottom() - view.len(4.0) {
                break;
            }
            y += text(
                pos2(goals_left, y),
                &format!("• {goal}"),
                13.0,
                palette.text,
                width,
                1,
            );
        }
    }
}

fn stage_header(
    painter: &Painter,
    view: &View,
    palette: &Palette,
    rect: Rect,
    name: &str,
    selected: bool,
) {
    let r = view.rect(rect.shrink2(vec2(3.0, 5.0)));
    let tip = view.len(12.0).min(r.width() / 4.0);
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
    if view.zoom >= TEXT_MIN_ZOOM {
        let text_rect = r
            .shrink2(vec2(view.len(8.0), 0.0))
            .with_max_x(r.right() - tip);
        let galley = wrapped(
            painter,
            name,
            font(view, 14.5),
            palette.stage_text,
            text_rect.width(),
            2,
        );
        let pos = text_rect.center() - galley.size() / 2.0;
        painter.galley(pos, galley, palette.stage_text);
    }
}

fn lane_header(
    painter: &Painter,
    view: &View,
    palette: &Palette,
    rect: Rect,
    name: &str,
    kind: LaneKind,
    selected: bool,
) {
    let r = view.rect(rect.shrink2(vec2(0.0, 3.0)));
    let radius = CornerRadius::same(view.len(6.0).round() as u8);
    painter.rect_filled(r, radius, palette.lane_header(kind));
    let accent = Rect::from_min_size(r.min, vec2(view.len(5.0), r.height()));
    painter.rect_filled(accent, radius, palette.accent(kind));
    if selected {
        painter.rect_stroke(
            r,
            radius,
            Stroke::new(3.0, palette.selection),
            StrokeKind::Inside,
        );
    }
    if view.zoom >= TEXT_MIN_ZOOM {
        let pad = view.len(12.0);
        let galley = wrapped(
            painter,
            name,
            font(view, 14.0),
            palette.text,
            r.width() - 1.5 * pad,
            3,
        );
        let pos = pos2(r.left() + pad, r.center().y - galley.size().y / 2.0);
        painter.galley(pos, galley, palette.text);
    }
}

/// The key to the faces and to the moment-that-matters star.
fn legend(painter: &Painter, view: &View, palette: &Palette, rect: Rect) {
    let r = view.rect(rect);
    let radius = view.len(9.0);
    let mut x = r.left();
    let y = r.center().y;
    let gap = view.len(18.0);
    let label = |x: &mut f32, text: &str| {
        let galley = wrapped(
            painter,
            text,
            font(view, 13.0),
            palette.muted,
            f32::INFINITY,
            1,
        );
        let width = galley.size().x;
        painter.galley(pos2(*x, y - galley.size().y / 2.0), galley, palette.muted);
        *x += width + gap;
    };
    label(&mut x, strings::LEGEND_FEELINGS);
    for feeling in Feeling::ALL {
        face::paint(painter, pos2(x + radius, y), radius, feeling, 1.0);
        x += 2.0 * radius + view.len(5.0);
        label(&mut x, strings::feeling(feeling));
    }
    star(painter, pos2(x + radius, y), radius, palette.moment);
    x += 2.0 * radius + view.len(5.0);
    label(&mut x, strings::MOMENT_THAT_MATTERS);
}

fn add_button(painter: &Painter, view: &View, palette: &Palette, rect: Rect) {
    let r = view.rect(rect.shrink(4.0));
    let radius = CornerRadius::same(view.len(6.0).round() as u8);
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
        font(view, 20.0),
        palette.muted,
    );
}

/// How a card is drawn beyond its content.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CardLook {
    pub selected: bool,
    pub hovered: bool,
    pub faded: bool,
}

/// Paints one card in `rect` (map units). Also used for the card following the pointer.
pub fn card(
    painter: &Painter,
    view: &View,
    palette: &Palette,
    rect: Rect,
    card: &Card,
    kind: LaneKind,
    look: CardLook,
) {
    let r = view.rect(rect);
    let radius = CornerRadius::same(view.len(6.0).round().clamp(0.0, 255.0) as u8);
    let alpha = if look.faded { 0.3 } else { 1.0 };
    let fade = |c: Color32| c.gamma_multiply(alpha);
    if !look.faded {
        painter.rect_filled(
            r.translate(vec2(0.0, view.len(1.5))),
            radius,
            palette.shadow,
        );
    }
    painter.rect_filled(r, radius, fade(palette.card(kind)));
    let border = if look.selected {
        Stroke::new(2.5, palette.selection)
    } else if card.moment {
        Stroke::new(view.len(2.5).max(1.5), fade(palette.moment))
    } else if look.hovered {
        Stroke::new(1.5, palette.accent(kind))
    } else {
        Stroke::new(1.0, fade(palette.card_border(kind)))
    };
    painter.rect_stroke(r, radius, border, StrokeKind::Inside);
    if card.moment {
        star(
            painter,
            r.left_top() + vec2(view.len(2.0), view.len(2.0)),
            view.len(8.0),
            fade(palette.moment),
        );
    }
    if view.zoom < TEXT_MIN_ZOOM {
        return;
    }
    let pad = view.len(8.0);
    let inner = r.shrink(pad);
    let face_r = view.len(10.0);
    let has_footer = card.channel.is_some() || card.feeling.is_some();
    let rows = if has_footer { 2 } else { 3 };
    let text_left = if card.moment {
        inner.left() + view.len(6.0)
    } else {
        inner.left()
    };
    let galley = wrapped(
        painter,
        &card.title,
        font(view, 13.0),
        fade(palette.text),
        inner.right() - text_left,
        rows,
    );
    painter.galley(pos2(text_left, inner.top()), galley, fade(palette.text));
    if let Some(channel) = card.channel {
        let pos = pos2(inner.left(), inner.bottom());
        painter.text(
            pos,
            Align2::LEFT_BOTTOM,
            strings::channel(channel),
            font(view, 11.0),
            fade(palette.muted),
        );
    }
    if let Some(feeling) = card.feeling {
        let center = pos2(
            inner.right() - face_r,
            inner.bottom() - face_r + view.len(2.0),
        );
        face::paint(painter, center, face_r, feeling, alpha);
    }
}

fn star(painter: &Painter, center: Pos2, radius: f32, color: Color32) {
    // Five triangles from the centre plus the inner pentagon: all convex, so they tessellate cleanly.
    let point = |i: usize, r: f32| {
        let angle = -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::PI / 5.0;
        center + r * Vec2::angled(angle)
    };
    let inner = radius * 0.45;
    let pentagon: Vec<Pos2> = (0..5).map(|i| point(2 * i + 1, inner)).collect();
    painter.add(Shape::convex_polygon(pentagon, color, Stroke::NONE));
    for i in 0..5 {
        let tip = vec![
            point(2 * i + 9, inner),
            point(2 * i, radius),
            point(2 * i + 1, inner),
        ];
        painter.add(Shape::convex_polygon(tip, color, Stroke::NONE));
    }
}

fn emotion_curve(
    painter: &Painter,
    view: &View,
    palette: &Palette,
    layout: &Layout,
    curve: &Curve,
) {
    let band = view.rect(Rect::from_x_y_ranges(
        layout.grid.x_range(),
        layout.rows[curve.row].y,
    ));
    let mid = view.pos(pos2(0.0, curve.mid_y)).y;
    let top = view.pos(pos2(0.0, curve.y_of(2.0))).y;
    let bottom = view.pos(pos2(0.0, curve.y_of(-2.0))).y;
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
    let dash = view.len(6.0).max(2.0);
    painter.add(Shape::dashed_line(
        &[pos2(band.left(), mid), pos2(band.right(), mid)],
        Stroke::new(1.0, palette.muted),
        dash,
        dash,
    ));

    let points: Vec<Pos2> = curve.points.iter().map(|p| view.pos(p.pos)).collect();
    let stroke = Stroke::new(view.len(3.0).max(1.5), palette.curve);
    // A smooth line through consecutive stages; a stage with no feeling leaves a gap.
    for (i, pair) in curve.points.windows(2).enumerate() {
        if pair[1].column != pair[0].column + 1 {
            continue;
        }
        let (a, b) = (points[i], points[i + 1]);
        let before = if i > 0 && curve.points[i - 1].column + 1 == pair[0].column {
            points[i - 1]
        } else {
            a
        };
        let after = points
            .get(i + 2)
            .filter(|_| curve.points[i + 2].column == pair[1].column + 1)
            .copied()
            .unwrap_or(b);
        let c1 = a + (b - before) / 6.0;
        let c2 = b - (after - a) / 6.0;
        let shape = CubicBezierShape::from_points_stroke(
            [a, c1, c2, b],
            false,
            Color32::TRANSPARENT,
            PathStroke::from(stroke),
        );
        painter.add(shape);
    }
    let (low, high) = extremes(curve);
    let radius = view.len(13.0);
    for (i, point) in curve.points.iter().enumerate() {
        let center = points[i];
        if Some(i) == low || Some(i) == high {
            painter.circle_stroke(
                center,
                radius + view.len(4.0),
                Stroke::new(view.len(2.5), palette.moment),
            );
        }
        painter.circle_filled(center, radius + view.len(2.0), Color32::WHITE);
        face::paint_score(painter, center, radius, point.score, 1.0);
    }
}

/// Indexes of the lowest and highest points, the curve's moments that matter; none for a
/// flat curve.
pub fn extremes(curve: &Curve) -> (Option<usize>, Option<usize>) {
    let by_score = |a: &(usize, &crate::layout::CurvePoint),
                    b: &(usize, &crate::layout::CurvePoint)| {
        a.1.score.total_cmp(&b.1.score)
    };
    let low = curve.points.iter().enumerate().min_by(by_score);
    let high = curve.points.iter().enumerate().max_by(by_score);
    match (low, high) {
        (Some(l), Some(h)) if l.1.score < h.1.score => (Some(l.0), Some(h.0)),
        _ => (None, None),
    }
}

/// The insertion marker shown while dragging: a thick line with round ends.
pub fn insertion_marker(painter: &Painter, view: &View, palette: &Palette, from: Pos2, to: Pos2) {
    let stroke = Stroke::new(3.0, palette.selection);
    painter.line_segment([view.pos(from), view.pos(to)], stroke);
    painter.circle_filled(view.pos(from), 4.0, palette.selection);
    painter.circle_filled(view.pos(to), 4.0, palette.selection);
}
