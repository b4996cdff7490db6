//! The room's web server, on the standard library's sockets: one thread accepts, and each
//! connection gets a thread of its own (up to a bound), so a slow phone holds up nobody but
//! itself. Every socket reads and writes with a timeout and every request has a deadline, so
//! a stuck phone lets go of its thread. One request per connection: phones on a local network
//! gain nothing from keeping them, and the server stays simple. Request heads are parsed by
//! `httparse`.
//!
//! (tiny_http was tried first: it cannot time out a socket's reads — timeouts set on its
//! listening socket make `accept` fail, which ends its accept thread for good.)
//!
//! Routes, all under `/r/TOKEN/`: the page (`""`, `room.css`, `room.js`), `map.svg`, `state`,
//! `votes`, `notes` and `events` (server-sent events; a last `closed` event when the room
//! closes). Anything else, and any other token, is a
//! 404 that says nothing of the map.

use super::live::{BODY_LIMIT, Refused};
use super::{Options, RoomError, Shared, page};
use crate::export::{Background, Drawing, ExportOptions, ImageFormat, Scene, Subject};
use crate::view::View;
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// How long a socket may wait for a phone to send or take bytes.
const SOCKET_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a whole request, head and body, may take to arrive.
const REQUEST_DEADLINE: Duration = Duration::from_secs(5);
/// Longest request head (request line and headers).
const HEAD_LIMIT: usize = 8 * 1024;
/// Connections handled at once; past it, phones are asked to come back.
const MAX_ACTIVE: usize = 512;
/// Live-update streams at once.
const MAX_STREAMS: usize = 400;
/// A comment on each idle stream this often, so phones and routers keep it open.
const PING: Duration = Duration::from_secs(15);
/// A live-update stream ends after this long; the phone opens another at once.
const STREAM_LIFETIME: Duration = Duration::from_secs(600);

/// TCP keepalive on a long-lived connection: probes after 30 s of silence, every 10 s, given
/// up after 3 unanswered.
fn keep_alive(stream: &TcpStream) {
    use std::os::fd::AsRawFd;
    let fd = stream.as_raw_fd();
    for (level, option, value) in [
        (libc::SOL_SOCKET, libc::SO_KEEPALIVE, 1),
        (libc::IPPROTO_TCP, libc::TCP_KEEPIDLE, 30),
        (libc::IPPROTO_TCP, libc::TCP_KEEPINTVL, 10),
        (libc::IPPROTO_TCP, libc::TCP_KEEPCNT, 3),
    ] {
        let value: libc::c_int = value;
        // SAFETY: a valid socket, and an int that lives through the call.
        unsafe {
            libc::setsockopt(
                fd,
                level,
                option,
                (&value as *const libc::c_int).cast(),
                size_of::<libc::c_int>() as libc::socklen_t,
            );
        }
    }
}

/// Listens where the options say: the asked port, else [`super::DEFAULT_PORT`], else any.
pub(super) fn listen(options: Options) -> Result<TcpListener, RoomError> {
    let listener = match options.port {
        Some(port) => TcpListener::bind((options.bind, port)),
        None => TcpListener::bind((options.bind, super::DEFAULT_PORT))
            .or_else(|_| TcpListener::bind((options.bind, 0))),
    };
    listener.map_err(|e| RoomError::Listen {
        at: host_port(options.bind, options.port.unwrap_or(super::DEFAULT_PORT)),
        reason: e.to_string(),
    })
}

/// The host phones reach the room by: the bind address when it is one, else this computer's
/// address on the network it would use to reach others (no packet is sent), else loopback.
pub(super) fn host_for(bind: IpAddr) -> IpAddr {
    if !bind.is_unspecified() {
        return bind;
    }
    // A private address of each usual kind, then a public one: the first route found wins.
    let targets = [
        "192.168.255.254:9",
        "10.255.255.254:9",
        "172.31.255.254:9",
        "192.0.2.1:9",
    ];
    for target in targets {
        let Ok(socket) = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)) else {
            continue;
        };
        if socket.connect(target).is_ok()
            && let Ok(local) = socket.local_addr()
            && !local.ip().is_loopback()
            && !local.ip().is_unspecified()
        {
            return local.ip();
        }
    }
    IpAddr::V4(Ipv4Addr::LOCALHOST)
}

