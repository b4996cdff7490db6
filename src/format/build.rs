//! A map put together from another tool's file, piece by piece: the readers of the table's
//! other formats add stages, lanes, personas and cards in the file's order, and [`Builder::finish`]
//! gives a valid map (fresh ids, the usual departments and streams, one current journey) or
//! says why not. What had to change on the way is noted in the import report.

use super::note::Note;
use super::{ParseError, Parsed};
use crate::i18n::tr;
use crate::model::{
    self, Card, CardId, Journey, JourneyId, JourneyKind, Lane, LaneId, LaneKind, Map, Persona,
    PersonaId, Stage, StageId, limits,
};
use std::collections::BTreeMap;

/// A map in the making, with one current journey that every card belongs to.
pub struct Builder {
    map: Map,
    /// Notes gathered on the way; [`Builder::finish`] hands them on.
    pub notes: Vec<Note>,
}

/// The journey every imported card goes into.
pub const JOURNEY: JourneyId = JourneyId(1);

impl Builder {
    pub fn new(title: impl Into<String>) -> Self {
        Builder {
            map: Map {
                title: title.into(),
                personas: Vec::new(),
                stages: Vec::new(),
                lanes: Vec::new(),
                journeys: vec![Journey {
                    id: JOURNEY,
                    name: tr("current-journey-name").to_owned(),
                    kind: JourneyKind::Current,
                    persona: None,
                    curve: BTreeMap::new(),
                }],
                cards: Vec::new(),
                kpis: Vec::new(),
                departments: model::default_departments(),
                streams: model::default_streams(),
                actions: Vec::new(),
                phases: Vec::new(),
                forks: Vec::new(),
                room: model::Room::default(),
                votes: Vec::new(),
            },
            notes: Vec::new(),
        }
    }

    /// The map so far.
    pub fn map(&self) -> &Map {
        &self.map
    }

    pub fn set_title(&mut self, title: impl Into<String>) {
        self.map.title = title.into();
    }

    pub fn add_stage(&mut self, name: impl Into<String>) -> StageId {
        let id = StageId(self.map.stages.len() as u32 + 1);
        self.map.stages.push(Stage {
            id,
            name: name.into(),
        });
        id
    }

    pub fn add_lane(&mut self, name: impl Into<String>, kind: LaneKind) -> LaneId {
        let id = LaneId(self.map.lanes.len() as u32 + 1);
        self.map.lanes.push(Lane {
            id,
            name: name.into(),
            kind,
        });
        id
    }

    /// A persona by name; the first one added tells the journey.
    pub fn add_persona(&mut self, name: impl Into<String>) -> PersonaId {
        let id = PersonaId(self.map.personas.len() as u32 + 1);
        self.map.personas.push(Persona::new(id, name));
        if self.map.journeys[0].persona.is_none() {
            self.map.journeys[0].persona = Some(id);
        }
        id
    }

    pub fn persona_mut(&mut self, id: PersonaId) -> Option<&mut Persona> {
        self.map.personas.iter_mut().find(|p| p.id == id)
    }

    /// Another journey (the builder starts with one current journey, [`JOURNEY`]).
    pub fn add_journey(&mut self, name: impl Into<String>, kind: JourneyKind) -> JourneyId {
        let id = JourneyId(self.map.journeys.len() as u32 + 1);
        self.map.journeys.push(Journey {
            id,
            name: name.into(),
            kind,
            persona: None,
            curve: BTreeMap::new(),
        });
        id
    }

    /// Renames a journey (the first one is named "Current journey" until then).
    pub fn name_journey(&mut self, id: JourneyId, name: impl Into<String>) {
        if let Some(journey) = self.map.journeys.iter_mut().find(|j| j.id == id) {
            journey.name = name.into();
        }
    }

    /// A new card in a cell of the first journey, with only its title; fill the rest through
    /// the returned card.
    pub fn add_card(
        &mut self,
        stage: StageId,
        lane: LaneId,
        title: impl Into<String>,
    ) -> &mut Card {
        self.add_card_in(JOURNEY, stage, lane, title)
    }

    /// A new card in a cell of `journey`.
    pub fn add_card_in(
        &mut self,
        journey: JourneyId,
        stage: StageId,
        lane: LaneId,
        title: impl Into<String>,
    ) -> &mut Card {
        let id = CardId(self.map.cards.len() as u32 + 1);
        self.map.cards.push(Card {
            id,
            journey,
            stage,
            lane,
            title: title.into(),
            notes: String::new(),
            channel: None,
            feeling: None,
            moment: None,
        });
        self.map.cards.last_mut().expect("just pushed")
    }

    pub fn note(&mut self, note: Note) {
        self.notes.push(note);
    }

    /// The finished map, valid, with the notes. On the way:
    /// - a map with no stage or no lane gets one, so it opens as a grid;
    /// - a lane that would draw the emotion curve but holds cards becomes a lane of thoughts
    ///   (noted): in Trayecto the Feelings lane holds the curve, not cards;
    /// - a text longer than a map allows is cut (noted), too many items are refused.
    pub fn finish(mut self) -> Result<Parsed, ParseError> {
        if self.map.stages.is_empty() {
            self.add_stage(tr("import-stage-name"));
        }
        if self.map.lanes.is_empty() {
            self.add_lane(tr("lane-kind-actions"), LaneKind::Actions);
        }
        let mut notes = std::mem::take(&mut self.notes);
        for lane in &mut self.map.lanes {
            if lane.kind == LaneKind::Feelings && self.map.cards.iter().any(|c| c.lane == lane.id) {
                lane.kind = LaneKind::Thoughts;
                notes.push(Note::new("import-feelings-lane-with-cards").text("lane", &lane.name));
            }
        }
        cut_long_texts(&mut self.map, &mut notes);
        match model::validate(&self.map) {
            Ok(()) => Ok(Parsed {
                map: self.map,
                version: super::FORMAT_VERSION,
                notes,
            }),
            Err(error) => Err(ParseError::Invalid { error, at: None }),
        }
    }
}

/// Cuts every text of the map that is longer than a map may hold, noting each.
fn cut_long_texts(map: &mut Map, notes: &mut Vec<Note>) {
    let cut = |text: &mut String, notes: &mut Vec<Note>| {
        if let Some((at, _)) = text.char_indices().nth(limits::TEXT_CHARS) {
            let chars = text.chars().count();
            text.truncate(at);
            notes.push(
                Note::new("import-text-cut")
                    .text("start", text.chars().take(40).collect::<String>())
                    .number("chars", chars as f64)
                    .number("limit", limits::TEXT_CHARS as f64),
            );
        }
    };
    cut(&mut map.title, notes);
    for stage in &mut map.stages {
        cut(&mut stage.name, notes);
    }
    for lane in &mut map.lanes {
        cut(&mut lane.name, notes);
    }
    for persona in &mut map.personas {
        cut(&mut persona.name, notes);
        cut(&mut persona.description, notes);
        persona.goals.iter_mut().for_each(|g| cut(g, notes));
    }
    for card in &mut map.cards {
        cut(&mut card.title, notes);
        cut(&mut card.notes, notes);
        if let Some(moment) = &mut card.moment {
            cut(&mut moment.why, notes);
        }
    }
}
