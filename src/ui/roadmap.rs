//! Making actions: from an opportunity card, for a pain point, or from nothing.

use crate::edit::{Edit, build};
use crate::i18n::strings;
use crate::model::{CardId, Map};
use crate::ui::Selection;

/// The action an opportunity card becomes; see [`build::action_from_card`].
pub fn action_from_card(map: &Map, card: CardId) -> Option<Edit> {
    build::action_from_card(map, card)
}

/// A new action, linked to what is selected: addressing a selected pain card (and improving
/// its stage), or improving a selected stage; else with nothing linked yet.
pub fn new_action(map: &Map, selection: Selection) -> Edit {
    let (card, stage) = match selection {
        Selection::Card(id) => (Some(id), None),
        Selection::Stage(id) => (None, Some(id)),
        _ => (None, None),
    };
    build::new_action(map, card, stage, strings::new_action_title())
}
