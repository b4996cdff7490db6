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
    /// Where the saved map is from here, in undo steps: see [`Saved`].
    saved_at: Saved,
    /// Changes made beside the steps since the map was last saved (the room's dots): not
    /// undone by undo, but unsaved all the same.
    beside: u64,
    /// Every change made beside the steps, ever: what [`Self::layout_revision`] leaves out.
    beside_ever: u64,
}

/// Where the map as last saved stands among the undo steps: `depth` steps up the line of
/// steps the history is on (the undo steps, then the redo steps), then `aside` steps more on
/// a branch that a new edit took the place of. How far the map is from it, in steps, is what
/// a crash would lose: typing in one field is one step however many letters it took.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Saved {
    depth: usize,
    aside: u64,
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
            saved_at: Saved { depth: 0, aside: 0 },
            beside: 0,
            beside_ever: 0,
        }
    }

    /// A history for a map that differs from its file (recovered after a crash, or whose file
    /// vanished): unsaved from the start.
    pub fn unsaved() -> Self {
        Self::unsaved_after(0)
    }

    /// An unsaved history for a map `steps` undo steps away from its file (recovered from a
    /// journal that counted them): the steps are not here to undo, but they count as unsaved.
    pub fn unsaved_after(steps: u64) -> Self {
        Self {
            saved: None,
            saved_at: Saved {
                depth: 0,
                aside: steps,
            },
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
        self.drop_redo();
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

    /// Applies `edit` beside the undo steps: a change that others made (the room's dots), which
    /// the facilitator's undo must not take back. The open gesture and the redo steps stay; the
    /// map is unsaved until the next save.
    pub fn apply_beside(&mut self, map: &mut Map, edit: Edit) -> Result<(), EditError> {
        edit.apply(map)?;
        self.changes += 1;
        self.beside += 1;
        self.beside_ever += 1;
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
        self.beside > 0 || self.saved != Some(self.top_serial())
    }

    /// Records that the map as it is now is what the file holds.
    pub fn mark_saved(&mut self) {
        self.seal();
        self.saved = Some(self.top_serial());
        self.saved_at = Saved {
            depth: self.undo.len(),
            aside: 0,
        };
        self.beside = 0;
    }

    /// Records that the file no longer matches the map (it was deleted or changed by others).
    pub fn mark_unsaved(&mut self) {
        self.saved = None;
    }

    /// How many undo steps the map is from the map as last saved: how much a crash would
    /// lose. A whole drag, or all the typing in one field, is one step; undoing a step takes
    /// it off, redoing it puts it back.
    pub fn steps_since_save(&self) -> u64 {
        let depth = self.undo.len();
        depth.abs_diff(self.saved_at.depth) as u64 + self.saved_at.aside + self.beside
    }

    /// A new edit drops the redo steps: a saved map among them is left on a branch aside.
    fn drop_redo(&mut self) {
        let depth = self.undo.len();
        if self.saved_at.depth > depth {
            self.saved_at.aside += (self.saved_at.depth - depth) as u64;
            self.saved_at.depth = depth;
        }
        self.redo.clear();
    }

    /// A number that changes whenever the map does through this history; caches key off it.
    pub fn revision(&self) -> u64 {
        self.changes
    }

    /// Like [`Self::revision`], but unchanged by the room's dots (applied beside the steps):
    /// they change no card's place or size, so what is laid out from the map stays valid.
    pub fn layout_revision(&self) -> u64 {
        self.changes - self.beside_ever
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
    fn steps_since_save_count_gestures_not_keystrokes() {
        let mut map = templates::load("pizza").unwrap();
        let id = map.cards[0].id;
        let mut history = History::new();
        let title = |text: &str| Edit::SetCard {
            id,
            field: CardField::Title(text.into()),
        };
        // Typing a title, letter by letter: one step.
        for text in ["W", "Wr", "Wro", "Wrong"] {
            let key = Some(MergeKey("title", id.0));
            history.apply(&mut map, title(text), key).unwrap();
        }
        history.seal();
        assert_eq!(history.steps_since_save(), 1);
        for name in ["A", "B", "C"] {
            history
                .apply(&mut map, Edit::SetTitle(name.into()), None)
                .unwrap();
        }
        assert_eq!(history.steps_since_save(), 4);
        // Undo takes a step off, redo puts it back.
        history.undo(&mut map);
        assert_eq!(history.steps_since_save(), 3);
        history.redo(&mut map);
        assert_eq!(history.steps_since_save(), 4);
        // Saved: nothing to lose; undone below the save, the steps count again.
        history.mark_saved();
        assert_eq!(history.steps_since_save(), 0);
        history.undo(&mut map);
        history.undo(&mut map);
        assert_eq!(history.steps_since_save(), 2);
        // A new edit there leaves the saved map on a branch: two steps back, one more aside.
        history
            .apply(&mut map, Edit::SetTitle("D".into()), None)
            .unwrap();
        assert_eq!(history.steps_since_save(), 3);
        history.undo(&mut map);
        assert_eq!(history.steps_since_save(), 2);
        assert!(history.is_dirty());
        // A map restored with 5 unsaved steps: each new one counts on top.
        let mut restored = History::unsaved_after(5);
        assert_eq!(restored.steps_since_save(), 5);
        restored
            .apply(&mut map, Edit::SetTitle("E".into()), None)
            .unwrap();
        assert_eq!(restored.steps_since_save(), 6);
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
