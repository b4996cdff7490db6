//! Every change to a [`Map`] is an [`Edit`]. Applying one returns its exact inverse, which is
//! what undo applies; an edit that does not fit the map is refused and leaves it untouched.
//!
//! Applying (`apply`) hands each edit to the module of its list — `personas`, `journeys`,
//! `stages`, `lanes`, `cards`, `kpis`, `actions`, `departments`, `streams`, `phases`, `room`
//! (the workshop room's dots and voting setup) — which says only what is special about that
//! list; finding, inserting, removing, replacing and moving an item by its id are shared, in
//! `list`. `fits` holds the limits an edit must keep,
//! `describe` the names of undo steps, and `build` the edits the editor's commands make from the
//! map as it is.

use crate::model::{
    Action, ActionId, Card, CardId, Channel, Department, DepartmentId, Feeling, Fork, Invalid,
    Journey, JourneyId, JourneyKind, Kpi, KpiId, Lane, LaneId, LaneKind, Map, Moment,
    ParticipantId, Persona, PersonaId, Phase, Room, Stage, StageId, Stream, StreamId, Vote,
    VoteRefused,
};

mod actions;
mod apply;
pub mod build;
mod cards;
mod departments;
mod describe;
mod fits;
mod journeys;
mod kpis;
mod lanes;
mod list;
mod personas;
mod phases;
mod room;
mod stages;
mod streams;

pub use build::copy_journey;
pub use describe::StepName;

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetTitle(String),
    InsertPersona {
        index: usize,
        persona: Persona,
    },
    /// Removes a persona; journeys told for it are then told for nobody (undo puts it back).
    RemovePersona(PersonaId),
    /// Replaces the persona with the same id.
    SetPersona(Persona),
    /// Adds a journey at `index` with its cards put back at their list positions (ascending).
    InsertJourney {
        index: usize,
        journey: Journey,
        cards: Vec<(usize, Card)>,
    },
    RemoveJourney(JourneyId),
    SetJourney {
        id: JourneyId,
        field: JourneyField,
    },
    /// Adds a stage at `index`, with what belongs to it put back: its cards (of every journey)
    /// at their list positions, its KPIs at theirs, and its points on journeys' curves. Both
    /// "add stage" and the undo of "delete stage".
    InsertStage {
        index: usize,
        stage: Stage,
        cards: Vec<(usize, Card)>,
        kpis: Vec<(usize, Kpi)>,
        curve: Vec<(JourneyId, Feeling)>,
    },
    RemoveStage(StageId),
    MoveStage {
        id: StageId,
        to: usize,
    },
    RenameStage {
        id: StageId,
        name: String,
    },
    /// Sets a journey's curve point for a stage by hand (`None`: the mean of its cards).
    SetStageFeeling {
        journey: JourneyId,
        stage: StageId,
        feeling: Option<Feeling>,
    },
    InsertLane {
        index: usize,
        lane: Lane,
        cards: Vec<(usize, Card)>,
    },
    RemoveLane(LaneId),
    MoveLane {
        id: LaneId,
        to: usize,
    },
    RenameLane {
        id: LaneId,
        name: String,
    },
    SetLaneKind {
        id: LaneId,
        kind: LaneKind,
    },
    InsertCard {
        position: usize,
        card: Card,
    },
    RemoveCard(CardId),
    /// Puts a card in a cell of its journey at `position` of the card list (counted without the
    /// card itself).
    MoveCard {
        id: CardId,
        stage: StageId,
        lane: LaneId,
        position: usize,
    },
    SetCard {
        id: CardId,
        field: CardField,
    },
    InsertKpi {
        index: usize,
        kpi: Kpi,
    },
    RemoveKpi(KpiId),
    /// Replaces the KPI with the same id.
    SetKpi(Kpi),
    InsertAction {
        index: usize,
        action: Action,
    },
    RemoveAction(ActionId),
    /// Replaces the action with the same id.
    SetAction(Action),
    InsertDepartment {
        index: usize,
        department: Department,
    },
    /// Removes a department; its actions then have no owner (undo gives them back).
    RemoveDepartment(DepartmentId),
    RenameDepartment {
        id: DepartmentId,
        name: String,
    },
    InsertStream {
        index: usize,
        stream: Stream,
    },
    /// Removes a stream; its actions then have none (undo gives it back).
    RemoveStream(StreamId),
    RenameStream {
        id: StreamId,
        name: String,
    },
    /// Replaces all phases: adding, renaming, regrouping and removing them.
    SetPhases(Vec<Phase>),
    /// Replaces all decision forks.
    SetForks(Vec<Fork>),
    /// A participant puts a dot on a card, by the room's rules: voting open, the card open to
    /// votes, a dot left.
    AddVote(Vote),
    /// Takes back a participant's last dot on a card (refused while voting is closed).
    RemoveVote {
        card: CardId,
        participant: ParticipantId,
    },
    /// Puts a dot back at `index` of the room's dots: the undo of taking it back. Voting must
    /// be open; whether the card is open to votes and the participant has a dot left is not
    /// asked again.
    InsertVote {
        index: usize,
        vote: Vote,
    },
    /// Takes every dot off the map (one undo step puts them back).
    ClearVotes,
    /// Every dot at once (the room's dots as the editor takes them in).
    SetVotes(Vec<Vote>),
    /// Gives back dots that went (the undo of clearing them, or of removing cards that had
    /// some), after the dots that came since: the room goes on voting while the facilitator
    /// works, and undo must not take its new dots away.
    /// Each goes back at its place in the list (ascending; dots that came since stay after).
    RestoreVotes(Vec<(usize, Vote)>),
    /// Takes these dots off again, each once (the undo of giving them back).
    WithdrawVotes(Vec<Vote>),
    /// Closes voting (`true`), or opens it again.
    SetVotingClosed(bool),
    /// Shows the counts to the room (`true`), or hides them.
    SetVotesRevealed(bool),
    /// How many dots each participant may spend.
    SetDots(u32),
    /// Opens (`Some(true)`) or closes (`Some(false)`) a lane to votes, or gives it back to the
    /// method's rule (`None`).
    SetLaneVotable {
        lane: LaneId,
        votable: Option<bool>,
    },
    /// The same for one card, whatever its lane says.
    SetCardVotable {
        card: CardId,
        votable: Option<bool>,
    },
    /// The whole voting setup at once: the undo of removing cards or lanes that had voting
    /// settings.
    SetRoom(Room),
    /// Several edits as one undo step; all or nothing.
    Batch(Vec<Edit>),
    /// The whole map at once: taking in a new version of the file from disk, undoably.
    Replace(Box<Map>),
}

