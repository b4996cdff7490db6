//! One frame of the editor window (menus, inspector, journey bar, canvas with its layout cached
//! and only the visible part painted, then tessellation), in a 1600×1000 window, in the view
//! the editor opens a map with (60 % zoom, top-left):
//! - `frame`: 50-stage × 10-lane maps of 100, 1,000 and 10,000 cards;
//! - `frame_overlay`: the current journey with the target's curve over it, 1,000 cards each;
//! - `frame_after_edit`: a frame right after an edit, so the layout is computed again;
//! - `frame_phases_forks`: 1,000 cards with ten phases and ten three-way decisions drawn;
//! - `frame_after_language_switch`: the frame after switching language (laid out again);
//! - `frame_board`: the roadmap board with 1,000 actions; `frame_table`: the action table with
//!   10,000 actions sorted by owner;
//! - `frame_fitted`: the whole map fitted in the window (Ctrl+0), where no card is culled:
//!   1,000 and 10,000 cards on 20 × 8, and 10,000 cards on 50 × 10; and the same 10,000 cards
//!   zoomed out to the least zoom at which card titles are still drawn as words (`legible`),
//!   the most cards with words on one screen;
//! - `frame_presenting`: presentation mode, scrolled down so the headers are pinned, 1,000
//!   cards;
//! - `layout`: the layout alone (cards grown to their whole titles).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{RawInput, Rect, pos2, vec2};
use std::hint::black_box;
use trayecto::document::Document;
use trayecto::edit::Edit;
use trayecto::model::Map;
use trayecto::ui::{AppOptions, Command, Screen, SortBy, TrayectoApp};
use trayecto::view::View;
use trayecto::{layout, sample};

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0))),
        ..RawInput::default()
    }
}

/// The app on `map`, warmed up: the first frames lay the map out and fill egui's text caches.
fn app(ctx: &egui::Context, map: Map, view: Option<View>) -> TrayectoApp {
    let mut app = TrayectoApp::new(Document::new(map), AppOptions::default());
    if let Some(view) = view {
        app.set_view(view);
    }
    for _ in 0..3 {
        let output = ctx.run_ui(input(), |ui| app.show(ui));
        assert!(output.shapes.len() > 10, "the frame draws the map");
    }
    app
}

fn frame_of(ctx: &egui::Context, app: &mut TrayectoApp) {
    let output = ctx.run_ui(input(), |ui| app.show(ui));
    black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    for cards in [100, 1_000, 10_000] {
        let ctx = egui::Context::default();
        let mut app = app(&ctx, sample::generated(50, 10, cards), None);
        group.bench_function(BenchmarkId::from_parameter(cards), |b| {
            b.iter(|| frame_of(&ctx, &mut app));
        });
    }
    group.finish();
}

fn frame_overlay(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let map = sample::generated_with_target(50, 10, 1_000);
    let overlay = View::overlay(&map).expect("a current and a target journey");
    let mut app = app(&ctx, map, Some(overlay));
    assert!(app.view().is_overlay());
    c.bench_function("frame_overlay/1000", |b| {
        b.iter(|| frame_of(&ctx, &mut app));
    });
}

fn frame_after_edit(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut app = app(&ctx, sample::generated_with_target(50, 10, 1_000), None);
    let mut n = 0u32;
    c.bench_function("frame_after_edit/1000", |b| {
        b.iter(|| {
            n += 1;
            app.queue_edit(Edit::RenameStage {
                id: trayecto::model::StageId(1),
                name: format!("Stage {n}"),
            });
            // The edit is applied at the end of this frame; the next one lays out again.
            frame_of(&ctx, &mut app);
            frame_of(&ctx, &mut app);
        });
    });
}

