//! The side panel that edits whatever is selected: a card, a stage (with its KPIs), a lane, or
//! — with nothing selected — the map, the shown journey and its persona. Text fields apply as
//! you type; one field's typing is one undo step.

use super::widgets::{face_picker, feeling_picker};
use super::widgets::{heading, text_field};
use super::{Command, Selection};
use crate::document::Document;
use crate::edit::{CardField, Edit, JourneyField};
use crate::history::MergeKey;
use crate::i18n::strings;
use crate::model::{
    Card, Channel, JourneyKind, Kpi, KpiId, Lane, LaneKind, Map, Moment, MomentKind, Persona,
    PersonaId, Stage,
};
use crate::view::View;
use egui::{ComboBox, RichText, TextEdit, Ui};
use std::collections::HashMap;

#[derive(Default)]
pub struct Inspector {
    /// Texts of fields as typed while they have focus, where the map keeps something else: a
    /// list field keeps only its non-empty lines, a number field only numbers.
    typed: HashMap<(&'static str, u32), String>,
    /// A persona just made with "New persona": edited here, in place of the shown journey's,
    /// until a journey is told for it or the facilitator goes back.
    fresh_persona: Option<PersonaId>,
}

impl Inspector {
    pub fn show(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        view: &View,
        selection: Selection,
        out: &mut Vec<Command>,
    ) {
        let map = doc.map();
        match selection {
            Selection::Card(id) => {
                if let Some(card) = map.card(id) {
                    ui.push_id(("card", id.0), |ui| card_section(ui, map, card, out));
                }
            }
            Selection::Action(id) => {
                if let Some(action) = map.action(id) {
                    ui.push_id(("action", id.0), |ui| action_section(ui, map, action, out));
                }
            }
            Selection::Stage(id) => {
                if let Some(stage) = map.stage(id) {
                    ui.push_id(("stage", id.0), |ui| {
                        self.stage_section(ui, map, view, stage, out)
                    });
                }
            }
            Selection::Lane(id) => {
                if let Some(lane) = map.lane(id) {
                    let cards = map.cards.iter().filter(|c| c.lane == id).count();
                    ui.push_id(("lane", id.0), |ui| lane_section(ui, lane, cards, out));
                }
            }
            Selection::Phase(id) => {
                if let Some(phase) = map.phase(id) {
                    ui.push_id(("phase", id.0), |ui| {
                        super::phases::phase_section(ui, map, phase, out)
                    });
                }
            }
            Selection::Fork(id) => {
                if let Some(fork) = map.fork(id) {
                    ui.push_id(("fork", id.0), |ui| {
                        super::phases::fork_section(ui, map, fork, out)
                    });
                }
            }
            Selection::None => self.map_section(ui, doc, view, out),
        }
    }

    fn map_section(&mut self, ui: &mut Ui, doc: &Document, view: &View, out: &mut Vec<Command>) {
        let map = doc.map();
        heading(ui, strings::map());
        text_field(
            ui,
            strings::title(),
            &map.title,
            false,
            MergeKey("map title", 0),
            out,
            Edit::SetTitle,
        );
        ui.add_space(10.0);
        if let Some(journey) = map.journey(view.journey) {
            let made = ui.push_id(("journey", journey.id.0), |ui| {
                journey_section(ui, map, journey, out)
            });
            if let Some(id) = made.inner {
                self.fresh_persona = Some(id);
            }
        }
        ui.add_space(10.0);
        // Made a moment ago (it is in the map from the next frame on, and gone again if undone),
        // and no journey told for it yet.
        let fresh = self
            .fresh_persona
            .filter(|id| !map.journeys.iter().any(|j| j.persona == Some(*id)));
        self.fresh_persona = fresh;
        if let Some(persona) = fresh.and_then(|id| map.persona(id)) {
            ui.push_id(("persona", persona.id.0), |ui| {
                self.persona_section(ui, doc, persona, out);
                ui.label(RichText::new(strings::fresh_persona_hint()).weak());
                if ui.button(strings::journey_persona_back()).clicked() {
                    self.fresh_persona = None;
                }
            });
        } else {
            self.persona_or_hint(ui, doc, view, out);
        }
        ui.add_space(10.0);
        egui::CollapsingHeader::new(RichText::new(strings::departments()).strong())
            .id_salt("departments")
            .show(ui, |ui| departments_section(ui, map, out));
        egui::CollapsingHeader::new(RichText::new(strings::streams()).strong())
            .id_salt("streams")
            .show(ui, |ui| streams_section(ui, map, out));
        ui.add_space(12.0);
        ui.label(RichText::new(strings::inspector_hint()).weak());
        ui.add_space(4.0);
        let (s, l, c) = map.summary();
        ui.label(RichText::new(strings::counts(s, l, c)).weak());
    }

