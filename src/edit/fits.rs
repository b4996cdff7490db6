//! How much an edit may add: every map the editor makes stays within the limits loading
//! enforces, so it can be saved and opened again.

use super::{CardField, Edit, EditError, JourneyField, Result};
use crate::model::{self, Action, Card, Counted, Fork, Invalid, Kpi, Map, Persona, TextOf, limits};

/// Refuses a count that would pass `limit` once `added` more items are in.
fn room_for(what: Counted, now: usize, added: usize, limit: usize) -> Result<()> {
    if added > 0 && now + added > limit {
        return Err(EditError::Limit(Invalid::TooMany {
            what,
            count: now + added,
            limit,
        }));
    }
    Ok(())
}

fn text_fits(what: TextOf, text: &str) -> Result<()> {
    model::check_text(what, text).map_err(EditError::Limit)
}

fn card_fits(card: &Card) -> Result<()> {
    let id = card.id.0;
    text_fits(TextOf::CardTitle(id), &card.title)?;
    text_fits(TextOf::CardNotes(id), &card.notes)?;
    text_fits(
        TextOf::MomentWhy(id),
        card.moment.as_ref().map_or("", |m| m.why.as_str()),
    )
}

fn persona_fits(persona: &Persona) -> Result<()> {
    let id = persona.id.0;
    room_for(Counted::Goals, 0, persona.goals.len(), limits::GOALS)?;
    room_for(Counted::Needs, 0, persona.needs.len(), limits::GOALS)?;
    text_fits(TextOf::PersonaName(id), &persona.name)?;
    text_fits(TextOf::PersonaDescription(id), &persona.description)?;
    text_fits(
        TextOf::PersonaPicture(id),
        persona.picture.as_deref().unwrap_or_default(),
    )?;
    for (i, goal) in persona.goals.iter().enumerate() {
        text_fits(TextOf::PersonaGoal(id, i + 1), goal)?;
    }
    for (i, need) in persona.needs.iter().enumerate() {
        text_fits(TextOf::PersonaNeed(id, i + 1), need)?;
    }
    Ok(())
}

fn action_fits(action: &Action) -> Result<()> {
    let links = action.addresses.len() + action.stages.len();
    room_for(Counted::Links, 0, links, limits::LINKS)?;
    text_fits(TextOf::ActionTitle(action.id.0), &action.title)?;
    text_fits(TextOf::ActionDescription(action.id.0), &action.description)
}

fn fork_fits(fork: &Fork) -> Result<()> {
    room_for(Counted::Branches, 0, fork.branches.len(), limits::BRANCHES)?;
    text_fits(TextOf::ForkQuestion(fork.id.0), &fork.question)?;
    fork.branches
        .iter()
        .enumerate()
        .try_for_each(|(i, b)| text_fits(TextOf::BranchLabel(fork.id.0, i + 1), &b.label))
}

fn kpi_fits(kpi: &Kpi) -> Result<()> {
    model::kpi_values_are_numbers(kpi).map_err(EditError::Limit)?;
    text_fits(TextOf::KpiName(kpi.id.0), &kpi.name)?;
    text_fits(TextOf::KpiUnit(kpi.id.0), &kpi.unit)
}

