//! Writes the open document's journal in the background: within [`QUIET`] of the last edit, and
//! at least every [`AT_MOST`] while edits keep coming. The UI thread only clones the map; the
//! worker turns it into text and writes it atomically.

use super::{Header, JOURNAL_VERSION, Shown, journal_dir, journal_text, now_secs};
use crate::document::Document;
use crate::model::{Map, RoomNote};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

/// Journal this long after the last edit…
pub const QUIET: Duration = Duration::from_secs(2);
/// …and at least this often during continuous editing.
pub const AT_MOST: Duration = Duration::from_secs(10);

enum Job {
    Write {
        file: PathBuf,
        header: Header,
        map: Box<Map>,
    },
    Remove(PathBuf),
}

/// What the worker tells the window.
#[derive(Clone, Debug, PartialEq)]
pub enum AutosaveReport {
    Written { file: PathBuf, took: Duration },
    Failed { folder: PathBuf, reason: String },
}

/// What a journal holds, told apart: the document's revision, the journey on show, and a
/// fingerprint of the room's notes waiting in the inbox.
type Journaled = ((u64, u64), Option<Shown>, u64);

/// The autosave of one window.
pub struct Autosave {
    /// The journal folder; `None` switches autosave off.
    dir: Option<PathBuf>,
    jobs: Option<Sender<Job>>,
    reports: Option<Receiver<AutosaveReport>>,
    /// This document's journal file name (without folder).
    key: String,
    /// The document revision (and journey on show) last journaled, and whether a journal file
    /// exists for it.
    written: Option<Journaled>,
    on_disk: bool,
    /// The journey on show, as the window last said.
    shown: Option<Shown>,
    /// The revision (and journey) seen last frame, when it was first seen, and since when
    /// edits are waiting.
    seen: Option<Journaled>,
    last_change: Instant,
    pending_since: Option<Instant>,
    serial: u64,
    /// The room's notes waiting in the inbox, and their fingerprint (0 for none).
    notes: Vec<RoomNote>,
    notes_mark: u64,
}

impl Autosave {
    /// Autosave into `data_dir`'s journal folder; `None` switches it off (tests, no data folder).
    pub fn new(data_dir: Option<PathBuf>) -> Self {
        let dir = data_dir.map(|d| journal_dir(&d));
        let mut autosave = Autosave {
            dir,
            jobs: None,
            reports: None,
            key: String::new(),
            written: None,
            on_disk: false,
            shown: None,
            seen: None,
            last_change: Instant::now(),
            pending_since: None,
            serial: 0,
            notes: Vec::new(),
            notes_mark: 0,
        };
        autosave.new_document();
        autosave
    }

    pub fn is_on(&self) -> bool {
        self.dir.is_some()
    }

