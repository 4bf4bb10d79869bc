import { mockIPC } from "@tauri-apps/api/mocks";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Library, SEARCH_DEBOUNCE_MS } from "../../src/lib/stores/library.svelte";
import { createMockBackend, FIXTURE_ARTICLE, fixtureBrief, type MockBackend } from "../fixtures/mock-backend";

let backend: MockBackend;
beforeEach(() => {
  backend = createMockBackend();
  mockIPC((cmd, args) => backend.handle(cmd, (args ?? {}) as Record<string, unknown>));
  const brief = fixtureBrief(FIXTURE_ARTICLE, "2026-03-01");
  const meta = { title: null, classification: "OFFICIAL", link_style: null };
  backend.handle("note_create", { brief, source: FIXTURE_ARTICLE, meta });
  const other = { ...brief, title: "Other", parties: [brief.parties[1]], positions: [] };
  backend.handle("note_create", { brief: other, source: "x", meta });
});

describe("Library", () => {
  it("lists notes and the parties they name", async () => {
    const lib = new Library();
    await lib.refresh();
    expect(lib.notes).toHaveLength(2);
    expect(lib.parties).toEqual(["Élise Moreau", "Jonas Köhler", "unnamed senior official"]);
  });

  it("searches as you type, debounced, and clears back to all notes", async () => {
    vi.useFakeTimers();
    const lib = new Library();
    await lib.refresh();
    lib.setQuery("mon");
    lib.setQuery("monitors");
    expect(backend.calls.filter((c) => c === "notes_search")).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 10);
    expect(backend.calls.filter((c) => c === "notes_search")).toHaveLength(1);
    expect(lib.visible.map((n) => n.title)).toEqual([
      "Ministers meet in Genève as talks on the Danube corridor resume 🚢",
    ]);
    expect(lib.snippet(lib.visible[0].path)).toContain("monitors");
    lib.setQuery("");
    expect(lib.visible).toHaveLength(2);
  });

  it("filters by party", async () => {
    const lib = new Library();
    await lib.refresh();
    lib.partyFilter = "Élise Moreau";
    expect(lib.visible).toHaveLength(1);
    lib.partyFilter = "Jonas Köhler";
    expect(lib.visible).toHaveLength(2);
  });

  it("shows every note and position for a party", async () => {
    const lib = new Library();
    await lib.showParty("Jonas Köhler");
    expect(lib.partyHits).toHaveLength(2);
    expect(lib.partyHits[0].positions.map((p) => p.text)).toEqual(["can reopen within two weeks if both sides sign."]);
  });

  it("moves a note to the trash and restores it", async () => {
    const lib = new Library();
    await lib.refresh();
    const path = lib.notes[0].path;
    expect(await lib.remove(path)).toBe(true);
    expect(lib.notes).toHaveLength(1);
    await lib.loadTrash();
    expect(lib.trash).toHaveLength(1);
    expect(await lib.restore(lib.trash[0].trash_id)).toBe(path);
    expect(lib.notes).toHaveLength(2);
    expect(lib.trash).toHaveLength(0);
  });
});
