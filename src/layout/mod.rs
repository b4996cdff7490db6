//! Where everything goes, in map units (points at 100 % zoom, origin at the map's top-left).
//! A pure function of the map and a [`Style`]; painting, hit-testing and export all read it.

mod bands;
pub mod board;
pub mod legend;
pub mod slides;
pub mod text;

pub use bands::{
    Band, BandKind, BranchShape, ForkShape, KPI_BAR_HEIGHT, KPI_GAP, KPI_MAX_NAME_ROWS,
    KPI_NAME_ROW, KPI_NAME_SIZE, KPI_PAD, KPI_VALUE_ROW, KPI_VALUE_SIZE, KpiChip, PhaseBand,
};

use crate::model::{CardId, JourneyId, LaneId, LaneKind, Map, StageId};
use crate::view::View;
use egui::{Pos2, Rangef, Rect, Vec2, pos2, vec2};
use std::collections::HashMap;
use std::ops::Range;

/// Sizes of the map's parts, and which optional parts to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    pub margin: f32,
    pub title_height: f32,
    pub persona_height: f32,
    pub block_gap: f32,
    pub lane_header_width: f32,
    pub stage_width: f32,
    pub stage_header_height: f32,
    /// The least height of a card; a longer title makes it taller.
    pub card_height: f32,
    pub card_gap: f32,
    /// A card's title: its size, the height of one of its rows, and the most rows shown
    /// before a "more" mark.
    pub title_size: f32,
    pub title_row: f32,
    pub max_title_rows: usize,
    /// Cards show their notes under the title (exports may ask for it), at this size.
    pub show_notes: bool,
    pub notes_size: f32,
    pub notes_row: f32,
    pub max_notes_rows: usize,
    /// Stage names: their size, and the most rows a long one wraps into.
    pub stage_name_size: f32,
    pub max_stage_name_rows: usize,
    pub cell_padding: f32,
    /// Room under the last card of a lane's fullest cell, to double-click and drop into.
    pub cell_room: f32,
    pub feelings_lane_height: f32,
    /// Height of the band naming the phases, above the stage headers.
    pub phase_height: f32,
    /// Height of a decision's question, and of each of its branches, in the forks row.
    pub fork_question_height: f32,
    pub branch_height: f32,
    /// Radius of a face on the emotion curve.
    pub curve_face_radius: f32,
    /// Thickness of the "+" strips after the last stage and the last lane.
    pub add_button: f32,
    pub show_title: bool,
    pub show_persona: bool,
    pub show_add_buttons: bool,
    /// The KPI row under the stage headers (only when the map has KPIs).
    pub show_kpis: bool,
    /// The forks row (only when the shown journey has decisions).
    pub show_forks: bool,
    /// The phase band (only when the map has phases).
    pub show_phases: bool,
    /// A key to the feeling faces, the moment marks and the curves, under the grid (see
    /// [`legend`]).
    pub show_legend: bool,
}

