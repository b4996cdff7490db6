//! The workshop room's page in a real browser: Debian's Chromium, headless, driven through
//! chromedriver's W3C WebDriver API as a phone (390 × 844), loads the page, puts dots on cards,
//! sends a sticky note and sees the counts appear live when the facilitator reveals them; in
//! English and in Spanish. On the way it measures how soon the page is usable (also with the CPU
//! slowed down four times, as a mid-range phone) and saves phone screenshots in
//! target/room-shots/ (not committed; the README takes its pictures from there).
//!
//! CI installs Chromium and chromedriver (.ci/run): without them this test fails, it does not
//! skip.

use crate::http_client;
use serde_json::{Value, json};
use std::io;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use trayecto::i18n::{Lang, tr_in};
use trayecto::model::{Ballot, CardId, JourneyId, JourneyKind, Map, StageId};
use trayecto::room::{Options, Server, page_weight};
use trayecto::templates;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The key of an element reference in the W3C WebDriver protocol.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
/// Longest wait for the page to list the cards, and for an answer to show.
const PATIENCE: Duration = Duration::from_secs(10);
/// Longest wait for a change the editor publishes to reach the page through the live stream.
const LIVE: Duration = Duration::from_secs(5);
/// A note with markup, an ampersand and curly quotes: it must arrive as typed.
const NOTE: &str = "The box came <b>bold</b> & “quotes” — cold";
const NOTE_ES: &str = "La caja llegó <b>bold</b> & “fría”, ñandú";

// ---------- HTTP: one request per connection ----------

/// `method path` on 127.0.0.1:`port` with a JSON body; the answer's status and body (the
/// shared test client stops where the answer's length says: chromedriver keeps the connection
/// open after it, whatever it says).
fn http(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&Value>,
    timeout: Duration,
) -> io::Result<(u16, String)> {
    let mut request =
        http_client::request(method, &format!("http://127.0.0.1:{port}{path}")).timeout(timeout);
    if let Some(body) = body {
        request = request.json(body);
    }
    let answer = request.send()?;
    Ok((answer.status, answer.text().to_owned()))
}

fn free_port() -> u16 {
    let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
    listener.local_addr().unwrap().port()
}

// ---------- the browser ----------

/// Chromium as a phone, through chromedriver. Dropping it (also when the test fails) ends the
/// session and kills chromedriver and every process it started: they run in a process group
/// of their own.
struct Browser {
    driver: Child,
    port: u16,
    session: String,
    profile: tempfile::TempDir,
}