    /// The shown journey's persona, or a hint when it is told for nobody.
    fn persona_or_hint(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        view: &View,
        out: &mut Vec<Command>,
    ) {
        match view.persona(doc.map()) {
            Some(persona) => {
                ui.push_id(("persona", persona.id.0), |ui| {
                    self.persona_section(ui, doc, persona, out)
                });
            }
            None => {
                heading(ui, strings::persona());
                ui.label(RichText::new(strings::no_persona_hint()).weak());
            }
        }
    }

    fn persona_section(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        persona: &Persona,
        out: &mut Vec<Command>,
    ) {
        let id = persona.id.0;
        heading(ui, strings::persona());
        let with = |change: &dyn Fn(&mut Persona)| {
            let mut p = persona.clone();
            change(&mut p);
            Edit::SetPersona(p)
        };
        text_field(
            ui,
            strings::persona_name(),
            &persona.name,
            false,
            MergeKey("persona name", id),
            out,
            |t| with(&|p| p.name = t.clone()),
        );
        text_field(
            ui,
            strings::persona_description(),
            &persona.description,
            true,
            MergeKey("persona description", id),
            out,
            |t| with(&|p| p.description = t.clone()),
        );
        if let Some(goals) = self.lines_field(
            ui,
            strings::persona_goals(),
            ("goals", id),
            &persona.goals,
            out,
        ) {
            out.push(Command::Edit(
                with(&|p| p.goals = goals.clone()),
                Some(MergeKey("persona goals", id)),
            ));
        }
        if let Some(needs) = self.lines_field(
            ui,
            strings::persona_needs(),
            ("needs", id),
            &persona.needs,
            out,
        ) {
            out.push(Command::Edit(
                with(&|p| p.needs = needs.clone()),
                Some(MergeKey("persona needs", id)),
            ));
        }
        picture_field(ui, doc, persona, out);
        ui.add_space(6.0);
        if ui.button(strings::delete_persona()).clicked() {
            out.push(Command::Edit(Edit::RemovePersona(persona.id), None));
        }
    }

