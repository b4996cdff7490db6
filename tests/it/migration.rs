//! Every map written by an earlier release opens with nothing lost: the format-1 fixtures
//! (written by commit 1792b7a, see tests/fixtures/README.md) migrate to the current format,
//! field by field, and survive saving and loading again.

use std::path::{Path, PathBuf};
use trayecto::format::ron::v1;
use trayecto::format::{self, FORMAT_VERSION, ParseError};
use trayecto::model::{Feeling, JourneyKind, MomentKind};
use trayecto::{file, templates};

fn fixtures(version: u32) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/v{version}"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_format_1_fixture_migrates_with_nothing_lost() {
    let files = fixtures(1);
    assert!(files.len() >= 5, "the fixtures are there");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        // The same text through the frozen format-1 types: what the file holds.
        let old: v1::MapFile = ron::from_str(&text).unwrap();
        assert_eq!(old.format, 1);
        let old = old.map;
        let parsed = format::read(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(parsed.version, 1);
        assert!(parsed.migrated());
        let map = parsed.map;
        let name = path.display();

        assert_eq!(map.title, old.title, "{name}");
        let ids = |v: Vec<u32>| v;
        assert_eq!(
            ids(map.stages.iter().map(|s| s.id.0).collect()),
            ids(old.stages.iter().map(|s| s.id.0).collect()),
            "{name}"
        );
        for (new, old) in map.stages.iter().zip(&old.stages) {
            assert_eq!(new.name, old.name, "{name}");
        }
        assert_eq!(map.lanes.len(), old.lanes.len(), "{name}");
        for (new, old) in map.lanes.iter().zip(&old.lanes) {
            assert_eq!((new.id, &new.name, new.kind), (old.id, &old.name, old.kind));
        }

        // One current journey, told for the old persona when there was one.
        assert_eq!(map.journeys.len(), 1, "{name}");
        let journey = &map.journeys[0];
        assert_eq!(journey.kind, JourneyKind::Current);
        let had_persona = !(old.persona.name.is_empty()
            && old.persona.description.is_empty()
            && old.persona.goals.is_empty());
        if had_persona {
            let persona = &map.personas[0];
            assert_eq!(journey.persona, Some(persona.id));
            assert_eq!(persona.name, old.persona.name);
            assert_eq!(persona.description, old.persona.description);
            assert_eq!(persona.goals, old.persona.goals);
        } else {
            assert!(
                map.personas.is_empty() && journey.persona.is_none(),
                "{name}"
            );
        }
        // Stage feelings set by hand are the journey's curve points.
        for stage in &old.stages {
            assert_eq!(
                journey.curve.get(&stage.id).copied(),
                stage.feeling,
                "{name}"
            );
        }

        // Every card, in the same order, with every field; moments become gain or pain.
        assert_eq!(map.cards.len(), old.cards.len(), "{name}");
        for (new, old) in map.cards.iter().zip(&old.cards) {
            assert_eq!(new.journey, journey.id);
            assert_eq!(
                (new.id, new.stage, new.lane, &new.title, &new.notes),
                (old.id, old.stage, old.lane, &old.title, &old.notes),
                "{name}"
            );
            assert_eq!((new.channel, new.feeling), (old.channel, old.feeling));
            let expected = old.moment.then(|| {
                if old.feeling.is_some_and(|f| f <= Feeling::Neutral) {
                    MomentKind::Pain
                } else {
                    MomentKind::Gain
                }
            });
            assert_eq!(new.moment_kind(), expected, "card {} of {name}", old.id.0);
        }
        assert!(map.kpis.is_empty());

        // Saved in the current format, it reads back the same.
        let again = format::read(&format::to_text(&map)).unwrap();
        assert_eq!(again.version, FORMAT_VERSION);
        assert_eq!(again.map, map, "{name} round-trips");
    }
}