impl Default for Style {
    fn default() -> Self {
        Self {
            margin: 24.0,
            title_height: 40.0,
            persona_height: 84.0,
            block_gap: 12.0,
            lane_header_width: 150.0,
            stage_width: 210.0,
            stage_header_height: 44.0,
            card_height: 66.0,
            card_gap: 8.0,
            title_size: 13.0,
            title_row: 15.0,
            max_title_rows: 8,
            show_notes: false,
            notes_size: 11.5,
            notes_row: 13.5,
            max_notes_rows: 6,
            stage_name_size: 14.5,
            max_stage_name_rows: 3,
            cell_padding: 8.0,
            cell_room: 22.0,
            feelings_lane_height: 150.0,
            phase_height: 30.0,
            fork_question_height: 44.0,
            branch_height: 24.0,
            curve_face_radius: 13.0,
            add_button: 34.0,
            show_title: true,
            show_persona: true,
            show_add_buttons: true,
            show_kpis: true,
            show_forks: true,
            show_phases: true,
            show_legend: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub id: StageId,
    pub header: Rect,
    pub x: Rangef,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: LaneId,
    pub kind: LaneKind,
    pub header: Rect,
    pub y: Rangef,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardSlot {
    pub id: CardId,
    /// Index of the card in `Map::cards` for the map this layout was computed from.
    pub index: usize,
    pub rect: Rect,
    /// Index in `Map::actions` of the action this card shows, if any.
    pub action: Option<usize>,
    /// What of the card's text fits: rows of title, rows of notes and of its moment's "why"
    /// (0 when notes are not shown), and whether the title goes on past its rows.
    pub text: CardText,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CardText {
    pub title_rows: u8,
    pub notes_rows: u8,
    pub why_rows: u8,
    pub more: bool,
}

/// Room a card keeps for its footer (channel, face, an action's badge).
const FOOTER: f32 = 22.0;
/// Padding inside a card.
const CARD_PAD: f32 = 8.0;

/// How tall a card is and which of its text shows: its whole title (up to the most rows), its
/// notes when asked, its footer.
pub fn card_text(card: &crate::model::Card, has_badge: bool, style: &Style) -> (f32, CardText) {
    let width = style.stage_width - 2.0 * style.cell_padding - 2.0 * CARD_PAD;
    let title_width = if card.moment.is_some() {
        width - 6.0
    } else {
        width
    };
    let (title_rows, more) = text::rows(
        &card.title,
        style.title_size,
        title_width,
        style.max_title_rows,
    );
    let notes_rows = if style.show_notes && !card.notes.trim().is_empty() {
        text::rows(&card.notes, style.notes_size, width, style.max_notes_rows).0
    } else {
        0
    };
    // A moment's "why" goes with the notes: under them, in the moment's colour.
    let why_rows = match &card.moment {
        Some(moment) if style.show_notes && !moment.why.trim().is_empty() => {
            text::rows(&moment.why, style.notes_size, width, style.max_notes_rows).0
        }
        _ => 0,
    };
    let footer = card.channel.is_some() || card.feeling.is_some() || has_badge;
    let mut height = 2.0 * CARD_PAD + title_rows as f32 * style.title_row;
    if notes_rows > 0 {
        height += 4.0 + notes_rows as f32 * style.notes_row;
    }
    if why_rows > 0 {
        height += 4.0 + why_rows as f32 * style.notes_row;
    }
    if footer {
        height += FOOTER;
    }
    if more {
        // Room for the "more" mark under the title.
        height += 8.0;
    }
    let text = CardText {
        title_rows: title_rows as u8,
        notes_rows: notes_rows as u8,
        why_rows: why_rows as u8,
        more,
    };
    (height.max(style.card_height), text)
}

#[derive(Clone, Debug, PartialEq)]
pub struct CurvePoint {
    pub column: usize,
    pub stage: StageId,
    pub pos: Pos2,
    /// −2.0 ..= 2.0
    pub score: f32,
    /// Set by hand rather than the mean of the stage's cards.
    pub manual: bool,
}

/// The emotion curve of one feelings lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub row: usize,
    /// y of a neutral feeling.
    pub mid_y: f32,
    /// Distance from the midline to the ±2 extremes.
    pub amplitude: f32,
    /// The shown journey's curve (the one to drag).
    pub points: Vec<CurvePoint>,
    /// The compared journey's curve, in an overlay.
    pub compared: Vec<CurvePoint>,
}

/// The gap between two curves at one stage: how far the compared journey (the target) is
/// from the shown one (the current), on the −2..+2 scale of the faces.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gap {
    pub column: usize,
    pub from: f32,
    pub to: f32,
}

impl Gap {
    pub fn size(&self) -> f32 {
        self.to - self.from
    }
}

impl Curve {
    /// Where both curves have a point, the gap between them, stage by stage.
    pub fn gaps(&self) -> Vec<Gap> {
        self.points
            .iter()
            .filter_map(|p| {
                let other = self.compared.iter().find(|c| c.column == p.column)?;
                Some(Gap {
                    column: p.column,
                    from: p.score,
                    to: other.score,
                })
            })
            .collect()
    }
}

impl Curve {
    pub fn y_of(&self, score: f32) -> f32 {
        self.mid_y - score / 2.0 * self.amplitude
    }

    pub fn score_at(&self, y: f32) -> f32 {
        ((self.mid_y - y) / self.amplitude * 2.0).clamp(-2.0, 2.0)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Extent of the whole map, margins included.
    pub size: Vec2,
    pub title: Option<Rect>,
    pub persona: Option<Rect>,
    /// The empty corner above the lane headers and left of the stage headers.
    pub corner: Rect,
    pub columns: Vec<Column>,
    /// Phase bands over the stage headers, in stage order.
    pub phases: Vec<PhaseBand>,
    /// Computed rows between the stage headers and the lanes, top to bottom.
    pub bands: Vec<Band>,
    pub rows: Vec<Row>,
    /// The area of all cells.
    pub grid: Rect,
    pub add_stage: Option<Rect>,
    pub add_lane: Option<Rect>,
    pub legend: Option<legend::Legend>,
    /// Card slots per cell, indexed `row * columns.len() + column`, in cell order.
    cells: Vec<Vec<CardSlot>>,
    pub curves: Vec<Curve>,
}

/// Lays out the journey `view` shows. Linear in the number of cards.
pub fn compute(map: &Map, view: &View, style: &Style) -> Layout {
    let cells = Cells::of(map, view);
    let (n_cols, stage_index) = (cells.n_cols, &cells.stage_index);
    let left = style.margin;
    let grid_width = n_cols as f32 * style.stage_width;
    let add = if style.show_add_buttons {
        style.add_button
    } else {
        0.0
    };
    let full_width = style.lane_header_width + grid_width + add;
    let mut y = style.margin;
    let title = style.show_title.then(|| {
        let rect = Rect::from_min_size(pos2(left, y), vec2(full_width, style.title_height));
        y = rect.bottom() + style.block_gap;
        rect
    });
    let persona = (style.show_persona && view.persona(map).is_some()).then(|| {
        let rect = Rect::from_min_size(pos2(left, y), vec2(full_width, style.persona_height));
        y = rect.bottom() + style.block_gap;
        rect
    });

    let phase_y = (style.show_phases && !map.phases.is_empty()).then(|| {
        let band = Rangef::new(y, y + style.phase_height);
        y = band.max;
        band
    });
    let header_top = y;
    let grid_left = left + style.lane_header_width;
    let header_height = stage_header_height(map, style);
    let headers_bottom = header_top + header_height;
    let corner = Rect::from_min_max(pos2(left, header_top), pos2(grid_left, headers_bottom));
    let columns: Vec<Column> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            let x = Rangef::new(
                grid_left + i as f32 * style.stage_width,
                grid_left + (i + 1) as f32 * style.stage_width,
            );
            Column {
                id: stage.id,
                header: Rect::from_x_y_ranges(x, Rangef::new(header_top, headers_bottom)),
                x,
            }
        })
        .collect();
    let phases = phase_y.map_or_else(Vec::new, |y| bands::phases(map, &columns, stage_index, y));

    // The computed rows, one under the other.
    let mut bands = Vec::new();
    let mut band_top = headers_bottom;
    let header_x = Rangef::new(left, grid_left);
    let mut push_band = |kind: BandKind, height: f32, top: &mut f32| {
        let y = Rangef::new(*top, *top + height);
        *top = y.max;
        bands.push(Band {
            kind,
            header: Rect::from_x_y_ranges(header_x, y),
            y,
        });
    };
    if let Some((chips, height)) = bands::kpis(map, style, &columns, stage_index, band_top) {
        push_band(BandKind::Kpis(chips), height, &mut band_top);
    }
    if let Some((forks, height)) =
        bands::forks(map, view.journey, style, &columns, stage_index, band_top)
    {
        push_band(BandKind::Forks(forks), height, &mut band_top);
    }
    let grid_top = band_top;

    let lanes = lanes(
        map,
        view,
        style,
        &cells,
        &columns,
        Rangef::new(left, grid_left),
        grid_top,
    );
    let (rows, slots, curves, top) = (lanes.rows, lanes.slots, lanes.curves, lanes.bottom);
    let grid = Rect::from_min_max(pos2(grid_left, grid_top), pos2(grid_left + grid_width, top));
    let add_stage = style.show_add_buttons.then(|| {
        Rect::from_min_max(
            pos2(grid.right(), header_top),
            pos2(grid.right() + add, top),
        )
    });
    let add_lane = style
        .show_add_buttons
        .then(|| Rect::from_min_max(pos2(left, top), pos2(grid.right(), top + add)));
    let mut bottom = top + add;
    let legend = style.show_legend.then(|| {
        let legend = legend::compute(map, view, pos2(left, bottom + style.block_gap), full_width);
        bottom = legend.rect.bottom();
        legend
    });
    Layout {
        size: vec2(left + full_width + style.margin, bottom + style.margin),
        title,
        persona,
        corner,
        columns,
        phases,
        bands,
        rows,
        grid,
        add_stage,
        add_lane,
        legend,
        cells: slots,
        curves,
    }
}

/// The map's cards of the shown journey, sorted into cells, and what the layout looks up.
struct Cells {
    stage_index: HashMap<StageId, usize>,
    /// Per cell (row-major), the cards' indices in the map and their ids.
    cells: Vec<Vec<(usize, CardId)>>,
    /// The action each card is, by card.
    actions: HashMap<CardId, usize>,
    n_cols: usize,
}

impl Cells {
    fn of(map: &Map, view: &View) -> Cells {
        let stage_index: HashMap<StageId, usize> = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let lane_index: HashMap<LaneId, usize> = map
            .lanes
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id, i))
            .collect();
        let actions: HashMap<CardId, usize> = map
            .actions
            .iter()
            .enumerate()
            .filter_map(|(i, a)| Some((a.card?, i)))
            .collect();
        let n_cols = map.stages.len();
        let mut cells: Vec<Vec<(usize, CardId)>> = vec![Vec::new(); n_cols * map.lanes.len()];
        let shown = map
            .cards
            .iter()
            .enumerate()
            .filter(|(_, c)| c.journey == view.journey);
        for (index, card) in shown {
            if let (Some(&c), Some(&r)) = (stage_index.get(&card.stage), lane_index.get(&card.lane))
            {
                cells[r * n_cols + c].push((index, card.id));
            }
        }
        Cells {
            stage_index,
            cells,
            actions,
            n_cols,
        }
    }
}

