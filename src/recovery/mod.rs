//! Never losing work: an autosave journal written in the background, and the list of maps
//! with unsaved work found after a crash. (Noticing changes to the open file is [`crate::watch`].)
//!
//! Each open document with unsaved edits has one journal file in the data folder's
//! `recovery/`: a one-line header (what map, when, how many undo steps, which journey was shown)
//! followed by the map's text exactly as a save would write it, so recovering is loading. The
//! map file itself is never touched: saving stays the user's choice.

mod autosave;

pub use autosave::{Autosave, AutosaveReport};

use crate::model::JourneyId;
use crate::view::View;

use crate::file::{self, FileError, FileErrorKind};
use crate::format;
use crate::model::{Map, RoomNote};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The version of the journal's header line. Version 3 holds the room's notes waiting in the
/// inbox; version 2 counts undo steps and says which journey was shown; versions 1 (every edit
/// counted, keystrokes too) and 2 are still read.
const JOURNAL_VERSION: u32 = 3;
const OLDEST_JOURNAL: u32 = 1;
const FOLDER: &str = "recovery";
/// Journals may hold maps a little over the file limit: recovering must never be refused for
/// the very reason that saving was.
const MAX_JOURNAL_BYTES: u64 = 4 * file::MAX_FILE_BYTES;

/// The first line of a journal file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub journal: u32,
    /// The map's file, or `None` for a map never saved.
    pub path: Option<PathBuf>,
    pub title: String,
    /// Seconds since 1970 when the journal was written.
    pub time: u64,
    /// How much unsaved work the journal holds: from version 2 on, the undo steps between the
    /// map as saved and as journaled (a field's typing is one step); in version 1 journals,
    /// every edit, undo and redo, each keystroke too (see [`Header::steps`]).
    pub changes: u64,
    pub cards: usize,
    /// The editor process that wrote it: a journal of a running editor is not offered.
    pub pid: u32,
    /// The journey on show (and the one laid over it) when the journal was written, for the
    /// restored map to open on; older journals do not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<Shown>,
    /// The workshop room's notes waiting in the inbox, which are in no file until accepted
    /// (version 3 on).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inbox: Vec<RoomNote>,
}

impl Header {
    /// The undo steps of unsaved work, where the journal counts them (version 1 counted every
    /// keystroke, a number that meant little).
    pub fn steps(&self) -> Option<u64> {
        (self.journal >= 2).then_some(self.changes)
    }
}

/// Which journey the window showed, and which one was laid over it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shown {
    pub journey: JourneyId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare: Option<JourneyId>,
}

impl From<View> for Shown {
    fn from(view: View) -> Self {
        Shown {
            journey: view.journey,
            compare: view.compare,
        }
    }
}

impl Shown {
    /// The view to show `map` in: this one, mended where a journey is gone.
    pub fn view(self, map: &Map) -> View {
        View {
            journey: self.journey,
            compare: self.compare,
        }
        .valid(map)
    }
}

/// Where journals live: `TRAYECTO_DATA_DIR`, else the user's data folder.
pub fn data_dir() -> Option<PathBuf> {
    std::env::var_os("TRAYECTO_DATA_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("org", "Trayecto", "Trayecto")
                .map(|d| d.data_dir().to_path_buf())
        })
}

/// Makes the journal folder (and the data folder above it) when missing; the journal folder is
/// the user's alone (0700), since it holds whole maps.
pub(crate) fn private_folder(folder: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let metadata = std::fs::symlink_metadata(folder)?;
        if !metadata.is_dir() {
            return Err(std::io::Error::from(std::io::ErrorKind::NotADirectory));
        }
        if metadata.permissions().mode() & 0o777 != 0o700 {
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

/// The journal folder inside a data folder.
pub fn journal_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(FOLDER)
}

/// A journal found on disk.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The journal file.
    pub file: PathBuf,
    /// Its name without extension: how `trayecto recover` names maps that have no file.
    pub key: String,
    pub header: Header,
}

impl Entry {
    pub fn time(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(self.header.time)
    }

    /// The map as it was when the journal was written.
    pub fn read_map(&self) -> Result<Map, FileError> {
        let (text, _) = file::read_text(&self.file, MAX_JOURNAL_BYTES)?;
        let body = text.split_once('\n').map_or("", |(_, body)| body);
        format::parse(body).map_err(|e| FileError::new(&self.file, FileErrorKind::Parse(e)))
    }

    /// Whether `path` names this journal's map (or its key).
    pub fn is_for(&self, path: &Path) -> bool {
        if path.as_os_str() == self.key.as_str() {
            return true;
        }
        let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        self.header
            .path
            .as_deref()
            .is_some_and(|own| own == path || canonical(own) == canonical(path))
    }
}

/// A journal that could not be read, with the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Damaged {
    pub file: PathBuf,
    pub reason: String,
}

/// The journals in `data_dir`, newest first, without those of editors still running (unless
/// `include_running`). Reads only each header line, so it stays fast with big maps.
pub fn list(data_dir: &Path, include_running: bool) -> (Vec<Entry>, Vec<Damaged>) {
    let dir = journal_dir(data_dir);
    let mut entries = Vec::new();
    let mut damaged = Vec::new();
    let Ok(read) = std::fs::read_dir(&dir) else {
        return (entries, damaged);
    };
    for item in read.flatten() {
        let path = item.path();
        if path.extension().is_none_or(|e| e != "ron") || !path.is_file() {
            continue;
        }
        match read_header(&path) {
            Ok(header) => {
                let live = header.pid == std::process::id() || running(header.pid);
                if live && !include_running {
                    continue;
                }
                let key = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                entries.push(Entry {
                    file: path,
                    key,
                    header,
                });
            }
            Err(reason) => damaged.push(Damaged { file: path, reason }),
        }
    }
    entries.sort_by(|a, b| b.header.time.cmp(&a.header.time).then(a.key.cmp(&b.key)));
    (entries, damaged)
}

fn read_header(path: &Path) -> Result<Header, String> {
    use std::io::{BufRead, Read};
    let file = std::fs::File::open(path).map_err(|e| file::io_words(&e))?;
    let mut line = String::new();
    // The header is one short line; never read a whole (possibly huge) map to find it.
    std::io::BufReader::new(file.take(64 * 1024))
        .read_line(&mut line)
        .map_err(|_| crate::i18n::tr("journal-not-text").to_owned())?;
    let header: Header = ron::from_str(line.trim_end())
        .map_err(|_| crate::i18n::tr("journal-not-ours").to_owned())?;
    if !(OLDEST_JOURNAL..=JOURNAL_VERSION).contains(&header.journal) {
        return Err(crate::i18n::fmt(
            "journal-unknown-version",
            &[("version", header.journal.into())],
        ));
    }
    Ok(header)
}

/// Whether a process with this id is a running Trayecto.
pub fn is_running(pid: u32) -> bool {
    pid == std::process::id() || running(pid)
}

fn running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        std::fs::read_to_string(format!("/proc/{pid}/comm"))
            .is_ok_and(|name| name.trim_end().starts_with("trayecto"))
    } else {
        false
    }
}

/// The text of a journal file.
pub fn journal_text(header: &Header, map: &Map) -> String {
    let mut text = ron::to_string(header).expect("a header always serialises");
    text.push('\n');
    text.push_str(&format::to_text(map));
    text
}

/// Seconds since 1970, now.
pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A short "how long ago" for the recovery list.
pub fn age(time: SystemTime) -> Duration {
    SystemTime::now().duration_since(time).unwrap_or_default()
}
