//! A small HTTP/1.1 client on the standard library's sockets, for the tests that talk to a
//! server: the workshop room, a WebDriver. One request per connection (`Connection: close`),
//! its answer read to the end of the stream; and a reader of server-sent events.
//!
//! ```ignore
//! let answer = http_client::post("http://127.0.0.1:9515/session").json(&caps).send()?;
//! assert_eq!(answer.status, 200, "{}", answer.text());
//! let value = answer.json();
//! ```

use std::io::{self, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

/// How long a request waits to connect and for its whole answer, unless told otherwise.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(10);

/// A read that timed out (`WouldBlock` on Unix, `TimedOut` on Windows): the caller's own
/// deadline decides what happens next.
fn timed_out(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

fn invalid(why: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, why)
}

/// An `http://` address: the `host:port` to connect to and the target (path and query) to ask
/// for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Url {
    pub(crate) authority: String,
    pub(crate) target: String,
}

impl Url {
    pub(crate) fn parse(url: &str) -> io::Result<Url> {
        let rest = url
            .strip_prefix("http://")
            .ok_or_else(|| invalid(format!("not an http:// address: {url}")))?;
        let (authority, target) = match rest.find(['/', '?']) {
            Some(i) if rest[i..].starts_with('?') => (&rest[..i], format!("/{}", &rest[i..])),
            Some(i) => (&rest[..i], rest[i..].to_owned()),
            None => (rest, "/".to_owned()),
        };
        if authority.is_empty() {
            return Err(invalid(format!("no host in {url}")));
        }
        let authority = if port_of(authority).is_some() {
            authority.to_owned()
        } else {
            format!("{authority}:80")
        };
        Ok(Url { authority, target })
    }

    /// The host, without the port (an IPv6 address keeps its brackets).
    pub(crate) fn host(&self) -> &str {
        let port = port_of(&self.authority).unwrap_or_default();
        &self.authority[..self.authority.len() - port.len() - 1]
    }

    /// The same address on this computer's loopback when its host is another (the room gives
    /// its address on the network, which a test machine may not route back to itself).
    pub(crate) fn on_loopback(&self) -> Url {
        let host = self.host().trim_start_matches('[').trim_end_matches(']');
        let loopback = host == "localhost"
            || host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback());
        if loopback {
            return self.clone();
        }
        Url {
            authority: format!("127.0.0.1:{}", port_of(&self.authority).unwrap_or("80")),
            target: self.target.clone(),
        }
    }
}

impl std::fmt::Display for Url {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "http://{}{}", self.authority, self.target)
    }
}

/// The port of `host:port` or `[v6]:port`, if it has one.
fn port_of(authority: &str) -> Option<&str> {
    let after_host = match authority.rfind(']') {
        Some(i) => &authority[i + 1..],
        None => authority,
    };
    let (_, port) = after_host.rsplit_once(':')?;
    (!port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())).then_some(port)
}

