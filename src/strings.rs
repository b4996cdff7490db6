//! Every word a person reads, in one place, so a translation is one file's work.

use crate::model::{Channel, Feeling, LaneKind};

pub const APP_NAME: &str = "Trayecto";
pub const UNTITLED: &str = "Untitled";

// Menus and commands.
pub const MENU_FILE: &str = "File";
pub const MENU_EDIT: &str = "Edit";
pub const MENU_VIEW: &str = "View";
pub const MENU_INSERT: &str = "Insert";
pub const NEW_BLANK: &str = "New";
pub const NEW_FROM_TEMPLATE: &str = "New from template";
pub const OPEN: &str = "Open…";
pub const OPEN_RECENT: &str = "Open recent";
pub const NO_RECENT: &str = "No recent maps";
pub const CLEAR_RECENT: &str = "Clear list";
pub const SAVE: &str = "Save";
pub const SAVE_AS: &str = "Save as…";
pub const QUIT: &str = "Quit";
pub const UNDO: &str = "Undo";
pub const REDO: &str = "Redo";
pub const DELETE: &str = "Delete";
pub const DUPLICATE: &str = "Duplicate";
pub const RENAME: &str = "Rename";
pub const ADD_STAGE: &str = "Add stage";
pub const ADD_LANE: &str = "Add lane";
pub const FIT_MAP: &str = "Fit map";
pub const ZOOM_IN: &str = "Zoom in";
pub const ZOOM_OUT: &str = "Zoom out";
pub const ZOOM_RESET: &str = "Actual size";

pub const EXPORT_IMAGE: &str = "Export image";
pub const EXPORT_MENU: &str = "Export image…";
pub const COPY_IMAGE: &str = "Copy image";
pub const EXPORT_FORMAT: &str = "Format";
pub const FORMAT_PNG: &str = "PNG";
pub const FORMAT_SVG: &str = "SVG";
pub const EXPORT_SCALE: &str = "Scale";
pub const EXPORT_BACKGROUND: &str = "Background";
pub const BACKGROUND_WHITE: &str = "White";
pub const BACKGROUND_TRANSPARENT: &str = "Transparent";
pub const BACKGROUND_THEME: &str = "Theme";
pub const EXPORT_INCLUDE: &str = "Include";
pub const EXPORT_TITLE: &str = "Map title";
pub const EXPORT_PERSONA: &str = "Persona";
pub const EXPORT_LEGEND: &str = "Legend of feelings";
pub const EXPORT_BUTTON: &str = "Export…";
pub const TOO_LARGE_HINT: &str = "Too large for a PNG: choose a smaller scale, or SVG.";

pub fn scale_label(scale: u32) -> String {
    format!("{scale}×")
}

pub fn png_size(width: u64, height: u64) -> String {
    format!("{width} × {height} pixels")
}

pub fn svg_size(width: u64, height: u64) -> String {
    format!("{width} × {height} points, vector")
}

pub fn image_filter(format: crate::export::ImageFormat) -> &'static str {
    match format {
        crate::export::ImageFormat::Png => "PNG image",
        crate::export::ImageFormat::Svg => "SVG image",
    }
}

pub const EXPORTING: &str = "Exporting…";
pub const EXPORT_CRASHED: &str = "The export stopped unexpectedly; nothing was written.";

pub fn exported_status(path: &str) -> String {
    format!("Exported {path}")
}

pub fn copied_status(width: usize, height: usize) -> String {
    format!("Copied a {width} × {height} image to the clipboard")
}

// Inspector.
pub const MAP: &str = "Map";
pub const TITLE: &str = "Title";
pub const PERSONA: &str = "Persona";
pub const PERSONA_NAME: &str = "Persona name";
pub const PERSONA_DESCRIPTION: &str = "Description";
pub const PERSONA_GOALS: &str = "Goals (one per line)";
pub const PERSONA_NEEDS: &str = "Frustrations and needs (one per line)";
pub const PERSONA_PICTURE: &str = "Picture (a PNG or JPEG in the map's folder)";
pub const PICTURE_HINT: &str = "e.g. lucia.jpg";
pub const CHOOSE_PICTURE: &str = "Choose picture…";
pub const DELETE_PERSONA: &str = "Delete persona";
pub const NO_PERSONA_HINT: &str =
    "This journey is told for nobody yet: pick a persona above, or make a new one.";
