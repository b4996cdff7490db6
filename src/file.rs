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
    /// Not UTF-8 text; where the first byte that is not was found.
    NotText {
        at: Option<format::Position>,
    },
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
            FileErrorKind::NotText { .. } => tr("file-not-text").to_owned(),
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
            FileErrorKind::NotText { at } => *at,
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
    // Some libraries (the PNG encoder) pass an I/O error on as its English text only: find the
    // system's error code in it, and say that in our words.
    if error.kind() == K::Other
        && error.raw_os_error().is_none()
        && let Some(code) = os_error_code(&error.to_string())
    {
        return io_words(&io::Error::from_raw_os_error(code));
    }
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
        #[cfg(unix)]
        _ if error.raw_os_error() == Some(libc::ELOOP) => tr("io-link-loop"),
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

/// The system error code at the end of an error's text: "No space left on device (os error 28)".
fn os_error_code(text: &str) -> Option<i32> {
    let start = text.rfind("(os error ")? + "(os error ".len();
    text[start..].strip_suffix(')')?.parse().ok()
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
    /// Something that is not a regular file (a pipe put in its place) is an error, not a
    /// wait.
    pub fn read(path: &Path) -> io::Result<Option<Stamp>> {
        match read_bytes(path, MAX_FILE_BYTES) {
            Ok((bytes, metadata)) => Ok(Some(Stamp::of_bytes(&bytes, Some(&metadata)))),
            Err(FileError {
                kind: FileErrorKind::Io(e),
                ..
            }) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io::Error::other(e)),
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
    /// The format the file is in: Trayecto's own, or another tool's (an import).
    pub format: &'static format::MapFormat,
    /// What an import could not carry whole (empty for Trayecto's own files).
    pub notes: Vec<format::Note>,
}

impl Loaded {
    /// Read from another tool's format: a new map, not this file's.
    pub fn is_import(&self) -> bool {
        !self.format.is_native()
    }
}

/// Loads and validates a map file.
pub fn load(path: &Path) -> Result<Map, FileError> {
    open(path).map(|loaded| loaded.map)
}

/// Loads and validates a map file, and notes what the file looked like.
pub fn open(path: &Path) -> Result<Loaded, FileError> {
    let format = format::for_reading(path);
    let (bytes, metadata) = read_bytes(path, MAX_FILE_BYTES)?;
    let stamp = Stamp::of_bytes(&bytes, Some(&metadata));
    let mut notes = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) if format.id == "csv" => {
            // A sheet saved by an older spreadsheet: read it in the encoding it was saved in,
            // and say so (accents are worth a look).
            let (text, encoding) = format::text::decode_sheet(error.as_bytes());
            notes.push(format::Note::new("import-encoding").text("encoding", encoding));
            text
        }
        Err(error) => return Err(not_text(path, error.as_bytes())),
    };
    let parsed = (format.read)(&text).map_err(|e| FileError::new(path, FileErrorKind::Parse(e)))?;
    let mut map = parsed.map;
    if map.title.trim().is_empty()
        && let Some(stem) = path.file_stem()
    {
        map.title = stem.to_string_lossy().into_owned();
    }
    notes.extend(parsed.notes);
    Ok(Loaded {
        map,
        stamp,
        version: parsed.version,
        format,
        notes,
    })
}

/// Reads a text file of at most `limit` bytes.
pub fn read_text(path: &Path, limit: u64) -> Result<(String, Stamp), FileError> {
    let (bytes, metadata) = read_bytes(path, limit)?;
    let stamp = Stamp::of_bytes(&bytes, Some(&metadata));
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, stamp)),
        Err(error) => Err(not_text(path, error.as_bytes())),
    }
}

/// "not UTF-8 text", at the line and column of the first byte that is not.
fn not_text(path: &Path, bytes: &[u8]) -> FileError {
    let at = std::str::from_utf8(bytes).err().map(|error| {
        let good = &bytes[..error.valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
        format::Position { line, col }
    });
    FileError::new(path, FileErrorKind::NotText { at })
}

/// Reads a regular file of at most `limit` bytes.
fn read_bytes(path: &Path, limit: u64) -> Result<(Vec<u8>, std::fs::Metadata), FileError> {
    let error = |kind| FileError::new(path, kind);
    let io = |e| error(FileErrorKind::Io(e));
    let (file, metadata) = open_regular(path)?;
    if metadata.len() > limit {
        let size = metadata.len();
        return Err(error(FileErrorKind::TooLarge { size }));
    }
    // Read at most one byte past the limit, in case the file grows while we read it.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        let size = bytes.len() as u64;
        return Err(error(FileErrorKind::TooLarge { size }));
    }
    Ok((bytes, metadata))
}

