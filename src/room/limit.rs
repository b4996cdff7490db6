//! Rate limits: token buckets for the room as a whole and for each participant, so one phone
//! (or one script) cannot drown the others or the editor.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::time::Instant;

/// A bucket that holds up to `burst` requests and refills at `per_second`.
#[derive(Clone, Debug)]
pub struct Bucket {
    burst: f64,
    per_second: f64,
    level: f64,
    at: Instant,
}

impl Bucket {
    pub fn new(burst: u32, per_second: u32) -> Self {
        Bucket {
            burst: burst.into(),
            per_second: per_second.into(),
            level: burst.into(),
            at: Instant::now(),
        }
    }

    /// Takes one request's worth if there is one.
    pub fn take(&mut self, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.level = (self.level + elapsed * self.per_second).min(self.burst);
        self.at = now;
        if self.level >= 1.0 {
            self.level -= 1.0;
            true
        } else {
            false
        }
    }

    fn full_at(&self, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.level + elapsed * self.per_second >= self.burst
    }
}

/// The room's limits: every request once (reads and writes), every write once more, each
/// participant's writes, and each device's requests, connections and participant ids.
/// Requests with a wrong key have a budget of their own, so they cannot use up the room's.
/// The computer itself (loopback) is the facilitator's, and has no device limits.
#[derive(Debug)]
pub struct Limits {
    reads: Bucket,
    writes: Bucket,
    strangers: Bucket,
    participants: HashMap<String, Bucket>,
    devices: HashMap<IpAddr, Device>,
}

/// What one device on the network is using.
#[derive(Debug)]
struct Device {
    requests: Bucket,
    connections: usize,
    /// The participant ids it has written as: a phone has one.
    ids: HashSet<String>,
}

/// A participant may send this many votes and notes at once…
const PARTICIPANT_BURST: u32 = 12;
/// …and then this many a second: faster than a thumb, slower than a script.
const PARTICIPANT_RATE: u32 = 4;
/// Participants whose buckets are kept; past it, full buckets are forgotten.
const PARTICIPANTS_KEPT: usize = 4_096;
/// A device may send this many requests at once, then this many a second: a phone loading
/// the page and following the room uses a few.
const DEVICE_BURST: u32 = 300;
const DEVICE_RATE: u32 = 100;
/// Connections one device may hold open at once.
const DEVICE_CONNECTIONS: usize = 32;
/// Participant ids one device may write as (a phone, a private tab, a second browser…).
const DEVICE_IDS: usize = 8;
/// Devices whose use is kept; past it, idle ones are forgotten.
const DEVICES_KEPT: usize = 4_096;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // Sixty phones loading the page, the picture and the state at once, and then some.
            reads: Bucket::new(2_000, 1_000),
            writes: Bucket::new(600, 300),
            strangers: Bucket::new(200, 100),
            participants: HashMap::new(),
            devices: HashMap::new(),
        }
    }
}

impl Limits {
    fn device(&mut self, ip: IpAddr, now: Instant) -> Option<&mut Device> {
        if ip.is_loopback() {
            return None;
        }
        if self.devices.len() >= DEVICES_KEPT && !self.devices.contains_key(&ip) {
            self.devices
                .retain(|_, d| d.connections > 0 || !d.requests.full_at(now));
        }
        Some(self.devices.entry(ip).or_insert_with(|| Device {
            requests: Bucket::new(DEVICE_BURST, DEVICE_RATE),
            connections: 0,
            ids: HashSet::new(),
        }))
    }

    /// A new connection from `ip`: whether it may be served.
    pub fn connect(&mut self, ip: IpAddr, now: Instant) -> bool {
        match self.device(ip, now) {
            Some(device) if device.connections >= DEVICE_CONNECTIONS => false,
            Some(device) => {
                device.connections += 1;
                true
            }
            None => true,
        }
    }

    /// A connection from `ip` ended.
    pub fn disconnect(&mut self, ip: IpAddr) {
        if let Some(device) = self.devices.get_mut(&ip) {
            device.connections = device.connections.saturating_sub(1);
        }
    }

    /// A request with a wrong key or path: whether to answer it at all.
    pub fn stranger(&mut self, now: Instant) -> bool {
        self.strangers.take(now)
    }

    /// A request to the room from `ip`.
    pub fn read(&mut self, ip: IpAddr, now: Instant) -> bool {
        let own = self.device(ip, now).is_none_or(|d| d.requests.take(now));
        own && self.reads.take(now)
    }

    /// A vote or a note from `participant` on `ip`: allowed by the room's, the device's and
    /// the participant's rates.
    pub fn write(&mut self, ip: IpAddr, participant: &str, now: Instant) -> bool {
        if let Some(device) = self.device(ip, now)
            && !device.ids.contains(participant)
        {
            if device.ids.len() >= DEVICE_IDS {
                return false;
            }
            device.ids.insert(participant.to_owned());
        }
        if self.participants.len() >= PARTICIPANTS_KEPT
            && !self.participants.contains_key(participant)
        {
            self.participants.retain(|_, b| !b.full_at(now));
            if self.participants.len() >= PARTICIPANTS_KEPT {
                return false;
            }
        }
        let own = self
            .participants
            .entry(participant.to_owned())
            .or_insert_with(|| Bucket::new(PARTICIPANT_BURST, PARTICIPANT_RATE));
        own.take(now) && self.writes.take(now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_bucket_lets_a_burst_through_then_refills() {
        let t = Instant::now();
        let mut b = Bucket::new(3, 2);
        assert!(b.take(t) && b.take(t) && b.take(t));
        assert!(!b.take(t));
        assert!(
            b.take(t + Duration::from_millis(500)),
            "one refilled in half a second"
        );
        assert!(!b.take(t + Duration::from_millis(500)));
    }

    #[test]
    fn one_participant_is_held_back_without_holding_back_the_others() {
        let t = Instant::now();
        let mut limits = Limits::default();
        let here = IpAddr::from([192, 168, 1, 20]);
        let taken = (0..1000)
            .filter(|_| limits.write(here, "greedy", t))
            .count();
        assert_eq!(taken, PARTICIPANT_BURST as usize);
        assert!(limits.write(IpAddr::from([192, 168, 1, 21]), "other", t));
    }

    #[test]
    fn a_device_holds_a_few_ids_and_connections_and_the_computer_itself_any() {
        let t = Instant::now();
        let mut limits = Limits::default();
        let phone = IpAddr::from([10, 0, 0, 7]);
        let ids = (0..100)
            .filter(|i| limits.write(phone, &format!("p-{i}"), t))
            .count();
        assert_eq!(ids, DEVICE_IDS, "a script on one laptop cannot be a crowd");
        let open = (0..100).filter(|_| limits.connect(phone, t)).count();
        assert_eq!(open, DEVICE_CONNECTIONS);
        limits.disconnect(phone);
        assert!(limits.connect(phone, t));
        let here = IpAddr::from([127, 0, 0, 1]);
        assert!((0..100).all(|i| limits.write(here, &format!("q-{i}"), t)));
        assert!((0..100).all(|_| limits.connect(here, t)));
    }

    #[test]
    fn strangers_have_a_budget_of_their_own() {
        let t = Instant::now();
        let mut limits = Limits::default();
        while limits.stranger(t) {}
        assert!(
            limits.read(IpAddr::from([10, 0, 0, 8]), t),
            "the room still answers its own"
        );
    }
}
