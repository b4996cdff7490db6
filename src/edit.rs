//! Every change to a [`Map`] is an [`Edit`]. Applying one returns its exact inverse, which is
//! what undo applies; an edit that does not fit the map is refused and leaves it untouched.

use crate::model::{
    self, Card, CardId, Channel, Counted, Feeling, Invalid, Lane, LaneId, LaneKind, Map, Persona,
    Stage, StageId, TextOf, limits,
};

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetTitle(String),
    SetPersona(Persona),
    /// Adds a stage at `index`, with `cards` put back at their list positions (ascending):
    /// both "add stage" and the undo of "delete stage".
    InsertStage {
        index: usize,
        stage: Stage,
        cards: Vec<(usize, Card)>,
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
    SetStageFeeling {
        id: StageId,
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
    /// Puts a card in a cell at `position` of the card list (counted without the card itself).
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
    Moment(bool),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    NoStage(u32),
    NoLane(u32),
    NoCard(u32),
    IdInUse(u32),
    OutOfRange(usize),
    LaneHoldsNoCards,
    Mismatch,
    /// The edit would take the map past a limit that loading enforces, so the map could not
    /// be opened again once saved.
    Limit(Invalid),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NoStage(id) => write!(f, "there is no stage {id}"),
            EditError::NoLane(id) => write!(f, "there is no lane {id}"),
            EditError::NoCard(id) => write!(f, "there is no card {id}"),
            EditError::IdInUse(id) => write!(f, "the id {id} is already in use"),
            EditError::OutOfRange(p) => write!(f, "position {p} is out of range"),
            EditError::LaneHoldsNoCards => write!(f, "a feelings lane holds no cards"),
            EditError::Mismatch => write!(f, "that card does not belong there"),
            EditError::Limit(invalid) => write!(f, "not done: {invalid}"),
        }
    }
}

impl std::error::Error for EditError {}

type Result<T> = std::result::Result<T, EditError>;

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
    text_fits(TextOf::CardTitle(card.id.0), &card.title)?;
    text_fits(TextOf::CardNotes(card.id.0), &card.notes)
}

