//! The swimlane canvas: paints the map through [`crate::paint`] and turns pointer and keyboard
//! gestures into [`Command`]s. It never changes the map itself.

mod drag;
mod inline;
mod present;

use super::widgets::feeling_column;
use super::{Command, Selection};
use crate::document::Document;
use crate::edit::{CardField, Edit, build};
use crate::i18n::strings;
use crate::layout::{self, Layout, Style};
use crate::model::{Card, CardId, Feeling, LaneId, Map, Moment, MomentKind, StageId};
use crate::paint::{self, Marks, Palette, Pictures, Sheet, Transform};
use crate::view::View;
use egui::{
    Align2, CursorIcon, Order, Pos2, Rect, Response, Role, Sense, Ui, Vec2, WidgetInfo, pos2, vec2,
};
use inline::Inline;

pub const MIN_ZOOM: f32 = 0.1;

/// What a layout was computed from: the document's revision, the view, the language of its
/// words (headings of computed rows, placeholders), and whether the room is watching
/// (presentation mode shows no "+" strips).
type LayoutKey = ((u64, u64), View, crate::i18n::Lang, bool);
pub const MAX_ZOOM: f32 = 3.0;

/// A gesture in progress. Each ends as at most one undo step.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Drag {
    Idle,
    /// `grab`: pointer minus the card's top-left corner, in map units.
    Card {
        id: CardId,
        grab: Vec2,
    },
    Stage {
        id: StageId,
    },
    Lane {
        id: LaneId,
    },
    /// `changed`: the gesture has already set the stage's feeling (and so made an undo step).
    CurvePoint {
        stage: StageId,
        row: usize,
        changed: bool,
    },
    Pan,
    /// Escape was pressed: ignore the rest of this drag.
    Cancelled,
}

/// What the canvas shows of the document this frame.
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    pub view: &'a View,
    pub pictures: &'a Pictures,
    pub selection: Selection,
    /// An action whose card and addressed cards are ringed.
    pub highlight: Option<crate::model::ActionId>,
}

pub struct Canvas {
    /// Where the map is on screen, and how large.
    camera: Camera,
    style: Style,
    palette: Palette,
    /// The layout, for the document revision and view it was computed for.
    layout: Option<(LayoutKey, Layout)>,
    /// The journey (and overlay) shown, as of this frame.
    view: View,
    drag: Drag,
    /// Last pointer position of the drag in progress, in map units.
    drag_pointer: Pos2,
    /// Text typed on the canvas: names and titles edited in place.
    typing: Typing,
    presentation: Presentation,
    /// Labelled widgets of the frame, for the automation probe (`None` when off).
    probe: Option<Vec<(String, Rect)>>,
    /// Whether floating helpers such as the feeling bar may show.
    overlays: bool,
}

/// Where the map is on screen: pan and zoom, and what they are fitted to.
struct Camera {
    /// Screen offset of the map's origin from the canvas' top-left corner.
    pan: Vec2,
    zoom: f32,
    /// The canvas' rect this frame.
    rect: Rect,
    /// Sticky headers this frame (see [`Layout::pins`]), in map units.
    pins: Vec2,
    /// Fit the map into the canvas on the next frame (first frame, "fit map", a newly opened
    /// file).
    fit_pending: bool,
    fitted_once: bool,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            pan: Vec2::ZERO,
            zoom: 1.0,
            rect: Rect::ZERO,
            pins: Vec2::ZERO,
            fit_pending: true,
            fitted_once: false,
        }
    }
}

/// Names and titles typed in place on the canvas.
#[derive(Default)]
struct Typing {
    inline: Option<Inline>,
    /// The inline text box has had keyboard focus (so losing it commits).
    inline_focused: bool,
    /// The inline box was started by typing: keep the cursor after the typed text.
    keep_typed: bool,
    /// An undo step the next inline commit joins (naming a stage just added).
    inline_merge: Option<crate::history::MergeKey>,
    /// The next stage or lane added was asked for by Tab past the last one: Esc while naming
    /// it takes it away again, as nobody asked for it in so many words.
    tab_added: bool,
    /// The stage or lane being named was added by Tab (see `tab_added`).
    inline_tentative: bool,
    /// A card cell picked by a click on its empty space: typing starts a card there.
    armed: Option<(StageId, LaneId)>,
}