impl Browser {
    fn start() -> Browser {
        for (path, package) in [(CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")] {
            assert!(
                Path::new(path).exists(),
                "{path} is missing: this test drives Debian's Chromium through chromedriver. \
                 Run .ci/run as root to install {package} (CI installs it)."
            );
        }
        let profile = tempfile::tempdir().unwrap();
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .arg(format!(
                "--log-path={}",
                profile.path().join("chromedriver.log").display()
            ))
            // Chromium's settings and crash reports in the profile too, not in the home: its
            // crash handlers (which leave the process group) name it on their command line.
            .env("HOME", profile.path())
            .env("XDG_CONFIG_HOME", profile.path().join("config"))
            .env("XDG_CACHE_HOME", profile.path().join("cache"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("{CHROMEDRIVER} does not start ({e}): run .ci/run"));
        let mut browser = Browser {
            driver,
            port,
            session: String::new(),
            profile,
        };
        browser.wait_for_driver();
        browser.open_session();
        browser
    }

    fn wait_for_driver(&mut self) {
        let start = Instant::now();
        loop {
            if let Ok((200, body)) = http(self.port, "GET", "/status", None, PATIENCE)
                && serde_json::from_str::<Value>(&body).is_ok_and(|v| v["value"]["ready"] == true)
            {
                return;
            }
            if let Ok(Some(status)) = self.driver.try_wait() {
                panic!("chromedriver ended at once ({status})");
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "chromedriver not ready in 20 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn open_session(&mut self) {
        let data_dir = self.profile.path().join("chromium");
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run",
                    format!("--user-data-dir={}", data_dir.display()),
                    "--window-size=390,844",
                ],
                // A phone: its screen in CSS pixels, twice as many device pixels, touch.
                "mobileEmulation": {"deviceMetrics": {
                    "width": 390, "height": 844, "pixelRatio": 2.0, "mobile": true, "touch": true,
                }},
            },
        }}});
        let (status, body) = http(
            self.port,
            "POST",
            "/session",
            Some(&capabilities),
            Duration::from_secs(60),
        )
        .expect("chromedriver answers");
        let answer: Value = serde_json::from_str(&body).unwrap_or_default();
        let session = answer["value"]["sessionId"].as_str().unwrap_or_default();
        assert!(
            status == 200 && !session.is_empty(),
            "Chromium does not start ({status}): {body}"
        );
        self.session = session.to_owned();
    }

    /// A WebDriver command of the session: its value, or the error.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let path = format!("/session/{}{path}", self.session);
        let body = body.or_else(|| (method == "POST").then(|| json!({})));
        let (status, text) = http(
            self.port,
            method,
            &path,
            body.as_ref(),
            Duration::from_secs(60),
        )
        .map_err(|e| format!("{method} {path}: {e}"))?;
        let answer: Value =
            serde_json::from_str(&text).map_err(|e| format!("{method} {path}: {e}: {text}"))?;
        let value = answer.get("value").cloned().unwrap_or(Value::Null);
        if status == 200 {
            Ok(value)
        } else {
            Err(format!(
                "{method} {path}: {status} {}: {}",
                value["error"], value["message"]
            ))
        }
    }

    fn must(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, path, body)
            .unwrap_or_else(|e| panic!("WebDriver: {e}"))
    }

    /// A DevTools command through chromedriver.
    fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.must(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": cmd, "params": params})),
        )
    }

    fn goto(&self, url: &str) {
        self.must("POST", "/url", Some(json!({"url": url})));
    }

    /// Runs `script` (a function body; `arguments` are `args`) in the page: what it returns.
    fn js(&self, script: &str, args: Value) -> Value {
        self.must(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    fn find(&self, css: &str) -> Element {
        let found = self.must(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        Element(found[ELEMENT].as_str().unwrap().to_owned())
    }

    fn find_all(&self, css: &str) -> Vec<Element> {
        let found = self.must(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        );
        found
            .as_array()
            .unwrap()
            .iter()
            .map(|e| Element(e[ELEMENT].as_str().unwrap().to_owned()))
            .collect()
    }

    /// Taps `element` as a person does: brought to the middle of the screen first (so that no
    /// sticky header or message at the bottom covers it), then clicked by WebDriver, which
    /// taps when the browser emulates a phone.
    fn tap(&self, element: &Element) {
        self.js(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
            json!([element.arg()]),
        );
        self.must("POST", &format!("/element/{}/click", element.0), None);
    }

    fn type_into(&self, element: &Element, text: &str) {
        self.must(
            "POST",
            &format!("/element/{}/value", element.0),
            Some(json!({"text": text})),
        );
    }

    /// Polls `script` until it returns `expected`; panics with what it last returned after
    /// `timeout`. Returns how long it took.
    fn wait_for(
        &self,
        what: &str,
        script: &str,
        args: Value,
        expected: Value,
        timeout: Duration,
    ) -> Duration {
        let start = Instant::now();
        loop {
            let got = self.js(script, args.clone());
            if got == expected {
                return start.elapsed();
            }
            if start.elapsed() > timeout {
                let shot = shots_dir().join("failure.png");
                let _ = self.save_screenshot(&shot);
                let page = self
                    .call(
                        "POST",
                        "/execute/sync",
                        Some(json!({"script": PAGE_SUMMARY, "args": []})),
                    )
                    .unwrap_or_else(|e| json!(e));
                panic!(
                    "{what}: not within {timeout:?}; expected {expected}, got {got}; \
                     the page ({}): {page:#}",
                    shot.display()
                );
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// What the screen shows, as a PNG in `path`.
    fn screenshot(&self, path: &Path) {
        self.save_screenshot(path)
            .unwrap_or_else(|e| panic!("screenshot: {e}"));
        eprintln!("screenshot: {}", path.display());
    }

    fn save_screenshot(&self, path: &Path) -> Result<(), String> {
        use base64::Engine;
        let png = self.call("GET", "/screenshot", None)?;
        let png = base64::engine::general_purpose::STANDARD
            .decode(png.as_str().unwrap_or_default())
            .map_err(|e| e.to_string())?;
        if !png.starts_with(b"\x89PNG") {
            return Err("not a PNG".into());
        }
        std::fs::write(path, png).map_err(|e| e.to_string())
    }

    /// The messages the page wrote to the console since last asked: `(level, text)`.
    fn console(&self) -> Vec<(String, String)> {
        match self.call("POST", "/se/log", Some(json!({"type": "browser"}))) {
            Ok(Value::Array(entries)) => entries
                .iter()
                .map(|e| {
                    (
                        e["level"].as_str().unwrap_or_default().to_owned(),
                        e["message"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect(),
            Ok(other) => panic!("browser log: {other}"),
            Err(e) => {
                eprintln!("no browser log from chromedriver: {e}");
                Vec::new()
            }
        }
    }

    /// Panics if the page reported an error on the console (the browser asking for a
    /// favicon the room does not have aside).
    fn assert_no_console_errors(&self, page: &str) {
        let errors: Vec<_> = self
            .console()
            .into_iter()
            .filter(|(level, text)| level == "SEVERE" && !text.contains("favicon.ico"))
            .collect();
        assert!(
            errors.is_empty(),
            "{page}: errors on the console: {errors:#?}"
        );
    }

    /// The processes of the browser: chromedriver's process group (chromedriver and
    /// Chromium), and any other process naming the profile on its command line (Chromium's
    /// crash handlers, which start sessions of their own).
    fn processes(&self) -> Vec<libc::pid_t> {
        let group = self.driver.id().to_string();
        let profile = self.profile.path().as_os_str().as_encoded_bytes();
        let mut found = Vec::new();
        for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse() else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            // pid (comm) state ppid pgrp …: comm may hold spaces, so split after its ')'.
            let fields: Vec<&str> = stat
                .rsplit_once(')')
                .map(|(_, rest)| rest.split_whitespace().collect())
                .unwrap_or_default();
            if fields.first() == Some(&"Z") {
                continue;
            }
            let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
            if fields.get(2) == Some(&group.as_str())
                || cmdline.windows(profile.len()).any(|w| w == profile)
            {
                found.push(pid);
            }
        }
        found
    }
}

/// Whether process `pid` is still running (a zombie is not).
fn running(pid: libc::pid_t) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit_once(')')
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z'))
    })
}

impl Drop for Browser {
    fn drop(&mut self) {
        if std::thread::panicking() {
            // Kept next to the screenshots (no panic here: this runs while unwinding).
            let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/room-shots");
            let log = shots.join("chromedriver.log");
            let kept = std::fs::create_dir_all(&shots)
                .and_then(|()| std::fs::copy(self.profile.path().join("chromedriver.log"), &log));
            if kept.is_ok() {
                eprintln!("chromedriver's log: {}", log.display());
            }
        }
        if !self.session.is_empty() {
            // Chromium closed by chromedriver, as it should be.
            let _ = http(
                self.port,
                "DELETE",
                &format!("/session/{}", self.session),
                None,
                Duration::from_secs(10),
            );
        }
        // Then whatever is left of chromedriver and the browser: the whole process group, and
        // the crash handlers outside it.
        let left = self.processes();
        let group = self.driver.id() as libc::pid_t;
        // SAFETY: kill and killpg only send signals: to the group this test made for
        // chromedriver, and to processes that name this test's own temporary profile.
        unsafe {
            libc::killpg(group, libc::SIGKILL);
            for pid in left {
                libc::kill(pid, libc::SIGKILL);
            }
        }
        let _ = self.driver.wait();
    }
}

/// A WebDriver element reference.
struct Element(String);

impl Element {
    /// The element as an argument of a script.
    fn arg(&self) -> Value {
        json!({ ELEMENT: self.0 })
    }
}

// ---------- the room ----------

/// A `room-page-*` message in `lang` with its `%name%` markers filled, as the page does.
fn word(lang: Lang, key: &'static str, vars: &[(&str, &str)]) -> String {
    let mut text = tr_in(lang, key).to_owned();
    assert_ne!(text, key, "no message {key}");
    for (name, value) in vars {
        text = text.replace(&format!("%{name}%"), value);
    }
    text
}

fn shots_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/room-shots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A room on the pizza template in `lang`, for its current journey, on 127.0.0.1.
fn open_room(lang: Lang) -> (Server, Map, JourneyId) {
    let map = templates::load_in("pizza", lang).expect("the pizza template");
    let journey = map.first_of(JourneyKind::Current).unwrap().id;
    let options = Options {
        bind: "127.0.0.1".parse().unwrap(),
        port: Some(0),
    };
    let server = Server::open(options, &map, journey, lang, Box::new(|| {})).unwrap();
    assert!(
        server
            .address()
            .starts_with(&format!("http://127.0.0.1:{}/r/", server.port())),
        "{}",
        server.address()
    );
    (server, map, journey)
}

/// The room's `state`, as the page fetches it.
fn room_state(server: &Server) -> Value {
    let path = server
        .address()
        .split_once(&format!(":{}", server.port()))
        .unwrap()
        .1;
    let (status, body) = http(
        server.port(),
        "GET",
        &format!("{path}state"),
        None,
        PATIENCE,
    )
    .unwrap();
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

/// Marks the moment the page first lists a card (in milliseconds from the start of the
/// navigation, in `window.__cardsAt`); installed before any page's own script.
const CARDS_WATCH: &str = "(function () {
  var seen = false;
  var look = function () {
    if (seen) return;
    var stages = document.getElementById('stages');
    if (stages && stages.querySelector('.card .vote')) {
      seen = true;
      window.__cardsAt = performance.now();
    }
  };
  new MutationObserver(look).observe(document, {childList: true, subtree: true});
})();";

const CARDS_LISTED: &str = "var room = document.getElementById('room');
  return !!room && !room.hidden && document.querySelectorAll('#stages .card .vote').length > 0;";

/// The title the page shows on the card of `arguments[0]`.
const CARD_TITLE: &str =
    "return arguments[0].closest('.card').querySelector('.card-title').textContent;";

/// What the page shows, for a failure's message.
const PAGE_SUMMARY: &str = "var $ = function (id) { return document.getElementById(id); };
  var img = $('map-img');
  return {
    connection: $('conn').getAttribute('data-state'),
    dots: $('dots-text').textContent,
    said: $('toast-ok').textContent,
    error: $('toast-err-text').textContent,
    note_status: $('note-status').textContent,
    closed: !$('closed').hidden,
    map: {loaded: img.complete && img.naturalWidth > 0, frame: $('map-frame').offsetHeight},
    scroll: window.scrollY,
    cards: Array.prototype.map.call(document.querySelectorAll('#stages .card'), function (c) {
      return c.querySelector('.card-title').textContent + ' | ' + c.className + ' | ' +
        c.querySelector('.mine-text').textContent + ' | ' + c.querySelector('.total').textContent;
    })
  };";

/// How long a page took to be usable.
struct Loaded {
    /// From asking WebDriver to navigate to the cards listed, measured here.
    wall: Duration,
    /// From the start of the navigation to the first card listed, measured by the page.
    in_page: f64,
    /// The bytes of the page, its style and its script as the browser got them.
    bytes: u64,
}

/// Opens `address` and waits until the cards are listed.
fn load(browser: &Browser, address: &str) -> Loaded {
    let start = Instant::now();
    browser.goto(address);
    browser.wait_for(
        "the cards listed",
        CARDS_LISTED,
        json!([]),
        json!(true),
        PATIENCE,
    );
    let wall = start.elapsed();
    let in_page = browser
        .js("return window.__cardsAt || null;", json!([]))
        .as_f64()
        .expect("the page's own clock");
    let bytes = browser.js(
        "var n = performance.getEntriesByType('navigation')[0].decodedBodySize;
         performance.getEntriesByType('resource').forEach(function (r) {
           if (/\\/room\\.(css|js)$/.test(r.name)) n += r.decodedBodySize;
         });
         return n;",
        json!([]),
    );
    Loaded {
        wall,
        in_page,
        bytes: bytes.as_u64().unwrap(),
    }
}

/// The card of the pizza map whose title the page shows on `vote`'s card.
fn card_of(browser: &Browser, map: &Map, journey: JourneyId, vote: &Element) -> (CardId, String) {
    let title = browser.js(CARD_TITLE, json!([vote.arg()]));
    let title = title.as_str().unwrap().to_owned();
    let cards: Vec<CardId> = map
        .cards
        .iter()
        .filter(|c| c.journey == journey && c.title == title)
        .map(|c| c.id)
        .collect();
    assert_eq!(cards.len(), 1, "one card titled {title:?}");
    (cards[0], title)
}

/// Taps `vote` and waits until the page shows `mine` dots of the participant's on its card.
fn vote(browser: &Browser, lang: Lang, vote: &Element, mine: u32) {
    browser.tap(vote);
    let mine = mine.to_string();
    let wanted = word(lang, "room-page-your-dots", &[("mine", &mine)]);
    browser.wait_for(
        &format!("the card showing {wanted:?}"),
        CARD_SHOWS_MINE,
        json!([vote.arg()]),
        json!(wanted),
        PATIENCE,
    );
}

/// The participant's dots on the card of `arguments[0]`, once no vote is on its way.
const CARD_SHOWS_MINE: &str = "var card = arguments[0].closest('.card');
  if (card.classList.contains('busy') || card.querySelector('.mine').hidden) return null;
  return card.querySelector('.mine-text').textContent;";

fn dots_text(browser: &Browser) -> Value {
    browser.js(
        "return document.getElementById('dots-text').textContent;",
        json!([]),
    )
}

/// Chooses the `nth` stage (from 0) in the note form, types `text` and sends it; waits for the
/// page to say it was sent. Returns the stage's id and name as the form shows them.
fn send_note(browser: &Browser, lang: Lang, nth: usize, text: &str) -> (StageId, String) {
    // The first option is "Choose a stage".
    let options = browser.find_all("#note-stage option");
    assert!(options.len() > nth + 1, "stages to choose from");
    browser.tap(&options[nth + 1]);
    let chosen = browser.js(
        "var s = document.getElementById('note-stage');
         return [s.value, s.options[s.selectedIndex].textContent];",
        json!([]),
    );
    let stage = StageId(chosen[0].as_str().unwrap().parse().expect("a stage chosen"));
    let name = chosen[1].as_str().unwrap().to_owned();

    let field = browser.find("#note-text");
    browser.tap(&field);
    browser.type_into(&field, text);
    assert_eq!(
        browser.js("return arguments[0].value;", json!([field.arg()])),
        json!(text),
        "the text as typed"
    );
    browser.tap(&browser.find("#note-send"));
    let sent = word(lang, "room-page-note-sent", &[]);
    browser.wait_for(
        "the note sent",
        "var s = document.getElementById('note-status');
         return s.classList.contains('ok') && document.getElementById('note-text').value === ''
           ? s.textContent : null;",
        json!([]),
        json!(sent),
        PATIENCE,
    );
    (stage, name)
}

/// Scrolls so that the top of `css` is just under the sticky header.
fn scroll_to(browser: &Browser, css: &str) {
    browser.js(
        "var top = document.getElementById('top').offsetHeight;
         var el = document.querySelector(arguments[0]);
         window.scrollTo({top: el.getBoundingClientRect().top + window.scrollY - top - 8, behavior: 'instant'});",
        json!([css]),
    );
}

fn ms(d: Duration) -> u128 {
    d.as_millis()
}

// ---------- the test ----------

#[test]
fn a_phone_in_chromium_votes_sends_a_note_and_sees_the_counts_revealed() {
    let started = Instant::now();
    let shots = shots_dir();
    let browser = Browser::start();
    eprintln!("Chromium up in {} ms", ms(started.elapsed()));
    browser.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({"source": CARDS_WATCH}),
    );
    // The processes to be gone at the end: chromedriver and Chromium.
    let browser_processes = browser.processes();
    assert!(
        browser_processes.len() > 1,
        "Chromium's processes found: {browser_processes:?}"
    );

    in_english(&browser, &shots);
    in_spanish(&browser, &shots);

    drop(browser);
    let left: Vec<_> = browser_processes
        .into_iter()
        .filter(|&pid| running(pid))
        .collect();
    assert!(left.is_empty(), "browser processes left running: {left:?}");
    eprintln!("the whole browser test: {} ms", ms(started.elapsed()));
}

/// A phone opens a room in `lang`: the page loads, weighs what `page_weight` says, and speaks
/// the room's language with the map's title.
fn join_room(browser: &Browser, lang: Lang) -> (Server, Map, JourneyId) {
    let (server, map, journey) = open_room(lang);
    let loaded = load(browser, server.address());
    let weight = page_weight(lang);
    eprintln!(
        "{}: cards listed {} ms after navigating (page's clock: {:.0} ms); page weight {} \
         bytes (page_weight), {} bytes loaded",
        lang.code(),
        ms(loaded.wall),
        loaded.in_page,
        weight,
        loaded.bytes
    );
    assert_eq!(
        loaded.bytes, weight as u64,
        "the page weighs what page_weight says"
    );
    assert_eq!(
        browser.js("return document.documentElement.lang;", json!([])),
        json!(lang.code())
    );
    assert_eq!(
        browser.js(
            "return document.getElementById('map-title').textContent;",
            json!([])
        ),
        json!(map.title)
    );
    (server, map, journey)
}

fn in_english(browser: &Browser, shots: &Path) {
    let lang = Lang::En;
    let (server, map, journey) = join_room(browser, lang);
    let tab = browser.js("return document.title;", json!([]));
    assert!(
        tab.as_str().unwrap().starts_with(&map.title),
        "the tab shows the map's title: {tab}"
    );
    let votes = browser.find_all("#stages .card .vote");
    let state = room_state(&server);
    assert_eq!(
        votes.len(),
        state["cards"].as_array().unwrap().len(),
        "every votable card listed"
    );
    assert!(votes.len() >= 2, "cards to vote on");
    assert_eq!(
        dots_text(browser),
        json!(word(
            lang,
            "room-page-dots-left",
            &[("left", "3"), ("total", "3")]
        ))
    );

    // Two dots on the first card, one on the last.
    let (first, first_title) = card_of(browser, &map, journey, &votes[0]);
    let other = votes.last().unwrap();
    let (second, second_title) = card_of(browser, &map, journey, other);
    vote(browser, lang, &votes[0], 1);
    vote(browser, lang, &votes[0], 2);
    vote(browser, lang, other, 1);
    assert_eq!(
        dots_text(browser),
        json!(word(
            lang,
            "room-page-dots-left",
            &[("left", "0"), ("total", "3")]
        ))
    );
    assert_eq!(
        browser.js(
            "var b = document.getElementById('banner-empty'); return b.hidden ? null : b.textContent;",
            json!([])
        ),
        json!(word(lang, "room-page-no-dots", &[]))
    );
    assert_eq!(
        browser.js(
            "return Array.prototype.every.call(document.querySelectorAll('#stages .vote'),
               function (b) { return b.getAttribute('aria-disabled') === 'true'; });",
            json!([])
        ),
        json!(true),
        "every vote button off"
    );
    // A fourth tap is turned down by the page itself.
    browser.tap(&votes[1]);
    browser.wait_for(
        "no dots left said",
        "var t = document.getElementById('toast-err');
         return t.classList.contains('off') ? null : document.getElementById('toast-err-text').textContent;",
        json!([]),
        json!(word(lang, "room-page-no-dots", &[])),
        PATIENCE,
    );
    browser.tap(&browser.find("#toast-close"));
    scroll_to(browser, "#vote-section");
    browser.screenshot(&shots.join("room-en-voted.png"));

    let (stage, stage_name) = send_note(browser, lang, 1, NOTE);
    assert_eq!(
        map.stage(stage).map(|s| s.name.as_str()),
        Some(&*stage_name)
    );
    scroll_to(browser, "#note-section");
    browser.screenshot(&shots.join("room-en-note-sent.png"));

    // What the editor takes from the room.
    let taken = server.take();
    assert_eq!(taken.ballots.len(), 3, "{:?}", taken.ballots);
    let on = |card: CardId| {
        taken
            .ballots
            .iter()
            .filter(|b| matches!(b, Ballot::Cast(v) if v.card == card))
            .count()
    };
    assert_eq!(
        on(first),
        2,
        "two dots on {first_title:?}: {:?}",
        taken.ballots
    );
    assert_eq!(
        on(second),
        1,
        "one dot on {second_title:?}: {:?}",
        taken.ballots
    );
    let participants: std::collections::HashSet<_> = taken
        .ballots
        .iter()
        .map(|b| match b {
            Ballot::Cast(v) => v.participant.clone(),
            other => panic!("only dots put on: {other:?}"),
        })
        .collect();
    assert_eq!(participants.len(), 1, "one phone");
    assert_eq!(taken.notes.len(), 1, "{:?}", taken.notes);
    let note = &taken.notes[0];
    assert_eq!(note.text, NOTE);
    assert_eq!(note.stage, stage);
    assert_eq!(note.lane, None);
    assert!(participants.contains(&note.participant));

    // The facilitator reveals the counts: the page shows them without being asked.
    let mut revealed = map.clone();
    revealed.votes = revealed.votes_after(&taken.ballots);
    revealed.room.revealed = true;
    let published = Instant::now();
    server.publish(&revealed, journey, lang, true);
    let shows = |vote: &Element, votes: &str, key| {
        browser.wait_for(
            "the count shown",
            "var t = arguments[0].closest('.card').querySelector('.total');
             return t.hidden ? null : t.textContent;",
            json!([vote.arg()]),
            json!(word(lang, key, &[("votes", votes)])),
            LIVE,
        );
    };
    shows(&votes[0], "2", "room-page-votes-other");
    shows(other, "1", "room-page-votes-one");
    eprintln!(
        "en: counts shown {} ms after the editor revealed them",
        ms(published.elapsed())
    );
    assert_eq!(
        browser.js(
            "return !document.getElementById('banner-revealed').hidden;",
            json!([])
        ),
        json!(true)
    );
    scroll_to(browser, "#vote-section");
    browser.screenshot(&shots.join("room-en-revealed.png"));
    browser.assert_no_console_errors("en");

    // Away before the room closes (its end is the Spanish page's business).
    browser.goto("about:blank");
}

fn in_spanish(browser: &Browser, shots: &Path) {
    let lang = Lang::Es;
    let (server, map, journey) = join_room(browser, lang);
    let votes = browser.find_all("#stages .card .vote");
    assert_eq!(
        votes.len(),
        room_state(&server)["cards"].as_array().unwrap().len()
    );
    assert_eq!(
        dots_text(browser),
        json!(word(
            lang,
            "room-page-dots-left",
            &[("left", "3"), ("total", "3")]
        ))
    );

    let (card, _) = card_of(browser, &map, journey, &votes[0]);
    vote(browser, lang, &votes[0], 1);
    assert_eq!(
        dots_text(browser),
        json!(word(
            lang,
            "room-page-dots-left",
            &[("left", "2"), ("total", "3")]
        ))
    );

    // The README's picture: the top of the page, the map drawn, after voting.
    browser.js("window.scrollTo({top: 0, behavior: 'instant'});", json!([]));
    browser.wait_for(
        "the map's picture",
        "var img = document.getElementById('map-img');
         return !img.hidden && img.complete && img.naturalWidth > 0 &&
           document.getElementById('toast-ok').classList.contains('off');",
        json!([]),
        json!(true),
        PATIENCE,
    );
    browser.screenshot(&shots.join("room-es-voted.png"));

    let (stage, _) = send_note(browser, lang, 0, NOTE_ES);
    scroll_to(browser, "#note-section");
    browser.screenshot(&shots.join("room-es-note-sent.png"));

    let taken = server.take();
    assert!(
        matches!(&taken.ballots[..], [Ballot::Cast(v)] if v.card == card),
        "{:?}",
        taken.ballots
    );
    assert_eq!(taken.notes.len(), 1, "{:?}", taken.notes);
    assert_eq!(taken.notes[0].text, NOTE_ES);
    assert_eq!(taken.notes[0].stage, stage);
    browser.assert_no_console_errors("es");

    // A mid-range phone: the same page with the CPU four times slower.
    browser.cdp("Emulation.setCPUThrottlingRate", json!({"rate": 4}));
    let slow = load(browser, server.address());
    browser.cdp("Emulation.setCPUThrottlingRate", json!({"rate": 1}));
    eprintln!(
        "es, CPU 4× slower: cards listed {} ms after navigating (page's clock: {:.0} ms)",
        ms(slow.wall),
        slow.in_page
    );
    assert!(
        slow.wall < Duration::from_secs(5),
        "usable in {} ms on a slow phone",
        ms(slow.wall)
    );

    // The facilitator closes the room: the phone says so, rather than "offline".
    server.close();
    browser.wait_for(
        "the room closed",
        "return !document.getElementById('closed').hidden && document.title;",
        json!([]),
        json!(word(lang, "room-page-closed", &[])),
        LIVE,
    );
}
