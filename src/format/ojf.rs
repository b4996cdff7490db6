//! OpenJourney files (`.ojf`): the JSON that Ptolemy, an open-source journey-map editor, keeps
//! and exports. One journey as a grid: `stages` are the columns, `swimlanes` the rows, and
//! `nodes` sit in the cell their `stageId` and `swimlaneId` name.
//!
//! Reading takes the three shapes found in the wild: "1.0" (persona and point of view at the
//! root), "1.1.0" (a `metadata` object, and nodes carrying service-blueprint layers) and the
//! sketch in Ptolemy's README (nodes with `stage` instead of `stageId`, no swimlanes). It is
//! lenient the way Ptolemy is: missing, extra and mistyped fields never stop a file, and every
//! node becomes a card. What a Trayecto map has no place for is listed in the import report,
//! one note per kind of loss with a count and an example, never one per node.
//!
//! Writing gives the "1.0" shape, pretty-printed with two spaces like Ptolemy's own export, so
//! that what Trayecto writes reads back into the same map, and writing that map again gives
//! the same bytes.
//!
//! The choices, for the facilitator reading a report:
//! - Scores −5..+5 become the five faces (−5..−3 angry, −2..−1 unhappy, 0 neutral, 1..2 happy,
//!   3..5 delighted); writing turns a face back into −4, −2, 0, 2 or 4.
//! - Ptolemy once scored 0..10. A file whose scores are all within 0..10 with one above 5 is
//!   such a file: 5 is taken off every score, as Ptolemy's own update did, and the report says
//!   so. Any other score outside −5..+5 gives no feeling (the sentiment word is tried instead)
//!   and is reported: it is never clamped.
//! - A moment of truth is a moment of gain when its purpose says gain, of pain when its purpose
//!   names a pain (pain point, bottleneck…), else by its feeling; with neither it is taken as a
//!   moment of pain, since Ptolemy marks where customers may give up, and the report says so.
//! - A node whose stage or swimlane the file does not have goes into a lane of its own, "Not
//!   placed in the file", in its stage or else the first one: nothing is dropped.
//! - A stage's `overrideEmotion` (the point Ptolemy's curve takes there instead of the mean of
//!   its nodes) is the hand-set point of Trayecto's curve, both ways.
//! - The Feelings lane, which draws the curve and holds no cards, is written as an empty
//!   swimlane, so the lanes read back as they were.

use super::build::{Builder, JOURNEY};
use super::words::{Word, fold, guess_lane_kind};
use super::{Holds, MapFormat, Note, ParseError, Parsed, Position, Written};
use crate::i18n::tr;
use crate::model::{
    Channel, Feeling, JourneyId, JourneyKind, LaneId, LaneKind, Map, Moment, MomentKind, StageId,
};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::{Map as Object, Value};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

pub const FORMAT: MapFormat = MapFormat {
    id: "ojf",
    extensions: &["ojf"],
    name_key: "ojf-file",
    export_key: "export-map-ojf",
    holds: Holds::OneJourney,
    read,
    write,
};

/// The fields OpenJourney defines, where they may stand. Anything else is reported as left out.
const ROOT_KEYS: &[&str] = &[
    "version",
    "title",
    "persona",
    "pointOfView",
    "pov",
    "metadata",
    "stages",
    "swimlanes",
    "nodes",
];
const METADATA_KEYS: &[&str] = &["title", "persona", "pov", "pointOfView", "version"];
const STAGE_KEYS: &[&str] = &["id", "name", "overrideEmotion"];
const LANE_KEYS: &[&str] = &["id", "name"];
const NODE_KEYS: &[&str] = &[
    "id",
    "stageId",
    "stage",
    "swimlaneId",
    "title",
    "description",
    "severity",
    "score",
    "sentiment",
    "purpose",
    "isMomentOfTruth",
    "icon",
    "iconColor",
    "tags",
    "blueprint",
];

/// How many unknown field names the report spells out before "…".
const UNKNOWN_KEYS_SHOWN: usize = 6;

// ---------------------------------------------------------------------------------------------
// Reading

/// An OpenJourney file to a map with one current journey, and what could not come across.
pub fn read(text: &str) -> Result<Parsed, ParseError> {
    // Editors on Windows like to start UTF-8 files with a byte-order mark; JSON does not allow one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(refused(None, "ojf-empty"));
    }
    let top: Top = serde_json::from_str(text).map_err(|error| json_error(text, &error))?;
    match top {
        Top::Object { fields, nodes } if is_journey(&fields) => {
            Reader::default().journey(&fields, nodes)
        }
        _ => Err(refused(None, "ojf-not-a-journey")),
    }
}

fn refused(at: Option<Position>, key: &'static str) -> ParseError {
    ParseError::Refused {
        at,
        note: Note::new(key),
    }
}

/// Ptolemy only opens files with stages and swimlanes; the README's sketch has stages alone.
fn is_journey(root: &Known) -> bool {
    root.field("stages").is_some_and(Value::is_array)
        || root.field("swimlanes").is_some_and(Value::is_array)
}

/// Broken JSON, refused at the line and column where it breaks.
fn json_error(text: &str, error: &serde_json::Error) -> ParseError {
    let key = match error.classify() {
        serde_json::error::Category::Eof => "ojf-json-ends-early",
        _ => "ojf-json-syntax",
    };
    refused(Some(char_position(text, error.line(), error.column())), key)
}

/// The JSON reader counts columns in bytes; people count characters ("é" is one).
fn char_position(text: &str, line: usize, byte_col: usize) -> Position {
    let line = line.max(1);
    let col = text
        .split('\n')
        .nth(line - 1)
        .map_or(byte_col, |row| {
            let mut end = byte_col.saturating_sub(1).min(row.len());
            while !row.is_char_boundary(end) {
                end -= 1;
            }
            row[..end].chars().count() + 1
        })
        .max(1);
    Position { line, col }
}

/// How often something happened, with the first time as an example for the report.
#[derive(Default)]
struct Tally {
    count: usize,
    example: String,
    also: String,
    number: f64,
}

impl Tally {
    fn add(&mut self, example: &str) {
        self.add_with(example, "", 0.0);
    }

    fn add_with(&mut self, example: &str, also: &str, number: f64) {
        if self.count == 0 {
            self.example = example.to_owned();
            self.also = also.to_owned();
            self.number = number;
        }
        self.count += 1;
    }
}

/// A score as the file gives it.
enum Score {
    Absent,
    Number(f64),
    /// Not a number, as written.
    NotNumber(String),
}

/// What the file holds beyond a map, gathered while reading, to become the report.
#[derive(Default)]
struct Reader {
    version: Option<String>,
    mistyped: Tally,
    unknown_keys: Vec<String>,
    unknown_seen: HashSet<String>,
    severity: Tally,
    sentiment: Tally,
    purpose: Tally,
    icon: Tally,
    icon_color: Tally,
    tags: Tally,
    /// Scores between faces: the example's score and the face it became.
    rounded: Tally,
    rounded_face: Option<Feeling>,
    out_of_range: Tally,
    not_number: Tally,
    sentiment_unknown: Tally,
    unplaced: Tally,
    duplicate_ids: Tally,
    moment_guessed: Tally,
    blueprint_items: usize,
    /// Tags already matched against the channels' names.
    channels: HashMap<String, Option<Channel>>,
}

