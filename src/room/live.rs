//! What the room knows between the editor's frames, and how it answers participants: the map
//! as the editor last handed it over with the dots taken since, the notes and dots waiting for
//! the editor, and the rate limits. Everything here runs under the room's one lock, so it is
//! quick: no drawing, no input or output.

use super::limit::Limits;
use crate::edit::{Edit, EditError};
use crate::i18n::{Lang, fmt, tr};
use crate::model::{
    Ballot, CardId, JourneyId, LaneId, Map, ParticipantId, RoomNote, StageId, Vote, VoteRefused,
    limits,
};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Instant;

/// Longest request body the room reads.
pub const BODY_LIMIT: usize = 16 * 1024;
/// Notes the room holds for the editor before it takes them; past it, notes are refused.
const NOTES_WAITING: usize = 500;
/// Notes one participant may send while the room is open.
const NOTES_EACH: u32 = 50;
/// Participants counted as joined; past it the count stops growing.
const JOINED_KEPT: usize = 10_000;

/// The room at one moment, for a phone's `state`; built into JSON outside the room's lock.
pub struct Snapshot {
    /// The asking participant joined with this request: the editor's count changed.
    pub joined: bool,
    map: Arc<Map>,
    journey: JourneyId,
    lang: Lang,
    revision: u64,
    map_revision: u64,
}

#[derive(Serialize)]
struct StateOut<'a> {
    revision: u64,
    map_revision: u64,
    lang: &'static str,
    title: &'a str,
    journey: &'a str,
    dots: u32,
    dots_left: usize,
    closed: bool,
    revealed: bool,
    stages: Vec<Named<'a>>,
    lanes: Vec<Named<'a>>,
    cards: Vec<CardOut<'a>>,
    notes_max: usize,
}

#[derive(Serialize)]
struct Named<'a> {
    id: u32,
    name: &'a str,
}

#[derive(Serialize)]
struct CardOut<'a> {
    id: u32,
    title: &'a str,
    stage: u32,
    stage_name: &'a str,
    lane: u32,
    lane_name: &'a str,
    /// The asking participant's dots on it.
    mine: usize,
    /// Everyone's dots, once revealed.
    #[serde(skip_serializing_if = "Option::is_none")]
    votes: Option<usize>,
}

impl Snapshot {
    /// `GET state`: what a participant's page shows, as JSON.
    pub fn state(&self, participant: Option<&str>) -> String {
        let map = &*self.map;
        let who = participant.map(ParticipantId::new);
        let mut mine: HashMap<CardId, usize> = HashMap::new();
        if let Some(id) = &who {
            for v in map.votes.iter().filter(|v| v.participant == *id) {
                *mine.entry(v.card).or_insert(0) += 1;
            }
        }
        let revealed = map.room.revealed;
        let tally = if revealed {
            map.tally()
        } else {
            HashMap::new()
        };
        let stage_at: HashMap<StageId, usize> = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let lane_at: HashMap<LaneId, usize> = map
            .lanes
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id, i))
            .collect();
        let mut cards: Vec<_> = map.votable_cards(self.journey).collect();
        cards.sort_by_key(|c| (stage_at.get(&c.stage), lane_at.get(&c.lane)));
        let stage_name = |id| {
            stage_at
                .get(&id)
                .map_or("", |&i| map.stages[i].name.as_str())
        };
        let lane_name = |id| lane_at.get(&id).map_or("", |&i| map.lanes[i].name.as_str());
        let cards = cards
            .iter()
            .map(|c| CardOut {
                id: c.id.0,
                title: &c.title,
                stage: c.stage.0,
                stage_name: stage_name(c.stage),
                lane: c.lane.0,
                lane_name: lane_name(c.lane),
                mine: mine.get(&c.id).copied().unwrap_or(0),
                votes: revealed.then(|| tally.get(&c.id).map_or(0, |t| t.votes)),
            })
            .collect();
        let dots_left = who
            .as_ref()
            .map_or(map.room.dots as usize, |id| map.dots_left(id));
        let state = StateOut {
            revision: self.revision,
            map_revision: self.map_revision,
            lang: self.lang.code(),
            title: &map.title,
            journey: map.journey(self.journey).map_or("", |j| j.name.as_str()),
            dots: map.room.dots,
            dots_left,
            closed: map.room.closed,
            revealed,
            stages: map
                .stages
                .iter()
                .map(|s| Named {
                    id: s.id.0,
                    name: &s.name,
                })
                .collect(),
            lanes: map
                .lanes
                .iter()
                .map(|l| Named {
                    id: l.id.0,
                    name: &l.name,
                })
                .collect(),
            cards,
            notes_max: limits::NOTE_CHARS,
        };
        serde_json::to_string(&state).expect("plain data serialises")
    }
}