    /// The journal file of the current document.
    pub fn file(&self) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| d.join(format!("{}.ron", self.key)))
    }

    /// A different document is now open: its journal gets a file of its own. The previous
    /// document's journal stays unless [`Self::discard`] was called for it.
    pub fn new_document(&mut self) {
        self.serial += 1;
        self.key = format!("{}-{}", std::process::id(), self.serial);
        self.written = None;
        self.on_disk = false;
        self.seen = None;
        self.pending_since = None;
    }

    /// Makes an existing journal file (a restored map's) this document's own: it stays until
    /// the map is saved or discarded, and later journals overwrite it.
    pub fn adopt(&mut self, file: &std::path::Path, revision: (u64, u64)) {
        if let Some(stem) = file.file_stem() {
            self.key = stem.to_string_lossy().into_owned();
            self.on_disk = true;
            // Rewritten soon under this process, so no other editor offers it meanwhile.
            self.written = None;
            self.seen = Some((revision, self.shown, 0));
            self.pending_since = None;
        }
    }

    /// Removes the current document's journal: its work is saved, or thrown away on purpose.
    pub fn discard(&mut self) {
        if self.on_disk
            && let Some(file) = self.file()
        {
            self.send(Job::Remove(file));
        }
        self.on_disk = false;
        self.written = None;
        self.pending_since = None;
    }

    /// The workshop room's notes waiting in the inbox, which are in no file until accepted:
    /// journaled with the map (and journaled alone while the map itself has nothing unsaved).
    /// `mark` changes whenever they do; `notes` is only asked for then.
    pub fn room_notes(&mut self, mark: u64, notes: impl FnOnce() -> Vec<RoomNote>) {
        if mark != self.notes_mark {
            self.notes = notes();
            self.notes_mark = mark;
        }
    }

    /// Which journey the window shows: journaled with the map, so a restore opens on it (a
    /// switch to another journey is journaled like an edit, while there is unsaved work).
    pub fn show(&mut self, shown: Shown) {
        self.shown = Some(shown);
    }

    /// Call every frame. Journals the document when due; returns how long until it next needs a
    /// look (to schedule a repaint), if anything is waiting.
    pub fn tick(&mut self, doc: &Document, now: Instant) -> Option<Duration> {
        self.dir.as_ref()?;
        let state = (doc.revision(), self.shown, self.notes_mark);
        if !doc.is_dirty() && self.notes.is_empty() {
            // Saved, or undone back to the saved state: nothing to recover.
            self.discard();
            self.seen = Some(state);
            return None;
        }
        if self.written == Some(state) {
            return None;
        }
        if self.seen != Some(state) {
            self.seen = Some(state);
            self.last_change = now;
            self.pending_since.get_or_insert(now);
        }
        let since = self.pending_since.unwrap_or(now);
        let due = (self.last_change + QUIET).min(since + AT_MOST);
        if now < due {
            return Some(due - now);
        }
        let header = Header {
            journal: JOURNAL_VERSION,
            path: doc.path.clone(),
            title: doc.map().title.clone(),
            time: now_secs(),
            changes: doc.history.steps_since_save(),
            cards: doc.map().cards.len(),
            pid: std::process::id(),
            shown: self.shown,
            inbox: self.notes.clone(),
        };
        let file = self.file()?;
        self.send(Job::Write {
            file,
            header,
            map: Box::new(doc.map().clone()),
        });
        self.written = Some(state);
        self.on_disk = true;
        self.pending_since = None;
        None
    }

    /// Reports from the worker since the last call.
    pub fn reports(&mut self) -> Vec<AutosaveReport> {
        self.reports
            .as_ref()
            .map(|r| r.try_iter().collect())
            .unwrap_or_default()
    }

    fn send(&mut self, job: Job) {
        if self.jobs.is_none() {
            let (jobs, reports) = start_worker();
            self.jobs = Some(jobs);
            self.reports = Some(reports);
        }
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(job);
        }
    }

    /// Waits until every job sent so far is done (quitting, tests).
    pub fn flush(&mut self) {
        if let Some(jobs) = self.jobs.take() {
            drop(jobs);
            // The worker ends once the channel is closed and empty; its reports say when.
            if let Some(reports) = &self.reports {
                while reports.recv().is_ok() {}
            }
            self.reports = None;
        }
    }
}

fn start_worker() -> (Sender<Job>, Receiver<AutosaveReport>) {
    let (jobs, inbox) = mpsc::channel::<Job>();
    let (outbox, reports) = mpsc::channel();
    // Its reports (a folder it cannot write to) are read by the user: in their language.
    let lang = crate::i18n::current();
    std::thread::Builder::new()
        .name("trayecto autosave".into())
        .spawn(move || {
            crate::i18n::set(lang);
            while let Ok(first) = inbox.recv() {
                // Of a burst of jobs, only the newest for each file matters.
                let burst: Vec<Job> = std::iter::once(first).chain(inbox.try_iter()).collect();
                let mut files = std::collections::HashSet::new();
                let mut newest: Vec<Job> = burst
                    .into_iter()
                    .rev()
                    .filter(|job| files.insert(job.file().clone()))
                    .collect();
                newest.reverse();
                for job in newest {
                    if let Some(report) = run(job)
                        && outbox.send(report).is_err()
                    {
                        return;
                    }
                }
            }
        })
        .expect("the autosave thread starts");
    (jobs, reports)
}

impl Job {
    fn file(&self) -> &PathBuf {
        match self {
            Job::Write { file, .. } | Job::Remove(file) => file,
        }
    }
}

fn run(job: Job) -> Option<AutosaveReport> {
    match job {
        Job::Remove(file) => {
            let _ = std::fs::remove_file(file);
            None
        }
        Job::Write { file, header, map } => {
            let started = Instant::now();
            let folder = file.parent().map(PathBuf::from).unwrap_or_default();
            let result = super::private_folder(&folder)
                .map_err(|e| crate::file::io_words(&e))
                .and_then(|()| {
                    let text = journal_text(&header, &map);
                    // As private as the map itself, never written through a planted link.
                    let mode = header.path.as_deref().and_then(crate::file::mode);
                    let rules = crate::file::Rules::own(mode.unwrap_or(0o600));
                    crate::file::write_atomically(&file, text.as_bytes(), rules)
                        .map(|_| ())
                        .map_err(|e| e.message())
                });
            Some(match result {
                Ok(()) => AutosaveReport::Written {
                    file,
                    took: started.elapsed(),
                },
                Err(reason) => AutosaveReport::Failed { folder, reason },
            })
        }
    }
}
