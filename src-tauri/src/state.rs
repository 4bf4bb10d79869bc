//! What the commands share: the folders, the launch arguments, the settings and the open vault.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use attache_vault::settings::{self, LoadedSettings};
use attache_vault::{Settings, Vault, VaultEvent, VaultSource, VaultWatcher};

use crate::error::AppError;
use crate::launch::LaunchArgs;
use crate::paths::Folders;
use crate::vouch::{Purpose, Vouched};

/// Called with changes other programs made to the vault (the app forwards them to the UI).
pub type ChangeListener = Arc<dyn Fn(Vec<VaultEvent>) + Send + Sync>;

struct OpenVault {
    vault: Arc<Vault>,
    source: VaultSource,
    _watcher: Option<VaultWatcher>,
}

/// The app's shared state, managed by Tauri.
pub struct AppState {
    /// Config and vault folders.
    pub folders: Folders,
    /// Article files named on the command line, handed to the UI once at start.
    pub startup_files: Mutex<Vec<PathBuf>>,
    /// A folder that stands in for the native file dialogs (`--test-pick-dir`, tests only).
    pub test_pick_dir: Option<PathBuf>,
    /// Where "Show log file" writes the path instead of revealing it (`--test-reveal-file`).
    pub test_reveal_file: Option<PathBuf>,
    /// Where links that would open in the browser are recorded (`--test-opened-file`).
    pub test_opened_file: Option<PathBuf>,
    /// Paths outside the vault the analyst chose (dialogs, drops, the command line).
    pub vouched: Vouched,
    settings: Mutex<LoadedSettings>,
    vault: Mutex<Option<OpenVault>>,
    listener: Mutex<Option<ChangeListener>>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("folders", &self.folders)
            .finish_non_exhaustive()
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // Every value behind these locks is replaced whole, never left half-updated.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl AppState {
    /// State for a run started with `args`; reads the settings (never fails: a corrupt file
    /// gives defaults and a warning the UI shows).
    #[must_use]
    pub fn new(folders: Folders, args: LaunchArgs) -> Self {
        let loaded = settings::load(&folders.config);
        if let Some(w) = &loaded.warning {
            log::warn!("settings: {w}");
        }
        Self {
            test_pick_dir: args.test_pick_dir.clone(),
            test_reveal_file: args.test_reveal_file.clone(),
            test_opened_file: args.test_opened_file.clone(),
            folders,
            vouched: Vouched::default(),
            startup_files: Mutex::new(args.files),
            settings: Mutex::new(loaded),
            vault: Mutex::new(None),
            listener: Mutex::new(None),
        }
    }

    /// Where changes made by other programs are reported; set once the app runs.
    pub fn set_change_listener(&self, listener: ChangeListener) {
        *lock(&self.listener) = Some(listener);
    }

    /// The settings as loaded (with the warning, if the file was damaged).
    #[must_use]
    pub fn settings(&self) -> LoadedSettings {
        lock(&self.settings).clone()
    }

    /// Validates and saves `new`; when the vault folder changed, the next command uses the
    /// new vault (no restart). A new vault folder must be one the analyst just chose in the
    /// folder dialog (or none, for the default folder).
    ///
    /// # Errors
    /// `invalid_argument` for invalid values, `outside_vault` for a folder the dialog did not
    /// give, `io` when the file cannot be written.
    pub fn save_settings(&self, new: Settings) -> Result<Settings, AppError> {
        let vault_changed = lock(&self.settings).settings.vault != new.vault;
        if vault_changed && let Some(folder) = &new.vault {
            settings::validate(&new)?;
            self.vouched
                .take(Purpose::VaultFolder, std::path::Path::new(folder))?;
        }
        settings::save(&self.folders.config, &new)?;
        *lock(&self.settings) = LoadedSettings {
            settings: new.clone(),
            warning: None,
        };
        if vault_changed {
            *lock(&self.vault) = None;
        }
        Ok(new)
    }

    /// The open vault, opening it on first use: `--vault`/`ATTACHE_VAULT`, else the setting,
    /// else the default folder. Only the default folder is created when missing: a chosen
    /// folder that is not there (an unplugged drive, an unmounted share) is an error, never
    /// replaced by an empty one.
    ///
    /// # Errors
    /// `not_found` when a chosen folder is missing, `io` when it cannot be opened.
    pub fn vault(&self) -> Result<Arc<Vault>, AppError> {
        // Settings may have changed since the vault opened: every save fills in the current
        // ones (read before the vault's lock is taken).
        let defaults = self.note_defaults();
        let mut open = lock(&self.vault);
        if let Some(o) = open.as_ref() {
            o.vault.set_note_defaults(defaults);
            return Ok(o.vault.clone());
        }
        let (root, source) = settings::resolve_vault(
            self.folders.vault_override.as_deref(),
            &lock(&self.settings).settings,
        );
        let vault = Arc::new(match source {
            VaultSource::Default => Vault::open(&root)?,
            _ => Vault::open_existing(&root).map_err(|e| missing_vault(e, &root, source))?,
        });
        let watcher = lock(&self.listener).clone().and_then(|listener| {
            vault
                .watch(move |events| listener(events))
                .inspect_err(|e| log::warn!("not watching the vault for outside changes: {e}"))
                .ok()
        });
        vault.set_note_defaults(defaults);
        log::info!("vault opened ({source:?})");
        *open = Some(OpenVault {
            vault: vault.clone(),
            source,
            _watcher: watcher,
        });
        Ok(vault)
    }

    /// The marking and author the vault writes into notes that lack them: the settings'.
    #[must_use]
    pub fn note_defaults(&self) -> attache_vault::NoteDefaults {
        let s = &lock(&self.settings).settings;
        attache_vault::NoteDefaults {
            classification: s.default_classification.clone(),
            author: s.author.clone(),
        }
    }

    /// Where the open vault's folder came from.
    #[must_use]
    pub fn vault_source(&self) -> Option<VaultSource> {
        lock(&self.vault).as_ref().map(|o| o.source)
    }
}

/// The error for a chosen vault folder that is not there, saying where the choice came from.
fn missing_vault(
    e: attache_vault::VaultError,
    root: &std::path::Path,
    source: VaultSource,
) -> AppError {
    if e.code() != attache_vault::ErrorCode::NotFound {
        return e.into();
    }
    let how = match source {
        VaultSource::Flag => "check the --vault option the app was started with",
        VaultSource::Env => "check the ATTACHE_VAULT environment variable",
        VaultSource::Settings | VaultSource::Default => {
            "plug in the drive it is on, or choose another folder in Settings"
        }
    };
    AppError::new(
        attache_vault::ErrorCode::NotFound,
        format!("the vault folder {} is not there: {how}", root.display()),
    )
}
