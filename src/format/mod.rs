//! The RON text of a map file: `(format: N, map: (...))`. Pure text in and out, no I/O, so the
//! build script can check the bundled templates with the very same code.
//!
//! Reading goes: strip a byte-order mark → probe the version → parse that version's types →
//! validate. Every failure is a [`ParseError`] that speaks of the map, with a line and column
//! wherever the text has one.

pub mod v1;
pub mod v2;
pub mod v3;

use crate::i18n::{fmt as fmt_msg, tr};
use crate::model::{self, Invalid, Map};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The format version this build writes. Files from a newer version are refused, never
/// downgraded; each older version has frozen types here and a migration to the next.
///
/// - 1: one persona, one journey (first release).
/// - 2: several personas; journeys (current, target…) over shared stages and lanes, each with
///   its own cards and curve; gain and pain moments with a why; KPIs per stage.
/// - 3: the roadmap: departments, streams and improvement actions.
/// - 4: phases (groups of consecutive stages) and decision forks in journeys.
pub const FORMAT_VERSION: u32 = 4;

/// A place in the text; both 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ParseError {
    /// The file has nothing in it (or only blanks).
    Empty,
    /// The text is not shaped like a map file at all (JSON, another program's file…).
    NotAMap {
        at: Position,
    },
    /// The text is a map file with a mistake at `at`.
    Syntax {
        at: Position,
        problem: Problem,
    },
    /// No `format:` entry.
    NoVersion,
    /// `format: 0` or another number no Trayecto has written.
    UnknownVersion {
        found: u32,
    },
    NewerVersion {
        found: u32,
    },
    /// Well-formed, but breaks a rule of maps; `at` points at the offending item when found.
    Invalid {
        error: Invalid,
        at: Option<Position>,
    },
}

impl ParseError {
    /// The line and column the error points at, if any.
    pub fn position(&self) -> Option<Position> {
        match self {
            ParseError::NotAMap { at } | ParseError::Syntax { at, .. } => Some(*at),
            ParseError::Invalid { at, .. } => *at,
            _ => None,
        }
    }
}

impl ParseError {
    /// The message without its position (callers put the file name and position in front).
    pub fn message(&self) -> String {
        match self {
            ParseError::Empty => tr("parse-empty").to_owned(),
            ParseError::NotAMap { .. } => tr("parse-not-a-map").to_owned(),
            ParseError::Syntax { problem, .. } => problem.to_string(),
            ParseError::NoVersion => tr("parse-no-version").to_owned(),
            ParseError::UnknownVersion { found } => fmt_msg(
                "parse-unknown-version",
                &[
                    ("found", (*found).into()),
                    ("current", FORMAT_VERSION.into()),
                ],
            ),
            ParseError::NewerVersion { found } => fmt_msg(
                "parse-newer-version",
                &[
                    ("found", (*found).into()),
                    ("current", FORMAT_VERSION.into()),
                ],
            ),
            ParseError::Invalid { error, .. } => fmt_msg(
                "parse-invalid",
                &[("error", error.to_string().as_str().into())],
            ),
        }
    }
}

/// What is wrong at a place in the text, in words about the map (never about Rust types).
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    UnknownField {
        field: String,
        within: Part,
        known: Vec<&'static str>,
    },
    MissingField {
        field: &'static str,
        within: Part,
    },
    DuplicateField {
        field: &'static str,
        within: Part,
    },
    UnknownValue {
        found: String,
        known: Vec<&'static str>,
    },
    TooDeep,
    EndsEarly,
    /// What was expected, as the key of its words.
    Expected(&'static str),
    Unexpected(char),
    NumberOutOfRange,
    TrailingText,
    BadEscape,
    /// A value of another kind than the field takes (the kinds as the RON reader names them).
    WrongType {
        expected: String,
        found: String,
    },
    /// A list or tuple of the wrong length.
    WrongLength {
        expected: String,
        found: usize,
    },
    Other(String),
}

/// The part of a map a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    File,
    Map,
    Persona,
    Stage,
    Lane,
    Card,
    Journey,
    Moment,
    Kpi,
    Action,
    Department,
    Stream,
    Phase,
    Fork,
    Branch,
    Unknown,
}