pub const NO_PERSONA: &str = "Nobody";
pub const NEW_PERSONA: &str = "New persona";
pub const NEW_PERSONA_NAME: &str = "New persona";
pub const JOURNEY: &str = "Journey";
pub const JOURNEY_NAME: &str = "Journey name";
pub const JOURNEY_KIND: &str = "Kind";
pub const JOURNEY_PERSONA: &str = "Told for";
pub const DELETE_JOURNEY: &str = "Delete journey";
pub const LAST_JOURNEY: &str = "A map keeps at least one journey";
pub const NO_KPIS_HINT: &str = "No KPIs measure this stage yet.";
pub const ADD_KPI: &str = "Add KPI";
pub const NEW_KPI: &str = "New KPI";
pub const KPI_NAME: &str = "KPI name";
pub const KPI_UNIT: &str = "Unit";
pub const KPI_CURRENT: &str = "Today";
pub const KPI_TARGET: &str = "Target";
pub const DELETE_KPI: &str = "Delete KPI";
pub const MOMENT_NONE: &str = "No";
pub const MOMENT_GAIN: &str = "Gain";
pub const MOMENT_PAIN: &str = "Pain";
pub const MOMENT_WHY: &str = "Why it matters";
pub const PICTURE_FILTER: &str = "Pictures";

pub fn stage_feeling_in(journey: &str) -> String {
    format!("Feeling on the curve of “{journey}”")
}

pub fn picture_problem(problem: &str) -> String {
    format!("Not shown: {problem}")
}

pub fn picture_copied(name: &str) -> String {
    format!("Copied the picture into the map's folder as {name}")
}

pub const PICTURE_NEEDS_SAVED_MAP: &str =
    "Save the map first: a persona's picture is kept next to the map file";
pub const GOALS: &str = "Goals";
pub const CARD: &str = "Card";
pub const NOTES: &str = "Notes";
pub const CHANNEL: &str = "Channel";
pub const NO_CHANNEL: &str = "None";
pub const FEELING: &str = "Feeling";
pub const NO_FEELING: &str = "No feeling";
pub const SET_FEELING: &str = "Set feeling";
pub const MOMENT_THAT_MATTERS: &str = "Moment that matters";
pub const NOT_A_MOMENT: &str = "Not a moment that matters";
pub const JOURNEY_BAR: &str = "Journey:";
pub const OVERLAY: &str = "Current + target";
pub const OVERLAY_HINT: &str = "Both emotion curves on one map, with the gap between them";
pub const OVERLAY_NEEDS_TARGET: &str =
    "Needs a current and a target journey: + → Create target from current";
pub const TARGET_FROM_CURRENT: &str = "Create target from current";
pub const NEW_JOURNEY: &str = "New empty journey";
pub const ADD_JOURNEY: &str = "Add a journey";
pub const GAP_PANEL: &str = "Gap analysis";
pub const TARGET_JOURNEY_NAME: &str = "Target journey";
pub const NEW_JOURNEY_NAME: &str = "New journey";

pub fn journey_tab_label(name: &str) -> String {
    format!("Journey: {name}")
}

pub fn gap_row_label(stage: &str) -> String {
    format!("Gap row: {stage}")
}