/// Opens a regular file for reading, and only that: a folder, a device or a pipe is refused
/// before anything waits on it (a pipe is opened without blocking, then refused by its type).
pub fn open_regular(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), FileError> {
    let error = |kind| FileError::new(path, kind);
    // By type first: a folder or a device is refused before it is opened at all.
    let before = std::fs::metadata(path).map_err(|e| error(FileErrorKind::Io(e)))?;
    if !before.is_file() {
        return Err(error(FileErrorKind::NotAFile));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Swapped for a pipe since the look above, it still opens at once.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options
        .open(path)
        .map_err(|e| error(FileErrorKind::Io(e)))?;
    let metadata = file.metadata().map_err(|e| error(FileErrorKind::Io(e)))?;
    if !metadata.is_file() {
        return Err(error(FileErrorKind::NotAFile));
    }
    Ok((file, metadata))
}

/// What became of the original when a map is rewritten in a newer format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Backup {
    /// The original was copied to this file.
    Written(PathBuf),
    /// This file already holds an earlier original, and is kept as it is.
    Earlier(PathBuf),
}

/// Keeps a copy of `path` as `NAME.ron.bak` before it is rewritten in a newer format — once:
/// an existing backup (the oldest original) is never replaced. The copy is a new regular file
/// with the map's own permissions, created where nothing stands (never through a link); a
/// folder, a link or anything else already at that name is an error, and the map is left as it
/// was.
pub fn keep_backup(path: &Path) -> Result<Backup, FileError> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    let backup = path.with_file_name(name);
    let refuse = |kind| Err(FileError::new(&backup, kind));
    match std::fs::symlink_metadata(&backup) {
        Ok(m) if m.file_type().is_file() => return Ok(Backup::Earlier(backup)),
        Ok(_) => return refuse(FileErrorKind::NotAFile),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return refuse(FileErrorKind::Io(e)),
    }
    let (bytes, metadata) = read_bytes(path, MAX_FILE_BYTES)?;
    let io = |e| FileError::new(&backup, FileErrorKind::Io(e));
    let mut file = create_new(&backup, Some(mode_of(&metadata))).map_err(io)?;
    let written = file.write_all(&bytes).and_then(|()| file.sync_all());
    if let Err(e) = written {
        drop(file);
        let _ = std::fs::remove_file(&backup);
        return Err(io(e));
    }
    Ok(Backup::Written(backup))
}

/// Creates a new file exclusively: never through a symbolic link, never over anything that is
/// there. `mode` is its permissions on Unix (the umask still applies).
fn create_new(path: &Path, mode: Option<u32>) -> io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
        options.mode(mode.unwrap_or(0o666));
    }
    #[cfg(not(unix))]
    let _ = mode;
    options.open(path)
}

/// The permissions of the file at `path` (following links), if it is there.
pub fn mode(path: &Path) -> Option<u32> {
    std::fs::metadata(path).ok().map(|m| mode_of(&m))
}

#[cfg(unix)]
fn mode_of(metadata: &std::fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    metadata.permissions().mode() & 0o777
}

#[cfg(not(unix))]
fn mode_of(_: &std::fs::Metadata) -> u32 {
    0o666
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

/// How a write treats what already stands at its path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// Follow a symbolic link and write the file it points to (the user's own links to maps
    /// and images); otherwise the link itself is replaced and nothing is written where it
    /// points (Trayecto's own files: journals, preferences).
    pub follow_links: bool,
    /// A file that other names share (hard links) is rewritten in place, so every name sees
    /// the new content (maps); otherwise this name gets a new file and the others keep the old
    /// one (images, which must never be seen half-written).
    pub keep_hard_links: bool,
    /// Permissions of a new file (Unix), before the umask; an existing file keeps its own.
    pub mode: u32,
}

impl Rules {
    /// A map file: links followed, hard links kept, readable by others as the umask allows.
    pub const MAP: Rules = Rules {
        follow_links: true,
        keep_hard_links: true,
        mode: 0o666,
    };
    /// An exported image: replaced whole, even where other names share the old one.
    pub const IMAGE: Rules = Rules {
        follow_links: true,
        keep_hard_links: false,
        mode: 0o666,
    };

    /// One of Trayecto's own files: never written through a link, with these permissions.
    pub const fn own(mode: u32) -> Rules {
        Rules {
            follow_links: false,
            keep_hard_links: false,
            mode,
        }
    }
}

