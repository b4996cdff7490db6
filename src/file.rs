//! Reading and writing map files on disk: size limits, clear errors, and saves that never leave
//! a damaged file behind.

use crate::format::{self, ParseError};
use crate::model::Map;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Map files larger than this are refused before reading: a real map is well under 1 MiB,
/// and 100,000 cards fit in about 25 MiB.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

pub const EXTENSION: &str = "ron";

#[derive(Debug)]
pub struct FileError {
    pub path: PathBuf,
    pub kind: FileErrorKind,
}

#[derive(Debug)]
pub enum FileErrorKind {
    Io(std::io::Error),
    NotAFile,
    TooLarge { size: u64 },
    NotText,
    Parse(ParseError),
}

impl std::error::Error for FileError {}

fn error(path: &Path, kind: FileErrorKind) -> FileError {
    FileError {
        path: path.to_path_buf(),
        kind,
    }
}

/// Loads and validates a map file.
pub fn load(path: &Path) -> Result<Map, FileError> {
    let io = |e| error(path, FileErrorKind::Io(e));
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        return Err(error(path, FileErrorKind::NotAFile));
    }
    if metadata.len() > MAX_FILE_BYTES {
        let size = metadata.len();
        return Err(error(path, FileErrorKind::TooLarge { size }));
    }
    // Read at most one byte past the limit, in case the file grows while we read it.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    std::fs::File::open(path)
        .map_err(io)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let size = bytes.len() as u64;
        return Err(error(path, FileErrorKind::TooLarge { size }));
    }
    let text = String::from_utf8(bytes).map_err(|_| error(path, FileErrorKind::NotText))?;
    format::parse(&text).map_err(|e| error(path, FileErrorKind::Parse(e)))
}

/// Saves atomically: the text goes to a temporary file in the same folder, is flushed and
/// synced, then renamed over the target. On any failure the target is untouched.
pub fn save(path: &Path, map: &Map) -> Result<(), FileError> {
    write_atomically(path, format::to_text(map).as_bytes())
}

/// The atomic write behind [`save`], for any bytes.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// Writes through `write` into a temporary file next to `path`, syncs it and renames it over
/// `path`. If `write` fails, the temporary file is removed and `path` is untouched.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), FileError> {
    let io = |e| error(path, FileErrorKind::Io(e));
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".trayecto-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(io)?;
    // Keep the permissions of the file being replaced; a new file gets the usual rw-r--r--
    // rather than the temporary file's private mode, so others can open a shared map.
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => Some(existing.permissions()),
        Err(_) => new_file_permissions(),
    };
    if let Some(permissions) = permissions {
        let _ = std::fs::set_permissions(temp.path(), permissions);
    }
    write(temp.as_file_mut()).map_err(io)?;
    temp.flush().map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(path).map_err(|e| io(e.error))?;
    // Make the rename itself durable; not every platform can open a folder, so best effort.
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(unix)]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    None
}
