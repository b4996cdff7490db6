//! The workshop room as the facilitator meets it in the editor: opened from the command line's
//! options, dots landing on the map beside the undo steps, notes waiting in the inbox until
//! accepted as cards (one undo step), votes revealed, cleared and ranked, the room closed.

use crate::http_client;
use crate::ui::{harness_with, pizza};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::net::TcpStream;
use std::time::{Duration, Instant};
use trayecto::document::Document;
use trayecto::edit::Edit;
use trayecto::i18n::Lang;
use trayecto::model::{JourneyKind, LaneKind, Map};
use trayecto::ui::{AppOptions, Command, TrayectoApp};

/// The editor on the pizza map with the room open on loopback, at any free port.
fn editor_with_room(map: Map) -> Harness<'static, TrayectoApp> {
    let options = AppOptions {
        room: Some(trayecto::room::Options {
            bind: "127.0.0.1".parse().unwrap(),
            port: Some(0),
        }),
        ..AppOptions::default()
    };
    let mut harness = harness_with(Document::new(map), options);
    harness.run();
    assert!(harness.state().room_address().is_some(), "the room opened");
    harness
}

/// `host:port` of the room's address.
fn host_of(address: &str) -> String {
    http_client::Url::parse(address).unwrap().authority
}

/// One request to the room; the status and the body.
fn request(address: &str, method: &str, what: &str, body: &str) -> (u16, String) {
    let answer = http_client::request(method, &format!("{address}{what}"))
        .body("application/json", body)
        .send()
        .expect("the room answers");
    (answer.status, answer.text().to_owned())
}