/// Which row a card goes in; the generated lanes are only made once the file is read.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Row {
    File(LaneId),
    /// The one lane of a file without swimlanes.
    Journey,
    Layer(Layer),
    /// A node whose stage or swimlane the file does not have.
    Unplaced,
}

/// The service-blueprint layers a node may carry, in the order a blueprint draws them.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Layer {
    Evidence,
    Frontstage,
    Backstage,
    Support,
}

impl Layer {
    const ALL: [Layer; 4] = [
        Layer::Evidence,
        Layer::Frontstage,
        Layer::Backstage,
        Layer::Support,
    ];

    fn key(self) -> &'static str {
        match self {
            Layer::Evidence => "evidence",
            Layer::Frontstage => "onstage",
            Layer::Backstage => "backstage",
            Layer::Support => "support",
        }
    }

    /// Its items' fields: the one that becomes the card's title, and the one for its notes.
    fn fields(self) -> (&'static str, &'static str) {
        match self {
            Layer::Evidence => ("item", "type"),
            Layer::Frontstage | Layer::Backstage => ("action", "actor"),
            Layer::Support => ("description", "system"),
        }
    }

    fn lane_name(self) -> &'static str {
        tr(match self {
            Layer::Evidence => "ojf-lane-evidence",
            Layer::Frontstage => "ojf-lane-frontstage",
            Layer::Backstage => "ojf-lane-backstage",
            Layer::Support => "ojf-lane-support",
        })
    }

    /// Trayecto has no frontstage kind: the employee's side of the counter is nearest backstage.
    fn lane_kind(self) -> LaneKind {
        match self {
            Layer::Evidence => LaneKind::Touchpoints,
            Layer::Frontstage | Layer::Backstage | Layer::Support => LaneKind::Backstage,
        }
    }
}

/// A card read from the file, waiting for its lane to exist.
struct Pending {
    /// `None`: a stage the file does not have; the card goes to the first stage.
    stage: Option<StageId>,
    row: Row,
    title: String,
    notes: String,
    feeling: Option<Feeling>,
    channel: Option<Channel>,
    moment: Option<Moment>,
}

/// An object of the file read as plain JSON (metadata, stages, swimlanes, blueprints).
type JsonObject = Object<String, Value>;

/// The fields of an object of the file, by name.
trait Fields {
    fn field(&self, key: &str) -> Option<&Value>;
}

impl Fields for JsonObject {
    fn field(&self, key: &str) -> Option<&Value> {
        self.get(key)
    }
}

/// An object read straight from the text: the fields OpenJourney defines for it, and only the
/// names of the others (for the report), which are skipped unread. The top of the file and its
/// nodes are read this way; read as plain JSON objects, a large file took twice as long.
#[derive(Default)]
struct Known {
    fields: Vec<(&'static str, Value)>,
    unknown: Vec<String>,
}

impl Fields for Known {
    fn field(&self, key: &str) -> Option<&Value> {
        // Of two fields alike the last counts, as with any JSON reader.
        self.fields
            .iter()
            .rev()
            .find(|(name, _)| *name == key)
            .map(|(_, value)| value)
    }
}

/// The whole file: an object with its nodes apart, or anything else.
enum Top {
    Object { fields: Known, nodes: Nodes },
    Other,
}

/// The `nodes` of the file.
enum Nodes {
    Absent,
    /// Each item, or `None` for an item that is not an object.
    List(Vec<Option<Known>>),
    Mistyped,
}

/// A visitor's answer to the single values it has no use for.
macro_rules! other_values {
    ($other:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($other)
        }
    };
}

/// Reads through a list nobody wants.
fn skip_list<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Reads through an object nobody wants.
fn skip_object<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// A field's name: one of those known, or another.
enum Key {
    Known(&'static str),
    Unknown(String),
}

struct KeySeed(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;
    fn deserialize<D: Deserializer<'de>>(self, from: D) -> Result<Key, D::Error> {
        from.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
        Ok(match self.0.iter().find(|known| **known == name) {
            Some(known) => Key::Known(known),
            None => Key::Unknown(name.to_owned()),
        })
    }
}

/// Reads one field: its value if its name is known, else only its name.
fn read_field<'de, A: MapAccess<'de>>(
    map: &mut A,
    key: Key,
    into: &mut Known,
) -> Result<(), A::Error> {
    match key {
        Key::Known(name) => into.fields.push((name, map.next_value()?)),
        Key::Unknown(name) => {
            map.next_value::<IgnoredAny>()?;
            into.unknown.push(name);
        }
    }
    Ok(())
}

/// One item of `nodes`: a node, or `None` for anything but an object.
struct NodeVisitor;

impl<'de> DeserializeSeed<'de> for NodeVisitor {
    type Value = Option<Known>;
    fn deserialize<D: Deserializer<'de>>(self, from: D) -> Result<Self::Value, D::Error> {
        from.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Option<Known>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a node")
    }
    other_values!(None);
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_list(seq)?;
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut node = Known::default();
        while let Some(key) = map.next_key_seed(KeySeed(NODE_KEYS))? {
            read_field(&mut map, key, &mut node)?;
        }
        Ok(Some(node))
    }
}

/// The value of `nodes`.
struct NodesVisitor;

