//! Synthetic maps of any size, for benchmarks and stress tests.

use crate::model::{
    Card, CardId, Channel, Feeling, Lane, LaneId, LaneKind, Map, Persona, Stage, StageId,
};

/// A map of `stages` × `lanes` (the third lane draws the emotion curve) with `cards` cards
/// spread evenly over the other cells, with varied feelings, channels and moments.
pub fn generated(stages: usize, lanes: usize, cards: usize) -> Map {
    let stages: Vec<Stage> = (0..stages)
        .map(|i| Stage {
            id: StageId(i as u32 + 1),
            name: format!("Stage {}", i + 1),
            feeling: None,
        })
        .collect();
    let lanes: Vec<Lane> = (0..lanes)
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
        .collect();
    let card_lanes: Vec<LaneId> = lanes
        .iter()
        .filter(|l| l.kind.holds_cards())
        .map(|l| l.id)
        .collect();
    let cells = stages.len() * card_lanes.len();
    let cards = (0..cards)
        .map(|i| {
            let cell = i % cells.max(1);
            Card {
                id: CardId(i as u32 + 1),
                stage: stages[cell % stages.len()].id,
                lane: card_lanes[cell / stages.len()],
                title: format!(
                    "Card {} with a title long enough to wrap onto a second line",
                    i + 1
                ),
                notes: String::new(),
                channel: (i % 3 == 0).then(|| Channel::ALL[i % Channel::ALL.len()]),
                feeling: (i % 2 == 0).then(|| Feeling::ALL[i % 5]),
                moment: i % 17 == 0,
            }
        })
        .collect();
    Map {
        title: "Generated journey".into(),
        persona: Persona {
            name: "Sam".into(),
            description: "A generated persona".into(),
            goals: vec!["Finish".into()],
        },
        stages,
        lanes,
        cards,
    }
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
    }
}