/// Presentation mode: readable zoom, a pointer dot, stronger highlights, the title view and
/// the keys' hint.
#[derive(Default)]
struct Presentation {
    presenting: bool,
    /// The view before presenting, given back when it ends.
    before_presenting: Option<(Vec2, f32)>,
    /// Place the map for presenting on the next frame (when the canvas has its size).
    present_pending: bool,
    /// The title view (the map's title and its persona) shows instead of the map.
    cover: bool,
    /// The keys' hint shows from the next frame…
    hint_pending: bool,
    /// … since this time (egui's clock), until it times out or a key is pressed.
    hint_since: Option<f64>,
    /// The hint has been shown this session: not again.
    hinted: bool,
}

/// Where the canvas senses the pointer: map rects to screen, clipped to the canvas.
struct Hits<'a> {
    tf: &'a Transform,
    clip: Rect,
    id: egui::Id,
}

impl Hits<'_> {
    fn sense(&self, ui: &mut Ui, salt: (&str, u32), rect: Rect, sense: Sense) -> Response {
        ui.interact(
            self.tf.rect(rect).intersect(self.clip),
            self.id.with(salt),
            sense,
        )
    }
}

impl Default for Canvas {
    fn default() -> Self {
        Self {
            camera: Camera::default(),
            style: Style::default(),
            palette: Palette::default(),
            layout: None,
            view: View {
                journey: crate::model::JourneyId(0),
                compare: None,
            },
            drag: Drag::Idle,
            drag_pointer: Pos2::ZERO,
            typing: Typing::default(),
            presentation: Presentation::default(),
            probe: None,
            overlays: true,
        }
    }
}

impl Canvas {
    pub fn zoom(&self) -> f32 {
        self.camera.zoom
    }

    /// The layout of the document's map as the view shows it, recomputed only when either
    /// changed.
    pub fn layout(&mut self, doc: &Document, view: &View) -> &Layout {
        let key = (
            doc.layout_revision(),
            *view,
            crate::i18n::current(),
            self.presentation.presenting,
        );
        if self.layout.as_ref().is_none_or(|(k, _)| *k != key) {
            // An overlay names its two curves in a legend under the map, as exports do. The
            // room sees no "+" strips (Tab past the last stage or lane still adds one).
            let style = Style {
                show_legend: view.is_overlay(),
                show_add_buttons: self.style.show_add_buttons && !self.presentation.presenting,
                ..self.style.clone()
            };
            self.layout = Some((key, layout::compute(doc.map(), view, &style)));
        }
        &self.layout.as_ref().expect("just computed").1
    }

    /// A new document: drop gestures and tf, fit it on the next frame.
    pub fn reset(&mut self) {
        let probe = self.probe.is_some();
        let hinted = self.presentation.hinted;
        *self = Self::default();
        self.presentation.hinted = hinted;
        if probe {
            self.enable_probe();
        }
    }

    pub fn request_fit(&mut self) {
        self.camera.fit_pending = true;
    }

    pub fn zoom_by(&mut self, factor: f32) {
        self.zoom_around(self.camera.rect.center(), factor);
    }

    /// Scrolls so a stage's column is in view (e.g. chosen in the gap panel).
    pub fn reveal_stage(&mut self, doc: &Document, view: &View, id: StageId) {
        let Some(column) = doc.map().stage_index(id) else {
            return;
        };
        let layout = self.layout(doc, view);
        let x = layout.columns[column].x;
        // The lane headers may stay pinned at the left edge (sticky): the stage must be clear
        // of them.
        let headers = layout.corner.width();
        let tf = self.transform();
        let span = (tf.pos(pos2(x.min, 0.0)).x, tf.pos(pos2(x.max, 0.0)).x);
        let left = self.camera.rect.left() + tf.len(headers);
        self.camera.pan.x += scroll_into_view(span, (left, self.camera.rect.right()));
    }

    /// Scrolls so a lane's row is in view (e.g. one just added).
    pub fn reveal_lane(&mut self, doc: &Document, view: &View, id: LaneId) {
        let Some(row) = doc.map().lane_index(id) else {
            return;
        };
        let layout = self.layout(doc, view);
        let y = layout.rows[row].y;
        // The stage headers (and phases) may stay pinned at the top (sticky).
        let headers = layout.corner.bottom() - layout.headers_top();
        let tf = self.transform();
        let span = (tf.pos(pos2(0.0, y.min)).y, tf.pos(pos2(0.0, y.max)).y);
        let top = self.camera.rect.top() + tf.len(headers);
        self.camera.pan.y += scroll_into_view(span, (top, self.camera.rect.bottom()));
    }

