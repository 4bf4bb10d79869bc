//! Where the app keeps its things. Tests and scripts point every folder at a temporary
//! place (`--vault`/`--config-dir`, or `ATTACHE_VAULT`/`ATTACHE_CONFIG_DIR`), so they never
//! touch a real user's files.

use std::path::PathBuf;

use crate::launch::LaunchArgs;

/// Environment variable naming the config folder (settings, logs, recovery journal).
pub const CONFIG_DIR_ENV: &str = "ATTACHE_CONFIG_DIR";
/// Environment variable naming the vault folder; wins over the setting.
pub const VAULT_ENV: &str = "ATTACHE_VAULT";
/// The bundle identifier, which names the platform config folder.
pub const IDENTIFIER: &str = "org.attache.desktop";

/// The folders the app was told to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folders {
    /// Settings, logs, window state, recovery journal.
    pub config: PathBuf,
    /// A vault named on the command line or in `ATTACHE_VAULT`; it wins over the setting.
    pub vault_override: Option<PathBuf>,
}

impl Folders {
    /// Flag, else environment, else the platform's app-config folder for the bundle
    /// identifier (what Tauri's `app_config_dir` gives: `~/.config/org.attache.desktop`).
    #[must_use]
    pub fn resolve(args: &LaunchArgs) -> Self {
        let config = args
            .config_dir
            .clone()
            .or_else(|| env_path(CONFIG_DIR_ENV))
            .or_else(|| dirs::config_dir().map(|d| d.join(IDENTIFIER)))
            // No home folder at all: keep working from the current folder.
            .unwrap_or_else(|| PathBuf::from(".attache-config"));
        let vault_override = args.vault.clone().or_else(|| env_path(VAULT_ENV));
        Self {
            config,
            vault_override,
        }
    }

    /// The rotating log files' folder.
    #[must_use]
    pub fn logs(&self) -> PathBuf {
        self.config.join("logs")
    }

    /// The current log file (tauri-plugin-log names it after the target's `file_name`; older
    /// files are renamed `attache_<date>.log` when it rotates).
    #[must_use]
    pub fn log_file(&self) -> PathBuf {
        self.logs().join("attache.log")
    }

    /// Window size and position, written by the window-state plugin.
    #[must_use]
    pub fn window_state(&self) -> PathBuf {
        self.config.join("window-state.json")
    }

    /// The crash-recovery journal of unsaved edits.
    #[must_use]
    pub fn recovery(&self) -> PathBuf {
        self.config.join("recovery")
    }
}

fn env_path(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_win() {
        let args = LaunchArgs {
            vault: Some("/tmp/v".into()),
            config_dir: Some("/tmp/c".into()),
            ..LaunchArgs::default()
        };
        let f = Folders::resolve(&args);
        assert_eq!(f.config, PathBuf::from("/tmp/c"));
        assert_eq!(f.vault_override, Some(PathBuf::from("/tmp/v")));
        assert_eq!(f.logs(), PathBuf::from("/tmp/c/logs"));
    }
}
