//! The gap panel: the analysis of `trayecto gap` as a table under the canvas. A click on a row
//! selects that stage on the canvas.
//!
//! Every word stays readable on a 1024-pixel projector: the stage and the four lists (moments
//! of gain and of pain, pain points, KPIs) wrap in their columns, one item a line, and each row
//! is as tall as its fullest cell; below the narrowest readable columns the table scrolls
//! sideways instead of cutting words.

use super::{Command, Selection};
use crate::i18n::strings;
use crate::model::Map;
use crate::report::gap::{self, GapRow};
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

/// Widths of the stage column and of each number column (current, target, gap).
const STAGE_WIDTH: f32 = 120.0;
const NUMBER_WIDTH: f32 = 56.0;
/// The narrowest a list column gets before the table scrolls sideways: at 1024 pixels, with
/// the inspector open, all four lists still fit beside the stage and the numbers.
const LIST_WIDTH: f32 = 80.0;
/// Room above and below a row's words.
const ROW_PADDING: f32 = 8.0;

/// A list as the panel shows it: one item a line, each after a bullet.
fn lines(items: &[String]) -> String {
    items
        .iter()
        .map(|item| format!("• {item}"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn panel(ui: &mut Ui, map: &Map, selected: Selection, by_votes: bool, out: &mut Vec<Command>) {
    // The room's dots stay hidden until the facilitator reveals them, here as on the cards:
    // neither their counts nor the order they make show before.
    let revealed = map.room.revealed;
    let by_votes = by_votes && revealed;
    let order = if by_votes {
        gap::Order::Votes
    } else {
        gap::Order::Gap
    };
    let analysis = match gap::analyse_by(map, order) {
        Ok(analysis) => analysis,
        Err(error) => {
            ui.add_space(6.0);
            ui.label(RichText::new(error.to_string()).weak());
            return;
        }
    };
    ui.horizontal_wrapped(|ui| {
        ui.strong(strings::gap_panel());
        let heading = if by_votes {
            crate::i18n::fmt(
                "gap-heading-votes",
                &[
                    ("current", (&analysis.current).into()),
                    ("target", (&analysis.target).into()),
                ],
            )
        } else {
            strings::gap_heading(&analysis.current, &analysis.target)
        };
        ui.label(RichText::new(heading).weak());
        // Rank by the gap, or by the room's dots on each stage's pain.
        ui.separator();
        ui.label(crate::i18n::tr("gap-rank-by"));
        for (votes, key) in [(false, "gap-rank-gap"), (true, "gap-rank-votes")] {
            let choice = egui::Button::selectable(by_votes == votes, crate::i18n::tr(key));
            let answer = ui
                .add_enabled(!votes || revealed, choice)
                .on_disabled_hover_text(crate::i18n::tr("gap-rank-votes-hidden"));
            if answer.clicked() && by_votes != votes {
                out.push(Command::GapByVotes(votes));
            }
        }
    });
    let score = |v: Option<f32>| v.map_or_else(|| "–".to_owned(), strings::signed);
    let spacing = ui.spacing().item_spacing.x;
    // The lists share what the stage and the numbers leave, never narrower than readable.
    // Room for the gaps between (and after) the columns and for the rows' scroll bar, so the
    // last column is never under the panel's edge.
    let fixed =
        STAGE_WIDTH + 3.0 * NUMBER_WIDTH + 8.0 * spacing + ui.spacing().scroll.allocated_width();
    let list = ((ui.available_width() - fixed) / 4.0)
        .max(LIST_WIDTH)
        .floor();
    let widths = [
        STAGE_WIDTH,
        NUMBER_WIDTH,
        NUMBER_WIDTH,
        NUMBER_WIDTH,
        list,
        list,
        list,
        list,
    ];
    let font = egui::TextStyle::Body.resolve(ui.style());
    let height_of = |text: &str, width: f32| {
        ui.ctx().fonts_mut(|fonts| {
            fonts
                .layout(
                    text.to_owned(),
                    font.clone(),
                    egui::Color32::PLACEHOLDER,
                    width,
                )
                .size()
                .y
        })
    };
    let titles = [
        strings::col_stage(),
        strings::col_current(),
        strings::col_target(),
        strings::col_gap(),
        strings::col_gains(),
        strings::col_pains(),
        strings::col_pain_points(),
        strings::col_kpis(),
    ];
    let header_height = titles
        .iter()
        .zip(widths)
        .map(|(title, width)| height_of(title, width))
        .fold(0.0, f32::max)
        + ROW_PADDING;
    let rows: Vec<[String; 8]> = analysis
        .rows
        .iter()
        .map(|data: &GapRow| {
            [
                if revealed && data.votes > 0 {
                    // The room's dots on the stage's pain, beside its name.
                    let dots = crate::i18n::fmt("gap-stage-dots", &[("count", data.votes.into())]);
                    format!("{}\n{dots}", data.stage_name)
                } else {
                    data.stage_name.clone()
                },
                score(data.current),
                score(data.target),
                score(data.gap),
                lines(&data.gains),
                lines(&data.pains),
                lines(&data.pain_points),
                lines(&data.kpis),
            ]
        })
        .collect();
    let heights: Vec<f32> = rows
        .iter()
        .map(|cells| {
            cells
                .iter()
                .zip(widths)
                .map(|(text, width)| height_of(text, width))
                .fold(0.0, f32::max)
                + ROW_PADDING
        })
        .collect();
    egui::ScrollArea::horizontal()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .striped(true)
                .sense(egui::Sense::click())
                .auto_shrink([false, true])
                .cell_layout(egui::Layout::top_down(egui::Align::Min));
            for width in widths {
                table = table.column(Column::exact(width));
            }
            table
                .header(header_height, |mut header| {
                    for title in titles {
                        header.col(|ui| {
                            ui.add_space(ROW_PADDING / 2.0);
                            ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
                        });
                    }
                })
                .body(|body| {
                    body.heterogeneous_rows(heights.iter().copied(), |mut row| {
                        let data: &GapRow = &analysis.rows[row.index()];
                        row.set_selected(selected == Selection::Stage(data.stage));
                        for (i, text) in rows[row.index()].iter().enumerate() {
                            row.col(|ui| {
                                ui.add_space(ROW_PADDING / 2.0);
                                // Not selectable text: a click anywhere on the row picks the
                                // stage.
                                let text = if i == 3 {
                                    RichText::new(text).strong()
                                } else {
                                    RichText::new(text)
                                };
                                ui.add(egui::Label::new(text).wrap().selectable(false));
                            });
                        }
                        let response = row.response();
                        super::probe::note(&response, &strings::gap_row_label(&data.stage_name));
                        if response.clicked() {
                            out.push(Command::Focus(Selection::Stage(data.stage)));
                        }
                    });
                });
        });
}