/// Connects to `host:port` within `timeout`, reads and writes timing out after it.
pub(crate) fn connect(authority: &str, timeout: Duration) -> io::Result<TcpStream> {
    let mut last = io::Error::new(
        io::ErrorKind::NotFound,
        format!("no address for {authority}"),
    );
    for address in authority.to_socket_addrs()? {
        match TcpStream::connect_timeout(&address, timeout) {
            Ok(stream) => {
                stream.set_read_timeout(Some(timeout))?;
                stream.set_write_timeout(Some(timeout))?;
                stream.set_nodelay(true)?;
                return Ok(stream);
            }
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// A request to send: build it with [`get`], [`post`] or [`request`], then [`Request::send`].
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until it is sent"]
pub(crate) struct Request {
    method: String,
    url: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    timeout: Duration,
}

pub(crate) fn request(method: &str, url: &str) -> Request {
    Request {
        method: method.to_owned(),
        url: url.to_owned(),
        headers: Vec::new(),
        body: Vec::new(),
        timeout: TIMEOUT,
    }
}

pub(crate) fn get(url: &str) -> Request {
    request("GET", url)
}

pub(crate) fn post(url: &str) -> Request {
    request("POST", url)
}

impl Request {
    /// One more header (`Host`, `Content-Length` and `Connection` are written by `send`).
    pub(crate) fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub(crate) fn body(mut self, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self.header("Content-Type", content_type)
    }

    pub(crate) fn json(self, value: &serde_json::Value) -> Self {
        self.body("application/json", value.to_string())
    }

    /// How long to wait to connect, and for the whole answer.
    pub(crate) fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The request as it goes on the wire, and where to.
    pub(crate) fn to_bytes(&self) -> io::Result<(Url, Vec<u8>)> {
        let url = Url::parse(&self.url)?;
        let mut head = format!(
            "{} {} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.method, url.target, url.authority
        );
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if !self.body.is_empty() || !matches!(self.method.as_str(), "GET" | "HEAD" | "DELETE") {
            head.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(&self.body);
        Ok((url, bytes))
    }

    pub(crate) fn send(self) -> io::Result<Response> {
        let (url, bytes) = self.to_bytes()?;
        send_raw(&url.authority, &bytes, self.timeout)
    }
}

/// Sends `bytes` as they are (a request no polite client would write, perhaps) to
/// `host:port`, and reads the answer.
pub(crate) fn send_raw(authority: &str, bytes: &[u8], timeout: Duration) -> io::Result<Response> {
    let started = Instant::now();
    let mut stream = connect(authority, timeout)?;
    stream.write_all(bytes)?;
    stream.flush()?;
    read_response(&mut stream, timeout.saturating_sub(started.elapsed()))
}

/// Reads from `stream` until the server closes it, within `timeout`.
pub(crate) fn read_to_end(stream: &mut TcpStream, timeout: Duration) -> io::Result<Vec<u8>> {
    let deadline = Instant::now() + timeout;
    let mut out = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("no end of the answer in {timeout:?} ({} bytes)", out.len()),
            ));
        }
        stream.set_read_timeout(Some(left))?;
        match stream.read(&mut chunk) {
            Ok(0) => return Ok(out),
            Ok(n) => out.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if timed_out(&e) => {}
            Err(e) => return Err(e),
        }
    }
}

/// Reads an answer and parses it: up to the end of its body when its head says where that is
/// (some servers keep the connection open after it, `Connection: close` or not), else to the
/// end of the stream; all within `timeout`.
pub(crate) fn read_response(stream: &mut TcpStream, timeout: Duration) -> io::Result<Response> {
    let deadline = Instant::now() + timeout;
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        if let Some(answer) = Response::parse_complete(&bytes) {
            return Ok(answer);
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("no whole answer in {timeout:?} ({} bytes)", bytes.len()),
            ));
        }
        stream.set_read_timeout(Some(left))?;
        match stream.read(&mut chunk) {
            Ok(0) => return Response::parse(&bytes),
            Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if timed_out(&e) => {}
            Err(e) => return Err(e),
        }
    }
}

/// An answer: status, headers in the order sent, and body (unchunked).
#[derive(Clone, Debug)]
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

/// Where the head ends (the index after its blank line).
fn head_end(bytes: &[u8]) -> Option<usize> {
    bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| i + 4)
}

