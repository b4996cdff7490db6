//! The journey map itself: plain data, no UI. Everything here is saved to the RON file.
//!
//! A map has stages (columns) and lanes (rows) shared by all its journeys; each journey (the
//! current one, the target one…) is told for one persona and has its own cards, feelings and
//! emotion curve. Stages carry KPIs.
//!
//! Cards of every journey live in one flat list; a card's cell is its `(journey, stage, lane)`
//! and its order inside the cell is its order in that list. One list keeps every edit exactly
//! reversible by position.

mod forks;
mod phases;
mod room;
mod validate;
mod words;

pub use forks::{Branch, Fork, MIN_BRANCHES};
pub use phases::Phase;
pub use room::{
    Ballot, DEFAULT_DOTS, ParticipantId, Room, RoomNote, Tally, Vote, VoteRefused, check_dots,
    check_name, check_participant, validate_room,
};

pub use validate::{
    Counted, Invalid, Item, TextOf, check_text, kpi_values_are_numbers, validate, validate_forks,
    validate_phases,
};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);
    };
}

id_type!(
    /// Stable id of a stage (a column); never reused within a map.
    StageId
);
id_type!(
    /// Stable id of a lane (a row).
    LaneId
);
id_type!(
    /// Stable id of a card.
    CardId
);
id_type!(
    /// Stable id of a persona.
    PersonaId
);
id_type!(
    /// Stable id of a journey.
    JourneyId
);
id_type!(
    /// Stable id of a KPI.
    KpiId
);
id_type!(
    /// Stable id of an improvement action.
    ActionId
);
id_type!(
    /// Stable id of a department that can own actions.
    DepartmentId
);
id_type!(
    /// Stable id of a roadmap stream.
    StreamId
);
id_type!(
    /// Stable id of a phase (a group of consecutive stages).
    PhaseId
);
id_type!(
    /// Stable id of a decision fork.
    ForkId
);

/// How the customer feels, on the five-face scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Feeling {
    Angry,
    Sad,
    Neutral,
    Happy,
    Delighted,
}

impl Feeling {
    pub const ALL: [Feeling; 5] = [
        Feeling::Angry,
        Feeling::Sad,
        Feeling::Neutral,
        Feeling::Happy,
        Feeling::Delighted,
    ];

    /// −2 (angry) ..= +2 (delighted).
    pub fn score(self) -> i8 {
        match self {
            Feeling::Angry => -2,
            Feeling::Sad => -1,
            Feeling::Neutral => 0,
            Feeling::Happy => 1,
            Feeling::Delighted => 2,
        }
    }

    /// The nearest face to a score; scores outside −2..=2 clamp to the ends.
    pub fn nearest(score: f32) -> Feeling {
        let index = (score.clamp(-2.0, 2.0) + 2.0).round() as usize;
        Feeling::ALL[index.min(4)]
    }
}

/// Where a touchpoint happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    Phone,
    Web,
    App,
    Email,
    Chat,
    SocialMedia,
    InPerson,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 8] = [
        Channel::Phone,
        Channel::Web,
        Channel::App,
        Channel::Email,
        Channel::Chat,
        Channel::SocialMedia,
        Channel::InPerson,
        Channel::Other,
    ];
}

/// What a lane holds; decides its colour, and a `Feelings` lane draws the emotion curve
/// instead of holding cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LaneKind {
    Actions,
    Touchpoints,
    Channels,
    Thoughts,
    Feelings,
    PainPoints,
    Opportunities,
    Backstage,
    Notes,
}

impl LaneKind {
    pub const ALL: [LaneKind; 9] = [
        LaneKind::Actions,
        LaneKind::Touchpoints,
        LaneKind::Channels,
        LaneKind::Thoughts,
        LaneKind::Feelings,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
        LaneKind::Backstage,
        LaneKind::Notes,
    ];

    pub fn holds_cards(self) -> bool {
        self != LaneKind::Feelings
    }
}

/// A column of the map: one step of the customer's journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
}

/// A row of the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    pub id: LaneId,
    pub name: String,
    pub kind: LaneKind,
}

/// One sticky note in a cell of one journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: CardId,
    pub journey: JourneyId,
    pub stage: StageId,
    pub lane: LaneId,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feeling: Option<Feeling>,
    /// A moment that matters: of gain or of pain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moment: Option<Moment>,
}

/// A moment that matters: expectations met or exceeded (gain), or not met (pain).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Moment {
    pub kind: MomentKind,
    /// Why it matters, in a few words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MomentKind {
    Gain,
    Pain,
}

impl Moment {
    pub fn gain() -> Self {
        Moment {
            kind: MomentKind::Gain,
            why: String::new(),
        }
    }