/// Why the room did not take a request. Each has a stable key and an HTTP status for other
/// clients, and a message in the room's language for people.
#[derive(Clone, Debug, PartialEq)]
pub enum Refused {
    BadJson,
    BodyTooLarge,
    UnknownStage(u32),
    UnknownLane(u32),
    EmptyNote,
    NoteTooLong,
    TooManyNotes,
    RateLimited,
    Closed,
    Vote(VoteRefused),
}

impl Refused {
    pub fn key(&self) -> &'static str {
        match self {
            Refused::BadJson => "bad_json",
            Refused::BodyTooLarge => "body_too_large",
            Refused::UnknownStage(_) => "unknown_stage",
            Refused::UnknownLane(_) => "unknown_lane",
            Refused::EmptyNote => "empty_note",
            Refused::NoteTooLong => "note_too_long",
            Refused::TooManyNotes => "too_many_notes",
            Refused::RateLimited => "rate_limited",
            Refused::Closed => "room_closed",
            Refused::Vote(v) => v.key(),
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            Refused::BadJson => 400,
            Refused::BodyTooLarge => 413,
            Refused::UnknownStage(_)
            | Refused::UnknownLane(_)
            | Refused::EmptyNote
            | Refused::NoteTooLong => 422,
            Refused::TooManyNotes => 409,
            Refused::RateLimited => 429,
            Refused::Closed => 503,
            Refused::Vote(v) => match v {
                VoteRefused::BadParticipant | VoteRefused::BadName => 400,
                VoteRefused::UnknownCard(_) | VoteRefused::NotVotable(_) => 422,
                VoteRefused::Closed
                | VoteRefused::NoDotsLeft { .. }
                | VoteRefused::NoVote(_)
                | VoteRefused::Full => 409,
            },
        }
    }

    /// What went wrong, in the language of the thread (the room's).
    pub fn message(&self) -> String {
        match self {
            Refused::BadJson => tr("room-refused-bad-json").to_owned(),
            Refused::BodyTooLarge => fmt(
                "room-refused-too-large",
                &[("limit", (BODY_LIMIT / 1024).into())],
            ),
            Refused::UnknownStage(id) => {
                fmt("room-refused-unknown-stage", &[("stage", (*id).into())])
            }
            Refused::UnknownLane(id) => fmt("room-refused-unknown-lane", &[("lane", (*id).into())]),
            Refused::EmptyNote => tr("room-refused-empty-note").to_owned(),
            Refused::NoteTooLong => fmt(
                "room-refused-note-too-long",
                &[("limit", limits::NOTE_CHARS.into())],
            ),
            Refused::TooManyNotes => tr("room-refused-too-many-notes").to_owned(),
            Refused::RateLimited => tr("room-refused-rate-limited").to_owned(),
            Refused::Closed => tr("room-refused-closed").to_owned(),
            Refused::Vote(v) => v.to_string(),
        }
    }

    /// The answer's body: `{"error": key, "message": text}`.
    pub fn body(&self) -> String {
        json!({"error": self.key(), "message": self.message()}).to_string()
    }
}

