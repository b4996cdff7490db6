//! Noticing when the open map's file changes on disk (another program, a colleague, git).
//! The watcher only says "something happened to that file"; the window then compares the file
//! with what it last read or wrote (see [`crate::file::Stamp`]), so its own saves never count.

use notify::{RecursiveMode, Watcher as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

pub struct Watcher {
    _inner: notify::RecommendedWatcher,
    events: Receiver<()>,
}

impl Watcher {
    /// Watches `path` (and, for a symbolic link, the file it points to). `wake` is called from
    /// the watcher's thread after each event, to get the window to look.
    pub fn new(path: &Path, wake: impl Fn() + Send + 'static) -> notify::Result<Self> {
        let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let names: Vec<PathBuf> = [path.to_path_buf(), target.clone()]
            .into_iter()
            .filter_map(|p| p.file_name().map(PathBuf::from))
            .collect();
        let (sender, events) = mpsc::channel();
        let mut inner =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else { return };
                if event.kind.is_access() {
                    return;
                }
                let ours = event.paths.is_empty()
                    || event.paths.iter().any(|p| {
                        p.file_name()
                            .is_some_and(|n| names.iter().any(|name| name.as_os_str() == n))
                    });
                if ours && sender.send(()).is_ok() {
                    wake();
                }
            })?;
        let mut folders = vec![folder_of(path)];
        if folder_of(&target) != folders[0] {
            folders.push(folder_of(&target));
        }
        for folder in folders {
            inner.watch(&folder, RecursiveMode::NonRecursive)?;
        }
        Ok(Watcher {
            _inner: inner,
            events,
        })
    }

    /// Whether anything happened to the file since the last call.
    pub fn take_event(&self) -> bool {
        self.events.try_iter().count() > 0
    }
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}
