//! Spreadsheets as facilitators save them: the files in tests/interop/csv/ were made by hand
//! byte for byte as LibreOffice, Excel and Google Sheets write them (separators, byte-order
//! mark, line ends, quoting), and each reads into the map it shows, with the import report
//! naming everything that could not come across. Every bundled template goes to a sheet and
//! back with its journeys, stages, lanes and cards whole.

use std::path::{Path, PathBuf};
use std::time::Instant;
use trayecto::format::{self, Note, NoteArg, ParseError, Parsed, csv};
use trayecto::i18n::{self, Lang};
use trayecto::model::{
    Channel, Feeling, JourneyId, JourneyKind, LaneKind, Map, MomentKind, StageId,
};
use trayecto::templates;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/interop/csv")
        .join(name)
}

/// Reads a sample the way the editor opens a file: by the format its name says.
fn open(name: &str) -> Result<Parsed, ParseError> {
    let path = sample(name);
    let format = format::for_reading(&path);
    assert_eq!(format.id, "csv", "{name} is read as a spreadsheet");
    let text = std::fs::read_to_string(&path).unwrap();
    (format.read)(&text)
}

fn open_ok(name: &str) -> Parsed {
    open(name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn keys(notes: &[Note]) -> Vec<&'static str> {
    notes.iter().map(|n| n.key).collect()
}

fn names<'a>(list: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    list.into_iter().collect()
}

fn stage_names(map: &Map) -> Vec<&str> {
    names(map.stages.iter().map(|s| s.name.as_str()))
}

fn lanes(map: &Map) -> Vec<(&str, LaneKind)> {
    map.lanes
        .iter()
        .map(|l| (l.name.as_str(), l.kind))
        .collect()
}

/// The titles of a journey's cards in one stage, in order.
fn titles_in(map: &Map, journey: usize, stage: &str) -> Vec<String> {
    let stage = map.stages.iter().find(|s| s.name == stage).unwrap().id;
    map.cards
        .iter()
        .filter(|c| c.journey == map.journeys[journey].id && c.stage == stage)
        .map(|c| c.title.clone())
        .collect()
}

fn card<'a>(map: &'a Map, title: &str) -> &'a trayecto::model::Card {
    map.cards
        .iter()
        .find(|c| c.title == title)
        .unwrap_or_else(|| panic!("no card “{title}”"))
}

#[test]
fn a_libreoffice_sheet_in_english_reads_whole() {
    let parsed = open_ok("libreoffice-en.csv");
    assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
    let map = &parsed.map;
    assert_eq!(
        stage_names(map),
        [
            "I'm hungry",
            "Choose a pizza",
            "Order",
            "Receive and eat",
            "Rate the service"
        ]
    );
    assert_eq!(
        lanes(map),
        [
            ("Actions", LaneKind::Actions),
            ("Touchpoints", LaneKind::Touchpoints),
            ("Pain points", LaneKind::PainPoints)
        ]
    );
    let journeys: Vec<_> = map
        .journeys
        .iter()
        .map(|j| (j.name.as_str(), j.kind))
        .collect();
    assert_eq!(
        journeys,
        [
            ("Current journey", JourneyKind::Current),
            ("Target journey", JourneyKind::Target)
        ]
    );
    assert_eq!(map.cards.len(), 9);
    let order = card(map, "Calling the branch to order");
    assert_eq!(
        order.notes,
        "The staff remember her usual order, and suggest the new dessert."
    );
    assert_eq!(order.channel, Some(Channel::Phone));
    assert_eq!(order.feeling, Some(Feeling::Happy), "a score of 4");
    let moment = order.moment.as_ref().unwrap();
    assert_eq!(moment.kind, MomentKind::Gain);
    assert_eq!(moment.why, "They remember her usual order");
    let wrong = card(map, "Receiving the wrong pizza");
    assert_eq!(wrong.feeling, Some(Feeling::Angry), "a score of 1");
    assert_eq!(wrong.channel, Some(Channel::InPerson));
    assert_eq!(wrong.moment.as_ref().unwrap().kind, MomentKind::Pain);
    assert!(titles_in(map, 0, "Rate the service").is_empty());
    assert_eq!(titles_in(map, 1, "Order"), ["Two-tap reorder"]);
    assert_eq!(
        card(map, "Two-tap reorder").feeling,
        Some(Feeling::Delighted)
    );
}

