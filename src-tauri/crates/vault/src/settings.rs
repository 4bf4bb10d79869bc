//! The app's settings: a versioned JSON file in the config folder, shared by the desktop app
//! and the CLI. Loading never fails: a missing file gives defaults, a corrupt one gives
//! defaults plus a warning to show (and the corrupt file is kept aside, not overwritten).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Result, VaultError};

/// Bundle identifier: names the platform config folder.
pub const APP_ID: &str = "org.attache.desktop";
/// Settings file name inside the config folder.
pub const FILE_NAME: &str = "settings.json";
/// The largest settings file read (this build writes a few hundred bytes).
const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Version of the settings format this build writes.
pub const VERSION: u32 = 1;

/// How Attaché writes links between notes: the renderer's own type, so the setting and the
/// note cannot disagree.
pub use attache_engine::render::LinkStyle;

/// Colour theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// The analyst's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Settings {
    /// Format version ([`VERSION`]).
    pub version: u32,
    /// The vault folder; `null` means the default folder.
    pub vault: Option<String>,
    /// Author name written into new notes.
    pub author: Option<String>,
    /// Marking for new notes.
    pub default_classification: String,
    /// Link style in new notes.
    pub link_style: LinkStyle,
    /// Colour theme.
    pub theme: Theme,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            version: VERSION,
            vault: None,
            author: None,
            default_classification: crate::vault::DEFAULT_CLASSIFICATION.to_owned(),
            link_style: LinkStyle::default(),
            theme: Theme::default(),
        }
    }
}

/// Settings as loaded, with a warning to show when the file had to be (partly) ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct LoadedSettings {
    /// The settings to use.
    pub settings: Settings,
    /// `null`, or a sentence for the analyst about what was wrong and what was done.
    pub warning: Option<String>,
}

/// The config folder: `ATTACHE_CONFIG_DIR` when set, else the platform's app-config folder for
/// [`APP_ID`] (on Linux `~/.config/org.attache.desktop`, as Tauri's `app_config_dir`).
///
/// # Errors
/// [`VaultError::Settings`] when the platform has no config folder and the variable is unset.
pub fn config_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("ATTACHE_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::config_dir().map(|d| d.join(APP_ID)).ok_or_else(|| {
        VaultError::Settings("no config folder on this system: set ATTACHE_CONFIG_DIR".to_owned())
    })
}

/// The default vault folder: `Attaché` in the user's documents folder (else home folder).
#[must_use]
pub fn default_vault_dir() -> PathBuf {
    dirs::document_dir()
        .or_else(|| dirs::home_dir().map(|h| h.join("Documents")))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("Attaché")
}

/// Where the vault folder came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum VaultSource {
    /// `--vault` on the command line (or a folder the caller chose).
    Flag,
    /// The `ATTACHE_VAULT` environment variable.
    Env,
    /// The app's settings.
    Settings,
    /// [`default_vault_dir`].
    Default,
}

/// Chooses the vault folder: `flag`, else `ATTACHE_VAULT`, else the setting, else the default.
#[must_use]
pub fn resolve_vault(flag: Option<&Path>, settings: &Settings) -> (PathBuf, VaultSource) {
    if let Some(f) = flag {
        return (f.to_owned(), VaultSource::Flag);
    }
    if let Some(v) = std::env::var_os("ATTACHE_VAULT").filter(|v| !v.is_empty()) {
        return (PathBuf::from(v), VaultSource::Env);
    }
    if let Some(v) = settings.vault.as_deref().filter(|v| !v.is_empty()) {
        return (PathBuf::from(v), VaultSource::Settings);
    }
    (default_vault_dir(), VaultSource::Default)
}

