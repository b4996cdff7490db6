//! Helpers shared by the test areas: driving the window's fields, journals as a crashed editor
//! leaves them, and reading the words of an SVG.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::{Path, PathBuf};
use trayecto::model::Map;
use trayecto::recovery::{self, Header};
use trayecto::ui::TrayectoApp;

/// Ctrl+Z, and the frames that follow it.
pub(crate) fn undo(harness: &mut Harness<'_, TrayectoApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}

/// Focuses the `nth` text field labelled `label`, replaces its text, and leaves it.
pub(crate) fn type_into(
    harness: &mut Harness<'_, TrayectoApp>,
    label: &str,
    nth: usize,
    text: &str,
) {
    harness
        .get_all_by_label(label)
        .filter(|n| n.accesskit_node().role() == Role::TextInput)
        .nth(nth)
        .unwrap_or_else(|| panic!("no field {label} #{nth}"))
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(Event::Text(text.into()));
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
}

/// A journal of `map` as an editor that crashed leaves it (its process is not running), saved
/// at `time` (seconds since 1970) after `changes` edits; `path` is the map's file, if it had
/// one. It is a journal of the first version (which counted every keystroke and did not say
/// which journey was shown): they must stay readable. Returns the journal's file.
pub(crate) fn crashed_journal(
    data: &Path,
    key: &str,
    map: &Map,
    path: Option<&Path>,
    time: u64,
    changes: u64,
) -> PathBuf {
    let header = Header {
        journal: 1,
        path: path.map(Path::to_path_buf),
        title: map.title.clone(),
        time,
        changes,
        cards: map.cards.len(),
        pid: u32::MAX - 1,
        shown: None,
        inbox: Vec::new(),
    };
    let folder = recovery::journal_dir(data);
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join(format!("{key}.ron"));
    std::fs::write(&file, recovery::journal_text(&header, map)).unwrap();
    file
}

/// Every `<text>` of an SVG, in order: what a slide tool shows as words.
pub(crate) fn svg_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect()
}
