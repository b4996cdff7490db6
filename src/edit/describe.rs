//! Names for undo steps.

use super::{CardField, Edit};
use crate::model::{CardId, Fork, LaneId, Map, Phase, StageId};

/// What an undo step did, for the Edit menu and the status bar: a message key and the name of
/// what it changed ("move card", "Calling the branch"). Said in the language of the moment it
/// is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepName {
    pub key: &'static str,
    pub subject: Option<String>,
}

impl StepName {
    pub(super) fn of(key: &'static str, subject: Option<&str>) -> Self {
        Self {
            key,
            subject: subject.map(str::to_owned),
        }
    }
}

/// What a new list of phases does to the map's: adds, deletes, renames or regroups one.
fn describe_phases(map: &Map, phases: &[Phase]) -> StepName {
    let old = |id| map.phases.iter().find(|p| p.id == id);
    if let Some(added) = phases.iter().find(|p| old(p.id).is_none()) {
        return StepName::of("step-add-phase", Some(&added.name));
    }
    if let Some(gone) = map
        .phases
        .iter()
        .find(|p| !phases.iter().any(|n| n.id == p.id))
    {
        return StepName::of("step-delete-phase", Some(&gone.name));
    }
    for phase in phases {
        let before = old(phase.id).expect("not added, so there before");
        if before.name != phase.name {
            return StepName::of("step-rename-phase", Some(&phase.name));
        }
        if before.stages != phase.stages {
            return StepName::of("step-regroup-phase", Some(&phase.name));
        }
    }
    StepName::of("step-phases", None)
}

/// What a new list of decisions does to the map's: adds, deletes or edits one.
fn describe_forks(map: &Map, forks: &[Fork]) -> StepName {
    let old = |id| map.forks.iter().find(|f| f.id == id);
    if let Some(added) = forks.iter().find(|f| old(f.id).is_none()) {
        return StepName::of("step-add-decision", Some(&added.question));
    }
    if let Some(gone) = map
        .forks
        .iter()
        .find(|f| !forks.iter().any(|n| n.id == f.id))
    {
        return StepName::of("step-delete-decision", Some(&gone.question));
    }
    match forks.iter().find(|f| old(f.id) != Some(*f)) {
        Some(edited) => StepName::of("step-edit-decision", Some(&edited.question)),
        None => StepName::of("step-decisions", None),
    }
}

