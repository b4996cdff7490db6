//! The workshop room: the dots the people in the room put on cards ([`Map::votes`]), and how
//! the facilitator has set the voting up ([`Room`]). Both are saved with the map, so a restart
//! keeps every dot, and with it every participant's limit.
//!
//! Each dot is one [`Vote`]: the card it sits on, the participant who put it there — an
//! anonymous id their phone makes up — and, only when they gave one, their name. A participant
//! may put several dots on one card, up to the room's dots per participant in all. Which cards
//! take dots is the method's choice until the facilitator says otherwise: the pain (pain points
//! and moments of pain) and the opportunities; a lane or a single card can be opened or closed
//! to votes, a card's own setting before its lane's.
//!
//! What participants type is their own text, never translated, and held short: an id of at
//! most [`limits::PARTICIPANT_CHARS`] plain characters, a name of at most
//! [`limits::NAME_CHARS`] on one line.

use super::{Card, CardId, Invalid, JourneyId, LaneId, LaneKind, Map, limits};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

/// Dots each participant has when the facilitator has not said otherwise, as on a wall.
pub const DEFAULT_DOTS: u32 = 3;

/// The anonymous id a participant's phone makes up: letters, digits, `-` and `_`, at most
/// [`limits::PARTICIPANT_CHARS`] of them. It is what keeps a participant's dots counted.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ParticipantId(pub String);

impl ParticipantId {
    pub fn new(id: impl Into<String>) -> Self {
        ParticipantId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One dot on one card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    pub card: CardId,
    pub participant: ParticipantId,
    /// The participant's name, when they gave one; empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
}

impl Vote {
    /// A dot from `participant` on `card`; a name of blanks only is no name.
    pub fn new(card: CardId, participant: impl Into<String>, name: Option<&str>) -> Self {
        Vote {
            card,
            participant: ParticipantId::new(participant),
            name: name.map(str::trim).unwrap_or_default().to_owned(),
        }
    }
}

/// A sticky note a participant sent from the room. It waits in the facilitator's inbox, not
/// in the map, until accepted as a card; the autosave journal keeps it meanwhile.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoomNote {
    pub participant: ParticipantId,
    /// Empty when the participant gave no name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub stage: super::StageId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lane: Option<LaneId>,
    pub text: String,
}

/// How the facilitator has set voting up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Room {
    /// Dots each participant may spend, 1 to [`limits::DOTS`].
    #[serde(default = "default_dots", skip_serializing_if = "is_default_dots")]
    pub dots: u32,
    /// No dots are put on or taken back while voting is closed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
    /// Whether the counts are shown; facilitators keep them hidden while people vote, so the
    /// first dots do not draw the rest.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revealed: bool,
    /// Lanes the facilitator opened (`true`) or closed (`false`) to votes; the others follow
    /// the method.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub votable_lanes: BTreeMap<LaneId, bool>,
    /// Cards the facilitator opened or closed one by one, whatever their lane says.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub votable_cards: BTreeMap<CardId, bool>,
}

fn default_dots() -> u32 {
    DEFAULT_DOTS
}

fn is_default_dots(dots: &u32) -> bool {
    *dots == DEFAULT_DOTS
}

impl Default for Room {
    fn default() -> Self {
        Room {
            dots: DEFAULT_DOTS,
            closed: false,
            revealed: false,
            votable_lanes: BTreeMap::new(),
            votable_cards: BTreeMap::new(),
        }
    }
}

/// How many dots a card has, and from how many people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub votes: usize,
    pub participants: usize,
}

impl Room {
    /// Whether the room is as a new map has it: nothing to save.
    pub fn is_default(&self) -> bool {
        *self == Room::default()
    }
}

impl Map {
    /// Dots `participant` has spent, on any card.
    pub fn spent(&self, participant: &ParticipantId) -> usize {
        self.votes
            .iter()
            .filter(|v| v.participant == *participant)
            .count()
    }

    /// Dots `participant` may still spend. A participant who spent more before the facilitator
    /// lowered the dots has none left, and keeps the dots already spent.
    pub fn dots_left(&self, participant: &ParticipantId) -> usize {
        (self.room.dots as usize).saturating_sub(self.spent(participant))
    }

    /// How many people have voted.
    pub fn participants(&self) -> usize {
        self.votes
            .iter()
            .map(|v| &v.participant)
            .collect::<HashSet<_>>()
            .len()
    }

