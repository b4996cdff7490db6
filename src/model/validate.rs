//! The rules every map keeps, checked on every load so the editor can rely on them, with
//! messages that speak of the map.

use super::{JourneyKind, Map, limits};
use crate::i18n::{fmt as fmt_msg, tr};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Why a map is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    Duplicate {
        what: Item,
        id: u32,
    },
    /// `from` (e.g. card 3) refers to `to` (e.g. stage 77), which does not exist.
    Unknown {
        from: (Item, u32),
        to: (Item, u32),
    },
    CardInFeelingsLane {
        card: u32,
        lane: u32,
    },
    NoJourney,
    /// A target journey, but no current one to compare it with.
    TargetWithoutCurrent {
        target: u32,
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
    /// A phase's stages are not next to each other in the map's order.
    PhaseNotConsecutive {
        phase: u32,
    },
    PhaseWithoutStages {
        phase: u32,
    },
    /// A stage listed by two phases.
    StageInTwoPhases {
        stage: u32,
        phase: u32,
        other: u32,
    },
    /// A KPI's value that is not a number (NaN) or is infinite.
    KpiNotANumber {
        kpi: u32,
    },
    /// A fork needs two branches or more to be a decision.
    TooFewBranches {
        fork: u32,
    },
    /// Branch `branch` (1-based) of a fork leads back to the fork's own stage.
    BranchToItsOwnStage {
        fork: u32,
        branch: usize,
    },
    /// Vote `vote` (1-based) is on a card the map does not have.
    VoteOnUnknownCard {
        vote: usize,
        card: u32,
    },
    /// Vote `vote` (1-based) comes from a participant id the room would not take.
    BadParticipant {
        vote: usize,
    },
    /// Vote `vote` (1-based) carries a name the room would not take.
    BadParticipantName {
        vote: usize,
    },
    /// Dots per participant outside what the room gives.
    DotsOutOfRange {
        dots: u32,
    },
    /// Voting is opened or closed for a card or lane the map does not have.
    VotingSetForUnknown {
        to: (Item, u32),
    },
}

/// The kinds of items of a map, as messages name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Stage,
    Lane,
    Card,
    Persona,
    Journey,
    Kpi,
    Action,
    Department,
    Stream,
    Phase,
    Fork,
}

impl Item {
    /// The list holding these items in the file.
    pub fn list(self) -> &'static str {
        match self {
            Item::Stage => "stages",
            Item::Lane => "lanes",
            Item::Card => "cards",
            Item::Persona => "personas",
            Item::Journey => "journeys",
            Item::Kpi => "kpis",
            Item::Action => "actions",
            Item::Department => "departments",
            Item::Stream => "streams",
            Item::Phase => "phases",
            Item::Fork => "forks",
        }
    }
}

/// What a limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Stages,
    Lanes,
    Cards,
    Personas,
    Journeys,
    Kpis,
    Goals,
    Needs,
    Actions,
    Departments,
    Streams,
    /// Cards or stages one action links to.
    Links,
    Phases,
    Forks,
    Branches,
    Votes,
}

/// Which text of the map a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextOf {
    MapTitle,
    PersonaName(u32),
    PersonaDescription(u32),
    PersonaPicture(u32),
    /// Persona id, 1-based goal number.
    PersonaGoal(u32, usize),
    PersonaNeed(u32, usize),
    StageName(u32),
    LaneName(u32),
    JourneyName(u32),
    CardTitle(u32),
    CardNotes(u32),
    MomentWhy(u32),
    KpiName(u32),
    KpiUnit(u32),
    DepartmentName(u32),
    StreamName(u32),
    ActionTitle(u32),
    ActionDescription(u32),
    PhaseName(u32),
    ForkQuestion(u32),
    /// Fork id, 1-based branch number.
    BranchLabel(u32, usize),
}