pub(super) fn host_port(host: IpAddr, port: u16) -> String {
    SocketAddr::new(host, port).to_string()
}

/// Where to knock to wake the accepting thread when the room closes.
pub(super) fn wake_address(listener: &TcpListener) -> Option<SocketAddr> {
    let mut local = listener.local_addr().ok()?;
    if local.ip().is_unspecified() {
        local.set_ip(match local.ip() {
            IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(_) => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        });
    }
    Some(local)
}

/// Starts the thread that accepts connections, until the room closes.
pub(super) fn spawn(listener: TcpListener, shared: Arc<Shared>) -> std::thread::JoinHandle<()> {
    std::thread::Builder::new()
        .name("room".into())
        .spawn(move || {
            for stream in listener.incoming() {
                if !shared.lock().open {
                    break;
                }
                let Ok(mut stream) = stream else {
                    // Out of file handles, or a connection gone before it was taken: the
                    // room goes on listening.
                    std::thread::sleep(Duration::from_millis(20));
                    continue;
                };
                let _ = stream.set_read_timeout(Some(SOCKET_TIMEOUT));
                let _ = stream.set_write_timeout(Some(SOCKET_TIMEOUT));
                let _ = stream.set_nodelay(true);
                let Ok(peer) = stream.peer_addr().map(|a| a.ip()) else {
                    continue;
                };
                // One device holds a few connections, not the room's.
                if !shared.lock().limits.connect(peer, Instant::now()) {
                    continue;
                }
                if shared.active.fetch_add(1, Ordering::SeqCst) >= MAX_ACTIVE {
                    shared.active.fetch_sub(1, Ordering::SeqCst);
                    shared.lock().limits.disconnect(peer);
                    respond(&mut stream, &Answer::text(503, "Busy"));
                    continue;
                }
                let worker = Arc::clone(&shared);
                let spawned = std::thread::Builder::new()
                    .name("room-connection".into())
                    .stack_size(512 * 1024)
                    .spawn(move || {
                        connection(&worker, stream, peer);
                        worker.lock().limits.disconnect(peer);
                        worker.active.fetch_sub(1, Ordering::SeqCst);
                    });
                if spawned.is_err() {
                    shared.active.fetch_sub(1, Ordering::SeqCst);
                    shared.lock().limits.disconnect(peer);
                }
            }
        })
        .expect("the room's thread starts")
}

/// A request as the room reads it.
struct Request {
    method: String,
    /// The path and query, as sent.
    target: String,
    body: Vec<u8>,
}

/// Why a request could not be read.
enum Unreadable {
    /// Gone, or too slow: nothing to answer.
    Gone,
    /// Answer this, then close.
    Answer(Answer),
}

