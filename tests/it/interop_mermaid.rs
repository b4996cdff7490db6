//! Mermaid `journey` diagrams in and out, through the public API only: the examples from
//! Mermaid's own documentation and test pages, edge cases written for these tests (each one a
//! case real diagrams contain), and Trayecto's example map there and back. The files are in
//! `tests/interop/mermaid/` (see its SOURCE.md).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use trayecto::format::{self, Holds, Note, NoteArg, ParseError, Parsed, Position, mermaid};
use trayecto::i18n::{self, Lang};
use trayecto::model::{Feeling, JourneyId, LaneKind, Map};
use trayecto::templates;

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/mermaid")
}

/// A file read the way the editor reads it: by the format its extension names.
fn read_path(path: &Path) -> Result<Parsed, ParseError> {
    let format = format::for_reading(path);
    assert_eq!(format.id, "mermaid", "{}", path.display());
    let bytes = std::fs::read(path).unwrap();
    (format.read)(&String::from_utf8(bytes).unwrap())
}

fn open(name: &str) -> Parsed {
    read_path(&folder().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn refused(name: &str) -> (Option<Position>, Note) {
    match read_path(&folder().join(name)) {
        Err(ParseError::Refused { at, note }) => (at, note),
        Err(other) => panic!("{name}: refused the wrong way: {other:?}"),
        Ok(parsed) => panic!("{name}: read, but Mermaid rejects it: {:?}", parsed.map),
    }
}

fn keys(notes: &[Note]) -> Vec<&'static str> {
    notes.iter().map(|n| n.key).collect()
}

fn note<'a>(notes: &'a [Note], key: &str) -> &'a Note {
    notes
        .iter()
        .find(|n| n.key == key)
        .unwrap_or_else(|| panic!("no note {key} among {:?}", keys(notes)))
}

fn count_of(note: &Note) -> f64 {
    match note.args.iter().find(|(name, _)| *name == "count") {
        Some((_, NoteArg::Number(n))) => *n,
        _ => panic!("{note:?} has no count"),
    }
}

fn stages(map: &Map) -> Vec<&str> {
    map.stages.iter().map(|s| s.name.as_str()).collect()
}

fn titles(map: &Map) -> Vec<&str> {
    map.cards.iter().map(|c| c.title.as_str()).collect()
}

fn personas(map: &Map) -> Vec<&str> {
    map.personas.iter().map(|p| p.name.as_str()).collect()
}

fn feelings(map: &Map) -> Vec<Option<Feeling>> {
    map.cards.iter().map(|c| c.feeling).collect()
}

/// The only journey of a map read from Mermaid.
fn journey(map: &Map) -> JourneyId {
    assert_eq!(map.journeys.len(), 1);
    map.journeys[0].id
}

/// Written, read and written again: the two texts are the same bytes.
fn written_twice(map: &Map, id: JourneyId) -> (String, Parsed) {
    let first = mermaid::write(map, id);
    let back = mermaid::read(&first.text).unwrap_or_else(|e| panic!("{e}\n{}", first.text));
    let second = mermaid::write(&back.map, journey(&back.map));
    assert_eq!(second.text, first.text, "a second trip changed the text");
    (first.text, back)
}

#[test]
fn the_table_knows_mermaid_by_its_extensions() {
    for name in ["a.mmd", "b.MERMAID", "docs/c.md", "D.Md"] {
        let format = format::for_reading(Path::new(name));
        assert_eq!(format.id, "mermaid", "{name}");
        assert_eq!(format.holds, Holds::OneJourney);
        assert_eq!(format.extension(), "mmd");
    }
    assert_eq!(format::by_id("mermaid").unwrap().name(), "Mermaid journey");
}

