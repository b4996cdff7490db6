//! The workshop room in the editor: opening and closing it, its panel (the address and QR
//! code, the counts, voting's controls and the inbox of notes), and its code on the projector.
//!
//! The room's server runs on its own threads; each frame the editor takes what it received
//! ([`Workshop::sync`]): the dots go into the map beside the undo steps (a participant's dot is
//! not the facilitator's to undo), the notes into the inbox. After the frame's commands the
//! editor hands the room its map again when it changed ([`Workshop::publish`]).

use super::Command;
use crate::document::Document;
use crate::edit::Edit;
use crate::history::MergeKey;
use crate::i18n::{Lang, fmt, tr};
use crate::model::{Card, LaneId, Map};
use crate::room::{self, QrCode, RoomNote, Server};
use crate::view::View;
use egui::{Color32, RichText, Ui};
use std::io::Write;
use std::time::{Duration, Instant};

/// How soon the editor takes what the room received.
const WAKE_WITHIN: Duration = Duration::from_millis(100);

/// The room's map is handed over at most this often while the facilitator types.
const PUBLISH_EVERY: Duration = Duration::from_millis(150);

/// A note from the room, waiting for the facilitator.
#[derive(Clone, Debug, PartialEq)]
pub struct Waiting {
    /// Stable while it waits, for the commands that act on it.
    pub id: u64,
    pub note: RoomNote,
    /// The text as the facilitator has edited it.
    pub text: String,
    /// The lane it would go into.
    pub lane: Option<LaneId>,
}

#[derive(Default)]
pub struct Workshop {
    server: Option<Server>,
    qr: Option<QrCode>,
    pub inbox: Vec<Waiting>,
    next_note: u64,
    /// The document's revision the room last saw, and the journey.
    published: Option<((u64, u64), crate::model::JourneyId, Lang)>,
    published_at: Option<Instant>,
    /// The layout revision of the map the room last drew.
    published_layout: Option<(u64, u64)>,
    /// The journey the room shows and votes on: the one shown when it opened, whatever the
    /// facilitator looks at since (closing and opening again moves it).
    journey: Option<crate::model::JourneyId>,
    /// Where the room last listened and its key, to open it again at the same address.
    last: Option<(room::Options, room::Token)>,
    /// The panel is shown.
    pub panel: bool,
    /// The code is shown over the presentation.
    pub code_in_presentation: bool,
    counts: room::Counts,
    /// The room's count revision last read.
    counted: Option<u64>,
}

impl Workshop {
    pub fn is_open(&self) -> bool {
        self.server.is_some()
    }

    pub fn address(&self) -> Option<&str> {
        self.server.as_ref().map(Server::address)
    }

    pub fn counts(&self) -> room::Counts {
        self.counts
    }

    /// Opens the room on `journey`; its address goes to standard output as one line, for
    /// whoever started the editor from a terminal (and for scripts).
    pub fn open(
        &mut self,
        ctx: &egui::Context,
        options: room::Options,
        map: &Map,
        view: &View,
        lang: Lang,
    ) -> Result<String, room::RoomError> {
        // The editor closes an open room first (taking its last dots and notes).
        debug_assert!(
            self.server.is_none(),
            "the room is closed before it opens again"
        );
        // A frame soon, not one per dot: sixty phones voting at once wake the editor a few
        // times, and its frames leave the computer to the room.
        let wake = || -> Box<dyn Fn() + Send + Sync> {
            let waker = ctx.clone();
            Box::new(move || waker.request_repaint_after(WAKE_WITHIN))
        };
        // Opened again, the room keeps its address (its port still free): the phones need not
        // scan a new code.
        let again = match self.last.clone() {
            Some((last, token)) if options == room::Options::default() => {
                Server::open_again(last, token, map, view.journey, lang, wake()).ok()
            }
            _ => None,
        };
        let server = match again {
            Some(server) => server,
            None => Server::open(options, map, view.journey, lang, wake())?,
        };
        self.last = Some((
            room::Options {
                port: Some(server.port()),
                ..options
            },
            server.token(),
        ));
        let address = server.address().to_owned();
        // A closed stdout (the editor started with `| head -1`) loses the line, not the room.
        let _ = writeln!(std::io::stdout(), "{address}");
        self.qr = QrCode::new(&address);
        self.server = Some(server);
        self.journey = Some(view.journey);
        self.published_layout = None;
        self.published = None;
        self.panel = true;
        self.code_in_presentation = true;
        Ok(address)
    }

