//! The computed rows under the stage headers (KPIs, decisions) and the phase bands above them.

use super::{Sheet, TEXT_MIN_ZOOM, Transform, font, wrapped};
use crate::i18n::strings;
use crate::layout::{Band, BandKind, ForkShape};
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
        BandKind::Kpis { line_height } => kpis(painter, sheet, *line_height, columns),
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
        BandKind::Kpis { .. } => strings::kpis(),
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

/// Each visible stage's KPIs, one per line.
fn kpis(painter: &Painter, sheet: &Sheet, line_height: f32, columns: Range<usize>) {
    let Sheet {
        map,
        layout,
        tf,
        palette,
        ..
    } = *sheet;
    if tf.zoom < TEXT_MIN_ZOOM {
        return;
    }
    for c in columns {
        let Some(cell) = layout.kpi_cell(c) else {
            continue;
        };
        let cell = tf.rect(cell.shrink(8.0));
        let mut y = cell.top();
        for kpi in map.kpis_of(map.stages[c].id) {
            let text = kpi.line();
            let galley = wrapped(
                painter,
                &text,
                font(tf, 12.5),
                palette.text,
                cell.width(),
                1,
            );
            painter.galley(pos2(cell.left(), y), galley, palette.text);
            y += tf.len(line_height);
        }
    }
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
