//! Format 3, frozen as the release that wrote it: the roadmap (departments, streams, actions),
//! no phases or decision forks yet. Its item types are the current model's, unchanged since;
//! the day one of them changes, its format-3 shape is copied here, as the map's is.

use crate::model::{Action, Card, Department, Journey, Kpi, Lane, Persona, Stage, Stream};
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
}

/// Format 3 → 4: everything stays; the map has no phases and no forks yet.
pub fn migrate(old: Map) -> super::v4::Map {
    super::v4::Map {
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
        phases: Vec::new(),
        forks: Vec::new(),
    }
}