    /// Closes the room: every phone's connection ends. What it took until then comes in
    /// first (dots into the map, notes into the inbox, where they stay).
    pub fn close(&mut self, doc: &mut Document) {
        if let Some(server) = &mut self.server {
            server.stop();
            // Closed, it takes nothing more: this is the last of it.
            self.sync(doc);
        }
        self.server = None;
        self.qr = None;
        self.counts = room::Counts::default();
        self.counted = None;
    }

    /// Takes what the room received: dots into the map, beside the undo steps; notes into the
    /// inbox. Returns whether anything came.
    pub fn sync(&mut self, doc: &mut Document) -> bool {
        let Some(server) = &self.server else {
            return false;
        };
        let taken = server.take();
        // The counts walk every dot: only when they may have changed.
        if let Some(counts) = server.counts_since(&mut self.counted) {
            self.counts = counts;
        }
        if taken.is_empty() {
            return false;
        }
        if !taken.ballots.is_empty() {
            let before = doc.revision();
            let votes = doc.map().votes_after(&taken.ballots);
            // Rules of the map hold (every dot on a card of it); the room already judged each.
            if doc.apply_beside(Edit::SetVotes(votes)).is_ok() {
                // The room has counted these dots itself: no need to hand the map back for
                // them, unless the counts are on the picture.
                if let Some((revision, _, _)) = &mut self.published
                    && *revision == before
                    && !doc.map().room.revealed
                {
                    *revision = doc.revision();
                }
            }
        }
        for note in taken.notes {
            self.next_note += 1;
            let lane = note.lane.or_else(|| default_lane(doc.map()));
            self.inbox.push(Waiting {
                id: self.next_note,
                text: note.text.clone(),
                note,
                lane,
            });
        }
        true
    }

    /// Hands the room the map when it changed (at most every [`PUBLISH_EVERY`]).
    pub fn publish(&mut self, ctx: &egui::Context, doc: &Document, lang: Lang) {
        let Some(server) = &self.server else {
            return;
        };
        let journey = self.journey(doc.map());
        let now = (doc.revision(), journey, lang);
        if self.published == Some(now) {
            return;
        }
        if let Some(at) = self.published_at {
            let since = at.elapsed();
            if since < PUBLISH_EVERY {
                ctx.request_repaint_after(PUBLISH_EVERY - since);
                return;
            }
        }
        // The picture changes with what is laid out, and, once revealed, with the dots on it.
        let layout = doc.layout_revision();
        let picture_changed = self.published_layout != Some(layout) || doc.map().room.revealed;
        server.publish(doc.map(), journey, lang, picture_changed);
        self.published = Some(now);
        self.published_layout = Some(layout);
        self.published_at = Some(Instant::now());
    }

    /// The room shows this journey from now on (the phones follow; the address stays).
    pub fn show_journey(&mut self, journey: crate::model::JourneyId) {
        self.journey = Some(journey);
    }

    /// The journey the room shows: the one it opened on, or, gone, the map's first current.
    pub fn journey(&self, map: &Map) -> crate::model::JourneyId {
        self.journey
            .filter(|j| map.journey(*j).is_some())
            .unwrap_or_else(|| View::of(map).journey)
    }

