//! The autosave journal and crash recovery, below the window: when journals are written and
//! removed, what they hold, and how damaged ones are reported.

use std::time::{Duration, Instant};
use trayecto::document::Document;
use trayecto::edit::Edit;
use trayecto::recovery::{self, Autosave, AutosaveReport};
use trayecto::{file, templates};

fn edited_doc() -> Document {
    let mut doc = Document::new(templates::load("pizza").unwrap());
    doc.apply(Edit::SetTitle("Edited".into()), None).unwrap();
    doc
}

fn journals(data: &std::path::Path) -> Vec<recovery::Entry> {
    recovery::list(data, true).0
}

#[test]
fn the_journal_follows_two_seconds_after_the_last_edit() {
    let data = tempfile::tempdir().unwrap();
    let mut autosave = Autosave::new(Some(data.path().to_path_buf()));
    let doc = edited_doc();
    let start = Instant::now();
    let wait = autosave.tick(&doc, start).expect("a write is scheduled");
    assert!(wait <= Duration::from_secs(2));
    assert!(
        autosave
            .tick(&doc, start + Duration::from_millis(1900))
            .is_some()
    );
    autosave.flush();
    assert!(journals(data.path()).is_empty(), "not before 2 s of quiet");
    assert!(
        autosave
            .tick(&doc, start + Duration::from_millis(2001))
            .is_none()
    );
    autosave.flush();
    let entries = journals(data.path());
    assert_eq!(entries.len(), 1);
    let entry = &entries[0];
    assert_eq!(entry.header.title, "Edited");
    assert_eq!(entry.header.changes, 1);
    assert_eq!(entry.header.pid, std::process::id());
    assert_eq!(&entry.read_map().unwrap(), doc.map());
    assert!(
        recovery::list(data.path(), false).0.is_empty(),
        "a running editor's journal is not offered for recovery"
    );
}

#[test]
fn continuous_editing_is_journaled_at_least_every_ten_seconds() {
    let data = tempfile::tempdir().unwrap();
    let mut autosave = Autosave::new(Some(data.path().to_path_buf()));
    let mut doc = edited_doc();
    let start = Instant::now();
    let mut written_at = None;
    for second in 0..12u32 {
        let title = format!("Edit {second}");
        doc.apply(Edit::SetTitle(title), None).unwrap();
        let now = start + Duration::from_secs(u64::from(second));
        autosave.tick(&doc, now);
        autosave.flush();
        if written_at.is_none() && !journals(data.path()).is_empty() {
            written_at = Some(second);
        }
    }
    assert_eq!(
        written_at,
        Some(10),
        "edits every second never leave 2 s of quiet"
    );
}

#[test]
fn saving_or_undoing_to_the_saved_state_removes_the_journal() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    let mut autosave = Autosave::new(Some(data.path().to_path_buf()));
    let mut doc = edited_doc();
    let later = Instant::now() + Duration::from_secs(3);
    autosave.tick(&doc, Instant::now());
    autosave.tick(&doc, later);
    autosave.flush();
    assert_eq!(journals(data.path()).len(), 1);
    doc.save_as(&path).unwrap();
    autosave.tick(&doc, later);
    autosave.flush();
    assert!(
        journals(data.path()).is_empty(),
        "saved: nothing to recover"
    );

    doc.apply(Edit::SetTitle("Again".into()), None).unwrap();
    autosave.tick(&doc, later);
    autosave.tick(&doc, later + Duration::from_secs(3));
    autosave.flush();
    let entries = journals(data.path());
    assert_eq!(entries[0].header.path.as_deref(), Some(path.as_path()));
    assert!(entries[0].is_for(&path));
    doc.undo();
    autosave.tick(&doc, later + Duration::from_secs(4));
    autosave.flush();
    assert!(journals(data.path()).is_empty(), "back at the saved state");
}

#[test]
fn damaged_journals_are_reported_and_skipped() {
    let data = tempfile::tempdir().unwrap();
    let folder = recovery::journal_dir(data.path());
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("garbage.ron"), [0xff, 0x00, 0x12]).unwrap();
    std::fs::write(folder.join("empty.ron"), "").unwrap();
    let mut autosave = Autosave::new(Some(data.path().to_path_buf()));
    let doc = edited_doc();
    autosave.tick(&doc, Instant::now());
    autosave.tick(&doc, Instant::now() + Duration::from_secs(3));
    autosave.flush();
    let (entries, damaged) = recovery::list(data.path(), true);
    assert_eq!(entries.len(), 1);
    assert_eq!(damaged.len(), 2);
    // A journal whose map part is broken lists fine and fails only when read, with its name.
    let broken = folder.join("broken.ron");
    let text = std::fs::read_to_string(&entries[0].file).unwrap();
    std::fs::write(&broken, &text[..text.len() / 2]).unwrap();
    let (entries, _) = recovery::list(data.path(), true);
    let entry = entries.iter().find(|e| e.file == broken).unwrap();
    let error = entry.read_map().unwrap_err().to_string();
    assert!(error.starts_with(&broken.display().to_string()), "{error}");
}

