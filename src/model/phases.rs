//! Phases: consecutive stages grouped under one name ("Before the purchase"), drawn as a band
//! above the stage headers. Every stage belongs to at most one phase, and a phase's stages are
//! always next to each other in the map's order; the functions here keep it so as stages are
//! added, moved and removed, and as phases are regrouped.

use super::{Map, PhaseId, StageId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: PhaseId,
    pub name: String,
    /// Consecutive stages, in the map's order.
    pub stages: Vec<StageId>,
}

impl Map {
    pub fn phase(&self, id: PhaseId) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    /// The phase a stage belongs to, if any.
    pub fn phase_of(&self, stage: StageId) -> Option<&Phase> {
        self.phases.iter().find(|p| p.stages.contains(&stage))
    }

    pub fn new_phase_id(&self) -> PhaseId {
        PhaseId(super::fresh_ids(self.phases.iter().map(|p| p.id.0), 1)[0])
    }

    /// Each stage's phase, in stage order.
    fn membership(&self) -> Vec<Option<PhaseId>> {
        self.stages
            .iter()
            .map(|s| self.phase_of(s.id).map(|p| p.id))
            .collect()
    }

    /// The phases with the stages between `first` and `last` (in either order) given to
    /// `phase`, a new one named `name` when it does not exist yet. Other phases give those
    /// stages up; one cut in two keeps its first part.
    pub fn phases_with_range(
        &self,
        phase: PhaseId,
        name: &str,
        first: StageId,
        last: StageId,
    ) -> Vec<Phase> {
        let (Some(a), Some(b)) = (self.stage_index(first), self.stage_index(last)) else {
            return self.phases.clone();
        };
        let range = a.min(b)..=a.max(b);
        let mut member = self.membership();
        for (i, m) in member.iter_mut().enumerate() {
            if range.contains(&i) {
                *m = Some(phase);
            } else if *m == Some(phase) {
                *m = None;
            }
        }
        let mut phases = self.phases.clone();
        if !phases.iter().any(|p| p.id == phase) {
            phases.push(Phase {
                id: phase,
                name: name.to_owned(),
                stages: Vec::new(),
            });
        }
        self.regrouped(phases, &member)
    }

    /// Stage `stage` has just been added or moved: it joins the phase it now sits inside, stays
    /// in its own when still next to it (or alone in it), and otherwise joins a neighbour's.
    /// `own` is the phase it belonged to before the move (`None` for a new stage).
    pub(crate) fn regroup_after(&mut self, stage: StageId, own: Option<PhaseId>) {
        if self.phases.is_empty() {
            return;
        }
        let Some(at) = self.stage_index(stage) else {
            return;
        };
        let mut member = self.membership();
        member[at] = own;
        let left = at.checked_sub(1).and_then(|i| member[i]);
        let right = member.get(at + 1).copied().flatten();
        let alone = own.is_some() && !member.iter().enumerate().any(|(i, m)| i != at && *m == own);
        member[at] = if left.is_some() && left == right {
            left
        } else if own.is_some() && (left == own || right == own || alone) {
            own
        } else {
            left.or(right)
        };
        let phases = std::mem::take(&mut self.phases);
        self.phases = self.regrouped(phases, &member);
    }

    /// Stage `stage` is gone: it leaves its phase, and a phase left with no stages goes.
    pub(crate) fn forget_stage_in_phases(&mut self, stage: StageId) {
        for phase in &mut self.phases {
            phase.stages.retain(|s| *s != stage);
        }
        self.phases.retain(|p| !p.stages.is_empty());
    }

