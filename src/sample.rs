//! Synthetic maps of any size, for benchmarks and stress tests.

use crate::format::ron::v1;
use crate::model::{
    Card, CardId, Channel, Feeling, Journey, JourneyId, JourneyKind, Kpi, KpiId, Lane, LaneId,
    LaneKind, Map, Moment, MomentKind, Persona, PersonaId, Stage, StageId,
};
use std::collections::BTreeMap;

/// A map of `stages` × `lanes` (the third lane draws the emotion curve) with one current journey
/// of `cards` cards spread evenly over the other cells, with varied feelings, channels and
/// moments.
pub fn generated(stages: usize, lanes: usize, cards: usize) -> Map {
    let mut map = Map {
        title: "Generated journey".into(),
        personas: vec![Persona {
            description: "A generated persona".into(),
            goals: vec!["Finish".into()],
            needs: vec!["Less waiting".into()],
            ..Persona::new(PersonaId(1), "Sam")
        }],
        stages: (0..stages)
            .map(|i| Stage {
                id: StageId(i as u32 + 1),
                name: format!("Stage {}", i + 1),
            })
            .collect(),
        lanes: lanes_of(lanes),
        journeys: vec![journey(1, JourneyKind::Current)],
        cards: Vec::new(),
        kpis: Vec::new(),
        departments: crate::model::default_departments(),
        streams: crate::model::default_streams(),
        actions: Vec::new(),
        phases: Vec::new(),
        forks: Vec::new(),
        room: crate::model::Room::default(),
        votes: Vec::new(),
    };
    map.cards = cards_for(&map, JourneyId(1), cards, 0);
    map
}

/// Like [`generated`], with a target journey of as many cards and a KPI on every stage: what
/// an overlay of a big workshop looks like.
pub fn generated_with_target(stages: usize, lanes: usize, cards_per_journey: usize) -> Map {
    let mut map = generated(stages, lanes, cards_per_journey);
    map.journeys.push(journey(2, JourneyKind::Target));
    let target = cards_for(&map, JourneyId(2), cards_per_journey, cards_per_journey);
    map.cards.extend(target);
    map.kpis = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| Kpi {
            id: KpiId(i as u32 + 1),
            stage: s.id,
            name: format!("KPI {}", i + 1),
            unit: "min".into(),
            current: Some(50.0 + i as f64),
            target: Some(30.0),
        })
        .collect();
    map
}

/// [`generated_with_target`] with `actions` actions spread over the streams, horizons, owners
/// and stages, each shown by an opportunity card: a big workshop's roadmap.
pub fn generated_with_actions(
    stages: usize,
    lanes: usize,
    cards_per_journey: usize,
    actions: usize,
) -> Map {
    use crate::model::{Action, ActionId, Horizon, Level, Status};
    let mut map = generated_with_target(stages, lanes, cards_per_journey);
    let opportunities = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Opportunities)
        .map(|l| l.id);
    let first_card = map.new_card_ids(1)[0].0;
    for i in 0..actions {
        let stage = map.stages[i % map.stages.len()].id;
        let card = opportunities.map(|lane| Card {
            id: CardId(first_card + i as u32),
            journey: JourneyId(1),
            stage,
            lane,
            title: format!("Action {}", i + 1),
            notes: String::new(),
            channel: None,
            feeling: None,
            moment: None,
        });
        let id = card.as_ref().map(|c| c.id);
        map.cards.extend(card);
        map.actions.push(Action {
            id: ActionId(i as u32 + 1),
            title: format!("Action {} to make stage {} better", i + 1, stage.0),
            description: String::new(),
            card: id,
            addresses: Vec::new(),
            stages: vec![stage],
            owner: Some(map.departments[i % map.departments.len()].id),
            stream: Some(map.streams[(i / 3) % map.streams.len()].id),
            impact: Level::ALL[i % 3],
            effort: Level::ALL[(i / 3) % 3],
            horizon: Horizon::ALL[(i / 7) % 3],
            status: Status::ALL[i % 4],
            kpi: map.kpis.get(i % map.kpis.len().max(1)).map(|k| k.id),
        });
    }
    map
}

/// [`generated`] as a format-1 map, for migration tests and benchmarks.
pub fn generated_v1(stages: usize, lanes: usize, cards: usize) -> v1::Map {
    let map = generated(stages, lanes, cards);
    let persona = &map.personas[0];
    v1::Map {
        title: map.title.clone(),
        persona: v1::Persona {
            name: persona.name.clone(),
            description: persona.description.clone(),
            goals: persona.goals.clone(),
        },
        stages: map
            .stages
            .iter()
            .map(|s| v1::Stage {
                id: s.id,
                name: s.name.clone(),
                feeling: None,
            })
            .collect(),
        lanes: map
            .lanes
            .iter()
            .map(|l| v1::Lane {
                id: l.id,
                name: l.name.clone(),
                kind: l.kind,
            })
            .collect(),
        cards: map
            .cards
            .iter()
            .map(|c| v1::Card {
                id: c.id,
                stage: c.stage,
                lane: c.lane,
                title: c.title.clone(),
                notes: c.notes.clone(),
                channel: c.channel,
                feeling: c.feeling,
                moment: c.moment.is_some(),
            })
            .collect(),
    }
}

