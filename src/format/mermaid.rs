//! Mermaid `journey` diagrams: a `.mmd` (or `.mermaid`) file, or a Markdown file holding the
//! diagram in a ```` ```mermaid ```` block. Mermaid draws a journey as sections of tasks, each
//! task with a score from 1 to 5 and the people (actors) taking part.
//!
//! Reading follows what Mermaid itself accepts, step by step: the same clean-up before its
//! parser (front matter, `%%{…}%%` settings and `%%` comment lines taken off, character codes
//! such as `#59;`), then the same tokens in the same order. A file Mermaid would refuse is
//! refused, at the line and column of the file (front matter and, in Markdown, the lines before
//! the block counted). Everything else is read, and what does not come across whole is in the
//! import report.
//!
//! The choices, for the facilitator reading a report:
//! - Sections are stages, in order: a repeated name stays two stages, a section without tasks
//!   an empty stage. Tasks before any section go into a stage named "(no section)".
//! - Tasks are cards of one lane of actions, "Steps". `<br>` in a section's or task's name is a
//!   line break (in the title, a space). Character codes such as `#35;` become the character.
//! - The last title given wins (the front matter's, then the diagram's), as in Mermaid; with
//!   none the map is titled "Mermaid journey".
//! - Scores 1..5 are the five faces, angry to delighted. Any other number is taken as the nearest
//!   face, never one Mermaid would not draw (2.6 is sad: Mermaid frowns below 3), and reported
//!   with its line. A score that is missing or not a number gives no feeling, reported too.
//! - Actors are the personas, in the order they first appear; the first tells the journey. A
//!   task whose actors are not just that persona keeps them in the card's notes ("Actors: Me,
//!   Cat"); writing reads that line back, so a diagram goes through Trayecto unchanged.
//! - The accessibility title and description, and Mermaid's settings, are reported as not kept.
//!
//! Writing gives one journey (the one asked for): its stages as sections, every card of every
//! lane as a task, stage by stage, feelings as scores (3 for a card without one), and the
//! journey's persona as the actor of each task (or the card's "Actors:" line). Characters that
//! Mermaid reserves (`:` `#` `;`, and `,` between actors) are written as Mermaid's own
//! character codes (`#58;`), which Mermaid shows as the character and this reader turns back:
//! writing, reading and writing again gives the same text. What the diagram cannot hold is
//! reported, one note per kind of loss. A task's name that Mermaid would take for a keyword
//! (`Title page`, `Journey start`) has its first letter coded, and an empty name is a coded
//! space; the title, which Mermaid keeps on one line, has its lines joined.

use super::build::Builder;
use super::words::Word;
use super::{Holds, MapFormat, Note, ParseError, Parsed, Written};
use crate::i18n::{Lang, tr, tr_in};
use crate::model::{Card, Feeling, JourneyId, JourneyKind, LaneKind, Map, limits};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

pub const FORMAT: MapFormat = MapFormat {
    id: "mermaid",
    extensions: &["mmd", "mermaid", "md"],
    name_key: "mermaid-file",
    export_key: "export-map-mermaid",
    holds: Holds::OneJourney,
    read,
    write,
};

/// Notes about single tasks (a score out of range…) listed one by one; past this many the
/// report sums the rest up in one line.
const TASK_NOTES: usize = 20;

/// How long a piece of the file quoted in a note may be.
const QUOTE_CHARS: usize = 60;

/// The first words of Mermaid's other diagrams, to say what a file is when it is not a journey.
const OTHER_DIAGRAMS: &[&str] = &[
    "graph",
    "flowchart",
    "flowchart-elk",
    "sequenceDiagram",
    "classDiagram",
    "classDiagram-v2",
    "stateDiagram",
    "stateDiagram-v2",
    "erDiagram",
    "gantt",
    "pie",
    "quadrantChart",
    "requirementDiagram",
    "gitGraph",
    "C4Context",
    "C4Container",
    "C4Component",
    "C4Dynamic",
    "C4Deployment",
    "mindmap",
    "timeline",
    "zenuml",
    "sankey",
    "sankey-beta",
    "xychart",
    "xychart-beta",
    "block",
    "block-beta",
    "packet",
    "packet-beta",
    "kanban",
    "architecture",
    "architecture-beta",
    "radar-beta",
    "treemap",
    "treemap-beta",
    "venn-beta",
    "ishikawa",
    "ishikawa-beta",
];

// ---------------------------------------------------------------------------------------------
// Reading

pub fn read(text: &str) -> Result<Parsed, ParseError> {
    // A byte-order mark is not part of the text (Mermaid counts it as a space).
    let file = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = Lines::new(file);
    match prepare(Src::whole(file), &lines) {
        Shape::Journey(diagram) => {
            let direct = parse(diagram, &lines, Vec::new());
            // Markdown whose prose happens to start with the word "journey" has its diagram
            // in a block.
            if direct.is_err()
                && let Blocks::Journey(result) = read_blocks(file, &lines)
                && result.is_ok()
            {
                return *result;
            }
            direct
        }
        shape => match read_blocks(file, &lines) {
            Blocks::Journey(result) => *result,
            Blocks::NoJourney { fence, count } => Err(ParseError::Refused {
                at: Some(lines.position(fence)),
                note: Note::new("mermaid-md-no-journey").number("count", count as f64),
            }),
            Blocks::None { fenced: true } => Err(ParseError::Refused {
                at: None,
                note: Note::new("mermaid-md-no-block"),
            }),
            Blocks::None { fenced: false } => Err(refusal(shape, &lines)),
        },
    }
}

/// What the ```` ```mermaid ```` blocks of a Markdown text give.
enum Blocks {
    /// No Mermaid block; `fenced` if the text has other fenced blocks (so it is Markdown).
    None { fenced: bool },
    /// Mermaid blocks, none a journey: the first one's fence, and how many.
    NoJourney { fence: usize, count: usize },
    /// The first journey, read, with notes on the other blocks.
    Journey(Box<Result<Parsed, ParseError>>),
}

fn read_blocks(file: &str, lines: &Lines) -> Blocks {
    let (blocks, fenced) = mermaid_blocks(file);
    let Some(fence) = blocks.first().map(|b| b.fence) else {
        return Blocks::None { fenced };
    };
    let count = blocks.len();
    let mut chosen = None;
    let (mut more, mut others) = (0usize, 0usize);
    for block in blocks {
        match prepare(Src::pieces(file, &block.content), lines) {
            Shape::Journey(diagram) if chosen.is_none() => chosen = Some(diagram),
            Shape::Journey(_) => more += 1,
            _ => others += 1,
        }
    }
    let Some(diagram) = chosen else {
        return Blocks::NoJourney { fence, count };
    };
    let mut notes = Vec::new();
    if more > 0 {
        notes.push(Note::new("mermaid-more-journeys").number("count", more as f64));
    }
    if others > 0 {
        notes.push(Note::new("mermaid-other-diagrams").number("count", others as f64));
    }
    Blocks::Journey(Box::new(parse(diagram, lines, notes)))
}

/// Why a text that is not a journey is refused.
fn refusal(shape: Shape, lines: &Lines) -> ParseError {
    let (at, note) = match shape {
        Shape::Journey(_) | Shape::Empty => (None, Note::new("mermaid-empty")),
        Shape::FrontMatterOpen { at } => (Some(at), Note::new("mermaid-front-matter-open")),
        Shape::DirectiveOpen { at } => (Some(at), Note::new("mermaid-directive-open")),
        Shape::Other { found, at } => {
            let word: String = found
                .split(|c: char| is_space(c) || matches!(c, ':' | ';' | '{' | '%'))
                .next()
                .unwrap_or_default()
                .to_owned();
            let note = match OTHER_DIAGRAMS
                .iter()
                .find(|kind| kind.eq_ignore_ascii_case(&word))
            {
                Some(kind) => Note::new("mermaid-other-diagram").text("kind", *kind),
                None => Note::new("mermaid-not-journey").text("found", found),
            };
            (Some(at), note)
        }
    };
    ParseError::Refused {
        at: at.map(|at| lines.position(at)),
        note,
    }
}

/// A text on its way through Mermaid's clean-up, each byte knowing where it was in the file.
struct Src {
    text: String,
    /// For each byte of `text`, and one past its end, its offset in the file.
    from: Vec<usize>,
}

impl Src {
    /// Pieces of the file, in order, as one text.
    fn pieces(file: &str, ranges: &[Range<usize>]) -> Src {
        let mut text = String::new();
        let mut from = Vec::new();
        for range in ranges {
            if let Some(piece) = file.get(range.clone()) {
                text.push_str(piece);
                from.extend(range.clone());
            }
        }
        from.push(ranges.last().map_or(0, |r| r.end.min(file.len())));
        Src { text, from }
    }

    fn whole(file: &str) -> Src {
        Src {
            text: file.to_owned(),
            from: (0..=file.len()).collect(),
        }
    }

    /// The text from byte `start` on.
    fn after(self, start: usize) -> Src {
        if start == 0 {
            return self;
        }
        self.without(std::slice::from_ref(&(0..start)))
    }

    /// Where a byte of the text was in the file.
    fn file_offset(&self, at: usize) -> usize {
        self.from[at.min(self.from.len() - 1)]
    }

    /// The text without these ranges (in order, not overlapping, on character boundaries).
    fn without(self, cuts: &[Range<usize>]) -> Src {
        if cuts.is_empty() {
            return self;
        }
        let mut text = String::with_capacity(self.text.len());
        let mut from = Vec::with_capacity(self.from.len());
        let mut kept = 0;
        for cut in cuts {
            let start = cut.start.clamp(kept, self.text.len());
            text.push_str(&self.text[kept..start]);
            from.extend_from_slice(&self.from[kept..start]);
            kept = cut.end.clamp(start, self.text.len());
        }
        text.push_str(&self.text[kept..]);
        from.extend_from_slice(&self.from[kept..]);
        Src { text, from }
    }
}

/// Where each line of the file starts, to give line and column of an offset.
struct Lines<'a> {
    file: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(file: &'a str) -> Self {
        let bytes = file.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        Lines { file, starts }
    }

    fn position(&self, offset: usize) -> super::Position {
        let offset = offset.min(self.file.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self
            .file
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        super::Position { line, col }
    }

    fn line(&self, offset: usize) -> usize {
        self.position(offset).line
    }
}

/// A diagram's text after Mermaid's clean-up: what its parser reads.
struct Prepared {
    src: Src,
    /// The `title:` of the front matter.
    front_title: Option<String>,
    /// What the clean-up took off that a map cannot keep (settings), with its line.
    notes: Vec<Note>,
}