impl TextOf {
    /// The item the text belongs to.
    fn item(self) -> Option<(Item, u32)> {
        match self {
            TextOf::MapTitle => None,
            TextOf::PersonaName(id)
            | TextOf::PersonaDescription(id)
            | TextOf::PersonaPicture(id)
            | TextOf::PersonaGoal(id, _)
            | TextOf::PersonaNeed(id, _) => Some((Item::Persona, id)),
            TextOf::StageName(id) => Some((Item::Stage, id)),
            TextOf::LaneName(id) => Some((Item::Lane, id)),
            TextOf::JourneyName(id) => Some((Item::Journey, id)),
            TextOf::CardTitle(id) | TextOf::CardNotes(id) | TextOf::MomentWhy(id) => {
                Some((Item::Card, id))
            }
            TextOf::KpiName(id) | TextOf::KpiUnit(id) => Some((Item::Kpi, id)),
            TextOf::DepartmentName(id) => Some((Item::Department, id)),
            TextOf::StreamName(id) => Some((Item::Stream, id)),
            TextOf::ActionTitle(id) | TextOf::ActionDescription(id) => Some((Item::Action, id)),
            TextOf::PhaseName(id) => Some((Item::Phase, id)),
            TextOf::ForkQuestion(id) | TextOf::BranchLabel(id, _) => Some((Item::Fork, id)),
        }
    }
}

impl Invalid {
    /// The list (as named in the file) and id of the item the problem is about, if one.
    pub fn item(&self) -> Option<(&'static str, u32)> {
        let (item, id) = match *self {
            Invalid::Duplicate { what, id } => (what, id),
            Invalid::Unknown { from, .. } => from,
            Invalid::CardInFeelingsLane { card, .. } => (Item::Card, card),
            Invalid::TargetWithoutCurrent { target } => (Item::Journey, target),
            Invalid::TextTooLong { what, .. } => what.item()?,
            Invalid::PhaseNotConsecutive { phase } | Invalid::PhaseWithoutStages { phase } => {
                (Item::Phase, phase)
            }
            Invalid::StageInTwoPhases { other, .. } => (Item::Phase, other),
            Invalid::KpiNotANumber { kpi } => (Item::Kpi, kpi),
            Invalid::TooFewBranches { fork } | Invalid::BranchToItsOwnStage { fork, .. } => {
                (Item::Fork, fork)
            }
            Invalid::NoJourney
            | Invalid::TooMany { .. }
            | Invalid::VoteOnUnknownCard { .. }
            | Invalid::BadParticipant { .. }
            | Invalid::BadParticipantName { .. }
            | Invalid::DotsOutOfRange { .. }
            | Invalid::VotingSetForUnknown { .. } => return None,
        };
        Some((item.list(), id))
    }
}

impl Item {
    /// The item's name in messages: "stage", "etapa".
    fn word(self) -> &'static str {
        tr(match self {
            Item::Stage => "item-stage",
            Item::Lane => "item-lane",
            Item::Card => "item-card",
            Item::Persona => "item-persona",
            Item::Journey => "item-journey",
            Item::Kpi => "item-kpi",
            Item::Action => "item-action",
            Item::Department => "item-department",
            Item::Stream => "item-stream",
            Item::Phase => "item-phase",
            Item::Fork => "item-fork",
        })
    }

    fn words(self) -> &'static str {
        tr(match self {
            Item::Stage => "items-stage",
            Item::Lane => "items-lane",
            Item::Card => "items-card",
            Item::Persona => "items-persona",
            Item::Journey => "items-journey",
            Item::Kpi => "items-kpi",
            Item::Action => "items-action",
            Item::Department => "items-department",
            Item::Stream => "items-stream",
            Item::Phase => "items-phase",
            Item::Fork => "items-fork",
        })
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

