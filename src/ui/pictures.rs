//! Persona pictures in the window, through egui_extras's image loaders (files are read and
//! decoded in the background; the canvas shows the initial until the picture is ready).

use crate::model::{Map, Persona};
use crate::paint::{Pictures, Portrait};
use crate::pictures::{self, Problem};
use crate::view::View;
use egui::load::{SizeHint, TexturePoll};
use std::path::Path;

/// The `file://` address egui's loaders know a picture by.
pub fn uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    format!("file://{}", absolute.display())
}

/// Where a persona's picture stands in the window.
pub enum State {
    NoPicture,
    Loading,
    Shown(egui::load::SizedTexture),
    Problem(Problem),
}

pub fn state(ctx: &egui::Context, folder: Option<&Path>, persona: &Persona) -> State {
    let Some(picture) = persona.picture.as_deref() else {
        return State::NoPicture;
    };
    let path = match pictures::resolve(folder, picture) {
        Ok(path) => path,
        Err(problem) => return State::Problem(problem),
    };
    if !path.is_file() {
        return State::Problem(Problem::Missing);
    }
    match ctx.try_load_texture(
        &uri(&path),
        egui::TextureOptions::LINEAR,
        SizeHint::default(),
    ) {
        Ok(TexturePoll::Ready { texture }) => State::Shown(texture),
        Ok(TexturePoll::Pending { .. }) => State::Loading,
        Err(error) => State::Problem(Problem::Unreadable(error.to_string())),
    }
}

/// The portrait of the persona the view shows, for the canvas.
pub fn portraits(ctx: &egui::Context, map: &Map, view: &View, folder: Option<&Path>) -> Pictures {
    let mut found = Pictures::default();
    if let Some(persona) = view.persona(map) {
        let portrait = match state(ctx, folder, persona) {
            State::NoPicture | State::Loading => None,
            State::Shown(texture) => Some(Portrait::Shown {
                texture: texture.id,
                size: texture.size,
            }),
            State::Problem(_) => Some(Portrait::Missing),
        };
        if let Some(portrait) = portrait {
            found.0.insert(persona.id, portrait);
        }
    }
    found
}