/// The room between frames. `map` is the editor's map with the ballots taken since it was
/// handed over already counted, so every new ballot is judged by the model's rules against
/// everything the room has taken.
pub struct Live {
    pub map: Arc<Map>,
    pub journey: JourneyId,
    pub lang: Lang,
    /// Changes with anything a participant sees.
    pub revision: u64,
    /// Changes when the picture does.
    pub map_revision: u64,
    /// The picture of `map_revision`, once drawn.
    pub svg: Option<(u64, Arc<String>)>,
    /// Taken, not yet handed to the editor.
    pub ballots: Vec<Ballot>,
    pub notes: Vec<RoomNote>,
    pub open: bool,
    pub limits: Limits,
    /// Participants who have loaded the room's state.
    pub joined: HashSet<String>,
    notes_from: HashMap<String, u32>,
    /// Live-update streams open now.
    pub streams: usize,
    /// Changes whenever what [`Live::counts`] gives may have: someone joined or voted, a
    /// stream opened or closed, the editor published.
    pub counted: u64,
}

/// What the room counts, for the editor's status bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// People whose phone has loaded the room.
    pub joined: usize,
    /// Phones following live updates now.
    pub connected: usize,
    /// Dots on cards.
    pub dots: usize,
    /// People who have put a dot.
    pub voters: usize,
}

#[derive(Deserialize)]
struct VoteBody {
    participant: String,
    #[serde(default)]
    name: Option<String>,
    card: u32,
    #[serde(default)]
    remove: bool,
}

#[derive(Deserialize)]
struct NoteBody {
    participant: String,
    #[serde(default)]
    name: Option<String>,
    stage: u32,
    #[serde(default)]
    lane: Option<u32>,
    text: String,
}

impl Live {
    pub fn new(map: Map, journey: JourneyId, lang: Lang) -> Self {
        Live {
            map: Arc::new(map),
            journey,
            lang,
            revision: 1,
            map_revision: 1,
            svg: None,
            ballots: Vec::new(),
            notes: Vec::new(),
            open: true,
            limits: Limits::default(),
            joined: HashSet::new(),
            notes_from: HashMap::new(),
            streams: 0,
            counted: 0,
        }
    }

    /// The editor hands over its map (which holds every ballot it has taken); the ballots
    /// taken since are counted on it again. `picture_changed` says whether the drawing
    /// changed, not only the dots.
    pub fn publish(&mut self, map: Map, journey: JourneyId, lang: Lang, picture_changed: bool) {
        let mut map = map;
        if !self.ballots.is_empty() {
            map.votes = map.votes_after(&self.ballots);
        }
        self.map = Arc::new(map);
        if picture_changed || journey != self.journey || lang != self.lang {
            self.map_revision += 1;
        }
        self.journey = journey;
        self.lang = lang;
        self.revision += 1;
        self.counted += 1;
    }

    pub fn counts(&self) -> Counts {
        Counts {
            joined: self.joined.len(),
            connected: self.streams,
            dots: self.map.votes.len(),
            voters: self.map.participants(),
        }
    }

    /// Counts a participant as joined (a well-formed id, seen loading the room or sending).
    /// Whether they are new.
    fn join(&mut self, participant: &ParticipantId) -> bool {
        if self.joined.len() < JOINED_KEPT && !self.joined.contains(participant.as_str()) {
            self.joined.insert(participant.as_str().to_owned());
            self.counted += 1;
            return true;
        }
        false
    }

    /// What `GET state` is built from, taken under the lock in no time: the map as it is
    /// now (shared, not copied) and the room's revisions. Counts `participant` as joined.
    pub fn snapshot(&mut self, participant: Option<&str>) -> Snapshot {
        let mut joined = false;
        if let Some(id) = participant.map(ParticipantId::new)
            && crate::model::check_participant(&id).is_ok()
        {
            joined = self.join(&id);
        }
        Snapshot {
            joined,
            map: Arc::clone(&self.map),
            journey: self.journey,
            lang: self.lang,
            revision: self.revision,
            map_revision: self.map_revision,
        }
    }

    /// What every vote and note goes through: the room open, a body of the expected shape, a
    /// well-formed participant within the rates (who then counts as joined).
    fn admit<B: serde::de::DeserializeOwned>(
        &mut self,
        body: &[u8],
        participant_of: impl Fn(&B) -> &str,
        from: IpAddr,
        now: Instant,
    ) -> Result<(B, ParticipantId), Refused> {
        // Closed while this request was on its way: nothing more is taken.
        if !self.open {
            return Err(Refused::Closed);
        }
        let body: B = serde_json::from_slice(body).map_err(|_| Refused::BadJson)?;
        let participant = ParticipantId::new(participant_of(&body));
        crate::model::check_participant(&participant).map_err(Refused::Vote)?;
        if !self.limits.write(from, participant.as_str(), now) {
            return Err(Refused::RateLimited);
        }
        let _ = self.join(&participant);
        Ok((body, participant))
    }