impl Edit {
    /// Refuses an edit that would take the map past a limit the loader enforces: every map
    /// the editor makes can be saved and opened again.
    pub(super) fn check_limits(&self, map: &Map) -> Result<()> {
        match self {
            Edit::SetTitle(title) => text_fits(TextOf::MapTitle, title),
            Edit::InsertPersona { persona, .. } => {
                room_for(Counted::Personas, map.personas.len(), 1, limits::PERSONAS)?;
                persona_fits(persona)
            }
            Edit::SetPersona(persona) => persona_fits(persona),
            Edit::InsertJourney { journey, cards, .. } => {
                room_for(Counted::Journeys, map.journeys.len(), 1, limits::JOURNEYS)?;
                room_for(Counted::Cards, map.cards.len(), cards.len(), limits::CARDS)?;
                text_fits(TextOf::JourneyName(journey.id.0), &journey.name)?;
                cards.iter().try_for_each(|(_, card)| card_fits(card))
            }
            Edit::SetJourney {
                id,
                field: JourneyField::Name(name),
            } => text_fits(TextOf::JourneyName(id.0), name),
            Edit::InsertStage {
                stage, cards, kpis, ..
            } => {
                room_for(Counted::Stages, map.stages.len(), 1, limits::STAGES)?;
                room_for(Counted::Cards, map.cards.len(), cards.len(), limits::CARDS)?;
                room_for(Counted::Kpis, map.kpis.len(), kpis.len(), limits::KPIS)?;
                text_fits(TextOf::StageName(stage.id.0), &stage.name)?;
                cards.iter().try_for_each(|(_, card)| card_fits(card))?;
                kpis.iter().try_for_each(|(_, kpi)| kpi_fits(kpi))
            }
            Edit::InsertLane { lane, cards, .. } => {
                room_for(Counted::Lanes, map.lanes.len(), 1, limits::LANES)?;
                room_for(Counted::Cards, map.cards.len(), cards.len(), limits::CARDS)?;
                text_fits(TextOf::LaneName(lane.id.0), &lane.name)?;
                cards.iter().try_for_each(|(_, card)| card_fits(card))
            }
            Edit::RenameStage { id, name } => text_fits(TextOf::StageName(id.0), name),
            Edit::RenameLane { id, name } => text_fits(TextOf::LaneName(id.0), name),
            Edit::InsertCard { card, .. } => {
                room_for(Counted::Cards, map.cards.len(), 1, limits::CARDS)?;
                card_fits(card)
            }
            Edit::SetCard { id, field } => match field {
                CardField::Title(title) => text_fits(TextOf::CardTitle(id.0), title),
                CardField::Notes(notes) => text_fits(TextOf::CardNotes(id.0), notes),
                CardField::Moment(Some(moment)) => text_fits(TextOf::MomentWhy(id.0), &moment.why),
                _ => Ok(()),
            },
            Edit::InsertKpi { kpi, .. } => {
                room_for(Counted::Kpis, map.kpis.len(), 1, limits::KPIS)?;
                kpi_fits(kpi)
            }
            Edit::SetKpi(kpi) => kpi_fits(kpi),
            Edit::InsertAction { action, .. } => {
                room_for(Counted::Actions, map.actions.len(), 1, limits::ACTIONS)?;
                action_fits(action)
            }
            Edit::SetAction(action) => action_fits(action),
            Edit::InsertDepartment { department, .. } => {
                let count = map.departments.len();
                room_for(Counted::Departments, count, 1, limits::DEPARTMENTS)?;
                text_fits(TextOf::DepartmentName(department.id.0), &department.name)
            }
            Edit::RenameDepartment { id, name } => text_fits(TextOf::DepartmentName(id.0), name),
            Edit::InsertStream { stream, .. } => {
                room_for(Counted::Streams, map.streams.len(), 1, limits::DEPARTMENTS)?;
                text_fits(TextOf::StreamName(stream.id.0), &stream.name)
            }
            Edit::RenameStream { id, name } => text_fits(TextOf::StreamName(id.0), name),
            Edit::SetPhases(phases) => {
                room_for(Counted::Phases, 0, phases.len(), limits::PHASES)?;
                phases
                    .iter()
                    .try_for_each(|p| text_fits(TextOf::PhaseName(p.id.0), &p.name))
            }
            Edit::SetForks(forks) => {
                room_for(Counted::Forks, 0, forks.len(), limits::FORKS)?;
                forks.iter().try_for_each(fork_fits)
            }
            Edit::InsertVote { .. } => room_for(Counted::Votes, map.votes.len(), 1, limits::VOTES),
            Edit::SetVotes(votes) => room_for(Counted::Votes, 0, votes.len(), limits::VOTES),
            Edit::RestoreVotes(votes) => {
                room_for(Counted::Votes, map.votes.len(), votes.len(), limits::VOTES)
            }
            // Batches check each of their edits as it applies; a replacing map was validated.
            _ => Ok(()),
        }
    }

    /// Whether the edit would be refused for a limit, without applying it: lets the editor keep
    /// what was typed open rather than lose it.
    pub fn within_limits(&self, map: &Map) -> Result<()> {
        match self {
            Edit::Batch(edits) => edits.iter().try_for_each(|e| e.within_limits(map)),
            edit => edit.check_limits(map),
        }
    }
}