#[test]
fn the_documentation_example_comes_across_whole() {
    let parsed = open("my-working-day.mmd");
    let map = &parsed.map;
    assert_eq!(map.title, "My working day");
    assert_eq!(stages(map), ["Go to work", "Go home"]);
    // The steps, and a feelings lane that draws the scores as the emotion curve.
    assert_eq!(map.lanes.len(), 2);
    assert_eq!(map.lanes[0].kind, LaneKind::Actions);
    assert_eq!(map.lanes[0].name, "Steps");
    assert_eq!(map.lanes[1].kind, LaneKind::Feelings);
    assert_eq!(
        titles(map),
        [
            "Make tea",
            "Go upstairs",
            "Do work",
            "Go downstairs",
            "Sit down"
        ]
    );
    use Feeling::*;
    assert_eq!(
        feelings(map),
        [
            Some(Delighted),
            Some(Neutral),
            Some(Angry),
            Some(Delighted),
            Some(Delighted)
        ]
    );
    assert_eq!(personas(map), ["Me", "Cat"]);
    assert_eq!(map.journeys[0].persona, Some(map.personas[0].id));
    assert_eq!(map.cards[2].notes, "Actors: Me, Cat");
    assert_eq!(keys(&parsed.notes), ["mermaid-actors-in-notes"]);
    // Written back, it is the documentation's text, byte for byte.
    let text = std::fs::read_to_string(folder().join("my-working-day.mmd")).unwrap();
    assert_eq!(mermaid::write(map, journey(map)).text, text);
}

#[test]
fn the_shopping_trip_keeps_its_four_actors_and_repeated_task() {
    let parsed = open("go-shopping.mmd");
    let map = &parsed.map;
    assert_eq!(map.title, "Go shopping");
    assert_eq!(stages(map), ["Get to the shops", "Do shopping", "Go home"]);
    assert_eq!(map.cards.len(), 11);
    let get_in: Vec<_> = map
        .cards
        .iter()
        .filter(|c| c.title == "Get into car")
        .collect();
    assert_eq!(get_in.len(), 2);
    assert_ne!(get_in[0].stage, get_in[1].stage);
    assert_eq!(get_in[0].notes, "Actors: Dad, Mum, Child 1, Child 2");
    assert_eq!(personas(map), ["Dad", "Mum", "Child 1", "Child 2"]);
    assert_eq!(map.journeys[0].persona, Some(map.personas[0].id));
    assert_eq!(map.cards[1].feeling, Some(Feeling::Delighted));
    assert_eq!(map.cards[5].feeling, Some(Feeling::Sad));
    // Through Trayecto and back, every task keeps its score and its actors.
    let (text, back) = written_twice(map, journey(map));
    assert!(
        text.contains("      Get cross: 1: Dad, Child 1\n"),
        "{text}"
    );
    assert!(
        text.contains("      Really drive to supermarket: 3: Dad\n"),
        "{text}"
    );
    assert_eq!(titles(&back.map), titles(map));
    assert_eq!(feelings(&back.map), feelings(map));
    assert_eq!(personas(&back.map), personas(map));
}

#[test]
fn front_matter_and_settings() {
    let parsed = open("edge-front-matter.mmd");
    assert_eq!(parsed.map.title, "Renewing a passport");
    assert_eq!(stages(&parsed.map), ["Prepare"]);
    assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);

    let parsed = open("edge-init.mmd");
    assert_eq!(parsed.map.title, "Checking in at the hotel");
    assert_eq!(
        titles(&parsed.map),
        ["Queue at the desk", "Get the key card"]
    );
    let settings = note(&parsed.notes, "mermaid-settings");
    assert_eq!(settings.line, Some(1));
    assert!(
        settings.to_string().starts_with("line 1: Mermaid settings"),
        "{settings}"
    );
}

#[test]
fn accessibility_texts_are_reported_as_not_kept() {
    let parsed = open("edge-acc-descr.mmd");
    assert_eq!(parsed.map.title, "Online banking");
    assert_eq!(stages(&parsed.map), ["Open", "Pay"]);
    assert_eq!(note(&parsed.notes, "mermaid-acc-title").line, Some(3));
    let described = note(&parsed.notes, "mermaid-acc-descr");
    assert_eq!(described.line, Some(4));
    assert!(
        described
            .to_string()
            .contains("A customer opens an account")
    );
}

