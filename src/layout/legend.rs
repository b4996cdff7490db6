//! The key under a journey map: what the faces, moment marks and curve rings mean, and in an
//! overlay which curve is which and what the shading says. Laid out here, wrapped to the map's
//! width, so a narrow map's key is never cut off and painting only draws what it is given.

use super::text::em_width;
use crate::i18n::strings;
use crate::model::{Feeling, Map, MomentKind};
use crate::view::View;
use egui::{Pos2, Rect, pos2, vec2};

/// Text size of the key.
pub const TEXT_SIZE: f32 = 13.0;
/// Height of one row of the key.
pub const ROW_HEIGHT: f32 = 32.0;
/// Radius of a face or moment mark in the key.
pub const MARK_RADIUS: f32 = 9.0;
/// Length of a curve sample.
pub const LINE_LENGTH: f32 = 36.0;
/// Room between one item and the next.
const GAP: f32 = 18.0;
/// Room between a sample and its words.
const SAMPLE_GAP: f32 = 5.0;

/// What an item of the key shows before its words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sample {
    /// Words alone: the heading of a group.
    Heading,
    Face(Feeling),
    Moment(MomentKind),
    /// The ring around the curve's highest and lowest points.
    Extremes,
    /// The pin on a curve point set by hand (only when a curve shown has one).
    ByHand,
    /// The shown journey's curve, solid.
    Curve,
    /// The compared journey's curve, dashed.
    ComparedCurve,
    GapUp,
    GapDown,
}

impl Sample {
    /// How wide the sample is, before its words.
    pub fn width(self) -> f32 {
        match self {
            Sample::Heading => 0.0,
            Sample::Face(_) | Sample::Moment(_) | Sample::Extremes | Sample::ByHand => {
                2.0 * MARK_RADIUS
            }
            Sample::Curve | Sample::ComparedCurve => LINE_LENGTH,
            Sample::GapUp | Sample::GapDown => 16.0,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub sample: Sample,
    pub text: String,
    /// The left end of the sample, on the row's middle line.
    pub at: Pos2,
    /// Where the words start.
    pub text_x: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    pub rect: Rect,
    pub items: Vec<Item>,
}

/// How wide `text` is at the key's size (a little generous, as the painter may round up).
fn text_width(text: &str) -> f32 {
    text.chars().map(em_width).sum::<f32>() * TEXT_SIZE * 1.03
}

/// The key's groups: faces and marks, then in an overlay the two curves and the shading. Each
/// group starts a row, with its heading first.
fn groups(map: &Map, view: &View) -> Vec<Vec<(Sample, String)>> {
    let words = |s: &str| s.to_owned();
    let mut marks = vec![(Sample::Heading, words(strings::legend_feelings()))];
    for feeling in Feeling::ALL {
        marks.push((Sample::Face(feeling), words(feeling.label())));
    }
    for kind in [MomentKind::Gain, MomentKind::Pain] {
        marks.push((Sample::Moment(kind), words(kind.label())));
    }
    marks.push((Sample::Extremes, words(strings::legend_extremes())));
    let by_hand = [Some(view.journey), view.compare]
        .into_iter()
        .flatten()
        .filter_map(|id| map.journey(id))
        .any(|j| !j.curve.is_empty());
    if by_hand {
        marks.push((Sample::ByHand, words(strings::legend_by_hand())));
    }
    let mut groups = vec![marks];
    if let Some(compared) = view.compare.and_then(|id| map.journey(id)) {
        let shown = map.journey(view.journey).map_or("", |j| j.name.as_str());
        groups.push(vec![
            (Sample::Heading, words(strings::legend_curves())),
            (Sample::Curve, words(shown)),
            (Sample::ComparedCurve, words(&compared.name)),
            (Sample::GapUp, words(strings::gap_up())),
            (Sample::GapDown, words(strings::gap_down())),
        ]);
    }
    groups
}

/// The key at `top_left`, wrapped to `width`: an item that would cross the right edge goes to
/// the next row, lined up after the group's heading.
pub fn compute(map: &Map, view: &View, top_left: Pos2, width: f32) -> Legend {
    let right = top_left.x + width;
    let mut items = Vec::new();
    let mut row = 0usize;
    for group in groups(map, view) {
        let mut x = top_left.x;
        let mut indent = top_left.x;
        for (i, (sample, text)) in group.into_iter().enumerate() {
            let sample_width = sample.width();
            let words_at = if sample_width > 0.0 {
                sample_width + SAMPLE_GAP
            } else {
                0.0
            };
            let item_width = words_at + text_width(&text);
            if i > 1 && x + item_width > right {
                row += 1;
                x = indent;
            }
            let y = top_left.y + (row as f32 + 0.5) * ROW_HEIGHT;
            items.push(Item {
                sample,
                text,
                at: pos2(x, y),
                text_x: x + words_at,
            });
            x += item_width + GAP;
            if i == 0 {
                indent = x;
            }
        }
        row += 1;
    }
    Legend {
        rect: Rect::from_min_size(top_left, vec2(width, row as f32 * ROW_HEIGHT + 4.0)),
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pizza() -> Map {
        crate::templates::load("pizza").unwrap()
    }

    #[test]
    fn a_narrow_key_wraps_and_keeps_every_item_inside() {
        let map = pizza();
        let view = View::of(&map);
        let wide = compute(&map, &view, pos2(0.0, 0.0), 3000.0);
        assert_eq!(wide.rect.height(), ROW_HEIGHT + 4.0);
        assert_eq!(wide.items.len(), 1 + 5 + 2 + 1);
        let narrow = compute(&map, &view, pos2(0.0, 0.0), 600.0);
        assert!(narrow.rect.height() > 2.0 * ROW_HEIGHT);
        for item in &narrow.items {
            let end = item.text_x + text_width(&item.text);
            assert!(end <= 600.0, "{item:?}");
            assert!(item.at.y < narrow.rect.bottom());
        }
        // Wrapped rows line up after the heading.
        let heading_end = narrow.items[1].at.x;
        assert!(narrow.items.iter().skip(1).all(|i| i.at.x >= heading_end));
    }

    #[test]
    fn an_overlay_names_both_curves_on_a_row_of_their_own() {
        let map = pizza();
        let view = View::overlay(&map).unwrap();
        let legend = compute(&map, &view, pos2(0.0, 0.0), 3000.0);
        let target = &map.journey(view.compare.unwrap()).unwrap().name;
        let curve = legend
            .items
            .iter()
            .find(|i| i.sample == Sample::ComparedCurve)
            .unwrap();
        assert_eq!(&curve.text, target);
        assert!(curve.at.y > legend.items[0].at.y);
    }
}