#[test]
fn the_rich_fixture_keeps_its_particulars() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/rich.ron");
    let map = file::load(&path).unwrap();
    let card = |id: u32| map.cards.iter().find(|c| c.id.0 == id).unwrap();
    // Neutral and worse are pains, better is a gain, and a moment with no feeling a gain.
    assert_eq!(card(2).moment_kind(), Some(MomentKind::Pain)); // sad
    assert_eq!(card(3).moment_kind(), Some(MomentKind::Pain)); // neutral
    assert_eq!(card(5).moment_kind(), Some(MomentKind::Gain)); // delighted
    assert_eq!(card(6).moment_kind(), Some(MomentKind::Pain)); // angry
    assert_eq!(card(7).moment_kind(), Some(MomentKind::Gain)); // happy
    assert_eq!(card(10).moment_kind(), Some(MomentKind::Gain)); // no feeling
    assert_eq!(card(5).notes, "Respuesta en 2 minutos.\nMuy amable.");
    assert!(map.personas[0].name.contains('🚗'));
    assert!(map.personas[0].description.contains('\t'));
    assert_eq!(map.stages[4].name, "Después \\ de pagar");
    // Ids out of order keep their order in the cell.
    let cell: Vec<u32> = map
        .cards
        .iter()
        .filter(|c| c.stage.0 == 3 && c.lane.0 == 5)
        .map(|c| c.id.0)
        .collect();
    assert_eq!(cell, [1, 40, 15]);
}

#[test]
fn files_from_a_newer_format_are_refused_not_downgraded() {
    let text = format::to_text(&templates::load("pizza").unwrap()).replacen(
        &format!("format: {FORMAT_VERSION}"),
        &format!("format: {}", FORMAT_VERSION + 1),
        1,
    );
    assert!(matches!(
        format::read(&text),
        Err(ParseError::NewerVersion { .. })
    ));
}

#[test]
fn upgrade_rewrites_old_maps_and_keeps_the_original_once() {
    let dir = tempfile::tempdir().unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/pizza.ron");
    let path = dir.path().join("pizza.ron");
    std::fs::copy(&source, &path).unwrap();
    let original = std::fs::read_to_string(&path).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_trayecto"))
            .args(args)
            .env("LC_ALL", "C")
            .output()
            .unwrap()
    };
    let p = path.to_str().unwrap();
    let out = run(&["upgrade", p]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        said.contains(&format!("format 1 → {FORMAT_VERSION}")),
        "{said}"
    );
    let backup = dir.path().join("pizza.ron.bak");
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), original);
    let loaded = file::open(&path).unwrap();
    assert_eq!(loaded.version, FORMAT_VERSION);
    assert_eq!(loaded.map, format::parse(&original).unwrap());
    // A second run finds nothing to do and leaves the backup alone.
    let out = run(&["upgrade", p]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("already in format"));
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), original);
    // A bad file among several: the others are upgraded, the exit code says one failed.
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format: 1, map: (").unwrap();
    let second = dir.path().join("classic.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/classic.ron"),
        &second,
    )
    .unwrap();
    let out = run(&["upgrade", bad.to_str().unwrap(), second.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with(bad.to_str().unwrap()));
    assert_eq!(file::open(&second).unwrap().version, FORMAT_VERSION);
}

#[test]
fn the_first_save_of_a_migrated_map_keeps_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/rich.ron");
    let path = dir.path().join("rich.ron");
    std::fs::copy(&source, &path).unwrap();
    let original = std::fs::read_to_string(&path).unwrap();
    let mut doc = trayecto::document::Document::open(&path).unwrap();
    assert_eq!(doc.migrated_from, Some(1));
    doc.save_as(&path).unwrap();
    let backup = dir.path().join("rich.ron.bak");
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), original);
    // Later saves leave it.
    doc.apply(trayecto::edit::Edit::SetTitle("Later".into()), None)
        .unwrap();
    doc.save_as(&path).unwrap();
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), original);
}

#[test]
fn every_format_2_fixture_migrates_with_nothing_lost() {
    let files = fixtures(2);
    assert!(files.len() >= 4, "the fixtures are there");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let old: trayecto::format::ron::v2::MapFile = ron::from_str(&text).unwrap();
        assert_eq!(old.format, 2);
        let old = old.map;
        let parsed = format::read(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(parsed.version, 2);
        let map = parsed.map;
        let name = path.display();
        // Everything format 2 had is there as it was…
        assert_eq!(map.title, old.title, "{name}");
        assert_eq!(map.personas, old.personas, "{name}");
        assert_eq!(map.stages, old.stages, "{name}");
        assert_eq!(map.lanes, old.lanes, "{name}");
        assert_eq!(map.journeys, old.journeys, "{name}");
        assert_eq!(map.cards, old.cards, "{name}");
        assert_eq!(map.kpis, old.kpis, "{name}");
        // …and the roadmap starts empty, with the usual departments and the method's streams;
        // no phases or forks yet.
        assert!(map.actions.is_empty());
        assert!(map.phases.is_empty() && map.forks.is_empty());
        assert_eq!(map.departments, trayecto::model::default_departments());
        assert_eq!(map.streams, trayecto::model::default_streams());
        let again = format::read(&format::to_text(&map)).unwrap();
        assert_eq!(again.version, FORMAT_VERSION);
        assert_eq!(again.map, map, "{name} round-trips");
    }
}

