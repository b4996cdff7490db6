//! The one place where commands are carried out, after the frame that pushed them.

use super::{Screen, Selection, Toast, TrayectoApp};
use crate::edit::Edit;
use crate::export::ImageFormat;
use crate::history::MergeKey;
use crate::i18n::strings;
use crate::model::ActionId;
use crate::ui::Command;
use crate::ui::canvas;
use crate::ui::dialogs::{Dialog, PathPurpose};
use crate::view::View;
use egui::ViewportCommand;

impl TrayectoApp {
    /// Carries out a command. One that would replace or close a map with unsaved changes asks
    /// about them first, and is carried out once they are saved or given up.
    pub(super) fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Unguarded(command) => self.carry_out(ctx, *command),
            command if command.needs_saved_map() && !self.workshop.inbox.is_empty() => {
                // The room's notes first: they are in no file until added to the map.
                self.dialogs.open = Some(Dialog::NotesWaiting {
                    count: self.workshop.inbox.len(),
                    then: Box::new(command),
                });
            }
            command if command.needs_saved_map() && self.doc.is_dirty() => {
                self.dialogs.open = Some(Dialog::Unsaved {
                    name: self.doc.name(),
                    then: Box::new(command),
                });
            }
            command => self.carry_out(ctx, command),
        }
    }

    fn carry_out(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Unguarded(command) => self.carry_out(ctx, *command),
            Command::NewFrom(name) => {
                if let Some(map) = crate::templates::load(name) {
                    self.replace(crate::document::Document::new(map));
                }
            }
            Command::Open => self.choose_path(ctx, PathPurpose::Open),
            Command::OpenFile(path) => self.open(ctx, path),
            Command::OfferRecovery => self.offer_recovery(),
            Command::ClearRecent => self.prefs.recent.clear(),
            Command::Save => self.save(ctx),
            Command::SaveAs => self.choose_path(ctx, PathPurpose::SaveAs),
            Command::SaveThen(then) => {
                self.dialogs.after_save = Some(*then);
                self.save(ctx);
            }
            Command::SaveTo(mut path) => {
                if path.extension().is_none() {
                    path.set_extension(crate::format::NATIVE.extension());
                }
                // "Save as pizza.csv": a copy in that format; the map keeps its own file.
                if crate::format::of_path(&path).is_some_and(|f| !f.is_native()) {
                    self.export_map_to(&path);
                } else {
                    self.save_to(&path);
                }
            }
            Command::ExportMap(id) => self.choose_path(ctx, PathPurpose::ExportMap(id)),
            Command::ExportMapTo(path) => self.export_map_to(&path),
            Command::Cancel => self.dialogs.after_save = None,
            Command::Quit => self.quit(ctx),
            Command::Export => {
                let pick = crate::ui::dialogs::ExportPick::new(self.drawings());
                self.dialogs.open = Some(Dialog::Export(self.prefs.export.clone(), pick));
            }
            Command::ExportWith(options, drawing) => {
                self.prefs.save_export(options);
                let format = self.prefs.export.format;
                self.choose_path(ctx, PathPurpose::Export(format, drawing));
            }
            Command::ExportTo(mut path, drawing) => {
                if ImageFormat::from_path(&path).is_none() {
                    path.set_extension(self.prefs.export.format.extension());
                }
                self.export_to(ctx, &path, drawing);
            }
            Command::CopyImage => self.copy_image(ctx, self.drawing()),
            Command::CopyImageWith(options, drawing) => {
                self.prefs.save_export(options);
                self.copy_image(ctx, drawing);
            }
            Command::ChoosePicture => self.choose_path(ctx, PathPurpose::Picture),
            Command::SetPicture(path) => self.set_picture(&path),
            Command::Restore(entry) => self.restore(&entry),
            Command::DiscardJournal(entry) => self.discard_journal(&entry),
            Command::KeepMine => self.keep_mine(),
            Command::TakeTheirs => {
                self.dialogs.after_save = None;
                self.take_theirs(ctx);
            }
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Edit(edit, merge) => {
                self.apply_edit(edit, merge);
            }
            Command::Seal => self.doc.history.seal(),
            Command::Select(selection) => self.select(selection),
            Command::Focus(selection) => {
                self.select(selection);
                if let Selection::Stage(id) = selection {
                    let canvas = &mut self.panels.canvas;
                    canvas.reveal_stage(&self.doc, &self.shown.view, id);
                }
            }
            Command::Notify(message) => self.messages.status = message,
            Command::View(view) => {
                self.shown.view = view.valid(self.doc.map());
                self.doc.history.seal();
                self.validate_selection();
            }
            Command::Screen(screen) => {
                self.shown.screen = screen;
                self.doc.history.seal();
            }
            Command::Language(lang) => {
                self.prefs.save_language(lang);
                crate::i18n::set(lang);
                // A message said in the other language would stay until the next one.
                self.messages.status.clear();
                self.messages.toast = None;
            }
            Command::TextSize(size) => {
                self.prefs.ui.text_size = size;
                self.prefs.save_ui();
            }
            Command::ToggleInspector => {
                self.prefs.ui.inspector = !self.prefs.ui.inspector;
                self.prefs.save_ui();
            }
            Command::ToggleGap => self.shown.gap_open = !self.shown.gap_open,
            Command::Present => self.present(ctx),
            Command::Delete => self.delete(),
            Command::Rename => self.rename(),
            Command::Duplicate => {
                if let Some((edit, copy)) = duplicate(&self.doc, self.shown.selection) {
                    self.apply_edit_and_select(edit, copy);
                }
            }
            Command::AddStage => self.add_stage(),
            Command::AddLane => self.add_lane(),
            Command::AddPhase => self.add_phase(),
            Command::AddFork => {
                let map = self.doc.map();
                let stage = self.selected_stage();
                let journey = self.shown.view.journey;
                if let Some((edit, id)) = crate::ui::phases::new_fork(map, journey, stage) {
                    self.apply_edit_and_select(edit, Selection::Fork(id));
                }
            }
            Command::FitMap | Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => {
                self.zoom(&command);
            }
            Command::TurnIntoAction => {
                if let Selection::Card(id) = self.shown.selection
                    && let Some(edit) = crate::ui::roadmap::action_from_card(self.doc.map(), id)
                {
                    self.add_action(edit);
                }
            }
            Command::NewAction => {
                let edit = crate::ui::roadmap::new_action(self.doc.map(), self.shown.selection);
                self.add_action(edit);
            }
            Command::ShowOnJourney => {
                if let Selection::Action(id) = self.shown.selection {
                    self.show_on_journey(id);
                }
            }
            Command::OpenRoom => self.open_room_at(ctx, crate::room::Options::default()),
            Command::CloseRoom => {
                self.workshop.close(&mut self.doc);
                self.messages.status = crate::i18n::tr("room-closed-status").to_owned();
            }
            Command::ToggleRoomPanel => self.workshop.panel = !self.workshop.panel,
            Command::RoomShowsThisJourney => self.workshop.show_journey(self.shown.view.journey),
            Command::ClearVotes => {
                let dots = self.doc.map().votes.len();
                if dots > 0 && self.apply_edit(Edit::ClearVotes, None) {
                    let text = crate::i18n::fmt("room-votes-cleared", &[("count", dots.into())]);
                    self.messages.toast = Some(Toast::new(text, true));
                }
            }
            Command::AcceptNote(id) => {
                let edit = self.workshop.card_of(self.doc.map(), id);
                if let Some(Edit::InsertCard { position, card }) = edit {
                    let made = Selection::Card(card.id);
                    if self.apply_edit(Edit::InsertCard { position, card }, None) {
                        self.shown.selection = made;
                        let _ = self.workshop.drop_note(id);
                    }
                }
            }
            Command::DropNote(id) => {
                if let Some(note) = self.workshop.drop_note(id) {
                    let text = crate::i18n::tr("room-note-dropped").to_owned();
                    let undo = Command::BringBackNote(Box::new(note));
                    self.messages.toast = Some(Toast::undone_by(text, Some(undo)));
                }
            }
            Command::BringBackNote(note) => self.workshop.bring_back(*note),
            Command::AcceptAllNotesThen(then) => {
                if let Some(edit) = self.workshop.cards_of_all(self.doc.map()) {
                    self.apply_edit(edit, None);
                }
                self.workshop.inbox.clear();
                self.run(*then);
            }
            Command::DropAllNotesThen(then) => {
                self.workshop.inbox.clear();
                self.run(*then);
            }
            Command::GapByVotes(by_votes) => self.shown.gap_by_votes = by_votes,
        }
    }

    /// Opens the workshop room on the shown journey; says where, or why not.
    pub(super) fn open_room_at(&mut self, ctx: &egui::Context, options: crate::room::Options) {
        self.workshop.close(&mut self.doc);
        let opened = self.workshop.open(
            ctx,
            options,
            self.doc.map(),
            &self.shown.view,
            self.prefs.lang,
        );
        match opened {
            Ok(address) => {
                self.messages.status =
                    crate::i18n::fmt("room-opened-status", &[("address", (&address).into())]);
            }
            Err(error) => self.dialogs.open = Some(Dialog::Error(error.to_string())),
        }
    }

    /// Applies an edit; a refused one is explained in the status bar. Whether it was applied.
    fn apply_edit(&mut self, edit: Edit, merge: Option<MergeKey>) -> bool {
        match self.doc.apply(edit, merge) {
            Ok(()) => {
                // What the status bar said (saved, undone, restored…) is out of date now.
                self.messages.status.clear();
                true
            }
            Err(error) => {
                self.messages.status = error.to_string();
                false
            }
        }
    }

    /// Applies an edit that makes something, and selects what it made.
    fn apply_edit_and_select(&mut self, edit: Edit, made: Selection) {
        if self.apply_edit(edit, None) {
            self.shown.selection = made;
        }
    }

    fn select(&mut self, selection: Selection) {
        if selection != self.shown.selection {
            self.doc.history.seal();
            self.shown.highlight = None;
        }
        self.shown.selection = selection;
    }

    fn selected_stage(&self) -> Option<crate::model::StageId> {
        match self.shown.selection {
            Selection::Stage(id) => Some(id),
            _ => None,
        }
    }

    fn undo(&mut self) {
        let name = self.doc.history.undo_name().cloned();
        let done = self.doc.undo();
        self.messages.status = match name.filter(|_| done) {
            Some(name) => strings::undone_step(name.key, name.subject.as_deref()),
            None => strings::undo_status(done).to_owned(),
        };
        self.messages.toast = None;
        self.validate_selection();
    }

    fn redo(&mut self) {
        let name = self.doc.history.redo_name().cloned();
        let done = self.doc.redo();
        self.messages.status = match name.filter(|_| done) {
            Some(name) => strings::redone_step(name.key, name.subject.as_deref()),
            None => strings::redo_status(done).to_owned(),
        };
        self.validate_selection();
    }

    fn present(&mut self, ctx: &egui::Context) {
        let presenting = !self.shown.presenting;
        self.shown.presenting = presenting;
        self.panels.canvas.set_presenting(presenting);
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(presenting));
        // The keys' hint is the canvas's, in a corner; a toast would cover the map.
        self.messages.toast = None;
    }

    /// Deletes what is selected, with a toast that says what went and offers Undo.
    fn delete(&mut self) {
        let map = self.doc.map();
        let selection = self.shown.selection;
        self.messages.toast = deleted_toast(map, selection).map(|t| Toast::new(t, true));
        let edit = match selection {
            Selection::None => None,
            Selection::Card(id) => Some(Edit::RemoveCard(id)),
            Selection::Stage(id) => Some(Edit::RemoveStage(id)),
            Selection::Lane(id) => Some(Edit::RemoveLane(id)),
            Selection::Action(id) => Some(Edit::RemoveAction(id)),
            Selection::Phase(id) => {
                let phases = map.phases.iter().filter(|p| p.id != id).cloned();
                Some(Edit::SetPhases(phases.collect()))
            }
            Selection::Fork(id) => {
                let forks = map.forks.iter().filter(|f| f.id != id).cloned();
                Some(Edit::SetForks(forks.collect()))
            }
        };
        if let Some(edit) = edit {
            self.apply_edit(edit, None);
            self.shown.selection = Selection::None;
        }
    }

    /// Renames what is selected in place on the canvas. An action is renamed in the inspector
    /// or the table, a decision's question in the inspector.
    fn rename(&mut self) {
        let map = self.doc.map();
        let canvas = &mut self.panels.canvas;
        match self.shown.selection {
            Selection::None | Selection::Action(_) | Selection::Fork(_) => {}
            Selection::Phase(id) => {
                if let Some(phase) = map.phase(id) {
                    canvas.rename_phase(id, &phase.name);
                }
            }
            Selection::Card(id) => {
                if let Some(card) = map.card(id) {
                    canvas.rename_card(id, &card.title);
                }
            }
            Selection::Stage(id) => {
                if let Some(stage) = map.stage(id) {
                    canvas.rename_stage(id, &stage.name);
                }
            }
            Selection::Lane(id) => {
                if let Some(lane) = map.lane(id) {
                    canvas.rename_lane(id, &lane.name);
                }
            }
        }
    }

    /// A stage after the selected one (or last), shown and named in place: adding and naming
    /// are one undo step.
    fn add_stage(&mut self) {
        let edit = canvas::new_stage(&self.doc, self.selected_stage());
        if let Edit::InsertStage { stage, .. } = &edit {
            let (id, name) = (stage.id, stage.name.clone());
            let key = MergeKey("add stage", id.0);
            self.doc.history.seal();
            self.apply_edit(edit, Some(key));
            let canvas = &mut self.panels.canvas;
            canvas.reveal_stage(&self.doc, &self.shown.view, id);
            canvas.rename_stage(id, &name);
            canvas.name_new(key);
            self.shown.selection = Selection::Stage(id);
        }
    }

    /// A lane after the selected one (or last), shown and named in place.
    fn add_lane(&mut self) {
        let after = match self.shown.selection {
            Selection::Lane(id) => Some(id),
            _ => None,
        };
        let edit = canvas::new_lane(&self.doc, after);
        if let Edit::InsertLane { lane, .. } = &edit {
            let (id, name) = (lane.id, lane.name.clone());
            let key = MergeKey("add lane", id.0);
            self.doc.history.seal();
            self.apply_edit(edit, Some(key));
            let canvas = &mut self.panels.canvas;
            canvas.reveal_lane(&self.doc, &self.shown.view, id);
            canvas.rename_lane(id, &name);
            canvas.name_new(key);
            self.shown.selection = Selection::Lane(id);
        }
    }

    /// A phase over the selected stage (or the first stages in no phase), named in place.
    fn add_phase(&mut self) {
        let stage = self.selected_stage();
        if let Some((edit, id)) = crate::ui::phases::new_phase(self.doc.map(), stage) {
            let key = MergeKey("add phase", id.0);
            self.doc.history.seal();
            self.apply_edit(edit, Some(key));
            if let Some(phase) = self.doc.map().phase(id) {
                self.panels.canvas.rename_phase(id, &phase.name);
                self.panels.canvas.name_new(key);
            }
            self.shown.selection = Selection::Phase(id);
        }
    }

    /// Adds a new action, and selects it.
    fn add_action(&mut self, edit: Edit) {
        if let Edit::InsertAction { action, .. } = &edit {
            let id = action.id;
            self.apply_edit_and_select(edit, Selection::Action(id));
        }
    }

    /// Zoom acts on what is shown: the roadmap board, or the journey.
    fn zoom(&mut self, command: &Command) {
        let factor = match command {
            Command::ZoomIn => Some(1.25),
            Command::ZoomOut => Some(0.8),
            _ => None,
        };
        if self.shown.screen == Screen::Roadmap {
            let board = &mut self.panels.board;
            match (command, factor) {
                (Command::FitMap, _) => board.request_fit(),
                (_, Some(factor)) => board.zoom_by(factor),
                _ => board.zoom_reset(),
            }
        } else {
            let canvas = &mut self.panels.canvas;
            match (command, factor) {
                (Command::FitMap, _) => canvas.request_fit(),
                (_, Some(factor)) => canvas.zoom_by(factor),
                _ => canvas.zoom_reset(),
            }
        }
    }

    /// From an action to the journey: its card selected, the cards it addresses ringed, its
    /// stage in view.
    fn show_on_journey(&mut self, id: ActionId) {
        let map = self.doc.map();
        let Some(action) = map.action(id) else {
            return;
        };
        let card = action.card.and_then(|c| map.card(c));
        let journey = card
            .or_else(|| action.addresses.first().and_then(|c| map.card(*c)))
            .map(|c| c.journey);
        if let Some(journey) = journey {
            self.shown.view = View {
                journey,
                compare: None,
            };
        }
        let stage = card
            .map(|c| c.stage)
            .or_else(|| action.stages.first().copied());
        self.shown.screen = Screen::Journey;
        self.shown.selection = match (card, stage) {
            (Some(card), _) => Selection::Card(card.id),
            (None, Some(stage)) => Selection::Stage(stage),
            (None, None) => Selection::None,
        };
        self.shown.highlight = Some(id);
        if let Some(stage) = stage {
            let canvas = &mut self.panels.canvas;
            canvas.reveal_stage(&self.doc, &self.shown.view, stage);
        }
    }
}

