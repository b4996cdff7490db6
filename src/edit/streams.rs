//! Streams, the lines of work that group actions. Removing one leaves its actions in none;
//! undo gives it back.

use super::list::{self, no_rule};
use super::{Edit, Result};
use crate::model::{Map, Stream, StreamId};

pub(super) fn insert(map: &mut Map, index: usize, stream: Stream) -> Result<Edit> {
    list::insert(map, index, stream, no_rule).map(Edit::RemoveStream)
}

pub(super) fn remove(map: &mut Map, id: StreamId) -> Result<Edit> {
    let (index, stream) = list::remove(map, id)?;
    Ok(Edit::InsertStream { index, stream })
}

pub(super) fn rename(map: &mut Map, id: StreamId, name: String) -> Result<Edit> {
    let name = list::set(map, id, |s: &mut Stream| &mut s.name, name)?;
    Ok(Edit::RenameStream { id, name })
}
