# Trayecto's words in English. One message per line; `{ $name }` is filled in by the program.
# Every message here must exist in es.ftl too (a test checks it).

untitled = Untitled
menu-file = File
menu-edit = Edit
menu-view = View
language = Language
menu-insert = Insert
new-blank = New
new-from-template = New from template
open = Open…
open-recent = Open recent
no-recent = No recent maps
clear-recent = Clear list
save = Save
save-as = Save as…
quit = Quit
undo = Undo
redo = Redo
delete = Delete
duplicate = Duplicate
rename = Rename
add-stage = Add stage
add-lane = Add lane
fit-map = Fit map
zoom-in = Zoom in
zoom-out = Zoom out
zoom-reset = Actual size
export-image = Export image or PDF
export-menu = Export image or PDF…
copy-image = Copy image
export-format = Format
format-png = PNG
format-svg = SVG
export-scale = Scale
export-background = Background
background-white = White
background-transparent = Transparent
background-theme = Theme
export-include = Include
export-title = Map title
export-persona = Persona
export-legend = Legend of feelings
export-button = Export…
too-large-hint = Too large for a PNG: choose a smaller scale, or SVG.
exporting = Exporting…
export-crashed = The export stopped unexpectedly; nothing was written.
map = Map
title = Title
persona = Persona
persona-name = Persona name
persona-description = Description
persona-goals = Goals (one per line)
persona-needs = Frustrations and needs (one per line)
persona-picture = Picture (a PNG or JPEG in the map's folder)
picture-hint = e.g. lucia.jpg
choose-picture = Choose picture…
delete-persona = Delete persona
no-persona-hint = This journey is told for nobody yet: pick a persona above, or make a new one.
no-persona = Nobody
new-persona = New persona
new-persona-name = New persona
journey = Journey
journey-name = Journey name
journey-kind = Kind
journey-persona = Told for
delete-journey = Delete journey
last-journey = A map keeps at least one journey
no-kpis-hint = No KPIs measure this stage yet.
add-kpi = Add KPI
new-kpi = New KPI
kpi-name = KPI name
kpi-unit = Unit
kpi-current = Today
kpi-target = Target
delete-kpi = Delete KPI
moment-none = No
moment-gain = Gain
moment-pain = Pain
moment-why = Why it matters
picture-filter = Pictures
picture-needs-saved-map = Save the map first: a persona's picture is kept next to the map file
goals = Goals
card = Card
notes = Notes
channel = Channel
no-channel = None
feeling = Feeling
no-feeling = No feeling
set-feeling = Set feeling
moment-that-matters = Moment that matters
not-a-moment = Not a moment that matters
journey-bar = Journey:
overlay = Current + target
overlay-hint = Both emotion curves on one map, with the gap between them
overlay-needs-target = Needs a current and a target journey: + → Create target from current
target-from-current = Create target from current
target-exists = The map has a target journey already: it is in the tabs above the map
new-journey = New empty journey
add-journey = Add a journey
gap-panel = Gap analysis
target-journey-name = Target journey
new-journey-name = New journey
legend-feelings = Feelings:
legend-curves = Curves:
legend-extremes = Highest and lowest points
gap-up = Gap to close (up)
gap-down = Gap (down)
needs = Frustrations and needs
kpis = KPIs
stage = Stage
lane = Lane
name = Name
kind = Kind
stage-feeling = Feeling on the curve
stage-feeling-average = Follow the cards
kind-locked = Move this lane's cards away to make it a feelings lane.
inspector-hint = Click a card, stage or lane to edit it. Double-click an empty spot of a cell to add a card; drag cards and headers to move them.
new-stage = New stage
new-lane = New lane
new-card-hint = Type a title, Enter to add
unsaved-title = Unsaved changes
save-button = Save
discard-button = Don't save
cancel-button = Cancel
ok-button = OK
open-button = Open
save-as-button = Save
error-title = Something went wrong
path-label = Path
no-native-dialog = No native file dialog is available on this system. Type the file's path instead.
file-filter = Journey maps
recover-title = Unsaved work was found
recover-explained = Trayecto closed before these maps were saved. Restore one to go on where you left off.
never-saved = never saved
restore-button = Restore
discard-recovery-button = Discard
keep-for-later = Keep for later
recover-menu = Recover unsaved work…
nothing-to-recover = No unsaved work to recover
conflict-title = The file changed on disk
keep-mine = Keep mine (overwrite)
take-theirs = Take theirs
save-copy = Save mine as a copy…
cli-about = Trayecto: build customer journey maps.
cli-path = Map file to open (the built-in example when omitted)
cli-templates = List the built-in templates
cli-new = Write a new map from a template
cli-template = Template name (see `trayecto templates`)
cli-output = Where to write the map
cli-force = Overwrite the file if it exists
cli-export = Export a map as a PNG or SVG image or a PDF document
cli-export-map = The map file to export
cli-export-output = The file to write: .png, .svg or .pdf
cli-export-scale = Pixels per point for PNG, 1 to 8
cli-export-background = Background of the image
cli-no-title = Leave out the map title
cli-no-persona = Leave out the persona strip
cli-no-legend = Leave out the legend of feelings
cli-validate = Check map files and print a summary of each
cli-validate-paths = Map files to check
cli-journey = Which journey to draw: current, target, or both curves overlaid
cli-info = Summarise a map: stages, lanes, personas, journeys, moments, KPIs
cli-gap = The gap between the current and the target journey, largest first
cli-report-map = The map file
cli-json = Same as --format json
cli-upgrade = Rewrite maps in the current format, keeping each original once as NAME.ron.bak
cli-upgrade-paths = Map files to upgrade
cli-view = What to draw: a journey (see --journey), the roadmap board, the gap analysis or the action table
cli-roadmap = The improvement actions, one row each: stages, owner, stream, priority, horizon, status
cli-recover = List or bring back maps with unsaved work (autosave journal)
cli-recover-list = List the maps with unsaved work
cli-recover-map = The map's file (or, for a map never saved, its key from --list)
cli-recover-output = Where to write the recovered map
cli-format = Output format
cli-no-data-dir = no data folder is known on this system; set TRAYECTO_DATA_DIR to the autosave folder
col-stage = Stage
col-current = Current
col-target = Target
col-gap = Gap
col-gains = Gain moments
col-pains = Pain moments
col-pain-points = Pain points
col-kpis = KPIs
col-what = What
col-value = Value
info-format = Format version
info-stages = Stages
info-lanes = Lanes
info-personas = Personas
info-journey = Journey
no-target-for-gap = the map has no target journey to compare with its current journey; create one from the current journey first
col-key = Key
col-map = Map file
col-title = Title
col-time = Autosaved
col-changes = Changes
col-cards = Cards
col-running = Open now
no-stream = No stream yet
nobody = Nobody yet
no-actions-hint = No actions yet. Turn an opportunity card into an action (right-click it on the journey), or add one with the inspector's button.
sort-hint = Click to sort by this column; again to reverse
col-priority = Priority
col-action = Action
col-stages = Stages
col-owner = Owner
col-stream = Stream
col-impact = Impact
col-effort = Effort
col-horizon = Horizon
col-status = Status
col-kpi = KPI
roadmap = Roadmap
actions = Actions
action = Action
turn-into-action = Turn into action
action-for-pain = New action to address it
open-action = Open its action
show-on-journey = Show on the journey
delete-action = Delete action
new-action = New action
new-action-title = New action
action-title = Action title
description = Description
addresses = Addresses
addresses-hint = Pain points and moments of pain in its stages
no-kpi = No KPI
departments = Departments
streams = Roadmap streams
add-department = Add department
new-department = New department
add-stream = Add stream
new-stream = New stream
remove = Remove
legend-priorities = Priority:

# Messages with arguments, and names of values.
scale-label = { $scale }×
png-size = { $width } × { $height } pixels
svg-size = { $width } × { $height } points, vector
png-image = PNG image
svg-image = SVG image
exported-status = Exported { $path }
copied-status = Copied a { $width } × { $height } image to the clipboard
stage-feeling-in = Feeling on the curve of “{ $journey }”
picture-problem = Not shown: { $problem }
picture-copied = Copied the picture into the map's folder as { $name }
gap-heading = { $current } → { $target }, largest gap first; click a row to find the stage
conflict-question = “{ $name }” was changed by another program since you opened it, and you have unsaved edits. Keep your version, take the one on disk (your edits stay in Undo), or save yours under another name?
recovery-details = { $changes ->
        [one] 1 change
       *[other] { $changes } changes
    } · { $cards ->
        [one] 1 card
       *[other] { $cards } cards
    } · { $ago }
just-now = just now
minutes-ago = { $count ->
        [one] 1 minute ago
       *[other] { $count } minutes ago
    }
hours-ago = { $count ->
        [one] 1 hour ago
       *[other] { $count } hours ago
    }
days-ago = { $count ->
        [one] 1 day ago
       *[other] { $count } days ago
    }
restored-status = Restored “{ $name }”: it is not saved yet
reloaded-status = { $name } changed on disk and was reloaded (Undo goes back)
vanished-status = { $name } was deleted or moved on disk; Save writes it again
unreadable-change-status = { $name } changed on disk but cannot be read ({ $error }); your map is kept
autosave-failed = Autosave cannot write to { $folder } ({ $reason }); editing goes on, save often
damaged-journal = A recovery file was skipped: { $file } ({ $reason })
saved-in-place = Saved { $path } in place, keeping its links
saved-in-place-no-backup = Saved { $path } in place: its folder is read-only, so the old version could not be kept aside while writing
unsaved-question = Save the changes to “{ $name }” first? Otherwise they are lost.
saved-status = Saved { $path }
opened-old-format = Opened { $path }, written in format { $version }: saving writes format { $current } and keeps the original as { $path }.bak
saved-upgraded-status = Saved { $path } in format { $current }; the original is kept as { $path }.bak
opening-status = Opening { $path }…
opened-status = Opened { $path }
undone = Undone
nothing-to-undo = Nothing to undo
redone = Redone
nothing-to-redo = Nothing to redo
card-count = { $count ->
        [one] 1 card
       *[other] { $count } cards
    }
counts = { $stages ->
        [one] 1 stage
       *[other] { $stages } stages
    }, { $lanes ->
        [one] 1 lane
       *[other] { $lanes } lanes
    }, { $cards ->
        [one] 1 card
       *[other] { $cards } cards
    }
no-current-journey = the map has no current journey
no-target-journey = the map has no target journey (and a current one) to draw
cli-already-current = { $path }: already in format { $current }
cli-upgraded = { $path }: format { $from } → { $current }; the original is kept as { $backup }
cli-upgraded-earlier = { $path }: format { $from } → { $current }; { $backup } already held an earlier original and is kept as it was
cli-nothing-to-recover = { $path }: no unsaved work is recorded for this map (see `trayecto recover --list`)
cli-ok = { $path }: ok ({ $stages ->
        [one] 1 stage
       *[other] { $stages } stages
    }, { $lanes ->
        [one] 1 lane
       *[other] { $lanes } lanes
    }, { $cards ->
        [one] 1 card
       *[other] { $cards } cards
    })
cli-unknown-template = no template named “{ $name }”; the templates are: { $names }
cli-exists = { $path }: already exists; pass --force to overwrite it
cli-no-actions = The map has no actions yet.
cli-not-a-command = “{ $name }” is neither a command nor a map file; the commands are: { $commands }
cli-no-display = the editor needs a graphical session, and none was found (neither DISPLAY nor WAYLAND_DISPLAY is set); the commands work without one: trayecto --help
cli-no-window = could not open the editor’s window: { $reason }
cli-unknown-image-type = { $path }: unknown image type; the output must end in { $extensions }
list-or = { $first } or { $last }
cli-written = wrote { $path }
caption-overlay = { $title } · { $shown } vs { $compared }
moment-of-gain = Moment of gain
moment-of-pain = Moment of pain
priority-quick-win = Quick win
priority-major-project = Major project
priority-fill-in = Fill-in
priority-thankless = Thankless task
priority-quick-win-explained = Quick win (medium or high impact, low effort)
priority-major-project-explained = Major project (high impact, medium or high effort)
priority-fill-in-explained = Fill-in (impact and effort both low or both medium)
priority-thankless-explained = Thankless task (more effort than impact)
roadmap-caption = { $title } · Roadmap
card-is-action = This card shows the action “{ $title }”.
level-low = Low
level-medium = Medium
level-high = High
horizon-now = Now
horizon-next = Next
horizon-later = Later
status-idea = Idea
status-planned = Planned
status-in-progress = In progress
status-done = Done
journey-kind-current = Current
journey-kind-target = Target
journey-kind-other = Other
feeling-angry = Angry
feeling-sad = Unhappy
feeling-neutral = Neutral
feeling-happy = Happy
feeling-delighted = Delighted
channel-phone = Phone
channel-web = Web
channel-app = App
channel-email = Email
channel-chat = Chat
channel-social-media = Social media
channel-in-person = In person
channel-other = Other
lane-kind-actions = Actions
lane-kind-touchpoints = Touchpoints
lane-kind-channels = Channels
lane-kind-thoughts = Thoughts
lane-kind-feelings = Feelings (emotion curve)
lane-kind-pain-points = Pain points
lane-kind-opportunities = Opportunities
lane-kind-backstage = Backstage
lane-kind-notes = Notes
label-card = Card:
label-stage = Stage:
label-lane = Lane:
label-curve-point = Feeling of stage:
label-action = Action:
label-journey = Journey:
label-gap-row = Gap row:
label-cell = { $column } of: { $action }
label-item = { $list }: { $name }

# What a map may not be.
item-stage = stage
item-lane = lane
item-card = card
item-persona = persona
item-journey = journey
item-kpi = KPI
item-action = action
item-department = department
item-stream = stream
items-stage = stages
items-lane = lanes
items-card = cards
items-persona = personas
items-journey = journeys
items-kpi = KPIs
items-action = actions
items-department = departments
items-stream = streams
counted-stages = stages
counted-lanes = lanes
counted-cards = cards
counted-personas = personas
counted-journeys = journeys
counted-kpis = KPIs
counted-goals = goals of a persona
counted-needs = frustrations and needs of a persona
counted-actions = actions
counted-departments = departments
counted-streams = streams
counted-links = links of one action
text-map-title = the map's title
text-persona-name = the name of persona { $id }
text-persona-description = the description of persona { $id }
text-persona-picture = the picture path of persona { $id }
text-persona-goal = goal { $n } of persona { $id }
text-persona-need = need { $n } of persona { $id }
text-stage-name = the name of stage { $id }
text-lane-name = the name of lane { $id }
text-journey-name = the name of journey { $id }
text-card-title = the title of card { $id }
text-card-notes = the notes of card { $id }
text-moment-why = the “why” of card { $id }'s moment
text-kpi-name = the name of KPI { $id }
text-kpi-unit = the unit of KPI { $id }
text-department-name = the name of department { $id }
text-stream-name = the name of stream { $id }
text-action-title = the title of action { $id }
text-action-description = the description of action { $id }
invalid-duplicate = two { $items } have the id { $id }
invalid-unknown = { $from } { $from-id } refers to { $to } { $to-id }, which does not exist
invalid-card-in-feelings-lane = card { $card } is in lane { $lane }, a feelings lane, which holds no cards
invalid-no-journey = the map has no journey
invalid-target-without-current = journey { $target } is a target journey, but the map has no current journey to compare it with
invalid-too-many = too many { $what }: { $count } (a map holds at most { $limit })
invalid-text-too-long = { $what }: { $chars } characters, at most { $limit }

# Reading a map file.
parse-empty = the file is empty; a map file starts with `(format: N, map: (…))`
parse-not-a-map = not a Trayecto map; a map file starts with `(format: N, map: (…))`
parse-no-version = not a Trayecto map: it has no `format:` version
parse-unknown-version = `format: { $found }` is not a version of the map format (this Trayecto reads versions 1 to { $current })
parse-newer-version = made by a newer Trayecto (format { $found }; this version reads up to { $current }); update Trayecto to open it
parse-invalid = invalid map: { $error }
part-file = the file
part-map = the map
part-persona = the persona
part-stage = a stage
part-lane = a lane
part-card = a card
part-journey = a journey
part-moment = a moment
part-kpi = a KPI
part-action = an action
part-department = a department
part-stream = a stream
part-unknown = this group
problem-unknown-field = unknown field `{ $field }` in { $within }: this version of Trayecto does not know it (it knows { $known })
problem-missing-field = { $within } lacks its `{ $field }`
problem-duplicate-field = `{ $field }` appears twice in { $within }
problem-unknown-value = `{ $found }` is not one of: { $known }
problem-too-deep = the text is nested too deeply to be a map
problem-ends-early = the file ends in the middle of the map (a bracket or a quote is not closed)
problem-expected = expected { $what } here
problem-unexpected = unexpected `{ $char }`
problem-number-out-of-range = this number is out of range
problem-trailing-text = unexpected text after the end of the map
problem-bad-escape = a backslash escape in this text is not valid
expected-list = a list in [ ]
expected-list-end = `]` to end the list, or a comma
expected-boolean = true or false
expected-comma = a comma
expected-integer = a whole number
expected-number = a number
expected-option = None or Some(…)
expected-table = a {"{"} key: value {"}"} table
expected-group = a group in ( )
expected-group-end = `)` to end the group, or a comma
expected-text = text in double quotes
expected-name = a name
expected-unit = ()

# Files, edits, exports, pictures, journals.
file-not-a-file = not a regular file
file-too-large = the file is { $size } MiB, larger than a map can be ({ $limit } MiB)
file-too-large-to-save = not saved: the map would take { $size } MiB, more than a map file may hold ({ $limit } MiB); shorten notes or split the map
file-not-text = not a text file (it is not UTF-8)
io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-storage-full = the disk is full
io-quota-exceeded = the disk quota is used up
io-read-only = the disk is read-only
io-is-a-folder = it is a folder, not a file
io-not-a-folder = a part of the path is not a folder
io-file-too-large = the file is too large for this disk
io-invalid-name = the file name is not valid here
io-link-loop = the path goes round in a loop of links
io-interrupted = interrupted
edit-no-such = there is no { $item } { $id }
edit-id-in-use = the id { $id } is already in use
edit-out-of-range = position { $position } is out of range
edit-lane-holds-no-cards = a feelings lane holds no cards
edit-mismatch = that card does not belong there
edit-last-journey = a map keeps at least one journey
edit-target-needs-current = a target journey needs a current journey to compare with; keep one current journey while there is a target
edit-limit = not done: { $why }
export-too-large = the image would be { $width } × { $height } pixels, more than the { $millions } million allowed; export at a smaller scale or as SVG
export-svg-too-large = the drawing would be { $width } × { $height } points, more than the { $millions } million an SVG may hold; export a smaller part of the map
export-bad-scale = scale { $scale } is out of range (1 to { $most })
picture-map-not-saved = save the map first: the picture's path is relative to its folder
picture-outside-folder = it is not inside the map's folder
picture-not-an-image = it is not a PNG or JPEG file
picture-missing = the file is not there
picture-unreadable = it cannot be read ({ $why })
picture-not-a-file = it is not a file
picture-too-large = it is { $size } MB, and a picture may have at most { $limit } MB
picture-too-many-pixels = it is { $width } × { $height } pixels, and a picture may be at most { $limit } pixels wide and tall
picture-not-decodable = it is not a PNG or JPEG picture, or it is damaged
picture-warning = the picture of { $persona } ({ $picture }) is not shown: { $problem }
journal-not-text = its first line is not text
journal-not-ours = not a recovery file of this version of Trayecto
journal-unknown-version = journal version { $version } is unknown

# The command line's own words (clap's headings, flags and usage errors).
cli-possible-heading = Possible values
cli-default = default: { $value }
cli-usage-heading = Usage:
cli-commands-heading = Commands
cli-arguments-heading = Arguments
cli-options-heading = Options
cli-help-flag = Print help
cli-version-flag = Print version
cli-help-command = Print this help, or the help of a command
cli-help-command-arg = The command to explain
cli-lang = Language of messages and built-in templates (default: from LC_ALL, LC_MESSAGES or LANG)
cli-error = error
cli-error-more = For more information, try “--help”.
cli-value-command = COMMAND
cli-value-options = [OPTIONS]
cli-value-path = PATH
cli-value-map = MAP
cli-value-paths = MAPS
cli-value-output = OUTPUT
cli-value-template = TEMPLATE
cli-value-scale = SCALE
cli-value-background = BACKGROUND
cli-value-journey = JOURNEY
cli-value-view = VIEW
cli-value-format = FORMAT
cli-value-lang = LANGUAGE
cli-format-table = aligned columns for a terminal
cli-format-csv = comma-separated values with a header row, for spreadsheets
cli-format-json = objects with stable English keys, for scripts
cli-format-md = a Markdown table, for reports
cli-journey-current = the current journey
cli-journey-target = the target journey
cli-journey-overlay = the current journey with the target’s curve over it
cli-view-journey = a journey (see --journey)
cli-view-roadmap = the roadmap board of actions
cli-background-white = a white background
cli-background-transparent = transparent, for slides with their own background
cli-background-theme = the editor’s background colour
cli-error-missing-value = { $arg } needs a value
cli-error-invalid-value = “{ $value }” is not a valid value for { $arg }
cli-error-unknown-argument = unexpected argument “{ $arg }”
cli-error-unknown-command = unknown command “{ $command }”
cli-error-missing = missing { $args }
cli-error-conflict = { $arg } cannot be used with { $other }
cli-error-unexpected-value = unexpected value “{ $value }”
cli-error-other = the command line is not right: { $detail }
cli-error-possible = possible values: { $values }
cli-error-did-you-mean = did you mean “{ $suggestion }”?
cli-scale-range = the scale is a whole number from 1 to { $max }

# Phases and decision forks.
item-phase = phase
items-phase = phases
item-fork = decision
items-fork = decisions
counted-phases = phases
counted-forks = decisions
counted-branches = branches of one decision
text-phase-name = the name of phase { $id }
text-fork-question = the question of decision { $id }
text-branch-label = the label of branch { $n } of decision { $id }
invalid-phase-not-consecutive = the stages of phase { $phase } are not next to each other
invalid-phase-without-stages = phase { $phase } has no stages
invalid-stage-twice-in-phase = phase { $phase } lists stage { $stage } twice
invalid-kpi-not-a-number = the values of KPI { $kpi } must be numbers
invalid-stage-in-two-phases = stage { $stage } is in phase { $phase } and in phase { $other }
invalid-too-few-branches = decision { $fork } needs at least two branches
invalid-branch-to-its-own-stage = branch { $branch } of decision { $fork } leads back to its own stage
decisions = Decisions
leaves-journey = leaves the journey

# Phases and decisions in the editor.
phase = Phase
phase-from = From stage
phase-to = To stage
decision = Decision
question = Question
decided-at = At stage
branches = Branches
branch-label = Label
leads-to = Leads to
remove-branch = Remove branch
add-branch = Add branch
new-decision = Which way does the customer go?
add-phase = Add phase
add-fork = Add decision
delete-decision = Delete decision
delete-phase = Delete phase
add-phase-here = Phase from this stage
add-fork-here = Decision at this stage
new-phase = Phase { $n }
new-branch = Option { $n }
stage-count = { $count ->
        [one] 1 stage
       *[other] { $count } stages
    }
label-phase = Phase:
label-fork = Decision:

# Keys, as shortcuts name them.
key-ctrl = Ctrl
key-alt = Alt
key-shift = Shift
key-delete = Delete
key-backspace = Backspace
key-enter = Enter
key-escape = Esc

# Undo steps, named.
step-title = rename the map to “{ $name }”
step-add-persona = add persona “{ $name }”
step-delete-persona = delete persona “{ $name }”
step-edit-persona = edit persona “{ $name }”
step-add-journey = add journey “{ $name }”
step-delete-journey = delete journey “{ $name }”
step-edit-journey = edit journey “{ $name }”
step-add-stage = add stage “{ $name }”
step-delete-stage = delete stage “{ $name }”
step-move-stage = move stage “{ $name }”
step-rename-stage = rename stage “{ $name }”
step-stage-feeling = set the feeling of stage “{ $name }”
step-add-lane = add lane “{ $name }”
step-delete-lane = delete lane “{ $name }”
step-move-lane = move lane “{ $name }”
step-rename-lane = rename lane “{ $name }”
step-lane-kind = change the kind of lane “{ $name }”
step-add-card = add card “{ $name }”
step-delete-card = delete card “{ $name }”
step-move-card = move card “{ $name }”
step-edit-card = edit card “{ $name }”
step-add-kpi = add KPI “{ $name }”
step-delete-kpi = delete KPI “{ $name }”
step-edit-kpi = edit KPI “{ $name }”
step-add-action = add action “{ $name }”
step-delete-action = delete action “{ $name }”
step-edit-action = edit action “{ $name }”
step-add-department = add department “{ $name }”
step-delete-department = delete department “{ $name }”
step-rename-department = rename department “{ $name }”
step-add-stream = add stream “{ $name }”
step-delete-stream = delete stream “{ $name }”
step-rename-stream = rename stream “{ $name }”
step-phases = change the phases
step-decisions = change the decisions
no-phase-room = Every stage is in a phase already: shrink a phase in the inspector (select it) to make room
step-add-phase = add phase “{ $name }”
step-delete-phase = delete phase “{ $name }”
step-rename-phase = rename phase “{ $name }”
step-regroup-phase = regroup phase “{ $name }”
step-add-decision = add decision “{ $name }”
step-delete-decision = delete decision “{ $name }”
step-edit-decision = edit decision “{ $name }”
step-several = several changes
step-reload = take in the file from disk
undone-step = Undone: { $step }
redone-step = Redone: { $step }
undo-step = Undo { $step }
redo-step = Redo { $step }
deleted-stage = Deleted stage “{ $name }”{ $count ->
        [0] {""}
        [one] {" "}and its card
       *[other] {" "}and its { $count } cards
    }
deleted-lane = Deleted lane “{ $name }”{ $count ->
        [0] {""}
        [one] {" "}and its card
       *[other] {" "}and its { $count } cards
    }
deleted-card = Deleted card “{ $name }”
deleted-phase = Deleted phase “{ $name }”
deleted-decision = Deleted decision “{ $name }”
deleted-action = Deleted action “{ $name }”

# Notes on cards.
export-notes = Card notes
cli-notes = Show each card's notes under its title

# Workshop ergonomics.
inspector-panel = Inspector
present = Presentation mode
text-size = Text size
text-compact = Compact
text-normal = Normal
text-large = Large
presenting-hint =
    Esc or F5: leave
    Page Up / Down: stages
    Home: back to the start
close = Close

# More words of the file reader, and answers.
part-phase = a phase
part-fork = a decision
part-branch = a branch of a decision
problem-wrong-type = expected { $expected }, found { $found }
problem-wrong-length = expected { $expected }, found { $found ->
        [one] 1 item
       *[other] { $found } items
    }
answer-yes = yes
answer-no = no

# Names a new or migrated map starts with (then the user's own).
current-journey-name = Current journey
department-marketing = Marketing
department-sales = Sales
department-customer-service = Customer service
department-logistics = Logistics
department-accounting = Accounting
department-technology = Technology
department-people = People and training
department-administration = Administration
stream-systems = Systems and data
stream-change = Change management and training
stream-organisation = Organisation and processes
stream-customer = Customer centricity

## Other tools' formats: names, and the import report
mermaid-file = Mermaid journey
ojf-file = OpenJourney file
csv-file = Spreadsheet (CSV)
note-at-line = line { $line }: { $message }
import-stage-name = Stage
import-feelings-lane-with-cards = the lane “{ $lane }” holds cards, so it became a lane of thoughts (in Trayecto the feelings lane draws the emotion curve)
import-text-cut = a text of { $chars } characters (“{ $start }…”) was cut to { $limit }

## PDF export
format-pdf = PDF
pdf-document = PDF document
pdf-page = Page
pdf-page-fit = One page, map size
pdf-page-a4 = A4 landscape
pdf-page-a3 = A3 landscape
import-encoding = the sheet is not UTF-8 text; it was read as { $encoding }: check its accents (to be sure, save it as “CSV UTF-8”)

## OpenJourney
ojf-empty = the file is empty; an OpenJourney file is a JSON object with “stages” and “swimlanes”
ojf-json-syntax = the file's JSON breaks here: look for a missing comma, quote or bracket at this point or just before it
ojf-json-ends-early = the file ends in the middle of its JSON: a quote, bracket or brace is never closed
ojf-not-a-journey = this is JSON, but not an OpenJourney journey: it has no list of “stages” or “swimlanes”
ojf-persona-name = Customer
ojf-lane-journey = Steps
ojf-lane-evidence = Physical evidence
ojf-lane-frontstage = Frontstage (employee)
ojf-lane-backstage = Backstage
ojf-lane-support = Support processes
ojf-lane-unplaced = Not placed in the file
ojf-persona-unnamed = the file gives a point of view but no persona: it became the goal of a persona named “{ $name }”
ojf-no-swimlanes = the file has no swimlanes: its nodes were put in one lane, “{ $lane }”
ojf-scores-0-to-10 = the scores run from 0 to 10 (up to { $score }), as in older Ptolemy files: 5 was taken off each before turning it into a feeling, as Ptolemy's own update did
ojf-unplaced = { $count ->
        [one] a node names
       *[other] { $count } nodes name
    } a stage or swimlane the file does not have (e.g. “{ $node }”): kept in the lane “{ ojf-lane-unplaced }”, in their stage or else the first
ojf-duplicate-ids = { $count ->
        [one] a stage or swimlane has
       *[other] { $count } stages or swimlanes have
    } the same id as an earlier one (e.g. “{ $id }”): nodes were placed by the first
ojf-blueprint-cards = { $count ->
        [one] a service-blueprint item became a card in a lane of its own
       *[other] { $count } service-blueprint items became cards in lanes of their own
    } (evidence, frontstage, backstage, support), in the stage of their node; which node each came from is not kept
ojf-score-out-of-range = { $count ->
        [one] a score lies
       *[other] { $count } scores lie
    } outside −5 to +5 (e.g. { $score } on “{ $node }”) and gave no feeling
ojf-score-not-number = { $count ->
        [one] a score is not a number
       *[other] { $count } scores are not numbers
    } (e.g. “{ $score }” on “{ $node }”) and gave no feeling
ojf-sentiment-unknown = { $count ->
        [one] a sentiment word Trayecto does not know
       *[other] { $count } sentiment words Trayecto does not know
    } (e.g. “{ $word }”) gave no feeling
ojf-moment-guessed = { $count ->
        [one] a moment of truth says
       *[other] { $count } moments of truth say
    } neither gain nor pain (e.g. “{ $node }”): taken as a moment of pain, where customers may give up
ojf-mistyped = { $count ->
        [one] a field holds a value of the wrong kind and was
       *[other] { $count } fields hold a value of the wrong kind and were
    } left out (e.g. “{ $field }”)
ojf-lost-scores = { $count ->
        [one] a score between two faces
       *[other] { $count } scores between two faces
    } became the nearest face (e.g. { $score } became { $feeling }, which Trayecto writes back as { $back })
ojf-lost-sentiment = { $count ->
        [one] a sentiment word was
       *[other] { $count } sentiment words were
    } not kept (e.g. “{ $value }”): the feeling comes from the score, or from the word when there is no score
ojf-lost-purpose = { $count ->
        [one] a purpose was
       *[other] { $count } purposes were
    } not kept (e.g. “{ $value }”): a moment of truth keeps only whether it is one of gain or of pain
ojf-lost-severity = { $count ->
        [one] a severity was
       *[other] { $count } severities were
    } not kept (e.g. “{ $value }”): Trayecto cards have none
ojf-lost-icon = { $count ->
        [one] an icon was
       *[other] { $count } icons were
    } not kept (e.g. “{ $value }”)
ojf-lost-icon-color = { $count ->
        [one] an icon colour was
       *[other] { $count } icon colours were
    } not kept (e.g. “{ $value }”): the colour Ptolemy paints a card with
ojf-lost-tags = { $count ->
        [one] a tag was
       *[other] { $count } tags were
    } not kept (e.g. “{ $value }”): a card takes one channel from its tags, nothing else
ojf-lost-version = the version the file names (“{ $version }”) is not kept: Trayecto reads every version alike
ojf-unknown-keys = { $count ->
        [one] a field OpenJourney does not define was
       *[other] { $count } fields OpenJourney does not define were
    } left out: { $keys }
ojf-export-other-journeys = only the journey “{ $journey }” was written, as an OpenJourney file holds one; left out: { $count ->
        [one] one other journey
       *[other] { $count } other journeys
    } (e.g. “{ $example }”) with { $cards ->
        [one] one card
       *[other] { $cards } cards
    }
ojf-export-journey-kind = the journey “{ $journey }” will read back as a current journey: OpenJourney does not tell current journeys from target ones
ojf-export-other-personas = { $count ->
        [one] a persona
       *[other] { $count } personas
    } other than the journey's (e.g. “{ $example }”) { $count ->
        [one] was
       *[other] were
    } left out: an OpenJourney file names one