/// Reads one request: a head of at most [`HEAD_LIMIT`] bytes and a body of at most
/// [`BODY_LIMIT`], both within [`REQUEST_DEADLINE`].
fn read_request(stream: &mut TcpStream) -> Result<Request, Unreadable> {
    let started = Instant::now();
    let mut buffer = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    let (head_len, method, target, length) = loop {
        let Some(left) = REQUEST_DEADLINE.checked_sub(started.elapsed()) else {
            return Err(Unreadable::Answer(Answer::text(408, "Request timeout")));
        };
        // No read waits past the request's deadline, however slowly the bytes come.
        let _ = stream.set_read_timeout(Some(left.max(Duration::from_millis(1))));
        let n = match stream.read(&mut chunk) {
            Ok(0) => return Err(Unreadable::Gone),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return Err(Unreadable::Gone),
        };
        buffer.extend_from_slice(&chunk[..n]);
        let mut headers = [httparse::EMPTY_HEADER; 32];
        let mut parsed = httparse::Request::new(&mut headers);
        match parsed.parse(&buffer) {
            // A head may complete past the limit in the read that crossed it.
            Ok(httparse::Status::Complete(len)) if len > HEAD_LIMIT => {
                return Err(Unreadable::Answer(Answer::text(431, "Header too large")));
            }
            Ok(httparse::Status::Complete(len)) => {
                let method = parsed.method.unwrap_or_default().to_owned();
                let target = parsed.path.unwrap_or_default().to_owned();
                let mut length = 0usize;
                for h in parsed.headers.iter() {
                    if h.name.eq_ignore_ascii_case("transfer-encoding") {
                        return Err(Unreadable::Answer(Answer::text(411, "Length required")));
                    }
                    if h.name.eq_ignore_ascii_case("content-length") {
                        length = std::str::from_utf8(h.value)
                            .ok()
                            .and_then(|v| v.trim().parse().ok())
                            .ok_or(Unreadable::Answer(Answer::text(400, "Bad request")))?;
                    }
                }
                break (len, method, target, length);
            }
            Ok(httparse::Status::Partial) if buffer.len() <= HEAD_LIMIT => {}
            Ok(httparse::Status::Partial) => {
                return Err(Unreadable::Answer(Answer::text(431, "Header too large")));
            }
            Err(_) => return Err(Unreadable::Answer(Answer::text(400, "Bad request"))),
        }
    };
    if length > BODY_LIMIT {
        return Err(Unreadable::Answer(Answer::refused(&Refused::BodyTooLarge)));
    }
    let mut body = buffer.split_off(head_len);
    while body.len() < length {
        let Some(left) = REQUEST_DEADLINE.checked_sub(started.elapsed()) else {
            return Err(Unreadable::Answer(Answer::text(408, "Request timeout")));
        };
        let _ = stream.set_read_timeout(Some(left.max(Duration::from_millis(1))));
        match stream.read(&mut chunk) {
            Ok(0) => return Err(Unreadable::Gone),
            Ok(n) => body.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return Err(Unreadable::Gone),
        }
    }
    body.truncate(length);
    Ok(Request {
        method,
        target,
        body,
    })
}

/// An answer to write: status, type, body, and where to go for a redirect.
struct Answer {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
}

impl Answer {
    fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Answer {
            status,
            content_type,
            body: body.into(),
            location: None,
        }
    }

    fn text(status: u16, body: &str) -> Self {
        Answer::new(status, "text/plain; charset=utf-8", body)
    }

    fn json(status: u16, body: String) -> Self {
        Answer::new(status, "application/json; charset=utf-8", body)
    }

    fn refused(refused: &Refused) -> Self {
        Answer::json(refused.status(), refused.body())
    }

    fn not_found() -> Self {
        Answer::text(404, "Not found")
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Headers every answer carries: nothing cached, nothing sniffed, no address (with its token)
/// handed to other sites, and the page's own files only.
const GUARDS: &str = "Cache-Control: no-store\r\n\
    X-Content-Type-Options: nosniff\r\n\
    Referrer-Policy: no-referrer\r\n\
    X-Frame-Options: DENY\r\n\
    Content-Security-Policy: default-src 'self'; img-src 'self' data:; \
    style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; base-uri 'none'; \
    form-action 'none'; frame-ancestors 'none'\r\n";

fn respond(stream: &mut TcpStream, answer: &Answer) {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{GUARDS}Connection: close\r\n",
        answer.status,
        reason(answer.status),
        answer.content_type,
        answer.body.len(),
    );
    if let Some(location) = &answer.location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(&answer.body))
        .and_then(|()| stream.flush());
    let _ = stream.shutdown(Shutdown::Write);
}

