//! Where the app keeps its own files: settings, the demo workbook and the workbook locks. Tests and
//! portable installs point it elsewhere with `SMARTCITY_DATA_DIR` or an explicit [`DataDir`].

use std::path::{Path, PathBuf};

pub const DATA_DIR_ENV: &str = "SMARTCITY_DATA_DIR";

/// The app's data folder, e.g. `~/.local/share/smartcity-workbench` or `%APPDATA%\smartcity-workbench`.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::data_dir().unwrap_or_else(std::env::temp_dir).join("smartcity-workbench")
}

/// The files the app keeps in one data folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataDir(pub PathBuf);

impl DataDir {
    pub fn from_env() -> Self {
        DataDir(data_dir())
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Where the demo workbook is written on first start and by "Reset demo".
    pub fn demo(&self) -> PathBuf {
        self.0.join("demo-konawe-selatan.smartcity")
    }

    pub fn settings(&self) -> PathBuf {
        self.0.join("settings.json")
    }
}

/// The name stamped on changes: the operating-system user, as a sensible default until the user sets one.
pub fn default_author() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "planner".to_string())
}

/// A folder to suggest for new workbooks: the user's documents, else home, else the current folder.
pub fn documents_dir() -> PathBuf {
    dirs::document_dir().or_else(dirs::home_dir).unwrap_or_else(|| PathBuf::from("."))
}