    /// `POST votes`: a dot put on a card, or taken back (`"remove": true`).
    pub fn vote(
        &mut self,
        body: &[u8],
        from: IpAddr,
        now: Instant,
    ) -> Result<(u16, Value), Refused> {
        let (body, participant) =
            self.admit(body, |b: &VoteBody| b.participant.as_str(), from, now)?;
        let card = CardId(body.card);
        let (status, ballot, edit) = if body.remove {
            self.map
                .check_take_back(&participant, card)
                .map_err(Refused::Vote)?;
            let edit = Edit::RemoveVote {
                card,
                participant: participant.clone(),
            };
            (
                200,
                Ballot::TakeBack {
                    participant: participant.clone(),
                    card,
                },
                edit,
            )
        } else {
            let vote = Vote::new(card, participant.as_str(), body.name.as_deref());
            self.map.check_vote(&vote).map_err(Refused::Vote)?;
            // Only the votable cards of the journey the room shows.
            if self
                .map
                .card(card)
                .is_some_and(|c| c.journey != self.journey)
            {
                return Err(Refused::Vote(VoteRefused::NotVotable(card)));
            }
            (201, Ballot::Cast(vote.clone()), Edit::AddVote(vote))
        };
        match edit.apply(Arc::make_mut(&mut self.map)) {
            Ok(_) => {}
            Err(EditError::Vote(why)) => return Err(Refused::Vote(why)),
            Err(_) => return Err(Refused::Vote(VoteRefused::UnknownCard(card))),
        }
        self.ballots.push(ballot);
        self.counted += 1;
        // Others see a dot only once counts are revealed; until then the voter alone has news,
        // in the answer, and the other phones are left in peace.
        if self.map.room.revealed {
            self.revision += 1;
        }
        let mine = self
            .map
            .votes
            .iter()
            .filter(|v| v.card == card && v.participant == participant)
            .count();
        Ok((
            status,
            json!({"dots_left": self.map.dots_left(&participant), "mine": mine}),
        ))
    }

    /// `POST notes`: a sticky note for the facilitator's inbox.
    pub fn note(
        &mut self,
        body: &[u8],
        from: IpAddr,
        now: Instant,
    ) -> Result<(u16, Value), Refused> {
        let (body, participant) =
            self.admit(body, |b: &NoteBody| b.participant.as_str(), from, now)?;
        let name = body.name.as_deref().unwrap_or_default().trim().to_owned();
        crate::model::check_name(&name).map_err(Refused::Vote)?;
        let stage = StageId(body.stage);
        if self.map.stage(stage).is_none() {
            return Err(Refused::UnknownStage(body.stage));
        }
        let lane = body.lane.map(LaneId);
        if let Some(id) = lane
            && self.map.lane(id).is_none()
        {
            return Err(Refused::UnknownLane(id.0));
        }
        let text = clean_note(&body.text);
        if text.is_empty() {
            return Err(Refused::EmptyNote);
        }
        if text.chars().count() > limits::NOTE_CHARS {
            return Err(Refused::NoteTooLong);
        }
        let sent = self
            .notes_from
            .entry(participant.as_str().to_owned())
            .or_insert(0);
        if *sent >= NOTES_EACH || self.notes.len() >= NOTES_WAITING {
            return Err(Refused::TooManyNotes);
        }
        *sent += 1;
        self.notes.push(RoomNote {
            participant,
            name,
            stage,
            lane,
            text,
        });
        Ok((201, json!({"ok": true})))
    }
}

/// A note's text as the inbox keeps it: line breaks as `\n`, tabs as spaces, no other control
/// characters, no blanks around it.
pub fn clean_note(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = text
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    kept.trim().to_owned()
}
