//! `trayecto roadmap`: every action, one row each, in the roadmap's order (stream, then
//! horizon, then priority), or those the workshop room voted for most first.

use super::{Table, Value};
use crate::i18n::strings;
use crate::model::{Action, CardId, Map, Tally};
use std::collections::{HashMap, HashSet};

/// How the actions are ranked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// As the roadmap board: stream, horizon, priority.
    #[default]
    Roadmap,
    /// Most dots first; equal ones in the roadmap's order.
    Votes,
}

/// An action's dots: those on the cards it links to — the card that shows it and the cards it
/// addresses — each card counted once.
pub fn votes_of(action: &Action, tally: &HashMap<CardId, Tally>) -> usize {
    let cards: HashSet<CardId> = action
        .card
        .iter()
        .chain(&action.addresses)
        .copied()
        .collect();
    cards
        .iter()
        .filter_map(|c| tally.get(c))
        .map(|t| t.votes)
        .sum()
}

/// The actions ranked as asked.
pub fn ordered_by(map: &Map, order: Order) -> Vec<&Action> {
    let mut actions = ordered(map);
    if order == Order::Votes {
        let tally = map.tally();
        // Stable: equal counts keep the roadmap's order.
        actions.sort_by_cached_key(|a| std::cmp::Reverse(votes_of(a, &tally)));
    }
    actions
}

/// The actions in roadmap order: by stream (as the map lists them; none last), horizon, then
/// priority; ties keep the map's order.
pub fn ordered(map: &Map) -> Vec<&Action> {
    let streams: HashMap<_, usize> = map
        .streams
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let stream = |a: &Action| {
        a.stream
            .and_then(|s| streams.get(&s).copied())
            .unwrap_or(usize::MAX)
    };
    let mut actions: Vec<&Action> = map.actions.iter().collect();
    actions.sort_by_cached_key(|a| (stream(a), a.horizon, a.priority()));
    actions
}

pub fn table(map: &Map) -> Table {
    table_by(map, Order::Roadmap)
}

/// The actions as a report table, ranked as asked. Their dots show when they are ranked by
/// them, or when any action has some.
pub fn table_by(map: &Map, order: Order) -> Table {
    let tally = map.tally();
    let actions = ordered_by(map, order);
    let votes = order == Order::Votes || actions.iter().any(|a| votes_of(a, &tally) > 0);
    let mut columns = vec![
        ("stages", strings::col_stages().to_owned()),
        ("action", strings::col_action().to_owned()),
    ];
    if votes {
        columns.push(("votes", crate::i18n::tr("col-votes").to_owned()));
    }
    columns.extend([
        ("owner", strings::col_owner().to_owned()),
        ("stream", strings::col_stream().to_owned()),
        ("impact", strings::col_impact().to_owned()),
        ("effort", strings::col_effort().to_owned()),
        ("priority", strings::col_priority().to_owned()),
        ("horizon", strings::col_horizon().to_owned()),
        ("status", strings::col_status().to_owned()),
        ("kpi", strings::col_kpi().to_owned()),
    ]);
    let mut table = Table::new(columns);
    let text_or_none = |text: Option<&String>| text.map_or(Value::None, |t| Value::Text(t.clone()));
    // Names by id, looked up once per map rather than once per action.
    let stages: HashMap<_, _> = map.stages.iter().map(|s| (s.id, &s.name)).collect();
    let departments: HashMap<_, _> = map.departments.iter().map(|d| (d.id, &d.name)).collect();
    let streams: HashMap<_, _> = map.streams.iter().map(|s| (s.id, &s.name)).collect();
    let kpis: HashMap<_, _> = map.kpis.iter().map(|k| (k.id, &k.name)).collect();
    for action in actions {
        let names = action
            .stages
            .iter()
            .filter_map(|s| stages.get(s).map(|n| (*n).clone()))
            .collect();
        let priority = action.priority();
        let mut cells = vec![Value::List(names), Value::Text(action.title.clone())];
        if votes {
            cells.push(Value::Int(votes_of(action, &tally) as i64));
        }
        cells.extend([
            text_or_none(action.owner.and_then(|d| departments.get(&d).copied())),
            text_or_none(action.stream.and_then(|s| streams.get(&s).copied())),
            Value::Key(action.impact.key(), action.impact.label()),
            Value::Key(action.effort.key(), action.effort.label()),
            Value::Key(priority.key(), priority.label()),
            Value::Key(action.horizon.key(), action.horizon.label()),
            Value::Key(action.status.key(), action.status.label()),
            text_or_none(action.kpi.and_then(|k| kpis.get(&k).copied())),
        ]);
        table.push(cells);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Vote;
    use crate::templates;

    #[test]
    fn an_action_counts_the_dots_on_the_cards_it_shows_and_addresses_once_each() {
        let mut map = templates::load("pizza").unwrap();
        // Action 2 shows card 24 and addresses 21 and 9; action 3 shows 26, addresses 14 and 29.
        for (card, who) in [
            (21, "ana"),
            (21, "luis"),
            (24, "ana"),
            (14, "eva"),
            (29, "eva"),
        ] {
            map.votes.push(Vote::new(CardId(card), who, None));
        }
        let tally = map.tally();
        let votes = |id: u32| {
            let action = map.actions.iter().find(|a| a.id.0 == id).unwrap();
            votes_of(action, &tally)
        };
        assert_eq!((votes(1), votes(2), votes(3)), (0, 3, 2));
        let mut twice = map.actions[1].clone();
        twice.addresses.push(CardId(24));
        assert_eq!(
            votes_of(&twice, &tally),
            3,
            "a card linked twice counts once"
        );

        let by_votes: Vec<u32> = ordered_by(&map, Order::Votes)
            .iter()
            .map(|a| a.id.0)
            .collect();
        let roadmap: Vec<u32> = ordered(&map).iter().map(|a| a.id.0).collect();
        assert_eq!(by_votes[..2], [2, 3]);
        let rest: Vec<u32> = roadmap
            .into_iter()
            .filter(|id| ![2, 3].contains(id))
            .collect();
        assert_eq!(by_votes[2..], rest, "equal counts keep the roadmap's order");

        let table = table_by(&map, Order::Votes);
        assert_eq!(table.columns[2].key, "votes");
        assert_eq!(table.rows[0][2], Value::Int(3));
        // Without dots, the roadmap's table is as it always was; ranked by votes, the column
        // shows even so.
        map.votes.clear();
        assert!(
            table_by(&map, Order::Roadmap)
                .columns
                .iter()
                .all(|c| c.key != "votes")
        );
        assert_eq!(table_by(&map, Order::Votes).columns[2].key, "votes");
    }
}
