//! Persona pictures: PNG or JPEG files next to the map, named by a path relative to the map's
//! folder. A picture that is missing, outside that folder or not an image never stops a map
//! from opening: it shows as a placeholder, with a warning that says why.

use crate::model::{Map, Persona};
use std::fmt;
use std::path::{Component, Path, PathBuf};

/// Pictures are shown small; larger ones are scaled down to this many pixels on the longer
/// side when decoded for export (8× export of a 60-point picture).
pub const MAX_SIDE: u32 = 512;

/// A picture file larger than this is not read: a portrait needs far less.
pub const MAX_PICTURE_BYTES: u64 = 8 * 1024 * 1024;

/// A picture wider or taller than this is not decoded (it would take hundreds of megabytes
/// for a portrait drawn 60 points wide).
pub const MAX_PICTURE_SIDE: u32 = 4096;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The map has no file yet, so a relative path means nothing.
    MapNotSaved,
    /// An absolute path, or one that climbs out of the map's folder with `..`.
    OutsideFolder,
    /// Not `.png`, `.jpg` or `.jpeg`.
    NotAnImageName,
    Missing,
    /// A folder, a device or a pipe, not a file.
    NotAFile,
    /// Over [`MAX_PICTURE_BYTES`].
    TooLarge {
        bytes: u64,
    },
    /// Over [`MAX_PICTURE_SIDE`] wide or tall.
    TooManyPixels {
        width: u32,
        height: u32,
    },
    /// The file is there but does not decode as a PNG or JPEG.
    NotDecodable,
    /// The file could not be read (the reason in our words).
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
            Problem::NotAFile => f.write_str(tr("picture-not-a-file")),
            Problem::TooLarge { bytes } => f.write_str(&fmt(
                "picture-too-large",
                &[
                    ("size", bytes.div_ceil(1024 * 1024).into()),
                    ("limit", (MAX_PICTURE_BYTES / (1024 * 1024)).into()),
                ],
            )),
            Problem::TooManyPixels { width, height } => f.write_str(&fmt(
                "picture-too-many-pixels",
                &[
                    ("width", (*width).into()),
                    ("height", (*height).into()),
                    ("limit", MAX_PICTURE_SIDE.into()),
                ],
            )),
            Problem::NotDecodable => f.write_str(tr("picture-not-decodable")),
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

/// Where a picture really is, checked on disk: the file [`resolve`] names, with every link
/// followed, must still be inside the map's folder (a link may not lead out of it) and be a
/// regular file.
pub fn locate(map_folder: Option<&Path>, picture: &str) -> Result<PathBuf, Problem> {
    let path = resolve(map_folder, picture)?;
    let folder = map_folder.ok_or(Problem::MapNotSaved)?;
    let real = std::fs::canonicalize(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Problem::Missing,
        _ => Problem::Unreadable(crate::file::io_words(&e)),
    })?;
    let real_folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    if !real.starts_with(&real_folder) {
        return Err(Problem::OutsideFolder);
    }
    Ok(real)
}

/// Checks a located picture without decoding it, from its size and its header alone: only a
/// regular file (a pipe is never waited on), of at most [`MAX_PICTURE_BYTES`], a PNG or a JPEG
/// of at most [`MAX_PICTURE_SIDE`] pixels each way.
pub fn probe(path: &Path) -> Result<image::ImageFormat, Problem> {
    let file = open_picture(path)?;
    let reader = image::ImageReader::new(std::io::BufReader::new(file))
        .with_guessed_format()
        .map_err(|e| Problem::Unreadable(crate::file::io_words(&e)))?;
    let format = reader.format().ok_or(Problem::NotDecodable)?;
    if !matches!(format, image::ImageFormat::Png | image::ImageFormat::Jpeg) {
        return Err(Problem::NotDecodable);
    }
    let (width, height) = reader
        .into_dimensions()
        .map_err(|_| Problem::NotDecodable)?;
    if width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE {
        return Err(Problem::TooManyPixels { width, height });
    }
    Ok(format)
}

/// Opens a picture file: a regular file of at most [`MAX_PICTURE_BYTES`].
fn open_picture(path: &Path) -> Result<std::fs::File, Problem> {
    use crate::file::FileErrorKind;
    let (file, metadata) = crate::file::open_regular(path).map_err(|e| match e.kind {
        FileErrorKind::NotAFile => Problem::NotAFile,
        FileErrorKind::Io(e) if e.kind() == std::io::ErrorKind::NotFound => Problem::Missing,
        FileErrorKind::Io(e) => Problem::Unreadable(crate::file::io_words(&e)),
        _ => Problem::Unreadable(e.message()),
    })?;
    if metadata.len() > MAX_PICTURE_BYTES {
        return Err(Problem::TooLarge {
            bytes: metadata.len(),
        });
    }
    Ok(file)
}

/// Reads and decodes a located picture (after [`probe`]), scaled down to [`MAX_SIDE`].
pub fn decode(path: &Path) -> Result<image::RgbaImage, Problem> {
    let format = probe(path)?;
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(open_picture(path)?, MAX_PICTURE_BYTES + 1),
        &mut bytes,
    )
    .map_err(|e| Problem::Unreadable(crate::file::io_words(&e)))?;
    if bytes.len() as u64 > MAX_PICTURE_BYTES {
        return Err(Problem::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(&bytes), format);
    // The header may lie about the size: never allocate more than the largest allowed picture.
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_PICTURE_SIDE);
    limits.max_image_height = Some(MAX_PICTURE_SIDE);
    limits.max_alloc = Some(u64::from(MAX_PICTURE_SIDE).pow(2) * 4 + (16 << 20));
    reader.limits(limits);
    let image = reader.decode().map_err(|_| Problem::NotDecodable)?;
    let image = if image.width().max(image.height()) > MAX_SIDE {
        image.thumbnail(MAX_SIDE, MAX_SIDE)
    } else {
        image
    };
    Ok(image.to_rgba8())
}

/// The picture of a persona, located and probed on disk (not decoded).
pub fn check(map_folder: Option<&Path>, persona: &Persona) -> Option<Result<PathBuf, Warning>> {
    let picture = persona.picture.as_deref()?;
    let warn = |problem| Warning {
        persona: persona.name.clone(),
        picture: picture.to_owned(),
        problem,
    };
    Some(
        locate(map_folder, picture)
            .and_then(|path| probe(&path).map(|_| path))
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