    /// A field of one item per line. Returns the new list when the text changed.
    fn lines_field(
        &mut self,
        ui: &mut Ui,
        label: &str,
        key: (&'static str, u32),
        items: &[String],
        out: &mut Vec<Command>,
    ) -> Option<Vec<String>> {
        let label = ui.label(label);
        let mut text = self
            .typed
            .get(&key)
            .cloned()
            .unwrap_or_else(|| items.join("\n"));
        let response = ui
            .add(
                TextEdit::multiline(&mut text)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        let changed = response.changed().then(|| {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        });
        if response.has_focus() {
            self.typed.insert(key, text);
        } else {
            self.typed.remove(&key);
        }
        if response.lost_focus() {
            out.push(Command::Seal);
        }
        changed
    }

    fn stage_section(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        view: &View,
        stage: &Stage,
        out: &mut Vec<Command>,
    ) {
        let id = stage.id;
        heading(ui, strings::stage());
        text_field(
            ui,
            strings::name(),
            &stage.name,
            false,
            MergeKey("stage name", id.0),
            out,
            |name| Edit::RenameStage { id, name },
        );
        if let Some(journey) = map.journey(view.journey) {
            ui.label(strings::stage_feeling_in(&journey.name));
            let by_hand = journey.curve.get(&id).copied();
            let mut set = face_picker(ui, by_hand, 32.0, |f| {
                crate::model::Feeling::label_of(f).to_owned()
            })
            .filter(|f| by_hand != Some(*f))
            .map(Some);
            // Whether the point follows the cards or was set by hand, and what the cards say:
            // a point set by hand would otherwise hide a change of its cards.
            let cards = map
                .cards_score(journey.id, id)
                .map(|score| crate::model::Feeling::nearest(score).label());
            let note = match by_hand {
                Some(_) => strings::by_hand_note(cards),
                None => strings::follows_cards_note(cards),
            };
            ui.label(RichText::new(note).weak());
            if by_hand.is_some()
                && ui
                    .button(strings::stage_feeling_average())
                    .on_hover_text(strings::follow_cards_hint())
                    .clicked()
            {
                set = Some(None);
            }
            if let Some(feeling) = set {
                out.push(Command::Edit(
                    Edit::SetStageFeeling {
                        journey: journey.id,
                        stage: id,
                        feeling,
                    },
                    None,
                ));
            }
        }
        let cards = map
            .cards
            .iter()
            .filter(|c| c.stage == id && c.journey == view.journey)
            .count();
        ui.label(RichText::new(strings::card_count(cards)).weak());
        ui.add_space(8.0);
        action_buttons(ui, out);
        ui.horizontal_wrapped(|ui| {
            if map.phase_of(id).is_none() && ui.button(strings::add_phase_here()).clicked() {
                out.push(Command::AddPhase);
            }
            if ui.button(strings::add_fork_here()).clicked() {
                out.push(Command::AddFork);
            }
        });

        ui.add_space(12.0);
        heading(ui, strings::kpis());
        let kpis: Vec<&Kpi> = map.kpis_of(id).collect();
        if kpis.is_empty() {
            ui.label(RichText::new(strings::no_kpis_hint()).weak());
        }
        for kpi in kpis {
            ui.push_id(("kpi", kpi.id.0), |ui| self.kpi_fields(ui, kpi, out));
        }
        if ui.button(strings::add_kpi()).clicked() {
            let kpi = Kpi {
                id: map.new_kpi_id(),
                stage: id,
                name: strings::new_kpi().to_owned(),
                unit: String::new(),
                current: None,
                target: None,
            };
            let index = map.kpis.len();
            out.push(Command::Edit(Edit::InsertKpi { index, kpi }, None));
        }
    }

    fn kpi_fields(&mut self, ui: &mut Ui, kpi: &Kpi, out: &mut Vec<Command>) {
        let id = kpi.id;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let set = |change: &dyn Fn(&mut Kpi)| {
                let mut k = kpi.clone();
                change(&mut k);
                Edit::SetKpi(k)
            };
            egui::Grid::new("kpi fields")
                .num_columns(2)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    grid_text(
                        ui,
                        strings::kpi_name(),
                        &kpi.name,
                        kpi_key("name", id),
                        out,
                        |t| set(&|k| k.name = t.clone()),
                    );
                    grid_text(
                        ui,
                        strings::kpi_unit(),
                        &kpi.unit,
                        kpi_key("unit", id),
                        out,
                        |t| set(&|k| k.unit = t.clone()),
                    );
                    for (label, field, value) in [
                        (strings::kpi_current(), "current", kpi.current),
                        (strings::kpi_target(), "target", kpi.target),
                    ] {
                        if let Some(number) =
                            self.number_field(ui, label, (field, id.0), value, out)
                        {
                            let edit = set(&|k| match field {
                                "current" => k.current = number,
                                _ => k.target = number,
                            });
                            out.push(Command::Edit(edit, Some(kpi_key(field, id))));
                        }
                        ui.end_row();
                    }
                });
            if ui.small_button(strings::delete_kpi()).clicked() {
                out.push(Command::Edit(Edit::RemoveKpi(id), None));
            }
        });
    }

    /// A number that may be left empty. Returns the new value when a valid one was typed.
    fn number_field(
        &mut self,
        ui: &mut Ui,
        label: &str,
        key: (&'static str, u32),
        value: Option<f64>,
        out: &mut Vec<Command>,
    ) -> Option<Option<f64>> {
        let label = ui.label(label);
        let shown = || value.map(strings::number).unwrap_or_default();
        let mut text = self.typed.get(&key).cloned().unwrap_or_else(shown);
        let parsed = parse_number(&text);
        let mut edit = TextEdit::singleline(&mut text).desired_width(90.0);
        if parsed.is_none() {
            edit = edit.text_color(ui.visuals().error_fg_color);
        }
        let response = ui.add(edit).labelled_by(label.id);
        if response.has_focus() {
            self.typed.insert(key, text.clone());
        } else {
            self.typed.remove(&key);
        }
        if response.lost_focus() {
            out.push(Command::Seal);
        }
        if response.changed() {
            return parse_number(&text).filter(|n| *n != value);
        }
        None
    }
}

/// A KPI value as typed: empty is "not known", a comma may stand for the decimal point, and a
/// typographic minus is a minus.
fn parse_number(text: &str) -> Option<Option<f64>> {
    let text = text.trim().replace(',', ".").replace('−', "-");
    if text.is_empty() {
        return Some(None);
    }
    text.parse::<f64>().ok().filter(|n| n.is_finite()).map(Some)
}