/// How tall the stage header row is: long stage names wrap, and the row is as tall as the
/// longest needs.
fn stage_header_height(map: &Map, style: &Style) -> f32 {
    let name_width = style.stage_width - 2.0 * 3.0 - 2.0 * 8.0 - 12.0;
    let name_rows = map
        .stages
        .iter()
        .map(|s| {
            text::rows(
                &s.name,
                style.stage_name_size,
                name_width,
                style.max_stage_name_rows,
            )
            .0
        })
        .max()
        .unwrap_or(1);
    style
        .stage_header_height
        .max(name_rows as f32 * style.stage_name_size * 1.2 + 16.0)
}

/// The lanes laid out one under the other from `top`, each as tall as its fullest cell.
struct Lanes {
    rows: Vec<Row>,
    slots: Vec<Vec<CardSlot>>,
    curves: Vec<Curve>,
    /// Where the last lane ends.
    bottom: f32,
}

fn lanes(
    map: &Map,
    view: &View,
    style: &Style,
    cells: &Cells,
    columns: &[Column],
    header_x: Rangef,
    grid_top: f32,
) -> Lanes {
    let (n_cols, actions) = (cells.n_cols, &cells.actions);
    let cells = &cells.cells;
    let (left, grid_left) = (header_x.min, header_x.max);
    let mut rows = Vec::with_capacity(map.lanes.len());
    let mut slots: Vec<Vec<CardSlot>> = Vec::with_capacity(cells.len());
    let mut curves = Vec::new();
    let mut top = grid_top;
    let card_width = style.stage_width - 2.0 * style.cell_padding;
    for (r, lane) in map.lanes.iter().enumerate() {
        // Each cell's cards stacked from the top; the lane is as tall as its fullest cell.
        let mut tallest: f32 = 0.0;
        for (c, column) in columns.iter().enumerate() {
            let ids = &cells[r * n_cols + c];
            let mut y = top + style.cell_padding;
            let mut cell = Vec::with_capacity(ids.len());
            for &(index, id) in ids {
                let action = if actions.is_empty() {
                    None
                } else {
                    actions.get(&id).copied()
                };
                let (height, text) = card_text(&map.cards[index], action.is_some(), style);
                cell.push(CardSlot {
                    id,
                    index,
                    action,
                    text,
                    rect: Rect::from_min_size(
                        pos2(column.x.min + style.cell_padding, y),
                        vec2(card_width, height),
                    ),
                });
                y += height + style.card_gap;
            }
            let used = if ids.is_empty() {
                style.card_height
            } else {
                y - style.card_gap - (top + style.cell_padding)
            };
            tallest = tallest.max(used);
            slots.push(cell);
        }
        let height = if lane.kind.holds_cards() {
            2.0 * style.cell_padding + tallest.max(style.card_height) + style.cell_room
        } else {
            style.feelings_lane_height
        };
        let y = Rangef::new(top, top + height);
        rows.push(Row {
            id: lane.id,
            kind: lane.kind,
            header: Rect::from_x_y_ranges(Rangef::new(left, grid_left), y),
            y,
        });
        if lane.kind == LaneKind::Feelings {
            curves.push(curve(map, view, style, r, y, columns));
        }
        top = y.max;
    }

    Lanes {
        rows,
        slots,
        curves,
        bottom: top,
    }
}

