//! Every word a person reads, by name: the words themselves are in `assets/i18n/*.ftl`, in
//! English and Spanish, and come through [`crate::i18n`]. The map's own text never comes here.

pub const APP_NAME: &str = "Trayecto";

/// Each of these is a message without arguments: `strings::menu_file()` is "File" or "Archivo".
macro_rules! texts {
    ($($name:ident = $key:literal;)*) => {
        $(
            pub fn $name() -> &'static str {
                crate::i18n::tr($key)
            }
        )*
    };
}

texts! {
    untitled = "untitled";
    menu_file = "menu-file";
    menu_edit = "menu-edit";
    menu_view = "menu-view";
    language = "language";
    answer_yes = "answer-yes";
    answer_no = "answer-no";
    close = "close";
    inspector_panel = "inspector-panel";
    present = "present";
    text_size = "text-size";
    text_compact = "text-compact";
    text_normal = "text-normal";
    text_large = "text-large";
    presenting_hint = "presenting-hint";
    export_notes = "export-notes";
    cli_notes = "cli-notes";
    key_ctrl = "key-ctrl";
    key_alt = "key-alt";
    key_shift = "key-shift";
    key_delete = "key-delete";
    key_backspace = "key-backspace";
    key_enter = "key-enter";
    key_escape = "key-escape";
    phase = "phase";
    phase_from = "phase-from";
    phase_to = "phase-to";
    decision = "decision";
    question = "question";
    decided_at = "decided-at";
    branches = "branches";
    branch_label = "branch-label";
    leads_to = "leads-to";
    remove_branch = "remove-branch";
    add_branch = "add-branch";
    new_decision = "new-decision";
    add_phase = "add-phase";
    add_fork = "add-fork";
    delete_decision = "delete-decision";
    delete_phase = "delete-phase";
    add_phase_here = "add-phase-here";
    add_fork_here = "add-fork-here";
    decisions = "decisions";
    leaves_journey = "leaves-journey";
    menu_insert = "menu-insert";
    new_blank = "new-blank";
    new_from_template = "new-from-template";
    open = "open";
    open_recent = "open-recent";
    no_recent = "no-recent";
    clear_recent = "clear-recent";
    save = "save";
    save_as = "save-as";
    quit = "quit";
    undo = "undo";
    redo = "redo";
    delete = "delete";
    duplicate = "duplicate";
    rename = "rename";
    add_stage = "add-stage";
    add_lane = "add-lane";
    fit_map = "fit-map";
    zoom_in = "zoom-in";
    zoom_out = "zoom-out";
    zoom_reset = "zoom-reset";
    export_image = "export-image";
    export_menu = "export-menu";
    copy_image = "copy-image";
    export_format = "export-format";
    export_scale = "export-scale";
    export_background = "export-background";
    background_white = "background-white";
    background_transparent = "background-transparent";
    background_theme = "background-theme";
    export_include = "export-include";
    export_title = "export-title";
    export_persona = "export-persona";
    export_legend = "export-legend";
    export_button = "export-button";
    too_large_hint = "too-large-hint";
    exporting = "exporting";
    export_crashed = "export-crashed";
    map = "map";
    title = "title";
    persona = "persona";
    persona_name = "persona-name";
    persona_description = "persona-description";
    persona_goals = "persona-goals";
    persona_needs = "persona-needs";
    persona_picture = "persona-picture";
    picture_hint = "picture-hint";
    choose_picture = "choose-picture";
    delete_persona = "delete-persona";
    no_persona_hint = "no-persona-hint";
    no_persona = "no-persona";
    new_persona = "new-persona";
    new_persona_name = "new-persona-name";
    journey = "journey";
    journey_name = "journey-name";
    journey_kind_heading = "journey-kind";
    journey_persona = "journey-persona";
    delete_journey = "delete-journey";
    last_journey = "last-journey";
    no_kpis_hint = "no-kpis-hint";
    add_kpi = "add-kpi";
    new_kpi = "new-kpi";
    kpi_name = "kpi-name";
    kpi_unit = "kpi-unit";
    kpi_current = "kpi-current";
    kpi_target = "kpi-target";
    delete_kpi = "delete-kpi";
    moment_none = "moment-none";
    moment_gain = "moment-gain";
    moment_pain = "moment-pain";
    moment_why = "moment-why";
    picture_filter = "picture-filter";
    picture_needs_saved_map = "picture-needs-saved-map";
    goals = "goals";
    card = "card";
    notes = "notes";
    channel_heading = "channel";
    no_channel = "no-channel";
    feeling_heading = "feeling";
    no_feeling = "no-feeling";
    set_feeling = "set-feeling";
    moment_that_matters = "moment-that-matters";
    not_a_moment = "not-a-moment";
    journey_bar = "journey-bar";
    overlay = "overlay";
    overlay_hint = "overlay-hint";
    overlay_needs_target = "overlay-needs-target";
    target_from_current = "target-from-current";
    target_exists = "target-exists";
    no_phase_room = "no-phase-room";
    cli_no_actions = "cli-no-actions";
    new_journey = "new-journey";
    add_journey = "add-journey";
    gap_panel = "gap-panel";
    target_journey_name = "target-journey-name";
    new_journey_name = "new-journey-name";
    legend_feelings = "legend-feelings";
    legend_curves = "legend-curves";
    legend_extremes = "legend-extremes";
    gap_up = "gap-up";
    gap_down = "gap-down";
    needs = "needs";
    kpis = "kpis";
    stage = "stage";
    lane = "lane";
    name = "name";
    kind = "kind";
    stage_feeling = "stage-feeling";
    stage_feeling_average = "stage-feeling-average";
    follow_cards_hint = "follow-cards-hint";
    fresh_persona_hint = "fresh-persona-hint";
    journey_persona_back = "journey-persona-back";
    journey_bar_more = "journey-bar-more";
    journey_bar_more_hint = "journey-bar-more-hint";
    legend_by_hand = "legend-by-hand";
    kind_locked = "kind-locked";
    inspector_hint = "inspector-hint";
    new_stage = "new-stage";
    new_lane = "new-lane";
    new_card_hint = "new-card-hint";
    unsaved_title = "unsaved-title";
    save_button = "save-button";
    discard_button = "discard-button";
    cancel_button = "cancel-button";
    ok_button = "ok-button";
    open_button = "open-button";
    save_as_button = "save-as-button";
    error_title = "error-title";
    path_label = "path-label";
    no_native_dialog = "no-native-dialog";
    recover_title = "recover-title";
    recover_explained = "recover-explained";
    never_saved = "never-saved";
    restore_button = "restore-button";
    discard_recovery_button = "discard-recovery-button";
    keep_for_later = "keep-for-later";
    recover_menu = "recover-menu";
    nothing_to_recover = "nothing-to-recover";
    conflict_title = "conflict-title";
    keep_mine = "keep-mine";
    take_theirs = "take-theirs";
    save_copy = "save-copy";
    cli_about = "cli-about";
    cli_path = "cli-path";
    cli_templates = "cli-templates";
    cli_new = "cli-new";
    cli_template = "cli-template";
    cli_output = "cli-output";
    cli_force = "cli-force";
    cli_export = "cli-export";
    cli_export_map = "cli-export-map";
    cli_export_output = "cli-export-output";
    cli_export_scale = "cli-export-scale";
    cli_export_background = "cli-export-background";
    cli_no_title = "cli-no-title";
    cli_no_persona = "cli-no-persona";
    cli_no_legend = "cli-no-legend";
    cli_validate = "cli-validate";
    cli_validate_paths = "cli-validate-paths";
    cli_journey = "cli-journey";
    cli_info = "cli-info";
    cli_gap = "cli-gap";
    cli_report_map = "cli-report-map";
    cli_json = "cli-json";
    cli_upgrade = "cli-upgrade";
    cli_upgrade_paths = "cli-upgrade-paths";
    cli_view = "cli-view";
    cli_roadmap = "cli-roadmap";
    cli_recover = "cli-recover";
    cli_recover_list = "cli-recover-list";
    cli_recover_map = "cli-recover-map";
    cli_recover_output = "cli-recover-output";
    cli_format = "cli-format";
    cli_no_data_dir = "cli-no-data-dir";
    cli_usage_heading = "cli-usage-heading";
    cli_possible_heading = "cli-possible-heading";
    cli_commands_heading = "cli-commands-heading";
    cli_arguments_heading = "cli-arguments-heading";
    cli_options_heading = "cli-options-heading";
    cli_help_flag = "cli-help-flag";
    cli_version_flag = "cli-version-flag";
    cli_help_command = "cli-help-command";
    cli_help_command_arg = "cli-help-command-arg";
    cli_lang = "cli-lang";
    cli_error = "cli-error";
    cli_error_more = "cli-error-more";
    cli_value_command = "cli-value-command";
    cli_value_options = "cli-value-options";
    cli_value_path = "cli-value-path";
    cli_value_map = "cli-value-map";
    cli_value_paths = "cli-value-paths";
    cli_value_output = "cli-value-output";
    cli_value_template = "cli-value-template";
    cli_value_scale = "cli-value-scale";
    cli_value_background = "cli-value-background";
    cli_value_journey = "cli-value-journey";
    cli_value_view = "cli-value-view";
    cli_value_format = "cli-value-format";
    cli_value_lang = "cli-value-lang";
    cli_format_table = "cli-format-table";
    cli_format_csv = "cli-format-csv";
    cli_format_json = "cli-format-json";
    cli_format_md = "cli-format-md";
    cli_journey_current = "cli-journey-current";
    cli_journey_target = "cli-journey-target";
    cli_journey_overlay = "cli-journey-overlay";
    cli_view_journey = "cli-view-journey";
    cli_view_roadmap = "cli-view-roadmap";
    cli_background_white = "cli-background-white";
    cli_background_transparent = "cli-background-transparent";
    cli_background_theme = "cli-background-theme";
    col_stage = "col-stage";
    col_current = "col-current";
    col_target = "col-target";
    col_gap = "col-gap";
    col_gains = "col-gains";
    col_pains = "col-pains";
    col_pain_points = "col-pain-points";
    col_kpis = "col-kpis";
    col_what = "col-what";
    col_value = "col-value";
    info_format = "info-format";
    info_stages = "info-stages";
    info_lanes = "info-lanes";
    info_personas = "info-personas";
    info_journey = "info-journey";
    no_target_for_gap = "no-target-for-gap";
    col_key = "col-key";
    col_map = "col-map";
    col_title = "col-title";
    col_time = "col-time";
    col_changes = "col-changes";
    col_cards = "col-cards";
    col_running = "col-running";
    no_stream = "no-stream";
    nobody = "nobody";
    no_actions_hint = "no-actions-hint";
    sort_hint = "sort-hint";
    col_priority = "col-priority";
    col_action = "col-action";
    col_stages = "col-stages";
    col_owner = "col-owner";
    col_stream = "col-stream";
    col_impact = "col-impact";
    col_effort = "col-effort";
    col_horizon = "col-horizon";
    col_status = "col-status";
    col_kpi = "col-kpi";
    roadmap = "roadmap";
    actions = "actions";
    action = "action";
    turn_into_action = "turn-into-action";
    action_for_pain = "action-for-pain";
    open_action = "open-action";
    show_on_journey = "show-on-journey";
    delete_action = "delete-action";
    new_action = "new-action";
    new_action_title = "new-action-title";
    action_title = "action-title";
    description = "description";
    addresses = "addresses";
    addresses_hint = "addresses-hint";
    no_kpi = "no-kpi";
    departments = "departments";
    streams = "streams";
    add_department = "add-department";
    new_department = "new-department";
    add_stream = "add-stream";
    new_stream = "new-stream";
    remove = "remove";
    legend_priorities = "legend-priorities";
}