    /// The name `participant` gave last, if they gave one.
    pub fn name_of(&self, participant: &ParticipantId) -> Option<&str> {
        self.votes
            .iter()
            .rev()
            .find(|v| v.participant == *participant && !v.name.is_empty())
            .map(|v| v.name.as_str())
    }

    /// Where `participant`'s last dot on `card` is in the list: the one taken back first.
    pub fn last_vote(&self, participant: &ParticipantId, card: CardId) -> Option<usize> {
        self.votes
            .iter()
            .rposition(|v| v.card == card && v.participant == *participant)
    }

    /// The dots of every card that has some.
    pub fn tally(&self) -> HashMap<CardId, Tally> {
        let mut people: HashMap<CardId, HashSet<&ParticipantId>> = HashMap::new();
        let mut tally: HashMap<CardId, Tally> = HashMap::new();
        for vote in &self.votes {
            tally.entry(vote.card).or_default().votes += 1;
            people
                .entry(vote.card)
                .or_default()
                .insert(&vote.participant);
        }
        for (card, who) in people {
            if let Some(t) = tally.get_mut(&card) {
                t.participants = who.len();
            }
        }
        tally
    }

    /// Dots on one card.
    pub fn votes_on(&self, card: CardId) -> usize {
        self.votes.iter().filter(|v| v.card == card).count()
    }
}

/// A participant's dot as the room took it: put on a card, or taken back from one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ballot {
    Cast(Vote),
    TakeBack {
        participant: ParticipantId,
        card: CardId,
    },
}

impl Map {
    /// The map's dots once the room's `ballots` are counted, in the order they came. A ballot
    /// the room took counts even when the facilitator closed voting or lowered the dots in the
    /// moment it was on its way, as a dot stuck on the wall before the bell stays; a dot on a
    /// card the facilitator deleted meanwhile goes with the card, as the card's other dots do.
    pub fn votes_after(&self, ballots: &[Ballot]) -> Vec<Vote> {
        let mut votes = self.votes.clone();
        for ballot in ballots {
            match ballot {
                Ballot::Cast(vote) => {
                    if self.card(vote.card).is_some() && votes.len() < limits::VOTES {
                        votes.push(vote.clone());
                    }
                }
                Ballot::TakeBack { participant, card } => {
                    if let Some(i) = votes
                        .iter()
                        .rposition(|v| v.card == *card && v.participant == *participant)
                    {
                        votes.remove(i);
                    }
                }
            }
        }
        votes
    }
}

/// Why a participant's dot is not taken (or taken back). [`VoteRefused::key`] names each
/// reason the same in every language, for whoever talks to the room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteRefused {
    /// The facilitator has closed voting.
    Closed,
    /// The map has no such card.
    UnknownCard(CardId),
    /// The card is not open to votes.
    NotVotable(CardId),
    /// The participant has spent every dot.
    NoDotsLeft { dots: u32 },
    /// The participant has no dot on the card to take back.
    NoVote(CardId),
    /// An id that is empty, too long, or holds other characters than letters, digits, `-`
    /// and `_`.
    BadParticipant,
    /// A name too long, or over more than one line.
    BadName,
    /// The room holds as many dots as a map may.
    Full,
}

impl VoteRefused {
    /// The reason as a stable identifier, whatever the interface language.
    pub fn key(self) -> &'static str {
        match self {
            VoteRefused::Closed => "voting_closed",
            VoteRefused::UnknownCard(_) => "unknown_card",
            VoteRefused::NotVotable(_) => "not_votable",
            VoteRefused::NoDotsLeft { .. } => "no_dots_left",
            VoteRefused::NoVote(_) => "no_vote",
            VoteRefused::BadParticipant => "bad_participant",
            VoteRefused::BadName => "bad_name",
            VoteRefused::Full => "room_full",
        }
    }
}