    /// Actual size, around the middle of the view, but with as much of the map on screen as
    /// fits: no empty canvas where the map could be.
    pub fn zoom_reset(&mut self) {
        let factor = 1.0 / self.camera.zoom;
        self.zoom_around(self.camera.rect.center(), factor);
        if let Some((_, layout)) = &self.layout {
            let size = layout.size * self.camera.zoom;
            let origin = self.camera.rect.min + self.camera.pan;
            self.camera.pan.x +=
                fill_view((origin.x, origin.x + size.x), self.camera.rect.x_range());
            self.camera.pan.y +=
                fill_view((origin.y, origin.y + size.y), self.camera.rect.y_range());
        }
    }

    /// Starts renaming a stage or lane in place (used right after adding one).
    pub fn rename_stage(&mut self, id: StageId, name: &str) {
        self.start_inline(Inline::RenameStage {
            id,
            text: name.to_owned(),
        });
    }

    pub fn rename_lane(&mut self, id: LaneId, name: &str) {
        self.start_inline(Inline::RenameLane {
            id,
            text: name.to_owned(),
        });
    }

    pub fn rename_phase(&mut self, id: crate::model::PhaseId, name: &str) {
        self.start_inline(Inline::RenamePhase {
            id,
            text: name.to_owned(),
        });
    }

    pub fn rename_card(&mut self, id: CardId, title: &str) {
        self.start_inline(Inline::CardTitle {
            id,
            text: title.to_owned(),
        });
    }

    pub fn set_overlays(&mut self, shown: bool) {
        self.overlays = shown;
    }

    pub fn is_busy(&self) -> bool {
        self.drag != Drag::Idle || self.typing.inline.is_some()
    }

    fn start_inline(&mut self, inline: Inline) {
        self.typing.inline = Some(inline);
        self.typing.inline_focused = false;
        self.typing.inline_merge = None;
        self.typing.inline_tentative = false;
        self.typing.keep_typed = false;
        self.typing.armed = None;
    }

    /// Names something just added (a stage, lane or phase) in place; the name joins the
    /// undo step that added it, under `key`.
    pub fn name_new(&mut self, key: crate::history::MergeKey) {
        if self.typing.inline.is_some() {
            self.typing.inline_merge = Some(key);
            self.typing.inline_tentative = std::mem::take(&mut self.typing.tab_added);
        }
    }