/// The edit that duplicates the selection, and what to select afterwards.
fn duplicate(doc: &crate::document::Document, selection: Selection) -> Option<(Edit, Selection)> {
    let map = doc.map();
    // Copies of the cards that `keep` picks, with fresh ids, moved by `restage`, appended.
    let copy_cards = |keep: &dyn Fn(&crate::model::Card) -> bool,
                      restage: &dyn Fn(&mut crate::model::Card)| {
        let copies: Vec<_> = map.cards.iter().filter(|c| keep(c)).cloned().collect();
        let ids = map.new_card_ids(copies.len());
        copies
            .into_iter()
            .zip(ids)
            .enumerate()
            .map(|(i, (mut card, id))| {
                card.id = id;
                restage(&mut card);
                (map.cards.len() + i, card)
            })
            .collect::<Vec<_>>()
    };
    match selection {
        // A phase is regrouped rather than copied; a decision is added afresh.
        Selection::None | Selection::Phase(_) | Selection::Fork(_) => None,
        Selection::Action(id) => {
            let index = map.action_index(id)?;
            let mut action = map.actions[index].clone();
            action.id = map.new_action_id();
            // The copy is its own action: the card stays with the original.
            action.card = None;
            let copy = action.id;
            Some((
                Edit::InsertAction {
                    index: index + 1,
                    action,
                },
                Selection::Action(copy),
            ))
        }
        Selection::Card(id) => {
            let position = map.card_index(id)?;
            let mut card = map.cards[position].clone();
            card.id = map.new_card_id();
            let copy = card.id;
            Some((
                Edit::InsertCard {
                    position: position + 1,
                    card,
                },
                Selection::Card(copy),
            ))
        }
        Selection::Stage(id) => {
            let index = map.stage_index(id)?;
            let mut stage = map.stages[index].clone();
            stage.id = map.new_stage_id();
            let new_id = stage.id;
            // The copy takes the cards of every journey and their curve points; KPIs measure
            // one stage and stay with it.
            let cards = copy_cards(&|c| c.stage == id, &|c| c.stage = new_id);
            let curve = map
                .journeys
                .iter()
                .filter_map(|j| Some((j.id, *j.curve.get(&id)?)))
                .collect();
            Some((
                Edit::InsertStage {
                    index: index + 1,
                    stage,
                    cards,
                    kpis: Vec::new(),
                    curve,
                },
                Selection::Stage(new_id),
            ))
        }
        Selection::Lane(id) => {
            let index = map.lane_index(id)?;
            let mut lane = map.lanes[index].clone();
            lane.id = map.new_lane_id();
            let new_id = lane.id;
            let cards = copy_cards(&|c| c.lane == id, &|c| c.lane = new_id);
            Some((
                Edit::InsertLane {
                    index: index + 1,
                    lane,
                    cards,
                },
                Selection::Lane(new_id),
            ))
        }
    }
}

/// What the toast says after deleting the selection: what went, with how many cards.
fn deleted_toast(map: &crate::model::Map, selection: Selection) -> Option<String> {
    let (key, name, cards) = match selection {
        Selection::None => return None,
        Selection::Card(id) => ("deleted-card", map.card(id)?.title.clone(), 0),
        Selection::Stage(id) => (
            "deleted-stage",
            map.stage(id)?.name.clone(),
            map.cards.iter().filter(|c| c.stage == id).count(),
        ),
        Selection::Lane(id) => (
            "deleted-lane",
            map.lane(id)?.name.clone(),
            map.cards.iter().filter(|c| c.lane == id).count(),
        ),
        Selection::Action(id) => ("deleted-action", map.action(id)?.title.clone(), 0),
        Selection::Phase(id) => ("deleted-phase", map.phase(id)?.name.clone(), 0),
        Selection::Fork(id) => ("deleted-decision", map.fork(id)?.question.clone(), 0),
    };
    Some(strings::deleted_toast(key, &name, cards))
}
