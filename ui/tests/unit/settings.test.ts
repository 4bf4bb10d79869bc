import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import { applyTheme, DEFAULT_SETTINGS, SettingsStore } from "../../src/lib/stores/settings.svelte";

describe("settings", () => {
  it("applies the theme on <html>: forced themes set data-theme, system removes it", () => {
    const root = document.createElement("html");
    applyTheme("dark", root);
    expect(root.dataset.theme).toBe("dark");
    applyTheme("system", root);
    expect(root.dataset.theme).toBeUndefined();
  });

  it("loads settings and surfaces Rust's warning about a corrupt file", async () => {
    mockIPC((cmd) => {
      if (cmd === "settings_get")
        return {
          settings: { ...DEFAULT_SETTINGS, theme: "dark" },
          warning: "The settings file could not be read; defaults are in use.",
        };
      throw { code: "internal", message: `unexpected ${cmd}` };
    });
    const s = new SettingsStore();
    await s.load();
    expect(s.value.theme).toBe("dark");
    expect(s.warning).toContain("defaults are in use");
    expect(document.documentElement.dataset.theme).toBe("dark");
    applyTheme("system");
  });

  it("keeps working with defaults when the settings cannot be loaded, and keeps Rust's refusal on save", async () => {
    mockIPC((cmd) => {
      if (cmd === "settings_get") throw { code: "io", message: "config folder not writable" };
      if (cmd === "settings_set") throw { code: "invalid_argument", message: "the vault folder does not exist" };
      return null;
    });
    const s = new SettingsStore();
    await s.load();
    expect(s.loaded).toBe(true);
    expect(s.value).toEqual(DEFAULT_SETTINGS);
    expect(s.error?.code).toBe("io");
    expect(await s.save({ ...DEFAULT_SETTINGS, vault: "/nope" })).toBe(false);
    expect(s.error?.code).toBe("invalid_argument");
    expect(s.value.vault).toBeNull();
  });
});
