//! The journey map itself: plain data, no UI. Everything here is saved to the RON file.
//!
//! Cards live in one flat list; a card's cell is its `(stage, lane)` pair and its order inside the
//! cell is its order in that list. One list keeps every edit exactly reversible by position.

use serde::{Deserialize, Serialize};

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
    /// Set by dragging the emotion-curve point; `None` means "the mean of the stage's cards".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feeling: Option<Feeling>,
}

/// A row of the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    pub id: LaneId,
    pub name: String,
    pub kind: LaneKind,
}

/// One sticky note in a cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: CardId,
    pub stage: StageId,
    pub lane: LaneId,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feeling: Option<Feeling>,
    /// A "moment that matters": stands out on the canvas.
    #[serde(default, skip_serializing_if = "is_false")]
    pub moment: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

/// Who the journey is about.
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
    pub const GOALS: usize = 100;
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

    pub fn stage(&self, id: StageId) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    pub fn lane(&self, id: LaneId) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.id == id)
    }

    pub fn card(&self, id: CardId) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    /// The cards of one cell, in their order.
    pub fn cards_in(&self, stage: StageId, lane: LaneId) -> impl Iterator<Item = &Card> {
        self.cards
            .iter()
            .filter(move |c| c.stage == stage && c.lane == lane)
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

    /// Every text of the map with what it is, for limits and messages.
    pub fn texts(&self) -> impl Iterator<Item = (TextOf, &str)> {
        let persona = &self.persona;
        [
            (TextOf::MapTitle, self.title.as_str()),
            (TextOf::PersonaName, persona.name.as_str()),
            (TextOf::PersonaDescription, persona.description.as_str()),
        ]
        .into_iter()
        .chain(
            persona
                .goals
                .iter()
                .enumerate()
                .map(|(i, g)| (TextOf::PersonaGoal(i + 1), g.as_str())),
        )
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
        .chain(self.cards.iter().flat_map(|c| {
            [
                (TextOf::CardTitle(c.id.0), c.title.as_str()),
                (TextOf::CardNotes(c.id.0), c.notes.as_str()),
            ]
        }))
    }

    /// Where in `cards` a card should go to sit at `index_in_cell` of a cell, once the card
    /// `moving` (if any) has been taken out of the list.
    pub fn position_in_cell(
        &self,
        stage: StageId,
        lane: LaneId,
        index_in_cell: usize,
        moving: Option<CardId>,
    ) -> usize {
        let others = self.cards.iter().filter(|c| Some(c.id) != moving);
        let mut last_in_cell = None;
        let mut seen = 0;
        for (position, card) in others.enumerate() {
            if card.stage == stage && card.lane == lane {
                if seen == index_in_cell {
                    return position;
                }
                seen += 1;
                last_in_cell = Some(position);
            }
        }
        match last_in_cell {
            Some(position) => position + 1,
            None => self.default_position(stage, lane, moving),
        }
    }

    /// For an empty cell: after the cards of earlier cells in reading order, so the file stays
    /// tidy (lane by lane, stage by stage).
    fn default_position(&self, stage: StageId, lane: LaneId, moving: Option<CardId>) -> usize {
        let key = |s: StageId, l: LaneId| (self.lane_index(l), self.stage_index(s));
        let target = key(stage, lane);
        self.cards
            .iter()
            .filter(|c| Some(c.id) != moving)
            .take_while(|c| key(c.stage, c.lane) < target)
            .count()
    }

    /// The emotion-curve value of a stage: its own feeling if set by hand, else the mean of its
    /// cards' feelings; `None` when neither exists.
    pub fn stage_score(&self, stage: &Stage) -> Option<f32> {
        if let Some(feeling) = stage.feeling {
            return Some(f32::from(feeling.score()));
        }
        let (sum, count) = self
            .cards
            .iter()
            .filter(|c| c.stage == stage.id)
            .filter_map(|c| c.feeling)
            .fold((0i32, 0i32), |(s, n), f| (s + i32::from(f.score()), n + 1));
        (count > 0).then(|| sum as f32 / count as f32)
    }

    /// Counts for summaries such as `trayecto validate`.
    pub fn summary(&self) -> (usize, usize, usize) {
        (self.stages.len(), self.lanes.len(), self.cards.len())
    }
}

