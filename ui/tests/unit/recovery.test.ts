import { mockIPC } from "@tauri-apps/api/mocks";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { JOURNAL_LAG_MS, RecoveryJournal } from "../../src/lib/stores/recovery.svelte";
import { loadLayout, saveLayout } from "../../src/lib/layout";
import { createMockBackend, type MockBackend } from "../fixtures/mock-backend";

let backend: MockBackend;
beforeEach(() => {
  backend = createMockBackend();
  mockIPC((cmd, args) => backend.handle(cmd, (args ?? {}) as Record<string, unknown>));
});

const src = (markdown: string, unsaved = true) => ({ path: "a.md", markdown, source: null, unsaved });

describe("RecoveryJournal", () => {
  it("writes unsaved text at most JOURNAL_LAG_MS behind typing, with the latest text", async () => {
    vi.useFakeTimers();
    const j = new RecoveryJournal();
    j.track(src("a"));
    j.track(src("ab"));
    await vi.advanceTimersByTimeAsync(JOURNAL_LAG_MS - 50);
    expect(backend.journal).toBeNull();
    j.track(src("abc"));
    await vi.advanceTimersByTimeAsync(60);
    expect(backend.journal?.markdown).toBe("abc");
    expect(backend.calls.filter((c) => c === "recovery_write")).toHaveLength(1);
  });

  it("clears the journal once the text is saved", async () => {
    vi.useFakeTimers();
    const j = new RecoveryJournal();
    j.track(src("abc"));
    await vi.advanceTimersByTimeAsync(JOURNAL_LAG_MS + 10);
    j.track(src("abc", false));
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.journal).toBeNull();
  });

  it("offers an entry left by a crash and never overwrites it before the choice", async () => {
    vi.useFakeTimers();
    backend.journal = { path: "a.md", markdown: "lost text", source: null, saved_at_ms: 1 };
    const j = new RecoveryJournal();
    expect((await j.check())?.markdown).toBe("lost text");
    j.track(src("new text"));
    await vi.advanceTimersByTimeAsync(JOURNAL_LAG_MS * 3);
    expect(backend.journal?.markdown).toBe("lost text");
    expect((await j.decide(true))?.markdown).toBe("lost text");
    expect(j.offer).toBeNull();
  });

  it("discarding clears the journal", async () => {
    backend.journal = { path: null, markdown: "x", source: "article", saved_at_ms: 1 };
    const j = new RecoveryJournal();
    await j.check();
    expect(await j.decide(false)).toBeNull();
    expect(backend.journal).toBeNull();
  });
});

describe("layout", () => {
  it("round-trips and survives garbage", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    } as unknown as Storage;
    const fresh = { openNote: null, showPreview: true, widths: null };
    expect(loadLayout(storage)).toEqual(fresh);
    const mine = { openNote: "n.md", showPreview: false, widths: [240, 400, 380] as [number, number, number] };
    saveLayout(mine, storage);
    expect(loadLayout(storage)).toEqual(mine);
    store.set("attache.layout.v1", JSON.stringify({ ...mine, widths: [1, "x"] }));
    expect(loadLayout(storage).widths).toBeNull();
    store.set("attache.layout.v1", "{not json");
    expect(loadLayout(storage)).toEqual(fresh);
  });
});