fn kpi_key(field: &'static str, id: KpiId) -> MergeKey {
    MergeKey(field, id.0)
}

/// A labelled text field in a two-column grid.
fn grid_text(
    ui: &mut Ui,
    label: &str,
    value: &str,
    key: MergeKey,
    out: &mut Vec<Command>,
    make: impl Fn(String) -> Edit,
) {
    let label = ui.label(label);
    let mut text = value.to_owned();
    let response = ui
        .add(TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if response.changed() {
        out.push(Command::Edit(make(text), Some(key)));
    }
    if response.lost_focus() {
        out.push(Command::Seal);
    }
    ui.end_row();
}

/// The shown journey's name, kind and persona, and its buttons; returns the persona that "New
/// persona" made, if it was clicked.
fn journey_section(
    ui: &mut Ui,
    map: &Map,
    journey: &crate::model::Journey,
    out: &mut Vec<Command>,
) -> Option<PersonaId> {
    let id = journey.id;
    let mut made = None;
    heading(ui, strings::journey());
    text_field(
        ui,
        strings::journey_name(),
        &journey.name,
        false,
        MergeKey("journey name", id.0),
        out,
        |name| Edit::SetJourney {
            id,
            field: JourneyField::Name(name),
        },
    );
    let label = ui.label(strings::journey_kind_heading());
    ComboBox::from_id_salt("journey kind")
        .selected_text(journey.kind.label())
        .width(ui.available_width() - 8.0)
        .show_ui(ui, |ui| {
            for kind in JourneyKind::ALL {
                if ui
                    .selectable_label(journey.kind == kind, kind.label())
                    .clicked()
                    && journey.kind != kind
                {
                    let field = JourneyField::Kind(kind);
                    out.push(Command::Edit(Edit::SetJourney { id, field }, None));
                }
            }
        })
        .response
        .labelled_by(label.id);
    let label = ui.label(strings::journey_persona());
    let name = |p: Option<PersonaId>| {
        p.and_then(|p| map.persona(p))
            .map_or(strings::no_persona(), |p| p.name.as_str())
    };
    ComboBox::from_id_salt("journey persona")
        .selected_text(name(journey.persona))
        .width(ui.available_width() - 8.0)
        .show_ui(ui, |ui| {
            let choices = std::iter::once(None).chain(map.personas.iter().map(|p| Some(p.id)));
            for choice in choices {
                if ui
                    .selectable_label(journey.persona == choice, name(choice))
                    .clicked()
                    && journey.persona != choice
                {
                    let field = JourneyField::Persona(choice);
                    out.push(Command::Edit(Edit::SetJourney { id, field }, None));
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.horizontal_wrapped(|ui| {
        if ui.button(strings::new_persona()).clicked() {
            // Only added: who the shown journey is told for stays as it is ("Told for" above
            // gives it the new one).
            let persona = Persona::new(map.new_persona_id(), strings::new_persona_name());
            made = Some(persona.id);
            let index = map.personas.len();
            out.push(Command::Edit(Edit::InsertPersona { index, persona }, None));
        }
        if journey.kind == JourneyKind::Current && super::journeys::target_button(ui, map).clicked()
        {
            out.extend(super::journeys::target_from_current(map, journey));
        }
        let deletable = map.journeys.len() > 1;
        if ui
            .add_enabled(deletable, egui::Button::new(strings::delete_journey()))
            .on_disabled_hover_text(strings::last_journey())
            .clicked()
        {
            out.push(Command::Edit(Edit::RemoveJourney(id), None));
        }
    });
    made
}

/// The persona's picture: its path (relative to the map's folder), a preview through egui's
/// image loaders, and why it cannot be shown when it cannot.
fn picture_field(ui: &mut Ui, doc: &Document, persona: &Persona, out: &mut Vec<Command>) {
    let id = persona.id;
    let label = ui.label(strings::persona_picture());
    let mut text = persona.picture.clone().unwrap_or_default();
    let response = ui
        .add(
            TextEdit::singleline(&mut text)
                .hint_text(strings::picture_hint())
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        let mut p = persona.clone();
        p.picture = (!text.trim().is_empty()).then(|| text.trim().to_owned());
        out.push(Command::Edit(
            Edit::SetPersona(p),
            Some(MergeKey("persona picture", id.0)),
        ));
    }
    if response.lost_focus() {
        out.push(Command::Seal);
    }
    if ui.button(strings::choose_picture()).clicked() {
        out.push(Command::ChoosePicture);
    }
    use super::pictures::State;
    match super::pictures::state(ui.ctx(), doc.folder(), persona) {
        State::NoPicture => {}
        State::Loading => {
            ui.spinner();
        }
        State::Shown(texture) => {
            let size = texture.size * (96.0 / texture.size.x.max(texture.size.y).max(1.0));
            ui.add(egui::Image::from_texture(texture).fit_to_exact_size(size));
        }
        State::Problem(problem) => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                strings::picture_problem(&problem.to_string()),
            );
        }
    }
}

fn card_section(ui: &mut Ui, map: &Map, card: &Card, out: &mut Vec<Command>) {
    let id = card.id;
    let set = |field| Command::Edit(Edit::SetCard { id, field }, None);
    heading(ui, strings::card());
    text_field(
        ui,
        strings::title(),
        &card.title,
        false,
        MergeKey("card title", id.0),
        out,
        |t| Edit::SetCard {
            id,
            field: CardField::Title(t),
        },
    );
    text_field(
        ui,
        strings::notes(),
        &card.notes,
        true,
        MergeKey("card notes", id.0),
        out,
        |t| Edit::SetCard {
            id,
            field: CardField::Notes(t),
        },
    );

    let label = ui.label(strings::channel_heading());
    let name = card
        .channel
        .map_or(strings::no_channel(), crate::model::Channel::label);
    ComboBox::from_id_salt("channel")
        .selected_text(name)
        .width(ui.available_width() - 8.0)
        // Every choice in sight, no scrolling.
        .height(f32::INFINITY)
        .show_ui(ui, |ui| {
            for choice in std::iter::once(None).chain(Channel::ALL.map(Some)) {
                let label = choice.map_or(strings::no_channel(), crate::model::Channel::label);
                if ui.selectable_label(card.channel == choice, label).clicked()
                    && card.channel != choice
                {
                    out.push(set(CardField::Channel(choice)));
                }
            }
        })
        .response
        .labelled_by(label.id);

    ui.label(strings::feeling_heading());
    let picked = feeling_picker(ui, card.feeling, 32.0, |f| {
        crate::model::Feeling::label_of(f).to_owned()
    });
    if let Some(feeling) = picked.filter(|f| *f != card.feeling) {
        out.push(set(CardField::Feeling(feeling)));
    }

    ui.label(strings::moment_that_matters());
    let kind = card.moment_kind();
    let why = card
        .moment
        .as_ref()
        .map(|m| m.why.clone())
        .unwrap_or_default();
    ui.horizontal(|ui| {
        for (choice, label) in [
            (None, strings::moment_none()),
            (Some(MomentKind::Gain), strings::moment_gain()),
            (Some(MomentKind::Pain), strings::moment_pain()),
        ] {
            if ui.radio(kind == choice, label).clicked() && kind != choice {
                let moment = choice.map(|kind| Moment {
                    kind,
                    why: why.clone(),
                });
                out.push(set(CardField::Moment(moment)));
            }
        }
    });
    if let Some(moment) = &card.moment {
        text_field(
            ui,
            strings::moment_why(),
            &moment.why,
            false,
            MergeKey("moment why", id.0),
            out,
            |why| Edit::SetCard {
                id,
                field: CardField::Moment(Some(Moment {
                    kind: moment.kind,
                    why,
                })),
            },
        );
    }
    ui.add_space(8.0);
    if map.can_become_action(card.id) {
        if ui.button(strings::turn_into_action()).clicked() {
            out.push(Command::TurnIntoAction);
        }
    } else if let Some(action) = map.action_of_card(card.id) {
        ui.label(RichText::new(strings::card_is_action(&action.title)).weak());
        if ui.button(strings::open_action()).clicked() {
            out.push(Command::Select(Selection::Action(action.id)));
        }
    } else if map.is_pain(card) && ui.button(strings::action_for_pain()).clicked() {
        out.push(Command::NewAction);
    }
    action_buttons(ui, out);
}

/// An improvement action: what, who, which stream, how it ranks, when, and what it addresses.
fn action_section(ui: &mut Ui, map: &Map, action: &crate::model::Action, out: &mut Vec<Command>) {
    let id = action.id;
    heading(ui, strings::action());
    text_field(
        ui,
        strings::action_title(),
        &action.title,
        false,
        MergeKey("action title", id.0),
        out,
        |title| {
            let mut changed = action.clone();
            changed.title = title;
            Edit::SetAction(changed)
        },
    );
    text_field(
        ui,
        strings::description(),
        &action.description,
        true,
        MergeKey("action description", id.0),
        out,
        |description| {
            let mut changed = action.clone();
            changed.description = description;
            Edit::SetAction(changed)
        },
    );
    action_owner_and_stream(ui, map, action, out);
    action_levels(ui, action, out);
    action_status_and_kpi(ui, map, action, out);
    action_links(ui, map, action, out);
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        if ui.button(strings::show_on_journey()).clicked() {
            out.push(Command::ShowOnJourney);
        }
        for action in [Command::Duplicate, Command::Delete] {
            if ui.add(action.button(ui.ctx())).clicked() {
                out.push(action);
            }
        }
    });
}

/// The edit that changes one thing of an action.
fn set_action(
    action: &crate::model::Action,
    change: &dyn Fn(&mut crate::model::Action),
) -> Command {
    let mut changed = action.clone();
    change(&mut changed);
    Command::Edit(Edit::SetAction(changed), None)
}

/// A labelled drop-down of `choices` (selected?, name); the index of the one picked.
fn combo(
    ui: &mut Ui,
    label: &str,
    salt: &str,
    current: &str,
    choices: Vec<(bool, String)>,
) -> Option<usize> {
    let label = ui.label(label);
    let mut picked = None;
    ComboBox::from_id_salt(salt)
        .selected_text(current)
        .width(ui.available_width() - 8.0)
        .show_ui(ui, |ui| {
            for (i, (selected, name)) in choices.iter().enumerate() {
                if ui.selectable_label(*selected, name.as_str()).clicked() && !selected {
                    picked = Some(i);
                }
            }
        })
        .response
        .labelled_by(label.id);
    picked
}

/// Who owns the action, and its stream.
fn action_owner_and_stream(
    ui: &mut Ui,
    map: &Map,
    action: &crate::model::Action,
    out: &mut Vec<Command>,
) {
    let owners: Vec<_> = std::iter::once(None)
        .chain(map.departments.iter().map(|d| Some(d.id)))
        .collect();
    let name_of_owner = |d: Option<crate::model::DepartmentId>| {
        d.and_then(|d| map.department(d))
            .map_or(strings::nobody().to_owned(), |d| d.name.clone())
    };
    let choices = owners
        .iter()
        .map(|d| (*d == action.owner, name_of_owner(*d)))
        .collect();
    if let Some(i) = combo(
        ui,
        strings::col_owner(),
        "owner",
        &name_of_owner(action.owner),
        choices,
    ) {
        out.push(set_action(action, &|a| a.owner = owners[i]));
    }
    let streams: Vec<_> = std::iter::once(None)
        .chain(map.streams.iter().map(|s| Some(s.id)))
        .collect();
    let name_of_stream = |s: Option<crate::model::StreamId>| {
        s.and_then(|s| map.stream(s))
            .map_or(strings::no_stream().to_owned(), |s| s.name.clone())
    };
    let choices = streams
        .iter()
        .map(|s| (*s == action.stream, name_of_stream(*s)))
        .collect();
    if let Some(i) = combo(
        ui,
        strings::col_stream(),
        "stream",
        &name_of_stream(action.stream),
        choices,
    ) {
        out.push(set_action(action, &|a| a.stream = streams[i]));
    }
}

/// Impact and effort (the priority follows), and the horizon.
fn action_levels(ui: &mut Ui, action: &crate::model::Action, out: &mut Vec<Command>) {
    use crate::model::{Horizon, Level};
    egui::Grid::new("levels")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for (label, current, which) in [
                (strings::col_impact(), action.impact, 0),
                (strings::col_effort(), action.effort, 1),
            ] {
                ui.label(label);
                ui.horizontal(|ui| {
                    for level in Level::ALL {
                        let response = ui.radio(current == level, level.label());
                        if response.clicked() && current != level {
                            out.push(set_action(action, &|a| {
                                if which == 0 {
                                    a.impact = level
                                } else {
                                    a.effort = level
                                }
                            }));
                        }
                    }
                });
                ui.end_row();
            }
            ui.label(strings::col_priority());
            // Long words wrap rather than widen the panel and shift the map.
            ui.add(egui::Label::new(RichText::new(action.priority().explained()).strong()).wrap());
            ui.end_row();
            ui.label(strings::col_horizon());
            ui.horizontal(|ui| {
                for horizon in Horizon::ALL {
                    if ui
                        .radio(action.horizon == horizon, horizon.label())
                        .clicked()
                        && action.horizon != horizon
                    {
                        out.push(set_action(action, &|a| a.horizon = horizon));
                    }
                }
            });
            ui.end_row();
        });
}

