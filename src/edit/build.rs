//! Edits made from the map as it is: ready to apply, with fresh ids.

use super::Edit;
use crate::model::{self, Card, Fork, JourneyId, JourneyKind, Map};

/// The edit that copies a journey (its cards with fresh ids, its curve, its forks) as a new
/// journey of `kind` named `name`, inserted right after it: "create the target from the
/// current".
pub fn copy_journey(map: &Map, source: JourneyId, kind: JourneyKind, name: String) -> Option<Edit> {
    let index = map.journey_index(source)?;
    let mut journey = map.journeys[index].clone();
    journey.id = map.new_journey_id();
    journey.kind = kind;
    journey.name = name;
    let originals: Vec<&Card> = map.cards_of(source).collect();
    let ids = map.new_card_ids(originals.len());
    let cards = originals
        .into_iter()
        .zip(ids)
        .enumerate()
        .map(|(i, (card, id))| {
            let copy = Card {
                id,
                journey: journey.id,
                ..card.clone()
            };
            (map.cards.len() + i, copy)
        })
        .collect();
    let new_journey = journey.id;
    let insert = Edit::InsertJourney {
        index: index + 1,
        journey,
        cards,
    };
    let copies: Vec<&Fork> = map.forks_of(source).collect();
    if copies.is_empty() {
        return Some(insert);
    }
    let ids = model::fresh_ids(map.forks.iter().map(|f| f.id.0), copies.len());
    let mut forks = map.forks.clone();
    forks.extend(copies.into_iter().zip(ids).map(|(fork, id)| Fork {
        id: model::ForkId(id),
        journey: new_journey,
        ..fork.clone()
    }));
    Some(Edit::Batch(vec![insert, Edit::SetForks(forks)]))
}
