//! Spreadsheets: a map as a card table, one row per card, in the layout Trayecto defines for
//! itself (no journey-mapping tool publishes one). The columns are `journey`, `stage`, `lane`,
//! `lane_kind`, `title`, `notes`, `channel`, `feeling`, `moment` and `moment_why`; only stage,
//! lane and title are required, and a sheet may name them in English or Spanish.
//!
//! Reading takes the sheets facilitators really have: saved by LibreOffice or Excel in an
//! English or a Spanish locale (`,`, `;` or tab between cells, told apart by the header line),
//! with a byte-order mark, Windows line ends, quoted cells holding line breaks, empty rows and
//! columns at the end, and the odd column of their own. Stages, lanes and journeys come in the
//! order they first appear. A row with a stage or a lane and nothing to put on a card makes an
//! empty stage or lane; a card row with no stage or lane takes the one of the row above, as a
//! sheet with merged cells leaves it. Every value that could not be understood is named in the
//! import report with its line, and left out of the card rather than guessed; a "why" with no
//! gain or pain moment is kept in the card's notes. Stage, lane and journey names are told
//! apart with case and surrounding spaces aside.
//!
//! Journeys: the first one is the current journey (an empty journey cell means it); each other
//! name is another journey, and the first of those whose name says it is the future one
//! ("Target journey", "Trayecto objetivo", "To-be") is the target journey.
//!
//! Writing gives every card of every journey under the English header, comma-separated, with a
//! byte-order mark and Windows line ends so that Excel opens accents right on a double click;
//! LibreOffice and the reader here take it as well. What a card table cannot hold (personas,
//! KPIs, actions…) is listed in the notes.

use super::build::{Builder, JOURNEY};
use super::words::{Word, fold, guess_lane_kind};
use super::{Holds, MapFormat, Note, ParseError, Parsed, Position, Written};
use crate::i18n::{self, Lang, tr};
use crate::model::{
    self, Channel, Counted, Feeling, Invalid, JourneyId, JourneyKind, LaneKind, Map, Moment,
    MomentKind, limits,
};
use std::collections::{BTreeSet, HashMap};

/// The row of the format table.
pub const FORMAT: MapFormat = MapFormat {
    id: "csv",
    extensions: &["csv", "tsv"],
    name_key: "csv-file",
    export_key: "export-map-csv",
    holds: Holds::Cards,
    read,
    write,
};

/// A column of the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Journey,
    Stage,
    Lane,
    LaneKind,
    Title,
    Notes,
    Channel,
    Feeling,
    Moment,
    MomentWhy,
}

impl Column {
    /// In the order export writes them.
    const ALL: [Column; 10] = [
        Column::Journey,
        Column::Stage,
        Column::Lane,
        Column::LaneKind,
        Column::Title,
        Column::Notes,
        Column::Channel,
        Column::Feeling,
        Column::Moment,
        Column::MomentWhy,
    ];

    /// Without these a row cannot be placed on the map.
    const REQUIRED: [Column; 3] = [Column::Stage, Column::Lane, Column::Title];

    /// Its name in the header export writes.
    fn header(self) -> &'static str {
        match self {
            Column::Journey => "journey",
            Column::Stage => "stage",
            Column::Lane => "lane",
            Column::LaneKind => "lane_kind",
            Column::Title => "title",
            Column::Notes => "notes",
            Column::Channel => "channel",
            Column::Feeling => "feeling",
            Column::Moment => "moment",
            Column::MomentWhy => "moment_why",
        }
    }

    /// Its usual name in a Spanish sheet (for messages about a missing column).
    fn spanish(self) -> &'static str {
        match self {
            Column::Journey => "trayecto",
            Column::Stage => "etapa",
            Column::Lane => "carril",
            Column::LaneKind => "tipo de carril",
            Column::Title => "título",
            Column::Notes => "notas",
            Column::Channel => "canal",
            Column::Feeling => "emoción",
            Column::Moment => "momento",
            Column::MomentWhy => "por qué",
        }
    }

    /// Every header a sheet may give it; case, accents, spaces and `_` do not matter.
    fn names(self) -> &'static [&'static str] {
        match self {
            Column::Journey => &["journey", "trayecto", "recorrido", "viaje"],
            Column::Stage => &["stage", "etapa", "step", "paso"],
            Column::Lane => &["lane", "carril", "swimlane"],
            Column::LaneKind => &["lane_kind", "lane type", "tipo de carril", "tipo carril"],
            Column::Title => &["title", "título", "card", "tarjeta"],
            Column::Notes => &[
                "notes",
                "notas",
                "note",
                "nota",
                "description",
                "descripción",
            ],
            Column::Channel => &["channel", "canal"],
            Column::Feeling => &[
                "feeling",
                "emoción",
                "sentimiento",
                "emotion",
                "score",
                "puntuación",
            ],
            Column::Moment => &["moment", "momento", "moment that matters", "momento clave"],
            Column::MomentWhy => &["moment_why", "por qué", "why", "momento por qué", "motivo"],
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Notes about one column's values are kept to this many; the rest are counted in one note.
const NOTES_PER_COLUMN: usize = 10;

// ---------------------------------------------------------------------------------------------
// Reading

/// Reads a sheet: refused when it has no header naming stage, lane and title, else a map with
/// every row that could be placed, and a note for everything that could not come across.
pub fn read(text: &str) -> Result<Parsed, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sniff(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = Lines::new(text);
    let mut record = ::csv::StringRecord::new();

    // The header: the first row with anything in it.
    let header = loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|_| unreadable(lines.at_end()))?;
        if !more {
            return Err(ParseError::Empty);
        }
        if record.iter().any(|cell| !cell.trim().is_empty()) {
            let line = lines.of(&record);
            break Header::read(&record, line)?;
        }
    };

    let mut sheet = Sheet::new(header);
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|_| unreadable(lines.at_end()))?;
        if !more {
            break;
        }
        let line = lines.of(&record);
        sheet.row(&record, line)?;
    }
    sheet.finish()
}