fn curve(
    map: &Map,
    view: &View,
    style: &Style,
    row: usize,
    y: Rangef,
    columns: &[Column],
) -> Curve {
    let mid_y = y.center();
    let amplitude = y.span() / 2.0 - style.curve_face_radius - 6.0;
    let mut curve = Curve {
        row,
        mid_y,
        amplitude,
        points: Vec::new(),
        compared: Vec::new(),
    };
    curve.points = curve_points(map, view.journey, &curve, columns);
    if let Some(other) = view.compare {
        curve.compared = curve_points(map, other, &curve, columns);
    }
    curve
}

fn curve_points(
    map: &Map,
    journey: JourneyId,
    curve: &Curve,
    columns: &[Column],
) -> Vec<CurvePoint> {
    let Some(journey) = map.journey(journey) else {
        return Vec::new();
    };
    map.stages
        .iter()
        .zip(columns)
        .enumerate()
        .filter_map(|(column, (stage, col))| {
            let score = map.stage_score(journey, stage.id)?;
            Some(CurvePoint {
                column,
                stage: stage.id,
                pos: pos2(col.x.center(), curve.y_of(score)),
                score,
                manual: journey.curve.contains_key(&stage.id),
            })
        })
        .collect()
}

/// The index an item at `from` moves to when dropped into `gap` (0 = before the first item,
/// `len` = after the last); `None` when it would stay where it is.
pub fn moved_index(from: usize, gap: usize) -> Option<usize> {
    let to = if gap > from { gap - 1 } else { gap };
    (to != from).then_some(to)
}

