//! Other tools' files in the window: a spreadsheet or a Mermaid diagram opens as a new,
//! unsaved map with its import report; Save asks for a map file and never writes over the
//! source; the map exports to each other format, with what it could not hold listed.

use crate::ui::{harness_with, pizza};
use trayecto::document::Document;
use trayecto::ui::{AppOptions, Command, Dialog};

const SHEET: &str = "stage,lane,title,feeling,colour\n\
Arrive,Actions,Park the car,happy,red\n\
Arrive,Actions,Find the door,sad,blue\n\
Pay,Actions,Pay at the till,5,green\n";

#[test]
fn a_sheet_opens_as_a_new_unsaved_map_with_its_import_report() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("visit.csv");
    std::fs::write(&sheet, SHEET).unwrap();
    let mut harness = harness_with(Document::new(pizza()), AppOptions::default());
    harness.state_mut().run(Command::OpenFile(sheet.clone()));
    harness.step();
    harness.state_mut().finish_reading();
    harness.run();
    let app = harness.state();
    let doc = app.document();
    assert_eq!(doc.map().cards.len(), 3);
    assert_eq!(doc.path, None, "an import has no map file yet");
    assert!(doc.is_dirty(), "an import is unsaved work");
    assert_eq!(doc.name(), "visit.csv (imported)");
    // The unknown column is in the report.
    match app.dialog() {
        Some(Dialog::Report { notes, .. }) => {
            assert!(notes.iter().any(|n| n.contains("colour")), "{notes:?}")
        }
        other => panic!("no import report: {other:?}"),
    }
    assert!(app.status().contains("visit.csv"), "{}", app.status());
    // Save suggests a map file beside the sheet, not the sheet.
    harness.state_mut().run(Command::Cancel);
    harness.state_mut().run(Command::SaveTo(sheet.clone()));
    harness.run();
    assert_eq!(
        std::fs::read_to_string(&sheet).unwrap(),
        SHEET,
        "the source was written over"
    );
    assert!(matches!(harness.state().dialog(), Some(Dialog::Error(_))));
    harness.state_mut().run(Command::Cancel);
    let saved = dir.path().join("visit.ron");
    harness.state_mut().run(Command::SaveTo(saved.clone()));
    harness.run();
    let doc = harness.state().document();
    assert_eq!(doc.path.as_deref(), Some(saved.as_path()));
    assert!(!doc.is_dirty());
    assert_eq!(trayecto::file::load(&saved).unwrap().cards.len(), 3);
    assert_eq!(std::fs::read_to_string(&sheet).unwrap(), SHEET);
}

#[test]
fn the_map_exports_to_other_formats_and_keeps_its_own_file() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("pizza.ron");
    trayecto::file::save(&own, &pizza()).unwrap();
    let mut harness = harness_with(Document::open(&own).unwrap(), AppOptions::default());
    for extension in ["csv", "mmd", "ojf"] {
        let out = dir.path().join(format!("pizza.{extension}"));
        harness.state_mut().run(Command::ExportMapTo(out.clone()));
        harness.run();
        assert!(out.exists(), "{extension}");
        // The pizza holds more than any of them: what was left out is listed.
        match harness.state().dialog() {
            Some(Dialog::Report { notes, .. }) => assert!(!notes.is_empty()),
            other => panic!("{extension}: no report: {other:?}"),
        }
        harness.state_mut().run(Command::Cancel);
        assert_eq!(
            harness.state().document().path.as_deref(),
            Some(own.as_path())
        );
        let back = trayecto::file::open(&out).unwrap();
        assert!(back.is_import());
        assert!(!back.map.cards.is_empty(), "{extension}");
    }
    // "Save as" a sheet writes a copy in that format; the map keeps its file.
    let copy = dir.path().join("copy.csv");
    harness.state_mut().run(Command::SaveTo(copy.clone()));
    harness.run();
    assert!(copy.exists());
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(own.as_path())
    );
}

#[test]
fn a_sheet_given_at_start_shows_its_report_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("visit.csv");
    std::fs::write(&sheet, SHEET).unwrap();
    let harness = harness_with(Document::open(&sheet).unwrap(), AppOptions::default());
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Report { .. })
    ));
    assert_eq!(harness.state().document().path, None);
}