impl<'de> DeserializeSeed<'de> for NodesVisitor {
    type Value = Nodes;
    fn deserialize<D: Deserializer<'de>>(self, from: D) -> Result<Nodes, D::Error> {
        from.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NodesVisitor {
    type Value = Nodes;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of nodes")
    }
    other_values!(Nodes::Mistyped);
    fn visit_unit<E: de::Error>(self) -> Result<Nodes, E> {
        Ok(Nodes::Absent)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Nodes, A::Error> {
        skip_object(map)?;
        Ok(Nodes::Mistyped)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Nodes, A::Error> {
        // No more room than the text could fill, whatever the list says of itself.
        let mut nodes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
        while let Some(node) = seq.next_element_seed(NodeVisitor)? {
            nodes.push(node);
        }
        Ok(Nodes::List(nodes))
    }
}

impl<'de> Deserialize<'de> for Top {
    fn deserialize<D: Deserializer<'de>>(from: D) -> Result<Top, D::Error> {
        from.deserialize_any(TopVisitor)
    }
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Top;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a journey")
    }
    other_values!(Top::Other);
    fn visit_unit<E: de::Error>(self) -> Result<Top, E> {
        Ok(Top::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Top, A::Error> {
        skip_list(seq)?;
        Ok(Top::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
        let mut fields = Known::default();
        let mut nodes = Nodes::Absent;
        while let Some(key) = map.next_key_seed(KeySeed(ROOT_KEYS))? {
            match key {
                Key::Known("nodes") => nodes = map.next_value_seed(NodesVisitor)?,
                key => read_field(&mut map, key, &mut fields)?,
            }
        }
        Ok(Top::Object { fields, nodes })
    }
}

impl Reader {
    fn journey(mut self, root: &Known, nodes: Nodes) -> Result<Parsed, ParseError> {
        self.unknown_names(&root.unknown);
        let metadata = match root.field("metadata") {
            Some(Value::Object(metadata)) => {
                self.unknown(metadata, METADATA_KEYS);
                Some(metadata)
            }
            None | Some(Value::Null) => None,
            Some(_) => {
                self.mistyped.add("metadata");
                None
            }
        };
        let empty = JsonObject::new();
        let meta = metadata.unwrap_or(&empty);

        // A Ptolemy export of a "1.1.0" file has empty root fields beside a full `metadata`:
        // the first text that is not blank wins.
        let title = [self.text(root, "title"), self.text(meta, "title")];
        let persona = [self.text(root, "persona"), self.text(meta, "persona")];
        let point_of_view = [
            self.text(root, "pointOfView"),
            self.text(root, "pov"),
            self.text(meta, "pov"),
            self.text(meta, "pointOfView"),
        ];
        self.version = [self.text(root, "version"), self.text(meta, "version")]
            .into_iter()
            .find_map(not_blank);
        let point_of_view = point_of_view.into_iter().find_map(not_blank);
        let title = title
            .into_iter()
            .find_map(not_blank)
            .or_else(|| point_of_view.clone())
            // Else none: the caller names the map after its file.
            .unwrap_or_default();

        let mut builder = Builder::new(title);
        match (persona.into_iter().find_map(not_blank), point_of_view) {
            (Some(name), goal) => {
                let id = builder.add_persona(name);
                if let (Some(goal), Some(persona)) = (goal, builder.persona_mut(id)) {
                    persona.goals.push(goal);
                }
            }
            (None, Some(goal)) => {
                let name = tr("ojf-persona-name");
                let id = builder.add_persona(name);
                if let Some(persona) = builder.persona_mut(id) {
                    persona.goals.push(goal);
                }
                builder.note(Note::new("ojf-persona-unnamed").text("name", name));
            }
            (None, None) => {}
        }

        let (stages, curve) = self.stages(root, &mut builder);
        let has_swimlanes = root.field("swimlanes").is_some_and(Value::is_array);
        let lanes = self.lanes(root, &mut builder);
        let nodes = match nodes {
            Nodes::List(nodes) => nodes,
            Nodes::Absent => Vec::new(),
            Nodes::Mistyped => {
                self.mistyped.add("nodes");
                Vec::new()
            }
        };
        let old_scale = old_score_scale(&nodes);
        if let Some(high) = old_scale {
            builder.note(Note::new("ojf-scores-0-to-10").number("score", high));
        }
        let mut pending = Vec::with_capacity(nodes.len());
        for (index, node) in nodes.iter().enumerate() {
            match node {
                Some(node) => self.node(
                    node,
                    index,
                    &stages,
                    has_swimlanes.then_some(&lanes),
                    old_scale.is_some(),
                    &mut pending,
                ),
                None => self.mistyped.add("nodes"),
            }
        }

        // The lanes the file does not have but its nodes need, after the file's own.
        let first_stage = match builder.map().stages.first() {
            Some(stage) => stage.id,
            None => builder.add_stage(tr("import-stage-name")),
        };
        let mut rows: HashMap<Row, LaneId> = HashMap::new();
        if !has_swimlanes {
            let name = tr("ojf-lane-journey");
            rows.insert(Row::Journey, builder.add_lane(name, LaneKind::Actions));
            builder.note(Note::new("ojf-no-swimlanes").text("lane", name));
        }
        for layer in Layer::ALL {
            if pending.iter().any(|p| p.row == Row::Layer(layer)) {
                let lane = builder.add_lane(layer.lane_name(), layer.lane_kind());
                rows.insert(Row::Layer(layer), lane);
            }
        }
        if pending.iter().any(|p| p.row == Row::Unplaced) {
            let lane = builder.add_lane(tr("ojf-lane-unplaced"), LaneKind::Notes);
            rows.insert(Row::Unplaced, lane);
        }
        for card in pending {
            let lane = match card.row {
                Row::File(lane) => lane,
                // Every generated row a card asks for was made just above.
                row => match rows.get(&row) {
                    Some(lane) => *lane,
                    None => continue,
                },
            };
            let new = builder.add_card(card.stage.unwrap_or(first_stage), lane, card.title);
            new.notes = card.notes;
            new.feeling = card.feeling;
            new.channel = card.channel;
            new.moment = card.moment;
        }

        for note in self.notes() {
            builder.note(note);
        }
        let mut parsed = builder.finish()?;
        if let Some(journey) = parsed.map.journeys.iter_mut().find(|j| j.id == JOURNEY) {
            journey.curve.extend(curve);
        }
        Ok(parsed)
    }

    /// The file's stages, by id, and the curve points set by hand on them.
    fn stages(
        &mut self,
        root: &Known,
        builder: &mut Builder,
    ) -> (HashMap<String, StageId>, Vec<(StageId, Feeling)>) {
        let mut ids = HashMap::new();
        let mut curve = Vec::new();
        for stage in self.list(root, "stages") {
            self.unknown(stage, STAGE_KEYS);
            let name = self.text(stage, "name").unwrap_or_default();
            let id = builder.add_stage(name.clone());
            self.remember(stage, id, &mut ids);
            // Ptolemy leaves an empty text where the override was cleared.
            match score(stage.get("overrideEmotion")) {
                Score::Absent => {}
                Score::NotNumber(text) if text.trim().is_empty() => {}
                Score::NotNumber(text) => self.not_number.add_with(&text, &name, 0.0),
                Score::Number(value) => {
                    if let Some(feeling) = self.face(value, &name) {
                        curve.push((id, feeling));
                    }
                }
            }
        }
        (ids, curve)
    }

    /// The file's swimlanes, by id; empty ones are kept.
    fn lanes(&mut self, root: &Known, builder: &mut Builder) -> HashMap<String, LaneId> {
        let mut ids = HashMap::new();
        for lane in self.list(root, "swimlanes") {
            self.unknown(lane, LANE_KEYS);
            let name = self.text(lane, "name").unwrap_or_default();
            let kind = guess_lane_kind(&name);
            let id = builder.add_lane(name, kind);
            self.remember(lane, id, &mut ids);
        }
        ids
    }

    /// The objects of a list; anything else in it is noted.
    fn list<'a>(&mut self, root: &'a Known, key: &str) -> Vec<&'a JsonObject> {
        match root.field(key) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|item| match item {
                    Value::Object(fields) => Some(fields),
                    _ => {
                        self.mistyped.add(key);
                        None
                    }
                })
                .collect(),
            None | Some(Value::Null) => Vec::new(),
            Some(_) => {
                self.mistyped.add(key);
                Vec::new()
            }
        }
    }

    /// Files the id a stage or swimlane goes by; with two alike, nodes go to the first (as in
    /// Ptolemy, which looks them up in order).
    fn remember<T: Copy>(&mut self, item: &JsonObject, value: T, ids: &mut HashMap<String, T>) {
        let Some(id) = self.id(item.get("id")) else {
            return;
        };
        match ids.entry(id) {
            Entry::Occupied(taken) => self.duplicate_ids.add(taken.key()),
            Entry::Vacant(free) => {
                free.insert(value);
            }
        }
    }

    /// One node: its card, then the cards of its blueprint layers.
    fn node(
        &mut self,
        node: &Known,
        index: usize,
        stages: &HashMap<String, StageId>,
        lanes: Option<&HashMap<String, LaneId>>,
        old_scale: bool,
        pending: &mut Vec<Pending>,
    ) {
        self.unknown_names(&node.unknown);
        let title = self.text(node, "title").unwrap_or_default();
        let node_id = self.id(node.field("id"));
        // How the report names the node: by title, else by id, else by its place in the file.
        let label = not_blank(Some(title.clone()))
            .or(node_id)
            .unwrap_or_else(|| format!("#{}", index + 1));

        let stage_ref = match self.id(node.field("stageId")) {
            Some(id) => Some(id),
            None => self.id(node.field("stage")),
        };
        let lane_ref = self.id(node.field("swimlaneId"));
        let stage = stage_ref.and_then(|id| stages.get(&id).copied());
        let lane = match lanes {
            None => Some(Row::Journey),
            Some(lanes) => lane_ref.and_then(|id| lanes.get(&id).copied().map(Row::File)),
        };
        let row = match (stage, lane) {
            (Some(_), Some(row)) => row,
            _ => {
                self.unplaced.add(&label);
                Row::Unplaced
            }
        };

        let feeling = match score(node.field("score")) {
            Score::Absent => None,
            Score::NotNumber(text) if text.trim().is_empty() => None,
            Score::NotNumber(text) => {
                self.not_number.add_with(&text, &label, 0.0);
                None
            }
            Score::Number(value) => {
                let value = if old_scale { value - 5.0 } else { value };
                self.face(value, &label)
            }
        };
        let sentiment = not_blank(self.text(node, "sentiment"));
        let feeling = match (feeling, &sentiment) {
            (Some(feeling), _) => Some(feeling),
            (None, Some(word)) => {
                let face = feeling_of_sentiment(word);
                if face.is_none() {
                    self.sentiment_unknown.add(word);
                }
                face
            }
            (None, None) => None,
        };
        if let Some(word) = &sentiment {
            self.sentiment.add(word);
        }

        let purpose = not_blank(self.text(node, "purpose"));
        if let Some(value) = &purpose {
            self.purpose.add(value);
        }
        if let Some(value) = not_blank(self.text(node, "severity")) {
            self.severity.add(&value);
        }
        if let Some(value) = not_blank(self.text(node, "icon")) {
            self.icon.add(&value);
        }
        if let Some(value) = not_blank(self.text(node, "iconColor")) {
            self.icon_color.add(&value);
        }

        let moment = match node.field("isMomentOfTruth") {
            Some(Value::Bool(true)) => {
                let (kind, guessed) = moment_kind(purpose.as_deref(), feeling);
                if guessed {
                    self.moment_guessed.add(&label);
                }
                Some(Moment {
                    kind,
                    why: String::new(),
                })
            }
            None | Some(Value::Null | Value::Bool(false)) => None,
            Some(_) => {
                self.mistyped.add("isMomentOfTruth");
                None
            }
        };

        let mut channel = None;
        for tag in self.tags(node) {
            match self.channel_of(&tag) {
                Some(found) if channel.is_none() => channel = Some(found),
                Some(found) if channel == Some(found) => {}
                _ => self.tags.add(&tag),
            }
        }

        pending.push(Pending {
            stage,
            row,
            title,
            notes: self.text(node, "description").unwrap_or_default(),
            feeling,
            channel,
            moment,
        });
        self.blueprint(node, stage, pending);
    }

    /// The channel a tag names, if any. Files repeat the same few tags on every node, and
    /// matching a word against every channel's names in both languages is the slowest step of
    /// reading, so each tag is matched once.
    fn channel_of(&mut self, tag: &str) -> Option<Channel> {
        if let Some(known) = self.channels.get(tag) {
            return *known;
        }
        let found = Channel::from_word(tag);
        self.channels.insert(tag.to_owned(), found);
        found
    }

    /// A node's tags: a list of words, or (as typed into Ptolemy's editor) one text with commas.
    fn tags(&mut self, node: &Known) -> Vec<String> {
        let words: Vec<String> = match node.field("tags") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(text)) => text.split(',').map(str::to_owned).collect(),
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|item| match item {
                    Value::String(tag) => Some(tag.clone()),
                    Value::Null => None,
                    _ => {
                        self.mistyped.add("tags");
                        None
                    }
                })
                .collect(),
            Some(_) => {
                self.mistyped.add("tags");
                Vec::new()
            }
        };
        words
            .into_iter()
            .map(|tag| tag.trim().to_owned())
            .filter(|tag| !tag.is_empty())
            .collect()
    }

    /// The service-blueprint items of a node, as cards in the lanes of their layers, in the
    /// node's stage (or with it among the unplaced when the file does not have its stage).
    fn blueprint(&mut self, node: &Known, stage: Option<StageId>, pending: &mut Vec<Pending>) {
        let layers = match node.field("blueprint") {
            Some(Value::Object(layers)) => layers,
            None | Some(Value::Null) => return,
            Some(_) => {
                self.mistyped.add("blueprint");
                return;
            }
        };
        self.unknown(layers, &Layer::ALL.map(Layer::key));
        for layer in Layer::ALL {
            let items = match layers.get(layer.key()) {
                Some(Value::Array(items)) => items,
                None | Some(Value::Null) => continue,
                Some(_) => {
                    self.mistyped.add(layer.key());
                    continue;
                }
            };
            let (title_key, notes_key) = layer.fields();
            for item in items {
                let (title, notes) = match item {
                    Value::Object(fields) => {
                        self.unknown(fields, &[title_key, notes_key]);
                        (
                            not_blank(self.text(fields, title_key)),
                            not_blank(self.text(fields, notes_key)),
                        )
                    }
                    Value::String(text) => (not_blank(Some(text.clone())), None),
                    Value::Null => continue,
                    _ => {
                        self.mistyped.add(layer.key());
                        continue;
                    }
                };
                // An item with only an actor or a type still says something: it becomes the title.
                let (title, notes) = match (title, notes) {
                    (Some(title), notes) => (title, notes.unwrap_or_default()),
                    (None, Some(notes)) => (notes, String::new()),
                    (None, None) => continue,
                };
                self.blueprint_items += 1;
                pending.push(Pending {
                    stage,
                    row: if stage.is_some() {
                        Row::Layer(layer)
                    } else {
                        Row::Unplaced
                    },
                    title,
                    notes,
                    feeling: None,
                    channel: None,
                    moment: None,
                });
            }
        }
    }

    /// A score on the −5..+5 scale as a face, noting scores between faces and refusing (with a
    /// note) those outside the scale.
    fn face(&mut self, value: f64, label: &str) -> Option<Feeling> {
        let Some(face) = feeling_of_score(value) else {
            self.out_of_range.add_with(label, "", value);
            return None;
        };
        if f64::from(score_of_feeling(face)) != value {
            if self.rounded.count == 0 {
                self.rounded_face = Some(face);
            }
            self.rounded.add_with(label, "", value);
        }
        Some(face)
    }

    /// A text field: strings as they are, numbers as written; anything else is noted.
    fn text(&mut self, fields: &impl Fields, key: &str) -> Option<String> {
        match fields.field(key)? {
            Value::String(text) => Some(text.clone()),
            Value::Number(number) => Some(number.to_string()),
            Value::Null => None,
            _ => {
                self.mistyped.add(key);
                None
            }
        }
    }

    /// An id: a string, or a number (some hand-written files use them).
    fn id(&mut self, value: Option<&Value>) -> Option<String> {
        match value? {
            Value::String(id) => Some(id.clone()),
            Value::Number(id) => Some(id.to_string()),
            Value::Null => None,
            _ => {
                self.mistyped.add("id");
                None
            }
        }
    }

    fn unknown(&mut self, fields: &JsonObject, known: &[&str]) {
        for key in fields.keys() {
            if !known.contains(&key.as_str()) {
                self.unknown_name(key);
            }
        }
    }

    fn unknown_names(&mut self, names: &[String]) {
        for name in names {
            self.unknown_name(name);
        }
    }

    fn unknown_name(&mut self, name: &str) {
        if !self.unknown_seen.contains(name) {
            self.unknown_seen.insert(name.to_owned());
            self.unknown_keys.push(name.to_owned());
        }
    }

    /// The report: what changed on the way first, then what was left out.
    fn notes(self) -> Vec<Note> {
        let mut notes = Vec::new();
        counted(&mut notes, &self.unplaced, "ojf-unplaced", "node");
        counted(&mut notes, &self.duplicate_ids, "ojf-duplicate-ids", "id");
        if self.blueprint_items > 0 {
            notes.push(
                Note::new("ojf-blueprint-cards").number("count", self.blueprint_items as f64),
            );
        }
        if self.out_of_range.count > 0 {
            notes.push(
                Note::new("ojf-score-out-of-range")
                    .number("count", self.out_of_range.count as f64)
                    .number("score", self.out_of_range.number)
                    .text("node", &self.out_of_range.example),
            );
        }
        if self.not_number.count > 0 {
            notes.push(
                Note::new("ojf-score-not-number")
                    .number("count", self.not_number.count as f64)
                    .text("score", &self.not_number.example)
                    .text("node", &self.not_number.also),
            );
        }
        counted(
            &mut notes,
            &self.sentiment_unknown,
            "ojf-sentiment-unknown",
            "word",
        );
        counted(
            &mut notes,
            &self.moment_guessed,
            "ojf-moment-guessed",
            "node",
        );
        counted(&mut notes, &self.mistyped, "ojf-mistyped", "field");
        if let Some(face) = self.rounded_face.filter(|_| self.rounded.count > 0) {
            notes.push(
                Note::new("ojf-lost-scores")
                    .number("count", self.rounded.count as f64)
                    .number("score", self.rounded.number)
                    .text("feeling", face.label())
                    .number("back", score_of_feeling(face)),
            );
        }
        counted(&mut notes, &self.sentiment, "ojf-lost-sentiment", "value");
        counted(&mut notes, &self.purpose, "ojf-lost-purpose", "value");
        counted(&mut notes, &self.severity, "ojf-lost-severity", "value");
        counted(&mut notes, &self.icon, "ojf-lost-icon", "value");
        counted(&mut notes, &self.icon_color, "ojf-lost-icon-color", "value");
        counted(&mut notes, &self.tags, "ojf-lost-tags", "value");
        if let Some(version) = &self.version {
            notes.push(Note::new("ojf-lost-version").text("version", version));
        }
        if !self.unknown_keys.is_empty() {
            let shown = self.unknown_keys.len().min(UNKNOWN_KEYS_SHOWN);
            let mut keys = self.unknown_keys[..shown].join(", ");
            if self.unknown_keys.len() > shown {
                keys.push_str(", …");
            }
            notes.push(
                Note::new("ojf-unknown-keys")
                    .number("count", self.unknown_keys.len() as f64)
                    .text("keys", keys),
            );
        }
        notes
    }
}

