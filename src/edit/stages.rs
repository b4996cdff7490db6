//! Stages, with what belongs to them: the cards of every journey in them, their KPIs, and
//! their points on journeys' curves. Adding, moving and removing a stage regroups phases;
//! removing one prunes forks.

use super::cards::{CardPlace, check_restored_cards};
use super::kpis::check_restored_kpis;
use super::list::{self, exists, get_mut, restore, take};
use super::{Edit, Result};
use crate::model::{Card, Feeling, Journey, JourneyId, Kpi, Map, Stage, StageId};

/// Adds a stage at `index`, with its cards, KPIs and curve points put back.
pub(super) fn insert(
    map: &mut Map,
    index: usize,
    stage: Stage,
    cards: Vec<(usize, Card)>,
    kpis: Vec<(usize, Kpi)>,
    curve: Vec<(JourneyId, Feeling)>,
) -> Result<Edit> {
    let id = list::insert(map, index, stage, |map, stage| {
        let fresh = CardPlace {
            stage: Some(stage.id),
            ..CardPlace::default()
        };
        check_restored_cards(map, &cards, |c| c.stage == stage.id, fresh)?;
        check_restored_kpis(map, &kpis, stage.id)?;
        for (journey, _) in &curve {
            exists::<Journey>(map, *journey)?;
        }
        Ok(())
    })?;
    restore(&mut map.cards, cards);
    restore(&mut map.kpis, kpis);
    for (journey, feeling) in curve {
        if let Some(j) = map.journeys.iter_mut().find(|j| j.id == journey) {
            j.curve.insert(id, feeling);
        }
    }
    map.regroup_after(id, None);
    Ok(Edit::RemoveStage(id))
}

pub(super) fn remove(map: &mut Map, id: StageId) -> Result<Edit> {
    let (index, stage) = list::remove(map, id)?;
    let cards = take(&mut map.cards, |c| c.stage == id);
    let kpis = take(&mut map.kpis, |k| k.stage == id);
    let curve = map
        .journeys
        .iter_mut()
        .filter_map(|j| Some((j.id, j.curve.remove(&id)?)))
        .collect();
    map.forget_stage_in_phases(id);
    map.forget_stage_in_forks(id);
    Ok(Edit::InsertStage {
        index,
        stage,
        cards,
        kpis,
        curve,
    })
}

pub(super) fn move_to(map: &mut Map, id: StageId, to: usize) -> Result<Edit> {
    let own = map.phase_of(id).map(|p| p.id);
    let from = list::move_to::<Stage>(map, id, to)?;
    map.regroup_after(id, own);
    Ok(Edit::MoveStage { id, to: from })
}

pub(super) fn rename(map: &mut Map, id: StageId, name: String) -> Result<Edit> {
    let name = list::set(map, id, |s: &mut Stage| &mut s.name, name)?;
    Ok(Edit::RenameStage { id, name })
}

/// Sets a journey's curve point for a stage by hand (`None`: the mean of its cards).
pub(super) fn set_feeling(
    map: &mut Map,
    journey: JourneyId,
    stage: StageId,
    feeling: Option<Feeling>,
) -> Result<Edit> {
    exists::<Stage>(map, stage)?;
    let curve = &mut get_mut::<Journey>(map, journey)?.curve;
    let old = match feeling {
        Some(feeling) => curve.insert(stage, feeling),
        None => curve.remove(&stage),
    };
    Ok(Edit::SetStageFeeling {
        journey,
        stage,
        feeling: old,
    })
}