use crate::i18n::{Arg, fmt, tr};

pub fn scale_label(scale: u32) -> String {
    fmt("scale-label", &[("scale", scale.into())])
}

pub fn png_size(width: u64, height: u64) -> String {
    fmt(
        "png-size",
        &[("width", width.into()), ("height", height.into())],
    )
}

pub fn svg_size(width: u64, height: u64) -> String {
    fmt(
        "svg-size",
        &[("width", width.into()), ("height", height.into())],
    )
}

/// A message about a file or a map: `key` with `$path` (or `$name`) filled in.
fn about(key: &str, name: &str, value: &str) -> String {
    fmt(key, &[(name, value.into())])
}

pub fn exported_status(path: &str) -> String {
    about("exported-status", "path", path)
}

pub fn copied_status(width: usize, height: usize) -> String {
    fmt(
        "copied-status",
        &[("width", width.into()), ("height", height.into())],
    )
}

pub fn stage_feeling_in(journey: &str) -> String {
    about("stage-feeling-in", "journey", journey)
}

/// Under a stage's curve point set by hand: what the stage's cards would give instead (the
/// name of the nearest face), or that none of them has a feeling.
pub fn by_hand_note(cards: Option<&str>) -> String {
    match cards {
        Some(feeling) => about("by-hand-cards", "feeling", feeling),
        None => crate::i18n::tr("by-hand-no-cards").to_owned(),
    }
}

