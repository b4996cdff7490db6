//! The gap panel: the analysis of `trayecto gap` as a table under the canvas. A click on a row
//! selects that stage on the canvas.

use super::{Command, Selection};
use crate::i18n::strings;
use crate::model::Map;
use crate::report::gap::{self, GapRow};
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

pub fn panel(ui: &mut Ui, map: &Map, selected: Selection, out: &mut Vec<Command>) {
    let analysis = match gap::analyse(map) {
        Ok(analysis) => analysis,
        Err(error) => {
            ui.add_space(6.0);
            ui.label(RichText::new(error.to_string()).weak());
            return;
        }
    };
    ui.horizontal(|ui| {
        ui.strong(strings::gap_panel());
        ui.label(RichText::new(strings::gap_heading(&analysis.current, &analysis.target)).weak());
    });
    let score = |v: Option<f32>| v.map_or_else(|| "–".to_owned(), strings::signed);
    TableBuilder::new(ui)
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::auto().at_least(120.0))
        .columns(Column::auto().at_least(56.0), 3)
        .columns(Column::remainder().at_least(90.0).clip(true), 4)
        .header(22.0, |mut header| {
            for title in [
                strings::col_stage(),
                strings::col_current(),
                strings::col_target(),
                strings::col_gap(),
                strings::col_gains(),
                strings::col_pains(),
                strings::col_pain_points(),
                strings::col_kpis(),
            ] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(24.0, analysis.rows.len(), |mut row| {
                let data: &GapRow = &analysis.rows[row.index()];
                row.set_selected(selected == Selection::Stage(data.stage));
                let cells = [
                    data.stage_name.clone(),
                    score(data.current),
                    score(data.target),
                    score(data.gap),
                    data.gains.join("; "),
                    data.pains.join("; "),
                    data.pain_points.join("; "),
                    data.kpis.join("; "),
                ];
                for (i, text) in cells.into_iter().enumerate() {
                    row.col(|ui| {
                        // Not selectable text: a click anywhere on the row picks the stage.
                        let text = if i == 3 {
                            RichText::new(text).strong()
                        } else {
                            RichText::new(text)
                        };
                        ui.add(egui::Label::new(text).selectable(false));
                    });
                }
                let response = row.response();
                super::probe::note(&response, &strings::gap_row_label(&data.stage_name));
                if response.clicked() {
                    out.push(Command::Focus(Selection::Stage(data.stage)));
                }
            });
        });
}