/// Where the action stands, and the KPI it should move.
fn action_status_and_kpi(
    ui: &mut Ui,
    map: &Map,
    action: &crate::model::Action,
    out: &mut Vec<Command>,
) {
    use crate::model::Status;
    let statuses = Status::ALL;
    let choices = statuses
        .iter()
        .map(|s| (*s == action.status, (*s).label().to_owned()))
        .collect();
    if let Some(i) = combo(
        ui,
        strings::col_status(),
        "status",
        action.status.label(),
        choices,
    ) {
        out.push(set_action(action, &|a| a.status = statuses[i]));
    }
    let kpis: Vec<_> = std::iter::once(None)
        .chain(map.kpis.iter().map(|k| Some(k.id)))
        .collect();
    let name_of_kpi = |k: Option<crate::model::KpiId>| {
        k.and_then(|k| map.kpi(k))
            .map_or(strings::no_kpi().to_owned(), |k| {
                let stage = map.stage(k.stage).map_or("", |s| s.name.as_str());
                format!("{stage}: {}", k.name)
            })
    };
    let choices = kpis
        .iter()
        .map(|k| (*k == action.kpi, name_of_kpi(*k)))
        .collect();
    if let Some(i) = combo(
        ui,
        strings::col_kpi(),
        "kpi",
        &name_of_kpi(action.kpi),
        choices,
    ) {
        out.push(set_action(action, &|a| a.kpi = kpis[i]));
    }
}

