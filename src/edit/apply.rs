//! Applying an edit: the change to its own list (see the module of each list), then what
//! follows for the rest of the map — actions unlinked from what went, the room's dots and
//! voting settings gone with their cards and lanes, phases regrouped, forks pruned — all of
//! which the inverse puts back.

use super::actions::{self, Gone, relink};
use super::{
    Edit, Result, cards, departments, journeys, kpis, lanes, personas, phases, room, stages,
    streams,
};
use crate::model::Map;

impl Edit {
    /// Applies the edit and returns its inverse. On error the map is unchanged.
    pub fn apply(self, map: &mut Map) -> Result<Edit> {
        self.check_limits(map)?;
        // Removing cards, stages, KPIs, departments or streams unlinks actions from them; the
        // inverse then links them again.
        let before = (!map.actions.is_empty() && self.unlinks()).then(|| Gone::snapshot(map));
        // Removing cards or lanes takes their dots and voting settings; the inverse gives them
        // back as they were.
        let room = (self.unlinks() && map.room_refers_to_cards())
            .then(|| (map.votes.clone(), map.room.clone()));
        // Adding, moving and removing stages regroups phases and prunes forks; the inverse then
        // puts them back exactly as they were.
        let shape = (self.reshapes() && !(map.phases.is_empty() && map.forks.is_empty()))
            .then(|| (map.phases.clone(), map.forks.clone()));
        let inverse = self.apply_own(map)?;
        let inverse = match before {
            Some(before) => relink(inverse, before.detach(map)),
            None => inverse,
        };
        let inverse = match room {
            Some((votes, room)) => {
                map.forget_gone_in_room();
                let mut edits = vec![inverse];
                let gone = room::gone_votes(&votes, &map.votes);
                if !gone.is_empty() {
                    edits.push(Edit::RestoreVotes(gone));
                }
                if map.room != room {
                    edits.push(Edit::SetRoom(room));
                }
                Edit::batch_or_single(edits)
            }
            None => inverse,
        };
        Ok(match shape {
            Some((phases, forks)) => {
                let mut edits = vec![inverse];
                if map.phases != phases {
                    edits.push(Edit::SetPhases(phases));
                }
                if map.forks != forks {
                    edits.push(Edit::SetForks(forks));
                }
                Edit::batch_or_single(edits)
            }
            None => inverse,
        })
    }

    /// Whether the edit can change which stages phases hold, or which forks there are.
    fn reshapes(&self) -> bool {
        matches!(
            self,
            Edit::InsertStage { .. }
                | Edit::RemoveStage(_)
                | Edit::MoveStage { .. }
                | Edit::RemoveJourney(_)
        )
    }

    /// Whether the edit can remove something actions link to.
    fn unlinks(&self) -> bool {
        matches!(
            self,
            Edit::RemoveCard(_)
                | Edit::RemoveStage(_)
                | Edit::RemoveLane(_)
                | Edit::RemoveJourney(_)
                | Edit::RemoveKpi(_)
                | Edit::RemoveDepartment(_)
                | Edit::RemoveStream(_)
        )
    }

