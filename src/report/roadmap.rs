//! `trayecto roadmap`: every action, one row each, in the roadmap's order (stream, then
//! horizon, then priority).

use super::{Table, Value};
use crate::i18n::strings;
use crate::model::{Action, Map};
use std::collections::HashMap;

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
    let mut table = Table::new([
        ("stages", strings::col_stages().to_owned()),
        ("action", strings::col_action().to_owned()),
        ("owner", strings::col_owner().to_owned()),
        ("stream", strings::col_stream().to_owned()),
        ("impact", strings::col_impact().to_owned()),
        ("effort", strings::col_effort().to_owned()),
        ("priority", strings::col_priority().to_owned()),
        ("horizon", strings::col_horizon().to_owned()),
        ("status", strings::col_status().to_owned()),
        ("kpi", strings::col_kpi().to_owned()),
    ]);
    let text_or_none = |text: Option<&String>| text.map_or(Value::None, |t| Value::Text(t.clone()));
    // Names by id, looked up once per map rather than once per action.
    let stages: HashMap<_, _> = map.stages.iter().map(|s| (s.id, &s.name)).collect();
    let departments: HashMap<_, _> = map.departments.iter().map(|d| (d.id, &d.name)).collect();
    let streams: HashMap<_, _> = map.streams.iter().map(|s| (s.id, &s.name)).collect();
    let kpis: HashMap<_, _> = map.kpis.iter().map(|k| (k.id, &k.name)).collect();
    for action in ordered(map) {
        let names = action
            .stages
            .iter()
            .filter_map(|s| stages.get(s).map(|n| (*n).clone()))
            .collect();
        let priority = action.priority();
        table.push(vec![
            Value::List(names),
            Value::Text(action.title.clone()),
            text_or_none(action.owner.and_then(|d| departments.get(&d).copied())),
            text_or_none(action.stream.and_then(|s| streams.get(&s).copied())),
            Value::Key(action.impact.key(), action.impact.label()),
            Value::Key(action.effort.key(), action.effort.label()),
            Value::Key(priority.key(), priority.label()),
            Value::Key(action.horizon.key(), action.horizon.label()),
            Value::Key(action.status.key(), action.status.label()),
            text_or_none(action.kpi.and_then(|k| kpis.get(&k).copied())),
        ]);
    }
    table
}
