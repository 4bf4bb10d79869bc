//! The analyst's settings (stored in the config folder, outside the vault).

use attache_vault::{LoadedSettings, Settings};
use serde::Serialize;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// The settings, with a warning when the file was damaged and defaults were used.
#[tauri::command]
pub fn settings_get(state: State<'_, AppState>) -> LoadedSettings {
    state.settings()
}

/// Validates and saves the settings; a new vault folder takes effect at once.
#[tauri::command]
pub async fn settings_set(
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, AppError> {
    state.save_settings(settings)
}

/// Where the open vault is, and why.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct VaultInfo {
    /// The vault folder (absolute).
    pub path: String,
    /// Where that choice came from.
    pub source: attache_vault::VaultSource,
}

/// The open vault's folder (opening it if needed).
#[tauri::command]
pub async fn vault_info(state: State<'_, AppState>) -> Result<VaultInfo, AppError> {
    let vault = state.vault()?;
    Ok(VaultInfo {
        path: vault.root().to_string_lossy().into_owned(),
        source: state
            .vault_source()
            .unwrap_or(attache_vault::VaultSource::Default),
    })
}
