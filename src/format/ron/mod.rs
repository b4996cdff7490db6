//! Trayecto's own map file, RON text: `(format: N, map: (...))`. Pure text in and out, no I/O,
//! so the build script can check the bundled templates with the very same code.
//!
//! Reading goes: strip a byte-order mark → probe the version → parse that version's types
//! (each older version has frozen types here: [`v1`] … [`v4`]) → migrate → validate.
//! Every failure is a [`ParseError`] that speaks of the map, with a line and column wherever the
//! text has one.

pub mod v1;
pub mod v2;
pub mod v3;
pub mod v4;

use super::{Holds, MapFormat, ParseError, Parsed, Part, Position, Problem};
use crate::model::{self, Invalid, Map};
use ::ron as ron_text;
use serde::{Deserialize, Serialize};

/// The row of the format table.
pub const FORMAT: MapFormat = MapFormat {
    id: "ron",
    extensions: &["ron"],
    name_key: "file-filter",
    export_key: "save-as",
    holds: Holds::Everything,
    read,
    write: |map, _| super::Written {
        text: to_text(map),
        notes: Vec::new(),
    },
};

/// The format version this build writes. Files from a newer version are refused, never
/// downgraded; each older version has frozen types here and a migration to the next.
///
/// - 1: one persona, one journey (first release).
/// - 2: several personas; journeys (current, target…) over shared stages and lanes, each with
///   its own cards and curve; gain and pain moments with a why; KPIs per stage.
/// - 3: the roadmap: departments, streams and improvement actions.
/// - 4: phases (groups of consecutive stages) and decision forks in journeys.
/// - 5: the workshop room: participants' dots on cards, dots per participant, which cards
///   and lanes take dots, voting closed, counts revealed.
pub const FORMAT_VERSION: u32 = 5;

/// Reads only the version, so a file from the future is named as such rather than failing on
/// whatever it added. A missing version reads as `None`.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    format: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
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

fn position(span: &ron_text::error::Span) -> Position {
    Position {
        line: span.start.line,
        col: span.start.col,
    }
}

fn problem(code: ron_text::Error) -> Problem {
    use ron_text::Error as E;
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => Problem::UnknownField {
            field: found,
            within: Part::of(outer.as_deref()),
            known: expected.to_vec(),
        },
        E::MissingStructField { field, outer } => Problem::MissingField {
            field,
            within: Part::of(outer.as_deref()),
        },
        E::DuplicateStructField { field, outer } => Problem::DuplicateField {
            field,
            within: Part::of(outer.as_deref()),
        },
        E::NoSuchEnumVariant {
            expected, found, ..
        } => Problem::UnknownValue {
            found,
            known: expected.to_vec(),
        },
        E::ExceededRecursionLimit => Problem::TooDeep,
        E::Eof | E::UnclosedBlockComment | E::UnclosedLineComment => Problem::EndsEarly,
        E::ExpectedArray => Problem::Expected("expected-list"),
        E::ExpectedArrayEnd => Problem::Expected("expected-list-end"),
        E::ExpectedBoolean => Problem::Expected("expected-boolean"),
        E::ExpectedComma => Problem::Expected("expected-comma"),
        E::ExpectedInteger | E::InvalidIntegerDigit { .. } | E::UnderscoreAtBeginning => {
            Problem::Expected("expected-integer")
        }
        E::ExpectedFloat | E::FloatUnderscore => Problem::Expected("expected-number"),
        E::ExpectedOption | E::ExpectedOptionEnd => Problem::Expected("expected-option"),
        E::ExpectedMap | E::ExpectedMapColon | E::ExpectedMapEnd => {
            Problem::Expected("expected-table")
        }
        E::ExpectedStructLike
        | E::ExpectedNamedStructLike(_)
        | E::ExpectedDifferentStructName { .. }
        | E::ExpectedStructName(_) => Problem::Expected("expected-group"),
        E::ExpectedStructLikeEnd => Problem::Expected("expected-group-end"),
        E::ExpectedString | E::ExpectedStringEnd | E::ExpectedChar => {
            Problem::Expected("expected-text")
        }
        E::ExpectedIdentifier | E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) => {
            Problem::Expected("expected-name")
        }
        E::ExpectedUnit => Problem::Expected("expected-unit"),
        E::IntegerOutOfBounds => Problem::NumberOutOfRange,
        E::InvalidEscape(_) => Problem::BadEscape,
        E::UnexpectedChar(c) => Problem::Unexpected(c),
        E::TrailingCharacters => Problem::TrailingText,
        E::InvalidValueForType { expected, found } => Problem::WrongType {
            expected: expected.to_string(),
            found: found.to_string(),
        },
        E::ExpectedDifferentLength { expected, found } => Problem::WrongLength {
            expected: expected.to_string(),
            found,
        },
        other => Problem::Other(other.to_string()),
    }
}