/// Saves a map (see [`write_atomically`]). A map whose text would be over [`MAX_FILE_BYTES`]
/// is refused before anything is written, so a saved map always opens again.
pub fn save(path: &Path, map: &Map) -> Result<Saved, FileError> {
    let text = map_text(map, MAX_FILE_BYTES)
        .map_err(|size| FileError::new(path, FileErrorKind::TooLargeToSave { size }))?;
    write_atomically(path, text.as_bytes(), Rules::MAP)
}

/// The text a map is saved as: one line per item, or, when that would be over `limit` bytes
/// (a map near the limit, read from a file written more tightly), the compact text, which
/// opens the same. `Err` with the smaller size when even that is over.
pub fn map_text(map: &Map, limit: u64) -> Result<String, u64> {
    let text = format::to_text(map);
    if text.len() as u64 <= limit {
        return Ok(text);
    }
    let compact = format::ron::to_compact_text(map);
    if compact.len() as u64 <= limit {
        Ok(compact)
    } else {
        Err(compact.len() as u64)
    }
}

/// Writes the map in another format (chosen by the file's extension; Trayecto's own when
/// none matches), whole or not at all. Formats that hold one journey write `journey`. Returns
/// what the format could not hold.
pub fn write_as(
    path: &Path,
    map: &Map,
    journey: crate::model::JourneyId,
) -> Result<Vec<format::Note>, FileError> {
    let format = format::for_reading(path);
    if format.is_native() {
        return save(path, map).map(|_| Vec::new());
    }
    let written = (format.write)(map, journey);
    write_atomically(path, written.text.as_bytes(), Rules::MAP)?;
    Ok(written.notes)
}

/// The atomic write behind [`save`], for any bytes.
pub fn write_atomically(path: &Path, bytes: &[u8], rules: Rules) -> Result<Saved, FileError> {
    let placement = write_atomically_with(path, rules, |file| file.write_all(bytes))?;
    let stamp = Stamp::of_bytes(bytes, std::fs::metadata(path).ok().as_ref());
    Ok(Saved { stamp, placement })
}

/// Writes through `write` so the file is always either the old one or the complete new one:
/// into a temporary file next to the real file, synced, then renamed over it. New files get
/// `rules.mode` less the umask; a replaced file keeps its permissions.
///
/// Where the file must be rewritten in place — it shares its content with other names and the
/// rules keep them, or the folder may not be written to — the new content is first written
/// whole and synced aside, a copy of the old content is kept, and room for the new content is
/// taken in the file before its first byte changes: a full disk leaves the old file byte for
/// byte. If `write` fails, nothing changes.
pub fn write_atomically_with(
    path: &Path,
    rules: Rules,
    write: impl FnOnce(&mut std::fs::File) -> io::Result<()>,
) -> Result<Placement, FileError> {
    let io = |e| FileError::new(path, FileErrorKind::Io(e));
    let target = if rules.follow_links {
        follow_links(path).map_err(io)?
    } else {
        path.to_path_buf()
    };
    let existing = match std::fs::symlink_metadata(&target) {
        Ok(m) if m.file_type().is_symlink() => None,
        Ok(m) if !m.is_file() => return Err(FileError::new(path, FileErrorKind::NotAFile)),
        Ok(m) => Some(m),
        Err(_) => None,
    };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if rules.keep_hard_links && existing.as_ref().is_some_and(has_other_links) {
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
    // Keep the permissions of the file being replaced; a new one gets what the umask allows of
    // the rules' mode, rather than the temporary file's private mode.
    let permissions = match &existing {
        Some(existing) => Some(existing.permissions()),
        None => new_file_permissions(rules.mode),
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

/// The file a path names, following symbolic links (even to a file not created yet). A loop
/// of links (or a chain of more than 40) is an error: never replaced by a file.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(&current) {
                Ok(next) => {
                    current = match current.parent() {
                        Some(parent) if next.is_relative() => parent.join(next),
                        _ => next,
                    }
                }
                Err(_) => return Ok(current),
            },
            _ => return Ok(current),
        }
    }
    #[cfg(unix)]
    return Err(io::Error::from_raw_os_error(libc::ELOOP));
    #[cfg(not(unix))]
    Err(io::Error::other("too many links"))
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

