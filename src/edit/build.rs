//! Edits made from the map as it is, for the editor's commands: a new stage, lane, phase,
//! decision or action, an action from a card, a copy of a journey. Each has fresh ids and is
//! one undo step. The words a new item is given (its name, a question) come from the caller,
//! in the language of the moment.

use super::Edit;
use super::list::index_after;
use crate::model::{
    self, Action, Branch, Card, CardId, Fork, ForkId, Horizon, JourneyId, JourneyKind, Lane,
    LaneId, LaneKind, Level, Map, PhaseId, Stage, StageId, Status,
};

/// The edit that copies a journey (its cards with fresh ids, its forks) as a new journey of
/// `kind` named `name`, inserted right after it. A target journey ("create the target from the
/// current") starts as the model's rules for a redesign say ([`model::Journey::target_from`],
/// [`Card::carried_into_target`]): its curve follows its cards, and no moment of pain comes
/// along. Any other copy keeps everything, the points set by hand too.
pub fn copy_journey(map: &Map, source: JourneyId, kind: JourneyKind, name: String) -> Option<Edit> {
    let index = map.journey_index(source)?;
    let original = &map.journeys[index];
    let id = map.new_journey_id();
    let target = kind == JourneyKind::Target;
    let journey = if target {
        original.target_from(id, name)
    } else {
        model::Journey {
            id,
            kind,
            name,
            ..original.clone()
        }
    };
    let originals: Vec<&Card> = map.cards_of(source).collect();
    let ids = map.new_card_ids(originals.len());
    let cards = originals
        .into_iter()
        .zip(ids)
        .enumerate()
        .map(|(i, (card, id))| {
            let card = if target {
                card.carried_into_target()
            } else {
                card.clone()
            };
            let copy = Card {
                id,
                journey: journey.id,
                ..card
            };
            (map.cards.len() + i, copy)
        })
        .collect();
    let new_journey = journey.id;
    let insert = Edit::InsertJourney {
        index: index + 1,
        journey,
        cards,
    };
    let copies: Vec<&Fork> = map.forks_of(source).collect();
    if copies.is_empty() {
        return Some(insert);
    }
    let ids = model::fresh_ids(map.forks.iter().map(|f| f.id.0), copies.len());
    let mut forks = map.forks.clone();
    forks.extend(copies.into_iter().zip(ids).map(|(fork, id)| Fork {
        id: model::ForkId(id),
        journey: new_journey,
        ..fork.clone()
    }));
    Some(Edit::Batch(vec![insert, Edit::SetForks(forks)]))
}

/// A new stage named `name`, after the stage `after`, or at the end.
pub fn new_stage(map: &Map, after: Option<StageId>, name: &str) -> Edit {
    Edit::InsertStage {
        index: index_after::<Stage>(map, after),
        stage: Stage {
            id: map.new_stage_id(),
            name: name.to_owned(),
        },
        cards: Vec::new(),
        kpis: Vec::new(),
        curve: Vec::new(),
    }
}

/// A new lane for notes named `name`, after the lane `after`, or at the end.
pub fn new_lane(map: &Map, after: Option<LaneId>, name: &str) -> Edit {
    Edit::InsertLane {
        index: index_after::<Lane>(map, after),
        lane: Lane {
            id: map.new_lane_id(),
            name: name.to_owned(),
            kind: LaneKind::Notes,
        },
        cards: Vec::new(),
    }
}

/// A new phase over `stage` (else the first stage in no phase), named by `name` from its
/// number; its id, to rename it at once. `None` when that stage is already in a phase (phases
/// are regrouped, not carved up by adding another).
pub fn new_phase(
    map: &Map,
    stage: Option<StageId>,
    name: impl FnOnce(usize) -> String,
) -> Option<(Edit, PhaseId)> {
    let stage = match stage {
        Some(stage) => stage,
        None => map.stages.iter().find(|s| map.phase_of(s.id).is_none())?.id,
    };
    if map.phase_of(stage).is_some() {
        return None;
    }
    let id = map.new_phase_id();
    let name = name(map.phases.len() + 1);
    let phases = map.phases_with_range(id, &name, stage, stage);
    Some((Edit::SetPhases(phases), id))
}