    fn zoom_around(&mut self, anchor: Pos2, factor: f32) {
        let zoom = (self.camera.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let origin = self.camera.rect.min + self.camera.pan;
        let new_origin = anchor - (anchor - origin) * (zoom / self.camera.zoom);
        self.camera.pan = new_origin - self.camera.rect.min;
        self.camera.zoom = zoom;
    }

    /// Zooms so the whole map shows, within `zoom_range`; a map too big for that range is
    /// shown from its top-left corner (where the journey starts).
    fn fit(&mut self, size: Vec2, zoom_range: std::ops::RangeInclusive<f32>) {
        let room = self.camera.rect.size() - Vec2::splat(16.0);
        if room.x <= 0.0 || room.y <= 0.0 {
            return;
        }
        self.camera.zoom = (room.x / size.x)
            .min(room.y / size.y)
            .clamp(*zoom_range.start(), *zoom_range.end());
        let used = size * self.camera.zoom;
        self.camera.pan = vec2(((self.camera.rect.width() - used.x) / 2.0).max(8.0), 8.0);
    }

    fn transform(&self) -> Transform {
        Transform {
            origin: self.camera.rect.min + self.camera.pan,
            zoom: self.camera.zoom,
        }
    }

    pub fn show(&mut self, ui: &mut Ui, doc: &Document, shown: &Shown, out: &mut Vec<Command>) {
        let Shown {
            view,
            pictures,
            selection,
            highlight,
        } = *shown;
        let (rect, background) =
            ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        self.camera.rect = rect;
        self.view = *view;
        self.layout(doc, view);
        let (key, layout) = self.layout.take().expect("layout cached above");
        if std::mem::take(&mut self.camera.fit_pending) {
            // The first tf stays readable (60–100 %); "fit map" shows everything, 10–200 %.
            let range = if self.camera.fitted_once {
                MIN_ZOOM..=2.0
            } else {
                0.6..=1.0
            };
            self.fit(layout.size, range);
            self.camera.fitted_once = true;
        }
        if self.presentation.presenting {
            self.place_for_presenting(&layout, ui.ctx().pixels_per_point());
        }
        if !self.presentation.cover {
            self.handle_view_input(ui, rect, &background);
        }
        self.page_with_keys(ui, &layout);
        if self.presentation.cover {
            let painter = ui.painter_at(rect);
            let least = present::LEAST_TEXT_PX / ui.ctx().pixels_per_point();
            paint::cover(
                &painter,
                doc.map(),
                view,
                pictures,
                &self.palette,
                rect,
                least,
            );
            self.paint_hint(ui, &painter, &layout);
            let pointer = ui.input(|i| i.pointer.hover_pos());
            self.paint_pointer(&painter, pointer, &self.transform());
            self.layout = Some((key, layout));
            return;
        }
        if selection != Selection::None {
            self.typing.armed = None;
        }
        self.type_into_armed_cell(ui, doc);
        let tf = self.transform();
        self.camera.pins = layout.pins(tf.to_map_rect(rect));

        let responses = self.interact(ui, doc, &layout, &tf, out);
        let marks = Marks {
            selected_card: match selection {
                Selection::Card(id) => Some(id),
                _ => None,
            },
            selected_stage: match selection {
                Selection::Stage(id) => Some(id),
                _ => None,
            },
            selected_lane: match selection {
                Selection::Lane(id) => Some(id),
                _ => None,
            },
            hovered_card: responses.hovered_card,
            lifted_card: match self.drag {
                Drag::Card { id, .. } => Some(id),
                _ => None,
            },
            highlighted_action: highlight,
            emphasis: self.presentation.presenting,
            selected_phase: match selection {
                Selection::Phase(id) => Some(id),
                _ => None,
            },
            selected_fork: match selection {
                Selection::Fork(id) => Some(id),
                _ => None,
            },
        };

        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, self.palette.background);
        let sheet = Sheet {
            map: doc.map(),
            view,
            layout: &layout,
            tf: &tf,
            palette: &self.palette,
            marks: &marks,
            pictures,
            pins: self.camera.pins,
        };
        paint::map(&painter, &sheet);
        self.paint_armed(&painter, doc, &layout);

        self.handle_drag(ui, doc, &layout, &tf, &background, out);
        self.handle_background(&layout, &tf, &background, out);
        self.show_inline_editor(ui, doc, &layout, &tf, out);
        if let (Selection::Card(id), Drag::Idle, None, true) =
            (selection, self.drag, &self.typing.inline, self.overlays)
        {
            self.show_feeling_bar(ui, doc, &layout, &tf, id, out);
        }
        self.paint_hint(ui, &painter, &layout);
        let pointer = ui.input(|i| i.pointer.hover_pos());
        self.paint_pointer(&painter, pointer, &tf);
        self.layout = Some((key, layout));
    }

