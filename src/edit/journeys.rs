//! Journeys, with their cards. A map keeps at least one journey, and a target journey always
//! has a current one to be compared with. Removing a journey removes its forks.

use super::cards::{CardPlace, check_restored_cards};
use super::list::{self, exists, position, restore, take};
use super::{Edit, EditError, JourneyField, Result};
use crate::model::{Card, Journey, JourneyId, JourneyKind, Map, Persona};

/// Adds a journey at `index`, with its cards put back at their list positions.
pub(super) fn insert(
    map: &mut Map,
    index: usize,
    journey: Journey,
    cards: Vec<(usize, Card)>,
) -> Result<Edit> {
    let id = list::insert(map, index, journey, |map, journey| {
        if let Some(persona) = journey.persona {
            exists::<Persona>(map, persona)?;
        }
        if let Some(stage) = journey.curve.keys().find(|s| map.stage(**s).is_none()) {
            return Err(EditError::NoStage(stage.0));
        }
        let has_current =
            journey.kind == JourneyKind::Current || map.first_of(JourneyKind::Current).is_some();
        if journey.kind == JourneyKind::Target && !has_current {
            return Err(EditError::TargetNeedsCurrent);
        }
        let fresh = CardPlace {
            journey: Some(journey.id),
            ..CardPlace::default()
        };
        check_restored_cards(map, &cards, |c| c.journey == journey.id, fresh)
    })?;
    restore(&mut map.cards, cards);
    Ok(Edit::RemoveJourney(id))
}

pub(super) fn remove(map: &mut Map, id: JourneyId) -> Result<Edit> {
    let index = position::<Journey>(map, id)?;
    if map.journeys.len() == 1 {
        return Err(EditError::LastJourney);
    }
    let kind = map.journeys[index].kind;
    if kind == JourneyKind::Current && !currents_remain(map, id) {
        return Err(EditError::TargetNeedsCurrent);
    }
    let journey = map.journeys.remove(index);
    let cards = take(&mut map.cards, |c| c.journey == id);
    map.forget_journey_in_forks(id);
    Ok(Edit::InsertJourney {
        index,
        journey,
        cards,
    })
}

pub(super) fn set(map: &mut Map, id: JourneyId, field: JourneyField) -> Result<Edit> {
    let index = position::<Journey>(map, id)?;
    match &field {
        JourneyField::Persona(Some(persona)) => {
            exists::<Persona>(map, *persona)?;
        }
        JourneyField::Kind(kind) => check_kind(map, id, index, *kind)?,
        _ => {}
    }
    let journey = &mut map.journeys[index];
    let old = match field {
        JourneyField::Name(v) => JourneyField::Name(std::mem::replace(&mut journey.name, v)),
        JourneyField::Kind(v) => JourneyField::Kind(std::mem::replace(&mut journey.kind, v)),
        JourneyField::Persona(v) => {
            JourneyField::Persona(std::mem::replace(&mut journey.persona, v))
        }
    };
    Ok(Edit::SetJourney { id, field: old })
}

/// Refuses a kind that would leave a target journey without a current one.
fn check_kind(map: &Map, id: JourneyId, index: usize, kind: JourneyKind) -> Result<()> {
    let was = map.journeys[index].kind;
    let loses_current =
        was == JourneyKind::Current && kind != JourneyKind::Current && !currents_remain(map, id);
    let lone_target = kind == JourneyKind::Target
        && map
            .journeys
            .iter()
            .all(|j| j.id == id || j.kind != JourneyKind::Current);
    if loses_current || lone_target {
        return Err(EditError::TargetNeedsCurrent);
    }
    Ok(())
}

/// Whether a current journey other than `leaving` remains, or no target journey needs one.
fn currents_remain(map: &Map, leaving: JourneyId) -> bool {
    let other_current = map
        .journeys
        .iter()
        .any(|j| j.id != leaving && j.kind == JourneyKind::Current);
    let targets = map.journeys.iter().any(|j| j.kind == JourneyKind::Target);
    other_current || !targets
}