/// The part of the path after `/r/TOKEN/` and the query, when the token is the room's.
/// `None` for anything else; `Some(None)` for `/r/TOKEN` without its slash.
fn route<'a>(shared: &Shared, url: &'a str) -> Option<Option<(&'a str, &'a str)>> {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let rest = path.strip_prefix("/r/")?;
    let (token, rest) = match rest.split_once('/') {
        Some((token, rest)) => (token, Some(rest)),
        None => (rest, None),
    };
    if !shared.token.matches(token) {
        return None;
    }
    Some(rest.map(|rest| (rest, query)))
}

/// One connection: one request, one answer (or a stream of live updates).
fn connection(shared: &Shared, mut stream: TcpStream, peer: IpAddr) {
    // Every answer speaks the room's language, refusals too.
    let lang = shared.lock().lang;
    crate::i18n::set(lang);
    let request = match read_request(&mut stream) {
        Ok(request) => request,
        Err(Unreadable::Gone) => return,
        Err(Unreadable::Answer(answer)) => return respond(&mut stream, &answer),
    };
    let now = Instant::now();
    let Some(found) = route(shared, &request.target) else {
        // A wrong key or path spends a budget of its own, not the room's; past it, silence.
        if shared.lock().limits.stranger(now) {
            respond(&mut stream, &Answer::not_found());
        }
        return;
    };
    {
        let mut live = shared.lock();
        if !live.open {
            drop(live);
            return respond(&mut stream, &Answer::refused(&Refused::Closed));
        }
        if !live.limits.read(peer, now) {
            drop(live);
            return respond(&mut stream, &Answer::refused(&Refused::RateLimited));
        }
    }
    let Some((path, query)) = found else {
        let mut moved = Answer::text(301, "");
        // The slash goes after the path, before any query.
        moved.location = Some(match request.target.split_once('?') {
            Some((path, query)) => format!("{path}/?{query}"),
            None => format!("{}/", request.target),
        });
        return respond(&mut stream, &moved);
    };
    let answer = match (request.method.as_str(), path) {
        ("GET", "") => Answer::new(200, "text/html; charset=utf-8", page::html(lang)),
        ("GET", "room.css") => Answer::new(200, "text/css; charset=utf-8", page::CSS),
        ("GET", "room.js") => Answer::new(200, "text/javascript; charset=utf-8", page::JS),
        ("GET", "map.svg") => Answer::new(
            200,
            "image/svg+xml; charset=utf-8",
            picture(shared).as_bytes(),
        ),
        ("GET", "state") => {
            let participant = query_value(query, "participant");
            let snapshot = shared.lock().snapshot(participant.as_deref());
            if snapshot.joined {
                // Someone new in the room: the editor's count says so.
                (shared.wake)();
            }
            Answer::json(200, snapshot.state(participant.as_deref()))
        }
        ("POST", "votes" | "notes") => post(shared, &request.body, path, peer, now),
        ("GET", "events") => return events(shared, stream),
        (_, "" | "room.css" | "room.js" | "map.svg" | "state" | "votes" | "notes" | "events") => {
            Answer::text(405, "Method not allowed")
        }
        _ => Answer::not_found(),
    };
    respond(&mut stream, &answer);
}

/// One value of a query string, decoded.
fn query_value(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then(|| percent_decode(value))
    })
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn post(shared: &Shared, body: &[u8], path: &str, from: IpAddr, now: Instant) -> Answer {
    let answer = {
        let mut live = shared.lock();
        if path == "votes" {
            live.vote(body, from, now)
        } else {
            live.note(body, from, now)
        }
    };
    match answer {
        Ok((status, body)) => {
            shared.changed.notify_all();
            (shared.wake)();
            Answer::json(status, body.to_string())
        }
        Err(refused) => Answer::refused(&refused),
    }
}

