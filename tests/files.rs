//! Loading refuses every kind of bad file with a clear message; saving never damages a file.

use std::path::Path;
use trayecto::document::Document;
use trayecto::edit::Edit;
use trayecto::file::{self, FileErrorKind, MAX_FILE_BYTES};
use trayecto::format::{self, FORMAT_VERSION, ParseError};
use trayecto::model::Invalid;
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
        FileErrorKind::Parse(ParseError::Syntax { line, col, .. }) => {
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
            FileErrorKind::Parse(ParseError::Invalid(Invalid::UnknownStage { stage: 77, .. }))
        ),
        "{message}"
    );
    assert!(message.contains("stage 77"), "{message}");

    let text = pizza_text().replacen("lane: 1,", "lane: 88,", 1);
    let (kind, _) = load_error(&write(dir.path(), "lane.ron", &text));
    assert!(matches!(
        kind,
        FileErrorKind::Parse(ParseError::Invalid(Invalid::UnknownLane { lane: 88, .. }))
    ));
}

#[test]
fn duplicate_ids_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = pizza_text().replacen("id: 2,", "id: 1,", 1);
    let (kind, message) = load_error(&write(dir.path(), "dup.ron", &text));
    assert!(
        matches!(
            kind,
            FileErrorKind::Parse(ParseError::Invalid(Invalid::DuplicateStage(1)))
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
        stage: map.stages[0].id,
        lane: map.lanes[0].id,
        title: String::new(),
        notes: String::new(),
        channel: None,
        feeling: None,
        moment: false,
    };
    let cards: Vec<_> = (1..=trayecto::model::limits::CARDS as u32 + 1)
        .map(card)
        .collect();
    map.cards = cards;
    let error = format::parse(&format::to_text(&map)).unwrap_err();
    assert!(matches!(
        error,
        ParseError::Invalid(Invalid::TooMany { what: "cards", .. })
    ));
}

#[test]
fn binary_deep_and_missing_files_are_errors_not_crashes() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("binary.ron");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x28]).unwrap();
    assert!(matches!(load_error(&binary).0, FileErrorKind::NotText));

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
        text.starts_with("(\n    format: 1,\n    map: ("),
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
