//! Typing straight onto the map: renaming stages, lanes and cards, and adding a card.

use super::Canvas;
use crate::document::Document;
use crate::edit::{CardField, Edit};
use crate::i18n::strings;
use crate::layout::Layout;
use crate::model::{Card, CardId, JourneyId, LaneId, Map, PhaseId, StageId};
use crate::paint::Transform;
use crate::ui::{Command, Selection};
use egui::{Key, Rect, Ui, pos2, vec2};

/// A text box over the canvas, for typing straight onto the map.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Inline {
    RenameStage {
        id: StageId,
        text: String,
    },
    RenameLane {
        id: LaneId,
        text: String,
    },
    RenamePhase {
        id: PhaseId,
        text: String,
    },
    CardTitle {
        id: CardId,
        text: String,
    },
    NewCard {
        stage: StageId,
        lane: LaneId,
        index: usize,
        text: String,
    },
}

impl Canvas {
    pub(super) fn show_inline_editor(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        layout: &Layout,
        tf: &Transform,
        out: &mut Vec<Command>,
    ) {
        let map = doc.map();
        let rect = match &self.typing.inline {
            Some(inline) => self.inline_rect(map, layout, inline),
            None => return,
        };
        let (Some(rect), Some(inline)) = (rect, self.typing.inline.as_mut()) else {
            self.typing.inline = None;
            return;
        };
        let screen = tf.rect(rect);
        let is_card = matches!(inline, Inline::CardTitle { .. } | Inline::NewCard { .. });
        let text = match inline {
            Inline::RenameStage { text, .. }
            | Inline::RenameLane { text, .. }
            | Inline::RenamePhase { text, .. }
            | Inline::CardTitle { text, .. }
            | Inline::NewCard { text, .. } => text,
        };
        let font = egui::FontId::proportional((14.0 * tf.zoom).clamp(10.0, 28.0));
        let edit = if is_card {
            // Enter finishes the card; Shift+Enter starts a new line.
            egui::TextEdit::multiline(text)
                .desired_rows(2)
                .hint_text(strings::new_card_hint())
                .return_key(Some(egui::KeyboardShortcut::new(
                    egui::Modifiers::SHIFT,
                    Key::Enter,
                )))
        } else {
            egui::TextEdit::singleline(text).hint_text(strings::name())
        };
        let edit = edit.font(font).desired_width(screen.width());
        let height = if is_card {
            screen.height()
        } else {
            tf.len(28.0).clamp(20.0, 56.0)
        };
        let area = Rect::from_center_size(screen.center(), vec2(screen.width(), height));
        // Tab and Shift+Tab move the box along the lane (or the stages) rather than the
        // keyboard focus to the menu: taken before the text box sees them.
        let (tab, back_tab) = if self.typing.inline_focused {
            ui.input_mut(|i| {
                // Shift+Tab first: a plain Tab pattern would match it too.
                let back = i.consume_key(egui::Modifiers::SHIFT, Key::Tab);
                let tab = !back && i.consume_key(egui::Modifiers::NONE, Key::Tab);
                (tab, back)
            })
        } else {
            (false, false)
        };
        let response = ui.put(area, edit.lock_focus(true));
        if !self.typing.inline_focused {
            // Focus arrives a frame after it is asked for; only then can losing it mean "done".
            // Until then keep the whole text selected, so typing replaces it (or, when typing
            // started the box, the cursor after what was typed).
            response.request_focus();
            if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), response.id) {
                let range = if self.typing.keep_typed {
                    egui::text_selection::CCursorRange::one(egui::text::CCursor::new(
                        text.chars().count(),
                    ))
                } else {
                    egui::text_selection::CCursorRange::select_all_str(text)
                };
                state.cursor.set_char_range(Some(range));
                state.store(ui.ctx(), response.id);
            }
            self.typing.inline_focused = response.has_focus();
            return;
        }
        let (enter, escape) = ui.input(|i| {
            (
                i.key_pressed(Key::Enter) && !i.modifiers.shift,
                i.key_pressed(Key::Escape),
            )
        });
        // Esc stops: a rename is cancelled, but a new card keeps what was typed (typing is
        // never thrown away), and a stage or lane that Tab added goes again.
        let typed_card = matches!(&self.typing.inline, Some(Inline::NewCard { text, .. }) if !text.trim().is_empty());
        if escape && !typed_card {
            self.typing.inline = None;
            if self.typing.inline_merge.take().is_some()
                && std::mem::take(&mut self.typing.inline_tentative)
            {
                out.push(Command::Undo);
            }
            return;
        }
        if enter || tab || back_tab || escape || !response.has_focus() {
            let step = if tab {
                Some(1)
            } else if back_tab {
                Some(-1)
            } else {
                None
            };
            self.finish_inline(doc, enter, step, out);
            self.typing.inline_focused = false;
            self.typing.keep_typed = false;
        }
    }

    /// Where the text box goes, in map units: over the header, phase or card it edits.
    fn inline_rect(&self, map: &Map, layout: &Layout, inline: &Inline) -> Option<Rect> {
        // Headers may be pinned to the screen's edge (sticky headers): edit them where they are.
        let pins = self.camera.pins;
        match inline {
            Inline::RenameStage { id, .. } => map.stage_index(*id).map(|c| {
                layout.columns[c]
                    .header
                    .translate(vec2(0.0, pins.y))
                    .shrink2(vec2(8.0, 8.0))
            }),
            Inline::RenameLane { id, .. } => map.lane_index(*id).map(|r| {
                layout.rows[r]
                    .header
                    .translate(vec2(pins.x, 0.0))
                    .shrink2(vec2(8.0, 8.0))
            }),
            Inline::RenamePhase { id, .. } => layout
                .phases
                .iter()
                .find(|p| p.id == *id)
                .map(|p| p.rect.translate(vec2(0.0, pins.y)).shrink2(vec2(8.0, 0.0))),
            Inline::CardTitle { id, .. } => layout.card_rect(*id),
            Inline::NewCard {
                stage, lane, index, ..
            } => match (map.stage_index(*stage), map.lane_index(*lane)) {
                (Some(c), Some(r)) => {
                    let cell = layout.cell(c, r);
                    let top = match cell.get(*index) {
                        Some(next) => next.rect.top(),
                        None => cell
                            .last()
                            .map_or(layout.rows[r].y.min + self.style.cell_padding, |s| {
                                s.rect.bottom() + self.style.card_gap
                            }),
                    };
                    let x = layout.columns[c].x;
                    Some(Rect::from_min_size(
                        pos2(x.min + self.style.cell_padding, top),
                        vec2(
                            x.span() - 2.0 * self.style.cell_padding,
                            self.style.card_height,
                        ),
                    ))
                }
                _ => None,
            },
        }
    }

    /// Commits the text box (Enter, Tab, Shift+Tab, Esc on a typed card, or focus lost) and
    /// moves it on: `step` is +1 for Tab, −1 for Shift+Tab.
    fn finish_inline(
        &mut self,
        doc: &Document,
        enter: bool,
        step: Option<isize>,
        out: &mut Vec<Command>,
    ) {
        let map = doc.map();
        let inline = self.typing.inline.take().expect("checked above");
        let merge = self.typing.inline_merge.take();
        if let Some(edit) = commit(doc, self.view.journey, &inline) {
            match edit.within_limits(doc.map()) {
                Ok(()) => {
                    out.push(Command::Edit(edit, merge));
                    if merge.is_some() {
                        out.push(Command::Seal);
                    }
                }
                Err(error) => {
                    // Never throw away what was typed: keep the box open, and say why.
                    out.push(Command::Notify(error.to_string()));
                    self.start_inline(inline);
                    return;
                }
            }
        }
        self.typing.inline = next_inline(doc, self.view.journey, &inline, enter, step);
        if self.typing.inline.is_none() && step == Some(1) {
            // Tab past the last stage or lane adds one after it, named in place, as a
            // table grows a row: the headers are captured in one go.
            let add = match inline {
                Inline::RenameStage { id, .. } if map.stages.last().map(|s| s.id) == Some(id) => {
                    Some((Selection::Stage(id), Command::AddStage))
                }
                Inline::RenameLane { id, .. } if map.lanes.last().map(|l| l.id) == Some(id) => {
                    Some((Selection::Lane(id), Command::AddLane))
                }
                _ => None,
            };
            if let Some((after, action)) = add {
                self.typing.tab_added = true;
                out.push(Command::Select(after));
                out.push(action);
            }
        }
    }
}