/// The journey as the SVG export draws it, drawn once per change of the picture.
fn picture(shared: &Shared) -> Arc<String> {
    let cached = |shared: &Shared| {
        let live = shared.lock();
        match &live.svg {
            Some((revision, svg)) if *revision == live.map_revision => Ok(Arc::clone(svg)),
            _ => Err((Arc::clone(&live.map), live.journey, live.map_revision)),
        }
    };
    if let Ok(svg) = cached(shared) {
        return svg;
    }
    let _one_at_a_time = shared.drawing.lock().unwrap_or_else(|e| e.into_inner());
    let (map, journey, revision) = match cached(shared) {
        Ok(svg) => return svg,
        Err(what) => what,
    };
    let options = ExportOptions {
        format: ImageFormat::Svg,
        scale: 1,
        background: Background::White,
        title: true,
        persona: true,
        legend: true,
        notes: false,
        ..ExportOptions::default()
    };
    let subject = Subject {
        map: &map,
        drawing: Drawing::Journey(View {
            journey,
            compare: None,
        }),
        // No persona pictures: the room serves nothing from the computer's files.
        folder: None,
    };
    let svg = Arc::new(Scene::new(&subject, &options).to_svg());
    let mut live = shared.lock();
    if live.svg.as_ref().is_none_or(|(r, _)| *r <= revision) {
        live.svg = Some((revision, Arc::clone(&svg)));
    }
    svg
}

/// Decrements the open-stream count however the stream ends.
struct Stream<'a>(&'a Shared);

impl Drop for Stream<'_> {
    fn drop(&mut self) {
        let mut live = self.0.lock();
        live.streams -= 1;
        live.counted += 1;
    }
}

/// `GET events`: a server-sent event with the revisions on connecting and on every change,
/// until the phone goes or the room closes.
fn events(shared: &Shared, mut stream: TcpStream) {
    {
        let mut live = shared.lock();
        if live.streams >= MAX_STREAMS {
            drop(live);
            return respond(&mut stream, &Answer::text(503, "Busy"));
        }
        live.streams += 1;
        live.counted += 1;
    }
    let _stream = Stream(shared);
    // A phone gone off the network is noticed within a minute, not at TCP's leisure.
    keep_alive(&stream);
    // Phones come back 3 s after a stream ends; each stream ends after a while, so none
    // outlives the phone that opened it by long.
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n{GUARDS}\
         Connection: close\r\n\r\nretry: 3000\n\n"
    );
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    let opened = Instant::now();
    let mut sent = 0;
    let mut pinged = Instant::now();
    while opened.elapsed() < STREAM_LIFETIME {
        let message = {
            let mut live = shared.lock();
            loop {
                if !live.open {
                    drop(live);
                    // The last word: phones show the room closed, not a lost network.
                    let _ = stream.write_all(b"event: closed\ndata: {}\n\n");
                    let _ = stream.flush();
                    let _ = stream.shutdown(Shutdown::Both);
                    return;
                }
                if live.revision != sent {
                    break;
                }
                let wait = PING.saturating_sub(pinged.elapsed());
                if wait.is_zero() {
                    break;
                }
                live = shared
                    .changed
                    .wait_timeout(live, wait)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            }
            if live.revision != sent {
                sent = live.revision;
                format!(
                    "event: state\ndata: {{\"revision\":{},\"map_revision\":{}}}\n\n",
                    live.revision, live.map_revision
                )
            } else {
                ": ping\n\n".to_owned()
            }
        };
        pinged = Instant::now();
        if stream.write_all(message.as_bytes()).is_err() || stream.flush().is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_decoded() {
        assert_eq!(
            query_value("a=1&participant=p-1%2Dx&b", "participant").as_deref(),
            Some("p-1-x")
        );
        assert_eq!(query_value("b", "b").as_deref(), Some(""));
        assert_eq!(query_value("", "participant"), None);
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("a+b%20c"), "a b c");
    }
}
