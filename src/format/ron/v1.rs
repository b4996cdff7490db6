//! Format 1, frozen as the release that wrote it (commit 1792b7a): one persona, one journey,
//! stage feelings on the stages, moments as a yes/no flag. Read only to migrate; also written
//! by tests and benchmarks that need format-1 files.

use crate::model::{
    self, CardId, Channel, Feeling, Journey, JourneyId, JourneyKind, LaneId, LaneKind, Moment,
    MomentKind, PersonaId, StageId,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapFile {
    pub format: u32,
    pub map: Map,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Map {
    pub title: String,
    #[serde(default)]
    pub persona: Persona,
    pub stages: Vec<Stage>,
    pub lanes: Vec<Lane>,
    #[serde(default)]
    pub cards: Vec<Card>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub goals: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
    #[serde(default)]
    pub feeling: Option<Feeling>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    pub id: LaneId,
    pub name: String,
    pub kind: LaneKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: CardId,
    pub stage: StageId,
    pub lane: LaneId,
    pub title: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub feeling: Option<Feeling>,
    #[serde(default)]
    pub moment: bool,
}

/// The name format-1 journeys get: they were the journey as customers live it.
/// The name of the journey a format-1 map's cards become, in the language of the moment.
fn journey_name() -> String {
    crate::i18n::tr("current-journey-name").to_owned()
}

/// Format 1 → 2: the persona becomes the first persona (when it says anything), the cards the
/// current journey, the stages' feelings that journey's curve, and `moment: true` a pain moment
/// when the card's feeling is neutral or worse, a gain moment otherwise.
pub fn migrate(old: Map) -> super::v2::Map {
    let persona = &old.persona;
    let has_persona =
        !(persona.name.is_empty() && persona.description.is_empty() && persona.goals.is_empty());
    let personas: Vec<model::Persona> = has_persona
        .then(|| model::Persona {
            goals: persona.goals.clone(),
            description: persona.description.clone(),
            ..model::Persona::new(PersonaId(1), persona.name.clone())
        })
        .into_iter()
        .collect();
    let journey = JourneyId(1);
    let curve: BTreeMap<StageId, Feeling> = old
        .stages
        .iter()
        .filter_map(|s| Some((s.id, s.feeling?)))
        .collect();
    let cards = old
        .cards
        .into_iter()
        .map(|c| {
            let moment = c.moment.then(|| {
                let pain = c.feeling.is_some_and(|f| f <= Feeling::Neutral);
                Moment {
                    kind: if pain {
                        MomentKind::Pain
                    } else {
                        MomentKind::Gain
                    },
                    why: String::new(),
                }
            });
            model::Card {
                id: c.id,
                journey,
                stage: c.stage,
                lane: c.lane,
                title: c.title,
                notes: c.notes,
                channel: c.channel,
                feeling: c.feeling,
                moment,
            }
        })
        .collect();
    super::v2::Map {
        title: old.title,
        personas,
        stages: old
            .stages
            .into_iter()
            .map(|s| model::Stage {
                id: s.id,
                name: s.name,
            })
            .collect(),
        lanes: old
            .lanes
            .into_iter()
            .map(|l| model::Lane {
                id: l.id,
                name: l.name,
                kind: l.kind,
            })
            .collect(),
        journeys: vec![Journey {
            id: journey,
            name: journey_name(),
            kind: JourneyKind::Current,
            persona: has_persona.then_some(PersonaId(1)),
            curve,
        }],
        cards,
        kpis: Vec::new(),
    }
}

/// A format-1 file's text as the first release wrote it (for tests and benchmarks).
pub fn to_text(map: &Map) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .escape_strings(false);
    let file = MapFile {
        format: 1,
        map: map.clone(),
    };
    let mut text = ron::ser::to_string_pretty(&file, config).expect("a map always serialises");
    text.push('\n');
    text
}