/// What a text is, once cleaned up the way Mermaid does.
enum Shape {
    Journey(Prepared),
    /// Nothing but blanks, comments and settings.
    Empty,
    /// Another text: its first line, and where that is in the file.
    Other {
        found: String,
        at: usize,
    },
    /// A front matter that is never closed.
    FrontMatterOpen {
        at: usize,
    },
    /// A `%%{` settings block that is never closed, and swallows what follows.
    DirectiveOpen {
        at: usize,
    },
}

/// Cleans a diagram's text up the way Mermaid does before parsing it: line ends, front matter,
/// settings, comment lines, leading blanks, and the odd semicolon Mermaid takes off style lines.
fn prepare(src: Src, lines: &Lines) -> Shape {
    let start = src.file_offset(0);
    let mut notes = Vec::new();

    // Line ends: CRLF and a lone CR are both a line feed. (Mermaid also turns the double
    // quotes of HTML attributes into single ones at this point; names keep theirs here.)
    let crs: Vec<Range<usize>> = src
        .text
        .match_indices("\r\n")
        .map(|(i, _)| i..i + 1)
        .collect();
    let mut src = src.without(&crs);
    if src.text.contains('\r') {
        // Same length, so every byte keeps its place.
        src.text = src.text.replace('\r', "\n");
    }

    // Front matter.
    let mut front_title = None;
    match front_matter(&src.text) {
        FrontMatter::None => {}
        FrontMatter::Open => return Shape::FrontMatterOpen { at: start },
        FrontMatter::Found { yaml, end } => {
            let (title, keys) = yaml_title(&src.text[yaml.clone()]);
            front_title = title;
            if let Some((_, at)) = keys.first() {
                let names: Vec<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
                notes.push(
                    Note::new("mermaid-settings")
                        .text("what", names.join(", "))
                        .at(lines.line(src.file_offset(yaml.start + at))),
                );
            }
            src = src.after(end);
        }
    }

    // Settings: `%%{init: …}%%` and the like, anywhere.
    let found = directives(&src.text);
    let mut swallowed = None;
    for directive in &found {
        let at = src.file_offset(directive.range.start);
        notes.push(
            Note::new("mermaid-settings")
                .text("what", format!("%%{{{}}}%%", directive.name))
                .at(lines.line(at)),
        );
        if directive.open {
            swallowed = Some(at);
        }
    }
    let cuts: Vec<Range<usize>> = found.into_iter().map(|d| d.range).collect();
    let src = src.without(&cuts);

    // Comment lines (`%%` and at least one more character), then leading blanks.
    let comments = comment_lines(&src.text);
    let src = src.without(&comments);
    let blanks = src.text.len() - src.text.trim_start_matches(is_space).len();
    let src = src.after(blanks);

    // Mermaid takes the last `;` off lines that look like style rules before reading.
    let mut src = src;
    for word in ["style", "classDef"] {
        let mut cuts = Vec::new();
        let mut line_start = 0;
        for line in src.text.split('\n') {
            if let Some(at) = style_semicolon(line, word) {
                cuts.push(line_start + at..line_start + at + 1);
            }
            line_start += line.len() + 1;
        }
        src = src.without(&cuts);
    }

    if starts_with_word(&src.text, "journey") {
        if let Some(at) = swallowed {
            notes.push(Note::new("mermaid-directive-open").at(lines.line(at)));
        }
        if !src.text.starts_with("journey") {
            notes.push(Note::new("mermaid-lowercase").at(lines.line(src.file_offset(0))));
        }
        return Shape::Journey(Prepared {
            src,
            front_title,
            notes,
        });
    }
    if let Some(at) = swallowed {
        return Shape::DirectiveOpen { at };
    }
    if src.text.is_empty() {
        return Shape::Empty;
    }
    let first_line = src.text.split('\n').next().unwrap_or_default();
    Shape::Other {
        found: quote(trim_js(first_line)),
        at: src.file_offset(0),
    }
}

enum FrontMatter {
    None,
    /// Opens with a `---` line but is never closed.
    Open,
    /// The YAML between the lines, and where the text after it starts.
    Found {
        yaml: Range<usize>,
        end: usize,
    },
}

/// A front matter the way Mermaid finds one: a first line `---`, the YAML, a line `---`, and
/// the blank lines after it.
fn front_matter(text: &str) -> FrontMatter {
    let Some(after) = text.strip_prefix("---") else {
        return FrontMatter::None;
    };
    let run = after.len() - after.trim_start_matches(is_space).len();
    let Some(newline) = after[..run].rfind('\n') else {
        return FrontMatter::None;
    };
    // Where the closing `---` line ends (with the blank lines after it), if one starts at `q`.
    let closing = |q: usize| {
        let tail = text.get(q + 1..)?.strip_prefix("---")?;
        let run = tail.len() - tail.trim_start_matches(is_space).len();
        tail[..run].rfind('\n').map(|last| q + 4 + last + 1)
    };
    let last = 3 + newline;
    // The first line break after the opening blanks followed by a closing line.
    let body = last + 1;
    let mut search = body;
    while let Some(found) = text[search..].find('\n') {
        let q = search + found;
        search = q + 1;
        if let Some(end) = closing(q) {
            return FrontMatter::Found { yaml: body..q, end };
        }
    }
    // Else the opening blanks' own last line break, when they hold two: an empty front matter.
    if after[..newline].contains('\n')
        && let Some(end) = closing(last)
    {
        return FrontMatter::Found {
            yaml: last..last,
            end,
        };
    }
    FrontMatter::Open
}

/// The `title:` of a front matter, and the other top-level keys with their offsets.
fn yaml_title(yaml: &str) -> (Option<String>, Vec<(String, usize)>) {
    let mut title = None;
    let mut keys = Vec::new();
    let mut offset = 0;
    let all: Vec<&str> = yaml.split('\n').collect();
    for (i, line) in all.iter().enumerate() {
        let at = offset;
        offset += line.len() + 1;
        if line.starts_with(is_space) || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = trim_js(key).trim_matches(['"', '\'']);
        if key != "title" {
            if !key.is_empty() {
                keys.push((key.to_owned(), at));
            }
            continue;
        }
        // The lines that carry on the value: indented or blank.
        let more: Vec<&str> = all[i + 1..]
            .iter()
            .take_while(|l| l.starts_with(is_space) || trim_js(l).is_empty())
            .map(|l| trim_js(l))
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        title = yaml_scalar(trim_js(value), &more);
    }
    (title, keys)
}

/// A YAML scalar as a one-line text: plain, quoted, or a block (`|`, `>`).
fn yaml_scalar(value: &str, more: &[&str]) -> Option<String> {
    let joined = |first: &str| {
        std::iter::once(first)
            .chain(more.iter().copied())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let text = if let Some(rest) = value.strip_prefix('"') {
        let whole = joined(rest);
        let mut out = String::new();
        let mut chars = whole.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') | Some('t') => out.push(' '),
                    Some(other) => out.push(other),
                    None => {}
                },
                c => out.push(c),
            }
        }
        out
    } else if let Some(rest) = value.strip_prefix('\'') {
        let whole = joined(rest).replace("''", "\u{0}");
        let end = whole.find('\'').unwrap_or(whole.len());
        whole[..end].replace('\u{0}', "'")
    } else if value.starts_with('|') || value.starts_with('>') {
        more.join(" ")
    } else {
        // A plain scalar ends at a comment (` #`).
        let plain = value.split(" #").next().unwrap_or_default();
        joined(trim_js(plain))
    };
    let text = trim_js(&text).to_owned();
    (!text.is_empty() && text != "null" && text != "~").then_some(text)
}

/// A `%%{…}%%` settings block Mermaid takes off the text.
struct Directive {
    range: Range<usize>,
    name: String,
    /// Never closed by `}%%`: it runs to the end of the text.
    open: bool,
}

/// Every settings block, the way Mermaid's pattern for them finds them: `%%{`, a word, an
/// optional `:` and value, and `}%%` (a value that is not one word runs to `}%%`, or to the end).
fn directives(text: &str) -> Vec<Directive> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("%%{") {
        let p = from + i;
        let j = skip_space(text, p + 3);
        let word = word_len(text, j);
        if word == 0 {
            from = p + 1;
            continue;
        }
        let name = text[j..j + word].to_owned();
        let k = skip_space(text, j + word);
        let after = if text[k..].starts_with(':') {
            k + 1
        } else {
            j + word
        };
        let m = skip_space(text, after);
        let mut open = false;
        let end = if word_len(text, m) > 0 {
            let e = skip_space(text, m + word_len(text, m));
            if text[e..].starts_with("}%%") {
                e + 3
            } else {
                e
            }
        } else {
            let stop = text[m..]
                .find(['\u{2028}', '\u{2029}'])
                .map_or(text.len(), |s| m + s);
            let stop = text[m..stop].find("}%%").map_or(stop, |s| m + s);
            let e = skip_space(text, stop);
            if text[e..].starts_with("}%%") {
                e + 3
            } else {
                open = e >= text.len();
                e
            }
        };
        found.push(Directive {
            range: p..end,
            name,
            open,
        });
        from = end.max(p + 1);
    }
    found
}

/// The lines Mermaid drops as comments: `%%` (not `%%{`) and at least one more character.
fn comment_lines(text: &str) -> Vec<Range<usize>> {
    let mut cuts = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_start_matches(|c: char| c != '\n' && is_space(c));
        if let Some(rest) = body.strip_prefix("%%")
            && !rest.starts_with('{')
            && !rest.starts_with('\n')
            && !rest.is_empty()
        {
            cuts.push(start..start + line.len());
        }
        start += line.len();
    }
    cuts
}

/// Mermaid takes the last `;` off a line holding `word` (`style`, `classDef`), then a `:`, then
/// with no space a `#`, then a `;`. The offset of that `;` in the line, if this line is one.
fn style_semicolon(line: &str, word: &str) -> Option<usize> {
    let last = line.rfind(';')?;
    let start = line.find(word)? + word.len();
    let mut armed = false;
    for (i, c) in line[start..].char_indices() {
        if c == ':' {
            armed = true;
        } else if armed && c == '#' {
            return (start + i < last).then_some(last);
        } else if is_space(c) {
            armed = false;
        }
    }
    None
}

/// Whether a text starts with a keyword (any case) standing as a word of its own.
fn starts_with_word(text: &str, word: &str) -> bool {
    keyword(text, word) && !text.as_bytes().get(word.len()).is_some_and(|&b| is_word(b))
}

