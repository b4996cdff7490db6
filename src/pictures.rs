//! Persona pictures: PNG or JPEG files next to the map, named by a path relative to the map's
//! folder. A picture that is missing, outside that folder or not an image never stops a map
//! from opening: it shows as a placeholder, with a warning that says why.

use crate::model::{Map, Persona};
use std::fmt;
use std::path::{Component, Path, PathBuf};

/// Pictures are shown small; larger ones are scaled down to this many pixels on the longer
/// side when decoded for export (8× export of a 60-point picture).
pub const MAX_SIDE: u32 = 512;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The map has no file yet, so a relative path means nothing.
    MapNotSaved,
    /// An absolute path, or one that climbs out of the map's folder with `..`.
    OutsideFolder,
    /// Not `.png`, `.jpg` or `.jpeg`.
    NotAnImageName,
    Missing,
    /// The file is there but does not decode as a PNG or JPEG.
    Unreadable(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::i18n::{fmt, tr};
        match self {
            Problem::MapNotSaved => f.write_str(tr("picture-map-not-saved")),
            Problem::OutsideFolder => f.write_str(tr("picture-outside-folder")),
            Problem::NotAnImageName => f.write_str(tr("picture-not-an-image")),
            Problem::Missing => f.write_str(tr("picture-missing")),
            Problem::Unreadable(why) => {
                f.write_str(&fmt("picture-unreadable", &[("why", why.as_str().into())]))
            }
        }
    }
}

/// A persona's picture that cannot be shown, for warnings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub persona: String,
    pub picture: String,
    pub problem: Problem,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::fmt(
            "picture-warning",
            &[
                ("persona", self.persona.as_str().into()),
                ("picture", self.picture.as_str().into()),
                ("problem", self.problem.to_string().as_str().into()),
            ],
        ))
    }
}

/// Takes a picture chosen for a persona into the map's folder: a picture inside the folder is
/// named by its path there; one from elsewhere is copied in first, under a name not yet taken
/// (`face-2.png`). Returns the path to keep in the map (relative to the folder, with `/`) and
/// whether the file was copied.
pub fn adopt(picture: &Path, map_folder: &Path) -> std::io::Result<(String, bool)> {
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (relative, copied) = match canonical(picture).strip_prefix(canonical(map_folder)) {
        Ok(inside) => (inside.to_path_buf(), false),
        Err(_) => {
            let name = picture.file_name().map(PathBuf::from).unwrap_or_default();
            let mut target = map_folder.join(&name);
            let mut n = 2;
            while target.exists() {
                let stem = name.file_stem().unwrap_or_default().to_string_lossy();
                let extension = name.extension().unwrap_or_default().to_string_lossy();
                target = map_folder.join(format!("{stem}-{n}.{extension}"));
                n += 1;
            }
            std::fs::copy(picture, &target)?;
            let copied = target.strip_prefix(map_folder).unwrap_or(&target);
            (copied.to_path_buf(), true)
        }
    };
    Ok((relative.to_string_lossy().replace('\\', "/"), copied))
}

/// The file a picture path names, if it is an acceptable one: relative, inside the map's
/// folder, a PNG or JPEG name. Does not look at the disk.
pub fn resolve(map_folder: Option<&Path>, picture: &str) -> Result<PathBuf, Problem> {
    let relative = Path::new(picture);
    let inside = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !inside || picture.trim().is_empty() {
        return Err(Problem::OutsideFolder);
    }
    let extension = relative
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(extension.as_deref(), Some("png" | "jpg" | "jpeg")) {
        return Err(Problem::NotAnImageName);
    }
    let folder = map_folder.ok_or(Problem::MapNotSaved)?;
    Ok(folder.join(relative))
}

/// Reads and decodes a picture, scaled down to [`MAX_SIDE`].
pub fn decode(path: &Path) -> Result<image::RgbaImage, Problem> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Problem::Missing,
        _ => Problem::Unreadable(crate::file::io_words(&e)),
    })?;
    let image = image::load_from_memory(&bytes).map_err(|e| Problem::Unreadable(e.to_string()))?;
    let image = if image.width().max(image.height()) > MAX_SIDE {
        image.thumbnail(MAX_SIDE, MAX_SIDE)
    } else {
        image
    };
    Ok(image.to_rgba8())
}

/// The picture of a persona, resolved and checked on disk.
pub fn check(map_folder: Option<&Path>, persona: &Persona) -> Option<Result<PathBuf, Warning>> {
    let picture = persona.picture.as_deref()?;
    let warn = |problem| Warning {
        persona: persona.name.clone(),
        picture: picture.to_owned(),
        problem,
    };
    Some(
        resolve(map_folder, picture)
            .and_then(|path| decode(&path).map(|_| path))
            .map_err(warn),
    )
}

/// Warnings for every persona picture of the map that cannot be shown.
pub fn warnings(map: &Map, map_folder: Option<&Path>) -> Vec<Warning> {
    map.personas
        .iter()
        .filter_map(|p| check(map_folder, p)?.err())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_images_inside_the_folder_are_resolved() {
        let folder = Path::new("/maps/pizza");
        assert_eq!(
            resolve(Some(folder), "people/lucia.png"),
            Ok(folder.join("people/lucia.png"))
        );
        assert_eq!(
            resolve(Some(folder), "./Lucia.JPG"),
            Ok(folder.join("./Lucia.JPG"))
        );
        for outside in ["../lucia.png", "/etc/lucia.png", "a/../../b.png", ""] {
            assert_eq!(resolve(Some(folder), outside), Err(Problem::OutsideFolder));
        }
        assert_eq!(
            resolve(Some(folder), "notes.txt"),
            Err(Problem::NotAnImageName)
        );
        assert_eq!(resolve(None, "lucia.png"), Err(Problem::MapNotSaved));
    }
}
