//! Reading and writing map files on disk: size limits, clear errors, and saves that never leave
//! a damaged file behind, never break a symbolic or hard link, and always reopen.

use crate::format::{self, ParseError};
use crate::i18n::{fmt, tr};
use crate::model::Map;
use std::hash::Hasher;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Map files larger than this are refused before reading: a real map is well under 1 MiB,
/// and 100,000 short cards take about 15 MiB as saved. Saving refuses to write more than this,
/// so every saved map opens again.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Names of our temporary files: `.trayecto-XXXXXX.tmp` next to the file being written.
const TEMP_PREFIX: &str = ".trayecto-";
const TEMP_SUFFIX: &str = ".tmp";
/// A temporary file of ours is locked while it is written; one that is not locked and is older
/// than this (so it is not just being created) belongs to a save or export that was killed.
const STALE_AFTER: Duration = Duration::from_secs(1);

#[derive(Debug)]
pub struct FileError {
    pub path: PathBuf,
    pub kind: FileErrorKind,
}

#[derive(Debug)]
pub enum FileErrorKind {
    Io(io::Error),
    /// A folder, a device or a pipe where a map file was expected.
    NotAFile,
    TooLarge {
        size: u64,
    },
    /// The map as written would be larger than a map file may be.
    TooLargeToSave {
        size: u64,
    },
    NotText,
    Parse(ParseError),
}

impl std::error::Error for FileError {}

impl FileError {
    pub fn new(path: &Path, kind: FileErrorKind) -> Self {
        FileError {
            path: path.to_path_buf(),
            kind,
        }
    }

    /// The message without the file name.
    pub fn message(&self) -> String {
        let mib = |bytes: u64| bytes.div_ceil(1024 * 1024);
        match &self.kind {
            FileErrorKind::Io(e) => io_words(e),
            FileErrorKind::NotAFile => tr("file-not-a-file").to_owned(),
            FileErrorKind::TooLarge { size } => fmt(
                "file-too-large",
                &[
                    ("size", mib(*size).into()),
                    ("limit", mib(MAX_FILE_BYTES).into()),
                ],
            ),
            FileErrorKind::TooLargeToSave { size } => fmt(
                "file-too-large-to-save",
                &[
                    ("size", mib(*size).into()),
                    ("limit", mib(MAX_FILE_BYTES).into()),
                ],
            ),
            FileErrorKind::NotText => tr("file-not-text").to_owned(),
            FileErrorKind::Parse(e) => e.message(),
        }
    }

    pub fn is_not_found(&self) -> bool {
        matches!(&self.kind, FileErrorKind::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.display();
        let position = match &self.kind {
            FileErrorKind::Parse(e) => e.position(),
            _ => None,
        };
        match position {
            Some(at) => write!(f, "{path}:{at}: {}", self.message()),
            None => write!(f, "{path}: {}", self.message()),
        }
    }
}

/// An I/O error in plain words, without the paths of temporary files some libraries add.
pub fn io_words(error: &io::Error) -> String {
    use io::ErrorKind as K;
    let words = match error.kind() {
        K::NotFound => tr("io-not-found"),
        K::PermissionDenied => tr("io-permission-denied"),
        K::AlreadyExists => tr("io-already-exists"),
        K::StorageFull => tr("io-storage-full"),
        K::QuotaExceeded => tr("io-quota-exceeded"),
        K::ReadOnlyFilesystem => tr("io-read-only"),
        K::IsADirectory => tr("io-is-a-folder"),
        K::NotADirectory => tr("io-not-a-folder"),
        K::FileTooLarge => tr("io-file-too-large"),
        K::InvalidFilename => tr("io-invalid-name"),
        K::Interrupted => tr("io-interrupted"),
        _ => {
            return match error.raw_os_error() {
                Some(code) => {
                    let text = io::Error::from_raw_os_error(code).to_string();
                    match text.find(" (os error") {
                        Some(cut) => text[..cut].to_owned(),
                        None => text,
                    }
                }
                None => error.kind().to_string(),
            };
        }
    };
    words.to_owned()
}

/// What a file looked like when we last read or wrote it, to notice changes by others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

impl Stamp {
    pub fn of_bytes(bytes: &[u8], metadata: Option<&std::fs::Metadata>) -> Self {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        hasher.write(bytes);
        Stamp {
            len: bytes.len() as u64,
            modified: metadata.and_then(|m| m.modified().ok()),
            hash: hasher.finish(),
        }
    }