/// A note with how many times something happened and the first example, if it happened.
fn counted(notes: &mut Vec<Note>, tally: &Tally, key: &'static str, example: &'static str) {
    if tally.count > 0 {
        notes.push(
            Note::new(key)
                .number("count", tally.count as f64)
                .text(example, &tally.example),
        );
    }
}

fn not_blank(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

fn score(value: Option<&Value>) -> Score {
    match value {
        None | Some(Value::Null) => Score::Absent,
        Some(Value::Number(number)) => match number.as_f64().filter(|n| n.is_finite()) {
            Some(n) => Score::Number(n),
            None => Score::NotNumber(number.to_string()),
        },
        // "3" typed into a hand-made file means 3.
        Some(Value::String(text)) => match text.trim().parse::<f64>() {
            Ok(n) if n.is_finite() => Score::Number(n),
            _ => Score::NotNumber(text.clone()),
        },
        Some(other) => Score::NotNumber(other.to_string()),
    }
}

/// Whether the file scores 0..10, as Ptolemy first did: some score above 5, none below 0 and
/// none above 10 (Ptolemy's own update shifted a file when a score was above 5). If so, its
/// highest score, for the report.
fn old_score_scale(nodes: &[Option<Known>]) -> Option<f64> {
    let scores = nodes
        .iter()
        .flatten()
        .filter_map(|node| match score(node.field("score")) {
            Score::Number(n) => Some(n),
            _ => None,
        });
    let (mut high, mut outside) = (f64::NEG_INFINITY, false);
    for n in scores {
        high = high.max(n);
        outside |= !(0.0..=10.0).contains(&n);
    }
    (high > 5.0 && !outside).then_some(high)
}

/// The face of a −5..+5 score; none outside the scale.
fn feeling_of_score(score: f64) -> Option<Feeling> {
    if !(-5.0..=5.0).contains(&score) {
        return None;
    }
    // −3 is angry: the sample authors called −3 and −4 "angry" three times out of five.
    Some(match score.round() as i8 {
        ..=-3 => Feeling::Angry,
        -2..=-1 => Feeling::Sad,
        0 => Feeling::Neutral,
        1..=2 => Feeling::Happy,
        3.. => Feeling::Delighted,
    })
}

/// The score a face is written as: the middle of its band.
fn score_of_feeling(feeling: Feeling) -> i8 {
    feeling.score() * 2
}

/// A feeling from the sentiment words Ptolemy offers and its sample files use, or from a
/// face's own name in English or Spanish.
fn feeling_of_sentiment(word: &str) -> Option<Feeling> {
    let folded = fold(word);
    let words: [(&[&str], Feeling); 5] = [
        (&["angry", "frustrated", "furious"], Feeling::Angry),
        (
            &[
                "negative", "anxious", "confused", "bored", "upset", "annoyed", "worried",
            ],
            Feeling::Sad,
        ),
        (&["neutral"], Feeling::Neutral),
        (
            &["positive", "relieved", "satisfied", "surprised", "hopeful"],
            Feeling::Happy,
        ),
        (&["delighted", "excited"], Feeling::Delighted),
    ];
    words
        .iter()
        .find(|(known, _)| known.contains(&folded.as_str()))
        .map(|(_, feeling)| *feeling)
        .or_else(|| Feeling::from_word(word))
}

/// Gain or pain for a moment of truth, and whether it had to be guessed.
fn moment_kind(purpose: Option<&str>, feeling: Option<Feeling>) -> (MomentKind, bool) {
    const PAINS: [&str; 10] = [
        "pain",
        "painpoint",
        "bottleneck",
        "personalhurdle",
        "hurdle",
        "friction",
        "issue",
        "problem",
        "blocker",
        "barrier",
    ];
    if let Some(purpose) = purpose {
        if fold(purpose) == "gain" {
            return (MomentKind::Gain, false);
        }
        if PAINS.contains(&fold(purpose).as_str()) {
            return (MomentKind::Pain, false);
        }
        if let Some(kind) = MomentKind::from_word(purpose) {
            return (kind, false);
        }
    }
    match feeling {
        Some(Feeling::Angry | Feeling::Sad) => (MomentKind::Pain, false),
        Some(Feeling::Happy | Feeling::Delighted) => (MomentKind::Gain, false),
        Some(Feeling::Neutral) | None => (MomentKind::Pain, true),
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

#[derive(Serialize)]
struct FileOut<'a> {
    version: &'static str,
    title: &'a str,
    persona: &'a str,
    #[serde(rename = "pointOfView")]
    point_of_view: &'a str,
    stages: Vec<StageOut<'a>>,
    swimlanes: Vec<LaneOut<'a>>,
    nodes: Vec<NodeOut<'a>>,
}

#[derive(Serialize)]
struct StageOut<'a> {
    id: String,
    name: &'a str,
    #[serde(rename = "overrideEmotion", skip_serializing_if = "Option::is_none")]
    override_emotion: Option<i8>,
}

#[derive(Serialize)]
struct LaneOut<'a> {
    id: String,
    name: &'a str,
}