/// The stages the action improves and the pain cards it addresses.
fn action_links(ui: &mut Ui, map: &Map, action: &crate::model::Action, out: &mut Vec<Command>) {
    ui.add_space(6.0);
    ui.label(RichText::new(strings::col_stages()).strong());
    ui.horizontal_wrapped(|ui| {
        for stage in &map.stages {
            let mut on = action.stages.contains(&stage.id);
            if ui.checkbox(&mut on, &stage.name).changed() {
                out.push(set_action(action, &|a| {
                    if on {
                        a.stages.push(stage.id);
                    } else {
                        a.stages.retain(|s| *s != stage.id);
                    }
                }));
            }
        }
    });
    ui.add_space(6.0);
    ui.label(RichText::new(strings::addresses()).strong())
        .on_hover_text(strings::addresses_hint());
    let pains: Vec<&Card> = map
        .cards
        .iter()
        .filter(|c| {
            action.addresses.contains(&c.id) || (action.stages.contains(&c.stage) && map.is_pain(c))
        })
        .collect();
    // Journeys copied from one another hold cards of the same title: say whose each is.
    let several = map.journeys.len() > 1;
    if pains.is_empty() {
        ui.label(RichText::new(strings::addresses_hint()).weak());
    }
    for card in pains {
        let mut on = action.addresses.contains(&card.id);
        let label = match map.journey(card.journey) {
            Some(journey) if several => format!("{} · {}", card.title, journey.name),
            _ => card.title.clone(),
        };
        if ui.checkbox(&mut on, label).changed() {
            out.push(set_action(action, &|a| {
                if on {
                    a.addresses.push(card.id);
                } else {
                    a.addresses.retain(|c| *c != card.id);
                }
            }));
        }
    }
}