/// Loads the settings from `dir`. Each field is checked on its own: a bad field falls back to
/// its default (and says so in `warning`); a file that is not JSON is moved aside to
/// `settings.json.corrupt-<time>` so a later save cannot destroy it.
#[must_use]
pub fn load(dir: &Path) -> LoadedSettings {
    let path = dir.join(FILE_NAME);
    // A pipe or device under that name would block every command: regular files only, and
    // no more than a settings file can sensibly be.
    let bytes = match crate::files::read_bounded(&path, MAX_FILE_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return LoadedSettings {
                settings: Settings::default(),
                warning: None,
            };
        }
        Err(e) => {
            return LoadedSettings {
                settings: Settings::default(),
                warning: Some(format!(
                    "could not read {} ({e}); using the default settings",
                    path.display()
                )),
            };
        }
    };
    let value: Value = match serde_json::from_slice(&bytes) {
        Ok(v @ Value::Object(_)) => v,
        // The damaged file stays where it is, untouched, so every start says so (and a second
        // instance or a retried launch sees the same thing) until the analyst saves settings;
        // `save` then keeps it aside rather than overwriting it.
        _ => {
            return LoadedSettings {
                settings: Settings::default(),
                warning: Some(format!(
                    "the settings file {} is damaged; the defaults are used until you save your settings (the damaged file is then kept beside it)",
                    path.display()
                )),
            };
        }
    };
    let (settings, problems) = from_value(&value);
    let warning = (!problems.is_empty()).then(|| {
        format!(
            "some settings were invalid and were reset: {}",
            problems.join("; ")
        )
    });
    LoadedSettings { settings, warning }
}

fn from_value(v: &Value) -> (Settings, Vec<String>) {
    let mut s = Settings::default();
    let mut problems = Vec::new();
    if let Some(version) = v.get("version").and_then(Value::as_u64)
        && version > u64::from(VERSION)
    {
        problems.push(format!(
            "written by a newer Attaché (format {version}); unknown settings are ignored"
        ));
    }
    match v.get("vault") {
        None | Some(Value::Null) => {}
        Some(Value::String(p)) if Path::new(p).is_absolute() => s.vault = Some(p.clone()),
        Some(_) => problems.push("vault must be an absolute folder path".to_owned()),
    }
    match v.get("author") {
        None | Some(Value::Null) => {}
        Some(Value::String(a)) if valid_line(a, 200) => s.author = Some(a.trim().to_owned()),
        Some(_) => problems.push("author must be one line of at most 200 characters".to_owned()),
    }
    match v.get("default_classification") {
        None => {}
        Some(Value::String(c)) if valid_line(c, 64) && !c.trim().is_empty() => {
            s.default_classification = c.trim().to_owned();
        }
        Some(_) => problems
            .push("default_classification must be one line of at most 64 characters".to_owned()),
    }
    if let Some(l) = v.get("link_style") {
        match serde_json::from_value(l.clone()) {
            Ok(l) => s.link_style = l,
            Err(_) => problems.push("link_style must be \"wikilinks\" or \"markdown\"".to_owned()),
        }
    }
    if let Some(t) = v.get("theme") {
        match serde_json::from_value(t.clone()) {
            Ok(t) => s.theme = t,
            Err(_) => problems.push("theme must be \"system\", \"light\" or \"dark\"".to_owned()),
        }
    }
    (s, problems)
}

fn valid_line(s: &str, max_chars: usize) -> bool {
    s.chars().count() <= max_chars && !s.chars().any(char::is_control)
}

/// Checks settings before saving them.
///
/// # Errors
/// [`VaultError::Settings`] naming the first invalid field.
pub fn validate(settings: &Settings) -> Result<()> {
    let (_, problems) = from_value(&serde_json::to_value(settings).unwrap_or(Value::Null));
    match problems.into_iter().find(|p| !p.starts_with("written by")) {
        Some(p) => Err(VaultError::Settings(p)),
        None => Ok(()),
    }
}

/// Validates and saves the settings atomically into `dir` (created if missing).
///
/// # Errors
/// [`VaultError::Settings`] for invalid values, [`VaultError::Io`] when writing fails.
pub fn save(dir: &Path, settings: &Settings) -> Result<()> {
    validate(settings)?;
    std::fs::create_dir_all(dir).map_err(|e| VaultError::io("create", dir, e))?;
    let mut s = settings.clone();
    s.version = VERSION;
    let mut json =
        serde_json::to_vec_pretty(&s).map_err(|e| VaultError::Settings(e.to_string()))?;
    json.push(b'\n');
    let path = dir.join(FILE_NAME);
    keep_damaged_file(dir, &path)?;
    crate::atomic::write_atomic(&path, &json).map_err(|e| VaultError::io("write", &path, e))
}