    fn handle_view_input(&mut self, ui: &Ui, rect: Rect, background: &Response) {
        if background.dragged() && self.drag == Drag::Pan {
            self.camera.pan += background.drag_delta();
        }
        let hovered = ui.rect_contains_pointer(rect);
        if !hovered {
            return;
        }
        let (scroll, zoom, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        if zoom != 1.0 {
            self.zoom_around(pointer.unwrap_or(rect.center()), zoom);
        }
        self.camera.pan += scroll;
    }

    /// Registers the interactive parts of the visible map, topmost last.
    /// Senses the pointer over everything drawn in view, and turns clicks, double-clicks,
    /// context menus and drag starts into commands.
    fn interact(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        layout: &Layout,
        tf: &Transform,
        out: &mut Vec<Command>,
    ) -> Interactions {
        let map = doc.map();
        let visible = tf.to_map_rect(self.camera.rect);
        let (cols, rows) = layout.visible(visible);
        let hits = Hits {
            tf,
            clip: self.camera.rect,
            id: ui.scope_id().with("canvas"),
        };
        let hovered_card =
            self.interact_cards(ui, map, layout, &hits, (cols.clone(), rows.clone()), out);
        self.interact_headers(ui, map, layout, &hits, (cols, rows), out);
        self.interact_bands(ui, map, layout, &hits, visible, out);
        self.interact_curves(ui, map, layout, &hits, out);
        self.interact_add_strips(ui, layout, &hits, out);
        Interactions { hovered_card }
    }

    /// Cards: select, rename, drag, their menu; returns the card under the pointer.
    fn interact_cards(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        layout: &Layout,
        hits: &Hits,
        (cols, rows): (std::ops::Range<usize>, std::ops::Range<usize>),
        out: &mut Vec<Command>,
    ) -> Option<CardId> {
        let tf = hits.tf;
        let mut hovered = None;
        for r in rows {
            for c in cols.clone() {
                for slot in layout.cell(c, r) {
                    let card = &map.cards[slot.index];
                    let mut response =
                        hits.sense(ui, ("card", card.id.0), slot.rect, Sense::click_and_drag());
                    self.describe(&response, Role::Button, strings::card_label(&card.title));
                    // Why its moment matters (presenting, the callout beside the card says it).
                    let why = card
                        .moment
                        .as_ref()
                        .filter(|m| !m.why.trim().is_empty() && !self.presentation.presenting);
                    let notes = !card.notes.trim().is_empty();
                    if (notes || slot.text.more || why.is_some()) && self.drag == Drag::Idle {
                        // The whole title when the card cuts it, the moment's why, the notes.
                        response = response.on_hover_ui(|ui| {
                            ui.set_max_width(320.0);
                            if slot.text.more {
                                ui.label(egui::RichText::new(&card.title).strong());
                            }
                            if let Some(moment) = why {
                                let color = self.palette.moment_color(moment.kind);
                                ui.label(egui::RichText::new(moment.kind.label()).color(color));
                                ui.label(&moment.why);
                            }
                            if notes {
                                ui.label(&card.notes);
                            }
                        });
                    }
                    if response.hovered() {
                        hovered = Some(card.id);
                        ui.ctx().set_cursor_icon(CursorIcon::Grab);
                    }
                    if response.clicked() {
                        out.push(Command::Select(Selection::Card(card.id)));
                    }
                    if response.double_clicked() {
                        self.rename_card(card.id, &card.title);
                    }
                    response.context_menu(|ui| card_menu(ui, map, card, out));
                    if response.drag_started() && self.drag == Drag::Idle {
                        let pointer = response
                            .interact_pointer_pos()
                            .unwrap_or(tf.pos(slot.rect.min));
                        let grab = tf.to_map(pointer) - slot.rect.min;
                        self.drag = Drag::Card { id: card.id, grab };
                        out.push(Command::Select(Selection::Card(card.id)));
                    }
                }
            }
        }
        hovered
    }

    /// Stage and lane headers: select, rename, drag to reorder.
    fn interact_headers(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        layout: &Layout,
        hits: &Hits,
        (cols, rows): (std::ops::Range<usize>, std::ops::Range<usize>),
        out: &mut Vec<Command>,
    ) {
        for c in cols {
            let stage = &map.stages[c];
            let response = hits.sense(
                ui,
                ("stage", stage.id.0),
                layout.columns[c]
                    .header
                    .translate(vec2(0.0, self.camera.pins.y)),
                Sense::click_and_drag(),
            );
            self.header(
                &response,
                strings::stage_label(&stage.name),
                Selection::Stage(stage.id),
                Drag::Stage { id: stage.id },
                out,
            );
            if response.double_clicked() {
                self.rename_stage(stage.id, &stage.name);
            }
        }
        for r in rows {
            let lane = &map.lanes[r];
            let response = hits.sense(
                ui,
                ("lane", lane.id.0),
                layout.rows[r]
                    .header
                    .translate(vec2(self.camera.pins.x, 0.0)),
                Sense::click_and_drag(),
            );
            self.header(
                &response,
                strings::lane_label(&lane.name),
                Selection::Lane(lane.id),
                Drag::Lane { id: lane.id },
                out,
            );
            if response.double_clicked() {
                self.rename_lane(lane.id, &lane.name);
            }
        }
    }

    /// Phase bands and decision forks.
    fn interact_bands(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        layout: &Layout,
        hits: &Hits,
        visible: Rect,
        out: &mut Vec<Command>,
    ) {
        for band in &layout.phases {
            let Some(phase) = map.phase(band.id) else {
                continue;
            };
            let rect = band.rect.translate(vec2(0.0, self.camera.pins.y));
            if !rect.intersects(visible) {
                continue;
            }
            let response = hits.sense(ui, ("phase", phase.id.0), rect, Sense::click());
            self.describe(&response, Role::Button, strings::phase_label(&phase.name));
            if response.clicked() {
                out.push(Command::Select(Selection::Phase(phase.id)));
            }
            if response.double_clicked() {
                self.rename_phase(phase.id, &phase.name);
            }
            response.context_menu(|ui| phase_menu(ui, phase.id, out));
        }
        for shape in layout.forks() {
            let Some(fork) = map.fork(shape.id) else {
                continue;
            };
            if !shape.rect().intersects(visible) {
                continue;
            }
            let response = hits.sense(ui, ("fork", fork.id.0), shape.rect(), Sense::click());
            self.describe(&response, Role::Button, strings::fork_label(&fork.question));
            if response.clicked() {
                out.push(Command::Select(Selection::Fork(fork.id)));
            }
            response.context_menu(|ui| {
                if ui.button(strings::delete_decision()).clicked() {
                    let forks = map
                        .forks
                        .iter()
                        .filter(|f| f.id != fork.id)
                        .cloned()
                        .collect();
                    out.push(Command::Edit(Edit::SetForks(forks), None));
                    ui.close();
                }
            });
        }
    }

    /// The points of the emotion curves: drag to set a stage's feeling.
    fn interact_curves(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        layout: &Layout,
        hits: &Hits,
        out: &mut Vec<Command>,
    ) {
        for curve in &layout.curves {
            for point in &curve.points {
                let hit = Rect::from_center_size(
                    point.pos,
                    Vec2::splat(2.0 * self.style.curve_face_radius + 8.0),
                );
                let stage = &map.stages[point.column];
                let response = hits.sense(ui, ("curve", stage.id.0), hit, Sense::click_and_drag());
                self.describe(
                    &response,
                    Role::Slider,
                    strings::curve_point_label(&stage.name),
                );
                if response.hovered()
                    || matches!(self.drag, Drag::CurvePoint { stage: s, .. } if s == stage.id)
                {
                    ui.ctx().set_cursor_icon(CursorIcon::ResizeVertical);
                }
                if response.clicked() {
                    out.push(Command::Select(Selection::Stage(stage.id)));
                }
                if response.drag_started() && self.drag == Drag::Idle {
                    self.drag = Drag::CurvePoint {
                        stage: stage.id,
                        row: curve.row,
                        changed: false,
                    };
                }
                response.context_menu(|ui| {
                    if ui
                        .add_enabled(
                            point.manual,
                            egui::Button::new(strings::stage_feeling_average()),
                        )
                        .clicked()
                    {
                        out.push(Command::Edit(
                            Edit::SetStageFeeling {
                                journey: self.view.journey,
                                stage: stage.id,
                                feeling: None,
                            },
                            None,
                        ));
                        ui.close();
                    }
                });
            }
        }
    }

    /// The "+" strips after the last stage and under the last lane.
    fn interact_add_strips(
        &mut self,
        ui: &mut Ui,
        layout: &Layout,
        hits: &Hits,
        out: &mut Vec<Command>,
    ) {
        if let Some(rect) = layout.add_stage {
            let response = hits.sense(ui, ("add", 0), rect, Sense::click());
            self.describe(&response, Role::Button, strings::add_stage());
            if response.on_hover_text(strings::add_stage()).clicked() {
                // The "+" at the end of the headers adds at the end, whatever is selected.
                out.push(Command::Select(Selection::None));
                out.push(Command::AddStage);
            }
        }
        if let Some(rect) = layout.add_lane {
            let response = hits.sense(ui, ("add", 1), rect, Sense::click());
            self.describe(&response, Role::Button, strings::add_lane());
            if response.on_hover_text(strings::add_lane()).clicked() {
                // The "+" at the end of the headers adds at the end, whatever is selected.
                out.push(Command::Select(Selection::None));
                out.push(Command::AddLane);
            }
        }
    }

    /// Names a painted widget for screen readers, tests and the automation probe.
    fn describe(&mut self, response: &Response, role: Role, label: impl Into<String>) {
        let label = label.into();
        response.widget_info(|| WidgetInfo::labeled(role, true, &label));
        if let Some(probe) = &mut self.probe {
            probe.push((label, response.rect));
        }
    }

    /// Turns on recording of what [`Self::take_probe`] returns.
    pub fn enable_probe(&mut self) {
        self.probe = Some(Vec::new());
    }

    /// The labelled widgets of the last frame with their screen rects (points), if probing.
    pub fn take_probe(&mut self) -> Option<Vec<(String, Rect)>> {
        self.probe.as_mut().map(std::mem::take)
    }

    /// A stage or lane header: named, selectable, draggable.
    fn header(
        &mut self,
        response: &Response,
        label: String,
        select: Selection,
        drag: Drag,
        out: &mut Vec<Command>,
    ) {
        self.describe(response, Role::Button, label);
        if response.hovered() {
            response.ctx.set_cursor_icon(CursorIcon::Grab);
        }
        if response.clicked() || response.drag_started() {
            out.push(Command::Select(select));
        }
        if response.drag_started() && self.drag == Drag::Idle {
            self.drag = drag;
        }
    }

    fn handle_background(
        &mut self,
        layout: &Layout,
        tf: &Transform,
        background: &Response,
        out: &mut Vec<Command>,
    ) {
        let Some(pointer) = background.interact_pointer_pos() else {
            return;
        };
        let at = tf.to_map(pointer);
        if background.clicked() {
            out.push(Command::Select(Selection::None));
            // An empty spot of a card cell: typing will start a card there.
            let cell = layout
                .drop_target(at, None)
                .map(|target| (layout.columns[target.column].id, layout.rows[target.row].id));
            self.arm(cell);
        }
        if background.double_clicked()
            && let Some(target) = layout.drop_target(at, None)
        {
            let stage = layout.columns[target.column].id;
            let lane = layout.rows[target.row].id;
            self.start_inline(Inline::NewCard {
                stage,
                lane,
                index: target.index,
                text: String::new(),
            });
        }
    }

    fn show_feeling_bar(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        layout: &Layout,
        tf: &Transform,
        id: CardId,
        out: &mut Vec<Command>,
    ) {
        let (Some(card), Some(rect)) = (doc.map().card(id), layout.card_rect(id)) else {
            return;
        };
        let card_rect = tf.rect(rect);
        let canvas = self.camera.rect;
        if !canvas.intersects(card_rect) {
            return;
        }
        // A column of faces beside the card, on its right, or on its left where the canvas
        // ends: it covers neither the card, nor the cards under it, nor the inspector.
        const FACE: f32 = 26.0;
        let width = FACE + 2.0 * 3.0 + 2.0;
        let (anchor, pivot) = if card_rect.right() + 4.0 + width <= canvas.right() {
            (card_rect.right_top() + vec2(4.0, 0.0), Align2::LEFT_TOP)
        } else {
            (card_rect.left_top() - vec2(4.0, 0.0), Align2::RIGHT_TOP)
        };
        egui::Area::new(ui.scope_id().with("feeling bar"))
            .order(Order::Foreground)
            .fixed_pos(anchor)
            .pivot(pivot)
            .constrain_to(canvas)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style())
                    .inner_margin(3.0)
                    .show(ui, |ui| {
                        let label = |f: Option<Feeling>| {
                            format!(
                                "{}: {}",
                                strings::set_feeling(),
                                crate::model::Feeling::label_of(f)
                            )
                        };
                        if let Some(feeling) = feeling_column(ui, card.feeling, FACE, label) {
                            out.push(Command::Edit(
                                Edit::SetCard {
                                    id,
                                    field: CardField::Feeling(feeling),
                                },
                                None,
                            ));
                        }
                    });
            });
    }
}