/// A new decision at `stage` (else the first stage) of `journey`, asking `question`, with two
/// branches labelled by `branch` from their number: on to the next stage, and out of the
/// journey.
pub fn new_fork(
    map: &Map,
    journey: JourneyId,
    stage: Option<StageId>,
    question: &str,
    branch: impl Fn(usize) -> String,
) -> Option<(Edit, ForkId)> {
    let stage = stage.or_else(|| map.stages.first().map(|s| s.id))?;
    let next = map
        .stage_index(stage)
        .and_then(|i| map.stages.get(i + 1))
        .map(|s| s.id);
    let id = map.new_fork_id();
    let fork = Fork {
        id,
        journey,
        stage,
        question: question.to_owned(),
        branches: vec![
            Branch {
                label: branch(1),
                to: next,
            },
            Branch {
                label: branch(2),
                to: None,
            },
        ],
    };
    let mut forks = map.forks.clone();
    forks.push(fork);
    Some((Edit::SetForks(forks), id))
}

/// The action an opportunity card becomes: its title and notes, its stage, and the cards
/// telling of pain in that stage of the same journey as what it addresses. One edit, so one
/// undo step; `None` when there is no such card or it is an action already.
pub fn action_from_card(map: &Map, card: CardId) -> Option<Edit> {
    let card = map.card(card)?;
    if map.action_of_card(card.id).is_some() {
        return None;
    }
    let addresses = map
        .cards_of(card.journey)
        .filter(|c| c.stage == card.stage && c.id != card.id && map.is_pain(c))
        .map(|c| c.id)
        .collect();
    Some(add_action(
        map,
        Action {
            card: Some(card.id),
            addresses,
            stages: vec![card.stage],
            ..idea(map, &card.title, &card.notes)
        },
    ))
}

/// A new action titled `title`, linked to what is picked: addressing the card `card` if it
/// tells of pain (and improving its stage), else improving the stage `stage`; else with
/// nothing linked yet.
pub fn new_action(map: &Map, card: Option<CardId>, stage: Option<StageId>, title: &str) -> Edit {
    let (addresses, stages) = match (card.and_then(|id| map.card(id)), stage) {
        (Some(card), _) if map.is_pain(card) => (vec![card.id], vec![card.stage]),
        (_, Some(stage)) => (Vec::new(), vec![stage]),
        _ => (Vec::new(), Vec::new()),
    };
    add_action(
        map,
        Action {
            addresses,
            stages,
            ..idea(map, title, "")
        },
    )
}

/// A new action with a fresh id, linked to nothing: an idea of medium impact and effort for
/// the next horizon, with no owner, stream or KPI yet.
fn idea(map: &Map, title: &str, description: &str) -> Action {
    Action {
        id: map.new_action_id(),
        title: title.to_owned(),
        description: description.to_owned(),
        card: None,
        addresses: Vec::new(),
        stages: Vec::new(),
        owner: None,
        stream: None,
        impact: Level::Medium,
        effort: Level::Medium,
        horizon: Horizon::Next,
        status: Status::Idea,
        kpi: None,
    }
}