pub fn gap_heading(current: &str, target: &str) -> String {
    format!("{current} → {target}, largest gap first; click a row to find the stage")
}
pub const LEGEND_FEELINGS: &str = "Feelings:";
pub const LEGEND_CURVES: &str = "Curves:";
pub const GAP_UP: &str = "Gap to close (up)";
pub const GAP_DOWN: &str = "Gap (down)";
pub const NEEDS: &str = "Frustrations and needs";
pub const KPIS: &str = "KPIs";
pub const STAGE: &str = "Stage";
pub const LANE: &str = "Lane";
pub const NAME: &str = "Name";
pub const KIND: &str = "Kind";
pub const STAGE_FEELING: &str = "Feeling on the curve";
pub const STAGE_FEELING_AVERAGE: &str = "Average of cards";
pub const KIND_LOCKED: &str = "Move this lane's cards away to make it a feelings lane.";
pub const INSPECTOR_HINT: &str = "Click a card, stage or lane to edit it. Double-click an empty \
     spot of a cell to add a card; drag cards and headers to move them.";
pub const NEW_STAGE: &str = "New stage";
pub const NEW_LANE: &str = "New lane";
pub const NEW_CARD_HINT: &str = "Type a title, Enter to add";

// Dialogs.
pub const UNSAVED_TITLE: &str = "Unsaved changes";
pub const SAVE_BUTTON: &str = "Save";
pub const DISCARD_BUTTON: &str = "Don't save";
pub const CANCEL_BUTTON: &str = "Cancel";
pub const OK_BUTTON: &str = "OK";
pub const OPEN_BUTTON: &str = "Open";
pub const SAVE_AS_BUTTON: &str = "Save";
pub const ERROR_TITLE: &str = "Something went wrong";
pub const PATH_LABEL: &str = "Path";
pub const NO_NATIVE_DIALOG: &str =
    "No native file dialog is available on this system. Type the file's path instead.";
pub const FILE_FILTER: &str = "Journey maps";

pub const RECOVER_TITLE: &str = "Unsaved work was found";
pub const RECOVER_EXPLAINED: &str =
    "Trayecto closed before these maps were saved. Restore one to go on where you left off.";
pub const NEVER_SAVED: &str = "never saved";
pub const RESTORE_BUTTON: &str = "Restore";
pub const DISCARD_RECOVERY_BUTTON: &str = "Discard";
pub const KEEP_FOR_LATER: &str = "Keep for later";
pub const RECOVER_MENU: &str = "Recover unsaved work…";
pub const NOTHING_TO_RECOVER: &str = "No unsaved work to recover";
pub const CONFLICT_TITLE: &str = "The file changed on disk";
pub const KEEP_MINE: &str = "Keep mine (overwrite)";
pub const TAKE_THEIRS: &str = "Take theirs";
pub const SAVE_COPY: &str = "Save mine as a copy…";

pub fn conflict_question(name: &str) -> String {
    format!(
        "“{name}” was changed by another program since you opened it, and you have unsaved \
         edits. Keep your version, take the one on disk (your edits stay in Undo), or save yours \
         under another name?"
    )
}

/// "12 changes · 29 cards · 3 minutes ago".
pub fn recovery_details(changes: u64, cards: usize, age: std::time::Duration) -> String {
    let changes = if changes == 1 {
        "1 change".to_owned()
    } else {
        format!("{changes} changes")
    };
    format!("{changes} · {} · {}", card_count(cards), ago(age))
}

pub fn ago(age: std::time::Duration) -> String {
    let minutes = age.as_secs() / 60;
    match minutes {
        0 => "just now".to_owned(),
        1 => "1 minute ago".to_owned(),
        2..60 => format!("{minutes} minutes ago"),
        60..120 => "1 hour ago".to_owned(),
        120..2880 => format!("{} hours ago", minutes / 60),
        _ => format!("{} days ago", minutes / 1440),
    }
}

pub fn restored_status(name: &str) -> String {
    format!("Restored “{name}”: it is not saved yet")
}

pub fn reloaded_status(name: &str) -> String {
    format!("{name} changed on disk and was reloaded (Undo goes back)")
}

pub fn vanished_status(name: &str) -> String {
    format!("{name} was deleted or moved on disk; Save writes it again")
}