    pub fn pain() -> Self {
        Moment {
            kind: MomentKind::Pain,
            why: String::new(),
        }
    }
}

/// Who a journey is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub id: PersonaId,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    /// Frustrations and needs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    /// A PNG or JPEG next to the map file, as a path relative to the map's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<String>,
}

impl Persona {
    pub fn new(id: PersonaId, name: impl Into<String>) -> Self {
        Persona {
            id,
            name: name.into(),
            description: String::new(),
            goals: Vec::new(),
            needs: Vec::new(),
            picture: None,
        }
    }
}

/// Which journey of the method a journey is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JourneyKind {
    /// As customers live it today.
    Current,
    /// As it should become.
    Target,
    Other,
}

impl JourneyKind {
    pub const ALL: [JourneyKind; 3] = [
        JourneyKind::Current,
        JourneyKind::Target,
        JourneyKind::Other,
    ];

    /// The stable identifier used in reports and JSON, whatever the interface language.
    pub fn key(self) -> &'static str {
        match self {
            JourneyKind::Current => "current",
            JourneyKind::Target => "target",
            JourneyKind::Other => "other",
        }
    }
}

/// One telling of the journey over the map's stages and lanes, for one persona.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journey {
    pub id: JourneyId,
    pub name: String,
    pub kind: JourneyKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persona: Option<PersonaId>,
    /// Emotion-curve points set by hand (by dragging), per stage; the other stages show the
    /// mean of their cards' feelings.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub curve: BTreeMap<StageId, Feeling>,
}

/// A measure of a stage: where it is today and where it should get to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    pub id: KpiId,
    pub stage: StageId,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
}

/// A department of the organisation, which can own actions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub id: DepartmentId,
    pub name: String,
}

/// A thematic stream of the roadmap (systems and data, change management and training…).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stream {
    pub id: StreamId,
    pub name: String,
}

/// Low, medium or high: an action's impact, or its effort.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    Low,
    Medium,
    High,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Low, Level::Medium, Level::High];

    pub fn key(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
        }
    }
}

/// When an action is planned for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Horizon {
    Now,
    Next,
    Later,
}

impl Horizon {
    pub const ALL: [Horizon; 3] = [Horizon::Now, Horizon::Next, Horizon::Later];

    pub fn key(self) -> &'static str {
        match self {
            Horizon::Now => "now",
            Horizon::Next => "next",
            Horizon::Later => "later",
        }
    }
}

/// How far along an action is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    Idea,
    Planned,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Idea,
        Status::Planned,
        Status::InProgress,
        Status::Done,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Status::Idea => "idea",
            Status::Planned => "planned",
            Status::InProgress => "in_progress",
            Status::Done => "done",
        }
    }
}

/// What to do first, from impact and effort (the impact/effort matrix).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Priority {
    /// Much for little: do it now.
    QuickWin,
    /// Much for much: plan it.
    MajorProject,
    /// Little for little: when there is time.
    FillIn,
    /// Little for much: think twice.
    Thankless,
}

impl Priority {
    pub const ALL: [Priority; 4] = [
        Priority::QuickWin,
        Priority::MajorProject,
        Priority::FillIn,
        Priority::Thankless,
    ];

    pub fn of(impact: Level, effort: Level) -> Priority {
        match (impact, effort) {
            (Level::High, Level::Low) | (Level::Medium, Level::Low) => Priority::QuickWin,
            (Level::High, _) => Priority::MajorProject,
            (Level::Medium, Level::Medium) | (Level::Low, Level::Low) => Priority::FillIn,
            _ => Priority::Thankless,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Priority::QuickWin => "quick_win",
            Priority::MajorProject => "major_project",
            Priority::FillIn => "fill_in",
            Priority::Thankless => "thankless",
        }
    }
}

/// An improvement action: what is done about pain points and moments that matter, by whom,
/// in which stream, and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: ActionId,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The card that shows the action on the journey (an opportunity card), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<CardId>,
    /// Cards it addresses: pain points, moments that matter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<CardId>,
    /// Stages it improves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<DepartmentId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<StreamId>,
    pub impact: Level,
    pub effort: Level,
    pub horizon: Horizon,
    pub status: Status,
    /// The stage KPI it should move.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpi: Option<KpiId>,
}

impl Action {
    pub fn priority(&self) -> Priority {
        Priority::of(self.impact, self.effort)
    }
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
    /// Who can own actions; a new map starts with the usual departments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<Department>,
    /// The roadmap's streams; a new map starts with the four of the method.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub streams: Vec<Stream>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Groups of consecutive stages, in stage order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    /// Decisions in journeys.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forks: Vec<Fork>,
    /// The workshop room: how voting is set up.
    #[serde(default, skip_serializing_if = "Room::is_default")]
    pub room: Room,
    /// The dots people in the room put on cards, in the order they came.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<Vote>,
}