#[test]
fn a_spanish_locale_sheet_with_semicolons_reads_whole() {
    let parsed = open_ok("hoja-es.csv");
    let map = &parsed.map;
    assert_eq!(stage_names(map), ["Tengo hambre", "Pido", "Recibo y como"]);
    assert_eq!(
        lanes(map),
        [
            ("Acciones", LaneKind::Actions),
            ("Puntos de contacto", LaneKind::Touchpoints),
            ("Puntos de dolor", LaneKind::PainPoints)
        ]
    );
    assert_eq!(map.journeys[0].name, "Trayecto actual");
    assert_eq!(map.journeys[1].name, "Trayecto objetivo");
    assert_eq!(map.journeys[1].kind, JourneyKind::Target);
    let call = card(map, "Llamo a la sucursal");
    assert_eq!(call.channel, Some(Channel::Phone));
    assert_eq!(call.feeling, Some(Feeling::Happy));
    assert_eq!(call.moment.as_ref().unwrap().why, "Me conocen");
    let wrong = card(map, "No me dieron la pizza que pedí");
    assert_eq!(wrong.feeling, Some(Feeling::Angry));
    assert_eq!(wrong.channel, Some(Channel::InPerson));
    assert_eq!(wrong.moment.as_ref().unwrap().kind, MomentKind::Pain);
    assert_eq!(
        card(map, "Repito mi pedido en dos toques").feeling,
        Some(Feeling::Delighted)
    );
    // The cost column is not the map's: named, with its two values, and nothing else noted.
    assert_eq!(keys(&parsed.notes), ["csv-unknown-columns"]);
    let note = &parsed.notes[0];
    assert!(
        note.args
            .contains(&("columns", NoteArg::Text("Coste (€)".into())))
    );
    assert!(note.args.contains(&("count", NoteArg::Number(2.0))));
}

#[test]
fn an_excel_utf8_sheet_with_bom_and_crlf_keeps_its_accents() {
    let path = sample("excel-csv-utf8.csv");
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbf") && bytes.windows(2).any(|w| w == b"\r\n"));
    let parsed = open_ok("excel-csv-utf8.csv");
    assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
    let map = &parsed.map;
    assert_eq!(map.journeys[0].name, "Current journey");
    let checkout = card(map, "Café checkout");
    assert_eq!(checkout.notes, "Paid with card, no receipt");
    assert_eq!(
        checkout.moment.as_ref().unwrap().why,
        "Wanted a \"proper\" receipt"
    );
    assert_eq!(
        card(map, "Offer e-mail receipts").channel,
        Some(Channel::Email)
    );
    assert_eq!(
        lanes(map),
        [
            ("Actions", LaneKind::Actions),
            ("Thoughts", LaneKind::Thoughts),
            ("Touchpoints", LaneKind::Touchpoints),
            ("Opportunities", LaneKind::Opportunities)
        ]
    );
}

#[test]
fn a_tab_separated_sheet_reads_with_commas_in_its_cells() {
    let parsed = open_ok("tab-separated.tsv");
    assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
    let map = &parsed.map;
    let search = card(map, "Searches online, compares three shops");
    assert_eq!(search.feeling, Some(Feeling::Neutral));
    assert_eq!(search.channel, Some(Channel::Web));
    let till = card(map, "Pays at the till");
    assert_eq!(till.notes, "Cash only; queue of 10");
    assert_eq!(till.channel, Some(Channel::InPerson));
    // A lane with no kind and no cards takes the kind its name says: the emotion curve.
    assert_eq!(
        lanes(map),
        [
            ("Actions", LaneKind::Actions),
            ("Emotional state", LaneKind::Feelings)
        ]
    );
    assert_eq!(map.journeys.len(), 1);
}