pub fn unreadable_change_status(name: &str, error: &str) -> String {
    format!("{name} changed on disk but cannot be read ({error}); your map is kept")
}

pub fn autosave_failed(folder: &str, reason: &str) -> String {
    format!("Autosave cannot write to {folder} ({reason}); editing goes on, save often")
}

pub fn damaged_journal(file: &str, reason: &str) -> String {
    format!("A recovery file was skipped: {file} ({reason})")
}

pub fn saved_in_place_status(path: &str, without_backup: bool) -> String {
    if without_backup {
        format!(
            "Saved {path} in place: its folder is read-only, so the old version could not be \
             kept aside while writing"
        )
    } else {
        format!("Saved {path} in place, keeping its links")
    }
}

pub fn unsaved_question(name: &str) -> String {
    format!("Save the changes to “{name}” first? Otherwise they are lost.")
}

pub fn window_title(name: &str, dirty: bool) -> String {
    if dirty {
        format!("● {name} — {APP_NAME}")
    } else {
        format!("{name} — {APP_NAME}")
    }
}

pub fn saved_status(path: &str) -> String {
    format!("Saved {path}")
}

pub fn opened_old_format(path: &str, version: u32) -> String {
    format!(
        "Opened {path}, written in format {version}: saving writes format {} and keeps the \
         original as {path}.bak",
        crate::format::FORMAT_VERSION
    )
}

pub fn saved_upgraded_status(path: &str) -> String {
    format!(
        "Saved {path} in format {}; the original is kept as {path}.bak",
        crate::format::FORMAT_VERSION
    )
}

pub fn opened_status(path: &str) -> String {
    format!("Opened {path}")
}

pub fn undo_status(done: bool) -> &'static str {
    if done { "Undone" } else { "Nothing to undo" }
}

pub fn redo_status(done: bool) -> &'static str {
    if done { "Redone" } else { "Nothing to redo" }
}

pub fn zoom_label(zoom: f32) -> String {
    format!("{:.0} %", zoom * 100.0)
}

pub fn card_count(cards: usize) -> String {
    if cards == 1 {
        "1 card".to_owned()
    } else {
        format!("{cards} cards")
    }
}

pub fn counts(stages: usize, lanes: usize, cards: usize) -> String {
    format!("{stages} stages, {lanes} lanes, {cards} cards")
}

// Command line.
pub const CLI_ABOUT: &str = "Trayecto: build customer journey maps.";
pub const CLI_PATH: &str = "Map file to open (the built-in example when omitted)";
pub const CLI_TEMPLATES: &str = "List the built-in templates";
pub const CLI_NEW: &str = "Write a new map from a template";
pub const CLI_TEMPLATE: &str = "Template name (see `trayecto templates`)";
pub const CLI_OUTPUT: &str = "Where to write the map";
pub const CLI_FORCE: &str = "Overwrite the file if it exists";
pub const CLI_EXPORT: &str = "Export a map as a PNG or SVG image";
pub const CLI_EXPORT_MAP: &str = "The map file to export";
pub const CLI_EXPORT_OUTPUT: &str = "The image to write: .png or .svg";
pub const CLI_EXPORT_SCALE: &str = "Pixels per point for PNG, 1 to 8";
pub const CLI_EXPORT_BACKGROUND: &str = "Background of the image";
pub const CLI_NO_TITLE: &str = "Leave out the map title";
pub const CLI_NO_PERSONA: &str = "Leave out the persona strip";
pub const CLI_NO_LEGEND: &str = "Leave out the legend of feelings";
pub const CLI_VALIDATE: &str = "Check map files and print a summary of each";
pub const CLI_VALIDATE_PATHS: &str = "Map files to check";

