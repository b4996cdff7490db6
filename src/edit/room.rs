//! The workshop room: participants' dots on cards, and how the facilitator sets voting up.
//! A new dot keeps the room's rules (the model's [`Map::check_vote`]); a dot put back by undo
//! is only asked for what the map itself needs — its card, a well-formed participant, voting
//! open — since the undo returns the room to where it was.

use super::list::exists;
use super::{Edit, EditError, Result};
use crate::model::{self, Card, CardId, Lane, LaneId, Map, ParticipantId, Room, Vote, VoteRefused};

pub(super) fn add_vote(map: &mut Map, vote: Vote) -> Result<Edit> {
    map.check_vote(&vote).map_err(EditError::Vote)?;
    let inverse = Edit::RemoveVote {
        card: vote.card,
        participant: vote.participant.clone(),
    };
    map.votes.push(vote);
    Ok(inverse)
}

pub(super) fn remove_vote(map: &mut Map, card: CardId, participant: ParticipantId) -> Result<Edit> {
    let index = map
        .check_take_back(&participant, card)
        .map_err(EditError::Vote)?;
    let vote = map.votes.remove(index);
    Ok(Edit::InsertVote { index, vote })
}

pub(super) fn insert_vote(map: &mut Map, index: usize, vote: Vote) -> Result<Edit> {
    exists::<Card>(map, vote.card)?;
    model::check_participant(&vote.participant).map_err(EditError::Vote)?;
    model::check_name(&vote.name).map_err(EditError::Vote)?;
    if map.room.closed {
        return Err(EditError::Vote(VoteRefused::Closed));
    }
    if index > map.votes.len() {
        return Err(EditError::OutOfRange(index));
    }
    // Put back at `index`, it is again the participant's last dot on the card: the one
    // taking it back takes.
    let inverse = Edit::RemoveVote {
        card: vote.card,
        participant: vote.participant.clone(),
    };
    map.votes.insert(index, vote);
    Ok(inverse)
}

pub(super) fn clear_votes(map: &mut Map) -> Result<Edit> {
    Ok(Edit::RestoreVotes(
        std::mem::take(&mut map.votes)
            .into_iter()
            .enumerate()
            .collect(),
    ))
}

/// The dots of `before` that are not in `after`, with their places in `before`, each as many
/// times as it went.
pub(super) fn gone_votes(before: &[Vote], after: &[Vote]) -> Vec<(usize, Vote)> {
    let mut left: Vec<Option<&Vote>> = after.iter().map(Some).collect();
    before
        .iter()
        .enumerate()
        .filter(|(_, vote)| {
            match left.iter_mut().find(|v| v.is_some_and(|v| v == *vote)) {
                // Still there: matched once.
                Some(slot) => {
                    *slot = None;
                    false
                }
                None => true,
            }
        })
        .map(|(i, vote)| (i, vote.clone()))
        .collect()
}

/// Gives back dots at their places (dots that came since move after them); each on a card of
/// the map, from a well-formed participant.
pub(super) fn restore_votes(map: &mut Map, votes: Vec<(usize, Vote)>) -> Result<Edit> {
    if map.votes.len() + votes.len() > model::limits::VOTES {
        return Err(EditError::Vote(VoteRefused::Full));
    }
    let old = map.votes.clone();
    for (i, vote) in &votes {
        let at = (*i).min(map.votes.len());
        map.votes.insert(at, vote.clone());
    }
    if let Err(invalid) = model::validate_room(map) {
        map.votes = old;
        return Err(EditError::Invalid(invalid));
    }
    Ok(Edit::WithdrawVotes(
        votes.into_iter().map(|(_, v)| v).collect(),
    ))
}

/// Takes each of these dots off once (the last like it), leaving the others where they are.
pub(super) fn withdraw_votes(map: &mut Map, votes: Vec<Vote>) -> Result<Edit> {
    // Where each is in the list as it is now, the last like it not already claimed.
    let mut claimed = vec![false; map.votes.len()];
    for vote in votes.iter().rev() {
        if let Some(i) = (0..map.votes.len())
            .rev()
            .find(|&i| !claimed[i] && map.votes[i] == *vote)
        {
            claimed[i] = true;
        }
    }
    let mut taken = Vec::new();
    let mut kept = Vec::with_capacity(map.votes.len());
    for (i, vote) in std::mem::take(&mut map.votes).into_iter().enumerate() {
        if claimed[i] {
            taken.push((i, vote));
        } else {
            kept.push(vote);
        }
    }
    map.votes = kept;
    // Put back in ascending places, the list is again as it was.
    Ok(Edit::RestoreVotes(taken))
}