#[test]
fn format_1_goes_through_format_2_to_today() {
    for path in fixtures(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let v1: v1::MapFile = ron::from_str(&text).unwrap();
        let through_2 = trayecto::format::ron::v4::migrate(trayecto::format::ron::v3::migrate(
            trayecto::format::ron::v2::migrate(v1::migrate(v1.map)),
        ));
        assert_eq!(
            format::parse(&text).unwrap(),
            through_2,
            "{}",
            path.display()
        );
    }
}

#[test]
fn every_format_3_fixture_migrates_with_nothing_lost() {
    let files = fixtures(3);
    assert!(files.len() >= 4, "the fixtures are there");
    let mut actions = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let old: trayecto::format::ron::v3::MapFile = ron::from_str(&text).unwrap();
        assert_eq!(old.format, 3);
        let old = old.map;
        let parsed = format::read(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(parsed.version, 3);
        assert!(parsed.migrated());
        let map = parsed.map;
        let name = path.display();
        // Everything format 3 had is there as it was…
        assert_eq!(map.title, old.title, "{name}");
        assert_eq!(map.personas, old.personas, "{name}");
        assert_eq!(map.stages, old.stages, "{name}");
        assert_eq!(map.lanes, old.lanes, "{name}");
        assert_eq!(map.journeys, old.journeys, "{name}");
        assert_eq!(map.cards, old.cards, "{name}");
        assert_eq!(map.kpis, old.kpis, "{name}");
        assert_eq!(map.departments, old.departments, "{name}");
        assert_eq!(map.streams, old.streams, "{name}");
        assert_eq!(map.actions, old.actions, "{name}");
        actions += map.actions.len();
        // …with no phases and no forks yet.
        assert!(map.phases.is_empty() && map.forks.is_empty(), "{name}");
        let again = format::read(&format::to_text(&map)).unwrap();
        assert_eq!(again.version, FORMAT_VERSION);
        assert_eq!(again.map, map, "{name} round-trips");
    }
    assert!(actions > 0, "the fixtures carry actions");
}

#[test]
fn every_earlier_format_reaches_today_through_each_step() {
    for path in fixtures(2) {
        let text = std::fs::read_to_string(&path).unwrap();
        let v2: trayecto::format::ron::v2::MapFile = ron::from_str(&text).unwrap();
        let stepped = trayecto::format::ron::v4::migrate(trayecto::format::ron::v3::migrate(
            trayecto::format::ron::v2::migrate(v2.map),
        ));
        assert_eq!(format::parse(&text).unwrap(), stepped, "{}", path.display());
    }
    for path in fixtures(3) {
        let text = std::fs::read_to_string(&path).unwrap();
        let v3: trayecto::format::ron::v3::MapFile = ron::from_str(&text).unwrap();
        let stepped =
            trayecto::format::ron::v4::migrate(trayecto::format::ron::v3::migrate(v3.map));
        assert_eq!(format::parse(&text).unwrap(), stepped, "{}", path.display());
    }
}