/// Whether a text starts with an ASCII keyword, in any case.
fn keyword(text: &str, word: &str) -> bool {
    text.as_bytes()
        .get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The length of the run of word characters (`A-Z a-z 0-9 _`) at `at`.
fn word_len(text: &str, at: usize) -> usize {
    text.as_bytes()
        .get(at..)
        .map_or(0, |rest| rest.iter().take_while(|&&b| is_word(b)).count())
}

/// Blanks as Mermaid (JavaScript) counts them.
fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

fn trim_js(text: &str) -> &str {
    text.trim_matches(is_space)
}

/// The first offset at or after `from` that is not a blank.
fn skip_space(text: &str, from: usize) -> usize {
    let from = from.min(text.len());
    text[from..]
        .find(|c: char| !is_space(c))
        .map_or(text.len(), |i| from + i)
}

/// The end of the line `from` is on (the offset of its line feed, or the end of the text).
fn line_end(text: &str, from: usize) -> usize {
    let from = from.min(text.len());
    text[from..].find('\n').map_or(text.len(), |i| from + i)
}

/// The length of a character code such as `#59;` or `#quot;` at `at`, if one starts there.
fn entity_len(bytes: &[u8], at: usize) -> Option<usize> {
    if bytes.get(at) != Some(&b'#') {
        return None;
    }
    let word = bytes
        .get(at + 1..)?
        .iter()
        .take_while(|&&b| is_word(b))
        .count();
    (word > 0 && bytes.get(at + 1 + word) == Some(&b';')).then_some(word + 2)
}

/// The end of a run of text from `from`: up to a line feed, a `;`, a `#` that starts a comment
/// (not a character code), and a `:` if `colon`.
fn scan(text: &str, from: usize, colon: bool) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' | b';' => break,
            b':' if colon => break,
            b'#' => match entity_len(bytes, i) {
                Some(n) => i += n,
                None => break,
            },
            _ => i += 1,
        }
    }
    i
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Journey,
    Newline,
    Title,
    AccTitle,
    AccDescr,
    /// `accDescr { … }`, and whether its `}` came.
    AccDescrBlock {
        closed: bool,
    },
    Section,
    TaskName,
    /// What follows a task's name, from its colon (the colon not included).
    TaskData,
    /// A colon with nothing after it on its line.
    Colon,
    /// A character no statement can start with (a `;`).
    Invalid,
    End,
}

#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    /// Where it starts in the cleaned-up text.
    at: usize,
    /// Its value: the title, the section's or task's name, the task's data…
    text: Range<usize>,
}

/// The words of a cleaned-up diagram, with the same rules, in the same order of preference, as
/// Mermaid's own lexer: comments and blanks skipped, keywords in any case.
struct Lexer<'a> {
    s: &'a str,
    pos: usize,
}

impl Lexer<'_> {
    fn token(&mut self, kind: Kind, at: usize, text: Range<usize>, next: usize) -> Token {
        self.pos = next.max(at + 1).min(self.s.len());
        Token { kind, at, text }
    }

    fn next(&mut self) -> Token {
        let s = self.s;
        loop {
            let at = self.pos.min(s.len());
            let rest = &s[at..];
            let Some(c) = rest.chars().next() else {
                return Token {
                    kind: Kind::End,
                    at,
                    text: at..at,
                };
            };
            let after = at + c.len_utf8();
            // Comments: `%%` to the end of the line (not `%%{`), and any one character (but
            // `}`) followed by `%%`, line feeds included.
            if rest.starts_with("%%") && !rest[2..].starts_with('{') {
                self.pos = line_end(s, at);
                continue;
            }
            if c != '}' && s[after..].starts_with("%%") {
                self.pos = line_end(s, after);
                continue;
            }
            if c == '\n' {
                let end = at + rest.len() - rest.trim_start_matches('\n').len();
                return self.token(Kind::Newline, at, at..end, end);
            }
            if is_space(c) {
                self.pos = skip_space(s, at);
                continue;
            }
            if c == '#' && entity_len(s.as_bytes(), at).is_none() {
                self.pos = line_end(s, at);
                continue;
            }
            if starts_with_word(rest, "journey") {
                return self.token(Kind::Journey, at, at..at + 7, at + 7);
            }
            if keyword(rest, "title")
                && let Some(blank) = rest[5..].chars().next().filter(|&c| is_space(c))
            {
                let value = at + 5 + blank.len_utf8();
                let end = scan(s, value, false);
                if end > value {
                    return self.token(Kind::Title, at, value..end, end);
                }
            }
            for (word, kind) in [("acctitle", Kind::AccTitle), ("accdescr", Kind::AccDescr)] {
                if !keyword(rest, word) {
                    continue;
                }
                let p = skip_space(s, at + 8);
                if s[p..].starts_with(':') {
                    let value = skip_space(s, p + 1);
                    let end = line_end(s, value);
                    return self.token(kind, at, value..end, end);
                }
                if kind == Kind::AccDescr && s[p..].starts_with('{') {
                    let value = skip_space(s, p + 1);
                    return match s[value..].find('}') {
                        Some(i) => self.token(
                            Kind::AccDescrBlock { closed: true },
                            at,
                            value..value + i,
                            value + i + 1,
                        ),
                        None => self.token(
                            Kind::AccDescrBlock { closed: false },
                            at,
                            value..s.len(),
                            s.len(),
                        ),
                    };
                }
            }
            if keyword(rest, "section")
                && let Some(blank) = rest[7..].chars().next().filter(|&c| is_space(c))
            {
                let value = at + 7 + blank.len_utf8();
                let end = scan(s, value, true);
                if end > value {
                    return self.token(Kind::Section, at, value..end, end);
                }
            }
            if c == ':' {
                let end = scan(s, after, false);
                return if end > after {
                    self.token(Kind::TaskData, at, after..end, end)
                } else {
                    self.token(Kind::Colon, at, at..after, after)
                };
            }
            if c == ';' {
                return self.token(Kind::Invalid, at, at..after, after);
            }
            let end = scan(s, at, true);
            return self.token(Kind::TaskName, at, at..end, end);
        }
    }
}

/// A task as read.
struct Task {
    name: String,
    feeling: Option<Feeling>,
    /// Distinct, in the file's order, none empty.
    actors: Vec<String>,
}

enum Item {
    Section(String),
    Task(Task),
}

/// Notes about single tasks, the first few one by one and the rest counted.
#[derive(Default)]
struct TaskNotes {
    notes: Vec<Note>,
    more: usize,
}

impl TaskNotes {
    fn push(&mut self, note: Note) {
        if self.notes.len() < TASK_NOTES {
            self.notes.push(note);
        } else {
            self.more += 1;
        }
    }
}

/// Reads a cleaned-up journey into a map, or refuses it where Mermaid would.
fn parse(diagram: Prepared, lines: &Lines, after: Vec<Note>) -> Result<Parsed, ParseError> {
    let src = &diagram.src;
    let s = src.text.as_str();
    let line = |at: usize| lines.line(src.file_offset(at));
    let refuse = |at: usize, note: Note| ParseError::Refused {
        at: Some(lines.position(src.file_offset(at))),
        note,
    };
    let mut notes = diagram.notes;
    let mut lexer = Lexer { s, pos: 0 };
    let first = lexer.next();
    if first.kind != Kind::Journey {
        let found = quote(trim_js(&s[first.at..line_end(s, first.at)]));
        return Err(refuse(
            first.at,
            Note::new("mermaid-not-journey").text("found", found),
        ));
    }

    let mut titles: Vec<String> = diagram.front_title.into_iter().collect();
    let mut items = Vec::new();
    let mut task_notes = TaskNotes::default();
    let mut previous = Kind::Journey;
    loop {
        let token = lexer.next();
        let value = &s[token.text.clone()];
        match token.kind {
            Kind::End => break,
            Kind::Newline => {}
            Kind::Journey => return Err(refuse(token.at, Note::new("mermaid-journey-again"))),
            Kind::Title => titles.push(clean_title(value)),
            Kind::AccTitle | Kind::AccDescr | Kind::AccDescrBlock { .. } => {
                let key = if token.kind == Kind::AccTitle {
                    "mermaid-acc-title"
                } else {
                    "mermaid-acc-descr"
                };
                if !trim_js(value).is_empty() {
                    notes.push(Note::new(key).text("text", quote(value)).at(line(token.at)));
                }
                if token.kind == (Kind::AccDescrBlock { closed: false }) {
                    notes.push(Note::new("mermaid-acc-descr-open").at(line(token.at)));
                }
            }
            Kind::Section => items.push(Item::Section(clean_name(value))),
            Kind::TaskName => {
                let data = lexer.next();
                match data.kind {
                    Kind::TaskData => {
                        let task = read_task(
                            value,
                            &s[data.text.clone()],
                            || line(token.at),
                            &mut task_notes,
                        );
                        items.push(Item::Task(task));
                    }
                    Kind::Colon => {
                        return Err(refuse(
                            data.at,
                            Note::new("mermaid-no-score").text("task", quote(&clean_name(value))),
                        ));
                    }
                    Kind::Invalid => return Err(refuse(data.at, Note::new("mermaid-bad-char"))),
                    _ => {
                        let text = trim_js(value);
                        let note = if keyword(text, "accdescription") {
                            Note::new("mermaid-acc-description")
                        } else {
                            Note::new("mermaid-not-a-task").text("text", quote(text))
                        };
                        return Err(refuse(token.at, note));
                    }
                }
            }
            Kind::TaskData | Kind::Colon => {
                let key = if previous == Kind::Section {
                    "mermaid-section-colon"
                } else {
                    "mermaid-no-task-name"
                };
                return Err(refuse(token.at, Note::new(key)));
            }
            Kind::Invalid => return Err(refuse(token.at, Note::new("mermaid-bad-char"))),
        }
        previous = token.kind;
    }

    // The last title wins, as in Mermaid.
    let title = titles.last().cloned().unwrap_or_default();
    if titles.iter().any(|t| *t != title) {
        notes.push(Note::new("mermaid-title-again").text("title", quote(&title)));
    }
    notes.extend(task_notes.notes);
    if task_notes.more > 0 {
        notes.push(Note::new("mermaid-more-tasks").number("count", task_notes.more as f64));
    }

    // A diagram without a title is named after its file by the caller.
    let mut map = Builder::new(title);
    let lane = map.add_lane(tr("mermaid-lane-name"), LaneKind::Actions);
    // Mermaid draws the scores as a curve of faces: so does a feelings lane.
    map.add_lane(tr("mermaid-feelings-lane"), LaneKind::Feelings);

    // Personas: every actor once, in order of appearance.
    let tasks = || {
        items.iter().filter_map(|item| match item {
            Item::Task(task) => Some(task),
            Item::Section(_) => None,
        })
    };
    let mut known: HashSet<&str> = HashSet::new();
    let mut left_out = 0usize;
    for actor in tasks().flat_map(|t| &t.actors) {
        if known.insert(actor) {
            if map.map().personas.len() < limits::PERSONAS {
                map.add_persona(actor.clone());
            } else {
                left_out += 1;
            }
        }
    }
    if left_out > 0 {
        notes.push(
            Note::new("mermaid-personas-cut")
                .number("count", known.len() as f64)
                .number("limit", limits::PERSONAS as f64),
        );
    }
    // The journey's persona: the first actor named. Tasks with other actors say so in notes.
    let lead: Vec<String> = tasks()
        .find_map(|t| t.actors.first())
        .cloned()
        .into_iter()
        .collect();

    let mut stage = None;
    let mut in_notes = 0usize;
    for item in items {
        match item {
            Item::Section(name) => stage = Some(map.add_stage(name)),
            Item::Task(task) => {
                let in_stage = match stage {
                    Some(id) => id,
                    None => {
                        let id = map.add_stage(tr("mermaid-no-section"));
                        stage = Some(id);
                        id
                    }
                };
                let differs = task.actors != lead;
                let card = map.add_card(in_stage, lane, task.name);
                card.feeling = task.feeling;
                if differs {
                    card.notes = actors_line(&task.actors);
                    in_notes += 1;
                }
            }
        }
    }
    if in_notes > 0 {
        notes.push(Note::new("mermaid-actors-in-notes").number("count", in_notes as f64));
    }
    notes.extend(after);
    map.notes = notes;
    map.finish()
}

