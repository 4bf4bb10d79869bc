import { mockIPC } from "@tauri-apps/api/mocks";
import { beforeEach, describe, expect, it } from "vitest";
import { Workspace } from "../../src/lib/stores/workspace.svelte";
import { createMockBackend, FIXTURE_ARTICLE, type MockBackend } from "../fixtures/mock-backend";

let backend: MockBackend;
beforeEach(() => {
  backend = createMockBackend();
  mockIPC((cmd, args) => backend.handle(cmd, (args ?? {}) as Record<string, unknown>));
});

describe("Workspace", () => {
  it("drafts the article and shows the brief", async () => {
    const ws = new Workspace();
    await ws.loadSample();
    expect(ws.text).toBe(FIXTURE_ARTICLE);
    ws.meta.published = "2026-03-01";
    const brief = await ws.draft();
    expect(ws.state).toBe("ready");
    expect(brief?.parties.map((p) => p.name)).toEqual(["Élise Moreau", "Jonas Köhler", "unnamed senior official"]);
    expect(brief?.source.published).toBe("2026-03-01");
    expect(ws.progress).toBeNull();
  });

  it("reports an engine error with its code and keeps the text", async () => {
    const ws = new Workspace();
    ws.text = "   ";
    expect(await ws.draft()).toBeNull();
    expect(ws.state).toBe("error");
    expect(ws.error?.code).toBe("empty_input");
    expect(ws.text).toBe("   ");
  });

  it("refuses a malformed published date before calling the engine", async () => {
    const ws = new Workspace();
    ws.text = FIXTURE_ARTICLE;
    ws.meta.published = "16/10/2025";
    expect(await ws.draft()).toBeNull();
    expect(ws.error?.code).toBe("invalid_argument");
    expect(backend.calls).not.toContain("draft");
  });

  it("highlights the selected item's source sentence using byte spans on non-ASCII text", async () => {
    const ws = new Workspace();
    ws.text = FIXTURE_ARTICLE;
    await ws.draft();
    ws.select({ section: "positions", index: 1 });
    const [s, e] = ws.highlight!;
    expect(ws.text.slice(s, e)).toBe(
      "Her Austrian counterpart, Jonas Köhler, told reporters the corridor “can reopen within two weeks if both sides sign.”",
    );
    const [fs, fe] = ws.focus!;
    expect(ws.text.slice(fs, fe)).toBe("can reopen within two weeks if both sides sign.");
    ws.select({ section: "parties", index: 0 });
    expect(ws.focus).toBeNull();
    const [ps, pe] = ws.highlight!;
    expect(ws.text.slice(ps, pe)).toBe("Élise Moreau");
  });

  it("stops highlighting once the article is changed after the draft", async () => {
    const ws = new Workspace();
    ws.text = FIXTURE_ARTICLE;
    await ws.draft();
    ws.select({ section: "questions", index: 0 });
    expect(ws.highlight).not.toBeNull();
    ws.text = "Edited: " + ws.text;
    expect(ws.stale).toBe(true);
    expect(ws.highlight).toBeNull();
  });

  it("removes and edits items and keeps the selection pointing at the same item", async () => {
    const ws = new Workspace();
    ws.text = FIXTURE_ARTICLE;
    await ws.draft();
    ws.select({ section: "positions", index: 2 });
    ws.remove("positions", 0);
    expect(ws.brief!.positions).toHaveLength(2);
    expect(ws.selected).toEqual({ section: "positions", index: 1 });
    expect(ws.brief!.positions[ws.selected!.index].speaker).toBe("unnamed senior official");
    ws.edit("questions", 0, "  Will the 3 March summit happen?  ");
    expect(ws.brief!.open_questions[0].question).toBe("Will the 3 March summit happen?");
    ws.edit("questions", 0, "   ");
    expect(ws.brief!.open_questions[0].question).toBe("Will the 3 March summit happen?");
    expect(ws.briefEdited).toBe(true);
    const snap = ws.snapshot()!;
    expect(snap.positions).toHaveLength(2);
  });
});