/// Why a map is not acceptable. Checked on every load, so the editor can rely on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    DuplicateStage(u32),
    DuplicateLane(u32),
    DuplicateCard(u32),
    UnknownStage {
        card: u32,
        stage: u32,
    },
    UnknownLane {
        card: u32,
        lane: u32,
    },
    CardInFeelingsLane {
        card: u32,
        lane: u32,
    },
    TooMany {
        what: Counted,
        count: usize,
        limit: usize,
    },
    TextTooLong {
        what: TextOf,
        chars: usize,
        limit: usize,
    },
}

/// What a limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Stages,
    Lanes,
    Cards,
    Goals,
}

/// Which text of the map a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextOf {
    MapTitle,
    PersonaName,
    PersonaDescription,
    /// 1-based.
    PersonaGoal(usize),
    StageName(u32),
    LaneName(u32),
    CardTitle(u32),
    CardNotes(u32),
}

impl Invalid {
    /// The list (as named in the file) and id of the item the problem is about, if one.
    pub fn item(&self) -> Option<(&'static str, u32)> {
        match *self {
            Invalid::DuplicateStage(id) => Some(("stages", id)),
            Invalid::DuplicateLane(id) => Some(("lanes", id)),
            Invalid::DuplicateCard(id)
            | Invalid::UnknownStage { card: id, .. }
            | Invalid::UnknownLane { card: id, .. }
            | Invalid::CardInFeelingsLane { card: id, .. } => Some(("cards", id)),
            Invalid::TextTooLong { what, .. } => match what {
                TextOf::StageName(id) => Some(("stages", id)),
                TextOf::LaneName(id) => Some(("lanes", id)),
                TextOf::CardTitle(id) | TextOf::CardNotes(id) => Some(("cards", id)),
                _ => None,
            },
            Invalid::TooMany { .. } => None,
        }
    }
}

impl std::fmt::Display for Counted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Counted::Stages => "stages",
            Counted::Lanes => "lanes",
            Counted::Cards => "cards",
            Counted::Goals => "persona goals",
        })
    }
}

impl std::fmt::Display for TextOf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TextOf::MapTitle => write!(f, "the map's title"),
            TextOf::PersonaName => write!(f, "the persona's name"),
            TextOf::PersonaDescription => write!(f, "the persona's description"),
            TextOf::PersonaGoal(n) => write!(f, "goal {n} of the persona"),
            TextOf::StageName(id) => write!(f, "the name of stage {id}"),
            TextOf::LaneName(id) => write!(f, "the name of lane {id}"),
            TextOf::CardTitle(id) => write!(f, "the title of card {id}"),
            TextOf::CardNotes(id) => write!(f, "the notes of card {id}"),
        }
    }
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Invalid::DuplicateStage(id) => write!(f, "two stages have the id {id}"),
            Invalid::DuplicateLane(id) => write!(f, "two lanes have the id {id}"),
            Invalid::DuplicateCard(id) => write!(f, "two cards have the id {id}"),
            Invalid::UnknownStage { card, stage } => {
                write!(f, "card {card} is in stage {stage}, which does not exist")
            }
            Invalid::UnknownLane { card, lane } => {
                write!(f, "card {card} is in lane {lane}, which does not exist")
            }
            Invalid::CardInFeelingsLane { card, lane } => write!(
                f,
                "card {card} is in lane {lane}, a feelings lane, which holds no cards"
            ),
            Invalid::TooMany { what, count, limit } => {
                write!(f, "too many {what}: {count} (a map holds at most {limit})")
            }
            Invalid::TextTooLong { what, chars, limit } => {
                write!(f, "{what} is {chars} characters long (at most {limit})")
            }
        }
    }
}