#[test]
fn quoted_cells_keep_their_line_breaks_and_quotes() {
    let parsed = open_ok("quoted-line-breaks.csv");
    let map = &parsed.map;
    assert_eq!(map.cards.len(), 3);
    assert_eq!(map.cards[0].title, "Parks the car\nand walks in");
    assert_eq!(
        map.cards[0].notes,
        "She said \"where is the entrance?\"\nTwice."
    );
    assert_eq!(map.cards[1].title, "\"Is this the right door?\"");
    assert_eq!(map.cards[2].notes, "Line one\nLine two\n\nLine four");
    assert_eq!(stage_names(map), ["Arrive", "Leave"]);
    assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
}

#[test]
fn empty_rows_and_columns_at_the_end_are_nothing() {
    let parsed = open_ok("trailing-empties.csv");
    assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
    assert_eq!(stage_names(&parsed.map), ["Llegar", "Pagar"]);
    assert_eq!(parsed.map.cards.len(), 2);
}

#[test]
fn a_row_without_a_title_makes_an_empty_stage_or_lane() {
    let parsed = open_ok("empty-stage.csv");
    let map = &parsed.map;
    assert_eq!(stage_names(map), ["Research", "Visit", "Buy"]);
    assert_eq!(
        lanes(map),
        [
            ("Actions", LaneKind::Actions),
            ("Backstage", LaneKind::Backstage)
        ]
    );
    assert!(titles_in(map, 0, "Visit").is_empty());
    // The merged-cell row under the first one took its stage and lane from it.
    assert_eq!(
        titles_in(map, 0, "Research"),
        ["Reads reviews", "Asks a friend"]
    );
    assert_eq!(keys(&parsed.notes), ["csv-filled-from-above"]);
    assert_eq!(parsed.notes[0].line, Some(3));
}

#[test]
fn columns_trayecto_does_not_read_are_named_with_their_values() {
    let parsed = open_ok("unknown-columns.csv");
    assert_eq!(keys(&parsed.notes), ["csv-unknown-columns"]);
    let note = &parsed.notes[0];
    assert!(
        note.args
            .contains(&("columns", NoteArg::Text("Owner, Priority".into())))
    );
    assert!(note.args.contains(&("count", NoteArg::Number(4.0))));
    assert_eq!(card(&parsed.map, "Signs up").feeling, Some(Feeling::Happy));
    i18n::set(Lang::Es);
    let words = note.message();
    i18n::set(Lang::En);
    assert!(
        words.contains("Owner, Priority") && words.contains("4 valores"),
        "{words}"
    );
}

#[test]
fn values_that_mean_nothing_are_noted_with_their_line_and_left_empty() {
    let parsed = open_ok("bad-values.csv");
    let map = &parsed.map;
    assert_eq!(map.cards.len(), 4, "no card is lost for a bad value");
    let found: Vec<_> = parsed.notes.iter().map(|n| (n.key, n.line)).collect();
    assert_eq!(
        found,
        [
            ("csv-bad-channel", Some(2)),
            ("csv-bad-feeling", Some(3)),
            ("csv-bad-feeling", Some(4)),
            ("csv-bad-moment", Some(4)),
        ]
    );
    assert_eq!(card(map, "Calls").channel, None);
    assert_eq!(card(map, "Calls").feeling, Some(Feeling::Happy));
    assert_eq!(card(map, "Writes").feeling, None);
    assert_eq!(
        card(map, "Waits").feeling,
        None,
        "9 is no score from 1 to 5"
    );
    assert_eq!(card(map, "Waits").moment, None);
    assert_eq!(card(map, "Gives up").moment_kind(), Some(MomentKind::Pain));
    let words = parsed.notes[0].to_string();
    assert!(
        words.starts_with("line 2: “carrier pigeon” is not a channel"),
        "{words}"
    );
}

