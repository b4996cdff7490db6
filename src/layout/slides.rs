//! Slides of the plan for the room: the gap analysis (stages ranked by how far the target is
//! from today, with what hurts and what is measured there) and the action table. Each is a
//! table whose rows grow to hold their words whole, wrapped in their column; a pure function
//! of the map, a [`SlideStyle`] and the language, like the journey's layout. The painter draws
//! it for every export.

use super::text;
use crate::i18n::{self, strings};
use crate::model::{Map, Priority};
use crate::report;
use egui::{Rangef, Rect, Vec2, pos2, vec2};

#[derive(Clone, Debug, PartialEq)]
pub struct SlideStyle {
    pub margin: f32,
    pub title_height: f32,
    /// The line under the title that says what the table shows.
    pub lead_size: f32,
    pub lead_row: f32,
    pub block_gap: f32,
    /// Words in the cells and their headers: size and height of one row.
    pub text_size: f32,
    pub text_row: f32,
    pub cell_padding: f32,
    /// The most rows a cell's words wrap into before the rest is left out ("…").
    pub max_rows: usize,
    /// Room before each item of a list, for its mark.
    pub mark_room: f32,
    pub show_title: bool,
}

impl Default for SlideStyle {
    fn default() -> Self {
        Self {
            margin: 32.0,
            title_height: 40.0,
            lead_size: 15.0,
            lead_row: 20.0,
            block_gap: 14.0,
            text_size: 14.0,
            text_row: 18.0,
            cell_padding: 9.0,
            max_rows: 12,
            mark_room: 14.0,
            show_title: true,
        }
    }
}

/// How a list's items are marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// A moment of gain (green).
    Gain,
    /// A moment of pain, or a pain point (red).
    Pain,
    /// Anything else (a KPI).
    Plain,
}

/// Words and how many rows they take in their column.
#[derive(Clone, Debug, PartialEq)]
pub struct Words {
    pub text: String,
    pub rows: usize,
}

/// One cell of a slide's table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Words, wrapped to the column; `strong` ones stand out (the stage, the action).
    Text { words: Words, strong: bool },
    /// Short texts one under the other, each after its mark.
    List { items: Vec<Words>, mark: Mark },
    /// A point on the feeling scale (−2…+2): a face and the number with its sign.
    Score(Option<f32>),
    /// How far the target is from today: the number with its sign and a bar as long as it.
    Gap(Option<f32>),
    /// An action's priority, on a chip of its colour.
    Priority { priority: Priority, words: Words },
    /// A stream's name after a mark of its colour (its place in the map's list).
    Stream { index: Option<usize>, words: Words },
}

