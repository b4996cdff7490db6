//! Draws a laid-out slide (the gap analysis, the action table): a title, a line saying what
//! the table shows, dark column headers as the journey's stage headers, and rows of wrapped
//! words with faces, signed numbers, bars, marks and chips where they tell more than words.

use super::{Palette, Transform, face, font, wrapped};
use crate::i18n::strings;
use crate::layout::slides::{Cell, Mark, Slide, SlideStyle, Words};
use egui::{Align2, Color32, CornerRadius, Painter, Rect, Stroke, pos2, vec2};

pub fn slide(
    painter: &Painter,
    slide: &Slide,
    style: &SlideStyle,
    tf: &Transform,
    palette: &Palette,
) {
    if let Some((rect, title)) = &slide.title {
        let r = tf.rect(*rect);
        let galley = wrapped(painter, title, font(tf, 24.0), palette.text, r.width(), 1);
        painter.galley(
            pos2(r.left(), r.center().y - galley.size().y / 2.0),
            galley,
            palette.text,
        );
    }
    let (rect, lead) = &slide.lead;
    let r = tf.rect(*rect);
    let galley = wrapped(
        painter,
        &lead.text,
        font(tf, style.lead_size),
        palette.muted,
        r.width(),
        lead.rows,
    );
    painter.galley(r.left_top(), galley, palette.muted);

    let pad = tf.len(style.cell_padding);
    let header = tf.rect(slide.header);
    let radius = CornerRadius {
        nw: tf.len(6.0).round() as u8,
        ne: tf.len(6.0).round() as u8,
        sw: 0,
        se: 0,
    };
    painter.rect_filled(header, radius, palette.stage_header);
    for column in &slide.columns {
        let x = tf.pos(pos2(column.x.min, 0.0)).x;
        let room = tf.len(column.x.span()) - 2.0 * pad;
        let galley = wrapped(
            painter,
            &column.title.text,
            font(tf, style.text_size),
            palette.stage_text,
            room,
            column.title.rows,
        );
        let left = if column.centered {
            x + pad + (room - galley.size().x) / 2.0
        } else {
            x + pad
        };
        painter.galley(
            pos2(left, header.center().y - galley.size().y / 2.0),
            galley,
            palette.stage_text,
        );
    }

    let visible = tf.to_map_rect(painter.clip_rect());
    let line = Stroke::new(1.0, palette.grid_line);
    for (r, row) in slide.rows.iter().enumerate() {
        if !row.y.intersects(visible.y_range()) {
            continue;
        }
        let band = tf.rect(Rect::from_x_y_ranges(slide.table.x_range(), row.y));
        let fill = if r % 2 == 0 {
            palette.cell
        } else {
            palette.cell_alt.lerp_to_gamma(palette.background, 0.5)
        };
        painter.rect_filled(band, 0.0, fill);
        painter.hline(band.x_range(), band.bottom(), line);
        for (c, cell) in row.cells.iter().enumerate() {
            let cell_rect = tf.rect(slide.cell_rect(c, r)).shrink(pad);
            paint_cell(
                painter,
                tf,
                style,
                palette,
                cell_rect,
                cell,
                slide.columns[c].centered,
            );
        }
    }
    // Lines between the columns, over the rows' bands.
    let body = tf.rect(Rect::from_min_max(
        pos2(slide.table.left(), slide.header.bottom()),
        slide.table.max,
    ));
    for column in &slide.columns[..slide.columns.len().saturating_sub(1)] {
        let x = tf.pos(pos2(column.x.max, 0.0)).x;
        painter.vline(x, body.y_range(), line);
    }
    painter.vline(body.left(), body.y_range(), line);
    painter.vline(body.right(), body.y_range(), line);
    if let Some((rect, message)) = &slide.empty {
        let r = tf.rect(*rect);
        painter.rect_filled(r, 0.0, palette.cell);
        painter.hline(r.x_range(), r.bottom(), line);
        let galley = wrapped(
            painter,
            message,
            font(tf, style.text_size),
            palette.muted,
            r.width() - 2.0 * pad,
            1,
        );
        painter.galley(
            pos2(r.left() + pad, r.center().y - galley.size().y / 2.0),
            galley,
            palette.muted,
        );
    }
}