#[test]
fn a_sheet_without_a_lane_column_is_refused_naming_it() {
    let error = open("missing-column.csv").unwrap_err();
    assert!(matches!(error, ParseError::Refused { .. }), "{error:?}");
    assert_eq!(error.position().map(|p| p.line), Some(1));
    let words = error.to_string();
    assert!(words.contains("lane / carril"), "{words}");
    assert!(!words.contains("stage /"), "stage is there: {words}");
    i18n::set(Lang::Es);
    let words = error.message();
    i18n::set(Lang::En);
    assert!(words.contains("falta esta: lane / carril"), "{words}");
}

#[test]
fn a_sheet_with_only_its_header_is_an_empty_map() {
    let parsed = open_ok("header-only.csv");
    assert_eq!(keys(&parsed.notes), ["csv-no-rows"]);
    assert!(parsed.map.cards.is_empty());
    assert_eq!(parsed.map.journeys.len(), 1);
    // A grid to start from, as every imported map has.
    assert_eq!((parsed.map.stages.len(), parsed.map.lanes.len()), (1, 1));
}

#[test]
fn spreadsheet_files_are_known_by_their_extension() {
    for name in ["map.csv", "map.TSV", "Mapa final.Csv"] {
        assert_eq!(format::for_reading(Path::new(name)).id, "csv", "{name}");
    }
    assert_eq!(csv::FORMAT.extension(), "csv");
    assert_eq!(format::by_id("csv").map(|f| f.name_key), Some("csv-file"));
}

/// What a journey map's sheet must bring back: journeys, stages, lanes and the cards of each
/// cell in order, with every value a card table holds.
type Shape = (
    Vec<(String, JourneyKind)>,
    Vec<String>,
    Vec<(String, LaneKind)>,
    Vec<Vec<String>>,
);

fn shape(map: &Map) -> Shape {
    let journey_at = |id: JourneyId| map.journey_index(id).unwrap();
    let stage_at = |id: StageId| map.stage_index(id).unwrap();
    let mut cards: Vec<_> = map
        .cards
        .iter()
        .map(|c| {
            let place = (
                journey_at(c.journey),
                stage_at(c.stage),
                map.lane_index(c.lane).unwrap(),
            );
            let moment = c.moment.as_ref().map(|m| format!("{:?} {}", m.kind, m.why));
            (
                place,
                vec![
                    format!("{place:?}"),
                    c.title.clone(),
                    c.notes.clone(),
                    format!("{:?}", c.channel),
                    format!("{:?}", c.feeling),
                    format!("{moment:?}"),
                ],
            )
        })
        .collect();
    // Cells in order, and each cell's cards in the map's order (a stable sort).
    cards.sort_by_key(|(place, _)| *place);
    (
        map.journeys
            .iter()
            .map(|j| (j.name.clone(), j.kind))
            .collect(),
        map.stages.iter().map(|s| s.name.clone()).collect(),
        map.lanes.iter().map(|l| (l.name.clone(), l.kind)).collect(),
        cards.into_iter().map(|(_, c)| c).collect(),
    )
}

