//! The computed rows under the stage headers (KPIs, decisions) and the phase bands above them.

use super::{Sheet, TEXT_MIN_ZOOM, Transform, font, wrapped};
use crate::i18n::strings;
use crate::layout::{
    Band, BandKind, ForkShape, KPI_BAR_HEIGHT, KPI_NAME_ROW, KPI_NAME_SIZE, KPI_PAD,
    KPI_VALUE_SIZE, KpiChip,
};
use crate::model::Kpi;
use egui::{Color32, CornerRadius, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};
use std::ops::Range;

/// A computed row: its background across the grid, its header, and its content in the visible
/// columns.
pub(super) fn band(painter: &Painter, sheet: &Sheet, band: &Band, columns: Range<usize>) {
    let Sheet {
        layout,
        tf,
        palette,
        ..
    } = *sheet;
    let area = tf.rect(Rect::from_x_y_ranges(layout.grid.x_range(), band.y));
    painter.rect_filled(area, 0.0, palette.kpi_band);
    painter.hline(
        area.x_range(),
        area.bottom(),
        Stroke::new(1.0, palette.grid_line),
    );
    match &band.kind {
        BandKind::Kpis(chips) => kpis(painter, sheet, chips, columns),
        BandKind::Forks(forks) => {
            for fork in forks {
                self::fork(painter, sheet, fork);
            }
        }
    }
}

/// A computed row's header, in the lane-header column (pinned with the lane headers).
pub(super) fn band_header(painter: &Painter, sheet: &Sheet, band: &Band) {
    let title = match band.kind {
        BandKind::Kpis(_) => strings::kpis(),
        BandKind::Forks(_) => strings::decisions(),
    };
    let rect = band.header.translate(vec2(sheet.pins.x, 0.0));
    header(painter, sheet.tf, sheet.palette, rect, title);
}

fn header(painter: &Painter, tf: &Transform, palette: &super::Palette, rect: Rect, title: &str) {
    let header = tf.rect(rect.shrink2(vec2(0.0, 3.0)));
    let radius = CornerRadius::same(tf.len(6.0).round() as u8);
    painter.rect_filled(header, radius, palette.kpi_header);
    if tf.zoom < TEXT_MIN_ZOOM {
        return;
    }
    let pad = tf.len(12.0);
    let galley = wrapped(
        painter,
        title,
        font(tf, 14.0),
        palette.text,
        header.width() - 1.5 * pad,
        1,
    );
    let pos = pos2(
        header.left() + pad,
        header.top()
            + tf.len(9.0)
                .min(header.height() / 2.0 - galley.size().y / 2.0),
    );
    painter.galley(pos, galley, palette.text);
}

/// Each visible stage's KPIs, as chips.
fn kpis(painter: &Painter, sheet: &Sheet, chips: &[KpiChip], columns: Range<usize>) {
    let from = chips.partition_point(|c| c.column < columns.start);
    let to = chips.partition_point(|c| c.column < columns.end);
    for chip in &chips[from..to] {
        if let Some(kpi) = sheet.map.kpi(chip.id) {
            kpi_chip(painter, sheet, chip, kpi);
        }
    }
}