/// The status and headers of a head, blank line included or not.
fn parse_head(head: &[u8]) -> io::Result<(u16, Vec<(String, String)>)> {
    let head = std::str::from_utf8(head).map_err(|e| invalid(format!("head not UTF-8: {e}")))?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.splitn(3, ' ');
    let version = parts.next().unwrap_or_default();
    let status = parts.next().and_then(|s| s.parse().ok());
    let (true, Some(status)) = (version.starts_with("HTTP/1."), status) else {
        return Err(invalid(format!(
            "not an HTTP/1 status line: {status_line:?}"
        )));
    };
    let mut headers = Vec::new();
    for line in lines.take_while(|l| !l.is_empty()) {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| invalid(format!("not a header: {line:?}")))?;
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    Ok((status, headers))
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// A body sent in chunks, put back together.
fn unchunk(mut bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = bytes
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or_else(|| invalid("a chunk without its size line".into()))?;
        let size_text = String::from_utf8_lossy(&bytes[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| invalid(format!("bad chunk size {size_text:?}")))?;
        bytes = &bytes[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        if bytes.len() < size + 2 {
            return Err(invalid("a chunk cut short".into()));
        }
        out.extend_from_slice(&bytes[..size]);
        bytes = &bytes[size + 2..];
    }
}

impl Response {
    /// An answer as read from the wire, to the end of the stream.
    pub(crate) fn parse(bytes: &[u8]) -> io::Result<Response> {
        let end = head_end(bytes).ok_or_else(|| {
            invalid(format!(
                "no complete head in {} bytes: {:?}",
                bytes.len(),
                String::from_utf8_lossy(&bytes[..bytes.len().min(200)])
            ))
        })?;
        let (status, headers) = parse_head(&bytes[..end])?;
        let rest = &bytes[end..];
        let chunked = find_header(&headers, "transfer-encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
        let body = if chunked {
            unchunk(rest)?
        } else if let Some(length) = find_header(&headers, "content-length") {
            let length: usize = length
                .parse()
                .map_err(|_| invalid(format!("bad Content-Length {length:?}")))?;
            if rest.len() < length {
                return Err(invalid(format!(
                    "body cut short: {} of {length} bytes",
                    rest.len()
                )));
            }
            rest[..length].to_vec()
        } else {
            rest.to_vec()
        };
        Ok(Response {
            status,
            headers,
            body,
        })
    }

    /// The answer, once `bytes` hold all of it by its own account: a head, and a body as long
    /// as its `Content-Length` or up to its last chunk. `None` while more is to come or when
    /// only the end of the stream can tell.
    fn parse_complete(bytes: &[u8]) -> Option<Response> {
        let end = head_end(bytes)?;
        let (_, headers) = parse_head(&bytes[..end]).ok()?;
        let rest = &bytes[end..];
        let chunked = find_header(&headers, "transfer-encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
        let whole = if chunked {
            unchunk(rest).is_ok()
        } else {
            let length = find_header(&headers, "content-length")?;
            length.parse::<usize>().ok()? <= rest.len()
        };
        whole.then(|| Response::parse(bytes).ok()).flatten()
    }

    /// The first header of that name, whatever its case.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// The body as text (panics if it is not UTF-8).
    pub(crate) fn text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("a UTF-8 body")
    }

    /// The body as JSON (panics, showing it, if it is not).
    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "{} answered no JSON ({e}): {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }
}

/// One server-sent event: its type (`message` when it names none) and its data lines joined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Event {
    pub(crate) event: String,
    pub(crate) data: String,
}

/// A stream of server-sent events (`text/event-stream`), read as they come.
pub(crate) struct EventStream {
    stream: TcpStream,
    pub(crate) headers: Vec<(String, String)>,
    /// Read and not yet handed out as events.
    pending: Vec<u8>,
    ended: bool,
}

impl EventStream {
    /// Asks for `url` and reads the head of the answer; anything but a 200 is an error (with
    /// its status and body).
    pub(crate) fn open(url: &str, timeout: Duration) -> io::Result<EventStream> {
        let started = Instant::now();
        let (url, bytes) = get(url)
            .header("Accept", "text/event-stream")
            .timeout(timeout)
            .to_bytes()?;
        let mut stream = connect(&url.authority, timeout)?;
        stream.write_all(&bytes)?;
        let mut pending = Vec::new();
        let mut chunk = [0u8; 4096];
        let end = loop {
            if let Some(end) = head_end(&pending) {
                break end;
            }
            let left = timeout.saturating_sub(started.elapsed());
            if left.is_zero() {
                return Err(io::Error::new(io::ErrorKind::TimedOut, "no head in time"));
            }
            stream.set_read_timeout(Some(left))?;
            match stream.read(&mut chunk) {
                Ok(0) => return Err(invalid("the stream ended before its head".into())),
                Ok(n) => pending.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if timed_out(&e) => {}
                Err(e) => return Err(e),
            }
        };
        let (status, headers) = parse_head(&pending[..end])?;
        if status != 200 {
            let mut rest = pending.split_off(end);
            rest.extend(read_to_end(&mut stream, timeout).unwrap_or_default());
            return Err(io::Error::other(format!(
                "events: {status} {}",
                String::from_utf8_lossy(&rest)
            )));
        }
        pending.drain(..end);
        Ok(EventStream {
            stream,
            headers,
            pending,
            ended: false,
        })
    }

    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// The next event within `timeout`; `None` once the server has ended the stream. Comments
    /// (`: ping`) are skipped. A timeout is an error of kind `TimedOut`.
    pub(crate) fn next_event(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        let deadline = Instant::now() + timeout;
        let mut chunk = [0u8; 4096];
        loop {
            while let Some(block) = self.take_block() {
                if let Some(event) = parse_event(&block) {
                    return Ok(Some(event));
                }
            }
            if self.ended {
                return Ok(None);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    format!("no event in {timeout:?}"),
                ));
            }
            self.stream.set_read_timeout(Some(left))?;
            match self.stream.read(&mut chunk) {
                Ok(0) => self.ended = true,
                Ok(n) => self.pending.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if timed_out(&e) => {}
                // A stream cut short ends like one closed.
                Err(e) if e.kind() == io::ErrorKind::ConnectionReset => self.ended = true,
                Err(e) => return Err(e),
            }
        }
    }

    /// The text of the next complete block (up to a blank line), if one has arrived.
    fn take_block(&mut self) -> Option<String> {
        let text = &self.pending;
        let lf = text.windows(2).position(|w| w == b"\n\n").map(|i| (i, 2));
        let crlf = text
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .map(|i| (i, 4));
        let (at, len) = match (lf, crlf) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        let block: Vec<u8> = self.pending.drain(..at + len).collect();
        Some(String::from_utf8_lossy(&block[..at]).replace("\r\n", "\n"))
    }
}

