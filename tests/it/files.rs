//! Loading refuses every kind of bad file with a clear message; saving never damages a file.

use std::path::Path;
use trayecto::document::Document;
use trayecto::edit::Edit;
use trayecto::file::{self, FileErrorKind, MAX_FILE_BYTES};
use trayecto::format::{self, FORMAT_VERSION, ParseError};
use trayecto::model::{Counted, Invalid, Item};
use trayecto::templates;

fn pizza_text() -> String {
    format::to_text(&templates::load("pizza").unwrap())
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn load_error(path: &Path) -> (FileErrorKind, String) {
    let error = file::load(path).expect_err("the file should be refused");
    let message = error.to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "the message names the file: {message}"
    );
    (error.kind, message)
}

#[test]
fn syntax_errors_give_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = pizza_text().replacen(
        "title: \"Ordering a pizza\",",
        "title: \"Ordering a pizza\" oops,",
        1,
    );
    let path = write(dir.path(), "syntax.ron", &text);
    let (kind, message) = load_error(&path);
    match kind {
        FileErrorKind::Parse(ParseError::Syntax { at, .. }) => {
            let (line, col) = (at.line, at.col);
            assert_eq!(line, 4, "{message}");
            assert!(col > 20, "{message}");
            assert!(message.contains(&format!(":{line}:{col}:")), "{message}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn unknown_stage_and_lane_references_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = pizza_text().replacen("stage: 1,", "stage: 77,", 1);
    let (kind, message) = load_error(&write(dir.path(), "stage.ron", &text));
    assert!(
        matches!(
            kind,
            FileErrorKind::Parse(ParseError::Invalid {
                error: Invalid::Unknown {
                    to: (Item::Stage, 77),
                    ..
                },
                at: Some(_),
            })
        ),
        "{message}"
    );
    assert!(message.contains("stage 77"), "{message}");

    let text = pizza_text().replacen("lane: 1,", "lane: 88,", 1);
    let (kind, _) = load_error(&write(dir.path(), "lane.ron", &text));
    assert!(matches!(
        kind,
        FileErrorKind::Parse(ParseError::Invalid {
            error: Invalid::Unknown {
                to: (Item::Lane, 88),
                ..
            },
            ..
        })
    ));
}

#[test]
fn duplicate_ids_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = pizza_text().replacen(
        "(id: 2, name: \"Choose a pizza\")",
        "(id: 1, name: \"Choose a pizza\")",
        1,
    );
    let (kind, message) = load_error(&write(dir.path(), "dup.ron", &text));
    assert!(
        matches!(
            kind,
            FileErrorKind::Parse(ParseError::Invalid {
                error: Invalid::Duplicate {
                    what: Item::Stage,
                    id: 1
                },
                ..
            })
        ),
        "{message}"
    );
}

#[test]
fn newer_and_missing_versions_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let newer = pizza_text().replacen(&format!("format: {FORMAT_VERSION}"), "format: 99", 1);
    let (kind, message) = load_error(&write(dir.path(), "newer.ron", &newer));
    assert!(matches!(
        kind,
        FileErrorKind::Parse(ParseError::NewerVersion { found: 99 })
    ));
    assert!(message.contains("newer"), "{message}");

    let none = "(map: (title: \"x\", stages: [], lanes: []))";
    let (kind, _) = load_error(&write(dir.path(), "none.ron", none));
    assert!(matches!(kind, FileErrorKind::Parse(ParseError::NoVersion)));
}

#[test]
fn absurd_sizes_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let huge = std::fs::File::create(&path).unwrap();
    huge.set_len(MAX_FILE_BYTES + 1).unwrap();
    let (kind, message) = load_error(&path);
    assert!(matches!(kind, FileErrorKind::TooLarge { .. }), "{message}");
}

#[test]
fn too_many_cards_are_refused() {
    let mut map = templates::load("blank").unwrap();
    let card = |id| trayecto::model::Card {
        id: trayecto::model::CardId(id),
        journey: map.journeys[0].id,
        stage: map.stages[0].id,
        lane: map.lanes[0].id,
        title: String::new(),
        notes: String::new(),
        channel: None,
        feeling: None,
        moment: None,
    };
    let cards: Vec<_> = (1..=trayecto::model::limits::CARDS as u32 + 1)
        .map(card)
        .collect();
    map.cards = cards;
    let error = format::parse(&format::to_text(&map)).unwrap_err();
    assert!(matches!(
        error,
        ParseError::Invalid {
            error: Invalid::TooMany {
                what: Counted::Cards,
                ..
            },
            at: None,
        }
    ));
}