/// A KPI chip: its name whole, its values, and a bar from today's value (a dot in the
/// current curve's colour) to the target (a ring in the target curve's).
fn kpi_chip(painter: &Painter, sheet: &Sheet, chip: &KpiChip, kpi: &Kpi) {
    let Sheet { tf, palette, .. } = *sheet;
    let r = tf.rect(chip.rect);
    let radius = CornerRadius::same(tf.len(6.0).round() as u8);
    painter.rect(
        r,
        radius,
        palette.cell,
        Stroke::new(1.0, palette.grid_line),
        StrokeKind::Inside,
    );
    let inner = r.shrink(tf.len(KPI_PAD));
    if chip.bar
        && let (Some(today), Some(target)) = (kpi.current, kpi.target)
    {
        let y = inner.bottom() - tf.len(KPI_BAR_HEIGHT) / 2.0;
        kpi_bar(painter, sheet, inner.x_range(), y, (today, target));
    }
    if tf.zoom < TEXT_MIN_ZOOM {
        return;
    }
    let name = wrapped(
        painter,
        &kpi.name,
        font(tf, KPI_NAME_SIZE),
        palette.text,
        inner.width(),
        usize::from(chip.name_rows.max(1)),
    );
    painter.galley(inner.left_top(), name, palette.text);
    let values = wrapped(
        painter,
        &kpi.values(),
        font(tf, KPI_VALUE_SIZE),
        palette.stage_header,
        inner.width(),
        usize::from(chip.value_rows.max(1)),
    );
    let top = inner.top() + tf.len(chip.name_rows as f32 * KPI_NAME_ROW + 2.0);
    painter.galley(pos2(inner.left(), top), values, palette.stage_header);
}

/// The bar of a KPI across `x`: a track from zero (or the lowest value) to the highest, the
/// stretch from today's value to the target over it.
fn kpi_bar(painter: &Painter, sheet: &Sheet, x: egui::Rangef, y: f32, (today, target): (f64, f64)) {
    let Sheet { tf, palette, .. } = *sheet;
    let mut lo = today.min(target).min(0.0);
    let mut hi = today.max(target).max(0.0);
    if hi - lo <= f64::EPSILON {
        (lo, hi) = (lo - 1.0, hi + 1.0);
    }
    let dot = tf.len(4.0);
    let span = (x.span() - 2.0 * dot).max(1.0);
    let at = |v: f64| x.min + dot + ((v - lo) / (hi - lo)) as f32 * span;
    painter.line_segment(
        [pos2(at(lo), y), pos2(at(hi), y)],
        Stroke::new(tf.len(3.0).max(1.0), palette.grid_line),
    );
    painter.line_segment(
        [pos2(at(today), y), pos2(at(target), y)],
        Stroke::new(
            tf.len(4.0).max(1.0),
            palette.target_curve.gamma_multiply(0.6),
        ),
    );
    painter.circle(
        pos2(at(target), y),
        dot,
        palette.cell,
        Stroke::new(tf.len(2.0).max(1.0), palette.target_curve),
    );
    painter.circle_filled(pos2(at(today), y), dot, palette.curve);
}