#[test]
fn every_format_4_fixture_migrates_with_nothing_lost() {
    let files = fixtures(4);
    assert_eq!(files.len(), 5);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let old: trayecto::format::ron::v4::MapFile = ron::from_str(&text).unwrap();
        assert_eq!(old.format, 4);
        let old = old.map;
        let parsed = format::read(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(parsed.version, 4, "{}", path.display());
        assert!(parsed.migrated());
        let map = parsed.map;
        let name = path.display();
        // Everything format 4 had is there as it was…
        assert_eq!(map.title, old.title, "{name}");
        assert_eq!(map.personas, old.personas, "{name}");
        assert_eq!(map.stages, old.stages, "{name}");
        assert_eq!(map.lanes, old.lanes, "{name}");
        assert_eq!(map.journeys, old.journeys, "{name}");
        assert_eq!(map.cards, old.cards, "{name}");
        assert_eq!(map.kpis, old.kpis, "{name}");
        assert_eq!(map.departments, old.departments, "{name}");
        assert_eq!(map.streams, old.streams, "{name}");
        assert_eq!(map.actions, old.actions, "{name}");
        assert_eq!(map.phases, old.phases, "{name}");
        assert_eq!(map.forks, old.forks, "{name}");
        // …with a room as a new map has it: no dots, three each, voting open and hidden.
        assert_eq!(map.room, trayecto::model::Room::default(), "{name}");
        assert!(map.votes.is_empty(), "{name}");
        // Saved, only the version changes: the room at its defaults takes no line.
        let saved = format::to_text(&map);
        assert_eq!(
            saved,
            text.replacen("format: 4,", &format!("format: {FORMAT_VERSION},"), 1),
            "{name}"
        );
        let again = format::read(&saved).unwrap();
        assert_eq!(again.version, FORMAT_VERSION);
        assert_eq!(again.map, map, "{name} round-trips");
    }
    // The Spanish example keeps its phases and its decision.
    let es = file::load(
        &fixtures(4)
            .into_iter()
            .find(|p| p.ends_with("pizza-es.ron"))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(es.phases.len(), 3);
    assert!(!es.forks.is_empty());
}

#[test]
fn every_earlier_fixture_opens_and_saves_in_the_current_format() {
    let mut seen = 0;
    for version in 1..FORMAT_VERSION {
        for path in fixtures(version) {
            let name = path.display();
            let map = file::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            let dir = tempfile::tempdir().unwrap();
            let saved = dir.path().join("saved.ron");
            file::save(&saved, &map).unwrap();
            let text = std::fs::read_to_string(&saved).unwrap();
            assert!(
                text.starts_with(&format!("(\n    format: {FORMAT_VERSION},\n")),
                "{name}"
            );
            let reopened = file::open(&saved).unwrap();
            assert_eq!(reopened.version, FORMAT_VERSION, "{name}");
            assert_eq!(reopened.map, map, "{name}: nothing dropped on the way");
            seen += 1;
        }
    }
    assert_eq!(seen, 5 + 4 + 4 + 5, "every fixture of every earlier format");
}

#[test]
fn every_format_5_fixture_opens_and_saves_to_the_same_text() {
    let files = fixtures(5);
    assert_eq!(files.len(), 4);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = format::read(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(parsed.version, 5, "{}", path.display());
        if FORMAT_VERSION == 5 {
            // Nothing lost, nothing changed: today's writer gives back the very same text.
            assert_eq!(format::to_text(&parsed.map), text, "{}", path.display());
        }
        let reloaded = format::parse(&format::to_text(&parsed.map)).unwrap();
        assert_eq!(reloaded, parsed.map, "{}", path.display());
    }
}

#[test]
fn the_workshop_fixture_keeps_its_dots_names_and_room() {
    use trayecto::model::{CardId, LaneId, ParticipantId};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v5/workshop.ron");
    let map = file::load(&path).unwrap();
    let room = &map.room;
    assert!(room.closed && room.revealed);
    assert_eq!(room.dots, 4);
    assert_eq!(map.votes.len(), 13);
    assert_eq!(map.participants(), 4);
    assert_eq!(room.votable_lanes.get(&LaneId(4)), Some(&true));
    assert_eq!(room.votable_cards.get(&CardId(48)), Some(&false));
    assert_eq!(room.votable_cards.get(&CardId(11)), Some(&true));
    // A name is kept only where one was given, as given.
    let marta = ParticipantId::new("7c1e9a40-2b6f-4d8e-9a31-5f0c2e8b7d14");
    assert_eq!(map.name_of(&marta), Some("Marta Núñez 🚗"));
    let nameless = map.votes.iter().filter(|v| v.name.is_empty()).count();
    assert!(nameless > 0 && nameless < map.votes.len());
    // The dots are on the cards they were put on: the most on the wrong pizza.
    let tally = map.tally();
    let (most, _) = tally.iter().max_by_key(|(_, t)| t.votes).unwrap();
    assert_eq!(
        map.card(*most).unwrap().title,
        "No way to report it at the door"
    );
}

#[test]
fn a_format_4_file_cannot_carry_a_room() {
    // Format 4 knew no room: a file that says 4 and holds one is refused, not half-read.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v5/workshop.ron"),
    )
    .unwrap()
    .replacen("format: 5,", "format: 4,", 1);
    let error = format::read(&text).unwrap_err().to_string();
    assert!(error.contains("room"), "{error}");
}
