//! Departments, which own actions. Removing one leaves its actions without an owner; undo
//! gives it back.

use super::list::{self, no_rule};
use super::{Edit, Result};
use crate::model::{Department, DepartmentId, Map};

pub(super) fn insert(map: &mut Map, index: usize, department: Department) -> Result<Edit> {
    list::insert(map, index, department, no_rule).map(Edit::RemoveDepartment)
}

pub(super) fn remove(map: &mut Map, id: DepartmentId) -> Result<Edit> {
    let (index, department) = list::remove(map, id)?;
    Ok(Edit::InsertDepartment { index, department })
}

pub(super) fn rename(map: &mut Map, id: DepartmentId, name: String) -> Result<Edit> {
    let name = list::set(map, id, |d: &mut Department| &mut d.name, name)?;
    Ok(Edit::RenameDepartment { id, name })
}
