//! The workshop room's cost to the editor and to the phones:
//! - `room_frame`: one editor frame (1600×1000, room panel shown) on maps of 1,000 and 10,000
//!   cards, right after three participants' dots arrived (sent over loopback before the frame,
//!   outside the time measured): the frame takes them into the map and draws;
//! - `room_publish`: handing the room the editor's map after an edit (a copy under the lock);
//! - `room_state`: the `state` JSON a phone loads, for a map of 10,000 cards;
//! - `room_vote`: one vote, over loopback, from request to answer.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{RawInput, Rect, pos2, vec2};
use std::hint::black_box;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};
use trayecto::document::Document;
use trayecto::i18n::Lang;
use trayecto::model::{CardId, Map};
use trayecto::room::{Options, Server};
use trayecto::sample;
use trayecto::ui::{AppOptions, TrayectoApp};

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0))),
        ..RawInput::default()
    }
}

fn loopback() -> Options {
    Options {
        bind: "127.0.0.1".parse().unwrap(),
        port: Some(0),
    }
}

/// A generated map whose every card takes dots, with the most dots a participant may have.
fn votable(cards: usize) -> Map {
    let mut map = sample::generated(50, 10, cards);
    for lane in &map.lanes {
        map.room.votable_lanes.insert(lane.id, true);
    }
    map.room.dots = 99;
    map
}

/// Posts a vote and waits for the answer; the status.
fn vote(address: &str, participant: &str, card: CardId) -> u16 {
    let rest = address.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let body = format!(r#"{{"participant":"{participant}","card":{}}}"#, card.0);
    let mut stream = TcpStream::connect(host).unwrap();
    write!(
        stream,
        "POST /{path}votes HTTP/1.1\r\nHost: {host}\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer[9..12].parse().unwrap()
}

fn room_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("room_frame");
    for cards in [1_000, 10_000] {
        let map = votable(cards);
        let ids: Vec<CardId> = map.cards.iter().map(|c| c.id).collect();
        let ctx = egui::Context::default();
        let options = AppOptions {
            room: Some(loopback()),
            ..AppOptions::default()
        };
        let mut app = TrayectoApp::new(Document::new(map), options);
        for _ in 0..3 {
            let _ = ctx.run_ui(input(), |ui| app.show(ui));
        }
        let address = app.room_address().expect("the room is open").to_owned();
        let mut n = 0usize;
        group.bench_function(BenchmarkId::from_parameter(cards), |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    // Three people's dots arrive between two frames (not timed).
                    for _ in 0..3 {
                        n += 1;
                        let who = format!("p-{}", n % 20_000);
                        // The room takes at most 300 dots a second: wait when asked to.
                        while vote(&address, &who, ids[n % ids.len()]) == 429 {
                            std::thread::sleep(Duration::from_millis(5));
                        }
                    }
                    let start = Instant::now();
                    let output = ctx.run_ui(input(), |ui| app.show(ui));
                    black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
                    spent += start.elapsed();
                }
                spent
            });
        });
        assert!(
            app.document().map().votes.len() >= 3,
            "the frames took the dots"
        );
    }
    group.finish();
}

fn room_publish(c: &mut Criterion) {
    let map = votable(10_000);
    let journey = map.journeys[0].id;
    let server = Server::open(loopback(), &map, journey, Lang::En, Box::new(|| {})).unwrap();
    c.bench_function("room_publish/10000", |b| {
        b.iter(|| server.publish(black_box(&map), journey, Lang::En, true));
    });
}

fn room_state(c: &mut Criterion) {
    let map = votable(10_000);
    let journey = map.journeys[0].id;
    let server = Server::open(loopback(), &map, journey, Lang::En, Box::new(|| {})).unwrap();
    let address = server.address().to_owned();
    let rest = address.strip_prefix("http://").unwrap().to_owned();
    let (host, path) = rest.split_once('/').unwrap();
    c.bench_function("room_state/10000", |b| {
        b.iter(|| {
            let mut stream = TcpStream::connect(host).unwrap();
            write!(
                stream,
                "GET /{path}state?participant=p-1 HTTP/1.1\r\nHost: {host}\r\n\
                 Connection: close\r\n\r\n"
            )
            .unwrap();
            let mut answer = Vec::new();
            stream.read_to_end(&mut answer).unwrap();
            assert!(answer.starts_with(b"HTTP/1.1 200"));
            black_box(answer.len())
        });
    });
}

fn room_vote(c: &mut Criterion) {
    let map = votable(1_000);
    let journey = map.journeys[0].id;
    let ids: Vec<CardId> = map.cards.iter().map(|c| c.id).collect();
    let server = Server::open(loopback(), &map, journey, Lang::En, Box::new(|| {})).unwrap();
    let address = server.address().to_owned();
    let mut n = 0usize;
    c.bench_function("room_vote", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                // A fresh participant every 10 dots, and a pause between dots (not timed),
                // keep within the room's rate limits.
                let who = format!("p-{}", n / 10);
                std::thread::sleep(Duration::from_millis(4));
                let start = Instant::now();
                assert_eq!(vote(&address, &who, ids[n % ids.len()]), 201);
                spent += start.elapsed();
            }
            spent
        });
    });
}

criterion_group!(benches, room_frame, room_publish, room_state, room_vote);
criterion_main!(benches);