/// The separator of a sheet, told by its header line (the first line with anything in it):
/// the one of `,` `;` and tab found most often there outside quotes. A tie goes to tab, then
/// `;`, which seldom turn up inside header names; a header with none of them is read with `,`.
fn sniff(text: &str) -> u8 {
    // Counts of ',', ';' and tab on the line being looked at.
    let mut counts = [0usize; 3];
    // Those of the first line of separators only, for a sheet with no header at all.
    let mut blank = [0usize; 3];
    let mut quoted = false;
    let mut content = false;
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                content = true;
            }
            _ if quoted => {}
            '\n' | '\r' => {
                if content {
                    break;
                }
                if blank == [0; 3] {
                    blank = counts;
                }
                counts = [0; 3];
            }
            ',' => counts[0] += 1,
            ';' => counts[1] += 1,
            '\t' => counts[2] += 1,
            c if !c.is_whitespace() => content = true,
            _ => {}
        }
    }
    if !content && blank != [0; 3] {
        counts = blank;
    }
    let [comma, semicolon, tab] = counts;
    if tab > 0 && tab >= semicolon && tab >= comma {
        b'\t'
    } else if semicolon > 0 && semicolon >= comma {
        b';'
    } else {
        b','
    }
}

/// The line each row starts on, as a spreadsheet's user counts them: line breaks inside quoted
/// cells count, blank lines before a row do not belong to it. Counted forward once, so a long
/// sheet costs no more than reading it.
struct Lines<'a> {
    bytes: &'a [u8],
    /// Bytes before this are counted…
    at: usize,
    /// …into this line number (1-based).
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line a row read just now starts on.
    fn of(&mut self, record: &::csv::StringRecord) -> usize {
        let start = record.position().map_or(0, |p| p.byte());
        let mut start = usize::try_from(start)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while start < self.bytes.len() && matches!(self.bytes[start], b'\n' | b'\r') {
            start += 1;
        }
        self.count_to(start);
        self.line
    }

    /// The last line of the text.
    fn at_end(&mut self) -> usize {
        self.count_to(self.bytes.len());
        self.line
    }

    fn count_to(&mut self, end: usize) {
        if end <= self.at {
            return;
        }
        let span = &self.bytes[self.at..end];
        // "\r\n" is one line break, and so are a lone "\n" and a lone "\r" (old Mac sheets).
        let breaks = span
            .iter()
            .enumerate()
            .filter(|(i, b)| match b {
                b'\n' => true,
                b'\r' => self.bytes.get(self.at + i + 1) != Some(&b'\n'),
                _ => false,
            })
            .count();
        self.line += breaks;
        self.at = end;
    }
}

/// The sheet could not be read as a table from `line` on.
fn unreadable(line: usize) -> ParseError {
    ParseError::Refused {
        at: Some(Position { line, col: 1 }),
        note: Note::new("csv-unreadable").at(line),
    }
}

/// Which cell of a row holds which column, from the header row.
struct Header {
    /// Per [`Column`], the cell holding it.
    at: [Option<usize>; 10],
    /// Per [`Column`], its name as the sheet writes it.
    names: [String; 10],
    /// What each cell of the header row holds: for a row's cell, whether and where it is read.
    slots: Vec<Slot>,
    /// Named columns Trayecto does not read (or a second column of the same name), with the
    /// number of values found under each.
    unknown: Vec<(String, usize)>,
    /// Values in columns with no name: how many, and the first few such columns (0-based).
    unnamed: (usize, BTreeSet<usize>),
    /// The header's line.
    line: usize,
}

impl Header {
    fn read(record: &::csv::StringRecord, line: usize) -> Result<Header, ParseError> {
        let known: Vec<(Column, Vec<String>)> = Column::ALL
            .iter()
            .map(|c| (*c, c.names().iter().map(|n| fold(n)).collect()))
            .collect();
        let mut header = Header {
            at: [None; 10],
            names: Default::default(),
            slots: vec![Slot::Unnamed; record.len()],
            unknown: Vec::new(),
            unnamed: (0, BTreeSet::new()),
            line,
        };
        for (i, cell) in record.iter().enumerate() {
            let name = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            if name.is_empty() {
                continue;
            }
            let folded = fold(name);
            let column = known
                .iter()
                .find(|(_, names)| names.contains(&folded))
                .map(|(c, _)| *c);
            match column {
                Some(c) if header.at[c.index()].is_none() => {
                    header.at[c.index()] = Some(i);
                    header.names[c.index()] = name.to_owned();
                    header.slots[i] = Slot::Read;
                }
                _ => {
                    header.slots[i] = Slot::Unknown(header.unknown.len());
                    header.unknown.push((name.to_owned(), 0));
                }
            }
        }
        let missing: Vec<Column> = Column::REQUIRED
            .into_iter()
            .filter(|c| header.at[c.index()].is_none())
            .collect();
        if missing.is_empty() {
            return Ok(header);
        }
        let columns = missing
            .iter()
            .map(|c| format!("{} / {}", c.header(), c.spanish()))
            .collect::<Vec<_>>()
            .join(", ");
        Err(ParseError::Refused {
            at: Some(Position { line, col: 1 }),
            note: Note::new("csv-missing-columns")
                .text("columns", columns)
                .number("count", missing.len() as f64)
                .at(line),
        })
    }

    /// A row's cell of `column`, empty when the row is short or the sheet has no such column.
    fn cell<'r>(&self, record: &'r ::csv::StringRecord, column: Column) -> &'r str {
        self.at[column.index()]
            .and_then(|i| record.get(i))
            .unwrap_or("")
    }

    /// Counts the values of a row that no column of the layout takes; the cost of a row is
    /// that of its own cells, however wide the header.
    fn count_unread(&mut self, record: &::csv::StringRecord) {
        for (i, cell) in record.iter().enumerate() {
            if cell.trim().is_empty() {
                continue;
            }
            match self.slots.get(i) {
                Some(Slot::Read) => {}
                Some(Slot::Unknown(k)) => self.unknown[*k].1 += 1,
                Some(Slot::Unnamed) | None => {
                    self.unnamed.0 += 1;
                    let columns = &mut self.unnamed.1;
                    if columns.len() < LISTED {
                        columns.insert(i);
                    }
                }
            }
        }
    }
}

/// What a column of the sheet is to the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// One of the layout's columns.
    Read,
    /// A named column Trayecto does not read: its place in [`Header::unknown`].
    Unknown(usize),
    /// A column with no name in the header.
    Unnamed,
}

/// Column names listed in a note, at most; more are shown as "…".
const LISTED: usize = 20;

/// Names for a note, the first [`LISTED`] of them and "…" for the rest.
fn listed(names: impl ExactSizeIterator<Item = String>) -> String {
    let more = names.len() > LISTED;
    let mut list: Vec<String> = names.take(LISTED).collect();
    if more {
        list.push("…".to_owned());
    }
    list.join(", ")
}