impl Edit {
    /// Names the step this edit makes, from the map as it is before the edit applies.
    pub fn describe(&self, map: &Map) -> StepName {
        let stage = |id: StageId| map.stage(id).map(|s| s.name.as_str());
        let lane = |id: LaneId| map.lane(id).map(|l| l.name.as_str());
        let card = |id: CardId| map.card(id).map(|c| c.title.as_str());
        let named = StepName::of;
        match self {
            Edit::SetTitle(title) => named("step-title", Some(title)),
            Edit::InsertPersona { persona, .. } => named("step-add-persona", Some(&persona.name)),
            Edit::RemovePersona(id) => named(
                "step-delete-persona",
                map.persona(*id).map(|p| p.name.as_str()),
            ),
            Edit::SetPersona(persona) => named("step-edit-persona", Some(&persona.name)),
            Edit::InsertJourney { journey, .. } => named("step-add-journey", Some(&journey.name)),
            Edit::RemoveJourney(id) => named(
                "step-delete-journey",
                map.journey(*id).map(|j| j.name.as_str()),
            ),
            Edit::SetJourney { id, .. } => named(
                "step-edit-journey",
                map.journey(*id).map(|j| j.name.as_str()),
            ),
            Edit::InsertStage { stage, .. } => named("step-add-stage", Some(&stage.name)),
            Edit::RemoveStage(id) => named("step-delete-stage", stage(*id)),
            Edit::MoveStage { id, .. } => named("step-move-stage", stage(*id)),
            Edit::RenameStage { name, .. } => named("step-rename-stage", Some(name)),
            Edit::SetStageFeeling {
                stage: id,
                feeling: None,
                ..
            } => named("step-follow-cards", stage(*id)),
            Edit::SetStageFeeling { stage: id, .. } => named("step-stage-feeling", stage(*id)),
            Edit::InsertLane { lane, .. } => named("step-add-lane", Some(&lane.name)),
            Edit::RemoveLane(id) => named("step-delete-lane", lane(*id)),
            Edit::MoveLane { id, .. } => named("step-move-lane", lane(*id)),
            Edit::RenameLane { name, .. } => named("step-rename-lane", Some(name)),
            Edit::SetLaneKind { id, .. } => named("step-lane-kind", lane(*id)),
            Edit::InsertCard { card, .. } => named("step-add-card", Some(&card.title)),
            Edit::RemoveCard(id) => named("step-delete-card", card(*id)),
            Edit::MoveCard { id, .. } => named("step-move-card", card(*id)),
            Edit::SetCard {
                field: CardField::Title(title),
                ..
            } => named("step-edit-card", Some(title)),
            Edit::SetCard { id, .. } => named("step-edit-card", card(*id)),
            Edit::InsertKpi { kpi, .. } => named("step-add-kpi", Some(&kpi.name)),
            Edit::RemoveKpi(id) => named("step-delete-kpi", map.kpi(*id).map(|k| k.name.as_str())),
            Edit::SetKpi(kpi) => named("step-edit-kpi", Some(&kpi.name)),
            Edit::InsertAction { action, .. } => named("step-add-action", Some(&action.title)),
            Edit::RemoveAction(id) => named(
                "step-delete-action",
                map.action(*id).map(|a| a.title.as_str()),
            ),
            Edit::SetAction(action) => named("step-edit-action", Some(&action.title)),
            Edit::InsertDepartment { department, .. } => {
                named("step-add-department", Some(&department.name))
            }
            Edit::RemoveDepartment(id) => named(
                "step-delete-department",
                map.department(*id).map(|d| d.name.as_str()),
            ),
            Edit::RenameDepartment { name, .. } => named("step-rename-department", Some(name)),
            Edit::InsertStream { stream, .. } => named("step-add-stream", Some(&stream.name)),
            Edit::RemoveStream(id) => named(
                "step-delete-stream",
                map.stream(*id).map(|s| s.name.as_str()),
            ),
            Edit::RenameStream { name, .. } => named("step-rename-stream", Some(name)),
            Edit::SetPhases(phases) => describe_phases(map, phases),
            Edit::SetForks(forks) => describe_forks(map, forks),
            Edit::AddVote(vote) => named("step-vote", card(vote.card)),
            Edit::RemoveVote { card: id, .. } => named("step-take-back-vote", card(*id)),
            Edit::InsertVote { vote, .. } => named("step-put-back-vote", card(vote.card)),
            Edit::ClearVotes => named("step-clear-votes", None),
            Edit::SetVotes(_) | Edit::RestoreVotes(_) | Edit::WithdrawVotes(_) => {
                named("step-votes", None)
            }
            Edit::SetVotingClosed(true) => named("step-close-voting", None),
            Edit::SetVotingClosed(false) => named("step-open-voting", None),
            Edit::SetVotesRevealed(true) => named("step-reveal-votes", None),
            Edit::SetVotesRevealed(false) => named("step-hide-votes", None),
            Edit::SetDots(dots) => named("step-dots", Some(&dots.to_string())),
            Edit::SetLaneVotable { lane: id, votable } => named(
                match votable {
                    Some(true) => "step-open-lane-to-votes",
                    Some(false) => "step-close-lane-to-votes",
                    None => "step-lane-votes-as-usual",
                },
                lane(*id),
            ),
            Edit::SetCardVotable { card: id, votable } => named(
                match votable {
                    Some(true) => "step-open-card-to-votes",
                    Some(false) => "step-close-card-to-votes",
                    None => "step-card-votes-as-usual",
                },
                card(*id),
            ),
            Edit::SetRoom(_) => named("step-room", None),
            Edit::Batch(edits) => edits
                .first()
                .map_or(named("step-several", None), |e| e.describe(map)),
            Edit::Replace(_) => named("step-reload", None),
        }
    }
}