/// Moves a settings file that does not parse aside (`settings.json.corrupt-<time>`) so that
/// saving never destroys what the analyst or another program wrote there.
fn keep_damaged_file(dir: &Path, path: &Path) -> Result<()> {
    let Ok(bytes) = crate::files::read_bounded(path, MAX_FILE_BYTES) else {
        return Ok(()); // nothing there (or unreadable: the atomic write reports that)
    };
    if matches!(
        serde_json::from_slice::<Value>(&bytes),
        Ok(Value::Object(_))
    ) {
        return Ok(());
    }
    let aside = dir.join(format!(
        "{FILE_NAME}.corrupt-{}",
        chrono::Utc::now().format("%Y%m%dT%H%M%S")
    ));
    std::fs::rename(path, &aside).map_err(|e| VaultError::io("keep", path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_gives_defaults_without_warning() {
        let dir = tempfile::tempdir().unwrap();
        let l = load(dir.path());
        assert_eq!(l.settings, Settings::default());
        assert_eq!(l.warning, None);
    }

    #[test]
    fn saves_and_loads_back() {
        let dir = tempfile::tempdir().unwrap();
        let s = Settings {
            vault: Some(dir.path().join("v").to_string_lossy().into_owned()),
            author: Some("A. Analyst".into()),
            default_classification: "OFFICIAL".into(),
            link_style: LinkStyle::Markdown,
            theme: Theme::Dark,
            ..Settings::default()
        };
        save(dir.path(), &s).unwrap();
        assert_eq!(
            load(dir.path()),
            LoadedSettings {
                settings: s,
                warning: None
            }
        );
    }

    #[test]
    fn corrupt_file_gives_defaults_a_warning_and_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "{not json").unwrap();
        for _ in 0..2 {
            // Every start says so, and loading never touches the file.
            let l = load(dir.path());
            assert_eq!(l.settings, Settings::default());
            assert!(l.warning.unwrap().contains("damaged"));
            assert_eq!(std::fs::read_to_string(&path).unwrap(), "{not json");
        }
        // Saving keeps the damaged file beside the new one.
        save(dir.path(), &Settings::default()).unwrap();
        assert_eq!(load(dir.path()).warning, None);
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(
            std::fs::read_to_string(kept[0].path()).unwrap(),
            "{not json"
        );
    }

    #[test]
    fn one_bad_field_resets_only_that_field() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            r#"{"version":1,"theme":"purple","default_classification":"OFFICIAL","vault":"relative/path"}"#,
        )
        .unwrap();
        let l = load(dir.path());
        assert_eq!(l.settings.theme, Theme::System);
        assert_eq!(l.settings.default_classification, "OFFICIAL");
        assert_eq!(l.settings.vault, None);
        let w = l.warning.unwrap();
        assert!(w.contains("theme") && w.contains("vault"), "{w}");
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_named_settings_json_does_not_hang() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(
            made.is_ok_and(|s| s.success()),
            "mkfifo (coreutils) is needed"
        );
        // Loading in a thread: on failure the test reports instead of hanging forever.
        let (tx, rx) = std::sync::mpsc::channel();
        let d = dir.path().to_owned();
        std::thread::spawn(move || tx.send(load(&d)).unwrap());
        let l = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("loading the settings hung on a pipe");
        assert_eq!(l.settings, Settings::default());
        assert!(l.warning.unwrap().contains("could not read"));
    }

    #[test]
    fn invalid_settings_are_not_saved() {
        let dir = tempfile::tempdir().unwrap();
        let s = Settings {
            default_classification: "A\nB".into(),
            ..Settings::default()
        };
        assert!(matches!(save(dir.path(), &s), Err(VaultError::Settings(_))));
        assert!(!dir.path().join(FILE_NAME).exists());
    }
}