/// A journey as the sheet tells it.
struct JourneyDraft {
    /// `None` for the first journey until a row names it.
    name: Option<String>,
}

struct LaneDraft {
    name: String,
    kind: LaneKind,
    /// The kind the sheet gave it, when it gave one (else `kind` is guessed from the name).
    given: Option<LaneKind>,
}

struct CardDraft {
    journey: usize,
    stage: usize,
    lane: usize,
    title: String,
    notes: String,
    channel: Option<Channel>,
    feeling: Option<Feeling>,
    moment: Option<Moment>,
}

/// The sheet read so far: journeys, stages, lanes and cards in order of first appearance,
/// each found again by name through an index, so a long sheet reads in one pass.
struct Sheet {
    header: Header,
    journeys: Vec<JourneyDraft>,
    journey_at: HashMap<String, usize>,
    /// Whether a row has gone to the first journey yet (until then a name names it).
    first_journey_used: bool,
    stages: Vec<String>,
    stage_at: HashMap<String, usize>,
    lanes: Vec<LaneDraft>,
    lane_at: HashMap<String, usize>,
    cards: Vec<CardDraft>,
    /// The stage and the lane of the rows above, for card rows that leave them empty.
    above: (Option<usize>, Option<usize>),
    /// Card rows that took their stage or lane from above: how many, and the first one's line.
    filled: (usize, usize),
    /// Rows with anything on them under the header.
    rows: usize,
    notes: Vec<Note>,
    /// Per [`Column`], notes about its values so far.
    noted: [usize; 10],
    /// Per [`Column`], the line of the first value only counted.
    more_from: [usize; 10],
    words: Words,
}

impl Sheet {
    fn new(header: Header) -> Self {
        Sheet {
            header,
            journeys: vec![JourneyDraft { name: None }],
            journey_at: HashMap::new(),
            first_journey_used: false,
            stages: Vec::new(),
            stage_at: HashMap::new(),
            lanes: Vec::new(),
            lane_at: HashMap::new(),
            cards: Vec::new(),
            above: (None, None),
            filled: (0, 0),
            rows: 0,
            notes: Vec::new(),
            noted: [0; 10],
            more_from: [0; 10],
            words: Words::new(),
        }
    }

    /// A note about a value in `column`; past a few per column they are only counted.
    fn value_note(&mut self, column: Column, note: Note) {
        let count = &mut self.noted[column.index()];
        *count += 1;
        if *count <= NOTES_PER_COLUMN {
            self.notes.push(note);
        } else if *count == NOTES_PER_COLUMN + 1 {
            self.more_from[column.index()] = note.line.unwrap_or(self.header.line);
        }
    }

    fn row(&mut self, record: &::csv::StringRecord, line: usize) -> Result<(), ParseError> {
        self.header.count_unread(record);
        let cells = Column::ALL.map(|c| self.header.cell(record, c));
        let cell = |column: Column| cells[column.index()];
        let journey = cell(Column::Journey).trim();
        let stage = cell(Column::Stage).trim();
        let lane = cell(Column::Lane).trim();
        let kind = cell(Column::LaneKind).trim();
        let card = [
            Column::Title,
            Column::Notes,
            Column::Channel,
            Column::Feeling,
            Column::Moment,
            Column::MomentWhy,
        ]
        .into_iter()
        .any(|c| !cell(c).trim().is_empty());
        if !card && journey.is_empty() && stage.is_empty() && lane.is_empty() {
            return Ok(());
        }
        self.rows += 1;
        let journey = self.journey(journey, line)?;
        if !card {
            // An empty stage, lane or journey: it exists, with nothing in it yet.
            if !stage.is_empty() {
                self.above.0 = Some(self.stage(stage, line)?);
            }
            if !lane.is_empty() {
                self.above.1 = Some(self.lane(lane, kind, line)?);
            }
            return Ok(());
        }

        let from_above = (stage.is_empty() && self.above.0.is_some())
            || (lane.is_empty() && self.above.1.is_some());
        if from_above {
            if self.filled.0 == 0 {
                self.filled.1 = line;
            }
            self.filled.0 += 1;
        }
        let stage = match (stage.is_empty(), self.above.0) {
            (false, _) => self.stage(stage, line)?,
            (true, Some(above)) => above,
            (true, None) => {
                let name = tr("import-stage-name");
                self.notes.push(
                    Note::new("csv-card-without-stage")
                        .text("stage", name)
                        .at(line),
                );
                self.stage(name, line)?
            }
        };
        let lane = match (lane.is_empty(), self.above.1) {
            (false, _) => self.lane(lane, kind, line)?,
            (true, Some(above)) => above,
            (true, None) => {
                let name = tr("lane-kind-actions");
                self.notes.push(
                    Note::new("csv-card-without-lane")
                        .text("lane", name)
                        .at(line),
                );
                self.lane(name, kind, line)?
            }
        };
        self.above = (Some(stage), Some(lane));

        let text = |column| multiline(cell(column));
        let mut notes = text(Column::Notes);
        let channel = self.channel(cell(Column::Channel).trim(), line);
        let feeling = self.feeling(cell(Column::Feeling).trim(), line);
        let kind = self.moment(cell(Column::Moment).trim(), line);
        let why = text(Column::MomentWhy);
        let moment = match kind {
            Some(kind) => Some(Moment { kind, why }),
            None => {
                if !why.trim().is_empty() {
                    // Kept as the card's notes rather than lost: the text is the facilitator's.
                    if !notes.trim().is_empty() {
                        notes.push_str("\n\n");
                    }
                    notes.push_str(&why);
                    let note = Note::new("csv-why-without-moment").at(line);
                    self.value_note(Column::MomentWhy, note);
                }
                None
            }
        };
        if self.cards.len() >= limits::CARDS {
            return Err(too_many(Counted::Cards, self.cards.len() + 1, line));
        }
        self.cards.push(CardDraft {
            journey,
            stage,
            lane,
            title: text(Column::Title),
            notes,
            channel,
            feeling,
            moment,
        });
        Ok(())
    }

    /// The journey a row's journey cell names; an empty cell is the first journey, and so is
    /// the first name given on the sheet's first row.
    fn journey(&mut self, name: &str, line: usize) -> Result<usize, ParseError> {
        if name.is_empty() {
            self.first_journey_used = true;
            return Ok(0);
        }
        let key = name.to_lowercase();
        if let Some(&at) = self.journey_at.get(&key) {
            return Ok(at);
        }
        if !self.first_journey_used {
            self.first_journey_used = true;
            self.journeys[0].name = Some(name.to_owned());
            self.journey_at.insert(key, 0);
            return Ok(0);
        }
        if self.journeys.len() >= limits::JOURNEYS {
            return Err(too_many(Counted::Journeys, self.journeys.len() + 1, line));
        }
        self.journeys.push(JourneyDraft {
            name: Some(name.to_owned()),
        });
        self.journey_at.insert(key, self.journeys.len() - 1);
        Ok(self.journeys.len() - 1)
    }