/// The departments a map starts with (editable per map), as message keys: a new or migrated
/// map gets them in the language of the moment.
const DEFAULT_DEPARTMENTS: [&str; 8] = [
    "department-marketing",
    "department-sales",
    "department-customer-service",
    "department-logistics",
    "department-accounting",
    "department-technology",
    "department-people",
    "department-administration",
];

/// The four streams of the method (editable per map).
const DEFAULT_STREAMS: [&str; 4] = [
    "stream-systems",
    "stream-change",
    "stream-organisation",
    "stream-customer",
];

/// The default departments, with ids from 1.
pub fn default_departments() -> Vec<Department> {
    DEFAULT_DEPARTMENTS
        .iter()
        .enumerate()
        .map(|(i, key)| Department {
            id: DepartmentId(i as u32 + 1),
            name: crate::i18n::tr(key).to_owned(),
        })
        .collect()
}

/// The default streams, with ids from 1.
pub fn default_streams() -> Vec<Stream> {
    DEFAULT_STREAMS
        .iter()
        .enumerate()
        .map(|(i, key)| Stream {
            id: StreamId(i as u32 + 1),
            name: crate::i18n::tr(key).to_owned(),
        })
        .collect()
}

/// `count` ids not among `used`, ascending: one past the largest id in use and on, or — when
/// that would pass `u32::MAX` — the smallest free ones, so new ids never overflow.
pub fn fresh_ids(used: impl Iterator<Item = u32>, count: usize) -> Vec<u32> {
    let used: Vec<u32> = used.collect();
    let max = used.iter().copied().max().unwrap_or(0);
    if u64::from(max) + count as u64 <= u64::from(u32::MAX) {
        return (1..=count as u32).map(|i| max + i).collect();
    }
    let taken: std::collections::HashSet<u32> = used.into_iter().collect();
    (1..=u32::MAX)
        .filter(|id| !taken.contains(id))
        .take(count)
        .collect()
}

/// Sizes past which a map is refused as absurd rather than loaded.
pub mod limits {
    pub const STAGES: usize = 1_000;
    pub const LANES: usize = 200;
    pub const CARDS: usize = 100_000;
    pub const TEXT_CHARS: usize = 20_000;
    /// Goals, and frustrations and needs, of one persona.
    pub const GOALS: usize = 100;
    pub const PERSONAS: usize = 100;
    pub const JOURNEYS: usize = 100;
    pub const KPIS: usize = 10_000;
    pub const ACTIONS: usize = 20_000;
    /// Departments, and streams.
    pub const DEPARTMENTS: usize = 200;
    /// Cards and stages one action links to.
    pub const LINKS: usize = 1_000;
    pub const PHASES: usize = 1_000;
    pub const FORKS: usize = 1_000;
    /// Branches of one fork.
    pub const BRANCHES: usize = 20;
    /// Dots in the workshop room, from everyone.
    pub const VOTES: usize = 100_000;
    /// Dots one participant may be given.
    pub const DOTS: usize = 99;
    /// Characters of a participant's anonymous id.
    pub const PARTICIPANT_CHARS: usize = 64;
    /// Characters of a participant's name.
    pub const NAME_CHARS: usize = 60;
    /// Characters of a sticky note sent from the room: a thought, not an essay.
    pub const NOTE_CHARS: usize = 280;
}

impl Map {
    pub fn stage_index(&self, id: StageId) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

    pub fn lane_index(&self, id: LaneId) -> Option<usize> {
        self.lanes.iter().position(|l| l.id == id)
    }

    pub fn card_index(&self, id: CardId) -> Option<usize> {
        self.cards.iter().position(|c| c.id == id)
    }

    pub fn persona_index(&self, id: PersonaId) -> Option<usize> {
        self.personas.iter().position(|p| p.id == id)
    }

    pub fn journey_index(&self, id: JourneyId) -> Option<usize> {
        self.journeys.iter().position(|j| j.id == id)
    }

    pub fn kpi_index(&self, id: KpiId) -> Option<usize> {
        self.kpis.iter().position(|k| k.id == id)
    }

