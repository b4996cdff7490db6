//! Undo/redo and the unsaved-changes flag, both driven by [`Edit`]s.
//!
//! A step can stay "open" under a [`MergeKey`]: further edits with the same key (keystrokes in one
//! text field, the frames of one drag) fold into it, so the whole gesture undoes at once.

use crate::edit::{Edit, EditError, StepName};
use crate::model::Map;

/// Names the gesture an edit belongs to, e.g. ("card title", 7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MergeKey(pub &'static str, pub u32);

struct Step {
    /// Applying this takes the map back across the step (undo on one stack, redo on the other).
    edit: Edit,
    /// Changes whenever the step's content does, so "saved" can be compared by number.
    serial: u64,
    /// What the step did, for "Undo: move card 'Menu'".
    name: StepName,
}

pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    open: Option<MergeKey>,
    next_serial: u64,
    /// Serial of the top undo step when last saved (0 = the empty stack); `None` = never matches.
    saved: Option<u64>,
    changes: u64,
    /// `changes` when last saved.
    changes_at_save: u64,
}

impl Default for History {
    fn default() -> Self {
        Self::new()
    }
}

impl History {
    /// A history for a map that matches its file on disk (or is a fresh, untouched template).
    pub fn new() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            open: None,
            next_serial: 1,
            saved: Some(0),
            changes: 0,
            changes_at_save: 0,
        }
    }

    /// A history for a map that differs from its file (recovered after a crash, or whose file
    /// vanished): unsaved from the start.
    pub fn unsaved() -> Self {
        Self {
            saved: None,
            ..Self::new()
        }
    }

    /// Applies `edit`; with a key equal to the open step's, the edit joins that step.
    pub fn apply(
        &mut self,
        map: &mut Map,
        edit: Edit,
        merge: Option<MergeKey>,
    ) -> Result<(), EditError> {
        let name = edit.describe(map);
        let inverse = edit.apply(map)?;
        self.changes += 1;
        self.redo.clear();
        let serial = self.take_serial();
        match (merge, self.open, self.undo.last_mut()) {
            (Some(key), Some(open), Some(top)) if key == open => {
                // The open step's inverse already goes back to before the gesture; its name
                // keeps what the gesture is, with the latest words ("add stage 'Pay'").
                top.serial = serial;
                if name.subject.is_some() {
                    top.name.subject = name.subject;
                }
            }
            _ => self.undo.push(Step {
                edit: inverse,
                serial,
                name,
            }),
        }
        self.open = merge;
        Ok(())
    }

    /// Ends the open gesture: the next edit starts a new step.
    pub fn seal(&mut self) {
        self.open = None;
    }

    pub fn undo(&mut self, map: &mut Map) -> bool {
        let done = Self::cross(map, &mut self.undo, &mut self.redo, &mut self.open);
        self.changes += u64::from(done);
        done
    }

    pub fn redo(&mut self, map: &mut Map) -> bool {
        let done = Self::cross(map, &mut self.redo, &mut self.undo, &mut self.open);
        self.changes += u64::from(done);
        done
    }

    fn cross(
        map: &mut Map,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        open: &mut Option<MergeKey>,
    ) -> bool {
        *open = None;
        let Some(step) = from.pop() else {
            return false;
        };
        match step.edit.apply(map) {
            Ok(back) => {
                to.push(Step {
                    edit: back,
                    serial: step.serial,
                    name: step.name,
                });
                true
            }
            // Cannot happen for inverses produced by `apply`; drop the history rather than panic.
            Err(_) => {
                from.clear();
                to.clear();
                false
            }
        }
    }

    /// What the next undo would take back.
    pub fn undo_name(&self) -> Option<&StepName> {
        self.undo.last().map(|s| &s.name)
    }

    /// What the next redo would do again.
    pub fn redo_name(&self) -> Option<&StepName> {
        self.redo.last().map(|s| &s.name)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Whether the map differs from what was last saved.
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.top_serial())
    }

    /// Records that the map as it is now is what the file holds.
    pub fn mark_saved(&mut self) {
        self.seal();
        self.saved = Some(self.top_serial());
        self.changes_at_save = self.changes;
    }

    /// Records that the file no longer matches the map (it was deleted or changed by others).
    pub fn mark_unsaved(&mut self) {
        self.saved = None;
    }

    /// Edits, undos and redos since the last save: how much a crash would lose.
    pub fn changes_since_save(&self) -> u64 {
        self.changes - self.changes_at_save
    }

    /// A number that changes whenever the map does through this history; caches key off it.
    pub fn revision(&self) -> u64 {
        self.changes
    }

    fn top_serial(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.serial)
    }

    fn take_serial(&mut self) -> u64 {
        let serial = self.next_serial;
        self.next_serial += 1;
        serial
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::CardField;
    use crate::templates;

    #[test]
    fn undo_redo_and_dirty_flag() {
        let mut map = templates::load("pizza").unwrap();
        let original = map.clone();
        let mut history = History::new();
        assert!(!history.is_dirty());
        history
            .apply(&mut map, Edit::SetTitle("A".into()), None)
            .unwrap();
        assert!(history.is_dirty());
        let after = map.clone();
        assert!(history.undo(&mut map));
        assert_eq!(map, original);
        assert!(!history.is_dirty(), "back at the saved state");
        assert!(history.redo(&mut map));
        assert_eq!(map, after);
        history.mark_saved();
        assert!(!history.is_dirty());
        history.undo(&mut map);
        assert!(history.is_dirty());
        // A new edit drops the redo branch.
        history
            .apply(&mut map, Edit::SetTitle("B".into()), None)
            .unwrap();
        assert!(!history.can_redo());
    }

    #[test]
    fn merged_gesture_is_one_step_and_seal_ends_it() {
        let mut map = templates::load("pizza").unwrap();
        let original = map.clone();
        let id = map.cards[0].id;
        let mut history = History::new();
        let key = MergeKey("title", id.0);
        for text in ["W", "Wr", "Wro", "Wrong"] {
            let edit = Edit::SetCard {
                id,
                field: CardField::Title(text.into()),
            };
            history.apply(&mut map, edit, Some(key)).unwrap();
        }
        history.seal();
        let edit = Edit::SetCard {
            id,
            field: CardField::Title("Wrong!".into()),
        };
        history.apply(&mut map, edit, Some(key)).unwrap();
        assert!(history.undo(&mut map));
        assert_eq!(map.cards[0].title, "Wrong");
        assert!(history.undo(&mut map));
        assert_eq!(map, original);
        assert!(!history.can_undo());
    }

    #[test]
    fn merged_edit_after_save_is_dirty() {
        let mut map = templates::load("pizza").unwrap();
        let mut history = History::new();
        let key = MergeKey("title", 0);
        history
            .apply(&mut map, Edit::SetTitle("A".into()), Some(key))
            .unwrap();
        history.saved = Some(history.top_serial());
        history
            .apply(&mut map, Edit::SetTitle("AB".into()), Some(key))
            .unwrap();
        assert!(history.is_dirty());
    }
}
