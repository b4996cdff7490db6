//! `trayecto info`: a summary of a map for scripts and people.

use super::{Table, Value};
use crate::i18n::strings;
use crate::model::{JourneyKind, Map, MomentKind};
use serde_json::json;

/// The summary as JSON, with stable English keys and values whatever the interface language.
/// `version` is the format the map's file is in (older ones are migrated when read).
pub fn json(map: &Map, version: u32) -> serde_json::Value {
    let moments = |kind| {
        map.cards
            .iter()
            .filter(|c| c.moment_kind() == Some(kind))
            .count()
    };
    json!({
        "title": map.title,
        "format": version,
        "stages": map.stages.len(),
        "lanes": map.lanes.len(),
        "cards": map.cards.len(),
        "personas": map.personas.iter().map(|p| json!({
            "id": p.id.0,
            "name": p.name,
        })).collect::<Vec<_>>(),
        "journeys": map.journeys.iter().map(|j| json!({
            "id": j.id.0,
            "name": j.name,
            "kind": j.kind.key(),
            "persona": j.persona.and_then(|p| map.persona(p)).map(|p| p.name.clone()),
            "cards": map.cards_of(j.id).count(),
        })).collect::<Vec<_>>(),
        "moments": {
            "gain": moments(MomentKind::Gain),
            "pain": moments(MomentKind::Pain),
        },
        "kpis": map.kpis.len(),
        "actions": {
            "total": map.actions.len(),
            "by_stream": by_stream(map).into_iter().map(|(stream, count)| json!({
                "stream": stream,
                "actions": count,
            })).collect::<Vec<_>>(),
        },
        "phases": map.phases.iter().map(|p| json!({
            "id": p.id.0,
            "name": p.name,
            "stages": p.stages.iter().map(|s| stage_json(map, *s)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "forks": map.forks.iter().map(|f| json!({
            "id": f.id.0,
            "journey": map.journey(f.journey).map(|j| j.name.clone()),
            "stage": stage_json(map, f.stage),
            "question": f.question,
            "branches": f.branches.iter().map(|b| json!({
                "label": b.label,
                "to": b.to.map(|s| stage_json(map, s)),
                "leaves_journey": b.to.is_none(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "votes": votes_json(map),
    })
}

/// The workshop room's dots: the total, how many people voted, how the room is set up, and
/// every card with dots — the most first, equal ones in the map's order.
fn votes_json(map: &Map) -> serde_json::Value {
    let room = &map.room;
    let tally = map.tally();
    let mut cards: Vec<_> = map
        .cards
        .iter()
        .filter_map(|c| tally.get(&c.id).map(|t| (c, *t)))
        .collect();
    cards.sort_by_key(|(_, t)| std::cmp::Reverse(t.votes));
    json!({
        "total": map.votes.len(),
        "participants": map.participants(),
        "dots_per_participant": room.dots,
        "closed": room.closed,
        "revealed": room.revealed,
        "cards": cards.into_iter().map(|(card, t)| json!({
            "id": card.id.0,
            "title": card.title,
            "count": t.votes,
            "participants": t.participants,
        })).collect::<Vec<_>>(),
    })
}

/// A stage as reports name it: its id and its name.
fn stage_json(map: &Map, stage: crate::model::StageId) -> serde_json::Value {
    json!({
        "id": stage.0,
        "name": map.stage(stage).map(|s| s.name.clone()),
    })
}

/// Actions per stream, in the map's order of streams; those without a stream last (as `null`).
fn by_stream(map: &Map) -> Vec<(Option<String>, usize)> {
    let mut counts: Vec<(Option<String>, usize)> = map
        .streams
        .iter()
        .map(|s| {
            let count = map
                .actions
                .iter()
                .filter(|a| a.stream == Some(s.id))
                .count();
            (Some(s.name.clone()), count)
        })
        .collect();
    let loose = map
        .actions
        .iter()
        .filter(|a| a.stream.is_none_or(|s| map.stream(s).is_none()))
        .count();
    if loose > 0 {
        counts.push((None, loose));
    }
    counts
}

/// The summary as a two-column table for people.
pub fn table(map: &Map, version: u32) -> Table {
    let data = json(map, version);
    let mut table = Table::new([
        ("what", strings::col_what().to_owned()),
        ("value", strings::col_value().to_owned()),
    ]);
    let mut row = |what: String, value: Value| table.push(vec![Value::Text(what), value]);
    row(
        strings::col_title().to_owned(),
        Value::Text(map.title.clone()),
    );
    row(
        strings::info_format().to_owned(),
        Value::Int(i64::from(version)),
    );
    let (s, l, c) = map.summary();
    row(strings::info_stages().to_owned(), Value::Int(s as i64));
    row(strings::info_lanes().to_owned(), Value::Int(l as i64));
    row(strings::col_cards().to_owned(), Value::Int(c as i64));
    row(
        strings::info_personas().to_owned(),
        Value::List(map.personas.iter().map(|p| p.name.clone()).collect()),
    );
    for journey in &map.journeys {
        // The row says what kind of journey it is ("Target journey"); its value gives the
        // name (unless it only repeats the kind, as the templates' names do), the persona and
        // the cards, apart by " · ": a persona's name may hold a comma ("Lucía, 29").
        let kind = crate::i18n::tr(match journey.kind {
            JourneyKind::Current => "info-journey-current",
            JourneyKind::Target => "info-journey-target",
            JourneyKind::Other => "info-journey-other",
        });
        let mut parts = Vec::new();
        if journey.name.trim().to_lowercase() != kind.to_lowercase() {
            parts.push(crate::i18n::fmt(
                "info-journey-name",
                &[("name", journey.name.as_str().into())],
            ));
        }
        if let Some(persona) = journey.persona.and_then(|p| map.persona(p)) {
            parts.push(persona.name.clone());
        }
        parts.push(strings::card_count(map.cards_of(journey.id).count()));
        row(kind.to_owned(), Value::Text(parts.join(" · ")));
    }
    row(
        MomentKind::Gain.label().to_owned(),
        Value::Int(data["moments"]["gain"].as_i64().unwrap_or(0)),
    );
    row(
        MomentKind::Pain.label().to_owned(),
        Value::Int(data["moments"]["pain"].as_i64().unwrap_or(0)),
    );
    row(
        strings::kpis().to_owned(),
        Value::Int(map.kpis.len() as i64),
    );
    for (stream, count) in by_stream(map) {
        let stream = stream.unwrap_or_else(|| strings::no_stream().to_owned());
        row(
            format!("{}: {stream}", strings::actions()),
            Value::Int(count as i64),
        );
    }
    // The room's totals, once it has been used.
    if !(map.votes.is_empty() && map.room.is_default()) {
        row(
            crate::i18n::tr("info-votes").to_owned(),
            Value::Int(map.votes.len() as i64),
        );
        row(
            crate::i18n::tr("info-voters").to_owned(),
            Value::Int(map.participants() as i64),
        );
    }
    let stage_name = |s| map.stage(s).map_or(String::new(), |s| s.name.clone());
    for phase in &map.phases {
        row(
            format!("{}: {}", strings::phase(), phase.name),
            Value::List(phase.stages.iter().map(|s| stage_name(*s)).collect()),
        );
    }
    for fork in &map.forks {
        let branches = fork
            .branches
            .iter()
            .map(|b| {
                let to =
                    b.to.map_or_else(|| strings::leaves_journey().to_owned(), stage_name);
                format!("{} → {to}", b.label)
            })
            .collect();
        // Where it is asked, and in which journey when there are several (a copied journey
        // asks the same question).
        let journey = map
            .journey(fork.journey)
            .filter(|_| map.journeys.len() > 1)
            .map_or(String::new(), |j| format!(" · {}", j.name));
        row(
            format!(
                "{}: {} ({}{journey})",
                strings::decision(),
                fork.question,
                stage_name(fork.stage)
            ),
            Value::List(branches),
        );
    }
    table
}