impl fmt::Display for Counted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(tr(match self {
            Counted::Stages => "counted-stages",
            Counted::Lanes => "counted-lanes",
            Counted::Cards => "counted-cards",
            Counted::Personas => "counted-personas",
            Counted::Journeys => "counted-journeys",
            Counted::Kpis => "counted-kpis",
            Counted::Goals => "counted-goals",
            Counted::Needs => "counted-needs",
            Counted::Actions => "counted-actions",
            Counted::Departments => "counted-departments",
            Counted::Streams => "counted-streams",
            Counted::Links => "counted-links",
            Counted::Phases => "counted-phases",
            Counted::Forks => "counted-forks",
            Counted::Branches => "counted-branches",
            Counted::Votes => "counted-votes",
        }))
    }
}

impl fmt::Display for TextOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let of = |key: &str, id: &u32| fmt_msg(key, &[("id", (*id).into())]);
        let nth = |key: &str, id: &u32, n: &usize| {
            fmt_msg(key, &[("id", (*id).into()), ("n", (*n).into())])
        };
        let text = match self {
            TextOf::MapTitle => tr("text-map-title").to_owned(),
            TextOf::PersonaName(id) => of("text-persona-name", id),
            TextOf::PersonaDescription(id) => of("text-persona-description", id),
            TextOf::PersonaPicture(id) => of("text-persona-picture", id),
            TextOf::PersonaGoal(id, n) => nth("text-persona-goal", id, n),
            TextOf::PersonaNeed(id, n) => nth("text-persona-need", id, n),
            TextOf::StageName(id) => of("text-stage-name", id),
            TextOf::LaneName(id) => of("text-lane-name", id),
            TextOf::JourneyName(id) => of("text-journey-name", id),
            TextOf::CardTitle(id) => of("text-card-title", id),
            TextOf::CardNotes(id) => of("text-card-notes", id),
            TextOf::MomentWhy(id) => of("text-moment-why", id),
            TextOf::KpiName(id) => of("text-kpi-name", id),
            TextOf::KpiUnit(id) => of("text-kpi-unit", id),
            TextOf::DepartmentName(id) => of("text-department-name", id),
            TextOf::StreamName(id) => of("text-stream-name", id),
            TextOf::ActionTitle(id) => of("text-action-title", id),
            TextOf::ActionDescription(id) => of("text-action-description", id),
            TextOf::PhaseName(id) => of("text-phase-name", id),
            TextOf::ForkQuestion(id) => of("text-fork-question", id),
            TextOf::BranchLabel(id, n) => nth("text-branch-label", id, n),
        };
        f.write_str(&text)
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Invalid::Duplicate { what, id } => fmt_msg(
                "invalid-duplicate",
                &[("items", what.words().into()), ("id", (*id).into())],
            ),
            Invalid::Unknown {
                from: (from, from_id),
                to: (to, to_id),
            } => fmt_msg(
                "invalid-unknown",
                &[
                    ("from", from.word().into()),
                    ("from-id", (*from_id).into()),
                    ("to", to.word().into()),
                    ("to-id", (*to_id).into()),
                ],
            ),
            Invalid::CardInFeelingsLane { card, lane } => fmt_msg(
                "invalid-card-in-feelings-lane",
                &[("card", (*card).into()), ("lane", (*lane).into())],
            ),
            Invalid::NoJourney => tr("invalid-no-journey").to_owned(),
            Invalid::TargetWithoutCurrent { target } => fmt_msg(
                "invalid-target-without-current",
                &[("target", (*target).into())],
            ),
            Invalid::TooMany { what, count, limit } => fmt_msg(
                "invalid-too-many",
                &[
                    ("what", what.to_string().as_str().into()),
                    ("count", (*count).into()),
                    ("limit", (*limit).into()),
                ],
            ),
            Invalid::TextTooLong { what, chars, limit } => fmt_msg(
                "invalid-text-too-long",
                &[
                    ("what", what.to_string().as_str().into()),
                    ("chars", (*chars).into()),
                    ("limit", (*limit).into()),
                ],
            ),
            Invalid::PhaseNotConsecutive { phase } => fmt_msg(
                "invalid-phase-not-consecutive",
                &[("phase", (*phase).into())],
            ),
            Invalid::PhaseWithoutStages { phase } => fmt_msg(
                "invalid-phase-without-stages",
                &[("phase", (*phase).into())],
            ),
            Invalid::StageInTwoPhases {
                stage,
                phase,
                other,
            } if phase == other => fmt_msg(
                "invalid-stage-twice-in-phase",
                &[("stage", (*stage).into()), ("phase", (*phase).into())],
            ),
            Invalid::KpiNotANumber { kpi } => {
                fmt_msg("invalid-kpi-not-a-number", &[("kpi", (*kpi).into())])
            }
            Invalid::StageInTwoPhases {
                stage,
                phase,
                other,
            } => fmt_msg(
                "invalid-stage-in-two-phases",
                &[
                    ("stage", (*stage).into()),
                    ("phase", (*phase).into()),
                    ("other", (*other).into()),
                ],
            ),
            Invalid::TooFewBranches { fork } => {
                fmt_msg("invalid-too-few-branches", &[("fork", (*fork).into())])
            }
            Invalid::BranchToItsOwnStage { fork, branch } => fmt_msg(
                "invalid-branch-to-its-own-stage",
                &[("fork", (*fork).into()), ("branch", (*branch).into())],
            ),
            Invalid::VoteOnUnknownCard { vote, card } => fmt_msg(
                "invalid-vote-unknown-card",
                &[("vote", (*vote).into()), ("card", (*card).into())],
            ),
            Invalid::BadParticipant { vote } => fmt_msg(
                "invalid-vote-participant",
                &[
                    ("vote", (*vote).into()),
                    ("limit", limits::PARTICIPANT_CHARS.into()),
                ],
            ),
            Invalid::BadParticipantName { vote } => fmt_msg(
                "invalid-vote-name",
                &[
                    ("vote", (*vote).into()),
                    ("limit", limits::NAME_CHARS.into()),
                ],
            ),
            Invalid::DotsOutOfRange { dots } => fmt_msg(
                "invalid-room-dots",
                &[("dots", (*dots).into()), ("limit", limits::DOTS.into())],
            ),
            Invalid::VotingSetForUnknown { to: (item, id) } => fmt_msg(
                "invalid-voting-unknown",
                &[("item", item.word().into()), ("id", (*id).into())],
            ),
        };
        f.write_str(&text)
    }
}