/// Checks the invariants the editor relies on.
pub fn validate(map: &Map) -> Result<(), Invalid> {
    let counts = [
        (Counted::Stages, map.stages.len(), limits::STAGES),
        (Counted::Lanes, map.lanes.len(), limits::LANES),
        (Counted::Cards, map.cards.len(), limits::CARDS),
        (Counted::Goals, map.persona.goals.len(), limits::GOALS),
    ];
    for (what, count, limit) in counts {
        if count > limit {
            return Err(Invalid::TooMany { what, count, limit });
        }
    }
    for (what, text) in map.texts() {
        check_text(what, text)?;
    }
    let mut seen = std::collections::HashSet::new();
    for stage in &map.stages {
        if !seen.insert(stage.id.0) {
            return Err(Invalid::DuplicateStage(stage.id.0));
        }
    }
    seen.clear();
    for lane in &map.lanes {
        if !seen.insert(lane.id.0) {
            return Err(Invalid::DuplicateLane(lane.id.0));
        }
    }
    seen.clear();
    let stages: std::collections::HashSet<_> = map.stages.iter().map(|s| s.id).collect();
    let lanes: std::collections::HashMap<_, _> = map.lanes.iter().map(|l| (l.id, l.kind)).collect();
    for card in &map.cards {
        if !seen.insert(card.id.0) {
            return Err(Invalid::DuplicateCard(card.id.0));
        }
        if !stages.contains(&card.stage) {
            return Err(Invalid::UnknownStage {
                card: card.id.0,
                stage: card.stage.0,
            });
        }
        match lanes.get(&card.lane) {
            None => {
                return Err(Invalid::UnknownLane {
                    card: card.id.0,
                    lane: card.lane.0,
                });
            }
            Some(kind) if !kind.holds_cards() => {
                return Err(Invalid::CardInFeelingsLane {
                    card: card.id.0,
                    lane: card.lane.0,
                });
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// Refuses a text over [`limits::TEXT_CHARS`] characters.
pub fn check_text(what: TextOf, text: &str) -> Result<(), Invalid> {
    // Bytes bound characters from above: most texts need no counting.
    if text.len() <= limits::TEXT_CHARS {
        return Ok(());
    }
    let chars = text.chars().count();
    if chars > limits::TEXT_CHARS {
        return Err(Invalid::TextTooLong {
            what,
            chars,
            limit: limits::TEXT_CHARS,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_by_two() -> Map {
        let stage = |id, name: &str| Stage {
            id: StageId(id),
            name: name.into(),
            feeling: None,
        };
        let lane = |id, kind| Lane {
            id: LaneId(id),
            name: format!("lane {id}"),
            kind,
        };
        let card = |id, s, l, feeling| Card {
            id: CardId(id),
            stage: StageId(s),
            lane: LaneId(l),
            title: format!("card {id}"),
            notes: String::new(),
            channel: None,
            feeling,
            moment: false,
        };
        Map {
            title: "t".into(),
            persona: Persona::default(),
            stages: vec![stage(1, "a"), stage(2, "b")],
            lanes: vec![
                lane(1, LaneKind::Touchpoints),
                lane(2, LaneKind::Feelings),
                lane(3, LaneKind::Actions),
            ],
            cards: vec![
                card(1, 1, 1, Some(Feeling::Happy)),
                card(2, 2, 1, Some(Feeling::Angry)),
                card(3, 1, 1, Some(Feeling::Delighted)),
                card(4, 1, 3, None),
            ],
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
    fn stage_score_is_mean_unless_set_by_hand() {
        let mut map = two_by_two();
        assert_eq!(map.stage_score(&map.stages[0]), Some(1.5));
        assert_eq!(map.stage_score(&map.stages[1]), Some(-2.0));
        map.stages[0].feeling = Some(Feeling::Sad);
        assert_eq!(map.stage_score(&map.stages[0]), Some(-1.0));
        map.cards.clear();
        assert_eq!(map.stage_score(&map.stages[1]), None);
    }

    #[test]
    fn position_in_cell_counts_only_that_cell() {
        let map = two_by_two();
        let (s1, l1) = (StageId(1), LaneId(1));
        assert_eq!(map.position_in_cell(s1, l1, 0, None), 0);
        assert_eq!(map.position_in_cell(s1, l1, 1, None), 2);
        assert_eq!(map.position_in_cell(s1, l1, 2, None), 3);
        // Moving card 1 out: card 3 is then at position 1 of the shortened list.
        assert_eq!(map.position_in_cell(s1, l1, 1, Some(CardId(1))), 2);
        // Empty cell (stage 2, lane 3) goes after every card of earlier cells.
        assert_eq!(map.position_in_cell(StageId(2), LaneId(3), 0, None), 4);
    }

    #[test]
    fn validate_names_each_problem() {
        assert_eq!(validate(&two_by_two()), Ok(()));
        let mut map = two_by_two();
        map.cards[1].id = CardId(1);
        assert_eq!(validate(&map), Err(Invalid::DuplicateCard(1)));
        let mut map = two_by_two();
        map.cards[0].stage = StageId(9);
        assert!(matches!(validate(&map), Err(Invalid::UnknownStage { .. })));
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
    }
}
