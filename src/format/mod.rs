//! Every map format Trayecto reads and writes, in one table: [`FORMATS`]. A row says how the
//! format is known (id, file extensions, its name for people), what of a map it can hold, and
//! how a map goes in and out of its text. File dialogs, drag and drop, the command line and the
//! "unknown type" messages are all built from this table, so a new format is one new module
//! here and one row.
//!
//! Pure text in and out, no I/O: reading and writing files safely is [`crate::file`]'s job.

mod error;
pub mod ron;

pub use error::{ParseError, Part, Position, Problem};
pub use ron::{FORMAT_VERSION, parse, read, to_text};

use crate::i18n::tr;
use crate::model::Map;
use std::path::Path;

/// What a format can hold of a map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holds {
    /// The whole map: it reads back exactly as it was written.
    Everything,
}

/// One row of the table: a map format.
#[derive(Debug)]
pub struct MapFormat {
    /// How the command line and the preferences name it: `"ron"`.
    pub id: &'static str,
    /// Its files' extensions, lower case; the first is the one written.
    pub extensions: &'static [&'static str],
    /// The message key of its name for people ("Trayecto map").
    pub name_key: &'static str,
    pub holds: Holds,
    /// Text to map, migrated and validated.
    pub read: fn(&str) -> Result<Parsed, ParseError>,
    /// Map to text.
    pub write: fn(&Map) -> String,
}

/// Every map format, Trayecto's own first.
pub static FORMATS: &[MapFormat] = &[ron::FORMAT];

/// Trayecto's own format: what Save writes, and what a file of unknown type is read as.
pub static NATIVE: &MapFormat = &FORMATS[0];

impl MapFormat {
    /// The format's name in the current language.
    pub fn name(&self) -> &'static str {
        tr(self.name_key)
    }

    /// The extension of the files this format writes.
    pub fn extension(&self) -> &'static str {
        self.extensions[0]
    }

    /// Whether a file name's extension is this format's, case-insensitively.
    pub fn names(&self, path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| self.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
    }
}

/// The format a file name's extension names, if any.
pub fn of_path(path: &Path) -> Option<&'static MapFormat> {
    FORMATS.iter().find(|f| f.names(path))
}

/// The format a file is read as: the one its extension names, else Trayecto's own.
pub fn for_reading(path: &Path) -> &'static MapFormat {
    of_path(path).unwrap_or(NATIVE)
}

/// The format with this id.
pub fn by_id(id: &str) -> Option<&'static MapFormat> {
    FORMATS.iter().find(|f| f.id == id)
}

/// Every extension of every format, for messages: "ron".
pub fn extensions() -> Vec<&'static str> {
    FORMATS
        .iter()
        .flat_map(|f| f.extensions.iter().copied())
        .collect()
}

/// A map read from text, and the format version the text was in.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub map: Map,
    pub version: u32,
}

impl Parsed {
    /// Whether the text was in an older format (saving will write the current one).
    pub fn migrated(&self) -> bool {
        self.version < FORMAT_VERSION
    }
}