    pub fn stage(&self, id: StageId) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    pub fn lane(&self, id: LaneId) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.id == id)
    }

    pub fn card(&self, id: CardId) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    pub fn persona(&self, id: PersonaId) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }

    pub fn journey(&self, id: JourneyId) -> Option<&Journey> {
        self.journeys.iter().find(|j| j.id == id)
    }

    pub fn kpi(&self, id: KpiId) -> Option<&Kpi> {
        self.kpis.iter().find(|k| k.id == id)
    }

    pub fn action_index(&self, id: ActionId) -> Option<usize> {
        self.actions.iter().position(|a| a.id == id)
    }

    pub fn action(&self, id: ActionId) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    pub fn department(&self, id: DepartmentId) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    pub fn stream(&self, id: StreamId) -> Option<&Stream> {
        self.streams.iter().find(|s| s.id == id)
    }

    /// The action a card shows on the journey, if any.
    pub fn action_of_card(&self, card: CardId) -> Option<&Action> {
        self.actions.iter().find(|a| a.card == Some(card))
    }

    /// Whether a card is a pain point: it stands in a pain-point lane.
    pub fn is_pain_point(&self, card: &Card) -> bool {
        self.lane(card.lane)
            .is_some_and(|l| l.kind == LaneKind::PainPoints)
    }

    /// Whether a card tells of pain (a moment of pain, or a pain point): what actions address.
    pub fn is_pain(&self, card: &Card) -> bool {
        card.moment_kind() == Some(MomentKind::Pain) || self.is_pain_point(card)
    }

    /// Whether a card can become an action: an opportunity card that shows none yet.
    pub fn can_become_action(&self, card: CardId) -> bool {
        self.card(card).is_some_and(|c| {
            self.lane(c.lane)
                .is_some_and(|l| l.kind == LaneKind::Opportunities)
                && self.action_of_card(c.id).is_none()
        })
    }

    pub fn new_action_id(&self) -> ActionId {
        ActionId(fresh_ids(self.actions.iter().map(|a| a.id.0), 1)[0])
    }

    pub fn new_department_id(&self) -> DepartmentId {
        DepartmentId(fresh_ids(self.departments.iter().map(|d| d.id.0), 1)[0])
    }

    pub fn new_stream_id(&self) -> StreamId {
        StreamId(fresh_ids(self.streams.iter().map(|s| s.id.0), 1)[0])
    }

    /// The persona a journey is told for.
    pub fn persona_of(&self, journey: JourneyId) -> Option<&Persona> {
        self.journey(journey)
            .and_then(|j| j.persona)
            .and_then(|p| self.persona(p))
    }

    /// The first journey of a kind.
    pub fn first_of(&self, kind: JourneyKind) -> Option<&Journey> {
        self.journeys.iter().find(|j| j.kind == kind)
    }

    /// The current and the target journey to compare: the first current journey, and the first
    /// target journey told for the same persona (else the first target journey).
    pub fn current_and_target(&self) -> Option<(&Journey, &Journey)> {
        let current = self.first_of(JourneyKind::Current)?;
        let targets = || {
            self.journeys
                .iter()
                .filter(|j| j.kind == JourneyKind::Target)
        };
        let target = targets()
            .find(|t| t.persona == current.persona)
            .or_else(|| targets().next())?;
        Some((current, target))
    }

    /// The cards of one journey.
    pub fn cards_of(&self, journey: JourneyId) -> impl Iterator<Item = &Card> {
        self.cards.iter().filter(move |c| c.journey == journey)
    }

    /// The cards of one cell, in their order.
    pub fn cards_in(
        &self,
        journey: JourneyId,
        stage: StageId,
        lane: LaneId,
    ) -> impl Iterator<Item = &Card> {
        self.cards
            .iter()
            .filter(move |c| c.journey == journey && c.stage == stage && c.lane == lane)
    }

    /// The KPIs of a stage, in their order.
    pub fn kpis_of(&self, stage: StageId) -> impl Iterator<Item = &Kpi> {
        self.kpis.iter().filter(move |k| k.stage == stage)
    }

    pub fn new_stage_id(&self) -> StageId {
        StageId(fresh_ids(self.stages.iter().map(|s| s.id.0), 1)[0])
    }

    pub fn new_lane_id(&self) -> LaneId {
        LaneId(fresh_ids(self.lanes.iter().map(|l| l.id.0), 1)[0])
    }

    pub fn new_card_id(&self) -> CardId {
        self.new_card_ids(1)[0]
    }

    /// `count` card ids not in use, ascending.
    pub fn new_card_ids(&self, count: usize) -> Vec<CardId> {
        fresh_ids(self.cards.iter().map(|c| c.id.0), count)
            .into_iter()
            .map(CardId)
            .collect()
    }

    pub fn new_persona_id(&self) -> PersonaId {
        PersonaId(fresh_ids(self.personas.iter().map(|p| p.id.0), 1)[0])
    }

    pub fn new_journey_id(&self) -> JourneyId {
        JourneyId(fresh_ids(self.journeys.iter().map(|j| j.id.0), 1)[0])
    }

    pub fn new_kpi_id(&self) -> KpiId {
        KpiId(fresh_ids(self.kpis.iter().map(|k| k.id.0), 1)[0])
    }

    /// Every text of the map with what it is, for limits and messages.
    pub fn texts(&self) -> impl Iterator<Item = (TextOf, &str)> {
        std::iter::once((TextOf::MapTitle, self.title.as_str()))
            .chain(self.personas.iter().flat_map(persona_texts))
            .chain(
                self.stages
                    .iter()
                    .map(|s| (TextOf::StageName(s.id.0), s.name.as_str())),
            )
            .chain(
                self.lanes
                    .iter()
                    .map(|l| (TextOf::LaneName(l.id.0), l.name.as_str())),
            )
            .chain(
                self.journeys
                    .iter()
                    .map(|j| (TextOf::JourneyName(j.id.0), j.name.as_str())),
            )
            .chain(self.cards.iter().flat_map(card_texts))
            .chain(self.kpis.iter().flat_map(|k| {
                [
                    (TextOf::KpiName(k.id.0), k.name.as_str()),
                    (TextOf::KpiUnit(k.id.0), k.unit.as_str()),
                ]
            }))
            .chain(
                self.departments
                    .iter()
                    .map(|d| (TextOf::DepartmentName(d.id.0), d.name.as_str())),
            )
            .chain(
                self.streams
                    .iter()
                    .map(|s| (TextOf::StreamName(s.id.0), s.name.as_str())),
            )
            .chain(self.actions.iter().flat_map(|a| {
                [
                    (TextOf::ActionTitle(a.id.0), a.title.as_str()),
                    (TextOf::ActionDescription(a.id.0), a.description.as_str()),
                ]
            }))
            .chain(
                self.phases
                    .iter()
                    .map(|p| (TextOf::PhaseName(p.id.0), p.name.as_str())),
            )
            .chain(self.forks.iter().flat_map(|f| {
                std::iter::once((TextOf::ForkQuestion(f.id.0), f.question.as_str())).chain(
                    f.branches
                        .iter()
                        .enumerate()
                        .map(|(i, b)| (TextOf::BranchLabel(f.id.0, i + 1), b.label.as_str())),
                )
            }))
    }

    /// Where in `cards` a card should go to sit at `index_in_cell` of a cell, once the card
    /// `moving` (if any) has been taken out of the list.
    pub fn position_in_cell(
        &self,
        cell: Cell,
        index_in_cell: usize,
        moving: Option<CardId>,
    ) -> usize {
        let others = self.cards.iter().filter(|c| Some(c.id) != moving);
        let mut last_in_cell = None;
        let mut seen = 0;
        for (position, card) in others.enumerate() {
            if card.cell() == cell {
                if seen == index_in_cell {
                    return position;
                }
                seen += 1;
                last_in_cell = Some(position);
            }
        }
        match last_in_cell {
            Some(position) => position + 1,
            None => self.default_position(cell, moving),
        }
    }

    /// For an empty cell: after the cards of earlier cells in reading order, so the file stays
    /// tidy (journey by journey, lane by lane, stage by stage).
    fn default_position(&self, cell: Cell, moving: Option<CardId>) -> usize {
        let key = |c: Cell| {
            (
                self.journey_index(c.journey),
                self.lane_index(c.lane),
                self.stage_index(c.stage),
            )
        };
        let target = key(cell);
        self.cards
            .iter()
            .filter(|c| Some(c.id) != moving)
            .take_while(|c| key(c.cell()) < target)
            .count()
    }

    /// The emotion-curve value of a stage in a journey: the point set by hand, else the mean of
    /// the journey's cards' feelings in the stage; `None` when neither exists.
    pub fn stage_score(&self, journey: &Journey, stage: StageId) -> Option<f32> {
        match journey.curve.get(&stage) {
            Some(feeling) => Some(f32::from(feeling.score())),
            None => self.cards_score(journey.id, stage),
        }
    }

    /// What the cards of a journey say at a stage: the mean of their feelings; `None` when
    /// none of them has a feeling. The curve shows it where no point is set by hand.
    pub fn cards_score(&self, journey: JourneyId, stage: StageId) -> Option<f32> {
        let (sum, count) = self
            .cards
            .iter()
            .filter(|c| c.journey == journey && c.stage == stage)
            .filter_map(|c| c.feeling)
            .fold((0i32, 0i32), |(s, n), f| (s + i32::from(f.score()), n + 1));
        (count > 0).then(|| sum as f32 / count as f32)
    }

    /// Counts for summaries such as `trayecto validate`.
    pub fn summary(&self) -> (usize, usize, usize) {
        (self.stages.len(), self.lanes.len(), self.cards.len())
    }
}

