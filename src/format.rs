//! The RON text of a map file: `(format: N, map: (...))`. Pure text in and out, no I/O, so the
//! build script can check the bundled templates with the very same code.

use crate::model::{self, Invalid, Map};
use serde::{Deserialize, Serialize};

/// The format version this build writes. Files from a newer version are refused, never
/// downgraded; older versions get a migration step here when the format changes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq)]
pub enum ParseError {
    /// RON syntax or shape error; line and column are 1-based.
    Syntax {
        line: usize,
        col: usize,
        message: String,
    },
    NoVersion,
    NewerVersion {
        found: u32,
    },
    UnknownVersion {
        found: u32,
    },
    Invalid(Invalid),
}

/// Reads only the version, so a file from the future is named as such rather than failing on
/// whatever it added. A missing version reads as 0.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    format: u32,
}

#[derive(Deserialize)]
struct MapFile {
    #[allow(dead_code)] // read by the probe; kept so the shape is documented in one place
    format: u32,
    map: Map,
}

#[derive(Serialize)]
struct MapFileRef<'a> {
    format: u32,
    map: &'a Map,
}

fn syntax(error: ron::error::SpannedError) -> ParseError {
    ParseError::Syntax {
        line: error.span.start.line,
        col: error.span.start.col,
        message: error.code.to_string(),
    }
}

/// Parses and validates a map file's text.
pub fn parse(text: &str) -> Result<Map, ParseError> {
    // ron's default options keep its recursion limit, so deep nesting is an error, not a crash.
    let options = ron::Options::default();
    let probe: VersionProbe = options.from_str(text).map_err(syntax)?;
    match probe.format {
        0 => Err(ParseError::NoVersion),
        found if found > FORMAT_VERSION => Err(ParseError::NewerVersion { found }),
        FORMAT_VERSION => {
            let file: MapFile = options.from_str(text).map_err(syntax)?;
            model::validate(&file.map).map_err(ParseError::Invalid)?;
            Ok(file.map)
        }
        found => Err(ParseError::UnknownVersion { found }),
    }
}

/// The text written to disk: pretty, UTF-8 left readable (no escapes for accents or emoji).
pub fn to_text(map: &Map) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .escape_strings(false);
    let file = MapFileRef {
        format: FORMAT_VERSION,
        map,
    };
    let mut text = ron::ser::to_string_pretty(&file, config)
        .expect("a map always serialises: plain structs, strings and numbers");
    text.push('\n');
    text
}