/// Every dot at once, each on a card of the map from a well-formed participant.
pub(super) fn set_votes(map: &mut Map, votes: Vec<Vote>) -> Result<Edit> {
    let old = std::mem::replace(&mut map.votes, votes);
    if let Err(invalid) = model::validate_room(map) {
        map.votes = old;
        return Err(EditError::Invalid(invalid));
    }
    Ok(Edit::SetVotes(old))
}

pub(super) fn set_closed(map: &mut Map, closed: bool) -> Result<Edit> {
    let old = std::mem::replace(&mut map.room.closed, closed);
    Ok(Edit::SetVotingClosed(old))
}

pub(super) fn set_revealed(map: &mut Map, revealed: bool) -> Result<Edit> {
    let old = std::mem::replace(&mut map.room.revealed, revealed);
    Ok(Edit::SetVotesRevealed(old))
}

pub(super) fn set_dots(map: &mut Map, dots: u32) -> Result<Edit> {
    model::check_dots(dots).map_err(EditError::Invalid)?;
    let old = std::mem::replace(&mut map.room.dots, dots);
    Ok(Edit::SetDots(old))
}

pub(super) fn set_lane_votable(map: &mut Map, lane: LaneId, votable: Option<bool>) -> Result<Edit> {
    exists::<Lane>(map, lane)?;
    let lanes = &mut map.room.votable_lanes;
    let old = match votable {
        Some(v) => lanes.insert(lane, v),
        None => lanes.remove(&lane),
    };
    Ok(Edit::SetLaneVotable { lane, votable: old })
}

pub(super) fn set_card_votable(map: &mut Map, card: CardId, votable: Option<bool>) -> Result<Edit> {
    exists::<Card>(map, card)?;
    let cards = &mut map.room.votable_cards;
    let old = match votable {
        Some(v) => cards.insert(card, v),
        None => cards.remove(&card),
    };
    Ok(Edit::SetCardVotable { card, votable: old })
}

pub(super) fn set_room(map: &mut Map, room: Room) -> Result<Edit> {
    let old = std::mem::replace(&mut map.room, room);
    if let Err(invalid) = model::validate_room(map) {
        map.room = old;
        return Err(EditError::Invalid(invalid));
    }
    Ok(Edit::SetRoom(old))
}

#[cfg(test)]
mod tests {
    use super::super::EditError;
    use super::*;
    use crate::i18n::Lang;
    use crate::i18n::strings::step_name;
    use crate::model::{JourneyKind, LaneKind};
    use crate::templates;

    /// The pizza example with a few dots: Ana's two on a pain point and one on an opportunity,
    /// Luis's one on the pain point.
    fn voted() -> (Map, CardId, CardId) {
        let mut map = templates::load("pizza").unwrap();
        let current = map.first_of(JourneyKind::Current).unwrap().id;
        let lane_of = |kind| map.lanes.iter().find(|l| l.kind == kind).unwrap().id;
        let (pain_lane, idea_lane) = (
            lane_of(LaneKind::PainPoints),
            lane_of(LaneKind::Opportunities),
        );
        let card_in = |lane| {
            map.cards_of(current)
                .find(|c| c.lane == lane)
                .map(|c| c.id)
                .unwrap()
        };
        let (pain, idea) = (card_in(pain_lane), card_in(idea_lane));
        for (card, who, name) in [
            (pain, "ana", Some("Ana")),
            (pain, "luis", None),
            (idea, "ana", Some("Ana")),
            (pain, "ana", Some("Ana")),
        ] {
            Edit::AddVote(Vote::new(card, who, name))
                .apply(&mut map)
                .unwrap();
        }
        (map, pain, idea)
    }

    /// Applies, checks the change happened and kept the map valid, then undoes and checks the
    /// map is back exactly.
    fn round_trip(map: &Map, edit: Edit) -> Map {
        let mut changed = map.clone();
        let inverse = edit.clone().apply(&mut changed).expect("edit applies");
        assert_ne!(&changed, map, "{edit:?} changed nothing");
        assert_eq!(model::validate(&changed), Ok(()), "{edit:?} broke the map");
        let mut restored = changed.clone();
        let redo = inverse.apply(&mut restored).expect("inverse applies");
        assert_eq!(&restored, map, "undo of {edit:?} did not restore the map");
        redo.apply(&mut restored).expect("redo applies");
        assert_eq!(restored, changed, "redo of {edit:?} differs");
        changed
    }