fn journey(id: u32, kind: JourneyKind) -> Journey {
    Journey {
        id: JourneyId(id),
        name: match kind {
            JourneyKind::Current => "Current journey".into(),
            JourneyKind::Target => "Target journey".into(),
            JourneyKind::Other => format!("Journey {id}"),
        },
        kind,
        persona: Some(PersonaId(1)),
        curve: BTreeMap::new(),
    }
}

fn lanes_of(count: usize) -> Vec<Lane> {
    (0..count)
        .map(|i| {
            let kind = if i == 2 {
                LaneKind::Feelings
            } else {
                LaneKind::ALL[i % LaneKind::ALL.len()]
            };
            let kind = if kind == LaneKind::Feelings && i != 2 {
                LaneKind::Notes
            } else {
                kind
            };
            Lane {
                id: LaneId(i as u32 + 1),
                name: format!("Lane {}", i + 1),
                kind,
            }
        })
        .collect()
}

/// `count` cards of `journey` spread over the card cells, ids from `first_id + 1`.
fn cards_for(map: &Map, journey: JourneyId, count: usize, first_id: usize) -> Vec<Card> {
    let card_lanes: Vec<LaneId> = map
        .lanes
        .iter()
        .filter(|l| l.kind.holds_cards())
        .map(|l| l.id)
        .collect();
    let stages = &map.stages;
    let cells = stages.len() * card_lanes.len();
    (0..count)
        .map(|i| {
            let cell = i % cells.max(1);
            // The target journey feels better: its feelings are shifted up.
            let shift = if first_id > 0 { 2 } else { 0 };
            Card {
                id: CardId((first_id + i) as u32 + 1),
                journey,
                stage: stages[cell % stages.len()].id,
                lane: card_lanes[cell / stages.len()],
                title: format!(
                    "Card {} with a title long enough to wrap onto a second line",
                    first_id + i + 1
                ),
                notes: String::new(),
                channel: (i % 3 == 0).then(|| Channel::ALL[i % Channel::ALL.len()]),
                feeling: (i % 2 == 0).then(|| Feeling::ALL[((i % 5) + shift).min(4)]),
                moment: (i % 17 == 0).then(|| Moment {
                    kind: if i % 2 == 0 {
                        MomentKind::Pain
                    } else {
                        MomentKind::Gain
                    },
                    why: String::new(),
                }),
            }
        })
        .collect()
}

/// [`generated`] with the stages grouped five by five into phases, and a decision with three
/// branches (on, two stages on, out of the journey) at the first stage of every phase.
pub fn generated_with_phases_and_forks(stages: usize, lanes: usize, cards: usize) -> Map {
    use crate::model::{Branch, Fork, ForkId, Phase, PhaseId};
    let mut map = generated(stages, lanes, cards);
    let ids: Vec<StageId> = map.stages.iter().map(|s| s.id).collect();
    for (i, group) in ids.chunks(5).enumerate() {
        map.phases.push(Phase {
            id: PhaseId(i as u32 + 1),
            name: format!("Phase {}", i + 1),
            stages: group.to_vec(),
        });
        let at = i * 5;
        let (Some(next), Some(later)) = (ids.get(at + 1), ids.get(at + 2)) else {
            continue;
        };
        map.forks.push(Fork {
            id: ForkId(i as u32 + 1),
            journey: JourneyId(1),
            stage: ids[at],
            question: format!("Which way at stage {}?", at + 1),
            branches: vec![
                Branch {
                    label: "On".into(),
                    to: Some(*next),
                },
                Branch {
                    label: "Skip one".into(),
                    to: Some(*later),
                },
                Branch {
                    label: "Elsewhere".into(),
                    to: None,
                },
            ],
        });
    }
    map
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_maps_are_valid() {
        for (s, l, c) in [(1, 1, 0), (6, 7, 29), (50, 10, 10_000)] {
            let map = super::generated(s, l, c);
            assert_eq!(crate::model::validate(&map), Ok(()));
            assert_eq!(map.summary(), (s, l, c));
        }
        let both = super::generated_with_target(20, 8, 1_000);
        assert_eq!(crate::model::validate(&both), Ok(()));
        assert_eq!(both.cards.len(), 2_000);
        let roadmap = super::generated_with_actions(20, 8, 100, 1_000);
        assert_eq!(crate::model::validate(&roadmap), Ok(()));
        assert_eq!(roadmap.actions.len(), 1_000);
        let old = super::generated_v1(6, 7, 29);
        assert_eq!(
            crate::format::ron::v1::migrate(old).cards.len(),
            29,
            "format 1 migrates"
        );
    }
}