/// A task from its name and what follows its colon: `score: actor, actor: (ignored)`.
fn read_task(name: &str, data: &str, line: impl Fn() -> usize, notes: &mut TaskNotes) -> Task {
    let name = clean_name(name);
    let mut pieces = data.split(':');
    let score = trim_js(pieces.next().unwrap_or_default());
    let actors_text = pieces.next();
    let rest: Vec<&str> = pieces.collect();
    let rest = rest.join(":");
    if !trim_js(&rest).is_empty() {
        notes.push(
            Note::new("mermaid-extra-data")
                .text("task", quote(&name))
                .text("text", quote(trim_js(&rest)))
                .at(line()),
        );
    }

    let feeling = if score.is_empty() {
        notes.push(
            Note::new("mermaid-score-missing")
                .text("task", quote(&name))
                .at(line()),
        );
        None
    } else {
        match js_number(score) {
            None => {
                notes.push(
                    Note::new("mermaid-score-not-number")
                        .text("task", quote(&name))
                        .text("score", quote(score))
                        .at(line()),
                );
                None
            }
            Some(value) => {
                let (feeling, exact) = feeling_of(value);
                if !exact {
                    let key = if (1.0..=5.0).contains(&value) {
                        "mermaid-score-decimal"
                    } else {
                        "mermaid-score-outside"
                    };
                    notes.push(
                        Note::new(key)
                            .text("task", quote(&name))
                            .text("score", quote(score))
                            .text("feeling", tr(feeling.key()))
                            .at(line()),
                    );
                }
                Some(feeling)
            }
        }
    };

    let mut actors: Vec<String> = Vec::new();
    for actor in actors_text.into_iter().flat_map(|a| a.split(',')) {
        let actor = trim_js(&decode(trim_js(actor))).to_owned();
        if !actor.is_empty() && !actors.contains(&actor) {
            actors.push(actor);
        }
    }
    Task {
        name,
        feeling,
        actors,
    }
}

/// The face of a score, and whether the score was exactly one of 1..5. Other numbers take the
/// nearest face within 1..5, on the side Mermaid draws them (below 3 frowns, above 3 smiles).
fn feeling_of(score: f64) -> (Feeling, bool) {
    let exact = score.fract() == 0.0 && (1.0..=5.0).contains(&score);
    let mut step = score.clamp(1.0, 5.0).round();
    if step == 3.0 && score < 3.0 {
        step = 2.0;
    } else if step == 3.0 && score > 3.0 {
        step = 4.0;
    }
    (Feeling::ALL[(step as usize).clamp(1, 5) - 1], exact)
}

/// A score as Mermaid reads it (JavaScript's `Number`): a decimal number, `Infinity`, or a
/// `0x`/`0o`/`0b` integer; `None` for anything else (Mermaid's NaN).
fn js_number(text: &str) -> Option<f64> {
    let text = trim_js(text);
    let (sign, body) = match text.as_bytes().first() {
        Some(b'-') => (-1.0, &text[1..]),
        Some(b'+') => (1.0, &text[1..]),
        _ => (1.0, text),
    };
    if body == "Infinity" {
        return Some(sign * f64::INFINITY);
    }
    if body.len() == text.len() && body.len() > 2 && body.starts_with('0') {
        let radix = match body.as_bytes()[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix > 0 {
            return body[2..].chars().try_fold(0.0, |acc: f64, c| {
                c.to_digit(radix)
                    .map(|d| acc * f64::from(radix) + f64::from(d))
            });
        }
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if whole.len() + fraction.len() == 0 || !digits(whole) || !digits(fraction) || !exponent_ok {
        return None;
    }
    let normal = format!(
        "{}.{}e{}",
        if whole.is_empty() { "0" } else { whole },
        if fraction.is_empty() { "0" } else { fraction },
        exponent.unwrap_or("0")
    );
    normal.parse::<f64>().ok().map(|v| sign * v)
}

/// The card notes that keep a task's actors: "Actors: Me, Cat" ("Actors: —" for none). A `,`
/// or `#` inside a name is written as a character code, so the line reads back the same.
fn actors_line(actors: &[String]) -> String {
    let names = if actors.is_empty() {
        NO_ACTORS.to_owned()
    } else {
        let names: Vec<String> = actors
            .iter()
            .map(|name| name.replace('#', "#35;").replace(',', "#44;"))
            .collect();
        names.join(", ")
    };
    format!("{}: {names}", tr("mermaid-actors-label"))
}

/// What an "Actors:" line holds when a task has nobody.
const NO_ACTORS: &str = "—";

/// The actors of an "Actors: …" line of a card's notes (in either language), if it is one.
fn actors_of_line(line: &str) -> Option<Vec<String>> {
    let text = trim_js(line);
    let rest = Lang::ALL.iter().find_map(|lang| {
        let label = tr_in(*lang, "mermaid-actors-label");
        let head = text.get(..label.len())?;
        if !head.eq_ignore_ascii_case(label) {
            return None;
        }
        trim_js(&text[label.len()..]).strip_prefix(':')
    })?;
    let rest = trim_js(rest);
    if rest == NO_ACTORS {
        return Some(Vec::new());
    }
    Some(
        rest.split(',')
            .map(|name| trim_js(&decode(trim_js(name))).to_owned())
            .filter(|name| !name.is_empty())
            .collect(),
    )
}

/// A task's or section's name: `<br>` is a line break, character codes become characters,
/// blanks around lines go.
fn clean_name(raw: &str) -> String {
    if !raw.contains(['<', '#']) {
        return trim_js(raw).to_owned();
    }
    let lines: Vec<String> = split_br(raw)
        .into_iter()
        .map(|part| trim_js(&decode(part)).to_owned())
        .collect();
    trim_js(&lines.join("\n")).to_owned()
}

/// A title: one line, `<br>` as a space.
fn clean_title(raw: &str) -> String {
    let parts: Vec<String> = split_br(raw)
        .into_iter()
        .map(|part| trim_js(&decode(part)).to_owned())
        .filter(|part| !part.is_empty())
        .collect();
    parts.join(" ")
}

/// The length of a line break tag (`<br>`, `<br/>`, `<BR />`, `</br>`) at the start of `text`.
fn br_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'<') {
        return None;
    }
    let mut i = 1;
    if bytes.get(i) == Some(&b'/') {
        i += 1;
    }
    if !bytes.get(i..i + 2)?.eq_ignore_ascii_case(b"br") {
        return None;
    }
    i = skip_space(text, i + 2);
    if bytes.get(i) == Some(&b'/') {
        i += 1;
    }
    (bytes.get(i) == Some(&b'>')).then_some(i + 1)
}

/// A text cut at its line break tags.
fn split_br(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some(i) = text[from..].find('<') {
        let at = from + i;
        match br_len(&text[at..]) {
            Some(len) => {
                parts.push(&text[start..at]);
                start = at + len;
                from = start;
            }
            None => from = at + 1,
        }
    }
    parts.push(&text[start..]);
    parts
}