pub const CLI_JOURNEY: &str = "Which journey to draw: current, target, or both curves overlaid";
pub const CLI_INFO: &str = "Summarise a map: stages, lanes, personas, journeys, moments, KPIs";
pub const CLI_GAP: &str = "The gap between the current and the target journey, largest first";
pub const CLI_REPORT_MAP: &str = "The map file";
pub const CLI_JSON: &str = "Same as --format json";
pub const CLI_UPGRADE: &str =
    "Rewrite maps in the current format, keeping each original once as NAME.ron.bak";
pub const CLI_UPGRADE_PATHS: &str = "Map files to upgrade";
pub const CLI_VIEW: &str = "What to draw: a journey (see --journey) or the roadmap board";
pub const CLI_ROADMAP: &str =
    "The improvement actions, one row each: stages, owner, stream, priority, horizon, status";

pub fn no_such_journey(choice: crate::view::JourneyChoice) -> &'static str {
    match choice {
        crate::view::JourneyChoice::Current => "the map has no current journey",
        crate::view::JourneyChoice::Target | crate::view::JourneyChoice::Overlay => {
            "the map has no target journey (and a current one) to draw"
        }
    }
}

pub fn cli_already_current(path: &str) -> String {
    format!(
        "{path}: already in format {}",
        crate::format::FORMAT_VERSION
    )
}

pub fn cli_upgraded(path: &str, from: u32, backup: &str) -> String {
    format!(
        "{path}: format {from} → {}; the original is kept as {backup}",
        crate::format::FORMAT_VERSION
    )
}

pub const CLI_RECOVER: &str = "List or bring back maps with unsaved work (autosave journal)";
pub const CLI_RECOVER_LIST: &str = "List the maps with unsaved work";
pub const CLI_RECOVER_MAP: &str = "The map's file (or, for a map never saved, its key from --list)";
pub const CLI_RECOVER_OUTPUT: &str = "Where to write the recovered map";
pub const CLI_FORMAT: &str = "Output format";
pub const CLI_NO_DATA_DIR: &str =
    "no data folder is known on this system; set TRAYECTO_DATA_DIR to the autosave folder";
pub const COL_STAGE: &str = "Stage";
pub const COL_CURRENT: &str = "Current";
pub const COL_TARGET: &str = "Target";
pub const COL_GAP: &str = "Gap";
pub const COL_GAINS: &str = "Gain moments";
pub const COL_PAINS: &str = "Pain moments";
pub const COL_PAIN_POINTS: &str = "Pain points";
pub const COL_KPIS: &str = "KPIs";
pub const COL_WHAT: &str = "What";
pub const COL_VALUE: &str = "Value";
pub const INFO_FORMAT: &str = "Format version";
pub const INFO_STAGES: &str = "Stages";
pub const INFO_LANES: &str = "Lanes";
pub const INFO_PERSONAS: &str = "Personas";
pub const INFO_JOURNEY: &str = "Journey";
pub const NO_TARGET_FOR_GAP: &str = "the map has no target journey to compare with its current \
     journey; create one from the current journey first";
pub const COL_KEY: &str = "Key";
pub const COL_MAP: &str = "Map file";
pub const COL_TITLE: &str = "Title";
pub const COL_TIME: &str = "Autosaved";
pub const COL_CHANGES: &str = "Changes";
pub const COL_CARDS: &str = "Cards";
pub const COL_RUNNING: &str = "Open now";

pub fn cli_nothing_to_recover(map: &str) -> String {
    format!("{map}: no unsaved work is recorded for this map (see `trayecto recover --list`)")
}

pub fn cli_ok(path: &str, stages: usize, lanes: usize, cards: usize) -> String {
    format!("{path}: ok ({stages} stages, {lanes} lanes, {cards} cards)")
}

pub fn cli_unknown_template(name: &str) -> String {
    let names: Vec<_> = crate::templates::list().map(|(n, _)| n).collect();
    format!(
        "no template named “{name}”; the templates are: {}",
        names.join(", ")
    )
}

pub fn cli_exists(path: &str) -> String {
    format!("{path}: already exists; pass --force to overwrite it")
}

