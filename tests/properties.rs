//! Properties over random edit sequences: undo returns the exact original, edits never break the
//! map's invariants, and every map survives save + load unchanged.

use proptest::prelude::*;
use trayecto::edit::{CardField, Edit};
use trayecto::history::History;
use trayecto::model::{self, Card, Channel, Feeling, Lane, LaneKind, Map, Stage};
use trayecto::{format, templates};

/// One random step: a kind of edit, two numbers to pick targets, and some text.
type Step = (u8, u32, u32, String);

fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter)
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec((0u8..18, any::<u32>(), any::<u32>(), any_text()), 1..40)
}

fn pick<T>(items: &[T], n: u32) -> Option<&T> {
    (!items.is_empty()).then(|| &items[n as usize % items.len()])
}

/// Turns a random step into an edit that fits the current map (or `None` if it cannot).
fn edit_for(map: &Map, (kind, a, b, text): Step) -> Option<Edit> {
    let stage = pick(&map.stages, a).map(|s| s.id);
    let lane = pick(&map.lanes, a).map(|l| l.id);
    let card = pick(&map.cards, a).cloned();
    let card_lanes: Vec<_> = map
        .lanes
        .iter()
        .filter(|l| l.kind.holds_cards())
        .map(|l| l.id)
        .collect();
    let feeling = (b % 6 < 5).then(|| Feeling::ALL[b as usize % 5]);
    Some(match kind {
        0 => Edit::SetTitle(text),
        1 => Edit::RenameStage {
            id: stage?,
            name: text,
        },
        2 => Edit::RenameLane {
            id: lane?,
            name: text,
        },
        3 => Edit::MoveStage {
            id: stage?,
            to: b as usize % map.stages.len(),
        },
        4 => Edit::MoveLane {
            id: lane?,
            to: b as usize % map.lanes.len(),
        },
        5 => Edit::RemoveStage(stage?),
        6 => Edit::RemoveLane(lane?),
        7 => Edit::InsertStage {
            index: b as usize % (map.stages.len() + 1),
            stage: Stage {
                id: map.new_stage_id(),
                name: text,
                feeling,
            },
            cards: vec![],
        },
        8 => Edit::InsertLane {
            index: a as usize % (map.lanes.len() + 1),
            lane: Lane {
                id: map.new_lane_id(),
                name: text,
                kind: LaneKind::ALL[b as usize % LaneKind::ALL.len()],
            },
            cards: vec![],
        },
        9 => {
            let (stage, lane) = (stage?, *pick(&card_lanes, b)?);
            let card = Card {
                id: map.new_card_id(),
                stage,
                lane,
                title: text.clone(),
                notes: text,
                channel: pick(&Channel::ALL, b).copied(),
                feeling,
                moment: b % 2 == 0,
            };
            let index = (b / 7) as usize % (map.cards_in(stage, lane).count() + 1);
            Edit::InsertCard {
                position: map.position_in_cell(stage, lane, index, None),
                card,
            }
        }
        10 => Edit::RemoveCard(card?.id),
        11 => {
            let card = card?;
            let stage = pick(&map.stages, b)?.id;
            let lane = *pick(&card_lanes, b / 3)?;
            let index = (b / 11) as usize
                % (map
                    .cards_in(stage, lane)
                    .filter(|c| c.id != card.id)
                    .count()
                    + 1);
            let position = map.position_in_cell(stage, lane, index, Some(card.id));
            Edit::MoveCard {
                id: card.id,
                stage,
                lane,
                position,
            }
        }
        12 => Edit::SetCard {
            id: card?.id,
            field: CardField::Title(text),
        },
        13 => Edit::SetCard {
            id: card?.id,
            field: CardField::Feeling(feeling),
        },
        14 => Edit::SetStageFeeling {
            id: stage?,
            feeling,
        },
        15 => Edit::SetCard {
            id: card?.id,
            field: CardField::Moment(b % 2 == 0),
        },
        16 => Edit::Batch(vec![
            Edit::RemoveCard(card?.id),
            Edit::RenameStage {
                id: stage?,
                name: text,
            },
        ]),
        _ => Edit::SetLaneKind {
            id: lane?,
            kind: LaneKind::ALL[b as usize % LaneKind::ALL.len()],
        },
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn undoing_every_edit_gives_back_the_original(steps in steps()) {
        let original = templates::load("pizza").unwrap();
        let mut map = original.clone();
        let mut history = History::new();
        let mut applied = 0;
        for step in steps {
            if let Some(edit) = edit_for(&map, step) {
                let before = map.clone();
                match history.apply(&mut map, edit, None) {
                    Ok(()) => applied += 1,
                    // A refused edit changes nothing.
                    Err(_) => prop_assert_eq!(&map, &before),
                }
                prop_assert_eq!(model::validate(&map), Ok(()), "an edit broke the map");
            }
        }
        let edited = map.clone();
        for _ in 0..applied {
            prop_assert!(history.undo(&mut map));
        }
        prop_assert!(!history.undo(&mut map));
        prop_assert_eq!(&map, &original);
        prop_assert!(!history.is_dirty());
        for _ in 0..applied {
            prop_assert!(history.redo(&mut map));
        }
        prop_assert_eq!(&map, &edited);
    }

    #[test]
    fn any_map_saved_and_loaded_is_equal_to_itself(steps in steps()) {
        let mut map = templates::load("pizza").unwrap();
        for step in steps {
            if let Some(edit) = edit_for(&map, step) {
                let _ = edit.apply(&mut map);
            }
        }
        let text = format::to_text(&map);
        let loaded = format::parse(&text);
        prop_assert_eq!(loaded.as_ref(), Ok(&map), "text was:\n{}", text);
    }
}