    /// Reads the file now; `Ok(None)` when it no longer exists.
    pub fn read(path: &Path) -> io::Result<Option<Stamp>> {
        match std::fs::read(path) {
            Ok(bytes) => {
                let metadata = std::fs::metadata(path).ok();
                Ok(Some(Stamp::of_bytes(&bytes, metadata.as_ref())))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Whether the file's content differs from this stamp: size and time first, and only when
    /// those differ, the content's hash (a `touch` is not a change).
    pub fn changed_on_disk(&self, path: &Path) -> io::Result<Option<Stamp>> {
        let now = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        if now.len() == self.len && now.modified().ok() == self.modified {
            return Ok(Some(*self));
        }
        Stamp::read(path)
    }

    pub fn same_content(&self, other: &Stamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// A map read from disk.
pub struct Loaded {
    pub map: Map,
    pub stamp: Stamp,
    /// The format version the file is in; older than the current one means it was migrated.
    pub version: u32,
}

/// Loads and validates a map file.
pub fn load(path: &Path) -> Result<Map, FileError> {
    open(path).map(|loaded| loaded.map)
}

/// Loads and validates a map file, and notes what the file looked like.
pub fn open(path: &Path) -> Result<Loaded, FileError> {
    let (text, stamp) = read_text(path, MAX_FILE_BYTES)?;
    let read = format::for_reading(path).read;
    let parsed = read(&text).map_err(|e| FileError::new(path, FileErrorKind::Parse(e)))?;
    Ok(Loaded {
        map: parsed.map,
        stamp,
        version: parsed.version,
    })
}

/// Reads a text file of at most `limit` bytes.
pub fn read_text(path: &Path, limit: u64) -> Result<(String, Stamp), FileError> {
    let error = |kind| FileError::new(path, kind);
    let io = |e| error(FileErrorKind::Io(e));
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        return Err(error(FileErrorKind::NotAFile));
    }
    if metadata.len() > limit {
        let size = metadata.len();
        return Err(error(FileErrorKind::TooLarge { size }));
    }
    // Read at most one byte past the limit, in case the file grows while we read it.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    std::fs::File::open(path)
        .map_err(io)?
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        let size = bytes.len() as u64;
        return Err(error(FileErrorKind::TooLarge { size }));
    }
    let stamp = Stamp::of_bytes(&bytes, Some(&metadata));
    let text = String::from_utf8(bytes).map_err(|_| error(FileErrorKind::NotText))?;
    Ok((text, stamp))
}

/// Keeps a copy of `path` as `NAME.ron.bak` before it is rewritten in a newer format — once:
/// an existing backup (the oldest original) is never replaced. Returns the backup's path.
pub fn keep_backup(path: &Path) -> Result<PathBuf, FileError> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    let backup = path.with_file_name(name);
    if !backup.exists() {
        let bytes = std::fs::read(path).map_err(|e| FileError::new(path, FileErrorKind::Io(e)))?;
        write_atomically(&backup, &bytes)?;
    }
    Ok(backup)
}

/// How a save went.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// The file as written.
    pub stamp: Stamp,
    pub placement: Placement,
}

/// How a file was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Placement {
    /// Rewritten in place (a hard link, or a folder we may not write to) rather than replaced
    /// whole.
    pub in_place: bool,
    /// In place without a copy of the old file aside: the folder is not writable.
    pub without_backup: bool,
}

/// Saves a map (see [`write_atomically`]). A map whose text would be over [`MAX_FILE_BYTES`]
/// is refused before anything is written, so a saved map always opens again.
pub fn save(path: &Path, map: &Map) -> Result<Saved, FileError> {
    let text = format::to_text(map);
    if text.len() as u64 > MAX_FILE_BYTES {
        let size = text.len() as u64;
        return Err(FileError::new(path, FileErrorKind::TooLargeToSave { size }));
    }
    write_atomically(path, text.as_bytes())
}

/// The atomic write behind [`save`], for any bytes.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<Saved, FileError> {
    let placement = write_atomically_with(path, |file| file.write_all(bytes))?;
    let stamp = Stamp::of_bytes(bytes, std::fs::metadata(path).ok().as_ref());
    Ok(Saved { stamp, placement })
}