/// Where a dragged card would land.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DropTarget {
    pub column: usize,
    pub row: usize,
    /// Index inside the cell, counted without the dragged card.
    pub index: usize,
    /// Where to draw the insertion marker (a horizontal line across the cell).
    pub marker_y: f32,
}

impl Layout {
    pub fn cell(&self, column: usize, row: usize) -> &[CardSlot] {
        &self.cells[row * self.columns.len() + column]
    }

    pub fn cell_rect(&self, column: usize, row: usize) -> Rect {
        Rect::from_x_y_ranges(self.columns[column].x, self.rows[row].y)
    }

    pub fn card_rect(&self, id: CardId) -> Option<Rect> {
        self.cells
            .iter()
            .flatten()
            .find(|s| s.id == id)
            .map(|s| s.rect)
    }

    /// Column and row of the cell under `pos`, if any.
    pub fn cell_at(&self, pos: Pos2) -> Option<(usize, usize)> {
        Some((self.column_at(pos.x)?, self.row_at(pos.y)?))
    }

    pub fn column_at(&self, x: f32) -> Option<usize> {
        let i = self.columns.partition_point(|c| c.x.max <= x);
        (i < self.columns.len() && self.columns[i].x.contains(x)).then_some(i)
    }

    pub fn row_at(&self, y: f32) -> Option<usize> {
        let i = self.rows.partition_point(|r| r.y.max <= y);
        (i < self.rows.len() && self.rows[i].y.contains(y)).then_some(i)
    }

    pub fn card_at(&self, pos: Pos2) -> Option<CardId> {
        let (c, r) = self.cell_at(pos)?;
        self.cell(c, r)
            .iter()
            .find(|s| s.rect.contains(pos))
            .map(|s| s.id)
    }

    /// Columns and rows that overlap `area` (e.g. the visible part of the map).
    pub fn visible(&self, area: Rect) -> (Range<usize>, Range<usize>) {
        let cols = self.columns.partition_point(|c| c.x.max < area.left())
            ..self.columns.partition_point(|c| c.x.min <= area.right());
        let rows = self.rows.partition_point(|r| r.y.max < area.top())
            ..self.rows.partition_point(|r| r.y.min <= area.bottom());
        (cols, rows)
    }