impl Edit {
    /// Refuses an edit that would take the map past a limit the loader enforces: every map
    /// the editor makes can be saved and opened again.
    fn check_limits(&self, map: &Map) -> Result<()> {
        match self {
            Edit::SetTitle(title) => text_fits(TextOf::MapTitle, title),
            Edit::SetPersona(persona) => {
                text_fits(TextOf::PersonaName, &persona.name)?;
                text_fits(TextOf::PersonaDescription, &persona.description)?;
                if persona.goals.len() > limits::GOALS {
                    return Err(EditError::Limit(Invalid::TooMany {
                        what: Counted::Goals,
                        count: persona.goals.len(),
                        limit: limits::GOALS,
                    }));
                }
                for (i, goal) in persona.goals.iter().enumerate() {
                    text_fits(TextOf::PersonaGoal(i + 1), goal)?;
                }
                Ok(())
            }
            Edit::InsertStage { stage, cards, .. } => {
                room_for(Counted::Stages, map.stages.len(), 1, limits::STAGES)?;
                room_for(Counted::Cards, map.cards.len(), cards.len(), limits::CARDS)?;
                text_fits(TextOf::StageName(stage.id.0), &stage.name)?;
                cards.iter().try_for_each(|(_, card)| card_fits(card))
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
            Edit::SetCard {
                id,
                field: CardField::Title(title),
            } => text_fits(TextOf::CardTitle(id.0), title),
            Edit::SetCard {
                id,
                field: CardField::Notes(notes),
            } => text_fits(TextOf::CardNotes(id.0), notes),
            // Batches check each of their edits as it applies.
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

    /// Applies the edit and returns its inverse. On error the map is unchanged.
    pub fn apply(self, map: &mut Map) -> Result<Edit> {
        self.check_limits(map)?;
        match self {
            Edit::SetTitle(title) => Ok(Edit::SetTitle(std::mem::replace(&mut map.title, title))),
            Edit::SetPersona(persona) => Ok(Edit::SetPersona(std::mem::replace(
                &mut map.persona,
                persona,
            ))),
            Edit::InsertStage {
                index,
                stage,
                cards,
            } => {
                if map.stage_index(stage.id).is_some() {
                    return Err(EditError::IdInUse(stage.id.0));
                }
                if index > map.stages.len() {
                    return Err(EditError::OutOfRange(index));
                }
                check_restored_cards(map, &cards, |c| c.stage == stage.id, Some(stage.id), None)?;
                let id = stage.id;
                map.stages.insert(index, stage);
                restore_cards(map, cards);
                Ok(Edit::RemoveStage(id))
            }
            Edit::RemoveStage(id) => {
                let index = map.stage_index(id).ok_or(EditError::NoStage(id.0))?;
                let stage = map.stages.remove(index);
                let cards = take_cards(map, |c| c.stage == id);
                Ok(Edit::InsertStage {
                    index,
                    stage,
                    cards,
                })
            }
            Edit::MoveStage { id, to } => {
                let from = map.stage_index(id).ok_or(EditError::NoStage(id.0))?;
                move_item(&mut map.stages, from, to)?;
                Ok(Edit::MoveStage { id, to: from })
            }
            Edit::RenameStage { id, name } => {
                let stage = stage_mut(map, id)?;
                let name = std::mem::replace(&mut stage.name, name);
                Ok(Edit::RenameStage { id, name })
            }
            Edit::SetStageFeeling { id, feeling } => {
                let stage = stage_mut(map, id)?;
                let feeling = std::mem::replace(&mut stage.feeling, feeling);
                Ok(Edit::SetStageFeeling { id, feeling })
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
                check_restored_cards(map, &cards, |c| c.lane == lane.id, None, Some(lane.id))?;
                let id = lane.id;
                map.lanes.insert(index, lane);
                restore_cards(map, cards);
                Ok(Edit::RemoveLane(id))
            }
            Edit::RemoveLane(id) => {
                let index = map.lane_index(id).ok_or(EditError::NoLane(id.0))?;
                let lane = map.lanes.remove(index);
                let cards = take_cards(map, |c| c.lane == id);
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
                    None,
                    None,
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

/// Checks cards about to be inserted at ascending positions: fresh ids, in range, and each in a
/// cell that exists (or in the stage/lane being inserted with them).
fn check_restored_cards(
    map: &Map,
    cards: &[(usize, Card)],
    belongs: impl Fn(&Card) -> bool,
    new_stage: Option<StageId>,
    new_lane: Option<LaneId>,
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
        if Some(card.stage) != new_stage {
            map.stage_index(card.stage)
                .ok_or(EditError::NoStage(card.stage.0))?;
        }
        if Some(card.lane) != new_lane {
            let lane = map.lane(card.lane).ok_or(EditError::NoLane(card.lane.0))?;
            if !lane.kind.holds_cards() {
                return Err(EditError::LaneHoldsNoCards);
            }
        }
    }
    Ok(())
}

fn restore_cards(map: &mut Map, cards: Vec<(usize, Card)>) {
    for (position, card) in cards {
        map.cards.insert(position, card);
    }
}

/// Removes the matching cards, returning each with the position it had, ascending.
fn take_cards(map: &mut Map, matches: impl Fn(&Card) -> bool) -> Vec<(usize, Card)> {
    let mut taken = Vec::new();
    let mut kept = Vec::with_capacity(map.cards.len());
    for (position, card) in std::mem::take(&mut map.cards).into_iter().enumerate() {
        if matches(&card) {
            taken.push((position, card));
        } else {
            kept.push(card);
        }
    }
    map.cards = kept;
    taken
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates;

    fn pizza() -> Map {
        templates::load("pizza").expect("the pizza template loads")
    }

    /// Applies, checks the change happened, then undoes and checks the map is back exactly.
    fn round_trip(map: &Map, edit: Edit) -> Map {
        let mut changed = map.clone();
        let inverse = edit.apply(&mut changed).expect("edit applies");
        assert_ne!(&changed, map, "the edit changed nothing");
        let mut restored = changed.clone();
        inverse.apply(&mut restored).expect("inverse applies");
        assert_eq!(&restored, map, "undo did not restore the map");
        changed
    }

    #[test]
    fn every_kind_of_edit_undoes_exactly() {
        let map = pizza();
        let stage = map.stages[2].clone();
        let lane = map.lanes[0].clone();
        let card = map.cards[3].clone();
        let other_lane = map
            .lanes
            .iter()
            .find(|l| l.kind.holds_cards() && l.id != card.lane)
            .unwrap();
        let edits = vec![
            Edit::SetTitle("Other".into()),
            Edit::SetPersona(Persona {
                name: "Ana".into(),
                ..Persona::default()
            }),
            Edit::InsertStage {
                index: 1,
                stage: Stage {
                    id: map.new_stage_id(),
                    name: "New".into(),
                    feeling: None,
                },
                cards: vec![],
            },
            Edit::RemoveStage(stage.id),
            Edit::MoveStage {
                id: stage.id,
                to: 0,
            },
            Edit::RenameStage {
                id: stage.id,
                name: "Renamed".into(),
            },
            Edit::SetStageFeeling {
                id: stage.id,
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
                field: CardField::Moment(!card.moment),
            },
            Edit::Batch(vec![Edit::RemoveCard(card.id), Edit::RemoveStage(stage.id)]),
            Edit::Replace(Box::new(templates::load("classic").unwrap())),
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
    }

    #[test]
    fn removing_a_stage_takes_its_cards_and_undo_puts_them_back() {
        let map = pizza();
        let stage = map.stages[1].id;
        let before = map.cards.iter().filter(|c| c.stage == stage).count();
        assert!(before > 0);
        let after = round_trip(&map, Edit::RemoveStage(stage));
        assert_eq!(after.cards.iter().filter(|c| c.stage == stage).count(), 0);
        assert_eq!(after.cards.len(), map.cards.len() - before);
    }
}