    fn stage(&mut self, name: &str, line: usize) -> Result<usize, ParseError> {
        let key = name.to_lowercase();
        if let Some(&at) = self.stage_at.get(&key) {
            return Ok(at);
        }
        if self.stages.len() >= limits::STAGES {
            return Err(too_many(Counted::Stages, self.stages.len() + 1, line));
        }
        self.stages.push(name.to_owned());
        self.stage_at.insert(key, self.stages.len() - 1);
        Ok(self.stages.len() - 1)
    }

    /// The lane a row names, with the kind the row gives it: the first kind given for a lane
    /// wins, and a lane given none takes the kind its name suggests.
    fn lane(&mut self, name: &str, kind: &str, line: usize) -> Result<usize, ParseError> {
        let given = if kind.is_empty() {
            None
        } else {
            let found = self.words.lane_kinds.get(&fold(kind)).copied();
            if found.is_none() {
                self.value_note(
                    Column::LaneKind,
                    Note::new("csv-bad-lane-kind")
                        .text("value", kind)
                        .text("lane", name)
                        .text("known", known_words::<LaneKind>())
                        .at(line),
                );
            }
            found
        };
        let key = name.to_lowercase();
        if let Some(&at) = self.lane_at.get(&key) {
            let lane = &mut self.lanes[at];
            match (lane.given, given) {
                (None, Some(given)) => {
                    lane.kind = given;
                    lane.given = Some(given);
                }
                (Some(first), Some(other)) if first != other => {
                    let note = Note::new("csv-lane-kind-clash")
                        .text("lane", lane.name.clone())
                        .text("first", tr(first.key()))
                        .text("other", tr(other.key()))
                        .at(line);
                    self.value_note(Column::LaneKind, note);
                }
                _ => {}
            }
            return Ok(at);
        }
        if self.lanes.len() >= limits::LANES {
            return Err(too_many(Counted::Lanes, self.lanes.len() + 1, line));
        }
        self.lanes.push(LaneDraft {
            name: name.to_owned(),
            kind: given.unwrap_or_else(|| guess_lane_kind(name)),
            given,
        });
        self.lane_at.insert(key, self.lanes.len() - 1);
        Ok(self.lanes.len() - 1)
    }

    fn channel(&mut self, value: &str, line: usize) -> Option<Channel> {
        if value.is_empty() {
            return None;
        }
        let channel = self.words.channels.get(&fold(value)).copied();
        self.known(channel, value, line, "csv-bad-channel", Column::Channel)
    }

    fn feeling(&mut self, value: &str, line: usize) -> Option<Feeling> {
        if value.is_empty() {
            return None;
        }
        let feeling = self
            .words
            .feelings
            .get(&fold(value))
            .copied()
            .or_else(|| feeling_of_score(value));
        self.known(feeling, value, line, "csv-bad-feeling", Column::Feeling)
    }

    fn moment(&mut self, value: &str, line: usize) -> Option<MomentKind> {
        if value.is_empty() {
            return None;
        }
        let kind = self.words.moments.get(&fold(value)).copied();
        self.known(kind, value, line, "csv-bad-moment", Column::Moment)
    }

    /// A value as its words named it; words that name none are noted, with the words the
    /// column takes, and the value is left empty.
    fn known<W: Word>(
        &mut self,
        found: Option<W>,
        value: &str,
        line: usize,
        key: &'static str,
        column: Column,
    ) -> Option<W> {
        if found.is_none() {
            let note = Note::new(key)
                .text("value", value)
                .text("known", known_words::<W>())
                .at(line);
            self.value_note(column, note);
        }
        found
    }

    /// The map, and the notes of what the sheet held that a map could not take.
    fn finish(mut self) -> Result<Parsed, ParseError> {
        let mut notes = std::mem::take(&mut self.notes);
        for column in Column::ALL {
            let count = self.noted[column.index()];
            if count > NOTES_PER_COLUMN {
                let key = match column {
                    Column::MomentWhy => "csv-more-whys",
                    _ => "csv-more-values",
                };
                notes.push(
                    Note::new(key)
                        .number("count", (count - NOTES_PER_COLUMN) as f64)
                        .text("column", self.header.names[column.index()].clone())
                        .at(self.more_from[column.index()]),
                );
            }
        }
        if self.filled.0 > 0 {
            notes.push(
                Note::new("csv-filled-from-above")
                    .number("count", self.filled.0 as f64)
                    .at(self.filled.1),
            );
        }
        if !self.header.unknown.is_empty() {
            let values: usize = self.header.unknown.iter().map(|(_, n)| n).sum();
            let columns = listed(self.header.unknown.iter().map(|(name, _)| name.clone()));
            notes.push(
                Note::new("csv-unknown-columns")
                    .text("columns", columns)
                    .number("count", values as f64)
                    .at(self.header.line),
            );
        }
        let (values, columns) = &self.header.unnamed;
        if *values > 0 {
            // Only the first few columns were kept: "…" when there may be more.
            let mut list: Vec<String> = columns.iter().map(|i| column_letters(*i)).collect();
            if columns.len() == LISTED {
                list.push("…".to_owned());
            }
            notes.push(
                Note::new("csv-unnamed-columns")
                    .text("columns", list.join(", "))
                    .number("count", *values as f64)
                    .at(self.header.line),
            );
        }
        if self.rows == 0 {
            notes.push(Note::new("csv-no-rows").at(self.header.line));
        }

        let mut builder = Builder::new(String::new());
        let kinds = journey_kinds(self.journeys.iter().map(|j| j.name.as_deref()));
        let mut journeys = Vec::with_capacity(self.journeys.len());
        for (i, (journey, kind)) in self.journeys.into_iter().zip(kinds).enumerate() {
            if i == 0 {
                if let Some(name) = journey.name {
                    builder.name_journey(JOURNEY, name);
                }
                journeys.push(JOURNEY);
            } else {
                journeys.push(builder.add_journey(journey.name.unwrap_or_default(), kind));
            }
        }
        let stages: Vec<_> = self
            .stages
            .into_iter()
            .map(|name| builder.add_stage(name))
            .collect();
        let lanes: Vec<_> = self
            .lanes
            .into_iter()
            .map(|lane| builder.add_lane(lane.name, lane.kind))
            .collect();
        for draft in self.cards {
            let card = builder.add_card_in(
                journeys[draft.journey],
                stages[draft.stage],
                lanes[draft.lane],
                draft.title,
            );
            card.notes = draft.notes;
            card.channel = draft.channel;
            card.feeling = draft.feeling;
            card.moment = draft.moment;
        }
        builder.notes = notes;
        builder.finish()
    }
}