    /// The cell slot and index a card dropped at `pos` goes to; `None` outside card cells.
    pub fn drop_target(&self, pos: Pos2, dragged: Option<CardId>) -> Option<DropTarget> {
        let (column, row) = self.cell_at(pos)?;
        if !self.rows[row].kind.holds_cards() {
            return None;
        }
        let slots: Vec<&CardSlot> = self
            .cell(column, row)
            .iter()
            .filter(|s| Some(s.id) != dragged)
            .collect();
        let index = slots
            .iter()
            .take_while(|s| s.rect.center().y < pos.y)
            .count();
        let marker_y = match (index.checked_sub(1).map(|i| slots[i]), slots.get(index)) {
            (_, Some(next)) => next.rect.top() - 4.0,
            (Some(prev), None) => prev.rect.bottom() + 4.0,
            (None, None) => self.rows[row].y.min + 4.0,
        };
        Some(DropTarget {
            column,
            row,
            index,
            marker_y,
        })
    }

    /// The gap (0 = before the first, `len` = after the last) a dragged stage header would
    /// drop into, for a pointer at `x`…
    pub fn stage_gap(&self, x: f32) -> usize {
        self.columns.partition_point(|c| c.x.center() < x)
    }

    /// … and a lane header, for a pointer at `y`.
    pub fn lane_gap(&self, y: f32) -> usize {
        self.rows.partition_point(|r| r.y.center() < y)
    }

    pub fn curve_for_row(&self, row: usize) -> Option<&Curve> {
        self.curves.iter().find(|c| c.row == row)
    }

    /// How far the stage headers (with the phase band) move down, and the lane headers right,
    /// to stay in sight while `visible` (the part of the map on screen) is scrolled past them:
    /// sticky headers. Zero while they are in sight anyway; never past the last lane or stage.
    pub fn pins(&self, visible: Rect) -> Vec2 {
        let Some(first) = self.columns.first() else {
            return Vec2::ZERO;
        };
        let top = self
            .phases
            .first()
            .map_or(first.header.top(), |p| p.rect.top());
        let headers = Rect::from_x_y_ranges(
            self.corner.x_range(),
            Rangef::new(top, first.header.bottom()),
        );
        sticky(visible, headers, self.grid)
    }

    /// The top of the header block (the phase band when there are phases, else the stage
    /// headers).
    pub fn headers_top(&self) -> f32 {
        self.phases
            .first()
            .map(|p| p.rect.top())
            .or(self.columns.first().map(|c| c.header.top()))
            .unwrap_or(self.corner.top())
    }

    /// The KPI cell of a column.
    pub fn kpi_cell(&self, column: usize) -> Option<Rect> {
        let row = self.kpi_band()?;
        Some(Rect::from_x_y_ranges(self.columns.get(column)?.x, row.y))
    }

    pub fn kpi_band(&self) -> Option<&Band> {
        self.bands
            .iter()
            .find(|b| matches!(b.kind, BandKind::Kpis(_)))
    }

    /// The KPI chips, in stage order.
    pub fn kpi_chips(&self) -> &[KpiChip] {
        self.bands
            .iter()
            .find_map(|b| match &b.kind {
                BandKind::Kpis(chips) => Some(chips.as_slice()),
                _ => None,
            })
            .unwrap_or(&[])
    }

    /// The decisions drawn in the forks row.
    pub fn forks(&self) -> &[ForkShape] {
        self.bands
            .iter()
            .find_map(|b| match &b.kind {
                BandKind::Forks(forks) => Some(forks.as_slice()),
                _ => None,
            })
            .unwrap_or(&[])
    }

    /// The decision whose question or branch labels are under `pos`.
    pub fn fork_at(&self, pos: Pos2) -> Option<crate::model::ForkId> {
        self.forks()
            .iter()
            .find(|f| f.rect().contains(pos))
            .map(|f| f.id)
    }

    /// The phase whose band is under `pos`.
    pub fn phase_at(&self, pos: Pos2) -> Option<crate::model::PhaseId> {
        self.phases
            .iter()
            .find(|p| p.rect.contains(pos))
            .map(|p| p.id)
    }
}

