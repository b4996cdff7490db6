//! The gap between the current and the target journey, stage by stage, largest first (or the
//! stages whose pain drew the most dots in the workshop room first): the data behind
//! `trayecto gap` and the editor's gap panel.

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
    /// Dots the room put on the stage's pain: its pain points and moments of pain in the
    /// current journey.
    pub votes: usize,
}

/// How the stages are ranked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Largest gap first.
    #[default]
    Gap,
    /// Most dots on the stage's pain first; equal ones by gap.
    Votes,
}

/// The gap analysis of a map.
#[derive(Clone, Debug, PartialEq)]
pub struct GapAnalysis {
    pub current: String,
    pub target: String,
    /// Largest gap first; stages without a gap (a curve has no point there) last, in order.
    /// Ranked by votes, the most dots first, and equal ones so.
    pub rows: Vec<GapRow>,
    pub order: Order,
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
    analyse_by(map, Order::Gap)
}

/// Compares the journeys, and ranks the stages as asked.
pub fn analyse_by(map: &Map, order: Order) -> Result<GapAnalysis, GapError> {
    let (current, target) = map.current_and_target().ok_or(GapError::NoTarget)?;
    let mut analysis = compare(map, current, target);
    if order == Order::Votes {
        // Stable: equal counts keep the order by gap.
        analysis.rows.sort_by_key(|r| std::cmp::Reverse(r.votes));
        analysis.order = Order::Votes;
    }
    Ok(analysis)
}

pub fn compare(map: &Map, current: &Journey, target: &Journey) -> GapAnalysis {
    let tally = map.tally();
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
                votes: cards
                    .iter()
                    .filter(|c| map.is_pain(c))
                    .filter_map(|c| tally.get(&c.id))
                    .map(|t| t.votes)
                    .sum(),
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
        order: Order::Gap,
    }
}

/// The analysis as a report table. The stage's dots show when the stages are ranked by them,
/// or when the room put any on the stages' pain.
pub fn table(analysis: &GapAnalysis) -> Table {
    let votes = analysis.order == Order::Votes || analysis.rows.iter().any(|r| r.votes > 0);
    let mut columns = vec![
        ("stage", strings::col_stage().to_owned()),
        ("current", strings::col_current().to_owned()),
        ("target", strings::col_target().to_owned()),
        ("gap", strings::col_gap().to_owned()),
    ];
    if votes {
        columns.push(("votes", crate::i18n::tr("col-votes").to_owned()));
    }
    columns.extend([
        ("gain_moments", strings::col_gains().to_owned()),
        ("pain_moments", strings::col_pains().to_owned()),
        ("pain_points", strings::col_pain_points().to_owned()),
        ("kpis", strings::col_kpis().to_owned()),
    ]);
    let mut table = Table::new(columns);
    // Points on the −2…+2 scale carry their sign for people, as the editor writes them.
    let score = |v: Option<f32>| v.map_or(Value::None, |v| Value::Signed(round(v)));
    for row in &analysis.rows {
        let mut cells = vec![
            Value::Text(row.stage_name.clone()),
            score(row.current),
            score(row.target),
            score(row.gap),
        ];
        if votes {
            cells.push(Value::Int(row.votes as i64));
        }
        cells.extend([
            Value::List(row.gains.clone()),
            Value::List(row.pains.clone()),
            Value::List(row.pain_points.clone()),
            Value::List(row.kpis.clone()),
        ]);
        table.push(cells);
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
    fn ranked_by_votes_the_stage_whose_pain_drew_most_dots_comes_first() {
        use crate::model::{CardId, Vote};
        let mut map = templates::load("pizza").unwrap();
        let by_gap = analyse(&map).unwrap();
        assert!(by_gap.rows.iter().all(|r| r.votes == 0));
        assert!(!table(&by_gap).columns.iter().any(|c| c.key == "votes"));
        // Pain point 21 ("Choose a pizza") twice, the moment of pain 14 ("Rate the service")
        // once; the opportunity 24 and the target's card 40 count for no stage's pain.
        for (card, who) in [
            (21, "ana"),
            (21, "luis"),
            (14, "ana"),
            (24, "ana"),
            (40, "eva"),
        ] {
            map.votes.push(Vote::new(CardId(card), who, None));
        }
        let analysis = analyse_by(&map, Order::Votes).unwrap();
        let ranked: Vec<(&str, usize)> = analysis
            .rows
            .iter()
            .map(|r| (r.stage_name.as_str(), r.votes))
            .collect();
        assert_eq!(
            ranked[..2],
            [("Choose a pizza", 2), ("Rate the service", 1)]
        );
        // The rest keep their order by gap.
        let rest: Vec<&str> = by_gap
            .rows
            .iter()
            .map(|r| r.stage_name.as_str())
            .filter(|name| !["Choose a pizza", "Rate the service"].contains(name))
            .collect();
        let ranked_rest: Vec<&str> = ranked[2..].iter().map(|(name, _)| *name).collect();
        assert_eq!(ranked_rest, rest);
        // By gap, the order is the gap's, and the votes show since there are some.
        let by_gap_voted = analyse(&map).unwrap();
        assert_eq!(
            by_gap_voted
                .rows
                .iter()
                .map(|r| r.stage)
                .collect::<Vec<_>>(),
            by_gap.rows.iter().map(|r| r.stage).collect::<Vec<_>>()
        );
        let table = table(&by_gap_voted);
        let at = table.columns.iter().position(|c| c.key == "votes").unwrap();
        let first = &table.rows[0];
        assert_eq!(first[0], Value::Text("Receive and eat".into()));
        assert_eq!(first[at], Value::Int(0));
    }

    #[test]
    fn without_a_target_there_is_no_gap() {
        let map = templates::load("five-steps").unwrap();
        assert_eq!(analyse(&map), Err(GapError::NoTarget));
    }
}
