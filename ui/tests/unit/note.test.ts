import { mockIPC } from "@tauri-apps/api/mocks";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AUTOSAVE_MS, NoteSession } from "../../src/lib/stores/note.svelte";
import { createMockBackend, FIXTURE_ARTICLE, fixtureBrief, type MockBackend } from "../fixtures/mock-backend";

let backend: MockBackend;
beforeEach(() => {
  backend = createMockBackend();
  mockIPC((cmd, args) => backend.handle(cmd, (args ?? {}) as Record<string, unknown>));
});

const meta = { title: null, classification: "OFFICIAL", link_style: null, markdown: null };

async function created(): Promise<NoteSession> {
  const note = new NoteSession();
  await note.create(fixtureBrief(FIXTURE_ARTICLE, null), FIXTURE_ARTICLE, meta);
  return note;
}

describe("NoteSession", () => {
  it("previews a draft as Markdown and HTML without saving it", async () => {
    const note = new NoteSession();
    await note.preview(fixtureBrief(FIXTURE_ARTICLE, null), FIXTURE_ARTICLE);
    expect(note.state).toBe("draft");
    expect(note.path).toBeNull();
    expect(note.markdown).toContain("## Positions");
    expect(note.previewHtml).toContain("<p>## Positions</p>");
    expect(note.hasUnsavedWork).toBe(true);
    expect(backend.calls).not.toContain("note_create");
  });

  it("autosaves after a pause, not on every key", async () => {
    vi.useFakeTimers();
    const note = await created();
    note.setMarkdown(note.markdown + "\nA");
    note.setMarkdown(note.markdown + "B");
    expect(note.state).toBe("unsaved");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 100);
    expect(backend.calls.filter((c) => c === "note_save")).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(backend.calls.filter((c) => c === "note_save")).toHaveLength(1);
    expect(note.state).toBe("saved");
    expect(backend.notes.get(note.path!)!.markdown.endsWith("\nAB")).toBe(true);
  });

  it("saves at once on demand and reports nothing to save when clean", async () => {
    const note = await created();
    await note.save();
    expect(backend.calls).not.toContain("note_save");
    note.setMarkdown("# Changed");
    await note.save();
    expect(note.state).toBe("saved");
    expect(note.dirty).toBe(false);
    expect(backend.notes.get(note.path!)!.markdown).toBe("# Changed");
  });

  it("on an outside edit, keeps their file, shows a conflict, and saves nothing more until the analyst chooses", async () => {
    const note = await created();
    const path = note.path!;
    backend.externalEdit(path, "# Theirs");
    note.setMarkdown("# Mine");
    await note.save();
    expect(note.state).toBe("conflict");
    const copy = note.conflict!.copy;
    expect(backend.notes.get(path)!.markdown).toBe("# Theirs");
    expect(backend.notes.get(copy)!.markdown).toBe("# Mine");
    note.setMarkdown("# Mine, more");
    await note.save();
    expect(backend.notes.get(path)!.markdown).toBe("# Theirs");
    const before = backend.calls.length;
    await note.keepMine();
    // One vault call: nothing the UI composes can be left half done.
    expect(backend.calls.slice(before)).toEqual(["note_keep_mine"]);
    expect(note.state).toBe("saved");
    expect(backend.notes.get(path)!.markdown).toBe("# Mine, more");
    expect(backend.notes.has(copy)).toBe(false); // in the trash, restorable
    expect(backend.handle("trash_list", {})).toHaveLength(1);
  });

  it("take theirs loads the file on disk; keep both carries on in my copy", async () => {
    const note = await created();
    const path = note.path!;
    backend.externalEdit(path, "# Theirs");
    note.setMarkdown("# Mine");
    await note.save();
    const rev = note.revision;
    const before = backend.calls.length;
    await note.takeTheirs();
    expect(backend.calls.slice(before)).not.toContain("note_delete");
    expect(backend.calls.slice(before)).toContain("note_take_theirs");
    expect(note.markdown).toBe("# Theirs");
    expect(note.state).toBe("saved");
    expect(note.revision).toBe(rev + 1);

    backend.externalEdit(path, "# Theirs again");
    note.setMarkdown("# Mine again");
    await note.save();
    const copy = note.conflict!.copy;
    const mine = await note.keepBoth();
    expect(mine?.summary.path).toBe(copy);
    expect(note.path).toBe(copy);
    expect(note.markdown).toBe("# Mine again");
    expect(backend.notes.get(path)!.markdown).toBe("# Theirs again");
  });

  it("reloads the open note after an outside edit only when there are no local edits", async () => {
    const note = await created();
    const path = note.path!;
    backend.externalEdit(path, "# Outside");
    await note.reloadIfClean(path);
    expect(note.markdown).toBe("# Outside");
    note.setMarkdown("# Local");
    backend.externalEdit(path, "# Outside again");
    await note.reloadIfClean(path);
    expect(note.markdown).toBe("# Local");
    note.clearTimers();
  });

  it("keeps the edits and shows the error when saving fails", async () => {
    const note = await created();
    backend.notes.delete(note.path!);
    note.setMarkdown("# Keep me");
    await note.save();
    expect(note.state).toBe("error");
    expect(note.error?.code).toBe("not_found");
    expect(note.markdown).toBe("# Keep me");
    expect(note.dirty).toBe(true);
  });
});
