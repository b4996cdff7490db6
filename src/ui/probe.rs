//! The opt-in automation probe (`TRAYECTO_PROBE`): labelled widgets of the frame with their
//! rectangles, so end-to-end tests can find buttons of dialogs on a real screen. The canvas
//! keeps its own list for its painted widgets; this one is for ordinary egui widgets.

use egui::{Context, Id, Rect, Response};
use std::sync::{Arc, Mutex};

type Notes = Arc<Mutex<Vec<(String, Rect)>>>;

fn id() -> Id {
    Id::unique("trayecto automation probe")
}

/// Turns the probe on for this context.
pub fn enable(ctx: &Context) {
    ctx.data_mut(|d| d.insert_temp(id(), Notes::default()));
}

/// Notes a widget under `label`, when the probe is on.
pub fn note(response: &Response, label: &str) {
    if let Some(notes) = response.ctx.data(|d| d.get_temp::<Notes>(id()))
        && let Ok(mut notes) = notes.lock()
    {
        notes.push((label.to_owned(), response.rect));
    }
}

/// The widgets noted since the last call.
pub fn take(ctx: &Context) -> Vec<(String, Rect)> {
    ctx.data(|d| d.get_temp::<Notes>(id()))
        .and_then(|notes| notes.lock().ok().map(|mut n| std::mem::take(&mut *n)))
        .unwrap_or_default()
}
