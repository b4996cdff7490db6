//! Never losing work, measured: the autosave's two halves for a 10,000-card map (the snapshot
//! taken on the UI thread, and the background write), editor frames while journals are being
//! written, and the recovery check at start-up.

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{RawInput, Rect, pos2, vec2};
use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use trayecto::document::Document;
use trayecto::edit::Edit;
use trayecto::recovery::{self, Autosave, Header};
use trayecto::ui::{AppOptions, TrayectoApp};
use trayecto::{file, sample};

fn header(map: &trayecto::model::Map) -> Header {
    Header {
        journal: 1,
        path: None,
        title: map.title.clone(),
        time: recovery::now_secs(),
        changes: 1,
        cards: map.cards.len(),
        pid: std::process::id(),
        shown: None,
        inbox: Vec::new(),
    }
}

fn autosave(c: &mut Criterion) {
    let map = sample::generated(50, 10, 10_000);
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("autosave");
    // What a frame pays when a journal is due: the snapshot handed to the worker.
    group.bench_function("snapshot_10000", |b| b.iter(|| black_box(map.clone())));
    // What the worker does with it: the text, then an atomic write.
    let file = dir.path().join("journal.ron");
    group.bench_function("write_10000", |b| {
        b.iter(|| {
            let text = recovery::journal_text(&header(&map), &map);
            file::write_atomically(&file, text.as_bytes(), file::Rules::own(0o600)).unwrap();
        })
    });
    // The whole path through `Autosave::tick`, waiting for the worker each time.
    let mut doc = Document::new(map.clone());
    let mut autosave = Autosave::new(Some(dir.path().to_path_buf()));
    let mut n = 0u64;
    group.bench_function("tick_and_write_10000", |b| {
        b.iter(|| {
            n += 1;
            doc.apply(Edit::SetTitle(format!("t{n}")), None).unwrap();
            let later = Instant::now() + Duration::from_secs(3);
            autosave.tick(&doc, Instant::now());
            autosave.tick(&doc, later);
            autosave.flush();
        })
    });
    group.finish();
}

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0))),
        ..RawInput::default()
    }
}

/// Editor frames at 10,000 cards while another thread writes 10,000-card journals without
/// pause (harsher than the real autosave, which writes at most once per 2 s).
fn frames_while_journaling(c: &mut Criterion) {
    let map = sample::generated(50, 10, 10_000);
    let dir = tempfile::tempdir().unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (stop, map, file) = (stop.clone(), map.clone(), dir.path().join("j.ron"));
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let text = recovery::journal_text(&header(&map), &map);
                file::write_atomically(&file, text.as_bytes(), file::Rules::own(0o600)).unwrap();
            }
        })
    };
    let ctx = egui::Context::default();
    trayecto::ui::install_style(&ctx);
    let mut app = TrayectoApp::new(Document::new(map), AppOptions::default());
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.show(ui));
    }
    let mut slowest = Duration::ZERO;
    c.bench_function("frame_while_journaling/10000", |b| {
        b.iter(|| {
            let start = Instant::now();
            let output = ctx.run_ui(input(), |ui| app.show(ui));
            black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
            slowest = slowest.max(start.elapsed());
        })
    });
    eprintln!(
        "slowest frame while journaling: {:.2} ms",
        slowest.as_secs_f64() * 1e3
    );
    stop.store(true, Ordering::Relaxed);
    writer.join().unwrap();
}

/// Start-up's look for unsaved work: five journals of 10,000-card maps in the folder.
fn recovery_check(c: &mut Criterion) {
    let map = sample::generated(50, 10, 10_000);
    let data = tempfile::tempdir().unwrap();
    let folder = recovery::journal_dir(data.path());
    std::fs::create_dir_all(&folder).unwrap();
    let mut h = header(&map);
    h.pid = u32::MAX - 1;
    let text = recovery::journal_text(&h, &map);
    for i in 0..5 {
        std::fs::write(folder.join(format!("old-{i}.ron")), &text).unwrap();
    }
    c.bench_function("recovery_check/5x10000", |b| {
        b.iter(|| black_box(recovery::list(data.path(), false)))
    });
}

criterion_group!(benches, autosave, frames_while_journaling, recovery_check);
criterion_main!(benches);