#[test]
fn sections_empty_repeated_or_missing() {
    let parsed = open("edge-empty-section.mmd");
    assert_eq!(
        stages(&parsed.map),
        ["Decide", "Print the label", "Drop off"]
    );
    assert_eq!(parsed.map.cards.len(), 2);
    assert_eq!(parsed.map.cards[1].stage, parsed.map.stages[2].id);

    let parsed = open("edge-no-tasks.mmd");
    assert_eq!(stages(&parsed.map), ["Discover", "Buy"]);
    assert!(parsed.map.cards.is_empty());
    assert!(parsed.map.personas.is_empty());

    let parsed = open("edge-repeated-section.mmd");
    assert_eq!(
        stages(&parsed.map),
        ["Waiting room", "Consultation", "Waiting room"]
    );
    let ids: Vec<_> = parsed.map.stages.iter().map(|s| s.id).collect();
    let cards: Vec<_> = parsed.map.cards.iter().map(|c| c.stage).collect();
    assert_eq!(cards, ids);

    let parsed = open("edge-before-section.mmd");
    assert_eq!(stages(&parsed.map), ["(no section)", "Work"]);
    assert_eq!(titles(&parsed.map), ["Wake up", "Answer email"]);
}

#[test]
fn spacing_tabs_and_capitals_do_not_matter() {
    let parsed = open("edge-spacing.mmd");
    assert_eq!(
        titles(&parsed.map),
        ["Packed", "Spread out", "Padded", "No actors"]
    );
    use Feeling::*;
    assert_eq!(
        feelings(&parsed.map),
        [Some(Delighted), Some(Happy), Some(Neutral), Some(Sad)]
    );
    assert_eq!(personas(&parsed.map), ["Me", "You"]);
    let notes: Vec<_> = parsed.map.cards.iter().map(|c| c.notes.as_str()).collect();
    assert_eq!(notes, ["", "Actors: Me, You", "Actors: You", "Actors: —"]);

    let parsed = open("edge-tabs.mmd");
    assert_eq!(parsed.map.title, "Tabs everywhere");
    assert_eq!(stages(&parsed.map), ["Morning"]);
    assert_eq!(titles(&parsed.map), ["Wake up", "Coffee"]);
    assert_eq!(personas(&parsed.map), ["Me", "Cat"]);

    let parsed = open("edge-case.mmd");
    assert_eq!(parsed.map.title, "Shouting keywords");
    assert_eq!(stages(&parsed.map), ["Loud", "Quieter"]);
    assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
}

#[test]
fn non_latin_text_and_padding() {
    let parsed = open("edge-non-latin.mmd");
    let map = &parsed.map;
    assert_eq!(map.title, "Путешествие клиента");
    assert_eq!(stages(map), ["予約", "Llegada", "الوصول"]);
    assert_eq!(
        titles(map),
        [
            "オンラインで予約する",
            "確認メールを受け取る",
            "Pagar en recepción",
            "تسجيل الوصول"
        ]
    );
    assert_eq!(personas(map), ["田中さん", "佐藤さん", "Ana María"]);
    written_twice(map, journey(map));
}

#[test]
fn line_break_tags_are_line_breaks_both_ways() {
    let parsed = open("edge-br.mmd");
    let map = &parsed.map;
    assert_eq!(stages(map), ["First\nstep", "Second\nstep", "Third\nstep"]);
    assert_eq!(titles(map), ["Task\non two lines", "Tab\nbreak", "Plain"]);
    let (text, _) = written_twice(map, journey(map));
    assert!(text.contains("    section First<br>step\n"), "{text}");
    assert!(
        text.contains("      Task<br>on two lines: 4: Me\n"),
        "{text}"
    );
}