pub fn cli_unknown_image_type(path: &str) -> String {
    format!("{path}: unknown image type; the output must end in .png or .svg")
}

pub fn cli_written(path: &str) -> String {
    format!("wrote {path}")
}

/// The title line of a map: its title, and which journey is shown when it has several.
pub fn map_caption(map: &crate::model::Map, view: &crate::view::View) -> String {
    let name = |id| {
        map.journey(id)
            .map_or("", |j: &crate::model::Journey| j.name.as_str())
    };
    match view.compare {
        Some(other) => format!("{} · {} vs {}", map.title, name(view.journey), name(other)),
        None if map.journeys.len() > 1 => format!("{} · {}", map.title, name(view.journey)),
        None => map.title.clone(),
    }
}

/// A score or gap with its sign: "+2", "−1.5", "0".
pub fn signed(value: f32) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let digits = crate::report::number(f64::from(rounded.abs()));
    if rounded > 0.0 {
        format!("+{digits}")
    } else if rounded < 0.0 {
        format!("−{digits}")
    } else {
        "0".to_owned()
    }
}

/// A KPI on one line: "Delivery: 55 → 30 min".
pub fn kpi_line(kpi: &crate::model::Kpi) -> String {
    let value = |v: Option<f64>| match v {
        Some(v) if v < 0.0 => format!("−{}", crate::report::number(-v)),
        Some(v) => crate::report::number(v),
        None => "?".to_owned(),
    };
    let unit = if kpi.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", kpi.unit)
    };
    format!(
        "{}: {} → {}{unit}",
        kpi.name,
        value(kpi.current),
        value(kpi.target)
    )
}

pub fn moment_kind(kind: crate::model::MomentKind) -> &'static str {
    match kind {
        crate::model::MomentKind::Gain => "Moment of gain",
        crate::model::MomentKind::Pain => "Moment of pain",
    }
}

pub fn priority(priority: crate::model::Priority) -> &'static str {
    use crate::model::Priority;
    match priority {
        Priority::QuickWin => "Quick win",
        Priority::MajorProject => "Major project",
        Priority::FillIn => "Fill-in",
        Priority::Thankless => "Thankless task",
    }
}

pub fn priority_explained(priority: crate::model::Priority) -> String {
    use crate::model::Priority;
    let why = match priority {
        Priority::QuickWin => "high impact, low effort",
        Priority::MajorProject => "high impact, more effort",
        Priority::FillIn => "little impact, little effort",
        Priority::Thankless => "little impact, much effort",
    };
    format!("{} ({why})", self::priority(priority))
}

pub fn roadmap_caption(title: &str) -> String {
    format!("{title} · Roadmap")
}

pub const NO_STREAM: &str = "No stream yet";
pub const NOBODY: &str = "Nobody yet";
pub const NO_ACTIONS_HINT: &str = "No actions yet. Turn an opportunity card into an action \
     (right-click it on the journey), or add one with the inspector's button.";
pub const SORT_HINT: &str = "Click to sort by this column; again to reverse";
pub const COL_PRIORITY: &str = "Priority";
pub const COL_ACTION: &str = "Action";
pub const COL_STAGES: &str = "Stages";
pub const COL_OWNER: &str = "Owner";
pub const COL_STREAM: &str = "Stream";
pub const COL_IMPACT: &str = "Impact";
pub const COL_EFFORT: &str = "Effort";
pub const COL_HORIZON: &str = "Horizon";
pub const COL_STATUS: &str = "Status";
pub const COL_KPI: &str = "KPI";
pub const ROADMAP: &str = "Roadmap";
pub const ACTIONS: &str = "Actions";
pub const ACTION: &str = "Action";
pub const TURN_INTO_ACTION: &str = "Turn into action";
pub const OPEN_ACTION: &str = "Open its action";
pub const SHOW_ON_JOURNEY: &str = "Show on the journey";
pub const DELETE_ACTION: &str = "Delete action";
pub const NEW_ACTION: &str = "New action";
pub const NEW_ACTION_TITLE: &str = "New action";
pub const ACTION_TITLE: &str = "Action title";
pub const DESCRIPTION: &str = "Description";
pub const ADDRESSES: &str = "Addresses";
pub const ADDRESSES_HINT: &str = "Pain points and moments of pain in its stages";
pub const NO_KPI: &str = "No KPI";
pub const DEPARTMENTS: &str = "Departments";
pub const STREAMS: &str = "Roadmap streams";
pub const ADD_DEPARTMENT: &str = "Add department";
pub const NEW_DEPARTMENT: &str = "New department";
pub const ADD_STREAM: &str = "Add stream";
pub const NEW_STREAM: &str = "New stream";
pub const REMOVE: &str = "Remove";