impl Cell {
    /// Rows of words the cell takes.
    fn rows(&self) -> usize {
        match self {
            Cell::Text { words, .. }
            | Cell::Priority { words, .. }
            | Cell::Stream { words, .. } => words.rows,
            Cell::List { items, .. } => items.iter().map(|w| w.rows).sum::<usize>().max(1),
            Cell::Score(_) | Cell::Gap(_) => 1,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SlideColumn {
    pub title: Words,
    pub x: Rangef,
    /// Numbers stand in the middle of their column.
    pub centered: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SlideRow {
    pub y: Rangef,
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    pub size: Vec2,
    /// The title ("Ordering a pizza · Gap analysis"), when shown.
    pub title: Option<(Rect, String)>,
    /// What the table shows ("Current journey → Target journey, largest gap first").
    pub lead: (Rect, Words),
    /// The band of column headers.
    pub header: Rect,
    pub columns: Vec<SlideColumn>,
    pub rows: Vec<SlideRow>,
    /// Header and rows together.
    pub table: Rect,
    /// Said in place of rows when there are none ("The map has no actions yet.").
    pub empty: Option<(Rect, String)>,
}

/// A column before layout: its title, its width and whether it holds a number.
struct Spec {
    title: &'static str,
    width: f32,
    centered: bool,
}

/// Words wrapped at `size` into `width`.
fn words(text: impl Into<String>, size: f32, width: f32, max: usize) -> Words {
    let text = text.into();
    let rows = text::rows(&text, size, width, max).0;
    Words { text, rows }
}

/// Lays out a table slide: title, lead, headers, then each row as tall as its fullest cell.
/// `cells` makes a row's cells from the room each column gives its words.
fn table<T>(
    style: &SlideStyle,
    title: String,
    lead: String,
    specs: &[Spec],
    items: &[T],
    empty: &str,
    cells: impl Fn(&T, &dyn Fn(usize) -> f32) -> Vec<Cell>,
) -> Slide {
    let left = style.margin;
    let width: f32 = specs.iter().map(|s| s.width).sum();
    let mut y = style.margin;
    let title = style.show_title.then(|| {
        let rect = Rect::from_min_size(pos2(left, y), vec2(width, style.title_height));
        y = rect.bottom();
        (rect, title)
    });
    let lead = words(lead, style.lead_size, width, 3);
    let lead_rect = Rect::from_min_size(
        pos2(left, y),
        vec2(width, lead.rows as f32 * style.lead_row),
    );
    y = lead_rect.bottom() + style.block_gap;
    let pad = style.cell_padding;
    let mut x = left;
    let mut columns = Vec::with_capacity(specs.len());
    for spec in specs {
        let range = Rangef::new(x, x + spec.width);
        x = range.max;
        columns.push(SlideColumn {
            title: words(spec.title, style.text_size, spec.width - 2.0 * pad, 3),
            x: range,
            centered: spec.centered,
        });
    }
    let header_rows = columns.iter().map(|c| c.title.rows).max().unwrap_or(1);
    let header = Rect::from_min_size(
        pos2(left, y),
        vec2(width, header_rows as f32 * style.text_row + 2.0 * pad),
    );
    y = header.bottom();
    let room = |c: usize| specs[c].width - 2.0 * pad;
    let mut rows = Vec::with_capacity(items.len());
    for item in items {
        let row_cells = cells(item, &room);
        debug_assert_eq!(row_cells.len(), specs.len());
        let most = row_cells.iter().map(Cell::rows).max().unwrap_or(1);
        let height = most as f32 * style.text_row + 2.0 * pad;
        rows.push(SlideRow {
            y: Rangef::new(y, y + height),
            cells: row_cells,
        });
        y += height;
    }
    let empty = items.is_empty().then(|| {
        let rect = Rect::from_min_size(pos2(left, y), vec2(width, style.text_row + 2.0 * pad));
        y = rect.bottom();
        (rect, empty.to_owned())
    });
    Slide {
        size: vec2(left + width + style.margin, y + style.margin),
        title,
        lead: (lead_rect, lead),
        table: Rect::from_min_max(header.min, pos2(left + width, y)),
        header,
        columns,
        rows,
        empty,
    }
}

/// A list of short texts, each wrapped after its mark.
fn list(texts: &[String], mark: Mark, width: f32, style: &SlideStyle) -> Cell {
    let items = texts
        .iter()
        .map(|t| {
            words(
                t.as_str(),
                style.text_size,
                width - style.mark_room,
                style.max_rows,
            )
        })
        .collect();
    Cell::List { items, mark }
}

/// The gap analysis as a slide: stages from the largest gap between the current and the target
/// journey down, with the moments of gain and pain, the pain points and the KPIs of each. A
/// map without a target journey gets a slide that says so.
pub fn gap(map: &Map, style: &SlideStyle) -> Slide {
    let specs = [
        Spec {
            title: strings::col_stage(),
            width: 190.0,
            centered: false,
        },
        Spec {
            title: strings::col_current(),
            width: 96.0,
            centered: true,
        },
        Spec {
            title: strings::col_target(),
            width: 96.0,
            centered: true,
        },
        Spec {
            title: strings::col_gap(),
            width: 130.0,
            centered: false,
        },
        Spec {
            title: strings::col_gains(),
            width: 190.0,
            centered: false,
        },
        Spec {
            title: strings::col_pains(),
            width: 190.0,
            centered: false,
        },
        Spec {
            title: strings::col_pain_points(),
            width: 210.0,
            centered: false,
        },
        Spec {
            title: strings::col_kpis(),
            width: 200.0,
            centered: false,
        },
    ];
    let title = i18n::fmt("slide-gap-caption", &[("title", map.title.as_str().into())]);
    let (lead, rows, empty) = match report::gap::analyse(map) {
        Ok(analysis) => {
            let lead = i18n::fmt(
                "slide-gap-lead",
                &[
                    ("current", analysis.current.as_str().into()),
                    ("target", analysis.target.as_str().into()),
                ],
            );
            (lead, analysis.rows, String::new())
        }
        Err(error) => (String::new(), Vec::new(), error.to_string()),
    };
    table(style, title, lead, &specs, &rows, &empty, |row, room| {
        vec![
            Cell::Text {
                words: words(
                    row.stage_name.as_str(),
                    style.text_size,
                    room(0),
                    style.max_rows,
                ),
                strong: true,
            },
            Cell::Score(row.current),
            Cell::Score(row.target),
            Cell::Gap(row.gap),
            list(&row.gains, Mark::Gain, room(4), style),
            list(&row.pains, Mark::Pain, room(5), style),
            list(&row.pain_points, Mark::Pain, room(6), style),
            list(&row.kpis, Mark::Plain, room(7), style),
        ]
    })
}

/// Every action as a slide, in the roadmap's order (stream, horizon, priority), with the
/// columns of the editor's action table; the action itself first, as the column repeated on
/// every page of a tiled PDF. Narrow enough for one landscape A4 page while it is short.
pub fn actions(map: &Map, style: &SlideStyle) -> Slide {
    let specs = [
        Spec {
            title: strings::col_action(),
            width: 260.0,
            centered: false,
        },
        Spec {
            title: strings::col_priority(),
            width: 140.0,
            centered: false,
        },
        Spec {
            title: strings::col_stages(),
            width: 136.0,
            centered: false,
        },
        Spec {
            title: strings::col_owner(),
            width: 124.0,
            centered: false,
        },
        Spec {
            title: strings::col_stream(),
            width: 160.0,
            centered: false,
        },
        Spec {
            title: strings::col_impact(),
            width: 84.0,
            centered: false,
        },
        Spec {
            title: strings::col_effort(),
            width: 84.0,
            centered: false,
        },
        Spec {
            title: strings::col_horizon(),
            width: 110.0,
            centered: false,
        },
        Spec {
            title: strings::col_status(),
            width: 104.0,
            centered: false,
        },
        Spec {
            title: strings::col_kpi(),
            width: 130.0,
            centered: false,
        },
    ];
    let ordered = report::roadmap::ordered(map);
    let title = i18n::fmt(
        "slide-actions-caption",
        &[("title", map.title.as_str().into())],
    );
    let lead = i18n::fmt("slide-actions-lead", &[("count", ordered.len().into())]);
    let size = style.text_size;
    let max = style.max_rows;
    table(
        style,
        title,
        lead,
        &specs,
        &ordered,
        strings::cli_no_actions(),
        |action, room| {
            let priority = action.priority();
            let stages: Vec<&str> = action
                .stages
                .iter()
                .filter_map(|s| map.stage(*s))
                .map(|s| s.name.as_str())
                .collect();
            let owner = action
                .owner
                .and_then(|d| map.department(d))
                .map_or("", |d| d.name.as_str());
            let stream = action
                .stream
                .and_then(|s| map.streams.iter().position(|x| x.id == s));
            let stream_name = stream.map_or(strings::no_stream(), |i| map.streams[i].name.as_str());
            let kpi = action
                .kpi
                .and_then(|k| map.kpi(k))
                .map_or("", |k| k.name.as_str());
            let text = |t: &str, c: usize| Cell::Text {
                words: words(t, size, room(c), max),
                strong: false,
            };
            vec![
                Cell::Text {
                    words: words(action.title.as_str(), size, room(0), max),
                    strong: true,
                },
                Cell::Priority {
                    priority,
                    // The chip's own padding takes some of the room.
                    words: words(priority.label(), size, room(1) - 10.0, max),
                },
                text(&stages.join(", "), 2),
                text(owner, 3),
                Cell::Stream {
                    index: stream,
                    words: words(stream_name, size, room(4) - style.mark_room, max),
                },
                text(action.impact.label(), 5),
                text(action.effort.label(), 6),
                text(action.horizon.label(), 7),
                text(action.status.label(), 8),
                text(kpi, 9),
            ]
        },
    )
}

impl Slide {
    /// The header of the first column: with the first column, what a tiled page repeats.
    pub fn corner(&self) -> Rect {
        Rect::from_x_y_ranges(
            Rangef::new(self.header.left(), self.columns[0].x.max),
            self.header.y_range(),
        )
    }

    /// The rows, right of the first column.
    pub fn grid(&self) -> Rect {
        Rect::from_min_max(
            pos2(self.columns[0].x.max, self.header.bottom()),
            self.table.max,
        )
    }

    pub fn cell_rect(&self, column: usize, row: usize) -> Rect {
        Rect::from_x_y_ranges(self.columns[column].x, self.rows[row].y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates;

    #[test]
    fn the_gap_slide_ranks_the_stages_and_holds_their_words() {
        crate::i18n::set(crate::i18n::Lang::En);
        let map = templates::load("pizza").unwrap();
        let slide = gap(&map, &SlideStyle::default());
        assert_eq!(slide.rows.len(), map.stages.len());
        let Cell::Text { words, .. } = &slide.rows[0].cells[0] else {
            panic!("the stage comes first")
        };
        assert_eq!(words.text, "Receive and eat");
        assert_eq!(slide.rows[0].cells[3], Cell::Gap(Some(4.0)));
        // Rows follow each other, each tall enough for its fullest cell.
        for pair in slide.rows.windows(2) {
            assert_eq!(pair[0].y.max, pair[1].y.min);
        }
        let style = SlideStyle::default();
        for row in &slide.rows {
            let most = row.cells.iter().map(Cell::rows).max().unwrap();
            assert!(row.y.span() >= most as f32 * style.text_row);
        }
        assert!(slide.table.bottom() < slide.size.y);
        assert!(slide.empty.is_none());
    }

    #[test]
    fn a_long_pain_point_makes_its_row_taller() {
        crate::i18n::set(crate::i18n::Lang::En);
        let map = templates::load("pizza").unwrap();
        let before = gap(&map, &SlideStyle::default());
        let mut longer = map.clone();
        let stage = before.rows[0].cells.clone();
        let Cell::List { items, .. } = &stage[6] else {
            panic!("pain points in the seventh column")
        };
        let title = &items[0].text;
        let card = longer.cards.iter_mut().find(|c| &c.title == title).unwrap();
        card.title = "No way to report it at the door, ".repeat(6);
        let after = gap(&longer, &SlideStyle::default());
        assert!(after.rows[0].y.span() > before.rows[0].y.span());
    }

    #[test]
    fn without_a_target_the_gap_slide_says_so_and_without_actions_the_table_does() {
        crate::i18n::set(crate::i18n::Lang::En);
        let map = templates::load("five-steps").unwrap();
        let slide = gap(&map, &SlideStyle::default());
        assert!(slide.rows.is_empty());
        let (_, message) = slide.empty.expect("a message in place of rows");
        assert_eq!(message, strings::no_target_for_gap());
        let slide = actions(&map, &SlideStyle::default());
        assert_eq!(slide.empty.unwrap().1, strings::cli_no_actions());
    }

    #[test]
    fn the_action_slide_lists_every_action_in_roadmap_order() {
        crate::i18n::set(crate::i18n::Lang::En);
        let map = templates::load("pizza").unwrap();
        let slide = actions(&map, &SlideStyle::default());
        let titles: Vec<&str> = slide
            .rows
            .iter()
            .map(|r| match &r.cells[0] {
                Cell::Text { words, .. } => words.text.as_str(),
                other => panic!("the title is words, not {other:?}"),
            })
            .collect();
        let ordered: Vec<&str> = report::roadmap::ordered(&map)
            .iter()
            .map(|a| a.title.as_str())
            .collect();
        assert_eq!(titles, ordered);
        assert_eq!(slide.columns.len(), slide.rows[0].cells.len());
    }
}
