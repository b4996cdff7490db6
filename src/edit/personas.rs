//! Personas. Removing one leaves the journeys told for it told for nobody.

use super::list::{self, no_rule};
use super::{Edit, JourneyField, Result};
use crate::model::{Map, Persona, PersonaId};

pub(super) fn insert(map: &mut Map, index: usize, persona: Persona) -> Result<Edit> {
    list::insert(map, index, persona, no_rule).map(Edit::RemovePersona)
}

pub(super) fn remove(map: &mut Map, id: PersonaId) -> Result<Edit> {
    let (index, persona) = list::remove(map, id)?;
    let mut inverse = vec![Edit::InsertPersona { index, persona }];
    for journey in map.journeys.iter_mut().filter(|j| j.persona == Some(id)) {
        journey.persona = None;
        inverse.push(Edit::SetJourney {
            id: journey.id,
            field: JourneyField::Persona(Some(id)),
        });
    }
    Ok(Edit::batch_or_single(inverse))
}

pub(super) fn set(map: &mut Map, persona: Persona) -> Result<Edit> {
    list::replace(map, persona, no_rule).map(Edit::SetPersona)
}