    /// The card a waiting note becomes, in the room's journey.
    pub fn card_of(&self, map: &Map, id: u64) -> Option<Edit> {
        let waiting = self.inbox.iter().find(|w| w.id == id)?;
        let lane = waiting.lane?;
        let text = room::clean_note(&waiting.text);
        let (title, notes) = match text.split_once('\n') {
            Some((title, rest)) => (title.trim().to_owned(), rest.trim().to_owned()),
            None => (text, String::new()),
        };
        let card = Card {
            id: map.new_card_id(),
            journey: self.journey(map),
            stage: waiting.note.stage,
            lane,
            title,
            notes,
            channel: None,
            feeling: None,
            moment: None,
        };
        Some(Edit::InsertCard {
            position: map.cards.len(),
            card,
        })
    }

    /// Every waiting note as a card, in one undo step (`None` when none can go on the map).
    pub fn cards_of_all(&self, map: &Map) -> Option<Edit> {
        let mut copy = map.clone();
        let mut edits = Vec::new();
        for waiting in &self.inbox {
            let Some(edit) = self.card_of(&copy, waiting.id) else {
                continue;
            };
            // Each card takes the next id: applied to a copy as they are made.
            if edit.clone().apply(&mut copy).is_ok() {
                edits.push(edit);
            }
        }
        (!edits.is_empty()).then_some(Edit::Batch(edits))
    }

    /// The notes waiting, as the facilitator has them now (text and lane as edited), for the
    /// autosave journal.
    pub fn journal_notes(&self) -> Vec<RoomNote> {
        self.inbox
            .iter()
            .map(|w| RoomNote {
                text: w.text.clone(),
                lane: w.lane,
                ..w.note.clone()
            })
            .collect()
    }

    /// A fingerprint of the notes waiting as the facilitator has them now: 0 for none.
    pub fn notes_mark(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        if self.inbox.is_empty() {
            return 0;
        }
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for w in &self.inbox {
            (w.id, &w.text, w.lane).hash(&mut hasher);
        }
        hasher.finish().max(1)
    }

    /// Notes brought back from the journal, waiting again.
    pub fn restore_notes(&mut self, notes: &[RoomNote], map: &Map) {
        // Shown at once: they were waiting for the facilitator.
        self.panel |= !notes.is_empty();
        for note in notes {
            self.next_note += 1;
            let lane = note.lane.or_else(|| default_lane(map));
            self.inbox.push(Waiting {
                id: self.next_note,
                text: note.text.clone(),
                note: note.clone(),
                lane,
            });
        }
    }

    /// Takes a note out of the inbox; the note, for an Undo.
    pub fn drop_note(&mut self, id: u64) -> Option<Waiting> {
        let at = self.inbox.iter().position(|w| w.id == id)?;
        Some(self.inbox.remove(at))
    }

    /// A dropped note waits again, in its place among the others (by arrival).
    pub fn bring_back(&mut self, note: Waiting) {
        let at = self.inbox.partition_point(|w| w.id < note.id);
        self.inbox.insert(at, note);
    }
}

/// The lane a note without one goes into: what a room mostly writes is what hurts, so the
/// pain points; else the thoughts; else the first lane that holds cards.
fn default_lane(map: &Map) -> Option<LaneId> {
    use crate::model::LaneKind;
    [LaneKind::PainPoints, LaneKind::Thoughts]
        .iter()
        .find_map(|kind| map.lanes.iter().find(|l| l.kind == *kind))
        .or_else(|| map.lanes.iter().find(|l| l.kind.holds_cards()))
        .map(|l| l.id)
}

