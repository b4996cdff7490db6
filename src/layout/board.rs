//! The roadmap board: streams as rows, horizons (now, next, later) as columns, actions as cards
//! in the cells. A pure function of the map and a [`BoardStyle`], like the journey's layout;
//! painting, hit-testing and export all read it.

use crate::model::{ActionId, Horizon, Map, StreamId};
use egui::{Pos2, Rangef, Rect, Vec2, pos2, vec2};

#[derive(Clone, Debug, PartialEq)]
pub struct BoardStyle {
    pub margin: f32,
    pub title_height: f32,
    pub block_gap: f32,
    pub header_height: f32,
    pub stream_header_width: f32,
    pub column_width: f32,
    pub card_height: f32,
    pub card_gap: f32,
    pub cell_padding: f32,
    /// Room under the last card of a row's fullest cell, to drop into.
    pub cell_room: f32,
    pub show_title: bool,
    /// A key to the priorities, under the board.
    pub show_legend: bool,
    pub legend_height: f32,
}

impl Default for BoardStyle {
    fn default() -> Self {
        Self {
            margin: 24.0,
            title_height: 40.0,
            block_gap: 12.0,
            header_height: 44.0,
            stream_header_width: 190.0,
            column_width: 300.0,
            card_height: 78.0,
            card_gap: 8.0,
            cell_padding: 10.0,
            cell_room: 22.0,
            show_title: true,
            show_legend: false,
            legend_height: 56.0,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct BoardColumn {
    pub horizon: Horizon,
    pub header: Rect,
    pub x: Rangef,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BoardRow {
    /// `None`: the row of actions not yet given a stream.
    pub stream: Option<StreamId>,
    /// The stream's place in the map's list (its colour), if any.
    pub index: Option<usize>,
    pub header: Rect,
    pub y: Rangef,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ActionSlot {
    pub id: ActionId,
    /// Index of the action in `Map::actions`.
    pub index: usize,
    pub rect: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Board {
    pub size: Vec2,
    pub title: Option<Rect>,
    pub corner: Rect,
    pub columns: Vec<BoardColumn>,
    pub rows: Vec<BoardRow>,
    pub grid: Rect,
    pub legend: Option<Rect>,
    /// Slots per cell, indexed `row * columns.len() + column`.
    cells: Vec<Vec<ActionSlot>>,
}

/// Where a dragged action would land.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoardDrop {
    pub column: usize,
    pub row: usize,
}

pub fn compute(map: &Map, style: &BoardStyle) -> Board {
    let mut rows: Vec<(Option<StreamId>, Option<usize>)> = map
        .streams
        .iter()
        .enumerate()
        .map(|(i, s)| (Some(s.id), Some(i)))
        .collect();
    let unsorted = map
        .actions
        .iter()
        .any(|a| a.stream.is_none_or(|s| map.stream(s).is_none()));
    if unsorted || rows.is_empty() {
        rows.push((None, None));
    }
    let row_of = |stream: Option<StreamId>| {
        rows.iter()
            .position(|(s, _)| *s == stream)
            .unwrap_or(rows.len() - 1)
    };
    let n_cols = Horizon::ALL.len();
    let mut cells: Vec<Vec<usize>> = vec![Vec::new(); rows.len() * n_cols];
    for (index, action) in map.actions.iter().enumerate() {
        let c = Horizon::ALL
            .iter()
            .position(|h| *h == action.horizon)
            .unwrap_or(0);
        cells[row_of(action.stream) * n_cols + c].push(index);
    }

    let left = style.margin;
    let grid_left = left + style.stream_header_width;
    let full_width = style.stream_header_width + n_cols as f32 * style.column_width;
    let mut y = style.margin;
    let title = style.show_title.then(|| {
        let rect = Rect::from_min_size(pos2(left, y), vec2(full_width, style.title_height));
        y = rect.bottom() + style.block_gap;
        rect
    });
    let header_top = y;
    let grid_top = header_top + style.header_height;
    let corner = Rect::from_min_max(pos2(left, header_top), pos2(grid_left, grid_top));
    let columns: Vec<BoardColumn> = Horizon::ALL
        .iter()
        .enumerate()
        .map(|(i, horizon)| {
            let x = Rangef::new(
                grid_left + i as f32 * style.column_width,
                grid_left + (i + 1) as f32 * style.column_width,
            );
            BoardColumn {
                horizon: *horizon,
                header: Rect::from_x_y_ranges(x, Rangef::new(header_top, grid_top)),
                x,
            }
        })
        .collect();
    let step = style.card_height + style.card_gap;
    let mut top = grid_top;
    let mut board_rows = Vec::with_capacity(rows.len());
    let mut slots = Vec::with_capacity(cells.len());
    for (r, (stream, index)) in rows.iter().enumerate() {
        let most = (0..n_cols)
            .map(|c| cells[r * n_cols + c].len())
            .max()
            .unwrap_or(0)
            .max(1);
        let height =
            2.0 * style.cell_padding + most as f32 * step - style.card_gap + style.cell_room;
        let y = Rangef::new(top, top + height);
        board_rows.push(BoardRow {
            stream: *stream,
            index: *index,
            header: Rect::from_x_y_ranges(Rangef::new(left, grid_left), y),
            y,
        });
        for (c, column) in columns.iter().enumerate() {
            slots.push(
                cells[r * n_cols + c]
                    .iter()
                    .enumerate()
                    .map(|(k, &index)| ActionSlot {
                        id: map.actions[index].id,
                        index,
                        rect: Rect::from_min_size(
                            pos2(
                                column.x.min + style.cell_padding,
                                top + style.cell_padding + k as f32 * step,
                            ),
                            vec2(
                                style.column_width - 2.0 * style.cell_padding,
                                style.card_height,
                            ),
                        ),
                    })
                    .collect(),
            );
        }
        top = y.max;
    }
    let grid = Rect::from_min_max(
        pos2(grid_left, grid_top),
        pos2(grid_left + n_cols as f32 * style.column_width, top),
    );
    let mut bottom = top;
    let legend = style.show_legend.then(|| {
        let rect = Rect::from_min_size(
            pos2(left, bottom + style.block_gap),
            vec2(full_width, style.legend_height),
        );
        bottom = rect.bottom();
        rect
    });
    Board {
        size: vec2(left + full_width + style.margin, bottom + style.margin),
        title,
        corner,
        columns,
        rows: board_rows,
        grid,
        legend,
        cells: slots,
    }
}

impl Board {
    /// How far the horizon headers move down, and the stream headers right, to stay in sight
    /// while `visible` (the part of the board on screen) is scrolled past them; zero while
    /// they are in sight anyway, never past the last row or column. As the journey's headers.
    pub fn pins(&self, visible: Rect) -> Vec2 {
        super::sticky(visible, self.corner, self.grid)
    }

    pub fn cell(&self, column: usize, row: usize) -> &[ActionSlot] {
        &self.cells[row * self.columns.len() + column]
    }

    pub fn slots(&self) -> impl Iterator<Item = &ActionSlot> {
        self.cells.iter().flatten()
    }

    pub fn action_rect(&self, id: ActionId) -> Option<Rect> {
        self.slots().find(|s| s.id == id).map(|s| s.rect)
    }

    pub fn cell_at(&self, pos: Pos2) -> Option<(usize, usize)> {
        let c = self.columns.iter().position(|c| c.x.contains(pos.x))?;
        let r = self.rows.iter().position(|r| r.y.contains(pos.y))?;
        Some((c, r))
    }

    pub fn action_at(&self, pos: Pos2) -> Option<ActionId> {
        let (c, r) = self.cell_at(pos)?;
        self.cell(c, r)
            .iter()
            .find(|s| s.rect.contains(pos))
            .map(|s| s.id)
    }

    /// The cell a dragged action would go to.
    pub fn drop_target(&self, pos: Pos2) -> Option<BoardDrop> {
        let (column, row) = self.cell_at(pos)?;
        Some(BoardDrop { column, row })
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
    fn headers_stay_in_sight_but_never_past_the_last_row_or_column() {
        let map = templates::load("pizza").unwrap();
        let board = compute(&map, &BoardStyle::default());
        let whole = Rect::from_min_size(Pos2::ZERO, board.size);
        assert_eq!(board.pins(whole), Vec2::ZERO);
        let scrolled = whole.translate(vec2(300.0, 100.0));
        assert_eq!(
            board.pins(scrolled),
            vec2(300.0 - board.corner.left(), 100.0 - board.corner.top())
        );
        let far = whole.translate(vec2(10_000.0, 10_000.0));
        let pins = board.pins(far);
        assert_eq!(board.corner.right() + pins.x, board.grid.right());
        assert_eq!(board.corner.bottom() + pins.y, board.grid.bottom());
    }

    #[test]
    fn actions_sit_in_their_stream_and_horizon() {
        let map = templates::load("pizza").unwrap();
        let board = compute(&map, &BoardStyle::default());
        assert_eq!(board.columns.len(), 3);
        assert_eq!(
            board.rows.len(),
            map.streams.len(),
            "no row for unsorted actions"
        );
        for action in &map.actions {
            let rect = board.action_rect(action.id).unwrap();
            let (c, r) = board.cell_at(rect.center()).unwrap();
            assert_eq!(board.columns[c].horizon, action.horizon);
            assert_eq!(board.rows[r].stream, action.stream);
            assert_eq!(board.action_at(rect.center()), Some(action.id));
        }
        let mut loose = map.clone();
        loose.actions[0].stream = None;
        let board = compute(&loose, &BoardStyle::default());
        assert_eq!(board.rows.len(), map.streams.len() + 1);
        assert_eq!(board.rows.last().unwrap().stream, None);
    }
}