/// A cell of one journey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cell {
    pub journey: JourneyId,
    pub stage: StageId,
    pub lane: LaneId,
}

impl Journey {
    /// The target journey that starts the redesign of this one ("create the target from the
    /// current"): told for the same persona, and with no point of its curve set by hand, so
    /// the curve follows the target's own cards. A point copied from today would stay where
    /// it was whatever the redesign does to the stage's cards, and the gap the redesign opens
    /// would never show.
    pub fn target_from(&self, id: JourneyId, name: String) -> Journey {
        Journey {
            id,
            name,
            kind: JourneyKind::Target,
            persona: self.persona,
            curve: BTreeMap::new(),
        }
    }
}

impl Card {
    /// This card as a target journey copied from its journey starts with it: all of it but a
    /// moment of pain. The pain is what the redesign sets out to remove, so the target does
    /// not begin by repeating it; a moment of gain is what already works for the customer,
    /// and the redesign should keep it.
    pub fn carried_into_target(&self) -> Card {
        let mut card = self.clone();
        if card.moment_kind() == Some(MomentKind::Pain) {
            card.moment = None;
        }
        card
    }

    pub fn cell(&self) -> Cell {
        Cell {
            journey: self.journey,
            stage: self.stage,
            lane: self.lane,
        }
    }

