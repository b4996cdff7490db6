//! Making actions: from an opportunity card, for a pain point, or from nothing.

use crate::edit::Edit;
use crate::i18n::strings;
use crate::model::{Action, Card, CardId, Horizon, LaneKind, Level, Map, MomentKind, Status};
use crate::ui::Selection;

/// The action an opportunity card becomes: its title and notes, its stage, and the pain points
/// and moments of pain of that stage in the same journey as what it addresses. One edit, so one
/// undo step.
pub fn action_from_card(map: &Map, card: CardId) -> Option<Edit> {
    let card = map.card(card)?;
    if map.action_of_card(card.id).is_some() {
        return None;
    }
    let pain_lanes: Vec<_> = map
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::PainPoints)
        .map(|l| l.id)
        .collect();
    let addresses = map
        .cards_of(card.journey)
        .filter(|c| c.stage == card.stage && c.id != card.id)
        .filter(|c| pain_lanes.contains(&c.lane) || c.moment_kind() == Some(MomentKind::Pain))
        .map(|c| c.id)
        .collect();
    Some(Edit::InsertAction {
        index: map.actions.len(),
        action: Action {
            id: map.new_action_id(),
            title: card.title.clone(),
            description: card.notes.clone(),
            card: Some(card.id),
            addresses,
            stages: vec![card.stage],
            owner: None,
            stream: None,
            impact: Level::Medium,
            effort: Level::Medium,
            horizon: Horizon::Next,
            status: Status::Idea,
            kpi: None,
        },
    })
}

/// Whether a card can become an action: an opportunity card without one.
pub fn can_become_action(map: &Map, card: CardId) -> bool {
    map.card(card).is_some_and(|c| {
        map.lane(c.lane)
            .is_some_and(|l| l.kind == LaneKind::Opportunities)
            && map.action_of_card(c.id).is_none()
    })
}

/// Whether a card tells of pain (a pain point, or a moment of pain): a new action can be made
/// to address it.
pub fn is_pain(map: &Map, card: &Card) -> bool {
    card.moment_kind() == Some(MomentKind::Pain)
        || map
            .lane(card.lane)
            .is_some_and(|l| l.kind == LaneKind::PainPoints)
}

/// A new action, linked to what is selected: addressing a selected pain card (and improving
/// its stage), or improving a selected stage; else with nothing linked yet.
pub fn new_action(map: &Map, selection: Selection) -> Edit {
    let (addresses, stages) = match selection {
        Selection::Card(id) if map.card(id).is_some_and(|c| is_pain(map, c)) => (
            vec![id],
            map.card(id).map(|c| c.stage).into_iter().collect(),
        ),
        Selection::Stage(id) => (Vec::new(), vec![id]),
        _ => (Vec::new(), Vec::new()),
    };
    Edit::InsertAction {
        index: map.actions.len(),
        action: Action {
            id: map.new_action_id(),
            title: strings::new_action_title().to_owned(),
            description: String::new(),
            card: None,
            addresses,
            stages,
            owner: None,
            stream: None,
            impact: Level::Medium,
            effort: Level::Medium,
            horizon: Horizon::Next,
            status: Status::Idea,
            kpi: None,
        },
    }
}