impl fmt::Display for VoteRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::i18n::{fmt as fmt_msg, tr};
        let text = match *self {
            VoteRefused::Closed => tr("vote-refused-closed").to_owned(),
            VoteRefused::UnknownCard(card) => {
                fmt_msg("vote-refused-unknown-card", &[("card", card.0.into())])
            }
            VoteRefused::NotVotable(card) => {
                fmt_msg("vote-refused-not-votable", &[("card", card.0.into())])
            }
            VoteRefused::NoDotsLeft { dots } => {
                fmt_msg("vote-refused-no-dots-left", &[("dots", dots.into())])
            }
            VoteRefused::NoVote(card) => {
                fmt_msg("vote-refused-no-vote", &[("card", card.0.into())])
            }
            VoteRefused::BadParticipant => fmt_msg(
                "vote-refused-participant",
                &[("limit", limits::PARTICIPANT_CHARS.into())],
            ),
            VoteRefused::BadName => {
                fmt_msg("vote-refused-name", &[("limit", limits::NAME_CHARS.into())])
            }
            VoteRefused::Full => fmt_msg("vote-refused-full", &[("limit", limits::VOTES.into())]),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for VoteRefused {}

/// A participant id as the room takes it: 1 to [`limits::PARTICIPANT_CHARS`] ASCII letters,
/// digits, `-` or `_` — safe in an address, a file and a terminal alike.
pub fn check_participant(id: &ParticipantId) -> Result<(), VoteRefused> {
    let id = id.as_str();
    let plain = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if id.is_empty() || id.len() > limits::PARTICIPANT_CHARS || !id.chars().all(plain) {
        return Err(VoteRefused::BadParticipant);
    }
    Ok(())
}

/// A participant's name as the room takes it: at most [`limits::NAME_CHARS`] characters, no
/// line breaks or other control characters. Empty is no name.
pub fn check_name(name: &str) -> Result<(), VoteRefused> {
    if name.chars().count() > limits::NAME_CHARS || name.chars().any(char::is_control) {
        return Err(VoteRefused::BadName);
    }
    Ok(())
}

/// Dots per participant as the room gives them: 1 to [`limits::DOTS`].
pub fn check_dots(dots: u32) -> Result<(), Invalid> {
    if dots == 0 || dots as usize > limits::DOTS {
        return Err(Invalid::DotsOutOfRange { dots });
    }
    Ok(())
}

impl Map {
    /// Whether the method asks the room to vote on a card: the pain (a pain point, a moment of
    /// pain) and the opportunities.
    pub fn votable_by_default(&self, card: &Card) -> bool {
        self.is_pain(card)
            || self
                .lane(card.lane)
                .is_some_and(|l| l.kind == LaneKind::Opportunities)
    }

    /// Whether a card takes dots: its own setting, else its lane's, else the method's.
    pub fn is_votable(&self, card: &Card) -> bool {
        let room = &self.room;
        room.votable_cards
            .get(&card.id)
            .or_else(|| room.votable_lanes.get(&card.lane))
            .copied()
            .unwrap_or_else(|| self.votable_by_default(card))
    }

    /// The cards of a journey that take dots, in the map's order: what the room lists.
    pub fn votable_cards(&self, journey: JourneyId) -> impl Iterator<Item = &Card> {
        self.cards_of(journey).filter(|c| self.is_votable(c))
    }

    /// Whether `vote` may be cast now: voting open, a well-formed participant and name, a
    /// card of the map open to votes, a dot left, and room for one more.
    pub fn check_vote(&self, vote: &Vote) -> Result<(), VoteRefused> {
        check_participant(&vote.participant)?;
        check_name(&vote.name)?;
        if self.room.closed {
            return Err(VoteRefused::Closed);
        }
        let card = self
            .card(vote.card)
            .ok_or(VoteRefused::UnknownCard(vote.card))?;
        if !self.is_votable(card) {
            return Err(VoteRefused::NotVotable(vote.card));
        }
        if self.dots_left(&vote.participant) == 0 {
            return Err(VoteRefused::NoDotsLeft {
                dots: self.room.dots,
            });
        }
        if self.votes.len() >= limits::VOTES {
            return Err(VoteRefused::Full);
        }
        Ok(())
    }

    /// Where the dot `participant` would take back from `card` sits: their last one there.
    /// Refused while voting is closed.
    pub fn check_take_back(
        &self,
        participant: &ParticipantId,
        card: CardId,
    ) -> Result<usize, VoteRefused> {
        if self.room.closed {
            return Err(VoteRefused::Closed);
        }
        self.last_vote(participant, card)
            .ok_or(VoteRefused::NoVote(card))
    }

    /// Whether the room holds anything that follows cards or lanes: dots, or voting set for
    /// some of them.
    pub fn room_refers_to_cards(&self) -> bool {
        !(self.votes.is_empty()
            && self.room.votable_cards.is_empty()
            && self.room.votable_lanes.is_empty())
    }

    /// Cards or lanes gone from the map take their dots and voting settings with them.
    pub(crate) fn forget_gone_in_room(&mut self) {
        if !self.room_refers_to_cards() {
            return;
        }
        let cards: HashSet<CardId> = self.cards.iter().map(|c| c.id).collect();
        let lanes: HashSet<LaneId> = self.lanes.iter().map(|l| l.id).collect();
        self.votes.retain(|v| cards.contains(&v.card));
        self.room.votable_cards.retain(|c, _| cards.contains(c));
        self.room.votable_lanes.retain(|l, _| lanes.contains(l));
    }
}

/// The room keeps its rules: dots per participant in range, every dot on a card of the map,
/// from a well-formed participant with a well-formed name, and voting set only for cards and
/// lanes that exist. (A participant may hold more dots than the room gives now: the facilitator
/// may lower the number after people voted.)
pub fn validate_room(map: &Map) -> Result<(), Invalid> {
    let room = &map.room;
    check_dots(room.dots)?;
    let cards: HashSet<CardId> = map.cards.iter().map(|c| c.id).collect();
    for (i, vote) in map.votes.iter().enumerate() {
        let vote_number = i + 1;
        if !cards.contains(&vote.card) {
            return Err(Invalid::VoteOnUnknownCard {
                vote: vote_number,
                card: vote.card.0,
            });
        }
        if check_participant(&vote.participant).is_err() {
            return Err(Invalid::BadParticipant { vote: vote_number });
        }
        if check_name(&vote.name).is_err() {
            return Err(Invalid::BadParticipantName { vote: vote_number });
        }
    }
    if let Some(card) = room.votable_cards.keys().find(|c| !cards.contains(c)) {
        return Err(Invalid::VotingSetForUnknown {
            to: (super::Item::Card, card.0),
        });
    }
    if let Some(lane) = room.votable_lanes.keys().find(|l| map.lane(**l).is_none()) {
        return Err(Invalid::VotingSetForUnknown {
            to: (super::Item::Lane, lane.0),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Journey, JourneyKind, Lane, Moment, Stage, StageId, default_departments, default_streams,
    };

    const J: JourneyId = JourneyId(1);
    const TOUCHPOINTS: LaneId = LaneId(1);
    const PAIN: LaneId = LaneId(2);
    const IDEAS: LaneId = LaneId(3);

    /// One stage; a touchpoint, a touchpoint that is a moment of pain, a pain point and an
    /// opportunity (cards 1 to 4).
    fn room_map() -> Map {
        let lane = |id, kind| Lane {
            id,
            name: format!("lane {}", id.0),
            kind,
        };
        let card = |id, lane| Card {
            id: CardId(id),
            journey: J,
            stage: StageId(1),
            lane,
            title: format!("card {id}"),
            notes: String::new(),
            channel: None,
            feeling: None,
            moment: None,
        };
        let mut moment = card(2, TOUCHPOINTS);
        moment.moment = Some(Moment::pain());
        Map {
            title: "Room".into(),
            stages: vec![Stage {
                id: StageId(1),
                name: "Order".into(),
            }],
            lanes: vec![
                lane(TOUCHPOINTS, LaneKind::Touchpoints),
                lane(PAIN, LaneKind::PainPoints),
                lane(IDEAS, LaneKind::Opportunities),
            ],
            journeys: vec![Journey {
                id: J,
                name: "Today".into(),
                kind: JourneyKind::Current,
                persona: None,
                curve: BTreeMap::new(),
            }],
            cards: vec![card(1, TOUCHPOINTS), moment, card(3, PAIN), card(4, IDEAS)],
            departments: default_departments(),
            streams: default_streams(),
            ..Map::default()
        }
    }

    fn dot(card: u32, who: &str) -> Vote {
        Vote::new(CardId(card), who, None)
    }

    /// Casts a dot as the room would: only when the rules allow it.
    fn cast(map: &mut Map, vote: Vote) -> Result<(), VoteRefused> {
        map.check_vote(&vote)?;
        map.votes.push(vote);
        Ok(())
    }

    #[test]
    fn the_method_opens_pain_and_opportunities_and_the_facilitator_the_rest() {
        let mut map = room_map();
        let votable = |map: &Map| -> Vec<u32> { map.votable_cards(J).map(|c| c.id.0).collect() };
        // A moment of pain, a pain point and an opportunity; not a plain touchpoint.
        assert_eq!(votable(&map), [2, 3, 4]);
        assert_eq!(
            map.check_vote(&dot(1, "ana")),
            Err(VoteRefused::NotVotable(CardId(1)))
        );
        // The touchpoints lane opened: all its cards; one of them closed again on its own.
        map.room.votable_lanes.insert(TOUCHPOINTS, true);
        assert_eq!(votable(&map), [1, 2, 3, 4]);
        map.room.votable_cards.insert(CardId(2), false);
        assert_eq!(votable(&map), [1, 3, 4]);
        // A card's own setting beats its lane's, both ways.
        map.room.votable_lanes.insert(PAIN, false);
        map.room.votable_cards.insert(CardId(3), true);
        assert_eq!(votable(&map), [1, 3, 4]);
        map.room.votable_cards.remove(&CardId(3));
        assert_eq!(votable(&map), [1, 4]);
        assert_eq!(
            map.check_vote(&dot(9, "ana")),
            Err(VoteRefused::UnknownCard(CardId(9)))
        );
    }

    #[test]
    fn a_participant_spends_at_most_the_dots_the_room_gives_several_on_one_card_if_they_like() {
        let mut map = room_map();
        let ana = ParticipantId::new("ana");
        assert_eq!(map.room.dots, DEFAULT_DOTS);
        cast(&mut map, dot(3, "ana")).unwrap();
        cast(&mut map, dot(3, "ana")).unwrap();
        assert_eq!(map.dots_left(&ana), 1);
        cast(&mut map, dot(4, "ana")).unwrap();
        assert_eq!(
            cast(&mut map, dot(2, "ana")),
            Err(VoteRefused::NoDotsLeft { dots: 3 })
        );
        // Someone else still has all of theirs.
        cast(&mut map, dot(3, "luis")).unwrap();
        assert_eq!(map.spent(&ana), 3);
        assert_eq!(map.participants(), 2);
        let tally = map.tally();
        assert_eq!(
            tally[&CardId(3)],
            Tally {
                votes: 3,
                participants: 2
            }
        );
        assert_eq!(tally.get(&CardId(2)), None);
        // More dots: one more for Ana. Fewer: none left, and the dots spent stay.
        map.room.dots = 4;
        cast(&mut map, dot(2, "ana")).unwrap();
        map.room.dots = 2;
        assert_eq!(map.dots_left(&ana), 0);
        assert_eq!(map.spent(&ana), 4);
        assert_eq!(validate_room(&map), Ok(()));
        // Taking back takes the participant's last dot on that card.
        assert_eq!(map.check_take_back(&ana, CardId(3)), Ok(1));
        assert_eq!(
            map.check_take_back(&ana, CardId(1)),
            Err(VoteRefused::NoVote(CardId(1)))
        );
    }

    #[test]
    fn no_dot_goes_on_or_comes_off_while_voting_is_closed() {
        let mut map = room_map();
        cast(&mut map, dot(3, "ana")).unwrap();
        map.room.closed = true;
        assert_eq!(cast(&mut map, dot(3, "luis")), Err(VoteRefused::Closed));
        assert_eq!(
            map.check_take_back(&ParticipantId::new("ana"), CardId(3)),
            Err(VoteRefused::Closed)
        );
        map.room.closed = false;
        cast(&mut map, dot(3, "luis")).unwrap();
    }

    #[test]
    fn participant_ids_and_names_are_short_plain_and_on_one_line() {
        let map = room_map();
        let id = |text: &str| check_participant(&ParticipantId::new(text));
        assert_eq!(id("3f2a-9C_x"), Ok(()));
        assert_eq!(id(&"a".repeat(limits::PARTICIPANT_CHARS)), Ok(()));
        for bad in [
            String::new(),
            "a".repeat(limits::PARTICIPANT_CHARS + 1),
            "ana maría".into(),
            "añá".into(),
            "<script>".into(),
            "a/b".into(),
        ] {
            assert_eq!(id(&bad), Err(VoteRefused::BadParticipant), "{bad:?}");
            assert_eq!(
                map.check_vote(&dot(3, &bad)),
                Err(VoteRefused::BadParticipant)
            );
        }
        assert_eq!(check_name(""), Ok(()));
        assert_eq!(check_name(&"ñ".repeat(limits::NAME_CHARS)), Ok(()));
        assert_eq!(
            check_name(&"ñ".repeat(limits::NAME_CHARS + 1)),
            Err(VoteRefused::BadName)
        );
        assert_eq!(check_name("Ana\nMaría"), Err(VoteRefused::BadName));
        let named = Vote::new(CardId(3), "ana", Some("  Ana María 👩 "));
        assert_eq!(named.name, "Ana María 👩");
        assert_eq!(map.check_vote(&named), Ok(()));
        assert_eq!(Vote::new(CardId(3), "ana", Some("   ")).name, "");
        let mut long = named.clone();
        long.name = "x".repeat(limits::NAME_CHARS + 1);
        assert_eq!(map.check_vote(&long), Err(VoteRefused::BadName));
    }

    #[test]
    fn a_full_room_takes_no_more_dots() {
        let mut map = room_map();
        map.room.dots = 1;
        map.votes = (0..limits::VOTES)
            .map(|i| dot(3, &format!("p{i}")))
            .collect();
        assert_eq!(map.check_vote(&dot(3, "late")), Err(VoteRefused::Full));
    }

    #[test]
    fn a_map_whose_room_breaks_the_rules_is_refused_naming_what() {
        let good = {
            let mut map = room_map();
            cast(&mut map, Vote::new(CardId(3), "ana", Some("Ana"))).unwrap();
            map.room.votable_lanes.insert(TOUCHPOINTS, true);
            map.room.votable_cards.insert(CardId(4), false);
            map
        };
        assert_eq!(crate::model::validate(&good), Ok(()));
        let broken = |change: &dyn Fn(&mut Map)| {
            let mut map = good.clone();
            change(&mut map);
            crate::model::validate(&map).unwrap_err()
        };
        assert_eq!(
            broken(&|m| m.votes.push(dot(7, "luis"))),
            Invalid::VoteOnUnknownCard { vote: 2, card: 7 }
        );
        assert_eq!(
            broken(&|m| m.votes[0].participant = ParticipantId::new("")),
            Invalid::BadParticipant { vote: 1 }
        );
        assert_eq!(
            broken(&|m| m.votes[0].name = "a\u{1b}[31m".into()),
            Invalid::BadParticipantName { vote: 1 }
        );
        for dots in [0, limits::DOTS as u32 + 1] {
            assert_eq!(
                broken(&|m| m.room.dots = dots),
                Invalid::DotsOutOfRange { dots }
            );
        }
        assert_eq!(
            broken(&|m| {
                m.room.votable_lanes.insert(LaneId(8), true);
            }),
            Invalid::VotingSetForUnknown {
                to: (crate::model::Item::Lane, 8)
            }
        );
        assert_eq!(
            broken(&|m| {
                m.room.votable_cards.insert(CardId(8), true);
            }),
            Invalid::VotingSetForUnknown {
                to: (crate::model::Item::Card, 8)
            }
        );
        let message = broken(&|m| m.votes.push(dot(7, "luis"))).to_string();
        assert!(
            message.contains("vote 2") && message.contains("card 7"),
            "{message}"
        );
    }

    #[test]
    fn cards_and_lanes_that_go_take_their_dots_and_settings() {
        let mut map = room_map();
        cast(&mut map, dot(3, "ana")).unwrap();
        cast(&mut map, dot(4, "ana")).unwrap();
        map.room.votable_cards.insert(CardId(3), true);
        map.room.votable_lanes.insert(IDEAS, true);
        let before = map.clone();
        map.forget_gone_in_room();
        assert_eq!(map, before, "nothing gone yet");
        map.cards.retain(|c| c.id != CardId(3));
        map.forget_gone_in_room();
        assert_eq!(map.votes, [dot(4, "ana")]);
        assert!(map.room.votable_cards.is_empty());
        map.lanes.retain(|l| l.id != IDEAS);
        map.cards.retain(|c| c.lane != IDEAS);
        map.forget_gone_in_room();
        assert!(map.votes.is_empty() && map.room.votable_lanes.is_empty());
        assert!(map.room.is_default() && !map.room_refers_to_cards());
    }
}