/// Under a stage's curve point that follows its cards: what they say (the name of the
/// nearest face), or that none of them has a feeling.
pub fn follows_cards_note(cards: Option<&str>) -> String {
    match cards {
        Some(feeling) => about("follows-cards", "feeling", feeling),
        None => crate::i18n::tr("follows-no-cards").to_owned(),
    }
}

pub fn picture_problem(problem: &str) -> String {
    about("picture-problem", "problem", problem)
}

pub fn picture_copied(name: &str) -> String {
    about("picture-copied", "name", name)
}

pub fn gap_heading(current: &str, target: &str) -> String {
    fmt(
        "gap-heading",
        &[("current", current.into()), ("target", target.into())],
    )
}

pub fn conflict_question(name: &str) -> String {
    about("conflict-question", "name", name)
}

/// "12 changes · 29 cards · 3 minutes ago", counting undo steps; where the journal does not
/// count them, "29 cards · last edited 3 minutes ago".
pub fn recovery_details(steps: Option<u64>, cards: usize, age: std::time::Duration) -> String {
    let ago = ago(age);
    match steps.filter(|n| *n > 0) {
        Some(steps) => fmt(
            "recovery-details",
            &[
                ("changes", steps.into()),
                ("cards", cards.into()),
                ("ago", Arg::Text(&ago)),
            ],
        ),
        None => fmt(
            "recovery-details-uncounted",
            &[("cards", cards.into()), ("ago", Arg::Text(&ago))],
        ),
    }
}

