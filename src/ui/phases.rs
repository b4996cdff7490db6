//! Phases and decision forks in the editor: the edits that add them, and their inspector
//! sections. Every change is one `SetPhases` or `SetForks` edit, so one undo step.

use super::Command;
use super::widgets::{heading, text_field};
use crate::edit::{Edit, build};
use crate::history::MergeKey;
use crate::i18n::strings;
use crate::model::{Branch, Fork, ForkId, JourneyId, Map, Phase, PhaseId, StageId, limits};
use egui::{ComboBox, RichText, Ui};

/// A new phase over `stage` (else the first stage in no phase), named "Phase N"; its id, to
/// rename it at once. `None` when that stage is already in a phase (phases are regrouped in
/// the inspector, not carved up by adding another).
pub fn new_phase(map: &Map, stage: Option<StageId>) -> Option<(Edit, PhaseId)> {
    build::new_phase(map, stage, strings::new_phase)
}

/// A new decision at `stage` (else the first stage) of `journey`, with two branches: on to the
/// next stage, and out of the journey.
pub fn new_fork(map: &Map, journey: JourneyId, stage: Option<StageId>) -> Option<(Edit, ForkId)> {
    build::new_fork(
        map,
        journey,
        stage,
        strings::new_decision(),
        strings::new_branch,
    )
}

/// The phases with `phase` changed by `change`.
fn phases_with(map: &Map, phase: PhaseId, change: impl FnOnce(&mut Phase)) -> Edit {
    let mut phases = map.phases.clone();
    if let Some(p) = phases.iter_mut().find(|p| p.id == phase) {
        change(p);
    }
    Edit::SetPhases(phases)
}

/// The forks with `fork` changed by `change`.
fn forks_with(map: &Map, fork: ForkId, change: impl FnOnce(&mut Fork)) -> Edit {
    let mut forks = map.forks.clone();
    if let Some(f) = forks.iter_mut().find(|f| f.id == fork) {
        change(f);
    }
    Edit::SetForks(forks)
}

/// A combo box of the map's stages; `None` entries are offered as `none_label`.
fn stage_combo(
    ui: &mut Ui,
    salt: &str,
    label: &str,
    map: &Map,
    current: Option<StageId>,
    none_label: Option<&str>,
    allowed: impl Fn(StageId) -> bool,
) -> Option<Option<StageId>> {
    let label = ui.label(label);
    let shown = match current.and_then(|s| map.stage(s)) {
        Some(stage) => stage.name.as_str(),
        None => none_label.unwrap_or(""),
    };
    let mut picked = None;
    ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .width(ui.available_width() - 8.0)
        .show_ui(ui, |ui| {
            for stage in &map.stages {
                let selected = current == Some(stage.id);
                let button = egui::Button::selectable(selected, &stage.name);
                if ui.add_enabled(allowed(stage.id), button).clicked() && !selected {
                    picked = Some(Some(stage.id));
                }
            }
            if let Some(none) = none_label {
                let selected = current.is_none();
                if ui.add(egui::Button::selectable(selected, none)).clicked() && !selected {
                    picked = Some(None);
                }
            }
        })
        .response
        .labelled_by(label.id);
    picked
}

pub(super) fn phase_section(ui: &mut Ui, map: &Map, phase: &Phase, out: &mut Vec<Command>) {
    let id = phase.id;
    heading(ui, strings::phase());
    text_field(
        ui,
        strings::name(),
        &phase.name,
        false,
        MergeKey("phase name", id.0),
        out,
        |name| phases_with(map, id, |p| p.name = name),
    );
    let (Some(&first), Some(&last)) = (phase.stages.first(), phase.stages.last()) else {
        return;
    };
    let regroup = |a, b| {
        let phases = map.phases_with_range(id, &phase.name, a, b);
        Command::Edit(Edit::SetPhases(phases), None)
    };
    let first_index = map.stage_index(first).unwrap_or(0);
    let last_index = map.stage_index(last).unwrap_or(0);
    let index = |s: StageId| map.stage_index(s).unwrap_or(0);
    if let Some(Some(from)) = stage_combo(
        ui,
        "phase from",
        strings::phase_from(),
        map,
        Some(first),
        None,
        |s| index(s) <= last_index,
    ) {
        out.push(regroup(from, last));
    }
    if let Some(Some(to)) = stage_combo(
        ui,
        "phase to",
        strings::phase_to(),
        map,
        Some(last),
        None,
        |s| index(s) >= first_index,
    ) {
        out.push(regroup(first, to));
    }
    ui.label(RichText::new(strings::stage_count(phase.stages.len())).weak());
    ui.add_space(8.0);
    if ui.add(Command::Delete.button(ui.ctx())).clicked() {
        out.push(Command::Delete);
    }
}

pub(super) fn fork_section(ui: &mut Ui, map: &Map, fork: &Fork, out: &mut Vec<Command>) {
    let id = fork.id;
    heading(ui, strings::decision());
    text_field(
        ui,
        strings::question(),
        &fork.question,
        false,
        MergeKey("fork question", id.0),
        out,
        |question| forks_with(map, id, |f| f.question = question),
    );
    let targets: Vec<StageId> = fork.branches.iter().filter_map(|b| b.to).collect();
    if let Some(Some(stage)) = stage_combo(
        ui,
        "fork stage",
        strings::decided_at(),
        map,
        Some(fork.stage),
        None,
        |s| !targets.contains(&s),
    ) {
        out.push(Command::Edit(
            forks_with(map, id, |f| f.stage = stage),
            None,
        ));
    }
    ui.add_space(8.0);
    heading(ui, strings::branches());
    let removable = fork.branches.len() > crate::model::MIN_BRANCHES;
    for (i, branch) in fork.branches.iter().enumerate() {
        ui.push_id(("branch", i), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                text_field(
                    ui,
                    strings::branch_label(),
                    &branch.label,
                    false,
                    MergeKey("branch label", id.0 * limits::BRANCHES as u32 + i as u32),
                    out,
                    |label| forks_with(map, id, |f| f.branches[i].label = label),
                );
                if let Some(to) = stage_combo(
                    ui,
                    "leads to",
                    strings::leads_to(),
                    map,
                    branch.to,
                    Some(strings::leaves_journey()),
                    |s| s != fork.stage,
                ) {
                    out.push(Command::Edit(
                        forks_with(map, id, |f| f.branches[i].to = to),
                        None,
                    ));
                }
                let remove = egui::Button::new(strings::remove_branch());
                if ui.add_enabled(removable, remove).clicked() {
                    out.push(Command::Edit(
                        forks_with(map, id, |f| {
                            f.branches.remove(i);
                        }),
                        None,
                    ));
                }
            });
        });
    }
    let more = fork.branches.len() < limits::BRANCHES;
    if ui
        .add_enabled(more, egui::Button::new(strings::add_branch()))
        .clicked()
    {
        let label = strings::new_branch(fork.branches.len() + 1);
        out.push(Command::Edit(
            forks_with(map, id, |f| f.branches.push(Branch { label, to: None })),
            None,
        ));
    }
    ui.add_space(8.0);
    if ui.add(Command::Delete.button(ui.ctx())).clicked() {
        out.push(Command::Delete);
    }
}