#[test]
fn every_template_goes_to_a_sheet_and_back_whole_in_both_languages() {
    for lang in Lang::ALL {
        for (name, _) in templates::list_in(lang) {
            let map = templates::load_in(name, lang).unwrap();
            let written = csv::write(&map, map.journeys[0].id);
            assert!(written.text.starts_with("\u{feff}journey,stage,lane,lane_kind,title,notes,channel,feeling,moment,moment_why\r\n"));
            let back = csv::read(&written.text)
                .unwrap_or_else(|e| panic!("{name} ({lang:?}) does not read back: {e}"));
            assert_eq!(shape(&back.map), shape(&map), "{name} ({lang:?})");
            assert!(back.notes.is_empty(), "{name}: {:?}", back.notes);
            let again = csv::write(&back.map, back.map.journeys[0].id);
            assert_eq!(
                again.text, written.text,
                "{name} ({lang:?}): a second trip changes the sheet"
            );
            // A map read from a sheet has nothing a sheet cannot hold.
            assert!(again.notes.is_empty(), "{name}: {:?}", again.notes);
            // What the sheet cannot hold is listed, once per kind, only when the map has it.
            let lost = keys(&written.notes);
            assert_eq!(
                lost.contains(&"csv-lost-personas"),
                !map.personas.is_empty(),
                "{name}"
            );
            assert_eq!(
                lost.contains(&"csv-lost-kpis"),
                !map.kpis.is_empty(),
                "{name}"
            );
            assert_eq!(
                lost.contains(&"csv-lost-phases"),
                !map.phases.is_empty(),
                "{name}"
            );
            assert_eq!(
                lost.contains(&"csv-lost-forks"),
                !map.forks.is_empty(),
                "{name}"
            );
            assert_eq!(
                lost.contains(&"csv-lost-actions"),
                !map.actions.is_empty(),
                "{name}"
            );
            assert!(!lost.contains(&"csv-lost-journey-kinds"), "{name}");
            assert!(!lost.contains(&"csv-lost-departments"), "{name}");
            let mut unique = lost.clone();
            unique.dedup();
            assert_eq!(unique, lost, "{name}: one note per kind");
        }
    }
}

#[test]
fn the_pizza_sheet_lists_what_a_card_table_cannot_hold() {
    let map = templates::load_in("pizza", Lang::En).unwrap();
    let written = csv::write(&map, map.journeys[0].id);
    let count = |key: &str| {
        let note = written
            .notes
            .iter()
            .find(|n| n.key == key)
            .unwrap_or_else(|| panic!("no {key} in {:?}", written.notes));
        note.args
            .iter()
            .find_map(|(name, v)| match v {
                NoteArg::Number(n) if *name == "count" => Some(*n as usize),
                _ => None,
            })
            .unwrap()
    };
    assert_eq!(count("csv-lost-personas"), map.personas.len());
    assert_eq!(count("csv-lost-phases"), map.phases.len());
    assert_eq!(count("csv-lost-forks"), map.forks.len());
    // The Feelings lane holds no card, yet it is in the sheet, in its place.
    assert!(written.text.contains(",Feelings,feelings,,"));
    for note in &written.notes {
        let words = note.to_string();
        assert!(!words.contains("csv-") && !words.contains('{'), "{words}");
    }
}

#[test]
fn what_a_sheet_cannot_hold_is_noted_and_names_are_kept_apart() {
    let mut map = templates::load_in("pizza", Lang::En).unwrap();
    map.stages[1].name = map.stages[0].name.to_uppercase();
    map.lanes[0].name = String::new();
    map.journeys[0].kind = JourneyKind::Other;
    let mut empty = map.cards[0].clone();
    empty.id = trayecto::model::CardId(9_999);
    empty.title = "  ".into();
    empty.notes.clear();
    empty.channel = None;
    empty.feeling = None;
    empty.moment = None;
    map.cards.push(empty);
    map.departments.push(trayecto::model::Department {
        id: trayecto::model::DepartmentId(99),
        name: "Growth".into(),
    });
    let written = csv::write(&map, map.journeys[0].id);
    let lost = keys(&written.notes);
    for key in [
        "csv-renamed",
        "csv-lost-journey-kinds",
        "csv-lost-empty-cards",
        "csv-lost-departments",
    ] {
        assert!(lost.contains(&key), "{key} not in {lost:?}");
    }
    assert!(!lost.contains(&"csv-lost-streams"), "{lost:?}");
    let back = csv::read(&written.text).unwrap().map;
    assert_eq!(
        back.stages.len(),
        map.stages.len(),
        "same-named stages stay two"
    );
    assert_eq!(back.stages[1].name, format!("{} (2)", map.stages[1].name));
    assert_eq!(back.lanes.len(), map.lanes.len());
    assert_eq!(back.cards.len(), map.cards.len() - 1);
}

