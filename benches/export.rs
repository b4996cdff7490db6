//! Exporting a 20-stage × 8-lane map (200 cards) as a 2× PNG and as SVG, whole pipeline:
//! layout, painting, tessellation, rasterizing / SVG writing, PNG encoding (to memory).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use trayecto::export::{ExportOptions, ImageFormat, Scene, Subject};
use trayecto::sample;

fn export(c: &mut Criterion) {
    let map = sample::generated(20, 8, 200);
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("png_2x_20x8", |b| {
        let options = ExportOptions {
            scale: 2,
            ..ExportOptions::default()
        };
        b.iter(|| {
            let mut png = Vec::with_capacity(4 << 20);
            Scene::new(&Subject::of(&map), &options)
                .write_png(&mut png)
                .unwrap();
            black_box(png)
        });
    });
    group.bench_function("svg_20x8", |b| {
        let options = ExportOptions {
            format: ImageFormat::Svg,
            ..ExportOptions::default()
        };
        b.iter(|| black_box(Scene::new(&Subject::of(&map), &options).to_svg()));
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