#[test]
fn binary_deep_and_missing_files_are_errors_not_crashes() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("binary.ron");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x28]).unwrap();
    assert!(matches!(
        load_error(&binary).0,
        FileErrorKind::NotText { .. }
    ));

    let deep = format!(
        "(format: 1, map: {}{})",
        "(".repeat(50_000),
        ")".repeat(50_000)
    );
    let (kind, _) = load_error(&write(dir.path(), "deep.ron", &deep));
    assert!(matches!(
        kind,
        FileErrorKind::Parse(ParseError::Syntax { .. })
    ));

    assert!(matches!(
        load_error(&dir.path().join("missing.ron")).0,
        FileErrorKind::Io(_)
    ));
    assert!(matches!(load_error(dir.path()).0, FileErrorKind::NotAFile));
    assert!(matches!(
        load_error(&write(dir.path(), "empty.ron", "")).0,
        FileErrorKind::Parse(_)
    ));
}

#[test]
fn saving_replaces_the_file_whole_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    std::fs::write(&path, "old contents").unwrap();
    let map = templates::load("pizza").unwrap();
    file::save(&path, &map).unwrap();
    assert_eq!(file::load(&path).unwrap(), map);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["map.ron"]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with(&format!("(\n    format: {FORMAT_VERSION},\n    map: (")),
        "readable layout:\n{text}"
    );
    assert!(text.contains("Lucía"), "accents stay readable, not escaped");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let fresh = dir.path().join("fresh.ron");
        file::save(&fresh, &map).unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o644,
            "a new map is readable by others, like any saved file"
        );
        std::fs::set_permissions(&fresh, std::fs::Permissions::from_mode(0o600)).unwrap();
        file::save(&fresh, &map).unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "saving keeps the permissions the file had");
    }
}

#[test]
fn a_failed_save_keeps_the_map_open_and_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "map.ron", &pizza_text());
    let mut doc = Document::open(&path).unwrap();
    doc.apply(Edit::SetTitle("Changed".into()), None).unwrap();
    // A folder that does not exist: the write fails before anything is touched.
    let target = dir.path().join("no such folder").join("map.ron");
    let error = doc.save_as(&target).unwrap_err();
    assert!(error.to_string().contains("no such folder"), "{error}");
    assert!(doc.is_dirty());
    assert_eq!(doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(doc.map().title, "Changed");
    assert_eq!(file::load(&path).unwrap().title, "Ordering a pizza");
}

#[test]
fn a_failed_save_over_a_folder_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("taken");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("keep.txt"), "keep").unwrap();
    let map = templates::load("pizza").unwrap();
    assert!(file::save(&folder, &map).is_err());
    assert_eq!(
        std::fs::read_to_string(folder.join("keep.txt")).unwrap(),
        "keep"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["taken"], "no temporary file left behind");
}

/// The message of a refused file, which must name the file.
fn message_of(dir: &Path, name: &str, text: &str) -> String {
    load_error(&write(dir, name, text)).1
}

#[test]
fn messages_speak_of_the_map_not_of_the_program() {
    let dir = tempfile::tempdir().unwrap();
    let empty = message_of(dir.path(), "empty.ron", "  \n");
    assert!(empty.contains("the file is empty"), "{empty}");
    let json = message_of(dir.path(), "map.json.ron", "{\"format\": 1, \"map\": {}}");
    assert!(json.contains(":1:1: not a Trayecto map"), "{json}");
    let zero = message_of(dir.path(), "zero.ron", "(format: 0, map: ())");
    assert!(zero.contains("`format: 0` is not a version"), "{zero}");
    let deep = format!("(map: {}, format: 1)", "[".repeat(10_000));
    let deep = message_of(dir.path(), "deep.ron", &deep);
    assert!(deep.contains("nested too deeply"), "{deep}");
    let long = pizza_text().replacen(
        "Calls the branch",
        &"x".repeat(trayecto::model::limits::TEXT_CHARS + 1),
        1,
    );
    let long = message_of(dir.path(), "long.ron", &long);
    assert!(
        long.contains("the title of card 4: 20001 characters"),
        "{long}"
    );
    for message in [&empty, &json, &zero, &deep, &long] {
        for internal in [
            "VersionProbe",
            "MapFile",
            "recursion_limit",
            "struct",
            "ron::",
        ] {
            assert!(!message.contains(internal), "{internal} in: {message}");
        }
    }
}

#[test]
fn a_byte_order_mark_is_no_obstacle() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bom.ron", &format!("\u{feff}{}", pizza_text()));
    assert_eq!(
        file::load(&path).unwrap(),
        templates::load("pizza").unwrap()
    );
}