#[derive(Default)]
struct Interactions {
    hovered_card: Option<CardId>,
}

/// Right-click menu of a card.
fn card_menu(ui: &mut Ui, map: &crate::model::Map, card: &Card, out: &mut Vec<Command>) {
    let select = Command::Select(Selection::Card(card.id));
    if map.can_become_action(card.id) {
        if ui.button(strings::turn_into_action()).clicked() {
            out.push(select.clone());
            out.push(Command::TurnIntoAction);
        }
        ui.separator();
    } else if let Some(action) = map.action_of_card(card.id) {
        if ui.button(strings::open_action()).clicked() {
            out.push(Command::Select(Selection::Action(action.id)));
        }
        ui.separator();
    } else if map.is_pain(card) {
        if ui.button(strings::action_for_pain()).clicked() {
            out.push(select.clone());
            out.push(Command::NewAction);
        }
        ui.separator();
    }
    for action in [
        super::Command::Rename,
        super::Command::Duplicate,
        super::Command::Delete,
    ] {
        if ui.button(action.label()).clicked() {
            out.push(select.clone());
            out.push(action);
        }
    }
    ui.separator();
    // A moment that matters: none, of gain, or of pain (its "why" is kept when switching).
    let current = card.moment_kind();
    for (kind, label) in [
        (None, strings::not_a_moment()),
        (Some(MomentKind::Gain), MomentKind::Gain.label()),
        (Some(MomentKind::Pain), MomentKind::Pain.label()),
    ] {
        if ui.radio(current == kind, label).clicked() && current != kind {
            let why = card
                .moment
                .as_ref()
                .map(|m| m.why.clone())
                .unwrap_or_default();
            let field = CardField::Moment(kind.map(|kind| Moment { kind, why }));
            out.push(Command::Edit(Edit::SetCard { id: card.id, field }, None));
            ui.close();
        }
    }
}