    /// Applies the edit to its own list only, and returns its inverse.
    fn apply_own(self, map: &mut Map) -> Result<Edit> {
        match self {
            Edit::SetTitle(title) => Ok(Edit::SetTitle(std::mem::replace(&mut map.title, title))),
            Edit::InsertPersona { index, persona } => personas::insert(map, index, persona),
            Edit::RemovePersona(id) => personas::remove(map, id),
            Edit::SetPersona(persona) => personas::set(map, persona),
            Edit::InsertJourney {
                index,
                journey,
                cards,
            } => journeys::insert(map, index, journey, cards),
            Edit::RemoveJourney(id) => journeys::remove(map, id),
            Edit::SetJourney { id, field } => journeys::set(map, id, field),
            Edit::InsertStage {
                index,
                stage,
                cards,
                kpis,
                curve,
            } => stages::insert(map, index, stage, cards, kpis, curve),
            Edit::RemoveStage(id) => stages::remove(map, id),
            Edit::MoveStage { id, to } => stages::move_to(map, id, to),
            Edit::RenameStage { id, name } => stages::rename(map, id, name),
            Edit::SetStageFeeling {
                journey,
                stage,
                feeling,
            } => stages::set_feeling(map, journey, stage, feeling),
            Edit::InsertLane { index, lane, cards } => lanes::insert(map, index, lane, cards),
            Edit::RemoveLane(id) => lanes::remove(map, id),
            Edit::MoveLane { id, to } => lanes::move_to(map, id, to),
            Edit::RenameLane { id, name } => lanes::rename(map, id, name),
            Edit::SetLaneKind { id, kind } => lanes::set_kind(map, id, kind),
            Edit::InsertCard { position, card } => cards::insert(map, position, card),
            Edit::RemoveCard(id) => cards::remove(map, id),
            Edit::MoveCard {
                id,
                stage,
                lane,
                position,
            } => cards::move_to(map, id, stage, lane, position),
            Edit::SetCard { id, field } => cards::set(map, id, field),
            Edit::InsertKpi { index, kpi } => kpis::insert(map, index, kpi),
            Edit::RemoveKpi(id) => kpis::remove(map, id),
            Edit::SetKpi(kpi) => kpis::set(map, kpi),
            Edit::InsertAction { index, action } => actions::insert(map, index, action),
            Edit::RemoveAction(id) => actions::remove(map, id),
            Edit::SetAction(action) => actions::set(map, action),
            Edit::InsertDepartment { index, department } => {
                departments::insert(map, index, department)
            }
            Edit::RemoveDepartment(id) => departments::remove(map, id),
            Edit::RenameDepartment { id, name } => departments::rename(map, id, name),
            Edit::InsertStream { index, stream } => streams::insert(map, index, stream),
            Edit::RemoveStream(id) => streams::remove(map, id),
            Edit::RenameStream { id, name } => streams::rename(map, id, name),
            Edit::SetPhases(phases) => phases::set_phases(map, phases),
            Edit::SetForks(forks) => phases::set_forks(map, forks),
            Edit::AddVote(vote) => room::add_vote(map, vote),
            Edit::RemoveVote { card, participant } => room::remove_vote(map, card, participant),
            Edit::InsertVote { index, vote } => room::insert_vote(map, index, vote),
            Edit::ClearVotes => room::clear_votes(map),
            Edit::SetVotes(votes) => room::set_votes(map, votes),
            Edit::RestoreVotes(votes) => room::restore_votes(map, votes),
            Edit::WithdrawVotes(votes) => room::withdraw_votes(map, votes),
            Edit::SetVotingClosed(closed) => room::set_closed(map, closed),
            Edit::SetVotesRevealed(revealed) => room::set_revealed(map, revealed),
            Edit::SetDots(dots) => room::set_dots(map, dots),
            Edit::SetLaneVotable { lane, votable } => room::set_lane_votable(map, lane, votable),
            Edit::SetCardVotable { card, votable } => room::set_card_votable(map, card, votable),
            Edit::SetRoom(new) => room::set_room(map, new),
            // A whole map is replaced as it is: it was validated when read.
            Edit::Replace(new) => Ok(Edit::Replace(Box::new(std::mem::replace(map, *new)))),
            Edit::Batch(edits) => apply_batch(edits, map),
        }
    }
}

/// Applies several edits as one undo step; all or nothing.
fn apply_batch(edits: Vec<Edit>, map: &mut Map) -> Result<Edit> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(map) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                // Roll back what was done, so a batch is all or nothing.
                for inverse in inverses.into_iter().rev() {
                    inverse
                        .apply(map)
                        .expect("an inverse always applies to the map it came from");
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}
