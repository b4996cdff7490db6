//! Other tools' formats and PDF: reading a 10,000-card spreadsheet, Mermaid diagram and
//! OpenJourney file (text already in memory), and the PDF of the pizza and of a 10,000-card
//! map beside the PNG of the same map.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use trayecto::export::{ExportOptions, ImageFormat, PageSize, Scene, Subject};
use trayecto::format;
use trayecto::{sample, templates};

fn imports(c: &mut Criterion) {
    let map = sample::generated(40, 8, 10_000);
    let journey = map.journeys[0].id;
    let mut group = c.benchmark_group("import_10k");
    group.sample_size(20);
    for id in ["csv", "mermaid", "ojf"] {
        let format = format::by_id(id).unwrap();
        let text = (format.write)(&map, journey).text;
        group.bench_function(id, |b| b.iter(|| black_box((format.read)(&text).unwrap())));
    }
    group.finish();
}

fn pdf(c: &mut Criterion) {
    let pizza = templates::load_in("pizza", trayecto::i18n::Lang::En).unwrap();
    let large = sample::generated(40, 8, 10_000);
    let options = ExportOptions {
        format: ImageFormat::Pdf,
        ..ExportOptions::default()
    };
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.bench_function("pizza", |b| {
        b.iter(|| black_box(Scene::new(&Subject::of(&pizza), &options).to_pdf(PageSize::Fit)))
    });
    group.bench_function("pizza_a4", |b| {
        b.iter(|| black_box(Scene::new(&Subject::of(&pizza), &options).to_pdf(PageSize::A4)))
    });
    group.bench_function("cards_10k", |b| {
        b.iter(|| black_box(Scene::new(&Subject::of(&large), &options).to_pdf(PageSize::Fit)))
    });
    group.bench_function("png_1x_cards_10k", |b| {
        let png = ExportOptions {
            scale: 1,
            ..ExportOptions::default()
        };
        b.iter(|| {
            let mut out = Vec::with_capacity(16 << 20);
            Scene::new(&Subject::of(&large), &png)
                .write_png(&mut out)
                .unwrap();
            black_box(out)
        })
    });
    group.finish();
}

criterion_group!(benches, imports, pdf);
criterion_main!(benches);