fn syntax(error: ron_text::error::SpannedError) -> ParseError {
    ParseError::Syntax {
        at: position(&error.span),
        problem: problem(error.code),
    }
}

/// Parses and validates a map file's text, migrating it from an older format.
pub fn parse(text: &str) -> Result<Map, ParseError> {
    read(text).map(|parsed| parsed.map)
}

/// Like [`parse`], and says which version the text was in.
pub fn read(text: &str) -> Result<Parsed, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    // ron's default options keep its recursion limit, so deep nesting is an error, not a crash.
    let options = ron_text::Options::default();
    // `format: 1` reads as `Some(1)` in the probe, so a missing version is told from `format: 0`.
    let probe_options = options
        .clone()
        .with_default_extension(ron_text::extensions::Extensions::IMPLICIT_SOME);
    // Files written by Trayecto start `(format: N,`: read N straight away. Anything else goes
    // through the full probe, which reads the whole text (and explains what is wrong).
    let quick = quick_version(text);
    let probe = match quick {
        Some(found) => VersionProbe {
            format: Some(found),
        },
        None => probe_options.from_str(text).map_err(|error| {
            // A text shaped like a map file has a mistake in it; anything else is another kind of file.
            let shaped_like_a_map =
                text.trim_start().starts_with('(') && find_key(text, "format", 0).is_some();
            if shaped_like_a_map || error.code == ron_text::Error::ExceededRecursionLimit {
                syntax(error)
            } else {
                ParseError::NotAMap {
                    at: position(&error.span),
                }
            }
        })?,
    };
    let version = match probe.format {
        None => return Err(ParseError::NoVersion),
        Some(found) if found > FORMAT_VERSION => {
            return Err(ParseError::NewerVersion { found });
        }
        Some(found) => found,
    };
    let map = match version {
        1 => {
            let file: v1::MapFile = options.from_str(text).map_err(syntax)?;
            v4::migrate(v3::migrate(v2::migrate(v1::migrate(file.map))))
        }
        2 => {
            let file: v2::MapFile = options.from_str(text).map_err(syntax)?;
            v4::migrate(v3::migrate(v2::migrate(file.map)))
        }
        3 => {
            let file: v3::MapFile = options.from_str(text).map_err(syntax)?;
            v4::migrate(v3::migrate(file.map))
        }
        4 => {
            let file: v4::MapFile = options.from_str(text).map_err(syntax)?;
            v4::migrate(file.map)
        }
        FORMAT_VERSION => options.from_str::<MapFile>(text).map_err(syntax)?.map,
        found => return Err(ParseError::UnknownVersion { found }),
    };
    check(text, &map)?;
    Ok(Parsed {
        map,
        version,
        notes: Vec::new(),
    })
}

/// The version of a text that starts `(format: N,` (blanks allowed), without parsing the rest.
fn quick_version(text: &str) -> Option<u32> {
    let rest = text.trim_start().strip_prefix('(')?.trim_start();
    let rest = rest
        .strip_prefix("format")?
        .trim_start()
        .strip_prefix(':')?;
    let rest = rest.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[digits..].trim_start();
    if digits == 0 || digits > 9 || !after.starts_with(',') {
        return None;
    }
    rest[..digits].parse().ok()
}

fn check(text: &str, map: &Map) -> Result<(), ParseError> {
    match model::validate(map) {
        Ok(()) => Ok(()),
        Err(error) => {
            // A duplicate is pointed at where the id comes again.
            let nth = if matches!(error, Invalid::Duplicate { .. }) {
                2
            } else {
                1
            };
            let at = error
                .item()
                .and_then(|(list, id)| locate(text, list, id, nth));
            Err(ParseError::Invalid { error, at })
        }
    }
}

