//! The workshop room: a small web server on the local network through which the people in the
//! room see the journey on their phones, put their dots on cards and send sticky notes.
//!
//! The room runs on its own threads and never touches the editor's document. It keeps the map
//! as the editor last handed it over ([`Server::publish`]) and judges each dot by the model's
//! rules against it; the dots and notes it takes wait until the editor's next frame takes them
//! ([`Server::take`]) and applies them as edits. Nothing a participant sends can block a frame:
//! the editor only ever holds the room's lock for a copy.
//!
//! - `token`: the random key in the address;
//! - `limit`: rate limits;
//! - `live`: the state between frames and the answers to participants;
//! - `http`: the server itself, its routes and live updates;
//! - `page`: the participants' page;
//! - `qr`: the address as a QR code.

mod http;
mod limit;
mod live;
mod page;
mod qr;
mod token;

pub use crate::model::RoomNote;
pub use live::{BODY_LIMIT, Counts, Refused, clean_note};
pub use page::weight as page_weight;
pub use qr::QrCode;
pub use token::Token;

use crate::i18n::{Lang, fmt};
use crate::model::{Ballot, JourneyId, Map};
use live::Live;
use std::fmt as stdfmt;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

/// The port the room asks for first: easy to read out and type. Taken, it takes any free one.
pub const DEFAULT_PORT: u16 = 8040;

/// Where the room listens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// The address to listen on: every network of the computer by default.
    pub bind: IpAddr,
    /// The port; `None` asks for [`DEFAULT_PORT`], else any free one.
    pub port: Option<u16>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            bind: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            port: None,
        }
    }
}

/// What the room took since the editor last asked.
#[derive(Debug, Default)]
pub struct Taken {
    pub ballots: Vec<Ballot>,
    pub notes: Vec<RoomNote>,
}

impl Taken {
    pub fn is_empty(&self) -> bool {
        self.ballots.is_empty() && self.notes.is_empty()
    }
}

/// Why the room could not open.
#[derive(Debug)]
pub enum RoomError {
    /// The port is taken or the address is not this computer's.
    Listen { at: String, reason: String },
    /// The system would not give random bits for the key.
    Random(String),
}

impl stdfmt::Display for RoomError {
    fn fmt(&self, f: &mut stdfmt::Formatter<'_>) -> stdfmt::Result {
        match self {
            RoomError::Listen { at, reason } => f.write_str(&fmt(
                "room-error-listen",
                &[("at", at.into()), ("reason", reason.into())],
            )),
            RoomError::Random(reason) => {
                f.write_str(&fmt("room-error-random", &[("reason", reason.into())]))
            }
        }
    }
}

impl std::error::Error for RoomError {}

/// What the room's threads share.
struct Shared {
    live: Mutex<Live>,
    /// Signalled whenever the live state changes or the room closes (live-update streams
    /// wait on it).
    changed: Condvar,
    token: Token,
    /// Wakes the editor when the room has taken something.
    wake: Box<dyn Fn() + Send + Sync>,
    /// One picture is drawn at a time; the others wait for it.
    drawing: Mutex<()>,
    /// Request threads running now.
    active: std::sync::atomic::AtomicUsize,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Live> {
        // A thread that panicked while holding the lock left the state whole (every change
        // under it is a push or an assignment), so carry on with it.
        self.live.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// An open room. Dropping it closes the room and ends every live connection.
pub struct Server {
    shared: Arc<Shared>,
    accepter: Option<std::thread::JoinHandle<()>>,
    /// Where to knock so the accepting thread sees the room is closing.
    wake_at: Option<std::net::SocketAddr>,
    address: String,
    port: u16,
}

impl Server {
    /// Opens the room for `journey` of `map`, speaking `lang`. `wake` is called (from the
    /// room's threads) whenever a dot or a note arrives.
    pub fn open(
        options: Options,
        map: &Map,
        journey: JourneyId,
        lang: Lang,
        wake: Box<dyn Fn() + Send + Sync>,
    ) -> Result<Server, RoomError> {
        let token = Token::random().map_err(|e| RoomError::Random(e.to_string()))?;
        Self::open_again(options, token, map, journey, lang, wake)
    }

    /// Opens the room again with a key it had: the phones' address stays the same (when the
    /// port is still free).
    pub fn open_again(
        options: Options,
        token: Token,
        map: &Map,
        journey: JourneyId,
        lang: Lang,
        wake: Box<dyn Fn() + Send + Sync>,
    ) -> Result<Server, RoomError> {
        let listener = http::listen(options)?;
        let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
        let host = http::host_for(options.bind);
        let address = format!(
            "http://{}/r/{}/",
            http::host_port(host, port),
            token.as_str()
        );
        let wake_at = http::wake_address(&listener);
        let shared = Arc::new(Shared {
            live: Mutex::new(Live::new(map.clone(), journey, lang)),
            changed: Condvar::new(),
            token,
            wake,
            drawing: Mutex::new(()),
            active: Default::default(),
        });
        let accepter = http::spawn(listener, Arc::clone(&shared));
        Ok(Server {
            shared,
            accepter: Some(accepter),
            wake_at,
            address,
            port,
        })
    }

    /// The address participants open: `http://HOST:PORT/r/TOKEN/`.
    pub fn address(&self) -> &str {
        &self.address
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The room's key, to open it again at the same address.
    pub fn token(&self) -> Token {
        self.shared.token.clone()
    }

    /// The dots and notes taken since the last call. The dots are already counted in what
    /// the room shows; the editor applies them to its map and publishes it again when the
    /// picture changes.
    pub fn take(&self) -> Taken {
        let mut live = self.shared.lock();
        Taken {
            ballots: std::mem::take(&mut live.ballots),
            notes: std::mem::take(&mut live.notes),
        }
    }

    /// Hands the room the editor's map (with every dot taken so far applied), the journey
    /// shown and the language.
    pub fn publish(&self, map: &Map, journey: JourneyId, lang: Lang, picture_changed: bool) {
        let copy = map.clone();
        self.shared
            .lock()
            .publish(copy, journey, lang, picture_changed);
        self.shared.changed.notify_all();
    }

    pub fn counts(&self) -> Counts {
        self.shared.lock().counts()
    }

    /// The counts, when they may have changed since `seen` (which is brought up to date).
    pub fn counts_since(&self, seen: &mut Option<u64>) -> Option<Counts> {
        let live = self.shared.lock();
        if *seen == Some(live.counted) {
            return None;
        }
        *seen = Some(live.counted);
        Some(live.counts())
    }

    /// Closes the room: the server stops listening and every live stream ends.
    pub fn close(mut self) {
        self.shut();
    }

    /// Closes the room but keeps what it took for a last [`Self::take`]: no dot or note is
    /// taken after this returns.
    pub fn stop(&mut self) {
        self.shut();
    }

    fn shut(&mut self) {
        self.shared.lock().open = false;
        self.shared.changed.notify_all();
        if let Some(thread) = self.accepter.take() {
            // The accepting thread sees the room closed at its next connection: this one.
            let knocked = self.wake_at.is_some_and(|at| {
                std::net::TcpStream::connect_timeout(&at, std::time::Duration::from_secs(1)).is_ok()
            });
            if knocked {
                let _ = thread.join();
            }
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shut();
    }
}