pub fn card_is_action(title: &str) -> String {
    format!("This card shows the action “{title}”.")
}

/// Accessible name of a table cell: "Owner of: Reply to posts…".
pub fn cell_label(column: &str, action: &str) -> String {
    format!("{column} of: {action}")
}

pub fn action_label(title: &str) -> String {
    format!("Action: {title}")
}
pub const LEGEND_PRIORITIES: &str = "Priority:";

pub fn level(level: crate::model::Level) -> &'static str {
    use crate::model::Level;
    match level {
        Level::Low => "Low",
        Level::Medium => "Medium",
        Level::High => "High",
    }
}

pub fn horizon(horizon: crate::model::Horizon) -> &'static str {
    use crate::model::Horizon;
    match horizon {
        Horizon::Now => "Now",
        Horizon::Next => "Next",
        Horizon::Later => "Later",
    }
}

pub fn status(status: crate::model::Status) -> &'static str {
    use crate::model::Status;
    match status {
        Status::Idea => "Idea",
        Status::Planned => "Planned",
        Status::InProgress => "In progress",
        Status::Done => "Done",
    }
}

pub fn journey_kind(kind: crate::model::JourneyKind) -> &'static str {
    match kind {
        crate::model::JourneyKind::Current => "Current",
        crate::model::JourneyKind::Target => "Target",
        crate::model::JourneyKind::Other => "Other",
    }
}

// Names of model values.
pub fn feeling(feeling: Feeling) -> &'static str {
    match feeling {
        Feeling::Angry => "Angry",
        Feeling::Sad => "Unhappy",
        Feeling::Neutral => "Neutral",
        Feeling::Happy => "Happy",
        Feeling::Delighted => "Delighted",
    }
}

pub fn channel(channel: Channel) -> &'static str {
    match channel {
        Channel::Phone => "Phone",
        Channel::Web => "Web",
        Channel::App => "App",
        Channel::Email => "Email",
        Channel::Chat => "Chat",
        Channel::SocialMedia => "Social media",
        Channel::InPerson => "In person",
        Channel::Other => "Other",
    }
}

pub fn lane_kind(kind: LaneKind) -> &'static str {
    match kind {
        LaneKind::Actions => "Actions",
        LaneKind::Touchpoints => "Touchpoints",
        LaneKind::Channels => "Channels",
        LaneKind::Thoughts => "Thoughts",
        LaneKind::Feelings => "Feelings (emotion curve)",
        LaneKind::PainPoints => "Pain points",
        LaneKind::Opportunities => "Opportunities",
        LaneKind::Backstage => "Backstage",
        LaneKind::Notes => "Notes",
    }
}

/// Accessible label of a painted card, for screen readers and UI tests.
pub fn card_label(title: &str) -> String {
    format!("Card: {title}")
}

pub fn stage_label(name: &str) -> String {
    format!("Stage: {name}")
}

pub fn lane_label(name: &str) -> String {
    format!("Lane: {name}")
}

pub fn curve_point_label(stage: &str) -> String {
    format!("Feeling of stage: {stage}")
}

pub fn face_label(feeling: Option<Feeling>) -> &'static str {
    feeling.map_or(NO_FEELING, self::feeling)
}