#[test]
fn unknown_fields_are_refused_by_name_and_line_never_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let text = pizza_text().replacen(
        "title: \"Finds nothing in the fridge\"",
        "title: \"Finds nothing in the fridge\", colour: \"red\"",
        1,
    );
    let (kind, message) = load_error(&write(dir.path(), "extra.ron", &text));
    let line = text.lines().position(|l| l.contains("colour")).unwrap() + 1;
    match kind {
        FileErrorKind::Parse(ParseError::Syntax { at, .. }) => assert_eq!(at.line, line),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(
        message.contains("unknown field `colour` in a card"),
        "{message}"
    );
}

#[test]
fn problems_with_an_item_point_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = pizza_text().replacen(
        "(id: 13, journey: 1, stage: 5,",
        "(id: 13, journey: 1, stage: 55,",
        1,
    );
    let line = text.lines().position(|l| l.contains("stage: 55")).unwrap() + 1;
    let (_, message) = load_error(&write(dir.path(), "ref.ron", &text));
    assert!(
        message.contains(&format!(":{line}:")),
        "line {line} named: {message}"
    );
}

#[test]
fn control_characters_are_escaped_and_each_card_is_one_line() {
    let mut map = templates::load("pizza").unwrap();
    map.title = "NUL\0 ESC\u{1b} CR\r tab\t line\nend «ñ» 🍕".into();
    map.cards[0].notes = "first\nsecond".into();
    let text = format::to_text(&map);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "no raw control characters:\n{text}"
    );
    assert!(text.contains("«ñ» 🍕"), "letters and emoji stay readable");
    let card_lines = text
        .lines()
        .filter(|l| l.trim_start().starts_with("(id:"))
        .count();
    let items = map.personas.len()
        + map.stages.len()
        + map.lanes.len()
        + map.journeys.len()
        + map.cards.len()
        + map.kpis.len()
        + map.departments.len()
        + map.streams.len()
        + map.actions.len()
        + map.phases.len()
        + map.forks.len();
    assert_eq!(card_lines, items, "one line per item:\n{text}");
    assert_eq!(format::parse(&text).unwrap(), map);
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_writes_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let real = write(dir.path(), "real.ron", &pizza_text());
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink("real.ron", &link).unwrap();
    let mut doc = Document::open(&link).unwrap();
    doc.apply(Edit::SetTitle("Through the link".into()), None)
        .unwrap();
    doc.save_as(&link).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(file::load(&real).unwrap().title, "Through the link");
    assert_eq!(names_in(dir.path()), ["link.ron", "real.ron"]);
}

#[cfg(unix)]
#[test]
fn saving_a_hard_linked_file_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.ron", &pizza_text());
    let b = dir.path().join("b.ron");
    std::fs::hard_link(&a, &b).unwrap();
    let mut map = file::load(&a).unwrap();
    map.title = "Shared".into();
    let saved = file::save(&a, &map).unwrap();
    assert!(saved.placement.in_place && !saved.placement.without_backup);
    assert_eq!(file::load(&b).unwrap().title, "Shared", "both names see it");
    // A shorter text than before leaves no tail of the old one.
    map.actions.clear();
    map.cards.clear();
    file::save(&b, &map).unwrap();
    assert_eq!(file::load(&a).unwrap(), map);
    assert_eq!(names_in(dir.path()), ["a.ron", "b.ron"], "no backup left");
}

#[cfg(unix)]
#[test]
fn a_writable_map_in_a_read_only_folder_is_saved_in_place() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let path = write(&folder, "map.ron", &pizza_text());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let running_as_root = std::fs::File::create(folder.join("probe")).is_ok();
    if running_as_root {
        // Permissions do not bind root: save as an ordinary user through the command line.
        let _ = std::fs::remove_file(folder.join("probe"));
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let out = std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_trayecto"))
            .args(["new", "--force", "--template", "blank", "-o"])
            .arg(&path)
            .output()
            .expect("setpriv runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    } else {
        let saved = file::save(&path, &templates::load("blank").unwrap()).unwrap();
        assert!(saved.placement.in_place && saved.placement.without_backup);
    }
    assert_eq!(
        file::load(&path).unwrap(),
        templates::load("blank").unwrap()
    );
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(names_in(&folder), ["map.ron"]);
}

