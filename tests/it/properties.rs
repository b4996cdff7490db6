//! Properties over random edit sequences: undo returns the exact original, edits never break the
//! map's invariants, and every map survives save + load unchanged.

use proptest::prelude::*;
use trayecto::edit::{self, CardField, Edit, JourneyField};
use trayecto::history::History;
use trayecto::model::{
    self, Card, Cell, Channel, Feeling, JourneyKind, Kpi, Lane, LaneKind, Map, Moment, MomentKind,
    Persona, Stage,
};
use trayecto::{format, templates};

/// One random step: a kind of edit, two numbers to pick targets, and some text.
type Step = (u8, u32, u32, String);

fn any_text() -> impl Strategy<Value = String> {
    // Any character, and often the ones a writer must escape.
    let char = prop_oneof![
        3 => any::<char>(),
        1 => prop::sample::select(vec!['\'', '\\', '"', '#', '\n']),
    ];
    prop::collection::vec(char, 0..12).prop_map(String::from_iter)
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec((0u8..36, any::<u32>(), any::<u32>(), any_text()), 1..40)
}

fn pick<T>(items: &[T], n: u32) -> Option<&T> {
    (!items.is_empty()).then(|| &items[n as usize % items.len()])
}

/// Turns a random step into an edit that fits the current map (or `None` if it cannot). Some
/// of them are refused by the map's rules (the last journey, a target without a current one):
/// the properties check that a refusal changes nothing.
fn edit_for(map: &Map, (kind, a, b, text): Step) -> Option<Edit> {
    let stage = pick(&map.stages, a).map(|s| s.id);
    let lane = pick(&map.lanes, a).map(|l| l.id);
    let card = pick(&map.cards, a).cloned();
    let journey = pick(&map.journeys, b).map(|j| j.id);
    let persona = pick(&map.personas, a).cloned();
    let kpi = pick(&map.kpis, a).cloned();
    let card_lanes: Vec<_> = map
        .lanes
        .iter()
        .filter(|l| l.kind.holds_cards())
        .map(|l| l.id)
        .collect();
    let feeling = (b % 6 < 5).then(|| Feeling::ALL[b as usize % 5]);
    let number = (b % 4 != 0).then(|| f64::from(b % 200) - 50.5);
    Some(match kind {
        0 => Edit::SetTitle(text),
        1 => Edit::RenameStage {
            id: stage?,
            name: text,
        },
        2 => Edit::RenameLane {
            id: lane?,
            name: text,
        },
        3 => Edit::MoveStage {
            id: stage?,
            to: b as usize % map.stages.len(),
        },
        4 => Edit::MoveLane {
            id: lane?,
            to: b as usize % map.lanes.len(),
        },
        5 => Edit::RemoveStage(stage?),
        6 => Edit::RemoveLane(lane?),
        7 => Edit::InsertStage {
            index: b as usize % (map.stages.len() + 1),
            stage: Stage {
                id: map.new_stage_id(),
                name: text,
            },
            cards: vec![],
            kpis: vec![],
            curve: vec![],
        },
        8 => Edit::InsertLane {
            index: a as usize % (map.lanes.len() + 1),
            lane: Lane {
                id: map.new_lane_id(),
                name: text,
                kind: LaneKind::ALL[b as usize % LaneKind::ALL.len()],
            },
            cards: vec![],
        },
        9 => {
            let cell = Cell {
                journey: journey?,
                stage: stage?,
                lane: *pick(&card_lanes, b)?,
            };
            let card = Card {
                id: map.new_card_id(),
                journey: cell.journey,
                stage: cell.stage,
                lane: cell.lane,
                title: text.clone(),
                notes: text,
                channel: pick(&Channel::ALL, b).copied(),
                feeling,
                moment: (b % 3 == 0).then(Moment::pain),
            };
            let in_cell = map.cards.iter().filter(|c| c.cell() == cell).count();
            let index = (b / 7) as usize % (in_cell + 1);
            Edit::InsertCard {
                position: map.position_in_cell(cell, index, None),
                card,
            }
        }
        10 => Edit::RemoveCard(card?.id),
        11 => {
            let card = card?;
            let cell = Cell {
                journey: card.journey,
                stage: pick(&map.stages, b)?.id,
                lane: *pick(&card_lanes, b / 3)?,
            };
            let others = map
                .cards
                .iter()
                .filter(|c| c.cell() == cell && c.id != card.id)
                .count();
            let index = (b / 11) as usize % (others + 1);
            let position = map.position_in_cell(cell, index, Some(card.id));
            Edit::MoveCard {
                id: card.id,
                stage: cell.stage,
                lane: cell.lane,
                position,
            }
        }
        12 => Edit::SetCard {
            id: card?.id,
            field: CardField::Title(text),
        },
        13 => Edit::SetCard {
            id: card?.id,
            field: CardField::Feeling(feeling),
        },
        14 => Edit::SetStageFeeling {
            journey: journey?,
            stage: stage?,
            feeling,
        },
        15 => Edit::SetCard {
            id: card?.id,
            field: CardField::Moment((b % 3 != 0).then_some(Moment {
                kind: if b % 2 == 0 {
                    MomentKind::Gain
                } else {
                    MomentKind::Pain
                },
                why: text,
            })),
        },
        16 => Edit::Batch(vec![
            Edit::RemoveCard(card?.id),
            Edit::RenameStage {
                id: stage?,
                name: text,
            },
        ]),
        17 => Edit::SetLaneKind {
            id: lane?,
            kind: LaneKind::ALL[b as usize % LaneKind::ALL.len()],
        },
        18 => Edit::InsertPersona {
            index: b as usize % (map.personas.len() + 1),
            persona: Persona {
                goals: vec![text.clone()],
                ..Persona::new(map.new_persona_id(), text)
            },
        },
        19 => Edit::RemovePersona(persona?.id),
        20 => Edit::SetPersona(Persona {
            needs: vec![text],
            ..persona?
        }),
        21 => edit::copy_journey(map, journey?, JourneyKind::ALL[a as usize % 3], text)?,
        22 => Edit::RemoveJourney(journey?),
        23 => Edit::SetJourney {
            id: journey?,
            field: match a % 3 {
                0 => JourneyField::Name(text),
                1 => JourneyField::Kind(JourneyKind::ALL[b as usize % 3]),
                _ => JourneyField::Persona(persona.map(|p| p.id)),
            },
        },
        24 => Edit::InsertKpi {
            index: b as usize % (map.kpis.len() + 1),
            kpi: Kpi {
                id: map.new_kpi_id(),
                stage: stage?,
                name: text.clone(),
                unit: text,
                current: number,
                target: number.map(|n| n / 2.0),
            },
        },
        25 => Edit::RemoveKpi(kpi?.id),
        26 => Edit::SetKpi(Kpi {
            current: number,
            stage: stage?,
            ..kpi?
        }),
        27 => Edit::SetCard {
            id: card?.id,
            field: CardField::Notes(text),
        },
        30 => Edit::InsertAction {
            index: b as usize % (map.actions.len() + 1),
            action: model::Action {
                id: map.new_action_id(),
                title: text.clone(),
                description: text,
                card: card.as_ref().map(|c| c.id),
                addresses: pick(&map.cards, b).map(|c| c.id).into_iter().collect(),
                stages: stage.into_iter().collect(),
                owner: pick(&map.departments, a).map(|d| d.id),
                stream: pick(&map.streams, b).map(|s| s.id),
                impact: model::Level::ALL[a as usize % 3],
                effort: model::Level::ALL[b as usize % 3],
                horizon: model::Horizon::ALL[(a / 3) as usize % 3],
                status: model::Status::ALL[b as usize % 4],
                kpi: pick(&map.kpis, a).map(|k| k.id),
            },
        },
        31 => Edit::RemoveAction(pick(&map.actions, a)?.id),
        32 => Edit::SetAction(model::Action {
            horizon: model::Horizon::ALL[b as usize % 3],
            stream: pick(&map.streams, a).map(|s| s.id),
            ..pick(&map.actions, a)?.clone()
        }),
        33 => Edit::RemoveDepartment(pick(&map.departments, a)?.id),
        34 => Edit::RemoveStream(pick(&map.streams, b)?.id),
        35 => Edit::RemoveKpi(kpi?.id),
        _ => Edit::SetCard {
            id: card?.id,
            field: CardField::Channel(pick(&Channel::ALL, b).copied()),
        },
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn undoing_every_edit_gives_back_the_original(steps in steps()) {
        let original = templates::load("pizza").unwrap();
        let mut map = original.clone();
        let mut history = History::new();
        let mut applied = 0;
        for step in steps {
            if let Some(edit) = edit_for(&map, step) {
                let before = map.clone();
                match history.apply(&mut map, edit, None) {
                    Ok(()) => applied += 1,
                    // A refused edit changes nothing.
                    Err(_) => prop_assert_eq!(&map, &before),
                }
                prop_assert_eq!(model::validate(&map), Ok(()), "an edit broke the map");
            }
        }
        let edited = map.clone();
        for _ in 0..applied {
            prop_assert!(history.undo(&mut map));
        }
        prop_assert!(!history.undo(&mut map));
        prop_assert_eq!(&map, &original);
        prop_assert!(!history.is_dirty());
        for _ in 0..applied {
            prop_assert!(history.redo(&mut map));
        }
        prop_assert_eq!(&map, &edited);
    }

    #[test]
    fn any_map_saved_and_loaded_is_equal_to_itself(steps in steps()) {
        let mut map = templates::load("pizza").unwrap();
        for step in steps {
            if let Some(edit) = edit_for(&map, step) {
                let _ = edit.apply(&mut map);
            }
        }
        let text = format::to_text(&map);
        let loaded = format::parse(&text);
        prop_assert_eq!(loaded.as_ref(), Ok(&map), "text was:\n{}", text);
    }
}

/// One way to damage a map file's text.
#[derive(Clone, Debug)]
enum Damage {
    /// Cut a span out.
    Cut(usize, usize),
    /// Put text in at a place.
    Insert(usize, String),
    /// Copy a span to another place.
    Repeat(usize, usize, usize),
    /// Cut the file short.
    Truncate(usize),
    /// Swap one byte for another (may break UTF-8).
    Flip(usize, u8),
}

fn damage() -> impl Strategy<Value = Damage> {
    let texts = prop_oneof![
        any_text(),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("\"".to_owned()),
        Just("id: 4294967295,".to_owned()),
        Just("format: 2,".to_owned()),
        Just("Some(".to_owned()),
        Just("r#\"".to_owned()),
        Just("/*".to_owned()),
        Just("[[[[[[[[[[[[[[".to_owned()),
        Just("1e999999".to_owned()),
    ];
    prop_oneof![
        (any::<usize>(), 0usize..200).prop_map(|(a, n)| Damage::Cut(a, n)),
        (any::<usize>(), texts).prop_map(|(a, t)| Damage::Insert(a, t)),
        (any::<usize>(), 0usize..400, any::<usize>()).prop_map(|(a, n, b)| Damage::Repeat(a, n, b)),
        any::<usize>().prop_map(Damage::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Damage::Flip(a, b)),
    ]
}

fn apply_damage(bytes: &mut Vec<u8>, damage: &Damage) {
    let len = bytes.len().max(1);
    match damage {
        Damage::Cut(at, n) => {
            let at = at % len;
            let end = (at + n).min(bytes.len());
            bytes.drain(at.min(bytes.len())..end);
        }
        Damage::Insert(at, text) => {
            let at = (at % len).min(bytes.len());
            bytes.splice(at..at, text.bytes());
        }
        Damage::Repeat(from, n, to) => {
            let from = (from % len).min(bytes.len());
            let end = (from + n).min(bytes.len());
            let span: Vec<u8> = bytes[from..end].to_vec();
            let to = (to % len).min(bytes.len());
            bytes.splice(to..to, span);
        }
        Damage::Truncate(at) => bytes.truncate(at % len),
        Damage::Flip(at, byte) => {
            if !bytes.is_empty() {
                let at = at % bytes.len();
                bytes[at] = *byte;
            }
        }
    }
}

/// Maps written by today's and earlier releases, as the loader meets them.
fn sample_texts() -> Vec<Vec<u8>> {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut texts: Vec<Vec<u8>> = walk(&fixtures)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    texts.push(format::to_text(&templates::load("pizza").unwrap()).into_bytes());
    texts
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found.sort();
    found
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Damaged files load or are refused with a message naming the file; never a panic, never a
    /// hang (the test would not end), never words from inside the program.
    #[test]
    fn damaged_files_never_crash_the_loader(
        which in any::<usize>(),
        damages in prop::collection::vec(damage(), 1..6),
    ) {
        let texts = sample_texts();
        let mut bytes = texts[which % texts.len()].clone();
        for damage in &damages {
            apply_damage(&mut bytes, damage);
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("damaged.ron");
        std::fs::write(&path, &bytes).unwrap();
        match trayecto::file::load(&path) {
            Ok(map) => prop_assert_eq!(model::validate(&map), Ok(())),
            Err(error) => {
                let message = error.to_string();
                prop_assert!(message.starts_with(&path.display().to_string()), "{}", message);
                for internal in ["VersionProbe", "MapFile", "recursion_limit", "ron::"] {
                    prop_assert!(!message.contains(internal), "{}", message);
                }
            }
        }
    }
}
