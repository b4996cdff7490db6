//! The computed rows between the stage headers and the lanes (KPIs, decision forks), and the
//! phase bands above the stage headers. Rows are data: painting and hit-testing walk the list
//! rather than knowing each kind by name.

use super::{Column, Style, text};
use crate::model::{ForkId, JourneyId, KpiId, Map, PhaseId};
use egui::{Pos2, Rangef, Rect, pos2, vec2};
use std::collections::HashMap;

/// A KPI chip's name: its size, the height of one of its rows, and the most rows it wraps
/// into (a name is short; only a pathological one is cut, with "…").
pub const KPI_NAME_SIZE: f32 = 12.5;
pub const KPI_NAME_ROW: f32 = 15.0;
pub const KPI_MAX_NAME_ROWS: usize = 6;
/// Its values ("70 → 95 %"), larger: the number a sponsor remembers.
pub const KPI_VALUE_SIZE: f32 = 15.0;
pub const KPI_VALUE_ROW: f32 = 18.0;
/// The bar from today's value to the target, under the values.
pub const KPI_BAR_HEIGHT: f32 = 12.0;
/// Padding inside a chip, and the gap between chips of one stage.
pub const KPI_PAD: f32 = 6.0;
pub const KPI_GAP: f32 = 6.0;

/// A phase's band, above the headers of its stages.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseBand {
    pub id: PhaseId,
    pub rect: Rect,
}

/// A computed row under the stage headers.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub kind: BandKind,
    /// The row's header, in the lane-header column.
    pub header: Rect,
    pub y: Rangef,
}

#[derive(Clone, Debug, PartialEq)]
pub enum BandKind {
    /// Each stage's KPIs, as chips stacked in its column, in stage order.
    Kpis(Vec<KpiChip>),
    /// The shown journey's decisions.
    Forks(Vec<ForkShape>),
}

/// A KPI in its stage's cell of the KPI row: a chip with its name whole (wrapped), its values
/// and, when both values are numbers, a bar from today's to the target.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiChip {
    pub id: KpiId,
    pub column: usize,
    pub rect: Rect,
    /// Rows of the name, and whether the name goes on past the most rows.
    pub name_rows: u8,
    pub more: bool,
    /// Rows of the values (two only for very long numbers or units).
    pub value_rows: u8,
    pub bar: bool,
}