#[test]
fn stale_temporary_files_are_cleaned_up_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let stale = write(dir.path(), ".trayecto-killed.tmp", "half a map");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(old)
        .unwrap();
    // One being written right now (locked) stays.
    let busy = write(dir.path(), ".trayecto-busy.tmp", "");
    let busy_file = std::fs::File::open(&busy).unwrap();
    busy_file.lock().unwrap();
    std::fs::File::options()
        .write(true)
        .open(&busy)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let other = write(dir.path(), "notes.tmp", "not ours");
    file::save(
        &dir.path().join("map.ron"),
        &templates::load("blank").unwrap(),
    )
    .unwrap();
    assert!(!stale.exists(), "the killed save's file is gone");
    assert!(busy.exists() && other.exists());
    drop(busy_file);
}

#[test]
fn a_map_too_large_to_open_again_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "map.ron", &pizza_text());
    let mut map = templates::load("pizza").unwrap();
    let notes = "n".repeat(trayecto::model::limits::TEXT_CHARS);
    for card in &mut map.cards {
        card.notes = notes.clone();
    }
    let template = map.cards[0].clone();
    let ids = map.new_card_ids(1_700);
    map.cards
        .extend(ids.into_iter().map(|id| trayecto::model::Card {
            id,
            ..template.clone()
        }));
    let error = file::save(&path, &map).unwrap_err();
    assert!(
        matches!(error.kind, FileErrorKind::TooLargeToSave { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("not saved"), "{error}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), pizza_text());
}

#[test]
fn edits_never_make_a_map_that_would_not_open_again() {
    use trayecto::edit::{CardField, EditError};
    use trayecto::model::{Lane, LaneKind, Stage, limits};
    let mut doc = Document::new(templates::load("blank").unwrap());
    let too_long = "x".repeat(limits::TEXT_CHARS + 1);
    let card = doc.map().cards.first().cloned();
    assert!(matches!(
        doc.apply(Edit::SetTitle(too_long.clone()), None),
        Err(EditError::Limit(_))
    ));
    if let Some(card) = card {
        let edit = Edit::SetCard {
            id: card.id,
            field: CardField::Notes(too_long.clone()),
        };
        assert!(matches!(doc.apply(edit, None), Err(EditError::Limit(_))));
    }
    // Lanes up to the limit, then one more is refused with a message naming the limit.
    while doc.map().lanes.len() < limits::LANES {
        let lane = Lane {
            id: doc.map().new_lane_id(),
            name: "l".into(),
            kind: LaneKind::Notes,
        };
        let index = doc.map().lanes.len();
        doc.apply(
            Edit::InsertLane {
                index,
                lane,
                cards: vec![],
            },
            None,
        )
        .unwrap();
    }
    let lane = Lane {
        id: doc.map().new_lane_id(),
        name: "one too many".into(),
        kind: LaneKind::Notes,
    };
    let error = doc
        .apply(
            Edit::InsertLane {
                index: 0,
                lane,
                cards: vec![],
            },
            None,
        )
        .unwrap_err();
    assert!(error.to_string().contains("too many lanes"), "{error}");
    let stage = Stage {
        id: doc.map().new_stage_id(),
        name: too_long,
    };
    assert!(
        doc.apply(
            Edit::InsertStage {
                index: 0,
                stage,
                cards: vec![],
                kpis: vec![],
                curve: vec![],
            },
            None
        )
        .is_err()
    );
    // What the edits made saves and opens again.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    doc.save_as(&path).unwrap();
    assert_eq!(&file::load(&path).unwrap(), doc.map());
}

#[test]
fn ids_at_the_top_of_the_range_do_not_stop_new_cards() {
    let dir = tempfile::tempdir().unwrap();
    let text = pizza_text().replacen("(id: 47,", &format!("(id: {},", u32::MAX), 1);
    let path = write(dir.path(), "max.ron", &text);
    let mut doc = Document::open(&path).unwrap();
    let mut card = doc.map().cards[0].clone();
    card.id = doc.map().new_card_id();
    assert!(doc.map().card(card.id).is_none());
    doc.apply(Edit::InsertCard { position: 0, card }, None)
        .unwrap();
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn broken_references_of_the_method_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        // A card of a journey that does not exist.
        (
            "(id: 30, journey: 2,",
            "(id: 30, journey: 9,",
            "card 30 refers to journey 9, which does not exist",
        ),
        // Two journeys with one id.
        (
            "(id: 2, name: \"Target journey\"",
            "(id: 1, name: \"Target journey\"",
            "two journeys have the id 1",
        ),
        // A journey told for a persona that does not exist.
        (
            "kind: Target, persona: Some(1)",
            "kind: Target, persona: Some(7)",
            "journey 2 refers to persona 7, which does not exist",
        ),
        // A target without a current journey.
        (
            "kind: Current, persona: Some(1)",
            "kind: Other, persona: Some(1)",
            "journey 2 is a target journey, but the map has no current journey",
        ),
        // A KPI of a stage that does not exist.
        (
            "(id: 4, stage: 6, name: \"NPS\"",
            "(id: 4, stage: 60, name: \"NPS\"",
            "KPI 4 refers to stage 60, which does not exist",
        ),
    ];
    for (i, (from, to, expected)) in cases.into_iter().enumerate() {
        let text = pizza_text();
        assert!(text.contains(from), "the template has {from}");
        let path = write(
            dir.path(),
            &format!("case{i}.ron"),
            &text.replacen(from, to, 1),
        );
        let (_, message) = load_error(&path);
        assert!(message.contains(expected), "{message}");
        // The line of the item the message is about: the changed one, or for a target without a
        // current journey, the target.
        let about = if expected.contains("target journey") {
            "kind: Target"
        } else {
            from
        };
        let line = text.lines().position(|l| l.contains(about)).unwrap() + 1;
        assert!(
            message.contains(&format!(":{line}:")),
            "names line {line}: {message}"
        );
    }
}

#[test]
fn broken_links_of_actions_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let text = pizza_text();
    let action = text
        .lines()
        .find(|l| l.contains("(id: 1, title: \"Driver checks"))
        .unwrap()
        .to_owned();
    let line = text.lines().position(|l| l == action).unwrap() + 1;
    for (from, to, expected) in [
        (
            "card: Some(25)",
            "card: Some(250)",
            "action 1 refers to card 250",
        ),
        ("stages: [5]", "stages: [50]", "action 1 refers to stage 50"),
        (
            "owner: Some(4)",
            "owner: Some(40)",
            "action 1 refers to department 40",
        ),
        (
            "stream: Some(3)",
            "stream: Some(30)",
            "action 1 refers to stream 30",
        ),
        ("kpi: Some(3)", "kpi: Some(30)", "action 1 refers to KPI 30"),
    ] {
        assert!(action.contains(from), "{from} in {action}");
        let broken = text.replacen(&action, &action.replacen(from, to, 1), 1);
        let (_, message) = load_error(&write(dir.path(), "broken.ron", &broken));
        assert!(message.contains(expected), "{message}");
        assert!(
            message.contains(&format!(":{line}:")),
            "names line {line}: {message}"
        );
    }
}

