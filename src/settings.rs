//! What the app remembers between starts: the language, the recent workbooks and the author name. A missing
//! or broken settings file falls back to defaults; it is never a reason not to start.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::paths;

const MAX_RECENT: usize = 10;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The name stamped on every change; empty means the operating-system user.
    pub author: String,
}

impl Settings {
    pub fn load_from(path: &Path) -> Settings {
        std::fs::read_to_string(path).ok().and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default()
    }

    /// Save through a temporary file and a rename, so a crash never leaves half a settings file.
    pub fn save_to(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let temp = path.with_extension("json.tmp");
        std::fs::write(&temp, serde_json::to_string_pretty(self).map_err(std::io::Error::other)?)?;
        std::fs::rename(temp, path)
    }

    /// Put `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    pub fn last_workbook(&self) -> Option<&Path> {
        self.recent.first().map(PathBuf::as_path)
    }

    pub fn author(&self) -> String {
        if self.author.trim().is_empty() { paths::default_author() } else { self.author.trim().to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_broken_files_fall_back_to_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        assert_eq!(Settings::load_from(&path), Settings::default());

        let mut settings = Settings { lang: Lang::En, ..Settings::default() };
        for i in 0..12 {
            settings.remember(&dir.path().join(format!("{i}.smartcity")));
        }
        settings.remember(&dir.path().join("3.smartcity"));
        assert_eq!(settings.recent.len(), MAX_RECENT);
        assert!(settings.recent[0].ends_with("3.smartcity"));
        settings.save_to(&path).unwrap();
        assert_eq!(Settings::load_from(&path), settings);

        std::fs::write(&path, "{ not json").unwrap();
        assert_eq!(Settings::load_from(&path), Settings::default());
    }
}
