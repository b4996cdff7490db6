//! Every change to a [`Map`] is an [`Edit`]. Applying one returns its exact inverse, which is
//! what undo applies; an edit that does not fit the map is refused and leaves it untouched.

use crate::model::{
    Action, ActionId, Card, CardId, Channel, Department, DepartmentId, Feeling, Fork, Invalid,
    Journey, JourneyId, JourneyKind, Kpi, KpiId, Lane, LaneId, LaneKind, Map, Moment, Persona,
    PersonaId, Phase, Stage, StageId, Stream, StreamId,
};
use std::collections::HashSet;

mod build;
mod describe;
mod fits;

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
    /// Several edits as one undo step; all or nothing.
    Batch(Vec<Edit>),
    /// The whole map at once: taking in a new version of the file from disk, undoably.
    Replace(Box<Map>),
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
        };
        f.write_str(&text)
    }
}

impl std::error::Error for EditError {}

type Result<T> = std::result::Result<T, EditError>;

impl Edit {
    /// Applies the edit and returns its inverse. On error the map is unchanged.
    pub fn apply(self, map: &mut Map) -> Result<Edit> {
        self.check_limits(map)?;
        // Removing cards, stages, KPIs, departments or streams unlinks actions from them; the
        // inverse then links them again.
        let before = (!map.actions.is_empty() && self.unlinks()).then(|| Gone::snapshot(map));
        // Adding, moving and removing stages regroups phases and prunes forks; the inverse then
        // puts them back exactly as they were.
        let shape = (self.reshapes() && !(map.phases.is_empty() && map.forks.is_empty()))
            .then(|| (map.phases.clone(), map.forks.clone()));
        let inverse = self.apply_own(map)?;
        let inverse = match before {
            Some(before) => relink(inverse, before.detach(map)),
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
                batch_or_single(edits)
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

    fn apply_own(self, map: &mut Map) -> Result<Edit> {
        match self {
            Edit::SetTitle(title) => Ok(Edit::SetTitle(std::mem::replace(&mut map.title, title))),
            Edit::InsertPersona { index, persona } => {
                if map.persona_index(persona.id).is_some() {
                    return Err(EditError::IdInUse(persona.id.0));
                }
                if index > map.personas.len() {
                    return Err(EditError::OutOfRange(index));
                }
                let id = persona.id;
                map.personas.insert(index, persona);
                Ok(Edit::RemovePersona(id))
            }
            Edit::RemovePersona(id) => {
                let index = map.persona_index(id).ok_or(EditError::NoPersona(id.0))?;
                let persona = map.personas.remove(index);
                let mut inverse = vec![Edit::InsertPersona { index, persona }];
                for journey in map.journeys.iter_mut().filter(|j| j.persona == Some(id)) {
                    journey.persona = None;
                    inverse.push(Edit::SetJourney {
                        id: journey.id,
                        field: JourneyField::Persona(Some(id)),
                    });
                }
                Ok(batch_or_single(inverse))
            }
            Edit::SetPersona(persona) => {
                let index = map
                    .persona_index(persona.id)
                    .ok_or(EditError::NoPersona(persona.id.0))?;
                Ok(Edit::SetPersona(std::mem::replace(
                    &mut map.personas[index],
                    persona,
                )))
            }
            Edit::InsertJourney {
                index,
                journey,
                cards,
            } => {
                if map.journey_index(journey.id).is_some() {
                    return Err(EditError::IdInUse(journey.id.0));
                }
                if index > map.journeys.len() {
                    return Err(EditError::OutOfRange(index));
                }
                if let Some(persona) = journey.persona {
                    map.persona_index(persona)
                        .ok_or(EditError::NoPersona(persona.0))?;
                }
                if let Some(stage) = journey.curve.keys().find(|s| map.stage(**s).is_none()) {
                    return Err(EditError::NoStage(stage.0));
                }
                let has_current = journey.kind == JourneyKind::Current
                    || map.first_of(JourneyKind::Current).is_some();
                if journey.kind == JourneyKind::Target && !has_current {
                    return Err(EditError::TargetNeedsCurrent);
                }
                let fresh = CardPlace {
                    journey: Some(journey.id),
                    ..CardPlace::default()
                };
                check_restored_cards(map, &cards, |c| c.journey == journey.id, fresh)?;
                let id = journey.id;
                map.journeys.insert(index, journey);
                restore(&mut map.cards, cards);
                Ok(Edit::RemoveJourney(id))
            }
            Edit::RemoveJourney(id) => {
                let index = map.journey_index(id).ok_or(EditError::NoJourney(id.0))?;
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
            Edit::SetJourney { id, field } => {
                let index = map.journey_index(id).ok_or(EditError::NoJourney(id.0))?;
                match &field {
                    JourneyField::Persona(Some(persona)) => {
                        map.persona_index(*persona)
                            .ok_or(EditError::NoPersona(persona.0))?;
                    }
                    JourneyField::Kind(kind) => {
                        let was = map.journeys[index].kind;
                        let loses_current = was == JourneyKind::Current
                            && *kind != JourneyKind::Current
                            && !currents_remain(map, id);
                        let lone_target = *kind == JourneyKind::Target
                            && map
                                .journeys
                                .iter()
                                .all(|j| j.id == id || j.kind != JourneyKind::Current);
                        if loses_current || lone_target {
                            return Err(EditError::TargetNeedsCurrent);
                        }
                    }
                    _ => {}
                }
                let journey = &mut map.journeys[index];
                let old = match field {
                    JourneyField::Name(v) => {
                        JourneyField::Name(std::mem::replace(&mut journey.name, v))
                    }
                    JourneyField::Kind(v) => {
                        JourneyField::Kind(std::mem::replace(&mut journey.kind, v))
                    }
                    JourneyField::Persona(v) => {
                        JourneyField::Persona(std::mem::replace(&mut journey.persona, v))
                    }
                };
                Ok(Edit::SetJourney { id, field: old })
            }
            Edit::InsertStage {
                index,
                stage,
                cards,
                kpis,
                curve,
            } => {
                if map.stage_index(stage.id).is_some() {
                    return Err(EditError::IdInUse(stage.id.0));
                }
                if index > map.stages.len() {
                    return Err(EditError::OutOfRange(index));
                }
                let fresh = CardPlace {
                    stage: Some(stage.id),
                    ..CardPlace::default()
                };
                check_restored_cards(map, &cards, |c| c.stage == stage.id, fresh)?;
                check_restored_kpis(map, &kpis, stage.id)?;
                for (journey, _) in &curve {
                    map.journey_index(*journey)
                        .ok_or(EditError::NoJourney(journey.0))?;
                }
                let id = stage.id;
                map.stages.insert(index, stage);
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
            Edit::RemoveStage(id) => {
                let index = map.stage_index(id).ok_or(EditError::NoStage(id.0))?;
                let stage = map.stages.remove(index);
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
            Edit::MoveStage { id, to } => {
                let from = map.stage_index(id).ok_or(EditError::NoStage(id.0))?;
                let own = map.phase_of(id).map(|p| p.id);
                move_item(&mut map.stages, from, to)?;
                map.regroup_after(id, own);
                Ok(Edit::MoveStage { id, to: from })
            }
            Edit::RenameStage { id, name } => {
                let stage = stage_mut(map, id)?;
                let name = std::mem::replace(&mut stage.name, name);
                Ok(Edit::RenameStage { id, name })
            }
            Edit::SetStageFeeling {
                journey,
                stage,
                feeling,
            } => {
                map.stage_index(stage).ok_or(EditError::NoStage(stage.0))?;
                let j = map
                    .journeys
                    .iter_mut()
                    .find(|j| j.id == journey)
                    .ok_or(EditError::NoJourney(journey.0))?;
                let old = match feeling {
                    Some(feeling) => j.curve.insert(stage, feeling),
                    None => j.curve.remove(&stage),
                };
                Ok(Edit::SetStageFeeling {
                    journey,
                    stage,
                    feeling: old,
                })
            }
            Edit::InsertLane { index, lane, cards } => {
                if map.lane_index(lane.id).is_some() {
                    return Err(EditError::IdInUse(lane.id.0));
                }
                if index > map.lanes.len() {
                    return Err(EditError::OutOfRange(index));
                }
                if !cards.is_empty() && !lane.kind.holds_cards() {
                    return Err(EditError::LaneHoldsNoCards);
                }
                let fresh = CardPlace {
                    lane: Some(lane.id),
                    ..CardPlace::default()
                };
                check_restored_cards(map, &cards, |c| c.lane == lane.id, fresh)?;
                let id = lane.id;
                map.lanes.insert(index, lane);
                restore(&mut map.cards, cards);
                Ok(Edit::RemoveLane(id))
            }
            Edit::RemoveLane(id) => {
                let index = map.lane_index(id).ok_or(EditError::NoLane(id.0))?;
                let lane = map.lanes.remove(index);
                let cards = take(&mut map.cards, |c| c.lane == id);
                Ok(Edit::InsertLane { index, lane, cards })
            }
            Edit::MoveLane { id, to } => {
                let from = map.lane_index(id).ok_or(EditError::NoLane(id.0))?;
                move_item(&mut map.lanes, from, to)?;
                Ok(Edit::MoveLane { id, to: from })
            }
            Edit::RenameLane { id, name } => {
                let lane = lane_mut(map, id)?;
                let name = std::mem::replace(&mut lane.name, name);
                Ok(Edit::RenameLane { id, name })
            }
            Edit::SetLaneKind { id, kind } => {
                if !kind.holds_cards() && map.cards.iter().any(|c| c.lane == id) {
                    return Err(EditError::LaneHoldsNoCards);
                }
                let lane = lane_mut(map, id)?;
                let kind = std::mem::replace(&mut lane.kind, kind);
                Ok(Edit::SetLaneKind { id, kind })
            }
            Edit::InsertCard { position, card } => {
                check_restored_cards(
                    map,
                    std::slice::from_ref(&(position, card.clone())),
                    |_| true,
                    CardPlace::default(),
                )?;
                let id = card.id;
                map.cards.insert(position, card);
                Ok(Edit::RemoveCard(id))
            }
            Edit::RemoveCard(id) => {
                let position = map.card_index(id).ok_or(EditError::NoCard(id.0))?;
                let card = map.cards.remove(position);
                Ok(Edit::InsertCard { position, card })
            }
            Edit::MoveCard {
                id,
                stage,
                lane,
                position,
            } => {
                let from = map.card_index(id).ok_or(EditError::NoCard(id.0))?;
                check_cell(map, stage, lane)?;
                if position >= map.cards.len() {
                    return Err(EditError::OutOfRange(position));
                }
                let mut card = map.cards.remove(from);
                let inverse = Edit::MoveCard {
                    id,
                    stage: card.stage,
                    lane: card.lane,
                    position: from,
                };
                card.stage = stage;
                card.lane = lane;
                map.cards.insert(position, card);
                Ok(inverse)
            }
            Edit::SetCard { id, field } => {
                let card = map
                    .cards
                    .iter_mut()
                    .find(|c| c.id == id)
                    .ok_or(EditError::NoCard(id.0))?;
                let old = match field {
                    CardField::Title(v) => CardField::Title(std::mem::replace(&mut card.title, v)),
                    CardField::Notes(v) => CardField::Notes(std::mem::replace(&mut card.notes, v)),
                    CardField::Channel(v) => {
                        CardField::Channel(std::mem::replace(&mut card.channel, v))
                    }
                    CardField::Feeling(v) => {
                        CardField::Feeling(std::mem::replace(&mut card.feeling, v))
                    }
                    CardField::Moment(v) => {
                        CardField::Moment(std::mem::replace(&mut card.moment, v))
                    }
                };
                Ok(Edit::SetCard { id, field: old })
            }
            Edit::InsertKpi { index, kpi } => {
                if index > map.kpis.len() {
                    return Err(EditError::OutOfRange(index));
                }
                check_restored_kpis(map, &[(index, kpi.clone())], kpi.stage)?;
                map.stage_index(kpi.stage)
                    .ok_or(EditError::NoStage(kpi.stage.0))?;
                let id = kpi.id;
                map.kpis.insert(index, kpi);
                Ok(Edit::RemoveKpi(id))
            }
            Edit::RemoveKpi(id) => {
                let index = map.kpi_index(id).ok_or(EditError::NoKpi(id.0))?;
                let kpi = map.kpis.remove(index);
                Ok(Edit::InsertKpi { index, kpi })
            }
            Edit::SetKpi(kpi) => {
                let index = map.kpi_index(kpi.id).ok_or(EditError::NoKpi(kpi.id.0))?;
                map.stage_index(kpi.stage)
                    .ok_or(EditError::NoStage(kpi.stage.0))?;
                Ok(Edit::SetKpi(std::mem::replace(&mut map.kpis[index], kpi)))
            }
            Edit::InsertAction { index, action } => {
                if map.action_index(action.id).is_some() {
                    return Err(EditError::IdInUse(action.id.0));
                }
                if index > map.actions.len() {
                    return Err(EditError::OutOfRange(index));
                }
                check_action_links(map, &action)?;
                let id = action.id;
                map.actions.insert(index, action);
                Ok(Edit::RemoveAction(id))
            }
            Edit::RemoveAction(id) => {
                let index = map.action_index(id).ok_or(EditError::NoAction(id.0))?;
                let action = map.actions.remove(index);
                Ok(Edit::InsertAction { index, action })
            }
            Edit::SetAction(action) => {
                let index = map
                    .action_index(action.id)
                    .ok_or(EditError::NoAction(action.id.0))?;
                check_action_links(map, &action)?;
                Ok(Edit::SetAction(std::mem::replace(
                    &mut map.actions[index],
                    action,
                )))
            }
            Edit::InsertDepartment { index, department } => {
                if map.departments.iter().any(|d| d.id == department.id) {
                    return Err(EditError::IdInUse(department.id.0));
                }
                if index > map.departments.len() {
                    return Err(EditError::OutOfRange(index));
                }
                let id = department.id;
                map.departments.insert(index, department);
                Ok(Edit::RemoveDepartment(id))
            }
            Edit::RemoveDepartment(id) => {
                let index = map
                    .departments
                    .iter()
                    .position(|d| d.id == id)
                    .ok_or(EditError::NoDepartment(id.0))?;
                let department = map.departments.remove(index);
                Ok(Edit::InsertDepartment { index, department })
            }
            Edit::RenameDepartment { id, name } => {
                let department = map
                    .departments
                    .iter_mut()
                    .find(|d| d.id == id)
                    .ok_or(EditError::NoDepartment(id.0))?;
                let name = std::mem::replace(&mut department.name, name);
                Ok(Edit::RenameDepartment { id, name })
            }
            Edit::InsertStream { index, stream } => {
                if map.streams.iter().any(|s| s.id == stream.id) {
                    return Err(EditError::IdInUse(stream.id.0));
                }
                if index > map.streams.len() {
                    return Err(EditError::OutOfRange(index));
                }
                let id = stream.id;
                map.streams.insert(index, stream);
                Ok(Edit::RemoveStream(id))
            }
            Edit::RemoveStream(id) => {
                let index = map
                    .streams
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or(EditError::NoStream(id.0))?;
                let stream = map.streams.remove(index);
                Ok(Edit::InsertStream { index, stream })
            }
            Edit::RenameStream { id, name } => {
                let stream = map
                    .streams
                    .iter_mut()
                    .find(|s| s.id == id)
                    .ok_or(EditError::NoStream(id.0))?;
                let name = std::mem::replace(&mut stream.name, name);
                Ok(Edit::RenameStream { id, name })
            }
            Edit::SetPhases(phases) => {
                let old = std::mem::replace(&mut map.phases, phases);
                if let Err(invalid) = crate::model::validate_phases(map) {
                    map.phases = old;
                    return Err(EditError::Invalid(invalid));
                }
                Ok(Edit::SetPhases(old))
            }
            Edit::SetForks(forks) => {
                let old = std::mem::replace(&mut map.forks, forks);
                let journeys = map.journeys.iter().map(|j| j.id).collect();
                if let Err(invalid) = crate::model::validate_forks(map, &journeys) {
                    map.forks = old;
                    return Err(EditError::Invalid(invalid));
                }
                Ok(Edit::SetForks(old))
            }
            // A whole map is replaced as it is: it was validated when read.
            Edit::Replace(new) => Ok(Edit::Replace(Box::new(std::mem::replace(map, *new)))),
            Edit::Batch(edits) => {
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
        }
    }
}

/// Every link of an action leads somewhere.
fn check_action_links(map: &Map, action: &Action) -> Result<()> {
    for card in action.card.iter().chain(&action.addresses) {
        map.card_index(*card).ok_or(EditError::NoCard(card.0))?;
    }
    for stage in &action.stages {
        map.stage_index(*stage).ok_or(EditError::NoStage(stage.0))?;
    }
    if let Some(owner) = action.owner {
        map.department(owner)
            .ok_or(EditError::NoDepartment(owner.0))?;
    }
    if let Some(stream) = action.stream {
        map.stream(stream).ok_or(EditError::NoStream(stream.0))?;
    }
    if let Some(kpi) = action.kpi {
        map.kpi_index(kpi).ok_or(EditError::NoKpi(kpi.0))?;
    }
    Ok(())
}

/// What actions could link to, before a removal.
struct Gone {
    cards: HashSet<CardId>,
    stages: HashSet<StageId>,
    kpis: HashSet<KpiId>,
    departments: HashSet<DepartmentId>,
    streams: HashSet<StreamId>,
}

impl Gone {
    fn snapshot(map: &Map) -> Gone {
        Gone {
            cards: map.cards.iter().map(|c| c.id).collect(),
            stages: map.stages.iter().map(|s| s.id).collect(),
            kpis: map.kpis.iter().map(|k| k.id).collect(),
            departments: map.departments.iter().map(|d| d.id).collect(),
            streams: map.streams.iter().map(|s| s.id).collect(),
        }
    }

    /// Unlinks actions from what is gone since the snapshot; returns the actions as they were.
    fn detach(mut self, map: &mut Map) -> Vec<Action> {
        // Keep only what disappeared.
        for card in &map.cards {
            self.cards.remove(&card.id);
        }
        for stage in &map.stages {
            self.stages.remove(&stage.id);
        }
        for kpi in &map.kpis {
            self.kpis.remove(&kpi.id);
        }
        for department in &map.departments {
            self.departments.remove(&department.id);
        }
        for stream in &map.streams {
            self.streams.remove(&stream.id);
        }
        let mut before = Vec::new();
        for action in &mut map.actions {
            let linked = action.card.is_some_and(|c| self.cards.contains(&c))
                || action.addresses.iter().any(|c| self.cards.contains(c))
                || action.stages.iter().any(|s| self.stages.contains(s))
                || action.kpi.is_some_and(|k| self.kpis.contains(&k))
                || action.owner.is_some_and(|d| self.departments.contains(&d))
                || action.stream.is_some_and(|s| self.streams.contains(&s));
            if !linked {
                continue;
            }
            before.push(action.clone());
            action.card = action.card.filter(|c| !self.cards.contains(c));
            action.addresses.retain(|c| !self.cards.contains(c));
            action.stages.retain(|s| !self.stages.contains(s));
            action.kpi = action.kpi.filter(|k| !self.kpis.contains(k));
            action.owner = action.owner.filter(|d| !self.departments.contains(d));
            action.stream = action.stream.filter(|s| !self.streams.contains(s));
        }
        before
    }
}

/// The inverse of a removal that unlinked actions: put back what was removed, then the links.
fn relink(inverse: Edit, actions: Vec<Action>) -> Edit {
    if actions.is_empty() {
        return inverse;
    }
    let mut edits = vec![inverse];
    edits.extend(actions.into_iter().map(Edit::SetAction));
    Edit::Batch(edits)
}

fn batch_or_single(mut edits: Vec<Edit>) -> Edit {
    if edits.len() == 1 {
        edits.remove(0)
    } else {
        Edit::Batch(edits)
    }
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

fn stage_mut(map: &mut Map, id: StageId) -> Result<&mut Stage> {
    map.stages
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or(EditError::NoStage(id.0))
}

fn lane_mut(map: &mut Map, id: LaneId) -> Result<&mut Lane> {
    map.lanes
        .iter_mut()
        .find(|l| l.id == id)
        .ok_or(EditError::NoLane(id.0))
}

fn move_item<T>(items: &mut Vec<T>, from: usize, to: usize) -> Result<()> {
    if to >= items.len() {
        return Err(EditError::OutOfRange(to));
    }
    let item = items.remove(from);
    items.insert(to, item);
    Ok(())
}

fn check_cell(map: &Map, stage: StageId, lane: LaneId) -> Result<()> {
    map.stage_index(stage).ok_or(EditError::NoStage(stage.0))?;
    let lane = map.lane(lane).ok_or(EditError::NoLane(lane.0))?;
    if lane.kind.holds_cards() {
        Ok(())
    } else {
        Err(EditError::LaneHoldsNoCards)
    }
}

/// The journey, stage or lane being inserted along with cards (which need not exist yet).
#[derive(Clone, Copy, Default)]
struct CardPlace {
    journey: Option<JourneyId>,
    stage: Option<StageId>,
    lane: Option<LaneId>,
}

/// Checks cards about to be inserted at ascending positions: fresh ids, in range, and each in a
/// cell that exists (or in the journey, stage or lane being inserted with them).
fn check_restored_cards(
    map: &Map,
    cards: &[(usize, Card)],
    belongs: impl Fn(&Card) -> bool,
    fresh: CardPlace,
) -> Result<()> {
    let mut ids = std::collections::HashSet::new();
    let mut previous = None;
    for (count, (position, card)) in cards.iter().enumerate() {
        if !belongs(card) {
            return Err(EditError::Mismatch);
        }
        if map.card_index(card.id).is_some() || !ids.insert(card.id) {
            return Err(EditError::IdInUse(card.id.0));
        }
        if *position > map.cards.len() + count || previous.is_some_and(|p| *position <= p) {
            return Err(EditError::OutOfRange(*position));
        }
        previous = Some(*position);
        if Some(card.journey) != fresh.journey {
            map.journey_index(card.journey)
                .ok_or(EditError::NoJourney(card.journey.0))?;
        }
        if Some(card.stage) != fresh.stage {
            map.stage_index(card.stage)
                .ok_or(EditError::NoStage(card.stage.0))?;
        }
        if Some(card.lane) != fresh.lane {
            let lane = map.lane(card.lane).ok_or(EditError::NoLane(card.lane.0))?;
            if !lane.kind.holds_cards() {
                return Err(EditError::LaneHoldsNoCards);
            }
        }
    }
    Ok(())
}

/// Checks KPIs about to be inserted at ascending positions into `stage`.
fn check_restored_kpis(map: &Map, kpis: &[(usize, Kpi)], stage: StageId) -> Result<()> {
    let mut ids = std::collections::HashSet::new();
    let mut previous = None;
    for (count, (position, kpi)) in kpis.iter().enumerate() {
        if kpi.stage != stage {
            return Err(EditError::Mismatch);
        }
        if map.kpi_index(kpi.id).is_some() || !ids.insert(kpi.id) {
            return Err(EditError::IdInUse(kpi.id.0));
        }
        if *position > map.kpis.len() + count || previous.is_some_and(|p| *position <= p) {
            return Err(EditError::OutOfRange(*position));
        }
        previous = Some(*position);
    }
    Ok(())
}

/// Puts items back at their positions (ascending).
fn restore<T>(list: &mut Vec<T>, items: Vec<(usize, T)>) {
    for (position, item) in items {
        list.insert(position, item);
    }
}

/// Removes the matching items, returning each with the position it had, ascending.
fn take<T>(list: &mut Vec<T>, matches: impl Fn(&T) -> bool) -> Vec<(usize, T)> {
    let mut taken = Vec::new();
    let mut kept = Vec::with_capacity(list.len());
    for (position, item) in std::mem::take(list).into_iter().enumerate() {
        if matches(&item) {
            taken.push((position, item));
        } else {
            kept.push(item);
        }
    }
    *list = kept;
    taken
}

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
        assert_eq!(copy.curve, map.journey(current).unwrap().curve);
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
