//! The import report: what a format could not carry whole, or carried with a change. Every
//! reader and writer of another tool's format returns its notes; the editor lists them in a
//! dialog and the command line prints them as warnings, so nothing is ever dropped silently.

use crate::i18n::{Arg, fmt};
use std::fmt as std_fmt;

/// A value in a note's words.
#[derive(Clone, Debug, PartialEq)]
pub enum NoteArg {
    Text(String),
    Number(f64),
}

/// One line of an import or export report, in words about the map: "line 7: score 9 is not
/// 1–5; taken as Delighted". The words live in the message catalogue under `key`.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// The line of the source it concerns (1-based), when it concerns one.
    pub line: Option<usize>,
    /// Message key of its words.
    pub key: &'static str,
    pub args: Vec<(&'static str, NoteArg)>,
}

impl Note {
    pub fn new(key: &'static str) -> Self {
        Note {
            line: None,
            key,
            args: Vec::new(),
        }
    }

    /// The note concerns this line of the source (1-based).
    pub fn at(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, NoteArg::Text(value.into())));
        self
    }

    pub fn number(mut self, name: &'static str, value: impl Into<f64>) -> Self {
        self.args.push((name, NoteArg::Number(value.into())));
        self
    }

    /// Its words in the current language, without the line.
    pub fn message(&self) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let arg = match value {
                    NoteArg::Text(text) => Arg::Text(text),
                    NoteArg::Number(n) => Arg::Number(*n),
                };
                (*name, arg)
            })
            .collect();
        fmt(self.key, &args)
    }
}

/// "line 7: …" when it has a line, else just its words.
impl std_fmt::Display for Note {
    fn fmt(&self, f: &mut std_fmt::Formatter<'_>) -> std_fmt::Result {
        match self.line {
            Some(line) => f.write_str(&fmt(
                "note-at-line",
                &[
                    ("line", line.into()),
                    ("message", self.message().as_str().into()),
                ],
            )),
            None => f.write_str(&self.message()),
        }
    }
}