impl Part {
    fn of(rust_type: Option<&str>) -> Part {
        match rust_type {
            Some("MapFile") => Part::File,
            Some("Map") => Part::Map,
            Some("Persona") => Part::Persona,
            Some("Stage") => Part::Stage,
            Some("Lane") => Part::Lane,
            Some("Card") => Part::Card,
            Some("Journey") => Part::Journey,
            Some("Moment") => Part::Moment,
            Some("Kpi") => Part::Kpi,
            Some("Action") => Part::Action,
            Some("Department") => Part::Department,
            Some("Stream") => Part::Stream,
            Some("Phase") => Part::Phase,
            Some("Fork") => Part::Fork,
            Some("Branch") => Part::Branch,
            _ => Part::Unknown,
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position() {
            Some(at) => write!(f, "{at}: {}", self.message()),
            None => f.write_str(&self.message()),
        }
    }
}

impl std::error::Error for ParseError {}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(tr(match self {
            Part::File => "part-file",
            Part::Map => "part-map",
            Part::Persona => "part-persona",
            Part::Stage => "part-stage",
            Part::Lane => "part-lane",
            Part::Card => "part-card",
            Part::Journey => "part-journey",
            Part::Moment => "part-moment",
            Part::Kpi => "part-kpi",
            Part::Action => "part-action",
            Part::Department => "part-department",
            Part::Stream => "part-stream",
            Part::Phase => "part-phase",
            Part::Fork => "part-fork",
            Part::Branch => "part-branch",
            Part::Unknown => "part-unknown",
        }))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let part = |p: &Part| p.to_string();
        let text = match self {
            Problem::UnknownField {
                field,
                within,
                known,
            } => fmt_msg(
                "problem-unknown-field",
                &[
                    ("field", field.as_str().into()),
                    ("within", part(within).as_str().into()),
                    ("known", known.join(", ").as_str().into()),
                ],
            ),
            Problem::MissingField { field, within } => fmt_msg(
                "problem-missing-field",
                &[
                    ("field", (*field).into()),
                    ("within", part(within).as_str().into()),
                ],
            ),
            Problem::DuplicateField { field, within } => fmt_msg(
                "problem-duplicate-field",
                &[
                    ("field", (*field).into()),
                    ("within", part(within).as_str().into()),
                ],
            ),
            Problem::UnknownValue { found, known } => fmt_msg(
                "problem-unknown-value",
                &[
                    ("found", found.as_str().into()),
                    ("known", known.join(", ").as_str().into()),
                ],
            ),
            Problem::TooDeep => tr("problem-too-deep").to_owned(),
            Problem::EndsEarly => tr("problem-ends-early").to_owned(),
            Problem::Expected(what) => fmt_msg("problem-expected", &[("what", tr(what).into())]),
            Problem::Unexpected(c) => fmt_msg(
                "problem-unexpected",
                &[("char", c.escape_debug().to_string().as_str().into())],
            ),
            Problem::NumberOutOfRange => tr("problem-number-out-of-range").to_owned(),
            Problem::TrailingText => tr("problem-trailing-text").to_owned(),
            Problem::BadEscape => tr("problem-bad-escape").to_owned(),
            Problem::WrongType { expected, found } => fmt_msg(
                "problem-wrong-type",
                &[
                    ("expected", expected.as_str().into()),
                    ("found", found.as_str().into()),
                ],
            ),
            Problem::WrongLength { expected, found } => fmt_msg(
                "problem-wrong-length",
                &[
                    ("expected", expected.as_str().into()),
                    ("found", (*found).into()),
                ],
            ),
            Problem::Other(message) => message.clone(),
        };
        f.write_str(&text)
    }
}

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

fn position(span: &ron::error::Span) -> Position {
    Position {
        line: span.start.line,
        col: span.start.col,
    }
}

fn problem(code: ron::Error) -> Problem {
    use ron::Error as E;
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

fn syntax(error: ron::error::SpannedError) -> ParseError {
    ParseError::Syntax {
        at: position(&error.span),
        problem: problem(error.code),
    }
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
    let options = ron::Options::default();
    // `format: 1` reads as `Some(1)` in the probe, so a missing version is told from `format: 0`.
    let probe_options = options
        .clone()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
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
            if shaped_like_a_map || error.code == ron::Error::ExceededRecursionLimit {
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
            v3::migrate(v2::migrate(v1::migrate(file.map)))
        }
        2 => {
            let file: v2::MapFile = options.from_str(text).map_err(syntax)?;
            v3::migrate(v2::migrate(file.map))
        }
        3 => {
            let file: v3::MapFile = options.from_str(text).map_err(syntax)?;
            v3::migrate(file.map)
        }
        FORMAT_VERSION => options.from_str::<MapFile>(text).map_err(syntax)?.map,
        found => return Err(ParseError::UnknownVersion { found }),
    };
    check(text, &map)?;
    Ok(Parsed { map, version })
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
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .depth_limit(3)
        .escape_strings(true);
    let file = MapFileRef {
        format: FORMAT_VERSION,
        map,
    };
    let text = ron::ser::to_string_pretty(&file, config)
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