pub fn ago(age: std::time::Duration) -> String {
    let minutes = age.as_secs() / 60;
    match minutes {
        0 => tr("just-now").to_owned(),
        1..60 => fmt("minutes-ago", &[("count", minutes.into())]),
        60..2880 => fmt("hours-ago", &[("count", (minutes / 60).into())]),
        _ => fmt("days-ago", &[("count", (minutes / 1440).into())]),
    }
}

pub fn restored_status(name: &str) -> String {
    about("restored-status", "name", name)
}

pub fn reloaded_status(name: &str) -> String {
    about("reloaded-status", "name", name)
}

pub fn vanished_status(name: &str) -> String {
    about("vanished-status", "name", name)
}

pub fn unreadable_change_status(name: &str, error: &str) -> String {
    fmt(
        "unreadable-change-status",
        &[("name", name.into()), ("error", error.into())],
    )
}

pub fn autosave_failed(folder: &str, reason: &str) -> String {
    fmt(
        "autosave-failed",
        &[("folder", folder.into()), ("reason", reason.into())],
    )
}

pub fn damaged_journal(file: &str, reason: &str) -> String {
    fmt(
        "damaged-journal",
        &[("file", file.into()), ("reason", reason.into())],
    )
}

pub fn saved_in_place_status(path: &str, without_backup: bool) -> String {
    let key = if without_backup {
        "saved-in-place-no-backup"
    } else {
        "saved-in-place"
    };
    about(key, "path", path)
}

pub fn unsaved_question(name: &str) -> String {
    about("unsaved-question", "name", name)
}

pub fn window_title(name: &str, dirty: bool) -> String {
    if dirty {
        format!("● {name} — {APP_NAME}")
    } else {
        format!("{name} — {APP_NAME}")
    }
}

pub fn saved_status(path: &str) -> String {
    about("saved-status", "path", path)
}

pub fn opened_old_format(path: &str, version: u32, current: u32) -> String {
    fmt(
        "opened-old-format",
        &[
            ("path", path.into()),
            ("version", version.into()),
            ("current", current.into()),
        ],
    )
}

pub fn saved_upgraded_status(path: &str, current: u32) -> String {
    fmt(
        "saved-upgraded-status",
        &[("path", path.into()), ("current", current.into())],
    )
}

pub fn opening_status(path: &str) -> String {
    about("opening-status", "path", path)
}

pub fn opened_status(path: &str) -> String {
    about("opened-status", "path", path)
}

pub fn undo_status(done: bool) -> &'static str {
    if done {
        tr("undone")
    } else {
        tr("nothing-to-undo")
    }
}

pub fn redo_status(done: bool) -> &'static str {
    if done {
        tr("redone")
    } else {
        tr("nothing-to-redo")
    }
}