/// The values a sheet's cells name, each spelling folded as [`Word::from_word`] folds it:
/// built once per sheet, so a row's values cost a lookup each rather than a walk through
/// every spelling of every value in both languages.
struct Words {
    lane_kinds: HashMap<String, LaneKind>,
    channels: HashMap<String, Channel>,
    feelings: HashMap<String, Feeling>,
    moments: HashMap<String, MomentKind>,
}

impl Words {
    fn new() -> Self {
        Words {
            lane_kinds: spellings(),
            channels: spellings(),
            feelings: spellings(),
            moments: spellings(),
        }
    }
}

/// Every spelling of every value of `W`, folded; where two values share one, the first
/// value takes it, as in [`Word::from_word`].
fn spellings<W: Word>() -> HashMap<String, W> {
    let mut table = HashMap::new();
    for &value in W::ALL {
        let names = Lang::ALL.iter().map(|lang| i18n::tr_in(*lang, value.key()));
        let words = std::iter::once(value.id())
            .chain(names)
            .chain(value.aliases().iter().copied());
        for word in words {
            let folded = fold(word);
            if !folded.is_empty() {
                table.entry(folded).or_insert(value);
            }
        }
    }
    table
}

/// A map over a limit, refused at the row that passed it.
fn too_many(what: Counted, count: usize, line: usize) -> ParseError {
    let limit = match what {
        Counted::Stages => limits::STAGES,
        Counted::Lanes => limits::LANES,
        Counted::Journeys => limits::JOURNEYS,
        _ => limits::CARDS,
    };
    ParseError::Invalid {
        error: Invalid::TooMany { what, count, limit },
        at: Some(Position { line, col: 1 }),
    }
}

/// A cell's text with Windows line breaks inside it made plain ones, as the map keeps them.
fn multiline(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    }
}

/// A score from 1 (worst) to 5 (best), as Mermaid journeys give them: "4", "4.0" or "4,0".
fn feeling_of_score(value: &str) -> Option<Feeling> {
    let score: f64 = value.replace(',', ".").parse().ok()?;
    if score.fract() != 0.0 || !(1.0..=5.0).contains(&score) {
        return None;
    }
    Feeling::ALL.get(score as usize - 1).copied()
}