/// Writes through `write` so the file is always either the old one or the complete new one:
/// into a temporary file next to the real file, synced, then renamed over it. A symbolic link
/// is followed (the link stays, its target gets the new text). A file with other hard links, or
/// in a folder we may not write to, is rewritten in place instead, after a copy of the old file
/// is put aside where possible. If `write` fails, nothing changes.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> io::Result<()>,
) -> Result<Placement, FileError> {
    let io = |e| FileError::new(path, FileErrorKind::Io(e));
    let target = follow_links(path);
    let existing = match std::fs::metadata(&target) {
        Ok(m) if !m.is_file() => return Err(FileError::new(path, FileErrorKind::NotAFile)),
        Ok(m) => Some(m),
        Err(_) => None,
    };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if existing.as_ref().is_some_and(has_other_links) {
        return write_in_place(&target, &folder, write).map_err(io);
    }
    let mut temp = match tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&folder)
    {
        Ok(temp) => temp,
        // A file we may write in a folder we may not: rewrite the file itself.
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied && existing.is_some() => {
            return write_in_place(&target, &folder, write).map_err(io);
        }
        Err(e) => return Err(io(e)),
    };
    // Marks the file as being written, for `remove_stale_temporaries` of other processes.
    // Where locks are not supported the file is only removed once old.
    let _ = temp.as_file().lock();
    // Keep the permissions of the file being replaced; a new file gets the usual rw-r--r--
    // rather than the temporary file's private mode, so others can open a shared map.
    let permissions = match &existing {
        Some(existing) => Some(existing.permissions()),
        None => new_file_permissions(),
    };
    if let Some(permissions) = permissions {
        let _ = std::fs::set_permissions(temp.path(), permissions);
    }
    write(temp.as_file_mut()).map_err(io)?;
    temp.flush().map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(&target).map_err(|e| io(e.error))?;
    // Make the rename itself durable; not every platform can open a folder, so best effort.
    if let Ok(dir) = std::fs::File::open(&folder) {
        let _ = dir.sync_all();
    }
    remove_stale_temporaries(&folder);
    Ok(Placement::default())
}

/// The file a path names, following symbolic links (even to a file not created yet).
fn follow_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // A bounded number of hops: a loop of links is left for the write to report.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(&current) {
                Ok(next) => {
                    current = match current.parent() {
                        Some(parent) if next.is_relative() => parent.join(next),
                        _ => next,
                    }
                }
                Err(_) => return current,
            },
            _ => return current,
        }
    }
    current
}

#[cfg(unix)]
fn has_other_links(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    metadata.nlink() > 1
}

#[cfg(not(unix))]
fn has_other_links(_: &std::fs::Metadata) -> bool {
    false
}

/// Rewrites `target` in place, keeping its identity (hard links, owner). A copy of the old
/// content is put aside first when the folder allows it, and removed once the new content is
/// safely on disk; a write killed half-way leaves that copy, named after the file.
fn write_in_place(
    target: &Path,
    folder: &Path,
    write: impl FnOnce(&mut std::fs::File) -> io::Result<()>,
) -> io::Result<Placement> {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let backup = folder.join(format!(".{name}.trayecto-backup"));
    let backed_up = std::fs::copy(target, &backup)
        .and_then(|_| std::fs::File::open(&backup)?.sync_all())
        .is_ok();
    let mut file = std::fs::OpenOptions::new().write(true).open(target)?;
    write(&mut file)?;
    let end = file.stream_position()?;
    file.set_len(end)?;
    file.sync_all()?;
    if backed_up {
        let _ = std::fs::remove_file(&backup);
    }
    Ok(Placement {
        in_place: true,
        without_backup: !backed_up,
    })
}

/// Removes our temporary files in `folder` left by saves or exports that were killed: those no
/// process holds locked.
pub fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        let old = metadata
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if !(metadata.is_file() && old) {
            continue;
        }
        let unlocked = std::fs::File::open(entry.path()).is_ok_and(|f| f.try_lock().is_ok());
        if unlocked {
            let _ = std::fs::remove_file(entry.path());
        }
    }
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