#[test]
fn an_unwritable_data_folder_gives_a_warning_not_a_stop() {
    let data = tempfile::tempdir().unwrap();
    // A file where the data folder should be: nothing can be created inside it.
    let blocked = data.path().join("blocked");
    std::fs::write(&blocked, "").unwrap();
    let mut autosave = Autosave::new(Some(blocked));
    let doc = edited_doc();
    autosave.tick(&doc, Instant::now());
    autosave.tick(&doc, Instant::now() + Duration::from_secs(3));
    let report = loop {
        let reports = autosave.reports();
        if let Some(report) = reports.into_iter().next() {
            break report;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(
        matches!(report, AutosaveReport::Failed { .. }),
        "{report:?}"
    );
}

#[test]
fn a_journal_holds_exactly_what_save_would_write() {
    let data = tempfile::tempdir().unwrap();
    let mut autosave = Autosave::new(Some(data.path().to_path_buf()));
    let mut doc = Document::new(trayecto::sample::generated(20, 8, 2_000));
    doc.apply(Edit::SetTitle("Big".into()), None).unwrap();
    autosave.tick(&doc, Instant::now());
    autosave.tick(&doc, Instant::now() + Duration::from_secs(3));
    autosave.flush();
    let entry = &journals(data.path())[0];
    let text = std::fs::read_to_string(&entry.file).unwrap();
    let (_, body) = text.split_once('\n').unwrap();
    assert_eq!(body, trayecto::format::to_text(doc.map()));
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("recovered.ron");
    file::save(&path, &entry.read_map().unwrap()).unwrap();
    assert_eq!(&file::load(&path).unwrap(), doc.map());
}

#[test]
fn the_journal_counts_undo_steps_and_says_which_journey_was_shown() {
    use trayecto::edit::CardField;
    use trayecto::history::MergeKey;
    let data = tempfile::tempdir().unwrap();
    let mut autosave = Autosave::new(Some(data.path().to_path_buf()));
    let mut doc = Document::new(templates::load("pizza").unwrap());
    let (current, target) = {
        let (c, t) = doc.map().current_and_target().unwrap();
        (c.id, t.id)
    };
    // A card's title typed letter by letter is one step; two titles of the map, two more.
    let card = doc.map().cards[0].id;
    for text in ["L", "La", "Lat", "Late"] {
        let edit = Edit::SetCard {
            id: card,
            field: CardField::Title(text.into()),
        };
        doc.apply(edit, Some(MergeKey("card title", card.0)))
            .unwrap();
    }
    doc.history.seal();
    for title in ["Late deliveries", "Late deliveries, B2B"] {
        doc.apply(Edit::SetTitle(title.into()), None).unwrap();
    }
    let shown = |journey| recovery::Shown {
        journey,
        compare: None,
    };
    autosave.show(shown(target));
    let start = Instant::now();
    autosave.tick(&doc, start);
    autosave.tick(&doc, start + Duration::from_secs(3));
    autosave.flush();
    let entry = journals(data.path()).remove(0);
    assert_eq!(entry.header.steps(), Some(3));
    assert_eq!(entry.header.shown, Some(shown(target)));
    // Undone, a step no longer counts.
    doc.undo();
    autosave.tick(&doc, start + Duration::from_secs(4));
    autosave.tick(&doc, start + Duration::from_secs(7));
    autosave.flush();
    assert_eq!(journals(data.path())[0].header.steps(), Some(2));
    // Showing another journey, with nothing else changed, is journaled too (after the same
    // quiet), so a restore opens where the facilitator was.
    autosave.show(shown(current));
    assert!(
        autosave
            .tick(&doc, start + Duration::from_secs(8))
            .is_some()
    );
    autosave.tick(&doc, start + Duration::from_secs(11));
    autosave.flush();
    let entry = journals(data.path()).remove(0);
    assert_eq!(entry.header.shown, Some(shown(current)));
    assert_eq!(&entry.read_map().unwrap(), doc.map());
}

#[test]
fn journals_of_the_first_version_still_open() {
    let data = tempfile::tempdir().unwrap();
    let map = templates::load("pizza").unwrap();
    // The header line as the first version wrote it: its count took in every keystroke.
    let folder = recovery::journal_dir(data.path());
    std::fs::create_dir_all(&folder).unwrap();
    let header = format!(
        "(journal:1,path:None,title:\"Ordering a pizza\",time:{},changes:291,cards:{},\
         pid:4294967294)\n",
        recovery::now_secs() - 60,
        map.cards.len()
    );
    let text = header + &trayecto::format::to_text(&map);
    std::fs::write(folder.join("1-1.ron"), text).unwrap();
    let (entries, damaged) = recovery::list(data.path(), false);
    assert!(damaged.is_empty(), "{damaged:?}");
    let entry = &entries[0];
    assert_eq!(entry.header.journal, 1);
    assert_eq!(
        entry.header.steps(),
        None,
        "291 keystrokes are not 291 steps"
    );
    assert_eq!(entry.header.shown, None);
    assert_eq!(entry.read_map().unwrap(), map);
}
