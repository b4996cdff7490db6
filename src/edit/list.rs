//! What every list of the map shares: finding an item by its id, inserting one under an id not
//! in use, removing, replacing, changing and moving one; each returns what undo needs.

use super::{EditError, Result};
use crate::model::{
    Action, ActionId, Card, CardId, Department, DepartmentId, Journey, JourneyId, Kpi, KpiId, Lane,
    LaneId, Map, Persona, PersonaId, Stage, StageId, Stream, StreamId,
};
use std::collections::HashSet;
use std::hash::Hash;

/// An item of one of the map's lists, found by its id.
pub(super) trait Listed: Sized {
    type Id: Copy + Eq + Hash;
    fn id(&self) -> Self::Id;
    /// The id as an error names it.
    fn number(id: Self::Id) -> u32;
    /// The error for an id the list does not hold.
    fn missing(id: Self::Id) -> EditError;
    fn list(map: &Map) -> &Vec<Self>;
    fn list_mut(map: &mut Map) -> &mut Vec<Self>;
}

macro_rules! listed {
    ($($item:ident($id:ident) in $list:ident, else $missing:ident;)*) => {
        $(
            impl Listed for $item {
                type Id = $id;
                fn id(&self) -> $id {
                    self.id
                }
                fn number(id: $id) -> u32 {
                    id.0
                }
                fn missing(id: $id) -> EditError {
                    EditError::$missing(id.0)
                }
                fn list(map: &Map) -> &Vec<Self> {
                    &map.$list
                }
                fn list_mut(map: &mut Map) -> &mut Vec<Self> {
                    &mut map.$list
                }
            }
        )*
    };
}

listed! {
    Persona(PersonaId) in personas, else NoPersona;
    Journey(JourneyId) in journeys, else NoJourney;
    Stage(StageId) in stages, else NoStage;
    Lane(LaneId) in lanes, else NoLane;
    Card(CardId) in cards, else NoCard;
    Kpi(KpiId) in kpis, else NoKpi;
    Action(ActionId) in actions, else NoAction;
    Department(DepartmentId) in departments, else NoDepartment;
    Stream(StreamId) in streams, else NoStream;
}

/// The rule of an item that fits wherever its list has room.
pub(super) fn no_rule<T>(_: &Map, _: &T) -> Result<()> {
    Ok(())
}

/// Where the item `id` stands in its list.
pub(super) fn position<T: Listed>(map: &Map, id: T::Id) -> Result<usize> {
    T::list(map)
        .iter()
        .position(|item| item.id() == id)
        .ok_or_else(|| T::missing(id))
}

/// Refuses an id its list does not hold.
pub(super) fn exists<T: Listed>(map: &Map, id: T::Id) -> Result<()> {
    position::<T>(map, id).map(|_| ())
}

/// The index just after the item `after` in its list, or the end when there is none.
pub(super) fn index_after<T: Listed>(map: &Map, after: Option<T::Id>) -> usize {
    after
        .and_then(|id| position::<T>(map, id).ok())
        .map_or(T::list(map).len(), |i| i + 1)
}

/// The item `id`, to change.
pub(super) fn get_mut<T: Listed>(map: &mut Map, id: T::Id) -> Result<&mut T> {
    let index = position::<T>(map, id)?;
    Ok(&mut T::list_mut(map)[index])
}

/// Inserts `item` at `index` of its list; returns its id. Refuses an id in use, then an index
/// past the end, then what `rule` refuses.
pub(super) fn insert<T: Listed>(
    map: &mut Map,
    index: usize,
    item: T,
    rule: impl FnOnce(&Map, &T) -> Result<()>,
) -> Result<T::Id> {
    let id = item.id();
    if position::<T>(map, id).is_ok() {
        return Err(EditError::IdInUse(T::number(id)));
    }
    if index > T::list(map).len() {
        return Err(EditError::OutOfRange(index));
    }
    rule(map, &item)?;
    T::list_mut(map).insert(index, item);
    Ok(id)
}

/// Removes the item `id`; returns where it stood, and the item.
pub(super) fn remove<T: Listed>(map: &mut Map, id: T::Id) -> Result<(usize, T)> {
    let index = position::<T>(map, id)?;
    Ok((index, T::list_mut(map).remove(index)))
}

/// Puts `item` in the place of the item with its id, if `rule` allows it; returns the item it
/// replaced.
pub(super) fn replace<T: Listed>(
    map: &mut Map,
    item: T,
    rule: impl FnOnce(&Map, &T) -> Result<()>,
) -> Result<T> {
    let index = position::<T>(map, item.id())?;
    rule(map, &item)?;
    Ok(std::mem::replace(&mut T::list_mut(map)[index], item))
}

/// Sets the `field` of the item `id` to `value`; returns the value it had.
pub(super) fn set<T: Listed, V>(
    map: &mut Map,
    id: T::Id,
    field: impl FnOnce(&mut T) -> &mut V,
    value: V,
) -> Result<V> {
    Ok(std::mem::replace(field(get_mut::<T>(map, id)?), value))
}

/// Moves the item `id` to `to` in its list; returns where it was.
pub(super) fn move_to<T: Listed>(map: &mut Map, id: T::Id, to: usize) -> Result<usize> {
    let from = position::<T>(map, id)?;
    let list = T::list_mut(map);
    if to >= list.len() {
        return Err(EditError::OutOfRange(to));
    }
    let item = list.remove(from);
    list.insert(to, item);
    Ok(from)
}

/// Puts items back at their positions (ascending).
pub(super) fn restore<T>(list: &mut Vec<T>, items: Vec<(usize, T)>) {
    for (position, item) in items {
        list.insert(position, item);
    }
}

/// Removes the matching items, returning each with the position it had, ascending.
pub(super) fn take<T>(list: &mut Vec<T>, matches: impl Fn(&T) -> bool) -> Vec<(usize, T)> {
    let mut taken = Vec::new();
    let mut kept = Vec::with_capacity(list.len());
    for (position, item) in std::mem::take(list).into_iter().enumerate() {
        if matches(&item) {
            taken.push((position, item));
        } else {
            kept.push(item);
        }
    }
    *list = kept;
    taken
}

/// Checks items about to be put back at ascending positions (see [`restore`]), in this order:
/// each `belongs` with what it is restored with, has an id in use neither in the map nor among
/// the others, a position in range, and keeps `rule`.
pub(super) fn check_restored<T: Listed>(
    map: &Map,
    items: &[(usize, T)],
    belongs: impl Fn(&T) -> bool,
    rule: impl Fn(&T) -> Result<()>,
) -> Result<()> {
    let len = T::list(map).len();
    let mut ids = HashSet::new();
    let mut previous = None;
    for (count, (at, item)) in items.iter().enumerate() {
        if !belongs(item) {
            return Err(EditError::Mismatch);
        }
        let id = item.id();
        if position::<T>(map, id).is_ok() || !ids.insert(id) {
            return Err(EditError::IdInUse(T::number(id)));
        }
        if *at > len + count || previous.is_some_and(|p| *at <= p) {
            return Err(EditError::OutOfRange(*at));
        }
        previous = Some(*at);
        rule(item)?;
    }
    Ok(())
}