#[test]
fn no_input_makes_the_reader_panic() {
    let nasty = [
        "\"",
        "stage,lane,title\n\"unclosed,quote\n",
        "stage,lane,title\r\r\r,,,\"\"\"\n",
        "stage;lane;title\n;;;;;;;;;;;;;;;;;;\n\t\t\t",
        "\u{feff}\u{feff}stage,lane,title\nA,B,C\n",
        "stage,lane,title,feeling\nA,B,C,99999999999999999999999\nA,B,C,-0\nA,B,C,1e400\n",
        "stage,stage,lane,lane,title,title\nA,B,C,D,E,F\n",
        "journey,stage,lane,title\n,,,\n,,,x\n",
        "\0\0\0",
    ];
    for text in nasty {
        let _ = csv::read(text);
    }
    let double_bom = csv::read(nasty[4]).unwrap();
    assert_eq!(double_bom.map.cards.len(), 1);
}

#[test]
fn a_sheet_of_ten_thousand_rows_reads_quickly() {
    let mut text = String::from(
        "journey,stage,lane,lane_kind,title,notes,channel,feeling,moment,moment_why\n",
    );
    for i in 0..10_000 {
        text.push_str(&format!(
            "Journey {},Stage {},Lane {},,Card {i},\"Notes, with a comma\",web,{},gain,why\n",
            i % 3,
            i % 200,
            i % 50,
            i % 5 + 1
        ));
    }
    let start = Instant::now();
    let parsed = csv::read(&text).unwrap();
    let took = start.elapsed();
    assert_eq!(parsed.map.cards.len(), 10_000);
    assert_eq!(parsed.map.stages.len(), 200);
    assert_eq!(parsed.map.journeys.len(), 3);
    // Unoptimised test builds are some ten times slower than a release; the bound is a
    // guard against quadratic work, which would take seconds here.
    eprintln!("10,000 rows read in {took:?}");
    assert!(took.as_millis() < 2_000, "took {took:?}");
}

#[test]
fn a_very_wide_sheet_reads_in_time_with_its_columns_listed_briefly() {
    // A header of 20,000 columns over 20,000 short rows, and one row of 20,000 stray values:
    // each row costs its own cells, not the header's width.
    let mut text = String::from("stage,lane,title");
    for i in 0..20_000 {
        text.push_str(&format!(",extra {i}"));
    }
    text.push('\n');
    for _ in 0..20_000 {
        text.push_str("A,B,C\n");
    }
    text.push_str("A,B,wide");
    text.push_str(&",x".repeat(40_000));
    text.push('\n');
    let start = Instant::now();
    let parsed = csv::read(&text).unwrap();
    let took = start.elapsed();
    assert_eq!(parsed.map.cards.len(), 20_001);
    assert!(took.as_millis() < 3_000, "took {took:?}");
    let unknown = parsed
        .notes
        .iter()
        .find(|n| n.key == "csv-unknown-columns")
        .unwrap();
    let words = unknown.message();
    assert!(
        words.len() < 1_000 && words.contains("extra 19, …"),
        "{words}"
    );
    assert!(unknown.args.contains(&("count", NoteArg::Number(20_000.0))));
    let unnamed = parsed
        .notes
        .iter()
        .find(|n| n.key == "csv-unnamed-columns")
        .unwrap();
    assert!(unnamed.args.contains(&("count", NoteArg::Number(20_000.0))));
}
