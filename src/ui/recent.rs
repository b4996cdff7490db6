//! The "Open recent" list, kept in the user's config folder.

use std::path::{Path, PathBuf};

const MAX: usize = 10;
const FILE: &str = "recent.ron";

pub struct Recent {
    paths: Vec<PathBuf>,
    /// Where the list is kept; `None` when there is no config folder (nothing is remembered).
    store: Option<PathBuf>,
}

impl Recent {
    /// Reads the list; a missing or unreadable list is an empty one (it is only a convenience).
    pub fn load(config_dir: Option<&Path>) -> Self {
        let store = config_dir.map(|d| d.join(FILE));
        let paths = store
            .as_deref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|text| ron::from_str::<Vec<PathBuf>>(&text).ok())
            .unwrap_or_default();
        Self { paths, store }
    }

    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// Puts `path` first.
    pub fn add(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.paths.retain(|p| *p != path);
        self.paths.insert(0, path);
        self.paths.truncate(MAX);
        self.save();
    }

    pub fn remove(&mut self, path: &Path) {
        self.paths.retain(|p| p != path);
        self.save();
    }

    pub fn clear(&mut self) {
        self.paths.clear();
        self.save();
    }

    fn save(&self) {
        let Some(store) = &self.store else { return };
        let Ok(text) = ron::ser::to_string_pretty(&self.paths, ron::ser::PrettyConfig::new())
        else {
            return;
        };
        if let Some(dir) = store.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        // Losing the recent list is harmless; a failure here must not disturb the editor.
        let _ = crate::file::write_atomically(store, text.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_newest_first_without_duplicates() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        std::fs::write(&a, "").unwrap();
        std::fs::write(&b, "").unwrap();
        let mut recent = Recent::load(Some(dir.path()));
        recent.add(&a);
        recent.add(&b);
        recent.add(&a);
        let again = Recent::load(Some(dir.path()));
        let names: Vec<_> = again
            .paths()
            .iter()
            .map(|p| p.file_name().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["a.ron", "b.ron"]);
    }
}