    pub fn moment_kind(&self) -> Option<MomentKind> {
        self.moment.as_ref().map(|m| m.kind)
    }
}

fn persona_texts(p: &Persona) -> impl Iterator<Item = (TextOf, &str)> {
    let id = p.id.0;
    [
        (TextOf::PersonaName(id), p.name.as_str()),
        (TextOf::PersonaDescription(id), p.description.as_str()),
        (
            TextOf::PersonaPicture(id),
            p.picture.as_deref().unwrap_or_default(),
        ),
    ]
    .into_iter()
    .chain(
        p.goals
            .iter()
            .enumerate()
            .map(move |(i, g)| (TextOf::PersonaGoal(id, i + 1), g.as_str())),
    )
    .chain(
        p.needs
            .iter()
            .enumerate()
            .map(move |(i, n)| (TextOf::PersonaNeed(id, i + 1), n.as_str())),
    )
}

fn card_texts(c: &Card) -> impl Iterator<Item = (TextOf, &str)> {
    let id = c.id.0;
    [
        (TextOf::CardTitle(id), c.title.as_str()),
        (TextOf::CardNotes(id), c.notes.as_str()),
        (
            TextOf::MomentWhy(id),
            c.moment.as_ref().map_or("", |m| m.why.as_str()),
        ),
    ]
    .into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    const J: JourneyId = JourneyId(1);

    fn two_by_two() -> Map {
        let stage = |id, name: &str| Stage {
            id: StageId(id),
            name: name.into(),
        };
        let lane = |id, kind| Lane {
            id: LaneId(id),
            name: format!("lane {id}"),
            kind,
        };
        let card = |id, s, l, feeling| Card {
            id: CardId(id),
            journey: J,
            stage: StageId(s),
            lane: LaneId(l),
            title: format!("card {id}"),
            notes: String::new(),
            channel: None,
            feeling,
            moment: None,
        };
        Map {
            title: "t".into(),
            personas: vec![Persona::new(PersonaId(1), "Ana")],
            stages: vec![stage(1, "a"), stage(2, "b")],
            lanes: vec![
                lane(1, LaneKind::Touchpoints),
                lane(2, LaneKind::Feelings),
                lane(3, LaneKind::Actions),
            ],
            journeys: vec![Journey {
                id: J,
                name: "Today".into(),
                kind: JourneyKind::Current,
                persona: Some(PersonaId(1)),
                curve: BTreeMap::new(),
            }],
            cards: vec![
                card(1, 1, 1, Some(Feeling::Happy)),
                card(2, 2, 1, Some(Feeling::Angry)),
                card(3, 1, 1, Some(Feeling::Delighted)),
                card(4, 1, 3, None),
            ],
            kpis: vec![Kpi {
                id: KpiId(1),
                stage: StageId(2),
                name: "NPS".into(),
                unit: String::new(),
                current: Some(-10.0),
                target: Some(30.0),
            }],
            departments: default_departments(),
            streams: default_streams(),
            actions: vec![Action {
                id: ActionId(1),
                title: "Fix it".into(),
                description: String::new(),
                card: Some(CardId(4)),
                addresses: vec![CardId(2)],
                stages: vec![StageId(2)],
                owner: Some(DepartmentId(3)),
                stream: Some(StreamId(1)),
                impact: Level::High,
                effort: Level::Low,
                horizon: Horizon::Now,
                status: Status::Idea,
                kpi: Some(KpiId(1)),
            }],
            phases: vec![Phase {
                id: PhaseId(1),
                name: "All of it".into(),
                stages: vec![StageId(1), StageId(2)],
            }],
            forks: vec![Fork {
                id: ForkId(1),
                journey: J,
                stage: StageId(1),
                question: "Us or them?".into(),
                branches: vec![
                    Branch {
                        label: "Us".into(),
                        to: Some(StageId(2)),
                    },
                    Branch {
                        label: "Them".into(),
                        to: None,
                    },
                ],
            }],
            room: Room::default(),
            votes: Vec::new(),
        }
    }

    #[test]
    fn phases_and_forks_keep_their_rules() {
        let good = two_by_two();
        assert_eq!(validate(&good), Ok(()));
        let broken = |change: &dyn Fn(&mut Map)| {
            let mut m = good.clone();
            change(&mut m);
            validate(&m).unwrap_err()
        };
        assert_eq!(
            broken(&|m| m.phases[0].stages = vec![StageId(1), StageId(9)]),
            Invalid::Unknown {
                from: (Item::Phase, 1),
                to: (Item::Stage, 9)
            }
        );
        assert_eq!(
            broken(&|m| {
                m.stages.push(Stage {
                    id: StageId(3),
                    name: "c".into(),
                });
                m.phases[0].stages = vec![StageId(1), StageId(3)];
            }),
            Invalid::PhaseNotConsecutive { phase: 1 }
        );
        assert_eq!(
            broken(&|m| {
                let mut other = m.phases[0].clone();
                other.id = PhaseId(2);
                other.stages = vec![StageId(2)];
                m.phases.push(other);
            }),
            Invalid::StageInTwoPhases {
                stage: 2,
                phase: 1,
                other: 2
            }
        );
        assert_eq!(
            broken(&|m| m.phases[0].stages.clear()),
            Invalid::PhaseWithoutStages { phase: 1 }
        );
        assert_eq!(
            broken(&|m| m.forks[0].branches[0].to = Some(StageId(7))),
            Invalid::Unknown {
                from: (Item::Fork, 1),
                to: (Item::Stage, 7)
            }
        );
        assert_eq!(
            broken(&|m| m.forks[0].branches[0].to = Some(StageId(1))),
            Invalid::BranchToItsOwnStage { fork: 1, branch: 1 }
        );
        assert_eq!(
            broken(&|m| m.forks[0].branches.pop().map(drop).unwrap_or(())),
            Invalid::TooFewBranches { fork: 1 }
        );
        assert_eq!(
            broken(&|m| m.forks[0].journey = JourneyId(5)),
            Invalid::Unknown {
                from: (Item::Fork, 1),
                to: (Item::Journey, 5)
            }
        );
    }

    fn cell(stage: u32, lane: u32) -> Cell {
        Cell {
            journey: J,
            stage: StageId(stage),
            lane: LaneId(lane),
        }
    }

    #[test]
    fn fresh_ids_never_overflow() {
        assert_eq!(fresh_ids([3, 1].into_iter(), 2), [4, 5]);
        assert_eq!(fresh_ids(std::iter::empty(), 1), [1]);
        assert_eq!(fresh_ids([u32::MAX, 1, 3].into_iter(), 3), [2, 4, 5]);
        let mut map = two_by_two();
        map.cards[0].id = CardId(u32::MAX);
        assert_eq!(map.new_card_id(), CardId(1));
        map.stages[0].id = StageId(u32::MAX - 1);
        assert_eq!(map.new_stage_id(), StageId(u32::MAX));
    }

    #[test]
    fn nearest_feeling_snaps_and_clamps() {
        assert_eq!(Feeling::nearest(0.4), Feeling::Neutral);
        assert_eq!(Feeling::nearest(0.6), Feeling::Happy);
        assert_eq!(Feeling::nearest(-7.0), Feeling::Angry);
        assert_eq!(Feeling::nearest(9.0), Feeling::Delighted);
    }

    #[test]
    fn pain_is_a_pain_point_or_a_moment_of_pain_and_opportunities_become_actions() {
        let mut map = two_by_two();
        map.lanes.push(Lane {
            id: LaneId(4),
            name: "pain".into(),
            kind: LaneKind::PainPoints,
        });
        map.lanes.push(Lane {
            id: LaneId(5),
            name: "ideas".into(),
            kind: LaneKind::Opportunities,
        });
        map.cards[0].lane = LaneId(4);
        map.cards[1].moment = Some(Moment::pain());
        map.cards[2].moment = Some(Moment::gain());
        map.cards[3].lane = LaneId(5);
        let [point, moment, gain, idea] = [0, 1, 2, 3].map(|i| &map.cards[i]);
        assert!(map.is_pain_point(point) && map.is_pain(point));
        assert!(!map.is_pain_point(moment) && map.is_pain(moment));
        assert!(!map.is_pain(gain) && !map.is_pain(idea));
        // The opportunity card shows an action already; once it shows none, it can become one.
        let idea = idea.id;
        assert!(!map.can_become_action(idea));
        map.actions[0].card = None;
        assert!(map.can_become_action(idea));
        assert!(!map.can_become_action(map.cards[0].id));
    }

    #[test]
    fn stage_score_is_mean_unless_set_by_hand() {
        let mut map = two_by_two();
        let journey = map.journeys[0].clone();
        assert_eq!(map.stage_score(&journey, StageId(1)), Some(1.5));
        assert_eq!(map.stage_score(&journey, StageId(2)), Some(-2.0));
        let mut by_hand = journey.clone();
        by_hand.curve.insert(StageId(1), Feeling::Sad);
        assert_eq!(map.stage_score(&by_hand, StageId(1)), Some(-1.0));
        map.cards.clear();
        assert_eq!(map.stage_score(&journey, StageId(2)), None);
    }

    #[test]
    fn position_in_cell_counts_only_that_cell() {
        let map = two_by_two();
        assert_eq!(map.position_in_cell(cell(1, 1), 0, None), 0);
        assert_eq!(map.position_in_cell(cell(1, 1), 1, None), 2);
        assert_eq!(map.position_in_cell(cell(1, 1), 2, None), 3);
        // Moving card 1 out: card 3 is then at position 1 of the shortened list.
        assert_eq!(map.position_in_cell(cell(1, 1), 1, Some(CardId(1))), 2);
        // Empty cell (stage 2, lane 3) goes after every card of earlier cells.
        assert_eq!(map.position_in_cell(cell(2, 3), 0, None), 4);
    }

    #[test]
    fn validate_names_each_problem() {
        assert_eq!(validate(&two_by_two()), Ok(()));
        let mut map = two_by_two();
        map.cards[1].id = CardId(1);
        assert_eq!(
            validate(&map),
            Err(Invalid::Duplicate {
                what: validate::Item::Card,
                id: 1
            })
        );
        let mut map = two_by_two();
        map.cards[0].stage = StageId(9);
        assert!(matches!(validate(&map), Err(Invalid::Unknown { .. })));
        let mut map = two_by_two();
        map.cards[0].lane = LaneId(2);
        assert!(matches!(
            validate(&map),
            Err(Invalid::CardInFeelingsLane { .. })
        ));
        let mut map = two_by_two();
        map.title = "x".repeat(limits::TEXT_CHARS + 1);
        assert!(matches!(
            validate(&map),
            Err(Invalid::TextTooLong {
                what: TextOf::MapTitle,
                ..
            })
        ));
        let mut map = two_by_two();
        map.kpis[0].stage = StageId(7);
        assert_eq!(validate(&map).unwrap_err().item(), Some(("kpis", 1)));
        let mut map = two_by_two();
        map.journeys[0].persona = Some(PersonaId(5));
        assert!(
            validate(&map)
                .unwrap_err()
                .to_string()
                .contains("persona 5")
        );
        let mut map = two_by_two();
        map.journeys[0].kind = JourneyKind::Target;
        assert!(matches!(
            validate(&map),
            Err(Invalid::TargetWithoutCurrent { target: 1 })
        ));
        let mut map = two_by_two();
        map.journeys.clear();
        map.cards.clear();
        map.actions.clear();
        assert_eq!(validate(&map), Err(Invalid::NoJourney));
        // Every link of an action must lead somewhere.
        type Breaks = fn(&mut Action);
        let broken: [(&str, Breaks); 5] = [
            ("card 9", |a| a.addresses.push(CardId(9))),
            ("stage 9", |a| a.stages.push(StageId(9))),
            ("department 99", |a| a.owner = Some(DepartmentId(99))),
            ("stream 99", |a| a.stream = Some(StreamId(99))),
            ("KPI 9", |a| a.kpi = Some(KpiId(9))),
        ];
        for (named, breaks) in broken {
            let mut map = two_by_two();
            breaks(&mut map.actions[0]);
            let error = validate(&map).unwrap_err();
            assert_eq!(error.item(), Some(("actions", 1)));
            assert!(
                error
                    .to_string()
                    .contains(&format!("action 1 refers to {named}")),
                "{error}"
            );
        }
    }

    #[test]
    fn priority_follows_impact_and_effort() {
        use Level::*;
        assert_eq!(Priority::of(High, Low), Priority::QuickWin);
        assert_eq!(Priority::of(Medium, Low), Priority::QuickWin);
        assert_eq!(Priority::of(High, High), Priority::MajorProject);
        assert_eq!(Priority::of(Low, Low), Priority::FillIn);
        assert_eq!(Priority::of(Low, High), Priority::Thankless);
        assert_eq!(Priority::of(Medium, High), Priority::Thankless);
    }
}