/// The values a column takes, in the current language, for notes: "Angry, Sad, …".
fn known_words<W: Word>() -> String {
    W::ALL
        .iter()
        .map(|w| tr(w.key()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A column's letters as spreadsheets show them: 0 → A, 25 → Z, 26 → AA.
fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Whether a journey's name says it is the journey as it should become: "Target journey",
/// "Trayecto objetivo", "Future state", "To-be". Whole words only ("October" is no "to be").
fn says_target(name: &str) -> bool {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect();
    const TARGET: [&str; 9] = [
        "target",
        "objetivo",
        "objective",
        "future",
        "futuro",
        "futura",
        "ideal",
        "deseado",
        "deseada",
    ];
    words.iter().any(|w| TARGET.contains(&w.as_str()))
        || words
            .windows(2)
            .any(|pair| pair[0] == "to" && pair[1] == "be")
}

/// The kinds of a sheet's journeys, in order: the first is the current journey; of the others,
/// the first whose name says it is the target journey, and the rest are other journeys.
fn journey_kinds<'a>(names: impl Iterator<Item = Option<&'a str>>) -> Vec<JourneyKind> {
    let mut target = false;
    names
        .enumerate()
        .map(|(i, name)| {
            if i == 0 {
                JourneyKind::Current
            } else if !target && name.is_some_and(says_target) {
                target = true;
                JourneyKind::Target
            } else {
                JourneyKind::Other
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Writes every card of every journey, in journey, stage, lane and card order. Stages and
/// lanes come in the map's order when read back: a stage or lane that would otherwise show up
/// late (or never, being empty) gets a row of its own with no card, in the first journey.
pub fn write(map: &Map, _journey: JourneyId) -> Written {
    let labels = Labels::of(map);
    let mut notes = lost(map, &labels);
    let mut out = String::from("\u{feff}");
    push_row(&mut out, Column::ALL.map(Column::header));

    let stage_at: HashMap<_, _> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let lane_at: HashMap<_, _> = map
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id, i))
        .collect();
    let journey_at: HashMap<_, _> = map
        .journeys
        .iter()
        .enumerate()
        .map(|(i, j)| (j.id, i))
        .collect();
    // Every card with its place; a stable sort keeps each cell's cards in the map's order.
    let mut cards: Vec<_> = map
        .cards
        .iter()
        .filter_map(|card| {
            let place = (
                *journey_at.get(&card.journey)?,
                *stage_at.get(&card.stage)?,
                *lane_at.get(&card.lane)?,
            );
            Some((place, card))
        })
        .collect();
    cards.sort_by_key(|(place, _)| *place);

    let mut rows = Rows {
        out: &mut out,
        map,
        labels: &labels,
        stages_seen: 0,
        lanes_seen: 0,
    };
    let mut empty_cards = 0;
    let mut next = 0;
    for j in 0..map.journeys.len() {
        let start = next;
        while next < cards.len() && cards[next].0.0 == j {
            let ((_, s, l), card) = cards[next];
            next += 1;
            rows.reach_stage(j, s);
            rows.reach_lane(j, s, l);
            if !has_content(card) {
                empty_cards += 1;
            }
            rows.card(j, s, l, card);
        }
        if j == 0 && !map.stages.is_empty() && !map.lanes.is_empty() {
            // Whatever is still unseen, in order, so it reads back in its place.
            while rows.stages_seen < map.stages.len() {
                rows.place(0, rows.stages_seen, 0);
            }
            while rows.lanes_seen < map.lanes.len() {
                rows.place(0, map.stages.len() - 1, rows.lanes_seen);
            }
        }
        if next == start && j > 0 && !map.stages.is_empty() && !map.lanes.is_empty() {
            rows.place(j, 0, 0);
        }
    }
    if empty_cards > 0 {
        notes.push(Note::new("csv-lost-empty-cards").number("count", empty_cards as f64));
    }
    Written { text: out, notes }
}

/// Whether a card has anything a row can show: a card row with nothing but its place reads
/// back as an empty stage or lane.
fn has_content(card: &model::Card) -> bool {
    !card.title.trim().is_empty()
        || !card.notes.trim().is_empty()
        || card.channel.is_some()
        || card.feeling.is_some()
        || card.moment.is_some()
}

/// The names rows give journeys, stages and lanes: their own, unless empty or the same as an
/// earlier one's (the sheet tells them apart by name only), then numbered.
struct Labels {
    journeys: Vec<String>,
    stages: Vec<String>,
    lanes: Vec<String>,
    changed: usize,
}

impl Labels {
    fn of(map: &Map) -> Labels {
        let mut changed = 0;
        let journeys = unique(
            map.journeys.iter().map(|j| j.name.as_str()),
            |i| format!("{} {}", tr("journey"), i + 1),
            &mut changed,
        );
        let stages = unique(
            map.stages.iter().map(|s| s.name.as_str()),
            |i| format!("{} {}", tr("import-stage-name"), i + 1),
            &mut changed,
        );
        let lanes = unique(
            map.lanes.iter().map(|l| l.name.as_str()),
            |i| tr(map.lanes[i].kind.key()).to_owned(),
            &mut changed,
        );
        Labels {
            journeys,
            stages,
            lanes,
            changed,
        }
    }
}

/// Names made unique the way the reader tells them apart (trimmed, case aside): an empty one
/// takes `fallback(i)`, a repeated one a number, "Order (2)"; `changed` counts them.
fn unique<'a>(
    names: impl Iterator<Item = &'a str>,
    fallback: impl Fn(usize) -> String,
    changed: &mut usize,
) -> Vec<String> {
    let mut used = std::collections::HashSet::new();
    names
        .enumerate()
        .map(|(i, name)| {
            let trimmed = name.trim();
            let mut label = if trimmed.is_empty() {
                fallback(i)
            } else {
                trimmed.to_owned()
            };
            let mut n = 2;
            let base = label.clone();
            while !used.insert(label.to_lowercase()) {
                label = format!("{base} ({n})");
                n += 1;
            }
            if label != name {
                *changed += 1;
            }
            label
        })
        .collect()
}

/// The rows being written, and how many of the map's stages and lanes they have shown so far
/// (the reader orders stages and lanes by first appearance).
struct Rows<'a> {
    out: &'a mut String,
    map: &'a Map,
    labels: &'a Labels,
    stages_seen: usize,
    lanes_seen: usize,
}

impl Rows<'_> {
    /// Shows every stage before `stage` that no row has shown yet, each in a row of its own.
    fn reach_stage(&mut self, journey: usize, stage: usize) {
        while self.stages_seen < stage {
            self.place(journey, self.stages_seen, 0);
        }
        self.stages_seen = self.stages_seen.max(stage + 1);
    }

    /// Shows every lane before `lane` that no row has shown yet, in `stage` (already shown).
    fn reach_lane(&mut self, journey: usize, stage: usize, lane: usize) {
        while self.lanes_seen < lane {
            self.place(journey, stage, self.lanes_seen);
        }
        self.lanes_seen = self.lanes_seen.max(lane + 1);
    }

    /// A row with a place and no card: it makes the stage and the lane exist when read.
    fn place(&mut self, journey: usize, stage: usize, lane: usize) {
        let kind = self.map.lanes.get(lane).map_or("", |l| l.kind.id());
        push_row(
            self.out,
            [
                &self.labels.journeys[journey],
                &self.labels.stages[stage],
                &self.labels.lanes[lane],
                kind,
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        );
        self.stages_seen = self.stages_seen.max(stage + 1);
        self.lanes_seen = self.lanes_seen.max(lane + 1);
    }

    fn card(&mut self, journey: usize, stage: usize, lane: usize, card: &model::Card) {
        let kind = self.map.lanes.get(lane).map_or("", |l| l.kind.id());
        let (moment, why) = match &card.moment {
            Some(m) => (m.kind.id(), m.why.as_str()),
            None => ("", ""),
        };
        push_row(
            self.out,
            [
                &self.labels.journeys[journey],
                &self.labels.stages[stage],
                &self.labels.lanes[lane],
                kind,
                &card.title,
                &card.notes,
                card.channel.map_or("", Word::id),
                card.feeling.map_or("", Word::id),
                moment,
                why,
            ],
        );
    }
}

/// One row: cells quoted when they hold a comma, a quote or a line break, ended by CRLF.
fn push_row(out: &mut String, cells: [&str; 10]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}

/// What of the map a card table cannot hold, one note per kind, only for what the map has.
fn lost(map: &Map, labels: &Labels) -> Vec<Note> {
    let mut notes = Vec::new();
    let mut count = |key: &'static str, n: usize| {
        if n > 0 {
            notes.push(Note::new(key).number("count", n as f64));
        }
    };
    count("csv-lost-personas", map.personas.len());
    count("csv-lost-kpis", map.kpis.len());
    count("csv-lost-actions", map.actions.len());
    count("csv-lost-phases", map.phases.len());
    count("csv-lost-forks", map.forks.len());
    count(
        "csv-lost-curve",
        map.journeys.iter().map(|j| j.curve.len()).sum(),
    );
    let read_as = journey_kinds(labels.journeys.iter().map(|n| Some(n.as_str())));
    count(
        "csv-lost-journey-kinds",
        map.journeys
            .iter()
            .zip(read_as)
            .filter(|(j, kind)| j.kind != *kind)
            .count(),
    );
    let (departments, streams) = customised(map);
    if departments {
        count("csv-lost-departments", map.departments.len());
    }
    if streams {
        count("csv-lost-streams", map.streams.len());
    }
    count("csv-renamed", labels.changed);
    if !map.title.trim().is_empty() {
        notes.push(Note::new("csv-lost-title").text("title", map.title.trim()));
    }
    notes
}

/// Whether the map's departments, and its streams, are its own rather than those every map
/// starts with (in either language): a read sheet starts with the usual ones again.
fn customised(map: &Map) -> (bool, bool) {
    let names = |list: &mut dyn Iterator<Item = &str>| list.map(str::to_owned).collect::<Vec<_>>();
    let departments = names(&mut map.departments.iter().map(|d| d.name.as_str()));
    let streams = names(&mut map.streams.iter().map(|s| s.name.as_str()));
    let before = i18n::current();
    let mut departments_usual = false;
    let mut streams_usual = false;
    for lang in Lang::ALL {
        // The usual lists are made in the thread's language: ask for each, then put it back.
        i18n::set(lang);
        let usual_d = model::default_departments();
        let usual_s = model::default_streams();
        departments_usual |= usual_d.iter().map(|d| &d.name).eq(departments.iter());
        streams_usual |= usual_s.iter().map(|s| &s.name).eq(streams.iter());
    }
    i18n::set(before);
    (
        !departments_usual && !departments.is_empty(),
        !streams_usual && !streams.is_empty(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_ok(text: &str) -> Parsed {
        read(text).unwrap_or_else(|e| panic!("not read: {e}"))
    }

    fn keys(notes: &[Note]) -> Vec<&'static str> {
        notes.iter().map(|n| n.key).collect()
    }

    #[test]
    fn the_separator_is_told_by_the_header_line() {
        assert_eq!(sniff("stage,lane,title\na;b;c;d;e\n"), b',');
        assert_eq!(sniff("etapa;carril;título\n"), b';');
        assert_eq!(sniff("stage\tlane\ttitle, with comma\n"), b'\t');
        // Separators inside quotes are text; blank and separator-only lines come before.
        assert_eq!(sniff("\n;;;\n\"a,b,c\";lane;title\n"), b';');
        assert_eq!(sniff("stage\n"), b',');
    }

    #[test]
    fn lines_count_quoted_breaks_and_skip_blank_lines() {
        let text = "stage,lane,title\r\n\r\nA,L,\"two\r\nlines\"\r\nB,L,x\r\n";
        let parsed = read_ok(&format!("{text}C,L,y,\"\",extra\n"));
        assert_eq!(parsed.map.cards.len(), 3);
        let note = parsed
            .notes
            .iter()
            .find(|n| n.key == "csv-unnamed-columns")
            .expect("the unnamed column is noted");
        assert_eq!(note.line, Some(1), "it is the header's");
        assert!(
            note.args
                .contains(&("columns", super::super::NoteArg::Text("E".into())))
        );
        assert!(
            note.args
                .contains(&("count", super::super::NoteArg::Number(1.0)))
        );
        let bad = read_ok("stage,lane,title,feeling\n\nA,L,\"x\ny\",5\nB,L,z,grumpy\n");
        let note = bad
            .notes
            .iter()
            .find(|n| n.key == "csv-bad-feeling")
            .unwrap();
        assert_eq!(note.line, Some(5));
    }

    #[test]
    fn columns_are_found_in_either_language_and_any_case() {
        let parsed = read_ok(
            "\u{feff}Recorrido;ETAPA;Carril;Tipo de carril;Título;Notas;Canal;Emoción;Momento;Por qué\n\
             Actual;Pedir;Acciones;acciones;Llamo;;Teléfono;contento;ganancia;Me conocen\n",
        );
        let card = &parsed.map.cards[0];
        assert_eq!(card.title, "Llamo");
        assert_eq!(card.channel, Some(Channel::Phone));
        assert_eq!(card.feeling, Some(Feeling::Happy));
        assert_eq!(card.moment_kind(), Some(MomentKind::Gain));
        assert_eq!(card.moment.as_ref().unwrap().why, "Me conocen");
        assert_eq!(parsed.map.journeys[0].name, "Actual");
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
    }

    #[test]
    fn a_sheet_without_the_columns_a_map_needs_is_refused_naming_them() {
        let error = read("stage,title\nA,x\n").unwrap_err();
        let ParseError::Refused { at, note } = &error else {
            panic!("{error:?}")
        };
        assert_eq!(note.key, "csv-missing-columns");
        assert_eq!(at.map(|p| p.line), Some(1));
        assert!(
            note.args
                .iter()
                .any(|(_, v)| *v == super::super::NoteArg::Text("lane / carril".into()))
        );
        assert_eq!(read(""), Err(ParseError::Empty));
        assert_eq!(read("\u{feff}  \r\n ; ;\n"), Err(ParseError::Empty));
    }

    #[test]
    fn scores_and_faces_are_feelings_and_nothing_else_is() {
        assert_eq!(feeling_of_score("1"), Some(Feeling::Angry));
        assert_eq!(feeling_of_score("5"), Some(Feeling::Delighted));
        assert_eq!(feeling_of_score("4,0"), Some(Feeling::Happy));
        assert_eq!(feeling_of_score("0"), None);
        assert_eq!(feeling_of_score("6"), None);
        assert_eq!(feeling_of_score("3.5"), None);
        assert_eq!(feeling_of_score("NaN"), None);
        assert_eq!(feeling_of_score("inf"), None);
    }

    #[test]
    fn journeys_take_their_kinds_from_order_and_names() {
        let kinds = journey_kinds(
            [
                Some("As is"),
                Some("Trayecto objetivo"),
                Some("Future state"),
                Some("October"),
            ]
            .into_iter(),
        );
        assert_eq!(
            kinds,
            [
                JourneyKind::Current,
                JourneyKind::Target,
                JourneyKind::Other,
                JourneyKind::Other
            ]
        );
        assert!(says_target("To-be journey"));
        assert!(!says_target("October launch"));
    }

    #[test]
    fn an_empty_journey_cell_is_the_first_journey() {
        let parsed = read_ok(
            "journey,stage,lane,title\n,A,Actions,one\nTarget journey,A,Actions,two\n,B,Actions,three\n",
        );
        let map = &parsed.map;
        assert_eq!(map.journeys.len(), 2);
        assert_eq!(map.journeys[0].name, tr("current-journey-name"));
        assert_eq!(map.journeys[1].kind, JourneyKind::Target);
        let in_first: Vec<_> = map
            .cards
            .iter()
            .filter(|c| c.journey == map.journeys[0].id)
            .map(|c| c.title.as_str())
            .collect();
        assert_eq!(in_first, ["one", "three"]);
    }

    #[test]
    fn cards_without_stage_or_lane_take_the_row_above() {
        let parsed = read_ok("stage,lane,title\nA,Actions,one\n,,two\nB,,three\n");
        let map = &parsed.map;
        assert_eq!(map.stages.len(), 2);
        assert_eq!(map.lanes.len(), 1);
        assert_eq!(map.cards[1].stage, map.stages[0].id);
        assert_eq!(map.cards[2].stage, map.stages[1].id);
        let note = parsed
            .notes
            .iter()
            .find(|n| n.key == "csv-filled-from-above")
            .unwrap();
        assert_eq!(note.line, Some(3));
        assert!(
            note.args
                .contains(&("count", super::super::NoteArg::Number(2.0)))
        );
        let first = read_ok("stage,lane,title\n,,alone\n");
        assert_eq!(
            keys(&first.notes),
            ["csv-card-without-stage", "csv-card-without-lane"]
        );
    }

    #[test]
    fn the_first_lane_kind_given_wins() {
        let parsed = read_ok(
            "stage,lane,lane_kind,title\nA,Ideas,,x\nA,Ideas,pain_points,y\nB,Ideas,actions,z\n",
        );
        assert_eq!(parsed.map.lanes[0].kind, LaneKind::PainPoints);
        assert_eq!(keys(&parsed.notes), ["csv-lane-kind-clash"]);
        assert_eq!(parsed.notes[0].line, Some(4));
    }

    #[test]
    fn a_why_without_a_moment_goes_to_the_notes() {
        let parsed = read_ok("stage,lane,title,notes,moment,moment_why\nA,L,x,Seen,,Slow\n");
        let card = &parsed.map.cards[0];
        assert_eq!(card.notes, "Seen\n\nSlow");
        assert_eq!(card.moment, None);
        assert_eq!(keys(&parsed.notes), ["csv-why-without-moment"]);
    }

    #[test]
    fn bad_values_past_a_few_are_counted_in_one_note() {
        let mut text = String::from("stage,lane,title,Canal\n");
        for i in 0..25 {
            text.push_str(&format!("A,L,card {i},pigeon\n"));
        }
        let parsed = read_ok(&text);
        let bad = parsed
            .notes
            .iter()
            .filter(|n| n.key == "csv-bad-channel")
            .count();
        assert_eq!(bad, NOTES_PER_COLUMN);
        let more = parsed.notes.last().unwrap();
        assert_eq!(more.key, "csv-more-values");
        assert_eq!(more.line, Some(2 + NOTES_PER_COLUMN));
        assert!(
            more.args
                .contains(&("count", super::super::NoteArg::Number(15.0)))
        );
        assert!(
            more.args
                .contains(&("column", super::super::NoteArg::Text("Canal".into())))
        );
        assert_eq!(parsed.map.cards.len(), 25);
    }

    #[test]
    fn the_sheet_knows_every_word_the_method_knows() {
        fn agree<W: Word + PartialEq + std::fmt::Debug>(
            table: &HashMap<String, W>,
            extra: &[&str],
        ) {
            let mut words: Vec<String> = table.keys().cloned().collect();
            words.extend(extra.iter().map(|w| w.to_string()));
            for word in words {
                assert_eq!(
                    table.get(&fold(&word)).copied(),
                    W::from_word(&word),
                    "{word}"
                );
            }
        }
        let words = Words::new();
        let odd = [
            "",
            "grumpy",
            "Puntos de DOLOR",
            " In-Person ",
            "Redes sociales",
            "4",
        ];
        agree(&words.lane_kinds, &odd);
        agree(&words.channels, &odd);
        agree(&words.feelings, &odd);
        agree(&words.moments, &odd);
        assert!(words.feelings.len() >= 15 && words.channels.len() >= 16);
    }

    #[test]
    fn every_note_speaks_both_languages_in_full() {
        let keys: Vec<String> = i18n::keys(Lang::En)
            .into_iter()
            .filter(|k| k.starts_with("csv-"))
            .collect();
        assert!(keys.len() > 25, "{keys:?}");
        let before = i18n::current();
        for lang in Lang::ALL {
            i18n::set(lang);
            for key in &keys {
                // Notes hold `&'static str` keys, as the reader's own do.
                let key: &'static str = Box::leak(key.clone().into_boxed_str());
                for count in [0.0, 1.0, 3.0] {
                    let note = [
                        "value", "known", "lane", "stage", "first", "other", "column", "columns",
                        "title",
                    ]
                    .into_iter()
                    .fold(Note::new(key), |n, arg| n.text(arg, "x"))
                    .number("count", count);
                    let words = note.message();
                    assert!(
                        !words.contains('{') && !words.contains("csv-") && !words.is_empty(),
                        "{lang:?} {key}: {words}"
                    );
                }
            }
        }
        i18n::set(before);
    }

    #[test]
    fn column_letters_are_as_spreadsheets_show_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
    }

    #[test]
    fn repeated_and_empty_names_are_numbered_on_export() {
        let mut changed = 0;
        let labels = unique(
            ["Order", " order ", "", "Order (2)"].into_iter(),
            |i| format!("Stage {}", i + 1),
            &mut changed,
        );
        assert_eq!(labels, ["Order", "order (2)", "Stage 3", "Order (2) (2)"]);
        assert_eq!(changed, 3);
    }

    #[test]
    fn cells_are_quoted_only_when_they_must_be() {
        let mut out = String::new();
        push_row(
            &mut out,
            [
                "a",
                "b,c",
                "say \"hi\"",
                "two\nlines",
                "",
                "",
                "",
                "",
                "",
                "é",
            ],
        );
        assert_eq!(
            out,
            "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",,,,,,é\r\n"
        );
    }

    #[test]
    fn a_map_comes_back_from_its_sheet() {
        let text = "journey,stage,lane,lane_kind,title,notes,channel,feeling,moment,moment_why\n\
                    Now,A,Doing,actions,\"Calls, twice\",\"He said \"\"no\"\"\",phone,2,pain,Slow\n\
                    Now,B,Feelings,feelings,,,,,,\n\
                    Later,A,Doing,actions,Apps,,app,delighted,gain,\n";
        let first = read_ok(text);
        let written = write(&first.map, JOURNEY);
        assert!(
            written
                .text
                .starts_with("\u{feff}journey,stage,lane,lane_kind,title,")
        );
        let second = read_ok(&written.text);
        assert_eq!(write(&second.map, JOURNEY).text, written.text);
        let map = &second.map;
        assert_eq!(map.stages.len(), 2);
        assert_eq!(map.lanes[1].kind, LaneKind::Feelings);
        assert_eq!(map.cards[0].title, "Calls, twice");
        assert_eq!(map.cards[0].notes, "He said \"no\"");
        assert_eq!(map.cards[0].feeling, Some(Feeling::Sad));
        assert_eq!(map.journeys[1].name, "Later");
        assert_eq!(map.journeys[1].kind, JourneyKind::Other);
    }
}