    #[test]
    fn every_room_edit_undoes_and_redoes_exactly() {
        let (map, pain, idea) = voted();
        let ana = ParticipantId::new("ana");
        let lane = map.lanes[0].id;
        let touchpoint = map.cards.iter().find(|c| !map.is_votable(c)).unwrap().id;
        let mut fewer = map.votes.clone();
        fewer.truncate(1);
        let edits = vec![
            Edit::AddVote(Vote::new(idea, "eva", Some("Eva"))),
            Edit::RemoveVote {
                card: pain,
                participant: ana.clone(),
            },
            Edit::InsertVote {
                index: 1,
                vote: Vote::new(idea, "luis", None),
            },
            Edit::ClearVotes,
            Edit::SetVotingClosed(true),
            Edit::SetVotesRevealed(true),
            Edit::SetDots(5),
            Edit::SetLaneVotable {
                lane,
                votable: Some(true),
            },
            Edit::SetCardVotable {
                card: touchpoint,
                votable: Some(true),
            },
            Edit::SetCardVotable {
                card: pain,
                votable: Some(false),
            },
            Edit::SetVotes(fewer),
            Edit::RestoreVotes(vec![(1, Vote::new(idea, "eva", None))]),
            Edit::WithdrawVotes(vec![Vote::new(pain, "ana", Some("Ana"))]),
            Edit::SetRoom(Room {
                dots: 6,
                revealed: true,
                ..map.room.clone()
            }),
        ];
        for edit in edits {
            round_trip(&map, edit);
        }
        // Ana takes back her last dot on the pain point, not her first.
        let taken = round_trip(
            &map,
            Edit::RemoveVote {
                card: pain,
                participant: ana,
            },
        );
        assert_eq!(taken.votes, map.votes[..3]);
        assert!(round_trip(&map, Edit::ClearVotes).votes.is_empty());
    }

    #[test]
    fn what_the_room_refuses_leaves_the_map_alone() {
        let (map, pain, idea) = voted();
        let touchpoint = map.cards.iter().find(|c| !map.is_votable(c)).unwrap().id;
        let mut closed = map.clone();
        Edit::SetVotingClosed(true).apply(&mut closed).unwrap();
        let refused = [
            (
                &map,
                Edit::AddVote(Vote::new(pain, "ana", None)),
                EditError::Vote(VoteRefused::NoDotsLeft { dots: 3 }),
            ),
            (
                &map,
                Edit::AddVote(Vote::new(touchpoint, "eva", None)),
                EditError::Vote(VoteRefused::NotVotable(touchpoint)),
            ),
            (
                &map,
                Edit::AddVote(Vote::new(pain, "", None)),
                EditError::Vote(VoteRefused::BadParticipant),
            ),
            (
                &closed,
                Edit::AddVote(Vote::new(idea, "eva", None)),
                EditError::Vote(VoteRefused::Closed),
            ),
            (
                &closed,
                Edit::RemoveVote {
                    card: pain,
                    participant: ParticipantId::new("ana"),
                },
                EditError::Vote(VoteRefused::Closed),
            ),
            (
                &map,
                Edit::RemoveVote {
                    card: idea,
                    participant: ParticipantId::new("luis"),
                },
                EditError::Vote(VoteRefused::NoVote(idea)),
            ),
            (
                &map,
                Edit::InsertVote {
                    index: 99,
                    vote: Vote::new(idea, "luis", None),
                },
                EditError::OutOfRange(99),
            ),
            (
                &map,
                Edit::InsertVote {
                    index: 0,
                    vote: Vote::new(CardId(9999), "luis", None),
                },
                EditError::NoCard(9999),
            ),
            (
                &map,
                Edit::SetDots(0),
                EditError::Invalid(model::Invalid::DotsOutOfRange { dots: 0 }),
            ),
            (
                &map,
                Edit::SetLaneVotable {
                    lane: LaneId(999),
                    votable: Some(true),
                },
                EditError::NoLane(999),
            ),
            (
                &map,
                Edit::SetVotes(vec![Vote::new(CardId(9999), "luis", None)]),
                EditError::Invalid(model::Invalid::VoteOnUnknownCard {
                    vote: 1,
                    card: 9999,
                }),
            ),
            (
                &map,
                Edit::SetRoom(Room {
                    votable_lanes: [(LaneId(999), true)].into(),
                    ..Room::default()
                }),
                EditError::Invalid(model::Invalid::VotingSetForUnknown {
                    to: (model::Item::Lane, 999),
                }),
            ),
        ];
        for (before, edit, error) in refused {
            let mut copy = before.clone();
            assert_eq!(edit.clone().apply(&mut copy), Err(error), "{edit:?}");
            assert_eq!(&copy, before, "{edit:?} changed the map although refused");
        }
    }