/// The map's departments: rename, remove, add.
fn departments_section(ui: &mut Ui, map: &Map, out: &mut Vec<Command>) {
    use crate::model::{Department, DepartmentId};
    let items: Vec<_> = map
        .departments
        .iter()
        .map(|d| (d.id.0, d.name.as_str()))
        .collect();
    let list = (strings::departments(), strings::add_department());
    for change in named_list(ui, list, &items) {
        out.push(match change {
            NameChange::Renamed(id, name) => Command::Edit(
                Edit::RenameDepartment {
                    id: DepartmentId(id),
                    name,
                },
                Some(MergeKey("department", id)),
            ),
            NameChange::Done => Command::Seal,
            NameChange::Removed(id) => {
                Command::Edit(Edit::RemoveDepartment(DepartmentId(id)), None)
            }
            NameChange::Added => Command::Edit(
                Edit::InsertDepartment {
                    index: map.departments.len(),
                    department: Department {
                        id: map.new_department_id(),
                        name: strings::new_department().to_owned(),
                    },
                },
                None,
            ),
        });
    }
}

/// The map's streams: rename, remove, add.
fn streams_section(ui: &mut Ui, map: &Map, out: &mut Vec<Command>) {
    use crate::model::{Stream, StreamId};
    let items: Vec<_> = map
        .streams
        .iter()
        .map(|s| (s.id.0, s.name.as_str()))
        .collect();
    let list = (strings::streams(), strings::add_stream());
    for change in named_list(ui, list, &items) {
        out.push(match change {
            NameChange::Renamed(id, name) => Command::Edit(
                Edit::RenameStream {
                    id: StreamId(id),
                    name,
                },
                Some(MergeKey("stream", id)),
            ),
            NameChange::Done => Command::Seal,
            NameChange::Removed(id) => Command::Edit(Edit::RemoveStream(StreamId(id)), None),
            NameChange::Added => Command::Edit(
                Edit::InsertStream {
                    index: map.streams.len(),
                    stream: Stream {
                        id: map.new_stream_id(),
                        name: strings::new_stream().to_owned(),
                    },
                },
                None,
            ),
        });
    }
}