#[test]
fn bad_phases_and_forks_are_refused_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "apart.ron",
            (
                "\"During the purchase\", stages: [3, 4, 5]",
                "\"During the purchase\", stages: [3, 5]",
            ),
            "the stages of phase 2 are not next to each other",
        ),
        (
            "twice.ron",
            (
                "\"After the purchase\", stages: [6]",
                "\"After the purchase\", stages: [5, 6]",
            ),
            "stage 5 is in phase 2 and in phase 3",
        ),
        (
            "nowhere.ron",
            ("\"From us\", to: Some(3)", "\"From us\", to: Some(33)"),
            "decision 1 refers to stage 33, which does not exist",
        ),
        (
            "own.ron",
            ("\"From us\", to: Some(3)", "\"From us\", to: Some(2)"),
            "branch 1 of decision 1 leads back to its own stage",
        ),
        (
            "lonely.ron",
            (", (label: \"From another pizzeria\")", ""),
            "decision 1 needs at least two branches",
        ),
    ];
    for (name, (from, to), expected) in cases {
        let text = pizza_text();
        assert!(text.contains(from), "{from}");
        let text = text.replacen(from, to, 1);
        let path = write(dir.path(), name, &text);
        let (_, message) = load_error(&path);
        assert!(message.contains(expected), "{name}: {message}");
        assert!(
            message.starts_with(&format!("{}:", path.display())),
            "{name}: {message}"
        );
        assert!(
            message.split(':').nth(1).unwrap().parse::<usize>().is_ok(),
            "{name} has a line: {message}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "untouched");
    }
}

#[test]
fn a_map_opened_by_a_relative_path_is_known_by_its_whole_path() {
    // The autosave journal records the map's path: a session started from another folder
    // must find the same file, and save to it. (Tests run in the package's folder.)
    let relative = std::path::Path::new("assets/templates/en/blank.ron");
    let doc = trayecto::document::Document::open(relative).unwrap();
    let path = doc.path.clone().unwrap();
    assert!(path.is_absolute(), "{path:?}");
    assert_eq!(path, std::env::current_dir().unwrap().join(relative));
}