/// A decision: a diamond and the question, then a spine down to one arrow per branch, each
/// with its label; a branch out of the journey ends in a bar and says so.
fn fork(painter: &Painter, sheet: &Sheet, shape: &ForkShape) {
    let Sheet {
        map,
        tf,
        palette,
        marks,
        ..
    } = *sheet;
    let Some(fork) = map.fork(shape.id) else {
        return;
    };
    let visible = tf.to_map_rect(painter.clip_rect());
    if !shape.rect().expand(20.0).intersects(visible) {
        return;
    }
    let selected = marks.selected_fork == Some(fork.id);
    let question = tf.rect(shape.question);
    let radius = CornerRadius::same(tf.len(8.0).round() as u8);
    let border = if selected {
        Stroke::new(3.0, palette.selection)
    } else {
        Stroke::new(1.5, palette.fork)
    };
    painter.rect(question, radius, palette.cell, border, StrokeKind::Inside);
    // The decision's diamond.
    let d = tf.len(8.0);
    let centre = pos2(question.left() + tf.len(14.0), question.center().y);
    painter.add(Shape::convex_polygon(
        vec![
            centre - vec2(0.0, d),
            centre + vec2(d, 0.0),
            centre + vec2(0.0, d),
            centre - vec2(d, 0.0),
        ],
        palette.fork,
        Stroke::NONE,
    ));
    let line = Stroke::new(tf.len(2.0).max(1.0), palette.fork);
    if let (Some(first), Some(last)) = (shape.branches.first(), shape.branches.last()) {
        let top = pos2(tf.pos(first.from).x, question.bottom());
        painter.line_segment([top, tf.pos(last.from)], line);
    }
    for branch in &shape.branches {
        let (from, to) = (tf.pos(branch.from), tf.pos(branch.to));
        painter.line_segment([from, to], line);
        match branch.column {
            Some(_) => arrow_head(painter, from, to, tf.len(7.0), palette.fork),
            None => {
                // Out of the journey: the path stops at a bar.
                let h = tf.len(7.0);
                painter.line_segment([to - vec2(0.0, h), to + vec2(0.0, h)], line);
            }
        }
    }
    if tf.zoom < TEXT_MIN_ZOOM {
        return;
    }
    let text_left = centre.x + d + tf.len(8.0);
    let galley = wrapped(
        painter,
        &fork.question,
        font(tf, 13.0),
        palette.text,
        question.right() - text_left - tf.len(6.0),
        2,
    );
    painter.galley(
        pos2(text_left, question.center().y - galley.size().y / 2.0),
        galley,
        palette.text,
    );
    for (branch, data) in shape.branches.iter().zip(&fork.branches) {
        let label = tf.rect(branch.label);
        let galley = wrapped(
            painter,
            &data.label,
            font(tf, 12.5),
            palette.text,
            label.width(),
            1,
        );
        let width = galley.size().x;
        painter.galley(
            pos2(label.left(), label.bottom() - galley.size().y),
            galley,
            palette.text,
        );
        if branch.column.is_none() {
            let room = label.width() - width - tf.len(10.0);
            if room > tf.len(30.0) {
                let note = wrapped(
                    painter,
                    strings::leaves_journey(),
                    font(tf, 11.5),
                    palette.muted,
                    room,
                    1,
                );
                painter.galley(
                    pos2(
                        label.left() + width + tf.len(10.0),
                        label.bottom() - note.size().y,
                    ),
                    note,
                    palette.muted,
                );
            }
        }
    }
}

fn arrow_head(painter: &Painter, from: Pos2, to: Pos2, size: f32, color: Color32) {
    let direction = (to - from).normalized();
    if !direction.x.is_finite() {
        return;
    }
    let back = to - direction * size * 1.6;
    let side = direction.rot90() * size * 0.8;
    painter.add(Shape::convex_polygon(
        vec![to, back + side, back - side],
        color,
        Stroke::NONE,
    ));
}

/// The phase bands over the stage headers, each with its name.
pub(super) fn phases(painter: &Painter, sheet: &Sheet) {
    let Sheet {
        map,
        layout,
        tf,
        palette,
        marks,
        ..
    } = *sheet;
    let visible = tf.to_map_rect(painter.clip_rect());
    for (i, band) in layout.phases.iter().enumerate() {
        if !band
            .rect
            .translate(vec2(0.0, sheet.pins.y))
            .intersects(visible)
        {
            continue;
        }
        let Some(phase) = map.phase(band.id) else {
            continue;
        };
        let r = tf.rect(
            band.rect
                .translate(vec2(0.0, sheet.pins.y))
                .shrink2(vec2(3.0, 3.0)),
        );
        let radius = CornerRadius::same(tf.len(6.0).round() as u8);
        let fill = if i % 2 == 0 {
            palette.phase
        } else {
            palette.phase_alt
        };
        let stroke = if marks.selected_phase == Some(phase.id) {
            Stroke::new(3.0, palette.selection)
        } else {
            Stroke::NONE
        };
        painter.rect(r, radius, fill, stroke, StrokeKind::Inside);
        if tf.zoom < TEXT_MIN_ZOOM {
            continue;
        }
        let galley = wrapped(
            painter,
            &phase.name,
            font(tf, 14.0),
            palette.phase_text,
            r.width() - tf.len(16.0),
            1,
        );
        painter.galley(r.center() - galley.size() / 2.0, galley, palette.phase_text);
    }
}