    #[test]
    fn a_card_lane_stage_or_journey_that_goes_takes_its_dots_and_undo_brings_them_back() {
        let (mut map, pain, idea) = voted();
        Edit::SetCardVotable {
            card: pain,
            votable: Some(true),
        }
        .apply(&mut map)
        .unwrap();
        let lane = map.card(idea).unwrap().lane;
        Edit::SetLaneVotable {
            lane,
            votable: Some(true),
        }
        .apply(&mut map)
        .unwrap();
        let after = round_trip(&map, Edit::RemoveCard(pain));
        assert_eq!(
            after.votes.len(),
            1,
            "only the dot on the opportunity stays"
        );
        assert!(after.room.votable_cards.is_empty());
        let after = round_trip(&map, Edit::RemoveLane(lane));
        assert!(after.votes.iter().all(|v| v.card == pain));
        assert!(after.room.votable_lanes.is_empty());
        let stage = map.card(pain).unwrap().stage;
        let after = round_trip(&map, Edit::RemoveStage(stage));
        assert!(after.votes.iter().all(|v| v.card != pain));
        // The target journey goes with no dots on it: the room stays as it was.
        let target = map.first_of(JourneyKind::Target).unwrap().id;
        let after = round_trip(&map, Edit::RemoveJourney(target));
        assert_eq!(
            (after.votes, after.room),
            (map.votes.clone(), map.room.clone())
        );
        // In a batch, too, as one step.
        let after = round_trip(
            &map,
            Edit::Batch(vec![Edit::RemoveCard(idea), Edit::RemoveCard(pain)]),
        );
        assert!(after.votes.is_empty());
    }

    #[test]
    fn room_steps_are_named_in_both_languages() {
        let (map, pain, _) = voted();
        let edits = [
            Edit::AddVote(Vote::new(pain, "eva", None)),
            Edit::RemoveVote {
                card: pain,
                participant: ParticipantId::new("ana"),
            },
            Edit::InsertVote {
                index: 0,
                vote: Vote::new(pain, "ana", None),
            },
            Edit::ClearVotes,
            Edit::SetVotingClosed(true),
            Edit::SetVotingClosed(false),
            Edit::SetVotesRevealed(true),
            Edit::SetVotesRevealed(false),
            Edit::SetDots(5),
            Edit::SetLaneVotable {
                lane: map.lanes[0].id,
                votable: Some(true),
            },
            Edit::SetLaneVotable {
                lane: map.lanes[0].id,
                votable: Some(false),
            },
            Edit::SetLaneVotable {
                lane: map.lanes[0].id,
                votable: None,
            },
            Edit::SetCardVotable {
                card: pain,
                votable: Some(true),
            },
            Edit::SetCardVotable {
                card: pain,
                votable: Some(false),
            },
            Edit::SetCardVotable {
                card: pain,
                votable: None,
            },
            Edit::SetVotes(Vec::new()),
            Edit::SetRoom(Room::default()),
        ];
        let mut keys = std::collections::HashSet::new();
        for edit in &edits {
            let name = edit.describe(&map);
            for lang in Lang::ALL {
                crate::i18n::set(lang);
                let said = step_name(name.key, name.subject.as_deref());
                assert!(!said.contains("step-"), "{said} in {lang:?}");
                if let Some(subject) = &name.subject {
                    assert!(said.contains(subject.as_str()), "{said} in {lang:?}");
                }
            }
            crate::i18n::set(Lang::En);
            keys.insert(name.key);
        }
        assert_eq!(keys.len(), edits.len(), "each step has its own name");
        let title = &map.card(pain).unwrap().title;
        assert_eq!(edits[0].describe(&map).subject.as_ref(), Some(title));
        assert_eq!(edits[8].describe(&map).subject.as_deref(), Some("5"));
    }

    /// The room votes on while the facilitator works: undoing a clear, or the removal of a
    /// card that had dots, gives those dots back where they were and keeps the ones that came
    /// since; redoing takes only the given-back ones away again.
    #[test]
    fn undo_gives_dots_back_without_taking_the_new_ones() {
        let (map, pain, idea) = voted();
        let late = Vote::new(idea, "zoe", None);
        for step in [Edit::ClearVotes, Edit::RemoveCard(pain)] {
            let mut changed = map.clone();
            let undo = step.clone().apply(&mut changed).unwrap();
            // Meanwhile, in the room:
            changed.votes.push(late.clone());
            let after_step = changed.clone();
            let redo = undo.apply(&mut changed).unwrap();
            let mut expected = map.votes.clone();
            expected.push(late.clone());
            assert_eq!(changed.votes, expected, "undo of {step:?}");
            redo.apply(&mut changed).unwrap();
            assert_eq!(changed.votes, after_step.votes, "redo of {step:?}");
            assert!(changed.votes.contains(&late));
        }
    }
}
