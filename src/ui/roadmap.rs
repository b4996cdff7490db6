//! Making actions: from an opportunity card, for a pain point, or from nothing.

use crate::edit::Edit;
use crate::model::{Action, CardId, Horizon, Level, Map, Status};
use crate::strings;
use crate::ui::Selection;

/// The action an opportunity card becomes: its title and notes, its stage, and the pain points
/// and moments of pain of that stage in the same journey as what it addresses. One edit, so one
/// undo step.
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

/// A new action, linked to what is selected: addressing a selected pain card (and improving
/// its stage), or improving a selected stage; else with nothing linked yet.
pub fn new_action(map: &Map, selection: Selection) -> Edit {
    let (addresses, stages) = match selection {
        Selection::Card(id) if map.card(id).is_some_and(|c| map.is_pain(c)) => (
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