#[test]
fn scores_mermaid_takes_but_the_scale_does_not_hold_are_reported_by_line() {
    let parsed = open("edge-scores-6-9.mmd");
    assert!(
        feelings(&parsed.map)
            .iter()
            .all(|f| *f == Some(Feeling::Delighted))
    );
    let reported: Vec<_> = parsed
        .notes
        .iter()
        .filter(|n| n.key == "mermaid-score-outside")
        .map(|n| n.line)
        .collect();
    assert_eq!(reported, [Some(4), Some(5), Some(6), Some(7)]);
    assert_eq!(
        parsed.notes[0].to_string(),
        "line 4: “Friendly staff”: score 9 is outside 1–5; taken as Delighted"
    );

    let parsed = open("edge-stray-size.mmd");
    assert_eq!(titles(&parsed.map), ["size", "Sign up"]);
    assert_eq!(parsed.map.cards[0].feeling, None);
    let stray = note(&parsed.notes, "mermaid-score-not-number");
    assert_eq!(stray.line, Some(3));
    assert!(stray.to_string().contains("2rem"), "{stray}");

    let parsed = open("edge-misuse.mmd");
    assert!(parsed.map.cards.iter().all(|c| c.feeling.is_none()));
    assert_eq!(titles(&parsed.map), ["User", "User"]);
    let lines: Vec<_> = parsed
        .notes
        .iter()
        .filter(|n| n.key == "mermaid-score-not-number")
        .map(|n| n.line)
        .collect();
    assert_eq!(lines, [Some(4), Some(5)]);
    assert_eq!(
        parsed
            .notes
            .iter()
            .filter(|n| n.key == "mermaid-extra-data")
            .count(),
        2
    );
}

#[test]
fn windows_line_ends_and_a_byte_order_mark() {
    let raw = std::fs::read(folder().join("edge-crlf.mmd")).unwrap();
    assert!(
        raw.windows(2).any(|w| w == b"\r\n"),
        "the file lost its CRLF"
    );
    let parsed = open("edge-crlf.mmd");
    assert_eq!(parsed.map.title, "Windows line ends");
    assert_eq!(stages(&parsed.map), ["One", "Two"]);
    assert_eq!(titles(&parsed.map), ["First", "Second"]);

    let (at, note) = refused("edge-crlf-broken.mmd");
    assert_eq!(at, Some(Position { line: 5, col: 5 }));
    assert_eq!(note.key, "mermaid-not-a-task");

    let raw = std::fs::read(folder().join("edge-bom.mmd")).unwrap();
    assert!(
        raw.starts_with(b"\xef\xbb\xbf"),
        "the file lost its byte-order mark"
    );
    let parsed = open("edge-bom.mmd");
    assert_eq!(parsed.map.title, "Saved with a byte-order mark");
    assert_eq!(titles(&parsed.map), ["Task"]);
}

#[test]
fn diagrams_mermaid_rejects_are_refused_at_their_line() {
    let cases = [
        ("edge-acc-description.mmd", 3, 3, "mermaid-acc-description"),
        ("edge-section-colon.mmd", 3, 17, "mermaid-section-colon"),
        ("edge-missing-score.mmd", 5, 11, "mermaid-no-score"),
        ("edge-flowchart.mmd", 1, 1, "mermaid-other-diagram"),
        ("no-journey.md", 3, 1, "mermaid-md-no-journey"),
        ("broken-in-docs.md", 8, 3, "mermaid-acc-description"),
    ];
    for (name, line, col, key) in cases {
        let (at, note) = refused(name);
        assert_eq!(
            (at, note.key),
            (Some(Position { line, col }), key),
            "{name}"
        );
    }
    // The error reads as words, with the place in front.
    let error = read_path(&folder().join("edge-acc-description.mmd")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "3:3: Mermaid no longer reads “accDescription”: write “accDescr: …” instead"
    );
    let error = read_path(&folder().join("edge-flowchart.mmd")).unwrap_err();
    assert!(error.to_string().contains("“flowchart”"), "{error}");
}

#[test]
fn markdown_gives_its_first_journey_and_says_what_else_it_holds() {
    let parsed = open("journey-in-docs.md");
    let map = &parsed.map;
    // The block's own front matter, not the Markdown file's.
    assert_eq!(map.title, "First week");
    assert_eq!(stages(map), ["Day one", "Day two"]);
    assert_eq!(titles(map), ["Get a laptop", "Meet the team", "First task"]);
    assert_eq!(personas(map), ["New starter", "Buddy"]);
    assert_eq!(count_of(note(&parsed.notes, "mermaid-more-journeys")), 1.0);
    assert_eq!(count_of(note(&parsed.notes, "mermaid-other-diagrams")), 1.0);
}

