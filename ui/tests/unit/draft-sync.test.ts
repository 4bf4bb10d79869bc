// The draft pane and the note as one source of truth: edits and removals patch the note, undo
// puts them back, a re-draft makes the analyst's edits again. The patch itself is Rust's
// (attache_vault::patch, data-driven tests there); the mock stands in for it here.
import { mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../../src/App.svelte";
import type { Brief } from "../../src/lib/bindings/Brief";
import type { DraftEdit } from "../../src/lib/bindings/DraftEdit";
import { formatResolved } from "../../src/lib/dates";
import { keysOf, replay, spanMapper } from "../../src/lib/draft-edits";
import { Workspace, type NoteBridge } from "../../src/lib/stores/workspace.svelte";
import { createMockBackend, FIXTURE_ARTICLE, fixtureBrief, fixtureNote, fixtureRefs, type MockBackend } from "../fixtures/mock-backend";

let backend: MockBackend;
beforeEach(() => {
  backend = createMockBackend();
  mockIPC((cmd, args) => backend.handle(cmd, (args ?? {}) as Record<string, unknown>));
});

/** A workspace whose note is a plain string, as the app's NoteSession would hold it. */
function withNote(): { ws: Workspace; note: { md: string } } {
  const ws = new Workspace();
  const brief = fixtureBrief(FIXTURE_ARTICLE, "2026-03-03");
  ws.show(brief, FIXTURE_ARTICLE, fixtureRefs(brief));
  const note = { md: fixtureNote(brief) + "\nMy own paragraph.\n" };
  const bridge: NoteBridge = {
    markdown: () => note.md,
    apply: async (md) => {
      note.md = md;
    },
  };
  ws.bridge = bridge;
  return { ws, note };
}

describe("dates", () => {
  it("writes resolved dates and ranges as an analyst reads them", () => {
    expect(formatResolved("2025-10-16")).toBe("Thu 16 Oct 2025");
    expect(formatResolved("2025-10-16..2025-10-30")).toBe("Thu 16 Oct 2025 – 30 Oct 2025");
    expect(formatResolved("2024-02-29")).toBe("Thu 29 Feb 2024");
    // Not a date: shown as given, never a wrong date.
    expect(formatResolved("2025-02-30")).toBe("2025-02-30");
    expect(formatResolved("sometime")).toBe("sometime");
  });
});

describe("item identity across re-drafts", () => {
  it("moves spans past an edit of the article and drops those inside it", () => {
    const move = spanMapper("abc DEF ghi", "abc DEFXX ghi");
    expect(move([0, 3])).toEqual([0, 3]);
    expect(move([8, 11])).toEqual([10, 13]);
    expect(move([4, 7])).toEqual([4, 7]); // ends where the insertion starts
    expect(move([4, 9])).toBeNull();
  });

  it("replays removals and edits on a fresh draft, and keeps each line's footnote", () => {
    const fresh = fixtureBrief(FIXTURE_ARTICLE, null);
    const before: Brief = structuredClone(fresh);
    const keys = keysOf(before, "positions");
    const edits: DraftEdit[] = [
      { section: "positions", key: keys[0], remove: true, fields: {} },
      { section: "positions", key: keysOf({ ...before, positions: before.positions.slice(1) }, "positions")[0], remove: false, fields: { stance: "oppose" } },
    ];
    const previous = { brief: before, refs: { positions: ["p7", "p8", "p9"], questions: ["q1"], dates: ["d1", "d2"] } };
    const r = replay(fresh, FIXTURE_ARTICLE, edits, previous, FIXTURE_ARTICLE);
    expect(r.lost).toBe(0);
    expect(r.brief.positions.map((p) => p.speaker)).toEqual(["Jonas Köhler", "unnamed senior official"]);
    expect(r.brief.positions[0].stance).toBe("oppose");
    expect(r.refs.positions).toEqual(["p8", "p9"]);
  });
});

describe("Workspace edits patch the note", () => {
  it("a removal takes the line out of the note, keeps the analyst's text, and undo puts it back", async () => {
    const { ws, note } = withNote();
    const original = note.md;
    await ws.remove("positions", 1);
    expect(ws.brief!.positions).toHaveLength(2);
    expect(note.md).not.toContain("[^p2]");
    expect(note.md).toContain("My own paragraph.");
    expect(ws.toast?.undoable).toBe(true);
    await ws.undo();
    expect(ws.brief!.positions).toHaveLength(3);
    expect(ws.refs.positions).toEqual(["p1", "p2", "p3"]);
    // The line is back (the mock puts it at the end of its section; Rust's merge puts it where
    // it was, see the patch cases in the vault's testdata).
    expect(note.md.split("\n").sort()).toEqual(original.split("\n").sort());
  });

  it("a stance, speaker and issue edit reaches the note's line by its footnote", async () => {
    const { ws, note } = withNote();
    await ws.editPosition(2, { stance: "oppose", speaker: "Jonas Köhler", party: "p2", issue: "Budget of the mission" });
    const line = note.md.split("\n").find((l) => l.endsWith("[^p3]"))!;
    expect(line).toContain("**Jonas Köhler** — oppose — Budget of the mission");
    expect(ws.brief!.issues.map((i) => i.label)).toContain("Budget of the mission");
    expect(ws.edits).toHaveLength(1);
  });

  it("an edited quote is a paraphrase once its words are not the article's", async () => {
    const { ws } = withNote();
    await ws.editPosition(0, { text: "no deal without river monitors" });
    expect(ws.brief!.positions[0].kind).toBe("paraphrase");
    await ws.editPosition(0, { text: "there will be no deal without monitors on the river." });
    expect(ws.brief!.positions[0].kind).toBe("quote");
  });

  it("a re-draft makes the edits and removals again, and can be undone", async () => {
    const { ws, note } = withNote();
    await ws.remove("positions", 0);
    await ws.editPosition(0, { stance: "oppose" });
    await ws.draft();
    expect(ws.brief!.positions.map((p) => p.speaker)).toEqual(["Jonas Köhler", "unnamed senior official"]);
    expect(ws.brief!.positions[0].stance).toBe("oppose");
    expect(ws.toast?.message).toContain("2 edits made again");
    await ws.redraftIntoNote();
    expect(note.md).not.toContain("[^p1]");
    expect(note.md).toContain("oppose");
    await ws.undo();
    expect(ws.brief!.positions).toHaveLength(2);
  });
});

describe("Workspace undo of a re-draft the note never received", () => {
  it("restores the pane and leaves the note alone", async () => {
    const { ws, note } = withNote();
    await ws.remove("positions", 2);
    const md = note.md;
    await ws.draft(); // offered beside the note (the app shows the banner), not merged
    await ws.undo();
    expect(note.md).toBe(md);
    expect(ws.brief!.positions).toHaveLength(2);
  });
});

describe("App: one source of truth", () => {
  const qa = (sel: string) => [...document.querySelectorAll(sel)];
  async function drafted() {
    render(App);
    const input = screen.getByTestId("article-input") as HTMLTextAreaElement;
    await fireEvent.input(input, { target: { value: FIXTURE_ARTICLE } });
    await fireEvent.click(screen.getByTestId("draft-button"));
    await waitFor(() => expect(document.querySelector("[data-testid=save-state]")?.getAttribute("data-state")).toBe("draft"));
  }

  it("Remove has an undo toast and Ctrl+Z in the draft pane; a saved note follows both", async () => {
    await drafted();
    await fireEvent.keyDown(window, { key: "s", ctrlKey: true });
    await waitFor(() => expect(document.querySelector("[data-testid=save-state]")?.getAttribute("data-state")).toBe("saved"));
    const [path, stored] = [...backend.notes.entries()][0];
    await fireEvent.click(qa("[data-testid=position] [data-testid=remove-item]")[0]);
    await waitFor(() => expect(backend.notes.get(path)!.draft?.brief.positions).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId("undo-toast").textContent).toContain("Removed the position of Élise Moreau"));
    expect(stored.draft?.edits).toHaveLength(1);
    await fireEvent.click(screen.getByTestId("undo-button"));
    await waitFor(() => expect(qa("[data-testid=position]")).toHaveLength(3));
    await waitFor(() => expect(backend.notes.get(path)!.draft?.brief.positions).toHaveLength(3));
    // Ctrl+Z with the focus in the draft pane undoes a removal too.
    await fireEvent.click(qa("[data-testid=position] [data-testid=remove-item]")[2]);
    await waitFor(() => expect(qa("[data-testid=position]")).toHaveLength(2));
    await fireEvent.keyDown(screen.getByTestId("brief"), { key: "z", ctrlKey: true });
    await waitFor(() => expect(qa("[data-testid=position]")).toHaveLength(3));
  }, 20_000); // several round trips through the app; the shared machine can be slow

  it("re-drafting an unsaved draft keeps the pane's removals in the draft and the note", async () => {
    await drafted();
    await fireEvent.click(qa("[data-testid=position] [data-testid=remove-item]")[0]);
    await waitFor(() => expect(qa("[data-testid=position]")).toHaveLength(2));
    await fireEvent.click(screen.getByTestId("draft-button"));
    await waitFor(() => expect(screen.getByTestId("undo-toast").textContent).toContain("Re-drafted"));
    expect(qa("[data-testid=position]")).toHaveLength(2);
    expect(qa("[data-testid=position-speaker]").map((e) => e.textContent)).not.toContain("Élise Moreau");
  }, 20_000);
});