    /// `phases` with their stages taken from `member` (each stage's phase, in stage order),
    /// keeping only each phase's first run of stages; phases left empty go, the rest are in
    /// the order of their first stage.
    fn regrouped(&self, mut phases: Vec<Phase>, member: &[Option<PhaseId>]) -> Vec<Phase> {
        for phase in &mut phases {
            phase.stages.clear();
            let mut run_over = false;
            for (stage, m) in self.stages.iter().zip(member) {
                if *m == Some(phase.id) {
                    if run_over {
                        break;
                    }
                    phase.stages.push(stage.id);
                } else if !phase.stages.is_empty() {
                    run_over = true;
                }
            }
        }
        phases.retain(|p| !p.stages.is_empty());
        phases.sort_by_key(|p| self.stage_index(p.stages[0]));
        phases
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stage;

    fn map(stages: u32, phases: &[(u32, &[u32])]) -> Map {
        Map {
            stages: (1..=stages)
                .map(|i| Stage {
                    id: StageId(i),
                    name: format!("S{i}"),
                })
                .collect(),
            phases: phases
                .iter()
                .map(|(id, stages)| Phase {
                    id: PhaseId(*id),
                    name: format!("P{id}"),
                    stages: stages.iter().map(|s| StageId(*s)).collect(),
                })
                .collect(),
            ..Map::default()
        }
    }

    fn groups(map: &Map) -> Vec<(u32, Vec<u32>)> {
        map.phases
            .iter()
            .map(|p| (p.id.0, p.stages.iter().map(|s| s.0).collect()))
            .collect()
    }

    fn move_stage(map: &mut Map, id: u32, to: usize) {
        let own = map.phase_of(StageId(id)).map(|p| p.id);
        let from = map.stage_index(StageId(id)).unwrap();
        let stage = map.stages.remove(from);
        map.stages.insert(to, stage);
        map.regroup_after(StageId(id), own);
    }

    #[test]
    fn a_stage_moved_inside_a_phase_joins_it() {
        let mut m = map(6, &[(1, &[1, 2]), (2, &[3, 4, 5])]);
        move_stage(&mut m, 1, 3); // between 4 and 5
        assert_eq!(groups(&m), [(1, vec![2]), (2, vec![3, 4, 1, 5])]);
    }

    #[test]
    fn a_stage_moved_next_to_its_phase_stays_in_it() {
        let mut m = map(5, &[(1, &[1, 2]), (2, &[3, 4])]);
        move_stage(&mut m, 2, 0);
        assert_eq!(groups(&m), [(1, vec![2, 1]), (2, vec![3, 4])]);
    }

    #[test]
    fn a_phase_of_one_stage_travels_with_it() {
        let mut m = map(5, &[(1, &[1]), (2, &[2, 3])]);
        move_stage(&mut m, 1, 4);
        assert_eq!(groups(&m), [(2, vec![2, 3]), (1, vec![1])]);
    }

    #[test]
    fn a_stage_moved_to_a_boundary_joins_the_phase_before_it() {
        let mut m = map(6, &[(1, &[1, 2]), (2, &[3, 4]), (3, &[5, 6])]);
        move_stage(&mut m, 1, 3); // after 4, before 5
        assert_eq!(
            groups(&m),
            [(1, vec![2]), (2, vec![3, 4, 1]), (3, vec![5, 6])]
        );
    }

    #[test]
    fn a_new_stage_joins_the_phase_it_follows() {
        let mut m = map(4, &[(1, &[1, 2]), (2, &[3, 4])]);
        m.stages.push(Stage {
            id: StageId(5),
            name: "S5".into(),
        });
        m.regroup_after(StageId(5), None);
        assert_eq!(groups(&m), [(1, vec![1, 2]), (2, vec![3, 4, 5])]);
    }

    #[test]
    fn a_range_takes_its_stages_from_other_phases() {
        let m = map(6, &[(1, &[1, 2, 3]), (2, &[4, 5, 6])]);
        let phases = m.phases_with_range(PhaseId(2), "", StageId(3), StageId(4));
        let m2 = Map {
            phases,
            ..m.clone()
        };
        assert_eq!(groups(&m2), [(1, vec![1, 2]), (2, vec![3, 4])]);
        // A new phase carved out of the middle of another: the other keeps its first part.
        let phases = m.phases_with_range(PhaseId(9), "Middle", StageId(2), StageId(2));
        let m3 = Map {
            phases,
            ..m.clone()
        };
        assert_eq!(
            groups(&m3),
            [(1, vec![1]), (9, vec![2]), (2, vec![4, 5, 6])]
        );
        assert_eq!(m3.phase(PhaseId(9)).unwrap().name, "Middle");
    }

    #[test]
    fn removing_a_phases_last_stage_removes_the_phase() {
        let mut m = map(3, &[(1, &[1]), (2, &[2, 3])]);
        m.stages.remove(0);
        m.forget_stage_in_phases(StageId(1));
        assert_eq!(groups(&m), [(2, vec![2, 3])]);
    }
}