#[derive(Serialize)]
struct NodeOut<'a> {
    id: String,
    #[serde(rename = "stageId")]
    stage_id: &'a str,
    #[serde(rename = "swimlaneId")]
    swimlane_id: &'a str,
    title: &'a str,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<i8>,
    #[serde(rename = "isMomentOfTruth")]
    is_moment_of_truth: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    purpose: Option<&'static str>,
    tags: Vec<&'static str>,
}

/// One journey of the map as an OpenJourney file (shape "1.0"), and what it could not hold.
pub fn write(map: &Map, journey: JourneyId) -> Written {
    let chosen = map.journey(journey).or_else(|| map.journeys.first());
    let persona = chosen
        .and_then(|j| j.persona)
        .and_then(|id| map.persona(id));

    let stage_ids: HashMap<StageId, String> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, stage)| (stage.id, format!("s{}", i + 1)))
        .collect();
    let lane_ids: HashMap<LaneId, String> = map
        .lanes
        .iter()
        .enumerate()
        .map(|(i, lane)| (lane.id, format!("sl{}", i + 1)))
        .collect();

    let stages = map
        .stages
        .iter()
        .map(|stage| StageOut {
            id: stage_ids[&stage.id].clone(),
            name: &stage.name,
            override_emotion: chosen
                .and_then(|j| j.curve.get(&stage.id))
                .map(|feeling| score_of_feeling(*feeling)),
        })
        .collect();
    let swimlanes = map
        .lanes
        .iter()
        .map(|lane| LaneOut {
            id: lane_ids[&lane.id].clone(),
            name: &lane.name,
        })
        .collect();
    let cards = map
        .cards
        .iter()
        .filter(|card| chosen.is_some_and(|j| j.id == card.journey));
    let nodes = cards
        .filter_map(|card| {
            Some((
                card,
                stage_ids.get(&card.stage)?.as_str(),
                lane_ids.get(&card.lane)?.as_str(),
            ))
        })
        .enumerate()
        .map(|(i, (card, stage_id, swimlane_id))| NodeOut {
            id: format!("n{}", i + 1),
            stage_id,
            swimlane_id,
            title: &card.title,
            description: &card.notes,
            score: card.feeling.map(score_of_feeling),
            is_moment_of_truth: card.moment.is_some(),
            // Ptolemy's own purposes, which read back as the same kind of moment.
            purpose: card.moment.as_ref().map(|moment| match moment.kind {
                MomentKind::Gain => "gain",
                MomentKind::Pain => "pain-point",
            }),
            tags: card
                .channel
                .map(|channel| vec![channel.label()])
                .unwrap_or_default(),
        })
        .collect();

    let file = FileOut {
        version: "1.0",
        title: &map.title,
        persona: persona.map_or("", |p| p.name.as_str()),
        point_of_view: persona
            .and_then(|p| p.goals.first())
            .map_or("", String::as_str),
        stages,
        swimlanes,
        nodes,
    };
    // Plain structs of texts and numbers always serialize; the fallback is never taken.
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    Written {
        text,
        notes: export_notes(map, chosen.map(|j| j.id)),
    }
}

