//! The gap between the current and the target journey, stage by stage, largest first: the
//! data behind `trayecto gap` and the editor's gap panel.

use super::{Table, Value};
use crate::i18n::strings;
use crate::model::{Journey, Map, MomentKind, StageId};

/// One stage of the gap analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct GapRow {
    pub stage: StageId,
    pub stage_name: String,
    /// The stage's point on each curve (−2…+2), when it has one.
    pub current: Option<f32>,
    pub target: Option<f32>,
    /// Target − current, when both are known.
    pub gap: Option<f32>,
    /// Moments that matter of the current journey in this stage (card titles).
    pub gains: Vec<String>,
    pub pains: Vec<String>,
    /// Cards of the current journey in pain-point lanes of this stage.
    pub pain_points: Vec<String>,
    /// The stage's KPIs, each on one line.
    pub kpis: Vec<String>,
}

/// The gap analysis of a map.
#[derive(Clone, Debug, PartialEq)]
pub struct GapAnalysis {
    pub current: String,
    pub target: String,
    /// Largest gap first; stages without a gap (a curve has no point there) last, in order.
    pub rows: Vec<GapRow>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GapError {
    /// The map has no target journey (or no current one) to compare.
    NoTarget,
}

impl std::fmt::Display for GapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GapError::NoTarget => f.write_str(strings::no_target_for_gap()),
        }
    }
}

/// Compares the map's current journey with its target journey.
pub fn analyse(map: &Map) -> Result<GapAnalysis, GapError> {
    let (current, target) = map.current_and_target().ok_or(GapError::NoTarget)?;
    Ok(compare(map, current, target))
}

pub fn compare(map: &Map, current: &Journey, target: &Journey) -> GapAnalysis {
    let mut rows: Vec<GapRow> = map
        .stages
        .iter()
        .map(|stage| {
            let now = map.stage_score(current, stage.id);
            let goal = map.stage_score(target, stage.id);
            let cards: Vec<_> = map
                .cards_of(current.id)
                .filter(|c| c.stage == stage.id)
                .collect();
            let moments = |kind| {
                cards
                    .iter()
                    .filter(|c| c.moment_kind() == Some(kind))
                    .map(|c| c.title.clone())
                    .collect()
            };
            GapRow {
                stage: stage.id,
                stage_name: stage.name.clone(),
                current: now,
                target: goal,
                gap: now.zip(goal).map(|(a, b)| b - a),
                gains: moments(MomentKind::Gain),
                pains: moments(MomentKind::Pain),
                pain_points: cards
                    .iter()
                    .filter(|c| map.is_pain_point(c))
                    .map(|c| c.title.clone())
                    .collect(),
                kpis: map.kpis_of(stage.id).map(crate::model::Kpi::line).collect(),
            }
        })
        .collect();
    // Stable: equal gaps keep the stages' order.
    rows.sort_by(|a, b| match (a.gap, b.gap) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    GapAnalysis {
        current: current.name.clone(),
        target: target.name.clone(),
        rows,
    }
}

/// The analysis as a report table.
pub fn table(analysis: &GapAnalysis) -> Table {
    let mut table = Table::new([
        ("stage", strings::col_stage().to_owned()),
        ("current", strings::col_current().to_owned()),
        ("target", strings::col_target().to_owned()),
        ("gap", strings::col_gap().to_owned()),
        ("gain_moments", strings::col_gains().to_owned()),
        ("pain_moments", strings::col_pains().to_owned()),
        ("pain_points", strings::col_pain_points().to_owned()),
        ("kpis", strings::col_kpis().to_owned()),
    ]);
    let score = |v: Option<f32>| v.map_or(Value::None, |v| Value::Num(round(v)));
    for row in &analysis.rows {
        table.push(vec![
            Value::Text(row.stage_name.clone()),
            score(row.current),
            score(row.target),
            row.gap.map_or(Value::None, |v| Value::Signed(round(v))),
            Value::List(row.gains.clone()),
            Value::List(row.pains.clone()),
            Value::List(row.pain_points.clone()),
            Value::List(row.kpis.clone()),
        ]);
    }
    table
}

/// Two decimals are plenty on a −2…+2 scale.
fn round(v: f32) -> f64 {
    (f64::from(v) * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates;

    #[test]
    fn the_pizza_gap_is_largest_where_the_wrong_pizza_arrives() {
        let map = templates::load("pizza").unwrap();
        let analysis = analyse(&map).unwrap();
        let first = &analysis.rows[0];
        assert_eq!(first.stage_name, "Receive and eat");
        assert_eq!(
            (first.current, first.target, first.gap),
            (Some(-2.0), Some(2.0), Some(4.0))
        );
        assert_eq!(first.pains, ["Receiving the wrong pizza"]);
        assert_eq!(first.pain_points, ["No way to report it at the door"]);
        assert_eq!(first.kpis, ["Wrong orders: 8 → 1 %"]);
        let gaps: Vec<f32> = analysis.rows.iter().filter_map(|r| r.gap).collect();
        assert!(
            gaps.windows(2).all(|w| w[0] >= w[1]),
            "largest first: {gaps:?}"
        );
        assert_eq!(analysis.rows.len(), map.stages.len());
    }

    #[test]
    fn without_a_target_there_is_no_gap() {
        let map = templates::load("five-steps").unwrap();
        assert_eq!(analyse(&map), Err(GapError::NoTarget));
    }
}