pub fn zoom_label(zoom: f32) -> String {
    format!("{:.0} %", zoom * 100.0)
}

pub fn card_count(cards: usize) -> String {
    fmt("card-count", &[("count", cards.into())])
}

pub fn counts(stages: usize, lanes: usize, cards: usize) -> String {
    fmt(
        "counts",
        &[
            ("stages", stages.into()),
            ("lanes", lanes.into()),
            ("cards", cards.into()),
        ],
    )
}

pub fn cli_already_current(path: &str, current: u32) -> String {
    fmt(
        "cli-already-current",
        &[("path", path.into()), ("current", current.into())],
    )
}

/// `earlier`: the backup already held an earlier original, kept as it was.
pub fn cli_upgraded(path: &str, from: u32, backup: &str, earlier: bool, current: u32) -> String {
    fmt(
        if earlier {
            "cli-upgraded-earlier"
        } else {
            "cli-upgraded"
        },
        &[
            ("path", path.into()),
            ("from", from.into()),
            ("current", current.into()),
            ("backup", backup.into()),
        ],
    )
}

pub fn cli_nothing_to_recover(map: &str) -> String {
    about("cli-nothing-to-recover", "path", map)
}

pub fn cli_ok(path: &str, stages: usize, lanes: usize, cards: usize) -> String {
    fmt(
        "cli-ok",
        &[
            ("path", path.into()),
            ("stages", stages.into()),
            ("lanes", lanes.into()),
            ("cards", cards.into()),
        ],
    )
}

pub fn cli_not_a_command(name: &str, commands: &[&str]) -> String {
    fmt(
        "cli-not-a-command",
        &[
            ("name", name.into()),
            ("commands", Arg::Text(&commands.join(", "))),
        ],
    )
}

pub fn cli_no_display() -> &'static str {
    tr("cli-no-display")
}

pub fn cli_no_window(reason: &str) -> String {
    about("cli-no-window", "reason", reason)
}

pub fn cli_unknown_template(name: &str, names: &[&str]) -> String {
    fmt(
        "cli-unknown-template",
        &[
            ("name", name.into()),
            ("names", Arg::Text(&names.join(", "))),
        ],
    )
}

pub fn cli_exists(path: &str) -> String {
    about("cli-exists", "path", path)
}

/// Alternatives as a sentence says them: "a, b or c".
pub fn one_of(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [first @ .., last] => fmt(
            "list-or",
            &[
                ("first", Arg::Text(&first.join(", "))),
                ("last", last.as_str().into()),
            ],
        ),
    }
}

pub fn cli_unknown_image_type(path: &str, extensions: &str) -> String {
    fmt(
        "cli-unknown-image-type",
        &[("path", path.into()), ("extensions", extensions.into())],
    )
}

pub fn cli_written(path: &str) -> String {
    about("cli-written", "path", path)
}

/// A score or gap with its sign: "+2", "−1.5", "0".
pub fn signed(value: f32) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let digits = number(f64::from(rounded.abs()));
    if rounded > 0.0 {
        format!("+{digits}")
    } else if rounded < 0.0 {
        format!("−{digits}")
    } else {
        "0".to_owned()
    }
}