/// What was done to a list of named items in the inspector, by item id.
enum NameChange {
    /// Typed into: one undo step per item while the typing goes on.
    Renamed(u32, String),
    /// A name field let go: the typing's step ends.
    Done,
    Removed(u32),
    Added,
}

/// A list of named items (departments, streams): each renamed in place or removed (×), and a
/// button that adds one. `list` is the list's name and its add button's words; `items` are ids
/// and names.
fn named_list(ui: &mut Ui, list: (&str, &str), items: &[(u32, &str)]) -> Vec<NameChange> {
    let (title, add) = list;
    let mut changes = Vec::new();
    for &(id, name) in items {
        ui.push_id((title, id), |ui| {
            ui.horizontal(|ui| {
                let mut text = name.to_owned();
                let response = ui.add(TextEdit::singleline(&mut text).desired_width(170.0));
                let label = strings::item_label(title, name);
                response
                    .ctx
                    .accesskit_node_builder(response.id, |node| node.set_label(label));
                if response.changed() {
                    changes.push(NameChange::Renamed(id, text));
                }
                if response.lost_focus() {
                    changes.push(NameChange::Done);
                }
                if ui
                    .small_button("×")
                    .on_hover_text(strings::remove())
                    .clicked()
                {
                    changes.push(NameChange::Removed(id));
                }
            });
        });
    }
    if ui.button(add).clicked() {
        changes.push(NameChange::Added);
    }
    changes
}

fn lane_section(ui: &mut Ui, lane: &Lane, cards: usize, out: &mut Vec<Command>) {
    let id = lane.id;
    heading(ui, strings::lane());
    text_field(
        ui,
        strings::name(),
        &lane.name,
        false,
        MergeKey("lane name", id.0),
        out,
        |name| Edit::RenameLane { id, name },
    );
    let label = ui.label(strings::kind());
    ComboBox::from_id_salt("kind")
        .selected_text(lane.kind.label())
        .width(ui.available_width() - 8.0)
        .height(f32::INFINITY)
        .show_ui(ui, |ui| {
            for kind in LaneKind::ALL {
                let allowed = kind.holds_cards() || cards == 0;
                let response = ui
                    .add_enabled(
                        allowed,
                        egui::Button::selectable(lane.kind == kind, kind.label()),
                    )
                    .on_disabled_hover_text(strings::kind_locked());
                if response.clicked() && lane.kind != kind {
                    out.push(Command::Edit(Edit::SetLaneKind { id, kind }, None));
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.label(RichText::new(strings::card_count(cards)).weak());
    ui.add_space(8.0);
    action_buttons(ui, out);
}

fn action_buttons(ui: &mut Ui, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        for action in [Command::Duplicate, Command::Delete] {
            if ui.add(action.button(ui.ctx())).clicked() {
                out.push(action);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_are_read_as_people_type_them() {
        use super::parse_number;
        assert_eq!(parse_number(" 55 "), Some(Some(55.0)));
        assert_eq!(parse_number("4,5"), Some(Some(4.5)));
        assert_eq!(parse_number("−10"), Some(Some(-10.0)));
        assert_eq!(parse_number(""), Some(None));
        assert_eq!(parse_number("ten"), None);
        assert_eq!(parse_number("inf"), None);
    }
}
