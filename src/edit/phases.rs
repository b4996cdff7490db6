//! Phases and decision forks: each edit replaces the whole list, which must keep the map's
//! rules (a phase over consecutive stages, a fork with branches to other stages…).

use super::{Edit, EditError, Result};
use crate::model::{self, Fork, Map, Phase};

pub(super) fn set_phases(map: &mut Map, phases: Vec<Phase>) -> Result<Edit> {
    let old = std::mem::replace(&mut map.phases, phases);
    if let Err(invalid) = model::validate_phases(map) {
        map.phases = old;
        return Err(EditError::Invalid(invalid));
    }
    Ok(Edit::SetPhases(old))
}

pub(super) fn set_forks(map: &mut Map, forks: Vec<Fork>) -> Result<Edit> {
    let old = std::mem::replace(&mut map.forks, forks);
    let journeys = map.journeys.iter().map(|j| j.id).collect();
    if let Err(invalid) = model::validate_forks(map, &journeys) {
        map.forks = old;
        return Err(EditError::Invalid(invalid));
    }
    Ok(Edit::SetForks(old))
}