impl Edit {
    /// One edit as itself, several as one batch (one undo step).
    pub(super) fn batch_or_single(mut edits: Vec<Edit>) -> Edit {
        if edits.len() == 1 {
            edits.remove(0)
        } else {
            Edit::Batch(edits)
        }
    }
}

/// One editable field of a card, with its new value.
#[derive(Clone, Debug, PartialEq)]
pub enum CardField {
    Title(String),
    Notes(String),
    Channel(Option<Channel>),
    Feeling(Option<Feeling>),
    Moment(Option<Moment>),
}

/// One editable field of a journey, with its new value.
#[derive(Clone, Debug, PartialEq)]
pub enum JourneyField {
    Name(String),
    Kind(JourneyKind),
    Persona(Option<PersonaId>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    NoStage(u32),
    NoLane(u32),
    NoCard(u32),
    NoPersona(u32),
    NoJourney(u32),
    NoKpi(u32),
    NoAction(u32),
    NoDepartment(u32),
    NoStream(u32),
    IdInUse(u32),
    OutOfRange(usize),
    LaneHoldsNoCards,
    Mismatch,
    /// A map keeps at least one journey.
    LastJourney,
    /// The edit would break a rule every map keeps (e.g. a phase over stages apart).
    Invalid(Invalid),
    /// A target journey needs a current journey to be compared with.
    TargetNeedsCurrent,
    /// The edit would take the map past a limit that loading enforces, so the map could not
    /// be opened again once saved.
    Limit(Invalid),
    /// The room does not take the dot (voting closed, no dots left…).
    Vote(VoteRefused),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::{fmt, tr};
        let no = |item: &'static str, id: &u32| {
            fmt(
                "edit-no-such",
                &[("item", tr(item).into()), ("id", (*id).into())],
            )
        };
        let text = match self {
            EditError::NoStage(id) => no("item-stage", id),
            EditError::NoLane(id) => no("item-lane", id),
            EditError::NoCard(id) => no("item-card", id),
            EditError::NoPersona(id) => no("item-persona", id),
            EditError::NoJourney(id) => no("item-journey", id),
            EditError::NoKpi(id) => no("item-kpi", id),
            EditError::NoAction(id) => no("item-action", id),
            EditError::NoDepartment(id) => no("item-department", id),
            EditError::NoStream(id) => no("item-stream", id),
            EditError::IdInUse(id) => fmt("edit-id-in-use", &[("id", (*id).into())]),
            EditError::OutOfRange(p) => fmt("edit-out-of-range", &[("position", (*p).into())]),
            EditError::LaneHoldsNoCards => tr("edit-lane-holds-no-cards").to_owned(),
            EditError::Mismatch => tr("edit-mismatch").to_owned(),
            EditError::LastJourney => tr("edit-last-journey").to_owned(),
            EditError::TargetNeedsCurrent => tr("edit-target-needs-current").to_owned(),
            EditError::Invalid(invalid) => invalid.to_string(),
            EditError::Limit(invalid) => fmt(
                "edit-limit",
                &[("why", invalid.to_string().as_str().into())],
            ),
            EditError::Vote(refused) => refused.to_string(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for EditError {}

type Result<T> = std::result::Result<T, EditError>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{self, MomentKind};
    use crate::templates;

    fn pizza() -> Map {
        templates::load("pizza").expect("the pizza template loads")
    }

    /// Applies, checks the change happened, then undoes and checks the map is back exactly.
    fn round_trip(map: &Map, edit: Edit) -> Map {
        let mut changed = map.clone();
        let inverse = edit.apply(&mut changed).expect("edit applies");
        assert_ne!(&changed, map, "the edit changed nothing");
        assert_eq!(model::validate(&changed), Ok(()), "the edit broke the map");
        let mut restored = changed.clone();
        inverse.apply(&mut restored).expect("inverse applies");
        assert_eq!(&restored, map, "undo did not restore the map");
        changed
    }

    #[test]
    fn phase_and_decision_steps_say_what_they_did() {
        let map = templates::load("before-during-after").unwrap();
        let key = |edit: Edit| edit.describe(&map);
        let mut phases = map.phases.clone();
        phases[0].name = "Discover".into();
        assert_eq!(
            key(Edit::SetPhases(phases)),
            StepName::of("step-rename-phase", Some("Discover"))
        );
        let mut phases = map.phases.clone();
        let moved = phases[1].stages.remove(0);
        phases[0].stages.push(moved);
        assert_eq!(key(Edit::SetPhases(phases)).key, "step-regroup-phase",);
        let mut phases = map.phases.clone();
        let gone = phases.remove(2);
        assert_eq!(
            key(Edit::SetPhases(phases)),
            StepName::of("step-delete-phase", Some(&gone.name))
        );
        let pizza = pizza();
        let mut forks = pizza.forks.clone();
        forks[0].question = "Where from?".into();
        assert_eq!(
            Edit::SetForks(forks).describe(&pizza),
            StepName::of("step-edit-decision", Some("Where from?"))
        );
        assert_eq!(
            Edit::SetForks(Vec::new()).describe(&pizza).key,
            "step-delete-decision"
        );
    }

    #[test]
    fn every_kind_of_edit_undoes_exactly() {
        let map = pizza();
        let stage = map.stages[2].clone();
        let lane = map.lanes[0].clone();
        let card = map.cards[3].clone();
        let journey = map.journeys[0].clone();
        let persona = map.personas[0].clone();
        let kpi = map.kpis[0].clone();
        let other_lane = map
            .lanes
            .iter()
            .find(|l| l.kind.holds_cards() && l.id != card.lane)
            .unwrap();
        let edits = vec![
            Edit::SetTitle("Other".into()),
            Edit::InsertPersona {
                index: 0,
                persona: Persona::new(map.new_persona_id(), "Ana"),
            },
            Edit::RemovePersona(persona.id),
            Edit::SetPersona(Persona {
                needs: vec!["Less waiting".into()],
                ..persona.clone()
            }),
            copy_journey(&map, journey.id, JourneyKind::Other, "Copy".into()).unwrap(),
            Edit::RemoveJourney(map.journeys[1].id),
            Edit::SetJourney {
                id: journey.id,
                field: JourneyField::Name("Today".into()),
            },
            Edit::SetJourney {
                id: journey.id,
                field: JourneyField::Persona(None),
            },
            Edit::InsertStage {
                index: 1,
                stage: Stage {
                    id: map.new_stage_id(),
                    name: "New".into(),
                },
                cards: vec![],
                kpis: vec![],
                curve: vec![],
            },
            Edit::RemoveStage(stage.id),
            Edit::RemoveStage(kpi.stage),
            Edit::MoveStage {
                id: stage.id,
                to: 0,
            },
            Edit::RenameStage {
                id: stage.id,
                name: "Renamed".into(),
            },
            Edit::SetStageFeeling {
                journey: journey.id,
                stage: stage.id,
                feeling: Some(Feeling::Angry),
            },
            Edit::InsertLane {
                index: 0,
                lane: Lane {
                    id: map.new_lane_id(),
                    name: "New".into(),
                    kind: LaneKind::Notes,
                },
                cards: vec![],
            },
            Edit::RemoveLane(lane.id),
            Edit::MoveLane { id: lane.id, to: 3 },
            Edit::RenameLane {
                id: lane.id,
                name: "Doing".into(),
            },
            Edit::SetLaneKind {
                id: lane.id,
                kind: LaneKind::Backstage,
            },
            Edit::InsertCard {
                position: 0,
                card: Card {
                    id: map.new_card_id(),
                    ..card.clone()
                },
            },
            Edit::RemoveCard(card.id),
            Edit::MoveCard {
                id: card.id,
                stage: map.stages[0].id,
                lane: other_lane.id,
                position: 0,
            },
            Edit::SetCard {
                id: card.id,
                field: CardField::Title("x".into()),
            },
            Edit::SetCard {
                id: card.id,
                field: CardField::Moment(Some(Moment {
                    kind: MomentKind::Pain,
                    why: "Slow".into(),
                })),
            },
            Edit::InsertKpi {
                index: 0,
                kpi: Kpi {
                    id: map.new_kpi_id(),
                    ..kpi.clone()
                },
            },
            Edit::RemoveKpi(kpi.id),
            Edit::SetKpi(Kpi {
                target: Some(2.5),
                ..kpi.clone()
            }),
            Edit::Batch(vec![Edit::RemoveCard(card.id), Edit::RemoveStage(stage.id)]),
            Edit::Replace(Box::new(templates::load("blank").unwrap())),
            Edit::InsertAction {
                index: 0,
                action: Action {
                    id: map.new_action_id(),
                    card: None,
                    ..map.actions[0].clone()
                },
            },
            Edit::RemoveAction(map.actions[0].id),
            Edit::SetAction(Action {
                horizon: model::Horizon::Later,
                ..map.actions[0].clone()
            }),
            Edit::InsertDepartment {
                index: 0,
                department: Department {
                    id: map.new_department_id(),
                    name: "Legal".into(),
                },
            },
            Edit::RemoveDepartment(map.departments[3].id),
            Edit::RenameDepartment {
                id: map.departments[0].id,
                name: "Growth".into(),
            },
            Edit::InsertStream {
                index: 4,
                stream: Stream {
                    id: map.new_stream_id(),
                    name: "Partners".into(),
                },
            },
            Edit::RemoveStream(map.streams[0].id),
            Edit::RenameStream {
                id: map.streams[0].id,
                name: "Data".into(),
            },
        ];
        for edit in edits {
            round_trip(&map, edit);
        }
    }

    #[test]
    fn refused_edits_leave_the_map_alone() {
        let map = pizza();
        let feelings = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Feelings)
            .unwrap();
        let card = &map.cards[0];
        let (current, target) = map.current_and_target().unwrap();
        let refused = vec![
            Edit::RemoveStage(StageId(999)),
            Edit::MoveStage {
                id: map.stages[0].id,
                to: 99,
            },
            Edit::MoveCard {
                id: card.id,
                stage: card.stage,
                lane: feelings.id,
                position: 0,
            },
            Edit::InsertCard {
                position: 0,
                card: card.clone(),
            },
            Edit::SetLaneKind {
                id: card.lane,
                kind: LaneKind::Feelings,
            },
            // The only current journey goes while a target needs it.
            Edit::RemoveJourney(current.id),
            Edit::SetJourney {
                id: current.id,
                field: JourneyField::Kind(JourneyKind::Other),
            },
            Edit::SetJourney {
                id: target.id,
                field: JourneyField::Persona(Some(PersonaId(999))),
            },
            Edit::SetStageFeeling {
                journey: JourneyId(999),
                stage: map.stages[0].id,
                feeling: None,
            },
            // The second edit fails, so the first must be rolled back.
            Edit::Batch(vec![Edit::RemoveCard(card.id), Edit::RemoveCard(card.id)]),
        ];
        for edit in refused {
            let mut copy = map.clone();
            assert!(
                edit.clone().apply(&mut copy).is_err(),
                "{edit:?} was accepted"
            );
            assert_eq!(copy, map, "{edit:?} changed the map although refused");
        }
        let mut single = templates::load("blank").unwrap();
        let only = single.journeys[0].id;
        assert_eq!(
            Edit::RemoveJourney(only).apply(&mut single),
            Err(EditError::LastJourney)
        );
    }

    #[test]
    fn removing_a_stage_takes_its_cards_kpis_and_curve_points_and_undo_puts_them_back() {
        let mut map = pizza();
        let stage = map.kpis[0].stage;
        let journey = map.journeys[0].id;
        Edit::SetStageFeeling {
            journey,
            stage,
            feeling: Some(Feeling::Happy),
        }
        .apply(&mut map)
        .unwrap();
        let before = map.cards.iter().filter(|c| c.stage == stage).count();
        assert!(before > 0);
        let after = round_trip(&map, Edit::RemoveStage(stage));
        assert_eq!(after.cards.iter().filter(|c| c.stage == stage).count(), 0);
        assert_eq!(after.cards.len(), map.cards.len() - before);
        assert!(after.kpis.iter().all(|k| k.stage != stage));
        assert!(after.journeys.iter().all(|j| !j.curve.contains_key(&stage)));
    }

    #[test]
    fn removing_what_an_action_links_to_unlinks_it_and_undo_links_it_again() {
        let map = pizza();
        let action = map.actions[0].clone();
        let card = action.card.unwrap();
        let stage = action.stages[0];
        for edit in [
            Edit::RemoveCard(card),
            Edit::RemoveStage(stage),
            Edit::RemoveKpi(action.kpi.unwrap()),
            Edit::RemoveDepartment(action.owner.unwrap()),
            Edit::RemoveStream(action.stream.unwrap()),
            Edit::RemoveJourney(map.journeys[0].id),
        ] {
            let mut changed = map.clone();
            let inverse = match edit.clone().apply(&mut changed) {
                Ok(inverse) => inverse,
                // The only current journey cannot go while a target needs it.
                Err(EditError::TargetNeedsCurrent) => continue,
                Err(e) => panic!("{edit:?}: {e}"),
            };
            assert_eq!(
                model::validate(&changed),
                Ok(()),
                "{edit:?} left a dangling link"
            );
            assert_ne!(
                changed.action(action.id).unwrap(),
                &action,
                "{edit:?} unlinked it"
            );
            inverse.apply(&mut changed).unwrap();
            assert_eq!(changed, map, "undo of {edit:?} links it again");
        }
    }

    #[test]
    fn a_target_copied_from_the_current_journey_has_its_own_cards() {
        let map = pizza();
        let current = map.first_of(JourneyKind::Current).unwrap().id;
        let edit = copy_journey(&map, current, JourneyKind::Target, "Next".into()).unwrap();
        let copied = round_trip(&map, edit);
        let copy = copied.journeys.iter().find(|j| j.name == "Next").unwrap();
        let originals: Vec<_> = copied.cards_of(current).map(|c| &c.title).collect();
        let copies: Vec<_> = copied.cards_of(copy.id).map(|c| &c.title).collect();
        assert_eq!(originals, copies);
    }

    #[test]
    fn moving_and_removing_stages_regroups_phases_and_prunes_forks_and_undo_restores_them() {
        let map = pizza();
        assert_eq!(map.phases.len(), 3);
        assert_eq!(map.forks.len(), 1);
        let fork = map.forks[0].clone();
        // The first stage moved into the middle of the "during" phase joins it.
        let first = map.stages[0].id;
        let moved = round_trip(&map, Edit::MoveStage { id: first, to: 3 });
        assert!(moved.phases[1].stages.contains(&first));
        assert_eq!(model::validate_phases(&moved), Ok(()));
        // Removing the stage a branch leads to prunes the branch; with one branch left, the
        // fork is no decision any more and goes.
        let to = fork.branches.iter().find_map(|b| b.to).unwrap();
        let removed = round_trip(&map, Edit::RemoveStage(to));
        assert!(removed.forks.is_empty());
        assert!(removed.phases.iter().all(|p| !p.stages.contains(&to)));
        // Removing the fork's stage removes the fork; removing a phase's last stage the phase.
        let removed = round_trip(&map, Edit::RemoveStage(fork.stage));
        assert!(removed.forks.is_empty());
        let last = map.stages.last().unwrap().id;
        let removed = round_trip(&map, Edit::RemoveStage(last));
        assert_eq!(removed.phases.len(), 2);
        // Removing the journey removes its forks.
        let target = map.current_and_target().unwrap().1.id;
        let current = map.current_and_target().unwrap().0.id;
        let mut without_target = map.clone();
        Edit::RemoveJourney(target)
            .apply(&mut without_target)
            .unwrap();
        let mut only = without_target.clone();
        Edit::InsertJourney {
            index: 1,
            journey: Journey {
                id: JourneyId(77),
                name: "Other".into(),
                kind: JourneyKind::Other,
                persona: None,
                curve: Default::default(),
            },
            cards: Vec::new(),
        }
        .apply(&mut only)
        .unwrap();
        let removed = round_trip(&only, Edit::RemoveJourney(current));
        assert!(removed.forks.is_empty());
    }

    #[test]
    fn phases_and_forks_that_break_the_rules_are_refused() {
        let map = pizza();
        let mut apart = map.phases.clone();
        apart[0].stages = vec![map.stages[0].id, map.stages[2].id];
        let mut m = map.clone();
        assert!(matches!(
            Edit::SetPhases(apart).apply(&mut m),
            Err(EditError::Invalid(Invalid::PhaseNotConsecutive { .. }))
        ));
        let mut own = map.forks.clone();
        own[0].branches[1].to = Some(own[0].stage);
        assert!(matches!(
            Edit::SetForks(own).apply(&mut m),
            Err(EditError::Invalid(Invalid::BranchToItsOwnStage { .. }))
        ));
        let mut lonely = map.forks.clone();
        lonely[0].branches.truncate(1);
        assert!(Edit::SetForks(lonely).apply(&mut m).is_err());
        assert_eq!(m, map, "refused edits change nothing");
        // A phase regrouped and renamed, a fork edited: one step each, undone exactly.
        let phase = &map.phases[0];
        let regrouped = map.phases_with_range(phase.id, "", map.stages[0].id, map.stages[2].id);
        round_trip(&map, Edit::SetPhases(regrouped));
        let mut forks = map.forks.clone();
        forks[0].question = "¿Otra pregunta?".into();
        forks[0].branches.push(model::Branch {
            label: "Later".into(),
            to: Some(map.stages[5].id),
        });
        round_trip(&map, Edit::SetForks(forks));
    }

    #[test]
    fn a_copied_journey_takes_its_forks_along() {
        let map = pizza();
        let current = map.current_and_target().unwrap().0.id;
        let edit = copy_journey(&map, current, JourneyKind::Other, "Copy".into()).unwrap();
        let copied = round_trip(&map, edit);
        assert_eq!(copied.forks.len(), 2);
        let copy = &copied.forks[1];
        assert_ne!(copy.journey, current);
        assert_eq!(copy.question, map.forks[0].question);
    }
}
