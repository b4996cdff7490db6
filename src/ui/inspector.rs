//! The side panel that edits whatever is selected: a card, a stage, a lane, or the map itself.
//! Text fields apply as you type; one field's typing is one undo step.

use super::widgets::feeling_picker;
use super::{Action, Request, Selection};
use crate::document::Document;
use crate::edit::{CardField, Edit};
use crate::history::MergeKey;
use crate::model::{Card, Channel, Lane, LaneKind, Persona, Stage};
use crate::strings;
use egui::{ComboBox, RichText, TextEdit, Ui};

#[derive(Default)]
pub struct Inspector {
    /// The goals text while its field has focus: kept as typed (blank lines included), since the
    /// map stores only the non-empty lines.
    goals: Option<String>,
}

impl Inspector {
    pub fn show(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        selection: Selection,
        out: &mut Vec<Request>,
    ) {
        let map = doc.map();
        match selection {
            Selection::Card(id) => {
                if let Some(card) = map.card(id) {
                    ui.push_id(("card", id.0), |ui| card_section(ui, card, out));
                }
            }
            Selection::Stage(id) => {
                if let Some(stage) = map.stage(id) {
                    let cards = map.cards.iter().filter(|c| c.stage == id).count();
                    ui.push_id(("stage", id.0), |ui| stage_section(ui, stage, cards, out));
                }
            }
            Selection::Lane(id) => {
                if let Some(lane) = map.lane(id) {
                    let cards = map.cards.iter().filter(|c| c.lane == id).count();
                    ui.push_id(("lane", id.0), |ui| lane_section(ui, lane, cards, out));
                }
            }
            Selection::None => self.map_section(ui, doc, out),
        }
    }

    fn map_section(&mut self, ui: &mut Ui, doc: &Document, out: &mut Vec<Request>) {
        let map = doc.map();
        heading(ui, strings::MAP);
        text_field(
            ui,
            strings::TITLE,
            &map.title,
            false,
            MergeKey("map title", 0),
            out,
            Edit::SetTitle,
        );
        ui.add_space(8.0);
        heading(ui, strings::PERSONA);
        let persona = &map.persona;
        let with = |change: &dyn Fn(&mut Persona)| {
            let mut p = persona.clone();
            change(&mut p);
            Edit::SetPersona(p)
        };
        text_field(
            ui,
            strings::PERSONA_NAME,
            &persona.name,
            false,
            MergeKey("persona name", 0),
            out,
            |t| with(&|p| p.name = t.clone()),
        );
        text_field(
            ui,
            strings::PERSONA_DESCRIPTION,
            &persona.description,
            true,
            MergeKey("persona description", 0),
            out,
            |t| with(&|p| p.description = t.clone()),
        );
        let label = ui.label(strings::PERSONA_GOALS);
        let mut text = self
            .goals
            .clone()
            .unwrap_or_else(|| persona.goals.join("\n"));
        let response = ui
            .add(
                TextEdit::multiline(&mut text)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if response.changed() {
            let goals: Vec<String> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect();
            out.push(Request::Edit(
                with(&|p| p.goals = goals.clone()),
                Some(MergeKey("persona goals", 0)),
            ));
        }
        self.goals = response.has_focus().then_some(text);
        if response.lost_focus() {
            out.push(Request::Seal);
        }
        ui.add_space(12.0);
        ui.label(RichText::new(strings::INSPECTOR_HINT).weak());
        ui.add_space(4.0);
        let (s, l, c) = map.summary();
        ui.label(RichText::new(strings::counts(s, l, c)).weak());
    }
}

fn heading(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).strong().size(16.0));
}

