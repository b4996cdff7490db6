//! Small preference files (RON) in the user's config folder. Losing one is harmless, so
//! reading falls back to `None` and writing never disturbs the editor.

use serde::{Serialize, de::DeserializeOwned};
use std::path::Path;

pub fn load<T: DeserializeOwned>(dir: Option<&Path>, name: &str) -> Option<T> {
    let text = std::fs::read_to_string(dir?.join(name)).ok()?;
    ron::from_str(&text).ok()
}

pub fn save<T: Serialize>(dir: Option<&Path>, name: &str, value: &T) {
    let Some(dir) = dir else { return };
    let Ok(text) = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::new()) else {
        return;
    };
    let _ = std::fs::create_dir_all(dir);
    let _ =
        crate::file::write_atomically(&dir.join(name), text.as_bytes(), crate::file::Rules::MAP);
}