/// The edit adding `action` at the end of the list.
fn add_action(map: &Map, action: Action) -> Edit {
    Edit::InsertAction {
        index: map.actions.len(),
        action,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates;

    fn pizza() -> Map {
        templates::load("pizza").expect("the pizza template loads")
    }

    fn applied(map: &Map, edit: Edit) -> Map {
        let mut changed = map.clone();
        edit.apply(&mut changed).expect("the edit applies");
        changed
    }

    /// The pizza map with only its current journey, whose stage 5 ("wrong pizza": an angry
    /// card) has its curve point set to Sad by hand.
    fn current_only_with_a_point_by_hand() -> (Map, JourneyId, StageId) {
        let mut map = pizza();
        let (current, target) = map.current_and_target().unwrap();
        let (current, target) = (current.id, target.id);
        Edit::RemoveJourney(target).apply(&mut map).unwrap();
        let stage = map.stages[4].id;
        Edit::SetStageFeeling {
            journey: current,
            stage,
            feeling: Some(model::Feeling::Sad),
        }
        .apply(&mut map)
        .unwrap();
        (map, current, stage)
    }

    #[test]
    fn a_target_from_the_current_follows_its_own_cards() {
        let (map, current, stage) = current_only_with_a_point_by_hand();
        let edit = copy_journey(&map, current, JourneyKind::Target, "Target".into()).unwrap();
        let mut with = applied(&map, edit);
        let target = with.first_of(JourneyKind::Target).unwrap().clone();
        assert!(target.curve.is_empty(), "no point set by hand comes along");
        assert_eq!(target.persona, map.journey(current).unwrap().persona);
        // Redesigned: the angry card of that stage becomes a happy one.
        let card = with
            .cards_of(target.id)
            .find(|c| c.stage == stage && c.feeling == Some(model::Feeling::Angry))
            .expect("the stage's angry card is copied")
            .id;
        Edit::SetCard {
            id: card,
            field: super::super::CardField::Feeling(Some(model::Feeling::Happy)),
        }
        .apply(&mut with)
        .unwrap();
        let shown = with.journey(target.id).unwrap();
        let today = with.journey(current).unwrap();
        assert_eq!(
            with.stage_score(shown, stage),
            with.cards_score(target.id, stage)
        );
        assert_eq!(with.stage_score(today, stage), Some(-1.0), "still by hand");
        assert!(
            with.stage_score(shown, stage).unwrap() > with.stage_score(today, stage).unwrap(),
            "the redesign opens a gap on the curve"
        );
    }

    #[test]
    fn a_target_from_the_current_keeps_the_gains_and_leaves_the_pain_behind() {
        let (map, current, _) = current_only_with_a_point_by_hand();
        let kinds = |map: &Map, journey| -> Vec<_> {
            map.cards_of(journey)
                .filter_map(|c| c.moment_kind())
                .collect()
        };
        let today = kinds(&map, current);
        assert!(today.contains(&model::MomentKind::Pain));
        assert!(today.contains(&model::MomentKind::Gain));
        let edit = copy_journey(&map, current, JourneyKind::Target, "Target".into()).unwrap();
        let with = applied(&map, edit);
        let target = with.first_of(JourneyKind::Target).unwrap().id;
        let gains: Vec<_> = today
            .iter()
            .filter(|k| **k == model::MomentKind::Gain)
            .copied()
            .collect();
        assert_eq!(kinds(&with, target), gains);
        // The cards themselves all come along, their feelings too.
        let feelings = |journey| -> Vec<_> { with.cards_of(journey).map(|c| c.feeling).collect() };
        assert_eq!(feelings(target), feelings(current));
        // The current journey keeps its pain and its point by hand.
        assert_eq!(kinds(&with, current), today);
        assert_eq!(with.journey(current), map.journey(current));
    }

    #[test]
    fn any_other_copy_of_a_journey_keeps_everything() {
        let (map, current, stage) = current_only_with_a_point_by_hand();
        let edit = copy_journey(&map, current, JourneyKind::Other, "Copy".into()).unwrap();
        let with = applied(&map, edit);
        let copy = with.first_of(JourneyKind::Other).unwrap();
        assert_eq!(copy.curve.get(&stage), Some(&model::Feeling::Sad));
        let moments = |journey| -> Vec<_> { with.cards_of(journey).map(|c| &c.moment).collect() };
        assert_eq!(moments(copy.id), moments(current));
    }

    #[test]
    fn new_stages_and_lanes_go_after_the_selected_one_or_at_the_end() {
        let map = pizza();
        let after = applied(&map, new_stage(&map, Some(map.stages[1].id), "New"));
        assert_eq!(after.stages[2].name, "New");
        let at_end = applied(&map, new_stage(&map, None, "New"));
        assert_eq!(at_end.stages.last().unwrap().name, "New");
        let lane = applied(&map, new_lane(&map, Some(map.lanes[0].id), "Notes"));
        assert_eq!(lane.lanes[1].name, "Notes");
        assert_eq!(lane.lanes[1].kind, LaneKind::Notes);
    }

    #[test]
    fn a_new_phase_takes_a_stage_in_no_phase_and_is_named_by_its_number() {
        let mut map = pizza();
        map.phases.clear();
        let (edit, id) = new_phase(&map, None, |n| format!("Phase {n}")).unwrap();
        let with = applied(&map, edit);
        let phase = with.phases.iter().find(|p| p.id == id).unwrap();
        assert_eq!(phase.name, "Phase 1");
        assert_eq!(phase.stages, [map.stages[0].id]);
        assert!(new_phase(&with, Some(map.stages[0].id), |_| String::new()).is_none());
    }

    #[test]
    fn a_new_decision_leads_on_to_the_next_stage_or_out_of_the_journey() {
        let map = pizza();
        let journey = map.journeys[0].id;
        let stage = Some(map.stages[0].id);
        let label = |n| format!("Branch {n}");
        let (edit, id) = new_fork(&map, journey, stage, "Which?", label).unwrap();
        let with = applied(&map, edit);
        let fork = with.forks.iter().find(|f| f.id == id).unwrap();
        assert_eq!(fork.question, "Which?");
        let branches: Vec<_> = fork
            .branches
            .iter()
            .map(|b| (b.label.as_str(), b.to))
            .collect();
        assert_eq!(
            branches,
            [("Branch 1", Some(map.stages[1].id)), ("Branch 2", None)]
        );
    }

    #[test]
    fn an_opportunity_becomes_an_action_addressing_the_pain_of_its_stage() {
        let map = pizza();
        let pain = map.cards.iter().find(|c| map.is_pain_point(c)).unwrap();
        let opportunities = map.lanes.iter().find(|l| l.kind == LaneKind::Opportunities);
        let card = Card {
            id: map.new_card_id(),
            lane: opportunities.unwrap().id,
            title: "Report it in the app".into(),
            ..pain.clone()
        };
        let with_card = applied(
            &map,
            Edit::InsertCard {
                position: map.cards.len(),
                card: card.clone(),
            },
        );
        let Some(Edit::InsertAction { action, .. }) = action_from_card(&with_card, card.id) else {
            panic!("an opportunity card without an action becomes one");
        };
        let pains: Vec<CardId> = with_card
            .cards_of(card.journey)
            .filter(|c| c.stage == card.stage && with_card.is_pain(c))
            .map(|c| c.id)
            .collect();
        assert!(pains.contains(&pain.id));
        assert_eq!(action.addresses, pains);
        assert_eq!(
            (action.card, action.stages),
            (Some(card.id), vec![card.stage])
        );
        let with_action = applied(&with_card, action_from_card(&with_card, card.id).unwrap());
        assert_eq!(action_from_card(&with_action, card.id), None);
    }

    #[test]
    fn a_new_action_addresses_a_pain_card_or_improves_a_stage() {
        let map = pizza();
        let links = |edit: Edit| match edit {
            Edit::InsertAction { action, .. } => (action.addresses, action.stages),
            other => panic!("{other:?}"),
        };
        let pain = map.cards.iter().find(|c| map.is_pain(c)).unwrap();
        let calm = map.cards.iter().find(|c| !map.is_pain(c)).unwrap();
        let stage = map.stages[0].id;
        assert_eq!(
            links(new_action(&map, Some(pain.id), None, "New")),
            (vec![pain.id], vec![pain.stage])
        );
        assert_eq!(
            links(new_action(&map, Some(calm.id), None, "New")),
            (vec![], vec![])
        );
        assert_eq!(
            links(new_action(&map, None, Some(stage), "New")),
            (vec![], vec![stage])
        );
    }
}
