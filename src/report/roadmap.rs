//! `trayecto roadmap`: every action, one row each, in the roadmap's order (stream, then
//! horizon, then priority).

use super::{Table, Value};
use crate::model::{Action, Map};
use crate::strings;

/// The actions in roadmap order: by stream (as the map lists them; none last), horizon, then
/// priority; ties keep the map's order.
pub fn ordered(map: &Map) -> Vec<&Action> {
    let stream = |a: &Action| {
        a.stream
            .and_then(|s| map.streams.iter().position(|x| x.id == s))
            .unwrap_or(usize::MAX)
    };
    let mut actions: Vec<&Action> = map.actions.iter().collect();
    actions.sort_by_key(|a| (stream(a), a.horizon, a.priority()));
    actions
}

pub fn table(map: &Map) -> Table {
    let mut table = Table::new([
        ("stages", strings::COL_STAGES.to_owned()),
        ("action", strings::COL_ACTION.to_owned()),
        ("owner", strings::COL_OWNER.to_owned()),
        ("stream", strings::COL_STREAM.to_owned()),
        ("impact", strings::COL_IMPACT.to_owned()),
        ("effort", strings::COL_EFFORT.to_owned()),
        ("priority", strings::COL_PRIORITY.to_owned()),
        ("horizon", strings::COL_HORIZON.to_owned()),
        ("status", strings::COL_STATUS.to_owned()),
        ("kpi", strings::COL_KPI.to_owned()),
    ]);
    let text_or_none = |text: Option<&str>| text.map_or(Value::None, |t| Value::Text(t.to_owned()));
    for action in ordered(map) {
        let stages = action
            .stages
            .iter()
            .filter_map(|s| map.stage(*s))
            .map(|s| s.name.clone())
            .collect();
        table.push(vec![
            Value::List(stages),
            Value::Text(action.title.clone()),
            text_or_none(
                action
                    .owner
                    .and_then(|d| map.department(d))
                    .map(|d| d.name.as_str()),
            ),
            text_or_none(
                action
                    .stream
                    .and_then(|s| map.stream(s))
                    .map(|s| s.name.as_str()),
            ),
            Value::Key(action.impact.key(), strings::level(action.impact)),
            Value::Key(action.effort.key(), strings::level(action.effort)),
            Value::Key(
                action.priority().key(),
                strings::priority(action.priority()),
            ),
            Value::Key(action.horizon.key(), strings::horizon(action.horizon)),
            Value::Key(action.status.key(), strings::status(action.status)),
            text_or_none(action.kpi.and_then(|k| map.kpi(k)).map(|k| k.name.as_str())),
        ]);
    }
    table
}
