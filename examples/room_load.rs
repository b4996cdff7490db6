//! Load on a running workshop room, as a room of phones gives it: N participants at once
//! (60 unless told), each loading the state, putting 3 dots on cards and sending a note.
//! Prints every request's latency as p50 / p90 / p99 / max, and what failed.
//!
//! `cargo run --release --example room_load -- http://HOST:PORT/r/TOKEN/ [N]`
//! (the address `trayecto MAP --room` prints; the host is replaced by 127.0.0.1).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

/// One request; its status, body and how long it took.
fn request(host: &str, path: &str, method: &str, body: &str) -> (u16, String, Duration) {
    let started = Instant::now();
    let mut stream = TcpStream::connect(host).expect("the room listens");
    let _ = stream.set_nodelay(true);
    let message = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(message.as_bytes()).expect("sent");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("answered");
    let status = answer.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = answer
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_owned());
    (status, body, started.elapsed())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let address = args.next().expect("the room's address");
    let people: usize = args.next().map_or(60, |n| n.parse().expect("a number"));
    let rest = address.strip_prefix("http://").expect("an http address");
    let (authority, path) = rest.split_once('/').expect("a path");
    let port = authority.rsplit_once(':').expect("a port").1;
    let host = format!("127.0.0.1:{port}");
    let base = format!("/{path}");
    let run = format!("{}", std::process::id());
    let start = Arc::new(Barrier::new(people));
    let threads: Vec<_> = (0..people)
        .map(|i| {
            let (host, base, start, run) = (host.clone(), base.clone(), start.clone(), run.clone());
            std::thread::spawn(move || {
                let who = format!("p-{run}-{i}");
                let mut times = Vec::new();
                let mut failed = Vec::new();
                start.wait();
                let (status, body, took) =
                    request(&host, &format!("{base}state?participant={who}"), "GET", "");
                times.push(took);
                if status != 200 {
                    failed.push(format!("state {status}"));
                    return (times, failed);
                }
                let state: serde_json::Value = serde_json::from_str(&body).expect("JSON");
                let cards: Vec<u64> = state["cards"]
                    .as_array()
                    .expect("cards")
                    .iter()
                    .filter_map(|c| c["id"].as_u64())
                    .collect();
                for k in 0..3 {
                    let card = cards[(i + k) % cards.len()];
                    let vote = format!(r#"{{"participant":"{who}","card":{card}}}"#);
                    let (status, body, took) =
                        request(&host, &format!("{base}votes"), "POST", &vote);
                    times.push(took);
                    if status != 201 {
                        failed.push(format!("vote {status} {body}"));
                    }
                }
                let stages = state["stages"].as_array().expect("stages");
                let stage = &stages[i % stages.len()]["id"];
                let note =
                    format!(r#"{{"participant":"{who}","stage":{stage},"text":"note {i}"}}"#);
                let (status, body, took) = request(&host, &format!("{base}notes"), "POST", &note);
                times.push(took);
                if status != 201 {
                    failed.push(format!("note {status} {body}"));
                }
                (times, failed)
            })
        })
        .collect();
    let started = Instant::now();
    let mut times = Vec::new();
    let mut failed = Vec::new();
    for thread in threads {
        let (t, f) = thread.join().expect("a participant");
        times.extend(t);
        failed.extend(f);
    }
    let total = started.elapsed();
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{people} participants, {} requests in {:.0} ms: p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {} failed",
        times.len(),
        ms(total),
        ms(at(0.5)),
        ms(at(0.9)),
        ms(at(0.99)),
        ms(*times.last().expect("some")),
        failed.len()
    );
    for f in failed.iter().take(5) {
        println!("  {f}");
    }
}
