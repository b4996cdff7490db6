//! Format 4, frozen as the release that wrote it: phases and decision forks, no workshop room
//! yet. Its item types are the current model's, unchanged since; the day one of them changes,
//! its format-4 shape is copied here, as the map's is.

use crate::model::{
    self, Action, Card, Department, Fork, Journey, Kpi, Lane, Persona, Phase, Stage, Stream,
};
use serde::{Deserialize, Serialize};

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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<Persona>,
    pub stages: Vec<Stage>,
    pub lanes: Vec<Lane>,
    pub journeys: Vec<Journey>,
    #[serde(default)]
    pub cards: Vec<Card>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<Kpi>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<Department>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub streams: Vec<Stream>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forks: Vec<Fork>,
}

/// Format 4 → 5: everything stays; the room is as a new map has it — no dots yet, the usual
/// three per participant, the method's cards open to votes.
pub fn migrate(old: Map) -> model::Map {
    model::Map {
        title: old.title,
        personas: old.personas,
        stages: old.stages,
        lanes: old.lanes,
        journeys: old.journeys,
        cards: old.cards,
        kpis: old.kpis,
        departments: old.departments,
        streams: old.streams,
        actions: old.actions,
        phases: old.phases,
        forks: old.forks,
        room: model::Room::default(),
        votes: Vec::new(),
    }
}