/// Finds where the `nth` item with `id` in the list named `list` (`stages`, `cards`…) starts:
/// the `(id: N` entry after `list:`. A best effort for messages; `None` when not found.
fn locate(text: &str, list: &str, id: u32, nth: usize) -> Option<Position> {
    let start = find_key(text, list, 0)?;
    let needle = format!("(id: {id}");
    let mut from = start;
    let mut seen = 0;
    while let Some(found) = text[from..].find(&needle) {
        let at = from + found;
        let end = at + needle.len();
        if !text[end..].starts_with(|c: char| c.is_ascii_digit()) {
            seen += 1;
            if seen == nth {
                return Some(position_of(text, at + 1));
            }
        }
        from = end;
    }
    None
}

fn find_key(text: &str, key: &str, from: usize) -> Option<usize> {
    let pattern = format!("{key}:");
    let mut from = from;
    while let Some(found) = text[from..].find(&pattern) {
        let at = from + found;
        let before = text[..at].chars().next_back();
        if before.is_none_or(|c| !(c.is_alphanumeric() || c == '_')) {
            return Some(at);
        }
        from = at + pattern.len();
    }
    None
}

fn position_of(text: &str, byte: usize) -> Position {
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line,
        col: before[line_start..].chars().count() + 1,
    }
}

/// The text written to disk: one line per stage, lane and card, so a diff shows what changed;
/// UTF-8 left readable, control characters escaped so the file stays plain text.
pub fn to_text(map: &Map) -> String {
    write_text(map, "    ", 3)
}

/// The same map in as little text as the format allows (no indentation, the map on one line):
/// for a map whose usual text would be over the size a map file may have.
pub fn to_compact_text(map: &Map) -> String {
    write_text(map, "", 1)
}

fn write_text(map: &Map, indentor: &'static str, depth: usize) -> String {
    let config = ron_text::ser::PrettyConfig::new()
        .indentor(indentor)
        .struct_names(false)
        .depth_limit(depth)
        .escape_strings(true);
    let file = MapFileRef {
        format: FORMAT_VERSION,
        map,
    };
    let text = ron_text::ser::to_string_pretty(&file, config)
        .expect("a map always serialises: plain structs, strings and numbers");
    // The writer escapes apostrophes ("I\'m hungry"), which a double-quoted string does not
    // need. Every apostrophe in a string is escaped so, and a backslash of the user's own is
    // written `\\`; a left-to-right search never splits one, so each `\'` it finds is an
    // escaped apostrophe and nothing else changes.
    let mut text = text.replace("\\'", "'");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::quick_version;

    #[test]
    fn the_compact_text_is_the_same_map_in_less_room() {
        let mut map = crate::templates::load("pizza").unwrap();
        map.title = r#"I'm "hungry" \' it's"#.to_owned();
        let (usual, compact) = (super::to_text(&map), super::to_compact_text(&map));
        assert!(
            compact.len() * 10 < usual.len() * 9,
            "{} vs {}",
            compact.len(),
            usual.len()
        );
        assert_eq!(super::parse(&compact).unwrap(), map);
        assert_eq!(super::parse(&usual).unwrap(), map);
    }

    #[test]
    fn apostrophes_are_written_as_they_are_and_read_back() {
        let mut map = crate::templates::load("blank").unwrap();
        map.title = r#"I'm "hungry" \' \\' it's"#.to_owned();
        let text = super::to_text(&map);
        assert!(text.contains("I'm "), "{text}");
        let back = super::parse(&text).unwrap();
        assert_eq!(back.title, map.title);
    }

    #[test]
    fn the_version_is_read_from_the_start_when_it_is_there() {
        assert_eq!(quick_version("(\n    format: 3,\n    map: ("), Some(3));
        assert_eq!(quick_version("  (format:12 , map: ())"), Some(12));
        assert_eq!(quick_version("(map: (), format: 3)"), None);
        assert_eq!(quick_version("(format: 3)"), None);
        assert_eq!(quick_version("(format: -3,"), None);
        assert_eq!(quick_version("(format: 99999999999,"), None);
        assert_eq!(quick_version("{\"format\": 3}"), None);
    }
}