/// Draws a QR code in `rect`, quiet zone included, dark on white.
pub fn paint_qr(painter: &egui::Painter, rect: egui::Rect, code: &QrCode) {
    painter.rect_filled(rect, 4.0, Color32::WHITE);
    let modules = code.width() + 2 * QrCode::QUIET_ZONE;
    let side = rect.width().min(rect.height());
    // Whole pixels per module keep the code crisp.
    let ppp = painter.ctx().pixels_per_point();
    let module = ((side * ppp / modules as f32).floor() / ppp).max(1.0 / ppp);
    let drawn = module * modules as f32;
    let origin = rect.center() - egui::vec2(drawn, drawn) / 2.0
        + egui::vec2(1.0, 1.0) * module * QrCode::QUIET_ZONE as f32;
    for y in 0..code.width() {
        for x in 0..code.width() {
            if code.is_dark(x, y) {
                let min = origin + egui::vec2(x as f32, y as f32) * module;
                painter.rect_filled(
                    egui::Rect::from_min_size(min, egui::vec2(module, module)),
                    0.0,
                    Color32::BLACK,
                );
            }
        }
    }
}

/// The room's panel: closed, how to open it; open, its address and code, the counts, voting's
/// controls and the inbox.
pub fn panel(ui: &mut Ui, workshop: &mut Workshop, doc: &Document, out: &mut Vec<Command>) {
    ui.heading(tr("room-panel-title"));
    let map = doc.map();
    let Some(address) = workshop.address().map(str::to_owned) else {
        ui.label(tr("room-panel-closed-help"));
        ui.add_space(6.0);
        if ui.button(tr("room-open")).clicked() {
            out.push(Command::OpenRoom);
        }
        inbox(ui, workshop, map, out);
        return;
    };
    if let Some(code) = &workshop.qr {
        let side = ui.available_width().min(200.0);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
        paint_qr(ui.painter(), rect, code);
    }
    ui.add(egui::Label::new(RichText::new(&address).monospace()).wrap());
    ui.horizontal(|ui| {
        if ui.button(tr("room-copy-address")).clicked() {
            ui.ctx().copy_text(address.clone());
            out.push(Command::Notify(tr("room-address-copied").to_owned()));
        }
        if ui.button(tr("room-close")).clicked() {
            out.push(Command::CloseRoom);
        }
    });
    ui.separator();
    let counts = workshop.counts();
    let room = &map.room;
    ui.label(fmt(
        "room-counts-long",
        &[
            ("joined", counts.joined.into()),
            ("voters", counts.voters.into()),
            ("dots", counts.dots.into()),
        ],
    ));
    ui.horizontal(|ui| {
        let label = ui.label(tr("room-dots-each"));
        let mut dots = room.dots;
        let changed = ui
            .add(egui::DragValue::new(&mut dots).range(1..=crate::model::limits::DOTS as u32))
            .labelled_by(label.id)
            .changed();
        if changed && dots != room.dots {
            out.push(Command::Edit(
                Edit::SetDots(dots),
                Some(MergeKey("room dots", 0)),
            ));
        }
    });
    ui.horizontal_wrapped(|ui| voting_controls(ui, map, out));
    if room.closed {
        ui.label(RichText::new(tr("room-voting-closed")).strong());
    }
    inbox(ui, workshop, map, out);
}

/// Voting's three controls, in the panel and the Workshop menu alike: close (or reopen)
/// voting, reveal (or hide) the dots, clear them.
pub fn voting_controls(ui: &mut Ui, map: &Map, out: &mut Vec<Command>) {
    let room = &map.room;
    let (key, closed) = if room.closed {
        ("room-reopen-voting", false)
    } else {
        ("room-close-voting", true)
    };
    if ui.button(tr(key)).clicked() {
        out.push(Command::Edit(Edit::SetVotingClosed(closed), None));
    }
    let (key, revealed) = if room.revealed {
        ("room-hide-dots", false)
    } else {
        ("room-reveal-dots", true)
    };
    if ui.button(tr(key)).clicked() {
        out.push(Command::Edit(Edit::SetVotesRevealed(revealed), None));
    }
    let clear = Command::ClearVotes;
    if ui
        .add_enabled(!map.votes.is_empty(), egui::Button::new(clear.label()))
        .clicked()
    {
        out.push(clear);
    }
}