/// A labelled text field that sends `make(new text)` on every change, merged per `key`.
fn text_field(
    ui: &mut Ui,
    label: &str,
    value: &str,
    multiline: bool,
    key: MergeKey,
    out: &mut Vec<Request>,
    make: impl Fn(String) -> Edit,
) {
    let label = ui.label(label);
    let mut text = value.to_owned();
    let edit = if multiline {
        TextEdit::multiline(&mut text).desired_rows(4)
    } else {
        TextEdit::singleline(&mut text)
    };
    let response = ui
        .add(edit.desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if response.changed() {
        out.push(Request::Edit(make(text), Some(key)));
    }
    if response.lost_focus() {
        out.push(Request::Seal);
    }
}

fn card_section(ui: &mut Ui, card: &Card, out: &mut Vec<Request>) {
    let id = card.id;
    let set = |field| Request::Edit(Edit::SetCard { id, field }, None);
    heading(ui, strings::CARD);
    text_field(
        ui,
        strings::TITLE,
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
        strings::NOTES,
        &card.notes,
        true,
        MergeKey("card notes", id.0),
        out,
        |t| Edit::SetCard {
            id,
            field: CardField::Notes(t),
        },
    );

    let label = ui.label(strings::CHANNEL);
    let name = card.channel.map_or(strings::NO_CHANNEL, strings::channel);
    ComboBox::from_id_salt("channel")
        .selected_text(name)
        .width(ui.available_width() - 8.0)
        .show_ui(ui, |ui| {
            for choice in std::iter::once(None).chain(Channel::ALL.map(Some)) {
                let label = choice.map_or(strings::NO_CHANNEL, strings::channel);
                if ui.selectable_label(card.channel == choice, label).clicked()
                    && card.channel != choice
                {
                    out.push(set(CardField::Channel(choice)));
                }
            }
        })
        .response
        .labelled_by(label.id);

    ui.label(strings::FEELING);
    let picked = feeling_picker(ui, card.feeling, 32.0, |f| {
        strings::face_label(f).to_owned()
    });
    if let Some(feeling) = picked.filter(|f| *f != card.feeling) {
        out.push(set(CardField::Feeling(feeling)));
    }
    let mut moment = card.moment;
    if ui
        .checkbox(&mut moment, strings::MOMENT_THAT_MATTERS)
        .changed()
    {
        out.push(set(CardField::Moment(moment)));
    }
    ui.add_space(8.0);
    action_buttons(ui, out);
}

fn stage_section(ui: &mut Ui, stage: &Stage, cards: usize, out: &mut Vec<Request>) {
    let id = stage.id;
    heading(ui, strings::STAGE);
    text_field(
        ui,
        strings::NAME,
        &stage.name,
        false,
        MergeKey("stage name", id.0),
        out,
        |name| Edit::RenameStage { id, name },
    );
    ui.label(strings::STAGE_FEELING);
    let label = |f: Option<_>| {
        if f.is_none() {
            strings::STAGE_FEELING_AVERAGE.to_owned()
        } else {
            strings::face_label(f).to_owned()
        }
    };
    let picked = feeling_picker(ui, stage.feeling, 32.0, label);
    if let Some(feeling) = picked.filter(|f| *f != stage.feeling) {
        out.push(Request::Edit(Edit::SetStageFeeling { id, feeling }, None));
    }
    ui.label(RichText::new(strings::card_count(cards)).weak());
    ui.add_space(8.0);
    action_buttons(ui, out);
}

fn lane_section(ui: &mut Ui, lane: &Lane, cards: usize, out: &mut Vec<Request>) {
    let id = lane.id;
    heading(ui, strings::LANE);
    text_field(
        ui,
        strings::NAME,
        &lane.name,
        false,
        MergeKey("lane name", id.0),
        out,
        |name| Edit::RenameLane { id, name },
    );
    let label = ui.label(strings::KIND);
    ComboBox::from_id_salt("kind")
        .selected_text(strings::lane_kind(lane.kind))
        .width(ui.available_width() - 8.0)
        .show_ui(ui, |ui| {
            for kind in LaneKind::ALL {
                let allowed = kind.holds_cards() || cards == 0;
                let response = ui
                    .add_enabled(
                        allowed,
                        egui::Button::selectable(lane.kind == kind, strings::lane_kind(kind)),
                    )
                    .on_disabled_hover_text(strings::KIND_LOCKED);
                if response.clicked() && lane.kind != kind {
                    out.push(Request::Edit(Edit::SetLaneKind { id, kind }, None));
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.label(RichText::new(strings::card_count(cards)).weak());
    ui.add_space(8.0);
    action_buttons(ui, out);
}

fn action_buttons(ui: &mut Ui, out: &mut Vec<Request>) {
    ui.horizontal(|ui| {
        for action in [Action::Duplicate, Action::Delete] {
            if ui.add(action.button(ui.ctx())).clicked() {
                out.push(Request::Action(action));
            }
        }
    });
}