/// A decision drawn in the forks row: its question in the fork's column, and a path per
/// branch from under the question to where it leads.
#[derive(Clone, Debug, PartialEq)]
pub struct ForkShape {
    pub id: ForkId,
    pub column: usize,
    pub question: Rect,
    pub branches: Vec<BranchShape>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BranchShape {
    /// Where the branch leaves the fork's spine, and where its arrow ends: over the column it
    /// leads to, or past the fork's column when it leaves the journey.
    pub from: Pos2,
    pub to: Pos2,
    /// The branch's label, along its path.
    pub label: Rect,
    /// The column it leads to; `None`: out of the journey.
    pub column: Option<usize>,
}

impl ForkShape {
    /// The area to click to select the fork.
    pub fn rect(&self) -> Rect {
        self.branches
            .iter()
            .fold(self.question, |r, b| r.union(b.label))
    }
}

/// The phase bands over `columns`, `y` tall.
pub fn phases(
    map: &Map,
    columns: &[Column],
    index: &HashMap<crate::model::StageId, usize>,
    y: Rangef,
) -> Vec<PhaseBand> {
    map.phases
        .iter()
        .filter_map(|phase| {
            let first = *index.get(phase.stages.first()?)?;
            let last = *index.get(phase.stages.last()?)?;
            let (a, b) = (first.min(last), first.max(last));
            Some(PhaseBand {
                id: phase.id,
                rect: Rect::from_x_y_ranges(Rangef::new(columns[a].x.min, columns[b].x.max), y),
            })
        })
        .collect()
}

/// The KPI row from `top`: each stage's KPIs as chips stacked in its column, and the row's
/// height (as tall as the tallest stack). `None` when no stage has KPIs.
pub fn kpis(
    map: &Map,
    style: &Style,
    columns: &[Column],
    index: &HashMap<crate::model::StageId, usize>,
    top: f32,
) -> Option<(Vec<KpiChip>, f32)> {
    if !style.show_kpis || map.kpis.is_empty() {
        return None;
    }
    let width = style.stage_width - 2.0 * style.cell_padding;
    let room = width - 2.0 * KPI_PAD;
    // Where the next chip of each column goes.
    let mut next = vec![top + style.cell_padding; columns.len()];
    let mut chips = Vec::with_capacity(map.kpis.len());
    for kpi in &map.kpis {
        let Some(&column) = index.get(&kpi.stage) else {
            continue;
        };
        let (name_rows, more) = text::rows(&kpi.name, KPI_NAME_SIZE, room, KPI_MAX_NAME_ROWS);
        let (value_rows, _) = text::rows(&kpi.values(), KPI_VALUE_SIZE, room, 2);
        let bar = kpi.current.is_some() && kpi.target.is_some();
        let height = 2.0 * KPI_PAD
            + name_rows as f32 * KPI_NAME_ROW
            + 2.0
            + value_rows as f32 * KPI_VALUE_ROW
            + if bar { KPI_BAR_HEIGHT } else { 0.0 };
        let y = next[column];
        next[column] = y + height + KPI_GAP;
        chips.push(KpiChip {
            id: kpi.id,
            column,
            rect: Rect::from_min_size(
                pos2(columns[column].x.min + style.cell_padding, y),
                vec2(width, height),
            ),
            name_rows: name_rows as u8,
            more,
            value_rows: value_rows as u8,
            bar,
        });
    }
    if chips.is_empty() {
        return None;
    }
    chips.sort_by_key(|c| c.column);
    let bottom = chips.iter().map(|c| c.rect.bottom()).fold(top, f32::max);
    Some((chips, bottom + style.cell_padding - top))
}

/// The forks row of `journey`, from `top`: forks whose paths do not overlap share a track;
/// the others stack. `None` when the journey has no forks.
pub fn forks(
    map: &Map,
    journey: JourneyId,
    style: &Style,
    columns: &[Column],
    index: &HashMap<crate::model::StageId, usize>,
    top: f32,
) -> Option<(Vec<ForkShape>, f32)> {
    if !style.show_forks {
        return None;
    }
    let mut placed: Vec<(usize, usize, &crate::model::Fork)> = map
        .forks_of(journey)
        .filter_map(|fork| {
            let column = *index.get(&fork.stage)?;
            let ends = fork.branches.iter().map(|b| match b.to {
                Some(to) => index.get(&to).copied().unwrap_or(column),
                None => (column + 1).min(columns.len().saturating_sub(1)),
            });
            let (lo, hi) = ends.fold((column, column), |(lo, hi), e| (lo.min(e), hi.max(e)));
            Some((lo, hi, fork))
        })
        .collect();
    if placed.is_empty() {
        return None;
    }
    placed.sort_by_key(|(lo, hi, fork)| (*lo, *hi, fork.id));
    // Tracks: the last column each one reaches, and its height.
    let mut tracks: Vec<(usize, f32)> = Vec::new();
    let mut track_of = Vec::with_capacity(placed.len());
    for (lo, hi, fork) in &placed {
        let height = fork_height(style, fork.branches.len());
        match tracks.iter().position(|(end, _)| end < lo) {
            Some(t) => {
                tracks[t] = (*hi, tracks[t].1.max(height));
                track_of.push(t);
            }
            None => {
                tracks.push((*hi, height));
                track_of.push(tracks.len() - 1);
            }
        }
    }
    let mut track_top = Vec::with_capacity(tracks.len());
    let mut y = top;
    for (_, height) in &tracks {
        track_top.push(y);
        y += height;
    }
    let shapes = placed
        .iter()
        .zip(track_of)
        .map(|((_, _, fork), t)| fork_shape(fork, style, columns, index, track_top[t]))
        .collect();
    Some((shapes, y - top))
}

fn fork_height(style: &Style, branches: usize) -> f32 {
    2.0 * style.cell_padding + style.fork_question_height + branches as f32 * style.branch_height
}

fn fork_shape(
    fork: &crate::model::Fork,
    style: &Style,
    columns: &[Column],
    index: &HashMap<crate::model::StageId, usize>,
    top: f32,
) -> ForkShape {
    let column = index[&fork.stage];
    let x = columns[column].x;
    let pad = style.cell_padding;
    let question = Rect::from_min_max(
        pos2(x.min + pad, top + pad),
        pos2(x.max - pad, top + pad + style.fork_question_height - 4.0),
    );
    // The spine runs down from under the question, near its left edge.
    let spine = x.min + pad + 10.0;
    let branches = fork
        .branches
        .iter()
        .enumerate()
        .map(|(i, branch)| {
            let y =
                top + pad + style.fork_question_height + (i as f32 + 0.75) * style.branch_height;
            let target = branch.to.and_then(|to| index.get(&to).copied());
            let end = match target {
                Some(c) => columns[c].x.center(),
                // Out of the journey: past the fork's column, a third of a stage on (but not
                // past the last stage).
                None => (x.max + style.stage_width * 0.35)
                    .max(x.max)
                    .min(columns.last().map_or(x.max, |c| c.x.max).max(x.max - pad)),
            };
            // The label runs along the path: forwards at least across the fork's own column;
            // backwards between the arrow and the spine, never across the spine.
            let (label_left, label_right) = if end >= spine {
                let reach = (end - spine).max(x.span() - pad - 10.0);
                (spine + 6.0, spine + reach - 10.0)
            } else {
                (end + 10.0, spine - 6.0)
            };
            let label = Rect::from_min_max(
                pos2(label_left, y - style.branch_height + 3.0),
                pos2(label_right, y - 1.0),
            );
            BranchShape {
                from: pos2(spine, y),
                to: pos2(end, y),
                label,
                column: target,
            }
        })
        .collect();
    ForkShape {
        id: fork.id,
        column,
        question,
        branches,
    }
}
