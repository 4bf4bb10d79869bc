// The analyst's settings (kept by Rust outside the vault) and the theme they imply.
import type { Settings } from "../bindings/Settings";
import type { Theme } from "../bindings/Theme";
import * as ipc from "../ipc";
import { CommandError, toCommandError } from "../ipc";

export const MARKINGS = [
  "UNCLASSIFIED",
  "OFFICIAL",
  "OFFICIAL-SENSITIVE",
  "TLP:CLEAR",
  "TLP:GREEN",
  "TLP:AMBER",
  "TLP:AMBER+STRICT",
  "TLP:RED",
] as const;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  vault: null,
  author: null,
  default_classification: "UNCLASSIFIED",
  link_style: "wikilinks",
  theme: "system",
};

/** Sets the theme on the document: `system` follows `prefers-color-scheme`. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === "system") delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export class SettingsStore {
  value = $state<Settings>({ ...DEFAULT_SETTINGS });
  loaded = $state(false);
  error = $state<CommandError | null>(null);
  /** Set when the settings file was corrupt or partly ignored: Rust says what it did. */
  warning = $state<string | null>(null);

  async load(): Promise<void> {
    try {
      const loaded = await ipc.settingsGet();
      this.value = loaded.settings;
      this.warning = loaded.warning;
      this.error = null;
    } catch (e) {
      // Keep working with defaults; the settings panel shows why.
      this.error = toCommandError(e);
    }
    this.loaded = true;
    applyTheme(this.value.theme);
  }

  /** Saves new settings; Rust validates and returns what it stored. */
  async save(next: Settings): Promise<boolean> {
    try {
      this.value = await ipc.settingsSet(next);
      this.error = null;
      applyTheme(this.value.theme);
      return true;
    } catch (e) {
      this.error = toCommandError(e);
      return false;
    }
  }

  /** Theme changes apply at once, even before the save returns. */
  previewTheme(theme: Theme): void {
    applyTheme(theme);
  }
}