/// How far to scroll along one axis so `span` (screen coordinates) is inside `view`: not at
/// all when it already is, else just enough, with a margin, so what was in sight stays there
/// as far as it can.
fn scroll_into_view(span: (f32, f32), view: (f32, f32)) -> f32 {
    const MARGIN: f32 = 24.0;
    let (min, max) = span;
    if max - min + 2.0 * MARGIN > view.1 - view.0 || min < view.0 {
        view.0 + MARGIN - min
    } else if max > view.1 {
        view.1 - MARGIN - max
    } else {
        0.0
    }
}

/// How far to scroll along one axis so the map (`span`, on screen) leaves no empty canvas in
/// `view` that it could cover: a map smaller than the view comes wholly into it, a larger one
/// covers it.
fn fill_view(span: (f32, f32), view: egui::Rangef) -> f32 {
    let (min, max) = span;
    if max - min <= view.span() {
        if min < view.min {
            view.min - min
        } else if max > view.max {
            view.max - max
        } else {
            0.0
        }
    } else if min > view.min {
        view.min - min
    } else if max < view.max {
        view.max - max
    } else {
        0.0
    }
}

/// A new stage for "add stage": after the selected one, or at the end.
pub fn new_stage(doc: &Document, after: Option<StageId>) -> Edit {
    build::new_stage(doc.map(), after, strings::new_stage())
}

