//! Every map format Trayecto reads and writes, in one table: [`FORMATS`]. A row says how the
//! format is known (id, file extensions, its name for people), what of a map it can hold, and
//! how a map goes in and out of its text. File dialogs, drag and drop, the command line and the
//! "unknown type" messages are all built from this table, so a new format is one new module
//! here and one row.
//!
//! Pure text in and out, no I/O: reading and writing files safely is [`crate::file`]'s job.

pub mod build;
pub mod csv;
mod error;
pub mod mermaid;
mod note;
pub mod ojf;
pub mod ron;
pub mod text;
pub mod words;

pub use error::{ParseError, Part, Position, Problem};
pub use note::{Note, NoteArg};
pub use ron::{FORMAT_VERSION, parse, read, to_text};

use crate::i18n::tr;
use crate::model::{JourneyId, Map};
use std::path::Path;

/// What a format can hold of a map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holds {
    /// The whole map: it reads back exactly as it was written.
    Everything,
    /// Every journey's stages, lanes and cards, not the rest of the method (a card table).
    Cards,
    /// One journey: the one chosen when writing. Reading gives a map with one current journey.
    OneJourney,
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
    /// The message key of the menu item that exports a map to it ("Spreadsheet (CSV)…").
    pub export_key: &'static str,
    pub holds: Holds,
    /// Text to map, migrated and validated, with what could not come across noted.
    pub read: fn(&str) -> Result<Parsed, ParseError>,
    /// Map to text, with what the format could not hold noted. Formats that hold one journey
    /// write the journey given (one of the map's); the others ignore it.
    pub write: fn(&Map, JourneyId) -> Written,
}

/// A map written in a format's text, and what the format could not hold of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    pub text: String,
    pub notes: Vec<Note>,
}

/// Every map format, Trayecto's own first.
pub static FORMATS: &[MapFormat] = &[ron::FORMAT, mermaid::FORMAT, ojf::FORMAT, csv::FORMAT];

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

    /// Trayecto's own format: a file of it is the map itself, not an import.
    pub fn is_native(&self) -> bool {
        self.holds == Holds::Everything
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

/// A map read from text, the format version the text was in, and what could not come
/// across (the import report; empty for Trayecto's own files).
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub map: Map,
    pub version: u32,
    pub notes: Vec<Note>,
}

impl Parsed {
    /// Whether the text was in an older format (saving will write the current one).
    pub fn migrated(&self) -> bool {
        self.version < FORMAT_VERSION
    }
}
