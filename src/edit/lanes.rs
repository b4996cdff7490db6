//! Lanes: the rows of the map. Only lanes of some kinds hold cards.

use super::cards::{CardPlace, check_restored_cards};
use super::list::{self, restore, take};
use super::{Edit, EditError, Result};
use crate::model::{Card, Lane, LaneId, LaneKind, Map};

/// Adds a lane at `index`, with its cards put back at their list positions.
pub(super) fn insert(
    map: &mut Map,
    index: usize,
    lane: Lane,
    cards: Vec<(usize, Card)>,
) -> Result<Edit> {
    let id = list::insert(map, index, lane, |map, lane| {
        if !cards.is_empty() && !lane.kind.holds_cards() {
            return Err(EditError::LaneHoldsNoCards);
        }
        let fresh = CardPlace {
            lane: Some(lane.id),
            ..CardPlace::default()
        };
        check_restored_cards(map, &cards, |c| c.lane == lane.id, fresh)
    })?;
    restore(&mut map.cards, cards);
    Ok(Edit::RemoveLane(id))
}

pub(super) fn remove(map: &mut Map, id: LaneId) -> Result<Edit> {
    let (index, lane) = list::remove(map, id)?;
    let cards = take(&mut map.cards, |c| c.lane == id);
    Ok(Edit::InsertLane { index, lane, cards })
}

pub(super) fn move_to(map: &mut Map, id: LaneId, to: usize) -> Result<Edit> {
    let from = list::move_to::<Lane>(map, id, to)?;
    Ok(Edit::MoveLane { id, to: from })
}

pub(super) fn rename(map: &mut Map, id: LaneId, name: String) -> Result<Edit> {
    let name = list::set(map, id, |l: &mut Lane| &mut l.name, name)?;
    Ok(Edit::RenameLane { id, name })
}

/// Sets a lane's kind; a lane with cards keeps a kind that holds them.
pub(super) fn set_kind(map: &mut Map, id: LaneId, kind: LaneKind) -> Result<Edit> {
    if !kind.holds_cards() && map.cards.iter().any(|c| c.lane == id) {
        return Err(EditError::LaneHoldsNoCards);
    }
    let kind = list::set(map, id, |l: &mut Lane| &mut l.kind, kind)?;
    Ok(Edit::SetLaneKind { id, kind })
}