#[test]
fn every_file_that_reads_gives_the_same_text_on_a_second_trip() {
    let mut read = 0;
    for entry in std::fs::read_dir(folder()).unwrap() {
        let path = entry.unwrap().path();
        if !path.extension().is_some_and(|e| e == "mmd" || e == "md") {
            continue;
        }
        let Ok(parsed) = read_path(&path) else {
            continue;
        };
        let map = &parsed.map;
        let (_, back) = written_twice(map, journey(map));
        assert_eq!(stages(&back.map), stages(map), "{}", path.display());
        assert_eq!(titles(&back.map), titles(map), "{}", path.display());
        assert_eq!(personas(&back.map), personas(map), "{}", path.display());
        // A card without a feeling is written with score 3, so it comes back neutral.
        let expected: Vec<_> = feelings(map)
            .into_iter()
            .map(|f| f.or(Some(Feeling::Neutral)))
            .collect();
        assert_eq!(feelings(&back.map), expected, "{}", path.display());
        read += 1;
    }
    assert!(read >= 20, "only {read} files read");
}

#[test]
fn the_example_map_goes_to_mermaid_and_back() {
    for lang in Lang::ALL {
        i18n::set(lang);
        let map = templates::load_in("pizza", lang).unwrap();
        let current = map.journeys[0].id;
        let (text, back) = written_twice(&map, current);
        let written = mermaid::write(&map, current);
        assert!(text.starts_with("journey\n    title "), "{text}");
        assert_eq!(back.map.title, map.title);
        assert_eq!(stages(&back.map), stages(&map));

        // Every card of the journey, stage by stage, then lane by lane.
        let lane_rank = |lane| map.lanes.iter().position(|l| l.id == lane).unwrap();
        let stage_rank = |stage| map.stages.iter().position(|s| s.id == stage).unwrap();
        let mut cards: Vec<_> = map
            .cards
            .iter()
            .enumerate()
            .filter(|(_, c)| c.journey == current)
            .map(|(i, c)| ((stage_rank(c.stage), lane_rank(c.lane), i), c))
            .collect();
        cards.sort_by_key(|(rank, _)| *rank);
        let expected_titles: Vec<_> = cards.iter().map(|(_, c)| c.title.as_str()).collect();
        assert_eq!(titles(&back.map), expected_titles);
        for ((_, card), read) in cards.iter().zip(&back.map.cards) {
            assert_eq!(stage_rank(card.stage), stage_rank_in(&back.map, read.stage));
            assert_eq!(read.feeling, card.feeling.or(Some(Feeling::Neutral)));
        }

        // The journey's persona is every task's actor; a comma in the name survives.
        let persona = map
            .personas
            .iter()
            .find(|p| Some(p.id) == map.journeys[0].persona);
        let persona = persona.unwrap();
        assert!(persona.name.contains(','));
        assert_eq!(personas(&back.map), [persona.name.as_str()]);
        assert_eq!(back.map.journeys[0].persona, Some(back.map.personas[0].id));
        assert!(back.map.cards.iter().all(|c| c.notes.is_empty()));

        // What Mermaid cannot hold is reported once per kind, with a count.
        let found = keys(&written.notes);
        for key in [
            "mermaid-lost-journeys",
            "mermaid-lost-lanes",
            "mermaid-no-feeling",
            "mermaid-lost-notes",
            "mermaid-lost-channels",
            "mermaid-lost-moments",
            "mermaid-lost-personas",
            "mermaid-lost-persona-details",
            "mermaid-lost-kpis",
            "mermaid-lost-phases",
            "mermaid-coded",
        ] {
            assert!(found.contains(&key), "{lang:?}: no {key} in {found:?}");
        }
        let unique: std::collections::HashSet<_> = found.iter().collect();
        assert_eq!(
            unique.len(),
            found.len(),
            "a kind of loss noted twice: {found:?}"
        );
        let no_feeling = map
            .cards
            .iter()
            .filter(|c| c.journey == current && c.feeling.is_none())
            .count();
        assert_eq!(
            count_of(note(&written.notes, "mermaid-no-feeling")),
            no_feeling as f64
        );
        assert_eq!(
            count_of(note(&written.notes, "mermaid-lost-lanes")),
            map.lanes.iter().filter(|l| l.kind.holds_cards()).count() as f64
        );
        // Every note is words in the language of the moment, not a key.
        for note in &written.notes {
            let words = note.to_string();
            assert!(
                !words.starts_with("mermaid-") && !words.contains("{$"),
                "{words}"
            );
        }
        // The other journey can be written too.
        let target = map.journeys[1].id;
        let (_, other) = written_twice(&map, target);
        assert_eq!(
            other.map.cards.len(),
            map.cards.iter().filter(|c| c.journey == target).count()
        );
    }
    i18n::set(Lang::En);
}

