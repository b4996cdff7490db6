//! Format 2, frozen as the release that wrote it: personas, journeys, moments of gain and
//! pain, KPIs — no roadmap yet. Its item types (stages, lanes, cards, personas, journeys, KPIs)
//! are the current model's, unchanged since; the day one of them changes, its format-2 shape is
//! copied here, as the map's is.

use crate::model::{self, Card, Journey, Kpi, Lane, Persona, Stage};
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
}

/// Format 2 → 3: everything stays; the map gets the usual departments and the four streams of
/// the method, ready for its first actions.
pub fn migrate(old: Map) -> super::v3::Map {
    super::v3::Map {
        title: old.title,
        personas: old.personas,
        stages: old.stages,
        lanes: old.lanes,
        journeys: old.journeys,
        cards: old.cards,
        kpis: old.kpis,
        departments: model::default_departments(),
        streams: model::default_streams(),
        actions: Vec::new(),
    }
}
