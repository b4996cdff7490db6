//! KPIs: each measures one stage.

use super::list::{self, exists, restore};
use super::{Edit, EditError, Result};
use crate::model::{Kpi, KpiId, Map, Stage, StageId};

/// Adds a KPI at `index` of the KPI list, to a stage that exists.
pub(super) fn insert(map: &mut Map, index: usize, kpi: Kpi) -> Result<Edit> {
    if index > map.kpis.len() {
        return Err(EditError::OutOfRange(index));
    }
    let (id, stage) = (kpi.id, kpi.stage);
    let kpis = vec![(index, kpi)];
    check_restored_kpis(map, &kpis, stage)?;
    exists::<Stage>(map, stage)?;
    restore(&mut map.kpis, kpis);
    Ok(Edit::RemoveKpi(id))
}

pub(super) fn remove(map: &mut Map, id: KpiId) -> Result<Edit> {
    let (index, kpi) = list::remove(map, id)?;
    Ok(Edit::InsertKpi { index, kpi })
}

pub(super) fn set(map: &mut Map, kpi: Kpi) -> Result<Edit> {
    list::replace(map, kpi, |map, kpi| exists::<Stage>(map, kpi.stage)).map(Edit::SetKpi)
}

/// Checks KPIs about to be inserted at ascending positions into `stage`.
pub(super) fn check_restored_kpis(map: &Map, kpis: &[(usize, Kpi)], stage: StageId) -> Result<()> {
    list::check_restored(map, kpis, |k| k.stage == stage, |_| Ok(()))
}