ojf-export-persona-details = of the persona “{ $persona }” only the name and the first goal (as the point of view) were written; the description, the other goals, the frustrations and needs and the picture were left out
ojf-export-lane-kinds = OpenJourney keeps only the names of lanes, so { $count ->
        [one] a lane
       *[other] { $count } lanes
    } will read back as another kind (e.g. “{ $lane }”, of kind { $kind })
ojf-export-moment-why = { $count ->
        [one] a moment that matters lost
       *[other] { $count } moments that matter lost
    } why { $count ->
        [one] it matters
       *[other] they matter
    } (e.g. “{ $why }”): OpenJourney only marks a moment of truth
ojf-export-kpis = { $count ->
        [one] a KPI was
       *[other] { $count } KPIs were
    } left out
ojf-export-actions = { $count ->
        [one] an improvement action was
       *[other] { $count } improvement actions were
    } left out
ojf-export-phases = { $count ->
        [one] a phase was
       *[other] { $count } phases were
    } left out
ojf-export-forks = { $count ->
        [one] a decision was
       *[other] { $count } decisions were
    } left out
imported-name = { $name } (imported)
readable-files = Maps and files Trayecto reads
export-map-menu = Export map to another tool
export-map-csv = Spreadsheet (CSV)…
export-map-mermaid = Mermaid journey…
export-map-ojf = OpenJourney file…
export-over-source = { $name } is the file this map was imported from: it is kept as it was. Save the map as a Trayecto map, or export it under another name.
exported-map-status = Map written to { $name }{ $count ->
    [0] {""}
    [one] ; one thing it could not hold is listed
   *[other] ; { $count } things it could not hold are listed
}
export-report-title = What the file could not hold
export-report-lead = { $name } was written; it has no place for the following, which stays in the map:
import-report-title = Import report
import-report-lead = { $name } opened as a new, unsaved map. Some of it could not come across whole:
imported-status = Imported { $name } as a new map, not saved yet{ $count ->
    [0] {""}
    [one] ; one note in the import report
   *[other] ; { $count } notes in the import report
}
cli-page = Paper of a PDF: one page the map's size, or A4 or A3 landscape pages with the headers on each
cli-convert = Convert a map between Trayecto (.ron), Mermaid (.mmd), OpenJourney (.ojf) and spreadsheet (.csv) files
cli-convert-input = The map to read (its extension names its format)
cli-convert-output = The file to write (its extension names its format)
cli-convert-journey = The journey to write, for formats that hold one (Mermaid, OpenJourney)
cli-convert-unknown-type = { $name }: cannot tell the format from its name; use { $known }
cli-upgrade-not-a-map = { $name } is another tool's file, not a Trayecto map: it is left as it is (use “trayecto convert” to make a map of it)