fn stage_rank_in(map: &Map, stage: trayecto::model::StageId) -> usize {
    map.stages.iter().position(|s| s.id == stage).unwrap()
}

#[test]
fn import_notes_read_as_words_in_both_languages() {
    let files = [
        "edge-init.mmd",
        "edge-acc-descr.mmd",
        "edge-scores-6-9.mmd",
        "edge-misuse.mmd",
        "journey-in-docs.md",
    ];
    for lang in Lang::ALL {
        i18n::set(lang);
        for name in files {
            for note in open(name).notes {
                let words = note.to_string();
                assert!(
                    !words.contains("mermaid-") && !words.contains("{$"),
                    "{words}"
                );
            }
        }
        let error = read_path(&folder().join("no-journey.md")).unwrap_err();
        assert!(!error.to_string().contains("mermaid-"), "{error}");
    }
    i18n::set(Lang::Es);
    let parsed = open("edge-before-section.mmd");
    assert_eq!(stages(&parsed.map), ["(sin sección)", "Work"]);
    assert_eq!(parsed.map.lanes[0].name, "Pasos");
    let parsed = open("edge-scores-6-9.mmd");
    assert_eq!(
        parsed.notes[0].to_string(),
        "línea 4: «Friendly staff»: la puntuación 9 está fuera de 1–5; se toma como Encantado"
    );
    // The Spanish "Actores:" line is read back when writing, in any language.
    let parsed = open("my-working-day.mmd");
    assert_eq!(parsed.map.cards[2].notes, "Actores: Me, Cat");
    i18n::set(Lang::En);
    let text = mermaid::write(&parsed.map, journey(&parsed.map)).text;
    assert!(text.contains("      Do work: 1: Me, Cat\n"), "{text}");
}

#[test]
fn ten_thousand_tasks_read_in_linear_time() {
    let mut text = String::from("journey\n  title Big\n");
    for s in 0..100 {
        text.push_str(&format!("  section Stage {s}\n"));
        for t in 0..100 {
            text.push_str(&format!(
                "    Task {s}.{t} #58; step: {}: Person {}, Helper\n",
                t % 5 + 1,
                t % 9
            ));
        }
    }
    let start = Instant::now();
    let parsed = mermaid::read(&text).unwrap();
    let took = start.elapsed();
    assert_eq!(parsed.map.cards.len(), 10_000);
    assert_eq!(parsed.map.cards[9_999].title, "Task 99.99 : step");
    assert_eq!(parsed.map.personas.len(), 10);
    // Well under 100 ms in a release build (about 10 ms when measured); this unoptimised test
    // build only guards against anything growing faster than the file.
    let limit = if cfg!(debug_assertions) { 3000 } else { 100 };
    assert!(took < Duration::from_millis(limit), "{took:?}");
    let start = Instant::now();
    let written = mermaid::write(&parsed.map, journey(&parsed.map));
    assert!(start.elapsed() < Duration::from_millis(limit));
    assert_eq!(written.text.lines().count(), 2 + 100 + 10_000);
}
