//! Rate limits: token buckets for the room as a whole and for each participant, so one phone
//! (or one script) cannot drown the others or the editor.

use std::collections::HashMap;
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

/// Every request once (reads and writes), every write once more, and each participant's writes.
#[derive(Debug)]
pub struct Limits {
    reads: Bucket,
    writes: Bucket,
    participants: HashMap<String, Bucket>,
}

/// A participant may send this many votes and notes at once…
const PARTICIPANT_BURST: u32 = 12;
/// …and then this many a second: faster than a thumb, slower than a script.
const PARTICIPANT_RATE: u32 = 4;
/// Participants whose buckets are kept; past it, full buckets are forgotten.
const PARTICIPANTS_KEPT: usize = 4_096;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // Sixty phones loading the page, the picture and the state at once, and then some.
            reads: Bucket::new(2_000, 1_000),
            writes: Bucket::new(600, 300),
            participants: HashMap::new(),
        }
    }
}

impl Limits {
    pub fn read(&mut self, now: Instant) -> bool {
        self.reads.take(now)
    }

    /// A vote or a note from `participant`: allowed by the room's and the participant's rates.
    pub fn write(&mut self, participant: &str, now: Instant) -> bool {
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
        let taken = (0..1000).filter(|_| limits.write("greedy", t)).count();
        assert_eq!(taken, PARTICIPANT_BURST as usize);
        assert!(limits.write("other", t));
    }
}
