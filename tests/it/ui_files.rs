//! The window and the disk: recovering unsaved work after a crash, and files changed by other
//! programs while they are open.

use crate::ui::{harness_with, pizza};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use std::time::Duration;
use trayecto::document::Document;
use trayecto::i18n::strings;
use trayecto::recovery;
use trayecto::ui::{AppOptions, Dialog, TrayectoApp};
use trayecto::{file, templates};

/// A journal left by an editor that crashed two minutes ago.
fn crashed_journal(data: &Path, key: &str, path: Option<&Path>, title: &str) -> std::path::PathBuf {
    let mut map = pizza();
    map.title = title.to_owned();
    let time = recovery::now_secs() - 120;
    crate::support::crashed_journal(data, key, &map, path, time, 3)
}

fn with_data_dir(data: &Path) -> AppOptions {
    AppOptions {
        data_dir: Some(data.to_path_buf()),
        ..AppOptions::default()
    }
}

#[test]
fn after_a_crash_the_editor_offers_the_unsaved_work_and_restores_it() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.ron");
    file::save(&path, &pizza()).unwrap();
    let journal = crashed_journal(data.path(), "111-1", Some(&path), "Rescued title");
    let other = crashed_journal(data.path(), "111-2", None, "Never saved");

    let mut harness = harness_with(Document::new(pizza()), with_data_dir(data.path()));
    assert!(matches!(harness.state().dialog(), Some(Dialog::Recover(e)) if e.len() == 2));
    harness.get_by_label("Rescued title");
    harness.get_by_label("Never saved");
    harness.get_by_label(&path.display().to_string());
    harness
        .get_all_by_label(strings::restore_button())
        .next()
        .unwrap()
        .click();
    harness.run();

    let doc = harness.state().document();
    assert_eq!(doc.map().title, "Rescued title");
    assert_eq!(doc.path.as_deref(), Some(path.as_path()));
    assert!(doc.is_dirty(), "a restored map is not saved yet");
    assert!(harness.state().dialog().is_none());
    assert!(journal.exists(), "kept until the map is saved");

    // Saving puts the work in the file and retires the journal; the other map waits.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.state_mut().flush_autosave();
    assert_eq!(file::load(&path).unwrap().title, "Rescued title");
    assert!(!journal.exists());
    assert!(other.exists(), "kept for later");
}

#[test]
fn discarding_recovered_work_removes_only_that_journal() {
    let data = tempfile::tempdir().unwrap();
    let first = crashed_journal(data.path(), "222-1", None, "First");
    let second = crashed_journal(data.path(), "222-2", None, "Second");
    let mut harness = harness_with(Document::new(pizza()), with_data_dir(data.path()));
    let buttons: Vec<_> = harness
        .get_all_by_label(strings::discard_recovery_button())
        .collect();
    assert_eq!(buttons.len(), 2);
    buttons[0].click();
    harness.run();
    assert_eq!(
        [first.exists(), second.exists()]
            .iter()
            .filter(|e| **e)
            .count(),
        1
    );
    assert!(matches!(harness.state().dialog(), Some(Dialog::Recover(e)) if e.len() == 1));
    harness.get_by_label(strings::keep_for_later()).click();
    harness.run();
    assert!(harness.state().dialog().is_none());
    assert_eq!(
        harness.state().document().map(),
        &pizza(),
        "nothing replaced"
    );
}

/// The app on `path`, watching it.
fn watching(path: &Path) -> Harness<'static, TrayectoApp> {
    let options = AppOptions {
        watch_files: true,
        ..AppOptions::default()
    };
    harness_with(Document::open(path).unwrap(), options)
}

/// Runs frames until `done` holds (the watcher reports from its own thread, and the file is
/// read on another; the status bar's spinner repaints meanwhile).
fn run_until(harness: &mut Harness<'_, TrayectoApp>, done: impl Fn(&TrayectoApp) -> bool) {
    for _ in 0..100 {
        harness.run_steps(4);
        if done(harness.state()) {
            // Frames that draw what it brought (a dialog) for the queries that follow.
            harness.run_steps(2);
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out; status: {}", harness.state().status());
}

/// Types a new map title in the inspector, as a person would, and leaves the field.
fn retitle(harness: &mut Harness<'_, TrayectoApp>, title: &str) {
    let field = harness.get_by_label(strings::title());
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text(title.into()));
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().document().map().title, title);
}

fn someone_else_writes(path: &Path, title: &str) {
    let mut theirs = pizza();
    theirs.title = title.to_owned();
    // Not through our save: a plain write, as another editor would.
    std::fs::write(path, trayecto::format::to_text(&theirs)).unwrap();
}

