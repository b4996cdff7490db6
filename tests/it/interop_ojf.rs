//! OpenJourney (.ojf) files in and out, through the public API only: the sample journeys of
//! Ptolemy (the editor whose format it is), edge cases written for these tests, and Trayecto's
//! own example map there and back. The files are in `tests/interop/ojf/` (see its SOURCE.md).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use trayecto::format::{self, Holds, Note, NoteArg, ParseError, Parsed, Position, ojf};
use trayecto::i18n::{self, Lang};
use trayecto::model::{Channel, Feeling, JourneyId, JourneyKind, LaneKind, Map, MomentKind};
use trayecto::templates;

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/ojf")
}

/// Ptolemy's own sample files (the ones without the `edge-` prefix).
fn ptolemy_samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "ojf"))
        .filter(|path| {
            !path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("edge-")
        })
        .collect();
    files.sort();
    files
}

/// A file read the way the editor reads it: by the format its extension names.
fn read_path(path: &Path) -> Result<Parsed, ParseError> {
    let format = format::for_reading(path);
    assert_eq!(format.id, "ojf", "{}", path.display());
    assert_eq!(format.holds, Holds::OneJourney);
    let bytes = std::fs::read(path).unwrap();
    (format.read)(&String::from_utf8(bytes).unwrap())
}

fn open(name: &str) -> Parsed {
    read_path(&folder().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn note<'a>(parsed: &'a Parsed, key: &str) -> &'a Note {
    parsed
        .notes
        .iter()
        .find(|n| n.key == key)
        .unwrap_or_else(|| {
            let keys: Vec<_> = parsed.notes.iter().map(|n| n.key).collect();
            panic!("no note {key} among {keys:?}")
        })
}

fn has_note(parsed: &Parsed, key: &str) -> bool {
    parsed.notes.iter().any(|n| n.key == key)
}

fn count_of(note: &Note) -> f64 {
    note.args
        .iter()
        .find_map(|(name, value)| match (name, value) {
            (&"count", NoteArg::Number(n)) => Some(*n),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{} has no count", note.key))
}

/// A note's words, checked to be real words in both languages (no key, no missing argument).
fn words(note: &Note) -> String {
    for lang in Lang::ALL {
        i18n::set(lang);
        let message = note.message();
        assert!(!message.starts_with("ojf-"), "{} untranslated", note.key);
        assert!(
            !message.contains('{'),
            "{} in {lang:?}: {message}",
            note.key
        );
    }
    i18n::set(Lang::En);
    note.message()
}

struct Found<'a> {
    stage: &'a str,
    lane: &'a str,
    lane_kind: LaneKind,
    notes: &'a str,
    feeling: Option<Feeling>,
    channel: Option<Channel>,
    moment: Option<MomentKind>,
}

/// The card titled `title`, with the names of its stage and lane.
fn card<'a>(map: &'a Map, title: &str) -> Found<'a> {
    let card = map
        .cards
        .iter()
        .find(|c| c.title == title)
        .unwrap_or_else(|| panic!("no card “{title}”"));
    let lane = map.lane(card.lane).unwrap();
    Found {
        stage: &map.stage(card.stage).unwrap().name,
        lane: &lane.name,
        lane_kind: lane.kind,
        notes: &card.notes,
        feeling: card.feeling,
        channel: card.channel,
        moment: card.moment.as_ref().map(|m| m.kind),
    }
}

fn lanes(map: &Map) -> Vec<(&str, LaneKind)> {
    map.lanes
        .iter()
        .map(|l| (l.name.as_str(), l.kind))
        .collect()
}

fn stage_names(map: &Map) -> Vec<&str> {
    map.stages.iter().map(|s| s.name.as_str()).collect()
}

/// Titles of the cards in a cell, in their order.
fn cell(map: &Map, stage: &str, lane: &str) -> Vec<String> {
    map.cards
        .iter()
        .filter(|c| map.stage(c.stage).unwrap().name == stage)
        .filter(|c| map.lane(c.lane).unwrap().name == lane)
        .map(|c| c.title.clone())
        .collect()
}

