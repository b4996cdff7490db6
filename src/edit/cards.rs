//! Cards: each in a cell (a stage and a lane that holds cards) of its journey.

use super::list::{self, exists, get_mut, restore};
use super::{CardField, Edit, EditError, Result};
use crate::model::{Card, CardId, Journey, JourneyId, LaneId, Map, Stage, StageId};

/// Adds a card at `position` of the card list.
pub(super) fn insert(map: &mut Map, position: usize, card: Card) -> Result<Edit> {
    let id = card.id;
    let cards = vec![(position, card)];
    check_restored_cards(map, &cards, |_| true, CardPlace::default())?;
    restore(&mut map.cards, cards);
    Ok(Edit::RemoveCard(id))
}

pub(super) fn remove(map: &mut Map, id: CardId) -> Result<Edit> {
    let (position, card) = list::remove(map, id)?;
    Ok(Edit::InsertCard { position, card })
}

/// Puts a card in the cell of `stage` and `lane`, at `position` of the card list (counted
/// without the card itself).
pub(super) fn move_to(
    map: &mut Map,
    id: CardId,
    stage: StageId,
    lane: LaneId,
    position: usize,
) -> Result<Edit> {
    let from = list::position::<Card>(map, id)?;
    check_cell(map, stage, lane)?;
    if position >= map.cards.len() {
        return Err(EditError::OutOfRange(position));
    }
    let mut card = map.cards.remove(from);
    let inverse = Edit::MoveCard {
        id,
        stage: card.stage,
        lane: card.lane,
        position: from,
    };
    card.stage = stage;
    card.lane = lane;
    map.cards.insert(position, card);
    Ok(inverse)
}

pub(super) fn set(map: &mut Map, id: CardId, field: CardField) -> Result<Edit> {
    let card = get_mut::<Card>(map, id)?;
    let old = match field {
        CardField::Title(v) => CardField::Title(std::mem::replace(&mut card.title, v)),
        CardField::Notes(v) => CardField::Notes(std::mem::replace(&mut card.notes, v)),
        CardField::Channel(v) => CardField::Channel(std::mem::replace(&mut card.channel, v)),
        CardField::Feeling(v) => CardField::Feeling(std::mem::replace(&mut card.feeling, v)),
        CardField::Moment(v) => CardField::Moment(std::mem::replace(&mut card.moment, v)),
    };
    Ok(Edit::SetCard { id, field: old })
}

/// A lane that holds cards.
fn holds_cards(map: &Map, lane: LaneId) -> Result<()> {
    let lane = map.lane(lane).ok_or(EditError::NoLane(lane.0))?;
    if lane.kind.holds_cards() {
        Ok(())
    } else {
        Err(EditError::LaneHoldsNoCards)
    }
}

/// A cell that exists and holds cards.
fn check_cell(map: &Map, stage: StageId, lane: LaneId) -> Result<()> {
    exists::<Stage>(map, stage)?;
    holds_cards(map, lane)
}

/// The journey, stage or lane being inserted along with cards (which need not exist yet).
#[derive(Clone, Copy, Default)]
pub(super) struct CardPlace {
    pub journey: Option<JourneyId>,
    pub stage: Option<StageId>,
    pub lane: Option<LaneId>,
}

/// Checks cards about to be inserted at ascending positions: fresh ids, in range, and each in a
/// cell that exists (or in the journey, stage or lane being inserted with them).
pub(super) fn check_restored_cards(
    map: &Map,
    cards: &[(usize, Card)],
    belongs: impl Fn(&Card) -> bool,
    fresh: CardPlace,
) -> Result<()> {
    list::check_restored(map, cards, belongs, |card| {
        if Some(card.journey) != fresh.journey {
            exists::<Journey>(map, card.journey)?;
        }
        if Some(card.stage) != fresh.stage {
            exists::<Stage>(map, card.stage)?;
        }
        if Some(card.lane) != fresh.lane {
            holds_cards(map, card.lane)?;
        }
        Ok(())
    })
}