#[test]
fn a_map_is_opened_by_a_worker_and_the_window_goes_on_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.ron");
    let mut other = pizza();
    other.title = "Another map".into();
    file::save(&path, &other).unwrap();
    let mut harness = harness_with(Document::new(pizza()), AppOptions::default());
    harness
        .state_mut()
        .run(trayecto::ui::Command::OpenFile(path.clone()));
    harness.step();
    // Asked for, not read on the window's thread: the frame is drawn with the old map.
    assert_eq!(harness.state().document().map().title, "Ordering a pizza");
    harness.state_mut().finish_reading();
    harness.run();
    assert_eq!(harness.state().document().map().title, "Another map");
    assert!(harness.state().status().contains("other.ron"));
}

#[test]
fn a_file_changed_on_disk_is_reloaded_when_there_is_nothing_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.ron");
    file::save(&path, &pizza()).unwrap();
    let mut harness = watching(&path);
    someone_else_writes(&path, "Their title");
    run_until(&mut harness, |app| {
        app.document().map().title == "Their title"
    });
    assert!(!harness.state().document().is_dirty());
    assert!(harness.state().status().contains("reloaded"));
    // Undo goes back to what was there before, which no longer matches the file.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().map().title, "Ordering a pizza");
    assert!(harness.state().document().is_dirty());
}

#[test]
fn with_unsaved_edits_a_change_on_disk_asks_and_keep_mine_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.ron");
    file::save(&path, &pizza()).unwrap();
    let mut harness = watching(&path);
    retitle(&mut harness, "My title");
    someone_else_writes(&path, "Their title");
    run_until(&mut harness, |app| {
        matches!(app.dialog(), Some(Dialog::Conflict { .. }))
    });
    assert_eq!(harness.state().document().map().title, "My title");
    harness.get_by_label(strings::keep_mine()).click();
    harness.run();
    assert_eq!(file::load(&path).unwrap().title, "My title");
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn take_theirs_keeps_my_edits_in_undo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.ron");
    file::save(&path, &pizza()).unwrap();
    // Not watching: the check right before saving finds the change.
    let mut harness = harness_with(Document::open(&path).unwrap(), AppOptions::default());
    retitle(&mut harness, "My title");
    someone_else_writes(&path, "Their title");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Conflict { .. })
    ));
    assert_eq!(
        file::load(&path).unwrap().title,
        "Their title",
        "not overwritten"
    );
    harness.get_by_label(strings::take_theirs()).click();
    // The file is read on a worker thread; wait for it, then let the window take it.
    harness.step();
    harness.state_mut().finish_reading();
    harness.run();
    assert_eq!(harness.state().document().map().title, "Their title");
    assert!(!harness.state().document().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().map().title, "My title");
}

#[test]
fn a_deleted_file_is_noticed_and_saving_recreates_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.ron");
    file::save(&path, &templates::load("five-steps").unwrap()).unwrap();
    let mut harness = watching(&path);
    std::fs::remove_file(&path).unwrap();
    run_until(&mut harness, |app| app.document().is_dirty());
    assert!(harness.state().status().contains("deleted or moved"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(
        file::load(&path).unwrap(),
        templates::load("five-steps").unwrap()
    );
}

#[test]
fn a_restored_map_opens_on_the_journey_that_was_shown_and_counts_its_steps() {
    let data = tempfile::tempdir().unwrap();
    let mut map = pizza();
    map.title = "Late deliveries".into();
    let target = map.current_and_target().unwrap().1.id;
    let header = recovery::Header {
        journal: 2,
        path: None,
        title: "Late deliveries".into(),
        time: recovery::now_secs() - 60,
        changes: 25,
        cards: map.cards.len(),
        pid: u32::MAX - 1,
        shown: Some(recovery::Shown {
            journey: target,
            compare: None,
        }),
        inbox: Vec::new(),
    };
    let folder = recovery::journal_dir(data.path());
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("222-1.ron"),
        recovery::journal_text(&header, &map),
    )
    .unwrap();
    // An older editor's journal of another map: no count it could trust, and no journey.
    crashed_journal(data.path(), "111-1", None, "Older journal");

    let mut harness = harness_with(Document::new(pizza()), with_data_dir(data.path()));
    let cards = map.cards.len();
    let counted = strings::recovery_details(Some(25), cards, Duration::from_secs(60));
    harness.get_by_label(&counted);
    let uncounted = strings::recovery_details(None, cards, Duration::from_secs(120));
    harness.get_by_label(&uncounted);
    // The newest journal (the one of the window's own version) comes first.
    harness
        .get_all_by_label(strings::restore_button())
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().document().map().title, "Late deliveries");
    assert_eq!(harness.state().view().journey, target);
    let doc = harness.state().document();
    assert_eq!(doc.history.steps_since_save(), 25);
    assert!(doc.is_dirty());
}