/// Where the text box goes after Enter or Tab, for capture at the speed of the room: Enter on
/// a new card opens the next card below it; Tab / Shift+Tab a new card in the next / previous
/// stage of the same lane (or, renaming a stage, lane or phase, the next / previous one's name).
fn next_inline(
    doc: &Document,
    journey: JourneyId,
    inline: &Inline,
    enter: bool,
    step: Option<isize>,
) -> Option<Inline> {
    let map = doc.map();
    let stage_after =
        |id: StageId, step: isize| stepped(&map.stages, map.stage_index(id)?, step).map(|s| s.id);
    match (inline, step) {
        (Inline::NewCard { text, .. }, None) if enter && text.trim().is_empty() => None,
        (
            Inline::NewCard {
                stage, lane, index, ..
            },
            None,
        ) if enter => Some(Inline::NewCard {
            stage: *stage,
            lane: *lane,
            index: index + 1,
            text: String::new(),
        }),
        (Inline::NewCard { stage, lane, .. }, Some(step)) => {
            let stage = stage_after(*stage, step)?;
            // The card just typed is not in the map yet when this runs: count it if it goes
            // to the same cell (it cannot: a Tab always changes stage).
            let index = map.cards_in(journey, stage, *lane).count();
            Some(Inline::NewCard {
                stage,
                lane: *lane,
                index,
                text: String::new(),
            })
        }
        (Inline::CardTitle { id, .. }, Some(step)) => {
            let card = map.card(*id)?;
            let stage = stage_after(card.stage, step)?;
            let index = map.cards_in(journey, stage, card.lane).count();
            Some(Inline::NewCard {
                stage,
                lane: card.lane,
                index,
                text: String::new(),
            })
        }
        (Inline::RenameStage { id, .. }, Some(step)) => {
            let stage = map.stage(stage_after(*id, step)?)?;
            Some(Inline::RenameStage {
                id: stage.id,
                text: stage.name.clone(),
            })
        }
        (Inline::RenamePhase { id, .. }, Some(step)) => {
            let at = map.phases.iter().position(|p| p.id == *id)?;
            let phase = stepped(&map.phases, at, step)?;
            Some(Inline::RenamePhase {
                id: phase.id,
                text: phase.name.clone(),
            })
        }
        (Inline::RenameLane { id, .. }, Some(step)) => {
            let lane = stepped(&map.lanes, map.lane_index(*id)?, step)?;
            Some(Inline::RenameLane {
                id: lane.id,
                text: lane.name.clone(),
            })
        }
        _ => None,
    }
}