## Mermaid
mermaid-untitled = Mermaid journey
mermaid-lane-name = Steps
mermaid-no-section = (no section)
mermaid-actors-label = Actors
mermaid-empty = there is no diagram here: a Mermaid journey starts with the word “journey”
mermaid-not-journey = this is not a Mermaid journey: a journey starts with the word “journey”, and this text starts with “{ $found }”
mermaid-other-diagram = this is a Mermaid diagram of another kind (“{ $kind }”), not a journey
mermaid-md-no-block = this Markdown file has no ```mermaid block with a journey in it
mermaid-md-no-journey = { $count ->
        [one] the Mermaid diagram in this file is not a journey
       *[other] none of the { $count } Mermaid diagrams in this file is a journey
    }
mermaid-front-matter-open = the front matter that opens here is never closed by a line “---”
mermaid-directive-open = the settings block “%%{"{"}” that opens here is never closed by “{"}"}%%”, so Mermaid reads nothing after it
mermaid-no-score = the task “{ $task }” has nothing after its colon: a task reads “name: score: actors”
mermaid-not-a-task = “{ $text }” is neither a section nor a task: a task reads “name: score: actors”
mermaid-acc-description = Mermaid no longer reads “accDescription”: write “accDescr: …” instead
mermaid-no-task-name = a task needs a name before its colon
mermaid-section-colon = a section name cannot hold “:” (write it as #58;)
mermaid-bad-char = Mermaid cannot read “;” here: names cannot hold it (write it as #59;)
mermaid-journey-again = “journey” only opens the diagram: a task's name cannot start with that word
mermaid-lowercase = Mermaid only recognises the word “journey” in lower case; the diagram was read anyway
mermaid-settings = Mermaid settings (“{ $what }”) are not kept: a map has no place for them
mermaid-acc-title = the accessibility title “{ $text }” is not kept
mermaid-acc-descr = the accessibility description “{ $text }” is not kept
mermaid-acc-descr-open = the accessibility description that opens here is never closed by “{"}"}”, so Mermaid reads the rest of the file as that description
mermaid-title-again = the title is given more than once; the last one, “{ $title }”, is kept
mermaid-score-outside = “{ $task }”: score { $score } is outside 1–5; taken as { $feeling }
mermaid-score-decimal = “{ $task }”: score { $score } is not a whole number; taken as { $feeling }
mermaid-score-not-number = “{ $task }”: score “{ $score }” is not a number, so the card has no feeling
mermaid-score-missing = “{ $task }” has no score, so the card has no feeling
mermaid-extra-data = “{ $task }”: Mermaid does not read the text after the actors (“{ $text }”)
mermaid-more-tasks = { $count ->
        [one] 1 more task was read the same way
       *[other] { $count } more tasks were read the same way
    }
mermaid-personas-cut = the diagram names { $count } actors and a map holds at most { $limit } personas: the others are only in their cards' notes
mermaid-actors-in-notes = { $count ->
        [one] 1 task has other actors than the journey's persona: they are in its card's notes (“Actors: …”)
       *[other] { $count } tasks have other actors than the journey's persona: they are in their cards' notes (“Actors: …”)
    }
mermaid-more-journeys = { $count ->
        [one] the file holds 1 more journey; only the first was read
       *[other] the file holds { $count } more journeys; only the first was read
    }
mermaid-other-diagrams = { $count ->
        [one] 1 Mermaid diagram of another kind was skipped
       *[other] { $count } Mermaid diagrams of other kinds were skipped
    }
mermaid-title-written = the map has no title; the diagram is titled “{ $title }”
mermaid-lost-journeys = a Mermaid diagram tells one journey: { $count ->
        [one] 1 other journey is not written
       *[other] { $count } other journeys are not written
    }
mermaid-lost-journey-name = the journey's name, “{ $name }”, and its kind are not written
mermaid-lost-curve = { $count ->
        [one] 1 point of the emotion curve set by hand is not written
       *[other] { $count } points of the emotion curve set by hand are not written
    }
mermaid-lost-lanes = Mermaid has no lanes: { $count ->
        [one] the cards of the map's lane are
       *[other] the cards of the map's { $count } lanes are
    } written as one list of tasks per stage, without lane names or kinds
mermaid-no-feeling = { $count ->
        [one] 1 card has no feeling: it is written with score 3 (neutral)
       *[other] { $count } cards have no feeling: they are written with score 3 (neutral)
    }
mermaid-lost-notes = { $count ->
        [one] the notes of 1 card are not written
       *[other] the notes of { $count } cards are not written
    }
mermaid-lost-channels = { $count ->
        [one] the channel of 1 card is not written
       *[other] the channels of { $count } cards are not written
    }
mermaid-lost-moments = { $count ->
        [one] 1 moment that matters is not written
       *[other] { $count } moments that matter are not written
    }
mermaid-lost-personas = { $count ->
        [one] 1 persona does not take part in the written tasks and is not written
       *[other] { $count } personas do not take part in the written tasks and are not written
    }
mermaid-lost-persona-details = Mermaid's actors are only names: { $count ->
        [one] the description, goals, needs and picture of 1 persona are not written
       *[other] the descriptions, goals, needs and pictures of { $count } personas are not written
    }
mermaid-lost-kpis = { $count ->
        [one] 1 KPI is not written
       *[other] { $count } KPIs are not written
    }
mermaid-lost-actions = { $count ->
        [one] 1 improvement action is not written
       *[other] { $count } improvement actions are not written
    }
mermaid-lost-phases = { $count ->
        [one] 1 phase is not written
       *[other] { $count } phases are not written
    }
mermaid-lost-decisions = { $count ->
        [one] 1 decision of the journey is not written
       *[other] { $count } decisions of the journey are not written
    }
mermaid-coded = { $count ->
        [one] 1 text holds characters Mermaid reserves (“:”, “#”, “;”, “,” between actors…): they are written as Mermaid character codes such as #58;, which Mermaid shows as the characters
       *[other] { $count } texts hold characters Mermaid reserves (“:”, “#”, “;”, “,” between actors…): they are written as Mermaid character codes such as #58;, which Mermaid shows as the characters
    }
mermaid-joined = { $count ->
        [one] 1 text on several lines (the title, or an actor's name) is written on one line
       *[other] { $count } texts on several lines (the title, or actors' names) are written on one line
    }

## CSV
csv-unreadable = the sheet cannot be read as a table from this line on
csv-missing-columns = the first row must name the columns of the map, in English or Spanish; { $count ->
        [one] this one is missing
       *[other] these are missing
    }: { $columns }
csv-no-rows = the sheet has its header and no rows under it: the map starts empty
csv-card-without-stage = a card with no stage, and no row above to take one from: it went into the stage “{ $stage }”
csv-card-without-lane = a card with no lane, and no row above to take one from: it went into the lane “{ $lane }”
csv-filled-from-above = { $count ->
        [one] a card has
       *[other] { $count } cards have
    } no stage or no lane, and took the one of the row above, as merged cells leave them (the first on this line)
csv-why-without-moment = a “why” with no moment (gain or pain): it was added to the card's notes
csv-bad-feeling = “{ $value }” is not a feeling: write a face ({ $known }) or a score from 1 to 5 (5 best); the card has no feeling
csv-bad-channel = “{ $value }” is not a channel ({ $known }); the card has no channel
csv-bad-moment = “{ $value }” is not a moment ({ $known }); the card has no moment
csv-bad-lane-kind = “{ $value }” is not a kind of lane ({ $known }); left out for the lane “{ $lane }”
csv-lane-kind-clash = the lane “{ $lane }” is given here as { $other }, but above as { $first }: it stays { $first }
csv-more-values = { $count ->
        [one] one more value of the column “{ $column }” was not understood either, and was left out
       *[other] { $count } more values of the column “{ $column }” were not understood either, and were left out
    }
csv-more-whys = { $count ->
        [one] one more “why” without a moment was added to its card's notes too
       *[other] { $count } more “why”s without a moment were added to their cards' notes too
    }
csv-unknown-columns = columns Trayecto does not read were left out: { $columns } ({ $count ->
        [0] no values in them
        [one] 1 value
       *[other] { $count } values
    })
csv-unnamed-columns = { $count ->
        [one] a value in a column with no name in the first row was left out
       *[other] { $count } values in columns with no name in the first row were left out
    } (spreadsheet column { $columns })
csv-lost-title = the sheet has no place for the map's title, “{ $title }”
csv-lost-personas = the sheet has no place for personas: { $count ->
        [one] 1 persona
       *[other] { $count } personas
    } left out, and which journey is told for whom
csv-lost-kpis = the sheet has no place for KPIs: { $count ->
        [one] 1 KPI
       *[other] { $count } KPIs
    } left out
csv-lost-actions = the sheet has no place for the roadmap: { $count ->
        [one] 1 improvement action
       *[other] { $count } improvement actions
    } left out
csv-lost-phases = the sheet has no place for phases: { $count ->
        [one] 1 phase
       *[other] { $count } phases
    } left out
csv-lost-forks = the sheet has no place for decisions: { $count ->
        [one] 1 decision
       *[other] { $count } decisions
    } left out
csv-lost-curve = the sheet has no place for emotion-curve points set by hand: { $count ->
        [one] 1 point
       *[other] { $count } points
    } left out (read back, the curve follows the cards' feelings)
csv-lost-journey-kinds = the sheet tells a journey's kind only by its place and name (the first is the current one; “Target”, “Objetivo”… the target one): { $count ->
        [one] 1 journey
       *[other] { $count } journeys
    } will read back as another kind
csv-lost-departments = the sheet has no place for the map's own departments: { $count ->
        [one] 1 department
       *[other] { $count } departments
    } left out (read back, the map has the usual ones)
csv-lost-streams = the sheet has no place for the map's own roadmap streams: { $count ->
        [one] 1 stream
       *[other] { $count } streams
    } left out (read back, the map has the usual ones)
csv-lost-empty-cards = { $count ->
        [one] a card with no text, channel, feeling or moment was
       *[other] { $count } cards with no text, channel, feeling or moment were
    } left out: a row with nothing on it reads back as an empty cell
csv-renamed = the sheet tells stages, lanes and journeys apart by name: { $count ->
        [one] 1 name that was empty or repeated is
       *[other] { $count } names that were empty or repeated are
    } written with a number (“Order (2)”)

## Command-line values, named in the language spoken (English is always accepted too)
cli-name-format-table = table
cli-name-format-csv = csv
cli-name-format-json = json
cli-name-format-md = md
cli-name-journey-current = current
cli-name-journey-target = target
cli-name-journey-overlay = overlay
cli-name-view-journey = journey
cli-name-view-roadmap = roadmap
cli-name-view-gap = gap
cli-name-view-actions = actions
cli-name-background-white = white
cli-name-background-transparent = transparent
cli-name-background-theme = theme
cli-name-page-fit = fit
cli-name-page-a4 = a4
cli-name-page-a3 = a3
cli-value-page = PAGE
cli-view-gap = the gap analysis as a slide: stages by gap, with moments, pain points and KPIs
cli-view-actions = the action table as a slide: owner, stream, priority, horizon, status, KPI

## trayecto info: one row per journey, named by its kind
info-journey-current = Current journey
info-journey-target = Target journey
info-journey-other = Other journey
info-journey-name = “{ $name }”
by-hand-cards = Set by hand: the point stays where it was put, whatever the cards say (they say “{ $feeling }”).
by-hand-no-cards = Set by hand: no card of this stage has a feeling yet.
follow-cards-hint = The point goes back to what the stage's cards say, and follows them from now on.
step-follow-cards = let stage “{ $name }” follow its cards
legend-by-hand = Set by hand
fresh-persona-hint = No journey is told for this persona yet: choose it in “Told for” above to give it the shown journey.
journey-persona-back = Back to the journey's persona

## Slides of the gap analysis and of the actions (export --view gap / actions)
slide-gap-caption = { $title } · Gap analysis
slide-gap-lead = { $current } → { $target }, stage by stage, largest gap first
slide-actions-caption = { $title } · Actions
slide-actions-lead = { $count ->
        [one] 1 action, by stream, horizon and priority
       *[other] { $count } actions, by stream, horizon and priority
    }
follows-cards = Follows the stage's cards: “{ $feeling }”.
follows-no-cards = Follows the stage's cards; none of them has a feeling yet.
journey-bar-more = More…
journey-bar-more-hint = The journeys and views that do not fit in the bar

## The workshop room: dot votes on cards
vote-refused-closed = voting is closed
vote-refused-unknown-card = the map has no card { $card }
vote-refused-not-votable = card { $card } is not open to votes
vote-refused-no-dots-left = no dots left: each participant has { $dots ->
        [one] 1 dot
       *[other] { $dots } dots
    }
vote-refused-no-vote = there is no dot of this participant on card { $card } to take back
vote-refused-participant = a participant's id is 1 to { $limit } letters, digits, “-” or “_”
vote-refused-name = a name is at most { $limit } characters, on one line
vote-refused-full = the room holds at most { $limit } votes
counted-votes = votes
invalid-vote-unknown-card = vote { $vote } is on card { $card }, which does not exist
invalid-vote-participant = vote { $vote }: a participant's id is 1 to { $limit } letters, digits, “-” or “_”
invalid-vote-name = vote { $vote }: a participant's name is at most { $limit } characters, on one line
invalid-room-dots = each participant is given { $dots } dots: it must be 1 to { $limit }
invalid-voting-unknown = voting is set for { $item } { $id }, which does not exist
step-vote = vote for “{ $name }”
step-take-back-vote = take back a vote for “{ $name }”
step-put-back-vote = put back a vote for “{ $name }”
step-clear-votes = clear the votes
step-close-voting = close voting
step-open-voting = open voting again
step-reveal-votes = reveal the votes
step-hide-votes = hide the votes
step-dots = give each participant { $name } dots
step-open-lane-to-votes = open lane “{ $name }” to votes
step-close-lane-to-votes = close lane “{ $name }” to votes
step-lane-votes-as-usual = let lane “{ $name }” take votes as usual
step-open-card-to-votes = open card “{ $name }” to votes
step-close-card-to-votes = close card “{ $name }” to votes
step-card-votes-as-usual = let card “{ $name }” take votes as its lane does
step-room = change the workshop room
col-votes = Votes
info-votes = Votes
info-voters = People who voted
cli-gap-by = How to rank the stages
cli-roadmap-by = How to rank the actions
cli-value-by = ORDER
cli-name-by-gap = gap
cli-name-by-votes = votes
cli-name-by-roadmap = roadmap
cli-by-gap = largest gap first
cli-by-votes-gap = most votes on the stage's pain points and moments of pain first
cli-by-roadmap = as the roadmap board: stream, horizon, priority
cli-by-votes-roadmap = most votes on the cards the action shows and addresses first

## Export dialog: what to draw, and the roadmap's own key
export-draw = Draw
export-draw-journey = The journey
export-draw-overlay = Current + target
export-draw-roadmap = The roadmap
export-draw-actions = The action table
export-legend-priorities = Legend of priorities
recovery-details-uncounted = { $cards ->
        [one] 1 card
       *[other] { $cards } cards
    } · last edited { $ago }
step-votes = change the votes
mermaid-feelings-lane = Feelings

## The workshop room: the server's answers and errors
room-refused-bad-json = the request is not the JSON the room expects
room-refused-too-large = the request is over { $limit } KiB
room-refused-unknown-stage = the map has no stage { $stage }
room-refused-unknown-lane = the map has no lane { $lane }
room-refused-empty-note = the note is empty
room-refused-note-too-long = a note is at most { $limit } characters
room-refused-too-many-notes = too many notes for now: wait for the facilitator to read them
room-refused-rate-limited = too many requests: wait a moment and try again
room-refused-closed = the room is closed
room-error-listen = the room cannot listen on { $at }: { $reason }
room-error-random = no random key for the room: { $reason }

## The workshop room in the editor
menu-workshop = Workshop
room-panel-menu = Room panel
room-panel-title = Workshop room
room-panel-closed-help = Open the room and the people here join from their phones on this network: they see the journey, put their dots on pain points and opportunities, and send you notes. No account, no internet.
room-open = Open the room
room-close = Close the room
room-copy-address = Copy address
room-address-copied = The room's address is on the clipboard.
room-opened-status = The room is open at { $address }
room-closed-status = The room is closed: phones are disconnected. Dots and notes stay.
room-counts-long = { $joined ->
        [one] 1 phone joined since the room opened
       *[other] { $joined } phones joined since the room opened
    } · { $voters ->
        [one] 1 person has voted
       *[other] { $voters } people have voted
    } · { $dots ->
        [one] 1 dot
       *[other] { $dots } dots
    }
room-counts-short = Room: { $joined } · { $dots ->
        [one] 1 dot
       *[other] { $dots } dots
    } · { $notes ->
        [one] 1 note waiting
       *[other] { $notes } notes waiting
    }
room-dots-each = Dots per person
room-close-voting = Close voting
room-reopen-voting = Reopen voting
room-reveal-dots = Reveal dots
room-hide-dots = Hide dots
room-clear-votes = Clear votes
room-votes-cleared = { $count ->
        [one] 1 dot taken off the cards.
       *[other] { $count } dots taken off the cards.
    }
room-voting-closed = Voting is closed.
room-inbox-title = { $count ->
        [0] Inbox
        [one] Inbox: 1 note
       *[other] Inbox: { $count } notes
    }
room-inbox-empty = Notes sent from phones wait here until you add them to the map.
room-note-anonymous = no name
room-note-pick-lane = Pick a lane
room-note-accept = Add to map
room-note-drop = Drop
room-scan-to-join = Scan to join
cli-room = open the workshop room as the editor starts (participants join from their phones; its address is printed)
cli-room-port = the room's port (default 8040, else any free one)
cli-room-bind = the address the room listens on (default: every network of this computer)

## Workshop room: the participants' page on their phones (assets/room). Plain text only:
## room.js replaces the %name% markers itself.
room-page-title = Workshop room
room-page-loading = Joining the room…
room-page-journey-label = Journey
room-page-connection-connecting = Connecting
room-page-connection-live = Live
room-page-connection-polling = Reconnecting
room-page-connection-offline = Offline
room-page-dots-left = %left% of %total% dots left
room-page-dots-left-one = %left% of %total% dots left
room-page-name-label = Your name (optional)
room-page-name-hint = The facilitator sees it next to your dots and notes.
room-page-map-heading = The map
room-page-map-alt = The journey map
room-page-map-zoom = Zoom
room-page-zoom-in = Zoom in
room-page-zoom-out = Zoom out
room-page-zoom-fit = Fit
room-page-map-hint = Pinch or use + and − to zoom, drag to move around.
room-page-map-open = Open full size
room-page-map-error = The picture of the map could not be loaded.
room-page-map-updated = The map has been updated.
room-page-vote-heading = Vote with your dots
room-page-vote-hint = Tap a card to put one of your dots on it. You can put several dots on the same card.
room-page-no-cards = There are no cards to vote on yet.
room-page-your-dots = Your dots: %mine%
room-page-votes-one = %votes% vote in all
room-page-votes-other = %votes% votes in all
room-page-take-back = Take back
room-page-take-back-label = Take back a dot from “%card%”
room-page-voted = Dot placed on “%card%”.
room-page-taken-back = Dot taken back from “%card%”.
room-page-untitled = Untitled card
room-page-voting-closed = Voting is closed. You can still look at the map and send notes.
room-page-no-dots = You have used all your dots. Changed your mind? Take one back from a card.
room-page-revealed = The votes are in: each card shows its total.
room-page-note-heading = Send a sticky note
room-page-note-hint = Something missing or not quite right? Write a note for the facilitator.
room-page-note-stage = Stage
room-page-note-stage-choose = Choose a stage
room-page-note-lane = Lane
room-page-note-any-lane = Any lane
room-page-note-text = Your note
room-page-note-counter = %used% of %max% characters
room-page-note-send = Send note
room-page-note-sending = Sending…
room-page-note-sent = Sent: the facilitator will see it.
room-page-note-need-stage = Choose the stage your note is about.
room-page-note-need-text = Write your note first.
room-page-closed = This room is closed
room-page-closed-hint = Thanks for taking part. You can close this page now.
room-page-error-network = Could not reach the room. Check that you are on the workshop's Wi-Fi and try again.
room-page-error-unknown = Something went wrong (error %status%). Please try again.
room-page-dismiss = Dismiss
gap-rank-by = Rank by:
gap-rank-gap = gap
gap-rank-votes = votes
gap-heading-votes = { $current } → { $target }, most dots on the pain first; click a row to find the stage
room-code-hide-hint = Q: hide the code
gap-stage-dots = { $count ->
        [one] 1 dot
       *[other] { $count } dots
    }
cli-room-port-value = PORT
cli-room-bind-value = ADDRESS
cli-room-bad-port = a port is a whole number from 0 to 65535
cli-room-bad-bind = an address is four numbers such as 192.168.1.20 (or an IPv6 address)
room-notes-waiting-title = Notes from the room are waiting
room-notes-waiting-question = { $count ->
        [one] A note from the room waits in the inbox. It is in no file until it is on the map: add it as a card, or drop it?
       *[other] { $count } notes from the room wait in the inbox. They are in no file until they are on the map: add them as cards, or drop them?
    }
room-notes-waiting-add = Add to map
room-notes-waiting-drop = Drop
room-show-this-journey = Show this journey in the room
gap-rank-votes-hidden = The room's dots are hidden: reveal them first (Workshop → Reveal dots).
recovery-room-notes = { $count ->
        [one] and 1 note from the room that waited in the inbox
       *[other] and { $count } notes from the room that waited in the inbox
    }
cli-recover-room-notes = { $count ->
        [one] 1 note from the workshop room waited in the inbox; it is in no map file: open the editor and restore the map there to get it back
       *[other] { $count } notes from the workshop room waited in the inbox; they are in no map file: open the editor and restore the map there to get them back
    }
room-note-dropped = Note dropped.