/// The notes waiting: each with its stage, a lane to put it in, its text to edit, and "add to
/// the map" or "drop".
fn inbox(ui: &mut Ui, workshop: &mut Workshop, map: &Map, out: &mut Vec<Command>) {
    ui.separator();
    ui.label(
        RichText::new(fmt(
            "room-inbox-title",
            &[("count", workshop.inbox.len().into())],
        ))
        .strong(),
    );
    if workshop.inbox.is_empty() {
        ui.label(RichText::new(tr("room-inbox-empty")).weak());
        return;
    }
    let lanes: Vec<(LaneId, &str)> = map
        .lanes
        .iter()
        .filter(|l| l.kind.holds_cards())
        .map(|l| (l.id, l.name.as_str()))
        .collect();
    for waiting in &mut workshop.inbox {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let stage = map
                .stage(waiting.note.stage)
                .map_or("", |s| s.name.as_str());
            let from = if waiting.note.name.is_empty() {
                tr("room-note-anonymous").to_owned()
            } else {
                waiting.note.name.clone()
            };
            let head = ui.label(RichText::new(format!("{stage} · {from}")).weak());
            ui.add(
                egui::TextEdit::multiline(&mut waiting.text)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(head.id);
            let lane_name = |id: Option<LaneId>| {
                id.and_then(|id| lanes.iter().find(|(l, _)| *l == id))
                    .map_or(tr("room-note-pick-lane"), |(_, n)| n)
                    .to_owned()
            };
            ui.horizontal(|ui| {
                let label = ui.label(crate::i18n::tr("lane"));
                egui::ComboBox::from_id_salt(("room-note-lane", waiting.id))
                    .selected_text(lane_name(waiting.lane))
                    .width(ui.available_width() - 8.0)
                    .show_ui(ui, |ui| {
                        for (id, name) in &lanes {
                            ui.selectable_value(&mut waiting.lane, Some(*id), *name);
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
            ui.horizontal(|ui| {
                let ready = waiting.lane.is_some()
                    && map.stage(waiting.note.stage).is_some()
                    && !room::clean_note(&waiting.text).is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new(tr("room-note-accept")))
                    .clicked()
                {
                    out.push(Command::AcceptNote(waiting.id));
                }
                if ui.button(tr("room-note-drop")).clicked() {
                    out.push(Command::DropNote(waiting.id));
                }
            });
        });
    }
}

/// The room's address and code over the presentation, in the bottom-right corner, big enough
/// to scan from the back of the room.
pub fn presentation_code(ctx: &egui::Context, workshop: &Workshop) {
    let (Some(code), Some(address)) = (&workshop.qr, workshop.address()) else {
        return;
    };
    if !workshop.code_in_presentation {
        return;
    }
    let screen = ctx.content_rect();
    // About a quarter of the screen's height: scanned from the back of a room on a projected
    // wall, and leaving the map its place.
    let side = (screen.height() * 0.3).clamp(150.0, 360.0);
    egui::Area::new(egui::Id::unique("room-code"))
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -16.0))
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(Color32::WHITE)
                .corner_radius(8.0)
                .inner_margin(10.0)
                .stroke(egui::Stroke::new(1.0, Color32::from_gray(200)))
                .show(ui, |ui| {
                    ui.set_width(side);
                    ui.label(
                        RichText::new(tr("room-scan-to-join"))
                            .size(20.0)
                            .color(Color32::from_gray(20))
                            .strong(),
                    );
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
                    paint_qr(ui.painter(), rect, code);
                    ui.add(
                        egui::Label::new(
                            RichText::new(address)
                                .monospace()
                                .size(13.0)
                                .color(Color32::from_gray(30)),
                        )
                        .wrap(),
                    );
                    ui.label(
                        RichText::new(tr("room-code-hide-hint"))
                            .size(12.0)
                            .color(Color32::from_gray(90)),
                    );
                });
        });
}