/// An event from its block of lines; `None` for a block of comments only.
fn parse_event(block: &str) -> Option<Event> {
    let mut event = None;
    let mut data: Option<String> = None;
    for line in block.split('\n') {
        if line.starts_with(':') || line.is_empty() {
            continue;
        }
        let (field, value) = line.split_once(':').unwrap_or((line, ""));
        let value = value.strip_prefix(' ').unwrap_or(value);
        match field {
            "event" => event = Some(value.to_owned()),
            "data" => match &mut data {
                Some(data) => {
                    data.push('\n');
                    data.push_str(value);
                }
                None => data = Some(value.to_owned()),
            },
            _ => {}
        }
    }
    if event.is_none() && data.is_none() {
        return None;
    }
    Some(Event {
        event: event.unwrap_or_else(|| "message".to_owned()),
        data: data.unwrap_or_default(),
    })
}

#[test]
fn answers_events_and_addresses_are_read_as_sent() {
    let answer = Response::parse(
        b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\ncontent-length: 11\r\n\r\n\
          {\"ok\":true}trailing",
    )
    .unwrap();
    assert_eq!(answer.status, 201);
    assert_eq!(answer.header("Content-Length"), Some("11"));
    assert_eq!(answer.json(), serde_json::json!({"ok": true}));
    let chunked = Response::parse(
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n",
    )
    .unwrap();
    assert_eq!(chunked.text(), "Wikipedia");
    assert!(Response::parse(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nshort").is_err());
    assert!(Response::parse(b"SSH-2.0-OpenSSH\r\n\r\n").is_err());

    assert_eq!(
        parse_event("event: state\ndata: {\"a\":1}"),
        Some(Event {
            event: "state".into(),
            data: "{\"a\":1}".into()
        })
    );
    assert_eq!(parse_event(": ping"), None);
    assert_eq!(parse_event("data: a\ndata:b").unwrap().data, "a\nb");

    let url = Url::parse("http://192.168.1.20:8040/r/abc/?x=1").unwrap();
    assert_eq!(url.authority, "192.168.1.20:8040");
    assert_eq!(url.target, "/r/abc/?x=1");
    assert_eq!(
        url.on_loopback().to_string(),
        "http://127.0.0.1:8040/r/abc/?x=1"
    );
    let v6 = Url::parse("http://[::1]:9515").unwrap();
    assert_eq!((v6.host(), v6.target.as_str()), ("[::1]", "/"));
    assert_eq!(v6.on_loopback(), v6);
    assert_eq!(
        Url::parse("http://example.org?q").unwrap().to_string(),
        "http://example.org:80/?q"
    );
    assert!(Url::parse("https://example.org/").is_err());
}

#[test]
fn an_answer_ends_where_its_length_says_though_the_server_keeps_the_connection() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let at = listener.local_addr().unwrap();
    let (done, wait) = std::sync::mpsc::channel::<()>();
    let server = std::thread::spawn(move || {
        for answer in [
            &b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"[..],
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n",
        ] {
            let (mut stream, _) = listener.accept().unwrap();
            let mut request = [0u8; 1024];
            let _ = stream.read(&mut request);
            stream.write_all(answer).unwrap();
            // Kept open until the client has its answer.
            wait.recv().unwrap();
        }
    });
    for _ in 0..2 {
        let started = Instant::now();
        let answer = get(&format!("http://{at}/status"))
            .timeout(Duration::from_secs(5))
            .send()
            .unwrap();
        assert_eq!((answer.status, answer.text()), (200, "hi"));
        assert!(started.elapsed() < Duration::from_secs(2));
        done.send(()).unwrap();
    }
    server.join().unwrap();
}
