//! Decision forks: at a stage of a journey the customer takes one of several branches ("order
//! from us or from a competitor"), each leading to a stage or out of the journey.

use super::{ForkId, JourneyId, Map, StageId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fork {
    pub id: ForkId,
    pub journey: JourneyId,
    /// Where the customer decides.
    pub stage: StageId,
    pub question: String,
    /// Two or more.
    pub branches: Vec<Branch>,
}

/// One way out of a fork.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    pub label: String,
    /// The stage it leads to; `None`: it leaves the journey (e.g. to a competitor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<StageId>,
}

/// Fewest branches a fork has.
pub const MIN_BRANCHES: usize = 2;

impl Map {
    pub fn fork(&self, id: ForkId) -> Option<&Fork> {
        self.forks.iter().find(|f| f.id == id)
    }

    pub fn forks_of(&self, journey: JourneyId) -> impl Iterator<Item = &Fork> {
        self.forks.iter().filter(move |f| f.journey == journey)
    }

    pub fn new_fork_id(&self) -> ForkId {
        ForkId(super::fresh_ids(self.forks.iter().map(|f| f.id.0), 1)[0])
    }

    /// Stage `stage` is gone: forks there go, and so do branches leading there; a fork left
    /// with fewer than two branches is no decision any more and goes too.
    pub(crate) fn forget_stage_in_forks(&mut self, stage: StageId) {
        self.forks.retain_mut(|fork| {
            fork.branches.retain(|b| b.to != Some(stage));
            fork.stage != stage && fork.branches.len() >= MIN_BRANCHES
        });
    }

    /// Journey `journey` is gone, and its forks with it.
    pub(crate) fn forget_journey_in_forks(&mut self, journey: JourneyId) {
        self.forks.retain(|f| f.journey != journey);
    }
}