/// How far headers move to stay in sight (sticky headers) while `visible` is scrolled past
/// them: the column headers down, the row headers right. `corner` is where the two meet
/// (its width: the row headers'; its height: the column headers'). Zero while they are in
/// sight anyway; never past the end of `grid`. Shared by the journey and the roadmap board.
pub fn sticky(visible: Rect, corner: Rect, grid: Rect) -> Vec2 {
    let dx = (visible.left() - corner.left()).clamp(0.0, (grid.right() - corner.right()).max(0.0));
    let dy = (visible.top() - corner.top()).clamp(0.0, (grid.bottom() - corner.bottom()).max(0.0));
    vec2(dx, dy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates;

    #[test]
    fn cards_sit_inside_their_cells_in_order() {
        let map = templates::load("pizza").unwrap();
        let view = View::of(&map);
        let layout = compute(&map, &view, &Style::default());
        assert_eq!(layout.columns.len(), map.stages.len());
        assert_eq!(layout.rows.len(), map.lanes.len());
        for card in map.cards_of(view.journey) {
            let c = map.stage_index(card.stage).unwrap();
            let r = map.lane_index(card.lane).unwrap();
            let rect = layout.card_rect(card.id).unwrap();
            assert!(layout.cell_rect(c, r).contains_rect(rect));
            assert_eq!(layout.card_at(rect.center()), Some(card.id));
            assert_eq!(layout.cell_at(rect.center()), Some((c, r)));
        }
        // Two cards in the same cell are stacked in list order.
        let a = layout.card_rect(map.cards[1].id).unwrap();
        let b = layout.card_rect(map.cards[2].id).unwrap();
        assert!(a.bottom() < b.top());
        // Only the shown journey's cards are laid out.
        let target = map.current_and_target().unwrap().1;
        let other = map.cards_of(target.id).next().unwrap();
        assert_eq!(layout.card_rect(other.id), None);
        // The phases sit above the stage headers; the KPI row, then the forks row, between
        // the stage headers and the grid.
        assert_eq!(layout.phases.len(), 3);
        assert_eq!(
            layout.phases[0].rect.bottom(),
            layout.columns[0].header.top()
        );
        assert_eq!(layout.phases[1].rect.left(), layout.columns[2].x.min);
        assert_eq!(layout.phases[1].rect.right(), layout.columns[4].x.max);
        assert_eq!(layout.bands.len(), 2);
        let kpis = layout.kpi_band().unwrap();
        assert_eq!(kpis.y.min, layout.columns[0].header.bottom());
        assert_eq!(layout.bands[1].y.min, kpis.y.max);
        assert_eq!(layout.bands[1].y.max, layout.grid.top());
        // The fork: its question in its stage's column, a branch to "Order", one leaving.
        let fork = &layout.forks()[0];
        let column = map.stage_index(map.forks[0].stage).unwrap();
        assert!(layout.columns[column].x.contains(fork.question.center().x));
        assert_eq!(fork.branches[0].column, Some(column + 1));
        assert_eq!(fork.branches[0].to.x, layout.columns[column + 1].x.center());
        assert_eq!(fork.branches[1].column, None);
        assert!(fork.branches[1].to.x > layout.columns[column].x.max);
        assert_eq!(layout.fork_at(fork.question.center()), Some(fork.id));
        assert_eq!(
            layout.phase_at(layout.phases[2].rect.center()),
            Some(map.phases[2].id)
        );
        // The target journey has no decisions: no forks row.
        let target = View {
            journey: map.current_and_target().unwrap().1.id,
            compare: None,
        };
        let layout = compute(&map, &target, &Style::default());
        assert!(layout.forks().is_empty());
        assert_eq!(layout.bands.len(), 1);
    }

    #[test]
    fn forks_that_do_not_overlap_share_a_track() {
        use crate::model::{Branch, Fork, ForkId};
        let mut map = templates::load("five-steps").unwrap();
        let journey = map.journeys[0].id;
        let fork = |id, at: usize, to: usize| Fork {
            id: ForkId(id),
            journey,
            stage: map.stages[at].id,
            question: "?".into(),
            branches: vec![
                Branch {
                    label: "a".into(),
                    to: Some(map.stages[to].id),
                },
                Branch {
                    label: "b".into(),
                    to: None,
                },
            ],
        };
        let forks = vec![fork(1, 0, 1), fork(2, 3, 4), fork(3, 1, 3)];
        map.forks = forks;
        let layout = compute(&map, &View::of(&map), &Style::default());
        let shapes = layout.forks();
        assert_eq!(shapes.len(), 3);
        let top = |id: u32| shapes.iter().find(|s| s.id.0 == id).unwrap().question.top();
        // 1 (stages 0–1) and 2 (3–4) share the first track; 3 (1–3) overlaps both.
        assert_eq!(top(1), top(2));
        assert!(top(3) > top(1));
    }

    #[test]
    fn a_branch_back_keeps_its_label_clear_of_the_spine() {
        use crate::model::{Branch, Fork, ForkId};
        let mut map = templates::load("five-steps").unwrap();
        let journey = map.journeys[0].id;
        map.forks = vec![Fork {
            id: ForkId(1),
            journey,
            stage: map.stages[2].id,
            question: "?".into(),
            branches: vec![
                Branch {
                    label: "on".into(),
                    to: Some(map.stages[3].id),
                },
                Branch {
                    label: "back".into(),
                    to: Some(map.stages[1].id),
                },
            ],
        }];
        let layout = compute(&map, &View::of(&map), &Style::default());
        let shape = &layout.forks()[0];
        let (on, back) = (&shape.branches[0], &shape.branches[1]);
        let spine = back.from.x;
        assert!(back.to.x < spine);
        assert!(back.label.right() < spine && back.label.left() > back.to.x);
        assert!(on.label.left() > spine && on.label.right() <= on.to.x);
    }

    #[test]
    fn an_overlay_lays_out_both_curves_and_their_gaps() {
        let map = templates::load("pizza").unwrap();
        let view = View::overlay(&map).unwrap();
        let layout = compute(&map, &view, &Style::default());
        let curve = &layout.curves[0];
        assert_eq!(curve.points.len(), map.stages.len());
        assert_eq!(curve.compared.len(), map.stages.len());
        let gaps = curve.gaps();
        assert_eq!(gaps.len(), map.stages.len());
        let receive = map
            .stages
            .iter()
            .position(|s| s.name == "Receive and eat")
            .unwrap();
        let gap = gaps.iter().find(|g| g.column == receive).unwrap();
        assert_eq!((gap.from, gap.to, gap.size()), (-2.0, 2.0, 4.0));
        let alone = compute(&map, &View::of(&map), &Style::default());
        assert!(alone.curves[0].compared.is_empty());
    }

    #[test]
    fn emotion_curve_follows_the_feelings() {
        let map = templates::load("pizza").unwrap();
        let layout = compute(&map, &View::of(&map), &Style::default());
        let curve = &layout.curves[0];
        assert_eq!(curve.points.len(), map.stages.len());
        let order = map.stages.iter().position(|s| s.name == "Order").unwrap();
        let receive = map
            .stages
            .iter()
            .position(|s| s.name == "Receive and eat")
            .unwrap();
        assert!(
            curve.points[order].pos.y < curve.mid_y,
            "delighted is above the midline"
        );
        assert!(
            curve.points[receive].pos.y > curve.mid_y,
            "angry is below it"
        );
        assert!((curve.score_at(curve.y_of(1.0)) - 1.0).abs() < 1e-4);
    }

    #[test]
    fn dropping_into_a_gap_moves_to_the_right_index() {
        // Items a b c d; `a` dropped into the gap before `c` (gap 2) ends up at index 1.
        assert_eq!(moved_index(0, 2), Some(1));
        assert_eq!(moved_index(3, 0), Some(0));
        assert_eq!(moved_index(1, 4), Some(3));
        // The gaps on either side of an item leave it in place.
        assert_eq!(moved_index(2, 2), None);
        assert_eq!(moved_index(2, 3), None);
    }

    #[test]
    fn drop_target_and_slots() {
        let map = templates::load("pizza").unwrap();
        let layout = compute(&map, &View::of(&map), &Style::default());
        let two = layout.cell(1, 0);
        assert_eq!(two.len(), 2);
        let below_all = pos2(two[1].rect.center().x, two[1].rect.bottom() + 2.0);
        assert_eq!(layout.drop_target(below_all, None).unwrap().index, 2);
        assert_eq!(
            layout
                .drop_target(below_all, Some(two[0].id))
                .unwrap()
                .index,
            1
        );
        let above = pos2(two[0].rect.center().x, two[0].rect.top() + 1.0);
        assert_eq!(layout.drop_target(above, None).unwrap().index, 0);
        let feelings = map
            .lanes
            .iter()
            .position(|l| l.kind == LaneKind::Feelings)
            .unwrap();
        let in_feelings = layout.cell_rect(0, feelings).center();
        assert_eq!(layout.drop_target(in_feelings, None), None);
        assert_eq!(layout.stage_gap(layout.columns[3].x.center() + 1.0), 4);
        assert_eq!(layout.stage_gap(-100.0), 0);
        assert_eq!(layout.stage_gap(1e9), map.stages.len());
        assert_eq!(layout.lane_gap(layout.rows[1].y.center() - 1.0), 1);
        let (cols, rows) = layout.visible(layout.cell_rect(2, 1).shrink(5.0));
        assert_eq!((cols, rows), (2..3, 1..2));
    }
}
