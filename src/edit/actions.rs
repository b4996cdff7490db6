//! Actions, and their links: to the card that shows one, the cards it addresses, the stages it
//! improves, its KPI, owner and stream. Removing what an action links to unlinks it, and undo
//! links it again.

use super::list::{self, exists};
use super::{Edit, Result};
use crate::model::{
    Action, ActionId, Card, CardId, Department, DepartmentId, Kpi, KpiId, Map, Stage, StageId,
    Stream, StreamId,
};
use std::collections::HashSet;

pub(super) fn insert(map: &mut Map, index: usize, action: Action) -> Result<Edit> {
    list::insert(map, index, action, check_links).map(Edit::RemoveAction)
}

pub(super) fn remove(map: &mut Map, id: ActionId) -> Result<Edit> {
    let (index, action) = list::remove(map, id)?;
    Ok(Edit::InsertAction { index, action })
}

pub(super) fn set(map: &mut Map, action: Action) -> Result<Edit> {
    list::replace(map, action, check_links).map(Edit::SetAction)
}

/// Every link of an action leads somewhere.
fn check_links(map: &Map, action: &Action) -> Result<()> {
    for card in action.card.iter().chain(&action.addresses) {
        exists::<Card>(map, *card)?;
    }
    for stage in &action.stages {
        exists::<Stage>(map, *stage)?;
    }
    if let Some(owner) = action.owner {
        exists::<Department>(map, owner)?;
    }
    if let Some(stream) = action.stream {
        exists::<Stream>(map, stream)?;
    }
    if let Some(kpi) = action.kpi {
        exists::<Kpi>(map, kpi)?;
    }
    Ok(())
}

/// What actions could link to, before a removal.
pub(super) struct Gone {
    cards: HashSet<CardId>,
    stages: HashSet<StageId>,
    kpis: HashSet<KpiId>,
    departments: HashSet<DepartmentId>,
    streams: HashSet<StreamId>,
}

impl Gone {
    pub(super) fn snapshot(map: &Map) -> Gone {
        Gone {
            cards: map.cards.iter().map(|c| c.id).collect(),
            stages: map.stages.iter().map(|s| s.id).collect(),
            kpis: map.kpis.iter().map(|k| k.id).collect(),
            departments: map.departments.iter().map(|d| d.id).collect(),
            streams: map.streams.iter().map(|s| s.id).collect(),
        }
    }

    /// Unlinks actions from what is gone since the snapshot; returns the actions as they were.
    pub(super) fn detach(mut self, map: &mut Map) -> Vec<Action> {
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
pub(super) fn relink(inverse: Edit, actions: Vec<Action>) -> Edit {
    if actions.is_empty() {
        return inverse;
    }
    let mut edits = vec![inverse];
    edits.extend(actions.into_iter().map(Edit::SetAction));
    Edit::Batch(edits)
}
