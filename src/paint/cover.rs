//! The title view that opens a session in front of a room: the map's title, the journey it
//! shows, and who it is about (picture, name, description, goals, frustrations and needs),
//! large enough for the back row.

use super::{Palette, Pictures, strips, wrapped};
use crate::i18n::strings;
use crate::model::Map;
use crate::view::View;
use egui::{FontId, Painter, Rect, Stroke, pos2, vec2};

/// The sizes of the title view's words at 1024 × 768 points; a larger screen scales them up.
const TITLE: f32 = 40.0;
const JOURNEY: f32 = 22.0;
const NAME: f32 = 28.0;
const BODY: f32 = 18.0;
const HEADING: f32 = 15.0;

/// Paints the title view into `rect` (screen points). `least` is the smallest text size, in
/// points, the room must see (12 physical pixels on a screen of fewer than one pixel per
/// point make it larger than 12).
pub fn cover(
    painter: &Painter,
    map: &Map,
    view: &View,
    pictures: &Pictures,
    palette: &Palette,
    rect: Rect,
    least: f32,
) {
    painter.rect_filled(rect, 0.0, palette.background);
    let scale = (rect.width() / 1024.0)
        .min(rect.height() / 768.0)
        .max(least / HEADING);
    let size = |s: f32| FontId::proportional(s * scale);
    let margin = vec2(rect.width() * 0.08, rect.height() * 0.1);
    let area = rect.shrink2(margin);
    let width = area.width();

    let mut y = area.top();
    let title = wrapped(painter, &map.title, size(TITLE), palette.text, width, 3);
    y += title.size().y;
    painter.galley(pos2(area.left(), area.top()), title, palette.text);
    let journey = view
        .compare
        .map(|_| view.caption(map))
        .or_else(|| map.journey(view.journey).map(|j| j.name.clone()))
        .unwrap_or_default();
    if !journey.is_empty() {
        y += 6.0 * scale;
        let galley = wrapped(painter, &journey, size(JOURNEY), palette.muted, width, 2);
        let height = galley.size().y;
        painter.galley(pos2(area.left(), y), galley, palette.muted);
        y += height;
    }
    y += 18.0 * scale;
    painter.hline(
        area.x_range(),
        y,
        Stroke::new(2.0 * scale, palette.grid_line),
    );
    y += 26.0 * scale;

    let Some(persona) = view.persona(map) else {
        return;
    };
    let side = 120.0 * scale;
    let avatar = Rect::from_min_size(pos2(area.left(), y), vec2(side, side));
    strips::avatar(painter, palette, pictures, persona, avatar);
    let left = avatar.right() + 28.0 * scale;
    let text_width = area.right() - left;
    let mut text_y = y;
    let name = wrapped(
        painter,
        &persona.name,
        size(NAME),
        palette.text,
        text_width,
        2,
    );
    text_y += name.size().y + 6.0 * scale;
    painter.galley(pos2(left, y), name, palette.text);
    if !persona.description.trim().is_empty() {
        let galley = wrapped(
            painter,
            &persona.description,
            size(BODY),
            palette.muted,
            text_width,
            5,
        );
        let height = galley.size().y;
        painter.galley(pos2(left, text_y), galley, palette.muted);
        text_y += height;
    }
    // Goals, and frustrations and needs, side by side under the picture and the words.
    let top = text_y.max(avatar.bottom()) + 28.0 * scale;
    let column = (width - 28.0 * scale) / 2.0;
    let lists = [
        (strings::goals(), &persona.goals),
        (strings::needs(), &persona.needs),
    ];
    let shown: Vec<_> = lists
        .iter()
        .filter(|(_, items)| !items.is_empty())
        .collect();
    for (i, (heading, items)) in shown.iter().enumerate() {
        let x = area.left() + i as f32 * (column + 28.0 * scale);
        let mut y = top;
        let galley = wrapped(painter, heading, size(HEADING), palette.muted, column, 1);
        y += galley.size().y + 6.0 * scale;
        painter.galley(pos2(x, top), galley, palette.muted);
        for item in items.iter() {
            if y > rect.bottom() - margin.y / 2.0 {
                break;
            }
            let galley = wrapped(
                painter,
                &format!("• {item}"),
                size(BODY),
                palette.text,
                column,
                3,
            );
            let height = galley.size().y;
            painter.galley(pos2(x, y), galley, palette.text);
            y += height + 4.0 * scale;
        }
    }
}
