//! One frame of the editor window (menus, inspector, canvas with its layout cached and only the
//! visible part painted, then tessellation) for 50-stage × 10-lane maps of 100, 1,000 and 10,000
//! cards, in a 1600×1000 window, in the view the editor opens such a map with (60 % zoom, top-left).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{RawInput, Rect, pos2, vec2};
use std::hint::black_box;
use trayecto::document::Document;
use trayecto::ui::{AppOptions, TrayectoApp};
use trayecto::{layout, sample};

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0))),
        ..RawInput::default()
    }
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    for cards in [100, 1_000, 10_000] {
        let ctx = egui::Context::default();
        trayecto::ui::install_style(&ctx);
        let map = sample::generated(50, 10, cards);
        let mut app = TrayectoApp::new(Document::new(map), AppOptions::default());
        // Warm up: the first frames lay the map out and fill egui's text caches.
        for _ in 0..3 {
            let output = ctx.run_ui(input(), |ui| app.show(ui));
            assert!(output.shapes.len() > 10, "the frame draws the map");
        }
        group.bench_function(BenchmarkId::from_parameter(cards), |b| {
            b.iter(|| {
                let output = ctx.run_ui(input(), |ui| app.show(ui));
                black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
            });
        });
    }
    group.finish();
}

fn layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    for cards in [1_000, 10_000] {
        let map = sample::generated(50, 10, cards);
        let style = layout::Style::default();
        group.bench_function(BenchmarkId::from_parameter(cards), |b| {
            b.iter(|| black_box(layout::compute(&map, &style)))
        });
    }
    group.finish();
}

criterion_group!(benches, frame, layout);
criterion_main!(benches);