/// The item `step` places from `at` in `items` (the next or previous stage, lane or phase).
fn stepped<T>(items: &[T], at: usize, step: isize) -> Option<&T> {
    items.get(usize::try_from(at as isize + step).ok()?)
}

/// The edit an inline text box asks for when it closes, if it changed anything.
fn commit(doc: &Document, journey: JourneyId, inline: &Inline) -> Option<Edit> {
    let map = doc.map();
    let text = |t: &String| t.trim().to_owned();
    match inline.clone() {
        Inline::RenameStage { id, text: t } => {
            let name = text(&t);
            (map.stage(id)?.name != name && !name.is_empty())
                .then_some(Edit::RenameStage { id, name })
        }
        Inline::RenameLane { id, text: t } => {
            let name = text(&t);
            (map.lane(id)?.name != name && !name.is_empty())
                .then_some(Edit::RenameLane { id, name })
        }
        Inline::RenamePhase { id, text: t } => {
            let name = text(&t);
            if map.phase(id)?.name == name || name.is_empty() {
                return None;
            }
            let mut phases = map.phases.clone();
            phases.iter_mut().find(|p| p.id == id)?.name = name;
            Some(Edit::SetPhases(phases))
        }
        Inline::CardTitle { id, text: t } => {
            let title = text(&t);
            (map.card(id)?.title != title && !title.is_empty()).then_some(Edit::SetCard {
                id,
                field: CardField::Title(title),
            })
        }
        Inline::NewCard {
            stage,
            lane,
            index,
            text: t,
        } => {
            let title = text(&t);
            if title.is_empty() {
                return None;
            }
            let card = Card {
                id: map.new_card_id(),
                journey,
                stage,
                lane,
                title,
                notes: String::new(),
                channel: None,
                feeling: None,
                moment: None,
            };
            let position = map.position_in_cell(card.cell(), index, None);
            Some(Edit::InsertCard { position, card })
        }
    }
}
