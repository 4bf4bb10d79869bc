import { mockIPC } from "@tauri-apps/api/mocks";
import { beforeEach, describe, expect, it } from "vitest";
import { countWords } from "../../src/lib/big-input";
import { NoteSession } from "../../src/lib/stores/note.svelte";
import { Workspace } from "../../src/lib/stores/workspace.svelte";
import { createMockBackend, FIXTURE_ARTICLE, type MockBackend } from "../fixtures/mock-backend";

let backend: MockBackend;
beforeEach(() => {
  backend = createMockBackend();
  mockIPC((cmd, args) => backend.handle(cmd, (args ?? {}) as Record<string, unknown>));
});

/** A two-word title and 60,000 words in sentences of five: the 50,000th word falls inside a
 * sentence, which ends at word 50,002. */
const BIG = "Big article\n" + "alpha beta gamma delta epsilon. ".repeat(12_000);

describe("Workspace, big input", () => {
  it("an article of 50,000 words or fewer drafts without asking", () => {
    const ws = new Workspace();
    ws.text = FIXTURE_ARTICLE;
    expect(ws.sizeUp()).toBeNull();
  });

  it("over 50,000 words, says how many and how many the cut keeps", () => {
    const ws = new Workspace();
    ws.text = BIG;
    const size = ws.sizeUp();
    expect(size).toEqual({ words: 60_002, keptWords: 50_002 });
  });

  it("the first 50,000 words: the article is cut at the sentence end and the cut is told", async () => {
    const ws = new Workspace();
    ws.text = BIG;
    ws.keepFirstWords();
    expect(ws.text.endsWith("epsilon.")).toBe(true);
    expect(countWords(ws.text)).toBe(50_002);
    expect(ws.cut).toEqual({ keptWords: 50_002, droppedWords: 10_000 });
    const brief = await ws.draft();
    expect(brief?.stats.words).toBe(50_002);
    expect(ws.stale).toBe(false);
  });

  it("New → Discard drops the text, the brief, the note and everything derived from them", async () => {
    const ws = new Workspace();
    const note = new NoteSession();
    ws.text = FIXTURE_ARTICLE;
    await ws.draft();
    await ws.draft(); // a re-draft: an undo entry and a pending re-draft hold copies
    const brief = ws.snapshot()!;
    await note.preview(brief, ws.draftedText);
    ws.text = BIG;
    ws.keepFirstWords();
    expect(ws.canUndo).toBe(true);
    ws.reset();
    note.close();
    expect(ws.text).toBe("");
    expect(ws.draftedText).toBe("");
    expect(ws.brief).toBeNull();
    expect(ws.cut).toBeNull();
    expect(ws.pendingRedraft).toBeNull();
    expect(ws.canUndo).toBe(false);
    expect(ws.highlight).toBeNull();
    expect(ws.noteDraft()).toBeNull();
    expect(note.markdown).toBe("");
    expect(note.rendered).toBe("");
    expect(note.previewHtml).toBe("");
    // Nothing left in the stores' own fields holds a string of the article's size.
    const big = (o: object) =>
      Object.values(o).filter((v) => typeof v === "string" && v.length > 1000).length +
      Object.values(Object.getOwnPropertyDescriptors(o)).filter((d) => typeof d.value === "string" && d.value.length > 1000).length;
    expect(big(ws)).toBe(0);
    expect(big(note)).toBe(0);
  });
});