/// Checks the invariants the editor relies on.
pub fn validate(map: &Map) -> Result<(), Invalid> {
    let counts = [
        (Counted::Stages, map.stages.len(), limits::STAGES),
        (Counted::Lanes, map.lanes.len(), limits::LANES),
        (Counted::Cards, map.cards.len(), limits::CARDS),
        (Counted::Personas, map.personas.len(), limits::PERSONAS),
        (Counted::Journeys, map.journeys.len(), limits::JOURNEYS),
        (Counted::Kpis, map.kpis.len(), limits::KPIS),
        (Counted::Actions, map.actions.len(), limits::ACTIONS),
        (
            Counted::Departments,
            map.departments.len(),
            limits::DEPARTMENTS,
        ),
        (Counted::Streams, map.streams.len(), limits::DEPARTMENTS),
        (Counted::Phases, map.phases.len(), limits::PHASES),
        (Counted::Forks, map.forks.len(), limits::FORKS),
        (Counted::Votes, map.votes.len(), limits::VOTES),
    ]
    .into_iter()
    .chain(map.personas.iter().flat_map(|p| {
        [
            (Counted::Goals, p.goals.len(), limits::GOALS),
            (Counted::Needs, p.needs.len(), limits::GOALS),
        ]
    }))
    .chain(map.actions.iter().map(|a| {
        let links = a.addresses.len() + a.stages.len();
        (Counted::Links, links, limits::LINKS)
    }))
    .chain(
        map.forks
            .iter()
            .map(|f| (Counted::Branches, f.branches.len(), limits::BRANCHES)),
    );
    for (what, count, limit) in counts {
        if count > limit {
            return Err(Invalid::TooMany { what, count, limit });
        }
    }
    for (what, text) in map.texts() {
        check_text(what, text)?;
    }
    unique(Item::Stage, map.stages.iter().map(|s| s.id.0))?;
    unique(Item::Lane, map.lanes.iter().map(|l| l.id.0))?;
    unique(Item::Persona, map.personas.iter().map(|p| p.id.0))?;
    unique(Item::Journey, map.journeys.iter().map(|j| j.id.0))?;
    unique(Item::Card, map.cards.iter().map(|c| c.id.0))?;
    unique(Item::Kpi, map.kpis.iter().map(|k| k.id.0))?;
    unique(Item::Action, map.actions.iter().map(|a| a.id.0))?;
    unique(Item::Department, map.departments.iter().map(|d| d.id.0))?;
    unique(Item::Stream, map.streams.iter().map(|s| s.id.0))?;
    unique(Item::Phase, map.phases.iter().map(|p| p.id.0))?;
    unique(Item::Fork, map.forks.iter().map(|f| f.id.0))?;

    if map.journeys.is_empty() {
        return Err(Invalid::NoJourney);
    }
    let stages: HashSet<_> = map.stages.iter().map(|s| s.id).collect();
    let personas: HashSet<_> = map.personas.iter().map(|p| p.id).collect();
    let journeys: HashSet<_> = map.journeys.iter().map(|j| j.id).collect();
    let lanes: HashMap<_, _> = map.lanes.iter().map(|l| (l.id, l.kind)).collect();
    for journey in &map.journeys {
        let from = (Item::Journey, journey.id.0);
        if let Some(persona) = journey.persona
            && !personas.contains(&persona)
        {
            return Err(Invalid::Unknown {
                from,
                to: (Item::Persona, persona.0),
            });
        }
        if let Some(stage) = journey.curve.keys().find(|s| !stages.contains(s)) {
            return Err(Invalid::Unknown {
                from,
                to: (Item::Stage, stage.0),
            });
        }
    }
    if let Some(target) = map.first_of(JourneyKind::Target)
        && map.first_of(JourneyKind::Current).is_none()
    {
        return Err(Invalid::TargetWithoutCurrent {
            target: target.id.0,
        });
    }
    for card in &map.cards {
        let from = (Item::Card, card.id.0);
        if !journeys.contains(&card.journey) {
            return Err(Invalid::Unknown {
                from,
                to: (Item::Journey, card.journey.0),
            });
        }
        if !stages.contains(&card.stage) {
            return Err(Invalid::Unknown {
                from,
                to: (Item::Stage, card.stage.0),
            });
        }
        match lanes.get(&card.lane) {
            None => {
                return Err(Invalid::Unknown {
                    from,
                    to: (Item::Lane, card.lane.0),
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
    for kpi in &map.kpis {
        if !stages.contains(&kpi.stage) {
            return Err(Invalid::Unknown {
                from: (Item::Kpi, kpi.id.0),
                to: (Item::Stage, kpi.stage.0),
            });
        }
        kpi_values_are_numbers(kpi)?;
    }
    validate_actions(map, &stages)?;
    validate_phases(map)?;
    validate_forks(map, &journeys)?;
    super::validate_room(map)
}

/// A KPI's values, where given, are numbers: no NaN, no infinity.
pub fn kpi_values_are_numbers(kpi: &crate::model::Kpi) -> Result<(), Invalid> {
    let number = |v: Option<f64>| v.is_none_or(f64::is_finite);
    if number(kpi.current) && number(kpi.target) {
        Ok(())
    } else {
        Err(Invalid::KpiNotANumber { kpi: kpi.id.0 })
    }
}

/// Phases list existing stages, each stage in one phase at most, each phase's stages next to
/// each other in the map's order.
pub fn validate_phases(map: &Map) -> Result<(), Invalid> {
    let mut owner: HashMap<crate::model::StageId, u32> = HashMap::new();
    for phase in &map.phases {
        if phase.stages.is_empty() {
            return Err(Invalid::PhaseWithoutStages { phase: phase.id.0 });
        }
        let mut indices = Vec::with_capacity(phase.stages.len());
        for stage in &phase.stages {
            let Some(index) = map.stage_index(*stage) else {
                return Err(Invalid::Unknown {
                    from: (Item::Phase, phase.id.0),
                    to: (Item::Stage, stage.0),
                });
            };
            if let Some(other) = owner.insert(*stage, phase.id.0) {
                return Err(Invalid::StageInTwoPhases {
                    stage: stage.0,
                    phase: other,
                    other: phase.id.0,
                });
            }
            indices.push(index);
        }
        indices.sort_unstable();
        if indices.windows(2).any(|w| w[1] != w[0] + 1) {
            return Err(Invalid::PhaseNotConsecutive { phase: phase.id.0 });
        }
    }
    Ok(())
}

/// Forks sit at an existing stage of an existing journey and branch two ways or more, each
/// branch to another existing stage or out of the journey.
pub fn validate_forks(
    map: &Map,
    journeys: &HashSet<crate::model::JourneyId>,
) -> Result<(), Invalid> {
    for fork in &map.forks {
        let unknown = |to: (Item, u32)| Invalid::Unknown {
            from: (Item::Fork, fork.id.0),
            to,
        };
        if !journeys.contains(&fork.journey) {
            return Err(unknown((Item::Journey, fork.journey.0)));
        }
        if map.stage_index(fork.stage).is_none() {
            return Err(unknown((Item::Stage, fork.stage.0)));
        }
        if fork.branches.len() < crate::model::MIN_BRANCHES {
            return Err(Invalid::TooFewBranches { fork: fork.id.0 });
        }
        for (i, branch) in fork.branches.iter().enumerate() {
            match branch.to {
                Some(to) if to == fork.stage => {
                    return Err(Invalid::BranchToItsOwnStage {
                        fork: fork.id.0,
                        branch: i + 1,
                    });
                }
                Some(to) if map.stage_index(to).is_none() => {
                    return Err(unknown((Item::Stage, to.0)));
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// Every link of every action leads somewhere: never a dropped link.
fn validate_actions(map: &Map, stages: &HashSet<crate::model::StageId>) -> Result<(), Invalid> {
    if map.actions.is_empty() {
        return Ok(());
    }
    let cards: HashSet<_> = map.cards.iter().map(|c| c.id).collect();
    let kpis: HashSet<_> = map.kpis.iter().map(|k| k.id).collect();
    let departments: HashSet<_> = map.departments.iter().map(|d| d.id).collect();
    let streams: HashSet<_> = map.streams.iter().map(|s| s.id).collect();
    for action in &map.actions {
        let unknown = |to: (Item, u32)| Invalid::Unknown {
            from: (Item::Action, action.id.0),
            to,
        };
        for card in action.card.iter().chain(&action.addresses) {
            if !cards.contains(card) {
                return Err(unknown((Item::Card, card.0)));
            }
        }
        if let Some(stage) = action.stages.iter().find(|s| !stages.contains(s)) {
            return Err(unknown((Item::Stage, stage.0)));
        }
        if let Some(owner) = action.owner.filter(|d| !departments.contains(d)) {
            return Err(unknown((Item::Department, owner.0)));
        }
        if let Some(stream) = action.stream.filter(|s| !streams.contains(s)) {
            return Err(unknown((Item::Stream, stream.0)));
        }
        if let Some(kpi) = action.kpi.filter(|k| !kpis.contains(k)) {
            return Err(unknown((Item::Kpi, kpi.0)));
        }
    }
    Ok(())
}

fn unique(what: Item, ids: impl Iterator<Item = u32>) -> Result<(), Invalid> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(Invalid::Duplicate { what, id });
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