/// Runs frames until `done` holds (the room's threads deliver in their own time).
fn run_until(harness: &mut Harness<'_, TrayectoApp>, done: impl Fn(&TrayectoApp) -> bool) {
    let started = Instant::now();
    while !done(harness.state()) {
        assert!(started.elapsed() < Duration::from_secs(10), "timed out");
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run();
}

/// The first pain point of the current journey: a card the room votes on.
fn pain_point(map: &Map) -> u32 {
    let journey = map.first_of(JourneyKind::Current).unwrap().id;
    map.votable_cards(journey).next().unwrap().id.0
}

#[test]
fn a_participants_dot_lands_on_the_map_beside_the_undo_steps() {
    let map = pizza();
    let card = pain_point(&map);
    let mut harness = editor_with_room(map);
    let address = harness.state().room_address().unwrap().to_owned();
    let (status, _) = request(
        &address,
        "POST",
        "votes",
        &format!(r#"{{"participant":"p-ana","name":"Ana","card":{card}}}"#),
    );
    assert_eq!(status, 201);
    run_until(&mut harness, |app| app.document().map().votes.len() == 1);
    let doc = harness.state().document();
    assert_eq!(doc.map().votes[0].name, "Ana");
    assert!(doc.is_dirty(), "the dot is unsaved work");
    assert!(
        !doc.history.can_undo(),
        "the facilitator's undo does not take a participant's dot back"
    );
    // The status bar counts the room.
    harness.get_by_label_contains("Room: 1 · 1 dot · 0 notes waiting");
}

#[test]
fn a_note_waits_in_the_inbox_and_is_accepted_as_one_undo_step() {
    let map = pizza();
    let stage = map.stages[1].id;
    let pain_lane = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::PainPoints)
        .unwrap()
        .id;
    let cards_before = map.cards.len();
    let mut harness = editor_with_room(map);
    let address = harness.state().room_address().unwrap().to_owned();
    let text = "Nobody <b>answers</b> the phone\nthree tries, twenty minutes";
    let body = serde_json::json!({"participant": "p-luis", "stage": stage.0, "text": text});
    let (status, _) = request(&address, "POST", "notes", &body.to_string());
    assert_eq!(status, 201);
    run_until(&mut harness, |app| app.inbox().len() == 1);
    let waiting = harness.state().inbox()[0].clone();
    assert_eq!(waiting.note.text, text, "kept as the participant typed it");
    assert_eq!(
        waiting.lane,
        Some(pain_lane),
        "a note without a lane goes to the pain points"
    );
    assert_eq!(
        harness.state().document().map().cards.len(),
        cards_before,
        "not on the map yet"
    );
    // Shown as text in the inbox, tags and all.
    harness.get_by_label_contains("Inbox: 1 note");

    harness.state_mut().run(Command::AcceptNote(waiting.id));
    harness.run();
    let map = harness.state().document().map();
    assert_eq!(map.cards.len(), cards_before + 1);
    let card = map.cards.last().unwrap();
    assert_eq!(
        (
            card.stage,
            card.lane,
            card.title.as_str(),
            card.notes.as_str()
        ),
        (
            stage,
            pain_lane,
            "Nobody <b>answers</b> the phone",
            "three tries, twenty minutes"
        ),
        "the first line is the title, the rest the card's notes"
    );
    assert!(harness.state().inbox().is_empty());
    harness.state_mut().run(Command::Undo);
    harness.run();
    assert_eq!(harness.state().document().map().cards.len(), cards_before);
}

#[test]
fn a_dropped_note_leaves_the_inbox_and_the_map_alone() {
    let map = pizza();
    let stage = map.stages[0].id;
    let mut harness = editor_with_room(map);
    let address = harness.state().room_address().unwrap().to_owned();
    let body = serde_json::json!({"participant": "p-1", "stage": stage.0, "text": "spam"});
    assert_eq!(request(&address, "POST", "notes", &body.to_string()).0, 201);
    run_until(&mut harness, |app| app.inbox().len() == 1);
    let id = harness.state().inbox()[0].id;
    harness.state_mut().run(Command::DropNote(id));
    harness.run();
    assert!(harness.state().inbox().is_empty());
    assert!(!harness.state().document().history.can_undo());
    // The toast's Undo brings it back (not the map's undo: the map never had it).
    assert_eq!(harness.state().toast(), Some("Note dropped."));
    harness.get_by_label("Note dropped.");
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(harness.state().inbox().len(), 1);
    assert_eq!(harness.state().inbox()[0].text, "spam");
}

#[test]
fn closing_voting_revealing_and_clearing_are_the_facilitators_undoable_steps() {
    let mut map = pizza();
    let card = pain_point(&map);
    map.votes = (0..3)
        .map(|i| trayecto::model::Vote::new(trayecto::model::CardId(card), format!("p-{i}"), None))
        .collect();
    let mut harness = editor_with_room(map);
    let address = harness.state().room_address().unwrap().to_owned();

    harness
        .state_mut()
        .run(Command::Edit(Edit::SetVotingClosed(true), None));
    harness.run();
    let dot = format!(r#"{{"participant":"p-late","card":{card}}}"#);
    let (status, body) = request(&address, "POST", "votes", &dot);
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("voting_closed"), "{body}");

    // Counts are not in the room's state until revealed.
    let (_, state) = request(&address, "GET", "state", "");
    assert!(!state.contains("\"votes\""), "{state}");
    harness
        .state_mut()
        .run(Command::Edit(Edit::SetVotesRevealed(true), None));
    harness.run();
    // The editor hands the room its map at most every 150 ms.
    std::thread::sleep(Duration::from_millis(200));
    harness.run();
    let (_, state) = request(&address, "GET", "state", "");
    assert!(state.contains("\"votes\":3"), "{state}");

    harness.state_mut().run(Command::ClearVotes);
    harness.run();
    assert!(harness.state().document().map().votes.is_empty());
    harness.state_mut().run(Command::Undo);
    harness.run();
    assert_eq!(
        harness.state().document().map().votes.len(),
        3,
        "clearing undoes"
    );
}

#[test]
fn the_gap_panel_ranks_stages_by_the_rooms_dots() {
    let mut map = pizza();
    let journey = map.first_of(JourneyKind::Current).unwrap().id;
    // Every dot on the last pain of the journey.
    let last = map
        .cards_of(journey)
        .filter(|c| map.is_pain(c))
        .last()
        .unwrap()
        .clone();
    let stage_name = map.stage(last.stage).unwrap().name.clone();
    map.votes = (0..4)
        .map(|i| trayecto::model::Vote::new(last.id, format!("p-{i}"), None))
        .collect();
    let mut harness = harness_with(Document::new(map), AppOptions::default());
    harness.state_mut().run(Command::ToggleGap);
    harness.run();
    harness.state_mut().run(Command::GapByVotes(true));
    harness.run();
    // Hidden, the dots neither show nor rank (the projector shows this panel).
    assert!(harness.query_by_label_contains("4 dots").is_none());
    assert!(
        harness
            .query_by_label_contains("most dots on the pain first")
            .is_none()
    );
    harness
        .state_mut()
        .run(Command::Edit(Edit::SetVotesRevealed(true), None));
    harness.run();
    harness.get_by_label_contains("most dots on the pain first");
    // The stage with the dots shows them beside its name.
    harness.get_by_label(&format!("{stage_name}\n4 dots"));
}

#[test]
fn closing_the_room_ends_its_connections_and_keeps_the_dots() {
    let map = pizza();
    let card = pain_point(&map);
    let mut harness = editor_with_room(map);
    let address = harness.state().room_address().unwrap().to_owned();
    let dot = format!(r#"{{"participant":"p-1","card":{card}}}"#);
    assert_eq!(request(&address, "POST", "votes", &dot).0, 201);
    run_until(&mut harness, |app| app.document().map().votes.len() == 1);
    harness.state_mut().run(Command::CloseRoom);
    harness.run();
    assert!(harness.state().room_address().is_none());
    let host = host_of(&address);
    assert!(TcpStream::connect(host).is_err(), "nobody listens any more");
    assert_eq!(harness.state().document().map().votes.len(), 1);
}

#[test]
fn the_workshop_menu_and_the_room_speak_spanish() {
    trayecto::i18n::set(Lang::Es);
    let map = trayecto::templates::load("pizza").unwrap();
    let mut harness = editor_with_room(map);
    harness.state_mut().set_language(Lang::Es);
    harness.run();
    harness.get_by_label("Taller");
    harness.get_by_label("Sala del taller");
    // The editor hands the room its language with its map, at most every 150 ms.
    std::thread::sleep(Duration::from_millis(200));
    harness.run();
    let address = harness.state().room_address().unwrap().to_owned();
    let (status, page) = request(&address, "GET", "", "");
    assert_eq!(status, 200);
    assert!(page.contains("<html lang=\"es\""), "{}", &page[..200]);
    trayecto::i18n::set(Lang::En);
}

#[test]
fn opening_another_map_asks_first_while_notes_wait_and_closes_the_room() {
    let map = pizza();
    let stage = map.stages[0].id;
    let mut harness = editor_with_room(map);
    let address = harness.state().room_address().unwrap().to_owned();
    let body = serde_json::json!({"participant": "p-1", "stage": stage.0, "text": "keep me"});
    assert_eq!(request(&address, "POST", "notes", &body.to_string()).0, 201);
    run_until(&mut harness, |app| app.inbox().len() == 1);
    assert!(
        !harness.state().document().is_dirty(),
        "a note is not in the map"
    );
    harness.state_mut().run(Command::NEW);
    harness.run();
    assert!(
        matches!(
            harness.state().dialog(),
            Some(trayecto::ui::Dialog::NotesWaiting { count: 1, .. })
        ),
        "the facilitator is asked before the note goes"
    );
    assert_eq!(harness.state().inbox().len(), 1);
    // "Add to map": the note is a card, so the map has unsaved changes to ask about next.
    let cards = harness.state().document().map().cards.len();
    harness
        .state_mut()
        .run(Command::AcceptAllNotesThen(Box::new(Command::NEW)));
    harness.run();
    assert!(harness.state().inbox().is_empty());
    assert_eq!(harness.state().document().map().cards.len(), cards + 1);
    assert!(
        matches!(
            harness.state().dialog(),
            Some(trayecto::ui::Dialog::Unsaved { .. })
        ),
        "then the unsaved map is asked about"
    );
    // "Don't save": the new map opens, the room goes with the old one.
    harness
        .state_mut()
        .run(Command::Unguarded(Box::new(Command::NEW)));
    harness.run();
    assert!(harness.state().room_address().is_none());
}

#[test]
fn what_the_room_took_before_it_closed_is_still_there_to_take() {
    let map = pizza();
    let card = pain_point(&map);
    let journey = map.first_of(JourneyKind::Current).unwrap().id;
    let options = trayecto::room::Options {
        bind: "127.0.0.1".parse().unwrap(),
        port: Some(0),
    };
    let mut server =
        trayecto::room::Server::open(options, &map, journey, Lang::En, Box::new(|| {})).unwrap();
    let address = server.address().to_owned();
    let dot = format!(r#"{{"participant":"p-1","card":{card}}}"#);
    assert_eq!(request(&address, "POST", "votes", &dot).0, 201);
    // The editor closes the room, then takes its last dots and notes (as closing does).
    server.stop();
    let host = host_of(&address);
    assert!(TcpStream::connect(host).is_err(), "nobody listens any more");
    assert_eq!(
        server.take().ballots.len(),
        1,
        "the dot answered 201 is kept"
    );
}

#[test]
fn the_rooms_dots_are_saved_with_the_map_and_come_back_with_it() {
    let map = pizza();
    let card = pain_point(&map);
    let mut harness = editor_with_room(map);
    let address = harness.state().room_address().unwrap().to_owned();
    for who in ["p-ana", "p-luis"] {
        let dot = format!(r#"{{"participant":"{who}","name":"{who}","card":{card}}}"#);
        assert_eq!(request(&address, "POST", "votes", &dot).0, 201);
    }
    run_until(&mut harness, |app| app.document().map().votes.len() == 2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    harness.state_mut().run(Command::SaveTo(path.clone()));
    harness.run();
    assert!(!harness.state().document().is_dirty(), "saved");
    let reopened = Document::open(&path).unwrap();
    assert_eq!(reopened.map().votes, harness.state().document().map().votes);
    assert_eq!(reopened.map().votes_on(trayecto::model::CardId(card)), 2);
    // A participant's limit holds after the restart: their dots are still theirs.
    let who = trayecto::model::ParticipantId::new("p-ana");
    assert_eq!(reopened.map().dots_left(&who), 2);
}

#[test]
fn a_note_accepted_as_a_card_is_text_in_every_export() {
    let map = pizza();
    let stage = map.stages[0].id;
    let mut harness = editor_with_room(map);
    let address = harness.state().room_address().unwrap().to_owned();
    let text = "<i>x</i> & co";
    let body = serde_json::json!({"participant": "p-1", "stage": stage.0, "text": text});
    assert_eq!(request(&address, "POST", "notes", &body.to_string()).0, 201);
    run_until(&mut harness, |app| app.inbox().len() == 1);
    let id = harness.state().inbox()[0].id;
    harness.state_mut().run(Command::AcceptNote(id));
    harness.run();
    let map = harness.state().document().map();
    let subject = trayecto::export::Subject::of(map);
    let options = trayecto::export::ExportOptions {
        format: trayecto::export::ImageFormat::Svg,
        ..Default::default()
    };
    let svg = trayecto::export::Scene::new(&subject, &options).to_svg();
    assert!(!svg.contains("<i>"), "no markup from a participant");
    assert!(svg.contains("&lt;i&gt;x&lt;/i&gt; &amp; co"));
    assert!(
        crate::support::svg_texts(&svg)
            .iter()
            .any(|t| t.contains("<i>x</i> & co"))
    );
}

#[test]
fn the_room_stays_on_its_journey_while_the_facilitator_looks_elsewhere() {
    let map = pizza();
    let current = map.first_of(JourneyKind::Current).unwrap().name.clone();
    let target = map.first_of(JourneyKind::Target).unwrap().id;
    let mut harness = editor_with_room(map);
    let address = harness.state().room_address().unwrap().to_owned();
    harness.state_mut().set_view(trayecto::view::View {
        journey: target,
        compare: None,
    });
    harness.run();
    assert_eq!(harness.state().view().journey, target);
    let _ = &current;
    // A change, so the editor hands the room its map again.
    harness
        .state_mut()
        .queue_edit(Edit::SetTitle("Pizza night".into()));
    harness.run();
    std::thread::sleep(Duration::from_millis(200));
    harness.run();
    let (_, state) = request(&address, "GET", "state", "");
    let state: serde_json::Value = serde_json::from_str(&state).unwrap();
    assert_eq!(state["title"], "Pizza night", "the room has the new map");
    assert_eq!(
        state["journey"],
        current.as_str(),
        "and still the journey it opened on"
    );
}

#[test]
fn the_rooms_command_line_options_are_usage_errors_in_the_language_spoken() {
    for (args, says) in [
        (&["--port", "9000"][..], "--room"),
        (
            &["--room", "--port", "70000"][..],
            "a port is a whole number from 0 to 65535",
        ),
        (
            &["--room", "--bind", "999.1.1.1"][..],
            "an address is four numbers",
        ),
    ] {
        let out = crate::cli::trayecto(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let mut spanish = vec!["--lang", "es", "--room", "--bind", "999.1.1.1"];
    let out = crate::cli::trayecto(&spanish);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("una dirección son cuatro números") && err.contains("<DIRECCIÓN>"),
        "{err}"
    );
    spanish.truncate(2);
    spanish.extend(["--room", "--port", "x"]);
    let err = String::from_utf8_lossy(&crate::cli::trayecto(&spanish).stderr).into_owned();
    assert!(err.contains("un puerto es un número entero"), "{err}");
}

#[test]
fn notes_waiting_are_journaled_and_come_back_after_a_crash() {
    let data = tempfile::tempdir().unwrap();
    let map = pizza();
    let stage = map.stages[2].id;
    let options = AppOptions {
        room: Some(trayecto::room::Options {
            bind: "127.0.0.1".parse().unwrap(),
            port: Some(0),
        }),
        data_dir: Some(data.path().to_path_buf()),
        ..AppOptions::default()
    };
    let mut harness = harness_with(Document::new(map), options);
    harness.run();
    let address = harness.state().room_address().unwrap().to_owned();
    let text = "The \"extra cheese\" button\nis hidden";
    let body =
        serde_json::json!({"participant": "p-1", "name": "Ana", "stage": stage.0, "text": text});
    assert_eq!(request(&address, "POST", "notes", &body.to_string()).0, 201);
    run_until(&mut harness, |app| app.inbox().len() == 1);
    assert!(
        !harness.state().document().is_dirty(),
        "the map itself is unchanged"
    );
    // The journal is written after two quiet seconds.
    std::thread::sleep(Duration::from_millis(2_100));
    harness.run();
    harness.state_mut().flush_autosave();
    let (entries, _) = trayecto::recovery::list(data.path(), true);
    let entry = entries
        .iter()
        .find(|e| !e.header.inbox.is_empty())
        .expect("the note is journaled though the map has nothing unsaved")
        .clone();
    assert_eq!(entry.header.inbox[0].text, text);
    assert_eq!(entry.header.inbox[0].name, "Ana");

    // Another editor, after the crash, brings the note back to its inbox.
    let mut after = harness_with(Document::new(pizza()), AppOptions::default());
    after.state_mut().run(Command::Restore(Box::new(entry)));
    after.run();
    let inbox = after.state().inbox();
    assert_eq!(inbox.len(), 1);
    assert_eq!((inbox[0].text.as_str(), inbox[0].note.stage), (text, stage));
}

#[test]
fn the_room_opens_again_at_the_same_address() {
    let mut harness = editor_with_room(pizza());
    let address = harness.state().room_address().unwrap().to_owned();
    harness.state_mut().run(Command::CloseRoom);
    harness.run();
    assert!(harness.state().room_address().is_none());
    // Workshop → Open the room: the phones' address (key and port) is the one they have.
    harness.state_mut().run(Command::OpenRoom);
    harness.run();
    assert_eq!(harness.state().room_address(), Some(address.as_str()));
    let (status, _) = request(&address, "GET", "state", "");
    assert_eq!(status, 200);
}

#[test]
fn a_phone_that_joins_wakes_the_editor_once() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let map = pizza();
    let journey = map.first_of(JourneyKind::Current).unwrap().id;
    let woken = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&woken);
    let options = trayecto::room::Options {
        bind: "127.0.0.1".parse().unwrap(),
        port: Some(0),
    };
    let wake = Box::new(move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let server = trayecto::room::Server::open(options, &map, journey, Lang::En, wake).unwrap();
    let address = server.address().to_owned();
    assert_eq!(
        request(&address, "GET", "state?participant=p-new", "").0,
        200
    );
    assert_eq!(
        woken.load(Ordering::SeqCst),
        1,
        "someone new: the count changed"
    );
    assert_eq!(
        request(&address, "GET", "state?participant=p-new", "").0,
        200
    );
    assert_eq!(
        woken.load(Ordering::SeqCst),
        1,
        "the same phone again: nothing new"
    );
    assert_eq!(server.counts().joined, 1);

    // In the editor, the count shows it.
    let mut harness = editor_with_room(pizza());
    let address = harness.state().room_address().unwrap().to_owned();
    assert_eq!(
        request(&address, "GET", "state?participant=p-new", "").0,
        200
    );
    run_until(&mut harness, |app| app.room_counts().joined == 1);
}