pub fn new_lane(doc: &Document, after: Option<LaneId>) -> Edit {
    build::new_lane(doc.map(), after, strings::new_lane())
}

/// The right-click menu of a phase band.
fn phase_menu(ui: &mut Ui, id: crate::model::PhaseId, out: &mut Vec<Command>) {
    if ui.button(strings::rename()).clicked() {
        out.push(Command::Select(Selection::Phase(id)));
        out.push(Command::Rename);
        ui.close();
    }
    if ui.button(strings::delete_phase()).clicked() {
        out.push(Command::Select(Selection::Phase(id)));
        out.push(Command::Delete);
        ui.close();
    }
}

#[cfg(test)]
mod tests {
    use super::{fill_view, scroll_into_view};

    #[test]
    fn scrolling_into_view_moves_no_further_than_needed() {
        let view = (0.0, 1000.0);
        // In sight: stays.
        assert_eq!(scroll_into_view((100.0, 300.0), view), 0.0);
        // Past the end: comes in just far enough, with the margin.
        assert_eq!(scroll_into_view((1100.0, 1300.0), view), -324.0);
        // Before the start: the same from the other side.
        assert_eq!(scroll_into_view((-500.0, -300.0), view), 524.0);
        // Wider than the view: its start is shown.
        assert_eq!(scroll_into_view((-500.0, 2000.0), view), 524.0);
    }

    #[test]
    fn actual_size_leaves_no_empty_canvas_the_map_could_cover() {
        let view = egui::Rangef::new(0.0, 1000.0);
        // Larger than the view, but leaving it empty below: moved down to cover it.
        assert_eq!(fill_view((-1500.0, 500.0), view), 500.0);
        // Larger and starting inside: moved up to the view's start.
        assert_eq!(fill_view((200.0, 2200.0), view), -200.0);
        // Covering it: stays.
        assert_eq!(fill_view((-100.0, 1500.0), view), 0.0);
        // Smaller, half out: wholly in.
        assert_eq!(fill_view((-200.0, 300.0), view), 200.0);
        assert_eq!(fill_view((800.0, 1300.0), view), -300.0);
        assert_eq!(fill_view((100.0, 600.0), view), 0.0);
    }
}