/// One cell's content inside `r` (the cell less its padding), in screen points.
fn paint_cell(
    painter: &Painter,
    tf: &Transform,
    style: &SlideStyle,
    palette: &Palette,
    r: Rect,
    cell: &Cell,
    centered: bool,
) {
    let size = font(tf, style.text_size);
    let row = tf.len(style.text_row);
    let text = |words: &Words, color: Color32, left: f32, top: f32, width: f32| {
        let galley = wrapped(painter, &words.text, size.clone(), color, width, words.rows);
        let used = galley.size();
        painter.galley(pos2(left, top), galley, color);
        used
    };
    match cell {
        Cell::Text { words, strong } => {
            let color = if *strong {
                palette.stage_header
            } else {
                palette.text
            };
            text(words, color, r.left(), r.top(), r.width());
        }
        Cell::List { items, mark } => {
            let color = match mark {
                Mark::Gain => palette.gain,
                Mark::Pain => palette.pain,
                Mark::Plain => palette.muted,
            };
            let room = tf.len(style.mark_room);
            let mut top = r.top();
            for item in items {
                painter.circle_filled(
                    pos2(r.left() + room * 0.35, top + row / 2.0),
                    tf.len(3.5),
                    color,
                );
                text(item, palette.text, r.left() + room, top, r.width() - room);
                top += item.rows as f32 * row;
            }
        }
        Cell::Score(score) => {
            let words = score.map_or_else(|| "–".to_owned(), strings::signed);
            let galley = wrapped(painter, &words, size, palette.text, r.width(), 1);
            let radius = tf.len(9.0);
            let gap = tf.len(6.0);
            let width = match score {
                Some(_) => 2.0 * radius + gap + galley.size().x,
                None => galley.size().x,
            };
            let mut left = if centered {
                r.center().x - width / 2.0
            } else {
                r.left()
            };
            let middle = r.top() + row / 2.0;
            if let Some(score) = score {
                face::paint_score(painter, pos2(left + radius, middle), radius, *score, 1.0);
                left += 2.0 * radius + gap;
            }
            painter.galley(
                pos2(left, middle - galley.size().y / 2.0),
                galley,
                palette.text,
            );
        }
        Cell::Gap(gap) => {
            let middle = r.top() + row / 2.0;
            let Some(gap) = gap else {
                painter.text(
                    pos2(r.left(), middle),
                    Align2::LEFT_CENTER,
                    "–",
                    size,
                    palette.muted,
                );
                return;
            };
            // Up is a gap to close (green), down a loss (red); none is no colour at all.
            let color = match strings::signed(*gap).as_str() {
                "0" => palette.muted,
                _ if *gap < 0.0 => palette.pain,
                _ => palette.gain,
            };
            let galley = wrapped(
                painter,
                &strings::signed(*gap),
                font(tf, style.text_size + 2.0),
                color,
                r.width(),
                1,
            );
            let number = tf.len(40.0).max(galley.size().x + tf.len(6.0));
            painter.galley(
                pos2(r.left(), middle - galley.size().y / 2.0),
                galley,
                color,
            );
            // The bar: the whole scale (4 points) fills the rest of the cell.
            let room = (r.width() - number).max(0.0);
            let track = Rect::from_min_size(
                pos2(r.left() + number, middle - tf.len(4.0)),
                vec2(room, tf.len(8.0)),
            );
            painter.rect_filled(track, tf.len(4.0), palette.grid_line);
            let filled = room * (gap.abs() / 4.0).min(1.0);
            if filled > 0.0 {
                painter.rect_filled(
                    Rect::from_min_size(track.min, vec2(filled, track.height())),
                    tf.len(4.0),
                    color,
                );
            }
        }
        Cell::Priority { priority, words } => {
            let chip = tf.len(5.0);
            let galley = wrapped(
                painter,
                &words.text,
                size,
                palette.text,
                r.width() - 2.0 * chip,
                words.rows,
            );
            let back = Rect::from_min_size(r.min, galley.size() + vec2(2.0 * chip, tf.len(2.0)));
            // Its first line of words on the row's middle line, as the other cells' words.
            let line = galley.size().y / galley.rows.len().max(1) as f32;
            let back = back.translate(vec2(0.0, (row - line) / 2.0 - 1.0));
            painter.rect_filled(back, tf.len(4.0), palette.priority(*priority));
            painter.galley(back.min + vec2(chip, tf.len(1.0)), galley, palette.text);
        }
        Cell::Stream { index, words } => {
            let room = tf.len(style.mark_room);
            let accent = index.map_or(palette.muted, |i| palette.stream(i));
            let mark = Rect::from_center_size(
                pos2(r.left() + room * 0.35, r.top() + row / 2.0),
                vec2(tf.len(8.0), tf.len(8.0)),
            );
            painter.rect_filled(mark, tf.len(2.0), accent);
            text(
                words,
                palette.text,
                r.left() + room,
                r.top(),
                r.width() - room,
            );
        }
    }
}