/// What an OpenJourney file cannot hold of the map, when writing one journey of it.
fn export_notes(map: &Map, journey: Option<JourneyId>) -> Vec<Note> {
    let mut notes = Vec::new();
    let count = |n: usize| n as f64;
    let chosen = journey.and_then(|id| map.journey(id));

    let others: Vec<_> = map
        .journeys
        .iter()
        .filter(|j| Some(j.id) != journey)
        .collect();
    if let (Some(chosen), Some(first)) = (chosen, others.first()) {
        let cards = map
            .cards
            .iter()
            .filter(|c| others.iter().any(|j| j.id == c.journey))
            .count();
        notes.push(
            Note::new("ojf-export-other-journeys")
                .text("journey", &chosen.name)
                .number("count", count(others.len()))
                .text("example", &first.name)
                .number("cards", count(cards)),
        );
    }
    if let Some(chosen) = chosen.filter(|j| j.kind != JourneyKind::Current) {
        notes.push(Note::new("ojf-export-journey-kind").text("journey", &chosen.name));
    }

    let persona = chosen.and_then(|j| j.persona);
    let other_personas: Vec<_> = map
        .personas
        .iter()
        .filter(|p| Some(p.id) != persona)
        .collect();
    if let Some(first) = other_personas.first() {
        notes.push(
            Note::new("ojf-export-other-personas")
                .number("count", count(other_personas.len()))
                .text("example", &first.name),
        );
    }
    if let Some(p) = persona.and_then(|id| map.persona(id)) {
        let more = !p.description.is_empty()
            || !p.needs.is_empty()
            || p.picture.is_some()
            || p.goals.len() > 1;
        if more {
            notes.push(Note::new("ojf-export-persona-details").text("persona", &p.name));
        }
    }

    let mut kinds = Tally::default();
    for lane in &map.lanes {
        if guess_lane_kind(&lane.name) != lane.kind {
            kinds.add_with(&lane.name, lane.kind.label(), 0.0);
        }
    }
    if kinds.count > 0 {
        notes.push(
            Note::new("ojf-export-lane-kinds")
                .number("count", count(kinds.count))
                .text("lane", &kinds.example)
                .text("kind", &kinds.also),
        );
    }

    let mut whys = Tally::default();
    for card in map.cards.iter().filter(|c| Some(c.journey) == journey) {
        if let Some(moment) = card.moment.as_ref().filter(|m| !m.why.is_empty()) {
            whys.add(&moment.why);
        }
    }
    if whys.count > 0 {
        notes.push(
            Note::new("ojf-export-moment-why")
                .number("count", count(whys.count))
                .text("why", &whys.example),
        );
    }

    let forks = journey.map_or(0, |id| map.forks_of(id).count());
    for (key, n) in [
        ("ojf-export-kpis", map.kpis.len()),
        ("ojf-export-actions", map.actions.len()),
        ("ojf-export-phases", map.phases.len()),
        ("ojf-export-forks", forks),
    ] {
        if n > 0 {
            notes.push(Note::new(key).number("count", count(n)));
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Card;

    fn parsed(text: &str) -> Parsed {
        read(text).unwrap_or_else(|e| panic!("{text}\n{e}"))
    }

    fn keys(parsed: &Parsed) -> Vec<&'static str> {
        parsed.notes.iter().map(|n| n.key).collect()
    }

    fn note<'a>(parsed: &'a Parsed, key: &str) -> &'a Note {
        parsed
            .notes
            .iter()
            .find(|n| n.key == key)
            .unwrap_or_else(|| panic!("no note {key} in {:?}", keys(parsed)))
    }

    fn card<'a>(parsed: &'a Parsed, title: &str) -> &'a Card {
        parsed
            .map
            .cards
            .iter()
            .find(|c| c.title == title)
            .unwrap_or_else(|| panic!("no card {title}"))
    }

    /// A "1.0" file with one stage and one lane, around the given nodes.
    fn with_nodes(nodes: &str) -> String {
        format!(
            r#"{{"version": "1.0", "stages": [{{"id": "s1", "name": "One"}}],
                "swimlanes": [{{"id": "sl1", "name": "User Actions"}}], "nodes": [{nodes}]}}"#
        )
    }

    fn feeling_of(score: &str) -> Option<Feeling> {
        let text = with_nodes(&format!(
            r#"{{"stageId": "s1", "swimlaneId": "sl1", "title": "x", "score": {score}}}"#
        ));
        parsed(&text).map.cards[0].feeling
    }

    #[test]
    fn scores_become_faces_by_the_bands() {
        let expected = [
            (-5, Feeling::Angry),
            (-3, Feeling::Angry),
            (-2, Feeling::Sad),
            (-1, Feeling::Sad),
            (0, Feeling::Neutral),
            (1, Feeling::Happy),
            (2, Feeling::Happy),
            (3, Feeling::Delighted),
            (5, Feeling::Delighted),
        ];
        for (score, feeling) in expected {
            assert_eq!(feeling_of(&score.to_string()), Some(feeling), "{score}");
        }
        assert_eq!(feeling_of("-2.6"), Some(Feeling::Angry));
        assert_eq!(feeling_of("\"4\""), Some(Feeling::Delighted));
        assert_eq!(feeling_of("null"), None);
        for feeling in Feeling::ALL {
            assert_eq!(
                feeling_of_score(f64::from(score_of_feeling(feeling))),
                Some(feeling)
            );
        }
    }

    #[test]
    fn a_file_scored_zero_to_ten_is_shifted_and_says_so() {
        let text = with_nodes(
            r#"{"stageId": "s1", "swimlaneId": "sl1", "title": "low", "score": 2},
               {"stageId": "s1", "swimlaneId": "sl1", "title": "high", "score": 8}"#,
        );
        let parsed = parsed(&text);
        assert_eq!(card(&parsed, "low").feeling, Some(Feeling::Angry));
        assert_eq!(card(&parsed, "high").feeling, Some(Feeling::Delighted));
        let shift = note(&parsed, "ojf-scores-0-to-10");
        assert!(shift.message().contains('8'), "{}", shift.message());
    }

    #[test]
    fn a_score_outside_the_scale_gives_no_face_and_is_reported() {
        let text = with_nodes(
            r#"{"stageId": "s1", "swimlaneId": "sl1", "title": "a", "score": -2},
               {"stageId": "s1", "swimlaneId": "sl1", "title": "b", "score": 9, "sentiment": "relieved"},
               {"stageId": "s1", "swimlaneId": "sl1", "title": "c", "score": "very"}"#,
        );
        let parsed = parsed(&text);
        assert_eq!(
            card(&parsed, "b").feeling,
            Some(Feeling::Happy),
            "from the word"
        );
        assert_eq!(card(&parsed, "c").feeling, None);
        assert!(!keys(&parsed).contains(&"ojf-scores-0-to-10"));
        let out = note(&parsed, "ojf-score-out-of-range").message();
        assert!(out.contains('9') && out.contains("“b”"), "{out}");
        let not = note(&parsed, "ojf-score-not-number").message();
        assert!(not.contains("very") && not.contains("“c”"), "{not}");
    }

    #[test]
    fn sentiment_words_stand_in_for_a_missing_score() {
        let cases = [
            ("frustrated", Some(Feeling::Angry)),
            ("anxious", Some(Feeling::Sad)),
            ("Neutral", Some(Feeling::Neutral)),
            ("surprised", Some(Feeling::Happy)),
            ("delighted", Some(Feeling::Delighted)),
            ("contento", Some(Feeling::Happy)),
            ("wistful", None),
        ];
        for (word, feeling) in cases {
            assert_eq!(feeling_of_sentiment(word), feeling, "{word}");
        }
        let text = with_nodes(
            r#"{"stageId": "s1", "swimlaneId": "sl1", "title": "a", "score": null, "sentiment": "annoyed"},
               {"stageId": "s1", "swimlaneId": "sl1", "title": "b", "sentiment": "wistful"}"#,
        );
        let parsed = parsed(&text);
        assert_eq!(card(&parsed, "a").feeling, Some(Feeling::Sad));
        assert_eq!(card(&parsed, "b").feeling, None);
        assert!(
            note(&parsed, "ojf-sentiment-unknown")
                .message()
                .contains("wistful")
        );
        let lost = note(&parsed, "ojf-lost-sentiment");
        assert!(
            lost.args
                .contains(&("count", crate::format::NoteArg::Number(2.0)))
        );
    }

    #[test]
    fn moments_of_truth_take_their_kind_from_purpose_then_feeling() {
        assert_eq!(
            moment_kind(Some("gain"), Some(Feeling::Angry)),
            (MomentKind::Gain, false)
        );
        assert_eq!(
            moment_kind(Some("pain-point"), None),
            (MomentKind::Pain, false)
        );
        assert_eq!(
            moment_kind(Some("bottleneck"), Some(Feeling::Happy)),
            (MomentKind::Pain, false)
        );
        assert_eq!(
            moment_kind(Some("milestone"), Some(Feeling::Delighted)),
            (MomentKind::Gain, false)
        );
        assert_eq!(
            moment_kind(None, Some(Feeling::Sad)),
            (MomentKind::Pain, false)
        );
        assert_eq!(
            moment_kind(Some("touchpoint"), Some(Feeling::Neutral)),
            (MomentKind::Pain, true)
        );
        let text = with_nodes(
            r#"{"stageId": "s1", "swimlaneId": "sl1", "title": "checkout", "score": 0, "isMomentOfTruth": true},
               {"stageId": "s1", "swimlaneId": "sl1", "title": "plain", "isMomentOfTruth": false},
               {"stageId": "s1", "swimlaneId": "sl1", "title": "odd", "isMomentOfTruth": "yes"}"#,
        );
        let parsed = parsed(&text);
        assert_eq!(card(&parsed, "checkout").moment, Some(Moment::pain()));
        assert_eq!(card(&parsed, "plain").moment, None);
        assert_eq!(card(&parsed, "odd").moment, None);
        assert!(
            note(&parsed, "ojf-moment-guessed")
                .message()
                .contains("checkout")
        );
        assert!(
            note(&parsed, "ojf-mistyped")
                .message()
                .contains("isMomentOfTruth")
        );
    }

    #[test]
    fn the_first_tag_naming_a_channel_is_the_channel() {
        let text = with_nodes(
            r#"{"stageId": "s1", "swimlaneId": "sl1", "title": "a", "tags": ["Search", "Mobile", "Chat"]},
               {"stageId": "s1", "swimlaneId": "sl1", "title": "b", "tags": "Desktop, research"}"#,
        );
        let parsed = parsed(&text);
        assert_eq!(card(&parsed, "a").channel, Some(Channel::App));
        assert_eq!(card(&parsed, "b").channel, Some(Channel::Web));
        let lost = note(&parsed, "ojf-lost-tags");
        assert!(
            lost.args
                .contains(&("count", crate::format::NoteArg::Number(3.0)))
        );
        assert!(lost.message().contains("Search"));
    }

    #[test]
    fn nodes_out_of_the_grid_are_kept_in_a_lane_of_their_own() {
        let text = with_nodes(
            r#"{"stageId": "s9", "swimlaneId": "sl1", "title": "lost stage"},
               {"stageId": "s1", "swimlaneId": "sl7", "title": "lost lane"},
               {"swimlaneId": "sl1", "title": ""},
               {"stageId": "s1", "swimlaneId": "sl1", "title": "fine"}"#,
        );
        let parsed = parsed(&text);
        let map = &parsed.map;
        assert_eq!(map.cards.len(), 4);
        let unplaced = map.lanes.last().unwrap();
        assert_eq!(unplaced.name, tr("ojf-lane-unplaced"));
        let in_it = map.cards.iter().filter(|c| c.lane == unplaced.id).count();
        assert_eq!(in_it, 3);
        assert!(map.cards.iter().all(|c| c.stage == map.stages[0].id));
        let message = note(&parsed, "ojf-unplaced").message();
        assert!(
            message.contains("lost stage") && message.contains('3'),
            "{message}"
        );
    }

    #[test]
    fn broken_json_is_refused_where_it_breaks_counting_characters() {
        let text = "{\n  \"title\": \"Año\" \"x\"\n}";
        let error = read(text).unwrap_err();
        // The quote opening `"x"` is the 18th character of its line (the 19th byte).
        assert_eq!(error.position(), Some(Position { line: 2, col: 18 }));
        assert!(
            matches!(&error, ParseError::Refused { note, .. } if note.key == "ojf-json-syntax")
        );
        let cut = read("{\"stages\": [").unwrap_err();
        assert!(
            matches!(&cut, ParseError::Refused { note, at: Some(_) } if note.key == "ojf-json-ends-early")
        );
    }

    #[test]
    fn json_that_is_no_journey_is_refused() {
        for text in [
            "[]",
            "42",
            "{\"name\": \"x\"}",
            "{\"stages\": {}}",
            "{\"nodes\": []}",
        ] {
            let error = read(text).unwrap_err();
            assert!(
                matches!(&error, ParseError::Refused { note, at: None } if note.key == "ojf-not-a-journey"),
                "{text}: {error:?}"
            );
        }
        for text in ["", "  \n", "\u{feff}"] {
            assert!(
                matches!(read(text), Err(ParseError::Refused { note, .. }) if note.key == "ojf-empty")
            );
        }
    }

    #[test]
    fn unknown_fields_are_listed_once_each() {
        let text = r#"{"stages": [{"id": "s1", "name": "A", "colour": 1}], "swimlanes": [],
            "owner": "me", "nodes": [{"stageId": "s1", "title": "t", "colour": 2, "x": 1}]}"#;
        let parsed = parsed(text);
        let message = note(&parsed, "ojf-unknown-keys").message();
        assert!(message.contains("colour") && message.contains("owner") && message.contains('x'));
        assert_eq!(message.matches("colour").count(), 1, "{message}");
    }

    #[test]
    fn the_stage_override_is_the_curve_point_both_ways() {
        let text = r#"{"stages": [{"id": "s1", "name": "A", "overrideEmotion": -4},
            {"id": "s2", "name": "B", "overrideEmotion": ""}], "swimlanes": []}"#;
        let parsed = parsed(text);
        let journey = &parsed.map.journeys[0];
        assert_eq!(
            journey.curve.get(&parsed.map.stages[0].id),
            Some(&Feeling::Angry)
        );
        assert_eq!(journey.curve.len(), 1);
        let written = write(&parsed.map, journey.id);
        assert!(
            written.text.contains("\"overrideEmotion\": -4"),
            "{}",
            written.text
        );
    }

    #[test]
    fn every_word_said_is_in_both_languages() {
        let source = include_str!("ojf.rs");
        let used: HashSet<&str> = source
            .split('"')
            .filter(|s| s.starts_with("ojf-") && s.len() > 4 && !s.contains(' '))
            .collect();
        assert!(used.len() > 30, "{used:?}");
        for lang in crate::i18n::Lang::ALL {
            let known = crate::i18n::keys(lang);
            for key in &used {
                assert!(known.iter().any(|k| k == key), "{key} missing in {lang:?}");
            }
        }
    }
}