#[test]
fn every_ptolemy_sample_opens_with_every_node_and_blueprint_item_as_a_card() {
    let samples = ptolemy_samples();
    assert_eq!(samples.len(), 8, "{samples:?}");
    for path in samples {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let parsed = read_path(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let map = &parsed.map;

        let nodes = json["nodes"].as_array().unwrap();
        let items: usize = nodes
            .iter()
            .filter_map(|n| n["blueprint"].as_object())
            .flat_map(|b| b.values())
            .map(|layer| layer.as_array().map_or(0, Vec::len))
            .sum();
        assert_eq!(map.cards.len(), nodes.len() + items, "{name}");

        let file_stages: Vec<&str> = json["stages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap())
            .collect();
        assert_eq!(stage_names(map), file_stages, "{name}");
        // The file's swimlanes first and in order, empty ones too; generated ones after.
        let file_lanes: Vec<&str> = json["swimlanes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["name"].as_str().unwrap())
            .collect();
        let names: Vec<&str> = map.lanes.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(&names[..file_lanes.len()], file_lanes.as_slice(), "{name}");

        for node in nodes {
            let title = node["title"].as_str().unwrap();
            let found = card(map, title);
            let stage = file_stages[json["stages"]
                .as_array()
                .unwrap()
                .iter()
                .position(|s| s["id"] == node["stageId"])
                .unwrap()];
            let lane = json["swimlanes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["id"] == node["swimlaneId"])
                .unwrap()["name"]
                .as_str()
                .unwrap();
            assert_eq!((found.stage, found.lane), (stage, lane), "{name}: {title}");
            assert_eq!(found.notes, node["description"].as_str().unwrap_or(""));
            let moment = node["isMomentOfTruth"].as_bool().unwrap_or(false);
            assert_eq!(found.moment.is_some(), moment, "{name}: {title}");
        }
        assert_eq!(map.journeys.len(), 1);
        assert_eq!(
            map.personas.len(),
            1,
            "{name}: every sample names a persona"
        );
        assert_eq!(map.journeys[0].persona, Some(map.personas[0].id));
        for note in &parsed.notes {
            words(note);
        }
        assert!(has_note(&parsed, "ojf-lost-version"), "{name}");
    }
}

#[test]
fn a_version_one_file_comes_across_field_by_field() {
    let parsed = open("ecommerce-purchase.ojf");
    let map = &parsed.map;
    // No title in the file: the point of view names the map.
    assert_eq!(
        map.title,
        "Buying a high-end coffee maker for a new kitchen"
    );
    let persona = &map.personas[0];
    assert_eq!(persona.name, "Jane Doe, First-time Homeowner");
    assert_eq!(
        persona.goals,
        ["Buying a high-end coffee maker for a new kitchen"]
    );
    assert_eq!(
        lanes(map),
        [
            ("User Actions", LaneKind::Actions),
            // It holds cards, so it cannot draw the curve.
            ("Emotional State", LaneKind::Thoughts),
            ("Pain Points", LaneKind::PainPoints),
            ("Digital Touchpoints", LaneKind::Touchpoints),
        ]
    );
    assert!(has_note(&parsed, "import-feelings-lane-with-cards"));
    assert!(cell(map, "Discovery", "Digital Touchpoints").is_empty());

    let search = card(map, "Search for best coffee makers");
    assert_eq!(search.feeling, Some(Feeling::Happy));
    assert_eq!(search.channel, Some(Channel::App), "tag Mobile");
    assert_eq!(
        card(map, "Compare specs and reviews").channel,
        Some(Channel::Web)
    );
    assert_eq!(
        card(map, "Information Overload").feeling,
        Some(Feeling::Sad)
    );
    let fees = card(map, "Hidden Shipping Fees");
    assert_eq!(
        (fees.feeling, fees.lane_kind),
        (Some(Feeling::Angry), LaneKind::PainPoints)
    );
    let unboxing = card(map, "Unboxing & Setup");
    assert_eq!(unboxing.feeling, Some(Feeling::Delighted));
    assert_eq!(
        unboxing.channel, None,
        "Support and Product name no channel"
    );
    // Score 0, purpose touchpoint: the moment's kind is a guess, and the report says so.
    let checkout = card(map, "Select Product & Checkout");
    assert_eq!(checkout.moment, Some(MomentKind::Pain));
    assert_eq!(checkout.channel, Some(Channel::App));
    assert!(words(note(&parsed, "ojf-moment-guessed")).contains("Select Product & Checkout"));

    // Scores 1, 3 and −1, −3 sit between faces.
    assert_eq!(count_of(note(&parsed, "ojf-lost-scores")), 4.0);
    assert_eq!(count_of(note(&parsed, "ojf-lost-sentiment")), 4.0);
    assert_eq!(count_of(note(&parsed, "ojf-lost-icon")), 5.0);
    assert_eq!(count_of(note(&parsed, "ojf-lost-icon-color")), 5.0);
    assert_eq!(count_of(note(&parsed, "ojf-lost-severity")), 2.0);
    let tags = note(&parsed, "ojf-lost-tags");
    assert_eq!(
        count_of(tags),
        5.0,
        "Search, Research, Checkout, Support, Product"
    );
    assert!(words(tags).contains("Search"));
    assert!(words(note(&parsed, "ojf-lost-version")).contains("1.0"));
    assert!(!has_note(&parsed, "ojf-unknown-keys"));
}

#[test]
fn a_blueprint_file_brings_its_layers_as_lanes_of_their_own() {
    let parsed = open("clinic-visit-blueprint.ojf");
    let map = &parsed.map;
    assert_eq!(map.title, "Patient Clinic Visit");
    assert_eq!(map.personas[0].name, "Returning Patient");
    assert_eq!(map.personas[0].goals, ["Annual check-up at a GP clinic"]);
    assert_eq!(
        lanes(map),
        [
            ("Patient Journey", LaneKind::Actions),
            ("Physical evidence", LaneKind::Touchpoints),
            ("Frontstage (employee)", LaneKind::Backstage),
            ("Backstage", LaneKind::Backstage),
            ("Support processes", LaneKind::Backstage),
        ]
    );
    assert_eq!(
        cell(map, "Check-in", "Physical evidence"),
        ["Waiting Room", "Sign-in Sheet"]
    );
    assert_eq!(card(map, "Sign-in Sheet").notes, "Physical");
    let frontstage = card(map, "Conducts triage and records vitals");
    assert_eq!((frontstage.stage, frontstage.notes), ("Triage", "Nurse"));
    assert_eq!(
        card(map, "Verifies insurance eligibility").lane,
        "Backstage"
    );
    let support = card(map, "Registers new lab order");
    assert_eq!(
        (support.lane, support.notes),
        ("Support processes", "LIS (Lab Info)")
    );
    assert_eq!(
        cell(map, "Consultation", "Support processes"),
        ["Checks for drug interactions", "Registers new lab order"]
    );
    assert_eq!(count_of(note(&parsed, "ojf-blueprint-cards")), 16.0);
    assert!(words(note(&parsed, "ojf-lost-version")).contains("1.1.0"));
}

#[test]
fn lanes_come_across_with_the_kinds_their_names_tell() {
    let kinds = [
        (
            "b2b-software-purchase.ojf",
            "Vendor Touchpoints",
            LaneKind::Touchpoints,
        ),
        (
            "b2b-software-purchase.ojf",
            "Internal Blockers",
            LaneKind::PainPoints,
        ),
        (
            "event-booking.ojf",
            "Issues & Roadblocks",
            LaneKind::PainPoints,
        ),
        ("event-booking.ojf", "Tools Used", LaneKind::Touchpoints),
        (
            "self-guided-tutorial.ojf",
            "Thoughts & Feelings",
            LaneKind::Thoughts,
        ),
        (
            "self-guided-tutorial.ojf",
            "Friction Points",
            LaneKind::PainPoints,
        ),
        (
            "customer-support.ojf",
            "Support Channel",
            LaneKind::Touchpoints,
        ),
    ];
    for (file, lane, kind) in kinds {
        let parsed = open(file);
        let found = parsed.map.lanes.iter().find(|l| l.name == lane).unwrap();
        assert_eq!(found.kind, kind, "{file}: {lane}");
    }
}

#[test]
fn several_nodes_in_one_cell_keep_their_order() {
    let hotel = open("hotel-check-in-blueprint.ojf");
    assert_eq!(
        cell(&hotel.map, "Arrival", "Customer Actions"),
        ["Arrive at Entrance", "Baggage Handover"]
    );
    let ret = open("ecommerce-return.ojf");
    assert_eq!(
        cell(&ret.map, "2. Initiating Return", "Digital Touchpoints"),
        ["Return Portal", "Live Chat Support"]
    );
    assert_eq!(
        cell(&ret.map, "3. Shipping it Back", "Physical Touchpoints"),
        ["Printing Label", "Drop off at Carrier"]
    );
    assert_eq!(
        cell(&ret.map, "4. Waiting for Refund", "Digital Touchpoints"),
        ["Radio Silence", "Refund Issued"]
    );
}

#[test]
fn moments_of_truth_are_of_gain_or_of_pain_as_the_file_tells() {
    let tutorial = open("self-guided-tutorial.ojf");
    let map = &tutorial.map;
    // Purpose opportunity, score 3: by its feeling.
    assert_eq!(
        card(map, "Welcome to the Map!").moment,
        Some(MomentKind::Gain)
    );
    assert_eq!(
        card(map, "Moments of Truth").moment,
        Some(MomentKind::Pain),
        "bottleneck"
    );
    assert_eq!(
        card(map, "Generated Reports").moment,
        Some(MomentKind::Gain)
    );
    assert_eq!(
        card(map, "Inline Editing").moment,
        None,
        "a gain, but no moment"
    );
    assert!(!has_note(&tutorial, "ojf-moment-guessed"));

    let ret = open("ecommerce-return.ojf");
    assert_eq!(
        card(&ret.map, "Opens Package").moment,
        Some(MomentKind::Pain),
        "score −2"
    );
    assert_eq!(
        card(&ret.map, "Restocking Fee").moment,
        Some(MomentKind::Pain),
        "pain"
    );
    assert_eq!(
        card(&ret.map, "Opens Package").channel,
        None,
        "offline is no channel"
    );

    let events = open("event-booking.ojf");
    let app = card(&events.map, "Download Event App");
    assert_eq!(
        (app.moment, app.channel),
        (Some(MomentKind::Gain), Some(Channel::App))
    );
    assert_eq!(
        card(&events.map, "Check-in & Badge Pickup").channel,
        Some(Channel::InPerson)
    );
    assert_eq!(
        card(&events.map, "Conference Website").feeling,
        None,
        "no score, no word"
    );
    assert_eq!(
        card(&events.map, "Stress over budget").feeling,
        Some(Feeling::Neutral)
    );
}

#[test]
fn missing_and_repeated_ids_and_full_cells_are_no_problem() {
    let parsed = open("edge-ids-and-cells.ojf");
    let map = &parsed.map;
    assert_eq!(map.cards.len(), 4);
    assert_eq!(
        cell(map, "Apply", "User Actions"),
        ["Fills the form", "Uploads a photo", "Pays the fee"]
    );
    assert_eq!(card(map, "No news for weeks").stage, "Wait");
    // The third stage repeats the first one's id: kept, empty, and reported.
    assert_eq!(stage_names(map), ["Apply", "Wait", "Apply again (same id)"]);
    assert!(words(note(&parsed, "ojf-duplicate-ids")).contains("s1"));
    assert!(cell(map, "Apply", "Opportunities").is_empty());
    assert_eq!(map.lanes[2].kind, LaneKind::Opportunities);
    let ids: HashSet<_> = map.cards.iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), 4);
}

#[test]
fn nodes_outside_the_grid_are_kept_and_named() {
    let parsed = open("edge-dangling.ojf");
    let map = &parsed.map;
    assert_eq!(map.cards.len(), 4);
    let unplaced = map.lanes.last().unwrap();
    assert_eq!(
        (unplaced.name.as_str(), unplaced.kind),
        ("Not placed in the file", LaneKind::Notes)
    );
    assert_eq!(
        cell(map, "Only stage", "Not placed in the file"),
        [
            "Stage that is not there",
            "Lane that is not there",
            "No stage at all"
        ]
    );
    assert_eq!(cell(map, "Only stage", "User Actions"), ["In place"]);
    let report = note(&parsed, "ojf-unplaced");
    assert_eq!(count_of(report), 3.0);
    assert!(words(report).contains("Stage that is not there"));
}

#[test]
fn feelings_come_from_scores_else_sentiment_words() {
    let parsed = open("edge-feelings.ojf");
    let map = &parsed.map;
    let expected = [
        ("Null score, sentiment angry", Some(Feeling::Angry)),
        ("Sentiment only", Some(Feeling::Happy)),
        ("Score as text", Some(Feeling::Sad)),
        ("Score not a number", Some(Feeling::Sad)),
        ("Score wins over sentiment", Some(Feeling::Delighted)),
        ("Nothing at all", None),
        ("Unknown word", None),
    ];
    for (title, feeling) in expected {
        assert_eq!(card(map, title).feeling, feeling, "{title}");
    }
    assert!(words(note(&parsed, "ojf-score-not-number")).contains("high"));
    assert!(words(note(&parsed, "ojf-sentiment-unknown")).contains("meh"));
    // The stage's own point of the curve.
    let curve = &map.journeys[0].curve;
    assert_eq!(curve.get(&map.stages[0].id), Some(&Feeling::Happy));
    assert_eq!(curve.get(&map.stages[1].id), None);
}

#[test]
fn a_file_scored_zero_to_ten_is_read_as_ptolemy_updated_it() {
    let parsed = open("edge-old-scale.ojf");
    let map = &parsed.map;
    assert_eq!(
        card(map, "Bad start").feeling,
        Some(Feeling::Angry),
        "1 − 5 = −4"
    );
    assert_eq!(
        card(map, "Middling").feeling,
        Some(Feeling::Neutral),
        "5 − 5 = 0"
    );
    assert_eq!(
        card(map, "Great end").feeling,
        Some(Feeling::Delighted),
        "8 − 5 = 3"
    );
    let shifted = words(note(&parsed, "ojf-scores-0-to-10"));
    assert!(
        shifted.contains('8') && shifted.contains("0 to 10"),
        "{shifted}"
    );
    assert!(!has_note(&parsed, "ojf-score-out-of-range"));
}

#[test]
fn a_score_out_of_range_is_never_clamped() {
    let parsed = open("edge-out-of-range.ojf");
    let map = &parsed.map;
    assert_eq!(card(map, "Fine").feeling, Some(Feeling::Sad));
    assert_eq!(
        card(map, "Typo").feeling,
        Some(Feeling::Happy),
        "from “satisfied”"
    );
    let report = note(&parsed, "ojf-score-out-of-range");
    assert_eq!(count_of(report), 2.0, "the node and the stage's override");
    assert!(map.journeys[0].curve.is_empty());
    assert!(!has_note(&parsed, "ojf-scores-0-to-10"));
}

#[test]
fn the_readme_sketch_reads_into_one_lane() {
    let parsed = open("edge-readme-shape.ojf");
    let map = &parsed.map;
    assert_eq!(map.title, "Example Journey");
    assert!(map.personas.is_empty());
    assert_eq!(
        lanes(map),
        [
            ("Steps", LaneKind::Actions),
            ("Backstage", LaneKind::Backstage)
        ]
    );
    assert_eq!(cell(map, "Awareness", "Steps"), ["Customer finds us"]);
    assert_eq!(card(map, "Update SEO").notes, "Marketing");
    assert!(words(note(&parsed, "ojf-no-swimlanes")).contains("Steps"));
}

#[test]
fn a_metadata_file_exported_again_by_ptolemy_keeps_its_persona() {
    let parsed = open("edge-exported-metadata.ojf");
    let map = &parsed.map;
    assert_eq!(map.title, "Library card");
    assert_eq!(
        map.personas[0].name, "Retired teacher",
        "blank root persona skipped"
    );
    assert_eq!(
        map.personas[0].goals,
        ["Getting a library card in a new town"]
    );
    let proof = card(map, "Shows proof of address");
    assert_eq!(
        proof.moment,
        Some(MomentKind::Gain),
        "purpose gain wins over score −1"
    );
    assert_eq!(proof.feeling, Some(Feeling::Sad));
    assert_eq!(
        cell(map, "Visit", "Physical evidence"),
        ["Application form", "Digital"]
    );
    assert_eq!(card(map, "Card printer").lane, "Support processes");
    assert_eq!(count_of(note(&parsed, "ojf-blueprint-cards")), 5.0);
    assert!(words(note(&parsed, "ojf-unknown-keys")).contains("people"));
    assert_eq!(map.lanes[1].name, "Ideas");
    assert_eq!(map.lanes[1].kind, LaneKind::Opportunities);
}

#[test]
fn text_in_any_script_comes_across_untouched() {
    let parsed = open("edge-non-latin.ojf");
    let map = &parsed.map;
    assert_eq!(map.title, "顧客の旅 — Путь клиента");
    assert_eq!(map.personas[0].name, "Ελένη, 34");
    assert_eq!(map.personas[0].goals, ["إلغاء اشتراك عبر الهاتف"]);
    assert_eq!(stage_names(map), ["発見 🔍", "Покупка"]);
    let search = card(map, "検索する");
    assert_eq!(
        (search.stage, search.lane, search.notes),
        ("発見 🔍", "Ενέργειες", "スマホで検索 📱")
    );
    assert_eq!(search.channel, Some(Channel::App), "Móvil");
    assert_eq!(card(map, "Оплата картой").channel, Some(Channel::Phone));
    let again = ojf::read(&ojf::write(map, map.journeys[0].id).text).unwrap();
    assert_eq!(again.map.title, map.title);
    assert_eq!(card(&again.map, "検索する").notes, "スマホで検索 📱");
}

#[test]
fn unknown_fields_at_every_level_are_listed_once() {
    let parsed = open("edge-unknown-keys.ojf");
    let map = &parsed.map;
    assert_eq!(map.title, "Extra fields everywhere", "the root title wins");
    assert_eq!(map.cards.len(), 2);
    let report = note(&parsed, "ojf-unknown-keys");
    // description, owner, createdBy, color, collapsed, comments, x, y, photo
    assert_eq!(count_of(report), 9.0);
    let listed = words(report);
    assert!(listed.contains("owner") && listed.contains('…'), "{listed}");
}

#[test]
fn values_of_the_wrong_kind_are_skipped_not_fatal() {
    let parsed = open("edge-mistyped.ojf");
    let map = &parsed.map;
    // No title, persona or point of view: the caller names the map after its file.
    assert_eq!(map.title, "");
    assert!(map.personas.is_empty());
    assert_eq!(stage_names(map), ["Numbered stage"]);
    assert_eq!(lanes(map), [("42", LaneKind::Actions)]);
    assert_eq!(map.cards.len(), 2);
    let odd = &map.cards[0];
    assert_eq!((odd.title.as_str(), odd.notes.as_str()), ("", "7"));
    assert_eq!(odd.moment, None);
    assert_eq!(
        card(map, "Tags with a number").channel,
        Some(Channel::Email)
    );
    assert!(
        cell(map, "Numbered stage", "42").len() == 2,
        "numeric ids match"
    );
    // title, persona, a stage, a node, title true, tags 3, isMomentOfTruth, blueprint, tag 5
    assert_eq!(count_of(note(&parsed, "ojf-mistyped")), 9.0);
}

#[test]
fn broken_json_is_refused_at_its_line() {
    let error = read_path(&folder().join("edge-broken.ojf")).unwrap_err();
    assert_eq!(error.position(), Some(Position { line: 5, col: 5 }));
    let ParseError::Refused { note, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(note.key, "ojf-json-syntax");
    assert!(error.to_string().starts_with("5:5: "), "{error}");
    words(note);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let bytes = std::fs::read(folder().join("edge-bom.ojf")).unwrap();
    assert_eq!(&bytes[..3], b"\xef\xbb\xbf");
    let parsed = open("edge-bom.ojf");
    assert_eq!(parsed.map.title, "Saved by Notepad");
    assert_eq!(card(&parsed.map, "Has a BOM").feeling, Some(Feeling::Happy));
}

#[test]
fn json_that_is_no_journey_is_refused_clearly() {
    let error = read_path(&folder().join("edge-not-a-journey.ojf")).unwrap_err();
    let ParseError::Refused { note, at: None } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(note.key, "ojf-not-a-journey");
    assert!(words(note).contains("stages"));
}

#[test]
fn no_input_makes_the_reader_panic() {
    let mut texts: Vec<String> = Vec::new();
    for path in std::fs::read_dir(folder()).unwrap() {
        let path = path.unwrap().path();
        if path.extension().is_some_and(|e| e == "ojf") {
            let text = std::fs::read_to_string(&path).unwrap();
            // Every cut of the file on a character boundary, in steps.
            let cuts = text.char_indices().map(|(i, _)| i).step_by(5);
            texts.extend(cuts.map(|i| text[..i].to_owned()));
        }
    }
    texts.push("[".repeat(100_000));
    texts.push(format!(
        "{{\"stages\": [], \"nodes\": [{}]}}",
        "[".repeat(200)
    ));
    texts.push(r#"{"stages": [], "swimlanes": [], "nodes": [{"score": 1e400}]}"#.into());
    texts.push(
        r#"{"stages": [{"name": "x", "overrideEmotion": -1e308}], "swimlanes": null}"#.into(),
    );
    texts.push("{\"stages\": [], \"title\": \"\\ud800\"}".into());
    for text in &texts {
        let _ = ojf::read(text);
    }
    assert!(texts.len() > 1000);
}

/// A journey's cards as OpenJourney holds them: stage and lane by position, title, notes,
/// feeling, channel, and the kind of moment (not why it matters).
type Held = (
    usize,
    usize,
    String,
    String,
    Option<Feeling>,
    Option<Channel>,
    Option<MomentKind>,
);

fn held(map: &Map, journey: JourneyId) -> Vec<Held> {
    map.cards
        .iter()
        .filter(|c| c.journey == journey)
        .map(|c| {
            (
                map.stage_index(c.stage).unwrap(),
                map.lane_index(c.lane).unwrap(),
                c.title.clone(),
                c.notes.clone(),
                c.feeling,
                c.channel,
                c.moment.as_ref().map(|m| m.kind),
            )
        })
        .collect()
}

fn curve(map: &Map, journey: JourneyId) -> Vec<(usize, Feeling)> {
    map.journey(journey)
        .unwrap()
        .curve
        .iter()
        .map(|(stage, feeling)| (map.stage_index(*stage).unwrap(), *feeling))
        .collect()
}

#[test]
fn the_pizza_example_goes_there_and_back_in_both_languages() {
    for lang in Lang::ALL {
        i18n::set(lang);
        let mut map = templates::load_in("pizza", lang).unwrap();
        let current = map.journeys[0].id;
        let hand_set = map.stages[3].id;
        map.journeys[0].curve.insert(hand_set, Feeling::Sad);

        let first = ojf::write(&map, current);
        let back = ojf::read(&first.text).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
        let again = &back.map;
        let journey = again.journeys[0].id;
        assert_eq!(again.title, map.title);
        assert_eq!(stage_names(again), stage_names(&map), "{lang:?}");
        assert_eq!(lanes(again), lanes(&map), "{lang:?}: names and kinds");
        assert_eq!(held(again, journey), held(&map, current), "{lang:?}");
        assert_eq!(curve(again, journey), curve(&map, current));
        let persona = &map.personas[0];
        assert_eq!(again.personas.len(), 1);
        assert_eq!(again.personas[0].name, persona.name);
        assert_eq!(again.personas[0].goals, persona.goals[..1]);

        let second = ojf::write(again, journey);
        assert_eq!(
            second.text, first.text,
            "{lang:?}: a second trip changes nothing"
        );

        // What the file could not hold of the example is said, each once.
        let keys: Vec<_> = first.notes.iter().map(|n| n.key).collect();
        for key in [
            "ojf-export-other-journeys",
            "ojf-export-other-personas",
            "ojf-export-persona-details",
            "ojf-export-moment-why",
            "ojf-export-kpis",
            "ojf-export-actions",
        ] {
            assert_eq!(
                keys.iter().filter(|k| **k == key).count(),
                1,
                "{lang:?}: {key}"
            );
        }
        assert!(!keys.contains(&"ojf-export-lane-kinds"), "{keys:?}");
        assert!(!keys.contains(&"ojf-export-journey-kind"));
        for note in &first.notes {
            words(note);
        }
    }
    i18n::set(Lang::En);
}

#[test]
fn the_file_written_is_shaped_like_ptolemys_own() {
    let map = templates::load_in("pizza", Lang::En).unwrap();
    let written = ojf::write(&map, map.journeys[0].id);
    assert!(
        written
            .text
            .starts_with("{\n  \"version\": \"1.0\",\n  \"title\": ")
    );
    let json: serde_json::Value = serde_json::from_str(&written.text).unwrap();
    assert_eq!(json["persona"], "Lucía, 29");
    assert_eq!(json["pointOfView"], "Hot food with no effort");
    assert_eq!(json["stages"][0]["id"], "s1");
    assert_eq!(json["swimlanes"][6]["id"], "sl7");
    // The Feelings lane is written, empty, so that the lanes read back as they were.
    assert_eq!(json["swimlanes"][2]["name"], "Feelings");
    let nodes = json["nodes"].as_array().unwrap();
    let current = map
        .cards
        .iter()
        .filter(|c| c.journey == map.journeys[0].id)
        .count();
    assert_eq!(nodes.len(), current);
    assert!(nodes.iter().all(|n| n["swimlaneId"] != "sl3"));
    for (i, node) in nodes.iter().enumerate() {
        assert_eq!(node["id"], format!("n{}", i + 1));
        if let Some(score) = node.get("score") {
            assert!(
                [-4, -2, 0, 2, 4].contains(&score.as_i64().unwrap()),
                "{node}"
            );
        }
        let moment = node["isMomentOfTruth"].as_bool().unwrap();
        assert_eq!(node.get("purpose").is_some(), moment);
    }
    let wrong_pizza = nodes
        .iter()
        .find(|n| n["title"] == "Receiving the wrong pizza")
        .unwrap();
    assert_eq!(wrong_pizza["score"], -4);
    assert_eq!(wrong_pizza["purpose"], "pain-point");
    assert_eq!(wrong_pizza["tags"], serde_json::json!(["In person"]));
    let gain = nodes.iter().find(|n| n["purpose"] == "gain").unwrap();
    assert_eq!(gain["title"], "Calling the branch to order");
}

#[test]
fn a_target_journey_is_written_with_what_it_loses() {
    let map = templates::load_in("pizza", Lang::En).unwrap();
    let target = map
        .journeys
        .iter()
        .find(|j| j.kind == JourneyKind::Target)
        .unwrap();
    let written = ojf::write(&map, target.id);
    let back = ojf::read(&written.text).unwrap();
    assert_eq!(
        held(&back.map, back.map.journeys[0].id),
        held(&map, target.id)
    );
    assert_eq!(back.map.journeys[0].kind, JourneyKind::Current);
    let kind = written
        .notes
        .iter()
        .find(|n| n.key == "ojf-export-journey-kind")
        .unwrap();
    assert!(words(kind).contains(&target.name));
}

#[test]
fn lanes_whose_names_hide_their_kind_are_reported_on_export() {
    let mut map = templates::load_in("pizza", Lang::En).unwrap();
    map.lanes[1].name = "Where it happens".into();
    let written = ojf::write(&map, map.journeys[0].id);
    let note = written
        .notes
        .iter()
        .find(|n| n.key == "ojf-export-lane-kinds")
        .unwrap();
    assert_eq!(count_of(note), 1.0);
    assert!(words(note).contains("Where it happens"));
    let back = ojf::read(&written.text).unwrap();
    assert_eq!(back.map.lanes[1].kind, LaneKind::Actions);
}

#[test]
fn every_sample_settles_after_one_trip() {
    for path in std::fs::read_dir(folder()).unwrap() {
        let path = path.unwrap().path();
        if path.extension().is_none_or(|e| e != "ojf") {
            continue;
        }
        // The edge cases that are refused have nothing to write.
        let Ok(parsed) = read_path(&path) else {
            continue;
        };
        let journey = parsed.map.journeys[0].id;
        let first = ojf::write(&parsed.map, journey);
        let back = ojf::read(&first.text).unwrap();
        assert_eq!(
            held(&back.map, back.map.journeys[0].id),
            held(&parsed.map, journey)
        );
        let second = ojf::write(&back.map, back.map.journeys[0].id);
        assert_eq!(second.text, first.text, "{}", path.display());
    }
}

#[test]
fn ten_thousand_nodes_are_read_in_one_pass() {
    let stages: Vec<String> = (0..500)
        .map(|i| format!(r#"{{"id": "s{i}", "name": "Stage {i}"}}"#))
        .collect();
    let lanes: Vec<String> = (0..100)
        .map(|i| format!(r#"{{"id": "sl{i}", "name": "Lane {i}"}}"#))
        .collect();
    let nodes: Vec<String> = (0..10_000)
        .map(|i| {
            format!(
                r#"{{"id": "n", "stageId": "s{}", "swimlaneId": "sl{}", "title": "Node {i}", "description": "Some words about node {i}", "score": {}, "sentiment": "positive", "tags": ["Mobile", "topic"], "isMomentOfTruth": {}}}"#,
                i % 500,
                i % 100,
                i % 11 - 5,
                i % 7 == 0
            )
        })
        .collect();
    let text = format!(
        r#"{{"version": "1.0", "title": "Big", "persona": "P", "stages": [{}], "swimlanes": [{}], "nodes": [{}]}}"#,
        stages.join(","),
        lanes.join(","),
        nodes.join(",")
    );
    let start = Instant::now();
    let parsed = ojf::read(&text).unwrap();
    let took = start.elapsed();
    assert_eq!(parsed.map.cards.len(), 10_000);
    assert_eq!(parsed.map.cards[9_999].title, "Node 9999");
    assert_eq!(count_of(note(&parsed, "ojf-lost-tags")), 10_000.0);
    // Well under 100 ms in a release build; this unoptimised test build only guards against
    // anything growing faster than the file.
    assert!(took < Duration::from_secs(3), "{took:?}");
}
