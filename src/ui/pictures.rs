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
    let path = match looked_at(ctx, folder, picture) {
        Ok(path) => path,
        Err(problem) => return State::Problem(problem),
    };
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

/// What a picture file was found to be when last looked at.
#[derive(Clone)]
struct Looked {
    /// egui time of the look.
    at: f64,
    result: Result<std::path::PathBuf, Problem>,
}

/// How long a look at a picture file holds: the canvas asks every frame, the disk is asked at
/// most this often.
const LOOK_AGAIN_AFTER: f64 = 2.0;

/// The picture's file, located and probed (a regular file inside the map's folder, not too
/// large), from a look at most [`LOOK_AGAIN_AFTER`] seconds old.
fn looked_at(
    ctx: &egui::Context,
    folder: Option<&Path>,
    picture: &str,
) -> Result<std::path::PathBuf, Problem> {
    let key = egui::Id::unique(("trayecto picture", folder, picture));
    let now = ctx.input(|i| i.time);
    if let Some(looked) = ctx.data(|d| d.get_temp::<Looked>(key))
        && now - looked.at < LOOK_AGAIN_AFTER
    {
        return looked.result;
    }
    let result =
        pictures::locate(folder, picture).and_then(|path| pictures::probe(&path).map(|_| path));
    ctx.data_mut(|d| {
        d.insert_temp(
            key,
            Looked {
                at: now,
                result: result.clone(),
            },
        )
    });
    result
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