fn frame_phases_forks(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let map = sample::generated_with_phases_and_forks(50, 10, 1_000);
    let mut app = app(&ctx, map, None);
    c.bench_function("frame_phases_forks/1000", |b| {
        b.iter(|| frame_of(&ctx, &mut app));
    });
    let mut spanish = false;
    c.bench_function("frame_after_language_switch/1000", |b| {
        b.iter(|| {
            spanish = !spanish;
            app.set_language(if spanish {
                trayecto::i18n::Lang::Es
            } else {
                trayecto::i18n::Lang::En
            });
            // Switched at the end of this frame; the next one lays out again.
            frame_of(&ctx, &mut app);
            frame_of(&ctx, &mut app);
        });
    });
}

fn frame_fitted(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_fitted");
    for (stages, lanes, cards) in [(20, 8, 1_000), (20, 8, 10_000), (50, 10, 10_000)] {
        let ctx = egui::Context::default();
        let mut app = app(&ctx, sample::generated(stages, lanes, cards), None);
        app.run(Command::FitMap);
        frame_of(&ctx, &mut app);
        frame_of(&ctx, &mut app);
        group.bench_function(format!("{stages}x{lanes}/{cards}"), |b| {
            b.iter(|| frame_of(&ctx, &mut app));
        });
    }
    // From the opening 60 %, out to the last zoom step at which titles are still words.
    let ctx = egui::Context::default();
    let mut app = app(&ctx, sample::generated(50, 10, 10_000), None);
    let mut zoom = 0.6;
    while trayecto::paint::cards_legible(zoom * 0.8, 1.0) {
        app.run(Command::ZoomOut);
        frame_of(&ctx, &mut app);
        zoom *= 0.8;
    }
    frame_of(&ctx, &mut app);
    assert!(trayecto::paint::cards_legible(zoom, 1.0));
    group.bench_function("legible_50x10/10000", |b| {
        b.iter(|| frame_of(&ctx, &mut app));
    });
    group.finish();
}

fn frame_presenting(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut app = app(&ctx, sample::generated(50, 10, 1_000), None);
    app.run(Command::Present);
    frame_of(&ctx, &mut app);
    frame_of(&ctx, &mut app);
    // Scrolled down and along, so both the stage and the lane headers are pinned.
    for key in [
        egui::Key::ArrowDown,
        egui::Key::ArrowDown,
        egui::Key::PageDown,
    ] {
        let mut input = input();
        input.events.push(egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        });
        let output = ctx.run_ui(input, |ui| app.show(ui));
        black_box(output);
    }
    assert!(app.is_presenting());
    c.bench_function("frame_presenting/1000", |b| {
        b.iter(|| frame_of(&ctx, &mut app));
    });
}

/// The roadmap board with 1,000 actions, and the action table with 10,000 sorted by a column
/// (each frame builds only the rows on screen).
fn roadmap(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let map = sample::generated_with_actions(20, 8, 500, 1_000);
    let mut board = app(&ctx, map, None);
    board.set_screen(Screen::Roadmap);
    frame_of(&ctx, &mut board);
    c.bench_function("frame_board/1000", |b| {
        b.iter(|| frame_of(&ctx, &mut board))
    });

    let ctx = egui::Context::default();
    let map = sample::generated_with_actions(20, 8, 500, 10_000);
    let mut table = app(&ctx, map, None);
    table.set_screen(Screen::Actions);
    table.sort_actions(SortBy::Owner);
    frame_of(&ctx, &mut table);
    frame_of(&ctx, &mut table);
    c.bench_function("frame_table/10000", |b| {
        b.iter(|| frame_of(&ctx, &mut table))
    });
}

fn layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    for cards in [1_000, 10_000] {
        let map = sample::generated(50, 10, cards);
        let view = View::of(&map);
        let style = layout::Style::default();
        group.bench_function(BenchmarkId::from_parameter(cards), |b| {
            b.iter(|| black_box(layout::compute(&map, &view, &style)))
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    frame,
    frame_overlay,
    frame_after_edit,
    frame_phases_forks,
    frame_fitted,
    frame_presenting,
    roadmap,
    layout
);
criterion_main!(benches);