/// A text with its character codes (`#35;`, `#quot;`) turned into characters, as Mermaid shows
/// them. An unknown name stays as written.
fn decode(text: &str) -> String {
    if !text.contains('#') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        match entity_len(tail.as_bytes(), 0) {
            Some(len) => {
                match entity(&tail[1..len - 1]) {
                    Some(c) => out.push(c),
                    None => out.push_str(&tail[..len]),
                }
                rest = &tail[len..];
            }
            None => {
                out.push('#');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a code names: a decimal number, or one of the usual HTML names.
fn entity(name: &str) -> Option<char> {
    if name.bytes().all(|b| b.is_ascii_digit()) {
        let c = name
            .parse::<u32>()
            .ok()
            .filter(|&n| n != 0)
            .and_then(char::from_u32)
            .unwrap_or('\u{fffd}');
        return Some(if c.is_control() { ' ' } else { c });
    }
    Some(match name {
        "quot" => '"',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "colon" => ':',
        "semi" => ';',
        "num" => '#',
        "comma" => ',',
        "percnt" => '%',
        "excl" => '!',
        "quest" => '?',
        "lpar" => '(',
        "rpar" => ')',
        "lbrace" | "lcub" => '{',
        "rbrace" | "rcub" => '}',
        "lsqb" | "lbrack" => '[',
        "rsqb" | "rbrack" => ']',
        "sol" => '/',
        "bsol" => '\\',
        "vert" => '|',
        "ast" => '*',
        "plus" => '+',
        "equals" => '=',
        "commat" => '@',
        "dollar" => '$',
        "lowbar" => '_',
        "period" => '.',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" => '•',
        "middot" => '·',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "harr" => '↔',
        "hearts" => '♥',
        "check" => '✓',
        "star" => '☆',
        "starf" => '★',
        "iexcl" => '¡',
        "iquest" => '¿',
        "ordf" => 'ª',
        "ordm" => 'º',
        "aacute" => 'á',
        "eacute" => 'é',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "Aacute" => 'Á',
        "Eacute" => 'É',
        "Iacute" => 'Í',
        "Oacute" => 'Ó',
        "Uacute" => 'Ú',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        _ => return None,
    })
}

/// A piece of the file for a note: on one line, blanks run together, at most [`QUOTE_CHARS`]
/// characters.
fn quote(text: &str) -> String {
    let one_line = trim_js(text)
        .split(is_space)
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    match one_line.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{}…", &one_line[..cut]),
        None => one_line,
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// A ```` ```mermaid ```` block of a Markdown file.
struct Block {
    /// Where its opening fence is in the file.
    fence: usize,
    /// Its lines, without the fence's indentation.
    content: Vec<Range<usize>>,
}

/// A fence being read: its character, its length, its indentation, whether it holds Mermaid.
struct Fence {
    mark: u8,
    len: usize,
    indent: usize,
    block: Option<Block>,
}

/// The Mermaid blocks of a Markdown text (fenced with backticks, tildes, or Azure DevOps's
/// `:::`), and whether the text has any fenced block at all.
fn mermaid_blocks(file: &str) -> (Vec<Block>, bool) {
    let mut blocks = Vec::new();
    let mut fenced = false;
    let mut open: Option<Fence> = None;
    let mut start = 0;
    for raw in file.split_inclusive('\n') {
        let line_start = start;
        start += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let indent = line.len() - line.trim_start_matches(' ').len();
        let body = &line[indent..];
        match &mut open {
            None => {
                let mark = body.as_bytes().first().copied().unwrap_or(0);
                if !matches!(mark, b'`' | b'~' | b':') {
                    continue;
                }
                let len = body.bytes().take_while(|&b| b == mark).count();
                let info = trim_js(&body[len..]);
                if len < 3 || (mark == b'`' && info.contains('`')) {
                    continue;
                }
                fenced = true;
                let language = info
                    .trim_start_matches('{')
                    .split(|c: char| is_space(c) || matches!(c, '}' | ',' | '{'))
                    .next()
                    .unwrap_or_default();
                open = Some(Fence {
                    mark,
                    len,
                    indent,
                    block: language.eq_ignore_ascii_case("mermaid").then(|| Block {
                        fence: line_start,
                        content: Vec::new(),
                    }),
                });
            }
            Some(fence) => {
                let closes = trim_js(body).len() >= fence.len
                    && trim_js(body).bytes().all(|b| b == fence.mark);
                if closes && (fence.mark != b':' || trim_js(body).len() >= 3) {
                    if let Some(block) = open.take().and_then(|f| f.block) {
                        blocks.push(block);
                    }
                    continue;
                }
                if let Some(block) = &mut fence.block {
                    let strip = indent.min(fence.indent);
                    block.content.push(line_start + strip..start);
                }
            }
        }
    }
    // A block never closed runs to the end of the file.
    if let Some(block) = open.and_then(|f| f.block) {
        blocks.push(block);
    }
    (blocks, fenced)
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Where a text goes in the diagram, which decides what it may hold.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// `title …`: one line, no `#` or `;` (nor `:` where Mermaid would read a style rule).
    Title { colon: bool },
    /// `section …`: no `:`, `#`, `;`; line breaks as `<br>`.
    Section,
    /// A task's name: as a section, and not starting like a keyword.
    Task,
    /// An actor: one line, no `:`, `#`, `;` or `,`.
    Actor,
}

/// A text made safe for Mermaid, and what that took.
struct Escaped {
    text: String,
    /// Some character had to be written as a character code.
    coded: bool,
    /// Lines were joined into one.
    joined: bool,
}

/// A character as Mermaid's character code: `#58;`.
fn code(c: char) -> String {
    format!("#{};", u32::from(c))
}

fn escape(text: &str, place: Place) -> Escaped {
    // Most texts need nothing: one line, no reserved character, not like a keyword.
    let plain = !text.is_empty()
        && trim_js(text).len() == text.len()
        && !text.contains(['\n', '\r', ':', '#', ';', ',', '%', '<'])
        && (place != Place::Task || !reads_as_keyword(text));
    if plain {
        return Escaped {
            text: text.to_owned(),
            coded: false,
            joined: false,
        };
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').map(trim_js).collect();
    let one_line = matches!(place, Place::Title { .. } | Place::Actor);
    let (body, joined) = if one_line {
        let parts: Vec<&str> = lines.iter().copied().filter(|l| !l.is_empty()).collect();
        (parts.join(" "), parts.len() > 1)
    } else {
        (trim_js(&lines.join("\n")).to_owned(), false)
    };
    let mut out = String::with_capacity(body.len() + 8);
    let mut coded = false;
    let mut previous = None;
    for (i, c) in body.char_indices() {
        let reserved = match c {
            '#' | ';' => true,
            ':' => !matches!(place, Place::Title { colon: false }),
            ',' => place == Place::Actor,
            // Two `%` in a row open comments and settings.
            '%' => previous == Some('%'),
            // A written `<br>` that is not a line break.
            '<' => place != Place::Actor && br_len(&body[i..]).is_some(),
            _ => false,
        };
        if c == '\n' {
            out.push_str("<br>");
        } else if reserved {
            out.push_str(&code(c));
            coded = true;
        } else {
            out.push(c);
        }
        previous = Some(c);
    }
    if matches!(place, Place::Task | Place::Section) && out.is_empty() {
        // An empty name is not a name to Mermaid: a coded space reads back as empty.
        out = code(' ');
        coded = true;
    }
    if place == Place::Task && reads_as_keyword(&out) {
        // The first letter coded, so the name is not read as `title …`, `section …`…
        let first = out.chars().next().unwrap_or(' ');
        out = format!("{}{}", code(first), &out[first.len_utf8()..]);
        coded = true;
    }
    Escaped {
        text: out,
        coded,
        joined,
    }
}

/// Whether a task's name, followed by the task's colon, would be read by Mermaid as the line of
/// a keyword (`title …`, `accTitle: …`…).
fn reads_as_keyword(name: &str) -> bool {
    let spaced =
        |word: &str| keyword(name, word) && name[word.len()..].chars().next().is_some_and(is_space);
    let before = |word: &str, marks: &[char]| {
        keyword(name, word) && {
            let rest = &name[skip_space(name, word.len())..];
            rest.is_empty() || rest.starts_with(marks)
        }
    };
    starts_with_word(name, "journey")
        || spaced("title")
        || spaced("section")
        || before("acctitle", &[':'])
        || before("accdescr", &[':', '{'])
}

/// The title line, written so Mermaid reads back exactly the title.
fn title_line(title: &str) -> Escaped {
    let plain = escape(title, Place::Title { colon: false });
    let line = format!("title {}", plain.text);
    if style_semicolon(&line, "style").is_some() || style_semicolon(&line, "classDef").is_some() {
        escape(title, Place::Title { colon: true })
    } else {
        plain
    }
}

/// One journey as a Mermaid diagram, and what of the map it could not hold.
pub fn write(map: &Map, journey: JourneyId) -> Written {
    let mut notes = Vec::new();
    let mut text = String::from("journey\n");
    // The texts that had to change, each counted once however often it is written.
    let mut coded: HashSet<String> = HashSet::new();
    let mut joined: HashSet<String> = HashSet::new();
    let mut tally = |original: &str, e: &Escaped| {
        if e.coded {
            coded.insert(original.to_owned());
        }
        if e.joined {
            joined.insert(original.to_owned());
        }
    };

    let title = if trim_js(&map.title).is_empty() {
        let fallback = tr("mermaid-untitled");
        notes.push(Note::new("mermaid-title-written").text("title", fallback));
        fallback
    } else {
        map.title.as_str()
    };
    let title_text = title;
    let title = title_line(title_text);
    tally(title_text, &title);
    text.push_str(&format!("    title {}\n", title.text));

    let chosen = map.journeys.iter().find(|j| j.id == journey);
    let lead = chosen
        .and_then(|j| j.persona)
        .and_then(|id| map.personas.iter().find(|p| p.id == id))
        .map(|p| trim_js(&p.name).to_owned())
        .filter(|name| !name.is_empty());

    // The journey's cards, stage by stage, then lane by lane, then in the map's order.
    let stage_of: HashMap<_, usize> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let lane_of: HashMap<_, usize> = map
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id, i))
        .collect();
    let mut cards: Vec<(usize, usize, usize, &Card)> = map
        .cards
        .iter()
        .enumerate()
        .filter(|(_, c)| chosen.is_some() && c.journey == journey)
        .filter_map(|(i, c)| {
            let stage = *stage_of.get(&c.stage)?;
            let lane = lane_of.get(&c.lane).copied().unwrap_or(usize::MAX);
            Some((stage, lane, i, c))
        })
        .collect();
    cards.sort_by_key(|&(stage, lane, i, _)| (stage, lane, i));

    let mut written_actors: HashSet<String> = HashSet::new();
    let (mut no_feeling, mut with_notes, mut channels, mut moments) = (0, 0, 0, 0);
    let mut next = cards.iter().peekable();
    for (index, stage) in map.stages.iter().enumerate() {
        let name = escape(&stage.name, Place::Section);
        tally(&stage.name, &name);
        text.push_str(&format!("    section {}\n", name.text));
        while let Some(&(_, _, _, card)) = next.next_if(|(s, ..)| *s == index) {
            let name = escape(&card.title, Place::Task);
            tally(&card.title, &name);
            let score = match card.feeling {
                Some(feeling) => feeling.score() + 3,
                None => {
                    no_feeling += 1;
                    3
                }
            };
            let mut actors = None;
            let mut other_notes = false;
            for line in card.notes.lines() {
                match actors_of_line(line) {
                    Some(names) if actors.is_none() => actors = Some(names),
                    _ if !trim_js(line).is_empty() => other_notes = true,
                    _ => {}
                }
            }
            with_notes += usize::from(other_notes);
            channels += usize::from(card.channel.is_some());
            moments += usize::from(card.moment.is_some());
            let actors = actors.unwrap_or_else(|| lead.iter().cloned().collect());
            let mut line = format!("      {}: {score}", name.text);
            let mut on_task: Vec<String> = Vec::new();
            for actor in &actors {
                let escaped = escape(actor, Place::Actor);
                if escaped.text.is_empty() || on_task.contains(&escaped.text) {
                    continue;
                }
                tally(actor, &escaped);
                line.push_str(if on_task.is_empty() { ": " } else { ", " });
                line.push_str(&escaped.text);
                on_task.push(escaped.text);
                written_actors.insert(trim_js(actor).to_owned());
            }
            line.push('\n');
            text.push_str(&line);
        }
    }

    // What the diagram could not hold, one note per kind.
    let other_journeys = map.journeys.iter().filter(|j| j.id != journey).count();
    if let Some(chosen) = chosen {
        let default_name = Lang::ALL
            .iter()
            .any(|lang| tr_in(*lang, "current-journey-name") == chosen.name);
        if chosen.kind != JourneyKind::Current || !default_name {
            notes.push(Note::new("mermaid-lost-journey-name").text("name", quote(&chosen.name)));
        }
    }
    let mut lost = |key: &'static str, count: usize| {
        if count > 0 {
            notes.push(Note::new(key).number("count", count as f64));
        }
    };
    lost("mermaid-lost-journeys", other_journeys);
    lost("mermaid-lost-curve", chosen.map_or(0, |j| j.curve.len()));
    // A feelings lane holds no cards: its curve comes back from the scores.
    let holding: Vec<_> = map.lanes.iter().filter(|l| l.kind.holds_cards()).collect();
    let lanes_lost = holding.len() > 1 || holding.iter().any(|l| l.kind != LaneKind::Actions);
    lost(
        "mermaid-lost-lanes",
        if lanes_lost { holding.len() } else { 0 },
    );
    lost("mermaid-no-feeling", no_feeling);
    lost("mermaid-lost-notes", with_notes);
    lost("mermaid-lost-channels", channels);
    lost("mermaid-lost-moments", moments);
    let unwritten = map
        .personas
        .iter()
        .filter(|p| !written_actors.contains(trim_js(&p.name)))
        .count();
    lost("mermaid-lost-personas", unwritten);
    let details = map
        .personas
        .iter()
        .filter(|p| written_actors.contains(trim_js(&p.name)))
        .filter(|p| {
            !p.description.is_empty()
                || !p.goals.is_empty()
                || !p.needs.is_empty()
                || p.picture.is_some()
        })
        .count();
    lost("mermaid-lost-persona-details", details);
    lost("mermaid-lost-kpis", map.kpis.len());
    lost("mermaid-lost-actions", map.actions.len());
    lost("mermaid-lost-phases", map.phases.len());
    lost(
        "mermaid-lost-decisions",
        map.forks.iter().filter(|f| f.journey == journey).count(),
    );
    lost("mermaid-coded", coded.len());
    lost("mermaid-joined", joined.len());
    Written { text, notes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Moment};

    fn ok(text: &str) -> Parsed {
        read(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    fn refused(text: &str) -> (super::super::Position, &'static str) {
        match read(text) {
            Err(ParseError::Refused { at, note }) => (
                at.unwrap_or(super::super::Position { line: 0, col: 0 }),
                note.key,
            ),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    fn titles(parsed: &Parsed) -> Vec<&str> {
        parsed.map.cards.iter().map(|c| c.title.as_str()).collect()
    }

    fn stages(parsed: &Parsed) -> Vec<&str> {
        parsed.map.stages.iter().map(|s| s.name.as_str()).collect()
    }

    fn keys(notes: &[Note]) -> Vec<&'static str> {
        notes.iter().map(|n| n.key).collect()
    }

    #[test]
    fn the_documented_example_reads_as_a_map() {
        let parsed = ok("journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
");
        let map = &parsed.map;
        assert_eq!(map.title, "My working day");
        assert_eq!(stages(&parsed), ["Go to work", "Go home"]);
        assert_eq!(map.lanes.len(), 2);
        assert_eq!(map.lanes[0].kind, LaneKind::Actions);
        assert_eq!(map.lanes[1].kind, LaneKind::Feelings);
        assert_eq!(
            titles(&parsed),
            [
                "Make tea",
                "Go upstairs",
                "Do work",
                "Go downstairs",
                "Sit down"
            ]
        );
        let feelings: Vec<_> = map.cards.iter().map(|c| c.feeling).collect();
        use Feeling::*;
        assert_eq!(
            feelings,
            [
                Some(Delighted),
                Some(Neutral),
                Some(Angry),
                Some(Delighted),
                Some(Delighted)
            ]
        );
        let personas: Vec<_> = map.personas.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(personas, ["Me", "Cat"]);
        assert_eq!(map.journeys[0].persona, Some(map.personas[0].id));
        // Only the task whose actors are not just the journey's persona says so.
        assert_eq!(map.cards[2].notes, "Actors: Me, Cat");
        assert!(map.cards[0].notes.is_empty());
        assert_eq!(keys(&parsed.notes), ["mermaid-actors-in-notes"]);
    }

    #[test]
    fn spacing_tabs_case_and_comments_do_not_matter() {
        let parsed = ok(
            "JOURNEY\n\tTitle\tTabs\n  SECTION\tOne\n\tname:5: actor\n  name two : 4 :  actor  # comment\n%% a comment line\n  name three:3\n",
        );
        assert_eq!(parsed.map.title, "Tabs");
        assert_eq!(stages(&parsed), ["One"]);
        assert_eq!(titles(&parsed), ["name", "name two", "name three"]);
        assert_eq!(parsed.map.personas.len(), 1);
        assert_eq!(parsed.map.personas[0].name, "actor");
        assert!(keys(&parsed.notes).contains(&"mermaid-lowercase"));
    }

    #[test]
    fn sections_are_never_merged_and_may_be_empty() {
        let parsed =
            ok("journey\nsection A\n  t1: 3\nsection Empty\nsection A\n  t2: 3\nsection Last\n");
        assert_eq!(stages(&parsed), ["A", "Empty", "A", "Last"]);
        let stage_of: Vec<_> = parsed.map.cards.iter().map(|c| c.stage.0).collect();
        assert_eq!(stage_of, [1, 3]);
    }

    #[test]
    fn tasks_before_any_section_get_a_stage_of_their_own() {
        let parsed = ok("journey\n  early: 4\nsection Later\n  late: 2\n");
        assert_eq!(stages(&parsed), ["(no section)", "Later"]);
        // No title: the caller names the map after its file.
        assert_eq!(parsed.map.title, "");
    }

    #[test]
    fn a_journey_without_tasks_is_a_map_without_cards() {
        let parsed = ok("journey\n  title Nothing yet\n");
        assert!(parsed.map.cards.is_empty());
        assert_eq!(parsed.map.stages.len(), 1);
        let parsed = ok("journey");
        assert_eq!(parsed.map.title, "");
    }

    #[test]
    fn scores_outside_the_scale_are_taken_to_the_nearest_face_and_reported() {
        let parsed = ok(
            "journey\nsection S\n a: 9\n b: 0\n c: -3\n d: 2.6\n e: 3.4\n f: 4.5\n g: 1e0\n h: 0x5\n i: Infinity\n",
        );
        use Feeling::*;
        let feelings: Vec<_> = parsed.map.cards.iter().map(|c| c.feeling).collect();
        assert_eq!(
            feelings,
            [
                Some(Delighted),
                Some(Angry),
                Some(Angry),
                Some(Sad),
                Some(Happy),
                Some(Delighted),
                Some(Angry),
                Some(Delighted),
                Some(Delighted)
            ]
        );
        let reported: Vec<_> = parsed
            .notes
            .iter()
            .filter(|n| n.key.starts_with("mermaid-score-"))
            .map(|n| (n.key, n.line))
            .collect();
        assert_eq!(
            reported,
            [
                ("mermaid-score-outside", Some(3)),
                ("mermaid-score-outside", Some(4)),
                ("mermaid-score-outside", Some(5)),
                ("mermaid-score-decimal", Some(6)),
                ("mermaid-score-decimal", Some(7)),
                ("mermaid-score-decimal", Some(8)),
                ("mermaid-score-outside", Some(11)),
            ]
        );
        assert!(parsed.notes[0].to_string().contains("line 3"));
        assert!(parsed.notes[0].to_string().contains('9'));
    }

    #[test]
    fn scores_that_are_not_numbers_give_no_feeling_and_are_reported() {
        let parsed = ok("journey\nsection S\n size: 2rem\n blank: \n misuse: Visit: 5: Happy\n");
        assert!(parsed.map.cards.iter().all(|c| c.feeling.is_none()));
        let reported: Vec<_> = keys(&parsed.notes);
        assert_eq!(
            reported[..4],
            [
                "mermaid-score-not-number",
                "mermaid-score-missing",
                "mermaid-extra-data",
                "mermaid-score-not-number",
            ]
        );
        // The misuse's "actor" is the score it meant.
        assert_eq!(parsed.map.personas[0].name, "5");
    }

    #[test]
    fn many_task_notes_are_summed_up() {
        let mut text = String::from("journey\nsection S\n");
        for i in 0..50 {
            text.push_str(&format!("t{i}: 7\n"));
        }
        let parsed = ok(&text);
        let listed = parsed
            .notes
            .iter()
            .filter(|n| n.key == "mermaid-score-outside")
            .count();
        assert_eq!(listed, TASK_NOTES);
        let more = parsed
            .notes
            .iter()
            .find(|n| n.key == "mermaid-more-tasks")
            .unwrap();
        assert_eq!(more.args[0].1, crate::format::NoteArg::Number(30.0));
    }

    #[test]
    fn javascript_numbers_are_read_as_mermaid_reads_them() {
        assert_eq!(js_number("5"), Some(5.0));
        assert_eq!(js_number(" +4 "), Some(4.0));
        assert_eq!(js_number("5."), Some(5.0));
        assert_eq!(js_number(".5"), Some(0.5));
        assert_eq!(js_number("-2e1"), Some(-20.0));
        assert_eq!(js_number("0b101"), Some(5.0));
        assert_eq!(js_number("-Infinity"), Some(f64::NEG_INFINITY));
        for nan in [
            "2rem", "five", ".", "e5", "1e", "0x", "-0x5", "inf", "NaN", "1.2.3", "#53;",
        ] {
            assert_eq!(js_number(nan), None, "{nan}");
        }
    }

    #[test]
    fn front_matter_init_and_accessibility_are_read_and_reported() {
        let parsed = ok(
            "---\ntitle: \"From: front matter\"\nconfig:\n  journey:\n    maxLabelWidth: 100\n---\n%%{init: {'theme': 'forest'}}%%\njourney\n  accTitle: Short\n  accDescr {\n    Several\n    lines\n  }\n  section S\n    a: 5: Me\n",
        );
        assert_eq!(parsed.map.title, "From: front matter");
        let reported: Vec<_> = parsed.notes.iter().map(|n| (n.key, n.line)).collect();
        assert_eq!(
            reported,
            [
                ("mermaid-settings", Some(3)),
                ("mermaid-settings", Some(7)),
                ("mermaid-acc-title", Some(9)),
                ("mermaid-acc-descr", Some(10)),
            ]
        );
        // A title in the diagram wins over the front matter's, and that is said.
        let parsed = ok("---\ntitle: Front\n---\njourney\ntitle Body\n");
        assert_eq!(parsed.map.title, "Body");
        assert!(keys(&parsed.notes).contains(&"mermaid-title-again"));
    }

    #[test]
    fn yaml_titles_in_their_usual_spellings() {
        let title = |yaml: &str| yaml_title(yaml).0;
        assert_eq!(title("title: Plain # comment"), Some("Plain".into()));
        assert_eq!(title("title: 'It''s'"), Some("It's".into()));
        assert_eq!(title("title: \"A \\\"B\\\"\""), Some("A \"B\"".into()));
        assert_eq!(
            title("title: >\n  Two\n  lines\nconfig: {}"),
            Some("Two lines".into())
        );
        assert_eq!(title("title:\n  Next line"), Some("Next line".into()));
        assert_eq!(title("title: null"), None);
        assert_eq!(title("config: {}"), None);
    }

    #[test]
    fn unclosed_blocks_are_refused_or_reported() {
        assert_eq!(
            refused("---\ntitle: x\njourney\n"),
            (
                super::super::Position { line: 1, col: 1 },
                "mermaid-front-matter-open"
            )
        );
        assert_eq!(
            refused("%%{init: {\"a\": 1}\njourney\nsection S\n"),
            (
                super::super::Position { line: 1, col: 1 },
                "mermaid-directive-open"
            )
        );
        // After the keyword, an open description swallows the rest, as in Mermaid.
        let parsed = ok("journey\naccDescr {\n  never closed\nsection S\n a: 5\n");
        assert!(parsed.map.cards.is_empty());
        assert!(keys(&parsed.notes).contains(&"mermaid-acc-descr-open"));
    }

    #[test]
    fn files_mermaid_rejects_are_refused_at_their_line_and_column() {
        let cases = [
            (
                "journey\ntitle T\naccDescription A user journey\nsection S\n",
                3,
                1,
                "mermaid-acc-description",
            ),
            (
                "journey\nsection S\n  Task without score\n",
                3,
                3,
                "mermaid-not-a-task",
            ),
            ("journey\nsection S\n  Task:\n", 3, 7, "mermaid-no-score"),
            (
                "journey\nsection S\n  : 5: Me\n",
                3,
                3,
                "mermaid-no-task-name",
            ),
            ("journey\nsection A: B\n", 2, 10, "mermaid-section-colon"),
            (
                "journey\nsection S\n  Buy; pay: 5\n",
                3,
                6,
                "mermaid-bad-char",
            ),
            (
                "journey\nsection S\n  Journey start: 5\n",
                3,
                3,
                "mermaid-journey-again",
            ),
            ("journey\nsection\n", 2, 1, "mermaid-not-a-task"),
            ("journey\n\n   title\n", 3, 4, "mermaid-not-a-task"),
            ("graph TD\n  A-->B\n", 1, 1, "mermaid-other-diagram"),
            ("   \n  hello: 5\n", 2, 3, "mermaid-not-journey"),
            ("# notes\njourney\n", 1, 1, "mermaid-not-journey"),
            ("journeys\n", 1, 1, "mermaid-not-journey"),
        ];
        for (text, line, col, key) in cases {
            assert_eq!(
                refused(text),
                (super::super::Position { line, col }, key),
                "{text}"
            );
        }
        assert_eq!(refused("").1, "mermaid-empty");
        assert_eq!(refused(" \n%% only a comment\n").1, "mermaid-empty");
    }

    #[test]
    fn lines_are_those_of_the_file_whatever_the_line_ends() {
        let text = "\u{feff}---\r\ntitle: CRLF\r\n---\r\njourney\r\n  section S\r\n    ok: 5\r\n    bad\r\n";
        assert_eq!(
            refused(text),
            (
                super::super::Position { line: 7, col: 5 },
                "mermaid-not-a-task"
            )
        );
        let parsed = ok(&text.replace("    bad\r\n", ""));
        assert_eq!(parsed.map.title, "CRLF");
        assert_eq!(titles(&parsed), ["ok"]);
        // Old Mac line ends too.
        assert_eq!(
            refused("journey\rsection S\r  bad\r").0,
            super::super::Position { line: 3, col: 3 }
        );
    }

    #[test]
    fn markdown_gives_its_first_journey_block() {
        let text = "# Notes\n\nSome text.\n\n```mermaid\ngraph TD\n  A-->B\n```\n\n~~~ Mermaid\n---\ntitle: In a block\n---\njourney\n  section S\n    a: 5: Me\n~~~\n\n```mermaid\njourney\n  section Other\n```\n";
        let parsed = ok(text);
        assert_eq!(parsed.map.title, "In a block");
        assert_eq!(stages(&parsed), ["S"]);
        let found = keys(&parsed.notes);
        assert!(found.contains(&"mermaid-more-journeys"), "{found:?}");
        assert!(found.contains(&"mermaid-other-diagrams"), "{found:?}");
        // Errors in a block point at the file's line.
        let broken = "Intro\n\n```mermaid\njourney\n  section S\n    bad line\n```\n";
        assert_eq!(
            refused(broken),
            (
                super::super::Position { line: 6, col: 5 },
                "mermaid-not-a-task"
            )
        );
    }

    #[test]
    fn markdown_prose_may_start_with_the_word_journey() {
        let text = "Journey mapping notes for the team.\n\n```mermaid\njourney\n  section S\n    a: 4\n```\n";
        assert_eq!(titles(&ok(text)), ["a"]);
        // Without a block, the error is the diagram's own.
        assert_eq!(refused("Journey mapping notes\n").1, "mermaid-not-a-task");
    }

    #[test]
    fn markdown_without_a_journey_is_refused() {
        assert_eq!(
            refused("# Doc\n\n```mermaid\nflowchart LR\n  a-->b\n```\n"),
            (
                super::super::Position { line: 3, col: 1 },
                "mermaid-md-no-journey"
            )
        );
        assert_eq!(
            refused("# Doc\n\n```rust\nfn main() {}\n```\n").1,
            "mermaid-md-no-block"
        );
        // A mermaid fence inside another fence is an example, not a diagram.
        let nested = "````markdown\n```mermaid\njourney\n```\n````\n";
        assert_eq!(refused(nested).1, "mermaid-md-no-block");
    }

    #[test]
    fn line_breaks_and_character_codes_in_names() {
        let parsed = ok(
            "journey\ntitle A<br>B #35;1\nsection Line1<br>Line2<br/>Line3<BR />Line4<br\t/>Line5</br>Line6\n  Tea #58; hot<br> and sweet: 4: Ana#44; la clienta, #quot;Bo#quot;\n",
        );
        assert_eq!(parsed.map.title, "A B #1");
        assert_eq!(
            parsed.map.stages[0].name,
            "Line1\nLine2\nLine3\nLine4\nLine5\nLine6"
        );
        assert_eq!(parsed.map.cards[0].title, "Tea : hot\nand sweet");
        let personas: Vec<_> = parsed
            .map
            .personas
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(personas, ["Ana, la clienta", "\"Bo\""]);
    }

    #[test]
    fn odd_corners_of_the_grammar() {
        // Statements need no line breaks between them, and a title may hold colons.
        let parsed = ok("journey title Time: 10:30\n");
        assert_eq!(parsed.map.title, "Time: 10:30");
        let parsed = ok("journey\naccDescr {\n  two\n  lines\n}title Right after\n");
        assert_eq!(parsed.map.title, "Right after");
        // An empty front matter needs a blank line inside.
        assert_eq!(ok("---\n\n---\njourney\n").map.stages.len(), 1);
        // `%%` after one character is a comment; a `#` code is not.
        let parsed = ok("journey\nsection S\n  x%% gone: 5\n  #35;tag: 4\n");
        assert_eq!(titles(&parsed), ["#tag"]);
        // Empty actors are nobody.
        let parsed = ok("journey\nsection S\n  a: 5:\n  b: 5: , ,Me,Me\n");
        assert_eq!(parsed.map.personas.len(), 1);
        assert_eq!(parsed.map.cards[0].notes, "Actors: —");
        assert!(parsed.map.cards[1].notes.is_empty());
        // Mermaid drops the last `;` of a line that looks like a style rule.
        let parsed = ok("journey\ntitle lifestyle:#35;x;\n");
        assert_eq!(parsed.map.title, "lifestyle:#x");
        // Non-Latin text and padding.
        let parsed =
            ok("journey\n  title   旅程   \n  section   Этап  \n    購入する  : 5 :  小林 \n");
        assert_eq!(parsed.map.title, "旅程");
        assert_eq!(stages(&parsed), ["Этап"]);
        assert_eq!(titles(&parsed), ["購入する"]);
        assert_eq!(parsed.map.personas[0].name, "小林");
    }

    #[test]
    fn too_many_actors_are_kept_in_notes() {
        let mut text = String::from("journey\nsection S\n");
        for i in 0..limits::PERSONAS + 5 {
            text.push_str(&format!("t{i}: 3: a{i}\n"));
        }
        let parsed = ok(&text);
        assert_eq!(parsed.map.personas.len(), limits::PERSONAS);
        assert!(parsed.map.cards.last().unwrap().notes.contains("a104"));
        assert!(keys(&parsed.notes).contains(&"mermaid-personas-cut"));
    }

    #[test]
    fn odd_input_never_panics() {
        let pieces = [
            "journey",
            "\n",
            "\r",
            "\r\n",
            " ",
            "\t",
            ":",
            ";",
            "#",
            "#35;",
            "#x;",
            "%%",
            "%%{",
            "}%%",
            "{",
            "}",
            "---",
            "title ",
            "section ",
            "accDescr {",
            "accTitle:",
            "<br",
            "<br>",
            "é",
            "旅",
            "\u{feff}",
            "\u{2028}",
            "5",
            "-",
            ",",
            "```mermaid\n",
            "```\n",
            "~~~",
            ":::",
            "a",
            "'",
            "\"",
            "\u{0}",
        ];
        // A small deterministic generator: every text is a mix of the pieces above.
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..3000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 24) as usize;
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let _ = read(&text);
            let _ = read(&format!("journey\n{text}"));
            let _ = read(&format!("```mermaid\njourney\n{text}"));
        }
    }

    /// A small deterministic generator of awkward texts.
    struct Texts(u64);

    impl Texts {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn text(&mut self) -> String {
            const PIECES: &[&str] = &[
                ":",
                "#",
                ";",
                ",",
                "%",
                "%%",
                "%%{",
                "}%%",
                "<br>",
                "</BR >",
                "<b>",
                "journey",
                "Journey ",
                "title ",
                "section ",
                "accTitle",
                "accDescr {",
                "style",
                "classDef",
                ":#",
                "\n",
                "\r",
                "\r\n",
                " ",
                "\t",
                "\u{feff}",
                "\u{a0}",
                "#35;",
                "#quot;",
                "é",
                "旅",
                "---",
                "`",
                "{",
                "}",
                "'",
                "\"",
                "x",
                "5",
                "—",
                "Actors:",
            ];
            let len = self.next() % 9;
            (0..len)
                .map(|_| PIECES[(self.next() % PIECES.len() as u64) as usize])
                .collect()
        }
    }

    /// A text's lines as the writer takes them: line ends unified, each line trimmed.
    fn lines_of(text: &str) -> Vec<String> {
        text.replace("\r\n", "\n")
            .replace('\r', "\n")
            .split('\n')
            .map(|line| trim_js(line).to_owned())
            .collect()
    }

    #[test]
    fn any_text_goes_to_mermaid_and_back_exactly() {
        let mut texts = Texts(0x2545_f491_4f6c_dd1d);
        let base = ok("journey\ntitle T\nsection S\n  a: 3: Me\n").map;
        for _ in 0..400 {
            let mut map = base.clone();
            map.title = texts.text();
            map.personas[0].name = texts.text();
            map.stages[0].name = texts.text();
            let card = map.cards[0].clone();
            map.cards = (0..4)
                .map(|i| {
                    let mut card = card.clone();
                    card.id = crate::model::CardId(i + 1);
                    card.title = texts.text();
                    card
                })
                .collect();
            let written = write(&map, map.journeys[0].id);
            let back =
                read(&written.text).unwrap_or_else(|e| panic!("{e}\n{}\n{map:?}", written.text));
            let as_name = |t: &str| trim_js(&lines_of(t).join("\n")).to_owned();
            let as_line = |t: &str| {
                let parts: Vec<String> =
                    lines_of(t).into_iter().filter(|l| !l.is_empty()).collect();
                parts.join(" ")
            };
            let title = match as_line(&map.title) {
                t if t.is_empty() => "Mermaid journey".to_owned(),
                t => t,
            };
            let context = || format!("{}\n{map:?}", written.text);
            assert_eq!(back.map.title, title, "{}", context());
            assert_eq!(
                back.map.stages[0].name,
                as_name(&map.stages[0].name),
                "{}",
                context()
            );
            let expected: Vec<String> = map.cards.iter().map(|c| as_name(&c.title)).collect();
            assert_eq!(titles(&back), expected, "{}", context());
            let persona = as_line(&map.personas[0].name);
            let read_personas: Vec<&str> =
                back.map.personas.iter().map(|p| p.name.as_str()).collect();
            if persona.is_empty() {
                assert!(read_personas.is_empty(), "{}", context());
            } else {
                assert_eq!(read_personas, [persona.as_str()], "{}", context());
            }
            let again = write(&back.map, back.map.journeys[0].id);
            assert_eq!(again.text, written.text, "{map:?}");
        }
    }

    fn sample_map() -> Map {
        let mut map = ok("journey\ntitle T\nsection S\n  a: 3: Me\n").map;
        map.cards[0].title = "Pay: card # 1; or cash\nthen leave".into();
        map.stages[0].name = "Check-out: #2; today".into();
        map.title = "Title: #1; done".into();
        map
    }

    #[test]
    fn reserved_characters_are_written_as_codes_and_read_back() {
        let map = sample_map();
        let written = write(&map, map.journeys[0].id);
        assert!(written.text.contains("title Title: #35;1#59; done\n"));
        assert!(
            written
                .text
                .contains("section Check-out#58; #35;2#59; today\n")
        );
        assert!(
            written
                .text
                .contains("Pay#58; card #35; 1#59; or cash<br>then leave: 3: Me\n")
        );
        assert!(keys(&written.notes).contains(&"mermaid-coded"));
        let again = ok(&written.text);
        assert_eq!(again.map.title, map.title);
        assert_eq!(again.map.stages[0].name, map.stages[0].name);
        assert_eq!(again.map.cards[0].title, map.cards[0].title);
        assert_eq!(
            write(&again.map, again.map.journeys[0].id).text,
            written.text
        );
    }

    #[test]
    fn names_that_look_like_keywords_or_markup_survive() {
        let mut map = ok("journey\nsection S\n  a: 3\n").map;
        let names = [
            "Journey start",
            "Title page",
            "section one",
            "accDescr {x}",
            "accTitle",
            "50%% off %%{init}%%",
            "x%%y",
            "Literal <br> tag",
            "",
            "   ",
            "%%",
            "旅程を始める",
            "acc",
        ];
        let template = map.cards[0].clone();
        map.cards.clear();
        for (i, name) in names.iter().enumerate() {
            let mut card = template.clone();
            card.id = crate::model::CardId(i as u32 + 1);
            card.title = (*name).into();
            map.cards.push(card);
        }
        map.stages[0].name = "%%{wrap}%% <br/> section".into();
        let text = write(&map, map.journeys[0].id).text;
        let again = ok(&text);
        let read_back: Vec<_> = titles(&again);
        let expected: Vec<_> = names.iter().map(|n| n.trim()).collect();
        assert_eq!(read_back, expected, "{text}");
        assert_eq!(again.map.stages[0].name, map.stages[0].name);
        assert_eq!(write(&again.map, again.map.journeys[0].id).text, text);
    }

    #[test]
    fn a_title_that_looks_like_a_style_rule_keeps_its_semicolon() {
        let mut map = ok("journey\n").map;
        map.title = "Lifestyle:#tag; more".into();
        let text = write(&map, map.journeys[0].id).text;
        assert_eq!(ok(&text).map.title, map.title, "{text}");
    }

    #[test]
    fn actors_come_from_the_persona_or_the_cards_actors_line() {
        let text = "journey\n    title Shop\n    section Go\n      Keys: 5: Dad\n      Car: 5: Dad, Mum, Child 1\n      Wait: 3\n";
        let parsed = ok(text);
        assert_eq!(parsed.map.cards[1].notes, "Actors: Dad, Mum, Child 1");
        assert_eq!(parsed.map.cards[2].notes, "Actors: —");
        assert_eq!(write(&parsed.map, parsed.map.journeys[0].id).text, text);
        // The Spanish label is read too, and other notes are reported as not written.
        let mut map = parsed.map.clone();
        map.cards[0].notes = "Actores: Mum\nBring the list".into();
        let written = write(&map, map.journeys[0].id);
        assert!(written.text.contains("Keys: 5: Mum\n"), "{}", written.text);
        assert!(keys(&written.notes).contains(&"mermaid-lost-notes"));
    }

    #[test]
    fn actors_with_commas_or_said_twice_keep_the_round_trip() {
        let text = "journey\n    title T\n    section S\n      a: 3: Ann\n      b: 4: Ann, Lucía#44; 29 #35;1\n";
        let parsed = ok(text);
        assert_eq!(parsed.map.cards[1].notes, "Actors: Ann, Lucía#44; 29 #35;1");
        assert_eq!(parsed.map.personas[1].name, "Lucía, 29 #1");
        assert_eq!(write(&parsed.map, parsed.map.journeys[0].id).text, text);
        let mut map = parsed.map;
        map.cards[1].notes = "Actors: Ann, Ann,, Bo".into();
        let written = write(&map, map.journeys[0].id).text;
        assert!(written.ends_with("      b: 4: Ann, Bo\n"), "{written}");
    }

    #[test]
    fn losses_are_noted_once_per_kind_with_a_count() {
        let mut map = ok("journey\ntitle T\nsection S\n  a: 5: Me\n  b: 4: Me\n").map;
        map.cards[0].feeling = None;
        map.cards[1].feeling = None;
        map.cards[0].channel = Some(Channel::Web);
        map.cards[1].moment = Some(Moment::pain());
        map.personas[0].description = "Busy".into();
        let written = write(&map, map.journeys[0].id);
        assert!(written.text.contains("a: 3: Me\n"));
        let found: Vec<_> = written
            .notes
            .iter()
            .map(|n| (n.key, n.args.first().map(|a| a.1.clone())))
            .collect();
        use crate::format::NoteArg::Number;
        assert_eq!(
            found,
            [
                ("mermaid-no-feeling", Some(Number(2.0))),
                ("mermaid-lost-channels", Some(Number(1.0))),
                ("mermaid-lost-moments", Some(Number(1.0))),
                ("mermaid-lost-persona-details", Some(Number(1.0))),
            ]
        );
        // A journey with no persona writes no actors, and the map's personas are lost.
        map.journeys[0].persona = None;
        let written = write(&map, map.journeys[0].id);
        assert!(written.text.contains("a: 3\n"));
        assert!(keys(&written.notes).contains(&"mermaid-lost-personas"));
        // A map without a title gets one, said.
        map.title = " ".into();
        let written = write(&map, map.journeys[0].id);
        assert!(written.text.contains("title Mermaid journey\n"));
        assert_eq!(written.notes[0].key, "mermaid-title-written");
    }

    #[test]
    fn a_journey_that_is_not_in_the_map_gives_sections_only() {
        let map = ok("journey\nsection S\n  a: 5\n").map;
        let written = write(&map, JourneyId(99));
        assert_eq!(
            written.text,
            "journey\n    title Mermaid journey\n    section S\n"
        );
    }

    #[test]
    fn every_word_used_here_is_in_both_languages() {
        let source = include_str!("mermaid.rs");
        let used: HashSet<&str> = source
            .split('"')
            .filter(|piece| {
                piece.len() > 8
                    && piece.starts_with("mermaid-")
                    && !piece.ends_with('-')
                    && piece[8..]
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'-')
            })
            .collect();
        assert!(used.len() > 40, "{used:?}");
        // A missing argument shows as `{$name}`: the integration tests look for that.
        assert!(Note::new("mermaid-score-outside").message().contains("{$"));
        for lang in Lang::ALL {
            let known = crate::i18n::keys(lang);
            for key in &used {
                assert!(
                    known.iter().any(|k| k == key),
                    "{key} is missing in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn reading_ten_thousand_tasks_is_linear() {
        let mut text = String::from("journey\ntitle Big\n");
        for s in 0..100 {
            text.push_str(&format!("section Stage {s}\n"));
            for t in 0..100 {
                text.push_str(&format!(
                    "  Task {s}-{t} #35;{t}: {}: P{}, Q\n",
                    t % 5 + 1,
                    t % 7
                ));
            }
        }
        let started = std::time::Instant::now();
        let parsed = ok(&text);
        let took = started.elapsed();
        assert_eq!(parsed.map.cards.len(), 10_000);
        // Generous for an unoptimised test build; the release check is in the suite.
        assert!(took.as_secs_f64() < 2.0, "{took:?}");
    }
}