/// Rewrites `target` in place, keeping its identity (hard links, owner), in steps that never
/// leave it damaged by a full disk:
/// 1. the new content is written whole and synced aside (next to the file when the folder
///    allows, so it is on the same disk; else in the temporary folder);
/// 2. a copy of the old content is put next to the file, when the folder allows;
/// 3. the file grows to the new length before its content changes (on a full disk it shrinks
///    back and nothing else happened);
/// 4. the new content is copied over it, the file cut to length and synced.
///
/// If step 4 fails half-way, the old content is copied back from step 2's copy. A write killed
/// during step 4 leaves that copy, named after the file.
fn write_in_place(
    target: &Path,
    folder: &Path,
    write: impl FnOnce(&mut std::fs::File) -> io::Result<()>,
) -> io::Result<Placement> {
    let beside = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(folder);
    let folder_writable = beside.is_ok();
    let mut staged = match beside {
        Ok(staged) => staged,
        Err(_) => tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile()?,
    };
    let _ = staged.as_file().lock();
    write(staged.as_file_mut())?;
    staged.flush()?;
    staged.as_file().sync_all()?;
    let new_len = staged.as_file().metadata()?.len();

    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let backup = folder.join(format!(".{name}.trayecto-backup"));
    let backed_up = folder_writable && {
        let _ = std::fs::remove_file(&backup);
        let copied =
            std::fs::copy(target, &backup).and_then(|_| std::fs::File::open(&backup)?.sync_all());
        if let Err(e) = copied {
            // No room for the copy: stop before the file is touched.
            let _ = std::fs::remove_file(&backup);
            return Err(e);
        }
        true
    };

    let mut file = std::fs::OpenOptions::new().write(true).open(target)?;
    let old_len = file.metadata()?.len();
    if new_len > old_len
        && let Err(e) = take_room(&mut file, old_len, new_len)
    {
        let _ = file.set_len(old_len);
        let _ = file.sync_all();
        if backed_up {
            let _ = std::fs::remove_file(&backup);
        }
        return Err(e);
    }
    let copied = (|| {
        let source = staged.as_file_mut();
        source.rewind()?;
        file.rewind()?;
        io::copy(source, &mut file)?;
        file.set_len(new_len)?;
        file.sync_all()
    })();
    if let Err(e) = copied {
        if backed_up && restore_from(&backup, &mut file).is_ok() {
            let _ = std::fs::remove_file(&backup);
        }
        return Err(e);
    }
    if backed_up {
        let _ = std::fs::remove_file(&backup);
    }
    Ok(Placement {
        in_place: true,
        without_backup: !backed_up,
    })
}

/// Grows `file` from `from` to `to` bytes with zeros and syncs, so the disk has given the room
/// before any of the file's own bytes change.
fn take_room(file: &mut std::fs::File, from: u64, to: u64) -> io::Result<()> {
    const CHUNK: usize = 64 * 1024;
    let zeros = [0u8; CHUNK];
    file.seek(io::SeekFrom::Start(from))?;
    let mut left = to - from;
    while left > 0 {
        let n = left.min(CHUNK as u64) as usize;
        file.write_all(&zeros[..n])?;
        left -= n as u64;
    }
    file.sync_all()
}

/// Puts the old content back after a failed rewrite in place.
fn restore_from(backup: &Path, file: &mut std::fs::File) -> io::Result<()> {
    let mut old = std::fs::File::open(backup)?;
    file.rewind()?;
    let len = io::copy(&mut old, file)?;
    file.set_len(len)?;
    file.sync_all()
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

/// The permissions of a new file: `mode` less the process's umask.
#[cfg(unix)]
fn new_file_permissions(mode: u32) -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(mode & !umask()))
}

#[cfg(not(unix))]
fn new_file_permissions(_: u32) -> Option<std::fs::Permissions> {
    None
}

/// The process's umask, read once. Linux says it in /proc without changing it; elsewhere it is
/// read by setting it and putting it straight back, before any other thread writes files.
#[cfg(unix)]
pub fn umask() -> u32 {
    static UMASK: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *UMASK.get_or_init(|| {
        let from_proc = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                let line = s.lines().find(|l| l.starts_with("Umask:"))?;
                u32::from_str_radix(line.trim_start_matches("Umask:").trim(), 8).ok()
            });
        from_proc.unwrap_or_else(|| {
            // SAFETY: umask only swaps the process's mask; it is put back at once.
            let old = unsafe { libc::umask(0o022) };
            unsafe { libc::umask(old) };
            // mode_t is narrower than u32 on some systems.
            #[allow(clippy::useless_conversion)]
            u32::from(old)
        })
    })
}