/// A number without needless decimals: 30, −1.5, 0.25.
pub fn plain_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let text = format!("{n:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// A number as people write it in the current language: "1.5" or "1,5".
pub fn number(n: f64) -> String {
    let text = plain_number(n);
    match crate::i18n::current() {
        crate::i18n::Lang::Es => text.replace('.', ","),
        crate::i18n::Lang::En => text,
    }
}

pub fn roadmap_caption(title: &str) -> String {
    about("roadmap-caption", "title", title)
}

pub fn card_is_action(title: &str) -> String {
    about("card-is-action", "title", title)
}

/// Accessible names of painted widgets, for screen readers and tests. Built every frame for
/// every visible item, so a prefix and the item's own text, without Fluent formatting.
fn named(prefix: &'static str, name: &str) -> String {
    let prefix = tr(prefix);
    let mut label = String::with_capacity(prefix.len() + 1 + name.len());
    label.push_str(prefix);
    label.push(' ');
    label.push_str(name);
    label
}

pub fn card_label(title: &str) -> String {
    named("label-card", title)
}

pub fn stage_label(name: &str) -> String {
    named("label-stage", name)
}

pub fn lane_label(name: &str) -> String {
    named("label-lane", name)
}

pub fn curve_point_label(stage: &str) -> String {
    named("label-curve-point", stage)
}

pub fn action_label(title: &str) -> String {
    named("label-action", title)
}

pub fn journey_tab_label(name: &str) -> String {
    named("label-journey", name)
}

pub fn gap_row_label(stage: &str) -> String {
    named("label-gap-row", stage)
}

/// Accessible name of a table cell: "Owner of: Reply to posts…".
/// The accessible name of one item's field in a list: "Departments: Marketing".
pub fn item_label(list: &str, name: &str) -> String {
    fmt(
        "label-item",
        &[("list", list.into()), ("name", name.into())],
    )
}

pub fn cell_label(column: &str, action: &str) -> String {
    fmt(
        "label-cell",
        &[("column", column.into()), ("action", action.into())],
    )
}

pub fn cli_error_missing_value(arg: &str) -> String {
    about("cli-error-missing-value", "arg", arg)
}

pub fn cli_error_invalid_value(value: &str, arg: &str) -> String {
    fmt(
        "cli-error-invalid-value",
        &[("value", value.into()), ("arg", arg.into())],
    )
}

pub fn cli_error_unknown_argument(arg: &str) -> String {
    about("cli-error-unknown-argument", "arg", arg)
}

pub fn cli_error_unknown_command(command: &str) -> String {
    about("cli-error-unknown-command", "command", command)
}

pub fn cli_error_missing(args: &str) -> String {
    about("cli-error-missing", "args", args)
}

pub fn cli_error_conflict(arg: &str, other: &str) -> String {
    fmt(
        "cli-error-conflict",
        &[("arg", arg.into()), ("other", other.into())],
    )
}

pub fn cli_error_unexpected_value(value: &str) -> String {
    about("cli-error-unexpected-value", "value", value)
}

pub fn cli_error_other(detail: &str) -> String {
    about("cli-error-other", "detail", detail)
}

pub fn cli_error_possible(values: &str) -> String {
    about("cli-error-possible", "values", values)
}

pub fn cli_error_did_you_mean(suggestion: &str) -> String {
    about("cli-error-did-you-mean", "suggestion", suggestion)
}

pub fn cli_scale_range(max: u32) -> String {
    fmt("cli-scale-range", &[("max", max.into())])
}

pub fn cli_default(value: &str) -> String {
    about("cli-default", "value", value)
}

pub fn new_phase(n: usize) -> String {
    fmt("new-phase", &[("n", n.into())])
}

pub fn new_branch(n: usize) -> String {
    fmt("new-branch", &[("n", n.into())])
}

pub fn stage_count(count: usize) -> String {
    fmt("stage-count", &[("count", count.into())])
}

pub fn phase_label(name: &str) -> String {
    named("label-phase", name)
}

pub fn fork_label(question: &str) -> String {
    named("label-fork", question)
}

/// An undo step as the Edit menu and the status bar name it: "move card “Menu”".
pub fn step_name(key: &str, subject: Option<&str>) -> String {
    let subject = subject.unwrap_or("");
    // Long texts are cut, so the menu stays one line.
    let subject: String = if subject.chars().count() > 40 {
        subject
            .chars()
            .take(39)
            .chain(std::iter::once('…'))
            .collect()
    } else {
        subject.to_owned()
    };
    fmt(key, &[("name", Arg::Text(&subject))])
}

pub fn undone_step(key: &str, subject: Option<&str>) -> String {
    fmt(
        "undone-step",
        &[("step", Arg::Text(&step_name(key, subject)))],
    )
}

pub fn redone_step(key: &str, subject: Option<&str>) -> String {
    fmt(
        "redone-step",
        &[("step", Arg::Text(&step_name(key, subject)))],
    )
}

pub fn undo_step(key: &str, subject: Option<&str>) -> String {
    fmt(
        "undo-step",
        &[("step", Arg::Text(&step_name(key, subject)))],
    )
}

pub fn redo_step(key: &str, subject: Option<&str>) -> String {
    fmt(
        "redo-step",
        &[("step", Arg::Text(&step_name(key, subject)))],
    )
}

/// The toast after a delete: "Deleted stage “Wait” and its 3 cards". `key` is one of the
/// `deleted-*` messages.
pub fn deleted_toast(key: &'static str, name: &str, cards: usize) -> String {
    fmt(key, &[("name", name.into()), ("count", cards.into())])
}
