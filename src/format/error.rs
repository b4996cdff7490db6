//! What can be wrong with a map's text, in words about the map (never about Rust types), with
//! a line and column wherever the text has one. Shared by every format in the table.

use crate::i18n::{fmt as fmt_msg, tr};
use crate::model::Invalid;
use std::fmt;

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
    /// Another tool's file that cannot be read as a map (a Mermaid diagram Mermaid itself
    /// would reject, a sheet without the columns a map needs…), in the note's words.
    Refused {
        at: Option<Position>,
        note: super::Note,
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
            ParseError::Invalid { at, .. } | ParseError::Refused { at, .. } => *at,
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
                    ("current", super::FORMAT_VERSION.into()),
                ],
            ),
            ParseError::NewerVersion { found } => fmt_msg(
                "parse-newer-version",
                &[
                    ("found", (*found).into()),
                    ("current", super::FORMAT_VERSION.into()),
                ],
            ),
            ParseError::Refused { note, .. } => note.message(),
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
    pub(crate) fn of(rust_type: Option<&str>) -> Part {
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
