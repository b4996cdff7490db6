//! Loading maps: a 10,000-card format-1 file migrated to the current format and validated, a
//! 10,000-card current-format file, and the gap analysis of a 10,000-card map.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use trayecto::format::{self, ron::v1};
use trayecto::{file, report, sample};

fn loading(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("format1.ron");
    std::fs::write(&old, v1::to_text(&sample::generated_v1(50, 10, 10_000))).unwrap();
    let current = dir.path().join("current.ron");
    file::save(&current, &sample::generated_with_target(50, 10, 5_000)).unwrap();
    let mut group = c.benchmark_group("load");
    group.bench_function("format1_migrated_10000", |b| {
        b.iter(|| {
            let loaded = file::open(&old).unwrap();
            assert_eq!(loaded.version, 1);
            black_box(loaded.map)
        })
    });
    group.bench_function("current_10000", |b| {
        b.iter(|| black_box(file::load(&current).unwrap()))
    });
    group.finish();
    let map = sample::generated_with_target(50, 10, 5_000);
    c.bench_function("gap/10000", |b| {
        b.iter(|| black_box(report::gap::table(&report::gap::analyse(&map).unwrap())))
    });
    c.bench_function("save_text/10000", |b| {
        b.iter(|| black_box(format::to_text(&map)))
    });
}

criterion_group!(benches, loading);
criterion_main!(benches);
