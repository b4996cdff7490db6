//! The "Open recent" list, kept in the user's config folder.

use std::path::{Path, PathBuf};

const MAX: usize = 10;
const FILE: &str = "recent.ron";

pub struct Recent {
    paths: Vec<PathBuf>,
    /// The config folder; `None` when there is none (nothing is remembered).
    dir: Option<PathBuf>,
}

impl Recent {
    /// Reads the list; a missing or unreadable list is an empty one (it is only a convenience).
    pub fn load(config_dir: Option<&Path>) -> Self {
        Self {
            paths: super::prefs::load(config_dir, FILE).unwrap_or_default(),
            dir: config_dir.map(Path::to_path_buf),
        }
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
        super::prefs::save(self.dir.as_deref(), FILE, &self.paths);
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
